"""Fill in the blank (cloze): the article's sentence with one name, date or number replaced by "_____"."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.generate import realize
from quizkit.generate.analysis import Analysis
from quizkit.generate.common import Candidate, leaks, make, sentence_score
from quizkit.generate.short_answer import accepted_short

BLANKABLE = realize.ANSWER_KINDS | {"year", "date", "number"}


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for s in analysis.sentences:
        for m in s.mentions:
            if m.kind not in BLANKABLE:
                continue
            prompt = realize.blanked(s, m)
            if prompt is None or leaks(prompt.replace(realize.BLANK, " "), m.text):
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
