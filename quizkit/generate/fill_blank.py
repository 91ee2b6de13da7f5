"""Fill in the blank (cloze): the article's sentence with one name, date or number replaced by "_____"."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention
from quizkit.generate import realize, statements, syntax
from quizkit.generate.common import Candidate, leaks, make, sentence_score
from quizkit.generate.short_answer import accepted_short

BLANKABLE = realize.ANSWER_KINDS | {"year", "date", "number"}


AFFILIATION = re.compile(r"\b(?:is|was) (?:a|an|the) [^_]{0,60}\b(?:at|of|with|for) (?:the )?_____")


def _bare_count(m: Mention) -> bool:
    """A small bare number ("10", "1") with no unit: "_____ wealthy countries" has no one fair answer."""
    return m.kind == "number" and m.text.strip().isdigit() and int(m.text) < 100


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    """Names, dates and numbers blanked where the article states them. (A common noun blanked — "The _____
    is behind it." — had many fitting words and little to test: reviewers rejected them.)"""
    for s in analysis.sentences:
        for m in s.mentions:
            if m.kind not in BLANKABLE or realize.in_list(s, m) or _bare_count(m):
                continue
            prompt = statements.blanked(s, m)
            if prompt is not None and AFFILIATION.search(prompt):
                continue  # "Jeffrey Frankel is an economist at _____": a source's employer is trivia
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
