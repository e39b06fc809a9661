"""New people and organizations the graph does not know yet, typed from gazetteers and
company words; never a sentence-initial word, pronoun, weekday, month or contraction."""

from __future__ import annotations

import re

from ._doc import SERIES_NOUNS, Doc
from ._model import EntityCandidate
from ._names import (
    KNOWN_NAMES,
    guess_type,
    is_given_name,
    is_noise,
    is_place_or_award,
    not_a_person,
    work_kind,
)
from ._terms import is_a
from ._text import NAME, STOP, Sentence, slug, strip_possessive, verbs, word_at

__all__ = ["RULES"]

_ROLE_WORD = re.compile(r"(?:Co-)?(?:[Cc]reators?|[Dd]irectors?|[Pp]roducers?|[Ss]howrunners?|"
                        r"[Ww]riters?|[Ss]tars?|[Aa]ctors?|[Aa]ctress(?:es)?|[Ee]xecutives?|"
                        r"[Cc]o-stars?|[Hh]osts?|CEO|Chairman|Chairwoman|President|Filmmakers?|"
                        # a rank's abbreviation: "cop rabbit Lt. Judy Hopps"
                        r"(?:Lt|Sgt|Capt|Det|Cpl)\.)")
_GENERIC = re.compile(r"(?:Studios?|Pictures|Entertainment|Films?|Productions?|Media|Network|"
                      r"Television|Channel|Animation|Cinema|Festival|Group|Company|News)")
_SKIP = {"New Year", "Christmas Day", "Christmas Eve", "Top", "Oscar", "Oscars", "Emmy",
         "Emmys", "Golden Globe", "Golden Globes", "Academy Award", "Academy Awards"}


_NAME = re.compile(rf"(?<![\w@#/.]){NAME}")


_BEFORE = re.compile(r"\b(?:by|with|alongside|opposite|star|stars|starring|actor|actress|director|"
                     r"co-director|producer|writer|writers|creator|showrunner|filmmaker|co-star|"
                     r"breakout|alum|alumna|veteran|newcomer|include|includes|including|"
                     r"from|told|host|singer|rapper|comedian|author|novelist|CEO|chief|"
                     r"president|executive|head|chairman|chairwoman|boss|member|partner|wife|"
                     r"husband|son|daughter|brother|sister|father|mother|dad|mom)\W*$")
_AND_BEFORE = re.compile(rf"({NAME}),? and $")
_AFTER = re.compile(r"^(?:[’']s\s+[“\"‘]|[’']s\s+(?:performance|character|role|portrayal|turn|film|movie|"
                    r"series|show|debut|career|team|company|book|novel|podcast)\b|,? who\b|"
                    r"\s+(?:said|says|told|tells|explained|added|stars|starred|plays|played|"
                    r"portrays|will|would|is|was|has|had|revealed|wrote|posted|shared|joined|"
                    r"joins|signed|directed|wrote|created|produced|returns|returned|serves|"
                    r"served|also|previously|recently|most|now|came|entered|spoke|speaks|talked|"
                    r"talks|appeared|appears|won|wins|stepped|steps|left|leaves)\b|\s+\((?!@))")


#: Words before a name that say it is a character's: "a new character, Astrid Deetz",
#: "returns as Lydia's stepmother Delia Deetz", "plays dim fashion model Derek Zoolander".
_CHARACTER_BEFORE = re.compile(
    rf"(?:\b(?:character|role of),? |(?:(?<!such )(?<!well )\bas|"
    rf"\b{verbs('play', 'portray', forms=('s', 'ed', 'ing'))})(?: the| a| an)?"
    r"(?P<between>(?: [a-z][\w-]*| [A-Z]\w+[’']s){1,4}) )$")
#: A cast verb or an actor right before "as", or "play" itself, with nothing between it
#: and the name: "A recently-released trailer shows Issac as Steven Grant", "Jodhi May
#: (Game of Thrones, Genius) as Queen Calanthe", "his first leading blockbuster role as Paul
#: Atreides", "He plays Lord Yoshii Toranaga", "whether Sam Claflin will return to play
#: Mycroft Holmes" (not "such as", "known as", "as well as", "the same as", "as director
#: …": a description after "as" is read by ``_CHARACTER_BEFORE``).
_PART_BEFORE = re.compile(
    rf"(?:(?:\b(?:stars?|starring|starred|staring|appears?|appearing|appeared|roles?|cast|"
    rf"returns?|returning|reprises?|reprising|reprised|debuts?|"
    rf"(?!(?:Such|Known|Also|As|And|But|Just|Even|Same|Well|Only)\b)[A-Z][\w’'.-]*[a-z.])|\))"
    rf" as|\b{verbs('play', 'portray', forms=('base', 's', 'ed', 'ing'))}) $")
