"""Store: the built graph on Oxigraph, persisted under .heroes-kg/ and reused while the
inputs are unchanged.

This module keeps the persisted store (fingerprint, state, lock, spool, writing and
opening it) and never builds: :func:`open_store` says why a store cannot be used, and
:func:`heroes_kg.pipeline.open_graph` decides to rebuild it. It imports only pyoxigraph;
rdflib is loaded when a caller asks for :attr:`Graph.dataset`.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import itertools
import json
import marshal
import os
import shutil
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from .._io import atomic_write
from .._version import __version__
from ..errors import ProjectError
from ..project import Project
from ..vocab import RDF, Names

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "BULK_SLICE",
    "STALE",
    "Block",
    "Graph",
    "Spool",
    "StoreWriteStopped",
    "begin_change",
    "checkpoint",
    "checkpoint_dir",
    "cut_blocks",
    "drop_checkpoint",
    "end_change",
    "fingerprint",
    "in_change",
    "lock",
    "open_store",
    "part_files",
    "parts_dir",
    "read_parts_index",
    "read_slices",
    "read_state",
    "replace_store",
    "segment_file",
    "select",
    "store_dir",
    "swap_store",
    "take_checkpoint",
    "triple_key",
    "write_parts_index",
    "write_state",
    "write_store",
]

_T = TypeVar("_T")
_G = TypeVar("_G", bound="Graph")

#: Bumped whenever the layout of the persisted store changes.
STORE_FORMAT = 1


class Graph:
    """The built graph: an Oxigraph store with the facts, provenance and ontology graphs.

    :class:`heroes_kg.query.KnowledgeGraph` is this graph with :meth:`query`; it is what
    :func:`heroes_kg.load` and a build hand out."""

    def __init__(self, store: ox.Store, names: Names, project: Project | None = None) -> None:
        self.store = store
        self.names = names
        self.project = project
        #: What had to be repaired to open the graph (e.g. a damaged store rebuilt).
        self.notes: list[str] = []
        self._lock: IO[str] | None = None
        #: Derived views of the (unchanging) graph, kept while it is open, e.g. the
        #: property graph that four export formats share.
        self.memo: dict[object, Any] = {}
        #: The project whose parts :attr:`parts` is still to look for (a persisted store).
        self._parts_of: Project | None = None
        self._parts: dict[ox.NamedNode, list[Path]] | None = None

    @property
    def parts(self) -> dict[ox.NamedNode, list[Path]] | None:
        """For a persisted store: each data graph's sorted N-Triples, kept beside the
        store by the build (in files of consecutive lines, :func:`part_files`), from
        which the graph can be loaded into memory. Looked for when first asked for
        (that stats every file), so that a question answered at once never does."""
        if self._parts_of is not None:
            files = part_files(self._parts_of)
            self._parts_of = None
            if files is not None and all(g.value in files for g in self.data_graphs):
                self._parts = {g: files[g.value] for g in self.data_graphs}
        return self._parts

    def may_have_parts(self) -> bool:
        """Whether :attr:`parts` may be found (without looking for them)."""
        return self._parts_of is not None or self._parts is not None

    def close(self) -> None:
        """Release the shared lock taken by :func:`open_store`."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self: _G) -> _G:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_graphs(self) -> tuple[ox.NamedNode, ox.NamedNode]:
        """The named graphs that hold the data (the ontology is kept apart)."""
        return (self.names.facts, self.names.provenance)

    def triples(self, graphs: tuple[ox.NamedNode, ...] | None = None) -> list[ox.Triple]:
        """The distinct triples of ``graphs`` (default: facts and provenance), sorted so
        that serializations are reproducible."""
        return list(ox.parse(self.sorted_ntriples(graphs), format=ox.RdfFormat.N_TRIPLES))

    def sorted_ntriples(self, graphs: tuple[ox.NamedNode, ...] | None = None) -> bytes:
        """The distinct triples of ``graphs`` as N-Triples, one per line, sorted by
        subject, then rdf:type before other predicates, then predicate and object.

        Oxigraph writes the lines; Python only sorts byte strings, which is several
        times faster than sorting a million Triple objects by a key."""
        parts = self.sorted_ntriples_parts(graphs)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def sorted_ntriples_parts(self, graphs: tuple[ox.NamedNode, ...] | None = None
                              ) -> list[bytes]:
        """:meth:`sorted_ntriples` in consecutive pieces, without joining them.

        Each graph is sorted once while the graph is open; graphs whose lines do not
        interleave (the facts and provenance graphs hold different subjects) are simply
        consecutive pieces, others are merged and sorted again."""
        parts = [self._sorted_graph(graph) for graph in graphs or self.data_graphs]
        parts = [part for part in parts if part]
        if all(_last_line(before) < _first_line(after)
               for before, after in itertools.pairwise(parts)):
            return parts or [b""]
        return [_sort_lines(b"".join(parts))]

    def memoized(self, key: object, make: Callable[[], _T]) -> _T:
        """``make()``, made once while the graph is open and kept in :attr:`memo`."""
        if key not in self.memo:
            self.memo[key] = make()
        result: _T = self.memo[key]
        return result

    def sorted_blocks(self, graph: ox.NamedNode) -> list[Block]:
        """The sorted N-Triples of ``graph`` cut into blocks of subjects
        (:func:`cut_blocks`), made once while the graph is open."""
        return self.memoized(("blocks", graph.value),
                             lambda: cut_blocks(self._sorted_graph(graph)))

    def adopt_sorted(self, graph: ox.NamedNode, data: bytes, blocks: list[Block]) -> None:
        """Take ``data`` as the sorted N-Triples of ``graph`` and ``blocks`` as their
        blocks (made otherwise than by sorting the graph, with the same bytes)."""
        self.memo[("sorted_ntriples", graph.value)] = data
        self.memo[("blocks", graph.value)] = blocks

    def _sorted_graph(self, graph: ox.NamedNode) -> bytes:
        return self.memoized(("sorted_ntriples", graph.value), lambda: _sort_lines(
            self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b"",
            distinct=True))

    def __len__(self) -> int:
        """Number of distinct data triples (facts and provenance)."""
        if all(("sorted_ntriples", g.value) in self.memo for g in self.data_graphs):
            # Made for the exports already: one line per distinct triple.
            return sum(part.count(b"\n") for part in self.sorted_ntriples_parts())
        # Each graph's size less the triples in both: three quick counts, where a
        # DISTINCT over the union of the graphs hashes a million triples (3× slower).
        sizes = {g: _count(self.store, f"GRAPH <{g.value}> {{ ?s ?p ?o }}")
                 for g in self.data_graphs}
        first, second = sorted(sizes, key=sizes.__getitem__)
        overlap = (f"GRAPH <{first.value}> {{ ?s ?p ?o FILTER EXISTS "
                   f"{{ GRAPH <{second.value}> {{ ?s ?p ?o }} }} }}")
        return sizes[first] + sizes[second] - _count(self.store, overlap)


    @property
    def dataset(self) -> rdflib.Dataset:
        """The same store seen as an rdflib Dataset (through oxrdflib), for rdflib users."""
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self.store))


