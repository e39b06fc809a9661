"""Cast: who plays whom, in which work, and the cast without a named character.

Phrasings: "A as B" (also in lists: "(L-R) A as B, C as D", "and A as B"), "A (Earlier
Credit) as B", "A stars as B", "A plays / portrays B", "A plays the role of B",
"A reprised her role as B", "A replaced C as B", "B (A)" and "A (B)"; "starring A, B and
C", "the cast includes A and B", "A also stars" for cast membership.
"""

from __future__ import annotations

import re

from ._doc import WORK_TYPES, Doc
from ._lists import PERSON, Listed, PeopleLists, listed_work, read_people, the_sequel, trim_name
from ._names import guess_type, is_given_name, is_noise, is_place_or_award
from ._terms import is_a
from ._text import (
    MONTHS,
    NAME,
    POSSESSOR,
    STOP,
    TITLE_SHAPE,
    TITLE_WORDS,
    WEEKDAYS,
    Sentence,
    strip_possessive,
    verbs,
    word_at,
)

__all__ = ["DOC_RULES", "RULES"]

_PARENT_WORDS = {"dad": "parent", "father": "parent", "mom": "parent", "mother": "parent",
                 "mum": "parent"}
#: What one character is to another that is a relation kept apart (see ``parentOf``).
_RELATIVE_WORDS = {"son", "daughter", "brother", "sister", "wife", "husband", "child"}
#: A character's name, with the lowercase particle some have: "Nynaeve al'Meara".
_CHARACTER = rf"{NAME}(?: (?:al|el|ibn|bin|de|da|di|du|van|von|der|le|la|del)(?:[’']| )[A-Z][\w’'-]*)?"
#: What one person is to another in a family: "her older brother Bobby".
_KIN = "mother|father|mom|dad|brother|sister|son|daughter|wife|husband"
#: "as Elena’s widowed mother Gabi", "played her older brother Bobby": the character is
#: the name after the words that say who they are to another.
_ROLE = (rf"(?:the (?:[a-z-]+ ){{1,3}}|(?:[a-z]+-[a-z]+ ){{1,2}}|"
         # "will be playing a character named Ana": the name given
         rf"an? (?:[a-z-]+ ){{1,3}}(?:named|called) )?"
         rf"(?:{NAME}[’']s (?:[a-z][\w-]* ){{1,5}}|(?:his|her|their) (?:[a-z][\w-]* ){{1,2}}"
         rf"(?:{_KIN}|boss|friend|best friend|boyfriend|girlfriend|partner|grandmother|"
         rf"grandfather|aunt|uncle|cousin) )?{_CHARACTER}")
_PLAYS = (rf"(?:also )?(?:will )?{verbs('star', 'play', 'portray', 'voice')}"
          rf"(?: in the (?:[A-Za-z-]+ ){{0,2}}?(?:movie|film|series|show))?")
_PLAYS_ROLE = (rf"(?:also )?(?:will )?(?:{verbs('play', 'portray', forms=('base', 's', 'ed', 'ing'))}|"
               rf"{verbs('take', forms=('base', 's', 'past', 'ing'))} on|"
               rf"{verbs('step', forms=('base', 's', 'ed'))} into) the (?:role|part) of")


def _role(doc: Doc, raw: str, start: int, quote: str) -> str | None:
    """The character of "as Y"; handles "Missy's dad Marcus Moreno" and "the mutant
    mercenary Domino"."""
    raw = re.sub(r"^(?:the (?:[a-z-]+ )+|(?:[a-z]+-[a-z]+ )+|(?:his|her|their) (?:[a-z][\w-]* )+|"
                 r"an? (?:[a-z-]+ )+(?:named|called) )",
                 "", raw)  # "ex-soldier Cara Dune", "her older brother Bobby", "a character
    # named Ana"
    m = re.fullmatch(rf"(?P<child>{NAME})[’']s (?:[a-z][\w-]* ){{0,4}}?(?P<rel>[a-z]\w*) (?P<name>{NAME})",
                     raw)  # "Missy's dad Marcus Moreno", "Elena’s widowed mother Gabi"
    if m and m.group("rel").lower() in _PARENT_WORDS:
        child = doc.entity(m.group("child"), "FictionalCharacter", "cast-as", quote)
        parent = doc.entity(m.group("name"), "FictionalCharacter", "cast-as", quote)
        clause = m.group(0)
        doc.add(parent, "parentOf", clause[clause.index(m.group("child")):], start,
                "possessive-parent", 0.8, obj=child)
        return parent
    if m and m.group("rel").lower() not in _RELATIVE_WORDS:
        # "Andy Serkis will play Bruce Wayne's famous butler and father surrogate Alfred
        # Pennyworth": the one named after what they are to another
        raw = m.group("name")
    raw = strip_possessive(raw)
    if (re.fullmatch(_CHARACTER, raw) and (raw.split()[0] not in STOP or raw.lower() in MONTHS or (
            len(raw.split()) > 1 and raw.split()[0].lower() in WEEKDAYS))) or \
            re.fullmatch(rf"(?:Mrs|Mr|Ms|Dr)\. {NAME}", raw):
        found = doc.lookup(raw)
        if found is not None and doc.type_of(found) != "FictionalCharacter" and \
                not doc.is_guess(found):
            return None
        return doc.entity(raw, "FictionalCharacter", "cast-as", quote)
    return None


def _cast(doc: Doc, actor_name: str, role: str, quote: str, start: int, rule: str,
          confidence: float, s: Sentence, film: str | None = None) -> str | None:
    film = film or doc.work_at(start, s)
    if not re.search(r"(?i)\bseason\b", quote):
        # "renewed Dexter: Resurrection for a second season, keeping Michael C. Hall in his
        # iconic role as …": the series' role, where the clause names no season
        film = doc.series_of(film)
    # "stars The Great’s Elle Fanning as Michelle Carter": the actor after the credit
    actor_name = doc.trim(re.split(r"[’']s (?=[A-Z])", actor_name)[-1])
    if film is None or not doc.is_person(actor_name):
        return None
    actor = doc.entity(actor_name, "Actor", rule, quote)
    if not is_a(doc.type_of(actor), "Person"):
        return None
    character = _role(doc, role, start, quote)
    if character is None:
        return None
    doc.add(actor, "plays", quote, start, rule, confidence, obj=character, **{"in": film})
    _describe(doc, character, role, quote, start)
    return actor


#: "as the voice of Death", "as the iconic Genie": a voice part or praise, not what the
#: character is.
_NO_DESCRIPTION = re.compile(r"\b(?:of|for|to|with|in)\s*$|^(?:(?:iconic|famous|legendary|"
                             r"beloved|infamous|eponymous|titular|classic|original|same|new|"
                             r"young|younger|older|adult) )+$")


def _describe(doc: Doc, character: str, role: str, quote: str, start: int) -> None:
    """What the text says the character is: "as the mutant mercenary Domino", "as Blind
    Al, Deadpool’s roommate"."""
    desc = re.match(r"the (?P<d>(?:[a-z][\w-]* ){1,3})[A-Z]", role)
    if desc and not _NO_DESCRIPTION.search(desc.group("d")):
        doc.add(character, "description", quote, start, "character-described", 0.55,
                value=desc.group("d").strip())
    at = doc.text.find(quote, start)
    after = re.match(r", (?P<art>the |a |an )?(?P<d>(?:[A-Z][\w.’'-]*[’']s )?[a-z][\w -]{2,40}?)(?=[.;]|,|$)",
                     doc.text[at + len(quote):] if at >= 0 else "")
    if after and not re.match(r"(?:and|who|which|while|but|with|as|was|is|has|had|will|"
                              r"were|are|won|earned|received|got|said|says|told)\b",
                              after.group("d")) and not (
                                  not after.group("art") and re.match(
                                      r"(?:[a-z]+ed|also|now|then|still|stars?|plays?|joins?|"
                                      r"returns?|leads?|logs?)\b", after.group("d"))) and \
            not re.search(r"\b(?:Mrs?|Ms|Dr|St|Jr|Sr|No|Prof|Gen|Capt|Lt)$", after.group("d")):
        # not cut at an abbreviation's full stop: "a terrifying woman named Mrs. Coulter";
        # "who plays Morticia Addams, also stars", "as Mina Addams, logged 341 million
        # hours": a verb goes on, no description.
        end = at + len(quote) + after.end()
        doc.add(character, "description", doc.text[at:end], at, "character-described", 0.5,
                value=after.group("d").strip())


_STARS_AS = re.compile(rf"(?P<a>{NAME}),? (?:who )?(?P<verb>{_PLAYS}|reprised (?:her|his|their) (?:[a-z-]+ ){{0,2}}?role|"
                       rf"(?:will |is set to |is going to )?reprise (?:her|his|their) (?:[a-z-]+ ){{0,2}}?role|"
                       rf"reprises (?:her|his|their) (?:[a-z-]+ ){{0,2}}?role|"
                       rf"in (?:her|his|their) (?:[a-z-]+ ){{0,2}}?role|replaced (?P<old>{NAME})|replaces "
                       rf"(?P<old2>{NAME})|(?:will |is set to |is going to )?(?:return|returns|returning)|"
                       rf"(?:has )?signed on|(?:is|was) cast|has been cast|comes back|is back|"
                       rf"cast (?:[“\"][^”\"]+[”\"] )?(?:breakout |star |alum )?)"
                       rf" as (?P<r>{_ROLE})")


def rule_stars_as(doc: Doc, s: Sentence) -> None:
    """"Christian Slater also stars in the movie as Tech-No", "Taylor Dooley, who
    reprised her role as Lavagirl", "JJ Dashnaw who replaced Taylor Lautner as Sharkboy"."""
    for m in _STARS_AS.finditer(s.text):
        start = s.start + m.start()
        if any(a <= start < b for a, b in doc.consumed):
            continue  # paired already: "A and B return as X and Y, respectively"
        quote = m.group(0)
        actor = _cast(doc, m.group("a"), m.group("r"), quote, start, "stars-as", 0.85, s)
        if actor is None:
            continue
        doc.consumed.append((start, s.start + m.end()))
        film = doc.work_at(start, s)
        character = doc.lookup(strip_possessive(re.split(r"[’']s ", m.group("r"))[-1]))
        if re.match(r"(?:will |is set to |is going to )?(?:reprise|return)|comes back|is back",
                    m.group("verb")) and character and film:
            doc.add(actor, "reprisedRole", quote, start, "reprised-role", 0.8,
                    obj=character, **{"in": film})
        old = m.group("old") or m.group("old2")
        if old and character and film:
            old_id = doc.entity(old, "Actor", "replaced-as", quote)
            doc.add(actor, "replaced", quote, start, "replaced-as", 0.85, obj=old_id,
                    **{"in": film, "as": character})


_ACTORS = rf"(?P<a>{NAME}(?:, {NAME})*,? and {NAME})"
_ROLES = rf"(?P<r>{_ROLE}(?:, {_ROLE})*,? and {_ROLE})"


_RESPECTIVELY = re.compile(rf"{_ACTORS} (?:\w+ ){{0,3}}?as {_ROLES},? respectively")


def rule_respectively_as(doc: Doc, s: Sentence) -> None:
    """"The film sees Taissa Farmiga and Bonnie Aarons return as Sister Irene and the
    titular Nun, respectively": actors and roles paired in order."""
    if "respectively" not in s.text:
        return
    for m in _RESPECTIVELY.finditer(s.text):
        actors = re.split(r",? and |, ", m.group("a"))
        roles = re.split(r",? and |, ", m.group("r"))
        if len(actors) != len(roles):
            continue
        start = s.start + m.start()
        reprise = re.search(r"\b(?:return|returns|returning|reprise|reprises|reprising|"
                            r"come back|comes back)\s+as\b", m.group(0))
        for actor_name, role in zip(actors, roles, strict=True):
            actor = _cast(doc, actor_name, role, m.group(0), start, "respectively-as", 0.8, s)
            character = _role(doc, role, start, m.group(0)) if actor else None
            film = doc.work_at(start, s)
            if actor and character and film and reprise:
                doc.add(actor, "reprisedRole", m.group(0), start, "respectively-as", 0.75,
                        obj=character, **{"in": film})
        doc.consumed.append((start, s.start + m.end()))


#: "Zoe Kravitz and Paul Dano will play Catwoman and Riddler": as many names on each side of
#: "play", paired in order (the roles named, not "will play husband and wife").
_PLAY_PAIRED = re.compile(rf"{_ACTORS} (?:will |are set to |are to |to |are )?"
                          rf"(?:play|portray|playing|portraying) "
                          rf"(?P<r>{NAME}(?:, {NAME})*,? and {NAME})\b(?! [A-Z])")


def rule_play_paired(doc: Doc, s: Sentence) -> None:
    """Headline "Zoe Kravitz and Paul Dano will play Catwoman and Riddler in new Batman
    film": the first actor plays the first role, the second the second, as with
    "respectively"."""
    for m in _PLAY_PAIRED.finditer(s.text):
        actors = re.split(r",? and |, ", m.group("a"))
        roles = re.split(r",? and |, ", m.group("r"))
        if len(actors) != len(roles) or not all(doc.is_person(a) for a in actors):
            continue
        start = s.start + m.start()
        for actor_name, role in zip(actors, roles, strict=True):
            _cast(doc, actor_name, role, m.group(0), start, "play-paired", 0.75, s)
        doc.consumed.append((start, s.start + m.end()))


_CAST_X_AS = re.compile(rf"\b(?:cast|casts|casting|tapped|taps|hired|stars|starred|starring|features|"
                        rf"featuring|co-stars|includes?|included|including|"
                        # "Other cast members include A as B", "The two actors join returning
                        # cast members -- Idina Menzel as Elsa", "Among those cast members
                        # returning for physical production is Cabello as Cinderella"
                        rf"cast members?(?: [a-z]+){{0,5}}? (?:is|are|--|—|–))"
                        rf" (?:[“\"][^”\"]+[”\"] )?"
                        rf"(?:(?:breakout|star|alum|alumna|newcomer|veteran|actor|actress) )?"
                        rf"(?P<a>{NAME})(?P<credit> \([^()]{{2,60}}\))? as (?P<r>{_ROLE})")


#: What the list says of the character just named, before the next pair: "Rebecca
#: Ferguson as Lady Jessica, Paul’s mother and Leto’s royal concubine, Javier Bardem as …",
#: "Stellan Skarsgard as Baron Vladimir Harkonnen — the principle antagonist — Dave
#: Bautista as …"; never past another "as", a bracket or a clause's end.
_APPOSITIVE = (r"(?: (?:—|–|--) (?:(?! as )[^,;()—–.]){1,60}? (?:—|–|--)|"
               r", (?:(?! as )[^,;()—–.]){1,60}?(?=, ))")


#: The next "C as D" of a list a cast verb opens: ", Noah Schnapp as Will Byers", "and
#: Sujaya Dasgupta as Zoya Nazyalensky", past a bracketed credit and with a verb of its
#: own ("Barney Harris (‘Clique’) as Mat Cauthon", "Marcus Rutherford (‘Obey’) who portrays
#: Perrin Aybara", "Zoe Robins (‘Power Rangers Ninja Steel’) playing Nynaeve").
_CAST_X_AS_NEXT = re.compile(rf"{_APPOSITIVE}?,? (?:and )?(?P<a>{NAME})(?: \([^()]{{2,60}}\))?,? "
                             r"(?:as|playing|portraying|who (?:plays|portrays|is playing|"
                             rf"will play)) (?P<r>{_ROLE})(?=[,.;]|$| and | (?:—|–|--) )")


#: A sentence fronted by a credit clause: "Directed by …", "Starring …".
_FRONTED_CREDIT = re.compile(r"(?:Directed|Written|Produced|Created|Starring|Co-starring) (?:by )?")


def rule_cast_x_as(doc: Doc, s: Sentence) -> None:
    """"The superhero sequel has also cast “Atlanta” breakout Zazie Beetz as the mutant
    mercenary Domino", "The cast already includes Jessica Chastain as Beverly, James
    McAvoy as Bill".

    The cast verb governs the whole list it opens: "The production stars Jessie Mei Li as
    Alina Starkov, Archie Renaux as Malyen Oretsev, … and Sujaya Dasgupta as Zoya
    Nazyalensky" casts each pair, in a sentence that need not name the work; the list
    ends at the first item that is no "C as D" ("…, Idina Menzel as the Stepmother, and
    Pierce Brosnan"). A cast noun opens such a list too ("The two actors join returning
    cast members -- Idina Menzel as Elsa, Kristen Bell as Anna, …", "Other cast members
    include …"), and the list goes on past what it says of a character ("Rebecca Ferguson
    as Lady Jessica, Paul’s mother and Leto’s royal concubine, Javier Bardem as …")."""
    if _FRONTED_CREDIT.match(s.text) and not doc.works_in(s.start, s.end):
        return  # "Directed by Tim Miller … and starring Morena Baccarin as Copycat, …,
        # Deadpool opens on February 12, 2016": the cast of the subject after the fronted
        # clause, which is not read as a work here; no other work's
    for m in _CAST_X_AS.finditer(s.text):
        start = s.start + m.start("a")
        quote = m.group(0)
        _cast(doc, m.group("a"), m.group("r"), quote, s.start + m.start(), "cast-as", 0.75, s)
        end = m.end()
        while (n := _CAST_X_AS_NEXT.match(s.text, end)) is not None:
            _cast(doc, n.group("a"), n.group("r"), s.text[n.start("a"):n.end()],
                  s.start + n.start("a"), "cast-as", 0.75, s)
            end = n.end()
        doc.consumed.append((start, s.start + end))


