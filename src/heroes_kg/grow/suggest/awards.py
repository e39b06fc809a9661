"""Awards: who or what won or was nominated for a named award — "Oscar winner Viola
Davis", "Emmy-nominated writers Marti Noxon and Sarah Gertrude Shapiro", "whose film
Nomadland won the Golden Lion", "Appleby was nominated for a Critics' Choice TV award".

The award is the prize as the article names it (the Oscar, an Emmy, the Palme d’Or), not
the ceremony or the organisation that gives it; a festival named alone is no award. The
well-known prizes keep one id and name whatever the wording ("Oscar" and "Academy Award"
are one award), so that the same prize is one entity across articles."""

from __future__ import annotations

import re

from ._doc import WORK_TYPES, Doc
from ._terms import is_a
from ._text import NAME, TITLE_SHAPE, Sentence, slug, title_cased

__all__ = ["AWARD_LABEL", "DOC_RULES", "RULES", "award_line"]

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


def _category_award(doc: Doc, name: str, prefix: str | None, rule: str, quote: str,
                    bare: str | None = None) -> str:
    """The award a ceremony's category is: the one known by ``name``, else a new one
    named so, its id after the ceremony's prize (``bafta-best-director``) and the
    category's own words (``bare``: the name without "award" or the prize)."""
    found = doc.lookup(name)
    if found is not None and is_a(doc.type_of(found), "Award"):
        return found
    key = slug(bare if bare is not None else name)
    if prefix == "academy-award" and key.startswith("best-"):
        # the Oscars' categories as Wikidata and the curators name them: "Academy Award
        # for Best Picture" (academy-award-for-best-picture)
        words = re.sub(r"^(?:the )?(?:academy award|oscar)s? (?:for )?", "",
                       (bare or name).strip(), flags=re.IGNORECASE)
        return doc.derived(f"academy-award-for-{key}", "Award",
                           f"Academy Award for {title_cased(words)}", rule, quote)
    return doc.derived(f"{prefix}-{key}" if prefix else key, "Award", name, rule, quote)


def _category_work_kind(cat: str, prefix: str | None) -> str:
    """The kind of a new work a category names: a series for a TV category or an Emmy."""
    return "TVSeries" if prefix == "emmy" or re.search(
        r"\b(?:[Ss]eries|[Tt]elevision|TV|[Ss]how)\b", cat) else "Movie"


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


def _winner(doc: Doc, s: Sentence, verb: str, at_verb: int, rule: str) -> str | None:
    """The person or work named right before the verb at ``at_verb`` of the sentence
    (for "earned him", the person the sentence opens with)."""
    subject: str | None = None
    if re.search(r" (?:him|her)$", verb):
        lead = re.match(rf"(?P<n>{NAME})", s.text)
        if lead is not None:
            found = doc.lookup(strip := doc.trim(lead.group("n").split("’")[0]))
            if found is not None and is_a(doc.type_of(found), "Person"):
                subject = found
            elif doc.is_person(strip):
                subject = doc.entity(strip, "Person", rule, s.text)
    else:
        head = s.text[max(0, at_verb - 120):at_verb]
        b = _BEFORE.search(head)
        if b is None:
            return None
        at = s.start + max(0, at_verb - 120) + b.start()
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
                subject = doc.entity(name, "Person", rule, s.text)
    return subject


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
        subject = _winner(doc, s, verb, m.start(), "award-won")
        if subject is None:
            continue
        award = _award(doc, m.group("award"), m.group(0))
        begin = max(0, m.start() - 60)
        if begin:
            begin = s.text.find(" ", begin) + 1
        doc.add(subject, prop, s.text[begin:m.end()], s.start + begin, "award-won", 0.7,
                obj=award)


#: A category named in prose: "Best Actress BAFTA", "the Best Actor award", "Best
#: Original Screenplay", "the best picture Oscar"; in lower case only a category's own
#: words ("best director", never "the best person for this project").
_CAT_CAPS = (r"(?:Best|Outstanding) [A-Z][\w’'-]*(?: (?:(?:in|a|an|or|for|by|of|the|and|&|"
             r"-|–) )*[A-Z][\w’'-]*)*")
_CAT_LOWER = (r"(?:best|outstanding) (?:(?:lead|leading|supporting|original|adapted|"
              r"foreign[- ]language|international|animated|documentary|comedy|drama) )?"
              r"(?:picture|film|director|directing|actor|actress|documentary|screenplay|"
              r"editing|cinematography|drama series|comedy series|limited series)\b"
              r"(?: in an? (?:drama|comedy|limited) series| in a (?:leading|supporting) role)?")
_CAT_VERB = re.compile(
    rf"\b(?P<verb>(?:won|wins|took home|takes home|picked up|scooped|received|"
    rf"(?:was|were|is|are|been|also) (?:nominated for|up for)))"
    rf" (?:the |a |an )?(?:(?P<prize>award|prize|trophy|Emmy|Oscar) for (?:the )?)?"
    rf"(?P<award>(?:{_CAT_CAPS}|{_CAT_LOWER})"
    rf"(?: (?:{_AWARD}))?(?: (?:[Aa]ward|[Pp]rize|accolade|trophy|statuette))?)"
    rf"(?![\w’'-]| of (?:the|all|its|his|her|their|(?:19|20)\d\d)\b)")
