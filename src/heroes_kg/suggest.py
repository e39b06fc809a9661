"""Suggest: read one article and propose candidate facts for a curator to review.

Pure-Python rules (regular expressions over the article's sentences) find

* mentions of entities the graph already knows, by name or alias (any case, possessive
  forms, a surname once the full name has appeared);
* new entity candidates: capitalized names and quoted titles the graph does not know,
  each with a proposed type;
* relation candidates from the phrasings news about films uses ("X as Y", "directed by",
  "writer-director", "sequel", dates, audience figures, "replaced X as Y", "X's dad Y"…).

Every candidate carries a verbatim quote (the clause it came from), a confidence between
0 and 1 and the name of the rule that produced it. :func:`suggest` does the work on
plain objects; :func:`render` writes the candidates file, which the curated-facts loader
refuses until ``heroes-kg accept`` has turned it into a facts file.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import vocab as _vocab
from .corpus.curation import Article, Corpus, Entity, Statement

__all__ = [
    "Candidate",
    "EntityCandidate",
    "Mention",
    "Score",
    "Suggestions",
    "leave_one_out",
    "render",
    "suggest",
    "yaml_scalar",
]


@dataclass(frozen=True)
class Mention:
    """A known entity named in the article."""

    entity: str
    text: str
    start: int
    rule: str


@dataclass
class EntityCandidate:
    id: str
    type: str
    name: str
    confidence: float
    rule: str
    quote: str = ""


@dataclass
class Candidate:
    """A candidate statement in the curated-facts shape, with its evidence quote."""

    subject: str
    property: str
    object: str | None = None
    value: str | int | bool | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    quote: str = ""
    start: int = 0
    confidence: float = 0.5
    rule: str = ""

    def key(self) -> tuple[str, str, str]:
        target = self.object if self.object is not None else str(self.value).lower()
        return self.subject, self.property, target


@dataclass
class Suggestions:
    article: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[EntityCandidate] = field(default_factory=list)
    statements: list[Candidate] = field(default_factory=list)


# --------------------------------------------------------------------------- text units

_WORD = r"(?:[A-Z][a-z]{0,2}\.(?=\s[A-Z])|[A-Z][\w’'-]*\w|[A-Z])"
#: A capitalized name: "Pedro Pascal", "JJ Dashnaw", "Ms. Granada", "Tech-No".
NAME = rf"{_WORD}(?:\s{_WORD})*"
_Q = "\"“”'‘’"
#: A quoted title, with the closing quote possibly after a comma or full stop.
TITLE = r"[\"“'‘](?P<t>[A-Z0-9][^\"“”\n]*?)[,.]?[\"”'’]"
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_GENRES = ("superhero", "horror", "comedy", "action", "animated", "fantasy", "science fiction",
           "sci-fi", "family", "musical", "thriller", "drama", "documentary", "romantic")
_STOP = {"The", "A", "An", "And", "But", "Or", "It", "Its", "He", "She", "They", "We", "I",
         "In", "On", "At", "As", "For", "From", "To", "Of", "By", "With", "This", "That",
         "These", "Those", "Not", "Both", "Aside", "According", "You", "Read", "Why", "So",
         "Screen", "Shot", "Photo", "Below", "Whip-smart", "His", "Her", "Their", "Our",
         "Christmas", "Day", "Dec", "Jan", "Top", "Stories", "Heroics", "Headquarters",
         "If", "When", "While", "After", "Before", "Also", "Then", "There", "Here", "What",
         "Who", "How", "Ms", "Mr", "Mrs", "Sequel", "Monday", "Tuesday", "Wednesday",
         "Thursday", "Friday", "Saturday", "Sunday", *(m.capitalize() for m in _MONTHS)}
_PARENT_WORDS = {"dad": "parent", "father": "parent", "mom": "parent", "mother": "parent",
                 "mum": "parent"}


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int


def _sentences(text: str) -> Iterator[_Sentence]:
    """Sentences (or lines, for text without full stops) with their offsets."""
    for para in re.finditer(r"[^\n]+", text):
        chunk, base = para.group(0), para.start()
        last = 0
        for cut in re.finditer(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“#@0-9])", chunk):
            # "Ms. Granada", "Dec. 31": an abbreviation is not the end of a sentence.
            before = chunk[last:cut.start()].rsplit(" ", 1)[-1]
            if re.fullmatch(r"(?:Ms|Mr|Mrs|Dr|Dec|Jan|Feb|Aug|Sept?|Oct|Nov|St|vs)\.", before):
                continue
            end = cut.end()
            piece = chunk[last:end].rstrip()
            if piece.strip():
                yield _Sentence(piece, base + last)
            last = end
        if chunk[last:].strip():
            yield _Sentence(chunk[last:].rstrip(), base + last)


def _slug(text: str) -> str:
    text = text.replace("’", "'").replace("'s ", "s ")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name).strip()


# --------------------------------------------------------------------------- the engine


class _Engine:
    def __init__(self, article: Article, entities: Iterable[Entity],
                 curated: Iterable[Statement] = ()) -> None:
        self.article = article
        self.curated = {_key(st) for st in curated}
        self.text = article.text
        self.known: dict[str, Entity] = {e.id: e for e in entities}
        self.names: dict[str, str] = {}
        for entity in self.known.values():
            for name in (entity.name, *entity.aliases):
                self.names.setdefault(name.lower(), entity.id)
        self.new: dict[str, EntityCandidate] = {}
        self.out = Suggestions(article.id)
        self.found: dict[tuple[str, str, str], Candidate] = {}
        self.consumed: list[tuple[int, int]] = []
        self.sentences = list(_sentences(self.text))
        self.paragraphs = [_Sentence(m.group(0), m.start())
                           for m in re.finditer(r"[^\n]+", self.text)]

    # -- entities ----------------------------------------------------------------------

    def type_of(self, entity_id: str) -> str | None:
        if entity_id in self.known:
            return self.known[entity_id].type
        if entity_id in self.new:
            return self.new[entity_id].type
        return None

    def lookup(self, name: str) -> str | None:
        name = _strip_possessive(name.strip().strip(_Q + ",.").strip())
        key = name.lower()
        if key in self.names:
            return self.names[key]
        if key.startswith("the ") and key[4:] in self.names:
            return self.names[key[4:]]
        return None

    def entity(self, name: str, type_: str, rule: str, quote: str,
               confidence: float = 0.6) -> str:
        """The id of the entity called ``name``: a known one, or a new candidate."""
        name = _strip_possessive(name.strip().strip(_Q + ",.").strip())
        found = self.lookup(name)
        if found is not None:
            return found
        if " " not in name and _vocab.is_subtype(type_, "FictionalCharacter") or \
                " " not in name and _vocab.is_subtype(type_, "Person"):
            # "Missy" for "Missy Moreno": a first name alone, when only one entity has it.
            firsts = {entity_id for key, entity_id in self.names.items()
                      if key.split(" ", 1)[0] == name.lower() and " " in key
                      and self.type_of(entity_id) == type_}
            if len(firsts) == 1:
                return firsts.pop()
        entity_id = _slug(name)
        if entity_id in self.known:
            return entity_id
        if entity_id not in self.new:
            self.new[entity_id] = EntityCandidate(entity_id, type_, name, confidence, rule,
                                                  quote)
            self.names.setdefault(name.lower(), entity_id)
            if _vocab.is_subtype(type_, "Person") and " " in name:
                self.names.setdefault(name.rsplit(" ", 1)[1].lower(), entity_id)
        return entity_id

    def derived(self, entity_id: str, type_: str, name: str, rule: str, quote: str) -> str:
        """An entity the article implies (a sequel, a premiere, a post, a figure)."""
        if entity_id not in self.known and entity_id not in self.new:
            self.new[entity_id] = EntityCandidate(entity_id, type_, name, 0.5, rule, quote)
        return entity_id

    def is_person(self, name: str, strict: bool = False) -> bool:
        found = self.lookup(name)
        if found is not None:
            t = self.type_of(found)
            return t is not None and _vocab.is_subtype(t, "Person")
        words = name.split()
        return not strict and 2 <= len(words) <= 4 and words[0] not in _STOP

    def is_character(self, name: str) -> bool:
        found = self.lookup(name)
        return found is not None and self.type_of(found) == "FictionalCharacter"

    def trim(self, name: str) -> str:
        """"Whip-smart Missy Moreno" -> "Missy Moreno": the longest known tail of a name,
        else the name without leading function words."""
        words = name.split()
        for i in range(len(words)):
            if self.lookup(" ".join(words[i:])) is not None:
                return " ".join(words[i:])
        while len(words) > 1 and (words[0] in _STOP or "-" in words[0]):
            words.pop(0)
        return " ".join(words)

    def short(self, entity_id: str) -> str:
        """"robert-rodriguez" -> "rodriguez": the id part used in derived ids."""
        t = self.type_of(entity_id) or ""
        if _vocab.is_subtype(t, "Person"):
            return entity_id.rsplit("-", 1)[-1]
        return entity_id

    # -- statements --------------------------------------------------------------------

    def add(self, subject: str, prop: str, quote: str, start: int, rule: str,
            confidence: float, *, obj: str | None = None,
            value: str | int | bool | None = None, **qualifiers: str) -> None:
        spec = _vocab.PROPERTIES[prop]
        subject_type = self.type_of(subject)
        if subject_type and not any(_vocab.is_subtype(subject_type, d) for d in spec.domain):
            return
        object_type = self.type_of(obj) if obj else None
        if object_type and not any(_vocab.is_subtype(object_type, r) for r in spec.range):
            return
        quote = quote.strip()
        starts = [m.start() for m in re.finditer(re.escape(quote), self.text)]
        if not quote or not starts:
            return
        start = min(starts, key=lambda x: abs(x - start))
        candidate = Candidate(subject, prop, obj, value, dict(qualifiers), quote,
                              start, confidence, rule)
        key = candidate.key()
        if key in self.found:
            old = self.found[key]
            old.confidence = max(old.confidence, confidence)
            return
        self.found[key] = candidate

    def films_in(self, text: str) -> list[str]:
        """Known or candidate works named in ``text``, in order."""
        hits: list[tuple[int, str]] = []
        for name, entity_id in self.names.items():
            t = self.type_of(entity_id)
            if t is None or not _vocab.is_subtype(t, "CreativeWork") or len(name) < 4:
                continue
            if t not in ("Movie", "TVSeries", "MovieSeries"):
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                hits.append((m.start(), entity_id))
        return [entity_id for _pos, entity_id in sorted(hits)]

    # -- running -----------------------------------------------------------------------

    def run(self) -> Suggestions:
        self.find_mentions()
        self.main_film = self.pick_main_film()
        for rule in (self.rule_cast, self.rule_parenthetical, self.rule_cast_list,
                     self.rule_parent, self.rule_daughter_of, self.rule_titles,
                     self.rule_directed, self.rule_behind, self.rule_sequel,
                     self.rule_development, self.rule_genre, self.rule_streaming,
                     self.rule_possessive_title, self.rule_year_title, self.rule_premiere,
                     self.rule_description, self.rule_post_on_weekday, self.rule_figures, self.rule_ranking,
                     self.rule_run_by, self.rule_stories, self.rule_new_names):
            for sentence in self.sentences:
                rule(sentence)
        for index, paragraph in enumerate(self.paragraphs):
            self.rule_tweet_embed(paragraph, self.paragraphs[index - 1] if index else None)
        self.rule_character_in_title()
        self.out.entities = sorted(self.new.values(), key=lambda e: e.id)
        used = {c.subject for c in self.found.values()} | {
            c.object for c in self.found.values() if c.object} | {
            q for c in self.found.values() for q in c.qualifiers.values()}
        self.out.entities = [e for e in self.out.entities
                             if e.id in used or e.rule == "capitalized-name"]
        self.out.statements = sorted((c for c in self.found.values()
                                      if c.key() not in self.curated),
                                     key=lambda c: (c.start, c.key()))
        return self.out

    def find_mentions(self) -> None:
        names = sorted(self.names, key=lambda n: (-len(n), n))
        if not names:
            return
        pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(n) for n in names)
                             + r")(?:[’']s)?(?!\w)", re.IGNORECASE)
        seen_full: set[str] = set()
        for m in pattern.finditer(self.text):
            entity_id = self.lookup(m.group(0))
            if entity_id is None:
                continue
            self.out.mentions.append(Mention(entity_id, m.group(0), m.start(), "known-name"))
            seen_full.add(entity_id)
        # A surname alone, once the full name has appeared ("Rodriguez" after
        # "Robert Rodriguez"), when the graph does not list it as an alias.
        taken = {(mn.start, mn.start + len(mn.text)) for mn in self.out.mentions}
        for entity_id in sorted(seen_full):
            entity = self.known[entity_id]
            if not _vocab.is_subtype(entity.type, "Person") or " " not in entity.name:
                continue
            surname = entity.name.rsplit(" ", 1)[1]
            first = min(mn.start for mn in self.out.mentions if mn.entity == entity_id)
            for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?:[’']s)?(?!\w)", self.text):
                if m.start() > first and not any(a <= m.start() < b for a, b in taken):
                    self.out.mentions.append(Mention(entity_id, m.group(0), m.start(),
                                                     "surname-after-full-name"))
            self.names.setdefault(surname.lower(), entity_id)
        self.out.mentions.sort(key=lambda mn: mn.start)

    def pick_main_film(self) -> str | None:
        counts: Counter[str] = Counter(
            mn.entity for mn in self.out.mentions if self.type_of(mn.entity) == "Movie"
            and not mn.entity.endswith("-sequel"))
        if counts:
            return counts.most_common(1)[0][0]
        titles = Counter(m.group("t") for m in re.finditer(TITLE, self.text))
        if titles:
            title = titles.most_common(1)[0][0]
            return self.entity(title, "Movie", "quoted-title", title, 0.5)
        return None

    def film_for(self, s: _Sentence) -> str | None:
        films = [f for f in self.films_in(s.text) if not f.endswith("-sequel")]
        return films[0] if films else self.main_film

    def work_for(self, s: _Sentence) -> str | None:
        """The work a sentence is about: the sequel when it speaks of one."""
        if re.search(r"\bsequel\b", s.text, re.IGNORECASE) and self.main_film:
            return self.sequel_of(self.main_film, s)
        return self.film_for(s)

    def sequel_of(self, film: str, s: _Sentence) -> str:
        for entity_id, entity in self.known.items():
            if entity_id == f"{film}-sequel" or (
                    "sequel" in entity.aliases and entity.type == "Movie"):
                return entity_id
        name = (self.known[film].name if film in self.known else self.new[film].name)
        return self.derived(f"{film}-sequel", "Movie", f"{name} sequel", "sequel", s.text)

    # -- rules: cast -------------------------------------------------------------------

    def _role(self, raw: str, start: int, quote: str) -> str | None:
        """The character of "as Y"; handles "Missy's dad Marcus Moreno"."""
        m = re.fullmatch(rf"(?P<child>{NAME})[’']s (?P<rel>\w+) (?P<name>{NAME})", raw)
        if m and m.group("rel").lower() in _PARENT_WORDS:
            child = self.entity(m.group("child"), "FictionalCharacter", "cast-as", quote)
            parent = self.entity(m.group("name"), "FictionalCharacter", "cast-as", quote)
            clause = m.group(0)
            self.add(parent, "parentOf", clause[clause.index(m.group("child")):], start,
                     "possessive-parent", 0.8, obj=child)
            return parent
        if re.fullmatch(NAME, raw) and raw.split()[0] not in _STOP:
            return self.entity(raw, "FictionalCharacter", "cast-as", quote)
        return None

    def _cast(self, actor_name: str, role: str, quote: str, start: int, rule: str,
              confidence: float, s: _Sentence) -> str | None:
        film = self.film_for(s)
        if film is None or not self.is_person(actor_name):
            return None
        actor = self.entity(actor_name, "Actor", rule, quote)
        character = self._role(role, start, quote)
        if character is None:
            return None
        self.add(actor, "plays", quote, start, rule, confidence, obj=character, **{"in": film})
        return actor

    def rule_cast(self, s: _Sentence) -> None:
        for m in re.finditer(
                rf"(?P<a>{NAME}),? (?:who )?(?P<verb>(?:also )?(?:stars|starred|plays|played)"
                rf"(?: in the (?:movie|film))?|reprised (?:her|his|their) role|replaced "
                rf"(?P<old>{NAME})) as (?P<r>(?:{NAME}[’']s \w+ )?{NAME})", s.text):
            start = s.start + m.start()
            quote = m.group(0)
            actor = self._cast(m.group("a"), m.group("r"), quote, start, "stars-as", 0.85, s)
            if actor is None:
                continue
            self.consumed.append((start, s.start + m.end()))
            film = self.film_for(s)
            character = self.lookup(_strip_possessive(m.group("r").split("'s ")[-1]
                                                      .split("’s ")[-1]))
            if m.group("verb").startswith("reprised") and character and film:
                self.add(actor, "reprisedRole", quote, start, "reprised-role", 0.8,
                         obj=character, **{"in": film})
            if m.group("old") and character and film:
                old = self.entity(m.group("old"), "Actor", "replaced-as", quote)
                self.add(actor, "replaced", quote, start, "replaced-as", 0.85, obj=old,
                         **{"in": film, "as": character})

    def rule_cast_list(self, s: _Sentence) -> None:
        """The rest of a cast list: ", Adriana Barraza as Grandma Moreno, and ..."."""
        for m in re.finditer(rf"(?:^|, (?:and )?)(?P<a>{NAME}) as (?P<r>(?:{NAME}[’']s "
                             rf"\w+ )?{NAME})", s.text):
            start = s.start + m.start("a")
            if any(a <= start < b for a, b in self.consumed):
                continue
            quote = s.text[m.start("a"):m.end()]
            self._cast(m.group("a"), m.group("r"), quote, start, "name-as-name", 0.7, s)

    def rule_parenthetical(self, s: _Sentence) -> None:
        """"YaYa Gosselin (Missy Moreno)" or "Missy Moreno (YaYa Gosselin)"."""
        for m in re.finditer(rf"(?P<a>{NAME}) \((?P<b>{NAME})\)", s.text):
            a, b = self.trim(m.group("a")), m.group("b")
            if a.split()[0] in _STOP and len(a.split()) == 1:
                continue
            if self.is_character(a) or (self.is_person(b, strict=True)
                                        and not self.is_person(a, strict=True)):
                a, b = b, a
            if self.is_character(a) or not self.is_person(a):
                continue
            self._cast(a, b, m.group(0), s.start + m.start(), "actor-parenthesis", 0.75, s)

    def rule_parent(self, s: _Sentence) -> None:
        for m in re.finditer(rf"(?P<child>{NAME})[’']s (?P<rel>dad|father|mom|mother|mum) "
                             rf"(?P<p>{NAME})", s.text):
            child = self.entity(m.group("child"), "FictionalCharacter", "possessive-parent",
                                m.group(0))
            parent = self.entity(m.group("p"), "FictionalCharacter", "possessive-parent",
                                 m.group(0))
            self.add(parent, "parentOf", m.group(0), s.start + m.start(),
                     "possessive-parent", 0.8, obj=child)

    def rule_daughter_of(self, s: _Sentence) -> None:
        """"play the daughter of iconic characters, Sharkboy and Lavagirl"."""
        m = re.search(rf"play(?:s|ed|ing)? the (?:daughter|son|child|kid) of (?:[\w ]+?, )?"
                      rf"(?P<p1>{NAME})(?: and (?P<p2>{NAME}))?", s.text)
        if not m:
            return
        # Whom the speaker plays: the person the sentence names, and their role.
        child = None
        for name in re.findall(NAME, s.text[:m.start()]):
            person = self.lookup(self.trim(name))
            roles = [c.object for c in self.found.values()
                     if c.subject == person and c.property == "plays"]
            if roles:
                child = roles[0]
                break
        if child is None:
            return
        for group in ("p1", "p2"):
            if m.group(group):
                parent = self.entity(m.group(group), "FictionalCharacter", "daughter-of",
                                     m.group(0))
                self.add(parent, "parentOf", m.group(0), s.start + m.start(), "daughter-of",
                         0.6, obj=child)

    def rule_character_in_title(self) -> None:
        """A character named in a film's title appears in that film."""
        characters = [c.object for c in self.found.values() if c.property in ("plays",
                                                                              "parentOf")]
        characters += [c.subject for c in self.found.values() if c.property == "parentOf"]
        works = {mn.entity for mn in self.out.mentions} | set(self.new)
        for character in dict.fromkeys(x for x in characters if x):
            cname = (self.known[character].name if character in self.known
                     else self.new[character].name)
            for work in sorted(works):
                t = self.type_of(work)
                if t != "Movie":
                    continue
                wname = self.known[work].name if work in self.known else self.new[work].name
                if re.search(rf"(?<!\w){re.escape(cname)}(?!\w)", wname) and wname != cname:
                    pos = self.text.find(cname)
                    sentence = next((x for x in self.sentences
                                     if x.start <= pos < x.start + len(x.text)), None)
                    if sentence is None:
                        continue
                    self.add(character, "appearsIn", cname, pos, "character-in-title", 0.5,
                             obj=work)

    # -- rules: works ------------------------------------------------------------------

    def rule_titles(self, s: _Sentence) -> None:
        for m in re.finditer(TITLE, s.text):
            title = m.group("t").strip()
            if self.lookup(title) is None and len(title) > 2 and title.upper() != title:
                after = s.text[m.end():m.end() + 12]
                type_ = "MovieSeries" if after.startswith(" franchise") else "Movie"
                if re.search(r"\b(series|show)\b", after):
                    type_ = "TVSeries"
                if " " in title and title.split()[0] in ("I", "I'm", "I’m"):
                    continue
                self.entity(title, type_, "quoted-title", m.group(0), 0.5)

    def _title_list(self, text: str) -> list[tuple[str, int, int]]:
        return [(m.group("t"), m.start(), m.end()) for m in re.finditer(TITLE, text)]

    def rule_directed(self, s: _Sentence) -> None:
        for m in re.finditer(rf"(?P<d>{NAME}) (?:also )?directed\b(?P<rest>.*)", s.text):
            if not self.is_person(m.group("d")):
                continue
            director = self.entity(m.group("d"), "Filmmaker", "directed", m.group(0))
            rest_start = m.start("rest")
            rest = m.group("rest")
            previous: str | None = None
            for title, a, b in self._title_list(rest):
                work = self.entity(title, "Movie", "directed", title)
                quote = s.text[m.start():rest_start + b]
                self.add(work, "director", quote, s.start + m.start(), "directed", 0.75,
                         obj=director)
                gap = rest[max(0, a - 20):a]
                if previous and re.search(r"\bsequel\b", gap):
                    self.add(work, "sequelOf", rest[max(0, a - 20):b].strip(" ,"),
                             s.start + rest_start + a, "its-sequel", 0.8, obj=previous)
                previous = work
            aside = re.match(rf"Aside from {TITLE}", s.text)
            if aside:
                work = self.entity(aside.group("t"), "Movie", "directed", aside.group(0))
                self.add(work, "director", s.text[:m.end("d") + 14], s.start,
                         "aside-from-directed", 0.7, obj=director)
        for m in re.finditer(rf"(?:directed by|writer-director|director) (?P<d>{NAME})",
                             s.text):
            if not self.is_person(m.group("d")):
                continue
            target = self.work_for(s)
            if target is None:
                continue
            person = self.entity(m.group("d"), "Filmmaker", "director-of", m.group(0))
            self.add(target, "director", m.group(0), s.start + m.start(), "director-of", 0.7,
                     obj=person)
            if m.group(0).startswith("writer-director"):
                self.add(target, "screenwriter", m.group(0), s.start + m.start(),
                         "writer-director", 0.7, obj=person)
        for m in re.finditer(rf"(?P<d>{NAME}) (?:is )?set to return as (?P<roles>director"
                             r"(?: and (?:screenwriter|writer))?)", s.text):
            target = self.work_for(s)
            if target is None or not self.is_person(m.group("d")):
                continue
            person = self.entity(m.group("d"), "Filmmaker", "return-as", m.group(0))
            self.add(target, "director", m.group(0), s.start + m.start(), "return-as", 0.75,
                     obj=person)
            if "writer" in m.group("roles"):
                self.add(target, "screenwriter", m.group(0), s.start + m.start(), "return-as",
                         0.75, obj=person)

    def rule_behind(self, s: _Sentence) -> None:
        m = re.search(rf"(?P<c>{NAME}),? who (?:is|was) behind (?P<rest>[^.!?]*)", s.text)
        if not m or not self.is_person(m.group("c")):
            return
        creator = self.entity(m.group("c"), "Filmmaker", "who-is-behind", m.group(0))
        for title, _a, b in self._title_list(m.group("rest")):
            work = self.entity(title, "Movie", "who-is-behind", title)
            quote = s.text[m.start():m.start("rest") + b]
            self.add(work, "creator", quote, s.start + m.start(), "who-is-behind", 0.7,
                     obj=creator)

    def rule_sequel(self, s: _Sentence) -> None:
        for m in re.finditer(rf"(?:{TITLE} sequel|\ba sequel\b|\bthe sequel\b)", s.text,
                             re.IGNORECASE):
            film = m.group("t") and self.lookup(m.group("t"))
            film = film or self.main_film
            if film is None or (self.type_of(film) or "") != "Movie":
                continue
            sequel = self.sequel_of(film, s)
            self.add(sequel, "sequelOf", s.text, s.start, "sequel", 0.7, obj=film)
            g = re.search(rf"(?P<o>{NAME}) (?:has )?(?:already )?greenlit (?:a|the) sequel",
                          s.text)
            if g:
                org = self.entity(g.group("o"), "Organization", "greenlit", g.group(0))
                self.add(sequel, "greenlitBy", g.group(0), s.start + g.start(), "greenlit",
                         0.8, obj=org)

    def rule_development(self, s: _Sentence) -> None:
        m = re.search(r"sequel (?:is|was) in [\"“]?(?:full )?development(?:[\"”]? at "
                      rf"(?P<o>{NAME}))?", s.text, re.IGNORECASE)
        if not m or self.main_film is None:
            return
        sequel = self.sequel_of(self.main_film, s)
        self.add(sequel, "developmentStatus", m.group(0), s.start + m.start(),
                 "in-development", 0.8, value="in development")
        if m.group("o"):
            org = self.entity(m.group("o"), "Organization", "development-at", m.group(0))
            self.add(sequel, "productionCompany", m.group(0), s.start + m.start(),
                     "development-at", 0.6, obj=org)

    def rule_genre(self, s: _Sentence) -> None:
        m = re.search(rf"the ({'|'.join(_GENRES)}) (?:film|movie)", s.text, re.IGNORECASE)
        if m and self.main_film:
            self.add(self.main_film, "genre", m.group(0), s.start + m.start(), "genre-film",
                     0.6, value=m.group(1).lower())

    def rule_streaming(self, s: _Sentence) -> None:
        m = re.search(rf"(?:is (?:now )?streaming|dropped|premiered|debuted) on (?P<o>{NAME})",
                      s.text)
        if not m or m.group("o") in _WEEKDAYS or m.group("o").split()[0] in _STOP:
            return
        film = self.film_for(s)
        if film is None:
            return
        org = self.entity(m.group("o"), "StreamingService", "streaming-on", m.group(0))
        if _vocab.is_subtype(self.type_of(org) or "", "Organization"):
            self.add(film, "streamingOn", s.text, s.start, "streaming-on", 0.7, obj=org)

    def rule_possessive_title(self, s: _Sentence) -> None:
        """"Shondaland's 'Bridgerton'": a company's work."""
        for m in re.finditer(rf"(?P<o>{NAME})[’']s {TITLE}", s.text):
            owner = self.lookup(m.group("o"))
            if owner is not None and not _vocab.is_subtype(self.type_of(owner) or "",
                                                           "Organization"):
                continue
            if owner is None and " " in m.group("o"):
                continue
            org = self.entity(m.group("o"), "ProductionCompany", "company-title", m.group(0),
                              0.4)
            after = s.text[m.end():m.end() + 12]
            type_ = "TVSeries" if after.startswith((" series", " show")) else "Movie"
            work = self.entity(m.group("t"), type_, "company-title", m.group(0), 0.4)
            self.add(work, "productionCompany", m.group(0), s.start + m.start(),
                     "company-title", 0.5, obj=org)

    def rule_year_title(self, s: _Sentence) -> None:
        """"2005's The Adventures of Sharkboy and Lavagirl"."""
        for m in re.finditer(r"\b(?P<y>(?:19|20)\d\d)[’']s (?P<t>[A-Z][\w:,' -]*?)"
                             r"(?=[.,;!?]|$)", s.text):
            work = self.lookup(m.group("t"))
            if work is None:
                work = self.entity(m.group("t"), "Movie", "year-title", m.group(0), 0.5)
            self.add(work, "datePublished", m.group(0), s.start + m.start(), "year-title",
                     0.8, value=m.group("y"))

    # -- rules: dates, posts, events ---------------------------------------------------

    def _date(self, text: str) -> str | None:
        """An ISO date for "January 4, 2021", "Christmas Day 2020", "Dec. 31", "Monday"."""
        try:
            return self._resolve_date(text)
        except ValueError:  # "Dec. 44", "February 30, 2021": no such day
            return None

    def _resolve_date(self, text: str) -> str | None:
        base = _dt.date.fromisoformat(self.article.date) if self.article.date else None
        m = re.fullmatch(r"([A-Za-z]+)\.? ?(\d{1,2}),? (\d{4})", text.strip())
        if m and m.group(1).lower()[:3] in _MONTH_ABBR:
            return _dt.date(int(m.group(3)), _MONTH_ABBR[m.group(1).lower()[:3]],
                            int(m.group(2))).isoformat()
        m = re.fullmatch(r"Christmas Day,? (\d{4})", text.strip(), re.IGNORECASE)
        if m:
            return f"{m.group(1)}-12-25"
        if base is None:
            return None
        m = re.fullmatch(r"([A-Za-z]+)\.? ?(\d{1,2})", text.strip())
        if m and m.group(1).lower()[:3] in _MONTH_ABBR:
            month = _MONTH_ABBR[m.group(1).lower()[:3]]
            year = base.year if month <= base.month else base.year - 1
            return _dt.date(year, month, int(m.group(2))).isoformat()
        if text.strip().lower() in _WEEKDAYS:
            back = (base.weekday() - _WEEKDAYS.index(text.strip().lower())) % 7
            return (base - _dt.timedelta(days=back or 7)).isoformat()
        return None

    def rule_premiere(self, s: _Sentence) -> None:
        m = re.search(r"premiered on (?P<d>Christmas Day,? \d{4}|[A-Z][a-z]+\.? \d{1,2},? "
                      r"\d{4})", s.text)
        film = self.film_for(s)
        if not m or film is None:
            return
        date = self._date(m.group("d"))
        event = self.derived(f"{film}-premiere", "Premiere", f"Premiere of {film}",
                             "premiered-on", m.group(0))
        self.add(event, "workFeatured", s.text, s.start, "premiered-on", 0.7, obj=film)
        if date:
            self.add(event, "startDate", m.group(0), s.start + m.start(), "premiered-on",
                     0.8, value=date)

    def _post(self, author: str, platform: str, text: str, s: _Sentence,
              date: str | None = None) -> str:
        kind = "tweet" if platform == "twitter" else f"{platform}-story"
        topic = "sequel-" if "sequel" in text.lower() else ""
        post_id = f"{self.short(author)}-{topic}{kind}"
        known_dates = {v for subj, prop, v in self.curated
                       if subj == post_id and prop == "datePublished"}
        if post_id in self.known and date is not None and known_dates \
                and date not in known_dates:
            # The graph has a post of that name from another day: this one is another.
            post_id += f"-{date}"
        return self.derived(post_id, "SocialMediaPosting", f"{author} post on {platform}",
                            "post", s.text)

    def rule_post_on_weekday(self, s: _Sentence) -> None:
        """"… said in a Twitter post on Monday": the day resolved against the article date."""
        m = re.search(rf"(?P<p>Twitter|Instagram) post on (?P<d>{'|'.join(_WEEKDAYS)})",
                      s.text, re.IGNORECASE)
        if not m:
            return
        date = self._date(m.group("d"))
        author = None
        for name in re.findall(NAME, s.text[:m.start()]):
            found = self.lookup(self.trim(name))
            if found and (_vocab.is_subtype(self.type_of(found) or "", "Person")
                          or _vocab.is_subtype(self.type_of(found) or "", "Organization")):
                author = found
                break
        if author is None or date is None:
            return
        platform_name = m.group("p").capitalize()
        platform = self.lookup(platform_name) or self.entity(
            platform_name, "SocialMediaPlatform", "post-on-weekday", platform_name)
        post = self._post(author, platform_name.lower(), s.text, s, date)
        self.add(post, "author", s.text, s.start, "post-on-weekday", 0.6, obj=author)
        self.add(post, "platform", m.group(0), s.start + m.start(), "post-on-weekday", 0.7,
                 obj=platform)
        self.add(post, "datePublished", m.group(0), s.start + m.start(), "post-on-weekday",
                 0.6, value=date)

    def rule_tweet_embed(self, s: _Sentence, before: _Sentence | None) -> None:
        """An embedded tweet: "text pic.twitter.com/… — Name (@handle) January 4, 2021".

        Without the "— Name (@handle)" signature the author is the first person the
        paragraph before names (lower confidence)."""
        m = re.search(r"^(?P<text>.+?)\s+(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s+"
                      r"(?:— (?P<who>[^(\n]+?) \((?P<h>@\w+)\) |(?P<junk>[^—\n]*?))"
                      r"(?P<d>[A-Z][a-z]+ \d{1,2}, \d{4})$", s.text)
        if not m:
            return
        if m.group("h"):
            author = self.lookup(m.group("h")) or self.lookup(m.group("who"))
            confidence = 0.8
        else:
            author, confidence = None, 0.5
            if before is not None:
                for name in re.findall(NAME, before.text):
                    found = self.lookup(self.trim(name))
                    if found and _vocab.is_subtype(self.type_of(found) or "", "Person"):
                        author = found
                        break
        if author is None:
            return
        platform = self.lookup("Twitter") or self.entity("Twitter", "SocialMediaPlatform",
                                                         "tweet-embed", "Twitter")
        text = m.group("text")
        post = self._post(author, "twitter", text, s, self._date(m.group("d")))
        tail_at = m.start("who") - 2 if m.group("h") else m.start("d")
        tail = s.text[tail_at:m.end()]
        start = s.start + tail_at
        self.add(post, "author", tail, start, "tweet-embed", confidence, obj=author)
        if m.group("h"):
            self.add(post, "platform", tail, start, "tweet-embed", 0.6, obj=platform)
            self.add(author, "accountHandle", tail, start, "tweet-handle", 0.7,
                     value=m.group("h"))
        date = self._date(m.group("d"))
        if date:
            self.add(post, "datePublished", tail, start, "tweet-embed", confidence + 0.05,
                     value=date)
        self.add(post, "text", text, s.start, "tweet-embed", 0.7, value=text)
        if "sequel" in text.lower() and self.main_film:
            sequel = self.sequel_of(self.main_film, s)
            self.add(post, "confirms", text, s.start, "tweet-sequel", 0.5, obj=sequel)
            if _vocab.is_subtype(self.type_of(author) or "", "Organization"):
                # A company's post about its own coming film is its announcement.
                self.add(post, "announces", text, s.start, "tweet-sequel", 0.4, obj=sequel)

    def rule_description(self, s: _Sentence) -> None:
        """"The movie follows the children of …": the film's synopsis."""
        if re.match(r"The (?:movie|film) (?:follows|tells|is about|centers on)", s.text) \
                and self.main_film:
            self.add(self.main_film, "description", s.text, s.start, "synopsis", 0.6,
                     value=s.text)

    def rule_stories(self, s: _Sentence) -> None:
        """"X shared the info to her Instagram Stories which was then shared by Y"."""
        m = re.search(r"(?P<who>.*?)\b(?:have |has )?shared (?:the [\w ]+ )?(?:to|in) "
                      r"(?:her|his|their) Instagram Stor(?:y|ies)", s.text)
        if not m:
            return
        platform = self.lookup("Instagram") or self.entity(
            "Instagram", "SocialMediaPlatform", "instagram-story", "Instagram")
        authors = [found for name in re.findall(NAME, m.group("who"))
                   if (found := self.lookup(self.trim(name))) is not None
                   and _vocab.is_subtype(self.type_of(found) or "", "Person")]
        first: str | None = None
        for author in dict.fromkeys(authors):
            post = self._post(author, "instagram", "", s)
            first = first or post
            self.add(post, "author", m.group(0), s.start + m.start(), "instagram-story", 0.7,
                     obj=author)
            self.add(post, "platform", m.group(0), s.start + m.start(), "instagram-story",
                     0.7, obj=platform)
        by = re.search(rf"which was then shared by (?P<p>{NAME})", s.text)
        sharer = self.lookup(by.group("p")) if by else None
        if by and first and sharer:
            post = self._post(sharer, "instagram", "", s)
            self.add(post, "author", by.group(0), s.start + by.start(), "shared-by", 0.6,
                     obj=sharer)
            self.add(post, "platform", s.text, s.start, "shared-by", 0.5, obj=platform)
            self.add(post, "shares", by.group(0), s.start + by.start(), "shared-by", 0.6,
                     obj=first)

    # -- rules: figures ----------------------------------------------------------------

    def rule_figures(self, s: _Sentence) -> None:
        """"44 million households", "in the first 28 days", "it's projected that"."""
        for m in re.finditer(r"\b(?P<n>\d+(?:\.\d+)?) (?P<scale>thousand|million|billion) "
                             r"households\b", s.text):
            rest = s.text[m.end():]
            clause = re.split(r"\band\b|;", rest, maxsplit=1)[0]
            films = self.films_in(clause)
            titles = [t for t, _a, _b in self._title_list(clause)]
            film = films[0] if films else (self.entity(titles[0], "Movie", "households",
                                                       clause) if titles else None)
            if film is None and re.search(r"\bthe (?:movie|film)\b", clause):
                film = self.main_film
            if film is None:
                # "The first film reached 44 million households": the work comes first.
                before = s.text[:m.start()]
                films = [f for f in self.films_in(before) if not f.endswith("-sequel")]
                if films:
                    film = films[-1]
                elif re.search(r"\b(?:the|this|that) (?:first |original )?(?:movie|film)\b",
                               before, re.IGNORECASE):
                    film = self.main_film
            if film is None:
                continue
            count = round(float(m.group("n")) * _SCALE[m.group("scale")])
            figure_id = f"{film}-viewership"
            if any(subj == figure_id and prop == "households" and v != str(count)
                   for subj, prop, v in self.curated):
                # The graph has another figure for that work: this one is new.
                figure_id += f"-{self.article.id}"
            figure = self.derived(figure_id, "ViewershipFigure",
                                  f"Viewership of {film}", "households", m.group(0))
            quote = m.group(0) + clause.rstrip(" ,")
            start = s.start + m.start()
            self.add(figure, "about", quote, start, "households", 0.7, obj=film)
            self.add(figure, "households", quote, start, "households", 0.8,
                     value=count)
            days = re.search(r"first (?P<n>\d+|\w+) (?P<u>days|weeks)\b", s.text)
            if days:
                n = days.group("n")
                units = int(n) if n.isdigit() else _NUMBER_WORDS.get(n.lower())
                if units:
                    self.add(figure, "periodDays", days.group(0), s.start + days.start(),
                             "first-n-days", 0.7,
                             value=units * (7 if days.group("u") == "weeks" else 1))
            if re.search(r"\bprojected\b|\bprojection\b", s.text):
                self.add(figure, "projected", s.text, s.start, "projected", 0.6, value=True)
            said = re.search(rf"(?:As|according to|According to) (?P<o>{NAME})", s.text)
            if said:
                org = self.entity(said.group("o"), "Organization", "as-x-stated",
                                  said.group(0))
                self.add(figure, "reportedBy", said.group(0), s.start + said.start(),
                         "as-x-stated", 0.6, obj=org)

    def rule_ranking(self, s: _Sentence) -> None:
        """"ranked first place on the Top 10 kids list in 88 out of 93 countries"."""
        landed = re.search(r"(?:landed|ranked|made) (?:in )?(?:the )?(?P<c>Top \d+ for all "
                           r"(?P<w>films|movies|shows|series))", s.text)
        if landed and self.main_film:
            ranking = self.derived(f"{self.main_film}-{landed.group('w')}-ranking",
                                   "ChartRanking", f"Ranking of {self.main_film}",
                                   "top-n-for-all", s.text)
            self.add(ranking, "about", s.text, s.start, "top-n-for-all", 0.6,
                     obj=self.main_film)
            self.add(ranking, "chart", s.text, s.start, "top-n-for-all", 0.6,
                     value=landed.group("c"))
            if re.search(r"\bglobally\b|\bworldwide\b", s.text):
                self.add(ranking, "scope", s.text, s.start, "top-n-for-all", 0.6,
                         value="global")
        m = re.search(r"\bin (?P<a>\d+) out of (?P<b>\d+) countries", s.text)
        if not m:
            return
        film = self.film_for(s)
        if film is None:
            return
        chart = re.search(r"Top \d+ (?P<w>[a-z]+)?", s.text)
        word = f"-{chart.group('w')}" if chart and chart.group("w") not in (None, "for",
                                                                               "list") else ""
        ranking = self.derived(f"{film}{word}-ranking", "ChartRanking", f"Ranking of {film}",
                               "countries-ranked", m.group(0))
        start = s.start + m.start()
        self.add(ranking, "about", s.text, s.start, "countries-ranked", 0.6, obj=film)
        self.add(ranking, "countriesRanked", m.group(0), start, "countries-ranked", 0.85,
                 value=int(m.group("a")))
        self.add(ranking, "countriesTotal", m.group(0), start, "countries-ranked", 0.85,
                 value=int(m.group("b")))
        named = re.search(rf"(?P<c>Top \d+ [\w ]+? list on (?P<o>{NAME}))", s.text)
        if named:
            self.add(ranking, "chart", named.group(0), s.start + named.start(), "chart-list",
                     0.6, value=named.group("c"))
            org = self.entity(named.group("o"), "StreamingService", "chart-list",
                              named.group(0))
            self.add(ranking, "platform", named.group(0), s.start + named.start(),
                     "chart-list", 0.6, obj=org)
        if re.search(r"ranked (?:first|#1|number one|No\. 1)", s.text):
            self.add(ranking, "rank", s.text, s.start, "ranked-first", 0.7, value=1)
        between = re.search(r"between (?P<x>[A-Z][a-z]+\.? ?\d{1,2}) and (?P<y>[A-Z][a-z]+\.? ?"
                            r"\d{1,2})", s.text)
        if between:
            for group, prop in (("x", "startDate"), ("y", "endDate")):
                date = self._date(between.group(group))
                if date:
                    self.add(ranking, prop, between.group(0), s.start + between.start(),
                             "between-dates", 0.7, value=date)
        said = re.search(rf"According to (?P<o>{NAME})", s.text)
        if said:
            org = self.entity(said.group("o"), "NewsMediaOrganization", "according-to",
                              said.group(0))
            self.add(ranking, "reportedBy", said.group(0), s.start + said.start(),
                     "according-to", 0.7, obj=org)

    def rule_run_by(self, s: _Sentence) -> None:
        """"their secret government safe house run by Ms. Granada"."""
        for m in re.finditer(r"\b(?:their|the|a|an) (?P<place>(?:(?!(?:the|their|a|an|as|"
                             r"they) )[a-z-]+ ){1,4})(?:run|led) by "
                             rf"(?P<who>{NAME})", s.text):
            place_type = ("FictionalPlace" if re.search(r"house|base|school|lab|city|planet",
                                                        m.group("place").strip())
                          else "FictionalOrganization")
            place = self.entity(m.group("place").strip(), place_type, "run-by", m.group(0), 0.4)
            who = self.entity(m.group("who"), "FictionalCharacter", "run-by", m.group(0), 0.4)
            self.add(who, "leads", m.group(0), s.start + m.start(), "run-by", 0.5, obj=place)

    def rule_new_names(self, s: _Sentence) -> None:
        """Capitalized names the graph does not know yet, with a guessed type."""
        covered = [(mn.start, mn.start + len(mn.text)) for mn in self.out.mentions]
        for m in re.finditer(rf"(?<![\w@#/.]){NAME}", s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(x < b and a < y for x, y in covered) or re.search(r"\d", m.group(0)):
                continue
            if s.text[m.end():m.end() + 1] in ("/", ".") and "." not in m.group(0) and \
                    s.text[m.end() + 1:m.end() + 2].isalpha():
                continue  # part of a web address or handle
            name = _strip_possessive(m.group(0))
            words = name.split()
            while words and words[0] in _STOP:
                words.pop(0)
            if not words or any(w in _STOP for w in words):
                continue
            name = " ".join(words)
            if name in ("New Year", "Christmas Day", "Christmas Eve"):
                continue
            if (self.lookup(name) is not None or name.isupper() or len(name) < 3
                    or _slug(name) in self.new):
                continue
            if len(words) == 1 and m.start() == 0:
                continue
            type_ = "Person" if 2 <= len(words) <= 3 else "Organization"
            self.new[_slug(name)] = EntityCandidate(_slug(name), type_, name, 0.3,
                                                    "capitalized-name", m.group(0))
            self.names.setdefault(name.lower(), _slug(name))


@dataclass(frozen=True)
class Score:
    """How the candidates for one article compare with its curated statements."""

    source: str
    target: str
    curated: int
    candidates: int
    found: int
    correct: int
    missed: tuple[tuple[str, str, str], ...] = ()
    wrong: tuple[tuple[str, str, str], ...] = ()

    @property
    def recall(self) -> float:
        return self.found / self.curated if self.curated else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.candidates if self.candidates else 0.0


def _key(statement: Statement) -> tuple[str, str, str]:
    target = statement.object if statement.object is not None else (
        statement.value.lexical.lower() if statement.value is not None else "")
    return statement.subject, statement.property, target


def leave_one_out(corpus: Corpus, source: str, target: str) -> Score:
    """Suggest for article ``target`` knowing only the entities of ``source``'s curated
    statements; compare by subject, property and object (or value)."""
    known: set[str] = set()
    for st in corpus.statements:
        if any(ev.article == source for ev in st.evidence):
            known |= {st.subject, *(x for x in [st.object] if x), *(v for _k, v in st.qualifiers)}
    entities = [corpus.entities[e] for e in sorted(known) if e in corpus.entities]
    result = suggest(corpus.articles[target], entities)
    curated = {_key(st) for st in corpus.statements
               if any(ev.article == target for ev in st.evidence)}
    proposed = {c.key() for c in result.statements}
    hits = curated & proposed
    return Score(source, target, len(curated), len(proposed), len(hits), len(hits),
                 tuple(sorted(curated - proposed)), tuple(sorted(proposed - curated)))


def suggest(article: Article, entities: Iterable[Entity],
            curated: Iterable[Statement] = ()) -> Suggestions:
    """Candidate mentions, entities and statements for ``article``, given the entities
    the graph already knows; statements already ``curated`` are left out."""
    return _Engine(article, entities, curated).run()


# --------------------------------------------------------------------------- rendering

_PLAIN = re.compile(r"^[A-Za-z][\w .()/-]*[\w.)]$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def yaml_scalar(value: str | bool | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS and ": " not in value \
            and " #" not in value:
        return value
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}",
                       json.dumps(value, ensure_ascii=False))


