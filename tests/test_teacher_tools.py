"""The teacher's first hour: --length, pick, reading level, check pointing at lines, Word/Quizlet/Kahoot."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from quizkit import readability
from quizkit.cli import main
from quizkit.length import LengthError, question_count
from quizkit.pick import PickError, pick_questions
from quizkit.quizfile import dump_quiz, load_quiz, locate, question_lines, save_quiz
from quizkit.render import FORMATS, kahoot, quizlet
from quizkit.render import docx as docx_format
from quizkit.render.build import make_job
from tests.factories import make_question, make_quiz


def vocab_quiz():  # type: ignore[no-untyped-def]
    quiz = make_quiz()
    word = make_question(
        "multiple_choice",
        qid="v1",
        prompt='What does "accession" mean in this passage from the article: “its accession”?',
        answer="the act of formally joining an agreement or an organisation",
        choices=(
            "the act of formally joining an agreement or an organisation",
            "a meeting of the leaders of several countries",
            "involving two countries or two sides",
            "penalties that countries use to pressure another country",
        ),
        tags=("vocabulary",),
    )
    return replace(quiz, questions=(*quiz.questions, word))


# --- length -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "count"), [("short", 10), ("standard", None), ("long", 30), ("20", 14), ("45 min", 32)]
)
def test_length_names_and_minutes_become_a_question_count(length: str, count: int | None) -> None:
    assert question_count(length) == count


@pytest.mark.parametrize("length", ["medium", "2", "500", ""])
def test_a_bad_length_is_one_clear_error(length: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LengthError):
        question_count(length)
    with pytest.raises(SystemExit) as exit_info:
        main(["generate", "article.txt", "--length", length or "x"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--length" in err and len(err.strip().splitlines()) == 1


def test_length_and_count_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["generate", "a.txt", "--length", "short", "--count", "5"])
    assert "not allowed with" in capsys.readouterr().err


# --- pick ---------------------------------------------------------------------------------------------


def test_pick_keeps_in_the_given_order_and_drops() -> None:
    quiz = make_quiz()
    ids = [q.id for q in quiz.questions]
    picked = pick_questions(quiz, keep=[ids[2], "1", ids[3]], drop=[ids[3]])
    assert [q.id for q in picked.questions] == [ids[2], ids[0]]
    assert pick_questions(quiz, drop=["2"]).questions == quiz.questions[:1] + quiz.questions[2:]


def test_pick_names_an_unknown_id_and_suggests_the_close_one() -> None:
    quiz = make_quiz()
    with pytest.raises(PickError, match=f"did you mean {quiz.questions[0].id}"):
        pick_questions(quiz, drop=[quiz.questions[0].id[:-1]])
    with pytest.raises(PickError, match="no question would be left"):
        pick_questions(quiz, drop=[q.id for q in quiz.questions])


def test_pick_cli_writes_a_valid_quiz_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "quiz.json"
    quiz = make_quiz()
    save_quiz(quiz, path)
    assert main(["pick", str(path), "--drop", quiz.questions[0].id, "-o", str(path)]) == 0
    assert [q.id for q in load_quiz(path).questions] == [q.id for q in quiz.questions[1:]]
    assert main(["pick", str(path), "--ids", "nope", "-o", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()
    assert "no question 'nope'" in capsys.readouterr().err


# --- reading level ------------------------------------------------------------------------------------


def test_reading_level_ranks_plain_text_below_dense_text() -> None:
    plain = readability.level("The cat sat on the mat. We ran to the shop. It was a good day.")
    dense = readability.level(
        "Kazakhstan's accession reinforces a multi-vector diplomatic orientation, complicating geopolitical "
        "calculations across the Eurasian continent and international institutions."
    )
    assert plain is not None and dense is not None
    assert plain.grade < 4 < 12 < dense.grade
    assert readability.level("") is None


def test_show_and_the_teacher_edition_give_the_reading_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "quiz.json"
    save_quiz(make_quiz(), path)
    assert main(["show", str(path)]) == 0
    assert "Reading level (Flesch–Kincaid): questions grade" in capsys.readouterr().out
    from quizkit.render import pdf

    job = make_job(make_quiz(), 1, 0, reading="Reading level (Flesch–Kincaid): article grade 9.0")
    assert pdf.teacher_data(job)["reading"].endswith("article grade 9.0")
    assert "questions grade" in pdf.teacher_data(make_job(make_quiz(), 1, 0))["reading"]


# --- check points at the line -----------------------------------------------------------------------


def test_locate_finds_fields_in_yaml_and_json() -> None:
    quiz = make_quiz()
    for fmt in ("yaml", "json"):
        text = dump_quiz(quiz, fmt=fmt)
        lines = question_lines(text)
        assert list(lines) == [q.id for q in quiz.questions]
        second = lines[quiz.questions[1].id]
        assert f"{quiz.questions[1].id}" in text.splitlines()[second - 1] or fmt == "json"
        answer_line = locate(text, ("questions", 1, "answer"))
        assert answer_line is not None and "answer" in text.splitlines()[answer_line - 1]


def test_a_bad_field_in_a_yaml_quiz_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = make_quiz()
    text = dump_quiz(quiz, fmt="yaml")
    lines = text.splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip().startswith("points:"))
    lines[n] = lines[n].split(":")[0] + ": lots"
    path = tmp_path / "quiz.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert f"{path}:{n + 1}: invalid quiz at questions[0].points" in capsys.readouterr().err


def test_check_names_the_line_of_a_question_with_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = make_quiz()
    bad = replace(
        quiz.questions[0], prompt="Is Kazakhstan the country that joined the Abraham Accords in 2025?"
    )
    path = tmp_path / "quiz.yaml"
    save_quiz(replace(quiz, questions=(bad, *quiz.questions[1:])), path)
    main(["check", str(path)])
    line = question_lines(path.read_text(encoding="utf-8"))[bad.id]
    assert f"({path}:{line})" in capsys.readouterr().out


# --- Word, Quizlet, Kahoot -------------------------------------------------------------------------------


def test_new_formats_are_in_the_registry() -> None:
    assert {"docx", "quizlet", "kahoot"} <= set(FORMATS)


def test_docx_holds_every_question_and_the_key() -> None:
    import docx

    quiz = make_quiz()
    job = make_job(quiz, 2, 1)
    files = dict(docx_format.render(job).files)
    assert set(files) == {f"docx/{kind}-{v}.docx" for kind in ("student", "key") for v in "AB"}
    for index, letter in enumerate("AB"):
        student = docx.Document(io.BytesIO(files[f"docx/student-{letter}.docx"]))
        text = "\n".join(p.text for p in student.paragraphs) + "\n".join(
            c.text for t in student.tables for row in t.rows for c in row.cells
        )
        for q in job.versions[index].questions:
            assert q.prompt in text
            for choice in q.choices:
                assert choice in text
        key = docx.Document(io.BytesIO(files[f"docx/key-{letter}.docx"]))
        assert len(key.tables[0].rows) == len(quiz.questions) + 1
    assert docx_format.render(job).files == docx_format.render(job).files  # byte-identical


def test_quizlet_is_term_tab_definition_from_the_vocabulary_items() -> None:
    result = quizlet.render(make_job(vocab_quiz(), 1, 0))
    ((path, data),) = result.files
    assert path == "quizlet/quizlet.txt"
    rows = [line.split("\t") for line in data.decode("utf-8").splitlines()]
    assert rows == [["accession", "the act of formally joining an agreement or an organisation"]]
    assert any("left out" in w and "term–definition" in w for w in result.warnings)


def test_kahoot_sheet_follows_the_template_and_says_what_it_left_out() -> None:
    import openpyxl

    quiz = vocab_quiz()
    long_prompt = make_question("multiple_choice", qid="long", prompt="Which country? " + "x" * 130)
    quiz = replace(quiz, questions=(*quiz.questions, long_prompt))
    result = kahoot.render(make_job(quiz, 1, 0))
    ((path, data),) = result.files
    assert path == "kahoot/kahoot.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[kahoot.HEADER_ROW]]
    assert header == [None, *kahoot.HEADER[1:]]
    rows = [r for r in ws.iter_rows(min_row=kahoot.HEADER_ROW + 1, values_only=True) if r[0] is not None]
    fits = [q for q in quiz.questions if not kahoot.why_not(q)]
    assert [r[1] for r in rows] == [q.prompt for q in fits]
    for r, q in zip(rows, fits, strict=True):
        answers = [a for a in r[2:6] if a]
        assert len(r[1]) <= 120 and all(len(a) <= 75 for a in answers)
        assert r[6] in (5, 10, 20, 30, 60, 90, 120, 240)
        expected = q.answer if q.type == "multiple_choice" else ("True" if q.answer else "False")
        assert answers[int(r[7]) - 1] == expected
    assert openpyxl.load_workbook(io.BytesIO(data)).properties.modified.year == 2000  # not the time of saving
    (warning,) = result.warnings
    assert "question longer than 120 characters: long" in warning
    assert "not multiple choice or true/false" in warning


def test_render_cli_writes_the_new_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quiz.json"
    path.write_text(json.dumps(json.loads(dump_quiz(vocab_quiz()))), encoding="utf-8")
    assert main(["render", str(path), "--format", "docx,quizlet,kahoot", "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert (out / "docx/student-A.docx").is_file() and (out / "kahoot/kahoot.xlsx").is_file()
    assert "kahoot: left out" in capsys.readouterr().err


def test_the_grading_report_without_matplotlib_says_how_to_get_the_plots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matplotlib is in the lesson extra: a quiz-only install grades every row and the report says what is missing."""
    from quizkit.grade import report
    from quizkit.grade.synthetic import synthetic_class, synthetic_quiz
    from quizkit.quizfile import save_version_map

    monkeypatch.setattr(report, "have_matplotlib", lambda: False)
    quiz = synthetic_quiz(6)
    klass = synthetic_class(quiz, 12, versions=2)
    save_quiz(quiz, tmp_path / "quiz.json")
    save_version_map(klass.vmap, tmp_path / "versions.json")
    (tmp_path / "answers.csv").write_text(klass.csv_text, encoding="utf-8")
    args = [
        str(tmp_path / "quiz.json"),
        str(tmp_path / "answers.csv"),
        "--versions",
        str(tmp_path / "versions.json"),
    ]
    assert main(["grade", *args, "-o", str(tmp_path / "grades")]) == 0
    html = (tmp_path / "grades" / "report.html").read_text(encoding="utf-8")
    assert "<svg" not in html and "The two plots need matplotlib" in html
    assert len((tmp_path / "grades" / "grades.csv").read_text(encoding="utf-8").splitlines()) == 13
