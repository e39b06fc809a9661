"""Crew: who directed, wrote, produced or created a work, bound to the work the clause
is about (the last work named before it in the sentence, else the work in scope)."""

from __future__ import annotations

import re

from ._doc import WORK_TYPES, Doc
from ._lists import PeopleLists, listed_work, read_people
from ._names import (
    FIRST_NAMES,
    KNOWN_NAMES,
    NATIONALITIES,
    NETWORKS,
    STREAMERS,
    guess_type,
    is_place_or_award,
)
from ._terms import is_a
from ._text import NAME, TITLE, TITLE_WORDS, Sentence, shared_surname, verbs

__all__ = ["RULES"]

#: The words before "by", and the properties they give.
_ROLES = {
    "directed": ("director",),
    "co-directed": ("director",),
    "helmed": ("director",),
    "written": ("screenwriter",),
    "co-written": ("screenwriter",),
    "penned": ("screenwriter",),
    "scripted": ("screenwriter",),
    "produced": ("producer",),
    "co-produced": ("producer",),
    "executive produced": ("executiveProducer",),
    "executive-produced": ("executiveProducer",),
    # the trade press's shorthand: "created and exec produced by Todd A. Kessler, Daniel
    # Zelman and Glenn Kessler" (each a creator and an executive producer, not a producer)
    "exec produced": ("executiveProducer",),
    "exec-produced": ("executiveProducer",),
    "created": ("creator",),
    "co-created": ("creator",),
    "a script": ("screenwriter",),
    "the script": ("screenwriter",),
    "script": ("screenwriter",),
    "a screenplay": ("screenwriter",),
    "screenplay": ("screenwriter",),
    "teleplay": ("screenwriter",),
    "released": ("publisher",),
    "distributed": ("publisher",),
}
_ROLE_WORDS = "|".join(sorted((re.escape(k) for k in _ROLES), key=len, reverse=True))
#: "co-written and directed by", "written, directed and produced by".
_BY = re.compile(rf"\b(?P<roles>(?i:(?:{_ROLE_WORDS})(?:(?:,| and|, and) (?:{_ROLE_WORDS}))*))"
                 # "The script, by Taylor Jenkins Reid and Alex Jenkins Reid, centers on …"
                 rf"(?:(?<=script),|(?<=screenplay),|(?<=teleplay),)? by "
                 rf"(?:(?:its|their|the series[’']|the show[’']s|the film[’']s) (?P<also>creator|"
                 rf"co-creator|director|showrunner|writer)s? )?"
                 # "directed by Emmy winner, Greg Barker", "by her son Jacob Bernstein"
                 rf"(?:(?:[A-Z][\w-]+ )?(?:winner|nominee|filmmaker|documentarian|veteran|"
                 rf"newcomer|auteur|maestro),? |(?:his|her|their) (?:son|daughter|wife|"
                 rf"husband|brother|sister|father|mother|partner) )?"
                 rf"(?P<people>{NAME}(?:(?:,| and|, and) {NAME})*"
                 rf"(?:(?: for {NAME})?;(?: and)? {NAME}(?:(?:,| and|, and) {NAME})*)*)")
#: What is written or produced that is not a work: "new solos written by Olivia Rodrigo".
_NOT_WORK = re.compile(r"\b(?:songs?|solos?|music|lyrics|score|books?|novels?|letters?|essays?|"
                       r"posts?|statements?|articles?|memoirs?|poems?|plays?|tweets?|op-eds?|"
                       r"columns?|albums?|singles?)(?: \w+)?\s$")
#: A book named in the clause before "written by" / "penned by", no work between.
_WRITTEN_BOOK = re.compile(r"\b(?:novels?|books?|stories|comics?|memoirs?)\b(?: (?:based on|about|"
                           r"of|by|from|set in|featuring|and|[a-z]+ed)| [A-Z][\w’'-]*){0,8} "
                           r"(?:and )?$")
#: "writer-director Robert Rodriguez", "director Robert Rodriguez", "producer X".
_TITLE_BEFORE = re.compile(
    rf"\b(?P<role>writer-director|writer/director|director|filmmaker|helmer|screenwriter|co-writer|writer|"
    rf"executive producer|producer|showrunner|creator|co-creator)s? (?P<people>{NAME}"
    rf"(?:(?:,| and|, and) {NAME})*)")
_TITLE_ROLES = {"writer-director": ("director", "screenwriter"),
                "writer/director": ("director", "screenwriter"), "director": ("director",),
                "filmmaker": ("director",), "helmer": ("director",),
                "screenwriter": ("screenwriter",),
                "writer": ("screenwriter",), "co-writer": ("screenwriter",),
                "executive producer": ("executiveProducer",),
                "producer": ("producer",), "showrunner": ("creator",),
                "creator": ("creator",), "co-creator": ("creator",)}


_NAME_SEPARATOR = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)")


def _names(text: str, doc: Doc | None = None) -> list[str]:
    """"Matt and Ross Duffer" -> Matt Duffer, Ross Duffer: a first name alone before a
    full name shares its surname, unless it is the surname of someone the article named
    ("penned by Lanthimos and Efthimis Filippou")."""
    parts = _NAME_SEPARATOR.split(text)
    names, seps = [p.strip() for p in parts[0::2]], parts[1::2]
    out = []
    for i, name in enumerate(names):
        if i < len(seps) and seps[i].strip() == "and" and not (
                doc is not None and is_a(doc.type_of(doc.lookup(name)), "Person")):
            # only "X and Y Z" shares a surname, not "Evans, Swedlin"
            name = shared_surname([name, names[i + 1]])[0]
        if name:
            out.append(name)
    return out


_FUTURE_CUE = re.compile(r"\b(?:will|would|is set to|are set to)\b")


#: A fronted credit clause, then a phrase pointing back to the work in scope: "Produced by
#: Aditya Chopra and written-directed by Ali Abbas Zafar, the film marks …".
_POINTER_AFTER_CREDITS = re.compile(r"\b(?:by|and) [A-Z][^,;.()“”\"]{2,60}, (?P<p>(?:the|this|that) "
                                    r"(?:[\w-]+ )?(?:film|movie|series|show|sequel|drama|"
                                    r"comedy|thriller|documentary))\b")


def _target(doc: Doc, pos: int, s: Sentence) -> str | None:
    if _FUTURE_CUE.search(doc.text[pos:pos + 40]) and \
            not [w for a, _b, w in doc.work_spans if s.start <= a < pos]:
        # "Ayer will continue on as producer": the coming work in scope.
        coming = doc.upcoming(pos, s)
        if coming is not None:
            return coming
    fronted = re.match(r"(?:Directed|Written|Co-written|Produced|Executive produced|"
                       r"Created|Starring|Based)\b", s.text)
    pointer = _POINTER_AFTER_CREDITS.search(s.text, 0, 160) if fronted else None
    if pointer is not None and pos < s.start + pointer.start("p"):
        return doc.work_before(pos, s)
    if pos == s.start and fronted:
        # "Directed by Scott Waugh (“Need for Speed”), “Hidden Strike” was …": the work
        # named after the clause, not the one in parentheses; "Produced by Aditya Chopra
        # and written-directed by Ali Abbas Zafar, the film marks the actor's return …
        # after the 2012 blockbuster “Ek Tha Tiger”": the film in scope, which the
        # clause after the names points back to, not an earlier work named later.
        depth, later = 0, []
        for a, _b, w in doc.work_spans:
            if s.start <= a < s.end:
                depth = doc.text[s.start:a].count("(") - doc.text[s.start:a].count(")")
                if depth == 0:
                    later.append(w)
        if later:
            return later[0]
        line = doc.paragraph_at(pos, 1)
        if line is not None and line.text.strip() == s.text.strip():
            # "Nitram (Australia)" over "Directed by Justin Kurzel", each on a line of its
            # own (a festival's list of awards): the work of the lines just before, or
            # none, never the article's main work
            at = doc.paragraphs.index(line)
            for prev in reversed(doc.paragraphs[max(0, at - 2):at]):
                named = [w for a, _b, w in doc.work_spans if prev.start <= a < prev.end]
                if named:
                    return named[-1]
                if prev.text.rstrip().endswith(":"):
                    break
            return None
    # Not a title in brackets that close before the clause: "Scott Waugh (Need for Speed)".
    # In a list of items set apart by semicolons, not a work of an item before the
    # clause's own: "… Barbara Kopple's Desert One, chronicling …; And We Go Green, about
    # racers …, directed by Fisher Stevens" (a title no rule read)
    item = s.text.rfind("; ", 0, pos - s.start) if s.text.count("; ") >= 2 else -1
    lower = s.start + item + 2 if item >= 0 else s.start
    works = [(b, w) for a, b, w in doc.work_spans if lower <= a < pos
             and doc.text[a:pos].count(")") <= doc.text[a:pos].count("(")]
    if item >= 0 and not works:
        return None
    if works:
        end, work = works[-1]
        if re.search(r"\bsequel\b", doc.text[end:pos], re.IGNORECASE) and \
                doc.type_of(work) == "Movie":
            return doc.sequel_of(work, s)
        return work
    if re.search(r"\bsequel\b", s.text, re.IGNORECASE) and doc.main_film and not re.search(
            r" (?:[2-9]|II|III|IV)$", doc.name_of(doc.main_film)):
        return doc.sequel_of(doc.main_film, s)  # not of "IT 2", the sequel itself
    after = [a for a, _b, _w in doc.work_spans if pos <= a < s.end]
    if after and all(doc.text[s.start:a].count("(") > doc.text[s.start:a].count(")")
                     for a in after):
        # "It is directed by Emmy winner, Greg Barker (HBO’s Manhunt)": the work in scope,
        # not the earlier credit in brackets
        return doc.work_before(pos, s)
    return doc.work_at(pos, s)


_OWNER_SPLIT = re.compile(r"[’']s (?=[A-Z])")


