"""Serve: a read-only SPARQL 1.1 endpoint over the built graph.

:func:`serve` takes a snapshot of the built graph into a store of its own, starts the real
Oxigraph server (``oxigraph serve-read-only``, from the ``oxigraph`` package) on it on an
internal port, and puts a small proxy in front on the public port. The proxy serves an
workbench (:mod:`heroes_kg.serve._workbench`: a query editor, the named queries, entity pages,
and with ``curate`` the review screen), the files in exports/ and the named queries,
forwards SPARQL queries to Oxigraph, refuses every update with 403, and stops queries that
run past the time limit. The proxy also opens the snapshot itself, read-only, for what the
pages draw from the graph (names, quotes, the network view).

The endpoint is public, so the proxy reads every query before Oxigraph does
(:mod:`heroes_kg.query.guard`): a query nested too deep or too large for the parser is refused
with 400, and so is ``SERVICE`` (Oxigraph would send HTTP requests wherever a client asks,
into the host's private network too) unless the server was started with
``allow_service=True``. Malformed requests get 400, a client that hangs up or stalls is
dropped quietly, and a backend that died is started again for the next request.

In the served store the default graph is the facts and provenance graphs together (what
``heroes-kg query`` sees); the named graphs facts, provenance and ontology are there too.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import math
import mimetypes
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import ServeError
from ..project import Project
from ..query import QueryRefused, check_query
from ..query.engine import KnowledgeGraph
from ..vocab import Names
from . import _workbench

__all__ = ["Server", "find_oxigraph", "serve"]

#: Oxigraph writes this after the partial answer of a query it stopped.
_CANCELLED = b"The SPARQL operation has been cancelled"
_UPDATE_TYPES = ("application/sparql-update",)
_QUERY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")
#: The longest query text the endpoint accepts, in characters, and request body, in bytes.
MAX_QUERY_CHARS = 100_000
MAX_BODY_BYTES = 1 << 20
#: Seconds a client may take to send its request (or keep an idle connection open).
CLIENT_TIMEOUT = 30.0
#: A kept-alive connection to Oxigraph idle longer than this (or half Oxigraph's
#: --timeout-s, which it also applies to reading a request) is not reused: Oxigraph has
#: given up on it, and answers the next query on it with HTTP 500 (os error 11).
_IDLE_REUSE = 2.0
_SNAPSHOT_PREFIX = "heroes-kg-serve-"
_MEDIA_TYPES = {".rq": "text/plain", ".ttl": "text/turtle",
                ".nt": "application/n-triples", ".nq": "application/n-quads",
                ".trig": "application/trig", ".jsonld": "application/ld+json",
                ".graphml": "application/xml", ".gexf": "application/xml"}


def find_oxigraph() -> str:
    """The path of the ``oxigraph`` server program."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = shutil.which("oxigraph") or (str(beside) if beside.is_file() else None)
    if not found:
        raise ServeError("the 'oxigraph' server program is not installed (it is a "
                         "dependency of heroes-kg); install it with: "
                         "python3 -m pip install oxigraph")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _snapshot(project: Project, folder: Path) -> list[str]:
    """Copy the built graph into a new store at ``folder``: the named graphs as they are,
    and facts + provenance again as the default graph.

    The copy goes through one N-Quads dump and Oxigraph's bulk loader, in slices: no
    Python object per quad, and little memory (a million triples: about 30 s, 0.5 GB;
    a Python list of the quads took 2.8 GB). Returns what had to be repaired to open the
    built graph (see ``Graph.notes``)."""
    from ..pipeline import open_graph
    from ..rdf.store import BULK_SLICE, read_slices

    with open_graph(project) as kg, tempfile.TemporaryDirectory(prefix="heroes-kg-") as tmp:
        store = ox.Store(str(folder))
        dump = Path(tmp) / "graph.nq"
        kg.store.dump(str(dump), format=ox.RdfFormat.N_QUADS)  # reading RocksDB: once
        # A data graph's name ends its lines (a literal cannot hold a raw newline):
        # dropping it puts the same triple in the default graph.
        # Only those lines: loading the ontology's blank nodes twice would duplicate them.
        ends = tuple(f" <{graph.value}> .\n".encode() for graph in kg.data_graphs)
        with open(dump, "rb") as handle:  # in slices: the loader's memory stays small
            for piece in read_slices(handle, BULK_SLICE):
                store.bulk_load(piece, format=ox.RdfFormat.N_QUADS)
                data = b"".join(line for line in piece.splitlines(keepends=True)
                                if line.endswith(ends))
                for end in ends:
                    data = data.replace(end, b" .\n")
                store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        return list(kg.notes)


