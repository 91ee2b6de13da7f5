"""Word (.docx, python-docx): per version a student copy and an answer key a teacher can edit.

The pages follow the printed copy: title, source line, name/class/date, instructions, then each question with
its points, options A–D, True/False, writing lines, matching and ordering boxes. Styles are Word's own
(Title, Heading, List Number), so the teacher's edits keep the look.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from quizkit.render.common import (
    INSTRUCTIONS,
    Job,
    Printed,
    Rendered,
    points_label,
    printed,
    source_line,
    total_points,
)
from quizkit.render.office import clean, fixed_zip
from quizkit.versions import key_string, option_letter

DESCRIPTION = "Word (.docx): student copy and key per version, to edit"

LINE = "_" * 60
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _document(title: str) -> Any:
    from docx import Document  # python-docx, only when this format is asked for
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = clean(title), "quizkit", "quizkit"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    return doc


def _save(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue())


def _head(doc: Any, job: Job, heading: str, letter: str) -> None:
    doc.add_heading(clean(job.master.title or "Quiz"), level=0)
    doc.add_paragraph(clean(f"{heading} — Version {letter}"))
    src = source_line(job.master.source)
    if src:
        doc.add_paragraph().add_run(clean(src)).italic = True


def _question(doc: Any, p: Printed) -> None:
    q = p.question
    para = doc.add_paragraph()
    para.paragraph_format.keep_with_next = True
    para.add_run(f"{p.number}. ").bold = True
    para.add_run(clean(q.prompt))
    para.add_run(f"  ({p.points_label})").italic = True
    hint = doc.add_paragraph()
    hint.paragraph_format.keep_with_next = True
    hint.add_run(p.hint).italic = True
    if q.type in ("multiple_choice", "ordering"):
        for i, option in enumerate(p.options):
            doc.add_paragraph(clean(f"{option_letter(i)}. {option}")).paragraph_format.left_indent = 360000
        if q.type == "ordering":
            doc.add_paragraph("Order: " + " → ".join(["____"] * len(p.options)))
    elif q.type == "true_false":
        doc.add_paragraph("T  True          F  False").paragraph_format.left_indent = 360000
    elif q.type == "matching":
        table = doc.add_table(rows=max(len(p.rows), len(p.options)), cols=3)
        for i, left in enumerate(p.rows):
            table.cell(i, 0).text = "____"
            table.cell(i, 1).text = clean(f"{i + 1}. {left}")
        for i, option in enumerate(p.options):
            table.cell(i, 2).text = clean(f"{option_letter(i)}. {option}")
    else:
        for _ in range(max(1, min(p.answer_lines, 10))):
            doc.add_paragraph(LINE)


def student_docx(job: Job, index: int) -> bytes:
    letter = job.vmap.versions[index].letter
    doc = _document(job.master.title or "Quiz")
    _head(doc, job, "Student copy", letter)
    doc.add_paragraph("Name: ____________________   Class: ________   Date: __________")
    doc.add_heading(f"Instructions (total: {points_label(total_points(job.master))})", level=2)
    for line in INSTRUCTIONS:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Questions", level=2)
    for p in printed(job.versions[index]):
        _question(doc, p)
    return _save(doc)


def key_docx(job: Job, index: int) -> bytes:
    letter = job.vmap.versions[index].letter
    doc = _document(job.master.title or "Quiz")
    _head(doc, job, "Answer key", letter)
    rows = printed(job.versions[index])
    table = doc.add_table(rows=len(rows) + 1, cols=4)
    table.style = "Table Grid"
    for col, name in enumerate(("No.", "Key", "Answer", "Points")):
        table.cell(0, col).text = name
    for r, p in enumerate(rows, 1):
        key = key_string(p.key) if p.question.type != "open" else "—"
        for col, text in enumerate((str(p.number), key, p.key_text, p.points_label)):
            table.cell(r, col).text = clean(text)
    return _save(doc)


def render(job: Job) -> Rendered:
    files: list[tuple[str, bytes]] = []
    for i, v in enumerate(job.vmap.versions):
        files.append((f"docx/student-{v.letter}.docx", student_docx(job, i)))
        files.append((f"docx/key-{v.letter}.docx", key_docx(job, i)))
    return Rendered(tuple(files))
