"""Short answer: who / what / where / when / which, answered by a name from the sentence."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, surname
from quizkit.generate import realize
from quizkit.generate.common import Candidate, accepted, key_name, leaks, make, wh_tag
from quizkit.generate.multiple_choice import prompt_score


def accepted_short(m: Mention, key: str | None = None) -> tuple[str, ...]:
    """Aliases, and a person's surname alone (graders accept "Tokayev" for "Kassym-Jomart Tokayev")."""
    key = key or m.text
    names = list(accepted(m, key))
    if m.kind == "person" and len(m.text.split()) > 1:
        names.append(surname(m.text))
    return tuple(n for n in dict.fromkeys(names) if n != key)


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for s in analysis.sentences:
        for m, prompt in realize.asks(s):
            if leaks(prompt, m.text):
                continue
            q = make(
                "short_answer",
                prompt,
                key_name(m),
                s,
                analysis,
                accepted_answers=accepted_short(m, key_name(m)),
                target=m.canonical,
                tags=(wh_tag(prompt),),
            )
            yield Candidate(q, prompt_score(s, prompt), s.index, m.canonical, "short_answer")
