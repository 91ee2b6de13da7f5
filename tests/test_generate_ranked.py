"""Reported claims and who makes them, and the learned ranker (issue 9): real sentences from dev texts."""

from __future__ import annotations

import csv
import random
from dataclasses import replace
from pathlib import Path

import pytest

from quizkit.analysis import analyse
from quizkit.article import from_text
from quizkit.generate import candidate_pool, ranker, said
from quizkit.model import Question

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Senators question prison officials after Epstein death\n\n"
    "Federal prosecutors charged two guards at the Metropolitan Correctional Center on Tuesday. "
    "Sen. Ben Sasse said the charges against the two staffers are overdue. "
    "Sen. Ted Cruz said Epstein's death is a symptom of deeper problems within the prison system. "
    "Attorney General William Barr said he was appalled. "
    "Kathleen Hawk Sawyer told senators that they would get answers soon. "
    "Officials met with Hawk Sawyer and Barr in Washington."
)


def claims() -> dict[str, str]:
    a = analyse(from_text(TEXT))
    out = {}
    for s in a.sentences:
        found = said.reported(s, a)
        if found:
            out[found[0].text] = found[1]
    return out


def test_reported_claim_and_who_makes_it() -> None:
    got = claims()
    assert got["Ben Sasse"] == "the charges against the two staffers are overdue"
    assert got["Ted Cruz"].startswith("Epstein's death is a symptom")


def test_claims_that_need_the_sentence_before_are_not_asked() -> None:
    got = claims()
    assert "William Barr" not in got  # "he was appalled": who?
    assert "Kathleen Hawk Sawyer" not in got  # "they would get answers"


def test_reported_claims_become_who_said_questions() -> None:
    a = analyse(from_text(TEXT))
    qs = [c.question for c in said.candidates(a, random.Random(0))]
    prompts = {q.prompt: q for q in qs}
    q = prompts["According to the article, who said that the charges against the two staffers are overdue?"]
    assert q.answer == "Ben Sasse" and "Sasse" in q.accepted_answers


def test_ranker_model_is_fitted_on_dev_texts_only() -> None:
    m = ranker.model()
    assert m is not None and 0 < m.threshold < 1
    split = {r["id"]: r["split"] for r in csv.DictReader((ROOT / "benchmarks/quality/manifest.csv").open())}
    named = [part for part in m.trained_on.split(": ", 1)[1].split(", ")]
    assert named and all("_test" not in f and "seed" not in f for f in named)
    assert all((ROOT / "benchmarks/quality/ratings" / f).is_file() for f in named)
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from train_ranker import load_rows

    _x, ys, groups, _files = load_rows()
    assert ys and {split[g] for g in groups} == {"dev"}  # the test texts only measure it


def test_ranker_scores_are_probabilities_and_prefer_a_claim_to_a_place_blank() -> None:
    m = ranker.model()
    assert m is not None
    a = analyse(from_text(TEXT))
    ev = "Sen. Ben Sasse said the charges against the two staffers are overdue."
    claim = ranker.Shown(
        "short_answer",
        "According to the article, who said that the charges against the two staffers are overdue?",
        "Ben Sasse",
        (),
        ev,
    )
    place = ranker.Shown(
        "fill_blank",
        "Officials met with Hawk Sawyer and Barr in _____.",
        "Washington",
        (),
        "Officials met with Hawk Sawyer and Barr in Washington.",
    )
    p_claim = ranker.acceptability(ranker.features(claim, ranker.view(a)), m)
    p_place = ranker.acceptability(ranker.features(place, ranker.view(a)), m)
    assert 0 < p_place < p_claim < 1


def test_a_group_threshold_holds_even_under_the_cover_passs_lower_floor() -> None:
    # fresh pages' ratings (train_ranker.py --held-out): true statements the ranker scored below 0.5 were
    # accepted 14 of 63 times, those above 48 of 103; false statements no better above than below
    m = ranker.model()
    assert m is not None and dict(m.group_thresholds) == {"tf_true": 0.5}
    assert m.cutoff("tf_true") == m.cutoff("tf_true", floor=0.15) == 0.5
    assert m.cutoff("tf_false") == m.threshold and m.cutoff("said", floor=0.15) == 0.15
    stmt = Question(id="a01", type="true_false", prompt="According to the article, x.", answer=True)
    assert ranker.threshold_group("true_false", stmt) == "tf_true"
    assert ranker.threshold_group("true_false", replace(stmt, answer=False)) == "tf_false"
    assert not ranker.clears("true_false", replace(stmt, quality=0.45))
    assert ranker.clears("true_false", replace(stmt, answer=False, quality=0.45))
    assert ranker.clears("true_false", replace(stmt, quality=0.55))


