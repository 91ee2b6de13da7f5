"""Automatic grading: answer sheets, LMS/form exports and notebook answers -> grades, feedback, item analysis.

``quizkit grade QUIZ RESPONSES... [--versions MAP] [--scores CSV] -o OUTDIR [--no-reports]``
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from quizkit.errors import InputError
from quizkit.files import staged_dir
from quizkit.grade.engine import TEACHER_NOTE, Result, grade_batch
from quizkit.grade.responses import Batch, read_responses, read_scores
from quizkit.grade.scores import holds_points, unused_scores
from quizkit.grade.stats import TestStats, item_analysis
from quizkit.model import Quiz, VersionMap
from quizkit.quizfile import load_quiz, load_version_map
from quizkit.versions import check_map


@dataclass(frozen=True, slots=True)
class Graded:
    """Everything one grading run produced, before it is written."""

    quiz: Quiz
    batch: Batch
    results: tuple[Result, ...]
    vmap: VersionMap | None = None


def grade_files(
    quiz_path: str | Path,
    response_paths: list[str] | list[Path],
    *,
    version_map: str | Path | None = None,
    scores: str | Path | None = None,
) -> Graded:
    """Read and grade; raises QuizkitError on input that cannot be used at all."""
    quiz = load_quiz(quiz_path)
    vmap = load_version_map(version_map) if version_map else None
    if vmap is not None:
        check_map(vmap, quiz, where=str(version_map))
    batch = read_responses(list(response_paths), quiz, vmap)
    teacher = read_scores(scores, quiz) if scores else None
    results = grade_batch(quiz, batch, teacher)
    if teacher and scores:
        extra = unused_scores(teacher, batch.sheets, str(scores))
        batch = replace(batch, warnings=batch.warnings + extra)
    if batch.rows_in != len(results) + len(batch.rejected):  # the accounting promise; a bug if broken
        raise AssertionError(
            f"rows in {batch.rows_in} != {len(results)} graded + {len(batch.rejected)} rejected"
        )
    return Graded(quiz, batch, results, vmap)


def write_tables(graded: Graded, out: Path) -> TestStats:
    """grades.csv, answers.csv and (when rows were rejected) rejected.csv; returns the item analysis."""
    from quizkit.grade import report

    results, batch = graded.results, graded.batch
    (out / "grades.csv").write_text(report.grades_csv(results), encoding="utf-8")
    report.write_lines(out / "answers.csv", report.answers_lines(results))  # streamed: 300,000 rows
    if batch.rejected:
        (out / "rejected.csv").write_text(report.rejected_csv(batch.rejected), encoding="utf-8")
    if any(r.needs_review or any(report.teacher_scored(m) for m in r.marks) for r in results):
        (out / "review.csv").write_text(report.review_csv(results), encoding="utf-8")
    return item_analysis(graded.quiz, results)


def write_reports(
    graded: Graded, out: Path, stats: TestStats, *, pdf: bool = True, progress: bool = False
) -> None:
    """report.html and feedback/<student>.html (+ .pdf unless ``pdf`` is False)."""
    from quizkit.grade import report

    quiz, results, batch = graded.quiz, graded.results, graded.batch
    (out / "report.html").write_text(
        report.report_html(quiz, results, stats, batch.rejected, batch.rows_in, batch.warnings),
        encoding="utf-8",
    )
    folder = out / "feedback"
    folder.mkdir(exist_ok=True)
    pages = report.FeedbackPages(quiz, graded.vmap)
    stems = report.file_stems(results)
    for stem, r in zip(stems, results, strict=True):
        (folder / f"{stem}.html").write_bytes(pages.page(r).encode("utf-8"))
    if pdf:
        write_feedback_pdfs(graded, folder, stems, progress=progress)


PDF_CLASS_SIZE = 200
"""Feedback PDFs are made by default up to this many students (a class or a year group); beyond it they
take minutes, so they are made only on request (``--pdf``). The HTML pages are always there."""


def write_feedback_pdfs(graded: Graded, folder: Path, stems: list[str], *, progress: bool = False) -> None:
    """One Typst feedback PDF per student, compiled in worker processes, written as each comes back."""
    from quizkit.grade import report
    from quizkit.render.pdf import compile_stream

    results = graded.results
    sources = (report.feedback_typst(graded.quiz, r, graded.vmap) for r in results)
    for done, (stem, data) in enumerate(zip(stems, compile_stream(sources, len(results)), strict=True), 1):
        (folder / f"{stem}.pdf").write_bytes(data)
        if progress and (done % 10 == 0 or done == len(results)):
            bar = "#" * (30 * done // len(results))
            print(f"\rfeedback PDFs [{bar:<30}] {done}/{len(results)}", end="", file=sys.stderr, flush=True)
    if progress and results:
        print(file=sys.stderr)


def write_outputs(
    graded: Graded, out: Path, *, reports: bool = True, pdf: bool = True, progress: bool = False
) -> TestStats:
    """Write every output into ``out`` (a staged folder): tables always, reports unless ``reports`` is False."""
    stats = write_tables(graded, out)
    if reports:
        write_reports(graded, out, stats, pdf=pdf, progress=progress)
    return stats


def want_pdfs(asked: bool | None, students: int) -> tuple[bool, str]:
    """Whether to make feedback PDFs, and a line saying so when they were left out for a big file."""
    if asked is not None:
        return asked, ""
    if students <= PDF_CLASS_SIZE:
        return True, ""
    minutes = max(1, round(students * 0.05 / 60))
    return False, (
        f"feedback PDFs not made for {students} students (more than {PDF_CLASS_SIZE}): the HTML pages are in "
        f"feedback/; add --pdf to make PDFs too (about {minutes} min)"
    )


def summary(graded: Graded, stats: TestStats, out: str, reports: bool) -> str:
    b, results = graded.batch, graded.results
    lines = [
        f"rows in {b.rows_in} = graded {len(results)} + rejected {len(b.rejected)}",
    ]
    if results:
        mean = sum(r.percent for r in results) / len(results)
        lines.append(
            f"mean {mean:.1f}%; blanks {sum(r.blanks for r in results)}; "
            f"needs review {sum(r.needs_review for r in results)} answers"
        )
    dupes = sorted({r.sheet.student_id for r in results if r.duplicates})
    if dupes:
        lines.append(f"duplicate student IDs (all kept, flagged): {', '.join(dupes[:10])}")
    flagged = [it.question_id for it in stats.items if any("discrimination" in f for f in it.flags)]
    if flagged:
        lines.append(f"items to check (weak or negative discrimination): {', '.join(flagged[:10])}")
    lines.extend(f"warning: {w}" for w in b.warnings)
    reviewing = any(r.needs_review for r in results)
    scored = any(m.note == TEACHER_NOTE for r in results for m in r.marks)
    written = (
        "grades.csv, answers.csv"
        + (", rejected.csv" if b.rejected else "")
        + (", review.csv" if reviewing or scored else "")
    )
    if reports:
        written += ", report.html, feedback/"
    lines.append(f"wrote {written} to {out}")
    if reviewing:
        lines.append("to finish: fill the points column of review.csv and run again with --scores review.csv")
    return "\n".join(lines)


_CONDITIONAL = ("rejected.csv", "review.csv")
"""Outputs written only when there is something to say; a copy left from an earlier run would mislead."""


def _guard_review(out: Path, scores: str | None) -> None:
    """Refuse to overwrite OUT/review.csv while it holds teacher points this run does not read."""
    old = out / "review.csv"
    if not old.is_file() or (scores and Path(scores).resolve() == old.resolve()):
        return
    if holds_points(old):
        raise InputError(
            "it holds teacher scores this run does not use and would overwrite",
            where=str(old),
            fix=f"add --scores {old} (or move the file away)",
        )


_OUTPUTS = ("grades.csv", "answers.csv", "rejected.csv", "review.csv", "report.html")


def _guard_inputs(out: Path, inputs: list[str], scores: str | None) -> None:
    """Refuse an input that this run would overwrite (an answer sheet saved as OUT/grades.csv, say)."""
    outputs = {(out / name).resolve() for name in _OUTPUTS}
    for given in inputs:
        path = Path(given).resolve()
        if path == (out / "review.csv").resolve() and scores and Path(scores).resolve() == path:
            continue
        if path in outputs or path.parent == (out / "feedback").resolve():
            raise InputError(
                "this input would be overwritten by the grading outputs",
                where=given,
                fix="rename or move it, or choose another output folder with -o",
            )


def run_grade(args: argparse.Namespace) -> int:
    """CLI entry: grade, write everything atomically, print a short summary."""
    inputs = [args.quiz, *args.responses, *([args.version_map] if args.version_map else [])]
    _guard_inputs(Path(args.output), [*inputs, *([args.scores] if args.scores else [])], args.scores)
    graded = grade_files(args.quiz, args.responses, version_map=args.version_map, scores=args.scores)
    reports = not args.no_reports
    pdf, skipped = want_pdfs(getattr(args, "pdf", None), len(graded.results))
    out = Path(args.output)
    _guard_review(out, args.scores)
    with staged_dir(args.output) as tmp:
        stats = write_outputs(graded, tmp, reports=reports, pdf=pdf, progress=sys.stderr.isatty())
        written = {p.name for p in tmp.iterdir()}
        pages = {p.name for p in (tmp / "feedback").iterdir()} if reports else set()
    for name in _CONDITIONAL:
        if name not in written and (out / name).is_file():
            (out / name).unlink()
    # feedback pages of students no longer in the class (or of the last class, with --no-reports) and an old
    # report.html would be handed out by mistake
    if not reports:
        (out / "report.html").unlink(missing_ok=True)
    if (out / "feedback").is_dir():
        for page in (out / "feedback").iterdir():
            if page.suffix in (".html", ".pdf") and page.name not in pages:
                page.unlink()
        with contextlib.suppress(OSError):
            (out / "feedback").rmdir()  # only when empty
    print(summary(graded, stats, args.output, reports))
    if reports and skipped:
        print(skipped)
    return 0


__all__ = [
    "PDF_CLASS_SIZE",
    "Graded",
    "grade_files",
    "run_grade",
    "summary",
    "want_pdfs",
    "write_feedback_pdfs",
    "write_outputs",
    "write_reports",
    "write_tables",
]
