"""Reading responses: answer sheets (ids or printed numbers + versions), Moodle, forms, notebook JSON."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.errors import FormatError, InputError
from quizkit.grade.responses import (
    interpret,
    interpret_bool,
    interpret_choice,
    interpret_matching,
    interpret_ordering,
    read_csv,
    read_notebook_json,
    read_responses,
    read_scores,
)
from quizkit.grade.score import SCORERS
from quizkit.model import Version, VersionItem, VersionMap
from quizkit.quizfile import load_quiz
from quizkit.versions import key_string, make_versions, printed_key
from tests.factories import make_question, make_quiz

DATA = Path(__file__).parent / "data" / "grading"
QUIZ = load_quiz(DATA / "quiz.json")
MC = make_question("multiple_choice")  # master: A Kazakhstan, B Uzbekistan, C Kyrgyzstan, D Turkmenistan
# Matching and ordering with their display order stored (master A, B, C = the order written here).
MA = make_question("matching", choices=("Kazakhstan", "United States", "Israel"))
OR = make_question("ordering")
OR = replace(OR, choices=tuple(str(x) for x in OR.answer))


@pytest.mark.parametrize(
    "cell", ["b", "B", "(B)", "b)", " B. ", "B. Kazakhstan", "kazakhstan", "Kazakhstan "]
)
def test_choice_letters_and_text_through_the_version_order(cell: str) -> None:
    order = (1, 0, 2, 3)  # printed B is master 0 (Kazakhstan)
    assert interpret_choice(MC, order, cell) == "Kazakhstan"


def test_choice_not_an_option_stays_as_typed() -> None:
    assert interpret_choice(MC, (), "F") == "F"
    assert interpret_choice(MC, (), "Mongolia") == "Mongolia"


@pytest.mark.parametrize(
    ("cell", "value"),
    [("T", True), ("true", True), ("Yes", True), ("f", False), ("FALSE", False), ("no", False)],
)
def test_true_false_spellings(cell: str, value: bool) -> None:
    assert interpret_bool(cell) is value


def test_true_false_nonsense_stays_text() -> None:
    assert interpret_bool("maybe") == "maybe"


def test_matching_pairs_letters_and_texts() -> None:
    order = (2, 0, 1)  # printed A = master right 2 (Israel), B = Kazakhstan, C = United States
    key = (("Tokayev", "Kazakhstan"), ("Trump", "United States"), ("Netanyahu", "Israel"))
    assert interpret_matching(MA, order, "1-B, 2-C, 3-A") == key
    assert interpret_matching(MA, order, "1 B; 2 C; 3 A") == key
    assert interpret_matching(MA, order, "bca") == key
    assert (
        interpret_matching(MA, (), "Tokayev -> Kazakhstan; Trump -> United States; Netanyahu -> Israel")
        == key
    )


@pytest.mark.parametrize("cell", ["C A B", "CAB", "c,a,b", "C > A > B"])
def test_ordering_letters(cell: str) -> None:
    order = (1, 2, 0)  # printed A = master 1, B = master 2, C = master 0
    assert interpret_ordering(OR, order, cell) == OR.answer


def test_ordering_item_texts() -> None:
    text = "Kazakhstan declares independence; The Abraham Accords are signed; Kazakhstan joins"
    assert interpret_ordering(OR, (), text) == OR.answer


def test_messy_sheet_bom_semicolons_spaces_blank_lines_duplicates() -> None:
    batch = read_csv(DATA / "messy_sheet.csv", QUIZ, None)
    assert batch.rows_in == len(batch.sheets) + len(batch.rejected) == 7
    ids = [s.student_id for s in batch.sheets]
    assert ids == ["s01", "s02", "s03", "s01", "s06"]
    assert batch.sheets[0].name == "Ana Lopez"
    assert batch.sheets[0].answers["mu1"].value == "Kazakhstan"
    assert batch.sheets[1].answers["op1"].value is None
    reasons = {r.row: r.reason for r in batch.rejected}
    assert reasons[8] == "missing student_id"
    assert "unknown student column" in reasons[10]


def _vmap(n: int = 2) -> VersionMap:
    a = Version("A", tuple(VersionItem(i + 1, q.id) for i, q in enumerate(QUIZ.questions)))
    b = Version("B", tuple(VersionItem(i + 1, q.id) for i, q in enumerate(reversed(QUIZ.questions))))
    return VersionMap(QUIZ.title, 1, (a, b)[:n])


def test_printed_numbers_follow_each_rows_version(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("student_id,version,Q1,#2,question 7\nx1,A,a,T,\nx2,b,,,a\nx3,C,a,,\n", encoding="utf-8")
    batch = read_csv(p, QUIZ, _vmap())
    first, second = batch.sheets
    assert first.answers["mu1"].value == "Kazakhstan" and first.answers["tr1"].value is True
    assert second.version == "B" and second.answers["mu1"].value == "Kazakhstan"  # B's 7th is master 1st
    assert batch.rejected[0].reason.startswith("unknown version 'C'")


def test_printed_numbers_need_the_version_map(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("student_id,1,2\nx1,a,T\n", encoding="utf-8")
    with pytest.raises(FormatError, match="version map is needed"):
        read_csv(p, QUIZ, None)


def test_several_versions_need_a_version_column(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("student_id,1,2\nx1,a,T\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no version column"):
        read_csv(p, QUIZ, _vmap())
    assert read_csv(p, QUIZ, _vmap(1)).sheets[0].version == "A"


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("name,mu1\nAna,a\n", FormatError, "no student_id column"),
        ("student_id,mu1,colour\nx,a,blue\n", FormatError, "unknown question column 'colour'"),
        ("student_id,mu1\n", InputError, "no student rows"),
        ("student_id,mu1,mu1\nx,a,b\n", FormatError, "appears twice"),
    ],
)
def test_unusable_sheets_are_one_clear_error(
    tmp_path: Path, text: str, error: type[Exception], message: str
) -> None:
    p = tmp_path / "s.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(error, match=message):
        read_csv(p, QUIZ, None)


def test_tab_delimited_and_lower_case_headers(tmp_path: Path) -> None:
    p = tmp_path / "s.tsv"
    p.write_text("STUDENT ID\tname\tMU1\tSH1\nx1\tAna\tA\tTrump\n", encoding="utf-8")
    sheet = read_csv(p, QUIZ, None).sheets[0]
    assert sheet.answers["mu1"].value == "Kazakhstan"
    assert sheet.answers["sh1"].value == "Trump"


def test_moodle_responses_export() -> None:
    batch = read_csv(DATA / "moodle_responses.csv", QUIZ, None)
    dana, tom = batch.sheets
    assert dana.student_id == "dana.abenova@school.example" and dana.name == "Dana Abenova"
    assert dana.answers["ma1"].value == (
        ("Tokayev", "Kazakhstan"),
        ("Trump", "United States"),
        ("Netanyahu", "Israel"),
    )
    assert tom.answers["fi1"].value is None  # "-" is Moodle's "no answer"
    assert batch.rejected[0].reason.startswith("a summary row")


def test_forms_export_maps_prompts_fuzzily_and_reports_the_rest() -> None:
    batch = read_csv(DATA / "forms_export.csv", QUIZ, None)
    f01 = batch.sheets[0]
    assert f01.student_id == "f01"
    assert f01.answers["tr1"].value is False
    assert f01.answers["or1"].value == OR.answer
    assert f01.answers["ma1"].value == (
        ("Tokayev", "Kazakhstan"),
        ("Trump", "United States"),
        ("Netanyahu", "Israel"),
    )
    assert any("favourite colour" in w for w in batch.warnings)


def test_notebook_answers_json() -> None:
    batch = read_notebook_json(DATA / "notebook_answers.json", QUIZ)
    assert [s.student_id for s in batch.sheets] == ["n01", "n02"]
    assert batch.sheets[0].answers["tr1"].value is False
    assert batch.sheets[1].answers["fi1"].value is None
    assert batch.rejected[0].reason == "missing student_id"


def test_json_that_is_not_an_answers_file(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(FormatError, match="not a quizkit answers file"):
        read_responses([p], QUIZ)


def test_several_files_are_counted_together() -> None:
    batch = read_responses([DATA / "messy_sheet.csv", DATA / "notebook_answers.json"], QUIZ)
    assert batch.rows_in == 10 == len(batch.sheets) + len(batch.rejected)


def test_teacher_scores(tmp_path: Path) -> None:
    p = tmp_path / "scores.csv"
    p.write_text("student_id,question_id,points\ns01,op1,3.5\n", encoding="utf-8")
    assert read_scores(p, QUIZ) == {("s01", "op1", ""): 3.5}
    p.write_text("student_id,question_id,points\ns01,op1,9\n", encoding="utf-8")
    with pytest.raises(FormatError, match="outside"):
        read_scores(p, QUIZ)
    p.write_text("student_id,question_id,points\ns01,nope,1\n", encoding="utf-8")
    with pytest.raises(FormatError, match="unknown question id"):
        read_scores(p, QUIZ)


def test_version_map_of_another_quiz_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("student_id,version,1\nx1,A,a\n", encoding="utf-8")
    other = VersionMap(QUIZ.title, 1, (Version("A", (VersionItem(1, "not-in-this-quiz"),)),))
    with pytest.raises(FormatError, match="names questions the quiz does not have"):
        read_csv(p, QUIZ, other)


def test_notebook_answers_for_another_quiz_are_warned_about(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(
        '{"format": "quizkit-answers", "version": 1, "quiz_title": "Another quiz", "student_id": "z",'
        ' "answers": {"mu1": "Kazakhstan"}}',
        encoding="utf-8",
    )
    batch = read_notebook_json(p, QUIZ)
    assert batch.sheets[0].answers["mu1"].value == "Kazakhstan"
    assert "Another quiz" in batch.warnings[0]


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=5))
@settings(max_examples=25, deadline=None)
def test_any_versions_printed_key_reads_back_as_the_master_key(seed: int, n: int) -> None:
    quiz = make_quiz(2)
    vmap, versions = make_versions(quiz, n, seed)
    for version, vquiz in zip(vmap.versions, versions, strict=True):
        for item, vq in zip(version.items, vquiz.questions, strict=True):
            master = quiz.question(item.question_id)
            if master.type in ("open", "true_false", "fill_blank", "short_answer"):
                continue
            key = printed_key(vq)
            cell = (
                ", ".join(f"{i}-{x}" for i, x in enumerate(key, 1))
                if master.type == "matching"
                else key_string(key)
            )
            value = interpret(master, item.order, cell).value
            assert SCORERS[master.type](master, value) == (master.points, master.points), (cell, value)


PLACEHOLDERS = ("", "-", "–", "—", "n/a", "na", "none", "no answer", "(blank)", "[blank]")


@given(
    st.text(max_size=30), st.sampled_from(["multiple_choice", "true_false", "matching", "ordering", "open"])
)
def test_any_typed_text_is_read_without_error(text: str, qtype: str) -> None:
    q = make_question(qtype)
    response = interpret(q, (), text)
    assert response.typed == text.strip()
    placeholder = text.strip().casefold() in PLACEHOLDERS
    no_content = not any(c.isalnum() for c in text)  # "?", "...": nothing to grade
    if placeholder or no_content:
        assert response.value is None
    if any(c.isalpha() for c in text) and len(text.strip()) > 12 and " " not in text.strip():
        assert response.value is not None  # one long word is never read as "no answer"


def test_ordering_short_item_texts_are_not_read_as_letters() -> None:
    q = replace(OR, answer=("UN", "EU", "NATO"), choices=("UN", "EU", "NATO"))
    assert interpret_ordering(q, (), "EU; UN; NATO") == ("EU", "UN", "NATO")
    assert interpret_ordering(q, (2, 0, 1), "C,A,B") == ("EU", "NATO", "UN")


def _moodle_rows() -> list[list[str]]:
    import csv

    with (DATA / "moodle_responses.csv").open(encoding="utf-8") as f:
        return list(csv.reader(f))


def _write_rows(path: Path, rows: list[list[str]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_moodle_slots_are_matched_by_question_text_not_number() -> None:
    """Moodle orders a bank-built quiz's slots by type then name: Response 1 here is the matching question."""
    batch = read_csv(DATA / "moodle_responses.csv", QUIZ, None)
    dana = batch.sheets[0]
    assert dana.answers["mu1"].value == "Kazakhstan" and dana.answers["tr1"].value is False
    assert dana.answers["or1"].value == tuple(str(x) for x in QUIZ.question("or1").answer)


