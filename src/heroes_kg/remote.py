"""Remote: publish the graph to a SPARQL 1.1 store and query remote endpoints.

:func:`push` sends each named graph (facts, provenance, ontology) with one HTTP PUT of the
SPARQL 1.1 Graph Store HTTP Protocol, so a push replaces those graphs and a second push
changes nothing; then it counts the triples the server holds in each graph with a SPARQL
query and compares them with the local graph. :func:`query_endpoint` and
:func:`run_remote_query` speak the SPARQL 1.1 Protocol.

Only the standard library and pyoxigraph are used; requests go through
:mod:`heroes_kg._http` (one deadline per request, redirects within the same origin only,
Basic or Digest authentication as the server asks). Credentials come from an environment
variable (``user:password``), are sent only to the origin they were given for, and never
appear in a message.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import ssl
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ._http import Credentials, Session, useful_line
from .errors import RemoteError
from .query.guard import check_timeout
from .vocab import SPARQL_UPDATE_KEYWORDS

if TYPE_CHECKING:
    from .rdf.store import Graph

__all__ = ["GraphPush", "PushReport", "RemoteResult", "endpoints", "graph_counts", "push",
           "query_endpoint", "run_remote_query"]

#: Seconds to wait for a server before giving up, unless the caller says otherwise.
DEFAULT_TIMEOUT = 60.0

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"

#: How the Graph Store endpoint's path tells the SPARQL query endpoint of known servers.
_LAYOUTS: tuple[tuple[str, str], ...] = (
    ("/store", "/query"),                      # Oxigraph server
    ("/data", "/query"),                       # Apache Jena Fuseki (/DATASET/data)
    ("/rdf-graphs/service", ""),               # GraphDB (/repositories/REPO/rdf-graphs/service)
    ("/sparql-graph-crud-auth", "/sparql"),    # Virtuoso
    ("/sparql-graph-crud", "/sparql"),         # Virtuoso
    ("/sparql/gsp", "/sparql"),                # Amazon Neptune
    ("/sparql/gsp/", "/sparql"),               # Amazon Neptune
)


@dataclass(frozen=True)
class GraphPush:
    """One named graph of a push: its IRI, how many triples it has locally and (after
    the check) on the server, and the size of the body sent."""

    iri: str
    triples: int
    bytes: int
    status: int | None = None
    remote_triples: int | None = None


@dataclass
class PushReport:
    store_url: str
    query_url: str
    graphs: list[GraphPush] = field(default_factory=list)
    dry_run: bool = False

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


@dataclass(frozen=True)
class RemoteResult:
    """The answer of a remote endpoint, shaped like a local query's answer: ``kind`` is
    "select" (``variables`` and ``solutions``, SPARQL JSON results bytes), "ask"
    (``boolean``) or "graph" (``triples``)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    solutions: bytes = b""
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    @property
    def terms(self) -> list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]:
        """SELECT rows as tuples of pyoxigraph terms (None when unbound)."""
        if self.kind != "select":
            return []
        parsed = ox.parse_query_results(self.solutions, ox.QueryResultsFormat.JSON)
        if not isinstance(parsed, ox.QuerySolutions):
            return []
        return [tuple(s[v] for v in self.variables) for s in parsed]


# --------------------------------------------------------------------------- HTTP


