"""A second real triplestore: push to Virtuoso (Debian's virtuoso-opensource, started here
on 127.0.0.1 with a database of its own) with Digest authentication and with a GRANT,
check what it holds graph by graph, and ask it every named query."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import Result
from rdflib.compare import isomorphic

from heroes_kg.pipeline import open_graph
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph, run_query
from heroes_kg.remote import graph_counts, run_remote_query

from .virtuoso_server import VirtuosoServer

pytestmark = pytest.mark.server

USER, PASSWORD = "curator", "s3cret-pa55"
#: Named queries that need a binding to say anything.
BINDINGS = {"facts-about": {"entity": "pedro-pascal"}, "roles-of": {"person": "pedro-pascal"}}


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    try:
        server.sql(f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}');\n"
                   f'GRANT SPARQL_UPDATE TO "{USER}";\n')
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pushed(virtuoso: VirtuosoServer, built_project: Path) -> Iterator[KnowledgeGraph]:
    """The seeds' graph, pushed to Virtuoso with Digest authentication."""
    from click.testing import CliRunner

    from heroes_kg.cli import main

    result = CliRunner(env={"VIRTUOSO_AUTH": f"{USER}:{PASSWORD}"}).invoke(
        main, ["push", "--endpoint", f"{virtuoso.url}/sparql-graph-crud-auth",
               "--auth-env", "VIRTUOSO_AUTH", "--project", str(built_project)])
    assert result.exit_code == 0, result.stderr
    kg = open_graph(find_project(built_project))
    total = len(kg.store)  # every quad of the facts, provenance and ontology graphs
    assert result.stdout.startswith(f"Pushed {total} triples to {virtuoso.url}/sparql-graph-"
                                    f"crud-auth and checked them with {virtuoso.url}/sparql")
    assert "(HTTP 201)" in result.stdout and PASSWORD not in result.stdout
    with kg:
        yield kg


def _graph(triples: list[ox.Triple]) -> rdflib.Graph:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def test_digest_push_holds_every_graph_isomorphic(virtuoso: VirtuosoServer,
                                                  pushed: KnowledgeGraph) -> None:
    names = [pushed.names.facts, pushed.names.provenance, pushed.names.ontology]
    counts = graph_counts(f"{virtuoso.url}/sparql", [g.value for g in names])
    for graph in names:
        local = [q.triple for q in pushed.store.quads_for_pattern(None, None, None, graph)]
        assert counts[graph.value] == len(local)
        remote = run_remote_query(f"{virtuoso.url}/sparql", "CONSTRUCT { ?s ?p ?o } WHERE "
                                  f"{{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")
        assert isomorphic(_graph(remote.triples), _graph(local)), graph.value


def test_wrong_digest_password_is_one_clear_line(
        virtuoso: VirtuosoServer, built_project: Path, run: Callable[..., Result],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIRTUOSO_AUTH", f"{USER}:wrong-pa55")
    result = run("push", "--endpoint", f"{virtuoso.url}/sparql-graph-crud-auth",
                 "--auth-env", "VIRTUOSO_AUTH", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.endswith("failed: HTTP 401 Unauthorized; check the credentials "
                                  "(--auth-env) and that this account may write\n")
    assert "pa55" not in result.stderr and result.stderr.count("\n") == 1


def test_anonymous_push_needs_a_grant(virtuoso: VirtuosoServer, built_project: Path,
                                      run: Callable[..., Result]) -> None:
    args = ["push", "--endpoint", f"{virtuoso.url}/sparql-graph-crud", "--project",
            str(built_project)]
    result = run(*args)
    assert result.exit_code == 1
    # Virtuoso's HTML error page, reduced to its one useful line
    assert "failed: HTTP 403 Forbidden: SQ110:SECURITY: Permission denied for delete from " \
        "DB.DBA.RDF_QUAD" in result.stderr
    assert result.stderr.endswith("; this store needs credentials (--auth-env) or a grant "
                                  "to write\n")
    assert "DOCTYPE" not in result.stderr and result.stderr.count("\n") == 1
    virtuoso.sql('GRANT SPARQL_UPDATE TO "SPARQL";\n')
    try:
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.count(" on the server (HTTP 200)") == 3
    finally:
        virtuoso.sql('REVOKE SPARQL_UPDATE FROM "SPARQL";\n')


def _answer(result: object) -> object:
    from heroes_kg.query import QueryResult

    assert isinstance(result, QueryResult)
    if result.kind == "graph":
        return _graph(result.triples)
    if result.kind == "ask":
        return result.boolean
    # plain Python values: Virtuoso writes xsd:boolean true as "1", Oxigraph as "true"
    return sorted(tuple(str(value) for value in row.values()) for row in result.rows)


@pytest.mark.parametrize("name", sorted(p.stem for p in
                                        (Path(__file__).parent.parent / "queries").glob("*.rq")))
def test_every_named_query_answers_the_same_on_oxigraph_and_virtuoso(
        name: str, virtuoso: VirtuosoServer, pushed: KnowledgeGraph) -> None:
    bindings = BINDINGS.get(name)
    local = _answer(run_query(pushed, name, bindings))
    remote = _answer(run_query(pushed, name, bindings, endpoint=f"{virtuoso.url}/sparql"))
    if isinstance(local, rdflib.Graph):
        assert isinstance(remote, rdflib.Graph) and isomorphic(local, remote)
    else:
        assert remote == local
        assert local, f"{name}: no answer on the seeds, a poor test"