def _parent_death_signal() -> Callable[[], None] | None:
    """On Linux, a function that asks the kernel to send SIGTERM to the calling (forked)
    process when the thread that started it ends, so Oxigraph never outlives heroes-kg,
    even when heroes-kg is killed outright."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def arm() -> None:
        prctl(pr_set_pdeathsig, signal.SIGTERM)

    return arm


def _spawn(args: list[str], log_path: Path) -> subprocess.Popen[bytes]:
    """Start ``args`` from a thread that lives exactly as long as the child (the parent
    death signal is tied to the starting thread, not the process)."""
    started = threading.Event()
    box: dict[str, Any] = {}
    arm = _parent_death_signal()

    def keeper() -> None:
        try:
            with open(log_path, "wb") as log:
                box["child"] = subprocess.Popen(
                    args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                    start_new_session=True, preexec_fn=arm)
        except BaseException as exc:  # handed to the starting thread
            box["error"] = exc
            started.set()
            return
        started.set()
        box["child"].wait()

    threading.Thread(target=keeper, name="heroes-kg-oxigraph", daemon=True).start()
    started.wait()
    if "error" in box:
        raise ServeError(f"cannot start the Oxigraph server: {box['error']}")
    child: subprocess.Popen[bytes] = box["child"]
    return child


class Server:
    """A running endpoint: ``urls`` to print, :meth:`serve_forever`, :meth:`close`.

    Use it as a context manager; leaving the block stops Oxigraph and removes the
    snapshot.
    """

    def __init__(self, project: Project, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 30.0, *, cors: str | None = None,
                 curate: bool = False, allow_service: bool = False) -> None:
        if not (math.isfinite(timeout) and timeout > 0):
            raise ServeError(f"{{--timeout}} must be a positive number of seconds, "
                                f"not {timeout:g}")
        if curate and host != "127.0.0.1":
            raise ServeError(f"{{--curate}} serves a screen that writes seeds/facts/, so it "
                             f"listens on 127.0.0.1 only, not {host}; drop {{--host}}")
        if cors is not None and cors != "*" and not _is_origin(cors):
            raise ServeError(f"{{--cors}} takes an origin such as http://localhost:3000 "
                             f"(scheme, host and port, no path) or '*', not {cors!r}")
        self.project = project
        self.timeout = timeout
        self.cors = cors
        #: The secret in the review screen's URL; None when nothing may write.
        self.token = secrets.token_urlsafe(18) if curate else None
        #: The snapshot the backend serves, opened read-only for the pages.
        self.graph: KnowledgeGraph | None = None
        self.allow_service = allow_service
        self._backend_timeout = max(1, math.ceil(timeout))
        self._idle_reuse = min(_IDLE_REUSE, self._backend_timeout / 2)
        self._child: subprocess.Popen[bytes] | None = None
        self._folder: Path | None = None
        self._thread: threading.Thread | None = None
        self._program = ""
        self._lock = threading.Lock()
        self._generation = 0
        self._pool: list[tuple[float, http.client.HTTPConnection]] = []
        try:
            self._httpd = _ProxyServer((host, port), _Handler)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ServeError(f"cannot listen on {host}:{port}: {reason}; choose another "
                             "{--port} (or {--host})") from None
        self._httpd.app = self
        self.host = host
        self.port = int(self._httpd.server_address[1])
        self.backend_port = 0
        #: What had to be repaired to open the built graph, for the user to hear.
        self.notes: list[str] = []
        try:
            self._start_backend()
        except BaseException:
            self.close()
            raise

    # -- lifecycle

    def _start_backend(self) -> None:
        self._program = find_oxigraph()
        _remove_stale_snapshots()
        self._folder = Path(tempfile.mkdtemp(prefix=f"{_SNAPSHOT_PREFIX}{os.getpid()}-"))
        self.notes = _snapshot(self.project, self._folder / "store")
        self.graph = _open_snapshot(self.project, self._folder / "store")
        self._launch()

    def reload(self) -> None:
        """Serve a new snapshot of the project's graph (after a build): the new store is
        copied first, then swapped in; queries in flight get 503 and may be sent again."""
        folder = Path(tempfile.mkdtemp(prefix="heroes-kg-serve-"))
        try:
            _snapshot(self.project, folder / "store")
            graph = _open_snapshot(self.project, folder / "store")
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        with self._lock:
            old, self._folder = self._folder, folder
            self._drop_pool()
            self._stop_child()
            self.graph = graph
            self._launch()
            self._generation += 1
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _launch(self) -> None:
        assert self._folder is not None
        self.backend_port = _free_port()
        child = _spawn([self._program, "serve-read-only",
                        "--location", str(self._folder / "store"),
                        "--bind", f"127.0.0.1:{self.backend_port}",
                        "--timeout-s", str(self._backend_timeout)],
                       self._folder / "oxigraph.log")
        self._child = child
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if child.poll() is not None:
                text = (self._folder / "oxigraph.log").read_text("utf-8", "replace").strip()
                last = text.splitlines()[-1] if text else f"exit code {child.returncode}"
                raise ServeError(f"the Oxigraph server did not start: {last}")
            try:
                socket.create_connection(("127.0.0.1", self.backend_port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise ServeError("the Oxigraph server did not start within 15 s")

    def _stop_child(self) -> None:
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def backend(self) -> tuple[int, int]:
        """(generation, port) of the Oxigraph server answering now."""
        with self._lock:
            return self._generation, self.backend_port

    def connection(self, fresh: bool = False) -> tuple[int, http.client.HTTPConnection, bool]:
        """(generation, connection to Oxigraph, whether it was used before): kept-alive
        connections are reused, which roughly halves the cost of a proxied query; those
        idle for long are closed instead."""
        with self._lock:
            now = time.monotonic()
            while self._pool and not fresh:
                released, connection = self._pool.pop()
                if now - released < self._idle_reuse:
                    return self._generation, connection, True
                connection.close()
            generation, port = self._generation, self.backend_port
        return generation, http.client.HTTPConnection("127.0.0.1", port,
                                                      timeout=self.timeout + 0.5), False

    def release(self, generation: int, connection: http.client.HTTPConnection) -> None:
        """Hand back a connection whose answer was read in full."""
        with self._lock:
            if generation == self._generation and len(self._pool) < 32:
                self._pool.append((time.monotonic(), connection))
                return
        connection.close()

    def _drop_pool(self) -> None:
        for _, connection in self._pool:
            connection.close()
        self._pool.clear()

    def revive(self, generation: int, wait: float = 0.0) -> bool:
        """Start Oxigraph again if it died (a request may have crashed it), waiting up
        to ``wait`` seconds to see it end; True if it had died."""
        with self._lock:
            child = self._child
            if generation != self._generation or self._folder is None or child is None:
                return False
            if wait:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(wait)
            if child.poll() is None:
                return False
            self._drop_pool()
            self._stop_child()
            self._launch()
            self._generation += 1
            return True

    def stop_runaway(self, generation: int) -> None:
        """Restart Oxigraph: the one way to stop a query it keeps computing past its own
        timeout (aggregates over huge joins do). Queries in flight then fail with 503."""
        with self._lock:
            if generation != self._generation or self._folder is None:
                return
            self._drop_pool()
            self._stop_child()
            self._launch()
            self._generation += 1

    def serve_forever(self) -> None:
        """Answer requests until :meth:`close` (from another thread) or Ctrl-C."""
        self._httpd.serve_forever(poll_interval=0.2)

    def start(self) -> Server:
        """Answer requests in a background thread."""
        self._thread = threading.Thread(target=self.serve_forever, name="heroes-kg-serve",
                                        daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop answering, stop Oxigraph and remove the snapshot."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()
        with self._lock:
            self._drop_pool()
            self._stop_child()
            self.graph = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- addresses

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def endpoint_url(self) -> str:
        return self.url + "query"

    @property
    def backend_url(self) -> str:
        """Oxigraph's own query endpoint behind the proxy (for benchmarks)."""
        return f"http://127.0.0.1:{self.backend_port}/query"

    @property
    def urls(self) -> dict[str, str]:
        """What to tell the user: the page, the SPARQL endpoint, the network view."""
        found = {"page": self.url, "sparql": self.endpoint_url}
        if (self.project.exports_dir / "heroes.html").is_file():
            found["view"] = self.url + "heroes.html"
        if self.token is not None:
            found["curate"] = f"{self.url}curate?token={self.token}"
        return found

    # -- content

    def exports(self) -> list[str]:
        folder = self.project.exports_dir
        return sorted(p.name for p in folder.iterdir() if p.is_file()
                      and not p.name.startswith(".")) if folder.is_dir() else []


