"""Is this text English? The share of running words that are English function words (spaCy's list).

English prose has roughly 40-55 % stop words; other languages written in Latin script share a few ("a",
"in", "on") but stay far below. Needs no model download and takes milliseconds.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path

MIN_WORDS = 8
"""Below this there is too little to judge: short texts pass (generation warns about their length)."""
SAMPLE_WORDS = 5_000
MIN_STOP_SHARE = 0.15
"""English news: 0.3-0.5 (the seed 0.33); French, German, Dutch, Spanish, Turkish under 0.06; Polish 0.09."""
MIN_LATIN_SHARE = 0.6

_NON_LATIN = re.compile(r"[^\u0000-\u024f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop-word list. The list is a plain module; it is loaded from its file so that reading
    an article does not pay for importing all of spaCy (about a second) when nothing else needs it."""
    loaded = sys.modules.get("spacy.lang.en.stop_words")
    if loaded is None:
        spec = importlib.util.find_spec("spacy")
        origin = Path(spec.origin) if spec and spec.origin else None
        path = origin.parent / "lang" / "en" / "stop_words.py" if origin else None
        file_spec = importlib.util.spec_from_file_location("_quizkit_en_stop_words", path) if path else None
        if file_spec is not None and file_spec.loader is not None and path is not None and path.is_file():
            loaded = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(loaded)
        else:
            loaded = importlib.import_module("spacy.lang.en.stop_words")
    return frozenset(loaded.STOP_WORDS)


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
