"""Export: the built graph serialized for other tools, byte-for-byte reproducibly.

Every format is one small :class:`Format` subclass; :data:`FORMATS` lists them by name,
:func:`export` serializes a graph and :func:`export_to` is what ``heroes-kg export`` runs.

There are two families. RDF formats (:class:`RdfFormat`) write the triples or quads of
the chosen named graphs: facts and provenance by default, facts only on request, and the
ontology either merged in (triple formats) or in its own named graph (quad formats).
Property-graph formats (:class:`PropertyGraphFormat`) write the facts as nodes and
labelled edges, with literal values as typed node attributes and each curated edge's
evidence quotes as edge attributes; provenance records are not nodes.

Everything is sorted and blank nodes (only the ontology has them) are canonicalized, so
the same seeds give the same bytes. Only pyoxigraph is imported at import time; networkx
is imported by the formats that need it.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import mmap
import operator
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pyoxigraph as ox

from .._io import Chunks, atomic_write
from .._version import __version__
from ..errors import OutputError
from ..rdf.read import (
    StatementRecord,
    restated,
    statements,
    unpack_statements,
    updated_statements,
)
from ..rdf.store import Block, Graph, cut_blocks, triple_key
from ..vocab import (
    CLASSES,
    PREFIXES,
    RDF,
    RDF_FORMAT_NAMES,
    RDFS,
    SCHEMA,
    XSD,
    most_specific,
    prefixes,
)
from .reuse import Reuse

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EARLIER_STATEMENTS",
    "FORMATS",
    "STATEMENTS",
    "Format",
    "PropertyGraph",
    "PropertyGraphFormat",
    "RdfFormat",
    "export",
    "export_pieces",
    "export_to",
    "fact_triples",
    "get_format",
    "property_graph",
    "statement_records",
]


@dataclass(frozen=True)
class Format:
    """One output format: its name on the command line, file extension and media type."""

    name: str
    extension: str
    media_type: str
    description: str

    #: Whether the ontology is included when the caller does not say.
    ontology_by_default: ClassVar[bool] = False

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        """The graph in this format. With ``reuse`` a format that is assembled from
        blocks (see :mod:`heroes_kg.outputs.reuse`) copies the text of unchanged blocks
        from the previous export and records where each block lies in the new one; the
        bytes are the same either way."""
        raise NotImplementedError

    def pieces(self, kg: Graph, *, facts_only: bool = False,
               with_ontology: bool | None = None, reuse: Reuse | None = None
               ) -> Iterable[bytes]:
        """:meth:`serialize` as pieces whose concatenation is the file: N-Triples gives
        the sorted lines already in memory, N-Quads makes them a piece at a time as they
        are read, neither joined into one more copy of hundreds of megabytes."""
        return [self.serialize(kg, facts_only=facts_only, with_ontology=with_ontology,
                               reuse=reuse)]


# --- RDF formats -------------------------------------------------------------------------


def _graphs(kg: Graph, facts_only: bool, with_ontology: bool) -> list[ox.NamedNode]:
    graphs = [kg.names.facts] if facts_only else [kg.names.facts, kg.names.provenance]
    return graphs + [kg.names.ontology] if with_ontology else graphs


def _quads(kg: Graph, graphs: list[ox.NamedNode]) -> list[ox.Quad]:
    """The quads of ``graphs``, blank nodes canonicalized, sorted by graph (in the order
    given) and then as :meth:`Graph.triples` sorts triples."""
    quads = [q for g in graphs for q in kg.store.quads_for_pattern(None, None, None, g)]
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    order: dict[Any, int] = {g: i for i, g in enumerate(graphs)}
    return sorted(quads, key=lambda q: (order[q.graph_name], triple_key(q.triple)))


@dataclass(frozen=True)
class RdfFormat(Format):
    """An RDF serialization of the chosen named graphs."""

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        if with_ontology is None:
            with_ontology = self.ontology_by_default
        return self.write(_quads(kg, _graphs(kg, facts_only, with_ontology)),
                          kg.names.base)

    def write(self, quads: list[ox.Quad], base: str) -> bytes:
        raise NotImplementedError


def _distinct_triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    return sorted({q.triple for q in quads}, key=triple_key)


@dataclass(frozen=True)
class _OxTriples(RdfFormat):
    """The graphs merged into one, written by Oxigraph's serializer."""

    rdf_format: ox.RdfFormat = ox.RdfFormat.TURTLE

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        if with_ontology:
            return super().serialize(kg, facts_only=facts_only, with_ontology=with_ontology)
        # The data graphs have no blank nodes: stream them from the sorted N-Triples, with
        # no list of a million Triple objects (the same order as _distinct_triples).
        graphs = tuple(_graphs(kg, facts_only, False))
        if self.rdf_format == ox.RdfFormat.N_TRIPLES:
            return kg.sorted_ntriples(graphs)  # what Oxigraph's writer would write again
        if reuse is not None:
            try:
                return self._assembled(kg, graphs, reuse)
            except _NotFramed:  # not seen: a writer that frames blocks otherwise
                reuse.new.clear()
        seen: set[str] = set()
        triples: Iterable[ox.Triple] = itertools.chain.from_iterable(
            _xml_block(part, seen) if self.rdf_format == ox.RdfFormat.RDF_XML
            else ox.parse(part, format=ox.RdfFormat.N_TRIPLES)
            for part in kg.sorted_ntriples_parts(graphs))
        return _serialize(triples, self.rdf_format, kg.names.base)

    def pieces(self, kg: Graph, *, facts_only: bool = False,
               with_ontology: bool | None = None, reuse: Reuse | None = None
               ) -> Iterable[bytes]:
        if self.rdf_format == ox.RdfFormat.N_TRIPLES and not with_ontology:
            # The sorted lines of each graph, as they are (see serialize).
            return list(kg.sorted_ntriples_parts(tuple(_graphs(kg, facts_only, False))))
        return super().pieces(kg, facts_only=facts_only, with_ontology=with_ontology,
                              reuse=reuse)

    def write(self, quads: list[ox.Quad], base: str) -> bytes:
        triples = _distinct_triples(quads)
        if self.rdf_format == ox.RdfFormat.RDF_XML:
            _check_xml_predicates(triples)
        return _serialize(triples, self.rdf_format, base)

    def _assembled(self, kg: Graph, graphs: tuple[ox.NamedNode, ...], reuse: Reuse) -> bytes:
        """The serialization made block by block: the head, each block's text (from the
        previous export where the block did not change), the tail."""
        blocks = _blocks(kg, graphs)
        if not blocks:
            return _serialize([], self.rdf_format, kg.names.base)
        head, _, tail = _frame(self.rdf_format, kg.names.base)
        turtle = self.rdf_format == ox.RdfFormat.TURTLE
        made: dict[bytes, Any] = kg.memo.get(_TURTLE_TEXTS, {}) if turtle else {}
        out = [head]
        at = len(head)
        seen: set[str] = set()
        for key, block in blocks:
            text = reuse.span(key)
            if text is None:
                text = made.get(key)
            if text is None:
                triples: Iterable[ox.Triple] = (
                    _xml_block(bytes(block), seen)
                    if self.rdf_format == ox.RdfFormat.RDF_XML
                    else ox.parse(bytes(block), format=ox.RdfFormat.N_TRIPLES))
                text = _body(_serialize(triples, self.rdf_format, kg.names.base),
                             head, b"", tail)
            reuse.new[key] = (at, len(text))
            out.append(text)
            at += len(text)
        out.append(tail)
        data = b"".join(out)
        if turtle and _TURTLE_TEXTS not in kg.memo:
            # Lent to TriG, whose blocks are these texts indented (see _trig_text).
            whole = memoryview(data)
            kg.memo[_TURTLE_TEXTS] = {key: whole[start:start + length]
                                      for key, (start, length) in reuse.new.items()}
        return data


#: The memo key of the Turtle text of each block (by its key) made for one export and
#: taken by the next TriG export (and by Turtle of fewer graphs) instead of serializing
#: the block again.
_TURTLE_TEXTS = "turtle block texts"


def _trig_text(turtle: bytes | memoryview) -> bytes:
    """A block's TriG text (in a graph) from its Turtle text: the same lines, each
    indented by a tab. Oxigraph writes no line break inside a term (a literal's is
    escaped) and no blank node in the data graphs, so each line is one of the subject's
    and TriG indents every one of them once."""
    return b"\t" + bytes(turtle[:-1]).replace(b"\n", b"\n\t") + b"\n"


def _blocks(kg: Graph, graphs: tuple[ox.NamedNode, ...]) -> list[Block]:
    """The sorted N-Triples of ``graphs`` cut into blocks of subjects (each graph's blocks
    made once while the graph is open)."""
    own = [g for g in graphs if kg.sorted_ntriples((g,))]
    parts = kg.sorted_ntriples_parts(graphs)
    if len(parts) == len(own) and all(
            part is kg.sorted_ntriples((g,)) for part, g in zip(parts, own)) and all(
            _subject(_last(before)) != _subject(after)
            for before, after in itertools.pairwise(parts)):
        return [block for g in own for block in kg.sorted_blocks(g)]
    # Graphs whose subjects interleave, or one subject in two graphs (its lines must be
    # in one block): their merged lines, cut.
    return kg.memoized(("blocks", tuple(g.value for g in graphs)),
                       lambda: cut_blocks(b"".join(parts)))


def _last(lines: bytes) -> bytes:
    """The last of N-Triples ``lines`` (which end with a newline)."""
    return lines[lines.rfind(b"\n", 0, len(lines) - 1) + 1:]


def _subject(lines: bytes) -> bytes:
    """The subject of the first of N-Triples ``lines``."""
    return lines[:lines.find(b" ")]


_PROBE = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"))


def _frame(fmt: ox.RdfFormat, base: str, graph: ox.NamedNode | None = None
           ) -> tuple[bytes, bytes, bytes]:
    """What Oxigraph's writer puts around the statements of ``fmt``: the head (the
    prefixes), for quad formats the line that opens ``graph`` (its closing line is the
    tail), and the tail."""
    if fmt == ox.RdfFormat.RDF_XML:
        empty = _serialize([], fmt, base)
        cut = empty.rfind(b"\n") + 1
        return empty[:cut], b"", empty[cut:]
    probe: Any = _PROBE if graph is None else ox.Quad(
        _PROBE.subject, _PROBE.predicate, _PROBE.object, graph)
    lines = _serialize([probe], fmt, base).splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    head = b"".join(lines[:n])
    if graph is None:
        return head, b"", b""
    return head, lines[n], lines[-1]


class _NotFramed(Exception):
    pass


def _body(text: bytes, head: bytes, opening: bytes, tail: bytes) -> bytes:
    """``text`` less the head, the graph's opening and closing lines (quad formats) and
    the tail."""
    start = len(head) + len(opening)
    if not (text.startswith(head) and text.startswith(opening, len(head))
            and text.endswith(tail) and len(text) >= start + len(tail)):
        raise _NotFramed(text[:200])
    return text[start:len(text) - len(tail)]


