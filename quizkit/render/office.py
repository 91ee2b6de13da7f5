"""What the Office-file formats (Word, Excel) share: byte-identical zips and text Office can hold."""

from __future__ import annotations

import io
import re
import zipfile

from quizkit.render.common import xml_chars

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every member dated FIXED_TIME and the document's own created/modified stamps fixed
    (openpyxl writes the time of saving), so the same quiz gives the same bytes every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()


def clean(text: str) -> str:
    """One line of text Office XML can hold: control characters dropped, runs of spaces and newlines folded."""
    return " ".join(xml_chars(text).split())
