"""Regression tests for the attack run of issue 12: each test reproduces one attack that used to get through.

The hostile-input table at the end adds to ``test_cli_badinput``'s: every case is one line on stderr, a
non-zero exit, no output written and the inputs unchanged.
"""

from __future__ import annotations

import copy
import csv
import errno
import io
import json
import os
import pathlib
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizkit.cli import main, suggestion, terminal_safe
from tests.test_cli_badinput import QUIZ, refused, snapshot, work

__all__ = ["work"]  # the fixture, re-exported for pytest

ROOT = Path(__file__).resolve().parents[1]


def base_quiz() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(QUIZ.read_text(encoding="utf-8"))
    return data


def write_quiz(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def grade_rows(folder: Path, name: str = "grades.csv") -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- 1. feedback file names ----------------------------------------------------------------------------


def test_ids_x_x_and_x2_get_three_feedback_pages(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "s.csv").write_text(
        "student_id,name,mu1\nx,First,Kazakhstan\nx,Second,Uzbekistan\nx-2,Third,Kyrgyzstan\n",
        encoding="utf-8",
    )
    assert main(["grade", "quiz.json", "s.csv", "-o", "g"]) == 0
    assert "duplicate student IDs (all kept, flagged): x" in capsys.readouterr().out
    pages = sorted((work / "g" / "feedback").glob("*.html"))
    assert len(pages) == 3
    owners = sorted(
        next(n for n in ("First", "Second", "Third") if f"<strong>{n}</strong>" in p.read_text("utf-8"))
        for p in pages
    )
    assert owners == ["First", "Second", "Third"]  # nobody's page was overwritten by another's


# --- 2. control characters and Typst ------------------------------------------------------------------

BREAKS = ["\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\x1c", "\r"]


@pytest.mark.parametrize("second", BREAKS)
@pytest.mark.parametrize("first", BREAKS)
def test_two_line_breaks_of_any_kind_compile_inside_bold_typst(first: str, second: str) -> None:
    from quizkit.render.typst import compile_pdf, escape

    assert (
        compile_pdf(f"*{escape('Ann' + first + second + 'Lee')}* and _{escape(first + second)}_\n")[:4]
        == b"%PDF"
    )


def test_a_class_with_control_characters_in_names_and_prompts_gets_its_pdfs(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_quiz()
    data["title"] = "Quiz\x0b\x0cone"
    data["questions"][0]["prompt"] += " \u2028\u2029next\x85\x85line\x00\x1b[2J"
    write_quiz(work / "q.json", data)
    (work / "s.csv").write_text(
        "student_id,name,mu1\ns1,Ann\x0b\x0cLee,Kazakhstan\ns2,Bo\u2028\u2029b\x85\x85,Uzbekistan\n",
        encoding="utf-8",
    )
    assert main(["grade", "q.json", "s.csv", "-o", "g"]) == 0, capsys.readouterr().err
    pdfs = sorted((work / "g" / "feedback").glob("*.pdf"))
    assert len(pdfs) == 2 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert main(["render", "q.json", "--format", "pdf", "-o", "r"]) == 0
    assert (work / "r" / "pdf" / "teacher-edition.pdf").read_bytes().startswith(b"%PDF")


# --- 3. markup from a headline in a notebook ------------------------------------------------------------

HOSTILE_TITLE = '<img src=x onerror=alert(1)> <script>alert(2)</script> <iframe src="https://example.com">'


def test_markup_in_quiz_fields_is_shown_not_run_in_the_notebook(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import nbformat
    from markdown_it import MarkdownIt
    from nbconvert import HTMLExporter

    data = base_quiz()
    data["title"] = HOSTILE_TITLE + " *bold* [link](javascript:alert(3)) $x$"
    data["source"] = {"title": "<svg onload=alert(4)>", "publisher": "<b>P</b>", "date": "<i>2025</i>"}
    write_quiz(work / "q.json", data)
    assert main(["notebook", "q.json", "-o", "q.ipynb"]) == 0
    nb = nbformat.read(work / "q.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for html in (MarkdownIt("commonmark").render(markdown), HTMLExporter().from_notebook_node(nb)[0]):
        lowered = html.lower()
        for tag in ("<img src=x", "<script>alert", "<iframe src=", "<svg onload", 'href="javascript'):
            assert tag not in lowered
    assert "&lt;img src=x onerror=alert(1)&gt;" in MarkdownIt("commonmark").render(markdown)


# --- 4. a stray quote ------------------------------------------------------------------------------------


def test_a_stray_quote_swallows_nobody(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "s.csv").write_text(
        'student_id,name,mu1,tr1\ns1,Ann,Kazakhstan,True\n"s2,Bob,Kazakhstan,False\n'
        "s3,Cy,Uzbekistan,True\ns4,Di,Kazakhstan,True\ns5,Ed,Kyrgyzstan,False\n",
        encoding="utf-8",
    )
    assert main(["grade", "quiz.json", "s.csv", "-o", "g", "--no-reports"]) == 0
    assert "rows in 5 = graded 4 + rejected 1" in capsys.readouterr().out
    assert [r["student_id"] for r in grade_rows(work / "g")] == ["s1", "s3", "s4", "s5"]
    rejected = grade_rows(work / "g", "rejected.csv")
    assert [(r["row"], "unbalanced quote" in r["reason"]) for r in rejected] == [("3", True)]


def test_a_multi_line_answer_holding_the_delimiter_is_still_one_cell(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "s.csv").write_text(
        'student_id,op1,mu1\ns1,"closer ties, trade\nand security, too",Kazakhstan\ns2,no,Uzbekistan\n',
        encoding="utf-8",
    )
    assert main(["grade", "quiz.json", "s.csv", "-o", "g", "--no-reports"]) == 0
    assert "rows in 2 = graded 2 + rejected 0" in capsys.readouterr().out


def test_a_stray_quote_in_a_scores_file_is_one_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "scores.csv").write_text(
        'student_id,question_id,points\n"s1,op1,2\ns1,sh1,1\ns1,fi1,1\n', encoding="utf-8"
    )
    refused(
        ["grade", "quiz.json", "sheet.csv", "--scores", "scores.csv", "-o", "g"],
        work,
        capsys,
        "line 2",
        "unbalanced quote",
    )


# --- 5 and 9. the review.csv guard reads the file as --scores does ----------------------------------------


def _graded_with_review(work: Path) -> Path:
    (work / "s.csv").write_text("student_id,op1\ns1,closer ties with the US\n", encoding="utf-8")
    assert main(["grade", "quiz.json", "s.csv", "-o", "g", "--no-reports"]) == 0
    return work / "g" / "review.csv"


@pytest.mark.parametrize(
    ("delimiter", "codec"),
    [(";", "utf-8"), ("\t", "utf-8"), (",", "cp1252"), (";", "utf-16"), (",", "utf-8-sig")],
)
def test_teacher_scores_in_review_csv_survive_a_rerun_however_excel_saved_it(
    work: Path, capsys: pytest.CaptureFixture[str], delimiter: str, codec: str
) -> None:
    review = _graded_with_review(work)
    rows = list(csv.reader(io.StringIO(review.read_text("utf-8"))))
    points = rows[0].index("points")
    for row in rows[1:]:
        row[points] = "2"
    rows[1][0] += " Zoë"  # a character cp1252 writes as one byte
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    review.write_bytes(buf.getvalue().encode(codec))
    refused(["grade", "quiz.json", "s.csv", "-o", "g", "--no-reports"], work, capsys, "teacher scores")


# --- 8. YAML aliases ---------------------------------------------------------------------------------------


def alias_bomb(levels: int = 12) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nquestions: *a{levels - 1}\n"


@pytest.mark.parametrize("command", ["show", "check", "render", "notebook"])
def test_a_yaml_alias_bomb_is_refused_at_once(
    work: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (work / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    assert len(alias_bomb()) < 2000
    argv = {"show": ["show"], "check": ["check"], "render": ["render"], "notebook": ["notebook"]}[command]
    out = {"render": ["-o", "out"], "notebook": ["-o", "n.ipynb"]}.get(command, [])
    refused(
        [*argv, "bomb.yaml", *out], work, capsys, "alias"
    )  # it hung for minutes; now the first alias stops it


def test_a_yaml_quiz_without_aliases_still_loads(tmp_path: Path) -> None:
    from quizkit.quizfile import dump_quiz, load_quiz, parse_quiz_text

    quiz = load_quiz(QUIZ)
    assert parse_quiz_text(dump_quiz(quiz, fmt="yaml"), where="q.yaml") == quiz


# --- 10. numbers and counts past what the kit can use -------------------------------------------------


def test_option_and_point_bounds_are_documented_limits_not_crashes(tmp_path: Path) -> None:
    from quizkit.quizfile import parse_quiz_text
    from quizkit.render.build import make_job, render_job

    data = base_quiz()
    mc = data["questions"][0]
    mc["choices"] = [f"Choice {i}" for i in range(26)]
    mc["answer"] = "Choice 25"
    mc["points"] = 1000
    quiz = parse_quiz_text(json.dumps(data), where="q.json")  # the largest allowed: renders
    rendered = render_job(make_job(quiz, 2, 0), ["md", "gift", "qti", "moodle", "html"])
    assert rendered.files


# --- 11. killed runs ---------------------------------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(proc.stdout)


def test_staging_folders_of_a_killed_run_are_cleaned_by_the_next(work: Path) -> None:
    out = work / "out"
    out.mkdir()
    dead = _dead_pid()
    for name in (f".quizkit-{dead}-abc", f".quizkit-old-{dead}-def"):
        (out / name).mkdir()
        (out / name / "student-A.pdf").write_bytes(b"%PDF partial")
    alive = out / f".quizkit-{os.getppid()}-busy"  # a concurrent run's: still working, left alone
    alive.mkdir()
    old_style = out / ".quizkit-x1y2z3"  # no pid (older quizkit), a day old
    old_style.mkdir()
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old_style, (day_ago, day_ago))
    assert main(["render", "quiz.json", "--format", "md", "-o", "out"]) == 0
    left = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert left == [alive.name]


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _wait_for_workers(proc: subprocess.Popen[bytes], n: int, timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= n:
            return kids
        assert proc.poll() is None, "render finished before its workers could be seen"
        time.sleep(0.05)
    raise AssertionError("no PDF workers appeared")


def _all_gone(pids: list[int], timeout: float = 20) -> bool:
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [
            p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE
        ]
        if not alive:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_pdf_workers_die_with_a_killed_render(work: Path, sig: signal.Signals) -> None:
    from quizkit.render import pdf

    if min(4, len(os.sched_getaffinity(0))) < 2:
        pytest.skip("one core: PDFs are compiled in-process, there are no workers")  # allow-listed skip
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    versions = str(max(20, pdf.PARALLEL_FROM))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quizkit.cli",
            "render",
            "quiz.json",
            "--format",
            "pdf",
            "--versions",
            versions,
            "-o",
            "out",
        ],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        workers = _wait_for_workers(proc, 2)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        assert _all_gone(workers), "PDF workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
    if sig == signal.SIGTERM:
        assert proc.returncode == 143
        assert not (work / "out").exists()  # staged outputs removed, the folder it made too


# --- 12. a full disk -------------------------------------------------------------------------------------


def _disk_fills(monkeypatch: pytest.MonkeyPatch, after: int = 1) -> None:
    """Writes into a staging folder fail with ENOSPC from the ``after``-th on."""
    count = {"n": 0}
    real_bytes, real_text = pathlib.Path.write_bytes, pathlib.Path.write_text

    def check(path: Path) -> None:
        if ".quizkit-" in str(path):
            count["n"] += 1
            if count["n"] >= after:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))

    def write_bytes(self: Path, data: Any) -> int:
        check(self)
        return real_bytes(self, data)

    def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        check(self)
        return real_text(self, data, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_bytes", write_bytes)
    monkeypatch.setattr(pathlib.Path, "write_text", write_text)


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "quiz.json", "--format", "md,html", "-o", "out"],
        ["grade", "quiz.json", "sheet.csv", "-o", "grades"],
    ],
    ids=["render", "grade"],
)
@pytest.mark.parametrize("after", [1, 3])
def test_a_full_disk_is_one_line_and_leaves_nothing(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    after: int,
) -> None:
    _disk_fills(monkeypatch, after)
    refused(argv, work, capsys, "No space left on device")


