"""Chart rankings: "ranked first place on the Top 10 kids list in 88 out of 93
countries", "landed in the Top 10 for all films", "No. 1 on Netflix's Top 10"."""

from __future__ import annotations

import re

from ._doc import Doc
from ._terms import is_a
from ._text import NAME, NUMBER_WORDS, SOURCE, Sentence, is_title_case
from .dates import DATE
from .figures import (
    another_subject_between,
    article_period,
    bound_elsewhere,
    box_office_news,
    in_aside,
    opening_work,
    season_counted,
    season_in_scope,
    subject_work,
)

__all__ = ["DOC_RULES", "RULES"]


def _ranking(doc: Doc, film: str, word: str, rule: str, quote: str) -> str:
    return doc.derived(f"{film}{word}-ranking", "ChartRanking",
                       f"Ranking of {doc.name_of(film)}", rule, quote)


_TOP_FOR_ALL = re.compile(r"(?:landed|ranked|made) (?:in )?(?:the )?(?P<c>Top \d+ for all "
                          r"(?P<w>films|movies|shows|series))")


def rule_top_for_all(doc: Doc, s: Sentence) -> None:
    """"landed in the Top 10 for all films globally"."""
    landed = _TOP_FOR_ALL.search(s.text)
    if not landed:
        return
    film = doc.work_at(s.start + landed.start(), s)
    if not film:
        return
    ranking = _ranking(doc, film, f"-{landed.group('w')}", "top-n-for-all", s.text)
    doc.add(ranking, "about", s.text, s.start, "top-n-for-all", 0.6, obj=film)
    doc.add(ranking, "chart", s.text, s.start, "top-n-for-all", 0.6, value=landed.group("c"))
    if re.search(r"\bglobally\b|\bworldwide\b", s.text):
        doc.add(ranking, "scope", s.text, s.start, "top-n-for-all", 0.6, value="global")


_COUNTRIES = re.compile(r"\bin (?P<a>\d+) (?:out )?of (?:the )?(?P<b>\d+) countries")


def rule_countries(doc: Doc, s: Sentence) -> None:
    """"ranked first place on the Top 10 kids overall list on Netflix in 88 out of 93
    countries between Dec.25 and Dec. 31"."""
    m = _COUNTRIES.search(s.text)
    if not m:
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None:
        return
    chart = re.search(r"Top \d+ (?P<w>[a-z]+)?", s.text)
    word = f"-{chart.group('w')}" if chart and chart.group("w") not in (None, "for",
                                                                           "list") else ""
    ranking = _ranking(doc, film, word, "countries-ranked", m.group(0))
    start = s.start + m.start()
    doc.add(ranking, "about", s.text, s.start, "countries-ranked", 0.6, obj=film)
    doc.add(ranking, "countriesRanked", m.group(0), start, "countries-ranked", 0.85,
            value=int(m.group("a")))
    doc.add(ranking, "countriesTotal", m.group(0), start, "countries-ranked", 0.85,
            value=int(m.group("b")))
    named = re.search(rf"(?P<c>Top \d+ [\w ]+? list on (?P<o>{NAME}))", s.text)
    if named:
        doc.add(ranking, "chart", named.group(0), s.start + named.start(), "chart-list",
                0.6, value=named.group("c"))
        org = doc.entity(named.group("o"), "StreamingService", "chart-list", named.group(0))
        doc.add(ranking, "platform", named.group(0), s.start + named.start(),
                "chart-list", 0.6, obj=org)
    if re.search(r"ranked (?:first|#1|number one|No\. 1)", s.text):
        doc.add(ranking, "rank", s.text, s.start, "ranked-first", 0.7, value=1)
    between = re.search(r"between (?P<x>[A-Z][a-z]+\.? ?\d{1,2}) and (?P<y>[A-Z][a-z]+\.? ?"
                        r"\d{1,2})", s.text)
    if between:
        for group, prop in (("x", "startDate"), ("y", "endDate")):
            date = doc.date(between.group(group))
            if date:
                doc.add(ranking, prop, between.group(0), s.start + between.start(),
                        "between-dates", 0.7, value=date)
    said = re.search(rf"According to (?P<o>{NAME})", s.text)
    if said:
        org = doc.entity(said.group("o"), "NewsMediaOrganization", "according-to",
                         said.group(0))
        doc.add(ranking, "reportedBy", said.group(0), s.start + said.start(),
                "according-to", 0.7, obj=org)


_NUMBER_ONE = re.compile(r"\b(?:at|hit|reached|ranked|climbed to|is|was|became the) "
                         r"(?:No\. ?|number |#)(?P<r>\d+|one|two|three)\b(?P<rest>[^.;]{0,80})")


def rule_number_one(doc: Doc, s: Sentence) -> None:
    """"debuted at No. 1 on Netflix's Top 10 English TV list", "ranked No. 3"."""
    m = _NUMBER_ONE.search(s.text)
    if not m or re.search(r"\bcountries\b", s.text):
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None:
        return
    if film not in doc.works_in(s.start, s.start + m.start()) and not re.match(
            r"(?:It|The (?:show|series|film|movie|season|title))\b", s.text):
        return  # "David Fincher’s The Killer held strong … at No. 3": a title not read
    rank = int(m.group("r")) if m.group("r").isdigit() else NUMBER_WORDS[m.group("r")]
    ranking = _ranking(doc, film, "", "rank", m.group(0))
    aside = any(in_aside(doc, s, a, s.start + m.start())
                for a, _b, w in doc.works_in_spans(s.start, s.start + m.start()) if w == film)
    doc.add(ranking, "about", s.text, s.start, "rank", 0.3 if aside else 0.6, obj=film)
    doc.add(ranking, "rank", m.group(0), s.start + m.start(), "rank", 0.7, value=rank)
    chart = re.search(r"(?P<c>Top \d+[\w ()-]*?(?:list|chart)?)(?=[,.;]|$| (?:for|in|on|with|"
                      r"after|this|last)\b)", m.group("rest"))
    if chart:
        doc.add(ranking, "chart", m.group(0), s.start + m.start(), "rank", 0.5,
                value=chart.group("c").strip())


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "top": 1}
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_CHART = re.compile(rf"\b[Tt]he (?P<c>Top \d+ [\w -]*?chart)(?: for the week of (?P<d>{DATE}))?")
_PLACE = re.compile(rf"\b(?P<o>{_ORDINAL}) place(?P<for> for (?:TV|films|movies|series|shows))?"
                    rf"(?: in the (?P<c>[\w -]*?chart) was (?P<after>[“\"‘]?))?", re.IGNORECASE)
