"""Audience figures: households, views and hours viewed, with the period they cover
("in the first 28 days", "in its first three days", "for the week of April 8"); a
figure for another period than one the graph has is a new figure."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ._doc import Doc
from ._names import FILM_WORDS, TV_WORDS, guess_type
from ._terms import is_a
from ._text import NAME, NUMBER_WORDS, SCALE, SOURCE, STOP, TITLE_WORDS, Sentence
from .dates import DATE
from .works import season_of

__all__ = ["DOC_RULES", "RULES", "another_subject_between", "bound_elsewhere",
           "box_office_news", "opening_title",
           "opening_work", "season_counted", "season_in_scope", "subject_work"]

#: "7m viewers", "1.2bn hours" (British abbreviations) as well as "44 million", "1.2B".
_AMOUNT = (r"(?P<n>\d[\d,]*(?:\.\d+)?)(?: (?P<scale>thousand|million|billion)|"
           r"(?P<abbr>[MBK]|m|k|bn)\b)?")
_KINDS = {"households": "households", "household": "households", "views": "views",
          "plays": "views", "streams": "views", "viewers": "views", "people": "views",
          "hours viewed": "hoursViewed", "hours": "hoursViewed", "viewing hours": "hoursViewed",
          "streaming hours": "hoursViewed", "watch hours": "hoursViewed",
          "hour views": "hoursViewed", "hours of viewing": "hoursViewed",
          "viewership hours": "hoursViewed"}
_KIND_WORDS = (r"households?|views|viewers|people|plays|streams|hours viewed|viewing hours|"
               r"streaming hours|watch hours|hour views|hours of viewing|viewership hours|hours")
#: "3.3 million L+3 multi-platform viewers", "1.1 million live plus same-day viewers"
_QUALIFIER = (r"(?:member|viewing|viewer|unique|global|total|average|L\+\d+|live|same-day|"
              r"(?:multi|cross)-platform|U\.S\.|domestic|linear|plus)")
_FIGURE = re.compile(rf"\b{_AMOUNT} (?:{_QUALIFIER} ){{0,4}}"
                     rf"(?P<kind>{_KIND_WORDS})\b")
#: A number with no unit where the article has said what it counts: "is expected to see
#: 76 million", "“The Social Dilemma” (38 million)".
_BARE = [re.compile(rf"\b(?:saw|see|seeing|drew|draw|reached|racked up|pulled in|notched|"
                    rf"garnering|garnered|averaging|averaged|drawing) "
                    rf"{_AMOUNT}(?!\.?\d|%| percent|[\w ]*?(?:{_KIND_WORDS}|subscribers|members|dollars|"
                    rf"copies|tickets)\b)"),
         re.compile(rf"(?<=[”\"] )\({_AMOUNT}\)")]
#: "42 and 38 million viewers": the first number takes the second's scale.
#: A rating and share before the count, "averaging a 2.3/8 and 10.68 million viewers", is
#: no first number.
_PAIR = re.compile(rf"(?<![/\d.])\b(?P<n0>\d[\d,]*(?:\.\d+)?) and {_AMOUNT} (?:(?:member|viewing) )?"
                   rf"(?P<kind>{_KIND_WORDS})\b")
_PERIOD = re.compile(r"\b(?P<one>first|opening) (?:full )?(?P<u1>week|weekend|day)\b|"
                     r"\b(?:first|opening|initial) (?P<n>\d+|\w+) (?P<u>days?|weeks?)\b|"
                     r"\bby the (?P<nth>second|third|fourth|fifth|sixth|seventh) day\b|"
                     r"\bin (?P<wk>week one)\b|"
                     r"\b(?:in|within) (?:just|only|a mere|less than|under) (?P<n2>\d+|\w+) "
                     r"(?P<u2>days?|weeks?)\b")
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
#: Where the words after a figure stop speaking of the work that drew it: "with over 32
#: million watch hours, trailing behind the two seasons of “Bridgerton”".
_CLAUSE_END = re.compile(r";|\. |,? while\b|,? and [“\"]|,? (?:trailing|behind|ahead of|"
                         r"compared (?:to|with)|than|just (?:behind|ahead)|second only to|"
                         r"after)\b")
#: A sentence's opening words before its subject: "In the same period, ", "Meanwhile, ".
_LEAD_IN = re.compile(r"(?:(?:In|On|For|Over|During|At|By|Across|Among) [^,]{1,40}|Meanwhile|"
                      r"Elsewhere|Additionally|Also|Separately|Still|Likewise),\s")
#: A subject's verb in the past that does not end in "-ed": "Blade Runner 2049 saw a 54
#: percent drop …", "Barbie took in …".
_IRREGULAR = (r"(?:saw|took|made|fell|rose|held|won|came|drew|hit|got|slid|kept|sat|"
              r"stood|went|brought|began|grew|shot|stayed|set|led)")
_IRREGULAR_AFTER = re.compile(rf" {_IRREGULAR}\b")
#: The subject a sentence opens with, when it is a title or someone's work: "Berlin, for
#: the third week running, topped …", "Society of the Snow debuted …", "Dave Chappelle's
#: comedy special slipped …".
_OPENING = re.compile(
    rf"(?P<n>{TITLE_WORDS})(?P<own>[’']s (?:[\w-]+ ){{0,3}}(?:series|show|special|film|movie|"
    rf"documentary|docuseries|drama|comedy|thriller))?(?=,| [a-z]+(?:ed|s)\b| {_IRREGULAR}\b)")
#: A title opening its sentence after someone's possessive and a few words for its kind:
#: "Jennifer Lopez’s sci-fi epic Atlas secured the second spot …", "Benedict
#: Cumberbatch’s Eric took the top spot last week …".
_OWNED_OPENING = re.compile(
    rf"[A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,3}}(?:[’']s|(?<=s)[’']) (?:[a-z][\w-]* ){{0,3}}"
    rf"(?P<n>{TITLE_WORDS})(?= (?:has |have |had |was |is )?[a-z]+(?:ed|s)?\b)")
_BACK = re.compile(r"(?:It|This|That|The (?:show|series|film|movie|title|feat))\b")


#: A sentence that says its opening title is a work on a chart: "The Brothers Sun, another
#: English-language series, clocked …", "Berlin … topped the non-English TV list with …".
_CHART_SUBJECT = re.compile(r"^(?:[^,]{1,40}, )?[^,]{1,60}, (?:another |the |a |an )?"
                            r"(?:[\w-]+ ){0,3}(?P<k>series|show|film|movie|special)\b,|"
                            r"\b(?:topped|led|debuted (?:on|at)|entered|landed on) the "
                            r"(?:[\w-]+ ){0,3}?(?P<k2>TV|series|show|films?|movies?)\b")


#: A place on a chart said of a sentence's subject: "landed in 7th place", "claimed the
#: 10th spot", "coming in at No. 4".
_PLACE_CUE = re.compile(r"\b(?:landed|claimed|captured|secured|took|ranked|coming in|came in|"
                        r"debuted|held)\b[^.;]{0,40}?\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|"
                        r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|No\. ?\d+)\b")


#: "… landed in 7th place with 2 million views and the stand-up special Mike Birbiglia:
#: The Old Man and the Pool claimed the 10th spot": a second subject, another work.
_ANOTHER_SUBJECT = re.compile(r"\b(?:and|while|whereas) (?:the |a |an )?(?:[\w-]+ ){0,3}?"
                              r"(?:special|series|show|film|movie|documentary|docuseries|"
                              r"drama|comedy|thriller|sequel) [A-Z]")


def another_subject_between(doc: Doc, a: int, b: int) -> bool:
    """Whether the text between a work named at ``a`` and a figure or place at ``b`` brings
    in another work as the subject of a second clause."""
    return _ANOTHER_SUBJECT.search(doc.text, a, b) is not None


#: "an Instagram post that quickly reached": a figure of a post, a video or a story.
_OF_A_POST = re.compile(r"\b(?:post|tweet|video|clip|reel|story)s? (?:that|which) "
                        r"(?:has |had )?(?:[a-z]+ ){0,2}$")
_ASIDE = re.compile(r", (?:which|who|whose) [^,;.]{3,80},")


def in_aside(doc: Doc, s: Sentence, a: int, b: int) -> bool:
    """Whether a work named at ``a`` sits in a relative clause that closes before ``b``:
    "'All of Us Are Dead', which features a familiar 'Squid Game' face, made its debut …
    at No. 1" places the work before the clause, not the one inside it."""
    return any(s.start + m.start() < a and s.start + m.end() <= b
               for m in _ASIDE.finditer(s.text, 0, max(0, b - s.start)))


def _kind_in_context(doc: Doc, s: Sentence) -> str | None:
    """Whether the titles a chart sentence speaks of are series or films: the words of the
    sentence, else of its paragraph, else of the paragraph before."""
    index = doc.paragraph_index(s.start, 1) or 0
    for text in (s.text, *(p.text for p in doc.paragraphs[max(0, index - 1):index + 1][::-1])):
        tv, film = len(TV_WORDS.findall(text)), len(FILM_WORDS.findall(text))
        if tv != film:
            return "TVSeries" if tv > film else "Movie"
    return None


def _opening(text: str, at: int) -> re.Match[str] | None:
    """The title a sentence opens with (``_OPENING``); a name with a possessive before a
    verb such as "held" is left to ``_OWNED_OPENING`` ("David Fincher’s The Killer held
    strong …": The Killer)."""
    m = _OPENING.match(text, at)
    if m is not None and re.search(r"[’']s ", m.group("n")) and \
            _IRREGULAR_AFTER.match(text, m.end()):
        return None
    return m


def _person(doc: Doc, name: str) -> bool:
    """Whether a sentence's opening name is a person's: never one with a number in it
    ("Blade Runner 2049 saw a 54 percent drop …")."""
    return not re.search(r"\d", name) and doc.is_person(name)


def opening_title(doc: Doc, s: Sentence) -> tuple[str, int] | None:
    """The title a sentence opens with, as its subject, and where: "Berlin, for the third
    week running, topped …", "In the same period, The Brothers Sun, another series,
    clocked …" (not a possessive phrase, a sentence-initial function word or a person)."""
    lead = _LEAD_IN.match(s.text)
    at = lead.end() if lead else 0
    m = _opening(s.text, at)
    owned = _OWNED_OPENING.match(s.text, at) if m is None or m.group("own") else None
    if owned is not None and not doc.is_person(owned.group("n")):
        return owned.group("n"), s.start + owned.start("n")
    if m is None or m.group("own"):
        return None
    name = m.group("n")
    words = name.split()
    if words[0] in STOP and not (words[0] == "The" and len(words) > 1) and len(words) < 3:
        return None  # "All four shows …", "It …"; not "All The Light We Cannot See"
    if len(words) <= 3 and _person(doc, name):
        return None  # a person's name ("Scott Pilgrim Takes Off" is too long for one)
    return name, s.start + at


