"""Markdown (CommonMark): a student copy and a key per version, and a teacher edition in master order.

``escape`` backslash-escapes CommonMark's specials so any text prints literally, wherever it sits.
"""

from __future__ import annotations

import re

from quizkit.model import TYPE_LABELS, Quiz
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
from quizkit.versions import identity_version, key_string, option_letter, version_label

# Inline specials (emphasis, code, links, HTML, entities, GFM strikethrough/tables, headings' closing #).
_INLINE = re.compile(r"([\\`*_\[\]<>&#~|])")
# What would start a block if the text began a line: list markers, quotes, setext/thematic lines.
_LEAD = re.compile(r"^([-+=>])|^(\d+)([.)])")
_SPACES = re.compile(r"\s+")


DESCRIPTION = "Markdown: student copy and key per version; teacher edition"


def escape(text: str) -> str:
    """Text that renders literally as inline CommonMark, also when it begins a line or list item."""
    flat = _SPACES.sub(" ", text).strip()  # no newlines: nothing can start a block inside our lines
    inline = _INLINE.sub(r"\\\1", flat)
    return _LEAD.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", inline)


def _options(p: Printed) -> list[str]:
    return [f"    - **{option_letter(i)}.** {escape(o)}" for i, o in enumerate(p.options)]


def _question(p: Printed) -> list[str]:
    q = p.question
    lines = [f"{p.number}. {escape(q.prompt)} *({escape(p.points_label)})*  ", f"    *{escape(p.hint)}*", ""]
    if q.type == "multiple_choice":
        lines += _options(p)
    elif q.type == "true_false":
        lines += ["    - **T.** True", "    - **F.** False"]
    elif q.type == "matching":
        lines += [f"    - {i}\\. {escape(left)} → \\_\\_\\_" for i, left in enumerate(p.rows, 1)]
        lines += ["", "    Choose from:", "", *_options(p)]
    elif q.type == "ordering":
        lines += [*_options(p), "", "    Order: " + " → ".join(["\\_\\_\\_"] * len(p.options))]
    else:
        for _ in range(max(1, min(p.answer_lines, 6))):
            lines += ["    " + "\\_" * 40, ""]
    return [*lines, ""]


def _head(quiz: Quiz, heading: str, letter: str) -> list[str]:
    src = source_line(quiz.source)
    sub = f"{heading} — Version {letter}" if letter else heading
    return [f"# {escape(quiz.title or 'Quiz')}", "", f"**{escape(sub)}**", ""] + (
        [f"*{escape(src)}*", ""] if src else []
    )


def student_md(job: Job, index: int) -> str:
    letter = version_label(job.vmap.versions[index])  # e.g. B·7F3K
    lines = _head(job.master, "Student copy", letter)
    lines += ["Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ Class: \\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_\\_\\_", ""]
    lines += [f"## Instructions (total: {escape(points_label(total_points(job.master)))})", ""]
    lines += [f"- {escape(i)}" for i in INSTRUCTIONS] + ["", "## Questions", ""]
    for p in printed(job.versions[index]):
        lines += _question(p)
    return "\n".join(lines).rstrip() + "\n"


def key_md(job: Job, index: int) -> str:
    letter = version_label(job.vmap.versions[index])  # e.g. B·7F3K
    lines = _head(job.master, "Answer key", letter)
    for p in printed(job.versions[index]):
        key = key_string(p.key) if p.question.type != "open" else "—"
        lines.append(f"{p.number}. **{escape(key)}** — {escape(p.key_text)} *({escape(p.points_label)})*")
    return "\n".join(lines).rstrip() + "\n"


def teacher_md(job: Job) -> str:
    lines = _head(job.master, "Teacher edition", "")
    _, master_view = identity_version(job.master)
    for q, p in zip(job.master.questions, printed(master_view), strict=True):
        lines.append(
            f"{p.number}. **{escape(q.prompt)}** *({escape(TYPE_LABELS[q.type])}, {escape(p.points_label)})*"
        )
        lines += [f"    - {option_letter(i)}. {escape(o)}" for i, o in enumerate(p.options)]
        facts = [("Answer", p.key_text), ("Explanation", q.explanation)]
        facts.append(("Evidence", f"“{q.evidence.text}”" if q.evidence else ""))
        facts += [("Source", f"{s.url} (as of {s.as_of})") for s in q.sources]
        facts += [("Bloom", q.bloom), ("Difficulty", f"{q.difficulty:.2f}"), ("ID", q.id)]
        lines += ["", *[f"    - *{name}:* {escape(value)}" for name, value in facts if value], ""]
    return "\n".join(lines).rstrip() + "\n"


def render(job: Job) -> Rendered:
    files: list[tuple[str, bytes]] = []
    for i, v in enumerate(job.vmap.versions):
        files.append((f"md/student-{v.letter}.md", student_md(job, i).encode("utf-8")))
        files.append((f"md/key-{v.letter}.md", key_md(job, i).encode("utf-8")))
    files.append(("md/teacher-edition.md", teacher_md(job).encode("utf-8")))
    return Rendered(tuple(files))
