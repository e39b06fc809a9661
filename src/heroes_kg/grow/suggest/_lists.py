"""Lists of people, as cast and crew sentences write them.

"Brian Cox, Jeremy Strong, … and Rob Yang", "Jenna Ortega as the lead along with Catherine
Zeta-Jones, Luis Guzmán …", "Odin (Ian McShane) and Media", "David Slade, Adam Kane, and
Gaiman": names joined by commas, "and", "as well as", "along with" or "plus" (Oxford
comma or not), each with an optional character ("as Shadow Moon", "(Shadow Moon)",
"(“Bean”)"); a
surname alone stands for the person named so earlier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ._doc import WORK_TYPES, Doc
from ._terms import is_a
from ._text import NAME, STOP, Sentence

__all__ = ["PERSON", "Listed", "PeopleLists", "listed_work", "read_people", "the_sequel",
           "trim_name"]

#: A person's name, with the lowercase particles some have: "Ana de Armas", "Dick Van
#: Dyke", "Ludwig van Beethoven".
PERSON = (rf"{NAME}(?: [“\"][A-Z][\w.]*(?: [A-Z][\w.]*)?[”\"] {NAME})?"
          rf"(?: (?:de|da|di|del|della|van|von|der|den|la|le|du|dos|das|bin|al) {NAME})?"
          rf"(?:,? (?:Jr|Sr)\.|,? (?:II|III|IV)\b|(?<=\bJr)\.|(?<=\bSr)\.)?")
_SEP = re.compile(r"(?:,? (?:and|as well as|along with|plus|alongside)|,) (?:the late )?")
_ITEM = re.compile(rf"(?:the late )?(?P<n>{PERSON})(?: as (?P<r>{NAME})| \([“\"‘]?(?P<p>{NAME})"
                   rf"[”\"’]?\))?")


_CREDITS = re.compile(r" \(([^()]{1,80})\)")


@dataclass
class Listed:
    """One person of a list: the name as written, where it is (in the article) and the
    character given with it, if any."""

    name: str
    start: int
    end: int
    character: str | None = None
    #: The character was given in brackets ("Abbi Jacobson (“Bean”)"), not after "as".
    bracketed: bool = False
    #: Works the person is known for followed in brackets ("Idris Elba (Thor: Ragnarok,
    #: Pacific Rim)").
    credited: bool = False


def _person_name(doc: Doc, name: str) -> bool:
    found = doc.lookup(name)
    if found is not None:
        return is_a(doc.type_of(found), "Person")
    return doc.is_person(name)


_HYPHENATED_START = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+ [A-Z]")


def trim_name(doc: Doc, name: str) -> str:
    """The name without the words before it (:meth:`Doc.trim`), but a hyphenated first
    name kept whole: "Mychal-Bella Bowman", not "Bowman"."""
    if _HYPHENATED_START.match(name):
        return name
    return doc.trim(name)


def read_people(doc: Doc, start: int, end: int) -> list[Listed]:
    """The people listed from ``start`` (an offset in the article) on, up to ``end`` at
    most: the list stops at the first item that is not a person's name, or at anything
    else than a separator between two names."""
    text = doc.text[:end]
    out: list[Listed] = []
    pos = start
    while True:
        m = _ITEM.match(text, pos)
        if m is None:
            break
        name = trim_name(doc, m.group("n"))
        if (name.split()[0] in STOP and (len(name.split()) == 1 or name.split()[1] in STOP)) \
                or not _person_name(doc, name):  # "Will Poulter" is a name, "The Film" not
            break
        character = m.group("r") or m.group("p")
        if character and (doc.type_of(doc.lookup(character)) in WORK_TYPES or any(
                a <= m.start("r" if m.group("r") else "p") < b for a, b, _w in doc.work_spans)
                or _person_name(doc, character)):
            character = None  # "Greg Kinnear (Brigsby Bear)": an earlier credit
        at = m.start("n") + m.group("n").rfind(name)
        out.append(Listed(name, at, m.end("n"), character,
                          character is not None and not m.group("r")))
        after = m.end()
        if not m.group("p"):
            # "Eiza González (Baby Driver, Alita: Battle Angel), Vanessa Kirby (…)": each
            # name's earlier credits in brackets, which the list reads past
            credits = _CREDITS.match(text, after)
            if credits is not None and (", " in credits.group(1) or ": " in credits.group(1)
                                        or doc.works_in(credits.start(1), credits.end(1))):
                after = credits.end()
                out[-1].credited = True
        sep = _SEP.match(text, after)
        if sep is None:
            break
        pos = sep.end()
    return out


_NAME_RE = re.compile(NAME)


class PeopleLists:
    """The lists of people a sentence names, in order, each read from its first name
    with :func:`read_people`: ``for m, people in PeopleLists(doc, s)`` (``m`` the first
    name's match in the sentence). A rule that reads on past a list (its verb, the title
    after it, more people "along with" it) sets ``skip`` to where it stopped, so that no
    list starts inside what it has read."""

    def __init__(self, doc: Doc, s: Sentence) -> None:
        self.doc, self.s = doc, s
        #: No list starts before this offset (in the article).
        self.skip = s.start

    def __iter__(self) -> Iterator[tuple[re.Match[str], list[Listed]]]:
        for m in _NAME_RE.finditer(self.s.text):
            at = self.s.start + m.start()
            if at < self.skip:
                continue
            people = read_people(self.doc, at, self.s.end)
            if not people:
                continue
            self.skip = people[-1].end
            yield m, people


def listed_work(doc: Doc, pos: int, s: Sentence) -> str | None:
    """The work a list at ``pos`` is about, more cautiously than the work in scope: one
    named in the sentence, or the article's main work; "on the series" with no work named
    is the main work. A list of names is too costly to bind to a guess."""
    work = doc.work_at(pos, s)
    if work is not None and (work in doc.works_in(s.start, s.end) or
                             doc.series_of(work) == doc.main_film or work == doc.main_film):
        return work
    if doc.main_film and re.search(r"\b(?:the|this) (?:series|show|film|movie)\b", s.text):
        return doc.main_film
    return None


def the_sequel(doc: Doc, work: str | None) -> str | None:
    """The work named in the text for "the sequel" the rules derived: "Top Gun: Maverick"
    for the sequel of "Top Gun"; the article's own work where the text calls it a sequel
    ("Jurassic World: Fallen Kingdom, the sequel to … Jurassic World", then "The sequel
    also stars …"). Any other work unchanged."""
    main = doc.main_film
    if work is None or not work.endswith("-sequel") or work not in doc.new:
        return work
    base = work[:-len("-sequel")]
    titled = {w for _a, _b, w in doc.work_spans if doc.type_of(base) is not None and
              doc.name_of(w).lower().startswith(doc.name_of(base).lower() + ":")}
    if len(titled) == 1:
        return titled.pop()  # "Top Gun: Maverick", the sequel of "Top Gun" the text names
    if main is not None and base == main:
        named = re.escape(doc.name_of(main))
        if re.search(rf"{named},?[”\"’]?,? (?:is )?(?:the|a) (?:[\w$.“”\"-]+ ){{0,6}}?sequel to\b",
                     doc.text):
            return main
    return work
