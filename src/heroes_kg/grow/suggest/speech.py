"""Quoted speech with its speaker: "“…,” Pascal said", "“…,” she told Vanity Fair",
"Rodriguez said: “…”", "“…,” said director Robert Rodriguez"."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import KNOWN_NAMES, PRONOUNS, guess_type
from ._terms import is_a
from ._text import NAME, Sentence, is_title_case, word_at

__all__ = ["DOC_RULES"]

_SAY = (r"(?:said|says|explained|explains|added|adds|told|tells|noted|notes|recalled|"
        r"responded saying|responded|replied|commented|said in a statement|"
        r"recalls|shared|continued|continues|revealed|reveals|joked|jokes|wrote|writes|"
        r"admitted|admits|stated|states|teased|teases|remarked|insisted|insists|"
        r"confirmed|confirms|remembered|remembers|reflected|reflects|laughed|laughs|"
        r"explained|recounted|recounts|quipped|quips|mused|muses|admitted|captioned)")
_OPEN, _CLOSE = "\"“", "\"”"
#: A straight quotation mark after a space opens an inner quote ("When @vinraw first spoke
#: to me of "PUSHTAINI" I couldn't …"): it never closes the quotation.
_QUOTED = r"[\"“](?P<q>[^\"“”]{12,}?)(?:”|(?<!\s)\")"
_AFTER = re.compile(rf"{_QUOTED},? (?:(?P<who>{NAME}|he|she|they|He|She|They)"
                    rf"(?:, (?:the |an? )?[a-z][^,“”\"]{{2,60}},)? {_SAY}|"
                    rf"{_SAY} (?:(?:{NAME} |[A-Z]\.[A-Z]\. )?(?:[a-z-]+ ){{0,3}}?(?:director|star|actor|actress|producer|"
                    rf"creator|showrunner|writer|filmmaker|co-star|president|founder|chief|"
                    rf"chairman|chairwoman|head)s? )?(?P<who2>{NAME}))"
                    rf"(?P<tail>(?: (?!(?:that|when|in|at|on|of|about)\b)[^\s.,;]+){{0,4}}?)?"
                    rf"(?: (?:to|in) (?:an? )?(?:interview with )?)?(?P<to>{NAME})?")
_POINTER = (r"\b[Tt]he (?:[\w’'‘-]+ ){0,3}?(?:star|actor|actress|director|filmmaker|producer|"
            r"creator|showrunner|writer)")
_BEFORE = re.compile(rf"(?P<who>{NAME}|\b[Hh]e|\b[Ss]he|{_POINTER})(?:, who [^,“”\"]{{3,80}},|"
                     rf", [a-z][a-z ]{{2,40}}, [^,“”\"]{{2,60}}?)? "
                     rf"(?:(?:has|had|have|once|previously|also|later|recently|further|then|again) ){{0,2}}"
                     rf"(?:[a-z]+ (?:[\w’'-]+ ){{0,3}}and )?"
                     rf"{_SAY}(?: (?P<to>{NAME})| the (?:outlet|publication|magazine|site|"
                     rf"website|newspaper|paper))?(?: in (?:an? )?[\w ]{{0,30}}?)?"
                     rf"(?: (?:of|about) (?:the|this|that|her|his|their) (?:[a-z-]+ )?(?:show|series|film|movie|"
                     rf"role|character|project))?(?:[:,]|(?<=\bsaid)|(?<=\bsays)) {_QUOTED}")
#: "“…,” said producers Andrew Kosove and Broderick Johnson in a joint statement": the
#: second of two speakers named together after the verb.
_AND_SPEAKER = re.compile(rf" and (?:[a-z-]+ ){{0,2}}?(?P<who>{NAME})")
#: "“Ultimately,” says Matt Groening, “Disenchantment will be about …”": a quotation broken
#: by its attribution; the words after it.
_SPLIT = re.compile(rf"[\"“][^\"“”]{{1,40}}?,[\"”] (?:{_SAY} (?P<who2>{NAME})|"
                    rf"(?P<who>{NAME}|he|she) {_SAY}), {_QUOTED}")
#: "“…,” HBO Max original content chief Sarah Aubrey said in a statement", "“…,” the
#: actor, who was present at the event, said.": a speaker named after a title, or pointed
#: at.
_AFTER_TITLED = re.compile(
    rf"{_QUOTED},? (?:(?:[A-Z][\w+&.’']*|[a-z-]+) ){{0,6}}?(?:chief|president|head|director|"
    rf"executive|officer|chair|chairman|chairwoman|producer|creator|co-creator|showrunner|"
    rf"star|actor|actress|writer|founder|boss|CEO|VP|filmmaker) (?P<who>{NAME}) "
    rf"(?:also )?{_SAY}\b")
_AFTER_POINTER = re.compile(rf"{_QUOTED},? (?P<who>{_POINTER})(?:, [^,“”\"]{{3,80}},)? {_SAY}\b")
#: "Added Scott, “Being a dyed-in-the-wool advertising man, …”"
_INVERTED = re.compile(rf"^(?:Added|Adds|Says|Said|Continued|Explained) (?P<who>{NAME})[,:] "
                       rf"{_QUOTED}")
#: The verbs that report words inside a sentence ("said that", "adds").
_REPORTING = (r"(?:said|says|added|adds|explained|explains|noted|notes|admitted|admits|"
              r"insisted|insists)")
#: "Finneran said she was "delighted to be returning for Time two"", "as Frémaux says, it
#: is "in Hou’s very own style"": words quoted inside a sentence that reports them.
_REPORTED = re.compile(rf"(?P<who>{NAME}|\b[Hh]e|\b[Ss]he)(?:, (?:the )?[a-z][^,“”\"]{{2,60}},)? "
                       rf"(?:also )?{_REPORTING}(?: that)?(?=[ ,])"
                       rf"(?:(?!\b(?:citing|calling|called|dubbed|describing|"
                       rf"described|of the|of it|about)\b)[^“\".;:]){{3,120}}? "
                       rf"[\"“](?P<q>[^\"“”]{{8,}}?)[\"”]")
#: "Suzuki said that Miyazaki is": reported speech about someone else, whose short quoted
#: phrase is the reporter's borrowing, not a quotation.
_REPORTED_OF = re.compile(rf"\b{_REPORTING}(?: that)? (?!I\b)[A-Z]")
#: A quoted phrase used as a noun ("appreciates the “overwhelming love”") or a tag
#: ("added some hashtags to his posts, “stepping out of a cocoon”").
_BORROWED = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|this|some|of)|hashtags?\b[^“\"]*)"
                       r"\s*[“\"]?$")
#: "He has tried to downplay the cancellation rumors saying “that all rests with Netflix
#: …”": the words the sentence's subject said.
_SAYING = re.compile(rf"^(?P<who>{NAME}|He|She) (?:has |had |have )?(?:[a-z][\w’'-]* ){{1,8}}"
                     rf"saying:? {_QUOTED}")
_TOLD = re.compile(rf"\b(?:told|tells|in an interview with|[Ss]peaking to|[Ss]peaking with|to) "
                   rf"(?:(?:the )?(?:website|outlet|magazine|newspaper|site|podcast) )?"
                   rf"(?P<to>{NAME})")


#: A post written before a name: "Disney CEO Bob Chapek", "Netflix Chief Content Officer
#: Ted Sarandos": the name is the words after it.
_POST_BEFORE = re.compile(r"^(?:[\w&+.’'-]+ ){0,4}?(?:CEO|Co-CEO|CFO|COO|CCO|CTO|EVP|SVP|VP|"
                          r"Chief(?: [A-Z]\w+){1,3} Officer|President|Chairman|Chairwoman|"
                          r"Chair|Head|Boss|Founder|Co-Founder|Showrunner|Director|Producer|"
                          r"Creator|Executive|Commissioner|Controller) "
                          r"(?P<n>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,2})$")


def _quote_base(doc: Doc, speaker: str) -> str:
    """The id part of a speaker's quotations: the family name ("kumar-quote-1"), unless
    another person of the article has it too ("Director Omung Kumar said …", "Producer
    Bhushan Kumar added …": each one's full id, so that two speakers' words stay apart)."""
    short = doc.short(speaker)
    if short == speaker:
        return short
    if any(e != speaker and is_a(c.type, "Person") and " " in c.name and
           doc.short(e) == short and not re.fullmatch(_REPORTING, c.name.split()[0].lower())
           for e, c in doc.new.items()) or any(
            mn.entity != speaker and is_a(doc.type_of(mn.entity), "Person") and
            " " in doc.name_of(mn.entity) and doc.short(mn.entity) == short
            for mn in doc.out.mentions):
        return speaker
    return short


def _speaker(doc: Doc, who: str, last: str | None, quote: str) -> str | None:
    if who.lower() == "they":
        return None  # which of them?
    if who.lower() in PRONOUNS or re.fullmatch(_POINTER, who):
        return last  # "he", "The 'It' star": the person spoken of
    name = doc.trim(who)
    post = _POST_BEFORE.match(name)
    if post is not None:
        name = post.group("n")
    found = doc.lookup(name) or _family_name(doc, name)
    if found is not None:
        return found if (is_a(doc.type_of(found), "Person") or
                         is_a(doc.type_of(found), "Organization")) else None
    if not doc.is_person(name):
        kind = guess_type(name)
        if name.lower() in KNOWN_NAMES and is_a(kind, "Organization") and \
                not is_a(kind, "NewsMediaOrganization"):
            # "MGM responded saying: “We are continuing to work on …”": a company's statement
            return doc.entity(name, kind, "speech", quote)
        return None
    return doc.entity(name, "Person", "speech", quote)


def _character(doc: Doc, who: str) -> bool:
    """Whether a speaker is a character named after the actor who plays it: "Murphy’s J.
    Robert Oppenheimer", "Pascal's Joel"."""
    m = re.match(rf"(?P<p>{NAME})[’']s (?=[A-Z])", who)
    if m is None:
        return False
    found = doc.lookup(m.group("p"))
    if found is not None:
        return is_a(doc.type_of(found), "Person")
    return any(is_a(doc.type_of(mn.entity), "Person") and
               doc.name_of(mn.entity).split()[-1] == m.group("p")
               for mn in doc.out.mentions) or any(
        is_a(e.type, "Person") and e.name.split()[-1] == m.group("p")
        for e in doc.new.values())


def _family_name(doc: Doc, name: str) -> str | None:
    """"Hwang added:" after "Hwang Dong-hyuk said": a one-word speaker is the one person
    named so far whose name begins with it (a family name written first)."""
    if " " in name or not name[:1].isupper():
        return None
    people = {e for e, c in doc.new.items() if is_a(c.type, "Person")
              and c.name.split()[0] == name and " " in c.name} | {
        mn.entity for mn in doc.out.mentions if is_a(doc.type_of(mn.entity), "Person")
        and doc.name_of(mn.entity).split()[0] == name and " " in doc.name_of(mn.entity)}
    return people.pop() if len(people) == 1 else None


_OPEN_QUOTE = re.compile(r"[\"“]")
_QUOTED_SENTENCE = re.compile(r"[\"“](?P<q>[^\"“”]{12,})[\"”]")


def quotations(doc: Doc) -> None:
    """Each quoted passage attributed in its sentence becomes a Quotation with its
    text and speaker, and the publication it was told to."""
    last: str | None = None
    counts: dict[str, int] = {}
    previous: Sentence | None = None
    previous_attributed = False
    last_post: str | None = None
    said_at: tuple[str, int] | None = None
    voiced = False
    whole = {(x.start, x.end) for x in doc.sentences}
    drafted: set[tuple[int, str]] = set()
    by_pronoun: dict[str, str] = {}
    both: dict[str, list[str]] = {}  # a speaker's co-speakers, in the last attribution
    for s in _speech_sentences(doc):
        attributed = False
        # a quotation over several sentences names its speaker: "she" after a long
        # quotation is too often someone the last sentence named instead
        merged = (s.start, s.end) not in whole
        if not _OPEN_QUOTE.search(s.text):
            voiced = False  # the narration goes on: "he says" is someone again
        for pattern in (_AFTER, _BEFORE, _SPLIT, _SAYING, _AFTER_TITLED, _AFTER_POINTER,
                        _INVERTED, _REPORTED):
            for m in pattern.finditer(s.text):
                who = m.groupdict().get("who") or m.groupdict().get("who2")
                if not who:
                    continue
                text = m.group("q").strip().rstrip(",")
                if len(text.split()) < 2 or _posted(doc, text) or is_title_case(text):
                    continue  # "“Extraction 2,” Netflix confirmed": a title, not words said
                if (s.start, text.casefold()) in drafted:
                    continue  # drafted already, by a pattern before this one
                if pattern is _REPORTED and len(text.split()) < 4 and _REPORTED_OF.search(
                        s.text[m.end("who"):m.start("q")]):
                    continue  # "Suzuki said that Miyazaki is “hard at work”": a phrase the
                    # reporter borrows to say something of someone else, not a quotation
                    # ("Gosselin said she “can't wait”" is hers)
                if pattern is _REPORTED and _BORROWED.search(
                        s.text[m.end("who"):m.start("q")], endpos=m.start("q") - m.end("who")
                        ) and (len(text.split()) < 4 or "hashtag" in m.group(0)):
                    continue  # "adding that he appreciates the “overwhelming love”", "added
                    # some hashtags to his posts, “stepping out of a cocoon”": a phrase or a
                    # tag, not words said
                if pattern is _SPLIT and " " in m.group(0)[:m.group(0).index(",")] and any(
                        s.start + m.start() <= a and b <= s.start + m.start() +
                        m.group(0).index(",") for a, b, _w in doc.work_spans):
                    continue  # "“The Red Turtle,” Suzuki noted, “He …”": a title, then words
                if _character(doc, who):
                    # "“We imagine a future, …,” Murphy’s J. Robert Oppenheimer says in a
                    # voiceover": a character's line in a trailer, no one's quotation;
                    # "he continues" after it is the character too
                    last, attributed, voiced = None, True, True
                    continue
                if (voiced or merged) and who.lower() in ("he", "she", "they"):
                    attributed = True
                    continue
                # "In the show, … Gina Carano plays … She says of the show, “…”": the
                # person the paragraph just spoke of before the last speaker
                here = _subject_in_paragraph(doc, s) if who in ("He", "She", "he", "she") \
                    else None
                if here is not None and last is not None and here != last and \
                        _named_just_before(doc, s, last):
                    # "… that Miyazaki was making …, but Suzuki offered no details. “All I
                    # can say is that it’s really interesting,” he said.": the speaker the
                    # sentence before names again goes on
                    here = last
                person = here or last or doc.subject_person(s.start + m.start())
                if who.lower() in ("he", "she") and here is None and last is None and \
                        person is not None and by_pronoun.get(who.lower()) not in (
                            None, person) and _only_bracketed(doc, person, s.start):
                    # "… a devoted fan (portrayed by Kim Hye-yeon) … “…,” he said": one
                    # credited in brackets is not whom "he" goes on to mean
                    person = by_pronoun[who.lower()]
                speaker = _speaker(doc, who, person, m.group(0))
                if speaker is None:
                    continue
                if _comment(doc, s, m, speaker, text):
                    attributed = True
                    continue
                if _post_words(doc, s, m, speaker, text):
                    attributed, last_post = True, _post_of(doc, s, m, speaker)
                    continue
                last_post = None
                last, attributed = speaker, True
                if who.lower() in ("he", "she"):
                    by_pronoun[who.lower()] = speaker
                said_at = (m.group(0), s.start + m.start())
                n = counts.get(speaker, 0) + 1
                counts[speaker] = n
                qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                                  f"{doc.name_of(speaker)}, quoted", "speech", m.group(0))
                start = s.start + m.start()
                doc.add(qid, "text", m.group("q"), s.start + m.start("q"), "speech", 0.7,
                        value=text)
                drafted.add((s.start, text.casefold()))
                attribution = m.group(0)
                doc.add(qid, "spokenBy", attribution, start, "speech", 0.75, obj=speaker)
                both[speaker] = []
                also = _AND_SPEAKER.match(s.text, m.end("who2")) \
                    if pattern is _AFTER and m.group("who2") else None
                other = _speaker(doc, also.group("who"), None, also.group(0)) \
                    if also is not None else None
                if also is not None and other is not None and other != speaker and \
                        is_a(doc.type_of(other), "Person"):
                    # "said producers Andrew Kosove and Broderick Johnson": both said it
                    both[speaker] = [other]
                    doc.add(qid, "spokenBy", s.text[m.start():also.end()], start, "speech",
                            0.7, obj=other)
                if pattern is _AFTER:
                    _said_of(doc, qid, s, s.start + m.end("q"))
                told = _TOLD.search(s.text[m.end("q"):]) if pattern is _AFTER else \
                    _TOLD.search(m.group(0))
                lead_in = None
                if told is None and pattern is _BEFORE:
                    # "Speaking to website Collider, he said: “…”"
                    lead_in = re.match(rf"{_TOLD.pattern},? $", s.text[:m.start()])
                if lead_in is not None:
                    found = doc.lookup(lead_in.group("to"))
                    org = found if found is not None else (
                        doc.entity(lead_in.group("to"), "NewsMediaOrganization", "told",
                                   lead_in.group(0))
                        if guess_type(lead_in.group("to")) in ("NewsMediaOrganization",
                                                               "Organization") or
                        re.search(r"website|outlet|magazine|newspaper|site|podcast",
                                  lead_in.group(0)) else None)
                    if org is not None and is_a(doc.type_of(org), "Organization"):
                        doc.add(qid, "reportedBy", s.text[:m.end("q") + 1].rstrip(),
                                s.start, "told", 0.6, obj=org)
                if told:
                    to = told.group("to")
                    found = doc.lookup(to)
                    if found is None and guess_type(to) not in ("NewsMediaOrganization",
                                                                "Organization"):
                        continue
                    org = found or doc.entity(to, "NewsMediaOrganization", "told", told.group(0))
                    if is_a(doc.type_of(org), "Organization"):
                        end = s.start + m.end("q") + told.end() if pattern is _AFTER else \
                            start + told.end()
                        doc.add(qid, "reportedBy", doc.text[start:end], start, "told", 0.6,
                                obj=org)
        cont = _QUOTED_SENTENCE.fullmatch(s.text.strip())
        if not attributed and cont and last_post and _same_paragraph(doc, previous, s):
            # the post's words go on: “Hell, life is like that. …”
            doc.add(last_post, "text", cont.group("q"), s.start + cont.start("q"),
                    "post-words", 0.55, value=cont.group("q").strip().rstrip(","))
            attributed = True
        elif not attributed and cont and last and previous is not None and (
                (_same_paragraph(doc, previous, s) and _quoted_speech(previous.text)) or
                (previous_attributed and _whole_paragraph(doc, s))):
            # "“Think of The Godfather 2. …”" right after an attributed quote: the same
            # speaker goes on.
            n = counts.get(last, 0) + 1
            counts[last] = n
            qid = doc.derived(f"{_quote_base(doc, last)}-quote-{n}", "Quotation",
                              f"{doc.name_of(last)}, quoted", "speech-continued", s.text)
            doc.add(qid, "text", cont.group("q"), s.start + cont.start("q"),
                    "speech-continued", 0.6, value=cont.group("q").strip().rstrip(","))
            doc.add(qid, "spokenBy", s.text.strip(), s.start, "speech-continued", 0.5,
                    obj=last)
            if said_at is not None:
                # who says so is in the attribution of the words before
                doc.add(qid, "spokenBy", said_at[0], said_at[1], "speech-continued", 0.5,
                        obj=last)
                for other in both.get(last, []):
                    doc.add(qid, "spokenBy", said_at[0], said_at[1], "speech-continued",
                            0.5, obj=other)
        elif not attributed and not _same_paragraph(doc, previous, s):
            last = None if not _OPEN_QUOTE.search(s.text) else last
        previous, previous_attributed = s, attributed


