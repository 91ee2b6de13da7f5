"""The quiz format: round trips, schema errors that name the bad field, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizkit.errors import FormatError, InputError
from quizkit.quizfile import dump_quiz, load_quiz, parse_quiz_text, save_quiz
from quizkit.versions import settle_quiz
from tests.factories import make_quiz


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    quiz = make_quiz(2)
    path = tmp_path / f"quiz{suffix}"
    save_quiz(quiz, path)
    # Saving stores the display order of matching/ordering lists once; otherwise the quiz is unchanged.
    assert load_quiz(path) == settle_quiz(quiz)
    save_quiz(load_quiz(path), path)
    assert load_quiz(path) == settle_quiz(quiz)


def test_dump_is_deterministic() -> None:
    assert dump_quiz(make_quiz()) == dump_quiz(make_quiz())


def test_minimal_hand_written_quiz_loads() -> None:
    text = """
questions:
  - id: a
    type: short_answer
    prompt: Capital of Kazakhstan?
    answer: Astana
  - id: b
    type: multiple_choice
    prompt: Pick one
    choices: [x, y]
    answer: y
"""
    quiz = parse_quiz_text(text, where="hand.yaml")
    assert [q.id for q in quiz.questions] == ["a", "b"]
    assert quiz.questions[0].points == 1.0


def test_bad_field_named_by_path() -> None:
    data = json.loads(dump_quiz(make_quiz()))
    data["questions"][1]["answer"] = "yes"  # true_false needs a boolean
    with pytest.raises(FormatError, match=r"questions\[1\]\.answer"):
        parse_quiz_text(json.dumps(data), where="q.json")


def test_mc_answer_must_be_a_choice() -> None:
    data = json.loads(dump_quiz(make_quiz()))
    data["questions"][0]["answer"] = "Mongolia"
    with pytest.raises(FormatError, match=r"questions\[0\]\.answer"):
        parse_quiz_text(json.dumps(data), where="q.json")


def test_not_json_or_yaml() -> None:
    with pytest.raises(FormatError, match="not valid JSON or YAML"):
        parse_quiz_text("{ not: json: at all", where="q.json")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_quiz(tmp_path / "nope.json")


def test_save_into_missing_folder_writes_nothing(tmp_path: Path) -> None:
    from quizkit.errors import OutputError

    with pytest.raises(OutputError):
        save_quiz(make_quiz(), tmp_path / "missing" / "quiz.json")
    assert not (tmp_path / "missing").exists()


def test_yaml_dates_stay_text() -> None:
    text = """
questions:
  - id: c1
    type: short_answer
    prompt: When did the Gaza war begin?
    answer: 7 October 2023
    origin: context
    sources:
      - url: https://en.wikipedia.org/wiki/Israel-Gaza_war
        as_of: 2026-11-27
"""
    quiz = parse_quiz_text(text, where="hand.yaml")
    assert quiz.questions[0].sources[0].as_of == "2026-11-27"
