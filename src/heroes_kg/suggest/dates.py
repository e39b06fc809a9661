"""Dates and releases: premieres, release dates and months, where a work streams,
resolved against the article's date ("on Tuesday", "April 12", "in April 2024")."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import guess_type
from ._terms import is_a
from ._text import NAME, STOP, WEEKDAYS, Sentence

__all__ = ["RULES"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: "January 4, 2021", "Dec. 31", "April 2024", "Christmas Day 2020", "Friday", "2002".
DATE = (rf"(?:Christmas Day,? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|"
        rf"{_MONTH},? \d{{4}}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        rf"(?:,? {_MONTH} \d{{1,2}}(?:,? \d{{4}})?)?)")


def _date(doc: Doc, text: str) -> str | None:
    m = re.fullmatch(rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
                     rf"(?P<d>{_MONTH} \d{{1,2}}(?:,? \d{{4}})?)", text)
    return doc.date(m.group("d") if m else text)


def rule_premiere(doc: Doc, s: Sentence) -> None:
    """"We Can Be Heroes premiered on Christmas Day 2020": a premiere event with its
    date."""
    m = re.search(rf"\b(?:premiered|premieres|will premiere|debuted|debuts|will debut) "
                  rf"(?:on (?P<o>{NAME}) )?(?:on|in) (?P<d>{DATE})", s.text)
    if not m:
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None:
        return
    date = _date(doc, m.group("d"))
    event = doc.derived(f"{film}-premiere", "Premiere", f"Premiere of {doc.name_of(film)}",
                        "premiered-on", m.group(0))
    doc.add(event, "workFeatured", s.text, s.start, "premiered-on", 0.7, obj=film)
    if date:
        doc.add(event, "startDate", m.group(0), s.start + m.start(), "premiered-on",
                0.8, value=date)


def rule_release(doc: Doc, s: Sentence) -> None:
    """"The film was released in 2002", "will be released on April 12", "hits
    theaters June 7", "arrives on Netflix in April 2024": the work's release date."""
    for m in re.finditer(rf"\b(?:released|releases|release|hits? theaters|hit theaters|"
                         rf"arrives?|arrived|lands?|landed|opens?|opened|streaming|comes? out|"
                         rf"came out|out)(?: (?:on|in|to) (?P<o>{NAME}))?(?: in theaters)?"
                         rf" (?:on |in )?(?P<d>{DATE}|(?:19|20)\d\d)\b", s.text):
        work = doc.work_at(s.start + m.start(), s)
        date = _date(doc, m.group("d"))
        if work is None or date is None:
            continue
        doc.add(work, "datePublished", m.group(0), s.start + m.start(), "released-on", 0.7,
                value=date)


def rule_streaming(doc: Doc, s: Sentence) -> None:
    """"We Can Be Heroes is now streaming on Netflix", "dropped on Netflix"."""
    m = re.search(rf"(?:is (?:now )?streaming|(?:now )?streaming|dropped|premiered|debuted|"
                  rf"premieres|debuts|arrives|lands|is available|available to stream) "
                  rf"(?:exclusively )?on (?P<o>{NAME})", s.text)
    if not m or m.group("o").lower() in WEEKDAYS or m.group("o").split()[0] in STOP:
        return
    name = m.group("o")
    found = doc.lookup(name)
    if found is None and guess_type(name) not in ("StreamingService", "Organization"):
        return
    film = doc.work_at(s.start + m.start(), s)
    if film is None:
        return
    org = doc.entity(name, "StreamingService", "streaming-on", m.group(0))
    if is_a(doc.type_of(org), "Organization"):
        doc.add(film, "streamingOn", s.text, s.start, "streaming-on", 0.7, obj=org)


RULES = [rule_premiere, rule_release, rule_streaming]
