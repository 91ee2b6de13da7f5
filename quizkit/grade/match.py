"""Short-answer and fill-in matching: is a typed answer the key, allowing for how people really type?

Accepted: the key, ``accepted_answers`` and every alias the knowledge base knows (USA = the U.S. = America);
case, spacing, punctuation, diacritics and leading articles; transliteration variants (Nazarbaev =
Nazarbayev); typos in proportion to length (none for short tokens such as "UK" or "C5+1"); numbers and dates
written differently ("1,195" = "1195", "in 1992" / "April 1992" for 1992, "nineteen ninety-two").
Refused: anything that names, or is closer to, another known name (Iraq for Iran, Australia for Austria,
John Kelly for John Kerry), a response naming only part of a multi-word answer ("United" for "United Arab
Emirates"), hedges that name two things ("Iran or Iraq"), another name made from the key ("Oslo Accords",
"Abraham Lincoln"), a different unit, an alias the question itself gives. Long free sentences go to a human.
Measured on held-out labeled sets: tests/test_grade_heldout.py (docs/grading.md, "Held-out agreement").
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizkit.knowledge import aliases

TextVerdict = Literal["correct", "incorrect", "needs_review"]


@dataclass(frozen=True, slots=True)
class Judgement:
    """What the matcher decided about one response, and a short reason a teacher can read."""

    verdict: TextVerdict
    reason: str


# --- normalising -----------------------------------------------------------------------------------------

_ARTICLES = frozenset({"the", "a", "an"})
_APOSTROPHES = "'’`´ʼ‘"
_DASHES = "-‐‑‒–—―/"


def normalise(text: str) -> str:
    """Fold case, diacritics, punctuation, spacing and leading articles; keep digits, '+' and decimals.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.
    """
    text = unicodedata.normalize("NFKD", text.replace("\x00", " "))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if not text.isascii():  # Токаев -> tokaev, Астана -> astana: letters of other scripts, transliterated
        text = "".join(anyascii(c).casefold() if c.isalpha() and not c.isascii() else c for c in text)
    text = text.replace("&", " and ")
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)", "", text)  # 1,195 -> 1195
    text = re.sub(r"(?<=\d),(?=\d{1,2}(?!\d))", ".", text)  # a decimal comma: 20,3 million -> 20.3 million
    text = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)  # keep decimal points
    text = re.sub(r"(?<=\b\w)\.(?=\w\b\.?)", "", text)  # U.S.A. -> USA
    text = text.replace(".", "")
    for ch in _DASHES:
        text = text.replace(ch, " ")
    text = re.sub(r"[^\w+%\x00]+", " ", text).replace("_", " ").replace("\x00", ".")
    text = re.sub(r"\s*\+\s*", "+", text).strip(" +") if "+" in text else text
    words = text.split()
    while words and words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    return " ".join(words)


_FOLDS = (
    (
        " kh",
        " k",
    ),  # a word-initial kh is heard as k (Khartoum ~ Kartoum); inside a word as h (Rakhmon ~ Rahmon)
    ("dh", "d"),  # aspirates in transliterated names: Modhi ~ Modi, Ghafur ~ Gafur
    ("bh", "b"),
    ("gh", "g"),
    ("th", "t"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
)


@cache
def fold(text: str) -> str:
    """A transliteration key: Nazarbaev, Nazarbayev -> "nazarbaev"; Toqaev, Tokayev -> "tokaev"."""
    text = normalise(text)
    # a glide y/j between vowels is dropped: Tokayev -> Tokaev, Mirziyoyev/Mirzijojev -> Mirzioev
    text = re.sub(r"(?<=[aeiou])[yj](?=[aeiou])", "", text)
    text = " " + text
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = text[1:]
    text = re.sub(r"c(?![eihy])", "k", text)  # a hard c is a k: Kairo ~ Cairo, Kaspian ~ Caspian
    text = re.sub(r"\b[aeou]l\b", "al", text)  # the Arabic article: Sharm el-Sheikh ~ Sharm al-Sheikh
    text = text.replace("y", "i")
    return re.sub(r"([a-z])\1+", r"\1", text)  # Kassym -> Kasim


# --- numbers and dates ------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | frozenset(_ORDINALS)
_SUFFIX_SCALES = {
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "million": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "billion": 1_000_000_000,
}  # fmt: skip
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip


_MONTH_NAMES = ("", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")  # fmt: skip


def _words_value(words: list[str]) -> int:
    """English number words -> int, including year pairs ("nineteen ninety two" -> 1992)."""
    total, current, scaled = 0, 0, False
    for w in words:
        if w == "and":
            continue
        if w in _SCALES:
            scale = _SCALES[w]
            scaled = True
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            continue
        value = _UNITS.get(w) or _TENS.get(w) or _ORDINALS.get(w, 0)
        pair = not scaled and 10 <= current < 100 and (value >= 10 or w == "oh" or current % 10 != 0)
        if pair:  # "nineteen ninety", "twenty twenty", "nineteen oh five": a spoken year
            current = current * 100 + value
        else:
            current += value
    return total + current


_POINT = re.compile(
    r"\b((?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred)\s+)+)point((?:\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))+)\b"
)


def _point(m: re.Match[str]) -> str:
    """ "twenty point three" -> "20.3" (the digits after "point" are read one by one)."""
    whole = _words_value(m.group(1).split())
    digits = "".join(str(_UNITS[w]) for w in m.group(2).split())
    return f"{whole}.{digits}"


def words_to_digits(text: str) -> str:
    """Replace runs of number words in normalised text with digits ("nineteen ninety two" -> "1992")."""
    text = _POINT.sub(_point, text)
    words = text.split()
    if not any(w in _NUMBER_WORDS for w in words):
        return text
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if w in _NUMBER_WORDS or (w == "and" and run):
            run.append(w)
            continue
        if run and run[0] in _SCALES and out and out[-1].replace(".", "").isdigit():
            out.extend(run)  # "115 million" keeps its scale word for ``quantities``
            run = []
        if run:
            trailing = []
            while run and run[-1] == "and":
                trailing.append(run.pop())
            out.append(str(_words_value(run)))
            out.extend(trailing)
            run = []
        if w:
            out.append(w)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Quantities:
    """The numbers and the date a text states; ``date`` is (year, month, day) with 0 for unknown parts."""

    numbers: frozenset[float]
    dates: frozenset[tuple[int, int, int]]
    words: tuple[str, ...]
    """The words left over (units, context)."""


_DATE_PATTERNS = (
    re.compile(r"\b(?P<d>\d{1,2}) (?:of )?(?P<m>[a-z]+) (?P<y>\d{4})\b"),
    re.compile(r"\b(?P<m>[a-z]+) (?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<y>\d{4})\b"),
    re.compile(r"\b(?P<m>[a-z]+) (?P<y>\d{4})\b"),
    re.compile(r"\b(?P<d>\d{1,2}) (?:of )?(?P<m>[a-z]+)\b"),  # 29 August: no year
    re.compile(r"\b(?P<m>[a-z]+) (?P<d>\d{1,2})\b"),
)
_ISO_DATE = re.compile(r"(?<!\S)(\d{4}) (\d{1,2}) (\d{1,2})(?!\S)")
_NUMERIC_DATE = re.compile(r"(?<!\S)(\d{1,2}) (\d{1,2}) (\d{4})(?!\S)")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_NUMBER = re.compile(r"(?<!\S)(\d+(?:\.\d+)?)(%?)(?: ?(k|thousand|m|mn|mln|million|bn|b|billion))?(?!\S)")


_SHORT_YEAR = re.compile(r"['’‘`]\d\d\b")
_SMALL_NUMBER_WORDS = "|".join([*_UNITS, *_TENS, "hundred"])
_HALF = re.compile(rf"\b(\d+|(?:(?:{_SMALL_NUMBER_WORDS}) )*(?:{_SMALL_NUMBER_WORDS})) and a half\b")
_DECADE_WORDS = re.compile(r"\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b")


def _halves(text: str) -> str:
    """ "three and a half million" -> "3.5 million" (digits or a number word before "and a half")."""

    def value(m: re.Match[str]) -> str:
        w = m.group(1)
        return f"{int(w) if w.isdigit() else _words_value(w.split())}.5"

    return _HALF.sub(value, text)


def _decades(text: str) -> str:
    """ "the sixties" -> "60s" (a decade; the century comes from the key)."""
    return _DECADE_WORDS.sub(lambda m: f"{_TENS[m.group(1) + 'y']}s", text)


def quantities(text: str) -> Quantities:
    """Numbers (with million/bn scales), a date (day month year in any common order) and other words."""
    currency = [w for sym, w in (("$", "$"), ("€", "euro"), ("£", "pound")) if sym in text]
    text = re.sub(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b", r"\1 \2 \3", text)  # 29.08.1991
    # a month and a year in figures: 2020-12, 12/2020, 12.2020 -> December 2020
    text = re.sub(
        r"\b(\d{4})-(0?[1-9]|1[0-2])\b(?![-/.]\d)",
        lambda m: f"{_MONTH_NAMES[int(m.group(2))]} {m.group(1)}",
        text,
    )
    text = re.sub(
        r"(?<![\d.,/-])(0?[1-9]|1[0-2])[./](\d{4})\b(?![-/.]\d)",
        lambda m: f"{_MONTH_NAMES[int(m.group(1))]} {m.group(2)}",
        text,
    )
    text = _ORDINAL.sub(r"\1", words_to_digits(_decades(_halves(normalise(text)))))
    text = re.sub(r"(?<=\d)(?=[a-z])", " ", text)  # 1511km -> 1511 km, 115m -> 115 m
    text = re.sub(
        r"(?<!\S)(\d{1,3})((?: \d{3})+)(?!\S)", lambda m: m.group(0).replace(" ", ""), text
    )  # 1 195
    dates: set[tuple[int, int, int]] = set()
    for m in _ISO_DATE.finditer(text):
        dates.add((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _NUMERIC_DATE.finditer(text):  # 10/04/1992: day first or month first, both readings
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        dates.update((year, mo, d) for d, mo in ((a, b), (b, a)) if 1 <= mo <= 12 and 1 <= d <= 31)
    text = _NUMERIC_DATE.sub(" ", _ISO_DATE.sub(" ", text))
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = _MONTHS.get(m.group("m"))
            day = int(m.groupdict().get("d") or 0)
            if month and day <= 31:
                dates.add((int(m.groupdict().get("y") or 0), month, day))
                text = text[: m.start()] + " " + text[m.end() :]
                break
        if dates:
            break
    numbers: set[float] = set()
    words: list[str] = currency
    for m in _NUMBER.finditer(text):
        numbers.add(float(m.group(1)) * _SUFFIX_SCALES.get(m.group(3) or "", 1))
        if m.group(2):
            words.append("%")
    words.extend(_NUMBER.sub(" ", text).split())
    return Quantities(frozenset(numbers), frozenset(dates), tuple(words))


_KM = frozenset({"km", "kilometre", "kilometres", "kilometer", "kilometers"})
_UNIT_GROUPS = (
    _KM,
    frozenset({"mile", "miles", "mi"}),
    frozenset({"%", "percent", "per", "cent"}),
    frozenset({"dollar", "dollars", "usd", "$"}),
    frozenset({"euro", "euros", "eur"}),
    frozenset({"pound", "pounds", "gbp"}),
    frozenset({"tonne", "tonnes", "ton", "tons", "t"}),
    frozenset({"km2", "sq", "square"}) | _KM,
    frozenset({"year", "years"}),
    frozenset({"barrel", "barrels", "bbl"}),
    frozenset({"litre", "litres", "liter", "liters", "gallon", "gallons"}),
    frozenset({"kg", "kilogram", "kilograms", "gram", "grams"}),
    frozenset({"hectare", "hectares", "ha", "acre", "acres"}),
    frozenset({"people", "persons", "inhabitants", "residents", "citizens"}),
    frozenset({"day", "days", "week", "weeks", "month", "months", "hour", "hours"}),
)


def _groups(word: str) -> set[int]:
    return {i for i, group in enumerate(_UNIT_GROUPS) if word in group}


def _unit_conflict(key_words: tuple[str, ...], resp_words: tuple[str, ...]) -> bool:
    """A unit in the response that shares no group with any unit of the key (miles for km)."""
    key = set().union(*(_groups(w) for w in key_words)) if key_words else set()
    if not key:
        return False
    return any((g := _groups(w)) and not g & key for w in resp_words)


def _same_date(key: tuple[int, int, int], resp: tuple[int, int, int]) -> bool:
    """Every part the key states (0 = not stated) agrees; the response may add detail."""
    return all(k == 0 or k == r for k, r in zip(key, resp, strict=True))


def _rounds_to(key: float, resp: float) -> bool:
    """``resp`` is ``key`` rounded up or down to the response's own precision (20 or 21 million for 20.3
    million, 37 or 38 million for 37.5 million), and within 5% of it."""
    if key <= 0 or resp <= 0 or abs(resp - key) > 0.05 * key:
        return False
    digits = f"{Decimal(repr(resp)).normalize():f}".replace(".", "").lstrip("0").rstrip("0") or "0"
    exponent = math.floor(math.log10(resp)) - len(digits) + 1
    return abs(resp - key) < 10.0**exponent


def _with_century(numbers: set[float], key: Quantities, short_year: bool) -> set[float]:
    """'92 / the 60s for a year or decade key: two-digit numbers take the key's century (only when written
    as a short year or a decade; a bare "92" may be anything)."""
    (year,) = key.numbers
    if not short_year or not (1000 <= year <= 2100 and year == int(year)):
        return numbers
    return {int(year) // 100 * 100 + n if 10 <= n < 100 and n == int(n) else n for n in numbers}


def _compare_quantities(
    key: Quantities, resp: Quantities, approximate: bool = False, short_year: bool = False
) -> Judgement:
    """Same date or number (and no clashing unit); ``approximate`` keys (20.3 million) accept rounding."""
    if key.dates:
        if any(_same_date(k, r) for k in key.dates for r in resp.dates):
            return Judgement("correct", "the same date, written differently")
        if any(
            r[0] == 0 and k[0] != 0 and _same_date((0, k[1], k[2]), r) for k in key.dates for r in resp.dates
        ):
            return Judgement("needs_review", "the right day and month, but no year")
        years = {float(k[0]) for k in key.dates}
        if not resp.dates and resp.numbers and resp.numbers <= years:
            return Judgement("incorrect", "only the year; the answer is a fuller date")
        return Judgement("incorrect", "a different date")
    numbers = set(resp.numbers)
    if len(key.numbers) == 1:  # "April 1992" for the year 1992
        numbers.update(float(r[0]) for r in resp.dates if r[0])
        numbers = _with_century(numbers, key, short_year)
    rounded = (
        approximate and len(key.numbers) == len(numbers) == 1 and _rounds_to(max(key.numbers), max(numbers))
    )
    if not numbers or (numbers != set(key.numbers) and not rounded):
        return Judgement("incorrect", "a different number")
    if _unit_conflict(key.words, resp.words):
        return Judgement("incorrect", "the same number, but a different unit")
    if rounded:
        return Judgement("correct", "the number, rounded")
    return Judgement("correct", "the same number, written differently")


# --- the known names --------------------------------------------------------------------------------------

_FILLERS = (
    "i think", "i believe", "i guess", "i am sure", "im sure", "probably", "the answer is", "answer is", "answer", "it is", "it was", "its", "it s", "they are", "they were",
    "he is", "she is", "that is", "in", "on", "at", "by", "from", "of", "president", "prime minister",
    "pm", "mr", "mrs", "ms", "dr", "king", "queen", "sheikh", "former president", "general", "secretary",
)  # fmt: skip
_FILLER_RE = re.compile(
    r"^(?:(?:" + "|".join(sorted(map(re.escape, _FILLERS), key=len, reverse=True)) + r") )+"
)
_TITLES = frozenset({
    "president", "prime", "minister", "pm", "mr", "mrs", "ms", "dr", "king", "queen", "sheikh", "former",
    "general", "secretary", "foreign", "kazakh", "us", "american", "russian", "chinese", "uzbek",
    "israeli", "leader", "senator", "emir", "sultan", "chancellor", "premier", "of", "state", "the",
    "deputy", "vice",
})  # fmt: skip
"""Words that may stand before a surname without making it another person: titles, roles, nationalities."""
_PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn",
    "ben", "bint", "abu", "ter", "ten", "dos", "das",
})  # fmt: skip
"""Lower-case parts of a surname: "von der Leyen", "al-Sisi"."""
_NOT_PEOPLE = frozenset({
    "accord", "accords", "agreement", "treaty", "house", "sea", "ocean", "lake", "river", "mount", "mountain",
    "mountains", "island", "islands", "republic", "kingdom", "state", "states", "union", "nations",
    "organization", "organisation", "council", "party", "bank", "fund", "route", "corridor", "consortium",
    "crisis", "war", "city", "street", "square", "airport", "university", "ministry", "court", "forces",
    "army", "group", "company", "corporation", "institute", "committee", "commission", "summit",
    "conference", "declaration", "convention", "pipeline", "belt", "road", "canal", "strait", "gulf", "bay",
    "desert", "valley", "province", "region", "district", "county", "club", "centre", "center", "museum",
    "church", "mosque", "palace", "tower", "bridge", "station", "port", "plan", "act", "programme",
    "program", "initiative", "movement", "front", "agency", "office", "forum", "cup", "games", "prize",
    "award", "new", "san", "santa", "saint", "st", "los", "las", "north", "south", "east", "west", "upper",
    "lower", "great", "greater", "central", "united", "hong", "cape", "fort",
})  # fmt: skip
"""Words that make a capitalised multi-word answer a place, body or thing rather than a person's name."""
_CONTENT_SKIP = frozenset({"of", "in", "the", "a", "an", "and", "for", "on", "to"})
_LEAD_INS = frozenset({
    "think", "guess", "believe", "was", "is", "are", "were", "its", "it", "probably", "definitely", "surely",
    "answer", "called", "named", "with", "by", "from", "at", "to", "and", "or", "maybe", "perhaps", "not",
    "no", "of", "in", "on", "the", "a", "an", "sure", "say", "said", "because", "that", "this", "but",
    "however", "actually",
})  # fmt: skip
"""Words that lead into an answer without being part of a name ("I think Trump", "not Kazakhstan")."""
_NEGATIONS = frozenset({"not", "never", "no", "neither", "nor", "isnt", "wasnt", "arent", "werent"})
_HEDGES = frozenset({"or", "maybe", "perhaps", "either"})


