"""One test per suggest rule, on phrasings from real film and TV news."""

from __future__ import annotations

import pytest

from heroes_kg.curation import Article, Entity
from heroes_kg.suggest import suggest
from heroes_kg.suggest._text import resolve_date, sentences

import datetime as dt

KNOWN = [
    Entity("netflix", "StreamingService", "Netflix"),
    Entity("pedro-pascal", "Actor", "Pedro Pascal", ("Pascal",)),
    Entity("spy-kids", "MovieSeries", "Spy Kids"),
]


def run(text: str, date: str | None = "2020-05-06", known: list[Entity] | None = None):  # type: ignore[no-untyped-def]
    return suggest(Article("a", "T", "a.txt", text, date=date), KNOWN if known is None else known)


def facts(text: str, **kw: object) -> set[tuple[str, str, str]]:
    return {c.key() for c in run(text, **kw).statements}  # type: ignore[arg-type]


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in run(text).entities}


# --------------------------------------------------------------------------- text layer


def test_initials_do_not_end_a_sentence() -> None:
    text = "The film stars Michael B. Jordan. Rewrites came from T.S. Nowlin and J. J. Abrams."
    assert [s.text for s in sentences(text)] == [
        "The film stars Michael B. Jordan.",
        "Rewrites came from T.S. Nowlin and J. J. Abrams."]


@pytest.mark.parametrize("text, expected", [
    ("Tuesday", "2020-05-05"), ("April 12", "2020-04-12"), ("April 2024", "2024-04"),
    ("2002", "2002"), ("Sep 1, 2017", "2017-09-01"), ("February 30, 2021", None)])
def test_dates_resolved_against_the_article_date(text: str, expected: str | None) -> None:
    assert resolve_date(text, dt.date(2020, 5, 6)) == expected  # a Wednesday


# --------------------------------------------------------------------------- works


def test_unquoted_title_after_a_cue_word_with_colon_and_subtitle() -> None:
    result = run("Netflix released the action comedy Bad Boys: Ride or Die in June.")
    assert ("Bad Boys: Ride or Die", "Movie") in {(e.name, e.type) for e in result.entities}


def test_known_series_never_matches_inside_a_longer_title() -> None:
    text = 'The reboot "Spy Kids: Armageddon" arrives on Netflix.'
    result = run(text)
    assert "Spy Kids: Armageddon" in {e.name for e in result.entities}
    assert not any(m.entity == "spy-kids" and m.start == text.index("Spy Kids")
                   and ("spy-kids", "streamingOn", "netflix") in facts(text)
                   for m in result.mentions)


def test_quoted_sentence_or_phrase_is_not_a_title() -> None:
    names = set(types('"I think it was really special," she said of the "really big" day.'))
    assert not names


def test_year_in_apposition_and_title_with_year() -> None:
    got = facts("Bright, the 2017 fantasy thriller, was a hit. He starred in 2005's "
                "The Adventures of Sharkboy and Lavagirl.")
    assert ("bright", "datePublished", "2017") in got
    assert ("the-adventures-of-sharkboy-and-lavagirl", "datePublished", "2005") in got


def test_derived_and_numbered_sequels() -> None:
    got = facts("MGM is developing the sequel to Creed. Creed 2 will begin shooting next "
                "year. The CW’s reboot of The Lost Boys is picking up steam.")
    # "the sequel to Creed" is Creed 2, which the text names.
    assert ("creed-2", "sequelOf", "creed") in got
    assert ("creed-2", "developmentStatus", "in development") in got
    assert not any(s == "creed-sequel" for s, _p, _o in got)
    assert ("the-lost-boys-reboot", "basedOn", "the-lost-boys") in got


def test_section_headings_scope_the_paragraphs_below() -> None:
    text = ("Apple TV Plus has dates for its series.\n\nHome\n\nThe series is directed by "
            "Jane Roe.\n\nDefending Jacob\n\nThe series is directed by Morten Tyldum.\n")
    got = facts(text)
    assert ("home", "director", "jane-roe") in got
    assert ("defending-jacob", "director", "morten-tyldum") in got


# --------------------------------------------------------------------------- cast


@pytest.mark.parametrize("text, actor, character", [
    ("In Heroes, (L-R) Lena Ortiz as Captain Comet, Sam Reyes as Major Nova.", "sam-reyes",
     "major-nova"),
    ("In Heroes, Lena Ortiz (Spy Kids) as Captain Comet.", "lena-ortiz", "captain-comet"),
    ("In Heroes, Lena Ortiz portrays Captain Comet.", "lena-ortiz", "captain-comet"),
    ("In Heroes, Lena Ortiz plays the role of Captain Comet.", "lena-ortiz", "captain-comet"),
    ("In Heroes, Branden Cook would be playing Garrett.", "branden-cook", "garrett"),
])
def test_cast_phrasings(text: str, actor: str, character: str) -> None:
    result = run(text.replace("In Heroes", 'In the film "Heroes"'))
    plays = {(c.subject, c.object, c.qualifiers.get("in")) for c in result.statements
             if c.property == "plays"}
    assert (actor, character, "heroes") in plays
    assert "spy-kids" not in {c.object for c in result.statements}


