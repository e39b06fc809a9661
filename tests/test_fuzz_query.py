"""Property-based: any SPARQL text and any --bind value gives an answer or heroes-kg's own
one-line error, never another exception."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import heroes_kg
from heroes_kg.errors import HeroesKGError
from heroes_kg.query import KnowledgeGraph

EXAMPLES = int(os.environ.get("HEROES_KG_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def _ask(kg: KnowledgeGraph, query: str, bindings: dict[str, str] | None = None) -> None:
    try:
        kg.query(query, bindings, timeout=10)
    except HeroesKGError as exc:
        for line in exc.lines():
            assert line and len(line) < 3000


TOKENS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o",
          "schema:name", "res:pedro-pascal", "a", ".", ";", ",", "FILTER", "(", ")",
          "OPTIONAL", "UNION", "LIMIT", "10", '"x"', "'y'@en", "<http://e/x>", "*", "INSERT",
          "DATA", "DELETE", "LOAD", "CLEAR", "GRAPH", "PREFIX", "ex:", "BIND", "AS", "COUNT",
          "GROUP BY", "ORDER BY", "VALUES", "SERVICE", "#", "\n", "\\", '"""', "^^xsd:date"]


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join))
def test_token_soup(kg: KnowledgeGraph, query: str) -> None:
    _ask(kg, query)


@FUZZ
@given(st.text(max_size=80))
def test_arbitrary_text(kg: KnowledgeGraph, query: str) -> None:
    _ask(kg, query)


BIND_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["pedro pascal", "<http://x/y>", "<not an iri>", "res:nope", "schema:",
                     '"text"', '"2021-01-04"^^xsd:date', '"x"^^<bad', '"a"@', "42", "-1.5e3",
                     "2021-02-30", "true", "", "nobody-at-all", "@NetflixFilm", '"unclosed']))


@FUZZ
@given(st.sampled_from(["person", "nope", "", "?person", "$person", "per son"]), BIND_VALUES)
def test_bind_values(kg: KnowledgeGraph, name: str, value: str) -> None:
    _ask(kg, "roles-of", {name: value})
