"""GIFT (Moodle's text import format), for the master quiz: one file, every question type GIFT has.

Text is one line per field (spaces collapsed, line breaks written as GIFT's ``\\n``), GIFT's control
characters ``~ = # { } : \\`` are backslash-escaped, ``*`` in short answers too (Moodle reads it as a
wildcard), and question text is marked ``[plain]`` so Moodle shows ``<`` and ``&`` literally.

Ordering uses the GIFT form of Moodle's ordering type (Moodle 4.4 and later): ``{>N ALL VERTICAL … \\n item
\\n item }``, items one per line in the right order; ``ordering_as_matching`` (or an item that GIFT cannot
hold on its own line) falls back to matching (position -> item). GIFT has no field for points, so every
question imports worth 1 mark: the intended points go in the question's name and a comment, with a warning.
"""

from __future__ import annotations

import re

from quizkit.model import Question, Quiz
from quizkit.render.common import Job, Rendered, category_path, question_name, total_points
from quizkit.versions import answer_items, master_options, matching_rows

DESCRIPTION = "GIFT question bank (Moodle text format)"

_CONTROL = re.compile(r"([\\~=#{}:])")
_SPACES = re.compile(r"\s+")
_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


def escape(text: str) -> str:
    """One line of GIFT text that reads back literally."""
    return _CONTROL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


def escape_lines(text: str) -> str:
    """Like ``escape`` but keeps line breaks, as GIFT's ``\\n`` (Moodle turns it back into a new line)."""
    lines = [escape(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\\n".join(line for line in lines if line)


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
    """A short-answer answer: ``*`` escaped (a Moodle wildcard), a leading ``%`` needs an explicit weight,
    a leading ``[`` a format."""
    body = _inner(text).replace("*", "\\*")
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


_ORDERING_HEAD = "ALL VERTICAL RELATIVE_ALL_PREVIOUS_AND_NEXT SHOW"
"""Every item shown, one under another, pairwise partial credit (as quizkit grades), grading details shown."""


def ordering_fits(q: Question) -> bool:
    """Whether Moodle's ordering reader can take the items as raw lines: no brace (it ends the answer part),
    no line that reads as a comment, and a prompt without "{" (the reader stops the name at the first)."""
    items = answer_items(q)
    return "{" not in q.prompt and not any(
        "{" in i or "}" in i or not i.strip() or i.strip().startswith("//") for i in items
    )


def _ordering(q: Question) -> str:
    items = [" ".join(i.split()) for i in answer_items(q)]
    return f">{len(items)} {_ORDERING_HEAD}\n" + "\n".join(items) + "\n"


def _answers(q: Question, as_matching: bool = False) -> tuple[str, list[str]]:
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
    elif q.type == "ordering" and not as_matching and ordering_fits(q):
        return _ordering(q), warnings  # Moodle's ordering reader takes no feedback part
    elif q.type == "ordering":
        body = " ".join(f"={ordinal(i)} -> {_inner(item)}" for i, item in enumerate(answer_items(q), 1))
        if not as_matching:
            warnings.append(
                f"question {q.id}: an item has a brace or starts like a comment, which Moodle's GIFT ordering "
                "reader cannot take; exported as matching (position -> item)"
            )
    else:
        body = ""
    fb = feedback(q)
    inside = [*q.choices, *q.accepted_answers, fb, *(answer_items(q) if q.type != "true_false" else ())]
    if any(ARROW in x for x in [*inside, *(x for pair in matching_rows(q) for x in pair)]):
        warnings.append(
            f"question {q.id}: '->' in an answer or feedback was written as '→' (GIFT cannot escape it)"
        )
    return body + (f" ####{escape_lines(fb.replace(ARROW, '→'))}" if fb else ""), warnings


def _prompt(q: Question, as_matching: bool) -> str:
    if q.type == "ordering" and (as_matching or not ordering_fits(q)):
        return f"{q.prompt} (Match each position, 1st to last, to the item that belongs there.)"
    return q.prompt


def points_text(points: float) -> str:
    return f"{points:g} point" + ("" if points == 1 else "s")


def question_gift(q: Question, number: int, as_matching: bool = False) -> tuple[str, list[str]]:
    """One GIFT question: the id and the intended points in comments, the points in the name too."""
    answers, warnings = _answers(q, as_matching)
    name = escape(f"{question_name(q, number)} [{points_text(q.points)}]")
    comment = f"// [id:{q.id}]\n" if _ID.match(q.id) else ""
    comment += f"// points: {q.points:g}\n"
    return f"{comment}::{name}::[plain]{escape_lines(_prompt(q, as_matching))}{{{answers}}}\n", warnings


def quiz_gift(quiz: Quiz, *, ordering_as_matching: bool = False) -> tuple[str, list[str]]:
    """The whole quiz as GIFT text: a category line, then one question per block."""
    category = _SPACES.sub(" ", category_path(quiz)).strip()
    blocks = [f"// {escape(quiz.title)} — exported by quizkit\n$CATEGORY: {category}\n"]
    warnings: list[str] = []
    for i, q in enumerate(quiz.questions, 1):
        text, w = question_gift(q, i, ordering_as_matching)
        blocks.append(text)
        warnings += w
    if any(q.points != 1 for q in quiz.questions):
        warnings.append(
            f"GIFT cannot hold points: Moodle imports every question worth 1 mark "
            f"({len(quiz.questions)} in all, not {total_points(quiz):g}); each question's points are in its "
            "name, so set them in the quiz's maximum marks, or import the Moodle XML file, which keeps them"
        )
    if any(q.type == "ordering" for q in quiz.questions) and not ordering_as_matching:
        warnings.append(
            "ordering questions use Moodle's ordering type (Moodle 4.4 or later); "
            "for an older Moodle render with --ordering-as-matching"
        )
    return "\n".join(blocks), warnings


def render(job: Job) -> Rendered:
    text, warnings = quiz_gift(job.master, ordering_as_matching=job.ordering_as_matching)
    return Rendered((("gift/quiz.gift", text.encode("utf-8")),), tuple(warnings))