_TERRITORIES = re.compile(r"\bthe (?:#|[Nn]umber |No\. ?)(?P<n>\d+|one) (?:Netflix |most[- ])?"
                          r"(?:watched |streamed |viewed )?"
                          r"(?:movie|film|show|series|title) in (?:roughly |about |nearly |around |"
                          r"more than |over )?(?P<c>\d+) (?:territories|countries)")
#: "made the Top 10 in 73 countries", "is also a Top 10 show for Netflix in a whopping 91
#: countries".
_TOP_IN = re.compile(r"\b(?:made the|(?:is|was|remains) (?:also |still )?an?) (?P<chart>Top \d+)"
                     r"(?: (?:show|series|title|film|movie))?(?: for (?P<on>[A-Z][\w+]*))? in "
                     r"(?:a whopping |roughly |about |nearly |around |more than |over )?"
                     r"(?P<c>\d+) (?:territories|countries)")
_RANK_IN = re.compile(r"\b(?:was|is|ranked|ranking|hit|(?:debuted|landed|premiered)(?: on [\w ]{3,30}?)? "
                      r"at) (?:#|No\. ?|number )(?P<n>\d+|one) in (?P<c>\w+) (?:territories|"
                      rf"countries|nations)(?:: (?P<scope>{NAME}(?:(?:,| and|, and) {NAME})*))?")
#: "occupying the top spot in 68 countries", "topping the charts in 91 nations", "it was the
#: most-viewed TV show on the streaming service in 92 nations", "again reaching the Top 10
#: in 93 countries", "charting on the Top 10 in 89 countries": first place (or a place in
#: the Top 10) in so many countries, however the top is said.
_HOW_MANY = (r"(?:a whopping |roughly |about |nearly |around |more than |over )?(?P<c>\d+) "
             r"(?:territories|countries|nations)\b")
_TOP_SPOT_IN = re.compile(
    r"\b(?:(?:occupy|occupie|hold|held|tak|took|claim|secur|grabb|land)(?:s|ed|ing)? the "
    r"(?:top|No\. 1|number one|#1) (?:spot|place|position) |topp(?:ed|ing) |tops |"
    r"(?:was|is|became|remains) the most[- ](?:viewed|watched|streamed|popular) "
    r"(?:[\w-]+ ){1,3}?(?:on (?:the )?[\w ]{3,30}? )?)"
    rf"(?:the (?:charts?|rankings?) )?in {_HOW_MANY}")
_IN_TOP_TEN = re.compile(
    r"\b(?:reach|chart|rank|land|appear|place|feature)(?:s|ed|ing)? (?:on |in |among )?(?:the |a )?"
    rf"(?P<chart>[Tt]op (?:10|ten))(?: (?:lists?|charts?))? in {_HOW_MANY}")
#: "Of 93 nations compiled by FlixPatrol": how many countries the chart counts.
_OF_COUNTRIES = re.compile(r"\b[Oo]f (?:the )?(?P<t>\d+) (?:countries|nations|territories)\b")


def _chart_context(doc: Doc) -> tuple[str, str, int] | None:
    """The chart the article reports on: "the Top 10 English film chart for the week of
    July 24" (name, start date, where)."""
    m = _CHART.search(doc.text)
    if not m:
        return None
    date = doc.date(m.group("d")) if m.group("d") else ""
    return m.group("c"), date or "", m.start("c")


def _new_ranking(doc: Doc, film: str, key: str, quote: str) -> str:
    for n in range(1, 10):
        rid = f"{film}{key}-ranking" + ("" if n == 1 else f"-{n}")
        if not any(c.subject == rid for c in doc.found.values()):
            return doc.derived(rid, "ChartRanking", f"Ranking of {doc.name_of(film)}", "rank",
                               quote)
    return doc.derived(f"{film}{key}-ranking-x", "ChartRanking",
                       f"Ranking of {doc.name_of(film)}", "rank", quote)


#: "in first place in North America", "at No. 1 in China": the territory a rank is in.
_WHERE = re.compile(r" (?:in|across) (?P<w>North America|the (?:U\.S\.|US|UK|United States|"
                    r"United Kingdom)|Canada|China|Japan|India|(?:South )?Korea|France|Germany|"
                    r"Mexico|Australia|Brazil|Italy|Spain|Russia)\b")


_COUNTRIES_CUE = re.compile(r"\bin \d+ (?:out )?of (?:the )?\d+ countries")


def rule_place(doc: Doc, s: Sentence) -> None:
    """"“The Witcher” returned to first place for TV", "Second place in the English film
    chart was “Miraculous: …”", "which received 11.1 million views …, enough for third
    place": the work's rank, on the chart the article reports on."""
    context = _chart_context(doc)
    if _COUNTRIES_CUE.search(s.text):
        return  # rule_countries
    for m in _PLACE.finditer(s.text):
        if re.match(r",? respectively", s.text[m.end():]):
            continue  # rule_respective_places
        if re.search(r"\b(?:last|previous|prior) (?:weekend|week)\b",
                     s.text[m.end():m.end() + 40]):
            continue  # "from the first place perch it held last weekend": a past rank
        rank = _ORD[m.group("o").lower()]
        pos = s.start + m.start()
        if m.group("after") is not None:
            spans = [(a, w) for a, _b, w in doc.work_spans if a == s.start + m.end()]
            film = spans[0][1] if spans else None
        else:
            film = doc.work_at(pos, s)
        if film is None:
            continue
        # "Meanwhile, Dave Chappelle's comedy special slipped to seventh place" in an
        # article about another work: another work's place, left below the floor
        doubt = 0.3 if bound_elsewhere(doc, s, film) else 0.0
        if doubt and m.group("after") is None:
            # "Blade Runner 2049 saw a 54 percent drop … and finished in second place" in
            # a report led by another film: the title the sentence opens with
            subject = subject_work(doc, s, film, "Movie" if box_office_news(doc) else None,
                                   "place")
            if subject is not None:
                film, doubt = subject, 0.0
        ranking = _new_ranking(doc, film, "", m.group(0))
        quote = s.text[m.start():m.end()] if m.group("after") is None else s.text[
            m.start():m.end()].rstrip("“\"‘ ")
        doc.add(ranking, "about", s.text, s.start, "place", 0.6 - doubt, obj=film)
        doc.add(ranking, "rank", quote, pos, "place", 0.7 - doubt, value=rank)
        where = _WHERE.match(s.text, m.end())
        if where is not None:
            # "opening in first place in North America": the territory of the rank
            doc.add(ranking, "scope", s.text[m.start():where.end()], pos, "place", 0.55,
                    value=where.group("w"))
        if m.group("for"):
            doc.add(ranking, "chart", quote, pos, "place", 0.6,
                    value=m.group("for").split()[-1])
        else:
            named = re.search(r"\b(?:[Ii]n|[Oo]n|entered) the [\w -]*?chart", s.text)
            _chart(doc, ranking, s, named, context)


