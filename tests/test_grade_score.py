"""One scoring function per question type: exact, partial credit, needs-a-human; always within [0, max]."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizkit.grade.score import (
    SCORERS,
    ordering_credit,
    rubric_hints,
    score_matching,
    score_multiple_choice,
    score_open,
    score_ordering,
    score_text,
    score_true_false,
)
from tests.factories import make_question

MC = make_question("multiple_choice")
TF = make_question("true_false")
MA = make_question("matching")
OR = make_question("ordering")
OP = make_question("open")
SA = make_question("short_answer")


def test_every_type_has_a_scorer() -> None:
    assert set(SCORERS) == {
        "multiple_choice",
        "true_false",
        "fill_blank",
        "short_answer",
        "matching",
        "ordering",
        "open",
    }


def test_multiple_choice_and_true_false_are_exact() -> None:
    assert score_multiple_choice(MC, "Kazakhstan") == (1.0, 1.0)
    assert score_multiple_choice(MC, "Uzbekistan") == (0.0, 1.0)
    assert score_true_false(TF, False) == (1.0, 1.0)
    assert score_true_false(TF, True) == (0.0, 1.0)
    assert score_true_false(TF, "maybe") == (0.0, 1.0)


def test_matching_gives_credit_per_pair() -> None:
    full = (("Tokayev", "Kazakhstan"), ("Trump", "United States"), ("Netanyahu", "Israel"))
    one_swap = (("Tokayev", "Israel"), ("Trump", "United States"), ("Netanyahu", "Kazakhstan"))
    assert score_matching(MA, full) == (1.0, 1.0)
    assert score_matching(MA, one_swap) == (round(1 / 3, 4), 1.0)
    assert score_matching(MA, ()) == (0.0, 1.0)


def test_matching_counts_a_left_item_only_once() -> None:
    doubled = (("Tokayev", "Israel"), ("Tokayev", "Kazakhstan"))
    assert score_matching(MA, doubled) == (0.0, 1.0)


def test_ordering_is_pairwise_kendall_credit() -> None:
    a, b, c = OR.answer  # type: ignore[misc]
    assert score_ordering(OR, (a, b, c)) == (1.0, 1.0)
    assert score_ordering(OR, (c, b, a)) == (0.0, 1.0)
    assert score_ordering(OR, (b, a, c)) == (
        round(2 / 3, 4),
        1.0,
    )  # one adjacent swap breaks one pair of three
    assert score_ordering(OR, (a, b)) == (round(1 / 3, 4), 1.0)  # a missing item breaks its pairs


def test_open_always_needs_a_human_with_a_hint() -> None:
    assert score_open(OP, "anything at all") is None
    hint = rubric_hints(OP, "Kazakhstan is balancing between powers.")
    assert hint.touched == ("balancing between powers",)
    assert hint.suggested == 2.0  # half the rubric points of 4


def test_text_uses_the_matcher() -> None:
    assert score_text(SA, "Trump") == (1.0, 1.0)
    assert score_text(SA, "Biden") == (0.0, 1.0)


items = st.sampled_from(list(OR.answer))  # type: ignore[arg-type]


@given(st.lists(items, max_size=5))
def test_ordering_credit_is_a_share(given_order: list[str]) -> None:
    credit = ordering_credit(tuple(map(str, OR.answer)), tuple(given_order))  # type: ignore[arg-type]
    assert 0.0 <= credit <= 1.0
    assert (credit == 1.0) == (tuple(given_order) == OR.answer)


lefts = st.sampled_from(["Tokayev", "Trump", "Netanyahu", "Putin"])
rights = st.sampled_from(["Kazakhstan", "United States", "Israel", "Russia"])


@given(st.lists(st.tuples(lefts, rights), max_size=6), st.text(max_size=20), st.booleans())
def test_scores_stay_within_zero_and_max(pairs: list[tuple[str, str]], text: str, flag: bool) -> None:
    for q, value in ((MA, tuple(pairs)), (MC, text), (TF, flag), (TF, text), (SA, text or "x")):
        score = SCORERS[q.type](q, value)
        if score is not None:
            points, most = score
            assert 0.0 <= points <= most == q.points


def test_rubric_hints_meet_a_paraphrase_of_source_checking_points() -> None:
    """The issue's case: "check the source and the date and if other news says the same" got 0 of 4."""
    q = make_question(
        "open",
        answer=(
            "who published it (India Today) and whether that outlet is reliable",
            "when it was published (2025-11-07) and whether it is still current",
            "who said the unnamed or unattributed quotation, and whether another source confirms it",
            "whether other reliable outlets or the original sources report the same facts",
            "which parts are reported facts and which are opinion or interpretation",
        ),
        points=4.0,
    )
    hint = rubric_hints(q, "check the source and the date and if other news says the same")
    assert len(hint.touched) == 3 and hint.suggested == 2.5
    assert not any("quotation" in t or "opinion" in t for t in hint.touched)
    assert rubric_hints(q, "I would just share it").suggested == 0.0