#: What may follow the category: the ceremony, the nominations' word, the title "for"
#: which: "at the Oscars", "looks for Succession", "for his performance in Elvis".
_CAT_TAIL = re.compile(
    rf"(?:(?: at the| at this year’s)? (?P<at>{_AWARD}|BAFTAs?|Emmys|Oscars))?"
    rf"(?: (?P<nods>nods?|nominations?|looks?|bids?))?"
    rf"(?: for (?:(?:his|her|their) (?:role|performance|turn|work) in )?(?P<for>[^,.;]+))?")
_ACTING = re.compile(r"\b(?:[Aa]ctor|[Aa]ctress|[Pp]erformance)\b")


def rule_award_category_won(doc: Doc, s: Sentence) -> None:
    """"Cate Blanchett won Best Actress BAFTA for TÁR while Austin Butler took home the
    Best Actor award for his performance in Elvis", "Three Billboards wins Best Film",
    "McDormand and Robbie are also up for Best Actress at the Oscars": the person or work
    named right before the verb won (or is nominated for) the ceremony's category, an
    award named as the sentence names it (its id after the prize it names, or else the
    one the article names most: ``bafta-best-actress``). An acting category won "for"
    a title also makes the person a cast member of it. Not: "best" in ordinary prose
    ("won the best film of the year", "picked up the best person for this project")."""
    for m in _CAT_VERB.finditer(s.text):
        verb = m.group("verb")
        subject = _winner(doc, s, verb, m.start(), "award-category-won")
        if subject is None:
            continue
        name = m.group("award")
        award_end = m.end("award")
        if m.group("prize") and " for " in name:
            # "picked up the award for Best Original Screenplay for The French …": the
            # category ends before the title
            award_end -= len(name) - name.index(" for ")
            name = name[:name.index(" for ")]
        cut = re.search(rf"(?<=.) (?:{'|'.join(p for p, _i, _n in _CANONICAL)})\b", name)
        if cut is not None:  # "Best Actress BAFTA for TÁR": the category ends at its prize
            award_end -= len(name) - cut.end()
            name = name[:cut.end()]
        t = _CAT_TAIL.match(s.text, award_end)
        assert t is not None  # every part is optional
        prop = "nominatedFor" if re.search(r"nominated|up for", verb) or t.group("nods") \
            else "awardReceived"
        prize = next((i for p, i, _n in _CANONICAL
                      if re.search(rf"\b(?:{p})\b", name + " " + (t.group("at") or ""))),
                     None)
        prefix = _PREFIX.get(prize) if prize else _ceremony(doc)
        bare = re.sub(rf"\s*\b(?:{_AWARD}|[Aa]ward|[Pp]rize|accolade|trophy|statuette)\b",
                      "", name).strip()
        end = t.end("at") if t.group("at") else award_end
        begin = max(0, m.start() - 60)
        if begin:
            begin = s.text.find(" ", begin) + 1
        quote = s.text[begin:end]
        if m.group("prize") in ("Emmy", "Oscar"):
            # "won the Emmy for Outstanding Supporting Actress in a Drama Series"
            name = f"{m.group('prize')} for {name}"
        award = _category_award(doc, name, prefix, "award-category-won", quote, bare)
        doc.add(subject, prop, quote, s.start + begin, "award-category-won", 0.65,
                obj=award)
        title = (t.group("for") or "").strip()
        if title and _ACTING.search(name) and is_a(doc.type_of(subject), "Person"):
            at = s.start + t.start("for")
            words = title.split()
            works = [w for a, _b, w in doc.work_spans if a == at] or [
                w for n in range(min(8, len(words)), 0, -1)
                if (w := doc.lookup(" ".join(words[:n]))) is not None][:1]
            if works and is_a(doc.type_of(works[0]), "CreativeWork"):
                doc.add(works[0], "castMember", s.text[begin:t.end("for")].strip(),
                        s.start + begin, "award-category-won", 0.6, obj=subject)


#: "a Lead Actress in a Limited Series nomination for Regina King, Lead Actor in a
#: Limited Series for Jeremy Irons": a category, then the person it names.
_CAT_FOR = re.compile(
    rf"(?<![\w’'-])(?P<award>(?:Best|Outstanding|Lead|Supporting) [A-Z][\w’'/-]*"
    rf"(?: (?:(?:in|a|an|or|for|of|the|and|&|-|–) )*[A-Z][\w’'/-]*)*?)"
    rf" (?:(?P<nom>nomination|nod)s? )?for (?P<n>{NAME})")


