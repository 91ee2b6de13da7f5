"""Moodle XML for the master quiz: multichoice, truefalse, shortanswer, matching, essay.

Built with lxml (it escapes text and writes CDATA). HTML fields hold ``html.escape``-d text inside CDATA, so
"]]>" can never occur there; plain fields (short answers, matching answers) are ordinary escaped XML text.
Ordering has no core Moodle type: it becomes matching (position -> item) and the user is told.
"""

from __future__ import annotations

from html import escape as html_escape

from lxml import etree

from quizkit.model import Question, Quiz
from quizkit.render.common import Job, Rendered, xml_chars
from quizkit.render.gift import ordinal
from quizkit.versions import answer_items, master_options, matching_rows

DESCRIPTION = "Moodle XML question bank"

TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "fill_blank": "shortanswer",
    "short_answer": "shortanswer",
    "matching": "matching",
    "ordering": "matching",
    "open": "essay",
}


def html_para(text: str) -> str:
    """Plain text as one escaped HTML paragraph (line breaks kept)."""
    return "<p>" + html_escape(text).replace("\n", "<br>") + "</p>"


def shortanswer_text(text: str) -> str:
    """Moodle's short answers treat ``*`` as a wildcard; ``\\*`` is a literal asterisk."""
    return text.replace("*", "\\*")


def _text(parent: etree._Element, tag: str, value: str, *, html: bool, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrib)
    t = etree.SubElement(el, "text")
    value = xml_chars(value)
    t.text = etree.CDATA(html_para(value)) if html and value else value
    return el


def _sub(parent: etree._Element, tag: str, value: str) -> None:
    etree.SubElement(parent, tag).text = xml_chars(value)


def feedback_html(q: Question) -> str:
    parts = [html_para(q.explanation)] if q.explanation else []
    if q.evidence:
        parts.append(f"<p><b>Evidence:</b> “{html_escape(q.evidence.text)}”</p>")
    for s in q.sources:
        url = html_escape(s.url, quote=True)
        parts.append(
            f'<p><b>Source:</b> <a href="{url}">{html_escape(s.url)}</a> (as of {html_escape(s.as_of)})</p>'
        )
    return "".join(parts)


def _answer(parent: etree._Element, text: str, fraction: int, *, html: bool) -> None:
    attrib = {"fraction": str(fraction), "format": "html" if html else "moodle_auto_format"}
    ans = _text(parent, "answer", text, html=html, **attrib)
    _text(ans, "feedback", "", html=False, format="html")


def _head(quiz_el: etree._Element, q: Question, number: int) -> etree._Element:
    el = etree.SubElement(quiz_el, "question", type=TYPES[q.type])
    _text(el, "name", f"{number:02d} {q.id}", html=False)
    prompt = q.prompt
    if q.type == "ordering":
        prompt += " (Match each position, 1st to last, to the item that belongs there.)"
    _text(el, "questiontext", prompt, html=True, format="html")
    fb = etree.SubElement(el, "generalfeedback", format="html")
    general = xml_chars(feedback_html(q))
    etree.SubElement(fb, "text").text = etree.CDATA(general) if general else ""
    _sub(el, "defaultgrade", f"{q.points:.7f}")
    _sub(el, "penalty", "1.0000000" if q.type == "true_false" else "0.3333333")
    _sub(el, "hidden", "0")
    _sub(el, "idnumber", q.id)
    return el


def _body(el: etree._Element, q: Question) -> list[str]:
    warnings: list[str] = []
    if q.type == "multiple_choice":
        _sub(el, "single", "true")
        _sub(el, "shuffleanswers", "true")
        _sub(el, "answernumbering", "ABCD")
        for c in q.choices:
            _answer(el, c, 100 if c == q.answer else 0, html=True)
    elif q.type == "true_false":
        _answer(el, "true", 100 if q.answer else 0, html=False)
        _answer(el, "false", 0 if q.answer else 100, html=False)
    elif q.type in ("fill_blank", "short_answer"):
        _sub(el, "usecase", "0")
        for a in dict.fromkeys([str(q.answer), *q.accepted_answers]):
            if a.strip():
                _answer(el, shortanswer_text(a), 100, html=False)
    elif q.type in ("matching", "ordering"):
        _sub(el, "shuffleanswers", "true")
        if q.type == "matching":
            pairs = list(matching_rows(q))
            pairs += [("", extra) for extra in master_options(q) if extra not in {r for _, r in pairs}]
        else:
            pairs = [(ordinal(i), str(item)) for i, item in enumerate(answer_items(q), 1)]
            warnings.append(f"question {q.id}: Moodle has no core ordering type; exported as matching")
        for left, right in pairs:
            sub = _text(el, "subquestion", left, html=True, format="html")
            ans = etree.SubElement(sub, "answer")
            etree.SubElement(ans, "text").text = xml_chars(right)
        if len({r for _, r in pairs}) < 3:
            warnings.append(
                f"question {q.id}: Moodle's matching editor wants 3 or more answers; add a distractor"
            )
    else:
        _sub(el, "responseformat", "editor")
        _sub(el, "responserequired", "1")
        _sub(el, "responsefieldlines", str(max(5, round(4 * q.points))))
        _sub(el, "attachments", "0")
        _sub(el, "attachmentsrequired", "0")
        keys = q.answer if isinstance(q.answer, tuple) else (str(q.answer),)
        info = (
            "<p><b>Key points:</b></p><ul>"
            + "".join(f"<li>{html_escape(str(k))}</li>" for k in keys)
            + "</ul>"
        )
        grader = etree.SubElement(el, "graderinfo", format="html")
        etree.SubElement(grader, "text").text = etree.CDATA(xml_chars(info))
        _text(el, "responsetemplate", "", html=False, format="html")
    return warnings


def quiz_xml(quiz: Quiz) -> tuple[bytes, list[str]]:
    """The whole quiz as Moodle XML bytes (UTF-8), with a category for the quiz title."""
    root = etree.Element("quiz")
    root.append(etree.Comment(" exported by quizkit "))
    cat = etree.SubElement(root, "question", type="category")
    _text(cat, "category", f"$course$/top/{(quiz.title or 'Quiz').replace('/', '-')}", html=False)
    warnings: list[str] = []
    for i, q in enumerate(quiz.questions, 1):
        warnings += _body(_head(root, q, i), q)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, warnings


def render(job: Job) -> Rendered:
    data, warnings = quiz_xml(job.master)
    return Rendered((("moodle/quiz.xml", data),), tuple(warnings))