def select(store: ox.Store, sparql: str, *, union: bool = False) -> ox.QuerySolutions:
    """Run a SELECT query; ``union`` makes the default graph the union of all graphs."""
    result = store.query(sparql, use_default_graph_as_union=union)
    assert isinstance(result, ox.QuerySolutions), "not a SELECT query"
    return result


def _count(store: ox.Store, pattern: str) -> int:
    rows = select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(next(iter(rows))["n"].value)


#: A block of sorted N-Triples: (a digest of its lines, the lines, as a view of the
#: graph's sorted N-Triples that copies nothing).
Block = tuple[bytes, memoryview]
#: A block ends after a subject whose CRC-32 has these bits clear: 16 subjects a block
#: on average.
_CUT_MASK = 15


def cut_blocks(data: bytes) -> list[Block]:
    """Sorted N-Triples ``data`` cut into blocks of whole subjects, at points chosen by
    their content (a block ends after a subject whose checksum ends in four zero bits):
    an edit changes only the blocks of the subjects it touches and leaves every other cut
    where it was. Exports are assembled from blocks (:mod:`heroes_kg.outputs.reuse`) and
    the difference between two builds is looked for only in the blocks that changed
    (:mod:`heroes_kg.rdf.delta`)."""
    if not data:
        return []
    view = memoryview(data)
    digest = hashlib.blake2b
    crc = zlib.crc32
    mask = _CUT_MASK
    blocks: list[Block] = []
    start = at = 0
    previous = data[:data.find(b" ")]
    for line in data.split(b"\n")[:-1]:  # the last line ends with a newline
        subject = line[:line.find(b" ")]
        if subject != previous:
            if not crc(previous) & mask:
                block = view[start:at]
                blocks.append((digest(block, digest_size=16).digest(), block))
                start = at
            previous = subject
        at += len(line) + 1
    block = view[start:at]
    blocks.append((digest(block, digest_size=16).digest(), block))
    return blocks


