"""Outputs: grades.csv, answers.csv, rejected.csv, per-student feedback (HTML + Typst PDF), report.html.

Every student-typed string is escaped for its target: CSV cells starting with = + - @ tab or CR get a
leading apostrophe (spreadsheet formula injection), HTML goes through ``html.escape``, Typst through
``quizkit.render.typst.escape``. The caller writes into ``files.staged_dir`` so nothing is half-written.
"""

from __future__ import annotations

import csv
import html
import importlib.util
import io
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from quizkit.grade.engine import TEACHER_NOTE, Mark, Result
from quizkit.grade.sheets import Rejected
from quizkit.grade.stats import ItemStats, TestStats
from quizkit.model import Question, Quiz, VersionMap
from quizkit.versions import key_points, master_options, matching_rows, option_letter

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_FORMULA_FIRST = frozenset("".join(_FORMULA_START))


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = value if type(value) is str else ("" if value is None else str(value))
    return "'" + text if text and text[0] in _FORMULA_FIRST else text


def _cell(value: object) -> str:
    """``safe_cell`` with line breaks as "\n": the writer (terminator "\n") then quotes the cell."""
    text = safe_cell(value)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@cache
def _num(x: float) -> str:
    return f"{round(x, 2):g}"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_cell(c) for c in row])
    return buf.getvalue()


def grades_csv(results: Sequence[Result]) -> str:
    header = ("student_id", "name", "version", "score", "max_score", "percent", "blanks", "needs_review",
              "duplicate_of", "source")  # fmt: skip
    return csv_text(
        header,
        (
            (r.sheet.student_id, r.sheet.name, r.sheet.version, _num(r.score), _num(r.max_score),
             f"{r.percent:.1f}", r.blanks, r.needs_review, "; ".join(r.duplicates), r.sheet.source)
            for r in results
        ),
    )  # fmt: skip


_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def _csv_fragment(cells: Sequence[object]) -> str:
    """Cells encoded as one CSV line without its newline (quoting as csv.writer does). The writer quotes
    cells holding a line break only when the break is in its line terminator, so "\n" is kept there and cut."""
    texts = [_cell(c) for c in cells]
    if not any(_NEEDS_QUOTES.search(t) for t in texts) and texts != [""]:
        return ",".join(texts)  # what the writer would write: nothing to quote (the common case)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(texts)
    return buf.getvalue()[:-1]


def answers_lines(results: Sequence[Result]) -> Iterator[str]:
    """answers.csv one student at a time (a block of lines). Marks repeat across the class, so each distinct
    mark's cells are encoded once."""
    header = ("student_id", "question_id", "response", "verdict", "points", "max_points", "note",
              "suggested_points", "source")  # fmt: skip
    yield _csv_fragment(header) + "\n"
    tails: dict[int, tuple[Mark, str]] = {}
    get = tails.get
    for r in results:
        prefix = _csv_fragment((r.sheet.student_id,)) + ","
        suffix = "," + _csv_fragment((r.sheet.source,)) + "\n"
        parts = []
        for m in r.marks:
            hit = get(id(m))
            if hit is None or hit[0] is not m:
                cells = (m.question_id, m.typed, m.verdict, _num(m.points), _num(m.max_points), m.note,
                         "" if m.suggested is None else _num(m.suggested))  # fmt: skip
                hit = tails[id(m)] = (m, _csv_fragment(cells))
            parts.append(hit[1])
        yield prefix + (suffix + prefix).join(parts) + suffix


def answers_csv(results: Sequence[Result]) -> str:
    """answers.csv as one string (``answers_lines`` streams it)."""
    return "".join(answers_lines(results))


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Stream text to a file (UTF-8) in blocks, so a big class's table never sits in memory whole."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        batch: list[str] = []
        for line in lines:
            batch.append(line)
            if len(batch) >= 512:
                fh.write("".join(batch))
                batch.clear()
        fh.write("".join(batch))


def teacher_scored(m: Mark) -> bool:
    return m.note == TEACHER_NOTE


