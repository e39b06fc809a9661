"""Render: a part of the graph -> one self-contained, offline HTML page (vis-network).

The front doors are :func:`view` (what to draw: the whole graph, the neighbourhood of one
entity, or the result of a CONSTRUCT query) and :func:`page` (the HTML bytes).

What is drawn is the readable shape of the graph, not every triple: entities are nodes,
coloured and shaped by class; facts between entities are edges labelled with the
property's readable label; literal values (dates, figures) sit on their node; provenance
records are not drawn, their quotes are shown in the side panel of the fact they support;
a schema.org PerformanceRole is folded into the "plays" edge of its performer.

The page embeds the vis-network script that pyvis ships and the graph as JSON; every text
from the graph reaches the page as data (escaped JSON, read with textContent), never as
markup. The same graph always gives the same bytes: the layout is computed here with a
fixed seed.

The view is made per subject and its JSON per node and edge, with the numbers that
depend on the whole page filled in last, so that a build can keep both and make again
only what an edit touched (:func:`graph_page`).
"""

from __future__ import annotations

import heapq
import json
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _quoted
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import vocab
from .._io import atomic_write
from .._version import __version__
from ..corpus.curation import paused_gc
from ..errors import OutputError, QueryError
from ..query import resolve_query, run_query
from ..query.engine import INLINE_LABEL
from ..rdf.read import find_entity
from ..rdf.store import Graph, select, triple_key
from ..vocab import HEROES, OA, OWL, PROV, RDF, RDFS, SCHEMA
from ._phrases import phrases
from .formats import RESTATED, fact_triples, statement_records
from .reuse import Reuse

__all__ = ["EARLIER_PAGE", "GROUPS", "LARGE", "OVERVIEW", "PAGE_STATE", "View", "Written",
           "graph_page", "kept_page", "load_query", "lookup", "page", "script_json", "view",
           "view_from_triples", "write_page"]

#: Node groups: id -> (legend label, colour, vis shape). Order is the legend's order.
GROUPS: dict[str, tuple[str, str, str]] = {
    "film": ("Film or series", "#e15759", "square"),
    "person": ("Person", "#4e79a7", "dot"),
    "character": ("Fictional character, group or place", "#f28e2b", "diamond"),
    "organization": ("Organization", "#59a14f", "hexagon"),
    "article": ("News article", "#9c755f", "triangleDown"),
    "post": ("Post or quotation", "#17becf", "triangle"),
    "event": ("Event", "#d4a20b", "star"),
    "figure": ("Figure or ranking", "#b07aa1", "ellipse"),
    "other": ("Other", "#9a9a9a", "dot"),
}

_CLASS_GROUP = {
    "CreativeWork": "film", "Movie": "film", "TVSeries": "film", "MovieSeries": "film",
    "NewsArticle": "article", "SocialMediaPosting": "post", "Quotation": "post",
    "Person": "person", "Organization": "organization",
    "FictionalCharacter": "character", "FictionalOrganization": "character",
    "FictionalPlace": "character", "Event": "event", "ViewershipFigure": "figure",
    "ChartRanking": "figure",
}

#: Graphs with more nodes than this get straight edges and hide edges while dragging.
LARGE = 400
#: Graphs with more nodes than this open on an overview of groups, drawn with WebGL.
OVERVIEW = 2000
#: The smallest community that is a group of its own in the overview.
MIN_GROUP = 12
#: The layout's random seed: fixed, so the same graph gives the same page.
SEED = 7

_TYPE = RDF + "type"
_NAME = SCHEMA + "name"
_ALIAS = SCHEMA + "alternateName"
_HEADLINE = SCHEMA + "headline"
_MENTIONS = SCHEMA + "mentions"
_ROLE = SCHEMA + "PerformanceRole"
_NAMING = {_NAME, RDFS + "label", _ALIAS, _HEADLINE, _TYPE}
#: IRI-valued properties whose object is an address to show, not a thing to draw.
_ADDRESSES = {SCHEMA + "url", SCHEMA + "sameAs", RDFS + "seeAlso", OWL + "sameAs"}
_PROVENANCE_TYPES = {RDF + "Statement", PROV + "Entity", OA + "SpecificResource",
                     OA + "TextQuoteSelector", OA + "TextPositionSelector"}
_ROLE_PROPERTIES = (HEROES + "plays", HEROES + "reprisedRole")
_CLASS_BY_IRI = {t.iri: t.name for t in vocab.CLASSES.values()}
_XSD = vocab.XSD


@dataclass(slots=True)
class Node:
    iri: str
    name: str
    type: str
    group: str
    aliases: list[str] = field(default_factory=list)
    #: (property label, shown value, statement keys) of each literal value
    values: list[tuple[str, str, tuple[Any, ...]]] = field(default_factory=list)


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    predicate: str
    label: str
    key: tuple[Any, ...] = ()


@dataclass
class View:
    """What one page draws: nodes by IRI, edges between them, and where their quotes are."""

    title: str
    nodes: dict[str, Node]
    edges: list[Edge]
    facts: Mapping[tuple[Any, ...], list[dict[str, Any]]]
    articles: dict[str, tuple[str, str]]
    summary: str = ""


# --------------------------------------------------------------------------- reading


def _rows(kg: Graph, query: str) -> Iterable[ox.QuerySolution]:
    prefixes = vocab.SPARQL_PREFIXES
    return select(kg.store, prefixes + query, union=True)


def _readable(iri: str, labels: dict[str, str]) -> str:
    if iri in labels:
        return labels[iri]
    local = re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).replace("_", " ").lower()


#: The news articles and their headlines and dates, over every graph.
_ARTICLES = """SELECT ?a ?t ?d WHERE { ?a a schema:NewsArticle ;
                schema:headline ?t OPTIONAL { ?a schema:datePublished ?d } }"""
#: The predicates of a subject's own triples that the look-up reads.
_LOOKED_UP = {_HEADLINE, _NAME, _ALIAS, _TYPE}


def _own_names(headlines: list[str], names: list[str], aliases: list[str]) -> list[str]:
    """A resource's names: its headlines and names, then its aliases (each sorted)."""
    own = headlines + names
    return own + [a for a in aliases if a not in own]


def _add_articles(articles: dict[str, tuple[str, str]],
                  rows: Iterable[ox.QuerySolution]) -> None:
    """Each article's (headline, date) from the rows of :data:`_ARTICLES`: the first of
    them in order where an article has more than one, whatever the rows' order."""
    for row in rows:
        found = (row["t"].value, row["d"].value if row["d"] is not None else "")
        iri = row["a"].value
        if iri not in articles or found < articles[iri]:
            articles[iri] = found


