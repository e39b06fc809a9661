"""The fast SHACL engine (shapes compiled to SPARQL on Oxigraph) reports exactly what
pySHACL reports: the same (focus node, path, message) set on the seeds, on every shapes
fixture, and on seeded random mutations of the seed graph."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

from heroes_kg.validate._shacl import ShapesEngine, UnsupportedShapes, validate_around
from heroes_kg.validate.graph import shacl_report_results

from .conftest import ROOT

SHAPES = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY = ROOT / "ontology" / "heroes.ttl"
FIXTURES = sorted((ROOT / "tests" / "data" / "shapes").glob("*.ttl"))
GRAPH = ox.NamedNode("urn:x-test:data")
XSD = "http://www.w3.org/2001/XMLSchema#"
ILL_TYPED = {"abc"}


def _comparison_messages() -> set[str]:
    """Messages of the property shapes with sh:lessThan or sh:lessThanOrEquals."""
    store = ox.Store()
    store.load(path=str(SHAPES), format=ox.RdfFormat.TURTLE)
    return {row["m"].value for row in store.query(  # type: ignore[union-attr]
        "PREFIX sh: <http://www.w3.org/ns/shacl#> SELECT ?m WHERE { "
        "?s sh:lessThan|sh:lessThanOrEquals ?o ; sh:message ?m }")}


COMPARISON_MESSAGES = _comparison_messages()


@pytest.fixture(scope="module")
def engine() -> ShapesEngine:
    return ShapesEngine(ox.parse(path=str(SHAPES)), ox.parse(path=str(ONTOLOGY)))


@pytest.fixture(scope="module")
def shapes_graphs() -> tuple[rdflib.Graph, rdflib.Graph]:
    return rdflib.Graph().parse(SHAPES), rdflib.Graph().parse(ONTOLOGY)


def _pyshacl(triples: list[ox.Triple], graphs: tuple[rdflib.Graph, rdflib.Graph]
             ) -> set[tuple[str, str | None, str]]:
    data = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                                format="nt")
    _conforms, report, _ = pyshacl.validate(data, shacl_graph=graphs[0], ont_graph=graphs[1],
                                            inference="none", advanced=True)
    return shacl_report_results(report)


def _fast(triples: list[ox.Triple], engine: ShapesEngine) -> set[tuple[str, str | None, str]]:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, GRAPH) for t in triples)
    return {("_:" if r.focus.startswith("_:") else r.focus, r.path, r.message)
            for r in engine.validate(store, [GRAPH])}


@pytest.mark.parametrize("path", [*FIXTURES, ROOT / "exports" / "heroes.ttl"],
                         ids=lambda p: p.stem)
def test_same_results_as_pyshacl(path: Path, engine: ShapesEngine,
                                 shapes_graphs: tuple[rdflib.Graph, rdflib.Graph]) -> None:
    triples = list(ox.parse(path=str(path)))
    expected = _pyshacl(triples, shapes_graphs)
    assert _fast(triples, engine) == expected
    assert bool(expected) == path.stem.startswith("invalid-")


def _mutate(triples: list[ox.Triple], rng: random.Random) -> list[ox.Triple]:
    """Delete, retarget, retype and add triples: the kinds of damage shapes catch."""
    triples = list(triples)
    nodes = sorted({t.subject for t in triples}, key=str)
    literals = [ox.Literal("0", datatype=ox.NamedNode(XSD + "integer")), ox.Literal(""),
                ox.Literal("x", language="en"), ox.Literal("2021-13-01"),
                ox.Literal("5", datatype=ox.NamedNode(XSD + "integer")),
                ox.Literal("abc", datatype=ox.NamedNode(XSD + "integer"))]
    for _ in range(6):
        i = rng.randrange(len(triples))
        t = triples[i]
        kind = rng.choice(("delete", "retarget", "literal", "add"))
        if kind == "delete":
            del triples[i]
        elif kind == "retarget":
            triples[i] = ox.Triple(t.subject, t.predicate, rng.choice(nodes))
        elif kind == "literal":
            triples[i] = ox.Triple(t.subject, t.predicate, rng.choice(literals))
        else:
            other = rng.choice(triples)
            triples.append(ox.Triple(rng.choice(nodes), other.predicate, other.object))
    return triples


@pytest.mark.parametrize("seed", range(24))
def test_same_results_on_damaged_graphs(seed: int, engine: ShapesEngine,
                                        shapes_graphs: tuple[rdflib.Graph, rdflib.Graph]
                                        ) -> None:
    base = list(ox.parse(path=str(ROOT / "exports" / "heroes.ttl")))
    damaged = _mutate(base, random.Random(seed))
    expected = _pyshacl(damaged, shapes_graphs)
    found = _fast(damaged, engine)
    assert expected <= found
    # One known difference: pySHACL compares an ill-typed literal ("abc"^^xsd:integer)
    # by its text, so 399 < "abc" holds; SHACL says a failed comparison is a violation,
    # and that is what the fast engine reports.
    ill_typed = {t.subject.value for t in damaged if isinstance(t.object, ox.Literal)
                 and t.object.value in ILL_TYPED}
    for focus, _path, message in found - expected:
        assert message in COMPARISON_MESSAGES and focus in ill_typed


def _around(before: list[ox.Triple], after: list[ox.Triple], engine: ShapesEngine
            ) -> tuple[set[object], set[object] | None]:
    """(every violation of ``after``, those found by validating around its difference
    from ``before``)."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, GRAPH) for t in after)
    changed = [ox.Quad(t.subject, t.predicate, t.object, GRAPH)
               for t in set(before) ^ set(after)]
    found = validate_around(engine, store, [GRAPH], changed, limit=10**9)
    return set(engine.validate(store, [GRAPH])), None if found is None else set(found)