#: A sentence that says whose cast it lists: "The series stars …", "The cast also
#: features …", "join returning cast members … in the film".
_SPEAKS_OF_CAST = re.compile(r"\b(?:(?:the|this|its|their) (?:series|film|movie|show|sequel)|"
                             r"cast|ensemble|line-?up|additions)\b", re.IGNORECASE)


_CAST_LIST = re.compile(rf"(?:^|, (?:and )?|\band |\) |: |\b(?:are|include|includes) )(?P<a>{NAME})"
                        rf"(?P<credit> \([^()]{{2,60}}\))? as (?P<r>{_ROLE})")


def rule_cast_list(doc: Doc, s: Sentence) -> None:
    """"(L-R) Adriana Barraza as Grandma Moreno, and Pedro Pascal as Marcus Moreno"; a
    parenthesised earlier credit is skipped: "Lena Ortiz (Spy Kids) as Captain Comet"."""
    found = list(_CAST_LIST.finditer(s.text))
    for m in found:
        start = s.start + m.start("a")
        if any(a <= start < b for a, b in doc.consumed):
            continue
        quote = s.text[m.start("a"):m.end()]
        # "The latest additions to the lineup are Kirby Howell-Baptiste as Death, Mason
        # Alexander Park as Desire, Donna Preston as Despair, …": three or more pairs in one
        # sentence are a cast list (``cast-as-list``), surer than one "A as B" alone
        rule = "credit-as" if m.group("credit") else "cast-as-list" if len(found) >= 3 \
            else "name-as-name"
        if rule in ("name-as-name", "cast-as-list") and doc.work_at(start, s) not in doc.works_in(
                s.start, s.end) and not _SPEAKS_OF_CAST.search(s.text):
            continue  # "They include the likes of A as X, …": of which work, the text
            # does not say here (right 22 times in 43 before this, most wrong ones so)
        _cast(doc, m.group("a"), m.group("r"), quote, start, rule, 0.7, s)


_PLAYS_ROLE_AS = re.compile(rf"(?P<a>{NAME}),?(?P<fame> of [^,.;()]{{2,60}}? fame)?"
                            # "Zoe McLellan from “NCIS: New Orleans” will be playing …",
                            # "Paulo Costanzo, who was previously seen in “The Night Of,”
                            # will be playing …": the actor's earlier credit between
                            rf"(?P<credit> from [“\"‘][^”\"’]{{1,60}}[”\"’]|, who (?:was |is |has "
                            rf"been )?(?:previously |most recently |also |best )?(?:seen|known) "
                            rf"(?:in|for) [“\"‘][^”\"’]{{1,60}},?[”\"’],?)?"
                            rf" (?:who )?(?:(?P<long>{_PLAYS_ROLE})|"
                            r"(?:also )?(?:will )?(?:plays|played|portrays|portrayed|play|"
                            r"(?:would|will) be playing|is playing|was playing|"
                            r"(?:will |to )?(?:provide|provides|provided|lend|lends|lent) "
                            r"(?:the |her |his |their )?voices? (?:of|to)|"
                            r"(?:is|was|has been) (?:[a-z]+ ){1,4}?(?:playing|portraying)|"
                            rf"portray|voices|voiced)) (?P<r>(?:the (?=[A-Z][a-z]+\b(?! [A-Z])))?{_ROLE})")
_KIN_ROLE = re.compile(rf"(?:his|her|their) (?:[a-z][\w-]* ){{0,2}}(?:{_KIN}) [A-Z]")
_NAMED_ROLE = re.compile(r"an? (?:[a-z-]+ ){1,3}(?:named|called) [A-Z]")
_AND_PLAYED = re.compile(r" and (?:also )?(?:played|portrayed|voiced|lent) ")


def rule_plays(doc: Doc, s: Sentence) -> None:
    """"Pascal plays Marcus Moreno", "Chopra portrays Ms. Granada", "Lena Ortiz will
    play the role of Captain Comet", "Finn Wolfhard will provide the voice of Player",
    "Gillian Anderson is looking back on playing Margaret Thatcher in Season 4 of “The
    Crown”"."""
    for m in _PLAYS_ROLE_AS.finditer(s.text):
        start = s.start + m.start()
        if any(a <= start < b for a, b in doc.consumed):
            continue
        role = m.group("r")
        known = doc.lookup(role[4:])
        if re.fullmatch(r"the [A-Z][a-z]+", role) and (
                known is None or doc.type_of(known) == "FictionalCharacter"):
            role = role[4:]  # "will be playing the Riddler": the character's epithet
        elif re.match(r"(?:the|a|an|his|her|their)\b", role, re.IGNORECASE) and \
                not _KIN_ROLE.match(role) and not _NAMED_ROLE.match(role):
            continue  # not "played her older brother Bobby": a kin, then the character
        rule = "plays-the-role-of" if m.group("long") else "plays"
        film, quote = _work_named_after(doc, s, m.end())
        credit = m.group("credit")
        if credit and film is None:
            # the work in scope, not the credit named between the actor and the verb, nor
            # one an earlier actor of the list was credited with (else the article's own)
            film = doc.work_before(start, s)
            if film in {c.subject for c in doc.found.values() if c.rule == "credit-between"}:
                film = doc.main_film
        actor = _cast(doc, m.group("a"), role, s.text[m.start():quote] if film else m.group(0),
                      start, rule, 0.75, s, film)
        if credit and actor is not None:
            # the credit itself: the actor was in the cast of that work
            at = s.start + m.start("credit")
            done = [w for _a, _b, w in doc.works_in_spans(at, s.start + m.end("credit"))
                    if doc.type_of(w) in WORK_TYPES and w != film]
            for work in done[:1]:
                doc.add(work, "castMember", s.text[m.start():m.end("credit")].rstrip(", "),
                        start, "credit-between", 0.6, obj=actor)
    if not _AND_PLAYED.search(s.text):
        return
    opening = re.match(NAME, s.text)
    for m in re.finditer(rf",? and (?:also )?(?:played|portrayed|voiced|lent (?:her|his|their) "
                         rf"voice to) (?P<r>{NAME})", s.text):
        # "Newton most recently starred opposite Chris Pine in …, and lent her voice to
        # Ginger in Chicken Run: Dawn of the Nugget": the sentence's subject, in the work
        # named after the role
        film, quote = _work_named_after(doc, s, m.end())
        if film is None or opening is None or opening.end() > m.start():
            continue
        actor = doc.trim(opening.group(0))
        if doc.lookup(actor) is None or not is_a(doc.type_of(doc.lookup(actor)), "Person"):
            continue
        start = s.start + m.start()
        _cast(doc, actor, m.group("r"), s.text[m.start():quote].lstrip(", "), start,
              "and-played", 0.65, s, film)


def _work_named_after(doc: Doc, s: Sentence, end: int) -> tuple[str | None, int]:
    """The work named right after a role, "… in the Oscar-nominated film Three
    Billboards …", "… on Big Little Lies", and where its name ends (in the sentence)."""
    for a, b, work in doc.work_spans:
        if s.start + end < a <= s.start + end + 60 and doc.type_of(work) in WORK_TYPES and \
                re.fullmatch(r" (?:in|on) [^,.;:“”\"()]{0,45}?[“\"‘]?",
                             doc.text[s.start + end:a]):
            return work, doc.past_quote(b) - s.start
    return None, end


#: A list of people after the noun that says what they are, each with the bracketed
#: work they are known for: "Directors Gus Van Sant (The Sea of Trees), Jia Zhang-ke
#: (Mountain May Depart)": their credits, not the characters they play.
_CREDIT_LIST = re.compile(
    rf"\b(?i:(?:co-)?(?:directors?|filmmakers?|helmers?|auteurs?|writers?|creators?|authors?|"
    rf"novelists?|composers?|cinematographers?|"
    rf"showrunners?|producers?|newcomers|actors|actresses|veterans|alums|alumni|co-stars))"
    rf"(?: (?:such as|including|like|are|were|include))?:? "
    rf"(?:{NAME} \([^()]{{1,80}}\),? (?:and )?)*$")


#: "Kendra Saunders, aka Hawkgirl": a character, then the name they go by.
_AKA = re.compile(rf"(?P<c>{NAME}), (?:aka|a\.k\.a\.|also known as) (?:one of the |the )?$")


_PARENTHESISED = re.compile(r"\(([^()]{1,80})\)")
#: What says the brackets after the names that follow hold each one's earlier credit.
_CAST_CREDITS_CUE = re.compile(r"\b(?P<cast>[Cc]ast (?:also )?(?:includes?|members include))\b|\b(?:[Cc]reated|[Dd]irected|"
                               r"[Ww]ritten|[Pp]roduced|[Ee]xecutive produced) by\b")
#: The people a crew cue names, each with a bracket, up to the pair being read.
_CREW_CUE_THEN_NAMES = re.compile(rf" (?:{NAME} \([^()]{{1,80}}\),? (?:and )?)*")
#: A rank or office before a name in brackets' pair: the character's, not the actor's.
_RANKED = re.compile(r"(?:Lt|Sgt|Capt|Det|Cpl|Lieutenant|Sergeant|Captain|Detective|Agent|"
                     r"Officer|Inspector|Commander|Deputy|Sheriff|Constable)\.? (?=[A-Z])")
#: A bracket that reads as a work's title, not a character's name: a question or
#: exclamation mark, an ampersand, a subtitle's colon, or a small word between capitalised
#: ones ("Shakespeare in Love", "Can You Ever Forgive Me?", "Wallace & Gromit’s Musical
#: Marvels"). Not "of" or "the", which
#: characters' titles have ("Duke of Edinburgh").
_TITLE_LIKE = re.compile(r"[?!&]|: [A-Z]|\b[A-Z][\w’'.-]* (?:in|and|on|at|for|to|from|with|"
                         r"a|an)(?: [a-z]+)* [A-Z]")
#: A post ending a name or a bracket: "Ted Sarandos (Netflix Chief Content Officer)".
_POST_END = re.compile(r"\b(?:Officer|CEO|COO|CFO|CCO|President|Chairman|Chairwoman|Chair|"
                       r"Director|Head|Executive|Founder|Manager|Editor|Commissioner|"
                       r"Controller|VP|Minister|Secretary|Ambassador|Spokesperson)$")
_NAME_THEN_PARENTHESISED_NAME = re.compile(
    rf"(?P<a>{NAME}) \((?P<by>(?:the )?voice of |voiced by |played by |portrayed by )?"
    rf"(?P<b>{NAME})\)(?! as\b)")


def rule_parenthetical(doc: Doc, s: Sentence) -> None:
    """"YaYa Gosselin (Missy Moreno)" or "Missy Moreno (YaYa Gosselin)"; not the credits
    of "Awkwafina (Crazy Rich Asians) and Danny DeVito (It’s Always Sunny)", "creator Aaron
    Guzikowski (Prisoners)", "Kahan Ward (Echo Lake) executive producing"."""
    if " (" not in s.text:
        return
    # a sentence whose brackets hold a list or a work names credits, not characters
    # (a list is read one way throughout: "Joseph Fiennes (Shakespeare in Love), Alexis
    # Bledel (Gilmore Girls)")
    credits = any(", " in g.group(1) or doc.works_in(s.start + g.start(1), s.start + g.end(1))
                  or (_TITLE_LIKE.search(g.group(1)) and re.search(r"[A-Z][\w’'.-]* $",
                                                                   s.text[:g.start()]))
                  for g in _PARENTHESISED.finditer(s.text))
    # "Cast includes Amandla Stenberg (The Hate U Give), Lee Jung-jae (Squid Game)",
    # "Created by Leslye Headland (Russian Doll)": a credit cue before the pairs
    cue = _CAST_CREDITS_CUE.search(s.text)
    listed: tuple[int, bool] | None = None  # where the last pair ended, and its order
    for m in _NAME_THEN_PARENTHESISED_NAME.finditer(s.text):
        a, b = doc.trim(m.group("a")), m.group("b")
        # "Dominic Toretto (Vin Diesel), Mia Toretto (Jordana Brewster) and …": the pairs
        # of one list share their order
        follows = listed is not None and re.fullmatch(r",? (?:and )?|, ", s.text[listed[0]:m.start()])
        if re.match(r",? (?:by|from) [A-Z]", s.text[m.end():]) or (
                re.match(r"(?:A|An|The) ", a) and not doc.is_character(a) and
                not doc.is_person(b, strict=True)):
            continue  # "Leave One Day (Partir Un Jour) by Amélie Bonnin": a title and its
            # original one
        aka = _AKA.search(s.text, max(0, m.start() - 80), m.start())
        if aka and doc.is_person(b):
            # "Guy Gardner, aka one of the Green Lanterns (Nathan Fillion)": the character
            # is named before "aka"
            _cast(doc, b, aka.group("c"), s.text[aka.start():m.end()], s.start + aka.start(),
                  "actor-parenthesis", 0.75, s)
            continue
        if cue and not cue.group("cast") and _CREW_CUE_THEN_NAMES.fullmatch(
                s.text, cue.end(), m.start()):
            continue  # "Directed by Rahi Anil Barve (Tumbbad)": a filmmaker's bracket holds
            # an earlier work, even one word; a director plays no one
        if cue and cue.end() <= m.start() and " " in b and not doc.is_person(b, strict=True) and \
                not doc.is_character(b) and doc.is_person(a, strict=True):
            if cue.group("cast"):
                work = doc.work_at(s.start + cue.start(), s)
                if work is not None and doc.type_of(work) in WORK_TYPES:
                    person = doc.entity(a, "Actor", "cast-credits", m.group(0))
                    doc.add(work, "castMember", s.text[cue.start():m.end()]
                            if m.end() - cue.start() <= 120 else m.group(0),
                            s.start + m.start(), "cast-credits", 0.6, obj=person)
            continue
        if credits or is_place_or_award(b) or _CREDIT_LIST.search(s.text[:m.start()]) or re.search(
                r"\b(?:(?:creator|director|filmmaker|writer|showrunner|producer|author|"
                r"novelist|composer|cinematographer)s?|newcomers|"
                r"actors|actresses|veterans|alums|alumni|co-stars) $",
                s.text[max(0, m.start() - 16):m.start()]):
            continue  # "joins newcomers Awkwafina (Crazy Rich Asians)": their credits
        # "June (Maya Rudolph) and Oscar (Fred Armisen)": a character's first name before
        # a known actor's, even one that is also a month or an award.
        named = len(a.split()) == 1 and (a.lower() in MONTHS or a in ("Oscar", "Emmy", "Tony")) \
            and is_a(doc.type_of(doc.lookup(b)), "Person")
        if a.split()[0] in STOP and len(a.split()) == 1 and not named:
            continue
        if a.isupper() or b.isupper() or (is_place_or_award(a) and not named):
            continue  # "NEW YORK (AP)": a dateline
        if _POST_END.search(b) or _POST_END.search(a):
            continue  # "Ted Sarandos (Netflix Chief Content Officer)": a post, no role
        if re.search(r"\b(?:Documentary|Film|Movie|Series|Short|Special|Premiere|Competition)$",
                     b):
            continue  # "Muhammad Ali (Spotlight Documentary)": a festival section
        if re.match(r",? (?:(?:will|is set to|has|also|who) )?(?:write|wrote|written|writes|"
                    r"direct|directed|directs|produce|produced|produces|executive produce|"
                    r"co-write|co-wrote|create|created|creates|serve|serves|showrun|"
                    r"(?:executive )?producing|directing|writing|(?:acting|serving) as)\b",
                    s.text[m.end():m.end() + 40]):
            continue  # "Leslye Headland (Russian Doll) will write": an earlier credit
        if doc.type_of(doc.lookup(b)) in WORK_TYPES or doc.type_of(doc.lookup(a)) in \
                WORK_TYPES:
            continue
        described = re.search(r"\b[a-z][a-z-]+ $", s.text[:m.start("a")]) and not re.search(
            r"\b(?:and|or|with|by|from|to|of|star|stars|starring|actor|actress)\s$",
            s.text[:m.start("a")])
        surname_b, surname_a = (_surname_of_named(doc, x, s.start) for x in (b, a))
        ranked = _RANKED.match(m.group("a"))
        if m.group("by"):
            # "returning characters Judy Hopps (voice of Ginnifer Goodwin)": the bracket
            # says who plays the character
            swap = True
        elif ranked and not _RANKED.match(b):
            # "cop rabbit Lt. Judy Hopps (Ginnifer Goodwin)": a rank names a character,
            # the bracket its actor
            a, swap = doc.trim(m.group("a")[ranked.end():]), True
        elif doc.is_character(a) or doc.is_character(b) or surname_a or surname_b:
            swap = doc.is_character(a) or bool(surname_b and not doc.is_character(b))
        elif follows and listed is not None:
            swap = listed[1]
        elif (called := _called(doc, a, b)) != 0:
            swap = called > 0
        else:
            swap = bool((doc.is_person(b, strict=True) and not doc.is_person(a, strict=True))
                        or (described and doc.is_person(b) and (
                            doc.lookup(a) is None or doc.is_guess(doc.lookup(a)))) or (
                " " not in a and doc.lookup(a) is None and doc.is_person(b) and
                not re.search(r"[’']s\b", b) and not any(
                    x <= s.start + m.start("a") < y for x, y, _w in doc.work_spans)))
        listed = (m.end(), bool(swap))
        if swap:
            a, b = surname_b or b, a  # "Odin (Ian McShane)": a one-word character, then the actor
            # "Luke Hobbs (Johnson)": the surname of someone the article named before
        if not swap and surname_a:
            a = surname_a
        if doc.is_character(a) or not doc.is_person(a):
            continue
        if b != m.group("a") and m.group("a").endswith(" " + b) and \
                re.match(r"(?:Mrs|Mr|Ms|Dr)\. ", m.group("a")):
            b = m.group("a")  # "a terrifying woman named Mrs. Coulter (Wilson)"
        if not (doc.is_character(b) or len(doc.works_in(s.start, s.end)) or doc.main_film):
            continue
        film = None
        if any(x <= s.start + m.start() < y for x, y, _w in doc.work_spans):
            # "Kathryn Newton (Allie)" as a section heading read as a title: the cast of
            # the article's work, not of the heading
            film = doc.main_film
            if film is None:
                continue
        if re.match(r"(?:Actor|Actress|Performance)\b.* (?:[Ii]n|[Bb]y) (?:[Aa]n?|[Tt]he) ", b):
            continue  # "Actor In A Leading Role (Gary Oldman)": an award's category
        # "Luke Hobbs (Johnson)", "Judy Hopps (voice of Ginnifer Goodwin)": the bracket
        # names someone the article names elsewhere, or says who plays the part
        named = bool(swap) and (bool(surname_b) or bool(m.group("by")) or
                                doc.text.count(a) >= 2)
        if swap and re.search(r"(?<![\w’'])[A-Z][\w’'-]+ [“\"][A-Z][\w’'-]*[”\"] $",
                              s.text[:m.start("a")]):
            continue  # 'Letitia "Leti" Dandridge (Jurnee Smollett-Bell)': only the end of
            # the character's name is in reach
        _cast(doc, a, b, m.group(0), s.start + m.start(),
              "actor-bracket-named" if named else "actor-parenthesis",
              0.6 if named else 0.75, s, film)


