"""heroes-kg: an evidence-grounded knowledge graph builder for news articles.

Quick start (in a project folder, with seeds/ and ontology/)::

    import heroes_kg
    kg = heroes_kg.load()          # the built graph, rebuilt first if the seeds changed
    kg.query("cast").rows          # SPARQL or a named query from queries/: plain values
    kg.query("roles-of", {"person": "Pedro Pascal"}, infer=False, timeout=5)
    heroes_kg.build()              # rebuild exports/

Importing this package does no work; each function imports what it needs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__

__all__ = ["__version__", "build", "load"]

if TYPE_CHECKING:
    from .pipeline import BuildReport
    from .query import KnowledgeGraph


def load(project: str | os.PathLike[str] | None = None, *,
         base_iri: str | None = None) -> KnowledgeGraph:
    """Open the built graph of the project at ``project`` (default: the nearest folder
    with seeds/facts/), rebuilding the store first when the seeds changed. Ask it
    questions with :meth:`KnowledgeGraph.query <heroes_kg.query.KnowledgeGraph.query>`."""
    from .pipeline import open_graph
    from .project import find_project

    return open_graph(find_project(project, base_iri))


def build(project: str | os.PathLike[str] | None = None, *, outdir: str | None = None,
          force: bool = False, base_iri: str | None = None,
          keep_graph: bool = False) -> BuildReport:
    """Build the graph and write exports/ (see :func:`heroes_kg.pipeline.build`).

    With ``keep_graph`` the report's ``graph`` is the built graph, ready for
    questions: ``heroes_kg.build(keep_graph=True).graph.query("cast")``."""
    from .pipeline import build as _build
    from .project import find_project

    return _build(find_project(project, base_iri),
                  outdir=Path(outdir) if outdir else None, force=force, keep_graph=keep_graph)