_TOPPED = re.compile(r"\b(?:topped|tops|led|leads|ruled|rules|dominated|dominates|"
                     r"(?:took|takes|claimed|claims) (?:the )?(?:top spot|No\. 1 spot|first place) "
                     r"(?:at|on)) the (?:(?:weekend|domestic|North American|U\.S\.|global|"
                     r"worldwide|international) ){0,2}box[- ]office\b")
_OVER = re.compile(r"\b(?:topping|beating|edging out|edging|dethroning|ahead of) "
                   r"(?:the )?No\. ?(?P<n>\d{1,2}) ")


def rule_box_office(doc: Doc, s: Sentence) -> None:
    """"“The Nun II” topped the box office charts, earning a scary good $32.6 million this
    weekend", "topping No. 2 Warner Bros. superhero blockbuster “Aquaman,”": a weekend's
    box-office rank."""
    if "box" not in s.text and "No." not in s.text:
        return
    for m in _TOPPED.finditer(s.text):
        before = [w for a, b, w in doc.work_spans if s.start <= a < s.start + m.start()
                  and doc.scoping(a, b, w)]
        if not before or re.search(r"\b(?:last|previous|prior) (?:weekend|week)\b",
                                   s.text[m.end():m.end() + 40]):
            continue
        film = before[-1]
        ranking = _new_ranking(doc, film, "", m.group(0))
        quote = doc.text[next(a for a, _b, w in reversed(doc.work_spans) if w == film
                              and a < s.start + m.start()):s.start + m.end()]
        doc.add(ranking, "about", quote, s.start + s.text.find(quote), "topped-box-office",
                0.6, obj=film)
        doc.add(ranking, "rank", quote, s.start + s.text.find(quote), "topped-box-office",
                0.65, value=1)
    for m in _OVER.finditer(s.text):
        gap = re.match(r"(?:[^,;.“\"‘]|\.(?= [a-z])){0,50}[“\"‘]?", s.text[m.end():])
        reach = s.start + m.end() + (gap.end() if gap else 0)
        spans = [(a, b, w) for a, b, w in doc.work_spans if s.start + m.end() <= a <= reach]
        if not spans:
            continue
        _a, b, film = spans[0]
        ranking = _new_ranking(doc, film, "", m.group(0))
        quote = doc.text[s.start + m.start():doc.past_quote(b)]
        doc.add(ranking, "about", quote, s.start + m.start(), "box-office", 0.6, obj=film)
        doc.add(ranking, "rank", quote, s.start + m.start(), "box-office", 0.65,
                value=int(m.group("n")))


#: "“Yo soy Betty, la fea” and “The Queen of Flow: Season 2” are": two quoted titles.
_QUOTED_PAIR = re.compile(r"[“\"](?P<x>[^”\"]{2,80}?),?[”\"] and [“\"](?P<y>[^”\"]{2,80}?),?[”\"]"
                          r"(?= (?:are|were|came|placed|finished|ranked|took|rank)\b)")


def _quoted_works(doc: Doc, s: Sentence, pair: re.Match[str]) -> list[str]:
    """The two works a quoted pair names: each the work found there, else a new work of
    the other's kind (a series for a season)."""
    found: list[str | None] = []
    for group in ("x", "y"):
        at = s.start + pair.start(group)
        spans = [w for a, b, w in doc.works_in_spans(at, s.start + pair.end(group) + 1)
                 if a == at]
        found.append(spans[0] if spans else doc.lookup(pair.group(group)))
    kinds = [doc.type_of(w) for w in found if w is not None]
    if not kinds or not all(k in ("Movie", "TVSeries", "TVSeason") for k in kinds):
        return []
    kind = "TVSeries" if kinds[0] == "TVSeason" else str(kinds[0])
    return [w if w is not None else doc.entity(pair.group(g), kind, "respective-place",
                                               pair.group(0))
            for w, g in zip(found, ("x", "y"))]


_NTH = r"(?:\d{1,2}(?:st|nd|rd|th))"
_RESPECTIVE_PLACES = re.compile(rf"\b(?P<a>{_ORDINAL}|{_NTH}) and (?P<b>{_ORDINAL}|{_NTH})(?P<p> place)?,? "
                                rf"respectively", re.IGNORECASE)


def rule_respective_places(doc: Doc, s: Sentence) -> None:
    """"… for fourth and fifth place, respectively", "while “Yo soy Betty, la fea” and
    “The Queen of Flow: Season 2” are 6th and 9th, respectively": each work named before
    its place, on the chart the article reports on."""
    m = _RESPECTIVE_PLACES.search(s.text)
    if not m:
        return
    pair = _QUOTED_PAIR.search(s.text, 0, m.start())
    works = _quoted_works(doc, s, pair) if pair is not None and \
        pair.end() >= m.start() - 12 else doc.respective(s, s.start + m.start())
    if len(works) != 2:
        return
    context = _chart_context(doc)
    for film, group in zip(works, ("a", "b")):
        word = m.group(group).lower()
        rank = _ORD.get(word) or int(word[:-2])
        if m.group("p") is None:
            # "are 6th and 9th, respectively": places on the chart the article reports on
            first = s.start + pair.start() if pair is not None else min(
                a for a, _b, w in doc.works_in_spans(s.start, s.end) if w in works)
            _listed_place(doc, s, film, rank, first, s.start + m.end(), "respective-place")
            continue
        ranking = _new_ranking(doc, film, "", m.group(0))
        doc.add(ranking, "about", s.text, s.start, "place", 0.6, obj=film)
        doc.add(ranking, "rank", m.group(0), s.start + m.start(), "respective-place", 0.65,
                value=rank)
        named = re.search(r"\b(?:[Ii]n|[Oo]n|entered) the [\w -]*?chart", s.text)
        _chart(doc, ranking, s, named, context)


def _chart(doc: Doc, ranking: str, s: Sentence, named: re.Match[str] | None,
           context: tuple[str, str, int] | None) -> None:
    """The chart of a ranking: the one the article reports on (and its week)."""
    if context is None:
        return
    chart, date, at = context
    if named is not None:
        doc.add(ranking, "chart", named.group(0), s.start + named.start(), "chart-named", 0.55,
                value=chart)
    else:
        near = doc.text[at - 4:at + len(chart)]
        doc.add(ranking, "chart", near.strip(), at - 4, "chart-context", 0.5, value=chart)
    if date:
        where = doc.text.find("the week of", at)
        doc.add(ranking, "startDate", doc.text[at - 4:where + 30].split(" had")[0], at - 4,
                "chart-context", 0.5, value=date)