def rule_award_category_for(doc: Doc, s: Sentence) -> None:
    """"Watchmen led all nominees with 26 nods, including Outstanding Limited
    Series/Movie, as well as a Lead Actress in a Limited Series nomination for Regina
    King, Lead Actor in a Limited Series for Jeremy Irons and Supporting Actress in a
    Limited Series for Jean Smart": the person named after "for" is nominated for the
    category before it, in a sentence about nominations (nominees, nods, a nomination);
    the award is named as the sentence names it. Not: a category "for" a title ("won
    Best Actress for TÁR" is ``award-category-won``), nor outside a nominations
    sentence."""
    if not re.search(r"\b(?:nominat\w*|nods?|nominees?)\b", s.text):
        return
    prefix: str | None = None
    for m in _CAT_FOR.finditer(s.text):
        name = doc.trim(m.group("n"))
        found = doc.lookup(name)
        if found is not None and not is_a(doc.type_of(found), "Person"):
            continue
        if found is None and not doc.is_person(name):
            continue
        person = found or doc.entity(name, "Person", "award-category-for", s.text)
        cat = m.group("award")
        prefix = prefix or _ceremony(doc)
        award = _category_award(doc, cat, prefix, "award-category-for", m.group(0))
        doc.add(person, "nominatedFor", m.group(0), s.start + m.start(),
                "award-category-for", 0.65, obj=award)


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


#: A prize line: "The U.S. Grand Jury Prize: Dramatic was presented to A.V. Rockwell for
#: A Thousand and One / U.S.A. (…)", "The Audience Award went to Sian Heder for CODA":
#: the prize as named (capitalised words ending in "Award" or "Prize", maybe a colon and
#: its section), the people it went to, the work after "for".
_PRIZE_NAME = (r"(?:[A-Z][\w.’'-]*\s)(?:(?:[A-Z][\w.’'-]*|of|for|the|in|a|and|&)\s)*?"
               r"(?:Award|Prize)(?::\s[A-Z][\w-]*)?")
_PRESENTED = re.compile(
    rf"(?<![\w’'-])(?P<award>{_PRIZE_NAME}) (?:(?:was|were) (?:presented|awarded|given)|went)"
    rf" to (?P<names>{NAME}(?:(?:,| and|, and) {NAME})*) for "
    rf"(?:(?:his|her|their) (?:film|documentary|movie|feature|short|series) )?"
    rf"(?P<title>[“\"‘]?[A-Z0-9][^/(—–;:\n“”\"]{{0,80}}?(?::\s[A-Z][^/(—–;:\n]{{0,60}}?)?)"
    rf"[”\"’]?(?= / | \(| [—–-] |[,.;]\s|[,.;]?$)")


def rule_award_presented(doc: Doc, s: Sentence) -> None:
    """"The World Cinema Grand Jury Prize: Documentary was presented to Maite Alberdi for
    The Eternal Memory / Chile (Director and Producer: Maite Alberdi, …)" (the Sundance
    awards of 2023), "The Audience Award went to … for …": a prize line. Both the work
    after "for" and each person it was presented to received the prize, named as the
    line names it. Not: a line whose recipients are not people ("was presented to the
    festival's jury for …"), a performance ("for her role in …": no title), a title the
    line does not end ("for The Eternal Memory, which …" is read; "for its work on …" is
    not a title)."""
    for m in _PRESENTED.finditer(s.text):
        names = [doc.trim(x) for x in re.split(r",? and |, ", m.group("names"))]
        if not names or not all(doc.is_person(x) for x in names):
            continue
        title = m.group("title").strip("“”\"‘’ ")
        if not title or len(title.split()) > 10 or doc.is_person(title):
            continue
        at = s.start + m.start("title")
        work = next((w for a, _b, w in doc.work_spans if at <= a <= at + 1), None) or \
            doc.lookup(title)
        if work is not None and not is_a(doc.type_of(work), "CreativeWork"):
            continue
        quote = s.text[m.start():m.end("title")].rstrip("”\"’")
        if work is None:
            kind = "TVSeries" if re.search(r"\b(?:[Ss]eries|[Tt]elevision|TV|[Ss]how)\b",
                                           m.group("award")) else "Movie"
            work = doc.entity(title, kind, "award-presented", quote)
        award = _award(doc, re.sub(r"^The ", "", m.group("award")), quote)
        start = s.start + m.start()
        doc.add(work, "awardReceived", quote, start, "award-presented", 0.7, obj=award)
        for name in names:
            person = doc.entity(name, "Person", "award-presented", quote)
            doc.add(person, "awardReceived", quote, start, "award-presented", 0.7, obj=award)


#: A category that went to someone: "The best actor award went to Vincent Lindon for The
#: Measure Of A Man", "Best Director went to Portuguese filmmaker Marco Martins for Saint
#: George", "The Golden Bear for Best Film went to Dahomey".
_CANON = "|".join(p for p, _i, _n in _CANONICAL)
_CAT_WENT = re.compile(
    rf"(?<![\w’'-])(?P<award>(?:(?:[Tt]he )?(?P<prize>{_CANON}) for )?(?:[Tt]he )?"
    rf"(?:{_CAT_CAPS}|{_CAT_LOWER})(?: (?:[Aa]ward|[Pp]rize|accolade|trophy))?)"
    rf" (?:(?:was|were) (?:presented|awarded|given)|went) to "
    rf"(?:(?:[A-Z][a-z]+ )?(?:filmmaker|director|actor|actress|newcomer|star|writer|"
    rf"screenwriter) )?(?P<names>{NAME}(?:(?:,| and|, and) {NAME})*)"
    rf"(?: for (?P<title>[“\"‘]?[A-Z0-9][^/(—–;:\n“”\"]{{0,60}}?)[”\"’]?"
    rf"(?= by [A-Z]| / | \(| [—–-] |[,.;]\s|[,.;]?$))?")
