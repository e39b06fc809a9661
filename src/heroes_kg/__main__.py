"""``python -m heroes_kg`` and the ``heroes-kg`` command."""

import os
import sys


def run() -> None:
    """Start the command line. A Ctrl-C while its modules are still loading exits with 130
    and "Interrupted." like one later, not with a traceback."""
    try:
        from .cli import main
    except KeyboardInterrupt:  # Ctrl-C while starting up
        sys.stderr.write("Interrupted.\n")
        os._exit(130)
    main()


if __name__ == "__main__":
    run()
