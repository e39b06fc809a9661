"""Dates and releases: premieres, release dates and months, where a work streams,
resolved against the article's date ("on Tuesday", "April 12", "in April 2024")."""

from __future__ import annotations

import datetime as _dt
import re

from ._doc import WORK_TYPES, Doc
from ._names import NETWORKS, guess_type, is_place_or_award
from ._terms import is_a
from ._text import MONTHS, NAME, STOP, WEEKDAYS, Sentence

__all__ = ["DOC_RULES", "RULES"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: "21 August", "26 October 2018", "the 3rd of November 2023": the day before its month
#: (British style).
_DAY_MONTH = (rf"(?<![\d.,])(?:the )?\d{{1,2}}(?:(?:st|nd|rd|th)(?: of)?)? {_MONTH}(?:,? \d{{4}})?"
              rf"(?![\w-])")
#: "January 4, 2021", "Dec. 31", "April 2024", "Christmas Day 2020", "Friday", "2002",
#: "26 October 2018".
DATE = (rf"(?:Christmas Day,? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|"
        rf"{_DAY_MONTH}|"
        rf"{_MONTH},? (?:of )?\d{{4}}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        rf"(?:,? (?:{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|{_DAY_MONTH}))?)")


def _date(doc: Doc, text: str) -> str | None:
    m = re.fullmatch(rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
                     rf"(?P<d>{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|{_DAY_MONTH})", text)
    return doc.date(m.group("d") if m else text)


_AVAILABLE = re.compile(rf"\b(?:will be |is |are )?(?:available|streaming) (?:to stream )?(?:via|on) "
                        rf"(?P<o>{NAME}) (?:starting|from|beginning|on) (?P<d>{DATE})")
_AHEAD = re.compile(rf"\b(?:[Aa]head of|[Bb]efore) (?:its|their|the (?:show|series|film|movie)[’']s) "
                    rf"(?P<d>{DATE}) (?:series |season |world |streaming )?premiere\b")


def _first_shown(doc: Doc, s: Sentence) -> None:
    """The premiere ``rule_premiere`` reads with other verbs (see there)."""
    for m in _FIRST_SHOWN.finditer(s.text):
        verb = m.group("v")
        if re.search(r"\b(?:hits?|lands?|landed|arrive[sd]?)$", verb) and not (
                m.group("o") or m.group("o2")):
            continue  # "hits a record on Friday": no place it is shown
        if re.search(r"\b(?:season|episode|finale|trailer|teaser|world|festival|premiere|"
                     r"first look)\W*(?:\w+\W+){0,2}$", s.text[max(0, m.start() - 40):m.start()],
                     re.IGNORECASE):
            continue  # a season's, an episode's, a trailer's or a festival's showing
        if m.group("d").isdigit():
            continue  # a year alone: too often another work's or a company's start
        at = s.start + m.start()
        work = doc.work_at(at, s)
        named = [a for a, _b, w in doc.work_spans if w == work and s.start <= a < at]
        pointed = re.match(r"(?:The (?:series|show|film|movie|drama|comedy|sitcom)|It)\b"
                           r"(?:, which)?(?: (?:is|was|will|has|had|be|set|to|been|now|also)){0,3} ?$",
                           s.text[:m.start()])
        if work is None or doc.type_of(work) not in ("Movie", "TVSeries") or \
                _unread_subject(doc, s, m.start()) or not (named or pointed) or \
                (named and doc.works_in(named[-1] + 1, at)):
            continue  # the work named before the verb, no other between, or "The series"
        date = _date(doc, m.group("d"))
        if date is None:
            continue
        event = doc.derived(f"{work}-premiere", "Premiere", f"Premiere of {doc.name_of(work)}",
                            "premiere-verb", m.group(0))
        start = doc.before_quote(named[-1]) if named and at - named[-1] < 100 else at
        quote = doc.text[start:s.start + m.end()]
        doc.add(event, "workFeatured", quote, start, "premiere-verb", 0.55, obj=work)
        doc.add(event, "startDate", quote, start, "premiere-verb", 0.6, value=date)
        for name in (m.group("o"), m.group("o2")):
            shown = _channel(doc, name, "premiere-verb", quote) if name else None
            if shown is not None:
                doc.add(event, "platform", quote, start, "premiere-verb", 0.55, obj=shown[0])


def _premiere_elsewhere(doc: Doc, s: Sentence) -> None:
    """"“Forever” Season 1 will be available via Prime Video starting Sept. 14", "Ahead of
    its August 21 premiere": the premiere, its day and where."""
    for m in (*_AVAILABLE.finditer(s.text), *_AHEAD.finditer(s.text)):
        work = doc.work_at(s.start + m.start(), s)
        date = _date(doc, m.group("d"))
        if work is None or date is None:
            continue
        event = doc.derived(f"{work}-premiere", "Premiere", f"Premiere of {doc.name_of(work)}",
                            "premiere-day", m.group(0))
        quote = s.text if len(s.text) < 160 else m.group(0)
        doc.add(event, "workFeatured", quote, s.start, "premiere-day", 0.6, obj=work)
        doc.add(event, "startDate", m.group(0), s.start + m.start(), "premiere-day", 0.65,
                value=date)
        if "o" in m.groupdict() and m.group("o"):
            platform = doc.lookup(m.group("o"))
            kind = doc.type_of(platform) if platform else guess_type(m.group("o"))
            if is_a(kind, "StreamingService"):
                platform = platform or doc.entity(m.group("o"), kind, "premiere-day",
                                                  m.group(0))
                doc.add(event, "platform", m.group(0), s.start + m.start(), "premiere-day",
                        0.6, obj=platform)


_PREMIERED = re.compile(rf"\b(?:premiered|premieres|will premiere) "
                        rf"(?:on (?P<o>{NAME}) )?on (?P<d>{DATE})")


#: Other verbs of a first showing, with the day or month after them: "Extraction lands on
#: Netflix on 24th April 2020", "debuting globally on Friday, April 14, 2023 on Apple TV+",
#: "The series, which premiered in April 2018", "premieres Thursday, September 16".
_FIRST_SHOWN = re.compile(
    rf"\b(?P<v>premiered|premieres|premiering|(?:will|to) premiere|debuted|debuts|debuting|"
    rf"(?:will|to) debut|launched|launches|(?:will|to) launch|lands|landed|(?:will|to) land|"
    rf"arrives|arrived|(?:will|to) arrive|hits|(?:will|to) hit)"
    rf"(?: (?:globally|exclusively|worldwide|internationally|nationwide))?"
    rf"(?: (?:on|in|to) (?P<o>{NAME}|theaters|theatres|cinemas))?,?"
    rf" (?:on |in )?(?P<d>{DATE}|\d{{4}}(?![\d,]))(?![\w-])"
    rf"(?:,? (?:on|in) (?P<o2>{NAME}))?")


def rule_premiere(doc: Doc, s: Sentence) -> None:
    """"We Can Be Heroes premiered on Christmas Day 2020": a premiere event with its
    date. Other verbs of a first showing (``premiere-verb``): "Extraction lands on Netflix
    on 24th April 2020", "The series, which premiered in April 2018", "debuting globally on
    Friday, April 14, 2023 on Apple TV+" — the premiere of the work the clause is about,
    its day (or month, or year after "in") and the service it streams on. Not: a season's
    premiere (``season-premiere``), a festival's ("its world premiere"), "hits" or "lands"
    with no place of showing ("hits a record on Friday"), a premiere of a title not read
    that opens the sentence."""
    _premiere_elsewhere(doc, s)
    m = _PREMIERED.search(s.text)
    if not m:
        _first_shown(doc, s)
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None or _unread_subject(doc, s, m.start()):
        return
    date = _date(doc, m.group("d"))
    event = doc.derived(f"{film}-premiere", "Premiere", f"Premiere of {doc.name_of(film)}",
                        "premiered-on", m.group(0))
    doc.add(event, "workFeatured", s.text, s.start, "premiered-on", 0.7, obj=film)
    if date:
        doc.add(event, "startDate", m.group(0), s.start + m.start(), "premiered-on",
                0.8, value=date)


#: The nouns of a work's first showing (data): "the premiere of", "the series debut of",
#: "the season opener of".
_PREMIERE_NOUNS = r"(?:(?:season|series|midseason|network) )?(?:premieres?|debut|opener)"
#: Words before the noun that make it another event: a festival's premiere ("the world
#: premiere of"), a season's ("its fifth season premiere"), a finale, a person's debut.
_NOT_FIRST_SHOWING = re.compile(
    r"\b(?:world|international|north american|european|u\.?s\.?|uk|canadian|asian|global|"
    r"festival|gala|red[- ]carpet|directorial|acting|feature|film|screen|stage|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|next|"
    r"\d+(?:st|nd|rd|th)|finale|trailer|teaser)[\s-]*$", re.IGNORECASE)
#: "the premiere of “House of the Dragon”", "the 2014 season premiere of “The Big Bang
#: Theory.”", "CBS’ 2014 premiere of The Big Bang Theory", "the premieres of 'Survivor'
#: (1.8/6, 8.34m), 'Seal Team' (1.5/6, 9.88m), and 'Criminal Minds'".
_PREMIERE_OF = re.compile(
    rf"(?:\b(?P<owner>{NAME})[’']s? )?(?:\b(?:the|its|their) )?(?:(?P<year>(?:19|20)\d\d) )?"
    rf"(?<![\w-]){_PREMIERE_NOUNS} of (?:the (?:\w+ ){{0,3}}?)?(?=[“\"‘'A-Z])")
#: The day right after the premiere's work: "on Sunday night", "on Sept. 15, 2002".
_PREMIERE_DAY = re.compile(rf"^[”\"’']?[.,]?[”\"’']? (?:on|in) (?P<d>{DATE}|(?:19|20)\d\d)\b")
#: A quoted name: "'NCIS'", "“Empire”".
_QUOTED = re.compile(r"[“\"‘'](?P<t>[A-Z0-9][\w’'.:&!?-]*(?: [\w’'.:&!?-]+){0,6}?)[.,]?[”\"’']")
#: What may stand between two works of one list: "'Survivor' (1.8/6, 8.34m), 'Seal Team'".
_LIST_GAP = re.compile(r"^[”\"’']?,?[”\"’']? ?(?:\([^()]{0,40}\))?,? ?(?:and )?[“\"‘']?$")


#: The clause's subject, a network or service: "NBC was in close second …, aided by …",
#: "CBS was fueled by …", "TBS's programming … began in January with …".
_CLAUSE_SUBJECT = re.compile(rf"^(?:(?:On|Last|This) \w+, )?(?P<o>{NAME})(?:[’']s?)? ")


def _premiere_platform(doc: Doc, s: Sentence, m: re.Match[str],
                       works: list[tuple[int, int, str]]) -> str | None:
    """The network or service whose premiere the noun names: its possessive ("CBS’ 2014
    premiere of"), "on" it right after the one work ("the series debut of Reacher on Amazon
    Prime Video"), else the subject of the clause ("CBS was fueled by the premieres of")."""
    names = [m.group("owner")] if m.group("owner") else []
    if len(works) == 1:
        on = re.match(rf"[”\"’']?,?[”\"’']?(?: \([^()]{{0,40}}\))? on (?P<o>{NAME})",
                      doc.text[works[0][1]:s.start + len(s.text)])
        if on:
            names.append(on.group("o"))
    clause = re.split(r", while |; |, and ", s.text[:m.start()])[-1]
    subject = _CLAUSE_SUBJECT.match(clause)
    if subject:
        names.append(subject.group("o"))
    for name in names:
        found = doc.lookup(name)
        kind = doc.type_of(found) if found else guess_type(name)
        if (kind is not None and is_a(kind, "StreamingService")) or \
                (kind is not None and is_a(kind, "TelevisionNetwork")):
            return found or doc.entity(name, kind, "premiere-noun", m.group(0))
        if found is None and name.lower() in NETWORKS:  # "CBS", "NBC"
            return doc.entity(name, "TelevisionNetwork", "premiere-noun", m.group(0))
    return None


def rule_premiere_noun(doc: Doc, s: Sentence) -> None:
    """"Nearly 10 million people saw the premiere of “House of the Dragon” on Sunday
    night", "last night’s telecast was bigger than the 2014 season premiere of “The Big
    Bang Theory.”", "CBS was fueled by the premieres of 'Survivor' (1.8/6, 8.34m), 'Seal
    Team' …": a work's premiere named as a noun, a `Premiere` with each work the noun
    governs, the day or year the phrase gives, and the network or service whose premiere
    it is. Not a festival's ("the world premiere of"), a season's ("its fifth season
    premiere": `season-premiere`), a finale's or a trailer's, nor a person's debut."""
    for m in _PREMIERE_OF.finditer(s.text):
        lead = s.text[max(0, m.end() - 40):m.end()].rsplit(" of ", 1)[0]
        head = re.sub(rf"\s*{_PREMIERE_NOUNS}\s*$", "", lead)
        debut = re.search(r"\bdebut\b", m.group(0)) and \
            not re.search(r"\bseries debut\b", m.group(0))
        if _NOT_FIRST_SHOWING.search(head) or debut:
            continue
        spans = sorted(doc.works_in_spans(s.start + m.end() - 1, s.start + len(s.text)))
        tv = bool(re.search(r"\b(?:season|series)\b", m.group(0))) or any(
            doc.type_of(w) == "TVSeries" for _a, _b, w in spans)
        for q in _QUOTED.finditer(s.text, m.end() - 1):
            a, b = s.start + q.start("t"), s.start + q.end("t")
            if tv and not any(x < b and a < y for x, y, _w in spans):
                # "the season premieres of 'NCIS' (1.6/7, 13.29m), 'Bull' …": a quoted
                # name the noun governs is the series, read or not
                work = doc.lookup(q.group("t")) or doc.entity(q.group("t"), "TVSeries",
                                                              "premiere-noun", q.group(0))
                spans.append((a, b, work))
        spans.sort()
        works: list[tuple[int, int, str]] = []
        at = s.start + m.end()
        for a, b, w in spans:
            gap = doc.text[at:a]
            if not (_LIST_GAP.match(gap) if at > s.start + m.end() else
                    re.fullmatch(r"[“\"‘']?", gap)):
                break
            if doc.type_of(w) in ("TVSeason", "TVEpisode"):
                break  # a season's premiere is season-premiere's
            if doc.type_of(w) in WORK_TYPES:  # not "'Empire'" read as the magazine
                works.append((a, b, w))
            at = b
        if not works:
            continue
        platform = _premiere_platform(doc, s, m, works)
        day = _PREMIERE_DAY.match(doc.text[works[0][1]:s.start + len(s.text)]) \
            if len(works) == 1 else None
        date = None
        if day and day.group("d").lower().split()[0] in WEEKDAYS and doc.base_date is not None:
            back = (doc.base_date.weekday() - WEEKDAYS.index(day.group("d").lower().split()[0])) % 7
            if re.search(r"\b(?:[Aa]head of|[Bb]efore|[Ww]ill)\b", s.text[:m.start()]):
                back = -((-back) % 7)  # "ahead of the premiere of X on Sunday": the coming one
            date = (doc.base_date - _dt.timedelta(days=back)).isoformat()  # "on Sunday night"
        elif day:
            date = _date(doc, day.group("d"))
        elif m.group("year"):
            date = m.group("year")
        quote = s.text if len(s.text) < 160 else s.text[m.start():works[-1][1] - s.start]
        qat = s.start + (0 if quote == s.text else m.start())
        for _a, _b, work in works:
            event = doc.derived(f"{work}-premiere", "Premiere",
                                f"{doc.name_of(work)} premiere" + (
                                    f" on {doc.name_of(platform)}" if platform else ""),
                                "premiere-noun", quote)
            doc.add(event, "workFeatured", quote, qat, "premiere-noun", 0.65, obj=work)
            if date:
                doc.add(event, "startDate", quote, qat, "premiere-noun", 0.6, value=date)
            if platform:
                doc.add(event, "platform", quote, qat, "premiere-noun", 0.6, obj=platform)


_OUT = (r"(?:debut|debuts|debuted|launch|launches|launched|premiere|premieres|premiered|"
        r"drop|drops|dropped|arrive|arrives|arrived|hits|hitting|hit(?= (?:theaters|theatres|"
        r"cinemas|screens)\b)|open|opens|opened|opening|"
        r"release|released|releases|bow|bows|come out|comes out|came out|air|airs|aired|"
        r"(?:is|are|will be) out)")
_RELEASE = re.compile(rf"\b{_OUT}\b(?P<mid>(?: (?!(?:and|but|after|before|when|while)\b)"
                      rf"[\w’'-]+){{0,6}}?) (?:on |in |of )?(?P<d>{DATE}|(?:19|20)\d\d|"
                      rf"(?:(?<=in )|(?<=early )|(?<=late )|(?<=mid-)|(?<=last ))(?:January|February|March|"
                      rf"April|May|June|July|August|September|October|November|December)(?!,? \d))\b")
#: "Darkest Hour, is scheduled to arrive this fall": the article's year.
_THIS_SEASON_OUT = re.compile(rf"\b{_OUT}\b(?: (?!(?:and|but|after|before|when|while)\b)"
                              rf"[\w’'-]+){{0,3}}? this (?:fall|summer|spring|autumn|winter|year)"
                              rf"\b(?![’'])")
#: A season named right before the release verb: "the second season of drama series “The
#: Morning Show” will premiere", "its second season bow".
_SEASON_BEFORE = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|sixth|new|next|\d+(?:st|nd|rd|th)) season "
    r"(?:of [^,;]{0,60}?)?(?:(?:will|is set to|is slated to) )?|season )$")
