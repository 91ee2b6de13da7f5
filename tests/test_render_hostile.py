"""Hostile text (markup of every target format) in titles, prompts and options: every output stays
well-formed, reads back to the same text, and Typst compiles it and prints it literally."""

from __future__ import annotations

import io
import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from pypdf import PdfReader

from quizkit.model import Quiz
from quizkit.render import format_module, pdf
from quizkit.render.build import make_job
from quizkit.render.common import Job
from quizkit.versions import answer_items, master_options, matching_rows
from tests.factories import make_question, make_quiz
from tests.render_readers import (
    html_text,
    moodle_gift_blocks,
    need_gift_parser,
    parse_gift,
    qti_members,
    read_manifest,
    read_moodle,
    read_moodle_gift_ordering,
    read_qti_items,
    squash,
)

ALPHABET = (
    string.ascii_letters + string.digits + string.punctuation + " \n\t" + "éЖ—“”→…ß"
)  # no CJK: the shipped fonts have none
FRAGMENTS = [
    "#set page(width: 1cm)",
    "$x$",
    "*b*",
    "_i_",
    "@ref",
    "<lab>",
    "`c`",
    "\\",
    "[a]",
    "~",
    "//",
    "/*",
    "= h",
    "- l",
    "+ e",
    "]]>",
    "<script>alert(1)</script>",
    "&amp;",
    "{=x ~y}",
    "::t::",
    "#",
    "->",
    "%50%",
    "[html]",
    "1. ",
    "> q",
    "|a|",
    "${x}",
    "\\n",
    "'",
    '"',
    "---",
]
hostile = (
    st.lists(st.sampled_from(FRAGMENTS) | st.text(ALPHABET, min_size=1, max_size=6), min_size=1, max_size=5)
    .map("".join)
    .filter(lambda s: bool(s.strip()))
)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@st.composite
def hostile_quizzes(draw: st.DrawFn) -> Quiz:
    def distinct(n: int) -> list[str]:
        return draw(st.lists(hostile, min_size=n, max_size=n, unique_by=squash))

    opts = distinct(4)
    lefts, rights, items = distinct(3), distinct(3), distinct(3)
    questions = (
        make_question("multiple_choice", qid="mc", prompt=draw(hostile), choices=tuple(opts), answer=opts[2]),
        make_question("true_false", qid="tf", prompt=draw(hostile)),
        make_question(
            "short_answer", qid="sa", prompt=draw(hostile), answer=draw(hostile), accepted_answers=()
        ),
        make_question(
            "matching", qid="ma", prompt=draw(hostile), answer=tuple(zip(lefts, rights, strict=True))
        ),
        make_question("ordering", qid="or", prompt=draw(hostile), answer=tuple(items)),
        make_question("open", qid="op", prompt=draw(hostile), explanation=draw(hostile)),
    )
    return make_quiz(questions=questions, title=draw(hostile))


def texts(quiz: Quiz) -> list[str]:
    """Everything a student must see printed."""
    out = [quiz.title]
    for q in quiz.questions:
        out.append(q.prompt)
        out += list(master_options(q))
        if q.type == "matching":
            out += [left for left, _ in matching_rows(q)]
    return out


SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(quiz=hostile_quizzes())
def test_typst_compiles_hostile_text_and_prints_it_literally(quiz: Quiz) -> None:
    job = make_job(quiz, 1, seed=0)
    data = pdf.compile_data(pdf.version_data(job, "student", 0))
    text = flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))
    for t in texts(quiz):
        assert flat(t) in text, t


@SETTINGS
@given(quiz=hostile_quizzes())
def test_teacher_edition_and_answer_sheet_compile_with_hostile_text(quiz: Quiz) -> None:
    job = make_job(quiz, 1, seed=0)
    for data in (pdf.teacher_data(job), pdf.version_data(job, "sheet", 0), pdf.version_data(job, "key", 0)):
        assert pdf.compile_data(data).startswith(b"%PDF")


def render(job: Job, fmt: str) -> dict[str, bytes]:
    return dict(format_module(fmt).render(job).files)


@SETTINGS
@given(quiz=hostile_quizzes())
def test_html_and_markdown_show_hostile_text_literally(quiz: Quiz) -> None:
    job = make_job(quiz, 1, seed=0)
    page = render(job, "html")["html/student-A.html"].decode("utf-8")
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//body//script"), "a <script> in the quiz must print, not run"
    shown = flat(doc.body.text_content())
    md = render(job, "md")["md/student-A.md"].decode("utf-8")
    md_shown = flat(html_text(MarkdownIt("commonmark").render(md)))
    for t in texts(quiz):
        assert flat(t) in shown, t
        assert flat(t) in md_shown, t


