"""Boundary tests at each rule's documented threshold: the three mutations the audit saw survive (evidence
offsets with no article, the rubric's "at least half", no typo allowance for words of up to 4 letters) are
caught here, and the true/false key balance is checked on every test article with several seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit.check.evidence import evidence_not_in_article
from quizkit.check.quizwide import true_false_balance
from quizkit.grade.match import typo_budget
from quizkit.grade.score import rubric_hints, score_text
from quizkit.model import Evidence, Quiz
from tests.factories import make_question

ARTICLES = Path(__file__).parent / "data" / "articles"

# --- evidence offsets, checked even when no article is at hand -----------------------------------------

TEXT = "Kazakhstan joined the Abraham Accords in November 2025."


@pytest.mark.parametrize(
    ("start", "end", "flagged"),
    [
        (10, 10 + len(TEXT), False),  # exactly the text's length: fine
        (10, 10 + len(TEXT) + 1, True),  # one too long
        (10, 10 + len(TEXT) - 1, True),  # one too short
        (10 + len(TEXT), 10, True),  # start after end
        (0, len(TEXT), False),
    ],
)
def test_evidence_offsets_must_span_the_text_without_an_article(start: int, end: int, flagged: bool) -> None:
    q = make_question("multiple_choice", evidence=Evidence(TEXT, start, end))
    problems = list(evidence_not_in_article(q, None))
    assert bool(problems) is flagged, problems
    if flagged:
        assert "do not span" in str(problems[0])


# --- the open-question rubric: a point is touched by at least half its content words ---------------------


@pytest.mark.parametrize(
    ("point", "answer", "touched"),
    [
        ("balancing powers", "it is balancing", True),  # 1 of 2 words: exactly half
        ("balancing powers", "nothing relevant here", False),  # 0 of 2
        ("closer trade security ties", "closer trade", True),  # 2 of 4: exactly half
        ("closer trade security ties", "closer", False),  # 1 of 4: under half
        ("closer trade security", "closer", False),  # 1 of 3: under half
        ("closer trade security", "closer trade", True),  # 2 of 3
    ],
)
def test_a_rubric_point_counts_from_exactly_half_its_words(point: str, answer: str, touched: bool) -> None:
    q = make_question("open", answer=(point,), points=2.0)
    hint = rubric_hints(q, answer)
    assert (point in hint.touched) is touched
    assert hint.suggested == (2.0 if touched else 0.0)


# --- typo allowance: none up to 4 letters, then one up to 8, two up to 14, three beyond -----------------


@pytest.mark.parametrize(
    ("word", "budget"),
    [("UK", 0), ("Cuba", 0), ("Modi", 0), ("China", 1), ("Tokayev", 1), ("Pakistan", 1), ("Kazakhstan", 2),
     ("Nazarbayevaaaa", 2), ("Nazarbayevaaaaa", 3), ("C5+1", 0)],
)  # fmt: skip
def test_typo_budget_at_each_documented_step(word: str, budget: int) -> None:
    assert typo_budget(word) == budget


@pytest.mark.parametrize(
    ("key", "typed", "right"),
    [
        ("Cuba", "Cuna", False),  # 4 letters: no typo allowed
        ("Modi", "Mosi", False),
        ("Cuba", "Cuba", True),
        ("China", "Chona", True),  # 5 letters: one vowel slip allowed
        ("Tokayev", "Tokayec", True),  # a neighbouring key
    ],
)
def test_short_answers_at_the_typo_threshold(key: str, typed: str, right: bool) -> None:
    q = make_question("short_answer", prompt="Which country is meant?", answer=key, accepted_answers=())
    score = score_text(q, typed)
    assert score is not None
    assert (score[0] == q.points) is right


# --- true/false key balance ------------------------------------------------------------------------------


def _tf_quiz(trues: int, falses: int) -> Quiz:
    keys = [True] * trues + [False] * falses
    qs = tuple(make_question("true_false", qid=f"tf{i}", answer=k) for i, k in enumerate(keys))
    return Quiz("balance", qs)


@pytest.mark.parametrize(
    ("trues", "falses", "flagged"),
    [
        (1, 1, False), (2, 0, True), (2, 1, False), (3, 1, True), (2, 2, False),
        (5, 3, False), (6, 2, True), (8, 5, False), (9, 4, True), (7, 5, False), (8, 4, True),
    ],
)  # fmt: skip
def test_true_false_balance_allows_a_quarter_of_the_keys(trues: int, falses: int, flagged: bool) -> None:
    """Flagged when |true - false| > max(1, n // 4): 13 keys may differ by 3, not 5; 12 by 3, not 4."""
    assert bool(list(true_false_balance(_tf_quiz(trues, falses)))) is flagged
    assert bool(list(true_false_balance(_tf_quiz(falses, trues)))) is flagged


KNOWN_UNBALANCED: set[tuple[str, int]] = set()
"""Found by this test (issue 12): 3 of 4 true/false keys true. Generation is being reworked (the lead's
question-quality issue); strict, so the mark must go when the generator balances this case."""

CASES = [
    pytest.param(
        name,
        seed,
        marks=[
            pytest.mark.xfail(
                strict=True, reason="3 of 4 keys true: generator imbalance, see KNOWN_UNBALANCED"
            )
        ]
        if (name, seed) in KNOWN_UNBALANCED
        else [],
        id=f"{name}-seed{seed}",
    )
    for name in sorted(p.name for p in ARTICLES.iterdir())
    for seed in (0, 1, 2)
]


@pytest.mark.parametrize(("name", "seed"), CASES)
def test_generated_true_false_keys_are_balanced_on_every_test_article(name: str, seed: int) -> None:
    from quizkit.article import read_article
    from quizkit.generate import generate_quiz

    quiz = generate_quiz(read_article(ARTICLES / name), seed=seed).quiz
    assert not list(true_false_balance(quiz)), [q.answer for q in quiz.questions if q.type == "true_false"]
