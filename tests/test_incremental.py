"""Incremental builds: after random edits of the seeds (and damage to what the last build
kept of each file), a build that applies the difference to the previous one gives what a
full ``--force`` build gives, the store's contents and every export byte for byte; a
build stopped half-way is never taken for a finished one."""

from __future__ import annotations

import copy
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from heroes_kg.errors import HeroesKGError
from heroes_kg.outputs import page as page_module
from heroes_kg.pipeline import build, open_graph
from heroes_kg.project import find_project
from heroes_kg.rdf import delta as delta_module
from heroes_kg.rdf.store import checkpoint_dir, in_change, read_state
from heroes_kg.synth import write_corpus

from .conftest import ROOT, copy_project


def _store_contents(root: Path) -> dict[str, Any]:
    """The data graphs as sorted N-Triples, and the ontology graph canonicalized (it has
    blank nodes)."""
    store = ox.Store.read_only(str(root / ".heroes-kg" / "store"))
    graphs: dict[str, Any] = {}
    for graph in sorted(store.named_graphs(), key=str):
        dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        if graph.value.endswith("/ontology"):
            dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object, graph)
                                 for t in ox.parse(dumped, format=ox.RdfFormat.N_TRIPLES))
            dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
            graphs[graph.value] = sorted(str(q) for q in dataset)
        else:
            graphs[graph.value] = sorted(dumped.splitlines())
    del store
    return graphs


def _exports(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "exports").iterdir())
            if not p.name.startswith(".")}


def _state(root: Path) -> dict[str, Any]:
    return {"store": _store_contents(root), "exports": _exports(root)}


def _build(root: Path, *, force: bool = False) -> str | None:
    """Build; the error's text, every problem with its file:line, if the build failed."""
    try:
        build(find_project(root), force=force)
    except HeroesKGError as exc:
        return "\n".join([str(exc), *exc.lines()])
    return None


def _rewrites_no_store(make: Any) -> Any:
    """``make()``, checked not to write the store whole: an incremental build changes it
    by the difference, or puts its changed checkpoint in its place."""
    import heroes_kg.pipeline as pipeline

    written: list[str] = []
    real = pipeline.replace_store, pipeline.swap_store

    def replace(*args: Any) -> None:
        written.append("replace_store")
        real[0](*args)

    def swap(*args: Any) -> None:
        written.append("swap_store")
        real[1](*args)

    pipeline.replace_store, pipeline.swap_store = replace, swap
    try:
        made = make()
    finally:
        pipeline.replace_store, pipeline.swap_store = real
    assert not written
    return made


