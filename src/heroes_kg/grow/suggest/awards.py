"""Awards: who or what won or was nominated for a named award — "Oscar winner Viola
Davis", "Emmy-nominated writers Marti Noxon and Sarah Gertrude Shapiro", "whose film
Nomadland won the Golden Lion", "Appleby was nominated for a Critics' Choice TV award".

The award is the prize as the article names it (the Oscar, an Emmy, the Palme d’Or), not
the ceremony or the organisation that gives it; a festival named alone is no award. The
well-known prizes keep one id and name whatever the wording ("Oscar" and "Academy Award"
are one award), so that the same prize is one entity across articles."""

from __future__ import annotations

import re

from ._doc import Doc
from ._terms import is_a
from ._text import NAME, Sentence, slug

__all__ = ["AWARD_LABEL", "RULES", "award_line"]

#: The prizes film and TV news names most, as (pattern, id, name): one entity each.
_CANONICAL: list[tuple[str, str, str]] = [
    (r"Oscars?|Academy Awards?", "academy-award", "Academy Award"),
    (r"Emmys?(?: Awards?)?", "emmy-award", "Emmy Award"),
    (r"Golden Globes?(?: Awards?)?", "golden-globe-award", "Golden Globe"),
    (r"BAFTAs?(?: Awards?)?|Baftas?(?: Awards?)?", "bafta", "BAFTA"),
    (r"Tony Awards?|Tonys?(?= (?:winner|nominee)|[- ](?:winning|nominated))", "tony-award",
     "Tony Award"),
    (r"Peabody(?: Awards?)?", "peabody-award", "Peabody Award"),
    (r"Pulitzer(?: Prize)?", "pulitzer-prize", "Pulitzer Prize"),
    (r"Grammys?(?: Awards?)?", "grammy-award", "Grammy Award"),
    (r"Palme d[’']Or", "palme-dor", "Palme d’Or"),
    (r"Golden Lion", "golden-lion", "Golden Lion"),
    (r"Golden Bear", "golden-bear", "Golden Bear"),
]
#: Other named awards, kept as named: "a Critics' Choice TV award", "a SAG Award".
_OTHER = (r"(?:Critics[’']? Choice(?: TV| Movie| Television)?|SAG|Screen Actors Guild|"
          r"Gotham(?: TV)?|Independent Spirit|Spirit|Annie|César|Goya|Saturn|Peoples?[’']s? "
          r"Choice) [Aa]wards?")
_AWARD = "|".join(f"(?:{p})" for p, _i, _n in _CANONICAL) + f"|(?:{_OTHER})"

#: Words between the award and the person or work it qualifies: "Oscar-winning director
#: Steve McQueen", "Emmy-nominated writers …", "the Oscar-winning film “Spotlight”".
_NOUN = (r"(?:(?:[a-z]+ )?(?:actor|actress|actors|actresses|star|stars|director|directors|"
         r"filmmaker|filmmakers|writer|writers|screenwriter|screenwriters|producer|producers|"
         r"composer|creator|creators|showrunner|comedian|singer|documentarian|auteur|"
         r"cinematographer|editor|film|movie|series|show|shows|drama|comedy|documentary|"
         r"miniseries|animated film|feature)"
         r"(?: and (?:executive )?(?:producer|director|writer|creator|star))?)")
_EPITHET = re.compile(
    rf"(?<![\w-])(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Mm]ultiple|[Dd]ouble|"
    rf"[Tt]riple|\d+)[- ]time )?(?:(?:19|20)\d\d )?(?P<award>{_AWARD})"
    rf"(?:[- ](?P<adj>winning|nominated)|[- ](?P<noun>winner|nominee)s?)"
    rf"(?:,? (?P<kind>{_NOUN}))?,? (?=(?P<rest>.*))")
#: "Jacques Audiard, 2015 Palme d’Or winner for Dheepan": the winner named before.
_TRAILING = re.compile(
    rf"(?P<n>{NAME}), (?:the |a )?(?:(?:19|20)\d\d )?(?P<award>{_AWARD}) "
    rf"(?P<noun>winner|nominee)\b")
_WORK_KINDS = re.compile(r"\b(?:film|movie|series|show|shows|drama|comedy|documentary|"
                         r"miniseries|feature)$")


