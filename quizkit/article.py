"""Read an article (plain text for now) into an ``Article``: metadata apart, boilerplate stripped.

First version: plain text in the shape of the seed. HTML and Markdown readers follow.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizkit.files import read_text
from quizkit.model import Article, Block, BlockKind, Quote

_BOILERPLATE = re.compile(r"^(more|more news|related articles?|editor'?s choice|read more)$", re.I)
_PUBLISHER_DATE = re.compile(r"^(?P<pub>.+?)\s+[—–-]\s+(?P<date>\d{4}-\d{2}-\d{2})$")
_SUMMARY = re.compile(r"^(author'?s summary|summary|in short)\s*:\s*", re.I)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _kind(line: str) -> BlockKind:
    if line[:1] in '"“' and line.rstrip()[-1:] in '"”':
        return "quote"
    if _SUMMARY.match(line):
        return "summary"
    if len(line.split()) <= 12 and line[-1:] not in '.?!"”:':
        return "heading"
    return "paragraph"


def parse_text(text: str, *, path: str = "") -> Article:
    """Plain text: first non-empty line is the title; a line 'Publisher — YYYY-MM-DD' gives the metadata."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = lines[0] if lines else ""
    publisher = date = ""
    removed: list[str] = []
    kept: list[str] = []
    for line in lines[1:]:
        m = _PUBLISHER_DATE.match(line)
        if _norm(line) == _norm(title) or _BOILERPLATE.match(line):
            removed.append(line)
        elif m and len(line) < 120:
            words = m.group("pub").split()
            half = len(words) // 2
            publisher = " ".join(words[:half]) if words[:half] == words[half:] else m.group("pub")
            date = m.group("date")
            removed.append(line)
        else:
            kept.append(line)
    blocks: list[Block] = []
    quotes: list[Quote] = []
    body = ""
    summary = ""
    for line in kept:
        if body:
            body += "\n\n"
        start = len(body)
        body += line
        kind = _kind(line)
        blocks.append(Block(kind, line, start, len(body)))
        if kind == "summary":
            summary = _SUMMARY.sub("", line)
        if kind == "quote":
            quotes.append(Quote(line.strip('"“”'), start + 1, len(body) - 1, attributed=False))
    return Article(
        title=title,
        body=body,
        blocks=tuple(blocks),
        publisher=publisher,
        date=date,
        path=path,
        quotes=tuple(quotes),
        summary=summary,
        removed=tuple(removed),
    )


def read_article(path: str | Path) -> Article:
    """Read an article file."""
    return parse_text(read_text(path, what="article"), path=str(path))