#: Words after a name that say it is a series: "Jack Ryan has already been renewed for
#: season three", "Castle Rock season 2".
_SERIES_AFTER = re.compile(r"^(?:[’']s)? (?:has (?:already |just |officially )?been |was |is )?"
                           r"(?:renewed|cancell?ed|canceled|[Ss]eason (?:\d|one|two|three|four|"
                           r"five)\w*)\b|^ \((?:Season|Series|Part|Volume) \d+\)")
#: Words before a name that say it is a series: "a fourth season of Veronica Mars".
_SERIES_BEFORE = re.compile(r"\b(?:season|seasons|episodes?|finale|premiere) of\s$")
#: The noun right before a name that says what work it is: "Farrell's project Thirteen
#: Lives", "feature directorial debut The Fire Inside", "the series Wolf Hall" (not the verb
#: "feature": "the film will also feature Seema Pahwa").
_KIND_BEFORE = re.compile(r"\b(?P<k>film|movie|documentary|project|debut|series|"
                          r"show|sitcom|miniseries|docuseries)\s$")
#: Words before a name that say it is a title: "officially titled Beetlejuice Beetlejuice",
#: "a teaser trailer for Beetlejuice Beetlejuice", "the makers have unveiled the trailer of
#: Mumbai Saga".
_TITLE_BEFORE = re.compile(r"\b(?:titled|title|(?:trailer|teaser|poster) (?:for|of)|sequel to|"
                           r"prequel to)\s$")
#: A possessive before a name: "promoted by James Cameron on his Sina Weibo" (a person is
#: not anybody's).
_OWNED_BEFORE = re.compile(r"\b(?:his|her|their|its|my|our|your)\s$", re.IGNORECASE)


#: Words that end a character's description before a name: "played by Jaeden Martell",
#: "as the foul-mouthed superhero with Josh Brolin", "as a quadriplegic and Kevin Hart".
_NOT_A_DESCRIPTION = frozenset(["by", "with", "and", "or", "alongside", "opposite", "who", "in",
                                "on", "at", "to", "of", "for", "from", "is", "was", "will",
                                "newcomer", "activist", "actor", "actress", "star", "stars",
                                "singer", "rapper", "comedian", "author", "novelist", "alum",
                                "veteran", "breakout", "musician", "that", "which", "himself", "herself",
                                "themselves", "well", "such"])


#: An actor named right after a name: "Penelope Featherington, essayed by actress Nicola
#: Coughlan", "Kaede Miyai (voiced by Ayane Sakura )": the name is the part they play.
_PLAYED_BY_AFTER = re.compile(r"(?:,? (?:played|portrayed|essayed|voiced) by|"
                              r" \((?:played|voiced|portrayed) by) ")
#: "starring" right after a name: "Director Brandon Cronenberg returns with Infinity Pool
#: starring Alexander Skarsgård": the name is the work's (not "starring in", "as" …, nor
#: "The Chris Pratt starring vehicle").
_STARRING_AFTER = re.compile(r",? (?:co-)?starring (?=[A-Z])(?!In\b|As\b)")
#: A box-office gross or an audience in brackets right after a name: "Eighth Grade ($1.269
#: million from 158 locations)", "it fell behind Perry Mason (884,000), which arrived with
#: …": the figure is a work's (not an age, "Tom Hanks (64)", nor a year).
_FIGURE_AFTER = re.compile(r" \((?:[$£€₹] ?\d[\d.,]*(?: ?(?:[MmBbKk]\b|million|billion|crore))?|"
                           r"\d{1,3}(?:,\d{3})+)[ )]")
#: What the article must speak of for a bracketed figure to be a work's: box office or ratings.
_AUDIENCE_WORDS = re.compile(r"\b(?:box[ -]office|grossed|grosses|weekend|viewers|ratings|"
                             r"theaters|theatres|locations|screens|tickets)\b", re.IGNORECASE)