# --- 13. outputs the new run did not produce ---------------------------------------------------------


def test_grade_with_no_reports_removes_the_last_class_reports(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["grade", "quiz.json", "sheet.csv", "-o", "g"]) == 0
    assert (work / "g" / "report.html").is_file() and any((work / "g" / "feedback").iterdir())
    (work / "other.csv").write_text("student_id,mu1\nnew1,Kazakhstan\n", encoding="utf-8")
    assert main(["grade", "quiz.json", "other.csv", "-o", "g", "--no-reports"]) == 0
    assert not (work / "g" / "report.html").exists()
    assert not (work / "g" / "feedback").exists()


def test_rerendering_with_another_seed_drops_the_old_teacher_edition(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["render", "quiz.json", "--versions", "2", "--seed", "1", "--format", "pdf,md", "-o", "out"])
        == 0
    )
    assert (work / "out" / "pdf" / "teacher-edition.pdf").is_file()
    assert main(["render", "quiz.json", "--versions", "2", "--seed", "2", "--format", "md", "-o", "out"]) == 0
    assert not (work / "out" / "pdf" / "teacher-edition.pdf").exists()
    assert (work / "out" / "md" / "teacher-edition.md").is_file()  # rewritten with the new positions
    assert "removed" in capsys.readouterr().err


