"""Test questions and quizzes, made in one place."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quizkit.analysis import Sentence, analyse
from quizkit.article import from_text
from quizkit.model import Citation, Evidence, Question, Quiz, SourceInfo

BODY = (
    "Kazakhstan joined the Abraham Accords in November 2025. "
    "President Kassym-Jomart Tokayev visited Washington, where he met Donald Trump."
)


def evidence(text: str) -> Evidence:
    start = BODY.index(text)
    return Evidence(text, start, start + len(text))


SENT1 = "Kazakhstan joined the Abraham Accords in November 2025."
SENT2 = "President Kassym-Jomart Tokayev visited Washington, where he met Donald Trump."


def make_question(qtype: str = "multiple_choice", qid: str | None = None, **overrides: Any) -> Question:
    """One valid question of each type, with evidence into BODY."""
    base: dict[str, Question] = {
        "multiple_choice": Question(
            id="q-mc",
            type="multiple_choice",
            prompt="Which country joined the Abraham Accords in November 2025?",
            answer="Kazakhstan",
            choices=("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Turkmenistan"),
            evidence=evidence(SENT1),
            bloom="remember",
            difficulty=0.3,
            explanation="The first sentence says so.",
        ),
        "true_false": Question(
            id="q-tf",
            type="true_false",
            prompt="Tokayev visited Moscow, where he met Donald Trump.",
            answer=False,
            evidence=evidence(SENT2),
        ),
        "fill_blank": Question(
            id="q-fb",
            type="fill_blank",
            prompt="President Kassym-Jomart Tokayev visited _____, where he met Donald Trump.",
            answer="Washington",
            accepted_answers=("Washington, D.C.",),
            evidence=evidence(SENT2),
        ),
        "short_answer": Question(
            id="q-sa",
            type="short_answer",
            prompt="Whom did Tokayev meet in Washington?",
            answer="Donald Trump",
            accepted_answers=("Trump",),
            evidence=evidence(SENT2),
        ),
        "matching": Question(
            id="q-ma",
            type="matching",
            prompt="Match each person to their country.",
            answer=(("Tokayev", "Kazakhstan"), ("Trump", "United States"), ("Netanyahu", "Israel")),
            origin="context",
            sources=(Citation("https://example.org/leaders", "2026-11-27"),),
        ),
        "ordering": Question(
            id="q-or",
            type="ordering",
            prompt="Put these events in the order they happened.",
            answer=("Kazakhstan declares independence", "The Abraham Accords are signed", "Kazakhstan joins"),
            origin="context",
            sources=(Citation("https://example.org/timeline", "2026-11-27"),),
        ),
        "open": Question(
            id="q-op",
            type="open",
            prompt="Why might Kazakhstan have joined the Abraham Accords? Explain.",
            answer=("balancing between powers", "closer ties with the United States"),
            evidence=evidence(SENT1),
            bloom="evaluate",
            points=4.0,
        ),
    }
    q = base[qtype]
    if qid is not None:
        overrides["id"] = qid
    return replace(q, **overrides)


def make_quiz(n_per_type: int = 1, **overrides: Any) -> Quiz:
    """A quiz with every question type, ``n_per_type`` of each, unique ids."""
    questions = [
        make_question(t, qid=f"{t[:2]}{i}")
        for i in range(1, n_per_type + 1)
        for t in (
            "multiple_choice",
            "true_false",
            "fill_blank",
            "short_answer",
            "matching",
            "ordering",
            "open",
        )
    ]
    quiz = Quiz(
        title="Kazakhstan and the Abraham Accords",
        questions=tuple(questions),
        source=SourceInfo(title="Test article", publisher="Test Times", date="2025-11-07"),
        seed=1,
    )
    return replace(quiz, **overrides)


def sentence(text: str) -> Sentence:
    """One real sentence, analysed as the first of a short article's body."""
    return analyse(from_text(f"News\n\n{text}")).sentences[0]
