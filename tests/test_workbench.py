"""The workbench's server side, driven by real clients: the named queries on every
engine, CORS, HEAD and OPTIONS, the service description, entity pages with content
negotiation, and the review screen's guards."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from click.testing import Result

from heroes_kg.errors import HeroesKGError
from heroes_kg.project import find_project
from heroes_kg.serve import Server

from .conftest import ROOT, benchmark

pytestmark = pytest.mark.server

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
ORIGIN = "http://localhost:3000"
SELECT = ("SELECT ?name WHERE { ?p a <https://w3id.org/heroes-kg/ontology#Actor> ; "
          "<https://schema.org/name> ?name } ORDER BY ?name LIMIT 3")
CONSTRUCT = ("CONSTRUCT { ?p <https://schema.org/name> ?n } WHERE { "
             "<https://w3id.org/heroes-kg/resource/pedro-pascal> <https://schema.org/name> ?n "
             "BIND(<https://w3id.org/heroes-kg/resource/pedro-pascal> AS ?p) }")


@pytest.fixture(scope="module")
def server(built_project: Path) -> Iterator[Server]:
    with Server(find_project(built_project), port=0, timeout=10, cors=ORIGIN) as running:
        yield running.start()


@pytest.fixture(scope="module")
def plain_server(built_project: Path) -> Iterator[Server]:
    with Server(find_project(built_project), port=0, timeout=10) as running:
        yield running.start()


# --------------------------------------------------------------------------- named queries


def _construct(text: str) -> bool:
    return re.search(r"(?im)^\s*CONSTRUCT\b", text) is not None


def _answers(response: requests.Response, construct: bool, rdf_format: str) -> int:
    """Rows of a SPARQL JSON result, or triples of a CONSTRUCT answer."""
    if not construct:
        return len(response.json()["results"]["bindings"])
    import rdflib

    return len(rdflib.Graph().parse(data=response.text, format=rdf_format))


def _local(built_project: Path, name: str, construct: bool) -> int:
    import heroes_kg

    with heroes_kg.load(built_project) as kg:
        result = kg.query(name)
    return len(result.triples) if construct else len(result.rows)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_named_query_runs_unchanged_everywhere(path: Path, server: Server,
                                               built_project: Path) -> None:
    """Each file is self-contained: the served endpoint (Oxigraph over HTTP) and rdflib's
    own SPARQL engine run it as it is, with no prefixes predeclared, and agree with
    `heroes-kg query` on the number of rows (of triples, for a CONSTRUCT)."""
    text = path.read_text(encoding="utf-8")
    assert re.search(r"(?m)^PREFIX ", text), "declares its prefixes"
    construct = _construct(text)
    accept = "application/n-triples" if construct else "application/sparql-results+json"
    served = requests.post(server.endpoint_url, data={"query": text}, timeout=30,
                           headers={"Accept": accept})
    assert served.status_code == 200, served.text
    count = _answers(served, construct, "nt")
    assert count == _local(built_project, path.stem, construct)
    graph = _rdflib_graph(built_project)
    assert len(list(graph.query(text))) == count


_GRAPHS: dict[Path, object] = {}


def _rdflib_graph(root: Path):  # type: ignore[no-untyped-def]
    """The facts and provenance (the endpoint's default graph) in an rdflib Graph."""
    import rdflib

    if root not in _GRAPHS:
        dataset = rdflib.Dataset()
        dataset.parse(root / "exports" / "heroes.nq", format="nquads")
        graph = rdflib.Graph()
        for name in ("facts", "provenance"):
            for triple in dataset.graph(rdflib.URIRef(
                    f"https://w3id.org/heroes-kg/graph/{name}")):
                graph.add(triple)
        assert len(graph) > 1000
        _GRAPHS[root] = graph
    return _GRAPHS[root]


@pytest.fixture(scope="module")
def virtuoso(built_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso with the facts and provenance in one graph: its SPARQL endpoint URL with
    that graph as the default graph."""
    import urllib.parse

    import pyoxigraph as ox

    import heroes_kg

    from .virtuoso_server import VirtuosoServer

    with heroes_kg.load(built_project) as kg:
        data = b"".join(ox.serialize([q.triple for q in kg.store.quads_for_pattern(
            None, None, None, graph)], format=ox.RdfFormat.N_TRIPLES) or b""
            for graph in kg.data_graphs)
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        server.load(data, "urn:x-heroes-kg:default")
        yield server.sparql_url + "?" + urllib.parse.urlencode(
            {"default-graph-uri": "urn:x-heroes-kg:default"})


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_named_query_runs_unchanged_in_virtuoso(path: Path, virtuoso: str,
                                                built_project: Path) -> None:
    text = path.read_text(encoding="utf-8")
    construct = _construct(text)
    accept = "text/turtle" if construct else "application/sparql-results+json"
    answer = requests.post(virtuoso, data={"query": text}, headers={"Accept": accept},
                           timeout=60)
    assert answer.status_code == 200, answer.text[:300]
    assert _answers(answer, construct, "turtle") == _local(built_project, path.stem,
                                                           construct)


def test_named_queries_map_res_to_another_base_iri(tmp_path: Path, run: Callable[..., Result],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The files declare res: under the default base IRI; a project with another base
    gets its own in their place."""
    from .conftest import copy_project

    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("HEROES_KG_BASE_IRI", "https://example.org/kg/")
    assert run("build", "--project", str(root)).exit_code == 0
    result = run("query", "cast", "--format", "csv", "--project", str(root))
    assert result.exit_code == 0, result.stderr
    assert "https://example.org/kg/resource/pedro-pascal" in result.stdout
    # The ontology's namespace is every project's: heroes: is not moved with res:.
    family = run("query", "family", "--format", "csv", "--project", str(root))
    assert family.exit_code == 0, family.stderr
    assert sorted(family.stdout.splitlines()[1:]) == [
        "Lavagirl,Guppy", "Marcus Moreno,Missy Moreno", "Sharkboy,Guppy"]
    # The network view reads a named query the same way.
    (root / "queries" / "around-pascal.rq").write_text(
        "PREFIX res: <https://w3id.org/heroes-kg/resource/>\n"
        "CONSTRUCT { res:pedro-pascal ?p ?o } WHERE { res:pedro-pascal ?p ?o }\n",
        encoding="utf-8")
    drawn = run("viz", "--query", "around-pascal", "-o", str(tmp_path / "view.html"),
                "--project", str(root))
    assert drawn.exit_code == 0, drawn.stderr


def test_rq_files_are_served_as_text(server: Server) -> None:
    answer = requests.get(server.url + "queries/cast.rq", timeout=10)
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert answer.content == (ROOT / "queries" / "cast.rq").read_bytes()
    asked = requests.get(server.url + "queries/cast.rq", timeout=10,
                         headers={"Accept": "application/sparql-query"})
    assert asked.headers["Content-Type"] == "application/sparql-query; charset=utf-8"


def test_bind_gives_the_text_the_cli_runs(server: Server) -> None:
    answer = requests.get(server.url + "api/bind", params={"query": "roles-of",
                                                           "person": "Pedro Pascal"}, timeout=10)
    text = answer.json()["query"]
    assert "VALUES ?person { <https://w3id.org/heroes-kg/resource/pedro-pascal> }" in text
    rows = requests.post(server.endpoint_url, data={"query": text}, timeout=10,
                         headers={"Accept": "application/sparql-results+json"}).json()
    assert [r["character"]["value"] for r in rows["results"]["bindings"]] == ["Marcus Moreno"]
    bad = requests.get(server.url + "api/bind", params={"query": "roles-of", "nobody": "x"},
                       timeout=10)
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("cannot bind ?nobody: queries/roles-of.rq has no "
                                          "such variable")


# --------------------------------------------------------------------------- real clients


def test_sparqlwrapper_and_rdflib_sparqlstore(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(server.endpoint_url)
    client.setReturnFormat(JSON)
    client.setQuery((ROOT / "queries" / "cast.rq").read_text(encoding="utf-8"))
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert ("Pedro Pascal", "Marcus Moreno") in {(r["name"]["value"], r["character"]["value"])
                                                 for r in rows}
    import rdflib

    graph = rdflib.Graph(SPARQLStore(server.endpoint_url, returnFormat="json"))
    rows = graph.query((ROOT / "queries" / "roles-of.rq").read_text(encoding="utf-8"))
    assert ("Marcus Moreno", "We Can Be Heroes") in {(str(r[1]), str(r[2]))  # type: ignore[index]
                                                     for r in rows}


@pytest.mark.parametrize("accept, media, check", [
    ("application/sparql-results+json", "application/sparql-results+json",
     lambda body: len(json.loads(body)["results"]["bindings"]) == 3),
    ("application/sparql-results+xml", "application/sparql-results+xml",
     lambda body: body.count(b"<result>") == 3),
    ("text/csv", "text/csv", lambda body: body.splitlines()[0] == b"name"),
    ("text/tab-separated-values", "text/tab-separated-values",
     lambda body: body.splitlines()[0] == b"?name"),
])
def test_each_result_format(server: Server, accept: str, media: str,
                            check: Callable[[bytes], bool]) -> None:
    for answer in (requests.get(server.endpoint_url, params={"query": SELECT}, timeout=10,
                                headers={"Accept": accept}),
                   requests.post(server.endpoint_url, data={"query": SELECT}, timeout=10,
                                 headers={"Accept": accept})):
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].split(";")[0] == media
        assert check(answer.content)


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"),
                                         ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld"),
                                         ("application/rdf+xml", "xml")])
