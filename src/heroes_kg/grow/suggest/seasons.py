"""Seasons and renewals: who renewed a series for which season, as the facts model it
(a TVSeason with partOfSeries, seasonNumber, greenlitBy and developmentStatus)."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import guess_type, is_nationality
from ._terms import is_a
from ._text import (
    NAME,
    NUMBER_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
    Sentence,
    is_title_case,
    occurrences,
    slug,
)
from .dates import DATE
from .works import season_of

__all__ = ["DOC_RULES", "RULES"]

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINALS = "|".join(_ORDINAL)


def _organization(doc: Doc, name: str, rule: str, quote: str) -> str | None:
    found = doc.lookup(name)
    kind = doc.type_of(found) if found else guess_type(name)
    if kind is None or not is_a(kind, "Organization") or is_a(kind, "NewsMediaOrganization"):
        return None
    return found or doc.entity(name, kind, rule, quote)


_RENEWED_BY = re.compile(
    rf"\b(?:was|were|has been|have been|had been|is|are|got|been) (?:officially |quickly )?"
    rf"(?:renewed|ordered|greenlit|green-lit|picked up|commissioned|brought back) "
    rf"(?:by (?P<o>{NAME})(?P<rest>[^.;]{{0,40}}?\bfor (?:an?|its|their) (?P<n>{_ORDINALS}) "
    rf"(?:season|series)\b)?|for (?:an?|its|their) (?P<n2>{_ORDINALS}) (?:season|series) by "
    rf"(?P<o2>{NAME}))")


def rule_renewed_by(doc: Doc, s: Sentence) -> None:
    """"The series was renewed by Starz for a second season in May", "has been renewed for
    a third season by Netflix": the season (else the series) is greenlit by the company
    named."""
    if " by " not in s.text:
        return
    for m in _RENEWED_BY.finditer(s.text):
        pos = s.start + m.start()
        org = _organization(doc, m.group("o") or m.group("o2"), "renewed-by", m.group(0))
        work = doc.work_at(pos, s)
        if org is None or work is None:
            continue
        series = doc.series_of(work)
        number = m.group("n") or m.group("n2")
        if number and series and doc.type_of(series) == "TVSeries":
            n = _ORDINAL[number]
            quote = s.text[:m.end()] if m.end() <= 160 else m.group(0)
            start = s.start if m.end() <= 160 else pos
            work = season_of(doc, series, n, quote)
            doc.add(work, "partOfSeries", quote, start, "renewed-by", 0.7, obj=series)
            doc.add(work, "seasonNumber", quote, start, "renewed-by", 0.7, value=n)
            doc.add(work, "developmentStatus", quote, start, "renewed-by", 0.7,
                    value="renewed")
            doc.add(work, "greenlitBy", quote, start, "renewed-by", 0.7, obj=org)
        elif series and doc.type_of(series) == "TVSeries" and \
                (nxt := _next_season(doc, s, series)) is not None:
            # "Marvel’s Daredevil has been renewed by Netflix. Season 2 will premiere
            # sometime in 2016.": the season the renewal is for
            season, said = nxt
            quote = doc.text[s.start + m.start():said.end]
            doc.add(season, "greenlitBy", quote, pos, "renewed-by", 0.6, obj=org)
            doc.add(season, "developmentStatus", quote, pos, "renewed-by", 0.6,
                    value="renewed")
        elif doc.type_of(work) in ("TVSeries", "TVSeason"):
            doc.add(work, "greenlitBy", m.group(0), pos, "renewed-by", 0.6, obj=org)


def _next_season(doc: Doc, s: Sentence, series: str) -> tuple[str, Sentence] | None:
    """The season of ``series`` the sentence after ``s`` opens with ("Season 2 will
    premiere sometime in 2016."), when the article has it, with that sentence."""
    after = [x for x in doc.sentences if x.start >= s.end][:1]
    if not after or "\n" in doc.text[s.end:after[0].start]:
        return None
    m = re.match(rf"(?:The |Its )?(?:(?i:season) (?P<n>\d{{1,2}}|{_NUMBERS})\b|"
                 rf"(?P<o>{_ORDINALS}) season\b)", after[0].text)
    if m is None:
        return None
    n = _season_number(m.group("n") or m.group("o"))
    seasons = [c.subject for c in doc.found.values() if c.property == "seasonNumber"
               and c.value == n and (c.subject, "partOfSeries", series) in doc.found]
    return (seasons[0], after[0]) if seasons else None


_SEASONS = re.compile(
    rf"\b(?:(?i:the|all) (?P<k>two|three|four|five|six|both) (?:[a-z]+ )?(?:shows|series)|"
    rf"(?i:both) (?:shows|series)) "
    rf"(?:(?:will|would|have|has|had|all|also|each|been|be|were|are) ){{0,3}}(?:receive|"
    rf"received|get|got|earn|earned|(?P<renewed>renewed) for) (?P<n>{_ORDINALS}) seasons\b"
    rf"(?: (?:on|from|at|by) (?P<o>{NAME}))?")


_TITLE_ITEM = rf"[“\"‘]?(?P<t>{TITLE_WORDS})(?:,?[”\"’])?"
_TITLE_SEP = r"(?:,? and |, |(?<=[”\"’]) (?:and )?)"
_TITLE_LIST = re.compile(rf"{_TITLE_ITEM.replace('?P<t>', '?:')}(?:{_TITLE_SEP}"
                         rf"{_TITLE_ITEM.replace('?P<t>', '?:')})+")


def _listed_series(doc: Doc, before: int, count: int) -> list[str]:
    """The ``count`` series of the last list of titles before ``before`` that names a
    series already found: "“The Chair Company,” “I Love LA,” and “Task” have all received
    stellar reviews" (a title of the list not yet known as a work becomes a series)."""
    spans = [sp for sp in doc.work_spans if sp[0] < before and doc.type_of(sp[2]) == "TVSeries"]
    if not spans:
        return []
    a = spans[-1][0]
    para = doc.paragraph_at(a)
    if para is None:
        return []
    for m in _TITLE_LIST.finditer(para.text):
        if not para.start + m.start() <= a < para.start + m.end():
            continue
        items = [(para.start + m.start() + i.start("t"), i.group("t"))
                 for i in re.finditer(_TITLE_ITEM, m.group(0))]
        if len(items) != count:
            return []
        out = []
        for at, title in items:
            work = next((w for x, _y, w in doc.work_spans if x == at), None)
            if work is None or doc.type_of(work) != "TVSeries":
                work = doc.derived(slug(title), "TVSeries", title, "plural-renewal", m.group(0))
                if doc.type_of(work) != "TVSeries":
                    return []
                doc.add_work_span(at, at + len(title), work)
            out.append(work)
        return out
    return []


def rule_plural_renewal(doc: Doc, s: Sentence) -> None:
    """"the three shows will receive second seasons on HBO and HBO MAX", "All four shows
    have been renewed for second seasons": a season of that number for each of the series
    named last, greenlit by the company named, renewed where the sentence or one just
    before says so ("That interest has officially fueled renewals from HBO.")."""
    m = _SEASONS.search(s.text) if "seasons" in s.text else None
    if m is None:
        return
    count = 2 if m.group(0).lower().startswith("both") or m.group("k") == "both" else \
        NUMBER_WORDS[m.group("k")]
    series = list(reversed(_listed_series(doc, s.start + m.start(), count)))
    if not series:
        for _a, _b, w in reversed([sp for sp in doc.work_spans if sp[0] < s.start + m.start()]):
            if doc.type_of(w) == "TVSeries" and w not in series:
                series.append(w)
            if len(series) == count:
                break
    if len(series) != count:
        return  # which shows, if not all of them are named?
    n = _ORDINAL[m.group("n")]
    org = _organization(doc, m.group("o"), "plural-renewal", s.text) if m.group("o") else None
    # "That interest has officially fueled renewals from HBO. Indeed, … the three shows will
    # receive second seasons": the renewal said just before
    before = [x for x in doc.sentences if x.end <= s.start][-3:]
    said = next((x for x in reversed(before) if re.search(r"\brenewals?\b", x.text)), None)
    for one in reversed(series):
        season = season_of(doc, one, n, s.text)
        doc.add(season, "partOfSeries", s.text, s.start, "plural-renewal", 0.65, obj=one)
        doc.add(season, "seasonNumber", s.text, s.start, "plural-renewal", 0.65, value=n)
        if org:
            doc.add(season, "greenlitBy", s.text, s.start, "plural-renewal", 0.65, obj=org)
        if m.group("renewed"):
            doc.add(season, "developmentStatus", s.text, s.start, "plural-renewal", 0.65,
                    value="renewed")
        elif said is not None:
            doc.add(season, "developmentStatus", said.text, said.start, "plural-renewal",
                    0.6, value="renewed")


_SEASON_ORDER = re.compile(rf"\b(?:has |have |had )?(?:received|earned|got|gets|landed|scored) an? "
                           rf"(?P<n>{_ORDINALS}) (?:season|series) (?:order|renewal|pickup)\b")


_ORDER_CUE = re.compile(r"order|renewal|pickup")


def rule_season_order(doc: Doc, s: Sentence) -> None:
    """"Lifetime's stalker drama YOU, starring Gossip Girl's Penn Badgley, has received a
    second season order": the season, greenlit by the company whose series it is."""
    m = _SEASON_ORDER.search(s.text) if _ORDER_CUE.search(s.text) else None
    if m is None:
        return
    for a, _b, series in doc.work_spans:
        if not s.start <= a < s.start + m.start() or doc.type_of(series) != "TVSeries":
            continue
        owner = re.search(rf"(?P<o>{NAME})[’']s (?:[a-z-]+ ){{0,3}}[“\"‘]?$", doc.text[s.start:a])
        if owner is None:
            continue
        org = _organization(doc, owner.group("o"), "season-order", s.text)
        if org is None:
            continue
        n = _ORDINAL[m.group("n")]
        season = season_of(doc, series, n, s.text)
        start = s.start + owner.start()
        quote = doc.text[start:s.start + m.end()]
        doc.add(season, "partOfSeries", quote, start, "season-order", 0.65, obj=series)
        doc.add(season, "seasonNumber", quote, start, "season-order", 0.65, value=n)
        doc.add(season, "greenlitBy", quote, start, "season-order", 0.65, obj=org)
        return


_RENEWS = re.compile(
    rf"(?P<o>{NAME}) (?:has |have |had )?(?:(?:decided|opted|chosen) to )?(?:officially )?"
    rf"(?:renewed|renews|renew|(?:confirmed|announced|revealed|made official) the renewal of) "
    rf"(?P<what>[^.;:]{{3,140}}?),? for (?:an?|its|their) "
    rf"(?P<n>{_ORDINALS})(?P<more>(?:,? and (?:an? )?(?:{_ORDINALS}))*) (?:seasons?|years?)\b"
    rf"(?P<resp>,? respectively)?")
_PRONOUNS = {"it", "he", "she", "they", "this", "that", "the series", "the show"}


def _titles(doc: Doc, what: str, rule: str, quote: str) -> list[str]:
    """The series a renewal names: "two of its biggest … genre series, Marvel's Runaways
    and The Handmaid's Tale": each title-case part, a known work or a new series."""
    out = []
    for part in re.split(r",\s*|\s+and\s+", what.strip(" ,")):
        part = part.strip(" “”\"‘’")
        if not part or not is_title_case(part) or part.lower() in _PRONOUNS or \
                part.split()[0].lower() in ("it", "he", "she", "they", "its", "their"):
            continue
        found = doc.lookup(part)
        owned = re.match(r"[A-Z][\w.&-]*[’']s (?P<t>[A-Z].+)$", part)
        if owned and doc.type_of(doc.lookup(owned.group("t"))) == "TVSeries" and re.search(
                rf"(?<![’']s ){re.escape(owned.group('t'))}\b", doc.text):
            # "Marvel's Runaways" in a text that calls the show "Runaways": that show
            found = doc.lookup(owned.group("t"))
        if found is not None and doc.type_of(found) != "TVSeries":
            return []  # a film, a person: not a series renewed
        out.append(found or doc.entity(part, "TVSeries", rule, quote))
    return out


def rule_renews(doc: Doc, s: Sentence) -> None:
    """"Hulu has decided to renew two of its biggest and most popular genre series,
    Marvel's Runaways and The Handmaid's Tale, for a third and fourth season
    respectively", "HBO has confirmed the renewal of its animated adult television series
    “Animals” for a third season": a season of each series, renewed and greenlit by the
    company; two
    titles and two numbers pair "respectively", one number goes with every title."""
    if "renew" not in s.text:
        return
    for m in _RENEWS.finditer(s.text):
        org = _organization(doc, m.group("o"), "renews", m.group(0))
        if org is None:
            continue
        numbers = [_ORDINAL[m.group("n")], *(_ORDINAL[x] for x in re.findall(
            _ORDINALS, m.group("more") or ""))]
        series = _titles(doc, m.group("what"), "renews", m.group(0))
        if not series:
            # "HBO has confirmed the renewal of its animated adult television series
            # “Animals” for a third season": the one series named inside
            inside = [w for w in doc.works_in(s.start + m.start("what"), s.start + m.end("what"))
                      if doc.type_of(w) == "TVSeries"]
            series = inside if len(inside) == 1 else []
        if not series or (len(numbers) > 1 and len(numbers) != len(series)):
            continue
        pairs = zip(series, numbers) if len(numbers) > 1 else ((x, numbers[0]) for x in series)
        start = s.start + m.start()
        for one, n in pairs:
            season = season_of(doc, one, n, m.group(0))
            doc.add(season, "partOfSeries", m.group(0), start, "renews", 0.65, obj=one)
            doc.add(season, "seasonNumber", m.group(0), start, "renews", 0.65, value=n)
            doc.add(season, "developmentStatus", m.group(0), start, "renews", 0.6,
                    value="renewed")
            doc.add(season, "greenlitBy", m.group(0), start, "renews", 0.6, obj=org)


_RETURNS = re.compile(
    rf"(?<![\w’'])(?P<t>(?:[A-Z0-9][\w’'&:!?.-]*)(?: (?:of|the|and|a|an|in|on|to|for|"
    rf"[A-Z0-9][\w’'&:!?.-]*))*?) (?:will|is set to|is going to) (?:also )?"
    rf"(?:be returning|return|be back|come back) for (?:an?|its) (?P<n>{_ORDINALS}) "
    rf"(?:season|year)\b")
_ANNOUNCED = re.compile(rf"(?P<o>{NAME}) (?:has |have )?(?:announced|confirmed|revealed) "
                        rf"(?:(?:two|three|four|both|the|its|their|a|new) )*renewals?\b")


def rule_returns_for(doc: Doc, s: Sentence) -> None:
    """"Netflix announced two renewals today: paranormal series The OA will be returning
    for a second season, and time travel entry Travelers will also return for a second
    year": the season of the series named before "will return"; renewed, and greenlit by
    the company that announced the renewals in the same sentence."""
    if "return" not in s.text and "back" not in s.text:
        return
    announced = _ANNOUNCED.search(s.text)
    org = _organization(doc, announced.group("o"), "returns-for", s.text) \
        if announced else None
    for m in _RETURNS.finditer(s.text):
        title = m.group("t")
        if title.split()[0] in ("It", "He", "She", "They", "This", "That", "The") and \
                " " not in title:
            continue
        if title.lower() in _PRONOUNS:
            continue
        found = doc.lookup(title)
        if found is not None and doc.type_of(found) not in ("TVSeries",):
            continue
        series = found or doc.entity(title, "TVSeries", "returns-for", m.group(0))
        if doc.type_of(series) != "TVSeries":
            continue
        n = _ORDINAL[m.group("n")]
        start = s.start + m.start()
        season = season_of(doc, series, n, m.group(0))
        doc.add(season, "partOfSeries", m.group(0), start, "returns-for", 0.6, obj=series)
        doc.add(season, "seasonNumber", m.group(0), start, "returns-for", 0.6, value=n)
        if org is not None and announced is not None and announced.start() < m.start():
            quote = s.text[announced.start():m.end()]
            at = s.start + announced.start()
            doc.add(season, "developmentStatus", quote, at, "returns-for", 0.55,
                    value="renewed")
            doc.add(season, "greenlitBy", quote, at, "returns-for", 0.55, obj=org)


_NUMBERS = "|".join(w for w in NUMBER_WORDS if NUMBER_WORDS[w] <= 10 and w not in _ORDINAL)
#: "Season 2", "season two", "its second season", "the third season of …".
_SEASON = (rf"(?:(?<![\w’'])(?i:season) (?P<n>\d{{1,2}}|{_NUMBERS})\b|"
           rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir) (?P<o>{_ORDINALS}|final) season\b)")
