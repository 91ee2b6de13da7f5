"""Instant feedback in the notebooks, marked by the same scoring functions ``quizkit grade`` uses.

Responses use the notebook answers format: multiple_choice → option text, true_false → bool,
fill_blank/short_answer/open → str, matching → [[left, right], ...], ordering → [item, ...].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizkit.grade.score import SCORERS
from quizkit.model import Question


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of checking one response: ``correct`` is None when a teacher must read it."""

    correct: bool | None
    points: float
    max_points: float
    message: str


def is_blank(response: Any) -> bool:
    """Nothing answered yet (or an unfinished matching/ordering)."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list | tuple):
        return len(response) == 0 or any(is_blank(x) for x in response)
    return False


def to_value(response: Any) -> Any:
    """JSON lists → tuples (the scoring functions' master terms)."""
    if isinstance(response, list | tuple):
        return tuple(to_value(x) for x in response)
    return response


def pairs(q: Question) -> tuple[tuple[str, str], ...]:
    """A matching question's key as (left, right) string pairs."""
    if not isinstance(q.answer, tuple):
        return ()
    return tuple((str(p[0]), str(p[1])) for p in q.answer if isinstance(p, tuple) and len(p) == 2)


def items(q: Question) -> tuple[str, ...]:
    """An ordering (or open) question's key as strings."""
    if not isinstance(q.answer, tuple):
        return ()
    return tuple(str(x) for x in q.answer)


def key_text(q: Question) -> str:
    """The right answer written out for a student or a teacher."""
    if q.type == "true_false":
        return "True" if q.answer else "False"
    if q.type == "matching":
        return "; ".join(f"{a} → {b}" for a, b in pairs(q))
    if q.type == "ordering":
        return " → ".join(items(q))
    if q.type == "open":
        return "; ".join(items(q))
    return str(q.answer)


def check(q: Question, response: Any) -> Verdict:
    """Mark one response for instant feedback; open answers and unclear typed ones go to the teacher."""
    if is_blank(response):
        return Verdict(False, 0.0, q.points, "Not answered yet.")
    if q.type == "open":
        return Verdict(
            None, 0.0, q.points, "Saved for your teacher to read. A good answer covers: " + key_text(q) + "."
        )
    score = SCORERS[q.type](q, to_value(response))
    if score is None:
        return Verdict(None, 0.0, q.points, "Your teacher will check this answer.")
    got, top = float(score[0]), float(score[1])
    if got >= top:
        return Verdict(True, got, top, "Correct!" + (f" {q.explanation}" if q.explanation else ""))
    if got > 0:
        return Verdict(
            False, got, top, f"Partly right ({got:g} of {top:g} points). Look at the hint and try again."
        )
    return Verdict(False, 0.0, top, "Not quite. Look at the hint and try again.")
