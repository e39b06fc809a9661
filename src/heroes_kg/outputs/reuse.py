"""Exports assembled from blocks of subjects, each block's text reused from the export the
previous build wrote when the block's triples did not change.

The sorted N-Triples of a data graph are cut into blocks of whole subjects at points
chosen by their content (:func:`heroes_kg.rdf.store.cut_blocks`), so an edit of the seeds
changes only the blocks of the subjects it touches. A format that supports it (Turtle,
RDF/XML, TriG, JSON-LD) serializes each block on its own and writes the file as a head, the blocks'
texts and a tail: the same bytes as serializing everything at once (a test compares the
two); N-Quads gives each block's lines their graph name, and reads the blocks it copies
from the previous file only as the file is written. :class:`Reuse` remembers where each
block's text lies in the file it made; the build keeps that index beside the store
(``.heroes-kg/exports/<file>.index``) and the next build copies the text of every block
it finds there out of the previous file instead of serializing the block again.

The property-graph formats (GraphML, GEXF, the CSV files) keep the same kind of index
with one entry per node and per edge (see ``formats._Elements``), and the page keeps
its overview of a large graph there (see ``page._overview``).

An index is used only for the very file it describes, made by this version from the same
base IRI, and only when it is intact (it carries a digest of itself). The file is known
at once by its path, size, modification time and inode; where those disagree (a project
folder copied elsewhere, or checked out afresh with its state restored) the SHA-256 of
the file's bytes, kept in the index, decides. A file changed by hand, an index left by a
build killed before it could write its own, a damaged index, or any other doubt means the
blocks are serialized again, never that stale text is copied.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
from pathlib import Path
from typing import Any

from .._io import atomic_write
from .._version import __version__

__all__ = ["Reuse", "drop_reuse", "file_digest", "index_dir", "open_reuse", "save_reuse"]

class Reuse:
    """The export a previous build wrote and where each block's text lies in it
    (:attr:`old`), and the same for the export being made (:attr:`new`, filled by the
    format as it assembles the file)."""

    def __init__(self, previous: mmap.mmap | bytes | None = None,
                 old: dict[bytes, Any] | None = None) -> None:
        self._previous = previous
        self.old: dict[bytes, Any] = old if previous is not None and old else {}
        self.new: dict[bytes, Any] = {}
        self.reused = 0

    def text(self, offset: int, length: int) -> bytes:
        """Bytes of the previous file."""
        assert self._previous is not None
        return self._previous[offset:offset + length]

    def size(self) -> int:
        """The size of the previous file (0 when there is none)."""
        return len(self._previous) if self._previous is not None else 0

    def span(self, key: bytes) -> bytes | None:
        """The text of block ``key`` in the previous file, for an index entry
        ``(offset, length)``; None when the previous file has no such block."""
        found = self.old.get(key)
        if found is None:
            return None
        self.reused += 1
        return self.text(*found)

    def take_previous(self) -> mmap.mmap | bytes | None:
        """The previous file's bytes, handed over to be read after :meth:`close` (by an
        export written a piece at a time once the build has moved on); they stay readable
        while the caller holds them."""
        previous, self._previous = self._previous, None
        return previous

    def close(self) -> None:
        if isinstance(self._previous, mmap.mmap):
            self._previous.close()
        self._previous = None


def index_dir(state_dir: Path) -> Path:
    return state_dir / "exports"


def _index_file(state_dir: Path, name: str) -> Path:
    return index_dir(state_dir) / f"{name}.index"


def _stamp(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path``, in hex (read a slice at a time)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def open_reuse(state_dir: Path, target: Path, base: str) -> Reuse:
    """What the export at ``target`` (written by an earlier build) can lend to the next
    one; nothing when its index is missing or does not describe exactly that file: the
    same path and status (size, modification time, inode), or else the same bytes."""
    try:
        data = _index_file(state_dir, target.name).read_bytes()
        # The index is its marshalled record after the record's digest: a damaged index
        # (a flipped offset would copy the wrong text) is not read.
        if hashlib.blake2b(data[16:], digest_size=16).digest() != data[:16]:
            return Reuse()
        record = marshal.loads(data[16:])
        if (not isinstance(record, dict) or record.get("version") != __version__
                or record.get("base") != base):
            return Reuse()
        stamp = tuple(record.get("stamp", ()))
        if not stamp or not stamp[0]:
            return Reuse()
        with open(target, "rb") as handle:
            now = os.fstat(handle.fileno())
            if now.st_size != stamp[0]:
                return Reuse()
            if (record.get("path") != str(target)
                    or stamp != (now.st_size, now.st_mtime_ns, now.st_ino)):
                # Another file, or this one touched, copied or restored: its bytes
                # decide (each block's text is copied by its offset in the file).
                digest = record.get("sha256")
                if (not isinstance(digest, str)
                        or hashlib.file_digest(handle, "sha256").hexdigest() != digest):
                    return Reuse()
            previous = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return Reuse(previous, record["blocks"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return Reuse()


def save_reuse(state_dir: Path, target: Path, base: str, reuse: Reuse,
               digest: str | None = None) -> None:
    """Keep the index of the export just written to ``target`` for the next build;
    ``digest``: the SHA-256 of its bytes when the caller has it (else it is read)."""
    folder = index_dir(state_dir)
    folder.mkdir(exist_ok=True)
    record = {"version": __version__, "base": base, "path": str(target),
              "stamp": _stamp(target), "blocks": reuse.new,
              "sha256": digest if digest is not None else file_digest(target)}
    data = marshal.dumps(record)
    # Not synced: it carries its digest (what a crash damages is not read).
    atomic_write(_index_file(state_dir, target.name),
                 hashlib.blake2b(data, digest_size=16).digest() + data, sync=False)


def drop_reuse(state_dir: Path, name: str) -> None:
    """Forget the index of export ``name`` (the build wrote it without blocks)."""
    with contextlib.suppress(OSError):
        os.unlink(_index_file(state_dir, name))