_GOES_OUT = (r"(?:premieres?|premiered|debuts?|debuted|bows?|bowed|began|begins?|returns?|"
             r"returned|arrives?|arrived|launche[sd]|drops?|dropped|kicks? off|kicked off)")
_WHEN = (rf"(?P<d>{DATE}|(?<=this )(?:January|February|March|April|May|June|July|August|"
         rf"September|October|November|December)\b)(?!\d)")
#: "Season two began Aug. 11.", "Sense8, which will have its second season bow on May
#: 5th", "Season 2 of Maxton Hall, which is called …, is slated to premiere on … November
#: 7", "the second season of drama series “The Morning Show” will premiere September 17".
_SEASON_OUT = re.compile(
    rf"{_SEASON}(?P<of> of [^.;]{{1,60}}?)?(?:, (?:[^.;]|(?<=\b[A-Z])\.){{1,240}}?,)? "
    rf"(?:(?:will|is|was|are|(?:is )?(?:set|slated|scheduled|expected)) ){{0,3}}(?:to )?"
    rf"{_GOES_OUT}\b(?P<mid>[^.;]{{0,40}}?) (?:on |in |of )?{_WHEN}")
#: "it premiered its first season in March 2022", "Returning to the internet Friday,
#: Dec. 13, Season 3 of Runaways": the date before the season.
_OUT_SEASON = re.compile(
    rf"\b(?:premiered|debuted|launched|dropped) {_SEASON}(?P<of> of [^.;]{{1,60}}?)? "
    rf"(?:on |in )?{_WHEN}|\b(?:Returning|Premiering|Debuting|Arriving)\b[^.;]{{0,40}}? "
    rf"{_WHEN.replace('?P<d>', '?P<d2>')},? {_SEASON.replace('?P<n>', '?P<n2>').replace('?P<o>', '?P<o2>')}"
    rf"(?P<of2> of (?:[A-Z][\w’'.:-]*)(?: [A-Z][\w’'.:-]*)*)?")