def test_moodle_export_in_german_is_read(tmp_path: Path) -> None:
    rows = _moodle_rows()
    words = {"Surname": "Nachname", "First name": "Vorname", "Email address": "E-Mail-Adresse",
             "Question": "Frage", "Response": "Antwort", "Right answer": "Richtige Antwort"}  # fmt: skip
    header = []
    for h in rows[0]:
        for en, de in words.items():
            if h == en or h.startswith(en + " "):
                h = de + h[len(en) :]
                break
        header.append(h)
    batch = read_csv(_write_rows(tmp_path / "antworten.csv", [header, *rows[1:]]), QUIZ, None)
    assert [s.student_id for s in batch.sheets] == ["dana.abenova@school.example", "tom.brown@school.example"]
    assert batch.sheets[0].answers["ma1"].value == tuple(tuple(p) for p in QUIZ.question("ma1").answer)


def test_moodle_export_without_question_text_is_refused(tmp_path: Path) -> None:
    rows = _moodle_rows()
    keep = [i for i, h in enumerate(rows[0]) if not h.startswith("Question ")]
    path = _write_rows(tmp_path / "m.csv", [[r[i] for i in keep if i < len(r)] for r in rows])
    with pytest.raises(FormatError, match="no question text beside it"):
        read_csv(path, QUIZ, None)


def test_moodle_question_text_that_fits_no_question_is_refused(tmp_path: Path) -> None:
    rows = _moodle_rows()
    col = rows[0].index("Question 2")
    for r in rows[1:3]:
        r[col] = "Which planet is largest?"
    with pytest.raises(FormatError, match="matches no single question"):
        read_csv(_write_rows(tmp_path / "m.csv", rows), QUIZ, None)


@pytest.mark.parametrize(
    ("typed", "option"), [("Ashkhabad", "Ashgabat"), ("Nur-Sultan", "Astana"), ("b", "Astana")]
)
def test_an_accepted_other_name_of_an_option_picks_it(typed: str, option: str) -> None:
    q = make_question("multiple_choice", choices=("Ashgabat", "Astana", "Dushanbe"), answer="Ashgabat")
    assert interpret_choice(q, (), typed) == option
