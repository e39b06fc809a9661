"""Build: the graph holds what the articles say, exports are current and reproducible,
and bad input changes nothing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from heroes_kg.pipeline import build, open_graph, standard_exports
from heroes_kg.project import find_project

from .conftest import ROOT

R = "https://w3id.org/heroes-kg/resource/"
PREFIXES = """PREFIX schema: <https://schema.org/> PREFIX heroes: <https://w3id.org/heroes-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX res: <https://w3id.org/heroes-kg/resource/>
"""


def ask(root: Path, query: str) -> bool:
    kg = open_graph(find_project(root), hold_lock=False)
    return bool(kg.store.query(PREFIXES + query, use_default_graph_as_union=True))


def select(root: Path, query: str) -> list[tuple[str, ...]]:
    kg = open_graph(find_project(root), hold_lock=False)
    return [tuple(t.value for t in row) for row in
            kg.store.query(PREFIXES + query, use_default_graph_as_union=True)]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_committed_exports_are_current(tmp_path: Path) -> None:
    """Every file in exports/ is byte for byte what a build of the seeds writes, and
    the build writes nothing else."""
    from .conftest import copy_project

    root = copy_project(tmp_path / "p")
    build(find_project(root), outdir=tmp_path / "out")
    fresh, committed = _files(tmp_path / "out"), _files(ROOT / "exports")
    assert sorted(committed) == sorted(fresh) == sorted(standard_exports)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"exports/ is stale ({', '.join(stale)}): run 'heroes-kg build' " \
        "and commit exports/"


def test_build_is_reproducible(project: Path, tmp_path: Path) -> None:
    """Two builds from scratch (fresh stores, so fresh blank node ids for the ontology)
    write the same bytes."""
    build(find_project(project), outdir=tmp_path / "a", force=True)
    build(find_project(project), outdir=tmp_path / "b", force=True)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_the_graph_holds_the_key_facts(built_project: Path) -> None:
    assert ask(built_project, "ASK { res:we-can-be-heroes-sequel schema:director "
                              "res:robert-rodriguez ; heroes:screenwriter res:robert-rodriguez ;"
                              " heroes:sequelOf res:we-can-be-heroes }")
    assert ask(built_project, "ASK { res:pedro-pascal heroes:plays res:marcus-moreno . "
                              "res:we-can-be-heroes schema:actor [ schema:actor res:pedro-pascal ;"
                              " schema:characterName 'Marcus Moreno' ] }")
    assert select(built_project, "SELECT ?d WHERE { ?post heroes:announces "
                                 "res:we-can-be-heroes-sequel ; schema:datePublished ?d }") == \
        [("2021-01-04",)]
    # JJ Dashnaw, not Taylor Lautner, plays Sharkboy in this film.
    sharkboy = select(built_project, "SELECT ?p WHERE { res:we-can-be-heroes schema:actor ?r . "
                                     "?r heroes:character res:sharkboy ; schema:actor ?p }")
    assert sharkboy == [(R + "jj-dashnaw",)]
    assert ask(built_project, "ASK { res:jj-dashnaw heroes:replacedPerformer "
                              "res:taylor-lautner }")
    assert ask(built_project, "ASK { ?f heroes:households 44000000 ; heroes:periodDays 28 ; "
                              "schema:about res:we-can-be-heroes }")
    assert ask(built_project, "ASK { ?r heroes:rank 1 ; heroes:countriesRanked 88 ; "
                              "heroes:countriesTotal 93 ; schema:startDate "
                              "'2020-12-25'^^<http://www.w3.org/2001/XMLSchema#date> ; "
                              "schema:endDate ?end }")
    assert ask(built_project, "ASK { ?f heroes:households 63000000 ; schema:about "
                              "res:bridgerton }")


def test_every_quote_is_at_its_recorded_offsets(built_project: Path) -> None:
    texts = {p.name: p.read_text(encoding="utf-8")
             for p in (built_project / "seeds" / "articles").glob("*.txt")}
    rows = select(built_project, """SELECT ?st ?file ?exact ?start ?end WHERE {
        ?st a rdf:Statement ; prov:wasDerivedFrom ?ev .
        ?ev oa:hasSource ?a ; oa:hasSelector ?q, ?pos .
        ?a heroes:fileName ?file . ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end }""")
    statements = select(built_project, "SELECT DISTINCT ?st WHERE { ?st a rdf:Statement }")
    assert {r[0] for r in rows} == {s[0] for s in statements}
    for _st, file, exact, start, end in rows:
        assert texts[file][int(start):int(end)] == exact


def test_turtle_export_reads_back_as_the_same_graph(built_project: Path) -> None:
    import rdflib
    from rdflib.compare import isomorphic

    exported = rdflib.Graph().parse(built_project / "exports" / "heroes.ttl")
    kg = open_graph(find_project(built_project), hold_lock=False)
    from_store = rdflib.Graph()
    from_store.parse(data=ox.serialize(kg.triples(), format=ox.RdfFormat.N_TRIPLES),
                     format="nt")
    assert len(exported) == len(from_store) > 2000
    assert isomorphic(exported, from_store)


def test_unchanged_seeds_are_not_rebuilt_and_edits_are(project: Path) -> None:
    first = build(find_project(project))
    assert not first.up_to_date
    assert build(find_project(project)).up_to_date
    facts = project / "seeds" / "facts" / "cast.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "name: Tech-No", "name: Tech-No!"), encoding="utf-8")
    again = build(find_project(project))
    assert not again.up_to_date
    assert ask(project, "ASK { res:tech-no <https://schema.org/name> 'Tech-No!' }")


def test_bad_input_fails_and_leaves_exports_alone(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("build", "--project", str(project)).exit_code == 0
    before = (project / "exports" / "heroes.ttl").read_bytes()
    facts = project / "seeds" / "facts" / "cast.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "subject: pedro-pascal\n", "subject: pedro-pascall\n"), encoding="utf-8")
    result = run("build", "--project", str(project))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "seeds/facts/cast.yaml:" in result.stderr
    assert "unknown entity id 'pedro-pascall' in 'subject'" in result.stderr
    assert (project / "exports" / "heroes.ttl").read_bytes() == before
    assert sorted(p.name for p in (project / "exports").iterdir()) == sorted(standard_exports)
    # The store writer had started (it takes the quads as they are made): stopped, and
    # neither its spool nor a half-written store is left behind.
    assert sorted(p.name for p in (project / ".heroes-kg").iterdir()
                  if p.name.startswith(("store", "spool"))) == ["store"]


def test_shape_violation_is_reported_at_the_statement(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    news = project / "seeds" / "facts" / "news.yaml"
    text = news.read_text(encoding="utf-8")
    news.write_text(text.replace("property: countriesRanked\n    value: 88",
                                 "property: countriesRanked\n    value: 95"), encoding="utf-8")
    result = run("validate", "--project", str(project))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "seeds/facts/news.yaml:" in result.stderr
    assert "countriesRanked" in result.stderr


def test_a_build_that_fails_validation_keeps_the_store_and_exports(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The new store is written while the graph is validated; a failed validation stops
    it, removes it, and leaves the previous store, state and exports as they were."""
    assert run("build", "--project", str(project)).exit_code == 0
    state = project / ".heroes-kg"
    before = {"exports": _files(project / "exports"),
              "state": (state / "state.json").read_bytes(),
              "store": sorted(p.name for p in (state / "store").iterdir())}
    news = project / "seeds" / "facts" / "news.yaml"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "property: countriesRanked\n    value: 88", "property: countriesRanked\n    value: 95"),
        encoding="utf-8")
    result = run("build", "--project", str(project))
    assert result.exit_code == 1 and "countriesRanked" in result.stderr
    assert _files(project / "exports") == before["exports"]
    assert (state / "state.json").read_bytes() == before["state"]
    assert sorted(p.name for p in (state / "store").iterdir()) == before["store"]
    assert sorted(p.name for p in state.iterdir()
                  if p.name.startswith(("store", "spool"))) == ["store"]


