"""The pipeline: seeds/ -> checked corpus -> RDF -> validated graph -> store and exports/.

This is the only module that knows the stages and their order. :func:`build` is what
``heroes-kg build`` runs; :func:`check` is ``heroes-kg validate``; :func:`open_graph`
opens the persisted graph, rebuilding the store first when the seeds changed. Nothing is
written until every check has passed, and every file is written atomically.

The stages that only a build needs (reading the curated files, validation, the exports)
are imported when a build runs: opening the graph for a query loads none of them.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ._io import Chunks, replace_folder, write_temp
from ._version import __version__
from .errors import OutputError, ProjectError, StoreError
from .project import Project
from .query import KnowledgeGraph
from .rdf.delta import (
    MAX_LINES,
    Delta,
    Staged,
    commit_parts,
    diff,
    discard_parts,
    drop_parts,
    keep_beside_parts,
    ontology_digest,
    prune_parts,
    read_beside_parts,
    splice,
    spliceable,
    stage_parts,
    write_parts,
)
from .rdf.delta import apply as apply_delta
from .rdf.store import (
    STALE,
    Graph,
    Spool,
    StoreWriteStopped,
    begin_change,
    checkpoint,
    checkpoint_dir,
    drop_checkpoint,
    end_change,
    fingerprint,
    in_change,
    lock,
    open_store,
    read_state,
    replace_store,
    store_dir,
    swap_store,
    take_checkpoint,
    write_state,
    write_store,
)
from .rdf.units import Units
from .vocab import Names

if TYPE_CHECKING:
    from .corpus.curation import Corpus, FactsFile
    from .outputs.reuse import Reuse

__all__ = ["BuildReport", "build", "build_store", "check", "open_graph", "standard_exports"]


@dataclass
class BuildReport:
    articles: int
    entities: int
    statements: int
    triples: int
    written: list[Path] = field(default_factory=list)
    up_to_date: bool = False
    #: Seconds spent in each stage (load, model, validate, export, store). The store is
    #: written while the graph is modelled, validated and exported, so "store" is only
    #: the wait for it afterwards.
    timings: dict[str, float] = field(default_factory=dict)
    #: The built graph, when asked for with ``build(keep_graph=True)``: in memory when
    #: this build made it (the fastest to query in the same process), else the
    #: persisted store opened as :func:`heroes_kg.load` opens it. Close it when done.
    graph: KnowledgeGraph | None = None
    #: Per export assembled from blocks: how many of its blocks were copied from the
    #: previous export, and how many it has.
    reused: dict[str, tuple[int, int]] = field(default_factory=dict)


#: Called with a short description as each stage of a build starts.
Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


#: Makes one export from the graph, as pieces whose concatenation is the file (never
#: joined: N-Triples and N-Quads are hundreds of megabytes at a million triples); a
#: producer may take the blocks of its previous export from ``reuse`` (see
#: :mod:`heroes_kg.outputs.reuse`), with the same bytes.
Producer = Callable[..., Iterable[bytes]]


def _export(fmt: str, *, facts_only: bool = False) -> Producer:
    """A producer of ``fmt`` with its default options (see :func:`export.export`)."""

    def produce(kg: Graph, reuse: Reuse | None = None) -> Iterable[bytes]:
        from .outputs.formats import export_pieces

        return export_pieces(kg, fmt, facts_only=facts_only, reuse=reuse)

    return produce


def _exports_html(kg: Graph, reuse: Reuse | None = None) -> list[bytes]:
    from .outputs.page import graph_page

    # From the last build's page state the page reads only around the change, which a
    # store on disk serves well; made afresh, it reads the facts graph from memory.
    return [graph_page(kg, reuse, whole=lambda: _facts_in_memory(kg))]


#: In the memo of a graph whose store is on disk (a checkpoint of the persisted store).
_ON_DISK = ("store", "on disk")


def _facts_in_memory(kg: Graph) -> Graph:
    """``kg`` itself when its store is in memory; for one on disk, the same graph with
    its facts and ontology graphs in an in-memory store, sharing ``kg``'s memo (the
    sorted lines, and the statement records, read from every graph of ``kg`` first).
    The page reads every name, class and role of the facts graph: on RocksDB those
    look-ups take about twice as long, more than loading the facts graph (a seventh of
    the quads) from its sorted lines takes."""
    if not kg.memo.get(_ON_DISK):
        return kg
    from .outputs.formats import statement_records

    statement_records(kg)
    store = ox.Store()
    store.load(kg.sorted_ntriples((kg.names.facts,)), format=ox.RdfFormat.N_TRIPLES,
               to_graph=kg.names.facts, lenient=True)
    store.extend(kg.store.quads_for_pattern(None, None, None, kg.names.ontology))
    facts = KnowledgeGraph(store, kg.names, kg.project)
    facts.memo = kg.memo
    return facts


#: The files ``heroes-kg build`` writes into exports/: file name -> producer
#: (``b"".join(producer(graph))`` is the file).
standard_exports: dict[str, Producer] = {
    "heroes.ttl": _export("turtle"),
    "heroes-facts.ttl": _export("turtle", facts_only=True),
    "heroes.nt": _export("ntriples"),
    "heroes.rdf": _export("rdfxml"),
    "heroes.jsonld": _export("jsonld"),
    "heroes.trig": _export("trig"),
    "heroes.nq": _export("nquads"),
    "heroes.graphml": _export("graphml"),
    "heroes.gexf": _export("gexf"),
    "heroes-nodes.csv": _export("csv-nodes"),
    "heroes-edges.csv": _export("csv-edges"),
    "heroes.html": _exports_html,
}


def _load_ontology(store: ox.Store, project: Project, names: Names) -> None:
    path = project.ontology_file
    if not path.is_file():
        raise ProjectError(f"{path.relative_to(project.root)} is missing; the build needs "
                            "the ontology")
    try:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=names.ontology)
    except SyntaxError as exc:
        raise ProjectError(f"{path.relative_to(project.root)}: not valid Turtle: "
                            f"{exc}") from None


def _model(project: Project, timings: dict[str, float] | None = None,
           progress: Progress = _quiet, spool: Spool | None = None,
           units: Units | None = None, reuse: bool = False, on_store: bool = False
           ) -> tuple[Corpus, KnowledgeGraph]:
    """Load and check the curated files and make the graph in an in-memory store; with a
    ``spool``, every quad is also written to it as it is made.

    With ``units`` each facts file's checked result and quads are kept in the build
    state, and with ``reuse`` those an earlier build kept are used where they still
    hold (see :mod:`heroes_kg.rdf.units`). With ``on_store`` (and ``units``) the graph
    is, where the difference from the last finished build can be told, a checkpoint of
    the persisted store with that difference applied (:func:`checkpoint`) instead of
    every quad loaded into memory."""
    from .corpus.curation import load_corpus, paused_gc
    from .rdf.model import nquads

    clock = _Clock(timings)
    progress("reading and checking the curated files")
    corpus = load_corpus(project, units.get if units is not None and reuse else None)
    clock.lap("load")
    progress(f"modelling {len(corpus.statements)} statements as RDF")
    names = Names(project.base_iri)
    if on_store and units is not None and spool is None:
        # The lines are made (or taken from the entries) and tracked as for a load, but
        # the persisted store takes the difference, not a fresh store every line.
        # The lines of a file taken unchanged from its entry are read only if needed:
        # to tell whether a removed line is still in another file, or for a load.
        with paused_gc():
            made = list(_unit_pieces(corpus, project.base_iri, units, lazy=True))
            copy = _on_checkpoint(project, names, units, _holding(corpus, project.base_iri,
                                                                  made))
        if copy is not None:
            del made
            kg = KnowledgeGraph(copy, names, project)
            kg.memo[_ON_DISK] = True
            clock.lap("model")
            return corpus, kg
        pieces_made: Iterable[tuple[bytes, bool]] | None = (
            (piece.data(), piece.taken) for piece in made)
    else:
        pieces_made = None
    store = ox.Store()
    # Oxigraph parses and inserts each chunk in a second thread (it releases the GIL)
    # while this one writes the next.
    with paused_gc(), ThreadPoolExecutor(1, thread_name_prefix="heroes-kg-model") as loader:
        pieces: Iterable[tuple[bytes, bool]]
        if pieces_made is not None:
            pieces = pieces_made
        elif units is None:
            lines = nquads(corpus, project.base_iri)
            pieces = (
                ("".join(chunk).encode("utf-8"), False)
                for chunk in iter(lambda: list(itertools.islice(lines, MODEL_CHUNK)), []))
        else:
            pieces = ((piece.data(), piece.taken)
                      for piece in _unit_pieces(corpus, project.base_iri, units))
        loading: Future[None] | None = None
        for data, checked in pieces:
            if spool is not None:
                spool.write(data)
            if loading is not None:
                loading.result()
            # Lines from entries are those a build made and loaded before (their
            # digests hold): Oxigraph need not check each IRI again, a quarter faster.
            loading = loader.submit(store.load, data, format=ox.RdfFormat.N_QUADS,
                                    lenient=checked)
            del data
        if loading is not None:
            loading.result()
    _load_ontology(store, project, names)
    if spool is not None:
        spool.write(ox.serialize(store.quads_for_pattern(None, None, None, names.ontology),
                                 format=ox.RdfFormat.N_QUADS) or b"")
        spool.close()
    kg = KnowledgeGraph(store, names, project)
    clock.lap("model")
    return corpus, kg


def _on_checkpoint(project: Project, names: Names, units: Units,
                   holding: Callable[[set[bytes]], Iterable[bytes]]) -> ox.Store | None:
    """The persisted store's checkpoint with this build's difference applied, or None
    (the graph is then loaded whole) when the difference cannot be told, is large, or
    names a blank node (whose label is not the same node from build to build), or when
    the parts kept beside the store cannot be spliced: sorting the whole graph, or
    reading every statement record, is several times slower on disk than in memory."""
    if not spliceable(project, (names.facts, names.provenance)):
        return None
    difference = units.difference(holding)
    if difference is None or sum(map(len, difference)) > MAX_LINES:
        return None
    removed, added = difference
    if any(isinstance(term, ox.BlankNode) for quad in itertools.chain(removed, added)
           for term in (quad.subject, quad.object)):
        return None
    return checkpoint(project, names, removed, added)


class _Lines:
    """The N-Quads of the articles, or of one facts file: ``taken`` from the file's
    entry (read when first asked for), else made and kept."""

    __slots__ = ("_data", "_key", "_make", "_units", "taken")

    def __init__(self, data: bytes | None, *, taken: bool = False,
                 make: Callable[[], bytes] | None = None, units: Units | None = None,
                 key: str = "") -> None:
        self.taken = taken
        self._data = data
        self._make = make
        self._units = units
        self._key = key

    def data(self) -> bytes:
        if self._data is None:
            assert self._make is not None and self._units is not None
            data = self._units.lines(self._key) if self.taken else None
            if data is None:  # damaged since it was handed out: made again, and kept
                self.taken = False
                data = self._make()
            self._data = data
        return self._data


def _holding(corpus: Corpus, base: str, made: list[_Lines]
             ) -> Callable[[set[bytes]], Iterable[bytes]]:
    """For :meth:`Units.difference`: the pieces of ``made`` (the articles' lines first,
    then each facts file's) that may hold any of the lines asked about. Those are the
    articles' lines and the lines made again from the entities and statements that may
    have the same subjects (:func:`lines_about`), where that is cheaper than reading the
    lines of every file."""
    from .rdf.model import lines_about

    def holding(lines: set[bytes]) -> Iterable[bytes]:
        subjects = {line[:line.find(b" ")].decode("utf-8") for line in lines}
        about = lines_about(corpus, base, subjects)
        if about is None:
            return (piece.data() for piece in made)
        return (made[0].data(), "".join(about).encode("utf-8"))

    return holding


def _unit_pieces(corpus: Corpus, base: str, units: Units, *, lazy: bool = False
                 ) -> Iterator[_Lines]:
    """The graph's N-Quads, the articles' then each facts file's: from the file's entry
    where :meth:`Units.get` handed it out and the entry's lines are intact, else made
    (and kept). With ``lazy``, the lines of an entry the last finished build also used
    are read only when asked for: nothing changed in them."""
    from .rdf.model import article_lines, file_lines

    articles = "".join(article_lines(corpus, base, units.earlier_mentions())).encode("utf-8")
    if corpus.mentions_found is not None:
        units.keep_mentions(corpus.mentions_found)
    units.track_articles(articles)
    yield _Lines(articles)
    del articles
    for file in corpus.files:
        key = units.key(file.path, file.digest)

        def make(file: FactsFile = file) -> bytes:
            data = "".join(file_lines(file, corpus, base)).encode("utf-8")
            units.put(file, data)
            return data

        # The very result handed out, not one checked again since (it read an entity or
        # article that changed): then its lines are made again.
        taken = units.served.get(key) is file
        if taken and lazy and units.track_kept(file.path, key):
            yield _Lines(None, taken=True, make=make, units=units, key=key)
            continue
        data = units.lines(key) if taken else None
        taken = data is not None
        if data is None:
            data = make()
        units.track(file.path, key, data)
        yield _Lines(data, taken=taken)
    # Held no longer: the statements are dropped once validated, before the exports.
    units.served.clear()


#: N-Quads lines made and loaded at a time: small enough to hold, large enough that
#: Oxigraph's parser does most of the work.
MODEL_CHUNK = 50_000


def _validate(corpus: Corpus, kg: KnowledgeGraph, shacl: str,
              timings: dict[str, float] | None = None, progress: Progress = _quiet,
              changed: list[ox.Quad] | None = None) -> None:
    """Validate the graph; ``changed``: the quads an edit of a graph that passed may
    have added or removed (see :func:`~heroes_kg.validate.graph.validate_graph`)."""
    from .validate import validate_graph

    clock = _Clock(timings)
    assert kg.project is not None
    if changed is None:
        progress(f"validating {len(kg.store)} quads against the ontology and shapes")
    else:
        progress(f"validating around {len(changed)} changed quads against the ontology "
                 "and shapes")
    validate_graph(kg, corpus, kg.project.shapes_file, kg.project.ontology_file,
                   engine=shacl, changed=changed)
    clock.lap("validate")


def _assemble(project: Project, shacl: str = "oxigraph",
              timings: dict[str, float] | None = None,
              progress: Progress = _quiet) -> tuple[Corpus, KnowledgeGraph]:
    """Load, check, model and validate; returns the graph in an in-memory store."""
    corpus, kg = _model(project, timings, progress)
    _validate(corpus, kg, shacl, timings, progress)
    return corpus, kg


class _Clock:
    """Records the seconds since the previous lap into ``timings`` (when given)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def check(project: Project, *, shacl: str = "oxigraph") -> BuildReport:
    """Every check of :func:`build`, writing nothing."""
    timings: dict[str, float] = {}
    corpus, kg = _assemble(project, shacl, timings)
    report = _report(corpus, kg)
    report.timings = timings
    return report


def _report(corpus: Corpus, kg: KnowledgeGraph) -> BuildReport:
    return BuildReport(len(corpus.articles), len(corpus.entities), len(corpus.statements),
                       len(kg))


def open_graph(project: Project, *, rebuild: bool = True, hold_lock: bool = True
               ) -> KnowledgeGraph:
    """The built graph of ``project``.

    The store is rebuilt from the seeds first when any input changed since it was built,
    or when it is missing, corrupt or not ours (``rebuild=False`` raises
    :class:`~heroes_kg.errors.StoreError` instead). With ``hold_lock`` the graph keeps a
    shared lock until it is closed, so no build replaces the store under a running query.
    Close it (``with open_graph(project) as kg:``) when done.
    """
    names = Names(project.base_iri)
    notes: list[str] = []
    for attempt in range(2):
        opened = open_store(project, names, hold_lock=hold_lock)
        if isinstance(opened, Graph):
            kg = KnowledgeGraph.taking(opened)
            kg.notes = notes
            return kg
        if not rebuild or attempt == 1:
            raise StoreError(opened)
        if opened != STALE:
            notes.append(f"{opened}; rebuilt it from the seeds")
        build_store(project)
    raise AssertionError("unreachable")


def build_store(project: Project) -> tuple[Corpus, KnowledgeGraph]:
    """Rebuild the persisted store from the seeds (exports are left alone)."""
    with lock(project):
        current = fingerprint(project)
        corpus, kg = _assemble(project)
        begin_change(project)
        replace_store(project, kg.store)
        write_parts(project, kg)  # the next build applies its difference to this store
        kg.memo.clear()
        state = read_state(project)
        state.update(_store_state(project, current, _report(corpus, kg)))
        state.pop("units", None)  # they describe another graph than this store's
        if state.get("exports_fingerprint") != current:
            state.pop("exports", None)
        write_state(project, state)
        end_change(project)
        prune_parts(project)
    return corpus, kg


def _counts(r: BuildReport) -> dict[str, int]:
    return {"articles": r.articles, "entities": r.entities, "statements": r.statements,
            "triples": r.triples}


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _exports_current(state: dict[str, Any], current: str, outdir: Path,
                     names: list[str]) -> dict[str, list[Any]] | None:
    """The stamps of the exports in ``outdir`` when they are those the last build wrote
    (its state's ``exports``), else None. A file is known by its size and modification
    time where it is at the same path, else (a project folder copied elsewhere or
    checked out afresh, or the other ``outdir``) by the SHA-256 of its bytes, which the
    build kept."""
    from .outputs.reuse import file_digest

    exports = state.get("exports")
    if state.get("exports_fingerprint") != current or not isinstance(exports, dict):
        return None
    kept = {Path(p).name: (p, stamp) for p, stamp in exports.items()
            if isinstance(stamp, list)}
    if set(kept) != set(standard_exports) or len(exports) != len(kept):
        return None
    found: dict[str, list[Any]] = {}
    try:
        for name, (p, stamp) in kept.items():
            path = outdir / name
            if name not in names:
                found[str(path)] = stamp
                continue
            now = _stamp(path)
            digest = stamp[2] if len(stamp) == 3 else None
            if p == str(path) and now == stamp[:2]:
                found[str(path)] = stamp
            elif now[0] == stamp[0] and isinstance(digest, str) and \
                    file_digest(path) == digest:
                found[str(path)] = [*now, digest]
            else:
                return None
    except OSError:
        return None
    return found


def _selected(only: Iterable[str] | None) -> list[str]:
    """The standard export file names to write: all, or the ``only`` ones (checked)."""
    if only is None:
        return list(standard_exports)
    chosen = list(dict.fromkeys(only))
    unknown = [name for name in chosen if name not in standard_exports]
    if unknown:
        raise OutputError(f"unknown export {unknown[0]!r}; the build writes "
                            + ", ".join(standard_exports))
    return [name for name in standard_exports if name in chosen]


def _check_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir} exists and is not a folder")
    if not outdir.parent.is_dir():
        raise OutputError(f"cannot write to {outdir}: {outdir.parent} does not exist")
    outdir.mkdir(exist_ok=True)
    if not os.access(outdir, os.W_OK):
        raise OutputError(f"cannot write to {outdir}: permission denied")