def _serialize(items: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: ox.RdfFormat,
               base: str) -> bytes:
    """Oxigraph's serialization of ``items`` with the project's prefixes."""
    data = ox.serialize(items, format=fmt, prefixes=prefixes(base))
    assert data is not None
    if fmt == ox.RdfFormat.RDF_XML:
        # Oxigraph writes a carriage return in a literal as it is, and XML readers turn
        # it into a line feed: write it as a character reference. A raw one can only be
        # literal text (the writer's own line ends are line feeds).
        data = data.replace(b"\r", b"&#13;")
    return data


_XML_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*$")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: How N-Triples (as Oxigraph writes them) spell every character XML 1.0 forbids: as an
#: escape \uXXXX, \b or \f. A text without any of them has none of those characters.
_XML_ILLEGAL_ESCAPE = re.compile(rb"\\[ubfU]")


def _xml_block(lines: bytes, seen: set[str]) -> Iterator[ox.Triple]:
    """The triples of sorted N-Triples ``lines``, checked as :func:`_xml_checked` checks
    them, where ``seen`` holds the predicates already checked. Lines with no escape that
    can spell a character XML forbids have no literal to check one by one: only their
    predicates are (a Python string per triple, where checking each literal cost five
    times as much)."""
    triples = ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)
    if _XML_ILLEGAL_ESCAPE.search(lines):
        return _xml_checked(triples, seen)
    return _xml_predicates_checked(triples, seen)


def _xml_predicates_checked(triples: Iterable[ox.Triple], seen: set[str]
                            ) -> Iterator[ox.Triple]:
    for triple in triples:
        if triple.predicate.value not in seen:
            _check_xml_predicates([triple])
            seen.add(triple.predicate.value)
        yield triple


def _xml_checked(triples: Iterable[ox.Triple], seen: set[str] | None = None
                 ) -> Iterator[ox.Triple]:
    """``triples``, checked one by one as :func:`_check_xml_predicates` checks a list;
    ``seen``: predicates checked already."""
    seen = set() if seen is None else seen
    for triple in triples:
        if triple.predicate.value not in seen or isinstance(triple.object, ox.Literal):
            _check_xml_predicates([triple])
            seen.add(triple.predicate.value)
        yield triple


def _check_xml_predicates(triples: list[ox.Triple]) -> None:
    """RDF/XML writes each predicate as an XML element name, which must end in a name
    (letters, digits, '.', '-', '_', not starting with a digit); refuse rather than
    write a file no XML parser reads."""
    for predicate in sorted({t.predicate.value for t in triples}):
        if not _XML_LOCAL_NAME.search(predicate):
            raise OutputError(f"RDF/XML cannot express the property <{predicate}>: its IRI "
                                "does not end in an XML name; export Turtle or N-Triples "
                                "instead")
    for triple in triples:
        obj = triple.object
        if isinstance(obj, ox.Literal) and _XML_ILLEGAL.search(obj.value):
            raise OutputError(f"RDF/XML cannot express a text of <{triple.subject.value}>: "
                                "it holds a control character XML 1.0 forbids; remove it from "
                                "the seeds, or export Turtle or N-Triples instead")


@dataclass(frozen=True)
class _OxQuads(_OxTriples):
    """Each graph in its own named graph, written by Oxigraph's serializer."""

    ontology_by_default: ClassVar[bool] = True

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        if with_ontology is None:
            with_ontology = self.ontology_by_default
        if reuse is not None and self.rdf_format != ox.RdfFormat.N_QUADS:
            try:
                return self._assembled_quads(kg, _graphs(kg, facts_only, False),
                                             with_ontology, reuse)
            except _NotFramed:  # not seen: a writer that frames blocks otherwise
                reuse.new.clear()
        if self.rdf_format == ox.RdfFormat.N_QUADS:
            return b"".join(self.pieces(kg, facts_only=facts_only,
                                        with_ontology=with_ontology, reuse=reuse))
        ontology = _quads(kg, [kg.names.ontology]) if with_ontology else []
        quads = itertools.chain(ox.parse(b"".join(_nquads(kg, facts_only)),
                                         format=ox.RdfFormat.N_QUADS), ontology)
        return _serialize(quads, self.rdf_format, kg.names.base)

    def pieces(self, kg: Graph, *, facts_only: bool = False,
               with_ontology: bool | None = None, reuse: Reuse | None = None
               ) -> Iterable[bytes]:
        if self.rdf_format != ox.RdfFormat.N_QUADS:
            return super().pieces(kg, facts_only=facts_only, with_ontology=with_ontology,
                                  reuse=reuse)
        if with_ontology is None:
            with_ontology = self.ontology_by_default
        ontology = _quads(kg, [kg.names.ontology]) if with_ontology else []
        return _nquads(kg, facts_only, self.write(ontology, kg.names.base), reuse)

    def write(self, quads: Iterable[ox.Quad], base: str) -> bytes:
        return _serialize(quads, self.rdf_format, base)

    def _assembled_quads(self, kg: Graph, graphs: list[ox.NamedNode], with_ontology: bool,
                         reuse: Reuse) -> bytes:
        """As :meth:`_OxTriples._assembled`, graph by graph; the small ontology graph (it
        has blank nodes to canonicalize) is serialized whole each time."""
        base = kg.names.base
        out: list[bytes] = []
        at = 0
        head = b""
        # The Turtle export made before lends its blocks' texts (taken: no later export
        # needs them).
        turtle: dict[bytes, Any] = (kg.memo.pop(_TURTLE_TEXTS, None) or {}
                                    if self.rdf_format == ox.RdfFormat.TRIG else {})
        for graph in graphs:
            blocks = _blocks(kg, (graph,))
            if not blocks:
                continue
            head, opening, closing = _frame(self.rdf_format, base, graph)
            in_graph = f" <{graph.value}> .\n".encode()
            if not out:
                out.append(head)
                at = len(head)
            out.append(opening)
            at += len(opening)
            for key, block in blocks:
                text = reuse.span(key)
                if text is None and key in turtle:
                    text = _trig_text(turtle[key])
                if text is None:
                    quads = bytes(block).replace(b" .\n", in_graph)
                    text = _body(_serialize(ox.parse(quads, format=ox.RdfFormat.N_QUADS),
                                            self.rdf_format, base), head, opening, closing)
                reuse.new[key] = (at, len(text))
                out.append(text)
                at += len(text)
            out.append(closing)
            at += len(closing)
        if with_ontology:
            ontology = self.write(_quads(kg, [kg.names.ontology]), base)
            if out and ontology:
                ontology = _body(ontology, head, b"", b"")
            out.append(ontology)
        return b"".join(out) if out else self.write([], base)


def _pieces(lines: bytes) -> Iterator[bytes]:
    """N-Triples ``lines`` in pieces of whole lines of about :data:`_PIECE` bytes
    (a piece's strings are made, not a million at once)."""
    start = 0
    while start < len(lines):
        cut = lines.find(b"\n", start + _PIECE)
        cut = len(lines) if cut < 0 else cut + 1
        yield lines[start:cut]
        start = cut


def _nquads(kg: Graph, facts_only: bool, tail: bytes = b"", reuse: Reuse | None = None
            ) -> Chunks:
    """The data graphs of ``kg`` as N-Quads followed by ``tail``, made a piece at a time
    from their sorted N-Triples as they are read: each line given its graph name (a
    newline in N-Triples only ends a line). The data graphs have no blank nodes.

    With ``reuse``, the file is laid out block by block (each graph's blocks of
    subjects, keyed by the block and the graph's place): a block the previous file has
    is read from it as it is written, in runs of blocks that lay one after the other
    there, and only the other blocks are given their graph name again (which, at a
    million triples, is a second of a core that holds the interpreter's lock)."""
    if reuse is None:
        graphs = [(kg.sorted_ntriples((graph,)), f" <{graph.value}> .\n".encode())
                  for graph in _graphs(kg, facts_only, False)]

        def make() -> Iterator[bytes]:
            for lines, end in graphs:
                for piece in _pieces(lines):
                    yield piece.replace(b" .\n", end)
            yield tail

        return Chunks(sum(len(lines) + lines.count(b"\n") * (len(end) - 3)
                          for lines, end in graphs) + len(tail), make)
    # The file as runs of the previous file ([offset, length]) and of blocks to make
    # (the graph name, the blocks' lines), each of about _PIECE bytes at most.
    plan: list[list[int] | tuple[bytes, list[memoryview]]] = []
    filled = _PIECE  # bytes in the last entry of the plan
    at = 0
    for place, graph in enumerate(_graphs(kg, facts_only, False)):
        end = f" <{graph.value}> .\n".encode()
        grow = len(end) - 3
        suffix = bytes((place,))
        for key, block in _blocks(kg, (graph,)):
            key += suffix
            found = reuse.old.get(key)
            last = plan[-1] if plan else None
            if found is not None:
                reuse.reused += 1
                offset, length = found
                if (isinstance(last, list) and last[0] + last[1] == offset
                        and filled < _PIECE):
                    last[1] += length
                    filled += length
                else:
                    plan.append([offset, length])
                    filled = length
            else:
                length = len(block) + bytes(block).count(b"\n") * grow
                if isinstance(last, tuple) and last[0] is end and filled < _PIECE:
                    last[1].append(block)
                    filled += len(block)
                else:
                    plan.append((end, [block]))
                    filled = len(block)
            reuse.new[key] = (at, length)
            at += length
    previous = reuse.take_previous()

    def assembled() -> Iterator[bytes]:
        for entry in plan:
            if isinstance(entry, list):
                assert previous is not None
                start, length = entry
                yield previous[start:start + length]
                if isinstance(previous, mmap.mmap):
                    # Its pages, read, are let go (they stay in the system's cache):
                    # the process does not grow by the file as it is copied.
                    page = start - start % mmap.PAGESIZE
                    previous.madvise(mmap.MADV_DONTNEED, page, start + length - page)
            else:
                yield b"".join(entry[1]).replace(b" .\n", entry[0])
        yield tail

    return Chunks(at + len(tail), assembled)


#: N-Quads (and JSON-LD made whole) are made from the sorted lines this many bytes at a
#: time.
_PIECE = 1 << 22

_SIMPLE_TERM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SUFFIX = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*\Z")