def opening_work(doc: Doc, s: Sentence, kind: str, rule: str) -> tuple[str, int] | None:
    """The work a chart sentence opens with, new when the article has not named it yet
    ("Berlin, for the third week running, topped the non-English TV list")."""
    opening = opening_title(doc, s)
    if opening is None:
        return None
    name, at = opening
    if guess_type(name) != "Person" and is_a(guess_type(name), "Organization"):
        return None  # "Samba TV estimates that …": a company
    spans = [(a, w) for a, _b, w in doc.works_in_spans(at, at + len(name) + 2) if a == at]
    if spans:
        return spans[0][1], at
    found = doc.lookup(name)
    if found is not None:
        return (found, at) if doc.type_of(found) in ("Movie", "TVSeries", "TVSeason") \
            else None
    work = doc.entity(name, kind, rule, s.text)
    if doc.type_of(work) != kind:
        return None
    doc.add_work_span(at, at + len(name), work)
    return work, at


#: A title as a subject starts with a letter; a lone adverb or a market is no title.
_SUBJECT_NAME = re.compile(r"[A-Z].*")
#: "Considering its $160 million budget, …": no subject and its verb.
_NO_VERB = re.compile(r" (?:its|his|this|thus|us|as)\b")
_NOT_A_SUBJECT = re.compile(r"\w+ly|Overseas|Abroad|Worldwide|Meanwhile|Elsewhere|"
                            r"Stateside|Internationally|Domestically")


def subject_work(doc: Doc, s: Sentence, film: str, kind: str | None,
                 rule: str) -> str | None:
    """The work a figure or place belongs to when its sentence does not name ``film``, the
    work it was bound to from elsewhere (the article's lead, a sentence before), but opens
    with another title as its subject: "The Mountain Between Us rounds out the top five
    with $5.7 million", "Blade Runner 2049 saw a 54 percent drop during its second weekend
    and finished in second place with $15.1 million" in a report led by Happy Death Day
    (a new work of ``kind`` when the article has not named it). None when the sentence
    names ``film``, opens with no title ("It dropped to fourth place", "The film has
    passed …") or with ``film`` itself; with no ``kind``, the kind the sentence or its
    paragraph speaks of, if any."""
    if film in doc.works_in(s.start, s.end) or doc.name_of(film) in s.text or \
            not _opens_with_other(doc, s, film):
        return None
    kind = kind or _kind_in_context(doc, s)
    if kind is None:
        return None
    opening = opening_title(doc, s)
    if opening is None or not _SUBJECT_NAME.fullmatch(opening[0]) or \
            _NOT_A_SUBJECT.fullmatch(opening[0]) or \
            _NO_VERB.match(doc.text, opening[1] + len(opening[0])):
        return None  # "Overseas, it’s at $19.9M", "It’s also in 7 … territories"
    opened = opening_work(doc, s, kind, rule)
    return opened[0] if opened is not None and opened[0] != film else None


def _opens_with_other(doc: Doc, s: Sentence, film: str) -> bool:
    """Whether the sentence's subject is a title or someone's work that is not ``film``."""
    lead = _LEAD_IN.match(s.text)
    at = lead.end() if lead else 0
    m = _opening(s.text, at)
    owned = _OWNED_OPENING.match(s.text, at) if m is None else None
    if owned is not None and not doc.is_person(owned.group("n")):
        spans = doc.works_in(s.start + owned.start("n"), s.start + owned.end("n"))
        return film not in spans if spans else doc.lookup(owned.group("n")) != film
    if m is None:
        return False
    words = m.group("n").split()
    if words[0] in STOP and not (words[0] == "The" and len(words) > 1):
        return False
    spans = doc.works_in(s.start + at, s.start + m.end("n"))
    if spans:
        return film not in spans
    said = _CHART_SUBJECT.match(s.text)
    if said is not None and said.group("k"):
        return True  # "The Brothers Sun, another English-language series, clocked …"
    if m.group("own"):
        return True  # "Dave Chappelle's comedy special": a work of someone's
    found = doc.lookup(m.group("n"))
    if found is not None:
        return doc.type_of(found) in ("Movie", "TVSeries", "TVSeason") and found != film
    return not _person(doc, m.group("n"))


def bound_elsewhere(doc: Doc, s: Sentence, film: str) -> bool:
    """Whether a figure or ranking bound to ``film``, a work its sentence does not name,
    is more likely about another: the sentence opens with another title ("Berlin, for
    the third week running, topped the non-English TV list") or someone's work ("Dave
    Chappelle's comedy special slipped to seventh place"), points back with a word for
    another kind of work ("the series" when the work is a film), or opens with "It" or
    "This" after a sentence that does so."""
    if film in doc.works_in(s.start, s.end):
        return False
    if _opens_with_other(doc, s, film):
        return True
    kind = doc.type_of(film)
    said = re.search(r"\b[Tt]he (?:[\w-]+ ){0,2}(?P<k>series|show|film|movie)\b", s.text)
    if said is not None and kind is not None and (
            (said.group("k") in ("series", "show") and kind == "Movie") or
            (said.group("k") in ("film", "movie") and kind in ("TVSeries", "TVSeason"))):
        return True
    if _BACK.match(s.text):
        index = next((i for i, x in enumerate(doc.sentences) if x.start == s.start), 0)
        before = doc.sentences[index - 1] if index else None
        if before is not None and "\n" not in doc.text[before.end:s.start] and \
                film not in doc.works_in(before.start, before.end):
            return _opens_with_other(doc, before, film)
    return False


#: "Bridgerton’s sophomore season garnered …", "the new season had already garnered …",
#: "Season 2 drew …": the season, not the series, drew the figure.
_SEASON_SAID = re.compile(
    r"(?:[’']s|\b[Tt]he|\b[Ii]ts|\b[Tt]heir) (?:[\w-]+ ){0,2}?(?P<o>first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|sophomore|new|latest) season\b|"
    r"\b[Ss]eason (?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b")
_SEASON_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                   "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "sophomore": 2}


def season_counted(doc: Doc, s: Sentence, work: str, at: int) -> str | None:
    """The season of ``work`` that the clause before a figure at ``at`` (offset in ``s``)
    says drew it: "Bridgerton’s sophomore season garnered 115.7 million hours" (the
    series' season of that number), "the new season had already garnered 193 million
    hours" (the one season of the series the article has)."""
    if doc.type_of(work) != "TVSeries":
        return None
    clause = re.split(r"[;:]|, (?:and|while|but)\b", s.text[:at])[-1]
    found = list(_SEASON_SAID.finditer(clause))
    if not found or len(clause) - found[-1].end() > 60:
        return None
    m = found[-1]
    word = (m.group("o") or m.group("n")).lower()
    n = _SEASON_NUMBERS.get(word) or (int(word) if word.isdigit() else NUMBER_WORDS.get(word))
    seasons = {c.subject for c in doc.found.values() if c.property == "partOfSeries"
               and c.object == work and doc.type_of(c.subject) == "TVSeason"}
    if n is None:
        return seasons.pop() if len(seasons) == 1 else None  # "the new season"
    numbered = [x for x in seasons if (x, "seasonNumber") in {
        (c.subject, c.property) for c in doc.found.values() if c.value == n}]
    return numbered[0] if numbered else None


def season_in_scope(doc: Doc, s: Sentence, work: str, at: int) -> str | None:
    """The season a figure or a place of ``work`` at ``at`` (offset in ``s``) is of when the
    sentence names no work before it and the sentence before names one season of that
    series and no other: "Netflix's Korean original series “Squid Game” Season 2 topped
    FlixPatrol's global chart … Of 93 nations compiled by FlixPatrol, it was the most-viewed
    TV show on the streaming service in 92 nations" (Season 2's, not the series')."""
    if doc.type_of(work) != "TVSeries" or doc.works_in(s.start, s.start + at):
        return None
    before = [x for x in doc.sentences if x.end <= s.start][-1:]
    if not before:
        return None
    seasons = {w for _a, _b, w in doc.works_in_spans(before[0].start, before[0].end)
               if doc.type_of(w) == "TVSeason"}
    if len(seasons) != 1:
        return None
    season = seasons.pop()
    return season if any(c.subject == season and c.property == "partOfSeries" and
                         c.object == work for c in doc.found.values()) else None


@dataclass
class _Found:
    """A number of views, households or hours in a sentence, found one way or another."""

    start: int
    end: int
    text: str
    count: int
    kind: str
    bare: bool = False


def _last_kind(doc: Doc, pos: int) -> str | None:
    """What the article last counted before ``pos`` ("member households"), so that a bare
    "saw 75 million" after it counts the same."""
    kinds = doc.memo.get("figure-kinds")
    if not isinstance(kinds, list):
        kinds = [(m.start(), m.group("kind")) for m in _FIGURE.finditer(doc.text)]
        doc.memo["figure-kinds"] = kinds
    before = [k for at, k in kinds if at < pos + 400]
    return before[0] if before else None


def _counts_households(doc: Doc) -> bool:
    """Whether the article counts households ("78 million member households watching"), so
    that its "viewers" are the same count. A household rating beside a broadcast's viewers,
    "14.1/22 in households, 22.515 million", counts none: those viewers are views."""
    known = doc.memo.get("counts-households")
    if not isinstance(known, bool):
        known = any(m.group("kind").startswith("household") for m in _FIGURE.finditer(doc.text))
        doc.memo["counts-households"] = known
    return known


def _count(m: re.Match[str]) -> int:
    n = float(m.group("n").replace(",", ""))
    scale = m.group("scale") or (m.group("abbr") or "").lower().removesuffix("n")
    return round(n * SCALE.get(scale, 1))