#: A person with the works they are known for in brackets: "Iwan Rheon (Game Of Thrones,
#: Riviera)", "Simon Pegg (“Star Trek”)".
_PERSON_CREDITS = re.compile(rf"(?P<p>{NAME}) \((?P<in>[^()]{{2,120}})\)")
#: A maker's noun or crew cue before the name: the bracket holds what they made, not acted in.
_MAKER_BEFORE = re.compile(
    r"\b(?i:(?:co-)?(?:directors?|filmmakers?|helmers?|auteurs?|writers?|screenwriters?|"
    r"creators?|showrunners?|producers?|authors?|novelists?|composers?|cinematographers?|"
    r"editors?|(?:created|directed|written|produced|helmed|penned|scripted|from|by)))"
    rf"(?: (?:such as|including|like|are|were|include|is|was))?:? "
    rf"(?:{NAME}(?: \([^()]{{1,120}}\))?(?:,| and|, and) )*$")
#: The list the name is in said after it to be crew: "Fincher, Joshua Donen (Gone Girl, The
#: Quick and the Dead) … and Cean Chaffin (Gone Girl, Fight Club) are Executive Producers."
_LIST_IS_CREW = re.compile(r"^[^.;:]*?\b(?:are|is|were|was|will be|serve as|serves as)(?: also| "
                           r"the| all)* (?i:(?:co-)?(?:executive producers?|producers?|"
                           r"directors?|writers?|creators?|showrunners?))\b")
#: What the person does next that is crew work: "Leslye Headland (Russian Doll) will write".
_CREW_AFTER = re.compile(
    r",? (?:(?:will|is set to|has|also|who|is|are) )*(?:write|wrote|written|writes|direct|"
    r"directed|directs|directing|produce|produced|produces|producing|executive produc\w*|"
    r"co-write|co-wrote|create|created|creates|serve|serves|showrun\w*|helm\w*|"
    r"(?:acting|serving) as)\b")


#: A voice cast: a quoted word in a bracket after a name may be the character voiced.
_VOICED = re.compile(r"\b(?i:voices?|voiced|voicing|voice cast|animated)\b")
_ONE_WORD = re.compile(r"\s*[“\"‘]?[\w’'-]+[”\"’]?,?\s*")


def _may_be_a_character(doc: Doc, sentence: str, bracket: str, work: str) -> bool:
    """Whether one word in a bracket after an actor, read as the title of ``work``, may
    be the character played instead: "Abbi Jacobson (“Bean”)" in a voice cast, a given
    name ("Josh Kelly (“Jeremy”)"), or a word with no quotation marks. Not in a list whose
    other brackets are titles (``works._listed_credits``), nor a quoted word where nobody
    is voiced ("Julia Garner (“Ozark”)")."""
    if not _ONE_WORD.fullmatch(bracket):
        return False
    if work in doc.new and doc.new[work].rule == "listed-credits":
        return False
    return not re.match(r"\s*[“\"‘]", bracket) or _VOICED.search(sentence) is not None or \
        is_given_name(bracket.strip(" ,“”\"‘’'"))


def rule_bracketed_credits(doc: Doc, s: Sentence) -> None:
    """"Ukweli Roach (The Midwich Cuckoos, Blindspot, Humans)", "James Ransone ("Generation
    Kill", "The Wire")": the works in the bracket after an actor's name are their earlier
    credits, so they are each a ``castMember`` of those works (not of the work the article
    is about, which `cast-credits` and the like give). Not for a filmmaker or writer
    ("creator Aaron Guzikowski (Prisoners)", "directed by Joe Wright (Pride & Prejudice,
    Atonement)", "Leslye Headland (Russian Doll) will write"), nor for a character and
    the actor who plays them ("Odin (Ian McShane)")."""
    if " (" not in s.text:
        return
    for m in _PERSON_CREDITS.finditer(s.text):
        name = doc.trim(m.group("p"))
        maker = _MAKER_BEFORE.search(s.text[:m.start()])
        if maker is not None and doc.is_person(name) and not doc.is_character(name) and (
                re.match(r"(?i)(?:co-)?(?:directors?|filmmakers?|helmers?|auteurs?)\b",
                         maker.group(0)) or re.search(
                r"(?i)\b(?:films?|movies?|features?|documentaries|(?:new )?work) (?:from|by)$",
                s.text[max(0, maker.start() - 20):maker.start() + 4].rstrip())):
            _director_credits(doc, s, m, name)
            continue
        if not doc.is_person(name, strict=True) or doc.is_character(name):
            continue
        found = doc.lookup(name)
        if found is not None and doc.type_of(found) in ("Filmmaker", "Writer", "Author"):
            continue
        cue = _CAST_CREDITS_CUE.search(s.text[:m.start()])
        if maker is not None or re.match(r"[’']s", s.text[m.end("p"):]) or \
                (cue is not None and not cue.group("cast")) or \
                _CREW_AFTER.match(s.text[m.end():m.end() + 40]) or \
                _LIST_IS_CREW.match(s.text[m.end():]):
            continue
        a, b = s.start + m.start("in"), s.start + m.end("in")
        spans = [(x, y, w) for x, y, w in doc.works_in_spans(a, b)
                 if x >= a and doc.type_of(w) in WORK_TYPES]
        rest = _outside_spans(doc, a, b, spans)
        if not spans or re.search(r"[^\s,“”\"‘’'0-9()&]", rest.replace(" and ", " ")):
            continue  # "Chloë Sevigny (Golden Exits, from Sundance 2016 Joshy director …)"
        works = [w for _x, _y, w in spans if not set(doc.name_of(w).split()) & set(name.split())]
        if len(spans) == 1 and _may_be_a_character(doc, s.text, m.group("in"), spans[0][2]):
            continue
        person = doc.entity(name, "Actor", "bracketed-cast", m.group(0))
        for work in dict.fromkeys(works):
            doc.add(work, "castMember", m.group(0), s.start + m.start(), "bracketed-cast",
                    0.6, obj=person)


def _outside_spans(doc: Doc, a: int, b: int, spans: list[tuple[int, int, str]]) -> str:
    """The text between ``a`` and ``b`` that the title ``spans`` (in order) leave out."""
    return "".join(doc.text[x:y] for x, y in zip([a] + [y for _x, y, _w in spans],
                                                  [x for x, _y, _w in spans] + [b]))


def _director_credits(doc: Doc, s: Sentence, m: re.Match[str], name: str) -> None:
    """"new films from Naomi Kawase (True Mothers), François Ozon (Summer of 85)",
    "directors Joel Bakan and Jennifer Abbott (The New Corporation)": the one or two works
    in the bracket after a filmmaker's name are theirs (``maker-credits``)."""
    a, b = s.start + m.start("in"), s.start + m.end("in")
    spans = [(x, y, w) for x, y, w in doc.works_in_spans(a, b)
             if doc.type_of(w) in ("Movie", "TVSeries")]
    title = m.group("in").strip("“”\"‘’' ")
    if not spans and re.fullmatch(TITLE_SHAPE, title) and \
            "," not in title and not doc.is_person(title, strict=True) and doc.lookup(title) is None:
        # "Frederick Wiseman (City Hall)": the bracket holds one title, read as one here
        at = doc.text.find(title, a)
        work = doc.entity(title, "Movie", "maker-credits", m.group(0))
        doc.add_work_span(at, at + len(title), work)
        spans = [(at, at + len(title), work)]
    rest = re.sub(r"[\s,“”\"‘’']|\band\b", "", _outside_spans(doc, a, b, spans))
    if not spans or len(spans) > 2 or rest:
        return
    found = doc.lookup(name)
    if found is not None and not is_a(doc.type_of(found), "Person"):
        return
    person = doc.entity(name, "Filmmaker", "maker-credits", m.group(0))
    for _x, _y, work in spans:
        doc.add(work, "director", m.group(0), s.start + m.start(), "maker-credits", 0.6,
                obj=person)


def _alone(doc: Doc, word: str) -> bool:
    """Whether the article writes ``word`` (one word of a name) alone, with no other
    capitalised word before or after it, and not opening a sentence."""
    return any(not re.search(r"(?:[A-Z][\w’'.-]*|[.!?”\"]|^) ?$", doc.text[max(0, m.start() - 30):
                                                                       m.start()].rstrip("\n"))
               and not re.match(r" [A-Z]", doc.text[m.end():])
               for m in re.finditer(rf"\b{re.escape(word)}\b(?![’'-])", doc.text))


def _called(doc: Doc, a: str, b: str) -> int:
    """How the article calls the two people of "Addison Augustine (Caitlin Bassett)"
    elsewhere, where both read as people's full names: a character by the first name
    alone ("Ben is guided by …"), an actor by the surname ("Bassett paid tribute").
    Above 0 when that says ``a`` is the character, below 0 when ``b`` is, 0 when the
    article says neither."""
    wa, wb = [re.sub(r"^(?:Dr|Mr|Mrs|Ms)\. ", "", x).split() for x in (a, b)]
    if len(wa) != 2 or len(wb) != 2 or not (doc.is_person(a, strict=True) and
                                            doc.is_person(b, strict=True)):
        return 0
    return (_alone(doc, wa[0]) - _alone(doc, wa[1]) + _alone(doc, wb[1]) -
            _alone(doc, wb[0]))


def _surname_of_named(doc: Doc, name: str, before: int) -> str | None:
    """The full name of the person the article named before ``before`` whose surname
    ``name`` is, one word: "Dwayne Johnson" for "Johnson"."""
    if " " in name or not name[:1].isupper():
        return None
    for m in re.finditer(rf"\b(?P<full>[A-Z][\w’'.-]+ {re.escape(name)})\b", doc.text[:before]):
        found = doc.lookup(m.group("full"))
        if (found is None and doc.is_person(m.group("full"))) or (
                is_a(doc.type_of(found), "Person") and doc.type_of(found) != "FictionalCharacter"):
            return m.group("full")
    return None


_PARENT = re.compile(rf"(?P<child>{NAME})[’']s (?P<rel>dad|father|mom|mother|mum) "
                     rf"(?P<p>{NAME})")


def rule_parent(doc: Doc, s: Sentence) -> None:
    """"Missy's dad Marcus Moreno"."""
    for m in _PARENT.finditer(s.text):
        if not (doc.is_character(m.group("child")) or doc.is_character(m.group("p")) or
                re.search(r"\bas\s*$", s.text[:m.start()])):
            continue
        child = doc.entity(m.group("child"), "FictionalCharacter", "possessive-parent",
                           m.group(0))
        parent = doc.entity(m.group("p"), "FictionalCharacter", "possessive-parent",
                            m.group(0))
        doc.add(parent, "parentOf", m.group(0), s.start + m.start(),
                "possessive-parent", 0.8, obj=child)


_DAUGHTER_OF = re.compile(rf"play(?:s|ed|ing)? the (?:daughter|son|child|kid) of (?:[\w ]+?, )?"
                          rf"(?P<p1>{NAME})(?: and (?P<p2>{NAME}))?")


def rule_daughter_of(doc: Doc, s: Sentence) -> None:
    """"play the daughter of iconic characters, Sharkboy and Lavagirl"."""
    m = _DAUGHTER_OF.search(s.text)
    if not m:
        return
    child = None
    for name in re.findall(NAME, s.text[:m.start()]):
        person = doc.lookup(doc.trim(name))
        roles = [c.object for c in doc.found.values()
                 if c.subject == person and c.property == "plays"]
        if roles:
            child = roles[0]
            break
    if child is None:
        return
    for group in ("p1", "p2"):
        if m.group(group):
            parent = doc.entity(m.group(group), "FictionalCharacter", "daughter-of",
                                m.group(0))
            doc.add(parent, "parentOf", m.group(0), s.start + m.start(), "daughter-of",
                    0.6, obj=child)


_RUN_BY = re.compile(r"\b(?:their|the|a|an) (?P<place>(?:(?!(?:the|their|a|an|as|"
                     r"they) )[a-z-]+ ){1,4})(?:run|led) by "
                     rf"(?P<who>{NAME})")


def rule_run_by(doc: Doc, s: Sentence) -> None:
    """"their secret government safe house run by Ms. Granada"."""
    for m in _RUN_BY.finditer(s.text):
        if not doc.is_character(m.group("who")):
            continue
        place_type = ("FictionalPlace" if re.search(r"house|base|school|lab|city|planet",
                                                    m.group("place").strip())
                      else "FictionalOrganization")
        place = doc.entity(m.group("place").strip(), place_type, "run-by", m.group(0), 0.4)
        who = doc.lookup(m.group("who"))
        if who:
            doc.add(who, "leads", m.group(0), s.start + m.start(), "run-by", 0.5, obj=place)


_LIST = rf"(?P<list>{NAME}(?:(?:,| and|, and) {NAME}){{0,12}})"
#: A bracketed credit after a listed name: "Joel Kinnaman (House of Cards)", "Valene Kane
#: (The Fall, Gangs of London)".
_LISTED_CREDIT = r"(?: \([^()]{1,80}\))?"
#: A cast list whose names may each carry a bracketed credit: "The series stars Ella Purnell
#: (Yellowjackets), Aaron Moten (Emancipation) and Walton Goggins (The Hateful Eight)".
_CREDITED_LIST = rf"(?P<list>{NAME}{_LISTED_CREDIT}(?:(?:,| and|, and) {NAME}{_LISTED_CREDIT}){{0,12}})"


_POSSESSIVE_SPLIT = re.compile(r"[’']s ")


def _people(doc: Doc, text: str) -> list[str]:
    text = re.sub(r" \([^()]*\)", "", text)  # the credits in brackets
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    # "Gossip Girl's Penn Badgley": the person after the credit.
    return [trim_name(doc, _POSSESSIVE_SPLIT.split(n.strip())[-1]) for n in names if n.strip()]