def _person(doc: Doc, name: str, rule: str, quote: str, companies: bool = False) -> str | None:
    """Who ``name`` is: a person, or a company the words of its name say is one ("New
    Line Cinema", "20th Television"); with ``companies`` (it is listed with one), any
    name that does not open with a first name ("Bad Wolf and New Line Cinema"); the
    company, not its owner, in "Simon Chinn’s Lightbox Entertainment"."""
    owned = _OWNER_SPLIT.split(name.strip())
    if len(owned) == 2 and is_a(guess_type(owned[1]), "Organization") and \
            doc.is_person(owned[0]):
        name = owned[1]
    elif len(owned) == 2 and doc.is_person(owned[0]) and doc.lookup(name) is None:
        return None  # "produced by Leonardo DiCaprio; and Eva Orner's Bikram: Yogi, …":
        # someone's work, the next item of a list, is no one
    kind = guess_type(name.strip())
    if (doc.lookup(name) is None or doc.is_guess(doc.lookup(name))) and (
            (is_a(kind, "Organization") and not is_a(kind, "NewsMediaOrganization")) or (
            companies and name.split()[0].lower() not in FIRST_NAMES
            and 2 <= len(name.split()) <= 4)):
        org_kind = kind if is_a(kind, "Organization") else "ProductionCompany"
        return doc.entity(name.strip(), org_kind, rule, quote)
    name = doc.trim(name)
    last = re.split(r"[’']s ", name)[-1]
    if " " not in last and "-" in last and doc.lookup(last) is None:
        return None  # "directed by Marvin Kren; ZDF’s German-Czech co-production": one
        # hyphenated word is no one's full name
    if not doc.is_person(name):
        found = doc.lookup(name)
        if found is None or not is_a(doc.type_of(found), "Organization"):
            return None
        return found
    person = doc.entity(name, "Filmmaker", rule, quote)
    return person


def rule_by(doc: Doc, s: Sentence) -> None:
    """"The film was directed by Robert Rodriguez", "co-written and directed by
    Rodriguez", "executive produced by Shonda Rhimes", "is executive-produced by its
    creator Tim Federle", "will be executive produced by Pullman, Thorne, and Hooper;
    Tranter, Dan McCulloch, and Julie Gardner for Bad Wolf; …"; not "new solos written by Olivia Rodrigo"."""
    for m in _BY.finditer(s.text):
        pos = s.start + m.start()
        if _NOT_WORK.search(s.text[:m.start()]):
            continue
        if _WRITTEN_BOOK.search(s.text[max(0, m.start() - 80):m.start()]) and \
                re.match(r"(?i)(?:co-)?(?:written|penned)\b", m.group("roles")):
            continue  # "an adaptation of hit French novels based on Arsene Lupin and penned
            # by Maurice Leblanc": the books' author, no screenwriter
        work = _target(doc, pos, s)
        if work is None:
            continue
        roles = re.findall(_ROLE_WORDS, m.group("roles").lower())
        if m.group("also"):
            # "executive-produced by its creator Tim Federle"
            roles.append({"creator": "created", "co-creator": "created", "director": "directed",
                          "showrunner": "created", "writer": "written"}[m.group("also")])
        # "executive produced by A, B, and C; D and E for Bad Wolf; …": every group
        people = re.sub(rf" for {NAME}", "", m.group("people")).replace("; and ", ", ")
        listed = _names(people.replace(";", ","), doc)
        companies = len(listed) > 1 and any(
            is_a(guess_type(n), "Organization") and not is_a(guess_type(n), "NewsMediaOrganization")
            for n in listed)
        for name in listed:
            end = m.end("people") if s.text.find(name, m.start("people")) < 0 else \
                s.text.find(name, m.start("people")) + len(name)
            if doc.work_span_at(s.start + end - len(name), s.start + end):
                break  # "Directed by Paul Thomas Anderson, One Battle After Another
                # features …": the title the clause is set before, and no more people
            quote = s.text[m.start():end]
            if any(r in ("released", "distributed") for r in roles):
                # "will be released by Disney’s 20th Century Studios": the company
                org_name = re.split(r"[’']s ", name)[-1]
                kind = doc.type_of(doc.lookup(org_name)) or guess_type(org_name)
                if is_a(kind, "Organization") and not is_a(kind, "NewsMediaOrganization"):
                    org = doc.entity(org_name, kind, "released-by", quote)
                    doc.add(work, "publisher", quote, pos, "released-by", 0.6, obj=org)
                continue
            who = _person(doc, name, "crew-by", quote, companies and any(
                r in ("produced", "co-produced") for r in roles))
            if who is None:
                continue
            for role in roles:
                for prop in _ROLES[role]:
                    if prop == "producer" and is_a(doc.type_of(who), "Organization"):
                        prop = "productionCompany"  # "produced by Paramount Television"
                    doc.add(work, prop, quote, pos, f"{role.replace(' ', '-')}-by", 0.75,
                            obj=who)


#: A title written right before a role noun: "Parasite director Bong Joon-ho",
#: "House of Cards creator Beau Willimon".
_TITLE_RIGHT_BEFORE = re.compile(rf"(?:^|(?<=[\s(“\"‘]))(?P<t>{TITLE_WORDS})\s$")
#: Words before a role noun that describe the person, not a work: "Series creator",
#: "Veteran director", "Oscar-winning filmmaker".
_NOT_TITLE = re.compile(r"^(?:Series|Show|Film|Movie|Documentary|Veteran|Acclaimed|Famed|"
                        r"Celebrated|Legendary|Former|Indie|Executive|Co|Director|Writer|"
                        r"Filmmaker|Producer|Creator|The|A|An|His|Her|Their|Its|Our|Then|Now|"
                        r"Both|Fellow|Longtime|Award|Feature|Debut|First-time|Actor|Actress|"
                        r"Star|Studio|Company|Network|Festival|Jury|Guest|Music|Art)$|"
                        r"-(?:winning|nominated|based|born|turned)$|[’']s$|^[A-Z]{2,}$")

#: One word before the role that describes the person: "Iranian", "Renowned", "Rising".
_DESCRIBING = re.compile(r"(?:ian|ese|ish|ic|i|ed|ing|ly)$")


def _title_before(doc: Doc, s: Sentence, at: int, role: str) -> str | None:
    """The work a title written right before the role noun names, bound there and not to
    the work in scope: "Parasite director Bong Joon-ho will preside over a jury" (of
    Venice, whose films the article is about); "Yellowstone co-creator Taylor Sheridan
    wrote and directed the first film". Not a company ("Film4 director"), a nationality
    ("Mexican director"), an award ("Best Director winner") or a word that describes the
    person ("Series creator", "Oscar-winning director")."""
    m = _TITLE_RIGHT_BEFORE.search(s.text, max(0, at - 60), at)
    if m is None:
        return None
    title = m.group("t").strip()
    first = title.split()[0]
    words = title.split()
    if _NOT_TITLE.search(words[-1]) or first in NATIONALITIES or \
            words[-1] in NATIONALITIES or title.lower() in KNOWN_NAMES or \
            is_place_or_award(title) or re.search(r"\d{4}|^[\dIVX]+$", title) or \
            re.search(r" (?:and|from|by|with) ", title) or \
            words[0].lower() in ("from", "by", "with", "and", "for", "to", "in", "on", "at") or \
            (len(words) == 1 and _DESCRIBING.search(first) and doc.lookup(title) is None):
        return None  # "A Prophet and Rust And Bone director": two works; "Iranian director",
        # "Renowned director": a word that describes the person
    found = doc.lookup(title)
    if found is not None:
        return found if is_a(doc.type_of(found), "CreativeWork") else None
    if is_a(guess_type(title), "Organization") or doc.is_person(title):
        return None
    if m.start("t") == 0 and len(words) == 1 and re.search(
            rf"(?<![.!?]\s)\b{re.escape(first.lower())}\b", doc.text):
        return None  # sentence-initial and written in lower case elsewhere: a plain word
    kind = "TVSeries" if role in ("creator", "co-creator", "showrunner") else "Movie"
    return doc.entity(title, kind, "title-role-name", s.text[m.start("t"):at])


#: Between a maker's possessive and the work: what kind of work it is ("ISIS protest
#: film", "sci-fi comedy", "much-anticipated new movie"), lower-case words only.
_OWNED_GAP = re.compile(r"(?:[a-z][\w-]*,? ){0,5}[“\"‘]?$")


def _owned_work(doc: Doc, at: int) -> tuple[int, str] | None:
    """The end and the work of the title that follows a possessive at ``at``."""
    spans = sorted((a, b, w) for a, b, w in doc.works_in_spans(at, at + 160) if a >= at)
    if spans and _OWNED_GAP.fullmatch(doc.text[at:spans[0][0]]) and \
            is_a(doc.type_of(spans[0][2]), "CreativeWork"):
        return spans[0][1], spans[0][2]
    return None


def rule_role_before_name(doc: Doc, s: Sentence) -> None:
    """"a sequel is in development from writer-director Robert Rodriguez", "director
    Robert Rodriguez"."""
    for m in _TITLE_BEFORE.finditer(s.text):
        before = s.text[max(0, m.start() - 12):m.start()]
        if re.search(r"\b(?:former|casting|music|art|photography)\s*$", before):
            continue
        wider = s.text[max(0, m.start() - 40):m.start()]
        if re.search(r"\bby\s*$|\b(?:includes?|including|joined by|alongside)\s+(?:[a-z-]+\s+)?$",
                     wider):
            continue  # "the iconic Marvel comic by writer Brian K. Vaughan": the source's
            # author; "additions to the cast include cult filmmaker John Waters": an actor
        owner = re.search(r"([A-Z][\w&+.-]*(?: [A-Z][\w&+.-]*)*) $", wider)
        if owner and (owner.group(1).lower() in KNOWN_NAMES or re.search(
                r"\d|^[A-Z]{2,}$", owner.group(1)) or is_a(
                doc.type_of(doc.lookup(owner.group(1))) or guess_type(owner.group(1)),
                "Organization")):
            continue  # "Film4 director Madden": the company's, not a work's
        pos = s.start + m.start()
        role = m.group("role")
        titled = _title_before(doc, s, m.start(), role)
        work = titled or _target(doc, pos, s)
        if work is None:
            continue
        names = _names(m.group("people"), doc)
        if not s.text[m.end("role"):].startswith("s "):
            names = names[:1]  # "director Marina Zenovich, Jiu-liang Wang’s …": one director
        for name in names:
            end = s.text.find(name, m.start("people")) + len(name)
            poss = re.search(r"[’']s(?: |$)", name)
            if poss:
                end -= len(name) - poss.start()
                name = name[:poss.start()]
            if re.match(r"[’']s\b", s.text[end:]):
                # "director Josh Greenbaum’s Will & Harper", "Cartel Land director Matthew
                # Heineman’s ISIS protest film City Of Ghosts": the work after the
                # possessive, what kind of work it is between; else no credit
                owned = _owned_work(doc, s.start + end + 3)
                if owned is None:
                    continue
                who = _person(doc, name, "role-name", s.text[m.start():end])
                if who is None or not is_a(doc.type_of(who), "Person"):
                    continue
                owned_end = owned[0]
                for prop in _TITLE_ROLES[role]:
                    doc.add(owned[1], prop, doc.text[pos:owned_end], pos,
                            "writer-director" if role.startswith("writer") and "director" in
                            role else "title-role-name", 0.7, obj=who)
                continue
            quote = s.text[m.start():end]
            who = _person(doc, name, "role-name", quote)
            if who is None or not is_a(doc.type_of(who), "Person"):
                continue
            # "Jurassic World co-writer Derek Connolly": sure when the work is named
            # right before the role; else the work in scope, a guess (RULE_CONFIDENCE_CAP).
            named = titled is not None or any(0 <= pos - b <= 4 for _a, b, w in doc.work_spans
                                              if w == work)
            for prop in _TITLE_ROLES[role]:
                rule = "writer-director" if role.startswith("writer") and \
                    "director" in role else "title-role-name" if named else "role-name"
                # a guess drafts low, so that a surer rule finding the same fact wins
                doc.add(work, prop, quote, pos, rule, 0.4 if rule == "role-name" else 0.7,
                        obj=who)


