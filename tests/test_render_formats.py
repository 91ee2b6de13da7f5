"""HTML, Markdown, Moodle XML, GIFT and QTI: golden files, and each read back by an independent reader.

Regenerate the golden files after an intended change with ``QUIZKIT_REGEN_GOLDEN=1 pytest tests/test_render_formats.py``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from quizkit.model import Quiz
from quizkit.render import FORMATS, describe_formats, format_module
from quizkit.render.build import make_job
from quizkit.render.common import Job
from quizkit.versions import answer_items, master_options, matching_rows
from tests.factories import make_quiz
from tests.independent import regenerate_golden
from tests.render_readers import (
    MOODLE_ORDERING_GRADINGS,
    html_text,
    moodle_gift_blocks,
    parse_gift,
    qti_members,
    read_manifest,
    read_moodle,
    read_moodle_gift_ordering,
    read_qti_items,
    squash,
)

GOLDEN = Path(__file__).parent / "golden" / "render"


@pytest.fixture(scope="module")
def job() -> Job:
    return make_job(make_quiz(), 2, seed=5)


def files_of(job: Job, fmt: str) -> dict[str, bytes]:
    return dict(format_module(fmt).render(job).files)


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("md", "md/student-A.md"),
        ("md", "md/key-A.md"),
        ("md", "md/teacher-edition.md"),
        ("gift", "gift/quiz.gift"),
        ("moodle", "moodle/quiz.xml"),
        ("html", "html/student-B.html"),
    ],
)
def test_output_matches_its_golden_file(job: Job, fmt: str, name: str) -> None:
    data = files_of(job, fmt)[name]
    golden = GOLDEN / name.replace("/", "__")
    if regenerate_golden():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name} changed; regenerate with QUIZKIT_REGEN_GOLDEN=1 if intended"


def test_every_format_is_deterministic(job: Job) -> None:
    for fmt in FORMATS:
        if fmt != "pdf":
            assert format_module(fmt).render(job) == format_module(fmt).render(job)


# --- GIFT, read by gift-pegjs ---------------------------------------------------------------------------

GIFT_TYPES = {
    "multiple_choice": "MC",
    "true_false": "TF",
    "fill_blank": "Short",
    "short_answer": "Short",
    "matching": "Matching",
    "ordering": "Matching",  # only with ordering_as_matching
    "open": "Essay",
}


def check_gift_question(parsed: dict[str, object], q: object) -> None:
    from quizkit.model import Question

    assert isinstance(q, Question)
    assert parsed["type"] == GIFT_TYPES[q.type]
    stem = parsed["stem"]
    assert isinstance(stem, dict)
    assert squash(stem["text"]).startswith(squash(q.prompt)), (stem["text"], q.prompt)
    if q.type == "multiple_choice":
        choices = parsed["choices"]
        assert isinstance(choices, list)
        assert [c["text"]["text"] for c in choices] == [squash(c) for c in q.choices]
        assert [c["text"]["text"] for c in choices if c["isCorrect"]] == [squash(str(q.answer))]
    elif q.type == "true_false":
        assert parsed["isTrue"] is q.answer
    elif q.type in ("fill_blank", "short_answer"):
        choices = parsed["choices"]
        assert isinstance(choices, list)
        texts = [c["text"]["text"].replace("\\*", "*") for c in choices]
        assert texts[0] == squash(str(q.answer)) and set(texts) == {
            squash(a) for a in (str(q.answer), *q.accepted_answers)
        }
    elif q.type == "matching":
        pairs = parsed["matchPairs"]
        assert isinstance(pairs, list)
        got = [(p["subquestion"]["text"], p["subanswer"]) for p in pairs if p["subquestion"]["text"]]
        assert got == [(squash(a.replace("->", "→")), squash(b)) for a, b in matching_rows(q)]
    elif q.type == "ordering":
        pairs = parsed["matchPairs"]
        assert isinstance(pairs, list)
        assert [p["subanswer"] for p in pairs] == [squash(x) for x in answer_items(q)]


def check_gift(text: str, quiz: Quiz, *, as_matching: bool = False) -> None:
    """Ordering blocks read by the port of Moodle's ordering reader, everything else by gift-pegjs."""
    blocks = moodle_gift_blocks(text)
    assert blocks[0].startswith("$CATEGORY: $course$/top/quizkit/")
    ordering = {i: read_moodle_gift_ordering(b) for i, b in enumerate(blocks[1:])}
    rest = [b for i, b in enumerate(blocks[1:]) if ordering[i] is None]
    parsed = iter(parse_gift("\n\n".join([blocks[0], *rest]))[1:])
    assert len(blocks) - 1 == len(quiz.questions)
    for i, q in enumerate(quiz.questions):
        got = ordering[i]
        if q.type == "ordering" and not as_matching:
            assert got is not None, blocks[i + 1]
            assert got["items"] == [squash(x) for x in answer_items(q)]
            assert got["select"] == "ALL" and got["count"] == len(answer_items(q))
            assert got["grading"] in MOODLE_ORDERING_GRADINGS
        else:
            assert got is None
            check_gift_question(next(parsed), q)


