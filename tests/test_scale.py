"""Scale: the synthetic corpus generator, the linear-time pieces that replaced quadratic
ones (mention scan, YAML construction, sorted export), and the benchmark at its smallest."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from heroes_kg import vocab as _vocab
from heroes_kg.corpus._yaml import YamlError, YamlMap, _Base, item_lines, load_yaml
from heroes_kg.corpus.curation import Article, Corpus, Entity, load_corpus
from heroes_kg.pipeline import build, check, open_graph, standard_exports
from heroes_kg.project import find_project
from heroes_kg.synth import write_corpus

from .conftest import ROOT


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_synth_is_deterministic_and_valid(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", 3000, ontology=ROOT / "ontology", seed=7)
    write_corpus(tmp_path / "b", 3000, ontology=ROOT / "ontology", seed=7)
    write_corpus(tmp_path / "c", 3000, ontology=ROOT / "ontology", seed=8)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")
    report = check(find_project(tmp_path / "a"))
    assert report.triples == a.estimated_triples
    assert report.statements == a.statements and report.articles == a.articles == 2
    corpus = load_corpus(find_project(tmp_path / "a"))
    assert {e.type for e in corpus.entities.values()} == set(_vocab.CLASSES)
    assert {s.property for s in corpus.statements} == set(_vocab.PROPERTIES)
    for statement in corpus.statements:
        for ev in statement.evidence:
            assert corpus.articles[ev.article].text.count(ev.quote) == 1


def test_synth_writes_the_same_bytes_as_ever(tmp_path: Path) -> None:
    """The corpus for a seed is pinned: benchmarks compare runs over the same files."""
    write_corpus(tmp_path / "p", 3000, ontology=ROOT / "ontology", seed=7)
    digest = hashlib.sha256()
    for name, data in _tree(tmp_path / "p").items():
        if not name.startswith("ontology/"):
            digest.update(name.encode() + b"\0" + data + b"\0")
    assert digest.hexdigest() == ("07d9c436ca5091a1f2b74f9cdf27a8a6"
                                  "752cee44a232ec37c9dce2e3f654e3b5")
    assert (tmp_path / "p" / "seeds" / "articles" / "a00000.yaml").read_text(
        encoding="utf-8").splitlines()[2:4] == [
        'title: "The Venmar Lomijun: Rafiis Chronicles announced as The Daily Reel reports '
        'the numbers"', 'date: "2021-05-20"']


def test_synth_command(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("synth", "--triples", "3000", "-o", str(tmp_path / "p"),
                 "--project", str(ROOT))
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Wrote 2 articles, 70 entities and 194 statements to "
                             f"{tmp_path / 'p'} (about 3889 triples when built).\n")
    assert (tmp_path / "p" / "ontology" / "shapes.ttl").is_file()
    again = run("synth", "--triples", "3000", "-o", str(tmp_path / "p"), "--project", str(ROOT))
    assert again.exit_code == 1
    assert again.stderr == (f"Error: {tmp_path / 'p'} exists and is not an empty folder; "
                            "choose a new one\n")


def _mentions_by_regex(corpus: Corpus) -> dict[str, set[str]]:
    """The original definition: one alternation of every name, longest first."""
    by_name: dict[str, set[str]] = {}
    for entity in corpus.entities.values():
        for name in (entity.name, *entity.aliases):
            by_name.setdefault(name, set()).add(entity.id)
    names = sorted(by_name, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    found: dict[str, set[str]] = {a: set() for a in corpus.articles}
    for article in corpus.articles.values():
        for match in pattern.finditer(article.text):
            found[article.id] |= by_name[match.group(0)]
    return found


_ALPHABET = st.sampled_from(list("ab @#-.'é_1 "))


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.text(_ALPHABET, min_size=1, max_size=6).map(str.strip)
                      .filter(bool), min_size=1, max_size=8),
       text=st.text(_ALPHABET, max_size=60))
def test_mention_scan_matches_the_regex_alternation(names: list[str], text: str) -> None:
    corpus = Corpus(articles={"a": Article("a", "t", "a.txt", text)},
                    entities={f"e{i}": Entity(f"e{i}", "Thing", n)
                              for i, n in enumerate(names)})
    assert corpus.mentions() == _mentions_by_regex(corpus)


@settings(max_examples=200, deadline=None)
@given(tails=st.lists(st.text(st.sampled_from(list("ab _'")), max_size=12), min_size=9,
                      max_size=40),
       picks=st.lists(st.integers(0, 39), max_size=12),
       noise=st.text(st.sampled_from(list("ab _'Cap")), max_size=20))
def test_mention_scan_with_crowded_prefixes(tails: list[str], picks: list[int],
                                            noise: str) -> None:
    # Many names share their first characters ("Captain ..."), so the second-level
    # index is used; the text mixes whole names, cut-off names and noise.
    names = sorted({("Cap" + t).strip() for t in tails})
    text = noise.join(names[i % len(names)][: 3 + i] for i in picks) + " " + \
        " ".join(names[i % len(names)] for i in picks)
    corpus = Corpus(articles={"a": Article("a", "t", "a.txt", text)},
                    entities={f"e{i}": Entity(f"e{i}", "Thing", n)
                              for i, n in enumerate(names)})
    assert corpus.mentions() == _mentions_by_regex(corpus)


@settings(max_examples=300, deadline=None)
@given(before=st.lists(st.text(_ALPHABET, min_size=1, max_size=5).map(str.strip).filter(bool),
                       min_size=1, max_size=8),
       after=st.lists(st.text(_ALPHABET, min_size=1, max_size=5).map(str.strip).filter(bool),
                      min_size=1, max_size=8),
       texts=st.lists(st.text(_ALPHABET, max_size=40), min_size=3, max_size=3),
       edited=st.sets(st.integers(0, 2)))
def test_mentions_from_an_earlier_scan_are_those_of_a_new_scan(
        before: list[str], after: list[str], texts: list[str], edited: set[int]) -> None:
    """Names added, removed or moved to another entity, texts edited, articles added
    and removed: starting from the earlier scan finds what a new scan finds."""
    def corpus(names: list[str], texts: dict[str, str]) -> Corpus:
        owned: dict[str, list[str]] = {}  # three entities, each a name and aliases
        for i, name in enumerate(names):
            owned.setdefault(f"e{i % 3}", []).append(name)
        return Corpus(articles={a: Article(a, "t", f"{a}.txt", t) for a, t in texts.items()},
                      entities={e: Entity(e, "Thing", ns[0], tuple(ns[1:]))
                                for e, ns in owned.items()})

    first = corpus(before, {"a": texts[0], "b": texts[1]})
    first.mentions()
    earlier = first.mentions_found
    changed = {"a": texts[0] + (" x" if 0 in edited else ""), "c": texts[2]}
    if 1 not in edited:
        changed["b"] = texts[1]
    second = corpus(after, changed)
    fresh = corpus(after, changed).mentions()
    assert second.mentions(earlier) == fresh == _mentions_by_regex(second)


def test_mention_scan_on_the_seeds() -> None:
    corpus = load_corpus(find_project(ROOT))
    assert corpus.mentions() == _mentions_by_regex(corpus)


class _GeneralLoader(_Base):  # type: ignore[misc, valid-type]
    """PyYAML's own constructor, each mapping paired with its lines: what the fast path
    replaces."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        mapping = super().construct_mapping(node, deep=deep)
        lines = {k.value: k.start_mark.line + 1 for k, _v in node.value}
        return {"data": mapping, "line": node.start_mark.line + 1, "lines": lines}


