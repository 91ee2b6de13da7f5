"""Quiz validation benchmark (issue 12, item 16): loading quizzes of 1,000 to 5,000 questions (the cap).

Validation used to grow quadratically (duplicate ids counted with ``list.count``): 20,000 questions took 5.5 s
and 100,000 took 160 s. The checks are linear now and a quiz file holds at most ``MAX_QUESTIONS``.
Run: ``.venv/bin/python benchmarks/bench_validate.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from quizkit.quizfile import MAX_QUESTIONS, parse_quiz_text

QUIZ = Path(__file__).resolve().parents[1] / "tests" / "data" / "grading" / "quiz.json"


def main() -> None:
    base = json.loads(QUIZ.read_text(encoding="utf-8"))
    for n in (1000, 2500, MAX_QUESTIONS):
        questions = [dict(base["questions"][i % len(base["questions"])], id=f"q{i}") for i in range(n)]
        text = json.dumps(dict(base, questions=questions))
        start = time.perf_counter()
        parse_quiz_text(text, where="bench.json")
        took = time.perf_counter() - start
        print(
            f"{n:>6} questions ({len(text) / 1e6:.1f} MB): {took:.2f} s, {took / n * 1e3:.2f} ms per question"
        )
    too_many = json.dumps(
        dict(base, questions=[dict(base["questions"][0], id=f"q{i}") for i in range(100_000)])
    )
    start = time.perf_counter()
    try:
        parse_quiz_text(too_many, where="bench.json")
    except Exception as exc:  # the refusal is the point
        print(f"100000 questions refused in {time.perf_counter() - start:.2f} s: {str(exc)[:80]}")


if __name__ == "__main__":
    main()
