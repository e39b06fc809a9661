"""Synth: a seeded, deterministic synthetic corpus in the project's own input format.

:func:`write_corpus` writes a complete project (seeds/articles/*.txt with their metadata
records, seeds/facts/*.yaml, and a copy of an ontology/ folder) whose built graph has
about the number of triples asked for. Every entity type and every curated property is
used; every statement's quote is one sentence of its generated article and occurs in it
exactly once. The same ``triples`` and ``seed`` always give byte-identical files.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ._io import atomic_write
from .corpus.writer import block
from .errors import ProjectError

__all__ = ["TRIPLES_PER_ARTICLE", "SynthReport", "write_corpus"]

#: Built triples (facts and provenance) one generated article contributes, measured.
TRIPLES_PER_ARTICLE = 1933
#: Built triples of the shared entities (streaming service, platforms, publishers).
_SHARED_TRIPLES = 23
#: Articles per facts file.
_ARTICLES_PER_FILE = 50

_SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "dor", "sa", "tel", "qui", "bran", "zo", "fi",
              "mar", "nu", "or", "bel", "lin", "gar", "is", "tu", "wen", "hal", "cy", "ro",
              "del", "ami", "jun", "sto", "vik", "el")
_GENRES = ("superhero comedy", "family adventure", "science fiction drama",
           "animated musical", "space western", "heist thriller")
_STATUSES = ("in development", "in pre-production", "in production")
_PUBLISHERS = (("daily-reel", "The Daily Reel"), ("screen-ledger", "Screen Ledger"),
               ("frame-weekly", "Frame Weekly"), ("studio-wire", "Studio Wire"))


@dataclass
class SynthReport:
    root: Path
    articles: int
    entities: int
    statements: int
    estimated_triples: int


@dataclass
class _Statement:
    subject: str
    property: str
    quote: str
    object: str | None = None
    value: str | int | bool | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)


class _Names:
    """Unique, pronounceable made-up names from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self) -> str:
        n = self.rng.choice((2, 2, 3))
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(n)).capitalize()

    def unique(self, make: Callable[[], str]) -> str:
        while True:
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name

    def person(self) -> str:
        return self.unique(lambda: f"{self.word()} {self.word()}")

    def title(self) -> str:
        return self.unique(lambda: f"The {self.word()} {self.word()}")