def test_each_graph_format(server: Server, accept: str, fmt: str) -> None:
    import rdflib

    answer = requests.post(server.endpoint_url, data={"query": CONSTRUCT}, timeout=10,
                           headers={"Accept": accept})
    assert answer.headers["Content-Type"].split(";")[0] == accept
    graph = rdflib.Graph().parse(data=answer.content, format=fmt)
    assert [str(o) for o in graph.objects()] == ["Pedro Pascal"]


def test_head_on_query(server: Server) -> None:
    answer = requests.head(server.endpoint_url, params={"query": SELECT}, timeout=10,
                           headers={"Accept": "text/csv"})
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    assert int(answer.headers["Content-Length"]) > 0 and answer.content == b""
    described = requests.head(server.endpoint_url, timeout=10)
    assert described.status_code == 200


@pytest.mark.parametrize("accept", [None, "application/n-triples", "text/turtle",
                                    "application/ld+json", "application/rdf+xml",
                                    "application/n-quads"])
def test_service_description_names_the_public_endpoint(server: Server,
                                                       accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    answer = requests.get(server.endpoint_url, headers=headers, timeout=10)
    assert answer.status_code == 200
    assert str(server.backend_port) not in answer.text
    if accept in (None, "application/n-triples", "application/n-quads"):
        assert f"<{server.endpoint_url}>" in answer.text


# --------------------------------------------------------------------------- CORS


def test_cors_preflight_and_answers(server: Server) -> None:
    preflight = requests.options(server.endpoint_url, timeout=10, headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    for answer in (requests.get(server.endpoint_url, params={"query": SELECT}, timeout=10,
                                headers={"Origin": ORIGIN}),
                   requests.post(server.endpoint_url, data=SELECT, timeout=10, headers={
                       "Origin": ORIGIN, "Content-Type": "application/sparql-query"})):
        assert answer.status_code == 200
        assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    other = requests.get(server.endpoint_url, params={"query": SELECT}, timeout=10,
                         headers={"Origin": "http://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    review = requests.options(server.url + "curate/api/save", timeout=10, headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in review.headers


def test_cors_is_off_by_default(plain_server: Server) -> None:
    preflight = requests.options(plain_server.endpoint_url, timeout=10, headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert preflight.headers["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert "Access-Control-Allow-Origin" not in preflight.headers
    answer = requests.get(plain_server.endpoint_url, params={"query": SELECT}, timeout=10,
                          headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_bad_cors_origin_is_one_clear_line(run: Callable[..., Result],
                                          built_project: Path) -> None:
    result = run("serve", "--cors", "localhost:3000/app", "--project", str(built_project))
    assert (result.exit_code, result.stderr) == (1, (
        "Error: --cors takes an origin such as http://localhost:3000 (scheme, host and port, "
        "no path) or '*', not 'localhost:3000/app'\n"))


# --------------------------------------------------------------------------- entity pages


def test_entity_page_negotiates(server: Server) -> None:
    import rdflib

    url = server.url + "resource/pedro-pascal"
    iri = rdflib.URIRef("https://w3id.org/heroes-kg/resource/pedro-pascal")
    page = requests.get(url, timeout=10, headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Vary"] == "Origin, Accept"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert "<h1 id=\"name\">Pedro Pascal</h1>" in page.text
    assert "“Pedro Pascal as Missy&#x27;s dad Marcus Moreno”" in page.text
    assert "chars 2756–2797" in page.text
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/n-triples", "nt")):
        answer = requests.get(url, headers={"Accept": accept}, timeout=10)
        assert answer.headers["Content-Type"].split(";")[0] == accept
        graph = rdflib.Graph().parse(data=answer.content, format=fmt)
        assert (iri, rdflib.URIRef("https://schema.org/name"),
                rdflib.Literal("Pedro Pascal")) in graph
        quotes = {str(o) for o in graph.objects(None, rdflib.URIRef(
            "http://www.w3.org/ns/oa#exact"))}
        assert "Pedro Pascal as Missy's dad Marcus Moreno" in quotes
    # rdflib resolving the IRI as a linked-data client does (its own Accept header)
    fetched = rdflib.Graph().parse(url)
    assert (iri, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/heroes-kg/ontology#Actor")) \
        in fetched
    assert requests.get(url + "?format=ttl", timeout=10).headers["Content-Type"] == \
        "text/turtle; charset=utf-8"
    refused = requests.get(url, headers={"Accept": "image/png"}, timeout=10)
    assert refused.status_code == 406
    missing = requests.get(server.url + "resource/no-such-one", timeout=10)
    assert missing.status_code == 404 and "No entity &#x27;no-such-one&#x27;" in missing.text
    assert requests.get(server.url + "resource/..%2F..%2Fetc", timeout=10).status_code == 404


def test_view_draws_a_construct_or_a_neighbourhood(server: Server) -> None:
    from urllib.parse import quote

    page = requests.get(server.url + "view?query=" + quote(CONSTRUCT), timeout=30)
    assert page.status_code == 200 and '"name":"Pedro Pascal"' in page.text
    select = requests.get(server.url + "view?query=" + quote(SELECT), timeout=30)
    assert select.status_code == 400
    assert "only the triples such a query returns can be drawn" in select.text
    around = requests.get(server.url + "view?focus=pedro-pascal", timeout=30)
    assert around.status_code == 200 and "Around Pedro Pascal (depth 1)" in around.text


def test_pages_load_nothing_from_elsewhere(server: Server) -> None:
    page = requests.get(server.url, timeout=10)
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    editor = requests.get(server.url + "static/editor.js", timeout=10)
    assert (editor.status_code, editor.headers["Content-Type"]) == (
        200, "text/javascript; charset=utf-8")
    assert requests.get(server.url + "static/../serve.py", timeout=10).status_code == 404


def test_vendored_assets_stay_within_2_mb() -> None:
    """The size target of benchmarks/workbench.py, by the measure it prints: every file
    the workbench pages load from the package, and the network view's vis-network."""
    from heroes_kg.serve._workbench import STATIC

    sizes = benchmark("workbench").asset_sizes()
    assert {path.name for path in STATIC.iterdir()} <= set(sizes)
    assert sum(sizes.values()) <= 2_000_000, sizes


# --------------------------------------------------------------------------- review guards


def test_review_screen_needs_curate_and_the_token(plain_server: Server,
                                                  built_project: Path) -> None:
    assert requests.get(plain_server.url + "curate", timeout=10).status_code == 404
    assert requests.post(plain_server.url + "curate/api/save", json={}, timeout=10,
                         headers={"X-Review-Token": "x"}).status_code == 404
    with Server(find_project(built_project), port=0, curate=True) as curating:
        curating.start()
        assert curating.token and len(curating.token) >= 20
        assert curating.urls["curate"] == f"{curating.url}curate?token={curating.token}"
        assert requests.get(curating.url + "curate", timeout=10).status_code == 403
        assert requests.get(curating.url + "curate?token=wrong", timeout=10).status_code == 403
        assert requests.get(curating.urls["curate"], timeout=10).status_code == 200
        for headers in ({}, {"X-Review-Token": "wrong"}):
            answer = requests.post(curating.url + "curate/api/rebuild", json={}, timeout=10,
                                   headers=headers)
            assert answer.status_code == 403
            assert "review token" in answer.json()["error"]


def test_curate_listens_on_127_0_0_1_only(built_project: Path) -> None:
    with pytest.raises(HeroesKGError, match=r"listens on 127\.0\.0\.1 only, not 0\.0\.0\.0"):
        Server(find_project(built_project), host="0.0.0.0", port=0, curate=True)


def test_serve_curate_prints_the_review_url(built_project: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "serve", "--curate", "--port", "0", "--project",
         str(built_project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(5)]
        url = re.match(r"Serving the graph at (http://127\.0\.0\.1:\d+/)\n", lines[0])[1]
        review = re.fullmatch(r"  review screen:   (\S+)\n", lines[3])[1]
        assert re.fullmatch(re.escape(url) + r"curate\?token=[\w-]{24}", review)
        assert lines[4] == "Press Ctrl-C to stop.\n"
        assert requests.get(review, timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
    assert process.returncode == 0


def test_a_broken_request_is_one_line(server: Server) -> None:
    answer = requests.post(server.url + "curate/api/save", data=b"{", timeout=10,
                           headers={"Content-Type": "application/json"})
    assert answer.status_code == 404  # no --curate: nothing under /curate answers
    answer = requests.get(server.url + "view", timeout=10)
    assert answer.status_code == 400 and "give ?query=CONSTRUCT" in answer.text
    answer = requests.get(server.url + "api/bind?query=../../x", timeout=10)
    assert answer.status_code == 400
    assert answer.json() == {"error": "give the name of a query in queries/ as ?query=NAME"}


@pytest.mark.parametrize("accept, chosen", [
    (None, "html"), ("*/*", "html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
    ("text/turtle", "ttl"), ("application/ld+json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml, text/turtle;q=0.9, */*;q=0.1", "ttl"),
    ("text/turtle;q=0.5, application/ld+json", "jsonld"),
    ("text/turtle;q=0", None),
    ("image/png", None),
])
def test_negotiation(accept: str | None, chosen: str | None) -> None:
    from heroes_kg.serve._resource import negotiate

    assert negotiate(accept) == chosen
