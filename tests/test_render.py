"""Render: the page holds the readable graph as safe JSON, the same bytes every time, and
`heroes-kg viz` draws the whole graph, a neighbourhood or a CONSTRUCT query's result."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heroes_kg.outputs.page import page, view
from heroes_kg.pipeline import build, open_graph
from heroes_kg.project import find_project

from .conftest import ROOT, benchmark, copy_project

R = "https://w3id.org/heroes-kg/resource/"


def embedded(html: str) -> dict[str, Any]:
    """The graph data a page embeds (plain JSON, or gzip in base64 for a large graph)."""
    found = re.search(r'<script type="application/json" id="graph-data" '
                      r'data-encoding="([\w-]+)">(.*?)</script>', html, re.DOTALL)
    assert found, "the page has no graph data"
    text = found.group(2)
    if found.group(1) == "gzip-base64":
        import base64
        import gzip

        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["name"]: n for n in data["nodes"]}


def edges_named(data: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    names = {n["id"]: n["name"] for n in data["nodes"]}
    return {(names[e["from"]], label(data, e), names[e["to"]], e["note"]) for e in data["edges"]}


def label(data: dict[str, Any], edge: dict[str, Any]) -> str:
    """The readable label of an edge's property."""
    return data["properties"][edge["p"]]["label"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seeds_page(built_project: Path) -> str:
    return (built_project / "exports" / "heroes.html").read_text(encoding="utf-8")


def test_committed_html_export_is_current(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    build(find_project(root), outdir=tmp_path / "out")
    assert (tmp_path / "out" / "heroes.html").read_bytes() == \
        (ROOT / "exports" / "heroes.html").read_bytes(), \
        "exports/heroes.html is stale: run 'heroes-kg build' and commit exports/"


def test_page_is_the_same_bytes_every_time(built_project: Path) -> None:
    kg = open_graph(find_project(built_project), hold_lock=False)
    assert page(view(kg)) == page(view(kg)) == \
        (built_project / "exports" / "heroes.html").read_bytes()


def test_page_loads_nothing_from_anywhere(seeds_page: str) -> None:
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", seeds_page, flags=re.DOTALL)
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\b(src|href)=|@import|url\(",
                         markup)
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; " \
           "script-src 'sha256-" in seeds_page
    assert re.findall(r"<script\b[^>]*>", markup) == []
    assert len(re.findall(r"^<script\b", seeds_page, re.MULTILINE)) == 3


def test_entities_are_nodes_and_provenance_and_roles_are_not(seeds_page: str) -> None:
    data = embedded(seeds_page)
    iris = {n["iri"] for n in data["nodes"]}
    assert R + "pedro-pascal" in iris
    assert not any("/statement/" in i or "/role/" in i for i in iris)
    groups = {n["name"]: n["group"] for n in data["nodes"]}
    assert groups["Pedro Pascal"] == "person"
    assert groups["Marcus Moreno"] == "character"
    assert groups["We Can Be Heroes"] == "film"
    assert groups["Netflix"] == "organization"
    assert groups["We Can Be Heroes viewership, first 28 days"] == "figure"
    assert groups["Premiere of We Can Be Heroes"] == "event"
    # 60 curated entities and the 2 seed articles; no literal became a node.
    assert len(data["nodes"]) == 62
    assert {g["id"] for g in data["groups"]} == {
        "film", "person", "character", "organization", "article", "post", "event", "figure"}


def test_cast_is_a_plays_edge_labelled_with_the_film(seeds_page: str) -> None:
    edges = edges_named(embedded(seeds_page))
    assert ("Pedro Pascal", "plays", "Marcus Moreno", "in We Can Be Heroes") in edges
    assert ("JJ Dashnaw", "replaced performer", "Taylor Lautner",
            "in We Can Be Heroes, as Sharkboy") in edges
    assert ("We Can Be Heroes sequel", "sequel of", "We Can Be Heroes", "") in edges
    assert ("We Can Be Heroes sequel", "director", "Robert Rodriguez", "") in edges


def test_values_sit_on_their_node_with_their_quotes(seeds_page: str) -> None:
    data = embedded(seeds_page)
    figure = by_name(data)["We Can Be Heroes viewership, first 28 days"]
    values = {label: (shown, facts) for label, shown, facts in figure["values"]}
    shown, facts = values["households"]
    assert shown == "44,000,000"
    [fact] = facts
    quotes = {quote: article for article, quote in fact["quotes"]}
    article = quotes["44 million households viewed the movie in the first 28 days of its "
                     "release."]
    assert "44 million households will have suited up for Robert Rodriguez's 'We Can Be " \
           "Heroes,'" in quotes
    assert data["articles"][article] == [
        'Netflix confirms a "We Can Be Heroes" sequel from Robert Rodriguez', "2021-01-05"]
    assert values["period in days"][0] == "28"


def test_edges_carry_their_quotes(seeds_page: str) -> None:
    data = embedded(seeds_page)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    [plays] = [e for e in data["edges"] if names[e["from"]] == "Pedro Pascal"
               and label(data, e) == "plays"]
    quotes = [q for f in plays["facts"] for _a, q in f["quotes"]]
    assert "Pedro Pascal as Missy's dad Marcus Moreno" in quotes


def test_data_block_cannot_close_its_script(seeds_page: str) -> None:
    block = seeds_page.split('id="graph-data" data-encoding="json">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(block)


def test_focus_draws_the_neighbourhood(built_project: Path) -> None:
    kg = open_graph(find_project(built_project), hold_lock=False)
    one = view(kg, focus="pedro pascal", depth=1)
    names = {n.name for n in one.nodes.values()}
    assert {"Pedro Pascal", "Marcus Moreno"} <= names
    assert "Robert Rodriguez" not in names
    two = view(kg, focus="pedro-pascal", depth=2)
    assert "Missy Moreno" in {n.name for n in two.nodes.values()}
    assert len(two.nodes) > len(one.nodes)
    assert set(one.nodes) <= set(two.nodes)
    assert all(e.source in one.nodes and e.target in one.nodes for e in one.edges)


def test_viz_writes_the_page(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "pascal.html"
    result = run("viz", "--project", str(built_project), "--focus", "Pedro Pascal",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    data = embedded(out.read_text(encoding="utf-8"))
    assert result.stdout == (f"Drew {len(data['nodes'])} nodes and {len(data['edges'])} "
                             f"edges: wrote {out}\n")
    assert data["title"] == "Around Pedro Pascal (depth 1)"
    assert data["summary"] == ("Everything within 1 link of Pedro Pascal, and the articles "
                               "that mention it")


CAST = """# The cast, as schema.org PerformanceRoles.
CONSTRUCT { ?film schema:actor ?role . ?role ?p ?o }
WHERE { ?film schema:actor ?role . ?role a schema:PerformanceRole ; ?p ?o }
"""


def test_viz_draws_a_named_construct_query(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "queries").mkdir(exist_ok=True)
    (project / "queries" / "cast-roles.rq").write_text(CAST, encoding="utf-8")
    out = tmp_path / "cast.html"
    result = run("viz", "--project", str(project), "--query", "cast-roles", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = embedded(out.read_text(encoding="utf-8"))
    edges = edges_named(data)
    assert len(edges) == 9
    assert ("Pedro Pascal", "plays", "Marcus Moreno", "in We Can Be Heroes") in edges
    assert ("Taylor Dooley", "reprised role", "Lavagirl", "in We Can Be Heroes") in edges
    assert not any("/role/" in n["iri"] for n in data["nodes"])
    assert data["title"] == "Query: cast-roles"


def test_viz_draws_a_query_file(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    query = tmp_path / "directors.rq"
    query.write_text("CONSTRUCT { ?f schema:director ?p } WHERE { ?f schema:director ?p }",
                     encoding="utf-8")
    out = tmp_path / "d.html"
    result = run("viz", "--project", str(built_project), "--query", str(query), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Drew 7 nodes and 6 edges: wrote ")


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { ?s ?p ?o }", ("Error: query 'q' is not a CONSTRUCT or DESCRIBE query; "
                                     "viz draws the triples a CONSTRUCT query returns\n")),
    ("CONSTRUCT { ?s ?p", "Error: SPARQL syntax error in query 'q' at line 1, column 11: "
     "this '{' is never closed"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s <urn:none> ?o }",
     "Error: query 'q' returned no triples; nothing to draw\n"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s schema:directr ?o }",
     "Error: query 'q' returned no triples; nothing to draw; schema:directr is in no graph, "
     "so the patterns that use it match nothing; closest terms: schema:director\n"),
])
def test_viz_rejects_bad_queries(built_project: Path, run, tmp_path: Path, query: str,  # type: ignore[no-untyped-def]
                                 message: str) -> None:
    (tmp_path / "q.rq").write_text(query, encoding="utf-8")
    out = tmp_path / "q.html"
    result = run("viz", "--project", str(built_project), "--query", str(tmp_path / "q.rq"),
                 "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output
    assert not out.exists()


def test_viz_draws_inline_sparql(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "d.html"
    result = run("viz", "--project", str(built_project), "--query",
                 "CONSTRUCT WHERE { ?film schema:director ?who }", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Drew 7 nodes and 6 edges: wrote ")
    assert embedded(out.read_text(encoding="utf-8"))["title"] == "Query: inline SPARQL"


def test_viz_draws_a_bound_named_construct_query(built_project: Path, run,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    out = tmp_path / "n.html"
    result = run("viz", "--project", str(built_project), "--query", "neighbourhood",
                 "--bind", "entity=guppy", "-o", str(out))
    assert result.exit_code == 0, result.output
    edges = edges_named(embedded(out.read_text(encoding="utf-8")))
    assert any(e[:3] == ("Sharkboy", "parent of", "Guppy") for e in edges)
    assert run("viz", "--project", str(built_project), "--bind", "entity=guppy").stderr == (
        "Error: --bind needs --query: it gives values to the query's variables\n")


def test_viz_draws_the_cast_graph(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "c.html"
    result = run("viz", "--project", str(built_project), "--query", "cast-graph", "-o", str(out))
    assert result.exit_code == 0, result.output
    edges = edges_named(embedded(out.read_text(encoding="utf-8")))
    assert ("Pedro Pascal", "plays", "Marcus Moreno", "in We Can Be Heroes") in edges


def test_viz_unknown_query_lists_the_named_ones(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "queries").mkdir(exist_ok=True)
    (project / "queries" / "cast-roles.rq").write_text(CAST, encoding="utf-8")
    result = run("viz", "--project", str(project), "--query", "casts", "-o",
                 str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.stderr == ("Error: no named query 'casts' in queries/; did you mean "
                             "cast, cast-roles, cast-graph?\n")


@pytest.mark.parametrize("name", ["sequel-directr", "nope.rq", "nope.sparql"])
def test_viz_and_query_resolve_a_query_argument_by_one_rule(  # type: ignore[no-untyped-def]
        built_project: Path, run, tmp_path: Path, name: str) -> None:
    argument = name if name.startswith("sequel") else str(tmp_path / name)
    drawn = run("viz", "--project", str(built_project), "--query", argument, "-o",
                str(tmp_path / "x.html"))
    asked = run("query", "--project", str(built_project), argument)
    assert drawn.exit_code == asked.exit_code == 1
    assert drawn.stderr == asked.stderr
    assert asked.stderr.startswith(("Error: no named query 'sequel-directr' in queries/; "
                                    "did you mean sequel-director", "Error: no query file "))
    assert not (tmp_path / "x.html").exists()


def test_viz_and_query_read_a_sparql_file(built_project: Path, run,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    query = tmp_path / "directors.sparql"
    query.write_text("CONSTRUCT { ?f schema:director ?p } WHERE { ?f schema:director ?p }",
                     encoding="utf-8")
    out = tmp_path / "d.html"
    result = run("viz", "--project", str(built_project), "--query", str(query), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert embedded(out.read_text(encoding="utf-8"))["title"] == "Query: directors"
    result = run("query", "--project", str(built_project), "--format", "nt", str(query))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 6


def test_viz_unknown_entity_and_bad_output(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("viz", "--project", str(built_project), "--focus", "pedro", "-o",
                 str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no entity with id or name 'pedro'; did you mean ")
    result = run("viz", "--project", str(built_project), "-o", str(tmp_path / "no" / "x.html"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {tmp_path / 'no' / 'x.html'}: "
                             f"{tmp_path / 'no'} does not exist\n")
    result = run("viz", "--project", str(built_project), "--depth", "-1")
    assert result.exit_code == 2
    assert not list(tmp_path.iterdir())


def test_query_path_does_not_import_the_renderer() -> None:
    import subprocess
    import sys

    code = ("import sys, heroes_kg.rdf.store, heroes_kg.query.inspect, heroes_kg.cli; "
            "print(sorted(m for m in ('networkx', 'jinja2', 'pyvis', 'heroes_kg.outputs.page') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT / "src")}).stdout
    assert out.strip() == "[]"


def test_viz_open_hands_the_page_to_the_browser(built_project: Path, run, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    out = tmp_path / "g.html"
    result = run("viz", "--project", str(built_project), "-o", str(out), "--open")
    assert result.exit_code == 0, result.output
    assert opened == [out.as_uri()]


def test_a_large_graph_is_an_overview_of_groups_in_a_compressed_page() -> None:

    from heroes_kg.outputs.page import MIN_GROUP, OVERVIEW

    bench = benchmark("viz_draw")
    kg = bench.synthetic_graph(OVERVIEW + 100, 2 * OVERVIEW)
    html = page(view(kg))
    assert html == page(view(kg))
    text = html.decode("utf-8")
    assert 'data-encoding="gzip-base64"' in text
    assert "visjs.github.io" not in text and "/*! sigma 3.0.2" in text
    data = embedded(text)
    nodes, clusters = data["nodes"], data["clusters"]
    # No node positions: members are placed when their group is opened.
    assert all("x" not in n and "c" in n for n in nodes)
    assert [c["id"] for c in clusters] == list(range(len(clusters)))
    sizes = {c["id"]: 0 for c in clusters}
    for n in nodes:
        sizes[n["c"]] += 1
    assert sizes == {c["id"]: c["size"] for c in clusters}
    for c in clusters:
        assert c["kind"] in ("community", "pool")
        assert c["size"] >= MIN_GROUP or c["kind"] == "pool"
        assert nodes[c["top"]]["c"] == c["id"]
    # A pool holds one class; a link joins two groups and counts the facts between them.
    for c in clusters:
        if c["kind"] == "pool":
            assert {n["group"] for n in nodes if n["c"] == c["id"]} == {c["group"]}
    between: dict[tuple[int, int], int] = {}
    for e in data["edges"]:
        a, b = sorted((nodes[e["from"]]["c"], nodes[e["to"]]["c"]))
        if a != b:
            between[(a, b)] = between.get((a, b), 0) + 1
    assert data["links"]
    for a, b, n in data["links"]:
        assert a < b and between[(a, b)] == n
    assert len(data["links"]) <= 6 * len(clusters)


@given(st.lists(st.text(max_size=300), min_size=1, max_size=12),
       st.sets(st.integers(0, 11)))
def test_a_large_page_data_is_one_gzip_member_of_pieces_deflated_apart(
        pieces: list[str], kept: set[int]) -> None:
    """The data of a large page is compressed in pieces, each on its own, into one gzip
    member that any inflater reads as the pieces' concatenation; a piece's compressed
    bytes taken from the last page give the same member as compressing it again."""
    import gzip
    import zlib

    from heroes_kg.outputs.page import _Gzip

    with _Gzip({}) as fresh:
        for piece in pieces:
            fresh.add(piece)
        made = fresh.finish()
    whole = "".join(pieces).encode("utf-8")
    assert gzip.decompress(made) == whole
    assert zlib.decompress(made, wbits=31) == whole
    old = {d: c for n, (d, c) in enumerate(fresh.new.items()) if n in kept}
    with _Gzip(old) as again:
        for piece in pieces:
            again.add(piece)
        assert again.finish() == made
    assert again.new == fresh.new


def test_a_large_page_data_in_pieces_is_the_data_made_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pieces of a large page's data put together are the data as it is made
    without cutting."""

    from heroes_kg.outputs import page as render

    monkeypatch.setattr(render, "_CHUNK", 1 << 14)  # many pieces of a small graph

    bench = benchmark("viz_draw")
    kg = bench.synthetic_graph(render.OVERVIEW + 100, 6 * render.OVERVIEW)
    v = view(kg)
    whole, overview = render._document(v)
    pieces: list[str] = []
    assert render._document(v, sink=pieces.append) == ("", overview)
    assert overview and len(pieces) > 2 and "".join(pieces) == whole
    assert embedded(page(v).decode("utf-8")) == json.loads(whole)


def test_an_overview_is_taken_from_the_previous_page_only_when_its_links_are_the_same(
        ) -> None:
    """The page of a large graph keeps its overview (communities, groups, their layout)
    for the next build; that build takes it when no link and no class changed (an edited
    figure or quote) and makes it again otherwise, with the bytes of a page made afresh."""

    import pyoxigraph as ox

    from heroes_kg.outputs.page import OVERVIEW
    from heroes_kg.outputs.reuse import Reuse
    from heroes_kg.vocab import SCHEMA, XSD

    bench = benchmark("viz_draw")
    kg = bench.synthetic_graph(OVERVIEW + 100, 2 * OVERVIEW)
    first = Reuse()
    html = page(view(kg), first)
    assert html == page(view(kg)) and b"overview" in first.new
    # A date edited: the same links, the overview copied. (A name decides where its
    # node is in the page's order, which the communities depend on.)
    node = kg.names.resource("e8")
    date, xsd_date = ox.NamedNode(SCHEMA + "startDate"), ox.NamedNode(XSD + "date")
    kg.store.remove(ox.Quad(node, date, ox.Literal("2021-01-05", datatype=xsd_date),
                            kg.names.facts))
    kg.store.add(ox.Quad(node, date, ox.Literal("2021-01-06", datatype=xsd_date),
                         kg.names.facts))
    kg.memo.clear()
    second = Reuse(html, first.new)
    edited = page(view(kg), second)
    assert second.reused == 1 and edited != html
    assert edited == page(view(kg))
    # Other links: the overview made again, as a page made afresh has it.
    other = bench.synthetic_graph(OVERVIEW + 100, 2 * OVERVIEW, seed=2)
    third = Reuse(edited, second.new)
    assert page(view(other), third) == page(view(other))
    assert third.reused == 0 and third.new[b"overview"] != second.new[b"overview"]


def test_the_bundled_renderer_is_the_one_package_json_pins() -> None:
    package = json.loads((ROOT / "js" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "js" / "package-lock.json").read_text(encoding="utf-8"))
    bundle = (ROOT / "src" / "heroes_kg" / "outputs" / "vendor" /
              "sigma-graphology.min.js").read_text(encoding="utf-8")
    first = bundle.splitlines()[0]
    for name in ("sigma", "graphology"):
        version = package["dependencies"][name]
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        assert f"{name} {version} (MIT" in first, \
            f"the bundle is not {name} {version}: run js/build.sh and commit its output"
    assert "</script" not in bundle.lower() and "<!--" not in bundle


_TEXT = st.text(alphabet=st.sampled_from(
    ['a', 'é', '<', '>', '&', '"', '\\', '\n', '\x00', '\x1f', '\u2028', '\u2029', '😀',
     '\x7f', ' ', '/']), max_size=8)


@given(st.one_of(_TEXT, st.lists(_TEXT, max_size=4), st.booleans(),
                 st.lists(st.lists(_TEXT, max_size=2), max_size=2)))
def test_the_texts_fast_json_is_script_json(value: Any) -> None:
    """The page's texts encode strings and lists of strings without json.dumps; the
    result is the same JSON, safe inside a <script> element."""
    from heroes_kg.outputs.page import _js, script_json

    assert _js(value) == script_json(value)
