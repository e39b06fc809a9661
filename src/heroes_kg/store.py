"""Store: the built graph on Oxigraph, persisted under .heroes-kg/ and reused while the
inputs are unchanged.

:func:`open_graph` is the front door for every command that reads the graph. It imports
only pyoxigraph; rdflib is loaded when a caller asks for :attr:`KnowledgeGraph.dataset`.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from . import __version__
from .errors import HeroesKGError
from .model import Names
from .project import Project

if TYPE_CHECKING:
    from collections.abc import Mapping

    import rdflib

    from .query import QueryResult

__all__ = ["KnowledgeGraph", "fingerprint", "lock", "open_graph", "read_state", "write_state"]

#: Bumped whenever the layout of the persisted store changes.
STORE_FORMAT = 1


class KnowledgeGraph:
    """The built graph: an Oxigraph store with the facts, provenance and ontology graphs."""

    def __init__(self, store: ox.Store, names: Names, project: Project | None = None) -> None:
        self.store = store
        self.names = names
        self.project = project

    @property
    def data_graphs(self) -> tuple[ox.NamedNode, ox.NamedNode]:
        """The named graphs that hold the data (the ontology is kept apart)."""
        return (self.names.facts, self.names.provenance)

    def triples(self, graphs: tuple[ox.NamedNode, ...] | None = None) -> list[ox.Triple]:
        """The distinct triples of ``graphs`` (default: facts and provenance), sorted so
        that serializations are reproducible."""
        seen: set[ox.Triple] = set()
        for graph in graphs or self.data_graphs:
            for quad in self.store.quads_for_pattern(None, None, None, graph):
                seen.add(quad.triple)
        return sorted(seen, key=_triple_key)

    def __len__(self) -> int:
        """Number of distinct data triples (facts and provenance)."""
        return len(self.triples())

    def query(self, query: str, bindings: Mapping[str, Any] | None = None, *,
              infer: bool = False, timeout: float | None = None) -> QueryResult:
        """Run a SPARQL query over the facts and provenance graphs.

        ``query`` is SPARQL, a path ending in .rq, or the name of a query in queries/
        (``kg.query("sequel-director")``). ``bindings`` gives variables values before
        evaluation: ``{"entity": "pedro-pascal"}`` (ids, names, IRIs, literals, numbers,
        dates). ``infer=True`` adds RDFS/OWL-RL entailments of the ontology;
        ``timeout`` stops the query after that many seconds. SELECT results iterate as
        dicts of plain Python values; see :class:`heroes_kg.query.QueryResult`.
        """
        from .query import run_query

        return run_query(self, query, bindings, infer=infer, timeout=timeout)

    @property
    def dataset(self) -> rdflib.Dataset:
        """The same store seen as an rdflib Dataset (through oxrdflib), for rdflib users."""
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self.store))


_TYPE_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _triple_key(t: ox.Triple) -> tuple[str, int, str, str]:
    return (str(t.subject), 0 if t.predicate.value == _TYPE_IRI else 1, str(t.predicate),
            str(t.object))


def fingerprint(project: Project) -> str:
    """A digest of everything the built graph depends on: the inputs' bytes, the base
    IRI, the heroes-kg version and the store format."""
    digest = hashlib.sha256(f"{__version__}\0{STORE_FORMAT}\0{project.base_iri}\0".encode())
    for path in project.input_files():
        digest.update(path.relative_to(project.root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
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
    path = _state_file(project)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


@contextlib.contextmanager
def lock(project: Project) -> Iterator[None]:
    """Hold the project's build lock: one build at a time; others wait."""
    project.state_dir.mkdir(exist_ok=True)
    with open(project.state_dir / "lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def replace_store(project: Project, quads: Any) -> None:
    """Write ``quads`` into a fresh store and swap it in for the current one."""
    target = store_dir(project)
    fresh = project.state_dir / f"store.{os.getpid()}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    store = ox.Store(str(fresh))
    store.bulk_extend(quads)
    store.flush()
    del store
    old = project.state_dir / f"store.{os.getpid()}.old"
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def open_graph(project: Project, *, rebuild: bool = True) -> KnowledgeGraph:
    """The built graph of ``project``, rebuilding the store first when any input changed
    since it was built (``rebuild=False`` raises instead)."""
    current = fingerprint(project)
    state = read_state(project)
    path = store_dir(project)
    if state.get("fingerprint") != current or not path.is_dir():
        if not rebuild:
            raise HeroesKGError("the store is missing or older than the seeds; "
                                "run 'heroes-kg build'")
        from .builder import build_store

        build_store(project)
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise HeroesKGError(f"cannot open the store in {path}: {exc}; delete "
                            f"{project.state_dir.name}/ and run 'heroes-kg build'") from None
    return KnowledgeGraph(store, Names(project.base_iri), project)
