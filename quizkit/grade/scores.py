"""Teacher scores fed back with --scores (any CSV with student_id, question_id, points; review.csv works)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quizkit.errors import FormatError, InputError
from quizkit.files import decode_text, read_bytes
from quizkit.grade.csvread import find_column, from_utf16, header_key, read_csv_rows
from quizkit.grade.sheets import Sheet, TeacherScores
from quizkit.model import Quiz


def _score_rows(path: str | Path) -> list[tuple[int, list[str]]]:
    """The rows of a scores CSV, read as any responses CSV is (encoding, delimiter, "sep=" line)."""
    where = str(path)
    return read_csv_rows(
        decode_text(
            from_utf16(read_bytes(path, what="scores file"), where=where, what="scores file"),
            where=where,
            what="scores file",
        ),
        where,
    )


def holds_points(path: str | Path) -> bool:
    """Whether a review.csv has any points filled in: read exactly as ``--scores`` would read it, so a file
    saved by Excel with ";" or in cp1252 is still recognised."""
    rows = _score_rows(path)
    if not rows:
        return False
    col = find_column([header_key(h) for h in rows[0][1]], ("points", "score"))
    return col is not None and any(col < len(cells) and cells[col] for _, cells in rows[1:])


def read_scores(path: str | Path, quiz: Quiz) -> TeacherScores:
    """Teacher scores: CSV with student_id, question_id, points and optionally source (as in review.csv,
    which tells duplicate sheets apart); they replace the automatic score. Rows without points are skipped."""
    where = str(path)
    rows = _score_rows(path)
    if len(rows) < 2:
        raise InputError("scores file has no rows", where=where, fix="add student_id,question_id,points rows")
    headers = [header_key(h) for h in rows[0][1]]
    cols = [
        find_column(headers, names)
        for names in (("student id", "student"), ("question id", "question"), ("points", "score"))
    ]
    if any(c is None for c in cols):
        raise FormatError(
            "scores file needs the columns student_id, question_id, points",
            where=where,
            fix="rename the header row",
        )
    sid, qcol, pcol = (c for c in cols if c is not None)
    scol = find_column(headers, ("source",))
    questions = {q.id: q for q in quiz.questions}
    out: TeacherScores = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in rows[1:]:
        cells = cells + [""] * (len(headers) - len(cells))
        if not cells[pcol]:
            continue  # a review.csv row the teacher has not scored yet
        qid = cells[qcol]
        if qid not in questions:
            raise FormatError(
                f"line {line}: unknown question id {qid!r}", where=where, fix="use the quiz's ids"
            )
        try:
            points = float(cells[pcol].replace(",", "."))
        except ValueError:
            raise FormatError(
                f"line {line}: points {cells[pcol]!r} is not a number",
                where=where,
                fix="write the score as a number (2, 2.5) or leave the cell empty",
            ) from None
        if not 0 <= points <= questions[qid].points:
            raise FormatError(
                f"line {line}: {points:g} points is outside 0–{questions[qid].points:g} for {qid}",
                where=where,
                fix="give a score within the question's points",
            )
        source = cells[scol].lstrip("'") if scol is not None else ""
        key = (cells[sid], qid, source)
        if key in seen and out[key] != points:
            raise FormatError(
                f"line {line}: a second, different score for {cells[sid]} / {qid} (first on line {seen[key]})",
                where=where,
                fix="keep one score per student and question (add the source column for duplicate sheets)",
            )
        seen.setdefault(key, line)
        out[key] = points
    return out


def unused_scores(scores: TeacherScores, sheets: Iterable[Sheet], where: str) -> tuple[str, ...]:
    """Warnings for teacher scores that reached no sheet (a mistyped id) or, without a source, several."""
    by_id: dict[str, list[str]] = {}
    for sheet in sheets:
        by_id.setdefault(sheet.student_id, []).append(sheet.source)
    lost = sorted(
        f"{sid} / {qid}" for sid, qid, src in scores if sid not in by_id or (src and src not in by_id[sid])
    )
    shared = sorted({sid for sid, _, src in scores if not src and len(by_id.get(sid, ())) > 1})
    out: list[str] = []
    if lost:
        out.append(f"{where}: {len(lost)} score(s) match no graded sheet, not used: {', '.join(lost[:5])}")
    if shared:
        out.append(
            f"{where}: scores for {', '.join(shared[:5])} apply to every sheet with that id "
            "(add the source column from review.csv to score one sheet)"
        )
    return tuple(out)
