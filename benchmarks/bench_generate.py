"""Benchmark for `quizkit generate` (prints figures; not a timed test).

(a) seed article: generation time after the model is loaded (target <= 0.5 s);
(b) a ~50,000-word input: generation throughput against a bare spaCy parse of the same text, measured in
    the same run (target: >= 0.5x the bare parse);
(c) 100,000 words: time <= 2.2x the 50,000-word time;
(d) peak memory (RSS) at 100,000 words <= 600 MB.
The big inputs are the repository's articles concatenated (their cleaned paragraphs) until long enough.

Run: .venv/bin/python benchmarks/bench_generate.py
"""

from __future__ import annotations

import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizkit import nlp  # noqa: E402
from quizkit.analysis import analyse  # noqa: E402
from quizkit.article import read_article  # noqa: E402
from quizkit.generate import generate_quiz  # noqa: E402
from quizkit.model import Article, Block  # noqa: E402

SEED = ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
SOURCES = [SEED, *sorted((ROOT / "tests" / "data" / "articles").glob("*"))]


def big_article(words: int) -> Article:
    """The repository's articles, paragraph by paragraph, repeated until ``words`` words."""
    pieces = [b for p in SOURCES for b in read_article(p).blocks if b.kind != "summary"]
    blocks: list[Block] = []
    body = ""
    count = 0
    while count < words:
        for b in pieces:
            if body:
                body += "\n\n"
            blocks.append(Block(b.kind, b.text, len(body), len(body) + len(b.text)))
            body += b.text
            count += len(b.text.split())
            if count >= words:
                break
    return Article(title="Benchmark: concatenated articles", body=body, blocks=tuple(blocks))


def timed(fn: object, repeat: int = 1, best: bool = False) -> float:
    """Median (or best) wall time of ``repeat`` runs: the machine is shared, so the best of two is the
    fairer figure for the long runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times) if best else statistics.median(times)


def fresh(article: Article, **options: Any) -> None:
    """One whole generation, the article's parse included (the analysis cache is emptied first)."""
    analyse.cache_clear()
    generate_quiz(article, **options)


def bare_parse(article: Article) -> None:
    for _offset, _doc in nlp.parse((b.start, b.text) for b in article.blocks if b.kind != "heading"):
        pass


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    t0 = time.perf_counter()
    nlp.load()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    seed = read_article(SEED)
    fresh(seed)  # warm the other caches (facts, alias table, glossary) once
    t_seed = timed(lambda: fresh(seed, no_context=True), repeat=5)
    t_seed_ctx = timed(lambda: fresh(seed), repeat=3)
    print(
        f"(a) seed ({len(seed.body.split())} words): {t_seed:.3f} s comprehension only, "
        f"{t_seed_ctx:.3f} s with context questions (target <= 0.5 s)"
    )
    results = {}
    for words in (50_000, 100_000):
        art = big_article(words)
        n = len(art.body.split())
        t_parse = timed(lambda a=art: bare_parse(a), repeat=2, best=True)
        t_gen = timed(lambda a=art: fresh(a), repeat=2, best=True)
        results[words] = (n, t_parse, t_gen)
        print(
            f"    {n} words (best of 2): bare parse {t_parse:.2f} s ({n / t_parse:,.0f} words/s), "
            f"generate with context questions {t_gen:.2f} s ({n / t_gen:,.0f} words/s)"
        )
    _n50, p50, g50 = results[50_000]
    _n100, _p100, g100 = results[100_000]
    print(
        f"(b) generation throughput / bare parse throughput at 50k words: {p50 / g50:.2f}x (target >= 0.5x)"
    )
    print(f"(c) 100k time / 50k time: {g100 / g50:.2f}x (target <= 2.2x)")
    print(f"(d) peak RSS after 100k words: {rss_mb():.0f} MB (target <= 600 MB)")


if __name__ == "__main__":
    main()
