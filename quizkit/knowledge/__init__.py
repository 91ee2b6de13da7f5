"""The knowledge base: sourced facts, the alias table of known names, the timeline; context questions.

Facts and timeline events live in ``data/facts.yaml`` and ``data/timeline.yaml``; every one names its source
(URL and the date it was checked). ``context.context_questions`` turns them into questions for an article.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast, get_args

import yaml

from quizkit.errors import FormatError, QuizkitError
from quizkit.knowledge import aliases
from quizkit.model import Fact, FactKind, TimelineEvent

__all__ = [
    "Source",
    "facts_about",
    "format_fact",
    "load_facts",
    "load_timeline",
    "run_facts",
    "sources",
    "timeline_about",
]

_KINDS = frozenset(get_args(FactKind))


@dataclass(frozen=True, slots=True)
class Source:
    """Where facts come from: URL, a readable title, and the date it was checked."""

    key: str
    url: str
    title: str
    as_of: str


def _read(name: str) -> Any:
    text = resources.files("quizkit.knowledge").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _need(rec: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in rec or rec[key] in (None, ""):
        raise FormatError(f"missing {key!r}", where=where, fix="every record needs it; see the file header")
    return rec[key]


@cache
def sources() -> dict[str, Source]:
    """The knowledge base's sources by key (from the ``sources`` table of facts.yaml)."""
    data = _read("facts.yaml")
    as_of = str(data["as_of"])
    return {
        str(k): Source(str(k), str(v["url"]), str(v.get("title", "")), str(v.get("as_of", as_of)))
        for k, v in data["sources"].items()
    }


def _source(rec: Mapping[str, Any], where: str) -> Source:
    key = str(_need(rec, "source", where))
    if key not in sources():
        raise FormatError(f"unknown source {key!r}", where=where, fix="add it to the sources table")
    return sources()[key]


def _fact(rec: Mapping[str, Any]) -> Fact:
    where = f"facts.yaml fact {rec.get('id', '?')}"
    src = _source(rec, where)
    kind = str(_need(rec, "kind", where))
    if kind not in _KINDS:
        raise FormatError(f"unknown kind {kind!r}", where=where, fix=f"use one of {sorted(_KINDS)}")
    return Fact(
        id=str(_need(rec, "id", where)),
        statement=str(_need(rec, "statement", where)).strip(),
        kind=cast(FactKind, kind),
        entities=tuple(str(e) for e in _need(rec, "entities", where)),
        source_url=src.url,
        as_of=src.as_of,
        subject=str(rec.get("subject", "")),
        question=str(rec.get("question", "")),
        answer=str(rec.get("answer", "")),
        answer_kind=str(rec.get("answer_kind", "")),
        topics=tuple(str(t) for t in rec.get("topics") or ()),
        relation=str(rec.get("relation", "")),
    )


@cache
def load_facts() -> tuple[Fact, ...]:
    """All facts of the knowledge base, in file order."""
    return tuple(_fact(rec) for rec in _read("facts.yaml")["facts"])


@cache
def load_timeline() -> tuple[TimelineEvent, ...]:
    """All timeline events, sorted by date (ISO strings sort chronologically, also YYYY and YYYY-MM)."""
    events = []
    for rec in _read("timeline.yaml")["events"]:
        where = f"timeline.yaml event {rec.get('id', '?')}"
        src = _source(rec, where)
        events.append(
            TimelineEvent(
                id=str(_need(rec, "id", where)),
                date=str(_need(rec, "date", where)),
                label=str(_need(rec, "label", where)),
                source_url=src.url,
                as_of=src.as_of,
                entities=tuple(str(e) for e in rec.get("entities") or ()),
            )
        )
    return tuple(sorted(events, key=lambda e: e.date))


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
    """One fact as the CLI lists it: id, statement, then the source and the date it was checked."""
    return f"{fact.id}: {fact.statement}\n    source: {fact.source_url} (as of {fact.as_of})"


def run_facts(args: argparse.Namespace) -> int:
    """`quizkit facts [--about ENTITY]`: list what the kit asserts and where each fact comes from."""
    about = getattr(args, "about", None)
    if about is not None and not about.strip():
        raise QuizkitError(
            "--about needs a name",
            where="--about",
            fix="give a country, person or organisation, e.g. Kazakhstan",
        )
    facts = facts_about(about) if about else load_facts()
    label = f"about {aliases.canonical(about)}" if about else "in the knowledge base"
    if not facts:
        print(f"0 facts {label}: it is a known name, but the knowledge base asserts nothing about it.")
        return 0
    print(f"{len(facts)} facts {label}:")
    for fact in facts:
        print(format_fact(fact))
    return 0