#: A sentence about a season: "The final season, starring Ed O’Neill, …, premieres Sept.
#: 25 on ABC" gives the season's date, not the series'.
_SEASON_SUBJECT = re.compile(r"(?:The|Its|Their|This|Season) (?:[\w-]+ )?(?:(?:final|last|new|next|first|"
                             r"second|third|fourth|fifth|sixth|seventh|upcoming|\d+(?:st|nd|rd|th)) )?"
                             r"(?:season|series finale)\b|Season \d+\b")
#: A day, a weekday or a month inside a phrase: "release on July 18 this year".
_DAY_OR_MONTH = re.compile(rf"\d|\b(?:{'|'.join([*WEEKDAYS, *MONTHS])})\b", re.IGNORECASE)
#: "Leave the World Behind, a December 2023 release", "a 2019 release": the release named
#: as a noun, with its month or year.
_RELEASE_NOUN = re.compile(rf"\b(?:an?|its|their) (?:[\w-]+ )??(?P<d>{_MONTH},? (?:of )?\d{{4}}|"
                           rf"(?:19|20)\d\d) (?:theatrical |streaming |digital |cinema )?release\b")
#: The release named as a noun with its day or a date relative to the article's (data):
#: "Since its release on April 11", "since its June 5 release", "since its release last
#: month", "has a December 1st release date", "Sony has set a release date of Dec. 20,
#: 2023 for the film", "is set for release May 15", "aiming for a theatrical release on
#: May 7, 2021".
_RELATIVE = (r"(?:last (?:month|year)|(?:earlier )?this month|(?:earlier|later) this year|"
             r"the previous (?:month|year))")
