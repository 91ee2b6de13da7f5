"""Checks on the answer's shape per type (true/false, matching, ordering, open) and on context sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from quizkit.check.findings import Problem, error, short, warning
from quizkit.check.text import norm
from quizkit.model import Article, Question

_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _dupes(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        k = norm(item) or item.strip()
        if k in seen and item not in out:
            out.append(item)
        seen.add(k)
    return out


def _is_the_article(url: str, article: Article | None) -> bool:
    """A media-literacy question may cite the article itself, by its url or its file."""
    if article is None:
        return False
    return url in (article.url, article.path) or (
        bool(article.path) and Path(url).name == Path(article.path).name
    )


def true_false_key(q: Question, article: Article | None) -> Iterator[Problem]:
    """A true/false question whose key is not true or false."""
    if q.type == "true_false" and not isinstance(q.answer, bool):
        yield error(f"the key is {short(str(q.answer))}, not true or false; set the answer to true or false")


def matching_items(q: Question, article: Article | None) -> Iterator[Problem]:
    """A matching question with fewer than 2 pairs, an empty side, or a left or right item used twice."""
    if q.type != "matching":
        return
    pairs = (
        [p for p in q.answer if isinstance(p, tuple) and len(p) == 2] if isinstance(q.answer, tuple) else []
    )
    if len(pairs) < 2 or len(pairs) != len(q.answer if isinstance(q.answer, tuple) else ()):
        yield error("a matching question needs at least 2 [left, right] pairs; add pairs")
        return
    if any(not str(side).strip() for p in pairs for side in p):
        yield error("a matching pair has an empty side; fill it in or remove the pair")
    for d in _dupes([str(p[0]) for p in pairs]):
        yield error(
            f"the left item {short(d)} appears twice, so it has two answers; make each left item unique"
        )
    rights = [str(p[1]) for p in pairs]
    # choices is the right-hand column in display order: it lists the rights once each, plus extras
    column = rights + [c for c in q.choices if c not in rights]
    for d in dict.fromkeys(_dupes(column) + _dupes(list(q.choices))):
        # Render prints a shared right-hand item once, so many-to-one is printable, but it gives a hint.
        yield warning(
            f"the right item {short(d)} is used twice, so students can match by elimination; "
            "use a different right item for each row (or drop the extra choice)"
        )


def ordering_items(q: Question, article: Article | None) -> Iterator[Problem]:
    """An ordering question with fewer than 2 items or the same item twice."""
    if q.type != "ordering":
        return
    items = [str(x) for x in q.answer] if isinstance(q.answer, tuple) else []
    if len(items) < 2:
        yield error("an ordering question needs at least 2 items; add items")
    for d in _dupes(items):
        yield error(f"the item {short(d)} appears twice; each item must be different")


def open_rubric(q: Question, article: Article | None) -> Iterator[Problem]:
    """An open question without a rubric (the key points a good answer makes)."""
    if q.type != "open":
        return
    points = [str(p) for p in q.answer] if isinstance(q.answer, tuple) else [str(q.answer)]
    if not any(p.strip() for p in points):
        yield error("an open question needs a rubric; list the key points a good answer makes")
    elif any(not p.strip() for p in points):
        yield error("a rubric point is empty; remove it or write it out")


def context_sources(q: Question, article: Article | None) -> Iterator[Problem]:
    """A context question (facts from outside the article) without a citation, or a citation lacking its
    URL or the date it was checked."""
    if q.origin != "context":
        return
    if not q.sources:
        yield error("a context question needs a source; add sources with url and as_of")
    for s in q.sources:
        if not s.url.strip():
            yield error("a source has no url; add the address the fact comes from")
        elif not s.url.startswith(("https://", "http://")) and not _is_the_article(s.url, article):
            yield warning(f"the source url {short(s.url)} is not a web address; start it with https://")
        if not s.as_of.strip():
            yield error("a source has no as_of date; add the date it was checked (YYYY-MM-DD)")
        elif not _ISO_DATE.match(s.as_of):
            yield warning(f"the as_of date {short(s.as_of)} is not YYYY-MM-DD; write it as an ISO date")
