"""What every generated question shares: evidence, explanation, difficulty, and the ``Candidate`` wrapper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizkit.analysis import Analysis, Mention, Sentence
from quizkit.knowledge import aliases
from quizkit.model import Evidence, Question, QuestionType

BASE_DIFFICULTY: dict[str, float] = {
    "true_false": 0.25,
    "multiple_choice": 0.35,
    "fill_blank": 0.5,
    "short_answer": 0.55,
    "matching": 0.45,
    "ordering": 0.6,
    "open": 0.7,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A generated question before selection. ``score``: higher is a better question to ask."""

    question: Question
    score: float
    sentence: int
    """Index of the evidence sentence (-1 when there is none)."""
    target: str
    """Canonical name of what the question asks for ('' for statements and open questions)."""
    group: str
    """The question's kind for the type mix: its type, or 'vocabulary' / 'metadata'."""


def evidence(s: Sentence) -> Evidence:
    return Evidence(s.text, s.start, s.end)


def explanation(s: Sentence, extra: str = "") -> str:
    """'The article says: "…" (paragraph 3, under "Heading").'"""
    lead = f"{extra} " if extra else ""
    return f'{lead}The article says: "{s.text.strip(chr(34) + "“”")}" ({s.where()}).'


def key_name(m: Mention) -> str:
    """The answer as printed: the article's own words, but the full name for an abbreviation
    ("United States" for "U.S."), which reads better among options such as "Russia" and "China"."""
    text = m.text
    if text.replace(".", "").isupper() and m.canonical != text and m.canonical[:1].isupper():
        return m.canonical
    return text


def accepted(m: Mention, key: str | None = None) -> tuple[str, ...]:
    """Other ways to write a mention: as in the article, the canonical name, known aliases (not the key)."""
    key = key or m.text
    ent = lookup(m.text)
    names = [m.text, m.canonical, *(ent.names if ent else ())]
    return tuple(n for n in dict.fromkeys(names) if n != key)


def difficulty(
    qtype: QuestionType, analysis: Analysis, target: str = "", *, similar: float = 0.0, length: int = 0
) -> float:
    """Estimated share of students who get it wrong, from the type, how often the answer occurs in the
    article (frequent = easier), how close the distractors are (0-1) and how long the text is."""
    d = BASE_DIFFICULTY[qtype]
    if target:
        freq = analysis.counts.get(target, 1)
        d -= 0.05 * min(freq - 1, 4)
    d += 0.15 * similar
    d += 0.1 * min(max(length - 15, 0) / 20, 1.0)
    return round(min(0.95, max(0.05, d)), 2)


LEAD_PARAGRAPHS = 2
"""Paragraphs (counted from 0, the headline's own included) that make a page's top: the lead."""


def in_lead(s: Sentence) -> bool:
    """The sentence stands in the page's first paragraphs, where a news story gives its main facts."""
    return s.paragraph <= LEAD_PARAGRAPHS


def sentence_score(s: Sentence) -> float:
    """Prefer body paragraphs of readable length; the summary and quotes only when the body has nothing."""
    score = 1.0
    if s.block_kind == "summary":
        score -= 0.6
    elif s.block_kind == "quote":
        score -= 0.15
    if s.words > 32:
        score -= 0.2
    if s.words < 8:
        score -= 0.2
    return score


def span_evidence(analysis: Analysis, sents: list[Sentence]) -> Evidence:
    """The body text from the first to the last sentence used (one section, so no heading inside)."""
    start, end = min(s.start for s in sents), max(s.end for s in sents)
    return Evidence(analysis.article.body[start:end], start, end)


def make(
    qtype: QuestionType,
    prompt: str,
    answer: object,
    s: Sentence | None,
    analysis: Analysis,
    *,
    choices: tuple[str, ...] = (),
    accepted_answers: tuple[str, ...] = (),
    bloom: str = "remember",
    target: str = "",
    similar: float = 0.0,
    points: float = 1.0,
    explain: str = "",
    tags: tuple[str, ...] = (),
    ev: Evidence | None = None,
) -> Question:
    """A question with evidence from sentence ``s`` (id filled in at selection)."""
    return Question(
        id="",
        type=qtype,
        prompt=prompt,
        answer=answer,  # type: ignore[arg-type]
        choices=choices,
        accepted_answers=accepted_answers,
        evidence=ev if ev is not None else (evidence(s) if s is not None else None),
        origin="article",
        bloom=bloom,
        difficulty=difficulty(qtype, analysis, target, similar=similar, length=len(prompt.split())),
        points=points,
        explanation=explain or (explanation(s) if s is not None else ""),
        tags=tags,
    )


norm = aliases.norm
lookup = aliases.lookup


@lru_cache(maxsize=1 << 14)
def _name_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    ent = lookup(name)
    keys = {norm(n) for n in (name, *(ent.names if ent else ()))}
    return tuple(re.compile(rf"(?<!\w){re.escape(k)}(?!\w)") for k in sorted(keys) if k)


def leaks(text: str, name: str) -> bool:
    """True when ``name`` or one of its aliases is written in ``text`` (word-bounded, case-folded)."""
    folded = f" {norm(text)} "
    return any(p.search(folded) for p in _name_patterns(name))


def similarity(key: str, options: tuple[str, ...], analysis: Analysis) -> float:
    """0-1: how tempting the distractors are (share of them that the article itself mentions)."""
    if not options:
        return 0.0
    named = {n for names in analysis.names.values() for n in names}
    return sum(o in named for o in options) / len(options)


def wh_tag(prompt: str) -> str:
    """The question word a prompt asks with (who/what/where/when/which), as a tag."""
    first = prompt.split()[0].lower().strip(",")
    if first in ("who", "whose", "where", "when", "what", "which"):
        return "who" if first == "whose" else first
    for word in ("who", "whom", "whose", "where", "when", "which", "what"):
        if f" {word} " in f" {prompt.lower()} ":
            return (
                "who"
                if word in ("whose", "whom")
                else ("when" if word == "what" and " year" in prompt else word)
            )
    return "which"
