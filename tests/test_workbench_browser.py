"""The workbench in Debian's headless Chromium, one test per flow, with every request that
is not for the server on 127.0.0.1 refused (and recorded, so each test can assert that the
pages asked the network for nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from heroes_kg.project import find_project
from heroes_kg.serve import Server

from .browser import chromium, wait_until
from .conftest import ROOT, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.server]

#: Messages Chromium logs for answers the page expects (a refused save is HTTP 422).
EXPECTED = re.compile(r"Failed to load resource: the server responded with a status of "
                      r"(400|422)")


class Tab:
    """A page on the workbench with the network refused beyond the server."""

    def __init__(self, context: Any, server: Server) -> None:
        self.page = context.new_page()
        self.refused: list[str] = []
        self.errors: list[str] = []
        base = server.url

        def route(r: Any) -> None:
            if r.request.url.startswith(base):
                r.continue_()
            else:
                self.refused.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: self.errors.append(msg.text)
                     if msg.type == "error" and not EXPECTED.match(msg.text) else None)

    def state(self, *states: str, timeout: float = 20_000) -> None:
        listed = ", ".join(repr(s) for s in states)
        wait_until(self.page, f"[{listed}].includes(document.body.dataset.state)", timeout)

    def clean(self) -> None:
        assert self.refused == [] and self.errors == []


@pytest.fixture(scope="module")
def server(built_project: Path) -> Iterator[Server]:
    with Server(find_project(built_project), port=0, timeout=10) as running:
        yield running.start()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, chromium(playwright) as context:
        yield context


@pytest.fixture
def tab(browser: Any, server: Server) -> Iterator[Tab]:
    opened = Tab(browser, server)
    opened.page.goto(server.url)
    opened.state("ready")
    yield opened
    opened.page.close()


def _type_query(tab: Tab, text: str) -> None:
    content = tab.page.locator(".cm-content")
    content.click()
    tab.page.keyboard.press("Control+a")
    tab.page.keyboard.press("Delete")
    # Typed as a person would; the editor's auto-closing brackets are undone by typing
    # the query without its closing brackets.
    tab.page.keyboard.insert_text(text)


def _cells(tab: Tab, column: int) -> list[str]:
    return tab.page.eval_on_selector_all(
        f"#table tbody tr td:nth-child({column})", "cells => cells.map(c => c.textContent)")


def test_type_and_run_a_query(tab: Tab) -> None:
    page = tab.page
    page.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type("PREFIX schema: <https://schema.org/>\nSELECT ?s ?name ?n WHERE {\n"
                       "?s schema:name ?name . BIND(STRLEN(?name) AS ?n)")
    page.keyboard.press("Control+End")
    page.keyboard.press("Control+Enter")
    tab.state("done")
    total = int(re.match(r"(\d+) rows", page.inner_text("#status"))[1])
    assert total > 50
    assert page.inner_text("#page") == f"rows 1–50 of {total}"
    assert len(_cells(tab, 1)) == 50
    # literals show their datatype; IRIs of entities link to their pages
    assert page.locator("#table tbody tr:first-child td:nth-child(3) .dt").inner_text() == \
        "xsd:integer"
    assert page.locator("#table tbody a.entity").first.get_attribute("href").startswith(
        "/resource/")
    # sorted by a column, numerically, both ways
    page.click("#table th:nth-child(3)")
    lengths = [int(n.split("xsd")[0]) for n in _cells(tab, 3)]
    assert lengths == sorted(lengths)
    page.click("#table th:nth-child(3)")
    longest = [int(n.split("xsd")[0]) for n in _cells(tab, 3)]
    assert longest == sorted(longest, reverse=True) and longest[0] >= lengths[-1]
    page.click("#next")
    assert page.inner_text("#page") == f"rows 51–{min(100, total)} of {total}"
    # downloads carry the same answer in each format
    with page.expect_download() as download:
        page.click("button.download[data-format=csv]")
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "s,name,n" and len(lines) == total + 1
    assert download.value.suggested_filename == "result.csv"
    with page.expect_download() as download:
        page.click("button.download[data-format=tsv]")
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("?s\t?name\t?n")
    tab.clean()


def test_completion_of_prefixes_and_ontology_terms(tab: Tab) -> None:
    page = tab.page
    _type_query(tab, "SELECT ?who ?character WHERE {\n  ?who ")
    page.keyboard.type("heroes:pla")
    page.keyboard.press("Control+Space")
    options = page.locator(".cm-tooltip-autocomplete li")
    options.first.wait_for()
    labels = options.all_inner_texts()
    assert any(label.startswith("heroes:plays") for label in labels), labels
    page.locator(".cm-tooltip-autocomplete li", has_text="heroes:plays").first.click()
    page.keyboard.type(" ?character }")
    text = page.inner_text(".cm-content")
    # picking a term of a prefix the query does not declare adds its PREFIX line
    assert text.startswith("PREFIX heroes: <https://w3id.org/heroes-kg/ontology#>\n"
                           "SELECT ?who ?character WHERE {"), text
    assert "?who heroes:plays ?character }" in text
    page.keyboard.press("Control+Enter")
    tab.state("done")
    assert int(re.match(r"(\d+) rows", page.inner_text("#status"))[1]) >= 5
    tab.clean()


def test_a_syntax_error_is_shown_at_its_line_and_column(tab: Tab) -> None:
    page = tab.page
    _type_query(tab, "PREFIX schema: <https://schema.org/>\nSELECT ?s WHERE {\n"
                     "  ?s schema:name ?n .\n  FILTR(?n)\n}\n")
    page.click("#run")
    tab.state("error")
    message = page.inner_text("#error")
    assert message.startswith('Syntax error at line 4, column 11 (near "FILTR(?n")\n'
                              "expected OPTIONAL")
    assert page.locator(".cm-error-line").inner_text() == "  FILTR(?n)"
    # an unknown prefix names the known ones, and adds the one the project knows
    _type_query(tab, "SELECT ?name WHERE { ?p a heroes:Actor ; schema:name ?name }")
    page.keyboard.press("Control+Enter")
    tab.state("error")
    error = page.inner_text("#error")
    assert error.startswith("Unknown prefix heroes: at line 1, column 27\n")
    assert "Known prefixes: article, heroes, oa, owl, prov, rdf, rdfs, res, role, schema, " \
           "skos, statement, xsd. Declare it first: PREFIX heroes: <…>" in error
    page.click("#add-prefix")
    tab.state("error")
    assert page.inner_text("#error").startswith("Unknown prefix schema:")
    page.click("#add-prefix")
    tab.state("done")
    assert "Pedro Pascal" in _cells(tab, 1)
    tab.clean()


def test_run_a_named_query_with_a_binding(tab: Tab) -> None:
    page = tab.page
    page.click("#queries li[data-name=roles-of] button")
    tab.state("done")
    everyone = _cells(tab, 2)
    assert len(everyone) > 5 and page.locator("#queries li.active").count() == 1
    page.fill("#bind-person", "Pedro Pascal")
    page.click("#bind-run")
    tab.state("done")
    wait_until(page, "document.querySelectorAll('#table tbody tr').length === 1")
    assert _cells(tab, 2) == ["Marcus Moreno"]
    assert "VALUES ?person { <https://w3id.org/heroes-kg/resource/pedro-pascal> }" in \
        page.inner_text(".cm-content")
    page.fill("#bind-person", "Nobody Known")
    page.click("#bind-run")
    tab.state("error")
    assert page.inner_text("#error").startswith("cannot bind ?person: no entity with id or "
                                                "name 'Nobody Known'")
    tab.clean()


def test_open_an_entity_page_from_a_result(tab: Tab) -> None:
    page = tab.page
    page.click("#queries li[data-name=cast] button")
    tab.state("done")
    page.click("#table a.entity >> text=res:pedro-pascal")
    page.wait_for_url("**/resource/pedro-pascal")
    assert page.inner_text("h1") == "Pedro Pascal"
    assert "“Pedro Pascal as Missy's dad Marcus Moreno”" in page.inner_text("#facts")
    frame = page.frame_locator("iframe.neighbourhood")
    frame.locator("#network canvas").wait_for()
    # ?. : while the frame is (re)loading its document has no body yet
    wait_until(page, "document.querySelector('iframe.neighbourhood')?.contentDocument"
                     "?.body?.dataset.drawn === '1'")
    assert "Around Pedro Pascal" in frame.locator("h1").inner_text()
    page.click("#facts a >> text=Marcus Moreno")
    page.wait_for_url("**/resource/marcus-moreno")
    tab.clean()


def test_draw_a_construct(tab: Tab) -> None:
    page = tab.page
    _type_query(tab, "PREFIX heroes: <https://w3id.org/heroes-kg/ontology#>\n"
                     "CONSTRUCT { ?a heroes:plays ?c } WHERE { ?a heroes:plays ?c }")
    page.keyboard.press("Control+Enter")
    tab.state("done")
    rows = int(re.match(r"(\d+) triples", page.inner_text("#status"))[1])
    assert rows >= 5 and len(_cells(tab, 2)) == rows
    wait_until(page, "document.getElementById('network')?.contentDocument?.body"
                     "?.dataset.drawn === '1'")
    count = page.frame_locator("#network").locator("#count").inner_text()
    assert re.match(r"\d+ nodes, \d+ edges", count)
    downloads = page.eval_on_selector_all("button.download", "b => b.map(x => x.textContent)")
    assert downloads == ["Turtle", "N-Triples", "JSON-LD"]
    with page.expect_download() as download:
        page.click("button.download[data-format=ttl]")
    import rdflib

    graph = rdflib.Graph().parse(download.value.path(), format="turtle")
    assert len(graph) == rows
    tab.clean()


# --------------------------------------------------------------------------- review


@pytest.fixture
def curating(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """A project with a new article and every candidate suggest finds in it (no floor),
    one of them broken (an unknown property), served with --curate."""
    from heroes_kg.grow import add_article, write_suggestions
    from heroes_kg.pipeline import build

    root = copy_project(tmp_path / "project")
    project = find_project(root)
    add_article(project, ROOT / "tests" / "data" / "articles" / "sequel-casting.txt",
                "sequel-casting", date="2021-03-02")
    path, _ = write_suggestions(project, "sequel-casting", min_confidence=0.0)
    text = path.read_text(encoding="utf-8")
    assert text.count("property: parentOf") == 1
    path.write_text(text.replace("property: parentOf", "property: fatherOf"),
                    encoding="utf-8")
    build(project)
    with Server(project, port=0, timeout=10, curate=True) as running:
        yield running.start(), root


def test_review_a_candidates_file(browser: Any, curating: tuple[Server, Path]) -> None:
    server, root = curating
    facts = root / "seeds" / "facts"
    before = sorted(p.name for p in facts.iterdir())
    tab = Tab(browser, server)
    page = tab.page
    page.goto(server.urls["curate"])
    page.click("#files a >> text=sequel-casting.yaml")
    tab.state("ready")
    candidates = yaml.safe_load((root / "candidates" / "sequel-casting.yaml").read_text())
    assert page.locator(".candidate").count() == len(candidates["entities"]) + \
        len(candidates["statements"])
    assert page.locator(".article mark >> text=Lena Ortiz stars in the movie as Captain Comet") \
        .count() == 1
    # Accept everything as suggested: the broken candidate is refused, at its card
    page.click("#save")
    tab.state("refused")
    failed = page.locator(".candidate.failed")
    assert failed.count() == 1
    assert "major-nova —fatherOf→ captain-comet" in failed.inner_text()
    assert "unknown property 'fatherOf'" in failed.locator(".problem").inner_text()
    assert page.inner_text("#review-status").startswith("Not saved")
    assert sorted(p.name for p in facts.iterdir()) == before  # nothing written
    # fix it, reject the post's platform, accept the rest
    failed.locator("input[data-field=property]").fill("parentOf")
    platform = page.locator(".candidate", has_text="—platform→ twitter")
    platform.locator("input.reject").check()
    page.click("#save")
    tab.state("saved")
    assert page.inner_text("#review-status").startswith(
        f"Accepted {len(candidates['statements']) - 1} statements and "
        f"{len(candidates['entities'])} entities into seeds/facts/sequel-casting.yaml")
    written = yaml.safe_load((facts / "sequel-casting.yaml").read_text(encoding="utf-8"))
    kept = {(s["subject"], s["property"]) for s in written["statements"]}
    assert ("major-nova", "parentOf") in kept
    assert ("netflix-sequel-tweet-2021-03-01", "platform") not in kept
    assert all("confidence" not in s for s in written["statements"])
    # rebuild, and the endpoint serves the new graph
    page.click("#rebuild")
    tab.state("rebuilt", timeout=60_000)
    assert page.inner_text("#review-status").startswith("Rebuilt: ")
    page.click("#accepted a >> text=lena-ortiz")
    page.wait_for_url("**/resource/lena-ortiz")
    assert page.inner_text("h1") == "Lena Ortiz"
    assert "“Lena Ortiz stars in the movie as Captain Comet”" in page.inner_text("#facts")
    tab.clean()


def test_a_failing_save_when_the_target_exists(browser: Any,
                                               curating: tuple[Server, Path]) -> None:
    server, _ = curating
    tab = Tab(browser, server)
    page = tab.page
    page.goto(server.url + "curate/sequel-casting.yaml?token=" + (server.token or ""))
    tab.state("ready")
    page.fill("#target", "cast")
    page.click("#save")
    tab.state("refused")
    assert "seeds/facts/cast.yaml already exists; pass a different 'Save as' name" in \
        page.inner_text("#review-status")
    tab.clean()


# --------------------------------------------------------------------------- CORS


class _OtherOrigin:
    """A page on another origin: a tiny web server of its own on 127.0.0.1."""

    def __enter__(self) -> str:
        import http.server
        import threading

        class Page(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = b"<!DOCTYPE html><title>another origin</title>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize("allowed", [True, False])
def test_a_page_on_another_origin_queries_with_cors(browser: Any, built_project: Path,
                                                    allowed: bool) -> None:
    """A page on another origin POSTs a query as application/sparql-query, which makes
    Chromium send a real preflight: it succeeds with --cors for that origin, and the
    browser refuses it without."""
    with _OtherOrigin() as origin, Server(find_project(built_project), port=0, timeout=10,
                                          cors=origin if allowed else None) as server:
        server.start()
        page = browser.new_page()

        def route(r: Any) -> None:
            if r.request.url.startswith((server.url, origin)):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.goto(origin + "/")
        result = page.evaluate("""async (endpoint) => {
            try {
              const r = await fetch(endpoint, {method: "POST", body: "ASK { ?s ?p ?o }",
                headers: {"Content-Type": "application/sparql-query",
                          "Accept": "application/sparql-results+json"}});
              return (await r.json()).boolean;
            } catch (e) { return "refused: " + e.message; }
        }""", server.endpoint_url)
        page.close()
    assert result == (True if allowed else "refused: Failed to fetch")
