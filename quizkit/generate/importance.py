"""Which sentences carry the article's main points, and how likely a question is to be printed as it stands.

A news story puts its main point in the headline and the lead, names its main actors again and again, and
states causes, purposes, contrasts and claims with cue words. Each sentence gets an importance in [0, 1]
from those signals; a candidate's quality mixes that with its kind's record with reviewers (the share of
questions of that kind rated acceptable on real articles: `benchmarks/quality/`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from quizkit.analysis import Analysis, Sentence
from quizkit.generate.common import Candidate
from quizkit.generate.syntax import FINITE
from quizkit.model import Question

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP_WORDS = """a an the and or but of to in on at by for with from as is are was were be been has have had it its this
    that these those why how what who when where which new says said will would after over into about more
    than amid"""
_STOP = frozenset(_STOP_WORDS.split())
_CUES_WORDS = """because cause caused causes due reason reasons result results resulted so order aim aims aimed seek
    seeks sought goal purpose therefore lead led leads despite although though but however while whereas
    instead rather contrast unlike warn warned argue argued claim claimed accuse accused blame blamed
    according decide decided agree agreed announce announced"""
CUES = frozenset(_CUES_WORDS.split())
"""Words that mark a cause, purpose, contrast, claim or decision: what a teacher asks about."""

KIND_RECORD: dict[str, float] = {
    "multiple_choice": 0.55,
    "short_answer": 0.55,
    "fill_blank": 0.45,
    "true_false": 0.5,
    "ordering": 0.5,
    "open": 0.55,
    "vocabulary": 0.45,
    "metadata": 0.2,
    "said": 0.6,
    "action": 0.55,
}
"""Prior acceptability of each kind (from the first reviews of real articles; refit as ratings are added)."""


def _content_words(text: str) -> set[str]:
    return {w.lower().strip("'’") for w in _WORD.findall(text)} - _STOP


def sentence_importance(analysis: Analysis) -> dict[int, float]:
    """Sentence index -> importance in [0, 1]: lead position, words shared with the headline, recurring
    actors and cue words for causes, purposes, contrasts and claims. With ``importance.json`` (fitted by
    ``benchmarks/fit_importance.py`` on teachers' main points of the dev texts), the learned probability
    that the sentence states a main point; else the hand-set weights of ``_score``.

    The generators that keep to main sentences (what-did-they-do, how-many) ask for the same analysis one
    after the other: the last result is kept for it (read it, do not change it)."""
    if _LAST and _LAST[0][0] is analysis:
        return _LAST[0][1]
    learned = _learned()
    if learned is None:
        out = {i: round(min(1.0, v), 3) for i, v in hand_scores(analysis).items()}
    else:
        weights, bias = learned
        out = {}
        for i, f in features_by_sentence(analysis).items():
            z = bias + sum(w * f.get(k, 0.0) for k, w in weights.items())
            out[i] = round(1 / (1 + math.exp(-z)), 3)
    for s in analysis.sentences:
        if addressed_to_reader(s):
            out[s.index] = round(out[s.index] * SOURCING_FACTOR, 3)
    _LAST[:] = [(analysis, out)]
    return out


def addressed_to_reader(s: Sentence) -> bool:
    """An order to the reader ("Learn more about our priority designation…", "Search for open
    recommendations…"): the page's own navigation, which a page can put near the top, not the news."""
    words = [k for k, t in enumerate(s.toks) if t.pos != "PUNCT"]
    if not words:
        return False
    first = s.toks[words[0]]
    return (
        first.tag == "VB"
        and first.dep == "ROOT"
        and not any(s.toks[k].dep in ("nsubj", "nsubjpass", "expl") for k in s.kids[words[0]])
    )


_LAST: list[tuple[Analysis, dict[int, float]]] = []
"""The last analysis asked about (by identity) and its importance."""


def _article_terms(analysis: Analysis) -> tuple[set[str], dict[int, int], int]:
    """(headline content words, paragraph -> its place among the body paragraphs, the top name count).
    Only paragraphs with a finite verb count as the story's paragraphs: a byline ("Ryan Lenora Brown Yahoo
    News 19 Apr 16;") or a related story's headline ("The priest saving LA's gang members") above the lead
    does not push the lead down to second place."""
    title = _content_words(analysis.article.title)
    paragraphs = sorted(
        {
            s.paragraph
            for s in analysis.sentences
            if s.block_kind != "summary" and any(t.tag in FINITE for t in s.toks)
        }
    )
    return title, {p: i for i, p in enumerate(paragraphs)}, max(analysis.counts.values(), default=1)


def hand_scores(analysis: Analysis) -> dict[int, float]:
    """Sentence index -> the hand-set score of ``_score`` (before the learned weights; not capped at 1)."""
    title, rank, top = _article_terms(analysis)
    return {s.index: _score(s, title, rank, top, analysis) for s in analysis.sentences}


def features_by_sentence(analysis: Analysis) -> dict[int, dict[str, float]]:
    """Sentence index -> ``sentence_features``: what the learned importance weighs."""
    title, rank, top = _article_terms(analysis)
    return {s.index: sentence_features(s, title, rank, top, analysis) for s in analysis.sentences}


@lru_cache(maxsize=1)
def _learned() -> tuple[dict[str, float], float] | None:
    path = resources.files("quizkit.generate").joinpath("importance.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"])


_QUOTE_MARKS = ('"', "“", "‘")


def sentence_features(
    s: Sentence, title: set[str], rank: dict[int, int], top: int, analysis: Analysis
) -> dict[str, float]:
    """What ``sentence_importance`` weighs, each about in [0, 1]."""
    para = min(rank.get(s.paragraph, 4), 4)
    words = {t.lemma.lower() for t in s.toks} | {t.text.lower() for t in s.toks}
    actors = [min(analysis.counts.get(m.canonical, 1), top) / top for m in s.mentions if m.kind in NAMED]
    f = {f"paragraph_{k}": float(para == k) for k in range(5)}
    f["summary"] = float(s.block_kind == "summary")
    f["first_in_paragraph"] = float(s.opens_paragraph)
    f["headline"] = min(1.0, len(title & words) / max(3, len(title) * 0.6)) if title else 0.0
    f["recurring"] = max(actors) if actors else 0.0
    f["named"] = min(4, len({m.canonical for m in s.mentions if m.kind in NAMED})) / 4
    f["numbers"] = float(any(m.kind in ("number", "year", "date") for m in s.mentions))
    f["cue"] = float(bool(words & CUES))
    f["sourcing"] = float(bool(SOURCING.search(s.text)))
    f["quote"] = float(s.text.lstrip().startswith(_QUOTE_MARKS))
    f["says"] = float(any(t.lemma.lower() in _SAYS for t in s.toks if t.pos == "VERB"))
    f["unresolved"] = float(s.unresolved)
    f["length"] = min(1.0, s.words / 40)
    f["short"] = float(s.words < 8)
    f["position"] = s.index / max(1, len(analysis.sentences) - 1)
    f["hand"] = min(1.0, _score(s, title, rank, top, analysis))
    return f


_SAYS = frozenset({"say", "tell", "add", "warn", "argue", "claim", "announce", "report"})


NAMED = frozenset({"person", "country", "city", "place", "region", "organisation", "agreement", "event"})


def _score(s: Sentence, title: set[str], rank: dict[int, int], top: int, analysis: Analysis) -> float:
    """Lead (first paragraphs), headline words, the story's recurring actors, who-where-when density
    (several named people, places and organisations) and cue words."""
    lead = (0.3, 0.25, 0.2, 0.1)[min(rank.get(s.paragraph, 3), 3)]
    if s.block_kind == "summary":
        lead = 0.2
    words = {t.lemma.lower() for t in s.toks} | {t.text.lower() for t in s.toks}
    headline = 0.25 * min(1.0, len(title & words) / max(3, len(title) * 0.6)) if title else 0.0
    actors = [min(analysis.counts.get(m.canonical, 1), top) / top for m in s.mentions if m.kind in NAMED]
    recurring = 0.2 * (max(actors) if actors else 0.0)
    named = 0.08 * min(4, len({m.canonical for m in s.mentions if m.kind in NAMED}))
    cue = 0.12 if words & CUES else 0.0
    score = lead + headline + recurring + named + cue
    return score * SOURCING_FACTOR if SOURCING.search(s.text) else score


SOURCING = re.compile(
    r"\b(?:correspondents?|reporters?|spoke (?:to|with)|told (?:VOA|Reuters|AFP|CNN|the BBC|the Associated Press|"
    r"AP|NPR|reporters|journalists)|in an interview with|contributed (?:to )?(?:this|reporting)|"
    r"(?:has|have) (?:just )?arrived in)\b",
    re.IGNORECASE,
)
"""A sentence about the reporting itself ("VOA's correspondent has just arrived in Padang", "…told VOA's Ira
Mellman that…"): how the news was gathered, not the news; reviewers rated questions on it trivial."""
SOURCING_FACTOR = 0.4


KEEP_SHARE = 0.6
TOP_SHARE = 0.3
STATEMENT_SHARE = 0.15
"""True statements (copied from the article) come only from its most important 15 % of sentences (at least
three): on the stored ratings of the dev and fresh pages, true statements from the next 5 % were acceptable
21 of 54 times (39 %, under the ranker's bar of one in two for true statements), from the top 15 % 144 of
305 (47 %). A quiz whose count or types the teacher chose takes them from ``ASKED_STATEMENT_SHARE``."""
ASKED_STATEMENT_SHARE = 0.2
MIN_MAIN = 12


def main_points(weights: dict[int, float], share: float = KEEP_SHARE) -> set[int]:
    """The most important ``share`` of the sentences (at least ``MIN_MAIN * share / KEEP_SHARE`` of them,
    so a short article still gives a quiz): 0.6 are the main points, 0.3 the very top."""
    ranked = sorted(weights, key=lambda i: (-weights[i], i))
    keep = max(round(MIN_MAIN * share / KEEP_SHARE), round(len(ranked) * share))
    return set(ranked[:keep])


ORG_WORDS = frozenset(
    [
        "ministry",
        "agency",
        "party",
        "company",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "llc",
        "group",
        "bank",
        "fund",
        "council",
        "committee",
        "commission",
        "court",
        "parliament",
        "assembly",
        "congress",
        "senate",
        "service",
        "department",
        "office",
        "union",
        "association",
        "federation",
        "organisation",
        "organization",
        "institute",
        "institution",
        "university",
        "college",
        "school",
        "foundation",
        "authority",
        "board",
        "police",
        "army",
        "navy",
        "military",
        "forces",
        "guard",
        "government",
        "administration",
        "cabinet",
        "bureau",
        "centre",
        "center",
        "network",
        "newspaper",
        "times",
        "post",
        "journal",
        "news",
        "press",
        "broadcasting",
        "corp",
        "club",
        "league",
    ]
)


def needs_top(c: Candidate, analysis: Analysis) -> bool:
    """Kinds reviewers accepted only from the very top sentences: any true/false statement (dev ratings, all
    rounds: false ones 55 % acceptable from the top three sentences, 44 % from the next three, 27 % beyond; a
    copied true one is recognition, not understanding, unless it is a main point; a changed side number is
    trivia) and a name asked for (choice, answer or blank) that is not one of the story's recurring actors (a
    side detail). Who said a quotation is exempt (the claim is the point), and so are asked numbers."""
    q = c.question
    if q.type == "true_false":
        return True
    if c.group == "said" or not c.target or q.type not in ("multiple_choice", "short_answer", "fill_blank"):
        return False
    if "vocabulary" in q.tags or NUMERIC_TAGS & set(q.tags) or c.target[:1].isdigit():
        return False
    if analysis.counts.get(c.target, 1) >= 2:
        return False
    return not titled(c, analysis)  # a bystander, an analyst's employer, a jail


_OFFICE_WORDS = """president prime minister premier king queen chancellor governor senator secretary emir sheikh
    ambassador general chairman chairwoman mayor pope"""
OFFICE_TITLES = frozenset(_OFFICE_WORDS.split())


def titled(c: Candidate, analysis: Analysis) -> bool:
    """The answer is a person named with an office ("President Kassym-Jomart Tokayev"): an actor of the story
    even when named once."""
    s = next((x for x in analysis.sentences if x.index == c.sentence), None)
    if s is None:
        return False
    for m in s.mentions:
        if m.canonical == c.target and m.kind == "person" and m.i > 0:
            return s.toks[m.i - 1].lemma.lower() in OFFICE_TITLES
    return False


NUMERIC_TAGS = frozenset({"number", "year", "date", "when"})


def sure_kind(c: Candidate) -> bool:
    """An answer asked for as "which organisation" must be one: known to the alias table, an acronym, or a
    name with an organisation word ("…Ministry", "…Agency"); spaCy's small model also calls currencies,
    programmes and indexes organisations ("Sterling", "Artemis")."""
    q = c.question
    asks_org = re.search(r"\b(?:which|what) organisation\b", q.prompt, re.I) or "organisation" in q.tags
    if not c.target or not asks_org:
        return True
    from quizkit.knowledge import aliases

    ent = aliases.lookup(c.target)
    words = {w.lower().strip(".,’'s") for w in c.target.split()}
    return (ent is not None and ent.kind == "organisation") or c.target.isupper() or bool(words & ORG_WORDS)


def quality(c: Candidate, importance: float) -> float:
    """The estimate stored with the question (0-1): the kind's record, the sentence's importance and the
    candidate's own score (shorter, well-formed sentences from body paragraphs score higher)."""
    record = KIND_RECORD.get(c.group, 0.5)
    own = max(0.0, min(1.0, c.score / 1.6))
    return round(max(0.0, min(1.0, (0.45 * record + 0.35 * importance + 0.2 * own) / 0.8)), 3)


def coverage(
    analysis: Analysis, questions: Sequence[Question], weights: dict[int, float] | None = None
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(paragraphs holding the article's main sentences (the top ``TOP_SHARE``), those an article question
    takes its evidence from): how much of the story's point the quiz asks about."""
    weights = weights if weights is not None else sentence_importance(analysis)
    top = main_points(weights, TOP_SHARE)
    main = [s for s in analysis.sentences if s.index in top and s.block_kind != "summary"]
    asked = [
        (q.evidence.start, q.evidence.end)
        for q in questions
        if q.origin == "article" and q.evidence is not None
    ]
    covered = [s for s in main if any(a < s.end and s.start < b for a, b in asked)]
    return tuple(sorted({s.paragraph for s in main})), tuple(sorted({s.paragraph for s in covered}))