def _sort_lines(data: bytes, *, distinct: bool = False) -> bytes:
    """Distinct N-Triples lines in the order of :meth:`Graph.sorted_ntriples`;
    ``distinct`` says the lines already are (one graph's dump), which saves a set."""
    lines = _sortable(data).split(b"\n")
    del data  # each step frees the one before: this runs on a million lines
    if distinct:
        lines.sort()
    else:
        lines = sorted(set(lines))
    if lines and not lines[0]:  # the empty string after the last newline sorts first
        del lines[0]
    if not lines:
        return b""
    lines.append(b"")
    out = b"\n".join(lines)
    del lines
    return out.replace(b"> " + _FIRST, b"> " + _TYPE_NT)


def _sortable(lines: bytes) -> bytes:
    """N-Triples ``lines`` with rdf:type in predicate position (followed by an object,
    not by " .") replaced by a stand-in that sorts first."""
    for tail in (b" <", b' "', b" _:"):
        lines = lines.replace(b"> " + _TYPE_NT + tail, b"> " + _FIRST + tail)
    return lines


def _first_line(data: bytes) -> bytes:
    """The first line of sorted N-Triples, in sorting form."""
    return _sortable(data[:data.index(b"\n")])


def _last_line(data: bytes) -> bytes:
    """The last line of sorted N-Triples (which end with a newline), in sorting form."""
    return _sortable(data[data.rfind(b"\n", 0, len(data) - 1) + 1:-1])


_TYPE_IRI = RDF + "type"
_TYPE_NT = f"<{_TYPE_IRI}>".encode()


def triple_key(t: ox.Triple) -> tuple[str, int, str, str]:
    """The order of :meth:`Graph.sorted_ntriples`, for Triple objects."""
    return (str(t.subject), 0 if t.predicate.value == _TYPE_IRI else 1, str(t.predicate),
            str(t.object))
#: Stands in for rdf:type while sorting: "<" then a byte below every IRI character.
_FIRST = b"<\x01>"


def fingerprint(project: Project) -> str:
    """A digest of everything the built graph depends on: the inputs' bytes, the base
    IRI, the heroes-kg version and the store format.

    Each file's own digest is remembered in .heroes-kg/hashes.json with the file's size,
    modification time, change time and inode, so a command on a large corpus re-reads
    only the files whose status changed, not every byte of the seeds. The change time
    is set by the system at every write and cannot be set back, so an edit that keeps
    the size and restores the modification time (or falls within its resolution) is
    still read again."""
    cache_path = project.state_dir / "hashes.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        if not isinstance(cache, dict):
            cache = {}
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, list[object]] = {}
    digest = hashlib.sha256(f"{__version__}\0{STORE_FORMAT}\0{project.base_iri}\0".encode())
    skip = len(str(project.root)) + 1
    for name in project.input_paths():
        rel = name[skip:].replace(os.sep, "/")  # relative to the project, as posix
        st = os.stat(name)
        status: list[object] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        cached = cache.get(rel)
        if isinstance(cached, list) and len(cached) == 5 and cached[:4] == status:
            file_digest = str(cached[4])
        else:
            with open(name, "rb") as file:
                file_digest = hashlib.file_digest(file, "sha256").hexdigest()
        fresh[rel] = [*status, file_digest]
        digest.update(rel.encode() + b"\0" + file_digest.encode())
    if fresh != cache and project.state_dir.is_dir():
        # A cache only: a read-only state folder just means no cache.
        with contextlib.suppress(OSError):
            atomic_write(cache_path, json.dumps(fresh, sort_keys=True).encode())
    return digest.hexdigest()


def _state_file(project: Project) -> Path:
    return project.state_dir / "state.json"


def store_dir(project: Project) -> Path:
    return project.state_dir / "store"


