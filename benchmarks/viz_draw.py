"""How fast the network page draws in headless Chromium: the seeds graph, and a synthetic
graph of thousands of nodes, or a built project (such as the synthetic million-triple one).

Not a timed test: it prints figures. Run from the project folder:

    python benchmarks/viz_draw.py                  # seeds + 3,000 nodes / 6,000 edges
    python benchmarks/viz_draw.py --nodes 500 --edges 1000
    heroes-kg synth --triples 1000000 -o /tmp/kg-1m && heroes-kg build --project /tmp/kg-1m
    python benchmarks/viz_draw.py --project /tmp/kg-1m --no-seeds

A built project's graph is copied into memory first, as a build holds it when it writes
the page. "Page" is the time to make the HTML (view + page) and, as the reference measured
in the same run on the same graph, the time to write its Turtle (``ratio`` = page / Turtle).
On a page that opens on an overview (sigma.js), "open group" is the time from a click on
the biggest group to the next frame with its members drawn, and "search" the time from a
search to the next frame with the entity's neighbourhood drawn.

"Draw" is the first complete draw of the network, in ms after the page started loading
(navigation start), as the page itself records it. "Redraw" is one zoom step, from the
call to the next complete draw: what a person waits for while interacting.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

BASE = "https://w3id.org/heroes-kg/"
_KINDS = ["Movie", "Actor", "FictionalCharacter", "Organization", "SocialMediaPosting",
          "Event", "ViewershipFigure", "Person"]
_LINKS = ["about", "director", "appearsIn", "platform", "reportedBy", "attendee"]


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> Any:
    """A graph shaped like the built one (entities, facts, one provenance record with a
    quote per fact), with ``nodes`` entities and ``edges`` facts between them."""
    import pyoxigraph as ox

    from heroes_kg import vocab as _vocab
    from heroes_kg.query import KnowledgeGraph
    from heroes_kg.vocab import Names

    rng = random.Random(seed)
    names = Names(BASE)
    facts, prov = names.facts, names.provenance
    rdf, schema, oa = _vocab.RDF, _vocab.SCHEMA, _vocab.OA
    quads = []
    article = names.article("synthetic")
    quads += [ox.Quad(article, ox.NamedNode(rdf + "type"),
                      ox.NamedNode(schema + "NewsArticle"), facts),
              ox.Quad(article, ox.NamedNode(schema + "headline"),
                      ox.Literal("A synthetic article"), facts)]
    for i in range(nodes):
        node = names.resource(f"e{i}")
        kind = _vocab.CLASSES[_KINDS[i % len(_KINDS)]].iri
        quads += [ox.Quad(node, ox.NamedNode(rdf + "type"), ox.NamedNode(kind), facts),
                  ox.Quad(node, ox.NamedNode(schema + "name"), ox.Literal(f"Entity {i}"),
                          facts)]
        if i % 4 == 0:
            quads.append(ox.Quad(node, ox.NamedNode(schema + "startDate"),
                                 ox.Literal("2021-01-05", datatype=ox.NamedNode(
                                     _vocab.XSD + "date")), facts))
    seen: set[tuple[int, int]] = set()
    while len(seen) < edges:
        # A few hubs and many small neighbourhoods, like news graphs.
        a = int(rng.paretovariate(1.2)) % nodes if rng.random() < 0.3 else rng.randrange(nodes)
        b = rng.randrange(nodes)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        n = len(seen)
        s, o = names.resource(f"e{a}"), names.resource(f"e{b}")
        p = ox.NamedNode(_vocab.PROPERTIES[_LINKS[n % len(_LINKS)]].iri)
        st = names.statement(f"s{n}")
        ev, sel = ox.NamedNode(f"{st.value}/evidence-1"), ox.NamedNode(f"{st.value}/quote")
        quads += [ox.Quad(s, p, o, facts),
                  ox.Quad(st, ox.NamedNode(rdf + "type"), ox.NamedNode(rdf + "Statement"), prov),
                  ox.Quad(st, ox.NamedNode(rdf + "subject"), s, prov),
                  ox.Quad(st, ox.NamedNode(rdf + "predicate"), p, prov),
                  ox.Quad(st, ox.NamedNode(rdf + "object"), o, prov),
                  ox.Quad(st, ox.NamedNode(_vocab.PROV + "wasDerivedFrom"), ev, prov),
                  ox.Quad(ev, ox.NamedNode(oa + "hasSource"), article, prov),
                  ox.Quad(ev, ox.NamedNode(oa + "hasSelector"), sel, prov),
                  ox.Quad(sel, ox.NamedNode(oa + "exact"), ox.Literal(f"quote number {n}"),
                          prov),
                  ox.Quad(sel, ox.NamedNode(oa + "start"),
                          ox.Literal(str(n), datatype=ox.NamedNode(_vocab.XSD + "integer")),
                          prov),
                  ox.Quad(sel, ox.NamedNode(oa + "end"),
                          ox.Literal(str(n + len(f"quote number {n}")),
                                     datatype=ox.NamedNode(_vocab.XSD + "integer")), prov)]
    store = ox.Store()
    store.bulk_extend(quads)
    store.load(path=str(ROOT / "ontology" / "heroes.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=names.ontology)
    return KnowledgeGraph(store, names)


def seeds_graph() -> Any:
    from heroes_kg.pipeline import open_graph
    from heroes_kg.project import find_project

    return open_graph(find_project(ROOT))


def project_graph(folder: Path) -> Any:
    """A built project's graph, copied from its store into memory."""
    import pyoxigraph as ox

    from heroes_kg.pipeline import open_graph
    from heroes_kg.project import find_project
    from heroes_kg.query import KnowledgeGraph

    stored = open_graph(find_project(folder))
    memory = ox.Store()
    memory.bulk_extend(stored.store)
    return KnowledgeGraph(memory, stored.names, stored.project)


