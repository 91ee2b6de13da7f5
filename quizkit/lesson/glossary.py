"""The lesson's glossary: learner definitions (own words, ``data/glossary.yaml``) plus checked facts with sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import ipywidgets as w
import yaml

from quizkit.lesson.common import Source, data_text, esc, source_note
from quizkit.lesson.questions import WIDE
from quizkit.model import Fact

MAX_FACTS = 3
FactsFor = Callable[[str], tuple[Fact, ...]]


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry; ``entity`` links it to the knowledge base, ``topics`` narrows which facts show."""

    term: str
    definition: str
    entity: str = ""
    topics: tuple[str, ...] = ()


@cache
def load_glossary() -> tuple[Term, ...]:
    data = yaml.safe_load(data_text("glossary.yaml"))
    return tuple(
        Term(
            str(term),
            str(spec["definition"]),
            str(spec.get("entity") or ""),
            tuple(str(t) for t in spec.get("fact_topics") or ()),
        )
        for term, spec in data.items()
    )


def default_facts_about(name: str) -> tuple[Fact, ...]:
    from quizkit.knowledge import facts_about

    return facts_about(name)


def term_facts(term: Term, facts_for: FactsFor = default_facts_about) -> tuple[Fact, ...]:
    """Up to MAX_FACTS checked facts for a term: with matching topics, else mainly about the entity."""
    if not term.entity:
        return ()
    facts = facts_for(term.entity)
    if term.topics:
        overlap = {f.id: len(set(term.topics) & set(f.topics)) for f in facts}
        chosen = sorted((f for f in facts if overlap[f.id]), key=lambda f: -overlap[f.id])
    else:
        chosen = [f for f in facts if f.subject == term.entity] or list(facts)
    return tuple(chosen[:MAX_FACTS])


def term_html(term: Term, facts: Sequence[Fact]) -> str:
    out = f"<p><b>{esc(term.term)}</b>: {esc(term.definition)}</p>"
    if facts:
        out += "<ul>" + "".join(
            f"<li>{esc(f.statement)} {source_note(f.source_url, f.as_of)}</li>" for f in facts
        )
        out += "</ul>"
    return out


class GlossaryView:
    """Pick a term (labelled dropdown, type-ahead with the keyboard) to read its definition and facts."""

    def __init__(self, facts_for: FactsFor = default_facts_about) -> None:
        self.terms = {t.term: t for t in load_glossary()}
        self.facts_for = facts_for
        names = sorted(self.terms, key=str.lower)
        self.picker = w.Dropdown(options=names, value=names[0], description="Word:", style=WIDE)
        self.entry = w.HTML()
        self.picker.observe(lambda _c: self.update(), names="value")
        self.box = w.VBox([w.HTML("<h3>Glossary</h3>"), self.picker, self.entry])
        self.update()

    def update(self) -> None:
        term = self.terms[str(self.picker.value)]
        self.entry.value = term_html(term, term_facts(term, self.facts_for))

    def sources(self) -> tuple[Source, ...]:
        return tuple(
            Source(f"Glossary, {t.term}: {f.statement}", f.source_url, f.as_of)
            for t in self.terms.values()
            for f in term_facts(t, self.facts_for)
        )