def _season_number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _ORDINAL.get(word) or NUMBER_WORDS.get(word)


def _date_of(doc: Doc, text: str) -> str | None:
    day = re.fullmatch(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (.+)",
                       text)
    if text.lower() in WEEKDAYS:
        return None  # "began Sunday": which Sunday is too often unsure
    return doc.date(day.group(1) if day else text)


def _paragraph_start(doc: Doc, s: Sentence) -> int:
    return (doc.paragraph_at(s.start, 1) or s).start


def _heading_above(doc: Doc, s: Sentence) -> str | None:
    """The series a line of its own names right above the paragraph of ``s``: a section
    heading, or the article's first line when the next heading has the same layout."""
    at = _paragraph_start(doc, s)
    index = next((i for i, p in enumerate(doc.paragraphs) if p.start == at), 0)
    if index == 0:
        return None
    above = doc.paragraphs[index - 1]
    work = next((w for pos, w in doc.headings if pos == above.start), None)
    line = above.text.strip()
    if work is None and len(doc.headings) >= 2 and len(line.split()) <= 8 and \
            is_title_case(line) and not re.search(r"[.!?:,\"“”]$", line):
        # a line of the same layout as the article's other headings ("Empire" above "The
        # final season, starring Taraji P. Henson …, begins Sept. 24 on Fox")
        found = doc.lookup(line)
        shows = sum(doc.type_of(w) == "TVSeries" for _pos, w in doc.headings)
        if found is None and shows >= 2 and 2 * shows >= len(doc.headings) and \
                not doc.is_person(line):
            found = doc.entity(line, "TVSeries", "season-premiere", line)
        work = found
    return work if work is not None and doc.type_of(work) == "TVSeries" else None


