"""Export: the built graph serialized, byte-for-byte reproducibly.

Every format is one small :class:`Format`; :data:`FORMATS` lists them by name and
:func:`export` is the front door.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ._vocab import PREFIXES
from .store import KnowledgeGraph

__all__ = ["FORMATS", "Format", "export", "prefixes"]


def prefixes(base: str) -> dict[str, str]:
    """Prefixes written into serializations: the vocabularies and our resource paths."""
    return {**PREFIXES, "res": base + "resource/", "article": base + "article/",
            "role": base + "role/"}


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str

    def serialize(self, kg: KnowledgeGraph) -> bytes:
        raise NotImplementedError


@dataclass(frozen=True)
class _OxTriples(Format):
    rdf_format: ox.RdfFormat = ox.RdfFormat.TURTLE

    def serialize(self, kg: KnowledgeGraph) -> bytes:
        # Streamed from the sorted N-Triples: no list of a million Triple objects.
        triples = ox.parse(kg.sorted_ntriples(), format=ox.RdfFormat.N_TRIPLES)
        data = ox.serialize(triples, format=self.rdf_format,
                            prefixes=prefixes(kg.names.base))
        assert data is not None
        return data


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        _OxTriples("turtle", "ttl", "text/turtle", ox.RdfFormat.TURTLE),
    ]
}


def export(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The graph serialized in format ``fmt`` (a key of :data:`FORMATS`)."""
    return FORMATS[fmt].serialize(kg)
