"""The curated vocabulary: the entity types and properties a facts file may use.

Each curated name maps to one IRI (schema.org where it has a term, ours otherwise),
and says what a statement with it must look like: which subject types it applies to,
and whether its object is another entity (of which types) or a typed literal.
ontology/heroes.ttl declares every ``heroes:`` term used here; a test keeps both in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyoxigraph import NamedNode

__all__ = [
    "CLASSES",
    "HEROES",
    "PREFIXES",
    "PROPERTIES",
    "QUALIFIERS",
    "QUALIFIER_KEYS",
    "RDF_FORMAT_NAMES",
    "SCHEMA",
    "SPARQL_PREFIXES",
    "SPARQL_UPDATE_KEYWORDS",
    "EntityType",
    "Names",
    "Property",
    "compact",
    "is_subtype",
    "most_specific",
    "prefixes",
    "schema_types",
]

SCHEMA = "https://schema.org/"
HEROES = "https://w3id.org/heroes-kg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
WD = "http://www.wikidata.org/entity/"

#: Prefixes used in every serialization and predeclared for SPARQL queries.
PREFIXES: dict[str, str] = {
    "heroes": HEROES,
    "schema": SCHEMA,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "prov": PROV,
    "oa": OA,
    "skos": SKOS,
}

#: The same prefixes as a SPARQL prologue, for the queries heroes-kg runs itself.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

#: Every name an RDF format goes by, the same on every command (export, query, build's
#: --only by file extension): each accepted name -> the format's own name.
RDF_FORMAT_NAMES: dict[str, str] = {
    "turtle": "turtle", "ttl": "turtle",
    "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples",
    "rdfxml": "rdfxml", "rdf": "rdfxml", "xml": "rdfxml",
    "jsonld": "jsonld", "json-ld": "jsonld",
    "trig": "trig",
    "nquads": "nquads", "nq": "nquads", "n-quads": "nquads",
}

#: The words that start a SPARQL 1.1 update (which heroes-kg never sends or runs).
SPARQL_UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP",
                                    "COPY", "MOVE", "ADD", "WITH"})


@dataclass(frozen=True)
class EntityType:
    name: str
    iri: str
    parent: str | None


def _t(name: str, iri: str, parent: str | None = "Thing") -> EntityType:
    return EntityType(name, iri, parent)


CLASSES: dict[str, EntityType] = {
    t.name: t
    for t in [
        _t("Thing", SCHEMA + "Thing", None),
        _t("CreativeWork", SCHEMA + "CreativeWork"),
        _t("Movie", SCHEMA + "Movie", "CreativeWork"),
        _t("TVSeries", SCHEMA + "TVSeries", "CreativeWork"),
        _t("TVSeason", SCHEMA + "TVSeason", "CreativeWork"),
        _t("MovieSeries", SCHEMA + "MovieSeries", "CreativeWork"),
        _t("NewsArticle", SCHEMA + "NewsArticle", "CreativeWork"),
        _t("SocialMediaPosting", SCHEMA + "SocialMediaPosting", "CreativeWork"),
        _t("Quotation", SCHEMA + "Quotation", "CreativeWork"),
        _t("Person", SCHEMA + "Person"),
        _t("Actor", HEROES + "Actor", "Person"),
        _t("Filmmaker", HEROES + "Filmmaker", "Person"),
        _t("Organization", SCHEMA + "Organization"),
        _t("StreamingService", HEROES + "StreamingService", "Organization"),
        _t("ProductionCompany", HEROES + "ProductionCompany", "Organization"),
        _t("NewsMediaOrganization", SCHEMA + "NewsMediaOrganization", "Organization"),
        _t("SocialMediaPlatform", HEROES + "SocialMediaPlatform", "Organization"),
        _t("TelevisionNetwork", HEROES + "TelevisionNetwork", "Organization"),
        _t("FictionalCharacter", HEROES + "FictionalCharacter"),
        _t("FictionalOrganization", HEROES + "FictionalOrganization"),
        _t("FictionalPlace", HEROES + "FictionalPlace"),
        _t("Event", SCHEMA + "Event"),
        _t("Premiere", HEROES + "Premiere", "Event"),
        _t("ChartEvent", HEROES + "ChartEvent", "Event"),
        _t("Interview", HEROES + "Interview", "Event"),
        _t("ViewershipFigure", HEROES + "ViewershipFigure"),
        _t("ChartRanking", HEROES + "ChartRanking"),
        _t("BoxOfficeFigure", HEROES + "BoxOfficeFigure"),
        _t("Award", HEROES + "Award"),
    ]
}


def is_subtype(name: str, ancestor: str) -> bool:
    """True when entity type ``name`` is ``ancestor`` or one of its subtypes."""
    current: str | None = name
    while current is not None:
        if current == ancestor:
            return True
        current = CLASSES[current].parent
    return False


#: The schema.org class ontology/heroes.ttl makes a heroes: class a subclass of, where it
#: is not the parent recorded above (a test keeps both in step with the ontology).
_SCHEMA_PARENT = {"ViewershipFigure": SCHEMA + "Intangible",
                  "ChartRanking": SCHEMA + "Intangible",
                  "BoxOfficeFigure": SCHEMA + "Intangible",
                  "Award": SCHEMA + "Intangible"}


def schema_types(name: str) -> tuple[str, ...]:
    """The schema.org classes an entity of curated type ``name`` is also typed with, so
    that the graph needs no reasoner for them: the schema.org classes above it, nearest
    first, short of schema:Thing (which a heroes: class with no other schema.org class
    above it gets instead). ``Actor`` -> (schema:Person,); ``Movie`` ->
    (schema:CreativeWork,); ``Person`` -> ()."""
    found: list[str] = []
    if name in _SCHEMA_PARENT:
        found.append(_SCHEMA_PARENT[name])
    parent = CLASSES[name].parent
    while parent is not None and parent != "Thing":
        if CLASSES[parent].iri.startswith(SCHEMA):
            found.append(CLASSES[parent].iri)
        parent = CLASSES[parent].parent
    if not found and not CLASSES[name].iri.startswith(SCHEMA):
        found.append(SCHEMA + "Thing")
    return tuple(found)


_BY_IRI = {t.iri: t.name for t in CLASSES.values()}


def _depth(name: str) -> int:
    depth, parent = 0, CLASSES[name].parent
    while parent is not None:
        depth, parent = depth + 1, CLASSES[parent].parent
    return depth


def most_specific(iris: list[str]) -> str | None:
    """Of the class IRIs an entity is typed with, the curated one furthest down the
    hierarchy (heroes:Actor rather than the schema:Person it also carries); None if
    there is none."""
    known = [_BY_IRI[i] for i in iris if i in _BY_IRI]
    if not known:
        return None
    return CLASSES[max(sorted(known), key=_depth)].iri


@dataclass(frozen=True)
class Property:
    """One curated property.

    ``domain`` lists the entity types a subject may have (subtypes included).
    For an entity-valued property ``range`` lists the object's allowed types; for a
    literal property ``datatype`` names the XSD datatype(s) its value may take.
    """

    name: str
    iri: str
    domain: tuple[str, ...]
    range: tuple[str, ...] = ()
    datatype: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    allows: tuple[str, ...] = ()

    @property
    def is_literal(self) -> bool:
        return bool(self.datatype)


_WORK = ("CreativeWork",)
_AGENT = ("Person", "Organization")
_PERFORMER_QUALIFIERS = ("in",)
_DATES = ("date", "gYearMonth", "gYear")
_FIGURES = ("ViewershipFigure", "BoxOfficeFigure")
_TV = ("TVSeries", "TVSeason")


def _p(name: str, iri: str, domain: tuple[str, ...], *, to: tuple[str, ...] = (),
       dt: tuple[str, ...] = (), requires: tuple[str, ...] = (),
       allows: tuple[str, ...] = ()) -> Property:
    return Property(name, iri, domain, to, dt, requires, allows)


PROPERTIES: dict[str, Property] = {
    p.name: p
    for p in [
        # Works
        _p("director", SCHEMA + "director", ("Movie", "MovieSeries", "TVSeries"), to=("Person",)),
        _p("screenwriter", HEROES + "screenwriter", _WORK, to=("Person",)),
        _p("creator", SCHEMA + "creator", _WORK, to=_AGENT),
        _p("author", SCHEMA + "author", _WORK, to=_AGENT),
        _p("producer", SCHEMA + "producer", _WORK, to=_AGENT),
        _p("executiveProducer", HEROES + "executiveProducer", _WORK, to=_AGENT),
        _p("productionCompany", SCHEMA + "productionCompany", _WORK, to=("Organization",)),
        _p("publisher", SCHEMA + "publisher", _WORK, to=("Organization",)),
        _p("sequelOf", HEROES + "sequelOf", _WORK, to=_WORK),
        _p("basedOn", SCHEMA + "isBasedOn", _WORK, to=_WORK),
        _p("partOfSeries", SCHEMA + "partOfSeries", ("TVSeason",), to=("TVSeries",)),
        _p("seasonNumber", SCHEMA + "seasonNumber", ("TVSeason",), dt=("integer",)),
        _p("developmentStatus", HEROES + "developmentStatus", _WORK, dt=("string",)),
        _p("greenlitBy", HEROES + "greenlitBy", _WORK, to=("Organization",)),
        _p("streamingOn", HEROES + "streamingOn", _WORK, to=("Organization",)),
        _p("airsOn", HEROES + "airsOn", _WORK, to=("Organization",)),
        _p("cancelledBy", HEROES + "cancelledBy", _WORK, to=("Organization",)),
        _p("showrunner", HEROES + "showrunner", _TV, to=("Person",)),
        _p("numberOfEpisodes", SCHEMA + "numberOfEpisodes", _TV, dt=("integer",)),
        _p("numberOfSeasons", SCHEMA + "numberOfSeasons", ("TVSeries",), dt=("integer",)),
        _p("awardReceived", HEROES + "awardReceived", ("CreativeWork", "Person"), to=("Award",)),
        _p("nominatedFor", HEROES + "nominatedFor", ("CreativeWork", "Person"), to=("Award",)),
        _p("genre", SCHEMA + "genre", _WORK, dt=("string",)),
        _p("description", SCHEMA + "description", ("Thing",), dt=("string",)),
        _p("datePublished", SCHEMA + "datePublished", _WORK, dt=_DATES),
        _p("text", SCHEMA + "text", _WORK, dt=("string",)),
        _p("about", SCHEMA + "about", ("CreativeWork", *_FIGURES, "ChartRanking"),
           to=("Thing",)),
        # Cast and characters
        _p("castMember", HEROES + "castMember", _WORK, to=("Person",)),
        _p("plays", HEROES + "plays", ("Person",), to=("FictionalCharacter",),
           requires=("in",)),
        _p("reprisedRole", HEROES + "reprisedRole", ("Person",), to=("FictionalCharacter",),
           requires=("in",)),
        _p("replaced", HEROES + "replacedPerformer", ("Person",), to=("Person",),
           requires=("in", "as")),
        _p("appearsIn", HEROES + "appearsIn", ("FictionalCharacter",), to=_WORK),
        _p("parentOf", HEROES + "parentOf", ("FictionalCharacter", "Person"),
           to=("FictionalCharacter", "Person")),
        _p("leads", HEROES + "leads", ("FictionalCharacter", "Person"),
           to=("FictionalOrganization", "FictionalPlace", "Organization")),
        # Agents
        _p("accountHandle", HEROES + "accountHandle", _AGENT, dt=("string",)),
        # Posts and news
        _p("platform", HEROES + "platform",
           ("SocialMediaPosting", "Event", "ChartRanking"), to=("Organization",)),
        _p("announces", HEROES + "announces", ("SocialMediaPosting",), to=_WORK),
        _p("confirms", HEROES + "confirms", ("SocialMediaPosting",), to=_WORK),
        _p("shares", HEROES + "shares", ("SocialMediaPosting",), to=_WORK),
        _p("reportedBy", HEROES + "reportedBy",
           (*_FIGURES, "ChartRanking", "Event", "Quotation"),
           to=("Person", "Organization", "CreativeWork")),
        # Events
        _p("workFeatured", SCHEMA + "workFeatured", ("Event",), to=_WORK),
        _p("startDate", SCHEMA + "startDate", ("Event", "ChartRanking", *_FIGURES),
           dt=_DATES),
        _p("endDate", SCHEMA + "endDate", ("Event", "ChartRanking", *_FIGURES),
           dt=_DATES),
        _p("knockedOutBy", HEROES + "knockedOutBy", ("ChartEvent",), to=_WORK),
        _p("organizer", SCHEMA + "organizer", ("Event",), to=_AGENT),
        _p("attendee", SCHEMA + "attendee", ("Event",), to=_AGENT),
        # Figures
        _p("households", HEROES + "households", ("ViewershipFigure",), dt=("integer",)),
        _p("views", HEROES + "views", ("ViewershipFigure",), dt=("integer",)),
        _p("hoursViewed", HEROES + "hoursViewed", ("ViewershipFigure",), dt=("integer",)),
        _p("periodDays", HEROES + "periodDays", _FIGURES, dt=("integer",)),
        _p("projected", HEROES + "projected", _FIGURES, dt=("boolean",)),
        _p("gross", HEROES + "gross", ("BoxOfficeFigure",), dt=("integer",)),
        _p("currency", SCHEMA + "currency", ("BoxOfficeFigure",), dt=("string",)),
        _p("rank", HEROES + "rank", ("ChartRanking", "ChartEvent", "BoxOfficeFigure"),
           dt=("integer",)),
        _p("chart", HEROES + "chart", ("ChartRanking", "ChartEvent", "BoxOfficeFigure"),
           dt=("string",)),
        _p("scope", HEROES + "scope", ("ChartRanking", "BoxOfficeFigure"), dt=("string",)),
        _p("countriesRanked", HEROES + "countriesRanked", ("ChartRanking",), dt=("integer",)),
        _p("countriesTotal", HEROES + "countriesTotal", ("ChartRanking",), dt=("integer",)),
        # Quotations
        _p("spokenBy", SCHEMA + "spokenByCharacter", ("Quotation",), to=_AGENT),
        _p("recordedAt", SCHEMA + "recordedAt", _WORK, to=("Event",)),
    ]
}

#: Statement qualifiers: curated key -> (IRI on the statement node, allowed object types).
QUALIFIERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "in": (HEROES + "inWork", _WORK),
    "as": (HEROES + "asCharacter", ("FictionalCharacter",)),
}

#: The curated key of each qualifier IRI (the reverse of :data:`QUALIFIERS`).
QUALIFIER_KEYS: dict[str, str] = {iri: key for key, (iri, _types) in QUALIFIERS.items()}


def prefixes(base: str) -> dict[str, str]:
    """The prefixes written into serializations and predeclared in every query:
    :data:`PREFIXES`, and res:, article:, role:, statement: under the base IRI ``base``."""
    return {**PREFIXES, "res": base + "resource/", "article": base + "article/",
            "role": base + "role/", "statement": base + "statement/"}


_LOCAL_NAME = re.compile(r"^[\w.-]*$")


def compact(iri: str, known: Mapping[str, str] = PREFIXES) -> str | None:
    """``prefix:local`` for ``iri`` under the longest namespace of ``known`` whose local
    part is a plain name (letters, digits, ``_``, ``-``, ``.``, not ending in ``.``),
    or None when there is none."""
    best = ""
    for prefix, namespace in known.items():
        if iri.startswith(namespace) and len(namespace) > len(known.get(best, "")):
            local = iri[len(namespace):]
            if _LOCAL_NAME.match(local) and not local.endswith("."):
                best = prefix
    return f"{best}:{iri[len(known[best]):]}" if best else None


class Names:
    """The IRIs of one project's resources and named graphs, under its base IRI: minted
    and parsed here only."""

    def __init__(self, base: str) -> None:
        # Imported here, not with the module: reading and drafting facts use the
        # vocabulary without ever making an RDF term.
        from pyoxigraph import NamedNode

        self._node = NamedNode
        self.base = base
        self.facts = NamedNode(base + "graph/facts")
        self.provenance = NamedNode(base + "graph/provenance")
        self.ontology = NamedNode(base + "graph/ontology")

    def resource(self, entity_id: str) -> NamedNode:
        return self._node(f"{self.base}resource/{entity_id}")

    def article(self, article_id: str) -> NamedNode:
        return self._node(f"{self.base}article/{article_id}")

    def statement(self, statement_id: str) -> NamedNode:
        return self._node(f"{self.base}statement/{statement_id}")

    def entity_id(self, iri: str) -> str | None:
        """The curated id of a resource IRI, or None if it is not one."""
        return self._id(iri, "resource/")

    def article_id(self, iri: str) -> str | None:
        """The id of an article IRI, or None if it is not one."""
        return self._id(iri, "article/")

    def statement_id(self, iri: str) -> str | None:
        """The id of the statement an IRI is or lies under (its evidence nodes), or
        None if it is not one."""
        found = self._id(iri, "statement/")
        return None if found is None else found.split("/", 1)[0]

    def _id(self, iri: str, path: str) -> str | None:
        prefix = self.base + path
        return iri[len(prefix):] if iri.startswith(prefix) else None
