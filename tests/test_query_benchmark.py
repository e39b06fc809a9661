"""The cold-start query benchmark still runs (at one repetition, untimed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def test_query_cold_benchmark_runs(built_project: Path) -> None:
    if not shutil.which("oxigraph"):
        pytest.fail("the oxigraph command is missing; install it with "
                    "\"pip install -e '.[test]'\" (the README's test command does)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "query_cold.py"), "--reps", "1",
         "--project", str(built_project)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    assert re.search(r"heroes-kg query : median \d+\.\d{3} s", done.stdout)
    assert re.search(r"oxigraph query  : median \d+\.\d{3} s", done.stdout)
    assert re.search(r"ratio \(median\)  : \d+\.\d\dx", done.stdout)
    assert "seeds fingerprint in open_graph" in done.stdout
