"""Crew: who directed, wrote, produced or created a work, bound to the work the clause
is about (the last work named before it in the sentence, else the work in scope)."""

from __future__ import annotations

import re

from ._doc import Doc
from ._terms import is_a
from ._text import NAME, TITLE, Sentence

__all__ = ["RULES"]

#: The words before "by", and the properties they give.
_ROLES = {
    "directed": ("director",),
    "written": ("screenwriter",),
    "co-written": ("screenwriter",),
    "penned": ("screenwriter",),
    "scripted": ("screenwriter",),
    "produced": ("producer",),
    "co-produced": ("producer",),
    "executive produced": ("executiveProducer",),
    "executive-produced": ("executiveProducer",),
    "created": ("creator",),
    "co-created": ("creator",),
}
_ROLE_WORDS = "|".join(sorted((re.escape(k) for k in _ROLES), key=len, reverse=True))
#: "co-written and directed by", "written, directed and produced by".
_BY = re.compile(rf"\b(?P<roles>(?:{_ROLE_WORDS})(?:(?:,| and|, and) (?:{_ROLE_WORDS}))*) by "
                 rf"(?P<people>{NAME}(?:(?:,| and|, and) {NAME})*)")
#: "writer-director Robert Rodriguez", "director Robert Rodriguez", "producer X".
_TITLE_BEFORE = re.compile(
    rf"\b(?P<role>writer-director|writer/director|director|filmmaker|screenwriter|writer|"
    rf"executive producer|producer|showrunner|creator|co-creator)s? (?P<people>{NAME}"
    rf"(?:(?:,| and|, and) {NAME})*)")
_TITLE_ROLES = {"writer-director": ("director", "screenwriter"),
                "writer/director": ("director", "screenwriter"), "director": ("director",),
                "filmmaker": ("director",), "screenwriter": ("screenwriter",),
                "writer": ("screenwriter",), "executive producer": ("executiveProducer",),
                "producer": ("producer",), "showrunner": ("creator",),
                "creator": ("creator",), "co-creator": ("creator",)}


def _names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]


def _target(doc: Doc, pos: int, s: Sentence) -> str | None:
    works = [(b, w) for a, b, w in doc.work_spans if s.start <= a < pos]
    if works:
        end, work = works[-1]
        if re.search(r"\bsequel\b", doc.text[end:pos], re.IGNORECASE) and \
                doc.type_of(work) == "Movie":
            return doc.sequel_of(work, s)
        return work
    if re.search(r"\bsequel\b", s.text, re.IGNORECASE) and doc.main_film:
        return doc.sequel_of(doc.main_film, s)
    return doc.work_at(pos, s)


def _person(doc: Doc, name: str, rule: str, quote: str) -> str | None:
    name = doc.trim(name)
    if not doc.is_person(name):
        found = doc.lookup(name)
        if found is None or not is_a(doc.type_of(found), "Organization"):
            return None
        return found
    person = doc.entity(name, "Filmmaker", rule, quote)
    return person


def rule_by(doc: Doc, s: Sentence) -> None:
    """"The film was directed by Robert Rodriguez", "co-written and directed by
    Rodriguez", "executive produced by Shonda Rhimes"."""
    for m in _BY.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        roles = re.findall(_ROLE_WORDS, m.group("roles"))
        for name in _names(m.group("people")):
            end = s.text.find(name, m.start("people")) + len(name)
            quote = s.text[m.start():end]
            who = _person(doc, name, "crew-by", quote)
            if who is None:
                continue
            for role in roles:
                for prop in _ROLES[role]:
                    if prop == "producer" and is_a(doc.type_of(who), "Organization"):
                        prop = "productionCompany"  # "produced by Paramount Television"
                    doc.add(work, prop, quote, pos, f"{role.replace(' ', '-')}-by", 0.75,
                            obj=who)


def rule_role_before_name(doc: Doc, s: Sentence) -> None:
    """"a sequel is in development from writer-director Robert Rodriguez", "director
    Robert Rodriguez"."""
    for m in _TITLE_BEFORE.finditer(s.text):
        before = s.text[max(0, m.start() - 12):m.start()]
        if re.search(r"\b(?:former|casting|music|art|photography)\s*$", before):
            continue
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        role = m.group("role")
        for name in _names(m.group("people")):
            end = s.text.find(name, m.start("people")) + len(name)
            quote = s.text[m.start():end]
            who = _person(doc, name, "role-name", quote)
            if who is None or not is_a(doc.type_of(who), "Person"):
                continue
            for prop in _TITLE_ROLES[role]:
                rule = "writer-director" if role.startswith("writer") and \
                    "director" in role else "role-name"
                doc.add(work, prop, quote, pos, rule, 0.7, obj=who)


