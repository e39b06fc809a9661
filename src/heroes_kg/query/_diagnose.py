"""Diagnose: SPARQL mistakes explained in words.

Oxigraph reports a syntax error as the furthest position its parser reached and the list
of every token it could have taken there, which reads as a parser dump and often points
past the real mistake. :func:`syntax_error` looks at the query itself for the usual
causes (a prefix that is not declared, a misspelt keyword, a string or group left open)
and says what is wrong, where, and what to write instead, with the line and a caret.

:func:`unknown_terms` finds the classes and properties a query names that are in no graph
and names the closest terms of the ontology, for a warning.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from .. import vocab
from ..errors import QueryError

__all__ = ["syntax_error", "unknown_terms"]

#: Every keyword and built-in function name of SPARQL 1.1 (upper case).
KEYWORDS = frozenset(
    """
    SELECT CONSTRUCT ASK DESCRIBE WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED AS OPTIONAL
    UNION MINUS GRAPH SERVICE SILENT FILTER BIND VALUES UNDEF GROUP BY HAVING ORDER ASC DESC
    LIMIT OFFSET NOT EXISTS IN A TRUE FALSE INSERT DELETE DATA LOAD CLEAR CREATE DROP COPY
    MOVE ADD WITH INTO TO USING DEFAULT ALL
    STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN
    UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY
    HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE
    IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE
    COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR
    """.split()  # noqa: SIM905 (a table of words reads better than a list literal)
)

#: The words a query is most likely to misspell, offered first as corrections.
_COMMON = ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE", "WHERE", "PREFIX", "DISTINCT",
           "OPTIONAL", "FILTER", "UNION", "GRAPH", "BIND", "VALUES", "LIMIT", "OFFSET",
           "ORDER", "GROUP", "HAVING", "MINUS", "EXISTS", "COUNT", "REGEX", "CONTAINS",
           "STRSTARTS", "LCASE", "UCASE"]

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<open_string>'''|\"\"\"|['"])
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:[\w.-]*)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w\-:%.\\]*[\w\-:%\\])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<op>&&|\|\||!=|<=|>=|[=<>+*/])
  | (?P<other>\S)
""", re.VERBOSE)
_PAIRS = {"{": "}", "(": ")", "[": "]"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "", m.group(), m.start()) for m in _TOKEN.finditer(text)
            if m.lastgroup != "comment"]


def _declared(text: str) -> set[str]:
    return {m[1] for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|):", text)}


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _excerpt(text: str, line: int, column: int) -> list[str]:
    """The query's line ``line`` and a caret under ``column``, cut to about 100 characters
    around it."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return []
    source = lines[line - 1].replace("\t", " ").rstrip("\r")
    at = min(column - 1, len(source))
    start = max(0, at - 60)
    shown = source[start:start + 100]
    if not shown.strip():
        return []
    lead = "…" if start else ""
    return [f"  {lead}{shown}", "  " + " " * (len(lead) + at - start) + "^"]


def _closest(word: str, choices: Iterable[str]) -> list[str]:
    pool = list(dict.fromkeys(choices))
    return difflib.get_close_matches(word, pool, n=3, cutoff=0.6)


def _hint(text: str, offset: int, known: Mapping[str, str]) -> tuple[int, str] | None:
    """(offset, words) for the first mistake in ``text`` that explains a syntax error at
    ``offset``, or None."""
    tokens = _tokens(text)
    declared = set(known) | _declared(text)
    for i, token in enumerate(tokens):
        if token.kind == "open_string":
            return token.start, ("this string is never closed; end it with the same "
                                 f"quote ({token.text}) it starts with")
        if token.kind == "pname":
            prefix = token.text.split(":", 1)[0]
            previous = tokens[i - 1].text.upper() if i else ""
            if prefix not in declared and previous != "PREFIX":
                close = _closest(prefix, declared)
                names = ", ".join(f"{p}:" for p in sorted(known))
                mean = f"did you mean {close[0]}:? " if close else ""
                return token.start, (f"unknown prefix '{prefix}:' in {token.text}; {mean}"
                                     f"the known prefixes are {names} (declare another "
                                     "with PREFIX name: <IRI>)")
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (token.kind == "word" and token.text.upper() in ("ORDER", "GROUP")
                and (following is None or following.text.upper() != "BY")):
            return token.start, f"{token.text.upper()} needs BY: {token.text.upper()} BY ?x"
        if (token.kind == "op" and following is not None
                and following.kind == "close"):
            return token.start, (f"'{token.text}' has nothing on its right; put a value "
                                 "or a variable after it")
        if token.kind == "word" and token.text.upper() not in KEYWORDS:
            upper = token.text.upper()
            close = _closest(upper, _COMMON) or _closest(upper, KEYWORDS)
            if close:
                return token.start, (f"'{token.text}' is not a SPARQL keyword; did you "
                                     f"mean {close[0]}?")
            return token.start, (f"'{token.text}' is not a SPARQL keyword, a variable (?x) "
                                 "or a prefixed name (schema:name)")
    stack: list[_Token] = []
    for token in tokens:
        if token.kind == "open":
            stack.append(token)
        elif token.kind == "close":
            if not stack:
                return token.start, f"this '{token.text}' closes nothing that was opened"
            opened = stack.pop()
            if _PAIRS[opened.text] != token.text:
                line, column = _position(text, opened.start)
                return token.start, (f"this '{token.text}' does not match the "
                                     f"'{opened.text}' opened at line {line}, column "
                                     f"{column}; close that with '{_PAIRS[opened.text]}'")
    if stack:
        opened = stack[-1]
        return opened.start, (f"this '{opened.text}' is never closed; add "
                              f"'{_PAIRS[opened.text]}' where it should end")
    return None


def _expected(detail: str) -> str:
    """Oxigraph's list of expected tokens in words, when it is short enough to help."""
    match = re.match(r"^expected (?:one of )?(.*)$", detail, re.DOTALL)
    if not match:
        return ""
    items = [i.strip() for i in match[1].split(", ")]
    if len(items) > 4 or any(not re.fullmatch(r'"[^"\\]{1,3}"|[A-Z]+', i) for i in items):
        return ""
    return "; expected " + " or ".join(items)