_DIRECTED = re.compile(rf"(?P<d>{NAME})(?: \([^()]{{1,80}}\))?,? (?:who )?(?:also |previously |has |had )?"
                       rf"(?P<verb>directed|helmed|created|co-created|wrote|co-wrote|"
                       rf"produced)\b(?P<rest>.*)")


def rule_directed(doc: Doc, s: Sentence) -> None:
    """"Rodriguez also directed other films including "Machete," "Sin City" and its
    sequel "Sin City: A Dame to Kill For."", "Aside from "We Can Be Heroes,"
    Rodriguez also directed …", "Murphy co-created the series with Brad Falchuk and
    Steven Canals"."""
    for m in _DIRECTED.finditer(s.text):
        if not doc.is_person(doc.trim(m.group("d"))):
            continue
        director = doc.entity(doc.trim(m.group("d")), "Filmmaker", "directed", m.group(0))
        prop = {"directed": "director", "helmed": "director", "created": "creator",
                "co-created": "creator", "wrote": "screenwriter", "co-wrote": "screenwriter",
                "produced": "producer"}[m.group("verb")]
        rule = "directed" if prop == "director" else f"{m.group('verb')}-work"
        rest_start = m.start("rest")
        rest = m.group("rest")
        previous: str | None = None
        pointing = re.match(r"\s+(?:and (?:co-)?\w+ )?the (?:[a-z-]+ )?(?:series|show|film|movie)\b",
                            rest)
        for a, b, work in ([] if pointing else doc.work_spans):
            if not (s.start + rest_start <= a and b <= s.end):
                continue
            ra, rb = a - s.start - rest_start, b - s.start - rest_start
            if re.search(r"\b(?:by|with|starring|and (?:starring|written))\b", rest[:ra]) \
                    and not re.search(r"(?:including|like|such as)", rest[:ra]):
                break
            end = rb + (1 if rest[rb:rb + 1] in "\"”’,." else 0)
            end += 1 if rest[end:end + 1] in "\"”’" else 0
            quote = s.text[m.start():rest_start + end]
            doc.add(work, prop, quote, s.start + m.start(), rule, 0.75, obj=director)
            gap = rest[max(0, ra - 20):ra]
            if previous and re.search(r"\bsequel\b", gap):
                q = rest[max(0, ra - 20):end].strip(" ,")
                doc.add(work, "sequelOf", q, s.start + rest_start + ra - 20, "its-sequel",
                        0.8, obj=previous)
            previous = work
        also = re.match(r"\s+and (?P<v2>directed|wrote|produced|co-wrote|created)\b", rest)
        the = re.match(rf"\s+(?:and (?:co-)?\w+ )?the (?:[a-z-]+ )?(?P<k>series|show|film|"
                       rf"movie|sequel|reboot|comedy|drama|thriller|documentary|docuseries|"
                       rf"miniseries)\b"
                       rf"(?: with (?P<others>{NAME}(?:(?:,| and|, and) {NAME})*))?", rest)
        with_others = re.match(rf"\s+with (?P<others>{NAME}(?:(?:,| and|, and) {NAME})*)", rest)
        if with_others and m.group("verb") in ("created", "co-created", "wrote", "co-wrote"):
            # "The FX drama, which Murphy co-created with Brad Falchuk and Steven Canals"
            scope = doc.work_at(s.start + m.start(), s)
            if scope is not None:
                quote = s.text[m.start():rest_start + with_others.end()]
                names = [doc.trim(m.group("d")), *_names(with_others.group("others"))]
                _add_people(doc, scope, prop, names, quote, s.start + m.start(),
                            f"{m.group('verb')}-with", 0.65)
        if the:
            # "Murphy co-created the series with Brad Falchuk and Steven Canals"
            pointed = doc.work_at(s.start + rest_start + the.end("k"), s)
            if pointed is not None:
                quote = s.text[m.start():rest_start + the.end()]
                names = [doc.trim(m.group("d")), *_names(the.group("others") or "")]
                at = s.start + m.start()
                listed = re.search(rf"(?<![\w’'])(?P<l>{NAME}(?:, {NAME})*),? and $",
                                   s.text[:m.start()])
                if listed:
                    # "Paul W. Downs, Lucia Aniello and Jen Statsky created the comedy"
                    quote = s.text[listed.start():rest_start + the.end()]
                    names[:0] = _names(listed.group("l"), doc)
                    at = s.start + listed.start()
                _add_people(doc, pointed, prop, names, quote, at,
                            f"{m.group('verb')}-the-work", 0.65)
                if also:
                    # "Russell wrote and directed the film"
                    prop2 = {"directed": "director", "wrote": "screenwriter",
                             "co-wrote": "screenwriter", "produced": "producer",
                             "created": "creator"}[also.group("v2")]
                    _add_people(doc, pointed, prop2, names, quote, s.start + m.start(),
                                f"{also.group('v2')}-the-work", 0.65)
        aside = re.match(rf"Aside from {TITLE}", s.text)
        if aside and prop == "director":
            work = doc.lookup(aside.group("t")) or doc.entity(aside.group("t"), "Movie",
                                                              "directed", aside.group(0))
            doc.add(work, "director", s.text[:m.end("d") + 14], s.start,
                    "aside-from-directed", 0.7, obj=director)


_RETURN_AS_DIRECTOR = re.compile(rf"(?P<d>{NAME}) (?:is )?set to return as (?P<roles>director"
                                 r"(?: and (?:screenwriter|writer))?)")


def rule_return_as(doc: Doc, s: Sentence) -> None:
    """"Robert Rodriguez set to return as director and screenwriter"."""
    for m in _RETURN_AS_DIRECTOR.finditer(s.text):
        target = doc.work_for(s)
        if target is None or not doc.is_person(m.group("d")):
            continue
        person = doc.entity(m.group("d"), "Filmmaker", "return-as", m.group(0))
        doc.add(target, "director", m.group(0), s.start + m.start(), "return-as", 0.75,
                obj=person)
        if "writer" in m.group("roles"):
            doc.add(target, "screenwriter", m.group(0), s.start + m.start(), "return-as",
                    0.75, obj=person)


_BEHIND = re.compile(rf"(?P<c>{NAME}),? who (?:is|was) behind (?P<rest>[^.!?]*)")


def rule_behind(doc: Doc, s: Sentence) -> None:
    """"Rodriguez, who is behind "Spy Kids" and "Sharkboy and Lavagirl""."""
    m = _BEHIND.search(s.text)
    if not m or not doc.is_person(m.group("c")):
        return
    creator = doc.entity(m.group("c"), "Filmmaker", "who-is-behind", m.group(0))
    for title in re.finditer(TITLE, m.group("rest")):
        work = doc.lookup(title.group("t")) or doc.entity(title.group("t"), "Movie",
                                                          "who-is-behind", title.group("t"))
        quote = s.text[m.start():m.start("rest") + title.end()]
        doc.add(work, "creator", quote, s.start + m.start(), "who-is-behind", 0.7,
                obj=creator)


_JOB = (r"(?P<job>(?i:co-executive producer|executive producer)|co-producer|producer|director|"
        r"co-director|writer|screenwriter|co-writer|creator|co-creator|showrunner)s?")
_JOB_PROPS = {"co-executive producer": "producer", "executive producer": "executiveProducer",
              "co-producer": "producer", "producer": "producer", "director": "director",
              "co-director": "director", "writer": "screenwriter", "screenwriter": "screenwriter",
              "co-writer": "screenwriter", "creator": "creator", "co-creator": "creator",
              "showrunner": ""}
_PEOPLE = rf"{NAME}(?:(?:,| and|, and) {NAME})*"
#: "Ayer will continue on as producer", "Nick Stern serves as co-executive producer",
#: "Morten Tyldum, who also serves as executive producer alongside Evans, Rosalie
#: Swedlin and Adam Shulman", "Jack Lothian is the writer and showrunner", "Reynolds is
#: also a producer on the films".
_SERVES = re.compile(
    rf"(?P<p>{NAME}),? (?:who )?(?:(?:who|which) [^,]{{3,50}}, )?(?:also )?(?:will |would )?"
    rf"(?:continue on|continues on|stay on|"
    rf"stays on|remain|remains|return|returns|serve|serves|served|is set to serve|signed on|"
    rf"(?:is|was|will be)(?: also)?(?: the| a| an)?) as (?:the |a |an )?{_JOB}"
    rf"(?: and (?:the |a |an )?(?P<job3>executive producer|producer|director|writer|creator))?"
    rf"(?: alongside (?P<others>{_PEOPLE}))?|(?P<p2>{NAME}) (?:is|was|will be) (?:also )?"
    rf"(?:the|a|an) {_JOB.replace('?P<job>', '?P<job2>')}\b(?: (?:and|on)\b)?")
#: "episode directors include Chris Long, Michael Dinner, Susanna Fogel and Sylvain White".
_INCLUDE = re.compile(rf"\b(?:episode |episodic )?{_JOB} (?:include|includes|are|were) "
                      rf"(?P<list>{_PEOPLE})")
#: "wrote a draft of the script with Evan Spiliotopoulos, with a rewrite by T.S. Nowlin",
#: "co-wrote the script with Tesfaye and his producing partner Reza Fahim".
_SCRIPT = re.compile(rf"(?P<p>{NAME})?[\w ,]{{0,40}}?\b{verbs('write', 'pen', 'co-write', 'rewrite', forms=('past',))} (?:a draft of )?"
                     rf"(?:the )?(?:script|screenplay)(?: with (?:(?:{NAME} )?(?:co-writer|writer|"
                     rf"co-screenwriter|screenwriter|collaborator) )?(?P<with>{_PEOPLE}"
                     rf"(?:,? and (?:his|her|their) (?:[a-z-]+ ){{1,2}}{NAME})?))?"
                     rf"(?:,? with a rewrite by (?P<rewrite>{_PEOPLE}))?"
                     rf"(?P<ep> and (?:also )?served as (?:an? )?executive producer)?")
