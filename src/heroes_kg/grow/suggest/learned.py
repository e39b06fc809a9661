"""A learned relation layer: every pair of mentions in a sentence that the vocabulary
allows, scored by a small classifier trained on the gold facts of the evaluation sets.

The hand-written rules know a few phrasings each; this layer knows none. It reads the
shared mention layer (known entities, the works in scope, the new names the rules
proposed, and capitalized runs no rule took, tried as a work or a person) and, for each
sentence, makes one candidate pair for every two mentions whose
types some property accepts: a work and a person (castMember, director, screenwriter,
executiveProducer, producer, creator), a work and an organization (productionCompany,
streamingOn, greenlitBy, publisher), two works (sequelOf, basedOn, partOfSeries), a person
and a character (plays, with each work the clause may be about). A person named in a
sentence that names no work is paired with the works the clause may be about (the one the
shared layer resolves, the article's main work, the one named last, one in the headline).
Each pair is described by general features only (no names, no titles): the
words between and around the two mentions, trigger words from a small lexicon, the
mentions' types, their order and distance, the punctuation between them, whether the work
is the article's main work or the one nearest the other mention, the trigger words
nearest a person on each side (the cue of a whole list), and the like.

A multinomial logistic regression (:class:`Model`, numpy only while training; plain
Python when drafting) predicts the property, or none, and its probability is the
candidate's confidence. The weights ship beside this module (``learned.json``), with the
names of the development sets they were trained on and a fingerprint of the training
data; ``benchmarks/train_suggest_model.py`` rebuilds them, byte for byte.

From a real article (Deadline, 2018-08-28, about the Hulu series "The First")::

    Hulu releases all episodes of The First on Friday, September 14, which veers from
    the streaming platform’s usual strategy of releasing one episode per week, such as
    The Handmaid’s Tale and Castle Rock.

gives, among others, the pair (The First, Hulu) with features such as ``b:release`` and
``b:episode`` (stems between the two), ``order=of|Work>Streamer`` (the object comes
first), ``dist=3-4|Work>Streamer`` and ``subj-main|Work>Streamer`` (the article's main
work), and the model drafts ``the-first streamingOn hulu`` with rule
``learned:streamingOn`` and the sentence as its quote, a fact no hand-written rule finds
there.

Merged with the rules, a learned candidate is added only where no rule joins the same two
entities (the usual wrong merge: an executive producer the rules read, drafted again as
cast) and at or above the model's merge floor for its property, a confidence chosen by
cross-validation inside the training sets (``merge_floors`` in the weights' meta). How far
this transfers is measured by leaving each development set out of training in turn
(``benchmarks/train_suggest_model.py --leave-one-set-out``, docs/grow.md); ``suggest``
leaves the layer off unless asked (``learned="merge"``, ``heroes-kg suggest --learned``).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._doc import WORK_TYPES, Doc
from ._model import Candidate, EntityCandidate
from ._names import FIRST_NAMES, guess_type, is_noise, is_place_or_award, work_kind
from ._score import norm_name
from ._terms import accepts, is_a
from ._text import MONTHS, STOP, TITLE_WORDS, WEEKDAYS, Sentence, slug, strip_possessive, word_at

__all__ = [
    "IGNORE",
    "MERGE_PRECISION",
    "MERGE_SUPPORT",
    "NONE",
    "PROPERTIES",
    "WEIGHTS",
    "Model",
    "Pair",
    "add_candidates",
    "added",
    "choose_floors",
    "fingerprint",
    "label_pairs",
    "load_model",
    "pairs",
    "train",
]

#: The properties the layer can draft, in a fixed order (the model's labels after NONE).
PROPERTIES = ("castMember", "director", "screenwriter", "executiveProducer", "producer",
              "creator", "productionCompany", "streamingOn", "greenlitBy", "publisher",
              "sequelOf", "basedOn", "partOfSeries", "plays")
#: The label of a pair no property joins.
NONE = "none"
#: The label of a pair left out of training: a work and an actor whose gold says whom
#: the actor plays there (the cast membership it implies is not written down).
IGNORE = ""
#: The share of right candidates the merge floor is chosen for, in cross-validation inside
#: the training sets (see ``benchmarks/train_suggest_model.py``).
MERGE_PRECISION = 0.5
#: The fewest candidates a merge floor is chosen on (see :func:`choose_floors`).
MERGE_SUPPORT = 10
#: The shipped weights.
WEIGHTS = Path(__file__).with_name("learned.json")
#: At most this many mentions of one sentence take part in pairs (a long list of titles
#: and dates otherwise makes thousands).
_MAX_MENTIONS = 16

_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")
#: Trigger words, by the kind of fact they speak of (stems, see :func:`_stem`).
_LEXICON: dict[str, str] = {}
for _group, _members in {
    "CAST": "star starring cast join play portray role actor actress opposite alongside "
            "co-star ensemble lead feature featuring appear reprise return voice as",
    "DIRECT": "direct director helm helmer filmmaker co-director",
    "WRITE": "write wrote written writer screenplay script scripted pen penned co-wrote "
             "co-written screenwriter",
    "PRODUCE": "produce producer executive exec showrunner",
    "CREATE": "create creator co-creator develop developed co-created",
    "COMPANY": "studio production banner company picture distribute distributor",
    "STREAM": "stream streaming available premiere debut drop launch platform service "
              "streamer exclusively",
    "ORDER": "order greenlit greenlight renew renewal pick pickup commission cancel",
    "DERIVE": "sequel follow-up prequel reboot remake spinoff spin-off installment "
              "adaptation based adapt novel book comic inspire",
    "SEASON": "season episode chapter",
    "REPORT": "report according told publish",
}.items():
    for _member in _members.split():
        _LEXICON[_member] = _group


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A crude, fixed stem: "starring" -> "star", "directed" -> "direct", "studios" ->
    "studio"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            if suffix in ("ing", "ed") and w[-1] == w[-2] and w[-1] not in "lsaeiou":
                w = w[:-1]  # "starring" -> "star", "planned" -> "plan"
            return w
    return w


@functools.lru_cache(maxsize=8192)
def _trigger(word: str) -> str | None:
    w = word.lower()
    return _LEXICON.get(w) or _LEXICON.get(_stem(w))


def _coarse(type_: str | None) -> str:
    if type_ in WORK_TYPES:
        return "Season" if type_ == "TVSeason" else "Work"
    if is_a(type_, "Person"):
        return "Person"
    if is_a(type_, "FictionalCharacter"):
        return "Character"
    if is_a(type_, "StreamingService"):
        return "Streamer"
    if is_a(type_, "Organization"):
        return "Org"
    return ""


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: str
    kind: str  # coarse type, or "Span": a capitalized run no entity covers yet
    name: str = ""


@dataclass
class Pair:
    """One candidate pair: ``subject`` and ``object`` as the properties take them, the
    quote (the smallest clause of the sentence that holds both), and its features."""

    subject: str
    object: str
    quote: str
    start: int
    features: list[str]
    #: Properties the pair's types allow.
    allowed: tuple[str, ...]
    #: The "in" qualifier (plays only).
    work: str | None = None
    sentence: Sentence | None = field(default=None, repr=False)
    #: (id, name, type) of the entities the pair names for the first time (a
    #: capitalized run no rule took): made when the model keeps the pair.
    new: tuple[tuple[str, str, str], ...] = ()


def _mentions(doc: Doc) -> list[_Mention]:
    """Every entity mention the shared layer knows, longest first where they overlap."""
    spans: list[tuple[int, int, str]] = [(mn.start, mn.start + len(mn.text), mn.entity)
                                         for mn in doc.out.mentions]
    spans += list(doc.work_spans)
    for entity_id, e in doc.new.items():
        if not _coarse(e.type) or not e.name:
            continue
        places = word_at(doc.text, e.name)
        spans += [(at, at + len(e.name), entity_id) for at in places]
        if places and _coarse(e.type) == "Person" and " " in e.name:
            surname = e.name.rsplit(" ", 1)[1]
            spans += [(at, at + len(surname), entity_id)
                      for at in word_at(doc.text, surname) if at > places[0]]
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0]), x[2]))
    out: list[_Mention] = []
    reach = -1
    for a, b, entity_id in spans:
        if a < reach:
            continue
        kind = _coarse(doc.type_of(entity_id))
        if not kind:
            continue
        out.append(_Mention(a, b, entity_id, kind))
        reach = b
    return out


_TITLE_RUN = re.compile(TITLE_WORDS)


def _spans(doc: Doc, s: Sentence, taken: Sequence[_Mention]) -> list[_Mention]:
    """Capitalized runs of the sentence that no mention covers: titles the rules did not
    read ("Breaking Bad", "Now You See Me") and names they did not propose."""
    out = []
    for m in _TITLE_RUN.finditer(s.text):
        words = strip_possessive(m.group(0)).split()
        at = s.start + m.start()
        while words and words[0] in STOP and not (words[0] == "The" and len(words) > 1):
            at += len(words[0]) + 1
            words.pop(0)
        name = " ".join(words).rstrip(":")
        if not name or len(words) > 8 or (len(words) == 1 and (at == s.start or len(name) < 3)):
            continue
        if is_noise(name) or name.lower() in MONTHS or name.lower() in WEEKDAYS or \
                all(w in STOP for w in words) or is_place_or_award(name) or \
                not any(ch.isalpha() for ch in name):
            continue
        end = at + len(name)
        if doc.text[at:end] != name or any(t.start < end and at < t.end for t in taken):
            continue
        entity_id = slug(name)
        if entity_id in doc.known or entity_id in doc.new:
            continue
        out.append(_Mention(at, end, entity_id, "Span", name))
    return out


def _span_type(doc: Doc, m: _Mention, s: Sentence, as_work: bool) -> str:
    if not as_work:
        return "Person"
    return work_kind(s.text)


def _span_features(doc: Doc, m: _Mention, role: str) -> list[str]:
    words = m.name.split()
    f = [f"span:{role}", f"spanw={min(len(words), 4)}|{role}",
         f"span-guess={guess_type(m.name)}|{role}"]
    if words[0] == "The":
        f.append(f"span-the|{role}")
    if ":" in m.name:
        f.append(f"span-colon|{role}")
    if any(ch.isdigit() for ch in m.name):
        f.append(f"span-digit|{role}")
    if words[0].lower() in FIRST_NAMES:
        f.append(f"span-first-name|{role}")
    if re.search(r"\b(?:of|the|and|a|in|on|to)\b", m.name[1:]):
        f.append(f"span-small-word|{role}")
    if doc.text[m.start - 1:m.start] in "\"“‘'" and m.start > 0:
        f.append(f"span-quoted|{role}")
    if m.name.isupper():
        f.append(f"span-upper|{role}")
    return f


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"),
                        (20, "13-20")):
        if n <= limit:
            return name
    return "21+"


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


@functools.lru_cache(maxsize=8192)
def _tok(word: str) -> str:
    """A token as a feature sees it: its stem, or ``<cap>`` for a capitalized word that
    is not a common sentence opener (a name or a title: never a feature), ``<num>`` for
    a number."""
    if word.startswith("<"):
        return word
    if word[:1].isdigit():
        return "<num>"
    if word[:1].isupper() and word not in STOP and not _trigger(word):
        return "<cap>"
    return _stem(word)


def _clause(text: str, s: Sentence, a: int, b: int) -> tuple[str, int]:
    """The smallest clause of sentence ``s`` that holds [a, b): the sentence cut at
    semicolons and dashes outside that span."""
    lo, hi = s.start, s.end
    for m in re.finditer(r"\s*(?:;|—|–| - )\s*", s.text):
        at = s.start + m.start()
        if at + len(m.group(0)) <= a:
            lo = s.start + m.end()
        elif at >= b:
            hi = at
            break
    quote = text[lo:hi]
    stripped = quote.strip()
    return stripped, lo + quote.index(stripped) if stripped else lo


def _features(doc: Doc, s: Sentence, first: _Mention, second: _Mention,
              inside: Sequence[_Mention], subject_first: bool, tp: str) -> list[str]:
    text = doc.text
    between_text = text[first.end:second.start]
    for m in sorted(inside, key=lambda x: -x.start):
        between_text = (between_text[:m.start - first.end] + f" <{m.kind}> "
                        + between_text[m.end - first.end:])
    between = _words(between_text)
    left = _words(text[s.start:first.start])[-3:]
    right = _words(text[second.end:s.end])[:3]
    f = [f"tp={tp}", f"order={'sf' if subject_first else 'of'}|{tp}",
         f"dist={_bucket(len(between))}|{tp}"]
    stems = [_tok(w) for w in between]
    f += [f"b:{w}" for w in set(stems)]
    if len(stems) <= 4:
        f.append(f"bseq:{' '.join(stems)}|{tp}")
    for x, y in itertools.pairwise(stems):
        f.append(f"b2:{x}_{y}")
    if stems:
        f.append(f"bfirst:{stems[0]}|{tp}")
        f.append(f"blast:{stems[-1]}|{tp}")
    f += [f"l:{_tok(w)}" for w in left] + [f"r:{_tok(w)}" for w in right]
    f.append(f"l1:{_tok(left[-1]) if left else '^'}|{tp}")
    f.append(f"r1:{_tok(right[0]) if right else '$'}|{tp}")
    for w, where in [*((w, "b") for w in between), *((w, "l") for w in left),
                     *((w, "r") for w in right)]:
        group = _trigger(w)
        if group:
            f.append(f"trig:{where}:{group}|{tp}")
    kinds = [m.kind for m in inside]
    f += [f"mid:{k}" for k in sorted(set(kinds))]
    f.append(f"midn={min(len(kinds), 3)}")
    for p in ",()\":;":
        if p in between_text:
            f.append(f"punct:{p}")
    if "“" in between_text or "”" in between_text:
        f.append("punct:\"")
    f.append(f"commas={min(between_text.count(','), 3)}")
    if text[first.end:first.end + 2] in ("'s", "’s"):
        f.append("poss-first")
    return f


def _cue(doc: Doc, s: Sentence, m: _Mention, tp: str) -> list[str]:
    """The trigger groups nearest to a person or organization mention on each side, within
    its sentence: "executive produced by A, B, C" gives C the cue PRODUCE however long the
    list, "A, B and C star in" gives A the cue CAST on its right."""
    out = []
    left = _words(doc.text[s.start:m.start])
    for n, w in enumerate(reversed(left)):
        group = _trigger(w) if w.lower() != "as" else None
        if group:
            out += [f"cue-l:{group}|{tp}", f"cue-l:{group}:{_bucket(n)}"]
            break
    right = _words(doc.text[m.end:s.end])
    for n, w in enumerate(right):
        group = _trigger(w) if w.lower() != "as" else None
        if group:
            out += [f"cue-r:{group}|{tp}", f"cue-r:{group}:{_bucket(n)}"]
            break
    return out


def _nearest(mentions: Sequence[_Mention], kind: set[str], target: _Mention) -> _Mention | None:
    best = None
    for m in mentions:
        if m.kind in kind and m is not target:
            d = min(abs(m.start - target.end), abs(target.start - m.end))
            if best is None or d < best[0]:
                best = (d, m)
    return best[1] if best else None


def _scopes(doc: Doc, pos: int, s: Sentence, here: Sequence[_Mention]
            ) -> list[tuple[str, list[str]]]:
    """The works a clause at ``pos`` may be about, each with what points to it: the work
    the shared layer resolves (``scope``), the works named in the sentence (the last one
    before ``pos``: ``before``), the article's main work, the work named last before the
    sentence, a work named in the article's title."""
    tags: dict[str, list[str]] = {}

    def tag(work: str | None, name: str) -> None:
        if work is not None and doc.type_of(work) in WORK_TYPES:
            tags.setdefault(work, []).append(name)

    tag(doc.work_at(pos, s), "scope")
    named = [m for m in here if m.kind in ("Work", "Season")]
    before = [m for m in named if m.start < pos]
    if before:
        tag(before[-1].entity, "before")
    for m in named[:3]:
        tag(m.entity, "named")
    tag(doc.main_film, "main")
    earlier = [w for a, _b, w in doc.work_spans if a < s.start]
    if earlier:
        tag(earlier[-1], "previous")
    title = doc.article.title.lower()
    for _a, _b, w in doc.work_spans[:40]:
        if len(doc.name_of(w)) > 3 and doc.name_of(w).lower() in title:
            tag(w, "title")
            break
    kind = re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]his) (?:[\w-]+ )?(?P<k>film|movie|series|show|"
                     r"season|sequel)\b", doc.text[s.start:pos])
    out = []
    for work, names in tags.items():
        f = [f"src:{n}" for n in names] + [f"nsrc={min(len(names), 4)}"]
        if kind:
            t = doc.type_of(work)
            want = {"film": "Movie", "movie": "Movie", "sequel": "Movie",
                    "series": "TVSeries", "show": "TVSeries", "season": "TVSeason"}[kind.group("k")]
            f.append(f"kind-match={t == want}")
        out.append((work, f))
    out.sort(key=lambda x: -len(x[1]))
    return out[:3]


