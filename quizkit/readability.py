"""Reading level: the Flesch–Kincaid grade of the article and of the questions, for `show` and the teacher edition.

Flesch–Kincaid grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, a US school grade
(grade 8 is about age 13–14). Syllables are counted with **pyphen**'s English hyphenation dictionary (offline,
the same fallback textstat uses), so the figure is an estimate: good for comparing texts, not to the decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from quizkit.model import Quiz

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'”’)]|$)")


@cache
def _dictionary() -> Any:
    import pyphen  # only when a reading level is asked for

    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one word: hyphenation points + 1, at least one per vowel group ending a word like 'idea'."""
    word = word.lower()
    by_hyphens = len(_dictionary().positions(word)) + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", word)) - (1 if word.endswith("e") and len(word) > 2 else 0)
    return max(1, by_hyphens, min(vowel_groups, by_hyphens + 1))


@dataclass(frozen=True, slots=True)
class Level:
    """A text's Flesch–Kincaid grade and what it was computed from."""

    grade: float
    words: int
    sentences: int

    def label(self) -> str:
        if self.grade > 12:
            return f"grade {self.grade:.1f} (university level)"
        age = round(self.grade) + 5
        return f"grade {self.grade:.1f} (about age {age}–{age + 1})"


def level(text: str, *, sentences: int | None = None) -> Level | None:
    """The grade of ``text`` (None for a text with no words). ``sentences`` overrides the count of ends."""
    words = _WORD.findall(text)
    if not words:
        return None
    # a heading or a list line without a full stop still ends where its line does
    lines = [line for line in text.splitlines() if _WORD.search(line)]
    counted = sum(max(1, len(_SENTENCE_END.findall(line))) for line in lines)
    n_sent = sentences if sentences is not None else max(1, counted)
    n_syll = sum(syllables(w) for w in words)
    grade = 0.39 * len(words) / n_sent + 11.8 * n_syll / len(words) - 15.59
    return Level(round(max(0.0, grade), 1), len(words), n_sent)


def questions_level(quiz: Quiz) -> Level | None:
    """The grade of the questions as students read them: each prompt counts as one sentence, with its options."""
    prompts = [q.prompt for q in quiz.questions]
    options = [c for q in quiz.questions if q.type == "multiple_choice" for c in q.choices]
    return level(" ".join(prompts + options), sentences=len(prompts) + len(options)) if prompts else None


def describe(quiz: Quiz, article_text: str | None) -> str:
    """'Reading level (Flesch–Kincaid): article grade 11.2 (about age 16–17); questions grade 8.0 (…)'."""
    parts = []
    art = level(article_text) if article_text else None
    if art is not None:
        parts.append(f"article {art.label()}")
    qs = questions_level(quiz)
    if qs is not None:
        parts.append(f"questions {qs.label()}")
    return ("Reading level (Flesch–Kincaid): " + "; ".join(parts)) if parts else ""


def for_quiz_file(quiz: Quiz, quiz_path: str) -> str:
    """The reading-level line for a quiz file: its article found through ``source.path`` (if it is there)."""
    from quizkit.check.report import find_article

    article, _ = find_article(quiz, quiz_path, None)
    return describe(quiz, article.body if article is not None else None)
