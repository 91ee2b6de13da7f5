"""Render benchmark: 30 shuffled versions of a 30-question quiz to PDF (target: <= 3 s on the project machine).

Times what ``quizkit render QUIZ --versions 30 --format pdf`` does after loading the quiz: shuffling, building
91 PDFs (student copy, answer sheet and key per version, one teacher edition) with Typst on two threads, and
writing them through ``staged_dir``. Run: ``.venv/bin/python benchmarks/bench_render.py [versions] [questions]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from quizkit.model import Citation, Evidence, Question, Quiz, SourceInfo
from quizkit.render.build import make_job, render_job, write_rendered

SENTENCE = (
    "Kazakhstan announced on 6 November 2025 that it would join the Abraham Accords, a set of agreements."
)


def question(i: int) -> Question:
    """One question of a realistic length; the seven types in turn."""
    kind = ("multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering", "open")[
        i % 7
    ]
    ev = Evidence(SENTENCE, 0, len(SENTENCE))
    prompt = (
        f"Question {i}: according to the article, what did Kazakhstan announce about the Abraham Accords?"
    )
    if kind == "multiple_choice":
        choices = (
            "It would join them",
            "It would leave them",
            "It would observe them",
            "It would reject them",
        )
        return Question(f"q{i}", kind, prompt, choices[0], choices=choices, evidence=ev)
    if kind == "true_false":
        return Question(
            f"q{i}", kind, f"Statement {i}: Kazakhstan joined the accords in 2020.", False, evidence=ev
        )
    if kind in ("fill_blank", "short_answer"):
        return Question(f"q{i}", kind, f"{prompt} _____", "join", accepted_answers=("joining",), evidence=ev)
    if kind == "matching":
        pairs = (
            ("Tokayev", "Kazakhstan"),
            ("Netanyahu", "Israel"),
            ("Trump", "United States"),
            ("Modi", "India"),
        )
        return Question(
            f"q{i}",
            kind,
            "Match each leader to a country.",
            pairs,
            origin="context",
            sources=(Citation("https://example.org/leaders", "2026-11-27"),),
        )
    if kind == "ordering":
        items = ("Independence (1991)", "Abraham Accords signed (2020)", "Kazakhstan joins (2025)")
        return Question(
            f"q{i}",
            kind,
            "Put the events in order.",
            items,
            origin="context",
            sources=(Citation("https://example.org/timeline", "2026-11-27"),),
        )
    return Question(f"q{i}", kind, f"{prompt} Explain why.", ("balancing", "ties with the US"), points=3.0)


def main(versions: int = 30, questions: int = 30) -> None:
    quiz = Quiz(
        "Benchmark quiz",
        tuple(question(i) for i in range(1, questions + 1)),
        SourceInfo("Why Kazakhstan joined the Abraham Accords", "India Today", "2025-11-07"),
    )
    render_job(make_job(quiz, 1, seed=0), ["pdf"])  # warm-up: Typst loads its fonts once per thread
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        rendered = render_job(make_job(quiz, versions, seed=1), ["pdf"])
        write_rendered(rendered, Path(tmp) / "out")
        seconds = time.perf_counter() - start
    pdfs = sum(1 for name, _ in rendered.files if name.endswith(".pdf"))
    print(
        f"render: {versions} versions x {questions} questions -> {pdfs} PDFs in {seconds:.2f} s "
        f"({1000 * seconds / pdfs:.0f} ms per PDF; target <= 3 s)"
    )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