def _figure_id(doc: Doc, film: str, prop: str, count: int, period: int | None) -> str:
    """The figure's id: the work's figure, unless the graph or this article already has
    one for the work with another value or period (then a new one)."""
    base = f"{film}-viewership"
    for n in range(1, 20):
        figure_id = base if n == 1 else f"{base}-{n}"
        if figure_id == base and (base in doc.known or
                                  any(subj == base for subj, _p, _v in doc.curated)):
            values = {(p, v) for subj, p, v in doc.curated if subj == base}
            # a figure of the graph is this one only when its curated facts say the
            # same: one the graph names without them (or with another value or period)
            # is another figure, from another article
            if not values or any(p == prop and v != str(count) for p, v in values) or any(
                    p == "periodDays" and period is not None and v != str(period)
                    for p, v in values):
                # The graph has another figure for that work: this one is new.
                base = f"{base}-{doc.article.id}"
                figure_id = base
            else:
                return figure_id
        mine = {(c.property, str(c.value)) for c in doc.found.values()
                if c.subject == figure_id}
        if not mine:
            return figure_id
        if any(p == prop and v != str(count) for p, v in mine) or any(
                p == "periodDays" and period is not None and v != str(period)
                for p, v in mine):
            continue
        return figure_id
    return f"{base}-{doc.article.id}"


#: Words before a number a work has not drawn yet: "secure an additional 10 million views",
#: "needs another 5 million", "to surpass 81 million".
_WANTED = re.compile(r"\b(?:secure|need|needs|needed|would need|must|to (?:surpass|reach|hit|"
                     r"top|pass|beat|cross|match)|could)\b(?: (?:an?|another|an additional|"
                     r"additional|more than|over|at least))? $|\b(?:an additional|another) $")


_WATCHED_FOR = re.compile(rf"\b(?:watched|viewed|streamed) for {_AMOUNT} hours\b")


def rule_watched_for(doc: Doc, s: Sentence) -> None:
    """"It was watched for 81.9 million hours in that time": hours viewed."""
    for m in _WATCHED_FOR.finditer(s.text):
        film = doc.work_at(s.start + m.start(), s)
        if film is None:
            continue
        count = _count(m)
        figure = doc.derived(_figure_id(doc, film, "hoursViewed", count, None), "ViewershipFigure",
                             f"Viewership of {doc.name_of(film)}", "hoursViewed", m.group(0))
        doc.add(figure, "about", s.text, s.start, "figure-about", 0.65, obj=film)
        doc.add(figure, "hoursViewed", m.group(0), s.start + m.start(), "hoursViewed", 0.75,
                value=count)


# --------------------------------------------------------------------------- box office

#: A take in a currency: "$136.2M", "$513.8 million", "$100+ million", "£4.2m", "115
#: million yen", "Rs 12.65 crores".
_MONEY = re.compile(
    r"(?<![\w$£€¥])(?P<us>US)?(?P<sym>[$£€¥])(?P<n>\d[\d,]*(?:\.\d+)?)\+?"
    r"(?:\s?(?P<scale>thousand|million|billion)\b|(?P<abbr>[MBK]|m|bn|k)\b)?"
    r"|\bRs\.? ?(?P<rn>\d[\d,]*(?:\.\d+)?) (?P<rscale>crores?|lakhs?)\b"
    r"|\b(?P<yn>\d[\d,]*(?:\.\d+)?) (?P<yscale>(?:thousand|million|billion) )?yen\b")
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_INDIAN = {"crore": 10_000_000, "crores": 10_000_000, "lakh": 100_000, "lakhs": 100_000}
#: An article that reports box office at all.
_BOX_OFFICE_NEWS = re.compile(r"\b(?:box[- ]office|gross(?:ed|es)?|opening weekend|"
                              r"ticket sales|theat(?:er|re)s|collections?)\b", re.IGNORECASE)
#: A sentence that says a work took money in.
_TAKE_CUE = re.compile(r"\b(?:gross(?:ed|es|ing)?|box[- ]office|open(?:ed|ing|s)|debut(?:ed|s)?|"
                       r"bows?|weekend|t(?:ook|aking|akes) in|earn(?:ed|ing|s)?|"
                       r"collect(?:ed|ion|ions|s)|ticket sales|worldwide|global(?:ly)?|"
                       r"domestic(?:ally)?|international(?:ly)?|overseas|haul|take)\b",
                       re.IGNORECASE)
#: Money that is not a take: "a $200 million budget", "per screen average of $31,634",
#: "grossed a combined $1.3B", "the third $100M+ opening weekend" (of someone's films).
_NOT_A_TAKE_BEFORE = re.compile(
    r"\b(?:budget|cost(?:s|ing)?|deal|salary|paid|pay(?:ing)?|sold for|bought|acquired|"
    r"price[ds]?|fund(?:ing|ed)?|raised?|valued|worth|fine[ds]?|damages|average|avg|"
    r"combined|total of \d+|first|second|third|fourth|fifth|another|per|predictions?|"
    r"expectations?|breaking|sequel to)\s+(?:of\s+)?"
    r"(?:(?:an?|the|about|around|nearly|almost|roughly|some|over|more than|at least|"
    r"estimated|reported)\s+)*$|\((?:about|approximately|approx\.|roughly|around|or|"
    r"nearly|some)\s*$")
#: "grossed nearly $250 million (£190 million)": the same sum in another currency;
#: "biggest advance sales on $49.5m": tickets sold ahead, not a take.
_CONVERSION = re.compile(r"(?:[$£€¥]\d[\d,.]*\s?(?:thousand|million|billion|[MBK]|m|bn|k)?\s*\(|"
                         r"\b\d[\d,.]*\s?(?:thousand |million |billion |crores? |lakhs? )?"
                         r"(?:yuan|RMB|won|rupees|euros?|pounds|yen|reais|pesos)\s*\(|"
                         r"[$£€¥]\d[\d,.]*\s?(?:thousand|million|billion|[MBK]|m|bn|k)?"
                         r"\s?(?:to|-|–)\s?|"
                         r"\b(?:[Nn]early|[Aa]lmost|just shy of) (?:breaking|crossing|reaching|"
                         r"hitting|topping) (?:the )?(?:illustrious |coveted |elusive |magic )?|"
                         r"\b(?:advance|pre-?)(?:[- ]ticket)? ?sales (?:of |on |at |with )?"
                         r"(?:(?:an?|the|about|around|nearly|some|over)\s+)*)$")
#: A sum the work only came near or is measured against: "a gross that nearly hit $50
#: million", "business that neared $20 million", "should be able to match the $340
#: million", "The film is closing in on $315 million", "is about to pass $90 million",
#: "the original took in $42 million" (an earlier work’s take).
_NEAR_OR_EARLIER = re.compile(
    r"\b(?:near(?:ed|ing|s)|nearly (?:hit|hitting|reached|reaching|touched|matched)|"
    r"approach(?:ed|ing|es)|(?:came|comes|coming) close to|flirt(?:ed|ing|s) with|"
    r"clos(?:ing|es|ed) in on|"
    r"(?:able|unable|fail(?:ed|s)?|hop(?:e[sd]?|ing)|needs?|needed|aim(?:s|ed|ing)?|looking|"
    r"likely|set|poised|expected|about) to (?:match|reach|hit|top|beat|pass|cross|surpass|equal|"
    r"best|eclipse)|"
    r"[Tt]he (?:original|first (?:film|movie|one|installment|instalment|entry|part)|"
    r"predecessor|previous (?:film|movie|installment|instalment|entry)|last (?:film|movie|"
    r"installment|instalment|one)) (?:took in|grossed|earned|made|collected|pulled in|"
    r"brought in|opened (?:to|with)|debuted (?:to|with)))\s+(?:the |an? )?$")
#: "… the $340 million the original grossed": an earlier work's take, named after it.
_EARLIER_AFTER = re.compile(r"^\+?\s*(?:that |which )?(?:the|its) (?:original|first (?:film|"
                            r"movie|one|installment|instalment)|predecessor|previous film) "
                            r"(?:took in|grossed|earned|made|collected|did)\b")
#: "box office in a single day which hit $100.5 million": a market's day, no work's.
_MARKET_DAY = re.compile(r"(?:^|\b(?:was|is|the|of|for|in) )box[- ]office (?:in|on|for) "
                         r"(?:a|one|one single|the) (?:single )?(?:day|weekend|week)\b")
#: "$50 million to $65 million": a forecast's range, not a take.
_RANGE_END = re.compile(r"^\+?\s?(?:to|-|–)\s?[$£€¥]\d")
#: "This weekend’s overall three-day box office haul was estimated at $117.7 million",
#: "Year-to-date box office stands at $1.55B": the whole market's take, no work's.
_MARKET_TOTAL = re.compile(r"\b(?:[Oo]verall|[Tt]otal|[Yy]ear[- ]to[- ]date|[Cc]ombined|"
                           r"[Aa]ggregate|[Ii]ndustry|[Cc]umulative)\b[\w’' -]{0,40}?"
                           r"\bbox[- ]office\b")
#: A comparison before the sum: "(overtaking Captain Marvel’s $153.4m in 2019)", "behind
#: The Dark Knight Rises ($160.9m)", "ahead of John Wick: Chapter 4’s $73.8m": the sum
#: belongs to the work named after the comparison word, not to the clause's subject.
_COMPARED = re.compile(r"\b(?:overtaking|overtook|ahead of|beating|beat|behind|surpassing|"
                       r"surpassed|topping|passing|eclipsing|eclipsed|since|trailing|"
                       r"besting|bested|compared (?:to|with)|versus|vs\.?)\s+"
                       r"[^;,()]{0,60}?(?:\(\s*)?$")
#: "the first time a film has ever grossed more than $500 million": a threshold.
_THRESHOLD = re.compile(r"\b(?:more|less|fewer) than\s+$|\bat (?:least|most)\s+$|\bunder\s+$")
#: A sum after it is a margin, not a take: "debuted just $1.5 million behind that with
#: $40.3 million", "$3 million ahead of", "$2 million short of".
_NOT_A_TAKE_AFTER = re.compile(r"^\+?\s*(?:\([^()]{1,30}\)\s*)?"
                               r"(?:(?:more|less|fewer) than|more\b|less\b|avg\b|behind\b|"
                               r"ahead of\b|short of\b|shy of\b|"
                               r"average\b|budget\b|deal\b|per\b|a (?:year|month|week)\b|"
                               r"salary\b|production budget\b)")