def _only_bracketed(doc: Doc, person: str, pos: int) -> bool:
    """Whether the three sentences before ``pos`` name ``person`` only inside brackets:
    "a devoted fan (portrayed by Kim Hye-yeon)"."""
    name = doc.name_of(person)
    words = {name, name.split()[-1], name.split()[0]}
    before = [x for x in doc.sentences if x.end <= pos][-3:]
    seen = False
    for x in before:
        for word in words:
            for hit in re.finditer(re.escape(word), x.text):
                if x.text.rfind("(", 0, hit.start()) <= x.text.rfind(")", 0, hit.start()):
                    return False
                seen = True
    return seen


def _unclosed(text: str) -> bool:
    """Whether a sentence opens a quotation it does not close: "Cuoco said: “I always
    envisioned TFA as a limited series …." (its closing mark some sentences on)."""
    opened = text.rfind("“")
    return opened >= 0 and "”" not in text[opened:] and '"' not in text[opened:]


def _speech_sentences(doc: Doc) -> list[Sentence]:
    """The article's sentences, a quotation that goes on over several of them (opened
    with one kind of mark and closed with another, “… ", which the sentence splitter
    does not pair) read as one."""
    out: list[Sentence] = []
    merging = False
    for s in doc.sentences:
        if merging and out and _same_paragraph(doc, out[-1], s) and \
                s.start - out[-1].start < 1500:
            last = out.pop()
            s = Sentence(doc.text[last.start:s.end], last.start)
            merging = not re.search(r"[”\"]", doc.text[last.end:s.end])
        else:
            merging = False
        if not merging:
            merging = _unclosed(s.text)
        out.append(s)
    return out


