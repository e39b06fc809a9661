"""The candidates file: curated-facts YAML marked as candidates, best first."""

from __future__ import annotations

from ...corpus.curation import Article
from ...corpus.writer import scalar as yaml_scalar
from ._model import Suggestions

__all__ = ["render", "yaml_scalar"]

def _occurrence(text: str, quote: str, start: int) -> int | None:
    """The 1-based occurrence of ``quote`` at ``start``, when it occurs more than once."""
    starts, at = [], text.find(quote)
    while at >= 0 and quote:
        starts.append(at)
        at = text.find(quote, at + 1)
    if len(starts) <= 1:
        return None
    return starts.index(start) + 1 if start in starts else 1


def render(suggestions: Suggestions, article: Article) -> str:
    """The candidates file: curated-facts YAML, marked as candidates.

    The ``candidates:`` key and the per-item ``confidence:`` and ``rule:`` keys make the
    curated-facts loader refuse the file, so it can never become part of the graph
    without ``heroes-kg accept``. Statements come best first (highest confidence); a
    statement found in several places has one evidence item per place (the best first).
    """
    lines = [
        f"# Candidate facts suggested from article {article.id!r} ({article.file}).",
        "# Review every item: delete the wrong ones, fix ids and types, then run",
        "#   heroes-kg accept THIS-FILE",
        "# 'confidence' and 'rule' say how each candidate was found; accept drops them.",
        "# Statements come best first.",
        "candidates:",
        f"  article: {article.id}",
        f"  statements: {len(suggestions.statements)}",
        f"  new_entities: {len(suggestions.entities)}",
        "",
        "# Known entities the article mentions (for reference; accept ignores them).",
        "mentions:",
    ]
    seen: set[str] = set()
    for mention in suggestions.mentions:
        if mention.entity in seen:
            continue
        seen.add(mention.entity)
        count = sum(1 for m in suggestions.mentions if m.entity == mention.entity)
        lines.append(f"  - {{entity: {mention.entity}, as: {yaml_scalar(mention.text)}, "
                     f"count: {count}, rule: {mention.rule}}}")
    if not seen:
        lines[-1] = "mentions: []"
    lines += ["", "entities:"]
    for e in suggestions.entities:
        lines += [f"  - id: {e.id}", f"    type: {e.type}", f"    name: {yaml_scalar(e.name)}",
                  f"    confidence: {e.confidence:.2f}", f"    rule: {e.rule}"]
    if not suggestions.entities:
        lines[-1] = "entities: []"
    lines += ["", "statements:"]
    for c in suggestions.statements:
        lines += [f"  - subject: {c.subject}", f"    property: {c.property}"]
        if c.object is not None:
            lines.append(f"    object: {c.object}")
        else:
            assert c.value is not None
            lines.append(f"    value: {yaml_scalar(c.value)}")
        for key in ("in", "as"):
            if key in c.qualifiers:
                lines.append(f"    {key}: {c.qualifiers[key]}")
        lines += [f"    confidence: {c.confidence:.2f}", f"    rule: {c.rule}", "    evidence:"]
        for quote, start in c.quotes():
            lines += [f"      - article: {article.id}", f"        quote: {yaml_scalar(quote)}"]
            occurrence = _occurrence(article.text, quote, start)
            if occurrence is not None:
                lines.append(f"        occurrence: {occurrence}")
    if not suggestions.statements:
        lines[-1] = "statements: []"
    return "\n".join(lines) + "\n"
