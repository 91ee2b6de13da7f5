"""`quizkit grade` end to end: known scores, every version's own key, accounting, bad input, safe outputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizkit.cli import main
from quizkit.grade.report import safe_cell
from quizkit.grade.synthetic import synthetic_class, synthetic_quiz
from quizkit.quizfile import save_quiz, save_version_map
from quizkit.versions import key_string, make_versions, printed_key
from tests.factories import make_quiz

DATA = Path(__file__).parent / "data" / "grading"
QUIZ = str(DATA / "quiz.json")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_versions_own_key_gets_full_marks(tmp_path: Path) -> None:
    quiz = make_quiz(2)
    vmap, versions = make_versions(quiz, 4, seed=11)
    save_quiz(quiz, tmp_path / "quiz.json")
    save_version_map(vmap, tmp_path / "versions.json")
    header = ["student_id", "version", *[str(i) for i in range(1, len(quiz.questions) + 1)]]
    lines = [header]
    scores = [["student_id", "question_id", "points"]]
    for v, vq in zip(vmap.versions, versions, strict=True):
        cells = []
        for q in vq.questions:
            key = printed_key(q)
            if q.type == "matching":
                cells.append(", ".join(f"{i}-{letter}" for i, letter in enumerate(key, 1)))
            elif q.type == "open":
                cells.append("An answer for the teacher to read.")
                scores.append([f"key-{v.letter}", q.id, str(q.points)])
            else:
                cells.append(key_string(key))
        lines.append([f"key-{v.letter}", v.letter, *cells])
    for name, rows in (("sheet.csv", lines), ("scores.csv", scores)):
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
    out = tmp_path / "out"
    argv = [
        "grade",
        str(tmp_path / "quiz.json"),
        str(tmp_path / "sheet.csv"),
        "--versions",
        str(tmp_path / "versions.json"),
    ]
    assert main([*argv, "--scores", str(tmp_path / "scores.csv"), "-o", str(out), "--no-reports"]) == 0
    grades = _rows(out / "grades.csv")
    assert [g["version"] for g in grades] == ["A", "B", "C", "D"]
    assert all(g["percent"] == "100.0" and g["needs_review"] == "0" for g in grades)
    # without the teacher's scores the open answers wait for review instead of scoring zero
    assert main([*argv, "-o", str(tmp_path / "out2"), "--no-reports"]) == 0
    assert all(g["needs_review"] == "2" for g in _rows(tmp_path / "out2" / "grades.csv"))


def test_synthetic_class_gets_its_known_scores(tmp_path: Path) -> None:
    quiz = synthetic_quiz(21, seed=3)
    klass = synthetic_class(quiz, 300, versions=3, seed=3)
    save_quiz(quiz, tmp_path / "quiz.json")
    save_version_map(klass.vmap, tmp_path / "versions.json")
    (tmp_path / "sheet.csv").write_text(klass.csv_text, encoding="utf-8")
    argv = [
        "grade",
        str(tmp_path / "quiz.json"),
        str(tmp_path / "sheet.csv"),
        "--versions",
        str(tmp_path / "versions.json"),
    ]
    assert main([*argv, "-o", str(tmp_path / "out"), "--no-reports"]) == 0
    got = {g["student_id"]: float(g["score"]) for g in _rows(tmp_path / "out" / "grades.csv")}
    assert got == pytest.approx({k: round(v, 2) for k, v in klass.expected.items()}, abs=0.006)
    assert len(set(got.values())) > 10  # a real spread, not everyone the same


def test_messy_sheet_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "rows in 7 = graded 5 + rejected 2" in summary
    assert "duplicate student IDs (all kept, flagged): s01" in summary
    grades = _rows(out / "grades.csv")
    assert [(g["student_id"], g["score"], g["blanks"], g["needs_review"]) for g in grades] == [
        ("s01", "6", "0", "1"),
        ("s02", "2.67", "1", "0"),
        ("s03", "3", "1", "1"),
        ("s01", "0", "7", "0"),
        ("s06", "0", "5", "1"),
    ]
    assert grades[0]["duplicate_of"] == "messy_sheet.csv row 7"
    answers = _rows(out / "answers.csv")
    assert len(answers) == 5 * 7
    verdicts = {(a["student_id"], a["question_id"]): a["verdict"] for a in answers[:21]}
    assert verdicts[("s01", "op1")] == "needs_review"
    assert verdicts[("s02", "ma1")] == "partial"
    assert verdicts[("s02", "op1")] == "blank"
    assert verdicts[("s03", "fi1")] == "incorrect"
    rejected = _rows(out / "rejected.csv")
    assert [r["row"] for r in rejected] == ["8", "10"]
    assert (out / "report.html").is_file()
    assert sorted(p.name for p in (out / "feedback").iterdir()) == [
        "s01-2.html", "s01-2.pdf", "s01.html", "s01.pdf", "s02.html", "s02.pdf", "s03.html", "s03.pdf",
        "s06.html", "s06.pdf",
    ]  # fmt: skip


def test_feedback_shows_answer_key_and_evidence(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "out"
    assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(out)]) == 0
    page = (out / "feedback" / "s02.html").read_text(encoding="utf-8")
    assert "Donald Trunp" in page and "Donald Trump" in page
    assert "From the article: “President Kassym-Jomart Tokayev visited Washington" in page
    assert "https://example.org/leaders (checked 2026-11-27)" in page
    text = " ".join((p.extract_text() or "") for p in PdfReader(out / "feedback" / "s02.pdf").pages)
    assert "Ben Okafor" in text and "Trunp" in text


def test_teacher_scores_replace_review(tmp_path: Path) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text("student_id,question_id,points\ns01,op1,3\ns03,op1,0.5\n", encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(
            [
                "grade",
                QUIZ,
                str(DATA / "messy_sheet.csv"),
                "--scores",
                str(scores),
                "-o",
                str(out),
                "--no-reports",
            ]
        )
        == 0
    )
    grades = {(g["student_id"], g["source"]): g for g in _rows(out / "grades.csv")}
    s01 = grades[("s01", "messy_sheet.csv row 3")]
    assert (s01["score"], s01["needs_review"]) == ("9", "0")
    assert grades[("s03", "messy_sheet.csv row 6")]["score"] == "3.5"


def test_all_input_kinds_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [
        str(DATA / n)
        for n in ("messy_sheet.csv", "moodle_responses.csv", "forms_export.csv", "notebook_answers.json")
    ]
    assert main(["grade", QUIZ, *files, "-o", str(tmp_path / "out"), "--no-reports"]) == 0
    summary = capsys.readouterr().out
    assert "rows in 15 = graded 11 + rejected 4" in summary
    assert "favourite colour" in summary
    assert not (tmp_path / "out" / "report.html").exists()


def test_review_csv_round_trip_keeps_duplicate_sheets_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(out), "--no-reports"]) == 0
    assert "--scores review.csv" in capsys.readouterr().out
    review = _rows(out / "review.csv")
    assert [(r["student_id"], r["question_id"], r["suggested_points"]) for r in review] == [
        ("s01", "op1", "4"),
        ("s03", "op1", "0"),
        ("s06", "op1", "0"),
    ]
    review[0]["points"] = "3"  # the teacher scores one answer and leaves the rest for later
    filled = tmp_path / "review.csv"
    with filled.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(review[0]))
        writer.writeheader()
        writer.writerows(review)
    out2 = tmp_path / "out2"
    assert (
        main(
            [
                "grade",
                QUIZ,
                str(DATA / "messy_sheet.csv"),
                "--scores",
                str(filled),
                "-o",
                str(out2),
                "--no-reports",
            ]
        )
        == 0
    )
    grades = _rows(out2 / "grades.csv")
    assert (grades[0]["score"], grades[0]["needs_review"]) == ("9", "0")
    assert grades[3]["student_id"] == "s01" and grades[3]["score"] == "0"  # the duplicate sheet is untouched
    again = _rows(out2 / "review.csv")  # the scored answer stays, with its points: the file round-trips
    assert [(r["student_id"], r["points"]) for r in again] == [("s01", "3"), ("s03", ""), ("s06", "")]


def _write(path: Path, data: bytes | str) -> str:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        ("missing file", "not found"),
        ("empty csv", "empty"),
        ("no student_id column", "no student_id column"),
        ("unknown question column", "unknown question column 'favourite'"),
        ("undecodable bytes", "binary"),
        ("invalid quiz", "invalid quiz"),
    ],
)
def test_bad_input_is_one_clear_line_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, needle: str
) -> None:
    quiz = QUIZ
    responses = {
        "missing file": str(tmp_path / "nope.csv"),
        "empty csv": _write(tmp_path / "e.csv", ""),
        "no student_id column": _write(tmp_path / "n.csv", "name,mu1\nAna,a\n"),
        "unknown question column": _write(tmp_path / "u.csv", "student_id,mu1,favourite\nx,a,b\n"),
        "undecodable bytes": _write(tmp_path / "b.csv", b"student_id,mu1\n\x00\xff\xfe\x00\x81x,a\n"),
        "invalid quiz": str(DATA / "messy_sheet.csv"),
    }[case]
    if case == "invalid quiz":
        quiz = _write(tmp_path / "q.json", json.dumps({"questions": [{"id": "a", "type": "essay"}]}))
    out = tmp_path / "out"
    assert main(["grade", quiz, responses, "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("quizkit grade: error:") and needle in err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(out), "--no-reports"]) == 0
    for name in ("grades.csv", "answers.csv", "rejected.csv"):
        text = (out / name).read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    assert "'=HYPERLINK" in (out / "grades.csv").read_text(encoding="utf-8")
    assert "'@SUM(A1)" in (out / "answers.csv").read_text(encoding="utf-8")


@given(st.text(max_size=20))
def test_safe_cell_never_starts_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.endswith(text)


def test_student_text_is_escaped_in_html(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(out)]) == 0
    pages = [p.read_text(encoding="utf-8") for p in (out / "feedback").glob("*.html")]
    pages.append((out / "report.html").read_text(encoding="utf-8"))
    assert all("<script>" not in p for p in pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "feedback" / "s06.html").read_text(
        encoding="utf-8"
    )


def test_outputs_are_byte_identical_between_runs(tmp_path: Path) -> None:
    for run in ("a", "b"):
        assert main(["grade", QUIZ, str(DATA / "messy_sheet.csv"), "-o", str(tmp_path / run)]) == 0
    for name in ("grades.csv", "answers.csv", "report.html", "feedback/s02.html", "feedback/s02.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_answers_saved_by_the_lesson_widget_grade_fully(tmp_path: Path) -> None:
    lesson = pytest.importorskip("quizkit.lesson.quiz")
    quiz = make_quiz(1)
    right = {
        "mu1": "Kazakhstan",
        "tr1": False,
        "fi1": "Washington",
        "sh1": "Donald Trump",
        "ma1": [list(pair) for pair in quiz.question("ma1").answer],  # type: ignore[union-attr]
        "or1": list(quiz.question("or1").answer),  # type: ignore[arg-type]
        "op1": None,
    }
    doc = lesson.answers_document(quiz, right, student_id="n1", name="Nur", saved_at="2025-11-10T09:00:00Z")
    save_quiz(quiz, tmp_path / "quiz.json")
    (tmp_path / "answers.json").write_text(json.dumps([doc]), encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(
            [
                "grade",
                str(tmp_path / "quiz.json"),
                str(tmp_path / "answers.json"),
                "-o",
                str(out),
                "--no-reports",
            ]
        )
        == 0
    )
    (row,) = _rows(out / "grades.csv")
    assert (row["student_id"], row["score"], row["max_score"], row["blanks"]) == ("n1", "6", "10", "1")
