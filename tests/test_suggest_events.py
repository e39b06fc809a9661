"""Festivals and their line-ups: the festival as an event with its dates, the works it
shows and the premieres it holds. Each test uses a phrasing from a real festival article."""

from __future__ import annotations

from heroes_kg.corpus.curation import Article, Entity
from heroes_kg.grow.suggest import suggest

KNOWN = [Entity("hbo", "Organization", "HBO")]

LINEUP = ("The lineup for the 2023 Cannes Film Festival has been announced.\n\n"
          "Some films scheduled to premiere at the French event are Martin Scorsese’s "
          "“Killers of the Flower Moon” and the highly anticipated blockbuster, “Indiana Jones "
          "and the Dial of Destiny.” Johnny Depp stars in “Jeanne du Barry,” which will open "
          "the festival.\n\n"
          "Also on the list are Wes Anderson’s “Asteroid City,” and Todd Haynes’ “May "
          "December.”\n\n"
          "Last year “Triangle of Sadness,” took home the top prize.\n\n"
          "The 2023 Cannes Film Festival takes place May 16-27.")


def facts(text: str, title: str = "T", date: str = "2023-04-13") -> set[tuple[str, str, str]]:
    result = suggest(Article("a", title, "a.txt", text, date=date), KNOWN, min_confidence=0.0)
    return {c.key() for c in result.statements}


def test_a_festival_line_up_features_each_work_it_names_with_the_festival_dates() -> None:
    got = facts(LINEUP)
    festival = "2023-cannes-film-festival"
    for work in ("killers-of-the-flower-moon", "indiana-jones-and-the-dial-of-destiny",
                 "jeanne-du-barry", "asteroid-city"):
        assert (festival, "workFeatured", work) in got
    assert (festival, "startDate", "2023-05-16") in got
    assert (festival, "endDate", "2023-05-27") in got
    # A prize at an earlier edition is not this year's line-up.
    assert (festival, "workFeatured", "triangle-of-sadness") not in got
    # "scheduled to premiere at the French event": each of those works premieres there.
    assert ("killers-of-the-flower-moon-premiere", "workFeatured",
            "killers-of-the-flower-moon") in got


def test_a_title_named_as_a_person_s_earlier_credit_is_not_in_the_line_up() -> None:
    text = ("Plenty of familiar faces populate the first wave of features announced by "
            "festival brass on Wednesday.\n\n"
            "Documentaries include Cartel Land director Matthew Heineman’s protest film "
            "“City Of Ghosts”.")
    got = facts(text, title="Sundance 2017 unveils US, World competitions, NEXT selections",
                date="2016-11-30")
    assert ("sundance-2017", "workFeatured", "city-of-ghosts") in got
    assert ("sundance-2017", "workFeatured", "cartel-land") not in got


def test_no_festival_event_without_a_line_up() -> None:
    text = ("The film went on to win the Audience Award at the 2016 Hiroshima Film Festival. "
            "“Lost Rivers” is now streaming.")
    assert not any(p == "workFeatured" and s.endswith("festival")
                   for s, p, _o in facts(text))


def test_unquoted_titles_of_a_line_up_after_a_filmmaker_s_possessive_or_before_from() -> None:
    text = ("Plenty of familiar faces populate the first wave of features announced by "
            "festival brass on Wednesday.\n\n"
            "World Cinema entries includes Australian Cate Shortland’s Berlin Syndrome with "
            "Hacksaw Ridge’s Teresa Palmer, and Francis Lee’s UK entry, God’s Own Country.\n\n"
            "Documentaries from the US and world categories include Jiu-liang Wang’s Plastic "
            "China, and Last Men In Aleppo from Feras Fayyad and Steen Johannessen.")
    got = facts(text, title="Sundance 2017 unveils US, World competitions, NEXT selections",
                date="2016-11-30")
    for work in ("berlin-syndrome", "gods-own-country", "plastic-china", "last-men-in-aleppo"):
        assert ("sundance-2017", "workFeatured", work) in got
    assert ("sundance-2017", "workFeatured", "teresa-palmer") not in got
    # "Documentaries … include A and B": each listed work is a documentary.
    assert ("plastic-china", "genre", "documentary") in got
    assert ("last-men-in-aleppo", "genre", "documentary") in got


