"""Vocabulary for the business side of film and TV news: box-office figures, television
networks and what airs on them, cancellations, showrunners, episode and season counts and
awards. Each term builds and validates as a curator writes it, and a wrong value is refused with a
message that says what a right one looks like."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from heroes_kg.pipeline import build
from heroes_kg.project import find_project

BASE = "https://w3id.org/heroes-kg/"
SCHEMA = "https://schema.org/"
HEROES = "https://w3id.org/heroes-kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVIDENCE = "evidence: [{article: sequel-confirmed, quote: Netflix, occurrence: 1}]"

FACTS = f"""\
entities:
  - id: heroes-tv
    type: TVSeries
    name: Heroes TV
  - id: heroes-tv-season-2
    type: TVSeason
    name: Heroes TV season 2
  - id: hbo
    type: TelevisionNetwork
    name: HBO
  - id: heroes-opening-weekend
    type: BoxOfficeFigure
    name: We Can Be Heroes opening weekend
  - id: emmy
    type: Award
    name: Emmy
statements:
  - subject: heroes-tv
    property: airsOn
    object: hbo
    {EVIDENCE}
  - subject: heroes-tv
    property: cancelledBy
    object: hbo
    {EVIDENCE}
  - subject: heroes-tv
    property: showrunner
    object: robert-rodriguez
    evidence: [{{article: sequel-confirmed, quote: Robert Rodriguez, occurrence: 1}}]
  - subject: heroes-tv
    property: numberOfSeasons
    value: 2
    {EVIDENCE}
  - subject: heroes-tv-season-2
    property: partOfSeries
    object: heroes-tv
    {EVIDENCE}
  - subject: heroes-tv-season-2
    property: numberOfEpisodes
    value: 8
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: about
    object: we-can-be-heroes
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: gross
    value: 44500000
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: currency
    value: USD
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: startDate
    value: 2021-01-01
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: endDate
    value: 2021-01-03
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: periodDays
    value: 3
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: scope
    value: North America
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: rank
    value: 1
    {EVIDENCE}
  - subject: heroes-opening-weekend
    property: reportedBy
    object: netflix
    {EVIDENCE}
  - subject: heroes-tv
    property: awardReceived
    object: emmy
    {EVIDENCE}
  - subject: pedro-pascal
    property: nominatedFor
    object: emmy
    evidence: [{{article: sequel-confirmed, quote: Pedro Pascal}}]
