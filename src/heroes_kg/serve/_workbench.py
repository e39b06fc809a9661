"""The workbench that ``heroes-kg serve`` shows in a browser.

* ``/``: a SPARQL editor (CodeMirror 6, vendored as one script in ``static/``) that runs
  queries on the served endpoint and shows a sortable, paged table; the named queries in a
  side list; downloads; errors at their line and column;
* ``/api/bind``: a named query with VALUES for its bindings (the text ``heroes-kg query
  NAME --bind …`` runs), for the editor to show and run;
* ``/view``: the network view (:mod:`heroes_kg.outputs.page`, the page ``exports/heroes.html``
  is) of a CONSTRUCT or DESCRIBE query's triples, or of one entity's neighbourhood;
* ``/resource/ID``: the entity pages (:mod:`heroes_kg.serve._resource`);
* ``/curate``: with ``--curate``, the review screen (:mod:`heroes_kg.serve._review`).

Every page loads only files from this server: its scripts and styles are in ``static/``,
and its Content-Security-Policy allows nothing else. Text from the graph reaches the
pages as escaped HTML or as JSON data read with ``textContent``.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .. import vocab as _vocab
from ..errors import HeroesKGError, ServeError
from ..rdf.store import select
from ._html import html_page, page_head, script_json

if TYPE_CHECKING:
    from ..query.engine import KnowledgeGraph

__all__ = ["STATIC", "answer", "assets"]

STATIC = Path(__file__).with_name("static")
#: The files the pages load, and their media types.
_ASSETS = {"editor.js": "text/javascript", "dom.js": "text/javascript",
           "workbench.js": "text/javascript",
           "review.js": "text/javascript", "workbench.css": "text/css"}
_BIND = re.compile(r"\(bind\s+((?:\?\w+(?:\s*(?:,|and|or)\s*)?)+)", re.IGNORECASE)


def assets() -> dict[str, Path]:
    """The vendored files every workbench page may load, by name."""
    return {name: STATIC / name for name in _ASSETS}


def answer(handler: Any, path: str, query_string: str) -> bool:
    """Answer the request when ``path`` is one of the workbench's; False otherwise.

    A problem with the request is one line with HTTP 400; anything unexpected is one line
    with HTTP 500, and the server goes on."""
    try:
        return _answer(handler, path, query_string)
    except HeroesKGError as exc:
        handler._send(400, f"{exc.message}\n".encode())
    except Exception as exc:
        handler._send(500, f"The workbench failed on this request: {type(exc).__name__}: "
                           f"{str(exc)[:200]}\n".encode())
    return True


def _answer(handler: Any, path: str, query_string: str) -> bool:
    from . import _resource, _review

    if path == "/curate" or path.startswith("/curate/"):
        _review.answer(handler, path, query_string)
        return True
    if path.startswith("/resource/"):
        _resource.answer(handler, path[len("/resource/"):], query_string)
        return True
    if path == "/favicon.ico":
        handler._send(204, b"", extra={"Cache-Control": "max-age=86400"})
        return True
    routes = {"/": _index, "/index.html": _index, "/api/bind": _bind, "/view": _view}
    if path not in routes and not path.startswith("/static/"):
        return False
    if handler.command not in ("GET", "HEAD"):
        handler._send(405, b"Only GET here; SPARQL queries go to /query.\n",
                      extra={"Allow": "GET, HEAD"})
    elif path.startswith("/static/"):
        _static(handler, path[len("/static/"):])
    else:
        routes[path](handler, urllib.parse.parse_qs(query_string))
    return True


def _graph(handler: Any) -> KnowledgeGraph:
    graph: KnowledgeGraph | None = handler.server.app.graph
    if graph is None:
        raise ServeError("the server is stopping")
    return graph


def _static(handler: Any, name: str) -> None:
    if name not in _ASSETS or not (STATIC / name).is_file():
        handler._send(404, b"Not found.\n")
        return
    handler._send(200, (STATIC / name).read_bytes(), f"{_ASSETS[name]}; charset=utf-8",
                  {"Cache-Control": "no-cache"})


# --------------------------------------------------------------------------- the editor


def binds(question: str) -> list[str]:
    """The variables a named query says it takes a binding for: "(bind ?person)"."""
    found = _BIND.search(question)
    return re.findall(r"\?(\w+)", found[1]) if found else []


def _terms(kg: KnowledgeGraph) -> list[dict[str, str]]:
    """Completions: the classes and properties of the ontology and those the graph uses,
    as prefixed names with their label and comment."""
    from ..query.engine import prefixes

    known = prefixes(kg.names.base)
    vocab_prefixes = {p: known[p] for p in _vocab.PREFIXES}
    found: dict[str, dict[str, str]] = {}

    def add(iri: str, kind: str, label: str = "", comment: str = "") -> None:
        short = _vocab.compact(iri, vocab_prefixes)
        if short is None or short.endswith(":") or short in found:
            return
        found[short] = {"label": short, "type": kind, "detail": label,
                        "info": comment[:300]}

    ontology = kg.names.ontology.value
    for row in select(kg.store, _vocab.SPARQL_PREFIXES + f"""
            SELECT ?x ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?comment) WHERE {{
              GRAPH <{ontology}> {{
                ?x a ?kind FILTER(?kind IN (owl:Class, rdfs:Class, owl:ObjectProperty,
                                             owl:DatatypeProperty, rdf:Property))
                OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x rdfs:comment ?c }} }}
            }} GROUP BY ?x ?kind ORDER BY ?x"""):
        if isinstance(row["x"], ox.NamedNode):
            kind = "class" if row["kind"].value.endswith("Class") else "property"
            add(row["x"].value, kind, _value(row["label"]), _value(row["comment"]))
    for row in select(kg.store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }", union=True):
        add(row["p"].value, "property")
    for row in select(kg.store, "SELECT DISTINCT ?c WHERE { ?s a ?c }", union=True):
        if isinstance(row["c"], ox.NamedNode):
            add(row["c"].value, "class")
    return sorted(found.values(), key=lambda t: t["label"])


def _value(term: Any) -> str:
    return "" if term is None else str(term.value)


def _example(known: dict[str, str]) -> str:
    declared = "".join(f"PREFIX {p}: <{known[p]}>\n" for p in ("heroes", "schema"))
    return (f"# The actors in the graph, and the characters they play.\n"
            f"# Ctrl-Enter runs the query; type a prefix and Ctrl-Space to complete.\n"
            f"{declared}\n"
            "SELECT ?actor ?name ?character WHERE {\n"
            "  ?actor a heroes:Actor ;\n"
            "         schema:name ?name .\n"
            "  OPTIONAL { ?actor heroes:plays/schema:name ?character }\n"
            "}\nORDER BY ?name ?character\n")


def config(handler: Any) -> dict[str, Any]:
    """What the editor page needs to know: prefixes, terms, named queries, exports."""
    from ..query.engine import for_base, list_queries, prefixes

    app = handler.server.app
    kg = _graph(handler)
    known = prefixes(kg.names.base)
    queries = [{"name": q.name, "question": q.question, "binds": binds(q.question),
                "text": for_base(q.text, kg.names.base)}
               for q in list_queries(app.project)]
    return {"endpoint": "/query", "prefixes": known,
            "resource": kg.names.base + "resource/",
            "terms": kg.memoized(("workbench-terms",), lambda: _terms(kg)),
            "queries": queries, "example": _example(known),
            "exports": app.exports(), "view": "view" in app.urls,
            "timeout": app.timeout}


def _index(handler: Any, params: dict[str, list[str]]) -> None:
    app = handler.server.app
    e = html.escape
    endpoint = app.endpoint_url
    body = page_head("heroes-kg workbench") + f"""