class _Lookup:
    """Everything the page needs to know about the terms it draws, read once."""

    def __init__(self, kg: Graph, kept: Any = None, changed: Iterable[str] = ()) -> None:
        """With ``kept`` (:meth:`kept` of the look-up of an earlier graph), the names,
        classes and articles are taken from it and read again only for the ``changed``
        subjects: each is made from its subject's own triples alone."""
        self.kg = kg
        self.labels: dict[str, str] = {}
        for row in _rows(kg, f"""SELECT ?x ?l WHERE {{ GRAPH <{kg.names.ontology.value}> {{
                ?x rdfs:label ?l FILTER(LANG(?l) = "en" || LANG(?l) = "") }} }}"""):
            self.labels.setdefault(row["x"].value, row["l"].value)
        self.names: dict[str, list[str]]
        #: Each resource's curated classes (in no particular order).
        self.types: dict[str, list[str]]
        self.articles: dict[str, tuple[str, str]]
        if kept is None:
            self._read_all()
        else:
            names, types, articles = kept
            self.names, self.types, self.articles = dict(names), dict(types), dict(articles)
            self._read_again(sorted(set(changed)))
        self._type_of: dict[tuple[str, ...], tuple[str, str]] = {}
        self.facts: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        self._statements()

    def kept(self) -> tuple[dict[str, list[str]], dict[str, list[str]],
                            dict[str, tuple[str, str]]]:
        """The names, classes and articles, for the look-up of a later graph."""
        return self.names, self.types, self.articles

    def _read_all(self) -> None:
        kg = self.kg
        # Sorted everywhere: the store's iteration order is not the page's order.
        facts = kg.names.facts

        def values(predicate: str) -> dict[str, list[str]]:
            found: dict[str, set[str]] = defaultdict(set)
            for quad in kg.store.quads_for_pattern(None, ox.NamedNode(predicate), None,
                                                   facts):
                found[quad.subject.value].add(quad.object.value)
            return {k: sorted(v) for k, v in found.items()}

        headlines, names, aliases = values(_HEADLINE), values(_NAME), values(_ALIAS)
        self.names = {}
        for iri in sorted(set(headlines) | set(names) | set(aliases)):
            self.names[iri] = _own_names(headlines.get(iri, []), names.get(iri, []),
                                         aliases.get(iri, []))
        types: dict[str, list[str]] = defaultdict(list)
        classes: dict[str, str] = {}  # each class IRI one string object (see _pieces)
        # The curated facts only: provenance records are known by their IRIs.
        for quad in kg.store.quads_for_pattern(None, ox.NamedNode(_TYPE), None, facts):
            found = quad.object.value
            types[quad.subject.value].append(classes.setdefault(found, found))
        self.types = dict(types)
        self.articles = {}
        _add_articles(self.articles, _rows(kg, _ARTICLES))

    def _read_again(self, subjects: list[str]) -> None:
        """The names, classes and articles of ``subjects`` read again from the graph."""
        kg = self.kg
        facts = kg.names.facts
        for iri in subjects:
            found: dict[str, set[str]] = defaultdict(set)
            for quad in kg.store.quads_for_pattern(ox.NamedNode(iri), None, None, facts):
                p = quad.predicate.value
                if p in _LOOKED_UP:
                    found[p].add(quad.object.value)
            if found.get(_HEADLINE) or found.get(_NAME) or found.get(_ALIAS):
                self.names[iri] = _own_names(sorted(found.get(_HEADLINE, ())),
                                             sorted(found.get(_NAME, ())),
                                             sorted(found.get(_ALIAS, ())))
            else:
                self.names.pop(iri, None)
            if found.get(_TYPE):
                self.types[iri] = sorted(found[_TYPE])
            else:
                self.types.pop(iri, None)
            self.articles.pop(iri, None)
        for start in range(0, len(subjects), 500):
            values = " ".join(str(ox.NamedNode(iri)) for iri in subjects[start:start + 500])
            query = _ARTICLES.replace("WHERE {", f"WHERE {{ VALUES ?a {{ {values} }}", 1)
            _add_articles(self.articles, _rows(kg, query))

    def _statements(self) -> None:
        # The union of the graphs: the page's callers may hand it a graph whose
        # provenance records are not in the provenance graph.
        facts = self.facts
        quoted: set[str] = set()
        records = quotes = 0
        named = ox.NamedNode
        for record in statement_records(self.kg):
            o = record.object
            key = (record.subject.value, record.predicate,
                   o.value if o.__class__ is named else _term_key(o))
            qualifiers = record.qualifiers
            if len(qualifiers) > 1:
                qualifiers = sorted(qualifiers, key=_qualifier_order)
            evidence = record.evidence
            if len(evidence) == 1:  # most statements: one quote
                e = evidence[0]
                found = [(e.article, e.start, e.exact)]
                quoted.add(e.article)
            else:
                found = sorted({(e.article, e.start, e.exact) for e in evidence})
                quoted.update(a for a, _s, _t in found)
            records += 1
            quotes += len(found)
            made = {"statement": record.iri, "qualifiers": list(qualifiers), "quotes": found}
            same = facts.get(key)
            if same is None:
                facts[key] = [made]
            else:
                same.append(made)
        #: How many statements and quotes there are, and the articles they quote.
        self.counts = (records, quotes)
        self.quoted = sorted(quoted)

    def name(self, iri: str) -> str:
        names = self.names.get(iri)
        if names:
            return names[0]
        return self.kg.names.entity_id(iri) or _readable(iri, {})

    def type_of(self, iri: str) -> tuple[str, str]:
        """(readable class, group) of a resource: its most specific curated class."""
        types = tuple(self.types.get(iri, ()))
        found = self._type_of.get(types)
        if found is None:
            found = self._type_of[types] = self._type_of_types(types)
        return found

    def _type_of_types(self, types: tuple[str, ...]) -> tuple[str, str]:
        known = [_CLASS_BY_IRI[t] for t in types if t in _CLASS_BY_IRI]
        known.sort(key=lambda name: (-_depth(name), name))
        if not known:
            other = sorted(types)
            return (_readable(other[0], self.labels) if other else "resource"), "other"
        name = known[0]
        current: str | None = name
        while current is not None and current not in _CLASS_GROUP:
            current = vocab.CLASSES[current].parent
        group = _CLASS_GROUP.get(current or "", "other")
        return _readable(vocab.CLASSES[name].iri, self.labels), group

    def role(self, iri: str) -> tuple[str, str, str, str] | None:
        """(performer, predicate, character, work) of a PerformanceRole, if complete."""
        return self.role_from(*self.role_parts(iri))

    def role_parts(self, iri: str) -> tuple[str | None, str | None, str | None]:
        """(performer, character, work) of a PerformanceRole, each None when missing:
        from the role's own triples and the work's triple that names it."""
        store, facts = self.kg.store, self.kg.names.facts
        role = ox.NamedNode(iri)

        def one(s: Any, p: str, o: Any) -> str | None:
            for quad in store.quads_for_pattern(s, ox.NamedNode(p), o, facts):
                return (quad.object if o is None else quad.subject).value
            return None

        return (one(role, SCHEMA + "actor", None), one(role, HEROES + "character", None),
                one(None, SCHEMA + "actor", role))

    def role_from(self, person: str | None, character: str | None, work: str | None
                  ) -> tuple[str, str, str, str] | None:
        """(performer, predicate, character, work) of a role's parts, if complete: the
        predicate is the one of the performer's statement about the character in the
        work ("reprised role" or "plays")."""
        if person is None or character is None or work is None:
            return None
        predicate = _ROLE_PROPERTIES[0]
        for candidate in _ROLE_PROPERTIES:
            for fact in self.facts.get((person, candidate, character), []):
                if ("in", work) in fact["qualifiers"]:
                    predicate = candidate
        return person, predicate, character, work


_QUALIFIER_ORDER = {key: n for n, key in enumerate(vocab.QUALIFIERS)}


def _qualifier_order(qualifier: tuple[str, str]) -> tuple[int, str, str]:
    return (_QUALIFIER_ORDER.get(qualifier[0], len(_QUALIFIER_ORDER)), *qualifier)


