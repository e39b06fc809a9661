"""Delta: the persisted store brought up to date by the difference, not rewritten.

A build keeps, beside the store, the sorted N-Triples of each data graph it put there
(``.heroes-kg/parts/<graph>.nt``, the same bytes the exports are made from) and where each
of their blocks of subjects lies in them (``<graph>.blocks``; see
:func:`~heroes_kg.rdf.store.cut_blocks`). The next build compares its own blocks with
them, looks for the lines removed and added only in the blocks that changed, and applies
them to the store in one SPARQL update, which Oxigraph runs as a single transaction: the store
holds the old graph or the new one, never a mix.

The store, the parts and the state file cannot change in one step, so a change is
bracketed by a marker file (:func:`~heroes_kg.rdf.store.begin_change` ...
:func:`~heroes_kg.rdf.store.end_change`). While the marker exists the
store counts as stale (:func:`heroes_kg.rdf.store.open_store` rebuilds it) and the next
build rebuilds everything: a kill at any point leaves the previous state or, after a
rebuild, the new one.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import os
import shutil
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .._io import atomic_write, write_temp
from ..project import Project
from .store import _CUT_MASK, Block, Graph, _sort_lines, cut_blocks, part_file, store_dir

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


def parts_dir(project: Project) -> Path:
    return project.state_dir / "parts"


_part = part_file


def ontology_digest(project: Project) -> str:
    """What the ontology graph of the store was made from (it has blank nodes, so it is
    replaced whole, never diffed)."""
    return hashlib.sha256(project.ontology_file.read_bytes()).hexdigest()


def read_part(project: Project, graph: ox.NamedNode) -> bytes | None:
    try:
        return _part(project, graph).read_bytes()
    except OSError:
        return None


def write_parts(project: Project, kg: Graph) -> None:
    """Keep the sorted N-Triples of each data graph of ``kg``, and where each of its
    blocks lies in them, for the next build's diff."""
    commit_parts(project, stage_parts(project, kg))


#: A part written under its temporary name: (that name, the part, its blocks' index).
Staged = list[tuple[Path, Path, dict[bytes, tuple[int, int]]]]


def stage_parts(project: Project, kg: Graph) -> Staged:
    """The first half of :func:`write_parts`, which changes nothing a reader sees: each
    part whose bytes or blocks changed written in full (and synced) under its temporary
    name. It may run in another thread while the build goes on (it only reads ``kg``'s
    sorted lines, made already); :func:`commit_parts` puts them in place, or
    :func:`discard_parts` removes them."""
    folder = parts_dir(project)
    folder.mkdir(exist_ok=True)
    for leftover in folder.glob(".*.tmp"):  # of a build that was killed (we hold the lock)
        leftover.unlink(missing_ok=True)
    staged: Staged = []
    try:
        for graph in kg.data_graphs:
            data = kg.sorted_ntriples((graph,))
            index: dict[bytes, tuple[int, int]] = {}
            at = 0
            for key, block in kg.sorted_blocks(graph):
                index[key] = (at, len(block))
                at += len(block)
            path = _part(project, graph)
            try:
                same = read_part(project, graph) == data and _read_blocks(
                    project, graph, _stamp(path)) == index
            except OSError:
                same = False
            if not same:  # else the part and its index stay as they are
                staged.append((write_temp(path, data), path, index))
    except BaseException:
        discard_parts(staged)
        raise
    return staged


def commit_parts(project: Project, staged: Staged) -> None:
    """Put the parts :func:`stage_parts` wrote in place, each with its blocks' index."""
    for tmp, path, index in staged:
        os.replace(tmp, path)
        # Written after the part, with the part's size, time and inode: an index left
        # from before describes another file and is not used.
        atomic_write(path.with_suffix(".blocks"),
                     marshal.dumps({"stamp": _stamp(path), "blocks": index}))


def discard_parts(staged: Staged) -> None:
    for tmp, _, _ in staged:
        tmp.unlink(missing_ok=True)


def _blocks_file(project: Project, graph: ox.NamedNode) -> Path:
    return _part(project, graph).with_suffix(".blocks")


