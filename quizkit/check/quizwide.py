"""Cross-question checks, run on a selected quiz: duplicates, give-aways, key balance."""

from __future__ import annotations

from collections.abc import Iterator
from math import comb

from rapidfuzz import fuzz, process, utils

from quizkit.check.findings import QUIZ_WIDE, Finding, short
from quizkit.check.text import is_specific, key_names, mentions, signature
from quizkit.model import Question, Quiz

NEAR_DUPLICATE = 90
"""rapidfuzz token_set_ratio (0-100) from which two prompts ask the same thing."""
BIAS_P = 0.05
"""A key letter this unlikely under fair placement (binomial tail) counts as a pattern students can learn."""
_GIVEAWAY_TYPES = ("short_answer", "fill_blank", "multiple_choice")


def _answer_text(q: Question) -> str:
    if isinstance(q.answer, tuple):
        return " ".join(" ".join(x) if isinstance(x, tuple) else x for x in q.answer)
    return str(q.answer)


def word_and_point(a: Question, b: Question) -> bool:
    """A vocabulary question quoting a sentence and a short written question on that sentence's point ask
    different things (what a word means, what the sentence says), unless the quoted passage shows the
    written answer."""
    tags = {"vocabulary", "written"}
    if {t for t in (*a.tags, *b.tags) if t in tags} != tags or ("vocabulary" in a.tags) == (
        "vocabulary" in b.tags
    ):
        return False
    vocab, written = (a, b) if "vocabulary" in a.tags else (b, a)
    point = _answer_text(written).rstrip(".").lower()
    return bool(point) and point not in vocab.prompt.lower()


def near_duplicate(quiz: Quiz) -> Iterator[Finding]:
    """Two questions ask the same thing: prompts at least 90% alike (rapidfuzz token_set_ratio, any types),
    or the same type with the same answer from the same evidence."""
    qs = quiz.questions
    if len(qs) < 2:
        return
    scores = process.cdist(
        [signature(q) for q in qs],
        [signature(q) for q in qs],
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        score_cutoff=NEAR_DUPLICATE,
    )
    for j, b in enumerate(qs):
        for i, a in enumerate(qs[:j]):
            structured = {a.type, b.type} & {"matching", "ordering"}
            alike = scores[i][j] >= NEAR_DUPLICATE and (not structured or a.type == b.type)
            alike = alike and not word_and_point(a, b)
            same = (
                a.type == b.type
                and a.answer == b.answer
                and a.evidence is not None
                and a.evidence == b.evidence
            )
            if alike or same:
                why = f"{int(scores[i][j])}% alike" if alike else "same answer from the same evidence"
                yield Finding(
                    b.id,
                    "near_duplicate",
                    "error",
                    f"it asks the same as question {a.id} ({why}); drop one or ask about another fact",
                )
                break


def _visible(q: Question) -> str:
    """Text a student sees: the prompt, plus the items of matching and ordering questions."""
    return q.prompt + (" " + _answer_text(q) if q.type in ("matching", "ordering") else "")


def gives_away_answer(quiz: Quiz) -> Iterator[Finding]:
    """The text of one question names the answer (a name, number or date) of another question."""
    public = f"{quiz.title} {quiz.source.title}"
    keyed = [
        (b, names)
        for b in quiz.questions
        if b.type in _GIVEAWAY_TYPES
        and (names := [n for n in key_names(b) if is_specific(n)])
        and not any(mentions(public, n) for n in names)
    ]
    for a in quiz.questions:
        seen = _visible(a)
        own = a.answer if isinstance(a.answer, str) else ""  # matching/ordering items are all on show
        named: dict[str, list[str]] = {}
        for b, names in keyed:
            hit = next((n for n in names if mentions(seen, n) and not mentions(own, n)), None)
            if b.id != a.id and hit is not None:
                named.setdefault(hit, []).append(b.id)
        for hit, ids in named.items():
            which = f"question {ids[0]}" if len(ids) == 1 else "questions " + ", ".join(ids)
            yield Finding(
                a.id,
                "gives_away_answer",
                "warning",
                f"it names {short(hit)}, the answer to {which}; reword one of them or do not print both "
                "in the same quiz",
            )


def _tail(n: int, k: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def key_position_bias(quiz: Quiz) -> Iterator[Finding]:
    """Across the multiple-choice questions one letter holds the key far more often than its fair share."""
    mc = [q for q in quiz.questions if q.type == "multiple_choice" and q.answer in q.choices and q.choices]
    if len(mc) < 4:
        return
    for pos in range(max(len(q.choices) for q in mc)):
        having = [q for q in mc if len(q.choices) > pos]
        count = sum(q.choices.index(str(q.answer)) == pos for q in having)
        p = sum(1 / len(q.choices) for q in having) / len(having)
        if count >= 3 and _tail(len(having), count, p) < BIAS_P:
            letter = chr(ord("A") + pos)
            yield Finding(
                QUIZ_WIDE,
                "key_position_bias",
                "warning",
                f"the answer is option {letter} in {count} of {len(having)} multiple-choice questions "
                f"(fair share about {len(having) * p:.0f}); move some answers to other letters",
            )


def true_false_balance(quiz: Quiz) -> Iterator[Finding]:
    """True and false keys far from half and half, so always guessing one side pays."""
    keys = [q.answer for q in quiz.questions if q.type == "true_false" and isinstance(q.answer, bool)]
    trues, falses = keys.count(True), keys.count(False)
    if len(keys) >= 2 and abs(trues - falses) > max(1, len(keys) // 4):
        more = "true" if trues > falses else "false"
        yield Finding(
            QUIZ_WIDE,
            "true_false_balance",
            "warning",
            f"{max(trues, falses)} of {len(keys)} true/false statements are {more}; "
            "make about half of them true and half false",
        )