def rule_territories(doc: Doc, s: Sentence) -> None:
    """"It was the #1 watched movie in roughly 50 territories worldwide, and made the Top
    10 in 73 countries", "was #1 in three countries: Bahrain, Jordan and Lebanon"."""
    for pattern in (_TERRITORIES, _TOP_IN, _RANK_IN, _TOP_SPOT_IN, _IN_TOP_TEN):
        for m in pattern.finditer(s.text):
            film = doc.work_at(s.start + m.start(), s)
            count = NUMBER_WORDS.get(m.group("c").lower()) if not m.group("c").isdigit() \
                else int(m.group("c"))
            if film is None or not count:
                continue
            # "Bridgerton season two is also a Top 10 show …": the season's
            film = season_counted(doc, s, film, m.start()) or \
                season_in_scope(doc, s, film, m.start()) or film
            top_ten = pattern in (_TOP_IN, _IN_TOP_TEN)
            key = "-top-countries" if top_ten else "-countries"
            ranking = _new_ranking(doc, film, key, m.group(0))
            pos = s.start + m.start()
            doc.add(ranking, "about", s.text, s.start, "territories", 0.6, obj=film)
            doc.add(ranking, "countriesRanked", m.group(0), pos, "territories", 0.7,
                    value=count)
            total = _OF_COUNTRIES.search(s.text[:m.start()])
            if total is not None and int(total.group("t")) > count:
                # "Of 93 nations compiled by FlixPatrol, it was the most-viewed … in 92"
                doc.add(ranking, "countriesTotal", s.text[total.start():m.end()],
                        s.start + total.start(), "territories", 0.65,
                        value=int(total.group("t")))
            if pattern is _TOP_IN:
                doc.add(ranking, "chart", m.group(0), pos, "territories", 0.6,
                        value=m.group("chart"))
                service = doc.lookup(m.group("on")) if m.group("on") else None
                if service is not None and is_a(doc.type_of(service) or "", "StreamingService"):
                    doc.add(ranking, "platform", m.group(0), pos, "territories", 0.6,
                            obj=service)
            elif pattern is not _IN_TOP_TEN:  # "charting on the Top 10 in 89 countries":
                # a place in it, no rank
                n = m.groupdict().get("n")
                doc.add(ranking, "rank", m.group(0), pos, "territories", 0.7,
                        value=int(n) if n and n.isdigit() else 1)
            if pattern is _RANK_IN and m.group("scope"):
                doc.add(ranking, "scope", m.group(0), pos, "territories", 0.6,
                        value=m.group("scope"))


_SUPERLATIVE = re.compile(
    rf"\b(?:is|was|became|becomes|becoming|has (?:already |now |also )?become|remains|ranks as|"
    rf"(?P<it>making it|made it)|"
    rf"(?:had |has )?topped the charts? (?:of|for|as)|(?:has )?set a (?:new )?record for)"
    rf"(?: now| officially| already| also| still)? "
    rf"(?:the |(?P<p>{NAME}[’']s )|(?=[‘']))(?:(?P<nth>second|third|fourth|fifth) )?[‘']?"
    rf"(?P<c>(?:most[- ](?:viewed|watched|streamed|rented|popular|successful|in-demand|"
    rf"binged)|most hours viewed|top-grossing|highest-grossing)[’']?(?: [\w’'-]+){{1,12}}?)"
    rf"(?=,|\.|;|$| with\b| after\b| since\b| according\b| to date\b| ever\b| on [A-Z]|"
    rf" between\b| (?:for|in|during) the week\b|"
    rf" this (?:week|weekend|month|year)\b|"
    rf" on the (?:streaming )?(?:platform|service|streamer)\b)"
    rf"(?: on (?P<on>{NAME}))?")
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def rule_superlative(doc: Doc, s: Sentence) -> None:
    """"A new report from Deadline revealed that Descendants: The Rise of Red is now the
    most-viewed premiere for a DCOM in the platform's history", "HBO's most popular
    series of all time", "“The Age of Disclosure,” which became the most-rented
    documentary in its first 48 hours on Amazon Prime Video": a ranking at the top of the
    chart the superlative names, for the work the clause is about (and the streaming
    service it is on)."""
    top_spots = [(t.start(), t.end()) for t in _TOP_SPOT_IN.finditer(s.text)]
    for m in _SUPERLATIVE.finditer(s.text):
        if any(a <= m.start() < b for a, b in top_spots):
            continue  # "the most-viewed TV show … in 92 nations": rule_territories
        named = doc.works_in(s.start, s.start + m.start())
        film = named[-1] if named else None
        if film is None and m.group("it"):
            # "… in its first 19 days, making it the most-watched returning season"
            film = doc.work_at(s.start + m.start(), s)
        pointed = film is None and re.match(r"(?:[^,.;]{3,40}, )?(?:[\w-]+ ){0,3}?[Tt]he "
                                            r"(?:[\w-]+ ){0,2}"
                                            r"(?:show|series|film|movie|thriller|drama|"
                                            r"comedy|documentary|sequel)\b", s.text)
        if pointed:
            # "The supernatural show … quickly became the second most-watched …",
            # "Premiered on April 14, the new Korean-language series was the most-watched …"
            film = doc.work_at(s.start + pointed.end(), s)
        if film is None:
            continue
        spans = [a for a, _b, w in doc.work_spans if w == film and s.start <= a < s.end]
        first = min(spans) if spans else s.start
        # "topped the charts of ‘most-viewed’ show of all time": without the marks
        chart = ((m.group("p") or "") +
                 re.sub(r"^([\w -]+?)[’'](?= )", r"\1", m.group("c"))).strip()
        quote = doc.text[first:s.start + m.end()]
        ranking = _ranking(doc, film, "", "superlative", quote)
        doc.add(ranking, "about", s.text, s.start, "superlative", 0.6, obj=film)
        doc.add(ranking, "rank", quote, first, "superlative", 0.6,
                value=_ORDINALS.get(m.group("nth") or "", 1))
        doc.add(ranking, "chart", quote, first, "superlative", 0.55, value=chart)
        platform = doc.lookup(m.group("on")) if m.group("on") else None
        if platform is None and m.group("p"):
            # "“Troll” was Netflix’s most popular movie": the service's own chart
            platform = doc.lookup(re.sub(r"[’']s $", "", m.group("p")))
        if platform is not None and is_a(doc.type_of(platform), "StreamingService"):
            doc.add(ranking, "platform", quote, first, "superlative", 0.55, obj=platform)
            doc.add(film, "streamingOn", quote, first, "superlative", 0.5, obj=platform)
        said = re.search(SOURCE, s.text[:m.start()]) or re.search(
            SOURCE, s.text[m.end():m.end() + 40])
        if said:
            name = said.group("o") or said.group("o2")
            org = doc.lookup(name)
            if org is not None and is_a(doc.type_of(org), "Organization"):
                doc.add(ranking, "reportedBy", said.group(0), s.start, "superlative", 0.55,
                        obj=org)


