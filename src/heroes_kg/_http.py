"""HTTP for remote stores: one request within a total deadline, redirects within the same
origin only, and HTTP Basic or Digest authentication where the server asks for it.

urllib follows a redirect to any host (with the ``Authorization`` header) and to other
schemes, and its timeout bounds each socket operation, not the request: a server that
trickles one byte a second never times out. This client:

- sends credentials only when the server asks for them (a 401 challenge), in the scheme it
  asks for (Basic, or Digest with MD5 or SHA-256), and only to the origin (scheme, host,
  port) of the URL it was given; a session remembers the scheme so later requests to that
  origin need no second round trip;
- follows at most :data:`MAX_REDIRECTS` redirects, each to the same origin; a redirect to
  another host, port or scheme is a :class:`RedirectRefused` error;
- gives every request, redirects and authentication included, one deadline: a watchdog
  shuts the socket down when it passes, whatever the server is doing.

Network failures are raised as the usual ``OSError`` subclasses (``TimeoutError``,
``ConnectionRefusedError``, ...) or ``http.client.HTTPException``, for the caller to word.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import os
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import RemoteError

__all__ = ["MAX_REDIRECTS", "Credentials", "RedirectRefused", "Response", "Session",
           "origin", "useful_line"]

MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)


class RedirectRefused(RemoteError):
    """The server redirected somewhere this client does not follow."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes
    url: str

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of ``url``, the port filled in for http and https."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme, 0)
    return scheme, (parts.hostname or "").lower(), port


def _shown_origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")


# --------------------------------------------------------------------------- auth

def _challenges(header: str) -> dict[str, dict[str, str]]:
    """The schemes of a WWW-Authenticate header and their parameters (lowercase names)."""
    found: dict[str, dict[str, str]] = {}
    scheme = ""
    pattern = re.compile(r'\s*,?\s*(?:([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"'
                         r"|([^\s,]*))|([A-Za-z][\w-]*))")
    position = 0
    while position < len(header):
        match = pattern.match(header, position)
        if not match or match.end() == position:
            break
        position = match.end()
        if match.group(4):
            scheme = match.group(4).lower()
            found.setdefault(scheme, {})
        elif scheme:
            value = match.group(2) if match.group(2) is not None else match.group(3)
            found[scheme][match.group(1).lower()] = re.sub(r"\\(.)", r"\1", value or "")
    return found


@dataclass
class _Digest:
    realm: str
    nonce: str
    opaque: str | None
    algorithm: str
    qop: str | None
    count: int = 0

    def header(self, credentials: Credentials, method: str, uri: str) -> str:
        algorithm = self.algorithm.upper()
        digest = hashlib.sha256 if algorithm.startswith("SHA-256") else hashlib.md5

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        self.count += 1
        nc = f"{self.count:08x}"
        cnonce = os.urandom(8).hex()
        ha1 = h(f"{credentials.user}:{self.realm}:{credentials.password}")
        if algorithm.endswith("-SESS"):
            ha1 = h(f"{ha1}:{self.nonce}:{cnonce}")
        ha2 = h(f"{method}:{uri}")
        if self.qop:
            response = h(f"{ha1}:{self.nonce}:{nc}:{cnonce}:{self.qop}:{ha2}")
        else:
            response = h(f"{ha1}:{self.nonce}:{ha2}")

        def quoted(value: str) -> str:
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

        parts = [f"username={quoted(credentials.user)}", f"realm={quoted(self.realm)}",
                 f"nonce={quoted(self.nonce)}", f"uri={quoted(uri)}",
                 f"algorithm={self.algorithm}", f"response={quoted(response)}"]
        if self.opaque is not None:
            parts.append(f"opaque={quoted(self.opaque)}")
        if self.qop:
            parts += [f"qop={self.qop}", f"nc={nc}", f"cnonce={quoted(cnonce)}"]
        return "Digest " + ", ".join(parts)


def _digest_from(params: Mapping[str, str]) -> _Digest | None:
    algorithm = params.get("algorithm", "MD5")
    if algorithm.upper() not in ("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS"):
        return None
    qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
    if qops and "auth" not in qops:
        return None
    return _Digest(params.get("realm", ""), params.get("nonce", ""), params.get("opaque"),
                   algorithm, "auth" if qops else None)


# --------------------------------------------------------------------------- the client

