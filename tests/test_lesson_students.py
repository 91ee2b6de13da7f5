"""A class at work: one answers file per student, never overwritten, never outside the answers folder,
resumed after a reload; practice and assessment modes; feedback that teaches without giving the key away.

Widgets run in plain pytest (setting .value runs observers, button.click() runs handlers).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from quizkit.cli import main
from quizkit.errors import OutputError
from quizkit.lesson.marking import OPEN_MIN_WORDS, check, points_text
from quizkit.lesson.questions import QuestionView
from quizkit.lesson.quiz import QuizView
from quizkit.lesson.student import save_in, slug, student_file
from quizkit.quizfile import save_quiz
from tests.factories import SENT1, make_question, make_quiz
from tests.test_lesson_widgets import answer_correctly


def start(view: QuizView, name: str = "", sid: str = "") -> None:
    view.student.name.value = name
    view.student.id_box.value = sid
    view.student.start_button.click()


def saved(path: Path) -> dict[str, object]:
    doc: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return doc


# --- one file per student --------------------------------------------------------------------------------


def test_two_students_at_once_get_two_files(tmp_path: Path) -> None:
    """Issue 12 item 6 / issue 11 blocker 1: the same pre-filled file held only the second student's answers."""
    quiz = make_quiz()
    ana, ben = QuizView(quiz, folder=tmp_path), QuizView(quiz, folder=tmp_path)
    start(ana, "Ana")
    start(ben, "Ben", "s-202")
    answer_correctly(ana.views[0])
    ben.views[0].inputs[0].value = "Uzbekistan"
    answer_correctly(ana.views[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers-ana.json", "answers-s-202.json"]
    a, b = saved(tmp_path / "answers-ana.json"), saved(tmp_path / "answers-s-202.json")
    assert a["answers"]["mu1"] == "Kazakhstan" and a["answers"]["tr1"] is False  # type: ignore[index]
    assert b["answers"]["mu1"] == "Uzbekistan" and b["student_id"] == "s-202"  # type: ignore[index]


@pytest.mark.parametrize(
    "typed", ["seed_quiz", "../seed_quiz", "/etc/passwd", "..\\..\\quiz.json", "notebooks/04_quiz.ipynb", "."]
)
def test_a_typed_name_can_never_point_outside_the_answers_folder(tmp_path: Path, typed: str) -> None:
    """Issue 11 blocker 2: a student typed `seed_quiz` in the path box and overwrote the quiz for everyone."""
    folder = tmp_path / "answers"
    (tmp_path / "seed_quiz.json").write_text("{}", encoding="utf-8")
    view = QuizView(make_quiz(), folder=folder)
    start(view, typed)
    assert view.path is not None and view.path.parent == folder and view.path.name.startswith("answers-")
    assert (tmp_path / "seed_quiz.json").read_text(encoding="utf-8") == "{}"
    assert [p.parent for p in folder.iterdir()] == [folder]
    assert not hasattr(view, "path_box") and "Save to file" not in str(view.box.children)


def test_save_in_refuses_any_path_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        save_in(tmp_path / "answers", tmp_path / "elsewhere.json", {"x": 1})
    with pytest.raises(OutputError):
        save_in(tmp_path / "answers", tmp_path / "answers" / ".." / "x.json", {"x": 1})
    assert not (tmp_path / "elsewhere.json").exists() and not (tmp_path / "x.json").exists()
    assert slug("../../etc") == "etc" and "/" not in student_file(tmp_path, "answers", "a/b").name


def test_the_same_name_again_asks_and_never_overwrites(tmp_path: Path) -> None:
    quiz = make_quiz()
    first = QuizView(quiz, folder=tmp_path)
    start(first, "Sam")
    answer_correctly(first.views[0])
    second = QuizView(quiz, folder=tmp_path)
    start(second, "Sam")
    assert second.path is None and "already saved" in second.student.status.value
    assert second.student.continue_button.layout.display != "none"
    second.student.new_button.click()
    assert second.path == tmp_path / "answers-sam-2.json"
    second.views[0].inputs[0].value = "Kyrgyzstan"
    assert saved(tmp_path / "answers-sam.json")["answers"]["mu1"] == "Kazakhstan"  # type: ignore[index]
    assert saved(tmp_path / "answers-sam-2.json")["student_id"] == "Sam (2)"


def test_a_reload_loses_nothing(tmp_path: Path) -> None:
    quiz = make_quiz()
    before = QuizView(quiz, folder=tmp_path)
    start(before, "Rae")
    for v in before.views:
        answer_correctly(v)
    before.views[0].hint_button.click()
    after = QuizView(quiz, folder=tmp_path)  # the page was reloaded: a new kernel, the same file
    start(after, "Rae")
    after.student.continue_button.click()
    assert after.path == tmp_path / "answers-rae.json"
    assert after.responses() == before.responses()
    assert after.views[0].hints_used == 1


def test_grade_reads_the_answers_folder_and_names_the_advice_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = make_quiz()
    save_quiz(quiz, tmp_path / "quiz.json")
    folder = tmp_path / "answers"
    for name in ("Ana", "Ben"):
        view = QuizView(quiz, folder=folder)
        start(view, name)
        answer_correctly(view.views[0])
    (folder / "advice-ana.json").write_text('{"format": "quizkit-scenario", "version": 1}', encoding="utf-8")
    (folder / ".answers-ana.json.tmp").write_text("half a file", encoding="utf-8")  # a save in progress
    out = tmp_path / "grades"
    assert main(["grade", str(tmp_path / "quiz.json"), str(folder), "-o", str(out), "--no-reports"]) == 0
    said = capsys.readouterr()
    assert "advice-ana.json" in said.out + said.err
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["student_id"] for r in rows) == ["Ana", "Ben"]
    assert all(float(r["score"]) == 1 for r in rows)


def test_grade_on_an_empty_answers_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_quiz(make_quiz(), tmp_path / "quiz.json")
    (tmp_path / "answers").mkdir()
    assert (
        main(["grade", str(tmp_path / "quiz.json"), str(tmp_path / "answers"), "-o", str(tmp_path / "g")])
        != 0
    )
    err = capsys.readouterr().err
    assert "no answer files" in err and err.count("\n") == 1


# --- assessment mode --------------------------------------------------------------------------------------


def test_assessment_locks_after_submit_records_attempts_and_shows_feedback_only_then(tmp_path: Path) -> None:
    view = QuizView(make_quiz(), mode="assessment", tries=2, folder=tmp_path)
    start(view, "Zoe")
    mc = view.views[0]
    assert mc.check_button.description == "Submit question 1"
    mc.hint_button.click()
    assert SENT1 not in mc.hint.value  # a pointer, not the sentence
    mc.inputs[0].value = "Uzbekistan"
    mc.check_button.click()
    assert not mc.locked and "Not quite" not in mc.feedback.value and "1 of 2 tries" in mc.feedback.value
    mc.inputs[0].value = "Turkmenistan"
    mc.check_button.click()
    assert mc.locked and mc.inputs[0].disabled and mc.check_button.disabled
    assert "Not quite" in mc.feedback.value and "The answer: Kazakhstan" in mc.feedback.value
    mc.inputs[0].value = "Kazakhstan"  # a locked question cannot be changed by the kernel's own check either
    assert mc.check().correct is False
    doc = saved(tmp_path / "answers-zoe.json")
    assert doc["mode"] == "assessment" and doc["attempts"] == {"mu1": 2} and doc["hints"] == {"mu1": 1}
    view.score_button.click()
    assert "Score: 0 / 1" in view.score_label.value  # only submitted questions count


def test_assessment_stays_locked_after_a_reload(tmp_path: Path) -> None:
    quiz = make_quiz()
    view = QuizView(quiz, mode="assessment", folder=tmp_path)
    start(view, "Lee")
    answer_correctly(view.views[1])
    view.views[1].check_button.click()
    again = QuizView(quiz, mode="assessment", folder=tmp_path)
    start(again, "Lee")
    again.student.continue_button.click()
    assert again.views[1].locked and again.views[1].inputs[0].disabled
    assert not again.views[0].locked
    assert "Correct" in again.views[1].feedback.value


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode"):
        QuizView(make_quiz(), mode="exam")  # type: ignore[arg-type]


# --- feedback that teaches ---------------------------------------------------------------------------------


def test_unanswered_is_not_shown_as_wrong() -> None:
    view = QuestionView(make_question("multiple_choice"), 1)
    view.check_button.click()
    assert "Not answered yet" in view.feedback.value and "✘" not in view.feedback.value
    assert view.attempts == 0


def test_idk_in_an_open_question_does_not_reveal_the_model_answer() -> None:
    q = make_question("open")
    v = check(q, "idk")
    assert "balancing" not in v.message and str(OPEN_MIN_WORDS) in v.message
    long = "Kazakhstan wants to balance Russia and China and get closer to the United States on trade."
    assert "balancing between powers" in check(q, long).message


def test_matching_feedback_names_the_wrong_pairs_and_counts_in_pairs() -> None:
    q = make_question("matching")
    v = check(q, [["Tokayev", "Kazakhstan"], ["Trump", "Israel"], ["Netanyahu", "United States"]])
    assert "1 of 3 pairs right" in v.message and "Trump → Israel" in v.message
    assert "1/3 of 1 points" in v.message and "0.33" not in v.message


@pytest.mark.parametrize(("x", "text"), [(2.0, "2"), (0.5, "1/2"), (5 / 3, "1 2/3"), (1 / 3, "1/3")])
def test_points_are_written_as_fractions(x: float, text: str) -> None:
    assert points_text(x) == text


def test_hint_points_to_the_paragraph_named_in_the_explanation() -> None:
    q = make_question("true_false", explanation='The article says: "…" (paragraph 4, under "Context").')
    view = QuestionView(q, 2)
    view.hint_button.click()
    assert "paragraph 4, under &quot;Context&quot;" in view.hint.value and "says:" not in view.hint.value


def test_buttons_are_named_per_question() -> None:
    view = QuestionView(make_question("short_answer"), 12)
    assert view.check_button.description == "Check question 12"
    assert view.hint_button.description == "Hint for question 12"


def test_the_quiz_after_the_reading_notebook_leaves_out_its_checks(tmp_path: Path) -> None:
    from quizkit.lesson.quiz import after_reading
    from quizkit.model import SourceInfo
    from tests.factories import BODY

    (tmp_path / "a.txt").write_text("A title\n\n" + BODY + "\n", encoding="utf-8")
    quiz = make_quiz(source=SourceInfo(title="T", path="a.txt"))
    save_quiz(quiz, tmp_path / "q.json")
    skip = after_reading(quiz, tmp_path / "q.json")
    assert skip and skip < {q.id for q in quiz.questions}
    view = QuizView(quiz, folder=tmp_path / "answers", skip=skip)
    assert [v.question.id for v in view.views] == [q.id for q in quiz.questions if q.id not in skip]
    assert [v.number for v in view.views] == list(range(1, len(view.views) + 1))