_PERFORMING = re.compile(r"\b(?:[Aa]ctor|[Aa]ctress|[Pp]erformance|[Pp]erformer)\b")


def rule_award_category_went(doc: Doc, s: Sentence) -> None:
    """"The best actor award went to Vincent Lindon for The Measure Of A Man" (Cannes,
    2015), "Best Director went to Portuguese filmmaker Marco Martins for Saint George"
    (Macau, 2016), "The best director award went to Chloe Zhao" (the Golden Globes of
    2021), "The Golden Bear for Best Film went to Dahomey" (Berlin, 2024): a category,
    named as the sentence names it (or the well-known prize it is of), went to the
    person (or the work) named after "to". A directing category also makes the person
    the director of the work "for" which, a performing one a cast member; the work of a
    category that is no performance's receives it too. Not: a
    category that went to no person or work ("went to the festival's jury"), "the best"
    in ordinary prose ("the best seats went to the press")."""
    for m in _CAT_WENT.finditer(s.text):
        names = [doc.trim(x) for x in re.split(r",? and |, ", m.group("names"))]
        quote_end = m.end("title") if m.group("title") else m.end("names")
        quote = s.text[m.start():quote_end].rstrip("”\"’")
        start = s.start + m.start()
        people: list[str] = []
        work: str | None = None
        if all(doc.is_person(x) for x in names):
            people = [doc.entity(x, "Person", "award-category-went", quote) for x in names]
        elif len(names) == 1:
            found = doc.lookup(names[0])
            if found is None or not is_a(doc.type_of(found), "CreativeWork"):
                continue
            work = found
        else:
            continue
        title = (m.group("title") or "").strip("“”\"‘’ ")
        if people and title:
            at = s.start + m.start("title")
            work = next((w for a, _b, w in doc.work_spans if at <= a <= at + 1), None) or \
                doc.lookup(title)
            if work is not None and not is_a(doc.type_of(work), "CreativeWork"):
                work = None
            elif work is None and len(title.split()) <= 8 and not doc.is_person(title):
                work = doc.entity(title, "TVSeries" if re.search(
                    r"\b(?:[Ss]eries|[Tt]elevision|TV)\b", m.group("award")) else "Movie",
                                  "award-category-went", quote)
        cat = re.sub(r"^[Tt]he ", "", m.group("award"))
        award = _award(doc, m.group("prize"), quote) if m.group("prize") else \
            _category_award(doc, cat, _ceremony(doc), "award-category-went", quote,
                            re.sub(r"\s*\b(?:[Aa]ward|[Pp]rize|accolade|trophy)$", "", cat))
        for person in people:
            doc.add(person, "awardReceived", quote, start, "award-category-went", 0.7,
                    obj=award)
        if work is None:
            continue
        if not people or not _PERFORMING.search(cat):
            doc.add(work, "awardReceived", quote, start, "award-category-went", 0.7, obj=award)
        credit = "castMember" if _PERFORMING.search(cat) else "director" if re.search(
            r"\b[Dd]irect(?:or|ing)\b", cat) else None
        if credit is None:
            continue
        for person in people:
            doc.add(work, credit, quote, start, "award-category-went", 0.6, obj=person)


#: "The nominees for best picture are: "American Fiction,” "Anatomy of a Fall,” …",
#: "The nominees for best actress are: Annette Bening, "Nyad”; Lily Gladstone, …".
_NOMINEES_ARE = re.compile(r"^(?:The )?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) )?"
                           r"(?:nominees|nominations|contenders) (?:for|in) (?:the )?"
                           r"(?P<cat>(?i:best) [\w’' -]{2,60}?)(?: (?:category|award|prize))?"
                           r"(?: (?:are|were|include|included):?|:) ")
_NOMINEE_PAIR = re.compile(rf"(?P<p>{NAME}),? (?:for )?[“\"‘](?P<t>[^“”\"\n]{{1,80}}?)[,.]?[”\"’]")
_NOMINEE_TITLE = re.compile(r"[“\"‘](?P<t>[^“”\"\n]{1,80}?)[,.]?[”\"’]")


