"""LMS exports read by the importers' own rules keep every key and every point value."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.model import Citation
from quizkit.render import format_module
from quizkit.render.build import make_job
from quizkit.render.gift import quiz_gift
from quizkit.render.moodle import ESSAY_LINES, essay_lines, quiz_xml
from quizkit.render.qti import assessment_xml
from quizkit.versions import matching_rows, settle_quiz
from tests.factories import make_question, make_quiz
from tests.render_readers import moodle_gift_blocks, read_moodle, read_qti_items

words = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(rights=st.lists(words, min_size=2, max_size=6, unique=True), qid=words)
def test_canvas_matching_answer_ids_never_collide_under_its_digit_rule(rights: list[str], qid: str) -> None:
    """Canvas reads an answer id as its first run of digits: the old 'g' + MD5 ids collided in about
    one four-option question in ten; the reader fails on any collision and checks every key."""
    q = make_question("matching", qid=qid, answer=tuple((f"left {i}", r) for i, r in enumerate(rights)))
    quiz = settle_quiz(make_quiz(questions=(q,)))
    xml, _ = assessment_xml(quiz, "g0")
    (item,) = read_qti_items(xml)
    assert item["pairs"] == list(matching_rows(quiz.questions[0]))


def test_moodle_keeps_points_and_gift_says_it_cannot() -> None:
    quiz = make_quiz()
    moodle = read_moodle(quiz_xml(quiz)[0])
    assert [d["grade"] for d in moodle] == [q.points for q in quiz.questions]
    text, warnings = quiz_gift(quiz)
    assert any(
        "GIFT cannot hold points" in w and f"{sum(q.points for q in quiz.questions):g}" in w for w in warnings
    )
    for q, block in zip(quiz.questions, moodle_gift_blocks(text)[1:], strict=True):
        name = re.match(r"::(.*?)::", block)
        assert name and f"[{q.points:g} point" in name.group(1)  # the intended points, in the name
    assert "// points: 4" in text


def test_gift_escapes_star_in_short_answers() -> None:
    q = make_question("short_answer", answer="C*-algebra", accepted_answers=("5 * 3",))
    text, _ = quiz_gift(make_quiz(questions=(q,)))
    assert "=C\\*-algebra" in text and "=5 \\* 3" in text


def test_both_moodle_exports_import_into_one_category() -> None:
    quiz = make_quiz(title="Kazakhstan / Accords")
    text, _ = quiz_gift(quiz)
    xml = quiz_xml(quiz)[0].decode()
    path = "$course$/top/quizkit/Kazakhstan - Accords"
    assert f"$CATEGORY: {path}\n" in text and f"<text>{path}</text>" in xml


def test_moodle_essay_boxes_are_sizes_its_form_offers() -> None:
    assert ESSAY_LINES == (5, 10, 15, 20, 25, 30, 35, 40)
    for points in (0.5, 1, 2.5, 4, 5, 100):
        assert essay_lines(points) in ESSAY_LINES
    assert essay_lines(100) == 40 and essay_lines(0.5) == 5


def test_moodle_feedback_links_only_web_addresses() -> None:
    bad = ("javascript:alert(1)", "file:///etc/passwd", "/home/teacher/notes.html", "data:text/html,x")
    sources = tuple(Citation(u, "2026-11-27") for u in (*bad, "https://example.org/a"))
    q = replace(make_question("short_answer"), sources=sources)
    (d,) = read_moodle(quiz_xml(make_quiz(questions=(q,)))[0])
    assert d["hrefs"] == ["https://example.org/a"]
    assert "javascript:alert(1)" in d["feedback"]  # still shown, as text


def test_moodle_names_read_as_number_and_first_words() -> None:
    (d, *_) = read_moodle(quiz_xml(make_quiz())[0])
    assert d["name"] == "01 Which country joined the Abraham Accords in November 2025?"


def test_moodle_ordering_fallback_for_older_moodles() -> None:
    quiz = make_quiz()
    job = make_job(quiz, 1, 0, ordering_as_matching=True)
    xml = dict(format_module("moodle").render(job).files)["moodle/quiz.xml"]
    types = [d["type"] for d in read_moodle(xml)]
    assert "ordering" not in types and types.count("matching") == 2


def test_gift_keeps_line_breaks() -> None:
    q = make_question("short_answer", prompt="First line.\nSecond line.")
    text, _ = quiz_gift(make_quiz(questions=(q,)))
    assert "First line.\\nSecond line." in text
