"""Take the screenshots of the network page that the documentation shows, in headless
Chromium at 1440x900, from pages made here (nothing is downloaded).

    python docs/screenshots_view.py                        # into docs/images/
    python docs/screenshots_view.py --project /tmp/kg-1m   # the large views from a built project

Seed graph: ``view-first-sight.png`` (as it opens) and ``view-search.png`` (after typing
"pascal": the entity zoomed to, its facts and quotes in the panel). Large graph (a
synthetic graph of 2,400 entities, or ``--project``): ``view-overview.png`` (the groups),
``view-group.png`` (the biggest group opened) and ``view-neighbourhood.png`` (an entity
found by search, with its neighbourhood and the evidence panel).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("viz_draw", ROOT / "benchmarks" /
                                                  "viz_draw.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _settle(page: Any) -> None:
    page.wait_for_timeout(700)  # camera animations end within 400 ms


def seeds(context: Any, html: Path, out: Path) -> list[Path]:
    from tests.browser import open_offline, wait_until

    page = open_offline(context, html).page
    wait_until(page, "heroesView.fontScale !== undefined")
    _settle(page)
    first = out / "view-first-sight.png"
    page.screenshot(path=str(first))
    page.locator("#search").press_sequentially("pascal", delay=40)
    wait_until(page, "document.body.dataset.focused !== undefined")
    _settle(page)
    searched = out / "view-search.png"
    page.screenshot(path=str(searched))
    page.close()
    return [first, searched]


def large(context: Any, html: Path, out: Path) -> list[Path]:
    from tests.browser import open_offline, wait_until

    page = open_offline(context, html, timeout=120_000).page
    _settle(page)
    shots = [out / "view-overview.png", out / "view-group.png",
             out / "view-neighbourhood.png"]
    page.screenshot(path=str(shots[0]))
    page.evaluate("""heroesView.openGroup(heroesView.data.clusters.filter(c => c.kind ===
        'community').reduce((a, c) => c.size > a.size ? c : a).id)""")
    _settle(page)
    page.screenshot(path=str(shots[1]))
    page.click("#back")
    name = page.evaluate("""(() => { const d = heroesView.data, hub = d.clusters.filter(
        c => c.kind === 'community').reduce((a, c) => c.size > a.size ? c : a).top;
        return d.nodes[hub].name; })()""")
    page.locator("#search").press_sequentially(name, delay=20)
    wait_until(page, "document.body.dataset.focused !== undefined")
    _settle(page)
    page.screenshot(path=str(shots[2]))
    page.close()
    return shots


def main(argv: list[str] | None = None) -> list[Path]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--project", type=Path,
                        help="a built project for the large views (default: a synthetic "
                             "graph of 2,400 entities)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from tests.browser import chromium

    from heroes_kg.outputs.page import page, view

    bench = _bench()
    args.out.mkdir(parents=True, exist_ok=True)
    taken = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p, \
            chromium(p, 1440, 900) as context:
        small, big = Path(tmp) / "seeds.html", Path(tmp) / "large.html"
        small.write_bytes(page(view(bench.seeds_graph())))
        graph = bench.project_graph(args.project) if args.project else \
            bench.synthetic_graph(2400, 4800)
        big.write_bytes(page(view(graph)))
        taken += seeds(context, small, args.out)
        taken += large(context, big, args.out)
    for path in taken:
        print(f"wrote {path}")
    return taken


if __name__ == "__main__":
    main()
