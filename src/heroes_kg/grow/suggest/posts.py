"""Social media posts: embedded posts ("… pic.twitter.com/… — Name (@handle) January 4,
2021") and posts described in prose ("Rodriguez wrote on Twitter", "shared a photo on
Instagram", "took to Instagram", "said in a Twitter post on Monday")."""

from __future__ import annotations

import re

from ._doc import Doc
from ._names import KNOWN_NAMES, guess_type
from ._terms import is_a
from ._text import NAME, WEEKDAYS, Sentence, word_at

__all__ = ["DOC_RULES", "RULES"]

_PLATFORM = r"(?P<p>Twitter|Instagram|TikTok|Facebook|YouTube|Threads|X|Bluesky)"


def _platform(doc: Doc, name: str, rule: str) -> str:
    return doc.lookup(name) or doc.entity(name, "SocialMediaPlatform", rule, name)


def _post(doc: Doc, author: str, platform: str, text: str, s: Sentence,
          date: str | None = None) -> str:
    kind = "tweet" if platform in ("twitter", "x") else f"{platform}-post"
    if platform == "instagram" and "stor" in s.text.lower():
        kind = "instagram-story"
    topic = "sequel-" if "sequel" in text.lower() else ""
    post_id = f"{doc.short(author)}-{topic}{kind}"
    known_dates = {v for subj, prop, v in doc.curated
                   if subj == post_id and prop == "datePublished"}
    if post_id in doc.known and date is not None and known_dates \
            and date not in known_dates:
        # The graph has a post of that name from another day: this one is another.
        post_id += f"-{date}"
    elif date is not None and date not in (mine := {
            str(c.value) for c in doc.found.values()
            if c.subject == post_id and c.property == "datePublished"}) and mine:
        # "David Jenkins broke the shocking news on Twitter on Friday, June 8" and his
        # tweet of August 28, 2017 embedded below: two posts
        post_id += f"-{date}"
    return doc.derived(post_id, "SocialMediaPosting",
                       f"{doc.name_of(author)} post on {platform.capitalize()}", "post",
                       s.text)


def _signer(doc: Doc, name: str, quote: str) -> str | None:
    """The author a post's signature names when the graph does not know them: a person
    ("Jane Doe") or a company the gazetteers know ("Netflix Film")."""
    name = name.strip()
    words = name.split()
    kind = guess_type(name)
    if any(doc.name_of(w).lower().startswith(name.lower()) for _a, _b, w in doc.work_spans):
        return None  # "— Stranger Things (@Stranger_Things)": a show's own account
    if kind == "Person" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return doc.entity(name, "Person", "post-signature", quote)
    if (kind != "Person" and kind != "NewsMediaOrganization") or name.lower() in KNOWN_NAMES:
        return doc.entity(name, kind, "post-signature", quote)
    return None


def _author_in(doc: Doc, text: str) -> str | None:
    for name in re.findall(NAME, text):
        found = doc.lookup(doc.trim(name))
        if found and (is_a(doc.type_of(found), "Person") or
                      is_a(doc.type_of(found), "Organization")):
            return found
    return None


def _named_last(doc: Doc, pos: int) -> str | None:
    """Who "she" at ``pos`` is: the person named last before it by a name, first name or
    surname that no other person shares ("Anushka is not acting in the show. Sharing it,
    she wrote on Instagram", with Sudip Sharma also in the article)."""
    people = {e for e, c in doc.new.items() if is_a(c.type, "Person")} | {
        mn.entity for mn in doc.out.mentions if is_a(doc.type_of(mn.entity), "Person")}
    words: dict[str, set[str]] = {}
    for person in people:
        name = doc.name_of(person)
        for word in {name, name.split()[0], name.split()[-1]}:
            words.setdefault(word, set()).add(person)
    best: tuple[int, str] | None = None
    for word, who in words.items():
        if len(who) != 1:
            continue
        places = [at for at in word_at(doc.text, word) if at < pos]
        if places:
            best = max(best or (places[-1], ""), (places[-1], next(iter(who))))
    return best[1] if best else None


