"""Question quality on a corpus of real published texts (issue 9, section A).

The corpus is listed in ``benchmarks/quality/manifest.csv``: committed texts under ``quality/corpus/``, the
rest under ``quality/private/`` (kept out of git; see ``quality/README.md`` to rebuild it). Subcommands:

- ``auto`` (default): read and generate every text present (seed 0), run the quality gate on the result and
  print per article the words, questions by type and origin, check errors/warnings and time; then totals and
  the share of questions flagged. Quizzes go to ``quality/out/<id>.json``.
- ``sample --split test --n 60 --seed S -o sheet.csv``: a fixed-seed sample of generated questions, spread
  across articles and types, as a rating sheet (rubric: ``shared/reference/question-rubric.md``), plus
  ``sheet.articles.csv`` naming each article's text for the reviewer.
- ``report``: acceptability from every ``quality/ratings/*.csv`` (named ``<rater>_<YYYY-MM-DD>*.csv``),
  overall, per type, origin, article, split and file, with the defect counts.

Run: .venv/bin/python benchmarks/bench_quality.py [auto|sample|report] [options]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizkit.article import read_article  # noqa: E402
from quizkit.check import check_quiz  # noqa: E402
from quizkit.check.findings import QUIZ_WIDE, Finding  # noqa: E402
from quizkit.errors import QuizkitError  # noqa: E402
from quizkit.generate import candidate_pool, generate_quiz  # noqa: E402
from quizkit.generate.select import content_id  # noqa: E402
from quizkit.model import QUESTION_TYPES, TYPE_CODES, Question, Quiz  # noqa: E402
from quizkit.quizfile import dump_quiz, load_quiz  # noqa: E402
from quizkit.versions import key_points  # noqa: E402

QUALITY = ROOT / "benchmarks" / "quality"
MANIFEST = QUALITY / "manifest.csv"
OUT = QUALITY / "out"
RATINGS = QUALITY / "ratings"
RUBRIC_COLUMNS = (
    "grammatical",
    "answerable",
    "key_correct",
    "distractors_ok",
    "worthwhile",
    "acceptable",
    "defect",
    "comment",
)
SHEET_COLUMNS = (
    "sample_id",
    "article_id",
    "question_id",
    "type",
    "origin",
    "prompt",
    "options",
    "key",
    "evidence",
    *RUBRIC_COLUMNS,
)
RATING_NAME = re.compile(r"^(?P<rater>[^_]+)_(?P<date>\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the manifest."""

    id: str
    path: Path
    url: str
    site: str
    kind: str
    topic: str
    committed: bool
    split: str

    @property
    def present(self) -> bool:
        return self.path.is_file()


def load_manifest(path: Path = MANIFEST) -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Entry(
                id=row["id"],
                path=QUALITY / row["file"],
                url=row["url"],
                site=row["site"],
                kind=row["kind"],
                topic=row["topic"],
                committed=row["committed"] == "yes",
                split=row["split"],
            )
            for row in csv.DictReader(f)
        ]


def select_entries(entries: Sequence[Entry], split: str, only: Sequence[str]) -> list[Entry]:
    chosen = [e for e in entries if split == "all" or e.split == split]
    if only:
        chosen = [e for e in chosen if e.id in only]
    return chosen


# --- auto ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AutoResult:
    entry: Entry
    words: int
    quiz: Quiz | None
    findings: tuple[Finding, ...]
    seconds: float
    error: str = ""

    @property
    def flagged(self) -> set[str]:
        """Ids of the questions with at least one per-question finding (error or warning)."""
        return {f.question_id for f in self.findings if f.question_id != QUIZ_WIDE}


def _type_counts(questions: Iterable[Question]) -> str:
    by_type = Counter(q.type for q in questions)
    return " ".join(f"{TYPE_CODES[t]}{by_type[t]}" for t in QUESTION_TYPES if by_type[t])


