"""Reading the built graph back: the curated statements with their qualifiers and
evidence (:func:`statements`, the one read-back every view of provenance uses), the names
of entities, and which entity a name, an id or an IRI means."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import vocab
from ..errors import HeroesKGError
from .store import Graph, select

__all__ = ["Evidence", "StatementRecord", "entity_names", "find_entity", "statements"]

#: Qualifier IRI -> its curated key ("in", "as").


@dataclass(frozen=True)
class Evidence:
    """One quote supporting a statement: its evidence node, the source article's IRI,
    the exact text and its character offsets in the article."""

    iri: str
    article: str
    exact: str
    start: int
    end: int


@dataclass
class StatementRecord:
    """One curated statement as the provenance graph records it."""

    iri: str
    subject: ox.NamedNode
    predicate: str
    object: ox.NamedNode | ox.Literal
    #: (curated key, value IRI), e.g. ("in", IRI of the work), sorted.
    qualifiers: list[tuple[str, str]] = field(default_factory=list)
    #: Sorted by the evidence node's IRI.
    evidence: list[Evidence] = field(default_factory=list)


def statements(kg: Graph, *, about: str | None = None) -> list[StatementRecord]:
    """The curated statements of the graph, sorted by IRI; with ``about`` (an IRI), only
    those whose subject or object it is.

    Three plain queries (statements, qualifiers, evidence) joined here: a single query
    with two OPTIONALs multiplies the qualifiers by the quotes of every statement."""
    prov = kg.names.provenance.value
    if about is None:
        which = "?st a rdf:Statement ."
    else:
        which = f"{{ ?st rdf:subject <{about}> }} UNION {{ ?st rdf:object <{about}> }}"
    found: dict[str, StatementRecord] = {}
    for row in select(kg.store, vocab.SPARQL_PREFIXES + f"""
            SELECT ?st ?s ?p ?o WHERE {{ GRAPH <{prov}> {{ {which}
              ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}"""):
        subject, obj = row["s"], row["o"]
        if isinstance(subject, ox.NamedNode) and isinstance(obj, (ox.NamedNode, ox.Literal)):
            found[row["st"].value] = StatementRecord(row["st"].value, subject,
                                                     row["p"].value, obj)
    qualifiers = ", ".join(f"<{iri}>" for iri in vocab.QUALIFIER_KEYS)
    for row in select(kg.store, vocab.SPARQL_PREFIXES + f"""
            SELECT ?st ?q ?qv WHERE {{ GRAPH <{prov}> {{ {which}
              ?st ?q ?qv FILTER(?q IN ({qualifiers})) }} }}"""):
        record = found.get(row["st"].value)
        if record is not None:
            record.qualifiers.append((vocab.QUALIFIER_KEYS[row["q"].value], row["qv"].value))
    for row in select(kg.store, vocab.SPARQL_PREFIXES + f"""
            SELECT ?st ?ev ?a ?exact ?start ?end WHERE {{ GRAPH <{prov}> {{ {which}
              ?st prov:wasDerivedFrom ?ev . ?ev oa:hasSource ?a ; oa:hasSelector ?q, ?pos .
              ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end }} }}"""):
        record = found.get(row["st"].value)
        if record is not None:
            record.evidence.append(Evidence(row["ev"].value, row["a"].value,
                                            row["exact"].value, int(row["start"].value),
                                            int(row["end"].value)))
    records = [found[iri] for iri in sorted(found)]
    for record in records:
        record.qualifiers = sorted(set(record.qualifiers))
        record.evidence = sorted(set(record.evidence), key=lambda e: (e.iri, e.article,
                                                                     e.start, e.exact))
    return records

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def entity_names(kg: Graph) -> dict[str, list[str]]:
    """IRI of each named resource -> its names (name first, then aliases)."""
    found: dict[str, list[str]] = {}
    for row in select(kg.store, vocab.SPARQL_PREFIXES + """
        SELECT ?e ?name ?alias WHERE { GRAPH ?g { ?e schema:name ?name
            OPTIONAL { ?e schema:alternateName ?alias } } }"""):
        names = found.setdefault(row["e"].value, [row["name"].value])
        if row["alias"] is not None:
            names.append(row["alias"].value)
    return found


def find_entity(kg: Graph, key: str) -> str:
    """The IRI of the entity ``key`` names: its id, its IRI, or (case-insensitively) its
    name or one of its aliases."""
    key = key.strip()
    if _ID.match(key):
        node = kg.names.resource(key)
        if next(iter(kg.store.quads_for_pattern(node, None, None, kg.names.facts)),
                None) is not None:
            return node.value
    all_names = entity_names(kg)
    if key in all_names:
        return key
    folded = key.casefold()
    hits = sorted({e for e, names in all_names.items()
                   if any(n.casefold() == folded for n in names)
                   or (kg.names.entity_id(e) or "").casefold() == folded})
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        ids = ", ".join(kg.names.entity_id(h) or h for h in hits)
        raise HeroesKGError(f"{key!r} names several entities ({ids}); use one of these ids")
    choices = {n: e for e, names in all_names.items() for n in names}
    choices.update({kg.names.entity_id(e) or e: e for e in all_names})
    close = sorted(c for c in choices if folded in c.casefold())[:4]
    if not close:
        close = difflib.get_close_matches(key, list(choices), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise HeroesKGError(f"no entity with id or name {key!r}{hint}")