def _series_for(doc: Doc, s: Sentence, m: re.Match[str], of: str | None) -> str | None:
    """The series whose season a match names: the title after "of", else the title just
    before "Season N", else the series the clause is about."""
    if of:
        at = s.start + m.start(of)
        titled = [w for _a, _b, w in doc.works_in_spans(at, s.start + m.end(of) + 2)]
        # "Season 3 of Runaways" may already be one span, the season's
        covering = doc.work_span_at(at, s.start + m.end(of))
        if not titled and covering is not None:
            titled = [covering[2]]
        titled = [doc.series_of(w) or w for w in titled]
        return next((w for w in titled if doc.type_of(w) == "TVSeries"), None)
    headed = _heading_above(doc, s)
    if headed is not None and s.start + m.start() - _paragraph_start(doc, s) < 4:
        # "The Affair / The final season, starring …, begins Aug. 25": the heading's
        return headed
    work = doc.work_at(s.start + m.start(), s)
    series = doc.series_of(work) if work else None
    series = series or work
    if series is None or doc.type_of(series) != "TVSeries":
        return None
    if (m.groupdict().get("o") or m.groupdict().get("o2")) and not any(
            (doc.series_of(w) or w) == series
            for w in doc.works_in(s.start, s.start + m.start())) and \
            doc.name_of(series) not in s.text[:m.start()]:
        return None  # "its second season": whose, when no series is named before it?
    return series