_LEAD = re.compile(rf"(?P<p>{NAME}) (?:came on board|signed on|was tapped|was hired|has been tapped|"
                   rf"is set|will return|returns) to (?:direct|helm|lead) [“\"‘]?")
#: "with Jane Doe set to direct", "Jane Doe will direct" (not "in talks to direct"), "Tom
#: Hooper (“The King’s Speech”) will direct the adaptation".
_TO_DIRECT = re.compile(
    rf"(?P<p>{NAME}(?:(?:,| and|, and) {NAME})*)(?P<credit> \([“\"‘][^()]{{1,60}}\))?,? "
    rf"(?:(?:is|are|was|were|will|would|also|has|"
    rf"have|been) ){{0,3}}(?:(?:set|slated|expected|tapped|attached|back|returning|going|"
    rf"signed on|on board|returns|return) to )?"
    rf"(?P<job>co-executive produce|executive produce|co-produce|produce|co-direct|direct|"
    rf"co-write|write)(?: and (?P<job2>direct|write|produce|executive produce))?\b")
_JOB_OF = {"direct": "director", "co-direct": "director", "write": "screenwriter",
           "co-write": "screenwriter", "produce": "producer", "co-produce": "producer",
           "co-executive produce": "producer", "executive produce": "executiveProducer"}


def _add_people(doc: Doc, work: str, prop: str, names: list[str], quote: str, pos: int,
                rule: str, confidence: float) -> None:
    for name in names:
        who = _person(doc, name, rule, quote)
        if who is None or not is_a(doc.type_of(who), "Person"):
            continue
        doc.add(work, prop, quote, pos, rule, confidence, obj=who)


_PEOPLE = rf"{NAME}(?:(?:,| and|, and) {NAME})*"
_EXEC_PRODUCE = re.compile(
    rf"(?:[Bb]oth |[Aa]ll )?(?P<a>{_PEOPLE}) (?:will |also |both |all |will also )?"
    rf"(?P<v>(?:co-)?exec(?:utive)?[- ]produces?|co-produces?)\b"
    rf"(?: (?:the (?:[a-z-]+ )?(?:series|show|film|movie)|[“\"‘]?(?P<t>[A-Z][^,.;]{{0,60}}?)))?"
    rf"(?:,? (?:alongside|with|along with) (?P<others>{_PEOPLE}))?(?=[,.;]|$)")


_EXEC_PRODUCE_CUE = re.compile(r"\b(?:exec|executive|co-)[- ]?produce")


def rule_exec_produce(doc: Doc, s: Sentence) -> None:
    """"Both Fogelman and Brown exec produce Paradise, alongside John Requa, Glenn Ficarra,
    John Hoberg, Jess Rosenthal, and Steve Beers": everyone named produces the work."""
    if not _EXEC_PRODUCE_CUE.search(s.text):
        return
    for m in _EXEC_PRODUCE.finditer(s.text):
        prop = "producer" if m.group("v").startswith("co-produce") else "executiveProducer"
        pos = s.start + m.start()
        spans = doc.span_starting(s.start + m.start("t")) if m.group("t") else []
        work = spans[0][2] if spans else doc.work_at(pos, s)
        if work is None:
            continue
        names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+",
                                     f"{m.group('a')}, {m.group('others') or ''}") if n.strip()]
        for name in names:
            if " " not in name.strip() and doc.lookup(name) is None:
                continue  # a first name alone, or a word
            who = _person(doc, name, "exec-produce", m.group(0))
            if who is None or not is_a(doc.type_of(who), "Person"):
                continue
            at = s.text.find(name, m.start())
            end = max(at + len(name), m.end("v") if at < m.start("v") else 0)
            quote = s.text[m.start():end] if at >= m.start() else m.group(0)
            doc.add(work, prop, quote, pos, "exec-produce", 0.7, obj=who)


_MAKES_VERBS = {"directs": "director", "co-directs": "director", "helms": "director",
                "writes": "screenwriter", "co-writes": "screenwriter", "pens": "screenwriter",
                "produces": "producer", "co-produces": "producer",
                "executive produces": "executiveProducer",
                "executive-produces": "executiveProducer", "creates": "creator",
                "co-creates": "creator"}
_MAKES_VERB = "|".join(sorted((re.escape(k) for k in _MAKES_VERBS), key=len, reverse=True))
#: What the verb makes: the work named right after it, or a phrase for the work in scope.
_MAKES_OBJECT = (r"(?P<obj>the (?:[\w-]+ ){0,2}(?:film|movie|series|show|sequel|comedy|"
                 r"drama|thriller|documentary|feature|project|adaptation|episodes?)|"
                 r"all (?:[\w-]+ )?episodes)\b")
_MAKES = re.compile(
    rf"(?<![\w’'])(?P<p>{NAME}(?:(?:,| and|, and) {NAME})*)"
    rf"(?: \([^()]{{1,80}}\))?,? (?:who )?(?:also |then |now )?"
    rf"(?P<v>(?:{_MAKES_VERB})(?:(?:,| and|, and) (?:{_MAKES_VERB}))*)"
    rf"(?: {_MAKES_OBJECT}| (?=[“\"‘]?[A-Z0-9])|(?P<end>(?=[.;]|$)))")

#: An object that names a work other than the one in scope.
_OTHER_WORK = re.compile(r"the (?:first|original|previous|earlier|last|other|\d{4}) "
                         r"(?:film|movie|series|show|feature|sequel)")
_MAKES_CUE = re.compile(rf"\b(?:{_MAKES_VERB})\b")


def rule_makes_work(doc: Doc, s: Sentence) -> None:
    """"Moses Inwang directs.", "Luca Guadagnino directs Salvatore Ferragamo: The
    Shoemaker of Dreams", "Helen Argo (Wallace & Gromit’s Musical Marvels) produces the
    film": the people a verb of making in the present tense has as its subject, and the
    work it makes (named right after it, "the film"/"the series" for the work in scope,
    or none: the work in scope). Not "will direct" (a coming credit: ``set-to-direct``),
    not the past tense (``directed`` and its kin), not "directs the first film"."""
    if not _MAKES_CUE.search(s.text):
        return
    for m in _MAKES.finditer(s.text):
        verbs_said = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("v"))
        pos = s.start + m.start()
        work: str | None = None
        if m.group("obj"):
            if _OTHER_WORK.match(m.group("obj")) or \
                    re.match(r" (?:about|that|which|starring)\b", s.text[m.end():]) or \
                    (s.text[m.end():].startswith(" of ") and not m.group("obj").endswith("s")):
                continue  # "directed the first film", "wrote the film about …": another work
            obj_end = s.start + m.end("obj")
            if re.search(r"\b(?:sequel|follow-up)$", m.group("obj")):
                work = doc.anaphor(obj_end, s)
            else:
                work = _target(doc, pos, s)
        elif m.group("end") is not None:
            work = _target(doc, pos, s)
        else:
            spans = doc.span_starting(s.start + m.end())
            if not spans:
                continue
            work = spans[0][2]
        if work is None:
            continue
        quote = m.group(0)
        names = _names(m.group("p"), doc)
        for verb in verbs_said:
            _add_people(doc, work, _MAKES_VERBS[verb], names, quote, pos, "makes-work", 0.7)


_APPOSED_ROLE = re.compile(
    rf"(?P<p>{NAME}), (?:the|its) (?:show|series|film|movie)[’']s?(?: [a-z-]+)?? "
    rf"(?P<roles>(?:(?:co-)?creator|showrunner|(?:co-)?executive producer|producer|director|"
    rf"writer|screenwriter)(?:(?:,| and|, and) (?:(?:co-)?creator|showrunner|"
    rf"(?:co-)?executive producer|producer|director|writer|screenwriter))*)\b")
_APPOSED = {"creator": "creator", "co-creator": "creator", "executive producer":
            "executiveProducer", "co-executive producer": "executiveProducer",
            "producer": "producer", "director": "director", "writer": "screenwriter",
            "screenwriter": "screenwriter"}


def rule_role_apposition(doc: Doc, s: Sentence) -> None:
    """"Bruce Miller, the show's showrunner and executive producer, reassured fans": the
    person's roles on the work in scope (a showrunner is no term of its own)."""
    for m in _APPOSED_ROLE.finditer(s.text):
        work = doc.work_at(s.start + m.start(), s)
        name = doc.trim(m.group("p"))
        if work is None or not doc.is_person(name):
            continue
        person = doc.entity(name, "Filmmaker", "role-apposition", m.group(0))
        for role in re.split(r",? and |, ", m.group("roles")):
            prop = _APPOSED.get(role.strip())
            if prop:
                doc.add(work, prop, m.group(0), s.start + m.start(), "role-apposition", 0.7,
                        obj=person)


_SERVES_AS_CUE = re.compile(r" as | (?:is|was|will be) (?:also )?(?:the|a|an) ")


#: "Protosevich, Meirelles and Farrell will also serve as executive producers of the show
#: alongside Simon Kinberg, Audrey Chon, Scott Greenberg and Chip Vucelich".
#: "Neil Druckmann and Craig Mazin serve as Co-Creators, Executive Producers, Writers, and
#: Directors": each role of the list, in any case.
_SERVE_ROLE = (r"(?i:co-executive producers?|executive producers?|producers?|co-creators?|"
               r"creators?|writers?|screenwriters?|directors?)")
_SERVE_PLURAL = re.compile(
    rf"(?P<list>{_PEOPLE}) (?:will |would |also |all |both |are set to |are to )*"
    rf"(?:serve|served) as "
    rf"(?:the )?(?P<job>{_SERVE_ROLE}(?:(?:,| and|, and) {_SERVE_ROLE})*)\b"
    rf"(?: (?:of|on) the (?:show|series|film|movie|project))?"
    rf"(?: alongside (?P<others>{_PEOPLE}))?")

_WHO_CREATED = re.compile(rf"(?P<p>{NAME}), who (?:also )?(?P<v>created|co-created|directed|wrote|"
                          rf"produced|developed) the (?:series|show|film|movie)\b")


