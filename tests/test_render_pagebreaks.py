"""Print that holds together, checked the way a teacher would: on real quizzes of different lengths, every
question's number and its answer space are on the same page, and the last page never holds one lonely question.

The template places zero-size markers (``qk-start-N`` / ``qk-end-N``) at the top and bottom of each question's
block when the data asks for them; ``place`` takes no room, so the pages are those a teacher prints.
"""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizkit.article import read_article
from quizkit.generate import generate_quiz
from quizkit.model import Quiz
from quizkit.render import pdf, typst
from quizkit.render.build import make_job

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "seed": (ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt", None),
    "aral-8": (ROOT / "tests/data/articles/aral_sea.md", 8),
    "uranium-14": (ROOT / "tests/data/articles/uranium_kazakhstan.html", 14),
    "caspian-20": (ROOT / "tests/data/articles/caspian_convention.txt", 20),
    "election-11": (ROOT / "tests/data/articles/unseen_election.txt", 11),
    "seed-40": (ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt", 40),
}
PRINTS = {"a4": ("a4", False), "letter": ("us-letter", False), "large-a4": ("a4", True)}


@cache
def quiz_for(name: str) -> Quiz:
    path, count = ARTICLES[name]
    return generate_quiz(read_article(path), count=count, seed=3).quiz


def marker_pages(data: bytes) -> dict[str, int]:
    """Marker text -> the page (1-based) it is printed on."""
    where: dict[str, int] = {}
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, 1):
        for marker in re.findall(r"qk-(?:start|end)-\d+", page.extract_text()):
            where.setdefault(marker, number)
    return where


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ARTICLES))
@pytest.mark.parametrize("print_as", list(PRINTS))
def test_no_question_is_split_from_its_answer_space(name: str, print_as: str) -> None:
    quiz = quiz_for(name)
    paper, large = PRINTS[print_as]
    job = make_job(quiz, 2, 1, paper=paper, large_print=large)
    for index in range(2):
        data = pdf.version_data(job, "student", index)
        data["markers"] = True
        document = typst.compile_pdf(pdf.template(), {"data": json.dumps(data, ensure_ascii=False)})
        where = marker_pages(document)
        n = len(data["questions"])
        assert n >= 3, f"{name}: only {n} questions"
        for q in range(1, n + 1):
            start, end = where.get(f"qk-start-{q}"), where.get(f"qk-end-{q}")
            assert start is not None and end is not None, f"{name} {print_as}: question {q} markers missing"
            assert start == end, (
                f"{name} {print_as}: question {q} starts on page {start}, its answer space ends on {end}"
            )
        last_page = max(where.values())
        on_last = {m.rsplit("-", 1)[1] for m, p in where.items() if p == last_page}
        assert len(on_last) >= 2, f"{name} {print_as}: the last page holds a single question"


def test_markers_take_no_room() -> None:
    """With and without markers the questions fall on the same pages: the test measures the real layout."""
    job = make_job(quiz_for("aral-8"), 1, 1)
    plain = pdf.version_data(job, "student", 0)
    marked = dict(plain, markers=True)
    a = PdfReader(io.BytesIO(pdf.compile_data(plain)))
    b = PdfReader(io.BytesIO(pdf.compile_data(marked)))
    assert len(a.pages) == len(b.pages)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert re.sub(r"qk-(start|end)-\d+", "", pb.extract_text()).split() == pa.extract_text().split()
