"""push and query --endpoint against hostile or broken servers on 127.0.0.1: redirects
elsewhere, trickling answers, HTML error pages, impossible time limits."""

from __future__ import annotations

import http.server
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_kg._http import MAX_REDIRECTS, Credentials, Session, useful_line
from heroes_kg.errors import HeroesKGError
from heroes_kg.pipeline import open_graph
from heroes_kg.project import find_project
from heroes_kg.remote import push, run_remote_query

pytestmark = pytest.mark.server

ASK_TRUE = b'{"head":{},"boolean":true}'


class Scripted:
    """An HTTP server on 127.0.0.1 that answers each path as ``routes`` says and records
    every request (method, path, Authorization header)."""

    def __init__(self, routes: dict[str, Callable[[http.server.BaseHTTPRequestHandler],
                                                    None]] | None = None) -> None:
        self.routes = routes or {}
        self.seen: list[tuple[str, str, str | None]] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                owner.seen.append((self.command, self.path, self.headers.get("Authorization")))
                route = owner.routes.get(self.path.split("?")[0])
                if route is None:
                    _answer(self, 200, ASK_TRUE, "application/sparql-results+json")
                else:
                    route(self)

            do_GET = do_POST = do_PUT = do_HEAD = _any

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _answer(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes = b"",
            media: str = "text/plain", headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", media)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(location: str, status: int = 307) -> Callable[..., None]:
    return lambda handler: _answer(handler, status, headers={"Location": location})


@pytest.fixture
def other() -> Iterator[Scripted]:
    server = Scripted()
    yield server
    server.close()


def test_a_redirect_to_another_host_is_refused_and_gets_no_credentials(
        other: Scripted, built_project: Path, run: Callable[..., Result],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORE_AUTH", "curator:s3cret-pa55")
    first = Scripted({"/store": _redirect(f"{other.url}/store"),
                      "/query": _redirect(f"{other.url}/query")})
    try:
        result = run("push", "--endpoint", first.url, "--auth-env", "STORE_AUTH",
                     "--project", str(built_project))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: PUT {first.url}/store?graph=")
        assert result.stderr.endswith(
            f"failed: the server redirects to {other.url}, another origin (scheme, host "
            "or port); heroes-kg follows redirects only within the same origin and sends "
            "no credentials elsewhere: give that URL if you trust it\n")
        result = run("query", "cast", "--endpoint", f"{first.url}/query", "--auth-env",
                     "STORE_AUTH", "--project", str(built_project))
        assert result.exit_code == 1 and "another origin" in result.stderr
        assert other.seen == []
        assert "s3cret" not in result.stderr
    finally:
        first.close()


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/store", "file:///etc/passwd",
                                      "https://127.0.0.1:{port}/store"])
def test_a_redirect_to_another_scheme_is_refused(location: str, built_project: Path) -> None:
    first = Scripted()
    first.routes["/store"] = _redirect(location.replace("{port}", str(first.port)))
    try:
        with pytest.raises(HeroesKGError, match="another origin"), \
                open_graph(find_project(built_project)) as kg:
            push(kg, first.url, timeout=5)
    finally:
        first.close()


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chain=st.lists(st.tuples(st.sampled_from([301, 302, 303, 307, 308]),
                                st.sampled_from(["same", "same", "same", "other"])),
                      max_size=MAX_REDIRECTS + 2))