def _mononym(doc: Doc, name: str) -> bool:
    """"Zendaya" among "Matt Damon, Tom Holland, Zendaya and Anne Hathaway": one
    capitalized word listed with people is a person known by one name."""
    return " " not in name and name[:1].isupper() and name[1:].islower() and \
        len(name) > 3 and name not in STOP and not is_noise(name) and \
        guess_type(name) == "Person" and doc.lookup(name) is None and \
        not is_place_or_award(name)


_ROUNDING_OUT = re.compile(rf"{_LIST},? (?:round(?:ing|s|ed)? out|complet(?:ing|es?|ed)|"
                          rf"(?:were|are|was|is) (?:also )?(?:part of|in)) the "
                          rf"(?:[\w-]+ ){{0,2}}?(?:cast|ensemble|line-?up)\b")


def _rounding_out(doc: Doc, s: Sentence) -> None:
    """"with newcomers to the franchise, Jonas Bloquet, Storm Reid and Anna Popplewell,
    rounding out the ensemble": the people listed before "rounding out the cast"; "Ana
    Gasteyer, Oscar Nuñez, Michael Cassidy, Da’Vine Joy Randolph, and Brian Huskey were
    also part of the cast"."""
    if "out the" not in s.text and "complet" not in s.text and " the cast" not in s.text \
            and " the ensemble" not in s.text:
        return
    m = _ROUNDING_OUT.search(s.text)
    if not m:
        return
    pos = s.start + m.start()
    work = doc.work_at(pos, s)
    if work is None:
        return
    people = [n for n in _people(doc, m.group("list")) if doc.is_person(n)]
    if len(people) < 2:
        return
    for name in people:
        at = s.text.find(name, m.start())
        person = doc.entity(name, "Actor", "rounding-out", m.group(0))
        doc.add(work, "castMember", s.text[at:m.end()], s.start + at, "rounding-out", 0.65,
                obj=person)


_STARRING_LIST = re.compile(rf"\b(?:[Ss]tarring|co-starring|costarring|also stars|stars|starred|will star|"
                            rf"featuring|(?:also )?co-?stars|regulars (?:also )?include|"
                            rf"(?:headlined|toplined|fronted|led) by|(?:the )?cast "
                            rf"(?:also )?includes?|(?:ensemble|cast|lineup) (?:that|which) (?:also )?"
                            rf"includes?|star(?:s|red|ring)? alongside|starred opposite|"
                            rf"stars opposite|(?<=, )alongside|(?:the )?cast (?:is|was|will be) (?:completed|"
                            rf"rounded out|filled out) by|cast including(?: (?:[A-Z][a-z]+ )?"
                            rf"(?:actor|actress|star))?|[Gg]uest[- ]starring(?: this season)? "
                            rf"(?:are|is)|[Tt]he cast (?:is|are) [a-z -]{{1,25}}:|[Rr]ounding out the "
                            rf"cast (?:are|is)|(?:the )?cast is rounded out by|"
                            # "previously announced cast members Margot Robbie, Tom Hanks, …",
                            # "New cast members include …", "The Boys cast features actors
                            # like Karl Urban, Jack Quaid, …"
                            rf"cast members,?(?: (?:also )?(?:include|includes|are|were|such as|"
                            rf"like|including)(?: the likes of)?)?|cast (?:also )?(?:features|"
                            rf"featured)(?: (?:actors|actresses|stars) (?:like|such as)| the likes "
                            rf"of)?) {_CREDITED_LIST}")
_CAST_MEMBER_STARS = re.compile(rf"(?P<a>{NAME}) (?:[a-z]+ ){{0,2}}?(?:will )?(?:stars?|starred|co-stars?|"
                                rf"(?:is|was|has been|have been) cast in|(?:has |have )?(?:joined|boarded)) "
                                rf"(?:in )?(?:{POSSESSOR} )?[“\"‘]?")
_POSSESSIVE_END = re.compile(r"[’']s?$")
_POSSESSIVE_THEN_LOWER = re.compile(r"[’']s? [a-z]")


def rule_cast_members(doc: Doc, s: Sentence) -> None:
    """"starring Pedro Pascal, Priyanka Chopra and Christian Slater", "the cast includes
    A and B", "also stars A", "Guest-starring this season are Derek Hough, …": cast
    membership with no character named; "It also costars Leah Harvey, Ellie James, …",
    "the show's regulars also include Craig Bierko, …"."""
    for m in _STARRING_LIST.finditer(s.text):
        pos = s.start + m.start()
        work = the_sequel(doc, doc.work_at(pos, s))
        if m.group(0).startswith("Starring") and not _fronted_cast_bound(doc, s, work):
            continue
        if "this season" in m.group(0) and doc.type_of(work) != "TVSeason":
            continue  # which season?
        if re.search(r"\b(?:sequel|follow-up|follow up) to the (?:[\w-]+ ){0,3}(?:film|movie|"
                     r"series|show)\s*$", s.text[:m.start()]) and work is not None:
            # "a follow-up to the incredible 2015 film featuring …": the earlier work.
            work = doc.predecessor(work) or work
        elif re.search(r"\b(?:previously|originally|first|once) (?:adapted|made|turned) into "
                       r"(?:the|a|an) [^,.]*?(?:film|movie|series|show)\s*$|\b(?:the|an?) "
                       r"(?:original |earlier |previous )?(?:19|20)\d\d (?:[\w-]+ )?(?:film|movie|"
                       r"series|show|version|adaptation)\s*$", s.text[:m.start()]) and work:
            # "previously adapted into the 1987 film starring …": an earlier work.
            work = doc.predecessor(work)
        if work is None:
            continue
        if m.group(0).startswith("alongside") and not re.search(
                r"\b(?:as|stars?|starring|plays|returns)\b", s.text[:m.start()]):
            continue  # "executive producer alongside …" is no cast
        follows = s.text[m.end():m.end() + 12]
        if re.match(r",? (?:as|who plays|who portrays)\b", follows):
            continue  # "stars Julia Roberts as a caseworker": a role, not bare membership
        people = _people(doc, m.group("list"))
        if len(people) == 2 and " and " not in m.group("list") and re.match(
                r", (?:is|was|will|has|had|opens|arrives|hits)\b", s.text[m.end():]):
            # "his film starring Gary Oldman, Darkest Hour, is scheduled": the second is
            # the film's title, in apposition, not a second actor
            people = people[:1]
        listed = sum(1 for name in people if doc.is_person(name))
        # "starring Greg Kinnear (Brigsby Bear), … Aubrey Plaza and Elizabeth Olsen in the
        # film “Ingrid Goes West”": a name with its credit is left from a list before "in"
        in_title = re.match(r",? in\b", s.text[m.end():]) is not None
        for name in people:
            at = s.text.find(name, m.start())
            if at < 0 or (in_title and re.match(r" \(", s.text[at + len(name):])):
                continue
            if not (doc.is_person(name) or (listed >= 2 and _mononym(doc, name))) or (
                    doc.lookup(name) in doc.known and not is_a(
                        doc.type_of(doc.lookup(name)), "Person")):
                continue
            if " " not in name and re.match(r" [“\"]", s.text[at + len(name):]):
                continue  # "Marcus “MJ” Gladney, Jr.": a first name cut off at a nickname
            if _POSSESSIVE_END.search(name) or _POSSESSIVE_THEN_LOWER.match(
                    s.text[at + len(name):at + len(name) + 4]):
                # "featuring Tony Hale’s breakout star": his character, told apart; he is
                # someone the article speaks of all the same
                doc.entity(strip_possessive(name), "Actor", "starring", m.group(0))
                continue
            quote = s.text[m.start():at + len(name)]
            person = doc.entity(name, "Actor", "starring", quote)
            doc.add(work, "castMember", quote, pos, "starring", 0.7, obj=person)
    _rounding_out(doc, s)
    _listed_subjects(doc, s)
    for m in _CAST_MEMBER_STARS.finditer(s.text):
        name = doc.trim(m.group("a"))
        spans = doc.span_starting(s.start + m.end())
        if not spans or not doc.is_person(name):
            continue
        _a, end, work = spans[0]
        quote = doc.text[s.start + m.start():end]
        person = doc.entity(name, "Actor", "stars-in", quote)
        doc.add(work, "castMember", quote, s.start + m.start(), "stars-in", 0.6, obj=person)


_SUBJECT_LIST = re.compile(
    rf"{_LIST},? (?:have|had|were|are|will) (?:all |also |each )?(?:been |be )?"
    rf"(?:cast in|joined|join|boarded|signed on (?:to|for)|set to star in)\b")


def _fronted_cast_bound(doc: Doc, s: Sentence, work: str | None) -> bool:
    """Whether a sentence opening "Starring A, B and C, …" is surely about ``work``: it
    names it, or the sentence before it in its paragraph does ("Hirokazu Kore-eda’s The
    Truth will open the festival. Starring Catherine Deneuve, …"), or its paragraph names
    no work at all (the article's own)."""
    if work is None:
        return False
    para = doc.paragraph_at(s.start, 1)
    if para is None:
        return True
    earlier = [x for x in doc.sentences if para.start <= x.start < s.start]
    lower = earlier[-1].start if earlier else s.start
    named = doc.works_in(lower, s.end)
    if named:
        return work in named or doc.series_of(work) in {doc.series_of(w) for w in named}
    if re.match(r"[Ss]tarring [^.;:]*?, (?:the|this|that) (?:[\w-]+ ){0,3}?(?:film|movie|"
                r"series|show|sequel|thriller|drama|comedy)\b", s.text) and \
            set(doc.works_in(para.start, para.end)) == {work} and \
            work in doc.works_in(0, s.start):
        # "Starring John David Washington and Robert Pattinson, the action spy film was
        # initially supposed to premiere in July": "the film" points back to the one work
        # its paragraph names (later) and the article named before
        return True
    # not a work only named later: "Roma" in the next paragraph but one
    return not doc.works_in(para.start, para.end) and (
        work in doc.works_in(0, s.start) or doc.name_of(work) in (doc.article.title or ""))


def _listed_subjects(doc: Doc, s: Sentence) -> None:
    """"Lin-Manuel Miranda, James McAvoy and Ruth Wilson have all been cast in the BBC’s
    upcoming series “His Dark Materials”": several people, one verb, the work after it
    (else the work in scope)."""
    for m in _SUBJECT_LIST.finditer(s.text):
        people = _people(doc, m.group("list"))
        if len(people) < 2 or not all(doc.is_person(p) for p in people):
            continue
        after = [w for a, _b, w in doc.work_spans if s.start + m.end() <= a < s.end]
        work = after[0] if after else doc.work_at(s.start + m.start(), s)
        if work is None:
            continue
        for name in people:
            at = s.text.find(name, m.start())
            person = doc.entity(name, "Actor", "listed-cast", s.text[at:m.end()])
            doc.add(work, "castMember", s.text[m.start():m.end()], s.start + m.start(),
                    "listed-cast", 0.65, obj=person)


_POINTED_STAR = re.compile(
    r"(?:He|She|The (?:\d+-year-old |[\w’'-]+ )?(?:actor|actress|star)) (?:[a-z]+ ){0,2}?"
    r"(?:is set to star|will star|is to star|stars|is starring|has been cast|was cast|joins|"
    r"has joined|will appear) in (?:the|this|that) (?:(?:upcoming|new|next|latest|"
    r"forthcoming|untitled) )?(?P<k>movie|film|series|show|sequel)\b")


def rule_pointed_star(doc: Doc, s: Sentence) -> None:
    """"Bill Skarsgard has suggested that he has a "fun role" in 'John Wick: Chapter 4'.
    The 30-year-old actor is set to star in the upcoming movie in the action franchise":
    the person the sentence points back to is in the cast of the work in scope."""
    m = _POINTED_STAR.match(s.text)
    if m is None:
        return
    named = doc.works_in(s.start, s.end)
    work = named[0] if named else doc.main_film
    person = doc.subject_person(s.start)
    if work is None or person is None or not is_a(doc.type_of(person), "Person") or \
            doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason"):
        return
    if doc.is_guess(person) and doc.new[person].type == "Person":
        doc.new[person].type = "Actor"
    doc.add(work, "castMember", m.group(0), s.start, "pointed-star", 0.55, obj=person)


_CREDIT_ROLES = {"director": "director", "co-director": "director", "writer": "screenwriter",
                 "writers": "screenwriter", "creator": "creator", "co-creator": "creator",
                 "producer": "producer", "showrunner": "creator"}
_CREDIT = re.compile(rf"^(?:[’']s)?[”\"’]?(?:[’']s)? (?:(?P<role>co-director|director|writers?|"
                     rf"co-creator|creator|producer|showrunner|co-stars?|star|stars|breakout|alum|alumna|"
                     rf"actor|actress|veteran|newcomer) )?(?P<p>{NAME})")


_PERSON_OF_BEFORE = re.compile(rf"(?P<p>{NAME}) of [“\"‘]?$")
_PERSON_STARS_BEFORE = re.compile(rf"(?P<p>{NAME})(?: now| also| currently)? (?:stars|starred|starring) "
                                  rf"(?:on|in) (?:{POSSESSOR} )?[“\"‘]?$|(?P<p2>{NAME})[\w ,]{{0,40}}? "
                                  rf"(?:his|her|their) (?:starring |lead |recurring |breakout )?role in "
                                  rf"(?:{POSSESSOR} )?[“\"‘]?$")


