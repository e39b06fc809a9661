"""The curated input: YAML read with line numbers, typed into articles, entities and
statements, every quote found in its article (:func:`heroes_kg.corpus.curation.load_corpus`).

The YAML loader's names other stages use are here; its module stays private."""

from ._yaml import YamlError, YamlMap, line_of, load_yaml

__all__ = ["YamlError", "YamlMap", "line_of", "load_yaml"]
