"""Quizlet flashcards: the quiz's vocabulary items as ``term<TAB>definition`` lines, Quizlet's import format.

Only vocabulary items are term–definition pairs (tag ``vocabulary``: a multiple-choice "What does "X" mean…"
whose key is the definition, or a matching of terms to definitions); the rest is left out, with a warning
that says how many and why. Paste the file into Quizlet's *Import* box with "Tab" between term and definition
and "New line" between cards.
"""

from __future__ import annotations

import re

from quizkit.model import Question
from quizkit.render.common import Job, Rendered
from quizkit.render.kahoot import ids_list
from quizkit.render.office import clean

DESCRIPTION = "Quizlet flashcards (term TAB definition) from the vocabulary items"

TAG = "vocabulary"
_TERM = re.compile(r"""^\s*What does\s+["“'‘](?P<term>[^"”'’]+)["”'’]\s+mean""", re.IGNORECASE)


def cards(q: Question) -> list[tuple[str, str]]:
    """(term, definition) pairs of one vocabulary item; [] for anything else."""
    if TAG not in q.tags:
        return []
    if q.type == "matching" and isinstance(q.answer, tuple):
        return [(clean(str(p[0])), clean(str(p[1]))) for p in q.answer if isinstance(p, tuple)]
    match = _TERM.match(q.prompt)
    if q.type == "multiple_choice" and match and isinstance(q.answer, str):
        return [(clean(match["term"]), clean(q.answer))]
    return []


def quizlet_text(job: Job) -> tuple[str, list[str]]:
    """The import text and the ids of the questions left out."""
    lines: list[str] = []
    left_out: list[str] = []
    for q in job.master.questions:
        found = cards(q)
        if found:
            lines += [f"{term}\t{definition}" for term, definition in dict.fromkeys(found)]
        else:
            left_out.append(q.id)
    return "".join(line + "\n" for line in dict.fromkeys(lines)), left_out


def render(job: Job) -> Rendered:
    text, left_out = quizlet_text(job)
    warnings = []
    if not text:
        warnings.append("the quiz has no vocabulary items: quizlet/quizlet.txt is empty")
    if left_out:
        warnings.append(
            f"left out {len(left_out)} of {len(job.master.questions)} questions ({ids_list(left_out)}): "
            "flashcards take term–definition pairs, which only the vocabulary items are"
        )
    return Rendered((("quizlet/quizlet.txt", text.encode("utf-8")),), tuple(warnings))