def _named_just_before(doc: Doc, s: Sentence, person: str) -> bool:
    """Whether the sentence before ``s``, in its paragraph, names ``person`` (by the
    last word of the name, as a later mention does)."""
    before = [x for x in doc.sentences if x.end <= s.start][-1:]
    if not before or not _same_paragraph(doc, before[0], s):
        return False
    name = doc.name_of(person)
    return bool(name) and re.search(rf"\b{re.escape(name.split()[-1])}\b(?![’'])",
                                    before[0].text) is not None


def _same_paragraph(doc: Doc, a: Sentence | None, b: Sentence) -> bool:
    return a is not None and "\n" not in doc.text[a.end:b.start]


_PLATFORMS = r"\b(?P<p>Instagram|Twitter|Facebook|TikTok|YouTube|X)\b"


def _comment(doc: Doc, s: Sentence, m: re.Match[str], speaker: str, text: str) -> bool:
    """"Reacting to the post, Vedang Raina commented, “The best ever (red heart
    emoticons).”": words written under someone's post, a post of their own (a comment)
    by the speaker, on the platform the sentence names."""
    if not re.search(r"\bcommented\b", m.group(0)) or \
            not re.search(r"\b(?:post|posts|comments?|picture|photo|video)\b", s.text):
        return False
    post = doc.derived(f"{doc.short(speaker)}-comment", "SocialMediaPosting",
                       f"{doc.name_of(speaker)}'s comment", "comment", m.group(0))
    start = s.start + m.start()
    doc.add(post, "author", m.group(0), start, "comment", 0.6, obj=speaker)
    doc.add(post, "text", m.group("q"), s.start + m.start("q"), "comment", 0.6, value=text)
    platform = re.search(_PLATFORMS, s.text)
    found = doc.lookup(platform.group("p")) if platform else None
    if platform is not None and found is not None:
        doc.add(post, "platform", s.text, s.start, "comment", 0.55, obj=found)
    return True