def read_state(project: Project) -> dict[str, Any]:
    try:
        data = json.loads(_state_file(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(project: Project, state: dict[str, Any]) -> None:
    atomic_write(_state_file(project), json.dumps(state, indent=1, sort_keys=True).encode())


def _acquire(project: Project, shared: bool) -> IO[str]:
    try:
        project.state_dir.mkdir(exist_ok=True)
        handle = open(project.state_dir / "lock", "a")  # noqa: SIM115 - held by the caller
    except OSError as exc:
        raise ProjectError(f"cannot use the state folder {project.state_dir}: "
                            f"{exc.strerror}") from None
    fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
    return handle


@contextlib.contextmanager
def lock(project: Project, *, shared: bool = False) -> Iterator[None]:
    """Hold the project's lock: builds hold it alone; readers share it, so a build waits
    for running queries and queries wait for a running build."""
    handle = _acquire(project, shared)
    try:
        yield
    finally:
        handle.close()


def write_store(project: Project, spool: Spool) -> Path:
    """Write the N-Quads arriving in ``spool`` into a fresh store beside the current one
    and return its folder, for :func:`swap_store` (call with the lock held).

    :meth:`Spool.stop` (from another thread) stops it at the next slice with
    :class:`StoreWriteStopped`. On any failure the fresh folder is removed."""
    for leftover in project.state_dir.glob("store.*.*"):
        # Left by a build that was killed: no other build runs while we hold the lock.
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
    fresh = project.state_dir / f"store.{os.getpid()}.new"
    store = ox.Store(str(fresh))
    try:
        # Oxigraph's bulk loader is several times faster than inserting Python Quad
        # objects one by one. Fed the N-Quads a slice at a time, it needs a fraction
        # of the memory it takes for a million-quad file at once, and is no slower.
        for piece in spool.slices(BULK_SLICE):
            store.bulk_load(piece, format=ox.RdfFormat.N_QUADS)
        store.flush()
        # Compacted, the store answers whole-graph questions faster (each index read
        # from fewer, larger files); the build pays a few seconds of CPU in this thread,
        # beside its exports. Incremental builds change a checkpoint of this store and
        # keep its compacted files.
        store.optimize()
    except BaseException:
        del store
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    del store
    return fresh


class Spool:
    """N-Quads handed from the thread that makes them to the thread that stores them.

    They pass through a file, so what the reader has not taken yet waits in the page
    cache, not in Python objects. :meth:`write` and :meth:`close` are called by one
    thread, :meth:`slices` iterates in another; :meth:`stop` (from any thread) makes
    :meth:`slices` raise :class:`StoreWriteStopped`. Make it with the lock held."""

    def __init__(self, project: Project) -> None:
        for leftover in project.state_dir.glob("spool.*"):  # of a build that was killed
            leftover.unlink(missing_ok=True)
        self.path = project.state_dir / f"spool.{os.getpid()}.nq"
        self._out: IO[bytes] | None = open(self.path, "wb")  # noqa: SIM115 - closed by close()
        self._written = 0
        self._closed = self._stopped = False
        self._changed = threading.Condition()

    @classmethod
    def of(cls, project: Project, store: ox.Store) -> Spool:
        """A closed spool holding every quad of ``store`` (make it with the lock held)."""
        spool = cls(project)
        spool.close()
        store.dump(str(spool.path), format=ox.RdfFormat.N_QUADS)
        spool._written = spool.path.stat().st_size
        return spool

    def write(self, data: bytes) -> None:
        assert self._out is not None, "the spool is closed"
        self._out.write(data)
        self._out.flush()  # visible to the reader's own handle
        with self._changed:
            self._written += len(data)
            self._changed.notify_all()

    def close(self) -> None:
        """No more data: the reader takes what is left and ends."""
        if self._out is not None:
            self._out.close()
            self._out = None
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()

    def discard(self) -> None:
        """Close and remove the file (after the reader has ended)."""
        self.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def slices(self, size: int) -> Iterator[bytes]:
        """What is written, as it comes, in pieces of about ``size`` bytes that end at the
        end of a line."""
        return _whole_lines(self._blocks(size))

    def _blocks(self, size: int) -> Iterator[bytes]:
        taken = 0

        def can_go_on() -> bool:  # called with the condition held
            return self._stopped or self._closed or self._written - taken >= size

        with open(self.path, "rb") as handle:
            while True:
                with self._changed:
                    self._changed.wait_for(can_go_on)
                    if self._stopped:
                        raise StoreWriteStopped()
                    ready = self._written - taken
                if ready == 0:  # and closed
                    return
                block = handle.read(min(ready, size))
                taken += len(block)
                yield block


class StoreWriteStopped(Exception):
    """:func:`write_store` was asked to stop (and removed what it had written)."""


#: Bytes of N-Quads given to Oxigraph's bulk loader at a time when writing a store.
BULK_SLICE = 64 << 20


def read_slices(handle: IO[bytes], size: int) -> Iterator[bytes]:
    """The contents of ``handle`` in pieces of about ``size`` bytes, each ending at the
    end of a line."""
    return _whole_lines(iter(functools.partial(handle.read, size), b""))


def _whole_lines(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """``blocks`` joined and cut again only at line ends (a last piece without a final
    newline comes last, whole)."""
    rest = b""
    for block in blocks:
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:  # no whole line yet
            rest = block
            continue
        rest = block[cut:]
        yield block[:cut]
    if rest:
        yield rest


def parts_dir(project: Project) -> Path:
    return project.state_dir / "parts"


def segment_file(project: Project, name: str) -> Path:
    """One file of consecutive sorted lines of a data graph (see :func:`read_parts_index`)."""
    return parts_dir(project) / f"{name}.nt"


#: Where the parts of the last finished build lie: each data graph's IRI -> its segments
#: in order, each (its name, its size, the 16-byte digests of the blocks it holds one
#: after the other, their lengths as 8-byte integers: a few objects a segment, which
#: unmarshal in a moment even while a build holds millions); and a generation, new each
#: time the index is written, by which what is kept beside the parts names them.
PartsIndex = dict[str, Any]
_PARTS_MAGIC = b"heroes-kg parts 2\n"


def _parts_index_file(project: Project) -> Path:
    return parts_dir(project) / "index"


def read_parts_index(project: Project) -> PartsIndex | None:
    """The index of the parts kept beside the store, if it is intact (it carries the
    SHA-256 of itself) and of this layout; None otherwise."""
    try:
        data = _parts_index_file(project).read_bytes()
    except OSError:
        return None
    head = len(_PARTS_MAGIC)
    body = data[head + 32:]
    if data[:head] != _PARTS_MAGIC or hashlib.sha256(body).digest() != data[head:head + 32]:
        return None
    try:
        record = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if (not isinstance(record, dict) or not isinstance(record.get("generation"), bytes)
            or not isinstance(record.get("graphs"), dict)):
        return None
    return record


def write_parts_index(project: Project, graphs: dict[str, list[Any]]) -> bytes:
    """Write the index of the parts (``graphs`` as in :data:`PartsIndex`) with a new
    generation, and return that generation."""
    generation = os.urandom(16)
    body = marshal.dumps({"generation": generation, "graphs": graphs})
    atomic_write(_parts_index_file(project),
                 _PARTS_MAGIC + hashlib.sha256(body).digest() + body)
    return generation


def part_files(project: Project, index: PartsIndex | None = None
               ) -> dict[str, list[Path]] | None:
    """Each data graph's IRI -> the files that hold its sorted N-Triples, in order (their
    concatenation is the graph's sorted lines), when the index is intact and every file
    is there with the size it says; else None."""
    index = read_parts_index(project) if index is None else index
    if index is None:
        return None
    found: dict[str, list[Path]] = {}
    try:
        for graph, segments in index["graphs"].items():
            paths = []
            for name, size, _, _ in segments:
                path = segment_file(project, name)
                if path.stat().st_size != size:
                    return None
                paths.append(path)
            found[graph] = paths
    except (OSError, TypeError, ValueError):
        return None
    return found


def _change_marker(project: Project) -> Path:
    return project.state_dir / "changing"


def begin_change(project: Project) -> None:
    """Mark the store, its state and its parts as being changed (call with the lock held):
    until :func:`end_change`, the store counts as stale and the next build redoes
    everything, so a build killed half-way is never taken for a finished one."""
    atomic_write(_change_marker(project), b"")


def end_change(project: Project) -> None:
    _change_marker(project).unlink(missing_ok=True)


def in_change(project: Project) -> bool:
    """Whether a change of the store was begun and not ended (a build was killed)."""
    return _change_marker(project).exists()


def swap_store(project: Project, fresh: Path) -> None:
    """Put the store written by :func:`write_store` in place of the current one."""
    target = store_dir(project)
    old = project.state_dir / f"store.{os.getpid()}.old"
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def checkpoint_dir(project: Project) -> Path:
    """Where a build keeps its own copy of the persisted store while it runs."""
    return project.state_dir / "store.checkpoint"


def checkpoint(project: Project, names: Names, removed: Iterable[ox.Quad],
               added: Iterable[ox.Quad]) -> ox.Store | None:
    """A copy of the persisted store with ``removed`` taken out and ``added`` put in, for
    a build to use as its graph (call with the lock held), or None when the store cannot
    be copied. The copy is a RocksDB checkpoint: its files are hard links to the
    store's, which it never changes (RocksDB files are immutable once written), so
    making it takes a moment whatever the store's size. What a kill leaves of it is
    removed by :func:`drop_checkpoint`; the persisted store is not touched."""
    path = checkpoint_dir(project)
    drop_checkpoint(project)
    try:
        ox.Store.read_only(str(store_dir(project))).backup(str(path))
        store = ox.Store(str(path))
        if not store.contains_named_graph(names.facts):
            raise OSError("not this project's store")
        for quad in removed:
            store.remove(quad)
        store.extend(added)
    except (OSError, RuntimeError, ValueError):
        drop_checkpoint(project)
        return None
    return store


def take_checkpoint(project: Project) -> bool:
    """Put the build's checkpoint (:func:`checkpoint`), flushed and closed by the build,
    in place of the persisted store (call with the lock held, between
    :func:`begin_change` and :func:`end_change`); False, with nothing changed, when the
    checkpoint is still open in this process.

    Oxigraph's Python API has no ``close``: a store closes when its last reference (the
    ``Store`` itself, or an iterator over its quads or results) is dropped. A RocksDB
    folder that is still open must not be renamed (it may still write files there), and
    RocksDB lets a process open a folder only once: so the checkpoint is opened here,
    which succeeds only once every handle of it is gone, and closed again before it is
    renamed."""
    path = checkpoint_dir(project)
    try:
        probe = ox.Store(str(path))
    except (OSError, RuntimeError):
        return False
    del probe
    swap_store(project, path)
    return True


def drop_checkpoint(project: Project) -> None:
    """Remove a build's copy of the store (this build's, or one a killed build left)."""
    shutil.rmtree(checkpoint_dir(project), ignore_errors=True)


def replace_store(project: Project, store: ox.Store) -> None:
    """Write every quad of the in-memory ``store`` into a fresh persisted store and swap
    it in for the current one (call with the lock held)."""
    with Spool.of(project, store) as spool:
        swap_store(project, write_store(project, spool))


def open_store(project: Project, names: Names, *, hold_lock: bool = True
               ) -> Graph | str:
    """The persisted store of ``project``, opened read-only, or why it cannot be used
    (:data:`STALE` when the seeds changed since it was built). Never builds.

    With ``hold_lock`` the graph keeps a shared lock until :meth:`Graph.close`, so no
    build replaces the store under a running query."""
    handle = _acquire(project, shared=True)
    try:
        problem = _check_store(project, store_dir(project), names)
    except BaseException:
        handle.close()
        raise
    if isinstance(problem, str):
        handle.close()
        return problem
    graph = Graph(problem, names, project)
    graph._parts_of = project
    if hold_lock:
        graph._lock = handle
    else:
        handle.close()
    return graph


def _shown(path: Path, project: Project) -> str:
    return path.relative_to(project.root).as_posix() + "/"


#: Why :func:`open_store` cannot use a store that the seeds have outdated (or is missing).
STALE = "the store is missing or older than the seeds"


def _check_store(project: Project, path: Path, names: Names) -> ox.Store | str:
    """The opened store, or why it cannot be used."""
    if (read_state(project).get("fingerprint") != fingerprint(project) or not path.is_dir()
            or in_change(project)):
        return STALE
    try:
        store = ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"the store in {_shown(path, project)} is damaged ({first[:100]})"
    if not store.contains_named_graph(names.facts):
        return f"the store in {_shown(path, project)} does not hold this project's graph"
    return store
