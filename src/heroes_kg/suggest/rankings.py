"""Chart rankings: "ranked first place on the Top 10 kids list in 88 out of 93
countries", "landed in the Top 10 for all films", "No. 1 on Netflix's Top 10"."""

from __future__ import annotations

import re

from ._doc import Doc
from ._text import NAME, NUMBER_WORDS, Sentence

__all__ = ["RULES"]


def _ranking(doc: Doc, film: str, word: str, rule: str, quote: str) -> str:
    return doc.derived(f"{film}{word}-ranking", "ChartRanking",
                       f"Ranking of {doc.name_of(film)}", rule, quote)


def rule_top_for_all(doc: Doc, s: Sentence) -> None:
    """"landed in the Top 10 for all films globally"."""
    landed = re.search(r"(?:landed|ranked|made) (?:in )?(?:the )?(?P<c>Top \d+ for all "
                       r"(?P<w>films|movies|shows|series))", s.text)
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


def rule_countries(doc: Doc, s: Sentence) -> None:
    """"ranked first place on the Top 10 kids overall list on Netflix in 88 out of 93
    countries between Dec.25 and Dec. 31"."""
    m = re.search(r"\bin (?P<a>\d+) (?:out )?of (?:the )?(?P<b>\d+) countries", s.text)
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


def rule_number_one(doc: Doc, s: Sentence) -> None:
    """"debuted at No. 1 on Netflix's Top 10 English TV list", "ranked No. 3"."""
    m = re.search(r"\b(?:at|hit|reached|ranked|climbed to|is|was|became the) "
                  r"(?:No\. ?|number |#)(?P<r>\d+|one|two|three)\b(?P<rest>[^.;]{0,80})",
                  s.text)
    if not m or re.search(r"\bcountries\b", s.text):
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None:
        return
    rank = int(m.group("r")) if m.group("r").isdigit() else NUMBER_WORDS[m.group("r")]
    ranking = _ranking(doc, film, "", "rank", m.group(0))
    doc.add(ranking, "about", s.text, s.start, "rank", 0.6, obj=film)
    doc.add(ranking, "rank", m.group(0), s.start + m.start(), "rank", 0.7, value=rank)
    chart = re.search(r"(?P<c>Top \d+[\w ()-]*?(?:list|chart)?)(?=[,.;]|$| (?:for|in|on|with|"
                      r"after|this|last)\b)", m.group("rest"))
    if chart:
        doc.add(ranking, "chart", m.group(0), s.start + m.start(), "rank", 0.5,
                value=chart.group("c").strip())


RULES = [rule_top_for_all, rule_countries, rule_number_one]
