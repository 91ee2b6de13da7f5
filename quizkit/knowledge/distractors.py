"""Wrong answers of the same kind as the key: another Central Asian state, another accords member, a nearby year.

Names come first from the answers of related facts (same relation, then shared topics), then from the alias
table's entities of the same kind. Years, dates and quantities are shifted from the key (quantities by wide
gaps: a student should not have to tell 7.06 from 7.4 million). A distractor is never an alias of the key,
never a name the question itself mentions, and never something the knowledge base says is also true
(``also_true``: another attendee of the same summit, another body the subject belongs to).
"""

from __future__ import annotations

import random
import re
from datetime import date

from quizkit.knowledge import aliases, load_facts
from quizkit.model import Fact

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NAME_KINDS = {
    "country": "country",
    "city": "city",
    "person": "person",
    "organisation": "organisation",
    "sea": "sea",
    "venue": "venue",
    "figure": "figure",
    "resource": "resource",
    "corridor": "corridor",
}
"""answer_kind -> entity kind in the alias table."""
_LAST_YEAR = 2026
_NUMBER = re.compile(r"(?P<pre>\D*?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<post>.*)")


def _fine(cand: str, key: str, prompt: str, taken: list[str]) -> bool:
    if not cand or aliases.same_entity(cand, key) or any(aliases.same_entity(cand, t) for t in taken):
        return False
    ent = aliases.lookup(cand)
    names = ent.names if ent else (cand,)
    low = prompt.lower()
    return not any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low) for n in names if len(n) > 2)


def _name_candidates(fact: Fact, rng: random.Random) -> list[str]:
    """Same-kind names, the most plausible first: answers of the same relation, names from the key's own
    groups (another Central Asian state...), answers of facts on the same topics, then any name of the kind.
    The key's first group in groups.yaml is its primary one; names from the key's own subregion, then
    continent, come before the rest of the world. The fact's own other entities are left out (they are part
    of the true story, e.g. the other callers)."""
    others = [f for f in load_facts() if f.answer_kind == fact.answer_kind and f.id != fact.id]
    same_rel = {f.answer for f in others if fact.relation and f.relation == fact.relation}
    topical = {f.answer for f in others if set(f.topics) & set(fact.topics)}
    key_groups = aliases.groups_of(fact.answer)
    primary = set(aliases.groups().get(key_groups[0], ())) if key_groups else set()
    own = set(fact.entities) - same_rel
    kind = NAME_KINDS.get(fact.answer_kind, fact.answer_kind)
    pool = list(
        dict.fromkeys([*sorted(same_rel), *sorted(topical), *(e.name for e in aliases.of_kind(kind))])
    )
    rng.shuffle(pool)

    key_ent = aliases.lookup(fact.answer)

    def score(name: str) -> float:
        shared = len(set(key_groups) & set(aliases.groups_of(name)))
        near = aliases.FAR - aliases.distance(key_ent, aliases.lookup(name))  # country 3 .. elsewhere 0
        return (
            5.0 * (name in same_rel)
            + 3.0 * (name in primary)
            + 1.0 * min(shared, 2)
            + 1.0 * (name in topical)
            + 0.75 * near
        )

    return sorted((n for n in pool if n not in own), key=lambda n: -score(n))


def _years(key: int, rng: random.Random, step: int = 1) -> list[str]:
    offsets = [d * step for d in (-3, -2, -1, 1, 2, 3, 4, 5, -5, -4)]
    rng.shuffle(offsets)
    close = sorted(offsets, key=abs)[:6]
    rng.shuffle(close)
    return [str(key + d) for d in close + offsets if key + d <= _LAST_YEAR]


def _dates(key: str, rng: random.Random) -> list[str]:
    m = re.fullmatch(r"(\d{1,2}) (\w+)(?: (\d{4}))?", key)
    if not m or m.group(2) not in MONTHS:
        return []
    day, month = int(m.group(1)), MONTHS.index(m.group(2)) + 1
    year = int(m.group(3)) if m.group(3) else None
    out = []
    for dy, dm in [(0, 1), (0, -1), (1, 0), (-1, 0), (0, 2), (0, -2), (0, 3), (0, -3)]:
        if year is None and dy:
            dm = dm or 6
        y, mo = (year or 2000) + dy, month + dm
        y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
        try:
            d = date(y, mo, day)
        except ValueError:
            continue
        if year is None:
            out.append(f"{d.day} {MONTHS[d.month - 1]}")
        elif d.year <= _LAST_YEAR:
            out.append(f"{d.day} {MONTHS[d.month - 1]} {d.year}")
    rng.shuffle(out)
    return out


