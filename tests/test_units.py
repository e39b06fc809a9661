"""The per-file entries of the build state: an unchanged facts file is taken from its
entry, a file whose checks read an entity or article that changed is checked again, and
an entry that is damaged, truncated, foreign or missing is made again, never trusted;
``--force`` reads none."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from heroes_kg.corpus import curation
from heroes_kg.errors import CurationError
from heroes_kg.pipeline import build
from heroes_kg.project import find_project
from heroes_kg.rdf.store import read_state
from heroes_kg.rdf.units import Units

from .conftest import copy_project
from .test_incremental import _state

MARCUS = "  - id: marcus-moreno\n    type: FictionalCharacter\n    name: Marcus Moreno\n"


def _split_marcus(project: Path) -> Path:
    """Declare Marcus Moreno in a file of his own: the statements about him stay in
    cast.yaml, which then reads an entity of another file."""
    cast = project / "seeds" / "facts" / "cast.yaml"
    text = cast.read_text(encoding="utf-8")
    assert MARCUS in text
    cast.write_text(text.replace(MARCUS, ""), encoding="utf-8")
    people = project / "seeds" / "facts" / "people.yaml"
    people.write_text("entities:\n" + MARCUS, encoding="utf-8")
    return people


def _full(project: Path) -> Path:
    """A fresh copy of ``project``'s seeds, built with ``--force``."""
    full = copy_project(project.parent / "full")
    shutil.rmtree(full / "seeds")
    shutil.copytree(project / "seeds", full / "seeds")
    build(find_project(full), force=True)
    return full


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the facts files the next load parses (filled as it runs)."""
    names: list[str] = []
    real = curation._load_documents

    def spy(paths: list[Path], what: str, out: curation._Collector):  # type: ignore[no-untyped-def]
        if what == "facts file":
            names.extend(p.name for p in paths)
        return real(paths, what, out)

    monkeypatch.setattr(curation, "_load_documents", spy)
    return names


def test_only_the_changed_file_is_parsed_and_the_result_is_a_full_builds(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = find_project(project)
    build(built)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")
    parsed = _parsed(monkeypatch)
    messages: list[str] = []
    build(built, progress=messages.append)
    assert parsed == ["cast.yaml"]
    assert any(m.startswith("validating around ") for m in messages)
    assert _state(project) == _state(_full(project))


def test_a_name_changed_in_another_file_remakes_what_reads_it(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cast.yaml is unchanged, but its roles carry Marcus Moreno's name (the
    characterName of the PerformanceRole): it is checked and modelled again."""
    people = _split_marcus(project)
    built = find_project(project)
    build(built)
    before = read_state(built)["units"]["seeds/facts/cast.yaml"]
    people.write_text(people.read_text(encoding="utf-8").replace(
        "name: Marcus Moreno", "name: Marcus Moreno Sr"), encoding="utf-8")
    parsed = _parsed(monkeypatch)
    build(built)
    assert sorted(parsed) == ["cast.yaml", "people.yaml"]
    assert b'"Marcus Moreno Sr"' in (project / "exports" / "heroes.nt").read_bytes()
    # cast.yaml's bytes are unchanged, but its quads are not: the change is told by them.
    assert read_state(built)["units"]["seeds/facts/cast.yaml"] != before
    assert _state(project) == _state(_full(project))


def test_a_type_changed_in_another_file_fails_the_unchanged_file_that_reads_it(
        project: Path) -> None:
    people = _split_marcus(project)
    built = find_project(project)
    build(built)
    before = _state(project)
    people.write_text(people.read_text(encoding="utf-8").replace(
        "type: FictionalCharacter", "type: Person"), encoding="utf-8")
    with pytest.raises(CurationError) as incremental:
        build(built)
    full = copy_project(project.parent / "full")
    shutil.rmtree(full / "seeds")
    shutil.copytree(project / "seeds", full / "seeds")
    with pytest.raises(CurationError) as forced:
        build(find_project(full), force=True)
    assert incremental.value.lines() == forced.value.lines()
    assert "seeds/facts/cast.yaml" in incremental.value.lines()[0]
    assert _state(project) == before


def _flip(data: bytes) -> bytes:
    at = len(data) // 2
    return data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:]


