"""Small text helpers shared by the checks: phrase search, names of a key, what kind of thing an option is.

All of them are plain string work (regexes, the alias table, rapidfuzz): no spaCy, so the per-question
checks stay cheap enough for the generator to run on hundreds of candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizkit.knowledge import aliases
from quizkit.model import Question

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATION = re.compile(r"\b(?:not|never|no|none|nor|cannot|neither|without)\b|n[’']t\b", re.I)
"""A word that says "not": a statement with one more than its evidence denies it."""
_YEAR = re.compile(r"^(?:in\s+)?(?:1[5-9]\d\d|20\d\d)s?$", re.I)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = re.compile(
    rf"^(?:\d{{4}}-\d\d(?:-\d\d)?|.*\b(?:{_MONTHS})\b\.?.*\d.*|\d.*\b(?:{_MONTHS})\b.*)$", re.I
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    "hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions"
)
_NUMERIC = re.compile(
    rf"^(?:about |around |over |nearly |some |more than |less than )?(?:[$€£]?\d|(?:{_NUMBER_WORDS})\b)", re.I
)
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")

# Coarse classes of the alias table's kinds: a distractor from another class is plainly the odd one out.
KIND_CLASS = {
    "person": "person",
    "country": "place",
    "city": "place",
    "region": "place",
    "sea": "place",
    "organisation": "group",
    "agreement": "group",
    "corridor": "group",
    "event": "group",
    "publisher": "group",
}


norm = aliases.norm
lookup = aliases.lookup


def same_entity(a: str, b: str) -> bool:
    """Equal after folding, or two names of one known entity (as ``aliases.same_entity``)."""
    if norm(a) == norm(b):
        return True
    ea = lookup(a)
    return ea is not None and ea is lookup(b)


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> tuple[re.Pattern[str], bool] | None:
    """Word-bounded pattern for a phrase and whether it runs on the raw text (acronyms such as "US" or
    "U.S." match case-sensitively, so "us" the pronoun is not the United States) or on the folded text."""
    stripped = phrase.strip()
    core = _LEADING_THE.sub("", stripped)
    if _ACRONYM.match(core):
        dotted = r"\.?".join(re.escape(c) for c in core.replace(".", ""))
        return re.compile(rf"(?<![\w.]){dotted}\.?(?!\w)"), True
    key = norm(stripped)
    if not key:
        return None
    return re.compile(rf"(?<!\w){re.escape(key)}(?!\w)"), False


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """The text folded like the alias table's keys (case, accents, punctuation, possessive 's)."""
    return " " + norm(text) + " "


def mentions(text: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in ``text`` as whole words, ignoring case, accents and punctuation."""
    if _NUMBER.fullmatch(phrase.strip()):  # 1,511 is one number: "1" or "511" must not match inside it
        return phrase.strip().replace(",", "") in numbers(text)
    found = _phrase_pattern(phrase)
    if found is None:
        return False
    pattern, raw = found
    return pattern.search(text if raw else folded(text)) is not None


