"""The knowledge base review: every excerpt contains its fact's key, no review date passed, numbers dated,
distractors never also true (issue 14), and `quizkit facts --stale`."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from quizkit.cli import main
from quizkit.knowledge import attendance, checked_on, load_facts, run_facts
from quizkit.knowledge.attendees import unsafe_distractors
from quizkit.knowledge.distractors import also_true, distractors
from quizkit.knowledge.review import answer_forms, contains_key, due, fact_problems, problems
from quizkit.model import Fact, FactSource
from quizkit.quizfile import load_quiz

BY_ID = {f.id: f for f in load_facts()}
CENTRAL_ASIAN_LEADERS = {
    "Kassym-Jomart Tokayev",
    "Shavkat Mirziyoyev",
    "Emomali Rahmon",
    "Serdar Berdimuhamedov",
    "Sadyr Japarov",
}


def test_the_knowledge_base_has_no_problem_today() -> None:
    """Fails when an excerpt lacks its key, a source is a home page, or a review date has passed."""
    assert [str(p) for p in problems(date.today())] == []


@pytest.mark.parametrize("fact", load_facts(), ids=lambda f: f.id)
def test_every_excerpt_contains_the_key(fact: Fact) -> None:
    assert fact.sources
    for src in fact.sources:
        assert contains_key(src.excerpt, answer_forms(fact)), (fact.id, src.url)
        assert src.excerpt.count(". ") <= 2 and len(src.excerpt) <= 600  # a short quote, not a page


def test_review_catches_each_kind_of_problem() -> None:
    today = date(2026, 12, 4)
    good = BY_ID["kz-population"]
    assert fact_problems(good, today) == []
    cases = {
        "does not contain the answer": replace(
            good, sources=(FactSource(good.source_url, "t", "Kazakhstan counted its people."),)
        ),
        "has passed": replace(good, review_by="2026-01-01"),
        "home page": replace(
            good, sources=(FactSource("https://qazinform.com", "t", "about 20.5 million people"),)
        ),
        "needs its date": replace(good, question="About how many people live in Kazakhstan?"),
        "give a review_by": replace(good, review_by=""),
        "according to": replace(
            good,
            question="About how many people lived in Kazakhstan on 1 January 2026?",
            sources=(FactSource(good.source_url, "t", "20,495,975 people", state_media=True),),
        ),
    }
    for expected, bad in cases.items():
        found = " | ".join(p.message for p in fact_problems(bad, today))
        assert expected in found, (expected, found)


def test_facts_that_change_carry_a_review_date_and_numbers_their_date() -> None:
    for fid in ("kz-president", "kz-population", "kz-largest-city", "mc-cargo-growth", "ca-uranium-half"):
        assert BY_ID[fid].review_by > checked_on(), fid
    assert "2025" in BY_ID["kz-president"].question  # a leader is asked with the date the source shows
    assert "1 January 2026" in BY_ID["kz-population"].question


def test_stale_lists_what_to_recheck(capsys: pytest.CaptureFixture[str]) -> None:
    assert due(date(2026, 12, 4)) == []
    later = date(2027, 6, 15)
    assert {f.id for f in due(later)} >= {"kz-president", "kz-population", "mc-cargo-growth"}
    assert run_facts(stale=True, today=later) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{len(due(later))} facts in the knowledge base to re-check")
    assert "kz-president:" in out and "review by 2027-06-30" in out
    assert main(["facts", "--stale"]) == 0
    assert capsys.readouterr().out.startswith("0 facts in the knowledge base to re-check")


def test_cli_facts_shows_the_quoted_excerpts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--about", "Baikonur"]) == 0
    out = capsys.readouterr().out
    assert "until the year 2050" in out and "https://www.voanews.com/" in out


# --- distractors checked against the knowledge base ----------------------------------------------------


def test_co_attendees_of_the_washington_summit_are_never_wrong_answers() -> None:
    """The seed's article question on who held talks with Trump in Washington offered other presidents who
    were there too."""
    sentence = (
        "This development coincides with President Kassym-Jomart Tokayev's visit to Washington, where he held "
        "talks with President Donald Trump and other Central Asian leaders."
    )
    offered = [
        "Shavkat Mirziyoyev",
        "Serdar Berdimuhamedov",
        "Emomali Rahmon",
        "Vladimir Putin",
        "Xi Jinping",
    ]
    unsafe = unsafe_distractors(sentence, "Kassym-Jomart Tokayev", offered)
    assert set(unsafe) == {"Shavkat Mirziyoyev", "Serdar Berdimuhamedov", "Emomali Rahmon"}
    assert unsafe_distractors("Who won the local football cup?", "Kassym-Jomart Tokayev", offered) == []


def test_attendance_lists_are_sourced() -> None:
    events = {a.id: a for a in attendance()}
    assert set(events) >= {"c5-summit-2025", "c5-summit-2023"}
    for ev in events.values():
        assert ev.sources and set(ev.attendees) >= CENTRAL_ASIAN_LEADERS


def test_no_distractor_is_also_true() -> None:
    for seed in range(8):
        rng = random.Random(seed)
        for f in load_facts():
            for d in distractors(f, 3, rng, f.question):
                assert not also_true(f, d), (f.id, d)
        # another body Kazakhstan belongs to is never the wrong answer to a membership question
        for fid in ("kz-ots", "kz-oic", "kz-csto", "kz-eaeu"):
            wrong = set(distractors(BY_ID[fid], 3, random.Random(seed), BY_ID[fid].question))
            members = {BY_ID[m].answer for m in ("kz-ots", "kz-oic", "kz-csto", "kz-eaeu")}
            assert not wrong & members, (fid, wrong)


def test_host_question_never_offers_a_guest_as_wrong_answer() -> None:
    host = BY_ID["c5-2025-summit"]
    for seed in range(10):
        wrong = set(distractors(host, 3, random.Random(seed), host.question))
        assert not wrong & CENTRAL_ASIAN_LEADERS, wrong


def test_matching_sets_use_one_reference_and_distinct_values() -> None:
    by_relation: dict[str, list[Fact]] = {}
    for f in load_facts():
        if f.relation:
            by_relation.setdefault(f.relation, []).append(f)
    assert "population" not in by_relation  # mixed reference dates, values students cannot tell apart
    for relation, facts in by_relation.items():
        answers = [f.answer for f in facts]
        assert len(set(answers)) == len(answers), relation
    leaders = by_relation["leader_2023"]
    assert {f.as_of for f in leaders} == {"2023-09-20"}
    assert "Kazakhstan" not in {f.subject for f in by_relation["israel_deal_year"]}  # announced, not signed


def test_numbers_are_offered_with_wide_gaps() -> None:
    pop = BY_ID["kz-population"]
    for seed in range(5):
        for d in distractors(pop, 3, random.Random(seed), pop.question):
            value = float(d.split()[0])
            assert value <= 20.5 / 1.9 or value >= 20.5 * 1.9, d


def test_cli_generate_media_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = (
        Path(__file__).resolve().parent.parent
        / "seeds"
        / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
    )
    out = tmp_path / "quiz.json"
    assert main(["generate", str(seed), "-o", str(out), "--count", "14", "--media"]) == 0
    media = [q for q in load_quiz(out).questions if "media-literacy" in q.tags]
    assert 1 <= len(media) <= 2
    capsys.readouterr()
    bad = tmp_path / "bad.json"
    with pytest.raises(SystemExit) as exit_:
        main(["generate", str(seed), "-o", str(bad), "--media", "9"])
    assert exit_.value.code != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--media" in err and "Traceback" not in err
    assert not bad.exists()


def test_article_questions_never_offer_another_summit_guest() -> None:
    """The fact-check's case on the seed: "who held talks with Trump in Washington" offered Mirziyoyev,
    Berdimuhamedov and Rahmon, who were there too. The generator now avoids them (``also_right``)."""
    from quizkit.article import read_article
    from quizkit.generate import generate_quiz

    seed = (
        Path(__file__).resolve().parent.parent
        / "seeds"
        / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
    )
    quiz = generate_quiz(read_article(seed), seed=1).quiz
    for q in quiz.questions:
        if q.type == "multiple_choice" and q.answer == "Kassym-Jomart Tokayev":
            assert not (set(q.choices) - {q.answer}) & CENTRAL_ASIAN_LEADERS, q.choices
        if q.type == "true_false" and q.answer is False:
            assert not any(name in q.prompt for name in CENTRAL_ASIAN_LEADERS - {"Kassym-Jomart Tokayev"})
