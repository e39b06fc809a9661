"""The shared layer every rule works on: the article cut into sentences, the entities
the graph knows and where the article names them, the works in scope, the new entities
proposed so far and the candidates found so far.

A rule is a function ``rule(doc, sentence)``; it reads the text and calls
:meth:`Doc.entity` for the entities it needs and :meth:`Doc.add` for each fact.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from collections import Counter
from collections.abc import Iterable

from ...corpus.curation import Article, Entity, Statement
from ._model import Candidate, EntityCandidate, Mention, Suggestions
from ._names import FIRST_NAMES, guess_type, is_noise
from ._terms import accepts, is_a
from ._text import (
    NAME,
    STOP,
    TITLE,
    TITLE_WORDS,
    Sentence,
    blank_link_lines,
    is_title_case,
    occurrences,
    resolve_date,
    sentences,
    slug,
    strip_possessive,
    unwrap,
    word_at,
)

__all__ = ["WORK_TYPES", "Doc", "statement_key"]

_Q = "\"“”'‘’"
#: Words for what someone does that open a sentence before their name: "Actress Lupita
#: Nyong’o has joined …".
_ROLE_NOUNS = {"actress", "actor", "star", "filmmaker", "director", "producer", "writer",
               "showrunner", "creator", "singer", "rapper", "comedian", "host", "author",
               "screenwriter", "musician", "model", "co-star", "newcomer", "veteran",
               # honorifics: "written by Dame Jane Campion"
               "dame", "sir"}
#: First names that are also words a sentence can start with: "Will Smith", "June Diane
#: Raphael", "May Calamawy".
_FIRST_NAMES = {"Will", "May", "June", "April", "August", "Grace", "Hope", "Drew"}
#: Rules that find titles in lists: "new theatrical releases including Fantastic Four, The
#: Gift, Ricki and the Flash, and more".
_LISTED_RULES = ("title-list", "listed-with-work", "quoted-list", "bracketed-credits",
                 "credit-list")
#: A participle clause set beside the title right before it, and what may stand between.
_APPOSED_CLAUSE = re.compile(r"(?:starring|co-starring|featuring|(?:co-)?(?:directed|written|"
                             r"produced|created|helmed) by)\b")
_RELATIVE_CAST = re.compile(r"(?:stars|starred|features|featured|co-stars)\b")
_WHICH_BEFORE = re.compile(r"(?: [–—-]|,) (?:(?:one|a (?:film|movie|sequel|series|show)) )?(?:which|"
                           r"that) (?:also )?$")
_APPOSED_GAP = re.compile(r"[”\"’]?(?: \((?:19|20)\d\d\))?,[”\"’]? ")
#: Types that are works a fact can be about.
WORK_TYPES = ("Movie", "TVSeries", "MovieSeries", "TVSeason")
#: Kind nouns that stand only for a series, and only for a film.
SERIES_NOUNS = ("series", "show", "sitcom", "miniseries", "docuseries")
FILM_NOUNS = ("movie", "film", "blockbuster")


def kinds_named(noun: str, any_kind: tuple[str, ...] = WORK_TYPES) -> tuple[str, ...]:
    """The work types a kind noun can stand for: a series or its season for "the series",
    "the show" …, a film for "the film", "the movie", "the blockbuster", and any of
    ``any_kind`` for a genre noun ("The anime has sold more than 2 million tickets")."""
    if noun in SERIES_NOUNS:
        return ("TVSeries", "TVSeason")
    if noun in FILM_NOUNS:
        return ("Movie",)
    return any_kind


def statement_key(statement: Statement) -> tuple[str, str, str]:
    target = statement.object if statement.object is not None else (
        statement.value.lexical.lower() if statement.value is not None else "")
    return statement.subject, statement.property, target


@functools.lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of every known name, longest first (kept: the same graph is
    asked about article after article)."""
    return re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(n) for n in names)
                      + r")(?:[’']s)?(?!\w)", re.IGNORECASE)


#: No title is longer than this (characters): how far back a covering span can start.
_SPAN_REACH = 400
#: At most this many quotes per candidate.
_MAX_QUOTES = 3


_POSSESSIVE_CAPITAL = re.compile(r"[’']s [A-Z]")
_STARRED_AFTER = re.compile(r"[”\"’]?[’']s?[”\"’]? [A-Z]|[”\"’] stars? [A-Z]|[”\"’]? (?:co-)?star [A-Z]|[”\"’]? (?:breakout|alum|"
                            r"alumna|actor|actress|co-directors?|directors?|writers?|co-writers?|"
                            r"helmers?|co-creators?|"
                            r"creators?|producers?|showrunners?|veteran) [A-Z]|"
                            # "Knives Out sequel Glass Onion": the title after is the subject
                            r" (?:sequel|prequel|spinoff|spin-off|reboot|remake) [“\"‘]?[A-Z]")
_SCOPE_BREAK = re.compile(r"\b[A-Z]\w+ of [“\"‘]?$")
_EARLIER_CREDIT = re.compile(r"\b(?:previously|also|once|earlier|last) (?:created|co-created|directed|"
                             r"wrote|co-wrote|produced|starred in|appeared in)\s*(?:[A-Z][\w+.-]*[’']s )?"
                             r"(?:[a-z-]+,? ){0,4}?[“\"‘]?$|\b(?:starring |"
                             r"lead |recurring |breakout )?(?:role|cameo(?: as [\w ]{1,30})?) in "
                             r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)*[’']s )?"
                             r"[“\"‘]?$|\bstars on (?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)*[’']s )?[“\"‘]?$")
_PREDECESSOR_WORD = re.compile(r"\b(?:predecessor|forerunner|(?:earlier|previous|former) (?:show|series|"
                               r"film|movie|feature|documentary))\s*[“\"‘]?$")
_DATED_OWNER = re.compile(r"\b(?:his|her|their|[A-Z][\w.-]*[’']s?) (?:[\w-]+ ){0,4}?(?P<y>(?:19|20)"
                          r"\d\d) (?:[\w-]+ )?(?:film|movie|series|show|documentary)\s*[“\"‘]?$")
_DECADE_BEFORE = re.compile(r"\b(?P<y>(?:19|20)\d\d)[’']s\s*[“\"‘]?$")
_OPEN_PARENTHESIS_BEFORE = re.compile(r"[A-Za-z.] \( ?(?:[^()]{0,60},[”\"’]? )?[“\"‘]?$")
_DEFINITE_KIND = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}?(?P<k>show|series|film|movie|sitcom|"
                            r"miniseries|docuseries|anime|documentary|thriller|comedy|"
                            r"drama)\b(?![’'-])")
