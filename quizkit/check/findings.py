"""What a check reports: a ``Finding`` names the question, the check, how bad it is and how to fix it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from quizkit.model import Article, Question, Quiz

Severity = Literal["error", "warning"]

QUIZ_WIDE = ""
"""``question_id`` of a finding about the whole quiz (key-position bias, true/false balance)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by one check. ``message`` says what is wrong and how to fix it."""

    question_id: str
    check: str
    severity: Severity
    message: str


Problem: TypeAlias = tuple[Severity, str]
"""What a per-question check yields; ``check_question`` adds the question id and the check's name."""

QuestionCheck: TypeAlias = Callable[[Question, Article | None], Iterable[Problem]]
"""A per-question check: cheap (no spaCy), so it can run on every generated candidate."""

QuizCheck: TypeAlias = Callable[[Quiz], Iterable[Finding]]
"""A cross-question check: may compare every pair of the selected questions."""


def error(message: str) -> Problem:
    return ("error", message)


def warning(message: str) -> Problem:
    return ("warning", message)


def short(text: str, limit: int = 60) -> str:
    """A quoted, shortened copy of a text for messages."""
    one = " ".join(text.split())
    return "“" + (one if len(one) <= limit else one[: limit - 1] + "…") + "”"
