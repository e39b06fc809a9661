"""A real Oxigraph server (the ``oxigraph`` program) on 127.0.0.1 for tests, and a TCP
relay that can kill it part-way through a request."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
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

    def kill(self) -> None:
        """SIGKILL: the server dies at once, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


class KillingRelay:
    """Forwards TCP connections to ``server``; once ``kill_after`` bytes of requests have
    passed, kills the server (SIGKILL) and drops the connections."""

    def __init__(self, server: OxigraphServer, kill_after: int) -> None:
        self.server = server
        self.kill_after = kill_after
        self.forwarded = 0
        self.killed = False
        self._clients: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._clients.append(client)
            upstream = socket.create_connection(("127.0.0.1", self.server.port))
            threading.Thread(target=self._pump, args=(client, upstream, True),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False),
                             daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, request: bool) -> None:
        try:
            while data := source.recv(1 << 16):
                sink.sendall(data)
                if request:
                    self.forwarded += len(data)
                    if self.forwarded >= self.kill_after and not self.killed:
                        self.killed = True
                        self.server.kill()
                        # Drop the clients now, rather than rely on the dead server's
                        # sockets to reset the pumps (slow on a loaded machine).
                        for client in self._clients:
                            with contextlib.suppress(OSError):
                                client.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._listener.close()


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
