"""Cold-start cost of `heroes-kg query NAME` against the `oxigraph query` CLI.

Both run as fresh processes on the same persisted store (.heroes-kg/store, built first if
needed), alternately, so machine load hits both alike. Prints the median and best wall
time of each, their ratio, the CPU seconds (user + system) of each (the steadier figure
on a shared machine), and the cost of the seeds fingerprint that `open_graph` computes on
every start. heroes-kg runs as the installed ``heroes-kg`` command does (its script
beside this Python, else ``python -m heroes_kg``), with the package of this checkout.

With ``--before SRC`` the heroes-kg whose package is under SRC (an earlier checkout's
src/) is run too, in the same turns, on a copy of the project (``--before-project``,
made if missing), as in ``query_whole_graph.py``. ``--query`` takes several names,
comma-separated, each timed in its own turns.

    python benchmarks/query_cold.py                  # 15 runs of each, sequel-director
    python benchmarks/query_cold.py --reps 5 --query cast --project path/to/project
    python benchmarks/query_cold.py --reps 10 --query timeline,shared-news \
        --project /tmp/kg-1m --before /tmp/old/src
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import heroes_kg
from heroes_kg.project import find_project
from heroes_kg.query import list_queries, prefixes
from heroes_kg.rdf.store import fingerprint, store_dir

TARGET_SECONDS = 0.25


def _time(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``cmd`` run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} … failed: {done.stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def _command() -> list[str]:
    """How to start heroes-kg as the installed command does, with this Python: its
    script, or ``python -m heroes_kg`` where there is none (either way as the program,
    which skips Python's shut-down once it has answered)."""
    script = Path(sys.executable).with_name("heroes-kg")
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "heroes_kg"]


def _line(label: str, runs: list[tuple[float, float]]) -> str:
    wall, cpu = [w for w, _ in runs], [c for _, c in runs]
    return (f"  {label:<16}: median {statistics.median(wall):.3f} s, best {min(wall):.3f} s;"
            f" CPU median {statistics.median(cpu):.3f} s, best {min(cpu):.3f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15, help="runs of each command")
    parser.add_argument("--query", default="sequel-director",
                        help="named query to run (several: comma-separated)")
    parser.add_argument("--project", default=None, help="project folder (default: here)")
    parser.add_argument("--before", default=None, metavar="SRC",
                        help="also time the heroes-kg package under SRC (same turns)")
    parser.add_argument("--before-project", default=None, metavar="DIR",
                        help="the copy of the project it runs on (default: DIR-before)")
    args = parser.parse_args(argv)

    project = find_project(args.project)
    heroes_kg.load(project.root)  # build the store first if the seeds changed
    named = {q.name: q for q in list_queries(project)}
    wanted = args.query.split(",")
    for name in wanted:
        if name not in named:
            sys.exit(f"no named query {name!r} in {project.queries_dir}")
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        sys.exit("the oxigraph CLI is not installed (pip install oxigraph)")
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes(project.base_iri).items())

    package_root = str(Path(heroes_kg.__file__).resolve().parents[1])
    # Byte-compiled modules, as an installed package has them (pip compiles on install);
    # kept in a temporary folder, even where PYTHONDONTWRITEBYTECODE is set.
    pycache = tempfile.TemporaryDirectory(prefix="heroes-kg-pycache-")
    env = {**os.environ, "PYTHONPATH": package_root + os.pathsep
           + os.environ.get("PYTHONPATH", ""), "PYTHONPYCACHEPREFIX": pycache.name}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before_env = before_root = None
    if args.before:
        before_env = {**env, "PYTHONPATH": str(Path(args.before).resolve())}
        before_root = Path(args.before_project or f"{project.root}-before")
        if not before_root.exists():
            shutil.copytree(project.root, before_root, symlinks=True)
    bare = [sys.executable, "-c", "pass"]
    for name in wanted:
        graph = re.search(r"(?im)^\s*(CONSTRUCT|DESCRIBE)\b", named[name].text)
        fmt = "nt" if graph else "csv"
        ours = [*_command(), "query", name, "--format", fmt]
        theirs = [oxigraph, "query", "--location", str(store_dir(project)),
                  "--union-default-graph", "--results-format", fmt,
                  "--query", declared + named[name].text]
        _time(ours, project.root, env)  # warm the OS file cache and bytecode, untimed
        _time(theirs, project.root, env)
        if before_env is not None and before_root is not None:
            _time(ours, before_root, before_env)
        heroes: list[tuple[float, float]] = []
        reference: list[tuple[float, float]] = []
        earlier: list[tuple[float, float]] = []
        startup: list[tuple[float, float]] = []
        for _ in range(max(1, args.reps)):
            heroes.append(_time(ours, project.root, env))
            reference.append(_time(theirs, project.root, env))
            if before_env is not None and before_root is not None:
                earlier.append(_time(ours, before_root, before_env))
            startup.append(_time(bare, project.root, env))

        ours_median = statistics.median(w for w, _ in heroes)
        theirs_median = statistics.median(w for w, _ in reference)
        cpu_ratio = (statistics.median(c for _, c in heroes)
                     / max(statistics.median(c for _, c in reference), 1e-9))
        print(f"cold `heroes-kg query {name}` vs `oxigraph query`, "
              f"{len(heroes)} runs each, store {store_dir(project)}")
        print(_line("heroes-kg query", heroes))
        print(_line("oxigraph query", reference))
        if earlier:
            print(_line("heroes-kg before", earlier))
        print(f"  ratio (median)  : {ours_median / theirs_median:.2f}x "
              f"(CPU {cpu_ratio:.2f}x)")
        if earlier:
            before_median = statistics.median(w for w, _ in earlier)
            before_cpu = (statistics.median(c for _, c in earlier)
                          / max(statistics.median(c for _, c in reference), 1e-9))
            print(f"  before (median) : {before_median / theirs_median:.2f}x "
                  f"(CPU {before_cpu:.2f}x)")
        print(f"  (bare `python -c pass`: median {statistics.median(w for w, _ in startup):.3f}"
              f" s, best {min(w for w, _ in startup):.3f} s)")
        print(f"  machine load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        verdict = "within" if ours_median <= TARGET_SECONDS else "OVER"
        print(f"  target {TARGET_SECONDS:.2f} s: {verdict}")

    started = time.perf_counter()
    for _ in range(20):
        fingerprint(project)
    fingerprint_ms = (time.perf_counter() - started) / 20 * 1000
    print(f"  seeds fingerprint in open_graph: {fingerprint_ms:.2f} ms")
    pycache.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
