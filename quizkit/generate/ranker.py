"""A learned ranker: how likely a reviewer is to accept a question as it stands (Heilman & Smith 2010).

Independent reviewers rated generated questions on real published texts with the shared rubric
(`benchmarks/quality/ratings/`). ``benchmarks/train_ranker.py`` fits a logistic regression on the ratings of
the *development* texts only (never the test texts, which measure it) over the features below, and writes
the weights to ``ranker.json`` next to this module. Generation scores each candidate with ``acceptability``
and leaves out those below the threshold stored with the weights (precision first: a shorter quiz rather
than a weak question).

The features only look at what a reviewer sees (type, prompt, key, options, evidence) and at the article's
analysis (the sentence's importance and place, what the key is, its role in the sentence), so the same
function scores a stored rating row and a fresh candidate.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from quizkit.analysis import Analysis, Sentence
from quizkit.generate import importance
from quizkit.generate.common import in_lead
from quizkit.model import Question

TYPES = ("true_false", "multiple_choice", "fill_blank", "short_answer", "open", "ordering", "matching")
_KINDS = {
    "person": "person",
    "country": "place",
    "city": "place",
    "place": "place",
    "region": "place",
    "organisation": "org",
    "agreement": "event",
    "event": "event",
}
_MONTHS = "january february march april may june july august september october november december"
_DATE = re.compile(rf"\b(?:{'|'.join(_MONTHS.split())}|\d{{4}})\b", re.I)
_QUOTE = re.compile(r"[\"“”]")
_PRONOUN_START = re.compile(r"^(?:it|they|he|she|this|that|these|those|its|their|his|her)\b", re.I)
_PRONOUN_ANY = re.compile(r"\b(?:it|they|them|he|she|him|this|these|those|here|there)\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})


@dataclass(frozen=True, slots=True)
class Shown:
    """What a reviewer sees of a question: enough to score a stored rating as well as a new candidate."""

    type: str
    prompt: str
    key: str
    options: tuple[str, ...]
    evidence: str
    tags: tuple[str, ...] = ()
    answer_true: bool | None = None
    """For true/false: the key (True or False)."""


def sentence_of(analysis: Analysis, evidence: str) -> Sentence | None:
    """The analysed sentence that holds the evidence text, or that it holds (the longest such; None when
    the evidence is not the article's)."""
    ev = " ".join(evidence.split())
    best, best_len = None, 0
    for s in analysis.sentences:
        text = " ".join(s.text.split())
        if text and (text in ev or ev in text):
            n = min(len(text), len(ev))
            if n > best_len:
                best, best_len = s, n
    return best


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - importance._STOP


def _key_kind(key: str, s: Sentence | None, analysis: Analysis) -> str:
    if not key:
        return "none"
    if _DATE.search(key) and len(key.split()) <= 4:
        return "date"
    if any(ch.isdigit() for ch in key):
        return "number"
    low = key.lower()
    for sent in [s] if s is not None else list(analysis.sentences):
        if sent is None:
            continue
        for m in sent.mentions:
            if m.text.lower() == low or m.canonical.lower() == low or low.startswith(m.text.lower()):
                return _KINDS.get(m.kind, "other")
    return "phrase" if len(key.split()) >= 3 else "other"


def _depth(key: str, s: Sentence | None) -> int:
    """How many dependency steps the key's phrase hangs below the sentence's main verb (0: its subject or
    object; more: inside a modifier, a relative clause, an appositive); -1 when not found."""
    if s is None or not key:
        return -1
    words = key.lower().split()
    n = len(words)
    for i in range(len(s.toks) - n + 1):
        if [t.text.lower() for t in s.toks[i : i + n]] == words:
            span = set(range(i, i + n))
            head = next((k for k in span if s.toks[k].head not in span or s.toks[k].head == k), i)
            depth, cur = 0, head
            while s.toks[cur].head != cur and depth < 12:
                cur = s.toks[cur].head
                if s.toks[cur].pos in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "NUM"):
                    depth += 1
            return depth - 1
    return -1


