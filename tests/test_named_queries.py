"""Each named query in queries/ answers its question with what the seeds say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import heroes_kg
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph, list_queries

from .conftest import ROOT

RES = "https://w3id.org/heroes-kg/resource/"
NAMESPACES = {"res:": RES, "schema:": "https://schema.org/",
              "heroes:": "https://w3id.org/heroes-kg/ontology#"}


def compact(value: Any) -> Any:
    if isinstance(value, str):
        for prefix, namespace in NAMESPACES.items():
            if value.startswith(namespace):
                return prefix + value[len(namespace):]
    return value


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def answer(kg: KnowledgeGraph, name: str, **bindings: str) -> list[tuple[Any, ...]]:
    result = kg.query(name, bindings)
    return [tuple(compact(row[v]) for v in result.variables) for row in result]


EXPECTED: dict[str, list[tuple[Any, ...]]] = {
    "sequel-director": [
        ("res:we-can-be-heroes-sequel", "res:robert-rodriguez", "Robert Rodriguez", "director"),
        ("res:we-can-be-heroes-sequel", "res:robert-rodriguez", "Robert Rodriguez",
         "screenwriter"),
    ],
    "cast": [
        ("res:adriana-barraza", "Adriana Barraza", "Grandma Moreno"),
        ("res:boyd-holbrook", "Boyd Holbrook", "Miracle Guy"),
        ("res:christian-slater", "Christian Slater", "Tech-No"),
        ("res:jj-dashnaw", "JJ Dashnaw", "Sharkboy"),
        ("res:pedro-pascal", "Pedro Pascal", "Marcus Moreno"),
        ("res:priyanka-chopra", "Priyanka Chopra",
         "leader of an organisation of super-powered people"),
        ("res:taylor-dooley", "Taylor Dooley", "Lavagirl"),
        ("res:vivien-lyra-blair", "Vivien Lyra Blair", "Guppy"),
        ("res:yaya-gosselin", "YaYa Gosselin", "Missy Moreno"),
    ],
    "roles-of": [
        ("res:adriana-barraza", "Grandma Moreno", "We Can Be Heroes", False),
        ("res:boyd-holbrook", "Miracle Guy", "We Can Be Heroes", False),
        ("res:christian-slater", "Tech-No", "We Can Be Heroes", False),
        ("res:jj-dashnaw", "Sharkboy", "We Can Be Heroes", False),
        ("res:pedro-pascal", "Marcus Moreno", "We Can Be Heroes", False),
        ("res:priyanka-chopra", "leader of an organisation of super-powered people",
         "We Can Be Heroes", False),
        ("res:taylor-dooley", "Lavagirl", "We Can Be Heroes", True),
        ("res:vivien-lyra-blair", "Guppy", "We Can Be Heroes", False),
        ("res:yaya-gosselin", "Missy Moreno", "We Can Be Heroes", False),
    ],
    "replacements": [
        ("JJ Dashnaw", "Taylor Lautner", "Sharkboy", "We Can Be Heroes"),
    ],
    "family": [
        ("Lavagirl", "Guppy"),
        ("Sharkboy", "Guppy"),
        ("Marcus Moreno", "Missy Moreno"),
    ],
    "timeline": [
        (2005, "release", "The Adventures of Sharkboy and Lavagirl"),
        (dt.date(2020, 12, 25), "premiere", "Premiere of We Can Be Heroes"),
        (dt.date(2020, 12, 25), "ranking period starts",
         "We Can Be Heroes #1 on Netflix's Top 10 kids list, Dec. 25-31, 2020"),
        (dt.date(2020, 12, 31), "ranking period ends",
         "We Can Be Heroes #1 on Netflix's Top 10 kids list, Dec. 25-31, 2020"),
        (dt.date(2021, 1, 4), "post", "NetflixFilm tweet announcing the sequel (2021-01-04)"),
        (dt.date(2021, 1, 4), "post",
         "Robert Rodriguez tweet confirming the sequel (2021-01-04)"),
        (dt.date(2021, 1, 5), "article",
         'Netflix confirms a "We Can Be Heroes" sequel from Robert Rodriguez'),
        (dt.date(2021, 1, 5), "post", "Priyanka Chopra tweet confirming the sequel (2021-01-05)"),
    ],
    "viewership": [
        ("Bridgerton", 63000000, 28, True, "Netflix"),
        ("We Can Be Heroes", 44000000, 28, True, "Netflix"),
    ],
    "rankings": [
        ("Top 10 for all films", None, None, None, "global", None, None, "Netflix", "Variety"),
        ("Top 10 kids overall list on Netflix", 1, 88, 93, None, dt.date(2020, 12, 25),
         dt.date(2020, 12, 31), "Netflix", "Variety"),
    ],
    "rodriguez-works": [
        ("res:alita-battle-angel", "Alita: Battle Angel", "director"),
        ("res:machete", "Machete", "director"),
        ("res:sin-city", "Sin City", "director"),
        ("res:sin-city-a-dame-to-kill-for", "Sin City: A Dame to Kill For", "director"),
        ("res:spy-kids", "Spy Kids", "creator"),
        ("res:sharkboy-and-lavagirl", "The Adventures of Sharkboy and Lavagirl", "creator"),
        ("res:we-can-be-heroes", "We Can Be Heroes", "director"),
        ("res:we-can-be-heroes-sequel", "We Can Be Heroes sequel", "director"),
        ("res:we-can-be-heroes-sequel", "We Can Be Heroes sequel", "screenwriter"),
    ],
    "sequel-news": [
        ("Netflix", "announced", dt.date(2021, 1, 4), "Twitter", "sequel-confirmed"),
        ("Netflix", "confirmed", dt.date(2021, 1, 4), "Twitter", "sequel-confirmed"),
        ("Robert Rodriguez", "confirmed", dt.date(2021, 1, 4), None, "sequel-confirmed"),
        ("Priyanka Chopra", "confirmed", dt.date(2021, 1, 5), "Twitter", "sequel-confirmed"),
    ],
    "shared-news": [
        ('Forbes article on the return of "We Can Be Heroes" to the top spot', "reported",
         "We Can Be Heroes returns to the #1 spot on Netflix", None),
        ("Netflix", "reported", "Bridgerton viewership, first four weeks", None),
        ("Netflix", "reported", "We Can Be Heroes viewership, first 28 days", None),
        ("Variety", "reported",
         "We Can Be Heroes #1 on Netflix's Top 10 kids list, Dec. 25-31, 2020", None),
        ("Variety", "reported", "We Can Be Heroes in Netflix's global Top 10 for all films",
         None),
        ("Pedro Pascal", "shared",
         "Priyanka Chopra Instagram story about the return to the #1 spot", "Instagram"),
        ("Robert Rodriguez", "shared",
         'Forbes article on the return of "We Can Be Heroes" to the top spot', "Twitter"),
    ],
    "facts-in-both-articles": [
        ("Lavagirl", "heroes:appearsIn", "The Adventures of Sharkboy and Lavagirl"),
        ("We Can Be Heroes sequel", "schema:director", "Robert Rodriguez"),
        ("We Can Be Heroes sequel", "heroes:sequelOf", "We Can Be Heroes"),
        ("YaYa Gosselin", "heroes:plays", "Missy Moreno"),
    ],
    "interview-quotes": [
        ("Vivien Lyra Blair", "The Adventures of Sharkboy and Lavagirl",
         "I watched the original movie. I think I've watched it three times now,",
         "ComicBook.com interview with Vivien Lyra Blair and YaYa Gosselin"),
        ("YaYa Gosselin", "We Can Be Heroes",
         "And so, I think it was really special that on Christmas day, this movie is gonna "
         "come out and I feel like it's giving kids some hope that like things are gonna be "
         "okay, and that you can be the leader without having to have these superpowers.",
         "ComicBook.com interview with Vivien Lyra Blair and YaYa Gosselin"),
        ("YaYa Gosselin", "We Can Be Heroes",
         "I think that in the time that we're in right now, it's hard for kids 'cause they "
         "can't go to school and see their friends, and they're like, 'This year sucks,'",
         "ComicBook.com interview with Vivien Lyra Blair and YaYa Gosselin"),
    ],
    "sequel-status": [
        ("Sin City: A Dame to Kill For", None, None, None, "Sin City"),
        ("We Can Be Heroes sequel", "in development", "Netflix", "Netflix", "We Can Be Heroes"),
    ],
    "leaders": [
        ("Missy Moreno", "group of superkids"),
        ("Ms. Granada", "secret government safe house"),
        ("leader of an organisation of super-powered people",
         "organisation of super-powered people"),
    ],
    "handles": [
        ("Netflix", "@NetflixFilm"),
        ("Priyanka Chopra", "@priyankachopra"),
        ("Robert Rodriguez", "@rodriguez"),
    ],
    "articles": [
        ("cast-celebrates", "We Can Be Heroes: Pedro Pascal, Robert Rodriguez, Priyanka "
         "Chopra, and More Celebrate Netflix Success", None, "ComicBook.com", 51),
        ("sequel-confirmed", 'Netflix confirms a "We Can Be Heroes" sequel from Robert '
         "Rodriguez", dt.date(2021, 1, 5), None, 77),
    ],
}

#: Queries whose answer is too long to spell out; each has its own test below.
CHECKED_BELOW = {"facts-about", "facts-in-one-article", "mentions", "cast-graph",
                 "neighbourhood", "article-supports"}


def test_there_are_at_least_15_named_queries_each_with_a_question() -> None:
    queries = list_queries(find_project(ROOT))
    assert len(queries) >= 15
    for named in queries:
        assert named.question.endswith("?") or "?" in named.question, named.name
        assert named.text.lstrip().startswith("#"), f"{named.name}.rq has no header comment"


def test_every_named_query_has_a_test() -> None:
    names = {q.name for q in list_queries(find_project(ROOT))}
    assert names == set(EXPECTED) | CHECKED_BELOW


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_answer(kg: KnowledgeGraph, name: str) -> None:
    assert answer(kg, name) == EXPECTED[name]


def test_roles_of_a_bound_person(kg: KnowledgeGraph) -> None:
    assert answer(kg, "roles-of", person="taylor-dooley") == [
        ("res:taylor-dooley", "Lavagirl", "We Can Be Heroes", True)]


def test_facts_about_an_entity_with_quote_and_source(kg: KnowledgeGraph) -> None:
    assert answer(kg, "facts-about", entity="pedro pascal") == [
        ("res:pedro-pascal", "object", "schema:author",
         "Pedro Pascal Instagram story sharing Priyanka Chopra's story",
         "which was then shared by Pedro Pascal", "cast-celebrates", 908),
        ("res:pedro-pascal", "subject", "heroes:plays", "Marcus Moreno",
         "Pedro Pascal as Missy's dad Marcus Moreno", "sequel-confirmed", 2756),
    ]


def test_facts_about_every_entity_covers_every_quote(kg: KnowledgeGraph) -> None:
    rows = kg.query("facts-about").rows
    # each of the 135 evidence quotes shows once from the fact's subject, and once more
    # from its object for the 98 whose object is an entity rather than a value
    assert kg.query("SELECT (COUNT(*) AS ?n) { ?st prov:wasDerivedFrom ?e }").rows == [
        {"n": 135}]
    assert sum(r["as"] == "subject" for r in rows) == 135
    assert sum(r["as"] == "object" for r in rows) == 98


def test_facts_in_one_article(kg: KnowledgeGraph) -> None:
    rows = answer(kg, "facts-in-one-article")
    assert len(rows) == 120
    assert sum(r[0] == "sequel-confirmed" for r in rows) == 73
    assert sum(r[0] == "cast-celebrates" for r in rows) == 47
    assert ("cast-celebrates", "Vivien Lyra Blair", "heroes:plays", "Guppy") in rows
    assert ("sequel-confirmed", "JJ Dashnaw", "heroes:replacedPerformer",
            "Taylor Lautner") in rows
    both = {r[1:] for r in EXPECTED["facts-in-both-articles"]}
    assert not both & {r[1:] for r in rows}


def test_mentions_per_article(kg: KnowledgeGraph) -> None:
    rows = answer(kg, "mentions")
    mentioned = {a: sorted(r[1][4:] for r in rows if r[0] == a)
                 for a in ("cast-celebrates", "sequel-confirmed")}
    assert mentioned["cast-celebrates"] == [
        "comicbook-com", "forbes", "guppy", "instagram", "lavagirl", "missy-moreno",
        "netflix", "pedro-pascal", "pieces-of-a-woman", "priyanka-chopra",
        "robert-rodriguez", "sharkboy", "sharkboy-and-lavagirl", "twitter",
        "vivien-lyra-blair", "we-can-be-heroes", "we-can-be-heroes-sequel", "yaya-gosselin"]
    assert len(mentioned["sequel-confirmed"]) == 34
    assert {"jj-dashnaw", "taylor-lautner", "variety", "shondaland", "spy-kids"} <= set(
        mentioned["sequel-confirmed"])
    assert ("cast-celebrates", "res:forbes", "Forbes", "NewsMediaOrganization") in rows


def test_roles_of_marks_a_reprise_only_in_its_own_work(project: Path) -> None:
    # Taylor Dooley reprised Lavagirl in "We Can Be Heroes"; playing her in the 2005 film
    # as well must not make that earlier role a reprise.
    with (project / "seeds" / "facts" / "cast.yaml").open("a", encoding="utf-8") as f:
        f.write("""\
  - subject: taylor-dooley
    property: plays
    object: lavagirl
    in: sharkboy-and-lavagirl
    evidence:
      - article: sequel-confirmed
        quote: Taylor Dooley, who reprised her role as Lavagirl