def _award(doc: Doc, name: str, quote: str) -> str:
    """The award entity for a name the article gives: a known one, a well-known prize's
    one id, or a new award named as the article names it."""
    name = re.sub(r"^(?:the|a|an) ", "", name.strip())
    for pattern, award_id, award_name in _CANONICAL:
        if re.fullmatch(pattern, name):
            found = doc.lookup(award_name) or doc.lookup(name)
            if found is not None and is_a(doc.type_of(found), "Award"):
                return found
            return doc.derived(award_id, "Award", award_name, "award", quote)
    found = doc.lookup(name)
    if found is not None and is_a(doc.type_of(found), "Award"):
        return found
    name = re.sub(r"\bawards\b", "award", name)
    name = re.sub(r"\bAwards\b", "Award", name)
    return doc.derived(slug(name), "Award", name, "award", quote)


_LEAD_NAMES = re.compile(rf"(?P<names>{NAME}(?:(?:,| and|, and) {NAME})*)")


def rule_award_epithet(doc: Doc, s: Sentence) -> None:
    """"Oscar winner Viola Davis", "Academy Award-winning director Steve McQueen",
    "Emmy-nominated writers Marti Noxon and Sarah Gertrude Shapiro", "Peabody
    Award-winning Treme", "the 2015 Oscar-winning film “Spotlight”": the award the person
    or work that follows won (or was nominated for). A work follows as a title (a work
    the article names there); "Academy Award-winning film" names the film, not its
    director; a person follows as a name, with "and" for two."""
    for m in _EPITHET.finditer(s.text):
        prop = "awardReceived" if (m.group("adj") or m.group("noun")) in (
            "winning", "winner") else "nominatedFor"
        rest_at = s.start + m.start("rest")
        kind = m.group("kind") or ""
        subjects: list[str] = []
        end = s.start + m.end("rest")
        spans = [(b, w) for a, b, w in doc.work_spans if rest_at <= a <= rest_at + 1]
        if spans and not re.search(r"\b(?:actor|actress|star|director|writer|producer|"
                                   r"filmmaker|creator|composer)s?$", kind):
            end, subjects = spans[0][0], [spans[0][1]]
        elif not _WORK_KINDS.search(kind):
            lead = _LEAD_NAMES.match(m.group("rest"))
            if lead is not None:
                names = re.split(r",? and |, ", lead.group("names"))
                if len(names) > 1 and not (kind.endswith("s") or (m.group("noun") and
                                           m.group(0)[m.end("noun"):].startswith("s"))):
                    names = names[:1]
                end = rest_at + len(lead.group("names")) if len(names) > 1 else \
                    rest_at + len(names[0])
                for name in names:
                    name = doc.trim(name)
                    found = doc.lookup(name)
                    if found is not None:
                        if is_a(doc.type_of(found), "Person") or (
                                not kind and is_a(doc.type_of(found), "CreativeWork")):
                            subjects.append(found)
                    elif doc.is_person(name):
                        subjects.append(doc.entity(name, "Person", "award-epithet", s.text))
        if not subjects:
            continue
        award = _award(doc, m.group("award"), m.group(0))
        quote = doc.text[s.start + m.start():end]
        for subject in subjects:
            doc.add(subject, prop, quote, s.start + m.start(), "award-epithet", 0.8,
                    obj=award)
    for t in _TRAILING.finditer(s.text):
        name = doc.trim(t.group("n"))
        found = doc.lookup(name)
        if found is None and doc.is_person(name):
            found = doc.entity(name, "Person", "award-epithet", s.text)
        if found is None or not is_a(doc.type_of(found), "Person"):
            continue
        prop = "awardReceived" if t.group("noun") == "winner" else "nominatedFor"
        award = _award(doc, t.group("award"), t.group(0))
        doc.add(found, prop, t.group(0), s.start + t.start(), "award-epithet", 0.75,
                obj=award)