_OWNER_BEFORE_QUOTE = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)+)[’']s [“\"‘]$")


_LINE = re.compile(r"[^\n]+")
_OTHER_NEWS = re.compile(r"\s*(?:In other news|Elsewhere|Separately|Also)\b")
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)(?: new,?| revitalized,?| rebooted)* "
                      r"(?P<w>version|reboot|remake|revival|redo|sequel|follow-up|"
                      r"(?:\w+ ){0,2}seasons)\b")
_CREDIT_PARENTHESIS_CLOSE = re.compile(r" ?[,.]?[”\"’]?(?: ?,? [^()]{0,60})?\)")
_THE_WORK_AHEAD = re.compile(r"[^.;,“\"]{0,40}?\b[Tt]he (?:film|movie|series|show)\b")
_RELATIVE_CLAUSE = re.compile(r", (?:who|whose|which)\b")
_LEADING_THE = re.compile(r"^the ")


#: A relative clause right after a title: "“Passing,” which is …".
_WHICH_AFTER = re.compile(r"[”\"’]?,?[”\"’]?\s*(?:,|—|–)?\s*(?:which|that) (?:is|was|stars|follows|tells)\b")
#: A phrase opening a sentence with "In" and a work: "In the Stargirl sequel, …".
_FRONTED_IN = re.compile(r"In (?:the |a |an )?[^,;.]{2,60}?,")
#: A year in a phrase pointing back to a work: "The cult 1982 film".
_PAST_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A phrase fronted before a sentence's subject, with its comma: "Elsewhere in North
#: America, ", "Rounding out the top five, ".
_FRONTED = r"(?:In|Elsewhere|Meanwhile|Also|At|On|Over|Further|Rounding|Behind)\b[^,;.“”\"]{0,40}, "
#: The words a sentence may open with before the title that is its subject: a fronted
#: phrase and its comma, a possessive or an article, a few words that describe the work
#: ending in a kind noun ("Universal’s body-swap slasher film “", "Elsewhere in North
#: America, "", "Perennial holiday favourite “"); no verb among them ("Netflix announced
#: “…”" names its object).
_DESCRIBED_OPENING = re.compile(
    rf"(?:{_FRONTED})?"
    r"(?:(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})[’']s? |(?:[Tt]he|[Aa]n?) )?"
    r"(?:(?!(?:is|was|has|had|have|will|announced|released|said|says|made|took|led|stars|"
    r"starred|includes?|included)\b)(?:[A-Z][\w-]*|[a-z][\w-]*) ){0,3}"
    r"(?:film|movie|series|show|drama|comedy|thriller|hit|favourite|favorite|"
    r"documentary|adventure|musical|horror|sequel|feature|blockbuster|animation|romance) "
    rf"[“\"‘]|{_FRONTED}[“\"‘]?")
#: A kind word right before a title: "revealed a poster for the show Gulkanda Tales".
_KIND_BEFORE = re.compile(r"\b(?:the|a|an|new) (?:[\w-]+ ){0,2}?(?:show|series|film|movie|drama|"
                          r"comedy|thriller|documentary|docuseries|miniseries|sitcom) [“\"‘]?$")


#: After a title, the word that makes it an episode: "the famed “Battle of the Bastards”
#: episode"; not "“Succession” episodes ahead" (plural: the series' episodes).
_EPISODE_AFTER = re.compile(r"[”\"’']? episode\b(?!s)")
#: After an exclamation, who says it: "“Wahoo!” as the titular character likes to exclaim",
#: "“Yes!” she shouted".
_LINE_SAID_AFTER = re.compile(r"[”\"’']?,? (?:as |he |she |they |I |we |[A-Z]\w+ )(?:[\w’'-]+ ){0,4}?"
                              r"(?:likes to |used to |would |loves to )?(?:exclaims?|exclaimed|"
                              r"says?|said|shouts?|shouted|yells?|yelled|cries|cried|puts? it)\b")


def _span_index(spans: list[Sentence], starts: list[int], pos: int, slack: int) -> int | None:
    """The first of ``spans`` (in text order, ``starts`` their offsets) with
    ``start <= pos < end + slack``, found by bisection."""
    index = bisect.bisect_right(starts, pos) - 1
    if index < 0:
        return None
    # an earlier span whose slack reaches past the next one's start comes first
    while slack and index > 0 and pos < spans[index - 1].end + slack:
        index -= 1
    return index if pos < spans[index].end + slack else None


#: A title set beside another as its franchise: "…, the third Knives Out mystery".
_NTH_OF_BEFORE = re.compile(r"\w[”\"’]?, the (?:(?:first|second|third|fourth|fifth|sixth|seventh|"
                            r"eighth|ninth|tenth|latest|newest|next|new|final|last|upcoming) )+[“\"‘]?$")
_FRANCHISE_AFTER = re.compile(r"[”\"’]? (?:film|movie|mystery|installment|instalment|entry|chapter|"
                              r"outing|adventure|sequel|series|season)\b")