def _shown(url: str) -> str:
    """``url`` without any user:password part, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query,
                                    parts.fragment))


def _credentials(auth_env: str | None) -> Session:
    """A session with the ``user:password`` of the variable ``auth_env``, if any."""
    if not auth_env:
        return Session()
    value = os.environ.get(auth_env)
    if value is None:
        raise RemoteError(f"environment variable {auth_env} is not set; set it to "
                            "'user:password' for HTTP basic authentication")
    if ":" not in value:
        raise RemoteError(f"environment variable {auth_env} must hold 'user:password' "
                            "(it has no ':')")
    user, _, password = value.partition(":")
    return Session(Credentials(user, password))


def _check_url(url: str, what: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"{what} {url!r} is not an http:// or https:// URL")


def _request(method: str, url: str, *, body: bytes | None = None,
             headers: Mapping[str, str] | None = None, session: Session | None = None,
             timeout: float = DEFAULT_TIMEOUT, doing: str = "") -> tuple[int, str, bytes]:
    """Send one request; return (status, content type, body) of a 2xx answer, and raise
    a one-line :class:`RemoteError` for anything else."""
    check_timeout(timeout, "{--timeout}")
    auth = session is not None and session.credentials is not None
    where = f"{method} {_shown(url)}"
    doing = f" while {doing}" if doing else ""
    try:
        response = (session or Session()).request(method, url, body=body, headers=headers,
                                                  timeout=timeout)
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(exc, where, doing, timeout) from None
    if 200 <= response.status < 300:
        return response.status, response.content_type, response.body
    detail = useful_line(response.body, response.content_type,
                         (response.reason, f"{response.status} {response.reason}"))
    hint = ""
    if response.status in (401, 403):
        hint = "; check the credentials ({--auth_env})" if auth or response.status == 401 \
            else "; this store needs credentials ({--auth_env}) or a grant to write"
        if auth and method in ("PUT", "DELETE"):
            hint += " and that this account may write"
    raise RemoteError(f"{where} failed: HTTP {response.status} {response.reason}"
                        + (f": {detail}" if detail else "") + hint)


def _network_error(reason: object, where: str, doing: str, timeout: float) -> RemoteError:
    if isinstance(reason, ConnectionRefusedError):
        return RemoteError(f"{where} failed: connection refused; is the server running "
                             "and the URL right?")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return RemoteError(f"{where} failed: no answer within {timeout:g} s{doing}; "
                             "raise {--timeout} or check the server")
    if isinstance(reason, ssl.SSLError):
        return RemoteError(f"{where} failed: TLS error: {reason.reason or reason}")
    if isinstance(reason, socket.gaierror):
        return RemoteError(f"{where} failed: cannot resolve the host name; check the URL")
    if isinstance(reason, (ConnectionError, http.client.RemoteDisconnected,
                           http.client.IncompleteRead, http.client.BadStatusLine)):
        return RemoteError(f"{where} failed: the server dropped the connection{doing}; "
                             "nothing was confirmed: run the same command again")
    text = str(reason).strip() or type(reason).__name__
    return RemoteError(f"{where} failed: {text}")


# --------------------------------------------------------------------------- SPARQL


def _keyword(sparql: str) -> str:
    """The query form (SELECT, ASK, ...) or update keyword of ``sparql``."""
    # IRIs first: a '#' inside one (…/22-rdf-syntax-ns#) does not start a comment
    text = re.sub(r"<[^<>\s]*>", " <> ", sparql)
    text = re.sub(r"#[^\n]*", " ", text)
    text = re.sub(r"(?is)\b(PREFIX\s+[\w.-]*:\s*<>|BASE\s+<>)", " ", text)
    match = re.search(r"[A-Za-z]+", text)
    return match.group(0).upper() if match else ""


def _with_prefixes(sparql: str, prefixes: Mapping[str, str] | None) -> str:
    if not prefixes:
        return sparql
    # A later PREFIX of the same name wins, so the query's own declarations still rule.
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    return head + sparql


def query_endpoint(url: str, sparql: str, accept: str = _RESULTS_JSON, *,
                   default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
                   auth_env: str | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """POST ``sparql`` to the SPARQL 1.1 Protocol endpoint ``url``; return the server's
    answer (bytes, in the ``accept`` media type). ``default_graphs`` and ``named_graphs``
    become the protocol's default-graph-uri and named-graph-uri parameters."""
    return _query(url, sparql, accept, default_graphs, named_graphs,
                  _credentials(auth_env), timeout)[1]


def _query(url: str, sparql: str, accept: str, default_graphs: Sequence[str],
           named_graphs: Sequence[str], session: Session,
           timeout: float) -> tuple[str, bytes]:
    _check_url(url, "SPARQL endpoint")
    form = [("query", sparql)] + [("default-graph-uri", g) for g in default_graphs] \
        + [("named-graph-uri", g) for g in named_graphs]
    _, content_type, data = _request(
        "POST", url, body=urllib.parse.urlencode(form).encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        session=session, timeout=timeout, doing="running the query")
    return content_type, data


