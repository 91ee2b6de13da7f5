"""Typst PDFs read back with pypdf: every question and option is printed, versions differ, pages not blank."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from PIL import Image
from pypdf import PdfReader

from quizkit.render import pdf, typst
from quizkit.render.build import make_job
from quizkit.render.common import Job
from quizkit.versions import key_string, master_options, printed_key
from tests.factories import make_quiz


@cache
def rendered(n: int = 3, paper: str = "a4", large: bool = False) -> tuple[Job, dict[str, bytes]]:
    job = make_job(make_quiz(), n, seed=11, paper=paper, large_print=large)
    return job, dict(pdf.render(job).files)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Whitespace removed: pypdf breaks lines where Typst wrapped them."""
    return re.sub(r"\s+", "", text)


def test_each_student_copy_prints_every_question_and_option_and_its_version_on_every_page() -> None:
    job, files = rendered()
    for v in job.vmap.versions:
        pages = pages_text(files[f"pdf/student-{v.letter}.pdf"])
        text = flat(" ".join(pages))
        for q in job.master.questions:
            assert flat(q.prompt) in text
            for option in master_options(q):
                assert flat(option) in text
        assert all(f"Version {v.letter}" in page for page in pages)
        assert all(re.search(r"Page \d+ of \d+", page) for page in pages)
        assert "Name:" in pages[0] and "Class:" in pages[0] and "Instructions" in pages[0]
        assert "Source: “Test article”, Test Times, 7 November 2025" in pages[0]
        assert flat("(4 points)") in text and flat("(1 point)") in text


def test_versions_print_the_questions_in_different_orders() -> None:
    job, files = rendered()
    orders = []
    for v in job.vmap.versions:
        text = flat(" ".join(pages_text(files[f"pdf/student-{v.letter}.pdf"])))
        positions = sorted((text.index(flat(q.prompt)), q.id) for q in job.master.questions)
        orders.append(tuple(qid for _, qid in positions))
        assert orders[-1] == tuple(it.question_id for it in v.items), "printed order follows the version map"
    assert len(set(orders)) == len(orders)


def test_answer_sheet_and_key_match_the_version() -> None:
    job, files = rendered()
    for v, vquiz in zip(job.vmap.versions, job.versions, strict=True):
        sheet = pages_text(files[f"pdf/answer-sheet-{v.letter}.pdf"])
        assert "Answer sheet" in sheet[0] and all(f"Version {v.letter}" in p for p in sheet)
        key = flat(" ".join(pages_text(files[f"pdf/key-{v.letter}.pdf"])))
        for q in vquiz.questions:
            if q.type != "open":
                assert flat(key_string(printed_key(q))) in key


def test_teacher_edition_has_answers_evidence_sources_and_bloom() -> None:
    job, files = rendered()
    text = flat(" ".join(pages_text(files["pdf/teacher-edition.pdf"])))
    for q in job.master.questions:
        assert flat(q.prompt) in text
        if q.evidence:
            assert flat(q.evidence.text) in text
        for s in q.sources:
            assert flat(s.url) in text and flat(f"as of {s.as_of}") in text
    assert flat("Bloom") in text and "evaluate" in text and "Difficulty" in text


def test_page_one_is_not_blank() -> None:
    job, _ = rendered()
    png = pdf.preview_png(job)
    image = Image.open(io.BytesIO(png)).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 0.01 * image.width * image.height


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("us-letter", (612, 792))])
def test_paper_size(paper: str, size: tuple[int, int]) -> None:
    _, files = rendered(1, paper)
    box = PdfReader(io.BytesIO(files["pdf/student-A.pdf"])).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def body_size(data: bytes) -> float:
    """The median font size (pt) of the text on page 1: the body text."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return sorted(sizes)[len(sizes) // 2]


def test_large_print_uses_16pt_body_text() -> None:
    _, normal = rendered(1)
    _, large = rendered(1, "a4", True)
    assert body_size(large["pdf/student-A.pdf"]) >= 16
    assert body_size(normal["pdf/student-A.pdf"]) < 12


def test_the_same_job_gives_byte_identical_pdfs() -> None:
    job = make_job(make_quiz(), 1, seed=3)
    assert pdf.render(job) == pdf.render(job)


def test_parallel_compiles_give_the_same_bytes_as_serial_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    job = make_job(make_quiz(), 4, seed=3)
    datas = [data for _, data in pdf.documents(job)]
    assert len(datas) >= pdf.PARALLEL_FROM
    parallel = pdf.compile_all(datas)
    monkeypatch.setattr(pdf, "PARALLEL_FROM", 10**6)
    assert pdf.compile_all(datas) == parallel


def test_escape_makes_hostile_markup_print_literally() -> None:
    hostile = "#set page(width: 1cm) $x^2$ *b* _i_ @ref <l> `c` \\ [a] ~ // c /* x */ = h - l + e 'q' \"q\""
    source = f"= {typst.escape('Title #1')}\n\n{typst.escape(hostile)}\n\n{typst.escape('- not a list')}\n"
    text = pages_text(typst.compile_pdf(source))[0]
    assert flat(hostile) in flat(text) and "Title #1" in text and "- not a list" in text


def test_a_broken_typst_source_is_a_quizkit_error() -> None:
    with pytest.raises(typst.RenderError, match="Typst could not compile"):
        typst.compile_pdf("#let x = (")
