"""Moodle XML for the master quiz: multichoice, truefalse, shortanswer, matching, ordering, essay.

Built with lxml (it escapes text and writes CDATA). HTML fields hold ``html.escape``-d text inside CDATA, so
"]]>" can never occur there; plain fields (short answers, matching answers) are ordinary escaped XML text.
Ordering uses Moodle's core ordering type (Moodle 4.4 and later; all items shown, pairwise partial credit
like quizkit's grader); ``ordering_as_matching`` writes it as matching (position -> item) for older Moodles.
Names read "03 Which country joined…"; Bloom level, difficulty and the question's tags become Moodle tags.
"""

from __future__ import annotations

from html import escape as html_escape

from lxml import etree

from quizkit.model import Question, Quiz
from quizkit.render.common import Job, Rendered, category_path, question_name, web_link, xml_chars
from quizkit.render.gift import ordinal
from quizkit.versions import answer_items, master_options, matching_rows

DESCRIPTION = "Moodle XML question bank"

TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "fill_blank": "shortanswer",
    "short_answer": "shortanswer",
    "matching": "matching",
    "ordering": "ordering",
    "open": "essay",
}

ESSAY_LINES = tuple(range(5, 45, 5))
"""The essay box heights Moodle's question form offers (5 to 40 lines in steps of 5)."""


def essay_lines(points: float) -> int:
    """Box height for an open question, scaled by points, snapped to what Moodle's form offers."""
    want = 4 * points
    return min(ESSAY_LINES, key=lambda n: (abs(n - want), n))


def moodle_tags(q: Question) -> list[str]:
    return [*q.tags, f"bloom-{q.bloom}", f"difficulty-{q.difficulty:.2f}", f"type-{q.type}"]


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
        shown = html_escape(s.url)
        if web_link(s.url):
            shown = f'<a href="{html_escape(s.url.strip(), quote=True)}">{shown}</a>'
        parts.append(f"<p><b>Source:</b> {shown} (as of {html_escape(s.as_of)})</p>")
    return "".join(parts)


def _answer(parent: etree._Element, text: str, fraction: int, *, html: bool) -> None:
    attrib = {"fraction": str(fraction), "format": "html" if html else "moodle_auto_format"}
    ans = _text(parent, "answer", text, html=html, **attrib)
    _text(ans, "feedback", "", html=False, format="html")


def _head(quiz_el: etree._Element, q: Question, number: int, as_matching: bool) -> etree._Element:
    kind = "matching" if q.type == "ordering" and as_matching else TYPES[q.type]
    el = etree.SubElement(quiz_el, "question", type=kind)
    _text(el, "name", question_name(q, number), html=False)
    prompt = q.prompt
    if q.type == "ordering" and as_matching:
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


def _tags(el: etree._Element, q: Question) -> None:
    tags = etree.SubElement(el, "tags")
    for tag in dict.fromkeys(moodle_tags(q)):
        etree.SubElement(etree.SubElement(tags, "tag"), "text").text = xml_chars(tag)


def _ordering(el: etree._Element, q: Question) -> None:
    """Moodle's ordering type: items in the right order (Moodle shuffles them for each student)."""
    items = answer_items(q)
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", str(len(items))),
        ("gradingtype", "RELATIVE_ALL_PREVIOUS_AND_NEXT"),  # every pair in the right order, as quizkit grades
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _sub(el, tag, value)
    for position, item in enumerate(items, 1):  # Moodle's own export numbers them 1, 2, … in "fraction"
        _answer(el, item, position, html=True)


def _body(el: etree._Element, q: Question, as_matching: bool) -> list[str]:
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
    elif q.type == "ordering" and not as_matching:
        _ordering(el, q)
    elif q.type in ("matching", "ordering"):
        _sub(el, "shuffleanswers", "true")
        if q.type == "matching":
            pairs = list(matching_rows(q))
            pairs += [("", extra) for extra in master_options(q) if extra not in {r for _, r in pairs}]
        else:
            pairs = [(ordinal(i), str(item)) for i, item in enumerate(answer_items(q), 1)]
            warnings.append(
                f"question {q.id}: ordering exported as matching, as asked (for Moodle before 4.4)"
            )
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
        _sub(el, "responsefieldlines", str(essay_lines(q.points)))
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


def quiz_xml(quiz: Quiz, *, ordering_as_matching: bool = False) -> tuple[bytes, list[str]]:
    """The whole quiz as Moodle XML bytes (UTF-8), with a category for the quiz title."""
    root = etree.Element("quiz")
    root.append(etree.Comment(" exported by quizkit "))
    cat = etree.SubElement(root, "question", type="category")
    _text(cat, "category", category_path(quiz), html=False)
    warnings: list[str] = []
    for i, q in enumerate(quiz.questions, 1):
        el = _head(root, q, i, ordering_as_matching)
        warnings += _body(el, q, ordering_as_matching)
        _tags(el, q)
    if any(q.type == "ordering" for q in quiz.questions) and not ordering_as_matching:
        warnings.append(
            "ordering questions use Moodle's ordering type (Moodle 4.4 or later); "
            "for an older Moodle render with --ordering-as-matching"
        )
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, warnings


def render(job: Job) -> Rendered:
    data, warnings = quiz_xml(job.master, ordering_as_matching=job.ordering_as_matching)
    return Rendered((("moodle/quiz.xml", data),), tuple(warnings))
