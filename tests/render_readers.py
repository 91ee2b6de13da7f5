"""Independent readers for the render tests: gift-pegjs (node), QTI and Moodle XML parsed back with lxml."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from tests.independent import unavailable

JS_DIR = Path(__file__).parent / "js"
GIFT_SCRIPT = JS_DIR / "gift_parse.js"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def need_gift_parser() -> None:
    """Skip (with the reason) when node or the npm packages are missing; fail under QUIZKIT_REQUIRE_INDEPENDENT."""
    if shutil.which("node") is None:
        unavailable("node is not installed: the GIFT files cannot be checked with gift-pegjs")
    if not (JS_DIR / "node_modules" / "gift-pegjs").is_dir():
        unavailable("gift-pegjs is not installed: run `make setup` (npm --prefix tests/js ci)")


def parse_gift(text: str) -> list[dict[str, Any]]:
    """Parse GIFT text with gift-pegjs; fail the test with the parser's message on a syntax error."""
    need_gift_parser()
    proc = subprocess.run(
        ["node", str(GIFT_SCRIPT)], input=text, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    data: list[dict[str, Any]] = json.loads(proc.stdout)
    return data


def html_text(fragment: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- QTI ----------------------------------------------------------------------------------------------


def qti_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _mattext(el: etree._Element) -> str:
    node = el.find(f"{QTI}material/{QTI}mattext")
    assert node is not None
    text = node.text or ""
    return html_text(text) if node.get("texttype") == "text/html" else text


def canvas_answer_id(ident: str | None) -> int | str:
    """Canvas's importer keeps the first run of digits of an answer id as the answer's number
    (qti_migration_tool / canvas-lms converters: ``if ident =~ /(\\d+)/ then match_id = $1.to_i``)."""
    found = re.search(r"\d+", ident or "")
    return int(found.group()) if found else str(ident)


def _labels(lid: etree._Element) -> dict[int | str, str]:
    """A response_lid's answers by Canvas's id; two answers Canvas would read as one id fail the test."""
    labels = [(canvas_answer_id(lab.get("ident")), _mattext(lab)) for lab in lid.iter(f"{QTI}response_label")]
    ids = [i for i, _ in labels]
    assert len(set(ids)) == len(ids), f"answer ids collide under Canvas's digit rule: {ids}"
    return dict(labels)


def read_qti_items(xml: bytes) -> list[dict[str, Any]]:
    """Questions back from a Canvas QTI assessment: type, points, prompt, choices and the key, reading
    answer ids the way Canvas's importer does."""
    root = etree.fromstring(xml)
    items = []
    for item in root.iter(f"{QTI}item"):
        meta = {
            f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
            for f in item.iter(f"{QTI}qtimetadatafield")
        }
        pres = item.find(f"{QTI}presentation")
        assert pres is not None
        out: dict[str, Any] = {
            "type": meta["question_type"],
            "points": float(meta["points_possible"] or 0),
            "prompt": _mattext(pres),
        }
        conditions = list(item.iter(f"{QTI}respcondition"))
        scored = [c for c in conditions if c.find(f"{QTI}setvar") is not None]
        lids = pres.findall(f"{QTI}response_lid")
        if out["type"] == "matching_question":
            pairs = []
            for lid in lids:
                labels = _labels(lid)
                right = next(
                    c.findtext(f"{QTI}conditionvar/{QTI}varequal")
                    for c in scored
                    if c.find(f"{QTI}conditionvar/{QTI}varequal").get("respident") == lid.get("ident")
                )
                pairs.append((_mattext(lid), labels[canvas_answer_id(right)]))
                out["rights"] = list(labels.values())
            out["pairs"] = pairs
        elif lids:
            labels = _labels(lids[0])
            out["choices"] = list(labels.values())
            out["correct"] = [
                labels[canvas_answer_id(c.findtext(f"{QTI}conditionvar/{QTI}varequal"))] for c in scored
            ]
        else:
            out["accepted"] = [v.text for c in scored for v in c.iter(f"{QTI}varequal")]
        items.append(out)
    return items


def read_manifest(xml: bytes) -> list[dict[str, Any]]:
    root = etree.fromstring(xml)
    assert root.tag == f"{CP}manifest"
    return [
        {
            "identifier": r.get("identifier"),
            "type": r.get("type"),
            "files": [f.get("href") for f in r.findall(f"{CP}file")],
            "deps": [d.get("identifierref") for d in r.findall(f"{CP}dependency")],
        }
        for r in root.iter(f"{CP}resource")
    ]


# --- Moodle's ordering question type (core since Moodle 4.4) --------------------------------------------
# Ported from question/type/ordering/questiontype.php (import_from_gift, import_from_xml and
# set_layout_select_count_grading): the rules, not the code.

_GRADING = (
    "ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|RELATIVE_NEXT_INCLUDE_LAST|"
    "RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE|REL"
    "LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET"  # (sic: Moodle's list runs REL and LONGEST… together)
)
_MOODLE_ORDERING_GIFT = re.compile(
    r"^([^{]*)\s*\{>\s*(\d+)\s*((?:ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?)\s*"
    r"((?:HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?)\s*((?:" + _GRADING + r")?)\s*"
    r"((?:SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?)\s*(.*?)\s*\}\s*$",
    re.S,
)
MOODLE_ORDERING_GRADINGS = frozenset(_GRADING.replace("RELLONGEST", "REL|LONGEST").split("|"))


def moodle_gift_blocks(text: str) -> list[str]:
    """GIFT text split as Moodle splits it (blank lines), comment lines blanked as its reader does."""
    blocks = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [" " if line.strip().startswith("//") else line for line in raw.split("\n")]
        block = "\n".join(lines).strip()
        if block:
            blocks.append(block)
    return blocks


def read_moodle_gift_ordering(block: str) -> dict[str, Any] | None:
    """What Moodle's ordering type reads from a GIFT block: None when the block is not one it takes."""
    m = _MOODLE_ORDERING_GIFT.match(block)
    if not m:
        return None
    lines = m.group(7).split("\n")
    count = int(m.group(2))
    shown = count if 2 < count <= len(lines) else min(6, len(lines))
    return {
        "select": m.group(3) or "RANDOM",
        "count": shown,
        "grading": m.group(5),
        "items": [line.strip() for line in lines if line.strip()],
    }


# --- Moodle XML ---------------------------------------------------------------------------------------


def read_moodle(xml: bytes) -> list[dict[str, Any]]:
    """Questions back from Moodle XML, with the fields Moodle's importer reads."""
    root = etree.fromstring(xml)
    assert root.tag == "quiz"
    out = []
    for q in root.findall("question"):
        qtype = q.get("type")
        if qtype == "category":
            continue
        d: dict[str, Any] = {
            "type": qtype,
            "name": q.findtext("name/text"),
            "prompt": html_text(q.findtext("questiontext/text") or ""),
            "format": q.find("questiontext").get("format"),
            "grade": float(q.findtext("defaultgrade") or "nan"),
            "answers": [
                (
                    html_text(a.findtext("text") or "") if a.get("format") == "html" else a.findtext("text"),
                    float(a.get("fraction") or "nan"),
                )
                for a in q.findall("answer")
            ],
            "pairs": [
                (html_text(s.findtext("text") or ""), s.findtext("answer/text"))
                for s in q.findall("subquestion")
            ],
            "feedback": html_text(q.findtext("generalfeedback/text") or ""),
            "tags": [t.findtext("text") for t in q.findall("tags/tag")],
            "lines": q.findtext("responsefieldlines"),
            # the ordering fields with the defaults Moodle's import_from_xml falls back to
            "layout": q.findtext("layouttype") or "VERTICAL",
            "select": q.findtext("selecttype") or "RANDOM",
            "count": int(q.findtext("selectcount") or 6),
            "grading": q.findtext("gradingtype") or "RELATIVE",
            "hrefs": re.findall(r'href="([^"]*)"', q.findtext("generalfeedback/text") or ""),
        }
        out.append(d)
    return out


# --- the published IMS schemas (tests/data/schemas, see its README) -------------------------------------

SCHEMAS = Path(__file__).parent / "data" / "schemas"
IMSMD = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"
CC_CP = b"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
PLAIN_CP = b"http://www.imsglobal.org/xsd/imscp_v1p1"


class _LocalXmlXsd(etree.Resolver):
    """imscp_v1p1.xsd imports xml.xsd from w3.org: resolve it to IMS's copy beside it, never the network."""

    def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
        if url and url.startswith(("http:", "https:", "ftp:")):
            if url.endswith("/xml.xsd"):
                return self.resolve_filename(str(SCHEMAS / "ims_xml.xsd"), context)
            raise AssertionError(f"the schema asked for {url}: only local files are allowed")
        return None  # a local file: lxml reads it


def _schema_file(name: str) -> Path:
    path = SCHEMAS / name
    if not path.is_file():
        unavailable(f"the published schema {name} is not in tests/data/schemas")
    return path


def qti_dtd() -> etree.DTD:
    return etree.DTD(str(_schema_file("ims_qtiasiv1p2p1.dtd")))


def cp_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(_schema_file("imscp_v1p1.xsd")), parser))


