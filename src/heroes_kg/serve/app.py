"""Serve: a read-only SPARQL 1.1 endpoint over the built graph.

:func:`serve` takes a snapshot of the built graph into a store of its own, starts the real
Oxigraph server (``oxigraph serve-read-only``, from the ``oxigraph`` package) on it on an
internal port, and puts a small proxy in front on the public port. The proxy serves an
index page, the files in exports/ (the network view among them) and the named queries,
forwards SPARQL queries to Oxigraph, refuses every update with 403, and stops queries that
run past the time limit.

In the served store the default graph is the facts and provenance graphs together (what
``heroes-kg query`` sees); the named graphs facts, provenance and ontology are there too.
"""

from __future__ import annotations

import html
import http.client
import http.server
import math
import mimetypes
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

from .. import vocab as _vocab
from ..errors import HeroesKGError, ServeError
from ..project import Project

__all__ = ["Server", "find_oxigraph", "serve"]

#: Oxigraph writes this after the partial answer of a query it stopped.
_CANCELLED = b"The SPARQL operation has been cancelled"
_UPDATE_TYPES = ("application/sparql-update",)
_MEDIA_TYPES = {".rq": "application/sparql-query", ".ttl": "text/turtle",
                ".nt": "application/n-triples", ".nq": "application/n-quads",
                ".trig": "application/trig", ".jsonld": "application/ld+json",
                ".graphml": "application/xml", ".gexf": "application/xml"}


def find_oxigraph() -> str:
    """The path of the ``oxigraph`` server program."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = shutil.which("oxigraph") or (str(beside) if beside.is_file() else None)
    if not found:
        raise HeroesKGError("the 'oxigraph' server program is not installed (it is a "
                            "dependency of heroes-kg); install it with: "
                            "python3 -m pip install oxigraph")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _snapshot(project: Project, folder: Path) -> None:
    """Copy the built graph into a new store at ``folder``: the named graphs as they are,
    and facts + provenance again as the default graph.

    The copy goes through one N-Quads dump and Oxigraph's bulk loader, in slices: no
    Python object per quad, and little memory (a million triples: about 30 s, 0.5 GB;
    a Python list of the quads took 2.8 GB)."""
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
        raise HeroesKGError(f"cannot start the Oxigraph server: {box['error']}")
    child: subprocess.Popen[bytes] = box["child"]
    return child


class Server:
    """A running endpoint: ``urls`` to print, :meth:`serve_forever`, :meth:`close`.

    Use it as a context manager; leaving the block stops Oxigraph and removes the
    snapshot.
    """

    def __init__(self, project: Project, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 30.0) -> None:
        if timeout <= 0:
            raise ServeError(f"{{--timeout}} must be a positive number of seconds, "
                                f"not {timeout:g}")
        self.project = project
        self.timeout = timeout
        self._child: subprocess.Popen[bytes] | None = None
        self._folder: Path | None = None
        self._thread: threading.Thread | None = None
        self._program = ""
        self._lock = threading.Lock()
        self._generation = 0
        self._pool: list[http.client.HTTPConnection] = []
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
        try:
            self._start_backend()
        except BaseException:
            self.close()
            raise

    # -- lifecycle

    def _start_backend(self) -> None:
        self._program = find_oxigraph()
        self._folder = Path(tempfile.mkdtemp(prefix="heroes-kg-serve-"))
        _snapshot(self.project, self._folder / "store")
        self._launch()

    def _launch(self) -> None:
        assert self._folder is not None
        self.backend_port = _free_port()
        child = _spawn([self._program, "serve-read-only",
                        "--location", str(self._folder / "store"),
                        "--bind", f"127.0.0.1:{self.backend_port}",
                        "--timeout-s", str(max(1, math.ceil(self.timeout)))],
                       self._folder / "oxigraph.log")
        self._child = child
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if child.poll() is not None:
                text = (self._folder / "oxigraph.log").read_text("utf-8", "replace").strip()
                last = text.splitlines()[-1] if text else f"exit code {child.returncode}"
                raise HeroesKGError(f"the Oxigraph server did not start: {last}")
            try:
                socket.create_connection(("127.0.0.1", self.backend_port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise HeroesKGError("the Oxigraph server did not start within 15 s")

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
        connections are reused, which roughly halves the cost of a proxied query."""
        with self._lock:
            if self._pool and not fresh:
                return self._generation, self._pool.pop(), True
            generation, port = self._generation, self.backend_port
        return generation, http.client.HTTPConnection("127.0.0.1", port,
                                                      timeout=self.timeout + 0.5), False

    def release(self, generation: int, connection: http.client.HTTPConnection) -> None:
        """Hand back a connection whose answer was read in full."""
        with self._lock:
            if generation == self._generation and len(self._pool) < 32:
                self._pool.append(connection)
                return
        connection.close()

    def _drop_pool(self) -> None:
        for connection in self._pool:
            connection.close()
        self._pool.clear()

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
        return found

    # -- content

    def queries(self) -> list[tuple[str, str]]:
        """(name, first comment line) of each named query in queries/."""
        folder = self.project.queries_dir
        found = []
        for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
            title = ""
            for line in path.read_text("utf-8", "replace").splitlines():
                if line.startswith("#"):
                    title = line.lstrip("# ").strip()
                    if title:
                        break
                elif line.strip():
                    break
            found.append((path.stem, title))
        return found

    def exports(self) -> list[str]:
        folder = self.project.exports_dir
        return sorted(p.name for p in folder.iterdir() if p.is_file()
                      and not p.name.startswith(".")) if folder.is_dir() else []

    def index_page(self) -> bytes:
        e = html.escape
        endpoint = self.endpoint_url
        example = urllib.parse.quote(
            f"SELECT ?name WHERE {{ ?p a <{_vocab.HEROES}Actor> ; <{_vocab.SCHEMA}name> ?name }}"
            " ORDER BY ?name")
        items = []
        if "view" in self.urls:
            items.append('<li><a href="heroes.html">The network view</a> (heroes.html)</li>')
        queries = "".join(
            f'<li><a href="queries/{e(urllib.parse.quote(name))}.rq">{e(name)}</a>'
            f'{" — " + e(title) if title else ""}</li>' for name, title in self.queries())
        exports = "".join(f'<li><a href="exports/{e(urllib.parse.quote(name))}">{e(name)}</a>'
                          "</li>" for name in self.exports())
        page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>heroes-kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}}
