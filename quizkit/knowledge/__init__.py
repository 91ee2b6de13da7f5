"""The knowledge base: sourced facts, the alias table of known names, the timeline; context questions.

Facts and timeline events live in ``data/facts.yaml`` and ``data/timeline.yaml``. Every fact names the pages
that state it (exact URL and a quoted sentence containing its answer), the date they show it holding
(``as_of``) and, for facts that change, a ``review_by`` date; ``review`` checks all of that.
``context.context_questions`` turns the facts into questions for an article.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, cast, get_args

import yaml

from quizkit.errors import FormatError, QuizkitError
from quizkit.knowledge import aliases
from quizkit.knowledge.attendees import Attendance
from quizkit.model import Fact, FactKind, FactSource, TimelineEvent

__all__ = [
    "Attendance",
    "attendance",
    "checked_on",
    "facts_about",
    "format_fact",
    "load_facts",
    "load_timeline",
    "run_facts",
    "timeline_about",
]

_KINDS = frozenset(get_args(FactKind))


def _read(name: str) -> Any:
    text = resources.files("quizkit.knowledge").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _need(rec: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in rec or rec[key] in (None, ""):
        raise FormatError(f"missing {key!r}", where=where, fix="every record needs it; see the file header")
    return rec[key]


def _sources(rec: Mapping[str, Any], where: str) -> tuple[FactSource, ...]:
    out = []
    for s in rec.get("sources") or ():
        out.append(
            FactSource(
                url=str(_need(s, "url", where)),
                title=str(s.get("title", "")),
                excerpt=str(_need(s, "excerpt", where)),
                state_media=bool(s.get("state_media", False)),
            )
        )
    return tuple(out)


@cache
def checked_on() -> str:
    """The date every fact was last checked against its sources (``checked`` in facts.yaml)."""
    return str(_read("facts.yaml")["checked"])


def _fact(rec: Mapping[str, Any]) -> Fact:
    where = f"facts.yaml fact {rec.get('id', '?')}"
    kind = str(_need(rec, "kind", where))
    if kind not in _KINDS:
        raise FormatError(f"unknown kind {kind!r}", where=where, fix=f"use one of {sorted(_KINDS)}")
    srcs = _sources(rec, where)
    if not srcs:
        raise FormatError("no sources", where=where, fix="give at least one page (url, title, excerpt)")
    return Fact(
        id=str(_need(rec, "id", where)),
        statement=str(_need(rec, "statement", where)).strip(),
        kind=cast(FactKind, kind),
        entities=tuple(str(e) for e in _need(rec, "entities", where)),
        source_url=srcs[0].url,
        as_of=str(_need(rec, "as_of", where)),
        subject=str(rec.get("subject", "")),
        question=str(rec.get("question", "")),
        answer=str(rec.get("answer", "")),
        answer_kind=str(rec.get("answer_kind", "")),
        topics=tuple(str(t) for t in rec.get("topics") or ()),
        relation=str(rec.get("relation", "")),
        accepted=tuple(str(a) for a in rec.get("accepted") or ()),
        review_by=str(rec.get("review_by", "")),
        sources=srcs,
    )


@cache
def load_facts() -> tuple[Fact, ...]:
    """All facts of the knowledge base, in file order."""
    return tuple(_fact(rec) for rec in _read("facts.yaml")["facts"])


@cache
def fact_by_id() -> dict[str, Fact]:
    """Facts by id."""
    return {f.id: f for f in load_facts()}


@cache
def event_sources() -> dict[str, tuple[FactSource, ...]]:
    """Each timeline event's backing: its own sources, then those of the facts it cites."""
    facts = fact_by_id()
    out: dict[str, tuple[FactSource, ...]] = {}
    for rec in _read("timeline.yaml")["events"]:
        where = f"timeline.yaml event {rec.get('id', '?')}"
        cited: list[FactSource] = []
        for fid in rec.get("facts") or ():
            if fid not in facts:
                raise FormatError(f"unknown fact {fid!r}", where=where, fix="cite a fact id of facts.yaml")
            cited.extend(facts[fid].sources)
        out[str(rec["id"])] = (*_sources(rec, where), *cited)
    return out


