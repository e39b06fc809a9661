"""Entity pages: ``/resource/ID`` on the served graph, so that its IRIs resolve.

One URL, several answers (content negotiation on ``Accept``, or ``?format=``): HTML for
browsers (what ``heroes-kg show`` prints: every fact with its quote, article and offsets,
and the network view of the entity's neighbourhood), Turtle, JSON-LD or N-Triples for RDF
clients (the entity's triples, in both directions, and the provenance records of its
statements with their evidence).
"""

from __future__ import annotations

import html
import re
import urllib.parse
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .. import vocab
from ..errors import HeroesKGError

if TYPE_CHECKING:
    from ..query.engine import KnowledgeGraph

__all__ = ["FORMATS", "answer", "describe", "negotiate"]

#: format -> (media type, pyoxigraph format or None for HTML)
FORMATS: dict[str, tuple[str, ox.RdfFormat | None]] = {
    "html": ("text/html", None),
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
_ACCEPTED = {"text/html": "html", "application/xhtml+xml": "html",
             "text/turtle": "ttl", "application/x-turtle": "ttl",
             "application/ld+json": "jsonld", "application/json": "jsonld",
             "application/n-triples": "nt", "text/plain": "nt"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def negotiate(accept: str | None) -> str | None:
    """The format to answer with for this Accept header; None when none is acceptable.
    Without a preference, HTML."""
    if not accept or not accept.strip():
        return "html"
    best: tuple[float, int, int] | None = None
    chosen = None
    for order, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        media = media.lower()
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        found = _ACCEPTED.get(media) or ("html" if media in ("*/*", "text/*") else None)
        # Equal q: the more specific type wins, then the one listed first.
        rank = (q, 0 if media.endswith("*") else 1, -order)
        if found and q > 0 and (best is None or rank > best):
            best, chosen = rank, found
    return chosen


def describe(kg: KnowledgeGraph, iri: str) -> list[ox.Triple]:
    """The entity's triples (as subject and as object) and the provenance of its curated
    statements: each rdf:Statement, its evidence, the evidence's selectors."""
    query = vocab.SPARQL_PREFIXES + f"""
    CONSTRUCT {{ ?s ?p ?o }} WHERE {{
      VALUES ?e {{ <{iri}> }}
      {{ ?e ?p ?o BIND(?e AS ?s) }}
      UNION {{ ?s ?p ?e BIND(?e AS ?o) }}
      UNION {{ ?s rdf:subject|rdf:object ?e ; ?p ?o }}
      UNION {{ ?st rdf:subject|rdf:object ?e ; prov:wasDerivedFrom ?s . ?s ?p ?o }}
      UNION {{ ?st rdf:subject|rdf:object ?e ; prov:wasDerivedFrom/oa:hasSelector ?s .
               ?s ?p ?o }}
    }}"""
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = list(kg.data_graphs)
    result = kg.store.query(query, default_graph=graphs)
    assert isinstance(result, ox.QueryTriples), "a CONSTRUCT query"
    return sorted(set(result), key=lambda t: (str(t.subject), str(t.predicate),
                                              str(t.object)))


def answer(handler: Any, entity_id: str, query_string: str) -> None:
    """Answer GET/HEAD /resource/ID."""
    from ._html import html_page

    if handler.command not in ("GET", "HEAD"):
        handler._send(405, b"Entity pages are read-only: GET or HEAD.\n",
                      extra={"Allow": "GET, HEAD, OPTIONS"})
        return
    kg = handler.server.app.graph
    asked = (urllib.parse.parse_qs(query_string).get("format") or [""])[0]
    if asked and asked not in FORMATS:
        handler._send(400, f"Unknown format {asked!r}; use one of {', '.join(FORMATS)}.\n"
                      .encode())
        return
    fmt = asked or negotiate(handler.headers.get("Accept"))
    vary = {"Vary": "Accept"}
    if fmt is None:
        kinds = ", ".join(media for media, _ in FORMATS.values())
        handler._send(406, f"This resource is available as {kinds}.\n".encode(), extra=vary)
        return
    iri = kg.names.resource(entity_id).value if _ID.match(entity_id) else None
    triples = describe(kg, iri) if iri else []
    if not triples:
        message = (f"No entity {entity_id!r} in the graph; the workbench's named query "
                   "'facts-about' or heroes-kg show finds entities by name.")
        if fmt == "html":
            from ._html import page_head

            html_page(handler, 404, page_head("Not found") + '<p class="message">'
                      f"{html.escape(message)} <a href=\"/\">Back to the workbench</a></p>"
                      "</body></html>\n", vary)
        else:
            handler._send(404, (message + "\n").encode(), extra=vary)
        return
    assert iri is not None
    media, rdf_format = FORMATS[fmt]
    if rdf_format is None:
        html_page(handler, 200, _html(kg, iri, entity_id), vary)
        return
    from ..query.engine import prefixes

    known = prefixes(kg.names.base) if rdf_format == ox.RdfFormat.TURTLE else None
    data = ox.serialize(triples, format=rdf_format, prefixes=known) or b""
    charset = "; charset=utf-8" if fmt != "jsonld" else ""
    handler._send(200, data, media + charset, extra=vary)


def _link(kg: KnowledgeGraph, iri: str | None, text: str) -> str:
    e = html.escape
    local = kg.names.entity_id(iri) if iri else None
    if local and iri == kg.names.resource(local).value:
        return f'<a href="/resource/{e(urllib.parse.quote(local))}">{e(text)}</a>'
    return f"<span>{e(text)}</span>"


def _html(kg: KnowledgeGraph, iri: str, entity_id: str) -> str:
    from ..query.inspect import show
    from ._html import page_head

    e = html.escape
    try:
        view = show(kg, entity_id)
    except HeroesKGError as exc:  # an IRI without a name: still has triples
        view = None
        problem = exc.message
    quoted = e(urllib.parse.quote(entity_id))
    formats = " · ".join(f'<a href="/resource/{quoted}?format={f}" type="{e(m)}">{label}</a>'
                         for f, (m, _), label in zip(("ttl", "jsonld", "nt"),
                                                     list(FORMATS.values())[1:],
                                                     ("Turtle", "JSON-LD", "N-Triples")))
    parts = [page_head(view.name if view else entity_id),
             ('<header class="bar"><a href="/">← Workbench</a><span class="grow"></span>'
              f'<span class="muted">This page as {formats}</span></header>'),
             '<main class="entity">']
    if view is None:
        parts.append(f"<h1>{e(entity_id)}</h1><p class=\"message\">{e(problem)}</p>")
    else:
        parts.append(f'<h1 id="name">{e(view.name)}</h1>'
                     f'<p class="muted">{e(view.type)} · id <code>{e(view.id)}</code> · '
                     f'<code class="iri">{e(view.iri)}</code></p>')
        if view.aliases:
            parts.append(f"<p>Also known as: {e(', '.join(view.aliases))}</p>")
        if view.mentioned_in:
            parts.append(f"<p>Mentioned in: {e(', '.join(view.mentioned_in))}</p>")
        parts.append(f'<h2>Facts <span class="muted">({len(view.facts)})</span></h2>'
                     '<div id="facts">')
        if not view.facts:
            parts.append('<p class="muted">(no curated statements)</p>')
        for fact in view.facts:
            quals = "".join(f' <span class="qual">[{e(k)}: {e(v)}]</span>'
                            for k, v in fact.qualifiers)
            other = _link(kg, fact.other_iri, fact.other)
            if fact.incoming:
                what = f"{other} —{e(fact.property)}→ {e(view.name)}"
            else:
                what = f'<span class="prop">{e(fact.property)}</span>: {other}'
            parts.append(f'<div class="fact"><div class="what">{what}{quals}</div>')
            for quote in fact.quotes:
                date = f", {e(quote.date)}" if quote.date else ""
                parts.append(f"<blockquote>“{e(quote.text)}”</blockquote>"
                             f'<div class="cite">— {e(quote.title)} '
                             f"(<code>{e(quote.article)}</code>{date}), "
                             f"chars {quote.start}–{quote.end}</div>")
            parts.append("</div>")
        parts.append("</div>")
    parts.append('<h2>Neighbourhood</h2><iframe class="neighbourhood" title="Neighbourhood" '
                 f'src="/view?focus={quoted}&amp;depth=1"></iframe>'
                 "</main></body></html>\n")
    return "".join(parts)