def review_csv(results: Sequence[Result]) -> str:
    """Answers waiting for the teacher, ready to fill in, and those already scored (points kept), so the
    file read back with --scores and written again over itself loses nothing. Each distinct mark's cells
    are encoded once (a class repeats its answers)."""
    header = (
        "student_id",
        "question_id",
        "points",
        "suggested_points",
        "max_points",
        "response",
        "note",
        "source",
    )
    lines = [_csv_fragment(header) + "\n"]
    tails: dict[int, tuple[Mark, str, str]] = {}
    for r in results:
        sid, src = _csv_fragment((r.sheet.student_id,)), _csv_fragment((r.sheet.source,))
        for m in r.marks:
            if m.verdict != "needs_review" and not teacher_scored(m):
                continue
            hit = tails.get(id(m))
            if hit is None or hit[0] is not m:
                head = _csv_fragment(
                    (
                        m.question_id,
                        _num(m.points) if teacher_scored(m) else "",
                        "" if m.suggested is None else _num(m.suggested),
                        _num(m.max_points),
                    )
                )
                tail = _csv_fragment((m.typed, m.note))
                hit = tails[id(m)] = (m, head, tail)
            lines.append(f"{sid},{hit[1]},{hit[2]},{src}\n")
    return "".join(lines)


def rejected_csv(rejected: Sequence[Rejected]) -> str:
    return csv_text(("file", "row", "reason"), ((r.source, r.row, r.reason) for r in rejected))


# --- feedback ---------------------------------------------------------------------------------------------


def right_answer(q: Question, vmap: VersionMap | None = None, version: str = "") -> str:
    """The key as the student saw it: with the printed letter(s) of their version when known."""
    order: tuple[int, ...] = ()
    if vmap is not None and version:
        for v in vmap.versions:
            if v.letter.upper() == version.upper():
                order = next((it.order for it in v.items if it.question_id == q.id), ())
    opts = master_options(q)

    def letter(text: str) -> str:
        if text not in opts:
            return ""
        i = opts.index(text)
        return option_letter(order.index(i)) if order and i in order else option_letter(i)

    if q.type == "multiple_choice":
        return f"{letter(str(q.answer))}) {q.answer}"
    if q.type == "true_false":
        return "True" if q.answer else "False"
    if q.type == "matching":
        return "; ".join(f"{n}-{letter(r)} ({left} → {r})" for n, (left, r) in enumerate(matching_rows(q), 1))
    if q.type == "ordering":
        items = master_options(q)
        return " ".join(letter(x) for x in items) + " (" + " → ".join(items) + ")"
    if q.type == "open":
        return key_points(q) if isinstance(q.answer, tuple) else str(q.answer)
    extra = [a for a in q.accepted_answers if a != q.answer]
    return str(q.answer) + (f" (also accepted: {', '.join(extra)})" if extra else "")


def support(q: Question) -> str:
    """The evidence sentence from the article, or where a context fact comes from."""
    if q.evidence is not None:
        return f"From the article: “{q.evidence.text}”"
    if q.sources:
        return "Source: " + "; ".join(f"{s.url} (checked {s.as_of})" for s in q.sources)
    return ""


_VERDICT_TEXT = {
    "correct": "correct",
    "incorrect": "not correct",
    "partial": "partly correct",
    "blank": "no answer",
    "needs_review": "your teacher will mark this",
}
_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .5rem;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3}.correct{color:#1a7f37}.incorrect{color:#b42318}"
    ".partial{color:#9a6700}.blank{color:#666}.needs_review{color:#0b5cad}.flag{color:#b42318}"
    ".src{color:#555;font-size:.9em}figure{margin:1rem 0}"
)


def _show_note(m: Mark) -> bool:
    """The matcher's reason helps a student unless the answer was plainly right or left blank."""
    return bool(m.note) and m.verdict != "blank" and m.note != "matches the answer"