def test_a_title_read_too_long_across_an_earlier_credit_is_split_in_a_line_up() -> None:
    text = ("Plenty of familiar faces populate the first wave of features announced by "
            "festival brass on Wednesday.\n\n"
            "There is new work starring Chloë Sevigny (Golden Exits, from Sundance 2016 Joshy "
            "director Alex Ross Perry).\n\n"
            "Documentaries include Plastic China, Water & Power: A California Heist from Roman "
            "Polanski: Wanted And Desired director Marina Zenovich, and Lemon.")
    result = suggest(Article("a", "Sundance 2017 unveils US, World competitions, NEXT "
                             "selections", "a.txt", text, date="2016-11-30"), KNOWN,
                     min_confidence=0.0)
    names = {e.name for e in result.entities}
    assert {"Joshy", "Water & Power: A California Heist",
            "Roman Polanski: Wanted And Desired"} <= names
    got = {c.key() for c in result.statements}
    assert ("sundance-2017", "workFeatured", "water-power-a-california-heist") in got
    assert ("sundance-2017", "workFeatured", "roman-polanski-wanted-and-desired") not in got


def test_a_pictured_title_a_piped_title_and_a_synopsis_after_a_crew_clause() -> None:
    text = ("The 2019 Tribeca Film Festival (TFF) has revealed the complete feature film "
            "lineup for its 18th annual event.\n\n"
            "They are Woodstock: Three Days That Defined a Generation (pictured), which "
            "revisits the 1969 Woodstock music festival from the point of view of those who "
            "were on the ground, and Slay the Dragon, directed and produced alongside Chris "
            "Durrance, which takes an in-depth look at how gerrymandering has become a "
            "hot-button political topic.\n\n"
            "Antoine Fuqua will world premiere the HBO Sports documentary What’s My Name | "
            "Muhammad Ali.")
    got = facts(text, date="2019-03-05")
    festival = "2019-tribeca-film-festival"
    for work in ("woodstock-three-days-that-defined-a-generation", "slay-the-dragon",
                 "whats-my-name-muhammad-ali"):
        assert (festival, "workFeatured", work) in got
    assert ("slay-the-dragon", "description", "takes an in-depth look at how gerrymandering "
            "has become a hot-button political topic") in got
    # The synopsis stops where the next title's begins.
    assert ("woodstock-three-days-that-defined-a-generation", "description",
            "revisits the 1969 woodstock music festival from the point of view of those who "
            "were on the ground") in got


def test_a_star_in_a_line_up_film_names_the_film_but_not_a_year() -> None:
    text = ("Plenty of familiar faces populate the first wave of features announced by "
            "festival brass on Wednesday.\n\n"
            "NEXT boasts star wattage including Casey Affleck opposite Rooney Mara in A Ghost "
            "Story, and the late Anton Yelchin in Thoroughbred.\n\n"
            "It marks the director’s return to the festival after Blue Caprice in 2013.")
    got = facts(text, title="Sundance 2017 unveils US, World competitions, NEXT selections",
                date="2016-11-30")
    assert ("sundance-2017", "workFeatured", "a-ghost-story") in got
    assert ("sundance-2017", "workFeatured", "thoroughbred") in got
    assert not any(o == "2013" for _s, p, o in got if p == "workFeatured")


