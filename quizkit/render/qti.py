"""Canvas QTI 1.2: a zip with ``imsmanifest.xml``, the assessment XML and Canvas's ``assessment_meta.xml``.

Follows the layout Canvas itself exports (and text2qti writes): one ``item`` per question with
``question_type`` / ``points_possible`` metadata, ``response_lid`` (choices) or ``response_str`` (typed
answers) and ``resprocessing`` that sets SCORE. Identifiers are hashes of the content, so the zip is
byte-identical for the same quiz. Ordering becomes matching (position -> item); the user is told.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from html import escape as html_escape

from lxml import etree

from quizkit.model import Question, Quiz
from quizkit.render.common import Job, Rendered, total_points, xml_chars
from quizkit.render.gift import feedback, ordinal
from quizkit.render.moodle import html_para
from quizkit.versions import answer_items, key_points, master_options, matching_rows

DESCRIPTION = "Canvas QTI 1.2 zip"

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "fill_blank": "short_answer_question",
    "short_answer": "short_answer_question",
    "matching": "matching_question",
    "ordering": "matching_question",
    "open": "essay_question",
}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def ident(*parts: str) -> str:
    """A stable identifier from content (Canvas-style 'g' + 32 hex digits)."""
    return "g" + hashlib.md5("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    """A child element, in its parent's namespace unless ``tag`` names its own."""
    if not tag.startswith("{") and str(parent.tag).startswith("{"):
        tag = str(parent.tag).split("}")[0] + "}" + tag
    el = etree.SubElement(parent, tag, {k: xml_chars(v) for k, v in attrib.items()})
    if text is not None:
        el.text = xml_chars(text)
    return el


def _material(parent: etree._Element, text: str, *, html: bool = True) -> None:
    mat = _el(parent, "material")
    if html:
        _el(mat, "mattext", html_para(text), texttype="text/html")
    else:
        _el(mat, "mattext", text, texttype="text/plain")


