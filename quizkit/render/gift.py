"""GIFT (Moodle's text import format), for the master quiz: one file, every question type GIFT has.

Text is one line per field (whitespace collapsed), GIFT's control characters ``~ = # { } : \\`` are
backslash-escaped, and question text is marked ``[plain]`` so Moodle shows ``<`` and ``&`` literally.
Ordering has no GIFT type: it becomes matching (position -> item) and the user is told.
"""

from __future__ import annotations

import re

from quizkit.model import Question, Quiz
from quizkit.render.common import Job, Rendered
from quizkit.versions import answer_items, master_options, matching_rows

DESCRIPTION = "GIFT question bank (Moodle text format)"

_CONTROL = re.compile(r"([\\~=#{}:])")
_SPACES = re.compile(r"\s+")
_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


def escape(text: str) -> str:
    """One line of GIFT text that reads back literally."""
    return _CONTROL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


ARROW = "->"


def _inner(text: str) -> str:
    """Text inside the braces. GIFT has no escape for "->", and Moodle reads any answer area holding
    "=" and "->" as a matching question: it is written as "→" (and the user is warned)."""
    return escape(text.replace(ARROW, "→"))


def _answer(text: str) -> str:
    """An answer after ``=``/``~``: a leading ``[`` or ``%`` would read as a format or a weight."""
    body = _inner(text)
    return f"[plain]{body}" if body.startswith(("[", "%")) else body


def _short(text: str) -> str:
    """A short-answer answer: a leading ``%`` needs an explicit weight, a leading ``[`` a format."""
    body = _inner(text)
    if body.startswith("%"):
        return f"%100%{body}"
    return f"[plain]{body}" if body.startswith("[") else body


def ordinal(i: int) -> str:
    """1 -> 1st, 2 -> 2nd, 11 -> 11th, 22 -> 22nd."""
    suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
    return f"{i}{suffix}"


def feedback(q: Question) -> str:
    """General feedback: explanation, evidence sentence and sources, in one line."""
    parts = [q.explanation] if q.explanation else []
    if q.evidence:
        parts.append(f"Evidence: “{q.evidence.text}”")
    parts += [f"Source: {s.url} (as of {s.as_of})" for s in q.sources]
    return " ".join(parts)


def _answers(q: Question) -> tuple[str, list[str]]:
    """The part between braces, and any warnings."""
    warnings: list[str] = []
    if q.type == "multiple_choice":
        body = " ".join(("=" if c == q.answer else "~") + _answer(c) for c in q.choices)
    elif q.type == "true_false":
        body = "TRUE" if q.answer else "FALSE"
    elif q.type in ("fill_blank", "short_answer"):
        accepted = dict.fromkeys([str(q.answer), *q.accepted_answers])
        body = " ".join("=" + _short(a) for a in accepted if a.strip())
    elif q.type == "matching":
        pairs = [f"={_answer(left)} -> {_inner(right)}" for left, right in matching_rows(q)]
        rights = {r for _, r in matching_rows(q)}
        pairs += [f"= -> {_inner(extra)}" for extra in master_options(q) if extra not in rights]
        body = " ".join(pairs)
    elif q.type == "ordering":
        body = " ".join(f"={ordinal(i)} -> {_inner(item)}" for i, item in enumerate(answer_items(q), 1))
        warnings.append(
            f"question {q.id}: GIFT has no ordering type; exported as matching (position -> item)"
        )
    else:
        body = ""
    fb = feedback(q)
    inside = [*q.choices, *q.accepted_answers, fb, *(answer_items(q) if q.type != "true_false" else ())]
    if any(ARROW in x for x in [*inside, *(x for pair in matching_rows(q) for x in pair)]):
        warnings.append(
            f"question {q.id}: '->' in an answer or feedback was written as '→' (GIFT cannot escape it)"
        )
    return body + (f" ####{_inner(fb)}" if fb else ""), warnings


def _prompt(q: Question) -> str:
    if q.type == "ordering":
        return f"{q.prompt} (Match each position, 1st to last, to the item that belongs there.)"
    return q.prompt


def question_gift(q: Question, number: int) -> tuple[str, list[str]]:
    """One GIFT question (with an id comment when the id is simple)."""
    answers, warnings = _answers(q)
    name = escape(f"{number:02d} {q.id}")
    comment = f"// [id:{q.id}]\n" if _ID.match(q.id) else ""
    return f"{comment}::{name}::[plain]{escape(_prompt(q))}{{{answers}}}\n", warnings


def quiz_gift(quiz: Quiz) -> tuple[str, list[str]]:
    """The whole quiz as GIFT text: a category line, then one question per block."""
    # Moodle reads "/" in a category as a sub-category: keep the title one level.
    category = _SPACES.sub(" ", f"quizkit/{(quiz.title or 'Quiz').replace('/', '-')}").strip()
    blocks = [f"// {escape(quiz.title)} — exported by quizkit\n$CATEGORY: {category}\n"]
    warnings: list[str] = []
    for i, q in enumerate(quiz.questions, 1):
        text, w = question_gift(q, i)
        blocks.append(text)
        warnings += w
    return "\n".join(blocks), warnings


def render(job: Job) -> Rendered:
    text, warnings = quiz_gift(job.master)
    return Rendered((("gift/quiz.gift", text.encode("utf-8")),), tuple(warnings))