def _date(rng: random.Random, year: int = 2021) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _article(i: int, rng: random.Random, names: _Names,
             previous_film: tuple[str, str] | None
             ) -> tuple[dict[str, object], list[tuple[str, str, str]], list[_Statement], str]:
    """One article: its metadata, its entities (id, type, name), its statements, its text."""
    p = f"a{i:05d}"
    ids = {k: f"{p}-{k}" for k in (
        "film", "series", "saga", "director", "writer", "actor-1", "actor-2", "actor-3",
        "actor-4", "character-1", "character-2", "character-3", "team", "realm", "studio",
        "guild", "post", "report", "quote", "soundtrack", "prop", "premiere", "interview",
        "festival", "chart-event", "viewership", "ranking", "person", "season", "network",
        "box-office", "award")}
    n: dict[str, str] = {}
    n["film"] = names.title()
    n["series"] = names.unique(lambda: f"{names.word()} Chronicles")
    n["saga"] = names.unique(lambda: f"{names.word()} Saga")
    for k in ("director", "writer", "actor-1", "actor-2", "actor-3", "actor-4", "person"):
        n[k] = names.person()
    for k in ("character-1", "character-2", "character-3"):
        n[k] = names.unique(lambda: f"Captain {names.word()}")
    n["team"] = names.unique(lambda: f"{names.word()} League")
    n["realm"] = names.unique(lambda: f"{names.word()} Island")
    n["studio"] = names.unique(lambda: f"{names.word()} Pictures")
    n["guild"] = names.unique(lambda: f"{names.word()} Guild")
    pub_id, pub = _PUBLISHERS[i % len(_PUBLISHERS)]
    n["post"] = f"{n['actor-1']} tweet announcing {n['series']}"
    n["report"] = f"{pub} report on {n['film']}"
    n["quote"] = f"{n['actor-1']} on {n['film']}"
    n["soundtrack"] = f"Soundtrack of {n['film']}"
    n["prop"] = names.unique(lambda: f"{names.word()} Stone")
    n["premiere"] = f"Premiere of {n['film']}"
    n["interview"] = f"{pub} interview with {n['actor-1']}"
    n["festival"] = names.unique(lambda: f"{names.word()} Film Festival")
    n["chart-event"] = f"{n['film']} leaves the #1 spot"
    n["viewership"] = f"{n['film']} viewership"
    n["ranking"] = f"{n['film']} on the Netflix Top 10"
    n["season"] = f"{n['series']} season 2"
    types = {"film": "Movie", "series": "TVSeries", "saga": "MovieSeries",
             "director": "Filmmaker", "writer": "Person", "person": "Person",
             "actor-1": "Actor", "actor-2": "Actor", "actor-3": "Actor", "actor-4": "Actor",
             "character-1": "FictionalCharacter", "character-2": "FictionalCharacter",
             "character-3": "FictionalCharacter", "team": "FictionalOrganization",
             "realm": "FictionalPlace", "studio": "ProductionCompany", "guild": "Organization",
             "post": "SocialMediaPosting", "report": "NewsArticle", "quote": "Quotation",
             "soundtrack": "CreativeWork", "prop": "Thing", "premiere": "Premiere",
             "interview": "Interview", "festival": "Event", "chart-event": "ChartEvent",
             "viewership": "ViewershipFigure", "ranking": "ChartRanking", "season": "TVSeason",
             "network": "TelevisionNetwork", "box-office": "BoxOfficeFigure", "award": "Award"}
    date = _date(rng)
    d1, d2 = sorted((_date(rng), _date(rng)))
    genre, status = rng.choice(_GENRES), rng.choice(_STATUSES)
    handle = "@" + n["actor-1"].replace(" ", "").lower()
    households, days = rng.randint(2, 90), rng.choice((7, 28))
    rank, total = rng.randint(1, 10), rng.randint(40, 95)
    ranked = rng.randint(1, total)
    phrase = f"Playing {n['character-1']} was the role of a lifetime"
    knocked, knocked_name = previous_film or (ids["series"], n["series"])
    f, tv = n["film"], n["series"]
    S = _Statement
    st: list[_Statement] = []

    def add(quote: str, *items: _Statement) -> None:
        for item in items:
            item.quote = quote
            st.append(item)

    add(f"{f} is directed by {n['director']}", S(ids["film"], "director", "", ids["director"]))
    add(f"{n['writer']} wrote the screenplay for {f}",
        S(ids["film"], "screenwriter", "", ids["writer"]))
    add(f"{f} is produced by {n['studio']}",
        S(ids["film"], "productionCompany", "", ids["studio"]))
    add(f"{f} premiered on Netflix on {date}",
        S(ids["film"], "streamingOn", "", "netflix"),
        S(ids["film"], "datePublished", "", value=date))
    add(f"{f} is a {genre} film", S(ids["film"], "genre", "", value=genre))
    for j in (1, 2, 3):
        add(f"{n[f'actor-{j}']} plays {n[f'character-{j}']} in {f}",
            S(ids[f"actor-{j}"], "plays", "", ids[f"character-{j}"],
              qualifiers={"in": ids["film"]}))
    add(f"{n['actor-4']} took over the role of {n['character-3']} from {n['actor-3']} in {f}",
        S(ids["actor-4"], "replaced", "", ids["actor-3"],
          qualifiers={"in": ids["film"], "as": ids["character-3"]}),
        S(ids["actor-4"], "plays", "", ids["character-3"], qualifiers={"in": ids["film"]}))
    add(f"{n['actor-1']} returns as {n['character-1']} in {tv}",
        S(ids["actor-1"], "reprisedRole", "", ids["character-1"], qualifiers={"in": ids["series"]}))
    add(f"{n['character-1']} is the parent of {n['character-2']}",
        S(ids["character-1"], "parentOf", "", ids["character-2"]))
    add(f"{n['character-3']} leads the {n['team']}",
        S(ids["character-3"], "leads", "", ids["team"]))
    add(f"{n['character-2']} rules over {n['realm']}",
        S(ids["character-2"], "leads", "", ids["realm"]))
    add(f"{n['character-1']} also appears in {tv}",
        S(ids["character-1"], "appearsIn", "", ids["series"]))
    add(f"{tv} is a sequel to {f}, greenlit by Netflix",
        S(ids["series"], "sequelOf", "", ids["film"]),
        S(ids["series"], "greenlitBy", "", "netflix"))
    add(f"{tv} is {status}", S(ids["series"], "developmentStatus", "", value=status))
    add(f"{tv} will be directed by {n['director']}",
        S(ids["series"], "director", "", ids["director"]))
    add(f"{n['saga']} was created by {n['director']} and published by {n['studio']}",
        S(ids["saga"], "creator", "", ids["director"]),
        S(ids["saga"], "publisher", "", ids["studio"]))
    add(f"{n['actor-1']} posts on Twitter as {handle}",
        S(ids["actor-1"], "accountHandle", "", value=handle))
    add(f"In a tweet on {d1}, {n['actor-1']} announced {tv} and shared {n['report']}",
        S(ids["post"], "author", "", ids["actor-1"]),
        S(ids["post"], "platform", "", "twitter"),
        S(ids["post"], "datePublished", "", value=d1),
        S(ids["post"], "announces", "", ids["series"]),
        S(ids["post"], "shares", "", ids["report"]))
    add(f"The tweet confirmed that {f} is coming back",
        S(ids["post"], "confirms", "", ids["film"]),
        S(ids["post"], "text", "", value=f"{f} is coming back"))
    add(f"{pub} published {n['report']} on {date}",
        S(ids["report"], "publisher", "", pub_id),
        S(ids["report"], "datePublished", "", value=date),
        S(ids["report"], "about", "", ids["film"]))
    add(f"The premiere of {f} ran from {d1} to {d2}, organized by {n['studio']}",
        S(ids["premiere"], "workFeatured", "", ids["film"]),
        S(ids["premiere"], "startDate", "", value=d1),
        S(ids["premiere"], "endDate", "", value=d2),
        S(ids["premiere"], "organizer", "", ids["studio"]))
    add(f"{n['actor-2']} attended the premiere of {f}, streamed on Netflix",
        S(ids["premiere"], "attendee", "", ids["actor-2"]),
        S(ids["premiere"], "platform", "", "netflix"))
    add(f"{pub} interviewed {n['actor-1']} about {f}",
        S(ids["interview"], "organizer", "", pub_id),
        S(ids["interview"], "attendee", "", ids["actor-1"]),
        S(ids["interview"], "workFeatured", "", ids["film"]))
    add(f'{n["actor-1"]} told {pub}: "{phrase}"',
        S(ids["quote"], "spokenBy", "", ids["actor-1"]),
        S(ids["quote"], "text", "", value=phrase),
        S(ids["quote"], "recordedAt", "", ids["interview"]))
    add(f"{f} was shown at the {n['festival']} on {d2}, organized by the {n['guild']}",
        S(ids["festival"], "workFeatured", "", ids["film"]),
        S(ids["festival"], "startDate", "", value=d2),
        S(ids["festival"], "organizer", "", ids["guild"]))
    add(f"{n['director']} leads the {n['guild']}", S(ids["director"], "leads", "", ids["guild"]))
    add(f"{n['person']} went to the {n['festival']}",
        S(ids["festival"], "attendee", "", ids["person"]))
    add(f"{n['soundtrack']} was composed by {n['writer']} and recorded at the "
        f"{n['festival']}",
        S(ids["soundtrack"], "creator", "", ids["writer"]),
        S(ids["soundtrack"], "recordedAt", "", ids["festival"]))
    add(f"{n['soundtrack']} is about the {n['prop']}",
        S(ids["soundtrack"], "about", "", ids["prop"]))
    add(f"The {n['prop']} is a glowing relic from {n['realm']}",
        S(ids["prop"], "description", "", value=f"a glowing relic from {n['realm']}"))
    projected = bool(i % 2)
    verb = "are projected to watch" if projected else "watched"
    add(f"{households} million households {verb} {f} in its first {days} days, "
        f"Netflix reported",
        S(ids["viewership"], "households", "", value=households * 1_000_000),
        S(ids["viewership"], "periodDays", "", value=days),
        S(ids["viewership"], "projected", "", value=projected),
        S(ids["viewership"], "about", "", ids["film"]),
        S(ids["viewership"], "reportedBy", "", "netflix"))
    add(f"{f} was #{rank} on the Netflix Top 10 worldwide in {ranked} of {total} countries "
        f"from {d1} to {d2}, {pub} reported",
        S(ids["ranking"], "about", "", ids["film"]),
        S(ids["ranking"], "rank", "", value=rank),
        S(ids["ranking"], "chart", "", value="Netflix Top 10"),
        S(ids["ranking"], "scope", "", value="worldwide"),
        S(ids["ranking"], "countriesRanked", "", value=ranked),
        S(ids["ranking"], "countriesTotal", "", value=total),
        S(ids["ranking"], "startDate", "", value=d1),
        S(ids["ranking"], "endDate", "", value=d2),
        S(ids["ranking"], "platform", "", "netflix"),
        S(ids["ranking"], "reportedBy", "", pub_id))
    add(f"{f} fell to #2 on the Netflix Top 10 when {knocked_name} took the top spot",
        S(ids["chart-event"], "knockedOutBy", "", knocked),
        S(ids["chart-event"], "rank", "", value=2),
        S(ids["chart-event"], "chart", "", value="Netflix Top 10"))
    add(f"{n['person']} wrote about {tv} for {n['guild']}",
        S(ids["series"], "author", "", ids["person"]))
    views, hours = rng.randint(2, 40), rng.randint(20, 400)
    month = date[:7]
    add(f"Season 2 of {tv}, based on {f}, arrives in {month} with {n['actor-2']} in the cast",
        S(ids["season"], "partOfSeries", "", ids["series"]),
        S(ids["season"], "seasonNumber", "", value=2),
        S(ids["season"], "basedOn", "", ids["film"]),
        S(ids["season"], "datePublished", "", value=month),
        S(ids["season"], "castMember", "", ids["actor-2"]))
    add(f"{n['director']} produces season 2 of {tv}, executive produced by {n['studio']}",
        S(ids["season"], "producer", "", ids["director"]),
        S(ids["season"], "executiveProducer", "", ids["studio"]))
    add(f"{f} drew {views} million views and {hours} million hours viewed, {pub} said",
        S(ids["viewership"], "views", "", value=views * 1_000_000),
        S(ids["viewership"], "hoursViewed", "", value=hours * 1_000_000),
        S(ids["quote"], "reportedBy", "", pub_id))
    # drawn after everything above, so that the rest of an article is what it always was
    n["network"] = names.unique(lambda: f"{names.word()} Network")
    n["award"] = names.unique(lambda: f"{names.word()} Award")
    n["box-office"] = f"{f} opening weekend"
    seasons, episodes = rng.randint(2, 6), rng.randint(6, 13)
    gross, place = rng.randint(5, 150), rng.randint(1, 10)
    add(f"{n['network']} airs {tv} and cancelled it after {seasons} seasons and "
        f"{episodes * seasons} episodes",
        S(ids["series"], "airsOn", "", ids["network"]),
        S(ids["series"], "cancelledBy", "", ids["network"]),
        S(ids["series"], "numberOfSeasons", "", value=seasons),
        S(ids["series"], "numberOfEpisodes", "", value=episodes * seasons))
    add(f"{n['writer']} is the showrunner of the second season of {tv}",
        S(ids["season"], "showrunner", "", ids["writer"]))
    add(f"{f} opened at #{place} in North America with ${gross} million over the weekend "
        f"of {d1}",
        S(ids["box-office"], "about", "", ids["film"]),
        S(ids["box-office"], "gross", "", value=gross * 1_000_000),
        S(ids["box-office"], "currency", "", value="USD"),
        S(ids["box-office"], "startDate", "", value=d1),
        S(ids["box-office"], "periodDays", "", value=3),
        S(ids["box-office"], "scope", "", value="North America"),
        S(ids["box-office"], "rank", "", value=place))
    add(f"{f} won the {n['award']}, for which {n['actor-3']} was nominated",
        S(ids["film"], "awardReceived", "", ids["award"]),
        S(ids["actor-3"], "nominatedFor", "", ids["award"]))
    entities = [(ids[k], types[k], n[k]) for k in ids]
    sentences = list(dict.fromkeys(s.quote for s in st))
    rng.shuffle(sentences)
    title = f"{f}: {tv} announced as {pub} reports the numbers"
    text = title + "\n\n" + "\n\n".join(
        " ".join(s + "." for s in sentences[k:k + 4]) for k in range(0, len(sentences), 4)) + "\n"
    for quote in sentences:
        if text.count(quote) != 1:  # pragma: no cover - a generator bug, not user input
            raise AssertionError(f"generated quote is not unique: {quote!r}")
    meta: dict[str, object] = {"id": f"{p}-article", "file": f"{p}.txt", "title": title,
                               "date": date, "publisher": pub_id}
    return meta, entities, st, text


