"""The text layer: sentences, names, titles, dates and numbers in news prose.

Everything here is pure functions over strings; :mod:`._doc` builds on it.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "LOWER_IN_TITLES",
    "MONTHS",
    "NAME",
    "NUMBER_WORDS",
    "POSSESSOR",
    "SCALE",
    "STOP",
    "TITLE",
    "TITLE_WORDS",
    "VERB_FORMS",
    "WEEKDAYS",
    "Sentence",
    "is_title_case",
    "number",
    "resolve_date",
    "sentences",
    "shared_surname",
    "slug",
    "strip_possessive",
    "title_cased",
    "unwrap",
    "verbs",
    "word_at",
]

_WORD = r"(?:(?:[A-Z]\.){2,3}(?=\s[A-Z])|\d{1,3}(?:st|nd|rd|th)(?=\s[A-Z][a-z])|(?:Bros|Ltd|Inc|Corp|Jr|Sr|[A-Z][a-z]{0,2})\.(?=\s[A-Z])|[A-Z][\w-]*(?:\.(?:com|net|org|co|au|uk|tv))+(?![\w.])|[A-Z][\w’'-]*\w\+?|[A-Z]\.?(?=\s[A-Z])|[A-Z])"
#: A capitalized name: "Pedro Pascal", "JJ Dashnaw", "Ms. Granada", "J. J. Abrams",
#: "Tech-No", "20th Century Studios", a site by its address ("News.com.au").
NAME = rf"{_WORD}(?:\s{_WORD})*"
#: Whose something is: "Dick Wolf’s", "Lifetime's", "NBC’s", "Williams’" (and "Amazon Prime
#: Video‘s", the wrong quotation mark).
POSSESSOR = r"[A-Z][\w&+.-]*(?:\s[A-Z][\w&+.-]*)*(?:[’'‘]s(?=\s)|(?<=s)[’'](?=\s))"
#: A quoted title, with the closing quote possibly after a comma or full stop; an
#: apostrophe inside a word does not close it (‘The Queen’s Gambit’), one before the
#: possessive's closing quotation mark does (“The Walking Dead’s”); an opening one typed
#: where the closing one belongs closes it before a space (‘IT 2‘ was).
TITLE = r"[\"“'‘](?P<t>[A-Z0-9][^\"“”\n]*?)[,.]?(?:[\"”'’]|‘(?=[\s,.]))(?!(?!s[”\"])[^\W\d_])"
#: A title in running text: capitalized words, small words inside, a colon and a
#: subtitle, numbers ("The Adventures of Sharkboy and Lavagirl", "Alita: Battle Angel",
#: "Bad Boys 4", "Spy Kids 2: Island of Lost Dreams", "High School Musical: The Musical:
#: The Series", "Chip ‘N Dale: Park Life", "The Marvelous Mrs. Maisel").
_TW = (r"(?:(?:Mrs?|Ms|Dr|St|Jr)\.(?=\s[A-Z])|[A-Z0-9][\w’'&.-]*[\w’'&+]|[A-Z0-9]\+?|[IVX]+|"
       r"[‘’'][A-Z](?=\s))")
_SMALL = r"(?:of|the|a|an|and|in|on|to|for|at|with|from|by|vs\.?|v\.?|&|de|la|or)"
#: A plain title as a list or a bracket gives it: "The Two Popes", "Summer of 85", "1917".
TITLE_SHAPE = r"[A-Z0-9][\w’'&:!.-]*(?: [\w’'&:!.-]+){0,7}"
TITLE_WORDS = (rf"{_TW}(?:(?:\s{_SMALL})*\s{_TW})*"
               rf"(?::\s(?:{_SMALL}\s)?{_TW}(?:(?:\s{_SMALL})*\s{_TW})*){{0,2}}")

#: The verbs the rules read, each with its forms: "s" (plays), "ed" (played, and the
#: participle where it differs: "taken"), "base" (play), "ing" (playing). One lexicon, so
#: that the rules for cast, crew and titles name a verb the same way.
VERB_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "star": {"s": ("stars",), "ed": ("starred",), "base": ("star",), "ing": ("starring",)},
    "play": {"s": ("plays",), "ed": ("played",), "base": ("play",), "ing": ("playing",)},
    "portray": {"s": ("portrays",), "ed": ("portrayed",), "base": ("portray",), "ing": ()},
    "voice": {"s": ("voices",), "ed": ("voiced",), "base": ("voice",), "ing": ()},
    "take": {"s": ("takes",), "ed": ("took", "taken"), "base": ("take",), "ing": ("taking",)},
    "step": {"s": ("steps",), "ed": ("stepped",), "base": ("step",), "ing": ()},
    "write": {"s": (), "ed": ("wrote", "written"), "base": (), "ing": ()},
    "co-write": {"s": (), "ed": ("co-wrote", "co-written"), "base": (), "ing": ()},
    "rewrite": {"s": (), "ed": ("rewrote",), "base": (), "ing": ()},
    "pen": {"s": (), "ed": ("penned",), "base": (), "ing": ()},
    "direct": {"s": (), "ed": ("directed",), "base": (), "ing": ()},
    "co-direct": {"s": (), "ed": ("co-directed",), "base": (), "ing": ()},
    "produce": {"s": (), "ed": ("produced",), "base": (), "ing": ()},
    "create": {"s": (), "ed": ("created",), "base": (), "ing": ()},
    "helm": {"s": (), "ed": ("helmed",), "base": (), "ing": ()},
}


def verbs(*lemmas: str, forms: tuple[str, ...] = ("s", "ed", "base", "ing")) -> str:
    """One alternation of the ``forms`` of the verbs ``lemmas``, in the order given:
    ``verbs("play", "portray", forms=("s", "ed", "ing"))`` is
    ``(?:plays|played|playing|portrays|portrayed)``; the form "past" is the first "ed"
    form ("wrote"), "pp" the last ("written")."""
    out: list[str] = []
    for lemma in lemmas:
        for form in forms:
            ed = VERB_FORMS[lemma]["ed"]
            out.extend(ed[:1] if form == "past" else ed[-1:] if form == "pp" else
                       VERB_FORMS[lemma][form])
    return "(?:" + "|".join(out) + ")"


MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
                "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
         "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
#: Words that start sentences or stand for someone: never a name on their own, and
#: never the first word of one.
STOP = {"The", "A", "An", "And", "But", "Or", "It", "Its", "It's", "He", "She", "They",
        "We", "I", "In", "On", "At", "As", "For", "From", "To", "Of", "By", "With", "This",
        "That", "These", "Those", "Not", "Both", "Aside", "According", "You", "Read", "Why",
        "So", "Screen", "Shot", "Photo", "Below", "Whip-smart", "His", "Her", "Their", "Our",
        "My", "Your", "Christmas", "Day", "Dec", "Jan", "Top", "Stories", "Heroics",
        "Headquarters", "If", "When", "While", "After", "Before", "Also", "Then", "There",
        "Here", "What", "Who", "How", "Ms", "Mr", "Mrs", "Sequel", "Where", "Which", "Now",
        "Yet", "Still", "Though", "Although", "Just", "Even", "Only", "All", "Some", "Every",
        "Each", "Many", "More", "Most", "Other", "Another", "One", "Two", "Three", "Like",
        "Meanwhile", "However", "Plus", "Over", "Under", "Since", "During", "Despite",
        "Per", "Via", "Through", "Into", "About", "Upon", "Against", "Among", "Without",
        "Within", "Because", "Until", "Once", "Last", "Next", "New", "Earlier", "Later",
        "Today", "Tonight", "Tomorrow", "Yesterday", "Season", "Episode", "Part", "Chapter",
        "Netflix's", "Don't", "Can't", "I'm", "I’m", "It’s", "He's", "She's", "They're",
        "We're", "You're", "That's", "There's", "Here's", "What's", "Let's", "Ah", "Oh",
        "Yes", "No", "Well", "Hey", "Mr.", "Ms.", "Mrs.", "Dr.", "Sr.", "Jr.", "Is", "Are",
        "Was", "Were", "Will", "Would", "Can", "Could", "Should", "Did", "Does", "Do", "Has",
        "Have", "Had", "Be", "See", "Watch", "Check", "Get", "Let", "Make", "Take", "Find",
        "Look", "Stay", "Sign", "Click", "Follow", "Subscribe", "Advertisement", "Related",
        "Image", "Credit", "Courtesy", "Source", "Sources", "Update", "Updated", "Exclusive",
        "Unlike", "Following", "Including", "Starring", "Directed", "Written", "Produced",
        "Created", "Co-created", "Based", "Adapted", "Inspired", "Filmed",
        "Either", "Neither", "Whether", "Such", "Than", "Amid", "Ahead", "Beyond",
        "Altogether", "Overall", "Indeed", "Instead", "Again", "Already", "Previously",
        "Currently", "Recently", "Originally", "Finally", "Ultimately", "Interestingly",
        "Fans", "Film", "Movie", "Series", "Show", "Reboot", "Trailer", "Teaser",
        "Viewers", "Audiences", "Critics", "Variety", *(w.capitalize() for w in WEEKDAYS),
        *(m.capitalize() for m in MONTHS)} - {"Variety"}

_ABBREVIATIONS = re.compile(
    r"(?:Ms|Mr|Mrs|Dr|Jr|Sr|St|Mt|vs|Inc|Co|Corp|Ltd|No|Vol|Lt|Sgt|Capt|Det|Cpl|Gen|Col|Prof|Rev|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept?|Oct|Nov|Dec|U\.S|U\.K|D\.C|L\.A|(?:[A-Z]\.){0,3}[A-Z])\.")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


#: A line a web page puts between a story's paragraphs to point at another page:
#: "RELATEDClaws Renewed for Season 2 at TNT", "RELATED: …", "READ MORE: …", "Launch Gallery".
_LINK_LINE = re.compile(r"^[ \t]*(?:(?:RELATED|Related|READ MORE|Read More|SEE ALSO|ALSO READ|"
                        r"MORE)(?: ?:|(?=[A-Z]))[^\n]*|(?:Launch|View|See) (?:the )?"
                        r"(?:Gallery|Photos)[ \t]*)$", re.MULTILINE)


def blank_link_lines(text: str) -> str:
    """The text with every link line a web page adds ("RELATEDClaws Renewed for Season 2
    at TNT", "Launch Gallery") made spaces: another page's headline, no part of the story.
    The length is kept, so every offset maps back to the text as published."""
    if "RELATED" not in text and "Related" not in text and "MORE" not in text and \
            "More" not in text and "ALSO" not in text and "Gallery" not in text and \
            "Photos" not in text:
        return text
    return _LINK_LINE.sub(lambda m: " " * len(m.group(0)), text)


def unwrap(text: str) -> str:
    """The text of a hard-wrapped article (wire copy cut into lines of 40 to 80
    characters) with the line breaks inside its sentences made spaces, so that "the
    Tina Fey-created comedy “Unbreakable Kimmy Schmidt”\\nwill premiere on March 6" is one
    sentence; any other text unchanged. The length is kept, so every offset and quote
    maps back to the text as published."""
    lines = text.split("\n")
    full = [line for line in lines if line.strip()]
    if len(full) < 5 or max(len(line) for line in full) > 90 or \
            sum(40 <= len(line) <= 80 for line in full) < 0.6 * len(full):
        return text
    out = list(text)
    at = 0
    for line, after in itertools.pairwise(lines):
        at += len(line)
        if line.strip() and after.strip() and not re.search(r"[.!?:;][”\"’')]?\s*$", line):
            out[at] = " "
        at += 1
    return "".join(out)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(#@0-9])")


_PARAGRAPH = re.compile(r"[^\n]+")


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences (or lines, for text without full stops) with their offsets.

    Initials and abbreviations do not end a sentence: "J. J. Abrams", "Ms. Granada",
    "Dec. 31", "U.S. box office"; nor does a full stop inside a quotation that closes
    later in the paragraph.
    """
    for para in _PARAGRAPH.finditer(text):
        chunk, base = para.group(0), para.start()
        last = 0
        for cut in _SENTENCE_BREAK.finditer(chunk):
            # the word before the stop, after a bracket with no space before it too:
            # "“Thirty-Nine”(No. 5)"
            before = chunk[last:cut.start()].rsplit(" ", 1)[-1].rsplit("(", 1)[-1].lstrip("\"“")
            if _ABBREVIATIONS.fullmatch(before):
                continue
            piece = chunk[last:cut.start() + 1]
            if piece.count("“") > piece.count("”") and "”" in chunk[cut.end():]:
                continue  # inside a quotation: “… in a row now. I must stop, …”
            if chunk[:cut.start() + 1].count('"') % 2 and '"' in chunk[cut.end():]:
                continue  # the same with straight quotation marks
            end = cut.end()
            piece = chunk[last:end].rstrip()
            if piece.strip():
                yield Sentence(piece, base + last)
            last = end
        if chunk[last:].strip():
            yield Sentence(chunk[last:].rstrip(), base + last)


def word_at(text: str, word: str, before: str = "", after: str = "") -> list[int]:
    """Offsets where ``word`` occurs in ``text`` as a whole word: no letter or digit (nor
    any character of ``before`` / ``after``) right before or after it. Plain string search:
    a regular expression per name would be compiled again for every name."""
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        left = text[at - 1] if at else ""
        right = text[end] if end < len(text) else ""
        if not (left.isalnum() or left == "_" or (left and left in before)) and \
                not (right.isalnum() or right == "_" or (right and right in after)):
            found.append(at)
        at = text.find(word, at + 1)
    return found


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def occurrences(text: str, part: str) -> list[int]:
    """Every offset where ``part`` starts in ``text``, overlapping ones too (a plain search:
    no expression compiled for each string looked for)."""
    starts, at = [], text.find(part)
    while at >= 0:
        starts.append(at)
        at = text.find(part, at + 1)
    return starts


def slug(text: str) -> str:
    """"Stellan Skarsgård" -> "stellan-skarsgard", "Paramount+" -> "paramount-plus"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("'s ", "s ").replace("+", " plus ")
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:80].strip("-") or "entity"


_TRAILING_POSSESSIVE = re.compile(r"(?<=\w)[’']s?$")


def strip_possessive(name: str) -> str:
    return _TRAILING_POSSESSIVE.sub("", name.strip()).strip()


_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with", "from",
                "by", "vs", "vs.", "v", "v.", "&", "de", "la", "or", "is", "my", "me", "be", "it",
                "as"}


#: The small words a title writes in lower case after its first word.
LOWER_IN_TITLES = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or",
                             "the", "to", "with"})


def title_cased(text: str) -> str:
    """``text`` written as a title is: "operation finale" -> "Operation Finale", "best
    actor in a supporting role" -> "Best Actor in a Supporting Role"."""
    return " ".join(w if i and w.lower() in LOWER_IN_TITLES else w[:1].upper() + w[1:]
                    for i, w in enumerate(text.split()))


_TITLE_WORD = re.compile(r"[\w’'&+-]+")


def is_title_case(text: str) -> bool:
    """"The Adventures of Sharkboy and Lavagirl" yes; "This year sucks" no."""
    words = _TITLE_WORD.findall(text)
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def number(text: str) -> int | None:
    """"44 million", "2.5 billion", "three", "1,200" as an integer."""
    text = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|[kmb])?", text)
    if m:
        return round(float(m.group(1)) * SCALE.get(m.group(2) or "", 1))
    return NUMBER_WORDS.get(text)


