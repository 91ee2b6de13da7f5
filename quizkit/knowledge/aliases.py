"""The table of known names: canonical name, kind, aliases (``data/entities.yaml``).

Shared by linking, distractors and grading: one place says that "U.S." is "United States" and that
"Iraq" is a different country from "Iran".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Entity:
    """A known name and how else it is written."""

    name: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def norm(text: str) -> str:
    """Case, accents, punctuation, spacing and a leading 'the' folded away: the key used for lookups."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"[^\w+]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@cache
def entities() -> tuple[Entity, ...]:
    """All known entities, in file order."""
    raw = resources.files("quizkit.knowledge").joinpath("data/entities.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    return tuple(
        Entity(str(name), str(spec["kind"]), tuple(str(a) for a in spec.get("aliases") or ()))
        for name, spec in data.items()
    )


@cache
def _index() -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for ent in entities():
        for n in ent.names:
            out.setdefault(norm(n), ent)
    return out


def lookup(name: str) -> Entity | None:
    """The entity a name refers to (any alias, any case), or None."""
    return _index().get(norm(name))


def canonical(name: str) -> str | None:
    """The canonical name for ``name``, or None when unknown."""
    ent = lookup(name)
    return ent.name if ent else None


def same_entity(a: str, b: str) -> bool:
    """True when two names are known aliases of one entity (or equal after normalising)."""
    if norm(a) == norm(b):
        return True
    ea, eb = lookup(a), lookup(b)
    return ea is not None and ea is eb


def of_kind(kind: str) -> tuple[Entity, ...]:
    """All known entities of a kind (country, city, person, organisation...), for distractors."""
    return tuple(e for e in entities() if e.kind == kind)


@cache
def groups() -> dict[str, tuple[str, ...]]:
    """Named sets of entities that are alike (Central Asian states, Gulf states...), from ``data/groups.yaml``."""
    raw = resources.files("quizkit.knowledge").joinpath("data/groups.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    return {str(k): tuple(str(v) for v in members) for k, members in data.items()}


def groups_of(name: str) -> tuple[str, ...]:
    """The names of the groups an entity (any alias) belongs to."""
    ent = canonical(name) or name
    return tuple(g for g, members in groups().items() if ent in members)