_CAME_IN = re.compile(rf"\b(?:[Cc]oming|[Ll]anding|[Ff]inishing|came|landed|finished|"
                      rf"placed)(?: in)? (?P<o>{_ORDINAL})\b(?! place| (?:weekend|week|day|"
                      rf"season|film|movie|time)s?\b)|"
                      rf"\b[Rr]ounding out the top (?P<n>three|five|ten|\d+) (?:was|is)\b")


_CAME_IN_CUE = re.compile(r"\b(?:came|[Cc]oming|[Rr]ounding|[Ll]anding|landed|finished|"
                          r"[Ff]inishing|placed)\b")


def rule_came_in(doc: Doc, s: Sentence) -> None:
    """"Coming in third was the week’s other new major release, Bob’s Burgers", "Downton
    Abbey: A New Era came in fourth with an estimated $5.9 million", "Rounding out the top
    five was Universal’s The Bad Guys": a place on the weekend's box-office chart, in an
    article about the box office."""
    if not _CAME_IN_CUE.search(s.text) or \
            not re.search(r"\bbox[- ]office\b", doc.text, re.IGNORECASE):
        return
    for m in _CAME_IN.finditer(s.text):
        if re.search(r"\b(?:last|previous|prior) (?:weekend|week)\b",
                     s.text[m.end():m.end() + 40]):
            continue
        if m.group("n"):
            rank = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS.get(
                m.group("n").lower(), 0)
        else:
            rank = _ORD[m.group("o").lower()]
        if not rank:
            continue
        pos = s.start + m.start()
        film = doc.work_at(pos, s)
        if film is None:
            continue
        spans = [(a, b) for a, b, w in doc.work_spans if w == film and s.start <= a < s.end]
        if not spans:
            continue  # the work placed is one the sentence names
        a, b = min(spans[0][0], pos), max(doc.past_quote(spans[0][1]), s.start + m.end())
        quote = doc.text[a:b]
        ranking = _new_ranking(doc, film, "-box-office", quote)
        doc.add(ranking, "about", quote, a, "came-in", 0.6, obj=film)
        doc.add(ranking, "rank", quote, a, "came-in", 0.65, value=rank)


_ATOP = re.compile(
    r"\b(?:debuted|debuts|opened|opens|landed|lands|stayed|stays|remained|remains|sat|sits|"
    r"finished|ended up|came in|was|is) (?:at the top of|on top of|atop) (?:the )?"
    r"(?P<c>(?:[\w+-]+ ){0,3}(?:rankings|charts|chart|list|box office))\b")


def rule_atop(doc: Doc, s: Sentence) -> None:
    """"Netflix’s Ginny & Georgia debuted at the top of the streaming rankings for the
    first week of 2023", "'The Royal Treatment' … remained atop the English movies list":
    first place on the chart the sentence names, for the work it names before."""
    for m in _ATOP.finditer(s.text):
        pos = s.start + m.start()
        film = doc.work_at(pos, s)
        spans = [a for a, _b, w in doc.work_spans if w == film and s.start <= a < pos]
        if film is None or not spans or another_subject_between(doc, spans[-1], pos):
            continue
        quote = doc.text[spans[-1]:s.start + m.end()]
        ranking = _new_ranking(doc, film, "", quote)
        doc.add(ranking, "about", quote, spans[-1], "atop", 0.6, obj=film)
        doc.add(ranking, "rank", quote, spans[-1], "atop", 0.6, value=1)
        doc.add(ranking, "chart", m.group(0), pos, "atop", 0.55, value=m.group("c"))


_TOPPED_LIST = re.compile(
    rf"\b(?:has |have |had )?(?:topped|tops|topping) (?:(?P<o>{NAME})[’']s |the )?"
    rf"(?P<c>(?:[A-Z][\w-]*[ -]){{0,4}}Top \d+)(?: (?:list|chart))?(?: in (?P<scope>[^.;:]+?))?(?=[.;]|$| (?:for|with|"
    rf"after|since)\b)")


def rule_topped_list(doc: Doc, s: Sentence) -> None:
    """"The Omar Sy-led series debuted on January 8 and has topped Netflix’s Top 10 list in
    France, the US, Brazil, the Philippines and numerous other countries", "the Korean
    drama series “Business Proposal” topped Netflix's Global Non-English Series Top 10":
    rank 1 on that list, the service that keeps it and where."""
    if "Top " not in s.text:
        return
    for m in _TOPPED_LIST.finditer(s.text):
        pos = s.start + m.start()
        film = doc.work_at(pos, s)
        if film is None:
            continue
        quote = m.group(0)
        ranking = _new_ranking(doc, film, "-top-list", quote)
        doc.add(ranking, "about", s.text, s.start, "topped-list", 0.6, obj=film)
        doc.add(ranking, "rank", quote, pos, "topped-list", 0.65, value=1)
        doc.add(ranking, "chart", quote, pos, "topped-list", 0.6, value=m.group("c"))
        owner = doc.lookup(m.group("o")) if m.group("o") else None
        if owner is not None and is_a(doc.type_of(owner), "StreamingService"):
            doc.add(ranking, "platform", quote, pos, "topped-list", 0.6, obj=owner)
        if m.group("scope"):
            doc.add(ranking, "scope", quote, pos, "topped-list", 0.55,
                    value=m.group("scope").strip())


_ON_SERVICE = re.compile(r"\b(?:on|to) the (?:streaming )?(?:platform|service|streamer)\b|"
                         r"\bthe (?:platform|service|streamer)[’']s\b|"
                         r"\bstreaming (?:platform|service|giant)\b")


def ranking_platform(doc: Doc) -> None:
    """"It debuted on the streaming platform at number one in 83 countries", "Damsel is
    also still the number one Netflix movie in 90 countries": a ranking said in a
    sentence that names a streaming service, or speaks of "the streaming platform", is
    on that service's charts (the one named, else the one the article names most)."""
    services = [mn.entity for mn in doc.out.mentions
                if is_a(doc.type_of(mn.entity), "StreamingService")]
    if not services:
        return
    main = max(set(services), key=services.count)
    has = {c.subject for c in doc.found.values() if c.property == "platform"}
    for c in list(doc.found.values()):
        if c.property != "rank" or c.subject in has or \
                doc.type_of(c.subject) != "ChartRanking":
            continue
        s = doc.sentence_at(c.start, 1)
        if s is None or re.search(r"\bbox[- ]office\b", s.text, re.IGNORECASE):
            continue
        named = [mn.entity for mn in doc.out.mentions if s.start <= mn.start < s.end
                 and is_a(doc.type_of(mn.entity), "StreamingService")]
        pointed = _ON_SERVICE.search(s.text)
        if not named and not pointed:
            continue
        platform = named[0] if named else main
        quote = s.text
        # right 6 times in 10 over the development sets: below the default floor
        doc.add(c.subject, "platform", quote, s.start, "ranking-platform", 0.4, obj=platform)
        has.add(c.subject)


