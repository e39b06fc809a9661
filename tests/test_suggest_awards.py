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


def test_a_category_list_gives_each_winner_its_category_and_credit() -> None:
    text = ("Here is the full list of winners at 2023 BAFTA Film Awards.\n\n"
            "Best film: All Quiet on the Western Front\n\n"
            "Best director: Edward Berger, All Quiet on the Western Front\n\n"
            "Best adapted screenplay: Edward Berger, Ian Stokell and Leslie Patterson, "
            "All Quiet on the Western Front\n\n"
            "Best lead actress: Cate Blanchett, TÁR\n\n"
            "Best documentary: Navalny")
    got = facts(text)
    work = "all-quiet-on-the-western-front"
    assert (work, "awardReceived", "bafta-best-film") in got
    assert ("edward-berger", "awardReceived", "bafta-best-director") in got
    assert (work, "director", "edward-berger") in got
    assert ("leslie-patterson", "awardReceived", "bafta-best-adapted-screenplay") in got
    assert (work, "screenwriter", "ian-stokell") in got
    assert ("cate-blanchett", "awardReceived", "bafta-best-lead-actress") in got
    assert ("tar", "castMember", "cate-blanchett") in got
    assert ("navalny", "awardReceived", "bafta-best-documentary") in got
    # no director or cast credit from a category that is neither
    assert (work, "castMember", "edward-berger") not in got
    assert ("navalny", "director", "edward-berger") not in got


def test_a_category_on_its_own_line_with_its_winner_below() -> None:
    text = ("The 81st Annual Golden Globe Awards. The following is a complete list of "
            "winners:\n\nBest Director - Motion Picture\nChristopher Nolan - OPPENHEIMER\n\n"
            "Best Motion Picture - Animated\nThe Boy and the Heron\n\n"
            "Best Motion Picture – Non-English Language\nAnatomy of a Fall")
    got = facts(text)
    award = "golden-globe-best-director-motion-picture"
    assert ("christopher-nolan", "awardReceived", award) in got
    assert ("oppenheimer", "director", "christopher-nolan") in got
    assert ("the-boy-and-the-heron", "awardReceived",
            "golden-globe-best-motion-picture-animated") in got
    # a dash inside a category is no separator: "Non-English Language" won nothing
    assert not any(s == "non-english-language" for s, _p, _o in got)
    assert ("anatomy-of-a-fall", "awardReceived",
            "golden-globe-best-motion-picture-non-english-language") in got


def test_no_category_line_without_a_list_or_a_winner() -> None:
    # one line is no list; "best" in prose is no category; a list of films has no category
    got = facts("Best film: Navalny\n\nIt was the best film of the year, and the best "
                "director won.\n\nThe films are:\n\nNavalny\n\nAftersun\n\nTÁR")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)
    # a category heading with no winner line under it
    got = facts("Categories:\n\nBest Director\n\nBest Actress\n\nBest Film")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)


def test_a_category_won_in_prose() -> None:
    known = [Entity("tar", "Movie", "TÁR"), Entity("elvis", "Movie", "Elvis")]
    text = ("Everything Everywhere All at Once was largely snubbed at BAFTAs. Cate Blanchett "
            "won Best Actress BAFTA for TÁR while Austin Butler took home the Best Actor "
            "award for his performance in Elvis.")
    result = suggest(Article("a", "T", "a.txt", text, date="2023-02-20"), KNOWN + known,
                     min_confidence=0.0)
    got = {c.key() for c in result.statements}
    assert ("cate-blanchett", "awardReceived", "bafta-best-actress") in got
    assert ("austin-butler", "awardReceived", "bafta-best-actor") in got
    assert ("tar", "castMember", "cate-blanchett") in got
    assert ("elvis", "castMember", "austin-butler") in got
    names = {e.id: e.name for e in result.entities}
    assert names["bafta-best-actress"] == "Best Actress BAFTA"
    got = facts("Brian Cox and Jeremy Strong picked up Outstanding Lead Actor looks for "
                "Succession at the Emmys.")
    assert ("jeremy-strong", "nominatedFor", "emmy-outstanding-lead-actor") in got