@dataclass(frozen=True)
class _JsonLd(RdfFormat):
    """Compact JSON-LD: one ``@graph`` of node objects sorted by id, with a context in
    which schema.org is the default vocabulary (``"@type": "Movie"``, ``"name"``,
    ``"director"``) and our namespaces are prefixes.

    Oxigraph's JSON-LD writer emits expanded JSON-LD without a context, and rdflib's
    compaction follows its store's iteration order, so the compaction is done here. The
    text is what ``json.dumps(..., indent=1, ensure_ascii=False)`` writes, made one node
    at a time from the sorted triples (the standard encoder is pure Python with an
    indent, and the slowest part at a million triples).
    """

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        if with_ontology:
            return super().serialize(kg, facts_only=facts_only, with_ontology=with_ontology)
        # The data graphs have no blank nodes: stream them from the sorted N-Triples (the
        # order of _distinct_triples).
        graphs = tuple(_graphs(kg, facts_only, False))
        if reuse is not None:
            return self._assembled(kg, graphs, reuse)
        writer = _JsonLdWriter(kg.names.base)
        return writer.document(writer.nodes_of_lines(kg.sorted_ntriples_parts(graphs)))

    def write(self, quads: list[ox.Quad], base: str) -> bytes:
        return _jsonld(_distinct_triples(quads), base)

    def _assembled(self, kg: Graph, graphs: tuple[ox.NamedNode, ...], reuse: Reuse) -> bytes:
        """The document made block by block.

        Its node objects are sorted by id, which is not the order of the sorted lines
        (``res:a1`` sorts before ``res:a10``, whose line sorts first; a full IRI, such
        as an evidence node's, sorts before every compact one). So each block's nodes
        are sorted on their own and cut into runs of ids with the same prefix (what
        precedes the first colon); a run whose ids interleave with no other run's is
        placed whole, in the order of the runs' first ids, and its text is copied from
        the previous export in one piece when it lay there whole. Runs whose ids
        interleave are merged node by node. The index keeps, per block, each of its
        runs as it lies in the file: where, its length, and the id and length of each
        of its nodes (runs merged with others are cut where they alternate)."""
        writer = _JsonLdWriter(kg.names.base)
        size = reuse.size()
        # Each run: its ids (sorted), their texts' lengths, their texts when made (else
        # where the previous export holds them whole), and its block's number. Listed in
        # the order of the blocks and, within one, of its sorted nodes.
        runs: list[tuple[tuple[str, ...], tuple[int, ...], list[bytes] | None, int, int,
                         int]] = []
        keys: list[bytes] = []
        for b, (key, block) in enumerate(_blocks(kg, graphs)):
            found = _jsonld_entry(reuse.old.get(key), size)
            if found is not None:
                reuse.reused += 1
                runs.extend((ids, lengths, None, start, total, b)
                            for start, total, ids, lengths in found)
            else:
                nodes = writer.nodes_of_lines([bytes(block)])
                nodes.sort(key=lambda item: item[0])
                for _, run in itertools.groupby(nodes, key=lambda item: item[0].split(":")[0]):
                    made = list(run)
                    runs.append((tuple(node_id for node_id, _ in made),
                                 tuple(len(text) for _, text in made),
                                 [text for _, text in made], -1, -1, b))
            keys.append(key)
        if not runs:
            return writer.document([])
        head = writer.head() + b',\n "@graph": [\n'
        out = [head]
        at = len(head)
        separator = b",\n"
        placed: list[list[tuple[int, int, tuple[str, ...], tuple[int, ...]]]] = [
            [] for _ in keys]
        # Stable: runs with the same first id stay in the order of the list.
        order = sorted(range(len(runs)), key=lambda r: runs[r][0][0])
        n = 0
        while n < len(order):
            # Runs whose ids interleave: each next one's first id is not above the
            # greatest id before it.
            group = [order[n]]
            last = runs[order[n]][0][-1]
            n += 1
            while n < len(order) and runs[order[n]][0][0] <= last:
                last = max(last, runs[order[n]][0][-1])
                group.append(order[n])
                n += 1
            if len(out) > 1:
                out.append(separator)
                at += len(separator)
            if len(group) == 1:
                ids, lengths, texts, start, total, b = runs[group[0]]
                text = reuse.text(start, total) if texts is None else separator.join(texts)
                _place(placed[b], at, len(text), ids, lengths)
                out.append(text)
                at += len(text)
                continue
            # Every node of these runs, sorted by id (stable: in the order of the runs,
            # as sorting every node of the document at once would place them); the
            # nodes that end up side by side from one run are a run of the new index.
            merged: list[tuple[str, bytes, int]] = []
            for r in sorted(group):
                ids, lengths, texts, start, total, b = runs[r]
                if texts is None:
                    whole = reuse.text(start, total)
                    texts = []
                    offset = 0
                    for length in lengths:
                        texts.append(whole[offset:offset + length])
                        offset += length + len(separator)
                merged.extend(zip(ids, texts, itertools.repeat(r)))
            merged.sort(key=lambda item: item[0])
            for i, (r, together) in enumerate(itertools.groupby(merged,
                                                                key=lambda item: item[2])):
                if i:
                    out.append(separator)
                    at += len(separator)
                side = list(together)
                text = separator.join(node_text for _, node_text, _ in side)
                _place(placed[runs[r][5]], at, len(text),
                       tuple(node_id for node_id, _, _ in side),
                       tuple(len(t) for _, t, _ in side))
                out.append(text)
                at += len(text)
        out.append(b"\n ]\n}\n")
        # A block's runs are placed in the order of its sorted nodes: a run before
        # another of the same block has smaller ids, and equal ids are one group.
        for key, block_runs in zip(keys, placed):
            reuse.new[key] = tuple(block_runs)
        return b"".join(out)


def _place(block_runs: list[tuple[int, int, tuple[str, ...], tuple[int, ...]]], at: int,
           length: int, ids: tuple[str, ...], lengths: tuple[int, ...]) -> None:
    """Record that a run of a block's nodes lies at ``at``: one run with the block's run
    placed just before it (so runs cut apart by an earlier merge join again)."""
    if block_runs:
        start, total, before, before_lengths = block_runs[-1]
        if start + total + 2 == at:
            block_runs[-1] = (start, total + 2 + length, before + ids, before_lengths + lengths)
            return
    block_runs.append((at, length, ids, lengths))


def _jsonld_entry(found: Any, size: int
                  ) -> list[tuple[int, int, tuple[str, ...], tuple[int, ...]]] | None:
    """A JSON-LD index entry, the runs of one block (see :meth:`_JsonLd._assembled`),
    when it is of that shape and lies within the previous file of ``size`` bytes; None
    otherwise (an index of another shape is not read)."""
    if not isinstance(found, tuple) or not found:
        return None
    runs = []
    for run in found:
        if not (isinstance(run, tuple) and len(run) == 4):
            return None
        start, total, ids, lengths = run
        # The index is intact by its digest and was written by this version (see
        # open_reuse): its shape is checked, not each of its 200,000 ids again.
        if not (type(start) is int and type(total) is int and type(ids) is tuple
                and type(lengths) is tuple and ids and len(ids) == len(lengths)
                and start >= 0 and start + total <= size):
            return None
        try:
            if total != sum(lengths) + 2 * (len(lengths) - 1):
                return None
        except TypeError:
            return None
        runs.append((start, total, ids, lengths))
    return runs


#: A string as ``json.dumps(..., ensure_ascii=False)`` writes it (the C encoder itself).
_json_string: Callable[[str], str] = json.encoder.encode_basestring


def _jsonld(triples: Iterable[ox.Triple], base: str) -> bytes:
    """Compact JSON-LD of ``triples``, which come sorted as :func:`triple_key` sorts."""
    writer = _JsonLdWriter(base)
    return writer.document(writer.nodes(triples))


