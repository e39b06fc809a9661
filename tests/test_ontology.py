"""ontology/heroes.ttl declares the curated vocabulary; ontology/shapes.ttl checks built graphs."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SH, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from heroes_kg import vocab as _vocab

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "heroes.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
SHAPES_DATA = Path(__file__).resolve().parent / "data" / "shapes"
ONTOLOGY_IRI = URIRef("https://w3id.org/heroes-kg/ontology")

CLASS_IRIS = sorted(t.iri for t in _vocab.CLASSES.values() if t.iri.startswith(_vocab.HEROES))
PROPERTY_IRIS = sorted(
    {p.iri for p in _vocab.PROPERTIES.values() if p.iri.startswith(_vocab.HEROES)}
    | {iri for iri, _ in _vocab.QUALIFIERS.values()}
    | {_vocab.HEROES + "character", _vocab.HEROES + "fileName"}
)
INVALID_FIXTURES = sorted(SHAPES_DATA.glob("invalid-*.ttl"))


def _graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _graph(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _graph(SHAPES)


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [
        o for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


def _members(graph: Graph, node: Node) -> set[Node]:
    """A class expression as a set of classes: one IRI, or the members of an owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return {node} if union is None else set(Collection(graph, union))


def _classes(names: tuple[str, ...]) -> set[Node]:
    return {URIRef(_vocab.CLASSES[name].iri) for name in names}


def _validate(data: Graph, ontology: Graph | None, shapes: Graph) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    return conforms, report


def _results(report: Graph) -> list[tuple[Node | None, str]]:
    """(sh:resultPath, sh:resultMessage) of each top-level result (not nested sh:detail)."""
    return [
        (report.value(result, SH.resultPath), str(report.value(result, SH.resultMessage)))
        for validation in report.subjects(RDF.type, SH.ValidationReport)
        for result in report.objects(validation, SH.result)
    ]


def test_ontology_parses_and_has_a_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert _english(ontology, ONTOLOGY_IRI, RDFS.label)
    assert _english(ontology, ONTOLOGY_IRI, RDFS.comment)
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")


@pytest.mark.parametrize("iri", CLASS_IRIS)
def test_every_vocab_class_is_declared(ontology: Graph, iri: str) -> None:
    term = URIRef(iri)
    assert (term, RDF.type, OWL.Class) in ontology
    assert _english(ontology, term, RDFS.label), f"{iri} has no English rdfs:label"
    assert _english(ontology, term, RDFS.comment), f"{iri} has no English rdfs:comment"
    parents = set(ontology.objects(term, RDFS.subClassOf))
    assert parents, f"{iri} has no rdfs:subClassOf"
    parent = next(t.parent for t in _vocab.CLASSES.values() if t.iri == iri)
    if parent != "Thing":  # Thing-parented classes may name a schema.org subclass of Thing
        assert URIRef(_vocab.CLASSES[parent].iri) in parents


@pytest.mark.parametrize("iri", PROPERTY_IRIS)
def test_every_vocab_property_is_declared(ontology: Graph, iri: str) -> None:
    term = URIRef(iri)
    kinds = set(ontology.objects(term, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert len(kinds) == 1, f"{iri} must be an owl:ObjectProperty or an owl:DatatypeProperty"
    assert _english(ontology, term, RDFS.label), f"{iri} has no English rdfs:label"
    assert _english(ontology, term, RDFS.comment), f"{iri} has no English rdfs:comment"
    domains = list(ontology.objects(term, RDFS.domain))
    ranges = list(ontology.objects(term, RDFS.range))
    assert len(domains) == 1, f"{iri} needs one rdfs:domain"
    assert len(ranges) == 1, f"{iri} needs one rdfs:range"


@pytest.mark.parametrize(
    "prop", [p for p in _vocab.PROPERTIES.values() if p.iri.startswith(_vocab.HEROES)],
    ids=lambda p: p.name,
)
def test_ontology_domain_and_range_match_the_vocab(ontology: Graph, prop: _vocab.Property) -> None:
    term = URIRef(prop.iri)
    assert _members(ontology, ontology.value(term, RDFS.domain)) == _classes(prop.domain)
    declared_range = _members(ontology, ontology.value(term, RDFS.range))
    if prop.is_literal:
        assert (term, RDF.type, OWL.DatatypeProperty) in ontology
        assert declared_range == {XSD[dt] for dt in prop.datatype}
    else:
        assert (term, RDF.type, OWL.ObjectProperty) in ontology
        assert declared_range == _classes(prop.range)


@pytest.mark.parametrize("key", sorted(_vocab.QUALIFIERS))
def test_qualifiers_apply_to_statements(ontology: Graph, key: str) -> None:
    iri, allowed = _vocab.QUALIFIERS[key]
    term = URIRef(iri)
    assert ontology.value(term, RDFS.domain) == RDF.Statement
    assert _members(ontology, ontology.value(term, RDFS.range)) == _classes(allowed)


def test_reprised_role_is_a_kind_of_plays(ontology: Graph) -> None:
    reprised = URIRef(_vocab.PROPERTIES["reprisedRole"].iri)
    assert (reprised, RDFS.subPropertyOf, URIRef(_vocab.PROPERTIES["plays"].iri)) in ontology


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    # meta_shacl checks the shapes graph against the SHACL-SHACL shapes and raises if invalid.
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_valid_graph_conforms(ontology: Graph, shapes: Graph) -> None:
    conforms, report = _validate(_graph(SHAPES_DATA / "valid.ttl"), ontology, shapes)
    assert conforms, _results(report)


def test_subclass_reasoning_comes_from_the_ontology(shapes: Graph) -> None:
    # Without the ontology, a heroes:Actor director is not known to be a schema:Person.
    conforms, report = _validate(_graph(SHAPES_DATA / "valid.ttl"), None, shapes)
    assert not conforms
    assert URIRef("https://schema.org/director") in {path for path, _ in _results(report)}


def _expectation(fixture: Graph, path: Path) -> tuple[Node | None, str]:
    """The fixture's header: '# expect path: CURIE|none' and '# expect message: text'."""
    header = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect "):
            key, _, value = line.removeprefix("# expect ").partition(": ")
            header[key] = value.strip()
    expected_path = None
    if header["path"] != "none":
        expected_path = URIRef(fixture.namespace_manager.expand_curie(header["path"]))
    return expected_path, header["message"]


@pytest.mark.parametrize("path", INVALID_FIXTURES, ids=lambda p: p.stem)
def test_invalid_graph_fails_with_its_message(
    ontology: Graph, shapes: Graph, path: Path
) -> None:
    fixture = _graph(path)
    expected_path, expected_message = _expectation(fixture, path)
    conforms, report = _validate(fixture, ontology, shapes)
    assert not conforms
    results = _results(report)
    assert {p for p, _ in results} == {expected_path}, results
    assert any(message.startswith(expected_message) for _, message in results), results


@pytest.mark.parametrize("name", [n for n, t in _vocab.CLASSES.items()
                                  if t.iri.startswith(_vocab.HEROES)])
def test_materialised_schema_type_is_the_ontologys_superclass(ontology: Graph,
                                                              name: str) -> None:
    # each entity of a heroes: class is also typed with the schema.org class the
    # ontology makes it a subclass of, so no reasoner is needed to find it as one
    supers = {str(o) for o in ontology.objects(URIRef(_vocab.CLASSES[name].iri),
                                               RDFS.subClassOf)}
    assert _vocab.schema_types(name)[0] in supers