def _depth(class_name: str) -> int:
    depth, current = 0, vocab.CLASSES[class_name].parent
    while current is not None:
        depth, current = depth + 1, vocab.CLASSES[current].parent
    return depth


def _term_key(term: Any) -> str:
    if isinstance(term, ox.Literal):
        return f"L\0{term.value}\0{term.datatype.value}\0{term.language or ''}"
    return str(term.value)


def _shown_value(literal: ox.Literal) -> str:
    datatype = literal.datatype.value
    if datatype == _XSD + "integer" and re.fullmatch(r"-?\d+", literal.value):
        return f"{int(literal.value):,}"
    return literal.value


def lookup(kg: Graph) -> _Lookup:
    """What views of ``kg`` need to know about its terms (names, classes, quotes), read
    once while the graph is open: for drawing many views of one graph, as a server does."""
    return kg.memoized(("render-lookup",), lambda: _Lookup(kg))


# --------------------------------------------------------------------------- the view


#: Flags of an IRI for the view: a provenance record (never drawn) and a PerformanceRole
#: (folded into the "plays" edge of its performer).
_HIDDEN, _IS_ROLE = 1, 2

#: One subject's part of the view, from its own triples alone and the flags of the IRIs
#: they name: (its flags, its first own name, whether it is drawn, its values as
#: (property label, shown value, statement key), its edges as (property, object), the
#: roles it names). A hidden subject or a role has only its flags.
Piece = tuple[int, "str | None", bool, list[tuple[str, str, tuple[Any, ...]]],
              list[tuple[str, str]], list[str]]

_NAMED_BY = (_NAME, RDFS + "label", _HEADLINE)


def _flags(types: Iterable[str], iri: str, statement_iris: str) -> int:
    found = set(types)
    flags = _HIDDEN if found & _PROVENANCE_TYPES or iri.startswith(statement_iris) else 0
    return flags | (_IS_ROLE if _ROLE in found else 0)


def _piece(s: str, rows: Iterable[tuple[str, Any]], flags_of: Callable[[str], int],
           label: Callable[[str], str], shared: dict[str, str] | None = None) -> Piece:
    """The part of the view that subject ``s`` makes from its triples ``rows``
    ((predicate IRI, object term), in the order of the sorted lines); with ``shared``,
    the IRIs its edges reach are the string objects found there (and put there)."""
    flags = flags_of(s)
    own: str | None = None
    if flags:
        for p, o in rows:
            if own is None and p in _NAMED_BY and isinstance(o, ox.Literal):
                own = o.value
        return (flags, own, False, [], [], [])
    drawn = False
    values: list[tuple[str, str, tuple[Any, ...]]] = []
    edges: list[tuple[str, str]] = []
    roles: list[str] = []
    for p, o in rows:
        named = isinstance(o, ox.NamedNode)
        if own is None and p in _NAMED_BY and isinstance(o, ox.Literal):
            own = o.value
        if named:
            o_value = o.value
            o_flags = flags_of(o_value)
            if o_flags & _IS_ROLE:
                roles.append(o_value)  # the work is named on the folded "plays" edge
                continue
        if p in _NAMING:
            drawn = True
            continue
        if not named or p in _ADDRESSES:
            shown = _shown_value(o) if isinstance(o, ox.Literal) else o.value
            values.append((label(p), shown, (s, p, _term_key(o))))
            drawn = True
            continue
        if o_flags & _HIDDEN:
            continue
        if shared is not None:
            o_value = shared.setdefault(o_value, o_value)
        edges.append((p, o_value))
        drawn = True
    return (flags, own, drawn, values, edges, roles)


def _labeller(lookup: _Lookup) -> Callable[[str], str]:
    readable: dict[str, str] = {}

    def label(predicate: str) -> str:
        found = readable.get(predicate)
        if found is None:
            found = readable[predicate] = _readable(predicate, lookup.labels)
        return found
    return label


def _pieces(kg: Graph, triples: Iterable[ox.Triple], lookup: _Lookup
            ) -> tuple[dict[str, Piece], bool]:
    """Every named subject's piece of the view of ``triples`` (sorted by subject), and
    whether they can be kept for the next build (no blank node or quoted triple, whose
    ids do not name the same term from build to build)."""
    # Each term read from its Triple once: every attribute access makes a new object.
    # An IRI that recurs (a predicate, a node that edges reach) is one string object, so
    # that a kept state writes it once (marshal refers back to an object it has written)
    # and reads it back as fast.
    shared: dict[str, str] = {}
    by_subject: dict[str, list[tuple[str, Any]]] = {}
    own_types: dict[str, set[str]] = defaultdict(set)
    keepable = True
    for t in triples:
        subject, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(subject, ox.NamedNode):
            keepable = False
            continue
        s = subject.value
        rows = by_subject.get(s)
        if rows is None:
            s = shared.setdefault(s, s)
            rows = by_subject[s] = []
        rows.append((shared.setdefault(p, p), o))
        if p == _TYPE:
            own_types[s].add(o.value)
        if not isinstance(o, (ox.NamedNode, ox.Literal)):
            keepable = False
    statement_iris = kg.names.base + "statement/"
    known: dict[str, int] = {}

    def flags_of(iri: str) -> int:
        found = known.get(iri)
        if found is None:
            found = known[iri] = _flags(own_types.get(iri, set()) | set(
                lookup.types.get(iri, ())), iri, statement_iris)
        return found
    label = _labeller(lookup)
    return ({s: _piece(s, rows, flags_of, label, shared) for s, rows in by_subject.items()},
            keepable)


class _Facts(Mapping[tuple[Any, ...], list[dict[str, Any]]]):
    """The quotes and qualifiers of the facts a view draws, by statement key, with each
    qualifier's entity by name; resolved when first read (a page made from the last
    build's texts reads only the changed ones)."""

    def __init__(self, lookup: _Lookup, keys: Iterable[tuple[Any, ...]]) -> None:
        self._lookup = lookup
        self._keys = [k for k in keys if k in lookup.facts]
        self._known = set(self._keys)
        self._made: dict[tuple[Any, ...], list[dict[str, Any]]] = {}

    def __getitem__(self, key: tuple[Any, ...]) -> list[dict[str, Any]]:
        found = self._made.get(key)
        if found is None:
            if key not in self._known:
                raise KeyError(key)
            name = self._lookup.name
            found = self._made[key] = [
                {**f, "qualifiers": [(q, name(iri)) for q, iri in f["qualifiers"]]}
                for f in self._lookup.facts[key]]
        return found

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def articles(self) -> list[str]:
        """The articles the facts quote, sorted (without resolving any qualifier)."""
        facts = self._lookup.facts
        if len(self._known) == len(facts):  # every fact: the articles any statement quotes
            return list(self._lookup.quoted)
        return sorted({a for k in self._keys for f in facts[k] for a, _s, _t in f["quotes"]})


