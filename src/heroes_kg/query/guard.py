"""Guard: checks on a SPARQL query's text before Oxigraph parses it.

Oxigraph's parser and evaluator recurse over the query's structure: 10,000 nested groups
or parentheses, or a few thousand operators, BINDs or MINUSes in a row, overflow the
native stack and kill the process (signal 11), which no Python code can catch. And a
``SERVICE`` clause makes the engine send HTTP requests wherever the query says. So every
query is read here first, by a small lexer that skips comments, strings and IRIs the way
SPARQL does, and refused with a one-line :class:`QueryRefused` when it nests deeper than
:data:`MAX_DEPTH`, has more than :data:`MAX_STRUCTURE` structural tokens (brackets,
operators, separators and pattern keywords), is longer than the caller allows, or (where
the caller forbids it) calls a ``SERVICE``.

The lexer needs no recursion of its own, so no input can make it overflow either.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..errors import QueryError

__all__ = ["MAX_DEPTH", "MAX_STRUCTURE", "QueryRefused", "balanced", "check_query",
           "check_timeout"]

#: Brackets ({ ( [) open at once, at most. Real queries stay under 15.
MAX_DEPTH = 64
#: Structural tokens in one query, at most (the named queries have 20 to 300).
MAX_STRUCTURE = 1000

#: A character from U+00C0 to U+EFFFF, as SPARQL's names allow: written as a negated class,
#: which Python compiles in microseconds (the range itself takes 20 ms at every start).
_HIGH = r"[^\x00-\xbf\U000f0000-\U0010ffff]"
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$](?:[A-Za-z0-9_\u00b7]|HIGH)+)
  | (?P<name>(?:[A-Za-z_]|HIGH)(?:[A-Za-z0-9_\-\u00b7]|HIGH)*
      (?::[^\s{}()\[\];,<>"'=!|&^+*/]*)?
    | :[^\s{}()\[\];,<>"'=!|&^+*/]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<operator>\|\||&&|!=|<=|>=|\^\^|[=<>+\-*/|^!.;,])
  | (?P<space>\s+)
  | (?P<other>.)
""".replace("HIGH", _HIGH), re.VERBOSE | re.DOTALL)

#: Keywords that each add a node to the query's algebra tree.
_PATTERN_KEYWORDS = frozenset({
    "UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "SERVICE", "VALUES", "SELECT",
    "EXISTS", "NOT", "IN", "HAVING", "GROUP", "ORDER"})
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QueryRefused(QueryError):
    """The query is refused before it is parsed: too deep, too large, or calling out."""


@dataclass(frozen=True)
class _Scan:
    depth: int
    depth_at: tuple[int, int]
    structure: int
    service_at: tuple[int, int] | None


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _scan(text: str) -> _Scan:
    depth = deepest = structure = 0
    deepest_at = 0
    service_at: int | None = None
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            structure += 1
            if depth > deepest:
                deepest = depth
                if depth == MAX_DEPTH + 1:  # where the limit is first passed
                    deepest_at = match.start()
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "operator":
            structure += 1
        elif kind == "name":
            word = match.group().upper()
            if word in _PATTERN_KEYWORDS:
                structure += 1
                if word == "SERVICE" and service_at is None:
                    service_at = match.start()
    return _Scan(deepest, _position(text, deepest_at), structure,
                 None if service_at is None else _position(text, service_at))


def balanced(text: str) -> bool:
    """Whether every bracket of ``text`` (outside strings, IRIs, comments) is closed, and
    none is closed before it opens."""
    depth = 0
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "open":
            depth += 1
        elif match.lastgroup == "close":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _unescaped(text: str) -> str:
    """``text`` with SPARQL's \\uXXXX and \\UXXXXXXXX escapes replaced (the SPARQL grammar
    allows them anywhere; a parser that honours them must not see a different query)."""
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(char, text)


def check_query(text: str, label: str = "the query", *, max_chars: int | None = None,
                allow_service: bool = True) -> None:
    """Raise :class:`QueryRefused` if ``text`` must not reach the SPARQL engine."""
    if max_chars is not None and len(text) > max_chars:
        raise QueryRefused(f"{label} is {len(text):,} characters long, more than the "
                           f"{max_chars:,} allowed; shorten it")
    scans = [_scan(text)]
    if "\\u" in text or "\\U" in text:
        scans.append(_scan(_unescaped(text)))
    for scan in scans:
        if scan.depth > MAX_DEPTH:
            line, column = scan.depth_at
            raise QueryRefused(
                f"{label} nests brackets {scan.depth} deep (deeper than {MAX_DEPTH} from "
                f"line {line}, column {column}), more than the {MAX_DEPTH} allowed; "
                "flatten it")
        if scan.structure > MAX_STRUCTURE:
            raise QueryRefused(
                f"{label} has {scan.structure:,} operators, brackets and pattern keywords, "
                f"more than the {MAX_STRUCTURE:,} allowed; split it into smaller queries")
        if not allow_service and scan.service_at is not None:
            line, column = scan.service_at
            raise QueryRefused(
                f"{label} calls another endpoint with SERVICE (at line {line}, column "
                f"{column}); this endpoint never makes requests for a client: run the "
                "query where both graphs are, or on your own machine")


def check_timeout(timeout: float | None, what: str = "{--timeout}") -> None:
    """Refuse a time limit that is not a finite positive number of seconds (NaN never
    expires, infinity overflows the clock, 0 makes a socket non-blocking)."""
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise QueryError(f"{what} must be a positive number of seconds, not {timeout:g}")