def test_a_line_up_pattern_does_not_cut_a_title_already_found() -> None:
    text = ("Netflix will world premiere five documentaries at the 2024 Sundance Film "
            "Festival.\n\n"
            "The lineup includes the documentary “The Greatest Night in Pop”, which chronicles "
            "the recording of a charity single.")
    got = facts(text, date="2023-12-06")
    assert ("2024-sundance-film-festival", "workFeatured", "the-greatest-night-in-pop") in got
    assert ("2024-sundance-film-festival", "workFeatured", "pop") not in got


def test_festival_dates_without_a_year_in_its_name_take_the_article_s_year() -> None:
    text = ("The Sundance Film Festival has unveiled its lineup of 82 features.\n\n"
            "The festival will be held Jan. 18-28 in Park City, Utah.")
    got = facts(text, date="2023-12-06")
    assert ("sundance-film-festival", "startDate", "2024-01-18") in got
    assert ("sundance-film-festival", "endDate", "2024-01-28") in got


def test_a_festival_section_named_like_a_title_is_no_work_featured() -> None:
    got = facts("The lineup for the 2024 Sundance Film Festival has been announced.\n\n"
                "UK filmmaker Rose Glass will present A24’s “Midnight” selection “Love Lies "
                "Bleeding” at the festival, where it will premiere.\n",
                date="2023-12-06")
    assert not any(o == "midnight" or s.startswith("midnight-premiere")
                   for s, p, o in got if p == "workFeatured")
    assert any(p == "workFeatured" and o == "love-lies-bleeding" for _s, p, o in got)


def test_only_the_clause_about_an_earlier_edition_is_left_out() -> None:
    got = facts("The Venice International Film Festival is more relevant than ever.\n\n"
                "Among the high-profile films debuting in competition for the prestigious "
                "Golden Lion Award, which last year went to Alfonso Cuarón's “Roma”, include: "
                "James Gray's space epic “Ad Astra”, starring Brad Pitt, and Noah Baumbach's "
                "divorce drama “Marriage Story”.\n", date="2019-08-28")
    featured = {o for s, p, o in got if p == "workFeatured"
                and s == "venice-international-film-festival"}
    assert {"ad-astra", "marriage-story"} <= featured
    assert "roma" not in featured


def test_a_festival_named_in_lowercase_after_its_name() -> None:
    got = facts("Doug Liman’s series “Captive” will see its world premiere at the DOC NYC "
                "film festival next month.\n\n"
                "DOC NYC will screen the episode “Cola Kidnap”.\n", date="2016-10-13")
    assert ("doc-nyc-film-festival", "workFeatured", "cola-kidnap") in got


def test_a_line_up_printed_one_film_a_line_with_its_director() -> None:
    text = ("The biggest event in the world of cinema, Cannes Film Festival 2025, is rapidly "
            "approaching. The grand event will take place from May 13 to 24 in the South of "
            "France.\n\nThe ventures listed in the Out of Competition section for this year's "
            "festival are:\n\n"
            "Leave One Day (Partir Un Jour) by Amélie Bonin\n\n"
            "Highest 2 Lowest by Spike Lee\n\n"
            "A Private Life (Vie Privée) by Rebecca Zlotowski\n")
    result = suggest(Article("a", "T", "a.txt", text, date="2025-05-12"), [],
                     min_confidence=0.0)
    got = {c.key() for c in result.statements}
    festival = "cannes-film-festival-2025"
    assert (festival, "startDate", "2025-05-13") in got
    assert (festival, "endDate", "2025-05-24") in got
    for work, director in (("leave-one-day", "amelie-bonin"), ("highest-2-lowest", "spike-lee"),
                           ("a-private-life", "rebecca-zlotowski")):
        assert (festival, "workFeatured", work) in got
        assert (work, "director", director) in got
    types = {e.id: e.type for e in result.entities}
    # "(Partir Un Jour)": the film's original title, not a character; the title no actor
    assert types["leave-one-day"] == "Movie"
    assert "partir-un-jour" not in types
    assert not any(p == "plays" for _s, p, _o in got)


