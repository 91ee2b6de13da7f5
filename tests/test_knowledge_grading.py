"""Every right form of every context answer is accepted by the grader (issue 14: "Washington" for the White
House question, 7 November for the announcement dated 6 November in Washington)."""

from __future__ import annotations

import random

import pytest

from quizkit.grade.score import score_text
from quizkit.knowledge import load_facts
from quizkit.knowledge.context import fact_question
from quizkit.knowledge.distractors import answer_forms
from quizkit.model import Fact, Question


def typed_question(fact: Fact) -> Question | None:
    """The fact asked as a typed answer (short answer, else fill-in), or None when it is only asked as
    multiple choice or true/false (nothing typed to match)."""
    return fact_question(fact, "short_answer", random.Random(0), types=("short_answer", "fill_blank"))


TYPED = [f for f in load_facts() if f.question and f.answer and typed_question(f) is not None]


def obvious_answers(fact: Fact) -> list[str]:
    """What a student who knows the fact would write: the key, each listed form, and the key in lower case."""
    return list(dict.fromkeys([fact.answer, *answer_forms(fact), fact.answer.lower()]))


def test_most_facts_can_be_asked_as_a_typed_answer() -> None:
    assert len(TYPED) >= 60


@pytest.mark.parametrize("fact", TYPED, ids=lambda f: f.id)
def test_grader_accepts_every_right_form(fact: Fact) -> None:
    q = typed_question(fact)
    assert q is not None
    rejected = [a for a in obvious_answers(fact) if score_text(q, a) != (q.points, q.points)]
    assert rejected == [], f"{fact.id}: the grader does not accept {rejected} for {q.prompt!r}"


def test_the_fact_check_cases_are_accepted() -> None:
    """The forms the fact-check found rejected are now listed as right."""
    by_id = {f.id: f for f in load_facts()}
    place = by_id["accords-signing-place"]
    q = fact_question(place, "short_answer", random.Random(0))
    assert q is not None and "building" in q.prompt  # the question asks for the building, not the city
    for typed in ("the White House", "White House", "South Lawn of the White House", "the South Lawn"):
        assert score_text(q, typed) == (q.points, q.points), typed
    assert {"7 November 2025", "November 6, 2025"} <= set(answer_forms(by_id["kz-joins-announced"]))
    assert "Berdimuhamedow" in answer_forms(by_id["c5-2023-turkmenistan"])
    assert {"CSTO", "EAEU", "OIC"} <= {
        a for fid in ("kz-csto", "kz-eaeu", "kz-oic") for a in answer_forms(by_id[fid])
    }