def _assemble(pieces: Mapping[str, Piece], lookup: _Lookup,
              role_of: Callable[[str], tuple[str, str, str, str] | None], *,
              title: str, summary: str) -> View:
    """The view made of the subjects' ``pieces``: their nodes, the nodes their edges
    reach, every role folded into its performer's edge (``role_of``)."""
    label = _labeller(lookup)
    nodes: dict[str, Node] = {}

    def node(iri: str) -> Node:
        found = nodes.get(iri)
        if found is None:
            kind, group = lookup.type_of(iri)
            own = pieces[iri][1] if iri in pieces else None
            name = lookup.name(iri) if iri in lookup.names or own is None else own
            aliases = [a for a in lookup.names.get(iri, [])[1:] if a != name]
            found = nodes[iri] = Node(iri, name, kind, group, aliases)
        return found

    edges: dict[tuple[str, str, str], Edge] = {}

    def edge(s: str, p: str, o: str) -> None:
        key = (s, p, o)
        if key not in edges:
            node(s), node(o)
            edges[key] = Edge(s, o, p, label(p), key)

    roles: set[str] = set()
    for s, (flags, _own, drawn, values, out, named_roles) in pieces.items():
        if flags & _HIDDEN:
            continue
        if flags & _IS_ROLE:
            roles.add(s)
            continue
        if named_roles:
            roles.update(named_roles)
        if drawn:
            node(s).values.extend(values)
        for p, o in out:  # edge(s, p, o), inline: tens of thousands of edges
            key = (s, p, o)
            if key not in edges:
                if s not in nodes:
                    node(s)
                if o not in nodes:
                    node(o)
                edges[key] = Edge(s, o, p, label(p), key)
    for iri in sorted(roles):
        found = role_of(iri)
        if found is not None:
            person, predicate, character, _work = found
            edge(person, predicate, character)
    for n in nodes.values():
        if len(n.values) > 1:
            n.values.sort(key=lambda v: (v[0], v[1]))
    used = [*edges, *(v[2] for n in nodes.values() for v in n.values)]
    # By key: the keys are distinct, so sorting them sorts the edges.
    return View(title, nodes, [edges[key] for key in sorted(edges)],
                _Facts(lookup, used), lookup.articles, summary)


def view_from_triples(kg: Graph, triples: Iterable[ox.Triple], *,
                      title: str, summary: str = "",
                      lookup: _Lookup | None = None, ordered: bool = False) -> View:
    """The readable view of ``triples``, with names, classes and quotes from ``kg``.

    ``ordered``: the triples are distinct and in a reproducible order already (as
    :meth:`KnowledgeGraph.triples` gives them), so sorting them again is not needed."""
    lookup = lookup or _Lookup(kg)
    if not ordered:
        triples = sorted(set(triples), key=lambda t: (t.subject.value, t.predicate.value,
                                                      str(t.object)))
    pieces, _keepable = _pieces(kg, triples, lookup)
    return _assemble(pieces, lookup, lookup.role, title=title, summary=summary)


def _neighbourhood(v: View, focus: str, depth: int) -> View:
    """The part of ``v`` within ``depth`` links of ``focus``; articles' "mentions" links
    are not followed (they would reach almost everything), but the articles that mention
    the entity are kept."""
    if focus not in v.nodes:
        raise OutputError(f"{focus} is not among the drawn nodes; draw the whole graph "
                            "or a query that includes it")
    links: dict[str, set[str]] = defaultdict(set)
    for e in v.edges:
        if e.predicate == _MENTIONS and e.source != focus:
            continue
        links[e.source].add(e.target)
        links[e.target].add(e.source)
    keep, frontier = {focus}, {focus}
    for _ in range(depth):
        frontier = {n for f in frontier for n in links[f]} - keep
        keep |= frontier
    keep |= {e.source for e in v.edges if e.predicate == _MENTIONS and e.target == focus}
    edges = [e for e in v.edges if e.source in keep and e.target in keep]
    return View(v.title, {k: n for k, n in v.nodes.items() if k in keep}, edges, v.facts,
                v.articles, v.summary)


def load_query(kg: Graph, query: str) -> tuple[str, str]:
    """(name, text) of ``query``, resolved by the rule every command shares
    (:func:`heroes_kg.query.resolve_query`): a path ending in .rq or .sparql, NAME for
    queries/NAME.rq, or SPARQL itself. The name titles the page: the file's stem, or
    "inline SPARQL"."""
    text, label = resolve_query(kg.project, query)
    if label == INLINE_LABEL:
        return "inline SPARQL", text
    return Path(label).stem, text


def _construct(kg: Graph, name: str, text: str,
               bindings: Mapping[str, str] | None = None) -> list[ox.Triple]:
    result = run_query(kg, text, bindings, label=f"query {name!r}")
    if result.kind != "graph":
        raise QueryError(f"query {name!r} is not a CONSTRUCT or DESCRIBE query; viz "
                            "draws the triples a CONSTRUCT query returns")
    if not result.triples:
        why = "".join(f"; {w}" for w in result.warnings)
        raise OutputError(f"query {name!r} returned no triples; nothing to draw{why}")
    return result.triples


def view(kg: Graph, *, focus: str | None = None, depth: int = 1,
         query: str | None = None, bindings: Mapping[str, str] | None = None) -> View:
    """What to draw: the whole graph, the result of the CONSTRUCT ``query`` (SPARQL, a
    file or a named query, with ``bindings`` for its variables), and/or the neighbourhood
    of the entity ``focus`` (id, name or alias)."""
    if depth < 0:
        raise OutputError(f"{{--depth}} must be 0 or more, not {depth}")
    with paused_gc():
        return _view(kg, focus=focus, depth=depth, query=query, bindings=bindings)


def _view(kg: Graph, *, focus: str | None, depth: int, query: str | None,
          bindings: Mapping[str, str] | None) -> View:
    lookup = _Lookup(kg)
    if query is not None:
        name, text = load_query(kg, query)
        triples = _construct(kg, name, text, bindings)
        title, summary = f"Query: {name}", f"{len(triples)} triples from the query {name}"
    else:
        triples = fact_triples(kg)
        title = ""
        summary = _summary(lookup)
    result = view_from_triples(kg, triples, title=title, summary=summary, lookup=lookup,
                               ordered=query is None)
    if not title:
        result.title = _corpus_title(result, len(lookup.articles))
    if focus is not None:
        iri = find_entity(kg, focus)
        result = _neighbourhood(result, iri, depth)
        name = lookup.name(iri)
        result.title = f"Around {name} (depth {depth})"
        result.summary = (f"Everything within {depth} link{'s' if depth != 1 else ''} of "
                          f"{name}, and the articles that mention it")
    if not result.nodes and (query is not None or focus is not None):
        # The whole graph of a new, empty project is drawn as an empty page.
        raise OutputError("nothing to draw: the result has no entities")
    return result


def _corpus_title(v: View, articles: int) -> str:
    """A title that says what this corpus is about: its three most connected entities."""
    degree: dict[str, int] = defaultdict(int)
    for e in v.edges:
        if e.predicate != _MENTIONS:
            degree[e.source] += 1
            degree[e.target] += 1
    # heapq.nsmallest is sorted(...)[:3] without sorting every node.
    top = heapq.nsmallest(3, (iri for iri in degree if v.nodes[iri].group != "article"),
                          key=lambda iri: (-degree[iri], v.nodes[iri].name, iri))
    names = [v.nodes[iri].name for iri in top]
    if not names:
        return "An empty knowledge graph"
    about = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (f"{about}: a knowledge graph from {articles} news article"
            f"{'s' if articles != 1 else ''}")


def _summary(lookup: _Lookup) -> str:
    statements, quotes = lookup.counts
    articles = len(lookup.articles)
    return (f"{statements} curated facts from {articles} article"
            f"{'s' if articles != 1 else ''}, each with the quote behind it "
            f"({quotes} quotes)")


# --------------------------------------------------------------------------- the page