def _with_lines(value: Any) -> Any:
    """A loaded value with each mapping's lines made part of it, to compare with
    :class:`_GeneralLoader`'s."""
    if isinstance(value, dict):
        assert isinstance(value, YamlMap)
        return {"data": {k: _with_lines(v) for k, v in value.items()}, "line": value.line,
                "lines": value.lines}
    if isinstance(value, list):
        return [_with_lines(v) for v in value]
    return value


_GeneralLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Base.yaml_implicit_resolvers.items()}


@pytest.mark.parametrize("text", [
    "a: 1\nb: [x, 2, true, null, 1.5, 2021-01-05]\nc: {d: e}\n",
    "base: &b {x: 1, y: two}\nother:\n  <<: *b\n  y: three\n",
    "list: &l [a, b]\nagain: *l\n",
    "? [1, 2]\n: complex key\n",
    "1: numeric key\nyes: boolean key\n",
    "- a\n- {b: c}\n- - nested\n",
    *[p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds" / "facts").glob("*.yaml"))],
])
def test_fast_yaml_construction_matches_pyyaml(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=_GeneralLoader)
    except yaml.YAMLError:
        with pytest.raises(YamlError):
            load_yaml(text)
        return
    assert _with_lines(load_yaml(text)) == expected


def test_loaded_mappings_hold_only_the_files_keys() -> None:
    data = load_yaml("entities:\n  - id: a\n    name: A\n\n  - id: b\n")
    assert data == {"entities": [{"id": "a", "name": "A"}, {"id": "b"}]}
    first, second = data["entities"]
    assert (data.line, first.line, second.line) == (1, 2, 5)
    assert first.lines == {"id": 2, "name": 3}
    assert item_lines(data["entities"]) == [2, 5]
    assert first.without(["name"]) == {"id": "a"} and first.without(["name"]).lines == {"id": 2}


def test_sorted_export_puts_types_first_and_is_distinct(built_project: Path) -> None:
    with open_graph(find_project(built_project)) as kg:
        lines = kg.sorted_ntriples().decode().splitlines()
        assert len(lines) == len(set(lines)) == len(kg)
        assert lines[0].split(" ", 2)[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        keys = [(line.split(" ", 1)[0], 0 if " <http://www.w3.org/1999/02/22-rdf-syntax-ns"
                 "#type> " in line.split(" ", 2)[1].join("  ") else 1, line) for line in lines]
        assert keys == sorted(keys)


def test_sorted_ntriples_of_interleaving_graphs_is_one_sorted_whole() -> None:
    """Per-graph sorted parts are concatenated only when they do not interleave; when
    they do (or share a triple), the whole is sorted again and duplicates dropped."""
    import pyoxigraph as ox

    from heroes_kg.query import KnowledgeGraph
    from heroes_kg.vocab import Names

    names = Names("https://example.org/")
    ex, rdf_type = "https://example.org/", ox.NamedNode(_vocab.RDF + "type")
    g1, g2 = names.facts, names.provenance
    store = ox.Store()
    for graph, subjects in ((g1, "bdf"), (g2, "ace")):
        for s in subjects:
            node = ox.NamedNode(ex + s)
            store.add(ox.Quad(node, ox.NamedNode(ex + "p"), ox.Literal(s), graph))
            store.add(ox.Quad(node, rdf_type, ox.NamedNode(ex + "T"), graph))
    shared = ox.Quad(ox.NamedNode(ex + "z"), ox.NamedNode(ex + "p"), ox.Literal("z"))
    for graph in (g1, g2):
        store.add(ox.Quad(shared.subject, shared.predicate, shared.object, graph))
    kg = KnowledgeGraph(store, names)
    lines = kg.sorted_ntriples((g1, g2)).decode().splitlines()
    assert [line.split(" ", 1)[0][-2] for line in lines] == list("aabbccddeeffz")
    assert all("#type>" in line for line in lines[0:12:2])
    assert kg.sorted_ntriples((g2, g1)) == kg.sorted_ntriples((g1, g2))
    # The triple in both graphs counts once, whether counted by queries or from the
    # sorted lines the exports made.
    assert len(KnowledgeGraph(store, names)) == len(kg) == 13
    apart = KnowledgeGraph(ox.Store(), names)
    apart.store.add(ox.Quad(ox.NamedNode(ex + "a"), rdf_type, ox.NamedNode(ex + "T"), g1))
    apart.store.add(ox.Quad(ox.NamedNode(ex + "b"), rdf_type, ox.NamedNode(ex + "T"), g2))
    assert apart.sorted_ntriples((g2, g1)) == apart.sorted_ntriples((g1, g2))
    assert len(apart) == 2
    assert apart.sorted_ntriples((g1, g2)).count(b"\n") == len(apart) == 2


def test_build_reports_stage_timings(tmp_path: Path) -> None:
    write_corpus(tmp_path / "p", 2000, ontology=ROOT / "ontology")
    report = build(find_project(tmp_path / "p"))
    assert set(report.timings) == {"load", "model", "validate", "export", "store"}
    assert all(t >= 0 for t in report.timings.values())


def test_benchmark_runs_at_the_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "scale.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes", "1500",
         "--rdflib-timeout", "300", "--repeat", "2", "--out", str(out),
         "--workdir", str(tmp_path / "w")],
        capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # progress only on a terminal
    assert result.stdout.startswith("  triples  pipeline")
    data = json.loads(out.read_text(encoding="utf-8"))
    [row] = data["sizes"]
    assert row["triples"] == row["summary"]["triples"] > 1000
    cases = row["incremental"]
    assert cases["full"] == row["full_build"]
    assert cases["nothing_changed"]["up_to_date"]
    for name in ("article_removed", "article_added", "statement_edited"):
        assert not cases[name]["up_to_date"] and cases[name]["stages"]["store"] >= 0
    assert "article removed" in result.stdout
    for kind in ("pipeline", "pipeline_without_validation", "store_queries", "raw", "rdflib"):
        assert row[kind]["wall_s"] > 0 and row[kind]["peak_mb"] > 10
        assert not row[kind]["timed_out"]
        assert set(row[kind]["queries"]) == set(row["pipeline"]["queries"]) != set()
        rows = {name: q["rows"] for name, q in row[kind]["queries"].items()}
        assert rows == {name: q["rows"] for name, q in row["pipeline"]["queries"].items()}
    assert row["summary"]["pipeline_over_raw"] > 0
    for kind in ("pipeline_without_validation", "raw"):  # two runs each, the faster kept
        runs = row[kind]["runs_wall_s"]
        assert len(runs) == 2 and row[kind]["wall_s"] == min(runs)
    assert "validate" in row["pipeline"]["stages"]
    assert "validate" not in row["pipeline_without_validation"]["stages"]
    full = row["full_build"]
    assert set(full["exports"]) == set(standard_exports)
    assert all(seconds >= 0 for seconds in full["exports"].values())
    for q in row["pipeline"]["queries"].values():
        assert 0 < q["best_ms"] <= q["first_ms"]
    assert not list((tmp_path / "w").iterdir())  # corpora removed unless --keep
    again = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--table", str(out)],
        capture_output=True, text=True, timeout=120, check=True)
    assert again.stdout.strip() == result.stdout.split("\nwrote ")[0].strip()