#: A sum that describes a film, between its article and its noun: "giving the $40 million
#: R-rated horror movie a solid $90.5 million", "a $200M sequel" (its budget, no take; not
#: "a $25M domestic debut", "the $100 million-grossing film").
_BUDGET_BEFORE = re.compile(r"\b(?:[Tt]he|an?|its|their|this|that)\s+$")
_BUDGET_AFTER = re.compile(r"^\+?(?:[ -](?!grossing\b|earning\b|opening\b|debut\b|weekend\b|"
                           r"haul\b|take\b|worldwide\b|domestic\b|overseas\b|global\b)"
                           r"[\w’'-]+){0,3}? (?:movie|film|picture|flick|production|feature|"
                           r"sequel|blockbuster|tentpole|epic|adaptation|remake)s?\b")
#: Where the take was earned, said right after it: "$513.8 million worldwide", "a $25M
#: domestic debut", "a $100+ million opening in China".
_SCOPE_AFTER = re.compile(r"^\+?\s*(?:(?:opening|debut|bow|weekend) )?(?:in )?"
                          r"(?P<w>worldwide|globally|internationally|overseas|domestically|"
                          r"domestic|international|global)\b|"
                          r"^\+?\s*(?:(?:opening|debut|bow|weekend) )?in (?P<p>(?:the )?"
                          r"[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3})")
#: Said before it: "China’s $17.5M", "Mexico with $16.2 million", "Domestically, …", "won
#: the North American box office … with $25 million".
_SCOPE_BEFORE = re.compile(r"(?P<p>[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3})(?:[’']s| with) $")
_SCOPE_OPENING = re.compile(r"^(?P<w>Domestically|Internationally|Globally|Worldwide|"
                            r"Overseas),")
_SCOPE_MARKET = re.compile(r"\b(?P<w>North American|domestic|international|global|worldwide|"
                           r"U\.S\.|US) box[- ]office\b")
_ESTIMATED = re.compile(r"\b(?:estimated|projected|expected|forecast|projects?|projecting|"
                        r"will (?:earn|gross|make|take in|open)|on track|tracking)\b")
#: "an estimated $136.2M this weekend" in an article of that weekend.
_THIS_WEEKEND = re.compile(r"^\+?\s*(?:(?:million|billion|[MBK])\s)?(?:[\w-]+ ){0,5}?"
                           r"this (?:past )?weekend\b")
#: "a confirmed $162m over Friday to Sunday period": the weekend, said by its days.
_DAYS_WEEKEND = re.compile(r"^\+?\s*(?:(?:million|billion|[MBK])\s)?(?:over|across|for) "
                           r"(?:the )?(?:Friday|Thursday)(?:-| to | through )Sunday\b")
#: "grossed $70.5m on Friday, $47.8m on Saturday": a day of the weekend the article follows.
_ON_DAY = re.compile(r"^\+?\s*(?:(?:million|billion|[MBK])\s)?on "
                     r"(?P<d>Thursday|Friday|Saturday|Sunday)\b")
_DAY_OFFSET = {"Thursday": -1, "Friday": 0, "Saturday": 1, "Sunday": 2}
#: The work a take is "of": "the $103M opening of The Jungle Book".
_TAKE_OF = re.compile(r"^\+?\s*(?:[\w-]+ ){0,2}?(?:opening|debut|bow|take|haul|gross) of "
                      r"(?:the (?:film|movie) )?")
#: A title that took the money, at the start of its clause: "Central Intelligence opened
#: to an estimated $34.5M".
_TAKE_VERB = (r"(?:also )?(?:opened|debuted|grossed|earned|took in|made|collected|scored|"
              r"pulled in|brought in|raked in|had collected|has grossed|has earned)\b")
_TAKER = re.compile(rf"(?:^|, )(?P<t>{TITLE_WORDS}) {_TAKE_VERB}[^,;]{{0,50}}$")
#: "… beat out that of Harry Potter And The Deathly Hollows Part II which opened with
#: $494 million": a title a relative clause says took the sum.
_TAKER_WHICH = re.compile(rf"(?P<t>{TITLE_WORDS}),? (?:which|that) {_TAKE_VERB}[^,;]{{0,50}}$")
_SPAN_TAKES = re.compile(rf"[”\"]?,? {_TAKE_VERB}")
#: A work named in a phrase that is not the subject: "starring Bob Odenkirk of “Better
#: Call Saul” fame", "the sequel to", "following the studio’s own …".
_CREDIT_BEFORE = re.compile(r"\b(?:starring|featuring|of|sequel to|than|behind|following|"
                            r"beating|beat|after|like|including)\s+(?:[\w’'*-]+\s+){0,4}$")


def _money(m: re.Match[str]) -> tuple[int, str] | None:
    """The whole amount of a take and its ISO 4217 currency."""
    if m.group("sym"):
        n = float(m.group("n").replace(",", ""))
        scale = m.group("scale") or (m.group("abbr") or "").lower().removesuffix("n")
        currency = "USD" if m.group("us") else _CURRENCY[m.group("sym")]
        return round(n * SCALE.get(scale, 1)), currency
    if m.group("rn"):
        return round(float(m.group("rn").replace(",", "")) * _INDIAN[m.group("rscale")]), "INR"
    n = float(m.group("yn").replace(",", ""))
    return round(n * SCALE.get((m.group("yscale") or "").strip(), 1)), "JPY"


