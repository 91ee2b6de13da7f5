"""Version maps that belong to the printed copies: a quiz fingerprint in the map, a code on every copy,
and one-line refusals for a map or a sheet that does not fit."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from quizkit.cli import main
from quizkit.errors import QuizkitError
from quizkit.grade import grade_files
from quizkit.model import Quiz
from quizkit.quizfile import load_quiz, save_quiz, save_version_map
from quizkit.render.build import make_job, render_job
from quizkit.versions import (
    CODE_SEP,
    key_string,
    make_versions,
    printed_key,
    quiz_fingerprint,
    split_version_cell,
)
from tests.factories import make_quiz


def _printing(tmp_path: Path, quiz: Quiz, seed: int, n: int = 2) -> tuple[Path, Path, list[list[str]]]:
    """Save the quiz and a map; return (quiz path, map path, perfect sheet rows with version codes)."""
    qpath, mpath = tmp_path / "quiz.json", tmp_path / f"versions-{seed}.json"
    save_quiz(quiz, qpath)
    quiz = load_quiz(qpath)
    vmap, versions = make_versions(quiz, n, seed)
    save_version_map(vmap, mpath)
    rows = [
        [
            f"s{v.letter}",
            v.code,
            *(key_string(printed_key(q)) if q.type != "open" else "" for q in vq.questions),
        ]
        for v, vq in zip(vmap.versions, versions, strict=True)
    ]
    return qpath, mpath, rows


def _sheet(tmp_path: Path, rows: list[list[str]], n_questions: int) -> Path:
    path = tmp_path / "sheet.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student_id", "version", *(str(i) for i in range(1, n_questions + 1))])
        w.writerows(rows)
    return path


def test_a_perfect_paper_with_its_code_scores_full_marks(tmp_path: Path) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    graded = grade_files(qpath, [_sheet(tmp_path, rows, len(quiz.questions))], version_map=mpath)
    quiz = load_quiz(qpath)
    for r in graded.results:
        assert all(m.verdict == "correct" for m in r.marks if quiz.question(m.question_id).type != "open")
    assert not graded.batch.rejected


def test_sheets_of_one_printing_with_another_seeds_map_are_refused(tmp_path: Path) -> None:
    quiz = make_quiz()
    qpath, _, rows = _printing(tmp_path, quiz, seed=1)
    _, other_map, _ = _printing(tmp_path, quiz, seed=2)
    with pytest.raises(QuizkitError, match="not from this version map"):
        grade_files(qpath, [_sheet(tmp_path, rows, len(quiz.questions))], version_map=other_map)


def test_one_mistyped_code_rejects_only_that_row(tmp_path: Path) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    letter, _ = split_version_cell(rows[1][1])
    rows[1][1] = f"{letter}{CODE_SEP}ZZZZ"
    graded = grade_files(qpath, [_sheet(tmp_path, rows, len(quiz.questions))], version_map=mpath)
    assert len(graded.results) == 1 and len(graded.batch.rejected) == 1
    assert "not from this version map" in graded.batch.rejected[0].reason


@pytest.mark.parametrize("cell", ["B", "b", "Version B", "B-{t}", "b {t}", "B{t}", "B·{t}", "B.{t}"])
def test_version_cells_with_or_without_the_code(tmp_path: Path, cell: str) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    tail = rows[1][1].split(CODE_SEP)[1]
    rows[1][1] = cell.format(t=tail.lower() if cell.islower() else tail)
    graded = grade_files(qpath, [_sheet(tmp_path, rows, len(quiz.questions))], version_map=mpath)
    assert not graded.batch.rejected and [r.sheet.version for r in graded.results] == ["A", "B"]


def _edit_and_refuse(tmp_path: Path, edit: object, match: str) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    edited = edit(load_quiz(qpath))  # type: ignore[operator]
    save_quiz(edited, qpath)
    with pytest.raises(QuizkitError, match=match):
        grade_files(qpath, [_sheet(tmp_path, rows, len(quiz.questions))], version_map=mpath)


def _mc(quiz: Quiz, change: object) -> Quiz:
    qs = tuple(change(q) if q.type == "multiple_choice" else q for q in quiz.questions)  # type: ignore[operator]
    return replace(quiz, questions=qs)


def test_choices_reordered_after_printing_are_refused(tmp_path: Path) -> None:
    _edit_and_refuse(
        tmp_path,
        lambda quiz: _mc(quiz, lambda q: replace(q, choices=q.choices[::-1])),
        r"another version of the quiz \(the options of question mu1 \(number \d+ on version A\) were reordered",
    )


def test_a_choice_removed_after_printing_is_refused_not_a_traceback(tmp_path: Path) -> None:
    _edit_and_refuse(
        tmp_path,
        lambda quiz: _mc(
            quiz, lambda q: replace(q, choices=tuple(c for c in q.choices if c != q.choices[-1]))
        ),
        "different number of options",
    )


def test_a_question_removed_after_printing_is_refused(tmp_path: Path) -> None:
    _edit_and_refuse(
        tmp_path, lambda quiz: replace(quiz, questions=quiz.questions[1:]), "no longer has question"
    )


def test_fixing_a_key_or_points_after_printing_is_allowed() -> None:
    quiz = load_quiz_from(make_quiz())
    mc = next(q for q in quiz.questions if q.type == "multiple_choice")
    fixed = replace(mc, answer=mc.choices[1], points=3.0, accepted_answers=("x",))
    assert quiz_fingerprint(quiz) == quiz_fingerprint(
        replace(quiz, questions=tuple(fixed if q is mc else q for q in quiz.questions))
    )


def load_quiz_from(quiz: Quiz) -> Quiz:
    from quizkit.quizfile import dump_quiz, parse_quiz_text

    return parse_quiz_text(dump_quiz(quiz), where="mem")


@pytest.mark.parametrize(
    ("edit", "match"),
    [
        (lambda d: d.pop("quiz_fingerprint"), "no quiz fingerprint"),
        (lambda d: d["versions"][0]["items"][0].update(order=[0]), "does not fit"),
        (lambda d: d["versions"][0]["items"][0].update(order=[-1, 0, 1, 2]), "does not fit"),
        (lambda d: d["versions"][0]["items"][0].update(order=[0, 0, 1, 2]), "does not fit"),
    ],
)
def test_hand_edited_maps_are_refused_in_one_line(
    tmp_path: Path, edit: object, match: str, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    data = json.loads(mpath.read_text())
    # make sure item 0 of version A is the multiple-choice question (4 options) for the order edits
    items = data["versions"][0]["items"]
    items.sort(key=lambda it: len(it["order"]) != 4)
    edit(data)  # type: ignore[operator]
    mpath.write_text(json.dumps(data))
    sheet = _sheet(tmp_path, rows, len(quiz.questions))
    out = tmp_path / "out"
    code = main(["grade", str(qpath), str(sheet), "--versions", str(mpath), "-o", str(out)])
    err = capsys.readouterr().err.strip()
    assert code != 0 and match in err and "\n" not in err and "Traceback" not in err
    assert not out.exists()


def test_a_map_with_infinity_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quiz = make_quiz()
    qpath, mpath, rows = _printing(tmp_path, quiz, seed=1)
    mpath.write_text(mpath.read_text().replace('"seed": 1', '"seed": Infinity'))
    code = main(
        [
            "grade",
            str(qpath),
            str(_sheet(tmp_path, rows, 7)),
            "--versions",
            str(mpath),
            "-o",
            str(tmp_path / "o"),
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code != 0 and "\n" not in err and "version map" in err


def test_every_printed_copy_carries_its_code() -> None:
    job = make_job(load_quiz_from(make_quiz()), 2, 3)
    files = dict(render_job(job, ["html", "md"]).files)
    for v in job.vmap.versions:
        assert len(v.code) == len(v.letter) + 5 and v.code.startswith(v.letter + CODE_SEP)
        assert v.code in files[f"html/student-{v.letter}.html"].decode()
        assert v.code in files[f"md/student-{v.letter}.md"].decode()
    other = make_job(load_quiz_from(make_quiz()), 2, 4)
    assert {v.code for v in job.vmap.versions}.isdisjoint(v.code for v in other.vmap.versions)


def test_feedback_pdfs_by_default_only_for_a_class_sized_file() -> None:
    from quizkit.grade import PDF_CLASS_SIZE, want_pdfs

    assert want_pdfs(None, 30) == (True, "")
    assert want_pdfs(None, PDF_CLASS_SIZE) == (True, "")
    made, note = want_pdfs(None, 10_000)
    assert not made and "--pdf" in note and "10000 students" in note
    assert want_pdfs(True, 10_000) == (True, "") and want_pdfs(False, 3) == (False, "")