def rule_award_nominees_are(doc: Doc, s: Sentence) -> None:
    """"The nominees for best picture are: "American Fiction,” "Anatomy of a Fall,” …":
    each title listed is nominated for the category; "The nominees for best actress are:
    Annette Bening, "Nyad” Lily Gladstone, "Killers of the Flower Moon”; …": each person
    listed with a title is nominated for it (the ceremony the article names most gives the
    award: "Academy Award for Best Actress")."""
    m = _NOMINEES_ARE.match(s.text)
    if m is None:
        return
    rest = s.text[m.end():]
    cat = m.group("cat").strip()
    prefix = _ceremony(doc)
    award = _category_award(doc, cat[:1].upper() + cat[1:], prefix, "award-nominees-are",
                            m.group(0))
    pairs = [(x, name) for x in _NOMINEE_PAIR.finditer(rest)
             if doc.is_person(name := doc.trim(x.group("p")))]
    if pairs:
        for x, name in pairs:
            found = doc.lookup(name)
            if found is not None and not is_a(doc.type_of(found), "Person"):
                continue
            person = found or doc.entity(name, "Person", "award-nominees-are", x.group(0))
            doc.add(person, "nominatedFor", s.text[:m.end() + x.end()], s.start,
                    "award-nominees-are", 0.65, obj=award)
        return
    quoted = list(_NOMINEE_TITLE.finditer(rest))
    for x in quoted:
        work = doc.lookup(x.group("t").strip())
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        doc.add(work, "nominatedFor", s.text[:m.end()] + rest[:x.end()], s.start,
                "award-nominees-are", 0.65, obj=award)
    if quoted:
        return
    # "The five nominees for best drama film are The Irishman, Marriage Story, 1917, Joker,
    # and The Two Popes.": titles unquoted, a list of three or more, each read as a title
    body = rest.rstrip(" .")
    items = [part.strip() for part in re.split(r",? and |, ", body)]
    if len(items) < 3 or not all(
            re.fullmatch(TITLE_SHAPE, item) and
            not doc.is_person(item, strict=True) for item in items):
        return
    series = bool(re.search(r"\b(?:series|television|TV|drama series|comedy series)\b", cat))
    at = s.start + m.end()
    for item in items:
        where = doc.text.find(item, at)
        if where < 0:
            continue
        at = where + len(item)
        work = doc.lookup(item)
        if work is None:
            work = doc.entity(item, "TVSeries" if series else "Movie", "award-nominees-are",
                              item)
            doc.add_work_span(where, where + len(item), work)
        if doc.type_of(work) not in WORK_TYPES:
            continue
        doc.add(work, "nominatedFor", doc.text[s.start:at], s.start, "award-nominees-are",
                0.6, obj=award)


RULES = [rule_award_epithet, rule_award_won, rule_award_category_won,
         rule_award_category_for, rule_award_presented, rule_award_category_went,
         rule_award_nominees_are]


#: A category of a ceremony, as a winners or nominees list heads its line: "Best
#: director", "Best Motion Picture - Drama", "Outstanding British film", "Lead Actor in a
#: Drama Series".
_CATEGORY = (r"(?:Best|Outstanding) [A-Za-z][^:\n]{2,110}?|"
             r"(?:Lead|Supporting) (?:Actor|Actress)\b[^:\n]{0,60}?")
_CATEGORY_COLON = re.compile(rf"(?P<cat>{_CATEGORY})\s?[:–—] (?P<rest>[^\n]{{2,160}}?)\s*")
_CATEGORY_HEAD = re.compile(rf"(?P<cat>{_CATEGORY})\s*")
#: The winner after the category: "Edward Berger, All Quiet on the Western Front",
#: "Christopher Nolan - OPPENHEIMER", a work alone.
_NAMES = re.compile(rf"(?P<names>{NAME}(?:(?:,| and|, and) {NAME})*)(?:, | [-–—] )")
#: A ceremony's prize as its id prefix for its categories: "golden-globe-best-director".
_PREFIX = {"academy-award": "academy-award", "emmy-award": "emmy",
           "golden-globe-award": "golden-globe", "bafta": "bafta"}


def _ceremony(doc: Doc) -> str | None:
    """The well-known prize the article names most, if any."""
    counts = [(len(re.findall(rf"\b(?:{p})\b", doc.text)), i) for p, i, _n in _CANONICAL]
    best = max(counts)
    return _PREFIX.get(best[1]) if best[0] else None


def _category_lines(doc: Doc) -> list[tuple[str, str, int, int]]:
    """(category, winner text, quote start, quote end) of each line of a
    category list: "Best director: Edward Berger, All Quiet on the Western Front", or a
    category on a line of its own with its winner on the next."""
    found: list[tuple[str, str, int, int]] = []
    paras = doc.paragraphs
    nominees = _nominee_lists(doc)
    for i, p in enumerate(paras):
        if len(p.text) > 200:
            continue
        m = _CATEGORY_COLON.fullmatch(p.text)
        if m is not None and (":" in p.text[m.end("cat"):m.start("rest")] or
                              _NAMES.match(m.group("rest"))):
            # after a dash, only a named winner: "Best Actress – Frances McDormand, …";
            # "Best Motion Picture – Drama" is one category
            found.append((m.group("cat"), m.group("rest"), p.start, p.end))
            continue
        h = _CATEGORY_HEAD.fullmatch(p.text)
        if h is not None and any(head == p.start for _c, head, _b, _m in nominees):
            continue  # a nominees list: ``award-nominee-list``
        if h is not None and i + 1 < len(paras) and len(paras[i + 1].text) < 160 and \
                not _CATEGORY_HEAD.match(paras[i + 1].text) and \
                ":" not in paras[i + 1].text:
            nxt = paras[i + 1]
            found.append((h.group("cat"), nxt.text.strip(), p.start, nxt.end))
    return found if len(found) >= 2 else []