def _post_words(doc: Doc, s: Sentence, m: re.Match[str], speaker: str, text: str) -> bool:
    """"The Shang-Chi star took to Twitter on Thursday to share the news. “So excited to
    be a part of this,” he wrote.": the words of the post just described, not a
    quotation."""
    post = _post_of(doc, s, m, speaker)
    if post is None:
        return False
    doc.add(post, "text", m.group("q"), s.start + m.start("q"), "post-words", 0.6,
            value=text)
    return True


def _post_of(doc: Doc, s: Sentence, m: re.Match[str], speaker: str) -> str | None:
    """The post whose words an attributed quotation gives: one by the speaker described
    in the sentence before, or, for "he wrote" or "he explains in the caption", a few
    sentences before ("In the touching
    tribute posted on Instagram, Gruffudd wrote … “This time …,” Gruffudd wrote.")."""
    # "“We aren't supposed to post photos from the show …,” he explains in the caption"
    caption = re.match(r"[^.;“]{0,16}?\bin (?:the|his|her|their|a) (?:caption|post)\b",
                       s.text[m.end("q"):])
    # "“It was a wonderful … show,” Goodman replied on Twitter": words posted there
    platform = re.match(r"[^.;“]{0,12}? (?:on|via) (?:Twitter|Instagram|X|Facebook|TikTok|"
                        r"Threads|Bluesky)\b", s.text[m.end():])
    if not caption and not platform and not re.search(
            r"\b(?:wrote|writes|tweeted|captioned|posted)\b", m.group(0)):
        return None
    if re.match(r"[^.;“]{0,40}?\bin (?:a|an|the|her|his|their) (?:[a-z]+ )?statement\b",
                s.text[m.end("q"):]):
        # "“We found out that … is not moving forward with a season 3 at Disney+,” Pena
        # wrote in a statement Monday afternoon": a statement, quoted, not the post's words
        return None
    index = next((i for i, x in enumerate(doc.sentences) if x.start == s.start), 0)
    reach = 20 if caption or "captioned" in m.group(0) else \
        6 if re.search(r"\b(?:wrote|writes)\b", m.group(0)) else 1
    lower = doc.sentences[max(0, index - reach)].start
    posts = sorted((start, c.subject) for c in doc.found.values() if c.property == "author"
                   and c.object == speaker and doc.type_of(c.subject) == "SocialMediaPosting"
                   for _quote, start in c.quotes() if lower <= start <= s.end)
    return posts[-1][1] if posts else None


def _said_of(doc: Doc, qid: str, s: Sentence, after: int) -> None:
    """"“I called his inner monster John Boy,” Grant said of his devilish character in
    “The Undoing”": what the quotation is about."""
    m = re.search(r"\b(?:said|says|spoke|speaks|talked|talks|wrote|writes) (?:of|about)\b",
                  doc.text[after:s.end])
    if not m:
        return
    works = doc.works_in_spans(after + m.end(), s.end)
    if works:
        _a, b, work = works[0]
        end = doc.past_quote(b)
        quote_start = after + m.start()
        doc.add(qid, "about", doc.text[quote_start:end], quote_start, "said-of", 0.55,
                obj=work)


_NON_WORD_RUN = re.compile(r"\W+")


def _posted(doc: Doc, text: str) -> bool:
    """Words already drafted as a social post's text: “The sun sets on day 1. …,”
    Reynolds said, of the caption the article quotes in full."""
    key = re.sub(r"\W+", " ", text).strip().lower()
    if any(_NON_WORD_RUN.sub(" ", p.text).strip().lower() == key for p in doc.paragraphs):
        return True  # the embedded post itself, as its own paragraph
    return any(c.property == "text" and doc.type_of(c.subject) == "SocialMediaPosting"
               and re.sub(r"\W+", " ", str(c.value)).strip().lower() == key
               for c in doc.found.values())


def _whole_paragraph(doc: Doc, s: Sentence) -> bool:
    """A quoted paragraph on its own: "“I knew I was going to throw everything at it,
    …”" after "“When you take risks, …,” Anderson said." goes on with her words."""
    return doc.text[:s.start].rstrip(" ").endswith("\n") and \
        doc.text[s.end:].lstrip(" ").startswith("\n")


def _quoted_speech(text: str) -> bool:
    """Whether a sentence gives someone's quoted words: "“…,” Craig Erwich, president of
    Hulu Originals, said.", "Miller said: “…”"."""
    return bool(re.search(rf"[\"”],? (?:{NAME}|he|she|they)(?:, (?:the |an? )?[a-z][^,“”\"]{{2,60}},)? "
                          rf"{_SAY}|{_SAY}[:,] [\"“]", text))


_INTRO = re.compile(rf"^(?:{NAME} (?:[a-z-]+ ){{0,3}}?(?:president|founder|chief|chairman|"
                    rf"chairwoman|head|director|producer|executive) )?"
                    rf"(?P<who>{NAME})(?P<post>, [^,:“”\"]{{3,60}},)? (?:also )?"
                    rf"(?:said|revealed|shared|explained|added|told "
                    rf"(?P<to0>{NAME})|wrote|noted)(?: in a statement)?(?: the following)?(?: about (?P<about>[^:]+?))?"
                    rf"(?:,? (?:per|to|in an interview with|according to|speaking (?:to|with)) "
                    rf"(?P<to>{NAME}))?:$")


#: "…, as co-producer and head writer Ceylan Yildirim told TV Insider :" at the end of a
#: paragraph whose next paragraph is the quotation: a speaker named after a role.
_INTRO_END = re.compile(
    rf"\b(?:[a-z-]+ ){{0,4}}?(?:president|founder|chief|chairman|chairwoman|head|director|"
    rf"producer|executive|writer|showrunner|creator|star) (?P<who>{NAME}) "
    rf"(?:told (?P<to0>{NAME})|said|explained|noted|wrote)\s?:$")


#: "… Here’s what the actor said:" at the end of a paragraph whose next paragraph is the
#: quotation: the speaker pointed at, the person the paragraph spoke of.
_INTRO_HERE = re.compile(
    rf"\b(?:Here[’']s|Here is|This is) what (?P<who>{NAME}|{_POINTER}|[Hh]e|[Ss]he) "
    rf"(?:said|had to say|told (?P<to0>{NAME})|wrote|shared)(?: [^:.]{{0,40}})?:$")


_BLOCK_QUOTE = re.compile(r"\s*[“\"](?P<q>.+)[”\"]\s*")


def block_quotes(doc: Doc) -> None:
    """"Lin revealed the following about the viewer numbers, per GQ:" and the quoted
    paragraph after it: a Quotation with its speaker and the publication. A paragraph that
    is only the introduction ("Jennifer Salke, Head of Amazon Studios, told ComicBook:")
    introduces the next paragraph even printed without quotation marks ("We are thrilled
    that The Boys have surpassed our predictions …")."""
    counts: dict[str, int] = {}
    for index, p in enumerate(doc.paragraphs[:-1]):
        m = _INTRO.match(p.text.strip()) or _INTRO_END.search(p.text.strip()) or \
            _INTRO_HERE.search(p.text.strip())
        nxt = doc.paragraphs[index + 1]
        quoted = _BLOCK_QUOTE.fullmatch(nxt.text)
        if m is not None and quoted is None and m.re is not _INTRO_HERE:
            # a block quotation printed without quotation marks, after "… told TV Insider:"
            # or a paragraph that is only its introduction ("Jennifer Salke, Head of Amazon
            # Studios, told ComicBook:")
            quoted = re.fullmatch(r"\s*(?P<q>[A-Z][^“”\"]{40,}[.!?])\s*", nxt.text)
        if not m or not quoted:
            continue
        last = _subject_before(doc, p.start + p.text.index(m.group(0))) \
            if m.re is _INTRO_HERE else None
        speaker = _speaker(doc, m.group("who"), last, p.text)
        if speaker is None:
            continue
        n = counts.get(speaker, 0) + 1
        existing = {c.subject for c in doc.found.values() if c.property == "spokenBy"
                    and c.object == speaker}
        while f"{_quote_base(doc, speaker)}-quote-{n}" in existing:
            n += 1
        counts[speaker] = n
        qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                          f"{doc.name_of(speaker)}, quoted", "block-quote", p.text)
        intro = p.text.strip() if m.re is _INTRO else m.group(0)
        start = p.start + p.text.index(intro)
        doc.add(qid, "spokenBy", intro, start, "block-quote", 0.7, obj=speaker)
        text = quoted.group("q").strip()
        doc.add(qid, "text", text, nxt.start + quoted.start("q"), "block-quote", 0.7,
                value=text)
        to = m.groupdict().get("to") or m.group("to0")
        if to:
            found = doc.lookup(to)
            org = found or (doc.entity(to, "NewsMediaOrganization", "told", intro)
                            if guess_type(to) == "NewsMediaOrganization" else None)
            if org and is_a(doc.type_of(org), "Organization"):
                doc.add(qid, "reportedBy", intro, start, "block-quote", 0.6, obj=org)
        if m.groupdict().get("about"):
            work = doc.work_at(start + len(intro), Sentence(intro, start))
            if work:
                doc.add(qid, "about", intro, start, "block-quote", 0.5, obj=work)