def test_cast_membership_without_a_character() -> None:
    got = facts('The series "Defending Jacob" stars Chris Evans, Michelle Dockery and '
                "Cherry Jones.")
    assert {("defending-jacob", "castMember", p) for p in
            ("chris-evans", "michelle-dockery", "cherry-jones")} <= got


# --------------------------------------------------------------------------- crew


def test_crew_is_bound_to_the_work_its_clause_is_about() -> None:
    text = ('Netflix announced the film "Heroes". Its writer once made the short film '
            '"Tiny", which was co-written and directed by Ana Ruiz.')
    got = facts(text)
    assert ("tiny", "director", "ana-ruiz") in got and ("tiny", "screenwriter", "ana-ruiz") in got
    assert not any(s == "heroes" and o == "ana-ruiz" for s, _p, o in got)


def test_executive_producer_and_producer() -> None:
    got = facts('The series "Home" is executive produced by Joe Poulin and Matt Weaver. '
                'The film "Tiny" was produced by Paramount Television Studios.')
    assert ("home", "executiveProducer", "joe-poulin") in got
    assert ("home", "executiveProducer", "matt-weaver") in got
    # A company that produced a work is its production company.
    assert ("tiny", "productionCompany", "paramount-television-studios") in got
    assert types('The film "Tiny" was produced by Paramount Television Studios.')[
        "Paramount Television Studios"] == "ProductionCompany"


# --------------------------------------------------------------------------- entities


def test_new_entities_are_typed_and_never_noise() -> None:
    found = types("On Tuesday, Lena Ortiz spoke to Vanity Fair. She said Warner Bros. "
                  "Pictures and Hulu agreed. It's March. They're happy.")
    assert found.get("Lena Ortiz") == "Person"
    assert found.get("Vanity Fair") == "NewsMediaOrganization"
    assert found.get("Hulu") == "StreamingService"
    assert not {"Tuesday", "She", "It's", "March", "They're", "On Tuesday"} & set(found)


def test_a_different_first_name_before_a_known_surname_is_someone_else() -> None:
    result = run("Pedro Pascal met Jane Pascal. Later Pascal left.")
    assert [m.text for m in result.mentions if m.entity == "pedro-pascal"] == [
        "Pedro Pascal", "Pascal"]
    assert "Jane Pascal" in {e.name for e in result.entities}


# --------------------------------------------------------------------------- speech, posts


def test_quoted_speech_with_speaker_and_publication() -> None:
    text = ('“I never got specific viewership information,” Justin Lin told GQ. '
            '“It did well.”')
    result = run(text)
    got = {c.key() for c in result.statements}
    assert ("lin-quote-1", "spokenBy", "justin-lin") in got
    assert ("lin-quote-1", "reportedBy", "gq") in got
    assert ("lin-quote-1", "text", "i never got specific viewership information") in got
    assert ("lin-quote-2", "spokenBy", "justin-lin") in got


def test_posts_described_in_prose() -> None:
    got = facts('Pedro Pascal shared a photo on Instagram of the film "Heroes".')
    assert ("pascal-instagram-post", "author", "pedro-pascal") in got
    assert ("pascal-instagram-post", "platform", "instagram") in got


def test_embedded_instagram_post() -> None:
    text = ("Sylvester Stallone trains.\n\nGetting stronger !!! 2018 #Creed 2 A post shared "
            "by Sly Stallone (@officialslystallone) on Sep 1, 2017 at 3:28pm PDT")
    got = facts(text)
    assert ("stallone-instagram-post", "datePublished", "2017-09-01") in got
    assert ("stallone-instagram-post", "author", "sylvester-stallone") in got


# --------------------------------------------------------------------------- figures


def test_figures_with_their_period_and_a_new_figure_for_another_period() -> None:
    text = ('The film "Bright" racked up 60 million plays within its first month. '
            'It reached 11 million views in its first three days.')
    values = {(c.subject, c.property, c.value) for c in run(text).statements}
    assert ("bright-viewership", "views", 60_000_000) in values
    assert ("bright-viewership-2", "views", 11_000_000) in values
    assert ("bright-viewership-2", "periodDays", 3) in values