_SEASON_CUE = re.compile(r"(?i:season)")


def rule_season_premiere(doc: Doc, s: Sentence) -> None:
    """"Sense8, which will have its second season bow on May 5th", "Season two began Aug.
    11.", "Returning to the internet Friday, Dec. 13, Season 3 of Runaways": the season's
    premiere as an event (workFeatured the season, startDate the day), the season of the
    series named after "of", else of the series the clause is about."""
    if not _SEASON_CUE.search(s.text):
        return
    for m in (*_SEASON_OUT.finditer(s.text), *_OUT_SEASON.finditer(s.text)):
        mid = m.groupdict().get("mid") or ""
        if re.search(r"\b(?:finale|episodes?|trailer|teaser|poster|photos?|ratings?)\b", mid) \
                or re.search(r"\b(?:finale|episode|trailer|teaser)s?\W*$",
                             s.text[max(0, m.start() - 30):m.start()]):
            continue
        word = m.group("n") or m.group("o") or m.group("n2") or m.group("o2")
        final = word == "final"
        n = _season_number(word) if word and not final else None
        when = m.group("d") or m.group("d2")
        date = _date_of(doc, when) if when else None
        of = "of" if m.group("of") else "of2" if m.groupdict().get("of2") else None
        series = _series_for(doc, s, m, of)
        if (n is None and not final) or date is None or series is None:
            continue
        start = s.start + m.start()
        quote = m.group(0)
        if final or n is None:
            # "The Affair / The final season, starring Dominic West, …, begins Aug. 25 on
            # Showtime": the series' last season, its number unsaid
            season = doc.derived(f"{series}-final-season", "TVSeason",
                                 f"{doc.name_of(series)} final season", "season-premiere",
                                 quote)
            doc.add(season, "developmentStatus", quote, start, "season-premiere", 0.55,
                    value="final season")
        else:
            season = season_of(doc, series, n, quote)
        event = doc.derived(f"{season}-premiere", "Premiere",
                            f"Premiere of {doc.name_of(season)}", "season-premiere", quote)
        doc.add(season, "partOfSeries", quote, start, "season-premiere", 0.6, obj=series)
        if n is not None:
            doc.add(season, "seasonNumber", quote, start, "season-premiere", 0.6, value=n)
        doc.add(event, "workFeatured", quote, start, "season-premiere", 0.6, obj=season)
        doc.add(event, "startDate", quote, start, "season-premiere", 0.6, value=date)
        after = re.match(rf"(?: on| via) (?P<o>{NAME})", s.text[m.end():])
        inside = re.search(rf"\b(?:on|via) (?P<o>{NAME})", m.group(0))
        name = after.group("o") if after else inside.group("o") if inside else None
        platform = doc.lookup(name) if name else None
        if platform is not None and is_a(doc.type_of(platform) or "", "StreamingService"):
            quote = s.text[m.start():m.end() + (after.end() if after else 0)]
            doc.add(event, "platform", quote, start, "season-premiere", 0.6, obj=platform)


_COUNT = r"(?P<{}>one|two|three|four|five|six|seven|eight|nine|ten|a single|\d{{1,2}})"
#: How many seasons a series had, said of its end or its run: "has cancelled “Sirens”
#: after two seasons", "which was pulled after one season", "Manifest ran for three
#: seasons on NBC", "“Westworld” ends after a four-season run", "the third and final
#: season of Sweet Tooth".
_SEASONS_COUNT = re.compile(
    rf"\b(?:(?P<end>after|following) (?:just |only |a mere |an? (?=\S+-season run))?"
    rf"{_COUNT.format('n')}"
    rf"(?:-season run| seasons?\b)"
    rf"|(?P<run>ran|aired|lasted|running|run) (?:for )?(?:just |only )?{_COUNT.format('n2')}"
    rf" seasons?\b"
    rf"|(?:the|its|their|a) (?P<ord>{_ORDINALS}) and (?:final|last) season\b(?P<of> of )?)")
#: The end of a series said in the clause before "after N seasons".
_ENDED = re.compile(r"\b(?:cancel(?:l?ed|s|ing)?|axed|axes|pulled|scrapped|end(?:s|ed|ing)?|"
                    r"not (?:be )?returning|not coming back|coming to an end|concluded?|"
                    r"wrap(?:s|ped)? up|finale)\b")