#: "won the Golden Lion", "was nominated for a Critics' Choice TV award", "earned him his
#: first Oscar", "will compete for the Golden Bear".
_VERB = re.compile(
    rf"\b(?P<verb>(?:won|wins|win|took home|takes home|picked up|scooped|bagged|received|"
    rf"receives|earned|earns)(?: (?:him|her|them))?|"
    rf"(?:(?:was|were|is|are|been|be|has been|have been|also|previously|already) |(?<=, ))"
    rf"nominated for|"
    rf"(?:compete|competes|competing|vie|vies|vying) for)"
    rf" (?:the |an? |his |her |their |its )?(?:first |second |third |fourth |fifth |"
    rf"prestigious |coveted |(?:19|20)\d\d )?(?P<award>{_AWARD})\b")
#: What stands between the winner and the verb: "Appleby was", "Miguel Sapochnik, who",
#: "whose film Nomadland".
_BEFORE = re.compile(
    rf"(?:(?P<n>{NAME})|(?P<q>[”\"]))(?:,? who| (?:has|have|had|also|previously|once|"
    rf"already|recently|just|will|actually|would|could))*(?: (?:actually|also))?,? $")


def rule_award_won(doc: Doc, s: Sentence) -> None:
    """"whose film Nomadland won the Golden Lion at last year’s festival", "Miguel
    Sapochnik, who won an Emmy", "Appleby was nominated for a Critics' Choice TV award",
    "“Joker” earned him his first Oscar" (him: the person the sentence opens with),
    "Only Liu’s film, the animated “Have a Nice Day,” will actually compete for the Golden
    Bear": the winner (or nominee) is the person or work named right before the verb."""
    for m in _VERB.finditer(s.text):
        verb = m.group("verb")
        prop = "nominatedFor" if re.search(r"nominated|compet|vie|vying", verb) else \
            "awardReceived"
        subject: str | None = None
        if re.search(r" (?:him|her)$", verb):
            lead = re.match(rf"(?P<n>{NAME})", s.text)
            if lead is not None:
                found = doc.lookup(strip := doc.trim(lead.group("n").split("’")[0]))
                if found is not None and is_a(doc.type_of(found), "Person"):
                    subject = found
                elif doc.is_person(strip):
                    subject = doc.entity(strip, "Person", "award-won", s.text)
        else:
            head = s.text[max(0, m.start() - 120):m.start()]
            b = _BEFORE.search(head)
            if b is None:
                continue
            at = s.start + max(0, m.start() - 120) + b.start()
            if b.group("q"):
                spans = [w for _a, e, w in doc.work_spans if at <= e <= at + 1]
                subject = spans[-1] if spans else None
            else:
                name = doc.trim(b.group("n"))
                found = doc.lookup(name)
                named = [w for _a, e, w in doc.work_spans if e == at + len(b.group("n"))]
                if found is None and named:
                    found = named[-1]  # "whose film Nomadland won the Golden Lion"
                if found is not None and (is_a(doc.type_of(found), "Person") or
                                          is_a(doc.type_of(found), "CreativeWork")):
                    subject = found
                elif found is None and doc.is_person(name, strict=False) and \
                        not re.match(r"[a-z]", head[b.start():]):
                    subject = doc.entity(name, "Person", "award-won", s.text)
        if subject is None:
            continue
        award = _award(doc, m.group("award"), m.group(0))
        begin = max(0, m.start() - 60)
        if begin:
            begin = s.text.find(" ", begin) + 1
        doc.add(subject, prop, s.text[begin:m.end()], s.start + begin, "award-won", 0.7,
                obj=award)


#: An award heading a line of a winners list, before a colon: "People's Choice Award",
#: "The FIPRESCI Prize for Special Presentations", "Best Motion Picture - Drama"; a
#: festival's name alone is none.
AWARD_LABEL = (r"(?P<award>(?:The )?[A-Z][^:\n]{2,80}?\b(?:Awards?|Prize)(?: [^:\n]{1,60}?)?|"
               r"Best [A-Z][^:\n]{2,60}?)")


def award_line(doc: Doc, work: str, label: str, line: Sentence) -> None:
    """"People's Choice Award: Green Book by Peter Farrelly", a line of a winners list:
    the work after the colon won the award the line opens with (rule ``award-line``)."""
    award = _award(doc, label, line.text)
    doc.add(work, "awardReceived", line.text.strip(), line.start, "award-line", 0.7,
            obj=award)


RULES = [rule_award_epithet, rule_award_won]