class Seeds:
    """The curated input as plain data, written back as YAML."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.facts = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
                      for p in sorted((root / "seeds" / "facts").glob("*.yaml"))}
        self.articles = {}
        for meta in sorted((root / "seeds" / "articles").glob("*.yaml")):
            record = yaml.safe_load(meta.read_text(encoding="utf-8"))
            text = (meta.parent / record["file"]).read_text(encoding="utf-8")
            self.articles[meta.stem] = (record, text)

    def write(self) -> None:
        folder = self.root / "seeds"
        for path in (folder / "facts").glob("*.yaml"):
            path.unlink()
        for path in (folder / "articles").iterdir():
            path.unlink()
        for name, data in self.facts.items():
            (folder / "facts" / name).write_text(
                yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        for stem, (record, text) in self.articles.items():
            (folder / "articles" / f"{stem}.yaml").write_text(
                yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")
            (folder / "articles" / record["file"]).write_text(text, encoding="utf-8")

    def snapshot(self) -> tuple[Any, Any]:
        return copy.deepcopy((self.facts, self.articles))

    def restore(self, saved: tuple[Any, Any]) -> None:
        self.facts, self.articles = copy.deepcopy(saved)

    # --- views -----------------------------------------------------------------------

    def statements(self) -> list[tuple[str, int]]:
        return [(name, i) for name, data in self.facts.items()
                for i in range(len(data.get("statements") or []))]

    def entities(self) -> list[dict[str, Any]]:
        return [e for data in self.facts.values() for e in data.get("entities") or []]

    def article_ids(self) -> list[str]:
        return [record["id"] for record, _ in self.articles.values()]


def _parts_in_memory(root: Path) -> tuple[Any, Any, ox.Store]:
    """The project built at ``root``, its names, and its data graphs loaded from the parts
    its last build kept."""
    from heroes_kg.vocab import Names

    built = find_project(root)
    names = Names(built.base_iri)
    store = ox.Store()
    for graph in (names.facts, names.provenance):
        store.load(delta_module.read_part(built, graph), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=graph)
    return built, names, store


def _refs(statement: dict[str, Any]) -> set[str]:
    return {statement.get(k) for k in ("subject", "object", "in", "as")} - {None}


class IncrementalMachine(RuleBasedStateMachine):
    """Edits the seeds of one project step by step; after each, builds it incrementally
    and checks the result against a full build of a fresh copy of the same seeds."""

    def __init__(self) -> None:
        super().__init__()
        self.base = Path(_TMP.mktemp("incremental"))
        self.removed: list[tuple[str, dict[str, Any]]] = []
        self.counter = 0

    @initialize()
    def first_build(self) -> None:
        self.root = copy_project(self.base / "project")
        self.seeds = Seeds(self.root)
        self.seeds.write()  # as the machine writes them, so every later edit is its own
        assert _build(self.root) is None
        self.saved = self.seeds.snapshot()
        self.last = _state(self.root)

    def _fresh(self) -> str:
        self.counter += 1
        return f"n{self.counter}"

    # --- edits -------------------------------------------------------------------------

    @rule(data=st.data())
    def remove_statement(self, data: st.DataObject) -> None:
        name, i = data.draw(st.sampled_from(self.seeds.statements()))
        self.removed.append((name, self.seeds.facts[name]["statements"].pop(i)))

    @rule(data=st.data())
    def restore_statement(self, data: st.DataObject) -> None:
        if not self.removed:
            return
        name, statement = self.removed.pop(data.draw(st.integers(0, len(self.removed) - 1)))
        known = {e["id"] for e in self.seeds.entities()}
        articles = set(self.seeds.article_ids())
        if _refs(statement) <= known and all(ev["article"] in articles
                                             for ev in statement["evidence"]):
            self.seeds.facts[name].setdefault("statements", []).append(statement)

    @rule(data=st.data())
    def change_statement_object(self, data: st.DataObject) -> None:
        """Point a statement at another entity of the same type as its object."""
        by_id = {e["id"]: e for e in self.seeds.entities()}
        linked = [(n, i) for n, i in self.seeds.statements()
                  if "object" in self.seeds.facts[n]["statements"][i]]
        name, i = data.draw(st.sampled_from(linked))
        statement = self.seeds.facts[name]["statements"][i]
        kind = by_id[statement["object"]]["type"]
        statement["object"] = data.draw(st.sampled_from(
            sorted(e for e, v in by_id.items() if v["type"] == kind)))

    @rule(data=st.data())
    def change_number(self, data: st.DataObject) -> None:
        """Change a whole-number value (a rank beyond the countries total breaks a
        shape: the incremental build must report it as a full one does)."""
        numbered = [(n, i) for n, i in self.seeds.statements()
                    if isinstance(self.seeds.facts[n]["statements"][i].get("value"), int)]
        if numbered:
            name, i = data.draw(st.sampled_from(numbered))
            self.seeds.facts[name]["statements"][i]["value"] = data.draw(st.integers(0, 120))

    @rule(data=st.data())
    def change_quote(self, data: st.DataObject) -> None:
        """Give an evidence a longer quote: its text and the next character."""
        name, i = data.draw(st.sampled_from(self.seeds.statements()))
        evidence = self.seeds.facts[name]["statements"][i]["evidence"][0]
        text = next(t for r, t in self.seeds.articles.values()
                    if r["id"] == evidence["article"])
        start = text.find(evidence["quote"])
        end = start + len(evidence["quote"]) + 1
        if start >= 0 and end <= len(text) and text[end - 1].isalnum():
            evidence["quote"] = text[start:end]

    @rule(person=st.sampled_from(["Ada Quill", "Pedro Pascal", "Netflix"]))
    def add_article(self, person: str) -> None:
        """A new article, a new entity and a statement quoting it (the name may be an
        entity's already, which adds mentions)."""
        tag = self._fresh()
        aid, eid = f"article-{tag}", f"person-{tag}"
        text = (f"Report {tag}.\n{person} spoke today. Jo Rivera {tag} posts as "
                f"@jo{tag} and met Robert Rodriguez.\n")
        self.seeds.articles[f"9{tag}"] = (
            {"id": aid, "file": f"9{tag}.txt", "title": f"Report {tag}"}, text)
        facts = self.seeds.facts.setdefault(f"z-{tag}.yaml", {})
        facts["entities"] = [{"id": eid, "type": "Person", "name": f"Jo Rivera {tag}"}]
        facts["statements"] = [{"subject": eid, "property": "accountHandle",
                                "value": f"@jo{tag}",
                                "evidence": [{"article": aid, "quote": f"posts as @jo{tag}"}]}]

    @rule(data=st.data())
    def remove_article(self, data: st.DataObject) -> None:
        if len(self.seeds.articles) < 2:
            return
        stem = data.draw(st.sampled_from(sorted(self.seeds.articles)))
        aid = self.seeds.articles.pop(stem)[0]["id"]
        for facts in self.seeds.facts.values():
            kept = []
            for statement in facts.get("statements") or []:
                statement["evidence"] = [e for e in statement["evidence"]
                                         if e["article"] != aid]
                if statement["evidence"]:
                    kept.append(statement)
            facts["statements"] = kept

    @rule(name=st.sampled_from(["Austin", "Sharkboy", "Mira Vale"]))
    def add_entity(self, name: str) -> None:
        tag = self._fresh()
        facts = next(iter(self.seeds.facts.values()))
        facts.setdefault("entities", []).append(
            {"id": f"org-{tag}", "type": "Organization", "name": name})

    @rule(data=st.data(), name=st.sampled_from(["Austin", "Ada Quill", "Sharkboy"]))
    def rename_entity(self, data: st.DataObject, name: str) -> None:
        """Give an entity another name: the label of its node, and of every edge whose
        statement names it as a qualifier, while the nodes and edges that point to it
        keep theirs."""
        entity = data.draw(st.sampled_from(sorted(self.seeds.entities(),
                                                  key=lambda e: e["id"])))
        entity["name"] = f"{name} {self._fresh()}"

    @rule(data=st.data())
    def remove_entity(self, data: st.DataObject) -> None:
        """Remove an entity and everything that refers to it."""
        gone = data.draw(st.sampled_from(sorted(e["id"] for e in self.seeds.entities())))
        for facts in self.seeds.facts.values():
            facts["entities"] = [e for e in facts.get("entities") or [] if e["id"] != gone]
            facts["statements"] = [s for s in facts.get("statements") or []
                                   if gone not in _refs(s)]
        for record, _ in self.seeds.articles.values():
            if record.get("publisher") == gone:
                del record["publisher"]

    @rule(data=st.data())
    def rename_id(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(sorted(e["id"] for e in self.seeds.entities())))
        new = f"{old}-{self._fresh()}"
        for facts in self.seeds.facts.values():
            for entity in facts.get("entities") or []:
                if entity["id"] == old:
                    entity["id"] = new
            for statement in facts.get("statements") or []:
                for key in ("subject", "object", "in", "as"):
                    if statement.get(key) == old:
                        statement[key] = new
        for record, _ in self.seeds.articles.values():
            if record.get("publisher") == old:
                record["publisher"] = new

    @rule(data=st.data())
    def damage_an_entry(self, data: st.DataObject) -> None:
        """Damage what the last build kept of a facts file, its articles or its mentions
        (.heroes-kg/units/), beside its parts (the statement records, the property
        graph's nodes, the page's texts), or of an export (where its blocks lie): the
        next build must notice and make it again."""
        folder = self.root / ".heroes-kg" / "units"
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
        # What the last build kept beside its parts (statements, property graph, page).
        entries += sorted((self.root / ".heroes-kg" / "parts").glob("*.kept"))
        # Where each block, node or edge lies in each export the last build wrote.
        entries += sorted((self.root / ".heroes-kg" / "exports").glob("*.index"))
        if not entries:
            return
        path = data.draw(st.sampled_from(entries))
        how = data.draw(st.sampled_from(["flip", "truncate", "remove"]))
        content = path.read_bytes()
        if how == "remove" or not content:
            path.unlink()
        elif how == "truncate":
            path.write_bytes(content[:len(content) // 2])
        else:
            at = data.draw(st.integers(0, len(content) - 1))
            path.write_bytes(content[:at] + bytes([content[at] ^ 1]) + content[at + 1:])

    # --- the check ---------------------------------------------------------------------

    @invariant()
    def incremental_equals_full(self) -> None:
        if not hasattr(self, "seeds"):
            return
        self.seeds.write()
        error = _rewrites_no_store(lambda: _build(self.root))
        self.counter += 1
        full = copy_project(self.base / f"full-{self.counter}")
        shutil.rmtree(full / "seeds")
        shutil.copytree(self.root / "seeds", full / "seeds")
        assert _build(full, force=True) == error
        if error is None:
            assert not in_change(find_project(self.root))
            now = _state(self.root)
            expected = _state(full)
            assert now["store"] == expected["store"]
            for name, data in expected["exports"].items():
                assert now["exports"][name] == data, f"{name} differs from a full build"
            assert set(now["exports"]) == set(expected["exports"])
            self.saved, self.last = self.seeds.snapshot(), now
        else:  # a failed build changes nothing; go back to the seeds of the last one
            assert _state(self.root) == self.last
            self.seeds.restore(self.saved)
            self.seeds.write()
        shutil.rmtree(full)


_TMP: pytest.TempPathFactory


@pytest.mark.slow
@pytest.mark.parametrize("overview", [None, 8], ids=["page", "overview"])
def test_incremental_builds_equal_full_builds(tmp_path_factory: pytest.TempPathFactory,
                                              monkeypatch: pytest.MonkeyPatch,
                                              overview: int | None) -> None:
    """Also with the seed graph's page drawn as an overview of groups (as a large graph's
    is), so that edits move nodes between communities and the groups' numbers shift."""
    global _TMP
    _TMP = tmp_path_factory
    if overview is not None:
        monkeypatch.setattr(page_module, "OVERVIEW", overview)
    machine = IncrementalMachine.TestCase
    machine.settings = settings(max_examples=3, stateful_step_count=8, deadline=None,
                                database=None, derandomize=True,
                                suppress_health_check=list(HealthCheck))
    machine().runTest()


def test_an_edit_puts_the_changed_checkpoint_in_place_of_the_store(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit the build's checkpoint, changed by the difference, becomes the store
    (the store is not changed a second time); queries read it."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    store = project / ".heroes-kg" / "store"
    inode = store.stat().st_ino

    def never(*args: object) -> None:
        raise AssertionError("the difference was applied to the store again")

    monkeypatch.setattr(pipeline, "apply_delta", never)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")
    build(built)
    assert store.stat().st_ino != inode
    assert not checkpoint_dir(built).exists()
    assert sorted(p.name for p in store.parent.glob("store*")) == ["store"]
    with open_graph(built) as kg:
        rows = kg.query('SELECT ?a WHERE { ?p schema:alternateName ?a . '
                        'FILTER(?p = <https://w3id.org/heroes-kg/resource/pedro-pascal>) }')
        assert sorted(r["a"] for r in rows.rows) == ["Pascal", "Pedro"]
    _matches_a_full_build(project)


def test_a_checkpoint_still_open_is_not_moved(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a handle of the checkpoint is alive (Oxigraph closes a store only when its
    last handle goes) it is not renamed: the store takes the difference instead."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    inode = (project / ".heroes-kg" / "store").stat().st_ino
    handles: list[ox.Store] = []
    real = pipeline.checkpoint

    def keep(*args: Any) -> ox.Store | None:
        store = real(*args)
        handles.append(store)
        return store

    monkeypatch.setattr(pipeline, "checkpoint", keep)
    _edit_alias(project)
    build(built)
    assert handles and handles[0] is not None
    assert (project / ".heroes-kg" / "store").stat().st_ino == inode
    handles.clear()
    _matches_a_full_build(project)


@pytest.mark.parametrize("stage", ["commit_parts", "keep_beside_parts", "take_checkpoint",
                                   "swap_store", "save_reuse"])
def test_a_build_stopped_half_way_is_never_taken_for_a_finished_one(
        project: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Stopped after it began changing the store: queries do not read that store (it is
    rebuilt), and the next build redoes everything and matches a full build."""
    built = find_project(project)
    build(built)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")

    def stop(*args: object) -> None:
        raise KeyboardInterrupt

    import heroes_kg.outputs.reuse as reuse
    import heroes_kg.pipeline as pipeline
    import heroes_kg.rdf.store as store

    if stage == "swap_store":
        # Stopped once the store has moved aside, before the checkpoint takes its place.
        def stop_half_way(project: Any, fresh: Path) -> None:
            target = store.store_dir(project)
            os.replace(target, target.with_name("store.1.old"))
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "swap_store", stop_half_way)
    else:
        where = reuse if stage == "save_reuse" else pipeline
        monkeypatch.setattr(where, stage, stop)
    with pytest.raises(KeyboardInterrupt):
        build(built)
    monkeypatch.undo()
    assert in_change(built)
    with open_graph(built) as kg:  # rebuilt from the seeds, not the half-changed store
        assert any(r["a"] == "Pedro" for r in kg.query(
            "SELECT ?a WHERE { ?p schema:alternateName ?a }").rows)
    build(built)
    assert not in_change(built)
    full = copy_project(project.parent / "full")
    shutil.rmtree(full / "seeds")
    shutil.copytree(project / "seeds", full / "seeds")
    build(find_project(full), force=True)
    assert _state(project) == _state(full)
    assert read_state(built)["fingerprint"] == read_state(find_project(full))["fingerprint"]


@pytest.mark.parametrize("when", ["staging", "pruning"])
def test_segments_left_by_a_stopped_build_are_not_read_and_are_removed(
        project: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """Stopped while it writes the new segments (before it changes anything), the build
    leaves the previous state; stopped while it removes the segments no index names
    (once it has finished), it is a finished build. Segments and temporary files a
    killed build left are not read, and the next build removes them."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    before = _state(project)
    parts = project / ".heroes-kg" / "parts"
    _edit_alias(project)
    real = pipeline.stage_parts if when == "staging" else pipeline.prune_parts

    def stop(*args: Any, **kwargs: Any) -> Any:
        if when == "staging":
            real(*args, **kwargs)  # every new segment written, no index names them yet
        else:  # half of what is to go removed
            index = delta_module.read_parts_index(built)
            assert index is not None
            named = {f"{segment[0]}.nt" for segments in index["graphs"].values()
                     for segment in segments}
            gone = sorted(p for p in parts.glob("*.nt") if p.name not in named)
            assert gone
            for path in gone[:len(gone) // 2 + 1]:
                path.unlink()
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "stage_parts" if when == "staging" else "prune_parts",
                        stop)
    with pytest.raises(KeyboardInterrupt):
        build(built)
    monkeypatch.undo()
    assert not in_change(built)
    if when == "staging":
        assert _state(project) == before
    else:
        with open_graph(built, rebuild=False) as kg:  # finished: current, not rebuilt
            assert any(r["a"] == "Pedro" for r in kg.query(
                "SELECT ?a WHERE { ?p schema:alternateName ?a }").rows)
    (parts / "0123456789abcdef0123456789abcdef.nt").write_bytes(b"<a> <b> <c> .\n")
    (parts / ".0123.nt.1.tmp").write_bytes(b"half")
    if when == "pruning":  # finished: the next build has something to do only after an edit
        cast = project / "seeds" / "facts" / "cast.yaml"
        cast.write_text(cast.read_text(encoding="utf-8").replace(
            "    aliases: [Pascal, Pedro]\n", "    aliases: [Pascal, P]\n"), encoding="utf-8")
    _rewrites_no_store(lambda: build(built))
    on_disk = {p.name for p in parts.iterdir() if not p.name.endswith(".kept")}
    files = delta_module.part_files(built)
    assert files is not None
    assert on_disk == {"index"} | {p.name for paths in files.values() for p in paths}
    _matches_a_full_build(project)


def test_the_delta_is_the_changed_lines_only(project: Path) -> None:
    built = find_project(project)
    build(built)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")
    from heroes_kg.pipeline import _model

    _, kg = _model(built)
    found = delta_module.diff(built, kg)
    assert found is not None
    assert [len(v) for v in found.removed.values()] == [0, 0]
    assert [line for v in found.added.values() for line in v] == [
        b'<https://w3id.org/heroes-kg/resource/pedro-pascal> '
        b'<https://schema.org/alternateName> "Pedro" .']


def test_the_delta_from_changed_blocks_is_the_delta_of_every_line(project: Path) -> None:
    """The difference looked for in the changed blocks only (with the parts' index) is
    the difference of all lines; the index of an earlier build's parts, whose segments
    are gone, is not used."""
    from heroes_kg.pipeline import _model

    built = find_project(project)
    build(built)
    parts = project / ".heroes-kg" / "parts"
    earlier = (parts / "index").read_bytes()
    cast = project / "seeds" / "facts" / "cast.yaml"
    text = cast.read_text(encoding="utf-8")
    cast.write_text(text.replace("    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"),
                    encoding="utf-8")
    build(built)
    cast.write_text(text.replace("    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro P]\n"),
                    encoding="utf-8")
    _, kg = _model(built)
    with_index = delta_module.diff(built, kg)
    assert with_index is not None and len(with_index) == 2
    for graph in kg.data_graphs:
        old = set((delta_module.read_part(built, graph) or b"").splitlines())
        new = set(kg.sorted_ntriples((graph,)).splitlines())
        assert with_index.removed[graph] == sorted(old - new)
        assert with_index.added[graph] == sorted(new - old)
    (parts / "index").write_bytes(earlier)  # it names segments the last build removed
    assert delta_module.diff(built, kg) is None
    assert not delta_module.spliceable(built, kg.data_graphs)


def test_an_edit_writes_only_the_segments_it_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts are kept in segments named by their blocks: an edit writes only the
    segments of the blocks it changed, and the others stay the very files they were;
    those no index names are removed once the build has finished."""
    from heroes_kg.rdf.store import part_files, read_parts_index

    monkeypatch.setattr(delta_module, "_SEGMENT_MASK", 7)  # many small segments
    root = tmp_path / "synth"
    write_corpus(root, 20_000, ontology=ROOT / "ontology", seed=3)
    built = find_project(root)
    build(built)
    before = part_files(built)
    assert before is not None and sum(map(len, before.values())) > 20
    inodes = {path: path.stat().st_ino for paths in before.values() for path in paths}
    facts, figure = next((path, found) for path in sorted(
        (root / "seeds" / "facts").glob("*.yaml"))
        if (found := re.search(r"value: (\d+)\n", path.read_text(encoding="utf-8"))))
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[:figure.start(1)] + str(int(figure[1]) + 1) + text[figure.end(1):],
                     encoding="utf-8")
    build(built)
    after = part_files(built)
    assert after is not None
    kept = [path for paths in after.values() for path in paths if path in inodes]
    new = [path for paths in after.values() for path in paths if path not in inodes]
    assert new and len(new) <= 4 and len(kept) >= len(inodes) - 4
    assert all(path.stat().st_ino == inodes[path] for path in kept)
    index = read_parts_index(built)
    assert index is not None
    on_disk = {p.name for p in (root / ".heroes-kg" / "parts").glob("*.nt")}
    assert on_disk == {path.name for paths in after.values() for path in paths}
    _matches_a_full_build(root)


@pytest.fixture(scope="module")
def built_parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("parts") / "project")
    build(find_project(root))
    return root


_SUBJECTS = st.sampled_from([
    "a", "a-b", "a/b", "pedro-pascal", "pedro-pascal-2", "zz", "m", "ab", "b", "c"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(removed=st.lists(st.integers(0, 10_000), max_size=12),
       added=st.lists(st.tuples(_SUBJECTS, st.integers(0, 3), st.booleans()), max_size=12))
def test_spliced_lines_are_the_whole_graph_sorted(built_parts: Path, removed: list[int],
                                                  added: list[tuple[str, int, bool]]) -> None:
    """The sorted lines and blocks spliced from the last build's parts and the changed
    subjects are those of sorting the whole graph, and the difference found on the way
    is the one found from them: subjects removed whole or in part,
    added before the first, after the last and between others, in either graph (so that
    cuts appear, vanish and move)."""
    from heroes_kg.rdf.store import Graph, cut_blocks

    built, names, store = _parts_in_memory(built_parts)
    quads = sorted(store, key=str)
    changed: list[ox.Quad] = []
    for at in removed:
        quad = quads[at % len(quads)]
        if quad in store:
            store.remove(quad)
            changed.append(quad)
    for i, (local, n, facts) in enumerate(added):
        subject = names.resource(local) if facts else ox.NamedNode(
            names.base + "statement/" + local)
        quad = ox.Quad(subject, ox.NamedNode("https://schema.org/name"),
                       ox.Literal(f"n{n} {i}"), names.facts if facts else names.provenance)
        store.add(quad)
        changed.append(quad)
    spliced = Graph(store, names)
    delta = delta_module.splice(built, spliced, changed)
    whole = Graph(store, names)
    assert delta == delta_module.diff(built, whole)
    for graph in whole.data_graphs:
        assert spliced.sorted_ntriples((graph,)) == whole.sorted_ntriples((graph,))
        assert [(k, bytes(b)) for k, b in spliced.sorted_blocks(graph)] == [
            (k, bytes(b)) for k, b in cut_blocks(whole.sorted_ntriples((graph,)))]


@pytest.mark.parametrize("mapped_at_most", [0, 10_000])
def test_parts_mapped_or_read_splice_alike(built_parts: Path, mapped_at_most: int,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts' segments are mapped into memory, or, past a number of them (each
    mapping holds a file descriptor), read into one buffer: either way the splice gives
    the lines and blocks of sorting the whole graph."""
    from heroes_kg.rdf.store import Graph, cut_blocks

    monkeypatch.setattr(delta_module, "_MAPPED_AT_MOST", mapped_at_most)
    built, names, store = _parts_in_memory(built_parts)
    quads = sorted(store, key=str)
    changed = quads[::97]
    for quad in changed:
        store.remove(quad)
    added = ox.Quad(names.resource("zz"), ox.NamedNode("https://schema.org/name"),
                    ox.Literal("zz"), names.facts)
    store.add(added)
    spliced = Graph(store, names)
    delta = delta_module.splice(built, spliced, [*changed, added])
    whole = Graph(store, names)
    assert delta is not None and delta == delta_module.diff(built, whole)
    for graph in whole.data_graphs:
        assert spliced.sorted_ntriples((graph,)) == whole.sorted_ntriples((graph,))
        assert [(k, bytes(b)) for k, b in spliced.sorted_blocks(graph)] == [
            (k, bytes(b)) for k, b in cut_blocks(whole.sorted_ntriples((graph,)))]


@pytest.mark.parametrize("what", ["selector", "evidence", "statement", "removed", "added"])
def test_statement_records_read_again_only_where_changed(built_parts: Path, what: str) -> None:
    """The statement records of an earlier graph, with those of the statements whose
    node, evidence or selector changed read again, are those read from the whole graph."""
    from heroes_kg.rdf.read import (
        pack_statements,
        statements,
        unpack_statements,
        updated_statements,
    )
    from heroes_kg.rdf.store import Graph
    from heroes_kg.vocab import OA, PROV

    _built, names, store = _parts_in_memory(built_parts)
    earlier = statements(Graph(store, names), union=True)
    assert unpack_statements(pack_statements(earlier)) == earlier
    record = earlier[len(earlier) // 2]
    ev = ox.NamedNode(record.evidence[0].iri)
    prov = names.provenance
    changed: list[ox.Quad] = []

    def replace(old: ox.Quad, new: ox.Quad | None) -> None:
        store.remove(old)
        changed.append(old)
        if new is not None:
            store.add(new)
            changed.append(new)

    if what == "selector":
        selector = next(q.object for q in store.quads_for_pattern(
            ev, ox.NamedNode(OA + "hasSelector"), None, prov)
            if any(store.quads_for_pattern(q.object, ox.NamedNode(OA + "exact"), None,
                                           prov)))
        old = next(iter(store.quads_for_pattern(selector, ox.NamedNode(OA + "exact"), None,
                                                prov)))
        replace(old, ox.Quad(old.subject, old.predicate, ox.Literal("changed"), prov))
    elif what == "evidence":
        old = next(iter(store.quads_for_pattern(ev, ox.NamedNode(OA + "hasSource"), None,
                                                prov)))
        replace(old, ox.Quad(ev, old.predicate, names.resource("elsewhere"), prov))
    elif what == "statement":
        old = next(iter(store.quads_for_pattern(ox.NamedNode(record.iri), ox.NamedNode(
            PROV + "wasDerivedFrom"), None, prov)))
        replace(old, None)
    else:
        for quad in list(store.quads_for_pattern(ox.NamedNode(record.iri), None, None)):
            replace(quad, None)
        if what == "added":
            for quad in changed[::]:
                new = ox.Quad(ox.NamedNode(record.iri + "-2"), quad.predicate, quad.object,
                              quad.graph_name)
                store.add(new)
                changed.append(new)
    kg = Graph(store, names)
    subjects = {q.subject.value for q in changed if isinstance(q.subject, ox.NamedNode)}
    assert updated_statements(kg, earlier, subjects) == statements(kg, union=True)
    assert statements(kg, union=True) != earlier


def test_a_part_that_cannot_be_written_leaves_the_previous_state(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts are written in the background while the exports are made: when one
    cannot be, the build fails before it changes anything, and leaves no temporary file."""
    built = find_project(project)
    build(built)
    before = _state(project)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")

    def full_disk(path: Path, data: bytes) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(delta_module, "write_temp", full_disk)
    with pytest.raises(OSError):
        build(built)
    monkeypatch.undo()
    assert not in_change(built)
    assert _state(project) == before
    assert not list((project / ".heroes-kg" / "parts").glob(".*.tmp"))
    build(built)
    assert not in_change(built)
    assert any(b"Pedro" in line for line in _exports(project)["heroes.nt"].splitlines())


def _edit_alias(project: Path) -> None:
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")


def _matches_a_full_build(project: Path) -> None:
    full = copy_project(project.parent / "full")
    shutil.rmtree(full / "seeds")
    shutil.copytree(project / "seeds", full / "seeds")
    build(find_project(full), force=True)
    assert _state(project) == _state(full)


def test_an_incremental_build_works_on_a_checkpoint_of_the_store(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit is built on a copy of the persisted store changed by the difference (the
    graph is not loaded whole); --force loads it whole; the copy is gone afterwards."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    made: list[tuple[int, int, bool]] = []
    real = pipeline.checkpoint

    def spy(project: Any, names: Any, removed: list[ox.Quad], added: list[ox.Quad]
            ) -> ox.Store | None:
        store = real(project, names, removed, added)
        made.append((len(removed), len(added), store is not None))
        return store

    monkeypatch.setattr(pipeline, "checkpoint", spy)
    _edit_alias(project)
    build(built)
    assert made == [(0, 1, True)]
    assert not checkpoint_dir(built).exists()
    build(built, force=True)
    assert len(made) == 1
    _matches_a_full_build(project)


def test_the_checkpoint_takes_the_exact_difference(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A facts file renamed moves its lines: nothing is removed or added; a statement
    removed takes out its lines only."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    made: list[tuple[list[ox.Quad], list[ox.Quad]]] = []
    real = pipeline.checkpoint

    def spy(project: Any, names: Any, removed: list[ox.Quad], added: list[ox.Quad]
            ) -> ox.Store | None:
        made.append((removed, added))
        return real(project, names, removed, added)

    monkeypatch.setattr(pipeline, "checkpoint", spy)
    facts = project / "seeds" / "facts"
    (facts / "interviews.yaml").rename(facts / "interviews-2.yaml")
    build(built)
    assert made == [([], [])]
    interviews = facts / "interviews-2.yaml"
    text = interviews.read_text(encoding="utf-8")
    first = text.index("  - subject: comicbook-interview\n    property: organizer")
    end = text.index("  - subject:", first + 1)
    interviews.write_text(text[:first] + text[end:], encoding="utf-8")
    build(built)
    removed, added = made[-1]
    assert not added
    organizer = [q for q in removed if q.predicate.value == "https://schema.org/organizer"]
    assert [str(q.subject).rsplit("/", 1)[-1] for q in organizer] == ["comicbook-interview>"]
    _matches_a_full_build(project)


@pytest.mark.parametrize("stage", ["checkpoint", "_validate", "splice"])
def test_a_build_stopped_while_on_its_checkpoint_leaves_the_previous_state(
        project: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Stopped once its copy of the store is made and changed (and later, while that
    copy is its graph): nothing the user sees changed, and the copy is gone."""
    import heroes_kg.pipeline as pipeline

    built = find_project(project)
    build(built)
    before = _state(project)
    _edit_alias(project)
    real = pipeline.checkpoint

    def stop(*args: Any, **kwargs: Any) -> None:
        if stage == "checkpoint":
            real(*args, **kwargs)
        assert checkpoint_dir(built).is_dir()
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, stage, stop)
    with pytest.raises(KeyboardInterrupt):
        build(built)
    monkeypatch.undo()
    assert not in_change(built)
    assert _state(project) == before
    assert not checkpoint_dir(built).exists()
    build(built)
    _matches_a_full_build(project)


def test_a_checkpoint_left_by_a_killed_build_is_not_used(project: Path) -> None:
    """A kill leaves the build's copy of the store behind, changed half-way: the next
    build removes it and makes its own from the persisted store."""
    built = find_project(project)
    build(built)
    _edit_alias(project)
    ox.Store.read_only(str(project / ".heroes-kg" / "store")).backup(
        str(checkpoint_dir(built)))
    left = ox.Store(str(checkpoint_dir(built)))
    left.update("DELETE WHERE { GRAPH ?g { ?s <https://schema.org/name> ?o } }")
    del left
    build(built)
    assert not checkpoint_dir(built).exists()
    _matches_a_full_build(project)


_POOL = [f"https://example.org/s{i}" for i in range(6)]
_PROPS = ["https://example.org/p#knows", "https://schema.org/name",
          "https://example.org/q#knows", "https://example.org/p#age"]


@st.composite
def _subject_entries(draw: st.DrawFn, subjects: st.SearchStrategy[list[str]] | None = None
                     ) -> dict[str, Any]:
    value = st.one_of(
        st.tuples(st.just("long"), st.integers(-3, 3), st.just(False)),
        st.tuples(st.just("string"), st.sampled_from(["a", "b", "3"]), st.just(False)),
        st.tuples(st.just("boolean"), st.booleans(), st.just(False)),
        st.tuples(st.just("string"), st.sampled_from([*_POOL, "https://example.org/x"]),
                  st.just(True)))
    entries = {}
    for s in draw(subjects if subjects is not None
                  else st.lists(st.sampled_from(_POOL), unique=True)):
        types = draw(st.lists(st.sampled_from(["https://schema.org/Person",
                                               "https://schema.org/Organization"]),
                              max_size=2, unique=True))
        items = [(p, kind, v, iri) for p, (kind, v, iri) in draw(
            st.lists(st.tuples(st.sampled_from(_PROPS), value), max_size=4))]
        entries[s] = (True, types, draw(st.none() | st.sampled_from(["", "L"])), items)
    return entries


@given(before=_subject_entries(), data=st.data(), extra=st.sets(st.sampled_from(_POOL)))
@settings(max_examples=400, deadline=None, database=None, derandomize=True)
def test_property_graph_nodes_made_again_only_where_changed(
        before: dict[str, Any], data: st.DataObject, extra: set[str]) -> None:
    """The property graph's nodes made from the last build's (only the changed subjects'
    entries made again) are those made from every entry: also where a subject became or
    stopped being a node (the IRI values that point to it are attributes or edges) and
    where an attribute's kind or name changed for the whole graph."""
    import marshal

    from heroes_kg.outputs.formats import _earlier_state, _node_state

    # A few subjects edited, added or removed; the others as they were.
    edited = data.draw(st.lists(st.sampled_from(_POOL), unique=True, max_size=2))
    after = {s: e for s, e in before.items() if s not in edited}
    after.update(data.draw(_subject_entries(st.lists(st.sampled_from(edited), unique=True)
                                            if edited else st.just([]))))
    changed = {s for s in set(before) | set(after) if before.get(s) != after.get(s)} | extra
    earlier = _earlier_state(marshal.dumps(_node_state(before, None)))
    entries = dict(earlier["entries"])
    for s in changed:
        entries.pop(s, None)
        if s in after:
            entries[s] = after[s]
    # Made from the subjects that name an IRI read from the graph (a build), or found
    # among the entries (without a graph); either way patched from the kept counts.
    def referrers(iri: str) -> list[str]:
        return [s for s, entry in after.items() if any(v == iri for _p, _k, v, _i in entry[3])]

    made = _node_state(entries, earlier, changed, data.draw(st.sampled_from([None, referrers])))
    whole = _node_state(after, None)
    for key in ("nodes", "kinds", "names", "edges", "counts"):
        assert made[key] == whole[key]
    assert list(made["nodes"]) == list(whole["nodes"])
    assert [list(node[0]) for node in made["nodes"].values()] == [
        list(node[0]) for node in whole["nodes"].values()]


def test_property_graph_edges_made_again_only_where_changed(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The property graph's edges are the last build's except those whose statements were
    read again or whose qualifiers name a node that was renamed; the bytes are a full
    build's."""
    import heroes_kg.outputs.formats as formats

    built = find_project(project)
    build(built)
    made: list[set[tuple[str, str, str]] | None] = []
    real = formats._evidence

    def spy(kg: Any, pg: Any, records: Any = None, only: Any = None) -> Any:
        made.append(only)
        return real(kg, pg, records, only)

    monkeypatch.setattr(formats, "_evidence", spy)
    _edit_alias(project)  # no edge changes
    build(built)
    assert made == [set()]
    films = project / "seeds" / "facts" / "films.yaml"
    films.write_text(films.read_text(encoding="utf-8").replace(
        "    name: We Can Be Heroes\n", "    name: We Can Be Heroes!\n"), encoding="utf-8")
    build(built)
    again = made[-1]
    assert again is not None
    film = "https://w3id.org/heroes-kg/resource/we-can-be-heroes"
    with open_graph(built) as kg:
        qualified = {(r.subject.value, r.predicate, r.object.value)
                     for r in formats.statements(kg) if (("in", film) in r.qualifiers)}
    assert qualified and again == qualified
    _matches_a_full_build(project)


def test_a_damaged_or_foreign_property_graph_state_is_not_read() -> None:
    import marshal

    from heroes_kg.outputs.formats import _earlier_state, _node_state

    state = _node_state({_POOL[0]: (True, [], "L", [])}, None)
    data = marshal.dumps(state)
    assert _earlier_state(data)["nodes"] == state["nodes"]
    for bad in (marshal.dumps({**state, "version": "0"}), marshal.dumps([1, 2]),
                data[:len(data) // 2]):
        with pytest.raises((ValueError, EOFError, TypeError, KeyError)):
            _earlier_state(bad)


def _page_build(root: Path, full: Path) -> tuple[bytes, bytes, int]:
    """The page an incremental build of ``root`` writes, the page a full build of a copy
    of its seeds at ``full`` writes, and how many of the page's nodes and edges the
    incremental build took from the last build's texts."""
    report = build(find_project(root))
    copy_project(full)
    shutil.rmtree(full / "seeds")
    shutil.copytree(root / "seeds", full / "seeds")
    build(find_project(full), force=True)
    pages = ((root / "exports" / "heroes.html").read_bytes(),
             (full / "exports" / "heroes.html").read_bytes())
    shutil.rmtree(full)
    return (*pages, report.reused.get("heroes.html", (0, 0))[0])


@pytest.mark.parametrize("overview", [None, 8], ids=["page", "overview"])
def test_the_page_is_made_from_the_last_builds_texts(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      overview: int | None) -> None:
    """An incremental build makes again only the page's elements that an edit touches and
    gives the bytes of a full build: after a figure changed, after an entity that other
    edges' panels name (as the work a role is played in) was renamed, and after an article
    was added before the others (every other article's number shifts)."""
    if overview is not None:
        monkeypatch.setattr(page_module, "OVERVIEW", overview)
    root = copy_project(tmp_path / "project")
    seeds = Seeds(root)
    seeds.write()
    build(find_project(root))

    numbered = next(st for data in seeds.facts.values() for st in data.get("statements") or []
                    if isinstance(st.get("value"), int))
    numbered["value"] += 1
    seeds.write()
    now, full, figure = _page_build(root, tmp_path / "full")
    assert now == full
    assert figure > 100  # all but the node with the figure

    qualified = next(st for data in seeds.facts.values() for st in data.get("statements") or []
                     if st.get("in"))
    work = next(e for e in seeds.entities() if e["id"] == qualified["in"])
    work["name"] = "A Renamed Work"
    seeds.write()
    now, full, reused = _page_build(root, tmp_path / "full")
    assert now == full
    assert 0 < reused < figure

    # An article whose IRI sorts before the others': every quote's article number shifts.
    text = "Report.\nJo Rivera posts as @jo and met Robert Rodriguez.\n"
    seeds.articles["0aa"] = ({"id": "aaa-report", "file": "0aa.txt", "title": "Report"}, text)
    seeds.facts["z-report.yaml"] = {
        "entities": [{"id": "person-jo", "type": "Person", "name": "Jo Rivera"}],
        "statements": [{"subject": "person-jo", "property": "accountHandle", "value": "@jo",
                        "evidence": [{"article": "aaa-report", "quote": "posts as @jo"}]}]}
    seeds.write()
    now, full, reused = _page_build(root, tmp_path / "full")
    assert now == full
    assert reused >= figure  # the numbers shift, the texts stay


def test_a_damaged_or_foreign_page_state_is_not_read(built_parts: Path) -> None:
    """A page state of another version or shape makes the page afresh (one damaged on
    disk is not even read: its digest no longer matches, see the stateful test)."""
    import marshal

    from heroes_kg.outputs.page import EARLIER_PAGE, graph_page, page, view

    with open_graph(find_project(built_parts)) as kg:
        whole = page(view(kg))
        some = next(iter(kg.store.quads_for_pattern(None, None, None, kg.names.facts)))
        for data in (b"not marshalled", marshal.dumps({"version": "0"}),
                     marshal.dumps({"version": page_module._PAGE_VERSION, "pieces": []}),
                     marshal.dumps([1, 2])):
            kg.memo[EARLIER_PAGE] = (data, {some.subject.value}, set())
            assert graph_page(kg) == whole


def test_the_kept_page_state_names_the_base_once_and_shares_recurring_iris(
        built_parts: Path) -> None:
    """The page's kept texts name an IRI under the project's base by what follows it
    (hundreds of thousands of holes at a million triples), and an IRI that many edges
    reach is one string object, so that marshal writes and reads it once."""
    import marshal

    from heroes_kg.outputs.page import PAGE_STATE, graph_page

    with open_graph(find_project(built_parts)) as kg:
        graph_page(kg)
        state = marshal.loads(marshal.dumps(kg.memo[PAGE_STATE]))
        base = kg.names.base
    holes = [hole for texts in (state["nodes"], state["edges"]) for text in texts.values()
             for hole in text.split("\0")[1::2]]
    assert any(hole.startswith("i~resource/") for hole in holes)
    assert not any(base in hole for hole in holes)
    reached = [o for piece in state["pieces"].values() for _p, o in piece[4]]
    assert len({id(o) for o in reached}) == len(set(reached)) < len(reached)
    assert page_module._iri_ref(base)(base + "resource/x") == "~resource/x"
    assert page_module._iri_ref(base)("https://schema.org/name") == "https://schema.org/name"
    assert page_module._iri_ref("")(base + "resource/x") == base + "resource/x"
