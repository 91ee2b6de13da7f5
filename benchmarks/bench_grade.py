"""Grading benchmark: 10,000 students × 30 questions (3 shuffled versions, answer-sheet CSV).

Measured, each from a CSV file on disk, through the same functions the CLI uses:
1. grading without reports (``--no-reports``): read + interpret + score + item analysis + grades.csv and
   answers.csv (300,000 answer rows), written through ``staged_dir``;
2. reports: the class report (item analysis, two SVG plots) + one feedback HTML page per student (10,000
   files), written through ``staged_dir``;
3. feedback PDFs (Typst), timed on a class of 30 and given as a per-student rate: at 10,000 students they
   take minutes, not seconds, so they are not part of the 5 s budget.
Run: ``.venv/bin/python benchmarks/bench_grade.py [students]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from quizkit.files import staged_dir
from quizkit.grade import Graded, grade_files, write_outputs, write_reports
from quizkit.grade.report import feedback_pdf
from quizkit.grade.stats import item_analysis
from quizkit.grade.synthetic import synthetic_class, synthetic_quiz
from quizkit.quizfile import load_quiz, save_quiz, save_version_map


def main(students: int = 10_000) -> None:
    quiz = synthetic_quiz(30, seed=1)
    klass = synthetic_class(quiz, students, versions=3, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        save_quiz(quiz, root / "quiz.json")
        save_version_map(klass.vmap, root / "versions.json")
        (root / "sheet.csv").write_text(klass.csv_text, encoding="utf-8")
        # warm-up: library imports (jsonschema for the quiz file, matplotlib) are paid once per process
        import matplotlib.pyplot  # noqa: F401

        load_quiz(root / "quiz.json")

        t0, c0 = time.perf_counter(), time.process_time()
        graded = grade_files(
            root / "quiz.json", [str(root / "sheet.csv")], version_map=root / "versions.json"
        )
        with staged_dir(root / "out") as out:
            write_outputs(graded, out, reports=False)
        t_grade, c_grade = time.perf_counter() - t0, time.process_time() - c0
        wrong = sum(1 for r in graded.results if abs(r.score - klass.expected[r.sheet.student_id]) > 1e-6)

        t0, c0, os0 = time.perf_counter(), time.process_time(), os.times()
        with staged_dir(root / "out2") as out:
            write_reports(graded, out, item_analysis(graded.quiz, graded.results), pdf=False)
        t_reports, c_reports, os1 = time.perf_counter() - t0, time.process_time() - c0, os.times()
        sys_reports = os1.system - os0.system

        small = Graded(graded.quiz, graded.batch, graded.results[:30], graded.vmap)
        t0 = time.perf_counter()
        for r in small.results:
            feedback_pdf(small.quiz, r, small.vmap)
        t_pdf = (time.perf_counter() - t0) / len(small.results)

    print(
        f"students: {students}, questions: {len(quiz.questions)}, answers: {students * len(quiz.questions)}"
    )
    print(f"scores differing from the known scores: {wrong}")
    print(f"machine load average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        "grading without reports (read, score, item analysis, grades.csv + answers.csv): "
        f"{t_grade:.2f} s wall, {c_grade:.2f} s CPU"
    )
    print(
        f"reports (report.html with plots + {students} feedback HTML pages): "
        f"{t_reports:.2f} s wall, {c_reports:.2f} s CPU (of which {sys_reports:.2f} s in the kernel creating files)"
    )
    print(f"feedback PDF (Typst): {t_pdf * 1000:.0f} ms per student")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