_VENUE_ASKED = re.compile(
    r"\b(building|venue|palace|hall|room|lawn|site|which place exactly|where exactly|in which part)\b", re.I
)
"""A question that asks for the venue itself, where the city it stands in is not the answer."""
_GENERIC = frozenset({
    "accord", "accords", "agreement", "agreements", "treaty", "treaties", "deal", "deals", "declaration",
    "war", "crisis", "conflict", "summit", "talks", "union", "republic", "kingdom", "party", "council",
    "bank", "fund", "city", "capital", "president", "minister", "government", "state", "states", "country",
})  # fmt: skip
"""Common nouns: an alias made only of them ("the accords") names the thing in a text that has already
named it, but typed alone it is not the answer ("Accords" for the Abraham Accords)."""


def _generic(form: str) -> bool:
    return all(w in _GENERIC for w in form.split())


@cache
def venue_cities(entity: str) -> frozenset[str]:
    """The city a venue stands in, from the sourced facts that name both (White House -> Washington)."""
    from quizkit.knowledge import load_facts

    found = aliases.lookup(entity)
    if found is None or found.kind != "venue":
        return frozenset()
    cities = set()
    for fact in load_facts():
        if entity in fact.entities:
            cities |= {e for e in fact.entities if (c := aliases.lookup(e)) is not None and c.kind == "city"}
    return frozenset(cities)