def rule_award_category_line(doc: Doc) -> None:
    """"Best director: Edward Berger, All Quiet on the Western Front", "Best lead
    actress: Cate Blanchett, TÁR", "Best documentary: Navalny" (the BAFTA film awards of
    2023), "Best Director - Motion Picture" over "Christopher Nolan - OPPENHEIMER" (the
    Golden Globes of 2024): a list of two or more lines, each a ceremony's category and
    its winner: the person (or work, when none is named) won the category, an award
    named as the line names it (its id after the prize the article names most:
    ``golden-globe-best-director-motion-picture``). An acting category also makes the
    person a cast member of the work, a directing one its director, a screenplay one
    its screenwriter; a new work is a series for a television category, else a film. A list introduced as
    nominees gives nominations. Not: a category heading with no winner line, a line
    with "by" (``award-line``), a winner that is neither a name nor a title."""
    lines = _category_lines(doc)
    if not lines:
        return
    first = lines[0][2]
    said = re.findall(r"\b(winners?|nominees|nominations)\b", doc.text[:first], re.I)
    prop = "nominatedFor" if said and said[-1].lower() != "winners" and \
        said[-1].lower() != "winner" else "awardReceived"
    prefix = _ceremony(doc)
    for cat, rest, start, end in lines:
        if " by " in rest or "(" in rest or "http" in rest:
            continue
        cat = re.sub(r"\s+", " ", cat).strip()
        lead = _leading_people(doc, rest)
        if lead is None and re.search(r" [-–—] ", rest):
            continue
        names, title = lead or ([], rest)
        people = [doc.entity(x, "Person", "award-category-line", rest) for x in names]
        title = title.strip().rstrip(".,")
        if not title or len(title) > 80 or re.search(r"[:;!?]| [-–—] |, ", title):
            continue
        work = doc.lookup(title)
        if work is not None and not is_a(doc.type_of(work), "CreativeWork"):
            continue
        if work is None:
            if not title[0].isupper():
                continue
            name = title.title() if title.isupper() and len(title) > 3 else title
            work = doc.entity(name, _category_work_kind(cat, prefix), "award-category-line",
                              rest)
        quote = doc.text[start:end]
        award = _category_award(doc, cat, prefix, "award-category-line", quote)
        for subject in people or [work]:
            doc.add(subject, prop, quote, start, "award-category-line", 0.7, obj=award)
        if not people:
            continue
        if re.search(r"\b(?:[Aa]ctor|[Aa]ctress|[Pp]erformance)\b", cat):
            for person in people:
                doc.add(work, "castMember", quote, start, "award-category-line", 0.6,
                        obj=person)
        elif re.match(r"(?:Best|Outstanding) (?:[Dd]irector|[Dd]irecting)\b", cat):
            for person in people:
                doc.add(work, "director", quote, start, "award-category-line", 0.6,
                        obj=person)
        elif re.search(r"\b(?:[Ss]creenplay|[Ww]riting)\b", cat):
            for person in people:
                doc.add(work, "screenwriter", quote, start, "award-category-line", 0.6,
                        obj=person)
    for sentence in doc.sentences:
        # the prose again, now that the list has named its works: "Cate Blanchett won
        # Best Actress BAFTA for TÁR" when only "Best lead actress: Cate Blanchett, TÁR"
        # names TÁR
        rule_award_category_won(doc, sentence)


#: A nominee marked the winner: "“Past Lives” WINNER", "Lily Gladstone, “The Unknown
#: Country” (winner)", "* Oppenheimer", "WINNER: Oppenheimer".
_MARK_AFTER = re.compile(r"\s*(?:\bWINNER\b|\((?:[Ww]inner|WINNER)\)|\*+)\s*$")
_MARK_BEFORE = re.compile(r"^\s*(?:\*+|WINNER\s*[:–—-])\s*")
#: A nominee line: a quoted title first, maybe with its people ("“Anatomy of a Fall,”
#: Justine Triet, Arthur Harari"), or people then a title ("Riz Ahmed, Sound of Metal").
_TITLE_FIRST = re.compile(
    rf"[“\"](?P<t>[^“”\"\n]{{1,90}}?),?[”\"],?(?: (?P<names>{NAME}(?:(?:,| and|, and) {NAME})*))?")


def _nominee_block(doc: Doc, i: int) -> list[Sentence]:
    """The nominee lines under the category heading ``doc.paragraphs[i]``: the short
    lines up to the next heading, none with a colon or a sentence's end."""
    block: list[Sentence] = []
    for p in doc.paragraphs[i + 1:]:
        text = p.text.strip()
        if not text or len(text) > 120 or _CATEGORY_HEAD.fullmatch(text) or \
                re.search(r":|[.!?]$|[.!?] [A-Z]", re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)):
            break
        if re.match(r"[^“\"]+\s[“\"]", text) and _nominee(doc, _bare(text)) is None:
            break  # "Comedy series "Abbott Elementary"": the next category
        block.append(p)
    return block


def _bare(text: str) -> str:
    """A nominee line without its winner mark."""
    return _MARK_BEFORE.sub("", _MARK_AFTER.sub("", text.strip()))


