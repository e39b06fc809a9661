"""Inspect: what the graph says about one entity (``show``) and what it holds (``stats``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import vocab
from ..rdf.read import entity_names, find_entity, statements
from ..rdf.store import Graph, select

__all__ = ["EntityView", "Fact", "Stats", "show", "stats"]

_PREFIXES = vocab.SPARQL_PREFIXES
_PROPERTY_NAMES = {p.iri: name for name, p in vocab.PROPERTIES.items()}
_CLASS_NAMES = {t.iri: name for name, t in vocab.CLASSES.items()}


@dataclass(frozen=True)
class Quote:
    text: str
    article: str
    title: str
    date: str | None
    start: int
    end: int


@dataclass
class Fact:
    """One curated statement about the entity, seen from the entity."""

    property: str
    incoming: bool
    other: str
    qualifiers: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: The other entity's IRI; None when the value is a literal.
    other_iri: str | None = None


@dataclass
class EntityView:
    id: str
    iri: str
    name: str
    type: str
    aliases: list[str]
    mentioned_in: list[str]
    facts: list[Fact]


def _articles(kg: Graph) -> dict[str, tuple[str, str | None]]:
    """IRI of each article -> (headline, date or None)."""
    return {row["a"].value: (row["t"].value, _value(row["d"]) or None)
            for row in select(kg.store, _PREFIXES + """
                SELECT ?a ?t ?d WHERE { ?a schema:headline ?t
                  OPTIONAL { ?a schema:datePublished ?d } }""", union=True)}


def _value(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def show(kg: Graph, key: str) -> EntityView:
    """Everything the graph says about one entity, each fact with its quotes."""
    iri = find_entity(kg, key)
    node = ox.NamedNode(iri)
    names = entity_names(kg)
    name_of = {e: n[0] for e, n in names.items()}
    types = [_value(q.object) for q in kg.store.quads_for_pattern(
        node, ox.NamedNode(vocab.RDF + "type"), None, kg.names.facts)]
    specific = vocab.most_specific(types) or (types[0] if types else "")
    type_name = _CLASS_NAMES.get(specific, specific)
    own = names.get(iri, [kg.names.entity_id(iri) or iri])
    articles = _articles(kg)
    facts: list[Fact] = []
    for st in statements(kg, about=iri):
        incoming = st.subject.value != iri
        other = st.subject if incoming else st.object
        shown = (name_of.get(other.value, other.value)
                 if isinstance(other, ox.NamedNode) else other.value)
        fact = Fact(_PROPERTY_NAMES.get(st.predicate, st.predicate), incoming, shown,
                    list(dict.fromkeys((name, name_of.get(value, value))
                                       for name, value in st.qualifiers)),
                    other_iri=other.value if isinstance(other, ox.NamedNode) else None)
        for e in st.evidence:
            if e.article in articles:
                title, date = articles[e.article]
                quote = Quote(e.exact, kg.names.article_id(e.article) or e.article, title,
                              date, e.start, e.end)
                if quote not in fact.quotes:
                    fact.quotes.append(quote)
        if fact.quotes:
            facts.append(fact)
    ordered = sorted(facts, key=lambda f: (f.incoming, f.property, f.other))
    for fact in ordered:
        fact.quotes.sort(key=lambda q: (q.article, q.start))
        fact.qualifiers.sort()
    mentioned = sorted(kg.names.article_id(_value(q.subject)) or _value(q.subject)
                       for q in kg.store.quads_for_pattern(
                           None, ox.NamedNode(vocab.SCHEMA + "mentions"), node, kg.names.facts))
    return EntityView(kg.names.entity_id(iri) or iri, iri, own[0], type_name, own[1:],
                      mentioned, ordered)


@dataclass
class Stats:
    triples: int
    statements: int
    evidence: int
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]


def stats(kg: Graph) -> Stats:
    """Counts by class and by property, over the facts graph."""
    facts = kg.names.facts.value
    classes = [(_compact(r["c"].value), int(r["n"].value)) for r in select(kg.store,
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{facts}> {{ ?s a ?c }} }} "
        "GROUP BY ?c ORDER BY DESC(?n) ?c")]
    properties = [(_compact(r["p"].value), int(r["n"].value)) for r in select(kg.store,
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH <{facts}> {{ ?s ?p ?o }} }} "
        "GROUP BY ?p ORDER BY DESC(?n) ?p")]
    prov = kg.names.provenance.value
    counts = next(iter(select(kg.store, _PREFIXES + f"""
        SELECT (COUNT(DISTINCT ?st) AS ?s) (COUNT(DISTINCT ?ev) AS ?e) WHERE {{
          GRAPH <{prov}> {{ ?st a rdf:Statement ; prov:wasDerivedFrom ?ev }} }}""")))
    return Stats(len(kg), int(counts["s"].value), int(counts["e"].value), classes, properties)


def _compact(iri: str) -> str:
    return vocab.compact(iri) or iri
