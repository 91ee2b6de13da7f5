"""`quizkit render` end to end: the full printable set, determinism, and one clear line for bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizkit import quizfile
from quizkit.cli import main
from quizkit.errors import QuizkitError
from quizkit.versions import make_versions
from tests.factories import make_quiz


@pytest.fixture
def quiz_file(tmp_path: Path) -> Path:
    path = tmp_path / "quiz.json"
    quizfile.save_quiz(make_quiz(), path)
    return path


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_render_writes_the_full_printable_set(
    quiz_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["render", str(quiz_file), "--versions", "3", "--seed", "4", "-o", str(out)]) == 0
    files = set(tree(out))
    for v in "ABC":
        assert {
            f"pdf/student-{v}.pdf",
            f"pdf/answer-sheet-{v}.pdf",
            f"pdf/key-{v}.pdf",
            f"html/student-{v}.html",
            f"html/key-{v}.html",
            f"md/student-{v}.md",
            f"md/key-{v}.md",
        } <= files
    assert {
        "versions.json",
        "pdf/teacher-edition.pdf",
        "md/teacher-edition.md",
        "moodle/quiz.xml",
        "gift/quiz.gift",
        "qti/quiz-qti.zip",
    } <= files
    assert not any(name.startswith(".") or "/." in name for name in files), "no temp files left"
    vmap = quizfile.load_version_map(out / "versions.json")
    assert vmap == make_versions(make_quiz(), 3, 4)[0]
    captured = capsys.readouterr()
    assert "ordering" in captured.err and "warning" in captured.err
    assert "versions.json" in captured.out


def test_same_seed_gives_byte_identical_outputs(quiz_file: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert (
            main(["render", str(quiz_file), "--versions", "2", "--seed", "9", "-o", str(tmp_path / name)])
            == 0
        )
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_chosen_formats_only_and_a_yaml_quiz(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yaml"
    quizfile.save_quiz(make_quiz(), path)
    out = tmp_path / "out"
    assert main(["render", str(path), "--format", "gift,md", "-o", str(out), "--paper", "us-letter"]) == 0
    assert {p.split("/")[0] for p in tree(out)} == {"versions.json", "gift", "md"}


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_unknown_format_lists_the_known_ones_and_writes_nothing(
    quiz_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["render", str(quiz_file), "--format", "pdf,odt", "-o", str(out)]) != 0
    err = one_error_line(capsys)
    assert "odt" in err and "pdf, html, md, docx, moodle, gift, qti, quizlet, kahoot" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("this: [is not: valid", "not valid JSON or YAML"),
        ("- just\n- a list\n", "not a quiz"),
        (
            '{"questions": [{"id": "a", "type": "true_false", "prompt": "x", "answer": "yes"}]}',
            "questions[0].answer",
        ),
        ('{"questions": [{"id": "a", "type": "essay", "prompt": "x", "answer": "y"}]}', "questions[0].type"),
        ('{"title": "empty", "questions": []}', "no questions"),
    ],
)
def test_a_bad_quiz_is_one_clear_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "quiz.json"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(path), "-o", str(out)]) != 0
    assert expected in one_error_line(capsys)
    assert not out.exists() or not any(out.iterdir())


def test_versions_below_one_is_refused(
    quiz_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["render", str(quiz_file), "--versions", "0", "-o", str(tmp_path / "out")])
    assert exc.value.code != 0
    assert "must be at least 1" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_or_unusable_output_folder(
    quiz_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(quiz_file), "-o", str(tmp_path / "no" / "such" / "dir")]) != 0
    assert "does not exist" in one_error_line(capsys)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert main(["render", str(quiz_file), "-o", str(a_file)]) != 0
    assert "is a file" in one_error_line(capsys)


def test_unwritable_output_folder(
    quiz_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    real_access = os.access
    # Root ignores permission bits, so ask the OS question the way a normal user would get it answered.
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    try:
        assert main(["render", str(quiz_file), "-o", str(locked)]) != 0
        assert "not writable" in one_error_line(capsys)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_a_failure_midway_leaves_no_half_written_output(
    quiz_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import quizkit.render.qti as qti

    def broken(job: object) -> object:
        raise QuizkitError("simulated failure in the last format")

    monkeypatch.setattr(qti, "render", broken)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["render", str(quiz_file), "-o", str(out)]) != 0
    assert "simulated failure" in one_error_line(capsys)
    assert list(out.iterdir()) == [], "the PDFs made before the failure must not appear"
