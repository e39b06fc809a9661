"""Every named query, cold, as `heroes-kg query` against the `oxigraph query` CLI.

Both run as fresh processes on the same persisted store (the project is built first if
needed), one after the other for each query, so the machine's load hits both alike;
`oxigraph query` reads the union of the store's graphs (`--union-default-graph`), the
reference the targets name. Queries whose header says they take a binding run with it
(``--bind NAME=VALUE``; by default ``entity=`` the first entity of the project's first
facts file, ``person=`` its first actor and ``article=`` its first article), and with
``--unbound`` also without it. Each run is stopped after ``--timeout``
seconds and shown as "> T". Prints a table with the ratio
heroes-kg / oxigraph per query.

With ``--before SRC`` the same questions are also asked, in the same run, of the
heroes-kg whose package is under SRC (an earlier checkout's src/), on a copy of the project
(``--before-project``, made if missing) so that the two versions' caches of the seeds'
digests do not undo each other. With ``--in-memory`` each question is also answered in
this process on the graph loaded into memory from the build's sorted N-Triples (the
load timed once, apart), the reference for whole-graph questions.

Each process writes its answer as CSV to /dev/null and is timed to its end (its last
row), a heroes-kg that writes rows as they come as well as one that writes them at once;
beside the wall times, the CPU seconds (user + system) of heroes-kg and oxigraph (and
of heroes-kg before), the steadier figure on a shared machine. Python's bytecode cache
is on in every child, as an installed package has it. heroes-kg runs as the installed
``heroes-kg`` command does (its script beside this Python, else ``python -m heroes_kg``),
the package taken from this checkout (or SRC) either way: as the program, which exits
without Python's own shut-down once it has written its answer (``python -c`` calling
``main()`` is a program of someone else's, and pays for it, 12-16 ms a question).

    python benchmarks/query_whole_graph.py --project /tmp/kg-1m
    python benchmarks/query_whole_graph.py --project /tmp/kg-1m --only facts-about,mentions
    python benchmarks/query_whole_graph.py --project /tmp/kg-1m --in-memory \
        --before /tmp/old/src
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import heroes_kg
from heroes_kg.project import Project, find_project
from heroes_kg.query import list_queries, prefixes
from heroes_kg.rdf.store import store_dir

#: CPU seconds (user + system) of each timed process, by its label, for the summary.
CPU: dict[str, list[float]] = {}


def _time(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float,
          label: str = "") -> float | None:
    """Wall seconds of ``cmd`` run to its end (None: stopped at ``timeout``); its CPU
    seconds are kept in :data:`CPU` under ``label``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:5])} … failed: {done.stderr.strip()}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append(after.ru_utime + after.ru_stime
                                     - before.ru_utime - before.ru_stime)
    return wall


def _command() -> list[str]:
    """How to start heroes-kg as the installed command does, with this Python: its
    script, or ``python -m heroes_kg`` where there is none."""
    script = Path(sys.executable).with_name("heroes-kg")
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "heroes_kg"]


def _cell(seconds: float | None, timeout: float) -> str:
    return f"{seconds:.2f}" if seconds is not None else f"> {timeout:.0f}"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a is not None and b is not None else "-"


def _iri(value: str, known: dict[str, str]) -> str:
    """The IRI of a binding's value: prefix:name, or an entity id."""
    prefix, sep, local = value.partition(":")
    return known[prefix] + local if sep else known["res"] + value


