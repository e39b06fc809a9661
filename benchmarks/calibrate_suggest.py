"""Calibrate suggest's confidences on the held-out halves, as each was scored once.

    python benchmarks/calibrate_suggest.py [--out FILE]
    python benchmarks/calibrate_suggest.py --replay [ROUND ...]
    python benchmarks/calibrate_suggest.py --leave-one-round-out [--earlier-only] [--floor F]

Without options: fits the calibration model (``heroes_kg.grow.suggest._calibrate``) on
``benchmarks/results/suggest-blind-candidates.json`` and writes
src/heroes_kg/grow/suggest/calibration.json; the same file always gives the same model.

``--replay``: makes that file. Every held-out half was scored once, on the rules of its
round, before any rule was tuned on it (``benchmarks/results/suggest-eval-heldout-N.json``).
For each round, the commit that scored it is checked out into a temporary git worktree
(this repository's history is needed), its own ``benchmarks/suggest_eval.py`` scores its
``heldout/`` half again with no confidence floor, and every candidate is kept: round,
article, rule, its confidence, the rule's own confidence (the same, before the
calibration existed) and whether it was right. Those at or above the floor of the time
(0.45 in every round) must give the figures recorded then (the script stops otherwise);
those under it are as blind, since no rule had been tuned on the half either. Round 1 is
not replayed: its scorer did not yet keep rules. Takes about a minute.

``--leave-one-round-out``: for each round, fits the model on the other rounds and scores
that round's candidates with it: precision and recall at the floor (suggest's default:
``MIN_CONFIDENCE``), against the rules' own confidences, the average precision of the
order candidates come out in, and the Brier score. This is the figure that says whether
the calibration carries over to a round it did not see. With ``--earlier-only`` each
round's model is fitted on the rounds before it only, as it would have been used then.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from heroes_kg.grow.suggest import MIN_CONFIDENCE  # noqa: E402
from heroes_kg.grow.suggest._calibrate import (  # noqa: E402
    CALIBRATION,
    Calibration,
    calibrated,
    logit,
)

RESULTS = ROOT / "benchmarks" / "results"
BLIND = RESULTS / "suggest-blind-candidates.json"
#: The commit that scored each round's held-out half (its results file names the round).
ROUNDS = {2: "9db557f", 3: "47abd89", 4: "380a773", 5: "2c6b51b", 6: "51b4d2d",
          7: "6fed54f", 8: "0b0483d", 9: "a17be6d", 10: "39b92d7", 11: "5c91abc",
          12: "7cf6565", 13: "b762e35", 14: "9c2672b", 15: "ee659d4", 16: "1433c6c",
          17: "8a9cdbd", 18: "527bb1f", 19: "4b9c143", 20: "fd20fbf",
          21: "133c7c5", 22: "3b775d7", 23: "8c0cdb5",
          24: "20aaedc", 25: "ca44757", 26: "9df169f", 27: "23c77a9",
          28: "df89ad7", 29: "0dfd7aa", 30: "33871b5",
          31: "4f31c37", 32: "08f9248", 33: "6db14ea", 34: "4ea3cf6", 35: "0132ba4", 36: "58621bf"}
#: How strongly a rule's offset is held towards zero (an L2 penalty, in candidates).
STRENGTH = 3.0

#: How a child process loads the suggest evaluation of a past commit's worktree (argv[1]).
CHILD_PRELUDE = r"""
import importlib.util, json, sys
from pathlib import Path
wt = Path(sys.argv[1])
sys.path.insert(0, str(wt / "src"))
spec = importlib.util.spec_from_file_location("suggest_eval_then",
                                              wt / "benchmarks" / "suggest_eval.py")
se = importlib.util.module_from_spec(spec)
sys.modules["suggest_eval_then"] = se
spec.loader.exec_module(se)
import heroes_kg
assert str(wt) in heroes_kg.__file__, heroes_kg.__file__
scored = se.score
"""

_CHILD = CHILD_PRELUDE + r"""

def score(*args, **kwargs):
    out = scored(*args, **kwargs)
    result = next(a for a in [*args, *kwargs.values()] if type(a).__name__ == "Suggestions")
    out.keys = [(c.subject, c.property, c.object, str(c.value)) for c in result.statements]
    return out


se.score = score
half = wt / "benchmarks" / "suggest_eval" / "heldout"
floor = se.evaluate(half, wt)
try:  # every candidate with the rule's own confidence, from code that calibrates too
    from heroes_kg.grow.suggest import _calibrate
    _calibrate.load_calibration = lambda *args, **kwargs: None
