"""Typst helpers: escape text for Typst markup, and compile a Typst source to PDF (or PNG) bytes.

The printable quizzes do not splice text into markup at all (see ``pdf.py``: text travels as JSON data);
``escape`` is for callers that build small markup documents by hand, e.g. the grading feedback PDFs.
"""

from __future__ import annotations

import datetime as _dt
import re
import string
import threading
from typing import Any

from quizkit.errors import QuizkitError

# Every ASCII punctuation mark gets a backslash: Typst reads "\" + any symbol as that symbol, literally.
# That covers markup (# $ * _ @ < > ` \ [ ] ~ / = - + ' " . :) at any position, so no context rules needed.
_SPECIAL = frozenset(string.punctuation)
_TIMESTAMP = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)
"""A fixed creation date: the same source gives byte-identical PDFs."""


class RenderError(QuizkitError):
    """Typst could not compile a document (a bug in a template, or a missing font)."""


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
"""C0/C1 controls that are not line breaks: invisible on paper, so dropped."""


def plain_lines(text: str) -> str:
    """Every line break Unicode knows (VT, FF, NEL, U+2028, U+2029, the file/group/record separators, CR)
    as a newline, other control characters dropped. Typst reads those breaks as new lines, so two in a row would
    start a new paragraph inside bold text ("unclosed delimiter") and fail the whole class's feedback."""
    lines = _CONTROLS.sub("", text).splitlines()
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def escape(text: str) -> str:
    """Make ``text`` print literally in Typst markup (any character, any position)."""
    out = []
    for ch in plain_lines(text):
        if ch in _SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(" \\ ")  # a forced line break keeps the author's lines without starting markup
        elif ch == "\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def string_literal(text: str) -> str:
    """A Typst code-mode string literal holding ``text`` (for use after ``#`` or inside code)."""
    table = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(table.get(ch, ch) for ch in plain_lines(text)) + '"'


_local = threading.local()


def _compiler() -> Any:
    """One Typst compiler per thread: it keeps fonts loaded between documents, but cannot be shared."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        import typst

        compiler = _local.compiler = typst.Compiler()
    return compiler


def _compile(source: str, fmt: str, inputs: dict[str, str] | None, ppi: float | None) -> Any:
    import typst

    try:
        return _compiler().compile(
            input=source.encode("utf-8"),
            format=fmt,
            sys_inputs=dict(inputs or {}),
            timestamp=_TIMESTAMP,
            ppi=ppi,
        )
    except typst.TypstError as exc:
        first = str(getattr(exc, "message", exc)).splitlines()[0] if str(exc) else "unknown error"
        raise RenderError(
            f"Typst could not compile the document: {first}",
            where="quizkit.render",
            fix="report this as a bug with the quiz file that caused it",
        ) from None


def compile_pdf(source: str, inputs: dict[str, str] | None = None) -> bytes:
    """Compile a Typst source (str) to PDF bytes; ``inputs`` become ``sys.inputs`` in the document."""
    data = _compile(source, "pdf", inputs, None)
    assert isinstance(data, bytes)
    return data


def compile_png(source: str, inputs: dict[str, str] | None = None, *, ppi: float = 100.0) -> list[bytes]:
    """Compile to one PNG per page (previews and the README picture)."""
    data = _compile(source, "png", inputs, ppi)
    return [data] if isinstance(data, bytes) else list(data)
