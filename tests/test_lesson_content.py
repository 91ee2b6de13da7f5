"""The reading, glossary, balancing and teacher views, with the real article, quiz and knowledge base."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quizkit.article import read_article
from quizkit.lesson.balancing import (
    MIN_WORDS,
    NO_LEAD,
    BalancingLesson,
    ScenarioView,
    blocs,
    leaning,
    trade_partners,
)
from quizkit.lesson.glossary import GlossaryView, load_glossary
from quizkit.lesson.reading import ReadingLesson, checks_for, sections
from quizkit.lesson.teacher import PreviewView
from quizkit.model import Fact, Quiz
from quizkit.quizfile import load_quiz, save_quiz
from tests.factories import make_quiz

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
SEED_QUIZ = ROOT / "notebooks" / "seed_quiz.json"


def kb_facts(name: str) -> tuple[Fact, ...]:
    from quizkit.knowledge import facts_about

    return facts_about(name)


# --- reading ---------------------------------------------------------------------------------------------


def test_article_splits_at_its_headings() -> None:
    secs = sections(read_article(SEED))
    assert [s.heading for s in secs][1:] == [
        "The Context of Kazakhstan’s Decision",
        "Strategic Implications for Central Asia",
    ]
    assert secs[0].heading == "" and secs[0].blocks[0].text.startswith("Kazakhstan’s accession")


def test_each_reading_check_asks_about_its_own_section() -> None:
    article = read_article(SEED)
    lesson = ReadingLesson(article, load_quiz(SEED_QUIZ))
    assert lesson.views, "the seed quiz should give reading checks"
    for sec in lesson.sections:
        text = article.body[sec.start : sec.end]
        for q in checks_for(sec, lesson.quiz.questions):
            assert q.evidence is not None and q.evidence.text in text
            assert q.origin == "article" and q.type != "open"


def test_reading_check_feedback_and_hint() -> None:
    lesson = ReadingLesson(read_article(SEED), load_quiz(SEED_QUIZ))
    view = next(v for v in lesson.views if v.question.type == "multiple_choice")
    wrong = next(c for c in view.question.choices if c != view.question.answer)
    view.inputs[0].value = wrong
    view.check_button.click()
    assert "Not quite" in view.feedback.value
    assert view.question.evidence is not None
    assert "the article says" in view.hint.value


def test_reading_references_include_the_article_and_glossary_sources() -> None:
    lesson = ReadingLesson(read_article(SEED), load_quiz(SEED_QUIZ))
    html = lesson.references().value
    assert "India Today" in html and "https://" in html


# --- glossary --------------------------------------------------------------------------------------------


def test_glossary_has_the_issue_terms() -> None:
    terms = {t.term for t in load_glossary()}
    for want in [
        "accession",
        "normalisation",
        "multi-vector foreign policy",
        "C5+1",
        "CSTO",
        "SCO",
        "EAEU",
        "Belt and Road",
    ]:
        assert want in terms


def test_glossary_shows_definitions_and_sourced_facts() -> None:
    view = GlossaryView()
    view.picker.value = "Belt and Road"
    assert "Xi Jinping" in view.entry.value and "Source:" in view.entry.value
    view.picker.value = "accession"
    assert "joining" in view.entry.value and "Source:" not in view.entry.value
    # exact addresses of the pages the facts were checked on (a few ministry pages are plain http)
    assert all(s.url.startswith(("https://", "http://")) for s in view.sources())


# --- balancing act ---------------------------------------------------------------------------------------


def test_blocs_come_from_the_knowledge_base_with_their_main_partner() -> None:
    found = {b.short: b.lead for b in blocs(kb_facts("Kazakhstan"))}
    assert found == {
        "CSTO": "Russia",
        "EAEU": "Russia",
        "SCO": "China",
        "OTS": "Turkey",
        "OIC": NO_LEAD,
        "C5+1": "United States",
    }


def test_trade_partners_2023_from_the_knowledge_base() -> None:
    partners = trade_partners(kb_facts("Kazakhstan"))
    # January–September 2023, Kazakhstan's statistics bureau: the full-year ranking differs by source
    assert [(p.country, p.billions) for p in partners] == [("China", 21.7), ("Russia", 18.9)]
    assert all("intellinews.com" in p.fact.source_url for p in partners)


def test_choosing_a_bloc_updates_diagram_and_fact() -> None:
    lesson = BalancingLesson()
    before = lesson.blocs.image.value
    lesson.blocs.picker.value = "SCO"
    assert lesson.blocs.image.value != before
    assert "2001" in lesson.blocs.text.value and "Source:" in lesson.blocs.text.value
    refs = lesson.references().value
    assert "intellinews.com" in refs and "mfa.kz" in refs  # trade figures; the foreign ministry on the OIC


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({"Russia": 3, "China": 3, "United States": 4, "Turkey": 3}, "balanced: a multi-vector line"),
        ({"Russia": 5, "China": 1, "United States": 1, "Turkey": 0}, "leaning towards Russia"),
        (
            {"Russia": 1, "China": 5, "United States": 5, "Turkey": 0},
            "leaning towards China and United States",
        ),
    ],
)
def test_leaning(weights: dict[str, int], expected: str) -> None:
    assert leaning(weights) == expected


def test_scenario_sliders_update_summary_and_evidence() -> None:
    view = ScenarioView()
    view.sliders["China"].value = 5
    assert "leaning towards China" in view.summary.value
    assert "China" in view.evidence.value and "Source:" in view.evidence.value


def test_scenario_save_checks_then_writes_json_in_the_students_own_file(tmp_path: Path) -> None:
    view = ScenarioView(folder=tmp_path)
    view.save_button.click()
    assert "type your name" in view.status.value and list(tmp_path.iterdir()) == []
    view.student.name.value = "Dana"
    view.student.start_button.click()
    view.choice.value = view.choice.options[3]
    view.justification.value = "word " * MIN_WORDS
    view.save_button.click()
    doc = json.loads((tmp_path / "advice-dana.json").read_text(encoding="utf-8"))
    assert doc["format"] == "quizkit-scenario" and doc["name"] == "Dana"
    assert doc["advice"].startswith("Balance") and doc["weights"]["Russia"] == 3
    assert str(tmp_path) not in view.status.value


def test_scenario_flags_weights_that_contradict_the_advice() -> None:
    view = ScenarioView()
    view.sliders["Russia"].value = 5
    view.choice.value = view.choice.options[0]  # closer to the United States
    assert "favours United States" in view.mismatch.value and "Russia" in view.mismatch.value
    view.sliders["United States"].value = 5
    assert view.mismatch.value == ""
    view.choice.value = view.choice.options[3]  # balance, but Russia and the US 5, China and Turkey 3
    assert "you advise balance" in view.mismatch.value
    view.sliders["Russia"].value = view.sliders["United States"].value = 4
    assert view.mismatch.value == ""


# --- teacher preview -------------------------------------------------------------------------------------


def fake_generator(calls: list[tuple[Path, int, int | None]]) -> Callable[[Path, int, int | None], Quiz]:
    def gen(path: Path, seed: int, count: int | None) -> Quiz:
        calls.append((path, seed, count))
        return make_quiz()

    return gen


def test_preview_generate_reject_and_save_back(tmp_path: Path) -> None:
    calls: list[tuple[Path, int, int | None]] = []
    quiz_file = tmp_path / "quiz.json"
    view = PreviewView(article=SEED, quiz_path=quiz_file, generate=fake_generator(calls))
    view.seed.value = 4
    view.generate_button.click()
    assert calls == [(SEED, 4, None)]
    assert len(load_quiz(quiz_file).questions) == 7 and len(view.decisions) == 7
    view.decisions[1].value = "Reject"
    view.decisions[4].value = "Reject"
    view.save_button.click()
    kept = load_quiz(quiz_file)
    assert [q.id for q in kept.questions] == ["mu1", "fi1", "sh1", "or1", "op1"]
    assert "2 rejected" in view.status.value


def test_preview_loads_an_existing_quiz_and_refuses_an_empty_one(tmp_path: Path) -> None:
    quiz_file = tmp_path / "q.yaml"
    save_quiz(make_quiz(), quiz_file)
    view = PreviewView(article="", quiz_path=quiz_file)
    view.load_button.click()
    assert len(view.decisions) == 7
    for d in view.decisions:
        d.value = "Reject"
    assert view.save() is None and "at least one" in view.status.value
    assert len(load_quiz(quiz_file).questions) == 7


def test_preview_reports_a_missing_article(tmp_path: Path) -> None:
    view = PreviewView(article=tmp_path / "nope.txt", quiz_path=tmp_path / "q.json")
    view.generate_button.click()
    assert "Could not generate" in view.status.value and "not found" in view.status.value


def test_preview_with_the_real_generator_on_the_seed(tmp_path: Path) -> None:
    quiz_file = tmp_path / "seed.json"
    view = PreviewView(article=SEED, quiz_path=quiz_file)
    view.count.value = 8
    view.generate_button.click()
    assert "Generated" in view.status.value, view.status.value
    generated = load_quiz(quiz_file)
    assert 0 < len(generated.questions) <= 8 and len(view.decisions) == len(generated.questions)
    view.decisions[0].value = "Reject"
    view.save_button.click()
    assert [q.id for q in load_quiz(quiz_file).questions] == [q.id for q in generated.questions[1:]]


def test_article_without_headings_is_one_part_with_all_its_checks() -> None:
    from quizkit.article import from_text
    from tests.factories import BODY

    article = from_text("A title\n\n" + BODY)
    (only,) = sections(article)
    picked = checks_for(only, make_quiz().questions, limit=10)
    # closed comprehension questions only: no context (matching, ordering) and no open question
    assert [q.type for q in picked] == ["multiple_choice", "true_false", "fill_blank", "short_answer"]
    lesson = ReadingLesson(article, make_quiz())
    assert len(lesson.views) == 2  # two checks per part at most
