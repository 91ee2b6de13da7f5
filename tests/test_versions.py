"""Shuffled versions: permutations, a map that inverts them, keys that grade back to the master key."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit import quizfile
from quizkit.errors import QuizkitError
from quizkit.model import Question, Quiz
from quizkit.versions import (
    Key,
    make_versions,
    master_options,
    matching_rows,
    option_letter,
    printed_key,
    to_master,
    version_letter,
)
from tests.factories import make_question, make_quiz

LETTERED = ("multiple_choice", "matching", "ordering")


def master_key(q: Question) -> Key:
    """The key in master letters, computed independently of the shuffling code."""
    if q.type == "multiple_choice":
        return option_letter(q.choices.index(str(q.answer)))
    if q.type == "matching":
        return tuple(option_letter(master_options(q).index(r)) for _, r in matching_rows(q))
    if q.type == "ordering":
        return tuple(option_letter(master_options(q).index(x)) for x in q.answer if isinstance(x, str))
    return printed_key(q)


@st.composite
def quizzes(draw: st.DrawFn) -> Quiz:
    """Quizzes of 1-12 questions of any type, MC with 2-6 choices, matching/ordering with 2-6 items."""
    n = draw(st.integers(1, 12))
    questions = []
    for i in range(n):
        qtype = draw(
            st.sampled_from(["multiple_choice", "true_false", "short_answer", "matching", "ordering"])
        )
        k = draw(st.integers(2, 6))
        if qtype == "multiple_choice":
            q = make_question(
                qtype, qid=f"q{i}", choices=tuple(f"c{j}" for j in range(k)), answer=f"c{k - 1}"
            )
        elif qtype == "matching":
            extra = tuple(f"x{j}" for j in range(draw(st.integers(0, 2))))
            q = make_question(
                qtype, qid=f"q{i}", answer=tuple((f"l{j}", f"r{j}") for j in range(k)), choices=extra
            )
        elif qtype == "ordering":
            q = make_question(qtype, qid=f"q{i}", answer=tuple(f"e{j}" for j in range(k)))
        else:
            q = make_question(qtype, qid=f"q{i}")
        questions.append(q)
    return make_quiz(questions=tuple(questions))


@settings(max_examples=60, deadline=None)
@given(quiz=quizzes(), n=st.integers(1, 5), seed=st.integers(0, 10**6))
def test_every_version_is_a_permutation_and_the_map_inverts_it(quiz: Quiz, n: int, seed: int) -> None:
    vmap, versions = make_versions(quiz, n, seed)
    assert [v.letter for v in vmap.versions] == [version_letter(i) for i in range(n)]
    for version, vquiz in zip(vmap.versions, versions, strict=True):
        ids = [item.question_id for item in version.items]
        assert sorted(ids) == sorted(q.id for q in quiz.questions)
        assert [it.number for it in version.items] == list(range(1, len(ids) + 1))
        assert [q.id for q in vquiz.questions] == ids
        for item, vq in zip(version.items, vquiz.questions, strict=True):
            master = quiz.question(item.question_id)
            options = master_options(master)
            assert sorted(item.order) == list(range(len(options)))
            # printed letter i shows master option order[i]
            assert (
                vq.choices == tuple(options[j] for j in item.order)
                if options
                else vq.choices == master.choices
            )
            assert vq.answer == master.answer and vq.prompt == master.prompt


@settings(max_examples=60, deadline=None)
@given(quiz=quizzes(), n=st.integers(1, 4), seed=st.integers(0, 10**6))
def test_each_versions_key_through_the_map_is_the_master_key(quiz: Quiz, n: int, seed: int) -> None:
    vmap, versions = make_versions(quiz, n, seed)
    for version, vquiz in zip(vmap.versions, versions, strict=True):
        for item, vq in zip(version.items, vquiz.questions, strict=True):
            assert to_master(item, printed_key(vq)) == master_key(quiz.question(item.question_id))


@settings(max_examples=30, deadline=None)
@given(quiz=quizzes(), seed=st.integers(0, 10**6))
def test_the_version_map_round_trips_through_versions_json(quiz: Quiz, seed: int) -> None:
    vmap, _ = make_versions(quiz, 3, seed)
    text = quizfile.dump_version_map(vmap)
    assert quizfile.version_map_from_data(__import__("json").loads(text), where="x") == vmap


def test_same_seed_same_versions_and_different_seeds_differ() -> None:
    quiz = make_quiz(3)
    assert make_versions(quiz, 4, 7) == make_versions(quiz, 4, 7)
    orders = {
        tuple(it.question_id for it in make_versions(quiz, 1, s)[0].versions[0].items) for s in range(5)
    }
    assert len(orders) > 1


def test_versions_of_one_quiz_differ_from_each_other() -> None:
    vmap, _ = make_versions(make_quiz(3), 3, 0)
    orders = [tuple(it.question_id for it in v.items) for v in vmap.versions]
    assert len(set(orders)) == 3


def test_true_false_keeps_true_false_and_ordering_never_prints_its_own_answer() -> None:
    quiz = make_quiz()
    for seed in range(40):
        vmap, versions = make_versions(quiz, 2, seed)
        for version, vquiz in zip(vmap.versions, versions, strict=True):
            for item, vq in zip(version.items, vquiz.questions, strict=True):
                if vq.type == "true_false":
                    assert item.order == () and vq.choices == ()
                if vq.type in ("ordering", "matching"):  # the key is never A, B, C… by layout
                    key = printed_key(vq)
                    assert key != tuple(option_letter(i) for i in range(len(key)))


def test_versions_are_new_objects_and_the_master_is_untouched() -> None:
    quiz = make_quiz()
    before = replace(quiz)
    _, versions = make_versions(quiz, 2, 3)
    assert quiz == before
    assert all(v is not quiz for v in versions)


@pytest.mark.parametrize("n", [0, -1, 26 * 27 + 1])
def test_an_impossible_number_of_versions_is_a_clear_error(n: int) -> None:
    with pytest.raises(QuizkitError, match="versions"):
        make_versions(make_quiz(), n, 0)


def test_many_versions_get_double_letters() -> None:
    vmap, _ = make_versions(make_quiz(), 28, 0)
    assert [v.letter for v in vmap.versions][25:] == ["Z", "AA", "AB"]