def _called(doc: Doc, word: str) -> str | None:
    """"Arjun tweeted" after "Ranveer Singh and Arjun Kapoor": the one person named in the
    article whose first or last name is ``word``."""
    if " " in word or not word[:1].isupper():
        return None
    people = {e for e, c in doc.new.items() if is_a(c.type, "Person")} | {
        mn.entity for mn in doc.out.mentions if is_a(doc.type_of(mn.entity), "Person")}
    hits = {p for p in people if " " in doc.name_of(p) and word in (
        doc.name_of(p).split()[0], doc.name_of(p).split()[-1])}
    return hits.pop() if len(hits) == 1 else None


_POST_ON_WEEKDAY = re.compile(rf"{_PLATFORM} post on (?P<d>{'|'.join(WEEKDAYS)})", re.IGNORECASE)


def rule_post_on_weekday(doc: Doc, s: Sentence) -> None:
    """"Netflix said in a Twitter post on Monday": the day resolved against the article
    date."""
    m = _POST_ON_WEEKDAY.search(s.text)
    if not m:
        return
    date = doc.date(m.group("d"))
    author = _author_in(doc, s.text[:m.start()])
    if author is None or date is None:
        return
    platform_name = m.group("p").capitalize()
    platform = _platform(doc, platform_name, "post-on-weekday")
    post = _post(doc, author, platform_name.lower(), s.text, s, date)
    doc.add(post, "author", s.text, s.start, "post-on-weekday", 0.6, obj=author)
    doc.add(post, "platform", m.group(0), s.start + m.start(), "post-on-weekday", 0.7,
            obj=platform)
    doc.add(post, "datePublished", m.group(0), s.start + m.start(), "post-on-weekday",
            0.6, value=date)


_POST_TEXT = re.compile(r"[^“\".]{0,60}?(?:,? (?:writing|captioning (?:it|the (?:post|photo|"
                        r"video))|adding|saying))?[:,]?\s*[“\"](?P<t>[^”\"]{8,})[”\"]")


def _prose_post(apposed: str = "") -> re.Pattern[str]:
    """A post described in prose; ``apposed`` may stand between a name and "tweeted"."""
    return re.compile(
        rf"(?P<who>{NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]he (?:[\w-]+ ){{0,2}}(?:star|actor|actress|"
        rf"director|filmmaker|singer|producer))(?:, who [^,]{{3,60}},)? (?:has |have |had )?"
        rf"(?:also |recently |later |even |just |then |first |once )?(?:wrote|posted|shared|"
        rf"announced|revealed|said|confirmed|teased|celebrated|replied|responded|reacted|"
        rf"broke(?= the (?:[\w-]+ )?news))(?: [\w ,'’“”\"-]{{0,90}}?)?"
        rf" (?:on|to|via) (?:(?:his|her|their|its) )?{_PLATFORM}\b|"
        rf"(?P<who2>{NAME}|[Tt]he (?:[\w-]+ ){{0,3}}(?:star|actor|actress|director|"
        rf"filmmaker|singer|producer)),? (?:also |recently |later )?took to "
        rf"(?:(?:his|her|their|its) )?{_PLATFORM.replace('?P<p>', '?P<p2>')}\b|"
        rf"\b(?:[Aa]n?|[Tt]he) (?:[\w-]+ ){{0,2}}?{_PLATFORM.replace('?P<p>', '?P<p4>')} post "
        rf"(?:from|by) (?:[^,.“”\"]{{0,40}}, )?(?P<who5>{NAME})|"
        rf"(?P<who6>{NAME})[’']s {_PLATFORM.replace('?P<p>', '?P<p5>')} post\b|"
        rf"\b(?:[Aa]n?|[Tt]he) (?:[\w-]+ ){{0,2}}?tweet (?:from|by) (?P<who7>{NAME})|"
        rf"\b(?:shared|posted|tweeted) by (?P<who8>{NAME}) (?:on|to|via) "
        rf"{_PLATFORM.replace('?P<p>', '?P<p6>')}\b|"
        rf"(?P<who3>{NAME}){apposed} (?:tweeted|retweeted)\b|"
        rf"\b(?:[Aa]n?|[Tt]he) (?:[\w-]+ ){{0,2}}?(?:tweet|post) (?:on|from) (?:the |its |his |her )?"
        rf"(?:official )?(?:[\w-]+ )?(?:handle|account|page|feed) of (?P<who9>{NAME})|"
        rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?:[\w-]+ ){{0,3}}?(?:tribute|message|"
        rf"post|note|letter|statement|caption|photo|video|tweet) (?:posted|shared|"
        rf"published) (?:on|to|via) {_PLATFORM.replace('?P<p>', '?P<p3>')},? "
        rf"(?P<who4>{NAME}) (?:wrote|said|shared|added|explained)\b|"
        rf"\b[Ii]n (?:an?|her|his|their) (?:new |recent |latest )?"
        rf"{_PLATFORM.replace('?P<p>', '?P<p7>')} (?:post|(?P<video>video)|tweet)"
        rf"(?: (?:that|which) [^,“”\"]{{3,60}})?, (?P<who10>{NAME}) (?:thanked|wrote|said|"
        rf"shared|posted|revealed|announced|celebrated|confirmed)\b")