def _format_like(value: float, template: str) -> str:
    decimals = len(template.split(".")[1]) if "." in template else 0
    text = f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"
    return text


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _quantities(key: str, rng: random.Random, kind: str) -> list[str]:
    m = _NUMBER.fullmatch(key)
    if not m:
        return []
    num = float(m.group("num").replace(",", ""))
    if kind == "rank":
        cands = [int(num) + d for d in (-3, -2, -1, 1, 2, 3) if int(num) + d > 0]
        rng.shuffle(cands)
        return [f"{n}{_ordinal_suffix(n)}" for n in cands]
    if kind == "count":
        cands = [int(num) + d for d in (-2, -1, 1, 2, 3) if int(num) + d > 1]
        rng.shuffle(cands)
        return [str(n) for n in cands]
    factors = [0.25, 0.5, 2.0, 3.0, 0.4, 4.0]  # wide gaps: options a student can tell apart
    rng.shuffle(factors)
    out = []
    for f in factors:
        value = num * f
        if m.group("post").startswith("%") and value >= 100:
            continue
        if "." not in m.group("num") and value >= 10:
            value = round(value, -1 if value < 1000 else -2)
        out.append(f"{m.group('pre')}{_format_like(value, m.group('num'))}{m.group('post')}")
    return out


def candidates(fact: Fact, rng: random.Random) -> list[str]:
    """All plausible wrong answers for a fact's question, best first (may include unusable ones)."""
    kind = fact.answer_kind
    if kind in ("year", "decade"):
        m = re.fullmatch(r"(\d{4})(s?)", fact.answer)
        if not m:
            return []
        return [y + m.group(2) for y in _years(int(m.group(1)), rng, 10 if kind == "decade" else 1)]
    if kind in ("date", "day"):
        return _dates(fact.answer, rng)
    if kind in ("number", "population", "percent", "length", "tonnage", "count", "rank"):
        return _quantities(fact.answer, rng, kind)
    if kind:
        return _name_candidates(fact, rng)
    return []


def _memberships(subject: str) -> set[str]:
    """The bodies the knowledge base says ``subject`` belongs to (membership facts with an organisation key)."""
    return {
        f.answer
        for f in load_facts()
        if f.subject == subject and f.kind == "membership" and f.answer_kind == "organisation"
    }


def also_true(fact: Fact, cand: str) -> bool:
    """Whether the knowledge base says ``cand`` would also be a right answer to the fact's question: it took
    part in the same event as the key, it is another body the subject belongs to, or another fact asks the
    same question with ``cand`` as its answer."""
    from quizkit.knowledge.attendees import same_event

    text = f"{fact.question} {fact.statement}"
    same_set = [f for f in load_facts() if fact.relation and f.relation == fact.relation and f.id != fact.id]
    if any(aliases.same_entity(cand, f.answer) and f.subject != fact.subject for f in same_set):
        return False  # another pair of the same set: Mirziyoyev did not represent Kazakhstan
    if same_event(fact.answer, cand, text):
        return True
    member = fact.kind == "membership" and fact.answer_kind == "organisation"
    if member and any(aliases.same_entity(cand, m) for m in _memberships(fact.subject)):
        return True
    return any(
        f.id != fact.id and f.question == fact.question and aliases.same_entity(cand, f.answer)
        for f in load_facts()
        if f.question
    )


def distractors(fact: Fact, n: int, rng: random.Random, prompt: str = "") -> tuple[str, ...]:
    """Up to ``n`` wrong answers of the key's kind, none an alias of the key, named in ``prompt`` or also
    true according to the knowledge base."""
    chosen: list[str] = []
    for cand in candidates(fact, rng):
        if len(chosen) == n:
            break
        if _fine(cand, fact.answer, prompt, chosen) and cand not in chosen and not also_true(fact, cand):
            chosen.append(cand)
    return tuple(chosen)


def _date_forms(answer: str) -> tuple[str, ...]:
    """'6 November 2025' -> 'November 6, 2025', '6 Nov 2025', '2025-11-06' (graders accept them all)."""
    m = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", answer)
    if not m or m.group(2) not in MONTHS:
        return ()
    day, month, year = int(m.group(1)), m.group(2), int(m.group(3))
    iso = date(year, MONTHS.index(month) + 1, day).isoformat()
    return (f"{month} {day}, {year}", f"{day} {month[:3]} {year}", iso)


def accepted(answer: str) -> tuple[str, ...]:
    """Other ways to write an answer: its aliases in the alias table, or other spellings of a date."""
    ent = aliases.lookup(answer)
    if ent is None:
        return _date_forms(answer)
    return tuple(n for n in ent.names if aliases.norm(n) != aliases.norm(answer))


def answer_forms(fact: Fact) -> tuple[str, ...]:
    """Every right form of a fact's answer a grader should accept: the knowledge base's own list (the city
    for a venue, other published dates), the alias table's names, other spellings of a date."""
    forms = [*fact.accepted, *accepted(fact.answer)]
    for a in fact.accepted:
        forms.extend(accepted(a))
    seen = {aliases.norm(fact.answer)}
    out = []
    for f in forms:
        if f and aliases.norm(f) not in seen:
            seen.add(aliases.norm(f))
            out.append(f)
    return tuple(out)
