"""The whole-graph check catches what no shape expresses (a provenance record of a fact
that is not asserted); a quote is checked once, by curation, and the graph holds the
offsets it found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from click.testing import Result

import heroes_kg
from heroes_kg.corpus.curation import load_corpus
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph
from heroes_kg.rdf.model import to_quads
from heroes_kg.rdf.read import statements
from heroes_kg.validate.graph import _whole_graph_checks
from heroes_kg.vocab import Names

from .conftest import ROOT


def _graph() -> tuple[KnowledgeGraph, object]:
    project = find_project(ROOT)
    corpus = load_corpus(project)
    store = ox.Store()
    store.bulk_extend(to_quads(corpus, project.base_iri))
    return KnowledgeGraph(store, Names(project.base_iri)), corpus


def test_the_seeds_pass() -> None:
    kg, corpus = _graph()
    assert _whole_graph_checks(kg, corpus) == []  # type: ignore[arg-type]


def test_a_wrong_occurrence_is_reported_once_with_file_and_line(
        project: Path, run: Callable[..., Result]) -> None:
    """A quote's offsets come from curation alone (it finds the quote in its article):
    an occurrence the article does not have is one problem, at the quote's line, and
    validation does not report it again."""
    cast = project / "seeds" / "facts" / "cast.yaml"
    text = cast.read_text(encoding="utf-8")
    old = "        quote: Vivien Lyra Blair (Guppy)\n"
    cast.write_text(text.replace(old, "        quote: Vivien Lyra Blair\n"
                                      "        occurrence: 3\n"), encoding="utf-8")
    line = text.splitlines().index(old.rstrip("\n")) + 1
    result = run("validate", "--project", str(project))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 1 problem in the curated input:",
        f"  seeds/facts/cast.yaml:{line}: occurrence 3 asked for, but the quote occurs "
        "2 time(s) in article 'cast-celebrates'"]


def test_a_quote_that_moved_in_its_article_gets_its_new_offsets(project: Path) -> None:
    article = project / "seeds" / "articles" / "000_637ea69fdffb901b.txt"
    before = _quotes(project)
    article.write_text("A new first line.\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    after = _quotes(project)
    moved = [(a, b) for a, b in zip(before, after) if a != b]
    assert moved and len(before) == len(after)
    assert all(b[1] == a[1] + len("A new first line.\n") for a, b in moved)


def _quotes(root: Path) -> list[tuple[str, int, str]]:
    """(article, start, quote) of each quote the graph of ``root`` holds, each checked
    against the article's text."""
    with heroes_kg.load(root) as kg:  # built, and rebuilt after an edit
        texts = {kg.names.article(a.id).value: a.text
                 for a in load_corpus(find_project(root)).articles.values()}
        found = [(e.article, e.start, e.exact) for st in statements(kg) for e in st.evidence]
    for article, start, exact in found:
        assert texts[article][start:start + len(exact)] == exact
    return sorted(found)


def test_an_unasserted_fact_is_caught() -> None:
    kg, corpus = _graph()
    names = kg.names
    fact = ox.Quad(names.resource("pedro-pascal"),
                   ox.NamedNode("https://w3id.org/heroes-kg/ontology#plays"),
                   names.resource("marcus-moreno"), names.facts)
    kg.store.remove(fact)
    [problem] = _whole_graph_checks(kg, corpus)  # type: ignore[arg-type]
    assert problem.path == "seeds/facts/cast.yaml"
    assert "the fact this provenance record describes is not in the graph" in problem.message
