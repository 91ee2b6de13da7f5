"""One stored display order: a right answer written with the letters any view shows gets full marks.

Each test reads only what a student or teacher would see in that view (the letters printed next to each
option, or the key printed in the teacher edition), builds the answer sheet from it and grades it.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from quizkit.grade import grade_files
from quizkit.model import Question, Quiz
from quizkit.quizfile import load_quiz, save_quiz
from quizkit.render.build import make_job, render_job
from quizkit.show import format_quiz
from quizkit.versions import key_string, master_options, matching_rows, printed_key
from tests.factories import make_question, make_quiz

CLOSED = ("multiple_choice", "true_false", "matching", "ordering")


def _quiz() -> Quiz:
    """Every type, plus a five-row matching question with extras and a six-item ordering question."""
    base = make_quiz()
    more = (
        make_question(
            "matching",
            qid="ma-big",
            answer=tuple((f"country {i}", f"year {1990 + i}") for i in range(5)),
            choices=("year 1979", "year 2031"),
        ),
        make_question("ordering", qid="or-big", answer=tuple(f"event {i}" for i in range(6))),
    )
    return base.__class__(base.title, base.questions + more, base.source, base.schema_version, base.seed)


def _right_letters(q: Question, shown: list[str]) -> str:
    """The right answer as a student writes it with the letters of ``shown`` (the options in view order)."""
    letter = {text: chr(ord("A") + i) for i, text in enumerate(shown)}
    if q.type == "multiple_choice":
        return letter[str(q.answer)]
    if q.type == "true_false":
        return "True" if q.answer else "False"
    if q.type == "matching":
        return ", ".join(f"{i}-{letter[r]}" for i, (_, r) in enumerate(matching_rows(q), 1))
    return " ".join(letter[str(x)] for x in q.answer if isinstance(x, str))


def _grade(
    tmp_path: Path, quiz_path: Path, header: list[str], rows: list[list[str]], vmap: Path | None
) -> None:
    sheet = tmp_path / "answers.csv"
    with sheet.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    graded = grade_files(quiz_path, [sheet], version_map=vmap)
    quiz = load_quiz(quiz_path)
    assert graded.results, "nothing graded"
    for r in graded.results:
        for m in r.marks:
            if quiz.question(m.question_id).type in CLOSED:
                assert m.verdict == "correct", (m.question_id, m.typed, m.note)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "quiz.json"
    save_quiz(_quiz(), path)
    return path


def test_show_letters_grade_full_marks(tmp_path: Path, saved: Path) -> None:
    quiz = load_quiz(saved)
    text = format_quiz(quiz)
    blocks = re.split(r"\n\n(?=\d+\. \()", text.split("\n\n", 1)[1])
    row = ["s1"]
    for block, q in zip(blocks, quiz.questions, strict=True):
        assert f"id {q.id}" in block
        shown = re.findall(r"^\s+[A-Z]\) (.+)$", block, flags=re.M)
        row.append(_right_letters(q, shown) if q.type in CLOSED else "")
    _grade(tmp_path, saved, ["student_id", *(q.id for q in quiz.questions)], [row], None)


def test_show_answers_and_teacher_edition_print_the_same_key(tmp_path: Path, saved: Path) -> None:
    """The key in `show --answers` and the Markdown teacher edition, typed as printed, scores full marks."""
    quiz = load_quiz(saved)
    files = dict(render_job(make_job(quiz, 1, 0), ["md"]).files)
    teacher = files["md/teacher-edition.md"].decode()
    listing = format_quiz(quiz, answers=True)
    keys_te = re.findall(r"\*Answer:\* ([^\n]+)", teacher)
    wrapped = re.findall(r"^   Answer: (.+?)\n   (?:Evidence|Source|Why|Bloom)", listing, flags=re.M | re.S)
    keys_show = [" ".join(k.split()) for k in wrapped]
    closed = [q for q in quiz.questions if q.type != "open"]
    row = ["s1"]
    for q in quiz.questions:
        if q.type not in CLOSED:
            row.append("")
            continue
        key_line = keys_te[quiz.questions.index(q)]
        if q.type == "matching":
            typed = ", ".join(re.findall(r"\d+-[A-Z]", key_line))
        elif q.type == "ordering":
            typed = key_line.split(" (")[0]
        elif q.type == "multiple_choice":
            typed = key_line.split(" — ")[0]
        else:
            typed = key_line
        row.append(typed)
        shown = keys_show[closed.index(q)]
        if q.type == "matching":  # show --answers prints the same letters
            assert re.findall(r"\d+-[A-Z]", shown) == re.findall(r"\d+-[A-Z]", key_line)
        elif q.type == "ordering":
            assert shown.split(" (")[0] == typed
    _grade(tmp_path, saved, ["student_id", *(q.id for q in quiz.questions)], [row], None)


def _as_printed(q: Question) -> Question:
    return q.__class__(**{**{f: getattr(q, f) for f in q.__slots__}, "choices": master_options(q)})  # type: ignore[attr-defined]


def _html_options(page: str) -> list[list[str]]:
    """Per printed question, the option texts in the order of their printed letters."""
    out = []
    for block in re.findall(r'<li class="q" id="q\d+">(.*?)</li>\n', page, flags=re.S):
        found = re.findall(
            r'(?:<span class="bubble">([A-Z]{1,2})</span>|<b>([A-Z]{1,2})\.</b>)\s*([^<]*)', block
        )
        out.append([html.unescape(text).strip() for _, _, text in found if text.strip()])
    return out


def test_html_student_copies_letters_grade_full_marks_on_every_version(tmp_path: Path, saved: Path) -> None:
    quiz = load_quiz(saved)
    job = make_job(quiz, 3, 11)
    files = dict(render_job(job, ["html"]).files)
    vmap_path = tmp_path / "versions.json"
    vmap_path.write_bytes(files["versions.json"])
    rows = []
    for version in job.vmap.versions:
        options = _html_options(files[f"html/student-{version.letter}.html"].decode())
        assert len(options) == len(quiz.questions)
        row = [f"s{version.letter}", version.letter]
        for item, shown in zip(version.items, options, strict=True):
            q = quiz.question(item.question_id)
            row.append(_right_letters(q, shown) if q.type in CLOSED else "")
        rows.append(row)
    header = ["student_id", "version", *(str(n) for n in range(1, len(quiz.questions) + 1))]
    _grade(tmp_path, saved, header, rows, vmap_path)


def test_printed_keys_of_every_version_grade_full_marks(tmp_path: Path, saved: Path) -> None:
    quiz = load_quiz(saved)
    job = make_job(quiz, 4, 5)
    vmap_path = tmp_path / "versions.json"
    vmap_path.write_bytes(dict(render_job(job, []).files)["versions.json"])
    rows = []
    for version, vquiz in zip(job.vmap.versions, job.versions, strict=True):
        keys = [key_string(printed_key(q)) if q.type in CLOSED else "" for q in vquiz.questions]
        rows.append([f"s{version.letter}", version.letter, *keys])
    header = ["student_id", "version", *(str(n) for n in range(1, len(quiz.questions) + 1))]
    _grade(tmp_path, saved, header, rows, vmap_path)


def test_the_master_key_is_never_a_b_c_by_construction() -> None:
    quiz = _quiz()
    for q in quiz.questions:
        if q.type in ("matching", "ordering"):
            key = printed_key(_as_printed(q))
            assert key != tuple(chr(ord("A") + i) for i in range(len(key))), q.id


def test_the_order_is_stored_once_and_survives_a_round_trip(saved: Path) -> None:
    first = load_quiz(saved)
    for q in first.questions:
        if q.type in ("matching", "ordering"):
            assert q.choices == master_options(q) and len(q.choices) >= 2
    save_quiz(first, saved)
    assert load_quiz(saved) == first
