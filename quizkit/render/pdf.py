"""PDF via Typst: per version a student copy, an answer sheet and an answer key; one teacher edition.

Text is handed to one static template (``templates/quiz.typ``) as JSON in ``sys.inputs`` and placed there
as strings, which Typst prints literally: robust against any character, no escaping rules to get wrong.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from importlib import resources
from typing import Any

from quizkit import readability
from quizkit.model import TYPE_LABELS, Question
from quizkit.render import typst
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
from quizkit.versions import (
    answer_items,
    identity_version,
    key_points,
    key_string,
    matching_rows,
    option_letter,
    version_label,
)

DESCRIPTION = "PDF (Typst): student copy, answer sheet and key per version; teacher edition"

SIZES = {False: 11, True: 16}
"""Body text in points; large print is 16 pt."""

SHORT_OPTION = {False: 32, True: 20}
"""Options up to this many characters are printed two to a row."""

MAX_BOX_CM = 12.0
"""An open question's box never grows past this, so the question and its box always fit on one page."""


@cache
def template() -> str:
    return resources.files("quizkit.render").joinpath("templates/quiz.typ").read_text(encoding="utf-8")


def _base(job: Job, kind: str, heading: str, version: str) -> dict[str, Any]:
    quiz = job.master
    return {
        "kind": kind,
        "paper": job.paper,
        "size": SIZES[job.large_print],
        "title": quiz.title or "Quiz",
        "heading": heading,
        "subtitle": heading if kind != "student" else "",
        "source": source_line(quiz.source),
        "version": version,
        "fields": kind in ("student", "sheet"),
        "instructions": list(INSTRUCTIONS) if kind == "student" else [],
        "total": f"Total: {points_label(total_points(quiz))}" if kind == "student" else "",
    }


def _options(p: Printed) -> list[dict[str, Any]]:
    return [{"letter": option_letter(i), "text": o} for i, o in enumerate(p.options)]


def option_columns(options: tuple[str, ...], large_print: bool) -> int:
    """Two columns of options when every option is short enough to share a row, else one."""
    limit = SHORT_OPTION[large_print]
    return 2 if options and all(len(o) <= limit for o in options) else 1


def _question(p: Printed, large_print: bool = False) -> dict[str, Any]:
    return {
        "number": p.number,
        "type": p.question.type,
        "label": TYPE_LABELS[p.question.type],
        "prompt": p.question.prompt,
        "hint": p.hint,
        "points": p.points_label,
        "options": _options(p),
        "rows": list(p.rows),
        "lines": p.answer_lines,
        "sheet-lines": p.answer_lines,
        "box": min(MAX_BOX_CM, round(2.0 + 1.6 * p.question.points, 1)),
        "columns": option_columns(p.options, large_print),
        "key": key_string(p.key) if p.question.type != "open" else "—",
        "answer": p.key_text,
    }


def version_data(job: Job, kind: str, index: int) -> dict[str, Any]:
    """The template's data for one version's student copy ("student"), answer sheet ("sheet") or key ("key")."""
    letter = version_label(job.vmap.versions[index])  # e.g. B·7F3K
    heading = {"student": "Student copy", "sheet": "Answer sheet", "key": "Answer key"}[kind]
    data = _base(job, kind, heading, letter)
    data["questions"] = [_question(p, job.large_print) for p in printed(job.versions[index])]
    return data


def _teacher_question(q: Question, p: Printed, positions: str, large_print: bool) -> dict[str, Any]:
    options = [
        {
            "letter": o["letter"],
            "text": o["text"],
            "correct": q.type == "multiple_choice" and o["text"] == q.answer,
        }
        for o in _options(p)
    ]
    if q.type == "ordering":
        options = []  # the master order *is* the answer; it is shown as the answer below
        answer = "  →  ".join(answer_items(q))
    elif q.type == "matching":
        answer = "; ".join(f"{left} — {right}" for left, right in matching_rows(q))
    elif q.type == "open":
        answer = key_points(q)
    else:
        answer = p.key_text
    return {
        "number": p.number,
        "id": q.id,
        "prompt": q.prompt,
        "label": TYPE_LABELS[q.type] + (" · context" if q.origin == "context" else ""),
        "points": p.points_label,
        "options": options,
        "answer": answer,
        "explanation": q.explanation,
        "evidence": q.evidence.text if q.evidence else "",
        "sources": [
            " · ".join(x for x in (s.title, s.url, f"as of {s.as_of}" if s.as_of else "") if x)
            for s in q.sources
        ],
        "bloom": q.bloom,
        "difficulty": f"{q.difficulty:.2f} (share expected to miss it)",
        "positions": f"Versions {positions}" if positions else "",
        "columns": option_columns(tuple(o["text"] for o in options), large_print),
    }


def _positions(job: Job) -> dict[str, str]:
    """Master question id -> 'A: 3 · B: 7 …' (its printed number in each version)."""
    where: dict[str, list[str]] = {}
    for v in job.vmap.versions:
        for item in v.items:
            where.setdefault(item.question_id, []).append(f"{v.letter}: {item.number}")
    return {qid: " · ".join(parts) for qid, parts in where.items()}