class _JsonLdWriter:
    """The text of compact JSON-LD node objects, and the document around them."""

    def __init__(self, base: str) -> None:
        self.context: dict[str, str] = {"@vocab": SCHEMA}
        self.context.update(sorted(prefixes(base).items()))
        self.namespaces = sorted(((iri, p) for p, iri in prefixes(base).items()),
                                 key=lambda item: -len(item[0]))
        # A local part (see _SUFFIX) has no "/" or "#": when every namespace ends in one,
        # the only one an IRI can be compacted with is the IRI up to its last one.
        self.by_namespace: dict[str, str] | None = None
        if all(ns.endswith(("/", "#")) for ns, _ in self.namespaces):
            self.by_namespace = {}
            for ns, prefix in self.namespaces:
                self.by_namespace.setdefault(ns, prefix)
        self.refs: dict[str, str] = {}
        self.vocab_refs: dict[str, str] = {}
        #: Per N-Triples predicate ("<iri>"): its key in a node object.
        self.keys: dict[str, str] = {}
        #: Per key: how a node object's line of it begins.
        self.shown_keys: dict[str, str] = {}

    def iri_ref(self, iri: str) -> str:
        ref = self.refs.get(iri)
        if ref is None:
            ref = iri
            if self.by_namespace is not None:
                cut = max(iri.rfind("/"), iri.rfind("#")) + 1
                prefix = self.by_namespace.get(iri[:cut])
                if prefix is not None and _SUFFIX.match(iri, cut):
                    ref = f"{prefix}:{iri[cut:]}"
            else:
                for ns, prefix in self.namespaces:
                    if iri.startswith(ns) and _SUFFIX.match(iri[len(ns):]):
                        ref = f"{prefix}:{iri[len(ns):]}"
                        break
            self.refs[iri] = ref
        return ref

    def vocab_ref(self, iri: str) -> str:
        ref = self.vocab_refs.get(iri)
        if ref is None:
            local = iri[len(SCHEMA):]
            if (iri.startswith(SCHEMA) and _SIMPLE_TERM.match(local)
                    and local not in self.context):
                ref = local
            else:
                ref = self.iri_ref(iri)
            self.vocab_refs[iri] = ref
        return ref

    def node_ref(self, term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri_ref(term.value)

    def value(self, term: Any, pad: str) -> str:
        """One value as json.dumps writes it inside an object or list at ``pad``."""
        if not isinstance(term, ox.Literal):
            return f'{{\n{pad} "@id": {_json_string(self.node_ref(term))}\n{pad}}}'
        if term.language:
            return (f'{{\n{pad} "@value": {_json_string(term.value)},\n'
                    f'{pad} "@language": {_json_string(term.language)}\n{pad}}}')
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _json_string(term.value)
        if datatype == _XSD_INTEGER and _INTEGER.fullmatch(term.value):
            return str(int(term.value))
        if datatype == _XSD_BOOLEAN and term.value in ("true", "false"):
            return term.value
        return (f'{{\n{pad} "@value": {_json_string(term.value)},\n'
                f'{pad} "@type": {_json_string(self.vocab_ref(datatype))}\n{pad}}}')

    def nodes(self, triples: Iterable[ox.Triple]) -> list[tuple[str, bytes]]:
        """(id, text) of the node object of each subject of ``triples`` (sorted)."""
        nodes: list[tuple[str, bytes]] = []
        vocab_ref, value = self.vocab_ref, self.value
        for subject, group in itertools.groupby(triples, key=lambda t: t.subject):
            props: dict[str, list[ox.Triple]] = {}
            for triple in group:
                if (triple.predicate.value == _RDF_TYPE
                        and isinstance(triple.object, ox.NamedNode)):
                    props.setdefault("@type", []).append(triple)
                else:
                    props.setdefault(vocab_ref(triple.predicate.value), []).append(triple)
            node_id = self.node_ref(subject)
            lines = [f'  {{\n   "@id": {_json_string(node_id)}']
            for key in (["@type"] if "@type" in props else []) + sorted(
                    k for k in props if k != "@type"):
                found = props[key]
                if key == "@type":
                    shown = [_json_string(vocab_ref(t.object.value)) for t in found]
                else:
                    shown = [value(t.object, "    " if len(found) > 1 else "   ")
                             for t in found]
                if len(shown) == 1:
                    lines.append(f'   {_json_string(key)}: {shown[0]}')
                else:
                    lines.append(f'   {_json_string(key)}: [\n    '
                                 + ",\n    ".join(shown) + "\n   ]")
            nodes.append((node_id, (",\n".join(lines) + "\n  }").encode("utf-8")))
        return nodes

    def nodes_of_lines(self, parts: list[bytes]) -> list[tuple[str, bytes]]:
        """:meth:`nodes` of sorted N-Triples in consecutive ``parts`` (a subject may go
        on from one to the next) as Oxigraph writes them (``<s> <p> <o> .``, a literal
        as ``"text"``, ``"text"@lang`` or ``"text"^^<datatype>``), read as strings: no
        Python term per triple, about twice as fast. A literal with an escape is read by
        Oxigraph; lines with a blank node are all read so."""
        if any(b"_:" in part for part in parts):
            return self.nodes(itertools.chain.from_iterable(
                ox.parse(part, format=ox.RdfFormat.N_TRIPLES) for part in parts))
        nodes: list[tuple[str, bytes]] = []
        keys = self.keys
        subject = ""
        props: dict[str, list[str]] = {}
        for line in itertools.chain.from_iterable(
                piece.decode("utf-8").split("\n") for part in parts
                for piece in _pieces(part)):
            if not line:  # after the last line of a part
                continue
            s, p, o = line.split(" ", 2)
            if s != subject:
                if props:
                    nodes.append(self._node(subject, props))
                    props = {}
                subject = s
            key = keys.get(p)
            if key is None:
                iri = p[1:-1]
                key = keys[p] = "@type" if iri == _RDF_TYPE else self.vocab_ref(iri)
            if key == "@type" and o[0] != "<":  # a literal type: an ordinary value
                key = self.vocab_ref(_RDF_TYPE)
            found = props.get(key)
            if found is None:
                props[key] = [o[:-2]]
            else:
                found.append(o[:-2])
        if props:
            nodes.append(self._node(subject, props))
        return nodes

    def _node(self, subject: str, props: dict[str, list[str]]) -> tuple[str, bytes]:
        """(id, text) of the node object of ``subject`` ("<iri>") with the N-Triples
        objects of each of its keys, as :meth:`nodes` writes it."""
        node_id = self.iri_ref(subject[1:-1])
        lines = [f'  {{\n   "@id": {_json_string(node_id)}']
        types = props.pop("@type", None)
        if types is not None:
            shown = [_json_string(self.vocab_ref(o[1:-1])) for o in types]
            lines.append(f'   "@type": {shown[0]}' if len(shown) == 1 else
                         '   "@type": [\n    ' + ",\n    ".join(shown) + "\n   ]")
        value, shown_keys = self._value, self.shown_keys
        for key in sorted(props):
            found = props[key]
            shown_key = shown_keys.get(key)
            if shown_key is None:
                shown_key = shown_keys[key] = f"   {_json_string(key)}: "
            if len(found) == 1:
                lines.append(shown_key + value(found[0], "   "))
            else:
                lines.append(shown_key + "[\n    "
                             + ",\n    ".join([value(o, "    ") for o in found])
                             + "\n   ]")
        return node_id, (",\n".join(lines) + "\n  }").encode("utf-8")

    def _value(self, o: str, pad: str) -> str:
        """:meth:`value` of the N-Triples object ``o``."""
        if o[0] == "<":
            return f'{{\n{pad} "@id": {_json_string(self.iri_ref(o[1:-1]))}\n{pad}}}'
        end = o.rfind('"')
        literal = o[1:end]
        if "\\" in literal:  # an escape: Oxigraph reads it
            term = next(iter(ox.parse(f"<urn:s> <urn:p> {o} .".encode(),
                                      format=ox.RdfFormat.N_TRIPLES))).object
            return self.value(term, pad)
        rest = o[end + 1:]
        if not rest:
            return _json_string(literal)
        if rest[0] == "@":
            return (f'{{\n{pad} "@value": {_json_string(literal)},\n'
                    f'{pad} "@language": {_json_string(rest[1:])}\n{pad}}}')
        datatype = rest[3:-1]  # ^^<datatype>
        if datatype == _XSD_STRING:
            return _json_string(literal)
        if datatype == _XSD_INTEGER and _INTEGER.fullmatch(literal):
            return str(int(literal))
        if datatype == _XSD_BOOLEAN and literal in ("true", "false"):
            return literal
        return (f'{{\n{pad} "@value": {_json_string(literal)},\n'
                f'{pad} "@type": {_json_string(self.vocab_ref(datatype))}\n{pad}}}')

    def head(self) -> bytes:
        return json.dumps({"@context": self.context}, indent=1,
                          ensure_ascii=False)[:-2].encode("utf-8")

    def document(self, nodes: list[tuple[str, bytes]],
                 placed: dict[str, tuple[int, int]] | None = None) -> bytes:
        """The document of ``nodes`` (sorted here by id); with ``placed``, where each
        node's text lies in it is recorded there."""
        nodes.sort(key=lambda item: item[0])
        head = self.head()
        if not nodes:
            return head + b',\n "@graph": []\n}\n'
        out = [head, b',\n "@graph": [\n']
        at = len(head) + len(out[1])
        separator = b",\n"
        for i, (node_id, text) in enumerate(nodes):
            if i:
                out.append(separator)
                at += len(separator)
            if placed is not None:
                placed[node_id] = (at, len(text))
            out.append(text)
            at += len(text)
        del nodes
        out.append(b"\n ]\n}\n")
        return b"".join(out)


_RDF_TYPE = RDF + "type"
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD + "string", XSD + "integer", XSD + "boolean"
_INTEGER = re.compile(r"-?[1-9][0-9]*|0")


# --- Property-graph formats --------------------------------------------------------------


@dataclass
class PropertyGraph:
    """The facts as a property graph: nodes with a class chain and typed attributes,
    edges labelled with their property and carrying the evidence behind them.

    ``nodes`` maps a node IRI to its attributes (``label``, ``class``, ``category``,
    then one per literal-valued property); ``labels`` maps it to its class chain, most
    specific first; ``edges`` are (source, target, attributes) sorted; ``kinds`` says,
    per node attribute, whether its values are ``long``, ``boolean``, ``date`` or
    ``string``.
    """

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)

    #: Edge attributes that come from the provenance records, in column order.
    EVIDENCE: ClassVar[tuple[str, ...]] = ("evidence", "sources", "in", "as", "statement")

    _digests: tuple[list[bytes], list[bytes]] | None = field(default=None, repr=False,
                                                              compare=False)
    _node_digests: list[bytes] | None = field(default=None, repr=False, compare=False)
    _signatures: tuple[Any, Any] | None = field(default=None, repr=False, compare=False)

    def signatures(self) -> tuple[dict[tuple[tuple[str, ...], tuple[type, ...]], None],
                                  dict[tuple[tuple[str, ...], tuple[type, ...]], None]]:
        """The distinct (attribute names, types of their values) of the nodes and of the
        edges, each in the order first met (see :func:`_signatures`): what the formats
        declare their attributes from. Made once."""
        if self._signatures is None:
            self._signatures = (_signatures(self.nodes.values()),
                                _signatures(map(_ATTRS, self.edges)))
        return self._signatures

    def digests(self, reuse: Reuse | None = None
                ) -> tuple[Iterable[bytes], Iterable[bytes]]:
        """A digest of each node (its IRI, class chain and attributes) and of each edge
        (its ends and attributes), in order: what names an element of an export made
        from blocks (:class:`_Elements`). Made once; not made (empty digests) when
        there is no ``reuse``, as in a full build."""
        if reuse is None:
            return itertools.repeat(b""), itertools.repeat(b"")
        if self._digests is None:
            blake2b = hashlib.blake2b
            self._digests = (
                self._node_digests if self._node_digests is not None else
                [blake2b(repr((node, self.labels.get(node), attrs)).encode(
                    "utf-8", "surrogatepass"), digest_size=16).digest()
                 for node, attrs in self.nodes.items()],
                [blake2b(repr(edge).encode("utf-8", "surrogatepass"),
                         digest_size=16).digest() for edge in self.edges])
        return self._digests


#: Node attribute names that the property-graph formats reserve for themselves.
_RESERVED = {"id", "label", "class", "category", "start", "end", "pid", "viz", "spells",
             "type", "weight"}
_JOIN = " | "
_HEROES_NS = PREFIXES["heroes"]
_CLASS_BY_IRI = {c.iri: c for c in CLASSES.values()}


def _text(term: Any) -> str:
    """The IRI, blank node id or lexical form of an RDF term."""
    return str(term.value)


def _local(iri: str) -> str:
    """What follows the last '#' or '/' of ``iri`` (all of it when neither occurs)."""
    return iri[max(iri.rfind("#"), iri.rfind("/")) + 1:]


def _class_chain(iri: str) -> list[str]:
    chain = []
    current = _CLASS_BY_IRI.get(iri)
    if current is None:
        return [_local(iri)]
    while current is not None and current.parent is not None:
        chain.append(current.name)
        current = CLASSES[current.parent]
    return chain or [current.name if current else _local(iri)]


def _attribute_names(iris: Iterable[str]) -> dict[str, str]:
    """A short, unique attribute name per property IRI: its local name, or prefix_local
    where two vocabularies share a local name or the name is reserved."""
    by_local: dict[str, set[str]] = defaultdict(set)
    for iri in iris:
        by_local[_local(iri)].add(iri)
    names = {}
    inverse = {ns: p for p, ns in PREFIXES.items()}
    for local, group in by_local.items():
        for iri in group:
            if len(group) == 1 and local not in _RESERVED:
                names[iri] = local
            else:
                prefix = inverse.get(iri[:len(iri) - len(local)], "ext")
                names[iri] = f"{prefix}_{local}"
    return names


def _python_value(literal: ox.Literal) -> tuple[str, Any]:
    datatype = literal.datatype.value if literal.datatype else XSD + "string"
    if datatype == XSD + "integer":
        return "long", int(literal.value)
    if datatype == XSD + "boolean":
        return "boolean", literal.value == "true"
    if datatype == XSD + "date":
        return "date", literal.value
    return "string", literal.value


def property_graph(kg: Graph, *, evidence: bool = True) -> PropertyGraph:
    """The facts graph of ``kg`` as a :class:`PropertyGraph`.

    Every IRI that is a subject in the facts graph is a node; an IRI-valued property
    between two nodes is an edge; any other value (a literal, or an IRI that is not a
    node such as a web address) is a node attribute. With ``evidence``, each edge that a
    curated statement asserts carries its quotes, their articles, its qualifiers and the
    statement's IRI.
    """
    return kg.memoized(("property_graph", evidence), lambda: _property_graph(kg, evidence))