def test_best_in_ordinary_prose_is_no_category() -> None:
    got = facts("Tom Hanks picked up the best person for this project. Jane Smith won the "
                "best film of the year, she says, and Jane Smith received the best reviews.")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)


def test_a_category_for_a_person_in_a_nominations_sentence() -> None:
    got = facts("Watchmen led all nominees with 26 nods, including Outstanding Limited "
                "Series/Movie, as well as a Lead Actress in a Limited Series nomination for "
                "Regina King, Lead Actor in a Limited Series for Jeremy Irons and Supporting "
                "Actress in a Limited Series for Jean Smart.")
    assert ("regina-king", "nominatedFor", "lead-actress-in-a-limited-series") in got
    assert ("jeremy-irons", "nominatedFor", "lead-actor-in-a-limited-series") in got
    assert ("jean-smart", "nominatedFor", "supporting-actress-in-a-limited-series") in got
    # no nominations in the sentence: no nomination read from "for"
    got = facts("The part of Lead Actor in a Limited Series for Jeremy Irons was written in "
                "2019.")
    assert not any(p == "nominatedFor" for _s, p, _o in got)


def test_the_prose_reads_a_work_the_category_list_names() -> None:
    # TÁR is named only by the list; the prose credit is read once the list has named it
    text = ("Cate Blanchett won Best Actress BAFTA for TÁR at the ceremony.\n\n"
            "Best lead actress: Cate Blanchett, TÁR\n\n"
            "Best documentary: Navalny")
    result = suggest(Article("a", "T", "a.txt", text, date="2023-02-20"), KNOWN,
                     min_confidence=0.0)
    quotes = {c.key(): [q for q, _a in c.quotes()] for c in result.statements}
    assert any(q.startswith("Cate Blanchett won Best Actress BAFTA for TÁR")
               for q in quotes[("tar", "castMember", "cate-blanchett")])


def test_a_prize_line_presented_to_people_for_a_work() -> None:
    text = ("The 2023 Sundance Film Festival awards are:\n\n"
            "The U.S. Grand Jury Prize: Documentary was presented to Joe Brewster and "
            "Michèle Stephenson for Going to Mars: The Nikki Giovanni Project / U.S.A. "
            "(Directors and Producers: Joe Brewster, Michèle Stephenson, Producer: Tommy "
            "Oliver) — Intimate vérité, archival footage.\n\n"
            "The World Cinema Grand Jury Prize: Dramatic was presented to Charlotte Regan "
            "for Scrapper / U.K. (Director and Screenwriter: Charlotte Regan) — Georgie is "
            "a dreamy 12-year-old girl.")
    got = facts(text)
    prize = "u-s-grand-jury-prize-documentary"
    assert ("going-to-mars-the-nikki-giovanni-project", "awardReceived", prize) in got
    assert ("joe-brewster", "awardReceived", prize) in got
    assert ("michele-stephenson", "awardReceived", prize) in got
    assert ("scrapper", "awardReceived", "world-cinema-grand-jury-prize-dramatic") in got
    assert ("charlotte-regan", "awardReceived",
            "world-cinema-grand-jury-prize-dramatic") in got


def test_a_prize_presented_to_no_person_or_for_no_title_is_no_prize_line() -> None:
    got = facts("The Special Jury Award was presented to the festival's volunteers for "
                "their work. The Audience Award went to Maya Hawke for her role in the "
                "film.")
    assert not any(p == "awardReceived" for _s, p, _o in got)


