"""Festivals and their line-ups: the festival as an Event with its dates, each work it
shows (``workFeatured``) and the premieres it holds."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import FIRST_NAMES, guess_type
from ._text import Sentence

__all__ = ["CREDIT_AFTER", "DOC_RULES", "lineup_titles"]

#: "Cartel Land director Matthew Heineman", "Hacksaw Ridge’s Teresa Palmer": a title that
#: stands for a person's earlier work.
CREDIT_AFTER = re.compile(r"[”\"’']?(?:[’']s [A-Z]| (?:star|director|helmer|actress|actor|"
                          r"filmmaker|creator|co-star|writer|producer)s?\b)")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
_CAP = r"[A-Z][\w’'&.-]*"
#: "the 2023 Cannes Film Festival", "Toronto International Film Festival 2024".
_FESTIVAL = re.compile(rf"(?:(?P<y1>{_YEAR}) )?(?P<n>(?:{_CAP} ){{1,4}}?(?:International )?"
                       rf"(?:Film |Television |TV |Documentary )?Festival|"
                       rf"(?<=the )(?:{_CAP} ){{1,3}}(?:film|documentary) festival)"
                       rf"(?: (?P<y2>{_YEAR}))?")
#: "Sundance 2017 unveils … selections" (a headline): a one-word festival with its year.
_NAME_YEAR = re.compile(rf"^(?P<n>{_CAP}) (?P<y>{_YEAR})\b")
#: Words that say the article is about what a festival will show.
_LINEUP = re.compile(r"\b(?:line-?up|selections?|entries|will (?:world )?premiere|"
                     r"(?:set )?to (?:world )?premiere|world[- ]premier(?:e|es|ing)|"
                     r"(?:will|to) (?:be )?screen(?:ed)?|(?:in|out of) competition|"
                     r"sidebar)\b", re.IGNORECASE)
#: A sentence about an earlier edition or a prize, not the line-up.
_ELSEWHERE = re.compile(r"\b(?:[Ll]ast year|previous(?:ly)? (?:edition|year)|took home|won|"
                        r"wins?|winner|awarded)\b")
_CUE = re.compile(r"\b(?:festival|premier\w*|screen\w*|debut\w*|list|lineup|line-up|"
                  r"selections?|entries|competition|sections?|categor(?:y|ies)|"
                  r"documentar(?:y|ies)|films?|features?)\b", re.IGNORECASE)
#: A work said to premiere or debut (not "a directorial debut": a first film).
_PREMIERE = re.compile(r"\b(?:premier\w*|(?<!directorial )(?<!feature )debut\w*)\b",
                       re.IGNORECASE)
#: A run of days: "May 16-27", "July 6-17", "September 2 through 12", "Jan. 19-29"
#: (month first), "13 to 24 May", "8th September to 18th September", "15 – 25 February
#: 2024" (day first).
_RANGE = (rf"(?:(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|"
          rf"and)\s*(?:(?P<m2>{_MONTH}) )?(?P<d2>\d{{1,2}})\b(?!:)|"
          rf"(?P<e1>\d{{1,2}})(?:st|nd|rd|th)?(?: (?P<n1>{_MONTH}))?\s*(?:-|–|to|through|until|"
          rf"and)\s*(?P<e2>\d{{1,2}})(?:st|nd|rd|th)? (?P<n2>{_MONTH})(?:,? (?P<y>{_YEAR}))?"
          rf"(?![\w-]))")
_DATES = re.compile(rf"\b(?:[Tt]akes? place|[Tt]aking place|[Rr]uns?|will run|[Rr]unning|"
                    rf"will take place|kicks? off|is set for|unspools?|(?:is|will be) held|"
                    rf"held|(?<= )from(?= (?:\S+ ){{1,2}}(?:to|through|until) ))(?: from| on| between)? "
                    rf"{_RANGE}")
#: "here’s what’s screening at this year’s Venice Film Festival, September 2 through 12",
#: "the 74th edition of the Berlin International Film Festival (15 – 25 February 2024)",
#: "The 16th annual Tribeca Film Festival\n\nApril 19-30": the days right after the
#: festival's name (a comma, a bracket or a line between).
_AFTER_NAME = r"(?:,[ \t]*|[ \t]*\([ \t]*|[ \t]*\n\s*)" + _RANGE


def _days(m: re.Match[str]) -> tuple[str, str, str | None]:
    """The first and last day a :data:`_RANGE` match gives ("May 16", "May 27") and the
    year written with it, if any."""
    if m.group("m1"):
        return (f"{m.group('m1')} {m.group('d1')}",
                f"{m.group('m2') or m.group('m1')} {m.group('d2')}", None)
    return (f"{m.group('n1') or m.group('n2')} {m.group('e1')}",
            f"{m.group('n2')} {m.group('e2')}", m.group("y"))


def _festival(doc: Doc) -> tuple[str, str, str | None] | None:
    """The festival a line-up article is about: (name, quote, year), the first written in
    the text, else the one the headline opens with; none in an article without the word
    "festival"."""
    if "_festival" in doc.memo:
        return doc.memo["_festival"]  # type: ignore[return-value]
    found = _find_festival(doc) if "festival" in doc.text.lower() else None
    doc.memo["_festival"] = found
    return found


def _find_festival(doc: Doc) -> tuple[str, str, str | None] | None:
    for m in _FESTIVAL.finditer(doc.text):
        name = re.sub(r"^(?:The|This|Next|Last|At|In) ", "", m.group(0))  # "The Sundance …"
        if _LINEUP.search(doc.text) and not _ELSEWHERE.search(
                _sentence_at(doc, m.start()).text):
            return name, name, m.group("y1") or m.group("y2")
    head = _NAME_YEAR.match(doc.article.title)
    if head and re.search(r"\bfestival\b", doc.text) and (
            _LINEUP.search(doc.article.title) or _LINEUP.search(doc.text)):
        return head.group(0), head.group(0), head.group("y")
    return None


#: A title in title case: capitalized words and the small words between them.
_TITLE_WORDS = (r"(?:[A-Z][\w’'&-]*:?|\d+)(?:(?: (?:of|the|a|an|in|at|to|and|on|for|&|de|du|la|"
                r"le))* (?:[A-Z][\w’'&-]*:?|\d+)){0,7}")
#: "Alexandre Moors’ The Yellow Birds,", "Jiu-liang Wang’s Plastic China,": a filmmaker's
#: film, up to the punctuation or the word that ends it.
_PERSON_TITLE = re.compile(rf"(?P<p>[A-Z][\w-]+(?: [A-Z][\w-]+){{1,2}})[’'](?:s)? "
                           rf"(?:(?:[a-zA-Z]+ )?entry, )?(?P<t>{_TITLE_WORDS})"
                           rf"(?=[,.;]| with\b| from\b| and\b| starring\b| \()")
#: "Last Men In Aleppo from Feras Fayyad and Steen Johannessen", "Ingrid Goes West
#: (pictured)": a title listed with its makers or a picture note.
_TITLE_FROM = re.compile(rf"(?:^|, |\band |\bin )(?P<t>{_TITLE_WORDS})(?= from [A-Z][\w-]+ "
                         rf"[A-Z][\w-]+(?: and [A-Z]| [–-]|[,.])| \(pictured\)|"
                         rf" from [^.;]{{3,60}}? (?:director|star|creator|helmer) [A-Z])")
#: "They are Woodstock: Three Days That Defined a Generation (pictured)": a title with its
#: picture note.
_PICTURED = re.compile(rf"(?P<t>{_TITLE_WORDS}) \(pictured\)")
#: "Rooney Mara in A Ghost Story,", "the late Anton Yelchin in Thoroughbred.": a star in a
#: film of the line-up.
_STAR_IN = re.compile(rf"\b[A-Z][\w-]+ [A-Z][\w-]+ in (?P<t>{_TITLE_WORDS})(?=[,.;]| \(|$)")
#: "What’s My Name | Muhammad Ali": a title in two parts.
_PIPED = re.compile(rf"(?P<t>{_TITLE_WORDS} \| {_TITLE_WORDS})")
#: "from Roman Polanski: Wanted And Desired director Marina Zenovich": a maker's earlier
#: film.
_FROM_CREDIT = re.compile(rf"\bfrom (?P<t>{_TITLE_WORDS}) (?:director|star|creator|helmer) [A-Z]")
#: "from Sundance 2016 Joshy director Alex Ross Perry": an earlier edition's film.
_EDITION_CREDIT = (r"\b{own} (?:19|20)\d\d (?P<t>" + _TITLE_WORDS +
                   r")(?= (?:director|star|creator|helmer|filmmaker)s? [A-Z])")


#: "Leave One Day (Partir Un Jour) by Amélie Bonin", "Highest 2 Lowest by Spike Lee",
#: "Annette, dir: Leos Carax (opening night film)", "The Mountain (US) dir. Rick Alverson",
#: "In Between Dying, Hilal Baydarov", "Poor Things; dir. Yorgos Lanthimos", "Snow Leopard.
#: dir: Pema Tseden": a line of a line-up, the title (its original title or its country in
#: brackets) and its director, after "by", "dir:" / "dir." (after a comma, a semicolon or a
#: full stop) or a comma.
_TITLE_BY = re.compile(rf"^[ \t]*(?P<t>{_TITLE_WORDS.replace(':?', '[:,-]?')})"
                       rf"(?: \((?P<o>[^()\n]{{2,60}})\))?(?P<by> by|[,;.]? [Dd]ir(?:\.|:|ector:)|,) "
                       rf"(?P<p>[A-Z][\w’'.-]+(?: (?:de |van |von |da )?[A-Z][\w’'.-]+){{1,2}})"
                       rf"(?: \([^()\n]{{2,40}}\))?[ \t]*$", re.MULTILINE)


_CATEGORY_WORD = re.compile(r"^Best\b|\b(?:Prize|Awards?)$")


def _titles_by(doc: Doc) -> None:
    """A line-up printed one film a line, "<title> (<original title>) by <director>",
    "<title>, dir: <director>", "<title> (<country>) dir. <director>", or "<title>,
    <director>" in a run of three such lines or more: each title a film of the line-up
    (an original title after "by" another name for it, not a character), its director
    kept for :func:`festival_lineup`. Not a line of a cast list ("Ahsoka Tano, Rosario
    Dawson"), nor a name with its post ("Thierry Frémaux, General Delegate")."""
    directed: list[tuple[str, str, str, int]] = []
    lines = list(_TITLE_BY.finditer(doc.text))
    for i, m in enumerate(lines):
        title, person = m.group("t").strip(), m.group("p")
        if not doc.is_person(person) or doc.is_person(title, strict=True) or \
                _CATEGORY_WORD.search(title):
            continue  # "Best Picture; dir. …": a category heading, no film (but a city's
            # name is one: "ROMA (Mexico) dir. Alfonso Cuarón")
        if m.group("by") == "," and not _in_run(doc.text, lines, i):
            continue  # "Ahsoka Tano, Rosario Dawson" alone: a character and her actor
        if m.group("by") == "," and (doc.is_character(title) or (
                doc.is_person(title) and not _film_run(doc, lines, i))):
            continue  # "Sabine Wren, Natasha Liu Bordizzo": a character and her actor (but
            # "Nuevo Orden, Michel Franco", "Dear Comrades, Andrei Konchalovsky" are films
            # in a run whose other titles are no one's names: "Lovers", "Wife of a Spy")
        at = m.start("t")
        covering = doc.work_span_at(at, at + len(title))
        if covering is not None and covering[2] in doc.new and \
                covering[:2] != (at, at + len(title)):
            _drop(doc, covering)  # "Highest 2 Lowest by Spike Lee" read as one title
        work = doc.lookup(title) or doc.entity(title, "Movie", "lineup-title", m.group(0), 0.5)
        if doc.type_of(work) not in ("Movie", "TVSeries"):
            continue
        if doc.work_span_at(at, at + len(title)) is None:
            doc.add_work_span(at, at + len(title), work)
        if m.group("o") and m.group("by") == " by" and doc.lookup(m.group("o")) is None:
            doc.names[m.group("o").lower()] = work  # "(Partir Un Jour)": the same film
        directed.append((work, person, m.group(0).strip(), m.start("t")))
    doc.memo["titles-by"] = directed


def _film_run(doc: Doc, lines: list[re.Match[str]], i: int) -> bool:
    """Whether the run of "<title>, <name>" lines holding line ``i`` lists films: a third
    of its titles or more are no one's name ("Lovers", "Wife of a Spy", "The World to
    Come"), so that "Nuevo Orden, Michel Franco" in it is a film too."""
    back, ahead = _run(doc.text, lines, i)
    titles = [lines[j].group("t").strip() for j in range(back, ahead + 1)]
    return 3 * sum(not doc.is_person(t) for t in titles) >= len(titles)


def _in_run(text: str, lines: list[re.Match[str]], i: int) -> bool:
    """Whether line ``i`` of the "<title>, <name>" lines is one of three or more in a row
    (each the next line of the text)."""
    back, ahead = _run(text, lines, i)
    return ahead - back >= 2


def _run(text: str, lines: list[re.Match[str]], i: int) -> tuple[int, int]:
    """The first and the last line of the run of "<title>, <name>" lines holding line
    ``i``."""
    def next_to(j: int, k: int) -> bool:
        return lines[j].group("by") == "," == lines[k].group("by") and \
            not text[lines[j].end():lines[k].start()].strip()
    back = i
    while back > 0 and next_to(back - 1, back):
        back -= 1
    ahead = i
    while ahead + 1 < len(lines) and next_to(ahead, ahead + 1):
        ahead += 1
    return back, ahead


def lineup_titles(doc: Doc) -> None:
    """In a festival line-up article, the titles it lists without quotes or cue words:
    "Alexandre Moors’ The Yellow Birds", "Cate Shortland’s Berlin Syndrome with …",
    "Last Men In Aleppo from Feras Fayyad and Steen Johannessen", "Ingrid Goes West
    (pictured)" (not a person's name: "Hacksaw Ridge’s Teresa Palmer")."""
    festival = _festival(doc)
    if festival is None:
        return
    _titles_by(doc)
    own = next((w for w in festival[0].split() if not w.isdigit()), festival[0])
    edition = re.compile(_EDITION_CREDIT.replace("{own}", re.escape(own)))
    for s in doc.sentences:
        for pattern in (_PERSON_TITLE, _TITLE_FROM, edition, _FROM_CREDIT, _PICTURED,
                        _PIPED, _STAR_IN):
            for m in pattern.finditer(s.text):
                title = m.group("t")
                from_credit = pattern is _TITLE_FROM and re.match(
                    r" from [^.;]{3,60}? (?:director|star|creator|helmer) [A-Z]",
                    s.text[m.end():]) is not None
                if (pattern is _TITLE_FROM and not from_credit) or pattern is _PICTURED:
                    # ", Aubrey Plaza and Elizabeth Olsen in Ingrid Goes West"
                    title = re.split(r" (?:in|and) ", title)[-1]
                elif pattern is _PERSON_TITLE and guess_type(m.group("p")) != "Person":
                    continue
                if pattern is _FROM_CREDIT and re.search(r"\b(?:19|20)\d\d\b", title):
                    continue  # "from Sundance 2016 Joshy director …": the edition's pattern
                if not re.search(r"[A-Za-z]", title):
                    continue  # "Blue Caprice in 2013": a year
                words = title.split()
                if len(title) < 3 or (words[0].lower() in FIRST_NAMES and len(words) <= 3) or (
                        doc.lookup(title) and doc.is_person(title)):
                    continue  # "Hacksaw Ridge’s Teresa Palmer": a person
                if re.search(r"\b(?:Festival|Competition|Awards?|Prize|Cinema|Section|NEXT|"
                             r"US|UK)\b", title):
                    continue
                found = doc.lookup(title)
                at = s.start + m.start("t") + m.group("t").rfind(title)
                if found is not None:
                    if doc.type_of(found) in ("Movie", "TVSeries"):
                        doc.add_work_span(at, at + len(title), found)
                    continue
                if at == s.start and " " not in title:
                    continue  # "Documentaries from the US …": a sentence's first word
                covering = doc.work_span_at(at, at + len(title))
                splits = pattern in (edition, _FROM_CREDIT) or from_credit
                if splits and covering is not None and covering[2] in doc.new and \
                        covering[:2] != (at, at + len(title)):
                    # "Sundance 2016 Joshy", "Water & Power: A California Heist from Roman
                    # Polanski: Wanted And Desired": a title read too long
                    _drop(doc, covering)
                    covering = None
                if covering is None:
                    work = doc.entity(title, "Movie", "lineup-title", m.group(0), 0.5)
                    doc.add_work_span(at, at + len(title), work)


def _drop(doc: Doc, span: tuple[int, int, str]) -> None:
    """Forget a new title read too long (before any rule used it)."""
    doc.work_spans.remove(span)
    if not any(w == span[2] for _a, _b, w in doc.work_spans):
        doc.headings[:] = [h for h in doc.headings if h[1] != span[2]]
        entity = doc.new.pop(span[2])
        if doc.names.get(entity.name.lower()) == span[2]:
            del doc.names[entity.name.lower()]


def _sentence_at(doc: Doc, pos: int) -> Sentence:
    return doc.sentence_at(pos) or Sentence("", pos)


_PERSON = r"[A-Z][\w’'.-]+(?: (?:de |De |van |von )?[A-Z][\w’'.-]+){1,2}"
#: "Tom Cruise will be present at the festival", "French actors Vincent Cassel, Vincent
#: Lindon, Léa Seydoux and Marion Cotillard will also be among those strolling along the
#: red carpet": who attends the festival.
_ATTENDS = re.compile(
    rf"(?P<who>{_PERSON}(?:, {_PERSON})*(?:,? and {_PERSON})?) (?:will (?:also )?be present "
    rf"at the (?:festival|event)|will (?:also )?attend the (?:festival|event)|"
    rf"(?:will (?:also )?be among those )?(?:strolling|walking) (?:along|down|on) the red "
    rf"carpet)")


def _attendees(doc: Doc, event: str) -> None:
    """The people a festival article says will be there (:data:`_ATTENDS`)."""
    for s in doc.sentences:
        for m in _ATTENDS.finditer(s.text):
            quote = m.group(0)
            for name in re.split(r",? and |, ", m.group("who")):
                if not doc.is_person(name):
                    continue
                person = doc.entity(name, "Person", "festival-attendee", quote)
                doc.add(event, "attendee", quote, s.start + m.start(), "festival-attendee",
                        0.55, obj=person)


def festival_lineup(doc: Doc) -> None:
    """"Some films scheduled to premiere at the French event are Martin Scorsese’s
    “Killers of the Flower Moon” …", "The 2023 Cannes Film Festival takes place May
    16-27.": in an article about a festival's line-up, the festival (an Event) with its
    dates, and each work the article names as shown there (not one named only as a
    person's earlier credit, "Blue Ruin star Macon Blair", nor one of a sentence about
    an earlier edition or a prize); a work said to premiere or debut also gets its
    premiere."""
    found = _festival(doc)
    if found is None:
        return
    name, quote, year = found
    event = doc.entity(name, "Event", "festival", quote, 0.6)
    if doc.type_of(event) != "Event":
        return
    # "this year’s Venice Film Festival, September 2 through 12" for "2020 Venice Film
    # Festival": the name with or without its year
    bare = re.sub(rf"^{_YEAR} | {_YEAR}$", "", name)
    after_name = re.compile(re.escape(bare) + rf"(?: {_YEAR})?" + _AFTER_NAME)
    for s in doc.sentences:
        m = _DATES.search(s.text) or after_name.search(s.text)
        para = (doc.paragraph_at(s.start) or s).text
        if m is None and bare in s.text:
            # "The 16th annual Tribeca Film Festival\n\nApril 19-30": the days on the next line
            at = s.start + s.text.index(bare)
            m = after_name.match(doc.text, at, at + len(bare) + 60)
            if m is not None and m.end() > s.start + len(s.text):
                s = Sentence(doc.text[s.start:m.end()], s.start)
                m = after_name.search(s.text)
        if m and (name.lower() in para.lower() or "festival" in s.text.lower()):
            # "…, Cannes Film Festival 2025, is rapidly approaching. The grand event will
            # take place from May 13 to 24": the paragraph names the festival
            # The festival's year, else the one the article's date gives the first day.
            first_day, last_day, written = _days(m)
            year = year or written
            first = doc.date(first_day + (f", {year}" if year else ""))
            year = year or (first[:4] if first else None)
            last = doc.date(f"{last_day}, {year}")
            if first and last and first <= last:
                doc.add(event, "startDate", s.text, s.start, "festival-dates", 0.65,
                        value=first)
                doc.add(event, "endDate", s.text, s.start, "festival-dates", 0.65,
                        value=last)
    opened = next((str(c.value) for c in doc.found.values()
                   if c.subject == event and c.property == "startDate"), None)
    if opened is None and year and year in quote:
        # "which world premiered at the 2019 Sundance Film Festival": the year the
        # festival's name gives, when the article gives no days
        opened = year
        # right once in three over the ten sets: below the default floor
        doc.add(event, "startDate", quote, doc.text.find(quote), "festival-year", 0.4,
                value=year)
    _attendees(doc, event)
    listed = set()
    directed = doc.memo.get("titles-by")
    for work, person, line, at in directed if isinstance(directed, list) else []:
        listed.add(work)
        director = doc.entity(person, "Person", "lineup-by", line)
        doc.add(work, "director", line, at, "lineup-by", 0.6, obj=director)
    # "marking the director’s return to Sundance": the festival's own name is a cue.
    own = next((w for w in name.split() if not w.isdigit()), name)
    for s in doc.sentences:
        cued = bool(_CUE.search(s.text) or own in s.text)
        end = s.start + len(s.text)
        # "the Golden Lion Award, which last year went to Alfonso Cuarón's Roma, include: …":
        # the clause about an earlier edition or a prize, not the sentence, is left out
        elsewhere = [_clause(s, m) for m in _ELSEWHERE.finditer(s.text)]
        for a, b, work in doc.works_in_spans(s.start, end):
            if any(x <= a < y for x, y in elsewhere):
                continue
            if doc.name_of(work).lower() in _SECTIONS:
                continue  # "Rose Glass will present A24’s Midnight selection": a section
            if CREDIT_AFTER.match(doc.text, b) or re.search(
                    r"\b(?:after|since|from)\s+[“\"‘']?$", doc.text[max(s.start, a - 8):a]) \
                    or _EARLIER_CREDIT.search(doc.text, max(s.start, a - 60), a) or \
                    _elsewhere_festival(doc, b, name):
                continue
            close = b + 2 if doc.text[b:b + 1] in ",." and doc.text[b + 1:b + 2] in "”\"’" \
                else b + 1 if doc.text[b:b + 1] in "”\"’" else b
            quote = doc.text[s.start:close]
            confidence = 0.6 if _LINEUP.search(s.text) or "festival" in s.text.lower() \
                or work in listed else 0.5 if cued else 0.45
            doc.add(event, "workFeatured", quote, s.start, "festival-lineup", confidence,
                    obj=work)
            if _PREMIERE.search(s.text):
                premiere = doc.derived(f"{work}-premiere", "Premiere",
                                       f"Premiere of {doc.name_of(work)} at {name}",
                                       "festival-premiere", quote)
                doc.add(premiere, "workFeatured", quote, s.start, "festival-premiere", 0.5,
                        obj=work)
                named = s.text.find(name) if name in s.text else \
                    s.text.find(year) if year and year in s.text else -1
                if opened is not None and named >= 0:
                    # premiered at the festival the sentence names: in its year
                    at = min(a, s.start + named)
                    said = doc.text[at:max(close, s.start + named + len(name))]
                    doc.add(premiere, "startDate", said, at, "festival-premiere", 0.5,
                            value=opened[:4])


#: A work named as someone's earlier or other work, not as one the festival shows: "the
#: UK auteur’s last film Peterloo", "his follow-up to Venice 2020 entry Nowhere Special",
#: "his first film since TV miniseries Under The Banner Of Heaven", "Pasolini produced
#: The Full Monty", "were at TIFF two years ago with Stephen Frears’ The Lost King".
_EARLIER_CREDIT = re.compile(
    r"\b(?:follow-?up to|since|produced|(?:last|previous|earlier|prior) (?:film|feature|"
    r"movie|work|picture)|(?:years?|months?) ago with|entry)\b[^,;.:]{0,40}$")
#: Said to have premiered at another festival: "Mr. Turner in 2014 and Another Year in
#: 2010 both premiered in Cannes", "Peterloo debuted in Venice in 2018".
_SHOWN_ELSEWHERE = re.compile(
    r"[”\"’]?,?\s*(?:(?:in|at) (?:19|20)\d\d\s*)?(?:and [^,;]{0,40}?)?"
    r"(?:both |also |had |has |first |originally |previously )?"
    r"(?:premiered|debuted|bowed|screened|played) (?:in|at) (?:the )?(?P<p>[A-Z][\w-]+)")


def _elsewhere_festival(doc: Doc, b: int, name: str) -> bool:
    """Whether the words after a work (ending at ``b``) say it premiered at another
    festival than ``name`` (its own name, any word of it, or its initials)."""
    m = _SHOWN_ELSEWHERE.match(doc.text, b, b + 120)
    if m is None:
        return False
    place = m.group("p")
    words = [w for w in name.split() if not w.isdigit()]
    initials = "".join(w[0] for w in words if w[0].isupper())
    return place not in words and place.upper() not in (initials, initials + "F") and \
        not place.startswith(initials)


def _clause(s: Sentence, m: re.Match[str]) -> tuple[int, int]:
    """Where the clause around ``m`` lies in the text: between the commas or semicolons
    around it, a comma inside a quoted title ("“Triangle of Sadness,” took home")
    included."""
    before = max(s.text.rfind(",", 0, m.start()), s.text.rfind(";", 0, m.start()))
    if before > 0 and s.text[before + 1:before + 2] in "”\"’":
        before = max(s.text.rfind(",", 0, before), s.text.rfind(";", 0, before))
    after = min((i for i in (s.text.find(",", m.end()), s.text.find(";", m.end())) if i >= 0),
                default=len(s.text))
    return s.start + before + 1, s.start + after


#: The names festivals give their sections, which read like titles.
_SECTIONS = {"premieres", "midnight", "spotlight", "next", "competition", "panorama",
             "gala", "galas", "showcase", "special presentations", "world cinema",
             "documentary premieres", "out of competition", "horizons", "discovery"}

DOC_RULES = [festival_lineup]