def rule_serves_as(doc: Doc, s: Sentence) -> None:
    """"Ayer will continue on as producer", "Nick Stern serves as co-executive
    producer", "who also serves as executive producer alongside Evans, Rosalie Swedlin
    and Adam Shulman", "Jack Lothian is the writer and showrunner"."""
    if not _SERVES_AS_CUE.search(s.text):
        return
    for m in _SERVES.finditer(s.text):
        job = m.group("job") or m.group("job2")
        name = m.group("p") or m.group("p2")
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        names = [name] + _names(m.group("others") or "")
        end = m.end()
        if m.group("others") is None and s.text[end:end + 1] == ".":
            end += 1
        works = [work]
        if re.match(r" (?:the|both) (?:films|movies|series|shows)\b", s.text[m.end():]):
            # "Reynolds is also a producer on the films": the work and the one it follows.
            works += [w for w in (doc.predecessor(work),) if w]
        for one in (job, m.group("job3")):
            if one and _JOB_PROPS[one.lower()]:
                for each in works:
                    _add_people(doc, each, _JOB_PROPS[one.lower()], names,
                                s.text[m.start():end], pos, "serves-as", 0.7)
    for m in _SERVE_PLURAL.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        names = _names(m.group("list"), doc) + _names(m.group("others") or "", doc)
        for job in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("job")):
            prop = _JOB_PROPS[job.lower().removesuffix("s")]
            _add_people(doc, work, prop, [n for n in names if n], m.group(0), pos,
                        "serves-as", 0.7)
    for m in _WHO_CREATED.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is not None:
            prop = {"created": "creator", "co-created": "creator", "developed": "creator",
                    "directed": "director", "wrote": "screenwriter",
                    "produced": "producer"}[m.group("v")]
            _add_people(doc, work, prop, [m.group("p")], m.group(0), pos, "who-made", 0.7)


def rule_include(doc: Doc, s: Sentence) -> None:
    """"episode directors include Chris Long, Michael Dinner, Susanna Fogel and Sylvain
    White"."""
    for m in _INCLUDE.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        if _JOB_PROPS[m.group("job").lower()]:
            _add_people(doc, work, _JOB_PROPS[m.group("job").lower()], _names(m.group("list")),
                        s.text[m.start():m.end()], pos, "crew-include", 0.7)


_SCRIPT_CUE = re.compile(r"\b(?:wrote|penned|co-wrote|rewrote)\b")


def rule_script(doc: Doc, s: Sentence) -> None:
    """"Ayer … wrote a draft of the script with Evan Spiliotopoulos, with a rewrite by T.S.
    Nowlin": who wrote the work in scope."""
    if not _SCRIPT_CUE.search(s.text):
        return
    for m in _SCRIPT.finditer(s.text):
        pos = s.start + m.start()
        # "Scott Rosenberg, Kasdan and Jeff Pinkner have penned the script of the sequel"
        of_sequel = re.match(r" (?:of|for) the (?:sequel|follow-up|reboot|remake)\b",
                             s.text[m.end():])
        work = (doc.anaphor(s.start + m.end() + of_sequel.end(), s) if of_sequel else None) \
            or _target(doc, pos, s)
        if work is None:
            continue
        partners = re.sub(r"\b(?:his|her|their) (?:[a-z-]+ ){1,2}", "", m.group("with") or "")
        names = _names(partners, doc) + _names(m.group("rewrite") or "", doc)
        writer = m.group("p")
        who_clause = re.search(rf"(?P<w>{NAME})(?: \([^()]{{1,80}}\))?, who (?:also |then )?$",
                               s.text[:m.start()] + (m.group("p") or ""))
        if who_clause is None:
            verb = re.search(r"\b(?:wrote|penned|co-wrote|rewrote)\b", m.group(0))
            who_clause = re.search(rf"(?P<w>{NAME})(?: \([^()]{{1,80}}\))?, who (?:also |then )?$",
                                   s.text[:m.start() + (verb.start() if verb else 0)])
        if who_clause and doc.is_person(doc.trim(who_clause.group("w"))):
            # "directed by Trey Edward Shults ("Waves"), who also co-wrote the script"
            writer = doc.trim(who_clause.group("w"))
        pronoun = re.search(r"\b(?:he|she) (?:also |then )?(?:wrote|penned|co-wrote|rewrote)\b",
                            m.group(0))
        if pronoun and (not writer or not doc.is_person(doc.trim(writer))):
            # "Trevorrow is still mighty involved here, though, as he co-wrote the
            # screenplay": the person the sentence opens with, else the last one named
            opening = re.match(NAME, s.text)
            found = doc.lookup(doc.trim(opening.group(0))) if opening else None
            who = found if found and is_a(doc.type_of(found), "Person") else \
                doc.subject_person(s.start)
            writer = doc.name_of(who) if who else None
        verb = re.search(r"\b(?:wrote|penned|co-wrote|rewrote)\b", m.group(0))
        listed = re.search(rf"(?<![\w,] )(?P<l>{NAME}(?:, {NAME})*,? and {NAME}) (?:have |had )?"
                           rf"(?:also |all )?$", s.text[:m.start() + verb.start()]) \
            if verb and not pronoun else None
        if listed:
            # "Scott Rosenberg, Kasdan and Jeff Pinkner have penned the script"
            names[:0] = [n for n in _names(listed.group("l"), doc) if n != writer]
        if writer:
            names.insert(0, writer)
        _add_people(doc, work, "screenwriter", list(dict.fromkeys(names)),
                    s.text[m.start():m.end()], pos, "wrote-script", 0.65)
        if m.group("ep") and writer:
            _add_people(doc, work, "executiveProducer", [writer], s.text[m.start():m.end()],
                        pos, "wrote-script", 0.65)


def rule_lead(doc: Doc, s: Sentence) -> None:
    """"David Leitch came on board to lead “Deadpool 2”": its director (not "entered
    negotiations to direct", which is no fact yet)."""
    for m in _LEAD.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if not spans:
            continue
        _a, b, work = spans[0]
        _add_people(doc, work, "director", [m.group("p")], doc.text[s.start + m.start():b],
                    s.start + m.start(), "to-direct", 0.7)


#: "director Andres Muschietti confirmed that he’ll be returning to direct the sequel".
_THEY_RETURN_TO_DIRECT = re.compile(
    rf"\b(?:director|filmmaker) (?P<p>{NAME}) (?:has |had )?(?:confirmed|said|revealed|announced)"
    rf" (?:that )?(?:he|she|they)(?:[’']ll| will| is| are)? (?:be )?(?:returning|coming back|"
    rf"back|set) to (?:direct|helm) (?P<w>the (?:sequel|follow-up|next (?:film|movie|"
    rf"installment)))\b")


def rule_returning_to_direct(doc: Doc, s: Sentence) -> None:
    """"Not only has director Andres Muschietti confirmed that he’ll be returning to
    direct the sequel": the director of the sequel the phrase points to."""
    for m in _THEY_RETURN_TO_DIRECT.finditer(s.text):
        work = doc.anaphor(s.start + m.end("w"), s) or doc.upcoming(s.start + m.end(), s)
        if work is not None:
            _add_people(doc, work, "director", [doc.trim(m.group("p"))], m.group(0),
                        s.start + m.start(), "returning-to-direct", 0.65)


_DOING = re.compile(rf"(?P<p>{NAME}(?:(?:,| and|, and) {NAME})*) (?:is|are|will be) (?:also )?(?P<job>producing|directing|"
                    rf"writing|executive producing)(?: and (?P<job2>producing|directing|writing))?\b(?:[^.;]*? alongside (?P<others>{_PEOPLE}))?")


_DOING_VERB = re.compile(r" (?:is|are|will be) (?:also )?(?:producing|directing|writing|"
                         r"executive producing)\b")


def rule_doing(doc: Doc, s: Sentence) -> None:
    """"Simon Kinberg is producing via his Genre Films banner alongside Nira Park", "Nolan
    is writing and directing the movie for Universal Pictures"."""
    if not _DOING_VERB.search(s.text):
        return  # a cheap look for the verb before the list of names is read
    for m in _DOING.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        prop = {"producing": "producer", "directing": "director", "writing": "screenwriter",
                "executive producing": "executiveProducer"}[m.group("job")]
        # "Lorenzo Di Bonaventura, Belle Avery, and Colin Wilson are producing"
        names = [*_names(m.group("p"), doc), *_names(m.group("others") or "")]
        if prop == "producer":
            # "Mammoth Screen is producing the Noughts and Crosses series": a company that
            # produces is the work's production company
            for name in names:
                who = _person(doc, name, "is-doing", m.group(0))
                if who is not None and is_a(doc.type_of(who), "Organization") and \
                        not is_a(doc.type_of(who), "NewsMediaOrganization") and \
                        name.lower() not in NETWORKS and name.lower() not in STREAMERS:
                    doc.add(work, "productionCompany", m.group(0), pos, "is-doing", 0.65,
                            obj=who)
        _add_people(doc, work, prop, names, m.group(0), pos, "is-doing", 0.65)
        if m.group("job2"):
            # "Nolan is writing and directing the movie"
            prop2 = {"producing": "producer", "directing": "director",
                     "writing": "screenwriter"}[m.group("job2")]
            _add_people(doc, work, prop2, names, m.group(0), pos, "is-doing", 0.65)


def rule_set_to_direct(doc: Doc, s: Sentence) -> None:
    """"Focus Features has landed the thriller Midnight Run, with Jane Doe set to direct",
    "Anthony and Joe Russo are back to direct", "CJ Kettler will executive produce", "Duane
    Capizzi will co-executive produce": the crew of the work in scope."""
    for m in _TO_DIRECT.finditer(s.text):
        if re.search(r"\b(?:talks|negotiations|eyed|eyeing|considered)\b", s.text[m.start():m.end()]):
            continue
        verb_from = m.end("credit") if m.group("credit") else m.end("p")
        if not re.search(r"\b(?:is|are|was|were|will|would|to|has|have)\b",
                         s.text[verb_from:m.start("job")]):
            continue  # "… produce" with no verb before it is no crew credit
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is None:
            continue
        for job in (m.group("job"), m.group("job2")):
            if job:
                _add_people(doc, work, _JOB_OF[job], _names(m.group("p")), m.group(0), pos,
                            "set-to-direct", 0.65)


_PARENTHESISED_CREDIT = re.compile(rf"(?P<role>Directed|Written|Produced|Created) by (?P<p>{NAME}) \([“\"]?")


def rule_parenthesised_credit(doc: Doc, s: Sentence) -> None:
    """"Directed by Scott Waugh (“Need for Speed”), “Hidden Strike” was …": the work
    named after, and the earlier credit in parentheses."""
    m = _PARENTHESISED_CREDIT.match(s.text)
    if not m:
        return
    credit = doc.span_starting(s.start + m.end())
    prop = _ROLES[m.group("role").lower()][0]
    if credit:
        _a, b, work = credit[0]
        _add_people(doc, work, prop, [m.group("p")], doc.text[s.start:b + 2], s.start,
                    "parenthesised-credit", 0.6)


_MAKER_NOUNS = re.compile(
    r"\b(?:film|movie|feature|series|show|drama|thriller|comedy|horror|epic|blockbuster|"
    r"documentary|docuseries|adaptation|miniseries|sitcom|biopic|musical|western|"
    r"sci-fi|mystery|satire|romance|fantasy|noir)s?$")