def test_a_nominees_list_marks_its_winner() -> None:
    text = ("Gotham Awards 2023 — The Complete Winners List!\n"
            "See the full list below!\n"
            "Best Feature\n“Passages”\n“Past Lives” WINNER\n“Reality”\n"
            "Outstanding Lead Performance\nAunjanue Ellis-Taylor, “Origin”\n"
            "Lily Gladstone, “The Unknown Country” WINNER\nGreta Lee, “Past Lives”\n"
            "Best Screenplay\n“All of Us Strangers,” Andrew Haigh\n"
            "“Anatomy of a Fall,” Justine Triet, Arthur Harari WINNER\n")
    got = facts(text)
    assert ("past-lives", "awardReceived", "best-feature") in got
    assert ("passages", "nominatedFor", "best-feature") in got
    assert ("passages", "awardReceived", "best-feature") not in got
    lead = "outstanding-lead-performance"
    assert ("lily-gladstone", "awardReceived", lead) in got
    assert ("aunjanue-ellis-taylor", "nominatedFor", lead) in got
    assert ("origin", "castMember", "aunjanue-ellis-taylor") in got
    assert ("origin", "nominatedFor", lead) not in got  # an acting nomination: the actor's
    assert ("anatomy-of-a-fall", "awardReceived", "best-screenplay") in got
    assert ("arthur-harari", "awardReceived", "best-screenplay") in got
    assert ("anatomy-of-a-fall", "screenwriter", "justine-triet") in got
    assert ("andrew-haigh", "nominatedFor", "best-screenplay") in got


def test_an_unmarked_nominees_list_after_nominations() -> None:
    text = ("The Oscar nominations are here.\n\nSee the full list of nominations:\n\n"
            "Best Picture\n\nThe Father\n\nMank\n\nMinari\n\n"
            "Best Actor\n\nRiz Ahmed, Sound of Metal\n\nGary Oldman, Mank")
    got = facts(text)
    # the Oscars' categories are named as Wikidata and the curators name them
    # ("Academy Award for Best Picture")
    assert ("mank", "nominatedFor", "academy-award-for-best-picture") in got
    assert ("the-father", "nominatedFor", "academy-award-for-best-picture") in got
    assert ("gary-oldman", "nominatedFor", "academy-award-for-best-actor") in got
    assert ("mank", "castMember", "gary-oldman") in got
    assert not any(p == "awardReceived" for _s, p, _o in got)
    # the category and its first nominee on one line
    got = facts("Here are the rest of the 2024 Emmy nominees:\n\nBest drama \"The Crown\"\n\n"
                "\"Fallout\"\n\n\"The Gilded Age\"")
    assert ("the-crown", "nominatedFor", "emmy-best-drama") in got
    assert ("fallout", "nominatedFor", "emmy-best-drama") in got


def test_no_nominees_list_without_a_heading_a_mark_or_nominations() -> None:
    # lines with no category heading over them
    got = facts("See the full list of nominations:\n\n“Passages”\n\n“Past Lives” WINNER\n\n"
                "“Reality”")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)
    # a heading with no nominee lines under it
    got = facts("The winners were named.\n\nBest Feature\n\nThe jury praised the films "
                "this year. It was a strong year for the festival.")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)
    # a winners list with no mark: which line won is not said
    got = facts("Here are the winners.\n\nBest Feature\n\n“Passages”\n\n“Reality”\n\n"
                "Best Screenplay\n\n“May December”\n\n“Priscilla”")
    assert not any(p in ("awardReceived", "nominatedFor") and o == "best-feature"
                   for _s, p, o in got)
    # "winner" in prose
    got = facts("Past Lives was the big winner of the night, beating Passages and Reality.")
    assert not any(p in ("awardReceived", "nominatedFor") for _s, p, _o in got)


def test_a_category_that_went_to_a_person() -> None:
    got = facts("The best actor award went to Vincent Lindon for The Measure Of A Man by "
                "Stephane Brizé, in which he plays a family man on the dole.")
    assert ("vincent-lindon", "awardReceived", "best-actor") in got
    assert ("the-measure-of-a-man", "castMember", "vincent-lindon") in got
    assert ("the-measure-of-a-man", "awardReceived", "best-actor") not in got
    got = facts("The best director award went to Chloe Zhao, who became the second female "
                "winner of the category in Globes history.")
    assert ("chloe-zhao", "awardReceived", "best-director") in got


def test_best_that_went_to_no_person_is_no_category() -> None:
    got = facts("The best seats went to the press for the premiere. Best Director went to "
                "the festival's jury for review.")
    assert not any(p == "awardReceived" for _s, p, _o in got)
