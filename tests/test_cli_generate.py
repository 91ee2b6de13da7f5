"""`quizkit generate` end to end: the summary, the written file, and one clear line for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit.cli import main
from quizkit.quizfile import load_quiz

SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["generate", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_generate_writes_the_quiz_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "quiz.json"
    code, out, err = run(capsys, str(SEED), "-o", str(out_file), "--no-context", "--seed", "3")
    assert code == 0, err
    quiz = load_quiz(out_file)
    # about one per 27 words of the 254-word body, fewer when candidates fail (precision first, issue 9).
    # Was >= 6: the sixth was a false statement with China swapped in for Kazakhstan, which both seed
    # reviewers rejected (benchmarks/quality/ratings/*seed*.csv, seed-003); the story's own subject is no
    # longer swapped, and nothing else on this article clears the ranker without padding. Was >= 5 until
    # blanks became a kind asked for only (step 9: 79 of 273 acceptable on the dev texts).
    assert len(quiz.questions) >= 4 and quiz.seed == 3
    assert f"{len(quiz.questions)} questions: {len(quiz.questions)} article, 0 context" in out
    assert "by type: multiple_choice" in out and "dropped" in out


def test_count_and_types_are_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "quiz.yaml"
    code, _out, _ = run(
        capsys,
        str(SEED),
        "-o",
        str(out_file),
        "--count",
        "4",
        "--types",
        "multiple_choice,true_false",
        "--no-context",
    )
    assert code == 0
    quiz = load_quiz(out_file)
    assert len(quiz.questions) == 4 and {q.type for q in quiz.questions} <= {"multiple_choice", "true_false"}


def test_a_very_short_text_gives_fewer_questions_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.txt"
    short.write_text(
        "Kazakhstan joins the accords\n\nKazakhstan joined the Abraham Accords in November 2025. "
        "President Kassym-Jomart Tokayev visited Washington, where he met Donald Trump.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(short), "-o", str(tmp_path / "q.json"), "--count", "15", "--no-context")
    assert code == 0
    assert "warning: made" in out and "of the 15 asked" in out and "short" in out


BAD = {
    "missing": None,
    "folder": None,
    "empty": "   \n\n",
    "binary": b"\x00\x01\x02PNG\x00" * 50,
    "one-word": "Hello\n",
    "german": "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen. Die Regierung will damit die "
    "Wirtschaft stärken und die Bürger entlasten. Kritiker sagen, das Gesetz gehe nicht weit genug.\n",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_is_one_line_non_zero_and_no_output(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / f"{kind}.txt"
    content = BAD[kind]
    if kind == "folder":
        src.mkdir()
    elif isinstance(content, bytes):
        src.write_bytes(content)
    elif content is not None:
        src.write_text(content, encoding="utf-8")
    out_file = tmp_path / "quiz.json"
    code, _, err = run(capsys, str(src), "-o", str(out_file))
    assert code != 0
    assert err.count("\n") == 1 and "Traceback" not in err and "error:" in err
    assert not out_file.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".quiz")] == []


def test_output_in_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(SEED), "-o", str(tmp_path / "no" / "quiz.json"))
    assert code != 0 and "does not exist" in err and err.count("\n") == 1
    assert not (tmp_path / "no").exists()


def test_unknown_type_is_refused_with_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(SEED), "-o", str(tmp_path / "q.json"), "--types", "essay")
    assert code != 0 and "essay" in err and "multiple_choice" in err
    assert not (tmp_path / "q.json").exists()