def _allowed(subject_type: str | None, object_type: str | None) -> tuple[str, ...]:
    return tuple(p for p in PROPERTIES if accepts(p, subject_type, object_type))


def pairs(doc: Doc) -> list[Pair]:
    """The candidate pairs of the article (after the rules have read it)."""
    mentions = _mentions(doc)
    out: list[Pair] = []
    starts = [m.start for m in mentions]

    works = {"Work", "Season"}
    for index, s in enumerate(doc.sentences):
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end)
        known_here = mentions[lo:hi][:_MAX_MENTIONS]
        spans = _spans(doc, s, known_here)
        here = sorted([*known_here, *spans], key=lambda m: m.start)[:_MAX_MENTIONS]
        position = "first" if index == 0 else "early" if index < 3 else "later"
        for i, x in enumerate(here):
            for y in here[i + 1:]:
                if x.entity == y.entity or (x.kind == "Span" and y.kind == "Span"):
                    continue
                for subj, obj in ((x, y), (y, x)):
                    made: tuple[tuple[str, str, str], ...] = ()
                    extra: list[str] = []
                    st: str | None
                    ot: str | None
                    if subj.kind == "Span":
                        if obj.kind not in ("Person", "Org", "Streamer"):
                            continue
                        st = _span_type(doc, subj, s, True)
                        made = ((subj.entity, subj.name, st),)
                        extra = _span_features(doc, subj, "work")
                        skind, okind = f"Span{_coarse(st)}", obj.kind
                        ot = doc.type_of(obj.entity)
                    elif obj.kind == "Span":
                        if subj.kind not in works:
                            continue
                        st, ot = doc.type_of(subj.entity), "Person"
                        made = ((obj.entity, obj.name, ot),)
                        extra = _span_features(doc, obj, "person")
                        skind, okind = subj.kind, "SpanPerson"
                    else:
                        st, ot = doc.type_of(subj.entity), doc.type_of(obj.entity)
                        skind, okind = subj.kind, obj.kind
                    allowed = _allowed(st, ot)
                    if made:
                        allowed = tuple(p for p in allowed if p != "plays")
                    if not allowed:
                        continue
                    tp = f"{skind}>{okind}"
                    inside = [m for m in here if x.end <= m.start and m.end <= y.start]
                    f = _features(doc, s, x, y, inside, subj is x, tp) + extra
                    f.append(f"pos={position}")
                    if subj.kind in works or subj.kind.startswith("Span"):
                        f += _cue(doc, s, obj, tp)
                    if subj.kind in works and subj.entity == doc.main_film:
                        f.append(f"subj-main|{tp}")
                    if obj.kind in works and obj.entity == doc.main_film:
                        f.append(f"obj-main|{tp}")
                    if subj.kind in works and obj.kind not in works:
                        near = _nearest(here, works, obj)
                        f.append(f"nearest-work={near is subj}|{tp}")
                    if obj.kind in works and subj.kind not in works:
                        near = _nearest(here, works, subj)
                        f.append(f"nearest-work={near is obj}|{tp}")
                    quote, start = _clause(doc.text, s, x.start, y.end)
                    if "plays" not in allowed:
                        out.append(Pair(subj.entity, obj.entity, quote, start, f, allowed,
                                        None, s, made))
                        continue
                    for work, tags in _scopes(doc, subj.start, s, here):
                        out.append(Pair(subj.entity, obj.entity, quote, start,
                                        f + [f"{t}|plays" for t in tags], allowed, work, s))
        if any(m.kind in works for m in here):
            continue
        # No work named: a person or organization with the work the clause is about
        # (the same for the whole sentence, as no work is named in it).
        scopes = _scopes(doc, here[0].start, s, here) if here else []
        for x in here:
            if x.kind in works or x.kind == "Character":
                continue
            span = x.kind == "Span"
            for work, tags in scopes:
                allowed = _allowed(doc.type_of(work),
                                   "Person" if span else doc.type_of(x.entity))
                if allowed:
                    pair = _implicit(doc, s, x, work, tags, allowed, position, len(here))
                    if span:
                        pair.new = ((x.entity, x.name, "Person"),)
                        pair.features += _span_features(doc, x, "person")
                    out.append(pair)
    return out