def rule_credits(doc: Doc, s: Sentence) -> None:
    """"“The Walking Dead’s” Andrew Lincoln", "“Atlanta” breakout Zazie Beetz", "Gossip
    Girl's Penn Badgley", "Jack Kesy of “The Strain”", "“John Wick” co-director David
    Leitch", "Stapleton now stars on NBC’s “Blindspot”", "his starring role in Dick
    Wolf’s “Chicago Justice”": a person credited with a work."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        if doc.type_of(work) not in ("Movie", "TVSeries", "MovieSeries", "TVSeason"):
            continue
        m = _CREDIT.match(doc.text[b:s.end])
        other = [e for a2, e, _w in doc.works_in_spans(b + 5, s.end) if a2 == b + 5] \
            if doc.text.startswith(" and ", b) else []
        if other and not (m and m.group("role")):
            # "Game of Thrones and Downton Abbey star Rose Leslie": both works' credit
            m2 = _CREDIT.match(doc.text[other[0]:s.end])
            if m2 and m2.group("role"):
                m, b = m2, other[0]
        if m and (m.group("role") or "").lower() == "stars" and \
                re.match(r",? as\b", doc.text[b + m.end():b + m.end() + 4]):
            m = None  # "“Pose” stars Mj Rodriguez as Blanca": a role, said elsewhere
        if m and (m.group("role") or re.match(r"[’']s", doc.text[b:b + 2]) or
                  re.match(r"[”\"’][’']s", doc.text[b:b + 3])):
            # "Cartel Land director Matthew Heineman’s ISIS": the person, not their work
            name = doc.trim(re.split(r"[’']s ", m.group("p"))[0])
            if doc.is_person(name) and (doc.lookup(name) is None or
                                        is_a(doc.type_of(doc.lookup(name)), "Person")):
                role = (m.group("role") or "").lower()
                prop = _CREDIT_ROLES.get(role, "castMember")
                person = doc.entity(name, "Filmmaker" if prop != "castMember" else "Actor",
                                    "credit", doc.text[a:b + m.end()])
                quote = doc.text[doc.before_quote(a):
                                 b + m.start("p") + len(name)]
                doc.add(work, prop, quote, a, "credit", 0.65, obj=person)
                others = []
                if role.endswith("s") and not role.endswith("ss"):
                    # plural ("writers", "co-stars"), not "actress": "Only Murders in the
                    # Building actress Amy Ryan and Killing Eve's Kirby Howell-Baptiste" names
                    # the second one's own credit
                    # "“Deadpool” writers Rhett Reese and Paul Wernick": everyone listed
                    listed = read_people(doc, b + m.start("p"), s.end)
                    others = [doc.entity(one.name, "Filmmaker" if prop != "castMember" else
                                         "Actor", "credit", doc.text[a:one.end])
                              for one in listed[1:]]
                    for one, who in zip(listed[1:], others, strict=True):
                        if is_a(doc.type_of(who), "Person"):
                            doc.add(work, prop, doc.text[a:one.end].lstrip("“\"‘"), a,
                                    "credit", 0.65, obj=who)
                back = re.match(rf"(?: and {NAME})? (?:returning|are returning|return|will "
                                rf"return|is returning)\b", doc.text[b + m.end():])
                coming = doc.main_film
                if back and coming and coming != work and doc.predecessor(coming) == work:
                    # "“Deadpool” writers Rhett Reese and Paul Wernick returning": the sequel's
                    doc.add(coming, prop, quote, a, "credit-returning", 0.6, obj=person)
                    for who in others:
                        if is_a(doc.type_of(who), "Person"):
                            doc.add(coming, prop, doc.text[a:b + m.end() + back.end()], a,
                                    "credit-returning", 0.6, obj=who)
        before = doc.text[s.start:a]
        m = _PERSON_OF_BEFORE.search(before)
        if m and doc.is_person(doc.trim(m.group("p"))):
            person = doc.entity(doc.trim(m.group("p")), "Actor", "credit", m.group(0))
            doc.add(work, "castMember", doc.text[s.start + m.start():b + 1], s.start + m.start(),
                    "person-of-work", 0.6, obj=person)
        m = _PERSON_STARS_BEFORE.search(before)
        if m:
            name = doc.trim(m.group("p") or m.group("p2"))
            if doc.is_person(name):
                person = doc.entity(name, "Actor", "stars-on", m.group(0))
                doc.add(work, "castMember", doc.text[s.start + m.start():b + 1],
                        s.start + m.start(), "stars-on", 0.6, obj=person)


_KNOWN_FOR_ROLE = re.compile(rf"^(?P<a>{NAME}) (?:is|was) (?:[a-z]+ ){{0,2}}?known for (?:starring|playing|"
                             rf"her role|his role|their role)(?: as)? (?P<r>{_ROLE}) (?:on|in) [“\"‘]?")


def rule_known_for_role(doc: Doc, s: Sentence) -> None:
    """"Newton is perhaps best known for starring as Maeve Millay on Westworld": a role
    in an earlier work of the person the sentence is about."""
    m = _KNOWN_FOR_ROLE.search(s.text)
    if not m:
        return
    name = doc.trim(m.group("a"))
    person = doc.lookup(name)
    if person is None and not doc.is_person(name):
        return
    spans = doc.span_starting(s.start + m.end())
    if not spans or doc.type_of(spans[0][2]) not in WORK_TYPES:
        return
    _a, b, work = spans[0]
    quote = doc.text[s.start + m.start():doc.past_quote(b)]
    actor = person or doc.entity(name, "Actor", "known-for-role", quote)
    character = _role(doc, m.group("r"), s.start + m.start(), quote)
    if character and is_a(doc.type_of(actor), "Person"):
        doc.add(actor, "plays", quote, s.start + m.start(), "known-for-role", 0.65,
                obj=character, **{"in": work})


_UNNAMED = [
    re.compile(rf"\b(?:stars|starring|features|co-stars) (?P<a>{NAME}) as an? "
               rf"(?P<n>(?:[a-z][\w-]* ){{0,2}}?[a-z][\w-]*)(?= (?:at|in|of|who|with|on|for|"
               rf"from|and|whose)\b|[,.;]|$)"),
    re.compile(rf"(?P<a>{NAME}) (?:also )?(?:stars|star|starring|plays|will play|portrays) as an? "
               rf"(?P<n>(?:[a-z][\w-]* ){{0,2}}?[a-z][\w-]*)(?= (?:at|in|of|who|with|on|for|"
               rf"from|and|whose)\b|[,.;]|$)"),
    re.compile(rf"(?P<a>{NAME}|\b[Ss]he|\b[Hh]e) (?:voices|plays|will voice|will play|portrays) "
               rf"the (?P<n>main|lead|title|titular) character\b"),
    re.compile(rf"(?P<a>{NAME}) (?:stars |appears |will star |is )?in the (?P<n>titular|title|"
               rf"lead|leading) role\b"),
]


_WHOM = re.compile(rf"(?P<r>{NAME}), (?:the |a |an )?(?P<d>[a-zA-Z][\w -]{{2,50}}?) (?:whom|who|that) "
                   rf"(?P<a>{NAME}) (?:portrays|plays|played|portrayed|voices|will play)\b")


def rule_whom_plays(doc: Doc, s: Sentence) -> None:
    """"Beck, the NYC-based grad student whom Elizabeth Lail portrays on the series": the
    character, what it is, and who plays it."""
    for m in _WHOM.finditer(s.text):
        name = doc.trim(m.group("a"))
        role = doc.trim(m.group("r"))
        if not doc.is_person(name) or doc.is_person(role) or \
                doc.type_of(doc.lookup(role)) in WORK_TYPES:
            continue
        _cast(doc, name, role, m.group(0), s.start + m.start(), "whom-plays", 0.65, s)
        character = doc.lookup(role)
        if character is not None and doc.type_of(character) == "FictionalCharacter":
            doc.add(character, "description", m.group(0), s.start + m.start(),
                    "whom-plays", 0.5, value=m.group("d").strip())


_ACTORS_CHARACTER = re.compile(rf"(?P<a>{NAME})[’'] ?s? (?P<c>(?:[A-Z]\. ){{1,2}}[A-Z][a-z]{{2,}} "
                               rf"[A-Z][a-z]{{2,}}|[A-Z][a-z]{{2,}})\b(?! [A-Z]|[’'])")


def rule_actors_character(doc: Doc, s: Sentence) -> None:
    """"Hidden Bodies … follows Badgley's Joe after he has made the leap": a cast member's
    possessive before a first name is the character they play."""
    for m in _ACTORS_CHARACTER.finditer(s.text):
        # "Murphy’s J. Robert Oppenheimer": a character's full name after initials too
        actor = doc.lookup(doc.trim(m.group("a")))
        if actor is None or (doc.type_of(actor) != "Actor" and not any(
                (c.property == "castMember" and c.object == actor) or
                (c.property == "plays" and c.subject == actor) for c in doc.found.values())):
            continue  # someone the article has in a cast
        name = m.group("c")
        if name in STOP or (doc.lookup(name) is not None and not doc.is_character(name)) or \
                is_noise(name) or (" " not in name and guess_type(name) != "Person") or \
                is_place_or_award(name):
            continue
        if doc.work_span_at(s.start + m.start("c"), s.start + m.end("c")):
            continue
        _cast(doc, doc.name_of(actor), name, m.group(0), s.start + m.start(),
              "actors-character", 0.55, s)


def rule_unnamed_role(doc: Doc, s: Sentence) -> None:
    """"the show stars Julia Roberts as a caseworker at a secret government facility", "an
    animated adventure in which she voices the main character", "stars Emmy winner Tony
    Hale in the titular role": a character the text describes but does not name, as
    ``WORK-caseworker``, ``WORK-main-character``, ``WORK-title-character``."""
    for pattern in _UNNAMED:
        for m in pattern.finditer(s.text):
            who = m.group("a")
            actor = doc.subject_person(s.start + m.start()) if who.lower() in ("she", "he") \
                else (doc.lookup(doc.trim(who)) or (doc.entity(doc.trim(who), "Actor",
                                                               "unnamed-role", m.group(0))
                                                    if doc.is_person(doc.trim(who)) else None))
            if actor is None or not is_a(doc.type_of(actor), "Person"):
                continue
            work = doc.work_at(s.start + m.start(), s)
            if work is None or doc.type_of(work) not in WORK_TYPES:
                continue
            noun = m.group("n")
            if noun in ("main", "lead", "title", "titular", "leading"):
                noun = "title" if noun in ("title", "titular") else "main"
                slug_, name = f"{noun}-character", f"the {noun} character"
            else:
                slug_, name = noun.replace(" ", "-"), f"the {noun}"
            character = doc.derived(f"{doc.series_of(work) or work}-{slug_}", "FictionalCharacter",
                                    f"{doc.name_of(work)}: {name}", "unnamed-role", m.group(0))
            doc.add(actor, "plays", m.group(0), s.start + m.start(), "unnamed-role", 0.55,
                    obj=character, **{"in": work})


_ACTOR_IN_PARENTHESES = re.compile(rf"[”\"’]?\s?\((?P<p>{NAME})\)")


def rule_title_then_actor(doc: Doc, s: Sentence) -> None:
    """"Action movie “The Old Guard” (Charlize Theron) led the way": the star named in
    parentheses after a title."""
    for _a, b, work in doc.works_in_spans(s.start, s.end):
        m = _ACTOR_IN_PARENTHESES.match(doc.text[b:s.end])
        if not m or doc.type_of(work) not in WORK_TYPES:
            continue
        name = m.group("p")
        if not doc.is_person(name, strict=doc.lookup(name) is not None) or \
                doc.is_character(name) or re.match(r",? by [A-Z]", doc.text[b + m.end():]):
            continue  # "Leave One Day (Partir Un Jour) by Amélie Bonnin": the original title
        person = doc.entity(name, "Actor", "title-then-actor", m.group(0))
        quote = doc.text[doc.before_quote(_a):b + m.end()]
        doc.add(work, "castMember", quote, _a, "title-then-actor", 0.6, obj=person)


_FILMOGRAPHY = re.compile(
    r"(?:\bis (?:best |also |perhaps )?known for|\b(?:resume|résumé|filmography|credits) "
    r"(?:also )?(?:includes?|spans?)|(?:[’']s|\b(?:his|her|their)) (?:other |previous |past "
    r"|earlier )?(?:[a-z]+ )?(?:films|movies|blockbusters|hits|credits|works|projects) (?:also )?"
    r"(?:includes?|are|were)|\b(?:previously|also|has|have|had|once) (?:appeared|starred|"
    r"co-starred) in)\b")


def rule_filmography(doc: Doc, s: Sentence) -> None:
    """"Lupita Nyong’o … is known for ‘12 Years a Slave’", "The 41-year-old actor’s
    expansive resume includes Marvel’s ‘Black Panther’ and the sequel …", "Nolan’s other
    blockbusters include ‘Inception’ and ‘Dunkirk’": the works a person is credited
    with (directed, for a filmmaker; acted in, otherwise)."""
    m = _FILMOGRAPHY.search(s.text)
    if not m:
        return
    head = s.text[:m.start() + 2]
    names = [n for n in re.finditer(rf"(?<![\w’']){NAME}", head)
             if doc.is_person(doc.trim(strip_possessive(n.group(0))))]
    begin = s.start + m.start()
    pointer = re.match(r"(?:The|This) (?:[\w-]+ ){0,3}(?P<k>actor|actress|star|filmmaker|"
                       r"director)(?:[’']s)?\b|(?:She|He)\b", s.text)
    if names:
        name = doc.trim(strip_possessive(names[-1].group(0)))
        person: str | None = doc.lookup(name) or doc.entity(name, None, "filmography", s.text)
        begin = s.start + names[-1].start()
    elif pointer:
        person = doc.last_person(s.start, but="Filmmaker" if pointer.group("k") and pointer.group(
            "k").startswith(("act", "star")) else None)
        begin = s.start
    else:
        return
    if person is None or not is_a(doc.type_of(person), "Person"):
        return
    prop = "director" if doc.type_of(person) == "Filmmaker" else "castMember"
    if prop == "castMember" and doc.type_of(person) != "Actor" and not pointer and \
            re.search(r"\b(?:credits|works|projects|resume|résumé)\b", m.group(0)):
        # "Alexander’s other credits include “Lost,” “Alias”": a showrunner's credits
        # are no cast membership; only an actor's are.
        return
    for a, b, work in doc.works_in_spans(s.start + m.end(), s.end):
        if doc.type_of(work) not in WORK_TYPES:
            continue
        gap = doc.text[s.start + m.end():a]
        if gap.count("(") > gap.count(")"):
            continue
        quote = doc.text[begin:doc.past_quote(b)]
        if len(quote) > 120:
            quote = doc.text[doc.before_quote(a):b + 1].strip()
        if prop == "director":
            doc.add(work, "director", quote, a, "filmography", 0.55, obj=person)
        else:
            doc.add(work, "castMember", quote, a, "filmography", 0.55, obj=person)


_MEMBERS = re.compile(
    rf"\b(?:returning |new |other )?(?:cast members|castmates|co-stars|stars|the cast) "
    rf"(?:also )?(?:include|includes|are|will include) {_LIST}|"
    rf"(?P<list2>{NAME}(?:(?:,| and|, and) {NAME})+) (?:are set to|will|also|are to|are "
    rf"expected to) (?:co-)?star\b|"
    rf"\b(?:[Oo]riginal|[Rr]eturning|[Nn]ew) (?:cast members|castmates|stars) "
    rf"(?P<list3>{NAME}(?:(?:,| and|, and) {NAME})+) (?:are|will be|were) (?:all |also )?"
    rf"(?:returning|back|set to return|reprising)\b")


def rule_members_listed(doc: Doc, s: Sentence) -> None:
    """"Returning cast members include A, B and C", "A and B are set to star", "Original
    cast members Jenny Slate, Eric Stonestreet, … and Bobby Moynihan are all returning for
    the follow-up": cast membership of the work in scope."""
    for m in _MEMBERS.finditer(s.text):
        pos = s.start + m.start()
        work = doc.work_at(pos, s)
        if work is None:
            continue
        for name in _people(doc, m.group("list") or m.group("list2") or m.group("list3")):
            if doc.is_person(name) and (doc.lookup(name) is None or
                                        is_a(doc.type_of(doc.lookup(name)), "Person")):
                person = doc.entity(name, "Actor", "members", m.group(0))
                doc.add(work, "castMember", m.group(0), pos, "members", 0.65, obj=person)


def character_in_title(doc: Doc) -> None:
    """A character named in a film's title appears in that film."""
    characters = [c.object for c in doc.found.values() if c.property in ("plays", "parentOf")]
    characters += [c.subject for c in doc.found.values() if c.property == "parentOf"]
    works = {mn.entity for mn in doc.out.mentions} | set(doc.new)
    for character in dict.fromkeys(x for x in characters if x):
        cname = doc.name_of(character)
        for work in sorted(works):
            if doc.type_of(work) != "Movie":
                continue
            wname = doc.name_of(work)
            if word_at(wname, cname) and wname != cname:
                pos = doc.text.find(cname)
                if pos >= 0:
                    doc.add(character, "appearsIn", cname, pos, "character-in-title", 0.5,
                            obj=work)


_VERSION_OF = re.compile(rf"\bversion of (?P<a>{NAME})[’']s (?:character )?(?P<r>{NAME})"
                         r"(?: character)?")


def rule_version_of(doc: Doc, s: Sentence) -> None:
    """"Jackie, a version of Dianne Wiest’s character Lucy in the original 1987 film",
    "Jason Patric’s Michael character", "Kiefer Sutherland’s David": who played the
    character in the original work."""
    for m in _VERSION_OF.finditer(s.text):
        actor = doc.trim(m.group("a"))
        if not doc.is_person(actor):
            continue
        main = doc.main_film
        original = next((c.object for c in doc.found.values() if c.subject == main and
                         c.property in ("basedOn", "sequelOf")), None)
        work = original if original and "original" in s.text else doc.work_at(
            s.start + m.start(), s)
        if work is None:
            continue
        person = doc.entity(actor, "Actor", "version-of", m.group(0))
        character = doc.entity(m.group("r"), "FictionalCharacter", "version-of", m.group(0))
        doc.add(person, "plays", m.group(0)[len("version of "):], s.start + m.start() + 11,
                "version-of", 0.6, obj=character, **{"in": work})


_RETURN_AS = re.compile(rf"^(?:[A-Z][a-z]+, )?(?P<a>{NAME})\b[^.;]*?\b(?:making|marks?|marking) (?:his|her|their) "
                        rf"return as (?P<r>{_ROLE})")


def rule_return_as(doc: Doc, s: Sentence) -> None:
    """"Dolph Lundgren is set to appear in Creed 2, making his return as the infamous Ivan
    Drago": the role played again."""
    m = _RETURN_AS.search(s.text)
    if not m or not doc.is_person(doc.trim(m.group("a"))):
        return
    work = doc.work_at(s.start + m.start("r"), s)
    if work is None:
        return
    actor = doc.entity(doc.trim(m.group("a")), "Actor", "return-as", m.group(0))
    character = _role(doc, m.group("r"), s.start + m.start(), m.group(0))
    if character:
        doc.add(actor, "plays", m.group(0), s.start + m.start(), "return-as", 0.65,
                obj=character, **{"in": work})
        doc.add(actor, "reprisedRole", m.group(0), s.start + m.start(), "return-as", 0.6,
                obj=character, **{"in": work})


_LATEST = re.compile(rf"(?P<a>{NAME}) (?:is|was|becomes|became) the (?:latest|newest|first|"
                     rf"second|third|fourth|next|last|final) (?:[\w-]+ )?(?:actor|actress|"
                     rf"star|cast member|addition|name|performer) to (?:join|board) "
                     rf"(?:the |its )?(?:[\w-]+ )?(?:series|show|film|movie|cast|project|"
                     rf"ensemble)\b")
_OPPOSITE = re.compile(rf"\b(?:lead|leads|star|stars|co-stars?|role|roles) opposite (?:the "
                       rf"(?:previously |recently |already )?(?:announced|cast|confirmed) )?"
                       rf"(?P<b>{NAME})")


