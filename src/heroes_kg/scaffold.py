"""Start a new heroes-kg project: an empty corpus with the ontology, the shapes, the
corpus-independent named queries and a README, from the copies shipped in the package.

The package's ``project_template/`` folder holds them; the repository's own ``ontology/`` and
``queries/`` are the same files (a test keeps them equal).
"""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

from .errors import ProjectError

__all__ = ["init_project", "template_files"]


def template_files() -> dict[str, bytes]:
    """Every file a new project starts with: relative path -> content."""
    root = resources.files("heroes_kg") / "project_template"
    files: dict[str, bytes] = {}

    def walk(node: resources.abc.Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith((".", "__")):
                continue
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            else:
                files[".gitignore" if rel == "gitignore" else rel] = child.read_bytes()

    walk(root, "")
    return files


def init_project(target: str | os.PathLike[str]) -> Path:
    """Create a new, empty project in ``target`` (which must not exist or be empty).

    The folder is made complete or not at all: the files are written into a temporary
    sibling folder that is renamed into place.
    """
    path = Path(target).absolute()
    if path.exists():
        if not path.is_dir():
            raise ProjectError(f"{path} exists and is not a folder")
        if any(path.iterdir()):
            raise ProjectError(f"{path} is not empty; heroes-kg init starts a project only "
                                "in a new or empty folder")
    parent = path.parent
    if not parent.is_dir():
        raise ProjectError(f"{parent} does not exist; create it first")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    except OSError as exc:
        raise ProjectError(f"cannot write in {parent}: {exc.strerror}") from None
    try:
        for rel, data in template_files().items():
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        for folder in ("seeds/articles", "exports"):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        staging.chmod(0o755)
        if path.exists():
            path.rmdir()
        staging.rename(path)
    except OSError as exc:
        _remove(staging)
        raise ProjectError(f"cannot create {path}: {exc.strerror}") from None
    return path


def _remove(folder: Path) -> None:
    for child in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if child.is_dir():
            child.rmdir()
        else:
            child.unlink()
    folder.rmdir()
