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
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import vocab
from .._io import atomic_write
from ..corpus.curation import paused_gc
from ..errors import OutputError, QueryError
from ..query import resolve_query, run_query
from ..query.engine import INLINE_LABEL
from ..rdf.read import find_entity
from ..rdf.store import Graph, select
from ..vocab import HEROES, OA, OWL, PROV, RDF, RDFS, SCHEMA
from ._phrases import phrases
from .formats import fact_triples, statement_records
from .reuse import Reuse

__all__ = ["GROUPS", "LARGE", "OVERVIEW", "View", "Written", "load_query", "lookup", "page",
           "script_json", "view", "view_from_triples", "write_page"]

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


@dataclass
class Node:
    iri: str
    name: str
    type: str
    group: str
    aliases: list[str] = field(default_factory=list)
    #: (property label, shown value, statement keys) of each literal value
    values: list[tuple[str, str, tuple[Any, ...]]] = field(default_factory=list)


@dataclass
class Edge:
    source: str
    target: str
    predicate: str
    label: str
    note: str = ""
    key: tuple[Any, ...] = ()


@dataclass
class View:
    """What one page draws: nodes by IRI, edges between them, and where their quotes are."""

    title: str
    nodes: dict[str, Node]
    edges: list[Edge]
    facts: dict[tuple[Any, ...], list[dict[str, Any]]]
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


class _Lookup:
    """Everything the page needs to know about the terms it draws, read once."""

    def __init__(self, kg: Graph) -> None:
        self.kg = kg
        self.labels: dict[str, str] = {}
        for row in _rows(kg, f"""SELECT ?x ?l WHERE {{ GRAPH <{kg.names.ontology.value}> {{
                ?x rdfs:label ?l FILTER(LANG(?l) = "en" || LANG(?l) = "") }} }}"""):
            self.labels.setdefault(row["x"].value, row["l"].value)
        # Sorted everywhere: the store's iteration order is not the page's order.
        facts = kg.names.facts

        def values(predicate: str) -> dict[str, list[str]]:
            found: dict[str, set[str]] = defaultdict(set)
            for quad in kg.store.quads_for_pattern(None, ox.NamedNode(predicate), None,
                                                   facts):
                found[quad.subject.value].add(quad.object.value)
            return {k: sorted(v) for k, v in found.items()}

        headlines, names, aliases = values(_HEADLINE), values(_NAME), values(_ALIAS)
        self.names: dict[str, list[str]] = {}
        for iri in sorted(set(headlines) | set(names) | set(aliases)):
            own = headlines.get(iri, []) + names.get(iri, [])
            self.names[iri] = own + [a for a in aliases.get(iri, []) if a not in own]
        self.types: dict[str, list[str]] = defaultdict(list)
        # The curated facts only: provenance records are known by their IRIs.
        for quad in kg.store.quads_for_pattern(None, ox.NamedNode(_TYPE), None, facts):
            self.types[quad.subject.value].append(quad.object.value)
        self.articles: dict[str, tuple[str, str]] = {}
        for row in _rows(kg, """SELECT ?a ?t ?d WHERE { ?a a schema:NewsArticle ;
                schema:headline ?t OPTIONAL { ?a schema:datePublished ?d } }"""):
            self.articles[row["a"].value] = (row["t"].value,
                                             row["d"].value if row["d"] is not None else "")
        self.facts: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        self._statements()

    def _statements(self) -> None:
        # The union of the graphs: the page's callers may hand it a graph whose
        # provenance records are not in the provenance graph.
        for record in statement_records(self.kg):
            key = (record.subject.value, record.predicate, _term_key(record.object))
            self.facts.setdefault(key, []).append({
                "statement": record.iri,
                "qualifiers": sorted(record.qualifiers, key=_qualifier_order),
                "quotes": sorted({(e.article, e.start, e.exact) for e in record.evidence}),
            })

    def name(self, iri: str) -> str:
        names = self.names.get(iri)
        if names:
            return names[0]
        return self.kg.names.entity_id(iri) or _readable(iri, {})

    def type_of(self, iri: str) -> tuple[str, str]:
        """(readable class, group) of a resource: its most specific curated class."""
        known = [_CLASS_BY_IRI[t] for t in self.types.get(iri, []) if t in _CLASS_BY_IRI]
        known.sort(key=lambda name: (-_depth(name), name))
        if not known:
            other = sorted(self.types.get(iri, []))
            return (_readable(other[0], self.labels) if other else "resource"), "other"
        name = known[0]
        current: str | None = name
        while current is not None and current not in _CLASS_GROUP:
            current = vocab.CLASSES[current].parent
        group = _CLASS_GROUP.get(current or "", "other")
        return _readable(vocab.CLASSES[name].iri, self.labels), group

    def role(self, iri: str) -> tuple[str, str, str, str] | None:
        """(performer, predicate, character, work) of a PerformanceRole, if complete."""
        store, facts = self.kg.store, self.kg.names.facts
        role = ox.NamedNode(iri)

        def one(s: Any, p: str, o: Any) -> str | None:
            for quad in store.quads_for_pattern(s, ox.NamedNode(p), o, facts):
                return (quad.object if o is None else quad.subject).value
            return None

        person = one(role, SCHEMA + "actor", None)
        character = one(role, HEROES + "character", None)
        work = one(None, SCHEMA + "actor", role)
        if person is None or character is None or work is None:
            return None
        predicate = _ROLE_PROPERTIES[0]
        for candidate in _ROLE_PROPERTIES:
            for fact in self.facts.get((person, candidate, character), []):
                if ("in", work) in fact["qualifiers"]:
                    predicate = candidate
        return person, predicate, character, work


