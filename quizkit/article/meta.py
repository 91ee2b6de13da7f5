"""Article metadata from short lines: dates in the usual news forms, bylines, "Publisher — date" lines.

Dates are parsed with a few anchored patterns rather than a fuzzy parser: a fuzzy parser happily reads a
date out of any sentence with a number in it, and a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<num>\d{1,2})-(?P<day>\d{1,2})(?![\d-])"),
    re.compile(r"\b(?P<year>\d{4})/(?P<num>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MON},?[\s-]+(?P<year>\d{{4}})\b", re.I
    ),
)
_NUMERIC_DMY = re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>\d{4})\b")
_DATE_LEFTOVER = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"|\b(?:utc|gmt)\s*[+-]?\s*\d{0,2}(?::?\d{2})?|\b[A-Z]{2,5}\b|\b(?:at|on|updated|published|posted|hrs)\b"
    r"|T(?=\d)|Z\b|[+-]\d{2}:?\d{2}\b|[\s,|/·•—–()\[\]:.-]+",
    re.I,
)


def _valid(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in ``text`` as (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = int(g["num"]) if g.get("num") else _MONTHS[g["mon"].lower()[:3]]
            iso = _valid(int(g["year"]), month, int(g["day"]))
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    if best is None:
        for m in _NUMERIC_DMY.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                iso = _valid(int(m["year"]), b, a)
            elif b > 12 >= a:
                iso = _valid(int(m["year"]), a, b)
            else:
                continue  # 07/11/2025 could be July or November: better no date than a wrong one
            if iso:
                return iso, m.start(), m.end()
    return best


def parse_date(text: str) -> str:
    """ISO YYYY-MM-DD for the first date in ``text`` ("Nov 7, 2025", "2025-11-07T10:00:00Z"...), else ""."""
    found = find_date(text)
    return found[0] if found else ""


def date_only(line: str) -> str:
    """The ISO date when ``line`` is nothing but a date (weekday, time and zone allowed), else ""."""
    if len(line) > 80:
        return ""
    found = find_date(line)
    if not found:
        return ""
    iso, start, end = found
    rest = _DATE_LEFTOVER.sub("", line[:start] + " " + line[end:])
    return "" if rest else iso


# --- bylines ------------------------------------------------------------------------------------------

_BY = re.compile(
    r"^(?:(?:written|reported|story|words|text|published|posted|compiled)\s+)?by\s*:?\s+(?P<rest>.+)$", re.I
)
_AUTHOR_LABEL = re.compile(r"^(?:authors?|reporter|written by|byline)\s*:\s*(?P<rest>.+)$", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|and|&|de|del|der|van|von|la|le|da|di|al|bin|ibn|el)$")
_SEPARATORS = re.compile(r"\s*(?:\||•|·|\s[—–-]\s|,|\bon\b|\bupdated\b|\bpublished\b)\s*")


def names_only(text: str) -> bool:
    """True when ``text`` reads as one or a few person names ("Jane Doe", "Jane Doe and John Roe")."""
    tokens = text.replace(",", " ").split()
    return (
        0 < len(tokens) <= 8
        and all(_NAME_TOKEN.match(t) for t in tokens)
        and tokens[0][0].isupper()
        and tokens[-1][0].isupper()
    )


def parse_byline(line: str) -> tuple[str, str] | None:
    """("Jane Doe", iso date or "") for a byline such as "By Jane Doe | Nov 7, 2025", else None."""
    if len(line) > 120:
        return None
    m = _BY.match(line) or _AUTHOR_LABEL.match(line)
    if not m:
        return None
    parts = [p for p in _SEPARATORS.split(m["rest"].strip().rstrip(".")) if p]
    if not parts:
        return None
    names = [parts[0]]
    rest = parts[1:]
    # "By Jane Doe, John Roe and Ann Poe": further name-only parts are more authors; "Reuters" is not.
    while rest and names_only(rest[0]) and not find_date(rest[0]) and 2 <= len(rest[0].split()) <= 6:
        names.append(rest.pop(0))
    if not all(names_only(n) for n in names):
        return None
    date = parse_date(" ".join(rest))
    return ", ".join(names), date


# --- "Published: ..." and "Publisher — date" lines ----------------------------------------------------

_PUBLISHED = re.compile(
    r"^(?:[\w .'’-]{1,40}[,|•·—–]\s*)?"  # a dateline place: "New Delhi, UPDATED: ..."
    r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|date|dated|released)"
    r"(?:\s+on)?\s*[:\-–—]?\s*"
    r"(?P<rest>.+)$",
    re.I,
)


def parse_published(line: str) -> tuple[str, bool] | None:
    """(iso date, is_update) for "Published: 7 November 2025" / "Updated on ..." lines, else None."""
    m = _PUBLISHED.match(line) if len(line) <= 100 else None
    if not m:
        return None
    iso = date_only(m["rest"])
    if not iso:
        return None
    return iso, "updated" in m["label"].lower()


def dedupe_words(name: str) -> str:
    """ "India Today India Today" (a site name scraped twice) → "India Today"."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def parse_publisher_date(line: str) -> tuple[str, str] | None:
    """(publisher, iso date) for a short line "Publisher — 2025-11-07" or "2025-11-07 | Publisher"."""
    if len(line) > 100:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    before = line[:start].strip(" \t|—–-,:·•")
    after = line[end:].strip(" \t|—–-,:·•")
    if before and date_only(line[start:]):
        publisher = before  # "India Today — 2025-11-07 10:00 IST"
    elif after and date_only(line[:end]) and not before:
        publisher = after  # "2025-11-07 | India Today"
    else:
        return None
    words = publisher.split()
    if not (1 <= len(words) <= 8) or not publisher[0].isupper() or re.search(r"[.!?]\s|[.!?]$", publisher):
        return None
    if re.search(r"\b(?:published|posted|updated|by|on|at)\b", publisher, re.I):
        return None
    return dedupe_words(publisher), iso


def norm(text: str) -> str:
    """Lower-case words only, for comparing titles printed in another case or with other punctuation."""
    return " ".join(re.findall(r"[^\W_]+", text.replace("’", "'").lower()))


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata found outside the body text (HTML head, Markdown front matter)."""

    title: str = ""
    publisher: str = ""
    date: str = ""
    byline: str = ""
    url: str = ""
