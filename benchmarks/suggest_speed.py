"""How fast ``heroes-kg suggest`` drafts facts: per 1,000 words, and over 100 articles.

    python benchmarks/suggest_speed.py [--articles 100] [--half benchmarks/suggest_eval/dev]

The articles are the evaluation half's texts and the seed articles, taken in turn until
there are ``--articles`` of them; suggest runs on each knowing the seeds' entities, as
``heroes-kg suggest`` does. Start-up (imports, reading the seeds, the first call that compiles
the rules' patterns) is timed apart; the CPU time per 1,000 words is the best of three
runs of each text, since a busy machine only ever adds time. Then every development set's
articles run once each, as a stream of new articles does: a text seen again costs less (its
names' patterns are still in ``re``'s cache), so only distinct texts show what a corpus that
grows pays. Targets:
at most 0.2 s per 1,000-word article after start-up, at most 10 s for 100 articles.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--half", type=Path, default=ROOT / "benchmarks" / "suggest_eval" / "dev")
    parser.add_argument("--learned", choices=("off", "merge"), default="off",
                        help="time suggest with the learned relation layer too (merge)")
    args = parser.parse_args()
    began = time.perf_counter()
    from heroes_kg.corpus.curation import Article, load_corpus
    from heroes_kg.grow.suggest import suggest
    from heroes_kg.project import find_project

    corpus = load_corpus(find_project(ROOT))
    known = list(corpus.entities.values())
    loaded = time.perf_counter() - began
    # The first call compiles the rules' regular expressions once for the process.
    t0 = time.perf_counter()
    suggest(Article("warm-up", "", "", "The film stars Pedro Pascal."), known,
            learned=args.learned)
    # The given-name and common-word lexicons are read when an article first needs them
    # (a short text may not): read them here, as part of start-up.
    from heroes_kg.grow.suggest._names import is_common_word, is_given_name
    is_given_name("Pedro") and is_common_word("film")
    first = time.perf_counter() - t0
    startup = time.perf_counter() - began
    texts = [Article(p.stem, p.stem, p.name, p.read_text(encoding="utf-8"), date="2021-01-05")
             for p in sorted((args.half / "articles").glob("*.txt"))]
    texts += list(corpus.articles.values())
    per_kword: list[float] = []
    cpu_per_kword: list[float] = []
    words = 0
    began, cpu_began = time.perf_counter(), time.process_time()
    for article in itertools.islice(itertools.cycle(texts), args.articles):
        t0, c0 = time.perf_counter(), time.process_time()
        suggest(article, known, corpus.statements, learned=args.learned)
        seconds, _cpu = time.perf_counter() - t0, time.process_time() - c0
        n = len(article.text.split())
        words += n
        per_kword.append(seconds / max(n, 1) * 1000)
    total, cpu_total = time.perf_counter() - began, time.process_time() - cpu_began
    for article in texts:
        # Per article, the best of three runs: a busy machine only ever adds time.
        runs = []
        for _ in range(3):
            c0 = time.process_time()
            suggest(article, known, corpus.statements, learned=args.learned)
            runs.append(time.process_time() - c0)
        cpu_per_kword.append(min(runs) / max(len(article.text.split()), 1) * 1000)
    print(f"start-up: {startup:.2f} s (imports and seeds {loaded:.2f} s, first call compiling "
          f"the rules {first:.2f} s)")
    print(f"{args.articles} articles, {words:,} words: {total:.2f} s "
          f"({total / args.articles * 1000:.1f} ms per article)")
    print(f"per 1,000 words: median {statistics.median(per_kword):.3f} s, "
          f"max {max(per_kword):.3f} s (wall clock)")
    print(f"CPU time: {cpu_total:.2f} s for {args.articles} articles; per 1,000 words (best of "
          f"three runs of each of the {len(texts)} texts) median "
          f"{statistics.median(cpu_per_kword):.3f} s, max {max(cpu_per_kword):.3f} s "
          f"(wall clock above includes waiting for a busy CPU; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    stream = [Article(p.stem, p.stem, p.name, p.read_text(encoding="utf-8"), date="2021-01-05")
              for p in sorted((ROOT / "benchmarks" / "suggest_eval").glob("dev*/articles/*.txt"))]
    stream_per_kword = []
    c0 = time.process_time()
    for article in stream:
        c1 = time.process_time()
        suggest(article, known, corpus.statements, learned=args.learned)
        stream_per_kword.append((time.process_time() - c1)
                                / max(len(article.text.split()), 1) * 1000)
    stream_cpu = time.process_time() - c0
    stream_words = sum(len(a.text.split()) for a in stream)
    print(f"a stream of {len(stream)} distinct articles ({stream_words:,} words, every "
          f"development set once): CPU {stream_cpu:.2f} s, "
          f"{stream_cpu / max(stream_words, 1) * 1000:.3f} s per 1,000 words; per article "
          f"median {statistics.median(stream_per_kword):.3f} s, max "
          f"{max(stream_per_kword):.3f} s per 1,000 words (one run each)")

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(f"targets, CPU time: <= 0.2 s per 1,000 words ({verdict(max(cpu_per_kword) <= 0.2)}), "
          f"<= 10 s for 100 articles ({verdict(cpu_total * 100 / args.articles <= 10)})")
    print(f"targets, wall clock: <= 0.2 s per 1,000 words ({verdict(max(per_kword) <= 0.2)}), "
          f"<= 10 s for 100 articles ({verdict(total * 100 / args.articles <= 10)})")


if __name__ == "__main__":
    main()