def _qualifier_order(qualifier: tuple[str, str]) -> tuple[int, str, str]:
    order = list(vocab.QUALIFIERS)
    key = qualifier[0]
    return (order.index(key) if key in order else len(order), *qualifier)


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
    readable: dict[str, str] = {}

    def label(predicate: str) -> str:
        found = readable.get(predicate)
        if found is None:
            found = readable[predicate] = _readable(predicate, lookup.labels)
        return found
    own_types: dict[str, set[str]] = defaultdict(set)
    own_names: dict[str, list[str]] = defaultdict(list)
    # Each term read from its Triple once: every attribute access makes a new object.
    rows: list[tuple[Any, str, Any]] = []
    naming = (_NAME, RDFS + "label", _HEADLINE)
    for t in triples:
        subject, p, o = t.subject, t.predicate.value, t.object
        rows.append((subject, p, o))
        if p == _TYPE:
            own_types[subject.value].add(o.value)
        elif p in naming and isinstance(o, ox.Literal):
            own_names[subject.value].append(o.value)

    known: dict[str, set[str]] = {}

    def types(iri: str) -> set[str]:
        found = known.get(iri)
        if found is None:
            found = known[iri] = own_types.get(iri, set()) | set(lookup.types.get(iri, ()))
        return found

    statement_iris = kg.names.base + "statement/"
    hidden_ones: dict[str, bool] = {}

    def hidden(iri: str) -> bool:
        found = hidden_ones.get(iri)
        if found is None:
            found = hidden_ones[iri] = (bool(types(iri) & _PROVENANCE_TYPES)
                                        or iri.startswith(statement_iris))
        return found

    def is_role(iri: str) -> bool:
        return _ROLE in types(iri)

    nodes: dict[str, Node] = {}

    def node(iri: str) -> Node:
        if iri not in nodes:
            kind, group = lookup.type_of(iri)
            name = lookup.name(iri) if iri in lookup.names or iri not in own_names \
                else own_names[iri][0]
            aliases = [a for a in lookup.names.get(iri, [])[1:] if a != name]
            nodes[iri] = Node(iri, name, kind, group, aliases)
        return nodes[iri]

    edges: dict[tuple[str, str, str], Edge] = {}

    def edge(s: str, p: str, o: str) -> None:
        key = (s, p, o)
        if key in edges:
            return
        node(s), node(o)
        notes = []
        for fact in lookup.facts.get(key, []):
            parts = [("in " if k == "in" else "as ") + lookup.name(v)
                     for k, v in fact["qualifiers"]]
            if parts and ", ".join(parts) not in notes:
                notes.append(", ".join(parts))
        edges[key] = Edge(s, o, p, label(p), "; ".join(notes), key)

    roles: set[str] = set()
    for subject, p, o in rows:
        if not isinstance(subject, ox.NamedNode):
            continue
        s = subject.value
        if hidden(s):
            continue
        if is_role(s):
            roles.add(s)
            continue
        named = isinstance(o, ox.NamedNode)
        if named:
            o_value = o.value
            if is_role(o_value):
                roles.add(o_value)  # the work is named on the folded "plays" edge
                continue
        if p in _NAMING:
            node(s)
            continue
        if not named or p in _ADDRESSES:
            shown = _shown_value(o) if isinstance(o, ox.Literal) else o.value
            key = (s, p, _term_key(o))
            node(s).values.append((label(p), shown, key))
            continue
        if hidden(o_value):
            continue
        edge(s, p, o_value)
    del rows
    for iri in sorted(roles):
        found = lookup.role(iri)
        if found is not None:
            person, predicate, character, _work = found
            edge(person, predicate, character)
    for n in nodes.values():
        n.values.sort(key=lambda v: (v[0], v[1]))
    used = {e.key for e in edges.values()} | {v[2] for n in nodes.values() for v in n.values}
    facts = {k: [{**f, "qualifiers": [(q, lookup.name(iri)) for q, iri in f["qualifiers"]]}
                 for f in lookup.facts[k]] for k in sorted(used) if k in lookup.facts}
    return View(title, nodes, sorted(edges.values(), key=lambda e: e.key), facts,
                lookup.articles, summary)


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
    top = sorted((iri for iri in degree if v.nodes[iri].group != "article"),
                 key=lambda iri: (-degree[iri], v.nodes[iri].name, iri))[:3]
    names = [v.nodes[iri].name for iri in top]
    if not names:
        return "An empty knowledge graph"
    about = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (f"{about}: a knowledge graph from {articles} news article"
            f"{'s' if articles != 1 else ''}")