#: "by" right before a name: a film's credit, so "starring" after the name goes with the
#: film ("opens with musical “La La Land” by Damien Chazelle starring Ryan Gosling").
_CREDIT_BY = re.compile(r"\bby $")
#: A person's role noun right before a name that reads like a title: "directing the film with
#: Chinese actress Fan Bingbing co-starring": someone's name, not a work's.
_PERSON_NOUN_BEFORE = re.compile(r"\b(?:actor|actress|director|filmmaker|producer|writer|"
                                 r"screenwriter|singer|rapper|comedian|showrunner|novelist)\s$")
#: Someone's full name in brackets right after a name: "follows ambitious FBI agent Holden
#: Ford (Jonathan Groff)".
_BRACKETED_PERSON = re.compile(rf" \(({NAME})\)")
#: What opens a list or a credit before a name, where "Sandra Oh (Eve Polastri)" is the
#: actor and then their part: a comma or "and" after a bracket or a name, a cast word.
_CAST_BEFORE = re.compile(r"(?:(?:\)|\b[A-Z][\w.’'-]*),(?: and)?|\b(?:starring|stars?|with|by|"
                          r"include|includes|including|alongside|opposite|actor|actress|"
                          r"cast|as|and)),?\s*$")


def _character_before_actor(doc: Doc, at: int, name: str) -> bool:
    """The name is a part and the name in brackets after it the actor who plays it: "Narcos
    centered around Pablo Escobar (Wagner Moura)", "Paul’s father, Duke Leto Atreides
    (Oscar Isaac)". The bracket holds a person (a given name first, or someone the graph
    knows), and nothing before the name opens a cast list or a credit, where the actor comes
    first: not "starring Sandra Oh (Eve Polastri)", "…), Kit Young (Jesper Fahey)"."""
    m = _BRACKETED_PERSON.match(doc.text, at + len(name))
    if m is None:
        return False
    inner = m.group(1)
    known = doc.lookup(inner)
    if known is not None:
        if not is_a(doc.type_of(known) or "", "Person") or \
                doc.type_of(known) == "FictionalCharacter":
            return False
    elif not (2 <= len(inner.split()) <= 3 and is_given_name(inner.split()[0]) and
              guess_type(inner) == "Person"):
        return False
    return not _CAST_BEFORE.search(doc.text[max(0, at - 30):at])


def _kind_from_context(doc: Doc, name: str) -> str | None:
    """What the words around a name say it is, where a bare name would be guessed a
    person's: a character, a series, a film, or nothing ("")."""
    places = list(word_at(doc.text, name))
    for at in places:
        after = doc.text[at + len(name):at + len(name) + 50]
        if _SERIES_AFTER.match(after):
            return "TVSeries"
    for at in places:
        if (_STARRING_AFTER.match(doc.text, at + len(name)) and
                not _CREDIT_BY.search(doc.text, max(0, at - 4), at)) or \
                (_FIGURE_AFTER.match(doc.text, at + len(name)) and
                 _AUDIENCE_WORDS.search(doc.text)):
            sentence = (doc.sentence_at(at) or Sentence("", at)).text
            return work_kind(sentence, doc.text)
        if _PLAYED_BY_AFTER.match(doc.text, at + len(name)) or \
                _character_before_actor(doc, at, name):
            return "FictionalCharacter"
    for at in places:
        before = doc.text[max(0, at - 60):at]
        if _TITLE_BEFORE.search(before) and not re.match(r"[’']s\b", doc.text[at + len(name):]):
            return "Movie"
        if _SERIES_BEFORE.search(before):
            return "TVSeries"
        kind = _KIND_BEFORE.search(before)
        if kind and not re.match(r"[’']s\b|,? (?:who|whose|said|says)\b",
                                 doc.text[at + len(name):]):
            return "TVSeries" if kind.group("k") in SERIES_NOUNS else "Movie"
        if _OWNED_BEFORE.search(before[-8:]):
            return ""
        if _PART_BEFORE.search(before):
            return "FictionalCharacter"
        cue = _CHARACTER_BEFORE.search(before)
        between = (cue.group("between") or "").split() if cue else []
        if cue and not any(_ROLE_WORD.fullmatch(w) or w in _NOT_A_DESCRIPTION
                           for w in between):
            return "FictionalCharacter"
    return None


def _sentence_initial_only(text: str, word: str) -> bool:
    """A single word the article only writes at the start of its sentences ("Deadline has
    confirmed …", "Nielsen is expected …"): no evidence it is a name worth drafting."""
    places = list(word_at(text, word))
    return bool(places) and all(re.search(r"(?:^|[.!?\"”:]\s+|\n)$", text[max(0, p - 3):p])
                                for p in places)


