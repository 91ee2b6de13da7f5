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


def read_responses(paths: Sequence[str | Path], quiz: Quiz, vmap: VersionMap | None = None) -> Batch:
    """Read every response file; raise on a file that cannot be read at all, reject bad rows."""
    batches: list[Batch] = []
    for path in paths:
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
        tuple(w for b in batches for w in b.warnings),
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
