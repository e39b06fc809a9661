"""Take the README's screenshots of the workbench and of the review screen.

Run from the project folder; it works on a throwaway copy of the project (with the test
article tests/data/articles/sequel-casting.txt added and its facts suggested), so
nothing here changes:

    python docs/screenshots_workbench.py      # writes docs/workbench.png and docs/review.png
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright
    from tests.browser import chromium, wait_until
    from tests.conftest import copy_project

    from heroes_kg.grow import add_article, write_suggestions
    from heroes_kg.pipeline import build
    from heroes_kg.project import find_project
    from heroes_kg.serve import Server

    with tempfile.TemporaryDirectory(prefix="heroes-kg-shots-") as tmp:
        root = copy_project(Path(tmp) / "project")
        project = find_project(root)
        add_article(project, ROOT / "tests" / "data" / "articles" / "sequel-casting.txt",
                    "sequel-casting", date="2021-03-02")
        path, _ = write_suggestions(project, "sequel-casting")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("property: parentOf", "property: fatherOf"),
                        encoding="utf-8")
        build(project)
        with Server(project, port=0, curate=True) as server, sync_playwright() as playwright, \
                chromium(playwright, 1400, 860) as context:
            server.start()
            page = context.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                server.url) else r.abort())
            page.goto(server.url)
            wait_until(page, "document.body.dataset.state === 'ready'")
            page.click("#queries li[data-name=roles-of] button")
            wait_until(page, "document.body.dataset.state === 'done'")
            page.fill("#bind-person", "Pedro Pascal")
            page.click("#bind-run")
            wait_until(page, "document.querySelectorAll('#table tbody tr').length === 1")
            page.click("#queries li[data-name=cast] button")
            wait_until(page, "document.body.dataset.state === 'done'")
            page.screenshot(path=str(ROOT / "docs" / "workbench.png"))
            page.goto(server.urls["curate"].replace("/curate?", "/curate/sequel-casting.yaml?"))
            wait_until(page, "document.body.dataset.state === 'ready'")
            page.locator(".candidate", has_text="—platform→ twitter").locator(
                "input.reject").check()
            page.click("#save")
            wait_until(page, "document.body.dataset.state === 'refused'")
            page.locator(".candidate.failed").scroll_into_view_if_needed()
            page.locator(".candidate.failed").click(position={"x": 5, "y": 5})
            page.screenshot(path=str(ROOT / "docs" / "review.png"))
    shutil.rmtree(root, ignore_errors=True)
    print("wrote docs/workbench.png and docs/review.png")


if __name__ == "__main__":
    main()
