"""Item analysis: difficulty, discrimination, distractor counts and test reliability (numpy, vectorised).

- difficulty: share of the item's points the class earned (for right/wrong items: the share correct);
- discrimination: the upper-lower index (item mean of the top 27% by total minus the bottom 27%) and the
  corrected point-biserial (item vs. the rest of the test, so the item does not correlate with itself);
- reliability: KR-20 on right/wrong scoring and Cronbach's alpha on the partial-credit scores.
Open questions still waiting for a teacher's score are left out (their score is not known yet).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from quizkit.grade.engine import Result
from quizkit.model import Quiz

NEAR_ZERO = 0.1
"""Discrimination below this (upper-lower index or point-biserial) is flagged: the item barely separates."""
GROUP_SHARE = 0.27


@dataclass(frozen=True, slots=True)
class OptionCount:
    """How many students chose one option (or gave one kind of answer)."""

    label: str
    count: int
    is_key: bool = False


@dataclass(frozen=True, slots=True)
class ItemStats:
    question_id: str
    n: int
    difficulty: float
    discrimination: float | None
    point_biserial: float | None
    blanks: int
    options: tuple[OptionCount, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TestStats:
    n_students: int
    mean: float
    sd: float
    median: float
    max_score: float
    kr20: float | None
    alpha: float | None
    items: tuple[ItemStats, ...]
    excluded: tuple[str, ...]
    """Questions left out of the analysis (answers still waiting for a teacher)."""
    percents: tuple[float, ...]


def _corr(x: np.ndarray, y: np.ndarray) -> float | None:
    if len(x) < 3 or float(x.std()) == 0.0 or float(y.std()) == 0.0:
        return None
    return float(np.corrcoef(x, y)[0, 1])


def _reliability(m: np.ndarray) -> float | None:
    """Cronbach's alpha of an (students × items) matrix; KR-20 when the matrix is 0/1."""
    k = m.shape[1]
    if k < 2 or m.shape[0] < 2:
        return None
    total_var = float(m.sum(axis=1).var())
    if total_var == 0.0:
        return None
    return float(k / (k - 1) * (1.0 - float(m.var(axis=0).sum()) / total_var))


def _options(quiz: Quiz, results: tuple[Result, ...], col: int) -> tuple[OptionCount, ...]:
    q = quiz.questions[col]
    if q.type not in ("multiple_choice", "true_false"):
        verdicts: Counter[str] = Counter(r.marks[col].verdict for r in results)
        order = ("correct", "partial", "incorrect", "needs_review")
        return tuple(OptionCount(v, verdicts[v], v == "correct") for v in order if verdicts.get(v))
    responses = Counter(r.marks[col].response for r in results)
    values: Counter[object] = Counter()
    for resp, count in responses.items():
        values[resp.value if resp is not None else None] += count
    if q.type == "multiple_choice":
        opts = [OptionCount(c, values.get(c, 0), c == q.answer) for c in q.choices]
        other = sum(n for v, n in values.items() if v is not None and v not in q.choices)
        return (*opts, OptionCount("(not an option)", other)) if other else tuple(opts)
    return tuple(OptionCount(str(b), values.get(b, 0), b is q.answer) for b in (True, False))


def _flags(
    q_type: str, difficulty: float, d: float | None, rpb: float | None, opts: tuple[OptionCount, ...], n: int
) -> tuple[str, ...]:
    flags: list[str] = []
    worst = min((x for x in (d, rpb) if x is not None), default=None)
    if worst is not None and worst < 0:
        flags.append("negative discrimination: stronger students did worse — check the key and wording")
    elif worst is not None and worst < NEAR_ZERO:
        flags.append("near-zero discrimination: the item does not separate stronger from weaker students")
    if n and difficulty >= 0.95:
        flags.append("almost everyone got it right")
    elif n and difficulty <= 0.2:
        flags.append("very hard: fewer than 1 in 5 got it right")
    if q_type == "multiple_choice":
        for o in opts:
            if not o.is_key and o.count == 0 and o.label != "(not an option)":
                flags.append(f"distractor nobody chose: {o.label}")
    return tuple(flags)


def item_analysis(quiz: Quiz, results: tuple[Result, ...]) -> TestStats:
    """Per-question and whole-test statistics over the graded sheets."""
    n = len(results)
    k = len(quiz.questions)
    marks = [m for r in results for m in r.marks]
    maxes = np.array([q.points or 1.0 for q in quiz.questions])
    frac = np.fromiter((m.points for m in marks), float, n * k).reshape(n, k) / maxes
    review = np.fromiter((m.verdict == "needs_review" for m in marks), bool, n * k).reshape(n, k)
    blank = np.fromiter((m.verdict == "blank" for m in marks), bool, n * k).reshape(n, k)
    keep = np.asarray(~review.any(axis=0)) if n else np.ones(k, dtype=bool)
    weights = np.array([q.points for q in quiz.questions])
    scored = frac[:, keep] * weights[keep]
    totals = scored.sum(axis=1)
    correct = (frac[:, keep] >= 1.0).astype(float)
    order = np.argsort(totals, kind="stable")
    g = max(1, round(GROUP_SHARE * n)) if n >= 2 else 0
    lower, upper = order[:g], order[n - g :]
    items: list[ItemStats] = []
    for j, q in enumerate(quiz.questions):
        opts = _options(quiz, results, j) if n else ()
        if not keep[j]:
            items.append(
                ItemStats(
                    q.id,
                    n,
                    float("nan"),
                    None,
                    None,
                    int(blank[:, j].sum()),
                    opts,
                    ("waiting for teacher scores",),
                )
            )
            continue
        col = frac[:, j]
        difficulty = float(col.mean()) if n else float("nan")
        d = float(col[upper].mean() - col[lower].mean()) if g and n >= 4 else None
        rest = totals - col * q.points
        rpb = _corr(col, rest)
        items.append(
            ItemStats(
                q.id,
                n,
                difficulty,
                d,
                rpb,
                int(blank[:, j].sum()),
                opts,
                _flags(q.type, difficulty, d, rpb, opts, n),
            )
        )
    max_score = float(weights[keep].sum())
    percents = tuple(float(x) for x in (100.0 * totals / max_score if max_score else np.zeros(n)))
    return TestStats(
        n_students=n,
        mean=float(totals.mean()) if n else 0.0,
        sd=float(totals.std()) if n else 0.0,
        median=float(np.median(totals)) if n else 0.0,
        max_score=max_score,
        kr20=_reliability(correct),
        alpha=_reliability(scored),
        items=tuple(items),
        excluded=tuple(q.id for j, q in enumerate(quiz.questions) if not keep[j]),
        percents=percents,
    )