_MAKER_POSSESSIVE = re.compile(rf"(?P<p>{NAME})[’'](?:s)? (?P<mid>(?:[a-z][\w-]*,? ){{1,4}})[“\"‘]?$")


def rule_maker_possessive(doc: Doc, s: Sentence) -> None:
    """"Jordan Peele’s horror thriller ‘Us’", "filmmaker’s best picture-winning historical
    epic ‘Oppenheimer’": a person's film named with what kind of film it is is the work
    they directed (a person's series, the one they created)."""
    for a, _b, work in doc.works_in_spans(s.start, s.end):
        before = doc.text[s.start:a]
        m = _MAKER_POSSESSIVE.search(before)
        if not m or not _MAKER_NOUNS.search(m.group("mid").strip().rstrip(",")):
            continue
        name = doc.trim(m.group("p"))
        found = doc.lookup(name)
        if not doc.is_person(name) or (found is not None and doc.type_of(found) not in (
                "Person", "Filmmaker")):
            continue
        series = doc.type_of(work) in ("TVSeries", "TVSeason")
        person = doc.entity(name, "Filmmaker", "maker-possessive", m.group(0))
        quote = doc.text[s.start + m.start():a + len(doc.name_of(work)) + 1]
        doc.add(work, "creator" if series else "director", quote, s.start + m.start(),
                "maker-possessive", 0.55, obj=person)


#: A person's possessive right before a title, nothing between: "Alex Gibney’s The
#: Inventor", "Myles Kane and Josh Koury’s Voyeur".
_BARE_OWNER = re.compile(rf"(?:(?P<p0>{NAME}) (?:and|&) )?(?P<p>{NAME})(?:[’']s|(?<=s)[’']) [“\"‘]?$")
#: What says the text speaks of the people who make films (not an award's category,
#: "Best Director").
_DIRECTOR_WORDS = re.compile(r"(?<![Bb]est )\b(?:[Dd]irect(?:or|ors|ed|ing|orial)|[Ff]ilmmakers?|[Hh]elm(?:er|ed)|"
                             r"[Aa]uteurs?|[Dd]ocumentarians?|[Dd]ocumentary makers?)\b")
#: What says a person acts: "starring Tom Cruise", "Cruise, who plays".
_ACTING = re.compile(r"\b(?:(?:super|mega)?star(?:s|ring|red)?|co-stars?|actor|actress|actors|plays?|played|"
                     r"playing|cast|portray(?:s|ed)?|voices?|voiced)\b", re.IGNORECASE)


def _acts(doc: Doc, name: str) -> bool:
    """Whether the article has the person act anywhere ("Tom Cruise’s Top Gun" is no
    credit: "the film stars Tom Cruise")."""
    for m in re.finditer(rf"\b{re.escape(name.split()[-1])}\b", doc.text):
        if _ACTING.search(doc.text[max(0, m.start() - 30):m.start()]) or \
                _ACTING.search(doc.text[m.end():m.end() + 14]):
            return True
    return False


def _cast_member(doc: Doc, name: str) -> bool:
    """Whether a rule has put the person in a work's cast ("Kamal Haasan's Indian" in an
    article on its sequel's cast)."""
    found = doc.lookup(name)
    return found is not None and any(c.object == found and c.property in ("castMember", "plays")
                                     for c in doc.found.values())


def rule_filmmaker_title(doc: Doc, s: Sentence) -> None:
    """"James Gray’s “The Lost City of Z,”", "Brett Morgen’s Jane", "Myles Kane and Josh
    Koury’s Voyeur" (a festival line-up that speaks of its filmmakers): a person's
    possessive right before a film's title is its director, where the paragraph speaks of
    directors or filmmakers; never someone the article has act ("Tom Cruise’s Top Gun"),
    a company ("Warner Bros.’ Creed II") or a series (its creator is another credit)."""
    paragraph = doc.paragraph_at(s.start)
    if paragraph is None or not _DIRECTOR_WORDS.search(paragraph.text):
        return
    for a, _b, work in doc.works_in_spans(s.start, s.end):
        m = _BARE_OWNER.search(doc.text[s.start:a])
        if not m or doc.type_of(work) != "Movie" or not re.match(r"[“\"‘]?[A-Z0-9]", doc.text[a:]):
            continue
        if doc.lookup(f"{m.group('p')}’s {doc.name_of(work)}") or \
                doc.lookup(f"{m.group('p')}'s {doc.name_of(work)}"):
            continue  # the possessive is the title's own: "Ma Rainey’s Black Bottom"
        names = [doc.trim(m.group(g)) for g in ("p0", "p") if m.group(g)]
        if m.group("p0") and not doc.is_person(names[0], strict=True) and \
                len(names[0].split()) < 2:
            names = names[1:]
        quote = doc.text[s.start + m.start():a + len(doc.name_of(work)) + 1]
        for name in names:
            found = doc.lookup(name)
            if len(name.split()) < 2 or not doc.is_person(name) or (
                    found is not None and doc.type_of(found) not in ("Person", "Filmmaker")) or \
                    _acts(doc, name) or _cast_member(doc, name):
                continue
            person = doc.entity(name, "Filmmaker", "filmmaker-title", quote)
            doc.add(work, "director", quote, s.start + m.start(), "filmmaker-title", 0.6,
                    obj=person)

_STUDIO = [re.compile(p) for p in (
    rf"\b(?:directing|making|producing|writing|developing|shooting) the (?:film|movie|series|"
    rf"show|project|feature) for (?P<o>{NAME})",
    rf"(?P<o2>{NAME}),? the (?:studio|company|production company) behind\b",
    rf"\bcollaborated with (?P<o3>{NAME}) on\b",
    rf"(?P<o4>{NAME}) (?:serving|serves|will serve|is serving) as the (?:animation |production )?"
    rf"(?:studio|company)\b")]


def rule_studio(doc: Doc, s: Sentence) -> None:
    """"Nolan is writing and directing the movie for Universal Pictures, the studio behind
    the filmmaker’s … ‘Oppenheimer’", "collaborated with Universal on … ‘The Wild Robot’",
    "with DHX Media serving as the animation studio": the company that makes a work."""
    for m in (m for pattern in _STUDIO for m in pattern.finditer(s.text)):
        groups = m.groupdict()
        name = next(v for v in groups.values() if v)
        found = doc.lookup(name)
        kind = doc.type_of(found) if found else guess_type(name)
        if not is_a(kind, "Organization") or is_a(kind, "NewsMediaOrganization") or \
                is_a(kind, "SocialMediaPlatform"):
            continue
        org = found or doc.entity(name, "ProductionCompany" if kind == "Organization" else kind,
                                  "studio", m.group(0))
        pos = s.start + m.start()
        if groups.get("o"):
            work = doc.work_at(s.start + m.start(), s)
            end = s.start + m.end()
        else:
            later = doc.works_in_spans(s.start + m.end(), min(s.end, s.start + m.end() + 120))
            if groups.get("o4") or not later:
                work, end = doc.work_before(pos, s), s.start + m.end()
            else:
                _a, end, work = later[0]
                end += 1 if doc.text[end:end + 1] in "”\"’" else 0
        if work is None or doc.type_of(work) not in ("Movie", "TVSeries", "MovieSeries",
                                                     "TVSeason"):
            continue
        doc.add(work, "productionCompany", doc.text[pos:end], pos, "studio", 0.55, obj=org)


_LIST_ROLE = (r"(?:co-executive producers?|executive producers?|co-creators?|creators?|"
              r"producers?|directors?|co-directors?|writers?|screenwriters?|showrunners?)")
#: What follows a list of people that gives their roles: "… are also executive producers",
#: ", who were the creators and executive producers on the series".
_LIST_ROLES = re.compile(
    rf",? (?:who )?(?:are|were|is|was|will be|serve as|served as|serves as) (?:also |both |all )?"
    rf"(?:the |an? |its )?(?:(?:series|show|film|movie)[’']s? )?"
    rf"(?P<roles>{_LIST_ROLE}(?:(?:,| and|, and) {_LIST_ROLE})*)\b"
    rf"(?! (?:of|on|for|at) (?!(?:the|this|its) (?:series|show|film|movie)\b))")
_LIST_PROPS = {"executive producer": "executiveProducer", "creator": "creator",
               "co-creator": "creator", "producer": "producer", "director": "director",
               "co-director": "director", "writer": "screenwriter",
               "screenwriter": "screenwriter", "co-executive producer": "producer"}


_LIST_ROLE_RE = re.compile(_LIST_ROLE)


def rule_listed_roles(doc: Doc, s: Sentence) -> None:
    """"Fuller and Green, who were the creators and executive producers on the series",
    "In addition to Fuller and Green, Craig Cegielski and Stefanie Berk are also executive
    producers along with David Slade, Adam Kane, and Gaiman": everyone listed (with a
    surname alone for the person named so before) holds the roles on the work in scope."""
    if not _LIST_ROLE_RE.search(s.text):
        return
    lists = PeopleLists(doc, s)
    for m, people in lists:
        at = s.start + m.start()
        roles = _LIST_ROLES.match(doc.text, people[-1].end)
        if roles is None:
            continue
        props = [_LIST_PROPS[r.rstrip("s")] for r in re.split(r",? and |, ", roles.group("roles"))
                 if r.rstrip("s") in _LIST_PROPS]
        if not props:
            continue
        work = listed_work(doc, at, s)
        if work is None:
            continue
        if doc.type_of(work) == "TVSeason":
            work = doc.series_of(work) or work
        end = roles.end()
        listed = list(people)
        more = re.match(r",? (?:along with|alongside|with|as well as) ", doc.text[end:s.end])
        if more:
            others = read_people(doc, end + more.end(), s.end)
            listed += others
            if others:
                end = others[-1].end
        for one in listed:
            who = _person(doc, one.name, "listed-roles", doc.text[at:end])
            if who is None or not is_a(doc.type_of(who), "Person"):
                continue
            first = min(one.start, at)
            quote = doc.text[first:max(end, one.end)]
            for prop in props:
                doc.add(work, prop, quote, first, "listed-roles", 0.7, obj=who)
        lists.skip = end


_CHAIR = re.compile(rf"(?P<p>{NAME})(?: \([^()]{{1,80}}\)|, who [^;.]{{3,120}}?,[”\"’]?)? "
                    rf"(?:(?:will|is set to|is to|has) )?"
                    rf"(?:{verbs('step', 'take', forms=('s', 'ed', 'base'))} (?:into|over) the "
                    rf"director[’']s chair|(?:slid|slides|slips|slipped|stepped|steps|is|was|"
                    rf"gets|got) behind the camera)\b")