def _implicit(doc: Doc, s: Sentence, x: _Mention, work: str, tags: list[str],
              allowed: tuple[str, ...], position: str, others: int) -> Pair:
    """A pair of a person or organization and a work the sentence does not name."""
    tp = f"{_coarse(doc.type_of(work))}>{'SpanPerson' if x.kind == 'Span' else x.kind}"
    left = _words(doc.text[s.start:x.start])
    right = _words(doc.text[x.end:s.end])
    f = [f"tp={tp}", f"implicit|{tp}", f"pos={position}",
         f"dist={_bucket(len(left))}|implicit"]
    stems_l = [_tok(w) for w in left]
    stems_r = [_tok(w) for w in right]
    f += [f"il:{w}" for w in set(stems_l)] + [f"ir:{w}" for w in set(stems_r[:6])]
    f.append(f"l1:{stems_l[-1] if stems_l else '^'}|{tp}")
    f.append(f"r1:{stems_r[0] if stems_r else '$'}|{tp}")
    if len(stems_l) >= 2:
        f.append(f"l2:{stems_l[-2]}_{stems_l[-1]}|{tp}")
    for w in left:
        group = _trigger(w)
        if group:
            f.append(f"trig:il:{group}|{tp}")
    for w in right[:6]:
        group = _trigger(w)
        if group:
            f.append(f"trig:ir:{group}|{tp}")
    if work == doc.main_film:
        f.append(f"subj-main|{tp}")
    if re.search(r"\b(?:[Tt]he|[Ii]ts) (?:film|movie|series|show|sequel|season|reboot)\b",
                 s.text):
        f.append("definite-work")
    f.append(f"others={min(others - 1, 4)}")
    f += [f"{t}|{tp}" for t in tags]
    f += _cue(doc, s, x, tp)
    quote, start = _clause(doc.text, s, x.start, x.end)
    return Pair(work, x.entity, quote, start, f, allowed, None, s)


