"""Reports by other publications: "Deadline has confirmed that…", "according to
Deadline", "Per Variety" — a news article of that publisher, about the work in scope."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import PUBLICATIONS
from ._terms import is_a
from ._text import NAME, Sentence

__all__ = ["RULES"]

_REPORT = re.compile(
    rf"(?:\b(?:[Aa]s (?:first )?reported by|[Aa] report (?:from|by)) (?P<p1>{NAME})|"
    rf"(?P<p2>{NAME}) (?:has |have |first |exclusively )?"
    rf"(?:(?:confirmed|revealed|broke the news) that|(?:reports|reported|has learned)"
    rf"(?: that)?(?= [a-z]))|"
    rf",\s(?P<p3>{NAME}) (?:reports|reported)\.?$|"
    rf",\s(?:reports|reported) [‘“\"]?(?P<p4>{NAME})[’”\"]?\.?$)")


def rule_report(doc: Doc, s: Sentence) -> None:
    """"Deadline has confirmed that Netflix are still actively working on a sequel":
    a report by Deadline about the Bright sequel; "Deadline reports the network has cast
    …", "…, Variety reports.", "…, reports ‘Variety’"."""
    for m in _REPORT.finditer(s.text):
        name = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p4")
        found = doc.lookup(name)
        if found is not None and not is_a(doc.type_of(found), "NewsMediaOrganization"):
            continue
        if found is None and name.lower() not in PUBLICATIONS:
            continue
        if m.group(0).startswith(("told", "Told")):
            continue
        pos = s.start + m.start()
        work = _about(doc, s, pos)
        if work is None:
            continue
        publisher = found or doc.entity(name, "NewsMediaOrganization", "report", m.group(0))
        report = doc.derived(f"{doc.short(publisher)}-{work}-report", "NewsArticle",
                             f"{doc.name_of(publisher)} report on {doc.name_of(work)}",
                             "report", s.text)
        doc.add(report, "publisher", m.group(0), pos, "report", 0.7, obj=publisher)
        doc.add(report, "about", s.text, s.start, "report", 0.55, obj=work)


def _about(doc: Doc, s: Sentence, pos: int) -> str | None:
    derived = [w for a, _b, w in doc.work_spans if s.start <= a < s.end
               and re.search(r"-(?:sequel|reboot|remake|prequel|season-\d+)$", w)]
    if derived:
        return derived[0]
    works = doc.works_in(s.start, s.end)
    if works:
        return works[0]
    base = doc.work_before(pos, s)
    if base and re.search(r"\bsequel\b", s.text) and doc.type_of(base) == "Movie":
        return doc.sequel_of(base, s)
    return base


RULES = [rule_report]