@dataclass(frozen=True, slots=True)
class _Name:
    entity: str
    kind: str
    text: str


@cache
def known_names() -> dict[str, _Name]:
    """Every known name and alias, normalised -> which entity it is (first one wins)."""
    out: dict[str, _Name] = {}
    for ent in aliases.entities():
        for n in ent.names:
            key = normalise(n)
            if key:
                out.setdefault(key, _Name(ent.name, ent.kind, n))
    return out


@cache
def _folded_names() -> dict[str, _Name]:
    out: dict[str, _Name] = {}
    for key, name in known_names().items():
        out.setdefault(fold(key), name)
    return out


def _person_like(raw: str) -> bool:
    """An answer that looks like a person's full name the knowledge base does not know ("Olaf Scholz"):
    2-5 capitalised words (lower-case particles allowed), no digits, no word of a place or organisation."""
    words = [w for w in re.split(r"[\s\-‐‑–]+", raw.strip()) if w]
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in raw):
        return False
    lowered = [normalise(w) for w in words]
    if any(w in _NOT_PEOPLE or w in _TITLES for w in lowered) or lowered[-1] in _PARTICLES:
        return False
    return all(w[:1].isupper() or n in _PARTICLES for w, n in zip(words, lowered, strict=True)) and not all(
        w.isupper() for w in words
    )