class Model:
    """Multinomial logistic regression over sparse binary features."""

    def __init__(self, labels: Sequence[str], weights: Mapping[str, Sequence[float]],
                 bias: Sequence[float], meta: Mapping[str, Any] | None = None) -> None:
        self.labels = list(labels)
        self.weights = {k: list(v) for k, v in weights.items()}
        self.bias = list(bias)
        self.meta = dict(meta or {})

    def probabilities(self, features: Iterable[str]) -> list[float]:
        # math.fsum: the sum correctly rounded whatever the order the features come in (a
        # set's order changes with the string hash seed), so that two labels whose
        # weights add up to the same logit tie exactly, in every process
        rows = [w for w in map(self.weights.get, set(features)) if w is not None]
        z = [math.fsum((b, *col)) for b, col in zip(self.bias, zip(*rows, strict=True),
                                                    strict=True)] \
            if rows else list(self.bias)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def predict(self, pair: Pair) -> tuple[str, float]:
        """The most likely property among those the pair allows (or NONE), and its
        probability (renormalised over the allowed labels and NONE)."""
        probs = self.probabilities(pair.features)
        keep = {NONE, *pair.allowed}
        total = sum(p for label, p in zip(self.labels, probs, strict=True) if label in keep)
        best = max(((p, label) for label, p in zip(self.labels, probs, strict=True)
                    if label in keep), key=lambda x: (x[0], x[1] == NONE))
        return best[1], best[0] / total if total else 0.0

    def to_json(self) -> str:
        """The model as JSON, one feature a line (sorted), its non-zero weights as
        label index, weight, label index, weight ..."""
        head = json.dumps({"meta": self.meta, "labels": self.labels, "bias": self.bias},
                          sort_keys=True, separators=(",", ":"))
        def sparse(row: Sequence[float]) -> str:
            return json.dumps([x for i, w in enumerate(row) if w for x in (i, w)],
                              separators=(",", ":"))

        rows = ",\n".join(f"{json.dumps(k)}:{sparse(v)}"
                           for k, v in sorted(self.weights.items()))
        return head[:-1] + ',"weights":{\n' + rows + "\n}}\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        n = len(data["labels"])
        weights = {}
        for k, flat in data["weights"].items():
            row = [0.0] * n
            for i in range(0, len(flat), 2):
                row[int(flat[i])] = float(flat[i + 1])
            weights[k] = row
        return cls(data["labels"], weights, data["bias"], data.get("meta"))