def render(kg: Any, path: Path) -> tuple[int, int, float, float]:
    """(nodes, edges, seconds to make the page, seconds to write Turtle) of ``kg``."""
    from heroes_kg.outputs.formats import export
    from heroes_kg.outputs.page import page, view

    started = time.perf_counter()
    drawn = view(kg)
    path.write_bytes(page(drawn))
    made = time.perf_counter() - started
    started = time.perf_counter()
    export(kg, "turtle")
    return len(drawn.nodes), len(drawn.edges), made, time.perf_counter() - started


REDRAW = """async () => {
  const network = heroesView.network, started = performance.now();
  await new Promise(done => { network.once("afterDrawing", done);
                              network.moveTo({ scale: network.getScale() * 1.25 }); });
  return performance.now() - started;
}"""


INTERACT = """async () => {
  const v = heroesView, frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const biggest = v.data.clusters.reduce((a, c) => c.size > a.size ? c : a);
  let started = performance.now();
  v.openGroup(biggest.id);
  await frame();
  const open = performance.now() - started;
  document.getElementById("back").click();
  await frame();
  const name = v.data.nodes[Math.floor(v.data.nodes.length / 2)].name;
  started = performance.now();
  v.select(v.find(name));
  await frame();
  return { open, search: performance.now() - started, members: biggest.size };
}"""


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def measure(context: Any, path: Path, runs: int) -> dict[str, float]:
    """Median first draw, zoom redraw (vis-network) or open-group and search times
    (overview), in ms, over ``runs`` fresh page loads."""
    from tests.browser import open_offline

    found: dict[str, list[float]] = {}
    for _ in range(runs):
        opened = open_offline(context, path, timeout=120_000)
        assert not opened.refused, opened.refused
        page = opened.page
        found.setdefault("draw_ms", []).append(page.evaluate("heroesView.drawnAt"))
        if page.evaluate("heroesView.overview"):
            timed = page.evaluate(INTERACT)
            found.setdefault("open_group_ms", []).append(timed["open"])
            found.setdefault("search_ms", []).append(timed["search"])
            found.setdefault("group_members", []).append(timed["members"])
        else:
            found.setdefault("redraw_ms", []).append(page.evaluate(REDRAW))
        assert not opened.errors, opened.errors
        page.close()
    return {key: _median(values) for key, values in found.items()}


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds graph")
    parser.add_argument("--project", type=Path, action="append", default=[],
                        help="also a built project's graph (repeatable); with it, no "
                             "synthetic graph unless --nodes is given")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    synthetic = not args.project or "--nodes" in (argv if argv is not None else sys.argv)
    from playwright.sync_api import sync_playwright
    from tests.browser import chromium

    graphs = [] if args.no_seeds else [("seeds", seeds_graph)]
    if synthetic:
        graphs.append((f"synthetic {args.nodes}/{args.edges}",
                       lambda: synthetic_graph(args.nodes, args.edges)))
    for folder in args.project:
        graphs.append((folder.name, lambda folder=folder: project_graph(folder)))
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p, chromium(p) as context:
        for label, make in graphs:
            path = Path(tmp) / "page.html"
            nodes, edges, seconds, turtle = render(make(), path)
            result: dict[str, Any] = {
                "graph": label, "nodes": nodes, "edges": edges, "render_s": seconds,
                "turtle_s": turtle, "ratio": seconds / max(turtle, 1e-9),
                "bytes": path.stat().st_size, **measure(context, path, args.runs)}
            results.append(result)
            after = (f"zoom redraw {result['redraw_ms']:5.0f} ms" if "redraw_ms" in result
                     else f"open group ({result['group_members']:.0f}) "
                          f"{result['open_group_ms']:4.0f} ms  search "
                          f"{result['search_ms']:4.0f} ms")
            print(f"{label:<24} {nodes:>6} nodes {edges:>6} edges  page {seconds:5.2f} s "
                  f"(Turtle {turtle:5.2f} s, x{result['ratio']:.2f}; "
                  f"{result['bytes'] / 1e6:.2f} MB)  first draw {result['draw_ms']:6.0f} ms "
                  f"after load start  {after}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