def without_namespaces(xml: bytes) -> etree._Element:
    """QTI 1.2 as its DTD knows it: no namespace on elements, no xsi: attributes."""
    root = etree.fromstring(xml)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
        for key in [k for k in el.attrib if k.startswith("{")]:
            del el.attrib[key]
    etree.cleanup_namespaces(root)
    return root


def validate_qti_package(data: bytes) -> None:
    """Every assessment in a QTI zip valid against the IMS QTI ASI 1.2.1 DTD, and the manifest against IMS CP
    1.1.3 (the Common Cartridge namespace mapped to CP's; the imsmd:lom block only well-formed)."""
    members = qti_members(data)
    dtd, schema = qti_dtd(), cp_schema()
    manifest = etree.fromstring(members["imsmanifest.xml"].replace(CC_CP, PLAIN_CP))
    for lom in list(manifest.iter(f"{IMSMD}lom")):
        lom.getparent().remove(lom)
    assert schema.validate(manifest), schema.error_log
    assessments = [
        r["files"][0] for r in read_manifest(members["imsmanifest.xml"]) if r["type"] == "imsqti_xmlv1p2"
    ]
    assert assessments
    for name in assessments:
        root = without_namespaces(members[name])
        assert dtd.validate(root), f"{name}: {dtd.error_log}"