@functools.cache
def load_model(path: Path = WEIGHTS) -> Model | None:
    """The shipped model (None when no weights file is there)."""
    if not path.exists():
        return None
    return Model.from_json(path.read_text(encoding="utf-8"))


def add_candidates(doc: Doc, model: Model, replace: bool = False,
                   found: Sequence[Pair] | None = None
                   ) -> dict[tuple[str, str, str], Candidate]:
    """The rules' candidates (``doc.found``) and the model's: rules first, a learned
    candidate only where no rule found the same fact, nor any fact joining the same two
    entities, and at or above the model's merge floor for its property (``replace``:
    without the rules' candidates, to measure the layer alone; no floor). ``doc.found``
    is left as it was; ``found``: the article's :func:`pairs`, if already made."""
    out = {} if replace else dict(doc.found)
    found = pairs(doc) if found is None else found
    for pair, (label, p) in zip(found, _merged(doc, model, found, replace), strict=True):
        if not label:
            continue
        for entity_id, name, type_ in pair.new:
            if entity_id not in doc.new and entity_id not in doc.known:
                doc.new[entity_id] = EntityCandidate(entity_id, type_, name, round(p, 3),
                                                     "learned-span", pair.quote)
        quals = {"in": pair.work} if label == "plays" and pair.work else {}
        c = Candidate(pair.subject, label, pair.object, None, quals, pair.quote, pair.start,
                      round(p, 3), f"learned:{label}")
        old = out.get(c.key())
        if old is None or (old.rule == c.rule and c.confidence > old.confidence):
            out[c.key()] = c
    return out


