"""`heroes-kg serve`: a real Oxigraph server behind the read-only proxy, queried by
clients heroes-kg did not write."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from heroes_kg.errors import HeroesKGError
from heroes_kg.project import find_project
from heroes_kg.serve.app import Server, serve

from .conftest import ROOT, benchmark
from .oxigraph_server import free_port

pytestmark = pytest.mark.server


Served = tuple[subprocess.Popen[str], str, Path]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`heroes-kg serve` in a process of its own on a built copy of the project, with a
    network view and a named query in place."""
    from heroes_kg.pipeline import build

    from .conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("serve") / "project")
    build(find_project(root))
    (root / "exports" / "heroes.html").write_text("<!DOCTYPE html><title>view</title>",
                                                  encoding="utf-8")
    (root / "queries").mkdir(exist_ok=True)
    (root / "queries" / "zz-people.rq").write_text(
        "# Who is in the graph?\nSELECT ?s WHERE { ?s a <https://schema.org/Person> }\n",
        encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "serve", "--port", str(port), "--timeout", "5",
         "--project", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first == f"Serving the graph at http://127.0.0.1:{port}/\n", \
        first + (process.stderr.read() if process.stderr else "")
    yield process, f"http://127.0.0.1:{port}/", root
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(20)
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()


def _get(url: str, accept: str = "*/*") -> tuple[int, str, bytes]:
    try:
        request = urllib.request.Request(url, headers={"Accept": accept})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"], exc.read()


def _send(url: str, body: bytes, content_type: str, method: str = "POST") -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read()


REFUSED = (b"This endpoint is read-only: SPARQL updates and Graph Store writes are refused. "
           b"Change seeds/ and run 'heroes-kg build'.\n")


def test_prints_the_urls(served: Served) -> None:
    process, url, _ = served
    assert process.stdout is not None
    assert [process.stdout.readline() for _ in range(3)] == [
        f"  SPARQL endpoint: {url}query\n", f"  network view:    {url}heroes.html\n",
        "Press Ctrl-C to stop.\n"]


def test_sparqlwrapper_queries_it(served: Served) -> None:
    _, url, root = served
    client = SPARQLWrapper(url + "query")
    client.setReturnFormat(JSON)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    rows = client.query().convert()["results"]["bindings"]
    with __import__("heroes_kg").load(root) as kg:
        kg_triples = len(kg)
    assert int(rows[0]["n"]["value"]) == kg_triples  # default graph: facts + provenance
    client.setQuery("SELECT ?name WHERE { GRAPH <https://w3id.org/heroes-kg/graph/facts> "
                    "{ <https://w3id.org/heroes-kg/resource/pedro-pascal> "
                    "<https://schema.org/name> ?name } }")
    client.setMethod(POST)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["Pedro Pascal"]


def test_rdflib_sparqlstore_queries_it(served: Served) -> None:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    _, url, _ = served
    graph = rdflib.Graph(SPARQLStore(url + "query", returnFormat="csv"))
    rows = graph.query("SELECT ?name WHERE { <https://w3id.org/heroes-kg/resource/pedro-pascal> "
                       "<https://schema.org/name> ?name }")
    assert [str(row[0]) for row in rows] == ["Pedro Pascal"]


def test_updates_are_refused(served: Served) -> None:
    _, url, _ = served
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    client = SPARQLWrapper(url + "query", updateEndpoint=url + "update")
    client.setMethod(POST)
    client.setQuery(update)
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    caught.value.close()
    assert caught.value.code == 403
    assert _send(url + "query", update.encode(), "application/sparql-update") == (403, REFUSED)
    form = urllib.parse.urlencode({"update": update}).encode()
    assert _send(url + "query", form, "application/x-www-form-urlencoded") == (403, REFUSED)
    assert _send(url + "update", form, "application/x-www-form-urlencoded") == (403, REFUSED)
    assert _get(url + "query?" + urllib.parse.urlencode({"update": update}))[0] == 403
    assert _send(url + "store?default", b"<urn:a> <urn:b> <urn:c> .",
                 "application/n-triples", "PUT") == (403, REFUSED)
    status, _, body = _get(url + "query?" + urllib.parse.urlencode(
        {"query": "ASK { <urn:a> <urn:b> <urn:c> }"}))
    assert (status, json.loads(body)["boolean"]) == (200, False)


def test_page_view_and_named_queries(served: Served) -> None:
    _, url, _ = served
    status, media, page = _get(url)
    assert (status, media) == (200, "text/html; charset=utf-8")
    text = page.decode()
    assert f'<code id="endpoint">{url}query</code>' in text
    assert '<a href="/heroes.html">Network view</a>' in text
    config = json.loads(re.search(r'<script type="application/json" id="config">(.*?)</script>',
                                  text, re.DOTALL)[1])
    named = {q["name"]: q for q in config["queries"]}
    assert named["zz-people"]["question"] == "Who is in the graph?"
    assert "heroes.ttl" in config["exports"]
    status, _, body = _get(url + "query?" + urllib.parse.urlencode(
        {"query": named["cast"]["text"]}), "application/sparql-results+json")
    names = [row["name"]["value"] for row in json.loads(body)["results"]["bindings"]]
    assert status == 200 and "Pedro Pascal" in names
    assert _get(url + "heroes.html")[:2] == (200, "text/html; charset=utf-8")
    assert _get(url + "queries/zz-people.rq") == (
        200, "text/plain; charset=utf-8",
        b"# Who is in the graph?\nSELECT ?s WHERE { ?s a <https://schema.org/Person> }\n")
    assert _get(url + "exports/heroes.ttl")[:2] == (200, "text/turtle; charset=utf-8")
    assert _get(url + "queries/..%2Fseeds%2Ffacts%2Fcast.yaml")[0] == 404
    assert _get(url + "exports/..%2F..%2Fetc%2Fpasswd")[0] == 404


def test_graph_store_reads_are_forwarded(served: Served) -> None:
    _, url, root = served
    status, media, body = _get(url + "store?graph=" + urllib.parse.quote(
        "https://w3id.org/heroes-kg/graph/ontology", safe=""), "application/n-triples")
    assert (status, media) == (200, "application/n-triples")
    with __import__("heroes_kg").load(root) as kg:
        assert len(list(kg.store.quads_for_pattern(None, None, None, kg.names.ontology))) == \
            len(body.decode().strip().splitlines())


def test_ctrl_c_stops_it_and_its_oxigraph(served: Served) -> None:
    process, _, _ = served
    children = _children(process.pid)
    assert len(children) == 1
    oxigraph = int(children[0])
    assert "oxigraph" in Path(f"/proc/{oxigraph}/cmdline").read_text()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=20)
    assert (process.returncode, stdout, stderr) == (0, "Stopped.\n", "")
    assert not Path(f"/proc/{oxigraph}").exists()