_KIND_OF_RELEASE = r"(?:theatrical |streaming |digital |cinema |wide |global |worldwide )?"
_RELEASE_NOUN_DAY = re.compile(
    rf"\b(?:(?:its|their|an?|the) (?:[\w-]+ )??{_KIND_OF_RELEASE}release(?: date)?|"
    rf"(?:set|scheduled|slated|due|planned|aiming) for (?:an? )?{_KIND_OF_RELEASE}release) "
    rf"(?:(?:on|of|for) )?(?P<d>{DATE}|{_RELATIVE})\b(?![’'-]| \d)|"
    rf"\b(?:its|their|an?) (?P<d2>{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?) "
    rf"{_KIND_OF_RELEASE}release\b")
#: Before a release noun: a date it had before, not the work's own ("originally set for a
#: July 2020 release", "moved from its June 5 release").
_FORMER_RELEASE = re.compile(r"\b(?:originally|initially|previously|once|former|old|earlier)\b[^.;]{0,40}$|"
                             r"\bfrom\s*$")


def _relative(doc: Doc, text: str) -> str | None:
    """"last month", "earlier this month", "last year": against the article's date."""
    base = doc.base_date
    if base is None or not re.fullmatch(_RELATIVE, text):
        return None
    if text.endswith("year"):
        return str(base.year - (0 if "this" in text else 1))
    if "this" in text:
        return f"{base.year}-{base.month:02d}"
    last = base.replace(day=1) - _dt.timedelta(days=1)
    return f"{last.year}-{last.month:02d}"


#: Verbs of a work's arrival or return on a service or network, beside those of its
#: release: "begins Sept. 9 on HBO", "before arriving on Netflix on Dec. 1", "debuting
#: globally on Friday, April 14, 2023 on Apple TV+", "will return for a second season on
#: Prime Video".
_ARRIVES = (r"(?:begins|begin|began|starts|start|started|returns|return|returned|returning|"
            r"arriving|debuting|premiering|launching|dropping|airing|bowing)")
_ON = re.compile(rf"\b(?:{_OUT}|{_ARRIVES}|stream|streams|streamed|streaming|concluded|ran|"
                 rf"moving|move|available|coming|comes|heads|heading|headed)\b(?:(?: (?!(?:and|but|after|when|while)\b)[\w’'.-]+){{0,5}}?)"
                 rf" (?:on|to|from) (?:the )?(?:(?:[A-Z]\.){{2,}}[’']s )?(?P<o>{NAME})")


#: Capitalized words opening a sentence right before its verb: the verb's subject.
_UNKNOWN_SUBJECT = re.compile(r"(?P<t>[A-Z][\w’'.:&-]*(?: (?:[A-Z0-9&–-][\w’'.:&-]*|is|of|the|"
                              r"a|an|and|in|on|to)){1,12}),? (?:which )?(?:(?:will|is|are|"
                              r"to|be|set|slated|scheduled|now)\s)*$")


#: An unread title and its season right before the verb: "Castlevania second season, to
#: be released".
_UNREAD_SEASON = re.compile(r"(?<![\w’'])(?P<t>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4}) (?:first|second|"
                            r"third|fourth|fifth|sixth|final|new) season,? (?:(?:to|will|is|be|"
                            r"set|slated|scheduled)\s)*$")


def _unread_subject(doc: Doc, s: Sentence, at: int) -> bool:
    """"Everything is Copy – Nora Ephron: …, premieres on October 24": a title not read
    opens the sentence as the verb's subject; the date is its own, not another work's."""
    subject = _UNKNOWN_SUBJECT.match(s.text[:at])
    if subject is None:
        # "the highly-anticipated Castlevania second season, to be released on …"
        subject = _UNREAD_SEASON.search(s.text, max(0, at - 80), at)
    return subject is not None and not doc.works_in(s.start, s.start + at) and \
        doc.lookup(subject.group("t")) is None


def _in_place(words: str) -> bool:
    """Whether a release phrase names the one country or city it was released in ("in
    Japan"): with only a year, that country's release rather than the work's own (a
    curator records it as a premiere there, if at all); a day in a country ("in US
    theaters on December 8") is often the release the curator records."""
    return any(is_place_or_award(p.group(1)) for p in re.finditer(
        r"\bin ([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)", words))


#: What says, after a planned date, that the plan changed.
_CHANGED = re.compile(r"\b(?:but|postpone[sd]?|postponing|delay(?:ed|s)?|pushed|moved|"
                      r"changed|shifted|rescheduled)\b")


