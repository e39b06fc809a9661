"""Reading the built graph back: the names of its entities and which entity a name,
an id or an IRI means."""

from __future__ import annotations

import difflib
import re

from .. import vocab
from ..errors import HeroesKGError
from .store import Graph, select

__all__ = ["entity_names", "find_entity"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def entity_names(kg: Graph) -> dict[str, list[str]]:
    """IRI of each named resource -> its names (name first, then aliases)."""
    found: dict[str, list[str]] = {}
    for row in select(kg.store, vocab.SPARQL_PREFIXES + """
        SELECT ?e ?name ?alias WHERE { GRAPH ?g { ?e schema:name ?name
            OPTIONAL { ?e schema:alternateName ?alias } } }"""):
        names = found.setdefault(row["e"].value, [row["name"].value])
        if row["alias"] is not None:
            names.append(row["alias"].value)
    return found


def find_entity(kg: Graph, key: str) -> str:
    """The IRI of the entity ``key`` names: its id, its IRI, or (case-insensitively) its
    name or one of its aliases."""
    key = key.strip()
    if _ID.match(key):
        node = kg.names.resource(key)
        if next(iter(kg.store.quads_for_pattern(node, None, None, kg.names.facts)),
                None) is not None:
            return node.value
    all_names = entity_names(kg)
    if key in all_names:
        return key
    folded = key.casefold()
    hits = sorted({e for e, names in all_names.items()
                   if any(n.casefold() == folded for n in names)
                   or (kg.names.entity_id(e) or "").casefold() == folded})
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        ids = ", ".join(kg.names.entity_id(h) or h for h in hits)
        raise HeroesKGError(f"{key!r} names several entities ({ids}); use one of these ids")
    choices = {n: e for e, names in all_names.items() for n in names}
    choices.update({kg.names.entity_id(e) or e: e for e in all_names})
    close = sorted(c for c in choices if folded in c.casefold())[:4]
    if not close:
        close = difflib.get_close_matches(key, list(choices), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise HeroesKGError(f"no entity with id or name {key!r}{hint}")
