"""Two simple media-literacy items from the article's header: who published it and when (tag "metadata")."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from quizkit.analysis import Analysis
from quizkit.generate import distractors
from quizkit.generate.common import Candidate, make

TAG = "metadata"


def long_date(iso: str) -> str | None:
    """'2025-11-07' -> '7 November 2025'."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return f"{d.day} {d:%B} {d.year}"


def wrong_dates(iso: str, rng: random.Random, n: int = 3) -> tuple[str, ...] | None:
    """Plausible other publication dates, each clearly different from the real one (two or more edits)."""
    d = dt.date.fromisoformat(iso)
    key = long_date(iso) or iso
    shifts = [-400, -190, -75, -41, 23, 58, 130, 260, -260, 97]
    rng.shuffle(shifts)
    out: list[str] = []
    for days in shifts:
        try:
            cand = long_date((d + dt.timedelta(days=days)).isoformat())
        except OverflowError:  # a date at the calendar's edge: no plausible neighbours
            return None
        if cand and cand not in out and Levenshtein.distance(cand, key) >= 3:
            out.append(cand)
        if len(out) == n:
            return tuple(out)
    return None


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    art = analysis.article
    if art.publisher:
        wrong = distractors.names(art.publisher, "publisher", None, rng, 3)
        if wrong:
            q = make(
                "multiple_choice",
                "Which outlet published this article?",
                art.publisher,
                None,
                analysis,
                choices=(art.publisher, *wrong),
                explain=f"The article's header names the publisher: {art.publisher}.",
                tags=(TAG,),
            )
            yield Candidate(q, 1.4, -1, "metadata:publisher", TAG)
    key = long_date(art.date) if art.date else None
    if key:
        wrong_d = wrong_dates(art.date, rng)
        if wrong_d:
            q = make(
                "multiple_choice",
                "When was this article published?",
                key,
                None,
                analysis,
                choices=(key, *wrong_d),
                explain=f"The article's header gives the date: {key} ({art.date}).",
                tags=(TAG,),
            )
            yield Candidate(q, 1.4, -1, "metadata:date", TAG)