def rule_release(doc: Doc, s: Sentence) -> None:
    """"“Home” will launch on April 17", "the show is set to debut its first on Lifetime
    September 9", "debuted in November of 2022", "when the show drops on Amazon
    November 2": the work's release date (a day, a month, or a year)."""
    for m in _THIS_SEASON_OUT.finditer(s.text):
        if _in_place(m.group(0)):
            continue  # "debuted in Japan earlier this year": one country's release
        work = doc.work_at(s.start + m.start(), s)
        if work is None or doc.base_date is None or doc.type_of(work) != "Movie" or \
                re.search(r"\b(?:season|episode|trailer|teaser|finale)s?\b", m.group(0)) or \
                _DAY_OR_MONTH.search(m.group(0)):
            continue  # "release on July 18 this year": the day's rule reads the date

        doc.add(work, "datePublished", m.group(0), s.start + m.start(), "released-on", 0.6,
                value=str(doc.base_date.year))
    for m in _RELEASE_NOUN.finditer(s.text):
        if _FORMER_RELEASE.search(s.text[:m.start()]):
            continue  # "was originally scheduled for a July 2020 release": a former date
        work = doc.work_at(s.start + m.start(), s)
        date = _date(doc, m.group("d"))
        if work is not None and date is not None:
            doc.add(work, "datePublished", s.text[:m.end()] if m.start() < 60 else m.group(0),
                    s.start + (0 if m.start() < 60 else m.start()), "release-noun", 0.6,
                    value=date)
    nouns: list[tuple[int, int]] = []  # the release nouns read, not read again as verbs
    for m in _RELEASE_NOUN_DAY.finditer(s.text):
        if _FORMER_RELEASE.search(s.text[:m.start()]) or re.search(
                r"\b(?:release dates|releases)\b", m.group(0)):
            continue  # a former date; "release dates of November 20 and December 11": two works
        phrase = m.group("d") or m.group("d2")
        work = doc.work_at(s.start + m.start(), s)
        date = _relative(doc, phrase) or _date(doc, phrase)
        if work is None or date is None or phrase.lower() in WEEKDAYS:
            continue
        if work not in doc.works_in(s.start, s.start + m.start()) and not re.match(
                r"(?:its|their)\b", m.group(0)) and not re.match(
                r"(?:It|The (?:[\w-]+ )?(?:film|movie|series|show|sequel|picture|pic|feature|"
                r"drama|comedy|thriller))\b", s.text):
            continue  # "…, aiming for a theatrical release on December 5, 2025. … their
            # movie “Kaminey”": no work named or pointed to before, not one named after
        doc.add(work, "datePublished", m.group(0), s.start + m.start(), "release-noun", 0.6,
                value=date)
        nouns.append((m.start(), m.end()))
    for m in _RELEASE.finditer(s.text):
        if any(a <= m.start() < b for a, b in nouns):
            continue  # "a release date of Dec. 20, 2023": the noun, read above
        if m.group(0).startswith("premiered on"):
            continue  # a past premiere is an event of its own: rule_premiere
        if re.match(r"releases? of\b", m.group(0)):
            continue  # "a Netflix movie release of 2024": the releases of a year
        if re.search(r"\b(?:season|episode)s?\b", m.group("mid")) and \
                not re.search(r"\bfirst\b|\ball (?:\w+ )?episodes\b", m.group("mid")):
            continue  # not a season's or an episode's date; "all episodes of The First" is
        if re.search(r"\b(?:trailer|teaser|promo|clip|poster|photo|image|first look)s?\b",
                     m.group("mid")) or re.search(
                r"\b(?:finale|episode|trailer|teaser|promo|clip|poster)s?\b(?: of [^,;]{0,60})?"
                r"(?:, (?:which|that))?\s*$", s.text[:m.start()]):
            continue  # "released the official trailer Thursday", "The season five finale
            # of The Handmaid’s Tale premiered back on …", "The trailer, which released in
            # June", "the second season of drama series “The Morning Show” will premiere
            # September 17", "its second season bow on May 5th": not the work's own release
        if doc.work_span_at(s.start + m.start("d"), s.start + m.end("d")):
            continue  # "Netflix’s most-watched released series Wednesday": a title
        if re.search(r"\b(?:initially|originally|previously|first|once|had) (?:had )?(?:been )?"
                     r"(?:scheduled|set|slated|planned|due|expected|on course|on track) to\s*$",
                     s.text[:m.start()]):
            continue  # "initially scheduled to release on August 8, 2025", "had previously
            # been on course to release in July": a former date
        if re.search(r"\b(?:was|were) (?:\w+ )?(?:scheduled|set|slated|planned|due) to (?:be )?\s*$",
                     s.text[:m.start()]) and _CHANGED.search(s.text[m.end():]):
            continue  # "Jawaan was scheduled to be released on June 2, but the release date
            # … has been changed": the date it had before, not the new one
        if m.group(0).startswith("releases") and (re.match(
                r"releases (?:announced|were|are|include|including|slated|scheduled)\b",
                m.group(0)) or re.search(r"\b(?:[Oo]ther|[Nn]ew|[Uu]pcoming|[Tt]he|[Ii]ts|"
                                         r"[Tt]heir|[Tt]hese|[Tt]hose|[Ff]all|[Ss]ummer)\s$",
                                         s.text[:m.start()])):
            continue  # "Other releases announced Monday by Netflix include …": the noun
        if re.match(r"(?:hits|releases|openings?) of\b|opening (?:weekend|day|night|film|"
                    r"week|collection|number)", m.group(0)):
            continue  # "one of the biggest anime hits of 2014", "opening weekend …": nouns
        if re.search(r"\b(?:previous|earlier|past|prior|other) (?:\w+ )?(?:seasons|episodes|"
                     r"installments|films|movies)\b[^.;]{0,30}$|\b(?:installments|episodes|"
                     r"seasons)\b[^.;]{0,40}\bof which\s*$", s.text[:m.start()]):
            continue  # "The previous three seasons have premiered in December", "three
            # installments …, the last of which arrives August 14": other parts' dates
        if re.search(r"\bat (?:the )?[A-Z]", m.group("mid")) or (
                re.search(r"\bat(?: the)?$", m.group("mid")) and
                re.match(r"(?:[’']s)? [A-Z]", s.text[m.end():])):
            continue  # "debuted at Sundance in January", "world premiered at the 2019
            # Sundance Film Festival": a festival screening, no release
        if _in_place(m.group("mid")) and not re.search(
                rf"\b\d{{1,2}}(?:st|nd|rd|th)?\b|\b(?:{'|'.join(WEEKDAYS)})\b",
                m.group("d"), re.IGNORECASE):
            continue  # "release in Japan in Spring 2020": one country's release, vaguely
        if re.search(r"\bby\b", m.group("mid")) or m.group(0).startswith("bow out"):
            continue  # "released by Entertainment Weekly on March 20": someone else's
            # release (the trailer's); "bow out on December 13": a departure
        work = doc.work_at(s.start + m.start(), s)
        date = _date(doc, m.group("d"))
        if work is None or date is None:
            continue
        if _unread_subject(doc, s, m.start()):
            continue
        if doc.type_of(work) != "TVSeason" and (_SEASON_BEFORE.search(s.text[:m.start()]) or
                                                _SEASON_SUBJECT.match(s.text)):
            continue  # a season's date, not its series'
        if m.group("d").lower() in MONTHS and doc.base_date is not None:
            date = _month_by_tense(date, m.group(0), s.text[:m.start()], doc.base_date)
        elif doc.base_date is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", date) and \
                not re.search(r"\d{4}", m.group("d")) and \
                re.search(r"\b(?:will|is set to|are set to|is slated to|is scheduled to)"
                          r"(?: now)?\s*$", s.text[:m.start()]) and \
                (doc.base_date - _dt.date.fromisoformat(date)).days > 90:
            # "The film will now release on September 26" (in March): the coming one, not
            # half a year back (a few weeks back may be an article dated late)
            date = date.replace(date[:4], str(int(date[:4]) + 1), 1)
        if m.group("d").lower() in WEEKDAYS and doc.base_date is not None and (
                re.match(r"(?:debuts|premieres|launches|arrives|drops|opens|hits|airs|"
                         r"(?:is|are|will be) out)\b", m.group(0)) or
                re.search(r"\bwill\s*$", s.text[:m.start()])):
            # "“Enola Holmes 2” debuts Friday": the coming Friday
            ahead = (WEEKDAYS.index(m.group("d").lower()) - doc.base_date.weekday()) % 7
            date = (doc.base_date + _dt.timedelta(days=ahead)).isoformat()
        # A weekday or a bare year is often another work's date or a season's (right
        # about a third of the time on the development data): below the default floor.
        vague = m.group("d").lower() in WEEKDAYS or re.fullmatch(r"\d{4}", m.group("d"))
        doc.add(work, "datePublished", m.group(0), s.start + m.start(), "released-on",
                0.4 if vague else 0.65, value=date)


#: "this weekend's new theatrical releases including Fantastic Four, The Gift, …",
#: "“My Big Fat Greek Wedding 3,” the weekend’s other new wide release": out this month.
_NEW_RELEASES = re.compile(r"\b(?:[Tt]his|[Tt]he) (?:weekend|week)[’']s (?:other )?(?:new )?"
                           r"(?:[\w-]+ )?releases?\b")


def rule_new_releases(doc: Doc, s: Sentence) -> None:
    """The works a sentence calls this weekend's new releases came out in the article's
    month."""
    base = doc.base_date
    if base is None:
        return
    for m in _NEW_RELEASES.finditer(s.text):
        at = s.start + m.start()
        before = re.search(r"[”\"’]?,? $", s.text[:m.start()])
        listed = [(a, b, w) for a, b, w in doc.works_in_spans(s.start + m.end(), s.end)]
        named = [(a, b, w) for a, b, w in doc.works_in_spans(s.start, at)
                 if before and doc.past_quote(b) + 2 >= at]
        for a, b, work in named[-1:] or listed:
            start = min(a, at)
            end = max(doc.past_quote(b), s.start + m.end())
            doc.add(work, "datePublished", doc.text[start:end], start, "new-release", 0.5,
                    value=f"{base.year}-{base.month:02d}")


#: "Next year brings more sequels with action pics “Extraction 2,” …", "detective stories
#: like “Enola Holmes 2” and “Glass Onion: A Knives Out Story” this year.": the year the
#: works listed come out.
_YEAR_BRINGS = re.compile(r"^(?P<rel>Next|This|Last) year (?:brings|will bring|brought|sees|"
                          r"will see|saw)\b")
_LISTED_THIS_YEAR = re.compile(r"\b(?:like|such as|including) [“\"‘]?[A-Z].*\b(?P<rel>this|next) "
                               r"year\.?$")


def rule_year_of_releases(doc: Doc, s: Sentence) -> None:
    """The works a sentence lists as coming out this year or next."""
    base = doc.base_date
    m = _YEAR_BRINGS.match(s.text) or _LISTED_THIS_YEAR.search(s.text)
    if base is None or not m:
        return
    year = base.year + {"next": 1, "this": 0, "last": -1}[m.group("rel").lower()]
    lower = s.start if m.start() == 0 else s.start + m.start()
    for a, b, work in doc.works_in_spans(lower, s.end):
        if doc.type_of(work) in ("Movie", "TVSeries", "TVSeason") and doc.scoping(a, b, work):
            doc.add(work, "datePublished", s.text, s.start, "year-of-releases", 0.5,
                    value=str(year))


def _month_by_tense(date: str, phrase: str, before: str, base: _dt.date) -> str:
    """"came out in October" is the last October, "will debut in October" the next."""
    year, month = int(date[:4]), int(date[5:7])
    past = re.match(r"(?:came out|debuted|premiered|released|aired|launched|dropped|arrived|"
                    r"opened|bowed)\b", phrase) and not re.search(r"\bwill\b", before[-30:])
    future = re.search(r"\b(?:will|is set to|are set to|is slated to|is expected to)\s*$",
                       before) or phrase.startswith(("debuts", "premieres", "launches", "arrives"))
    if past and (year, month) > (base.year, base.month):
        year -= 1
    elif future and (year, month) < (base.year, base.month):
        year += 1
    return f"{year}-{month:02d}"


