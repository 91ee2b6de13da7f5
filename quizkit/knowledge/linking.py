"""Link an article to the knowledge base: find the known entities it mentions, rank facts by relevance.

Entities come from spaCy's named entities (the article's one parse, ``quizkit.analysis.analyse``) mapped through the
alias table, plus a scan for alias-table names spaCy misses ("C5+1", "the accords"). Facts are ranked in tiers:
facts sharing entities with the article first (weighted by mention counts and by how rare the entity is in the
knowledge base), then their neighbours, then the rest; topic keywords found in the article break ties.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from quizkit.analysis import analyse
from quizkit.knowledge import aliases, load_facts, load_timeline
from quizkit.model import Article, Fact, TimelineEvent

_NER_LABELS = frozenset({"GPE", "ORG", "PERSON", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_TITLE_WEIGHT = 2.0
"""A mention in the headline counts double: the headline says what the article is about."""
_DEMONYM_WEIGHT = 0.5
"""'Kazakh officials' is about Kazakhstan, but less directly than the name itself."""
_HUB_SHARE = 0.25
"""An entity in at least this share of the facts links everything to everything (see ``rank_events``)."""
_ABSENT_SUBJECT = 0.5
"""Relevance factor for a fact whose subject the article never names."""
_DEMONYMS = {
    "kazakh": "Kazakhstan",
    "kazakhstani": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
    "russian": "Russia",
    "chinese": "China",
    "american": "United States",
    "israeli": "Israel",
    "emirati": "United Arab Emirates",
    "bahraini": "Bahrain",
    "moroccan": "Morocco",
    "sudanese": "Sudan",
    "egyptian": "Egypt",
    "jordanian": "Jordan",
    "palestinian": "Palestine",
    "turkish": "Turkey",
    "azerbaijani": "Azerbaijan",
    "azeri": "Azerbaijan",
    "georgian": "Georgia",
    "iranian": "Iran",
    "soviet": "Soviet Union",
    "european": "Europe",
    "central asian": "Central Asia",
    "caspian": "Caspian Sea",
}
_PREFIXES = re.compile(r"^(the|president|prime minister|secretary of state|leader|mr|ms|mrs)\.?\s+", re.I)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a known entity in the article body (or headline, with start = end = -1)."""

    entity: str
    text: str
    start: int
    end: int
    weight: float = 1.0


def _resolve(text: str) -> str | None:
    """Canonical entity for an entity span, trying the span without a title ("President Tokayev")."""
    for cand in (text, _PREFIXES.sub("", text), re.sub(r"[’']s$", "", text)):
        name = aliases.canonical(cand)
        if name is not None:
            return name
    return None


_WORDLIKE = frozenset(
    {"aral", "caspian", "jordan", "georgia", "chad", "chile", "guinea", "lima", "mecca", "cologne"}
)
"""Names that are also everyday words ("guinea pig", "lima beans"): matched only as written."""


@cache
def _alias_pattern() -> re.Pattern[str]:
    """One regex over every known name, longest first; short or all-capital names match case-sensitively."""
    names = sorted({n for e in aliases.entities() for n in e.names if len(n) > 1}, key=len, reverse=True)
    parts = []
    for name in names:
        body = re.escape(name).replace(r"\ ", r"\s+")
        strict = name.isupper() or len(name) <= 3 or name.lower() in _WORDLIKE
        parts.append(body if strict else f"(?i:{body})")
    return re.compile(r"(?<![\w+])(?:" + "|".join(parts) + r")(?![\w+])")


def scan(text: str, offset: int = 0, weight: float = 1.0) -> Iterator[Mention]:
    """Mentions of alias-table names in a text, by regex alone (no spaCy): cheap, for short texts."""
    for m in _alias_pattern().finditer(text):
        name = aliases.canonical(m.group(0))
        if name is not None:
            yield Mention(name, m.group(0), offset + m.start(), offset + m.end(), weight)


def _ner(article: Article) -> Iterator[Mention]:
    """spaCy's entities from the article's one parse (``quizkit.analysis.analyse``, shared with generation)."""
    for ent in analyse(article).entities:
        if ent.label not in _NER_LABELS:
            continue
        name = _resolve(ent.text)
        weight = 1.0
        if name is None and ent.label == "NORP":
            name = _DEMONYMS.get(aliases.norm(ent.text).removesuffix("s"))
            weight = _DEMONYM_WEIGHT
        if name is not None:
            yield Mention(name, ent.text, ent.start, ent.end, weight)


