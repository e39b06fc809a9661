"""The plain objects suggest hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Candidate", "EntityCandidate", "Mention", "Suggestions"]


@dataclass(frozen=True)
class Mention:
    """A known entity named in the article."""

    entity: str
    text: str
    start: int
    rule: str


@dataclass
class EntityCandidate:
    id: str
    type: str
    name: str
    confidence: float
    rule: str
    quote: str = ""


@dataclass
class Candidate:
    """A candidate statement in the curated-facts shape, with its evidence quote."""

    subject: str
    property: str
    object: str | None = None
    value: str | int | bool | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    quote: str = ""
    start: int = 0
    confidence: float = 0.5
    rule: str = ""
    #: Further (quote, start) pairs where a rule found the same fact again.
    more: list[tuple[str, int]] = field(default_factory=list)
    #: The rule's own confidence, before :mod:`._calibrate` made ``confidence`` of it.
    stated: float | None = None
    #: Other rules that found the same fact: (rule, confidence, quote, start,
    #: qualifiers); the one whose finding is surest on unseen news is kept.
    findings: list[tuple[str, float, str, int, dict[str, str]]] = field(default_factory=list)

    def quotes(self) -> list[tuple[str, int]]:
        """Every (quote, start) that supports the candidate, the best first."""
        return [(self.quote, self.start), *self.more]

    def key(self) -> tuple[str, str, str]:
        target = self.object if self.object is not None else str(self.value).lower()
        return self.subject, self.property, target


@dataclass
class Suggestions:
    article: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[EntityCandidate] = field(default_factory=list)
    statements: list[Candidate] = field(default_factory=list)
    #: Candidates found but left out, below the confidence floor (none already curated).
    below_floor: int = 0