class Session:
    """Requests to one service: the credentials, and how each origin asked for them."""

    def __init__(self, credentials: Credentials | None = None) -> None:
        self.credentials = credentials
        self._schemes: dict[tuple[str, str, int], str | _Digest] = {}

    def request(self, method: str, url: str, *, body: bytes | None = None,
                headers: Mapping[str, str] | None = None,
                timeout: float = 60.0) -> Response:
        """Send one request and return the final response, whatever its status."""
        deadline = time.monotonic() + timeout
        home = origin(url)
        current = url
        redirects = 0
        challenged = False
        while True:
            sent = dict(headers or {})
            target = _target(current)
            scheme = self._schemes.get(home) if origin(current) == home else None
            if self.credentials is not None and scheme is not None:
                sent["Authorization"] = self._authorization(scheme, method, target)
            response = _send_once(method, current, body, sent, deadline)
            if response.status == 401 and self.credentials is not None \
                    and origin(current) == home and not challenged:
                answer = self._answer(response, home)
                if answer:
                    challenged = True
                    continue
            if response.status in _REDIRECTS and response.headers.get("Location"):
                redirects += 1
                location = urllib.parse.urljoin(current, response.headers["Location"])
                if redirects > MAX_REDIRECTS:
                    raise RedirectRefused(f"{method} {_strip(url)} failed: more than "
                                          f"{MAX_REDIRECTS} redirects; give the final URL")
                if origin(location) != origin(current):
                    raise RedirectRefused(
                        f"{method} {_strip(url)} failed: the server redirects to "
                        f"{_shown_origin(location)}, another origin (scheme, host or "
                        "port); heroes-kg follows redirects only within the same origin "
                        "and sends no credentials elsewhere: give that URL if you trust it")
                if response.status == 303 and method not in ("GET", "HEAD"):
                    method, body = "GET", None
                current = location
                continue
            return response

    def _answer(self, response: Response, home: tuple[str, str, int]) -> bool:
        """Remember how the server asks for credentials; False if it asks in a way this
        client cannot answer (or it refused the answer already given)."""
        challenges: dict[str, dict[str, str]] = {}
        for header in response.headers.get_all("WWW-Authenticate") or []:
            challenges.update(_challenges(header))
        known = self._schemes.get(home)
        if "digest" in challenges:
            digest = _digest_from(challenges["digest"])
            if digest is not None and (not isinstance(known, _Digest)
                                       or challenges["digest"].get("stale") == "true"
                                       or digest.nonce != known.nonce):
                self._schemes[home] = digest
                return True
        if "basic" in challenges and known is None:
            self._schemes[home] = "basic"
            return True
        return False

    def _authorization(self, scheme: str | _Digest, method: str, target: str) -> str:
        assert self.credentials is not None
        if isinstance(scheme, _Digest):
            return scheme.header(self.credentials, method, target)
        pair = f"{self.credentials.user}:{self.credentials.password}"
        return "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")


def _strip(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query,
                                    parts.fragment))


def _target(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _send_once(method: str, url: str, body: bytes | None, headers: Mapping[str, str],
               deadline: float) -> Response:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("the deadline passed")
    parts = urllib.parse.urlsplit(url)
    scheme, host, port = origin(url)
    if scheme not in ("http", "https") or not host:
        raise RedirectRefused(f"{url!r} is not an http:// or https:// URL")
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname or host, port,
                                                 timeout=remaining)
    else:
        connection = http.client.HTTPConnection(parts.hostname or host, port,
                                                timeout=remaining)
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        sock = connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(method, _target(url), body=body, headers=dict(headers))
        answer = connection.getresponse()
        data = answer.read()
        return Response(answer.status, answer.reason, answer.headers, data, url)
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError("the deadline passed") from None
        raise
    finally:
        watchdog.cancel()
        connection.close()


# --------------------------------------------------------------------------- messages

_BLOCK = re.compile(r"</?(?:p|div|h\d|br|li|tr|pre|xmp|title|body|html|head|table|ul|ol"
                    r"|dt|dd|hr)\b[^>]*>", re.IGNORECASE)


def useful_line(data: bytes, content_type: str = "", skip: tuple[str, ...] = ()) -> str:
    """The line of an error body worth showing: the first line of plain text; for an
    HTML page, the text of its first <pre>/<xmp> block, else its first line of text that
    does not just restate the status (``skip``)."""
    text = data.decode("utf-8", "replace").strip()
    if "html" in content_type.lower() or text[:15].lower().startswith(("<!doctype", "<html")):
        import html as _html

        blocks = re.findall(r"<(pre|xmp)\b[^>]*>(.*?)</\1\s*>", text,
                            re.IGNORECASE | re.DOTALL)
        text = re.sub(r"(?is)<(head|script|style)\b.*?</\1\s*>", "\n", text)
        text = re.sub(r"(?s)<!--.*?-->|<!DOCTYPE[^>]*>", "\n", text)
        if blocks:
            text = blocks[0][1]
        text = _html.unescape(re.sub(r"<[^>]*>", " ", _BLOCK.sub("\n", text)))
    skipped = {s.lower() for s in skip}
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or line.lower() in skipped or re.fullmatch(
                r"(?i)(HTTP/\d(\.\d)? )?\d{3}( [\w ]+)?|error( \d+)?|error response", line):
            continue
        return line[:200] + ("…" if len(line) > 200 else "")
    return ""
