"""How long a quiz should be: ``--length short|standard|long`` or a number of minutes -> a question count.

The generator owns the default count (it scales with the article); this module only turns a teacher's
"short" or "20 minutes" into the ``count`` the generator takes. ``standard`` keeps the generator's default.
"""

from __future__ import annotations

from quizkit.errors import QuizkitError

MINUTES_PER_QUESTION = 1.4
"""A closed question takes a student about a minute, an open one four or five: 1.4 on a typical mix."""

NAMED: dict[str, int | None] = {"short": 10, "standard": None, "long": 30}
"""Named lengths: short is about 15 minutes, long about 40; standard is the generator's own default."""

MIN_QUESTIONS, MAX_QUESTIONS = 3, 60


class LengthError(QuizkitError):
    """A --length that is neither a name nor a sensible number of minutes."""


def question_count(length: str) -> int | None:
    """``short`` -> 10, ``long`` -> 30, ``standard`` -> None (the generator decides), ``"20"`` minutes -> 14."""
    text = length.strip().lower().removesuffix("min").removesuffix("minutes").strip()
    if text in NAMED:
        return NAMED[text]
    try:
        minutes = float(text)
    except ValueError:
        raise LengthError(
            f"unknown length {length!r}",
            where="--length",
            fix="give short, standard, long or minutes, e.g. 20",
        ) from None
    if not 5 <= minutes <= 120:
        raise LengthError(
            f"a quiz of {minutes:g} minutes is out of range",
            where="--length",
            fix="give between 5 and 120 minutes",
        )
    return max(MIN_QUESTIONS, min(MAX_QUESTIONS, round(minutes / MINUTES_PER_QUESTION)))


def describe(length: str) -> str:
    """One line for the generate summary: what the length asked for."""
    count = question_count(length)
    if count is None:
        return f"length {length}: the generator's default count for this article"
    return f"length {length}: {count} questions (about {round(count * MINUTES_PER_QUESTION)} minutes)"
