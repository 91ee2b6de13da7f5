"""Kahoot! (.xlsx, openpyxl): the closed questions that fit Kahoot's spreadsheet import template.

The sheet follows Kahoot's "Quiz template": a few lines of notes, then the header row (question, answers
1–4, time limit, correct answer(s)) and one numbered row per question. Kahoot takes at most four answers,
questions of at most 120 characters and answers of at most 75, so multiple-choice and true/false questions
that fit go in; every other question is left out, and a warning names how many and why.
"""

from __future__ import annotations

import datetime as dt
import io

from quizkit.model import Question
from quizkit.render.common import Job, Rendered
from quizkit.render.office import clean, fixed_zip

DESCRIPTION = "Kahoot! spreadsheet import (.xlsx) of the closed questions that fit"

HEADER = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
NOTES = (
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).",
    "Questions have a limit of 120 characters and answers 75. Made by quizkit from the quiz file.",
)
HEADER_ROW = 8
"""The template's header row; questions start on the row below it."""
MAX_QUESTION, MAX_ANSWER, MAX_ANSWERS = 120, 75, 4
FIXED_DATE = dt.datetime(2000, 1, 1)


def ids_list(ids: list[str], shown: int = 5) -> str:
    """'a01, a02, a03 and 4 more': the ids left out, without flooding the terminal."""
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def why_not(q: Question) -> str:
    """Why ``q`` cannot go into Kahoot ("" when it can)."""
    if q.type not in ("multiple_choice", "true_false"):
        return "not multiple choice or true/false"
    if len(clean(q.prompt)) > MAX_QUESTION:
        return f"question longer than {MAX_QUESTION} characters"
    if q.type == "multiple_choice" and len(q.choices) > MAX_ANSWERS:
        return f"more than {MAX_ANSWERS} options"
    if q.type == "multiple_choice" and any(len(clean(c)) > MAX_ANSWER for c in q.choices):
        return f"an option longer than {MAX_ANSWER} characters"
    return ""


def row(q: Question) -> tuple[str, str, str, str, str, int, int]:
    """Question, four answers (blank when fewer), time limit and the correct answer's number."""
    answers = list(q.choices) if q.type == "multiple_choice" else ["True", "False"]
    correct = answers.index(
        str(q.answer) if q.type == "multiple_choice" else ("True" if q.answer else "False")
    )
    cells = [clean(a) for a in answers] + [""] * (MAX_ANSWERS - len(answers))
    seconds = 20 if q.type == "true_false" else (30 if len(q.prompt) <= 80 else 60)
    return (clean(q.prompt), cells[0], cells[1], cells[2], cells[3], seconds, correct + 1)


def kahoot_xlsx(job: Job) -> tuple[bytes, dict[str, list[str]]]:
    """The workbook's bytes and, per reason, the ids of the questions left out."""
    from openpyxl import Workbook  # only when this format is asked for
    from openpyxl.styles import Font

    wb = Workbook()
    wb.properties.creator = "quizkit"
    wb.properties.created = wb.properties.modified = FIXED_DATE
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    for r, note in enumerate(NOTES, 2):
        ws.cell(row=r, column=2, value=note).font = Font(bold=r == 2)
    for c, name in enumerate(HEADER, 1):
        ws.cell(row=HEADER_ROW, column=c, value=name or None).font = Font(bold=True)
    skipped: dict[str, list[str]] = {}
    number = 0
    for q in job.master.questions:
        reason = why_not(q)
        if reason:
            skipped.setdefault(reason, []).append(q.id)
            continue
        number += 1
        values: tuple[str | int, ...] = (number, *row(q))
        for c, value in enumerate(values, 1):
            ws.cell(row=HEADER_ROW + number, column=c, value=value)
    for letter, width in zip("ABCDEFGH", (4, 60, 30, 30, 30, 30, 14, 14), strict=True):
        ws.column_dimensions[letter].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip(buf.getvalue()), skipped


def render(job: Job) -> Rendered:
    data, skipped = kahoot_xlsx(job)
    warnings = []
    if skipped:
        reasons = "; ".join(f"{len(ids)} {why}: {ids_list(ids)}" for why, ids in skipped.items())
        total = sum(len(ids) for ids in skipped.values())
        warnings.append(f"left out {total} of {len(job.master.questions)} questions ({reasons})")
    return Rendered((("kahoot/kahoot.xlsx", data),), tuple(warnings))