#: Characters YAML does not allow in a stream, or reads as line breaks inside quotes.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _occurrence(text: str, quote: str, start: int) -> int | None:
    """The 1-based occurrence of ``quote`` at ``start``, when it occurs more than once."""
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if len(starts) <= 1:
        return None
    return starts.index(start) + 1 if start in starts else 1


def render(suggestions: Suggestions, article: Article) -> str:
    """The candidates file: curated-facts YAML, marked as candidates.

    The ``candidates:`` key and the per-item ``confidence:`` and ``rule:`` keys make the
    curated-facts loader refuse the file, so it can never become part of the graph
    without ``heroes-kg accept``.
    """
    lines = [
        f"# Candidate facts suggested from article {article.id!r} ({article.file}).",
        "# Review every item: delete the wrong ones, fix ids and types, then run",
        "#   heroes-kg accept THIS-FILE",
        "# 'confidence' and 'rule' say how each candidate was found; accept drops them.",
        "candidates:",
        f"  article: {article.id}",
        f"  statements: {len(suggestions.statements)}",
        f"  new_entities: {len(suggestions.entities)}",
        "",
        "# Known entities the article mentions (for reference; accept ignores them).",
        "mentions:",
    ]
    seen: set[str] = set()
    for mention in suggestions.mentions:
        if mention.entity in seen:
            continue
        seen.add(mention.entity)
        count = sum(1 for m in suggestions.mentions if m.entity == mention.entity)
        lines.append(f"  - {{entity: {mention.entity}, as: {yaml_scalar(mention.text)}, "
                     f"count: {count}, rule: {mention.rule}}}")
    if not seen:
        lines[-1] = "mentions: []"
    lines += ["", "entities:"]
    for e in suggestions.entities:
        lines += [f"  - id: {e.id}", f"    type: {e.type}", f"    name: {yaml_scalar(e.name)}",
                  f"    confidence: {e.confidence:.2f}", f"    rule: {e.rule}"]
    if not suggestions.entities:
        lines[-1] = "entities: []"
    lines += ["", "statements:"]
    for c in suggestions.statements:
        lines += [f"  - subject: {c.subject}", f"    property: {c.property}"]
        if c.object is not None:
            lines.append(f"    object: {c.object}")
        else:
            assert c.value is not None
            lines.append(f"    value: {yaml_scalar(c.value)}")
        for key in ("in", "as"):
            if key in c.qualifiers:
                lines.append(f"    {key}: {c.qualifiers[key]}")
        lines += [f"    confidence: {c.confidence:.2f}", f"    rule: {c.rule}",
                  "    evidence:", f"      - article: {article.id}",
                  f"        quote: {yaml_scalar(c.quote)}"]
        occurrence = _occurrence(article.text, c.quote, c.start)
        if occurrence is not None:
            lines.append(f"        occurrence: {occurrence}")
    if not suggestions.statements:
        lines[-1] = "statements: []"
    return "\n".join(lines) + "\n"