@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"") + b"\n"),
                max_size=60),
       st.binary(max_size=20).map(lambda b: b.replace(b"\n", b"")),
       st.integers(min_value=1, max_value=200))
def test_store_slices_are_whole_lines_and_lose_nothing(lines: list[bytes], tail: bytes,
                                                       size: int) -> None:
    import io

    from heroes_kg.rdf.store import read_slices

    data = b"".join(lines) + tail
    pieces = list(read_slices(io.BytesIO(data), size))
    assert b"".join(pieces) == data
    assert all(piece.endswith(b"\n") for piece in pieces[:-1] if piece)
    assert all(pieces)


def test_a_stopped_store_write_leaves_nothing(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from heroes_kg.rdf.store import Spool, StoreWriteStopped, write_store

    write_corpus(tmp_path / "p", 2000, ontology=ROOT / "ontology")
    project = find_project(tmp_path / "p")
    project.state_dir.mkdir()
    memory = ox.Store()
    memory.add(ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
                       ox.Literal("o"), ox.NamedNode("https://e.org/g")))
    spool = Spool.of(project, memory)
    spool.stop()
    with pytest.raises(StoreWriteStopped):
        write_store(project, spool)
    spool.discard()
    assert list(project.state_dir.iterdir()) == []
    spool = Spool.of(project, memory)
    fresh = write_store(project, spool)
    spool.discard()
    assert len(ox.Store.read_only(str(fresh))) == 1


