"""Property-based: whatever a facts file holds, loading either builds a corpus or raises
heroes-kg's own error with file:line — never another exception, never a hang."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_kg.corpus.curation import load_corpus
from heroes_kg.errors import CurationError
from heroes_kg.project import find_project

from .conftest import ROOT

EXAMPLES = int(os.environ.get("HEROES_KG_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=3000,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    return root


def _load_with(base: Path, content: bytes) -> None:
    extra = base / "seeds" / "facts" / "zz-fuzz.yaml"
    extra.write_bytes(content)
    try:
        load_corpus(find_project(base))
    except CurationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path.startswith("seeds/")
            assert problem.message and "\n" not in str(problem)
            assert len(str(problem)) < 2000
    finally:
        extra.unlink()


IDS = ["pedro-pascal", "marcus-moreno", "we-can-be-heroes", "netflix", "nobody", "", "X Y"]
PROPS = ["plays", "director", "households", "startDate", "projected", "text", "nope", ""]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(IDS + PROPS),
                    st.sampled_from(["2021-01-04", "2021-02-30", "44 million", "2005"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
quotes = st.sampled_from(["Pedro Pascal as Missy's dad Marcus Moreno", "Vivien Lyra Blair",
                          "not in the article", "", "Missy"])
evidence = st.lists(st.fixed_dictionaries(
    {"article": st.sampled_from(["sequel-confirmed", "cast-celebrates", "nope"]),
     "quote": quotes}, optional={"occurrence": st.integers(-1, 3)}), max_size=2)
statement = st.fixed_dictionaries(
    {"subject": st.sampled_from(IDS), "property": st.sampled_from(PROPS)},
    optional={"object": st.sampled_from(IDS), "value": values, "in": st.sampled_from(IDS),
              "as": st.sampled_from(IDS), "evidence": st.one_of(evidence, values),
              "extra": values})
entity = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["new-one", "pedro-pascal", "Bad Id"]), values)},
    optional={"type": st.sampled_from(["Actor", "Movie", "Nope"]), "name": values,
              "aliases": values})
documents = st.fixed_dictionaries(
    {}, optional={"entities": st.one_of(st.lists(entity, max_size=3), values),
                  "statements": st.one_of(st.lists(statement, max_size=4), values),
                  "other": values})


@FUZZ
@given(documents)
def test_structured_documents(base: Path, doc: dict) -> None:  # type: ignore[type-arg]
    _load_with(base, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(base: Path, text: str) -> None:
    _load_with(base, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes(base: Path, data: bytes) -> None:
    _load_with(base, data)


LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))

NASTY = {
    "billion laughs": LAUGHS + "statements: *i\nentities: *i\n",
    "laughs as a value": LAUGHS + "statements:\n  - subject: *i\n    property: *i\n",
    "python object": "entities: !!python/object/apply:os.system ['true']\n",
    "python name": "statements: !!python/name:os.system\n",
    "recursive alias": "statements: &s [*s]\n",
    "deep flow": "statements: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep block": "statements:\n" + "- " * 5000 + "x\n",
    "huge string": "statements:\n  - subject: " + "x" * 2_000_000 + "\n",
    "odd unicode": "entities:\n  - id: \u202epedro\n    type: Actor\n    name: \U0001F9B8\u200d\n",
    "duplicate keys": "entities: []\nentities: []\n",
    "complex key": "? [a, b]\n: c\n",
    "tab indent": "entities:\n\t- id: x\n",
    "bom": "\ufeffentities: []\n",
}


@pytest.mark.parametrize("text", NASTY.values(), ids=NASTY.keys())
def test_nasty_inputs(base: Path, text: str) -> None:
    _load_with(base, text.encode("utf-8"))