def printed_order(quiz: Quiz, vmap: VersionMap | None, version: str) -> list[tuple[int, int]]:
    """(printed number, master index) in the order the student saw the questions (master order if unknown)."""
    if vmap is not None and version:
        index = {q.id: i for i, q in enumerate(quiz.questions)}
        for v in vmap.versions:
            if v.letter.upper() == version.upper():
                shown = [(it.number, index[it.question_id]) for it in v.items if it.question_id in index]
                missing = sorted(set(range(len(quiz.questions))) - {i for _, i in shown})
                return sorted(shown) + [(len(shown) + k + 1, i) for k, i in enumerate(missing)]
    return [(i + 1, i) for i in range(len(quiz.questions))]


class FeedbackPages:
    """Builds feedback pages; the per-question and per-answer HTML is cached (answers repeat in a class)."""

    def __init__(self, quiz: Quiz, vmap: VersionMap | None = None) -> None:
        self.quiz = quiz
        self.vmap = vmap
        self._static: dict[tuple[str, str], tuple[str, str]] = {}
        self._marks: dict[int, tuple[Mark, str]] = {}
        self._rows: dict[tuple[str, int], dict[int, tuple[Mark, str]]] = {}
        self._orders: dict[str, list[tuple[int, int]]] = {}

    def _question_cells(self, q: Question, version: str) -> tuple[str, str]:
        key = (q.id, version)
        hit = self._static.get(key)
        if hit is None:
            e = html.escape
            right = e(right_answer(q, self.vmap, version))
            hit = (f"<td>{e(q.prompt)}</td>", f'<td>{right}<div class="src">{e(support(q))}</div></td></tr>')
            self._static[key] = hit
        return hit

    def _mark_cells(self, m: Mark) -> str:
        hit = self._marks.get(id(m))
        if hit is None or hit[0] is not m:
            text = html.escape(m.typed) or "<em>—</em>"
            why = f'<div class="src">{html.escape(m.note)}</div>' if _show_note(m) else ""
            hit = (
                m,
                f'<td>{text}</td><td class="{m.verdict}">{_VERDICT_TEXT[m.verdict]}<br>'
                f"{_num(m.points)} / {_num(m.max_points)}{why}</td>",
            )
            self._marks[id(m)] = hit
        return hit[1]

    def page(self, r: Result) -> str:
        """One student's feedback page (self-contained HTML)."""
        e = html.escape
        quiz = self.quiz
        version = r.sheet.version
        order = self._orders.get(version)
        if order is None:
            order = self._orders[version] = printed_order(quiz, self.vmap, version)
        rows = []
        for n, j in order:
            q, m = quiz.questions[j], r.marks[j]
            memo = self._rows.setdefault((version, n), {})
            hit = memo.get(id(m))
            if hit is None or hit[0] is not m:
                prompt, right = self._question_cells(q, version)
                hit = memo[id(m)] = (m, f"<tr><td>{n}</td>{prompt}{self._mark_cells(m)}{right}")
            rows.append(hit[1])
        who = e(r.sheet.name or r.sheet.student_id)
        pending = (
            f" — {r.needs_review} answer(s) still to be marked by your teacher" if r.needs_review else ""
        )
        shown = f", version {e(version)}" if version else ""
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(quiz.title)} — {who}</title>'
            f"<style>{_CSS}</style></head><body><h1>{e(quiz.title)}</h1>"
            f"<p><strong>{who}</strong> ({e(r.sheet.student_id)}{shown}): "
            f"{_num(r.score)} / {_num(r.max_score)} ({r.percent:.0f}%){pending}</p>"
            "<table><tr><th>#</th><th>Question</th><th>Your answer</th><th>Result</th><th>Right answer</th></tr>"
            + "".join(rows)
            + "</table></body></html>\n"
        )


def feedback_html(quiz: Quiz, r: Result, vmap: VersionMap | None = None) -> str:
    """One student's feedback page (self-contained)."""
    return FeedbackPages(quiz, vmap).page(r)


