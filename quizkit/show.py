"""``quizkit show QUIZ [--answers]``: a readable listing of a quiz in the terminal."""

from __future__ import annotations

import argparse
import textwrap

from quizkit.model import TYPE_LABELS, Question, Quiz
from quizkit.versions import master_options, matching_rows, option_letter

WIDTH = 100


def _wrap(text: str, indent: str = "   ") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def _body(q: Question) -> list[str]:
    """What a student sees under the prompt: options, items to match or order."""
    lines: list[str] = []
    if q.type == "matching":
        lines += [f"     {i}. {left}" for i, (left, _) in enumerate(matching_rows(q), 1)]
    # The stored display order: the letters here are the letters of the teacher edition and the grader.
    for i, option in enumerate(master_options(q)):
        lines += _wrap(f"{option_letter(i)}) {option}", "     ")
    if q.type == "true_false":
        lines.append("     True / False")
    return lines


def _answer(q: Question) -> list[str]:
    a = q.answer
    if isinstance(a, bool):
        text = "True" if a else "False"
    elif q.type == "multiple_choice":
        text = f"{a} ({option_letter(q.choices.index(str(a)))})" if str(a) in q.choices else str(a)
    elif q.type == "matching" and isinstance(a, tuple):
        shown = master_options(q)
        text = "; ".join(
            f"{i}-{option_letter(shown.index(r))} ({left} → {r})"
            for i, (left, r) in enumerate(matching_rows(q), 1)
        )
    elif q.type == "ordering" and isinstance(a, tuple):
        shown = master_options(q)
        text = (
            ", ".join(option_letter(shown.index(str(x))) for x in a) + "  (" + " → ".join(map(str, a)) + ")"
        )
    elif q.type == "open" and isinstance(a, tuple):
        lines = ["   Rubric:"]
        for point in a:
            lines += _wrap(f"- {point}", "     ")
        return lines
    else:
        text = str(a)
        if q.accepted_answers:
            text += f"  (also accepted: {', '.join(q.accepted_answers)})"
    return _wrap(f"Answer: {text}")


def format_question(n: int, q: Question, answers: bool = False) -> str:
    tags = f" [{', '.join(q.tags)}]" if q.tags else ""
    head = f"{n}. ({TYPE_LABELS[q.type].lower()}, {q.origin}, {q.points:g} pt){tags}  id {q.id}"
    lines = [head, *_wrap(q.prompt), *_body(q)]
    if answers:
        lines += _answer(q)
        if q.evidence is not None:
            lines += _wrap(f'Evidence [{q.evidence.start}–{q.evidence.end}]: "{q.evidence.text}"')
        for c in q.sources:
            lines += _wrap(f"Source: {c.url} (as of {c.as_of})")
        if q.explanation:
            lines += _wrap(f"Why: {q.explanation}")
        lines += _wrap(f"Bloom: {q.bloom}; difficulty {q.difficulty:.2f}")
    return "\n".join(lines)


def format_quiz(quiz: Quiz, answers: bool = False, *, reading: str = "") -> str:
    """The whole quiz as plain text; with ``answers`` also keys, evidence, sources and explanations.

    ``reading`` is the reading-level line (``quizkit.readability.describe``), printed under the totals."""
    src = quiz.source
    meta = ", ".join(x for x in (src.publisher, src.date) if x)
    header = [quiz.title or "Quiz"]
    if src.title:
        header.append(f"Source: {src.title}" + (f" ({meta})" if meta else ""))
    total = sum(q.points for q in quiz.questions)
    header.append(f"{len(quiz.questions)} questions, {total:g} points")
    if reading:
        header.append(reading)
    body = [format_question(i, q, answers) for i, q in enumerate(quiz.questions, 1)]
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


def run_show(args: argparse.Namespace) -> int:
    from quizkit.quizfile import load_quiz
    from quizkit.readability import for_quiz_file

    quiz = load_quiz(args.quiz)
    print(format_quiz(quiz, answers=args.answers, reading=for_quiz_file(quiz, args.quiz)), end="")
    return 0