_GOES_ON = re.compile(rf"[”\"],? (?:(?P<who>{NAME}|he|she|they|He|She|They) {_SAY}"
                      rf"(?: (?:of|about|on|in|at) [^.“”\"]{{3,60}})?|{_SAY} "
                      rf"(?P<who2>{NAME})(?:, [^.“”\"]+)?)\.\s+"
                      rf"[“\"](?P<q>[^“”\"]{{12,}})[”\"]\s*$")


def quotes_going_on(doc: Doc) -> None:
    """"“Ryan (Coogler) has some ideas …,” Stallone said. “Think of The Godfather 2. That’s
    what he was thinking of.”": the quote after the attribution is the same speaker's."""
    for p in doc.paragraphs:
        m = _GOES_ON.search(p.text)
        if not m:
            continue
        speaker = _speaker(doc, m.group("who") or m.group("who2"),
                           doc.last_person(p.start + m.start()), m.group(0))
        if speaker is None:
            continue
        text = m.group("q").strip()
        if any(c.property == "text" and c.value == text.rstrip(",") for c in doc.found.values()):
            continue
        n = 1 + sum(1 for c in doc.found.values() if c.property == "spokenBy"
                    and c.object == speaker)
        qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                          f"{doc.name_of(speaker)}, quoted", "speech-continued", p.text)
        quote = p.text[m.start("q") - 1:m.end("q") + 1]
        doc.add(qid, "text", m.group("q"), p.start + m.start("q"), "speech-continued", 0.6,
                value=text.rstrip(","))
        doc.add(qid, "spokenBy", quote, p.start + m.start("q") - 1, "speech-continued", 0.55,
                obj=speaker)
        attribution = p.text[m.start() + 1:m.start("q") - 1].strip(" ,.")
        doc.add(qid, "spokenBy", attribution, p.start + m.start() + 1, "speech-continued",
                0.55, obj=speaker)


_VENUE = re.compile(
    rf"\b(?:cover story|interview|conversation|profile|sit-down|Q&A|podcast|feature) "
    rf"(?:for|with|on|in|published by) (?:the )?(?P<o>{NAME})|"
    rf"\b(?:[Ss]peaking|spoke|[Tt]alking|talked|opened up|opens up) (?:about [^.,:;“”\"]{{3,60}} )?(?:to|with) "
    rf"(?:the )?(?P<desc>(?:website|outlet|magazine|newspaper|site|podcast) )?(?P<o2>{NAME})|"
    rf"\b(?:told|tells) (?P<o3>{NAME})|"
    rf"(?P<o4>{NAME}) (?:additionally |also )?(?:sat down with|spoke (?:to|with)|interviewed)\b")


def interview_source(doc: Doc) -> None:
    """"In a new digital cover story for Vanity Fair, the actress explained …", "Speaking
    to website Collider, he said: …": when the
    article names one publication its interviews were given to, the quotations it does
    not attribute otherwise were reported by that publication. Where the sentence names
    who talked to it ("director Jack Bender told Vanity Fair", "Davis also spoke about
    the role … with Variety"), only that person's quotations were."""
    venues: dict[str, list[tuple[str, int]]] = {}
    tellers: dict[str, set[str | None]] = {}
    if not any(c.property == "spokenBy" for c in doc.found.values()):
        return
    for s in doc.sentences:
        for m in _VENUE.finditer(s.text):
            name = m.group("o") or m.group("o2") or m.group("o3") or m.group("o4")
            found = doc.lookup(name)
            kind = doc.type_of(found) if found else (
                "NewsMediaOrganization" if m.group("desc") else guess_type(name))
            if not is_a(kind, "NewsMediaOrganization"):
                continue
            org = found or doc.entity(name, "NewsMediaOrganization", "interview-source",
                                      s.text)
            venues.setdefault(org, []).append((s.text, s.start))
            tellers.setdefault(org, set()).add(_teller(doc, s.text[:m.start()])
                                               if not m.group("o4") else None)
    if not venues:
        return
    said = {c.subject: c.start for c in doc.found.values() if c.property == "spokenBy"}
    speakers = {c.subject: c.object for c in doc.found.values() if c.property == "spokenBy"}
    reported = {c.subject for c in doc.found.values() if c.property == "reportedBy"}
    named = sorted((start, org, quote) for org, places in venues.items()
                   for quote, start in places)
    for q, at in sorted(said.items()):
        # the publication named last before the quotation says it best; with one named,
        # a quotation before it was told to it too, but with several ("opened up to
        # Deadline … She said, “…” … Talking to Elle, she said, “…”") each publication
        # only has the words after it
        before = [v for v in named if v[0] <= at] or (named if len(venues) == 1 else [])
        if not before:
            continue
        start, org, quote = before[-1]
        if q in reported or (None not in tellers[org] and speakers[q] not in tellers[org]):
            continue
        doc.add(q, "reportedBy", quote, start, "interview-source", 0.45, obj=org)


def _teller(doc: Doc, before: str) -> str | None:
    """Who the words before "told Vanity Fair" name as talking, when they end with a
    name ("director Jack Bender told …", "Davis also spoke … with"); None for "the
    actress", "he" or no name."""
    m = re.search(rf"(?P<who>{NAME})(?: (?:also|later|previously|recently|has|had))* ?$",
                  before.split(",")[-1])
    if m is None:
        return None
    name = doc.trim(m.group("who"))
    found = doc.lookup(name) or _family_name(doc, name) or next(
        (mn.entity for mn in doc.out.mentions if " " not in name
         and is_a(doc.type_of(mn.entity), "Person")
         and doc.name_of(mn.entity).split()[-1] == name), None) or next(
        (e.id for e in doc.new.values() if " " not in name and is_a(e.type, "Person")
         and e.name.split()[-1] == name), None)
    if found is not None:
        return found
    return f"?{name}"  # someone the article does not name otherwise


#: "… he said: “I think …" with no closing mark: speech that goes on in the paragraphs
#: after it.
_OPENS = re.compile(rf"(?:^|[.!?] |, )(?P<who>{NAME}|\b[Hh]e|\b[Ss]he|{_POINTER}) "
                    rf"(?:also )?{_SAY}(?: (?:of|about) [^:,“\"]{{3,40}})?[:,] "
                    rf"[\"“](?P<q>[^\"“”]{{12,}})$")
_GOES_ON_OPEN = re.compile(r"[\"“](?P<q>[^\"“”]{12,})(?P<close>[\"”])?")


