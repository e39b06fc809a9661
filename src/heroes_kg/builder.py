"""Build: seeds/ -> checked corpus -> RDF -> validated graph -> store and exports/.

:func:`build` is what ``heroes-kg build`` runs; :func:`check` is ``heroes-kg validate``.
Nothing is written until every check has passed, and every file is written atomically.
"""

from __future__ import annotations

import itertools
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ._io import replace_folder, write_temp
from .curation import Corpus, load_corpus, paused_gc
from .errors import HeroesKGError
from .model import Names, nquads
from .project import Project
from .store import (
    KnowledgeGraph,
    Spool,
    StoreWriteStopped,
    fingerprint,
    lock,
    open_graph,
    read_state,
    replace_store,
    swap_store,
    write_state,
    write_store,
)

__all__ = ["BuildReport", "build", "build_store", "check", "standard_exports"]


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


#: Called with a short description as each stage of a build starts.
Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def _export(fmt: str, *, facts_only: bool = False) -> Callable[[KnowledgeGraph], bytes]:
    """A producer of ``fmt`` with its default options (see :func:`export.export`)."""

    def produce(kg: KnowledgeGraph) -> bytes:
        from .export import export

        return export(kg, fmt, facts_only=facts_only)

    return produce


def _exports_html(kg: KnowledgeGraph) -> bytes:
    from .render import page, view

    return page(view(kg))


#: The files ``heroes-kg build`` writes into exports/: file name -> producer.
standard_exports: dict[str, Callable[[KnowledgeGraph], bytes]] = {
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
        raise HeroesKGError(f"{path.relative_to(project.root)} is missing; the build needs "
                            "the ontology")
    try:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=names.ontology)
    except SyntaxError as exc:
        raise HeroesKGError(f"{path.relative_to(project.root)}: not valid Turtle: "
                            f"{exc}") from None


def _model(project: Project, timings: dict[str, float] | None = None,
           progress: Progress = _quiet, spool: Spool | None = None
           ) -> tuple[Corpus, KnowledgeGraph]:
    """Load and check the curated files and make the graph in an in-memory store; with a
    ``spool``, every quad is also written to it as it is made."""
    clock = _Clock(timings)
    progress("reading and checking the curated files")
    corpus = load_corpus(project)
    clock.lap("load")
    progress(f"modelling {len(corpus.statements)} statements as RDF")
    names = Names(project.base_iri)
    store = ox.Store()
    # Oxigraph parses and inserts each chunk in a second thread (it releases the GIL)
    # while this one writes the next.
    with paused_gc(), ThreadPoolExecutor(1, thread_name_prefix="heroes-kg-model") as loader:
        lines = nquads(corpus, project.base_iri)
        loading: Future[None] | None = None
        while chunk := list(itertools.islice(lines, MODEL_CHUNK)):
            data = "".join(chunk).encode("utf-8")
            del chunk
            if spool is not None:
                spool.write(data)
            if loading is not None:
                loading.result()
            loading = loader.submit(store.load, data, format=ox.RdfFormat.N_QUADS)
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


#: N-Quads lines made and loaded at a time: small enough to hold, large enough that
#: Oxigraph's parser does most of the work.
MODEL_CHUNK = 50_000


def _validate(corpus: Corpus, kg: KnowledgeGraph, shacl: str,
              timings: dict[str, float] | None = None, progress: Progress = _quiet) -> None:
    from .validate import validate_graph

    clock = _Clock(timings)
    assert kg.project is not None
    progress(f"validating {len(kg.store)} quads against the ontology and shapes")
    validate_graph(kg, corpus, kg.project.shapes_file, kg.project.ontology_file,
                   engine=shacl)
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


def build_store(project: Project) -> tuple[Corpus, KnowledgeGraph]:
    """Rebuild the persisted store from the seeds (exports are left alone)."""
    with lock(project):
        current = fingerprint(project)
        corpus, kg = _assemble(project)
        replace_store(project, kg.store)
        state = read_state(project)
        state.update(fingerprint=current, counts=_counts(_report(corpus, kg)))
        if state.get("exports_fingerprint") != current:
            state.pop("exports", None)
        write_state(project, state)
    return corpus, kg


def _counts(r: BuildReport) -> dict[str, int]:
    return {"articles": r.articles, "entities": r.entities, "statements": r.statements,
            "triples": r.triples}


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _exports_current(state: dict, current: str, outdir: Path,  # type: ignore[type-arg]
                     names: list[str]) -> bool:
    exports = state.get("exports")
    if state.get("exports_fingerprint") != current or not isinstance(exports, dict):
        return False
    if set(exports) != {str(outdir / name) for name in standard_exports}:
        return False
    try:
        return all(_stamp(Path(p)) == stamp for p, stamp in exports.items()
                   if Path(p).name in names)
    except OSError:
        return False