def _default_bindings(project: Path) -> dict[str, str]:
    """entity= the first entity, person= the first actor, article= the first article."""
    import yaml

    found: dict[str, str] = {}
    for path in sorted((project / "seeds" / "facts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entity in data.get("entities") or []:
            found.setdefault("entity", str(entity["id"]))
            if entity.get("type") == "Actor":
                found.setdefault("person", str(entity["id"]))
    for path in sorted((project / "seeds" / "articles").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found["article"] = f"article:{data['id']}"
        break
    if "entity" not in found:
        sys.exit("the project declares no entity")
    return found


def prepared(folder: str | None) -> tuple[Project, str, dict[str, str], str, dict[str, str]]:
    """The project (its store built first if the seeds changed), the oxigraph CLI, the
    prefixes, their PREFIX lines for that CLI, and the environment a child heroes-kg
    runs in (this package first)."""
    project = find_project(folder)
    heroes_kg.load(project.root).close()
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        sys.exit("the oxigraph CLI is not installed (pip install oxigraph)")
    known = prefixes(project.base_iri)
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in known.items())
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "",
           "PYTHONPATH": str(Path(heroes_kg.__file__).resolve().parents[1])
           + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return project, oxigraph, known, declared, env


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
    parser.add_argument("--before", default=None, metavar="SRC",
                        help="also time the heroes-kg package under SRC (same run)")
    parser.add_argument("--before-project", default=None, metavar="DIR",
                        help="the copy of the project it runs on (default: DIR-before)")
    parser.add_argument("--in-memory", action="store_true",
                        help="also time each question on the graph loaded into memory")
    args = parser.parse_args(argv)

    project, oxigraph, known, declared, env = prepared(args.project)
    bindings = dict(b.split("=", 1) for b in args.bind) or _default_bindings(project.root)
    before_env = before_root = None
    if args.before:
        before_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "",
                      "PYTHONPATH": str(Path(args.before).resolve())}
        before_root = Path(args.before_project or f"{project.root}-before")
        if not before_root.exists():
            shutil.copytree(project.root, before_root, symlinks=True)
    memory = None
    if args.in_memory:
        import pyoxigraph as ox

        with heroes_kg.load(project.root) as kg:
            assert kg.parts is not None, "the build kept no sorted N-Triples"
            started = time.perf_counter()
            memory = ox.Store()
            for graph, paths in kg.parts.items():
                for path in paths:
                    memory.load(path=str(path), format=ox.RdfFormat.N_TRIPLES,
                                to_graph=graph, lenient=True)
            loaded = time.perf_counter() - started
            graphs = list(kg.data_graphs)
        print(f"graph loaded into memory in {loaded:.2f} s (one thread)", flush=True)
    wanted = set(args.only.split(",")) if args.only else None
    bytecode = "off" if sys.dont_write_bytecode else "on"
    print(f"cold runs on {store_dir(project)}, load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores, bytecode cache {bytecode}; seconds, '> T' = stopped")
    head = f"{'query':<34} {'heroes-kg':>10} {'oxigraph':>10} {'ratio':>7} {'CPU h/o':>11}"
    if args.before:
        head += f" {'before':>10} {'ratio':>7} {'CPU':>6}"
    if memory is not None:
        head += f" {'in memory':>10} {'hkg/mem':>8}"
    print(head)
    runs = []
    for named in list_queries(project):
        if wanted is not None and named.name not in wanted:
            continue
        bound = {k: v for k, v in bindings.items() if f"bind ?{k}" in named.text}
        if bound:
            runs.append((named, bound))
        if not bound or args.unbound:
            runs.append((named, {}))
    if not runs:
        sys.exit(f"no named query to run: {project.queries_dir} has "
                 f"{'none of ' + args.only if args.only else 'no .rq file'} (a synthetic "
                 "project has no queries/: copy this project's queries/ folder there)")
    for named, bound in runs:
        text = named.text
        graph = re.search(r"(?im)^\s*(CONSTRUCT|DESCRIBE)\b", text) is not None
        ours = [*_command(), "query", "--project", str(project.root), named.name,
                "--format", "nt" if graph else "csv"]
        shown = named.name
        if bound:
            values = " ".join(f"VALUES ?{k} {{ <{_iri(v, known)}> }}" for k, v in bound.items())
            at = text.index("{", text.upper().index("WHERE")) + 1
            text = text[:at] + f" {values} " + text[at:]
            for k, v in bound.items():
                ours += ["--bind", f"{k}={v}"]
            shown += " " + " ".join(f"{k}={v}" for k, v in bound.items())
        theirs = [oxigraph, "query", "--location", str(store_dir(project)),
                  "--union-default-graph",
                  "--results-format", "nt" if graph else "csv",
                  "--query", declared + text]
        a = _time(ours, project.root, env, args.timeout, "heroes-kg")
        b = _time(theirs, project.root, env, args.timeout, "oxigraph")
        cpu = f"{CPU['heroes-kg'][-1]:.2f}/{CPU['oxigraph'][-1]:.2f}" \
            if a is not None and b is not None else "-"
        line = f"{shown:<34} {_cell(a, args.timeout):>10} {_cell(b, args.timeout):>10} " \
               f"{_ratio(a, b):>7} {cpu:>11}"
        if before_env is not None and before_root is not None:
            old = ours[:ours.index("--project") + 1] + [str(before_root)] + \
                ours[ours.index("--project") + 2:]
            c = _time(old, before_root, before_env, args.timeout, "before")
            line += f" {_cell(c, args.timeout):>10} {_ratio(c, b):>7}"
            if c is not None:
                line += f" {CPU['before'][-1]:>6.2f}"
        if memory is not None:
            started = time.perf_counter()
            answer = memory.query(declared + text, default_graph=graphs,
                                  named_graphs=graphs)
            if isinstance(answer, ox.QueryTriples):
                answer.serialize(format=ox.RdfFormat.N_TRIPLES)
            else:
                answer.serialize(format=ox.QueryResultsFormat.CSV)
            m = time.perf_counter() - started
            line += f" {m:>10.2f} {_ratio(a, m):>8}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
