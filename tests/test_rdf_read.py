"""The one read-back of curated statements from RDF (heroes_kg.rdf.read.statements), which
the exports, `inspect` and the page share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

import heroes_kg
from heroes_kg.outputs.page import lookup
from heroes_kg.query import KnowledgeGraph
from heroes_kg.rdf.read import statements

RES = "https://w3id.org/heroes-kg/resource/"


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def test_every_statement_comes_back_with_its_quotes(kg: KnowledgeGraph) -> None:
    records = statements(kg)
    assert records and [r.iri for r in records] == sorted({r.iri for r in records})
    assert all(r.evidence for r in records)
    for record in records:
        for quote in record.evidence:
            assert quote.end - quote.start == len(quote.exact)


def test_about_keeps_the_statements_an_entity_is_in(kg: KnowledgeGraph) -> None:
    pascal = RES + "pedro-pascal"
    expected = [r for r in statements(kg) if pascal in (r.subject.value, r.object.value)]
    assert expected and statements(kg, about=pascal) == expected


def test_union_reads_provenance_wherever_it_was_loaded(kg: KnowledgeGraph) -> None:
    """A graph whose provenance sits in the default graph (as a plain Turtle file loads):
    only ``union`` finds its statements, the same as in the provenance graph."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in kg.store.quads_for_pattern(None, None, None, None))
    flat = KnowledgeGraph(store, kg.names)
    assert statements(flat) == []
    assert statements(flat, union=True) == statements(kg) == statements(kg, union=True)


def test_the_page_shows_the_read_back(kg: KnowledgeGraph) -> None:
    facts = lookup(kg).facts
    records = statements(kg)
    assert sum(len(v) for v in facts.values()) == len(records)
    shown = {fact["statement"]: fact for found in facts.values() for fact in found}
    for record in records:
        assert shown[record.iri]["quotes"] == sorted(
            {(e.article, e.start, e.exact) for e in record.evidence})
        assert sorted(shown[record.iri]["qualifiers"]) == record.qualifiers