def _stage(outdir: Path) -> Path:
    """A new, empty staging folder beside ``outdir``, with its permissions."""
    staging = outdir.parent / f".{outdir.name}.{os.getpid()}.staging"
    try:
        staging.mkdir()
        os.chmod(staging, outdir.stat().st_mode & 0o7777)
    except OSError as exc:
        raise OutputError(f"cannot write to {outdir.parent} (the new exports are staged "
                            f"there, beside {outdir.name}/): "
                            f"{exc.strerror or exc}") from None
    return staging


def _link_others(outdir: Path, staging: Path, names: list[str]) -> None:
    """Everything in ``outdir`` this build does not write, into ``staging`` (hard links
    where the file system allows, else copies); not the temporary files of a build."""
    for path in outdir.iterdir():
        if path.name in names or (path.name.startswith(".") and path.name.endswith(".tmp")):
            continue
        target = staging / path.name
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(path, target)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class _StoreWriter:
    """Writes the persisted store in a background thread from the N-Quads the model
    stage spools as it makes them.

    Oxigraph releases the GIL while it bulk-loads, so the store is written on one core
    while the graph is modelled, validated and exported on the other. Nothing is
    swapped in until :meth:`finish`; :meth:`abandon` stops the thread at its next slice
    and removes what it wrote.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.error: BaseException | None = None
        self.fresh: Path | None = None
        self.spool = Spool(project)
        self.thread = threading.Thread(target=self._run, name="heroes-kg-store", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.fresh = write_store(self.project, self.spool)
        except StoreWriteStopped:
            pass
        except BaseException as exc:
            self.error = exc

    def finish(self) -> None:
        self.thread.join()
        self.spool.discard()
        if self.error is not None:
            raise self.error
        assert self.fresh is not None
        swap_store(self.project, self.fresh)

    def abandon(self) -> None:
        self.spool.stop()
        self.thread.join()
        self.spool.discard()
        if self.fresh is not None:  # it had finished: remove the unused store
            shutil.rmtree(self.fresh, ignore_errors=True)


def build(project: Project, *, outdir: Path | None = None, force: bool = False,
          shacl: str = "oxigraph", only: Iterable[str] | None = None,
          progress: Progress | None = None, validate: bool = True,
          keep_graph: bool = False) -> BuildReport:
    """Build the graph from the seeds into the store and ``outdir`` (default exports/).

    When nothing changed since the last build, nothing is redone (``force`` redoes it).
    ``shacl`` names the SHACL engine (see :func:`heroes_kg.validate.graph.validate_graph`).
    ``only`` limits the exports to those file names of :data:`standard_exports` (the
    next build without ``only`` writes them all again). ``progress`` is called with a
    short description as each stage starts. ``validate=False`` skips validating the
    graph (the shapes and the whole-graph checks; the curated files are still checked
    as they are read): it exists to measure the rest, and the CLI never uses it.
    ``keep_graph`` returns the graph in :attr:`BuildReport.graph`, to query it at once
    without reading the persisted store again.
    """
    from .corpus.curation import paused_gc

    outdir = (outdir or project.exports_dir).resolve()
    names = _selected(only)
    # The cyclic collector stays paused for the whole build: a build makes millions of
    # objects and hardly a cycle, and each time it was let run between two stages, it
    # walked every object made since (about 0.8 s of CPU of an incremental build at a
    # million triples). Once the build is done, what it made is freed by reference counts.
    with lock(project), paused_gc():
        report, kg = _build_locked(project, outdir, names, force, shacl,
                                   progress or _quiet, validate)
    if keep_graph:  # opening the persisted store takes a shared lock: outside the build's
        report.graph = kg if kg is not None else open_graph(project)
    return report


def _build_locked(project: Project, outdir: Path, names: list[str], force: bool, shacl: str,
                  say: Progress, validate: bool) -> tuple[BuildReport, KnowledgeGraph | None]:
    """:func:`build` with the project locked; also returns the graph it made, if any.

    After a finished build the persisted store is brought up to date by the difference
    (:mod:`heroes_kg.rdf.delta`) instead of being written again; ``force``, a changed
    ontology or base IRI, and a build that was killed half-way make it write the store
    whole. Exports whose bytes did not change are left as they are."""
    # What a build killed mid-way left beside the exports (we hold the lock), even when
    # there is nothing to rebuild.
    for leftover in outdir.parent.glob(f".{outdir.name}.*.staging"):
        shutil.rmtree(leftover, ignore_errors=True)
    drop_checkpoint(project)  # the copy of the store a killed build was using
    current = fingerprint(project)
    state = read_state(project)
    known = None if force or state.get("fingerprint") != current else \
        _exports_current(state, current, outdir, names)
    if known is not None and (project.state_dir / "store").is_dir():
        if known != state.get("exports"):
            # Known by their bytes (moved or copied): their new stamps, for the next time.
            with contextlib.suppress(OSError):
                write_state(project, {**state, "exports": known})
        counts = state.get("counts", {})
        return BuildReport(counts.get("articles", 0), counts.get("entities", 0),
                           counts.get("statements", 0), counts.get("triples", 0),
                           [outdir / name for name in names], up_to_date=True), None
    timings: dict[str, float] = {}
    incremental = not force and _store_can_take_delta(project, state)
    # Each facts file's checked result and quads are kept for the next build (never read
    # with force); the quads of the last build tell what changed since, which is all
    # that needs validating when that build passed with the same shapes.
    shapes = _shapes_digest(project)
    units = Units(project, None if force else state.get("units"),
                  comparable=(incremental and state.get("validated") is True
                              and shapes is not None and state.get("shapes") == shapes
                              and shacl == "oxigraph"))
    # A full build writes the store while the graph is modelled, validated and
    # exported; it replaces the current one only once all of that has succeeded.
    writer = None if incremental else _StoreWriter(project)
    staged: list[tuple[Path, Path]] = []
    parts: Future[Staged] | None = None
    spliced: Delta | None = None
    background = ThreadPoolExecutor(1, thread_name_prefix="heroes-kg-parts")
    # Each export written is synced here while the next ones are made and written: the
    # wait for the disk holds up neither.
    syncer = ThreadPoolExecutor(1, thread_name_prefix="heroes-kg-sync")
    syncs: list[Future[None]] = []
    try:
        corpus, kg = _model(project, timings, say, writer.spool if writer else None,
                            units, reuse=not force, on_store=incremental)
        # The graph is the persisted store's checkpoint, changed by the difference (not
        # the store the user sees, which takes the same difference below).
        on_checkpoint = checkpoint_dir(project).is_dir()
        if validate:
            _validate(corpus, kg, shacl, timings, say, units.changes())
        clock = _Clock(timings)
        changed = units.changed() if incremental else None
        if changed is not None:
            # Each data graph's sorted lines: the last build's, with the blocks of the
            # changed subjects made again (instead of sorting the whole graph).
            say(f"sorting the triples of {len(changed)} changed quads into the graph")
            spliced = splice(project, kg, changed)
            if spliced is not None:
                # The parts kept beside the store are written (under temporary names,
                # synced) on the other core while the exports are made.
                parts = background.submit(stage_parts, project, kg)
                _lend_statements(project, kg, changed)
            del changed
            clock.lap("sort")
        report = BuildReport(len(corpus.articles), len(corpus.entities),
                             len(corpus.statements), 0)
        del corpus  # the exports need only the graph: free the curated objects
        _check_outdir(outdir)
        for name in names:
            # Temporary files of a build that was killed mid-write (we hold the lock).
            for leftover in outdir.glob(f".{name}.*.tmp"):
                leftover.unlink(missing_ok=True)
        # The exports are made one at a time into a staging folder beside the output
        # folder (no more than one export in memory), the other files of the folder
        # linked in beside them, and the staging folder then takes the output folder's
        # place in one step: after a failure or a kill at any instant the folder holds
        # the complete old set of exports or the complete new one. An export whose bytes
        # are those of the file already there is linked, not written again.
        staging = _stage(outdir)
        staged.append((staging, outdir))
        written = []
        # Each export's blocks that did not change are copied from the file the last
        # build wrote (not with force); where they lie in the new file is kept for the
        # next build once the new files are in place.
        from .corpus.curation import paused_gc
        from .outputs.reuse import Reuse, drop_reuse, open_reuse, save_reuse

        reused: dict[str, Reuse] = {}
        # The exports make millions of objects and hardly a cycle: the cyclic collector
        # would walk every object of the graph again and again.
        writing: tuple[str, Future[str]] | None = None
        #: The SHA-256 of each export's bytes, by file name.
        digests: dict[str, str] = {}
        with paused_gc():
            for name in names:
                say(f"making {name}")
                target = outdir / name
                reuse = Reuse() if force else open_reuse(project.state_dir, target,
                                                         project.base_iri)
                try:
                    data = standard_exports[name](kg, reuse)
                finally:
                    reuse.close()
                reused[name] = reuse
                written.append(target)
                if writing is not None:
                    # No more than one export waits to be written.
                    digests[writing[0]] = writing[1].result()
                    syncs.append(syncer.submit(_sync, staging / writing[0]))
                    writing = None
                if incremental:
                    # Written on the other core while the next is made: a full build
                    # keeps that core for the store, and its memory.
                    writing = name, background.submit(_put, target, staging / name, data)
                else:
                    digests[name] = _put(target, staging / name, data)
                    syncs.append(syncer.submit(_sync, staging / name))
                del data
            if writing is not None:
                digests[writing[0]] = writing[1].result()
                syncs.append(syncer.submit(_sync, staging / writing[0]))
        report.triples = len(kg)  # from the sorted N-Triples when an export made them
        clock.lap("export")
        # The checkpoint's changes are flushed on the other core (Oxigraph releases the
        # GIL) while this one keeps the exports' states below.
        flushed = background.submit(kg.store.flush) if on_checkpoint else None
        delta = (spliced if spliced is not None else diff(project, kg)) if incremental \
            else None
        # Waited for before anything changes: a part that could not be written fails
        # the build with the previous state intact.
        new_parts = parts.result() if parts is not None else None
        # Every export is on disk before it is swapped in and the state and indexes name
        # it by its status (which a crash of the machine could otherwise leave beside
        # bytes that never reached the disk).
        for synced in syncs:
            synced.result()
        begin_change(project)
        kept: list[Future[None]] = []
        if new_parts is not None:
            commit_parts(project, new_parts)
            parts = None
            kept = _keep_statements(project, kg, background)
        elif _has_sorted_lines(kg):
            write_parts(project, kg)
            kept = _keep_statements(project, kg, background)
        else:
            drop_parts(project)
        kg.memo.clear()  # views shared by the exports: not needed while the store waits
        _link_others(outdir, staging, names)
        replace_folder(staging, outdir)
        staged.clear()
        for name, reuse in reused.items():
            if reuse.new:
                report.reused[name] = (reuse.reused, len(reuse.new))
                save_reuse(project.state_dir, outdir / name, project.base_iri, reuse,
                           digests.get(name))
            else:
                drop_reuse(project.state_dir, name)
        del reused
        say("writing the store")
        if writer is not None:
            writer.finish()
        elif on_checkpoint and delta is not None and len(delta) <= MAX_LINES:
            # The graph is the persisted store with the difference applied: it takes the
            # store's place instead of the store taking the difference a second time.
            # Oxigraph closes a store when its last handle goes, and this is the last
            # one the build holds (the views made from it went with the memo).
            if flushed is not None:
                flushed.result()
            del kg
            if not _take_checkpoint(project):
                apply_delta(project, delta)
        elif delta is not None and len(delta) <= MAX_LINES:
            apply_delta(project, delta)
        else:
            replace_store(project, kg.store)
        for future in kept:  # before the change ends
            future.result()
        clock.lap("store")
    except BaseException:
        # Nothing more is written in the background (what is under way finishes).
        background.shutdown(cancel_futures=True)
        syncer.shutdown(cancel_futures=True)
        for tmp, _ in staged:
            shutil.rmtree(tmp, ignore_errors=True)
        if writer is not None:
            writer.abandon()
        if parts is not None:
            with contextlib.suppress(BaseException):
                discard_parts(parts.result())
        drop_checkpoint(project)
        raise
    finally:
        background.shutdown()
        syncer.shutdown()
    complete = set(names) == set(standard_exports)
    write_state(project, {
        **_store_state(project, current, report),
        **({"exports_fingerprint": current,
            "exports": {str(p): [*_stamp(p), digests[p.name]] for p in written}}
           if complete else {}),
        "units": units.manifest(), "validated": validate, "shapes": shapes,
    })
    end_change(project)
    units.prune()
    prune_parts(project)
    report.written = written
    report.timings = timings
    if on_checkpoint:  # the persisted store holds the same graph now
        drop_checkpoint(project)
        return report, None
    return report, kg


def _take_checkpoint(project: Project) -> bool:
    """The build's checkpoint, its last handle dropped, put in place of the persisted
    store (:func:`take_checkpoint`); False when a handle of it is still alive."""
    if take_checkpoint(project):
        return True
    gc.collect()  # only when a cycle still holds a handle: it walks every object alive
    return take_checkpoint(project)


def _lend_statements(project: Project, kg: KnowledgeGraph, changed: list[ox.Quad]) -> None:
    """The statement records the last build read (kept beside its parts, still packed),
    for the exports to read only those of the statements that changed; and the property
    graph's nodes and the page's texts it made, for only those the change touches to be
    made again."""
    from .outputs.formats import EARLIER_PROPERTY_GRAPH, EARLIER_STATEMENTS
    from .outputs.page import EARLIER_PAGE

    subjects = {q.subject.value for q in changed if isinstance(q.subject, ox.NamedNode)}
    data = read_beside_parts(project, "statements")
    if data is not None:
        kg.memo[EARLIER_STATEMENTS] = (data, subjects)
    # The property graph's nodes, for only those of the changed subjects to be made.
    if any(not isinstance(q.subject, ox.NamedNode) for q in changed):
        return  # a blank node's id does not name the same node from build to build
    data = read_beside_parts(project, "property-graph")
    if data is not None:
        kg.memo[EARLIER_PROPERTY_GRAPH] = (data, subjects)
    # The page's pieces and texts, for only what the changed subjects touch to be made.
    data = read_beside_parts(project, "page")
    if data is not None:
        objects = {q.object.value for q in changed if isinstance(q.object, ox.NamedNode)}
        kg.memo[EARLIER_PAGE] = (data, subjects, objects)


def _keep_statements(project: Project, kg: KnowledgeGraph, background: ThreadPoolExecutor
                     ) -> list[Future[None]]:
    """The statement records the exports read, the property graph's nodes and the page's
    texts they made, beside the parts just written, for the next build (none when no
    export made them). They are marshalled here and hashed and written on the other
    core (``background``) while the build goes on: the futures returned are waited for
    before the change ends."""
    from .outputs.formats import STATEMENTS, kept_property_graph
    from .outputs.page import kept_page
    from .rdf.read import pack_statements

    records = kg.memo.get(STATEMENTS)
    kept = {"statements": None if records is None else pack_statements(records),
            "property-graph": kept_property_graph(kg), "page": kept_page(kg)}
    return [background.submit(keep_beside_parts, project, name, data)
            for name, data in kept.items()]


def _store_state(project: Project, current: str, report: BuildReport) -> dict[str, Any]:
    """What the state file says about the store: the inputs it was built from, its
    counts, and what a later build checks before applying a difference to it."""
    return {"fingerprint": current, "counts": _counts(report),
            "ontology": ontology_digest(project), "base_iri": project.base_iri,
            "version": __version__}


def _store_can_take_delta(project: Project, state: dict[str, Any]) -> bool:
    """Whether the persisted store is the finished result of an earlier build of the
    same ontology and base IRI, so that the difference can be applied to it."""
    return (not in_change(project) and store_dir(project).is_dir()
            and state.get("base_iri") == project.base_iri
            and state.get("version") == __version__
            and state.get("ontology") == ontology_digest(project))


def _shapes_digest(project: Project) -> str | None:
    try:
        return hashlib.sha256(project.shapes_file.read_bytes()).hexdigest()
    except OSError:
        return None


def _has_sorted_lines(kg: KnowledgeGraph) -> bool:
    return all(("sorted_ntriples", g.value) in kg.memo for g in kg.data_graphs)


def _put(old: Path, path: Path, pieces: Iterable[bytes]) -> str:
    """The file made of ``pieces`` into ``path``: a link to ``old`` when it holds those
    bytes, else written. Returns the SHA-256 of its bytes (hex), by which a later build
    knows the file again where its status changed (a copied project folder)."""
    digest = hashlib.sha256()
    if _same_bytes(old, pieces, digest):
        _link_or_copy(old, path)
    else:
        digest = hashlib.sha256()
        # Synced afterwards (_sync), before anything names it.
        write_temp(path, _hashed(pieces, digest), sync=False).replace(path)
    return digest.hexdigest()


def _sync(path: Path) -> None:
    """Wait until the file at ``path`` is on disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _hashed(pieces: Iterable[bytes], digest: Any) -> Iterator[bytes]:
    for piece in pieces:
        digest.update(piece)
        yield piece


def _same_bytes(path: Path, pieces: Iterable[bytes], digest: Any = None) -> bool:
    """Whether the file at ``path`` holds the concatenation of ``pieces`` (read a slice
    at a time: an export of a million triples is not held twice); ``digest`` is fed
    the pieces as they are compared."""
    size = pieces.size if isinstance(pieces, Chunks) else sum(map(len, pieces))
    try:
        if path.stat().st_size != size:
            return False
        with open(path, "rb") as handle:
            for piece in pieces:
                if digest is not None:
                    digest.update(piece)
                view = memoryview(piece)
                for at in range(0, len(piece), _COMPARED):
                    part = view[at:at + _COMPARED]
                    if handle.read(len(part)) != part:
                        return False
        return True
    except OSError:
        return False


_COMPARED = 1 << 22