def _layout(order: list[str], edges: list[tuple[tuple[int, int], float]]
            ) -> list[tuple[int, int]]:
    """Node positions in pixels, from a fixed seed: networkx's spring layout for graphs a
    person reads at once, a vectorised Fruchterman-Reingold for large ones (networkx
    takes over 30 s at 3,000 nodes)."""
    n = len(order)
    if n <= 1:
        return [(0, 0)] * n
    if n >= LARGE:
        xs, ys = _large_layout(n, edges)
        scale = 30 * math.sqrt(n) / max(1e-9, float(max(abs(xs).max(), abs(ys).max())))
        return [(round(float(x) * scale), round(float(y) * scale)) for x, y in zip(xs, ys)]
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for (a, b), weight in edges:
        graph.add_edge(a, b, weight=weight)
    pos = nx.spring_layout(graph, seed=SEED, iterations=200, k=2.2 / math.sqrt(n))
    scale = 90 * math.sqrt(n)
    return [(round(float(pos[i][0]) * scale), round(float(pos[i][1]) * scale))
            for i in range(n)]


def _large_layout(n: int, edges: list[tuple[tuple[int, int], float]],
                  iterations: int = 50) -> tuple[Any, Any]:
    import numpy as np

    f32 = np.float32
    rng = np.random.default_rng(SEED)
    x = (rng.random(n) - 0.5).astype(f32)
    y = (rng.random(n) - 0.5).astype(f32)
    src = np.array([a for (a, _b), _w in edges], dtype=np.int64)
    dst = np.array([b for (_a, b), _w in edges], dtype=np.int64)
    weight = np.array([w for _pair, w in edges], dtype=f32)
    kk, root = f32(1 / n), f32(math.sqrt(n))
    step = max(1, 1_000_000 // n)
    temperature = 0.1
    for _ in range(iterations):
        move_x, move_y = np.empty(n, f32), np.empty(n, f32)
        for a in range(0, n, step):  # repulsion between all pairs, in blocks of rows
            dx = x[a:a + step, None] - x[None, :]
            dy = y[a:a + step, None] - y[None, :]
            w = dx * dx
            w += dy * dy
            w += f32(1e-6)
            np.divide(kk, w, out=w)
            move_x[a:a + step] = (dx * w).sum(1)
            move_y[a:a + step] = (dy * w).sum(1)
        if len(src):  # attraction along the edges
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) * root * weight
            for moves, e in ((move_x, ex * pull), (move_y, ey * pull)):
                moves -= np.bincount(src, e, n).astype(f32)
                moves += np.bincount(dst, e, n).astype(f32)
        move_x -= x * f32(2)  # gravity, so that loose nodes stay near the rest
        move_y -= y * f32(2)
        length = np.sqrt(move_x * move_x + move_y * move_y) + f32(1e-9)
        limit = np.minimum(length, f32(temperature)) / length
        x += move_x * limit
        y += move_y * limit
        temperature -= 0.1 / (iterations + 1)
    return x, y


#: An element's JSON text with the numbers that depend on the whole page left open: the
#: text with each hole between two NUL characters (which JSON text never holds: it escapes
#: every control character), a hole being its kind and its reference: "i" the number of the
#: node with that IRI, "a" of the article, "p" of the property, "c" the overview group of
#: the node, "x" / "y" its position, "#" the element's own number; an IRI under the
#: project's base is named by what follows the base (:func:`_iri_ref`). One string per
#: element, so that a kept page state is read and written without millions of small
#: objects.
Template = str
_HOLE = "\0"


def _hole(kind: str, ref: str = "") -> str:
    return _HOLE + kind + ref + _HOLE


def _js(value: Any) -> str:
    """:func:`script_json` of ``value``, without a JSON encoder made for each string or
    list of strings (tens of thousands of texts hold several each): a string is encoded
    by the encoder json.dumps itself uses with ``ensure_ascii=False``."""
    cls = value.__class__
    if cls is str:
        return _script_safe(_quoted(value))
    if cls is bool:
        return "true" if value else "false"
    if cls is list:
        if all(v.__class__ is str for v in value):
            return _script_safe("[" + ",".join(map(_quoted, value)) + "]")
        if all(v.__class__ is list and all(x.__class__ is str for x in v) for v in value):
            return _script_safe("[" + ",".join("[" + ",".join(map(_quoted, v)) + "]"
                                               for v in value) + "]")
    return script_json(value)


def _iri_ref(base: str) -> Callable[[str], str]:
    """How a hole names an IRI: the IRI itself, or "~" and what follows ``base`` in it (no
    absolute IRI starts with "~"), so that kept texts do not spell out the project's
    base IRI in each of their hundreds of thousands of holes."""
    size = len(base)

    def ref(iri: str) -> str:
        return "~" + iri[size:] if size and iri.startswith(base) else iri
    return ref


def _edge_ref(key: tuple[Any, ...]) -> str:
    """An edge's key (subject, predicate, object IRI) as one string."""
    return _HOLE.join(key)


class _Texts:
    """Each node's and edge's template (:data:`Template`), taken from the last build's
    page where what it is made from did not change (``old``, ``fresh``) and made
    otherwise; the templates of this page are kept in :attr:`new`."""

    def __init__(self, v: View, overview: bool, old: dict[str, Any] | None = None,
                 fresh: Callable[[str, Any], bool] | None = None, base: str = "") -> None:
        self.v, self.overview = v, overview
        #: How the holes name IRIs (see :func:`_iri_ref`).
        self.ref = _iri_ref(base)
        self.old_nodes: dict[str, Template] = old["nodes"] if old else {}
        #: By :func:`_edge_ref` of the edge's key.
        self.old_edges: dict[str, Template] = old["edges"] if old else {}
        self.fresh = fresh
        #: The last page's compressed pieces of its data, by digest (see :class:`_Gzip`).
        self.old_chunks: dict[bytes, bytes] = (old.get("chunks") or {}) if old else {}
        self.nodes: dict[str, Template] = {}
        self.edges: dict[str, Template] = {}
        self.chunks: dict[bytes, bytes] = {}
        self.reused = 0

    def _facts(self, out: list[str], key: tuple[Any, ...]) -> None:
        out.append("[")
        for n, f in enumerate(self.v.facts.get(key, [])):
            out.append(("," if n else "") + '{"quals":'
                       + _js([[k, name] for k, name in f["qualifiers"]]) + ',"quotes":[')
            for m, (article, _start, text) in enumerate(f["quotes"]):
                out.append(("," if m else "") + "[" + _hole("a", self.ref(article)) + ","
                           + _js(text) + "]")
            out.append("]}")
        out.append("]")

    def node(self, n: Node) -> Template:
        iri = n.iri
        found = self.old_nodes.get(iri)
        if found is not None and self.fresh is not None and self.fresh("node", iri):
            self.reused += 1
        else:
            ref = self.ref(iri)
            out: list[str] = ['{"aliases":' + _js(n.aliases)]
            if self.overview:
                out += [',"c":', _hole("c", ref)]
            out += [',"group":' + _js(n.group) + ',"id":', _hole("i", ref),
                    ',"iri":' + _js(iri) + ',"name":' + _js(n.name) + ',"type":'
                    + _js(n.type) + ',"values":[']
            for m, (label, shown, key) in enumerate(n.values):
                out.append(("," if m else "") + "[" + _js(label) + "," + _js(shown) + ",")
                self._facts(out, key)
                out.append("]")
            out.append("]")
            if not self.overview:
                out += [',"x":', _hole("x", ref), ',"y":', _hole("y", ref)]
            out.append("}")
            found = "".join(out)
        self.nodes[iri] = found
        return found

    def edge(self, e: Edge) -> Template:
        ref = _edge_ref(e.key)
        found = self.old_edges.get(ref)
        if found is not None and self.fresh is not None and self.fresh("edge", e.key):
            self.reused += 1
        else:
            out: list[str] = ['{"facts":']
            self._facts(out, e.key)
            named = self.ref
            out += [',"from":', _hole("i", named(e.source)), ',"id":', _hole("#"),
                    ',"mentions":' + _js(e.predicate == _MENTIONS)
                    + ',"note":' + _js(_note(self.v.facts.get(e.key, []))) + ',"p":',
                    _hole("p", named(e.predicate)), ',"to":', _hole("i", named(e.target)),
                    "}"]
            found = "".join(out)
        self.edges[ref] = found
        return found


