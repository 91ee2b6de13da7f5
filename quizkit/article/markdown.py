"""Markdown → raw blocks with markdown-it-py (CommonMark): headings, paragraphs, block quotes, list items.

Front matter (``---`` YAML at the top) gives title, date, author and publisher when present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from quizkit.article.assemble import Raw, assemble
from quizkit.article.meta import Meta, parse_date
from quizkit.model import Article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_PARSER = MarkdownIt("commonmark").enable("table")
_SENTENCE_END = re.compile(r"[.!?:;,]$")


def _inline_text(token: Token) -> str:
    """Plain text of an inline token: link text kept, images, HTML tags and emphasis marks dropped."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _bold_only(token: Token) -> bool:
    """A paragraph that is all bold, e.g. **A sub-heading** used as a heading."""
    kids = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    return len(kids) >= 3 and kids[0].type == "strong_open" and kids[-1].type == "strong_close"


def _blocks(tokens: Sequence[Token], removed: list[str]) -> Iterator[Raw]:
    quote_depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "inline" and i > 0:
            opener = tokens[i - 1].type
            text = _inline_text(tok)
            if opener == "heading_open":
                yield Raw(text, "heading")
            elif opener == "paragraph_open":
                short = len(text.split()) <= 14 and not _SENTENCE_END.search(text.strip())
                if _bold_only(tok) and short and not quote_depth:
                    yield Raw(text, "heading")
                else:
                    yield Raw(text, "quote" if quote_depth else "paragraph")
            elif opener in ("th_open", "td_open"):
                yield Raw(text, "paragraph")
        elif tok.type in ("fence", "code_block", "html_block"):
            content = tok.content.strip()
            if content and not content.startswith("<!--"):
                removed.append(content)


def _front_matter(text: str) -> tuple[Meta, str]:
    """(metadata, rest of the text) when the file starts with a YAML front-matter block."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return Meta(), text
    try:
        data: Any = yaml.safe_load(m["yaml"])
    except yaml.YAMLError:
        return Meta(), text
    if not isinstance(data, dict):
        return Meta(), text

    def field(*keys: str) -> str:
        for key in keys:
            value = data.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value:
                return str(value)
        return ""

    meta = Meta(
        title=field("title", "headline"),
        publisher=field("publisher", "source", "site", "site_name"),
        date=parse_date(field("date", "published", "datePublished", "pubdate")),
        byline=field("author", "authors", "byline"),
        url=field("url", "canonical_url", "link"),
    )
    return meta, text[m.end() :]


def parse_markdown(text: str, path: str = "") -> Article:
    """A Markdown article: the first level-1 heading (or front matter) is the title."""
    meta, body = _front_matter(text)
    tokens = _PARSER.parse(body)
    if not meta.title:
        for i, tok in enumerate(tokens[:-1]):
            if tok.type == "heading_open" and tok.tag == "h1":
                meta = Meta(
                    meta.title or _inline_text(tokens[i + 1]),
                    meta.publisher,
                    meta.date,
                    meta.byline,
                    meta.url,
                )
                break
    removed: list[str] = []
    raws = list(_blocks(tokens, removed))
    if not any(t.type == "heading_open" and t.tag != "h1" for t in tokens):
        # No sub-headings marked up: text that merely looks like Markdown. Work out headings per line.
        raws = [Raw(r.text) if r.kind == "paragraph" else r for r in raws]
    return assemble(raws, meta, path=path, removed=removed, title_from_first=not meta.title)