""")
    with heroes_kg.load(project) as kg:
        assert answer(kg, "roles-of", person="taylor-dooley") == [
            ("res:taylor-dooley", "Lavagirl", "The Adventures of Sharkboy and Lavagirl", False),
            ("res:taylor-dooley", "Lavagirl", "We Can Be Heroes", True),
        ]


def facts(kg: KnowledgeGraph, name: str, **bindings: str) -> set[tuple[str, str, str]]:
    result = kg.query(name, bindings)
    assert result.kind == "graph"
    return {(compact(t.subject.value), compact(t.predicate.value), compact(t.object.value))
            for t in result.triples}


def test_cast_graph_is_the_cast_as_triples(kg: KnowledgeGraph) -> None:
    triples = facts(kg, "cast-graph")
    plays = {(s, o) for s, p, o in triples if p == "heroes:plays"}
    assert {(person, character) for person, _, character in EXPECTED["cast"]} == {
        (s, kg.query("SELECT ?n { ?c schema:name ?n }", {"c": o}).rows[0]["n"])
        for s, o in plays}
    assert ("res:we-can-be-heroes", "schema:actor",
            "https://w3id.org/heroes-kg/role/we-can-be-heroes--pedro-pascal--marcus-moreno"
            ) in triples


def test_neighbourhood_of_an_entity(kg: KnowledgeGraph) -> None:
    assert facts(kg, "neighbourhood", entity="guppy") == {
        ("res:guppy", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         "heroes:FictionalCharacter"),
        ("res:guppy", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "schema:Thing"),
        ("res:guppy", "schema:name", "Guppy"),
        ("res:guppy", "http://www.w3.org/2000/01/rdf-schema#label", "Guppy"),
        ("res:sharkboy", "heroes:parentOf", "res:guppy"),
        ("res:lavagirl", "heroes:parentOf", "res:guppy"),
        ("res:vivien-lyra-blair", "heroes:plays", "res:guppy"),
        ("https://w3id.org/heroes-kg/role/we-can-be-heroes--vivien-lyra-blair--guppy",
         "heroes:character", "res:guppy"),
    }


def test_article_supports_only_its_own_facts(kg: KnowledgeGraph) -> None:
    one = facts(kg, "article-supports", article="article:cast-celebrates")
    other = facts(kg, "article-supports", article="article:sequel-confirmed")
    assert ("res:pedro-pascal", "heroes:plays", "res:marcus-moreno") in other - one
    # every fact (124 distinct triples) is supported by one article or the other
    assert len(one) == 51 and len(one | other) == len(facts(kg, "article-supports")) == 124
