"""Review of the knowledge base: every fact sourced to a page that says it, dated, and re-checked in time.

``problems`` lists what is wrong (an excerpt without the key, a bare home page, a review date passed, a number
without its date...); the test suite fails on any of them. ``due`` lists the facts whose review date has passed
or comes within ``days``: what `quizkit facts --stale` shows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

from quizkit.model import Fact, FactSource

DATED_KINDS = frozenset({"number", "population", "percent", "length", "tonnage"})
"""Answers that change or differ by source: the question must carry its date (a year)."""
CHANGING_KINDS = frozenset({"population", "percent", "tonnage"})
"""Answers that change: the fact needs a review date."""
_MAX_EXCERPT = 600
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to fix in the knowledge base: which record, what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def fold(text: str) -> str:
    """Text for comparison: one kind of quote, dash and space, no accents, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def answer_forms(fact: Fact) -> tuple[str, ...]:
    """The answer and every accepted form of it."""
    return tuple(dict.fromkeys(a for a in (fact.answer, *fact.accepted) if a))


def contains_key(excerpt: str, forms: tuple[str, ...]) -> bool:
    """Whether the excerpt names one of the answer's forms (as a whole word or phrase)."""
    text = fold(excerpt)
    return any(re.search(rf"(?<!\w){re.escape(fold(f))}(?!\w)", text) for f in forms)


def _source_problems(where: str, src: FactSource, forms: tuple[str, ...]) -> list[Problem]:
    out = []
    url = urlparse(src.url)
    if url.scheme not in ("http", "https") or not url.netloc:
        out.append(Problem(where, f"source URL {src.url!r} is not a full web address"))
    elif url.path.strip("/") == "" and not url.query:
        out.append(
            Problem(where, f"source URL {src.url!r} is a home page, not the page that states the fact")
        )
    if len(src.excerpt) > _MAX_EXCERPT:
        out.append(
            Problem(where, f"excerpt from {src.url} is {len(src.excerpt)} characters: quote one sentence")
        )
    if forms and not contains_key(src.excerpt, forms):
        out.append(Problem(where, f"excerpt from {src.url} does not contain the answer {forms[0]!r}"))
    return out


def fact_problems(fact: Fact, today: date) -> list[Problem]:
    """What is wrong with one fact, checked against ``today``."""
    where = f"fact {fact.id}"
    out: list[Problem] = []
    if not fact.sources:
        out.append(Problem(where, "no source"))
    for src in fact.sources:
        out.extend(_source_problems(where, src, answer_forms(fact)))
    if not _ISO.fullmatch(fact.as_of):
        out.append(Problem(where, f"as_of {fact.as_of!r} is not an ISO date"))
    elif fact.as_of > today.isoformat():
        out.append(Problem(where, f"as_of {fact.as_of} is in the future"))
    if fact.review_by and fact.review_by < today.isoformat():
        out.append(Problem(where, f"review date {fact.review_by} has passed: re-check the sources"))
    if fact.answer_kind in CHANGING_KINDS and not fact.review_by:
        out.append(Problem(where, f"a {fact.answer_kind} changes: give a review_by date"))
    if fact.answer_kind in DATED_KINDS and fact.question and not _YEAR.search(fact.question):
        out.append(Problem(where, "a number needs its date in the question (e.g. 'on 1 January 2026')"))
    state_only = fact.sources and all(s.state_media for s in fact.sources)
    if state_only and fact.question and "according to" not in fact.question.lower():
        out.append(Problem(where, "only state-owned outlets back it: the question must say 'according to'"))
    return out


def event_problems(today: date) -> list[Problem]:
    """Each timeline event needs a quoted sentence naming its year (or its fact's answer)."""
    from quizkit.knowledge import _read, event_sources, fact_by_id

    out = []
    facts = fact_by_id()
    for rec in _read("timeline.yaml")["events"]:
        eid, year = str(rec["id"]), str(rec["date"])[:4]
        forms = (year, *(f for fid in rec.get("facts") or () for f in answer_forms(facts[fid])))
        srcs = event_sources()[eid]
        if not any(contains_key(s.excerpt, forms) for s in srcs):
            out.append(Problem(f"event {eid}", f"no excerpt names {year} or the cited fact's answer"))
        for s in rec.get("sources") or ():
            out.extend(_source_problems(f"event {eid}", FactSource(s["url"], "", s["excerpt"]), ()))
    return out


def problems(today: date | None = None) -> list[Problem]:
    """Everything to fix in the knowledge base today (an empty list when it is sound)."""
    from quizkit.knowledge import attendance, load_facts

    when = today or date.today()
    out = [p for f in load_facts() for p in fact_problems(f, when)]
    out.extend(event_problems(when))
    for ev in attendance():
        if not ev.sources:
            out.append(Problem(f"attendance {ev.id}", "no source"))
        for s in ev.sources:
            out.extend(_source_problems(f"attendance {ev.id}", s, ()))
    return out


def due(today: date, days: int = 60) -> list[Fact]:
    """Facts whose review date has passed or comes within ``days`` of ``today``, soonest first."""
    from quizkit.knowledge import load_facts

    limit = (today + timedelta(days=days)).isoformat()
    return sorted(
        (f for f in load_facts() if f.review_by and f.review_by <= limit), key=lambda f: f.review_by
    )