_TOP_ARE = re.compile(
    r"\b(?:[Tt]he )?top (?P<kind>shows|series|films|movies|titles)(?: (?:in|on) (?:the )?"
    r"(?P<scope>U\.S\.|US|UK|U\.K\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?))? (?:were|are) "
    r"(?P<list>[^.;]+(?:\.(?!\s|$)[^.;]*)*)")
_AT_TOP = re.compile(
    r"\b(?:sit|sits|are|were|is|was) at the top of (?:the )?(?P<c>[A-Z][\w+]*(?: [A-Z][\w+]*)* "
    r"Top \d+)(?: list| chart)?(?: as of (?P<d>[A-Z][a-z]+(?: \d{1,2})?))?: (?P<list>.+)$")
_WEEK = re.compile(rf"\b[Ff]or the week of (?P<a>{DATE}) (?:through|to|-|–) (?P<b>{DATE})")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _listed_works(doc: Doc, text: str, kind: str, quote: str) -> list[tuple[int, str]]:
    """The works of a list "Narcos: Mexico season 3, Big Mouth season 5 and You season 3",
    with their places: each a known work, a season of its series, or a new work of the
    kind the list names (an item known as something else is left out, its place kept);
    none if an item is no title."""
    out = []
    items = _LIST_SPLIT.split(text.strip())
    titles = [item.strip(" “”\"‘’,.") for item in items]
    seasons = [re.fullmatch(r"(?P<t>.+?),? [Ss]eason (?P<n>\d{1,2})", t) for t in titles]
    names = [m.group("t") if m else t for m, t in zip(seasons, titles)]
    if not all(name and is_title_case(name) for name in names):
        return []
    for place, (season, name) in enumerate(zip(seasons, names), start=1):
        type_ = "Movie" if kind in ("films", "movies") and not season else "TVSeries"
        found = doc.entity(name, type_, "top-list", quote)
        if not is_a(doc.type_of(found) or "", "CreativeWork"):
            continue
        if season:
            if doc.type_of(found) != "TVSeries":
                continue
            # the season by its own name: "Narcos: Mexico season 3"
            series, n = found, int(season.group("n"))
            found = doc.derived(f"{series}-season-{n}", "TVSeason",
                                f"{doc.name_of(series)} season {n}", "top-list", quote)
            if doc.type_of(found) != "TVSeason":
                continue
            doc.add(found, "partOfSeries", quote, doc.text.find(quote), "top-list", 0.55,
                    obj=series)
            doc.add(found, "seasonNumber", quote, doc.text.find(quote), "top-list", 0.55,
                    value=n)
        out.append((place, found))
    return out


def _as_of(doc: Doc, text: str) -> str | None:
    """"as of Wednesday" in an article of a Wednesday is that day."""
    base = doc.base_date
    if base is not None and text.lower() == base.strftime("%A").lower():
        return base.isoformat()
    return doc.date(text)


def top_lists(doc: Doc) -> None:
    """"For the week of Nov. 8 through Nov. 14, the top shows in the U.S. were Narcos:
    Mexico season 3, Big Mouth season 5 and You season 3.": a ranking of each, ranked in
    the order given, on the chart "top shows", in that scope and week (a list in the
    sentence right after keeps the week); "five Korean original series sit at the top of
    the Netflix Global Top 10 list as of Wednesday: “Karma,” …": the chart of each, no
    rank."""
    week: tuple[str, str, int, str] | None = None
    for s in doc.sentences:
        if "top " not in s.text.lower():
            week = None
            continue
        m = _TOP_ARE.search(s.text)
        if m is not None:
            said = _WEEK.search(s.text)
            if said is not None:
                a, b = doc.date(said.group("a")), doc.date(said.group("b"))
                week = (a, b, s.start, s.text) if a and b else None
            quote = s.text
            works = _listed_works(doc, m.group("list"), m.group("kind"), quote)
            chart = f"top {m.group('kind')}"
            for rank, work in works:
                ranking = _new_ranking(doc, work, "-top-list", quote)
                doc.add(ranking, "about", quote, s.start, "top-list", 0.6, obj=work)
                doc.add(ranking, "rank", quote, s.start, "top-list", 0.6, value=rank)
                doc.add(ranking, "chart", quote, s.start, "top-list", 0.55, value=chart)
                if m.group("scope"):
                    doc.add(ranking, "scope", quote, s.start, "top-list", 0.55,
                            value=m.group("scope"))
                if week is not None:
                    doc.add(ranking, "startDate", week[3], week[2], "top-list", 0.5,
                            value=week[0])
                    doc.add(ranking, "endDate", week[3], week[2], "top-list", 0.5,
                            value=week[1])
            continue
        week = None
        m = _AT_TOP.search(s.text)
        if m is None:
            continue
        quote = s.text
        works = _listed_works(doc, m.group("list"), "series", quote)
        if len(works) < 2:
            continue
        day = _as_of(doc, m.group("d")) if m.group("d") else None
        # "the Netflix Global Top 10": the service that keeps the list
        keeper = doc.lookup(m.group("c").split()[0])
        if keeper is not None and not is_a(doc.type_of(keeper), "StreamingService"):
            keeper = None
        for _place, work in works:
            ranking = _new_ranking(doc, work, "-top-list", quote)
            doc.add(ranking, "about", quote, s.start, "top-list", 0.55, obj=work)
            doc.add(ranking, "chart", quote, s.start, "top-list", 0.55, value=m.group("c"))
            if day:
                doc.add(ranking, "startDate", quote, s.start, "top-list", 0.5, value=day)
            if keeper is not None:
                doc.add(ranking, "platform", quote, s.start, "top-list", 0.5, obj=keeper)


#: "the No. 10 spot", "the #2 spot", "the number one spot", "the top spot": a place said
#: by its number rather than an ordinal, on a spot, slot or position.
_NUMBERED = r"(?:No\. ?|#|number )(?P<k>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
#: Verbs that take or keep a place: "secured", "grabbing", "held on to".
_TAKES = (r"secured|secures|securing|claimed|claims|claiming|captured|captures|capturing|"
          r"took|takes|taking|grabbed|grabs|grabbing|snagged|snags|snag|nabbed|nabs|"
          r"held|holds|holding|held on to|holds on to|maintained|maintains|retained|retains")
