"""Would the calibration carry over better with more than the rule and its confidence?

    python benchmarks/calibration_features.py [--trees]

Replays every held-out round on the commit that scored it (as ``calibrate_suggest.py
--replay`` does, about two minutes), keeping with each candidate what suggest knows of it
when it is drafted: its property, whether it has a value rather than an object, whether
its subject or object is a new entity and of what type, how many more quotes and other
rules support it, its qualifiers, how many candidates its article and its rule there gave,
and its quote's length. Then, leaving one round out at a time as
``calibrate_suggest.py --leave-one-round-out`` does, it fits logistic models with groups
of those features beside the shipped model's (the logit of the rule's own confidence and
an offset per rule, held towards zero the same way) and prints, for each, the average
precision of the order, the Brier score, and precision and recall at floors 0.45 to 0.75.
``--trees`` adds gradient-boosted trees over the same features (needs scikit-learn, which
heroes-kg does not depend on).

Every candidate is labelled as it is scored with no confidence floor, so the first model
here is the shipped model fitted again on those labels, the reference for the others.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from calibrate_suggest import CHILD_PRELUDE, ROUNDS, average_precision, run_at  # noqa: E402
from heroes_kg.grow.suggest import MIN_CONFIDENCE  # noqa: E402
from heroes_kg.grow.suggest._calibrate import logit  # noqa: E402

FLOORS = (0.45, 0.55, 0.65, 0.75)

_CHILD = CHILD_PRELUDE + r"""

def score(*args, **kwargs):
    out = scored(*args, **kwargs)
    result = next(a for a in [*args, *kwargs.values()] if type(a).__name__ == "Suggestions")
    new = {e.id: e.type for e in result.entities}
    per_rule = {}
    for c in result.statements:
        per_rule[c.rule] = per_rule.get(c.rule, 0) + 1
    out.features = [{
        "property": c.property, "literal": c.object is None,
        "subject_new": c.subject in new, "object_new": bool(c.object) and c.object in new,
        "subject_type": new.get(c.subject, "known"),
        "object_type": "literal" if c.object is None else new.get(c.object, "known"),
        "qualifiers": len(c.qualifiers), "quote_len": len(c.quote), "more": len(c.more),
        "findings": len(getattr(c, "findings", None) or []),
        "n_article": len(result.statements), "n_rule_article": per_rule[c.rule],
    } for c in result.statements]
    return out


se.score = score
try:  # every candidate with the rule's own confidence, from code that calibrates too
    from heroes_kg.grow.suggest import _calibrate
    _calibrate.load_calibration = lambda *args, **kwargs: None
except ImportError:
    pass
every = se.evaluate(wt / "benchmarks" / "suggest_eval" / "heldout", wt, min_confidence=0.0)
rows = [{"rule": graded[0], "own": graded[1], "ok": bool(graded[-1]), **features}
        for s in every for graded, features in zip(s.graded, s.features)]
json.dump({"gold": sum(s.gold for s in every), "rows": rows}, sys.stdout)
"""

Candidate = dict[str, object]


def replay() -> dict[int, tuple[int, list[Candidate]]]:
    """Each round's gold count and candidates, with their features."""
    out = {}
    for n, commit in ROUNDS.items():
        data = json.loads(run_at(commit, _CHILD))
        out[n] = (int(data["gold"]), data["rows"])
        print(f"round {n:>2} ({commit}): {len(data['rows'])} candidates", file=sys.stderr,
              flush=True)
    return out


def features(c: Candidate, groups: frozenset[str]) -> list[tuple[str, float, float]]:
    """(name, L2 penalty, value) of each feature of ``c`` in ``groups``."""
    f = [("intercept", 0.0, 1.0), ("own", 0.0, logit(float(c["own"]))),  # type: ignore[arg-type]
         (f"rule={c['rule']}", 3.0, 1.0)]
    if "property" in groups:
        f.append((f"property={c['property']}", 3.0, 1.0))
    if "entities" in groups:
        f += [("literal", 1.0, float(bool(c["literal"]))),
              ("subject_new", 1.0, float(bool(c["subject_new"]))),
              ("object_new", 1.0, float(bool(c["object_new"]))),
              ("qualified", 1.0, float(int(c["qualifiers"]) > 0))]  # type: ignore[call-overload]
    if "types" in groups:
        f += [(f"subject_type={c['subject_type']}", 3.0, 1.0),
              (f"object_type={c['object_type']}", 3.0, 1.0)]
    if "support" in groups:
        f += [("more", 1.0, math.log1p(int(c["more"]))),  # type: ignore[call-overload]
              ("findings", 1.0, math.log1p(int(c["findings"])))]  # type: ignore[call-overload]
    if "article" in groups:
        f += [("n_article", 1.0, math.log1p(int(c["n_article"]))),  # type: ignore[call-overload]
              ("n_rule_article", 1.0,
               math.log1p(int(c["n_rule_article"])))]  # type: ignore[call-overload]
    if "quote" in groups:
        f.append(("quote_len", 1.0, math.log1p(int(c["quote_len"]))))  # type: ignore[call-overload]
    return f