def rule_directors_chair(doc: Doc, s: Sentence) -> None:
    """"Filmmaker J.A. Bayona (A Monster Calls, The Impossible) steps into the director’s
    chair this time around", "Michael Chaves, who directed “The Curse of La Llorona” …,
    slid behind the camera for this installment": the director of the work in scope."""
    if "director" not in s.text and "camera" not in s.text:
        return
    for m in _CHAIR.finditer(s.text):
        pos = s.start + m.start()
        # not a work named in "who directed “The Curse of La Llorona”": the article's
        work = doc.main_film if ", who " in m.group(0) else doc.work_at(pos, s)
        if work is None:
            continue
        _add_people(doc, work, "director", [doc.trim(m.group("p"))], m.group(0), pos,
                    "directors-chair", 0.7)


_CREDITS_THEN_DIRECTS = re.compile(
    rf"(?P<p>{NAME}) \((?P<c>[^()]{{2,100}})\),? (?:who )?(?:(?:will|is set to|is to|has been "
    rf"tapped to|was tapped to|signed on to|returns to|also) )?(?:direct|helm|directed|helmed|"
    rf"(?:steps|stepped|takes|took) (?:into|over) the director[’']s chair)\b|"
    rf"\b(?:[Dd]irected|[Hh]elmed) by (?P<p2>{NAME}) \((?P<c2>[^()]{{2,100}})\)")


_DIRECTOR_CUE = re.compile(r"\b(?:[Dd]irect|[Hh]elm)")


def rule_director_credits(doc: Doc, s: Sentence) -> None:
    """"Filmmaker J.A. Bayona (A Monster Calls, The Impossible) steps into the director’s
    chair", "Tom Hooper (“The King’s Speech”) will direct", "directed by Joe Wright (Pride &
    Prejudice, Atonement)": the works in parentheses are the director's earlier films."""
    if not _DIRECTOR_CUE.search(s.text):
        return
    for m in _CREDITS_THEN_DIRECTS.finditer(s.text):
        c = "c" if m.group("c") else "c2"
        name = doc.trim(m.group("p") or m.group("p2"))
        if not doc.is_person(name):
            continue
        a, b = s.start + m.start(c), s.start + m.end(c)
        quote = doc.text[s.start + m.start():max(b + 1, s.start + m.end())]
        works = [w for x, y, w in doc.work_spans if a <= x and y <= b]
        items = [i.strip(" “”\"‘’") for i in re.split(r",? and |, ", m.group(c))]
        if not works and all(re.fullmatch(TITLE_WORDS, i) for i in items):
            # "(A Monster Calls, The Impossible)": titles, each the credit of a director
            for item in items:
                at = a + m.group(c).find(item)
                found = doc.lookup(item)
                work = found if found and doc.type_of(found) in ("Movie", "TVSeries") else \
                    None if found else doc.entity(item, "Movie", "director-credits", quote)
                if work is not None:
                    doc.add_work_span(at, at + len(item), work)
                    works.append(work)
        for work in works:
            if doc.type_of(work) in ("Movie", "TVSeries"):
                _add_people(doc, work, "director", [name], quote, s.start + m.start(),
                            "director-credits", 0.6)


_MADE_ALONGSIDE = re.compile(
    rf"^(?P<p>{NAME}|He|She) (?:also |has |had |will |then )?(?P<v>executive[- ]produced|"
    rf"co-produced|produced|directed|co-wrote|wrote|created|co-created) the (?:[a-z-]+ )?"
    rf"(?:series|show|film|movie|documentary|sequel)(?: alongside| along with| with) ")
_MADE_PROPS = {"executive produced": "executiveProducer", "executive-produced":
               "executiveProducer", "co-produced": "producer", "produced": "producer",
               "directed": "director", "co-wrote": "screenwriter", "wrote": "screenwriter",
               "created": "creator", "co-created": "creator"}


def rule_made_alongside(doc: Doc, s: Sentence) -> None:
    """"He also executive produced the series alongside Whitehead, Brad Pitt, Adele
    Romanski, among others": the sentence's subject (the person the text spoke of, for
    "He") and everyone listed hold the role on the work in scope."""
    m = _MADE_ALONGSIDE.match(s.text)
    if m is None:
        return
    if m.group("p") in ("He", "She"):
        who = doc.subject_person(s.start)
        if who is None or not is_a(doc.type_of(who), "Person"):
            return
        first = doc.name_of(who)
    else:
        first = doc.trim(m.group("p"))
    work = doc.work_at(s.start + m.start("v"), s)
    if work is None:
        return
    listed = read_people(doc, s.start + m.end(), s.end)
    if not listed:
        return
    end = listed[-1].end
    _add_people(doc, work, _MADE_PROPS[m.group("v")], [first] + [p.name for p in listed],
                doc.text[s.start:end], s.start, "made-alongside", 0.65)


#: "a series from the mind of Matt Groening", "the brainchild of X".
_MIND_OF = re.compile(rf"\b(?:from the (?:[a-z]+ )?minds? of|(?:is |was )?the brainchild of) "
                      rf"(?P<people>{_PEOPLE})")
#: "with Matt Groening and Josh Weinstein (The Simpsons, Futurama) serving as executive
#: producers".
_WITH_SERVING = re.compile(rf"\bwith (?P<people>{_PEOPLE})(?: \([^()]{{1,80}}\))? (?:serving|"
                           rf"acting|on board) as (?:the )?(?P<job>executive producers?|"
                           rf"co-executive producers?|producers?|showrunners?|co-showrunners?|"
                           rf"writers?|directors?)\b")
_SERVING_PROPS = {"executive producer": "executiveProducer", "co-executive producer":
                  "executiveProducer", "producer": "producer", "showrunner": "creator",
                  "co-showrunner": "creator", "writer": "screenwriter", "director": "director"}


def rule_mind_of(doc: Doc, s: Sentence) -> None:
    """"Disenchantment, an adult animated comedy fantasy series from the mind of Matt
    Groening": its creator; "… is produced by The ULULU Company for Netflix, with Matt
    Groening and Josh Weinstein (The Simpsons, Futurama) serving as executive producers":
    each in that job."""
    for m in _MIND_OF.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        if work is not None:
            _add_people(doc, work, "creator", _names(m.group("people"), doc),
                        m.group(0), pos, "mind-of", 0.7)
    for m in _WITH_SERVING.finditer(s.text):
        pos = s.start + m.start()
        work = _target(doc, pos, s)
        prop = _SERVING_PROPS[m.group("job").lower().removesuffix("s")]
        if work is not None:
            _add_people(doc, work, prop, _names(m.group("people"), doc), m.group(0), pos,
                        "with-serving", 0.7)


_DEBUT = re.compile(rf"(?P<p>{NAME})[’']s? (?:(?:feature|feature-length|narrative) )?"
                    rf"directorial (?:feature )?debut\b")


def rule_directorial_debut(doc: Doc, s: Sentence) -> None:
    """"Passing, Rebecca Hall’s directorial debut, features …", "Bradley Cooper's
    directorial debut A Star is Born": who directs the work named right before or after."""
    if "directorial" not in s.text:
        return
    for m in _DEBUT.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        work = next((w for x, _y, w in doc.work_spans
                     if re.fullmatch(r",? ?[“\"‘]?", doc.text[b:x]) and x >= b), None)
        start = a
        if work is None:
            before = [(x, w) for x, y, w in doc.work_spans
                      if y <= a and re.fullmatch(r"[”\"’]?, ", doc.text[y:a])]
            if before:
                start, work = before[-1]
        if work is None or doc.type_of(work) not in ("Movie", "TVSeries"):
            continue
        end = doc.past_quote(next(y for x, y, w in doc.work_spans if w == work and x >= start))
        _add_people(doc, work, "director", [doc.trim(m.group("p"))],
                    doc.text[start:max(b, end)], start, "directorial-debut", 0.7)


#: "the Peyton Reed-directed sequel", "a Sean Penn-starring space drama": a person's
#: credit joined to the kind of work by a hyphen.
_HYPHEN_CREDIT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Tt]hat) (?P<p>[A-Z][\w’'.]+(?: [A-Z][\w’'.]+){1,3})-"
    r"(?P<v>directed|helmed|starring|led|fronted|penned|written|scripted|created) "
    r"(?:[\w-]+ ){0,3}?(?P<k>film|movie|feature|sequel|prequel|remake|reboot|series|show|"
    r"drama|comedy|thriller|documentary|adaptation|miniseries|project|picture)s?\b")
_HYPHEN_PROP = {"directed": "director", "helmed": "director", "starring": "castMember",
                "led": "castMember", "fronted": "castMember", "penned": "screenwriter",
                "written": "screenwriter", "scripted": "screenwriter", "created": "creator"}


def rule_hyphen_credit(doc: Doc, s: Sentence) -> None:
    """"The Ant-Man sequel, the Peyton Reed-directed sequel", "The First, a Sean
    Penn-starring space drama": the person credited with the work the phrase names
    (the title right after it, else the one it is set beside or in scope)."""
    for m in _HYPHEN_CREDIT.finditer(s.text):
        name = m.group("p")
        if guess_type(name) != "Person" or name.split()[0].lower() in KNOWN_NAMES or (
                doc.lookup(name) is not None and not doc.is_person(name)):
            continue
        after = re.match(r",? [“\"‘]?", s.text[m.end():])
        spans = doc.span_starting(s.start + m.end() + after.end()) if after else []
        work = spans[0][2] if spans else doc.work_at(s.start + m.start(), s)
        if work is None:
            continue
        prop = _HYPHEN_PROP[m.group("v")]
        person = doc.entity(name, "Actor" if prop == "castMember" else "Filmmaker",
                            "hyphen-credit", m.group(0))
        if is_a(doc.type_of(person), "Person"):
            doc.add(work, prop, m.group(0), s.start + m.start(), "hyphen-credit", 0.6,
                    obj=person)


#: "Fickman … is producing along with Willie Kutner, Betsy Sullenger and Sarah Finn",
#: "Exec producing are the Jenkins Reids and Adam Beasley": producers by the verb's -ing.
_PRODUCING = re.compile(
    rf"(?:\b(?:is|are|will be) (?:also )?(?P<v>producing|executive producing|exec producing|"
    rf"co-producing) (?:along with|alongside|with) |^(?P<v2>Producing|Executive producing|"
    rf"Exec producing|Co-producing) (?:are|is) (?:the )?)"
    rf"(?P<people>{NAME}(?:(?:,| and|, and) (?:the )?{NAME})*)")