def _weekend(day: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The Friday and Sunday of "this weekend" in an article of ``day``: the weekend it
    falls in, or the one just before it on a weekday."""
    back = (day.weekday() - 4) % 7  # days since the last Friday
    friday = day - _dt.timedelta(days=back)
    return friday, friday + _dt.timedelta(days=2)


#: "The original installment had a $25M domestic debut": the work the article's main one
#: continues.
_ORIGINAL = re.compile(r"^(?:[A-Z][\w ]{0,30}, )?[Tt]he (?:original|first) (?:installment|film|"
                       r"movie|one|entry)\b")


def _earlier_work(doc: Doc, s: Sentence, clause: str) -> str | None:
    """The work a sentence that names none speaks of by a short name or as the original:
    "Dory looks to become … as it opened to an estimated $50M" (Finding Dory, the one work
    whose name ends so), "The original installment had a $25M domestic debut" (the work
    the main one continues)."""
    if _ORIGINAL.match(s.text) and doc.main_film is not None:
        before = doc.predecessor(doc.main_film)
        numbered = re.fullmatch(r"(?P<b>.+?):? (?:[2-9]|II|III|IV)", doc.name_of(doc.main_film))
        if before is None and numbered is not None and \
                doc.type_of(doc.main_film) == "Movie":
            before = doc.entity(numbered.group("b"), "Movie", "box-office-take", s.text)
        return before
    opening = re.match(r"(?P<n>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?:[’']s)? [a-z]", s.text)
    if opening is None or opening.group("n") in STOP or not re.search(
            r"\b(?:it|its)\b", clause):
        return None
    tail = " " + opening.group("n").lower()
    works = {w for _a, _b, w in doc.work_spans if doc.name_of(w).lower().endswith(tail)}
    return works.pop() if len(works) == 1 else None


def _taker(doc: Doc, s: Sentence, at: int) -> str | None:
    """The work a take at ``at`` (offset in ``s``) belongs to: the one it is "of", the one
    named right before it ("“The Avengers” $207.4 million bow", "“Tenet” with $20M"), the
    title the clause opens with, else the last work named before it that is not a credit,
    else the work the paragraph is about."""
    pos = s.start + at
    spans = [(a, b, w) for a, b, w in doc.works_in_spans(s.start, s.end)]
    end = _MONEY.match(s.text, at)
    after = at + (end.end() - end.start() if end else 0)
    of = _TAKE_OF.match(s.text[after:])
    if of is not None:
        ahead = [w for a, _b, w in spans if s.start + after + of.end() <= a
                 <= s.start + after + of.end() + 2]
        if ahead:
            return ahead[0]
    before = [(a, b, w) for a, b, w in spans if b <= pos]
    if before:
        _a, b, w = before[-1]
        gap = doc.text[b:pos]
        if re.fullmatch(r"[”\"’]?(?:[’']s?)?,?(?: with| at| of)?\s*", gap):
            return w
    cut = [m.end() for m in re.finditer(r"[;:]|, (?:and|but)\b|\bwhile\b|\. ", s.text[:at])]
    clause_at = cut[-1] if cut else 0
    clause = s.text[clause_at:at]
    taking = [w for a, b, w in before if a >= s.start + clause_at
              and _SPAN_TAKES.match(doc.text, b)]
    # "Jurassic World made back … that of Harry Potter … which opened with $494 million":
    # the title a relative clause says took the sum, before a take verb earlier on
    which = _TAKER_WHICH.search(clause)
    if taking and which is None:
        return taking[-1]
    taker = which or _TAKER.search(clause)
    if taker is not None:
        name = taker.group("t")
        owner = re.match(r"(?P<o>.+?)[’']s (?P<t>[A-Z].+)", name)
        if owner is not None and _person(doc, owner.group("o")):
            name = owner.group("t")  # "Jackie Chan’s The Foreigner opened": The Foreigner
        words = name.split()
        found = doc.lookup(name)
        if (words[0] not in STOP or (owner is not None and words[0] == "The" and
                                     len(words) > 1)) and not re.match(r"\d", name) and (
                found is None or doc.type_of(found) in ("Movie", "TVSeries") or
                doc.is_guess(found)):
            if found is not None and doc.type_of(found) in ("Movie", "TVSeries"):
                return found
            if len(words) > 1 or found is not None:
                return doc.entity(name, "Movie", "box-office-take", s.text)
    if not any(a >= s.start for a, _b, _w in before):
        earlier = _earlier_work(doc, s, clause)
        if earlier is not None:
            return earlier
    scoped = [w for a, b, w in before if doc.scoping(a, b, w)
              and not _CREDIT_BEFORE.search(doc.text[max(s.start, a - 40):a])]
    if scoped:
        return scoped[-1]
    if before:
        return before[0][2]
    return doc.work_before(pos, s)


_COMPARED_TITLE = re.compile(rf"(?:(?:19|20)\d\d[’']s )?(?P<t>{TITLE_WORDS})"
                             r"(?:[’']s|,? \(| on| with| at)\s*$")


def _compared_work(doc: Doc, s: Sentence, cue: int, at: int, film: str) -> tuple[str, bool]:
    """The work a sum after a comparison word belongs to: the title right before it
    ("overtaking Captain Marvel’s $153.4m"), else the taker found (but no "about")."""
    named = _COMPARED_TITLE.search(s.text, cue, at) or _TAKER_WHICH.search(s.text, cue, at)
    if named is not None:
        name = named.group("t")
        found = doc.lookup(name)
        if found is not None and doc.type_of(found) in ("Movie", "TVSeries", "MovieSeries"):
            return found, True
        if found is None and name.split()[0] not in STOP and name[0].isalpha():
            return doc.entity(name, "Movie", "box-office-take", s.text), True
    return film, False


_OPENER = re.compile(rf"^(?:[A-Z][a-z]+, )?(?P<t>{TITLE_WORDS})[’']?s? (?:too |also |then )?"
                     r"[a-z]")


def _other_opener(doc: Doc, s: Sentence, film: str) -> bool:
    """Whether a sentence that does not name ``film`` opens with a title-like name the
    graph does not know as anything ("Oppenheimer too arrived higher … and opened on
    $82.4m", "Overseas, A New Era has delivered $40.5 million"): the take is that name's,
    not the work in scope."""
    if any(w == film for _a, _b, w in doc.works_in_spans(s.start, s.end)):
        return False
    if any(len(w) > 3 and w[0].isupper() and re.search(rf"\b{re.escape(w)}\b", s.text)
           for w in doc.name_of(film).split()):
        return False  # "… and Dory set three records": its short name
    m = _OPENER.match(s.text)
    if m is None or re.match(r"[’']", s.text[m.end("t"):]) or m.group("t")[-1] in "’'":
        return False  # "Warner Bros. Pictures’ animated feature": an owner
    name = m.group("t")
    words = name.split()
    if words[0] in STOP or not name[0].isalpha() or doc.lookup(name) is not None:
        return False
    title = doc.name_of(film).lower()
    return not any(w.lower() in title for w in words)


def box_office_news(doc: Doc) -> bool:
    """Whether the article speaks of box office at all."""
    news = doc.memo.get("box-office-news")
    if news is None:
        news = _BOX_OFFICE_NEWS.search(doc.text) is not None
        doc.memo["box-office-news"] = news
    return bool(news)


def rule_box_office_take(doc: Doc, s: Sentence) -> None:
    """"Disney*Pixar’s Finding Dory served up a new opening weekend record for an animated
    film taking in an estimated $136.2M this weekend", "“Jurassic World” opened with
    $513.8 million worldwide", "BellBottom earned Rs 12.65 crores during the four-day
    extended weekend": a BoxOfficeFigure about the work, with its gross in whole units of
    its currency, where it was earned and whether it is an estimate; one figure for each
    amount (another period or region is another figure)."""
    if not any(ch in s.text for ch in "$£€¥Rsy"):
        return
    if not box_office_news(doc) or not _TAKE_CUE.search(s.text):
        return
    for m in _MONEY.finditer(s.text):
        before = s.text[max(0, m.start() - 40):m.start()]
        rest = s.text[m.end():]
        if _NOT_A_TAKE_BEFORE.search(before) or _NOT_A_TAKE_AFTER.match(rest) or \
                (_BUDGET_BEFORE.search(before) and _BUDGET_AFTER.match(rest)) or \
                _THRESHOLD.search(before) or _CONVERSION.search(before) or \
                _RANGE_END.match(rest) or _NEAR_OR_EARLIER.search(before) or \
                _EARLIER_AFTER.match(rest) or \
                ((_MARKET_TOTAL.search(s.text[:m.start()]) or
                  _MARKET_DAY.search(s.text[:m.start()])) and
                 not doc.works_in_spans(s.start, s.end)):
            continue
        if m.group("sym") and not (m.group("scale") or m.group("abbr")) and \
                float(m.group("n").replace(",", "")) < 10_000:
            continue  # "$20": a ticket, not a take
        amount = _money(m)
        if amount is None:
            continue
        gross, currency = amount
        film = _taker(doc, s, m.start())
        if film is None or doc.type_of(film) not in ("Movie", "TVSeries", "MovieSeries"):
            continue
        bound = True
        subject = subject_work(doc, s, film, "Movie", "box-office-take")
        if subject is not None:
            film = subject
        compared = _COMPARED.search(s.text, max(0, m.start() - 80), m.start())
        if compared is not None and not any(
                s.start + compared.start() <= a and b <= s.start + m.start()
                for a, b, w in doc.works_in_spans(s.start, s.end) if w == film):
            film, bound = _compared_work(doc, s, compared.start(), m.start(), film)
        elif _other_opener(doc, s, film):
            bound = False
        scope: str | None = None
        said = _SCOPE_AFTER.match(rest)
        if said is not None:
            scope = said.group("w") or said.group("p")
        else:
            said = _SCOPE_BEFORE.search(s.text[:m.start()])
            if said is not None:
                scope = said.group("p")
            elif (opened := _SCOPE_OPENING.match(s.text)) is not None:
                said, scope = opened, opened.group("w")
            elif (market := _SCOPE_MARKET.search(s.text)) is not None:
                said, scope = market, market.group("w")
        if scope is not None:
            place = doc.lookup(scope)
            if place is not None and doc.type_of(place) is not None and not is_a(
                    doc.type_of(place), "Place"):
                scope = None
            else:
                scope = {"domestically": "domestic", "north american": "North America",
                         "globally": "global"}.get(scope.lower().removeprefix("the "),
                                                   scope.removeprefix("the "))
                if scope and scope[0].islower() and said is not None and \
                        said.group(0)[:1].isupper():
                    scope = scope.lower()
        base = f"{film}-box-office" + (f"-{re.sub(r'[^a-z0-9]+', '-', scope.lower())}"
                                       if scope else "")
        figure_id = base
        for n in range(2, 20):
            mine = {c.value for c in doc.found.values()
                    if c.subject == figure_id and c.property == "gross"}
            if not mine or gross in mine:
                break
            figure_id = f"{base}-{n}"
        name = f"{doc.name_of(film)}, box office" + (f" ({scope})" if scope else "")
        figure = doc.derived(figure_id, "BoxOfficeFigure", name, "box-office-take",
                             m.group(0))
        pos = s.start + m.start()
        lead = re.search(r"(?:\S+\s){0,4}$", before)
        quote_at = m.start() - (len(lead.group(0)) if lead else 0)
        quote = s.text[quote_at:m.end()]
        if bound:
            doc.add(figure, "about", s.text, s.start, "box-office-about", 0.6, obj=film)
        doc.add(figure, "gross", quote, s.start + quote_at, "box-office-take", 0.7,
                value=gross)
        doc.add(figure, "currency", m.group(0), pos, "box-office-take", 0.7, value=currency)
        if scope is not None and said is not None:
            doc.add(figure, "scope", s.text, s.start, "box-office-scope", 0.55, value=scope)
        if _ESTIMATED.search(before[-30:]):
            doc.add(figure, "projected", s.text[quote_at:m.end()], s.start + quote_at,
                    "box-office-estimate", 0.55, value=True)
        weekend = _THIS_WEEKEND.match(rest) or _DAYS_WEEKEND.match(rest)
        day = _ON_DAY.match(rest)
        if day is not None and doc.base_date is not None:
            friday, _sunday = _weekend(doc.base_date)
            on = (friday + _dt.timedelta(days=_DAY_OFFSET[day.group("d")])).isoformat()
            said_text = s.text[quote_at:m.end() + day.end()]
            for prop in ("startDate", "endDate"):
                doc.add(figure, prop, said_text, s.start + quote_at, "box-office-day", 0.5,
                        value=on)
        elif weekend is not None and doc.base_date is not None:
            friday, sunday = _weekend(doc.base_date)
            said_at = s.start + quote_at
            said_text = s.text[quote_at:m.end() + weekend.end()]
            doc.add(figure, "startDate", said_text, said_at, "box-office-weekend", 0.55,
                    value=friday.isoformat())
            doc.add(figure, "endDate", said_text, said_at, "box-office-weekend", 0.55,
                    value=sunday.isoformat())


_RESPECTIVELY = re.compile(r"\brespectively\b")


#: A line of a ranked list, its title, then a dash and its figure: "Pulse (Season 1) — 6.5
#: million views", "Raw: 2025 (March 31, 2025) — 2.9 million views".
_LINE_FIGURE = re.compile(r"(?P<t>[^—–\n]{2,80}?)(?: \((?i:season|series|part|volume) "
                          r"(?P<n>\d{1,2})\))? [—–]+ $")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:(?P<r>\d{1,2})[.)][ \t]*\n*[ \t]*)?$")


#: A network or service that heads its clause as the one that did well: "On Monday, CBS
#: led in the advertiser-friendly 18-49 demographic and in total viewers, averaging a 2.3/8
#: and 10.68 million viewers", "NBC was in close second with a 2.2/8 and 9.06 million viewers".
_CHANNEL_LEAD = re.compile(r"(?:(?:On|For|By|In) [\w ]{1,20}?, )?(?P<o>[A-Z][\w&+.]*(?: [A-Z][\w&+.]*)?) "
                           r"(?:led|won|dominated|averaged|finished|placed|came in|"
                           r"was (?:in|at|a) (?:close |distant )?(?:first|second|third|fourth|the top)|"
                           r"topped the night)\b")


def _channel_total(doc: Doc, s: Sentence, at: int) -> bool:
    """Whether the figure at ``at`` is a network's total for the night, which is about no
    work: its clause opens with the network as the one that did well and names no work
    before the figure (the works that "aided" it come after)."""
    head = s.text[:at]
    cut = head.rfind(";") + 1
    m = _CHANNEL_LEAD.match(head[cut:].lstrip())
    if m is None or doc.works_in(s.start + cut, s.start + at):
        return False
    name = m.group("o")
    known = doc.lookup(name)
    kind = doc.type_of(known) if known else guess_type(name)
    return kind in ("TelevisionNetwork", "StreamingService")


def _line_work(doc: Doc, s: Sentence, at: int) -> str | None:
    """The work a figure at ``at`` (offset in ``s``) on a list line of its own belongs to:
    the line's title ("6. Love on the Spectrum (Season 3) — 3.5 million views": that
    series' third season), never the article's main work."""
    m = _LINE_FIGURE.fullmatch(s.text, 0, at)
    if m is None or _LINE_START.search(doc.text, max(0, s.start - 8), s.start) is None:
        return None
    name = m.group("t").strip()
    if not name[:1].isupper() or len(name.split()) > 10:
        return None
    quote = s.text
    series = m.group("n") is not None or \
        len(TV_WORDS.findall(doc.text)) >= len(FILM_WORDS.findall(doc.text))
    kind = "TVSeries" if series else "Movie"
    work = doc.lookup(name) or doc.entity(name, kind, "figure-list", quote)
    if doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason", "MovieSeries"):
        return None
    if m.group("n") is None:
        return work
    if doc.type_of(work) == "Movie" and work in doc.new:
        doc.new[work].type = "TVSeries"
    if doc.type_of(work) != "TVSeries":
        return None
    n = int(m.group("n"))
    season = season_of(doc, work, n, quote)
    doc.add(season, "partOfSeries", quote, s.start, "figure-list", 0.6, obj=work)
    doc.add(season, "seasonNumber", quote, s.start, "figure-list", 0.6, value=n)
    return season


def _line_rank(doc: Doc, s: Sentence, work: str) -> None:
    """The rank a numbered list line gives its title: "3. Pulse (Season 1) — 6.5 million
    views" (third on the list the article reports)."""
    m = _LINE_START.search(doc.text, max(0, s.start - 8), s.start)
    if m is None or m.group("r") is None or not re.search(r"\b[Tt]op \d{1,2}\b", doc.text):
        return
    ranking = f"{work}-ranking"
    if any(c.subject == ranking for c in doc.found.values()):
        return
    doc.derived(ranking, "ChartRanking", f"Ranking of {doc.name_of(work)}", "figure-list",
                s.text)
    quote = doc.text[m.start("r"):s.end]
    doc.add(ranking, "about", quote, m.start("r"), "figure-list", 0.6, obj=work)
    doc.add(ranking, "rank", quote, m.start("r"), "figure-list", 0.6,
            value=int(m.group("r")))


#: A title right before the verb that drew the figure: "the streamer said that Ahsoka
#: drew 14M views in its first 5 days".
_DREW = re.compile(rf"(?:^|\bthat |, )(?P<t>{TITLE_WORDS}) (?:also )?(?:drew|has drawn|had "
                   r"drawn|racked up|garnered|notched|clocked|amassed|pulled in|attracted|"
                   r"scored|drew in) (?:(?:an?|over|more than|nearly|about|around|some|"
                   r"roughly|almost|just|only) )*$")


def _drawer(doc: Doc, name: str, film: str | None) -> str | None:
    """The work a title before "drew" names: a work the article knows, else a new one of
    the kind of the work in scope (a person, a company or a function word is none)."""
    found = doc.lookup(name)
    if found is not None:
        return found if doc.type_of(found) in ("Movie", "TVSeries", "TVSeason") else None
    words = name.split()
    if words[0] in STOP or doc.is_person(name) or len(words) > 6 or \
            (guess_type(name) != "Person" and is_a(guess_type(name), "Organization")):
        return None
    kind = doc.type_of(film) if film is not None else None
    work = doc.entity(name, "Movie" if kind == "Movie" else "TVSeries", "figure-subject",
                      name)
    return work if doc.type_of(work) in ("Movie", "TVSeries") else None


def rule_figures(doc: Doc, s: Sentence) -> None:
    """"44 million households viewed the movie in the first 28 days", "racked up 15.2
    million views and 98.4 million hours viewed in its first three days"."""
    seen: dict[str, str] = {}
    figures: list[_Found] = [_Found(m.start(), m.end(), m.group(0), _count(m), m.group("kind"))
                             for m in _FIGURE.finditer(s.text)]
    for m in _PAIR.finditer(s.text):
        scale = SCALE.get(m.group("scale") or (m.group("abbr") or "").lower(), 1)
        figures.append(_Found(m.start(), m.end("n0"), m.group("n0"),
                              round(float(m.group("n0").replace(",", "")) * scale),
                              m.group("kind")))
    kind = _last_kind(doc, s.start)
    if kind:
        for m in (m for bare in _BARE for m in bare.finditer(s.text)):
            if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end()
                       for f in figures):
                figures.append(_Found(m.start(), m.end(), m.group(0), _count(m), kind,
                                      bare=True))
    figures.sort(key=lambda f: f.start)
    paired: dict[int, str] = {}
    if _RESPECTIVELY.search(s.text):
        # "“Happiness for Beginners” … and “Missing: …,” with 9.3 million views and 7.6
        # million views for fourth and fifth place, respectively": in order, or not at all.
        works = doc.respective(s, s.start + figures[0].start) if figures else []
        if len(works) != len(figures):
            return
        paired = {f.start: w for f, w in zip(figures, works, strict=False)}
    for f in figures:
        before = s.text[max(0, f.start - 40):f.start]
        if _WANTED.search(before) and not re.search(
                r"\b(?:projected|expected|forecast|estimated|on track|set)\b", before):
            # "provided it can secure an additional 10 million views": not drawn yet (a
            # projection, "projected to hit 70 million households", is a figure)
            continue
        if f.kind == "hours" and not re.search(r"\b(?:viewed|watched|of viewing)\b|"
                                               r"^ in (?:week one|its first week)\b",
                                               s.text[f.end:f.end + 20]):
            continue
        if _channel_total(doc, s, f.start):
            continue
        prop = _KINDS[f.kind]
        if f.kind == "viewers" and _counts_households(doc):
            # Netflix counts "viewers" as the member households that watched: an article
            # that counts households uses the two words for one count.
            prop = "households"
        pos = s.start + f.start
        rest = s.text[f.end:]
        clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
        at = s.start + f.end
        after = [] if f.bare else doc.works_in(at, at + len(clause))
        lined = _line_work(doc, s, f.start)
        if lined is not None:
            _line_rank(doc, s, lined)
        film = lined or paired.get(f.start) or (after[0] if after else
                                                doc.work_before(pos, s))
        if not lined and not paired and not after:
            drew = _DREW.search(s.text, 0, f.start)
            if drew is not None:
                film = _drawer(doc, drew.group("t"), film) or film
        if film is None:
            continue
        # A figure bound to a work its sentence does not name, in a sentence that names
        # another title-like thing the article does not know ("The Acolyte, for example,
        # … reported to have 4.8 million views"), is likely about that other thing: the
        # figure stays, its link to the work falls below the default floor.
        doubt = 0.0 if lined or film in doc.works_in(s.start, s.end) or film in paired.values() \
            else (0.4 if doc.names_other_title(s) or bound_elsewhere(doc, s, film) else 0.0)
        said_kind = _CHART_SUBJECT.search(s.text)
        placed = _PLACE_CUE.search(s.text)
        if doubt and (said_kind is not None or placed is not None):
            # "In the same period, The Brothers Sun, another English-language series,
            # clocked 6.9 million views", "Among the new entrants on the list, Scott
            # Pilgrim Takes Off landed in 7th place with 2 million views": the title the
            # sentence opens with
            if said_kind is not None:
                word = (said_kind.group("k") or said_kind.group("k2")).lower().rstrip("s")
                opened_kind: str | None = "Movie" if word in ("film", "movie") else "TVSeries"
            else:
                opened_kind = _kind_in_context(doc, s)
            opened = opening_work(doc, s, opened_kind, "figure-subject") if opened_kind \
                else None
            if opened is not None:
                film, doubt = opened[0], 0.0
        if _OF_A_POST.search(s.text[max(0, f.start - 60):f.start]):
            # "In an Instagram post that quickly reached 1 million views, Madelyn Cline
            # thanked fans for … Outer Banks": the post's views (of the post drafted from
            # the sentence), not the work's
            post = next((c.subject for c in doc.found.values() if c.property == "author"
                         and s.start <= c.start < s.end
                         and doc.type_of(c.subject) == "SocialMediaPosting"), None)
            film, doubt = (post, 0.0) if post is not None else (film, 0.4)
        season = season_counted(doc, s, film, f.start)
        if season is not None:
            film, doubt = season, 0.0
        count = f.count
        days = _PERIOD.search(s.text)
        period = None
        if days:
            if days.group("wk"):
                period = 7  # "racked-up 58.5 million hours in week one"
            elif days.group("nth"):
                period = _NTH[days.group("nth")]  # "by the third day of release"
            elif days.group("one"):
                period = {"week": 7, "day": 1}.get(days.group("u1"), 3)
            else:
                # "in its first 28 days", "over 50 million views in just 11 days"
                n = days.group("n") or days.group("n2")
                unit = days.group("u") or days.group("u2")
                units = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
                if units:
                    period = units * (7 if unit.startswith("week") else 1)
        named = [(a, b) for a, b, w in doc.works_in_spans(s.start, pos) if w == film]
        if named and film not in paired.values() and (
                another_subject_between(doc, named[-1][1], pos) or
                in_aside(doc, s, named[-1][0], pos)):
            doubt = 0.4
        figure_id = seen.get(film)
        if figure_id is None or any(c.subject == figure_id and c.property == prop and
                                    c.value != count for c in doc.found.values()):
            # "drew 4.7 million viewers …, and has since grown to 22 million": two figures.
            figure_id = _figure_id(doc, film, prop, count, period)
        seen[film] = figure_id
        figure = doc.derived(figure_id, "ViewershipFigure",
                             f"Viewership of {doc.name_of(film)}", prop, f.text)
        quote = (f.text + clause.rstrip(" ,.")) if len(clause) < 120 and not f.bare \
            else f.text
        doc.add(figure, "about", s.text, s.start, "figure-about", 0.7 - doubt, obj=film)
        doc.add(figure, prop, quote, pos, prop, 0.7 if f.bare else 0.8, value=count)
        if period and days:
            doc.add(figure, "periodDays", days.group(0), s.start + days.start(),
                    "first-n-days", 0.7, value=period)
        if re.search(r"\bprojected\b|\bprojection\b", s.text) or re.search(
                r"\b(?:is|are) expected to (?:see|draw|reach)\b",
                re.split(r",? while\b|;|, and\b", s.text[:f.end])[-1]):
            doc.add(figure, "projected", s.text, s.start, "projected", 0.6, value=True)
        said = re.search(SOURCE, s.text)
        owner = re.match(r"(?P<o>.+?)[’']s [A-Z]\w+$", said.group("o") or "") if said \
            else None
        if said and owner and is_a(doc.type_of(doc.lookup(owner.group("o"))),
                                   "Organization"):
            # "according to Netflix’s Tudum": the company that runs the site
            org = doc.lookup(owner.group("o"))
            assert org is not None
            doc.add(figure, "reportedBy", said.group(0), s.start + said.start(),
                    "as-x-stated", 0.6, obj=org)
        elif said and doc.type_of(doc.lookup(said.group("o") or said.group("o2"))) in (
                None, "Organization", "NewsMediaOrganization", "StreamingService",
                "TelevisionNetwork", "ProductionCompany", "Company"):
            name = said.group("o") or said.group("o2")
            org = doc.lookup(name) or doc.entity(name, "Organization", "as-x-stated",
                                                 said.group(0))
            doc.add(figure, "reportedBy", said.group(0), s.start + said.start(),
                    "as-x-stated", 0.6, obj=org)


_LIST_TITLE = re.compile(r"^(?:\d{1,2}\.|[-•*])?[ \t]*(?P<t>[^\n]{2,80}?)[ \t]*$")
_LIST_FIGURE = re.compile(
    rf"^[-•*]?[ \t]*(?P<k>[Hh]ours (?:watched|viewed)|(?:[Tt]otal )?[Vv]iews|[Hh]ouseholds|"
    rf"(?:[Tt]otal )?[Vv]iewers)[ \t]*:[ \t]*{_AMOUNT}[ \t]*$")


def figure_list(doc: Doc) -> None:
    """A ranked list of titles, each with its figures on the lines after it:
    "10. The Night Agent / - Hours watched: 803,700,000 / - Total Views: 98,200,000": one
    figure for each title, about the work of that name (a new one when the graph does
    not know it)."""
    if ":" not in doc.text or not re.search(r"(?im)^[-•*]?[ \t]*(?:hours (?:watched|viewed)|"
                                            r"(?:total )?views)[ \t]*:", doc.text):
        return
    lines: list[tuple[int, str]] = []
    at = 0
    for line in doc.text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    series = len(re.findall(r"\b(?:series|shows?|seasons?)\b", doc.text, re.IGNORECASE)) >= \
        len(re.findall(r"\b(?:films?|movies?)\b", doc.text, re.IGNORECASE))
    index = 0
    while index < len(lines):
        start, line = lines[index]
        index += 1
        title = _LIST_TITLE.match(line)
        if title is None or _LIST_FIGURE.match(line) or index >= len(lines) or \
                not _LIST_FIGURE.match(lines[index][1]):
            continue
        name = title.group("t").strip()
        if len(name.split()) > 10 or name.endswith((".", "?", "!")):
            continue
        kind = "TVSeason" if re.search(r"\b(?:season|part) \d+$", name, re.IGNORECASE) \
            else ("TVSeries" if series else "Movie")
        work = doc.lookup(name) or doc.entity(name, kind, "figure-list", line.strip())
        if doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason", "MovieSeries"):
            continue
        figure: str | None = None
        while index < len(lines) and (m := _LIST_FIGURE.match(lines[index][1])):
            end = lines[index][0] + len(lines[index][1])
            key = m.group("k").lower()
            prop = "hoursViewed" if key.startswith("hours") else (
                "households" if key.startswith("house") else "views")
            count = _count(m)
            if figure is None:
                figure = doc.derived(_figure_id(doc, work, prop, count, None),
                                     "ViewershipFigure",
                                     f"Viewership of {doc.name_of(work)}", "figure-list",
                                     doc.text[start:end])
                doc.add(figure, "about", doc.text[start:end], start, "figure-list", 0.6,
                        obj=work)
            doc.add(figure, prop, doc.text[start:end], start, "figure-list", 0.65,
                    value=count)
            index += 1


_STATED = re.compile(
    rf"\b(?:[Aa]ccording to|[Aa]s estimated by|[Aa]s per|[Pp]er) (?:the )?"
    rf"(?:(?:figures|data|estimates|stats|numbers) from )?(?:[a-z-]+ ){{0,3}}?(?P<o>{NAME})|"
    rf"(?<![\w.’'-])(?<![Tt]he )(?P<o2>{NAME})(?: Inc\.)? (?:announced|said|reported|estimated|estimates|confirmed|"
    rf"revealed)\b")


def stated_by(doc: Doc) -> None:
    """"Samba TV announced earlier in the day that roughly 1.7 million households watched
    the show", "Rounding out the top 10 domestic releases, as estimated by Comscore, were
    …", "according to figures from measurement firm ComScore": a figure or a ranking with
    no source yet is reported by the organization its sentence names as the source."""
    has = {c.subject for c in doc.found.values() if c.property == "reportedBy"}
    for c in list(doc.found.values()):
        if c.subject in has or doc.type_of(c.subject) not in ("ViewershipFigure",
                                                              "ChartRanking") or \
                c.property not in ("views", "households", "hoursViewed", "rank"):
            continue
        s = doc.sentence_at(c.start, 1)
        if s is None:
            continue
        for m in _STATED.finditer(s.text):
            name = doc.trim(m.group("o") or m.group("o2"))
            org = doc.lookup(name)
            kind = doc.type_of(org) if org else guess_type(name)
            if kind is None or not is_a(kind, "Organization"):
                continue
            org = org or doc.entity(name, kind, "stated-by", m.group(0))
            doc.add(c.subject, "reportedBy", m.group(0), s.start + m.start(), "stated-by",
                    0.5, obj=org)
            has.add(c.subject)
            break


_WEEK_SPAN = re.compile(
    r"\b(?:week|period|list|chart) (?:spanning|of|from|for|covering) (?P<m1>[A-Z][a-z]+\.?) "
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)? ?(?:-|–|to|through|until) ?(?:(?P<m2>[A-Z][a-z]+\.?) )?"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:, (?P<y>(?:19|20)\d\d))?")


