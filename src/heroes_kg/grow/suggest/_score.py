"""Scoring candidates against gold facts, the way a reviewer would.

Candidate ids rarely equal gold ids by chance, so entities are aligned first:

1. by id, when the candidate's id is a gold id;
2. by name: the candidate's name equals a gold entity's name or alias, after case,
   punctuation and a leading "The" are ignored (when two gold entities share the name,
   the one of the same type, else the one with the same id);
   A maker's untitled work ("M. Night Shyamalan’s new movie") that no name aligns
   aligns with the one gold work whose id holds the maker's name and that is untitled,
   new or next by its id or a name ("m-night-shyamalan-untitled-2021-film"): curators
   word such works each their own way;
3. helper nodes without a proper name (figures, rankings, quotations, posts, events,
   articles) by content: a candidate helper aligns with the gold helper of a compatible
   type that shares the most facts with it (same property and same aligned object or
   value), at least one (among equals, the one of the same id); a season (TVSeason) none aligns so, by its id or name as in 1
   and 2: "Money Heist part 4" is a name, and a season named only as the object of
   another fact ("… viewership about money-heist-part-4") is still that season.

A candidate statement is **right** when, after alignment, its subject, property, object
or value and qualifiers equal a gold statement's, and its quote supports it: one of its
quotes (a candidate found in several places carries up to three) overlaps the span of one
of the gold statement's quotes in the article (or, where a gold quote is not in the text,
contains at least 60% of its words). Values are compared
without case, surrounding quotes and end punctuation; long texts (over 25 characters)
also match when one contains the other. Recall is the share of gold statements some
right candidate matches; precision the share of candidates that are right.

A new entity is **correctly typed** when it aligns with a gold entity by id or name and
its type equals the gold type or one is a subtype of the other (Person for an Actor).
A **noise** entity is a new entity made of a pronoun, month, weekday, contraction,
sentence-initial function word or lowercase fragment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ._model import Suggestions
from ._names import is_noise
from ._terms import is_a

__all__ = ["ArticleScore", "GoldEntity", "GoldFact", "score"]

_HELPERS = ("ViewershipFigure", "BoxOfficeFigure", "ChartRanking", "Quotation",
            "SocialMediaPosting",
            "NewsArticle", "Event", "TVSeason")


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class GoldFact:
    subject: str
    property: str
    object: str | None
    value: str | None
    qualifiers: tuple[tuple[str, str], ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    quotes: tuple[str, ...] = ()

    def label(self) -> str:
        target = self.object if self.object is not None else repr(self.value)
        quals = "".join(f" [{k}: {v}]" for k, v in self.qualifiers)
        return f"{self.subject} {self.property} {target}{quals}"


@dataclass
class ArticleScore:
    article: str
    gold: int
    candidates: int
    found: int
    correct: int
    new_entities: int
    aligned_new: int
    typed: int
    noise: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    mistyped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: rule -> [candidates, right] for this article.
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    #: (rule, confidence, the rule's own confidence, right) of every candidate, in the
    #: order given.
    graded: list[tuple[str, float, float, bool]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.candidates if self.candidates else 1.0

    @property
    def typed_share(self) -> float:
        return self.typed / self.aligned_new if self.aligned_new else 1.0


def norm_name(name: str) -> str:
    name = name.casefold().replace("’", "'").replace("&", " and ")
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"'s\b", "", name)
    return re.sub(r"[^\w+]+", " ", name).strip()


def norm_value(value: object) -> str:
    text = str(value).casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip(" \"“”'.,!?;:…")
    return text


def _same_value(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) > 25 and (a in b or b in a)


def _supports(start: int, quote: str, fact: GoldFact) -> bool:
    end = start + len(quote)
    if any(a < end and start < b for a, b in fact.spans):
        return True
    if fact.spans:
        return False
    words = [w for q in fact.quotes for w in re.findall(r"\w{4,}", q.casefold())]
    have = set(re.findall(r"\w{4,}", quote.casefold()))
    return bool(words) and sum(w in have for w in words) >= 0.6 * len(words)


def score(article: str, text: str, gold_entities: Mapping[str, GoldEntity],
          gold_facts: Iterable[GoldFact], result: Suggestions,
          known: Mapping[str, tuple[str, tuple[str, ...]]]) -> ArticleScore:
    """Compare one article's candidates with its gold facts (see the module doc).

    ``known`` maps the ids of the entities suggest was given to (type, names)."""
    facts = list(gold_facts)
    by_name: dict[str, set[str]] = {}
    for entity in gold_entities.values():
        for name in entity.names:
            by_name.setdefault(norm_name(name), set()).add(entity.id)
    new = {e.id: e for e in result.entities}
    cand_types = {**{k: t for k, (t, _n) in known.items()}, **{e.id: e.type for e in new.values()}}
    cand_names = {**{k: n for k, (_t, n) in known.items()},
                  **{e.id: (e.name,) for e in new.values()}}
    mentioned = {c.subject for c in result.statements} | {
        c.object for c in result.statements if c.object} | {
        v for c in result.statements for v in c.qualifiers.values()} | set(new)
    mapping: dict[str, str] = {}
    for cid in sorted(mentioned):
        if cid in gold_entities and (cid in known or not _is_helper(cand_types.get(cid))):
            mapping[cid] = cid
            continue
        if _is_helper(cand_types.get(cid)):
            continue
        hits = set().union(*(by_name.get(norm_name(n), set())
                             for n in cand_names.get(cid, ())))
        if len(hits) > 1:
            # A novel and its series share a name: the one of the same type, else the
            # one with the same id.
            same = {gid for gid in hits if gold_entities[gid].type == cand_types.get(cid)}
            hits = same if len(same) == 1 else ({cid} & hits or hits)
        if not hits and cid in new:
            hits = _untitled_of_maker(new[cid].name, new[cid].type, gold_entities)
        if len(hits) == 1:
            mapping[cid] = hits.pop()
    _align_helpers(mapping, result, facts, gold_entities, cand_types)
    _align_seasons(mapping, mentioned, gold_entities, cand_types, cand_names, by_name)

    def mapped(c_subject: str, prop: str, obj: str | None, value: object,
               quals: Mapping[str, str]) -> tuple[str, str, str | None, str | None,
                                                  tuple[tuple[str, str], ...]]:
        return (mapping.get(c_subject, "?" + c_subject), prop,
                None if obj is None else mapping.get(obj, "?" + obj),
                None if value is None else norm_value(value),
                tuple(sorted((k, mapping.get(v, "?" + v)) for k, v in quals.items())))

    found: set[int] = set()
    correct = 0
    wrong: list[str] = []
    by_rule: dict[str, list[int]] = {}
    graded: list[tuple[str, float, float, bool]] = []
    for c in result.statements:
        subj, prop, obj, value, quals = mapped(c.subject, c.property, c.object, c.value,
                                               c.qualifiers)
        hit = None
        for i, g in enumerate(facts):
            if (g.subject, g.property, g.object) != (subj, prop, obj):
                continue
            if (value is None) != (g.value is None) or (
                    value is not None and g.value is not None and
                    not _same_value(value, norm_value(g.value))):
                continue
            if tuple(sorted(g.qualifiers)) != quals:
                continue
            if any(_supports(start, quote, g) for quote, start in c.quotes()):
                hit = i
                break
        tally = by_rule.setdefault(c.rule, [0, 0])
        tally[0] += 1
        tally[1] += hit is not None
        graded.append((c.rule, c.confidence,
                       c.confidence if c.stated is None else c.stated, hit is not None))
        if hit is None:
            target = c.object if c.object is not None else repr(c.value)
            wrong.append(f"{c.subject} {c.property} {target} ({c.rule}): {c.quote[:70]!r}")
        else:
            correct += 1
            found.add(hit)
    aligned_new = typed = 0
    mistyped: list[str] = []
    noise: list[str] = []
    for e in new.values():
        if _is_helper(e.type):
            continue
        if e.id in mapping and not _is_helper(gold_entities[mapping[e.id]].type):
            aligned_new += 1
            gold_type = gold_entities[mapping[e.id]].type
            if is_a(e.type, gold_type) or is_a(gold_type, e.type):
                typed += 1
            else:
                mistyped.append(f"{e.name}: {e.type}, gold {gold_type}")
        elif is_noise(e.name) or _sentence_initial_only(e.name, text):
            noise.append(e.name)
    return ArticleScore(article, len(facts), len(result.statements), len(found), correct,
                        sum(1 for e in new.values() if not _is_helper(e.type)), aligned_new,
                        typed, noise, [g.label() for i, g in enumerate(facts) if i not in found],
                        wrong, mistyped, by_rule=by_rule, graded=graded)


#: "M. Night Shyamalan’s new secret movie", "Christopher Nolan’s next film": a work known
#: only by its maker.
_UNTITLED_NAME = re.compile(r"(?P<m>.+?)[’']s? (?:(?:new|next|untitled|upcoming|latest|secret|"
                            r"top-secret) )+(?:[\w-]+ )?(?:film|movie|series|show|project|"
                            r"feature|documentary)", re.IGNORECASE)
_UNTITLED_WORD = re.compile(r"\b(?:untitled|new|next|upcoming|latest|secret)\b", re.IGNORECASE)
_WORKS = ("Movie", "TVSeries", "MovieSeries")


def _untitled_of_maker(name: str, type_: str, gold: Mapping[str, GoldEntity]) -> set[str]:
    """The gold work a curator wrote for a maker's untitled work, however each words it
    ("M. Night Shyamalan’s new movie" and "M. Night Shyamalan’s untitled film (2021)",
    id m-night-shyamalan-untitled-2021-film): the one work of the article whose id holds
    the maker's name and that is untitled, new or next by its id or a name."""
    m = _UNTITLED_NAME.fullmatch(name)
    if m is None or type_ not in _WORKS:
        return set()
    maker = re.sub(r"[^a-z0-9]+", "-", m.group("m").casefold()).strip("-")
    return {g.id for g in gold.values() if g.type in _WORKS and maker in g.id and (
        _UNTITLED_WORD.search(g.id.replace("-", " ")) or
        any(_UNTITLED_WORD.search(n) for n in g.names))} if maker else set()