@lru_cache(maxsize=16)
def mentions(article: Article) -> tuple[Mention, ...]:
    """Known-entity mentions in the article: spaCy entities first, alias-table names spaCy missed added."""
    found = list(_ner(article))
    taken = [(m.start, m.end) for m in found]
    for m in scan(article.body, 0, 1.0):
        if not any(s < m.end and m.start < e for s, e in taken):
            found.append(m)
    found.extend(Mention(m.entity, m.text, -1, -1, _TITLE_WEIGHT) for m in scan(article.title, 0, 1.0))
    return tuple(sorted(found, key=lambda m: (m.start, m.entity)))


def entity_weights(article: Article) -> dict[str, float]:
    """Canonical entity -> weighted mention count in the article."""
    weights: dict[str, float] = {}
    for m in mentions(article):
        weights[m.entity] = weights.get(m.entity, 0.0) + m.weight
    return weights


@cache
def _document_frequency() -> dict[str, int]:
    df: Counter[str] = Counter()
    for fact in load_facts():
        df.update(set(fact.entities))
    return dict(df)


def _idf(entity: str) -> float:
    """Rare entities say more about what an article is about than ones every fact mentions."""
    n = len(load_facts())
    return math.log(1 + n / (1 + _document_frequency().get(entity, 0)))


def _topic_hits(fact: Fact, words: frozenset[str]) -> int:
    return sum(1 for t in fact.topics for w in t.split("-") if w in words)


@dataclass(frozen=True, slots=True)
class Ranked:
    """A fact with its relevance: tier 0 shares entities with the article, 1 is a neighbour, 2 unrelated."""

    fact: Fact
    tier: int
    score: float
    topic_hits: int


def _direct_score(fact: Fact, weights: dict[str, float]) -> float:
    score = 0.0
    for ent in dict.fromkeys(fact.entities):  # file order, not set order: float sums stay byte-identical
        if ent in weights:
            boost = 1.5 if ent == fact.subject else 1.0
            score += boost * (1 + math.log1p(weights[ent])) * _idf(ent)
    if fact.subject and fact.subject not in weights:
        score *= _ABSENT_SUBJECT  # shares names with the article, but is about something it never mentions
    return score / math.sqrt(len(set(fact.entities)))


def rank_facts(article: Article, facts: Iterable[Fact] | None = None) -> list[Ranked]:
    """Facts by relevance to the article, most relevant first (ties by topic keywords, then file order)."""
    pool = tuple(load_facts() if facts is None else facts)
    weights = entity_weights(article)
    words = frozenset(re.findall(r"[a-z0-9+]+", f"{article.title} {article.body}".lower()))
    direct = {f.id: _direct_score(f, weights) for f in pool}
    linked = [f for f in pool if direct[f.id] > 0]
    out = []
    for f in pool:
        if direct[f.id] > 0:
            tier, score = 0, direct[f.id]
        else:
            near = [direct[g.id] for g in linked if set(g.entities) & set(f.entities)]
            tier, score = (1, max(near)) if near else (2, 0.0)
        out.append(Ranked(f, tier, score, _topic_hits(f, words)))
    order = {f.id: i for i, f in enumerate(pool)}
    return sorted(out, key=lambda r: (r.tier, -round(r.score, 6), -r.topic_hits, order[r.fact.id]))


def rank_events(article: Article) -> list[tuple[TimelineEvent, float]]:
    """Timeline events that share entities with the article, most relevant first. An event linked only
    through a hub entity (one in a quarter of all facts, like "Kazakhstan") is not counted as related."""
    weights = entity_weights(article)
    hub = _HUB_SHARE * len(load_facts())
    scored = []
    for ev in load_timeline():
        shared = [e for e in dict.fromkeys(ev.entities) if e in weights]
        if all(_document_frequency().get(e, 0) >= hub for e in shared):
            continue
        score = sum((1 + math.log1p(weights[e])) * _idf(e) for e in shared)
        scored.append((ev, score))
    return sorted(scored, key=lambda p: -p[1])
