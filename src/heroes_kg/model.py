"""Model: curated objects -> RDF quads (facts, provenance), with readable, stable IRIs.

The front door is :func:`to_quads`. No blank nodes are made, so the same corpus always
gives the same quads, and exports are byte-for-byte reproducible.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode, Quad

from . import _vocab
from ._vocab import HEROES, OA, PROV, RDF, RDFS, SCHEMA, XSD

if TYPE_CHECKING:  # curation (and PyYAML) load only when quads are made, not for Names
    from .curation import Corpus, Statement

__all__ = ["Names", "to_quads"]

_TYPE = NamedNode(RDF + "type")
#: Vocabulary IRIs, made once each: building a NamedNode checks its IRI, which adds up
#: over a million quads.
_TERMS: dict[str, NamedNode] = {}


def _term(iri: str) -> NamedNode:
    node = _TERMS.get(iri)
    if node is None:
        node = _TERMS[iri] = NamedNode(iri)
    return node


_NAME = NamedNode(SCHEMA + "name")
_LABEL = NamedNode(RDFS + "label")
_INTEGER = NamedNode(XSD + "integer")
_ROLE_PROPERTIES = {"plays", "reprisedRole"}


class Names:
    """The IRIs of one project's resources and named graphs, under its base IRI."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.facts = NamedNode(base + "graph/facts")
        self.provenance = NamedNode(base + "graph/provenance")
        self.ontology = NamedNode(base + "graph/ontology")
        self._resources: dict[str, NamedNode] = {}

    def resource(self, entity_id: str) -> NamedNode:
        node = self._resources.get(entity_id)
        if node is None:
            node = self._resources[entity_id] = NamedNode(f"{self.base}resource/{entity_id}")
        return node

    def article(self, article_id: str) -> NamedNode:
        return NamedNode(f"{self.base}article/{article_id}")

    def statement(self, statement_id: str) -> NamedNode:
        return NamedNode(f"{self.base}statement/{statement_id}")

    def role(self, work: str, person: str, character: str) -> NamedNode:
        return NamedNode(f"{self.base}role/{work}--{person}--{character}")

    def entity_id(self, iri: str) -> str | None:
        """The curated id of a resource IRI, or None if it is not one."""
        prefix = self.base + "resource/"
        return iri[len(prefix):] if iri.startswith(prefix) else None


def _literal(lexical: str, datatype: str) -> Literal:
    if datatype == "string":
        return Literal(lexical)
    return Literal(lexical, datatype=_term(XSD + datatype))


def to_quads(corpus: Corpus, base: str) -> Iterator[Quad]:
    """Every quad of the built graph except the ontology."""
    names = Names(base)
    facts = names.facts
    mentions = corpus.mentions()
    for article in corpus.articles.values():
        node = names.article(article.id)
        yield Quad(node, _TYPE, _term(SCHEMA + "NewsArticle"), facts)
        yield Quad(node, _term(SCHEMA + "headline"), Literal(article.title), facts)
        yield Quad(node, _LABEL, Literal(article.title), facts)
        yield Quad(node, _term(HEROES + "fileName"), Literal(article.file), facts)
        if article.date:
            yield Quad(node, _term(SCHEMA + "datePublished"),
                       _literal(article.date, "date"), facts)
        if article.publisher:
            yield Quad(node, _term(SCHEMA + "publisher"),
                       names.resource(article.publisher), facts)
        if article.url:
            yield Quad(node, _term(SCHEMA + "url"), NamedNode(article.url), facts)
        for entity_id in sorted(mentions[article.id]):
            yield Quad(node, _term(SCHEMA + "mentions"), names.resource(entity_id), facts)
    for entity in corpus.entities.values():
        node = names.resource(entity.id)
        yield Quad(node, _TYPE, _term(_vocab.CLASSES[entity.type].iri), facts)
        yield Quad(node, _NAME, Literal(entity.name), facts)
        yield Quad(node, _LABEL, Literal(entity.name), facts)
        for alias in entity.aliases:
            yield Quad(node, _term(SCHEMA + "alternateName"), Literal(alias), facts)
    for statement in corpus.statements:
        yield from _statement_quads(statement, corpus, names)


def _statement_quads(st: Statement, corpus: Corpus, names: Names) -> Iterator[Quad]:
    from .curation import CONTEXT

    facts, prov = names.facts, names.provenance
    prop = _vocab.PROPERTIES[st.property]
    subject = names.resource(st.subject)
    predicate = _term(prop.iri)
    if st.object is not None:
        obj: NamedNode | Literal = names.resource(st.object)
    else:
        assert st.value is not None
        obj = _literal(st.value.lexical, st.value.datatype)
    yield Quad(subject, predicate, obj, facts)
    qualifiers = dict(st.qualifiers)
    if st.property in _ROLE_PROPERTIES and st.object is not None:
        # The schema.org PerformanceRole pattern, so schema.org readers find the cast.
        work = qualifiers["in"]
        role = names.role(work, st.subject, st.object)
        yield Quad(names.resource(work), _term(SCHEMA + "actor"), role, facts)
        yield Quad(role, _TYPE, _term(SCHEMA + "PerformanceRole"), facts)
        yield Quad(role, _term(SCHEMA + "actor"), subject, facts)
        yield Quad(role, _term(SCHEMA + "characterName"),
                   Literal(corpus.entities[st.object].name), facts)
        yield Quad(role, _term(HEROES + "character"), names.resource(st.object), facts)
    node = names.statement(st.id)
    yield Quad(node, _TYPE, _term(RDF + "Statement"), prov)
    yield Quad(node, _term(RDF + "subject"), subject, prov)
    yield Quad(node, _term(RDF + "predicate"), predicate, prov)
    yield Quad(node, _term(RDF + "object"), obj, prov)
    for key, ref in st.qualifiers:
        yield Quad(node, _term(_vocab.QUALIFIERS[key][0]), names.resource(ref), prov)
    for n, ev in enumerate(st.evidence, start=1):
        evidence = NamedNode(f"{node.value}/evidence-{n}")
        quote = NamedNode(f"{evidence.value}/quote")
        position = NamedNode(f"{evidence.value}/position")
        text = corpus.articles[ev.article].text
        yield Quad(node, _term(PROV + "wasDerivedFrom"), evidence, prov)
        yield Quad(evidence, _TYPE, _term(PROV + "Entity"), prov)
        yield Quad(evidence, _TYPE, _term(OA + "SpecificResource"), prov)
        yield Quad(evidence, _term(OA + "hasSource"), names.article(ev.article), prov)
        yield Quad(evidence, _term(OA + "hasSelector"), quote, prov)
        yield Quad(evidence, _term(OA + "hasSelector"), position, prov)
        yield Quad(quote, _TYPE, _term(OA + "TextQuoteSelector"), prov)
        yield Quad(quote, _term(OA + "exact"), Literal(ev.quote), prov)
        yield Quad(quote, _term(OA + "prefix"),
                   Literal(text[max(0, ev.start - CONTEXT):ev.start]), prov)
        yield Quad(quote, _term(OA + "suffix"), Literal(text[ev.end:ev.end + CONTEXT]),
                   prov)
        yield Quad(position, _TYPE, _term(OA + "TextPositionSelector"), prov)
        yield Quad(position, _term(OA + "start"), Literal(str(ev.start), datatype=_INTEGER),
                   prov)
        yield Quad(position, _term(OA + "end"), Literal(str(ev.end), datatype=_INTEGER), prov)
