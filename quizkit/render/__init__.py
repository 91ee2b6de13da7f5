"""Printable versions and LMS exports. ``FORMATS`` is the one registry the CLI and the notebooks read.

Adding a format = one module with ``DESCRIPTION`` and ``render(job: Job) -> Rendered``, plus one line here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType

from quizkit.errors import QuizkitError

FORMATS: dict[str, str] = {
    "pdf": "quizkit.render.pdf",
    "html": "quizkit.render.html",
    "md": "quizkit.render.markdown",
    "docx": "quizkit.render.docx",
    "moodle": "quizkit.render.moodle",
    "gift": "quizkit.render.gift",
    "qti": "quizkit.render.qti",
    "quizlet": "quizkit.render.quizlet",
    "kahoot": "quizkit.render.kahoot",
}
"""Format name (as typed after ``--format``) -> module, imported only when used."""


class UnknownFormatError(QuizkitError):
    """A format name that is not in ``FORMATS``."""


def describe_formats() -> dict[str, str]:
    """Format name -> one-line description (for the notebook's format picker)."""
    return {name: str(format_module(name).DESCRIPTION) for name in FORMATS}


def format_module(name: str) -> ModuleType:
    """The module that renders ``name`` (imported lazily)."""
    if name not in FORMATS:
        raise UnknownFormatError(
            f"unknown format {name!r}", where="--format", fix=f"choose from: {', '.join(FORMATS)}"
        )
    return import_module(FORMATS[name])


def check_formats(names: Sequence[str] | None) -> tuple[str, ...]:
    """Validate ``--format`` names (all formats when none given), keeping the user's order, no repeats."""
    chosen = tuple(dict.fromkeys(names or FORMATS))
    unknown = [n for n in chosen if n not in FORMATS]
    if unknown:
        raise UnknownFormatError(
            f"unknown format {', '.join(map(repr, unknown))}",
            where="--format",
            fix=f"choose from: {', '.join(FORMATS)}",
        )
    return chosen


def run_render(args: argparse.Namespace) -> int:
    """CLI: ``quizkit render QUIZ --versions N --seed S --format … -o OUT [--paper] [--large-print]``."""
    from quizkit.render.build import render_quiz_file

    written, warnings = render_quiz_file(
        args.quiz,
        Path(args.output),
        formats=check_formats(args.formats),
        n_versions=args.versions,
        seed=args.seed,
        paper=args.paper,
        large_print=args.large_print,
        ordering_as_matching=getattr(args, "ordering_as_matching", False),
    )
    for w in warnings:
        print(f"quizkit render: warning: {w}", file=sys.stderr)
    print(f"wrote {len(written)} files to {args.output}:")
    for path in written:
        print(f"  {path}")
    return 0
