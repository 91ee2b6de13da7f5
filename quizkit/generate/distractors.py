"""Wrong options of the key's own kind: from the article first, then from the alias table's known names.

Known places come nearest first: cities of the key's country, then its subregion, its continent, the rest
of the world (when the key is not a known place, the article's most named country stands in for it), so a
question about New York offers Chicago rather than Tashkent.

A distractor is never the key under another name (alias), never a substring or superstring of it and never
one edit away from it; it is written in the same style (Title Case, ACRONYM, number) and is of similar length.
Years and numbers get nearby plausible values instead.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from quizkit.analysis import Analysis
from quizkit.generate.common import lookup, norm
from quizkit.knowledge import aliases

LEXICON_KINDS = {
    "country": ("country",),
    "city": ("city",),
    "place": ("city", "place"),  # not countries: the table holds them all, so an unknown place is not one
    "region": ("region",),
    "person": ("person",),
    "organisation": ("organisation",),
    "agreement": ("agreement",),
    "event": ("event",),
    "sea": ("sea",),
    "corridor": ("corridor",),
    "publisher": ("publisher",),
}
ARTICLE_ONLY_KINDS = frozenset({"person", "organisation", "agreement", "event", "corridor", "region"})
"""Kinds whose wrong options come from the article alone: the world's lists of people and organisations are
not near any one story (a stranger's name is absurd, a name of the region may also be right)."""
_ABBR = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def style(text: str) -> str:
    """How a name is written: 'abbr' (U.S., NATO), 'title' (Central Asia) or 'lower'."""
    t = text.strip()
    if _ABBR.match(t.replace(" ", "")):
        return "abbr"
    return "title" if t[:1].isupper() else "lower"


@lru_cache(maxsize=1 << 16)
def confusable(a: str, b: str) -> bool:
    """True when ``b`` could count as the key ``a``: same entity, substring either way, or one edit away."""
    na, nb = norm(a), norm(b)
    if na == nb:
        return True
    ea, eb = lookup(a), lookup(b)
    if ea is not None and ea is eb:
        return True
    if not na or not nb or na in nb or nb in na:
        return True
    wa, wb = set(na.split()) - {"and", "of"}, set(nb.split()) - {"and", "of"}
    if wa <= wb or wb <= wa:
        return True
    return Levenshtein.distance(na, nb) <= 1


_TYPE_NOUNS_WORDS = """county city town village district province state region republic island islands river lake sea ocean
    mountain mountains valley street avenue road highway bridge square park lawn garden stadium arena airport
    port station hospital university college school institute academy museum palace house hall center centre
    building tower church mosque cathedral temple base camp service department ministry agency office council
    committee commission court parliament assembly congress senate party union association federation bank
    fund company corporation group foundation network forum summit conference agreement accords accord treaty
    deal pact act law bill convention declaration storm hurricane typhoon cyclone fire festival games cup
    championship league award prize war revolution crisis project programme program mission plan cf fc sc ac
    inc ltd plc llc corp club united"""
TYPE_NOUNS = frozenset(_TYPE_NOUNS_WORDS.split())
"""Last words that say what kind of thing a name is: a distractor for "Benton County" is a county, never
"the South Lawn" or a stadium; two names that both lack one are compared by kind only."""


def type_noun(name: str) -> str:
    words = name.lower().replace("’s", "").split()
    last = words[-1] if words else ""
    if last in TYPE_NOUNS:
        return last
    return next((w for w in words[:-1] if w in TYPE_NOUNS), "")


def same_type(key: str, cand: str) -> bool:
    """Both names say the same kind of thing ("… County" / "… County"), or neither says one."""
    return type_noun(key) == type_noun(cand)


def _ok(key: str, cand: str, chosen: list[str]) -> bool:
    if style(cand) != style(key) or confusable(key, cand) or not same_type(key, cand):
        return False
    ratio = len(cand) / max(1, len(key))
    if not 0.4 <= ratio <= 2.6:
        return False
    return not any(confusable(c, cand) for c in chosen)


def _pool(key: str, kind: str, analysis: Analysis | None) -> tuple[list[str], list[str]]:
    """(names from the article, names from the lexicon) of the key's kind."""
    from_article = list(analysis.names.get(kind, ())) if analysis is not None else []
    lex: list[str] = []
    for k in LEXICON_KINDS.get(kind, (kind,)):
        for ent in aliases.of_kind(k):
            lex.extend(ent.names if style(key) == "abbr" else (ent.name,))
    return from_article, lex


PLACE_KINDS = ("country", "city", "place", "territory", "region")


def reference(key: str, analysis: Analysis | None) -> aliases.Entity | None:
    """The place distractors should be near: the key itself when it is a known place, else the article's
    most named country among its places (None when neither is known)."""
    ent = lookup(key)
    if ent is not None and ent.region:
        return ent
    if analysis is None:
        return None
    return aliases.home(n for k in PLACE_KINDS for n in analysis.names.get(k, ()))


def nearest_first(
    key: str, cands: list[str], ref: aliases.Entity | None, rng: random.Random, n: int
) -> list[str]:
    """Candidates of the key's own kind first, each kind by closeness to ``ref`` (same country, subregion,
    continent, rest), each tier by similar length with its nearest few shuffled (seeded): plausible, yet not
    always the same three."""
    own = lookup(key)
    kind = own.kind if own is not None else "city"  # an unknown place is most likely a town
    tiers: dict[tuple[bool, int], list[str]] = {}
    for c in cands:
        ent = lookup(c)
        tiers.setdefault((ent is not None and ent.kind != kind, aliases.distance(ref, ent)), []).append(c)
    out: list[str] = []
    for d in sorted(tiers):
        tier = sorted(tiers[d], key=lambda c: (abs(len(c) - len(key)), c))
        near = tier[: max(6, 2 * n)]
        rng.shuffle(near)
        out.extend(near + tier[len(near) :])
    return out


def names(
    key: str,
    kind: str,
    analysis: Analysis | None,
    rng: random.Random,
    n: int = 3,
    avoid: tuple[str, ...] = (),
    article_only: bool = False,
) -> tuple[str, ...] | None:
    """``n`` distractor names for ``key``, article names first; None when there are not enough.
    ``article_only``: only names the article itself uses (a false statement never brings in a stranger)."""
    if kind in ("year", "date", "number"):
        return numbers(key, kind, rng, n)
    from_article, lex = _pool(key, kind, analysis)
    chosen: list[str] = []
    blocked = [key, *avoid]
    if article_only and kind in ("person", "organisation") and analysis is not None:
        from_article = [c for c in from_article if _recurring(analysis, c)]  # an actor, not a passer-by
    for cand in from_article:
        if len(chosen) < n and _ok(key, cand, chosen) and not any(confusable(b, cand) for b in blocked):
            chosen.append(cand)
    if article_only or kind in ARTICLE_ONLY_KINDS:
        return tuple(chosen) if len(chosen) == n else None
    rest = [c for c in dict.fromkeys(lex) if c not in chosen and _ok(key, c, chosen)]
    for cand in nearest_first(key, rest, reference(key, analysis), rng, n):
        if len(chosen) >= n:
            break
        if _ok(key, cand, chosen) and not any(confusable(b, cand) for b in blocked):
            chosen.append(cand)
    return tuple(chosen) if len(chosen) == n else None


def _recurring(analysis: Analysis, name: str) -> bool:
    """The article names ``name`` at least twice: one of the story's actors (a journalist quoted once, an
    analyst, a company in a ticker line make absurd swaps: "Carsten Fritsch said he would raise tariffs")."""
    canon = next((m.canonical for s in analysis.sentences for m in s.mentions if m.text == name), name)
    return analysis.counts.get(canon, 0) >= 2


def _format_like(key: str, value: float) -> str:
    m = _NUM.search(key)
    assert m is not None
    raw = m.group(0)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        text = f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
    else:
        text = (
            f"{round(value):,}" if "," in raw or (value >= 10_000 and " " not in key) else str(round(value))
        )
    return key[: m.start()] + text + key[m.end() :]


DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %Y")


def dates(key: str, rng: random.Random, n: int = 3) -> tuple[str, ...] | None:
    """Other plausible dates written the same way ("16 December 1991" -> "3 March 1992"), each clearly
    different from the key (two or more edits)."""
    import datetime as dt

    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(key, fmt).date()
        except ValueError:
            continue
        shifts = [-400, -190, -75, -41, 23, 58, 130, 260, -260, 97, 330, -530]
        rng.shuffle(shifts)
        out: list[str] = []
        for d in shifts:
            other = day + dt.timedelta(days=d)
            text = other.strftime(fmt).replace(" 0", " ")
            text = text.lstrip("0")
            if text not in out and text != key and Levenshtein.distance(text, key) >= 2:
                out.append(text)
            if len(out) == n:
                return tuple(out)
    return None


def numbers(key: str, kind: str, rng: random.Random, n: int = 3) -> tuple[str, ...] | None:
    """Nearby plausible years, dates or amounts of the same form as the key."""
    if kind == "date":
        return dates(key, rng, n)
    m = _NUM.search(key)
    if m is None:
        return None
    value = float(m.group(0).replace(",", ""))
    if kind == "year" and 1000 <= value <= 2100 and "." not in m.group(0):
        steps = sorted((d for d in range(-8, 9) if d), key=abs)[:10]
        cands = [_format_like(key, value + d) for d in steps]
    else:
        factors = (0.5, 2, 1.5, 0.25, 3, 0.75, 4, 0.1, 10)
        share = re.search(r"%|per ?cent", key) is not None
        cands = [
            _format_like(key, value * f)
            for f in factors
            if round(value * f) > 0 and not (share and value * f > 100)
        ]
    # digits one edit apart are fair here (2024 vs 2025): the numbers differ, which is the point
    good = [c for c in dict.fromkeys(cands) if c != key and numbers_of(c) != numbers_of(key)]
    near = good[: max(6, 2 * n)]
    rng.shuffle(near)
    out = near[:n]
    return tuple(out) if len(out) == n else None


def numbers_of(text: str) -> tuple[str, ...]:
    return tuple(x.replace(",", "") for x in _NUM.findall(text))
