"""Edit one question in the teacher notebook: fields as text, parsed back into a schema-valid Question.

Each field is plain text a teacher can type: options, accepted answers and ordering items one per line,
matching pairs as ``left -> right`` lines, an open question's rubric points one per line. ``edited`` returns
the new question or raises a one-line ``FormatError`` saying which field to fix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from quizkit.errors import FormatError
from quizkit.lesson.marking import items, pairs
from quizkit.model import Question, Quiz
from quizkit.quizfile import to_data, validate_quiz_data

ARROW = "->"
MAX_POINTS = 100.0


@dataclass(frozen=True, slots=True)
class Fields:
    """A question's editable fields, as the form shows them."""

    prompt: str
    options: str
    key: str
    accepted: str
    points: float
    explanation: str


def lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.splitlines() if x.strip())


def fields_of(q: Question) -> Fields:
    """The form's text for a question (the inverse of ``edited``)."""
    if q.type == "true_false":
        key = "True" if q.answer else "False"
    elif q.type == "matching":
        key = "\n".join(f"{a} {ARROW} {b}" for a, b in pairs(q))
    elif q.type in ("ordering", "open"):
        key = "\n".join(items(q))
    else:
        key = str(q.answer)
    return Fields(q.prompt, "\n".join(q.choices), key, "\n".join(q.accepted_answers), q.points, q.explanation)


def _fail(number: int, field: str, why: str, fix: str) -> FormatError:
    return FormatError(why, where=f"question {number}, {field}", fix=fix)


def _key(q: Question, f: Fields, number: int) -> object:
    key = f.key.strip()
    if q.type == "true_false":
        if key.lower() not in ("true", "false"):
            raise _fail(number, "answer", "must be True or False", "type True or False")
        return key.lower() == "true"
    if q.type == "matching":
        out = []
        for line in lines(f.key):
            left, sep, right = line.partition(ARROW)
            if not sep or not left.strip() or not right.strip():
                raise _fail(
                    number, "answer", f"{line!r} is not a pair", f"write one pair a line: left {ARROW} right"
                )
            out.append((left.strip(), right.strip()))
        return tuple(out)
    if q.type in ("ordering", "open"):
        return lines(f.key)
    if not key:
        raise _fail(number, "answer", "is empty", "type the right answer")
    return key


def edited(q: Question, f: Fields, number: int) -> Question:
    """``q`` with the form's fields; raises FormatError naming the field when one is not usable."""
    if not f.prompt.strip():
        raise _fail(number, "question", "is empty", "type the question")
    if not math.isfinite(f.points) or not 0 < f.points <= MAX_POINTS:
        raise _fail(
            number, "points", f"{f.points:g} is out of range", f"give more than 0 and at most {MAX_POINTS:g}"
        )
    options = lines(f.options)
    key = _key(q, f, number)
    if q.type == "multiple_choice" and key not in options:
        raise _fail(
            number, "options", "the answer is not one of the options", "add the answer as an option line"
        )
    new = replace(
        q,
        prompt=f.prompt.strip(),
        answer=key,  # type: ignore[arg-type]
        choices=options,
        accepted_answers=lines(f.accepted),
        points=float(f.points),
        explanation=f.explanation.strip(),
    )
    check_schema(Quiz(title="edit", questions=(new,)), where=f"question {number}")
    return new


def check_schema(quiz: Quiz, *, where: str) -> None:
    """Raise the schema's one-line error when ``quiz`` would not be a valid quiz file."""
    validate_quiz_data(to_data(quiz), where=where)


def new_id(quiz: Quiz, qtype: str) -> str:
    """A fresh id for a teacher's own question: ``t01-mc``, ``t02-tf``…"""
    code = {
        "multiple_choice": "mc",
        "true_false": "tf",
        "fill_blank": "fb",
        "short_answer": "sa",
        "open": "op",
    }
    used = {q.id for q in quiz.questions}
    n = 1
    while f"t{n:02d}-{code.get(qtype, 'q')}" in used:
        n += 1
    return f"t{n:02d}-{code.get(qtype, 'q')}"


def blank_question(quiz: Quiz, qtype: str) -> Question:
    """A teacher's own question to fill in: valid from the start, marked with the tag ``teacher``."""
    qid = new_id(quiz, qtype)
    base = Question(
        id=qid, type="short_answer", prompt="Type your question here.", answer="answer", tags=("teacher",)
    )
    if qtype == "multiple_choice":
        return replace(
            base, type="multiple_choice", answer="right answer", choices=("right answer", "wrong answer")
        )
    if qtype == "true_false":
        return replace(base, type="true_false", prompt="Type a statement here.", answer=True)
    if qtype == "open":
        return replace(base, type="open", answer=("a point a good answer makes",), points=2.0)
    if qtype == "fill_blank":
        return replace(base, type="fill_blank", prompt="Type a sentence with a _____ here.")
    return base


TEACHER_TYPES = ("multiple_choice", "true_false", "fill_blank", "short_answer", "open")
