"""The normalised form every responses file is read into: sheets of answers in master terms, and rejects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from quizkit.grade.score import Value


@dataclass(frozen=True, slots=True)
class Response:
    """One answer: what the student typed, and its meaning in master terms (``None`` = blank)."""

    typed: str
    value: Value | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One student's answers (question id -> Response; a missing id is a blank)."""

    student_id: str
    name: str
    version: str
    answers: Mapping[str, Response]
    source: str
    """Where it came from: "file.csv row 4" (the row number counts the header as row 1)."""


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input row that could not be graded, and why."""

    source: str
    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class Batch:
    """Everything read from the response files: rows in = sheets + rejected."""

    sheets: tuple[Sheet, ...]
    rejected: tuple[Rejected, ...]
    rows_in: int
    warnings: tuple[str, ...] = ()


TeacherScores = dict[tuple[str, str, str], float]
"""(student_id, question_id, source) -> points; source "" means every sheet of that student."""
