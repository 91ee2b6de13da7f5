"""Item analysis: difficulty, upper-lower discrimination, point-biserial, distractors, KR-20 / alpha, flags."""

from __future__ import annotations

import numpy as np
import pytest

from quizkit.grade.engine import grade_batch
from quizkit.grade.sheets import Batch, Response, Sheet
from quizkit.grade.stats import item_analysis
from quizkit.model import Question, Quiz

CHOICES = ("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Turkmenistan")
QUIZ = Quiz(
    "stats",
    tuple(Question(f"q{i}", "multiple_choice", f"Question {i}?", "Kazakhstan", CHOICES) for i in range(1, 6)),
)


def _class(pattern: list[str]) -> tuple[Batch, np.ndarray]:
    """Row i: a string of 1/0 per question (1 = right, 0 = "Uzbekistan" or "Kyrgyzstan")."""
    sheets = []
    matrix = []
    for i, row in enumerate(pattern):
        answers = {}
        for j, bit in enumerate(row):
            wrong = "Uzbekistan" if (i + j) % 2 else "Kyrgyzstan"
            answers[f"q{j + 1}"] = Response("x", "Kazakhstan" if bit == "1" else wrong)
        sheets.append(Sheet(f"s{i}", "", "", answers, f"row {i}"))
        matrix.append([int(b) for b in row])
    return Batch(tuple(sheets), (), len(sheets)), np.array(matrix, dtype=float)


# q1..q3 follow ability; q4 is answered right only by the weakest (a miskeyed item); q5 everyone right
PATTERN = [
    "11101", "11101", "11101", "11001", "11001",
    "10001", "10001", "10011", "00011", "00011", "00011",
]  # fmt: skip


def test_difficulty_and_discrimination_flags() -> None:
    batch, m = _class(PATTERN)
    stats = item_analysis(QUIZ, grade_batch(QUIZ, batch))
    q1, q2, q3, q4, q5 = stats.items
    assert q1.difficulty == pytest.approx(m[:, 0].mean())
    assert q2.discrimination == pytest.approx(1.0) and q3.discrimination == pytest.approx(1.0)
    assert not any("discrimination" in f for f in q2.flags + q3.flags)
    assert q4.discrimination is not None and q4.discrimination < 0
    assert any("negative discrimination" in f for f in q4.flags)
    # q1 separates by the upper-lower index but hardly against the rest of the test (q4 drags it): flagged
    assert any("near-zero discrimination" in f for f in q1.flags)
    assert q5.point_biserial is None and "almost everyone got it right" in q5.flags


def test_upper_lower_index_uses_27_percent_groups() -> None:
    batch, m = _class(PATTERN)
    stats = item_analysis(QUIZ, grade_batch(QUIZ, batch))
    totals = m.sum(axis=1)
    order = np.argsort(totals, kind="stable")
    g = round(0.27 * len(PATTERN))
    expected = m[order[-g:], 0].mean() - m[order[:g], 0].mean()
    assert stats.items[0].discrimination == pytest.approx(expected)


def test_point_biserial_is_against_the_rest_of_the_test() -> None:
    batch, m = _class(PATTERN)
    stats = item_analysis(QUIZ, grade_batch(QUIZ, batch))
    rest = m.sum(axis=1) - m[:, 1]
    assert stats.items[1].point_biserial == pytest.approx(np.corrcoef(m[:, 1], rest)[0, 1])


def test_kr20_matches_the_textbook_formula() -> None:
    batch, m = _class(PATTERN)
    stats = item_analysis(QUIZ, grade_batch(QUIZ, batch))
    k = m.shape[1]
    p = m.mean(axis=0)
    kr20 = k / (k - 1) * (1 - (p * (1 - p)).sum() / m.sum(axis=1).var())
    assert stats.kr20 == pytest.approx(kr20)
    assert stats.alpha == pytest.approx(kr20)  # right/wrong items: alpha equals KR-20


def test_distractor_counts_and_unused_distractors() -> None:
    batch, m = _class(PATTERN)
    stats = item_analysis(QUIZ, grade_batch(QUIZ, batch))
    counts = {o.label: o.count for o in stats.items[0].options}
    assert counts["Kazakhstan"] == int(m[:, 0].sum())
    assert counts["Uzbekistan"] + counts["Kyrgyzstan"] == len(PATTERN) - int(m[:, 0].sum())
    assert "distractor nobody chose: Turkmenistan" in stats.items[0].flags


def test_open_questions_wait_for_the_teacher() -> None:
    quiz = Quiz("o", (*QUIZ.questions, Question("op", "open", "Why?", ("a reason",), points=2.0)))
    batch, _ = _class(PATTERN)
    sheets = tuple(
        Sheet(s.student_id, "", "", {**s.answers, "op": Response("because", "because")}, s.source)
        for s in batch.sheets
    )
    stats = item_analysis(quiz, grade_batch(quiz, Batch(sheets, (), len(sheets))))
    assert stats.excluded == ("op",)
    assert stats.max_score == 5.0