def feedback_typst(quiz: Quiz, r: Result, vmap: VersionMap | None = None) -> str:
    """One student's feedback as Typst markup (every piece of text escaped), in the order they saw it."""
    from quizkit.render.typst import escape as t

    version = f", version {r.sheet.version}" if r.sheet.version else ""
    pending = f" — {r.needs_review} answer(s) still to be marked by your teacher" if r.needs_review else ""
    parts = [
        '#set page(paper: "a4", margin: 2cm)\n#set text(size: 10pt)\n',
        f"= {t(quiz.title)}\n\n*{t(r.sheet.name or r.sheet.student_id)}* ({t(r.sheet.student_id + version)}): "
        f"{t(_num(r.score))} / {t(_num(r.max_score))} ({t(f'{r.percent:.0f}')}%){t(pending)}\n\n",
    ]
    for n, j in printed_order(quiz, vmap, r.sheet.version):
        q, m = quiz.questions[j], r.marks[j]
        note = f" — {m.note}" if _show_note(m) else ""
        parts.append(
            f"{n}. *{t(q.prompt)}* \\\n  Your answer: {t(m.typed) or '—'} — "
            f"_{t(_VERDICT_TEXT[m.verdict] + note)}_ ({t(_num(m.points))}/{t(_num(m.max_points))}) \\\n"
            f"  Right answer: {t(right_answer(q, vmap, r.sheet.version))}"
            + (f" \\\n  #text(size: 8.5pt)[{t(support(q))}]" if support(q) else "")
            + "\n"
        )
    return "".join(parts)


def feedback_pdf(quiz: Quiz, r: Result, vmap: VersionMap | None = None) -> bytes:
    from quizkit.render.typst import compile_pdf

    return compile_pdf(feedback_typst(quiz, r, vmap))


def file_stems(results: Sequence[Result]) -> list[str]:
    """A safe file name per sheet, unique ignoring case (duplicates get -2, -3…, skipping any name another
    student's id already gives: ids x, x, x-2 make x, x-3, x-2, never two pages called x-2)."""
    bases = [
        (re.sub(r"[^A-Za-z0-9._-]+", "_", r.sheet.student_id).strip("._") or "student")[:80] for r in results
    ]
    taken = {b.casefold() for b in bases}
    used: set[str] = set()
    out = []
    for base in bases:
        stem, n = base, 1
        while stem.casefold() in used or (n > 1 and stem.casefold() in taken):
            n += 1
            stem = f"{base}-{n}"
        used.add(stem.casefold())
        out.append(stem)
    return out


# --- class report -----------------------------------------------------------------------------------------


def _svg(fig: object) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    text = buf.getvalue()
    return text[text.index("<svg") :]


PLOTS_NEED_MATPLOTLIB = (
    "The two plots need matplotlib, which comes with the lesson's install: run `make lesson` "
    "(or `.venv/bin/pip install matplotlib`) and grade again."
)


def have_matplotlib() -> bool:
    """matplotlib is in the lesson extra, not the quiz runtime: without it the report has no plots."""
    return importlib.util.find_spec("matplotlib") is not None


