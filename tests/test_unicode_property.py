"""Property test: random Unicode (every category, controls and separators included) in every field that reaches
an output, through every output format and every feedback path; each output is read back by an independent
reader: Typst compiles (the PDFs exist), XML parses (Moodle) and validates (QTI against the IMS DTD and XSD),
GIFT parses with gift-pegjs, HTML and Markdown carry no live markup from the data, the notebook's markdown
neither."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

import lxml.html
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

from quizkit.grade import grade_files, write_outputs
from quizkit.lesson.notebook import build_quiz_notebook
from quizkit.model import Quiz, SourceInfo
from quizkit.quizfile import save_quiz
from quizkit.render import FORMATS
from quizkit.render.build import make_job, render_job
from tests.factories import make_quiz
from tests.render_readers import (
    moodle_gift_blocks,
    parse_gift,
    read_moodle,
    read_moodle_gift_ordering,
    validate_qti_package,
)

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">j</a>'
"""Markup that must never come out live; glued to every random string."""

# every Unicode category but surrogates (not encodable in UTF-8 at all, so no file can hold them)
_ANY = st.characters(exclude_categories=("Cs",))
_PICKY = st.sampled_from(
    ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\r", "\t"]
)
TEXT = st.lists(st.one_of(_ANY, _PICKY), min_size=0, max_size=24).map("".join)


def _field(random: str, tag: str) -> str:
    return f"{tag} {random}{HOSTILE}x"  # "x": a prompt must have a visible character


def _quiz(texts: list[str]) -> Quiz:
    t = iter(texts)
    base = make_quiz()
    questions = []
    for q in base.questions:
        changes: dict[str, object] = {"prompt": _field(next(t), "P"), "explanation": _field(next(t), "E")}
        if q.type == "multiple_choice":
            choices = tuple(_field(next(t), f"C{i}") for i in range(3))
            changes |= {"choices": choices, "answer": choices[1]}
        elif q.type in ("short_answer", "fill_blank"):
            changes |= {"answer": _field(next(t), "A"), "accepted_answers": (_field(next(t), "B"),)}
        elif q.type == "open":
            changes |= {"answer": (_field(next(t), "K1"), _field(next(t), "K2"))}
        elif q.type == "ordering":
            changes |= {"answer": tuple(_field(next(t), f"O{i}") for i in range(3))}
        elif q.type == "matching":
            changes |= {
                "answer": tuple((_field(next(t), f"L{i}"), _field(next(t), f"R{i}")) for i in range(3))
            }
        questions.append(replace(q, **changes))  # type: ignore[arg-type]
    source = SourceInfo(title=_field(next(t), "S"), publisher=_field(next(t), "Pub"), date="2025-11-07")
    return replace(base, title=_field(next(t), "T"), questions=tuple(questions), source=source)


def _no_live_markup(page: str, where: str) -> None:
    """No element or attribute that came from the data: no script, img, iframe, on* handler, javascript: link."""
    lowered = page.lower()
    assert "<script>alert" not in lowered and "<img src=x" not in lowered, where
    if not page.strip():
        return
    doc = lxml.html.fromstring(page)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in ("script", "img", "iframe"), (where, el.tag)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (where, name)
            assert not value.strip().lower().startswith("javascript:"), (where, value)


def _answers(texts: list[str], quiz: Quiz) -> str:
    t = iter(texts)
    entries = []
    for n in range(2):
        answers: dict[str, object] = {}
        for q in quiz.questions:
            if q.type == "true_false":
                answers[q.id] = bool(n)
            elif q.type in ("matching", "ordering"):
                answers[q.id] = [_field(next(t), "M")]
            else:
                answers[q.id] = _field(next(t), "Y")
        entries.append(
            {
                "format": "quizkit-answers",
                "version": 1,
                "student_id": _field(next(t), f"id{n}"),
                "name": _field(next(t), "N"),
                "answers": answers,
            }
        )
    return json.dumps(entries)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: one example takes seconds
)
@given(st.lists(TEXT, min_size=40, max_size=40), st.lists(TEXT, min_size=20, max_size=20), st.integers(0, 9))
def test_random_unicode_survives_every_format_and_feedback_path(
    quiz_texts: list[str], answer_texts: list[str], seed: int
) -> None:
    quiz = _quiz(quiz_texts)
    files = dict(render_job(make_job(quiz, 2, seed), list(FORMATS)).files)
    for name, data in files.items():
        if name.endswith(".pdf"):
            assert data.startswith(b"%PDF"), name
        elif name.endswith(".xml"):
            assert read_moodle(data), name
        elif name.endswith(".zip"):
            validate_qti_package(data)
        elif name.endswith(".gift"):  # ordering blocks by the port of Moodle's reader, the rest by gift-pegjs
            blocks = moodle_gift_blocks(data.decode("utf-8"))
            ordering = [b for b in blocks[1:] if read_moodle_gift_ordering(b) is not None]
            rest = [b for b in blocks[1:] if read_moodle_gift_ordering(b) is None]
            parsed = parse_gift("\n\n".join([blocks[0], *rest]))
            assert [p["type"] for p in parsed][:1] == ["Category"]
            assert len(parsed) - 1 + len(ordering) == len(quiz.questions)
        elif name.endswith(".html"):
            _no_live_markup(data.decode("utf-8"), name)
        elif name.endswith(".md"):
            _no_live_markup(MarkdownIt("commonmark").render(data.decode("utf-8")), name)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        save_quiz(quiz, root / "quiz.json")
        (root / "answers.json").write_text(_answers(answer_texts, quiz), encoding="utf-8")
        graded = grade_files(root / "quiz.json", [root / "answers.json"])
        assert graded.batch.rows_in == len(graded.results) + len(graded.batch.rejected) == 2
        out = root / "grades"
        out.mkdir()
        write_outputs(graded, out)
        pages = sorted((out / "feedback").iterdir())
        assert len([p for p in pages if p.suffix == ".pdf"]) == len(graded.results)
        for page in pages:
            if page.suffix == ".pdf":
                assert page.read_bytes().startswith(b"%PDF"), page.name
            else:
                _no_live_markup(page.read_text(encoding="utf-8"), page.name)
        _no_live_markup((out / "report.html").read_text(encoding="utf-8"), "report.html")
        for table in ("grades.csv", "answers.csv"):
            (out / table).read_text(encoding="utf-8")  # valid UTF-8
        nb = build_quiz_notebook(root / "quiz.json", notebook_dir=root)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        _no_live_markup(MarkdownIt("commonmark").render(markdown), "notebook")
    etree.clear_error_log()
