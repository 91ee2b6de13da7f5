"""Fill in the blank (cloze): the article's sentence with one name, date or number replaced by "_____"."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator

from quizkit.analysis import Analysis
from quizkit.generate import realize, statements, syntax
from quizkit.generate.common import Candidate, leaks, make, sentence_score
from quizkit.generate.short_answer import accepted_short

BLANKABLE = realize.ANSWER_KINDS | {"year", "date", "number"}


GENERIC_NOUNS = frozenset(
    {
        "area",
        "areas",
        "case",
        "cent",
        "countries",
        "country",
        "government",
        "issue",
        "issues",
        "number",
        "part",
        "people",
        "percent",
        "place",
        "places",
        "point",
        "points",
        "region",
        "side",
        "sides",
        "state",
        "states",
        "thing",
        "things",
        "time",
        "way",
        "world",
        "year",
        "years",
    }
)
KEY_NOUN_MIN = 2
"""A common noun becomes a blank only when the article uses it at least this often (a key word)."""


def key_nouns(analysis: Analysis) -> Counter[str]:
    """Lemma counts of the article's common nouns."""
    return Counter(
        t.lemma.lower() for s in analysis.sentences for t in s.toks if t.pos == "NOUN" and len(t.text) > 3
    )


def word_candidates(analysis: Analysis) -> Iterator[Candidate]:
    """One key noun per sentence: 'Soviet planners diverted much of the water into _____ canals.'"""
    freq = key_nouns(analysis)
    for s in analysis.sentences:
        named = {k for m in s.mentions for k in range(m.i, m.j)}
        words = [
            k
            for k, t in enumerate(s.toks)
            if t.pos == "NOUN"
            and k not in named
            and freq[t.lemma.lower()] >= KEY_NOUN_MIN
            and t.text.isalpha()
            and t.lemma.lower() not in GENERIC_NOUNS
            and not (k + 1 < len(s.toks) and s.toks[k + 1].tag == "POS")
        ]
        words.sort(key=lambda k: (-freq[s.toks[k].lemma.lower()], k))
        for k in words[:2]:
            word = s.toks[k].text
            if sum(1 for t in s.toks if t.lemma.lower() == s.toks[k].lemma.lower()) > 1:
                continue  # the same word elsewhere in the sentence would give it away
            prompt = statements.blank_word(s, k)
            if prompt is None:
                continue
            lemma = s.toks[k].lemma
            q = make(
                "fill_blank",
                prompt,
                word,
                s,
                analysis,
                accepted_answers=(lemma,) if lemma.lower() != word.lower() else (),
                tags=("key word",),
            )
            yield Candidate(q, sentence_score(s) - 0.2, s.index, f"word:{lemma.lower()}", "fill_blank")
            break


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    yield from word_candidates(analysis)
    for s in analysis.sentences:
        for m in s.mentions:
            if m.kind not in BLANKABLE:
                continue
            prompt = statements.blanked(s, m)
            if prompt is None or leaks(prompt.replace(syntax.BLANK, " "), m.text):
                continue
            q = make(
                "fill_blank",
                prompt,
                m.text,
                s,
                analysis,
                accepted_answers=accepted_short(m),
                target=m.canonical,
                tags=(m.kind,),
            )
            yield Candidate(q, sentence_score(s), s.index, m.canonical, "fill_blank")