@given(st.text(st.characters(exclude_categories=("Cs",))), st.sampled_from(
    ["string", "integer", "date", "gYear"]))
def test_model_literals_read_back_as_written(text: str, datatype: str) -> None:
    """The model writes N-Quads text itself: any text (quotes, backslashes, newlines,
    control characters) must come back from Oxigraph's parser unchanged."""
    import pyoxigraph as ox

    from heroes_kg.rdf.model import _literal

    line = f"<https://example.org/s> <https://example.org/p> {_literal(text, datatype)} .\n"
    [triple] = ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=True)
    assert triple.object.value == text
    expected = _vocab.XSD + datatype
    assert triple.object.datatype.value == expected


def test_streamed_store_matches_the_in_memory_graph(tmp_path: Path) -> None:
    """The persisted store is written from the N-Quads the model spools while the
    in-memory graph is made from the same lines: both hold the same quads."""
    import pyoxigraph as ox

    from heroes_kg.rdf.store import BULK_SLICE

    write_corpus(tmp_path / "p", 20_000, ontology=ROOT / "ontology")
    proj = find_project(tmp_path / "p")
    import heroes_kg.rdf.store as store_module

    original = store_module.BULK_SLICE
    store_module.BULK_SLICE = 1 << 16  # many slices, each cut at a line end
    try:
        made = build(proj, keep_graph=True)
    finally:
        store_module.BULK_SLICE = original
    assert original == BULK_SLICE
    assert made.graph is not None
    memory = made.graph.store
    with open_graph(proj) as kg:
        persisted = kg.store
        assert len(persisted) == len(memory) > 19_000
        for graph in (kg.names.facts, kg.names.provenance):
            assert (sorted(persisted.dump(format=ox.RdfFormat.N_TRIPLES,
                                          from_graph=graph).splitlines())
                    == sorted(memory.dump(format=ox.RdfFormat.N_TRIPLES,
                                          from_graph=graph).splitlines()))
        ontology = kg.names.ontology
        assert (len(list(persisted.quads_for_pattern(None, None, None, ontology)))
                == len(list(memory.quads_for_pattern(None, None, None, ontology))) > 100)
    assert not list(proj.state_dir.glob("spool.*"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"") + b"\n"),
                max_size=60),
       st.integers(min_value=1, max_value=7), st.integers(min_value=1, max_value=200))
