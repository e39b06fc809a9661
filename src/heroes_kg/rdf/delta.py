"""Delta: the persisted store brought up to date by the difference, not rewritten.

A build keeps, beside the store, the sorted N-Triples of each data graph it put there
(the same bytes the exports are made from), cut into blocks of subjects (see
:func:`~heroes_kg.rdf.store.cut_blocks`) and kept in segments: files of consecutive
blocks (``.heroes-kg/parts/<name>.nt``), each ending after a block chosen by its digest
(about 128 blocks a segment), named by the digests of the blocks it holds. An index
(``parts/index``, :func:`~heroes_kg.rdf.store.read_parts_index`) lists each graph's
segments in order with their blocks. The next build compares its own blocks with them,
looks for the lines removed and added only in the blocks that changed, and applies them
to the store in one SPARQL update, which Oxigraph runs as a single transaction: the store
holds the old graph or the new one, never a mix. It writes only the segments that are
new (an edit changes the segments of the blocks it touches; the cuts of the others stay
where they were), then the index; segments no index names are removed once the build
has finished.

The store, the parts and the state file cannot change in one step, so a change is
bracketed by a marker file (:func:`~heroes_kg.rdf.store.begin_change` ...
:func:`~heroes_kg.rdf.store.end_change`). While the marker exists the
store counts as stale (:func:`heroes_kg.rdf.store.open_store` rebuilds it) and the next
build rebuilds everything: a kill at any point leaves the previous state or, after a
rebuild, the new one. A segment is written whole (synced) under a temporary name and
renamed before the index that names it, and the segments the index before named stay
until the new index is in place, so every index always names complete files.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import mmap
import os
import shutil
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .._io import write_temp
from ..project import Project
from .store import (
    _CUT_MASK,
    Block,
    Graph,
    PartsIndex,
    _sort_lines,
    cut_blocks,
    part_files,
    parts_dir,
    read_parts_index,
    segment_file,
    store_dir,
    write_parts_index,
)

__all__ = [
    "MAX_LINES",
    "Delta",
    "Staged",
    "apply",
    "commit_parts",
    "diff",
    "discard_parts",
    "drop_parts",
    "keep_beside_parts",
    "ontology_digest",
    "parts_dir",
    "prune_parts",
    "read_beside_parts",
    "read_part",
    "splice",
    "spliceable",
    "stage_parts",
    "write_parts",
]

#: Above this many changed lines the store is rewritten whole instead (a bulk load is
#: faster than one huge update).
MAX_LINES = 200_000
#: A segment of the parts ends after a block whose digest's first byte has these bits
#: clear: about 128 blocks (2,000 subjects, 1.7 MB at a million triples) a segment.
_SEGMENT_MASK = 127


def ontology_digest(project: Project) -> str:
    """What the ontology graph of the store was made from (it has blank nodes, so it is
    replaced whole, never diffed)."""
    return hashlib.sha256(project.ontology_file.read_bytes()).hexdigest()


#: The blocks of one graph's parts, in order: (digest, the segment holding it, mapped,
#: or the graph's lines read into one buffer; where the block starts in it, its length).
_Blocks = list[tuple[bytes, mmap.mmap | bytearray, int, int]]
#: A graph of more segments than this is read into one buffer instead of being mapped:
#: each mapping holds a file descriptor while it lives (1,024 a process by default on
#: many systems; the provenance graph of a million triples has 106 segments).
_MAPPED_AT_MOST = 256


def _graph_of(project: Project, segments: list[Any]) -> _Blocks | None:
    """The blocks the ``segments`` of one graph hold, each segment mapped into memory
    (read-only) rather than read: the splice copies each unchanged block once, from the
    page cache into the new sorted lines, instead of reading all of them into a buffer
    first (185 MB at a million triples, a copy and its page faults). A segment is never
    changed in place (it is written under a temporary name and renamed, or removed),
    so a mapping always holds what it held when it was made. Past
    :data:`_MAPPED_AT_MOST` segments they are read into one buffer (one allocation,
    given back whole when freed). None when a segment is missing or not of the size
    the index says."""
    found: _Blocks = []
    buffer = None if len(segments) <= _MAPPED_AT_MOST else bytearray(
        sum(segment[1] for segment in segments))
    offset = 0
    try:
        for name, size, digests, lengths in segments:
            sizes = array.array("q", lengths)
            if len(digests) != 16 * len(sizes) or sum(sizes) != size or size <= 0:
                return None
            with open(segment_file(project, name), "rb", buffering=0) as handle:
                if os.fstat(handle.fileno()).st_size != size:
                    return None
                data: mmap.mmap | bytearray
                if buffer is None:
                    data, at = mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ), 0
                elif handle.readinto(memoryview(buffer)[offset:offset + size]) != size:
                    return None
                else:
                    data, at = buffer, offset
            offset += size
            for k, n in enumerate(sizes):
                if n <= 0:
                    return None
                found.append((digests[16 * k:16 * k + 16], data, at, n))
                at += n
    except (OSError, TypeError, ValueError):
        return None
    return found


def _graph_in(project: Project, index: PartsIndex | None, graph: ox.NamedNode
              ) -> _Blocks | None:
    segments = None if index is None else index["graphs"].get(graph.value)
    return None if segments is None else _graph_of(project, segments)


def _joined(blocks: _Blocks) -> bytes:
    return b"".join(memoryview(data)[at:at + n] for _, data, at, n in blocks)


def read_part(project: Project, graph: ox.NamedNode) -> bytes | None:
    """The sorted N-Triples of ``graph`` the parts hold (None when they cannot be read)."""
    found = _graph_in(project, read_parts_index(project), graph)
    return None if found is None else _joined(found)


def write_parts(project: Project, kg: Graph) -> None:
    """Keep the sorted N-Triples of each data graph of ``kg``, every segment written
    again, for the next build's diff (call between the change markers)."""
    commit_parts(project, stage_parts(project, kg, again=True))