def _nominee_lists(doc: Doc) -> list[tuple[str, int, list[Sentence], list[bool]]]:
    """(category, heading start, nominee lines, which is marked the winner) of each
    nominees list: two or more lines under a category heading, one of them marked the
    winner, or none where the article introduces nominations."""
    blocks: list[tuple[str, int, list[Sentence]]] = []
    for i, p in enumerate(doc.paragraphs):
        h = _CATEGORY_HEAD.fullmatch(p.text.strip())
        if h is None or len(p.text) > 110:
            continue
        block = _nominee_block(doc, i)
        q = re.search(r"\s[“\"]", h.group("cat"))
        if q is not None:  # 'Best drama "The Crown"': the first nominee on its line
            if _nominee(doc, h.group("cat")[q.end() - 1:]) is None:
                continue
            at = p.start + h.start("cat") + q.end() - 1
            block.insert(0, Sentence(doc.text[at:p.end], at))
            h = re.match(r"(?P<cat>.*)", h.group("cat")[:q.start()])
            assert h is not None
        if len(block) >= 2:
            blocks.append((re.sub(r"\s+", " ", h.group("cat")).strip(), p.start, block))
    if not blocks:
        return []
    said = re.findall(r"\b(winners?|nominees|nominations|nominated)\b",
                      doc.text[:blocks[0][1]], re.I)
    nominations = bool(said) and not said[-1].lower().startswith("winner")
    found = []
    for cat, head, block in blocks:
        marked = [bool(_MARK_AFTER.search(b.text) or _MARK_BEFORE.match(b.text))
                  for b in block]
        if (any(marked) and all(marked)) or not (any(marked) or nominations):
            continue  # every line marked: bullets, not a winner
        found.append((cat, head, block, marked))
    return found


def _leading_people(doc: Doc, text: str) -> tuple[list[str], str] | None:
    """The people a list line opens with ("Cate Blanchett, TÁR": ``["Cate Blanchett"]``)
    and the rest of it; no one when it opens with no names, None when the names there are
    not all people's."""
    n = _NAMES.match(text)
    if n is None:
        return [], text
    names = [doc.trim(x) for x in re.split(r",? and |, ", n.group("names"))]
    if all(doc.is_person(x) for x in names):
        return names, text[n.end():]
    return None


def _nominee(doc: Doc, text: str) -> tuple[str, list[str]] | None:
    """(title, person names) of a nominee line, its winner mark removed."""
    q = _TITLE_FIRST.fullmatch(text)
    if q is not None:
        names = re.split(r",? and |, ", q.group("names")) if q.group("names") else []
        if not all(doc.is_person(doc.trim(x)) for x in names):
            return None
        return q.group("t").strip(), [doc.trim(x) for x in names]
    people, title = _leading_people(doc, text) or ([], text)
    quoted = re.fullmatch(r"[“\"]([^“”\"]+?)[,.]?[”\"]", title.strip())
    if quoted is not None:
        title = quoted.group(1)
    elif re.search(r"[:;!?“”\"]|, | [-–—] ", title) or len(title.split()) > 8:
        return None
    title = title.strip().rstrip(".,")
    if not title or not (title[0].isupper() or title[0].isdigit()) or doc.is_person(title):
        return None
    return title, people


def _category_credit(cat: str) -> str | None:
    """What a category's winner or nominee did for the work listed with them: an acting
    category ("Best Actor", "BEST ACTRESS") casts them, a directing one makes them its
    director, a screenplay one its screenwriter."""
    if re.search(r"\b(?:actor|actress|performance)\b", cat, re.IGNORECASE):
        return "castMember"
    if re.search(r"\b(?:director|directing)\b", cat, re.IGNORECASE):
        return "director"
    if re.search(r"\b(?:screenplay|writing)\b", cat, re.IGNORECASE):
        return "screenwriter"
    return None


def _unmake_heading_work(doc: Doc, cat: str) -> None:
    """A category heading ("Best Picture") read as a work's heading is the category:
    that work is dropped, unless a candidate already uses it."""
    found = doc.lookup(cat)
    guess = doc.new.get(found) if found is not None else None
    if found is None or guess is None or guess.rule != "heading" or \
            is_a(guess.type, "Award") or any(found in (c.subject, c.object)
                                             for c in doc.found.values()):
        return
    del doc.new[found]
    doc.names = {k: v for k, v in doc.names.items() if v != found}
    doc.work_spans = [x for x in doc.work_spans if x[2] != found]
    doc.headings = [x for x in doc.headings if x[1] != found]


def rule_award_nominee_list(doc: Doc) -> None:
    """"Best Feature" over the lines "“Passages”", "“Past Lives” WINNER", "“Reality”" …,
    "Outstanding Lead Performance" over "Lily Gladstone, “The Unknown Country” WINNER",
    "Greta Lee, “Past Lives”" … (the Gotham Awards of 2023); "Best Actor" over "Riz
    Ahmed, Sound of Metal", "Chadwick Boseman, Ma Rainey’s Black Bottom" … after "See the
    full list of nominations" (the Oscar nominations of 2021): a category heading with
    two or more nominee lines under it. Every nominee is nominated for the category, an
    award named as the heading names it; the one marked the winner ("WINNER", "(winner)",
    "*") received it. A line's person is the nominee (an acting category also makes
    them a cast member of the work, a directing one its director); a title before its
    people ("“Anatomy of a Fall,” Justine Triet, Arthur Harari") is nominated with them
    (a screenplay category: its screenwriters). Unmarked lists only where the article
    introduces nominations. Not: lines without a category heading over them, a heading
    with no nominee line under it, a "winner" in prose."""
    prefix = _ceremony(doc)
    for cat, head, block, marked in _nominee_lists(doc):
        award: str | None = None
        for line, won in zip(block, marked, strict=True):
            text = _bare(line.text)
            parsed = _nominee(doc, text)
            if parsed is None:
                continue
            title, names = parsed
            quote = line.text.strip()
            if award is None:
                _unmake_heading_work(doc, cat)
                award = _category_award(doc, cat, prefix, "award-nominee-list",
                                        doc.text[head:line.end])
            work = doc.lookup(title)
            if work is not None and not is_a(doc.type_of(work), "CreativeWork"):
                continue
            if work is None:
                work = doc.entity(title, _category_work_kind(cat, prefix),
                                  "award-nominee-list", quote)
            people = [doc.entity(x, "Person", "award-nominee-list", quote) for x in names]
            prop = "awardReceived" if won else "nominatedFor"
            title_first = text.startswith(("“", "\""))
            for subject in (people + [work] if title_first else people) or [work]:
                doc.add(subject, prop, quote, line.start, "award-nominee-list", 0.65,
                        obj=award)
            credit = _category_credit(cat)
            if credit:
                for person in people:
                    doc.add(work, credit, quote, line.start, "award-nominee-list", 0.6,
                            obj=person)


