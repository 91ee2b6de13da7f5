"""Checks on the options of a multiple-choice question: count, key, duplicates and the distractors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from quizkit.check.findings import Problem, Severity, error, short, warning
from quizkit.check.text import lookup, mentions, names_of, norm, option_class, same_entity
from quizkit.model import Article, Question

MIN_OPTIONS, MAX_OPTIONS = 2, 6
_NUMERIC = frozenset({"year", "date", "number"})
_ENTITY = frozenset({"person", "place", "group"})


def _distractors(q: Question) -> tuple[str, ...]:
    return tuple(c for c in q.choices if c != q.answer)


def _option_key(text: str) -> str:
    """Options that read the same to a student: case, spacing and punctuation folded away."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def option_count(q: Question, article: Article | None) -> Iterator[Problem]:
    """A multiple-choice question with fewer than 2 or more than 6 options, or an empty option."""
    if q.type != "multiple_choice":
        return
    n = len(q.choices)
    if not MIN_OPTIONS <= n <= MAX_OPTIONS:
        yield error(f"it has {n} options; give between {MIN_OPTIONS} and {MAX_OPTIONS} (4 is usual)")
    if any(not c.strip() for c in q.choices):
        yield error("an option is empty; remove it or write it out")


def key_not_in_options(q: Question, article: Article | None) -> Iterator[Problem]:
    """The key is missing from the options, or written more than once."""
    if q.type != "multiple_choice":
        return
    count = sum(c == q.answer for c in q.choices)
    if count == 0:
        yield error(f"the answer {short(str(q.answer))} is not one of the options; add it or fix the answer")
    elif count > 1:
        yield error(f"the answer {short(str(q.answer))} is listed {count} times; keep it once")


def duplicate_options(q: Question, article: Article | None) -> Iterator[Problem]:
    """Two options read the same once case, spacing and punctuation are ignored."""
    seen: dict[str, str] = {}
    for c in q.choices if q.type == "multiple_choice" else ():
        k = _option_key(c)
        if k in seen and c != seen[k]:
            yield error(f"options {short(seen[k])} and {short(c)} are the same; replace one")
        elif k in seen and c != q.answer:
            yield error(f"option {short(c)} is listed twice; replace one copy")
        seen.setdefault(k, c)


def distractor_also_correct(q: Question, article: Article | None) -> Iterator[Problem]:
    """A wrong option is really right: an alias of the key, a part or extension of it, or one edit away."""
    if q.type != "multiple_choice" or not isinstance(q.answer, str):
        return
    keys = names_of(q.answer, q.accepted_answers)
    for d in _distractors(q):
        why = next((w for k in keys if (w := _also_correct(d, k))), "")
        if why:
            yield error(f"the wrong option {short(d)} {why}; a student choosing it is right too — replace it")


def _also_correct(d: str, key: str) -> str:
    if same_entity(d, key):
        return f"is another name for {short(key)}"
    ed, ek = lookup(d), lookup(key)
    if ed is not None and ek is not None and ed is not ek:
        return ""  # two different known things (Iran/Iraq, Sudan/South Sudan): a fair pair
    if mentions(key, d) or mentions(d, key):
        return f"contains or is contained in {short(key)}"
    a, b = norm(d), norm(key)
    if any(ch.isdigit() for ch in a + b) or min(len(a), len(b)) < 4:
        return ""  # 2024 vs 2025 is a fair distractor; very short words are too easily one edit apart
    limit = 2 if min(len(a), len(b)) >= 12 else 1
    if Levenshtein.distance(a, b) <= limit:
        return f"is a near-spelling of {short(key)}"
    return ""


def distractor_wrong_type(q: Question, article: Article | None) -> Iterator[Problem]:
    """A wrong option is not the same kind of thing as the key (a year among countries, a city among
    people, a phrase among names), so it is eliminated without knowing the answer."""
    if q.type != "multiple_choice" or not isinstance(q.answer, str):
        return
    kc, kk = option_class(q.answer)
    for d in _distractors(q):
        dc, dk = option_class(d)
        verdict = _type_verdict(kc, kk, dc, dk)
        if verdict:
            label = dk if dk == dc else f"{dk} ({dc})"
            key_label = kk if kk == kc else f"{kk} ({kc})"
            yield (
                verdict,
                f"the wrong option {short(d)} is a {label} but the answer is a {key_label}; "
                "replace it with one of the same kind",
            )


def _type_verdict(kc: str, kk: str, dc: str, dk: str) -> Severity | None:
    if (kc in _NUMERIC) != (dc in _NUMERIC):
        return "error"
    if kc in _NUMERIC:
        return None if kc == dc else ("warning" if {kc, dc} == {"year", "date"} else "error")
    if kc in _ENTITY and dc in _ENTITY:
        return "error" if kc != dc else ("warning" if kk != dk else None)
    if "phrase" in (kc, dc) and kc != dc:
        return "warning"
    return None


def key_longest(q: Question, article: Article | None) -> Iterator[Problem]:
    """The key is far longer than every distractor, which test-wise students pick without reading."""
    if q.type != "multiple_choice" or not isinstance(q.answer, str):
        return
    others = _distractors(q)
    if not others:
        return
    longest = max(len(d) for d in others)
    if len(q.answer) > 1.5 * longest and len(q.answer) - longest > 15:
        yield warning(
            f"the answer is {len(q.answer)} characters, the longest wrong option only {longest}; "
            "shorten the answer or lengthen the wrong options"
        )
