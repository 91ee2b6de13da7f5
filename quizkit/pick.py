"""``quizkit pick``: keep, drop or reorder a quiz's questions by id (or by the numbers `quizkit show` prints).

For the teacher who reviews in a text editor or the terminal: the result is a normal, schema-valid quiz file,
written atomically (so ``-o`` may name the input itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rapidfuzz import process

from quizkit.errors import QuizkitError
from quizkit.model import Quiz


class PickError(QuizkitError):
    """An id or number that names no question, or a pick that leaves nothing."""


def _resolve(quiz: Quiz, names: Sequence[str], option: str) -> list[str]:
    """Ids for ``names``: a question id, or a number 1..n in the quiz's order (as `quizkit show` prints)."""
    ids = [q.id for q in quiz.questions]
    out: list[str] = []
    for name in names:
        if name in ids:
            out.append(name)
        elif name.isdigit() and 1 <= int(name) <= len(ids):
            out.append(ids[int(name) - 1])
        else:
            close = process.extractOne(name, ids, score_cutoff=60)
            hint = f"did you mean {close[0]}?" if close else "see the ids with `quizkit show QUIZ`"
            raise PickError(f"no question {name!r} in this quiz", where=option, fix=hint)
    return out


def pick_questions(quiz: Quiz, *, keep: Sequence[str] = (), drop: Sequence[str] = ()) -> Quiz:
    """The quiz with only ``keep`` (in that order, when given) and without ``drop``; a new object."""
    by_id = {q.id: q for q in quiz.questions}
    kept = _resolve(quiz, keep, "--ids") if keep else list(by_id)
    dropped = set(_resolve(quiz, drop, "--drop"))
    chosen = [by_id[i] for i in dict.fromkeys(kept) if i not in dropped]
    if not chosen:
        raise PickError("no question would be left", where="--ids/--drop", fix="keep at least one question")
    return dataclasses.replace(quiz, questions=tuple(chosen))
