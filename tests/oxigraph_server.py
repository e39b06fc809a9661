"""A real Oxigraph server (the ``oxigraph`` program) on 127.0.0.1 for tests, and a TCP
relay that can kill it part-way through a request."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import struct
import subprocess
import threading
import time
from pathlib import Path

from heroes_kg.serve.app import find_oxigraph

__all__ = ["KillingRelay", "OxigraphServer", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """``oxigraph serve`` (read-write) with its own store folder and port."""

    def __init__(self, location: Path, port: int | None = None) -> None:
        self.location = location
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> OxigraphServer:
        self.process = subprocess.Popen(
            [find_oxigraph(), "serve", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "oxigraph serve exited"
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not start")

    def kill(self, wait: bool = True) -> None:
        """SIGKILL: the server dies at once, as in a crash (``wait``: reap it too)."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            if wait:
                self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


class _Link:
    """One relayed connection: the client's socket and the one to the server. Either pump
    shuts both down when it stops; the last pump to stop closes them, so no socket is
    closed while the other pump may still be inside a call on it."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client = client
        self.upstream = upstream
        self._running = 2
        self._lock = threading.Lock()

    def reset_client(self) -> None:
        """Make the client's side end in a reset (RST) rather than a FIN: a FIN does not
        wake a client blocked in send() on a full window, a reset does."""
        with contextlib.suppress(OSError):
            self.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.shut_down()

    def shut_down(self) -> None:
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def pump_stopped(self) -> None:
        self.shut_down()
        with self._lock:
            self._running -= 1
            last = self._running == 0
        if last:
            self.client.close()
            self.upstream.close()


class KillingRelay:
    """Forwards TCP connections to ``server``; once ``kill_after`` bytes of requests have
    passed, kills the server (SIGKILL) and resets the client connections.

    The clients are reset as part of the kill, not left to the dying server: the client
    must learn of the crash at once, however long the killed process takes to go away on
    a loaded machine. A connection that arrives while the server is down is reset too."""

    def __init__(self, server: OxigraphServer, kill_after: int) -> None:
        self.server = server
        self.kill_after = kill_after
        self.forwarded = 0
        self.killed = False
        self._links: list[_Link] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self) -> None:
        """Kill again once another ``kill_after`` bytes have passed (after a restart)."""
        with self._lock:
            self.forwarded, self.killed = 0, False

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.server.port), 10)
            except OSError:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                  struct.pack("ii", 1, 0))
                client.close()
                continue
            upstream.settimeout(None)
            link = _Link(client, upstream)
            with self._lock:
                self._links.append(link)
            threading.Thread(target=self._pump, args=(link, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(link, False), daemon=True).start()

    def _pump(self, link: _Link, request: bool) -> None:
        source, sink = (link.client, link.upstream) if request else \
            (link.upstream, link.client)
        try:
            while data := source.recv(1 << 16):
                sink.sendall(data)
                if request and self._count(len(data)):
                    return
        except OSError:
            pass
        finally:
            link.pump_stopped()

    def _count(self, size: int) -> bool:
        """Count request bytes; True once they trigger the kill."""
        with self._lock:
            self.forwarded += size
            if self.killed or self.forwarded < self.kill_after:
                return False
            self.killed = True
            links = list(self._links)
        self.server.kill(wait=False)
        for link in links:
            link.reset_client()
        return True

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            link.shut_down()


class BasicAuthGate:
    """A reverse proxy in front of ``server`` that lets through only requests with the
    right HTTP basic credentials, as a store behind an authenticating proxy does."""

    def __init__(self, server: OxigraphServer, user: str, password: str) -> None:
        import base64
        import http.server
        import urllib.error
        import urllib.request

        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        gate = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if self.headers.get("Authorization") != expected:
                    gate.refused += 1
                    message = b"Unauthorized: wrong user or password\nsecond line\n"
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                    self.send_header("Content-Length", str(len(message)))
                    self.end_headers()
                    self.wfile.write(message)
                    return
                request = urllib.request.Request(
                    server.url + self.path, data=body, method=self.command,
                    headers={k: v for k, v in self.headers.items()
                             if k in ("Content-Type", "Accept")})
                try:
                    with urllib.request.urlopen(request) as response:
                        status, data = response.status, response.read()
                        media = response.headers.get("Content-Type", "")
                except urllib.error.HTTPError as exc:
                    with exc:
                        status, data, media = exc.code, exc.read(), "text/plain"
                self.send_response(status)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _any

        self.refused = 0
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self._httpd.server_address[1])
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
