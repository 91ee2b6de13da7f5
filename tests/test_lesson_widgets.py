"""Lesson widgets in plain pytest: setting .value runs observers, button.click() runs handlers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.lesson.marking import check, is_blank
from quizkit.lesson.questions import PICK, QuestionView
from quizkit.lesson.quiz import MODES, QuizView, answers_document, quiz_references, quiz_widget
from quizkit.quizfile import save_quiz
from quizkit.versions import master_options
from tests.factories import make_question, make_quiz


def answer_correctly(view: QuestionView) -> None:
    """Fill a question's controls with its key, the way a student would."""
    q = view.question
    if q.type in ("multiple_choice", "fill_blank", "short_answer"):
        view.inputs[0].value = q.answer
    elif q.type == "true_false":
        view.inputs[0].value = "True" if q.answer else "False"
    elif q.type == "matching":
        for dd, (_left, right) in zip(view.inputs, q.answer, strict=True):
            dd.value = right
    elif q.type == "ordering":
        for dd, item in zip(view.inputs, q.answer, strict=True):
            dd.value = item
    else:
        view.inputs[
            0
        ].value = "Kazakhstan wants balancing between powers and closer ties with the United States."


@pytest.mark.parametrize(
    "qtype", ["multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering"]
)
def test_right_answer_by_clicking_check_says_correct(qtype: str) -> None:
    view = QuestionView(make_question(qtype), 1)
    assert view.response() is None
    answer_correctly(view)
    view.check_button.click()
    assert "Correct!" in view.feedback.value
    assert view.verdict is not None and view.verdict.correct is True


def test_wrong_answer_says_not_quite_and_shows_the_evidence_hint_after_the_try() -> None:
    view = QuestionView(make_question("multiple_choice"), 3)
    view.hint_button.click()  # before any try: where to look, not the sentence holding the answer
    assert "Kazakhstan joined the Abraham Accords in November 2025." not in view.hint.value
    view.inputs[0].value = "Uzbekistan"
    view.check_button.click()
    assert "Not quite" in view.feedback.value and "Uzbekistan" in view.feedback.value
    assert "Kazakhstan joined the Abraham Accords in November 2025." in view.hint.value


def test_context_question_hint_names_its_source() -> None:
    view = QuestionView(make_question("matching"), 1)
    view.hint_button.click()
    assert "https://example.org/leaders" in view.hint.value


def test_open_question_goes_to_the_teacher() -> None:
    view = QuestionView(make_question("open"), 1)
    answer_correctly(view)
    view.check_button.click()
    assert "teacher" in view.feedback.value
    assert view.verdict is not None and view.verdict.correct is None


def test_responses_use_the_answers_file_format() -> None:
    quiz = make_quiz()
    views = {q.type: QuestionView(q, i) for i, q in enumerate(quiz.questions, 1)}
    for v in views.values():
        answer_correctly(v)
    assert views["true_false"].response() is False
    assert views["matching"].response() == [
        ["Tokayev", "Kazakhstan"],
        ["Trump", "United States"],
        ["Netanyahu", "Israel"],
    ]
    assert views["ordering"].response() == list(make_question("ordering").answer)
    assert isinstance(views["open"].response(), str)


def test_partly_right_matching_gets_partial_credit() -> None:
    view = QuestionView(make_question("matching"), 1)
    view.inputs[0].value = "Kazakhstan"
    view.inputs[1].value = "Israel"
    view.inputs[2].value = "United States"
    verdict = view.check()
    assert verdict.correct is False and 0 < verdict.points < verdict.max_points
    assert "Partly right" in view.feedback.value


def test_ordering_dropdowns_do_not_list_items_in_key_order() -> None:
    q = make_question("ordering")
    view = QuestionView(q, 1)
    shown = [o for o in view.inputs[0].options if o != PICK]
    assert sorted(shown) == sorted(q.answer) and tuple(shown) != q.answer
    assert tuple(shown) == master_options(q)  # the stored display order, as in show and the printouts


def test_every_input_has_a_visible_label() -> None:
    for q in make_quiz().questions:
        view = QuestionView(q, 1)
        assert all(getattr(x, "description", "") for x in view.inputs), q.type
        assert view.check_button.description and view.check_button.tooltip


def test_blank_and_half_done_responses_are_not_marked_wrong() -> None:
    assert is_blank(None) and is_blank("  ") and is_blank([["a", None]])
    verdict = check(make_question("short_answer"), "   ")
    assert verdict.message == "Not answered yet."


def test_typed_alias_is_accepted_like_quizkit_grade_does() -> None:
    q = make_question("short_answer")
    assert check(q, "donald trump").correct is True
    assert check(q, "Joe Biden").correct is False


# --- the quiz --------------------------------------------------------------------------------------------


