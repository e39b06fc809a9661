"""Shared fixtures: a throwaway copy of the project, and an in-process CLI runner."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent


def benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/NAME.py`` imported as module ``NAME``, to test its parts."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def copy_project(dest: Path) -> Path:
    """A copy of the project's inputs (seeds, ontology, queries) under ``dest``."""
    for folder in ("seeds", "ontology", "queries"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, dest / folder)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project, free to edit and build."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One built copy of the project shared by read-only tests."""
    from heroes_kg.pipeline import build
    from heroes_kg.project import find_project

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    build(find_project(root))
    return root


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run ``heroes-kg ARGS`` in-process."""
    from heroes_kg.cli import main

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke
