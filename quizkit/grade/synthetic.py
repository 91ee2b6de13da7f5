"""Synthetic classes with known scores: for the tests, the benchmark, and to try grading without a class.

Each student has an ability; each answer is right or wrong by a seeded draw, then *written* the way real
students and spreadsheets write it (letter case, "(B)", "b)", aliases such as "USA", true/false as T/yes,
matching as "1-C, 2-A" in the student's version letters). The expected score is computed from the draws,
independently of the grader, so a test can compare the two.
"""

from __future__ import annotations

import csv
import io
import math
import random
from dataclasses import dataclass
from itertools import combinations

from quizkit.knowledge import aliases
from quizkit.model import Question, QuestionType, Quiz, SourceInfo, VersionMap
from quizkit.versions import answer_items, make_versions, master_options, matching_rows, option_letter

_FORMS = ("{}", "{}", "{}", "({})", "{})", " {} ")


def synthetic_quiz(n_questions: int = 30, seed: int = 0) -> Quiz:
    """A quiz mixing every closed type plus open questions, built from the alias table's countries."""
    rng = random.Random(f"synthetic-quiz:{seed}")
    countries = [e.name for e in aliases.of_kind("country")]
    cities = [e.name for e in aliases.of_kind("city")]
    kinds: tuple[QuestionType, ...] = (
        "multiple_choice",
        "true_false",
        "short_answer",
        "fill_blank",
        "matching",
        "ordering",
        "open",
    )
    questions: list[Question] = []
    for i in range(n_questions):
        kind = kinds[i % len(kinds)]
        qid = f"q{i + 1:02d}"
        if kind == "multiple_choice":
            opts = rng.sample(countries, 4)
            questions.append(
                Question(
                    qid,
                    kind,
                    f"Question {i + 1}: which country is meant?",
                    opts[0],
                    tuple(rng.sample(opts, 4)),
                )
            )
        elif kind == "true_false":
            questions.append(
                Question(qid, kind, f"Statement {i + 1} about Central Asia.", rng.random() < 0.5)
            )
        elif kind in ("short_answer", "fill_blank"):
            questions.append(
                Question(qid, kind, f"Question {i + 1}: name the country.", rng.choice(countries))
            )
        elif kind == "matching":
            lefts = [f"Leader {j}" for j in range(1, 5)]
            questions.append(
                Question(
                    qid,
                    kind,
                    f"Question {i + 1}: match.",
                    tuple(zip(lefts, rng.sample(cities, 4), strict=True)),
                )
            )
        elif kind == "ordering":
            questions.append(
                Question(
                    qid, kind, f"Question {i + 1}: order these.", tuple(f"Event {j}" for j in range(1, 5))
                )
            )
        else:
            questions.append(
                Question(
                    qid,
                    kind,
                    f"Question {i + 1}: explain.",
                    ("balance between powers", "trade routes"),
                    points=2.0,
                )
            )
    return Quiz(f"Synthetic quiz {seed}", tuple(questions), SourceInfo(title="synthetic"), seed=seed)


@dataclass(frozen=True, slots=True)
class SyntheticClass:
    """An answer-sheet CSV (printed numbers, with versions) and the score each student should get."""

    csv_text: str
    expected: dict[str, float]
    vmap: VersionMap


def _aliases(name: str) -> tuple[str, ...]:
    ent = aliases.lookup(name)
    return ent.names if ent else (name,)


def _write(
    q: Question, order: tuple[int, ...], right: bool, rng: random.Random, countries: list[str]
) -> tuple[str, float]:
    """One written answer and the points it is worth."""
    opts = master_options(q)
    inv = {m: i for i, m in enumerate(order)}  # master index -> printed position

    def letter(master_i: int) -> str:
        text = option_letter(inv[master_i])
        return rng.choice(_FORMS).format(text if rng.random() < 0.5 else text.lower())

    if q.type == "multiple_choice":
        key = opts.index(str(q.answer))
        pick = key if right else rng.choice([i for i in range(len(opts)) if i != key])
        return letter(pick), q.points if right else 0.0
    if q.type == "true_false":
        said = bool(q.answer) if right else not q.answer
        return rng.choice(
            ("T", "true", "Yes", "TRUE") if said else ("F", "false", "No", "FALSE")
        ), q.points if right else 0.0
    if q.type in ("short_answer", "fill_blank"):
        if right:
            return rng.choice(_aliases(str(q.answer))).lower(), q.points
        return rng.choice([c for c in countries if c != q.answer]), 0.0
    if q.type == "matching":
        rows = list(range(len(matching_rows(q))))
        picks = [opts.index(r) for _, r in matching_rows(q)]  # master index of each row's right item
        credit = 1.0
        if not right:
            a, b = rng.sample(rows, 2)
            picks[a], picks[b] = picks[b], picks[a]
            credit = sum(p == opts.index(r) for p, (_, r) in zip(picks, matching_rows(q), strict=True))
            credit /= len(rows)
        return ", ".join(f"{r + 1}-{option_letter(inv[p])}" for r, p in zip(rows, picks, strict=True)), round(
            q.points * credit, 4
        )
    if q.type == "ordering":
        seq = [opts.index(x) for x in answer_items(q)]  # master indices in the right order
        credit = 1.0
        if not right:
            j = rng.randrange(len(seq) - 1)
            seq[j], seq[j + 1] = seq[j + 1], seq[j]
            credit = 1 - 1 / len(list(combinations(seq, 2)))
        sep = rng.choice((" ", "", ","))
        return sep.join(option_letter(inv[i]) for i in seq), round(q.points * credit, 4)
    return "Kazakhstan balances between powers and builds new trade routes.", 0.0  # open: a human scores it


def synthetic_class(
    quiz: Quiz, n_students: int, *, versions: int = 3, seed: int = 0, blank_rate: float = 0.03
) -> SyntheticClass:
    """``n_students`` answer sheets for ``quiz`` in ``versions`` shuffled versions, with expected scores."""
    rng = random.Random(f"synthetic-class:{seed}")
    vmap, _ = make_versions(quiz, versions, seed)
    countries = [e.name for e in aliases.of_kind("country")]
    by_id = {q.id: q for q in quiz.questions}
    n_q = len(quiz.questions)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["student_id", "name", "version", *[str(i) for i in range(1, n_q + 1)]])
    expected: dict[str, float] = {}
    for s in range(n_students):
        version = vmap.versions[s % len(vmap.versions)]
        ability = rng.gauss(0.0, 1.2)
        total = 0.0
        cells: list[str] = []
        for item in version.items:
            q = by_id[item.question_id]
            if rng.random() < blank_rate:
                cells.append("")
                continue
            right = rng.random() < 1 / (1 + math.exp(-(ability + 0.5)))
            text, points = _write(q, item.order, right, rng, countries)
            cells.append(text)
            total += points
        sid = f"S{s + 1:05d}"
        expected[sid] = round(total, 4)
        w.writerow(
            [sid, f"Student {s + 1}", version.letter.lower() if s % 7 == 0 else version.letter, *cells]
        )
    return SyntheticClass(buf.getvalue(), expected, vmap)