def rule_seasons_count(doc: Doc, s: Sentence) -> None:
    """"USA Network has cancelled “Sirens” after two seasons", "“Benched” … which was
    pulled after one season" (Variety, 2015), "Manifest ran for three seasons on NBC",
    "the third and final season of Sweet Tooth": how many seasons the series had
    (numberOfSeasons): the series the cancellation or the run is said of (the title
    after "season of", else the last work named before in the sentence). Not: "after
    two seasons" with no end said before it in the clause ("returns after two seasons
    away"), a count of seasons ordered ("renewed for two more seasons")."""
    for m in _SEASONS_COUNT.finditer(s.text):
        if m.group("ord"):
            n = _ORDINAL[m.group("ord")]
        else:
            word = m.group("n") or m.group("n2")
            n = 1 if word == "a single" else int(word) if word.isdigit() else NUMBER_WORDS[word]
        at = s.start + m.start()
        if m.group("end"):
            clause = re.split(r"[;:]", s.text[:m.start()])[-1]
            if not _ENDED.search(clause):
                continue
        work: str | None = None
        end = s.start + m.end()
        if m.group("of"):
            nxt = [(a, b, w) for a, b, w in doc.work_spans
                   if s.start + m.end() <= a <= s.start + m.end() + 2]
            if nxt:
                work, end = nxt[0][2], doc.past_quote(nxt[0][1])
        if work is None:
            before = [w for a, b, w in doc.work_spans if s.start <= a and b <= at]
            work = before[-1] if before else None
        if work is None and re.search(r"\b(?:[Ii]t|[Tt]he (?:series|show|drama|comedy|sitcom))"
                                      r" (?:[\w’']+ ){0,4}$", s.text[:m.start()]):
            work = doc.work_before(at, s)  # "it lasted just a single season"
        if work is None:
            continue
        series = doc.series_of(work) or work
        if doc.type_of(series) != "TVSeries":
            continue
        start = min(at, next((a for a, b, w in doc.work_spans
                              if w == work and s.start <= a < at), at))
        if start < at:
            start = doc.before_quote(start)  # the title's quotation marks, both
        if end - start >= 160:
            start = at
        doc.add(series, "numberOfSeasons", doc.text[start:end], start, "seasons-count", 0.6,
                value=n)


RULES = [rule_seasons_count, rule_renewed_by, rule_plural_renewal, rule_season_order, rule_renews,
         rule_returns_for, rule_season_premiere]

#: "Loki Season 2", "Squid Game Season 2", "Reacher S3", "Money Heist part 4": a title
#: that is the season of the series its first words name.
_SEASON_TITLE = re.compile(rf"^(?P<x>.+?)[:,]? (?:(?i:season) (?P<n>\d{{1,2}}|{_NUMBERS}|"
                           rf"{_ORDINALS})|S(?P<s>\d{{1,2}})|(?i:part) (?P<p>\d{{1,2}}))$")


def season_titles(doc: Doc) -> None:
    """"Loki Season 2 dropped with 10.9 million views", "Amazon Prime Video's Reacher S3":
    a new title ending in "Season N" (or "SN") is a season, not a film or a series: its
    series (the one named by the title's first words, new if the article names it no
    other way) and its number, quoted where the title first stands. "part N" only of a
    title already read as a season ("Money Heist part 4" in a list of seasons; "Dune:
    Part Two" is a film)."""
    for eid, e in list(doc.new.items()):
        m = _SEASON_TITLE.match(e.name)
        if m is None or e.type not in ("Movie", "TVSeries", "TVSeason"):
            continue
        series = doc.lookup(m.group("x"))
        if m.group("p") and e.type != "TVSeason":
            continue
        if series is None:
            if not is_title_case(m.group("x")):
                continue
            series = doc.entity(m.group("x"), "TVSeries", "season-title", e.name)
        if series is None or doc.type_of(series) != "TVSeries" or series == eid:
            continue
        at = doc.text.find(e.name)
        if at < 0:
            continue
        word = m.group("n") or m.group("s")
        n = _season_number(word) if word else None  # a part's number is no season's
        if n is not None and any(
                c.property == "seasonNumber" and c.value == n and c.subject != eid and
                doc.found.get((c.subject, "partOfSeries", series)) for c in doc.found.values()):
            continue  # "Reacher Season 3" is already that season: not a second one
        e.type = "TVSeason"
        doc.add(eid, "partOfSeries", e.name, at, "season-title", 0.6, obj=series)
        if n is not None:
            doc.add(eid, "seasonNumber", e.name, at, "season-title", 0.6, value=n)


_WORDS_OF = {n: w for w, n in NUMBER_WORDS.items() if n <= 10 and w not in _ORDINAL}


def _named_together(doc: Doc, series: str, n: int,
                    title: str | None = None) -> tuple[str, int] | None:
    """Where the text names season ``n`` with its series: "Season Two of the Apple TV+
    series “Severance”", "season 3 of the black comedy superhero TV series The Boys",
    "our first season of Raised by Wolves", "Loki’s second season", "The Boys season 3"."""
    title = title or doc.name_of(series)
    name = re.escape(title)
    number = rf"(?:{n}|(?i:{_WORDS_OF.get(n, str(n))}))"
    ordinal = next((w for w, k in _ORDINAL.items() if k == n), None)
    season = rf"(?i:season|series) {number}\b"
    if ordinal:
        # "the much-anticipated second season of Bridgerton", "Bridgerton’s sophomore
        # season": a word or two may stand between the article and the number
        ordinal = f"(?:{ordinal}|sophomore)" if n == 2 else ordinal
        season = (rf"(?:{season}|\b(?i:the|its|their|our|a) (?:[\w-]+ ){{0,2}}?"
                  rf"{ordinal} (?i:season|series))")
    pattern = re.compile(
        rf"{season} (?:of|for) (?:(?:the|its|their|our) )?(?:[\w+’'-]+ ){{0,6}}?[“\"‘]?{name}\b|"
        rf"(?<![\w’']){name}[”\"’]?(?:[’']s)? {season.replace('(?:the|its|their|our|a) ', '')}",
        re.IGNORECASE if title.isupper() else 0)
    # only near the series' name: a search of the whole text is slow
    if title.isupper():
        places = [m.start() for m in re.finditer(name, doc.text, re.IGNORECASE)]
    else:  # a plain search: no expression compiled for each series
        places = occurrences(doc.text, title)
    for at in places:
        m = pattern.search(doc.text, max(0, at - 160), at + len(title) + 40)
        if m is not None:
            return m.group(0), m.start()
    return None


