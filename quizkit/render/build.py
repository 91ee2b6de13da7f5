"""Run the chosen formats on a quiz and write all outputs at once (or nothing, if anything fails)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from quizkit import quizfile, readability
from quizkit.errors import FormatError
from quizkit.files import check_output_dir, staged_dir
from quizkit.model import Quiz
from quizkit.render import check_formats, format_module
from quizkit.render.common import Job, Rendered
from quizkit.versions import make_versions

PAPERS = ("a4", "us-letter")


def make_job(
    quiz: Quiz,
    n_versions: int,
    seed: int,
    *,
    paper: str = "a4",
    large_print: bool = False,
    reading: str = "",
    ordering_as_matching: bool = False,
) -> Job:
    """Shuffle ``quiz`` into versions and bundle the print options."""
    if not quiz.questions:
        raise FormatError("the quiz has no questions", where="questions", fix="add at least one question")
    if paper not in PAPERS:
        raise FormatError(
            f"unknown paper size {paper!r}", where="--paper", fix=f"choose {' or '.join(PAPERS)}"
        )
    vmap, versions = make_versions(quiz, n_versions, seed)
    return Job(
        quiz,
        vmap,
        versions,
        paper=paper,
        large_print=large_print,
        reading=reading,
        ordering_as_matching=ordering_as_matching,
    )


def render_job(job: Job, formats: Sequence[str]) -> Rendered:
    """All files of all ``formats`` in memory, plus ``versions.json``; warnings are de-duplicated."""
    files: list[tuple[str, bytes]] = [("versions.json", quizfile.dump_version_map(job.vmap).encode("utf-8"))]
    warnings: list[str] = []
    for name in check_formats(formats):
        result: Rendered = format_module(name).render(job)
        files.extend(result.files)
        warnings.extend(f"{name}: {w}" for w in result.warnings)
    return Rendered(tuple(files), tuple(dict.fromkeys(warnings)))


_PER_VERSION = re.compile(r"(?:(?:student|key|answer-sheet)-[A-Z]{1,2}|teacher-edition)\.[a-z]+")
"""Files whose content depends on the version map: the teacher edition lists every question's positions."""


def stale_outputs(rendered: Rendered, out: Path) -> list[Path]:
    """Per-version files (student-C.pdf, key-C.html...) and teacher editions left in ``out`` by an earlier run
    with another versions.json: printed next to the new map they would no longer match it, so they go."""
    old_map = out / "versions.json"
    new_map = dict(rendered.files).get("versions.json")
    if not old_map.is_file() or new_map is None or old_map.read_bytes() == new_map:
        return []
    written = {rel for rel, _ in rendered.files}
    return [
        p
        for folder in sorted(out.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
        for p in sorted(folder.iterdir())
        if p.is_file() and _PER_VERSION.fullmatch(p.name) and f"{folder.name}/{p.name}" not in written
    ]


def write_rendered(rendered: Rendered, out: Path) -> list[str]:
    """Write every file into ``out`` through a staging folder: all files appear, or none."""
    with staged_dir(out) as tmp:
        for rel, data in rendered.files:
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return [str(out / rel) for rel, _ in rendered.files]


def render_quiz(
    quiz: Quiz,
    out: Path,
    *,
    formats: Sequence[str] | None = None,
    n_versions: int = 1,
    seed: int = 0,
    paper: str = "a4",
    large_print: bool = False,
    reading: str = "",
    ordering_as_matching: bool = False,
) -> tuple[list[str], tuple[str, ...]]:
    """Render ``quiz`` into ``out``; returns (written paths, warnings). Notebooks call this."""
    chosen = check_formats(formats)
    job = make_job(
        quiz,
        n_versions,
        seed,
        paper=paper,
        large_print=large_print,
        reading=reading,
        ordering_as_matching=ordering_as_matching,
    )
    rendered = render_job(job, chosen)  # everything in memory first: a failure writes nothing
    stale = stale_outputs(rendered, out)
    written = write_rendered(rendered, out)
    for path in stale:
        path.unlink(missing_ok=True)
    note = (
        f"removed {len(stale)} file(s) of an earlier run whose versions no longer match versions.json: "
        + ", ".join(str(p.relative_to(out)) for p in stale[:6])
        + (", ..." if len(stale) > 6 else "")
    )
    return written, rendered.warnings + ((note,) if stale else ())


def render_quiz_file(
    path: str | Path,
    out: Path,
    *,
    formats: Sequence[str] | None = None,
    n_versions: int = 1,
    seed: int = 0,
    paper: str = "a4",
    large_print: bool = False,
    ordering_as_matching: bool = False,
) -> tuple[list[str], tuple[str, ...]]:
    """Load a quiz file (JSON/YAML, validated), check the output folder, then ``render_quiz``."""
    chosen = check_formats(formats)
    quiz = quizfile.load_quiz(path)
    _check_out(out)
    return render_quiz(
        quiz,
        out,
        formats=chosen,
        n_versions=n_versions,
        seed=seed,
        paper=paper,
        large_print=large_print,
        reading=readability.for_quiz_file(quiz, str(path)),
        ordering_as_matching=ordering_as_matching,
    )


def _check_out(out: Path) -> None:
    """Fail early (before rendering) on an output path that cannot work, without creating anything."""
    if out.exists():
        check_output_dir(out)
    elif not out.parent.exists():
        check_output_dir(out)  # raises: the parent folder is missing
