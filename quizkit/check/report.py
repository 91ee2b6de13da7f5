"""``quizkit check``: load a quiz, find its article, run every check and print a readable report."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from quizkit.check import CHECK_NAMES, QUIZ_WIDE, Finding, check_quiz, has_errors
from quizkit.errors import QuizkitError
from quizkit.files import read_text
from quizkit.model import Article, Quiz
from quizkit.quizfile import load_quiz, question_lines

SKIPPED = "offset checks skipped (give --article)"


def find_article(quiz: Quiz, quiz_path: str, given: str | None) -> tuple[Article | None, str]:
    """The article to check evidence against, and a line saying where it came from (or why there is none).

    An explicit ``--article`` must be readable; the quiz's ``source.path`` is tried as written and then
    relative to the quiz file, and a missing or unreadable one only skips the article-based checks.
    """
    from quizkit.article import read_article  # the reader (and its HTML parser) only when needed

    if given:
        return read_article(given), f"Article: {given}"
    src = quiz.source.path
    if not src:
        return None, f"Article: none (the quiz has no source.path); {SKIPPED}"
    for candidate in (Path(src), Path(quiz_path).parent / src):
        if candidate.is_file():
            try:
                return read_article(candidate), f"Article: {candidate} (the quiz's source.path)"
            except QuizkitError as exc:
                return None, f"Article: cannot read {candidate} ({exc.what}); {SKIPPED}"
    return None, f"Article: {src} (the quiz's source.path) not found; {SKIPPED}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _status(findings: list[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    parts = ([_plural(errors, "error")] if errors else []) + (
        [_plural(warnings, "warning")] if warnings else []
    )
    return ", ".join(parts) or "ok"


def format_report(
    quiz: Quiz,
    findings: tuple[Finding, ...],
    *,
    quiz_path: str,
    article_line: str,
    lines_of: Mapping[str, int] | None = None,
) -> str:
    """The report: a header, one block per question (id, type, status, findings), then totals by check.

    With ``lines_of`` (question id -> line in the quiz file), a question with findings names its place as
    ``quiz.yaml:42``, the form editors jump to.
    """
    by_question: dict[str, list[Finding]] = {q.id: [] for q in quiz.questions}
    by_question[QUIZ_WIDE] = []
    for f in findings:
        by_question.setdefault(f.question_id, []).append(f)
    width = max((len(q.id) for q in quiz.questions), default=2)
    lines = [
        f"Checked {quiz_path}: “{quiz.title or 'untitled'}”, {_plural(len(quiz.questions), 'question')}",
        article_line,
        "",
    ]
    for q in quiz.questions:
        found = by_question[q.id]
        place = f"  ({quiz_path}:{lines_of[q.id]})" if found and lines_of and q.id in lines_of else ""
        lines.append(f"{q.id:<{width}}  {q.type:<15}  {_status(found)}{place}")
        lines.extend(f"    {f.severity:<7}  {f.check}: {f.message}" for f in found)
    if by_question[QUIZ_WIDE]:
        lines += ["", "Whole quiz:"]
        lines.extend(f"    {f.severity:<7}  {f.check}: {f.message}" for f in by_question[QUIZ_WIDE])
    lines += ["", *_totals(quiz, findings)]
    return "\n".join(lines) + "\n"


def _totals(quiz: Quiz, findings: tuple[Finding, ...]) -> list[str]:
    counts = Counter((f.check, f.severity) for f in findings)
    lines = ["Findings by check:"] if findings else ["Findings by check: none"]
    width = max((len(name) for name in CHECK_NAMES), default=0)
    for name in CHECK_NAMES:
        errors, warnings = counts[(name, "error")], counts[(name, "warning")]
        if errors or warnings:
            parts = ([_plural(errors, "error")] if errors else []) + (
                [_plural(warnings, "warning")] if warnings else []
            )
            lines.append(f"  {name:<{width}}  {', '.join(parts)}")
    flagged = {f.question_id for f in findings if f.severity == "error"}
    ok = sum(q.id not in flagged for q in quiz.questions)
    n_err = sum(f.severity == "error" for f in findings)
    verdict = "FAIL" if n_err else "PASS"
    lines += [
        "",
        f"{verdict}: {ok} of {len(quiz.questions)} questions without errors; "
        f"{_plural(n_err, 'error')}, {_plural(len(findings) - n_err, 'warning')}",
    ]
    return lines


def run_check(args: argparse.Namespace) -> int:
    """Load QUIZ (JSON or YAML), check it, print the report; 0 when there is no error finding, else 1."""
    quiz = load_quiz(args.quiz)
    article, article_line = find_article(quiz, args.quiz, getattr(args, "article", None))
    findings = check_quiz(quiz, article)
    lines_of = question_lines(read_text(args.quiz, what="quiz file")) if findings else {}
    report = format_report(quiz, findings, quiz_path=args.quiz, article_line=article_line, lines_of=lines_of)
    print(report, end="")
    return 1 if has_errors(findings) else 0
