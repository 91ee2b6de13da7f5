"""Fit sentence importance (``quizkit/generate/importance.py``) on teachers' main points of the dev texts.

Reviewers who did not write the generator read each development text and wrote the five questions a teacher
would ask about its main points, each with the body sentence that answers it
(``benchmarks/quality/ratings/*.mainpoints.csv``: article_id, point, main_point, answer, sentence). A sentence
named there is a main-point sentence. This script fits a logistic regression from the features of
``importance.sentence_features`` (place in the article, headline words, recurring actors, cue words, quotes,
sourcing...) to that label, cross-validated by article, prints how many main-point sentences fall in the top
third of each article's sentences with the hand-set weights and with the fitted ones, and writes the weights
to ``quizkit/generate/importance.json`` unless ``--dry-run``. Only dev texts are used.

Run: .venv/bin/python benchmarks/fit_importance.py [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from bench_quality import RATINGS, load_manifest  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from quizkit.analysis import Analysis, analyse  # noqa: E402
from quizkit.article import read_article  # noqa: E402
from quizkit.generate import importance  # noqa: E402
from quizkit.generate.ranker import sentence_of  # noqa: E402

OUT = ROOT / "quizkit" / "generate" / "importance.json"
TOP = importance.TOP_SHARE


def recall_at_top(scores: dict[int, float], marked: set[int]) -> tuple[int, int]:
    keep = set(importance.main_points(scores, TOP))
    return len(marked & keep), len(marked)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--C", type=float, default=0.1)
    p.add_argument("--dry-run", action="store_true")
    args = p.parse_args(argv)
    entries = {e.id: e for e in load_manifest()}
    marked: dict[str, set[int]] = {}
    analyses: dict[str, Analysis] = {}
    missed = 0
    files = sorted(RATINGS.glob("*.mainpoints.csv"))
    for path in files:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                e = entries.get(row["article_id"])
                if e is None or e.split != "dev" or not e.present:
                    continue
                if e.id not in analyses:
                    analyses[e.id] = analyse(read_article(e.path))
                s = sentence_of(analyses[e.id], row["sentence"])
                if s is None:
                    missed += 1
                    continue
                marked.setdefault(e.id, set()).add(s.index)
    names: list[str] = []
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[str] = []
    per_article: dict[str, list[int]] = {}
    for art, a in analyses.items():
        feats = importance.features_by_sentence(a)
        names = names or sorted(next(iter(feats.values())))
        per_article[art] = []
        for i, f in feats.items():
            per_article[art].append(len(ys))
            xs.append([f[k] for k in names])
            ys.append(int(i in marked.get(art, set())))
            groups.append(art)
    X, y = np.array(xs), np.array(ys)
    print(
        f"{len(analyses)} dev texts, {len(y)} sentences, {int(y.sum())} main-point sentences "
        f"({missed} named sentences not found in the text)"
    )
    hand = [0, 0]
    for art, a in analyses.items():
        got, n = recall_at_top(importance.hand_scores(a), marked.get(art, set()))
        hand[0] += got
        hand[1] += n
    print(f"hand-set weights: {hand[0]}/{hand[1]} main-point sentences in each text's top {TOP:.0%}")
    cv = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        m = LogisticRegression(C=args.C, max_iter=2000).fit(X[train], y[train])
        cv[test] = m.predict_proba(X[test])[:, 1]
    fitted = [0, 0]
    for art, a in analyses.items():
        scores = {s.index: float(cv[k]) for s, k in zip(a.sentences, per_article[art], strict=True)}
        got, n = recall_at_top(scores, marked.get(art, set()))
        fitted[0] += got
        fitted[1] += n
    print(
        f"fitted (cross-validated by article): {fitted[0]}/{fitted[1]} in the top {TOP:.0%}; "
        f"AUC {roc_auc_score(y, cv):.3f}"
    )
    model = LogisticRegression(C=args.C, max_iter=2000).fit(X, y)
    weights = {k: round(float(w), 4) for k, w in zip(names, model.coef_[0], strict=True)}
    for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:20} {w:+.3f}")
    if not args.dry_run:
        data = {
            "about": "Logistic regression: is a sentence one a teacher names for a main point? "
            "benchmarks/fit_importance.py",
            "trained_on": f"{int(y.sum())} main-point sentences of {len(y)} in {len(analyses)} dev texts, "
            f"{dt.date.today().isoformat()}: {', '.join(p.name for p in files)}",
            "cv_recall_top": f"{fitted[0]}/{fitted[1]} (hand-set weights {hand[0]}/{hand[1]})",
            "bias": round(float(model.intercept_[0]), 4),
            "weights": weights,
        }
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