#: A category heading in capitals, on a line of its own: "BEST FILM:", "PALME d’OR",
#: "BEST FIRST FEATURE (Camera d’Or)".
_CAPS_HEAD = re.compile(r"(?P<cat>[A-Z][A-Za-z’'&\- ]{2,60}?(?: \([^()\n]{2,40}\))?)\s*:?\s*")
#: A winner line under it with its title in quotation marks: "“Anora”", "Jesse Plemons,
#: “Kinds of Kindness”", "Jane Campion, "The Power of the Dog"".
_QUOTED_WINNER = re.compile(r"(?:[^“”\"\n]{0,80}, )?[“\"][^“”\"\n]{1,90}[”\"]")


def _caps_heading(text: str) -> str | None:
    """The category a line in capitals names ("BEST ACTOR", "PALME d’OR"), or None: at
    most seven words, nearly all its letters (outside brackets) capitals."""
    h = _CAPS_HEAD.fullmatch(text.strip())
    if h is None:
        return None
    cat = re.sub(r"\s+", " ", h.group("cat")).strip()
    bare = re.sub(r"\([^()]*\)", "", cat)
    letters = [c for c in bare if c.isalpha()]
    if len(bare.split()) > 7 or len(letters) < 4 or \
            sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return None
    return cat


def rule_award_caps_heading_list(doc: Doc) -> None:
    """"PALME d’OR" over "“Anora”", "BEST ACTOR" over "Jesse Plemons, “Kinds of
    Kindness”" (the Cannes winners of 2024), "BEST FILM:" over ""The Power of the Dog""
    (the BAFTA film awards of 2022): three or more category headings in capitals, each on
    a line of its own with its winner, a title in quotation marks, maybe after its people,
    on the next. The person (or the work, when no one is named) won the category, an
    award named as the heading names it; a list introduced as nominees gives
    nominations. An acting category also makes the person a cast member of the work, a
    directing one its director, a screenplay one its screenwriter. Not: a heading with no
    quoted title under it, a line of prose, fewer than three such pairs, a winner line
    that names someone not known as a person ("Ensemble of “Emilia Perez,” …")."""
    pairs: list[tuple[str, Sentence, Sentence]] = []
    headings: list[str] = []  # every heading over a line with a quoted title
    paras = doc.paragraphs
    for i, p in enumerate(paras[:-1]):
        cat = _caps_heading(p.text)
        nxt = paras[i + 1]
        if cat is None or _caps_heading(nxt.text) is not None or \
                not re.search(r"[“\"]", nxt.text):
            continue
        headings.append(cat)
        if _QUOTED_WINNER.fullmatch(nxt.text.strip()):
            pairs.append((cat, p, nxt))
    if len(pairs) < 3:
        return
    for cat in headings:
        _unmake_heading_work(doc, cat)
    said = re.findall(r"\b(winners?|nominees|nominations)\b", doc.text[:pairs[0][1].start], re.I)
    prop = "nominatedFor" if said and not said[-1].lower().startswith("winner") \
        else "awardReceived"
    prefix = _ceremony(doc)
    for cat, head, line in pairs:
        parsed = _nominee(doc, line.text.strip())
        if parsed is None:
            continue
        title, names = parsed
        work = doc.lookup(title)
        if work is not None and not is_a(doc.type_of(work), "CreativeWork"):
            continue
        quote = doc.text[head.start:line.end].rstrip()
        if work is None:
            work = doc.entity(title, _category_work_kind(cat, prefix), "award-caps-heading",
                              line.text.strip())
        people = [doc.entity(x, "Person", "award-caps-heading", line.text.strip())
                  for x in names]
        award = _category_award(doc, cat, prefix, "award-caps-heading", quote)
        for subject in people or [work]:
            doc.add(subject, prop, quote, head.start, "award-caps-heading", 0.7, obj=award)
        credit = _category_credit(cat)
        if credit:
            for person in people:
                doc.add(work, credit, quote, head.start, "award-caps-heading", 0.6,
                        obj=person)


DOC_RULES = [rule_award_nominee_list, rule_award_category_line, rule_award_caps_heading_list]