def open_quotes(doc: Doc) -> None:
    """"The 'It' star continued: "Chad (Stahelski) reached out to me … a fun world." and
    the paragraphs after it that open with a quotation mark: speech that goes on over
    several paragraphs, closing only at the last one. Each paragraph becomes a
    Quotation by the same speaker, told to the publication their earlier words were."""
    paragraphs = doc.paragraphs
    index = 0
    while index < len(paragraphs):
        p = paragraphs[index]
        index += 1
        text = p.text.rstrip()
        m = _OPENS.search(text)
        if m is None:
            continue
        who = m.group("who")
        pos = p.start + m.start("who")
        last = (_last_speaker(doc, pos) or doc.subject_person(pos)) \
            if who.lower() in PRONOUNS or re.fullmatch(_POINTER, who) else None
        speaker = _speaker(doc, who, last, m.group(0))
        if speaker is None:
            continue
        told = _told_before(doc, speaker, pos)
        passages = [(p.start + m.start("q"), m.group("q"), pos,
                     text[m.start("who"):m.start("q") + 12])]
        while index < len(paragraphs):
            nxt = paragraphs[index]
            more = _GOES_ON_OPEN.fullmatch(nxt.text.strip())
            if more is None:
                break
            index += 1
            at = nxt.start + nxt.text.index(more.group(0))
            passages.append((at + 1, more.group("q"), passages[0][2], passages[0][3]))
            if more.group("close"):
                break
        for start, words, quote_start, attribution in passages:
            words = words.strip()
            if len(words.split()) < 4 or any(
                    c.property == "text" and str(c.value).rstrip(",") == words.rstrip(",")
                    for c in doc.found.values()):
                continue
            n = 1 + sum(1 for c in doc.found.values() if c.property == "spokenBy"
                        and c.object == speaker)
            qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                              f"{doc.name_of(speaker)}, quoted", "open-quote", attribution)
            doc.add(qid, "text", words, start, "open-quote", 0.6, value=words.rstrip(","))
            doc.add(qid, "spokenBy", attribution, quote_start, "open-quote", 0.55,
                    obj=speaker)
            if told is not None:
                doc.add(qid, "reportedBy", told[1], told[2], "open-quote", 0.5, obj=told[0])


def _last_speaker(doc: Doc, pos: int) -> str | None:
    """Who spoke the last quotation before ``pos`` within a few sentences: whom "he
    explained" goes on with."""
    lower = max([x.start for x in doc.sentences if x.start < pos][-4:-3] or [0])
    speakers = {c.subject: c.object for c in doc.found.values()
                if c.property == "spokenBy" and c.object is not None}
    said = [c for c in doc.found.values() if c.property == "text"
            and c.subject in speakers and lower <= c.start < pos]
    return speakers[max(said, key=lambda c: c.start).subject] if said else None


def _told_before(doc: Doc, speaker: str, pos: int) -> tuple[str, str, int] | None:
    """The publication the speaker's last quotation before ``pos`` was told to, with
    that finding's quote and place."""
    spoken = {c.subject for c in doc.found.values() if c.property == "spokenBy"
              and c.object == speaker and c.start < pos}
    told = [c for c in doc.found.values() if c.property == "reportedBy"
            and c.subject in spoken and c.object is not None]
    if not told:
        return None
    best = max(told, key=lambda c: c.start)
    assert best.object is not None
    return best.object, best.quote, best.start


_POINTS_AT_WORK = re.compile(r"\b(?:the|this|our|my|that) (?:show|series|film|movie|season|"
                             r"sequel|story|script|project|character)\b", re.IGNORECASE)


def quotation_about(doc: Doc) -> None:
    """"Speaking to website Collider, he said: "I think the movies are very entertaining."",
    in an article about John Wick: Chapter 4: a quotation with no other subject is about
    the work named in its words, else the work in scope where it is said; above the
    default floor only when its words speak of "the show", "the film", "the series"."""
    texts = {c.subject: c for c in doc.found.values() if c.property == "text"
             and doc.type_of(c.subject) == "Quotation"}
    has_about = {c.subject for c in doc.found.values() if c.property == "about"}
    for qid, c in texts.items():
        if qid in has_about:
            continue
        # the works named in the words themselves, not in the attribution after them
        at = doc.text.find(str(c.value)[:40], c.start)
        end = at + len(str(c.value)) if at >= 0 else c.start + len(c.quote)
        inside = [w for _a, _b, w in doc.works_in_spans(max(at, c.start), end)] or \
            _works_named(doc, doc.text[max(at, c.start):end])
        s = doc.sentence_at(c.start, 1)
        if s is None:
            continue
        work = inside[0] if inside else doc.work_at(c.start, s)
        if work is None:
            continue
        # "The show exists because June survived": words that speak of the work as "the
        # show" (right 8 times in 11 over the eight sets, against 26 in 95 for the rest)
        pointed = _POINTS_AT_WORK.search(c.quote)
        doc.add(qid, "about", c.quote, c.start, "quotation-about",
                0.5 if pointed else 0.4 if inside else 0.3, obj=work)


def _works_named(doc: Doc, words: str) -> list[str]:
    """The works the article names elsewhere that quoted words name too, first named
    first: "the immersive universe of 'Mirzapur'", a title no span covers inside a
    quotation."""
    named = []
    for work in dict.fromkeys(w for _a, _b, w in doc.work_spans):
        name = doc.name_of(work)
        at = word_at(words, name) if len(name) > 3 and name in words else []
        if at:
            named.append((at[0], work))
    return [w for _at, w in sorted(named)]


#: Words quoted inside a sentence that says whose they are.
_WORDS_OF = [
    re.compile(rf"\baccording to (?P<who>{NAME}), [^“\".;]{{0,60}}?[\"“](?P<q>[^\"“”]{{8,}}?)[\"”]"),
    re.compile(rf"(?P<who>{NAME}) (?:described|describes|called|calls|dubbed|dubs) "
               rf"(?:the (?:[\w-]+ )?(?:film|movie|series|show|project|script)|it) (?:as )?"
               rf"[\"“](?P<q>[^\"“”]{{8,}}?)[\"”]"),
    re.compile(rf"\b(?:with|and) (?P<who>{NAME}) (?:calling|dubbing|describing) "
               rf"(?:it|the (?:[\w-]+ )?(?:film|movie|series|show)) (?:as )?"
               rf"[\"“](?P<q>[^\"“”]{{8,}}?)[\"”]"),
]


def words_of(doc: Doc) -> None:
    """"a tale that, according to Domingo, is "one of the most beautiful scripts about our
    humanity."", "Josh O'Connor described the film as "old-school Spielberg"", "with TV
    Guide calling it “Netflix’s best YA drama yet,”": a Quotation of the words, by the
    person or publication the sentence names."""
    for s in doc.sentences:
        if not _OPEN_QUOTE.search(s.text):
            continue
        for pattern in _WORDS_OF:
            for m in pattern.finditer(s.text):
                words = m.group("q").strip()
                if is_title_case(words.rstrip(",.")) or any(
                        c.property == "text" and str(c.value).rstrip(",") == words.rstrip(",")
                        for c in doc.found.values()):
                    continue
                name = doc.trim(m.group("who"))
                speaker = _speaker(doc, m.group("who"), None, m.group(0))
                if pattern is _WORDS_OF[0] and speaker is not None and \
                        not is_a(doc.type_of(speaker), "Person"):
                    continue  # "according to Deadline, follows “…”": a report, not words said
                if speaker is None and pattern is not _WORDS_OF[0] and \
                        guess_type(name) == "NewsMediaOrganization":
                    speaker = doc.lookup(name) or doc.entity(
                        name, "NewsMediaOrganization", "words-of", m.group(0))
                if speaker is None:
                    continue
                n = 1 + sum(1 for c in doc.found.values() if c.property == "spokenBy"
                            and c.object == speaker)
                qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                                  f"{doc.name_of(speaker)}, quoted", "words-of", m.group(0))
                doc.add(qid, "text", m.group("q"), s.start + m.start("q"), "words-of", 0.55,
                        value=words.rstrip(","))
                doc.add(qid, "spokenBy", m.group(0), s.start + m.start(), "words-of", 0.5,
                        obj=speaker)


