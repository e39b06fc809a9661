"""How fast the network page draws in headless Chromium: the seeds graph, and a synthetic
graph of thousands of nodes.

Not a timed test: it prints figures. Run from the project folder:

    python benchmarks/viz_draw.py                  # seeds + 3,000 nodes / 6,000 edges
    python benchmarks/viz_draw.py --nodes 500 --edges 1000

"Draw" is the first complete draw of the network, in ms after the page started loading
(navigation start), as the page itself records it. "Redraw" is one zoom step, from the
call to the next complete draw: what a person waits for while interacting.
"""

from __future__ import annotations

import argparse
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
                          prov)]
    store = ox.Store()
    store.bulk_extend(quads)
    store.load(path=str(ROOT / "ontology" / "heroes.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=names.ontology)
    return KnowledgeGraph(store, names)


def seeds_graph() -> Any:
    from heroes_kg.pipeline import open_graph
    from heroes_kg.project import find_project

    return open_graph(find_project(ROOT))


def render(kg: Any, path: Path) -> tuple[int, int, float]:
    from heroes_kg.outputs.page import page, view

    started = time.perf_counter()
    drawn = view(kg)
    path.write_bytes(page(drawn))
    return len(drawn.nodes), len(drawn.edges), time.perf_counter() - started


REDRAW = """async () => {
  const network = heroesView.network, started = performance.now();
  await new Promise(done => { network.once("afterDrawing", done);
                              network.moveTo({ scale: network.getScale() * 1.25 }); });
  return performance.now() - started;
}"""


def measure(context: Any, path: Path, runs: int) -> tuple[float, float]:
    """(median first-draw ms, median redraw ms) over ``runs`` fresh page loads."""
    from tests.browser import open_offline

    draws, redraws = [], []
    for _ in range(runs):
        opened = open_offline(context, path, timeout=120_000)
        assert not opened.refused, opened.refused
        draws.append(opened.page.evaluate("heroesView.drawnAt"))
        redraws.append(opened.page.evaluate(REDRAW))
        opened.page.close()
    return sorted(draws)[len(draws) // 2], sorted(redraws)[len(redraws) // 2]


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds graph")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from tests.browser import chromium

    graphs = [] if args.no_seeds else [("seeds", seeds_graph)]
    graphs.append((f"synthetic {args.nodes}/{args.edges}",
                   lambda: synthetic_graph(args.nodes, args.edges)))
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p, chromium(p) as context:
        for label, make in graphs:
            path = Path(tmp) / "page.html"
            nodes, edges, seconds = render(make(), path)
            draw, redraw = measure(context, path, args.runs)
            result = {"graph": label, "nodes": nodes, "edges": edges,
                      "render_s": seconds, "bytes": path.stat().st_size,
                      "draw_ms": draw, "redraw_ms": redraw}
            results.append(result)
            print(f"{label:<24} {nodes:>6} nodes {edges:>6} edges  page {seconds:5.2f} s "
                  f"({result['bytes'] / 1e6:.2f} MB)  first draw {draw:7.0f} ms after load "
                  f"start  zoom redraw {redraw:5.0f} ms")
    return results


if __name__ == "__main__":
    main()