def _metadata(item: etree._Element, q: Question, qtype: str) -> None:
    meta = _el(_el(item, "itemmetadata"), "qtimetadata")
    for label, entry in (
        ("question_type", qtype),
        ("points_possible", f"{q.points:g}"),
        ("assessment_question_identifierref", ident("ref", q.id)),
    ):
        field = _el(meta, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _score(proc: etree._Element, respident: str, value: str, score: str, action: str = "Set") -> None:
    cond = _el(proc, "respcondition", **({"continue": "No"} if action == "Set" else {}))
    _el(_el(cond, "conditionvar"), "varequal", value, respident=respident)
    _el(cond, "setvar", score, action=action, varname="SCORE")


def label_ids(qid: str, texts: list[str]) -> dict[str, str]:
    """Numeric answer ids, unique within the question, as Canvas's own exports write them.

    Canvas's importer keeps only the first run of digits of an answer id as its number (``/(\\d+)/``), so
    "g3f…" and "g3a…" would be the same answer; four digits from the text's hash, bumped past any clash,
    keep the ids stable for the same quiz and unique inside the question.
    """
    out: dict[str, str] = {}
    taken: set[int] = set()
    for text in dict.fromkeys(texts):
        digest = hashlib.md5(f"{qid}\x1f{text}".encode(), usedforsecurity=False).digest()
        n = 1000 + int.from_bytes(digest[:4], "big") % 9000
        while n in taken:
            n = 1000 + (n - 999) % 9000
        taken.add(n)
        out[text] = str(n)
    return out


def _choices(
    pres: etree._Element, proc: etree._Element, q: Question, options: list[str], correct: str
) -> None:
    lid = _el(pres, "response_lid", ident="response1", rcardinality="Single")
    render = _el(lid, "render_choice")
    ids = label_ids(q.id, options)
    for opt in options:
        label = _el(render, "response_label", ident=ids[opt])
        _material(label, opt)
    _score(proc, "response1", ids[correct], "100")


def _pairs(q: Question) -> tuple[list[tuple[str, str]], list[str]]:
    """(left, right) rows and all right-hand options (incl. distractors) for matching/ordering."""
    if q.type == "ordering":
        rows = [(ordinal(i), str(item)) for i, item in enumerate(answer_items(q), 1)]
        return rows, list(master_options(q))  # the items listed in the display order, not the key's
    return list(matching_rows(q)), list(master_options(q))


def _matching(pres: etree._Element, proc: etree._Element, q: Question) -> None:
    rows, rights = _pairs(q)
    share = f"{100 / len(rows):.2f}"
    ids = label_ids(q.id, rights)
    row_ids = label_ids(q.id + "\x1frows", [str(i) for i in range(len(rows))])
    for i, (left, right) in enumerate(rows):
        respident = f"response_{row_ids[str(i)]}"
        lid = _el(pres, "response_lid", ident=respident)
        _material(lid, left, html=False)
        render = _el(lid, "render_choice")
        for r in rights:
            label = _el(render, "response_label", ident=ids[r])
            _material(label, r, html=False)
        _score(proc, respident, ids[right], share, action="Add")


def _general_feedback(item: etree._Element, proc: etree._Element, q: Question) -> None:
    """Feedback shown after any answer: explanation, evidence, sources (and key points for essays)."""
    fb = feedback(q)
    if q.type == "open":
        fb = (key_points(q) + " " + fb).strip()
    if not fb:
        return
    cond = _el(proc, "respcondition", **{"continue": "Yes"})
    _el(_el(cond, "conditionvar"), "other")
    _el(cond, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    flow = _el(_el(item, "itemfeedback", ident="general_fb"), "flow_mat")
    _material(flow, fb)


def _item(section: etree._Element, q: Question, number: int) -> list[str]:
    qtype = TYPES[q.type]
    item = _el(section, "item", ident=ident("item", q.id), title=f"{number:02d} {q.id}")
    _metadata(item, q, qtype)
    pres = _el(item, "presentation")
    prompt = q.prompt
    if q.type == "ordering":
        prompt += " (Match each position, 1st to last, to the item that belongs there.)"
    _material(pres, prompt)
    proc = _el(item, "resprocessing")
    _el(_el(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    _general_feedback(item, proc, q)  # first: a scoring condition with continue="No" ends processing
    warnings: list[str] = []
    if q.type == "multiple_choice":
        _choices(pres, proc, q, list(q.choices), str(q.answer))
    elif q.type == "true_false":
        _choices(pres, proc, q, ["True", "False"], "True" if q.answer else "False")
    elif q.type in ("fill_blank", "short_answer"):
        resp = _el(pres, "response_str", ident="response1", rcardinality="Single")
        _el(_el(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        cond = _el(proc, "respcondition", **{"continue": "No"})
        var = _el(cond, "conditionvar")
        for a in dict.fromkeys([str(q.answer), *q.accepted_answers]):
            if a.strip():
                _el(var, "varequal", a, respident="response1")
        _el(cond, "setvar", "100", action="Set", varname="SCORE")
    elif q.type in ("matching", "ordering"):
        _matching(pres, proc, q)
        if q.type == "ordering":
            warnings.append(f"question {q.id}: Canvas QTI has no ordering type; exported as matching")
    else:
        resp = _el(pres, "response_str", ident="response1", rcardinality="Single")
        _el(_el(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        _el(_el(_el(proc, "respcondition", **{"continue": "No"}), "conditionvar"), "other")
    return warnings


def assessment_xml(quiz: Quiz, aid: str) -> tuple[bytes, list[str]]:
    root = etree.Element(f"{{{QTI_NS}}}questestinterop", nsmap={None: QTI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    assessment = _el(root, f"{{{QTI_NS}}}assessment", ident=aid, title=quiz.title or "Quiz")
    meta = _el(assessment, "qtimetadata")
    field = _el(meta, "qtimetadatafield")
    _el(field, "fieldlabel", "cc_maxattempts")
    _el(field, "fieldentry", "1")
    section = _el(assessment, "section", ident="root_section")
    warnings: list[str] = []
    for i, q in enumerate(quiz.questions, 1):
        warnings += _item(section, q, i)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, warnings


def assessment_meta_xml(quiz: Quiz, aid: str) -> bytes:
    """Canvas's quiz settings file (title, description, points; unpublished)."""
    root = etree.Element(f"{{{CANVAS_NS}}}quiz", nsmap={None: CANVAS_NS, "xsi": XSI_NS}, identifier=aid)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd")
    src = quiz.source
    description = html_escape(" · ".join(x for x in (src.title, src.publisher, src.date) if x))
    points = f"{total_points(quiz):.1f}"
    for tag, text in (
        ("title", quiz.title or "Quiz"),
        ("description", f"<p>{description}</p>" if description else ""),
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", points),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "1"),
        ("available", "false"),
    ):
        _el(root, f"{{{CANVAS_NS}}}{tag}", text)
    assignment = _el(root, f"{{{CANVAS_NS}}}assignment", identifier=ident("assignment", aid))
    for tag, text in (
        ("title", quiz.title or "Quiz"),
        ("workflow_state", "unpublished"),
        ("quiz_identifierref", aid),
        ("points_possible", points),
        ("grading_type", "points"),
        ("submission_types", "online_quiz"),
    ):
        _el(assignment, f"{{{CANVAS_NS}}}{tag}", text)
    _el(root, f"{{{CANVAS_NS}}}assignment_group_identifierref", ident("group", aid))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def manifest_xml(quiz: Quiz, aid: str, dep: str) -> bytes:
    m = f"{{{CP_NS}}}"
    md = f"{{{IMSMD_NS}}}"
    root = etree.Element(
        f"{m}manifest", nsmap={None: CP_NS, "imsmd": IMSMD_NS}, identifier=ident("manifest", aid)
    )
    meta = _el(root, f"{m}metadata")
    _el(meta, f"{m}schema", "IMS Content")
    _el(meta, f"{m}schemaversion", "1.1.3")
    title = _el(_el(_el(meta, f"{md}lom"), f"{md}general"), f"{md}title")
    _el(title, f"{md}string", f"QTI export of {quiz.title or 'Quiz'} (quizkit)")
    _el(root, f"{m}organizations")
    resources = _el(root, f"{m}resources")
    res = _el(resources, f"{m}resource", identifier=aid, type="imsqti_xmlv1p2")
    _el(res, f"{m}file", href=f"{aid}/{aid}.xml")
    _el(res, f"{m}dependency", identifierref=dep)
    meta_res = _el(
        resources,
        f"{m}resource",
        identifier=dep,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{aid}/assessment_meta.xml",
    )
    _el(meta_res, f"{m}file", href=f"{aid}/assessment_meta.xml")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def quiz_zip(quiz: Quiz) -> tuple[bytes, list[str]]:
    """The importable zip (bytes) and warnings."""
    aid = ident("assessment", quiz.title, *(q.id for q in quiz.questions))
    dep = ident("meta", aid)
    assessment, warnings = assessment_xml(quiz, aid)
    members = (
        ("imsmanifest.xml", manifest_xml(quiz, aid, dep)),
        (f"{aid}/{aid}.xml", assessment),
        (f"{aid}/assessment_meta.xml", assessment_meta_xml(quiz, aid)),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue(), warnings


def render(job: Job) -> Rendered:
    data, warnings = quiz_zip(job.master)
    return Rendered((("qti/quiz-qti.zip", data),), tuple(warnings))