def syntax_error(exc: SyntaxError, text: str, label: str, known: Mapping[str, str],
                 shift: tuple[int, int, int] = (0, 0, 0),
                 locate: Callable[[str], tuple[int, int] | None] | None = None
                 ) -> QueryError:
    """A :class:`QueryError` for Oxigraph's ``exc`` on ``text``: what is wrong in words,
    its line and column, and the line with a caret under the place.

    ``shift`` is (line, column, length) of text inserted into the query before it ran
    (bound values), so that positions are those of the query as written. ``locate``
    is asked for a better (line, column) when Oxigraph puts the error at the very end of
    the query, as it does for most.
    """
    message = str(exc)
    match = re.match(r"^error at (\d+):(\d+): (.*)$", message, re.DOTALL)
    if match:
        line, column = int(match[1]), int(match[2])
        detail = " ".join(match[3].split())
        inject_line, inject_col, inject_len = shift
        if line == inject_line and column > inject_col:
            column = max(inject_col, column - inject_len)
    else:
        line, column, detail = 1, 1, ""
    lines = text.split("\n")
    offset = sum(len(x) + 1 for x in lines[:line - 1]) + column - 1
    hint = _hint(text, offset, known)
    if hint is not None:
        offset, words = hint
        line, column = _position(text, offset)
    else:
        if locate is not None and not text[min(offset, len(text)):].strip():
            better = locate(text)
            if better is not None:
                line, column = better
                offset = sum(len(x) + 1 for x in lines[:line - 1]) + column - 1
        rest = text[min(offset, len(text)):].lstrip()
        if rest:
            found = _TOKEN.match(rest)
            token = found.group() if found else rest[0]
            words = f"unexpected {token[:40]!r}{_expected(detail)}"
        else:
            words = f"the query ends before it is complete{_expected(detail)}"
    return QueryError(f"SPARQL syntax error in {label} at line {line}, column {column}: "
                      f"{words}", context=_excerpt(text, line, column))


# --- Terms that are in no graph ----------------------------------------------------------

_IRI_OR_PNAME = re.compile(r"<([^<>\"{}|^`\\\s]*)>|(?<![\w?$])([A-Za-z][\w.-]*|):"
                           r"([A-Za-z_][\w\-]*)")


def unknown_terms(store: ox.Store, text: str, known: Mapping[str, str],
                  vocabulary: Iterable[str], namespaces: Iterable[str]) -> list[str]:
    """One warning for each class or property IRI in ``text`` under ``namespaces`` that no
    graph of ``store`` holds, naming the closest terms of ``vocabulary`` (IRIs)."""
    prefixes = {**known}
    for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>", text):
        prefixes[m[1]] = m[2]
    spaces = tuple(namespaces)
    seen: dict[str, str] = {}
    clean = re.sub(r"#[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", " ", text)
    for m in _IRI_OR_PNAME.finditer(clean):
        if m[1] is not None:
            iri, written = m[1], m[0]
        elif m[2] in prefixes:
            iri, written = prefixes[m[2]] + m[3], m[0]
        else:
            continue
        if iri.startswith(spaces) and iri not in seen:
            seen[iri] = written
    compact = {iri: vocab.compact(iri, prefixes) or f"<{iri}>" for iri in vocabulary}
    warnings = []
    for iri, written in seen.items():
        node = ox.NamedNode(iri)
        if (next(store.quads_for_pattern(None, node, None), None) is not None
                or next(store.quads_for_pattern(None, None, node), None) is not None
                or next(store.quads_for_pattern(node, None, None), None) is not None):
            continue
        close = _closest_terms(re.split(r"[#/:]", written)[-1], list(compact.values()))
        hint = f"; closest terms: {', '.join(close)}" if close else ""
        warnings.append(f"{written} is in no graph, so the patterns that use it match "
                        f"nothing{hint}")
    return warnings


def _closest_terms(local: str, terms: list[str]) -> list[str]:
    """The terms closest to ``local``: classes for a capitalised name, properties
    otherwise (as schema.org and the ontology name them), best first."""
    kind = [t for t in terms if t.split(":")[-1][:1].isupper() == local[:1].isupper()]
    scored = sorted(((difflib.SequenceMatcher(None, local.lower(),
                                              t.split(":")[-1].lower()).ratio(), t)
                     for t in kind), key=lambda st: -st[0])
    return [t for score, t in scored if score >= 0.75][:3]