except ImportError:
    pass
every = se.evaluate(half, wt, min_confidence=0.0)
own = {(s.article, key): graded[1] for s in every for key, graded in zip(s.keys, s.graded)}
rows = []
for at_floor, s in zip(floor, every):
    drafted = {}
    for key, (rule, confidence, *_stated, ok) in zip(at_floor.keys, at_floor.graded):
        drafted[key] = [at_floor.article, rule, confidence,
                        own.get((s.article, key), confidence), bool(ok), True]
    rows += drafted.values()
    for key, (rule, confidence, *_stated, ok) in zip(s.keys, s.graded):
        if key not in drafted:
            rows.append([s.article, rule, None, confidence, bool(ok), False])
json.dump({"gold": sum(s.gold for s in floor), "rows": rows}, sys.stdout)
"""


def run_at(commit: str, child: str) -> str:
    """What the Python program ``child`` prints, run in a worktree of ``commit`` (whose
    path it gets as its first argument); the worktree is removed after."""
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / "wt"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                        str(wt), commit], check=True)
        try:
            return subprocess.run([sys.executable, "-c", child, str(wt)], check=True,
                                  capture_output=True, text=True, cwd=tmp).stdout
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(wt)], check=True)


def replay(rounds: list[int]) -> dict[str, object]:
    """Each round's candidates, scored again on the code that scored it once."""
    data = json.loads(BLIND.read_text(encoding="utf-8")) if BLIND.exists() else {"rounds": {}}
    for n in rounds:
        commit = ROUNDS[n]
        recorded = json.loads((RESULTS / f"suggest-eval-heldout-{n}.json")
                              .read_text(encoding="utf-8"))["totals"]
        got = json.loads(run_at(commit, _CHILD))
        drafted = [row for row in got["rows"] if row[5]]
        got["candidates"] = len(drafted)
        got["correct"] = sum(row[4] for row in drafted)
        if (got["candidates"], got["correct"]) != (recorded["candidates"], recorded["correct"]):
            sys.exit(f"round {n} ({commit}): replayed {got['correct']} right of "
                     f"{got['candidates']} at the floor, recorded {recorded['correct']} of "
                     f"{recorded['candidates']}")
        data["rounds"][str(n)] = {"commit": commit, **got}
        print(f"round {n:>2} ({commit}): {got['correct']} right of {got['candidates']} "
              f"candidates at the floor, {len(got['rows'])} in all, {got['gold']} gold",
              flush=True)
    data["rounds"] = dict(sorted(data["rounds"].items(), key=lambda kv: int(kv[0])))
    BLIND.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    return data


#: round, article, rule, confidence (NaN when not drafted), the rule's own confidence,
#: right (as scored at the floor for the candidates drafted then, else as scored with
#: every candidate)
Row = tuple[int, str, str, float, float, bool]


def rows_of(data: dict[str, object]) -> list[Row]:
    rounds = data["rounds"]
    assert isinstance(rounds, dict)
    return [(int(n), str(a), str(rule), math.nan if c is None else float(c), float(own),
             bool(ok)) for n, r in rounds.items() for a, rule, c, own, ok, _drafted in r["rows"]]


def fit(rows: list[Row], strength: float = STRENGTH) -> Calibration:
    """The calibration model fitted on ``rows`` (Newton's method; deterministic)."""
    rules = sorted({r[2] for r in rows})
    index = {rule: i for i, rule in enumerate(rules)}
    x = np.zeros((len(rows), 2 + len(rules)))
    y = np.zeros(len(rows))
    for i, (_n, _a, rule, _confidence, stated, ok) in enumerate(rows):
        x[i, 0] = 1.0
        x[i, 1] = logit(stated)
        x[i, 2 + index[rule]] = 1.0
        y[i] = ok
    theta = np.zeros(x.shape[1])
    penalty = np.r_[0.0, 0.0, np.full(len(rules), strength)]
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ theta)))
        gradient = x.T @ (p - y) + penalty * theta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    offsets = {rule: round(float(theta[2 + i]), 6) for rule, i in index.items()}
    fingerprint = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    meta = {"rounds": sorted({r[0] for r in rows}), "candidates": len(rows),
            "right": sum(r[5] for r in rows), "strength": strength,
            "fingerprint": fingerprint,
            "made_by": "benchmarks/calibrate_suggest.py from "
                       "benchmarks/results/suggest-blind-candidates.json"}
    return Calibration(round(float(theta[0]), 6), round(float(theta[1]), 6), offsets, meta)