_LISTED = re.compile(rf"{NAME}(?:, {NAME})+,? and (?:the late )?{NAME}")


def _lists(doc: Doc) -> list[re.Match[str]]:
    """Lists of three names or more in the article (read once per article)."""
    cached = doc.memo.get("name-lists")
    if not isinstance(cached, list):
        cached = list(_LISTED.finditer(doc.text)) if ", " in doc.text else []
        doc.memo["name-lists"] = cached
    return cached


_LIST_SEPARATOR = re.compile(r",? and (?:the late )?|, ")


def _person_evidence(doc: Doc, name: str, start: int, end: int) -> bool:
    """Something in the text says the name is someone's: the surname used alone
    elsewhere, a role or verb next to it ("director X", "X said", "X, who")."""
    surname, first = name.split()[-1], name.split()[-2]
    if any(not doc.text[max(0, at - len(first) - 2):at].rstrip().endswith(first)
           and not doc.work_span_at(at, at + len(surname))
           for at in word_at(doc.text, surname, before="’'-", after="-")):
        return True  # the surname alone (not inside a title: "3 Body Problem")
    if any(name in _LIST_SEPARATOR.split(x.group(0)) for x in _lists(doc)):
        return True  # "Dylan O'Brien, Victoria Pedretti, Josh Holloway and …"
    for at in word_at(doc.text, name):
        pair = _AND_BEFORE.search(doc.text[max(0, at - 40):at])
        if pair and doc.is_person(pair.group(1)):
            return True  # "Jennifer Lee and Chris Buck", not "The Handmaid’s Tale and Castle Rock"
        if _BEFORE.search(doc.text[max(0, at - 25):at]) or \
                _AFTER.match(doc.text[at + len(name):at + len(name) + 20]):
            return True
    return False


_ROLE_AS = re.compile(r"(?<!such )(?<!known )(?<!well )\bas $")


def _among_people(doc: Doc, name: str) -> bool:
    """The name sits in a list whose names mostly start with a given name: "Angel Parker,
    Ever Carradine, James Marsters": a cast, so "Ever Carradine" is someone's."""
    for x in _lists(doc):
        items = _LIST_SEPARATOR.split(x.group(0))
        if name in items and 2 * sum(is_given_name(i.split()[0]) for i in items) >= len(items):
            return True
    return False


_DIGIT = re.compile(r"\d")
_TOP_CHART_BEFORE = re.compile(r"\bTop \d+ $")
_INNER_POSSESSIVE = re.compile(r"[’']s\b")
_NOT_A_NAME = re.compile(r"[A-Z][a-z]+-language|English|French|British|American|"
                         r"Korean|Spanish|German|Italian|Japanese|Indian|Chinese|"
                         r"Canadian|Australian|Irish|Scottish|Mexican")
_POSSESSIVE_SPACE = re.compile(r"[’']s ")
#: The words that make a name a company's whatever its article ("The Walt Disney Company",
#: "The Weinstein Company"), unlike those a title also ends with ("Society", "Office",
#: "Academy", "Games", "Brothers").
_COMPANY_WORD = re.compile(r"\b(?:Company|Co\.|Corp\.?|Inc\.?|Ltd\.?|Group|Studios?|Pictures|"
                           r"Entertainment|Films|Productions?|Media|Networks?|Television|TV|"
                           r"Channel|Records|Releasing|Distribution|Agency|Association|Guild|"
                           r"Foundation|University|College|Institute|Council|Committee|"
                           r"Department|Festival|Awards?|Magazine|News|Times|Post|Journal)\b")


