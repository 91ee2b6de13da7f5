"""Short-answer and fill-in matching: is a typed answer the key, allowing for how people really type?

Accepted: the key, ``accepted_answers`` and every alias the knowledge base knows (USA = the U.S. = America);
case, spacing, punctuation, diacritics and leading articles; transliteration variants (Nazarbaev =
Nazarbayev); typos in proportion to length (none for short tokens such as "UK" or "C5+1"); numbers and dates
written differently ("1,195" = "1195", "in 1992" / "April 1992" for 1992, "nineteen ninety-two").
Refused: anything that names, or is closer to, another known name (Iraq for Iran, Australia for Austria,
John Kelly for John Kerry), a response naming only part of a multi-word answer ("United" for "United Arab
Emirates"), hedges that name two things ("Iran or Iraq"). Long free sentences go to a human.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

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
    text = text.replace("&", " and ")
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)", "", text)  # 1,195 -> 1195
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
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
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


def words_to_digits(text: str) -> str:
    """Replace runs of number words in normalised text with digits ("nineteen ninety two" -> "1992")."""
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
)
_ISO_DATE = re.compile(r"(?<!\S)(\d{4}) (\d{1,2}) (\d{1,2})(?!\S)")
_NUMERIC_DATE = re.compile(r"(?<!\S)(\d{1,2}) (\d{1,2}) (\d{4})(?!\S)")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_NUMBER = re.compile(r"(?<!\S)(\d+(?:\.\d+)?)(%?)(?: ?(k|thousand|m|mn|mln|million|bn|b|billion))?(?!\S)")


def quantities(text: str) -> Quantities:
    """Numbers (with million/bn scales), a date (day month year in any common order) and other words."""
    currency = [w for sym, w in (("$", "$"), ("€", "euro"), ("£", "pound")) if sym in text]
    text = re.sub(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b", r"\1 \2 \3", text)  # 29.08.1991
    text = _ORDINAL.sub(r"\1", words_to_digits(normalise(text)))
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
            if month:
                dates.add((int(m.group("y")), month, int(m.groupdict().get("d") or 0)))
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


def _compare_quantities(key: Quantities, resp: Quantities) -> Judgement:
    if key.dates:
        if any(_same_date(k, r) for k in key.dates for r in resp.dates):
            return Judgement("correct", "the same date, written differently")
        years = {float(k[0]) for k in key.dates}
        if not resp.dates and resp.numbers and resp.numbers <= years:
            return Judgement("incorrect", "only the year; the answer is a fuller date")
        return Judgement("incorrect", "a different date")
    numbers = set(resp.numbers)
    if len(key.numbers) == 1:  # "April 1992" for the year 1992
        numbers.update(float(r[0]) for r in resp.dates)
    if not numbers or numbers != set(key.numbers):
        return Judgement("incorrect", "a different number")
    if _unit_conflict(key.words, resp.words):
        return Judgement("incorrect", "the same number, but a different unit")
    return Judgement("correct", "the same number, written differently")


# --- the known names --------------------------------------------------------------------------------------

_FILLERS = (
    "the answer is", "answer is", "answer", "it is", "it was", "its", "it s", "they are", "they were",
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
_NEGATIONS = frozenset({"not", "never", "no", "neither", "nor", "isnt", "wasnt", "arent", "werent"})
_HEDGES = frozenset({"or", "maybe", "perhaps", "either"})


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


def _strip_fillers(text: str) -> str:
    stripped = _FILLER_RE.sub("", text + " ").strip()
    return normalise(stripped) if stripped else text


# --- the matcher -------------------------------------------------------------------------------------------


class Matcher:
    """Judges responses to one short-answer / fill-in question; results are memoised per response text."""

    def __init__(self, answer: str, accepted: tuple[str, ...] = (), *, others: tuple[str, ...] = ()) -> None:
        keys = [answer, *accepted]
        forms = {normalise(k) for k in keys if normalise(k)}
        self.entities = {e.entity for k in forms if (e := _entity_of(k)) is not None}
        for ent in aliases.entities():
            if ent.name in self.entities:
                forms.update(normalise(n) for n in ent.names if normalise(n))
        self.forms = frozenset(forms)
        self.folded = frozenset(fold(f) for f in forms)
        self.key_quantities = [q for k in keys if (q := quantities(k)).numbers or q.dates]
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
        if self.key_quantities:
            return self._judge_quantities(response)
        for cand in candidates:
            verdict = self._judge_containing(cand)
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

    def _judge_quantities(self, response: str) -> Judgement:
        resp = quantities(response)
        if not resp.numbers and not resp.dates:
            return Judgement("incorrect", "the answer is a number or date")
        best = Judgement("incorrect", "a different number")
        for key in self.key_quantities:
            verdict = _compare_quantities(key, resp)
            if verdict.verdict == "correct":
                return verdict
            best = verdict
        return best

    def _judge_containing(self, cand: str) -> Judgement | None:
        """The key inside a longer response: fine when short and naming nothing else."""
        words = cand.split()
        for form in sorted(self.forms, key=len, reverse=True):
            form_words = form.split()
            at = _contains(words, form_words)
            if at < 0 or len(words) == len(form_words):
                continue
            rest = words[:at] + words[at + len(form_words) :]
            if "person" in self.kinds and at > 0 and not self._own_given_name(words[at - 1]):
                # "Melania Trump" for Donald Trump: another given name before the surname is another person
                return Judgement("incorrect", "a different first name: probably another person")
            others = self._names_in(words)  # the whole answer: "South Sudan" holds "Sudan" but is a rival
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

    def _own_given_name(self, word: str) -> bool:
        """A title, or (a slip of) a word from one of the answer's own full names."""
        if word in _TITLES:
            return True
        own = {w for form in self.forms for w in form.split()}
        return word in own or any(
            w[:1] == word[:1] and (OSA.distance(word, w) <= 1 or _typo_of(word, w)) for w in own if len(w) > 2
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
        for form in self.folded:
            if not self._words_close(folded, form):
                continue
            d = OSA.distance(folded, form)
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