code,pre{{background:#f3f3f3;padding:0.1em 0.3em}}</style></head><body>
<h1>heroes-kg</h1>
<p>Read-only SPARQL 1.1 endpoint: <code>{e(endpoint)}</code> (GET or POST; updates are
refused; a query may run {self.timeout:g} s at most). The default graph holds the facts and
their provenance; the named graphs are <code>…/graph/facts</code>,
<code>…/graph/provenance</code> and <code>…/graph/ontology</code>.</p>
<p>Try: <a href="query?query={e(example)}">the actors in the graph</a>, or</p>
<pre>curl -H 'Accept: text/csv' \\
  --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' \\
  {e(endpoint)}</pre>
<ul>{"".join(items)}</ul>
<h2>Named queries</h2>
<ul>{queries or "<li>(none: queries/ has no .rq files)</li>"}</ul>
<h2>Exports</h2>
<ul>{exports or "<li>(none yet: run heroes-kg build)</li>"}</ul>
</body></html>
"""
        return page.encode("utf-8")


class _ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    app: Server


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _ProxyServer
    protocol_version = "HTTP/1.1"
    server_version = "heroes-kg"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the library does not print."""

    # -- answers

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self) -> None:
        self._send(403, b"This endpoint is read-only: SPARQL updates and Graph Store "
                        b"writes are refused. Change seeds/ and run 'heroes-kg build'.\n")

    def _file(self, path: Path) -> None:
        if not path.is_file():
            self._send(404, b"Not found.\n")
            return
        media = _MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] \
            or "application/octet-stream"
        if media.startswith("text/") or media.endswith(("html", "json", "xml")) \
                or media == "application/sparql-query":
            media += "; charset=utf-8"
        self._send(200, path.read_bytes(), media)

    # -- routes

    def _route(self) -> None:
        app = self.server.app
        parts = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(parts.path)
        if path == "/update" or path.startswith("/update/"):
            self._refuse()
        elif path == "/query":
            self._query(parts.query)
        elif path == "/store":
            if self.command in ("GET", "HEAD"):
                self._forward("/store", parts.query, b"")
            else:
                self._refuse()
        elif self.command not in ("GET", "HEAD"):
            self._send(405, b"Only GET here; SPARQL queries go to /query.\n",
                       extra={"Allow": "GET, HEAD"})
        elif path in ("/", "/index.html"):
            self._send(200, app.index_page(), "text/html; charset=utf-8")
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
        body = b""
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media in _UPDATE_TYPES:
                self._refuse()
                return
            if media == "application/x-www-form-urlencoded" and "update" in \
                    urllib.parse.parse_qs(body.decode("utf-8", "replace")):
                self._refuse()
                return
        elif self.command not in ("GET", "HEAD"):
            self._send(405, b"SPARQL queries use GET or POST.\n", extra={"Allow": "GET, POST"})
            return
        if "update" in urllib.parse.parse_qs(query_string):
            self._refuse()
            return
        self._forward("/query", query_string, body)

    def _forward(self, path: str, query_string: str, body: bytes) -> None:
        app = self.server.app
        target = path + (f"?{query_string}" if query_string else "")
        headers = {name: value for name in ("Accept", "Content-Type")
                   if (value := self.headers.get(name))}
        deadline = time.monotonic() + app.timeout
        generation, connection, reused = app.connection()
        chunks: list[bytes] = []
        try:
            try:
                connection.request(self.command, target, body=body or None, headers=headers)
                response = connection.getresponse()
            except (ConnectionError, http.client.RemoteDisconnected):
                if not reused:
                    raise
                connection.close()  # Oxigraph closed an idle kept-alive connection
                generation, connection, _ = app.connection(fresh=True)
                connection.request(self.command, target, body=body or None, headers=headers)
                response = connection.getresponse()
            while chunk := response.read(1 << 16):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError
        except TimeoutError:
            connection.close()
            app.stop_runaway(generation)
            self._too_long()
            return
        except (OSError, http.client.HTTPException):
            connection.close()
            if app.backend()[0] != generation:
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
        extra = {}
        if response.status == 405 and response.getheader("Allow"):
            extra["Allow"] = response.getheader("Allow") or ""
        self._send(response.status, data,
                   response.getheader("Content-Type") or "application/octet-stream", extra)

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


def _plain_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")


def serve(project: Project, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 30.0) -> Server:
    """Start a read-only SPARQL endpoint over ``project``'s built graph (rebuilt first if
    the seeds changed). Call ``serve_forever()`` or ``start()`` on the result, and
    ``close()`` (or use it in a ``with`` block) to stop it."""
    return Server(project, host, port, timeout)
