"""Stream: an answer written as Oxigraph's writers make it, while it is evaluated.

Oxigraph evaluates a query lazily and its writers take the solutions (or the triples of a
CONSTRUCT in N-Triples or N-Quads) one by one,
writing to any object with ``write``: given a :class:`Output`, the rows of a large answer
reach the caller's stream in slices of 8 KiB as they come, byte for byte what writing
the whole answer at once gives. The output also counts the rows written so far (for a
progress line), decides which of two evaluations racing for the same answer (on the
persisted store and in memory) writes it, and stops the writing when the time is up,
which is the one point where Oxigraph can be stopped.
"""

from __future__ import annotations

import threading
from typing import IO, cast

import pyoxigraph as ox

from ..vocab import RDF_FORMAT_NAMES
from ._table import TableStream

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "SOLUTION_FORMATS", "TRIPLE_FORMATS", "Lost",
           "Output", "Stopped", "count_rows", "streamable"]

#: SELECT/ASK output formats (W3C SPARQL 1.1 results) -> pyoxigraph format.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
#: CONSTRUCT/DESCRIBE output formats -> pyoxigraph RDF format; each also goes by the other
#: names in :data:`heroes_kg.vocab.RDF_FORMAT_NAMES` (ttl, nt, rdf, xml, json-ld, nq).
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
#: The formats a SELECT answer is written in as it comes: all of them, and the text table
#: (its column widths set from the first rows, :mod:`._table`).
SOLUTION_FORMATS = (*RESULT_FORMATS, "table")
#: The formats a CONSTRUCT or DESCRIBE answer is written in as it comes (those without
#: prefixes, which a writer could only know at the end).
TRIPLE_FORMATS = ("ntriples", "nquads")


def streamable(format: str) -> bool:
    """Whether an answer in ``format`` (any of its names: nt, n-triples, …) is written as
    it comes, if it is of the kind the format is for."""
    return (format in SOLUTION_FORMATS
            or RDF_FORMAT_NAMES.get(format.lower(), format) in TRIPLE_FORMATS)


class Lost(Exception):
    """Raised in a writer whose evaluation lost the race: the other one is writing."""


class Stopped(Exception):
    """Raised in a writer after the caller stopped the question (time limit, Ctrl-C)."""


class Output:
    """Where a question's answer goes, shared by the evaluations that race for it.

    ``target`` is the caller's binary stream and ``format`` one of
    :data:`SOLUTION_FORMATS` or :data:`TRIPLE_FORMATS`; an answer of the other kind, or
    any answer with ``target`` None, is kept (a SELECT as JSON, for the Python API) and
    only counted. ``known`` (prefix -> namespace) shortens IRIs in a table."""

    def __init__(self, target: IO[bytes] | None, format: str = "json",
                 known: dict[str, str] | None = None) -> None:
        self.target = target
        self.format = format
        self.known = known or {}
        self.rows = 0
        self.stopped = False
        self._owner: object = None
        self._lock = threading.Lock()
        self._last = b""

    def claim(self, side: object) -> None:
        """Let ``side`` write; raise :class:`Lost` when the other side already does,
        :class:`Stopped` when the question was stopped."""
        with self._lock:
            self._claim(side)

    def _claim(self, side: object) -> None:  # with the lock held
        if self.stopped:
            raise Stopped
        if self._owner is None:
            self._owner = side
        elif self._owner is not side:
            raise Lost

    def stop(self) -> None:
        """No more writing: every writer raises :class:`Stopped` at its next slice."""
        with self._lock:
            self.stopped = True

    @property
    def wrote(self) -> bool:
        """Whether any bytes of the answer reached the target."""
        return bool(self._last)

    def streams(self, answer: object) -> bool:
        """Whether ``answer`` (solutions or triples) goes to the target as it comes."""
        if self.target is None:
            return False
        if isinstance(answer, ox.QuerySolutions):
            return self.format in SOLUTION_FORMATS
        return isinstance(answer, ox.QueryTriples) and self.format in TRIPLE_FORMATS

    def write(self, answer: ox.QuerySolutions | ox.QueryTriples, side: object
              ) -> bytes | None:
        """Write ``answer``: to the target in the output's format if it
        :meth:`streams` (the first slice claims it for ``side``), else (solutions only)
        as JSON into memory, claimed once complete. Returns the bytes kept in memory
        (None when written to the target)."""
        streamed = self.streams(answer)
        fmt = _FORMATS[self.format] if streamed else ox.QueryResultsFormat.JSON
        writer = _Writer(self, side, count_rows(fmt), streamed)
        if streamed and self.format == "table":
            writer.table = TableStream(self.known, writer.emit)
        # Oxigraph writes to any object with write(); typed, it asks for a file.
        answer.serialize(cast(IO[bytes], writer), fmt)  # type: ignore[arg-type]
        if not streamed:
            self.claim(side)
            self.rows = writer.rows
            return b"".join(writer.kept)
        if writer.table is not None:
            writer.table.feed(writer.pending)
            writer.table.close()
            return None
        writer.emit(writer.pending)
        if self._last and not self._last.endswith(b"\n"):  # JSON, XML end without one
            writer.emit(b"\n")
        return None


