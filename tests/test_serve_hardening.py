"""The served endpoint is public: it never calls out for a client, refuses what would take
its backend down, answers malformed HTTP with 400, ignores clients that go away and stays
up after any single request. Real Oxigraph behind the real proxy, on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_kg.project import find_project
from heroes_kg.query.guard import MAX_DEPTH, QueryRefused, check_query
from heroes_kg.serve import Server, serve

pytestmark = pytest.mark.server

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(built_project: Path) -> Iterator[Server]:
    with serve(find_project(built_project), port=0, timeout=5).start() as running:
        yield running


class Listener:
    """A TCP port on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


def _ask(url: str, text: str, method: str = "GET",
         content_type: str = "application/sparql-query") -> tuple[int, bytes]:
    if method == "GET":
        request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": text}))
    elif content_type == "application/x-www-form-urlencoded":
        request = urllib.request.Request(url, urllib.parse.urlencode({"query": text}).encode(),
                                         headers={"Content-Type": content_type})
    else:
        request = urllib.request.Request(url, text.encode(),
                                         headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _raw(port: int, data: bytes) -> bytes:
    """Send ``data`` on a new connection; what the server answers before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    head, _, rest = b"".join(chunks).partition(b"\r\n\r\n")
                    length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")]
                    if length and len(rest) >= length[0]:
                        break
        except TimeoutError:
            pass
    return b"".join(chunks)


def _still_up(server: Server) -> None:
    status, body = _ask(server.endpoint_url, ASK)
    assert (status, json.loads(body)["boolean"]) == (200, True)


SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "SELECT*{SERVICE<http://127.0.0.1:{port}/>{?s ?p ?o}}",
    "# a comment\nPREFIX ex: <http://x/>\nASK {\n  ?s ex:p \"}\" .\n"
    "  SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o }\n}",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
@pytest.mark.parametrize("how", ["GET", "form", "body"])
def test_service_is_refused_and_nothing_is_contacted(server: Server, template: str,
                                                     how: str) -> None:
    listener = Listener()
    try:
        query = template.replace("{port}", str(listener.port))
        method = "GET" if how == "GET" else "POST"
        media = "application/x-www-form-urlencoded" if how == "form" else \
            "application/sparql-query"
        status, body = _ask(server.endpoint_url, query, method, media)
        assert status == 400
        assert b"calls another endpoint with SERVICE" in body
        assert b"never makes requests for a client" in body
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def test_service_words_in_strings_iris_comments_and_names_are_not_service(
        server: Server) -> None:
    for query in ['ASK { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }',
                  "ASK { ?s <http://x/SERVICE> ?o }",
                  "PREFIX ex: <http://x/>\nASK { ?s ex:SERVICE ?o }",
                  "ASK { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { }",
                  "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1"]:
        status, body = _ask(server.endpoint_url, query)
        assert status == 200, (query, body)


def test_service_is_allowed_only_when_asked_for(built_project: Path) -> None:
    listener = Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/> " \
                "{ ?s ?p ?o } }"
        with serve(find_project(built_project), port=0, timeout=5,
                   allow_service=True).start() as trusting:
            status, _ = _ask(trusting.endpoint_url, query)
        deadline = time.monotonic() + 5
        while listener.connections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert status == 200 and listener.connections >= 1
    finally:
        listener.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(1, 20_000), kind=st.sampled_from(["{", "(", "["]),
       post=st.booleans())
def test_any_nesting_depth_gets_an_answer_and_the_server_stays_up(
        server: Server, depth: int, kind: str, post: bool) -> None:
    if kind == "{":
        query = "ASK " + "{" * depth + " ?s ?p ?o " + "}" * depth
    elif kind == "(":
        query = "ASK { ?s ?p ?o FILTER(" + "(" * depth + "true" + ")" * depth + ") }"
    else:
        query = "ASK { ?s ?p " + "[ ?q " * depth + "1" + " ]" * depth + " }"
    status, body = _ask(server.endpoint_url, query, "POST" if post else "GET")
    total = depth + (0 if kind == "{" else 1)
    if not post and len(urllib.parse.urlencode({"query": query})) > 65_000:
        assert status in (400, 414)  # the request line may be too long to read
    elif len(query) > 100_000:
        assert status == 400 and b"characters long, more than the 100,000 allowed" in body
    elif total > MAX_DEPTH:
        assert status == 400 and b"nests brackets" in body and b"flatten it" in body
    else:
        assert status == 200, body
    _still_up(server)


@pytest.mark.parametrize("query", [
    "ASK { ?s ?p ?o FILTER(" + " + ".join(["1"] * 20_000) + " > 0) }",
    "ASK { ?s ?p ?o " + " ".join(f"BIND(1 AS ?b{i})" for i in range(3000)) + " }",
    "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * 4000) + " }",
    "ASK { ?s ?p ?o " + " ".join(["MINUS { ?s ?p 1 }"] * 4000) + " }",
])
def test_long_chains_are_refused_before_oxigraph(server: Server, query: str) -> None:
    status, body = _ask(server.endpoint_url, query, "POST")
    assert status == 400 and b"more than the 1,000 allowed" in body, body
    _still_up(server)


def test_a_query_too_large_is_refused(server: Server) -> None:
    query = 'ASK { ?s ?p "' + "x" * 200_000 + '" }'
    status, body = _ask(server.endpoint_url, query, "POST")
    assert status == 400 and b"characters long, more than the 100,000 allowed" in body


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1,
            max_size=12),
    st.integers(-10**6, -1).map(str),
    st.integers(10**7, 10**30).map(str)))
def test_any_content_length_gets_an_http_answer(server: Server, value: str) -> None:
    body = b"query=ASK%7B%7D"
    request = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-"
               b"urlencoded\r\nContent-Length: " + value.encode() + b"\r\n\r\n" + body)
    answer = _raw(server.port, request)
    status = int(answer.split(b" ", 2)[1])
    if value.isdigit() and int(value) == len(body):
        assert status == 200
    elif value.isdigit() and int(value) > 1 << 20:
        assert status == 413
    elif value.isdigit():
        assert status in (200, 400), answer  # a shorter body reads as another query
    else:
        assert status == 400, answer
        assert b"Bad Content-Length" in answer


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
     b"411"),
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"
     b"abcd", b"400"),
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 3"
     b"\r\n\r\nabc", b"415"),
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 2\r\n\r\n\xff\xfe", b"400"),
    (b"GET /query?query=%FF HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    (b"GET /query?query=ASK%7B%7D&query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    # an empty query (a GET with no query at all asks for the service description)
    (b"GET /query?query= HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    (b"GARBAGE\r\n\r\n", b"400"),
])
def test_malformed_requests_get_a_4xx(server: Server, request_bytes: bytes,
                                      status: bytes) -> None:
    answer = _raw(server.port, request_bytes)
    assert answer.split(b" ", 2)[1] == status, answer
    _still_up(server)


def test_clients_that_go_away_print_nothing(built_project: Path,
                                            capfd: pytest.CaptureFixture[str]) -> None:
    with serve(find_project(built_project), port=0, timeout=5).start() as running:
        half_open = []
        for i in range(60):
            sock = socket.create_connection(("127.0.0.1", running.port))
            sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                         b"sparql-query\r\nContent-Length: 100\r\n\r\nASK" if i % 2 else
                         b"GET /query?query=ASK%7B%7D HTTP/1.1\r\n")
            half_open.append(sock)
        for sock in half_open:
            sock.close()
        for _ in range(20):  # ask, then hang up before the answer
            sock = socket.create_connection(("127.0.0.1", running.port))
            sock.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00"
                            b"\x00\x00")
            sock.close()
        time.sleep(1)
        _still_up(running)
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_a_killed_backend_is_started_again(server: Server) -> None:
    child = server._child
    assert child is not None
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    _still_up(server)
    assert server._child is not None and server._child.pid != child.pid


def test_a_backend_dying_mid_request_gives_502_and_later_requests_are_served(
        server: Server) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    answers: list[tuple[int, bytes]] = []
    asking = threading.Thread(target=lambda: answers.append(
        _ask(server.endpoint_url, runaway)))
    asking.start()
    time.sleep(1)
    child = server._child
    assert child is not None
    os.kill(child.pid, signal.SIGKILL)
    asking.join(20)
    assert answers and answers[0][0] == 502, answers
    assert b"was started again" in answers[0][1]
    _still_up(server)


def test_an_idle_endpoint_answers_the_next_query(built_project: Path) -> None:
    # Oxigraph gives up on a kept-alive connection after its own timeout (1 s here) and
    # answered the next query on it with HTTP 500 "Resource temporarily unavailable".
    with serve(find_project(built_project), port=0, timeout=1).start() as running:
        for idle in (0, 1.5, 2.5):
            time.sleep(idle)
            _still_up(running)


def test_a_serve_killed_outright_leaves_no_snapshot_behind(built_project: Path) -> None:
    import subprocess
    import sys
    import tempfile

    from .conftest import ROOT

    process = subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "serve", "--port", "0", "--project",
         str(built_project)], stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert process.stdout is not None and process.stdout.readline().startswith("Serving")
    mine = list(Path(tempfile.gettempdir()).glob(f"heroes-kg-serve-{process.pid}-*"))
    assert len(mine) == 1
    process.kill()
    process.communicate()  # reaps it and closes its pipe
    with serve(find_project(built_project), port=0):
        assert not mine[0].exists()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="{}()[]SERVICE \"'<>#\\\n?x.u0053", max_size=200))
def test_the_guard_never_fails_on_any_text(text: str) -> None:
    try:
        check_query(text, allow_service=False)
    except QueryRefused as refused:
        assert "\n" not in refused.message