def _merged(doc: Doc, model: Model, found: Sequence[Pair], replace: bool = False,
            floors: Mapping[str, float] | None = None) -> list[tuple[str, float]]:
    """Each pair's predicted property and its probability, or ("", p) where the merge
    leaves it out: no property, under the property's merge floor (``floors``, else the
    model's; none for a property missing there), or the rules already join the two."""
    rules = [] if replace else list(doc.found.values())
    playing = {(c.qualifiers.get("in"), c.subject) for c in rules if c.property == "plays"}
    joined = _joined(rules)
    if floors is None:
        floors = {} if replace else model.meta.get("merge_floors", {})
    out = []
    for pair in found:
        label, p = model.predict(pair)
        ends = (pair.subject, pair.object)
        if label == NONE or p < floors.get(label, 0.0) or ends in joined or \
                (label == "castMember" and ends in playing):
            # ("plays Y in X" already says X's cast has the actor)
            label = ""
        out.append((label, p))
    return out


def added(doc: Doc, model: Model, found: Sequence[Pair], labels: Sequence[str]
          ) -> list[tuple[str, float, bool]]:
    """The learned candidates a merge would add to the rules' for pairs ``found`` with
    their gold ``labels`` (see :func:`label_pairs`), each as (property, confidence,
    right), whatever the floor; pairs whose gold is neither right nor wrong (IGNORE) are
    left out."""
    out = []
    for label, (predicted, p) in zip(labels, _merged(doc, model, found, floors={}),
                                     strict=True):
        if predicted and label != IGNORE:
            out.append((predicted, p, predicted == label))
    return out


