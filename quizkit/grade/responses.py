"""Read answers into one normalised form, accounting for every input row.

Inputs: answer-sheet CSV (columns = printed question numbers with a version map, or question ids in master
order), Moodle's Responses report export ("Response 1", "Response 2"… in quiz slot order = master order),
a Google-Forms-style CSV whose headers are the question prompts (matched by rapidfuzz), and the lesson's
notebook answers JSON. Every data row becomes a ``Sheet`` (answers in master terms) or a ``Rejected`` entry
with its reason; nothing is merged or dropped silently. The pieces: ``cells`` (one cell), ``csvread``
(CSV layouts), ``notebook`` (JSON), ``scores`` (teacher scores), ``sheets`` (the normalised form).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizkit.errors import InputError
from quizkit.files import read_bytes
from quizkit.grade.cells import (
    interpret,
    interpret_bool,
    interpret_choice,
    interpret_matching,
    interpret_ordering,
)
from quizkit.grade.csvread import from_utf16, read_csv
from quizkit.grade.notebook import read_notebook_json
from quizkit.grade.scores import read_scores
from quizkit.grade.sheets import Batch, Rejected, Response, Sheet, TeacherScores
from quizkit.model import Quiz, VersionMap

ADVICE_FORMAT = b'"quizkit-scenario"'


def answers_folder(folder: Path) -> tuple[list[Path], list[str]]:
    """The lesson's answers folder: every student's ``*.json`` answers file, and a note per advice file.

    Hidden files (a save in progress) are skipped; the balancing-act advice files (``quizkit-scenario``) are
    for the teacher to read, not to grade, and are named in a warning.
    """
    files, notes = [], []
    for p in sorted(folder.glob("*.json")):
        if p.name.startswith(".") or not p.is_file():
            continue
        if ADVICE_FORMAT in read_bytes(p, what="answers file")[:4096]:
            notes.append(
                f"{p}: a student's advice from the balancing-act notebook: read it, it is not graded"
            )
        else:
            files.append(p)
    if not files:
        raise InputError(
            "no answer files (*.json) in this folder",
            where=str(folder),
            fix="give the answers folder the lesson server named, or the answer files themselves",
        )
    return files, notes


def read_responses(paths: Sequence[str | Path], quiz: Quiz, vmap: VersionMap | None = None) -> Batch:
    """Read every response file (a folder: its answer files); raise on an unreadable file, reject bad rows."""
    batches: list[Batch] = []
    notes: list[str] = []
    expanded: list[str | Path] = []
    for given in paths:
        if Path(given).is_dir():
            found, advice = answers_folder(Path(given))
            expanded += found
            notes += advice
        else:
            expanded.append(given)
    for path in expanded:
        data = from_utf16(read_bytes(path, what="responses file"), where=str(path), what="responses file")
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if str(path).lower().endswith(".json") or head in (b"{", b"["):
            batches.append(read_notebook_json(path, quiz, data))
        else:
            batches.append(read_csv(path, quiz, vmap, data))
    return Batch(
        tuple(s for b in batches for s in b.sheets),
        tuple(r for b in batches for r in b.rejected),
        sum(b.rows_in for b in batches),
        (*(w for b in batches for w in b.warnings), *notes),
    )


__all__ = [
    "Batch",
    "Rejected",
    "Response",
    "Sheet",
    "TeacherScores",
    "interpret",
    "interpret_bool",
    "interpret_choice",
    "interpret_matching",
    "interpret_ordering",
    "read_csv",
    "read_notebook_json",
    "read_responses",
    "read_scores",
]