def _is_helper(type_: str | None) -> bool:
    return type_ is not None and any(is_a(type_, h) for h in _HELPERS)


def _sentence_initial_only(name: str, text: str) -> bool:
    if " " in name:
        return False
    places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(places) and all(re.search(r"(?:^|[.!?\"”]\s+)$", text[max(0, p - 3):p])
                                for p in places)


def _align_helpers(mapping: dict[str, str], result: Suggestions, facts: list[GoldFact],
                   gold_entities: Mapping[str, GoldEntity],
                   cand_types: Mapping[str, str]) -> None:
    """Helper nodes by the facts they share with a gold helper (module doc, step 3)."""
    def family(type_: str | None) -> str:
        return next((h for h in _HELPERS if type_ and is_a(type_, h)), "")

    for _round in range(2):
        cand_sig: dict[str, set[tuple[str, str]]] = {}
        for c in result.statements:
            if not _is_helper(cand_types.get(c.subject)) or c.subject in mapping:
                continue
            target = mapping.get(c.object, "?") if c.object else norm_value(c.value)
            cand_sig.setdefault(c.subject, set()).add((c.property, target))
        gold_sig: dict[str, set[tuple[str, str]]] = {}
        taken = set(mapping.values())
        for g in facts:
            if g.subject in taken or g.subject not in gold_entities or \
                    not _is_helper(gold_entities[g.subject].type):
                continue
            target = g.object if g.object is not None else norm_value(g.value)
            gold_sig.setdefault(g.subject, set()).add((g.property, target))
        pairs = []
        for cid, sig in cand_sig.items():
            for gid, gsig in gold_sig.items():
                if family(cand_types.get(cid)) != family(gold_entities[gid].type):
                    continue
                shared = sum(1 for p, t in sig if any(
                    p == gp and (t == gt or _same_value(t, gt)) for gp, gt in gsig))
                if shared:
                    # among equals, the one of the same id first
                    pairs.append((-shared, cid != gid, cid, gid))
        for _neg, _other, cid, gid in sorted(pairs):
            if cid not in mapping and gid not in set(mapping.values()):
                mapping[cid] = gid


def _align_seasons(mapping: dict[str, str], mentioned: set[str],
                   gold_entities: Mapping[str, GoldEntity], cand_types: Mapping[str, str],
                   cand_names: Mapping[str, tuple[str, ...]],
                   by_name: Mapping[str, set[str]]) -> None:
    """Seasons no shared fact aligned: by id, else by name, with a gold season not taken
    (module doc, step 3)."""
    taken = set(mapping.values())
    for cid in sorted(mentioned):
        if cid in mapping or not is_a(cand_types.get(cid) or "", "TVSeason"):
            continue
        hits = {cid} if cid in gold_entities else set().union(
            *(by_name.get(norm_name(n), set()) for n in cand_names.get(cid, ())))
        hits = {g for g in hits if g not in taken and g in gold_entities
                and is_a(gold_entities[g].type, "TVSeason")}
        if len(hits) == 1:
            mapping[cid] = hits.pop()
            taken.add(mapping[cid])
