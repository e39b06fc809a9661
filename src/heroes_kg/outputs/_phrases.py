"""How a fact between two entities reads from either end, for the page's side panel.

``film schema:director person`` reads "directed by Robert Rodriguez" on the film's side
and "director of We Can Be Heroes" on the person's side, never "We Can Be Heroes →
director". A property without a phrase here reads "<label> → X" forwards and
"<label> of X" backwards (see :func:`phrases`).
"""

from __future__ import annotations

from .. import vocab

__all__ = ["phrases"]

#: Property key (vocab.PROPERTIES) -> (read from the subject, read from the object).
_PHRASES: dict[str, tuple[str, str]] = {
    "director": ("directed by", "director of"),
    "screenwriter": ("written by", "screenwriter of"),
    "creator": ("created by", "creator of"),
    "author": ("by", "author of"),
    "producer": ("produced by", "producer of"),
    "executiveProducer": ("executive produced by", "executive producer of"),
    "productionCompany": ("produced by", "production company of"),
    "publisher": ("published by", "publisher of"),
    "sequelOf": ("sequel to", "has the sequel"),
    "basedOn": ("based on", "basis of"),
    "partOfSeries": ("part of", "includes"),
    "greenlitBy": ("greenlit by", "greenlit"),
    "streamingOn": ("streaming on", "streams"),
    "about": ("about", "subject of"),
    "castMember": ("stars", "in the cast of"),
    "plays": ("plays", "played by"),
    "reprisedRole": ("reprises the role of", "role reprised by"),
    "replaced": ("replaced", "replaced by"),
    "appearsIn": ("appears in", "features"),
    "parentOf": ("parent of", "child of"),
    "leads": ("leads", "led by"),
    "platform": ("posted on", "platform of"),
    "announces": ("announces", "announced by"),
    "confirms": ("confirms", "confirmed by"),
    "shares": ("shares", "shared by"),
    "reportedBy": ("reported by", "reports"),
    "workFeatured": ("features", "featured in"),
    "knockedOutBy": ("knocked out by", "knocked out"),
    "organizer": ("organized by", "organizer of"),
    "attendee": ("attended by", "attends"),
    "spokenBy": ("spoken by", "speaks"),
    "recordedAt": ("recorded at", "recording place of"),
    "chart": ("on the chart", "chart of"),
}

_BY_IRI = {vocab.PROPERTIES[key].iri: pair for key, pair in _PHRASES.items()
           if key in vocab.PROPERTIES}
_BY_IRI[vocab.SCHEMA + "mentions"] = ("mentions", "mentioned in")


def phrases(predicate: str, label: str) -> tuple[str, str]:
    """(forward, backward) reading of the property ``predicate`` whose label is
    ``label``: "directed by" / "director of"."""
    return _BY_IRI.get(predicate, (label, f"{label} of"))