def rule_directed(doc: Doc, s: Sentence) -> None:
    """"Rodriguez also directed other films including "Machete," "Sin City" and its
    sequel "Sin City: A Dame to Kill For."", "Aside from "We Can Be Heroes,"
    Rodriguez also directed …"."""
    for m in re.finditer(rf"(?P<d>{NAME}) (?:also |previously |has |who |had )?"
                         rf"(?:directed|helmed)\b(?P<rest>.*)", s.text):
        if not doc.is_person(doc.trim(m.group("d"))):
            continue
        director = doc.entity(doc.trim(m.group("d")), "Filmmaker", "directed", m.group(0))
        rest_start = m.start("rest")
        rest = m.group("rest")
        previous: str | None = None
        for a, b, work in doc.work_spans:
            if not (s.start + rest_start <= a and b <= s.end):
                continue
            ra, rb = a - s.start - rest_start, b - s.start - rest_start
            if re.search(r"\b(?:by|with|starring|and (?:starring|written))\b", rest[:ra]) \
                    and not re.search(r"(?:including|like|such as)", rest[:ra]):
                break
            end = rb + (1 if rest[rb:rb + 1] in "\"”’,." else 0)
            end += 1 if rest[end:end + 1] in "\"”’" else 0
            quote = s.text[m.start():rest_start + end]
            doc.add(work, "director", quote, s.start + m.start(), "directed", 0.75,
                    obj=director)
            gap = rest[max(0, ra - 20):ra]
            if previous and re.search(r"\bsequel\b", gap):
                q = rest[max(0, ra - 20):end].strip(" ,")
                doc.add(work, "sequelOf", q, s.start + rest_start + ra - 20, "its-sequel",
                        0.8, obj=previous)
            previous = work
        aside = re.match(rf"Aside from {TITLE}", s.text)
        if aside:
            work = doc.lookup(aside.group("t")) or doc.entity(aside.group("t"), "Movie",
                                                              "directed", aside.group(0))
            doc.add(work, "director", s.text[:m.end("d") + 14], s.start,
                    "aside-from-directed", 0.7, obj=director)


def rule_return_as(doc: Doc, s: Sentence) -> None:
    """"Robert Rodriguez set to return as director and screenwriter"."""
    for m in re.finditer(rf"(?P<d>{NAME}) (?:is )?set to return as (?P<roles>director"
                         r"(?: and (?:screenwriter|writer))?)", s.text):
        target = doc.work_for(s)
        if target is None or not doc.is_person(m.group("d")):
            continue
        person = doc.entity(m.group("d"), "Filmmaker", "return-as", m.group(0))
        doc.add(target, "director", m.group(0), s.start + m.start(), "return-as", 0.75,
                obj=person)
        if "writer" in m.group("roles"):
            doc.add(target, "screenwriter", m.group(0), s.start + m.start(), "return-as",
                    0.75, obj=person)


def rule_behind(doc: Doc, s: Sentence) -> None:
    """"Rodriguez, who is behind "Spy Kids" and "Sharkboy and Lavagirl""."""
    m = re.search(rf"(?P<c>{NAME}),? who (?:is|was) behind (?P<rest>[^.!?]*)", s.text)
    if not m or not doc.is_person(m.group("c")):
        return
    creator = doc.entity(m.group("c"), "Filmmaker", "who-is-behind", m.group(0))
    for title in re.finditer(TITLE, m.group("rest")):
        work = doc.lookup(title.group("t")) or doc.entity(title.group("t"), "Movie",
                                                          "who-is-behind", title.group("t"))
        quote = s.text[m.start():m.start("rest") + title.end()]
        doc.add(work, "creator", quote, s.start + m.start(), "who-is-behind", 0.7,
                obj=creator)


RULES = [rule_directed, rule_by, rule_role_before_name, rule_return_as, rule_behind]