def rule_new_names(doc: Doc, s: Sentence) -> None:
    """"Critics at Rotten Tomatoes praised Lena Ortiz": Lena Ortiz, a Person."""
    mask = doc.covered()[s.start:s.end]
    for m in _NAME.finditer(s.text):
        if any(mask[m.start():m.end()]) or _DIGIT.search(m.group(0)) or \
                _TOP_CHART_BEFORE.search(s.text[max(0, m.start() - 8):m.start()]):
            continue  # "Top 10 English TV list": a chart's name
        if s.text[m.end():m.end() + 1] in ("/", ".") and "." not in m.group(0) and \
                s.text[m.end() + 1:m.end() + 2].isalpha():
            continue  # part of a web address or handle
        raw = m.group(0)
        inner = _INNER_POSSESSIVE.search(raw)
        if inner and inner.end() < len(raw) and guess_type(raw) == "Person":
            raw = raw[:inner.start()]  # "Jami Gertz’s Star": Jami Gertz
            if re.match(rf"[’']s {NAME}", s.text[m.start() + len(raw):]) and \
                    len(s.text[m.start() + len(raw):].split(" ", 3)) > 2 and \
                    re.match(r"[’']s [A-Z]\w+ [A-Z]", s.text[m.start() + len(raw):]):
                continue  # "Gossip Girl's Penn Badgley": a credit, not a person
        name = strip_possessive(raw)
        if is_place_or_award(name):
            continue
        words = name.split()
        while words and (words[0] in STOP or words[0].rstrip(".") in STOP or
                         _ROLE_WORD.fullmatch(words[0])):
            words.pop(0)  # "Co-creators Craig Mazin", "Director Jane Roe"
        if words and _NOT_A_NAME.fullmatch(words[0]):
            continue  # "English-language TV": an adjective, not a name
        if not words or any(w in STOP for w in words):
            continue
        name = " ".join(words)
        if name in _SKIP or is_noise(name) or is_place_or_award(name):
            continue
        if len(words[-1]) == 1:
            continue  # "Gen Z"
        if doc.lookup(name) is not None or name.isupper() or len(name) < 3 \
                or slug(name) in doc.new:
            continue
        type_ = guess_type(name)
        if type_ == "Person" and len(words) >= 3:
            name = doc.headline_name(name)  # "Lee Jung-Jae Lands is …" under the headline's
            words = name.split()            # "Lee Jung-jae"
            if doc.lookup(name) is not None or slug(name) in doc.new:
                continue
        if (type_ == "Person" and not 2 <= len(words) <= 3) or len(words) > 4:
            continue
        if len(words) == 1 and name.lower() not in KNOWN_NAMES and (
                m.start() == 0 or _GENERIC.fullmatch(name)):
            continue  # "Production begins in March": a sentence-initial common word
        if type_ == "Person" and not _person_evidence(doc, name, s.start + m.start(),
                                                      s.start + m.start() + len(raw)):
            continue  # a capitalized phrase with nothing saying it is someone
        if len(words) == 1 and type_ == "Person":
            continue
        if len(words) == 1 and _sentence_initial_only(doc.text, name):
            continue  # "Deadline has confirmed …", and nowhere else
        if _POSSESSIVE_SPACE.search(name) and type_ != "Person":
            continue  # "Zack Snyder’s Justice League": a credit and a title, not a company
        if type_ == "Person":
            kind = _kind_from_context(doc, name)
            if kind == "":
                continue  # "on his Sina Weibo"
            if not kind and not_a_person(name) and not _among_people(doc, name) and \
                    not any(_PERSON_NOUN_BEFORE.search(doc.text, max(0, a - 14), a)
                            for a in word_at(doc.text, name)):
                # "The Constant Gardener ($8.7M)", "three animated series: Agent Elvis,
                # Captain Fall": a common word first, no given name: a work's title; but
                # "stars in the movie as Captain Comet": a role, called "Comet" after
                kind = "FictionalCharacter" if _ROLE_AS.search(s.text, 0, m.start()) else \
                    work_kind(s.text, doc.text)
                if kind == "FictionalCharacter":
                    doc.names.setdefault(words[-1].lower(), slug(name))
            type_ = kind or type_
        elif type_ == "Organization" and raw.startswith("The ") and m.start() > 0 and \
                not _COMPANY_WORD.search(name) and len(words) <= 3 and \
                ("the " + name).lower() not in KNOWN_NAMES:  # "The A.V. Club": a publication
            # "two popular shows, The Society and …", "The Umbrella Academy", "The X Factor":
            # a capital "The" inside a sentence is part of a title; a company's "the" is
            # written small ("the Duffer Brothers", "the Television Academy")
            name = "The " + name
            if doc.lookup(name) is not None or slug(name) in doc.new:
                continue
            type_ = work_kind(s.text, doc.text)
        elif len(words) == 1 and any(re.search(r"\bcharacter,? $", doc.text[max(0, a - 12):a])
                                     for a in word_at(doc.text, name)):
            type_ = "FictionalCharacter"  # "the lead character Max, voiced previously by
            # Louis C.K.": a character, not the streaming service of that name
        doc.new[slug(name)] = EntityCandidate(slug(name), type_, name, 0.3,
                                              "capitalized-name", m.group(0))
        doc.names.setdefault(name.lower(), slug(name))
        if type_ == "Person":
            doc.names.setdefault(words[-1].lower(), slug(name))


RULES = [rule_new_names]
