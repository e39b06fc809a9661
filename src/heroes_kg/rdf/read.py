"""Reading the built graph back: the curated statements with their qualifiers and
evidence (:func:`statements`, the one read-back every view of provenance uses), the names
of entities, and which entity a name, an id or an IRI means."""

from __future__ import annotations

import difflib
import marshal
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from .. import vocab
from ..errors import QueryError
from .store import Graph, select

__all__ = ["Evidence", "StatementRecord", "entity_names", "find_entity", "pack_statements",
           "restated", "statements", "unpack_statements", "updated_statements"]


class Evidence(NamedTuple):
    """One quote supporting a statement: its evidence node, the source article's IRI,
    the exact text and its character offsets in the article. (A named tuple: a large
    graph has hundreds of thousands, and a tuple is made several times faster than a
    frozen dataclass.)"""

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


def statements(kg: Graph, *, about: str | None = None, union: bool = False,
               nodes: list[str] | None = None) -> list[StatementRecord]:
    """The curated statements of the graph, sorted by IRI; with ``about`` (an IRI), only
    those whose subject or object it is; with ``nodes``, only those whose IRI is one of
    them. They are read from the provenance graph, or with ``union`` from every graph of
    the store (for a graph whose provenance records were loaded elsewhere, e.g. into the
    default graph).

    Plain queries (statements, evidence) and a scan of each qualifier, joined here: a
    single query with OPTIONALs multiplies the qualifiers by the quotes of every
    statement, and is ten times slower on a persisted store of a million triples."""
    graph = None if union else kg.names.provenance

    def rows(pattern: str, variables: str, *, typed: bool = True) -> ox.QuerySolutions:
        # ``typed``: only the rdf:Statement nodes (the evidence of the statements found
        # first needs no such restriction: its rows are joined to them here).
        if about is not None:
            which = f"{{ ?st rdf:subject <{about}> }} UNION {{ ?st rdf:object <{about}> }}"
        elif nodes is not None:
            which = ("VALUES ?st { " + " ".join(f"<{n}>" for n in nodes) + " } "
                     + ("?st a rdf:Statement ." if typed else ""))
        else:
            which = "?st a rdf:Statement ." if typed else ""
        where = f"{which} {pattern}"
        if graph is not None:
            where = f"GRAPH <{graph.value}> {{ {where} }}"
        return select(kg.store, vocab.SPARQL_PREFIXES + f"SELECT {variables} WHERE {{ {where} }}",
                      union=union)

    found: dict[str, StatementRecord] = {}
    if nodes is not None and not nodes:
        return []
    read: list[ox.NamedNode | ox.BlankNode] = []
    # Rows are read by position: several times faster than by name on large graphs.
    for node, subject, predicate, obj in rows(
            "?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o", "?st ?s ?p ?o"):
        if isinstance(subject, ox.NamedNode) and isinstance(obj, (ox.NamedNode, ox.Literal)):
            found[node.value] = StatementRecord(node.value, subject, predicate.value, obj)
            read.append(node)
    for iri, key in vocab.QUALIFIER_KEYS.items():
        qualifier = ox.NamedNode(iri)
        if about is None and nodes is None:  # one scan of the qualifier's triples
            quads = kg.store.quads_for_pattern(None, qualifier, None, graph)
        else:  # a look-up per statement
            quads = (q for node in read
                     for q in kg.store.quads_for_pattern(node, qualifier, None, graph))
        for quad in quads:
            subject, value = quad.subject, quad.object
            if isinstance(subject, ox.Triple) or isinstance(value, ox.Triple):
                continue
            record = found.get(subject.value)
            if record is not None:
                record.qualifiers.append((key, value.value))
    for row in rows("?st prov:wasDerivedFrom ?ev . ?ev oa:hasSource ?a ; oa:hasSelector ?q, "
                    "?pos . ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end",
                    "?st ?ev ?a ?exact ?start ?end", typed=False):
        record = found.get(row[0].value)
        if record is not None:
            record.evidence.append(Evidence(row[1].value, row[2].value, row[3].value,
                                            int(row[4].value), int(row[5].value)))
    records = [found[iri] for iri in sorted(found)]
    for record in records:
        record.qualifiers = sorted(set(record.qualifiers))
        record.evidence = sorted(set(record.evidence), key=lambda e: (e.iri, e.article,
                                                                     e.start, e.exact))
    return records


