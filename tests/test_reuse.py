"""Exports assembled from blocks (heroes_kg.outputs.reuse): the same bytes as serializing
the graph at once, for the seeds, a synthetic corpus and random graphs with awkward
text; blocks are copied from the previous export only when it is exactly the file the
index describes."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_kg.errors import OutputError
from heroes_kg.outputs.formats import FORMATS, PropertyGraph, export
from heroes_kg.outputs.reuse import Reuse, open_reuse
from heroes_kg.pipeline import build, open_graph, standard_exports
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph
from heroes_kg.rdf import store as store_module
from heroes_kg.rdf.store import cut_blocks
from heroes_kg.synth import write_corpus
from heroes_kg.vocab import SCHEMA, Names

from .conftest import ROOT

#: The formats assembled from blocks, with facts_only.
ASSEMBLED = [("turtle", False), ("turtle", True), ("rdfxml", False), ("trig", False),
             ("jsonld", False), ("nquads", False), ("nquads", True)]
BASE = "https://w3id.org/heroes-kg/"
#: The property-graph formats, assembled from the text of each node and edge.
ELEMENTS = ["graphml", "gexf", "csv-nodes", "csv-edges"]


def _same_as_whole(kg: KnowledgeGraph) -> None:
    """Every assembled format: block by block gives the bytes of the whole serialization,
    and again with the first result to reuse, copying every block."""
    for fmt, facts_only in ASSEMBLED:
        whole = export(kg, fmt, facts_only=facts_only)
        first = Reuse()
        assembled = export(kg, fmt, facts_only=facts_only, reuse=first)
        assert assembled == whole, (fmt, facts_only)
        second = Reuse(assembled, first.new)
        assert export(kg, fmt, facts_only=facts_only, reuse=second) == whole
        assert second.reused == len(first.new) > 0
        assert second.new == first.new
    for fmt in ELEMENTS:
        for facts_only in (False, True):
            whole = export(kg, fmt, facts_only=facts_only)
            first = Reuse()
            assert export(kg, fmt, facts_only=facts_only, reuse=first) == whole, fmt
            second = Reuse(whole, first.new)
            assert export(kg, fmt, facts_only=facts_only, reuse=second) == whole, fmt
            assert second.reused == len(first.new) - 1  # all but the head
            assert second.new == first.new


def test_seeds_assembled_from_blocks_as_whole(built_project: Path) -> None:
    with open_graph(find_project(built_project), hold_lock=False) as kg:
        _same_as_whole(kg)


def test_synthetic_corpus_assembled_from_blocks_as_whole(tmp_path: Path) -> None:
    write_corpus(tmp_path / "p", 6000, ontology=ROOT / "ontology")
    build(find_project(tmp_path / "p"), only=["heroes.nt"])
    with open_graph(find_project(tmp_path / "p"), hold_lock=False) as kg:
        assert len(_blocks_of(kg)) > 10
        _same_as_whole(kg)


def _blocks_of(kg: KnowledgeGraph) -> list[tuple[bytes, bytes]]:
    return cut_blocks(kg.sorted_ntriples())


def test_blocks_are_whole_subjects_cut_by_content() -> None:
    lines = [f"<urn:s{i:03d}> <urn:p> \"{j}\" .\n".encode() for i in range(200)
             for j in range(3)]
    data = b"".join(lines)
    blocks = cut_blocks(data)
    assert b"".join(block for _, block in blocks) == data
    subjects = [{line.split(b" ")[0] for line in bytes(block).splitlines()}
                for _, block in blocks]
    assert all(not a & b for a, b in itertools.pairwise(subjects))
    # Another subject in the middle changes one block; the cuts elsewhere stay.
    edited = cut_blocks(b"".join(lines[:300]) + b'<urn:s099x> <urn:p> "new" .\n'
                        + b"".join(lines[300:]))
    assert len({key for key, _ in edited} - {key for key, _ in blocks}) == 1


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
IRI = st.sampled_from([BASE + "resource/a", BASE + "resource/b-1", BASE + "statement/x",
                       "http://example.org/other#thing", BASE + "resource/z"])


@st.composite
def _graphs(draw: st.DrawFn) -> list[ox.Quad]:
    names = Names(BASE)
    quads = []
    for i in range(draw(st.integers(1, 40))):
        subject = ox.NamedNode(draw(IRI) + f"{i % 17}")
        for _ in range(draw(st.integers(1, 4))):
            predicate = ox.NamedNode(draw(st.sampled_from(
                ["https://schema.org/name", "https://schema.org/about",
                 BASE + "ontology#households", "http://www.w3.org/2000/01/rdf-schema#label",
                 "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"])))
            obj = draw(st.one_of(
                IRI.map(ox.NamedNode),
                TEXT.map(ox.Literal),
                st.tuples(TEXT, st.sampled_from(["en", "de-CH"])).map(
                    lambda t: ox.Literal(t[0], language=t[1])),
                st.integers(-10**12, 10**12).map(
                    lambda n: ox.Literal(str(n), datatype=ox.NamedNode(
                        "http://www.w3.org/2001/XMLSchema#integer"))),
                st.sampled_from(["2021-01-01", "true", "x y"]).map(
                    lambda v: ox.Literal(v, datatype=ox.NamedNode(
                        "http://www.w3.org/2001/XMLSchema#date")))))
            graph = draw(st.sampled_from([names.facts, names.provenance]))
            quads.append(ox.Quad(subject, predicate, obj, graph))
    return quads


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_graphs())
def test_random_graphs_assembled_from_blocks_as_whole(quads: list[ox.Quad]) -> None:
    """Text with quotes, newlines, control characters and any script; subjects in both
    data graphs (their lines interleave); blocks cut after nearly every subject."""
    store = ox.Store()
    store.extend(quads)
    kg = KnowledgeGraph(store, Names(BASE))
    saved = store_module._CUT_MASK
    store_module._CUT_MASK = 1
    try:
        for fmt, facts_only in ASSEMBLED:
            try:
                whole: bytes | str = export(kg, fmt, facts_only=facts_only)
            except OutputError as exc:
                whole = str(exc)
            first = Reuse()
            try:
                assembled: bytes | str = export(kg, fmt, facts_only=facts_only, reuse=first)
            except OutputError as exc:
                assembled = str(exc)
            assert assembled == whole, (fmt, facts_only)
            if isinstance(assembled, bytes):
                second = Reuse(assembled, first.new)
                assert export(kg, fmt, facts_only=facts_only, reuse=second) == whole
    finally:
        store_module._CUT_MASK = saved


def test_a_subject_in_both_data_graphs_is_one_block() -> None:
    """Its lines in the two graphs sort one after the other, and Turtle writes them as
    one subject: the block that holds them must hold both (found by the random graphs)."""
    subject, name = ox.NamedNode(BASE + "resource/a0"), ox.NamedNode(SCHEMA + "name")
    store = ox.Store()
    store.extend([ox.Quad(subject, name, ox.NamedNode(BASE + "resource/a"),
                          ox.NamedNode(BASE + "graph/provenance")),
                  ox.Quad(subject, name, ox.Literal(""), ox.NamedNode(BASE + "graph/facts"))])
    _same_as_whole(KnowledgeGraph(store, Names(BASE)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_graphs(), _graphs())
def test_property_graph_elements_reused_from_another_graph(before: list[ox.Quad],
                                                           after: list[ox.Quad]) -> None:
    """A property-graph export made with the elements of the export of another graph
    (nodes and edges added, removed, changed, renumbered; attributes declared in another
    order) has the bytes of the export made afresh."""
    graphs = []
    for quads in (before, before + after, after):
        store = ox.Store()
        store.extend(quads)
        graphs.append(KnowledgeGraph(store, Names(BASE)))
    for fmt in ELEMENTS:
        for facts_only in (False, True):
            previous = Reuse()
            made = export(graphs[0], fmt, facts_only=facts_only, reuse=previous)
            for kg in graphs[1:]:
                reuse = Reuse(made, previous.new)
                made = export(kg, fmt, facts_only=facts_only, reuse=reuse)
                assert made == export(kg, fmt, facts_only=facts_only), fmt
                previous = reuse


def _edge_graph(pairs: list[tuple[int, int]]) -> PropertyGraph:
    nodes = {f"{BASE}n{i:02}": {"label": f"n{i}", "class": "Thing", "category": "Thing",
                                "age": i} for i in range(30)}
    return PropertyGraph(
        nodes=nodes, labels={n: ["Thing"] for n in nodes}, kinds={"age": "long"},
        edges=[(f"{BASE}n{s:02}", f"{BASE}n{t:02}",
                {"label": "knows", "property": SCHEMA + "knows", "evidence": f"<{s}&{t}>"})
               for s, t in sorted(pairs)])


@pytest.mark.parametrize("fmt", ELEMENTS)
def test_edges_copied_with_their_new_number(fmt: str) -> None:
    """An edge added or removed before others moves every later edge's number (across
    e9 and e10 too): those edges are copied from the previous export with their new
    number, and the export has the bytes of one made afresh."""
    chain = [(i, i + 1) for i in range(2, 25)]
    shapes = [chain, [(0, 5), (1, 3), *chain], chain, [*chain[:5], (9, 0), *chain[5:]],
              [(0, 5), *chain[:3], *chain[4:], (27, 28)], chain]
    previous = Reuse()
    made = FORMATS[fmt].write(_edge_graph(shapes[0]), previous)  # type: ignore[attr-defined]
    for pairs in shapes[1:]:
        reuse = Reuse(made, previous.new)
        made = FORMATS[fmt].write(_edge_graph(pairs), reuse)  # type: ignore[attr-defined]
        assert made == FORMATS[fmt].write(_edge_graph(pairs)), pairs  # type: ignore[attr-defined]
        assert reuse.reused >= len(chain) - 1
        previous = reuse


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_graphs(), _graphs())
def test_blocks_reused_from_another_graph(before: list[ox.Quad], after: list[ox.Quad]
                                          ) -> None:
    """Every assembled format made with the blocks of the export of another graph has the
    bytes of the export made afresh: JSON-LD sorts its nodes by compact id, not in the
    order of the lines, so the runs of a block may interleave with another block's (full
    IRIs and compact ones, ``a1`` and ``a10``) before or after the edit."""
    graphs = []
    for quads in (before, before + after, after, before):
        store = ox.Store()
        store.extend(quads)
        graphs.append(KnowledgeGraph(store, Names(BASE)))
    saved = store_module._CUT_MASK
    store_module._CUT_MASK = 1
    try:
        for fmt, facts_only in ASSEMBLED:
            previous = Reuse()
            try:
                made = export(graphs[0], fmt, facts_only=facts_only, reuse=previous)
            except OutputError:
                continue
            for kg in graphs[1:]:
                reuse = Reuse(made, previous.new)
                try:
                    whole = export(kg, fmt, facts_only=facts_only)
                except OutputError:
                    break
                made = export(kg, fmt, facts_only=facts_only, reuse=reuse)
                assert made == whole, fmt
                previous = reuse
    finally:
        store_module._CUT_MASK = saved


def test_index_used_only_for_the_file_it_describes(project: Path) -> None:
    """An export changed by hand after the build, or an index of another file, lends
    nothing: the next build serializes its blocks again (and equals a full build)."""
    p = find_project(project)
    build(p)
    facts = project / "seeds" / "facts"
    target = project / "exports" / "heroes.ttl"
    reused = open_reuse(p.state_dir, target, p.base_iri)
    assert reused.old
    reused.close()
    # Same size, other bytes, as a hand edit that keeps the length would leave them.
    data = bytearray(target.read_bytes())
    data[-3:-2] = b"X"
    target.write_bytes(bytes(data))
    assert not open_reuse(p.state_dir, target, p.base_iri).old
    assert not open_reuse(p.state_dir, target, "https://example.org/").old
    path = sorted(facts.glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("Pedro Pascal", "Pedro  Pascal",
                                                                1), encoding="utf-8")
    report = build(p)
    assert report.reused["heroes.ttl"][0] == 0
    assert report.reused["heroes.rdf"][0] > 0  # its file was left alone
    incremental = {n: (project / "exports" / n).read_bytes() for n in os.listdir(
        project / "exports")}
    build(p, force=True)
    assert incremental == {n: (project / "exports" / n).read_bytes()
                           for n in os.listdir(project / "exports")}


@pytest.mark.parametrize("edit", ["statement", "nothing-in-exports"])
def test_incremental_build_copies_unchanged_blocks(project: Path, edit: str) -> None:
    p = find_project(project)
    first = build(p)
    assert all(reused == 0 for reused, _ in first.reused.values())
    path = sorted((project / "seeds" / "facts").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("\n# a comment\n" if edit == "nothing-in-exports" else ""),
                    encoding="utf-8")
    if edit == "statement":
        path.write_text(text.replace("Pedro Pascal", "Pedro  Pascal", 1), encoding="utf-8")
    report = build(p)
    elements = ("heroes.graphml", "heroes.gexf", "heroes-nodes.csv", "heroes-edges.csv")
    for name in ("heroes.ttl", "heroes.rdf", "heroes.trig", "heroes.jsonld", "heroes.nq",
                 *elements):
        reused, blocks = report.reused[name]
        if name in elements:  # the index of an element export also keeps its head
            blocks -= 1
        if edit == "statement" and name == "heroes-edges.csv":
            assert 0 < reused <= blocks, name  # the edited name is no part of an edge
        elif edit == "statement":
            assert 0 < reused < blocks, name
        else:
            assert reused == blocks, name


def test_trig_takes_the_turtle_texts_made_before() -> None:
    """A TriG block is its Turtle text indented: TriG made after Turtle (as a build makes
    them) takes those texts, with the bytes of TriG made alone; texts with line breaks,
    tabs and quotes stay one line each."""
    names = Names(BASE)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    quads = [ox.Quad(ox.NamedNode(f"{BASE}{kind}/a{i}"), label,
                     ox.Literal(f'line\nbreak\t"{i}"\r\\ {"é" * i}'), graph)
             for i in range(30) for kind, graph in (("resource", names.facts),
                                                    ("statement", names.provenance))]
    quads += [ox.Quad(ox.NamedNode(f"{BASE}resource/a{i}"), ox.NamedNode(SCHEMA + "about"),
                      ox.NamedNode(f"{BASE}resource/a{j}"), names.facts)
              for i in range(30) for j in range(3)]
    store = ox.Store()
    store.extend(quads)
    alone = export(KnowledgeGraph(store, Names(BASE)), "trig")
    kg = KnowledgeGraph(store, Names(BASE))
    export(kg, "turtle", reuse=Reuse())
    texts = kg.memo["turtle block texts"]
    assert export(kg, "trig", reuse=Reuse()) == alone
    assert "turtle block texts" not in kg.memo  # taken
    # Taken indeed: a text lent in its place ends up in TriG.
    kg.memo["turtle block texts"] = {key: b"lent ;\n\tx .\n" for key in texts}
    assert b"\tlent ;\n\t\tx .\n" in export(kg, "trig", reuse=Reuse())


def _copied(project: Path, dest: Path) -> Path:
    """The whole project folder, state and exports included, copied as ``cp -r`` copies
    it: every file new (another inode, the time of the copy)."""
    shutil.copytree(project, dest, copy_function=shutil.copyfile)
    return dest


def _exports(root: Path) -> dict[str, bytes]:
    return {n: (root / "exports" / n).read_bytes() for n in sorted(standard_exports)}


def test_copied_project_unchanged_is_up_to_date(project: Path, tmp_path: Path) -> None:
    """Issue 19: a project folder copied elsewhere keeps what its last build made. Its
    files are known again by their bytes, so a build of the copy redoes nothing."""
    build(find_project(project))
    before = _exports(project)
    copy = _copied(project, tmp_path / "copy")
    p = find_project(copy)
    report = build(p)
    assert report.up_to_date
    assert _exports(copy) == before
    # The new stamps are kept: the next build knows the files by them.
    state = json.loads((p.state_dir / "state.json").read_text(encoding="utf-8"))
    assert all(path.startswith(str(copy)) for path in state["exports"])
    assert build(p).up_to_date
    with open_graph(p, rebuild=False) as kg:
        assert len(kg) == report.triples


def test_copied_project_edited_builds_as_force(project: Path, tmp_path: Path) -> None:
    """An edit in the copied project: the build copies the blocks the previous exports
    hold (known by their bytes, not their inode) and gives the bytes of a full build;
    an export changed by hand in the copy lends nothing."""
    build(find_project(project))
    copy = _copied(project, tmp_path / "copy")
    p = find_project(copy)
    path = sorted((copy / "seeds" / "facts").glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("Pedro Pascal",
                                                             "Pedro  Pascal", 1),
                    encoding="utf-8")
    rdf = copy / "exports" / "heroes.rdf"
    data = bytearray(rdf.read_bytes())
    data[-3:-2] = b"X"  # same size, other bytes
    rdf.write_bytes(bytes(data))
    report = build(p)
    assert not report.up_to_date
    reused, blocks = report.reused["heroes.ttl"]
    assert 0 < reused < blocks
    assert report.reused["heroes.rdf"][0] == 0
    incremental = _exports(copy)
    with open_graph(p, rebuild=False) as kg:
        stored = kg.sorted_ntriples()
    build(p, force=True)
    assert incremental == _exports(copy)
    with open_graph(p, rebuild=False) as kg:
        assert kg.sorted_ntriples() == stored
    # The original project is untouched by all of this.
    assert build(find_project(project)).up_to_date