#: "Ghosted is being created for Apple TV+".
_MADE_FOR = re.compile(rf"\b(?:is being|being|was|were|is|will be) (?:created|made|developed|"
                       rf"produced) (?:exclusively )?for (?P<o>{NAME})")


def rule_streaming(doc: Doc, s: Sentence) -> None:
    """"We Can Be Heroes is now streaming on Netflix", "concluded in July 2015 on
    Cinemax", "making a move from Cinemax to HBO Max", "Ghosted is being created for Apple
    TV+": where a work streams (a streaming service) or airs (a network publishes it)."""
    for m in _MADE_FOR.finditer(s.text):
        _airs(doc, s, m, m.group("o"))
    for m in _ON.finditer(s.text):
        _airs(doc, s, m, m.group("o"))
        onward = re.match(rf" to (?:the )?(?P<o>{NAME})", s.text[m.end():])
        if onward and " from " in m.group(0):
            # "making a move from Cinemax to HBO Max"
            _airs(doc, s, m, onward.group("o"), s.text[m.start():m.end() + onward.end()])


_SOLD = re.compile(rf"\b(?:sold|licensed) to (?P<o>{NAME})|\b(?:week|weekend|days|month|series|"
                   rf"show|shows|film|films|movie|movies|title|titles|original|records?|views|viewers|"
                   rf"debut|premiere) on (?P<o2>{NAME})")
_THE_STREAMER = re.compile(r"\b[Tt]he (?:streamer|streaming service|streaming giant|platform)\b")


def rule_sold_to(doc: Doc, s: Sentence) -> None:
    """"“Hidden Strike” was produced independently and sold to Netflix", "11.1 million
    views worldwide in its first full week on Netflix", "Descendants: The Rise of Red
    breaks viewership records on Disney+": the streaming service a work is on."""
    for m in _SOLD.finditer(s.text):
        name = m.group("o") or m.group("o2")
        found = doc.lookup(name)
        if not is_a(doc.type_of(found) if found else guess_type(name), "StreamingService"):
            continue
        work = doc.work_at(s.start + m.start(), s)
        if work is None:
            continue
        org = found or doc.entity(name, "StreamingService", "sold-to", m.group(0))
        # Bound to a work the sentence does not name while it names another title: doubted.
        doubt = work not in doc.works_in(s.start, s.end) and doc.names_other_title(s)
        doc.add(doc.series_of(work) or work, "streamingOn", m.group(0), s.start + m.start(),
                "sold-to", 0.3 if doubt else 0.55, obj=org)


def rule_the_streamer(doc: Doc, s: Sentence) -> None:
    """"The streaming service's first dip into big-budget movies was Bright", "The most
    recent blockbuster for the streamer has been Extraction": the work named with "the
    streamer" streams on the streaming service named last."""
    m = _THE_STREAMER.search(s.text)
    if not m:
        return
    works = [w for a, b, w in doc.works_in_spans(s.start, s.end) if doc.scoping(a, b, w)]
    if len(works) != 1:
        return
    streamers = [mn.entity for mn in doc.out.mentions if mn.start < s.start + m.start()
                 and is_a(doc.type_of(mn.entity), "StreamingService")]
    streamers += [e for e in doc.new if is_a(doc.type_of(e), "StreamingService") and
                  0 <= doc.text.find(doc.name_of(e)) < s.start + m.start()]
    if not streamers:
        return
    doc.add(doc.series_of(works[0]) or works[0], "streamingOn", s.text, s.start,
            "the-streamer", 0.5, obj=streamers[-1])


_STREAMER_KIND = re.compile(
    rf"(?P<o>{NAME})(?:[’']s? (?:[\w-]+ ){{0,4}}?| (?:[a-z][\w-]* ){{0,2}}?)"
    rf"(?P<k>originals?|movies?|films?|shows?|series|documentar(?:y|ies)|docuseries)\b|"
    rf"(?P<o2>{NAME}) (?P<who>viewers|subscribers|members|users|audiences) (?:are|were|have|"
    rf"can|will)\b")


_THEIR_KIND = re.compile(r"\b(?:[Tt]heir|[Ii]ts) (?:[\w-]+ ){0,4}?(?:movies|films|shows|series|"
                         r"documentaries|originals)\b")


def rule_their_kind(doc: Doc, s: Sentence) -> None:
    """"Netflix saw their two most watched documentaries, “American Murder: …” and “The
    Social Dilemma”", "Their hit reality series “Indian Matchmaking”" (after a sentence
    about Netflix): the streaming service "their" stands for streams the works named."""
    m = _THEIR_KIND.search(s.text)
    if not m:
        return
    at = s.start + m.start()
    index = next((i for i, x in enumerate(doc.sentences) if x.start == s.start), 0)
    lower = doc.sentences[max(0, index - 1)].start
    streamers = [mn for mn in doc.out.mentions if lower <= mn.start < at
                 and is_a(doc.type_of(mn.entity), "StreamingService")]
    others = [mn for mn in doc.out.mentions if lower <= mn.start < at
              and is_a(doc.type_of(mn.entity), "Organization")
              and not is_a(doc.type_of(mn.entity), "StreamingService")
              and not is_a(doc.type_of(mn.entity), "NewsMediaOrganization")]
    if not streamers or (others and others[-1].start > streamers[-1].start):
        return
    for a, b, work in doc.works_in_spans(s.start + m.end(), s.end):
        if doc.scoping(a, b, work):
            doc.add(doc.series_of(work) or work, "streamingOn", s.text, s.start, "their-kind",
                    0.5, obj=streamers[-1].entity)


def rule_streamer_kind(doc: Doc, s: Sentence) -> None:
    """"Damsel is also still the number one Netflix movie in 90 countries", "Wednesday has
    taken over from Stranger Things as Netflix’s most-watched show", "two of Netflix’s most
    popular recent English shows — namely ‘Bridgerton’ and ‘The Queen’s Gambit’": a
    streaming service named as what kind of title the works of the sentence are, or whose
    viewers watch them ("Netflix viewers are loving new French series ‘Lupin’")."""
    for m in _STREAMER_KIND.finditer(s.text):
        name = m.group("o") or m.group("o2")
        words = name.split()
        while len(words) > 1 and words[0] in STOP:
            words.pop(0)  # "The Netflix original"
        name = " ".join(words)
        found = doc.lookup(name)
        kind = doc.type_of(found) if found else guess_type(name)
        if not is_a(kind, "StreamingService"):
            continue
        # "Netflix viewers are loving new French series ‘Lupin’": what they watch there
        lower = s.start + m.end() if m.group("who") else s.start
        for a, b, work in doc.works_in_spans(lower, s.end):
            if s.start + m.start() <= a < s.start + m.end() or not doc.scoping(a, b, work):
                continue
            before = doc.text[max(s.start, a - 30):a]
            other = re.search(rf"(?P<x>{NAME})(?:[’']s?| (?:series|show|film|movie|drama)) "
                              rf"[“\"‘]?$", before)
            if other and other.group("x") != name and not re.search(
                    rf"{re.escape(m.group(0))},? (?:[a-z-]+ )?[“\"‘]?$", before) and is_a(
                    doc.type_of(doc.lookup(other.group("x"))) or guess_type(other.group("x")),
                    "Organization"):
                continue  # "HBO’s Game of Thrones": another company's work
            org = found or doc.entity(name, "StreamingService", "streamer-kind", m.group(0))
            doc.add(doc.series_of(work) or work, "streamingOn", s.text, s.start,
                    "streamer-kind", 0.5, obj=org)


_STREAMER_RELEASES = re.compile(
    rf"(?P<o>{NAME}) (?:has |have |will |just |is |are )?(?:releases?|released|releasing|drops?|"
    rf"dropped|dropping|premieres?|premiered|debuts?|debuted|launch(?:es)?|launched|adds|added|"
    rf"adding)\b")


def rule_streamer_releases(doc: Doc, s: Sentence) -> None:
    """"Netflix releases the first season of its newest original series, The Society",
    "Hulu releases all episodes of The First on Friday": a streaming service that
    releases a work streams it."""
    for m in _STREAMER_RELEASES.finditer(s.text):
        found = doc.lookup(m.group("o"))
        kind = doc.type_of(found) if found else guess_type(m.group("o"))
        if not is_a(kind, "StreamingService"):
            continue
        clause = re.match(r"[^;.]{0,90}", s.text[m.end():])
        end = s.start + m.end() + (clause.end() if clause else 0)
        spans = [(a, b, w) for a, b, w in doc.works_in_spans(s.start + m.end(), end)
                 if doc.scoping(a, b, w)]
        if not spans or re.search(r"\b(?:trailer|teaser|clip|poster|image|photo|first look|"
                                  r"statement|report|data|figures|numbers)\b",
                                  doc.text[s.start + m.end():spans[0][0]]):
            continue
        _a, b, work = spans[0]
        org = found or doc.entity(m.group("o"), "StreamingService", "streamer-releases",
                                  m.group(0))
        doc.add(doc.series_of(work) or work, "streamingOn",
                doc.text[s.start + m.start():doc.past_quote(b)], s.start + m.start(),
                "streamer-releases", 0.55, obj=org)


