"""Adversarial audit of every CLI command: careless and hostile input as a teacher would produce it.

The promise: bad input gets exactly one line on stderr (what, where, how to fix) and a non-zero exit: never a
traceback, never a new or half-written output; outputs are all or nothing, even on Ctrl-C.
"""

from __future__ import annotations

import copy
import errno
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizkit.cli import build_parser, main

DATA = Path(__file__).parent / "data"
QUIZ = DATA / "grading" / "quiz.json"
ARTICLE = DATA / "articles" / "caspian_convention.txt"
SCRIPT = Path(sys.executable).parent / "quizkit"

# --- helpers -------------------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` with its bytes (None for folders): a before/after picture of the disk."""
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))
    }


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``main(argv)`` in-process; usage errors (SystemExit) count as an exit code."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code) if isinstance(exc.code, int) else 1
    return code, capsys.readouterr().err


def assert_one_line_refusal(code: int, err: str, *expected: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0, err
    assert len(lines) == 1, f"expected one line on stderr, got:\n{err}"
    assert "Traceback" not in err and "error" in lines[0]
    for text in expected:
        assert text in lines[0], lines[0]


def refused(argv: list[str], root: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    """Run, then assert: non-zero, one line on stderr, and nothing on disk changed under ``root``."""
    before = snapshot(root)
    code, err = run_main(argv, capsys)
    assert_one_line_refusal(code, err, *expected)
    assert snapshot(root) == before, "a refused command changed files on disk"
    return err


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A work folder holding a good quiz, a good article and a small answer sheet; it is the cwd."""
    shutil.copy(QUIZ, tmp_path / "quiz.json")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "sheet.csv").write_text("student_id,mu1,tr1\ns1,Kazakhstan,True\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- hostile input files -------------------------------------------------------------------------------


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


BAD_FILES: dict[str, tuple[bytes | None, str]] = {
    # name: (content, or None for "do not create"; a word the error line must contain)
    "missing": (None, "not found"),
    "folder": (b"", "folder"),
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\t\n   \n", "empty"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG"),
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "PDF"),
    "zip": (_zip(), "ZIP"),
    "nul bytes": (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
}


def bad_file(root: Path, kind: str, suffix: str) -> Path:
    content, _ = BAD_FILES[kind]
    path = root / f"bad-{kind.replace(' ', '-')}{suffix}"
    if kind == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    return path


def _argv_for(command: str, path: str) -> list[str]:
    return {
        "generate": ["generate", path, "-o", "new.json"],
        "check": ["check", path],
        "show": ["show", path],
        "render": ["render", path, "-o", "out"],
        "notebook": ["notebook", path, "-o", "new.ipynb"],
        "grade quiz": ["grade", path, "sheet.csv", "-o", "grades"],
        "grade responses": ["grade", "quiz.json", path, "-o", "grades"],
        "grade versions": ["grade", "quiz.json", "sheet.csv", "--versions", path, "-o", "grades"],
        "grade scores": ["grade", "quiz.json", "sheet.csv", "--scores", path, "-o", "grades"],
        "check --article": ["check", "quiz.json", "--article", path],
    }[command]


COMMANDS = [
    "generate",
    "check",
    "show",
    "render",
    "notebook",
    "grade quiz",
    "grade responses",
    "grade versions",
    "grade scores",
    "check --article",
]
SUFFIX = {"generate": ".txt", "check --article": ".txt", "grade responses": ".csv", "grade scores": ".csv"}


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_an_unusable_input_file(
    work: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    path = bad_file(work, kind, SUFFIX.get(command, ".json"))
    err = refused(_argv_for(command, path.name), work, capsys, path.name, BAD_FILES[kind][1])
    assert " — " in err  # the fix is said too


@pytest.mark.parametrize("command", ["generate", "show", "grade responses"])
def test_a_file_too_large_to_be_an_input_is_refused_before_reading_it(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import quizkit.files

    monkeypatch.setattr(quizkit.files, "MAX_INPUT_BYTES", 50_000)
    (work / "big.txt").write_text("Kazakhstan joined the accords. " * 2000, encoding="utf-8")
    refused(_argv_for(command, "big.txt"), work, capsys, "big.txt", "too large")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_quickly(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(["show", "/dev/zero"], work, capsys, "/dev/zero", "too large")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "Kasachstan tritt dem Abkommen bei.\n\n"
            + "Der Präsident hat das Land und die Welt verändert. " * 30,
            "English",
        ),
        (
            "<!DOCTYPE html><html><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav>"
            "<footer>Copyright 2025</footer></body></html>",
            "no article text",
        ),
        ("Kazakhstan\n", "sentence"),
    ],
    ids=["german", "navigation-only-html", "one-word"],
)
def test_generate_refuses_an_article_it_cannot_ask_about(
    work: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    suffix = ".html" if content.startswith("<!DOCTYPE") else ".txt"
    (work / f"a{suffix}").write_text(content, encoding="utf-8")
    refused(["generate", f"a{suffix}", "-o", "new.json"], work, capsys, expected)


def test_articles_in_utf16_and_latin1_are_read(tmp_path: Path) -> None:
    from quizkit.article import read_article

    text = ARTICLE.read_text(encoding="utf-8")
    plain = text.replace("\u2019", "'").replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    expected = read_article(ARTICLE).body
    for name, data in [
        ("bom16.txt", text.encode("utf-16")),
        ("nobom16le.txt", text.encode("utf-16-le")),
        ("nobom16be.txt", text.encode("utf-16-be")),
    ]:
        (tmp_path / name).write_bytes(data)
        assert read_article(tmp_path / name).body == expected, name
    (tmp_path / "latin1.txt").write_bytes((plain + "\nA café in Aktau.\n").encode("latin-1", "replace"))
    assert "café" in read_article(tmp_path / "latin1.txt").body


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig", "cp1252"])
def test_answer_sheets_saved_by_excel_in_other_encodings_are_graded(
    work: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    (work / "sheet.csv").write_bytes("student_id\tname\tmu1\ns1\tJosé\tKazakhstan\n".encode(codec))
    assert main(["grade", "quiz.json", "sheet.csv", "-o", "grades", "--no-reports"]) == 0
    grades = (work / "grades" / "grades.csv").read_text(encoding="utf-8")
    assert "José" in grades and "s1" in grades


# --- quiz files of the wrong shape ---------------------------------------------------------------------


def _base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(QUIZ.read_text(encoding="utf-8"))
    return data


def _q(data: dict[str, Any], qtype: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["type"] == qtype)


Mutation = Callable[[dict[str, Any]], None]
SHAPES: dict[str, tuple[Mutation, str]] = {
    "questions not a list": (lambda d: d.__setitem__("questions", {"a": 1}), "questions"),
    "question is a string": (lambda d: d["questions"].__setitem__(0, "hello"), "questions[0]"),
    "question without id": (lambda d: d["questions"][0].pop("id"), "'id' is a required property"),
    "id is a number": (lambda d: d["questions"][0].__setitem__("id", 5), "questions[0].id"),
    "repeated id": (lambda d: d["questions"][1].__setitem__("id", d["questions"][0]["id"]), "repeat"),
    "matching answer a string": (lambda d: _q(d, "matching").__setitem__("answer", "1-A"), ".answer"),
    "duplicate choice": (
        lambda d: _q(d, "multiple_choice")["choices"].__setitem__(1, _q(d, "multiple_choice")["choices"][0]),
        "non-unique",
    ),
    "answer not a choice": (lambda d: _q(d, "multiple_choice").__setitem__("answer", "Mars"), "choices"),
    "true_false answer a string": (lambda d: _q(d, "true_false").__setitem__("answer", "true"), ".answer"),
    "unknown type": (lambda d: d["questions"][0].__setitem__("type", "essay"), "essay"),
    "negative points": (lambda d: d["questions"][0].__setitem__("points", -3), "points"),
    "zero points": (lambda d: d["questions"][0].__setitem__("points", 0), "points"),
    "points a string": (lambda d: d["questions"][0].__setitem__("points", "two"), "points"),
    "points 1e999": (lambda d: d["questions"][0].__setitem__("points", float("inf")), "points"),
    "extra top-level field": (lambda d: d.__setitem__("foo", 1), "foo"),
    "extra question field": (lambda d: d["questions"][0].__setitem__("bar", 2), "bar"),
    "empty prompt": (lambda d: d["questions"][0].__setitem__("prompt", ""), "prompt"),
    "source a string": (lambda d: d.__setitem__("source", "nope"), "source"),
    "zero questions": (lambda d: d.__setitem__("questions", []), "no questions"),
    "evidence without start": (lambda d: d["questions"][0]["evidence"].pop("start"), "evidence"),
    "evidence start a string": (lambda d: d["questions"][0]["evidence"].__setitem__("start", "x"), "start"),
    "ordering answer of numbers": (lambda d: _q(d, "ordering").__setitem__("answer", [1, 2, 3]), "answer"),
    "open answer empty": (lambda d: _q(d, "open").__setitem__("answer", []), "answer"),
    "title a list": (lambda d: d.__setitem__("title", ["a"]), "title"),
}


def _write_json(path: Path, data: Any) -> None:
    # json.dumps writes inf as Infinity (not JSON): write 1e999, which a JSON parser reads as infinity
    path.write_text(json.dumps(data).replace("Infinity", "1e999"), encoding="utf-8")


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_quiz_of_the_wrong_shape_is_one_line_naming_the_field(
    work: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    data = copy.deepcopy(_base())
    mutate, expected = SHAPES[shape]
    mutate(data)
    _write_json(work / "bad.json", data)
    refused(["show", "bad.json"], work, capsys, "bad.json", expected)


RAW_QUIZZES: dict[str, tuple[str, str]] = {
    "NaN points": (QUIZ.read_text(encoding="utf-8").replace('"points": 1.0', '"points": NaN', 1), "NaN"),
    "truncated JSON": (QUIZ.read_text(encoding="utf-8")[:300], "line"),
    "top-level list": ("[1, 2, 3]", "not a quiz"),
    "YAML scalar": ("just some words\n", "not a quiz"),
    "YAML with tabs": ("title: T\nquestions:\n\t- id: a\n", "tabs"),
    "YAML .nan points": (
        "questions:\n  - id: a\n    type: open\n    prompt: Why?\n    answer: [a point]\n    points: .nan\n",
        "finite",
    ),
    "YAML python tag": ("!!python/object/apply:os.system ['echo pwned']\n", "not a quiz"),
    "an article given as the quiz": (ARTICLE.read_text(encoding="utf-8"), "quizkit generate"),
    "repeated JSON key": ('{"title": "a", "title": "b", "questions": []}', "twice"),
    "deeply nested JSON": ("[" * 50_000 + "]" * 50_000, "nests too deeply"),
    "huge single line": ("word " * 200_000, "not a quiz"),
}


@pytest.mark.parametrize("case", list(RAW_QUIZZES))
def test_a_broken_quiz_file_is_one_line(work: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    text, expected = RAW_QUIZZES[case]
    suffix = ".yaml" if case.startswith("YAML") else ".json"
    (work / f"bad{suffix}").write_text(text, encoding="utf-8")
    refused(["show", f"bad{suffix}"], work, capsys, expected)


@pytest.mark.parametrize("command", ["check", "render", "notebook", "grade quiz"])
def test_every_quiz_reader_refuses_nan_and_empty_quizzes(
    work: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (work / "nan.json").write_text(RAW_QUIZZES["NaN points"][0], encoding="utf-8")
    refused(_argv_for(command, "nan.json"), work, capsys, "NaN")
    empty = _base()
    empty["questions"] = []
    _write_json(work / "empty.json", empty)
    refused(_argv_for(command, "empty.json"), work, capsys, "no questions")


# --- options -------------------------------------------------------------------------------------------

USAGE: dict[str, tuple[list[str], str]] = {
    "unknown format": (["render", "quiz.json", "--format", "odt"], "odt"),
    "format in capitals": (["render", "quiz.json", "--format", "PDF"], "PDF"),
    "empty format": (["render", "quiz.json", "--format", ""], "--format"),
    "format of commas only": (["render", "quiz.json", "--format", " , "], "--format"),
    "versions 0": (["render", "quiz.json", "--versions", "0"], "at least 1"),
    "versions -1": (["render", "quiz.json", "--versions", "-1"], "at least 1"),
    "versions 10000": (["render", "quiz.json", "--versions", "10000"], "1 to 100"),
    "versions 101": (["render", "quiz.json", "--versions", "101"], "1 to 100"),
    "versions 1e3": (["render", "quiz.json", "--versions", "1e3"], "whole number"),
    "seed not a number": (["render", "quiz.json", "--seed", "abc"], "--seed"),
    "paper a5": (["render", "quiz.json", "--paper", "a5"], "a5"),
    "empty types": (["generate", "article.txt", "--types", ""], "--types"),
    "unknown type": (["generate", "article.txt", "--types", "essay", "-o", "new.json"], "essay"),
    "count 0": (["generate", "article.txt", "--count", "0"], "at least 1"),
    "context share 2": (["generate", "article.txt", "--context-share", "2"], "between 0 and 1"),
    "context share with no context": (
        ["generate", "article.txt", "--no-context", "--context-share", "0.5"],
        "not allowed with",
    ),
    "facts about unknown": (["facts", "--about", "Narnia"], "Narnia"),
    "facts about empty": (["facts", "--about", ""], "--about"),
    "facts about blank": (["facts", "--about", "   "], "--about"),
    "no command": ([], "required"),
    "unknown command": (["quizify"], "quizify"),
    "grade without responses": (["grade", "quiz.json"], "responses"),
}


@pytest.mark.parametrize("case", list(USAGE))
def test_a_bad_option_is_one_line(work: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    argv, expected = USAGE[case]
    refused(argv, work, capsys, expected)


def test_repeated_and_spaced_formats_are_read_once_each(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "quiz.json", "--format", " md , md,gift ", "-o", "out"]) == 0
    assert sorted(p.name for p in (work / "out").iterdir()) == ["gift", "md", "versions.json"]
    assert len(list((work / "out" / "md").glob("student-*.md"))) == 1


# --- outputs -------------------------------------------------------------------------------------------

OUTPUTS: dict[str, tuple[list[str], str]] = {
    "render to a file": (["render", "quiz.json", "-o", "quiz.json"], "is a file"),
    "render into a missing folder": (["render", "quiz.json", "-o", "no/such/out"], "does not exist"),
    "grade to a file": (["grade", "quiz.json", "sheet.csv", "-o", "sheet.csv"], "is a file"),
    "grade into a missing folder": (["grade", "quiz.json", "sheet.csv", "-o", "no/such/g"], "does not exist"),
    "generate to a folder": (["generate", "article.txt", "-o", "."], "folder"),
    "generate into a missing folder": (["generate", "article.txt", "-o", "no/such/q.json"], "does not exist"),
    "generate over its own article": (
        ["generate", "article.txt", "-o", "./article.txt"],
        "overwrite the input",
    ),
    "notebook to a folder": (["notebook", "quiz.json", "-o", "."], "folder"),
    "notebook into a missing folder": (["notebook", "quiz.json", "-o", "no/such/q.ipynb"], "does not exist"),
    "notebook without .ipynb": (["notebook", "quiz.json", "-o", "quiz.txt"], ".ipynb"),
}


@pytest.mark.parametrize("case", list(OUTPUTS))
def test_an_unusable_output_path_is_one_line_and_writes_nothing(
    work: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    argv, expected = OUTPUTS[case]
    refused(argv, work, capsys, expected)


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "quiz.json", "-o", "locked", "--format", "md"],
        ["grade", "quiz.json", "sheet.csv", "-o", "locked"],
        ["generate", "article.txt", "-o", "locked/q.json"],
        ["notebook", "quiz.json", "-o", "locked/q.ipynb"],
    ],
    ids=["render", "grade", "generate", "notebook"],
)
def test_a_read_only_output_folder_is_one_line(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    (work / "locked").mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if Path(p).name == "locked" else real_access(p, mode, **kw)
    )
    refused(argv, work, capsys, "locked", "not writable")


def test_an_output_file_that_cannot_be_replaced_is_one_line(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable or locked quiz file (rename refused): one line, the old file kept, no temp file left."""
    (work / "old.json").write_text("{}", encoding="utf-8")

    def no_rename(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src))

    from quizkit import quizfile

    quiz = quizfile.load_quiz(work / "quiz.json")
    monkeypatch.setattr(os, "replace", no_rename)
    before = snapshot(work)
    with pytest.raises(Exception) as exc:
        quizfile.save_quiz(quiz, work / "old.json")
    assert type(exc.value).__name__ == "OutputError" and "old.json" in str(exc.value)
    assert snapshot(work) == before


# --- interrupted work leaves nothing half-written ------------------------------------------------------


def test_ctrl_c_mid_render_leaves_no_output(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizkit.render.gift as gift

    def interrupted(job: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(gift, "render", interrupted)
    before = snapshot(work)
    code, err = run_main(["render", "quiz.json", "--format", "md,gift,html", "-o", "out"], capsys)
    assert code == 130 and err.strip() == "quizkit: interrupted"
    assert snapshot(work) == before


def test_a_failure_while_moving_outputs_in_puts_the_old_set_back(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["render", "quiz.json", "--versions", "2", "--format", "md,gift", "-o", "out"]) == 0
    capsys.readouterr()
    before = snapshot(work)
    real_replace = os.replace
    moved: list[str] = []

    def flaky(src: Any, dst: Any) -> None:
        if ".quizkit-" in str(src) and ".quizkit-old-" not in str(src):
            moved.append(str(dst))
            if len(moved) == 3:
                raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    code, err = run_main(
        ["render", "quiz.json", "--versions", "3", "--seed", "9", "--format", "md,gift", "-o", "out"], capsys
    )
    assert_one_line_refusal(code, err, "No space left on device")
    assert len(moved) == 3  # two files had already moved in when the third failed
    assert snapshot(work) == before


def test_ctrl_c_mid_grading_leaves_no_output(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizkit.grade import report

    def interrupted(*args: Any, **kwargs: Any) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "feedback_typst", interrupted)  # the feedback PDF step
    before = snapshot(work)
    code, err = run_main(["grade", "quiz.json", "sheet.csv", "-o", "grades"], capsys)
    assert code == 130 and err.strip() == "quizkit: interrupted"
    assert snapshot(work) == before


def test_a_closed_stdout_is_not_a_traceback(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`quizkit facts | head -1`: the reader goes away; quizkit stops quietly."""

    class ClosedPipe(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["facts"])
    assert code == 141
    assert capsys.readouterr().err == ""


# --- help ----------------------------------------------------------------------------------------------


def test_every_command_and_option_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = dict(sub.choices.items())  # type: ignore[union-attr]
    assert set(commands) == {"generate", "check", "show", "render", "grade", "facts", "notebook", "pick"}
    for name, cmd in commands.items():
        for action in cmd._actions:
            assert action.help and action.help.strip(), f"quizkit {name} {action.option_strings} has no help"
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: quizkit {name}")
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert all(name in top for name in commands) and "quizkit COMMAND --help" in top
    render_help = " ".join(commands["render"].format_help().split())
    assert (
        "pdf, html, md, docx, moodle, gift, qti, quizlet, kahoot" in render_help
        and "at most 100" in render_help
    )
    assert "multiple_choice, true_false" in " ".join(commands["generate"].format_help().split())


# --- the real console script ---------------------------------------------------------------------------


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["generate", "missing.txt"], "not found"),
        (["render", "bad.png", "-o", "out"], "PNG"),
        (["show", "deep.json"], "nests too deeply"),
        (["render", "quiz.json", "--format", "pdf,odt", "-o", "out"], "odt"),
        (["facts", "--about", "Narnia"], "Narnia"),
    ],
)
def test_the_installed_command_refuses_in_one_line(work: Path, argv: list[str], expected: str) -> None:
    (work / "bad.png").write_bytes(BAD_FILES["png"][0] or b"")
    (work / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    before = snapshot(work)
    proc = subprocess.run([str(SCRIPT), *argv], cwd=work, capture_output=True, text=True, timeout=60)
    assert_one_line_refusal(proc.returncode, proc.stderr, expected)
    assert proc.stdout == ""
    assert snapshot(work) == before


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
def test_the_installed_command_piped_into_head_is_quiet(work: Path) -> None:
    proc = subprocess.run(
        f"'{SCRIPT}' facts --about Kazakhstan | head -c 10",
        shell=True,
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert proc.stderr == "" and len(proc.stdout) == 10


# --- grade: inputs that are not answers, and inputs in the way of the outputs ------------------------------


def test_grade_refuses_deeply_nested_json_responses(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    try:
        code, err = run_main(["grade", "quiz.json", "deep.json", "-o", "grades"], capsys)
    except RecursionError:
        pytest.fail("RecursionError escaped: a traceback for the user")
    assert_one_line_refusal(code, err, "deep.json")


def test_grade_never_overwrites_its_own_answer_sheet(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = "student_id,mu1,tr1\ns1,Kazakhstan,True\ns2,Uzbekistan,False\n"
    (work / "grades.csv").write_text(sheet, encoding="utf-8")
    code, err = run_main(["grade", "quiz.json", "grades.csv", "-o", ".", "--no-reports"], capsys)
    assert (work / "grades.csv").read_text(encoding="utf-8") == sheet, "the students' answers were lost"
    assert_one_line_refusal(code, err, "grades.csv")


def test_rerendering_never_leaves_versions_that_do_not_match_versions_json(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old student-C.pdf next to a new versions.json would be graded with the wrong key."""
    assert main(["render", "quiz.json", "--versions", "3", "--format", "md,html", "-o", "out"]) == 0
    assert main(["render", "quiz.json", "--versions", "3", "--format", "md", "-o", "out"]) == 0
    assert len(list((work / "out" / "html").glob("student-*.html"))) == 3  # same map: still valid, kept
    capsys.readouterr()
    assert main(["render", "quiz.json", "--versions", "2", "--seed", "5", "--format", "md", "-o", "out"]) == 0
    assert "removed" in capsys.readouterr().err
    assert sorted(p.name for p in (work / "out" / "md").glob("*-?.md")) == [
        "key-A.md",
        "key-B.md",
        "student-A.md",
        "student-B.md",
    ]
    assert list((work / "out" / "html").iterdir()) == []


def test_an_article_pasted_as_one_line_is_cut_into_paragraphs_at_sentence_ends() -> None:
    """One 8,000-character line is parsed (and questions drawn) paragraph-sized, not as one giant block."""
    from quizkit.article import from_text
    from quizkit.article.assemble import LONG_PARAGRAPH

    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    paragraphs = [b.text for text in texts for b in from_text(text).blocks if b.kind == "paragraph"]
    one_line = " ".join(paragraphs)
    assert len(one_line) > 2 * LONG_PARAGRAPH
    article = from_text(one_line)
    assert len(article.blocks) >= len(one_line) // LONG_PARAGRAPH + 1
    assert all(article.body[b.start : b.end] == b.text for b in article.blocks)
    assert all(len(b.text) <= LONG_PARAGRAPH for b in article.blocks)
    assert all(b.text.rstrip("\"'\u201d\u2019)")[-1] in ".!?" for b in article.blocks[:-1])
    assert " ".join(b.text for b in article.blocks).split() == one_line.split()  # no word lost
    for page in (
        f"# A long article\n\n{one_line}\n",
        f"<html><body><article><p>{one_line}</p></article></body></html>",
    ):
        blocks = from_text(page).blocks
        assert len(blocks) >= len(one_line) // LONG_PARAGRAPH + 1
        assert all(len(b.text) <= LONG_PARAGRAPH for b in blocks)


def test_an_article_too_long_to_be_news_is_refused_before_parsing(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizkit.article

    monkeypatch.setattr(quizkit.article, "MAX_WORDS", 200)
    refused(["generate", "article.txt", "-o", "new.json"], work, capsys, "article.txt", "too long")


def test_a_quiz_saved_by_notepad_as_unicode_is_read(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "u16.json").write_bytes(QUIZ.read_text(encoding="utf-8").encode("utf-16"))
    assert main(["show", "u16.json"]) == 0
    assert "Which country joined the Abraham Accords" in capsys.readouterr().out


def test_a_default_quiz_with_every_candidate_held_back_names_the_count_that_takes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page whose every candidate fell below the ranker's bar (Sky's Mourinho report, a test text) gives no
    default quiz: the one line says so and names the count that takes them, not "give a longer article"."""
    import dataclasses

    import quizkit.generate as generate

    real = generate.generate_quiz

    def held_back(*args: Any, **kwargs: Any) -> generate.Generated:
        gen = real(*args, **kwargs)
        return dataclasses.replace(gen, quiz=dataclasses.replace(gen.quiz, questions=()), retry_count=14)

    monkeypatch.setattr(generate, "generate_quiz", held_back)
    err = refused(
        ["generate", str(ARTICLE), "-o", str(tmp_path / "quiz.json")], tmp_path, capsys, "--count 14"
    )
    assert "longer" not in err