@pytest.mark.parametrize("name", ["voa-christchurch-quake-2011.txt", "voa-bhutan-election-2013.txt"])
def test_every_pooled_candidate_passes_the_gate_and_ranked_ones_clear_the_threshold(name: str) -> None:
    from quizkit.article import read_article

    article = read_article(ROOT / "benchmarks/quality/corpus" / name)
    m = ranker.model()
    assert m is not None
    ranked = candidate_pool(article, threshold=True)
    assert all((c.question.quality or 0) >= m.threshold for c in ranked if c.group in m.judged)
    statements = [c.question for c in ranked if c.question.type == "true_false" and c.question.answer is True]
    assert all((q.quality or 0) >= m.cutoff("tf_true") for q in statements)
    assert {"true_false", "fill_blank", "short_answer"} <= m.judged  # kinds with many ratings are judged
    assert "ordering" not in m.judged  # too few ratings to leave one out: only ordered
    assert len(ranked) <= len(candidate_pool(article))


def test_bounded_numbers_are_not_swapped_into_false_statements() -> None:
    """Reviewer l: "killed at least 56" keyed False where the article says "at least 75" (still true)."""
    from quizkit.generate.true_false import _approximate

    a = analyse(
        from_text("Storm hits coast\n\nThe storm killed at least 75 people on Monday. It killed 75 in 2009.")
    )
    found = {m.text: _approximate(s, m) for s in a.sentences for m in s.mentions if m.kind == "number"}
    assert found == {"at least 75": True, "75": False}
    tf = [
        c.question
        for c in __import__("quizkit.generate.true_false", fromlist=["x"]).candidates(a, random.Random(0))
        if c.question.answer is False
    ]
    assert not any("at least" in q.prompt for q in tf)


def test_a_he_that_can_only_be_the_speaker_and_a_there_clause_stand_alone() -> None:
    text = (  # Reuters markets report and USA Today (dev), shortened
        "Stocks slip on trade worries\n\n"
        "U.S. President Donald Trump said he would raise tariffs on Chinese imports if no deal is reached "
        "with Beijing to end the trade war.\n\n"
        "Serene Gregg said there were more than 30 staff vacancies at the facility last summer.\n\n"
        "Lawyer Jack Scarola said he was pleased that Jeffrey Epstein faced a new investigation."
    )
    a = analyse(from_text(text))
    got = {f[0].text: f[1] for s in a.sentences if (f := said.reported(s, a))}
    assert got["Donald Trump"] == (
        "he would raise tariffs on Chinese imports if no deal is reached with Beijing to end the trade war"
    )  # the purpose "to end …" is held by its "to": not a loose clause
    assert got["Serene Gregg"] == "there were more than 30 staff vacancies at the facility last summer"
    assert "Jack Scarola" not in got  # "he": Scarola or Epstein? Another person is in the sentence


def test_a_reported_claim_is_asked_only_a_quotation_is_not() -> None:
    """Who said a claim the article reports in its own words: 14 of 46 acceptable since step 18 (the
    quotation form 16 of 23). A default quiz takes one only for a main point nothing else asks about."""
    from quizkit.generate import asked_only

    text = (
        TEXT + ' Sen. Richard Blumenthal said: "This is a failure of the whole system, from top to bottom."'
    )
    a = analyse(from_text(text))
    made = list(said.candidates(a, random.Random(0)))
    reported = [c for c in made if said.REPORTED_TAG in c.question.tags]
    quoted = [c for c in made if "“" in c.question.prompt]
    assert reported and all("who said that" in c.question.prompt for c in reported)
    assert all(asked_only(c) for c in reported)
    assert quoted and not any(asked_only(c) for c in quoted)


@pytest.mark.parametrize(
    ("claim", "asked"),
    [
        ("the effort may have consumed about 2.8 gigawatt-hours of electricity", False),
        ("the department could not answer adequately then", False),
        ("the combination of the two has been steady", False),
        ("the charges against the two staffers are overdue", True),
        ("Epstein's death is a symptom of deeper problems", True),
    ],
)
def test_a_claim_about_an_unnamed_the_thing_is_not_asked(claim: str, asked: bool) -> None:
    """A stem of "who said that the effort may have consumed 2.8 gigawatt-hours?" does not say which effort
    it means (fresh reviewers: "'the effort' is not said to be OpenAI's project"); a longer phrase says it."""
    a = analyse(from_text(f"Senators question prison officials\n\nSen. Ben Sasse said {claim}."))
    found = [said.reported(s, a) for s in a.sentences]
    assert any(f is not None for f in found) == asked, found
