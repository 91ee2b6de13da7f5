"""Lesson notebooks benchmark: run all five headless (nbclient), as the test does, and time it.

Measured: (1) all five concurrently, one kernel each (what ``tests/test_notebooks.py`` does, budget 60 s);
(2) each notebook on its own, one after the other (start-up of a kernel + the notebook's cells).
Run: ``.venv/bin/python benchmarks/bench_notebooks.py``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from quizkit.lesson.notebook import execute_notebook, execute_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_reading", "02_map_and_timeline", "03_balancing_act", "04_quiz"]
"""The students' notebooks; the teacher's guide lives in teacher/ (never served to students)."""


def main() -> None:
    paths = [ROOT / "teacher" / "00_teacher_guide.ipynb", *(NOTEBOOKS / f"{n}.ipynb" for n in NAMES)]
    with tempfile.TemporaryDirectory() as tmp:
        env = {"QUIZKIT_ANSWERS_DIR": tmp, "MPLBACKEND": "Agg"}
        t0 = time.perf_counter()
        execute_notebooks(paths, env=env)
        together = time.perf_counter() - t0
        print(f"all {len(paths)} notebooks, concurrently: {together:.1f} s (budget 60 s)")
        total = 0.0
        for p in paths:
            t0 = time.perf_counter()
            execute_notebook(p, env=env)
            took = time.perf_counter() - t0
            total += took
            print(f"  {p.name}: {took:.1f} s")
        print(f"one after the other: {total:.1f} s")


if __name__ == "__main__":
    main()