def week_spans(doc: Doc) -> None:
    """"attracting a total of 23.9 million views in the week spanning January 8 to 14",
    "As per the top 10 list for November 8 - November 14, 2021 week, 'Red Notice' topped
    the list": the week a figure or ranking of that paragraph counts, as its start and
    end dates."""
    if not _WEEK_SPAN.search(doc.text):
        return
    for s in doc.sentences:
        m = _WEEK_SPAN.search(s.text)
        if m is None:
            continue
        year = f", {m.group('y')}" if m.group("y") else ""
        first = doc.date(f"{m.group('m1')} {m.group('d1')}{year}")
        last = doc.date(f"{m.group('m2') or m.group('m1')} {m.group('d2')}{year}")
        if not first or not last or first > last:
            continue
        para = doc.paragraph_at(s.start, 1)
        if para is None:
            continue
        # a figure whose work is in doubt ("the series" of a film) gets no week either
        sure = {x.subject for x in doc.found.values() if x.property == "about"
                and x.confidence >= 0.45}
        for c in list(doc.found.values()):
            if c.property not in ("views", "hoursViewed", "households", "rank") or \
                    c.subject not in sure or \
                    not para.start <= c.start <= para.end or \
                    doc.type_of(c.subject) not in ("ViewershipFigure", "ChartRanking") or \
                    (c.subject, "periodDays") in {(x.subject, x.property)
                                                  for x in doc.found.values()}:
                continue
            doc.add(c.subject, "startDate", m.group(0), s.start + m.start(), "week-span",
                    0.55, value=first)
            doc.add(c.subject, "endDate", m.group(0), s.start + m.start(), "week-span",
                    0.55, value=last)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: "for the 7-day period that ended April 3", "(for the week ending Sunday, April 10)",