def rule_producing(doc: Doc, s: Sentence) -> None:
    """"Fickman, the veteran director of …, is producing along with Willie Kutner, Betsy
    Sullenger, Michael Jefferson and Sarah Finn. … Exec producing are the Jenkins Reids
    and Adam Beasley": the producers (executive producers) of the work in scope, and the
    person the sentence opens with."""
    for m in _PRODUCING.finditer(s.text):
        verb = (m.group("v") or m.group("v2") or "").lower()
        prop = "executiveProducer" if verb.startswith(("exec", "executive")) else "producer"
        work = _target(doc, s.start + m.start(), s)
        if work is None:
            continue
        names = _names(re.sub(r"\bthe ", "", m.group("people")), doc)
        first = re.match(rf"(?P<p>{NAME})(?:,| is| are)", s.text)
        if m.group("v") and first and first.start("p") == 0:
            names.insert(0, first.group("p"))
        for name in names:
            who = _person(doc, name, "producing", m.group(0))
            if who is not None and is_a(doc.type_of(who), "Person"):
                doc.add(work, prop, m.group(0), s.start + m.start(), "producing", 0.6,
                        obj=who)


_COMPANY = rf"(?:\d+ )?{NAME}"
_COMPANIES = rf"{_COMPANY}(?:(?:,| and|, and| &) {_COMPANY})*"
#: The trade press's closing line on who makes a show: "Universal Television, Paulilu
#: Productions, First Thought Productions, Fremulon and 3 Arts Entertainment produce.",
#: "Sony Pictures Television and Amazon Studios will produce the series.", "Amazon MGM
#: Studios and Kilter Films produce in association with Bethesda Game Studios".
_COMPANIES_PRODUCE = re.compile(
    rf"(?:^|(?<=[;:] ))(?P<a>{_COMPANIES}) (?:will |also |will also |both |jointly )?"
    rf"(?:co-)?(?:produces?|(?:is|are) (?:co-)?producing)\b"
    rf"(?: (?:the (?:[a-z-]+ )?(?:series|show|film|movie|drama|comedy|pilot|project)|"
    rf"[“\"‘]?(?P<t>[A-Z][^,.;]{{0,60}}?)[”\"’]?))?"
    rf"(?: in association with (?P<b>{_COMPANIES}))?(?=[,.;]|$)")


def _company(doc: Doc, name: str, listed_with_company: bool) -> bool:
    """Whether a name listed as a maker is a company: by its words ("Paulilu
    Productions"), the entity the article knows, or, listed with one, any name that is
    not a person's ("Fremulon", "The Mighty Mint")."""
    found = doc.lookup(name)
    kind = doc.type_of(found) if found else guess_type(name)
    if is_a(kind, "NewsMediaOrganization") or is_a(kind, "SocialMediaPlatform"):
        return False
    if is_a(kind, "Organization"):
        return True
    return listed_with_company and found is None and \
        name.split()[0].lower() not in FIRST_NAMES and len(name.split()) <= 4


def rule_companies_produce(doc: Doc, s: Sentence) -> None:
    """"Universal Television, Paulilu Productions, First Thought Productions, Fremulon
    and 3 Arts Entertainment produce.", "Warner Bros. Television and Greg Berlanti
    Productions will produce.", "Mammoth Screen is producing the Noughts and Crosses
    series.": every company listed (and one "in association with") is the
    `productionCompany` of the work named, else of the work in scope; never people
    ("Fogelman and Brown produce") nor a list with no company word in it."""
    if "produc" not in s.text:
        return
    for m in _COMPANIES_PRODUCE.finditer(s.text):
        names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+&\s+",
                                             f"{m.group('a')}, {m.group('b') or ''}")
                 if n.strip()]
        pos = s.start + m.start()
        cut = re.search(r"(?:^|\s)(?P<n>[A-Z][\w-]* (?:Bros|Inc|Ltd|Corp|Co)\.)\s*$",
                        doc.text[max(0, pos - 30):pos]) if m.start() == 0 else None
        if cut:
            # "Warner Bros. Television and Greg Berlanti Productions will produce.": a name
            # the sentences were cut inside
            names[0] = f"{cut.group('n')} {names[0]}"
            pos -= len(cut.group("n")) + 1
        kinds = {n: doc.type_of(doc.lookup(n)) or guess_type(n) for n in names}
        if not any(is_a(kind, "Organization") for kind in kinds.values()) or any(doc.is_person(n, strict=True) and n.split()[0].lower() in
                            FIRST_NAMES for n in names):
            continue
        spans = doc.span_starting(s.start + m.start("t")) if m.group("t") else []
        if m.group("t") and not spans:
            continue  # a title no rule read: not sure of the work
        work = spans[0][2] if spans else doc.work_at(pos, s)
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        for name in names:
            if not _company(doc, name, True):
                continue
            found = doc.lookup(name)
            kind = kinds[name]
            org = found or doc.entity(name, kind if is_a(kind, "Organization") and
                                      kind != "Organization" else "ProductionCompany",
                                      "companies-produce", doc.text[pos:s.start + m.end()])
            doc.add(work, "productionCompany", doc.text[pos:s.start + m.end()], pos,
                    "companies-produce", 0.65, obj=org)

#: A credits bracket after a title: "A Thousand and One / U.S.A. (Director and
#: Screenwriter: A.V. Rockwell, Producers: Eddie Vaisman, …)", "Scrapper (Director:
#: Charlotte Regan)": roles before a colon, then the people who hold them.
_BRACKET_ROLE = (r"(?:Executive Producers?|Co-Directors?|Directors?|Screenwriters?|"
                 r"Writers?|Producers?)")
_CREDIT_BRACKET = re.compile(
    rf"(?P<title>[“\"‘]?[A-Z0-9][^()\n:;“”\"]{{0,80}}?(?::\s[A-Z][^()\n:;]{{0,60}}?)?)"
    rf"[”\"’]?(?: / [A-Z][\w. ]{{1,30}}?)? \((?P<body>{_BRACKET_ROLE}"
    rf"(?: and {_BRACKET_ROLE})*: [^()\n]{{3,300}})\)")
_BRACKET_PROPS = {"director": "director", "co-director": "director",
                  "screenwriter": "screenwriter", "writer": "screenwriter",
                  "producer": "producer", "executive producer": "executiveProducer"}
#: Where a title before a credits bracket begins: the line, "for", "to".
_TITLE_OPEN = re.compile(r"(?:^|\bfor |\bto |\n)(?=[“\"‘]?[A-Z0-9])")
_TITLE_SMALL = {"a", "an", "the", "and", "of", "to", "in", "on", "for", "at", "with", "from",
                "by", "or", "&"}
#: A name in a credits bracket, its small particles too: "Juan de Dios Larraín".
_BRACKET_NAME = re.compile(rf"{NAME}(?: (?:de|del|da|di|dos|das|du|van|von|der|la|le) {NAME})*")


def rule_credit_bracket(doc: Doc, s: Sentence) -> None:
    """"The U.S. Grand Jury Prize: Dramatic was presented to A.V. Rockwell for A Thousand
    and One / U.S.A. (Director and Screenwriter: A.V. Rockwell, Producers: Eddie Vaisman,
    Julia Lebedev, Lena Waithe, Rishi Rajani, Brad Weston)" (the Sundance awards of
    2023): a festival's credits bracket after a title (maybe its country after a
    slash): each role before a colon, "Director and Producer", and the people after it
    until the next role, of that work (`director`, `screenwriter`, `producer`,
    `executiveProducer`). Not: a bracket of earlier credits after a person ("directed by
    Joe Wright (Pride & Prejudice, Atonement)": no roles), a person before the bracket
    ("Maite Alberdi (Director: …)"), a company or a place."""
    for m in _CREDIT_BRACKET.finditer(s.text):
        head = s.text[:m.end("title")]
        opens = [(o.group(0) == "for ", o.end()) for o in _TITLE_OPEN.finditer(head)
                 if m.start("title") <= o.end() <= m.end("title")]
        # the last "for" ("for Going to Mars: …"), else the last opening
        begin = max(opens)[1] if opens else m.start("title")
        title = s.text[begin:m.end("title")].strip("“”\"‘’ ")
        if not title or len(title.split()) > 10:
            continue
        end_title = s.start + m.end("title")
        named = [(a, w) for a, b, w in doc.work_spans
                 if s.start <= a < end_title and end_title - 2 <= b <= end_title]
        if named:  # "The documentary The Eternal Memory (Director …": the title read
            begin = named[-1][0] - s.start
            title = doc.text[named[-1][0]:end_title].strip("“”\"‘’ ")
        work = named[-1][1] if named else doc.lookup(title)
        if work is None:
            if doc.is_person(title) or not all(
                    w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL
                    for w in title.split()) or (
                    (kind_of := guess_type(title)) is not None and
                    not is_a(kind_of, "CreativeWork") and kind_of != "Person"):
                continue
            kind = "TVSeries" if re.search(r"\b(?:[Ss]eries|TV|[Ss]eason)\b", s.text) and \
                not re.search(r"\b(?:[Ff]ilm|[Mm]ovie|[Dd]ocumentary)\b", s.text) else "Movie"
            work = doc.entity(title, kind, "credit-bracket", s.text[begin:m.end()])
        elif not is_a(doc.type_of(work), "CreativeWork"):
            continue
        roles: tuple[str, ...] = ()
        offset = m.start("body")
        for part in re.split(r"(?<=,) ", m.group("body")):
            r = re.match(rf"(?P<r>{_BRACKET_ROLE}(?: and {_BRACKET_ROLE})*): ", part)
            name = part[r.end():] if r else part
            if r is not None:
                roles = tuple(dict.fromkeys(
                    _BRACKET_PROPS[x.lower().rstrip("s")] for x in
                    re.split(r" and ", r.group("r"))))
            end = offset + (r.end() if r else 0) + len(name.rstrip(","))
            offset += len(part) + 1
            name = name.strip().rstrip(",").strip()
            if not roles or not _BRACKET_NAME.fullmatch(name):
                continue
            quote = s.text[begin:end]
            for prop in roles:
                _add_people(doc, work, prop, [name], quote, s.start + begin,
                            "credit-bracket", 0.65)


RULES = [rule_studio, rule_maker_possessive, rule_filmmaker_title, rule_directed, rule_by, rule_role_before_name, rule_return_as, rule_behind,
         rule_serves_as, rule_include, rule_script, rule_lead, rule_set_to_direct, rule_doing,
         rule_parenthesised_credit, rule_exec_produce, rule_role_apposition, rule_listed_roles,
         rule_directors_chair, rule_director_credits,
         rule_made_alongside, rule_mind_of, rule_directorial_debut, rule_returning_to_direct,
         rule_hyphen_credit, rule_producing, rule_credit_bracket, rule_makes_work,
         rule_companies_produce]