#: A quotation in single quotation marks, as British papers print them: an apostrophe
#: inside a word ("it's") does not close it.
_SINGLE = r"(?<![\w'‘’])['‘](?P<q>[A-Z](?:[^'‘’\n\"“”]|(?<=\w)['’](?=\w)){11,}?)['’](?![\w'’])"
_SINGLE_AFTER = re.compile(rf"{_SINGLE},? (?P<who>{NAME}|he|she) {_SAY}\b(?: (?P<to>{NAME}))?")
_SINGLE_ALONE = re.compile(rf"^{_SINGLE}$")
#: "Reflecting on the tough past year, she added: 'I was fortunate …'": the speaker and a
#: colon before words in single quotation marks that end the paragraph.
_SINGLE_BEFORE = re.compile(rf"(?:^|, )(?P<who>{NAME}|[Hh]e|[Ss]he) (?:also )?{_SAY}: "
                            rf"{_SINGLE}$")


def _subject_in_paragraph(doc: Doc, s: Sentence) -> str | None:
    """The person the sentence before ``s``, in its paragraph, is about, if any."""
    before = [x for x in doc.sentences if x.end <= s.start]
    if not before or not _same_paragraph(doc, before[-1], s):
        return None
    found = _subject_before(doc, s.start)
    name = doc.name_of(found) if found else ""
    return found if name and any(word in before[-1].text for word in (
        name, name.split()[-1], name.split()[0])) else None


#: A name after a comparison word: "like Rampling,", "unlike Miller,", "as with Moss,".
_COMPARED_WITH = re.compile(r"\b(?:[Ll]ike|[Uu]nlike|[Aa]s with) $")


def _subject_before(doc: Doc, pos: int) -> str | None:
    """Who "he" at ``pos`` is: the first person the sentence before names other than in a
    possessive ("Bruce Miller, the show's showrunner, reassured fans that Moss' character
    will be OK"), else the person named last."""
    before = [x for x in doc.sentences if x.end <= pos]
    if before:
        s = before[-1]
        people = [e for e in doc.new if is_a(doc.type_of(e), "Person")] + [
            mn.entity for mn in doc.out.mentions if is_a(doc.type_of(mn.entity), "Person")]
        best: tuple[int, str] | None = None
        for person in dict.fromkeys(people):
            name = doc.name_of(person)
            for word in dict.fromkeys((name, name.split()[-1], name.split()[0])):
                at = s.text.find(word)
                if at >= 0 and _COMPARED_WITH.search(s.text, 0, at):
                    # "And, like Rampling, Haigh doesn't let the audience in …": the one
                    # compared with is not whom the sentence is about
                    at = s.text.find(word, at + len(word))
                if at >= 0 and not re.match(r"[’']", s.text[at + len(word):at + len(word) + 1]):
                    best = min(best or (at, person), (at, person))
                    break
        if best is not None:
            return best[1]
    return doc.last_person(pos)


def single_quotes(doc: Doc) -> None:
    """"'The show exists because June survived,' he told The Hollywood Reporter." and the
    paragraph of his words in single quotation marks after it: quotations printed the
    British way, where the text has no double quotation marks around them; also after
    their attribution and a colon ("Reflecting on the tough past year, she added: 'I was
    fortunate in that I was due for a moment's breath, …'")."""
    counts: dict[str, int] = {}
    last: tuple[str, str | None, str, int] | None = None
    for para in doc.paragraphs:
        text = para.text.strip()
        if '"' in text or "“" in text:
            last = None
            continue
        m = _SINGLE_AFTER.match(text) or _SINGLE_BEFORE.search(text)
        alone = _SINGLE_ALONE.match(text) if m is None else None
        if m is None and (alone is None or last is None):
            last = None
            continue
        start = para.start + (len(para.text) - len(para.text.lstrip()))
        if m is not None:
            who = m.group("who")
            speaker = _subject_before(doc, start) if who.lower() in ("he", "she") else \
                _speaker(doc, who, None, m.group(0))
            if speaker is None or _posted(doc, m.group("q")) or (
                    m.re is _SINGLE_BEFORE and is_title_case(m.group("q"))):
                last = None  # "she added: 'Mare of Easttown'": a title, not words said
                continue
            to = m.groupdict().get("to")
            org = doc.lookup(to) if to else None
            if to and org is None and guess_type(to) in ("NewsMediaOrganization",
                                                         "Organization"):
                org = doc.entity(to, "NewsMediaOrganization", "told", m.group(0))
            last = (speaker, org if org and is_a(doc.type_of(org), "Organization") else None,
                    m.group(0), start)
            words, rule = m.group("q"), "single-quote"
            q_at = start + m.start("q")
        else:
            assert alone is not None and last is not None
            words, rule = alone.group("q"), "single-quote-continued"
            q_at = start + alone.start("q")
        # the words go on: who said them and to whom is in the attribution before
        speaker, org, quote, at = last
        n = counts.get(speaker, 0) + 1
        while f"{_quote_base(doc, speaker)}-quote-{n}" in doc.new:
            n += 1
        counts[speaker] = n
        qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                          f"{doc.name_of(speaker)}, quoted", rule, quote)
        doc.add(qid, "text", words, q_at, rule, 0.65, value=words.strip().rstrip(","))
        doc.add(qid, "spokenBy", quote, at, rule, 0.7 if m is not None else 0.55,
                obj=speaker)
        if org is not None:
            doc.add(qid, "reportedBy", quote, at, rule, 0.6 if m is not None else 0.5, obj=org)


_ORG_WORDS = (r"(?:company|studio|network|streamer|broadcaster|channel|platform|"
              r"streaming (?:service|giant|platform))")
_PAPERS = r"(?:report|statement|study|analysis|survey|press release|announcement)"
#: "“…,” the company said in a statement", "“…,” the British Broadcasting Corporation
#: announced on Wednesday", "“…,” read the report", "“…,” the statement reads", "“…,” it
#: said."
_ORG_AFTER = re.compile(
    rf"{_QUOTED},? (?:the (?P<kind>{_ORG_WORDS}) (?:{_SAY}|announced)|the (?P<who>{NAME}) "
    rf"(?:{_SAY}|announced)|(?P<named>{NAME}) announced|(?:read|reads) the (?P<paper>{_PAPERS})|"
    rf"the (?P<paper2>{_PAPERS}) (?:reads?|said|says|states|stated|added|adds)|"
    rf"(?P<it>it) (?:said|says|added|adds|continued|noted|stated))\b")
#: "It added: “Written and adapted by Megan Gallagher …”"
_IT_ADDED = re.compile(rf"^(?:It|The (?:company|report|statement|study|analysis)) "
                       rf"(?:added|adds|said|says|continued|went on|noted)[:,] {_QUOTED}")
#: "A press release says, “In Season 3, our Buccaneers are fighting back.”": the words of
#: the company the paragraph named last.
_RELEASE_SAYS = re.compile(rf"(?:^|\. )(?:A|The|In a|In the|Its) (?P<kind>press release|"
                           rf"statement|release|announcement) (?:says|said|reads|read|added|"
                           rf"stated|states)[:,] {_QUOTED}")
#: "Media content tracker Ampere released an analysis": the report's author.
_RELEASED = re.compile(rf"(?P<o>{NAME}) (?:has |have )?(?:released|published|issued|put out) "
                       rf"(?:an? |its |their )?(?:new |latest )?(?:[a-z-]+ )?{_PAPERS}\b")

#: "Media content tracker Ampere": a company, by the words before its name.
_FIRM = re.compile(r"\b(?:company|firm|tracker|group|agency|analytics|research|researcher|"
                   r"studio|network|outfit|service|platform|giant)\s+$")


def _organization_at(doc: Doc, name: str, quote: str, cued: bool = False) -> str | None:
    """The company ``name`` names; ``cued``: the text says it is one ("the British
    Broadcasting Corporation announced", "Media content tracker Ampere"), whatever the
    name looks like."""
    found = doc.lookup(name)
    kind = doc.type_of(found) if found else guess_type(name)
    if found is None and cued and (kind is None or is_a(kind, "Person")):
        kind = "Organization"
    if kind is None or not is_a(kind, "Organization") or is_a(kind, "NewsMediaOrganization"):
        return None
    return found or doc.entity(name, kind, "stated-by-organization", quote)