# --- 14. terminal escapes ------------------------------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[8mhidden\x9b31m\x00\x7f"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "command", [["show", "q.json", "--answers"], ["check", "q.json"], ["show", "missing.json"]]
)
def test_show_and_check_strip_controls_on_a_terminal(
    work: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    data = base_quiz()
    data["title"] = "Quiz" + ESCAPES
    data["questions"][0]["prompt"] += ESCAPES
    data["questions"][0]["explanation"] = ESCAPES
    write_quiz(work / "q.json", data)
    out, err = FakeTerminal(), FakeTerminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    main(command)
    shown = out.getvalue() + err.getvalue()
    assert shown.strip()
    assert not any(ch in shown for ch in "\x1b\x07\x9b\x00\x7f")


def test_controls_reach_a_pipe_unchanged(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_quiz()
    data["title"] = "Quiz\x1b[1m"
    write_quiz(work / "q.json", data)
    assert main(["show", "q.json"]) == 0
    assert "\x1b[1m" in capsys.readouterr().out  # a file or pipe gets the quiz's exact text
    assert terminal_safe("a\tb\nc\x1bd") == "a\tb\nc\ufffdd"


# --- 15. mostly UTF-8 ----------------------------------------------------------------------------------


def test_a_mostly_utf8_article_keeps_its_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizkit.article import read_article

    text = ROOT.joinpath("tests/data/articles/caspian_convention.txt").read_text(encoding="utf-8")
    text += "\nChina’s envoy said the deal was “historic”.\n"
    data = text.encode("utf-8").replace(b"the deal was", b"the d\x92al was")
    (tmp_path / "a.txt").write_bytes(data)
    body = read_article(tmp_path / "a.txt").body
    assert "China’s" in body and "â€" not in body and "the d\ufffdal was" in body
    assert "1 byte(s) are not valid UTF-8" in capsys.readouterr().err


def test_a_windows_1252_file_is_still_read_as_such(tmp_path: Path) -> None:
    from quizkit.files import decode_text

    text = "Student,Answer\nJosé,café au lait – “strong”\n" * 3
    assert decode_text(text.encode("cp1252"), where="x") == text


# --- 16. validation cost ------------------------------------------------------------------------------


def test_more_questions_than_a_quiz_may_hold_is_refused_before_validating(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quizkit import quizfile
    from quizkit.errors import FormatError

    data = base_quiz()
    one = data["questions"][0]
    data["questions"] = [dict(one, id=f"q{i}") for i in range(quizfile.MAX_QUESTIONS + 1)]
    monkeypatch.setattr(quizfile, "_import_jsonschema", lambda: pytest.fail("validated a refused quiz"))
    with pytest.raises(FormatError, match="more than the 5000"):
        quizfile.validate_quiz_data(data, where="big.json")


def test_the_schema_and_the_loader_agree_on_the_question_cap() -> None:
    from quizkit.quizfile import MAX_QUESTIONS, quiz_schema

    assert quiz_schema()["properties"]["questions"]["maxItems"] == MAX_QUESTIONS


def test_repeated_ids_are_found_without_quadratic_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizkit.errors import FormatError
    from quizkit.quizfile import validate_quiz_data

    data = base_quiz()
    one = data["questions"][0]
    data["questions"] = [dict(one, id=f"q{i % 2500}") for i in range(5000)]

    class NoCount(list):  # type: ignore[type-arg]
        def count(self, value: Any) -> int:
            raise AssertionError("list.count over every id is quadratic")

    data["questions"] = NoCount(data["questions"])
    with pytest.raises(FormatError, match="repeat"):
        validate_quiz_data(data, where="q.json")


# --- 18 to 21 -------------------------------------------------------------------------------------------


def test_notebook_never_overwrites_its_quiz(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "q.ipynb").write_bytes((work / "quiz.json").read_bytes())  # a quiz under a notebook's name
    refused(["notebook", "q.ipynb", "-o", "q.ipynb"], work, capsys, "overwrite the input")
    refused(["notebook", "q.ipynb", "-o", "./q.ipynb"], work, capsys, "overwrite the input")


@pytest.mark.parametrize("given", [float("nan"), ["a"], {"id": "a"}, 1.5, True])
def test_notebook_answers_with_a_student_id_that_is_not_text_are_rejected(
    work: Path, capsys: pytest.CaptureFixture[str], given: Any
) -> None:
    entry = {"format": "quizkit-answers", "version": 1, "answers": {"mu1": "Kazakhstan"}}
    good = dict(entry, student_id="s1")
    bad = dict(entry, student_id=given)
    (work / "a.json").write_text(json.dumps([good, bad, dict(entry, student_id=42)]), encoding="utf-8")
    assert main(["grade", "quiz.json", "a.json", "-o", "g", "--no-reports"]) == 0
    assert "rows in 3 = graded 2 + rejected 1" in capsys.readouterr().out
    assert sorted(r["student_id"] for r in grade_rows(work / "g")) == ["42", "s1"]
    assert "student_id is a" in grade_rows(work / "g", "rejected.csv")[0]["reason"]


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    import quizkit

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"quizkit {quizkit.__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "quizkit.cli", "--version"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=False,
    )
    assert proc.stdout.strip() == f"quizkit {quizkit.__version__}"


@pytest.mark.parametrize(
    ("argv", "meant"),
    [
        (["render", "quiz.json", "--seeds", "3"], "--seed"),
        (["render", "quiz.json", "--verions", "3"], "--versions"),
        (["grade", "quiz.json", "s.csv", "--no-reprots"], "--no-reports"),
        (["genrate", "a.txt"], "generate"),
        (["notebok", "q.json"], "notebook"),
    ],
)
def test_a_mistyped_flag_or_command_gets_a_suggestion(
    work: Path, capsys: pytest.CaptureFixture[str], argv: list[str], meant: str
) -> None:
    err = refused(argv, work, capsys, f"did you mean {meant}?")
    assert err.count("did you mean") == 1


def test_no_suggestion_for_a_word_nothing_like_an_option() -> None:
    assert suggestion("unrecognized arguments: --zzzzzz", ["--seed", "--versions"]) == ""
    assert suggestion("the following arguments are required: quiz", ["--seed"]) == ""


# --- the hostile-input table -----------------------------------------------------------------------------

Setup = Callable[[Path], None]


def _quiz_with(mutate: Callable[[dict[str, Any]], None], name: str = "bad.json") -> Setup:
    def setup(root: Path) -> None:
        data = copy.deepcopy(base_quiz())
        mutate(data)
        (root / name).write_text(json.dumps(data).replace("Infinity", "1e999"), encoding="utf-8")

    return setup


def _text(name: str, text: str, codec: str = "utf-8") -> Setup:
    def setup(root: Path) -> None:
        (root / name).write_bytes(text.encode(codec))

    return setup


def _raw_quiz(name: str, replace: tuple[str, str]) -> Setup:
    def setup(root: Path) -> None:
        (root / name).write_text(QUIZ.read_text(encoding="utf-8").replace(*replace, 1), encoding="utf-8")

    return setup


def _mc(d: dict[str, Any]) -> dict[str, Any]:
    return next(q for q in d["questions"] if q["type"] == "multiple_choice")


def _typed(d: dict[str, Any], qtype: str) -> dict[str, Any]:
    return next(q for q in d["questions"] if q["type"] == qtype)


def _many_choices(n: int) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        _mc(d)["choices"] = [f"Option {i}" for i in range(n)]
        _mc(d)["answer"] = "Option 0"

    return mutate


def _version_map(text: str) -> Setup:
    def setup(root: Path) -> None:
        (root / "v.json").write_text(text, encoding="utf-8")
        (root / "num.csv").write_text("student_id,version,1\ns1,A,Kazakhstan\n", encoding="utf-8")

    return setup


VMAP = '{"quiz_title": "", "seed": SEED, "versions": [{"letter": "A", "items": [{"number": NUM, "question_id": "mu1"}]}]}'
GRADE_VMAP = ["grade", "quiz.json", "num.csv", "--versions", "v.json", "-o", "g"]

HOSTILE: dict[str, tuple[Setup, list[str], str]] = {
    # name: (make the input files, argv, a word the one error line must contain)
    "yaml alias bomb, show": (_text("b.yaml", alias_bomb()), ["show", "b.yaml"], "alias"),
    "yaml alias bomb, grade": (
        _text("b.yaml", alias_bomb()),
        ["grade", "b.yaml", "sheet.csv", "-o", "g"],
        "alias",
    ),
    "yaml merge key alias": (
        _text(
            "m.yaml",
            "base: &b {type: open}\nquestions:\n  - <<: *b\n    id: a\n    prompt: Why?\n    answer: [x]\n",
        ),
        ["check", "m.yaml"],
        "alias",
    ),
    "yaml points 1e308": (
        _text(
            "p.yaml",
            "questions:\n  - id: a\n    type: open\n    prompt: Why?\n    answer: [x]\n    points: 1.0e+308\n",
        ),
        ["render", "p.yaml", "-o", "out"],
        "points",
    ),
    "json points 10**400": (
        _raw_quiz("p.json", ('"points": 1.0', '"points": 1' + "0" * 400)),
        ["show", "p.json"],
        "points",
    ),
    "json points 10**5000 (too long to read)": (
        _raw_quiz("p.json", ('"points": 1.0', '"points": 1' + "0" * 5000)),
        ["show", "p.json"],
        "not a valid quiz",
    ),
    "difficulty 10**400": (
        _quiz_with(lambda d: d["questions"][0].__setitem__("difficulty", 10**400)),
        ["check", "bad.json"],
        "difficulty",
    ),
    "703 options": (_quiz_with(_many_choices(703)), ["render", "bad.json", "-o", "out"], "choices"),
    "27 options": (_quiz_with(_many_choices(27)), ["show", "bad.json"], "choices"),
    "27 matching pairs": (
        _quiz_with(
            lambda d: _typed(d, "matching").__setitem__("answer", [[f"L{i}", f"R{i}"] for i in range(27)])
        ),
        ["render", "bad.json", "-o", "out"],
        "answer",
    ),
    "27 items to order": (
        _quiz_with(lambda d: _typed(d, "ordering").__setitem__("answer", [f"I{i}" for i in range(27)])),
        ["notebook", "bad.json", "-o", "n.ipynb"],
        "answer",
    ),
    "101 accepted answers": (
        _quiz_with(
            lambda d: _typed(d, "short_answer").__setitem__("accepted_answers", [str(i) for i in range(101)])
        ),
        ["check", "bad.json"],
        "accepted_answers",
    ),
    "evidence offset 10**12": (
        _quiz_with(lambda d: d["questions"][0]["evidence"].__setitem__("end", 10**12)),
        ["check", "bad.json"],
        "end",
    ),
    "seed 10**30": (_quiz_with(lambda d: d.__setitem__("seed", 10**30)), ["show", "bad.json"], "seed"),
    "5001 questions": (
        _quiz_with(
            lambda d: d.__setitem__("questions", [dict(d["questions"][0], id=f"q{i}") for i in range(5001)])
        ),
        ["show", "bad.json"],
        "5000",
    ),
    "version map Infinity": (
        _version_map(VMAP.replace("SEED", "Infinity").replace("NUM", "1")),
        GRADE_VMAP,
        "version map",
    ),
    "version map 1e999": (
        _version_map(VMAP.replace("SEED", "1e999").replace("NUM", "1")),
        GRADE_VMAP,
        "version map",
    ),
    "version map NaN number": (
        _version_map(VMAP.replace("SEED", "1").replace("NUM", "NaN")),
        GRADE_VMAP,
        "version map",
    ),
    "version map 10**5000": (
        _version_map(VMAP.replace("SEED", "1" + "0" * 5000).replace("NUM", "1")),
        GRADE_VMAP,
        "version map",
    ),
    "generate -o quiz.docx": (lambda root: None, ["generate", "article.txt", "-o", "quiz.docx"], ".docx"),
    "generate -o quiz (no extension)": (
        lambda root: None,
        ["generate", "article.txt", "-o", "quiz"],
        ".json",
    ),
    "generate -o quiz.JSON.txt": (
        lambda root: None,
        ["generate", "article.txt", "-o", "quiz.json.txt"],
        ".txt",
    ),
    "notebook over its quiz": (lambda root: None, ["notebook", "quiz.json", "-o", "quiz.json"], "overwrite"),
    "scores file with a stray quote": (
        _text("sc.csv", 'student_id,question_id,points\n"s1,op1,2\ns1,sh1,1\n'),
        ["grade", "quiz.json", "sheet.csv", "--scores", "sc.csv", "-o", "g"],
        "unbalanced quote",
    ),
    "mistyped --seeds": (lambda root: None, ["render", "quiz.json", "--seeds", "2"], "--seed?"),
    "mistyped command": (lambda root: None, ["rendr", "quiz.json"], "render?"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_input_is_one_line_and_changes_nothing(
    work: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    setup, argv, expected = HOSTILE[case]
    setup(work)
    before = snapshot(work)
    refused(argv, work, capsys, expected)
    assert snapshot(work) == before


def test_the_hostile_input_suite_has_at_least_60_cases() -> None:
    """The issue's bar: this table plus test_cli_badinput's refusal tables."""
    from tests import test_cli_badinput as bad

    cases = (
        len(HOSTILE)
        + len(bad.BAD_FILES)
        + len(bad.SHAPES)
        + len(bad.RAW_QUIZZES)
        + len(bad.USAGE)
        + len(bad.OUTPUTS)
    )
    assert cases >= 60, cases