def _selected(only: Iterable[str] | None) -> list[str]:
    """The standard export file names to write: all, or the ``only`` ones (checked)."""
    if only is None:
        return list(standard_exports)
    chosen = list(dict.fromkeys(only))
    unknown = [name for name in chosen if name not in standard_exports]
    if unknown:
        raise HeroesKGError(f"unknown export {unknown[0]!r}; the build writes "
                            + ", ".join(standard_exports))
    return [name for name in standard_exports if name in chosen]


def _check_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise HeroesKGError(f"{outdir} exists and is not a folder")
    if not outdir.parent.is_dir():
        raise HeroesKGError(f"cannot write to {outdir}: {outdir.parent} does not exist")
    outdir.mkdir(exist_ok=True)
    if not os.access(outdir, os.W_OK):
        raise HeroesKGError(f"cannot write to {outdir}: permission denied")


def _stage(outdir: Path) -> Path:
    """A new, empty staging folder beside ``outdir``, with its permissions."""
    staging = outdir.parent / f".{outdir.name}.{os.getpid()}.staging"
    try:
        staging.mkdir()
        os.chmod(staging, outdir.stat().st_mode & 0o7777)
    except OSError as exc:
        raise HeroesKGError(f"cannot write to {outdir.parent} (the new exports are staged "
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
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread by finish()
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
    ``shacl`` names the SHACL engine (see :func:`heroes_kg.validate.validate_graph`).
    ``only`` limits the exports to those file names of :data:`standard_exports` (the
    next build without ``only`` writes them all again). ``progress`` is called with a
    short description as each stage starts. ``validate=False`` skips validating the
    graph (the shapes and the whole-graph checks; the curated files are still checked
    as they are read): it exists to measure the rest, and the CLI never uses it.
    ``keep_graph`` returns the graph in :attr:`BuildReport.graph`, to query it at once
    without reading the persisted store again.
    """
    outdir = (outdir or project.exports_dir).resolve()
    names = _selected(only)
    with lock(project):
        report, kg = _build_locked(project, outdir, names, force, shacl,
                                   progress or _quiet, validate)
    if keep_graph:  # opening the persisted store takes a shared lock: outside the build's
        report.graph = kg if kg is not None else open_graph(project)
    return report


def _build_locked(project: Project, outdir: Path, names: list[str], force: bool, shacl: str,
                  say: Progress, validate: bool) -> tuple[BuildReport, KnowledgeGraph | None]:
    """:func:`build` with the project locked; also returns the graph it made, if any."""
    # What a build killed mid-way left beside the exports (we hold the lock), even when
    # there is nothing to rebuild.
    for leftover in outdir.parent.glob(f".{outdir.name}.*.staging"):
        shutil.rmtree(leftover, ignore_errors=True)
    current = fingerprint(project)
    state = read_state(project)
    if (not force and state.get("fingerprint") == current
            and (project.state_dir / "store").is_dir()
            and _exports_current(state, current, outdir, names)):
        counts = state.get("counts", {})
        return BuildReport(counts.get("articles", 0), counts.get("entities", 0),
                           counts.get("statements", 0), counts.get("triples", 0),
                           [outdir / name for name in names], up_to_date=True), None
    timings: dict[str, float] = {}
    # The store is written while the graph is modelled, validated and exported; it
    # replaces the current one only once all of that has succeeded.
    writer = _StoreWriter(project)
    staged: list[tuple[Path, Path]] = []
    try:
        corpus, kg = _model(project, timings, say, writer.spool)
        if validate:
            _validate(corpus, kg, shacl, timings, say)
        clock = _Clock(timings)
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
        # the complete old set of exports or the complete new one.
        staging = _stage(outdir)
        staged.append((staging, outdir))
        for name in names:
            say(f"making {name}")
            write_temp(staging / name, standard_exports[name](kg)).replace(staging / name)
        report.triples = len(kg)  # from the sorted N-Triples when an export made them
        kg.memo.clear()  # views shared by the exports: not needed while the store waits
        _link_others(outdir, staging, names)
        replace_folder(staging, outdir)
        written = [outdir / name for name in names]
        staged.clear()
        clock.lap("export")
        say("writing the store")
        writer.finish()
    except BaseException:
        for tmp, _ in staged:
            shutil.rmtree(tmp, ignore_errors=True)
        writer.abandon()
        raise
    complete = set(names) == set(standard_exports)
    write_state(project, {
        "fingerprint": current, "counts": _counts(report),
        **({"exports_fingerprint": current,
            "exports": {str(p): _stamp(p) for p in written}} if complete else {}),
    })
    clock.lap("store")
    report.written = written
    report.timings = timings
    return report, kg