def run_one(entry: Entry, out_dir: Path | None) -> AutoResult:
    start = time.perf_counter()
    try:
        article = read_article(entry.path)
        gen = generate_quiz(article, seed=0)
    except QuizkitError as exc:
        return AutoResult(entry, 0, None, (), time.perf_counter() - start, str(exc))
    except Exception as exc:  # a crash is a finding too: report it and go on with the corpus
        where = traceback.extract_tb(exc.__traceback__)[-1]
        crash = f"CRASH {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
        return AutoResult(entry, 0, None, (), time.perf_counter() - start, crash)
    seconds = time.perf_counter() - start
    findings = check_quiz(gen.quiz, article)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{entry.id}.json").write_text(dump_quiz(gen.quiz), encoding="utf-8")
    return AutoResult(entry, len(article.body.split()), gen.quiz, findings, seconds)


def cmd_auto(args: argparse.Namespace) -> int:
    from quizkit import nlp

    entries = select_entries(load_manifest(), args.split, args.only)
    missing = [e for e in entries if not e.present]
    present = [e for e in entries if e.present]
    t0 = time.perf_counter()
    nlp.load()
    print(f"spaCy model loaded in {time.perf_counter() - t0:.1f} s (not counted below)")
    print(f"{len(present)} texts present, {len(missing)} missing (private part not rebuilt?)")
    header = f"{'id':44} {'split':5} {'words':>6} {'qs':>3} {'art':>3} {'ctx':>3} {'err':>3} {'warn':>4} {'time':>6}"
    print(header + "  types")
    results: list[AutoResult] = []
    out_dir = None if args.no_write else OUT
    for entry in present:
        res = run_one(entry, out_dir)
        results.append(res)
        if res.quiz is None:
            print(f"{entry.id:44} {entry.split:5} FAILED: {res.error}")
            continue
        qs = res.quiz.questions
        origins = Counter(q.origin for q in qs)
        sev = Counter(f.severity for f in res.findings)
        print(
            f"{entry.id:44} {entry.split:5} {res.words:6d} {len(qs):3d} {origins['article']:3d} "
            f"{origins['context']:3d} {sev['error']:3d} {sev['warning']:4d} {res.seconds:5.2f}s  "
            f"{_type_counts(qs)}"
        )
        if args.verbose:
            for f in res.findings:
                print(f"    {f.severity}: {f.question_id or '(quiz)'} {f.check}: {f.message}")
    print_auto_totals(results, missing)
    return 0


def print_auto_totals(results: Sequence[AutoResult], missing: Sequence[Entry]) -> None:
    done = [r for r in results if r.quiz is not None]
    failed = [r for r in results if r.quiz is None]
    questions = [q for r in done if r.quiz for q in r.quiz.questions]
    flagged = sum(len(r.flagged) for r in done)
    findings = [f for r in done for f in r.findings]
    sev = Counter(f.severity for f in findings)
    by_check = Counter(f"{f.check} ({f.severity})" for f in findings)
    print()
    print(
        f"articles: {len(results)} run, {len(done)} generated, {len(failed)} failed to read/generate, "
        f"{len(missing)} missing"
    )
    if not questions:
        return
    words = sum(r.words for r in done)
    secs = sum(r.seconds for r in done)
    print(
        f"questions: {len(questions)} ({len(questions) / len(done):.1f} per article, one per "
        f"{words / len(questions):.0f} words); time {secs:.1f} s ({secs / len(done):.2f} s per article)"
    )
    by_type = Counter(q.type for q in questions)
    by_origin = Counter(q.origin for q in questions)
    print("  by type: " + ", ".join(f"{t} {by_type[t]}" for t in QUESTION_TYPES if by_type[t]))
    print("  by origin: " + ", ".join(f"{o} {n}" for o, n in by_origin.most_common()))
    print(
        f"check findings: {sev['error']} errors, {sev['warning']} warnings; questions flagged "
        f"{flagged}/{len(questions)} = {flagged / len(questions):.1%} (target <= 2%); quiz-wide findings "
        f"{sum(1 for f in findings if f.question_id == QUIZ_WIDE)}"
    )
    for name, n in by_check.most_common():
        print(f"  {name}: {n}")
    for split in ("dev", "test"):
        rs = [r for r in done if r.entry.split == split]
        n = sum(len(r.quiz.questions) for r in rs if r.quiz)
        fl = sum(len(r.flagged) for r in rs)
        if n:
            print(f"  {split}: {len(rs)} articles, {n} questions, flagged {fl / n:.1%}")
    for r in failed:
        print(f"  failed: {r.entry.id}: {r.error}")


