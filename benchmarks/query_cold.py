"""Cold-start cost of `heroes-kg query NAME` against the `oxigraph query` CLI.

Both run as fresh processes on the same persisted store (.heroes-kg/store, built first if
needed), alternately, so machine load hits both alike. Prints the median and best wall
time of each, their ratio, and the cost of the seeds fingerprint that `open_graph`
computes on every start.

    python benchmarks/query_cold.py                  # 15 runs of each, sequel-director
    python benchmarks/query_cold.py --reps 5 --query cast --project path/to/project
"""

from __future__ import annotations

import argparse
import os
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


def _time(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} … failed: {done.stderr.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15, help="runs of each command")
    parser.add_argument("--query", default="sequel-director", help="named query to run")
    parser.add_argument("--project", default=None, help="project folder (default: here)")
    args = parser.parse_args(argv)

    project = find_project(args.project)
    heroes_kg.load(project.root)  # build the store first if the seeds changed
    named = {q.name: q for q in list_queries(project)}
    if args.query not in named:
        sys.exit(f"no named query {args.query!r} in {project.queries_dir}")
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        sys.exit("the oxigraph CLI is not installed (pip install oxigraph)")
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes(project.base_iri).items())
    sparql = declared + named[args.query].text

    package_root = str(Path(heroes_kg.__file__).resolve().parents[1])
    # Byte-compiled modules, as an installed package has them (pip compiles on install);
    # kept in a temporary folder, even where PYTHONDONTWRITEBYTECODE is set.
    pycache = tempfile.TemporaryDirectory(prefix="heroes-kg-pycache-")
    env = {**os.environ, "PYTHONPATH": package_root + os.pathsep
           + os.environ.get("PYTHONPATH", ""), "PYTHONPYCACHEPREFIX": pycache.name}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = [sys.executable, "-c", "from heroes_kg.cli import main; main()",
            "query", args.query]
    theirs = [oxigraph, "query", "--location", str(store_dir(project)),
              "--union-default-graph", "--results-format", "csv", "--query", sparql]

    _time(ours, project.root, env)  # warm the OS file cache and bytecode, untimed
    _time(theirs, project.root, env)
    bare = [sys.executable, "-c", "pass"]
    heroes: list[float] = []
    reference: list[float] = []
    startup: list[float] = []
    for _ in range(max(1, args.reps)):
        heroes.append(_time(ours, project.root, env))
        reference.append(_time(theirs, project.root, env))
        startup.append(_time(bare, project.root, env))

    started = time.perf_counter()
    for _ in range(20):
        fingerprint(project)
    fingerprint_ms = (time.perf_counter() - started) / 20 * 1000

    ours_median, theirs_median = statistics.median(heroes), statistics.median(reference)
    print(f"cold `heroes-kg query {args.query}` vs `oxigraph query`, "
          f"{len(heroes)} runs each, store {store_dir(project)}")
    print(f"  heroes-kg query : median {ours_median:.3f} s, best {min(heroes):.3f} s")
    print(f"  oxigraph query  : median {theirs_median:.3f} s, best {min(reference):.3f} s")
    print(f"  ratio (median)  : {ours_median / theirs_median:.2f}x")
    print(f"  (bare `python -c pass`: median {statistics.median(startup):.3f} s, "
          f"best {min(startup):.3f} s)")
    print(f"  seeds fingerprint in open_graph: {fingerprint_ms:.2f} ms")
    print(f"  machine load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    verdict = "within" if ours_median <= TARGET_SECONDS else "OVER"
    print(f"  target {TARGET_SECONDS:.2f} s: {verdict}")
    pycache.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
