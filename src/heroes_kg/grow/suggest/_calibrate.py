"""Confidence calibrated on news the rules had not seen.

A rule states a confidence of its own when it drafts a candidate: a guess, set while the
rule was written and measured on the development sets it was tuned on. On unseen news
those guesses said little: over seventeen held-out halves, each scored once before any
rule was tuned on it, the candidates a rule put at 0.45 to 0.7 were right 45% of the time
whatever the number, and a rule such as ``released-on`` (right 53 times of 174) drafted
at the same confidence as ``views`` (92 of 103).

So every rule's candidate gets, as its confidence, the chance it is right as measured
there: a logistic model of rightness over the logit of the rule's own confidence plus an
offset per rule, the offsets held towards zero (a rule seen a few times keeps about what
the pooled model says; a rule seen a hundred times gets its own record). The model is
fitted by ``benchmarks/calibrate_suggest.py`` from the candidates of every held-out half,
replayed on the code that scored it, those under the floor of the time too
(``benchmarks/results/suggest-blind-candidates.json``), and shipped as ``calibration.json``
beside this module. A rule that did not exist then gets the pooled model. The learned layer's candidates keep their model's probability.

Example (the shipped file): a ``views`` candidate the rule drafts at 0.75 ("The series
was watched by 82 million households") comes out at 0.83; a ``released-on`` candidate the
rule drafts at 0.75 comes out at 0.43, under the default floor (0.45).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

#: The shipped model (written by ``benchmarks/calibrate_suggest.py``).
CALIBRATION = Path(__file__).with_name("calibration.json")

_EDGE = 1e-3


def logit(p: float) -> float:
    """log(p / (1 - p)), with p kept within [0.001, 0.999]."""
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


class Calibration:
    """P(right | rule, the rule's own confidence) = σ(a + b·logit(confidence) + offset[rule])."""

    def __init__(self, intercept: float, slope: float, offsets: dict[str, float],
                 meta: dict[str, object] | None = None) -> None:
        self.intercept = intercept
        self.slope = slope
        self.offsets = offsets
        self.meta = meta or {}

    def __call__(self, rule: str, confidence: float) -> float:
        z = self.intercept + self.slope * logit(confidence) + self.offsets.get(rule, 0.0)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps({"meta": self.meta, "intercept": self.intercept,
                           "slope": self.slope, "offsets": self.offsets},
                          indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        data = json.loads(text)
        return cls(float(data["intercept"]), float(data["slope"]),
                   {str(k): float(v) for k, v in data["offsets"].items()}, data.get("meta"))


@functools.cache
def load_calibration(path: Path = CALIBRATION) -> Calibration | None:
    """The shipped calibration (None when no file is there: confidences stay the rules')."""
    if not path.exists():
        return None
    return Calibration.from_json(path.read_text(encoding="utf-8"))


def calibrated(rule: str, confidence: float, floor: float,
               model: Calibration | None = None) -> float:
    """The confidence suggest gives a candidate of ``rule`` drafted at ``confidence``
    (``model``: the shipped one unless given).

    A candidate a rule itself puts below suggest's default floor (``floor``, suggest's
    ``MIN_CONFIDENCE``, which this module cannot import: suggest imports it) keeps its
    confidence, or the model's where that is lower, and stays below: a rule's doubt of
    that kind ("Season 1" with nothing said of it) is kept."""
    model = model or load_calibration()
    if model is None or rule.startswith("learned:"):
        return confidence
    p = model(rule, confidence)
    return p if round(confidence, 2) >= floor else min(p, confidence)
