"""What the rules may assert: the curated vocabulary, and the few terms film and TV news
needs that a project's vocabulary may not declare yet (producers, seasons, cast without
a named character, views and hours viewed, quotations with their speaker)."""

from __future__ import annotations

import functools

from ... import vocab as _vocab

__all__ = ["accepts", "is_a"]

#: type -> parent, for types a project's vocabulary may lack.
_EXTRA_CLASSES = {"TVSeason": "CreativeWork", "TVEpisode": "CreativeWork"}

_WORKS = ("CreativeWork",)
_AGENTS = ("Person", "Organization")
#: property -> (subject types, object types or () for a literal).
_EXTRA_PROPERTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "producer": (_WORKS, _AGENTS),
    "executiveProducer": (_WORKS, _AGENTS),
    "castMember": (_WORKS, ("Person",)),
    "basedOn": (_WORKS, _WORKS),
    "partOfSeries": (("TVSeason", "TVEpisode"), ("TVSeries", "CreativeWork")),
    "seasonNumber": (("TVSeason",), ()),
    "views": (("ViewershipFigure",), ()),
    "hoursViewed": (("ViewershipFigure",), ()),
    "spokenBy": (("Quotation",), _AGENTS),
    "reportedBy": (("ViewershipFigure", "ChartRanking", "Event", "Quotation"),
                   ("Person", "Organization", "CreativeWork")),
    "startDate": (("Event", "ChartRanking", "ViewershipFigure"), ()),
    "endDate": (("Event", "ChartRanking", "ViewershipFigure"), ()),
    "about": (("CreativeWork", "ViewershipFigure", "ChartRanking"), ("Thing",)),
}


def is_a(type_: str | None, ancestor: str) -> bool:
    """True when ``type_`` is ``ancestor`` or one of its subtypes."""
    current = type_
    while current is not None:
        if current == ancestor:
            return True
        if current in _vocab.CLASSES:
            current = _vocab.CLASSES[current].parent
        else:
            current = _EXTRA_CLASSES.get(current)
    return False


@functools.lru_cache(maxsize=4096)
def accepts(prop: str, subject_type: str | None, object_type: str | None) -> bool:
    """Whether ``prop`` may join a subject and an object of these types (None: not known
    yet, so not refused)."""
    spec = _vocab.PROPERTIES.get(prop)
    extra = _EXTRA_PROPERTIES.get(prop)
    if spec is None and extra is None:
        return False
    domains = set(spec.domain if spec else ()) | set(extra[0] if extra else ())
    ranges = set(spec.range if spec else ()) | set(extra[1] if extra else ())
    if subject_type and not any(is_a(subject_type, d) for d in domains):
        return False
    return not (object_type and ranges and not any(is_a(object_type, r) for r in ranges))