def _note(facts: list[dict[str, Any]]) -> str:
    """The qualifiers of an edge's statements, as its label shows them ("in Film, as
    Character")."""
    notes: list[str] = []
    for fact in facts:
        parts = [("in " if k == "in" else "as ") + name for k, name in fact["qualifiers"]]
        if parts and ", ".join(parts) not in notes:
            notes.append(", ".join(parts))
    return "; ".join(notes)


#: The least size (in characters of the templates) of a piece of a large page's data
#: compressed on its own: large enough that the pieces compress about as well as the whole
#: (1-2 % larger at a million triples), small enough that one edit deflates one piece again.
_CHUNK = 1 << 19


def _document(v: View, reuse: Reuse | None = None, texts: _Texts | None = None,
              sink: Callable[[str], None] | None = None) -> tuple[str, bool]:
    """The page's data as JSON safe inside a <script> element (:func:`script_json` of it,
    made from each element's template), and whether it is an overview.

    With ``sink``, the data is handed to it in pieces as it is made (and "" returned):
    their concatenation is the data. A piece ends after an element once it holds at
    least :data:`_CHUNK` characters and the element's template has a length divisible by
    16, so that where pieces end depends on the elements' texts alone, not on what came
    before them in earlier builds."""
    order = sorted(v.nodes, key=lambda iri: (v.nodes[iri].group, v.nodes[iri].name, iri))
    index = {iri: i for i, iri in enumerate(order)}
    overview = len(order) > OVERVIEW
    links = [(index[e.source], index[e.target], 0.05 if e.predicate == _MENTIONS else 1.0)
             for e in v.edges]
    if overview:
        # Members are placed by the page when their group is opened.
        positions = [(0, 0)] * len(order)
        clusters, cluster_links, member_of = _overview(v, order, links, reuse)
    else:
        # "mentions" links barely pull: articles mention nearly everything.
        positions = _layout(order, [((a, b), w) for a, b, w in links])
        clusters, cluster_links, member_of = [], [], []
    facts = v.facts
    article_ids = (facts.articles() if isinstance(facts, _Facts) else
                   sorted({a for fs in facts.values() for f in fs for a, _s, _t in f["quotes"]}))
    article_index = {a: i for i, a in enumerate(article_ids)}
    properties: dict[str, int] = {}
    property_rows: list[dict[str, str]] = []
    for e in v.edges:
        if e.predicate not in properties:
            properties[e.predicate] = len(property_rows)
            forward, backward = phrases(e.predicate, e.label)
            property_rows.append({"label": e.label, "fw": forward, "bw": backward})
    if texts is None or texts.overview != overview:
        texts = _Texts(v, overview)
    # Every hole's number as text, but an element's own ("#"), which is its position.
    ref = texts.ref
    numbers: dict[str, str] = {"p" + ref(p): str(n) for p, n in properties.items()}
    numbers.update(("a" + ref(a), str(n)) for a, n in article_index.items())
    for i, iri in enumerate(order):
        iri = ref(iri)
        numbers["i" + iri] = str(i)
        if overview:
            numbers["c" + iri] = str(member_of[i])
        else:
            numbers["x" + iri], numbers["y" + iri] = map(str, positions[i])
    out: list[str] = []
    extend = out.extend
    get = numbers.get
    size = 0

    def fill(template: Template, own: int) -> None:
        nonlocal size
        parts = template.split(_HOLE)
        mine = str(own)
        parts[1::2] = [get(hole, mine) for hole in parts[1::2]]
        if own:
            out.append(",")
        extend(parts)
        if sink is not None:
            length = len(template)
            size += length
            if size >= _CHUNK and not length & 15:
                sink("".join(out))
                out.clear()
                size = 0
    groups_present = {v.nodes[iri].group for iri in order}
    groups = [{"id": g, "label": label, "color": color, "shape": shape}
              for g, (label, color, shape) in GROUPS.items() if g in groups_present]
    append = out.append
    append('{"articles":' + _js([[*v.articles.get(a, (a.rsplit("/", 1)[-1], ""))]
                                 for a in article_ids])
           + ',"clusters":' + _js(clusters) + ',"edges":[')
    for i, e in enumerate(v.edges):
        fill(texts.edge(e), i)
    append('],"groups":' + _js(groups) + ',"large":' + _js(len(order) >= LARGE)
           + ',"links":' + _js(cluster_links) + ',"nodes":[')
    for i, iri in enumerate(order):
        fill(texts.node(v.nodes[iri]), i)
    append('],"properties":' + _js(property_rows) + ',"summary":' + _js(v.summary)
           + ',"title":' + _js(v.title) + "}")
    if sink is not None:
        sink("".join(out))
        return "", bool(clusters)
    return "".join(out), bool(clusters)


def _overview(v: View, order: list[str], links: list[tuple[int, int, float]],
              reuse: Reuse | None = None
              ) -> tuple[list[dict[str, Any]], list[list[int]], list[int]]:
    """(groups, links between groups, group of each node) of a large view's overview.

    A group is one community (Louvain over the fact links, where an article joins the
    community it mentions most) of at least :data:`MIN_GROUP` members; the members of
    smaller communities are pooled by class ("People in small groups"). The strongest
    links between groups are kept: each group's three strongest, and the strongest
    overall up to three per group.

    The overview is a function of the links and of each node's class group alone (not
    of names, values or quotes). With ``reuse``, the overview the previous page was made
    with is taken again when both are the same (an edit that changed no link, such as a
    figure or a quote), and made afresh otherwise: the same result either way."""
    import hashlib

    groups = [v.nodes[iri].group for iri in order]
    digest = hashlib.blake2b(repr((groups, links)).encode("utf-8"),
                             digest_size=16).digest()
    if reuse is not None:
        found = reuse.old.get(b"overview")
        if isinstance(found, tuple) and len(found) == 4 and found[0] == digest:
            reuse.reused += 1
            made = (found[1], found[2], found[3])
        else:
            made = _make_overview(v, order, links)
        reuse.new[b"overview"] = (digest, *made)
        return made
    return _make_overview(v, order, links)


