"""Property test: any mix of paragraphs from the seed article and the invented test articles gives a
well-formed, checked quiz (no crash, exact evidence, no pronoun openings)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizkit.article import from_text, read_article
from quizkit.check import check_quiz
from quizkit.generate import generate_quiz

ROOT = Path(__file__).parent.parent
SOURCES = [
    ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt",
    *sorted((ROOT / "tests" / "data" / "articles").glob("*")),
]


@cache
def paragraphs() -> tuple[str, ...]:
    return tuple(b.text for p in SOURCES for b in read_article(p).blocks if b.kind == "paragraph")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=6), st.integers(0, 99))
def test_any_mix_of_paragraphs_gives_a_clean_quiz(picks: list[int], seed: int) -> None:
    paras = paragraphs()
    chosen = [paras[i % len(paras)] for i in picks]
    article = from_text("A mixed news digest\n\n" + "\n\n".join(chosen))
    gen = generate_quiz(article, seed=seed, no_context=True)
    assert [f for f in check_quiz(gen.quiz, article) if f.severity == "error"] == []
    for q in gen.quiz.questions:
        if "metadata" in q.tags:
            continue
        assert q.evidence is not None
        assert article.body[q.evidence.start : q.evidence.end] == q.evidence.text
        assert q.prompt.split()[0].lower() not in {"it", "this", "they", "he", "she", "these", "those"}
    assert len(gen.quiz.questions) >= 1 or gen.warnings
