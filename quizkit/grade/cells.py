"""One typed cell -> its meaning in master terms: letters through the version's order, T/F, pairs, sequences."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from quizkit.grade.match import normalise
from quizkit.grade.score import Value
from quizkit.grade.sheets import Response
from quizkit.knowledge import aliases
from quizkit.model import Question, Quiz
from quizkit.versions import letter_index, master_options, matching_rows

_BLANKS = frozenset({"", "-", "–", "—", "n/a", "na", "none", "no answer", "(blank)", "[blank]"})
_TRUE = frozenset({"t", "true", "yes", "y", "1", "correct", "right", "wahr", "vrai", "verdadero"})
_FALSE = frozenset({"f", "false", "no", "n", "0", "incorrect", "wrong", "falsch", "faux", "falso"})
_LETTER = re.compile(r"\(?\s*([A-Za-z]{1,2})\s*[).:]?")
_LETTER_TEXT = re.compile(r"\(?([A-Za-z])\s*[).:]\s+(.+)", re.S)
_PAIR = re.compile(r"(\d+)\s*[-–—:=>.)]*\s*([A-Za-z]{1,2})(?![A-Za-z])")
_PAIRS_ONLY = re.compile(r"(?:\s*\d+\s*[-–—:=>.)]*\s*[A-Za-z]{1,2}\s*[,;/]?\s*)+")
_LETTERS_ONLY = re.compile(r"[A-Za-z](?:[\s,;/>-]*[A-Za-z])*")
_TEXT_PAIR = re.compile(r"(.+?)\s*(?:->|→|=>|:|=| - | – )\s*(.+)")


_NON_ANSWERS = frozenset({
    "idk", "i dont know", "dont know", "do not know", "i do not know", "no idea", "dunno", "not sure",
    "im not sure", "i am not sure", "no clue", "no answer given", "not answered",
})  # fmt: skip
"""Typed ways of not answering: a teacher counts them as blank (not attempted), not as a wrong answer."""


def is_blank(cell: str) -> bool:
    """No answer: an empty cell, a placeholder ("-", "n/a"), only punctuation ("?", "..."), or "idk"."""
    text = cell.strip().casefold()
    if text in _BLANKS or not any(c.isalnum() for c in text):
        return True
    words = re.sub(r"[^\w\s]", "", text.replace("’", "'").replace("'", "")).split()
    return " ".join(words) in _NON_ANSWERS


def pick(text: str, options: Sequence[str]) -> str | None:
    """The option ``text`` names: equal after normalising, else a close unique fuzzy match (≥ 90)."""
    n = normalise(text)
    if not n:
        return None
    normed = [normalise(o) for o in options]
    if n in normed:
        return options[normed.index(n)]
    best = process.extract(n, normed, scorer=fuzz.ratio, score_cutoff=90, limit=2)
    if len(best) == 1 or (len(best) == 2 and best[0][1] - best[1][1] >= 5):
        return options[best[0][2]]
    return _by_alias(text, options)


def _by_alias(text: str, options: Sequence[str]) -> str | None:
    """An accepted other name of exactly one option ("Ashkhabad" for the option "Ashgabat")."""
    said = aliases.lookup(text)
    if said is None:
        return None
    hits = [o for o in options if (e := aliases.lookup(o)) is not None and e.name == said.name]
    return hits[0] if len(hits) == 1 else None


def _by_letter(letter: str, options: Sequence[str], order: Sequence[int]) -> str | None:
    try:
        i = letter_index(letter.upper())
    except ValueError:
        return None
    if i >= len(options):
        return None
    return options[order[i]] if order else options[i]


def interpret_choice(q: Question, order: Sequence[int], cell: str) -> str:
    """Multiple choice: a letter ("b", "(B)", "b)"), "B. text" or the option text -> the master option."""
    text = cell.strip()
    hit = pick(text, q.choices) if len(normalise(text)) > 2 else None
    if hit is None and (m := _LETTER.fullmatch(text)):
        hit = _by_letter(m.group(1), q.choices, order)
    if hit is None and (m := _LETTER_TEXT.fullmatch(text)):
        hit = _by_letter(m.group(1), q.choices, order) or pick(m.group(2), q.choices)
    if hit is None:
        hit = pick(text, q.choices)
    return hit if hit is not None else text


def interpret_bool(cell: str) -> bool | str:
    """True/False (also T/F, yes/no); anything else stays text and scores nothing."""
    n = normalise(cell)
    if n in _TRUE:
        return True
    if n in _FALSE:
        return False
    return cell.strip()


def interpret_matching(q: Question, order: Sequence[int], cell: str) -> tuple[tuple[str, str], ...]:
    """ "1-C, 2-A" (printed row numbers and letters), "CAB" (one letter per row) or "left -> right; …"."""
    lefts = [left for left, _ in matching_rows(q)]
    rights = master_options(q)
    text = cell.strip()
    pairs: list[tuple[str, str]] = []
    if _PAIRS_ONLY.fullmatch(text):
        for num, letter in _PAIR.findall(text):
            row = int(num) - 1
            if 0 <= row < len(lefts):
                pairs.append((lefts[row], _by_letter(letter, rights, order) or letter))
        return tuple(pairs)
    if _LETTERS_ONLY.fullmatch(text):
        letters = re.findall(r"[A-Za-z]", text)
        if len(letters) == len(lefts):
            return tuple(
                (left, _by_letter(ch, rights, order) or ch) for left, ch in zip(lefts, letters, strict=True)
            )
    for part in re.split(r"[;\n]", text):
        m = _TEXT_PAIR.fullmatch(part.strip())
        if m:
            left = pick(m.group(1), lefts) or m.group(1)
            pairs.append((left, pick(m.group(2), rights) or m.group(2)))
    return tuple(pairs)


def interpret_ordering(q: Question, order: Sequence[int], cell: str) -> tuple[str, ...]:
    """ "C A B", "CAB", "C,A,B" (printed letters) or the item texts separated by ; , > or new lines."""
    items = master_options(q)
    text = cell.strip()
    parts = [p.strip() for p in re.split(r"[;\n>]|,(?!\d)", text) if p.strip()]
    named = [pick(p, items) if len(p) > 1 else None for p in parts]
    if len(parts) > 1 and all(named):  # item texts, even short ones like "UN; EU; NATO"
        return tuple(n for n in named if n)
    if _LETTERS_ONLY.fullmatch(text):
        letters = re.findall(r"[A-Za-z]", text)
        if len(letters) <= len(items) or len(text.split()) == len(letters):
            return tuple(_by_letter(ch, items, order) or ch for ch in letters)
    return tuple(n or p for n, p in zip(named, parts, strict=True))


def interpret(q: Question, order: Sequence[int], cell: str) -> Response:
    """A typed cell -> Response in master terms, by question type."""
    if is_blank(cell):
        return Response(cell.strip(), None)
    typed = cell.strip()
    value: Value
    if q.type == "multiple_choice":
        value = interpret_choice(q, order, typed)
    elif q.type == "true_false":
        value = interpret_bool(typed)
    elif q.type == "matching":
        value = interpret_matching(q, order, typed)
    elif q.type == "ordering":
        value = interpret_ordering(q, order, typed)
    else:
        value = typed
    return Response(typed, value)


class Interpreter:
    """Memoised ``interpret``: in a class most cells repeat, so each distinct one is parsed once."""

    def __init__(self, quiz: Quiz) -> None:
        self.questions = {q.id: q for q in quiz.questions}
        self._caches: dict[tuple[str, tuple[int, ...]], dict[str, Response]] = {}

    def cache_for(self, qid: str, order: tuple[int, ...]) -> dict[str, Response]:
        """The cell -> Response memo of one question as printed in one version."""
        return self._caches.setdefault((qid, order), {})

    def __call__(self, qid: str, order: tuple[int, ...], cell: str) -> Response:
        memo = self.cache_for(qid, order)
        hit = memo.get(cell)
        if hit is None:
            hit = interpret(self.questions[qid], order, cell)
            memo[cell] = hit
        return hit
