"""How fast the quality gate is: per-question checks on every generated candidate, cross-question checks
on a selected quiz. Run: ``.venv/bin/python benchmarks/bench_check.py [ARTICLE]``."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from quizkit.article import read_article
from quizkit.check import check_question, check_quiz
from quizkit.generate import generate_quiz
from quizkit.model import Quiz

SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def main() -> None:
    article = read_article(sys.argv[1] if len(sys.argv) > 1 else SEED)
    quiz = generate_quiz(article, seed=0).quiz
    # A candidate-sized pool: the quiz's questions repeated with fresh ids (the checks do not cache answers).
    pool = [replace(q, id=f"{q.id}-{i}") for i in range(10) for q in quiz.questions]
    for q in pool[:20]:
        check_question(q, article)  # warm the alias table and regex caches
    t = time.perf_counter()
    for q in pool:
        check_question(q, article)
    per_question = (time.perf_counter() - t) / len(pool)
    t = time.perf_counter()
    check_quiz(quiz, article)
    whole = time.perf_counter() - t
    big = Quiz(quiz.title, tuple(pool[:100]))
    t = time.perf_counter()
    check_quiz(big, article)
    hundred = time.perf_counter() - t
    print(f"check_question: {per_question * 1e3:.2f} ms per question ({len(pool)} questions)")
    print(
        f"check_quiz: {whole * 1e3:.0f} ms for the {len(quiz.questions)}-question quiz, {hundred * 1e3:.0f} ms for 100"
    )


if __name__ == "__main__":
    main()