def _last_organization(doc: Doc, pos: int) -> str | None:
    """The company named last before ``pos`` (not a publication), known or new: who "the
    company" or "the streamer" is ("'Amazon Prime Video' announced that they decided to
    renew … "…," the streamer said in a release")."""
    best: tuple[int, str] | None = None
    for mn in doc.out.mentions:
        kind = doc.type_of(mn.entity)
        if mn.start < pos and is_a(kind, "Organization") and \
                not is_a(kind, "NewsMediaOrganization"):
            best = max(best or (mn.start, mn.entity), (mn.start, mn.entity))
    for entity_id, e in doc.new.items():
        if is_a(e.type, "Organization") and not is_a(e.type, "NewsMediaOrganization"):
            places = [at for at in word_at(doc.text, e.name) if at < pos]
            if places:
                best = max(best or (places[-1], entity_id), (places[-1], entity_id))
    return best[1] if best else None


def _paragraph_organization(doc: Doc, s: Sentence) -> str | None:
    """The company the paragraph of ``s`` opens with: "Apple TV+ has renewed its period
    drama The Buccaneers … A press release says, “…”"."""
    para = doc.paragraph_at(s.start, 1)
    m = re.match(rf"(?P<o>{NAME}) (?:has |have |had )?[a-z]+(?:ed|s)\b", para.text) \
        if para is not None else None
    if m is None:
        return None
    found = doc.lookup(m.group("o"))
    kind = doc.type_of(found)
    return found if found is not None and is_a(kind, "Organization") and \
        not is_a(kind, "NewsMediaOrganization") else None


_BOTH = re.compile(rf"(?P<a>{NAME}) and (?:[a-z-]+ ){{0,5}}?(?P<b>{NAME}) (?:both|jointly|"
                   rf"together) (?:[a-z]+ )?(?:shared|said|expressed|issued|released|wrote)\b")


def _joint(doc: Doc, s: Sentence) -> list[tuple[str, str, int]]:
    """The two people the sentence before ``s`` says spoke together ("Rogers and director
    and executive producer Alan Poul both shared their desire …:"), with that quote."""
    before = [x for x in doc.sentences if x.end <= s.start][-1:]
    m = _BOTH.search(before[0].text) if before else None
    if m is None:
        return []
    people = []
    for name in (m.group("a"), m.group("b")):
        found = doc.lookup(doc.trim(name)) or _person_called(doc, doc.trim(name))
        if found is None or not is_a(doc.type_of(found), "Person"):
            return []
        people.append((found, m.group(0), before[0].start + m.start()))
    return people


def organization_statements(doc: Doc) -> None:
    """"“The vacation is over. 'Money Heist returns July 19,” the company said in a
    statement.", "“BBC’s upcoming crime thriller series, Wolf, is based on …,” the British
    Broadcasting Corporation announced", "It added: “…”", "“…,” read the report" (of the
    company that released it), "A press release says, “…”" (of the company named last): a
    Quotation spoken by a company, not by a person."""
    said = {str(c.value).casefold() for c in doc.found.values()
            if c.property == "text" and doc.type_of(c.subject) == "Quotation"}
    last: str | None = None
    for s in doc.sentences:
        for m in (*_ORG_AFTER.finditer(s.text), *_IT_ADDED.finditer(s.text),
                  *_RELEASE_SAYS.finditer(s.text)):
            text = m.group("q").strip().rstrip(",")
            if len(text.split()) < 3 or text.casefold() in said or _posted(doc, text):
                continue
            pos = s.start + m.start()
            groups = m.groupdict()
            speaker: str | None = None
            if groups.get("who") or groups.get("named"):
                speaker = _organization_at(doc, groups.get("who") or groups["named"],
                                           m.group(0), cued=bool(groups.get("who")))
            elif groups.get("kind"):
                speaker = _last_organization(doc, pos) or _paragraph_organization(doc, s)
            elif (groups.get("paper") or groups.get("paper2")) and _joint(doc, s):
                # "Rogers and … Alan Poul both shared their desire …: “…,” the statement
                # reads": a statement of them both
                joint = _joint(doc, s)
                said.add(text.casefold())
                first = joint[0][0]
                n = 1
                while f"{_quote_base(doc, first)}-quote-{n}" in doc.new:
                    n += 1
                qid = doc.derived(f"{_quote_base(doc, first)}-quote-{n}", "Quotation",
                                  f"{doc.name_of(first)}, quoted", "joint-statement",
                                  m.group(0))
                doc.add(qid, "text", m.group("q"), s.start + m.start("q"), "joint-statement",
                        0.55, value=text)
                for person, quote, at in joint:
                    doc.add(qid, "spokenBy", quote, at, "joint-statement", 0.55, obj=person)
                continue
            elif groups.get("paper") or groups.get("paper2"):
                authors = list(_RELEASED.finditer(doc.text[:pos]))
                speaker = _organization_at(doc, authors[-1].group("o"), authors[-1].group(0),
                                           cued=bool(re.search(
                                               _FIRM, doc.text[:authors[-1].start()]))) \
                    if authors else None
            else:  # "it said", "It added:": the company quoted just before
                speaker = last
            if speaker is None:
                continue
            last = speaker
            said.add(text.casefold())
            n = 1
            while f"{_quote_base(doc, speaker)}-quote-{n}" in doc.new:
                n += 1
            qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                              f"{doc.name_of(speaker)}, quoted", "organization-statement",
                              m.group(0))
            doc.add(qid, "text", m.group("q"), s.start + m.start("q"),
                    "organization-statement", 0.6, value=text)
            doc.add(qid, "spokenBy", m.group(0), pos, "organization-statement", 0.6,
                    obj=speaker)


#: "Andres: Yea, Robotech is a longer shot." — a turn of an interview transcript.
_TURN = re.compile(r"^\s*[“\"]?(?P<who>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?): "
                   r"(?P<q>[^“”\"]{12,}?)[”\"]?\s*$")


def _person_called(doc: Doc, word: str) -> str | None:
    """The one person named in the article whose name is ``word`` or begins or ends
    with it ("Andres" for Andres Muschietti)."""
    people = {e for e, c in doc.new.items() if is_a(c.type, "Person")} | {
        mn.entity for mn in doc.out.mentions if is_a(doc.type_of(mn.entity), "Person")}
    hits = {p for p in people if word in (doc.name_of(p), doc.name_of(p).split()[0],
                                          doc.name_of(p).split()[-1])}
    return hits.pop() if len(hits) == 1 else None


def transcript(doc: Doc) -> None:
    """"Andres: I’m going to do part two before any other thing. / CinemaBlend: Oh before
    any other thing, before Robotech? / Andres: Yea, Robotech is a longer shot.": in a
    transcript (two turns or more), each turn of a person the article names is a
    Quotation of theirs."""
    turns = [(p, m) for p in doc.paragraphs if (m := _TURN.match(p.text))]
    if len(turns) < 2:
        return
    said = {str(c.value).casefold() for c in doc.found.values()
            if c.property == "text" and doc.type_of(c.subject) == "Quotation"}
    for p, m in turns:
        speaker = _person_called(doc, m.group("who"))
        text = m.group("q").strip()
        if speaker is None or text.casefold() in said or text.endswith("?"):
            continue
        n = 1
        while f"{_quote_base(doc, speaker)}-quote-{n}" in doc.new:
            n += 1
        qid = doc.derived(f"{_quote_base(doc, speaker)}-quote-{n}", "Quotation",
                          f"{doc.name_of(speaker)}, quoted", "transcript", p.text)
        line = p.start + m.start("who")
        doc.add(qid, "text", text, p.start + m.start("q"), "transcript", 0.6, value=text)
        doc.add(qid, "spokenBy", doc.text[line:p.start + m.end("q")], line, "transcript", 0.6,
                obj=speaker)


DOC_RULES = [quotations, quotes_going_on, block_quotes, transcript, single_quotes,
             interview_source, organization_statements, open_quotes, words_of, quotation_about]