def _surnames(form: str) -> set[str]:
    """The surname alone ("scholz"), or from its particle on ("von der leyen"), of a normalised full name."""
    words = form.split()
    out = {words[-1]} if len(words[-1]) >= 3 else set()
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES and words[i - 1] not in _PARTICLES:
            out.add(" ".join(words[i:]))
    return out


def _content(text: str, stem: int = 0) -> tuple[str, ...]:
    """The folded content words, sorted: the same answer in another word order compares equal. With
    ``stem``, words are cut to that many letters (normalizing relations ~ normalization of relations)."""
    words = (_EVENT_HEADS.get(w, w) for w in fold(text).split() if w not in _CONTENT_SKIP_FOLDED)
    return tuple(sorted(w[:stem] if stem else _singular(w) for w in words))


_EVENT_HEADS = {
    fold(w): "konflikt" for w in ("crisis", "conflict", "war", "fighting", "hostilities", "clashes")
}
"""Head nouns that name the same event ("the Gaza crisis" = "the Gaza conflict" = "the war in Gaza"), folded:
what tells two events apart is the place or the sides, which must still agree."""


_CONTENT_SKIP_FOLDED = frozenset(fold(w) for w in (*_CONTENT_SKIP, "between", "with"))


def _singular(word: str) -> str:
    """A plural's last s, so "rare earth" meets "rare earths" (both sides are cut the same way)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _entity_of(text: str) -> _Name | None:
    return known_names().get(text) or _folded_names().get(fold(text))


def typo_budget(form: str) -> int:
    """Edits tolerated for a word or name: none up to 4 letters, then about one per 6 letters (max 3)."""
    n = sum(c.isalpha() for c in form)
    if n <= 4 or any(c.isdigit() for c in form):
        return 0
    if n <= 8:
        return 1
    return 2 if n <= 14 else 3


def _contains(haystack: list[str], needle: list[str]) -> int:
    """Index of ``needle`` as whole words inside ``haystack``, or -1."""
    n = len(needle)
    for i in range(len(haystack) - n + 1):
        if haystack[i : i + n] == needle:
            return i
    return -1


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiou")


@cache
def _adjacent() -> frozenset[tuple[str, str]]:
    """Letter pairs next to each other on a QWERTY keyboard (same row or the row below/above)."""
    pos = {c: (r, i) for r, row in enumerate(_KEYBOARD) for i, c in enumerate(row)}
    return frozenset(
        (a, b)
        for a, (ra, ia) in pos.items()
        for b, (rb, ib) in pos.items()
        if a != b and abs(ra - rb) <= 1 and abs(ia - ib) <= 1
    )


def _typo_of(word: str, key_word: str) -> bool:
    """A plausible slip for ``key_word``: within the typo budget, same first letter, and in a short word a
    swapped letter must be a vowel for a vowel or a neighbouring key (Jordon, Trunp; not Osama for Obama)."""
    if word[:1] != key_word[:1]:
        return False
    d = OSA.distance(word, key_word)
    if d > typo_budget(key_word):
        return False
    if d == 1 and len(word) == len(key_word) and len(key_word) <= 6:
        diff = [(a, b) for a, b in zip(word, key_word, strict=True) if a != b]
        if len(diff) == 1:
            a, b = diff[0]
            return (a in _VOWELS and b in _VOWELS) or (a, b) in _adjacent()
    return True


def _same_stem(word: str, other: str) -> bool:
    """Forms of one given name share their first three letters: Steve/Steven, Marco/Mark, Kamala/Kamila."""
    return len(word) >= 4 and len(other) >= 4 and word[:3] == other[:3]


def _strip_fillers(text: str) -> str:
    stripped = _FILLER_RE.sub("", text + " ").strip()
    return normalise(stripped) if stripped else text


# --- the matcher -------------------------------------------------------------------------------------------


class Matcher:
    """Judges responses to one short-answer / fill-in question; results are memoised per response text."""

    def __init__(
        self, answer: str, accepted: tuple[str, ...] = (), *, others: tuple[str, ...] = (), prompt: str = ""
    ) -> None:
        keys = [answer, *accepted]
        given = {normalise(k) for k in keys if normalise(k)}
        forms = set(given)
        self.entities = {e.entity for k in forms if (e := _entity_of(k)) is not None}
        if not _VENUE_ASKED.search(prompt):  # "Where was it held?" -> the venue's city is right too
            self.entities |= {city for e in self.entities for city in venue_cities(e)}
        for ent in aliases.entities():
            if ent.name in self.entities:
                forms.update(n for n in map(normalise, ent.names) if n and (n in given or not _generic(n)))
        # an alias the question itself gives is not an answer to it ("the official name of the Middle
        # Corridor?" -> "Middle Corridor"); the teacher's own answer and accepted answers always count
        asked = f" {normalise(prompt)} "
        self._in_prompt = frozenset(f for f in forms - given if f" {f} " in asked)
        forms -= self._in_prompt
        self.key_quantities = [q for k in keys if (q := quantities(k)).numbers or q.dates]
        # a decimal or a scale word marks an approximate figure: 20 million answers "20.3 million"
        self.approximate = bool(
            re.search(r"\d\.\d|\d ?(?:k|m|mn|mln|bn|million|billion|thousand)\b", normalise(answer))
        )
        if not self.entities and not self.key_quantities:
            for k in keys:
                if _person_like(k):
                    forms.update(_surnames(normalise(k)))
        self.forms = frozenset(forms)
        self.folded = frozenset(fold(f) for f in forms)
        # shortened forms ("accords", "trump"): another word before them makes another name (Oslo Accords)
        self._short_forms = frozenset(
            f for f in forms if any(g != f and g.split()[-len(f.split()) :] == f.split() for g in forms)
        )
        self._contents = frozenset(c for f in forms if len(c := _content(f)) > 1)
        # a descriptive phrase (no known name, not a person): compare word stems, any grammar or order
        phrase = not self.entities and not self.key_quantities and not any(_person_like(k) for k in keys)
        self._stems = frozenset(c for f in forms if len(c := _content(f, 5)) > 1) if phrase else frozenset()
        rivals = {
            key: name.text
            for key, name in known_names().items()
            if name.entity not in self.entities and key not in self.forms
        }
        for other in others:
            n = normalise(other)
            if n and n not in self.forms and fold(n) not in self.folded:
                rivals.setdefault(n, other)
        self.rivals = rivals
        # names of the same kind as the answer are rival answers inside a phrase; "Astana, Kazakhstan" is fine
        self.kinds = {e.kind for e in aliases.entities() if e.name in self.entities}
        self._rival_kind = {
            key: name.kind
            for key, name in known_names().items()
            if key in rivals and name.entity not in self.entities
        }
        self._rival_folded = {fold(k): v for k, v in rivals.items() if fold(k) not in self.folded}
        self._rival_keys = list(self._rival_folded)
        self._cache: dict[str, Judgement] = {}

    def judge(self, response: str) -> Judgement:
        """The verdict on one non-blank response (memoised: most responses in a class repeat)."""
        hit = self._cache.get(response)
        if hit is None:
            hit = self._judge(response)
            self._cache[response] = hit
        return hit

    def _judge(self, response: str) -> Judgement:
        text = normalise(response)
        if not text:
            return Judgement("incorrect", "no letters or digits")
        candidates = dict.fromkeys([text, _strip_fillers(text)])
        if any(cand in self._in_prompt for cand in candidates):
            return Judgement("incorrect", "repeats a name the question gives")
        if self.key_quantities and self._unit_clash(response):
            return Judgement("incorrect", "a different unit")
        for cand in candidates:
            if cand in self.forms:
                return Judgement(
                    "correct", "matches the answer" if cand == text else "the answer, with filler words"
                )
        for cand in candidates:
            named = known_names().get(cand)
            if named is not None and named.entity not in self.entities and not self.key_quantities:
                return Judgement("incorrect", f"that is {named.entity}, a different {named.kind}")
        for cand in candidates:
            if fold(cand) in self.folded:
                return Judgement("correct", "a spelling variant of the answer")
            if _content(cand) in self._contents:
                return Judgement("correct", "the answer's words in another order")
            if _content(cand, 5) in self._stems:
                return Judgement("correct", "the answer's words in another form")
        if self.key_quantities:
            return self._judge_quantities(response)
        if "person" in self.kinds and self._initial_and_surname(text):
            return Judgement("correct", "the answer's initial and surname")
        capitals = frozenset(
            (normalise(a), normalise(b))
            for a, b in re.findall(r"([\w'’]+)(?=[ \t]+([A-Z][\w'’]*))", response)
        )
        for cand in reversed(candidates):
            verdict = self._judge_containing(cand, capitals)
            if verdict:
                return verdict
        for cand in candidates:
            verdict = self._judge_partial(cand)
            if verdict:
                return verdict
        for cand in candidates:
            verdict = self._judge_typo(cand)
            if verdict:
                return verdict
        return Judgement("incorrect", "does not match the answer")

    def _initial_and_surname(self, text: str) -> bool:
        """ "D. Trump" for Donald Trump: one letter, the first of a given name, then the rest of the name."""
        words = text.split()
        if len(words) < 2 or len(words[0]) != 1:
            return False
        return any(
            len(f := form.split()) == len(words) and f[0][0] == words[0] and f[1:] == words[1:]
            for form in self.forms
        )

    def _unit_clash(self, response: str) -> bool:
        """A unit or currency of another kind than the key's (euros for dollars, barrels for tonnes)."""
        resp = quantities(response)
        return all(_unit_conflict(key.words, resp.words) for key in self.key_quantities)

    def _judge_quantities(self, response: str) -> Judgement:
        resp = quantities(response)
        short_year = bool(_SHORT_YEAR.search(response)) or "s" in resp.words
        if not resp.numbers and not resp.dates:
            return Judgement("incorrect", "the answer is a number or date")
        best = Judgement("incorrect", "a different number")
        for key in self.key_quantities:
            verdict = _compare_quantities(key, resp, self.approximate, short_year)
            if verdict.verdict == "correct":
                return verdict
            best = verdict
        return best

    def _judge_containing(
        self, cand: str, capitals: frozenset[tuple[str, str]] = frozenset()
    ) -> Judgement | None:
        """The key inside a longer response: fine when short and naming nothing else. ``capitals``: word
        pairs where the student capitalised the second, to tell "Abraham Lincoln" from "Abraham"."""
        words = cand.split()
        folded_words = [fold(w) for w in words]
        for form in sorted(self.forms, key=len, reverse=True):
            form_words = form.split()
            at = _contains(words, form_words)
            if at < 0 and len(folded := fold(form).split()) == len(form_words):
                at = _contains(folded_words, folded)  # "Emomali Rahmonov" holds Rakhmonov, transliterated
            if at < 0 or len(words) == len(form_words):
                continue
            rest = words[:at] + words[at + len(form_words) :]
            before = words[at - 1] if at > 0 else ""
            shortened = "person" in self.kinds or form in self._short_forms
            # a rival name before the key is listed, not compounded, unless it is a place before a
            # non-person key: "Oslo Accords" is another agreement, not Oslo and the Abraham Accords
            named_before = before in self.rivals and (
                "person" in self.kinds or self._rival_kind.get(before, "") in self.kinds | {""}
            )
            if (
                shortened
                and before
                and before not in _LEAD_INS
                and not named_before
                and not self._own_given_name(before)
            ):
                # "Melania Trump" for Donald Trump, "Oslo Accords" for the Abraham Accords: another name
                return Judgement("incorrect", f"{before!r} before it makes a different name")
            after = words[at + len(form_words)] if at + len(form_words) < len(words) else ""
            if (
                self.kinds <= {"person", "figure"}
                and (form_words[-1], after) in capitals
                and after not in _NOT_PEOPLE | _TITLES | _CONTENT_SKIP
                and not self._own_word_start(after)
            ):
                return Judgement("incorrect", f"{after!r} after it makes a longer, different name")
            others = self._names_in(words)  # the whole answer: "South Sudan" holds "Sudan" but is a rival
            if others and self._all_negated(words, at + len(form_words), at):
                return Judgement("correct", "the answer, ruling out another")
            if others and not self.kinds and self._qualifiers(words, at + len(form_words), others):
                return Judgement("correct", "the answer, with its country")
            if others and self.kinds:
                return Judgement("incorrect", f"also names {others[0]}")
            if others:  # the answer is not a known name, so another name may just be context
                return Judgement("needs_review", f"contains the answer but also names {others[0]}")
            if _NEGATIONS & set(words):
                return Judgement("needs_review", "contains the answer but also a negation")
            if _HEDGES & set(rest):
                return Judgement("incorrect", "hedges between answers")
            if len(rest) <= 4:
                return Judgement("correct", "the answer, in a short phrase")
            return Judgement("needs_review", "contains the answer inside a longer sentence")
        return None

    def _all_negated(self, words: list[str], end: int, at: int) -> bool:
        """ "Kazakhstan, not Uzbekistan": the answer, then a negation and one other name, nothing else."""
        rest = words[end:]
        while rest and rest[0] in ("and", "but"):
            rest = rest[1:]
        lead = words[:at]
        if lead and lead[-1] in ("but", "and"):
            lead = lead[:-1]
        if lead and not rest:  # "not Uzbekistan but Kazakhstan"
            return len(lead) >= 2 and lead[0] in _NEGATIONS and " ".join(lead[1:]) in self.rivals
        clean = not self._names_in(lead) and not (_NEGATIONS | _HEDGES) & set(lead)
        return clean and len(rest) >= 2 and rest[0] in _NEGATIONS and " ".join(rest[1:]) in self.rivals

    def _qualifiers(self, words: list[str], end: int, others: list[str]) -> bool:
        """ "Cairo, Egypt": an answer the knowledge base does not know, followed only by countries."""
        names = known_names()
        countries = all((n := names.get(normalise(o))) is not None and n.kind == "country" for o in others)
        return countries and " ".join(words[end:]) in {normalise(o) for o in others}

    def _own_word_start(self, word: str) -> bool:
        """(A slip of) one of the answer's own words, or the start of one ("Jin" of "Jinping")."""
        own = {w for form in self.forms for w in form.split()}
        return any(w.startswith(word) or _typo_of(word, w) for w in own)

    def _own_given_name(self, word: str) -> bool:
        """A title, or (a slip of) a word from one of the answer's own full names."""
        if word in _TITLES:
            return True
        own = {w for form in self.forms for w in form.split()}
        return word in own or any(
            w[:1] == word[:1] and (OSA.distance(word, w) <= 1 or _typo_of(word, w) or _same_stem(word, w))
            for w in own
            if len(w) > 2
        )

    def _names_in(self, words: list[str]) -> list[str]:
        """Rival names (of the answer's kind, when it has one) among the words, longest first."""
        found: list[str] = []
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                if len(chunk) < 3 and size == 1:
                    continue
                if chunk in self.rivals and (
                    not self.kinds or self._rival_kind.get(chunk, "") in self.kinds | {""}
                ):
                    found.append(self.rivals[chunk])
        return found

    def _judge_partial(self, cand: str) -> Judgement | None:
        words = set(cand.split())
        for form in self.forms:
            form_words = form.split()
            if len(form_words) > 1 and words < set(form_words):
                return Judgement("incorrect", "names only part of the answer")
        return None

    def _judge_typo(self, cand: str) -> Judgement | None:
        folded = fold(cand)
        best_form, best = "", 10**6
        # folded first (Nazarbaev ~ Nazarbayev), then as typed: folding can shrink a word below its budget
        pairs = [(folded, form) for form in self.folded] + [(cand, form) for form in self.forms]
        for typed, form in pairs:
            if not self._words_close(typed, form):
                continue
            d = OSA.distance(folded, fold(form))
            if d < best:
                best_form, best = form, d
        if not best_form:
            return None
        rival = process.extractOne(folded, self._rival_keys, scorer=OSA.distance, score_cutoff=best)
        if rival is not None:
            return Judgement("incorrect", f"closer to {self._rival_folded[rival[0]]} than to the answer")
        return Judgement("correct", "a small typo" if best == 1 else f"{best} small typos")

    @staticmethod
    def _words_close(cand: str, form: str) -> bool:
        """Typos are judged word by word and keep each word's first letter (first-letter slips are rare, and
        a changed first letter is usually another name: Osama/Obama); joined/split words allowed."""
        cw, fw = cand.split(), form.split()
        if len(cw) == len(fw):
            return all(a == b or _typo_of(a, b) for a, b in zip(cw, fw, strict=True))
        joined_c, joined_f = cand.replace(" ", ""), form.replace(" ", "")
        return joined_c[:1] == joined_f[:1] and OSA.distance(joined_c, joined_f) <= min(
            typo_budget(joined_f), 1
        )
