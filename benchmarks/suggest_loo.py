"""Leave-one-out benchmark of ``heroes-kg suggest`` on the seed articles.

For each ordered pair of seed articles (A, B): the known entities are those of A's
curated statements only; suggest runs on B; its candidate statements are compared with
B's curated statements by subject, property and object (or value).

    python benchmarks/suggest_loo.py [--project DIR] [--misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from heroes_kg.corpus.curation import load_corpus
from heroes_kg.grow.suggest import leave_one_out
from heroes_kg.project import find_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--misses", action="store_true",
                        help="also list the curated statements missed and the wrong candidates")
    args = parser.parse_args()
    corpus = load_corpus(find_project(args.project))
    print(f"{'known from':<18} {'suggest on':<18} {'curated':>7} {'cands':>6} "
          f"{'found':>6} {'recall':>7} {'precision':>9}")
    for source, target in itertools.permutations(sorted(corpus.articles), 2):
        s = leave_one_out(corpus, source, target)
        print(f"{source:<18} {target:<18} {s.curated:>7} {s.candidates:>6} {s.found:>6} "
              f"{s.recall:>7.2f} {s.precision:>9.2f}")
        if args.misses:
            for label, keys in (("missed", s.missed), ("wrong", s.wrong)):
                for key in keys:
                    print(f"    {label}: {key[:110]}")


if __name__ == "__main__":
    main()