_SPOT = re.compile(
    rf"\b(?:{_TAKES}|landed in|lands in|landing in|landed at|came in at|coming in at|"
    rf"finished in|placed) (?:the |its |a )?"
    rf"(?P<o>{_ORDINAL}|{_NTH})(?:-place)? (?:position|spot|place spot|place)\b|"
    rf"\b(?:(?:{_TAKES}|landed|lands|landing|kept|keeps) (?:the |its )|(?:in|at|into|to) the )"
    rf"(?:{_NUMBERED}|(?P<top>top)) (?:position|spot|slot)\b|"
    rf"\b(?:ranked|ranks|ranking) (?P<o2>{_ORDINAL}|{_NTH})\b|"
    rf"\b(?:coming in|came in|comes in|held strong [\w ]{{0,30}}?|remained|stayed|sits|sat) "
    rf"at No\. ?(?P<n>\d{{1,2}})\b", re.IGNORECASE)
#: "on the English-language list", "on Netflix’s all-time English-language TV series list",
#: "on the English Films List": the list named right after a place, without its owner.
_LIST_NAMED = re.compile(r"\b(?:on|in|onto|to) (?:the |[A-Z][\w+]*[’']s )"
                         r"(?P<c>(?:[\w-]+ ){0,4}(?:[Ll]ist|[Cc]hart))\b")


_SPOT_CUE = re.compile(r"\b(?:position|spot|slot|place|ranked|ranks|ranking|No\.)")


def rule_spot(doc: Doc, s: Sentence) -> None:
    """"Part 1 of The Crown Season 6 secured the second position on the English-language
    list", "Scott Pilgrim Takes Off landed in 7th place with 2 million views", "The
    Christmas Chronicles ranked seventh", "coming in at No. 4 with 3.3 million views", a
    place said by its number or as the top, "Baby Reindeer … the No. 10 spot on Netflix’s
    all-time English-language TV series list", "Matilda the Musical the list in the #2
    spot", "The Queen’s Gambit … in the No. 4 spot", "Wednesday … claimed the top spot": the
    work's place, on the list the sentence names, else the chart the article reports on."""
    if not _SPOT_CUE.search(s.text):
        return
    if re.search(r"\bin \d+ (?:out )?of (?:the )?\d+ countries", s.text):
        return  # rule_countries
    context = _chart_context(doc)
    for m in _SPOT.finditer(s.text):
        if _PLACE.match(s.text, m.start("o") if m.group("o") else m.end()):
            continue  # rule_place: "in sixth place"
        if re.match(r",? respectively", s.text[m.end():]) or re.search(
                r"\b(?:last|previous|prior) (?:weekend|week)\b", s.text[m.end():m.end() + 40]):
            continue  # another rule's, or a past rank
        if (m.group("k") or m.group("top")) and _TOP_SPOT_IN.search(s.text):
            continue  # "occupying the top spot in 68 countries": rule_territories
        word = (m.group("o") or m.group("o2") or "").lower()
        if m.group("k"):
            k = m.group("k").lower()
            rank = int(k) if k.isdigit() else NUMBER_WORDS[k]
        elif m.group("top"):
            rank = 1
        else:
            rank = int(m.group("n")) if m.group("n") else _ORD.get(word) or int(word[:-2])
        if not 1 <= rank <= 100:
            continue
        pos = s.start + m.start()
        film = doc.work_at(pos, s)
        if film is None:
            continue
        spans = [(a, b) for a, b, w in doc.work_spans if w == film and s.start <= a < pos]
        if not spans:
            continue  # the work placed is one the sentence names before its place
        if another_subject_between(doc, spans[-1][1], pos):
            continue  # "… and the stand-up special Mike Birbiglia: … claimed the 10th spot"
        a = spans[-1][0]
        quote = doc.text[a:s.start + m.end()]
        ranking = _new_ranking(doc, film, "", quote)
        # a work inside a relative clause before the place is likely not the one placed
        doc.add(ranking, "about", quote, a, "spot", 0.3 if in_aside(doc, s, a, pos) else 0.6,
                obj=film)
        doc.add(ranking, "rank", quote, a, "spot", 0.6, value=rank)
        named = _LIST_NAMED.search(s.text, m.end())
        if named is not None and named.start() - m.end() < 30:
            doc.add(ranking, "chart", doc.text[a:s.start + named.end()], a, "spot", 0.55,
                    value=named.group("c"))
        elif re.search(r"\bbox[- ]office\b", s.text, re.IGNORECASE):
            doc.add(ranking, "chart", s.text, s.start, "spot", 0.5, value="box office")
        else:
            _chart(doc, ranking, s, None, context)


_LEADS = re.compile(
    r"\b(?:to (?:lead|top)|led|leads|topped|tops) (?:all (?:films|movies)(?= in\b| at\b|[,.])|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[’']s box[- ]office\b)")
_WAS_NTH = re.compile(rf"\b(?:was|were|is|finished|placed) (?P<o>{_ORDINAL})(?= with\b|, | at\b)")
_FOLLOWED = re.compile(r"^[^.;]*?,? followed by ")
_ROUNDING = re.compile(r"\b[Rr]ounding out the top (?P<n>\d+|five|ten)\b[^.;]*? (?:were|are) ")


def _ranked(doc: Doc, s: Sentence, film: str, rank: int, a: int, b: int) -> None:
    quote = doc.text[a:b]
    ranking = _new_ranking(doc, film, "-box-office", quote)
    doc.add(ranking, "about", quote, a, "box-office-place", 0.55, obj=film)
    doc.add(ranking, "rank", quote, a, "box-office-place", 0.55, value=rank)
    if re.search(r"\bbox[- ]office\b", s.text, re.IGNORECASE):
        doc.add(ranking, "chart", s.text, s.start, "box-office-place", 0.5, value="box office")


_BOX_OFFICE = re.compile(r"\bbox[- ]office\b", re.IGNORECASE)