def run_remote_query(url: str, sparql: str, *, prefixes: Mapping[str, str] | None = None,
                     default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
                     auth_env: str | None = None,
                     timeout: float = DEFAULT_TIMEOUT) -> RemoteResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on the endpoint ``url``.

    ``prefixes`` are declared before the query (the query's own declarations win), so
    named queries written for ``heroes-kg query`` run unchanged. Updates are refused.
    """
    keyword = _keyword(sparql)
    if keyword in SPARQL_UPDATE_KEYWORDS:
        raise RemoteError(f"the query is a SPARQL update ({keyword}); only queries can "
                            "be sent to an endpoint")
    graph_form = keyword in ("CONSTRUCT", "DESCRIBE")
    accept = f"{_NTRIPLES}, text/turtle;q=0.5" if graph_form else _RESULTS_JSON
    content_type, data = _query(url, _with_prefixes(sparql, prefixes), accept,
                                default_graphs, named_graphs, _credentials(auth_env),
                                timeout)
    media = content_type.split(";")[0].strip().lower()
    try:
        if graph_form or media in (_NTRIPLES, "text/turtle"):
            fmt = ox.RdfFormat.TURTLE if media == "text/turtle" else ox.RdfFormat.N_TRIPLES
            return RemoteResult("graph", triples=[q.triple for q in ox.parse(data, fmt)])
        parsed = json.loads(data)
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"the answer of {_shown(url)} ({media or 'no content type'}) "
                            f"is not a SPARQL result: {exc}") from None
    if isinstance(parsed, dict) and "boolean" in parsed:
        return RemoteResult("ask", boolean=bool(parsed["boolean"]))
    try:
        variables = [str(v) for v in parsed["head"]["vars"]]
        ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    except (KeyError, TypeError, SyntaxError, ValueError) as exc:
        raise RemoteError(f"the answer of {_shown(url)} is not a SPARQL JSON result: "
                            f"{exc}") from None
    return RemoteResult("select", variables=variables, solutions=data)


# --------------------------------------------------------------------------- push


def endpoints(url: str, query_url: str | None = None) -> tuple[str, str]:
    """The Graph Store endpoint and the SPARQL query endpoint for ``url``.

    ``url`` is the Graph Store endpoint (or the bare address of an Oxigraph server, which
    stands for its /store). The query endpoint is ``query_url`` if given, else derived
    from the layout of a known server (see the README); otherwise it must be given.
    """
    _check_url(url, "endpoint")
    parts = urllib.parse.urlsplit(url)
    path = parts.path
    if path in ("", "/"):
        path = "/store"
        url = urllib.parse.urlunsplit(parts._replace(path=path))
    if query_url:
        _check_url(query_url, "query endpoint")
        return url, query_url
    for suffix, replacement in _LAYOUTS:
        if path.endswith(suffix):
            derived = path[: len(path) - len(suffix)] + replacement
            return url, urllib.parse.urlunsplit(parts._replace(path=derived, query="",
                                                               fragment=""))
    raise RemoteError(f"cannot tell the SPARQL query endpoint of {_shown(url)}; "
                        "give it with {--query_endpoint}")


def _graph_url(store_url: str, graph: str) -> str:
    separator = "&" if urllib.parse.urlsplit(store_url).query else "?"
    return f"{store_url}{separator}graph={urllib.parse.quote(graph, safe='')}"


def _bodies(kg: Graph, graph_iri: str | None) -> list[tuple[str, list[ox.Triple]]]:
    names = (kg.names.facts, kg.names.provenance, kg.names.ontology)
    per_graph = [(g.value, [q.triple for q in kg.store.quads_for_pattern(None, None, None, g)])
                 for g in names]
    if graph_iri is None:
        return per_graph
    merged = sorted({t for _, triples in per_graph for t in triples}, key=str)
    return [(graph_iri, merged)]


def graph_counts(query_url: str, graphs: Sequence[str], *, auth_env: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> dict[str, int]:
    """How many triples the endpoint ``query_url`` holds in each of ``graphs``."""
    return _counts(query_url, graphs, _credentials(auth_env), timeout)


def _counts(query_url: str, graphs: Sequence[str], session: Session,
            timeout: float) -> dict[str, int]:
    values = " ".join(f"<{g}>" for g in graphs)
    sparql = (f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
              "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    _, data = _query(query_url, sparql, _RESULTS_JSON, (), (), session, timeout)
    counts = dict.fromkeys(graphs, 0)
    try:
        for row in json.loads(data)["results"]["bindings"]:
            counts[row["g"]["value"]] = int(row["n"]["value"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RemoteError(f"the answer of {_shown(query_url)} to a triple count is not a "
                            f"SPARQL JSON result: {exc}") from None
    return counts


def push(kg: Graph, endpoint: str, graph_iri: str | None = None,
         auth_env: str | None = None, dry_run: bool = False, *,
         query_url: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> PushReport:
    """Publish ``kg`` to the Graph Store endpoint ``endpoint``: one PUT of N-Triples per
    named graph (facts, provenance, ontology; or all of them into ``graph_iri``), then
    count the triples on the server and compare with the local graph.

    ``auth_env`` names an environment variable holding ``user:password`` for HTTP basic
    authentication. ``dry_run`` prepares everything and sends nothing.
    """
    store_url, query_url = endpoints(endpoint, query_url)
    if graph_iri is not None:
        _check_iri(graph_iri)
    check_timeout(timeout, "{--timeout}")
    session = _credentials(auth_env)
    report = PushReport(_shown(store_url), _shown(query_url), dry_run=dry_run)
    bodies = []
    for iri, triples in _bodies(kg, graph_iri):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        bodies.append((iri, len(triples), body))
    if dry_run:
        report.graphs = [GraphPush(iri, n, len(body)) for iri, n, body in bodies]
        return report
    statuses = {}
    for iri, n, body in bodies:
        status, _, _ = _request(
            "PUT", _graph_url(store_url, iri), body=body,
            headers={"Content-Type": _NTRIPLES}, session=session, timeout=timeout,
            doing=f"sending graph <{iri}> ({n} triples)")
        statuses[iri] = status
    remote = _counts(query_url, [iri for iri, _, _ in bodies], session, timeout)
    report.graphs = [GraphPush(iri, n, len(body), statuses[iri], remote[iri])
                     for iri, n, body in bodies]
    for graph in report.graphs:
        if graph.remote_triples != graph.triples:
            raise RemoteError(
                f"after the push the server holds {graph.remote_triples} triples in "
                f"<{graph.iri}>, but the local graph has {graph.triples}; the store may "
                "have changed them (check its default-graph and inference settings) or "
                "another client wrote to it: push again")
    return report


def _check_iri(iri: str) -> None:
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise RemoteError(f"graph IRI {iri!r} is not a valid IRI: {exc}") from None
    if not urllib.parse.urlsplit(iri).scheme:
        raise RemoteError(f"graph IRI {iri!r} must be absolute (start with a scheme such "
                            "as https:)")
