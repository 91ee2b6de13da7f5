"""Plain text → raw blocks: paragraphs split at blank lines; hard-wrapped lines joined back together."""

from __future__ import annotations

import itertools
import re

from quizkit.article.assemble import Raw, assemble
from quizkit.article.clean import is_boilerplate
from quizkit.article.meta import Meta, date_only, parse_byline, parse_published, parse_publisher_date
from quizkit.model import Article

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
WRAP_WIDTH = 100
"""Lines no longer than this, in a file that separates paragraphs by blank lines, may be hard-wrapped."""


def _standalone(line: str) -> bool:
    """A line that is never the continuation of a wrapped paragraph (metadata, boilerplate)."""
    return bool(
        is_boilerplate(line)
        or parse_byline(line)
        or parse_published(line)
        or parse_publisher_date(line)
        or date_only(line)
    )


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines of one blank-line-separated chunk when they look hard-wrapped (all of a width)."""
    width = max(len(line) for line in lines)
    if len(lines) == 1 or width > WRAP_WIDTH:
        return lines
    out = [lines[0]]
    for prev, line in itertools.pairwise(lines):
        if len(prev) >= max(40, 0.6 * width) and not _standalone(line) and not _standalone(prev):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """A text with no blank lines whose lines are mostly of one width and end mid-sentence: a wire story
    wrapped at ~70 characters, one paragraph running over several lines."""
    if len(lines) < 6:
        return False
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.9) - 1]
    if width > WRAP_WIDTH:
        return False
    full = [line for line in lines if len(line) >= 0.75 * width]
    open_ended = sum(1 for line in full if not line.rstrip().endswith((".", "!", "?", '"', "”", ":")))
    return len(full) >= 0.6 * len(lines) and open_ended >= 0.5 * len(full)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: one per line, or per blank-line-separated chunk when the text has them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _BLANK_LINE.split(text)
    if len(chunks) == 1:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        return _unwrap(lines) if _hard_wrapped(lines) else lines
    out: list[str] = []
    for chunk in chunks:
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            out.extend(_unwrap(lines))
    return out


def parse_text(text: str, path: str = "") -> Article:
    """A plain-text article: the first line is the title; bylines, date and publisher lines are metadata."""
    raws = [Raw(p) for p in split_paragraphs(text)]
    return assemble(raws, Meta(), path=path, title_from_first=True)
