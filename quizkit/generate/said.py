"""Who said it: a quotation the article attributes, and the person who said it (a claim and who makes it).

"Who said: “We just have too much water”?" tests whether a student followed who holds which view — what
reviewers counted as worthwhile — with the article's other people as the wrong options.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, Sentence
from quizkit.generate import distractors
from quizkit.generate.common import Candidate, leaks, make, sentence_score, span_evidence
from quizkit.model import Quote

MIN_WORDS, MAX_WORDS = 6, 28
GROUP = "said"


def _speaker(analysis: Analysis, quote: Quote) -> Mention | None:
    """The person mention the attribution names: the same name or its surname, the longest form first."""
    said = quote.speaker.replace("’s", "").strip()
    if not said:
        return None
    last = said.split()[-1].lower()
    people = [m for s in analysis.sentences for m in s.mentions if m.kind == "person"]
    fits = [m for m in people if m.text.lower() == said.lower() or m.text.split()[-1].lower() == last]
    return max(fits, key=lambda m: len(m.text.split()), default=None)


def _sentences(analysis: Analysis, quote: Quote, speaker: Mention) -> list[Sentence]:
    """The sentences holding the quotation, and the nearest one that names the speaker (same heading)."""
    inside = [s for s in analysis.sentences if s.start < quote.end and s.end > quote.start]
    if not inside:
        return []
    named = [s for s in analysis.sentences if any(m.canonical == speaker.canonical for m in s.mentions)]
    near = min(named, key=lambda s: abs(s.start - quote.start), default=None)
    if near is None or near.heading != inside[0].heading or abs(near.paragraph - inside[0].paragraph) > 1:
        return []
    return sorted({s.index: s for s in [*inside, near]}.values(), key=lambda s: s.index)


def _shown(text: str) -> str | None:
    words = text.strip("\"“”' ").split()
    if len(words) < MIN_WORDS or not words[0][:1].isupper():
        return None  # a fragment quoted inside a sentence ("…that people are watching out") reads badly alone
    return " ".join(words) if len(words) <= MAX_WORDS else " ".join(words[: MAX_WORDS - 4]) + " …"


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for quote in analysis.article.quotes:
        if not quote.attributed:
            continue
        speaker = _speaker(analysis, quote)
        shown = _shown(quote.text)
        if speaker is None or shown is None:
            continue
        if any(leaks(shown, n) for n in (speaker.text, speaker.text.split()[-1])):
            continue  # the quotation names its speaker
        sents = _sentences(analysis, quote, speaker)
        if not sents:
            continue
        key = speaker.text
        prompt = f"According to the article, who said: “{shown}”?"
        wrong = distractors.names(key, "person", analysis, rng, 3, avoid=(speaker.canonical,))
        ev = span_evidence(analysis, sents)
        at = min(sents, key=lambda s: abs(s.start - quote.start))
        score = sentence_score(at) + 0.3
        surname = (key.split()[-1],) if len(key.split()) > 1 else ()
        if wrong is not None:
            q = make(
                "multiple_choice",
                prompt,
                key,
                at,
                analysis,
                choices=(key, *wrong),
                accepted_answers=surname,
                target=speaker.canonical,
                bloom="understand",
                ev=ev,
                tags=("who", "claim"),
            )
            yield Candidate(q, score + 0.1, at.index, speaker.canonical, GROUP)
        q = make(
            "short_answer",
            prompt,
            key,
            at,
            analysis,
            accepted_answers=surname,
            target=speaker.canonical,
            bloom="understand",
            ev=ev,
            tags=("who", "claim"),
        )
        yield Candidate(q, score, at.index, speaker.canonical, GROUP)