#: "in the week ended March 5": the period a figure counts, by its last day.
_ENDED = re.compile(
    rf"\b(?:the )?(?:(?P<n>\d{{1,2}}|[a-z]+)-day (?:period|stretch|window)|week|"
    rf"viewing week|tracking week) (?:that )?(?:ended|ending|ends) (?:on )?"
    rf"(?:{_WEEKDAY},? )?(?P<d>{DATE})")


_ENDED_CUE = re.compile(r"\b(?:ended|ending|ends)\b")


def period_ended(doc: Doc) -> None:
    """"Season two’s viewership had exploded to 251.7 million hours viewed for the 7-day
    period that ended April 3", "115.7 million hours viewed globally (for the 7-day
    period that ended on Sunday, April 10)": a figure of the sentence counts that many
    days (a week, seven), from its first day to the day named."""
    if not _ENDED_CUE.search(doc.text):
        return
    for s in doc.sentences:
        for m in _ENDED.finditer(s.text):
            word = m.group("n")
            days = 7 if word is None else int(word) if word.isdigit() else \
                NUMBER_WORDS.get(word.lower())
            last = doc.date(m.group("d"))
            if not days or not 1 < days <= 31 or last is None or len(last) != 10:
                continue
            first = (_dt.date.fromisoformat(last) - _dt.timedelta(days=days - 1)).isoformat()
            start = s.start + m.start()
            nearest = sorted((abs(c.start - start), c.subject) for c in doc.found.values()
                             if c.property in ("views", "hoursViewed", "households")
                             and s.start <= c.start < s.end
                             and doc.type_of(c.subject) == "ViewershipFigure")
            if not nearest:
                continue
            figure = nearest[0][1]
            if (figure, "periodDays") not in {(c.subject, c.property)
                                              for c in doc.found.values()}:
                doc.add(figure, "periodDays", m.group(0), start, "period-ended", 0.6,
                        value=days)
            doc.add(figure, "startDate", m.group(0), start, "period-ended", 0.55, value=first)
            doc.add(figure, "endDate", m.group(0), start, "period-ended", 0.6, value=last)


RULES = [rule_figures, rule_watched_for, rule_box_office_take]
#: An item of a numbered box-office chart: "1. Gravity, $44.3 million;", "2. Hail,
#: Caesar! (review here)- $11.4M", "1. Kung Fu Panda 3- $21M/$69M" (the weekend's take,
#: then the total so far).
_CHART_ITEM = re.compile(
    r"(?:^|(?<=[;\n]) ?|(?<=\. ))(?P<n>\d{1,2})\. (?P<t>[A-Z0-9][^\n;$]{0,70}?)"
    r"(?: \([^()\n]{1,30}\))?(?:,|:| ?[-–—]) ?(?P<m>\$\d[\d,.]*(?: ?(?:million|billion|[MBK]))?)"
    r"(?:/(?P<m2>\$\d[\d,.]*(?: ?(?:million|billion|[MBK]))?))?", re.MULTILINE)