_FEATURES = re.compile(rf"^(?:[A-Z][\w ]{{2,20}}, )?(?P<o>{NAME}) (?:also |now )?(?:features|offers|"
                       rf"has|boasts|includes|will offer|will feature|launches|launched|"
                       rf"debuts|debuted) (?:[^.;]{{0,80}}?)\b(?:original|exclusive)s? "
                       rf"(?:[\w-]+ )?(?:shows|series|films|movies|titles|programs|content)?"
                       rf"(?:[^.;]{{0,60}}?),? (?:including|such as|like)\b")


def rule_service_originals(doc: Doc, s: Sentence) -> None:
    """"In addition, Disney+ features a number of original shows spun from Disney
    properties, including Star Wars’ The Mandalorian, High School Musical: The Musical:
    The Series, and Forky Asks a Question": each original listed streams on the service."""
    m = _FEATURES.search(s.text)
    if not m:
        return
    service = doc.lookup(m.group("o"))
    if service is None or not is_a(doc.type_of(service), "StreamingService"):
        return
    listed = re.match(r"(?:[^,;]|,(?= (?:and )?[“\"‘]?[A-Z]))*", s.text[m.end():])
    end = s.start + m.end() + (listed.end() if listed else 0)
    for _a, b, work in doc.works_in_spans(s.start + m.end(), end):
        if doc.type_of(work) not in ("TVSeries", "Movie", "MovieSeries"):
            continue
        doc.add(work, "streamingOn", doc.text[s.start + m.start("o"):doc.past_quote(b)],
                s.start + m.start("o"), "service-originals", 0.6, obj=service)


_TRAILER = re.compile(
    rf"(?:(?P<o>{NAME}|[Tt]he (?:streamer|network|studio)) (?:has |have |just |officially )*"
    rf"(?:released|dropped|debuted|unveiled|shared|revealed|launched) (?:the |a |an |its |their )?"
    rf"|\b[Tt]he )(?P<k>(?:(?:official|first|new|final|full|latest|main|debut) )*"
    rf"(?:trailer|teaser(?: trailer)?))\b(?: for (?:the )?)?")
_TRAILER_DAY = re.compile(rf"^[^.;]{{0,60}}?\b(?:on )?(?P<d>{DATE}|(?:Mon|Tues|Wednes|Thurs|Fri|"
                          rf"Satur|Sun)day)\b")


def rule_trailer(doc: Doc, s: Sentence) -> None:
    """"Amazon released the official trailer Thursday", "HBO released the first trailer
    for the Game of Thrones prequel series on May 5", "The first trailer for Steven
    Spielberg's highly anticipated UFO movie, titled "Disclosure Day," is here": the
    trailer of the work (a CreativeWork, ``WORK-trailer``), who released it and when."""
    if "trailer" not in s.text and "teaser" not in s.text:
        return
    for m in _TRAILER.finditer(s.text):
        if m.group("o") is None and not re.match(r" for\b", s.text[m.end("k"):]):
            continue  # "the trailer" alone: which work's?
        after = [w for a, _b, w in doc.work_spans if s.start + m.end() <= a < s.end and
                 doc.type_of(w) in ("Movie", "TVSeries", "TVSeason")]
        work = after[0] if after and m.group(0).endswith(("for ", "for the ")) else \
            doc.work_at(s.start + m.start(), s)
        if work is None or doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason"):
            continue
        work = doc.series_of(work) or work
        trailer = doc.derived(f"{work}-trailer", "CreativeWork",
                              f"{doc.name_of(work)} trailer", "trailer", s.text)
        clause = re.match(r"[^.;]*", s.text[m.start():])
        quote = (clause.group(0) if clause else m.group(0)).strip()
        doc.add(trailer, "about", quote, s.start + m.start(), "trailer", 0.6, obj=work)
        name = m.group("o")
        org = None
        if name and not name.lower().startswith("the "):
            org = doc.lookup(name) or (doc.entity(name, guess_type(name), "trailer", quote)
                                       if is_a(guess_type(name), "Organization") else None)
        if org is not None and is_a(doc.type_of(org), "Organization"):
            doc.add(trailer, "publisher", m.group(0).strip(), s.start + m.start(), "trailer",
                    0.6, obj=org)
        day = _TRAILER_DAY.match(s.text[m.end("k"):])
        if day and name and doc.base_date is not None:
            d = day.group("d")
            if d.lower() in WEEKDAYS:
                back = (doc.base_date.weekday() - WEEKDAYS.index(d.lower())) % 7
                date: str | None = (doc.base_date - _dt.timedelta(days=back)).isoformat()
            else:
                date = _date(doc, d)
            if date:
                end = s.start + m.end("k") + day.end()
                doc.add(trailer, "datePublished", doc.text[s.start + m.start():end],
                        s.start + m.start(), "trailer", 0.6, value=date)


def slate(doc: Doc) -> None:
    """"Apple TV Plus has announced premiere dates for a slew of its upcoming series" over
    a section per series, "Disney+ has set spring and summer premiere dates for … new
    series Turner & Hooch, …": each series streams on that service."""
    if not doc.headings or not doc.sentences:
        return
    first = doc.sentences[0]
    m = re.search(rf"^(?P<o>{NAME}) (?:has |have )?(?:announced|revealed|unveiled|set|dated)\b"
                  rf"[^.]*?\b(?:(?:its|their) (?:[\w-]+ ){{0,2}}(?:series|shows|films|movies|"
                  rf"slate|lineup|titles)|premiere dates for)\b", first.text)
    if not m:
        return
    found = doc.lookup(m.group("o"))
    if not is_a(doc.type_of(found) if found else guess_type(m.group("o")), "StreamingService"):
        return
    org = found or doc.entity(m.group("o"), "StreamingService", "slate", m.group(0))
    listed = doc.works_in(first.start + m.start(), first.end) if m.group(0).endswith(
        "premiere dates for") else []
    for work in dict.fromkeys([*(w for _at, w in doc.headings), *listed]):
        series = doc.series_of(work) or work
        if work in listed:
            at = doc.text.find(doc.name_of(series), first.start)
            quote = doc.text[first.start:at + len(doc.name_of(series))] if 0 <= at < \
                first.end else m.group(0)
        else:
            quote = m.group(0)
        doc.add(series, "streamingOn", quote, first.start, "slate", 0.5, obj=org)


def dated_headings(doc: Doc) -> None:
    """"The Mysterious Benedict Society (Friday, June 25)" as a section heading in a list
    of premiere dates: the work's premiere on that date, on the service the article
    opens with, and the first sentence under it as the work's description."""
    if not doc.heading_dates or not re.search(r"\bpremiere dates?\b", doc.text):
        return
    streamer = next((c.object for c in doc.found.values() if c.rule == "slate"), None)
    for at, _title, when, line in doc.heading_dates:
        work = next((w for pos, w in doc.headings if pos == at), None)
        date = _date(doc, when)
        if work is None or date is None:
            continue
        start = at + doc.text[at:].index(line)
        event = doc.derived(f"{work}-premiere", "Premiere", f"Premiere of {doc.name_of(work)}",
                            "dated-heading", line)
        doc.add(event, "workFeatured", line, start, "dated-heading", 0.65, obj=work)
        doc.add(event, "startDate", line, start, "dated-heading", 0.7, value=date)
        if streamer:
            doc.add(event, "platform", line, start, "dated-heading", 0.5, obj=streamer)
        # The first sentence under the heading is the work's logline.
        first = next((x for x in doc.sentences if x.start > start + len(line)), None)
        if first is not None and not re.search(r"[“\"]", first.text) and \
                len(first.text.split()) >= 8 and doc.headings and \
                not any(start < pos <= first.start for pos, _w in doc.headings if pos != at):
            text = first.text.rstrip()
            doc.add(work, "description", text, first.start, "dated-heading", 0.45,
                    value=text.rstrip("."))


DOC_RULES = [slate, dated_headings]