def plots(stats: TestStats, quiz: Quiz) -> tuple[str, str]:
    """Score distribution histogram and difficulty-vs-discrimination scatter, as inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "quizkit"
    plt.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(6, 2.8))
    ax.hist(stats.percents, bins=[i * 5 for i in range(21)], color="#4878a8", edgecolor="white")
    ax.set_xlabel("score (%)")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    hist = _svg(fig)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    for n, item in enumerate(stats.items, 1):
        if item.point_biserial is None or math.isnan(item.difficulty):
            continue
        colour = "#b42318" if item.flags and "discrimination" in " ".join(item.flags) else "#4878a8"
        ax.scatter(item.difficulty, item.point_biserial, color=colour)
        ax.annotate(
            str(n),
            (item.difficulty, item.point_biserial),
            textcoords="offset points",
            xytext=(4, 3),
            fontsize=8,
        )
    ax.axhline(0.1, color="#999", linestyle="--", linewidth=0.8)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("difficulty (share correct)")
    ax.set_ylabel("point-biserial")
    ax.set_title("Items: difficulty vs discrimination")
    return hist, _svg(fig)


def _fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def _item_row(n: int, q: Question, item: ItemStats) -> str:
    e = html.escape
    opts = ", ".join(
        f"{'<strong>' if o.is_key else ''}{e(o.label)}{' ✓</strong>' if o.is_key else ''}: {o.count}"
        for o in item.options
    )
    flags = "<br>".join(f'<span class="flag">{e(f)}</span>' for f in item.flags)
    prompt = q.prompt if len(q.prompt) <= 140 else q.prompt[:137] + "…"
    return (
        f"<tr><td>{n}</td><td>{e(q.id)}</td><td>{e(q.type)}</td><td>{e(prompt)}</td><td>{_fmt(item.difficulty)}</td>"
        f"<td>{_fmt(item.discrimination)}</td><td>{_fmt(item.point_biserial)}</td><td>{item.blanks}</td>"
        f"<td>{opts}</td><td>{flags}</td></tr>"
    )


def report_html(
    quiz: Quiz,
    results: Sequence[Result],
    stats: TestStats,
    rejected: Sequence[Rejected],
    rows_in: int,
    warnings: Sequence[str] = (),
) -> str:
    """The class report: summary, plots, item analysis, flags, accounting (self-contained HTML)."""
    e = html.escape
    drawn = bool(results) and have_matplotlib()
    hist, scatter = plots(stats, quiz) if drawn else ("", "")
    dupes = sorted({r.sheet.student_id for r in results if r.duplicates})
    review = sum(r.needs_review for r in results)
    summary = (
        f"<p>Rows in: {rows_in} = graded {len(results)} + rejected {len(rejected)}. "
        f"Students graded: {stats.n_students}. Mean {_fmt(stats.mean)} / {_fmt(stats.max_score)} "
        f"(SD {_fmt(stats.sd)}, median {_fmt(stats.median)}). KR-20: {_fmt(stats.kr20)}; Cronbach's alpha: "
        f"{_fmt(stats.alpha)}. Answers waiting for review: {review}.</p>"
    )
    notes = []
    if stats.n_students < 20:
        notes.append("Fewer than 20 students: treat discrimination and reliability as rough.")
    if stats.excluded:
        notes.append(
            "Left out of the analysis until scored by the teacher: " + ", ".join(stats.excluded) + "."
        )
    if dupes:
        notes.append("Student IDs appearing more than once (all kept and graded): " + ", ".join(dupes) + ".")
    if results and not drawn:
        notes.append(PLOTS_NEED_MATPLOTLIB)
    notes.extend(warnings)
    rows = "".join(
        _item_row(n, q, it) for n, (q, it) in enumerate(zip(quiz.questions, stats.items, strict=True), 1)
    )
    rej = "".join(
        f"<tr><td>{e(Path(r.source).name)}</td><td>{r.row}</td><td>{e(r.reason)}</td></tr>" for r in rejected
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(quiz.title)} — class report</title>'
        f"<style>{_CSS}</style></head><body><h1>{e(quiz.title)} — class report</h1>{summary}"
        + "".join(f"<p class='flag'>{e(n)}</p>" for n in notes)
        + f"<figure>{hist}</figure><figure>{scatter}</figure>"
        "<h2>Item analysis</h2><p>Difficulty = share of the item's points earned (share correct); D = upper 27% "
        "minus lower 27%; r<sub>pb</sub> = point-biserial with the rest of the test. Flags: negative or "
        f"near-zero (&lt; 0.1) discrimination, distractors nobody chose.</p>"
        "<table><tr><th>#</th><th>id</th><th>type</th><th>question</th><th>difficulty</th><th>D</th>"
        f"<th>r<sub>pb</sub></th><th>blank</th><th>answers chosen</th><th>flags</th></tr>{rows}</table>"
        + (
            f"<h2>Rejected rows</h2><table><tr><th>file</th><th>row</th><th>reason</th></tr>{rej}</table>"
            if rej
            else ""
        )
        + "</body></html>\n"
    )