def _short_forms(title: str) -> list[str]:
    """The tails of a long title a text may call it by: "The Man in the High Castle" is
    "High Castle" ("Season 2 of High Castle"); two capitalized words at least."""
    words = title.split()
    return [" ".join(words[i:]) for i in range(1, len(words) - 1)
            if words[i][:1].isupper() and len(words) - i >= 2]


def season_quotes(doc: Doc) -> None:
    """A season found where the text names only "the second season" or "Season 2" is
    better quoted where the same text names the season with its series: that quote
    supports the season's series and number on its own, so it goes first."""
    series_of = {c.subject: c.object for c in doc.found.values()
                 if c.property == "partOfSeries" and c.object}
    for c in list(doc.found.values()):
        if c.subject not in series_of or c.property not in ("partOfSeries", "seasonNumber"):
            continue
        series = series_of[c.subject]
        name = doc.name_of(series)
        if name.lower() in c.quote.lower():
            continue  # its first quote names the series already
        number = next((x.value for x in doc.found.values() if x.subject == c.subject
                       and x.property == "seasonNumber"), None)
        if not isinstance(number, int):
            continue
        key = f"named-together:{series}:{number}"
        if key not in doc.memo:
            doc.memo[key] = _named_together(doc, series, number) or next(
                (found for short in _short_forms(name)
                 if (found := _named_together(doc, series, number, short))), None)
        better = doc.memo[key]
        assert better is None or isinstance(better, tuple)
        if better is not None and better[1] != c.start:
            c.more.insert(0, (c.quote, c.start))
            c.quote, c.start = better
            del c.more[2:]


def bare_first_seasons(doc: Doc) -> None:
    """"It received 18 Emmy nominations for Season 1", "Picking up after the explosive
    events of season one", "production on the second season": a first season named only
    by its number, or any season named only as "the second season" (not "a second
    season" or "its first season", the season spoken of), with nothing else
    said of it (no renewal, premiere, figure or cast) and not the subject of its sentence,
    is a passing mention of the show's past, seldom a fact a curator records; it stays
    below the default floor."""
    said = {c.subject for c in doc.found.values()
            if c.property not in ("partOfSeries", "seasonNumber")} | {
        c.object for c in doc.found.values() if c.object is not None}
    for c in doc.found.values():
        if c.rule != "season" or c.property not in ("partOfSeries", "seasonNumber") or \
                c.subject in said:
            continue
        if all(re.fullmatch(rf"(?i:a|an|its) (?:{_ORDINALS}) season", q.strip())
               for q, _a in c.quotes()):
            continue  # "renewed … for a third season", "when its first season ran": the
            # season the sentence is about (right 16 times in 16 over the ten sets)
        ordinal = all(re.fullmatch(rf"(?i:the|a|an|its|their) (?:{_ORDINALS}) (?:season|series)",
                                   q.strip()) for q, _a in c.quotes())
        if not ordinal and not any(x.subject == c.subject and x.property == "seasonNumber"
                                   and x.value == 1 for x in doc.found.values()):
            continue
        series = next((x.object for x in doc.found.values() if x.subject == c.subject
                       and x.property == "partOfSeries" and x.object), None)
        name = doc.name_of(series).lower() if series else ""
        if name and any(name in q.lower() for q, _a in c.quotes()):
            continue  # "the first season of “Marco Polo”": named with its series
        if any(re.fullmatch(r"\s*", doc.text[s.start:a]) for _q, a in c.quotes()
               if (s := doc.sentence_at(a)) is not None):
            continue  # "The first series launched on Disney+ in January": said of it
        c.confidence = min(c.confidence, 0.4)


_AFTER_TITLE = re.compile(rf"[”\"’]?(?:[’']s|,? whose)? (?P<o>{_ORDINALS}|sophomore) season\b")


def series_seasons(doc: Doc) -> None:
    """"the highly-anticipated Castlevania second season, to be released on 26 October
    2018", "Loki’s second season", "Ginny & Georgia, whose second season debuted on Jan. 5":
    a series named right before "second season" is that season's series, with its
    number."""
    for a, b, series in list(doc.work_spans):
        if doc.type_of(series) != "TVSeries":
            continue
        m = _AFTER_TITLE.match(doc.text, b)
        if m is None:
            continue
        n = 2 if m.group("o") == "sophomore" else _ORDINAL[m.group("o")]
        quote = doc.text[a:m.end()]
        season = season_of(doc, series, n, quote)
        if doc.type_of(season) != "TVSeason":
            continue
        doc.add(season, "partOfSeries", quote, a, "series-season", 0.6, obj=series)
        doc.add(season, "seasonNumber", quote, a, "series-season", 0.6, value=n)


#: "The comedy People of Earth has been canceled by TBS after two seasons": a cancellation.
_CANCELLED = re.compile(r"\b(?:has|have|had|was|were|is|are|got|gets|been) (?:been )?"
                        r"(?:officially |abruptly |now )?(?:canceled|cancelled|axed|scrapped)\b|"
                        r"\b(?:canceled|cancelled|axed) by\b")