# --- sample -------------------------------------------------------------------------------------------


def quiz_for(entry: Entry, use_cache: bool) -> Quiz | None:
    cached = OUT / f"{entry.id}.json"
    if use_cache and cached.is_file():
        try:
            return load_quiz(cached)
        except QuizkitError:
            return None  # the text gave no question
    res = run_one(entry, OUT)
    if res.quiz is None:
        print(f"{entry.id}: {res.error}", file=sys.stderr)
    return res.quiz


def readable_options(q: Question) -> str:
    if q.type == "multiple_choice":
        return " | ".join(f"{chr(65 + i)}) {c}" for i, c in enumerate(q.choices))
    if q.type == "matching" and isinstance(q.answer, tuple):
        pairs = [p for p in q.answer if isinstance(p, tuple)]
        rights = sorted({str(b) for _a, b in pairs} | set(q.choices))
        return "left: " + " | ".join(str(a) for a, _b in pairs) + " || right: " + " | ".join(rights)
    if q.type == "ordering" and isinstance(q.answer, tuple):
        return " | ".join(sorted(str(x) for x in q.answer))
    if q.type == "true_false":
        return "True | False"
    return ""


def readable_key(q: Question) -> str:
    if q.type == "true_false":
        return "True" if q.answer is True else "False"
    if q.type == "matching" and isinstance(q.answer, tuple):
        return "; ".join(f"{p[0]} → {p[1]}" for p in q.answer if isinstance(p, tuple))
    if q.type == "ordering" and isinstance(q.answer, tuple):
        return " → ".join(str(x) for x in q.answer)
    if q.type == "open" and isinstance(q.answer, tuple):
        return key_points(q)  # as the answer key prints it ("Key points: (1) … (2) …"), not glued with ".;"
    extra = f" (also accepted: {' / '.join(q.accepted_answers)})" if q.accepted_answers else ""
    return str(q.answer) + extra


def spread_sample(pools: dict[str, list[Question]], n: int, rng: random.Random) -> list[tuple[str, Question]]:
    """Round-robin over the articles (in a seeded order); from each, the question of the type least
    represented so far (ties broken at random), until ``n`` are drawn or nothing is left."""
    left = {a: rng.sample(qs, len(qs)) for a, qs in pools.items() if qs}
    order = rng.sample(sorted(left), len(left))
    types: Counter[str] = Counter()
    drawn: list[tuple[str, Question]] = []
    while len(drawn) < n and any(left.values()):
        for art in order:
            if len(drawn) >= n:
                break
            qs = left[art]
            if not qs:
                continue
            q = min(qs, key=lambda q: types[q.type])
            qs.remove(q)
            types[q.type] += 1
            drawn.append((art, q))
    return drawn


def cmd_sample(args: argparse.Namespace) -> int:
    entries = [e for e in select_entries(load_manifest(), args.split, args.only) if e.present]
    pools: dict[str, list[Question]] = {}
    for e in entries:
        quiz = quiz_for(e, args.cached)
        if quiz is not None:
            pools[e.id] = list(quiz.questions)
    return write_sheet(
        Path(args.output), spread_sample(pools, args.n, random.Random(args.seed)), entries, args
    )