def test_who_will_be_at_the_festival() -> None:
    text = ("Cannes Film Festival 2025 will take place from May 13 to 24. Its line-up includes "
            "seven films out of competition.\n\nTom Cruise will be present at the festival as "
            "his film will be screened on May 14. French actors Vincent Cassel, Léa Seydoux "
            "and Marion Cotillard will also be among those strolling along the red carpet.\n")
    got = {c.key() for c in suggest(Article("a", "T", "a.txt", text, date="2025-05-12"), [],
                                    min_confidence=0.0).statements}
    for person in ("tom-cruise", "vincent-cassel", "lea-seydoux", "marion-cotillard"):
        assert ("cannes-film-festival-2025", "attendee", person) in got


def test_a_work_that_premiered_at_a_festival_of_a_year_premiered_that_year() -> None:
    # HBO documentary premiere dates, 2019
    text = ("HBO has unveiled its documentary slate, with Alex Gibney’s The Inventor: Out "
            "For Blood In Silicon Valley among the films of its early 2019 lineup.\n\n"
            "Gibney’s The Inventor: Out For Blood In Silicon Valley (pictured), which world "
            "premiered at the 2019 Sundance Film Festival, explores the rise and fall of "
            "Elizabeth Holmes.\n")
    got = facts(text, date="2019-02-08")
    premiere = "the-inventor-out-for-blood-in-silicon-valley-premiere"
    assert (premiere, "startDate", "2019") in got
    assert ("2019-sundance-film-festival", "startDate", "2019") in got


def test_festival_days_written_day_first_or_right_after_its_name() -> None:
    # "The festival, which runs from 8th September to 18th September" (a UK site on TIFF),
    # "this year’s Venice Film Festival, September 2 through 12", "the Berlin International
    # Film Festival (15 – 25 February 2024)", "taking place January 19-29, 2023".
    text = ("Four of Netflix’s original documentaries will have their world premiere at the "
            "Toronto International Film Festival this year. The festival, which runs from 8th "
            "September to 18th September, has caught film fans’ attention.")
    got = facts(text, date="2016-08-10")
    assert ("toronto-international-film-festival", "startDate", "2016-09-08") in got
    assert ("toronto-international-film-festival", "endDate", "2016-09-18") in got
    text = ("The 2020 Venice Film Festival has announced its lineup. It’s gonna be a weird "
            "one, but here’s what’s screening at this year’s Venice Film Festival, September 2 "
            "through 12.")
    got = facts(text, date="2020-07-28")
    assert ("2020-venice-film-festival", "startDate", "2020-09-02") in got
    assert ("2020-venice-film-festival", "endDate", "2020-09-12") in got
    text = ("The selections of the 74th edition of the Berlin International Film Festival "
            "(15 – 25 February 2024) were announced.")
    got = facts(text, date="2024-01-22")
    assert ("berlin-international-film-festival", "startDate", "2024-02-15") in got
    assert ("berlin-international-film-festival", "endDate", "2024-02-25") in got


def test_a_range_of_numbers_after_from_is_no_festival_dates() -> None:
    # "from 2 to 5 films" names no month; a festival's "May 6" alone is no run of days.
    text = ("The 2023 Cannes Film Festival lineup has been announced. Studios sent from 2 to "
            "5 films each to the festival, which opens May 6.")
    got = facts(text)
    assert not any(p in ("startDate", "endDate") and s == "2023-cannes-film-festival"
                   and len(o) > 4 for s, p, o in got)  # the year its name gives is all


