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

import hashlib
import marshal
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .._io import atomic_write
from ..project import Project
from .store import Graph, part_file, store_dir

__all__ = ["MAX_LINES", "Delta", "apply", "diff", "drop_parts", "ontology_digest", "parts_dir",
           "read_part", "write_parts"]

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
    folder = parts_dir(project)
    folder.mkdir(exist_ok=True)
    for graph in kg.data_graphs:
        data = kg.sorted_ntriples((graph,))
        index: dict[bytes, tuple[int, int]] = {}
        at = 0
        for key, block in kg.sorted_blocks(graph):
            index[key] = (at, len(block))
            at += len(block)
        atomic_write(_part(project, graph), data)
        # Written after the part, with the part's size, time and inode: an index left
        # from before describes another file and is not used.
        atomic_write(_blocks_file(project, graph),
                     marshal.dumps({"stamp": _stamp(_part(project, graph)), "blocks": index}))


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