DAMAGE = {
    "a byte of the checked result changed": lambda folder: [
        p.write_bytes(_flip(p.read_bytes())) for p in folder.glob("*.facts")],
    "a byte of the quads changed": lambda folder: [
        p.write_bytes(_flip(p.read_bytes())) for p in folder.glob("*.nq")],
    "truncated": lambda folder: [
        p.write_bytes(p.read_bytes()[:len(p.read_bytes()) // 3]) for p in folder.iterdir()],
    "empty": lambda folder: [p.write_bytes(b"") for p in folder.iterdir()],
    "the quads removed": lambda folder: [p.unlink() for p in folder.glob("*.nq")],
    "each entry holding another file's": lambda folder: _rotate(folder),
}


def _rotate(folder: Path) -> None:
    """Each file replaced by the next one of its kind (intact, but foreign)."""
    for kind in ("*.facts", "*.nq"):
        paths = sorted(folder.glob(kind))
        saved = [p.read_bytes() for p in paths]
        for path, data in zip(paths, saved[1:] + saved[:1]):
            path.write_bytes(data)


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_made_again_never_trusted(project: Path, damage: str) -> None:
    built = find_project(project)
    build(built)
    folder = project / ".heroes-kg" / "units"
    DAMAGE[damage](folder)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8").replace(
        "    aliases: [Pascal]\n", "    aliases: [Pascal, Pedro]\n"), encoding="utf-8")
    build(built)
    assert _state(project) == _state(_full(project))
    units = Units(built)
    for path in sorted((project / "seeds" / "facts").glob("*.yaml")):
        shown = path.relative_to(project).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert units.get(shown, digest) is not None, f"{shown} has no intact entry"
        assert units.lines(units.key(shown, digest)) is not None


FORGED = b'<urn:x-forged:s> <urn:x-forged:p> "forged" <https://w3id.org/heroes-kg/graph/facts> .\n'


def _forge(project: Path) -> None:
    """An entry made to look intact (its digests match) that holds one more quad."""
    built = find_project(project)
    units = Units(built)
    path = project / "seeds" / "facts" / "films.yaml"
    shown = path.relative_to(project).as_posix()
    file = units.get(shown, hashlib.sha256(path.read_bytes()).hexdigest())
    assert file is not None
    units.put(file, units.lines(units.key(file.path, file.digest)) + FORGED)  # type: ignore[operator]


def _has_forged(project: Path) -> bool:
    store = ox.Store.read_only(str(project / ".heroes-kg" / "store"))
    found = any(True for _ in store.quads_for_pattern(ox.NamedNode("urn:x-forged:s"),
                                                      None, None))
    del store
    return found


def test_force_reads_no_entry(project: Path) -> None:
    built = find_project(project)
    build(built)
    _forge(project)
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(built)
    assert _has_forged(project)  # the entry was used, as it looked intact
    build(built, force=True)
    assert not _has_forged(project)
    assert _state(project) == _state(_full(project))


def test_entries_no_build_uses_are_removed(project: Path) -> None:
    """After a build the folder holds the entries of the files it read and of its
    articles, nothing else: not those of a removed file, nor of earlier contents."""
    built = find_project(project)
    extra = project / "seeds" / "facts" / "zz-extra.yaml"
    extra.write_text("entities:\n  - id: mira-vale\n    type: Person\n    name: Mira Vale\n",
                     encoding="utf-8")
    build(built)
    folder = project / ".heroes-kg" / "units"
    files = sorted((project / "seeds" / "facts").glob("*.yaml"))
    assert len(list(folder.glob("*.facts"))) == len(files)
    extra.unlink()
    cast = project / "seeds" / "facts" / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(built)
    units = Units(built)
    expected = {units.key(p.relative_to(project).as_posix(),
                          hashlib.sha256(p.read_bytes()).hexdigest())
                for p in sorted((project / "seeds" / "facts").glob("*.yaml"))}
    assert {p.stem for p in folder.glob("*.facts")} == expected
    named = {units.lines(key) is not None and units._lines_digest[key] for key in expected}
    quads = {p.stem.removeprefix("quads-") for p in folder.glob("quads-*.nq")}
    assert named < quads and len(quads - named) == 1  # and the articles'
    assert len(list(folder.glob("*.mentions"))) == 1
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_lines_about_a_subject_hold_every_line_of_it(project: Path) -> None:
    """What tells whether a line removed from a changed file is still in another file:
    for every subject of the facts files' lines, the lines made again about it hold
    every such line with that subject."""
    from heroes_kg.rdf.model import file_lines, lines_about

    built = find_project(project)
    corpus = curation.load_corpus(built)
    base = built.base_iri
    by_subject: dict[str, set[str]] = {}
    for file in corpus.files:
        for line in file_lines(file, corpus, base):
            by_subject.setdefault(line.split(" ", 1)[0], set()).add(line)
    assert len(by_subject) > 100
    for subject, lines in by_subject.items():
        about = lines_about(corpus, base, {subject})
        assert about is not None and lines <= set(about), subject
    assert lines_about(corpus, base, {"_:b0"}) is None
    assert lines_about(corpus, base, {"<https://elsewhere.example/x>"}) is None
    assert lines_about(corpus, base, {f"<{base}resource/pedro-pascal>"}, limit=1) is None


def test_an_edit_reads_no_unchanged_files_lines(project: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit of one facts file that removes a line: the lines of the files taken as
    they were are not read back (the removed line is looked for among the lines made
    about its subject), and the result is a full build's."""
    built = find_project(project)
    build(built)
    before = read_state(built)["units"]
    cast = project / "seeds" / "facts" / "cast.yaml"
    text = cast.read_text(encoding="utf-8")
    assert "    aliases: [Pascal]\n" in text
    cast.write_text(text.replace("    aliases: [Pascal]\n", ""), encoding="utf-8")
    read: list[str] = []
    real = Units._quads

    def spy(self: Units, name: str) -> bytes | None:
        read.append(name)
        return real(self, name)

    monkeypatch.setattr(Units, "_quads", spy)
    messages: list[str] = []
    build(built, progress=messages.append)
    unchanged = {name for path, name in before.items()
                 if path.startswith("seeds/facts/") and path != "seeds/facts/cast.yaml"}
    assert unchanged and not unchanged & set(read)
    assert before["seeds/facts/cast.yaml"] in read  # the old lines of the changed file
    assert any(m.startswith("validating around ") for m in messages)
    assert _state(project) == _state(_full(project))