_PROSE_POST = _prose_post()
#: "Ortega, who stars in Wednesday, tweeted": with an apposition before "tweeted".
_PROSE_POST_APPOSED = _prose_post(r"(?:, [^,“”\"]{3,80},)?")


_POST_ON_DAY_CUE = re.compile(r"\bpost on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", re.IGNORECASE)
_INSTAGRAM_STORY = re.compile(r"Instagram Stor")


def rule_prose_post(doc: Doc, s: Sentence) -> None:
    """"Rodriguez wrote on Twitter", "Pascal shared a photo on Instagram", "Chopra took to
    Instagram to celebrate", "the studio tweeted", "He posted the following to Instagram,
    confirming the casting news", "In an Instagram post that quickly reached 1 million
    views, Madelyn Cline thanked fans “…”"; the words posted when the sentence quotes
    them."""
    if _POST_ON_DAY_CUE.search(s.text) or _INSTAGRAM_STORY.search(s.text):
        return
    # the apposition ("Lead star Sy, known for his role in …, tweeted") is tried only
    # where something was tweeted: it is costly to try at every name
    pattern = _PROSE_POST_APPOSED if "tweet" in s.text else _PROSE_POST
    m = pattern.search(s.text)
    if not m:
        return
    who = m.group("who") or m.group("who2") or m.group("who3") or m.group("who4") or \
        m.group("who5") or m.group("who6") or m.group("who7") or m.group("who8") or \
        m.group("who9") or m.group("who10")
    name = doc.trim(who)
    author = doc.lookup(name) or _called(doc, name)
    if author is None and m.group("who9") and is_a(guess_type(name), "Organization"):
        # "A tweet on the official handle of Phantom Films read: …": the company's account
        author = doc.entity(name, guess_type(name), "post-in-prose", m.group(0))
    if author is None and (name.lower() in ("he", "she") or who.lower().startswith("the ")):
        # "He posted the following to Instagram", "The Shang-Chi star took to Twitter"
        author = (_named_last(doc, s.start + m.start()) if name.lower() in ("he", "she")
                  else None) or doc.subject_person(s.start + m.start())
    if author is None:
        if not doc.is_person(name):
            return
        author = doc.entity(name, None, "post-in-prose", m.group(0))
    if not (is_a(doc.type_of(author), "Person") or is_a(doc.type_of(author), "Organization")):
        return
    platform_name = m.group("p") or m.group("p2") or m.group("p3") or m.group("p4") or \
        m.group("p5") or m.group("p6") or m.group("p7") or "Twitter"
    platform = _platform(doc, platform_name, "post-in-prose")
    day = re.search(r"\b[Oo]n (?P<d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                    s.text)
    date = doc.date(day.group("d")) if day else None
    post = _post(doc, author, platform_name.lower(), s.text, s, date)
    year = re.search(r"\b(?:back )?in (?P<y>(?:19|20)\d\d)\b", s.text)
    if (post, "author", author) in doc.found and (year or re.search(r"\banother\b", s.text)):
        # "He even shared another nude photo on Instagram back in 2020": another post
        post = doc.derived(f"{post}-{year.group('y') if year else 2}", "SocialMediaPosting",
                           doc.name_of(post), "post", s.text)
        if year:
            doc.add(post, "datePublished", year.group(0), s.start + year.start(),
                    "post-in-prose", 0.4, value=year.group("y"))
    quote = m.group(0)
    doc.add(post, "author", quote, s.start + m.start(), "post-in-prose", 0.6, obj=author)
    doc.add(post, "platform", quote, s.start + m.start(), "post-in-prose", 0.6, obj=platform)
    if date and day:
        a, b = min(day.start(), m.start()), max(day.end(), m.end())
        doc.add(post, "datePublished", s.text[a:b], s.start + a, "post-in-prose", 0.55,
                value=date)
    said = _POST_TEXT.match(s.text, m.end())
    if said and not m.group("video"):
        # ("In a YouTube video, Hall thanked fans and said, “…”": words spoken in it)
        # "Simu Liu shared the news on Twitter, writing: “So excited to be joining …”"
        text = said.group("t").strip().rstrip(",")
        doc.add(post, "text", said.group("t"), s.start + said.start("t"), "post-in-prose",
                0.6, value=text)
    news = re.search(r"\b(?P<v>confirming|announcing) (?:the|his|her|their) (?:[\w-]+ )?"
                     r"(?:news|casting|role|return)\b", s.text[m.end():])
    if news:
        # "He posted the following to Instagram, confirming the casting news"
        work = doc.work_before(s.start + m.start(), s)
        if work is not None:
            prop = "confirms" if news.group("v") == "confirming" else "announces"
            quote = s.text[m.start():m.end() + news.end()]
            doc.add(post, prop, quote, s.start + m.start(), "post-in-prose", 0.5, obj=work)


def rule_stories(doc: Doc, s: Sentence) -> None:
    """"Priyanka Chopra shared the info to her Instagram Stories which was then shared
    by Pedro Pascal"."""
    if "Instagram Stor" not in s.text:
        return
    m = re.search(r"(?P<who>.*?)\b(?:have |has )?shared (?:the [\w ]+ )?(?:to|in) "
                  r"(?:her|his|their) Instagram Stor(?:y|ies)", s.text)
    if not m:
        return
    platform = _platform(doc, "Instagram", "instagram-story")
    authors = [found for name in re.findall(NAME, m.group("who"))
               if (found := doc.lookup(doc.trim(name))) is not None
               and is_a(doc.type_of(found), "Person")]
    first: str | None = None
    for author in dict.fromkeys(authors):
        post = _post(doc, author, "instagram", "", s)
        first = first or post
        doc.add(post, "author", m.group(0), s.start + m.start(), "instagram-story", 0.7,
                obj=author)
        doc.add(post, "platform", m.group(0), s.start + m.start(), "instagram-story",
                0.7, obj=platform)
    by = re.search(rf"which was then shared by (?P<p>{NAME})", s.text)
    sharer = doc.lookup(by.group("p")) if by else None
    if by and first and sharer:
        post = _post(doc, sharer, "instagram", "", s)
        doc.add(post, "author", by.group(0), s.start + by.start(), "shared-by", 0.6,
                obj=sharer)
        doc.add(post, "platform", s.text, s.start, "shared-by", 0.5, obj=platform)
        doc.add(post, "shares", by.group(0), s.start + by.start(), "shared-by", 0.6,
                obj=first)


_TWEET_EMBED = re.compile(r"^(?P<text>.+?)\s+(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s+"
                          r"(?:— (?P<who>[^(\n]+?) \((?P<h>@\w+)\) |(?P<junk>[^—\n]*?))"
                          r"(?P<d>[A-Z][a-z]+ \d{1,2}, \d{4})$")


def tweet_embed(doc: Doc) -> None:
    """An embedded tweet: "text pic.twitter.com/… — Name (@handle) January 4, 2021".

    Without the "— Name (@handle)" signature the author is the first person the
    paragraph before names (lower confidence)."""
    for index, s in enumerate(doc.paragraphs):
        before = doc.paragraphs[index - 1] if index else None
        m = _TWEET_EMBED.search(s.text)
        if not m:
            continue
        if m.group("h"):
            author = doc.lookup(m.group("h")) or doc.lookup(m.group("who")) or \
                _signer(doc, m.group("who"), s.text)
            confidence = 0.8
        else:
            author, confidence = None, 0.5
            if before is not None:
                for name in re.findall(NAME, before.text):
                    found = doc.lookup(doc.trim(name))
                    if found and is_a(doc.type_of(found), "Person"):
                        author = found
                        break
        if author is None:
            continue
        platform = _platform(doc, "Twitter", "tweet-embed")
        text = m.group("text")
        post = _post(doc, author, "twitter", text, s, doc.date(m.group("d")))
        tail_at = m.start("who") - 2 if m.group("h") else m.start("d")
        tail = s.text[tail_at:m.end()]
        start = s.start + tail_at
        doc.add(post, "author", tail, start, "tweet-embed", confidence, obj=author)
        if m.group("h"):
            doc.add(post, "platform", tail, start, "tweet-embed", 0.6, obj=platform)
            doc.add(author, "accountHandle", tail, start, "tweet-handle", 0.7,
                    value=m.group("h"))
        date = doc.date(m.group("d"))
        if date:
            doc.add(post, "datePublished", tail, start, "tweet-embed", confidence + 0.05,
                    value=date)
        doc.add(post, "text", text, s.start, "tweet-embed", 0.7, value=text)
        if "sequel" in text.lower() and doc.main_film:
            sequel = doc.sequel_of(doc.main_film, s)
            doc.add(post, "confirms", text, s.start, "tweet-sequel", 0.5, obj=sequel)
            if is_a(doc.type_of(author), "Organization"):
                # A company's post about its own coming film is its announcement.
                doc.add(post, "announces", text, s.start, "tweet-sequel", 0.4, obj=sequel)


_CAPTION = re.compile(
    rf"(?:[Tt]aking to|[Ii]n an?|[Oo]n|[Vv]ia) {_PLATFORM}(?: post| story)?,? "
    rf"(?P<who>the (?:[\w-]+ ){{0,3}}?(?:actor|actress|star|director|filmmaker|producer|singer|"
    rf"comedian)|he|she|they|{NAME})\b[^“\"]*?\bcaption:? [“\"](?P<text>[^”\"]+)[”\"]")


def captions(doc: Doc) -> None:
    """"Taking to Instagram, the veteran Rocky actor posted an image of himself and Jordan
    with the caption: “Getting stronger !!! …”": the post, its author and its text."""
    for p in doc.paragraphs:
        for m in _CAPTION.finditer(p.text):
            who = m.group("who")
            author = doc.lookup(who) if who[0].isupper() and not who.startswith("The ") \
                else doc.last_person(p.start + m.start())
            if author is None or not is_a(doc.type_of(author), "Person"):
                continue
            platform_name = m.group("p")
            platform = _platform(doc, platform_name, "caption")
            post = doc.derived(f"{doc.short(author)}-{platform_name.lower()}-post",
                               "SocialMediaPosting",
                               f"{doc.name_of(author)} post on {platform_name}", "caption",
                               p.text)
            start = p.start + m.start()
            doc.add(post, "author", m.group(0), start, "caption", 0.6, obj=author)
            doc.add(post, "platform", m.group(0), start, "caption", 0.65, obj=platform)
            text = m.group("text").strip()
            doc.add(post, "text", text, p.start + m.start("text"), "caption", 0.75,
                    value=text)


_INSTAGRAM_EMBED = re.compile(r"^(?P<text>.+?)\s*A post shared by (?P<who>[^(\n]+?) \((?P<h>@[\w.]+)\)"
                              r"(?: on (?P<d>[A-Z][a-z]+\.? \d{1,2}, \d{4}))?")


def instagram_embed(doc: Doc) -> None:
    """An embedded Instagram post: "Getting stronger !!! 2018 #Creed 2 A post shared by
    Sly Stallone (@officialslystallone) on Sep 1, 2017 at 3:28pm PDT"."""
    for p in doc.paragraphs:
        m = _INSTAGRAM_EMBED.search(p.text)
        if not m:
            continue
        who = m.group("who").strip()
        author = doc.lookup(m.group("h")) or doc.lookup(who)
        by_surname = doc.lookup(who.split()[-1])
        if (author is None or doc.is_guess(author)) and by_surname not in (None, author):
            # "Sly Stallone" for Sylvester Stallone: the surname, in a signature.
            if author is not None and doc.is_guess(author):
                del doc.new[author]
            author = by_surname
        if author is None:
            author = _signer(doc, who, p.text)
        if author is None or not is_a(doc.type_of(author), "Person"):
            continue
        platform = _platform(doc, "Instagram", "instagram-embed")
        date = doc.date(m.group("d")) if m.group("d") else None
        post = doc.derived(f"{doc.short(author)}-instagram-post", "SocialMediaPosting",
                           f"{doc.name_of(author)} post on Instagram", "instagram-embed",
                           p.text)
        tail_at = m.start("who") - len("A post shared by ")
        tail = p.text[tail_at:m.end()]
        start = p.start + tail_at
        doc.add(post, "author", tail, start, "instagram-embed", 0.8, obj=author)
        doc.add(post, "platform", tail, start, "instagram-embed", 0.7, obj=platform)
        doc.add(author, "accountHandle", tail, start, "instagram-handle", 0.7,
                value=m.group("h"))
        if date:
            doc.add(post, "datePublished", tail, start, "instagram-embed", 0.8, value=date)
        text = m.group("text").strip()
        doc.add(post, "text", text, p.start, "instagram-embed", 0.7, value=text)


_FOLLOWERS = re.compile(
    rf"[^.;“”\"]{{0,140}}?\bsharing (?:it |this |the [\w ]{{1,20}} )?with "
    rf"(?:his|her|their|its) (?:[\d,.]+(?: million| thousand|[MmKk])? )?{_PLATFORM} "
    rf"(?:followers|fans)\b")
_POSTED_BY = re.compile(
    rf"\b(?:announced|revealed|confirmed|shared|posted|teased) (?:on|via) {_PLATFORM} "
    rf"by (?P<who>{NAME})")


def rule_post_by_description(doc: Doc, s: Sentence) -> None:
    """"Ryan Murphy just released a major tease for the hit show Pose, sharing with his
    739,000 Instagram followers …", "The announcement the show would have a third season
    was announced on Twitter by Netflix.": a post, its author and platform, described
    without saying "posted on"."""
    if not ("followers" in s.text or "fans" in s.text or " by " in s.text):
        return
    m = _FOLLOWERS.match(s.text) or _POSTED_BY.search(s.text)
    if not m:
        return
    if "who" not in m.groupdict():
        # the person the sentence opens with: "Writer and producer Ryan Murphy just …"
        author = _author_in(doc, s.text[:m.start() + m.group(0).find(" sharing")])
        if author is None:
            return
        name = doc.name_of(author)
    else:
        name = doc.trim(m.group("who"))
        author = doc.lookup(name)
    if author is None:
        if not doc.is_person(name):
            return
        author = doc.entity(name, "Person", "post-described", m.group(0))
    if not (is_a(doc.type_of(author), "Person") or is_a(doc.type_of(author), "Organization")):
        return
    platform = _platform(doc, m.group("p"), "post-described")
    post = _post(doc, author, m.group("p").lower(), s.text, s)
    quote = m.group(0)
    doc.add(post, "author", quote, s.start + m.start(), "post-described", 0.55, obj=author)
    doc.add(post, "platform", quote, s.start + m.start(), "post-described", 0.55,
            obj=platform)


RULES = [rule_post_on_weekday, rule_prose_post, rule_stories, rule_post_by_description]
_CAPTIONED = re.compile(r"\b(?:with the caption|(?:included|includes|added|adds) the following "
                        r"caption|captioned (?:it|the (?:post|photo|video)))[:,]? "
                        r"[“\"](?P<t>[^”\"]{8,})[”\"]")
_QUOTE_FIRST = re.compile(r"^[“\"](?P<t>[^”\"]{8,})[”\"],? ")


def post_text_nearby(doc: Doc) -> None:
    """The words of a post described in prose, found next to the description:
    "“Excited to be joining this phenomenal cast …,” Liu tweeted", "Actor James McAvoy
    posted a photo to Instagram on Wednesday … In the photo, he's holding a block of
    cheese …, with the caption “Day 1 on IT 2. …”"."""
    with_text = {c.subject for c in doc.found.values() if c.property == "text"}
    for c in list(doc.found.values()):
        if c.property != "author" or c.subject in with_text or \
                doc.type_of(c.subject) != "SocialMediaPosting":
            continue
        index = doc.sentence_index(c.start, 1)
        if index is None:
            continue
        s = doc.sentences[index]
        first = _QUOTE_FIRST.match(s.text)
        if first and re.search(r"\b(?:tweeted|posted|wrote|captioned)\b",
                               s.text[first.end():first.end() + 60]):
            text = first.group("t").strip().rstrip(",")
            doc.add(c.subject, "text", first.group("t"), s.start + first.start("t"),
                    "post-text-nearby", 0.55, value=text)
            with_text.add(c.subject)
            continue
        for near in doc.sentences[index:index + 3]:
            m = _CAPTIONED.search(near.text)
            if m:
                text = m.group("t").strip().rstrip(",")
                doc.add(c.subject, "text", m.group("t"), near.start + m.start("t"),
                        "post-text-nearby", 0.55, value=text)
                with_text.add(c.subject)
                break


#: "Baldwin ended his post by calling the wrapping of the film, “Nothing less than a
#: miracle.”": words of the post of the person named.
_POST_ENDS = re.compile(
    r"(?P<who>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}|[Hh]e|[Ss]he) (?:ended|began|closed|"
    r"concluded|started|opened|signed off|finished) (?:his|her|their|the) (?:post|caption|"
    r"tweet|message|statement on [A-Z]\w+)\b[^“\".;]{0,80}?[“\"](?P<t>[^“”\"]{8,})[”\"]")


def post_clauses(doc: Doc) -> None:
    """"Baldwin ended his post by calling the wrapping of the film, “Nothing less than a
    miracle.”": more words of the post the article has by that person."""
    for s in doc.sentences:
        m = _POST_ENDS.search(s.text) if "post" in s.text or "caption" in s.text or \
            "tweet" in s.text else None
        if m is None:
            continue
        who = m.group("who")
        person = doc.last_person(s.start + m.start()) if who.lower() in ("he", "she") else \
            (doc.lookup(who) or _called(doc, who))
        posts = [c.subject for c in doc.found.values() if c.property == "author"
                 and c.object == person and doc.type_of(c.subject) == "SocialMediaPosting"
                 and c.start < s.start]
        if person is None or len(set(posts)) != 1:
            continue
        text = m.group("t").strip().rstrip(",")
        doc.add(posts[0], "text", m.group("t"), s.start + m.start("t"), "post-clause", 0.55,
                value=text)


DOC_RULES = [tweet_embed, captions, instagram_embed, post_text_nearby, post_clauses]
