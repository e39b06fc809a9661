"""Units: each facts file's checked result and its N-Quads, kept in the build state.

A build keeps, under ``.heroes-kg/units/``, one entry per facts file it read: the file's
:class:`~heroes_kg.corpus.curation.FactsFile` (``<key>.facts``) and the N-Quads lines
of its entities and statements (``quads-<their SHA-256>.nq``, named by the entry). The
key is a digest of heroes-kg's
version, this format, the base IRI, the file's path and the SHA-256 of its bytes, so an
entry describes one content of one file and nothing else; the next build parses,
checks and models only the files whose entry it cannot use (see
:func:`heroes_kg.corpus.curation.load_corpus` for the checks against the rest of the
corpus). The lines of the articles (which depend on every entity's name, through the
mentions) are made again each build and kept whole, by their digest, beside them.

Every entry carries the SHA-256 of what it holds and is checked before it is used: a
damaged, truncated or foreign entry is made again, never trusted. Entries are written
under a temporary name and renamed, and are only ever added while a build runs; the
state file names the entries of the last finished build (:meth:`Units.manifest`), from
which :meth:`Units.changes` tells which lines changed since, and entries no longer
named are removed by :meth:`Units.prune` once a build has finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .._version import __version__
from ..project import Project

if TYPE_CHECKING:
    from ..corpus.curation import FactsFile, Mentions

__all__ = ["FORMAT", "Units"]

#: Bumped whenever what an entry holds, or how it is made, changes.
FORMAT = 1
_MAGIC = b"heroes-kg units %d\n" % FORMAT
#: The manifest's names for the articles' lines and for the mentions found in them.
_ARTICLES = ""
_MENTIONS = "#mentions"
_QUADS = "quads-"


class Units:
    """The per-file entries of one project's build state, for one build.

    ``previous`` is the manifest of the last finished build (:meth:`manifest`), or
    None when the lines of that build cannot be told from it (then :meth:`changes` is
    None)."""

    def __init__(self, project: Project, previous: dict[str, str] | None = None, *,
                 comparable: bool = True) -> None:
        self.folder = project.state_dir / "units"
        self.base = project.base_iri
        self.previous = previous if isinstance(previous, dict) else None
        #: This build's manifest: path of each facts file (and "" for the articles) ->
        #: the name of its quads file (by their digest, so an entry checked again with
        #: the same bytes keeps the quads of the last build to compare with).
        self.current: dict[str, str] = {}
        #: Keys of the entries of this build's facts files.
        self.keys: set[str] = set()
        #: The results :meth:`get` handed out, by key: where the load took one as it was,
        #: its lines are read from the entry too.
        self.served: dict[str, FactsFile] = {}
        self._removed: set[bytes] = set()
        self._added: set[bytes] = set()
        #: Whether the lines changed since the last finished build are still known
        #: (every entry of that build intact); ``comparable``: whether they may also be
        #: handed out for validating around them (:meth:`changes`).
        self._tracking = self.previous is not None
        self._comparable = comparable
        self._lines_digest: dict[str, str] = {}
        self._gone: set[bytes] | None = None

    def key(self, path: str, digest: str) -> str:
        return hashlib.sha256(f"{FORMAT}\0{__version__}\0{self.base}\0{path}\0{digest}"
                              .encode()).hexdigest()

    # --- reading and writing entries ----------------------------------------------------

    def get(self, path: str, digest: str) -> FactsFile | None:
        """The checked result of the facts file ``path`` whose bytes have SHA-256
        ``digest``, if an intact entry holds it."""
        from ..corpus.curation import FactsFile

        key = self.key(path, digest)
        record = self._read(self.folder / f"{key}.facts")
        if (not isinstance(record, tuple) or len(record) != 3 or record[0] != key
                or not isinstance(record[2], FactsFile) or record[2].path != path
                or record[2].digest != digest):
            return None
        self.served[key] = record[2]
        self._lines_digest[key] = record[1]
        return record[2]

    def lines(self, key: str) -> bytes | None:
        """The N-Quads of the entry ``key``, if intact (None: make them again)."""
        expected = self._lines_digest.get(key)
        if expected is None:
            record = self._read(self.folder / f"{key}.facts")
            if not isinstance(record, tuple) or len(record) != 3 or record[0] != key:
                return None
            expected = record[1]
        if not isinstance(expected, str):
            return None
        self._lines_digest[key] = expected
        return self._quads(_QUADS + expected)

    def _quads(self, name: str) -> bytes | None:
        """The quads file ``name``, if it holds what its name says."""
        try:
            data = (self.folder / f"{name}.nq").read_bytes()
        except OSError:
            return None
        return data if _QUADS + hashlib.sha256(data).hexdigest() == name else None

    def _keep_quads(self, lines: bytes) -> str:
        digest = hashlib.sha256(lines).hexdigest()
        if self._quads(_QUADS + digest) is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write(self.folder / f"{_QUADS}{digest}.nq", lines)
        return digest

    def put(self, file: FactsFile, lines: bytes) -> str:
        """Keep ``file`` and its N-Quads ``lines``; returns the entry's key."""
        key = self.key(file.path, file.digest)
        digest = self._keep_quads(lines)
        body = pickle.dumps((key, digest, file), protocol=pickle.HIGHEST_PROTOCOL)
        # Written after the lines it names: a kill in between leaves lines no entry uses.
        _write(self.folder / f"{key}.facts", _MAGIC + hashlib.sha256(body).digest() + body)
        self._lines_digest[key] = digest
        return key

    def _read(self, path: Path) -> Any:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        body = data[head + 32:]
        if data[:head] != _MAGIC or hashlib.sha256(body).digest() != data[head:head + 32]:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # intact by its digest, yet unreadable: made again
            return None

    def earlier_mentions(self) -> Mentions | None:
        """The mentions the last finished build found, if its entry is intact."""
        from ..corpus.curation import Mentions

        key = (self.previous or {}).get(_MENTIONS)
        record = None if key is None else self._read(self.folder / f"{key}.mentions")
        if (not isinstance(record, tuple) or len(record) != 2 or record[0] != key
                or not isinstance(record[1], Mentions)):
            return None
        return record[1]

    def keep_mentions(self, mentions: Mentions) -> None:
        body = pickle.dumps(mentions, protocol=pickle.HIGHEST_PROTOCOL)
        key = "mentions-" + hashlib.sha256(body).hexdigest()
        path = self.folder / f"{key}.mentions"
        if not path.is_file():
            self.folder.mkdir(parents=True, exist_ok=True)
            body = pickle.dumps((key, mentions), protocol=pickle.HIGHEST_PROTOCOL)
            _write(path, _MAGIC + hashlib.sha256(body).digest() + body)
        self.current[_MENTIONS] = key

    # --- what changed since the last finished build --------------------------------------

    def track(self, path: str, key: str, lines: bytes) -> None:
        """Record that this build's facts file ``path`` has the entry ``key`` (taken or
        put) and the N-Quads ``lines``."""
        self.keys.add(key)
        self._track(path, _QUADS + self._lines_digest[key], lines)

    def track_kept(self, path: str, key: str) -> bool:
        """Record, as :meth:`track` does, that this build's facts file ``path`` has the
        entry ``key`` taken as it is, without its lines, when the last finished build
        had the same lines for it (nothing to compare); False, recording nothing,
        otherwise (call :meth:`track` with the lines then)."""
        name = _QUADS + self._lines_digest[key]
        if self.previous is None or self.previous.get(path) != name:
            return False
        self.keys.add(key)
        self.current[path] = name
        return True

    def track_articles(self, lines: bytes) -> None:
        """The articles' lines of this build, kept by their digest."""
        self._track(_ARTICLES, _QUADS + self._keep_quads(lines), lines)

    def _track(self, path: str, name: str, lines: bytes) -> None:
        self.current[path] = name
        if not self._tracking or self.previous is None:
            return
        before = self.previous.get(path)
        if before == name:
            return
        old = self._quads(before) if before is not None else b""
        if old is None:
            self._tracking = False
            return
        self._compare(old, lines)

    def _compare(self, old: bytes, new: bytes) -> None:
        before, after = set(old.split(b"\n")), set(new.split(b"\n"))
        self._removed |= before - after
        self._added |= after - before

    def changes(self) -> list[ox.Quad] | None:
        """Every quad that may have been added or removed since the last finished build
        (a superset: a line moved from one file to another is in it), or None when that
        cannot be told (no manifest, or an entry of the last build is missing or
        damaged). Call after every file was tracked."""
        return self.changed() if self._comparable else None

    def changed(self) -> list[ox.Quad] | None:
        """Every quad that may have been added or removed since the last finished build,
        whether or not that build validated (see :meth:`changes`); None when that cannot
        be told."""
        if not self._tracking or self.previous is None:
            return None
        if self._gone is None:
            self._gone = set()
            for path in set(self.previous) - set(self.current) - {_MENTIONS}:  # removed
                old = self._quads(self.previous[path])
                if old is None:
                    self._tracking = False
                    return None
                self._gone |= set(old.split(b"\n"))
        lines = (self._removed | self._added | self._gone) - {b""}
        data = b"\n".join(sorted(lines)) + b"\n"
        try:
            return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        except SyntaxError:
            return None

    def difference(self, holding: Callable[[set[bytes]], Iterable[bytes]]
                   ) -> tuple[list[ox.Quad], list[ox.Quad]] | None:
        """The quads removed and added since the last finished build: what turns that
        build's graph into this one's. Every quad removed is gone from the graph, every
        quad added is new to the files that changed (a line moved from one file to
        another is neither). ``holding(lines)`` gives pieces of this build's lines, every
        file's and the articles' or fewer, that hold every one of ``lines`` (lines removed
        from the files that changed) that is still in the graph (a line removed from one
        file may still be in another). None when that cannot be told (see
        :meth:`changed`)."""
        if self.changed() is None:
            return None
        assert self._gone is not None
        before = self._removed | self._gone
        added = self._added - before - {b""}
        maybe = before - self._added - {b""}
        kept: set[bytes] = set()
        if maybe:
            for data in holding(maybe):
                kept |= maybe.intersection(data.split(b"\n"))
                if len(kept) == len(maybe):
                    break
        try:
            return (_parse(maybe - kept), _parse(added))
        except SyntaxError:
            return None

    def manifest(self) -> dict[str, str]:
        """What the state file keeps of this build's entries, for the next build."""
        return dict(self.current)

    def prune(self) -> None:
        """Remove every entry that this build's manifest does not name (call once the
        build has finished)."""
        keep = set(self.current.values()) | self.keys
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            stem = entry.name.split(".", 1)[0]
            if stem not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _write(path: Path, data: bytes) -> None:
    """Under a temporary name, then renamed: a reader finds the whole file or none.
    Not synced to disk: an entry damaged by a crash fails its digest and is made
    again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _parse(lines: set[bytes]) -> list[ox.Quad]:
    if not lines:
        return []
    return list(ox.parse(b"\n".join(sorted(lines)) + b"\n", format=ox.RdfFormat.N_QUADS))