def _property_graph(kg: Graph, evidence: bool) -> PropertyGraph:
    state = kg.memoized(PROPERTY_GRAPH_STATE, lambda: _nodes(kg))
    if state is None:  # a facts graph with blank nodes or quoted triples: not kept
        return _whole_property_graph(kg, evidence)
    pg = PropertyGraph(kinds=state["kinds"])
    nodes = state["nodes"]
    pg.nodes = dict(zip(nodes, map(_FIRST, nodes.values())))
    pg.labels = dict(zip(nodes, map(_SECOND, nodes.values())))
    # Each node's digest was made with it (a node taken from the last build keeps its).
    pg._node_digests = list(map(_THIRD, nodes.values()))
    edges: list[tuple[str, str, str]] = state["edges"]
    if not evidence:
        for source, target, prop in edges:
            pg.edges.append((source, target, {"label": _local(prop), "property": prop}))
        return pg
    kept = _edge_support(kg, pg, state)
    found: list[Any] = list(map(kept.get, edges))
    missing = [i for i, made in enumerate(found) if made is None]
    records = statement_records(kg)
    support = _evidence(kg, pg, records, {
        (edges[i][0], edges[i][2], edges[i][1]) for i in missing}) if kept else \
        _evidence(kg, pg, records)
    blake2b = hashlib.blake2b
    for i in missing:
        source, target, prop = edges[i]
        edge = {"label": _local(prop), "property": prop}
        edge.update(support.get((source, prop, target), {}))
        found[i] = (edge, blake2b(repr((source, target, edge)).encode(
            "utf-8", "surrogatepass"), digest_size=16).digest())
    pg.edges = list(zip(map(_FIRST, edges), map(_SECOND, edges), map(_FIRST, found)))
    # Each edge with its digest, kept for the next build; the digests are those the
    # four formats name their elements by.
    state["kept_edges"] = dict(zip(edges, found))
    pg._digests = (pg._node_digests, list(map(_SECOND, found)))
    return pg


_FIRST, _SECOND, _THIRD, _FOURTH = (operator.itemgetter(i) for i in range(4))
#: The index entry of an element the previous export does not have (see _Elements).
_ABSENT = (-1, 0, -1, -1)


def _edge_support(kg: Graph, pg: PropertyGraph, state: dict[str, Any]
                  ) -> dict[tuple[str, str, str], tuple[dict[str, str], bytes]]:
    """The edges (attributes and digest) of the last build that the change cannot have
    touched, keyed by their (source, target, property).

    An edge's evidence is made from the records of the statements that assert its
    triple, and from the labels of the nodes their qualifiers name. So an edge is made
    again when a statement that asserts (or asserted) its triple was read again
    (:data:`RESTATED`), when a qualifier of its statements names a node whose label
    changed, or when it is new; every other edge is the last build's. Without the last
    build's edges (a full build, or a kept state of another shape) none is taken."""
    records = statement_records(kg)
    earlier = state.get("earlier_edges")
    touched = kg.memo.get(RESTATED)
    if earlier is None or touched is None:
        return {}
    relabelled = {s for s in state["changed"]
                  if (pg.nodes[s]["label"] if s in pg.nodes else s)
                  != state["earlier_labels"].get(s, s)}
    again = {(s, o, p) for s, p, o in touched}
    if relabelled:
        again.update((st.subject.value, st.object.value, st.predicate) for st in records
                     if any(ref in relabelled for _key, ref in st.qualifiers))
    kept: dict[tuple[str, str, str], tuple[dict[str, str], bytes]] = earlier
    for key in again:
        kept.pop(key, None)
    return kept