def test_spool_hands_over_whole_lines_as_they_are_written(lines: list[bytes], every: int,
                                                         size: int) -> None:
    """One thread writes N-Quads to the spool in uneven chunks while another reads it in
    slices: the reader gets everything, in order, cut only at line ends."""
    import tempfile
    import threading

    from heroes_kg.project import Project
    from heroes_kg.rdf.store import Spool

    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp))
        project.state_dir.mkdir()
        spool = Spool(project)
        pieces: list[bytes] = []
        reader = threading.Thread(target=lambda: pieces.extend(spool.slices(size)))
        reader.start()
        for start in range(0, len(lines), every):
            spool.write(b"".join(lines[start:start + every]))
        spool.close()
        reader.join(timeout=30)
        assert not reader.is_alive()
        spool.discard()
        assert b"".join(pieces) == b"".join(lines)
        assert all(piece.endswith(b"\n") for piece in pieces)
        assert not list(project.state_dir.iterdir())


def test_a_stopped_spool_stops_its_reader(tmp_path: Path) -> None:
    import threading

    from heroes_kg.project import Project
    from heroes_kg.rdf.store import Spool, StoreWriteStopped

    project = Project(tmp_path)
    project.state_dir.mkdir()
    spool = Spool(project)
    spool.write(b"<a:s> <a:p> <a:o> .\n")  # less than a slice: the reader waits for more
    raised: list[BaseException] = []

    def read() -> None:
        try:
            list(spool.slices(1 << 20))
        except StoreWriteStopped as exc:
            raised.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(timeout=0.2)
    assert reader.is_alive()
    spool.stop()
    reader.join(timeout=30)
    assert not reader.is_alive() and len(raised) == 1
    spool.discard()
    assert not spool.path.exists()



def _outcomes(results: list[object]) -> list[object]:
    return [(r.line, r.message) if isinstance(r, YamlError) else r for r in results]


@pytest.mark.parametrize("worker_runs", [True, False])
def test_yaml_batches_parsed_in_a_second_process_give_the_same_results(
        monkeypatch: pytest.MonkeyPatch, worker_runs: bool) -> None:
    """A large batch of curated files is shared with a worker process; its results, and
    its syntax errors with their lines, are those of parsing here. When the worker cannot
    run, its share is parsed here."""
    from heroes_kg.corpus import _yaml

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds" / "facts").glob(
        "*.yaml"))]
    texts += ["a: [unclosed\nb: 2\n", "- just\n- a list\n", "x: 1\n" * 50]
    expected = _outcomes([_yaml._load_or_error(t) for t in texts])
    used: list[bool] = []
    original = _yaml._Worker.results

    def results(self: object) -> object:
        answers = original(self)  # type: ignore[arg-type]
        used.append(answers is not None)
        return answers

    monkeypatch.setattr(_yaml, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(_yaml, "_cpus", lambda: 2)
    monkeypatch.setattr(_yaml._Worker, "results", results)
    if not worker_runs:
        monkeypatch.setattr(sys, "executable", "/bin/false")
    assert _outcomes(_yaml.load_many(texts)) == expected
    assert used == [worker_runs]


def test_writer_quotes_the_strings_of_the_keys_it_is_given() -> None:
    from heroes_kg.corpus.writer import block

    data = {"id": "a-film", "name": "Plain Words", "n": 3,
            "items": [{"quote": "a quote", "tags": ["xy", "no"]}]}
    lines = block(data, quoted={"name", "quote"})
    assert lines == ["id: a-film", 'name: "Plain Words"', "n: 3", "items:",
                     '  - quote: "a quote"', "    tags:", "      - xy", '      - "no"']
    assert yaml.safe_load("\n".join(lines)) == data
