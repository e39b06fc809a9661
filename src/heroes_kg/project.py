"""Where a heroes-kg project keeps its inputs, state and outputs."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError

__all__ = ["DEFAULT_BASE_IRI", "Project", "find_project", "is_absolute_iri"]

#: Base of every resource IRI; change it with --base-iri or HEROES_KG_BASE_IRI.
DEFAULT_BASE_IRI = "https://w3id.org/heroes-kg/"


@dataclass(frozen=True)
class Project:
    root: Path
    base_iri: str = DEFAULT_BASE_IRI

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def articles_dir(self) -> Path:
        return self.seeds / "articles"

    @property
    def facts_dir(self) -> Path:
        return self.seeds / "facts"

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def ontology_file(self) -> Path:
        return self.ontology_dir / "heroes.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def state_dir(self) -> Path:
        return self.root / ".heroes-kg"

    def input_files(self) -> list[Path]:
        """Every file whose content the built graph depends on, in a stable order."""
        return [Path(name) for name in self.input_paths()]

    def input_paths(self) -> list[str]:
        """:meth:`input_files` as path strings: what every command's freshness check
        reads, without making a Path for each of a large corpus's thousands of files."""
        files: list[str] = []
        for folder in (self.articles_dir, self.facts_dir):
            if folder.is_dir():
                # scandir knows file types without a stat per file (a large corpus has
                # thousands, and every command checks them).
                with os.scandir(folder) as entries:
                    files.extend(e.path for e in entries if e.is_file())
        files.extend(str(p) for p in (self.ontology_file, self.shapes_file) if p.is_file())
        # By the text of the path (in these folders, the order of the Paths themselves,
        # which compare part by part in Python, 10x slower on thousands of files).
        return sorted(files)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_absolute_iri(value: object) -> bool:
    """Whether ``value`` is an absolute IRI that RDF can hold as it is."""
    if not isinstance(value, str) or not _SCHEME.match(value):
        return False
    from pyoxigraph import NamedNode

    try:
        NamedNode(value)
    except ValueError:
        return False
    return True


def find_project(root: str | os.PathLike[str] | None = None,
                 base_iri: str | None = None) -> Project:
    """The project at ``root``, or the nearest folder above the working directory
    that has ``seeds/facts``."""
    base = base_iri or os.environ.get("HEROES_KG_BASE_IRI") or DEFAULT_BASE_IRI
    if not base.endswith(("/", "#")):
        raise ProjectError(f"base IRI {base!r} must end with '/' or '#'")
    if not is_absolute_iri(base):
        raise ProjectError(f"base IRI {base!r} is not an absolute IRI "
                            "(e.g. https://example.org/news/)")
    if root is None and os.environ.get("HEROES_KG_PROJECT"):
        root = os.environ["HEROES_KG_PROJECT"]
    if root is not None:
        path = Path(root).resolve()
        if not (path / "seeds").is_dir():
            raise ProjectError(f"{path} is not a heroes-kg project: it has no seeds/ folder")
        return Project(path, base)
    here = Path.cwd().resolve()
    for candidate in (here, *here.parents):
        if (candidate / "seeds" / "facts").is_dir():
            return Project(candidate, base)
    raise ProjectError(
        f"no heroes-kg project here: no seeds/facts/ in {here} or above it "
        "(run inside a project, or pass {--project})")