@SETTINGS
@given(quiz=hostile_quizzes())
def test_moodle_xml_and_qti_stay_well_formed_and_read_back(quiz: Quiz) -> None:
    job = make_job(quiz, 1, seed=0)
    moodle = read_moodle(render(job, "moodle")["moodle/quiz.xml"])
    assert [flat(d["prompt"]) for d in moodle][:4] == [flat(q.prompt) for q in quiz.questions][:4]
    mc = moodle[0]
    assert [flat(a) for a, f in mc["answers"] if f == 100] == [flat(str(quiz.questions[0].answer))]
    sa = moodle[2]
    assert flat(sa["answers"][0][0]) == flat(str(quiz.questions[2].answer).replace("*", "\\*"))

    members = qti_members(render(job, "qti")["qti/quiz-qti.zip"])
    resources = read_manifest(members["imsmanifest.xml"])
    items = read_qti_items(members[resources[0]["files"][0]])
    assert [flat(i["prompt"]) for i in items][:4] == [flat(q.prompt) for q in quiz.questions][:4]
    assert [flat(c) for c in items[0]["correct"]] == [flat(str(quiz.questions[0].answer))]
    assert [(flat(a), flat(b)) for a, b in items[3]["pairs"]] == [
        (flat(a), flat(b)) for a, b in matching_rows(quiz.questions[3])
    ]
    assert etree.fromstring(next(v for k, v in members.items() if k.endswith("meta.xml"))) is not None


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quiz=hostile_quizzes())
def test_gift_with_hostile_text_parses_back_to_the_same_text(quiz: Quiz) -> None:
    need_gift_parser()
    job = make_job(quiz, 1, seed=0, ordering_as_matching=True)  # gift-pegjs has no ordering type
    parsed = parse_gift(render(job, "gift")["gift/quiz.gift"].decode("utf-8"))[1:]
    assert [p["type"] for p in parsed] == ["MC", "TF", "Short", "Matching", "Matching", "Essay"]
    for p, q in zip(parsed, quiz.questions, strict=True):
        assert squash(p["stem"]["text"]).startswith(squash(q.prompt))  # line breaks kept, as GIFT's \\n

    def inside(text: str) -> str:  # GIFT cannot escape "->" inside braces: it is written as "→"
        return squash(text.replace("->", "→"))

    mc = parsed[0]
    assert [c["text"]["text"] for c in mc["choices"]] == [inside(c) for c in quiz.questions[0].choices]
    assert [c["text"]["text"] for c in mc["choices"] if c["isCorrect"]] == [
        inside(str(quiz.questions[0].answer))
    ]
    short = parsed[2]["choices"][0]["text"]["text"].replace("\\*", "*")
    assert short == inside(str(quiz.questions[2].answer))
    pairs = [(m["subquestion"]["text"], pegjs_plain(m["subanswer"])) for m in parsed[3]["matchPairs"]]
    expected = [(inside(a), inside(b)) for a, b in matching_rows(quiz.questions[3])]
    assert pairs == expected
    # by default ordering is Moodle's ordering type (read by the port of its reader), or falls back to
    # matching, with a warning, when an item cannot stand on a raw GIFT line
    default = make_job(quiz, 1, seed=0)
    rendered = format_module("gift").render(default)
    blocks = moodle_gift_blocks(dict(rendered.files)["gift/quiz.gift"].decode("utf-8"))
    got = read_moodle_gift_ordering(blocks[5])
    items = [squash(x) for x in answer_items(quiz.questions[4])]
    assert (got is not None and got["items"] == items) or any(
        "exported as matching" in w for w in rendered.warnings
    )


def pegjs_plain(text: str) -> str:
    """gift-pegjs leaves its escape placeholders in a matching answer (Moodle decodes them): decode here."""
    for code, char in (
        ("092", "\\"),
        ("058", ":"),
        ("035", "#"),
        ("061", "="),
        ("123", "{"),
        ("125", "}"),
        ("126", "~"),
    ):
        text = text.replace(f"&&{code};", char)
    return text


def test_control_characters_cannot_break_the_xml_formats() -> None:
    quiz = make_quiz(title="bell\x07 and null\x00 and \x1b[31m")
    quiz = make_quiz(
        title=quiz.title,
        questions=(
            make_question(
                "multiple_choice", prompt="Which\x0b one?\x0c", choices=("a\x01", "b"), answer="a\x01"
            ),
        ),
    )
    job = make_job(quiz, 1, seed=0)
    assert read_moodle(render(job, "moodle")["moodle/quiz.xml"])[0]["prompt"] == "Which one?"
    members = qti_members(render(job, "qti")["qti/quiz-qti.zip"])
    assert read_qti_items(members[read_manifest(members["imsmanifest.xml"])[0]["files"][0]])[0][
        "correct"
    ] == ["a"]
    assert pdf.compile_data(pdf.version_data(job, "student", 0)).startswith(b"%PDF")
