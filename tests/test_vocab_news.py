"""Vocabulary for film and TV news beyond the seeds: seasons, producers, cast without a
named character, views and hours viewed, release months, quotations told to an outlet."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from heroes_kg.pipeline import build
from heroes_kg.project import find_project

ARTICLE = "sequel-confirmed"
FACTS = """\
entities:
  - id: heroes-tv
    type: TVSeries
    name: Heroes TV
  - id: heroes-tv-season-2
    type: TVSeason
    name: Heroes TV season 2
  - id: heroes-tv-views
    type: ViewershipFigure
    name: Heroes TV views
  - id: pascal-quote
    type: Quotation
    name: Pascal on the sequel
statements:
  - subject: heroes-tv
    property: executiveProducer
    object: robert-rodriguez
    evidence: [{article: sequel-confirmed, quote: Robert Rodriguez, occurrence: 1}]
  - subject: heroes-tv
    property: producer
    object: netflix
    evidence: [{article: sequel-confirmed, quote: Netflix, occurrence: 1}]
  - subject: heroes-tv-season-2
    property: partOfSeries
    object: heroes-tv
    evidence: [{article: sequel-confirmed, quote: Robert Rodriguez, occurrence: 1}]
  - subject: heroes-tv-season-2
    property: seasonNumber
    value: 2
    evidence: [{article: sequel-confirmed, quote: Robert Rodriguez, occurrence: 1}]
  - subject: heroes-tv-season-2
    property: castMember
    object: pedro-pascal
    evidence: [{article: sequel-confirmed, quote: Pedro Pascal}]
  - subject: heroes-tv-season-2
    property: datePublished
    value: 2021-01
    evidence: [{article: sequel-confirmed, quote: Robert Rodriguez, occurrence: 1}]
  - subject: heroes-tv-views
    property: views
    value: 44000000
    evidence: [{article: sequel-confirmed, quote: 44 million households, occurrence: 1}]
  - subject: heroes-tv-views
    property: hoursViewed
    value: 97000000
    evidence: [{article: sequel-confirmed, quote: 44 million households, occurrence: 1}]
  - subject: heroes-tv-views
    property: about
    object: heroes-tv-season-2
    evidence: [{article: sequel-confirmed, quote: 44 million households, occurrence: 1}]
  - subject: pascal-quote
    property: spokenBy
    object: pedro-pascal
    evidence: [{article: sequel-confirmed, quote: Pedro Pascal}]
  - subject: pascal-quote
    property: reportedBy
    object: netflix
    evidence: [{article: sequel-confirmed, quote: Netflix, occurrence: 1}]
"""


def test_new_terms_build_validate_and_carry_their_types(project: Path) -> None:
    (project / "seeds" / "facts" / "tv.yaml").write_text(FACTS, encoding="utf-8")
    build(find_project(project), force=True)
    base = "https://w3id.org/heroes-kg/"
    store = ox.Store()
    store.load(path=str(project / "exports" / "heroes.ttl"), format=ox.RdfFormat.TURTLE)
    season = ox.NamedNode(base + "resource/heroes-tv-season-2")
    objects = {(str(q.predicate.value), q.object)
               for q in store.quads_for_pattern(season, None, None)}
    assert ("https://schema.org/datePublished",
            ox.Literal("2021-01", datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#gYearMonth"))) in objects
    assert ("https://schema.org/seasonNumber",
            ox.Literal("2", datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer"))) in objects
    assert ("https://w3id.org/heroes-kg/ontology#castMember",
            ox.NamedNode(base + "resource/pedro-pascal")) in objects
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            ox.NamedNode("https://schema.org/TVSeason")) in objects


def test_a_month_that_does_not_exist_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    facts = FACTS.replace("value: 2021-01\n", "value: 2021-13\n")
    (project / "seeds" / "facts" / "tv.yaml").write_text(facts, encoding="utf-8")
    result = run("validate", "--project", str(project))
    assert result.exit_code == 1
    assert "seeds/facts/tv.yaml" in result.output
    assert "malformed date '2021-13' for 'datePublished'" in result.output