def choose_floors(scored: Iterable[tuple[str, float, bool]], precision: float | None = None,
                  support: int = MERGE_SUPPORT) -> dict[str, float]:
    """Each property's merge floor: the lowest confidence (0.45, 0.5, … 0.95) above which
    at least ``precision`` (default :data:`MERGE_PRECISION`) of the ``scored`` (property,
    confidence, right) candidates are right, counting only floors with at least
    ``support`` candidates above them; 1.0 (add none) for a property no floor suits."""
    want = MERGE_PRECISION if precision is None else precision
    by: dict[str, list[tuple[float, bool]]] = {}
    for label, p, right in scored:
        by.setdefault(label, []).append((p, right))
    out = {}
    for label in PROPERTIES:
        out[label] = 1.0
        for step in range(9, 20):
            above = [right for p, right in by.get(label, ()) if p >= step / 20]
            if len(above) >= support and sum(above) / len(above) >= want:
                out[label] = step / 20
                break
    return out


def _joined(found: Iterable[Candidate]) -> set[tuple[str, str]]:
    """The pairs of entities a rule's candidate joins (both ways round): a learned
    candidate for such a pair is often the rules' fact under another property (an
    executive producer of a list read as cast)."""
    out: set[tuple[str, str]] = set()
    for c in found:
        if c.object:
            out |= {(c.subject, c.object), (c.object, c.subject)}
    return out


# -- training ----------------------------------------------------------------------------


