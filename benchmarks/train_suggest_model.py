"""Train suggest's learned relation layer on evaluation sets, and measure how it transfers.

    python benchmarks/train_suggest_model.py [SET ...] [--out FILE]
    python benchmarks/train_suggest_model.py --leave-one-set-out [SET ...]
    python benchmarks/train_suggest_model.py --learning-curve [SET ...]

Without options: reads every article of the named sets (default: dev to dev-30
under benchmarks/suggest_eval), lets the rules read it (knowing the seeds' entities
only, as the evaluation does), makes the learned layer's candidate pairs, labels each pair
from the set's gold facts (a pair is positive for a property when a gold statement joins
its two entities with that property and one of its quotes overlaps the pair's clause) and
fits the model (``heroes_kg.grow.suggest.learned.train``). It then chooses the model's
merge floor for each property, the confidence a learned candidate needs to be added to
the rules', by cross-validation inside those sets: the sets are dealt into two folds,
each scored by a model trained on the other, and a property's floor is the lowest at
which the candidates a merge would add were right at least ``learned.MERGE_PRECISION`` of
the time (a property no floor suits is not merged). The weights are written to
src/heroes_kg/grow/suggest/learned.json with the sets' names, the floors and a
fingerprint of the training examples; the same sets always give the same file.

``--learning-curve``: trains on the first 2, 5, 10, 15 and 20 of the sets and scores the
layer alone and merged on the last ten (none of them trained on), to show how much more
gold would give it.

``--leave-one-set-out``: for each set, trains on the others and scores that set three
ways: (a) the rules alone, (b) the learned layer alone (the shared mention layer and the
entities the rules propose, none of the rules' statements), (c) both merged (rules first,
learned candidates at the floors chosen inside the training sets, where no rule joins the
same two entities), all at suggest's confidence floor. This is the figure that says
whether the layer transfers to news it was not trained on.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from heroes_kg.corpus.curation import load_corpus  # noqa: E402
from heroes_kg.grow.suggest import (  # noqa: E402
    MIN_CONFIDENCE,
    ArticleScore,
    GoldEntity,
    GoldFact,
    finish,
    gold_entities,
    read,
    score,
)
from heroes_kg.grow.suggest import learned as layer  # noqa: E402
from heroes_kg.grow.suggest._doc import Doc  # noqa: E402
from heroes_kg.project import find_project  # noqa: E402
from suggest_eval import load_half, totals  # noqa: E402

SETS = ROOT / "benchmarks" / "suggest_eval"
#: Folds of the cross-validation inside the training sets that sets the merge floor.
INNER_FOLDS = 2
DEFAULT_SETS = ("dev", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8", "dev-9",
                "dev-10", "dev-11",
                "dev-12", "dev-13", "dev-14", "dev-15", "dev-16", "dev-17", "dev-18",
                "dev-19", "dev-20", "dev-21", "dev-22", "dev-23", "dev-24", "dev-25", "dev-26",
                "dev-27", "dev-28", "dev-29", "dev-30", "dev-31", "dev-32",
                "dev-33", "dev-34", "dev-35", "dev-36", "dev-37", "dev-38")


@dataclass
class Read:
    """One article read: the rules' doc, its pairs with their labels, and its gold."""

    set: str
    doc: Doc
    pairs: list[layer.Pair]
    labels: list[str]
    gold: dict[str, GoldEntity]
    facts: list[GoldFact]


def read_sets(folders: list[Path]) -> tuple[list[Read], dict[str, tuple[str, tuple[str, ...]]]]:
    corpus = load_corpus(find_project(ROOT))
    known = list(corpus.entities.values())
    seeds = gold_entities(known)
    known_names = {e.id: (e.type, (e.name, *e.aliases)) for e in known}
    out = []
    for folder in folders:
        for article, entities, facts in load_half(folder):
            doc = read(article, known)
            found = layer.pairs(doc)
            names = {k: n for k, (_t, n) in known_names.items()}
            names.update({e.id: (e.name,) for e in doc.new.values()})
            names.update({i: (n,) for p in found for i, n, _t in p.new})
            gold = {**seeds, **entities}
            labels = layer.label_pairs(
                found, names, {k: g.names for k, g in gold.items()},
                [(g.subject, g.property, g.object or "", dict(g.qualifiers).get("in"),
                  g.spans) for g in facts])
            out.append(Read(folder.name, doc, found, labels, gold, facts))
    return out, known_names


def examples(reads: list[Read]) -> list[tuple[list[str], str]]:
    return [(p.features, label) for r in reads
            for p, label in zip(r.pairs, r.labels, strict=True) if label != layer.IGNORE]


def fit(reads: list[Read], names: list[str], inner: bool = True) -> layer.Model:
    """The model trained on ``reads``; with ``inner``, its merge floor chosen by
    cross-validation over the sets in ``reads`` (:func:`merge_floor`)."""
    model = layer.train(examples(reads), meta={"trained_on": names})
    if inner:
        model.meta["merge_floors"] = merge_floors(reads)
    return model


def merge_floors(reads: list[Read]) -> dict[str, float]:
    """Each property's lowest confidence at which the learned candidates a merge would add
    were right at least ``layer.MERGE_PRECISION`` of the time on sets the model did not
    see (``layer.choose_floors``): the sets of ``reads`` are dealt into ``INNER_FOLDS``
    folds, each fold scored by a model trained on the others (pairs judged by their
    labels, as in training)."""
    sets = sorted({r.set for r in reads}, key=lambda n: [r.set for r in reads].index(n))
    folds = [sets[i::INNER_FOLDS] for i in range(min(INNER_FOLDS, len(sets)))]
    scored_pairs: list[tuple[str, float, bool]] = []
    for fold in folds:
        if len(fold) == len(sets):
            continue
        model = fit([r for r in reads if r.set not in fold], [], inner=False)
        for r in reads:
            if r.set in fold:
                scored_pairs += layer.added(r.doc, model, r.pairs, r.labels)
    return layer.choose_floors(scored_pairs)


