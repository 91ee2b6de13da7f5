"""HTML: one self-contained page per version (inline CSS, print CSS, no external assets) and its key.

Every piece of quiz text goes through ``html.escape``; nothing else is ever inserted.
"""

from __future__ import annotations

from html import escape

from quizkit.model import TYPE_LABELS
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
from quizkit.versions import key_string, option_letter, version_label

DESCRIPTION = "HTML: one self-contained page per version and its key"

PAGE_SIZES = {"a4": "A4", "us-letter": "letter"}

CSS = """
:root { --ink: #232323; --soft: #8a8a8a; --size: SIZEpt; }
* { box-sizing: border-box; }
body { font-family: "Libertinus Serif", Georgia, "Times New Roman", serif; font-size: var(--size);
       color: var(--ink); max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
header.run { display: flex; justify-content: space-between; color: var(--soft); font-size: .8em;
             border-bottom: 1px solid #ccc; margin-bottom: 1em; }
header.run b { color: var(--ink); }
h1 { font-size: 1.6em; margin: .2em 0; }
.source { font-style: italic; font-size: .85em; margin: 0 0 1em; }
.fields { display: grid; grid-template-columns: 2.2fr 1fr 1.2fr; gap: 1.2em; margin: 1em 0; }
.fields span { display: flex; gap: .4em; } .fields i { flex: 1; border-bottom: 1px solid var(--ink); }
.instructions { border: 1px solid #ccc; background: #f6f6f6; border-radius: 3px; padding: .6em .9em; }
.instructions ul { margin: .3em 0; font-size: .9em; }
ol.questions { padding-left: 0; list-style: none; }
li.q { margin: 1.2em 0; break-inside: avoid; }
.q .head { display: flex; gap: .5em; } .q .head .prompt { flex: 1; }
.q .pts, .q .hint { color: var(--soft); font-size: .85em; } .q .hint { font-style: italic; display: block; }
.opts { list-style: none; padding-left: 1.6em; margin: .4em 0; }
.opts li { margin: .3em 0; }
.bubble { display: inline-block; width: 1.35em; height: 1.35em; border: 1px solid var(--ink); border-radius: 50%;
          text-align: center; font-size: .75em; line-height: 1.3em; margin-right: .5em; }
.line { border-bottom: 1px solid #bbb; height: 1.6em; margin-left: 1.6em; }
.box { border: 1px solid var(--ink); margin: .5em 0 0 1.6em; }
.wbox { display: inline-block; width: 2.2em; height: 1.5em; border: 1px solid var(--ink); vertical-align: middle; }
.match { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; margin-left: 1.6em; }
.match div p { margin: .45em 0; }
table.key { border-collapse: collapse; width: 100%; } table.key td, table.key th { text-align: left;
  border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; }
footer { color: var(--soft); font-size: .8em; margin-top: 2em; }
@page { size: PAGE; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; }
  header.run { position: fixed; top: -1.4cm; left: 0; right: 0; }
  .instructions { background: none; }
}
"""


def _page(job: Job, title: str, letter: str, heading: str, body: str) -> str:
    quiz = job.master
    css = CSS.replace("SIZE", "16" if job.large_print else "11").replace("PAGE", PAGE_SIZES[job.paper])
    src = source_line(quiz.source)
    version = f"<b>Version {escape(letter)}</b>" if letter else escape(heading)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
        f"<style>{css}</style>\n</head>\n<body>\n"
        f'<header class="run"><span>{escape(quiz.title)}</span><span>{version}</span></header>\n'
        f"<h1>{escape(quiz.title or 'Quiz')}</h1>\n"
        + (f'<p class="source">{escape(src)}</p>\n' if src else "")
        + body
        + f"<footer>{escape(heading)}{' · Version ' + escape(letter) if letter else ''}</footer>\n"
        "</body>\n</html>\n"
    )


def _fields() -> str:
    spans = "".join(f"<span><b>{f}:</b><i></i></span>" for f in ("Name", "Class", "Date"))
    return f'<div class="fields">{spans}</div>\n'


def _instructions(job: Job) -> str:
    items = "".join(f"<li>{escape(i)}</li>" for i in INSTRUCTIONS)
    total = escape(points_label(total_points(job.master)))
    return f'<div class="instructions"><b>Instructions</b> — total: {total}<ul>{items}</ul></div>\n'


def _body(p: Printed) -> str:
    q = p.question
    lettered = [(option_letter(i), escape(o)) for i, o in enumerate(p.options)]
    if q.type == "multiple_choice":
        items = "".join(f'<li><span class="bubble">{ltr}</span>{text}</li>' for ltr, text in lettered)
        return f'<ul class="opts">{items}</ul>'
    if q.type == "true_false":
        return '<ul class="opts"><li><span class="bubble">T</span>True <span class="bubble">F</span>False</li></ul>'
    if q.type == "matching":
        left = "".join(f'<p><span class="wbox"></span> {i}. {escape(r)}</p>' for i, r in enumerate(p.rows, 1))
        right = "".join(f"<p><b>{ltr}.</b> {text}</p>" for ltr, text in lettered)
        return f'<div class="match"><div>{left}</div><div>{right}</div></div>'
    if q.type == "ordering":
        items = "".join(f"<li><b>{ltr}.</b> {text}</li>" for ltr, text in lettered)
        boxes = " → ".join('<span class="wbox"></span>' for _ in lettered)
        return f'<ul class="opts">{items}</ul><p style="margin-left:1.6em">Order: {boxes}</p>'
    if q.type == "open":
        return f'<div class="box" style="height:{2.0 + 1.6 * q.points:.1f}cm"></div>'
    return '<div class="line"></div>' * p.answer_lines


def _question(p: Printed) -> str:
    return (
        f'<li class="q" id="q{p.number}"><div class="head"><b>{p.number}.</b>'
        f'<span class="prompt">{escape(p.question.prompt)}<span class="hint">{escape(p.hint)}</span></span>'
        f'<span class="pts">({escape(p.points_label)})</span></div>{_body(p)}</li>\n'
    )


def student_page(job: Job, index: int) -> str:
    letter = version_label(job.vmap.versions[index])  # e.g. B·7F3K
    questions = "".join(_question(p) for p in printed(job.versions[index]))
    body = _fields() + _instructions(job) + f'<ol class="questions">\n{questions}</ol>\n'
    return _page(job, f"{job.master.title} — Version {letter}", letter, "Student copy", body)


def key_page(job: Job, index: int) -> str:
    letter = version_label(job.vmap.versions[index])  # e.g. B·7F3K
    rows = "".join(
        f"<tr><td>{p.number}</td><td>{escape(TYPE_LABELS[p.question.type])}</td>"
        f"<td><b>{escape(key_string(p.key)) if p.question.type != 'open' else '—'}</b></td>"
        f"<td>{escape(p.key_text)}</td><td>{escape(p.points_label)}</td></tr>\n"
        for p in printed(job.versions[index])
    )
    table = (
        '<table class="key"><thead><tr><th>No.</th><th>Type</th><th>Key</th><th>Answer</th><th>Points</th>'
        f"</tr></thead><tbody>\n{rows}</tbody></table>\n"
    )
    return _page(job, f"{job.master.title} — Key {letter}", letter, "Answer key", table)


def render(job: Job) -> Rendered:
    files: list[tuple[str, bytes]] = []
    for i, v in enumerate(job.vmap.versions):
        files.append((f"html/student-{v.letter}.html", student_page(job, i).encode("utf-8")))
        files.append((f"html/key-{v.letter}.html", key_page(job, i).encode("utf-8")))
    return Rendered(tuple(files))