def _whole_property_graph(kg: Graph, evidence: bool) -> PropertyGraph:
    facts = fact_triples(kg)
    subjects = {_text(t.subject) for t in facts if isinstance(t.subject, ox.NamedNode)}
    # rdfs:label is named too: a label that is not a literal is an attribute or an edge
    # (its local name is reserved, so naming it renames nothing else).
    names = _attribute_names(t.predicate.value for t in facts
                             if t.predicate.value != RDF + "type")
    types: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, str] = {}
    raw: dict[str, dict[str, list[tuple[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    edge_list: list[tuple[str, str, str]] = []
    for t in facts:
        s, p, o = _text(t.subject), t.predicate.value, t.object
        if p == RDF + "type":
            types[s].append(_text(o))
        elif p == RDFS + "label" and isinstance(o, ox.Literal):
            labels.setdefault(s, o.value)
        elif isinstance(o, ox.NamedNode) and o.value in subjects:
            edge_list.append((s, o.value, p))
        elif isinstance(o, ox.Literal):
            raw[s][names[p]].append(_python_value(o))
        else:
            raw[s][names[p]].append(("string", _text(o)))
    kinds: dict[str, str] = {}
    for attrs in raw.values():
        for name, values in attrs.items():
            kind = values[0][0] if len(values) == 1 else "string"
            kinds[name] = kind if kinds.get(name, kind) == kind else "string"
    pg = PropertyGraph(kinds=dict(sorted(kinds.items())))
    for s in sorted(subjects):
        attrs = raw[s]
        named = attrs.get("name") or attrs.get("characterName")
        chain = (_class_chain(most_specific(types[s]) or min(types[s])) if types[s]
                 else ["Resource"])
        node: dict[str, Any] = {
            "label": labels.get(s) or (named[0][1] if named else _local(s)),
            "class": chain[0], "category": chain[-1]}
        for key in sorted(attrs):
            values = attrs[key]
            if pg.kinds[key] == "string":
                node[key] = _JOIN.join(str(v) for _, v in values)
            else:
                node[key] = values[0][1]
        pg.nodes[s] = node
        pg.labels[s] = chain
    support = _evidence(kg, pg) if evidence else {}
    for source, target, prop in sorted(edge_list):
        edge = {"label": _local(prop), "property": prop}
        edge.update(support.get((source, prop, target), {}))
        pg.edges.append((source, target, edge))
    return pg


#: Where ``kg.memo`` holds the property graph's nodes as made from the facts graph (one
#: entry per subject, see :func:`_nodes`), which a build keeps for the next, and where a
#: build may leave those of the previous graph (marshalled) with the IRIs of the
#: subjects whose triples changed since.
PROPERTY_GRAPH_STATE = ("property_graph", "nodes")
EARLIER_PROPERTY_GRAPH = ("property_graph", "earlier")
#: Changes whenever what is kept changes shape: a kept state of another shape is not read.
_STATE_VERSION = f"4 {__version__}"

#: One subject's part of the property graph, from its facts triples alone (in the order
#: of the sorted lines): whether it is an IRI, its classes, its first literal label, and
#: every other (property, kind, value, whether the value is an IRI).
Entry = tuple[bool, list[str], "str | None", list[tuple[str, str, Any, bool]]]


def _entries(facts: Iterable[ox.Triple]) -> dict[str, Entry] | None:
    """The entry of each subject of ``facts`` (sorted triples); None when a blank node
    or a quoted triple occurs (whose ids are not stable from build to build)."""
    entries: dict[str, Entry] = {}
    for t in facts:
        subject, o = t.subject, t.object
        if not isinstance(subject, ox.NamedNode):
            return None
        s, p = subject.value, t.predicate.value
        entry = entries.get(s)
        if entry is None:
            entry = entries[s] = (True, [], None, [])
        if p == _RDF_TYPE:
            if not isinstance(o, (ox.NamedNode, ox.Literal)):
                return None
            entry[1].append(o.value)
        elif p == RDFS + "label" and isinstance(o, ox.Literal):
            if entry[2] is None:
                entries[s] = entry = (True, entry[1], o.value, entry[3])
        elif isinstance(o, ox.NamedNode):
            entry[3].append((p, "string", o.value, True))
        elif isinstance(o, ox.Literal):
            kind, value = _python_value(o)
            entry[3].append((p, kind, value, False))
        else:
            return None
    return entries


def _node_state(entries: dict[str, Entry], earlier: dict[str, Any] | None,
                changed: set[str] | None = None,
                referrers: Callable[[str], Iterable[str]] | None = None) -> dict[str, Any]:
    """The property graph's nodes, kinds and bare edges made from ``entries``; with the
    ``earlier`` state and the ``changed`` subjects, each other subject's node (and its
    digest) is taken from the earlier state when the attribute names and kinds of the
    whole graph are the same as there and none of its IRI values became or stopped
    being a node. ``referrers`` gives the subjects whose values name an IRI (read from
    the graph); without it the entries are searched."""
    if earlier is not None and changed is not None and "counts" in earlier:
        patched = _patched_state(entries, earlier, changed, referrers)
        if patched is not None:
            return patched
    subjects = entries.keys()
    predicates: dict[str, int] = defaultdict(int)
    for entry in entries.values():
        for p, *_ in entry[3]:
            predicates[p] += 1
    labelled = sum(1 for entry in entries.values() if entry[2] is not None)
    names = _attribute_names(_predicates(predicates, labelled))
    raw: dict[str, dict[str, list[tuple[str, Any]]]] = {}
    edges: list[tuple[str, str, str]] = []
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s, entry in entries.items():
        attrs = raw[s] = _attributes(s, entry, names, subjects, edges)
        for name, values in attrs.items():
            counts[name][values[0][0] if len(values) == 1 else "string"] += 1
    kinds = _kinds(counts)
    names_list = sorted(names.items())
    old_nodes: dict[str, Any] = {}
    if (earlier is not None and changed is not None and earlier["kinds"] == kinds
            and earlier["names"] == names_list):
        old_nodes = earlier["nodes"]
        flipped = {s for s in changed if (s in subjects) != (s in old_nodes)}
        if flipped:
            old_nodes = {s: made for s, made in old_nodes.items()
                         if not any(iri and value in flipped
                                    for _p, _k, value, iri in entries.get(s, (0, 0, 0, ()))[3])}
    nodes: dict[str, tuple[dict[str, Any], list[str], bytes]] = {}
    for s in sorted(subjects):
        if changed is not None and s not in changed and s in old_nodes:
            nodes[s] = old_nodes[s]
        else:
            nodes[s] = _node(s, entries[s], raw[s], kinds)
    edges.sort()
    made = {"version": _STATE_VERSION, "entries": entries, "nodes": nodes,
            "kinds": kinds, "names": names_list, "edges": edges,
            "counts": {"predicates": dict(predicates), "labelled": labelled,
                       "kinds": {name: dict(found) for name, found in counts.items()}}}
    _earlier_edges(made, earlier, changed)
    return made


def _patched_state(entries: dict[str, Entry], earlier: dict[str, Any], changed: set[str],
                   referrers: Callable[[str], Iterable[str]] | None
                   ) -> dict[str, Any] | None:
    """The node state of ``entries`` made from the ``earlier`` one in proportion to the
    change: only the ``changed`` subjects and those whose IRI values name a subject that
    was added or removed are made again, the attribute names and kinds of the whole graph
    from counts kept with the state. None when those names or kinds changed (every node
    is then made again)."""
    old_entries: dict[str, Entry] = earlier["entries"]
    old_nodes = earlier["nodes"]
    flipped = {s for s in changed if (s in entries) != (s in old_entries)}
    again = set(changed)
    for s in flipped:
        found = (referrers(s) if referrers is not None else
                 (r for r, entry in entries.items()
                  if any(iri and value == s for _p, _k, value, iri in entry[3])))
        again.update(r for r in found if r in entries or r in old_entries)
    counts = earlier["counts"]
    predicates = dict(counts["predicates"])
    labelled = counts["labelled"]
    for s in again & changed:
        for entry, sign in ((old_entries.get(s), -1), (entries.get(s), 1)):
            if entry is not None:
                for p, *_ in entry[3]:
                    predicates[p] = predicates.get(p, 0) + sign
                labelled += sign * (entry[2] is not None)
    predicates = {p: n for p, n in predicates.items() if n}
    names = _attribute_names(_predicates(predicates, labelled))
    names_list = sorted(names.items())
    if names_list != earlier["names"]:
        return None
    kind_counts = {name: dict(found) for name, found in counts["kinds"].items()}
    raw: dict[str, dict[str, list[tuple[str, Any]]]] = {}
    added: list[tuple[str, str, str]] = []
    for s in again:
        for entry, subjects, sign in ((old_entries.get(s), old_entries, -1),
                                      (entries.get(s), entries, 1)):
            if entry is None:
                continue
            attrs = _attributes(s, entry, names, subjects, added if sign > 0 else [])
            if sign > 0:
                raw[s] = attrs
            for name, values in attrs.items():
                kind = values[0][0] if len(values) == 1 else "string"
                found = kind_counts.setdefault(name, {})
                found[kind] = found.get(kind, 0) + sign
    kinds = _kinds(kind_counts)
    if kinds != earlier["kinds"]:
        return None
    edges = [edge for edge in earlier["edges"] if edge[0] not in again]
    edges.extend(added)
    edges.sort()
    made_nodes = {s: _node(s, entries[s], raw[s], kinds) for s in again if s in entries}
    if flipped or len(old_nodes) != len(entries):
        merged = {**old_nodes, **made_nodes}
        nodes = {s: merged[s] for s in sorted(entries)}
    else:  # the same subjects, in the same order
        nodes = {**old_nodes, **made_nodes}
    made = {"version": _STATE_VERSION, "entries": entries, "nodes": nodes,
            "kinds": kinds, "names": names_list, "edges": edges,
            "counts": {"predicates": predicates, "labelled": labelled,
                       "kinds": {name: {k: n for k, n in found.items() if n}
                                 for name, found in kind_counts.items()
                                 if any(found.values())}}}
    _earlier_edges(made, earlier, changed)
    return made


def _predicates(counts: dict[str, int], labelled: int) -> list[str]:
    """The properties whose values are named as attributes: rdfs:label too when a subject
    has a literal label (a label that is not a literal is an attribute or an edge; its
    local name is reserved, so naming it renames nothing else)."""
    found = [p for p, n in counts.items() if n]
    if labelled and RDFS + "label" not in counts:
        found.append(RDFS + "label")
    return found


def _attributes(s: str, entry: Entry, names: dict[str, str], subjects: Any,
                edges: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, Any]]]:
    """The attribute values of subject ``s`` by attribute name; its IRI values that are
    ``subjects`` go to ``edges`` instead."""
    attrs: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for p, kind, value, iri in entry[3]:
        if iri and value in subjects:
            edges.append((s, value, p))
        else:
            attrs[names[p]].append((kind, value))
    return attrs


def _kinds(counts: dict[str, dict[str, int]]) -> dict[str, str]:
    """Per attribute name, the kind of every subject's values when they all have the
    same, else ``string`` (a subject with several values counts as ``string``)."""
    kinds = {}
    for name, found in counts.items():
        present = [kind for kind, n in found.items() if n]
        if present:
            kinds[name] = present[0] if len(present) == 1 else "string"
    return dict(sorted(kinds.items()))


def _node(s: str, entry: Entry, attrs: dict[str, list[tuple[str, Any]]],
          kinds: dict[str, str]) -> tuple[dict[str, Any], list[str], bytes]:
    """The node of subject ``s``, its class chain and its digest."""
    types, label = entry[1], entry[2]
    named = attrs.get("name") or attrs.get("characterName")
    chain = (_class_chain(most_specific(types) or min(types)) if types
             else ["Resource"])
    node: dict[str, Any] = {
        "label": label or (named[0][1] if named else _local(s)),
        "class": chain[0], "category": chain[-1]}
    for key in sorted(attrs):
        values = attrs[key]
        if kinds[key] == "string":
            node[key] = _JOIN.join(str(v) for _, v in values)
        else:
            node[key] = values[0][1]
    digest = hashlib.blake2b(repr((s, chain, node)).encode("utf-8", "surrogatepass"),
                             digest_size=16).digest()
    return node, chain, digest


def _earlier_edges(made: dict[str, Any], earlier: dict[str, Any] | None,
                   changed: set[str] | None) -> None:
    if earlier is not None and changed is not None and "kept_edges" in earlier:
        # What the edges of the last build need to be taken (see _edge_support).
        made["earlier_edges"] = earlier["kept_edges"]
        made["earlier_labels"] = {s: earlier["nodes"][s][0]["label"] for s in changed
                                  if s in earlier["nodes"]}
        made["changed"] = changed


def _nodes(kg: Graph) -> dict[str, Any] | None:
    """The node state of the facts graph of ``kg`` (see :func:`_node_state`): from the
    earlier state left in :data:`EARLIER_PROPERTY_GRAPH`, only the entries of the changed
    subjects read from the graph, else every entry from the facts triples. None where
    the facts graph has blank nodes or quoted triples."""
    earlier = kg.memo.pop(EARLIER_PROPERTY_GRAPH, None)
    if earlier is not None:
        data, changed = earlier
        try:
            state = _earlier_state(data)
            entries = dict(state["entries"])
            for s in changed:
                entry = _subject_entry(kg, s)
                if entry is None:
                    entries.pop(s, None)
                elif entry is False:
                    raise ValueError("not kept")
                else:
                    entries[s] = entry
            facts = kg.names.facts

            def referrers(iri: str) -> Iterable[str]:
                return (q.subject.value for q in kg.store.quads_for_pattern(
                    None, None, ox.NamedNode(iri), facts))

            return _node_state(entries, state, set(changed), referrers)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError):
            pass  # damaged or of another shape: made afresh below, never trusted
    made = _entries(fact_triples(kg))
    return None if made is None else _node_state(made, None)


def _earlier_state(data: bytes) -> dict[str, Any]:
    import marshal

    state = marshal.loads(data)
    if not isinstance(state, dict) or state.get("version") != _STATE_VERSION:
        raise ValueError("another shape")
    # Taken as marshal gives them back (tuples and lists as they were written): copied
    # one by one they took about as long as reading them. The kept state is intact by
    # its digest (see keep_beside_parts) and of this shape by its version.
    entries, nodes = state["entries"], state["nodes"]
    if not isinstance(entries, dict) or not isinstance(nodes, dict) or nodes.keys() - entries:
        raise ValueError("inconsistent")
    made = {"entries": entries, "nodes": nodes, "kinds": dict(state["kinds"]),
            "names": [tuple(pair) for pair in state["names"]]}
    # What the nodes are patched with (see _patched_state): the bare edges, and the
    # counts the attribute names and kinds of the whole graph are made from.
    if isinstance(state.get("edges"), list) and isinstance(state.get("counts"), dict):
        made["edges"] = state["edges"]
        made["counts"] = state["counts"]
    edges = state.get("kept_edges")
    if edges is not None:
        if not isinstance(edges, dict):
            raise ValueError("another shape")
        made["kept_edges"] = edges
    return made


def kept_property_graph(kg: Graph) -> bytes | None:
    """The node state the exports made (see :func:`_nodes`), marshalled for the next
    build; None when none was made."""
    import marshal

    state = kg.memo.get(PROPERTY_GRAPH_STATE)
    if state is None:
        return None
    return marshal.dumps({"version": _STATE_VERSION,
                          "entries": state["entries"],
                          "nodes": state["nodes"], "kinds": state["kinds"],
                          "names": state["names"], "edges": state["edges"],
                          "counts": state["counts"],
                          # Made by the property graph with its evidence, if it was.
                          "kept_edges": state.get("kept_edges")})


def _subject_entry(kg: Graph, s: str) -> Entry | bool | None:
    """The entry of subject ``s`` read from the facts graph of ``kg`` (None when it has
    no triples there; False when it cannot be kept)."""
    quads = list(kg.store.quads_for_pattern(ox.NamedNode(s), None, None, kg.names.facts))
    if not quads:
        return None

    entries = _entries(sorted((q.triple for q in quads), key=triple_key))
    if entries is None:
        return False
    return entries.get(s)


def fact_triples(kg: Graph) -> list[ox.Triple]:
    """The triples of the facts graph, sorted (:meth:`Graph.triples`), read once while
    the graph is open: the property graph and the page both walk them."""
    return kg.memoized(("triples", kg.names.facts.value),
                       lambda: kg.triples((kg.names.facts,)))


#: Where ``kg.memo`` holds the statement records of :func:`statement_records`, and where
#: a build may leave those of the previous graph (packed,
#: :func:`~heroes_kg.rdf.read.pack_statements`) with
#: the IRIs of the subjects whose triples changed since (see
#: :func:`heroes_kg.rdf.read.updated_statements`).
STATEMENTS = ("statements", "union")
EARLIER_STATEMENTS = ("statements", "earlier")
#: Where ``kg.memo`` holds, when the statement records were updated from an earlier
#: graph's, the triples (subject, predicate, object value) asserted by a statement read
#: again, before or after: the property graph's edges whose evidence may have changed.
RESTATED = ("statements", "restated triples")


def statement_records(kg: Graph) -> list[StatementRecord]:
    """The curated statements of ``kg`` read back from every graph
    (:func:`heroes_kg.rdf.read.statements` with ``union``), read once while the graph is
    open: the property graph and the page both need them. Where the records of an earlier
    graph were left in :data:`EARLIER_STATEMENTS`, only those of the changed statements
    are read."""
    def make() -> list[StatementRecord]:
        earlier = kg.memo.pop(EARLIER_STATEMENTS, None)
        if earlier is not None:
            packed, changed = earlier
            try:
                records = unpack_statements(packed)
            except ValueError:  # intact by its digest, yet unreadable: read afresh
                return statements(kg, union=True)
            again = restated(kg, changed)
            if again is None:
                return statements(kg, union=True)
            updated = updated_statements(kg, records, changed, again)
            kg.memo[RESTATED] = {(st.subject.value, st.predicate, st.object.value)
                                 for st in itertools.chain(records, updated)
                                 if st.iri in again}
            return updated
        return statements(kg, union=True)

    return kg.memoized(STATEMENTS, make)


def _evidence(kg: Graph, pg: PropertyGraph, records: list[StatementRecord] | None = None,
              only: set[tuple[str, str, str]] | None = None
              ) -> dict[tuple[str, str, str], dict[str, str]]:
    """Per fact triple (s, p, o) that curated statements assert (of ``only`` those, when
    given): their quotes, source articles, qualifiers and IRIs, each joined with " | "."""
    collected: dict[tuple[str, str, str], dict[str, list[str]]] = defaultdict(
        lambda: defaultdict(list))
    for st in statement_records(kg) if records is None else records:
        triple = (st.subject.value, st.predicate, st.object.value)
        if only is not None and triple not in only:
            continue
        record = collected[triple]
        for name in ("in", "as"):
            for key, ref in st.qualifiers:
                if key == name:
                    record[name].append(pg.nodes.get(ref, {}).get("label", ref))
        for e in st.evidence:
            record["sources"].append(_local(e.article))
            record["evidence"].append(e.exact)
        record["statement"].append(st.iri)
    return {key: {name: _JOIN.join(record[name]) for name in PropertyGraph.EVIDENCE
                  if record.get(name)}
            for key, record in collected.items()}


@dataclass(frozen=True)
class PropertyGraphFormat(Format):
    """A property-graph serialization of the facts (see :func:`property_graph`).

    The file is a head, one text per node and per edge, and a tail. With ``reuse`` the
    text of every element whose node or edge is the same as in the previous export (and
    whose head declares the same attributes) is copied from it instead of written again
    (see :class:`_Elements`); the bytes are the same either way."""

    def serialize(self, kg: Graph, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
        if with_ontology:
            raise OutputError(f"{{--with_ontology}} applies to RDF formats only, not to "
                                f"{self.name}; the ontology is in ontology/heroes.ttl")
        return self.write(property_graph(kg, evidence=not facts_only), reuse)

    def write(self, pg: PropertyGraph, reuse: Reuse | None = None) -> bytes:
        raise NotImplementedError


_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class _Elements:
    """The elements (nodes, edges, rows) of a property-graph export, each element's text
    taken from the previous export when the same element was written there under the
    same head, else made.

    An element is known by a digest of what its text is made from (its node or edge
    and attributes); the previous export's index maps each digest to where the text
    lies, after the head, and to the edge's number. The head (the attribute
    declarations, the columns) is kept in the index too: when it changed every element
    is written again. Elements that lay one after the other in the previous export and
    do so again are copied as one piece. Edges are numbered in order (``e0``, ``e1``,
    …): an edge whose number changed gets its new one where the old one lay."""

    #: The shape of an index entry, (offset, length, where the number lies, number),
    #: kept with the head: an index of another shape lends nothing.
    _SHAPE = 2

    def __init__(self, reuse: Reuse | None, head: bytes) -> None:
        self.reuse = reuse
        old = reuse.old if reuse is not None else {}
        self.old = old if old.get(b"@head") == (self._SHAPE, head) else {}
        self.head = head
        self.parts: list[bytes] = [head]
        self.at = 0
        self.new: dict[bytes, Any] = {}

    def section(self, keys: Iterable[bytes], make: Callable[[int], bytes], count: int,
                numbered: bool = False) -> None:
        """The texts of ``count`` elements in order: the i-th known by the i-th digest
        of ``keys`` (see :meth:`PropertyGraph.digests`) and made by ``make(i)`` when the
        previous export has no such element; with ``numbered`` the i-th is edge number
        ``i``.

        The elements are taken in runs: those made, and those that lay one after the
        other in the previous export, found with list operations rather than element by
        element, so that an export in which few elements changed costs little more than
        copying it."""
        reuse = self.reuse
        parts = self.parts
        if reuse is None:  # nothing to copy from, no index to keep
            texts = list(map(make, range(count)))
            parts.extend(texts)
            self.at += sum(map(len, texts))
            return
        if not count:
            return
        keys = list(itertools.islice(keys, count))
        found = list(map(self.old.get, keys, itertools.repeat(_ABSENT)))
        starts = list(map(_FIRST, found))
        lengths = list(map(_SECOND, found))
        ends = list(map(operator.add, starts, lengths))
        cuts = list(map(_THIRD, found))
        numbers = list(map(_FOURTH, found))
        del found
        # A run ends where the next element did not follow it in the previous export
        # (an element made follows none, and none follows it).
        breaks = [0, *itertools.compress(range(1, count),
                                         map(operator.ne, starts[1:], ends)), count]
        new, at, base = self.new, self.at, len(self.head)
        for first, stop in itertools.pairwise(breaks):
            if starts[first] < 0:  # not in the previous export: made
                for i in range(first, stop):
                    text = make(i)
                    parts.append(text)
                    new[keys[i]] = (at, len(text),
                                    text.find(b'" id="e') + 7 if numbered else -1,
                                    i if numbered else -1)
                    at += len(text)
                continue
            reuse.reused += stop - first
            text = reuse.text(base + starts[first], ends[stop - 1] - starts[first])
            if not numbered or numbers[first] == first:  # copied as one piece
                parts.append(text)
                new.update(zip(keys[first:stop], zip(
                    map(operator.add, starts[first:stop], itertools.repeat(at - starts[first])),
                    lengths[first:stop], cuts[first:stop], numbers[first:stop])))
                at += len(text)
                continue
            # Edges that moved: each gets its new number where its old one lay.
            offset = starts[first]
            for i in range(first, stop):
                begin, cut = starts[i] - offset, cuts[i]
                piece = (text[begin:begin + cut] + str(i).encode()
                         + text[begin + cut + len(str(numbers[i])):begin + lengths[i]])
                parts.append(piece)
                new[keys[i]] = (at, len(piece), cut, i)
                at += len(piece)
        self.at = at

    def plain(self, text: bytes) -> None:
        """Text between elements (the same in every export with this head)."""
        self.parts.append(text)
        self.at += len(text)

    def text(self, tail: bytes) -> bytes:
        """The export: the head, the elements and ``tail``; the index of where each
        element lies is left in the reuse for the next build."""
        if self.reuse is not None:
            self.reuse.new = {b"@head": (self._SHAPE, self.head), **self.new}
        self.parts.append(tail)
        data = b"".join(self.parts)
        self.parts = []
        return data


#: An edge's attributes.
_ATTRS = operator.itemgetter(2)


def _signatures(items: Iterable[dict[str, Any]]
                ) -> dict[tuple[tuple[str, ...], tuple[type, ...]], None]:
    """The distinct (attribute names, types of their values) of ``items``, in the order
    first met: what the attribute declarations of a property-graph export are made
    from, found without visiting every value in Python."""
    items = list(items)
    return dict.fromkeys(zip(map(tuple, items), map(tuple, map(
        map, itertools.repeat(type), map(dict.values, items)))))


def _networkx(pg: PropertyGraph) -> nx.MultiDiGraph:
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node_id, attrs in pg.nodes.items():
        graph.add_node(node_id, **attrs)
    for n, (source, target, attrs) in enumerate(pg.edges):
        graph.add_edge(source, target, key=f"e{n}", **attrs)
    return graph


def _graphml_lines(text: str) -> bytes:
    """As networkx writes GraphML: ASCII with character references, its lines split at
    every line boundary str.splitlines knows and joined with line feeds."""
    text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return "\n".join(text.splitlines()).encode("ascii")


@dataclass(frozen=True)
class _GraphML(PropertyGraphFormat):
    """GraphML in the bytes networkx's writer gives for the same property graph (a test
    keeps the two in step), written as text: networkx builds an element tree of every
    node, edge and value first, the slowest export at a million triples."""

    def write(self, pg: PropertyGraph, reuse: Reuse | None = None) -> bytes:
        # The keys are numbered in the order networkx meets them: all nodes' attributes,
        # then all edges'.
        keys: dict[tuple[str, str, str], str] = {}
        for scope, signatures in zip(("node", "edge"), pg.signatures()):
            for names, types in signatures:
                for name, kind in zip(names, types):
                    found = (name, _GRAPHML_TYPES[kind], scope)
                    if found not in keys:
                        keys[found] = f"d{len(keys)}"
        declared = [f'  <key id="{kid}" for="{scope}" attr.name="{_xml_attr(name)}" '
                    f'attr.type="{kind}" />' for (name, kind, scope), kid in keys.items()]
        if not pg.nodes and not pg.edges:
            text = "\n".join([_GRAPHML_OPEN, *reversed(declared),
                              '  <graph edgedefault="directed" />', "</graphml>"])
            return _XML_DECLARATION + _graphml_lines(text) + b"\n"
        head = _XML_DECLARATION + _graphml_lines("\n".join(
            [_GRAPHML_OPEN, *reversed(declared), '  <graph edgedefault="directed">'])) + b"\n"

        kinds = _GRAPHML_TYPES

        def element(start: str, scope: str, attrs: dict[str, Any]) -> bytes:
            if not attrs:
                return _graphml_lines(f"    <{start} />") + b"\n"
            data = "".join(f'\n      <data key="{keys[(name, kinds[type(value)], scope)]}">'
                           f"{_xml_text(str(value))}</data>" for name, value in attrs.items())
            return _graphml_lines(f"    <{start}>{data}\n    </{scope}>") + b"\n"

        nodes = list(pg.nodes.items())
        edges = pg.edges

        def node_text(i: int) -> bytes:
            node, attrs = nodes[i]
            return element(f'node id="{_xml_attr(node)}"', "node", attrs)

        def edge_text(n: int) -> bytes:
            source, target, attrs = edges[n]
            return element(f'edge source="{_xml_attr(source)}" target="{_xml_attr(target)}" '
                           f'id="e{n}"', "edge", attrs)

        elements = _Elements(reuse, head)
        node_keys, edge_keys = pg.digests(reuse)
        elements.section(node_keys, node_text, len(nodes))
        elements.section(edge_keys, edge_text, len(edges), numbered=True)
        return elements.text(b"  </graph>\n</graphml>\n")


_GRAPHML_OPEN = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
#: GraphML attribute types of the Python values a property graph holds (networkx's).
_GRAPHML_TYPES = {str: "string", int: "long", bool: "boolean", float: "double"}


def _xml_text(text: str) -> str:
    """Text content escaped as xml.etree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _xml_attr(text: str) -> str:
    """An attribute value escaped as xml.etree escapes it."""
    text = _xml_text(text)
    for char, ref in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, ref)
    return text


@dataclass(frozen=True)
class _Gexf(PropertyGraphFormat):
    """GEXF 1.2 in the bytes networkx's writer gives for the same property graph (a test
    keeps the two in step), written as text: networkx builds an element tree of every
    node, edge and value first (the slowest export at a million triples after the page).
    """

    def write(self, pg: PropertyGraph, reuse: Reuse | None = None) -> bytes:
        # Attribute ids are numbered in the order networkx meets them: every node's
        # attributes, then every edge's and its copy of the edge id (never written).
        ids: dict[tuple[str, str], str] = {}
        declared: dict[str, list[str]] = {"node": [], "edge": []}

        def declare(scope: str, name: str, kind: type) -> None:
            if (scope, name) not in ids:
                found = ids[(scope, name)] = str(len(ids))
                if name != "networkx_key":  # the writer's copy of the edge id, dropped
                    declared[scope].append(
                        f'      <attribute id="{found}" title="{_xml_attr(name)}" '
                        f'type="{_GEXF_TYPES[kind]}" />')

        node_signatures, edge_signatures = pg.signatures()
        for names, types in node_signatures:
            for name, kind in zip(names, types):
                if name != "label":
                    declare("node", name, kind)
        for names, types in edge_signatures:
            for name, kind in zip(names, types):
                if name != "label":
                    declare("edge", name, kind)
            declare("edge", "networkx_key", str)
        sections = []
        for scope in ("edge", "node"):  # each new class is inserted before the others
            if any(s == scope for s, _ in ids):
                lines = declared[scope]
                sections.append(f'    <attributes mode="static" class="{scope}">\n'
                                + "\n".join(lines) + "\n    </attributes>" if lines else
                                f'    <attributes mode="static" class="{scope}" />')
        head = _XML_DECLARATION + "\n".join(
            [_GEXF_OPEN, "  <meta>", "    <creator>heroes-kg</creator>", "  </meta>",
             '  <graph defaultedgetype="directed" mode="static" name="">', *sections,
             "    <nodes>" if pg.nodes else "    <nodes />", ""]).encode("ascii",
                                                                   "xmlcharrefreplace")

        def values(scope: str, attrs: Iterable[tuple[str, Any]], pad: str) -> str:
            out = []
            for name, value in attrs:
                shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
                out.append(f'{pad}  <attvalue for="{ids[(scope, name)]}" '
                           f'value="{_xml_attr(shown)}" />')
            return "\n".join(out)

        nodes = list(pg.nodes.items())
        edges = pg.edges

        def node_text(i: int) -> bytes:
            node, attrs = nodes[i]
            rest = [(k, v) for k, v in attrs.items() if k != "label"]
            start = (f'      <node id="{_xml_attr(node)}" '
                     f'label="{_xml_attr(str(attrs.get("label", node)))}"')
            text = (f"{start}>\n        <attvalues>\n{values('node', rest, '        ')}\n"
                    "        </attvalues>\n      </node>\n" if rest else f"{start} />\n")
            return text.encode("ascii", "xmlcharrefreplace")

        def edge_text(n: int) -> bytes:
            source, target, attrs = edges[n]
            label = attrs.get("label")
            start = (f'      <edge source="{_xml_attr(source)}" target="{_xml_attr(target)}" '
                     f'id="e{n}"' + ("" if label is None else f' label="{_xml_attr(str(label))}"'))
            shown = values("edge", ((k, v) for k, v in attrs.items() if k != "label"),
                           "        ")
            text = (f"{start}>\n        <attvalues>\n{shown}\n        </attvalues>\n"
                    "      </edge>\n" if shown
                    else f"{start}>\n        <attvalues />\n      </edge>\n")
            return text.encode("ascii", "xmlcharrefreplace")

        elements = _Elements(reuse, head)
        node_keys, edge_keys = pg.digests(reuse)
        elements.section(node_keys, node_text, len(nodes))
        elements.plain((b"    </nodes>\n" if pg.nodes else b"")
                       + (b"    <edges>\n" if pg.edges else b"    <edges />\n"))
        elements.section(edge_keys, edge_text, len(edges), numbered=True)
        return elements.text((b"    </edges>\n" if pg.edges else b"")
                             + b"  </graph>\n</gexf>\n")


_GEXF_OPEN = ('<gexf xmlns="http://www.gexf.net/1.2draft" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://www.gexf.net/1.2draft '
              'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">')
#: GEXF attribute types of the Python values a property graph holds (networkx's).
_GEXF_TYPES = {str: "string", int: "long", bool: "boolean", float: "double"}


def _gexf_networkx(pg: PropertyGraph) -> bytes:
    """GEXF as networkx writes it (what :class:`_Gexf` writes, slowly; for the tests)."""
    from networkx.readwrite.gexf import GEXFWriter

    graph = _networkx(pg)
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        attrs["id"] = key
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    # The writer stamps today's date and its own version: keep the bytes reproducible.
    meta = writer.xml.find("meta")
    assert meta is not None
    meta.attrib.pop("lastmodifieddate", None)
    creator = meta.find("creator")
    assert creator is not None
    creator.text = "heroes-kg"
    writer.add_graph(graph)
    _drop_edge_attribute(writer.xml, "networkx_key")  # the writer's copy of the edge id
    return _XML_DECLARATION + str(writer).strip().encode("utf-8") + b"\n"


def _drop_edge_attribute(root: Any, title: str) -> None:
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    for declared in root.iter(f"{ns}attributes"):
        for attribute in list(declared):
            if declared.get("class") == "edge" and attribute.get("title") == title:
                declared.remove(attribute)
                for values in root.iter(f"{ns}attvalues"):
                    for value in list(values):
                        if value.get("for") == attribute.get("id"):
                            values.remove(value)


_NEO4J_TYPES = {"long": ":long", "boolean": ":boolean", "date": ":date", "string": ""}


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


class _Lines(list[str]):
    """What a csv writer writes, one row a time (the writer writes each row at once)."""

    write = list.append


def _csv(header: list[str], keys: Iterable[bytes], items: list[Any],
         cells: Callable[[Any], list[Any]], reuse: Reuse | None) -> bytes:
    """A CSV file of ``header`` and a row of ``cells(item)`` for each of ``items``, known
    by its digest in ``keys`` (see :class:`_Elements`)."""
    lines = _Lines()
    writer = csv.writer(lines, lineterminator="\n")
    writer.writerow(header)
    elements = _Elements(reuse, lines.pop().encode("utf-8"))

    def row(i: int) -> bytes:
        writer.writerow([_cell(v) for v in cells(items[i])])
        return lines.pop().encode("utf-8")

    elements.section(keys, row, len(items))
    return elements.text(b"")


@dataclass(frozen=True)
class _Neo4jNodes(PropertyGraphFormat):
    """nodes.csv for ``neo4j-admin database import`` (or ``LOAD CSV WITH HEADERS``)."""

    def write(self, pg: PropertyGraph, reuse: Reuse | None = None) -> bytes:
        keys = ["label", "class", "category", *pg.kinds]
        header = ["id:ID", ":LABEL", "label", "class", "category"] + [
            key + _NEO4J_TYPES[kind] for key, kind in pg.kinds.items()]

        def cells(node: tuple[str, dict[str, Any]]) -> list[Any]:
            node_id, attrs = node
            return [node_id, ";".join(pg.labels[node_id])] + [attrs.get(k) for k in keys]

        return _csv(header, pg.digests(reuse)[0], list(pg.nodes.items()), cells, reuse)


def _relationship_type(label: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", label).upper()


@dataclass(frozen=True)
class _Neo4jEdges(PropertyGraphFormat):
    """relationships.csv for ``neo4j-admin database import`` (or ``LOAD CSV``)."""

    def write(self, pg: PropertyGraph, reuse: Reuse | None = None) -> bytes:
        present = {name for names, _types in pg.signatures()[1] for name in names}
        columns = [c for c in PropertyGraph.EVIDENCE if c in present]
        header = [":START_ID", ":END_ID", ":TYPE", "property", *columns]

        def cells(edge: tuple[str, str, dict[str, Any]]) -> list[Any]:
            s, o, a = edge
            return ([s, o, _relationship_type(a["label"]), a["property"]]
                    + [a.get(c) for c in columns])

        return _csv(header, pg.digests(reuse)[1], pg.edges, cells, reuse)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        _OxTriples("turtle", "ttl", "text/turtle", "Turtle",
                   ox.RdfFormat.TURTLE),
        _OxTriples("ntriples", "nt", "application/n-triples", "N-Triples",
                   ox.RdfFormat.N_TRIPLES),
        _OxTriples("rdfxml", "rdf", "application/rdf+xml", "RDF/XML",
                   ox.RdfFormat.RDF_XML),
        _JsonLd("jsonld", "jsonld", "application/ld+json",
                "JSON-LD, compact, schema.org as the default vocabulary"),
        _OxQuads("trig", "trig", "application/trig", "TriG, one named graph each",
                 ox.RdfFormat.TRIG),
        _OxQuads("nquads", "nq", "application/n-quads", "N-Quads, one named graph each",
                 ox.RdfFormat.N_QUADS),
        _GraphML("graphml", "graphml", "application/graphml+xml",
                 "GraphML (Gephi, Cytoscape, yEd)"),
        _Gexf("gexf", "gexf", "application/gexf+xml", "GEXF 1.2 (Gephi)"),
        _Neo4jNodes("csv-nodes", "csv", "text/csv", "Neo4j import CSV: the nodes"),
        _Neo4jEdges("csv-edges", "csv", "text/csv", "Neo4j import CSV: the relationships"),
    ]
}


def _known_formats() -> str:
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, canonical in RDF_FORMAT_NAMES.items():
        if alias != canonical:
            aliases[canonical].append(alias)
    return ", ".join(f"{n} ({', '.join(aliases[n])})" if aliases[n] else n for n in FORMATS)


def get_format(name: str) -> Format:
    """The format called ``name`` (or one of its other names, ``ttl`` for ``turtle``);
    an :class:`OutputError` naming the known ones if none."""
    key = name.lower()
    found = FORMATS.get(RDF_FORMAT_NAMES.get(key, key))
    if found is not None:
        return found
    import difflib

    close = difflib.get_close_matches(key, [*FORMATS, *RDF_FORMAT_NAMES], n=1)
    hint = f" (did you mean {RDF_FORMAT_NAMES.get(close[0], close[0])}?)" if close else ""
    raise OutputError(f"unknown export format '{name}'{hint}; known formats: "
                      f"{_known_formats()}")


def export(kg: Graph, fmt: str, *, facts_only: bool = False,
           with_ontology: bool | None = None, reuse: Reuse | None = None) -> bytes:
    """The graph serialized in format ``fmt`` (a key of :data:`FORMATS`, or another name
    of an RDF format: ttl, nt, rdf, xml, json-ld, nq).

    ``facts_only`` leaves the provenance out (RDF: the provenance graph; property
    graphs: the evidence attributes). ``with_ontology`` adds the ontology (RDF only);
    by default quad formats include it in its own named graph, triple formats do not.
    ``reuse`` lends the blocks of the previous export (see :class:`Format.serialize`).
    """
    return get_format(fmt).serialize(kg, facts_only=facts_only, with_ontology=with_ontology,
                                     reuse=reuse)


def export_pieces(kg: Graph, fmt: str, *, facts_only: bool = False,
                  with_ontology: bool | None = None, reuse: Reuse | None = None
                  ) -> Iterable[bytes]:
    """:func:`export` as pieces whose concatenation is the file (see
    :meth:`Format.pieces`), to be written in turn."""
    return get_format(fmt).pieces(kg, facts_only=facts_only, with_ontology=with_ontology,
                                  reuse=reuse)


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    if not folder.exists():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist; "
                            "create it first")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: permission denied in {folder}")


def export_to(graph: Callable[[], Graph], fmt: str, out: Path | None = None, *,
              facts_only: bool = False, with_ontology: bool | None = None) -> bytes:
    """Export the graph that ``graph()`` opens in format ``fmt``; write it atomically to
    ``out`` when given. Returns the bytes. The format and the output folder are checked
    before the graph is opened (and closed again), and nothing is left behind when
    writing fails."""
    get_format(fmt)
    if out is not None:
        _check_writable(out)
    with graph() as kg:
        data = export(kg, fmt, facts_only=facts_only, with_ontology=with_ontology)
    if out is not None:
        try:
            atomic_write(out, data)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: creating a file in {out.parent} "
                                f"failed ({exc.strerror or exc})") from None
    return data