def _remove_stale_snapshots() -> None:
    """Remove the snapshots of endpoints whose process is gone (killed outright, no
    clean-up ran)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_SNAPSHOT_PREFIX}*-*"):
        pid = folder.name[len(_SNAPSHOT_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


class _BadRequest(Exception):
    """A request the endpoint answers with ``status`` and ``message``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    app: Server

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or stalls is no news: nothing is printed. Anything else
        is one line on stderr, not a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        print(f"heroes-kg serve: request from {client_address[0]} failed: "
              f"{type(error).__name__}: {error}", file=sys.stderr)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _ProxyServer
    protocol_version = "HTTP/1.1"
    server_version = "heroes-kg"
    timeout = CLIENT_TIMEOUT
    # An unreadable request line is answered with a status line too (not as HTTP/0.9).
    default_request_version = "HTTP/1.0"
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s: %(explain)s\n"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the library does not print."""

    # -- answers

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        headers = self._cors_headers()
        for name, value in (extra or {}).items():
            headers[name] = f"{headers[name]}, {value}" if name == "Vary" and \
                name in headers else value
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self) -> None:
        self._send(403, b"This endpoint is read-only: SPARQL updates and Graph Store "
                        b"writes are refused. Change seeds/ and run 'heroes-kg build'.\n")

    def _cors_headers(self) -> dict[str, str]:
        """CORS headers for a query or an RDF resource when --cors allows the origin."""
        allowed = self.server.app.cors
        path = urllib.parse.urlsplit(self.path).path
        if allowed is None or not (path == "/query" or path.startswith("/resource/")):
            return {}
        origin = self.headers.get("Origin")
        if allowed != "*" and origin != allowed:
            return {"Vary": "Origin"}
        return {"Access-Control-Allow-Origin": allowed, "Vary": "Origin",
                "Access-Control-Expose-Headers": "Content-Type, Content-Length"}

    def _options(self, path: str) -> None:
        """The answer to OPTIONS, a CORS preflight among them."""
        methods = "GET, HEAD, POST, OPTIONS" if path == "/query" else "GET, HEAD, OPTIONS"
        extra = {"Allow": methods}
        if self._cors_headers().get("Access-Control-Allow-Origin"):
            extra.update({"Access-Control-Allow-Methods": methods,
                          "Access-Control-Allow-Headers": "Accept, Content-Type",
                          "Access-Control-Max-Age": "600"})
        self._send(204, b"", extra=extra)

    def _file(self, path: Path) -> None:
        if not path.is_file():
            self._send(404, b"Not found.\n")
            return
        media = _MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] \
            or "application/octet-stream"
        if path.suffix == ".rq" and "application/sparql-query" in \
                (self.headers.get("Accept") or ""):
            media = "application/sparql-query"
        if media.startswith("text/") or media.endswith(("html", "json", "xml")) \
                or media == "application/sparql-query":
            media += "; charset=utf-8"
        self._send(200, path.read_bytes(), media)

    # -- routes

    def _route(self) -> None:
        app = self.server.app
        parts = urllib.parse.urlsplit(self.path)
        if (self.headers.get("Content-Length") or self.headers.get("Transfer-Encoding")) \
                and parts.path != "/query":
            self.close_connection = True  # a body left unread must not become a request
        path = urllib.parse.unquote(parts.path)
        if self.command == "OPTIONS":
            self._options(path)
        elif path == "/update" or path.startswith("/update/"):
            self._refuse()
        elif path == "/query":
            self._query(parts.query)
        elif path == "/store":
            if self.command in ("GET", "HEAD"):
                self._forward("/store", parts.query, b"")
            else:
                self._refuse()
        elif _workbench.answer(self, path, parts.query):
            pass
        elif self.command not in ("GET", "HEAD"):
            self._send(405, b"Only GET here; SPARQL queries go to /query.\n",
                       extra={"Allow": "GET, HEAD"})
        elif path == "/heroes.html":
            self._file(app.project.exports_dir / "heroes.html")
        elif path.startswith("/exports/") and _plain_name(path[len("/exports/"):]):
            self._file(app.project.exports_dir / path[len("/exports/"):])
        elif path.startswith("/queries/") and path.endswith(".rq") \
                and _plain_name(path[len("/queries/"):]):
            self._file(app.project.queries_dir / path[len("/queries/"):])
        else:
            self._send(404, b"Not found. The SPARQL endpoint is /query.\n")

    def _query(self, query_string: str) -> None:
        try:
            body = self._body()
            self._check(query_string, body)
        except _BadRequest as bad:
            if bad.status == 403:
                self._refuse()
            else:
                self.close_connection = self.close_connection or bad.status in (411, 413)
                self._send(bad.status, (bad.message + "\n").encode("utf-8"),
                           extra={"Allow": "GET, POST"} if bad.status == 405 else None)
            return
        self._forward("/query", query_string, body)

    def _body(self) -> bytes:
        """The request's body, read in full; malformed framing is a 400."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise _BadRequest(411, "Send the body with a Content-Length, not "
                                   "Transfer-Encoding.")
        values = self.headers.get_all("Content-Length") or []
        if not values:
            return b""
        if len(set(values)) != 1 or not values[0].strip().isdigit():
            self.close_connection = True  # the body's end is unknown: drop the connection
            raise _BadRequest(400, f"Bad Content-Length {', '.join(values)!r}: it must be "
                                   "one whole number of bytes.")
        length = int(values[0])
        if length > MAX_BODY_BYTES:
            raise _BadRequest(413, f"The request body is {length} bytes, more than the "
                                   f"{MAX_BODY_BYTES} this endpoint accepts.")
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            self.close_connection = True
            raise ConnectionResetError("the client sent less than its Content-Length")
        return body

    def _check(self, query_string: str, body: bytes) -> None:
        """Refuse updates, malformed requests and queries the guard refuses."""
        app = self.server.app
        texts: list[str] = []
        try:
            url_params = urllib.parse.parse_qs(query_string, keep_blank_values=True,
                                               errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise _BadRequest(400, "The URL's parameters are not valid UTF-8.") from None
        if "update" in url_params:
            raise _BadRequest(403, "")
        texts += url_params.get("query", [])
        if self.command == "POST":
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media in _UPDATE_TYPES:
                raise _BadRequest(403, "")
            if media not in _QUERY_TYPES:
                raise _BadRequest(415, "POST a query as application/sparql-query or as the "
                                       "form field query= (application/x-www-form-"
                                       "urlencoded).")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise _BadRequest(400, "The request body is not valid UTF-8.") from None
            if media == "application/sparql-query":
                texts.append(text)
            else:
                form = urllib.parse.parse_qs(text, keep_blank_values=True)
                if "update" in form:
                    raise _BadRequest(403, "")
                texts += form.get("query", [])
        elif self.command not in ("GET", "HEAD"):
            raise _BadRequest(405, "SPARQL queries use GET or POST.")
        if not texts and self.command in ("GET", "HEAD"):
            return  # no query: the service description
        if len(texts) != 1:
            raise _BadRequest(400, "Send exactly one query (the parameter query=, or a "
                                   f"body of type application/sparql-query), not {len(texts)}.")
        try:
            check_query(texts[0], max_chars=MAX_QUERY_CHARS, allow_service=app.allow_service)
        except QueryRefused as refused:
            message = refused.message[0].upper() + refused.message[1:]
            raise _BadRequest(400, message + ".") from None

    def _forward(self, path: str, query_string: str, body: bytes) -> None:
        app = self.server.app
        target = path + (f"?{query_string}" if query_string else "")
        method = "GET" if self.command == "HEAD" else self.command
        headers = {name: value for name in ("Accept", "Content-Type")
                   if (value := self.headers.get(name))}
        deadline = time.monotonic() + app.timeout
        app.revive(app.backend()[0])  # it died since the last request
        generation, connection, reused = app.connection()
        chunks: list[bytes] = []

        def ask(connection: http.client.HTTPConnection) -> http.client.HTTPResponse:
            connection.request(method, target, body=body or None, headers=headers)
            return connection.getresponse()

        try:
            try:
                response = ask(connection)
            except (ConnectionError, http.client.RemoteDisconnected):
                if not reused:
                    raise
                connection.close()  # Oxigraph closed an idle kept-alive connection
                generation, connection, reused = app.connection(fresh=True)
                response = ask(connection)
            while chunk := response.read(1 << 16):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError
            if reused and response.status == 500 and b"os error 11" in b"".join(chunks):
                # Oxigraph timed out waiting on this kept-alive connection: ask afresh.
                connection.close()
                generation, connection, reused = app.connection(fresh=True)
                response = ask(connection)
                chunks = [response.read()]
        except TimeoutError:
            connection.close()
            app.stop_runaway(generation)
            self._too_long()
            return
        except (OSError, http.client.HTTPException):
            connection.close()
            if app.revive(generation, wait=1.0):
                self._send(502, b"The SPARQL backend (Oxigraph) failed on this request and "
                                b"was started again; later requests are served.\n")
            elif app.backend()[0] != generation:
                self._send(503, b"The SPARQL backend was restarted to stop a runaway query; "
                                b"send the query again.\n")
            else:
                self._send(502, b"The SPARQL backend (Oxigraph) did not answer.\n")
            return
        if response.will_close:
            connection.close()
        else:
            app.release(generation, connection)
        data = b"".join(chunks)
        if data.endswith(_CANCELLED):
            self._too_long()
            return
        if path == "/query" and not body and "query=" not in query_string:
            # The service description names the endpoint: ours, not Oxigraph's.
            data = data.replace(f"http://127.0.0.1:{app.backend()[1]}/".encode(),
                                self._public_base().encode())
        extra = {}
        if response.status == 405 and response.getheader("Allow"):
            extra["Allow"] = response.getheader("Allow") or ""
        self._send(response.status, data,
                   response.getheader("Content-Type") or "application/octet-stream", extra)

    def _public_base(self) -> str:
        """This server's base URL as the client addressed it."""
        host = self.headers.get("Host")
        if host and re.fullmatch(r"[\w.\-\[\]:]+", host):
            return f"http://{host}/"
        return self.server.app.url

    def _too_long(self) -> None:
        self._send(503, f"The query ran past the time limit of {self.server.app.timeout:g} s "
                        "and was stopped; narrow it (a LIMIT, more specific patterns).\n"
                   .encode())

    def do_GET(self) -> None:
        self._route()

    do_HEAD = do_GET
    do_POST = do_GET
    do_PUT = do_GET
    do_DELETE = do_GET
    do_PATCH = do_GET
    do_OPTIONS = do_GET


def _is_origin(value: str) -> bool:
    return bool(re.fullmatch(r"https?://[^/\s?#]+", value))


def _open_snapshot(project: Project, path: Path) -> KnowledgeGraph:
    return KnowledgeGraph(ox.Store.read_only(str(path)), Names(project.base_iri), project)


def _plain_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")


def serve(project: Project, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 30.0, *, cors: str | None = None, curate: bool = False,
          allow_service: bool = False) -> Server:
    """Start a read-only SPARQL endpoint and the workbench over ``project``'s built graph
    (rebuilt first if the seeds changed). ``cors`` lets pages from that origin (or '*')
    query it; ``curate`` adds the review screen, the one part that writes (to
    seeds/facts/), behind a random token, on 127.0.0.1 only. Call ``serve_forever()`` or
    ``start()`` on the result, and ``close()`` (or use it in a ``with`` block) to stop
    it.

    ``allow_service`` lets queries call other endpoints with SERVICE: the server then
    makes HTTP requests wherever a client's query says, so keep it for trusted local
    use."""
    return Server(project, host, port, timeout, cors=cors, curate=curate,
                  allow_service=allow_service)