def cmd_pool(args: argparse.Namespace) -> int:
    """Overgenerate: every candidate the generator may choose from (before the learned ranker), sampled
    across articles and types, so reviewers' ratings can train the ranker (Heilman & Smith's route)."""
    entries = [e for e in select_entries(load_manifest(), args.split, args.only) if e.present]
    pools: dict[str, list[Question]] = {}
    rated = rated_prompts()  # a candidate already rated is not sampled again
    for e in entries:
        try:
            article = read_article(e.path)
            pool = candidate_pool(article, seed=args.seed)
        except QuizkitError as exc:
            print(f"{e.id}: {exc}", file=sys.stderr)
            continue
        qs = [
            replace(c.question, id=content_id(c.question, "p", i))
            for i, c in enumerate(pool, 1)
            if (not args.group or c.group in args.group) and (e.id, c.question.prompt) not in rated
        ]
        pools[e.id] = qs
    print(f"pool: {sum(len(v) for v in pools.values())} candidates from {len(pools)} texts")
    return write_sheet(
        Path(args.output), spread_sample(pools, args.n, random.Random(args.seed)), entries, args
    )


def rated_prompts() -> set[tuple[str, str]]:
    """(article id, prompt) of every stored rating."""
    out: set[tuple[str, str]] = set()
    for path in RATINGS.glob("*.csv"):
        if not path.name.endswith((".coverage.csv", ".mainpoints.csv")):
            with path.open(encoding="utf-8", newline="") as f:
                out.update((row.get("article_id", ""), row.get("prompt", "")) for row in csv.DictReader(f))
    return out


