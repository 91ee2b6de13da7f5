"""Comprehension questions on the seed article: count, types, quality gate, topics, determinism."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from quizkit.analysis import analyse
from quizkit.article import read_article
from quizkit.check import check_quiz
from quizkit.generate import Generated, default_total, generate_quiz
from quizkit.model import Article
from quizkit.quizfile import dump_quiz

SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
PRONOUNS = {"it", "this", "that", "these", "those", "they", "he", "she", "its", "their", "his", "her"}


@cache
def seed_article() -> Article:
    return read_article(SEED)


@cache
def seed_quiz(seed: int = 0, count: int | None = None, no_context: bool = True) -> Generated:
    return generate_quiz(seed_article(), seed=seed, count=count, no_context=no_context)


def test_seed_default_follows_the_length_with_distinct_questions_of_four_types() -> None:
    """About one question per 27 words (8-25): the 285-word seed gets 11, not the 34 that reviewers found
    too many for the text; fewer only when candidates fail, with a warning."""
    gen = seed_quiz()
    qs = gen.quiz.questions
    total = default_total(analyse(seed_article()))
    assert total == round(analyse(seed_article()).words / 27)
    assert len(qs) == total or any("made" in w for w in gen.warnings)
    # precision first (issue 9): the learned ranker and the kinds reviewers rejected leave out weak
    # candidates, so the 254-word seed gets 4 of the 6 asked, with the warning (it had 8-9 before). It was 6
    # until the story's own subject stopped being swapped into false statements: that sixth question
    # ("China's participation in the Abraham Accords…") was rejected by both seed reviewers; 5 until blanks
    # became a kind asked for only (step 9: 79 of 273 blanks acceptable on the dev texts, 2 of 8 on the test
    # texts), which took the seed's one blank ("_____ is currently a focal point…").
    assert len(qs) >= 4
    assert len({q.prompt for q in qs}) == len(qs)
    assert len({q.type for q in qs}) >= 3
    assert all(q.origin == "article" for q in qs)


def test_seed_quiz_passes_the_quality_gate() -> None:
    errors = [f for f in check_quiz(seed_quiz().quiz, seed_article()) if f.severity == "error"]
    assert errors == []


def test_questions_a_teacher_wants_are_there() -> None:
    """The quiz `make quiz` prints (seed 1, context on): background questions carry the Washington visit,
    which the article itself states in a sentence that opens "This development…" (not a main sentence)."""
    qs = seed_quiz(seed=1, no_context=False).quiz.questions
    text = " ".join(f"{q.prompt} {q.answer} {' '.join(q.choices)}" for q in qs)
    for topics in (("Kazakhstan",), ("Israel",), ("Tokayev", "Washington", "Trump"), ("Russia", "China")):
        assert any(t in text for t in topics), topics  # the main points: who joined what, the balancing act
    assert any(q.type == "open" and "why" in q.prompt.lower() for q in qs)
    metadata = {q.answer for q in qs if "metadata" in q.tags}
    assert metadata <= {"India Today", "7 November 2025"}


def test_every_article_question_quotes_its_sentence_exactly() -> None:
    body = seed_article().body
    for q in seed_quiz().quiz.questions:
        if "metadata" in q.tags:
            continue
        assert q.evidence is not None, q.prompt
        assert body[q.evidence.start : q.evidence.end] == q.evidence.text
        assert "Author" not in q.evidence.text  # the summary label is never quoted
        assert q.explanation


def test_prompts_are_self_contained_and_well_formed() -> None:
    for q in seed_quiz().quiz.questions:
        first = q.prompt.split()[0].lower().strip("“\"'")
        assert first not in PRONOUNS, q.prompt
        if q.type in ("multiple_choice", "short_answer", "open", "matching", "ordering"):
            assert q.prompt.endswith("?"), q.prompt
        elif q.type == "fill_blank":
            assert q.prompt.count("_____") == 1
        else:
            assert q.prompt.endswith("."), q.prompt


def test_multiple_choice_has_four_distinct_options_and_balanced_keys() -> None:
    mc = [q for q in seed_quiz().quiz.questions if q.type == "multiple_choice"]
    assert mc
    for q in mc:
        assert len(q.choices) == 4 and len(set(q.choices)) == 4 and q.answer in q.choices
    positions = Counter(q.choices.index(str(q.answer)) for q in mc)
    assert max(positions.values()) - min(positions.get(i, 0) for i in range(4)) <= 2


def test_true_false_keys_are_balanced() -> None:
    keys = [q.answer for q in seed_quiz().quiz.questions if q.type == "true_false"]
    assert keys and abs(keys.count(True) - keys.count(False)) <= 1


def test_points_bloom_and_difficulty_follow_the_type() -> None:
    for q in seed_quiz().quiz.questions:
        assert 0 <= q.difficulty <= 1
        if q.type == "open" and "written" in q.tags:  # a short written answer on one main point
            assert q.points == 1 and q.bloom == "remember"
            assert isinstance(q.answer, tuple) and len(q.answer) == 1 and q.answer[0].endswith(".")
        elif q.type == "open":
            assert 4 <= q.points <= 5 and q.bloom in ("analyze", "evaluate")
            assert isinstance(q.answer, tuple) and 2 <= len(q.answer) <= 4
        elif q.type == "matching":
            assert isinstance(q.answer, tuple) and q.points == len(q.answer)
        else:
            assert q.points == 1


def test_same_seed_gives_byte_identical_quiz() -> None:
    a = generate_quiz(seed_article(), seed=7, no_context=True)
    b = generate_quiz(seed_article(), seed=7, no_context=True)
    assert dump_quiz(a.quiz) == dump_quiz(b.quiz)


def test_other_seed_changes_selection_or_order() -> None:
    a, b = seed_quiz(0), seed_quiz(1)
    assert [q.prompt for q in a.quiz.questions] != [q.prompt for q in b.quiz.questions]


def test_count_is_exact_and_ids_are_unique() -> None:
    # as many as the 254-word seed supports, since questions must not repeat answers (8 until "Who held talks
    # with President Donald Trump…?" went: a head of state known from the world, and other Central Asian
    # presidents held talks too; 7 until step 12, when a denial with a tail set off by a comma went: "Central
    # Asia is not … a focal point of a rivalry, with the U.S. striving …", rejected by both seed reviewers)
    gen = seed_quiz(count=6)
    assert len(gen.quiz.questions) == 6
    ids = [q.id for q in gen.quiz.questions]
    assert len(set(ids)) == 6 and all(i.startswith("a") for i in ids)


def test_types_filter_keeps_only_those_types() -> None:
    gen = generate_quiz(seed_article(), types=["true_false", "fill_blank"], count=4, no_context=True)
    assert {q.type for q in gen.quiz.questions} <= {"true_false", "fill_blank"}
    assert len(gen.quiz.questions) == 4


def test_too_many_asked_says_why_fewer() -> None:
    gen = seed_quiz(count=200)
    assert len(gen.quiz.questions) < 200
    assert any("200" in w for w in gen.warnings)


def test_context_questions_are_merged_at_about_a_third() -> None:
    pytest.importorskip("quizkit.knowledge.context")
    gen = seed_quiz(no_context=False)
    origins = Counter(q.origin for q in gen.quiz.questions)
    assert origins["article"] >= 4
    # at most about a third; fewer when few facts are tied to the article's main points (issue 9 F)
    assert origins["context"] >= 2 and origins["context"] / len(gen.quiz.questions) <= 0.45
    assert len({q.id for q in gen.quiz.questions}) == len(gen.quiz.questions)
    errors = [f for f in check_quiz(gen.quiz, seed_article()) if f.severity == "error"]
    assert errors == []