def average_precision(scored: list[tuple[float, bool]]) -> float:
    """Mean of the precision at each right candidate, candidates best first."""
    hits, total = 0, 0.0
    for i, (_p, ok) in enumerate(sorted(scored, key=lambda s: -s[0]), 1):
        if ok:
            hits += 1
            total += hits / i
    return total / hits if hits else 0.0


def leave_one_round_out(data: dict[str, object], floor: float, earlier: bool = False) -> None:
    rows = rows_of(data)
    rounds = data["rounds"]
    assert isinstance(rounds, dict)
    print(f"{'round':>5} {'gold':>5}  {'rules own: right/cands':>22} {'P':>5} {'R':>5}  "
          f"{'calibrated: right/cands':>23} {'P':>5} {'R':>5}  {'AP own':>6} {'AP cal':>6}")
    sums = np.zeros(5)
    aps: list[tuple[float, float]] = []
    brier = [0.0, 0.0]
    count = 0
    for n in sorted(int(k) for k in rounds):
        if earlier and n < min(int(k) for k in rounds) + 4:
            continue
        model = fit([r for r in rows if (r[0] < n if earlier else r[0] != n)])
        test = [r for r in rows if r[0] == n]
        count += len(test)
        gold = int(rounds[str(n)]["gold"])
        own = [(r[4], r[5]) for r in test if round(r[4], 2) >= floor]
        cal = [(calibrated(r[2], r[4], floor, model), r[5]) for r in test]
        kept = [s for s in cal if round(s[0], 2) >= floor]
        ap = (average_precision([(r[4], r[5]) for r in test]), average_precision(cal))
        aps.append(ap)
        brier[0] += sum((r[4] - r[5]) ** 2 for r in test)
        brier[1] += sum((p - ok) ** 2 for p, ok in cal)
        row = np.array([gold, len(own), sum(ok for _p, ok in own), len(kept),
                        sum(ok for _p, ok in kept)])
        sums += row
        print(_line(str(n), row) + f"  {ap[0]:>6.3f} {ap[1]:>6.3f}")
    print(_line("all", sums) + f"  {np.mean([a for a, _ in aps]):>6.3f} "
          f"{np.mean([b for _, b in aps]):>6.3f}")
    print(f"Brier score over {count} candidates: the rules' own {brier[0] / count:.3f}, "
          f"calibrated {brier[1] / count:.3f}")


def _line(label: str, row: np.ndarray) -> str:
    gold, own_c, own_r, cal_c, cal_r = (int(v) for v in row)

    def cell(right: int, cands: int) -> str:
        return (f"{f'{right}/{cands}':>22} {right / cands if cands else math.nan:>5.2f} "
                f"{right / gold:>5.2f}")

    return f"{label:>5} {gold:>5}  {cell(own_r, own_c)}  {cell(cal_r, cal_c)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replay", nargs="*", type=int, metavar="ROUND",
                        help="replay these rounds (default: every round) into "
                             f"{BLIND.relative_to(ROOT)}")
    parser.add_argument("--leave-one-round-out", action="store_true",
                        help="fit on all rounds but one, score that one, for each")
    parser.add_argument("--earlier-only", action="store_true",
                        help="with --leave-one-round-out: fit each round's model on the "
                             "rounds before it only (from the sixth round on), as the "
                             "calibration would have been used then")
    parser.add_argument("--floor", type=float, default=MIN_CONFIDENCE,
                        help=f"the confidence floor of --leave-one-round-out "
                             f"(default {MIN_CONFIDENCE})")
    parser.add_argument("--out", type=Path, default=CALIBRATION,
                        help="where the fitted model goes")
    args = parser.parse_args()
    if args.replay is not None:
        replay(args.replay or sorted(ROUNDS))
        return
    data = json.loads(BLIND.read_text(encoding="utf-8"))
    if args.leave_one_round_out:
        leave_one_round_out(data, args.floor, args.earlier_only)
        return
    model = fit(rows_of(data))
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"fitted on rounds {model.meta['rounds']}: {model.meta['candidates']} candidates, "
          f"{model.meta['right']} right, {len(model.offsets)} rules -> {args.out}")


if __name__ == "__main__":
    main()