@pytest.mark.parametrize("seed", range(40))
def test_validating_around_a_change_finds_every_violation(seed: int, engine: ShapesEngine
                                                          ) -> None:
    """Validating only what a change can affect finds what validating the whole graph
    finds, when the graph conformed before the change."""
    base = list(ox.parse(path=str(ROOT / "exports" / "heroes.ttl")))
    damaged = _mutate(base, random.Random(1000 + seed))
    everything, around = _around(base, damaged, engine)
    assert around == everything


def test_a_change_that_breaks_an_unchanged_neighbour_is_caught(engine: ShapesEngine) -> None:
    """Pedro Pascal loses his types: the violations are at the role, the film and the
    provenance that point at him, none of which changed."""
    base = list(ox.parse(path=str(ROOT / "exports" / "heroes.ttl")))
    pedro = "https://w3id.org/heroes-kg/resource/pedro-pascal"
    edited = [t for t in base if not (t.subject.value == pedro
                                      and t.predicate.value.endswith("#type"))]
    everything, around = _around(base, edited, engine)
    assert around == everything
    assert {r.focus for r in everything} - {pedro}  # type: ignore[attr-defined]


def test_unsupported_features_are_refused() -> None:
    shapes = ox.parse(b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:hasValue <urn:v> .""",
                      format=ox.RdfFormat.TURTLE)
    with pytest.raises(UnsupportedShapes, match="hasValue"):
        ShapesEngine(shapes, [])


def test_build_uses_either_engine_with_the_same_report(project: Path) -> None:
    from heroes_kg.errors import ValidationError
    from heroes_kg.pipeline import check
    from heroes_kg.project import find_project

    news = project / "seeds" / "facts" / "news.yaml"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "property: countriesRanked\n    value: 88", "property: countriesRanked\n    value: 95"),
        encoding="utf-8")
    messages = []
    for shacl in ("oxigraph", "pyshacl"):
        with pytest.raises(ValidationError) as info:
            check(find_project(project), shacl=shacl)
        messages.append(info.value.lines())
    assert messages[0] == messages[1]
    assert any("no more than heroes:countriesTotal" in line for line in messages[0])


def test_validate_command_takes_either_engine(run) -> None:  # type: ignore[no-untyped-def]
    for shacl in ("oxigraph", "pyshacl"):
        result = run("validate", "--project", str(ROOT), "--shacl", shacl)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Valid: ")
    bad = run("validate", "--project", str(ROOT), "--shacl", "jena")
    assert bad.exit_code == 2
    assert "Invalid value for '--shacl'" in bad.stderr
