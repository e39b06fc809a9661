"""Where a named query's time goes on the persisted store: Oxigraph's evaluation, or ours.

For each query (``--only``, default article-supports and neighbourhood, unbound) this
times, on the same store, one after the other:

- ``oxigraph query --union-default-graph`` writing N-Triples (CONSTRUCT) or CSV to
  /dev/null, the reference;
- pyoxigraph in this process, the store opened read-only, over the union of its graphs
  and over the data graphs listed as the default graph (what heroes-kg asked before it
  could tell the two apart), each once only iterating the answer (no text made) and once
  serializing it through heroes-kg's streaming output (:class:`heroes_kg.query._stream.
  Output`) to /dev/null;
- ``heroes-kg query`` as a fresh process, writing the same format to /dev/null.

Each line gives wall seconds, CPU seconds (user + system: on a busy shared machine the
steadier figure) and, for processes, the peak resident memory.

    python benchmarks/query_where_time_goes.py --project /tmp/kg-1m
    python benchmarks/query_where_time_goes.py --project /tmp/kg-1m --only facts-about
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

import heroes_kg
from heroes_kg.query import named_query
from heroes_kg.query._stream import Output
from heroes_kg.rdf.store import store_dir
from query_whole_graph import prepared  # beside this script


def _child(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} … failed")
    cpu = usage.ru_utime + usage.ru_stime
    return f"{wall:8.2f} {cpu:8.2f}  {usage.ru_maxrss / 1024:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=None, help="project folder (default: here)")
    parser.add_argument("--only", default="article-supports,neighbourhood",
                        help="comma-separated query names")
    args = parser.parse_args(argv)

    project, oxigraph, known, declared, env = prepared(args.project)
    with heroes_kg.load(project.root) as kg:
        graphs: list[ox.NamedNode | ox.BlankNode] = list(kg.data_graphs)
    print(f"{store_dir(project)}, load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores; wall s, CPU s (peak memory of a process)")
    for name in args.only.split(","):
        named = named_query(project, name)
        if named is None:
            sys.exit(f"no named query {name}")
        graph = re.search(r"(?im)^\s*(CONSTRUCT|DESCRIBE)\b", named.text) is not None
        fmt = "nt" if graph else "csv"
        print(f"{name} ({fmt})")
        line = _child([oxigraph, "query", "--location", str(store_dir(project)),
                       "--union-default-graph", "--results-format", fmt,
                       "--query", declared + named.text], project.root, env)
        print(f"  {'oxigraph query':<34} {line}", flush=True)
        store = ox.Store.read_only(str(store_dir(project)))
        for dataset, options in (
                ("union", {"use_default_graph_as_union": True, "named_graphs": graphs}),
                ("data graphs", {"default_graph": list(graphs), "named_graphs": graphs})):
            for how in ("iterated", "written"):
                started, cpu = time.perf_counter(), time.process_time()
                answer = store.query(named.text, prefixes=known, **options)
                if how == "iterated":
                    rows = sum(1 for _ in answer)
                else:
                    with open(os.devnull, "wb") as sink:
                        output = Output(sink, "ntriples" if graph else "csv")
                        output.write(answer, store)
                        rows = output.rows
                print(f"  {'pyoxigraph, ' + dataset + ', ' + how:<34} "
                      f"{time.perf_counter() - started:8.2f} "
                      f"{time.process_time() - cpu:8.2f}  {rows:,} rows", flush=True)
        del store
        line = _child([sys.executable, "-c", "from heroes_kg.cli import main; main()",
                       "query", "--project", str(project.root), name, "--format", fmt],
                      project.root, env)
        print(f"  {'heroes-kg query':<34} {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
