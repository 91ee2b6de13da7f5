"""`quizkit show`: a readable listing, answers only on request."""

from __future__ import annotations

from pathlib import Path

from quizkit.cli import main
from quizkit.quizfile import save_quiz
from quizkit.show import format_quiz
from tests.factories import make_quiz


def test_listing_shows_every_question_with_its_options_but_no_answers() -> None:
    quiz = make_quiz()
    text = format_quiz(quiz)
    assert text.startswith("Kazakhstan and the Abraham Accords")
    for n, q in enumerate(quiz.questions, 1):
        assert f"{n}. (" in text and q.prompt in text
    assert "A) Kazakhstan" in text and "D) Turkmenistan" in text
    assert "Answer:" not in text and "Rubric" not in text


def test_answers_flag_adds_keys_evidence_sources_and_rubric() -> None:
    text = format_quiz(make_quiz(), answers=True)
    assert "Answer: Kazakhstan" in text
    assert "Answer: False" in text
    assert "Tokayev → Kazakhstan" in text
    assert "Evidence [" in text and "Source: https://example.org/leaders" in text
    assert "Rubric:" in text and "- balancing between powers" in text


def test_show_command_prints_the_quiz(tmp_path: Path, capsys: object) -> None:
    path = tmp_path / "quiz.json"
    save_quiz(make_quiz(), path)
    assert main(["show", str(path), "--answers"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "7 questions" in out and "Answer: Donald Trump" in out


def test_show_on_a_missing_file_is_one_clear_error(tmp_path: Path, capsys: object) -> None:
    assert main(["show", str(tmp_path / "nope.json")]) != 0
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.count("\n") == 1 and "not found" in err