@lru_cache(maxsize=4096)
def names_of(answer: str, accepted: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The key, its accepted answers and, when the alias table knows them, every alias (deduplicated)."""
    seen: set[str] = set()
    out: list[str] = []
    for name in (answer, *accepted):
        ent = lookup(name)
        for n in (name, *(ent.names if ent else ())):
            core = _LEADING_THE.sub("", n.strip())
            key = core.replace(".", "") if _ACRONYM.match(core) else norm(n)
            if key and key not in seen:
                seen.add(key)
                out.append(n)
    return tuple(out)


def key_names(q: Question) -> tuple[str, ...]:
    """Every way of writing the key of a question with a text key (empty for other answer shapes)."""
    return names_of(q.answer, q.accepted_answers) if isinstance(q.answer, str) else ()


def numbers(text: str) -> tuple[str, ...]:
    """The digit groups in a text ("1,000" -> "1000"), to compare numbers written differently."""
    return tuple(m.group(0).replace(",", "") for m in _NUMBER.finditer(text))


def content_words(text: str) -> tuple[str, ...]:
    """Folded words of three letters or more that are not function words."""
    return tuple(w for w in norm(text).split() if len(w) > 2 and w not in STOPWORDS)


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text.strip()))


LONG_OPTION = 7
"""Options longer than this many words are statements, whatever dates or numbers they contain."""


def option_class(text: str) -> tuple[str, str]:
    """(coarse class, fine kind) of an option: year, date, number, person/place/group by the alias table,
    name (an unknown proper name) or phrase (lower-case words)."""
    t = text.strip()
    if len(t.split()) > LONG_OPTION:
        return "phrase", "phrase"  # a sentence that happens to hold a date or a number is still a sentence
    if is_year(t):
        return "year", "year"
    if _DATE.match(t):
        return "date", "date"
    if _NUMERIC.match(t):
        return "number", "number"
    ent = lookup(t)
    if ent is not None:
        return KIND_CLASS.get(ent.kind, "name"), ent.kind
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", t) if w.lower() not in STOPWORDS]
    if words and all(w[0].isupper() for w in words):
        return "name", "name"
    return "phrase", "phrase"


def is_specific(answer: str) -> bool:
    """A name, number or date: a key another question's text could give away."""
    t = answer.strip()
    if numbers(t) or lookup(t) is not None:
        return True
    if len(norm(t)) < 3:
        return False
    words = t.split()
    if len(words) == 1:
        return bool(_CAPITALISED.fullmatch(words[0]))
    if any(lookup(w) is not None for w in words if w[:1].isupper()):
        return True  # "Kazakhstan's president": a known name, even as the first word
    return any(_CAPITALISED.fullmatch(w) for w in words[1:] if w.lower() not in STOPWORDS)


def capitalised_spans(text: str) -> tuple[str, ...]:
    """Runs of capitalised words (allowing "of", "the", "and" inside) and numbers: the names and figures
    a true/false statement can swap."""
    spans: list[str] = []
    current: list[str] = []
    tokens = re.findall(r"\d+(?:[.,]\d+)*|[\w'’.-]+|[^\w\s]", text)
    for i, tok in enumerate(tokens):
        tok = tok.rstrip(".")
        inner = tok.lower() in {"of", "the", "and", "de", "al"} and current
        if (
            (tok[:1].isupper() and not (i == 0 and tok.lower() in STOPWORDS))
            or inner
            or _NUMBER.fullmatch(tok)
        ):
            current.append(tok)
            continue
        if current:
            spans.append(_trim(current))
            current = []
    if current:
        spans.append(_trim(current))
    return tuple(s for s in spans if s)


def _trim(words: list[str]) -> str:
    while words and words[-1].lower() in {"of", "the", "and", "de", "al"}:
        words = words[:-1]
    return " ".join(words)


_STOPWORDS = """a an the and or but nor so yet of to in on at by for from with without into onto over under about
    above below between among amid after before during since until while as than that this these those
    it its it's they them their theirs he him his she her hers we us our you your i me my is are was were
    be been being am do does did done have has had having will would shall should can could may might
    must not no yes which who whom whose what when where why how there here then also only just very
    more most less least such some any all each every both either neither other another own same
    according article says said"""
STOPWORDS = frozenset(_STOPWORDS.split())


_FRAME = re.compile(r"^\s*according to the article,\s*", re.I)


def signature(q: Question) -> str:
    """What a student reads as "the question", for near-duplicate tests: the prompt without the framing
    "According to the article," (shared by many prompts, it would make unrelated ones look alike), or the
    items of matching and ordering (whose prompts are generic instructions such as "Put these in order")."""
    if q.type in ("matching", "ordering") and isinstance(q.answer, tuple):
        return " ".join(" ".join(x) if isinstance(x, tuple) else x for x in q.answer)
    return _FRAME.sub("", q.prompt)
