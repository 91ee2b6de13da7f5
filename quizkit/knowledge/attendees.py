"""Who took part in an event: names that must never be offered as the wrong answer to a question about it.

"Who held talks with Trump in Washington?" keyed Tokayev must not offer Mirziyoyev, Rahmon or Berdimuhamedov:
they were there too. ``unsafe_distractors`` returns the candidates the knowledge base says are also right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quizkit.knowledge import aliases
from quizkit.model import FactSource


@dataclass(frozen=True, slots=True)
class Attendance:
    """An event and everyone (people and countries) the sources say took part."""

    id: str
    event: str
    cues: tuple[str, ...]
    """Words that show a text is about this event ("C5+1", "White House"...); two are needed."""
    attendees: tuple[str, ...]
    sources: tuple[FactSource, ...] = ()


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I) is not None


def _names(name: str) -> tuple[str, ...]:
    ent = aliases.lookup(name)
    return ent.names if ent else (name,)


def events_in(text: str) -> list[Attendance]:
    """The known events a text (a question, its article sentence) is about: at least two cues named."""
    from quizkit.knowledge import attendance

    return [a for a in attendance() if sum(_mentions(text, c) for c in a.cues) >= 2]


def same_event(a: str, b: str, text: str) -> bool:
    """Whether ``a`` and ``b`` both took part in an event the text is about."""
    for ev in events_in(text):
        people = {aliases.canonical(p) or p for p in ev.attendees}
        if (aliases.canonical(a) or a) in people and (aliases.canonical(b) or b) in people:
            return True
    return False


def unsafe_distractors(text: str, key: str, candidates: Iterable[str]) -> list[str]:
    """The candidates that are also right: they took part, with the key, in an event the text is about.

    ``text`` is the question with its context (prompt, the article sentence it came from). Call it with the
    wrong answers of a who/which-country question and drop what it returns."""
    return [c for c in candidates if not aliases.same_entity(c, key) and same_event(key, c, text)]


def attendees_named(text: str) -> set[str]:
    """Every attendee's name (all spellings) for the events the text is about."""
    return {n for ev in events_in(text) for a in ev.attendees for n in _names(a)}


def also_right(text: str, key: str) -> tuple[str, ...]:
    """Every spelling of the names that took part, with ``key``, in an event ``text`` is about: they must not
    be offered as wrong answers (pass them as names to avoid)."""
    out: list[str] = []
    for ev in events_in(text):
        people = [aliases.canonical(p) or p for p in ev.attendees]
        if (aliases.canonical(key) or key) not in people:
            continue
        out.extend(n for p in people if not aliases.same_entity(p, key) for n in _names(p))
    return tuple(dict.fromkeys(out))
