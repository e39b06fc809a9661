"""The suggestion engine: its rules, its quotes, and its measured leave-one-out scores."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroes_kg.corpus.curation import Article, Entity, load_corpus
from heroes_kg.grow.suggest import leave_one_out, render, suggest
from heroes_kg.project import find_project

from .conftest import ROOT

KNOWN = [
    Entity("we-can-be-heroes", "Movie", "We Can Be Heroes"),
    Entity("robert-rodriguez", "Filmmaker", "Robert Rodriguez"),
    Entity("netflix", "StreamingService", "Netflix", ("@Netflix", "NetflixFilm")),
    Entity("twitter", "SocialMediaPlatform", "Twitter"),
]


def run(text: str, date: str | None = "2021-01-05",
        known: list[Entity] | None = None):  # type: ignore[no-untyped-def]
    article = Article("test-article", "Test", "test.txt", text, date=date)
    return suggest(article, KNOWN if known is None else known, min_confidence=0.0)


def keys(text: str, **kwargs: object) -> set[tuple[str, str, str]]:
    return {c.key() for c in run(text, **kwargs).statements}  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(find_project(ROOT))


# --------------------------------------------------------------------------- measured

#: Floors a little under what the rules reach on the seeds (benchmarks/suggest_loo.py),
#: scored like the evaluation set: entities aligned by name or content, quotes overlapping.
#: (0.61 / 0.92 and 0.35 / 0.95 since confidences are calibrated on unseen news, against
#: 0.70 / 0.86 and 0.51 / 0.90 before: the rules were written from these two articles;
#: 0.61 / 0.84 and 0.41 / 0.95 with the calibration fitted on rounds 2 to 26.)
FLOORS = {
    ("cast-celebrates", "sequel-confirmed"): (0.58, 0.81),
    ("sequel-confirmed", "cast-celebrates"): (0.31, 0.85),
}


@pytest.mark.parametrize("pair", sorted(FLOORS))
def test_leave_one_out_meets_its_floors(corpus, pair) -> None:  # type: ignore[no-untyped-def]
    score = leave_one_out(corpus, *pair)
    recall, precision = FLOORS[pair]
    assert score.recall >= recall, (score.recall, score.missed)
    assert score.precision >= precision, (score.precision, score.wrong)


def test_leave_one_out_overall(corpus) -> None:  # type: ignore[no-untyped-def]
    scores = [leave_one_out(corpus, a, b)
              for a, b in itertools.permutations(sorted(corpus.articles), 2)]
    found = sum(s.found for s in scores)
    assert found / sum(s.curated for s in scores) >= 0.47
    assert sum(s.correct for s in scores) / sum(s.candidates for s in scores) >= 0.8


def test_every_quote_is_verbatim_at_its_offset(corpus) -> None:  # type: ignore[no-untyped-def]
    for _source, target in itertools.permutations(sorted(corpus.articles), 2):
        article = corpus.articles[target]
        known = [corpus.entities[e] for e in sorted(corpus.entities)]
        for c in suggest(article, known[: len(known) // 2]).statements:
            assert c.quote and article.text[c.start:c.start + len(c.quote)] == c.quote
            assert 0 < c.confidence <= 1 and c.rule


def test_benchmark_script_prints_both_directions() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "suggest_loo.py")],
                         capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert "recall" in lines[0] and "precision" in lines[0]
    assert lines[1].split()[:2] == ["cast-celebrates", "sequel-confirmed"]
    assert lines[2].split()[:2] == ["sequel-confirmed", "cast-celebrates"]


# --------------------------------------------------------------------------- rules


def test_stars_as_and_cast_list() -> None:
    text = ("Christian Slater also stars in the movie as Tech-No, Adriana Barraza as Grandma "
            "Moreno, and Pedro Pascal as Missy's dad Marcus Moreno. We Can Be Heroes is "
            "out now.")
    # "Missy" alone is the one known character whose first name it is.
    result = run(text, known=[*KNOWN, Entity("missy-moreno", "FictionalCharacter",
                                             "Missy Moreno")])
    assert {c.key() for c in result.statements} >= {
        ("christian-slater", "plays", "tech-no"),
        ("adriana-barraza", "plays", "grandma-moreno"),
        ("pedro-pascal", "plays", "marcus-moreno"),
        ("marcus-moreno", "parentOf", "missy-moreno")}
    plays = next(c for c in result.statements if c.subject == "christian-slater")
    assert plays.qualifiers == {"in": "we-can-be-heroes"}
    assert plays.rule == "stars-as" and plays.quote == (
        "Christian Slater also stars in the movie as Tech-No")
    types = {e.id: e.type for e in result.entities}
    assert types["christian-slater"] == "Actor" and types["tech-no"] == "FictionalCharacter"


def test_replaced_as_and_reprised() -> None:
    text = ("We Can Be Heroes has Taylor Dooley, who reprised her role as Lavagirl, and JJ "
            "Dashnaw who replaced Taylor Lautner as Sharkboy.")
    result = run(text)
    replaced = next(c for c in result.statements if c.property == "replaced")
    assert (replaced.subject, replaced.object, replaced.qualifiers) == (
        "jj-dashnaw", "taylor-lautner", {"in": "we-can-be-heroes", "as": "sharkboy"})
    assert replaced.rule == "replaced-as"
    assert {c.key() for c in result.statements} >= {
        ("taylor-dooley", "reprisedRole", "lavagirl"), ("jj-dashnaw", "plays", "sharkboy")}
    assert ("taylor-lautner", "plays", "sharkboy") not in {c.key() for c in result.statements}


def test_parenthesis_either_order() -> None:
    known = [*KNOWN, Entity("missy-moreno", "FictionalCharacter", "Missy Moreno")]
    got = keys("In We Can Be Heroes, Whip-smart Missy Moreno (YaYa Gosselin) leads.",
               known=known)
    assert ("yaya-gosselin", "plays", "missy-moreno") in got
    got = keys("We Can Be Heroes stars Vivien Lyra Blair (Guppy).")
    assert ("vivien-lyra-blair", "plays", "guppy") in got


def test_director_writer_director_and_sequel() -> None:
    text = ('Netflix confirmed that a "We Can Be Heroes" sequel is in the works with Robert '
            'Rodriguez set to return as director and screenwriter. "And breaking news: a '
            'sequel is in development from writer-director Robert Rodriguez!"')
    got = keys(text)
    assert got >= {("we-can-be-heroes-sequel", "sequelOf", "we-can-be-heroes"),
                   ("we-can-be-heroes-sequel", "director", "robert-rodriguez"),
                   ("we-can-be-heroes-sequel", "screenwriter", "robert-rodriguez"),
                   ("we-can-be-heroes-sequel", "developmentStatus", "in development")}
    got = keys('The film "Machete" was directed by Robert Rodriguez.')
    assert ("machete", "director", "robert-rodriguez") in got


def test_directed_list_and_its_sequel() -> None:
    got = keys('Robert Rodriguez also directed other films including "Machete," "Sin City" and its '
               'sequel "Sin City: A Dame to Kill For."', known=[KNOWN[1]])
    assert got == {("machete", "director", "robert-rodriguez"),
                   ("sin-city", "director", "robert-rodriguez"),
                   ("sin-city-a-dame-to-kill-for", "director", "robert-rodriguez"),
                   ("sin-city-a-dame-to-kill-for", "sequelOf", "sin-city")}


@pytest.mark.parametrize("text, expected", [
    ("Netflix said in a Twitter post on Monday that We Can Be Heroes is a hit.", "2021-01-04"),
    ("Netflix said in a Twitter post on Tuesday that We Can Be Heroes is a hit.", "2020-12-29"),
])
def test_weekday_resolved_against_the_article_date(text: str, expected: str) -> None:
    # 2021-01-05 is a Tuesday: "on Tuesday" is the week before, not the day itself.
    result = run(text)
    date = next(c for c in result.statements if c.property == "datePublished")
    assert (date.subject, date.value, date.rule) == (
        "netflix-tweet", expected, "post-on-weekday")


def test_weekday_without_article_date_gives_nothing() -> None:
    assert not any(c.property == "datePublished" for c in run(
        "Netflix said in a Twitter post on Monday that it is a hit.", date=None).statements)


def test_tweet_embed_date_author_and_handle() -> None:
    text = ("And breaking news: a WE CAN BE HEROES sequel is in development! "
            "https://t.co/FIEhkoAUlD — NetflixFilm (@NetflixFilm) January 4, 2021")
    got = keys(text, known=[*KNOWN, Entity("we-can-be-heroes-x", "Movie",
                                           "WE CAN BE HEROES")])
    assert ("netflix-sequel-tweet", "datePublished", "2021-01-04") in got
    assert ("netflix-sequel-tweet", "author", "netflix") in got
    assert ("netflix", "accountHandle", "@netflixfilm") in got


def test_figures() -> None:
    text = ('As Netflix stated, 44 million households viewed the movie in the first 28 days '
            'of its release. According to Variety, "We Can Be Heroes" ranked first place on '
            'the Top 10 kids overall list on Netflix in 88 out of 93 countries between '
            'Dec.25 and Dec. 31.')
    result = run(text)
    values = {(c.subject, c.property): c.value for c in result.statements if c.value is not None}
    assert values[("we-can-be-heroes-viewership", "households")] == 44000000
    assert values[("we-can-be-heroes-viewership", "periodDays")] == 28
    ranking = "we-can-be-heroes-kids-ranking"
    assert values[(ranking, "countriesRanked")] == 88
    assert values[(ranking, "countriesTotal")] == 93
    assert values[(ranking, "rank")] == 1
    # December, in an article of January 2021: the year before.
    assert values[(ranking, "startDate")] == "2020-12-25"
    assert values[(ranking, "endDate")] == "2020-12-31"
    assert ("we-can-be-heroes-viewership", "reportedBy", "netflix") in {
        c.key() for c in result.statements}


def test_mentions_case_possessive_and_surname() -> None:
    text = ("Robert Rodriguez's film WE CAN BE HEROES is a hit. Later, Rodriguez thanked "
            "netflix.")
    mentions = run(text, known=KNOWN[:3]).mentions
    assert [(m.entity, m.text, m.rule) for m in mentions] == [
        ("robert-rodriguez", "Robert Rodriguez's", "known-name"),
        ("we-can-be-heroes", "WE CAN BE HEROES", "known-name"),
        ("robert-rodriguez", "Rodriguez", "surname-after-full-name"),
        ("netflix", "netflix", "known-name")]


def test_surname_alone_before_the_full_name_is_not_a_mention() -> None:
    mentions = run("Rodriguez spoke first. Then Robert Rodriguez left.",
                   known=KNOWN[1:2]).mentions
    assert [m.text for m in mentions] == ["Robert Rodriguez"]


def test_new_entity_candidates_have_a_proposed_type() -> None:
    result = run("We Can Be Heroes opened. Critics at Rotten Tomatoes praised Lena Ortiz, who "
                 "stars in it. They met in North Carolina for the Best Actress race.")
    proposed = {e.name: (e.type, e.rule) for e in result.entities}
    assert proposed["Lena Ortiz"] == ("Person", "capitalized-name")
    assert "We Can Be Heroes" not in proposed
    assert proposed["Rotten Tomatoes"] == ("NewsMediaOrganization", "capitalized-name")
    # Places and awards are not proposed.
    assert not {"North Carolina", "Best Actress"} & set(proposed)


def test_candidates_already_curated_are_left_out(corpus) -> None:  # type: ignore[no-untyped-def]
    article = corpus.articles["sequel-confirmed"]
    assert suggest(article, corpus.entities.values(), corpus.statements).statements == []


def test_rendered_file_is_marked_and_refused_by_the_loader(corpus) -> None:  # type: ignore[no-untyped-def]
    import yaml

    article = corpus.articles["cast-celebrates"]
    known = [e for e in corpus.entities.values() if e.type in ("Movie", "StreamingService")]
    text = render(suggest(article, known), article)
    data = yaml.safe_load(text)
    assert data["candidates"]["article"] == "cast-celebrates"
    assert data["statements"] and all({"confidence", "rule", "evidence"} <= set(s)
                                      for s in data["statements"])
    for item in data["statements"]:
        for ev in item["evidence"]:
            assert ev["quote"] in article.text


def test_suggest_module_imports_nothing_heavy() -> None:
    code = ("import sys, heroes_kg.grow.suggest, heroes_kg.grow.curate; "
            "heavy = {'rdflib', 'pyshacl', "
            "'pyoxigraph', 'networkx', 'pyvis', 'jinja2', 'spacy'}; "
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def _fragments() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8")
                     for p in sorted((ROOT / "seeds" / "articles").glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?,])\s+", text) if s]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_fragments()), st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)), max_size=12),
       st.sampled_from([None, "2021-01-05", "2020-02-29"]),
       st.integers(min_value=0, max_value=3))
def test_any_text_gives_verbatim_quotes_and_valid_ids(parts: list[str], date: str | None,
                                                       known: int) -> None:
    text = " ".join(parts) or "x"
    result = run(text, date=date, known=KNOWN[:known])
    ids = {e.id for e in result.entities} | {e.id for e in KNOWN}
    for c in result.statements:
        assert text[c.start:c.start + len(c.quote)] == c.quote
        assert c.subject in ids and (c.object is None or c.object in ids)
    for e in result.entities:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", e.id), e.id
    # The rendered file reads back with the same quotes, values and names.
    import yaml

    data = yaml.safe_load(render(result, Article("test-article", "T", "t.txt", text)))
    assert [s["evidence"][0]["quote"] for s in data["statements"]] == [
        c.quote for c in result.statements]
    assert [s.get("value") for s in data["statements"]] == [
        c.value for c in result.statements]
    assert [e["name"] for e in data["entities"]] == [e.name for e in result.entities]


def test_impossible_dates_are_skipped_not_fatal() -> None:
    result = run('"We Can Be Heroes" ranked first in 88 out of 93 countries between Dec. 25 '
                 'and Dec. 44. It premiered on February 30, 2021.')
    props = {c.property: c.value for c in result.statements if c.value is not None}
    assert props["startDate"] == "2020-12-25" and "endDate" not in props
    assert props["countriesRanked"] == 88
