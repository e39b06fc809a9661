"""The network page in real headless Chromium, opened from disk with the network refused,
on a 1440x900 screen: the seed graph is readable at first sight (legible labels, the
screen filled, mentions behind a toggle), search works as you type, clicks zoom and show
the facts with their quotes in their natural direction, filters keep positions, and text
from articles is shown as text, never run. A large graph opens on an overview of groups
drawn with WebGL (sigma.js); a click opens a group, search opens a neighbourhood."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from heroes_kg.pipeline import build
from heroes_kg.project import find_project

from .browser import chromium, open_offline, wait_until
from .conftest import copy_project
from .test_render import embedded, label

pytestmark = [pytest.mark.browser]

COUNTS = """[heroesView.network.body.nodeIndices.length,
             heroesView.network.body.edgeIndices.length]"""
PANEL = "document.getElementById('panel-body').innerText"


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[Any]:
    with chromium(playwright, 1440, 900) as context:
        yield context


TITLE = ("We Can Be Heroes, Robert Rodriguez and Netflix: a knowledge graph from 2 news "
         "articles")


def node_id(data: dict[str, Any], name: str) -> int:
    [found] = [n["id"] for n in data["nodes"] if n["name"] == name]
    return found


def screen_point(page: Any, expression: str) -> tuple[float, float]:
    """Where on the screen a point of the network's canvas (a JS expression) is."""
    x, y = page.evaluate(f"""(() => {{
        const view = heroesView.network, p = view.canvasToDOM({expression});
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }})()""")
    return x, y


def click(page: Any, point: tuple[float, float]) -> None:
    """A click as a person makes it: move there, then press and release."""
    page.mouse.move(point[0] - 30, point[1] - 30)
    page.mouse.move(*point, steps=5)
    page.mouse.down()
    page.wait_for_timeout(50)
    page.mouse.up()


