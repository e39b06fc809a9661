"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from heroes_kg.cli import main

from .conftest import ROOT, copy_project

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    command = main.commands[name]
    with click.Context(command, info_name=name, **main.context_settings) as ctx:
        text = command.get_help(ctx)
    assert command.help and "Example:" in text, f"'heroes-kg {name} --help' has no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    assert f"`heroes-kg {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    ci = next(line for line in lines if line.endswith("python3 -m pytest"))
    assert "python3 -m pip install . && heroes-kg build" in readme
    assert ci in readme, ".ci/run must run the README's test command"
    assert lines[-3].startswith("NO_MKDOCS_2_WARNING=1 python3 -m mkdocs build --strict ")
    assert lines[-2:] == ["python3 -m ruff check src tests benchmarks docs",
                          "python3 -m mypy src"]


def test_installed_console_script_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "heroes_kg", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "Usage: " in out and "build" in out


def test_version_is_written_once() -> None:
    import heroes_kg

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert heroes_kg.__version__ not in pyproject


# --- The pages are current and their examples run ------------------------------------------

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
GENERATED = [p for p in PAGES if "[[[cog" in p.read_text(encoding="utf-8")]


def test_generated_parts_of_the_docs_are_current() -> None:
    # like sqlite-utils: cog writes the CLI and vocabulary references; --check fails when a
    # page differs from what it would write now (fix: python3 -m cogapp -r -I docs docs/*.md)
    from cogapp import Cog

    assert GENERATED, "no page has generated parts"
    status = Cog().main(["cog", "--check", "-I", str(DOCS), *map(str, GENERATED)])
    assert status == 0, "run: python3 -m cogapp -r -I docs docs/*.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_cli_reference(name: str) -> None:
    assert f"## heroes-kg {name}\n" in (DOCS / "cli.md").read_text(encoding="utf-8")


@dataclass
class Example:
    """A shell command shown in a page, and the output shown after it (None: not shown)."""

    page: str
    line: int
    command: str
    output: list[str] | None
    skip: str | None

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\s*$")
_NOT_RUN = re.compile(r"<!-- not run: (?P<why>.+?) -->")


def _examples(path: Path) -> list[Example]:
    """Every shell example of a page: in ```sh blocks each command (a line, with its
    backslash continuations), in ```text blocks each '$ ' line and the output after it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    page = path.relative_to(ROOT).as_posix()
    found: list[Example] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence or not fence["lang"]:
            i += 1
            continue
        lang = fence["lang"]
        skip = _NOT_RUN.search(lines[i - 1]) if i else None
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        body = [line[len(fence["indent"]):] for line in lines[i + 1:end]]
        if lang in ("sh", "console", "text", "bash"):
            current: Example | None = None
            j = 0
            while j < len(body):
                text, start = body[j], j
                while text.endswith("\\") and j + 1 < len(body):
                    j += 1
                    text = text[:-1] + " " + body[j].strip()
                j += 1
                shell = lang in ("sh", "bash")
                if text.startswith("$ ") or (shell and text.strip()
                                             and not text.lstrip().startswith("#")):
                    command = text[2:] if text.startswith("$ ") else text
                    current = Example(page, i + 2 + start, command, None if shell else [],
                                      skip["why"] if skip else None)
                    found.append(current)
                elif current is not None and current.output is not None:
                    current.output.append(text)
        i = end + 1
    for example in found:
        while example.output and not example.output[-1].strip():
            example.output.pop()
    return found


EXAMPLES = [e for page in PAGES for e in _examples(page)]


def test_examples_are_found() -> None:
    assert any(e.page == "README.md" for e in EXAMPLES)
    assert all(e.skip is None or len(e.skip) > 10 for e in EXAMPLES)


def _matches(shown: list[str], actual: list[str]) -> bool:
    """Whether the output ``actual`` is what the page shows: '...' or '…' stands for any
    number of lines, '…' inside a line for any text, and timings '(1.21 s)' for any."""
    def pattern(line: str) -> str:
        parts = re.split(r"(…|\(\d+(?:\.\d+)? s\)|\d+\.\d+ s)", line.rstrip())
        return "".join(re.escape(p) if i % 2 == 0 else ".*" if p == "…" else
                       r"\(\d+(?:\.\d+)? s\)" if p.startswith("(") else r"\d+\.\d+ s"
                       for i, p in enumerate(parts))
    regex = "".join("(?:.*\n)*?" if line.strip() in ("...", "…") else pattern(line) + "\n"
                    for line in shown)
    return re.fullmatch(regex, "".join(a.rstrip() + "\n" for a in actual)) is not None


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One copy of the project per page, in which the page's examples run in order (the
    first command builds it, as it would for a reader)."""
    return {}


def _project_for(page: str, workdir: dict[str, Path],
                 factory: pytest.TempPathFactory) -> Path:
    if page not in workdir:
        root = copy_project(factory.mktemp("docs") / "project")
        (root / "news").mkdir()  # the article the examples add
        (root / "news" / "sequel-casting.txt").write_bytes(
            (ROOT / "tests" / "data" / "articles" / "sequel-casting.txt").read_bytes())
        workdir[page] = root
    return workdir[page]


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.skip], ids=str)
def test_example_runs_as_shown(example: Example, workdir: dict[str, Path],
                               tmp_path_factory: pytest.TempPathFactory) -> None:
    root = _project_for(example.page, workdir, tmp_path_factory)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEROES_KG_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["BROWSER"] = "true"  # --open hands the page to a browser that does nothing
    env["EDITOR"] = "true"  # and the curator's review changes nothing
    bin_dir = root / ".bin"
    if not bin_dir.is_dir():
        bin_dir.mkdir()
        script = bin_dir / "heroes-kg"
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m heroes_kg "$@"\n')
        script.chmod(0o755)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", example.command], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 or example.output, (
        f"{example}: `{example.command}` failed:\n{done.stderr}")
    if example.output:
        actual = (done.stdout + done.stderr).splitlines()
        assert _matches(example.output, actual), (
            f"{example}: `{example.command}` printed:\n" + "\n".join(actual))


def _python_blocks(path: Path) -> list[tuple[str, str, str | None]]:
    """(where, code, reason not run or None) of each ```python block of a page."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.strip() == "```python":
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
            skip = _NOT_RUN.search(lines[i - 1]) if i else None
            found.append((f"{path.relative_to(ROOT).as_posix()}:{i + 1}",
                          "\n".join(lines[i + 1:end]), skip["why"] if skip else None))
    return found


PYTHON = [b for page in PAGES for b in _python_blocks(page)]


# Blocks marked "not run" name the test that covers them (test_examples_are_found checks
# that they give a reason); they are left out here rather than reported as skipped.
RUNNABLE = [b for b in PYTHON if not b[2]]


@pytest.mark.parametrize("where, code, skip", RUNNABLE, ids=[b[0] for b in RUNNABLE])
def test_python_example_runs(where: str, code: str, skip: str | None, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEROES_KG_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{where}: the example failed:\n{done.stderr}"