def updated_statements(kg: Graph, earlier: list[StatementRecord],
                       changed: Iterable[str], again: set[str] | None = None
                       ) -> list[StatementRecord]:
    """``statements(kg, union=True)``, from the records an earlier read gave of a graph
    that differs from ``kg`` only in triples whose subjects are ``changed``: the records
    of the statements :func:`restated` names (``again``, when the caller found them) are
    read again and the others kept."""
    if again is None:
        again = restated(kg, changed)
    if again is None:
        return statements(kg, union=True)
    fresh = statements(kg, union=True, nodes=sorted(again))
    kept = [record for record in earlier if record.iri not in again]
    return sorted([*kept, *fresh], key=lambda record: record.iri)


def restated(kg: Graph, changed: Iterable[str]) -> set[str] | None:
    """The statements whose records may differ between ``kg`` and a graph that differs
    from it only in triples whose subjects are ``changed``: those subjects, and the
    statements they are the evidence or a selector of (in ``kg``). A statement removed is
    a changed subject itself (its triples went), and so is an evidence node or a selector
    whose link to its statement changed. None when a record is not one this model makes
    (a blank node links it): then every record may differ."""
    subjects = set(changed)
    again = set(subjects)
    store = kg.store
    derived = ox.NamedNode(vocab.PROV + "wasDerivedFrom")
    selector = ox.NamedNode(vocab.OA + "hasSelector")
    evidence: set[str] = set(subjects)
    for iri in subjects:
        for quad in store.quads_for_pattern(None, selector, ox.NamedNode(iri), None):
            if isinstance(quad.subject, ox.NamedNode):
                evidence.add(quad.subject.value)
            else:
                return None
    for iri in evidence:
        for quad in store.quads_for_pattern(None, derived, ox.NamedNode(iri), None):
            if isinstance(quad.subject, ox.NamedNode):
                again.add(quad.subject.value)
            else:
                return None
    return again


def pack_statements(records: list[StatementRecord]) -> bytes:
    """``records`` as plain data (a few times faster to read back than a pickle of the
    terms).

    Marshalled without references (format 2): the rows share their strings with the
    records, and marshal's later formats look every shared object up in a table to
    write it once, which took twice as long (0.15-0.23 s against 0.06-0.11 s for the
    50,000 records of a million triples) to save 7 % of the bytes; read back as fast."""
    return marshal.dumps([
        (r.iri, r.subject.value, r.predicate, _packed_term(r.object), r.qualifiers,
         [tuple(e) for e in r.evidence]) for r in records], 2)


def unpack_statements(data: bytes) -> list[StatementRecord]:
    """The records :func:`pack_statements` gave ``data`` of (ValueError if damaged)."""
    try:
        rows = marshal.loads(data)
        return [StatementRecord(iri, ox.NamedNode(subject), predicate, _unpacked_term(obj),
                                [tuple(q) for q in qualifiers],
                                [Evidence(*e) for e in evidence])
                for iri, subject, predicate, obj, qualifiers, evidence in rows]
    except (EOFError, TypeError, ValueError) as exc:
        raise ValueError(f"not packed statements: {exc}") from None


def _packed_term(term: ox.NamedNode | ox.Literal) -> tuple[str, ...]:
    if isinstance(term, ox.NamedNode):
        return (term.value,)
    if term.language:
        return (term.value, "", term.language)
    return (term.value, term.datatype.value)


def _unpacked_term(packed: tuple[str, ...]) -> ox.NamedNode | ox.Literal:
    if len(packed) == 1:
        return ox.NamedNode(packed[0])
    if len(packed) == 3:
        return ox.Literal(packed[0], language=packed[2])
    return ox.Literal(packed[0], datatype=ox.NamedNode(packed[1]))


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
        raise QueryError(f"{key!r} names several entities ({ids}); use one of these ids")
    choices = {n: e for e, names in all_names.items() for n in names}
    choices.update({kg.names.entity_id(e) or e: e for e in all_names})
    close = sorted(c for c in choices if folded in c.casefold())[:4]
    if not close:
        close = difflib.get_close_matches(key, list(choices), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise QueryError(f"no entity with id or name {key!r}{hint}")