def test_gift_parses_with_gift_pegjs_with_the_right_types_and_answers(job: Job) -> None:
    text = files_of(job, "gift")["gift/quiz.gift"].decode("utf-8")
    parsed = parse_gift(text.replace("{>", "{"))  # the ordering block as gift-pegjs would see a plain one
    assert parsed[0]["type"] == "Category"
    assert [p["id"] for p in parsed[1:]] == [q.id for q in job.master.questions]
    check_gift(text, job.master)


def test_gift_ordering_as_matching_for_older_moodles(job: Job) -> None:
    older = replace(job, ordering_as_matching=True)
    rendered = format_module("gift").render(older)
    check_gift(dict(rendered.files)["gift/quiz.gift"].decode("utf-8"), job.master, as_matching=True)
    assert not any("4.4" in w for w in rendered.warnings)
    assert any("4.4" in w for w in format_module("gift").render(job).warnings)


# --- Moodle XML --------------------------------------------------------------------------------------------

MOODLE_TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "fill_blank": "shortanswer",
    "short_answer": "shortanswer",
    "matching": "matching",
    "ordering": "ordering",
    "open": "essay",
}


def check_moodle(xml: bytes, quiz: Quiz) -> None:
    questions = read_moodle(xml)
    assert len(questions) == len(quiz.questions)
    for d, q in zip(questions, quiz.questions, strict=True):
        assert d["type"] == MOODLE_TYPES[q.type] and d["name"] and d["format"] == "html"
        assert d["prompt"].startswith(q.prompt.replace("\r", ""))
        assert d["grade"] == q.points
        right = [a for a, f in d["answers"] if f == 100]
        if q.type == "multiple_choice":
            assert [a for a, _ in d["answers"]] == [f"{c}" for c in q.choices]
            assert right == [q.answer]
        elif q.type == "true_false":
            assert right == [str(q.answer).lower()]
        elif q.type in ("fill_blank", "short_answer"):
            assert right[0] == str(q.answer).replace("*", "\\*")
        elif q.type == "matching":
            assert [p for p in d["pairs"] if p[0]] == list(matching_rows(q))
        elif q.type == "ordering":  # Moodle's ordering type: every item shown, in the key's order
            assert d["type"] == "ordering" and [a for a, _ in d["answers"]] == list(answer_items(q))
            assert d["select"] == "ALL" and d["count"] == len(answer_items(q))
            assert d["layout"] == "VERTICAL" and d["grading"] in MOODLE_ORDERING_GRADINGS
        assert f"bloom-{q.bloom}" in d["tags"] and all(t in d["tags"] for t in q.tags)
        assert all(h.startswith(("http://", "https://")) for h in d["hrefs"])


def test_moodle_xml_is_well_formed_and_has_what_moodles_importer_reads(job: Job) -> None:
    xml = files_of(job, "moodle")["moodle/quiz.xml"]
    check_moodle(xml, job.master)
    root = etree.fromstring(xml)
    assert root.find("question[@type='category']/category/text") is not None
    mc = root.find("question[@type='multichoice']")
    assert mc is not None and mc.findtext("single") == "true" and mc.findtext("shuffleanswers") == "true"
    essay = root.find("question[@type='essay']")
    assert essay is not None and essay.findtext("responseformat") == "editor"
    assert "balancing between powers" in (essay.findtext("graderinfo/text") or "")
    assert "Evidence" in (mc.findtext("generalfeedback/text") or "")
    # CDATA is used for HTML fields
    assert b"<![CDATA[<p>Which country joined" in xml


