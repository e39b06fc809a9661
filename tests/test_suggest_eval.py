"""Suggest on real news it was not written from: the development sets of the
evaluation set must stay above their floors, and bad articles get a clear message, never a
traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from heroes_kg.corpus.curation import Article
from heroes_kg.grow.suggest import suggest

from .conftest import ROOT, benchmark

SETS = ROOT / "benchmarks" / "suggest_eval"

#: A little under what suggest reaches on each development set (docs/grow.md, Measured),
#: at the default floor, with confidences calibrated on the held-out halves as each was
#: scored once (``_calibrate``); a regression in any rule shows here. The gold files of
#: dev to dev-7 were written before the vocabulary had box-office terms; their box-office
#: takes were added later, from the articles alone (each set's README says how many).
#: The gold of the sets before dev-20 seldom records that a character played in a work
#: appears in it, which suggest drafts beside each role it is sure of and the later sets'
#: curators record (``plays-appears-in``): those drafts count as wrong there, so dev,
#: dev-2 and dev-5 have lower precision floors since.
FLOORS = {"dev": {"recall": 0.57, "precision": 0.90, "typed": 0.95, "noise": 0},
          "dev-2": {"recall": 0.56, "precision": 0.85, "typed": 0.96, "noise": 0},
          "dev-3": {"recall": 0.46, "precision": 0.87, "typed": 0.96, "noise": 0},
          # half of it tuned on, half (its nine last articles) only ever scored
          # (precision 0.87 since round 35: "Barry Jenkins’ upcoming limited series The
          # Underground Railroad", a possessive before a title read as its maker, drafted
          # at the floor now that the rule is right about seven times in ten over the sets)
          "dev-4": {"recall": 0.48, "precision": 0.87, "typed": 0.93, "noise": 0},
          # the same: tuned on its nine first articles, its nine last only scored
          "dev-5": {"recall": 0.42, "precision": 0.86, "typed": 0.96, "noise": 0},
          # tuned on its articles a… to m…, the rest only scored in totals
          "dev-6": {"recall": 0.28, "precision": 0.81, "typed": 0.93, "noise": 1},
          # scored once as a held-out half, then developed on: its rules not keyed on it
          "dev-7": {"recall": 0.42, "precision": 0.92, "typed": 0.92, "noise": 1},
          # the same, scored once as a held-out half before any rule was tuned on it
          "dev-8": {"recall": 0.41, "precision": 0.91, "typed": 0.94, "noise": 0},
          # the same (round 7's held-out half)
          "dev-9": {"recall": 0.27, "precision": 0.90, "typed": 0.86, "noise": 0},
          # the same (round 8's held-out half), tuned on in round 9 for rules that carry
          # over (work identity, bracket order, lists, dates, genres, speakers, seasons)
          # (precision 0.83 since round 35: "Jason Statham’s … thriller “Meg”", a
          # possessive before a title read as its director, drafted at the floor now
          # that the rule is right about seven times in ten over the sets)
          "dev-10": {"recall": 0.28, "precision": 0.83, "typed": 0.93, "noise": 0},
          # the same (round 9's held-out half), tuned on in round 10 for rules that carry
          # over (credits and titles, work binding in slates, cast lists, seasons,
          # box-office takes, words posted on a platform)
          "dev-11": {"recall": 0.39, "precision": 0.86, "typed": 0.91, "noise": 0},
          # the same (round 10's held-out half), tuned on in round 11 for rules that carry
          # over (bracket order, title boundaries, binding in round-ups, typing, noise,
          # box-office takes and their works, speakers, quoted phrases)
          # (precision 0.83 since round 35: the characters a bracket pairs with the actor
          # the article names elsewhere are drafted, and with them that each appears in
          # its work, which this set's gold, older than dev-23's convention, leaves out)
          "dev-12": {"recall": 0.25, "precision": 0.83, "typed": 0.92, "noise": 0},
          # the same (round 11's held-out half), tuned on in round 12 (main-work identity,
          # cast lists with earlier credits, typing of works, box-office approximations and
          # comparisons, figures in list lines, festival entries, speakers' titles)
          # (0.86 since the calibration refitted with round 32's half lowered two of its
          # rules' confidences: the same candidates in another order at the floor)
          "dev-13": {"recall": 0.34, "precision": 0.86, "typed": 0.97, "noise": 0},
          # the same (round 12's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 13 for two mechanisms: the work an article is about, and the
          # type of a new name (given names and common words from real lexicons) and noise
          "dev-14": {"recall": 0.25, "precision": 0.79, "typed": 0.95, "noise": 0},
          # the same (round 13's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 14 (which work a credit binds to, title boundaries, cast and
          # crew phrasings, quotations set out the British or web way, joint speakers,
          # rankings in so many countries)
          "dev-15": {"recall": 0.25, "precision": 0.75, "typed": 0.97, "noise": 1},
          # the same (round 14's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 15 (festival programme lines, titles in capitals, adaptations
          # and fronted cast bound to their work, quotations' publications, figures bound
          # to the title a chart sentence opens with)
          "dev-16": {"recall": 0.29, "precision": 0.81, "typed": 0.94, "noise": 0},
          # the same (round 15's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 16 (roles paired in a headline and bound to the titled work,
          # credits joined by "and", companies that produce, superseded release dates;
          # broadcast viewers as views, budgets and margins no takes, other shows' seasons)
          "dev-17": {"recall": 0.18, "precision": 0.81, "typed": 0.93, "noise": 1},
          # the same (round 16's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 17 for two mechanisms: which work is the article's own, and
          # what a bracket after a name holds
          "dev-18": {"recall": 0.22, "precision": 0.75, "typed": 0.93, "noise": 0},
          # the same (round 17's held-out half), scored once before any rule was tuned on it
          "dev-19": {"recall": 0.19, "precision": 0.71, "typed": 0.89, "noise": 2},
          # the same (round 18's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 19 for new entities' types (typed 0.80 -> 0.88) and figures
          # bound to the title their sentence opens with
          "dev-20": {"recall": 0.15, "precision": 0.68, "typed": 0.87, "noise": 0},
          # the same (round 19's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 20 for awards and festival line-ups
          "dev-21": {"recall": 0.19, "precision": 0.71, "typed": 0.89, "noise": 0},
          # the same (round 20's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 21 for award categories and where a work is shown; in round 22
          # for titles in line-up lines and chart entries, prize lines, cast lists; in round 23
          # an article about TV lends its kind to titles (typed 0.90 -> 0.96)
          "dev-22": {"recall": 0.16, "precision": 0.75, "typed": 0.94, "noise": 1},
          # the same (round 21's held-out half), scored once before any rule was tuned on it
          # its gold records the cast of "The cast for the first season of WESTWORLD" on
          # the series; suggest, as other sets' gold does, on the season the clause names
          "dev-23": {"recall": 0.15, "precision": 0.66, "typed": 0.92, "noise": 1},
          "dev-24": {"recall": 0.22, "precision": 0.80, "typed": 0.92, "noise": 0},
          # the same (round 23's held-out half), scored once before any rule was tuned on it
          "dev-25": {"recall": 0.18, "precision": 0.79, "typed": 0.91, "noise": 0},
          # the same (round 24's held-out half), scored once before any rule was tuned on it
          "dev-26": {"recall": 0.16, "precision": 0.70, "typed": 0.91, "noise": 0},
          # the same (round 25's held-out half), scored once before any rule was tuned on it
          "dev-27": {"recall": 0.13, "precision": 0.68, "typed": 0.87, "noise": 0},
          # the same (round 26's held-out half), scored once before any rule was tuned on it
          "dev-28": {"recall": 0.13, "precision": 0.65, "typed": 0.86, "noise": 1},
          # the same (round 27's held-out half), scored once before any rule was tuned on it
          "dev-29": {"recall": 0.12, "precision": 0.63, "typed": 0.94, "noise": 2},
          # the same (round 28's held-out half), scored once before any rule was tuned on it
          "dev-30": {"recall": 0.15, "precision": 0.69, "typed": 0.82, "noise": 0},
          # the same (round 29's held-out half), scored once before any rule was tuned on it
          "dev-31": {"recall": 0.15, "precision": 0.64, "typed": 0.91, "noise": 2},
          # the same (round 30's held-out half), scored once before any rule was tuned on it
          "dev-32": {"recall": 0.16, "precision": 0.62, "typed": 0.91, "noise": 1},
          # the same (round 31's held-out half), scored once before any rule was tuned on it
          "dev-33": {"recall": 0.17, "precision": 0.62, "typed": 0.88, "noise": 1},
          # the same (round 32's held-out half), scored once before any rule was tuned on it
          # (recall 0.17 since the calibration refitted with round 33's half)
          "dev-34": {"recall": 0.17, "precision": 0.63, "typed": 0.86, "noise": 0},
          # the same (round 33's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 34 for a weekday title, an author's possessive before a
          # title and nominee lists
          "dev-35": {"recall": 0.19, "precision": 0.71, "typed": 0.93, "noise": 0},
          # the same (round 34's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 35 for award lists under headings in capitals, cancellations
          # and seasons run, two credits in one subject
          "dev-36": {"recall": 0.22, "precision": 0.68, "typed": 0.95, "noise": 0},
          # the same (round 35's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 36 for numbered box-office charts, cast lists of "A as B"
          # pairs, a person's name read as a work, "Directed by" lines of an awards list
          "dev-37": {"recall": 0.22, "precision": 0.82, "typed": 0.93, "noise": 0},
          # the same (round 36's held-out half), scored once before any rule was tuned on it;
          # tuned on in round 37 for nominees listed unquoted, "won the award for …", a
          # given name that is also a service's
          "dev-38": {"recall": 0.14, "precision": 0.65, "typed": 0.94, "noise": 0}}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_development_sets_stay_above_their_floors(name: str) -> None:
    folder = SETS / name
    if not (folder / "gold").is_dir():
        pytest.skip(f"no {name} set here")
    bench = benchmark("suggest_eval")
    scores = bench.evaluate(folder, ROOT)
    assert len(scores) >= 8
    totals = bench.totals(scores)
    floors = FLOORS[name]
    assert totals["recall"] >= floors["recall"], totals
    assert totals["precision"] >= floors["precision"], totals
    assert totals["typed"] >= floors["typed"], totals
    assert totals["noise"] <= floors["noise"], [s.noise for s in scores]
    for s in scores:
        # Every candidate carries a confidence, a rule and a verbatim quote.
        assert s.candidates == 0 or s.correct <= s.candidates


def test_scoring_aligns_by_name_and_content_and_checks_the_quote() -> None:
    from heroes_kg.grow.suggest import GoldEntity, GoldFact, score

    text = 'The film "Tiny" was directed by Ana Ruiz. It drew 5 million views.'
    result = suggest(Article("a", "T", "a.txt", text), [])
    gold = {"tiny-film": GoldEntity("tiny-film", "Movie", ("Tiny",)),
            "ruiz": GoldEntity("ruiz", "Filmmaker", ("Ana Ruiz",)),
            "tiny-views": GoldEntity("tiny-views", "ViewershipFigure", ("Tiny views",))}
    where = text.index("directed by")
    facts = [GoldFact("tiny-film", "director", "ruiz", None, (), ((where, where + 20),)),
             GoldFact("tiny-views", "views", None, "5000000", (), ((0, len(text)),)),
             GoldFact("tiny-views", "about", "tiny-film", None, (), ((0, 5),))]
    s = score("a", text, gold, facts, result, {})
    assert (s.found, s.gold) == (2, 3)  # the 'about' quote is elsewhere in the gold
    assert s.typed == s.aligned_new == 2 and not s.noise


def test_a_makers_untitled_work_aligns_however_the_curator_words_it() -> None:
    from heroes_kg.grow.suggest import GoldEntity, GoldFact, score

    text = ("Rufus Sewell is set to join M. Night Shyamalan’s new secret movie. Marc Bienstock "
            "also serves as producer.")
    result = suggest(Article("a", "T", "a.txt", text), [], min_confidence=0.0)
    where = text.index("Marc")
    facts = [GoldFact("m-night-shyamalan-untitled-2021-film", "producer", "marc-bienstock", None,
                      (), ((where, len(text)),))]
    gold = {"m-night-shyamalan-untitled-2021-film": GoldEntity(
                "m-night-shyamalan-untitled-2021-film", "Movie",
                ("M. Night Shyamalan’s untitled film (2021)",)),
            "marc-bienstock": GoldEntity("marc-bienstock", "Filmmaker", ("Marc Bienstock",))}
    assert score("a", text, gold, facts, result, {}).found == 1
    # another maker's untitled film is another work
    other = {"jordan-peele-untitled-film": GoldEntity(
                 "jordan-peele-untitled-film", "Movie", ("Jordan Peele’s untitled film",)),
             "marc-bienstock": gold["marc-bienstock"]}
    facts = [GoldFact("jordan-peele-untitled-film", "producer", "marc-bienstock", None, (),
                      ((where, len(text)),))]
    assert score("a", text, other, facts, result, {}).found == 0


def test_a_season_named_only_as_an_object_aligns_by_its_id_or_name() -> None:
    from heroes_kg.grow.suggest import GoldEntity, GoldFact, score
    from heroes_kg.grow.suggest._model import Candidate, EntityCandidate, Suggestions

    text = "7. Money Heist part 4\n- Hours watched: 710,200,000"
    gold = {"money-heist": GoldEntity("money-heist", "TVSeries", ("Money Heist",)),
            "money-heist-part-4": GoldEntity("money-heist-part-4", "TVSeason",
                                             ("Money Heist part 4",)),
            "mh4-views": GoldEntity("mh4-views", "ViewershipFigure", ("views",))}
    facts = [GoldFact("mh4-views", "hoursViewed", None, "710200000", (), ((0, len(text)),)),
             GoldFact("mh4-views", "about", "money-heist-part-4", None, (), ((0, 21),)),
             GoldFact("money-heist-part-4", "partOfSeries", "money-heist", None, (),
                      ((3, 21),))]
    for season_id in ("money-heist-part-4", "mh-part-4"):
        result = Suggestions("a", entities=[
            EntityCandidate(season_id, "TVSeason", "Money Heist part 4", 0.5, "season"),
            EntityCandidate("money-heist-part-4-viewership", "ViewershipFigure", "views", 0.5,
                            "figure-list")], statements=[
            Candidate("money-heist-part-4-viewership", "hoursViewed", value=710200000,
                      quote=text, start=0, rule="figure-list"),
            Candidate("money-heist-part-4-viewership", "about", season_id, quote=text[:21],
                      start=0, rule="figure-list")])
        s = score("a", text, gold, facts, result, {})
        # the season has no fact of its own to align by, yet it is the gold season
        assert (s.found, s.correct) == (2, 2), s.wrong
    # a season of another name and id stays unaligned
    result.entities[0].name = "Money Heist part 5"
    result.statements[1].object = result.entities[0].id = "mh-part-5"
    assert score("a", text, gold, facts, result, {}).correct == 1


def test_among_helpers_sharing_as_many_facts_the_one_of_the_same_id_aligns() -> None:
    from heroes_kg.grow.suggest import GoldEntity, GoldFact, score
    from heroes_kg.grow.suggest._model import Candidate, EntityCandidate, Suggestions

    text = "the top shows were Narcos: Mexico season 3, Big Mouth season 5"
    gold = {"narcos-mexico": GoldEntity("narcos-mexico", "TVSeries", ("Narcos: Mexico",)),
            "narcos-mexico-season-3": GoldEntity("narcos-mexico-season-3", "TVSeason",
                                                 ("Narcos: Mexico season 3",)),
            "nm3-ranking": GoldEntity("nm3-ranking", "ChartRanking", ("ranking",))}
    span = ((0, len(text)),)
    facts = [GoldFact("narcos-mexico-season-3", "partOfSeries", "narcos-mexico", None, (),
                      span),
             GoldFact("narcos-mexico-season-3", "seasonNumber", None, "3", (), span),
             GoldFact("nm3-ranking", "about", "narcos-mexico-season-3", None, (), span),
             GoldFact("nm3-ranking", "rank", None, "1", (), span)]
    # a second season node, misnamed, shares as many facts and sorts first
    statements = [Candidate(season, prop, "narcos-mexico" if prop == "partOfSeries" else None,
                            3 if prop == "seasonNumber" else None, quote=text, start=0,
                            rule="r")
                  for season in ("big-mouth", "narcos-mexico-season-3")
                  for prop in ("partOfSeries", "seasonNumber")]
    statements += [Candidate("r1", "about", "narcos-mexico-season-3", quote=text, start=0,
                             rule="r"),
                   Candidate("r1", "rank", value=1, quote=text, start=0, rule="r")]
    result = Suggestions("a", entities=[
        EntityCandidate("big-mouth", "TVSeason", "Big Mouth", 0.5, "r"),
        EntityCandidate("narcos-mexico-season-3", "TVSeason", "Narcos: Mexico season 3", 0.5,
                        "r"),
        EntityCandidate("r1", "ChartRanking", "ranking", 0.5, "r")], statements=statements)
    s = score("a", text, gold, facts, result, {"narcos-mexico": ("TVSeries",
                                                                  ("Narcos: Mexico",))})
    assert s.found == 4, s.missed


# --------------------------------------------------------------------------- bad input


def _add(run, project: Path, path: Path, article_id: str):  # type: ignore[no-untyped-def]
    return run("add-article", str(path), "--id", article_id, "--project", str(project))


def _facts(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / "seeds" / "facts").iterdir()}


def test_binary_article_gets_a_clear_message(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "image.txt"
    source.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(128)) * 50)
    assert _add(run, project, source, "image").exit_code == 0
    before = _facts(project)
    result = run("suggest", "image", "--project", str(project))
    assert (result.exit_code, result.stderr) == (1, (
        "Error: article 'image' looks like binary data, not text (" +
        next(p.name for p in (project / "seeds" / "articles").glob("*.txt")
             if p.read_bytes() == source.read_bytes()) +
        "); add the article's text instead\n"))
    assert not (project / "candidates").exists() and _facts(project) == before


def test_ten_megabyte_article_gets_a_clear_message(project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "huge.txt"
    source.write_text("Pedro Pascal stars as Marcus Moreno in the film. " * 210_000,
                      encoding="utf-8")
    assert source.stat().st_size > 10_000_000
    assert _add(run, project, source, "huge").exit_code == 0
    before = _facts(project)
    result = run("suggest", "huge", "--project", str(project))
    assert result.exit_code == 1
    assert result.stderr == ("Error: article 'huge' is 10,290,000 characters long; suggest "
                             "reads articles up to 200,000: split it into several "
                             "articles\n")
    assert not (project / "candidates").exists() and _facts(project) == before


@pytest.mark.parametrize("data, message", [
    (b"", "is empty"), (b"  \n\n", "is empty"),
    ("Caf\u00e9".encode("latin-1"), "is not UTF-8 text (byte 0xe9 at offset 3)")])
def test_empty_or_non_utf8_article_is_refused(project: Path, run, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              data: bytes, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(data)
    result = _add(run, project, source, "bad")
    assert result.exit_code == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_text_without_sentences_gives_no_candidates() -> None:
    for text in ("", "   ", "\n\n\n", "!!!", "#1 @x https://t.co/x", "a" * 5000):
        result = suggest(Article("a", "T", "a.txt", text, date="2021-01-05"), [])
        assert result.statements == []


@pytest.mark.parametrize("name", sorted(p.name for p in SETS.iterdir() if (p / "gold").is_dir()))
def test_every_evaluation_article_is_real_and_every_gold_quote_is_in_it(name: str) -> None:
    """Every set, the held-out half included (checked, never scored here): each article has
    its address, publisher and date, its text is there, and every gold quote occurs in it
    verbatim."""
    import datetime

    import yaml

    folder = SETS / name
    metas = sorted((folder / "articles").glob("*.yaml"))
    assert len(metas) >= 10
    golds = {p.stem for p in (folder / "gold").glob("*.yaml")}
    assert golds == {p.stem for p in metas}
    for meta_path in metas:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        where = f"{name}/{meta_path.name}"
        assert str(meta["url"]).startswith(("http://", "https://")), where
        assert meta["publisher_name"].strip(), where
        assert isinstance(meta["date"], datetime.date), where
        text = (folder / "articles" / meta["file"]).read_text(encoding="utf-8")
        assert len(text) > 300, where
        gold_path = folder / "gold" / f"{meta_path.stem}.yaml"
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        assert gold["statements"], where
        for statement in gold["statements"]:
            for evidence in statement["evidence"]:
                assert evidence["quote"] in text, (where, evidence["quote"])
