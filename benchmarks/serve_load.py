"""Load test of `heroes-kg serve`: concurrent SPARQL clients, through the proxy and, in
the same run, straight to the Oxigraph server behind it.

    python benchmarks/serve_load.py [--clients 8] [--queries 2000] [--project DIR]

The server runs in a process of its own, as `heroes-kg serve` does. The queries are the
named queries in queries/ (or, where there are none, a few built-in ones), sent in turn.
Proxy and direct rounds alternate (4 of each), so that load from elsewhere on the machine
falls on both alike. Each request opens a new connection, as simple clients do.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

BUILT_IN = [
    "SELECT ?s ?name WHERE { ?s <https://schema.org/name> ?name } ORDER BY ?name",
    "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "ASK { ?a <https://schema.org/mentions> ?b }",
    "SELECT ?film ?actor WHERE { ?film <https://schema.org/actor> ?role . "
    "?role <https://schema.org/actor> ?actor }",
]

_SERVER = """
import signal, sys
def stop(signum, frame):
    raise KeyboardInterrupt
signal.signal(signal.SIGTERM, stop)
from heroes_kg.project import find_project
from heroes_kg.serve.app import serve
with serve(find_project(sys.argv[1]), port=0, timeout=30) as server:
    print(server.endpoint_url, server.backend_url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
"""


def load_queries(project: Path) -> list[str]:
    """The named queries of ``project`` with their prefixes declared, or the built-in ones."""
    files = sorted((project / "queries").glob("*.rq"))
    if not files:
        return list(BUILT_IN)
    head = ""
    try:
        from heroes_kg.query import prefixes

        head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes(
            "https://w3id.org/heroes-kg/").items())
    except ImportError:
        pass
    return [head + f.read_text(encoding="utf-8") for f in files]


def run_load(url: str, queries: list[str], clients: int, total: int) -> dict[str, Any]:
    """Send ``total`` queries from ``clients`` threads; count errors and time it all."""
    bodies = [urllib.parse.urlencode({"query": q}).encode() for q in queries]
    errors: list[str] = []
    counter = iter(range(total))
    lock = threading.Lock()

    def client() -> None:
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            request = urllib.request.Request(url, data=bodies[i % len(bodies)], headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, application/n-triples"})
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                    if response.status != 200:
                        errors.append(f"HTTP {response.status}")
            except Exception as exc:  # every failure counts
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"queries": total, "errors": len(errors), "seconds": elapsed,
            "per_second": total / elapsed, "first_error": errors[0] if errors else ""}


def _merge(runs: list[dict[str, Any]]) -> dict[str, Any]:
    queries = sum(r["queries"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    errors = [r["first_error"] for r in runs if r["first_error"]]
    return {"queries": queries, "errors": sum(r["errors"] for r in runs), "seconds": seconds,
            "per_second": queries / seconds, "first_error": errors[0] if errors else ""}


def measure(project: Path, clients: int = 8, total: int = 2000) -> dict[str, Any]:
    """Start a server on ``project`` (already built), load it through the proxy and
    directly, stop it; return both measurements."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen([sys.executable, "-c", _SERVER, str(project)],
                               stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        proxy_url, direct_url = process.stdout.readline().split()
        queries = load_queries(project)
        run_load(proxy_url, queries, clients, min(total, 50))  # warm up
        # Alternate rounds, so that a busy moment on the machine hits both alike.
        rounds = 4
        proxy_runs, direct_runs = [], []
        for i in range(rounds):
            share = total // rounds + (1 if i < total % rounds else 0)
            proxy_runs.append(run_load(proxy_url, queries, clients, share))
            direct_runs.append(run_load(direct_url, queries, clients, share))
        proxy, direct = _merge(proxy_runs), _merge(direct_runs)
    finally:
        process.terminate()
        process.wait(15)
        if process.stdout is not None:
            process.stdout.close()
    return {"clients": clients, "distinct_queries": len(queries), "proxy": proxy,
            "direct": direct, "proxy_vs_direct": proxy["per_second"] / direct["per_second"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "heroes_kg", "build", "--project",
                    str(args.project)], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    result = measure(args.project, args.clients, args.queries)
    print(json.dumps(result, indent=1))
    proxy, direct = result["proxy"], result["direct"]
    print(f"{args.queries} queries, {args.clients} clients: through heroes-kg serve "
          f"{proxy['per_second']:.0f}/s ({proxy['errors']} errors), Oxigraph directly "
          f"{direct['per_second']:.0f}/s ({direct['errors']} errors); ratio "
          f"{result['proxy_vs_direct']:.2f}")


if __name__ == "__main__":
    main()