def test_redirect_chains(other: Scripted, chain: list[tuple[int, str]]) -> None:
    server = Scripted()
    try:
        for i, (status, where) in enumerate(chain):
            base = server.url if where == "same" else other.url
            server.routes[f"/r{i}"] = _redirect(f"{base}/r{i + 1}", status)
        before = len(other.seen)
        session = Session(Credentials("curator", "s3cret-pa55"))
        crosses = any(where == "other" for _, where in chain)
        first_other = next((i for i, (_, w) in enumerate(chain) if w == "other"), None)
        if crosses and (first_other is not None and first_other < MAX_REDIRECTS):
            with pytest.raises(HeroesKGError, match="another origin"):
                run_remote_query(f"{server.url}/r0", "ASK {}", timeout=5)
        elif len(chain) > MAX_REDIRECTS:
            with pytest.raises(HeroesKGError, match=f"more than {MAX_REDIRECTS} redirects"):
                run_remote_query(f"{server.url}/r0", "ASK {}", timeout=5)
        else:
            assert run_remote_query(f"{server.url}/r0", "ASK {}", timeout=5).boolean is True
            response = session.request("POST", f"{server.url}/r0", body=b"query=ASK%7B%7D",
                                       timeout=5)
            assert response.status == 200
        assert len(other.seen) == before  # nothing ever reached the other origin
        assert all(auth is None for _, _, auth in server.seen)  # never asked: never sent
    finally:
        server.close()


class Trickler:
    """Accepts connections and answers with a status line and headers, then one byte of
    the body (or of the headers) per ``every`` seconds, forever."""

    def __init__(self, headers_first: bool, every: float = 0.3) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.headers_first = headers_first
        self.every = every
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        try:
            conn.recv(1 << 20)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n"
            if self.headers_first:
                conn.sendall(head + b"\r\n")
                head = b"x" * 100000
            for byte in head:
                if self.stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.every)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.mark.parametrize("headers_first", [True, False])
def test_a_trickling_server_cannot_stretch_the_deadline(headers_first: bool,
                                                        built_project: Path) -> None:
    trickler = Trickler(headers_first)
    try:
        started = time.monotonic()
        with pytest.raises(HeroesKGError, match=r"no answer within 1\.5 s while sending "
                                                r"graph <"), \
                open_graph(find_project(built_project)) as kg:
            push(kg, f"http://127.0.0.1:{trickler.port}", timeout=1.5)
        assert time.monotonic() - started < 4
        started = time.monotonic()
        with pytest.raises(HeroesKGError, match=r"no answer within 1 s while running"):
            run_remote_query(f"http://127.0.0.1:{trickler.port}/query", "ASK {}", timeout=1)
        assert time.monotonic() - started < 3
    finally:
        trickler.close()


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "-inf"])
@pytest.mark.parametrize("command", ["push", "query"])
def test_impossible_timeouts_are_one_clear_line(value: str, command: str,
                                                run: Callable[..., Result],
                                                built_project: Path, other: Scripted) -> None:
    args = ["push", "--endpoint", other.url] if command == "push" else \
        ["query", "cast", "--endpoint", f"{other.url}/query"]
    result = run(*args, "--timeout", value, "--project", str(built_project))
    assert result.exit_code in (1, 2)
    assert result.stderr.count("\n") == 1 or "Invalid value for '--timeout'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "positive number of seconds" in result.stderr or "range" in result.stderr
    assert other.seen == []


VIRTUOSO_403 = b"""<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Graph Protocol request failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 403 Forbidden</h1>
    <h3>Error 42000</h3>
<xmp>SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)</xmp>\
</body></html>"""


@pytest.mark.parametrize(("body", "media", "line"), [
    (VIRTUOSO_403, "text/html; charset=UTF-8",
     "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)"),
    (b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The "
     b"requested URL was not found on this server.</p></body></html>", "text/html",
     "The requested URL was not found on this server."),
    (b"<!DOCTYPE html><html><body><p>Store &amp; index &lt;full&gt;</p></body></html>", "",
     "Store & index <full>"),
    (b"Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\n\nSPARQL query:\n",
     "text/plain", "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error"),
])
def test_the_useful_line_of_an_error_page(body: bytes, media: str, line: str) -> None:
    assert useful_line(body, media, ("Not Found", "404 Not Found", "Forbidden")) == line


