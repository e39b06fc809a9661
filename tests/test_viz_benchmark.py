"""The draw benchmark runs (at a tiny size; the real figures come from running it)."""

from __future__ import annotations

import pytest

from .browser import require_chromium
from .conftest import benchmark


@pytest.mark.browser
def test_viz_draw_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    require_chromium()
    bench = benchmark("viz_draw")
    [result] = bench.main(["--nodes", "40", "--edges", "60", "--runs", "1", "--no-seeds"])
    assert (result["nodes"], result["edges"]) == (41, 60)
    assert result["draw_ms"] > 0 and result["redraw_ms"] >= 0
    assert result["ratio"] == result["render_s"] / result["turtle_s"] > 0
    assert "synthetic 40/60" in capsys.readouterr().out


@pytest.mark.browser
def test_viz_draw_benchmark_times_the_overview_interactions(
        capsys: pytest.CaptureFixture[str]) -> None:
    require_chromium()
    bench = benchmark("viz_draw")
    [result] = bench.main(["--nodes", "2100", "--edges", "2500", "--runs", "1", "--no-seeds"])
    assert result["nodes"] == 2101
    assert result["open_group_ms"] > 0 and result["search_ms"] > 0
    assert result["group_members"] >= 12
    assert "open group (" in capsys.readouterr().out