def label_pairs(found: Sequence[Pair], names: Mapping[str, Sequence[str]],
                gold_names: Mapping[str, Sequence[str]],
                gold_facts: Iterable[tuple[str, str, str, str | None,
                                           Sequence[tuple[int, int]]]]) -> list[str]:
    """The label of each pair: the property of a gold fact that joins the two entities
    (aligned by id or name, as the scorer aligns them; ``names``: candidate id -> names,
    ``gold_names``: gold id -> names), with the same "in" work for plays, whose quote
    overlaps the pair's clause; else NONE. ``gold_facts``: (subject, property, object,
    in, spans)."""
    by_name: dict[str, set[str]] = {}
    for gid, ns in gold_names.items():
        for n in ns:
            by_name.setdefault(norm_name(n), set()).add(gid)

    def align(cid: str | None) -> str | None:
        if cid is None:
            return None
        if cid in gold_names:
            return cid
        hits = set().union(*(by_name.get(norm_name(n), set()) for n in names.get(cid, ())))
        return hits.pop() if len(hits) == 1 else None

    index: dict[tuple[str, str], list[tuple[str, str | None, Sequence[tuple[int, int]]]]] = {}
    cast_with_role: set[tuple[str | None, str]] = set()
    for subj, prop, obj, work, spans in gold_facts:
        if prop in PROPERTIES:
            index.setdefault((subj, obj), []).append((prop, work, spans))
        if prop == "plays":
            cast_with_role.add((work, subj))
    labels = []
    for pair in found:
        subj_id = align(pair.subject)
        label = NONE
        end = pair.start + len(pair.quote)
        for prop, work, spans in index.get((subj_id or "?", align(pair.object) or "?"), []):
            if prop == "plays" and work != align(pair.work):
                continue
            if prop in pair.allowed and any(a < end and pair.start < b for a, b in spans):
                label = prop
                break
        if label == NONE and "castMember" in pair.allowed and \
                (subj_id, align(pair.object)) in cast_with_role:
            label = IGNORE  # gold says whom they play instead: neither right nor wrong
        labels.append(label)
    return labels


def fingerprint(examples: Sequence[tuple[Sequence[str], str]]) -> str:
    """A sha256 of the training examples (features and labels, in order)."""
    h = hashlib.sha256()
    for features, label in examples:
        h.update(("\t".join(sorted(set(features))) + "\n" + label + "\n").encode("utf-8"))
    return h.hexdigest()


def train(examples: Sequence[tuple[Sequence[str], str]], *, min_count: int = 3,
          l2: float = 1.0, iterations: int = 300, meta: Mapping[str, Any] | None = None
          ) -> Model:
    """Fit the model to (features, label) examples, deterministically: features seen in
    fewer than ``min_count`` examples are dropped, the loss (mean cross-entropy plus
    ``l2`` / n times the squared weights) is minimised by full-batch gradient descent with
    a fixed schedule (Adam, a fixed number of steps), and the weights are rounded to two
    decimals (a feature whose weights all round to 0 is dropped)."""
    import numpy as np

    labels = [NONE, *PROPERTIES]
    counts: dict[str, int] = {}
    for features, _label in examples:
        for name in set(features):
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(k for k, n in counts.items() if n >= min_count)
    col = {k: i for i, k in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    for r, (features, _label) in enumerate(examples):
        for k in sorted({col[x] for x in features if x in col}):
            rows.append(r)
            cols.append(k)
    n, nf, nl = len(examples), len(vocab), len(labels)
    y = np.array([labels.index(label) for _f, label in examples], dtype=np.int64)
    r_idx = np.array(rows, dtype=np.int64)
    c_idx = np.array(cols, dtype=np.int64)
    onehot = np.zeros((n, nl))
    onehot[np.arange(n), y] = 1.0
    w = np.zeros((nf, nl))
    b = np.zeros(nl)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
    starts = np.searchsorted(r_idx, np.arange(n)) if len(r_idx) else np.zeros(n, np.int64)
    has = np.zeros(n, dtype=bool)
    has[r_idx] = True
    for step in range(1, iterations + 1):
        z = np.zeros((n, nl))
        if len(c_idx):
            summed = np.add.reduceat(w[c_idx], starts[has], axis=0)
            z[has] = summed
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = np.zeros((nf, nl))
        for j in range(nl):
            gw[:, j] = np.bincount(c_idx, weights=g[r_idx, j], minlength=nf)
        gw += 2 * l2 / n * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        c1, c2 = 1 - beta1 ** step, 1 - beta2 ** step
        w -= rate * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= rate * (mb / c1) / (np.sqrt(vb / c2) + eps)
    weights: dict[str, list[float]] = {}
    for name, i in col.items():
        row = [round(float(x), 2) for x in w[i]]
        if any(row):
            weights[name] = [0.0 if x == 0 else x for x in row]
    return Model(labels, weights, [round(float(x), 2) for x in b],
                 {**(meta or {}), "fingerprint": fingerprint(examples),
                  "examples": n, "features": len(weights)})