def test_an_html_error_page_is_shown_by_its_useful_line(built_project: Path) -> None:
    server = Scripted({"/store": lambda h: _answer(h, 403, VIRTUOSO_403, "text/html")})
    try:
        with pytest.raises(HeroesKGError) as caught, \
                open_graph(find_project(built_project)) as kg:
            push(kg, server.url, timeout=5)
        message = str(caught.value)
        assert message.endswith(
            "failed: HTTP 403 Forbidden: SQ110:SECURITY: Permission denied for delete from "
            "DB.DBA.RDF_QUAD (user ID = 107); this store needs credentials ('auth_env') or "
            "a grant to write")
        assert "DOCTYPE" not in message and "\n" not in message
    finally:
        server.close()


class DigestGate:
    """A server that wants HTTP Digest authentication (RFC 7616) with ``algorithm``,
    checks the response itself, and issues a fresh nonce per challenge (stale after one
    use when ``one_use``)."""

    def __init__(self, user: str, password: str, algorithm: str, one_use: bool) -> None:
        import hashlib
        import re as _re

        self.nonces: dict[str, int] = {}
        self.accepted = 0
        self.refused = 0
        owner = self
        digest = hashlib.sha256 if algorithm.startswith("SHA-256") else hashlib.md5

        def h(text: str) -> str:
            return digest(text.encode()).hexdigest()

        def challenge(handler: http.server.BaseHTTPRequestHandler, stale: bool) -> None:
            nonce = os.urandom(8).hex()
            owner.nonces[nonce] = 0
            _answer(handler, 401, b"", headers={"WWW-Authenticate": (
                f'Digest realm="store", qop="auth", nonce="{nonce}", opaque="xyz", '
                f'algorithm={algorithm}' + (", stale=true" if stale else ""))})

        def check(handler: http.server.BaseHTTPRequestHandler) -> None:
            header = handler.headers.get("Authorization") or ""
            if not header.startswith("Digest "):
                owner.refused += 1
                challenge(handler, False)
                return
            fields = dict((k, a or b) for k, a, b in _re.findall(
                r'(\w+)=(?:"([^"]*)"|([^\s,]*))', header))
            nonce = fields.get("nonce", "")
            if nonce not in owner.nonces or (one_use and owner.nonces[nonce] > 0):
                owner.refused += 1
                challenge(handler, True)
                return
            owner.nonces[nonce] += 1
            ha1 = h(f"{user}:store:{password}")
            if algorithm.endswith("-sess"):
                ha1 = h(f"{ha1}:{nonce}:{fields['cnonce']}")
            ha2 = h(f"{handler.command}:{fields['uri']}")
            expected = h(f"{ha1}:{nonce}:{fields['nc']}:{fields['cnonce']}:auth:{ha2}")
            if fields.get("response") != expected or fields.get("username") != user \
                    or fields.get("uri") != handler.path:
                owner.refused += 1
                _answer(handler, 401, b"wrong user or password\n")
                return
            owner.accepted += 1
            _answer(handler, 201 if handler.command == "PUT" else 200, ASK_TRUE,
                    "application/sparql-results+json")

        self.server = Scripted()
        self.server.routes["/store"] = check
        self.server.routes["/query"] = check

    @property
    def url(self) -> str:
        return self.server.url

    def close(self) -> None:
        self.server.close()


@pytest.mark.parametrize("algorithm", ["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"])
@pytest.mark.parametrize("one_use", [False, True])
def test_digest_authentication(algorithm: str, one_use: bool) -> None:
    gate = DigestGate("curator", "s3cret-pa55", algorithm, one_use)
    try:
        session = Session(Credentials("curator", "s3cret-pa55"))
        for _ in range(3):
            response = session.request("PUT", f"{gate.url}/store?graph=urn%3Ag",
                                       body=b"<urn:a> <urn:b> <urn:c> .\n", timeout=5)
            assert response.status == 201
        assert gate.accepted == 3
        # one challenge for the session; a one-use nonce costs a round trip each time
        assert gate.refused == (3 if one_use else 1)
        wrong = Session(Credentials("curator", "wrong"))
        assert wrong.request("POST", f"{gate.url}/query", body=b"query=ASK%7B%7D",
                             timeout=5).status == 401
    finally:
        gate.close()
