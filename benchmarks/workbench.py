"""How fast the workbench of ``heroes-kg serve`` is in headless Chromium, on the seeds, and
how much it loads.

Not a timed test: it prints figures. Run from the project folder (it builds the graph
first if a seed changed):

    python benchmarks/workbench.py               # 5 page loads, every named query 3 times
    python benchmarks/workbench.py --repeat 10

* first paint: the page's first contentful paint, in ms after navigation start, as
  Chromium records it (``performance.getEntriesByType("paint")``); and when the editor is
  ready to type in (the workbench's own script has run). Target: 1 s.
* named query: from the click on a named query in the side list to its table on screen,
  measured in the page (``performance.now()`` at the click and when the table is
  drawn). Target: 0.3 s.
* vendored assets: the bytes of every file the workbench pages load from the package
  (``static/``), and of the vis-network script the network view inlines. Target: 2 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

_CLICK = """async (name) => {
    const button = document.querySelector(`#queries li[data-name="${name}"] button`);
    const started = performance.now();
    button.click();
    while (document.body.dataset.state !== "done" && document.body.dataset.state !== "error")
        await new Promise((resolve) => setTimeout(resolve, 1));
    // the next frame: the table is on screen
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return [performance.now() - started, document.body.dataset.state];
}"""


def asset_sizes() -> dict[str, int]:
    from heroes_kg.outputs.page import _vis_script
    from heroes_kg.serve import _workbench

    sizes = {name: path.stat().st_size for name, path in _workbench.assets().items()}
    sizes["vis-network (inlined in the network view)"] = len(_vis_script().encode("utf-8"))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="page loads (default 5)")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright
    from tests.browser import chromium, wait_until

    from heroes_kg.project import find_project
    from heroes_kg.query import list_queries
    from heroes_kg.serve import Server

    project = find_project(args.project)
    names = [q.name for q in list_queries(project)]
    paints: list[float] = []
    ready: list[float] = []
    clicks: dict[str, list[float]] = {name: [] for name in names}
    with Server(project, port=0) as server, sync_playwright() as playwright, \
            chromium(playwright) as context:
        server.start()
        for i in range(args.repeat + 1):  # the first load warms the server's caches
            page = context.new_page()
            page.goto(server.url)
            wait_until(page, "document.body.dataset.state === 'ready'")
            paint, editor = page.evaluate("""() => [
                (performance.getEntriesByType("paint").find(
                    (e) => e.name === "first-contentful-paint") || {}).startTime,
                performance.now()]""")
            if i:
                paints.append(paint)
                ready.append(editor)
            if i and i <= 3:
                for name in names:
                    elapsed, state = page.evaluate(_CLICK, name)
                    if state != "done":
                        raise SystemExit(f"named query {name} failed in the workbench")
                    clicks[name].append(elapsed)
            page.close()
    print(f"workbench on {project.root} ({len(names)} named queries), headless Chromium")
    print(f"first contentful paint: median {statistics.median(paints):.0f} ms, "
          f"worst {max(paints):.0f} ms (target 1000 ms); editor ready: median "
          f"{statistics.median(ready):.0f} ms")
    per_query = {name: statistics.median(times) for name, times in clicks.items()}
    slowest = max(per_query, key=per_query.__getitem__)
    overall = statistics.median(per_query.values())
    print(f"named query, click to table: median over all {overall:.0f}"
          f" ms; slowest {slowest} {per_query[slowest]:.0f} ms (target 300 ms)")
    for name, value in sorted(per_query.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {name:<24} {value:6.0f} ms")
    sizes = asset_sizes()
    total = sum(sizes.values())
    print(f"vendored assets: {total / 1e6:.2f} MB in all (target 2 MB)")
    for name, size in sizes.items():
        print(f"  {name:<44} {size / 1e3:8.1f} kB")


if __name__ == "__main__":
    main()