def fit_predict(train: list[Candidate], test: list[Candidate],
                groups: frozenset[str]) -> np.ndarray:
    """A penalised logistic model fitted on ``train`` (Newton's method), applied to ``test``."""
    index: dict[str, int] = {}
    penalty: list[float] = []
    for c in train:
        for name, pen, _v in features(c, groups):
            if name not in index:
                index[name] = len(index)
                penalty.append(pen)

    def matrix(cs: list[Candidate]) -> np.ndarray:
        x = np.zeros((len(cs), len(index)))
        for i, c in enumerate(cs):
            for name, _pen, v in features(c, groups):
                if name in index:
                    x[i, index[name]] = v
        return x

    x, y, pen = matrix(train), np.array([bool(c["ok"]) for c in train], float), np.array(penalty)
    theta = np.zeros(len(index))
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ theta)))
        step = np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-9),
                               x.T @ (p - y) + pen * theta)
        theta -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return 1.0 / (1.0 + np.exp(-(matrix(test) @ theta)))


def trees_predict(train: list[Candidate], test: list[Candidate]) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier  # not a dependency

    cats = {k: sorted({str(c[k]) for c in train + test})
            for k in ("rule", "property", "subject_type", "object_type")}
    numeric = ("literal", "subject_new", "object_new", "qualifiers", "more", "findings",
               "n_article", "n_rule_article", "quote_len")

    def matrix(cs: list[Candidate]) -> np.ndarray:
        return np.array([[logit(float(c["own"])),  # type: ignore[arg-type]
                          *(cats[k].index(str(c[k])) for k in cats),
                          *(float(c[k]) for k in numeric)] for c in cs])  # type: ignore[arg-type]

    model = HistGradientBoostingClassifier(
        categorical_features=[False, True, True, True, True] + [False] * len(numeric),
        max_iter=100, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
        l2_regularization=1.0, random_state=0)
    model.fit(matrix(train), [bool(c["ok"]) for c in train])
    return np.asarray(model.predict_proba(matrix(test))[:, 1])


def leave_one_round_out(data: dict[int, tuple[int, list[Candidate]]], label: str,
                        predict: object) -> None:
    kept = {f: [0, 0] for f in FLOORS}
    gold, aps, brier, count = 0, [], 0.0, 0
    for n, (g, test) in data.items():
        train = [c for m, (_g, cs) in data.items() if m != n for c in cs]
        p = predict(train, test) if callable(predict) else None  # type: ignore[operator]
        if p is None:  # the rules' own confidences
            p = np.array([float(c["own"]) for c in test])  # type: ignore[arg-type]
        own = np.array([float(c["own"]) for c in test])  # type: ignore[arg-type]
        # a candidate its rule puts under the floor stays there, as in suggest
        p = np.where(np.round(own, 2) >= MIN_CONFIDENCE, p, np.minimum(p, own))
        ok = np.array([bool(c["ok"]) for c in test], float)
        aps.append(average_precision(list(zip(p.tolist(), ok.astype(bool).tolist()))))
        brier += float(((p - ok) ** 2).sum())
        count += len(test)
        gold += g
        for f in FLOORS:
            at = np.round(p, 2) >= f
            kept[f][0] += int(at.sum())
            kept[f][1] += int(ok[at].sum())
    cells = "  ".join(f"{r}/{c} {r / c:.2f} {r / gold:.3f}" for c, r in kept.values())
    print(f"{label:<34} {np.mean(aps):.3f} {brier / count:.4f}  {cells}", flush=True)


MODELS = [("the rule and its confidence (shipped)", frozenset()),
          ("+ property", frozenset({"property"})),
          ("+ entities new, literal, qualified", frozenset({"entities"})),
          ("+ new entities' types", frozenset({"types"})),
          ("+ support (quotes, other rules)", frozenset({"support"})),
          ("+ article and rule counts", frozenset({"article"})),
          ("+ quote length", frozenset({"quote"})),
          ("+ all of these", frozenset({"property", "entities", "types", "support",
                                        "article", "quote"}))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", action="store_true",
                        help="also gradient-boosted trees (needs scikit-learn)")
    args = parser.parse_args()
    data = replay()
    print(f"{len(data)} rounds, {sum(len(cs) for _g, cs in data.values())} candidates, "
          f"{sum(g for g, _cs in data.values())} gold; leave one round out")
    print(f"{'model':<34} {'AP':>5} {'Brier':>6}  "
          + "  ".join(f"{'@' + str(f) + ' right/cands P R':<22}" for f in FLOORS))
    leave_one_round_out(data, "the rules' own confidences", None)
    for label, groups in MODELS:
        leave_one_round_out(data, label,
                            lambda tr, te, g=groups: fit_predict(tr, te, g))
    if args.trees:
        leave_one_round_out(data, "boosted trees, every feature", trees_predict)


if __name__ == "__main__":
    main()
