"""The teacher's review: accept, reject, edit every field, reorder, add one's own; checks rerun; the file stays
schema-valid (issue 13, "review and edit before printing")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quizkit.errors import FormatError
from quizkit.lesson.editor import Fields, blank_question, edited, fields_of
from quizkit.lesson.teacher import EditForm, PreviewView
from quizkit.quizfile import load_quiz, save_quiz
from tests.factories import make_question, make_quiz

TYPES = ["multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering", "open"]


@pytest.mark.parametrize("qtype", TYPES)
def test_unchanged_fields_give_back_the_same_question(qtype: str) -> None:
    q = make_question(qtype)
    assert edited(q, fields_of(q), 1) == q


@pytest.mark.parametrize(
    ("qtype", "change", "why"),
    [
        ("multiple_choice", {"key": "Mongolia"}, "not one of the options"),
        ("true_false", {"key": "maybe"}, "True or False"),
        ("matching", {"key": "Tokayev Kazakhstan\nTrump -> United States"}, "not a pair"),
        ("short_answer", {"prompt": "  "}, "empty"),
        ("fill_blank", {"points": 0.0}, "out of range"),
        ("ordering", {"key": "only one item"}, "ordering"),
    ],
)
def test_an_unusable_edit_is_refused_in_one_line(qtype: str, change: dict[str, object], why: str) -> None:
    q = make_question(qtype)
    with pytest.raises(FormatError) as err:
        edited(q, replace(fields_of(q), **change), 3)  # type: ignore[arg-type]
    assert "question 3" in str(err.value) and "\n" not in str(err.value)
    if why != "ordering":
        assert why in str(err.value)


def open_view(tmp_path: Path) -> tuple[PreviewView, Path]:
    quiz_file = tmp_path / "quiz.json"
    save_quiz(make_quiz(), quiz_file)
    view = PreviewView(article="", quiz_path=quiz_file)
    view.load_button.click()
    return view, quiz_file


def edit_form(view: PreviewView) -> EditForm:
    """The open edit form; it is shown inside its question's row."""
    assert view.form is not None
    assert any(view.form.box in row.children for row in view.list.children)
    assert view.form.apply_button.description.startswith("Apply changes to question")
    return view.form


def test_edit_key_points_and_explanation_then_save_round_trips(tmp_path: Path) -> None:
    view, quiz_file = open_view(tmp_path)
    view.start_edit("mu1")
    form = edit_form(view)
    form.options.value = "Kazakhstan\nUzbekistan\nMongolia"
    form.key.value = "Mongolia"
    form.points.value = 2.5
    form.explanation.value = "Edited by the teacher."
    form.apply_button.click()
    assert "changed" in view.status.value, view.status.value
    view.save_button.click()
    q = load_quiz(quiz_file).questions[0]  # load_quiz validates against the schema
    assert (q.answer, q.choices, q.points, q.explanation) == (
        "Mongolia",
        ("Kazakhstan", "Uzbekistan", "Mongolia"),
        2.5,
        "Edited by the teacher.",
    )


def test_a_bad_edit_changes_nothing(tmp_path: Path) -> None:
    view, _ = open_view(tmp_path)
    before = view.quiz
    view.start_edit("ma1")
    form = edit_form(view)
    form.key.value = "no arrow here"
    form.apply_button.click()
    assert "Not changed" in view.status.value and view.quiz == before


def test_checks_rerun_on_every_edit(tmp_path: Path) -> None:
    view, _ = open_view(tmp_path)
    assert not any(f.question_id == "sh1" and f.check == "answer_in_prompt" for f in view.findings)
    q = view.quiz.questions[3] if view.quiz else None
    assert q is not None and q.id == "sh1"
    view.apply("sh1", replace(fields_of(q), prompt=f"Whom did Tokayev meet, {q.answer}?"))
    assert any(f.question_id == "sh1" and f.check == "answer_in_prompt" for f in view.findings)


def test_reorder_reject_add_and_save(tmp_path: Path) -> None:
    view, quiz_file = open_view(tmp_path)
    view.move("tr1", -1)
    view.move("op1", +1)  # already last: nothing happens
    view.decisions[2].value = "Reject"  # fi1
    new = view.add("true_false")
    assert new is not None and "teacher" in new.tags
    view.apply(new.id, replace(fields_of(new), prompt="Kazakhstan is landlocked.", key="True"))
    view.save_button.click()
    ids = [q.id for q in load_quiz(quiz_file).questions]
    assert ids == ["tr1", "mu1", "sh1", "ma1", "or1", "op1", new.id]
    assert "1 rejected" in view.status.value


@pytest.mark.parametrize("qtype", ["multiple_choice", "true_false", "fill_blank", "short_answer", "open"])
def test_a_new_question_is_valid_from_the_start(qtype: str, tmp_path: Path) -> None:
    quiz = make_quiz()
    q = blank_question(quiz, qtype)
    save_quiz(replace(quiz, questions=(*quiz.questions, q)), tmp_path / "q.json")
    assert load_quiz(tmp_path / "q.json").questions[-1] == q
    assert edited(q, fields_of(q), 8) == q


def test_fields_are_plain_text_a_teacher_types() -> None:
    f = fields_of(make_question("matching"))
    assert f.key.splitlines()[0] == "Tokayev -> Kazakhstan"
    assert isinstance(f, Fields) and f.points == 1.0
