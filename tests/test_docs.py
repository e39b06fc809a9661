"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from heroes_kg.cli import main

from .conftest import ROOT

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    command = main.commands[name]
    with click.Context(command, info_name=name) as ctx:
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
    assert lines[-2:] == ["python3 -m ruff check src tests benchmarks", "python3 -m mypy src"]


def test_installed_console_script_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "heroes_kg", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "Usage: " in out and "build" in out


def test_version_is_written_once() -> None:
    import heroes_kg

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert heroes_kg.__version__ not in pyproject
