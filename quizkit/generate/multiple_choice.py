"""Multiple choice (4 options): a wh-question about a name in a sentence, with distractors of its kind."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, Sentence
from quizkit.generate import distractors, realize
from quizkit.generate.common import (
    Candidate,
    accepted,
    key_name,
    leaks,
    make,
    sentence_score,
    similarity,
    wh_tag,
)
from quizkit.knowledge.attendees import also_right


def prompt_score(s: Sentence, prompt: str) -> float:
    """Direct questions ('Which country …?') read better than 'According to the article, … which …?'."""
    score = sentence_score(s)
    if not prompt.startswith("According to"):
        score += 0.3
    return score - 0.2 * max(0, len(prompt.split()) - 25) / 10


def avoid_names(s: Sentence, prompt: str) -> tuple[str, ...]:
    """Names already in the prompt make poor distractors (the student can rule them out)."""
    return tuple(m.text for m in s.mentions if leaks(prompt, m.text))


def options(
    m: Mention, s: Sentence, prompt: str, analysis: Analysis, rng: random.Random
) -> tuple[str, ...] | None:
    key = key_name(m)
    avoid = (*avoid_names(s, prompt), *also_right(f"{prompt} {s.text}", key))  # the other summit guests
    wrong = distractors.names(key, m.kind, analysis, rng, 3, avoid=avoid)
    return (key, *wrong) if wrong else None


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for s in analysis.sentences:
        for m, prompt in realize.asks(s):
            if leaks(prompt, m.text):
                continue
            choices = options(m, s, prompt, analysis, rng)
            if choices is None:
                continue
            q = make(
                "multiple_choice",
                prompt,
                choices[0],
                s,
                analysis,
                choices=choices,
                accepted_answers=accepted(m, choices[0]),
                target=m.canonical,
                similar=similarity(m.text, choices[1:], analysis),
                tags=(wh_tag(prompt),),
            )
            yield Candidate(q, prompt_score(s, prompt) + 0.2, s.index, m.canonical, "multiple_choice")
