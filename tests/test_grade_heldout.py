"""Short-answer grading on held-out labeled sets, each written and labeled before the matcher ran on it.

tests/data/grading/heldout_short_answers.csv: 543 responses the way 14-18-year-olds type them (keys from the
seed quiz, the knowledge base and general news), labeled by what a fair teacher would accept, written before
match.py was read. heldout_short_answers_2.csv: 74 more, written after the first round of fixes and run once
before the second. heldout_short_answers_3.csv: 355 more (with the question's prompt where it matters), written
for the grading issue's right-answers-marked-wrong list (venue or city, head nouns, plurals, month dates,
Cyrillic, number words, confusables) and committed before the matcher was changed for them. Where the matcher
still disagrees the label is kept (the cases are listed in
docs/grading.md), so this test measures rather than fits.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from quizkit.grade.cells import is_blank
from quizkit.grade.match import Matcher

HELDOUT = sorted((Path(__file__).parent / "data" / "grading").glob("heldout_*.csv"))
CONFUSABLE = ("confusable", "hedge", "partial")


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in HELDOUT:
        with path.open(encoding="utf-8") as fh:
            rows.extend({**r, "file": path.name} for r in csv.DictReader(fh))
    return rows


def _judge(row: dict[str, str]) -> str:
    """What `quizkit grade` decides for this cell: blank first (cells), then the matcher."""
    if is_blank(row["response"]):
        return "blank"
    accepted = tuple(a for a in row["accepted"].split("|") if a)
    return Matcher(row["key"], accepted, prompt=row.get("prompt") or "").judge(row["response"]).verdict


def test_heldout_set_is_big_and_varied() -> None:
    rows = _rows()
    cats = Counter(r["category"] for r in rows)
    assert len(HELDOUT) >= 2 and len(rows) >= 600
    for needed in ("alias", "typo", "translit", "number-words", "date", "partial", "confusable", "blank"):
        assert cats[needed] >= 5, needed
    assert {r["expected"] for r in rows} == {"correct", "incorrect", "blank"}


def test_heldout_agreement_at_least_97_percent() -> None:
    rows = _rows()
    wrong = [(r["file"], r["category"], r["key"], r["response"], r["expected"], _judge(r)) for r in rows]
    wrong = [w for w in wrong if w[4] != w[5]]
    for w in wrong:
        print("disagreement:", w)
    for name in sorted({r["file"] for r in rows}):
        n = sum(r["file"] == name for r in rows)
        print(f"{name}: {n - sum(w[0] == name for w in wrong)}/{n}")
    agreement = 1 - len(wrong) / len(rows)
    print(f"held-out agreement {agreement:.2%} ({len(rows) - len(wrong)}/{len(rows)})")
    assert agreement >= 0.97, wrong


def test_heldout_no_confusable_is_accepted() -> None:
    rows = [r for r in _rows() if r["category"].startswith(CONFUSABLE) and r["expected"] != "correct"]
    accepted = [(r["key"], r["response"]) for r in rows if _judge(r) == "correct"]
    assert len(rows) >= 80
    assert accepted == []


def test_heldout_blank_is_never_wrong_and_wrong_never_blank() -> None:
    rows = _rows()
    assert all(_judge(r) == "blank" for r in rows if r["expected"] == "blank")
    assert not [r["response"] for r in rows if r["expected"] != "blank" and _judge(r) == "blank"]


@pytest.mark.parametrize(
    ("key", "response", "verdict"),
    [
        ("Donald Trump", "I think Trump", "correct"),  # a lead-in is not another first name
        ("Kazakhstan", "not Uzbekistan but Kazakhstan", "correct"),
        ("Kazakhstan", "Kazakhstan, not Uzbekistan", "correct"),
        ("Iraq", "Iran, not Iraq", "incorrect"),
        ("Abraham Accords", "Oslo Accords", "incorrect"),  # "accords" alone is an alias, Oslo makes another
        ("Abraham", "Abraham Lincoln", "incorrect"),  # a capitalised word after a name makes a longer name
        ("Abraham", "Prophet Abraham", "correct"),
        ("Olaf Scholz", "Scholz", "correct"),  # a person the knowledge base does not know: surname alone
        ("Olaf Scholz", "Olaf", "incorrect"),
        ("Olaf Scholz", "Scholz Olaf", "correct"),
        ("Ursula von der Leyen", "Von der Leyen", "correct"),
        ("New Delhi", "Delhi", "incorrect"),  # a place name is not a person's: no "surname"
        ("Caspian Sea", "Kaspian Sea", "correct"),  # hard c = k
        ("normalized relations", "normalization of relations", "correct"),  # a phrase: stems, any order
        ("20.3 million", "about 20 million", "correct"),  # an approximate key accepts rounding
        ("20.3 million", "19 million", "incorrect"),
        ("251", "250", "incorrect"),  # an exact count does not
        ("7.4 million", "7 million", "incorrect"),  # more than 5% off
        ("20.3 million", "20,3 million", "correct"),  # decimal comma
        ("1,195", "1195", "correct"),  # thousands comma still
        ("1992", "'92", "correct"),
        ("1992", "92", "incorrect"),  # a bare two-digit number may be anything
        ("1960s", "the sixties", "correct"),
        ("29 August", "29 April", "incorrect"),  # a day-month key is a date, not the number 29
        ("15 September 2020", "15 September", "needs_review"),  # right day, no year: the teacher decides
        ("$1.2 billion", "€1.2 billion", "incorrect"),
        ("4.5 million tonnes", "4.5 million barrels", "incorrect"),
        ("3.5 million", "three and a half million", "correct"),
        ("37.5 million", "thirty-seven and a half million", "correct"),
        ("37.5 million", "about 37 million", "correct"),  # rounded down is still a fair "about"
        ("Emomali Rahmon", "Emomali Rahmonov", "correct"),  # the old surname, transliterated
    ],
)
def test_rules_behind_the_heldout_fixes(key: str, response: str, verdict: str) -> None:
    assert Matcher(key).judge(response).verdict == verdict


def test_an_alias_the_question_gives_is_not_the_answer() -> None:
    key = "Trans-Caspian International Transport Route"
    asked = Matcher(key, prompt="What is the official name of the Middle Corridor?")
    assert asked.judge("Middle Corridor").verdict == "incorrect"
    assert asked.judge("TITR").verdict == "correct"
    assert Matcher(key).judge("Middle Corridor").verdict == "correct"  # elsewhere the alias counts
    fill = Matcher("Washington", ("Washington, D.C.",), prompt="Tokayev visited _____ to meet Donald Trump.")
    assert fill.judge("Washington DC").verdict == "correct"  # the teacher's own answers always count


@pytest.mark.parametrize(
    "cell", ["idk", "IDK", "I don't know", "I don’t know.", "?", "??", "...", "no idea", "dunno"]
)
def test_typed_non_answers_are_blank(cell: str) -> None:
    assert is_blank(cell)


@pytest.mark.parametrize("cell", ["0", "a", "C5+1", "no", "Idaho", "none of them"])
def test_real_answers_are_not_blank(cell: str) -> None:
    assert not is_blank(cell)
