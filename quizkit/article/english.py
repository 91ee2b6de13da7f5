"""Is this text English? The share of running words that are English function words (spaCy's list).

English prose has roughly 40-55 % stop words; other languages written in Latin script share a few ("a",
"in", "on") but stay far below. Needs no model download and takes milliseconds.
"""

from __future__ import annotations

import re
from functools import cache

MIN_WORDS = 8
"""Below this there is too little to judge: short texts pass (generation warns about their length)."""
SAMPLE_WORDS = 5_000
MIN_STOP_SHARE = 0.18
MIN_LATIN_SHARE = 0.6

_NON_LATIN = re.compile(r"[^\u0000-\u024f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def looks_english(text: str) -> bool:
    """True when ``text`` reads as English (or is too short to tell and written in Latin letters)."""
    words = _WORD.findall(text[: SAMPLE_WORDS * 12])[:SAMPLE_WORDS]
    if not words:
        return True
    sample = "".join(words)
    if len(_NON_LATIN.findall(sample)) > (1 - MIN_LATIN_SHARE) * len(sample):
        return False
    if len(words) < MIN_WORDS:
        return True
    stops = _stop_words()
    return sum(w.lower().replace("’", "'") in stops for w in words) >= MIN_STOP_SHARE * len(words)