def box_office_chart(doc: Doc) -> None:
    """"1. Gravity, $44.3 million; 2. Captain Phillips, $26 million; 3. …" (Studio
    Briefing, 2013), "1. Kung Fu Panda 3- $21M/$69M" over "2. Hail, Caesar! (review here)-
    $11.4M" (Punch Drunk Critics, 2016): a numbered chart of three or more titles, ranked
    1, 2, 3 … in order, each with a sum: a box-office figure of the work with its gross,
    currency and rank (a second sum after "/", the total so far, is a figure of its own).
    Not: a numbered list without sums, a list whose numbers do not run on from 1."""
    if not _BOX_OFFICE_NEWS.search(doc.text):
        return
    items = list(_CHART_ITEM.finditer(doc.text))
    runs: list[list[re.Match[str]]] = []
    for m in items:
        if int(m.group("n")) == 1:
            runs.append([m])
        elif runs and int(m.group("n")) == int(runs[-1][-1].group("n")) + 1:
            runs[-1].append(m)
    for run in runs:
        if len(run) < 3:
            continue
        for m in run:
            title = m.group("t").strip().rstrip(",")
            if len(title.split()) > 10 or title.endswith((".", "?")):
                continue
            work = doc.lookup(title)
            if work is None:
                work = doc.entity(title, "Movie", "box-office-chart", m.group(0))
                at = m.start("t")
                doc.add_work_span(at, at + len(title), work)
            if doc.type_of(work) not in ("Movie", "TVSeries", "MovieSeries"):
                continue
            quote = m.group(0).lstrip(" ;")
            start = doc.text.find(quote, m.start())
            for key, suffix, ranked in (("m", "weekend", True), ("m2", "total", False)):
                if not m.group(key):
                    continue
                money = _MONEY.match(m.group(key))
                got = _money(money) if money else None
                if got is None:
                    continue
                gross, currency = got
                figure = doc.derived(f"{work}-box-office-{suffix}", "BoxOfficeFigure",
                                     f"{doc.name_of(work)}, box office ({suffix})",
                                     "box-office-chart", quote)
                doc.add(figure, "about", quote, start, "box-office-chart", 0.6, obj=work)
                doc.add(figure, "gross", quote, start, "box-office-chart", 0.65, value=gross)
                doc.add(figure, "currency", quote, start, "box-office-chart", 0.65,
                        value=currency)
                if ranked:
                    doc.add(figure, "rank", quote, start, "box-office-chart", 0.6,
                            value=int(m.group("n")))


DOC_RULES = [figure_list, box_office_chart, stated_by, week_spans, period_ended]


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DASH = r" ?(?:-|–|—|to|through|thru) ?"
#: A stated period of a chart or a figure, a week or a weekend, once in an article:
#: "for the week of January 24-30", "led the ratings survey, from January 15 to 21",
#: "(for Jan. 31-Feb. 6)", "for the week of 1–7 September", "July 27 - July 29, 2018",
#: "Weekend Box Office (August 2 - 4, 2019)", "Week of 11/23/20 – 11/29/20", and a week by
#: its first day alone: "Top 10 Week of Dec. 30", "in the week commencing December 26th".
_PERIODS = (
    re.compile(rf"(?P<m1>{_MON}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:, (?P<y1>20\d\d))?{_DASH}"
               rf"(?:(?P<m2>{_MON}) )?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>20\d\d))?"
               rf"(?! ?(?:-|–|%|\d|million|billion|percent|episodes?|years?))"),
    re.compile(rf"(?<![\d,.])(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? "
               rf"(?P<m2>{_MON})(?:,? (?P<y>20\d\d))?\b"),
    re.compile(r"(?P<n1>\d{1,2}/\d{1,2}/\d\d) ?[-–—] ?(?P<n2>\d{1,2}/\d{1,2}/\d\d)\b"),
    re.compile(rf"\b[Ww]eek (?:of|commencing|beginning|starting) (?P<m1>{_MON}) "
               rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>20\d\d))?(?!{_DASH}\d)"),
)
#: What must stand right before a range for it to be the article's period: a week, "for",
#: "between", "from", or nothing at all (a heading, a date line, a bracket).
_PERIOD_CUE = re.compile(r"(?:\b(?:[Ww]eek(?: of| spanning| from| commencing)?|[Ff]or|"
                         r"between|[Ff]rom|spanning|survey,? from)|^|\(|\n)[ \t]*$")
#: A sentence that gives its figure its own period, or a total, or another year's:
#: "in its first 28 days", "to date", "so far", "last year's record".
_OWN_PERIOD = re.compile(
    r"\b(?:to date|so far|total|totals|totaling|totalling|cumulative|overall|all[- ]time|"
    r"(?:last|previous|prior|next) (?:week|weekend|year|month|season)|a year ago|"
    r"(?:first|opening) (?:day|days|night|\w+ days|\w+ weeks|month)|\w+[- ]days?\b|"
    r"weeks|since|through|after|(?:19|20)\d\d|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|yesterday|tonight|last night|lifetime|ever)\b", re.IGNORECASE)
_VALUE_PROPS = ("views", "hoursViewed", "households", "rank", "gross")
_PERIOD_TYPES = ("ViewershipFigure", "ChartRanking", "BoxOfficeFigure")
_DATE_LINE = re.compile(rf"^[ \t]*(?:(?P<a>{_MON} \d{{1,2}}, 20\d\d)|(?P<b>\d{{1,2}} {_MON},? "
                        rf"20\d\d))[ \t]*$", re.MULTILINE)


def _stated_periods(doc: Doc) -> list[tuple[int, str, str, str | None]]:
    """Each week or weekend the article states: (where, quote, first day, last day)."""
    base = doc.base_date
    out: list[tuple[int, str, str, str | None]] = []
    if base is None:
        return out
    for n, pattern in enumerate(_PERIODS):
        for m in pattern.finditer(doc.text):
            if n < 2 and not _PERIOD_CUE.search(doc.text[max(0, m.start() - 30):m.start()]):
                continue
            g = m.groupdict()
            first: str | None
            last: str | None
            if g.get("n1"):
                try:
                    a, b = (_dt.datetime.strptime(x, "%m/%d/%y").date().isoformat()
                            for x in (g["n1"], g["n2"]))
                except ValueError:
                    continue
                first, last = a, b
            else:
                year = g.get("y") or g.get("y1")
                tail = f", {year}" if year else ""
                first = doc.date(f"{g.get('m1') or g.get('m2')} {g['d1']}{tail}")
                last = doc.date(f"{g.get('m2') or g.get('m1')} {g['d2']}{tail}") \
                    if g.get("d2") else None
            if first is None or len(first) != 10:
                continue
            start = _dt.date.fromisoformat(first)
            if not -7 <= (base - start).days <= 45:
                continue  # a period of another time ("the week of Jan. 7" a year before)
            if last is not None:
                if len(last) != 10:
                    continue
                days = (_dt.date.fromisoformat(last) - start).days
                if not (days == 6 or (days in (2, 3) and start.weekday() in (3, 4))):
                    continue  # neither a week nor a weekend
            if n == 3 and (len(doc.text[:m.start()].rsplit("\n", 1)[-1]) > 12 or
                           not re.match(r":?[ \t]*(?:\n|$)", doc.text[m.end():])):
                continue  # a week by its first day only as a heading: "Top 10 Week of Dec. 30:"
            out.append((m.start(), m.group(0), first, last))
    return sorted(set(out))


def _weekend_stated(doc: Doc) -> list[tuple[int, str, str, str | None]]:
    """In a weekend box-office report, the weekend of the article's date, stated by its
    date line ("January 12, 2020" under the headline): Friday to Sunday."""
    if doc.base_date is None or not box_office_news(doc) or \
            not re.search(r"\bweekend\b", doc.text[:600], re.IGNORECASE):
        return []
    friday, sunday = _weekend(doc.base_date)
    line = _DATE_LINE.search(doc.text[:600])
    if line is not None and doc.date(line.group(0).strip()) == doc.base_date.isoformat():
        return [(line.start(), line.group(0).strip(), friday.isoformat(), sunday.isoformat())]
    return []


#: A heading inside an article: a short line of its own with no closing stop
#: ("Competitive Landscape", "In the Film Arena").
_HEADING_LINE = re.compile(r"^[ \t]*[A-Z][^\n.!?]{0,60}[ \t]*$", re.MULTILINE)


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _in_section(doc: Doc, at: int, pos: int) -> bool:
    """Whether a period stated at ``at`` in running text holds at ``pos``: no heading
    line between them (a period on a line of its own, a heading or a date line, holds for
    the whole article)."""
    if len(_line_of(doc.text, at)) <= 80:
        return True
    a, b = sorted((at, pos))
    return not any(a < h.start() < b for h in _HEADING_LINE.finditer(doc.text, a, b))


def _own_period(doc: Doc, stated: list[tuple[int, str, str, str | None]], pos: int) -> bool:
    """Whether the sentence at ``pos`` names a period, total or time of its own (the
    article's stated period left aside)."""
    s = doc.sentence_at(pos)
    if s is None:
        return True
    own = s.text
    for at, q, _a, _b in stated:  # the sentence that states the period may name it
        if s.start <= at < s.end:
            own = own.replace(q, " ")
    return _OWN_PERIOD.search(own) is not None


def article_period(doc: Doc) -> None:
    """The period a chart or its figures cover, stated once for the whole article ("As
    per the top 10 list for November 8 - November 14, 2021 week", "Top 10 Week of Dec.
    30", "the latest weekly ratings (for Jan. 31-Feb. 6)", "July 27 - July 29, 2018" under
    a weekend box-office heading): the `startDate` (and `endDate`) of each figure and
    ranking of the article whose own sentence names no other period, total or time ("In
    only 11 days, Season 2 … has amassed 126.2 million views", "its total run to $39.2
    million so far"), quoted where the article states the period (the one stated last
    before the figure, else the first)."""
    stated = _stated_periods(doc)
    box = False
    if not stated:
        stated, box = _weekend_stated(doc), True
    if not stated:
        return
    # a place in so many countries' own charts ("No. 1 in 91 countries") is no place on
    # the chart whose week the article states
    dated = {c.subject for c in doc.found.values()
             if c.property in ("startDate", "endDate", "periodDays", "countriesRanked")}
    done: set[str] = set()
    for c in sorted(doc.found.values(), key=lambda x: x.start):
        if c.property not in _VALUE_PROPS or c.subject in dated or c.subject in done:
            continue
        kind = doc.type_of(c.subject)
        if kind not in _PERIOD_TYPES or (box and kind == "ViewershipFigure"):
            continue
        done.add(c.subject)
        if any(_own_period(doc, stated, x.start) for x in doc.found.values()
               if x.subject == c.subject):
            continue
        before = [p for p in stated if p[0] <= c.start]
        at, quote, first, last = before[-1] if before else stated[0]
        if not _in_section(doc, at, c.start):
            continue
        doc.add(c.subject, "startDate", quote, at, "article-period", 0.55, value=first)
        if last is not None:
            doc.add(c.subject, "endDate", quote, at, "article-period", 0.55, value=last)
