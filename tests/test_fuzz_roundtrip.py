"""Property-based round trips: for generated graphs, every RDF export reads back as the
same graph, and a graph rebuilt from its Turtle export answers queries the same way."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from heroes_kg.errors import HeroesKGError
from heroes_kg.outputs.formats import _XML_ILLEGAL, _XML_LOCAL_NAME, FORMATS, RdfFormat, export
from heroes_kg.project import DEFAULT_BASE_IRI
from heroes_kg.query import KnowledgeGraph
from heroes_kg.vocab import Names

NAMES = Names(DEFAULT_BASE_IRI)
EXAMPLES = int(os.environ.get("HEROES_KG_FUZZ_EXAMPLES", "1000")) // 5
RDF_FORMATS = sorted(name for name, f in FORMATS.items() if isinstance(f, RdfFormat))
RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld",
                "trig": "trig", "nquads": "nquads"}

# Names that stress prefixing: our namespaces, '/', '%', digits first, empty local names.
# (No '.': Oxigraph rightly writes a trailing one as res:a\. in Turtle and TriG, which
# rdflib 7's parsers misread, so rdflib could not serve as the independent reader.)
LOCAL = st.text(alphabet="abcXYZ019-_/%", min_size=0, max_size=8)
BASES = st.sampled_from([DEFAULT_BASE_IRI + "resource/", DEFAULT_BASE_IRI + "article/",
                         "https://schema.org/", "http://example.com/a#", "urn:x:"])
iris = st.builds(lambda b, local: ox.NamedNode(b + local.replace("%", "%25")), BASES, LOCAL)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=12)
literals = st.one_of(
    st.builds(ox.Literal, TEXT),
    st.builds(lambda t, lang: ox.Literal(t, language=lang), TEXT,
              st.sampled_from(["en", "fr", "en-GB"])),
    st.builds(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), st.integers(-10**12, 10**12)),
    st.builds(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#date")), st.dates()),
    st.builds(lambda b: ox.Literal("true" if b else "false", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#boolean")), st.booleans()),
)
triples = st.lists(st.tuples(iris, iris, st.one_of(iris, literals)), min_size=1, max_size=25)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _graph(data: list[tuple[ox.NamedNode, ox.NamedNode, ox.Term]]) -> KnowledgeGraph:
    store = ox.Store()
    for n, (s, p, o) in enumerate(data):
        store.add(ox.Quad(s, p, o, NAMES.facts if n % 3 else NAMES.provenance))
    return KnowledgeGraph(store, NAMES)


def _rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(kg.triples(), format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


@SETTINGS
@given(triples)
# Found by this test: a carriage return in a literal came back from RDF/XML as a line feed.
@example([(ox.NamedNode("https://w3id.org/heroes-kg/resource/"),
           ox.NamedNode("https://w3id.org/heroes-kg/resource/X"), ox.Literal("a\rb\r\n"))])
def test_every_rdf_export_reads_back_as_the_same_graph(data) -> None:  # type: ignore[no-untyped-def]
    kg = _graph(data)
    expected = _rdflib(kg)
    for name in RDF_FORMATS:
        if name == "rdfxml" and any(
                not _XML_LOCAL_NAME.search(p.value)
                or (isinstance(o, ox.Literal) and _XML_ILLEGAL.search(o.value))
                for _s, p, o in data):
            with pytest.raises(HeroesKGError, match="RDF/XML cannot express "):
                export(kg, name, with_ontology=False)
            continue
        text = export(kg, name, with_ontology=False)
        assert export(kg, name, with_ontology=False) == text, f"{name} is not deterministic"
        if name in ("trig", "nquads"):
            back = rdflib.Dataset()
            back.parse(data=text, format=RDFLIB_NAMES[name])
            merged = rdflib.Graph()
            for quad in back.quads((None, None, None, None)):
                merged.add(quad[:3])
        else:
            merged = rdflib.Graph().parse(data=text, format=RDFLIB_NAMES[name])
        assert isomorphic(merged, expected), name


# DISTINCT: a triple in both named graphs is one triple in the Turtle export.
QUERIES = [
    "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    "SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
    "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } ORDER BY ?o",
]


@SETTINGS
@given(triples)
def test_turtle_export_reimported_answers_the_same(data) -> None:  # type: ignore[no-untyped-def]
    kg = _graph(data)
    again = ox.Store()
    again.load(export(kg, "turtle"), format=ox.RdfFormat.TURTLE)
    for query in QUERIES:
        before = kg.store.query(query, use_default_graph_as_union=True)
        after = again.query(query)
        # ORDER BY leaves incomparable values (a date, a number) in any order: compare
        # the rows, not their order.
        assert sorted(str(list(r)) for r in before) == sorted(str(list(r)) for r in after), \
            query
