"""Suggestion quality on real film/TV news that suggest was not written from.

    python benchmarks/suggest_eval.py benchmarks/suggest_eval/dev [dev-2 …] [--json FILE] [--misses]

Each SET is a folder with ``articles/`` (each article's text as ID.txt, exactly as
published, and its metadata as ID.yaml: id, title, date, url, publisher_name) and
``gold/`` (ID.yaml: the facts a careful curator would add, in the facts format). Entities
a gold file uses without declaring come from the project's seeds (Netflix, Twitter...).

suggest runs on each article knowing the seeds' entities only. Scoring (see
``heroes_kg.grow.suggest._score``): candidate entities are aligned with gold ones by id, by
name or alias, and helper nodes (figures, quotations, posts...) by the facts they share;
a candidate is right when subject, property, object or value and qualifiers agree and
its quote overlaps a gold quote of that fact. Printed per article and for the half:
recall, precision, new entities correctly typed, noise entities, time per article,
then the totals of each set and, for several sets, of all of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from heroes_kg.corpus import load_yaml
from heroes_kg.corpus.curation import Article, load_corpus
from heroes_kg.grow.suggest import (
    MIN_CONFIDENCE,
    ArticleScore,
    GoldEntity,
    GoldFact,
    gold_entities,
    score,
    suggest,
)
from heroes_kg.project import find_project


def _spans(text: str, quote: str, occurrence: int | None) -> list[tuple[int, int]]:
    starts, at = [], text.find(quote)
    while at >= 0 and quote:
        starts.append(at)
        at = text.find(quote, at + 1)
    if occurrence and len(starts) >= occurrence:
        starts = [starts[occurrence - 1]]
    return [(a, a + len(quote)) for a in starts]


def load_half(folder: Path) -> list[tuple[Article, dict[str, GoldEntity], list[GoldFact]]]:
    out = []
    for meta_path in sorted((folder / "articles").glob("*.yaml")):
        meta = load_yaml(meta_path.read_text(encoding="utf-8"))
        text_path = folder / "articles" / str(meta.get("file") or f"{meta_path.stem}.txt")
        gold_path = folder / "gold" / f"{meta_path.stem}.yaml"
        if not text_path.exists() or not gold_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        date = meta.get("date")
        article = Article(str(meta["id"]), str(meta.get("title", "")), text_path.name, text,
                          date=str(date) if date else None)
        gold = load_yaml(gold_path.read_text(encoding="utf-8")) or {}
        entities = {str(e["id"]): GoldEntity(str(e["id"]), str(e["type"]), (
            str(e.get("name", "")), *(str(a) for a in e.get("aliases") or [])))
            for e in gold.get("entities") or []}
        facts = []
        for st in gold.get("statements") or []:
            evidence = [ev for ev in st.get("evidence") or [] if isinstance(ev, dict)
                        and ev.get("article", article.id) == article.id]
            spans = [sp for ev in evidence for sp in _spans(text, str(ev.get("quote", "")),
                                                             ev.get("occurrence"))]
            quals = tuple(sorted((k, str(st[k])) for k in ("in", "as") if k in st))
            value = st.get("value")
            facts.append(GoldFact(str(st["subject"]), str(st["property"]),
                                  None if st.get("object") is None else str(st["object"]),
                                  None if value is None else (
                                      str(value).lower() if isinstance(value, bool)
                                      else str(value)),
                                  quals, tuple(spans),
                                  tuple(str(ev.get("quote", "")) for ev in evidence)))
        out.append((article, entities, facts))
    return out


def evaluate(folder: Path, project: Path,
             min_confidence: float = MIN_CONFIDENCE, learned: str = "off") -> list[ArticleScore]:
    corpus = load_corpus(find_project(project))
    known = list(corpus.entities.values())
    seeds = gold_entities(known)
    known_names = {e.id: (e.type, (e.name, *e.aliases)) for e in known}
    scores = []
    for article, entities, facts in load_half(folder):
        began = time.perf_counter()
        result = suggest(article, known, min_confidence=min_confidence, learned=learned)
        seconds = time.perf_counter() - began
        s = score(article.id, article.text, {**seeds, **entities}, facts, result, known_names)
        s.seconds = seconds
        scores.append(s)
    return scores


def totals(scores: list[ArticleScore]) -> dict[str, float]:
    gold = sum(s.gold for s in scores)
    cands = sum(s.candidates for s in scores)
    aligned = sum(s.aligned_new for s in scores)
    return {
        "articles": len(scores),
        "gold": gold, "candidates": cands,
        "found": sum(s.found for s in scores), "correct": sum(s.correct for s in scores),
        "recall": sum(s.found for s in scores) / gold if gold else 0.0,
        "precision": sum(s.correct for s in scores) / cands if cands else 1.0,
        "typed": sum(s.typed for s in scores) / aligned if aligned else 1.0,
        "noise": sum(len(s.noise) for s in scores),
        "seconds_per_article": sum(s.seconds for s in scores) / len(scores) if scores else 0.0,
    }


def _row(label: str, t: dict[str, float]) -> str:
    return (f"{label:<40} {t['gold']:>5} {t['candidates']:>5} {t['found']:>5} "
            f"{t['correct']:>5} {t['recall']:>6.2f} {t['precision']:>5.2f} "
            f"{t['typed']:>7.2f} {t['noise']:>5} {t['seconds_per_article'] * 1000:>6.1f}")


def _articles(scores: list[ArticleScore]) -> list[dict[str, object]]:
    return [{"article": s.article, "gold": s.gold, "candidates": s.candidates,
             "found": s.found, "correct": s.correct, "recall": s.recall,
             "precision": s.precision, "new_entities": s.new_entities,
             "aligned_new_entities": s.aligned_new, "typed": s.typed,
             "noise": s.noise, "seconds": s.seconds} for s in scores]


def _by_rule(scores: list[ArticleScore]) -> str:
    tally: dict[str, list[int]] = {}
    for s in scores:
        for rule, (n, right) in s.by_rule.items():
            t = tally.setdefault(rule, [0, 0])
            t[0] += n
            t[1] += right
    lines = [f"{'rule':<40} {'cands':>5} {'right':>5} {'prec':>5}"]
    for rule, (n, right) in sorted(tally.items(), key=lambda kv: (kv[1][1] / kv[1][0], kv[0])):
        lines.append(f"{rule[:40]:<40} {n:>5} {right:>5} {right / n:>5.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="+", metavar="SET",
                        help="one or more set folders: benchmarks/suggest_eval/dev dev-2 …")
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--misses", action="store_true",
                        help="list the gold facts missed, the wrong candidates, mistyped "
                             "and noise entities")
    parser.add_argument("--min-confidence", type=float, default=MIN_CONFIDENCE,
                        help=f"suggest's confidence floor (default {MIN_CONFIDENCE}; 0 scores "
                             "every candidate, as --by-rule should to measure the rules)")
    parser.add_argument("--learned", choices=("off", "merge", "only"), default="off",
                        help="the learned relation layer: off (the rules alone, the "
                             "default), merge (the rules, then the layer's candidates), "
                             "only (the layer alone); its weights are trained on the "
                             "development sets, so only benchmarks/train_suggest_model.py "
                             "--leave-one-set-out measures it fairly")
    parser.add_argument("--by-rule", action="store_true",
                        help="also print, per rule, its candidates, how many are right and "
                             "precision, over all the sets given")
    args = parser.parse_args()
    for folder in args.sets:
        if not (folder / "articles").is_dir() or not (folder / "gold").is_dir():
            parser.error(f"{folder} is not an evaluation set: it needs articles/ and gold/ "
                         "folders (see benchmarks/suggest_eval/dev)")
    print(f"{'article':<40} {'gold':>5} {'cands':>5} {'found':>5} {'right':>5} "
          f"{'recall':>6} {'prec':>5} {'typed':>7} {'noise':>5} {'ms':>6}")
    per_set: list[tuple[str, list[ArticleScore]]] = []
    for folder in args.sets:
        scores = evaluate(folder, Path(args.project), args.min_confidence, args.learned)
        per_set.append((folder.name, scores))
        for s in scores:
            print(f"{s.article[:40]:<40} {s.gold:>5} {s.candidates:>5} {s.found:>5} "
                  f"{s.correct:>5} {s.recall:>6.2f} {s.precision:>5.2f} "
                  f"{s.typed:>3}/{s.aligned_new:<3} {len(s.noise):>5} {s.seconds * 1000:>6.1f}")
            if args.misses:
                for label, items in (("missed", s.missed), ("wrong", s.wrong),
                                     ("mistyped", s.mistyped), ("noise", s.noise)):
                    for item in items:
                        print(f"    {label}: {item[:150]}")
        print(_row(f"ALL ({folder.name})", totals(scores)))
    everything = [s for _name, scores in per_set for s in scores]
    if len(per_set) > 1:
        print(_row("ALL (" + " + ".join(name for name, _s in per_set) + ")", totals(everything)))
    if args.by_rule:
        print(_by_rule(everything))
    if args.json:
        if len(per_set) == 1:
            name, scores = per_set[0]
            data: dict[str, object] = {"half": name, "totals": totals(scores),
                                       "articles": _articles(scores)}
        else:
            data = {"sets": [{"set": name, "totals": totals(scores),
                              "articles": _articles(scores)} for name, scores in per_set],
                    "totals": totals(everything)}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
