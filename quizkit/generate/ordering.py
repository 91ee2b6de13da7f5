"""Ordering: events the article dates, put in time order. Skipped when the article gives fewer than three."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, Sentence, starts_unresolved
from quizkit.generate import syntax
from quizkit.generate.common import Candidate, make, span_evidence
from quizkit.model import Evidence

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MIN_ITEMS, MAX_ITEMS = 3, 5
_DATE_PREPS = frozenset({"in", "on", "by", "since", "from", "until", "during", "of"})


def when(m: Mention) -> tuple[int, int, int] | None:
    """(year, month, day) from a date mention; month/day 0 when not given."""
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", m.text)
    if year is None or re.search(r"\d{4}s\b", m.text):
        return None
    low = m.text.lower()
    month = next((n for name, n in MONTHS.items() if name in low or name[:3] + " " in low + " "), 0)
    day = re.search(r"\b([0-3]?\d)\b(?!\d)", low.replace(year.group(1), ""))
    return int(year.group(1)), month, int(day.group(1)) if day and month else 0


NOT_YET = frozenset(["due", "schedule", "expect", "plan", "aim", "hope"])


def dates_the_verb(s: Sentence, m: Mention, verb: int) -> bool:
    """The date says when the clause's own verb happened ("was launched on 7 October 2024"), not when
    something named in it did ("the 1951 Refugee Convention", "their lowest level since April 2023")."""
    toks = s.toks
    h = syntax.head_of(s, m)
    if toks[h].dep == "pobj":
        prep = toks[h].head
        return toks[prep].dep == "prep" and toks[prep].head == verb
    return toks[h].dep in ("npadvmod", "tmod") and toks[h].head == verb


def event_text(s: Sentence, m: Mention) -> str | None:
    """The clause around the date with the date phrase itself removed."""
    verb = syntax.clause_verb(s, syntax.head_of(s, m))
    if verb is None:
        return None
    c = syntax.clause(s, verb, set(range(m.i, m.j)))
    if syntax.subject_is_pronoun(s, c) or c.subj is None or c.subj not in c.idxs:
        return None
    if s.toks[c.subj].tag in syntax.RELATIVE_TAGS or not dates_the_verb(s, m, verb):
        return None
    toks = s.toks
    if any(
        toks[k].tag == "MD" or (toks[k].lemma.lower() in NOT_YET and toks[k].pos != "NOUN") for k in c.idxs
    ):
        return None  # "will land", "is due to open": not an event that happened
    drop = set(syntax.subtree(s, syntax.head_of(s, m)))
    prep = s.toks[syntax.head_of(s, m)].head
    if s.toks[prep].dep == "prep" and s.toks[prep].text.lower() in _DATE_PREPS:
        drop |= syntax.subtree(s, prep)
    idxs = tuple(k for k in c.idxs if k not in drop)
    words = [k for k in idxs if s.toks[k].pos != "PUNCT"]
    if not words or starts_unresolved([s.toks[k] for k in idxs]) or s.toks[words[-1]].pos in _CUT_ENDS:
        return None  # ... or an event cut before its date: "scheduled for", "… in Tunisia was [in 2002]"
    text = syntax.strip_end(syntax.render(s.toks, idxs))
    if not 4 <= len(text.split()) <= 22 or re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text):
        return None
    if _MONTH_DAY.search(text):
        return None  # another day in the event: the parse may have hung this date on the wrong clause
    return syntax.capitalise(text)


_CUT_ENDS = frozenset({"ADP", "AUX", "DET", "PART", "CCONJ", "SCONJ"})
"""A word that needs what was cut after it: the event without its date is not a whole clause."""


def _same_time(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Two dates students could not put in order: the same year with a month missing, or the same month."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


_MONTH_DAY = re.compile(
    r"\b(?:on |by |until |from |since )?((January|February|March|April|May|June|July|August|September|October|"
    r"November|December) ([0-3]?\d))\b(?!,? \d)"
)
"""A day without a year ("on October 14"): news dates the events of its own year so."""


def _year_of(analysis: Analysis) -> int:
    """The article's year (its date), or 0 when it has none: yearless days then share one unknown year."""
    found = re.match(r"^((?:19|20)\d\d)-", analysis.article.date)
    return int(found.group(1)) if found else 0


def _days(s: Sentence, year: int) -> Iterator[tuple[Mention, tuple[int, int, int]]]:
    """Yearless days in a sentence as date mentions with their (year, month, day)."""
    for found in _MONTH_DAY.finditer(s.text):
        start, end = s.start + found.start(1), s.start + found.end(1)
        i = next((k for k, t in enumerate(s.toks) if t.start == start), None)
        j = next((k + 1 for k, t in enumerate(s.toks) if t.start + len(t.text) == end), None)
        if i is None or j is None or any(m.i < j and i < m.j for m in s.mentions):
            continue
        month = MONTHS[found.group(2).lower()]
        yield (
            Mention(found.group(1), "date", i, j, start, end, found.group(1)),
            (year, month, int(found.group(3))),
        )


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    events: dict[tuple[int, int, int], tuple[str, Sentence, Mention]] = {}
    year = _year_of(analysis)
    for s in analysis.sentences:
        if s.block_kind == "summary":
            continue
        found = [(m, when(m)) for m in s.mentions if m.kind in ("year", "date")]
        for m, key in [*found, *_days(s, year)]:
            text = event_text(s, m) if key else None
            if key and text and not any(_same_time(key, k) for k in events):
                events[key] = (text, s, m)
    if not year and any(k[0] for k in events):
        events = {k: v for k, v in events.items() if k[0]}  # yearless days cannot be placed among years
    if len(events) < MIN_ITEMS:
        return
    keys = sorted(events)
    if len(keys) > MAX_ITEMS:
        keys = sorted(rng.sample(keys, MAX_ITEMS))
    items = tuple(events[k][0] for k in keys)
    sents = sorted({events[k][1].index: events[k][1] for k in keys}.values(), key=lambda s: s.index)
    ev: Evidence | None = span_evidence(analysis, sents) if len({s.heading for s in sents}) == 1 else None
    dated = "; ".join(f"{events[k][2].text}: {events[k][0]}" for k in keys)
    q = make(
        "ordering",
        "In what order did these events happen, according to the article (earliest first)?",
        items,
        sents[0],
        analysis,
        bloom="understand",
        points=2.0,
        explain=f"The article dates them — {dated}.",
        ev=ev,
        tags=("chronology",),
    )
    yield Candidate(q, 1.3, sents[0].index, "", "ordering")
