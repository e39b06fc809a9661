"""Every named query, cold, as `heroes-kg query` against the `oxigraph query` CLI.

Both run as fresh processes on the same persisted store (the project is built first if
needed), one after the other for each query, so the machine's load hits both alike;
`oxigraph query` reads the union of the store's graphs (`--union-default-graph`), the
reference the targets name. Queries whose header says they take a binding run with it
(``--bind NAME=VALUE``, default ``entity=`` the first entity of the project's first facts
file), and with ``--unbound`` also without it. Each run is stopped after ``--timeout``
seconds and shown as "> T". Prints a table with the ratio
heroes-kg / oxigraph per query.

    python benchmarks/query_whole_graph.py --project /tmp/kg-1m
    python benchmarks/query_whole_graph.py --project /tmp/kg-1m --only facts-about,mentions
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import heroes_kg
from heroes_kg.project import find_project
from heroes_kg.query import list_queries, prefixes
from heroes_kg.rdf.store import store_dir


def _time(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> float | None:
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:5])} … failed: {done.stderr.strip()}")
    return time.perf_counter() - started


def _first_entity(project: Path) -> str:
    import yaml

    for path in sorted((project / "seeds" / "facts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entity in data.get("entities") or []:
            return str(entity["id"])
    sys.exit("the project declares no entity")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=None, help="project folder (default: here)")
    parser.add_argument("--only", default=None, help="comma-separated query names")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                        help="a binding for the queries that take it (entity ids)")
    parser.add_argument("--unbound", action="store_true",
                        help="also run the queries that take a binding without it")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="S",
                        help="stop each run after S seconds (default 300)")
    args = parser.parse_args(argv)

    project = find_project(args.project)
    heroes_kg.load(project.root).close()  # build the store first if the seeds changed
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        sys.exit("the oxigraph CLI is not installed (pip install oxigraph)")
    bindings = dict(b.split("=", 1) for b in args.bind) or {
        "entity": _first_entity(project.root)}
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes(project.base_iri).items())
    env = {**os.environ, "PYTHONPATH": str(Path(heroes_kg.__file__).resolve().parents[1])
           + os.pathsep + os.environ.get("PYTHONPATH", "")}
    wanted = set(args.only.split(",")) if args.only else None
    print(f"cold runs on {store_dir(project)}, load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores; seconds, '> T' = stopped")
    print(f"{'query':<34} {'heroes-kg':>10} {'oxigraph':>10} {'ratio':>7}")
    runs = []
    for named in list_queries(project):
        if wanted is not None and named.name not in wanted:
            continue
        bound = {k: v for k, v in bindings.items() if f"bind ?{k}" in named.text}
        if bound:
            runs.append((named, bound))
        if not bound or args.unbound:
            runs.append((named, {}))
    for named, bound in runs:
        text = named.text
        ours = [sys.executable, "-c", "from heroes_kg.cli import main; main()", "query",
                "--project", str(project.root), named.name, "--format", "csv"]
        shown = named.name
        if bound:
            values = " ".join(
                f"VALUES ?{k} {{ <{project.base_iri}resource/{v}> }}" for k, v in bound.items())
            at = text.index("{", text.upper().index("WHERE")) + 1
            text = text[:at] + f" {values} " + text[at:]
            for k, v in bound.items():
                ours += ["--bind", f"{k}={v}"]
            shown += " " + " ".join(f"{k}={v}" for k, v in bound.items())
        theirs = [oxigraph, "query", "--location", str(store_dir(project)),
                  "--union-default-graph", "--results-format", "csv",
                  "--query", declared + text]
        a = _time(ours, project.root, env, args.timeout)
        b = _time(theirs, project.root, env, args.timeout)
        cells = [f"{t:.2f}" if t is not None else f"> {args.timeout:.0f}" for t in (a, b)]
        ratio = f"{a / b:.2f}×" if a is not None and b is not None else "-"
        print(f"{shown:<34} {cells[0]:>10} {cells[1]:>10} {ratio:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
