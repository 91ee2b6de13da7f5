"""The test articles (Markdown, heavy-boilerplate HTML, plain text), written for quizkit's tests to read like
news (invented stories and quotes, not published articles): the same quality bar as the seed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quizkit.analysis import analyse
from quizkit.article import read_article
from quizkit.check import check_quiz
from quizkit.generate import Generated, default_total, generate_quiz
from quizkit.model import Article

ARTICLES = Path(__file__).parent / "data" / "articles"
NAMES = ("aral_sea.md", "uranium_kazakhstan.html", "caspian_convention.txt")


@cache
def article(name: str) -> Article:
    return read_article(ARTICLES / name)


@cache
def generated(name: str) -> Generated:
    return generate_quiz(article(name), no_context=True)


@pytest.mark.parametrize("name", NAMES)
def test_enough_questions_of_enough_types_or_a_warning_why(name: str) -> None:
    """Precision first: a quiz shorter than the default says why (no padding with weak questions). The floor
    was 3 until blanks became a kind asked for only (step 9: 79 of 273 acceptable on the dev texts): the
    Caspian text now has a vocabulary item and a true statement, since its false statements each give
    away a true one and keys alternate."""
    gen = generated(name)
    qs = gen.quiz.questions
    assert len(qs) >= 2
    assert len({q.type for q in qs}) >= 2
    assert len({q.prompt for q in qs}) == len(qs)
    if len(qs) < default_total(analyse(article(name))):
        assert any(w.startswith("made ") for w in gen.warnings), gen.warnings


@pytest.mark.parametrize("name", NAMES)
def test_all_pass_the_quality_gate(name: str) -> None:
    errors = [f for f in check_quiz(generated(name).quiz, article(name)) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("name", NAMES)
def test_evidence_is_story_text_never_boilerplate_or_heading(name: str) -> None:
    art = article(name)
    headings = [b for b in art.blocks if b.kind == "heading"]
    for q in generated(name).quiz.questions:
        if q.evidence is None:
            assert "metadata" in q.tags
            continue
        ev = q.evidence
        assert art.body[ev.start : ev.end] == ev.text
        assert not any(h.start <= ev.start and ev.end <= h.end for h in headings)
        assert not any(len(r) > 12 and r in ev.text for r in art.removed), ev.text


def test_heavy_boilerplate_page_never_asks_about_page_furniture() -> None:
    text = " ".join(f"{q.prompt} {q.answer}" for q in generated("uranium_kazakhstan.html").quiz.questions)
    for junk in ("cookie", "App Store", "newsletter", "Related articles", "Share", "#"):
        assert junk not in text


def test_dated_article_gets_an_ordering_question_in_time_order() -> None:
    qs = [q for q in generated("uranium_kazakhstan.html").quiz.questions if q.type == "ordering"]
    assert qs, "the uranium article dates several events"
    assert isinstance(qs[0].answer, tuple) and len(qs[0].answer) >= 3


def test_an_event_is_never_cut_to_a_fragment_ending_in_was() -> None:
    from quizkit.generate import ordering
    from tests.factories import sentence

    cut = sentence("The last big flood in the valley was in 1998.")
    year = next(m for m in cut.mentions if m.kind == "year")
    assert ordering.event_text(cut, year) is None  # "The last big flood in the valley was" is no event
    whole = sentence("Russia secured an agreement on the Caspian in 2018.")
    year = next(m for m in whole.mentions if m.kind == "year")
    assert ordering.event_text(whole, year) == "Russia secured an agreement on the Caspian"