<header class="bar"><h1>heroes-kg</h1><span class="muted">SPARQL endpoint
<code id="endpoint">{e(endpoint)}</code> (read-only; a query may run {app.timeout:g} s)</span>
<span class="grow"></span>{'<a href="/heroes.html">Network view</a>' if "view" in app.urls else ""}
</header>
<div class="workbench">
<nav id="side"><h2>Named queries</h2><ul id="queries"></ul>
<h2>Exports</h2><ul id="exports"></ul></nav>
<main>
<div class="toolbar"><button id="run" type="button" title="Ctrl-Enter">Run ▶</button>
<span class="muted">Ctrl-Enter</span><span id="binding"></span><span class="grow"></span>
<span id="downloads"></span></div>
<div id="editor"></div>
<div id="error" role="alert" hidden></div>
<div id="status" class="muted" aria-live="polite"></div>
<div id="results"></div>
</main></div>
<script type="application/json" id="config">{script_json(config(handler))}</script>
<script src="/static/editor.js"></script>
<script src="/static/dom.js"></script>
<script src="/static/workbench.js"></script>
</body></html>
"""
    html_page(handler, 200, body)


def _json(handler: Any, status: int, data: Any) -> None:
    handler._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                  "application/json; charset=utf-8")


def _bind(handler: Any, params: dict[str, list[str]]) -> None:
    from ..query.engine import bind_query

    name = (params.pop("query", None) or [""])[0]
    bindings = {key: values[0] for key, values in params.items() if values[0].strip()}
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        _json(handler, 400, {"error": "give the name of a query in queries/ as ?query=NAME"})
        return
    try:
        text = bind_query(_graph(handler), name, bindings)
    except HeroesKGError as exc:
        _json(handler, 400, {"error": exc.message})
        return
    _json(handler, 200, {"query": text})


# --------------------------------------------------------------------------- drawing


def backend_triples(handler: Any, query: str) -> list[ox.Triple]:
    """The triples a CONSTRUCT or DESCRIBE ``query`` gives on the served endpoint (with
    its time limit)."""
    app = handler.server.app
    connection = http.client.HTTPConnection("127.0.0.1", app.backend()[1],
                                            timeout=app.timeout + 0.5)
    try:
        connection.request("POST", "/query", body=urllib.parse.urlencode(
            {"query": query}).encode(), headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/n-triples, application/sparql-results+json;q=0.1"})
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException):
        raise ServeError("the SPARQL backend did not answer; try again") from None
    finally:
        connection.close()
    text = data.decode("utf-8", "replace")
    media = (response.getheader("Content-Type") or "").split(";")[0]
    if response.status != 200:
        raise ServeError(text.strip().splitlines()[0] if text.strip()
                            else f"HTTP {response.status}")
    if media != "application/n-triples":
        raise ServeError("the query is not a CONSTRUCT or DESCRIBE query: only the "
                            "triples such a query returns can be drawn")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def _message_page(handler: Any, status: int, title: str, message: str) -> None:
    html_page(handler, status, page_head(title) + f'<p class="message">{html.escape(message)}'
              "</p></body></html>\n")


def _around(kg: KnowledgeGraph, focus: str) -> Any:
    """The view of one entity and its facts in both directions (depth 1): read from the
    entity's own triples, so that it costs the same in a graph of any size."""
    from ..outputs import page as render
    from ..rdf.read import find_entity

    node = ox.NamedNode(find_entity(kg, focus))
    facts = kg.names.facts
    triples = [q.triple for q in kg.store.quads_for_pattern(node, None, None, facts)]
    triples += [q.triple for q in kg.store.quads_for_pattern(None, None, node, facts)]
    lookup = render.lookup(kg)
    name = lookup.name(node.value)
    return render.view_from_triples(
        kg, triples, title=f"Around {name} (depth 1)", lookup=lookup,
        summary=f"{name}, its facts in both directions, and the articles that mention it")


def _view(handler: Any, params: dict[str, list[str]]) -> None:
    from ..outputs import page as render

    kg = _graph(handler)
    query = (params.get("query") or [""])[0]
    focus = (params.get("focus") or [""])[0]
    try:
        if query:
            triples = backend_triples(handler, query)
            if not triples:
                _message_page(handler, 200, "Nothing to draw",
                              "The query returned no triples: nothing to draw.")
                return
            lookup = render.lookup(kg)
            drawn = render.view_from_triples(
                kg, triples, title="Query result", lookup=lookup,
                summary=f"{len(triples)} triple{'s' if len(triples) != 1 else ''} "
                        "from the query")
            if not drawn.nodes:
                raise ServeError("the triples have no entities to draw")
        elif focus:
            drawn = _around(kg, focus)
        else:
            raise ServeError("give ?query=CONSTRUCT… or ?focus=ENTITY to draw")
    except HeroesKGError as exc:
        _message_page(handler, 400, "Cannot draw this", exc.message)
        return
    # The network view's page carries its own policy (its two scripts, by hash).
    handler._send(200, render.page(drawn), "text/html; charset=utf-8",
                  {"X-Content-Type-Options": "nosniff"})