def scored(reads: list[Read], known: dict[str, tuple[str, tuple[str, ...]]],
           model: layer.Model | None, mode: str) -> list[ArticleScore]:
    scores = []
    for r in reads:
        new = dict(r.doc.new)  # the layer adds the entities it names: not for the next run
        found = r.doc.found if model is None else layer.add_candidates(
            r.doc, model, replace=mode == "only", found=r.pairs)
        result = finish(r.doc, found, MIN_CONFIDENCE)
        scores.append(score(r.doc.article.id, r.doc.text, r.gold, r.facts, result, known))
        r.doc.new = new
    return scores


def learning_curve(reads: list[Read], known: dict[str, tuple[str, tuple[str, ...]]],
                   names: list[str]) -> None:
    """The layer trained on more and more of the first sets, scored on the last ten."""
    if len(names) < 12:
        sys.exit("--learning-curve needs at least twelve sets: it scores the last ten")
    pool, held = names[:-10], names[-10:]
    test = [r for r in reads if r.set in held]
    rules = totals(scored(test, known, None, "merge"))
    print(f"scored on {', '.join(held)} ({len(test)} articles, {rules['gold']} gold); "
          f"the rules alone {rules['correct']} right of {rules['candidates']} "
          f"({rules['recall']:.3f} / {rules['precision']:.2f})")
    print(f"{'sets':>4} {'articles':>8} {'gold':>6}  {'layer alone: right/cands':>24} "
          f"{'R':>5} {'P':>4}  {'merged: right/cands':>19} {'R':>5} {'P':>4}  merge floors")
    for k in (2, 5, 10, 15, 20):
        if k > len(pool):
            break
        train = [r for r in reads if r.set in pool[:k]]
        model = fit(train, pool[:k])
        alone = totals(scored(test, known, model, "only"))
        merged = totals(scored(test, known, model, "merge"))
        floors = ", ".join(f"{p} {v:.2f}" for p, v in sorted(model.meta["merge_floors"].items())
                           if v < 1) or "none"
        cells = [(f"{t['correct']}/{t['candidates']}", t["recall"], t["precision"])
                 for t in (alone, merged)]
        print(f"{k:>4} {len(train):>8} {sum(len(r.facts) for r in train):>6}  "
              f"{cells[0][0]:>24} {cells[0][1]:>5.3f} {cells[0][2]:>4.2f}  "
              f"{cells[1][0]:>19} {cells[1][1]:>5.3f} {cells[1][2]:>4.2f}  {floors}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(DEFAULT_SETS), metavar="SET",
                        help="set names under benchmarks/suggest_eval, or folders")
    parser.add_argument("--out", type=Path, default=layer.WEIGHTS)
    parser.add_argument("--leave-one-set-out", action="store_true")
    parser.add_argument("--learning-curve", action="store_true",
                        help="train on the first 2, 5, 10, 15, 20 sets; score the last ten")
    args = parser.parse_args()
    folders = [Path(s) if Path(s).is_dir() and "/" in s else SETS / s for s in args.sets]
    for folder in folders:
        if not (folder / "gold").is_dir():
            parser.error(f"{folder} is not an evaluation set: it needs articles/ and gold/")
    names = [f.name for f in folders]
    reads, known = read_sets(folders)
    if args.learning_curve:
        learning_curve(reads, known, names)
        return
    if not args.leave_one_set_out:
        model = fit(reads, names)
        positives = sum(1 for r in reads for x in r.labels if x != layer.NONE)
        args.out.write_text(model.to_json(), encoding="utf-8")
        print(f"trained on {', '.join(names)}: {model.meta['examples']} pairs "
              f"({positives} positive), {model.meta['features']} features -> {args.out}")
        return
    print(f"{'held out':<10} {'trained on':<22} {'mode':<8} {'gold':>5} {'cands':>5} "
          f"{'found':>5} {'right':>5} {'recall':>6} {'prec':>5}")
    rows: dict[str, list[ArticleScore]] = {"rules": [], "learned": [], "merged": []}
    floors = []
    for held in names:
        train_on = [n for n in names if n != held]
        model = fit([r for r in reads if r.set != held], train_on)
        added = sorted(f"{k} {v:.2f}" for k, v in model.meta["merge_floors"].items() if v < 1)
        floors.append(f"{held}: {', '.join(added) or 'none'}")
        test = [r for r in reads if r.set == held]
        for mode, m in (("rules", None), ("learned", model), ("merged", model)):
            s = scored(test, known, m, "only" if mode == "learned" else "merge")
            rows[mode] += s
            t = totals(s)
            print(f"{held:<10} {'+'.join(train_on):<22} {mode:<8} {t['gold']:>5} "
                  f"{t['candidates']:>5} {t['found']:>5} {t['correct']:>5} "
                  f"{t['recall']:>6.2f} {t['precision']:>5.2f}")
    for mode, s in rows.items():
        t = totals(s)
        print(f"{'ALL':<10} {'(each held out once)':<22} {mode:<8} {t['gold']:>5} "
              f"{t['candidates']:>5} {t['found']:>5} {t['correct']:>5} "
              f"{t['recall']:>6.2f} {t['precision']:>5.2f}")
    print("merge floors chosen inside the training sets (properties merged at all):")
    for line in floors:
        print(f"  {line}")


if __name__ == "__main__":
    main()