def _stamp(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _read_blocks(project: Project, graph: ox.NamedNode, stamp: tuple[int, int, int]
                 ) -> dict[bytes, tuple[int, int]] | None:
    """Where each block of the part of ``graph`` lies in it, if the index describes the
    part as it was read (``stamp``)."""
    try:
        record = marshal.loads(_blocks_file(project, graph).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(record, dict) or tuple(record.get("stamp", ())) != stamp:
        return None
    blocks = record.get("blocks")
    return blocks if isinstance(blocks, dict) else None


def spliceable(project: Project, graphs: Iterable[ox.NamedNode]) -> bool:
    """Whether the parts of ``graphs`` and their block indexes are there and describe
    each other, as :func:`splice` needs (it still checks them again)."""
    for graph in graphs:
        try:
            stamp = _stamp(_part(project, graph))
        except OSError:
            return False
        if _read_blocks(project, graph, stamp) is None:
            return False
    return True


def splice(project: Project, kg: Graph, changed: Iterable[ox.Quad]) -> Delta | None:
    """Give ``kg`` the sorted N-Triples of each data graph, and their blocks, from the
    parts the last finished build kept and the subjects of the ``changed`` quads (every
    quad added or removed since): only the blocks holding those subjects are made again,
    from the subjects' triples in ``kg``, and cut again where their cuts moved; every other
    block is the last build's, as it was. The same bytes and blocks as sorting the whole
    graph (:meth:`~heroes_kg.rdf.store.Graph.sorted_blocks`). Returns the difference
    from the parts (what :func:`diff` would find), or None, having given nothing, when a
    part or its index is missing or does not describe the other, or a changed subject is
    a blank node: then the graph is sorted whole."""
    subjects: set[ox.NamedNode] = set()
    for quad in changed:
        if not isinstance(quad.subject, ox.NamedNode):
            return None
        subjects.add(quad.subject)
    made = {}
    removed: dict[ox.NamedNode, list[bytes]] = {}
    added: dict[ox.NamedNode, list[bytes]] = {}
    for graph in kg.data_graphs:
        try:
            stamp = _stamp(_part(project, graph))
            old = _part(project, graph).read_bytes()
        except OSError:
            return None
        where = _read_blocks(project, graph, stamp)
        if where is None or len(old) != stamp[0]:
            return None
        spliced = _splice_graph(kg, graph, old, where, subjects)
        if spliced is None:
            return None
        made[graph] = spliced[:2]
        removed[graph], added[graph] = spliced[2:]
    for graph, (data, blocks) in made.items():
        kg.adopt_sorted(graph, data, blocks)
    return Delta(removed, added)


def _splice_graph(kg: Graph, graph: ox.NamedNode, old: bytes,
                  where: dict[bytes, tuple[int, int]], subjects: set[ox.NamedNode]
                  ) -> tuple[bytes, list[Block], list[bytes], list[bytes]] | None:
    order = sorted(where.items(), key=lambda item: item[1][0])
    at = 0
    for _, (start, n) in order:  # the blocks cover the part, one after the other
        if start != at or n <= 0:
            return None
        at += n
    if at != len(old) or not order:
        return None
    # A subject's lines are consecutive and within one block: the block holding them
    # (or where they would go) is the last whose first subject sorts before. Each
    # block's first subject (with the space after it, so that the order of these
    # strings is that of the lines).
    firsts = [old[start:old.index(b" ", start) + 1] for _, (start, _) in order]
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
    before = memoryview(old)
    pieces: list[bytes | memoryview] = []
    blocks: list[tuple[bytes, int, int]] = []  # digest, start, length in the new bytes
    before_lines: set[bytes] = set()  # of the blocks made again, before and after
    after_lines: set[bytes] = set()
    size = 0
    i = 0
    count = len(order)
    while i < count:
        if i not in mine:
            key, (start, n) = order[i]
            pieces.append(before[start:start + n])
            blocks.append((key, size, n))
            size += n
            i += 1
            continue
        # A run of blocks made again, extended until it ends after a subject that ends
        # a block (or at the end of the graph), so that every later cut is where it was.
        j = i
        while True:
            start = order[i][1][0]
            end = order[j][1][0] + order[j][1][1]
            kept = [line for line in old[start:end].split(b"\n")[:-1]
                    if line[:line.find(b" ") + 1] not in tokens]
            added = [lines for k in range(i, j + 1) for lines in mine.get(k, ())]
            region = _sort_lines(b"".join(line + b"\n" for line in kept) + b"".join(added),
                                 distinct=True)
            last = _last_subject(region)
            if j + 1 >= count or last is None or not zlib.crc32(last) & _CUT_MASK:
                break
            j += 1
        pieces.append(region)
        before_lines |= _lines(old[start:end])
        after_lines |= _lines(region)
        for digest, block in cut_blocks(region):
            blocks.append((digest, size, len(block)))
            size += len(block)
        i = j + 1
    data = b"".join(pieces)
    view = memoryview(data)
    return (data, [(digest, view[start:start + n]) for digest, start, n in blocks],
            sorted(before_lines - after_lines), sorted(after_lines - before_lines))


def _last_subject(data: bytes) -> bytes | None:
    if not data:
        return None
    line = data[data.rfind(b"\n", 0, len(data) - 1) + 1:]
    return line[:line.find(b" ")]


def keep_beside_parts(project: Project, kg: Graph, name: str, data: bytes | None) -> None:
    """Keep ``data``, derived from the data graphs of ``kg``, beside the parts just
    written (None removes what was kept): :func:`read_beside_parts` gives it back while
    the parts are those same files. Call between the change markers, after the parts."""
    path = parts_dir(project) / f"{name}.kept"
    if data is None:
        path.unlink(missing_ok=True)
        return
    stamps = [list(_stamp(_part(project, graph))) for graph in kg.data_graphs]
    atomic_write(path, marshal.dumps(
        {"stamps": stamps, "digest": hashlib.sha256(data).digest(), "data": data}))


def read_beside_parts(project: Project, kg: Graph, name: str) -> bytes | None:
    """What :func:`keep_beside_parts` kept, if it is intact and the parts are the files
    it was kept with (so it describes the graph they hold)."""
    try:
        record = marshal.loads((parts_dir(project) / f"{name}.kept").read_bytes())
        stamps = [list(_stamp(_part(project, graph))) for graph in kg.data_graphs]
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(record, dict) or record.get("stamps") != stamps:
        return None
    data = record.get("data")
    if not isinstance(data, bytes) or hashlib.sha256(data).digest() != record.get("digest"):
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
    for graph in kg.data_graphs:
        try:
            stamp = _stamp(_part(project, graph))
        except OSError:
            return None
        old = read_part(project, graph)
        if old is None:
            return None
        new = kg.sorted_ntriples((graph,))
        if old == new:
            removed[graph], added[graph] = [], []
            continue
        where = _read_blocks(project, graph, stamp)
        if where is not None:
            # The lines of unchanged blocks are in both: compare only the others.
            blocks = kg.sorted_blocks(graph)
            keys = {key for key, _ in blocks}
            old = b"".join(old[at:at + n] for key, (at, n) in sorted(
                where.items(), key=lambda item: item[1][0]) if key not in keys)
            new = b"".join(block for key, block in blocks if key not in where)
        before, after = _lines(old), _lines(new)
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

