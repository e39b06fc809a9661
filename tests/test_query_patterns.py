"""A query none of whose triple patterns can match the ontology is asked of the union of
the store's graphs (one index lookup a pattern instead of one a graph), and has the
same answers as asked of the data graphs; anything the reading does not follow, or a
pattern the ontology matches, keeps the data graphs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

import heroes_kg
from heroes_kg.query import KnowledgeGraph, engine
from heroes_kg.query._patterns import read_patterns
from heroes_kg.query.engine import bind_query, list_queries
from heroes_kg.vocab import prefixes

KNOWN = prefixes("https://w3id.org/heroes-kg/")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SDO = "https://schema.org/"

#: Queries that read the ontology, some only through a corner of the syntax: each must be
#: kept on the data graphs (its answers over the union differ).
SEES_THE_ONTOLOGY = [
    "SELECT ?c { ?c a owl:Class }",
    "SELECT * { ?s rdfs:label ?l }",
    "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "SELECT ?p ?o { heroes:Actor ?p ?o }",
    "SELECT ?x { ?x rdfs:subClassOf* schema:Thing }",
    "SELECT ?x { ?x rdfs:subClassOf? ?y }",
    "SELECT ?s { ?s !schema:name ?o }",
    "SELECT ?s { ?s schema:name|rdfs:label ?o }",
    "SELECT ?s { ?s ^rdfs:domain ?o }",
    "SELECT ?s { ?s (rdfs:subPropertyOf)+ ?o }",
    "SELECT ?s { [ rdfs:label ?s ] }",
    "SELECT ?s { ?x a heroes:Actor . OPTIONAL { ?s rdfs:comment ?c } }",
    "SELECT ?s { { ?s a schema:Movie } UNION { ?s a owl:ObjectProperty } }",
    "SELECT ?s { ?s a ?t FILTER EXISTS { ?t rdfs:label ?l } }",
    "SELECT ?s { ?s a ?t FILTER (!EXISTS { ?t rdfs:label ?l }) }",
    "SELECT ?s { ?s a ?t MINUS { ?t rdfs:label ?l } }",
    "SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?s rdfs:label ?l } } }",
    "SELECT ?s { ?s rdf:first ?o }",
    "SELECT ?s { GRAPH ?g { ?s a owl:Class } }",
    "CONSTRUCT WHERE { ?s rdfs:range ?o }",
    "CONSTRUCT { ?s schema:name ?o } WHERE { ?s rdfs:label ?o }",
    "ASK { heroes:Actor a owl:Class }",
    "DESCRIBE heroes:Actor",
    "SELECT ?s FROM <https://w3id.org/heroes-kg/graph/ontology> { ?s ?p ?o }",
    # joined with a pattern only where that does not remove the rows it made
    "SELECT ?s ?p ?o { ?s ?p ?o OPTIONAL { ?s schema:name ?n } }",
    "SELECT ?s ?p { { ?s ?p ?o } UNION { ?s schema:name ?n } }",
    "SELECT ?s ?t { ?s a ?t FILTER NOT EXISTS { ?t schema:name ?n } }",
    "SELECT ?s ?t { ?s a ?t . ?t a owl:Class }",
    "SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?s a ?t } } ?t schema:name ?x }",
    "SELECT ?s ?n { ?s ?p ?o . OPTIONAL { ?s schema:name ?n } }",
    # an OPTIONAL, MINUS or EXISTS whose ontology matches agree with the rows around it
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n FILTER NOT EXISTS { ?t rdfs:label ?l } }",
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n FILTER EXISTS { ?t rdfs:label ?l } }",
    "SELECT ?s ?t ?l { ?s a ?t ; schema:name ?n OPTIONAL { ?t rdfs:label ?l } }",
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n MINUS { ?t rdfs:label ?l } }",
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n BIND (EXISTS { ?t a owl:Class } AS ?c) "
    "FILTER (?c) }",
    "SELECT ?s ?t { { ?s schema:url ?u } UNION { ?s a ?t ; schema:name ?m "
    "FILTER EXISTS { ?t rdfs:label ?l } } }",
]

#: Queries of the data only, in as many shapes of the syntax as the named ones use.
SEES_THE_DATA = [
    "SELECT ?s ?n { ?s a heroes:Actor ; schema:name ?n . } ORDER BY ?n",
    "SELECT ?s { ?s a schema:Movie , schema:CreativeWork }",
    "SELECT ?s ?l { ?s schema:name|schema:headline ?l }",
    "SELECT ?s { ?s schema:actor/schema:actor ?p . ?p schema:name \"Pedro Pascal\" }",
    "SELECT ?s { ?s schema:actor [ a schema:PerformanceRole ; schema:characterName ?c ] }",
    "SELECT ?s ?c { ?s ^schema:actor ?c }",
    "SELECT ?q { ?st prov:wasDerivedFrom/oa:hasSelector/oa:exact ?q "
    "FILTER (CONTAINS(?q, \"{\")) } LIMIT 3",
    "SELECT (COUNT(?s) AS ?n) { ?s a rdf:Statement FILTER NOT EXISTS { ?s rdf:object ?o "
    "FILTER isLiteral(?o) } }",
    "SELECT ?s ?d { ?s schema:datePublished ?d FILTER (?d >= \"2021-01-01\"^^xsd:date) }",
    "SELECT ?s { VALUES ?n { \"Pedro Pascal\"@en \"Pedro Pascal\" } ?s schema:name ?n }",
    "SELECT ?n { { SELECT ?s (COUNT(*) AS ?n) { ?s schema:mentions ?m } GROUP BY ?s } }",
    "ASK { ?s a rdf:Statement ; rdf:object 44000000 }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?st a rdf:Statement ; rdf:subject ?s ; "
    "rdf:predicate ?p ; rdf:object ?o }",
    # patterns the ontology matches, joined with ones nothing matches with its values
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n }",
    "SELECT ?s { ?s a ?t . ?t schema:name ?x . ?t rdfs:label ?l }",
    "SELECT ?s ?p ?o { ?s schema:name|schema:headline ?l { ?s ?p ?o } UNION { ?o ?p ?s } }",
    "SELECT ?s ?t { { SELECT * { ?s schema:mentions ?e } } ?e a ?t }",
    # an OPTIONAL, MINUS or EXISTS the ontology matches, but never where it agrees with
    # a row of the group around it
    "SELECT ?s ?l { ?s a heroes:Actor OPTIONAL { ?s rdfs:label ?l } }",
    "SELECT ?s { ?s a heroes:Actor MINUS { ?s rdfs:label ?l } }",
    "SELECT ?s ?t { ?s a ?t ; schema:name ?n "
    "FILTER NOT EXISTS { ?s a ?other FILTER (?other != ?t) } }",
    "SELECT ?s { { ?s a heroes:Actor } UNION { ?s a schema:Movie "
    "FILTER NOT EXISTS { ?s a ?other FILTER (?other != schema:Movie) } } }",
]


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def _answers(store: ox.Store, text: str, union: bool,
             graphs: list[ox.NamedNode | ox.BlankNode]) -> list[bytes]:
    if union:
        answer = store.query(text, prefixes=KNOWN, use_default_graph_as_union=True,
                             named_graphs=graphs)
    else:
        answer = store.query(text, prefixes=KNOWN, default_graph=list(graphs),
                             named_graphs=graphs)
    if isinstance(answer, ox.QueryBoolean):
        return [b"true" if answer else b"false"]
    if isinstance(answer, ox.QuerySolutions):
        data = answer.serialize(format=ox.QueryResultsFormat.TSV) or b""
    else:
        data = ox.serialize(answer, format=ox.RdfFormat.N_TRIPLES) or b""
    return sorted(data.splitlines())


def _same(kg: KnowledgeGraph, text: str) -> bool:
    return engine._union_is_the_same(kg.store, list(kg.data_graphs), text, KNOWN)


def test_every_named_query_is_asked_of_the_union_with_the_same_answers(
        kg: KnowledgeGraph) -> None:
    graphs: list[ox.NamedNode | ox.BlankNode] = list(kg.data_graphs)
    assert kg.names.ontology in list(kg.store.named_graphs())  # the union is more
    names = [named.name for named in list_queries(kg.project)]  # type: ignore[arg-type]
    asked: set[str] = set()
    for named in list_queries(kg.project):  # type: ignore[arg-type]
        bound = {"entity": "pedro-pascal", "person": "pedro-pascal",
                 "article": "article:cast-celebrates"}
        for bindings in ({}, {k: v for k, v in bound.items() if f"bind ?{k}" in named.text}):
            text = bind_query(kg, named.name, bindings)
            if _same(kg, text):
                asked.add(named.name)
                assert (_answers(kg.store, text, True, graphs)
                        == _answers(kg.store, text, False, graphs)), named.name
    assert set(names) == asked


def test_a_query_that_reads_the_ontology_keeps_the_data_graphs(kg: KnowledgeGraph) -> None:
    graphs: list[ox.NamedNode | ox.BlankNode] = list(kg.data_graphs)
    differ = 0
    for text in SEES_THE_ONTOLOGY:
        assert not _same(kg, text), text
        differ += _answers(kg.store, text, True, graphs) != _answers(
            kg.store, text, False, graphs)
    assert differ >= len(SEES_THE_ONTOLOGY) - 6  # the test's queries do read it
    for text in SEES_THE_DATA:
        assert _same(kg, text), text
        assert (_answers(kg.store, text, True, graphs)
                == _answers(kg.store, text, False, graphs)), text


def test_the_graph_in_memory_holds_only_the_data_graphs(kg: KnowledgeGraph) -> None:
    memory = ox.Store()
    for graph in kg.data_graphs:
        memory.extend(kg.store.quads_for_pattern(None, None, None, graph))
    for text in SEES_THE_ONTOLOGY[:6]:  # read from anything: nothing else is there
        assert engine._union_is_the_same(memory, list(kg.data_graphs), text, KNOWN)


def _patterns(text: str) -> list[tuple[object, ...]] | None:
    found = read_patterns(text, KNOWN)
    return None if found is None else [
        (p.subject, p.predicates, p.object, p.variables, p.simple) for p in found]


def test_the_patterns_of_each_piece_of_syntax() -> None:
    text = """PREFIX ex: <http://example.org/>
    # a comment with { braces } and ?vars
    SELECT ?s WHERE {
      ?s a ex:Thing ; ex:p "a } string"@en , 3.5 ; ex:q [ ex:r ex:o ] .
      ?s ex:a/^ex:b ?x FILTER (?x != "{")
      BIND (STR(?s) AS ?t)
      OPTIONAL { ex:s ?v ex:o }
    } ORDER BY ?s LIMIT 2"""
    ex = "http://example.org/"
    assert _patterns(text) == [
        (None, (RDF + "type",), ex + "Thing", ("s", None, None), True),
        (None, (ex + "p",), None, ("s", None, None), True),
        (None, (ex + "p",), None, ("s", None, None), True),
        (None, (ex + "r",), ex + "o", (None, None, None), True),
        (None, (ex + "q",), None, ("s", None, None), True),
        (None, (ex + "a", ex + "b"), None, (None, None, None), False),
        (ex + "s", None, ex + "o", (None, "v", None), True)]
    assert _patterns("CONSTRUCT { ?s ?p ?o } WHERE { ?s schema:name|schema:headline ?o }"
                     ) == [(None, (SDO + "name", SDO + "headline"), None, ("s", None, "o"),
                            True)]


def test_a_pattern_is_guarded_only_by_patterns_its_rows_must_match() -> None:
    found = read_patterns("""SELECT * {
      ?s a ?t .
      { SELECT * { ?s schema:name ?n } }
      { ?s ?p ?o OPTIONAL { ?o schema:name ?m } } UNION { ?o ?p ?s }
      FILTER NOT EXISTS { ?s schema:url ?u }
    }""", KNOWN)
    assert found is not None

    def guarded(at: int) -> list[str]:
        return sorted(g.predicates[0].rsplit("/", 1)[-1]  # type: ignore[index]
                      for g in found[at].guards())

    # ?s a ?t, ?s schema:name ?n, ?s ?p ?o, ?o schema:name ?m, ?o ?p ?s, ?s schema:url ?u
    assert guarded(0) == ["name"]  # the plain SELECT * is joined with it
    assert guarded(2) == ["22-rdf-syntax-ns#type", "name"]  # not the OPTIONAL's
    assert guarded(4) == ["22-rdf-syntax-ns#type", "name"]  # not the other branch's
    # an OPTIONAL or a NOT EXISTS: the groups around it too, never a sibling's
    assert guarded(3) == guarded(5) == ["22-rdf-syntax-ns#type", "name"]


@pytest.mark.parametrize("text", [
    "SELECT ?s { ?s ex:p ?o }",  # an unknown prefix
    "BASE <http://example.org/> SELECT ?s { ?s <p> ?o }",
    "SELECT ?s { ?s <p> ?o }",  # a relative IRI
    "SELECT ?s { ?s schema:name ( 1 2 ) }",  # a collection
    "SELECT ?s { << ?s ?p ?o >> schema:name ?n }",
    "SELECT ?s { SERVICE <http://example.org/sparql> { ?s schema:name ?o } }",
    "SELECT ?s { ?s schema:name ?o ",  # unfinished
    "SELECT ?s { ?s schema:name ?o } }",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
])
def test_what_the_reading_does_not_follow_gives_nothing(text: str) -> None:
    assert read_patterns(text, KNOWN) is None


def test_an_iri_oxigraph_refuses_is_left_to_its_parser(kg: KnowledgeGraph) -> None:
    from heroes_kg.errors import QueryError

    text = "SELECT * { ?s a ?t ; schema:a%zz ?o }"
    assert not _same(kg, text)  # no ValueError from the check itself
    with pytest.raises(QueryError, match="zz"):
        kg.query(text)


def test_a_variable_takes_the_same_characters_as_sparql_names_allow() -> None:
    """The reader's variable token is written as a negated class (Python compiles the
    range U+00C0-U+FFFF in 20-45 ms at every start): the same characters either way."""
    import re
    import time

    from heroes_kg.query._patterns import _TOKENS

    spelled = re.compile(r"[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+")
    for code in [*range(0x10400), 0x1F600, 0xEFFFF, 0x10FFFF]:
        text = f"?a{chr(code)}"
        token = _TOKENS.match(text)
        read = token is not None and token.lastgroup == "var" and token.end() == len(text)
        assert read == (spelled.fullmatch(text) is not None), hex(code)
    re.purge()
    started = time.perf_counter()
    re.compile(_TOKENS.pattern, _TOKENS.flags)
    assert time.perf_counter() - started < 0.5  # generous: a busy machine