@cache
def load_timeline() -> tuple[TimelineEvent, ...]:
    """All timeline events, sorted by date (ISO strings sort chronologically, also YYYY and YYYY-MM)."""
    events = []
    backing = event_sources()
    for rec in _read("timeline.yaml")["events"]:
        where = f"timeline.yaml event {rec.get('id', '?')}"
        srcs = backing[str(_need(rec, "id", where))]
        if not srcs:
            raise FormatError("no sources", where=where, fix="cite a fact (`facts`) or give `sources`")
        events.append(
            TimelineEvent(
                id=str(rec["id"]),
                date=str(_need(rec, "date", where)),
                label=str(_need(rec, "label", where)),
                source_url=srcs[0].url,
                as_of=checked_on(),
                entities=tuple(str(e) for e in rec.get("entities") or ()),
            )
        )
    return tuple(sorted(events, key=lambda e: e.date))


@cache
def attendance() -> tuple[Attendance, ...]:
    """Who took part in events the knowledge base knows (summits...), to keep true names out of wrong answers."""
    out = []
    for rec in _read("facts.yaml").get("attendance") or ():
        where = f"facts.yaml attendance {rec.get('id', '?')}"
        out.append(
            Attendance(
                id=str(_need(rec, "id", where)),
                event=str(_need(rec, "event", where)),
                cues=tuple(str(c) for c in _need(rec, "cues", where)),
                attendees=tuple(str(a) for a in _need(rec, "attendees", where)),
                sources=_sources(rec, where),
            )
        )
    return tuple(out)


def _entity(name: str) -> str:
    """The canonical entity for ``name`` or a QuizkitError naming close known names."""
    found = aliases.canonical(name)
    if found is not None:
        return found
    from rapidfuzz import process

    names = [n for e in aliases.entities() for n in e.names]
    close = process.extract(name, names, limit=3, score_cutoff=60)
    hint = ", ".join(dict.fromkeys(str(aliases.canonical(c[0])) for c in close))
    raise QuizkitError(
        f"unknown entity {name!r}",
        where="--about",
        fix=f"did you mean: {hint}?" if hint else "run `quizkit facts` to see the known facts",
    )


def facts_about(name: str) -> tuple[Fact, ...]:
    """The facts that involve an entity, given by any of its names ("USA", "Nur-Sultan"...)."""
    ent = _entity(name)
    return tuple(f for f in load_facts() if ent in f.entities or f.subject == ent)


def timeline_about(name: str) -> tuple[TimelineEvent, ...]:
    """The timeline events that involve an entity (aliases work)."""
    ent = _entity(name)
    return tuple(e for e in load_timeline() if ent in e.entities)


def format_fact(fact: Fact) -> str:
    """One fact as the CLI lists it: id, statement, then each source with its quoted sentence."""
    review = f", review by {fact.review_by}" if fact.review_by else ""
    lines = [f"{fact.id}: {fact.statement}", f"    as of {fact.as_of}{review}"]
    for s in fact.sources:
        state = " [state-owned outlet]" if s.state_media else ""
        lines.append(f"    source: {s.url}{state}")
        lines.append(f'      "{s.excerpt}"')
    return "\n".join(lines)


def run_facts(about: str | None = None, *, stale: bool = False, today: date | None = None) -> int:
    """`quizkit facts [--about NAME] [--stale]`: what the kit asserts, where each fact comes from, and (with
    ``stale``) which facts are due for a re-check: a ``review_by`` date passed or within 60 days."""
    from quizkit.knowledge.review import due

    if about is not None and not about.strip():
        raise QuizkitError(
            "--about needs a name",
            where="--about",
            fix="give a country, person or organisation, e.g. Kazakhstan",
        )
    facts = facts_about(about) if about else load_facts()
    label = f"about {aliases.canonical(about)}" if about else "in the knowledge base"
    if stale:
        facts = tuple(f for f in facts if f in set(due(today or date.today())))
        print(f"{len(facts)} facts {label} to re-check (review date passed or within 60 days):")
        for fact in facts:
            print(format_fact(fact))
        return 0
    if not facts:
        print(f"0 facts {label}: it is a known name, but the knowledge base asserts nothing about it.")
        return 0
    print(f"{len(facts)} facts {label} (checked {checked_on()}):")
    for fact in facts:
        print(format_fact(fact))
    return 0
