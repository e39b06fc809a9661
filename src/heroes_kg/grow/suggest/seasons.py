"""Seasons and renewals: who renewed a series for which season, as the facts model it
(a TVSeason with partOfSeries, seasonNumber, greenlitBy and developmentStatus)."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import guess_type
from ._terms import is_a
from ._text import NAME, NUMBER_WORDS, Sentence
from .works import season_of

__all__ = ["RULES"]

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
    rf"(?:renewed|ordered|greenlit|green-lit|picked up|commissioned|brought back) by "
    rf"(?P<o>{NAME})(?P<rest>[^.;]{{0,40}}?\bfor (?:an?|its|their) (?P<n>{_ORDINALS}) "
    rf"(?:season|series)\b)?")


def rule_renewed_by(doc: Doc, s: Sentence) -> None:
    """"The series was renewed by Starz for a second season in May": the season (else
    the series) is greenlit by the company named."""
    for m in _RENEWED_BY.finditer(s.text):
        pos = s.start + m.start()
        org = _organization(doc, m.group("o"), "renewed-by", m.group(0))
        work = doc.work_at(pos, s)
        if org is None or work is None:
            continue
        series = doc.series_of(work)
        if m.group("n") and series and doc.type_of(series) == "TVSeries":
            n = _ORDINAL[m.group("n")]
            quote = s.text[:m.end()] if m.end() <= 160 else m.group(0)
            start = s.start if m.end() <= 160 else pos
            work = season_of(doc, series, n, quote)
            doc.add(work, "partOfSeries", quote, start, "renewed-by", 0.7, obj=series)
            doc.add(work, "seasonNumber", quote, start, "renewed-by", 0.7, value=n)
            doc.add(work, "developmentStatus", quote, start, "renewed-by", 0.7,
                    value="renewed")
            doc.add(work, "greenlitBy", quote, start, "renewed-by", 0.7, obj=org)
        elif doc.type_of(work) in ("TVSeries", "TVSeason"):
            doc.add(work, "greenlitBy", m.group(0), pos, "renewed-by", 0.6, obj=org)


_SEASONS = re.compile(
    rf"\b(?:the (?P<k>two|three|four|five|both) (?:shows|series)|both (?:shows|series)) "
    rf"(?:(?:will|would|have|has|had|all|also|each) ){{0,2}}(?:receive|received|get|got|"
    rf"earn|earned|be renewed for|been renewed for) (?P<n>{_ORDINALS}) seasons\b"
    rf"(?: (?:on|from|at) (?P<o>{NAME}))?")


def rule_plural_renewal(doc: Doc, s: Sentence) -> None:
    """"the three shows will receive second seasons on HBO and HBO MAX": a season of that
    number for each of the series named last, greenlit by the company named."""
    m = _SEASONS.search(s.text)
    if m is None:
        return
    count = 2 if m.group(0).startswith("both") or m.group("k") == "both" else \
        NUMBER_WORDS[m.group("k")]
    series: list[str] = []
    for _a, _b, w in reversed([sp for sp in doc.work_spans if sp[0] < s.start + m.start()]):
        if doc.type_of(w) == "TVSeries" and w not in series:
            series.append(w)
        if len(series) == count:
            break
    if len(series) != count:
        return  # which shows, if not all of them are named?
    n = _ORDINAL[m.group("n")]
    org = _organization(doc, m.group("o"), "plural-renewal", s.text) if m.group("o") else None
    for one in reversed(series):
        season = season_of(doc, one, n, s.text)
        doc.add(season, "partOfSeries", s.text, s.start, "plural-renewal", 0.65, obj=one)
        doc.add(season, "seasonNumber", s.text, s.start, "plural-renewal", 0.65, value=n)
        if org:
            doc.add(season, "greenlitBy", s.text, s.start, "plural-renewal", 0.65, obj=org)


RULES = [rule_renewed_by, rule_plural_renewal]