def _role(key: str, s: Sentence | None) -> str:
    """The dependency role of the key in its sentence: subject, object, prepositional or other."""
    if s is None or not key:
        return "none"
    first = key.split()[0].lower()
    for i, t in enumerate(s.toks):
        if t.text.lower() == first:
            j = i
            # climb to the head of the key's phrase
            for _ in range(4):
                h = s.toks[j].head
                if h == j or not (0 <= h < len(s.toks)) or s.toks[h].text.lower() not in key.lower():
                    break
                j = h
            dep = s.toks[j].dep
            if dep in SUBJECT_DEPS:
                return "subject"
            if dep in OBJECT_DEPS:
                return "object"
            if dep == "pobj":
                return "prep"
            return "other"
    return "none"


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What the features need of the whole article, worked out once per article (not per candidate)."""

    analysis: Analysis
    weights: dict[int, float]
    """Sentence index -> importance."""
    rank: dict[int, float]
    """Sentence index -> place in importance order, 0 (most important) to 1."""
    title: frozenset[str]
    body: str
    """The body in lower case (are the options the article's own words?)."""
    freq: dict[str, int]
    """Lower-cased canonical name -> how often the article names it."""
    top_actors: frozenset[str]


def view(analysis: Analysis, weights: dict[int, float] | None = None) -> ArticleView:
    weights = weights if weights is not None else importance.sentence_importance(analysis)
    ranked = sorted(weights, key=lambda i: (-weights[i], i))
    freq: dict[str, int] = {}
    for name, n in analysis.counts.items():
        freq[name.lower()] = max(freq.get(name.lower(), 0), n)
    return ArticleView(
        analysis=analysis,
        weights=weights,
        rank={i: n / max(1, len(ranked)) for n, i in enumerate(ranked)},
        title=frozenset(_content(analysis.article.title)),
        body=analysis.article.body.lower(),
        freq=freq,
        top_actors=frozenset(c.lower() for c, _n in analysis.counts.most_common(3)),
    )


def features(shown: Shown, art: ArticleView, sentence: Sentence | None = None) -> dict[str, float]:
    """The ranker's features of one question (all in about [0, 1]); ``sentence``: its evidence sentence
    when known (else found from the evidence text)."""
    analysis = art.analysis
    s = (
        sentence
        if sentence is not None
        else (sentence_of(analysis, shown.evidence) if shown.evidence else None)
    )
    f: dict[str, float] = {}
    t = shown.type
    if t == "true_false":
        t = "tf_true" if shown.answer_true else "tf_false"
    for name in ("tf_true", "tf_false", *TYPES[1:]):
        f[f"type_{name}"] = float(t == name)
    prompt = shown.prompt
    f["said"] = float(bool(re.search(r"\bwho said\b", prompt, re.I)))
    f["vocabulary"] = float("vocabulary" in shown.tags or bool(re.search(r"\bmeans?\b", prompt)))
    f["action"] = float(bool(re.search(r"\bwhat (?:did|has|have) .+ (?:do|done)\?", prompt, re.I)))
    f["vocabulary_choice"] = f["vocabulary"] * float(shown.type == "multiple_choice")
    f["why"] = float(bool(re.search(r"\b(?:why|how|explain)\b", prompt, re.I)))
    key = "" if shown.type in ("true_false", "open", "ordering", "matching") else shown.key
    kind = _key_kind(key, s, analysis)
    for k in ("person", "place", "org", "event", "number", "date", "phrase", "other"):
        f[f"key_{k}"] = float(kind == k)
    short = {"fill_blank": "blank", "short_answer": "short", "multiple_choice": "choice"}.get(shown.type)
    if short and not f["said"] and not f["vocabulary"]:
        for k in ("person", "place", "org", "event", "number", "date", "phrase", "other"):
            f[f"{short}_{k}"] = float(kind == k)  # a blank on a place is not a blank on a person
    depth = _depth(key, s)
    f["key_unplaced"] = float(bool(key) and depth < 0)
    f["key_on_main_verb"] = float(depth == 0)
    f["key_depth"] = min(1.0, max(0, depth) / 4)
    role = _role(key, s)
    for r in ("subject", "object", "prep"):
        f[f"role_{r}"] = float(role == r)
    canon = key.lower()
    f["key_freq"] = min(1.0, math.log1p(art.freq.get(canon, 0)) / math.log(8))
    f["key_in_title"] = float(bool(key) and bool(_content(key) & art.title))
    if s is not None:
        f["importance"] = art.weights.get(s.index, 0.0)
        f["rank"] = art.rank.get(s.index, 1.0)
        f["early"] = float(in_lead(s))
        f["sentence_words"] = min(1.0, s.words / 40)
        f["names"] = min(1.0, len({m.canonical for m in s.mentions}) / 5)
        f["cue"] = float(bool({t.lemma.lower() for t in s.toks} & importance.CUES))
        f["unresolved"] = float(s.unresolved)
    else:
        for name in ("importance", "rank", "early", "sentence_words", "names", "cue", "unresolved"):
            f[name] = 0.0
    f["no_sentence"] = float(s is None)
    f["quote"] = float(bool(_QUOTE.search(shown.evidence)) and not f["said"])
    f["pronoun_anywhere"] = float(bool(_PRONOUN_ANY.search(prompt)))
    f["negated"] = float(bool(re.search(r"\b(?:not|n't|never|no)\b", prompt)))
    f["key_words"] = min(1.0, len(key.split()) / 6)
    f["key_main_actor"] = float(bool(key) and canon in art.top_actors)
    f["prompt_words"] = min(1.0, len(prompt.split()) / 40)
    pw, ew = _content(prompt), _content(shown.evidence)
    f["copy"] = len(pw & ew) / max(1, len(pw))
    blank = prompt.find("____")
    f["blank_position"] = blank / max(1, len(prompt)) if blank >= 0 else 0.0
    f["prompt_pronoun"] = float(bool(_PRONOUN_START.match(prompt.removeprefix("According to the article, "))))
    f["options_in_text"] = (
        sum(o.lower() in art.body for o in shown.options) / len(shown.options) if shown.options else 0.0
    )
    return f


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    trained_on: str
    judged: frozenset[str] = frozenset()
    """Generator groups the model was fitted on enough ratings of to leave their candidates out; the others
    are only ordered by it."""
    group_thresholds: tuple[tuple[str, float], ...] = ()
    """Higher thresholds for single groups, set from ratings of pages the model was not fitted on (see
    ``benchmarks/train_ranker.py --held-out``): below them, even a main point's candidate stays out."""

    def cutoff(self, group: str, floor: float | None = None) -> float:
        """The lowest estimate a candidate of ``group`` may have in a default quiz (``floor``: the cover
        pass's lower bar, in place of the threshold; a group's own threshold still holds)."""
        base = self.threshold if floor is None else floor
        return max(base, dict(self.group_thresholds).get(group, 0.0))


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The stored model (None when no ratings were fitted yet)."""
    path = resources.files("quizkit.generate").joinpath("ranker.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        trained_on=str(data.get("trained_on", "")),
        judged=frozenset(str(g) for g in data.get("judged_groups", ())),
        group_thresholds=tuple(
            sorted((str(g), float(t)) for g, t in data.get("group_thresholds", {}).items())
        ),
    )


def threshold_group(group: str, q: Question) -> str:
    """The name a group threshold is stored under: the generator group, a true/false statement by its key
    ("tf_true", "tf_false": reviewers judge the two differently)."""
    if q.type == "true_false" and isinstance(q.answer, bool):
        return "tf_true" if q.answer else "tf_false"
    return group


def clears(group: str, q: Question) -> bool:
    """A candidate of ``group`` stays in a default quiz: the model leaves out only kinds it was fitted on
    enough ratings of, below its threshold (no model: everything stays)."""
    m = model()
    return m is None or group not in m.judged or (q.quality or 0.0) >= m.cutoff(threshold_group(group, q))


def acceptability(f: dict[str, float], m: Model) -> float:
    """The model's probability that a reviewer accepts the question as it stands."""
    z = m.bias + sum(m.weights.get(k, 0.0) * v for k, v in f.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def shown_of(q: Question) -> Shown:
    """A question as a reviewer sees it."""
    key = q.answer if isinstance(q.answer, str) else ""
    return Shown(
        type=q.type,
        prompt=q.prompt,
        key=key,
        options=tuple(q.choices) if q.type == "multiple_choice" else (),
        evidence=q.evidence.text if q.evidence else "",
        tags=tuple(q.tags),
        answer_true=q.answer if isinstance(q.answer, bool) else None,
    )