def test_build_only_writes_the_named_exports(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "some"
    result = run("build", "--project", str(project), "--out", str(out),
                 "--only", "heroes.ttl", "--only", "heroes.nq")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["heroes.nq", "heroes.ttl"]
    assert (out / "heroes.ttl").read_bytes() == (ROOT / "exports" / "heroes.ttl").read_bytes()
    # The store was built; a build without --only still writes every export.
    assert ask(project, "ASK { res:pedro-pascal heroes:plays res:marcus-moreno }")
    again = run("build", "--project", str(project), "--out", str(out))
    assert "Up to date" not in again.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(standard_exports)
    bad = run("build", "--project", str(project), "--only", "heroes.xlsx")
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    assert "unknown export 'heroes.xlsx'; the build writes heroes.ttl," in bad.stderr


def test_validate_writes_nothing(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--project", str(project))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Valid: 2 articles, ")
    assert not (project / "exports").exists()
    assert not (project / ".heroes-kg").exists()


def test_build_into_missing_folder_fails_cleanly(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("build", "--project", str(project), "--out", str(tmp_path / "no" / "such"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


@pytest.mark.parametrize("key, expected", [
    ("pedro-pascal", "Pedro Pascal"), ("PEDRO PASCAL", "Pedro Pascal"),
    ("rodriguez", "Robert Rodriguez"), ("@NetflixFilm", "Netflix")])
def test_show_finds_by_id_name_or_alias(built_project: Path, run, key: str,  # type: ignore[no-untyped-def]
                                        expected: str) -> None:
    result = run("show", key, "--project", str(built_project))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(expected + "  (")


def test_show_lists_facts_with_quotes(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = run("show", "Pedro Pascal", "--project", str(built_project)).stdout
    assert "plays: Marcus Moreno [in: We Can Be Heroes]" in out
    assert "“Pedro Pascal as Missy's dad Marcus Moreno”" in out
    assert "— sequel-confirmed, 2021-01-05, chars " in out


def test_show_unknown_entity_suggests(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "pedro", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no entity with id or name 'pedro'; did you mean "
                                    "'Pedro Pascal'")


def test_stats_counts_classes_and_properties(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = run("stats", "--project", str(built_project)).stdout
    lines = {line.split()[0]: int(line.split()[1]) for line in out.splitlines()
             if line.startswith("  ")}
    assert lines["heroes:Actor"] == 10
    assert lines["schema:PerformanceRole"] == 9
    assert lines["heroes:plays"] == 9


def test_no_project_is_a_clear_error(tmp_path: Path, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HEROES_KG_PROJECT", raising=False)
    result = run("stats")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no heroes-kg project here: no seeds/facts/")


@pytest.mark.parametrize("base, expected", [
    ("https://example.org/news", "must end with '/' or '#'"),
    ("https://example.org/my news/", "is not an absolute IRI"),
    ("example.org/news/", "is not an absolute IRI")])
def test_a_bad_base_iri_is_a_clear_error(project: Path, run, base: str,  # type: ignore[no-untyped-def]
                                         expected: str) -> None:
    result = run("build", "--project", str(project), "--base-iri", base)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: base IRI {base!r} ")
    assert expected in result.stderr
    assert not (project / ".heroes-kg" / "store").exists()


def test_an_export_in_pieces_is_compared_with_the_file_slice_by_slice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export whose pieces hold the file's bytes is not written again, however the
    pieces and the slices read from the file fall."""
    from heroes_kg import pipeline

    monkeypatch.setattr(pipeline, "_COMPARED", 3)
    path = tmp_path / "f"
    path.write_bytes(b"abcdefghij")
    same = pipeline._same_bytes
    assert same(path, [b"abcdefghij"])
    assert same(path, [b"ab", b"", b"cdefg", b"hij"])
    assert not same(path, [b"ab", b"cdefg", b"hiX"])
    assert not same(path, [b"abcdefghi"])
    assert not same(path, [b"abcdefghij", b"k"])
    assert not same(tmp_path / "missing", [b""])


def test_every_export_is_on_disk_before_anything_names_it(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The state and the exports' indexes know an export by its size and modification
    time (its bytes are read again only when those disagree), so each export, written
    without waiting for the disk, is synced before the new set is swapped in: a crash of
    the machine can then never leave a file named by the state whose bytes did not reach
    the disk. In a full build and in an incremental one."""
    import os

    from heroes_kg import pipeline

    events: list[tuple[str, str]] = []
    real_fsync, real_begin = os.fsync, pipeline.begin_change

    def fsync(fd: int) -> None:
        real_fsync(fd)
        events.append(("synced", os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))))

    def begin_change(p: object) -> None:
        events.append(("swapped", ""))
        real_begin(p)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(pipeline, "begin_change", begin_change)
    p = find_project(project)
    for force in (True, False):
        events.clear()
        if not force:
            path = sorted((project / "seeds" / "facts").glob("*.yaml"))[0]
            path.write_text(path.read_text(encoding="utf-8").replace(
                "Pedro Pascal", "Pedro  Pascal", 1), encoding="utf-8")
        build(p, force=force)
        before = {name for what, name in events[:events.index(("swapped", ""))]
                  if what == "synced"}
        assert set(standard_exports) <= before, (force, set(standard_exports) - before)


def test_an_export_changed_behind_its_size_and_time_is_trusted_until_force(
        project: Path) -> None:
    """What the syncs above guard against: an export whose bytes differ from those the
    build recorded while its size and modification time do not (a crash cannot leave one
    now; a hand edit that sets the time back can) is taken as the build left it, and
    ``--force`` writes it again."""
    import os

    p = find_project(project)
    build(p)
    target = project / "exports" / "heroes.nq"
    good = target.read_bytes()
    status = target.stat()
    target.write_bytes(bytes(len(good)))  # zeros, as unwritten blocks read
    os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert build(p).up_to_date
    assert target.read_bytes() == bytes(len(good))
    build(p, force=True)
    assert target.read_bytes() == good