def start(view: QuizView, name: str = "", sid: str = "") -> None:
    """Type a name (and ID) and press Start, as a student does."""
    view.student.name.value = name
    view.student.id_box.value = sid
    view.student.start_button.click()


def test_one_at_a_time_mode_navigates_with_buttons(tmp_path: Path) -> None:
    view = QuizView(make_quiz(), folder=tmp_path)
    assert len(view.questions_box.children) == 7
    view.layout_mode.value = MODES[1]
    assert len(view.questions_box.children) == 1
    assert view.where.value == "Question 1 of 7" and view.prev_button.disabled
    view.next_button.click()
    view.next_button.click()
    assert view.where.value == "Question 3 of 7"
    assert view.questions_box.children[0] is view.views[2].box
    view.layout_mode.value = MODES[0]
    assert len(view.questions_box.children) == 7


def test_score_counts_auto_marked_points_and_leaves_open_ones(tmp_path: Path) -> None:
    view = QuizView(make_quiz(), folder=tmp_path)
    for v in view.views[:3]:
        answer_correctly(v)
    view.score_button.click()
    assert "Score: 3 / 6" in view.score_label.value
    assert "1 written answer" in view.score_label.value


def test_answers_are_saved_as_the_student_works_in_a_file_grade_reads(tmp_path: Path) -> None:
    view = QuizView(make_quiz(), folder=tmp_path)
    start(view, "Anna Smith")
    target = tmp_path / "answers-anna-smith.json"
    assert view.path == target and target.exists()
    for v in view.views:
        answer_correctly(v)  # every change is saved at once: no Save button to forget
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "quizkit-answers" and doc["version"] == 1
    assert doc["name"] == "Anna Smith" and doc["student_id"] == "Anna Smith"
    assert doc["quiz_title"] == "Kazakhstan and the Abraham Accords"
    assert doc["answers"]["mu1"] == "Kazakhstan" and doc["answers"]["tr1"] is False
    assert doc["saved_at"].endswith("+00:00") and doc["mode"] == "practice"
    assert "7 of 7 answered" in view.status.value
    assert str(tmp_path) not in view.status.value + view.student.status.value  # no server paths shown


def test_questions_wait_for_a_name_and_nothing_is_saved_before(tmp_path: Path) -> None:
    view = QuizView(make_quiz(), folder=tmp_path)
    assert view.work.layout.display == "none"
    answer_correctly(view.views[0])
    assert view.save() is None and list(tmp_path.iterdir()) == []
    start(view)
    assert "Type your name" in view.student.status.value and view.path is None


def test_an_unwritable_answers_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    view = QuizView(make_quiz(), folder=tmp_path / "blocked")
    start(view, "Ben")
    assert view.save() is None
    assert "Not saved" in view.status.value and view.status.value.count("\n") == 0


def test_default_answers_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZKIT_ANSWERS_DIR", str(tmp_path))
    view = QuizView(make_quiz())
    start(view, "Cleo")
    assert view.path == tmp_path / "answers-cleo.json"


def test_unanswered_questions_are_saved_as_null() -> None:
    quiz = make_quiz()
    doc = answers_document(quiz, {}, student_id="s1", name="", saved_at="2026-11-27T00:00:00+00:00")
    assert set(doc["answers"]) == {q.id for q in quiz.questions}
    assert all(v is None for v in doc["answers"].values())


def test_quiz_widget_and_references_load_a_quiz_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_quiz(make_quiz(), tmp_path / "quiz.json")
    monkeypatch.chdir(tmp_path)
    box = quiz_widget("quiz.json", folder=tmp_path / "answers")
    assert "qk-quiz" in box._dom_classes
    refs = quiz_references("quiz.json").value
    assert "https://example.org/leaders" in refs and "https://example.org/timeline" in refs
    assert "Test article" in refs


def test_sources_become_links_and_local_paths_stay_text() -> None:
    from quizkit.lesson.common import Source, https, link, references_html

    assert https("tass.com/world/2040305") == "https://tass.com/world/2040305"
    assert https("seeds/article.txt") == "seeds/article.txt"
    assert 'href="https://tass.com/world/2040305"' in link("tass.com/world/2040305")
    assert "<a" not in link("seeds/article.txt")
    html = references_html(
        [Source("Fact A", "https://x.org/1"), Source("Fact B", "https://x.org/1"), Source("Article: T", "")]
    )
    assert html.count("<li>") == 2 and "Fact A; Fact B" in html and "<li>Article: T</li>" in html
    assert "<script>" not in references_html([Source("<script>", "https://x.org")])


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_question_text_is_never_markup(text: str) -> None:
    from quizkit.lesson.common import esc

    q = make_question("multiple_choice", prompt=text)
    view = QuestionView(q, 1)
    assert esc(text) in view.prompt.value
    assert "<script" not in view.prompt.value.replace(esc("<script"), "")