def _airs(doc: Doc, s: Sentence, m: re.Match[str], name: str, phrase: str = "") -> None:
    """One place a work airs or streams: a network publishes it, a streaming service
    streams it."""
    words = name.split()
    while len(words) > 1 and (words[-1].lower().rstrip(".") in WEEKDAYS or
                              words[-1].lower().rstrip(".") in MONTHS):
        words.pop()  # "on Lifetime September 9"
    name = " ".join(words)
    if name.lower() in WEEKDAYS or name.split()[0] in STOP or len(name) < 3:
        return
    found = doc.lookup(name)
    kind = doc.type_of(found) if found else guess_type(name)
    if kind is None or not is_a(kind, "Organization") or \
            is_a(kind, "NewsMediaOrganization") or is_a(kind, "SocialMediaPlatform"):
        return
    work = doc.work_at(s.start + m.start(), s)
    if work is None:
        return
    head = s.text[:m.start()]
    if any(e.id != work and e.type in WORK_TYPES and e.rule == "capitalized-name" and
           e.name in head for e in doc.new.values()):
        return  # "Farrell's project Thirteen Lives also premiered earlier this month on
        # Prime Video": another work, named but not read as a title, is the subject
    if doc.type_of(work) == "TVSeason" and re.search(r"\bfrom\b", m.group(0)):
        return
    streamer = is_a(kind, "StreamingService")
    if not streamer and (re.match(r"(?:stream|streams|streamed|streaming)\b", m.group(0)) or
                         re.fullmatch(r"IMAX|Dolby(?: Cinema)?|[A-Z]+ ?X", name)):
        return  # "stream for free on Amazon Freevee", "opened on IMAX": no network airs it
    org = doc.entity(name, "StreamingService" if streamer else
                     "TelevisionNetwork" if name.lower() in NETWORKS else "Organization",
                     "streaming-on", m.group(0))
    prop = "streamingOn" if streamer else "airsOn"
    quote = s.text if prop == "streamingOn" and len(s.text) < 160 else (phrase or m.group(0))
    # A sentence whose subject is the work itself says it best.
    subject = re.match(r"(?:[Tt]he (?:series|show|film|movie)|[“\"]?[A-Z])", s.text) and \
        (doc.works_in(s.start, s.start + 40)[:1] == [work] or
         re.match(r"[Tt]he (?:series|show|film|movie)\b", s.text))
    # "coming to BBC One": announced for a network, which a curator records less often
    # than where a work has aired (right 5 times in 12 over the development sets before)
    coming = not streamer and re.match(r"(?:coming|comes|heads|heading|headed)\b", m.group(0))
    doc.add(work, prop, quote, s.start + (0 if quote == s.text else m.start()),
            "streaming-on" if streamer else "airs-on",
            0.4 if coming else 0.65 if subject else 0.6, obj=org)


#: What kind of programme a network or service's work is: "NBC’s family drama This Is Us",
#: "the TBS comedy Angie Tribeca".
_PROGRAMME = (r"(?:drama|dramedy|comedy|sitcom|soap|series|show|thriller|documentary|docuseries|"
              r"miniseries|film|movie|procedural|hit|anthology|anime|epic|saga)")
#: A network or service right before a title: "HBO’s True Blood", "Netflix’ Fool Me Once",
#: "Fox's sudsy musical drama “Empire”", "the TBS comedy Angie Tribeca".
_OWNER_BEFORE = re.compile(
    rf"(?:(?<![\w’'])(?P<o>{NAME})(?:[’'‘]s?) (?:(?:[\w-]+ ){{0,2}}{_PROGRAMME}s? )?|"
    rf"\b[Tt]he (?P<o2>{NAME}) (?:[\w-]+ ){{0,2}}{_PROGRAMME}s? )[“\"‘]?$")
#: A network or service in brackets right after a title, as in a chart or a schedule:
#: "5. Grey’s Anatomy (Netflix), 1.09 billion", "Suits (Netflix/Peacock)", "Emergence
#: (ABC) 0.4/3", "Grantchester (ITV, 9pm)".
_OWNER_AFTER = re.compile(rf"^[”\"’]?,? ?\((?P<o>{NAME}(?:/{NAME})*)(?:,[^)]{{0,20}})?\)")


def _channel(doc: Doc, name: str, rule: str, quote: str) -> tuple[str, str] | None:
    """The network or streaming service a name stands for, with the property of a work
    shown there (airsOn, streamingOn); None for any other company ("Warner Bros.’ Barbie",
    "Marvel’s Daredevil": who made it, not where it is shown)."""
    words = name.split()
    while len(words) > 1 and words[0] in STOP:
        words.pop(0)
    name = " ".join(words)
    found = doc.lookup(name)
    kind = doc.type_of(found) if found else guess_type(name)
    if kind is None:
        return None
    if is_a(kind, "StreamingService"):
        return found or doc.entity(name, "StreamingService", rule, quote), "streamingOn"
    if is_a(kind, "TelevisionNetwork") or (name.lower() in NETWORKS and
                                           is_a(kind, "Organization")):
        return found or doc.entity(name, "TelevisionNetwork", rule, quote), "airsOn"
    return None


#: A post read as a title: "Netflix’s VP", "HBO’s Head of Documentaries".
_POST = re.compile(r"(?:S?E?VP|CEO|COO|CFO|CCO|Head|Chief|President|Chair\w*)\b")


def _whole_title(doc: Doc, a: int, b: int, before: re.Match[str]) -> bool:
    """Whether the title at ``a:b`` after a network's or service's possessive is a whole
    title of a programme of theirs."""
    after = doc.text[b:b + 40]
    if re.match(rf"[”\"’]? (?:[a-z][\w-]* ){{0,2}}{_PROGRAMME}s?\b", after):
        return False  # "Netflix's German miniseries", "Fox’s 28-minute NFL postgame show":
        # the words read as a title describe the programme named after them
    if doc.text[a].islower() or _POST.match(doc.text[a:b]) or re.match(
            r"\.\w|\w|[”\"’]?,? (?:with|of|from|in|on|at|for)\b [A-Z]", after) or (
            re.match(r"\. [A-Z]", after) and "." in doc.text[a:b]):
        return False  # "HBO’s Journeys with George", "ABC's L.A. Crime" cut at its full
        # stop: only the start of a longer title; "The CW’s reboot of …", "Netflix’s VP":
        # no title
    # "HBO's sci-fi western series Westworld": a network's show described at length
    # before an unquoted title is right too seldom
    return not (before.group("o") and doc.text[a - 1:a] not in "“\"‘" and
                len(before.group(0).split()) - len(before.group("o").split()) > 2)