_FORMATS: dict[str, ox.QueryResultsFormat | ox.RdfFormat] = {
    **RESULT_FORMATS, "table": ox.QueryResultsFormat.TSV,
    **{name: GRAPH_FORMATS[name] for name in TRIPLE_FORMATS}}


class _Writer:
    """What Oxigraph's result writer writes to: one per evaluation. Line-based formats
    reach the target in whole lines, so that an answer stopped halfway ends with a whole
    row (or triple); a table (read as TSV) gets its lines as it can lay them out."""

    table: TableStream | None = None

    def __init__(self, output: Output, side: object, counter: _Counter,
                 streamed: bool) -> None:
        self.output = output
        self.side = side
        self.counter = counter
        self.streamed = streamed
        self.kept: list[bytes] = []
        self.rows = 0
        self.lines = streamed and output.format not in ("json", "xml")
        self.pending = b""

    def write(self, data: bytes) -> int:
        output = self.output
        data = bytes(data)
        if not self.streamed:
            if output.stopped:
                raise Stopped
            self.kept.append(data)
            self.rows = self.counter.feed(data)
            output.rows = max(output.rows, self.rows)
            return len(data)
        size = len(data)
        if self.lines:
            data = self.pending + data
            cut = data.rfind(b"\n") + 1
            data, self.pending = data[:cut], data[cut:]
        if self.table is not None:
            if output.stopped:
                raise Stopped
            self.table.feed(data)
            output.rows = self.table.rows
        else:
            self.emit(data)
        return size

    def emit(self, data: bytes) -> None:
        output = self.output
        assert output.target is not None
        # Under the lock, so that once the caller has stopped the output no slice is
        # half-counted: the rows a stopped answer reports are the rows it wrote.
        with output._lock:
            output._claim(self.side)
            if not data:
                return
            output.target.write(data)
            output.target.flush()
            output._last = data[-1:]
            output.rows = self.table.rows if self.table else self.counter.feed(data)

    def flush(self) -> None:
        pass


class _Counter:
    """Counts the rows in a result written slice by slice."""

    rows = 0

    def feed(self, data: bytes) -> int:
        raise NotImplementedError


class _Lines(_Counter):
    """TSV: a line per row after the header; N-Triples and N-Quads: a line per triple
    (line breaks in values are escaped)."""

    lines = 0

    def __init__(self, header: int) -> None:
        self.header = header

    def feed(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        self.rows = max(0, self.lines - self.header)
        return self.rows


class _CsvLines(_Counter):
    """CSV: a line per row after the header; a line break inside a quoted value
    (quotes in values are doubled, so their count keeps its parity) is not one."""

    lines = 0
    quoted = False

    def feed(self, data: bytes) -> int:
        parts = data.split(b'"')
        start = 1 if self.quoted else 0
        self.lines += sum(part.count(b"\n") for part in parts[start::2])
        self.quoted ^= (len(parts) - 1) % 2 == 1
        self.rows = max(0, self.lines - 1)
        return self.rows


class _Marks(_Counter):
    """JSON and XML: occurrences of the marks that open a row. In Oxigraph's JSON a row
    opens with ``[{"`` or ``},{"``, which no string can hold (its quotes are escaped);
    an empty row (``{}``) is not counted. In XML a row is a ``<result>`` element."""

    def __init__(self, *marks: bytes) -> None:
        self.marks = marks
        self.keep = max(len(m) for m in marks) - 1
        self.tail = b""

    def feed(self, data: bytes) -> int:
        window = self.tail + data
        self.rows += sum(window.count(m) - self.tail.count(m) for m in self.marks)
        self.tail = window[-self.keep:]
        return self.rows


def count_rows(fmt: ox.QueryResultsFormat | ox.RdfFormat) -> _Counter:
    """A row (or triple) counter for answers written in ``fmt``."""
    if isinstance(fmt, ox.RdfFormat):
        return _Lines(header=0)
    if fmt == ox.QueryResultsFormat.CSV:
        return _CsvLines()
    if fmt == ox.QueryResultsFormat.TSV:
        return _Lines(header=1)
    if fmt == ox.QueryResultsFormat.XML:
        return _Marks(b"<result>")
    return _Marks(b'[{"', b'},{"')
