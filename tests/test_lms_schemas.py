"""The QTI export against the published IMS schemas (vendored in tests/data/schemas with their provenance):
each assessment against the QTI ASI 1.2.1 DTD, the manifest against IMS Content Packaging 1.1.3."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from lxml import etree

from quizkit.model import Citation
from quizkit.render import qti
from quizkit.render.build import make_job
from tests.factories import make_question, make_quiz
from tests.render_readers import (
    SCHEMAS,
    cp_schema,
    qti_dtd,
    qti_members,
    validate_qti_package,
    without_namespaces,
)

SHA256 = {
    "ims_qtiasiv1p2p1.dtd": "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd",
    "imscp_v1p1.xsd": "ba1d28c56a311f847d64f73415d95967542061255d133e68fbabf96bdbbc9045",
    "ims_xml.xsd": "401ca60684cec797d25d62addfc11c06e289e850c6c6ca454c9fe392fc31d246",
}


def _package(quiz_versions: int = 1, **overrides: object) -> bytes:
    job = make_job(make_quiz(**overrides), quiz_versions, 0)
    return dict(qti.render(job).files)["qti/quiz-qti.zip"]


@pytest.mark.parametrize("name", list(SHA256))
def test_the_vendored_schemas_are_the_published_files(name: str) -> None:
    assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == SHA256[name]


def test_a_quiz_of_every_type_is_valid_qti_and_a_valid_package() -> None:
    validate_qti_package(_package())


def test_a_hostile_quiz_is_still_valid_qti() -> None:
    nasty = "<b>&amp;</b> ]]> \x0b\u2028 \"'` {=}~#% -> \\ é 中文 \U0001f600"
    quiz = make_quiz(title=nasty)
    quiz = replace(
        quiz,
        questions=(
            *quiz.questions,
            make_question(
                "short_answer", qid="nasty-1", prompt=nasty, answer=nasty, accepted_answers=(nasty,)
            ),
            make_question(
                "multiple_choice",
                qid="nasty-2",
                prompt=nasty,
                choices=(nasty, "b"),
                answer=nasty,
                sources=(Citation("javascript:alert(1)", "2025-01-01", nasty),),
            ),
        ),
    )
    job = make_job(quiz, 2, 0)
    validate_qti_package(dict(qti.render(job).files)["qti/quiz-qti.zip"])


def test_the_validators_catch_a_broken_item_and_a_broken_manifest() -> None:
    """The schemas bite: an item without its required ident, and a resource without its type, fail."""
    members = qti_members(_package())
    name = next(n for n in members if n.endswith(".xml") and n != "imsmanifest.xml" and "meta" not in n)
    root = without_namespaces(members[name])
    item = next(root.iter("item"))
    del item.attrib["ident"]
    assert not qti_dtd().validate(root)
    manifest = etree.fromstring(
        members["imsmanifest.xml"].replace(
            b"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1", b"http://www.imsglobal.org/xsd/imscp_v1p1"
        )
    )
    resource = next(manifest.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}resource"))
    del resource.attrib["type"]
    assert not cp_schema().validate(manifest)