@dataclass
class Staged:
    """Parts written by :func:`stage_parts`: the index that names them, and the segment
    files written that the index before did not name."""

    graphs: dict[str, list[Any]]
    written: list[Path] = field(default_factory=list)


def _segments(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """``blocks`` in runs, each ending after a block whose digest says so, with the name
    of each run (a digest of its blocks' digests: the same blocks, the same name)."""
    runs: list[list[Block]] = []
    run: list[Block] = []
    for block in blocks:
        run.append(block)
        if not block[0][0] & _SEGMENT_MASK:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [(hashlib.blake2b(b"".join(d for d, _ in run), digest_size=16).hexdigest(), run)
            for run in runs]


def stage_parts(project: Project, kg: Graph, *, again: bool = False) -> Staged:
    """The first half of :func:`write_parts`, which changes nothing a reader sees: each
    segment that the last index does not name written (and synced), every one with
    ``again``. It may run in another thread while the build goes on (it only reads
    ``kg``'s sorted lines, made already); :func:`commit_parts` writes the index that
    names them, or :func:`discard_parts` removes them."""
    folder = parts_dir(project)
    folder.mkdir(exist_ok=True)
    for leftover in folder.glob(".*.tmp"):  # of a build that was killed (we hold the lock)
        leftover.unlink(missing_ok=True)
    before = read_parts_index(project)
    named = set() if before is None else {
        segment[0] for segments in before["graphs"].values() for segment in segments}
    staged = Staged({})
    try:
        for graph in kg.data_graphs:
            data = kg.sorted_ntriples((graph,))
            segments = []
            at = 0
            for name, run in _segments(kg.sorted_blocks(graph)):
                lengths = array.array("q", [len(block) for _, block in run])
                size = sum(lengths)
                segments.append((name, size, b"".join(digest for digest, _ in run),
                                 lengths.tobytes()))
                path = segment_file(project, name)
                if again or name not in named or not _is_size(path, size):
                    # Named by its blocks: a segment the last index names is rewritten
                    # with the very bytes it holds, so that index stays whole.
                    os.replace(write_temp(path, data[at:at + size]), path)
                    if name not in named:
                        staged.written.append(path)
                at += size
            staged.graphs[graph.value] = segments
    except BaseException:
        discard_parts(staged)
        raise
    return staged


def _is_size(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def commit_parts(project: Project, staged: Staged) -> None:
    """Put the parts :func:`stage_parts` wrote in place: the index that names them."""
    write_parts_index(project, staged.graphs)


def discard_parts(staged: Staged) -> None:
    """Remove the segments :func:`stage_parts` wrote that no index names."""
    for path in staged.written:
        path.unlink(missing_ok=True)


def prune_parts(project: Project) -> None:
    """Remove every file of the parts folder that the index does not name, nor keeps
    beside the parts (call once the build has finished)."""
    index = read_parts_index(project)
    if index is None:
        return
    keep = {"index"} | {f"{segment[0]}.nt" for segments in index["graphs"].values()
                        for segment in segments}
    try:
        entries = list(os.scandir(parts_dir(project)))
    except OSError:
        return
    for entry in entries:
        if entry.name not in keep and not entry.name.endswith(".kept"):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)


def spliceable(project: Project, graphs: Iterable[ox.NamedNode]) -> bool:
    """Whether the parts of ``graphs`` are there as their index says, as :func:`splice`
    needs (it still checks them again)."""
    index = read_parts_index(project)
    if index is None or any(graph.value not in index["graphs"] for graph in graphs):
        return False
    return part_files(project, index) is not None


def splice(project: Project, kg: Graph, changed: Iterable[ox.Quad]) -> Delta | None:
    """Give ``kg`` the sorted N-Triples of each data graph, and their blocks, from the
    parts the last finished build kept and the subjects of the ``changed`` quads (every
    quad added or removed since): only the blocks holding those subjects are made again,
    from the subjects' triples in ``kg``, and cut again where their cuts moved; every other
    block is the last build's, as it was. The same bytes and blocks as sorting the whole
    graph (:meth:`~heroes_kg.rdf.store.Graph.sorted_blocks`). Returns the difference
    from the parts (what :func:`diff` would find), or None, having given nothing, when a
    part or the index is missing or does not describe the other, or a changed subject is
    a blank node: then the graph is sorted whole."""
    subjects: set[ox.NamedNode] = set()
    for quad in changed:
        if not isinstance(quad.subject, ox.NamedNode):
            return None
        subjects.add(quad.subject)
    made = {}
    removed: dict[ox.NamedNode, list[bytes]] = {}
    added: dict[ox.NamedNode, list[bytes]] = {}
    index = read_parts_index(project)
    for graph in kg.data_graphs:
        found = _graph_in(project, index, graph)
        if found is None:
            return None
        spliced = _splice_graph(kg, graph, found, subjects)
        if spliced is None:
            return None
        made[graph] = spliced[:2]
        removed[graph], added[graph] = spliced[2:]
    for graph, (data, blocks) in made.items():
        kg.adopt_sorted(graph, data, blocks)
    return Delta(removed, added)


def _splice_graph(kg: Graph, graph: ox.NamedNode, order: _Blocks,
                  subjects: set[ox.NamedNode]
                  ) -> tuple[bytes, list[Block], list[bytes], list[bytes]] | None:
    if not order:
        return None
    # A subject's lines are consecutive and within one block: the block holding them
    # (or where they would go) is the last whose first subject sorts before. Each
    # block's first subject (with the space after it, so that the order of these
    # strings is that of the lines).
    firsts = [bytes(data[at:data.find(b" ", at, at + n) + 1]) for _, data, at, n in order]
    mine: dict[int, list[bytes]] = {}
    tokens: set[bytes] = set()
    store = kg.store
    for subject in subjects:
        token = str(subject).encode("utf-8") + b" "
        tokens.add(token)
        lines = ox.serialize([q.triple for q in store.quads_for_pattern(
            subject, None, None, graph)], format=ox.RdfFormat.N_TRIPLES) or b""
        if lines and not lines.startswith(token):
            return None
        k = max(bisect.bisect_right(firsts, token) - 1, 0)
        mine.setdefault(k, []).append(lines)
    pieces: list[bytes | memoryview] = []
    blocks: list[tuple[bytes, int, int]] = []  # digest, start, length in the new bytes
    before_lines: set[bytes] = set()  # of the blocks made again, before and after
    after_lines: set[bytes] = set()
    size = 0
    i = 0
    count = len(order)
    while i < count:
        if i not in mine:
            key, data, at, n = order[i]
            pieces.append(memoryview(data)[at:at + n])
            blocks.append((key, size, n))
            size += n
            i += 1
            continue
        # A run of blocks made again, extended until it ends after a subject that ends
        # a block (or at the end of the graph), so that every later cut is where it was.
        j = i
        while True:
            old = _joined(order[i:j + 1])
            kept = [line for line in old.split(b"\n")[:-1]
                    if line[:line.find(b" ") + 1] not in tokens]
            added = [lines for k in range(i, j + 1) for lines in mine.get(k, ())]
            region = _sort_lines(b"".join(line + b"\n" for line in kept) + b"".join(added),
                                 distinct=True)
            last = _last_subject(region)
            if j + 1 >= count or last is None or not zlib.crc32(last) & _CUT_MASK:
                break
            j += 1
        pieces.append(region)
        before_lines |= _lines(old)
        after_lines |= _lines(region)
        for digest, block in cut_blocks(region):
            blocks.append((digest, size, len(block)))
            size += len(block)
        i = j + 1
    spliced = b"".join(pieces)
    del pieces
    view = memoryview(spliced)
    return (spliced, [(digest, view[start:start + n]) for digest, start, n in blocks],
            sorted(before_lines - after_lines), sorted(after_lines - before_lines))


def _last_subject(data: bytes) -> bytes | None:
    if not data:
        return None
    line = data[data.rfind(b"\n", 0, len(data) - 1) + 1:]
    return line[:line.find(b" ")]


#: What is kept beside the parts: this, the generation of the parts' index it was kept
#: with (16 bytes), the SHA-256 of the data (32 bytes), then the data.
_KEPT_MAGIC = b"heroes-kg kept 2\n"


def keep_beside_parts(project: Project, name: str, data: bytes | None) -> None:
    """Keep ``data``, derived from the data graphs the parts hold, beside them (None
    removes what was kept): :func:`read_beside_parts` gives it back while the parts'
    index is the one just written. Call between the change markers, after
    :func:`commit_parts`. Not synced: it carries its digest, so what a crash damages is
    made afresh by the next build, never trusted."""
    path = parts_dir(project) / f"{name}.kept"
    index = read_parts_index(project)
    if data is None or index is None:
        path.unlink(missing_ok=True)
        return
    header = _KEPT_MAGIC + index["generation"] + hashlib.sha256(data).digest()
    os.replace(write_temp(path, (header, data), sync=False), path)


def read_beside_parts(project: Project, name: str) -> bytes | None:
    """What :func:`keep_beside_parts` kept, if it is intact and was kept with the parts'
    index as it is (so it describes the graph the parts hold)."""
    index = read_parts_index(project)
    if index is None:
        return None
    head = len(_KEPT_MAGIC) + 48
    try:
        with open(parts_dir(project) / f"{name}.kept", "rb") as handle:
            header = handle.read(head)
            data = handle.read()
    except OSError:
        return None
    if (len(header) != head or not header.startswith(_KEPT_MAGIC)
            or header[len(_KEPT_MAGIC):-32] != index["generation"]
            or hashlib.sha256(data).digest() != header[-32:]):
        return None
    return data


def drop_parts(project: Project) -> None:
    shutil.rmtree(parts_dir(project), ignore_errors=True)


@dataclass
class Delta:
    """Lines of N-Triples to remove from and add to each data graph."""

    removed: dict[ox.NamedNode, list[bytes]]
    added: dict[ox.NamedNode, list[bytes]]

    def __len__(self) -> int:
        return sum(map(len, self.removed.values())) + sum(map(len, self.added.values()))

    def update(self) -> str:
        """One SPARQL update: DELETE DATA then INSERT DATA, graph by graph."""
        ops = []
        for verb, lines in (("DELETE", self.removed), ("INSERT", self.added)):
            blocks = [f"GRAPH <{g.value}> {{\n" + b"\n".join(ls).decode("utf-8") + "\n}"
                      for g, ls in lines.items() if ls]
            if blocks:
                ops.append(f"{verb} DATA {{\n" + "\n".join(blocks) + "\n}")
        return " ;\n".join(ops)


def diff(project: Project, kg: Graph) -> Delta | None:
    """What changed in the data graphs since the parts were written, or None when a
    part is missing."""
    removed: dict[ox.NamedNode, list[bytes]] = {}
    added: dict[ox.NamedNode, list[bytes]] = {}
    index = read_parts_index(project)
    for graph in kg.data_graphs:
        found = _graph_in(project, index, graph)
        if found is None:
            return None
        # The lines of unchanged blocks are in both: compare only the others.
        blocks = kg.sorted_blocks(graph)
        keys = {key for key, _ in blocks}
        where = {key for key, _, _, _ in found}
        before = _lines(_joined([block for block in found if block[0] not in keys]))
        after = _lines(b"".join(block for key, block in blocks if key not in where))
        removed[graph] = sorted(before - after)
        added[graph] = sorted(after - before)
    return Delta(removed, added)


def _lines(data: bytes) -> set[bytes]:
    lines = set(data.split(b"\n"))
    lines.discard(b"")
    return lines


def apply(project: Project, delta: Delta) -> None:
    """Apply ``delta`` to the persisted store in one transaction (call with the lock
    held, between :func:`~heroes_kg.rdf.store.begin_change` and
    :func:`~heroes_kg.rdf.store.end_change`)."""
    if not len(delta):
        return
    store = ox.Store(str(store_dir(project)))
    try:
        store.update(delta.update())
        store.flush()
    finally:
        del store