def test_line_up_lines_with_dir_or_a_comma_name_each_film_and_its_director() -> None:
    # The Cannes 2021 line-up ("Annette, dir: Leos Carax (opening night film)"), Venice
    # 2018's ("The Mountain (US) dir. Rick Alverson") and Venice 2020's ("In Between Dying,
    # Hilal Baydarov", one film a line).
    text = ("The Cannes Film Festival has unveiled its Official Selection lineup.\n"
            "COMPETITION\n"
            "Annette, dir: Leos Carax (opening night film)\n"
            "The Mountain (US) dir. Rick Alverson\n"
            "Venezia 77\n"
            "In Between Dying, Hilal Baydarov\n"
            "The World to Come, Mona Fastvold\n"
            "Pieces of a Woman, Kornel Mundruczo\n")
    got = facts(text, date="2021-06-03")
    assert ("annette", "director", "leos-carax") in got
    assert ("the-mountain", "director", "rick-alverson") in got
    assert ("in-between-dying", "director", "hilal-baydarov") in got
    assert ("the-world-to-come", "director", "mona-fastvold") in got
    assert ("cannes-film-festival", "workFeatured", "the-world-to-come") in got


def test_a_lone_name_comma_name_line_is_no_line_up_entry() -> None:
    # A cast line ("Ahsoka Tano, Rosario Dawson") or a post ("Thierry Frémaux, General
    # Delegate") is no film and its director unless three such lines run together.
    text = ("The Cannes Film Festival has unveiled its Official Selection lineup.\n"
            "Ahsoka Tano, Rosario Dawson\n"
            "Festival news follows.\n"
            "The Lost Daughter, Maggie Gyllenhaal\n")
    got = facts(text, date="2021-06-03")
    assert not any(p == "director" for _s, p, _o in got)


def test_line_up_lines_with_a_semicolon_or_full_stop_before_dir() -> None:
    # Venice 2023's line-up: "Poor Things; dir. Yorgos Lanthimos", "Snow Leopard. dir: Pema
    # Tseden", one film a line.
    text = ("The Venice Film Festival has unveiled its lineup.\n"
            "COMPETITION\n"
            "Poor Things; dir. Yorgos Lanthimos\n"
            "Society of the Snow; dir. J.A. Bayona\n"
            "Snow Leopard. dir: Pema Tseden\n"
            "Best Picture; dir. Jane Campion\n"
            "Roma (Mexico) dir. Alfonso Cuarón\n"
            "It opens next month. dir: Pema Tseden\n")
    got = facts(text, date="2023-07-25")
    assert ("poor-things", "director", "yorgos-lanthimos") in got
    assert ("snow-leopard", "director", "pema-tseden") in got
    assert ("roma", "director", "alfonso-cuaron") in got
    # a capitalised category and a sentence are no film; a city is ("ROMA (Mexico) dir.")
    assert not any(s in ("best-picture", "it-opens-next-month") for s, _p, _o in got)


def test_line_up_lines_of_two_word_titles_and_a_director_after_a_comma() -> None:
    # Venice 2020's competition, one film a line: "Nuevo Orden, Michel Franco", "Dear
    # Comrades, Andrei Konchalovsky"; but a run of characters and their actors ("Sabine
    # Wren, Natasha Liu Bordizzo") names no film.
    text = ("The 2020 Venice Film Festival has announced its lineup.\n"
            "Venezia 77\n"
            "Le Sorelle Macaluso, Emma Dante\n"
            "Nuevo Orden, Michel Franco\n"
            "Dear Comrades, Andrei Konchalovsky\n"
            "Lovers, Nicole Garcia\n"
            "Wife of a Spy, Kiyoshi Kurosawa\n"
            "The World to Come, Mona Fastvold\n"
            "The festival also hosts a Star Wars panel.\n"
            "Sabine Wren, Natasha Liu Bordizzo\n"
            "Hera Syndulla, Mary Elizabeth Winstead\n"
            "Ezra Bridger, Eman Esfandi\n")
    got = facts(text, date="2020-07-28")
    assert ("nuevo-orden", "director", "michel-franco") in got
    assert ("dear-comrades", "director", "andrei-konchalovsky") in got
    assert ("le-sorelle-macaluso", "director", "emma-dante") in got
    assert not any(s in ("sabine-wren", "ezra-bridger") and p == "director"
                   for s, p, _o in got)
