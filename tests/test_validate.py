"""The whole-graph checks catch what no shape expresses: a quote moved off its offsets,
a provenance record of a fact that is not asserted."""

from __future__ import annotations

import pyoxigraph as ox

from heroes_kg.corpus.curation import load_corpus
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph
from heroes_kg.rdf.model import to_quads
from heroes_kg.validate.graph import _whole_graph_checks
from heroes_kg.vocab import Names

from .conftest import ROOT

OA = "http://www.w3.org/ns/oa#"


def _graph() -> tuple[KnowledgeGraph, object]:
    project = find_project(ROOT)
    corpus = load_corpus(project)
    store = ox.Store()
    store.bulk_extend(to_quads(corpus, project.base_iri))
    return KnowledgeGraph(store, Names(project.base_iri)), corpus


def test_the_seeds_pass() -> None:
    kg, corpus = _graph()
    assert _whole_graph_checks(kg, corpus) == []  # type: ignore[arg-type]


def test_a_shifted_offset_is_caught() -> None:
    kg, corpus = _graph()
    quad = next(iter(kg.store.quads_for_pattern(None, ox.NamedNode(OA + "start"), None)))
    kg.store.remove(quad)
    kg.store.add(ox.Quad(quad.subject, quad.predicate,
                         ox.Literal(str(int(quad.object.value) + 1),
                                    datatype=quad.object.datatype), quad.graph_name))
    [problem] = _whole_graph_checks(kg, corpus)  # type: ignore[arg-type]
    assert problem.path.startswith("seeds/facts/") and problem.line
    assert "the quote is not at characters" in problem.message


def test_an_unasserted_fact_is_caught() -> None:
    kg, corpus = _graph()
    names = kg.names
    fact = ox.Quad(names.resource("pedro-pascal"),
                   ox.NamedNode("https://w3id.org/heroes-kg/ontology#plays"),
                   names.resource("marcus-moreno"), names.facts)
    kg.store.remove(fact)
    [problem] = _whole_graph_checks(kg, corpus)  # type: ignore[arg-type]
    assert problem.path == "seeds/facts/cast.yaml"
    assert "the fact this provenance record describes is not in the graph" in problem.message
