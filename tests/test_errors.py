"""A Python caller tells errors apart by their type, not by their text: each stage raises
its own subclass of HeroesKGError, and a parameter is named as such, never as a flag."""

from __future__ import annotations

from pathlib import Path

import pytest

import heroes_kg
from heroes_kg.errors import GrowError, OutputError, ProjectError, QueryError
from heroes_kg.grow.curate import accept, add_article
from heroes_kg.outputs.page import view
from heroes_kg.project import find_project
from heroes_kg.rdf.read import find_entity
from heroes_kg.scaffold import init_project


def test_adding_an_article_under_a_bad_id_is_a_grow_error(project: Path,
                                                          tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("Some news.\n", encoding="utf-8")
    with pytest.raises(GrowError, match="article id 'Not An Id' must be lowercase words"):
        add_article(find_project(project), text, "Not An Id")


def test_accepting_what_is_not_a_candidates_file_is_a_grow_error(project: Path) -> None:
    with pytest.raises(GrowError, match="is not a candidates file"):
        accept(find_project(project), project / "seeds" / "facts" / "cast.yaml")


def test_an_unknown_entity_is_a_query_error(built_project: Path) -> None:
    with heroes_kg.load(built_project) as kg, pytest.raises(
            QueryError, match="no entity with id or name 'pedro-pascall'"):
        find_entity(kg, "pedro-pascall")


def test_a_negative_depth_is_an_output_error_naming_the_parameter(built_project: Path
                                                                  ) -> None:
    with heroes_kg.load(built_project) as kg, pytest.raises(OutputError) as caught:
        view(kg, depth=-1)
    assert str(caught.value) == "'depth' must be 0 or more, not -1"


def test_init_in_a_folder_that_is_not_empty_is_a_project_error(tmp_path: Path) -> None:
    (tmp_path / "something").write_text("", encoding="utf-8")
    with pytest.raises(ProjectError, match="is not empty"):
        init_project(tmp_path)


def test_an_article_suggest_cannot_read_is_a_grow_error() -> None:
    from heroes_kg.corpus.curation import Article
    from heroes_kg.grow.suggest import suggest

    binary = Article("image", "Image", "image.txt", "PK\x03\x04\x00" * 100)
    with pytest.raises(GrowError, match="article 'image' looks like binary data"):
        suggest(binary, [])


def test_an_unknown_shacl_engine_is_a_project_error(project: Path, tmp_path: Path) -> None:
    from heroes_kg.pipeline import build

    with pytest.raises(ProjectError) as caught:
        build(find_project(project), outdir=tmp_path / "out", shacl="jena")
    assert str(caught.value) == "unknown SHACL engine 'jena'; use one of oxigraph, pyshacl"
    assert not (tmp_path / "out").exists()
