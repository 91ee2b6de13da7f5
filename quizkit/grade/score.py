"""One small pure function per question type: ``(points, max)``, or ``None`` when a human must decide.

Responses arrive already in master terms (see ``responses.py``): the chosen option's text, a bool, the
typed text, (left, right) pairs, or the items in the student's order. Blank answers never reach these
functions: blank is its own verdict, not a wrong answer.

Partial credit:
- matching: points × (pairs right / pairs in the key); a left item answered twice counts once (its first).
- ordering: Kendall-style pairwise credit, points × (item pairs in the right relative order / all pairs),
  so moving one item costs only the pairs it breaks (a share-in-the-right-position rule would punish one
  early slip as if every later item were wrong). Items missing from the response, or written twice, break
  all their pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Any

from quizkit.grade.match import Judgement, Matcher, normalise
from quizkit.model import Question
from quizkit.versions import answer_items, matching_rows

Score = tuple[float, float] | None
Value = str | bool | tuple[str, ...] | tuple[tuple[str, str], ...]


def score_multiple_choice(q: Question, value: Value) -> Score:
    """Exact: the chosen option must be the key."""
    return (q.points if value == q.answer else 0.0), q.points


def score_true_false(q: Question, value: Value) -> Score:
    """Exact; a response that is not true/false (e.g. "maybe") scores nothing."""
    return (q.points if isinstance(value, bool) and value is q.answer else 0.0), q.points


def score_matching(q: Question, value: Value) -> Score:
    """Per-pair partial credit."""
    key = {normalise(left): right for left, right in matching_rows(q)}
    seen: dict[str, str] = {}
    for pair in value if isinstance(value, tuple) else ():
        if isinstance(pair, tuple) and len(pair) == 2:
            seen.setdefault(normalise(pair[0]), pair[1])
    right = sum(1 for left, r in key.items() if seen.get(left) == r)
    return _round(q.points * right / max(len(key), 1)), q.points


def ordering_credit(key: tuple[str, ...], given: tuple[str, ...]) -> float:
    """Share of item pairs the response puts in the same relative order as the key (0..1)."""
    if len(key) < 2:
        return 1.0 if tuple(given) == tuple(key) else 0.0
    counts = Counter(given)
    position = {item: i for i, item in enumerate(given) if counts[item] == 1}  # a repeated item is misplaced
    pairs = list(combinations(key, 2))
    good = sum(1 for a, b in pairs if a in position and b in position and position[a] < position[b])
    return good / len(pairs)


def score_ordering(q: Question, value: Value) -> Score:
    """Kendall-style pairwise partial credit (see module docstring)."""
    given = tuple(str(v) for v in value) if isinstance(value, tuple) else ()
    return _round(q.points * ordering_credit(answer_items(q), given)), q.points


def score_text(q: Question, value: Value, matcher: Matcher | None = None) -> Score:
    """Short answer / fill-in through the matcher; ``None`` when the matcher wants a human."""
    return text_judgement(q, value, matcher)[0]


def text_judgement(q: Question, value: Value, matcher: Matcher | None = None) -> tuple[Score, Judgement]:
    """The score and the matcher's reason (for the feedback)."""
    m = matcher or Matcher(str(q.answer), q.accepted_answers, prompt=q.prompt)
    judgement = m.judge(str(value))
    if judgement.verdict == "needs_review":
        return None, judgement
    return ((q.points if judgement.verdict == "correct" else 0.0), q.points), judgement


def score_open(q: Question, value: Value) -> Score:
    """Never automatic: open answers always need a human (see ``rubric_hints`` for a suggestion)."""
    return None


@dataclass(frozen=True, slots=True)
class RubricHint:
    """Which rubric points an open answer seems to touch, and the score that would suggest."""

    touched: tuple[str, ...]
    missed: tuple[str, ...]
    suggested: float


_STOP = frozenset({
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "that", "this",
    "these", "those", "is", "are", "was", "were", "be", "been", "being", "it", "its", "as", "at", "their",
    "his", "her", "they", "them", "than", "then", "into", "about", "more", "most", "some", "any", "can",
    "could", "would", "should", "may", "might", "between", "because", "while", "which", "who", "whom",
    "what", "when", "where", "why", "how", "not",
})  # fmt: skip


_MORE_STOP = frozenset({"whether", "still", "also", "its", "it", "there", "here", "very", "just", "really"})
_SAME_IDEA = (
    ("source", "sources", "outlet", "outlets", "publisher", "published", "publishes", "website", "site",
     "newspaper", "media", "author", "wrote", "written"),
    ("date", "dated", "when", "time", "current", "recent", "recently", "old", "today", "up to date"),
    ("confirm", "confirms", "confirmed", "verify", "verified", "check", "checked", "same", "agree",
     "agrees", "corroborate", "cross"),
    ("quote", "quotes", "quotation", "quoted", "said", "claim", "claims", "statement"),
    ("opinion", "opinions", "view", "views", "interpretation", "bias", "biased", "comment", "commentary"),
    ("reliable", "trustworthy", "trust", "trusted", "credible", "reputable"),
    ("news", "report", "reports", "reported", "reporting", "story", "stories", "article", "articles"),
)  # fmt: skip
"""Words a student uses for a rubric point's idea (checking a news source): one stem per idea, so "check
the date" meets "when it was published" and "other news says the same" meets "other outlets report it"."""
_IDEA = {w[:5]: f"#{i}" for i, group in enumerate(_SAME_IDEA) for w in group}


def _stems(text: str) -> set[str]:
    """Content words cut to 5 letters ("balancing" and "balance" meet at "balan"), a word of a known idea
    as that idea. Text in brackets is an example ("who published it (India Today)"), not a needed word."""
    text = re.sub(r"\([^)]*\)", " ", text)
    words = (w for w in re.findall(r"[a-z0-9]+", normalise(text)) if len(w) > 2 and w not in _STOP)
    return {_IDEA.get(w[:5], w[:5]) for w in words if w not in _MORE_STOP}


@cache
def _point_stems(point: str) -> frozenset[str]:
    """A rubric point's stems, once per point: a class's open answers all meet the same few points."""
    return frozenset(_stems(point))


def rubric_hints(q: Question, value: Value) -> RubricHint:
    """A rubric point counts as touched when at least half its content words appear in the answer."""
    points = tuple(str(p) for p in q.answer) if isinstance(q.answer, tuple) else (str(q.answer),)
    said = _stems(str(value))
    touched: list[str] = []
    missed: list[str] = []
    for point in points:
        words = _point_stems(point)
        (touched if words and len(words & said) * 2 >= len(words) else missed).append(point)
    share = len(touched) / max(len(points), 1)
    return RubricHint(tuple(touched), tuple(missed), round(q.points * share * 2) / 2)


def _round(x: float) -> float:
    return round(x, 4)


SCORERS: dict[str, Callable[..., Any]] = {
    "multiple_choice": score_multiple_choice,
    "true_false": score_true_false,
    "matching": score_matching,
    "ordering": score_ordering,
    "fill_blank": score_text,
    "short_answer": score_text,
    "open": score_open,
}
"""Question type -> its scoring function (the name → function registry the grader dispatches on)."""