def _summary(lookup: _Lookup) -> str:
    statements = sum(len(v) for v in lookup.facts.values())
    quotes = sum(len(f["quotes"]) for v in lookup.facts.values() for f in v)
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


def _data(v: View, reuse: Reuse | None = None) -> dict[str, Any]:
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
    article_ids = sorted({a for facts in v.facts.values() for f in facts
                          for a, _start, _text in f["quotes"]})
    article_index = {a: i for i, a in enumerate(article_ids)}

    def facts(key: tuple[Any, ...]) -> list[dict[str, Any]]:
        return [{"quals": [[k, name] for k, name in f["qualifiers"]],
                 "quotes": [[article_index[a], text] for a, _start, text in f["quotes"]]}
                for f in v.facts.get(key, [])]

    nodes = []
    for i, iri in enumerate(order):
        n = v.nodes[iri]
        node = {"id": i, "name": n.name, "type": n.type, "group": n.group,
                "iri": iri, "aliases": n.aliases,
                "values": [[label, shown, facts(key)] for label, shown, key in n.values]}
        if overview:
            node["c"] = member_of[i]
        else:
            node["x"], node["y"] = positions[i]
        nodes.append(node)
    properties: dict[str, int] = {}
    property_rows: list[dict[str, str]] = []
    edges = []
    for i, e in enumerate(v.edges):
        if e.predicate not in properties:
            properties[e.predicate] = len(property_rows)
            forward, backward = phrases(e.predicate, e.label)
            property_rows.append({"label": e.label, "fw": forward, "bw": backward})
        edges.append({"id": i, "from": index[e.source], "to": index[e.target],
                      "p": properties[e.predicate], "note": e.note,
                      "mentions": e.predicate == _MENTIONS, "facts": facts(e.key)})
    groups = [{"id": g, "label": label, "color": color, "shape": shape}
              for g, (label, color, shape) in GROUPS.items()
              if any(n["group"] == g for n in nodes)]
    return {"title": v.title, "summary": v.summary, "large": len(nodes) >= LARGE,
            "groups": groups, "nodes": nodes, "edges": edges, "properties": property_rows,
            "clusters": clusters, "links": cluster_links,
            "articles": [[*v.articles.get(a, (a.rsplit("/", 1)[-1], ""))]
                         for a in article_ids]}


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
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


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


def page(v: View, reuse: Reuse | None = None) -> bytes:
    """The HTML page of ``v``: one file, no network access, the same bytes every time.

    Its Content-Security-Policy lets only its own two scripts run (by hash) and loads
    nothing from anywhere. With ``reuse`` (the previous page's), the overview of a large
    graph is taken from it when its links are the same (see :func:`_overview`).
    """
    import jinja2
    from markupsafe import Markup

    with paused_gc():
        data = _data(v, reuse)
    # A graph a person reads at once: vis-network (shapes, edge labels, settling);
    # an overview of a large one: sigma.js, which draws with WebGL.
    renderer = _sigma_script() if data["clusters"] else _vis_script()
    env = jinja2.Environment(loader=jinja2.PackageLoader("heroes_kg.outputs", "templates"),
                             autoescape=True, keep_trailing_newline=True)
    app = env.loader.get_source(env, "graph.js")[0]
    for name, script in (("renderer", renderer), ("graph.js", app)):
        if "</script" in script.lower() or "<!--" in script:
            raise OutputError(f"the {name} script cannot be inlined: it contains "
                                "'</script' or '<!--'")
    text = script_json(data)
    encoding = "json"
    if data["clusters"]:
        # A large graph's JSON shrinks about six times; the page inflates it with the
        # browser's own DecompressionStream.
        import base64
        import gzip

        text = base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6,
                                              mtime=0)).decode("ascii")
        encoding = "gzip-base64"
    html = env.get_template("graph.html").render(
        title=v.title, summary=v.summary, data=Markup(text), encoding=encoding,
        renderer=Markup(renderer), app=Markup(app),
        script_hashes=Markup(" ".join(_script_hash(s) for s in (renderer, app))))
    return html.encode("utf-8")


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
