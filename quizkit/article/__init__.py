"""Read a news article (plain text, Markdown or a saved HTML page) into an ``Article``.

Metadata (title, publisher, date, byline, url) apart from the body; scraping boilerplate stripped and kept
in ``Article.removed``; headings, quotes (attributed or not) and the author's summary kept as blocks.
Every block and quote satisfies ``body[start:end] == text``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from quizkit.article.captions import looks_like_captions, parse_captions
from quizkit.article.english import looks_english
from quizkit.article.meta import parse_date
from quizkit.article.text import parse_text
from quizkit.errors import InputError
from quizkit.files import decode_text, read_bytes, utf8_with_few_errors
from quizkit.model import Article

__all__ = [
    "from_text",
    "looks_english",
    "parse_captions",
    "parse_date",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "read_article",
    "sniff",
]

Kind = Literal["text", "markdown", "html", "captions"]
MAX_WORDS = 150_000
"""Ten times the longest news feature (generation of 100,000 words takes about 20 s); above it is a book or a
whole site dump, and generation would take minutes."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
CAPTION_SUFFIXES = {".srt", ".vtt"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdtxt"}
_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (perhaps a .docx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_READ_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252"}
_SINGLE_BYTE_LATIN = re.compile(
    r"^(?:cp125[0-8]|windows-125[0-8]|iso8859_(?:[1-49]|1[0-6])|latin_1|cp8\d\d|mac_)"
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h[1-6]|br)\b[^>]*>", re.I)
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MARKDOWN_CUES = re.compile(
    r"^(?:#{1,6}[ \t]+\S|>[ \t]?\S|```|~~~|(?:=+|-+)[ \t]*$)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^<!--",
    re.M,
)


def sniff(text: str, suffix: str = "") -> Kind:
    """What kind of article this is, by file extension first, then by content."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES or _HTML_START.match(text):
        return "html"
    if suffix in CAPTION_SUFFIXES or looks_like_captions(text):
        return "captions"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if len(_HTML_TAGS.findall(text[:20_000])) >= 3:
        return "html"
    if suffix in {".txt", ".text"}:
        return "markdown" if _ATX_HEADING.search(text[:20_000]) else "text"
    return "markdown" if _MARKDOWN_CUES.search(text[:20_000]) else "text"


def _decode(data: bytes, where: str, kind_hint: str) -> str:
    """UTF-8 (BOM allowed); for HTML the page's own <meta charset>; else charset detection."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(
                f"article is {what}, not text", where=where, fix="save the article as .txt, .md or .html"
            )
    if kind_hint == "html" and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        from bs4.dammit import EncodingDetector

        declared = (EncodingDetector.find_declared_encoding(data[:4096], is_html=True) or "").lower()
        # As browsers do (WHATWG encoding standard): a page labelled latin-1 or ASCII is read as windows-1252.
        declared = "cp1252" if declared in _READ_AS_CP1252 else declared
        if declared and declared.replace("_", "-") not in ("utf-8", "utf8"):
            try:
                return _check_text(data.decode(declared), where)
            except (LookupError, UnicodeDecodeError):
                pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "article starts like UTF-16 but does not decode", where=where, fix="save it as UTF-8"
            ) from None
        return _check_text(text, where)
    text = _western(data) or decode_text(data, where=where, what="article")
    return _check_text(text, where)


def _western(data: bytes) -> str:
    """Windows-1252 text when the bytes are not UTF-8 but a single-byte Latin code page.

    charset-normalizer cannot tell cp1252 from cp1250 on English text with a few accents ("crème" comes out
    "crčme"); an English article saved by Windows is by far the likelier, so cp1252 wins that tie.
    """
    if utf8_with_few_errors(data) is not None:  # UTF-8, perhaps with a few bad bytes: decode_text's case
        return ""
    if b"\x00" in data[:8192]:
        return ""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not _SINGLE_BYTE_LATIN.match(best.encoding or ""):
        return ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str, where: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise InputError("article is empty", where=where, fix="give a file with text in it")
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.05 * min(len(text), 8192):
        raise InputError("article looks binary, not text", where=where, fix="save it as plain text (UTF-8)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check(article: Article, where: str) -> Article:
    """Refuse what cannot become a quiz: no text left, or not English."""
    if not article.body.strip():
        raise InputError(
            "the article has no text left once boilerplate is removed",
            where=where,
            fix="give the article's own text (title, paragraphs)",
        )
    words = len(article.body.split())
    if words > MAX_WORDS:
        raise InputError(
            f"the article is too long ({words:,} words; quizkit reads news articles up to {MAX_WORDS:,})",
            where=where,
            fix="give one article, or only the part the lesson is about",
        )
    if not looks_english(article.title + "\n" + article.body):
        raise InputError(
            "the article does not look like English",
            where=where,
            fix="quizkit reads English news articles; give an English text",
        )
    return article


def parse_html(text: str, path: str = "") -> Article:
    """A saved news page (see ``quizkit.article.html``; BeautifulSoup is imported only when needed)."""
    from quizkit.article.html import parse_html as parse

    return parse(text, path)


def parse_markdown(text: str, path: str = "") -> Article:
    """A Markdown article (see ``quizkit.article.markdown``; markdown-it-py is imported only when needed)."""
    from quizkit.article.markdown import parse_markdown as parse

    return parse(text, path)


def _parse(text: str, kind: Kind, path: str) -> Article:
    if kind == "html":
        return parse_html(text, path)
    if kind == "markdown":
        return parse_markdown(text, path)
    if kind == "captions":
        return parse_captions(text, path)
    return parse_text(text, path)


def from_text(text: str, path: str = "") -> Article:
    """An article pasted as a string (text, Markdown or HTML, sniffed from the content)."""
    where = path or "pasted article"
    if not text.strip():
        raise InputError("article is empty", where=where, fix="paste or give the article's text")
    if "\x00" in text[:8192]:
        raise InputError("article looks binary, not text", where=where, fix="paste the article's text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _check(_parse(text, sniff(text, Path(path).suffix if path else ""), path), where)


def read_article(path: str | Path) -> Article:
    """Read an article file (.txt, .md, .html, or captions: .srt, .vtt; the kind is sniffed when the
    extension says nothing)."""
    p = Path(path)
    data = read_bytes(p, what="article")
    suffix = p.suffix.lower()
    head = data[:4096].decode("latin-1")
    hint = "html" if suffix in HTML_SUFFIXES or _HTML_START.match(head) else ""
    text = _decode(data, str(p), hint)
    return _check(_parse(text, sniff(text, suffix), str(p)), str(p))