_JOINS_LIST = re.compile(rf"(?P<a>{PERSON})(?: \([^()]{{1,60}}\))? (?:joins|has joined|will join|"
                         rf"is set to join) (?=[A-Z])")
_STAR_IN_WITH = re.compile(rf"(?P<a>{PERSON}) (?:[a-z]+ ){{0,2}}?(?:is set to|will|is to|is going "
                           rf"to) (?:co-)?star in ")


def _joins_list(doc: Doc, s: Sentence) -> None:
    """"Mamoudou Athie (Jurassic World: Dominion) joins Emma Stone, Jesse Plemons and Joe
    Alwyn in Searchlight Pictures’ And": everyone named is in the cast of the work after
    "in"; "Barry Keoghan is set to star in a new film with Abel Tesfaye and Jenna
    Ortega": the work, then who else stars in it."""
    for m in _JOINS_LIST.finditer(s.text):
        people = read_people(doc, s.start + m.end(), s.end)
        if not people or any(p.character for p in people):
            continue
        rest = s.start + (people[-1].end - s.start)
        if not doc.text.startswith(" in ", rest):
            continue
        work, end = _work_after(doc, s, rest - s.start + 3)
        if work is None:
            continue
        quote = doc.text[s.start + m.start():s.start + end]
        for name in [m.group("a"), *(p.name for p in people)]:
            name = doc.trim(name)
            if doc.is_person(name) or is_a(doc.type_of(doc.lookup(name)), "Person"):
                person = doc.entity(name, "Actor", "joins-list", quote)
                doc.add(work, "castMember", quote, s.start + m.start(), "joins-list", 0.7,
                        obj=person)
    for m in _STAR_IN_WITH.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if not spans or not doc.text.startswith(" with ", spans[0][1]):
            continue
        people = read_people(doc, spans[0][1] + 6, s.end)
        if not people:
            continue
        quote = doc.text[s.start + m.start():people[-1].end]
        for name in [m.group("a"), *(p.name for p in people)]:
            # "Abel “The Weeknd” Tesfaye": the name without the nickname
            name = doc.trim(re.sub(r" [“\"][^”\"]{1,30}[”\"](?= )", "", name))
            if doc.is_person(name) or is_a(doc.type_of(doc.lookup(name)), "Person"):
                person = doc.entity(name, "Actor", "star-in-with", quote)
                doc.add(spans[0][2], "castMember", quote, s.start + m.start(), "star-in-with",
                        0.7, obj=person)


_JOINED_CAST = re.compile(rf"(?P<a>{NAME}) (?:has |have |had )?(?:joined|joins) the (?:main )?"
                          rf"cast of ")
_SET_TO_JOIN = re.compile(rf"(?P<a>{NAME}) (?:[a-z]+ ){{0,3}}?(?:(?:is set|set|is going|will) to "
                          rf"star|starred|stars|co-starred|co-stars) (?:opposite|alongside|with) "
                          rf"(?:(?:newly added |fellow )?(?:cast member|co-star) )?"
                          rf"(?P<b>{NAME})(?P<in> in (?:the (?:[a-z-]+ ){{0,3}})?)?")
_PERFORMANCE = re.compile(rf"(?P<a>{NAME})[’']s (?:performance|portrayal|turn)\b")
_LEAD_STARS = re.compile(rf"^(?P<a>{NAME})(?: of [“\"‘][^”\"’]+[”\"’])? (?:stars|will star|co-stars|"
                         rf"appears) in an? (?:[\w-]+ ){{0,3}}role\b")


def rule_joins(doc: Doc, s: Sentence) -> None:
    """"Thandiwe Newton has joined the cast of Wednesday season 2", "Newton is set to star
    alongside newly added cast member Steve Buscemi", "starred opposite Chris Pine in the
    spy thriller All the Old Knives", "Jenna Ortega's performance", "Jack Kesy of “The
    Strain” stars in an unspecified villain role"."""
    for m in _JOINED_CAST.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        name = doc.trim(m.group("a"))
        if spans and doc.is_person(name):
            person = doc.entity(name, "Actor", "joins-cast", m.group(0))
            doc.add(spans[0][2], "castMember", doc.text[s.start + m.start():spans[0][1]],
                    s.start + m.start(), "joins-cast", 0.75, obj=person)
    for m in _SET_TO_JOIN.finditer(s.text):
        if m.group("in"):
            spans = doc.span_starting(s.start + m.end())
            work = spans[0][2] if spans else None
            end = spans[0][1] if spans else s.start + m.end()
        else:
            work = doc.work_at(s.start + m.start(), s)
            end = s.start + m.end("b")
        if work is None:
            continue
        quote = doc.text[s.start + m.start():end]
        for name in (m.group("a"), m.group("b")):
            name = doc.trim(name)
            if doc.is_person(name):
                person = doc.entity(name, "Actor", "star-opposite", quote)
                doc.add(work, "castMember", quote, s.start + m.start(), "star-opposite", 0.65,
                        obj=person)
    _joins_list(doc, s)
    for m in (_LATEST.finditer(s.text) if " to join" in s.text or " to board" in s.text
              else ()):
        # "Squid Game star Lee Jung-Jae is the latest actor to join the series"
        name, work = doc.trim(m.group("a")), doc.work_at(s.start + m.start(), s)
        if work and doc.is_person(name):
            person = doc.entity(name, "Actor", "latest-to-join", m.group(0))
            doc.add(work, "castMember", m.group(0), s.start + m.start(), "latest-to-join", 0.7,
                    obj=person)
    for m in (_OPPOSITE.finditer(s.text) if " opposite " in s.text else ()):
        # "He’ll be the show’s male lead opposite the previously announced Amandla Stenberg"
        name, work = doc.trim(m.group("b")), doc.work_at(s.start + m.start(), s)
        if work and doc.is_person(name) and not any(
                c.object == doc.lookup(name) and c.property == "castMember"
                for c in doc.found.values()):
            person = doc.entity(name, "Actor", "opposite", m.group(0))
            doc.add(work, "castMember", m.group(0), s.start + m.start(), "opposite", 0.6,
                    obj=person)
    for m in _PERFORMANCE.finditer(s.text):
        name = doc.trim(m.group("a"))
        work = doc.work_at(s.start + m.start(), s)
        if work and doc.is_person(name):
            person = doc.entity(name, "Actor", "performance", m.group(0))
            doc.add(work, "castMember", m.group(0), s.start + m.start(), "performance", 0.55,
                    obj=person)
    for m in _LEAD_STARS.finditer(s.text):
        name = doc.trim(m.group("a"))
        work = doc.work_before(s.start + m.start(), s)
        if work and doc.is_person(name):
            person = doc.entity(name, "Actor", "stars-in-role", m.group(0))
            doc.add(work, "castMember", m.group(0), s.start + m.start(), "stars-in-role",
                    0.6, obj=person)


_JOINED = re.compile(
    rf"(?:(?P<others>(?:{NAME}, )*{NAME},? and) (?:[A-Z][\w’'!:.-]*(?: [\w’'!:.-]+){{0,5}} "
    rf"(?:star|actress|actor|alum|alumna|co-star|veteran) )?)?(?P<a>{NAME}),? (?:(?:has|have|had|is|are|was|were|will|officially|also|all|both|now|just|reportedly|"
    rf"been|thrilled|excited|happy|set|to) ){{0,4}}(?P<v>joined|joins|joining|join|boarded|boards|signed on (?:to|for)|set to "
    rf"(?:star|appear) in|star in|appear in|returning for|return for|returns for|(?:coming |comes? )?back for|"
    rf"cast in|landed a role in|lands a role in|(?:will |set to )?reprise \w+ role in)"
    rf"(?: (?P<b>{NAME})(?![\w’']))?(?: in| on)?(?: the (?:[\w-]+ ){{0,3}}cast of)?")
_JOINED_WORDS = re.compile(r"\b(?:join|board|cast in|return|back for|star in|appear in|"
                           r"signed on|land|reprise)")
#: What may stand between the verb and the title: "the upcoming Netflix movie",
#: "filmmaker Christopher Nolan’s".
_LEAD_IN = re.compile(r"\s*(?:(?:the|an?|[a-z-]+|[A-Z][\w+&.’'-]*)\s+){0,6}[“\"‘]?")
_THE_WORK = re.compile(r"\s*(?:the|this|that|its|his|her|their) (?:[a-z-]+ ){0,3}?(?:film|movie|"
                       r"series|show|project|feature|sequel|thriller|drama|comedy)\b")


def rule_joined(doc: Doc, s: Sentence) -> None:
    """"Simu Liu has joined Jennifer Lopez in the upcoming Netflix movie Atlas", "Lupita
    Nyong’o has joined the ensemble cast of …", "Chris Hemsworth is returning for
    “Extraction 2”", "Taylor Swift has been cast in …": cast membership of the work
    named next (or the one "the film" points back to)."""
    if not _JOINED_WORDS.search(s.text):
        return  # a cheap look for the verbs first
    for m in _JOINED.finditer(s.text):
        name = doc.trim(m.group("a"))
        if not doc.is_person(name) or doc.is_character(name) or re.search(
                r"\b(?:[Dd]irector|[Ww]riter|[Pp]roducer|[Ss]howrunner|[Cc]reator)s? ?$",
                s.text[max(0, m.start() - 12):m.start()]) or re.match(
                r"(?:[Dd]irector|[Ww]riter|[Pp]roducer|[Ss]howrunner|[Cc]reator)s? ",
                m.group(0)):
            continue  # "Directors Jennifer Lee and Chris Buck return for the sequel": crew
        at = s.start + m.end()
        other = m.group("b") or ""
        if re.search(r"[’']s?$", other):
            # "cast in David O. Russell’s new film": whose film, not a co-star
            at, other = s.start + m.start("b"), ""
        work: str | None = None
        end = at
        for a, b, w in doc.works_in_spans(at, min(s.end, at + 80)):
            if _LEAD_IN.fullmatch(doc.text[at:a]) and doc.type_of(w) in WORK_TYPES:
                work, end = w, b
                break
        if work is None:
            lead = _THE_WORK.match(doc.text, at)
            if lead:
                end = lead.end()
                # "are all coming back for the sequel": the sequel, not the work before
                derived = doc.anaphor(end, s) if re.search(
                    r"(?:sequel|follow-up|reboot|remake)$", lead.group(0)) else None
                work = derived or doc.work_at(end, s)
        if work is None:
            continue
        quote = doc.text[s.start + m.start():end].rstrip(" “\"‘")
        if doc.text[end:end + 1] in "”\"’" and quote.count("“") > quote.count("”"):
            quote += doc.text[end]
        listed = re.split(r",\s*(?:and\s+)?|\s+and\b", m.group("others") or "")
        for who in (*(doc.trim(x.strip()) for x in listed), name, doc.trim(other)):
            if who and doc.is_person(who) and not doc.is_character(who):
                person = doc.entity(who, "Actor", "joined", quote)
                doc.add(work, "castMember", quote, s.start + m.start(), "joined", 0.65,
                        obj=person)


_PLAYED_BY = re.compile(rf"(?P<r>{NAME})(?:, (?:who (?:is|was|will be) )?| (?:is|was|will be) |"
                        rf" ?[—–] ?)(?:played|portrayed|voiced) by (?:(?:newcomer|actor|actress|"
                        rf"star|veteran|comedian) )?(?P<a>{PERSON})")


def rule_played_by(doc: Doc, s: Sentence) -> None:
    """"Media, played by Gillian Anderson", "(Cassandra is played by Rachel Keller)", "the
    young slave Cora Randall, played by newcomer Thuso Mbedu", "a bounty hunter,
    Ridgeway—played by Joel Edgerton": the character, then who plays it."""
    if " by " not in s.text:
        return
    for m in _PLAYED_BY.finditer(s.text):
        role = doc.trim(m.group("r"))
        known = doc.lookup(role)
        if (doc.is_person(role, strict=True) and not doc.is_guess(known)) or \
                doc.type_of(known) in WORK_TYPES or role.split()[0] in STOP:
            continue
        _cast(doc, m.group("a"), role, s.text[m.start("r"):m.end()],
              s.start + m.start("r"), "played-by", 0.7, s)


#: What follows a list of people that makes them cast: "… and Jennifer Aniston star in",
#: "… were previously announced as cast members", "… are also expected to make
#: appearances".
_LIST_CAST = re.compile(
    r",? (?:(?:all|also|both|each|will|would) )?(?:star|co-star|appear|feature) in\b|"
    r",? (?:are|were|have been|had been|was|is) (?:(?:all|also|both|previously|already|"
    r"officially) ){0,2}(?:announced|confirmed|revealed|named|cast|listed) as (?:the )?"
    r"(?:cast members|members of the cast|part of the cast|co-stars)\b|"
    r",? (?:are|were|is) (?:(?:all|also|both) ){0,2}(?:expected|set|slated|due|going) to "
    r"(?:make (?:an )?appearances?|appear|star|co-star)\b|"
    r",? (?:(?:all|also|both|will) ){1,2}(?:return|are returning) for\b|"
    r" starrer\b|"  # "Janhvi Kapoor and Rajkummar Rao starrer Roohi"
    # "… Jack Quaid, Josh Peck and more make up the star-studded cast of the project",
    # "… Kevin Spacey, and Sky Ferreira are among the ensemble for that one"
    r",?(?: and (?:more|others|many more))? (?:(?:also|all|will) )?(?:make up|round out|"
    r"complete|fill out|are among|were among|are part of|were part of) the "
    r"(?:[\w-]+ ){0,2}(?:cast|ensemble)\b(?: (?:of|for|in)\b)?")
#: Words that open a list of the cast: "starring", "headlined by", "the cast includes".
_CAST_OPENS = re.compile(
    r"\b(?:starring|co-starring(?: with| alongside)?|stars|(?:headlined|toplined|fronted|led) by|"
    r"(?:is|are) (?:set|slated|expected|going) to (?:also )?(?:co-)?star|"
    r"(?:the )?cast (?:also )?includes?|features|featuring|will (?:also )?feature|"
    r"(?:the )?voice (?:talents|cast) of|(?:the )?voices of) "
    r"(?:(?:actors|actresses|stars|names) (?:like |such as |including )?|the likes of )?")

#: Cues that govern a run of names after them, farther from the list than
#: :data:`_CAST_OPENS` reaches, as data: the noun "cast" (or "ensemble") and, a few words
#: on, its verb ("The cast for the first season of WESTWORLD includes …", "the voice cast
#: of the 2019 film included …", "a three-hour miniseries whose cast included …"); a
#: noun for performers and "including" ("stellar actors including …", "guest stars have
#: also been announced, including …"); "also feature(s)" ("the film will also feature
#: …"); "some big names:". Never "cast and crew", nor a cue a sentence end cuts off.
_CAST_RUN_CUES = (
    r"\b(?:cast|ensemble)(?: (?!and\b|but\b|or\b)[\w’'-]+){0,8}?,? (?:also |already )?"
    r"(?:includes?|included|including|features|featured)(?: the likes of| names like)?",
    r"\b(?:actors|actresses|stars|performers|guest stars|cast members)"
    r"(?: (?!and\b|but\b|or\b)[\w’'-]+){0,5}?,? (?:including|such as)",
    r"\b(?:(?:will|would|also|to) ){1,2}feature",
    r"\b(?:includes?|included) (?:some|several|a few) (?:big |famous |familiar )?names:?",
    # "Wayward Pines starred Matt Dillon alongside Oscar-winning Melissa Leo, Juliette
    # Lewis, …": "alongside" after a cast verb of the sentence
    r"\b(?:star\w*|co-star\w*|cast|voic\w+|play\w*|portray\w*|return\w*|appear\w*|"
    r"repris\w+|join\w*)\b[^.;:]{0,80}? alongside(?: the likes of)?(?: (?:fellow|returning|newly "
    r"added|co-stars?|cast members?)){0,2}",
    # "joining returning cast members Emma Myers, Joy Sunday, …", "they’ll be joined by
    # …", "Joining Vance, Majors, and Smollett-Bell are Aunjanue Ellis, …"
    r"\b(?:[Jj]oining|[Jj]oined by)(?: (?:returning|fellow|already cast|newcomers|new|"
    r"co-stars?|cast members?)){0,3}",
    r"^Joining [^.;:]{1,80}? (?:are|is|will be)",
    r"\b(?:starred|co-starred)",
    # "Craig will share the screen with Josh O’Connor, Glenn Close, Josh Brolin, …"
    r"\b(?:share|shares|sharing|shared) the screen with",
)
_CAST_RUN = re.compile("(?:" + "|".join(_CAST_RUN_CUES) + r") $")
#: An unnamed work whose cast the run is: "a three-hour miniseries whose cast included …".
_OTHER_WORKS_CAST = re.compile(r"\b(?:a|an|another)(?: [\w-]+){0,3} (?:film|movie|series|"
                               r"miniseries|show|version|adaptation|remake|reboot),? "
                               r"(?:whose|which|that|with a)\s*$")