def undone_renewals(doc: Doc) -> None:
    """"The comedy People of Earth has been canceled by TBS after two seasons, even though
    the network had renewed the series for a third season back in September": a renewal
    the sentence says was undone is not the season's status (its number and who ordered
    it stay)."""
    for key, c in list(doc.found.items()):
        if c.property != "developmentStatus" or c.value != "renewed":
            continue
        sentence = doc.sentence_at(c.start, 1)
        if sentence is not None and _CANCELLED.search(sentence.text):
            del doc.found[key]


#: A season's words followed by another show's name: "a fourth season of Veronica Mars",
#: "a fourth season of Line of Duty" (small words inside the title, not "and", "on", "for"),
#: "a second season of Jordanian drama Al Rawabi School For Girls" (after a kind).
_SHOW_WORD = r"(?:[A-Z0-9][\w’'&.-]*[\w’'&+]|[A-Z0-9])"
_SHOW_NAME = rf"{_SHOW_WORD}(?:(?:\s(?:of|the|a|an|in|de|la))*\s{_SHOW_WORD})*"
_OF_NAMED = re.compile(rf"\s+(?:of|for) (?:the )?"
                       rf"(?:(?:[A-Z][a-z]+ )?(?:[a-z-]+ ){{0,2}}?(?:drama|series|comedy|"
                       rf"thriller|show|sitcom|docuseries|miniseries|anime|sci-fi|fantasy) )?"
                       rf"[“\"‘]?(?P<n>{_SHOW_NAME})")
#: A word for where a show is from, said before a kind rather than a title: "season one of
#: the German cyber thriller" names no show.
_ADJECTIVE_AFTER = re.compile(r"\s(?!(?:of|the|a|an|and|in|on|to|for|at|with|from|by|or)\b)"
                              r"[a-z]")


def _claimed_elsewhere(doc: Doc) -> set[str]:
    """Seasons the "season" rule bound to one series from words that another rule read
    as another show's season of that number: "6. Love on the Spectrum (Season 3) — 3.5
    million views" in an article about Adolescence."""
    numbers = {c.subject: c.value for c in doc.found.values() if c.property == "seasonNumber"}
    others = [(c.start, c.start + len(c.quote), c.object, numbers.get(c.subject))
              for c in doc.found.values() if c.property == "partOfSeries" and c.rule != "season"]
    claimed = set()
    for c in doc.found.values():
        if c.rule != "season" or c.property != "partOfSeries":
            continue
        if all(any(a <= at and at + len(q) <= b and series != c.object and
                   n == numbers.get(c.subject) for a, b, series, n in others)
               for q, at in c.quotes()):
            claimed.add(c.subject)
    return claimed


def seasons_of_other_shows(doc: Doc) -> None:
    """"The platform has other big projects coming up, including a fourth season of
    Veronica Mars": a season the text names with another show is that show's season, not
    one of the series it was bound to (the article's own, "The First"); so is one that
    another rule read in the same words ("Love on the Spectrum (Season 3)")."""
    moved: dict[str, tuple[str, list[tuple[str, int]], int]] = {}
    for c in doc.found.values():
        if c.rule != "season" or c.property != "partOfSeries" or not c.object:
            continue
        series = doc.name_of(c.object)
        other: tuple[str, list[tuple[str, int]]] | None = None
        for quote, at in c.quotes():
            m = _OF_NAMED.match(doc.text, at + len(quote))
            name = m.group("n") if m else ""
            if m is not None and " " not in name and is_nationality(name) and \
                    _ADJECTIVE_AFTER.match(doc.text, m.end()):
                m = None  # "season one of the German cyber thriller": no show named
            if m is None or name in series or series in name or \
                    doc.lookup(name) == c.object or is_a(guess_type(name), "Organization") or \
                    name.split()[0] in ("Season", "Series", "Part", "Episode"):
                other = None  # "season 3 of The Boys", "its second season on Netflix"
                break
            # each place the season is named ("including a fourth season of Line of Duty",
            # "Along with the commission of a fourth season of Line of Duty")
            other = (name, [*(other[1] if other else []), (doc.text[at:m.end()], at)])
        number = next((x.value for x in doc.found.values() if x.subject == c.subject
                       and x.property == "seasonNumber"), None)
        if other is not None and isinstance(number, int):
            moved[c.subject] = (other[0], other[1], number)
    claimed = _claimed_elsewhere(doc)
    for key, c in list(doc.found.items()):
        if c.rule == "season" and (c.subject in moved or c.subject in claimed):
            del doc.found[key]
    for name, places, number in moved.values():
        show = doc.lookup(name) or doc.entity(name, "TVSeries", "season", places[0][0])
        if doc.type_of(show) != "TVSeries":
            continue
        season = season_of(doc, show, number, places[0][0])
        # the same words wherever else the article says them ("including a fourth season
        # of Line of Duty and …", "Along with the commission of a fourth season of Line of
        # Duty")
        said = {at for _q, at in places}
        places += [(q, m.start()) for q in {q for q, _at in places}
                   for m in re.finditer(re.escape(q), doc.text) if m.start() not in said]
        for quote, at in places:
            doc.add(season, "partOfSeries", quote, at, "season", 0.6, obj=show)
            doc.add(season, "seasonNumber", quote, at, "season", 0.6, value=number)


DOC_RULES = [season_titles, series_seasons, season_quotes, bare_first_seasons,
             undone_renewals, seasons_of_other_shows]
