"""Awards won and nominations: the award the person or work right beside it won or was
nominated for. Each test uses a phrasing from a real article."""

from __future__ import annotations

from heroes_kg.corpus.curation import Article, Entity
from heroes_kg.grow.suggest import suggest

KNOWN = [Entity("hbo", "Organization", "HBO")]


def facts(text: str, title: str = "T") -> set[tuple[str, str, str]]:
    result = suggest(Article("a", title, "a.txt", text, date="2021-07-26"), KNOWN,
                     min_confidence=0.0)
    return {c.key() for c in result.statements}


def test_an_award_epithet_before_a_person() -> None:
    got = facts("The film stars Oscar winner Viola Davis and Emmy-nominated writers Marti "
                "Noxon and Sarah Gertrude Shapiro are behind it.")
    assert ("viola-davis", "awardReceived", "academy-award") in got
    assert ("marti-noxon", "nominatedFor", "emmy-award") in got
    assert ("sarah-gertrude-shapiro", "nominatedFor", "emmy-award") in got


def test_an_award_epithet_before_a_work_is_the_work_s_not_a_person_s() -> None:
    got = facts("The story was told in the 2015 Oscar-winning film “Spotlight” by Tom "
                "McCarthy.")
    assert ("spotlight", "awardReceived", "academy-award") in got
    assert not any(p == "awardReceived" and s == "tom-mccarthy" for s, p, _o in got)
    got = facts("It is produced by Academy Award-winning director Steve McQueen.")
    assert ("steve-mcqueen", "awardReceived", "academy-award") in got


def test_a_win_or_a_nomination_named_by_its_verb() -> None:
    got = facts("Chloe Zhao, whose film “Nomadland” won the Golden Lion at last year’s "
                "festival, returns. Shiri Appleby was nominated for a Critics' Choice TV "
                "award last year for her work on the show.")
    assert ("nomadland", "awardReceived", "golden-lion") in got
    assert ("shiri-appleby", "nominatedFor", "critics-choice-tv-award") in got
    got = facts("The team includes costume designer Bina Daigeler, nominated for an Oscar "
                "for Mulan. Academy Award-winner Lupita Nyong’o stars.")
    assert ("bina-daigeler", "nominatedFor", "academy-award") in got
    assert ("lupita-nyong-o", "awardReceived", "academy-award") in got


def test_a_festival_or_a_category_heading_alone_is_no_award() -> None:
    got = facts("The film premiered at the Cannes Film Festival and the Venice Film "
                "Festival.\n\nBest Director\n\nThe ceremony airs on HBO.")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)


def test_a_winners_list_line_names_the_award_before_the_colon() -> None:
    text = ("Here are the list of winners from TIFF 2018.\n\n"
            "People's Choice Award: Green Book by Peter Farrelly\n\n"
            "Toronto Platform Prize: Cities of Last Things by Ho Wi Ding\n\n"
            "Midnight Madness: Halloween by David Gordon Green")
    got = facts(text)
    assert ("green-book", "awardReceived", "peoples-choice-award") in got
    assert ("green-book", "director", "peter-farrelly") in got
    assert ("cities-of-last-things", "awardReceived", "toronto-platform-prize") in got
    # a programme's name before the colon is no award
    assert not any(p == "awardReceived" and s == "halloween" for s, p, _o in got)