def test_oxigraph_does_not_outlive_a_killed_serve(built_project: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "serve", "--port", "0", "--project",
         str(built_project)], stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert process.stdout is not None and process.stdout.readline().startswith("Serving")
    children = _children(process.pid)
    assert len(children) == 1
    process.kill()  # SIGKILL: no clean-up code runs
    process.wait()
    process.stdout.close()
    oxigraph = Path(f"/proc/{children[0]}")
    deadline = time.monotonic() + 10
    while oxigraph.exists() and "zombie" not in _state(oxigraph) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not oxigraph.exists() or "zombie" in _state(oxigraph)


def _children(pid: int) -> list[str]:
    """The child processes of ``pid``, whichever of its threads started them."""
    return [child for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


def _state(proc: Path) -> str:
    try:
        return (proc / "status").read_text().split("State:")[1].splitlines()[0]
    except (OSError, IndexError):
        return "zombie (gone)"


def test_runaway_query_is_stopped_and_the_server_goes_on(built_project: Path) -> None:
    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
               "?j ?k ?l . ?m ?n2 ?o }")
    with serve(find_project(built_project), port=0, timeout=1).start() as server:
        started = time.monotonic()
        status, _, body = _get(server.endpoint_url + "?" + urllib.parse.urlencode(
            {"query": runaway}))
        assert time.monotonic() - started < 4
        assert (status, body) == (503, b"The query ran past the time limit of 1 s and was "
                                        b"stopped; narrow it (a LIMIT, more specific "
                                        b"patterns).\n")
        status, _, body = _get(server.endpoint_url + "?" + urllib.parse.urlencode(
            {"query": "ASK { ?s ?p ?o }"}))
        assert (status, json.loads(body)["boolean"]) == (200, True)


def test_bad_options_are_one_clear_line(run: Callable[..., Result], built_project: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), "--project", str(built_project))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: cannot listen on 127.0.0.1:{port}: Address already in "
                             "use; choose another --port (or --host)\n")
    result = run("serve", "--timeout", "0", "--project", str(built_project))
    assert (result.exit_code, result.stderr) == (
        1, "Error: --timeout must be a positive number of seconds, not 0\n")


def test_port_in_use_is_one_clear_line(built_project: Path) -> None:
    with serve(find_project(built_project), port=0) as first, \
            pytest.raises(HeroesKGError, match=rf"^cannot listen on 127.0.0.1:{first.port}: "
                                               r"Address already in use; choose another "
                                               r"'port' \(or 'host'\)$"):
        Server(find_project(built_project), port=first.port)


def _benchmark():  # type: ignore[no-untyped-def]
    return benchmark("serve_load")


@pytest.mark.slow
def test_load_8_clients_2000_queries_no_errors(built_project: Path,
                                               record_property: pytest.RecordProperty) -> None:
    result = _benchmark().measure(built_project, clients=8, total=2000)
    proxy, direct = result["proxy"], result["direct"]
    assert (proxy["errors"], direct["errors"]) == (0, 0), proxy["first_error"]
    record_property("serve_queries_per_second", round(proxy["per_second"]))
    record_property("oxigraph_queries_per_second", round(direct["per_second"]))
    print(f"\nserve: {proxy['per_second']:.0f} queries/s through the proxy, "
          f"{direct['per_second']:.0f}/s to Oxigraph directly "
          f"(ratio {result['proxy_vs_direct']:.2f})")
    assert result["proxy_vs_direct"] > 0.1


def test_the_server_comes_with_the_plain_install() -> None:
    # `python3 -m pip install .` (the README's first command) must be enough for serve.
    import tomllib

    from .conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert any(d.split(">")[0].split("=")[0].strip() == "oxigraph"
               for d in project["dependencies"])
