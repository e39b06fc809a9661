"""Curation: every kind of mistake in seeds/ gets one line naming file:line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from heroes_kg.corpus.curation import load_corpus
from heroes_kg.errors import CurationError
from heroes_kg.project import find_project

CAST = "seeds/facts/cast.yaml"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str, nth: int = 1) -> int:
    hits = [n for n, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1)
            if needle in line]
    assert len(hits) >= nth, needle
    return hits[nth - 1]


def problems(root: Path) -> list[str]:
    with pytest.raises(CurationError) as info:
        load_corpus(find_project(root))
    return info.value.lines()


def test_seeds_load_with_every_quote_at_its_offsets() -> None:
    corpus = load_corpus(find_project(Path(__file__).parent.parent))
    assert set(corpus.articles) == {"sequel-confirmed", "cast-celebrates"}
    assert len(corpus.statements) > 100
    for st in corpus.statements:
        assert st.evidence, st.id
        for ev in st.evidence:
            assert corpus.articles[ev.article].text[ev.start:ev.end] == ev.quote


def test_articles_are_the_unchanged_seed_texts() -> None:
    root = Path(__file__).parent.parent
    shared = root.parent / "shared" / "seeds"
    corpus = load_corpus(find_project(root))
    for article in corpus.articles.values():
        data = (root / "seeds" / "articles" / article.file).read_bytes()
        assert article.text.encode("utf-8") == data
        if shared.is_dir():
            assert (shared / article.file).read_bytes() == data


CASES = [
    # (name, file, old, new, needle for the line, expected message fragment)
    ("yaml syntax", CAST, "    name: Pedro Pascal\n", "    name: [Pedro Pascal\n",
     None, "YAML syntax error"),
    ("unknown entity", CAST, "subject: pedro-pascal\n", "subject: pedro-pascall\n",
     "subject: pedro-pascall",
     "unknown entity id 'pedro-pascall' in 'subject' (did you mean 'pedro-pascal'?)"),
    ("unknown property", CAST, "property: parentOf\n", "property: parent_of\n",
     "property: parent_of", "unknown property 'parent_of' (did you mean 'parentOf'?)"),
    ("duplicate id", CAST, "  - id: jj-dashnaw\n", "  - id: taylor-dooley\n",
     ("  - id: taylor-dooley", 2),
     "duplicate entity id 'taylor-dooley' (first defined in seeds/facts/cast.yaml:"),
    ("missing evidence", CAST,
     "    in: we-can-be-heroes\n    evidence:\n      - article: cast-celebrates\n"
     "        quote: Vivien Lyra Blair (Guppy)\n", "    in: we-can-be-heroes\n",
     "subject: vivien-lyra-blair", "statement has no evidence; add 'evidence:'"),
    ("unknown article", CAST, "      - article: cast-celebrates\n        quote: Vivien",
     "      - article: cast-celebration\n        quote: Vivien", "article: cast-celebration",
     "evidence names unknown article 'cast-celebration' (did you mean 'cast-celebrates'?)"),
    ("quote not in article", CAST, "quote: Pedro Pascal as Missy's dad Marcus Moreno",
     "quote: Pedro Pascal plays Missy's father Marcus Moreno",
     "Pedro Pascal plays Missy's father",
     "quote not found in article 'sequel-confirmed' (000_637ea69fdffb901b.txt): \"Pedro "
     "Pascal plays Missy's father Marcus Moreno\"; closest passage: \"Pedro Pascal as"),
    ("typographic quote", "seeds/facts/news.yaml",
     "        quote: \"44 MILLION FAMILIES will have suited up for WE CAN BE HEROES in its first 4 weeks!! And… BREAKING NEWS: The Heroics are coming back for round two! I’m",
     "        quote: \"44 MILLION FAMILIES will have suited up for WE CAN BE HEROES in its first 4 weeks!! And… BREAKING NEWS: The Heroics are coming back for round two! I'm",
     "round two! I'm in full development",
     "(it differs only in quotation marks, dashes or spacing)"),
    ("malformed date", "seeds/facts/news.yaml", "value: 2021-01-04\n", "value: 2021-13-04\n",
     "value: 2021-13-04", "malformed date '2021-13-04' for 'datePublished': no such day"),
    ("malformed number", "seeds/facts/news.yaml", "value: 44000000\n",
     "value: 44 million\n", "value: 44 million",
     "malformed number '44 million' for 'households'; write digits only"),
    ("person where a date belongs", "seeds/facts/news.yaml",
     "    property: startDate\n    value: 2020-12-25\n",
     "    property: startDate\n    object: pedro-pascal\n", "object: pedro-pascal",
     "'startDate' takes a 'value' (a date YYYY-MM-DD or a month YYYY-MM or a year YYYY), not an 'object'"),
    ("wrong object type", CAST, "    object: missy-moreno\n    in: we-can-be-heroes\n",
     "    object: netflix\n    in: we-can-be-heroes\n", "object: netflix",
     "'object' of 'plays' must be a FictionalCharacter, but 'netflix' is a StreamingService"),
    ("wrong subject type", "seeds/facts/films.yaml",
     "  - subject: machete\n    property: director",
     "  - subject: lavagirl\n    property: director", "subject: lavagirl",
     "'director' does not apply to 'lavagirl', a FictionalCharacter"),
    ("article url not an IRI", "seeds/articles/000_637ea69fdffb901b.yaml",
     "date: 2021-01-05\n", "date: 2021-01-05\nurl: www.netflix.com/we can be heroes\n",
     "url: www", "url 'www.netflix.com/we can be heroes' is not an absolute IRI"),
    ("ambiguous quote", CAST, "quote: Vivien Lyra Blair (Guppy)",
     "quote: Vivien Lyra Blair", "quote: Vivien Lyra Blair",
     "quote occurs 2 times in article 'cast-celebrates'; lengthen it until it is unique"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_file_line_and_fix(project: Path, case: tuple) -> None:  # type: ignore[type-arg]
    _name, rel, old, new, needle, expected = case
    edit(project, rel, old, new)
    found = problems(project)
    assert len(found) == 1, found
    if needle is None:
        assert found[0].startswith(f"{rel}:")
    else:
        text, nth = needle if isinstance(needle, tuple) else (needle, 1)
        where = f"{rel}:{line_of(project, rel, text, nth)}: "
        assert found[0].startswith(where), (found[0], where)
    assert expected in found[0]


def test_empty_facts_file(project: Path) -> None:
    (project / "seeds/facts/empty.yaml").write_text("  \n", encoding="utf-8")
    assert problems(project) == ["seeds/facts/empty.yaml: facts file is empty"]


def test_non_utf8_facts_file(project: Path) -> None:
    (project / "seeds/facts/latin1.yaml").write_bytes(
        "entities:\n  - id: x\n    name: Beyonc\xe9\n".encode("latin-1"))
    assert problems(project) == [
        "seeds/facts/latin1.yaml:3: facts file is not UTF-8 text (byte 0xe9 at offset 36); "
        "save it as UTF-8"]


def test_non_utf8_article(project: Path) -> None:
    (project / "seeds/articles/001_08730e30741b5685.txt").write_bytes(b"caf\xe9\n")
    [message] = problems(project)
    assert message.startswith("seeds/articles/001_08730e30741b5685.txt:1: article text is "
                              "not UTF-8")


def test_article_without_metadata(project: Path) -> None:
    (project / "seeds/articles/002_new.txt").write_text("New text.", encoding="utf-8")
    assert problems(project) == [
        "seeds/articles/002_new.txt: article text has no metadata record; add 002_new.yaml "
        "with id, file and title"]


def test_top_level_list_is_rejected(project: Path) -> None:
    (project / "seeds/facts/list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert problems(project) == [
        "seeds/facts/list.yaml:1: facts file must be a YAML mapping (key: value lines), "
        "not a list"]


def test_python_tags_are_refused(project: Path) -> None:
    (project / "seeds/facts/evil.yaml").write_text(
        "entities: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("seeds/facts/evil.yaml:1: YAML syntax error:")
    assert "python/object/apply" in message


def test_all_problems_are_reported_at_once(project: Path) -> None:
    edit(project, CAST, "subject: pedro-pascal\n", "subject: pedro-pascall\n")
    edit(project, CAST, "property: parentOf\n", "property: parent_of\n")
    assert len(problems(project)) == 2


def test_mentions_find_names_and_aliases() -> None:
    corpus = load_corpus(find_project(Path(__file__).parent.parent))
    mentions = corpus.mentions()
    assert {"pedro-pascal", "robert-rodriguez", "we-can-be-heroes", "netflix"} <= \
        mentions["sequel-confirmed"]
    assert "vivien-lyra-blair" in mentions["cast-celebrates"]
    assert "vivien-lyra-blair" not in mentions["sequel-confirmed"]
    assert "christian-slater" not in mentions["cast-celebrates"]