"""


def _literal(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def _facts_of(store: ox.Store, entity: str) -> set[tuple[str, ox.NamedNode | ox.Literal]]:
    node = ox.NamedNode(BASE + "resource/" + entity)
    return {(str(q.predicate.value), q.object)  # type: ignore[misc]
            for q in store.quads_for_pattern(node, None, None)}


def test_business_terms_build_validate_and_carry_their_types(project: Path) -> None:
    (project / "seeds" / "facts" / "business.yaml").write_text(FACTS, encoding="utf-8")
    build(find_project(project), force=True)
    store = ox.Store()
    store.load(path=str(project / "exports" / "heroes.ttl"), format=ox.RdfFormat.TURTLE)
    hbo = ox.NamedNode(BASE + "resource/hbo")
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert {(HEROES + "airsOn", hbo), (HEROES + "cancelledBy", hbo),
            (HEROES + "showrunner", ox.NamedNode(BASE + "resource/robert-rodriguez")),
            (SCHEMA + "numberOfSeasons", _literal("2", "integer")),
            (HEROES + "awardReceived", ox.NamedNode(BASE + "resource/emmy"))} <= _facts_of(
                store, "heroes-tv")
    assert (HEROES + "nominatedFor", ox.NamedNode(BASE + "resource/emmy")) in _facts_of(
        store, "pedro-pascal")
    assert (rdf_type, ox.NamedNode(SCHEMA + "Intangible")) in _facts_of(store, "emmy")
    assert (SCHEMA + "numberOfEpisodes", _literal("8", "integer")) in _facts_of(
        store, "heroes-tv-season-2")
    # the schema.org class above each new class is materialised: no reasoner needed
    assert {(rdf_type, ox.NamedNode(HEROES + "TelevisionNetwork")),
            (rdf_type, ox.NamedNode(SCHEMA + "Organization"))} <= _facts_of(store, "hbo")
    assert {(rdf_type, ox.NamedNode(HEROES + "BoxOfficeFigure")),
            (rdf_type, ox.NamedNode(SCHEMA + "Intangible")),
            (HEROES + "gross", _literal("44500000", "integer")),
            (SCHEMA + "currency", _literal("USD", "string")),
            (SCHEMA + "startDate", _literal("2021-01-01", "date")),
            (HEROES + "periodDays", _literal("3", "integer")),
            (HEROES + "scope", _literal("North America", "string")),
            (HEROES + "rank", _literal("1", "integer")),
            (SCHEMA + "about", ox.NamedNode(BASE + "resource/we-can-be-heroes")),
            } <= _facts_of(store, "heroes-opening-weekend")


@pytest.mark.parametrize("old, new, message", [
    # refused by SHACL, with the shape's message at the statement's file:line
    ("value: USD\n", "value: $\n",
     "A box-office figure needs exactly one schema:currency, a three-letter ISO 4217 code"),
    ("property: currency\n    value: USD\n", "property: description\n    value: USD\n",
     "A box-office figure needs exactly one schema:currency"),
    ("  - subject: heroes-opening-weekend\n    property: about\n    object: we-can-be-heroes\n",
     "  - subject: heroes-opening-weekend\n    property: about\n    object: pedro-pascal\n",
     "A box-office figure must be about (schema:about) exactly one creative work"),
    # refused by the curation checks before any RDF is made
    ("property: airsOn\n    object: hbo\n", "property: airsOn\n    object: pedro-pascal\n",
     "'airsOn'"),
    ("property: cancelledBy\n    object: hbo\n",
     "property: cancelledBy\n    object: robert-rodriguez\n", "'cancelledBy'"),
    ("property: showrunner\n    object: robert-rodriguez\n",
     "property: showrunner\n    object: netflix\n", "'showrunner'"),
    ("  - subject: heroes-tv-season-2\n    property: numberOfEpisodes\n",
     "  - subject: we-can-be-heroes\n    property: numberOfEpisodes\n", "'numberOfEpisodes'"),
    ("value: 44500000\n", "value: 44.5 million\n", "'gross'"),
    ("property: awardReceived\n    object: emmy\n",
     "property: awardReceived\n    object: netflix\n",
     "'object' of 'awardReceived' must be an Award, but 'netflix' is a StreamingService"),
], ids=["currency-symbol", "currency-missing", "box-office-about-person", "airs-on-person",
        "cancelled-by-person", "showrunner-organization", "episodes-on-film",
        "gross-as-text", "award-is-organization"])
def test_a_wrong_business_fact_is_refused_with_a_message(
        project: Path, run, old: str, new: str, message: str) -> None:  # type: ignore[no-untyped-def]
    assert old in FACTS
    (project / "seeds" / "facts" / "business.yaml").write_text(FACTS.replace(old, new, 1),
                                                               encoding="utf-8")
    result = run("validate", "--project", str(project))
    assert result.exit_code == 1, result.output
    assert "seeds/facts/business.yaml:" in result.output
    assert message in result.output, result.output
    assert "Traceback" not in result.output


ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "benchmarks" / "suggest_eval"
#: The entities the guide's examples refer to without declaring them.
_GUIDE_ENTITIES = ["  - {id: the-wheel-of-time, type: TVSeries, name: The Wheel of Time}",
                   "  - {id: rafe-judkins, type: Filmmaker, name: Rafe Judkins}",
                   "  - {id: wednesday, type: TVSeries, name: Wednesday}",
                   "  - {id: the-nun-ii, type: Movie, name: The Nun II}"]


def test_the_guides_examples_validate_against_their_articles(
        tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    # the examples in docs/curation.md quote real evaluation articles: each quote is
    # found there and every statement passes validation
    guide = (ROOT / "docs" / "curation.md").read_text(encoding="utf-8")
    section = guide[guide.index("### Networks, cancellations"):guide.index("## Validation")]
    entities: list[str] = []
    statements: list[str] = []
    for block in re.findall(r"```yaml\n(.*?)```", section, re.S):
        into = statements
        for line in block.splitlines():
            if line in ("entities:", "statements:"):
                into = entities if line == "entities:" else statements
            else:
                into.append(line)
    project = tmp_path / "kg"
    assert run("init", str(project)).exit_code == 0
    articles = set(re.findall(r"article: ([\w-]+)", section))
    for article in sorted(articles):
        text = next(EVAL.glob(f"dev*/articles/{article}.txt"))
        date = re.search(r"^date: (\S+)", text.with_suffix(".yaml").read_text(
            encoding="utf-8"), re.M)
        assert date is not None
        added = run("add-article", str(text), "--id", article, "--date", date.group(1),
                    "--project", str(project))
        assert added.exit_code == 0, added.output
    (project / "seeds" / "facts" / "guide.yaml").write_text(
        "entities:\n" + "\n".join(entities + _GUIDE_ENTITIES) + "\nstatements:\n"
        + "\n".join(statements) + "\n", encoding="utf-8")
    result = run("validate", "--project", str(project))
    assert result.exit_code == 0, result.output
    assert f"{len(articles)} articles" in result.output