def _make_overview(v: View, order: list[str], links: list[tuple[int, int, float]]
                   ) -> tuple[list[dict[str, Any]], list[list[int]], list[int]]:
    from ._community import communities

    community = communities(len(order), links)
    size: dict[int, int] = defaultdict(int)
    for c in community:
        size[c] += 1
    key_of: dict[tuple[str, Any], int] = {}
    keys: list[tuple[str, Any]] = []
    member_of = []
    for i, iri in enumerate(order):
        c = community[i]
        key = ("community", c) if size[c] >= MIN_GROUP else ("pool", v.nodes[iri].group)
        if key not in key_of:
            key_of[key] = len(keys)
            keys.append(key)
        member_of.append(key_of[key])
    k = len(keys)
    degree = [0] * len(order)
    between: dict[tuple[int, int], int] = defaultdict(int)
    for a, b, w in links:
        if w == 1.0:
            degree[a] += 1
            degree[b] += 1
        ga, gb = member_of[a], member_of[b]
        if ga != gb:
            between[(min(ga, gb), max(ga, gb))] += 1
    members: list[list[int]] = [[] for _ in range(k)]
    for i, g in enumerate(member_of):
        members[g].append(i)
    strongest = sorted(between.items(), key=lambda item: (-item[1], item[0]))
    kept: set[tuple[int, int]] = {pair for pair, _n in strongest[:3 * k]}
    per_group: dict[int, int] = defaultdict(int)
    for pair, _n in strongest:
        if per_group[pair[0]] < 3 or per_group[pair[1]] < 3:
            kept.add(pair)
            per_group[pair[0]] += 1
            per_group[pair[1]] += 1
    kept_links = [[a, b, between[(a, b)]] for a, b in sorted(kept)]
    # Fruchterman-Reingold with gravity: groups without links stay near the others
    # instead of drifting to the edge and squeezing the rest into the middle.
    if k > 1:
        xs, ys = _large_layout(k, [((a, b), 1.0 + math.log(n)) for a, b, n in kept_links])
        scale = 30 * math.sqrt(k) / max(1e-9, float(max(abs(xs).max(), abs(ys).max())))
        positions = [(round(float(x) * scale), round(float(y) * scale)) for x, y in zip(xs, ys)]
    else:
        positions = [(0, 0)] * k
    clusters = []
    for g, (kind, _value) in enumerate(keys):
        top = max(members[g], key=lambda i: (degree[i], -i))
        classes: dict[str, int] = defaultdict(int)
        for i in members[g]:
            classes[v.nodes[order[i]].group] += 1
        group = max(classes, key=lambda c: (classes[c], c))
        clusters.append({"id": g, "kind": kind, "group": group, "size": len(members[g]),
                         "top": top, "x": positions[g][0], "y": positions[g][1]})
    return clusters, kept_links, member_of


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive."""
    return _script_safe(json.dumps(data, ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":")))


_UNSAFE = re.compile("[&<>\u2028\u2029]")


def _script_safe(text: str) -> str:
    if _UNSAFE.search(text) is None:
        return text
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class _Gzip:
    """One gzip member of a large page's data, handed over in pieces: each piece is
    deflated on its own (a fresh compressor, its output flushed to a byte boundary) and
    the pieces' outputs follow one another in one deflate stream, closed by an empty
    final block. A piece's compressed bytes so depend on its text alone: those of the
    last page (``old``, by the digest of the text) are taken again, and the others are
    deflated on another thread (zlib lets go of the interpreter's lock) while the next
    piece is made. The same data in the same pieces gives the same bytes either way."""

    _HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, time 0
    _LAST = b"\x03\x00"  # an empty final block (fixed codes)

    def __init__(self, old: Mapping[bytes, bytes]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.old = old
        #: This page's compressed pieces by digest, for the next page.
        self.new: dict[bytes, bytes] = {}
        self._crc = self._size = 0
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="page-gzip")
        self._pieces: list[Any] = []

    def __enter__(self) -> _Gzip:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, piece: str) -> None:
        data = piece.encode("utf-8")
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._pieces.append(self._pool.submit(self._deflate, data))

    def _deflate(self, data: bytes) -> tuple[bytes, bytes]:
        import hashlib

        digest = hashlib.blake2b(data, digest_size=16).digest()
        found = self.old.get(digest)
        if found is None:
            deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
            found = deflate.compress(data) + deflate.flush(zlib.Z_SYNC_FLUSH)
        return digest, found

    def finish(self) -> bytes:
        """The gzip member of every piece added."""
        import struct

        body: list[bytes] = [self._HEADER]
        for future in self._pieces:
            digest, found = future.result()
            self.new[digest] = found
            body.append(found)
        body += [self._LAST, struct.pack("<II", self._crc, self._size & 0xFFFFFFFF)]
        return b"".join(body)


def _vis_script() -> str:
    """The vis-network script pyvis ships, found without importing pyvis (slow)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise OutputError("cannot find the vis-network script that pyvis ships "
                        "(pyvis/templates/lib/vis-9.1.2/vis-network.min.js); reinstall "
                        "heroes-kg with its dependencies")


def _sigma_script() -> str:
    """sigma.js and graphology, bundled by js/build.sh into the package."""
    path = Path(__file__).parent / "vendor" / "sigma-graphology.min.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise OutputError(f"cannot read {path}, the WebGL renderer of large pages; "
                            "reinstall heroes-kg") from None


def _script_hash(script: str) -> str:
    import base64
    import hashlib

    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page(v: View, reuse: Reuse | None = None, texts: _Texts | None = None) -> bytes:
    """The HTML page of ``v``: one file, no network access, the same bytes every time.

    Its Content-Security-Policy lets only its own two scripts run (by hash) and loads
    nothing from anywhere. With ``reuse`` (the previous page's), the overview of a large
    graph is taken from it when its links are the same (see :func:`_overview`).
    """
    import jinja2
    from markupsafe import Markup

    with paused_gc():
        if len(v.nodes) > OVERVIEW:
            # A large graph's JSON shrinks about six times; the page inflates it with the
            # browser's own DecompressionStream.
            import base64

            with _Gzip(texts.old_chunks if texts is not None else {}) as packed:
                _text, overview = _document(v, reuse, texts, packed.add)
                compressed = packed.finish()
            if texts is not None:
                texts.chunks = packed.new
            text = base64.b64encode(compressed).decode("ascii")
        else:
            text, overview = _document(v, reuse, texts)
    # A graph a person reads at once: vis-network (shapes, edge labels, settling);
    # an overview of a large one: sigma.js, which draws with WebGL.
    renderer = _sigma_script() if overview else _vis_script()
    env = jinja2.Environment(loader=jinja2.PackageLoader("heroes_kg.outputs", "templates"),
                             autoescape=True, keep_trailing_newline=True)
    app = env.loader.get_source(env, "graph.js")[0]
    for name, script in (("renderer", renderer), ("graph.js", app)):
        if "</script" in script.lower() or "<!--" in script:
            raise OutputError(f"the {name} script cannot be inlined: it contains "
                                "'</script' or '<!--'")
    encoding = "gzip-base64" if overview else "json"
    html = env.get_template("graph.html").render(
        title=v.title, summary=v.summary, data=Markup(text), encoding=encoding,
        renderer=Markup(renderer), app=Markup(app),
        script_hashes=Markup(" ".join(_script_hash(s) for s in (renderer, app))))
    return html.encode("utf-8")


# --------------------------------------------------------------------------- kept pages

#: Where ``kg.memo`` holds what the page of the whole graph was made from (each subject's
#: piece, each role's parts, each element's template), which a build keeps for the next,
#: and where a build may leave the last build's (marshalled) with the IRIs that are the
#: subjects and the objects of the quads that changed since.
PAGE_STATE = ("page", "state")
EARLIER_PAGE = ("page", "earlier")
#: Changes whenever what is kept changes shape: a kept state of another shape is not read
#: (nor compressed pieces another zlib made: a fresh compression could give other bytes).
_PAGE_VERSION = f"5 {__version__} zlib {zlib.ZLIB_RUNTIME_VERSION}"


