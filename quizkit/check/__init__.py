"""The quality gate: small named checks per question and across a quiz, and the ``quizkit check`` report.

``check_question`` runs only cheap checks (strings, the alias table, rapidfuzz; no spaCy) so the generator
can run it on every candidate; ``check_quiz`` adds the cross-question checks for the selected quiz.
Adding a check = writing one function and listing it in ``QUESTION_CHECKS`` or ``QUIZ_CHECKS``.
"""

from __future__ import annotations

import argparse

from quizkit.check.evidence import answer_not_in_evidence, boilerplate_evidence, evidence_not_in_article
from quizkit.check.findings import QUIZ_WIDE, Finding, QuestionCheck, QuizCheck, Severity
from quizkit.check.options import (
    distractor_also_correct,
    distractor_wrong_type,
    duplicate_options,
    key_longest,
    key_not_in_options,
    option_count,
)
from quizkit.check.prompt import answer_in_prompt, ill_formed, unresolved_pronoun
from quizkit.check.quality import (
    broken_text,
    loose_start,
    page_debris,
    page_outline,
    same_answer_twice,
    title_giveaway,
    unresolved_reference,
    weak_template,
    who_not_person,
)
from quizkit.check.quizwide import gives_away_answer, key_position_bias, near_duplicate, true_false_balance
from quizkit.check.structure import (
    context_sources,
    matching_items,
    open_rubric,
    ordering_items,
    true_false_key,
)
from quizkit.model import Article, Question, Quiz

QUESTION_CHECKS: tuple[QuestionCheck, ...] = (
    ill_formed,
    unresolved_pronoun,
    page_debris,
    broken_text,
    loose_start,
    unresolved_reference,
    page_outline,
    title_giveaway,
    who_not_person,
    weak_template,
    answer_in_prompt,
    answer_not_in_evidence,
    evidence_not_in_article,
    boilerplate_evidence,
    option_count,
    key_not_in_options,
    duplicate_options,
    distractor_also_correct,
    distractor_wrong_type,
    key_longest,
    true_false_key,
    matching_items,
    ordering_items,
    open_rubric,
    context_sources,
)
"""Per-question checks, in report order."""

QUIZ_CHECKS: tuple[QuizCheck, ...] = (
    near_duplicate,
    gives_away_answer,
    key_position_bias,
    true_false_balance,
    same_answer_twice,
)
"""Cross-question checks, in report order."""

CHECK_NAMES: tuple[str, ...] = tuple(c.__name__ for c in (*QUESTION_CHECKS, *QUIZ_CHECKS))


def check_question(q: Question, article: Article | None = None) -> tuple[Finding, ...]:
    """Every per-question check on one question; the article (when known) enables the offset checks."""
    return tuple(
        Finding(q.id, check.__name__, severity, message)
        for check in QUESTION_CHECKS
        for severity, message in check(q, article)
    )


def check_quiz(quiz: Quiz, article: Article | None = None) -> tuple[Finding, ...]:
    """Per-question findings in question order, then the cross-question findings."""
    per_question = [f for q in quiz.questions for f in check_question(q, article)]
    across = [f for check in QUIZ_CHECKS for f in check(quiz)]
    return (*per_question, *across)


def has_errors(findings: tuple[Finding, ...] | list[Finding]) -> bool:
    """True when any finding is an error (the quiz should not be used as it is)."""
    return any(f.severity == "error" for f in findings)


def run_check(args: argparse.Namespace) -> int:
    """``quizkit check QUIZ [--article A]``: print the report; exit 1 when there is an error finding."""
    from quizkit.check.report import run_check as run

    return run(args)


__all__ = [
    "CHECK_NAMES",
    "QUESTION_CHECKS",
    "QUIZ_CHECKS",
    "QUIZ_WIDE",
    "Finding",
    "Severity",
    "check_question",
    "check_quiz",
    "has_errors",
    "run_check",
]