#: A credit before a name: "Orange star ", "Stranger Things’ ", "“Euphoria” actress ".
_CREDITED = re.compile(r"[“\"‘]?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}[”\"’]?"
                       r"(?:[’']s? (?:(?:star|alum|actor|actress) )?|"
                       r" (?:star|alum|actor|actress) )")


_CAST_WORDS = re.compile(r"\b(?:star|stars|starred|starrer|starring|co-star\w*|cast|ensemble|appear|appearances|return|screen|"
                         r"[Jj]oining|[Jj]oined|"
                         r"features?|featuring|headlined|toplined|fronted|led by|voices?)\b")


def _voiced(doc: Doc, people: list[Listed]) -> None:
    """"the voice talents of Abbi Jacobson (“Bean”), Nat Faxon (“Elfo”)": in a list of
    voices, the word in brackets after a name is the character voiced, not an earlier
    credit (nor a work of that name)."""
    for one in people:
        m = re.match(rf" \([“\"‘]?(?P<c>{NAME})[”\"’]?\)", doc.text[one.end:one.end + 60])
        if m is None:
            continue
        a, b = one.end + m.start("c"), one.end + m.end("c")
        for x, y, w in [sp for sp in doc.work_spans if a <= sp[0] < b]:
            doc.work_spans.remove((x, y, w))
            if w in doc.new and doc.new[w].rule == "quoted-title" and not any(
                    sp[2] == w for sp in doc.work_spans):
                del doc.new[w]
                doc.names.pop(m.group("c").lower(), None)
        one.character, one.bracketed = m.group("c"), True


def rule_cast_list_read(doc: Doc, s: Sentence) -> None:
    """"Tye Sheridan, Jack Huston, Alden Ehrenreich, Jason Patric, Toni Collette and
    Jennifer Aniston star in Alexandre Moors’ The Yellow Birds", "Christian Bale, Margot
    Robbie, … and Michael Shannon were previously announced as cast members", "it is
    headlined by Jenna Ortega as the lead along with Catherine Zeta-Jones, Luis Guzmán …":
    a list read with its "along with" and "as well as" parts, each person in the cast of
    the work named after the verb, else of the work in scope; one with a character after
    "as" or in parentheses plays that character."""
    if not _CAST_WORDS.search(s.text):
        return
    lists = PeopleLists(doc, s)
    for m, people in lists:
        at = s.start + m.start()
        opened = _CAST_OPENS.search(s.text, max(0, m.start() - 30), m.start())
        if opened is None or opened.end() != m.start():
            opened = _CAST_OPENS.search(s.text, max(0, m.start() - 40), m.start()) or opened
        # "the movie also features Orange star Uzo Aduba, Zachary Quinto, and Tammy
        # Blanchard": the first name's credit between the verb and the list
        opens = opened is not None and (opened.end() == m.start() or bool(_CREDITED.fullmatch(
            s.text, opened.end(), m.start())))
        # a cue a few words before the run: two names are a list of the cast already
        run = not opens and len(people) >= 2 and bool(
            _CAST_RUN.search(s.text, max(0, m.start() - 90), m.start()))
        if run:
            opened = _CAST_RUN.search(s.text, max(0, m.start() - 90), m.start())
            assert opened is not None
            later = {w for x, _y, w in doc.work_spans if people[-1].end <= x < s.end}
            if _OTHER_WORKS_CAST.search(s.text, 0, opened.start()) or len(later) >= 2:
                # "a three-hour miniseries whose cast included …": a work the sentence
                # does not name; "stars including A, B and C to discuss starring in …,
                # including “Bridgerton”, “The Undoing” and …": which of them?
                continue
            opens = True
        done = people[-1].end
        verb = _LIST_CAST.match(doc.text, done) if not opens else None
        if not opens and verb is None:
            continue
        if opens and any(p.character and not p.bracketed for p in people):
            continue  # "stars A as X, B as Y": who plays whom is the "A as B" rules'
        if opens and not (re.match(r" as (?:the |a |an )[a-z ]{1,25}? (?:along with|"
                                   r"alongside|as well as)", doc.text[done:s.end]) or
                          re.search(r"\b(?:along with|as well as)\b", doc.text[at:done])
                          or len(people) >= 3 or run):
            continue  # a plain "starring A and B" is rule_cast_members'
        if opens:
            lead = re.match(r" as (?:the |a |an )[a-z ]{1,25}? (?:along with|alongside|as "
                            r"well as) ", doc.text[done:s.end])
            if lead:
                people += read_people(doc, done + lead.end(), s.end)
        if opens and opened is not None and "voice" in opened.group(0):
            _voiced(doc, people)
        end = people[-1].end if opens else verb.end()  # type: ignore[union-attr]
        if verb is not None and verb.group(0).endswith((" in", " for", "starrer")):
            # "… star in Alexandre Moors’ The Yellow Birds": the work named next, or none
            work, after = _work_after(doc, s, end - s.start)
            if verb.group(0).endswith("starrer"):
                titled = re.match(rf" (?P<t>{TITLE_WORDS})(?=[,.;:]| (?:and|which|to|has|had|"
                                  rf"is|was|in|on|at)\b)", doc.text[end:s.end])
                if work is None and titled and not doc.is_person(titled.group("t")) and \
                        doc.lookup(titled.group("t")) is None:
                    # "… starrer Roohi": the word says the title after it is a film
                    work = doc.entity(titled.group("t"), "Movie", "cast-list-read",
                                      doc.text[at:end + titled.end()])
                    doc.add_work_span(end + 1, end + titled.end(), work)
                    after = end + titled.end() - s.start
                end = s.start + after  # the quote names the work
        else:
            ids = {doc.lookup(p.name) for p in people}
            # the work rule_cast_members bound the first names of the list to, if any
            bound = [c.subject for c in doc.found.values() if c.property == "castMember"
                     and c.rule == "starring" and c.object in ids and s.start <= c.start < s.end]
            work = bound[0] if opens and bound else listed_work(doc, at, s)
            named = [w for x, y, w in doc.work_spans if s.start <= x < s.end and not any(
                p.start <= x < p.end for p in people)]  # not "Joy" in "Anya Taylor-Joy"
            if verb is not None and work not in named and not (
                    work == doc.main_film and at == s.start):
                # "Swift joins a sprawling ensemble – A, B … were previously announced as
                # cast members": of what? A list opening its sentence is the main work's.
                continue
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        first = s.start + (opened.start() if opens and opened else m.start())
        for one in people:
            if re.search(r"[’']s [A-Z]", one.name):
                continue  # "Michelle Dockery’s Good Behavior will return for Season 2":
                # someone's show, no cast member
            person = doc.entity(one.name, "Actor", "cast-list-read", doc.text[first:end])
            if not is_a(doc.type_of(person), "Person"):
                continue
            quote = doc.text[first:max(end, one.end)] if opens else doc.text[one.start:end]
            qstart = first if opens else one.start
            if one.credited and any(first < a and w == work for a, _b, w in doc.work_spans):
                continue  # "starring Greg Kinnear (Brigsby Bear), …, Aubrey Plaza and
                # Elizabeth Olsen in Ingrid Goes West": the bracket may be their own film
            if not one.character:  # who plays whom is the "A as B" rules'
                doc.add(work, "castMember", quote, qstart, "cast-list-read", 0.7, obj=person)
            elif one.bracketed and opens:
                # "the voice talents of Abbi Jacobson (“Bean”), Nat Faxon (“Elfo”) …"
                character = doc.entity(one.character, "FictionalCharacter", "cast-list-read",
                                       quote)
                doc.add(person, "plays", doc.text[one.start:doc.text.find(")", one.end) + 1],
                        one.start, "cast-list-read", 0.7, obj=character, **{"in": work})
        lists.skip = end


_WORK_ROLE = re.compile(
    rf"\b(?:the (?:film|movie|series|show)[’']s|(?:his|her|their)) (?P<role>star|lead|co-star|"
    rf"director|writer|screenwriter|creator),? (?P<p>{PERSON})")
_WORK_ROLE_PROPS = {"star": "castMember", "lead": "castMember", "co-star": "castMember",
                    "director": "director", "writer": "screenwriter",
                    "screenwriter": "screenwriter", "creator": "creator"}


_WORK_ROLE_CUE = re.compile(r"[’']s (?:star|lead|co-star|director|writer|screenwriter|creator)\b|"
                            r"\b(?:his|her|their) co-star")


def rule_work_role(doc: Doc, s: Sentence) -> None:
    """"a cheeky Instagram post from the film's star, Chris Evans", "his co-star Ana de
    Armas", "with the film's director, Dexter Fletcher": the person's part in the work in
    scope."""
    if not _WORK_ROLE_CUE.search(s.text):
        return
    for m in _WORK_ROLE.finditer(s.text):
        role = m.group("role")
        if m.group(0).startswith(("his", "her", "their")) and role != "co-star":
            continue  # "her director": whose, and of what?
        name = doc.trim(m.group("p"))
        if not doc.is_person(name):
            continue
        pos = s.start + m.start()
        work = doc.work_at(pos, s)
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        prop = _WORK_ROLE_PROPS[role]
        person = doc.entity(name, "Actor" if prop == "castMember" else "Filmmaker",
                            "work-role", m.group(0))
        if is_a(doc.type_of(person), "Person"):
            doc.add(work, prop, m.group(0), pos, "work-role", 0.65, obj=person)


_LED = re.compile(r"(?P<p>(?:[A-Z][\w’'.]*\s){1,3}[A-Z][\w’'.]*)-(?:led|starring|fronted|"
                  r"headlined)\s(?:[a-z-]+\s)?(?:series|show|film|movie|drama|comedy|thriller)\b")
_LEAD_STAR = re.compile(rf"\b(?:[Ll]ead|[Ll]eading|[Tt]itle|[Tt]itular) (?:star|actor|actress) "
                        rf"(?P<p>{PERSON})")
_KNOWN_FOR_ROLE_IN = re.compile(rf"(?P<p>{PERSON}), (?:who is )?(?:best |perhaps best |also )?"
                                rf"known for (?:his|her|their) (?:role|roles|part|turn) in [“\"‘]?")


_LED_CUE = re.compile(r"-(?:led|starring|fronted|headlined)\b|\b(?:star|actor|actress|known)\b")


def rule_led(doc: Doc, s: Sentence) -> None:
    """"The Omar Sy-led series", "Lead star Sy, known for his role in ‘The Intouchables’":
    the lead of the work in scope; a role in a work named, that work's cast."""
    if not _LED_CUE.search(s.text):
        return
    for m in _LED.finditer(s.text):
        name = doc.trim(m.group("p"))
        pos = s.start + m.start()
        # "The Omar Sy-led series debuted … and has topped Netflix’s Top 10": the series
        # spoken of before, not a title named later in the sentence
        work = doc.work_before(pos, s)
        if work is None or doc.type_of(work) not in WORK_TYPES or not doc.is_person(name):
            continue
        person = doc.entity(name, "Actor", "led", m.group(0))
        if is_a(doc.type_of(person), "Person"):
            doc.add(work, "castMember", s.text[m.start("p"):m.end()], s.start + m.start("p"),
                    "led", 0.65, obj=person)
    for m in _LEAD_STAR.finditer(s.text):
        name = doc.trim(m.group("p"))
        found = doc.lookup(name)
        if (found is None and not doc.is_person(name)) or (
                found is not None and not is_a(doc.type_of(found), "Person")):
            continue
        work = doc.work_at(s.start + m.start(), s)
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        person = found or doc.entity(name, "Actor", "lead-star", m.group(0))
        doc.add(work, "castMember", m.group(0), s.start + m.start(), "lead-star", 0.6,
                obj=person)
    for m in _KNOWN_FOR_ROLE_IN.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        name = doc.trim(m.group("p"))
        found = doc.lookup(name)
        if not spans or doc.type_of(spans[0][2]) not in WORK_TYPES or (
                found is None and not doc.is_person(name)) or (
                found is not None and not is_a(doc.type_of(found), "Person")):
            continue
        _a, b, work = spans[0]
        person = found or doc.entity(name, "Actor", "known-for-role-in", m.group(0))
        at = s.start + m.start("p")
        doc.add(work, "castMember", doc.text[at:doc.past_quote(b)], at, "known-for-role-in",
                0.6, obj=person)


_STARRED_IN = re.compile(
    rf"(?P<a>{PERSON}|[Tt]he (?P<two>two|pair|duo)|(?P<he>\b(?:He|She|he|she))|(?P<and>\band))"
    rf"(?:,? who)?(?: (?:also|recently|previously|most recently|"
    rf"last|once|then|both|will|would|is set to|is to|was set to|has|had|have|next))* "
    rf"(?:stars?|starred|starring|co-stars?|co-starred|appear|appears|appeared|(?:is|was|has "
    rf"been|have been) cast|be seen) (?:together )?in\b")


def _work_after(doc: Doc, s: Sentence, end: int) -> tuple[str | None, int]:
    """The work named after "starred in": "the excellent supernatural drama, A Ghost
    Story", "this year’s The Old Man and the Gun", "Rian Johnson's 2019 film Knives Out"."""
    for a, b, work in doc.work_spans:
        if s.start + end < a <= s.start + end + 70 and doc.type_of(work) in WORK_TYPES and \
                re.fullmatch(r" (?:[^,.;:“”\"()]{0,55}?,? )?[“\"‘]?", doc.text[s.start + end:a]):
            later = [(x, y, w) for x, y, w in doc.work_spans if y < a + 200 and re.fullmatch(
                r"[”\"’]? (?:spin-?off|sequel|prequel|reboot|remake)(?: series| film| movie)? "
                r"[“\"‘]?", doc.text[b:x])]
            if later:
                # "Netflix's hit “Addams Family” spinoff series “Wednesday”": the spinoff
                return later[0][2], doc.past_quote(later[0][1]) - s.start
            return work, doc.past_quote(b) - s.start
    quoted = re.match(r" [“\"](?P<t>[A-Z][^”\"]{1,60}?)[,.]?[”\"]", s.text[end:])
    if quoted and not doc.lookup(quoted.group("t")):
        # "Johnny Depp stars in “Jeanne du Barry,”": a quoted title right after is a work
        title = quoted.group("t")
        kind = "TVSeries" if re.search(r"\b(?:series|show|season)\b", s.text) else "Movie"
        work = doc.entity(title, kind, "starred-in", s.text[:end + quoted.end()])
        at = s.start + end + quoted.start("t")
        doc.add_work_span(at, at + len(title), work)
        return work, end + quoted.end()
    owned = re.match(rf" (?:{POSSESSOR}|[A-Z][\w.-]*(?: [A-Z][\w.-]*)*[’']) (?P<t>{TITLE_WORDS})"
                     rf"(?=[,.;]| (?:and|marking|which|with|from)\b)", s.text[end:])
    if owned and not doc.lookup(owned.group("t")) and not doc.is_person(owned.group("t")):
        # "… star in Alexandre Moors’ The Yellow Birds, marking …": a filmmaker's title
        title = owned.group("t")
        work = doc.entity(title, "Movie", "starred-in", s.text[:end + owned.end()])
        at = s.start + end + owned.start("t")
        doc.add_work_span(at, at + len(title), work)
        return work, end + owned.end()
    return None, end


_STARRED_IN_CUE = re.compile(r"\b(?:star\w*|co-star\w*|appear\w*|cast) (?:together )?in\b")


def rule_starred_in(doc: Doc, s: Sentence) -> None:
    """"Casey Affleck recently starred in the excellent supernatural drama, A Ghost Story",
    "Affleck is set to appear in this year’s The Old Man and the Gun", "The two also
    co-starred in Rian Johnson's 2019 film Knives Out" (the two people named last)."""
    if not _STARRED_IN_CUE.search(s.text):
        return
    for m in _STARRED_IN.finditer(s.text):
        work, end = _work_after(doc, s, m.end())
        if work is None:
            continue
        start = s.start + m.start()
        if m.group("two"):
            # "This isn't the first time de Armas and Evans are working together. The two
            # also co-starred in …": the two people the sentence before names
            before = [x for x in doc.sentences if x.end <= s.start]
            people: list[str] = []
            for n in re.findall(PERSON, before[-1].text if before else ""):
                found = doc.lookup(doc.trim(n))
                if found and is_a(doc.type_of(found), "Person") and found not in people:
                    people.append(found)
            if len(people) != 2:
                continue
        elif m.group("he") or m.group("and"):
            # "He is set to star as Billy the Kid in a new film … and will appear in
            # “Masters of the Air”", "Ortega … will host SNL and next will be seen in
            # “Scream VI”": who the sentence is about
            opening = re.match(rf"(?P<n>{PERSON})(?:,| (?:is|was|will|has|had|recently|"
                               rf"also|who)\b)", s.text)
            who = doc.lookup(doc.trim(opening.group("n"))) if opening else None
            if who is None and (m.group("he") or re.match(r"(?:He|She) ", s.text)):
                who = doc.subject_person(s.start)
            if who is None or not is_a(doc.type_of(who), "Person") or (
                    m.group("and") and m.start() < 3):
                continue
            people = [who]
        else:
            name = doc.trim(m.group("a"))
            found = doc.lookup(name)
            if (found is None and not doc.is_person(name)) or (
                    found is not None and not is_a(doc.type_of(found), "Person")):
                continue
            people = [found or doc.entity(name, "Actor", "starred-in", m.group(0))]
        for person in people:
            doc.add(work, "castMember", s.text[m.start():end], start, "starred-in", 0.65,
                    obj=person)


