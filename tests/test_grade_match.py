"""Short-answer matching: the labeled set, confusables, numbers and dates, normalisation properties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizkit.grade.match import Matcher, normalise, quantities, typo_budget, words_to_digits
from quizkit.knowledge import aliases

LABELED = Path(__file__).parent / "data" / "grading" / "short_answers.csv"


def _labeled() -> list[dict[str, str]]:
    with LABELED.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _judge(row: dict[str, str]) -> str:
    accepted = tuple(a for a in row["accepted"].split("|") if a)
    return Matcher(row["key"], accepted).judge(row["response"]).verdict


def test_labeled_set_is_big_and_varied() -> None:
    rows = _labeled()
    categories = {r["category"] for r in rows}
    assert len(rows) >= 150
    for needed in ("alias", "typo", "translit", "number-words", "partial", "confusable", "date"):
        assert needed in categories


def test_labeled_set_agreement_at_least_97_percent() -> None:
    rows = _labeled()
    wrong = [(r["key"], r["response"], r["expected"], _judge(r)) for r in rows if _judge(r) != r["expected"]]
    agreement = 1 - len(wrong) / len(rows)
    assert agreement >= 0.97, wrong


def test_no_confusable_is_ever_accepted() -> None:
    rows = [r for r in _labeled() if r["category"].startswith(("confusable", "hedge", "partial"))]
    accepted = [
        (r["key"], r["response"]) for r in rows if r["expected"] != "correct" and _judge(r) == "correct"
    ]
    assert len(rows) >= 60
    assert accepted == []


@pytest.mark.parametrize(
    ("key", "wrong"),
    [
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("Niger", "Nigeria"),
        ("Slovakia", "Slovenia"),
        ("John Kerry", "John Kelly"),
        ("Nigeria", "Niger"),
    ],
)
def test_named_confusables_are_wrong_both_ways(key: str, wrong: str) -> None:
    assert Matcher(key).judge(wrong).verdict == "incorrect"
    assert Matcher(wrong).judge(key).verdict == "incorrect"


def test_no_known_name_is_accepted_for_another_entity() -> None:
    """Every name of every other entity of the same kind is refused (the whole alias table, both ways)."""
    kinds = ("country", "city", "person", "organisation")
    for kind in kinds:
        ents = aliases.of_kind(kind)
        for key in ents:
            m = Matcher(key.name)
            for other in ents:
                if other is key:
                    continue
                for name in other.names:
                    if aliases.same_entity(name, key.name):
                        continue
                    assert m.judge(name).verdict != "correct", (key.name, name)


def test_partial_answer_is_not_correct_but_known_alias_is() -> None:
    uae = Matcher("United Arab Emirates")
    assert uae.judge("United").verdict == "incorrect"
    assert uae.judge("UAE").verdict == "correct"
    tokayev = Matcher("Kassym-Jomart Tokayev")
    assert tokayev.judge("Tokayev").verdict == "correct"
    assert tokayev.judge("Kassym").verdict == "incorrect"


def test_short_tokens_get_no_typo_allowance() -> None:
    assert typo_budget("UK") == 0
    assert typo_budget("C5+1") == 0
    assert Matcher("C5+1").judge("C6+1").verdict == "incorrect"
    assert Matcher("UK").judge("UL").verdict == "incorrect"
    assert Matcher("Kazakhstan").judge("Kazahkstan").verdict == "correct"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("nineteen ninety two", "1992"),
        ("twenty twenty five", "2025"),
        ("two thousand and nine", "2009"),
        ("one thousand one hundred and ninety five", "1195"),
        ("four hundred fifty six tests", "456 tests"),
        ("in nineteen oh five", "in 1905"),
    ],
)
def test_number_words(text: str, digits: str) -> None:
    assert words_to_digits(text) == digits


def test_dates_in_many_forms_are_the_same_date() -> None:
    key = Matcher("16 December 1991")
    for form in ("December 16, 1991", "16/12/1991", "16.12.1991", "1991-12-16", "16th of December 1991"):
        assert key.judge(form).verdict == "correct", form
    assert key.judge("1991").verdict == "incorrect"
    assert quantities("April 1992").dates == frozenset({(1992, 4, 0)})


def test_long_sentence_containing_the_answer_goes_to_a_human() -> None:
    m = Matcher("Kazakhstan")
    long = "I think that it was probably the big country called Kazakhstan in the news"
    assert m.judge(long).verdict == "needs_review"
    assert m.judge("not Kazakhstan").verdict == "needs_review"


def test_accepted_answers_are_accepted() -> None:
    m = Matcher("Two states for two peoples", ("two-state solution",))
    assert m.judge("Two-State Solution").verdict == "correct"


@given(st.text(max_size=40))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=30))
def test_judge_is_total_and_memoised(text: str) -> None:
    m = Matcher("Kazakhstan")
    first = m.judge(text)
    assert first.verdict in ("correct", "incorrect", "needs_review")
    assert m.judge(text) is first
