"""Grading benchmark: 10,000 students × 30 questions (3 shuffled versions, answer-sheet CSV).

Measured, each from a CSV file on disk, in one run (so machine load hits every figure alike):
0. the bare baseline: csv.reader over the same file, each cell compared with its printed key, a grades file
   written: the least any grader must do;
1. grading without reports (``--no-reports``): read + interpret + score + item analysis + grades.csv and
   answers.csv (300,000 answer rows, streamed), written through ``staged_dir``. Goal: ≤ 10× the baseline;
2. reports: the class report (item analysis, two SVG plots) + one feedback HTML page per student (10,000
   files). Goal: ≤ 5 s more;
3. peak memory of ``quizkit grade --no-reports`` in its own process (ru_maxrss). Goal: ≤ 150 MB;
4. feedback PDFs (Typst, worker processes), timed on a class of 30 and given as a per-student rate: at
   10,000 students they take minutes, so above 200 students they are made only with ``--pdf``.
Run: ``.venv/bin/python benchmarks/bench_grade.py [students]``.
"""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quizkit.files import staged_dir
from quizkit.grade import Graded, grade_files, write_outputs, write_reports
from quizkit.grade.report import feedback_typst
from quizkit.grade.stats import item_analysis
from quizkit.grade.synthetic import synthetic_class, synthetic_quiz
from quizkit.quizfile import load_quiz, save_quiz, save_version_map
from quizkit.render.pdf import compile_stream
from quizkit.versions import key_string, make_versions, printed_key


def baseline(sheet: Path, keys: dict[str, list[str]], out: Path) -> tuple[float, float]:
    """Read the sheet, compare each cell with the printed key of its version, write one score per row.
    Returns (wall, CPU) seconds."""
    t0, c0 = time.perf_counter(), time.process_time()
    with sheet.open(encoding="utf-8", newline="") as f, out.open("w", encoding="utf-8", newline="") as g:
        rows = csv.reader(f)
        w = csv.writer(g)
        next(rows)
        for row in rows:
            key = keys[row[2].upper()]
            w.writerow((row[0], sum(a.strip().upper() == k for a, k in zip(row[3:], key, strict=False))))
    return time.perf_counter() - t0, time.process_time() - c0


def peak_memory(root: Path) -> float:
    """MB: the grading CLI (no reports) in its own process."""
    cmd = [sys.executable, "-m", "quizkit.cli", "grade", str(root / "quiz.json"), str(root / "sheet.csv"),
           "--versions", str(root / "versions.json"), "-o", str(root / "out-mem"), "--no-reports"]  # fmt: skip
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


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

        _, versions = make_versions(load_quiz(root / "quiz.json"), 3, 1)
        keys = {
            v.letter: [key_string(printed_key(q)).upper() for q in vq.questions]
            for v, vq in zip(klass.vmap.versions, versions, strict=True)
        }
        t_base, c_base = min(baseline(root / "sheet.csv", keys, root / "base.csv") for _ in range(3))
        mem = peak_memory(root)  # before any Typst worker process is started: they count as children too

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
        sources = [feedback_typst(small.quiz, r, small.vmap) for r in small.results]
        n_pdf = sum(1 for _ in compile_stream(sources, len(sources)))
        t_pdf = (time.perf_counter() - t0) / n_pdf

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
    print(f"feedback PDF (Typst, worker processes, incl. their start): {t_pdf * 1000:.0f} ms per student")
    print(f"bare baseline (csv read, compare with the key, write): {t_base:.2f} s wall, {c_base:.2f} s CPU")
    ratio, cpu_ratio = t_grade / t_base, c_grade / c_base
    print(
        f"goal grading ≤ 10× baseline: {ratio:.1f}× wall, {cpu_ratio:.1f}× CPU — "
        f"{'met' if min(ratio, cpu_ratio) <= 10 else 'NOT met'} (CPU is the figure a loaded machine keeps)"
    )
    print(f"goal reports ≤ 5 s more: {t_reports:.2f} s — {'met' if t_reports <= 5 else 'NOT met'}")
    print(f"goal peak memory ≤ 150 MB: {mem:.0f} MB — {'met' if mem <= 150 else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