# --- Canvas QTI 1.2 ------------------------------------------------------------------------------------------

QTI_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "fill_blank": "short_answer_question",
    "short_answer": "short_answer_question",
    "matching": "matching_question",
    "ordering": "matching_question",
    "open": "essay_question",
}


def check_qti(data: bytes, quiz: Quiz) -> None:
    members = qti_members(data)
    resources = read_manifest(members["imsmanifest.xml"])
    qti = next(r for r in resources if r["type"] == "imsqti_xmlv1p2")
    meta = next(r for r in resources if r["identifier"] in qti["deps"])
    assert meta["type"] == "associatedcontent/imscc_xmlv1p1/learning-application-resource"
    for r in resources:
        for href in r["files"]:
            assert href in members, f"manifest names {href}, which is not in the zip"
    items = read_qti_items(members[qti["files"][0]])
    assert len(items) == len(quiz.questions)
    for item, q in zip(items, quiz.questions, strict=True):
        assert item["type"] == QTI_TYPES[q.type] and item["points"] == q.points
        assert item["prompt"].startswith(q.prompt)
        if q.type == "multiple_choice":
            assert item["choices"] == list(q.choices) and item["correct"] == [q.answer]
        elif q.type == "true_false":
            assert item["correct"] == [str(q.answer)]
        elif q.type in ("fill_blank", "short_answer"):
            assert item["accepted"] == list(dict.fromkeys([str(q.answer), *q.accepted_answers]))
        elif q.type == "matching":
            assert item["pairs"] == list(matching_rows(q)) and item["rights"] == list(master_options(q))
        elif q.type == "ordering":
            assert [r for _, r in item["pairs"]] == list(answer_items(q))
            assert item["rights"] == list(master_options(q))


def test_qti_zip_follows_canvas_conventions_and_parses_back_to_the_same_questions(job: Job) -> None:
    data = files_of(job, "qti")["qti/quiz-qti.zip"]
    check_qti(data, job.master)
    members = qti_members(data)
    meta = next(v for k, v in members.items() if k.endswith("assessment_meta.xml"))
    root = etree.fromstring(meta)
    ns = "{http://canvas.instructure.com/xsd/cccv1p0}"
    assert root.findtext(f"{ns}title") == job.master.title
    assert root.findtext(f"{ns}points_possible") == "10.0"


# --- HTML and Markdown ---------------------------------------------------------------------------------------


def test_html_pages_are_self_contained_and_show_every_question(job: Job) -> None:
    files = files_of(job, "html")
    assert set(files) == {f"html/{kind}-{v}.html" for kind in ("student", "key") for v in "AB"}
    for name, data in files.items():
        text = data.decode("utf-8")
        doc = lxml_html.fromstring(text)
        assert not doc.xpath("//script | //link | //img | //iframe"), "no external assets"
        assert "@media print" in text and "http" not in text.split("<body>")[0]
        body = squash(doc.text_content())
        assert "Version " + name[-6] in body
        for q in job.master.questions:
            assert squash(q.prompt) in body or name.startswith("html/key")


def test_markdown_renders_every_question_and_option_in_commonmark(job: Job) -> None:
    md = files_of(job, "md")["md/student-A.md"].decode("utf-8")
    text = squash(html_text(MarkdownIt("commonmark").render(md)))
    for q in job.master.questions:
        assert squash(q.prompt) in text
        for option in master_options(q):
            assert squash(option) in text


def test_the_format_registry_lists_every_module_and_each_has_a_render() -> None:
    assert list(FORMATS) == ["pdf", "html", "md", "docx", "moodle", "gift", "qti", "quizlet", "kahoot"]
    for name in FORMATS:
        assert callable(format_module(name).render)
    assert all(describe_formats().values())
