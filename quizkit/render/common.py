"""What every printable format shares: the printed view of a version's questions, labels and wording."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from quizkit.model import Question, Quiz, SourceInfo, VersionMap
from quizkit.versions import (
    Key,
    answer_items,
    key_points,
    key_string,
    matching_rows,
    option_letter,
    printed_key,
)

HINTS = {
    "multiple_choice": "Choose one answer.",
    "true_false": "Is this statement true or false?",
    "fill_blank": "Write the missing word or words.",
    "short_answer": "Answer in a few words.",
    "matching": "Write the letter of the matching item in the box next to each number.",
    "ordering": "Write the letters in the right order, first to last.",
    "open": "Answer in full sentences.",
}

WRITTEN_TAG = "written"
WRITTEN_HINT = "Answer in a phrase or one sentence."
"""A short written answer on one main point (``generate.written``): not an essay."""

INSTRUCTIONS = (
    "Write your name, class and the date at the top.",
    "Answer every question. The points for each question are shown beside it.",
    "Closed questions: mark one letter per question (or per box). Use the answer sheet if you were given one.",
    "Open questions: write in the space given, in full sentences, using evidence from the article.",
)


@dataclass(frozen=True, slots=True)
class Printed:
    """One question as it is printed on one version."""

    number: int
    question: Question
    options: tuple[str, ...]
    """What is printed as letters A, B, … (choices, the right column, or the items to order)."""
    rows: tuple[str, ...]
    """Matching: the left-hand items, numbered 1, 2, … inside the question."""
    key: Key
    key_text: str
    """The answer in words, for keys: 'B — Kazakhstan', 'True', '1-C, 2-A', 'C, A, B'."""

    @property
    def hint(self) -> str:
        if self.question.type == "open" and WRITTEN_TAG in self.question.tags:
            return WRITTEN_HINT
        return HINTS[self.question.type]

    @property
    def points_label(self) -> str:
        return points_label(self.question.points)

    @property
    def answer_lines(self) -> int:
        """Writing lines for short answers; open questions get more, scaled by points."""
        if self.question.type == "short_answer":
            return 2
        if self.question.type == "open":
            return max(4, round(3 * self.question.points))
        return 1 if self.question.type == "fill_blank" else 0


def points_label(points: float) -> str:
    value = int(points) if float(points).is_integer() else points
    return f"{value} point" + ("" if value == 1 else "s")


def total_points(quiz: Quiz) -> float:
    return sum(q.points for q in quiz.questions)


def key_text(vq: Question, key: Key) -> str:
    """The key in words (for answer keys and the teacher edition)."""
    if vq.type == "multiple_choice":
        return f"{key} — {vq.answer}"
    if vq.type == "matching":
        return "; ".join(
            f"{i}-{letter} ({left} — {right})"
            for i, ((left, right), letter) in enumerate(zip(matching_rows(vq), key, strict=True), 1)
        )
    if vq.type == "ordering":
        return ", ".join(key) + "  (" + " → ".join(answer_items(vq)) + ")"
    if vq.type == "open":
        return key_points(vq) if isinstance(key, tuple) else str(key)
    if vq.type in ("fill_blank", "short_answer") and vq.accepted_answers:
        return f"{vq.answer}  (also accept: {', '.join(vq.accepted_answers)})"
    return key_string(key)


def printed(version_quiz: Quiz) -> tuple[Printed, ...]:
    """The printed view of a version quiz (from ``make_versions``), numbered from 1."""
    out = []
    for number, vq in enumerate(version_quiz.questions, start=1):
        key = printed_key(vq)
        options = vq.choices if vq.type in ("multiple_choice", "matching", "ordering") else ()
        rows = tuple(left for left, _ in matching_rows(vq)) if vq.type == "matching" else ()
        out.append(Printed(number, vq, options, rows, key, key_text(vq, key)))
    return tuple(out)


def letters(n: int) -> tuple[str, ...]:
    return tuple(option_letter(i) for i in range(n))


_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_chars(text: str) -> str:
    """Drop the few characters XML 1.0 cannot hold at all (control codes, lone surrogates)."""
    return _NOT_XML.sub("", text)


def nice_date(iso: str) -> str:
    """2025-11-07 -> 7 November 2025; anything else unchanged."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def source_line(src: SourceInfo) -> str:
    """'Source: "Title", Publisher, 7 November 2025' with whatever parts are known."""
    parts = [f"“{src.title}”" if src.title else "", src.publisher, nice_date(src.date)]
    kept = [p for p in parts if p]
    return ("Source: " + ", ".join(kept)) if kept else ""


# --- what both Moodle exports share --------------------------------------------------------------------------

CATEGORY_ROOT = "$course$/top/quizkit"
"""Both Moodle exports (XML and GIFT) import into $course$/top/quizkit/<quiz title>."""


def category_path(quiz: Quiz) -> str:
    """One level per part: a "/" in the title would start a sub-category, so it becomes "-"."""
    return f"{CATEGORY_ROOT}/{(quiz.title or 'Quiz').replace('/', '-').strip()}"


def question_name(q: Question, number: int) -> str:
    """ "03 Which country joined the Abraham Accords…": the printed number and the prompt's first words."""
    words = " ".join(q.prompt.split()).split(" ")
    name = ""
    for w in words:
        if len(name) + len(w) + 1 > 60:
            name += "…"
            break
        name = f"{name} {w}".strip()
    return f"{number:02d} {name}"


def web_link(url: str) -> bool:
    """Only http(s) addresses become links: never javascript:, data:, file: or a local path."""
    return url.strip().lower().startswith(("http://", "https://"))


# --- what a format module receives and returns ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a format needs: the master quiz, its versions and the print options."""

    master: Quiz
    vmap: VersionMap
    versions: tuple[Quiz, ...]
    paper: str = "a4"
    """"a4" or "us-letter"."""
    large_print: bool = False
    reading: str = ""
    """The reading-level line for the teacher edition (``quizkit.readability.describe``); "" = questions only."""
    ordering_as_matching: bool = False
    """Moodle exports: write ordering questions as matching, for Moodle before 4.4 (no ordering type)."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """Files (path relative to the output folder -> bytes) and warnings for the user."""

    files: tuple[tuple[str, bytes], ...]
    warnings: tuple[str, ...] = ()
