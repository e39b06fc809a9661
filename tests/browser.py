"""Headless Chromium (Debian's, driven by Playwright) for the page tests and the benchmark.

Every request other than file:// is aborted and recorded, so a test can assert that the
page asked the network for nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "Offline", "chromium", "open_offline", "require_chromium", "wait_until"]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require_chromium() -> None:
    """Fail (never skip) with the install step when Debian's Chromium is missing."""
    if not Path(CHROMIUM).exists():
        import pytest

        pytest.fail(f"Debian's Chromium is missing ({CHROMIUM}); install it with "
                    "'apt-get install -y chromium' (the README's test command does)")


@contextmanager
def chromium(playwright: Any, width: int = 1400, height: int = 900, *,
             bypass_csp: bool = False) -> Iterator[Any]:
    """A fresh headless Chromium browser context (its own throwaway profile), from a
    running ``sync_playwright()``.

    ``bypass_csp`` ignores the page's Content-Security-Policy, to test what the page
    does without that safety net."""
    require_chromium()
    profile = tempfile.mkdtemp(prefix="heroes-kg-chromium-")
    try:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": width, "height": height}, bypass_csp=bypass_csp)
        try:
            yield context
        finally:
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


class Offline:
    """A page opened from disk with the network refused."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.refused: list[str] = []
        self.errors: list[str] = []


def open_offline(context: Any, path: Path, *, timeout: float = 15_000) -> Offline:
    """Open ``path`` in a new tab, refusing every request that is not file://, and wait
    for the network view's first complete draw."""
    page = context.new_page()
    result = Offline(page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            result.refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: None if req.url.startswith("file://")
            else result.refused.append(req.url))
    page.on("pageerror", lambda exc: result.errors.append(str(exc)))
    page.on("console", lambda msg: result.errors.append(msg.text)
            if msg.type == "error" else None)
    page.goto(path.resolve().as_uri())
    wait_until(page, "document.body.dataset.drawn === '1'", timeout)
    return result


def wait_until(page: Any, expression: str, timeout: float = 15_000) -> None:
    """Poll until the JS ``expression`` is true. (Playwright's wait_for_function evaluates
    strings with eval, which the page's Content-Security-Policy forbids.)"""
    import time

    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout / 1000:.0f} s: {expression}")
        page.wait_for_timeout(20)
