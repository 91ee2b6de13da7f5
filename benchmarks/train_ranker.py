"""Fit the question ranker (``quizkit/generate/ranker.py``) on the stored ratings of the development texts.

Heilman & Smith (2010)'s route: overgenerate, have reviewers rate a sample with the rubric, learn which
questions are acceptable from features of the question and its sentence, and rank (here: also leave out)
candidates by that estimate. Only ratings of texts whose manifest split is ``dev`` are used; the test texts
measure the result and are never fitted on; the seed article is left out too (it is measured on its own).

Prints the cross-validated figures (folds by article: a text's questions are never both fitted and scored)
and writes ``quizkit/generate/ranker.json`` unless ``--dry-run``.

``--held-out DIR`` scores, with the model as stored, every stored rating of a *fresh* page (``fresh.csv``:
pages never in the corpus, so never fitted on) whose saved HTML is ``DIR/<id>.html``, and prints by kind how
often reviewers accepted the questions below and above a few thresholds. A group threshold
(``--group-threshold tf_true=0.5``, kept in ``ranker.json`` across refits) comes from that table, never from
the test texts.

Run: .venv/bin/python benchmarks/train_ranker.py [--threshold T] [--group-threshold G=T] [--dry-run]
     .venv/bin/python benchmarks/train_ranker.py --held-out DIR
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from bench_quality import RATINGS, _flag, load_manifest  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from quizkit.analysis import analyse  # noqa: E402
from quizkit.article import read_article  # noqa: E402
from quizkit.generate import ranker as shipped  # noqa: E402
from quizkit.generate.ranker import (  # noqa: E402
    ArticleView,
    Model,
    Shown,
    acceptability,
    features,
    view,
)

OUT = ROOT / "quizkit" / "generate" / "ranker.json"
ALSO = re.compile(r"\s*\(also accepted: .*\)$")
OPTION = re.compile(r"^[A-Z]\)\s*")


def shown_of_row(row: dict[str, str]) -> Shown:
    key = ALSO.sub("", row["key"].strip())
    options: tuple[str, ...] = ()
    if row["type"] == "multiple_choice":
        options = tuple(OPTION.sub("", o.strip()) for o in row["options"].split(" | ") if o.strip())
    return Shown(
        type=row["type"],
        prompt=row["prompt"],
        key=key,
        options=options,
        evidence=row["evidence"] if row["origin"] == "article" else "",
        tags=("vocabulary",) if re.search(r"\bmeans?\b", row["prompt"]) else (),
        answer_true={"True": True, "False": False}.get(key),
    )


def load_rows(pattern: str = "*.csv") -> tuple[list[dict[str, float]], list[int], list[str], list[str]]:
    entries = {e.id: e for e in load_manifest()}
    views: dict[str, ArticleView] = {}
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    groups: list[str] = []
    files: set[str] = set()
    for path in sorted(RATINGS.glob(pattern)):
        if path.name.endswith((".coverage.csv", ".mainpoints.csv")):
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                art = row.get("article_id", "")
                e = entries.get(art)
                ok = _flag(row.get("acceptable", ""))
                if e is None or e.split != "dev" or ok is None or row.get("origin") != "article":
                    continue
                if not e.present:
                    continue
                if art not in views:
                    views[art] = view(analyse(read_article(e.path)))
                xs.append(features(shown_of_row(row), views[art]))
                ys.append(ok)
                groups.append(art)
                files.add(path.name)
    return xs, ys, groups, sorted(files)


MIN_RATED = 20
"""A kind of question the ranker may leave out only when it was fitted on at least this many of its ratings."""


def held_out(pages: Path, m: Model) -> int:
    """Acceptance of the fresh pages' rated questions below and above thresholds, by kind (see the module
    docstring)."""
    views: dict[str, ArticleView | None] = {}
    by_kind: dict[str, list[tuple[float, int]]] = {}
    for path in sorted(RATINGS.glob("*.csv")):
        if path.name.endswith((".coverage.csv", ".mainpoints.csv")):
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                art, ok = row.get("article_id", ""), _flag(row.get("acceptable", ""))
                page = pages / f"{art}.html"
                if not art.startswith("fr") or ok is None or row.get("origin") != "article":
                    continue
                if art not in views:
                    views[art] = view(analyse(read_article(page))) if page.is_file() else None
                v = views[art]
                if v is None:
                    continue
                x = features(shown_of_row(row), v)
                kind = group_of(x)
                if kind == "true_false":
                    kind = "tf_true" if x["type_tf_true"] else "tf_false"
                by_kind.setdefault(kind, []).append((acceptability(x, m), ok))
    if not by_kind:
        print(f"no rated fresh page found in {pages} (<id>.html for the ids of fresh.csv)")
        return 1
    cuts = (0.3, 0.4, 0.5, 0.6)
    print("kind           rated  accepted  " + "  ".join(f"below/above {t:.1f}" for t in cuts))
    for kind, rows in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        cells = []
        for t in cuts:
            lo = [ok for p, ok in rows if p < t]
            hi = [ok for p, ok in rows if p >= t]
            cells.append(f"{sum(lo):3}/{len(lo):<3} {sum(hi):3}/{len(hi):<3}")
        print(f"{kind:14} {len(rows):5}  {sum(ok for _, ok in rows):8}  " + "   ".join(cells))
    return 0


def group_of(x: dict[str, float]) -> str:
    """The generator group a rated question came from, as far as its features tell."""
    for g in ("said", "vocabulary", "action"):
        if x.get(g):
            return g
    t = next(k for k, v in x.items() if k.startswith("type_") and v)[5:]
    return "true_false" if t.startswith("tf_") else t


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threshold", type=float, default=None, help="keep candidates scored at least this")
    p.add_argument("--target", type=float, default=0.6, help="CV precision the threshold aims for")
    p.add_argument("--C", type=float, default=0.5)
    p.add_argument("--ratings", default="*.csv", help="which rating files (glob; only dev texts count)")
    p.add_argument(
        "--group-threshold",
        action="append",
        default=[],
        metavar="GROUP=T",
        help="a higher threshold for one group (tf_true, tf_false or a generator group); default: as stored",
    )
    p.add_argument("--held-out", type=Path, metavar="DIR", help="only score the fresh pages' ratings")
    p.add_argument("--dry-run", action="store_true")
    args = p.parse_args(argv)
    stored = shipped.model()
    if args.held_out is not None:
        if stored is None:
            print("no stored model: fit one first")
            return 1
        return held_out(args.held_out, stored)
    group_thresholds = dict(stored.group_thresholds) if stored else {}
    for item in args.group_threshold:
        name, _, value = item.partition("=")
        group_thresholds[name] = float(value)
    xs, ys, groups, files = load_rows(args.ratings)
    names = sorted({k for x in xs for k in x})
    X = np.array([[x.get(k, 0.0) for k in names] for x in xs])
    y = np.array(ys)
    print(f"{len(y)} rated article questions from {len(set(groups))} dev texts, {y.sum()} acceptable")
    folds = GroupKFold(n_splits=5)
    scores = np.zeros(len(y))
    for train, test in folds.split(X, y, groups):
        m = LogisticRegression(C=args.C, max_iter=2000).fit(X[train], y[train])
        scores[test] = m.predict_proba(X[test])[:, 1]
    print(f"cross-validated AUC {roc_auc_score(y, scores):.3f} (folds by article)")
    print("threshold  kept  precision (cross-validated)")
    chosen = args.threshold
    for t in np.arange(0.05, 0.8, 0.05):
        kept = scores >= t
        if kept.sum() == 0:
            break
        prec = y[kept].mean()
        print(f"  {t:.2f}    {kept.mean():5.1%}  {prec:5.1%}  ({int(y[kept].sum())}/{int(kept.sum())})")
        if chosen is None and prec >= args.target and kept.mean() >= 0.1:
            chosen = round(float(t), 2)
    chosen = 0.0 if chosen is None else chosen
    model = LogisticRegression(C=args.C, max_iter=2000).fit(X, y)
    weights = {k: round(float(w), 4) for k, w in zip(names, model.coef_[0], strict=True)}
    print("weights (largest first):")
    for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:20]:
        print(f"  {k:18} {w:+.3f}")
    per_group = Counter(group_of(x) for x in xs)
    judged = sorted(g for g, n in per_group.items() if n >= MIN_RATED)
    print("ratings per kind: " + ", ".join(f"{g} {n}" for g, n in per_group.most_common()))
    data = {
        "judged_groups": judged,
        "about": "Logistic regression on reviewers' ratings of dev texts: benchmarks/train_ranker.py",
        "trained_on": f"{len(y)} ratings ({int(y.sum())} acceptable) of {len(set(groups))} dev texts, "
        f"{dt.date.today().isoformat()}: {', '.join(files)}",
        "cv_auc": round(float(roc_auc_score(y, scores)), 3),
        "threshold": chosen,
        "group_thresholds": group_thresholds,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": weights,
    }
    print(f"threshold {chosen}")
    if not args.dry_run:
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