def rule_channel_title(doc: Doc, s: Sentence) -> None:
    """"HBO’s True Blood", "NBC’s family drama This Is Us", "the TBS comedy Angie
    Tribeca": a network or streaming service named as whose a title is airs or streams
    it; and a chart's or schedule's line "5. Grey’s Anatomy (Netflix), 1.09 billion",
    "Emergence (ABC) 0.4/3": the network or services in brackets after a title. A title
    must follow ("Netflix’s chief content officer", "the HBO documentary" name none), and
    a studio is no channel ("Marvel’s Daredevil")."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        if not doc.scoping(a, b, work):
            continue
        series = doc.series_of(work) or work
        before = _OWNER_BEFORE.search(doc.text[max(s.start, a - 70):a])
        if before and not _whole_title(doc, a, b, before):
            before = None
        if before:
            name = before.group("o") or before.group("o2")
            quote = doc.text[a - len(before.group(0)):b]
            got = _channel(doc, name, "channel-title", quote)
            if got:
                doc.add(series, got[1], quote, a - len(before.group(0)), "channel-title",
                        0.6, obj=got[0])
        after = _OWNER_AFTER.match(doc.text[b:min(s.end, b + 60)])
        if after:
            quote = s.text if len(s.text) < 120 else doc.text[a:b + after.end()]
            for name in after.group("o").split("/"):
                got = _channel(doc, name, "title-channel", quote)
                if got:
                    doc.add(series, got[1], quote, s.start if quote == s.text else a,
                            "title-channel", 0.6, obj=got[0])


_ORDERED = re.compile(rf"(?P<o>{NAME}|[Tt]he (?:streamer|network|studio|service|channel)) "
                      rf"(?:(?:has|have|had|officially|quickly|also|today|now|just|already|formally) ){{0,3}}"
                      rf"(?:ordered|greenlit|green-lit|"
                      rf"renewed|picked up|authorized|commissioned|gave|gives|deciding to pick up|"
                      rf"decided to pick up|to pick up|greenlighted)\b")


def rule_ordered(doc: Doc, s: Sentence) -> None:
    """"Cinemax has ordered a reboot of the military action series", "The streamer ordered
    a second season in January 2023", "Amazon gave Homecoming a two-season order": who
    greenlit the work (the reboot, the season) named next."""
    for m in _ORDERED.finditer(s.text):
        name = m.group("o")
        if re.search(r"\bg[ai]ves?$", m.group(0)) and not re.match(
                r"[^.;:]{0,80}?\b(?:order|green ?light|greenlight|go-ahead|renewal|pickup|"
                r"nod)\b", s.text[m.end():]):
            continue  # "Pixar Animation Studios gave folks at the Annecy festival plenty
            # to look forward to": no order
        if name.lower().startswith("the "):
            kinds = ("StreamingService",) if "streamer" in name.lower() or \
                "service" in name.lower() else ("Organization",)
            orgs = [mn.entity for mn in doc.out.mentions if mn.start < s.start + m.start()
                    and doc.type_of(mn.entity) in kinds]
            orgs += [e for e in doc.new if doc.type_of(e) in kinds and
                     doc.text.find(doc.name_of(e)) < s.start + m.start()]
            if not orgs:
                continue
            org = orgs[-1]
        else:
            if len(name) < 2 or name in STOP:
                continue  # "I gave him a Southern accent": a pronoun, no company
            found = doc.lookup(name)
            kind = doc.type_of(found) if found else guess_type(name)
            if kind is None or not is_a(kind, "Organization") or \
                    is_a(kind, "NewsMediaOrganization"):
                continue
            org = found or doc.entity(name, kind, "ordered", m.group(0))
        after = s.start + m.end()
        nxt = [(a, b, w) for a, b, w in doc.work_spans if after <= a <= after + 40]
        work: str | None
        if nxt and re.search(r"\bfrom [“\"‘]?$", doc.text[after:nxt[0][0]]) and re.match(
                r"[”\"’]?,? (?:co-)?(?:showrunner|creator|director|producer|writer|"
                r"executive producer|star|alum)s?\b", doc.text[nxt[0][1]:]):
            continue  # "Hulu ordered the series from House of Cards showrunner Beau
            # Willimon": the maker's credit, not what was ordered
        if nxt:
            work, end = nxt[0][2], nxt[0][1]
        elif re.match(r" (?:a|an|another) (?:[\w-]+ )?(?:sequel|prequel|follow-up|spin-?off|"
                      r"second (?:film|movie|installment))\b", s.text[m.end():]):
            continue  # "Netflix already greenlit a sequel": a work no span names, not the
            # work the sentence is about
        else:
            clause = re.match(r"[^,;.]*", s.text[m.end():])
            end = after + (clause.end() if clause else 0)
            work = doc.work_before(end, s)
        if work is None:
            continue
        # "Netflix renewed “Stranger Things” for a third season": the season, not the series.
        clause = re.match(r"[^,;.]*", s.text[m.end():])
        reach = after + (clause.end() if clause else 0)
        season = [(a, b, w) for a, b, w in doc.work_spans if after <= a and b <= reach + 2
                  and doc.type_of(w) == "TVSeason" and doc.type_of(work) != "TVSeason"]
        if season and re.search(r"\bfor (?:an?|its|their|[Ss]eason)\b",
                                doc.text[after:season[0][0] + 8]):
            work, end = season[0][2], max(end, season[0][1])
        quote = doc.text[s.start + m.start():end]
        doc.add(work, "greenlitBy", quote, s.start + m.start(), "ordered", 0.6, obj=org)
        channel = _channel(doc, doc.name_of(org), "renewed-streams", quote)
        if channel is not None and re.search(r"\brenewed\b", m.group(0)):
            # "Netflix has renewed Aggretsuko for a second season": the series streams
            # there; "HBO has renewed WESTWORLD, DIVORCE and INSECURE for second seasons":
            # each series listed airs there
            renewed = [work]
            last = end
            for a, b, other in doc.work_spans:
                if a < last or other in renewed:
                    continue
                if not re.fullmatch(r"(?:,[”\"’]|[”\"’]?,|[”\"’]?,? and|[”\"’]?,? &)(?: and)? [“\"‘]?",
                                   doc.text[last:a]):
                    break
                renewed.append(other)
                last = b
            for one in renewed:
                series = doc.series_of(one) or one
                doc.add(series, channel[1], quote if one == work else
                        doc.text[s.start + m.start():last], s.start + m.start(),
                        "renewed-streams", 0.55, obj=channel[0])


#: A series renewed or cancelled by a network or service named after it: "Marvel’s
#: Daredevil has been renewed by Netflix", "City on a Hill was renewed for a third season
#: by Showtime", "has been canceled by TBS after two seasons".
_RENEWED_BY = re.compile(
    rf"\b(?:has|have|had|was|were|is|got)(?: (?:been|already|officially|just|now))* "
    rf"(?P<v>renewed|canceled|cancelled|axed)(?: for (?:an?|its|their|[Ss]eason)\b[^,.;:]{{0,30}}?)?"
    rf"(?: after (?:just |only )?(?:one|two|three|four|five|six|seven|eight|nine|ten|a single|"
    rf"\d{{1,2}}) seasons?)?"
    rf" (?:by|at|on) (?:the )?(?:(?:streaming (?:platform|service|giant)|streamer|network|"
    rf"channel|cable network) )?(?P<o>{NAME})")
#: A network or service cancelling a series named next: "Hulu has canceled its space drama
#: The First", "NBC has canceled its Quantum Leap reboot".
_CANCELLED = re.compile(
    rf"(?<![\w’'])(?P<o>{NAME}) (?:(?:has|have|had|officially|quietly|also|now|just|today) ){{0,3}}"
    rf"(?P<v>canceled|cancelled|axed|cancels|axes|scrapped|scraps|pulled the plug on|"
    rf"is pulling the plug on)\b")


def rule_renewed_or_cancelled(doc: Doc, s: Sentence) -> None:
    """"Marvel’s Daredevil has been renewed by Netflix", "Hulu has canceled its space drama
    The First": the network or service that renews or cancels a series shows it (airsOn a
    network, streamingOn a service); rule `ordered` reads "Netflix has renewed …"."""
    for m in _RENEWED_BY.finditer(s.text):
        work = doc.work_before(s.start + m.start(), s)
        _shown_by(doc, s, m, work, doc.text[s.start:s.start + m.end()])
    for m in _CANCELLED.finditer(s.text):
        after = s.start + m.end()
        nxt = [(a, b, w) for a, b, w in doc.work_spans if after <= a <= after + 40]
        if not nxt or not re.fullmatch(r" (?:(?:its|their|the) (?:[\w-]+ ){0,3})?"
                                       r"(?:[a-z][\w-]* ){0,3}[“\"‘]?",
                                       doc.text[after:nxt[0][0]]) or re.search(
                r"\b(?:with|for|to|of|from|after|by|at|on|in|deal|plans?)\b",
                doc.text[after:nxt[0][0]]):
            continue  # "Netflix cancelled the deal with …": no title next
        _shown_by(doc, s, m, nxt[0][2], doc.text[s.start + m.start():doc.past_quote(nxt[0][1])])


def _shown_by(doc: Doc, s: Sentence, m: re.Match[str], work: str | None, quote: str) -> None:
    """The series ``work`` airs on or streams on the network or service ``m`` names; one
    it cancels it was also cancelled by (``cancelled-by``: "USA Network has cancelled
    “Sirens” after two seasons", "“Underground” has been axed by WGN")."""
    if work is None or doc.type_of(work) not in WORK_TYPES:
        return
    got = _channel(doc, m.group("o"), "renewed-streams", quote)
    if got is None:
        return
    start = doc.text.find(quote, s.start)
    series = doc.series_of(work) or work
    doc.add(series, got[1], quote, start, "renewed-streams", 0.55, obj=got[0])
    if m.group("v") != "renewed":
        doc.add(series, "cancelledBy", quote, start, "cancelled-by", 0.6, obj=got[0])


_SLATE_WORD = r"(?:slate|line-?up|roster)"
#: A streaming service's or a network's slate or line-up: "Hulu’s returning slate also
#: includes …", "Netflix’s upcoming slate include …", "the Fox lineup", "HBO has unveiled
#: its documentary slate …, with …".
_SLATE = re.compile(
    rf"(?:(?<![\w’'])(?P<o>{NAME})[’']s? (?:[\w-]+ ){{0,3}}{_SLATE_WORD}|"
    rf"\b[Tt]he (?P<o2>{NAME}) (?:[\w-]+ ){{0,2}}{_SLATE_WORD}|"
    rf"(?<![\w’'])(?P<o3>{NAME}) (?:has |have )?(?:unveiled|announced|revealed|rolled out) "
    rf"(?:its|their|a|an) (?:[\w-]+ ){{0,4}}{_SLATE_WORD})\b")
_SLATE_JOIN = re.compile(r"\b(?:joins?|joining|added to|rounds? out)\s+(?:[\w’']+\s+){0,3}$")


def rule_slate_works(doc: Doc, s: Sentence) -> None:
    """"Hulu’s returning slate also includes Love, Victor, as well as Padma Lakshmi’s
    foodie series Taste the Nation, plus second seasons of … Pen15, …" (Hulu's press tour
    of 2020), "Hit comedy “Last Man Standing” joins the Fox lineup": each work the
    sentence names after a streaming service's or a network's slate, line-up or roster
    (before it, when the work "joins" it) streams on that service or airs on that network.
    Not: the slate of a studio or a festival ("Sony Pictures has announced … its upcoming
    film slate", "The Venice Film Festival has unveiled its line-up"), which shows
    nothing, nor a work named before the slate that does not join it."""
    for m in _SLATE.finditer(s.text):
        name = m.group("o") or m.group("o2") or m.group("o3")
        channel = _channel(doc, name, "slate-works", s.text)
        if channel is None:
            continue
        org, prop = channel
        works = doc.works_in(s.start + m.end(), s.end)
        if _SLATE_JOIN.search(s.text[:m.start()]):
            works += doc.works_in(s.start, s.start + m.start())
        for work in dict.fromkeys(works):
            if doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason"):
                continue
            doc.add(doc.series_of(work) or work, prop, s.text, s.start, "slate-works", 0.55,
                    obj=org)


RULES = [rule_premiere, rule_premiere_noun, rule_release, rule_streaming, rule_sold_to,
         rule_the_streamer,
         rule_streamer_kind, rule_new_releases, rule_streamer_releases, rule_their_kind,
         rule_year_of_releases,
         rule_ordered, rule_renewed_or_cancelled, rule_service_originals, rule_trailer, rule_channel_title,
         rule_slate_works]