class Doc:
    """One article being read, with everything the rules share."""

    def __init__(self, article: Article, entities: Iterable[Entity],
                 curated: Iterable[Statement] = ()) -> None:
        self.article = article
        #: The article's text, a hard-wrapped one with its lines joined (same offsets).
        self.text = blank_link_lines(unwrap(article.text))
        curated = list(curated)
        self.curated = {statement_key(st) for st in curated}
        # a role curated as played in a work says the character appears in it: drafting
        # that again would add nothing the graph does not already say
        self.curated |= {(st.object, "appearsIn", work) for st in curated
                         if st.property == "plays" and st.object
                         for key, work in st.qualifiers if key == "in"}
        self.known: dict[str, Entity] = {e.id: e for e in entities}
        self.names: dict[str, str] = {}
        for entity in self.known.values():
            for name in (entity.name, *entity.aliases):
                self.names.setdefault(name.lower(), entity.id)
        self.new: dict[str, EntityCandidate] = {}
        self.out = Suggestions(article.id)
        self.found: dict[tuple[str, str, str], Candidate] = {}
        self.consumed: list[tuple[int, int]] = []
        self.sentences = list(sentences(self.text))
        self.paragraphs = [Sentence(m.group(0), m.start())
                           for m in _LINE.finditer(self.text)]
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        #: (start, end, work id) of every work named in the text, known or new.
        self.work_spans: list[tuple[int, int, str]] = []
        self.main_film: str | None = None
        #: Whether the main work has been chosen (it may be None).
        self.picked = False
        #: (offset, work) of each section heading that names a work.
        self.headings: list[tuple[int, str]] = []
        #: (offset, title, date, line) of each heading that gives a date: "The Mysterious
        #: Benedict Society (Friday, June 25)".
        self.heading_dates: list[tuple[int, str, str, str]] = []
        self._mask: tuple[object, bytearray] | None = None
        #: What a rule reads once per article and keeps.
        self.memo: dict[str, object] = {}
        try:
            self.base_date = _dt.date.fromisoformat(article.date) if article.date else None
        except ValueError:
            self.base_date = None

    # -- entities ----------------------------------------------------------------------

    def type_of(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        if entity_id in self.known:
            return self.known[entity_id].type
        if entity_id in self.new:
            return self.new[entity_id].type
        return None

    def name_of(self, entity_id: str) -> str:
        if entity_id in self.known:
            return self.known[entity_id].name
        return self.new[entity_id].name if entity_id in self.new else entity_id

    def lookup(self, name: str) -> str | None:
        name = strip_possessive(name.strip().strip(_Q + ",.").strip())
        key = name.lower()
        if key in self.names:
            return self.names[key]
        if key.startswith("the ") and key[4:] in self.names:
            return self.names[key[4:]]
        if "the " + key in self.names and self.type_of(self.names["the " + key]) in WORK_TYPES:
            # "Lost Boys" for "The Lost Boys".
            return self.names["the " + key]
        return None

    def entity(self, name: str, type_: str | None, rule: str, quote: str,
               confidence: float = 0.6) -> str:
        """The id of the entity called ``name``: a known one, or a new candidate of
        ``type_`` (None: guessed from the name)."""
        name = strip_possessive(name.strip().strip(_Q + ",.").strip())
        if type_ is not None and is_a(type_, "Person") and _POSSESSIVE_CAPITAL.search(name):
            # "The Big Short's Adam McKay": the person after the credit
            name = re.split(r"[’']s (?=[A-Z])", name)[-1]
        if (type_ is None or is_a(type_, "Person")) and name.count(" ") >= 2:
            name = self.headline_name(name)
        found = self.lookup(name)
        if found is not None:
            guess = self.new.get(found)
            if guess is not None and guess.rule == "capitalized-name" and type_ and \
                    rule != "capitalized-name" and guess.name.lower() == name.lower():
                # A rule that knows what it found beats the guess made from a bare name.
                guess.type, guess.rule, guess.confidence = type_, rule, confidence
            return found
        if type_ is None:
            type_ = guess_type(name)
        if " " not in name and (is_a(type_, "FictionalCharacter") or is_a(type_, "Person")):
            # "Missy" for "Missy Moreno": a first name alone, when only one entity has it.
            firsts = {entity_id for key, entity_id in self.names.items()
                      if key.split(" ", 1)[0] == name.lower() and " " in key
                      and self.type_of(entity_id) == type_}
            if len(firsts) == 1:
                return firsts.pop()
        entity_id = slug(name)
        if entity_id in self.known:
            return entity_id
        if entity_id not in self.new:
            self.new[entity_id] = EntityCandidate(entity_id, type_, name, confidence, rule,
                                                  quote)
            self.names.setdefault(name.lower(), entity_id)
            if is_a(type_, "Person") and " " in name:
                self.names.setdefault(name.rsplit(" ", 1)[1].lower(), entity_id)
        return entity_id

    def headline_name(self, name: str) -> str:
        """"Lee Jung-Jae Lands is the latest actor …" under the headline "Squid Game star
        Lee Jung-jae to lead …": the name the headline gives, without the word the title
        case of the text ran into."""
        headline = self.article.title.lower()
        short = name.rsplit(" ", 1)[0]
        # "Anya Taylor Joy" under "… fame Anya Taylor-Joy reveals …": the whole name,
        # hyphenated there, not a word the title case ran into
        if name.lower() not in headline and word_at(headline, short.lower(), after="-"):
            return short
        return name

    def is_guess(self, entity_id: str | None) -> bool:
        """A new entity typed from its bare name only, which a rule may retype."""
        return entity_id in self.new and self.new[entity_id].rule == "capitalized-name"

    def derived(self, entity_id: str, type_: str, name: str, rule: str, quote: str) -> str:
        """An entity the article implies (a sequel, a premiere, a post, a figure)."""
        if entity_id not in self.known and entity_id not in self.new:
            self.new[entity_id] = EntityCandidate(entity_id, type_, name, 0.5, rule, quote)
        return entity_id

    def is_person(self, name: str, strict: bool = False) -> bool:
        found = self.lookup(name)
        if found is not None:
            return is_a(self.type_of(found), "Person")
        words = name.split()
        return (not strict and 2 <= len(words) <= 4 and (
            words[0] not in STOP or (words[0] in _FIRST_NAMES and words[1] not in STOP))
                and not is_noise(name) and guess_type(name) == "Person")

    def is_character(self, name: str) -> bool:
        found = self.lookup(name)
        return found is not None and self.type_of(found) == "FictionalCharacter"

    def trim(self, name: str) -> str:
        """"Whip-smart Missy Moreno" -> "Missy Moreno": the name without leading
        function words and adjectives; a known name's tail only after those."""
        words = name.split()
        while len(words) > 1 and (words[0] in STOP or "-" in words[0] or
                                  words[0].lower() in _ROLE_NOUNS) and not (
                words[0] in _FIRST_NAMES and len(words) == 2 and words[1] not in STOP):
            words.pop(0)
        return " ".join(words)

    def short(self, entity_id: str) -> str:
        """"robert-rodriguez" -> "rodriguez": the id part used in derived ids."""
        if is_a(self.type_of(entity_id), "Person"):
            return entity_id.rsplit("-", 1)[-1]
        return entity_id

    def date(self, text: str) -> str | None:
        return resolve_date(text, self.base_date)

    # -- statements --------------------------------------------------------------------

    def add(self, subject: str, prop: str, quote: str, start: int, rule: str,
            confidence: float, *, obj: str | None = None,
            value: str | int | bool | None = None, **qualifiers: str) -> Candidate | None:
        """Record a candidate, if its types fit the property and its quote is in the
        text; a second finding of the same fact only raises its confidence."""
        if not accepts(prop, self.type_of(subject), self.type_of(obj)):
            return None
        if obj is not None and obj == subject:
            return None
        quote = quote.strip()
        if not quote:
            return None
        if not self.text.startswith(quote, start):
            starts = occurrences(self.text, quote)
            if not starts:
                return None
            start = min(starts, key=lambda x: abs(x - start))
        candidate = Candidate(subject, prop, obj, value, dict(qualifiers), quote,
                              start, confidence, rule)
        key = candidate.key()
        if key in self.found:
            old = self.found[key]
            if rule != old.rule:
                # every other rule's finding is kept, the displaced one too, for the
                # calibration to choose the surest (suggest's _surest_finding)
                kept = (rule, confidence, quote, start, dict(qualifiers))
                if confidence > old.confidence:
                    kept = (old.rule, old.confidence, old.quote, old.start,
                            dict(old.qualifiers))
                old.findings.append(kept)
            if confidence > old.confidence:
                # A better finding of the same fact brings its own quote first.
                old.more.insert(0, (old.quote, old.start))
                old.quote, old.start, old.rule = quote, start, rule
                old.qualifiers = dict(qualifiers)
            elif all(not (a < start + len(quote) and start < a + len(q))
                     for q, a in old.quotes()) and len(old.more) < _MAX_QUOTES - 1:
                old.more.append((quote, start))  # found again elsewhere in the text
            old.confidence = max(old.confidence, confidence)
            del old.more[_MAX_QUOTES - 1:]
            return old
        self.found[key] = candidate
        return candidate

    # -- works in scope ----------------------------------------------------------------

    def sentence_index(self, pos: int, slack: int = 0) -> int | None:
        """The index of the sentence that holds offset ``pos``, or None: with ``slack``,
        a position up to that many characters past a sentence's end (the space or line
        break after it) belongs to it too. The first such sentence, as a scan in text
        order finds it."""
        return _span_index(self.sentences, self._sentence_starts, pos, slack)

    def sentence_at(self, pos: int, slack: int = 0) -> Sentence | None:
        """The sentence that holds offset ``pos`` (see ``sentence_index``), or None."""
        index = self.sentence_index(pos, slack)
        return None if index is None else self.sentences[index]

    def paragraph_index(self, pos: int, slack: int = 0) -> int | None:
        """The index of the paragraph (a line of text) that holds offset ``pos``, or
        None; ``slack`` as for ``sentence_index`` (1: its line break too)."""
        return _span_index(self.paragraphs, self._paragraph_starts, pos, slack)

    def paragraph_at(self, pos: int, slack: int = 0) -> Sentence | None:
        """The paragraph that holds offset ``pos`` (see ``paragraph_index``), or None."""
        index = self.paragraph_index(pos, slack)
        return None if index is None else self.paragraphs[index]

    def add_work_span(self, start: int, end: int, work: str) -> None:
        """A work named at [start, end): a longer title hides the works inside it.

        The spans stay sorted; a title is never longer than _SPAN_REACH characters, so only
        the spans near ``start`` are looked at."""
        spans = self.work_spans
        lo = bisect.bisect_left(spans, (start - _SPAN_REACH,))
        i = lo
        while i < len(spans) and spans[i][0] < end:
            a, b, _w = spans[i]
            if start <= a and b <= end and (a, b) != (start, end):
                del spans[i]
                continue
            if a <= start and end <= b:
                return
            i += 1
        bisect.insort(spans, (start, end, work))

    def replace_span(self, start: int, end: int, work: str) -> None:
        """The work named at [start, end) is ``work`` after all ("New seasons of “Lucifer”":
        the new season, not the series)."""
        self.work_spans[:] = [(a, b, work if (a, b) == (start, end) else w)
                              for a, b, w in self.work_spans]

    def _near(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Spans that start in [start, end)."""
        spans = self.work_spans
        lo = bisect.bisect_left(spans, (start,))
        hi = bisect.bisect_left(spans, (end,))
        return spans[lo:hi]

    def work_span_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The work span that already covers [start, end), if any."""
        return next(((a, b, w) for a, b, w in self._near(start - _SPAN_REACH, start + 1)
                     if a <= start and end <= b), None)

    def span_starting(self, pos: int) -> list[tuple[int, int, str]]:
        """The work spans that start exactly at ``pos`` (a title right after a phrase)."""
        return [(a, b, w) for a, b, w in self._near(pos, pos + 1) if a == pos]

    def before_quote(self, start: int) -> int:
        """``start`` moved back before an opening quotation mark right before it (none
        before the text's first character)."""
        return start - 1 if start > 0 and self.text[start - 1] in "“\"‘" else start

    def past_quote(self, end: int) -> int:
        """``end`` moved past a closing quotation mark right after it: a title's quote
        ends with its quotation mark."""
        return end + (1 if self.text[end:end + 1] in "”\"’" else 0)

    def works_in_spans(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(a, b, w) for a, b, w in self._near(start, end) if b <= end]

    def works_in(self, start: int, end: int) -> list[str]:
        """Works named between two offsets, in order."""
        return [w for a, b, w in self._near(start, end) if b <= end]

    def films_in(self, text: str) -> list[str]:
        """Known or candidate works named in ``text`` (a piece of the article), in
        order."""
        at = self.text.find(text) if text else -1
        if at >= 0:
            return self.works_in(at, at + len(text))
        hits: list[tuple[int, str]] = []
        for name, entity_id in self.names.items():
            if self.type_of(entity_id) not in WORK_TYPES or len(name) < 4:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                hits.append((m.start(), entity_id))
        return [entity_id for _pos, entity_id in sorted(hits)]

    def work_before(self, pos: int, s: Sentence | None = None,
                    exclude_sequels: bool = True) -> str | None:
        """The work a clause at ``pos`` is about: the last work named before it in its
        sentence, else in the sentences before it in its paragraph, else the article's
        main work."""
        floor = s.start if s is not None else 0
        para = self.paragraph_at(pos, 1)
        for lower in (floor, para.start if para else floor):
            works = [w for a, b, w in self.work_spans if lower <= a < pos
                     and self.scoping(a, b, w, exclude_sequels)]
            if works:
                return self._series_of(works[-1], s or Sentence("", pos), pos) \
                    if s is not None else works[-1]
        if s is not None:
            pointed = self._definite(pos, s)
            if pointed is not None:
                return pointed
        sections = [w for at, w in self.headings if at <= pos]
        if sections:
            return sections[-1]
        if self.main_film is None:
            # While the titles are still being read: the last work named before (once
            # they are read, an article with no main work has none to fall back on).
            earlier = [w for a, b, w in self.work_spans if a < pos
                       and self.scoping(a, b, w, exclude_sequels)
                       and not (self.picked and w in self.new
                                and self.new[w].rule == "credit-title")]
            return earlier[-1] if earlier else None
        if para is not None and not self._about_main(para, pos):
            return None
        if para is not None and self.main_film is not None:
            # "The latest victim of this craze is 2001’s Zoolander. … new additions to the
            # cast include … Zoolander 2 will open …": a paragraph about one other work,
            # named later in it as a sentence's subject, and never the main one
            named = {w for a, b, w in self.work_spans if para.start <= a < para.end}
            later = {w for a, b, w in self.work_spans if pos <= a < para.end
                     and self.scoping(a, b, w, False)}
            opening = {w for a, b, w in self.work_spans if pos <= a < para.end
                       and re.search(r"(?:^|[.!?]\s+)$", self.text[max(0, a - 3):a])}
            if len(later) == 1 and later == opening and self.main_film not in named and \
                    self.series_of(next(iter(later))) != self.main_film:
                return later.pop()
        return self.main_film

    def _about_main(self, para: Sentence, pos: int) -> bool:
        """Whether a clause at ``pos`` can be taken to go on about the article's main work:
        its paragraph names no other work before it, or it points back to one ("the
        film", "it", "the sequel")."""
        others = [w for a, b, w in self.work_spans if para.start <= a < pos
                  and w != self.main_film and self.scoping(a, b, w, False)]
        if not others and not _OTHER_NEWS.match(para.text):
            return True
        return bool(re.search(r"\b(?:[Tt]he (?:[\w-]+ )?(?:film|movie|series|show|sequel|"
                              r"premiere|finale|season)|[Ii]t|[Ii]ts)\b",
                              self.text[para.start:pos]))

    def numbered_before(self, pos: int) -> str | None:
        """The numbered sequel that "the sequel" at ``pos`` stands for: the last numbered
        film named before it in its paragraph, when the article's main work is not named
        after it ("Ralph Breaks the Internet: Wreck-It Ralph 2 leaves … The sequel hits
        theaters on November 21")."""
        para = self.paragraph_at(pos, 1)
        if para is None:
            return None
        named = [w for a, _b, w in self.work_spans if para.start <= a < pos
                 and self.type_of(w) == "Movie"]
        numbered = [w for w in named if re.search(r"\w (?:[2-9]|II|III|IV)$", self.name_of(w))]
        if numbered and self.main_film not in named[named.index(numbered[-1]):]:
            return numbered[-1]
        return None

    def anaphor(self, pos: int, s: Sentence) -> str | None:
        """The work a phrase before ``pos`` in its sentence points back to: "the new
        version" / "the reboot" (the reboot named last), "the sequel" (the main work's),
        "the remaining four seasons" (the series in scope)."""
        clause = self.text[s.start:pos]
        m = None
        for m in _ANAPHOR.finditer(clause):  # noqa: B007 (the last match is wanted)
            pass
        if m is None:
            return None
        word = m.group("w")
        if word.endswith("seasons"):
            return self.series_of(self.work_before(s.start + m.start(), s))
        if word in ("sequel", "follow-up"):
            numbered = self.numbered_before(s.start + m.start())
            if numbered is not None:
                return numbered
            if self.main_film is None:
                return None
            if self.main_film.endswith("-sequel") or re.search(
                    r" (?:[2-9]|II|III|IV)$", self.name_of(self.main_film)) or \
                    self.predecessor(self.main_film) is not None:
                return self.main_film  # the article is about the sequel itself
            return self.sequel_of(self.main_film, s)
        derived = [w for a, _b, w in self.work_spans if a < s.start + m.start()
                   and re.search(r"-(?:reboot|remake)$", w)]
        return derived[-1] if derived else None

    def scoping(self, a: int, b: int, w: str, exclude_sequels: bool = True) -> bool:
        """Whether the work named at [a, b) can be what a later clause is about: not a
        credit ("“The Walking Dead’s” Andrew Lincoln"), not a sequel when asked."""
        if exclude_sequels and w.endswith("-sequel"):
            return False
        after = self.text[b:b + 30]
        if _STARRED_AFTER.match(after):
            return False  # a credit: "“Atlanta” breakout Zazie Beetz"
        if _FRANCHISE_AFTER.match(after) and _NTH_OF_BEFORE.search(self.text[max(0, a - 60):a]):
            return False  # the franchise of the work before: "Wake Up Dead Man, the third
            # Knives Out mystery from writer/director Rian Johnson"
        return not self._earlier_credit(a, b) and not _SCOPE_BREAK.search(self.text[max(0, a - 80):a])

    def _earlier_credit(self, a: int, b: int) -> bool:
        """The work named at [a, b) is someone's earlier credit: "Mazin previously created
        “Chernobyl”", "a small cameo as himself in “Uncut Gems”", "Trey Edward Shults
        ("Waves," "It Comes At Night")"."""
        before = self.text[max(0, a - 80):a]
        if _EARLIER_CREDIT.search(before):
            return True
        if _PREDECESSOR_WORD.search(before):
            return True  # "its 2018 predecessor “The Nun,”", "her earlier show Gilmore Girls"
        dated = _DATED_OWNER.search(before)
        dated = dated or _DECADE_BEFORE.search(before)
        if dated and self.base_date is not None and int(dated.group("y")) < self.base_date.year:
            return True  # "Miyazaki's celebrated 2001 film Spirited Away", "2001’s Zoolander"
        # a credit in brackets: "Tom Hooper (“The King’s Speech”)", "Joe Wright (Pride &
        # Prejudice, Atonement)"
        return bool(_OPEN_PARENTHESIS_BEFORE.search(before) and
                    _CREDIT_PARENTHESIS_CLOSE.match(self.text[b:b + 64]))

    def series_of(self, work: str | None) -> str | None:
        """The series a season belongs to (the work itself for anything else)."""
        if work is None or self.type_of(work) != "TVSeason":
            return work
        return next((c.object for c in self.found.values() if c.subject == work and
                     c.property == "partOfSeries" and c.object), work)

    def _series_of(self, work: str | None, s: Sentence, pos: int) -> str | None:
        """A season stands for its series unless the clause speaks of a season."""
        if work is None or self.type_of(work) != "TVSeason":
            return work
        if re.search(r"\bseason\b", self.text[s.start:pos], re.IGNORECASE):
            return work
        return self.series_of(work)

    def _definite(self, pos: int, s: Sentence) -> str | None:
        """"the show", "the series", "the film": the last work of that kind named
        before."""
        m = None
        for m in _DEFINITE_KIND.finditer(self.text[s.start:pos]):  # noqa: B007 (the last match is wanted)
            pass
        if m is None:
            return None
        kinds = kinds_named(m.group("k"), any_kind=("Movie", "TVSeries", "TVSeason"))
        earlier = [w for a, b, w in self.work_spans if a < s.start + m.start()
                   and self.type_of(w) in kinds and self.scoping(a, b, w)]
        if not earlier:
            return None
        main = self.main_film
        year = _PAST_YEAR.search(m.group(0))
        if year and m.start() == 0 and main is not None and self.base_date is not None and \
                int(year.group(0)) < self.base_date.year and not any(
                    c.subject == main and c.property == "datePublished" and
                    str(c.value).startswith(year.group(0)) for c in self.found.values()):
            # "The cult 1982 film, directed by Ridley Scott, …" in an article about its
            # sequel: the earlier film, not the one the article is about (as the sentence's
            # subject; "previously adapted into the 1987 film starring …" is read by its rule)
            before = self.predecessor(main)
            if before is not None and self.type_of(before) in kinds:
                return before
        # "In addition to Johnson and Statham, the upcoming movie is set to star …": the
        # clause's subject after a fronted phrase, as at the sentence's start
        opening = m.start() == 0 or re.fullmatch(r"[A-Z][^,;“”\"]{0,80}, ",
                                                 self.text[s.start:s.start + m.start()])
        if opening and main is not None and main != earlier[-1] and \
                self.type_of(main) in kinds and main in earlier and \
                not any(at <= s.start for at, _w in self.headings) and \
                self._about_main_before(s) and not self._introduced_before(s, earlier[-1]):
            # "The Netflix original with the most views remains ‘The Witcher’. The Omar
            # Sy-led series debuted on January 8": the sentence before was not about
            # another work, which it only named, so "the series" is the article's.
            return main
        return self.series_of(earlier[-1])

    def _about_main_before(self, s: Sentence) -> bool:
        """Whether the sentence before ``s`` does not open with a work other than the
        article's main work (a work named later in it was only compared with it)."""
        at = bisect.bisect_left([x.start for x in self.sentences], s.start)
        if at == 0:
            return False
        prev = self.sentences[at - 1]
        opening = self.span_starting(prev.start) or self.span_starting(prev.start + 1)
        if not opening:
            # "Gibney’s The Inventor: Out For Blood In Silicon Valley (pictured), which …":
            # a maker's possessive before the title the sentence opens with
            lead = re.match(r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})[’']s? [“\"‘]?",
                            prev.text)
            opening = self.span_starting(prev.start + lead.end()) if lead else []
        if not opening:
            # "Universal’s body-swap slasher film “Freaky” nabbed fourth place", "Elsewhere
            # in North America, "The Little Things" made $1.2 million": the title after a
            # phrase that only describes it (a possessive, a kind, a fronted phrase)
            described = _DESCRIBED_OPENING.match(prev.text)
            opening = self.span_starting(prev.start + described.end()) if described else []
        return not opening or opening[0][2] == self.main_film

    def _introduced_before(self, s: Sentence, work: str) -> bool:
        """Whether the sentence before ``s`` brings ``work`` in as a new subject: "Other
        releases announced Monday by Netflix include the drama “Passing,” which is the
        directorial debut of Rebecca Hall. The movie starring Tessa Thompson …" (a title
        a relative clause goes on about, or one of the "other" works a list turns to)."""
        at = bisect.bisect_left([x.start for x in self.sentences], s.start)
        if at == 0:
            return False
        prev = self.sentences[at - 1]
        spans = [(a, b) for a, b, w in self.work_spans if w == work and prev.start <= a < prev.end]
        if not spans:
            return False
        if any(_KIND_BEFORE.search(self.text, max(prev.start, a - 40), a) for a, _b in spans):
            # "The filmmaking duo also revealed a poster for the show Gulkanda Tales.
            # Directed by …, the satirical series stars …": brought in as "the show", in
            # a paragraph that does not name the article's work
            para = self.paragraph_at(s.start, 1)
            if para is not None and para.start <= prev.start and self.main_film not in \
                    self.works_in(para.start, s.start):
                return True
        return bool(re.match(r"(?:Other|Another|Also)\b", prev.text)) or any(
            _WHICH_AFTER.match(self.text, b) for _a, b in spans)

    def upcoming(self, pos: int, s: Sentence) -> str | None:
        """The coming work (a sequel, a reboot, a new season) named in this sentence or
        the one before: what "Ayer will continue on as producer" is about."""
        index = next((i for i, x in enumerate(self.sentences) if x.start == s.start), None)
        if index is None:
            return None
        lower = self.sentences[max(0, index - 1)].start
        coming = [w for a, _b, w in self.work_spans if lower <= a < pos and (
            re.search(r"-(?:sequel|reboot|remake|season-\d+)$", w) or
            re.search(r" (?:[2-9]|II|III)$", self.name_of(w)))]
        if not coming and re.search(r"\b(?:the|a) sequel\b", self.text[lower:pos]) and \
                self.main_film:
            return self.sequel_of(self.main_film, s) if not re.search(
                r" (?:[2-9]|II|III)$", self.name_of(self.main_film)) else self.main_film
        return coming[-1] if coming else None

    def predecessor(self, work: str) -> str | None:
        """The work ``work`` follows: "Creed" for "Creed 2", or what it is a sequel of."""
        found = next((c.object for c in self.found.values()
                      if c.subject == work and c.property in ("sequelOf", "basedOn")
                      and self.type_of(c.object) in WORK_TYPES), None)
        if found:
            return found
        m = re.fullmatch(r"(?P<b>.+?):? (?:[2-9]|II|III|IV)", self.name_of(work))
        if m:
            return self.lookup(m.group("b"))
        # "Top Gun: Maverick" when the article names "Top Gun": the work it continues
        m = re.fullmatch(r"(?P<b>[^:]{3,}): .+", self.name_of(work))
        base = self.lookup(m.group("b")) if m else None
        return base if base != work and self.type_of(base) in WORK_TYPES else None

    def last_person(self, pos: int, but: str | None = None) -> str | None:
        """The person named last before ``pos``: who "the actor" or "she" is (``but``:
        not one of this type, "the actor" is no filmmaker)."""
        best: tuple[int, str] | None = None
        for mn in self.out.mentions:
            if mn.start < pos and is_a(self.type_of(mn.entity), "Person") and \
                    (but is None or self.type_of(mn.entity) != but):
                best = max(best or (mn.start, mn.entity), (mn.start, mn.entity))
        for entity_id, e in self.new.items():
            if not is_a(e.type, "Person") or (but is not None and e.type == but):
                continue
            for name in (e.name, e.name.split()[-1]):
                places = [at for at in word_at(self.text, name) if at < pos]
                if places:
                    best = max(best or (places[-1], entity_id), (places[-1], entity_id))
        return best[1] if best else None

    def subject_person(self, pos: int) -> str | None:
        """Who "he" or "the Shang-Chi star" at ``pos`` most likely is: the person a
        sentence before it opens with ("Simu Liu is thrilled to join Jennifer Lopez …",
        "The in-demand Keoghan has …"), else the person named last."""
        index = self.sentence_index(pos, 1)
        if index is not None:
            for s in reversed(self.sentences[max(0, index - 2):index]):
                m = re.match(rf"(?:[A-Z][a-z]+, |The [a-z][\w-]* )?(?P<n>{NAME})", s.text)
                if m:
                    name = self.trim(strip_possessive(m.group("n")))
                    found = self.lookup(name)
                    if found is not None and is_a(self.type_of(found), "Person"):
                        return found
        return self.last_person(pos)

    def respective(self, s: Sentence, pos: int) -> list[str]:
        """The works a "respectively" list pairs with, in order: those named before
        ``pos`` in the sentence that a clause can be about."""
        return list(dict.fromkeys(w for a, b, w in self.work_spans
                                  if s.start <= a < pos and self.scoping(a, b, w)))

    def work_at(self, pos: int, s: Sentence) -> str | None:
        """The work a clause at ``pos`` is about: the last one named before it in its
        sentence, else a phrase pointing back to one ("the new version"), else the first
        named after it, else :meth:`work_before`."""
        head = self.apposed(pos, s)
        if head is not None:
            return head
        fronted = _FRONTED_IN.match(s.text) if s.text.startswith("In ") else None
        if fronted and s.start + fronted.end() <= pos:
            # "In the Stargirl sequel, Greer will be playing a character named Ana": the
            # work a fronted "In …," names is the sentence's, a sequel too
            spans = [w for a, b, w in self.work_spans
                     if s.start <= a and b <= s.start + fronted.end()]
            if len(spans) == 1:
                return spans[0]
        before = [w for a, b, w in self.work_spans if s.start <= a < pos
                  and self.scoping(a, b, w)]
        if before:
            return self._series_of(before[-1], s, pos)
        pointed = self.anaphor(pos, s) or self._definite(pos, s)
        if pointed is not None:
            return pointed
        ahead = _THE_WORK_AHEAD.match(self.text[pos:s.end])
        if ahead:
            # "Nolan is writing and directing the movie for Universal": the work "the
            # movie" points back to, not a title named later in the sentence.
            pointed = self._definite(pos + ahead.end(), s)
            if pointed is not None:
                return pointed
        # not past a relative clause: "It is written and created by Dan Fogelman, who also
        # created family drama This Is Us" is about the work before, not This Is Us
        relative = _RELATIVE_CLAUSE.search(self.text[pos:s.end])
        until = pos + relative.start() if relative else s.end
        after = [w for a, b, w in self.work_spans if pos <= a < until
                 and self.scoping(a, b, w)]
        return after[0] if after else self.work_before(pos, s)

    def apposed(self, pos: int, s: Sentence) -> str | None:
        """The work a clause at ``pos`` is set beside: "his role in Martin McDonagh's “The
        Banshees of Inisherin,” starring Colin Farrell" is about the work named right
        before the comma, even one named as an earlier credit."""
        if _RELATIVE_CAST.match(self.text, pos):
            # "the studio’s Jumanji sequel – one which stars Dwayne Johnson": the work the
            # dash or comma sets the clause beside
            which = _WHICH_BEFORE.search(self.text, max(s.start, pos - 40), pos)
            if which is not None:
                spans = [(a, b, w) for a, b, w in self._near(max(s.start, pos - _SPAN_REACH),
                                                             pos)
                         if re.fullmatch(r"[”\"’]?", self.text[b:which.start()])]
                return spans[-1][2] if spans else None
        if not _APPOSED_CLAUSE.match(self.text, pos):
            return None
        spans = [(a, b, w) for a, b, w in self._near(max(s.start, pos - _SPAN_REACH), pos)
                 if b <= pos and _APPOSED_GAP.fullmatch(self.text, b, pos)]
        return spans[-1][2] if spans else None

    def film_for(self, s: Sentence) -> str | None:
        films = [f for f in self.works_in(s.start, s.end) if not f.endswith("-sequel")]
        return films[0] if films else self.main_film

    def work_for(self, s: Sentence) -> str | None:
        """The work a sentence is about: the sequel when it speaks of one."""
        if re.search(r"\bsequel\b", s.text, re.IGNORECASE) and self.main_film:
            return self.sequel_of(self.main_film, s)
        return self.film_for(s)

    def sequel_of(self, film: str, s: Sentence, kind: str = "sequel") -> str:
        """The sequel (reboot, remake...) of ``film`` the article speaks of: a known one,
        else "<Film> sequel"."""
        name = f"{self.name_of(film)} {kind}"
        for entity_id, entity in self.known.items():
            if entity_id == f"{film}-{kind}" or entity.name.lower() == name.lower():
                return entity_id
        if film.endswith(f"-{kind}") and film in self.new:
            return film  # "the sequel" in an article about the sequel is that sequel
        # "the Jumanji sequel" beside "the sequel to Jumanji: Welcome to the Jungle": the
        # one sequel of the subtitled work that the short name stands for
        longer = [w for w, e in self.new.items() if w.endswith(f"-{kind}") and
                  e.name.lower().startswith(self.name_of(film).lower() + ": ")]
        if len(longer) == 1:
            return longer[0]
        if kind == "sequel":
            numbered = [w for w in self.new if re.fullmatch(
                re.escape(self.name_of(film).lower()) + r":? (?:2|ii|part (?:2|ii|two))",
                self.new[w].name.lower())]
            if numbered:
                return numbered[0]
            # "Top Gun: Maverick … The sequel to 1986’s Top Gun": the subtitled title
            subtitled = [w for w in self.new if self.new[w].type == "Movie" and
                         self.new[w].name.lower().startswith(self.name_of(film).lower() + ": ")]
            if len(subtitled) == 1:
                return subtitled[0]
        bare = re.sub(r"^the ", "", name.lower())
        for entity_id, candidate in self.new.items():
            if _LEADING_THE.sub("", candidate.name.lower()) == bare:
                return entity_id
        type_ = self.type_of(film) if kind in ("reboot", "remake") else "Movie"
        if type_ not in WORK_TYPES or type_ == "MovieSeries":
            type_ = "Movie"
        return self.derived(f"{film}-{kind}", type_, name, kind, s.text)

    # -- mentions ----------------------------------------------------------------------

    def find_mentions(self) -> None:
        """Known entities by full name or alias, longest first, any case, possessive
        forms; a surname once the full name has appeared. A different first name before
        a known surname is someone else ("Jane Pascal" is not Pedro Pascal)."""
        # A name written all in lowercase ("sequel") is a common word, not a name.
        names = sorted((n for n in self.names if not self._lowercase_alias(n)),
                       key=lambda n: (-len(n), n))
        if not names:
            return
        pattern = _names_pattern(tuple(names))
        seen_full: set[str] = set()
        for m in pattern.finditer(self.text):
            entity_id = self.lookup(m.group(0))
            if entity_id is None or self._other_person(m.start(), m.group(0), entity_id):
                continue
            self.out.mentions.append(Mention(entity_id, m.group(0), m.start(), "known-name"))
            seen_full.add(entity_id)
            if self.type_of(entity_id) in WORK_TYPES and len(m.group(0)) >= 3 and \
                    not m.group(0).islower():
                self.add_work_span(m.start(), m.end(), entity_id)
        taken = {(mn.start, mn.start + len(mn.text)) for mn in self.out.mentions}
        for entity_id in sorted(seen_full):
            entity = self.known[entity_id]
            if not is_a(entity.type, "Person") or " " not in entity.name:
                continue
            surname = entity.name.rsplit(" ", 1)[1]
            first = min(mn.start for mn in self.out.mentions if mn.entity == entity_id)
            for at in word_at(self.text, surname):
                text = surname + (self.text[at + len(surname):at + len(surname) + 2]
                                  if re.match(r"[’']s\b", self.text[at + len(surname):])
                                  else "")
                if at > first and not any(a <= at < b for a, b in taken) \
                        and not self._other_person(at, text, entity_id):
                    self.out.mentions.append(Mention(entity_id, text, at,
                                                     "surname-after-full-name"))
            self.names.setdefault(surname.lower(), entity_id)
        self.out.mentions.sort(key=lambda mn: mn.start)

    def _lowercase_alias(self, key: str) -> bool:
        entity = self.known.get(self.names[key])
        return entity is not None and any(n.lower() == key and n == n.lower()
                                          for n in (entity.name, *entity.aliases))

    def _other_person(self, start: int, text: str, entity_id: str) -> bool:
        """"Jane Pascal" when the graph knows Pedro Pascal as "Pascal": another person."""
        if not is_a(self.type_of(entity_id), "Person") or " " in text.strip():
            return False
        before = re.search(r"([A-Z][\w’'-]*\.?) $", self.text[max(0, start - 30):start])
        return before is not None and before.group(1) not in STOP and not \
            before.group(1).endswith(("’s", "'s"))

    def _owned_by_person(self, a: int) -> bool:
        """"Kate Bush's “Running Up That Hill”": someone's work named in passing."""
        m = _OWNER_BEFORE_QUOTE.search(self.text[max(0, a - 40):a])
        return m is not None and guess_type(m.group(1)) == "Person"

    def pick_main_film(self) -> None:
        self.picked = True
        counts: Counter[str] = Counter(
            w for a, b, w in self.work_spans if self.type_of(w) in WORK_TYPES
            and self.scoping(a, b, w, False) and not self._owned_by_person(a)
            and not (w in self.new and self.new[w].rule == "credit-title"))
        for w in [w for w in counts if self._person_named(w) or self._not_the_work(w)]:
            del counts[w]  # "Chris Evans", never quoted: someone in it, not what it is about
        for w, n in list(counts.items()):
            if n == 1 and w in self.new and self.new[w].rule in _LISTED_RULES:
                del counts[w]  # named once, in a list of titles: not what the article is about
            series = self.series_of(w)
            if series is not None and series != w and series in counts:
                counts[series] += n  # "Reacher Season 3" speaks of Reacher too
        opening = self.paragraphs[0].end if self.paragraphs else 0
        for a, _b, w in self.work_spans:
            if a < opening and w in counts:
                counts[w] += 1
            if any(x.start == a or x.start == a - 1 for x in self.sentences[:2]) and \
                    w in counts:
                counts[w] += 2  # the subject of the opening sentence
        headline = self.article.title.lower()
        for w in list(counts):
            name = self.name_of(w).lower()
            if name in headline and not any(
                    self.name_of(o).lower() in headline and name in self.name_of(o).lower()
                    and o != w for o in counts):
                counts[w] += 2  # not "Jurassic World" for "Jurassic World: Fallen Kingdom"
        if counts:
            best = max(counts.values())
            first = {w: a for a, _b, w in reversed(self.work_spans)}
            self.main_film = min((w for w, n in counts.items() if n == best),
                                 key=lambda w: first[w])
            return
        titles = Counter(m.group("t") for m in re.finditer(TITLE, self.text)
                         if is_title_case(m.group("t")) and len(m.group("t").split()) <= 8
                         and guess_type(m.group("t")) == "Person"
                         and self.type_of(self.lookup(m.group("t"))) in (None, *WORK_TYPES)
                         and not self._earlier_credit(m.start("t"), m.end("t"))
                         and not _EPISODE_AFTER.match(self.text, m.end("t"))
                         and not (m.group("t").endswith(("!", "?")) and
                                  _LINE_SAID_AFTER.match(self.text, m.end("t"))))
        if titles:
            title = titles.most_common(1)[0][0]
            self.main_film = self.entity(title, "Movie", "quoted-title", title, 0.5)

    def _not_the_work(self, work: str) -> bool:
        """A new work every mention of which the text itself shows to be something else:
        an episode ("directing the famed “Battle of the Bastards” episode"), a line
        someone says ("“Wahoo!” as the titular character likes to exclaim") or the
        article's author, named on a byline ("By Shereesa Moodley")."""
        if work not in self.new:
            return False
        name = self.new[work].name
        spans = [(a, b) for a, b, w in self.work_spans if w == work]
        if re.search(rf"(?m)^\s*By {re.escape(name)}\s*$", self.text) or \
                re.match(r"By [A-Z]", name):
            return True
        return bool(spans) and all(
            _EPISODE_AFTER.match(self.text, b) or
            (name.endswith(("!", "?")) and _LINE_SAID_AFTER.match(self.text, b))
            for a, b in spans)

    def _person_named(self, work: str) -> bool:
        """A new work named like a person (a known given name and one or two more words)
        that the text never quotes: too little evidence to be the article's work."""
        if work not in self.new:
            return False
        name = self.new[work].name
        words = name.split()
        if not (2 <= len(words) <= 3 and words[0].lower() in FIRST_NAMES):
            return False
        return not re.search(rf"[{_Q}]{re.escape(name)}[{_Q},.!?]", self.text)

    def covered(self) -> bytearray:
        """One byte per character: 1 where a known entity or a work is named."""
        key = (len(self.out.mentions), tuple(self.work_spans))
        if self._mask is not None and self._mask[0] == key:
            return self._mask[1]
        mask = bytearray(len(self.text) + 1)
        for mn in self.out.mentions:
            mask[mn.start:mn.start + len(mn.text)] = b"\x01" * len(mn.text)
        for a, b, _w in self.work_spans:
            mask[a:b] = b"\x01" * (b - a)
        self._mask = (key, mask)
        return mask

    def names_other_title(self, s: Sentence) -> bool:
        """The sentence names, outside every known entity and work, a run of two or more
        capitalized words ("The Acolyte", "Percy Jackson and the Olympians", "Taylor Swift:
        The Eras Tour") that is not a person the article has named."""
        mask = self.covered()
        text = "".join(" " if mask[s.start + i] else ch for i, ch in enumerate(s.text))
        for m in re.finditer(TITLE_WORDS, text):
            words = m.group(0).split()
            if len(words) >= 2 and (m.start() > 0 or words[0] == "The") and \
                    words[-1] not in STOP:
                return True
        return False

    def names_in(self, text: str) -> list[str]:
        return re.findall(NAME, text)