def resolve_date(text: str, base: _dt.date | None) -> str | None:
    """An ISO date for "January 4, 2021", "Jan. 4", "Christmas Day 2020", "Monday",
    "April 2024" (a month: 2024-04), "2002" (a year), resolved against ``base``, the
    article's date; None when it cannot be resolved or is no real day."""
    try:
        return _resolve(text.strip().rstrip(",."), base)
    except ValueError:  # "Dec. 44", "February 30, 2021"
        return None


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    return _MONTH_ABBR.get(word) if len(word) in (3, 4) else None


_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([A-Za-z]+)\.?,? (\d{4})")


def _resolve(text: str, base: _dt.date | None) -> str | None:
    m = _MONTH_DAY_YEAR.fullmatch(text)
    if m and _month(m.group(1)):
        return _dt.date(int(m.group(3)), _month(m.group(1)) or 0, int(m.group(2))).isoformat()
    m = _DAY_MONTH_YEAR.fullmatch(text)
    if m and _month(m.group(2)):  # "26 October 2018", "the 3rd of May, 2021"
        return _dt.date(int(m.group(3)), _month(m.group(2)) or 0, int(m.group(1))).isoformat()
    m = re.fullmatch(r"Christmas Day,? (\d{4})", text, re.IGNORECASE)
    if m:
        return f"{m.group(1)}-12-25"
    m = re.fullmatch(r"([A-Za-z]+)\.?,? (?:of )?(\d{4})", text)
    if m and _month(m.group(1)):
        return f"{m.group(2)}-{_month(m.group(1)):02d}"
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return text
    if base is None:
        return None
    m = re.fullmatch(r"(?P<m>[A-Za-z]+)\.? ?(?P<d>\d{1,2})(?:st|nd|rd|th)?", text) or \
        re.fullmatch(r"(?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<m>[A-Za-z]+)\.?",
                     text)  # "21 August": the day before its month
    if m and _month(m.group("m")):
        month = _month(m.group("m")) or 0
        # Within a few months either side of the article's date.
        candidates = [_dt.date(y, month, int(m.group("d"))) for y in
                      (base.year - 1, base.year, base.year + 1)]
        return min(candidates, key=lambda d: abs((d - base).days)).isoformat()
    alone = MONTHS.get(text.lower())
    if alone:
        # "Season 2 came out in October" (in an article of December 2017): 2017-10, the
        # nearest such month.
        months = [(y, alone) for y in (base.year - 1, base.year, base.year + 1)]
        y, mo = min(months, key=lambda ym: abs((ym[0] - base.year) * 12 + ym[1] - base.month))
        return f"{y}-{mo:02d}"
    if text.lower() in WEEKDAYS:
        back = (base.weekday() - WEEKDAYS.index(text.lower())) % 7
        return (base - _dt.timedelta(days=back or 7)).isoformat()
    if text.lower() in ("today", "this morning"):
        return base.isoformat()
    if text.lower() == "yesterday":
        return (base - _dt.timedelta(days=1)).isoformat()
    return None


def shared_surname(names: list[str]) -> list[str]:
    """"Matt", "Ross Duffer" -> "Matt Duffer", "Ross Duffer": in a list of people, first
    names alone right before a full name share its surname ("Anthony and Joe Russo")."""
    out = list(names)
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1].split()
        if len(out[i].split()) == 1 and out[i][:1].isupper() and len(nxt) == 2 and \
                out[i] not in STOP:
            out[i] = f"{out[i]} {nxt[-1]}"
    return out


#: Who reports a figure or a ranking: "according to Nielsen", "As Netflix stated", "A new
#: report from Deadline revealed that", "Deadline reported that".
SOURCE = (rf"(?:\b(?:As|according to|According to|[Aa] (?:new )?report (?:from|by)|per) "
          rf"(?P<o>{NAME})|(?P<o2>{NAME}) (?:revealed|reported|confirmed) that)")
