"""push and remote queries against a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import Result

from heroes_kg.errors import HeroesKGError
from heroes_kg.pipeline import open_graph
from heroes_kg.project import DEFAULT_BASE_IRI, find_project
from heroes_kg.query import KnowledgeGraph
from heroes_kg.remote import endpoints, graph_counts, push, query_endpoint, run_remote_query
from heroes_kg.vocab import Names

from .conftest import ROOT
from .oxigraph_server import BasicAuthGate, KillingRelay, OxigraphServer, free_port

pytestmark = pytest.mark.server

NAMES = Names(DEFAULT_BASE_IRI)
DATA = [NAMES.facts.value, NAMES.provenance.value]
ALL = DATA + [NAMES.ontology.value]


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path / "oxigraph-store").start()
    yield server
    server.stop()


def _queries() -> list[Path]:
    """Our own queries over the seeds, and every named query of the project."""
    return sorted((ROOT / "tests" / "data" / "remote").glob("*.rq")) + \
        sorted((ROOT / "queries").glob("*.rq"))


def _prefixes() -> dict[str, str]:
    try:
        from heroes_kg.query import prefixes  # the named queries may use its prefixes
    except ImportError:
        return {}
    return dict(prefixes(DEFAULT_BASE_IRI))


def _local(kg: KnowledgeGraph, text: str) -> object:
    graphs = list(kg.data_graphs)
    answer = kg.store.query(text, prefixes=_prefixes(), default_graph=graphs,
                            named_graphs=graphs)
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        return sorted(tuple(str(s[v]) for v in variables) for s in answer)
    return sorted(str(t) for t in answer)


def _remote(url: str, text: str) -> object:
    result = run_remote_query(url, text, prefixes=_prefixes(), default_graphs=DATA,
                              named_graphs=DATA)
    if result.kind == "ask":
        return result.boolean
    if result.kind == "select":
        return sorted(tuple(str(t) for t in row) for row in result.terms)
    return sorted(str(t) for t in result.triples)


def _count_all(url: str) -> int:
    data = query_endpoint(f"{url}/query",
                          "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                          "text/csv")
    return int(data.decode().split()[1])


def _size(kg: KnowledgeGraph, graph: str) -> int:
    return len(list(kg.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_push_then_the_server_answers_every_query_like_the_local_graph(
        run: Callable[..., Result], built_project: Path, oxigraph: OxigraphServer) -> None:
    result = run("push", "--endpoint", oxigraph.url, "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    kg = open_graph(find_project(built_project), hold_lock=False)
    lines = result.stdout.splitlines()
    total = sum(_size(kg, g) for g in ALL)
    assert lines[0].startswith(f"Pushed {total} triples to {oxigraph.url}/store and checked "
                               f"them with {oxigraph.url}/query (")
    facts = _size(kg, NAMES.facts.value)
    assert lines[1] == (f"  <{NAMES.facts.value}>  {facts} triples, {facts} on the server "
                        "(HTTP 201)")
    queries = _queries()
    assert len(queries) >= 6
    for path in queries:
        text = path.read_text(encoding="utf-8")
        local = _local(kg, text)
        # our own queries must have answers; a named query may need a parameter bound
        assert local or path.parent.name == "queries", f"{path.name}: empty, a poor test"
        assert _remote(f"{oxigraph.url}/query", text) == local, path.name


def test_push_twice_leaves_exactly_one_copy(run: Callable[..., Result], built_project: Path,
                                            oxigraph: OxigraphServer) -> None:
    kg = open_graph(find_project(built_project), hold_lock=False)
    for _ in range(2):
        result = run("push", "--endpoint", f"{oxigraph.url}/store", "--project",
                     str(built_project))
        assert result.exit_code == 0, result.stderr
    assert "(HTTP 204)" in result.stdout  # the second PUT replaced existing graphs
    local = {g: _size(kg, g) for g in ALL}
    assert graph_counts(f"{oxigraph.url}/query", ALL) == local
    assert _count_all(oxigraph.url) == sum(local.values())


def test_push_into_one_graph_iri(run: Callable[..., Result], built_project: Path,
                                 oxigraph: OxigraphServer) -> None:
    kg = open_graph(find_project(built_project), hold_lock=False)
    distinct = {q.triple for q in kg.store.quads_for_pattern(None, None, None, None)}
    result = run("push", "--endpoint", oxigraph.url, "--graph-iri", "urn:x-test:heroes",
                 "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == \
        f"  <urn:x-test:heroes>  {len(distinct)} triples, {len(distinct)} on the server (HTTP 201)"
    assert _count_all(oxigraph.url) == len(distinct)


def test_dry_run_sends_nothing(run: Callable[..., Result], built_project: Path) -> None:
    port = free_port()  # nothing listens here: a dry run must not connect
    result = run("push", "--endpoint", f"http://127.0.0.1:{port}", "--dry-run",
                 "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Dry run: would PUT ")
    assert lines[0].endswith(f"to http://127.0.0.1:{port}/store and check them with "
                             f"http://127.0.0.1:{port}/query:")
    assert [line.split()[0] for line in lines[1:]] == [f"<{g}>" for g in ALL]


def test_server_down_is_one_clear_line_and_changes_nothing_local(
        run: Callable[..., Result], project: Path) -> None:
    run("build", "--project", str(project))
    before = _tree_digest(project)
    port = free_port()
    result = run("push", "--endpoint", f"http://127.0.0.1:{port}", "--project", str(project))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: PUT http://127.0.0.1:{port}/store?graph=https%3A%2F%2Fw3id.org%2Fheroes-kg"
        "%2Fgraph%2Ffacts failed: connection refused; is the server running and the URL "
        "right?\n")
    assert result.stdout == ""
    assert _tree_digest(project) == before


def test_server_refusing_reports_status_and_its_message(
        run: Callable[..., Result], built_project: Path, oxigraph: OxigraphServer) -> None:
    result = run("push", "--endpoint", f"{oxigraph.url}/nowhere", "--query-endpoint",
                 f"{oxigraph.url}/query", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: PUT {oxigraph.url}/nowhere?graph=")
    assert " failed: HTTP 404 Not Found" in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_query_reports_the_servers_first_line(oxigraph: OxigraphServer) -> None:
    with pytest.raises(HeroesKGError) as caught:
        run_remote_query(f"{oxigraph.url}/query", "SELECT ?x WHERE { ?x ")
    message = str(caught.value)
    assert message.startswith(f"POST {oxigraph.url}/query failed: HTTP 400 Bad Request: ")
    assert "\n" not in message


def test_no_answer_in_time_is_a_timeout(built_project: Path) -> None:
    kg = open_graph(find_project(built_project), hold_lock=False)
    # A real socket that accepts connections but never answers.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        with pytest.raises(HeroesKGError) as caught:
            push(kg, f"http://127.0.0.1:{port}", timeout=0.5)
    assert str(caught.value) == (
        f"PUT http://127.0.0.1:{port}/store?graph=https%3A%2F%2Fw3id.org%2Fheroes-kg%2Fgraph"
        f"%2Ffacts failed: no answer within 0.5 s while sending graph <{NAMES.facts.value}> "
        f"({_size(kg, NAMES.facts.value)} triples); raise 'timeout' or check the server")


def test_credentials_are_sent_and_never_echoed(
        run: Callable[..., Result], built_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEROES_TEST_AUTH", "curator:s3cret-pa55")
    port = free_port()
    result = run("push", "--endpoint", f"http://127.0.0.1:{port}", "--auth-env",
                 "HEROES_TEST_AUTH", "--project", str(built_project))
    assert result.exit_code == 1
    assert "s3cret" not in result.stderr + result.stdout
    monkeypatch.delenv("HEROES_TEST_AUTH")
    result = run("push", "--endpoint", f"http://127.0.0.1:{port}", "--auth-env",
                 "HEROES_TEST_AUTH", "--dry-run", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr == ("Error: environment variable HEROES_TEST_AUTH is not set; set "
                             "it to 'user:password' for HTTP basic authentication\n")
    monkeypatch.setenv("HEROES_TEST_AUTH", "no-colon-s3cret")
    result = run("push", "--endpoint", f"http://127.0.0.1:{port}", "--auth-env",
                 "HEROES_TEST_AUTH", "--dry-run", "--project", str(built_project))
    assert result.stderr == ("Error: environment variable HEROES_TEST_AUTH must hold "
                             "'user:password' (it has no ':')\n")


def test_basic_auth_through_an_authenticating_proxy(
        run: Callable[..., Result], built_project: Path, oxigraph: OxigraphServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    gate = BasicAuthGate(oxigraph, "curator", "s3cret-pa55")
    try:
        monkeypatch.setenv("STORE_AUTH", "curator:wrong-pa55")
        result = run("push", "--endpoint", gate.url, "--auth-env", "STORE_AUTH",
                     "--project", str(built_project))
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: PUT {gate.url}/store?graph=https%3A%2F%2Fw3id.org%2Fheroes-kg%2Fgraph"
            "%2Ffacts failed: HTTP 401 Unauthorized: Unauthorized: wrong user or password; "
            "check the credentials (--auth-env) and that this account may write\n")
        assert "pa55" not in result.stdout + result.stderr
        monkeypatch.setenv("STORE_AUTH", "curator:s3cret-pa55")
        result = run("push", "--endpoint", gate.url, "--auth-env", "STORE_AUTH",
                     "--project", str(built_project))
        assert result.exit_code == 0, result.stderr
        assert "pa55" not in result.stdout + result.stderr
        refused = gate.refused
        rows = run_remote_query(f"{gate.url}/query", "ASK { GRAPH ?g { ?s ?p ?o } }",
                                auth_env="STORE_AUTH")
        # the password goes out only once the server asks for it: one challenge
        assert rows.boolean is True and gate.refused == refused + 1
        with pytest.raises(HeroesKGError, match=r"HTTP 401 Unauthorized: .*; check the "
                                                r"credentials \('auth_env'\)$"):
            run_remote_query(f"{gate.url}/query", "ASK { ?s ?p ?o }")
    finally:
        gate.close()


def _synthetic(n: int) -> KnowledgeGraph:
    """A graph big enough that sending it takes a while."""
    store = ox.Store()
    p = ox.NamedNode("https://schema.org/description")
    store.bulk_extend(
        ox.Quad(ox.NamedNode(f"{DEFAULT_BASE_IRI}resource/thing-{i}"), p,
                ox.Literal(f"synthetic statement number {i} " + "x" * 40), NAMES.facts)
        for i in range(n))
    store.bulk_extend([ox.Quad(NAMES.facts, p, ox.Literal("provenance"), NAMES.provenance),
                       ox.Quad(NAMES.facts, p, ox.Literal("ontology"), NAMES.ontology)])
    return KnowledgeGraph(store, NAMES)


@pytest.mark.slow
def test_server_killed_mid_push_then_a_push_after_restart_is_whole(tmp_path: Path) -> None:
    kg = _synthetic(80_000)  # about 12 MB of N-Triples
    server = OxigraphServer(tmp_path / "store").start()
    relay = KillingRelay(server, kill_after=256_000)
    try:
        with pytest.raises(HeroesKGError) as caught:
            push(kg, relay.url)
        assert relay.killed and server.process is not None
        assert server.process.wait(10) == -9  # the relay killed it part-way
        message = str(caught.value)
        assert message.startswith(f"PUT {relay.url}/store?graph=")
        assert message.endswith(
            f"failed: the server dropped the connection while sending graph "
            f"<{NAMES.facts.value}> (80000 triples); nothing was confirmed: run the same "
            "command again")
        server.start()  # same store folder, same port
        assert _count_all(server.url) == 0  # Oxigraph applies a PUT in one transaction
        report = push(kg, server.url)
        assert [(g.triples, g.remote_triples) for g in report.graphs] == \
            [(80_000, 80_000), (1, 1), (1, 1)]
        assert _count_all(server.url) == 80_002
        # Killed again while replacing the graph: the old version stays whole.
        relay.arm()
        with pytest.raises(HeroesKGError, match="the server dropped the connection"):
            push(kg, relay.url)
        assert server.process is not None and server.process.wait(10) == -9
        server.start()
        assert _count_all(server.url) == 80_002
    finally:
        relay.close()
        server.stop()


def test_remote_query_kinds_prefixes_and_updates(built_project: Path,
                                                 oxigraph: OxigraphServer) -> None:
    push(open_graph(find_project(built_project), hold_lock=False), oxigraph.url)
    url = f"{oxigraph.url}/query"
    ask = run_remote_query(url, "ASK { GRAPH ?g { ?s schema:name \"Pedro Pascal\" } }",
                           prefixes={"schema": "https://schema.org/"})
    assert (ask.kind, ask.boolean) == ("ask", True)
    shadowed = run_remote_query(
        url, "PREFIX schema: <http://schema.org/>\nASK { GRAPH ?g { ?s schema:name ?n } }",
        prefixes={"schema": "https://schema.org/"})
    assert shadowed.boolean is False  # the query's own PREFIX wins
    graph = run_remote_query(url, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } "
                                  "LIMIT 3")
    assert graph.kind == "graph" and len(graph.triples) == 3
    rows = run_remote_query(url, "SELECT ?n WHERE { ?s <https://schema.org/name> ?n } "
                                 "ORDER BY ?n LIMIT 2", default_graphs=DATA)
    assert rows.variables == ["n"] and len(rows.terms) == 2
    with pytest.raises(HeroesKGError, match=r"^the query is a SPARQL update \(INSERT\); "):
        run_remote_query(url, "# comment\nPREFIX a: <urn:a>\nINSERT DATA { a:x a:y a:z }")


@pytest.mark.parametrize(("url", "expected"), [
    ("http://localhost:7878", ("http://localhost:7878/store", "http://localhost:7878/query")),
    ("http://h:3030/heroes/data", ("http://h:3030/heroes/data", "http://h:3030/heroes/query")),
    ("http://h:7200/repositories/heroes/rdf-graphs/service",
     ("http://h:7200/repositories/heroes/rdf-graphs/service",
      "http://h:7200/repositories/heroes")),
    ("http://h:8890/sparql-graph-crud-auth",
     ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql")),
    ("https://db.cluster.neptune.amazonaws.com:8182/sparql/gsp/",
     ("https://db.cluster.neptune.amazonaws.com:8182/sparql/gsp/",
      "https://db.cluster.neptune.amazonaws.com:8182/sparql")),
])
def test_endpoints_of_known_servers(url: str, expected: tuple[str, str]) -> None:
    assert endpoints(url) == expected


def test_unknown_layout_needs_a_query_endpoint() -> None:
    with pytest.raises(HeroesKGError, match=r"^cannot tell the SPARQL query endpoint of "
                                            r"http://h/graphs; give it with 'query_endpoint'"):
        endpoints("http://user:pw@h/graphs")
    assert endpoints("http://h/graphs", "http://h/sparql") == ("http://h/graphs",
                                                               "http://h/sparql")
    with pytest.raises(HeroesKGError, match=r"^endpoint 'ftp://h/x' is not an http"):
        endpoints("ftp://h/x")


def test_query_endpoint_gives_the_local_answer_for_every_named_query(
        run: Callable[..., Result], built_project: Path, oxigraph: OxigraphServer) -> None:
    assert run("push", "--endpoint", oxigraph.url, "--project", str(built_project)).exit_code == 0
    names = sorted(p.stem for p in (built_project / "queries").glob("*.rq"))
    assert len(names) >= 15
    for name in names:
        text = (built_project / "queries" / f"{name}.rq").read_text("utf-8")
        fmt = "nt" if re.search(r"(?m)^CONSTRUCT\b", text) else "csv"
        args = ["query", name, "--format", fmt, "--project", str(built_project)]
        if name in ("roles-of", "facts-about"):
            args += ["--bind", f"{'person' if name == 'roles-of' else 'entity'}=pedro pascal"]
        local = run(*args)
        remote = run(*args, "--endpoint", f"{oxigraph.url}/query")
        assert local.exit_code == 0, (name, local.stderr)
        assert remote.exit_code == 0, (name, remote.stderr)
        assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines()), name


def test_query_endpoint_down_is_one_clear_line(run: Callable[..., Result],
                                               built_project: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("query", "cast", "--endpoint", url, "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: POST {url} failed: connection refused; is the server "
                             "running and the URL right?\n")


def test_the_query_form_is_read_past_prefixes_whose_iri_has_a_hash() -> None:
    # a '#' inside <…> is not a comment: rdf:'s IRI once hid CONSTRUCT behind "PREFIX"
    from heroes_kg.remote import _keyword

    assert _keyword("# a CONSTRUCT\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                    "CONSTRUCT { ?s ?p ?o } WHERE { ?s rdf:type ?o }") == "CONSTRUCT"