#: Keys whose strings synth always quotes: names, values and quotes are generated words.
_QUOTED = frozenset({"name", "value", "quote", "title", "date"})


def _facts_yaml(entities: list[tuple[str, str, str]], statements: list[_Statement],
                articles: dict[str, str], header: str) -> str:
    facts: dict[str, object] = {
        "entities": [{"id": eid, "type": type_, "name": name} for eid, type_, name in entities]}
    if statements:
        facts["statements"] = [_statement(s, articles) for s in statements]
    return "\n".join([f"# {header}", *block(facts, quoted=_QUOTED)]) + "\n"


def _statement(s: _Statement, articles: dict[str, str]) -> dict[str, object]:
    record: dict[str, object] = {"subject": s.subject, "property": s.property}
    if s.object is not None:
        record["object"] = s.object
    else:
        assert s.value is not None, "a statement has an object or a value"
        record["value"] = s.value
    record.update(s.qualifiers)
    record["evidence"] = [{"article": articles[s.quote], "quote": s.quote}]
    return record


def write_corpus(dest: Path, triples: int, *, ontology: Path, seed: int = 1) -> SynthReport:
    """Write a synthetic project of about ``triples`` built triples into ``dest``.

    ``dest`` must not exist or be an empty folder; ``ontology`` is the ontology/ folder
    (heroes.ttl, shapes.ttl) copied into the new project.
    """
    if triples < 1:
        raise ProjectError(f"{{--triples}} must be at least 1, not {triples}")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ProjectError(f"{dest} exists and is not an empty folder; choose a new one")
    if not (ontology / "heroes.ttl").is_file() or not (ontology / "shapes.ttl").is_file():
        raise ProjectError(f"{ontology} has no heroes.ttl and shapes.ttl to copy")
    count = max(1, round((triples - _SHARED_TRIPLES) / TRIPLES_PER_ARTICLE))
    rng = random.Random(seed)
    names = _Names(rng)
    for _pid, pub in _PUBLISHERS:
        names.used.add(pub)
    articles_dir, facts_dir = dest / "seeds" / "articles", dest / "seeds" / "facts"
    articles_dir.mkdir(parents=True)
    facts_dir.mkdir()
    shutil.copytree(ontology, dest / "ontology", ignore=shutil.ignore_patterns(".*"))
    shared = [("netflix", "StreamingService", "Netflix"),
              ("twitter", "SocialMediaPlatform", "Twitter")]
    shared += [(pid, "NewsMediaOrganization", name) for pid, name in _PUBLISHERS]
    atomic_write(facts_dir / "shared.yaml", _facts_yaml(
        shared, [], {}, "Entities every generated article may refer to.").encode())
    n_entities, n_statements = len(shared), 0
    previous: tuple[str, str] | None = None
    chunk_entities: list[tuple[str, str, str]] = []
    chunk_statements: list[_Statement] = []
    quote_article: dict[str, str] = {}
    for i in range(count):
        meta, entities, statements, text = _article(i, rng, names, previous)
        previous = (f"a{i:05d}-film", entities[0][2])
        atomic_write(articles_dir / str(meta["file"]), text.encode())
        atomic_write(articles_dir / f"a{i:05d}.yaml",
                     "".join(f"{line}\n" for line in block(meta, quoted=_QUOTED)).encode())
        for s in statements:
            quote_article[s.quote] = str(meta["id"])
        chunk_entities += entities
        chunk_statements += statements
        n_entities += len(entities)
        n_statements += len(statements)
        if (i + 1) % _ARTICLES_PER_FILE == 0 or i + 1 == count:
            first = i - (i % _ARTICLES_PER_FILE)
            atomic_write(facts_dir / f"articles-{first:05d}.yaml", _facts_yaml(
                chunk_entities, chunk_statements, quote_article,
                f"Generated articles {first} to {i} (seed {seed}).").encode())
            chunk_entities, chunk_statements, quote_article = [], [], {}
    return SynthReport(dest, count, n_entities, n_statements,
                       _SHARED_TRIPLES + count * TRIPLES_PER_ARTICLE)