def write_sheet(
    out: Path, drawn: list[tuple[str, Question]], entries: Sequence[Entry], args: argparse.Namespace
) -> int:
    """The rating sheet and its companion naming each article's text."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(SHEET_COLUMNS)
        for i, (art, q) in enumerate(drawn, 1):
            w.writerow(
                [
                    f"s{args.seed}-{i:03d}",
                    art,
                    q.id,
                    q.type,
                    q.origin,
                    q.prompt,
                    readable_options(q),
                    readable_key(q),
                    q.evidence.text if q.evidence else "; ".join(c.url for c in q.sources),
                    *([""] * len(RUBRIC_COLUMNS)),
                ]
            )
    companion = out.with_name(out.stem + ".articles.csv")
    by_id = {e.id: e for e in entries}
    with companion.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["article_id", "split", "kind", "text_path", "url", "questions_sampled"])
        counts = Counter(a for a, _q in drawn)
        for art in sorted(counts):
            e = by_id[art]
            w.writerow([art, e.split, e.kind, str(e.path.relative_to(ROOT)), e.url, counts[art]])
    types = Counter(q.type for _a, q in drawn)
    print(
        f"wrote {out} ({len(drawn)} questions from {len({a for a, _q in drawn})} articles, split "
        f"{args.split}, seed {args.seed}) and {companion}"
    )
    print("  by type: " + ", ".join(f"{t} {types[t]}" for t in QUESTION_TYPES if types[t]))
    return 0


# --- report -------------------------------------------------------------------------------------------


def _flag(value: str) -> int | None:
    v = value.strip().lower()
    if v in ("1", "yes", "y", "true"):
        return 1
    if v in ("0", "no", "n", "false"):
        return 0
    return None


def _fresh_split(art: str) -> str:
    """A page of a fresh set (``fresh.csv``: "fr-…" the first set, "frN-…" the Nth), the seed, or "?"."""
    if art == "seed":
        return "seed"
    m = re.match(r"fr(\d*)-", art)
    return ("fresh" + (f"-{m[1]}" if m[1] else "")) if m else "?"


def _line(label: str, values: Sequence[int]) -> str:
    if not values:
        return f"  {label:48} -"
    return f"  {label:48} {sum(values):3d}/{len(values):<3d} = {sum(values) / len(values):6.1%}"


def cmd_report(args: argparse.Namespace) -> int:
    every = sorted(Path(args.ratings).glob("*.csv"))
    files = [f for f in every if not f.name.endswith((".coverage.csv", ".mainpoints.csv"))]
    if not files:
        print(f"no ratings in {args.ratings}")
        return 0
    split_of = {e.id: e.split for e in load_manifest()}
    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    defects: Counter[str] = Counter()
    unrated = 0
    for path in files:
        m = RATING_NAME.match(path.stem)
        label = f"{m['rater']} {m['date']}" if m else path.stem
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                ok = _flag(row.get("acceptable", ""))
                if ok is None:
                    unrated += 1
                    continue
                art = row.get("article_id", "")
                keys = {
                    "overall": "all",
                    "file": f"{path.name} ({label})",
                    "type": row.get("type", ""),
                    "origin": row.get("origin", ""),
                    "split": split_of.get(art, _fresh_split(art)),
                    "sheet": "pool (every candidate)" if "pool" in path.name else "quiz (what it picks)",
                    "article": art,
                }
                for group, key in keys.items():
                    groups[group][key].append(ok)
                for col in ("grammatical", "answerable", "key_correct", "distractors_ok", "worthwhile"):
                    v = _flag(row.get(col, ""))
                    if v is not None:
                        groups["criterion"][col].append(v)
                if not ok:
                    defects[(row.get("defect", "") or "(none given)").strip().lower()] += 1
    print(f"acceptability from {len(files)} rating file(s); {unrated} rows not rated (skipped)")
    for group in ("overall", "file", "sheet", "split", "origin", "type", "criterion", "article"):
        print(f"{group}:")
        for key in sorted(groups[group]):
            print(_line(key, groups[group][key]))
    print("defects (unacceptable questions):")
    for name, n in defects.most_common():
        print(f"  {name:48} {n:3d}")
    _coverage([f for f in every if f.name.endswith(".coverage.csv")])
    return 0


def _coverage(files: list[Path]) -> None:
    """Main points a reviewer wrote before reading the quiz, and how many the quiz covers."""
    if not files:
        return
    per: dict[str, list[int]] = defaultdict(list)
    for path in files:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                v = _flag(row.get("covered", ""))
                if v is not None:
                    per[row.get("article_id", "")].append(v)
    print("coverage (reviewers' main points covered by the quiz):")
    print(_line("all", [v for vs in per.values() for v in vs]))
    for art in sorted(per):
        print(_line(art, per[art]))
    print(
        f"  texts with at least 4 of 5 points covered: {sum(1 for vs in per.values() if sum(vs) >= 4)} of {len(per)}"
    )


# --- main ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = p.add_subparsers(dest="command")
    auto = sub.add_parser("auto", help="generate and check every corpus text present")
    auto.add_argument("--split", choices=("dev", "test", "all"), default="all")
    auto.add_argument("--only", nargs="*", default=[], help="article ids")
    auto.add_argument("--verbose", "-v", action="store_true", help="print every finding")
    auto.add_argument("--no-write", action="store_true", help=f"do not write {OUT.relative_to(ROOT)}/*.json")
    sample = sub.add_parser("sample", help="a rating sheet of sampled questions")
    sample.add_argument("--split", choices=("dev", "test", "all"), default="test")
    sample.add_argument("--n", type=int, default=60)
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--only", nargs="*", default=[], help="article ids")
    sample.add_argument(
        "--cached",
        action="store_true",
        help="sample the quizzes in out/ (from the last auto) instead of regenerating",
    )
    sample.add_argument("-o", "--output", required=True)
    pool = sub.add_parser("pool", help="a rating sheet sampled from every candidate (to train the ranker)")
    pool.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    pool.add_argument("--n", type=int, default=120)
    pool.add_argument("--seed", type=int, default=0)
    pool.add_argument("--only", nargs="*", default=[])
    pool.add_argument("--group", nargs="*", default=[], help="only candidates of these groups")
    pool.add_argument("-o", "--output", required=True)
    report = sub.add_parser("report", help="acceptability from the stored ratings")
    report.add_argument("--ratings", default=str(RATINGS))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "auto"):
        if args.command is None:
            args = build_parser().parse_args(["auto", *(argv or [])])
        return cmd_auto(args)
    if args.command == "sample":
        return cmd_sample(args)
    if args.command == "pool":
        return cmd_pool(args)
    return cmd_report(args)


if __name__ == "__main__":
    sys.exit(main())
