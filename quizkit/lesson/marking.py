"""Instant feedback in the notebooks, marked by the same scoring functions ``quizkit grade`` uses.

Responses use the notebook answers format: multiple_choice → option text, true_false → bool,
fill_blank/short_answer/open → str, matching → [[left, right], ...], ordering → [item, ...].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from quizkit.grade.score import SCORERS
from quizkit.model import Question

OPEN_MIN_WORDS = 8
"""An open answer shorter than this ("idk") is not a real attempt: the rubric stays hidden."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of checking one response: ``correct`` is None when a teacher must read it."""

    correct: bool | None
    points: float
    max_points: float
    message: str
    answered: bool = True


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


def points_text(x: float) -> str:
    """Points as a teacher writes them: 2, 1/2, 1 2/3 (never 1.6667)."""
    f = Fraction(x).limit_denominator(12)
    whole, rest = divmod(f.numerator, f.denominator)
    if rest == 0:
        return str(whole)
    return f"{whole} {rest}/{f.denominator}" if whole else f"{rest}/{f.denominator}"


def words(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def _wrong_pairs(q: Question, response: Any) -> tuple[int, list[str]]:
    key = dict(pairs(q))
    given = [(str(p[0]), str(p[1])) for p in response if isinstance(p, list | tuple) and len(p) == 2]
    wrong = [f"{a} → {b}" for a, b in given if key.get(a) != b]
    return len(given) - len(wrong), wrong


def _in_place(q: Question, response: Any) -> int:
    return sum(1 for a, b in zip(items(q), response, strict=False) if a == str(b))


def _why_wrong(q: Question, response: Any) -> str:
    """Why an answer is (partly) wrong, in the question's own units, without giving the key away."""
    if q.type == "multiple_choice":
        return f"“{response}” is not what the {'article' if q.origin == 'article' else 'source'} says."
    if q.type == "true_false":
        return (
            f"The statement is not {'true' if response else 'false'}: read the sentence again, word by word."
        )
    if q.type == "matching":
        right, wrong = _wrong_pairs(q, response)
        return f"{right} of {len(pairs(q))} pairs right. Not right: {'; '.join(wrong)}."
    if q.type == "ordering":
        return f"{_in_place(q, response)} of {len(items(q))} in the right place."
    return "That is not the answer the article gives."


def check(q: Question, response: Any, *, final: bool = False) -> Verdict:
    """Mark one response; ``final`` (an assessment answer once submitted) also shows the key.

    Unanswered is not wrong (``answered`` False, no cross). Open answers go to the teacher; the rubric is shown
    only for a real attempt (at least OPEN_MIN_WORDS words) or once the answer is final.
    """
    if is_blank(response):
        return Verdict(None, 0.0, q.points, "Not answered yet.", answered=False)
    if q.type == "open":
        if not final and words(str(response)) < OPEN_MIN_WORDS:
            return Verdict(
                None,
                0.0,
                q.points,
                f"Write at least {OPEN_MIN_WORDS} words of your own first; your teacher reads this answer.",
            )
        return Verdict(
            None, 0.0, q.points, "Saved for your teacher to read. A good answer covers: " + key_text(q) + "."
        )
    score = SCORERS[q.type](q, to_value(response))
    if score is None:
        return Verdict(None, 0.0, q.points, "Your teacher will check this answer.")
    got, top = float(score[0]), float(score[1])
    if got >= top:
        return Verdict(True, got, top, "Correct!" + (f" {q.explanation}" if q.explanation else ""))
    key = f" The answer: {key_text(q)}." if final else ""
    pts = f" ({points_text(got)} of {points_text(top)} points)" if got > 0 else ""
    lead = "Partly right" if got > 0 else "Not quite"
    return Verdict(False, got, top, f"{lead}{pts}. {_why_wrong(q, response)}{key}")
