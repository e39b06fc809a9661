"""Tables: SELECT rows as aligned text, IRIs shortened with the known prefixes.

A table is made whole from an answer in memory (:func:`render`), or as the rows come
(:class:`TableStream`): the stream reads the first :data:`HEAD_ROWS` rows (or what came
within :data:`HEAD_SECONDS`), sets the column widths from them, and then writes every
row as it comes. An answer that fits in the head is laid out exactly as a whole table;
in a longer one a later value wider than its column pushes the rest of its line right
(it is never cut shorter than a whole table would cut it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

import pyoxigraph as ox

from .. import vocab

__all__ = ["HEAD_ROWS", "HEAD_SECONDS", "MAX_WIDTH", "TableStream", "cell", "render"]

#: The widest a cell gets; a longer value ends with "…".
MAX_WIDTH = 80
#: Rows a streamed table reads before it fixes its column widths and starts writing.
HEAD_ROWS = 1000
#: Seconds after the first row at which a streamed table starts writing anyway, so a
#: slow question shows its rows while it runs.
HEAD_SECONDS = 2.0


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None,
         known: Mapping[str, str], max_width: int = MAX_WIDTH) -> str:
    """One value as the table shows it: an IRI with a known prefix as prefix:name, a
    literal's text on one line, at most ``max_width`` characters."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = vocab.compact(term.value, known) or f"<{term.value}>"
    elif isinstance(term, ox.Literal):
        text = term.value
    else:
        text = str(term)
    text = text.replace("\r", "").replace("\n", " ↵ ").replace("\t", " ")
    return text if len(text) <= max_width else text[:max_width - 1] + "…"


def _widths(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[int]:
    return [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def _top(header: Sequence[str], widths: Sequence[int]) -> list[str]:
    return [_line(header, widths), "  ".join("-" * w for w in widths)]


def _footer(rows: int) -> str:
    return f"({rows} row{'s' if rows != 1 else ''})"


def render(header: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    """The whole table: header, ruler, a line per row and the row count."""
    widths = _widths(header, body)
    lines = _top(header, widths) + [_line(r, widths) for r in body] + [_footer(len(body))]
    return "\n".join(lines) + "\n"


class TableStream:
    """Turns a SELECT answer written as SPARQL TSV (whole lines, header first) into
    table lines handed to ``emit`` as they can be laid out."""

    def __init__(self, known: Mapping[str, str], emit: Callable[[bytes], None],
                 head_rows: int | None = None, head_seconds: float | None = None) -> None:
        self.known = known
        self.emit = emit
        self.head_rows = HEAD_ROWS if head_rows is None else head_rows
        self.head_seconds = HEAD_SECONDS if head_seconds is None else head_seconds
        self.rows = 0
        self._tsv_header = b""
        self._header: list[str] = []
        self._head: list[list[str]] = []
        self._widths: list[int] | None = None
        self._since: float | None = None

    def feed(self, data: bytes) -> None:
        """Read whole TSV lines; write what can be written."""
        if not data:
            return
        if not self._tsv_header:
            first, _, data = data.partition(b"\n")
            self._tsv_header = first + b"\n"
            self._header = [v.lstrip("?") for v in first.decode().split("\t") if v]
            if not data:
                return
        # Oxigraph's own reader turns the TSV terms back into terms, escapes and all.
        solutions = ox.parse_query_results(self._tsv_header + data, ox.QueryResultsFormat.TSV)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        body = [[cell(row[name], self.known) for name in names] for row in solutions]
        self.rows += len(body)
        if self._widths is None:
            self._head.extend(body)
            self._since = self._since or time.monotonic()
            if (len(self._head) < self.head_rows
                    and time.monotonic() - self._since < self.head_seconds):
                return
            self._widths = _widths(self._header, self._head[:self.head_rows])
            body, self._head = self._head, []
            lines = _top(self._header, self._widths)
        else:
            lines = []
        lines += [_line(r, self._widths) for r in body]
        self.emit(("\n".join(lines) + "\n").encode())

    def close(self) -> None:
        """The answer is complete: write the rows still held and the row count."""
        lines = []
        if self._widths is None:
            widths = _widths(self._header, self._head)
            lines = _top(self._header, widths) + [_line(r, widths) for r in self._head]
        lines.append(_footer(self.rows))
        self.emit(("\n".join(lines) + "\n").encode())