def graph_page(kg: Graph, reuse: Reuse | None = None,
               whole: Callable[[], Graph] | None = None) -> bytes:
    """The page of the whole graph (``page(view(kg))``, as ``heroes-kg build`` writes it).

    Where a build left the last build's page state (:data:`EARLIER_PAGE`), only the
    subjects that changed (and those whose triples name an IRI that became or stopped
    being a provenance record or a role) are read from the graph again, only the roles
    they touch are looked up again, and each node's and edge's text is taken from the
    last page unless it is made from something that changed: the node's own triples, or
    the statements (quotes, qualifiers, and the names of the qualifiers' entities) of its
    values or of the edge. Every number that depends on the whole page (the nodes' order,
    the articles', the properties', the overview's groups and positions) is filled in
    when the file is assembled, so it stays valid when others shift. Anything doubtful
    makes the page afresh; both ways give the same bytes.

    The names, classes and articles are kept too and read again only for the subjects
    that changed, so that a page made from the last build's state reads from ``kg`` only
    around the change (a store on disk serves it well); ``whole`` gives the graph to read
    when the page is made afresh (``kg`` itself by default). So are the compressed pieces
    of a large page's data, taken again where a piece's text is the same (see
    :class:`_Gzip`)."""
    with paused_gc():
        earlier = kg.memo.pop(EARLIER_PAGE, None)
        made = None
        if earlier is not None:
            try:
                made = _from_earlier(kg, *earlier)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError):
                made = None  # damaged or of another shape: made afresh, never trusted
        if made is None:
            if whole is not None:
                kg = whole()
            whole_lookup = _Lookup(kg)
            pieces, keepable = _pieces(kg, fact_triples(kg), whole_lookup)
            roles: dict[str, tuple[str | None, str | None, str | None]] = {}
            made = (whole_lookup, pieces, roles, None, None, keepable)
        lookup: _Lookup = made[0]
        pieces, roles, old, fresh, keepable = made[1:]

        def role_of(iri: str) -> tuple[str, str, str, str] | None:
            parts = roles.get(iri)
            if parts is None:
                parts = roles[iri] = lookup.role_parts(iri)
            return lookup.role_from(*parts)

        v = _assemble(pieces, lookup, role_of, title="", summary=_summary(lookup))
        v.title = _corpus_title(v, len(lookup.articles))
        overview = len(v.nodes) > OVERVIEW
        texts = _Texts(v, overview, old if old and old["overview"] == overview else None,
                       fresh, kg.names.base)
    data = page(v, reuse, texts)
    if reuse is not None:  # counted with the exports' blocks (the build's ``reused``)
        reuse.reused += texts.reused
        reuse.new[b"elements"] = len(texts.nodes) + len(texts.edges)
    if keepable:
        kg.memo[PAGE_STATE] = {
            "version": _PAGE_VERSION, "pieces": pieces,
            "roles": {r: roles[r] for r in sorted(roles)},
            "overview": texts.overview, "nodes": texts.nodes, "edges": texts.edges,
            "chunks": texts.chunks, "lookup": lookup.kept()}
    else:
        kg.memo.pop(PAGE_STATE, None)
    return data


def _from_earlier(kg: Graph, data: bytes, subjects: set[str],
                  objects: set[str]) -> tuple[Any, ...] | None:
    """(look-up, pieces, roles, old templates, whether a template is fresh, keepable)
    from the last build's page state ``data``, the ``subjects`` and IRI ``objects`` of
    the quads that changed since; None when the state is not of this shape."""
    import marshal

    state = marshal.loads(data)
    if not isinstance(state, dict) or state.get("version") != _PAGE_VERSION:
        return None
    lookup = _Lookup(kg, state["lookup"], subjects)
    statement_iris = kg.names.base + "statement/"
    old_pieces: dict[str, Piece] = state["pieces"]

    def flags_of(iri: str) -> int:
        return _flags(lookup.types.get(iri, ()), iri, statement_iris)

    def old_flags(iri: str) -> int:
        found = old_pieces.get(iri)
        return found[0] if found is not None else _flags((), iri, statement_iris)

    # A subject's piece depends on its triples and on the flags of the IRIs they name.
    flipped = {iri for iri in subjects if old_flags(iri) != flags_of(iri)}
    facts = kg.names.facts
    again = set(subjects)
    for iri in flipped:
        for quad in kg.store.quads_for_pattern(None, None, ox.NamedNode(iri), facts):
            if not isinstance(quad.subject, ox.NamedNode):
                return None
            again.add(quad.subject.value)
    pieces = dict(old_pieces)
    label = _labeller(lookup)
    for s in again:
        quads = list(kg.store.quads_for_pattern(ox.NamedNode(s), None, None, facts))
        if not quads:
            pieces.pop(s, None)
            continue
        triples = sorted((q.triple for q in quads), key=triple_key)
        if any(not isinstance(t.object, (ox.NamedNode, ox.Literal)) for t in triples):
            return None
        pieces[s] = _piece(s, [(t.predicate.value, t.object) for t in triples], flags_of,
                           label)
    # A role's parts: its own triples, and the work whose triple names it.
    roles = {r: parts for r, parts in state["roles"].items()
             if r not in subjects and r not in objects}
    # The statements restated since (their records may differ): the facts they asserted
    # and assert, as the statement records gave them (an IRI object by its IRI, a
    # literal by its value, which at worst makes a text again that is the same). None
    # when the records were not made from the last build's (or a blank node links one).
    restated_facts = kg.memo.get(RESTATED)
    if restated_facts is None:
        return None
    keys: set[tuple[Any, ...]] = set(restated_facts)
    # The text of a fact changes with the names of its qualifiers' entities.
    for key, fs in lookup.facts.items():
        if any(iri in subjects for f in fs for _q, iri in f["qualifiers"]):
            keys.add(key)
    nodes = again | {key[0] for key in keys}

    def fresh(kind: str, ref: Any) -> bool:
        return ref not in nodes if kind == "node" else ref not in keys
    old = {"nodes": state["nodes"], "edges": state["edges"], "overview": state["overview"],
           "chunks": state["chunks"]}
    return lookup, pieces, roles, old, fresh, True


def kept_page(kg: Graph) -> bytes | None:
    """The page state a build made (see :func:`graph_page`), marshalled for the next
    build; None when none was made."""
    import marshal

    state = kg.memo.get(PAGE_STATE)
    return None if state is None else marshal.dumps(state)


@dataclass(frozen=True)
class Written:
    path: Path
    nodes: int
    edges: int


def write_page(graph: Callable[[], Graph], out: Path, *, focus: str | None = None,
               depth: int = 1, query: str | None = None,
               bindings: Mapping[str, str] | None = None) -> Written:
    """Draw the graph that ``graph()`` opens (see :func:`view`) into the HTML file
    ``out``; the file name is checked before the graph is opened."""

    out = out.resolve()
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give {{--out}} the name of the HTML file to "
                          "write")
    if not out.parent.is_dir():
        raise OutputError(f"cannot write {out}: {out.parent} does not exist")
    with graph() as kg:
        drawn = view(kg, focus=focus, depth=depth, query=query, bindings=bindings)
    try:
        atomic_write(out, page(drawn))
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    return Written(out, len(drawn.nodes), len(drawn.edges))
