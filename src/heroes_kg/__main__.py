import os
import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while starting up
    sys.stderr.write("Interrupted.\n")
    os._exit(130)

main()
