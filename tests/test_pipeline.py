"""Whole-pipeline promises: the article is parsed once per generation, and the steps agree with each other."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizkit import nlp
from quizkit.analysis import analyse
from quizkit.article import read_article
from quizkit.generate import generate_quiz

SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def test_generation_with_context_parses_the_body_once(monkeypatch: pytest.MonkeyPatch) -> None:
    article = read_article(SEED)
    parsed_chars: list[int] = []
    real_parse = nlp.parse

    def counting(spans: Iterable[tuple[int, str]], **kw: Any) -> Iterator[tuple[int, Any]]:
        items = list(spans)
        parsed_chars.append(sum(len(t) for _o, t in items))
        return real_parse(items, **kw)

    monkeypatch.setattr(nlp, "parse", counting)
    analyse.cache_clear()
    generated = generate_quiz(article, seed=3)
    assert any(q.origin == "context" for q in generated.quiz.questions)
    # the body once (plus at most the headline, which is parsed on its own for the "why" question)
    assert sum(parsed_chars) <= len(article.body) + len(article.title)


def test_committed_seed_quiz_is_what_generate_makes_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """notebooks/seed_quiz.json (used by 04_quiz) must be regenerated after a change to the generator:
    `quizkit generate seeds/<seed>.txt -o notebooks/seed_quiz.json --seed 1`, then `quizkit notebook ...`."""
    from quizkit.quizfile import dump_quiz

    root = SEED.parent.parent
    monkeypatch.chdir(root)
    made = generate_quiz(read_article(SEED.relative_to(root)), seed=1).quiz
    committed = (root / "notebooks" / "seed_quiz.json").read_text(encoding="utf-8")
    assert dump_quiz(made) == committed