def teacher_data(job: Job) -> dict[str, Any]:
    """The template's data for the teacher edition (master order)."""
    data = _base(job, "teacher", "Teacher edition", "")
    data["reading"] = job.reading or readability.describe(job.master, None)
    _, master_view = identity_version(job.master)
    positions = _positions(job)
    data["questions"] = [
        _teacher_question(q, p, positions.get(q.id, ""), job.large_print)
        for q, p in zip(job.master.questions, printed(master_view), strict=True)
    ]
    return data


def plain_data(data: Any) -> Any:
    """Every string in the template's data with its line breaks and controls made plain (``typst.plain_lines``)."""
    if isinstance(data, str):
        return typst.plain_lines(data)
    if isinstance(data, dict):
        return {k: plain_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain_data(v) for v in data]
    return data


def compile_data(data: dict[str, Any]) -> bytes:
    return typst.compile_pdf(template(), {"data": json.dumps(plain_data(data), ensure_ascii=False)})


def documents(job: Job) -> list[tuple[str, dict[str, Any]]]:
    """(relative path, template data) for every PDF of the job."""
    docs: list[tuple[str, dict[str, Any]]] = []
    for i, v in enumerate(job.vmap.versions):
        docs.append((f"pdf/student-{v.letter}.pdf", version_data(job, "student", i)))
        docs.append((f"pdf/answer-sheet-{v.letter}.pdf", version_data(job, "sheet", i)))
        docs.append((f"pdf/key-{v.letter}.pdf", version_data(job, "key", i)))
    docs.append(("pdf/teacher-edition.pdf", teacher_data(job)))
    return docs


PARALLEL_FROM = 12
"""From this many PDFs on, compile in worker processes (Typst holds the GIL, so threads do not help)."""


def die_with_parent() -> None:
    """Worker initializer: on Linux, ask the kernel to SIGTERM this worker when its parent dies (kill -9 on
    ``quizkit render`` would otherwise leave ~115 MB workers compiling for nobody)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
            if os.getppid() == 1:  # the parent died before the call: nobody will ever collect our work
                os._exit(1)


PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and terminate the workers now (Ctrl-C, SIGTERM): not after the queue drains."""
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in list((getattr(pool, "_processes", None) or {}).values()):  # no public handle on them
        with contextlib.suppress(OSError, AttributeError):
            proc.terminate()


def compile_all(datas: list[dict[str, Any]]) -> list[bytes]:
    """Compile many documents, in order; on several cores in worker processes."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(4, cores)
    if len(datas) < PARALLEL_FROM or workers < 2:
        return [compile_data(d) for d in datas]
    # "spawn": a forked child can deadlock on locks Typst's runtime held in the parent.
    ctx = multiprocessing.get_context("spawn")
    try:
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=die_with_parent)
    except OSError:  # no processes allowed here (sandbox): do it in this one
        return [compile_data(d) for d in datas]
    try:
        return list(pool.map(compile_data, datas, chunksize=max(1, len(datas) // (4 * workers))))
    except (OSError, BrokenProcessPool):
        return [compile_data(d) for d in datas]
    except BaseException:
        _stop(pool)
        raise
    finally:
        pool.shutdown(wait=True)


def compile_stream(sources: Iterable[str], count: int) -> Iterator[bytes]:
    """Compile ready Typst sources (feedback pages) in order, yielding each PDF as soon as it is ready; one
    pool of worker processes for the whole run, at most a few sources in flight (memory stays flat)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(4, cores)
    if count < PARALLEL_FROM or workers < 2:
        yield from (typst.compile_pdf(s) for s in sources)
        return
    it = iter(sources)
    window: deque[tuple[str, Future[bytes]]] = deque()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for src in it:
                window.append((src, pool.submit(typst.compile_pdf, src)))
                if len(window) >= 4 * workers:
                    data = window[0][1].result()
                    window.popleft()
                    yield data
            while window:
                data = window[0][1].result()
                window.popleft()
                yield data
    except (OSError, BrokenProcessPool, RuntimeError):
        # no worker processes here (a sandbox, or a caller without a __main__ guard): finish in this one,
        # from the first document not yet handed back
        yield from (typst.compile_pdf(src) for src, _ in window)
        yield from (typst.compile_pdf(s) for s in it)


def render(job: Job) -> Rendered:
    docs = documents(job)
    pdfs = compile_all([data for _, data in docs])
    return Rendered(tuple((path, pdf) for (path, _), pdf in zip(docs, pdfs, strict=True)))


def preview_png(job: Job, *, ppi: float = 80.0) -> bytes:
    """Page 1 of version A's student copy as PNG (for the README picture and the blank-page test)."""
    data = json.dumps(plain_data(version_data(job, "student", 0)))
    return typst.compile_png(template(), {"data": data}, ppi=ppi)[0]