def test_page_draws_offline_every_node_and_edge(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    opened = open_offline(browser, path)
    page = opened.page
    assert opened.refused == []
    assert opened.errors == []
    assert page.locator("#network canvas").count() == 1
    # Everything but the articles' "mentions" links, which a toggle shows.
    facts = [e for e in data["edges"] if not e["mentions"]]
    assert page.evaluate(COUNTS) == [len(data["nodes"]), len(facts)] == [62, 90]
    assert page.inner_text("#count") == "62 nodes, 90 edges shown (of 62, 142)"
    assert page.inner_text("h1") == TITLE
    assert page.title() == TITLE
    legend = page.inner_text("#legend")
    for kind in ("Film or series", "Person", "Fictional character", "Organization",
                 "News article", "Post or quotation", "Event", "Figure or ranking"):
        assert kind in legend
    page.close()


def test_search_shows_the_facts_with_quotes(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    opened = open_offline(browser, path)
    page = opened.page
    page.fill("#search", "pascal")
    page.press("#search", "Enter")
    page.wait_for_selector("#panel:not([hidden])")
    text = page.evaluate(PANEL)
    assert text.startswith("Pedro Pascal\nactor · also Pascal\n")
    assert "plays Marcus Moreno (in We Can Be Heroes)" in text
    assert "“Pedro Pascal as Missy's dad Marcus Moreno”" in text
    assert ('— Netflix confirms a "We Can Be Heroes" sequel from Robert Rodriguez, '
            "2021-01-05") in text
    assert page.evaluate("heroesView.network.getSelectedNodes()") == \
        [node_id(data, "Pedro Pascal")]
    wait_until(page, f"document.body.dataset.focused === '{node_id(data, 'Pedro Pascal')}'")
    assert opened.errors == []
    page.close()


def test_clicks_show_the_facts_with_quotes(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    opened = open_offline(browser, path)
    page = opened.page
    # Hovering a node shows its tooltip.
    x, y = screen_point(page, f"view.getPosition({node_id(data, 'Pedro Pascal')})")
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=8)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert page.inner_text("div.vis-tooltip") == "Pedro Pascal\nactor\nalso: Pascal"

    # A click on the viewership figure: its values, each with its quote.
    figure = node_id(data, "We Can Be Heroes viewership, first 28 days")
    click(page, screen_point(page, f"view.getPosition({figure})"))
    page.wait_for_selector("#panel:not([hidden])")
    text = page.evaluate(PANEL)
    assert text.startswith("We Can Be Heroes viewership, first 28 days\nviewership figure\n")
    assert "households: 44,000,000\n“44 million households will have suited up for Robert " \
           "Rodriguez's 'We Can Be Heroes,'”\n— Netflix confirms" in text
    assert "“44 million households viewed the movie in the first 28 days of its release.”" \
           in text

    # A click on an edge: the fact and its quote (after zooming out again: the click on
    # the figure zoomed to it).
    wait_until(page, f"document.body.dataset.focused === '{figure}'")
    page.click("#panel .close")
    page.evaluate("heroesView.network.fit({ animation: false })")
    names = {n["id"]: n["name"] for n in data["nodes"]}
    [edge] = [e["id"] for e in data["edges"] if names[e["from"]] == "JJ Dashnaw"
              and label(data, e) == "replaced performer"]
    click(page, screen_point(page, f"view.body.edges[{edge}].edgeType.getPoint(0.5)"))
    wait_until(page, f"{PANEL}.startsWith('replaced performer')")
    text = page.evaluate(PANEL)
    assert "JJ Dashnaw replaced Taylor Lautner (in We Can Be Heroes, as Sharkboy)" in text
    assert "“" in text and "— " in text
    assert opened.errors == []
    page.close()


def test_class_filters_hide_and_show(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    page = open_offline(browser, path).page
    people = {n["id"] for n in data["nodes"] if n["group"] == "person"}
    kept_edges = [e for e in data["edges"] if e["from"] not in people
                  and e["to"] not in people and not e["mentions"]]
    before = page.evaluate("heroesView.network.getPositions()")
    page.uncheck("#legend input[data-group=person]")
    assert page.evaluate(COUNTS) == [len(data["nodes"]) - len(people), len(kept_edges)]
    assert page.inner_text("#count") == (f"{62 - len(people)} nodes, {len(kept_edges)} "
                                         "edges shown (of 62, 142)")
    page.check("#legend input[data-group=person]")
    assert page.evaluate(COUNTS) == [62, 90]
    # Shown again where they were, not dropped on top of the others.
    after = page.evaluate("heroesView.network.getPositions()")
    assert after.keys() == before.keys()
    for key, p in before.items():
        assert abs(after[key]["x"] - p["x"]) < 0.5 and abs(after[key]["y"] - p["y"]) < 0.5
    # Mentions are behind their own toggle.
    page.check("#legend input[data-mentions]")
    assert page.evaluate(COUNTS) == [62, 142]
    assert page.inner_text("#count") == "62 nodes, 142 edges"
    page.uncheck("#legend input[data-mentions]")
    assert page.evaluate(COUNTS) == [62, 90]
    page.fill("#search", "no such name")
    page.press("#search", "Enter")
    assert page.inner_text("#search-status") == "no match for “no such name”"
    page.close()


PAYLOAD = ("<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
           "'single' & \"double\"")


@pytest.mark.parametrize("csp", ["with", "without"])
def test_article_text_is_shown_literally_and_never_run(csp: str, playwright: Any,
                                                      tmp_path: Path) -> None:
    """Escaping alone keeps the page safe; the Content-Security-Policy is a second net."""
    root = copy_project(tmp_path / "evil")
    article = root / "seeds" / "articles" / "001_08730e30741b5685.txt"
    sentence = f"A reader wrote: {PAYLOAD} and left."
    article.write_text(article.read_text(encoding="utf-8") + "\n" + sentence + "\n",
                       encoding="utf-8")
    name = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> 'Eve'"
    facts = root / "seeds" / "facts" / "evil.yaml"
    quoted = sentence.replace("'", "''")
    facts.write_text(f"""entities:
  - id: evil-reader
    type: Person
    name: '{name.replace("'", "''")}'
statements:
  - subject: evil-reader
    property: description
    value: '{PAYLOAD.replace("'", "''")}'
    evidence:
      - article: cast-celebrates
        quote: '{quoted}'
  - subject: evil-reader
    property: parentOf
    object: marcus-moreno
    evidence:
      - article: cast-celebrates
        quote: '{quoted}'
""", encoding="utf-8")
    build(find_project(root))
    with chromium(playwright, bypass_csp=csp == "without") as browser:
        check_evil_page(browser, root / "exports" / "heroes.html", name, sentence)


def check_evil_page(browser: Any, path: Path, name: str, sentence: str) -> None:
    opened = open_offline(browser, path)
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    page.fill("#search", "<script>window")
    page.press("#search", "Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.inner_text("#panel h2") == name
    text = page.evaluate(PANEL)
    assert f"description: {PAYLOAD}\n“{sentence}”" in text
    assert f"parent of Marcus Moreno\n“{sentence}”" in text
    # The tooltip is a plain string, which vis-network shows with innerText.
    evil = page.evaluate("heroesView.data.nodes.find(n => n.name.startsWith('<script>')).id")
    title = page.evaluate(f"heroesView.nodes.get({evil}).title")
    assert isinstance(title, str) and title.startswith(name + "\nperson\n")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert opened.refused == []
    page.close()


# --------------------------------------------------------------------------- first sight

NODE_BOXES = """(() => {
    const net = heroesView.network;
    const box = document.getElementById('network').getBoundingClientRect();
    const ids = heroesView.nodeView.getIds();
    const points = ids.map(id => net.canvasToDOM(net.getPosition(id)));
    const fonts = ids.map(id => net.body.nodes[id].options.font.size * net.getScale());
    return { width: box.width, height: box.height, fonts,
             xs: points.map(p => p.x), ys: points.map(p => p.y) }; })()"""


def test_first_sight_fills_the_screen_with_legible_labels(browser: Any,
                                                          built_project: Path) -> None:
    page = open_offline(browser, built_project / "exports" / "heroes.html").page
    wait_until(page, "heroesView.fontScale !== undefined")
    seen = page.evaluate(NODE_BOXES)
    # Labels at least 13 px on screen without zooming (they were about 8 px) ...
    assert min(seen["fonts"]) >= 12.9
    # ... and the drawing uses the width of the screen, not a round blob in its middle.
    assert max(seen["xs"]) - min(seen["xs"]) >= 0.8 * seen["width"]
    assert max(seen["ys"]) - min(seen["ys"]) >= 0.7 * seen["height"]
    assert min(seen["xs"]) >= 0 and max(seen["xs"]) <= seen["width"]
    # No dashed "mentions" line is drawn until asked for.
    assert page.evaluate("heroesView.edgeView.get().filter(e => e.dashes).length") == 0
    page.close()


def test_search_as_you_type_without_enter(browser: Any, built_project: Path) -> None:
    page = open_offline(browser, built_project / "exports" / "heroes.html").page
    page.locator("#search").press_sequentially("rodrig", delay=40)
    wait_until(page, "!document.getElementById('panel').hidden")
    assert page.inner_text("#panel h2") == "Robert Rodriguez"
    # The box keeps the focus, so typing can go on.
    assert page.evaluate("document.activeElement.id") == "search"
    page.locator("#search").press_sequentially("uez x", delay=40)
    wait_until(page, "document.getElementById('search-status').textContent !== ''")
    assert page.inner_text("#search-status") == "no match for “rodriguez x”"
    page.close()


def test_facts_read_in_their_natural_direction(browser: Any, built_project: Path) -> None:
    page = open_offline(browser, built_project / "exports" / "heroes.html").page
    page.fill("#search", "Alita: Battle Angel")
    page.press("#search", "Enter")
    wait_until(page, f"{PANEL}.startsWith('Alita: Battle Angel')")
    text = page.evaluate(PANEL)
    assert "directed by Robert Rodriguez" in text
    assert "→" not in text
    page.click("#panel a:text('Robert Rodriguez')")
    wait_until(page, f"{PANEL}.startsWith('Robert Rodriguez')")
    text = page.evaluate(PANEL)
    assert "director of Alita: Battle Angel" in text
    assert "Alita: Battle Angel → director" not in text and "→" not in text
    page.close()


def test_a_click_on_a_node_zooms_to_it(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    page = open_offline(browser, path).page
    wait_until(page, "heroesView.fontScale !== undefined")
    before = page.evaluate("heroesView.network.getScale()")
    netflix = node_id(data, "Netflix")
    click(page, screen_point(page, f"view.getPosition({netflix})"))
    wait_until(page, f"document.body.dataset.focused === '{netflix}'")
    assert page.evaluate("heroesView.network.getScale()") > 1.5 * before
    x, y = screen_point(page, f"view.getPosition({netflix})")
    box = page.evaluate("(() => { const b = document.getElementById('network')"
                        ".getBoundingClientRect(); return [b.left + b.width / 2, "
                        "b.top + b.height / 2]; })()")
    assert abs(x - box[0]) < 5 and abs(y - box[1]) < 5
    assert page.inner_text("#panel h2") == "Netflix"
    page.close()


def test_an_edge_is_hit_near_its_line(browser: Any, built_project: Path) -> None:
    path = built_project / "exports" / "heroes.html"
    data = embedded(path.read_text(encoding="utf-8"))
    page = open_offline(browser, path).page
    wait_until(page, "heroesView.fontScale !== undefined")
    names = {n["id"]: n["name"] for n in data["nodes"]}
    [edge] = [e["id"] for e in data["edges"] if names[e["from"]] == "Christian Slater"]
    # 6 px beside the middle of the line, across it.
    x, y = screen_point(page, f"view.body.edges[{edge}].edgeType.getPoint(0.5)")
    x2, y2 = screen_point(page, f"view.body.edges[{edge}].edgeType.getPoint(0.55)")
    length = max(1e-9, ((x2 - x) ** 2 + (y2 - y) ** 2) ** 0.5)
    click(page, (x - 6 * (y2 - y) / length, y + 6 * (x2 - x) / length))
    wait_until(page, f"{PANEL}.startsWith('plays')")
    assert "Christian Slater plays Tech-No (in We Can Be Heroes)" in page.evaluate(PANEL)
    page.close()


def test_the_legend_collapses(browser: Any, built_project: Path) -> None:
    page = open_offline(browser, built_project / "exports" / "heroes.html").page
    assert page.is_visible("#legend input[data-group=person]")
    page.click("#legend summary")
    assert not page.is_visible("#legend input[data-group=person]")
    height = page.evaluate("document.getElementById('legend').offsetHeight")
    assert height < 40
    page.click("#legend summary")
    assert page.is_visible("#legend input[data-group=person]")
    page.close()


# --------------------------------------------------------------------------- large graphs

GRAPH_POINT = """(key => {
    const s = heroesView.sigma, p = s.graphToViewport(heroesView.graph.getNodeAttributes(key));
    const box = document.getElementById('network').getBoundingClientRect();
    return [box.left + p.x, box.top + p.y]; })"""


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of a synthetic graph above the overview threshold (2,400 entities)."""

    from heroes_kg.outputs.page import OVERVIEW, page, view

    from .conftest import benchmark

    bench = benchmark("viz_draw")
    drawn = view(bench.synthetic_graph(2400, 4800))
    assert len(drawn.nodes) > OVERVIEW
    path = tmp_path_factory.mktemp("large") / "large.html"
    path.write_bytes(page(drawn))
    return path


def test_a_large_graph_opens_on_an_overview_of_groups(browser: Any, large_page: Path) -> None:
    data = embedded(large_page.read_text(encoding="utf-8"))
    opened = open_offline(browser, large_page)
    page = opened.page
    assert opened.refused == [] and opened.errors == []
    # WebGL (sigma.js), not vis-network; one overview node per group, sized by members.
    assert page.evaluate("typeof vis === 'undefined' && !!window.HeroesGraph")
    clusters = data["clusters"]
    assert 10 <= len(clusters) < len(data["nodes"]) / 5
    assert sum(c["size"] for c in clusters) == len(data["nodes"]) == 2401
    assert page.evaluate("heroesView.graph.order") == len(clusters)
    assert page.evaluate("heroesView.graph.size") == len(data["links"])
    sizes = page.evaluate("heroesView.graph.mapNodes((k, a) => [a.cluster, a.size])")
    by_members = sorted(sizes, key=lambda cs: clusters[cs[0]]["size"])
    assert by_members[0][1] <= by_members[-1][1] and by_members[0][1] < by_members[-1][1]
    assert page.inner_text("#count") == (f"{len(clusters)} groups and 0 entities shown, of "
                                         f"{len(data['nodes']):,} entities and "
                                         f"{len(data['edges']):,} links")

    # A click on a group opens it: its members, and the facts between them.
    def on_canvas(key: str) -> bool:
        x, y = page.evaluate(f"{GRAPH_POINT}('{key}')")
        return bool(page.evaluate(f"document.elementFromPoint({x}, {y}).tagName === 'CANVAS'"))

    biggest = max((c for c in clusters if on_canvas(f"g{c['id']}")),
                  key=lambda c: (c["kind"] == "community", c["size"]))
    click(page, page.evaluate(f"{GRAPH_POINT}('g{biggest['id']}')"))
    wait_until(page, "heroesView.opened().length === 1")
    # (Groups may overlap on the screen: the one on top opens.)
    [opened_group] = page.evaluate("heroesView.opened()")
    members = [n["id"] for n in data["nodes"] if n["c"] == opened_group]
    shown = page.evaluate("heroesView.graph.filterNodes((k, a) => a.entity !== undefined)"
                          ".map(k => Number(k.slice(1)))")
    assert sorted(shown) == sorted(members) and len(members) > 1
    assert not page.evaluate(f"heroesView.graph.hasNode('g{opened_group}')")
    assert page.is_visible("#back")

    # A click on a member shows its facts with their quotes.
    wait_until(page, "!heroesView.sigma.getCamera().isAnimated()")
    hub = max(members, key=lambda i: sum(1 for e in data["edges"] if i in (e["from"], e["to"])))
    click(page, page.evaluate(f"{GRAPH_POINT}('n{hub}')"))
    wait_until(page, "!document.getElementById('panel').hidden")
    assert page.inner_text("#panel h2") == data["nodes"][hub]["name"]
    assert "“quote number " in page.evaluate(PANEL)

    page.click("#back")
    assert page.evaluate("heroesView.graph.order") == len(clusters)
    assert not page.is_visible("#back")
    assert opened.errors == []
    page.close()


def test_search_in_a_large_graph_opens_the_neighbourhood(browser: Any,
                                                          large_page: Path) -> None:
    data = embedded(large_page.read_text(encoding="utf-8"))
    opened = open_offline(browser, large_page)
    page = opened.page
    target = next(n for n in data["nodes"] if n["name"] == "Entity 1234")
    linked = {e["to"] if e["from"] == target["id"] else e["from"] for e in data["edges"]
              if target["id"] in (e["from"], e["to"]) and not e["mentions"]}
    assert linked
    page.locator("#search").press_sequentially("entity 1234", delay=30)
    wait_until(page, f"document.body.dataset.focused === '{target['id']}'")
    shown = page.evaluate("heroesView.graph.mapNodes((k, a) => a.entity)")
    assert sorted(shown) == sorted(linked | {target["id"]})
    text = page.evaluate(PANEL)
    assert text.startswith("Entity 1234\n")
    assert "“quote number " in text and "— A synthetic article" in text
    assert page.inner_text("#count").startswith(f"around Entity 1234: {len(linked)} linked")
    # A link in the panel moves to that entity's neighbourhood.
    other = data["nodes"][min(linked)]
    page.click(f"#panel a:text-is('{other['name']}')")
    wait_until(page, f"document.body.dataset.focused === '{other['id']}'")
    assert page.inner_text("#panel h2") == other["name"]
    assert opened.errors == []
    page.close()


def test_a_large_graph_can_be_grouped_by_class(browser: Any, large_page: Path) -> None:
    data = embedded(large_page.read_text(encoding="utf-8"))
    opened = open_offline(browser, large_page)
    page = opened.page
    page.select_option("#grouping", "class")
    classes = [g["id"] for g in data["groups"]]
    wait_until(page, f"heroesView.graph.order === {len(classes)}")
    labels = sorted(page.evaluate("heroesView.graph.mapNodes((k, a) => a.label)"))
    people = sum(1 for n in data["nodes"] if n["group"] == "person")
    assert f"Person: {people:,}" in labels
    # Links between classes count the facts between their members.
    assert page.evaluate("heroesView.graph.size") > 0
    index = classes.index("person")
    page.evaluate(f"heroesView.openGroup({index})")
    wait_until(page, "heroesView.opened().length === 1")
    shown = page.evaluate("heroesView.graph.filterNodes((k, a) => a.entity !== undefined)"
                          ".length")
    assert shown == people
    page.select_option("#grouping", "community")
    wait_until(page, f"heroesView.graph.order === {len(data['clusters'])}")
    assert opened.errors == []
    page.close()