def rule_box_office_places(doc: Doc, s: Sentence) -> None:
    """In a box-office article: "“Scream VI” opened with $44.5 million this weekend to lead
    all films in North America" (first), "“Ant-Man and the Wasp: Quantumania” was fourth
    with $7 million …, followed by “Cocaine Bear,”" (fourth, then fifth), "Rounding out
    the top 10 domestic releases … were “Jesus Revolution” ($5.17 million), …, and “Puss
    in Boots: The Last Wish” ($1.65 million)" (the last five places of the ten)."""
    if not _BOX_OFFICE.search(doc.text):
        return
    named = [(a, b, w) for a, b, w in doc.work_spans if s.start <= a < s.end]
    if not named:
        return
    found: list[tuple[int, int]] = []  # (rank, end of its match)
    for pattern in (_LEADS, _WAS_NTH):
        for m in pattern.finditer(s.text):
            if re.search(r"\b(?:last|previous|prior) (?:weekend|week)\b",
                         s.text[m.end():m.end() + 40]):
                continue
            before = [(a, b, w) for a, b, w in named if b <= s.start + m.start()]
            if not before:
                continue
            a, _b, film = before[-1]
            rank = 1 if pattern is _LEADS else _ORD[m.group("o")]
            _ranked(doc, s, film, rank, a, s.start + m.end())
            found.append((rank, s.start + m.end()))
    for rank, end in found:
        follow = _FOLLOWED.match(doc.text[end:s.end])
        if follow is None:
            continue
        after = [(a, b, w) for a, b, w in named
                 if end + follow.end() <= a <= end + follow.end() + 2]
        if after:
            a, b, film = after[0]
            _ranked(doc, s, film, rank + 1, end + follow.start(), doc.past_quote(b))
    rounding = _ROUNDING.search(s.text)
    if rounding is not None:
        m = rounding
        top = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n")]
        listed = [(a, b, w) for a, b, w in named if a >= s.start + m.end()]
        quoted = re.findall(r"[“\"][^”\"]+[”\"]", s.text[m.end():])
        if 0 < len(listed) < top and len(quoted) in (0, len(listed)):
            # each title of the list a work found, or the places would be wrong
            for place, (_a, b, film) in enumerate(listed, start=top - len(listed) + 1):
                _ranked(doc, s, film, place, s.start + m.start(), doc.past_quote(b))


_LED_LIST = re.compile(r"\b(?:topped|tops|led|leads|headed|heads|dominated|dominates) the "
                       r"(?:(?P<c>(?:[\w-]+ ){0,3}?(?:TV|series|shows?|films?|movies?)(?: [\w-]+)? "
                       r"(?:list|chart))\b|(?:list|chart) in the (?P<cat>[A-Z][\w ()-]{2,40}?) "
                       r"category\b)")


def rule_led_list(doc: Doc, s: Sentence) -> None:
    """"Berlin, for the third week running, topped the non-English TV list with 8.7
    million views", "On the film front, Lift, featuring Kevin Hart, led the
    English-language films list", "'Red Notice' topped the list in the Films (English)
    category": first place on that list, for the work named before,
    else the title the sentence opens with (a series for a TV list, a film for a films
    list)."""
    for m in _LED_LIST.finditer(s.text):
        pos = s.start + m.start()
        named = [(a, w) for a, _b, w in doc.works_in_spans(s.start, pos)]
        chart = m.group("c") or m.group("cat")
        kind = "Movie" if re.search(r"\b(?:films?|movies?)\b", chart, re.IGNORECASE) \
            else "TVSeries"
        found = (named[-1][1], named[-1][0]) if named else \
            opening_work(doc, s, kind, "led-list")
        if found is None:
            continue
        film, a = found
        quote = doc.text[a:s.start + m.end()]
        ranking = _new_ranking(doc, film, "", quote)
        doc.add(ranking, "about", quote, a, "led-list", 0.6, obj=film)
        doc.add(ranking, "rank", quote, a, "led-list", 0.6, value=1)
        doc.add(ranking, "chart", quote, a, "led-list", 0.55, value=chart)


_NAMED_CHART = re.compile(r"\b(?:[A-Z][\w-]*[ -]){1,4}Top \d+\b")
#: "“Twenty Five Twenty One” (No. 2)", "Thirty-Nine”(No. 5)": a place given in brackets.
_BRACKETED = re.compile(r"[”\"’]?,? ?\((?:No\. ?|#|number )(?P<n>\d{1,2})\)")
_ROUNDING_UP = re.compile(r"\b[Rr]ounding (?:up|out) the [Tt]op (?P<n>\d+|five|ten) "
                          r"(?:is|was|are|were) ")


def _article_chart(doc: Doc, pos: int) -> str | None:
    """The chart an article about a streamer's weekly Top 10 speaks of: the first one
    named in full before ``pos`` ("Netflix's Global Non-English Series Top 10"), for a
    later "this week’s Top 10"."""
    named = [m.group(0) for m in _NAMED_CHART.finditer(doc.text, 0, pos)
             if m.group(0).split()[0] not in ("The", "This", "A")]
    return named[0] if named else None


def _listed_place(doc: Doc, s: Sentence, film: str, rank: int, a: int, b: int,
                  rule: str) -> None:
    quote = doc.text[a:b]
    # the same place said earlier ("“Business Proposal” topped Netflix's … Top 10", then
    # "“Business Proposal” (No. 1)") is the same ranking
    ranking = next((c.subject for c in doc.found.values() if c.property == "rank"
                    and c.value == rank and (c.subject, "about", film) in doc.found), None) \
        or _new_ranking(doc, film, "", quote)
    doc.add(ranking, "about", quote, a, rule, 0.6, obj=film)
    doc.add(ranking, "rank", quote, a, rule, 0.6, value=rank)
    chart = _article_chart(doc, b)
    if chart is not None:
        doc.add(ranking, "chart", quote, a, rule, 0.5, value=chart)


_TOP_CHART = re.compile(r"\bTop \d+")


def rule_bracketed_places(doc: Doc, s: Sentence) -> None:
    """"The six Korean series in this week’s Top 10 include “Business Proposal” (No. 1),
    “Twenty Five Twenty One” (No. 2), “Forecasting Love & Weather” (No. 4), …": each
    work's place on the chart the article reports on, given in brackets after it."""
    if "(" not in s.text or not _TOP_CHART.search(s.text):
        return
    for a, b, film in doc.works_in_spans(s.start, s.end):
        m = _BRACKETED.match(doc.text, b)
        if m is None:
            continue
        _listed_place(doc, s, film, int(m.group("n")), a, m.end(), "bracketed-place")


def rule_rounding_up(doc: Doc, s: Sentence) -> None:
    """"Rounding up the Top 10 is “Pasión de Gavilanes.”": the last place of the chart,
    for the work named right after, in an article that is not about the box office
    (rule_came_in reads that)."""
    m = _ROUNDING_UP.search(s.text)
    if m is None or re.search(r"\bbox[- ]office\b", doc.text, re.IGNORECASE):
        return
    spans = [(a, b, w) for a, b, w in doc.works_in_spans(s.start, s.end)
             if s.start + m.end() <= a <= s.start + m.end() + 1]
    if not spans:
        return
    n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n")]
    _a, b, film = spans[0]
    _listed_place(doc, s, film, n, s.start + m.start(), doc.past_quote(b), "rounding-up")


RULES = [rule_top_for_all, rule_countries, rule_number_one, rule_place, rule_box_office, rule_respective_places,
         rule_territories, rule_superlative, rule_came_in,
         rule_topped_list, rule_atop, rule_spot, rule_box_office_places, rule_bracketed_places,
         rule_rounding_up, rule_led_list]
#: the article's period last, once every figure and ranking is drafted
DOC_RULES = [top_lists, ranking_platform, article_period]