_CHARACTERS_OF = re.compile(rf"(?P<list>{PERSON}(?:(?:,| and|, and) {PERSON})+)[’']s? "
                            rf"(?:characters|roles)\b")
_WHICH_STARRED = re.compile(rf"^[”\"’]?,[”\"’]? (?:which|an? [^,;.]{{3,60}}? (?:that|which)) "
                            rf"(?:also )?(?:starred|stars|starring|features|featured|co-starred) "
                            rf"(?P<p>{PERSON}(?:(?:,| and|, and) {PERSON})*)")


def rule_characters_of(doc: Doc, s: Sentence) -> None:
    """"The story finds Chris Pratt and Bryce Dallas Howard’s characters returning to the
    fold": the people whose characters the work has are its cast (one person's character
    is too often compared: "a version of Dianne Wiest’s character"); "This Is Us, which also
    starred Brown", "“Replicas,” a sci-fi from Entertainment Studios that features Keanu
    Reeves": the person in the work just named."""
    if "characters" in s.text or " roles" in s.text:
        for m in _CHARACTERS_OF.finditer(s.text):
            work = listed_work(doc, s.start + m.start(), s)
            if work is None or doc.type_of(work) not in WORK_TYPES:
                continue
            people = read_people(doc, s.start + m.start(), s.start + m.end())
            for one in people:
                name = strip_possessive(one.name)
                found = doc.lookup(name)
                if found is None and not doc.is_person(name):
                    continue
                person = found or doc.entity(name, "Actor", "characters-of", m.group(0))
                if is_a(doc.type_of(person), "Person"):
                    doc.add(work, "castMember", doc.text[one.start:s.start + m.end()],
                            one.start, "characters-of", 0.6, obj=person)
    for a, b, work in doc.works_in_spans(s.start, s.end):
        w = _WHICH_STARRED.match(doc.text[b:s.end])
        if w is None or doc.type_of(work) not in WORK_TYPES:
            continue
        # "“Don’t Look Up,” which stars DiCaprio and Lawrence as astronomers": each one
        names, at = re.split(r",? and |, ", w.group("p")), w.start("p")
        for raw in names:
            at = doc.text.find(raw, b + at) - b
            end = at + len(raw)
            name = doc.trim(raw)
            found = doc.lookup(name)
            if (found is None and not doc.is_person(name)) or (
                    found is not None and not is_a(doc.type_of(found), "Person")):
                break
            person = found or doc.entity(name, "Actor", "which-starred", w.group(0))
            doc.add(work, "castMember", doc.text[a:b + end], a, "which-starred", 0.65,
                    obj=person)


_STORY_OF = re.compile(
    rf"\b(?:sees|follows|centers on|centres on|revolves around|is about) (?:the |an? )?"
    rf"(?P<d>(?:[a-z][\w-]* ){{1,4}}?)(?:named |called )?(?P<c>{NAME})")


#: Number words before what a story follows: a group of people, not one character.
_COUNTED = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "several", "many", "some", "few", "dozen", "dozens", "hundreds"})
_STORY_CUE = re.compile(r"\b(?:sees|follows|centers|centres|revolves|is about)\b")


def rule_story_character(doc: Doc, s: Sentence) -> None:
    """"‘Lupin’ sees professional thief Assane Diop seek revenge", "The award-winning story
    of IN THIS CORNER OF THE WORLD follows a young lady named Suzu Urano": someone the
    story follows, described first, is a character of the work."""
    if not _STORY_CUE.search(s.text):
        return
    for m in _STORY_OF.finditer(s.text):
        name = m.group("c")
        at = s.start + m.start("c")
        if m.group("d").split()[0] in ("and", "or", "the", "to", "in", "on", "up") or \
                any(a <= at < b for a, b, _w in doc.work_spans):
            continue
        if m.group("d").split()[0] in _COUNTED:
            continue  # "revolves around five college-going Gen Zers": a group, no one
        found = doc.lookup(name)
        if found is not None and not doc.is_guess(found) and \
                doc.type_of(found) != "FictionalCharacter":
            continue  # "sees Tom Cruise return": a known person is no character
        if len(name.split()) > 3 or name.split()[0] in STOP or is_place_or_award(name) or (
                " " not in name and not re.search(r"(?:named|called) $", m.group(0)[:m.start(
                    "c") - m.start()])):
            continue  # "is about a pregnant Harlem woman": a one-word name is no one's
        works = [w for a, _b, w in doc.work_spans if s.start <= a < s.start + m.start()]
        work = works[-1] if works else None
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        character = doc.entity(name, "FictionalCharacter", "story-character", m.group(0))
        if doc.type_of(character) == "FictionalCharacter":
            doc.add(character, "appearsIn", s.text[:m.end()] if m.end() < 160 else m.group(0),
                    s.start if m.end() < 160 else s.start + m.start(), "story-character",
                    0.6, obj=work)


_STARRING_CREDITED = re.compile(
    rf"\b(?:starring|co-starring|featuring|stars|will star) (?:[“\"‘]?(?P<credit>{TITLE_WORDS})"
    rf"[”\"’]?(?:[’']s)? )(?:actress|actor|star|alum|alumna|veteran|breakout|newcomer) "
    rf"(?P<p>{PERSON})")


def rule_starring_credited(doc: Doc, s: Sentence) -> None:
    """"a reboot of the … game show — this time starring Jane the Virgin actress Gina
    Rodriguez": the person after their credit is in the cast of the work in scope."""
    if "actress" not in s.text and "actor" not in s.text and " star " not in s.text and \
            "alum" not in s.text and "veteran" not in s.text and "breakout" not in s.text:
        return
    for m in _STARRING_CREDITED.finditer(s.text):
        name = doc.trim(m.group("p"))
        found = doc.lookup(name)
        if (found is None and not doc.is_person(name)) or (
                found is not None and not is_a(doc.type_of(found), "Person")):
            continue
        pos = s.start + m.start()
        work = the_sequel(doc, doc.work_at(pos, s))
        if work is None or doc.type_of(work) not in WORK_TYPES or \
                doc.name_of(work) == m.group("credit"):
            continue
        person = found or doc.entity(name, "Actor", "starring-credited", m.group(0))
        doc.add(work, "castMember", m.group(0), pos, "starring-credited", 0.65, obj=person)


#: "Other upcoming Hulu Originals include Kate McKinnon in The Dropout": an item of a
#: slate named by its star.
_STAR_IN_ITEM = re.compile(rf"\b(?:[Oo]riginals|[Ss]eries|[Ss]hows|[Ff]ilms|[Mm]ovies|[Tt]itles|"
                           rf"[Pp]rojects|[Ss]late|[Ll]ineup) (?:also )?(?:include|includes|"
                           rf"included|including) (?P<a>{NAME}) in (?=[“\"‘]?[A-Z])")


def rule_star_in_item(doc: Doc, s: Sentence) -> None:
    """"Other upcoming Hulu Originals include Kate McKinnon in The Dropout, based on the
    ABC News investigative podcast of the same name": the star named with the work the
    list gives, in its cast."""
    if " in " not in s.text:
        return
    for m in _STAR_IN_ITEM.finditer(s.text):
        at = s.start + m.end()
        spans = [(a, b, w) for a, b, w in doc.work_spans if a in (at, at + 1)]
        actor = doc.trim(m.group("a"))
        if not spans or doc.type_of(spans[0][2]) not in WORK_TYPES or not doc.is_person(actor):
            continue
        _a, b, work = spans[0]
        person = doc.entity(actor, "Actor", "star-in-item", m.group(0))
        if is_a(doc.type_of(person), "Person"):
            doc.add(work, "castMember", doc.text[s.start + m.start("a"):b],
                    s.start + m.start("a"), "star-in-item", 0.6, obj=person)


_TITLE_WITH = re.compile(rf"[”\"’]? with (?P<list>(?:{POSSESSOR} )?{NAME}"
                         rf"(?:(?:,| and|, and) (?:{POSSESSOR} )?{NAME})*)(?P<after>[^.;]{{0,30}})")
_NOT_CAST_AFTER = re.compile(r"\s*(?:,? (?:as|who|serving|directing|producing|writing|at the helm|"
                             r"behind|on board|attached|in talks|to direct|to write|to produce)\b|"
                             r"[’'])")


#: A kind of work and a title right after a name: "Paolo Sorrentino drama The Hand of God".
_KIND_THEN_TITLE = re.compile(r" (?:[a-z-]+ )?(?:drama|film|movie|comedy|thriller|documentary|"
                              r"series|show|biopic|musical|feature|western|horror) [“\"‘]?[A-Z]")


def rule_title_with(doc: Doc, s: Sentence) -> None:
    """"Steven Soderbergh's Panama Papers comedy The Laundromat with Meryl Streep", "the
    comedy series Kill the Orange-Faced Bear with Damon Wayans Jr.", "Berlin Syndrome
    with Hacksaw Ridge’s Teresa Palmer": the people named right after a title are in its
    cast (not "with X directing", "with X as producer")."""
    if " with " not in s.text:
        return
    for a, b, work in doc.works_in_spans(s.start, s.end):
        m = _TITLE_WITH.match(doc.text, b, s.end)
        if m is None or doc.type_of(work) not in WORK_TYPES or \
                _NOT_CAST_AFTER.match(m.group("after")):
            continue
        people = _people(doc, m.group("list"))
        # "The Laundromat with Meryl Streep and Joker, …": the people, up to a title
        people = people[:next((i for i, p in enumerate(people) if not doc.is_person(p)),
                              len(people))]
        first = doc.text.find(people[0], m.start("list")) + len(people[0]) if people else 0
        if re.search(r"[’']s\b", doc.text[first:m.end("list") + 30]):
            # "Berlin Syndrome with Teresa Palmer, Alicia Scherson and Cristián Jiménez’s
            # Family Life": the next item of a list of works, by its makers
            people = people[:1]
        for name in people:
            at = doc.text.find(name, m.start("list"))
            if _KIND_THEN_TITLE.match(doc.text, at + len(name)):
                break  # "… with Benedict Cumberbatch and Paolo Sorrentino drama The Hand of
                # God": the maker of the next title, no cast member
            person = doc.entity(name, "Actor", "title-with", doc.text[a:at + len(name)])
            if is_a(doc.type_of(person), "Person"):
                doc.add(work, "castMember", doc.text[a:at + len(name)], a, "title-with", 0.6,
                        obj=person)


#: A name in a list before "-starrer" or "-led": capitalised words, no hyphen (the hyphen
#: joins the names of a pair, "Amitabh Bachchan-Aamir Khan starrer").
_STARRER_NAME = r"[A-Z][\w’'.]+(?: [A-Z][\w’'.]+){0,3}"
_STARRER_PEOPLE = re.compile(rf"(?<![\w’'-])(?P<list>{_STARRER_NAME}(?:(?:, |,? and |-)"
                             rf"{_STARRER_NAME}){{0,5}})$")
#: The credit word after the people, then at most a kind of work, then the title.
_STARRER = re.compile(r"(?:-(?:starrer|led|starring)| starrer)(?: (?:film|movie|flick|thriller|"
                      r"drama|comedy|series|show))? [“\"‘']?")


def rule_starrer(doc: Doc, s: Sentence) -> None:
    """"the Leonardo DiCaprio-starrer The Revenant", "Shah Rukh Khan-starrer 'Pathaan'",
    "Amitabh Bachchan-Aamir Khan starrer film 'Thugs of Hindostan'", "Robert
    Pattinson-led The Batman": the people a "-starrer" or "-led" joins to the title right
    after it are in its cast. Not when no title follows ("the Scarlett Johansson-led film,
    which …": which film is another rule's question), nor a lower-case credit
    ("character-led thriller")."""
    if "starr" not in s.text and "-led " not in s.text:
        return
    for m in _STARRER.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if not spans or doc.type_of(spans[0][2]) not in WORK_TYPES:
            continue
        before = _STARRER_PEOPLE.search(s.text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        listing = re.sub(r"^(?:The|This|That|An?) ", "", before.group("list"))
        names = [doc.trim(n) for n in re.split(r", |,? and |-", listing)]
        while names and not doc.is_person(names[0]):
            names = names[1:]  # "Owing to that, Robert Pattinson-led …": a word before
        listed = sum(1 for n in names if doc.is_person(n))
        people = [n for n in names if doc.is_person(n) or (listed and _mononym(doc, n))]
        if not listed or len(people) < len(names):
            continue  # "Pixar's Soul and Ryan Reynolds-starrer": not all people
        _a, end, work = spans[0]
        at = s.start + s.text.find(people[0], before.start())
        quote = doc.text[at:doc.past_quote(end)]
        for name in people:
            person = doc.entity(name, "Actor", "starrer", quote)
            if is_a(doc.type_of(person), "Person"):
                doc.add(work, "castMember", quote, at, "starrer", 0.65, obj=person)


#: What may stand before a list of people who are "in" a work, as a photo caption or an
#: aside writes them: the sentence's start, a bracket, a colon or dash, "with", "like",
#: "see" or "sees" (never "as": "as Judy Garland in “Judy”" names a character).
_BEFORE_PEOPLE_IN = re.compile(r"(?:^|[(:—–]\s*|\b(?:with|like|see|sees|from left,?|L-R:?|"
                               r"\(L-R\))\s)$")


_DERIVED_AFTER = re.compile(r",?\s(?:sequel|prequel|reboot|remake|spin-?off|follow-up)\b")


def rule_people_in_title(doc: Doc, s: Sentence) -> None:
    """"Kingsley Ben-Adir, Ryan Gosling and Ncuti Gatwa in "Barbie."", "Kate Winslet and
    Saoirse Ronan in Ammonite", "Pacino and De Niro in “The Godfather Part II”": people
    listed right before "in" and a title, with no verb between, are in its cast; the list
    opens its sentence, a caption or a bracket ("with Ed Harris and Jeffrey Wright in
    “Westworld”"), never after a maker's word ("directed by …")."""
    if " in " not in s.text:
        return
    lists = PeopleLists(doc, s)
    for _m, people in lists:
        end = people[-1].end
        gap = re.match(r",? in (?:the (?:film|movie|series|show) )?[“\"‘]?", doc.text[end:s.end])
        if gap is None:
            continue
        spans = doc.span_starting(end + gap.end())
        if not spans or doc.type_of(spans[0][2]) not in WORK_TYPES:
            continue
        before = doc.text[s.start:people[0].start]
        if not _BEFORE_PEOPLE_IN.search(before) or _MAKER_BEFORE.search(before):
            continue
        if any(p.character for p in people):
            continue  # "A as B in X": who plays whom is the "as" rules'
        _a, stop, work = spans[0]
        if _DERIVED_AFTER.match(doc.text, doc.past_quote(stop)):
            continue  # "with Henry Cavill in "Enola Holmes" sequel": another work
        quote = doc.text[people[0].start:doc.past_quote(stop)]
        for one in people:
            person = doc.entity(one.name, "Actor", "people-in-title", quote)
            if is_a(doc.type_of(person), "Person"):
                doc.add(work, "castMember", quote, people[0].start, "people-in-title", 0.6,
                        obj=person)
        lists.skip = stop


RULES = [rule_respectively_as, rule_play_paired, rule_stars_as, rule_cast_x_as, rule_version_of, rule_return_as, rule_joins, rule_parenthetical, rule_bracketed_credits, rule_cast_list, rule_plays, rule_parent,
         rule_daughter_of, rule_run_by, rule_cast_members, rule_members_listed, rule_credits,
         rule_title_then_actor, rule_filmography, rule_joined, rule_known_for_role,
         rule_unnamed_role, rule_whom_plays, rule_pointed_star, rule_played_by, rule_cast_list_read, rule_work_role, rule_led, rule_starred_in, rule_characters_of, rule_title_with, rule_story_character, rule_starring_credited,
         rule_star_in_item, rule_starrer, rule_people_in_title,
         rule_actors_character]  # last: the cast typed as actors in every sentence first
DOC_RULES = [character_in_title]
