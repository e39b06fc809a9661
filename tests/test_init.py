"""heroes-kg init: a new project from the files shipped in the package, and the whole
path init -> add-article -> suggest -> accept -> build -> query from a plain install."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from heroes_kg.scaffold import template_files

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "articles" / "001_08730e30741b5685.txt"


def test_shipped_ontology_and_queries_are_the_repositorys() -> None:
    files = template_files()
    for name in ("heroes.ttl", "shapes.ttl"):
        assert files[f"ontology/{name}"] == (ROOT / "ontology" / name).read_bytes(), (
            f"src/heroes_kg/project_template/ontology/{name} differs from ontology/{name}; "
            "copy the repository's file over it")
    queries = [rel for rel in files if rel.startswith("queries/")]
    assert len(queries) >= 10
    for rel in queries:
        assert files[rel] == (ROOT / rel).read_bytes(), f"{rel} differs from the shipped copy"
        assert b"we-can-be-heroes" not in files[rel], f"{rel} names an entity of the seeds"
    assert {"README.md", ".gitignore", "seeds/facts/facts.yaml"} <= set(files)


def test_init_makes_a_project_that_builds(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "news"
    result = run("init", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "seeds" / "articles").is_dir()
    assert (target / "ontology" / "shapes.ttl").is_file()
    result = run("build", "--project", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "exports" / "heroes.ttl").is_file()


def test_init_refuses_a_folder_with_files(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 1
    assert "is not empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("init", str(tmp_path / "file"))
    assert result.exit_code == 2 and "is a file" in result.output  # a usage error


@pytest.mark.slow
def test_plain_install_runs_the_whole_path(tmp_path: Path) -> None:
    """A wheel installed into a fresh virtual environment, used outside the repository."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(wheels), str(ROOT)], check=True, timeout=300)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    wheel = next(wheels.glob("heroes_kg-*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed",
                    "-q", str(wheel)],
                   check=True, timeout=300)
    exe = env_dir / "bin" / "heroes-kg"
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "HEROES_KG_PROJECT", "HEROES_KG_BASE_IRI")}

    def heroes(*args: str, cwd: Path) -> str:
        done = subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    where = subprocess.run([str(python), "-c", "import heroes_kg; print(heroes_kg.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    assert str(env_dir) in where.stdout, where.stdout

    heroes("init", "kg", cwd=work)
    project = work / "kg"
    heroes("add-article", str(ARTICLE), "--id", "cast-celebrates", "--date", "2021-01-08",
           cwd=project)
    out = heroes("suggest", "cast-celebrates", cwd=project)
    assert "candidates/cast-celebrates.yaml" in out
    heroes("accept", "candidates/cast-celebrates.yaml", cwd=project)
    heroes("build", cwd=project)
    import yaml

    accepted = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted((project / "seeds" / "facts").glob("*.yaml"))]
    statements = [st for doc in accepted for st in (doc.get("statements") or [])]
    assert statements, "accept merged no statement"
    subject = statements[0]["subject"]
    turtle = (project / "exports" / "heroes.ttl").read_text(encoding="utf-8")
    assert f"res:{subject} " in turtle or f"resource/{subject}>" in turtle
    rows = heroes("query", "facts-about", "--bind", f"entity={subject}", "--format", "csv",
                  cwd=project)
    assert len(rows.strip().splitlines()) >= 2, rows
