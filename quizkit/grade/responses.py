"""Read answers into one normalised form, accounting for every input row.

Inputs: answer-sheet CSV (columns = printed question numbers with a version map, or question ids in master
order), Moodle's Responses report export ("Response 1", "Response 2"… in quiz slot order = master order),
a Google-Forms-style CSV whose headers are the question prompts (matched by rapidfuzz), and the lesson's
notebook answers JSON. Every data row becomes a ``Sheet`` (answers in master terms) or a ``Rejected`` entry
with its reason; nothing is merged or dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from quizkit.errors import FormatError, InputError
from quizkit.files import decode_text, read_bytes
from quizkit.grade.match import normalise
from quizkit.grade.score import Value
from quizkit.model import Question, Quiz, VersionItem, VersionMap
from quizkit.versions import letter_index, master_options, matching_rows


@dataclass(frozen=True, slots=True)
class Response:
    """One answer: what the student typed, and its meaning in master terms (``None`` = blank)."""

    typed: str
    value: Value | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One student's answers (question id -> Response; a missing id is a blank)."""

    student_id: str
    name: str
    version: str
    answers: Mapping[str, Response]
    source: str
    """Where it came from: "file.csv row 4" (the row number counts the header as row 1)."""


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input row that could not be graded, and why."""

    source: str
    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class Batch:
    """Everything read from the response files: rows in = sheets + rejected."""

    sheets: tuple[Sheet, ...]
    rejected: tuple[Rejected, ...]
    rows_in: int
    warnings: tuple[str, ...] = ()


# --- one cell -> master terms ------------------------------------------------------------------------------

_BLANKS = frozenset({"", "-", "–", "—", "n/a", "na", "none", "no answer", "(blank)", "[blank]"})
_TRUE = frozenset({"t", "true", "yes", "y", "1", "correct", "right", "wahr", "vrai", "verdadero"})
_FALSE = frozenset({"f", "false", "no", "n", "0", "incorrect", "wrong", "falsch", "faux", "falso"})
_LETTER = re.compile(r"\(?\s*([A-Za-z]{1,2})\s*[).:]?")
_LETTER_TEXT = re.compile(r"\(?([A-Za-z])\s*[).:]\s+(.+)", re.S)
_PAIR = re.compile(r"(\d+)\s*[-–—:=>.)]*\s*([A-Za-z]{1,2})(?![A-Za-z])")
_PAIRS_ONLY = re.compile(r"(?:\s*\d+\s*[-–—:=>.)]*\s*[A-Za-z]{1,2}\s*[,;/]?\s*)+")
_LETTERS_ONLY = re.compile(r"[A-Za-z](?:[\s,;/>-]*[A-Za-z])*")
_TEXT_PAIR = re.compile(r"(.+?)\s*(?:->|→|=>|:|=| - | – )\s*(.+)")


def is_blank(cell: str) -> bool:
    return cell.strip().casefold() in _BLANKS


def _pick(text: str, options: Sequence[str]) -> str | None:
    """The option ``text`` names: equal after normalising, else a close unique fuzzy match (≥ 90)."""
    n = normalise(text)
    if not n:
        return None
    normed = [normalise(o) for o in options]
    if n in normed:
        return options[normed.index(n)]
    best = process.extract(n, normed, scorer=fuzz.ratio, score_cutoff=90, limit=2)
    if len(best) == 1 or (len(best) == 2 and best[0][1] - best[1][1] >= 5):
        return options[best[0][2]]
    return None


def _by_letter(letter: str, options: Sequence[str], order: Sequence[int]) -> str | None:
    try:
        i = letter_index(letter.upper())
    except ValueError:
        return None
    if i >= len(options):
        return None
    return options[order[i]] if order else options[i]


def interpret_choice(q: Question, order: Sequence[int], cell: str) -> str:
    """Multiple choice: a letter ("b", "(B)", "b)"), "B. text" or the option text -> the master option."""
    text = cell.strip()
    hit = _pick(text, q.choices) if len(normalise(text)) > 2 else None
    if hit is None and (m := _LETTER.fullmatch(text)):
        hit = _by_letter(m.group(1), q.choices, order)
    if hit is None and (m := _LETTER_TEXT.fullmatch(text)):
        hit = _by_letter(m.group(1), q.choices, order) or _pick(m.group(2), q.choices)
    if hit is None:
        hit = _pick(text, q.choices)
    return hit if hit is not None else text


def interpret_bool(cell: str) -> bool | str:
    """True/False (also T/F, yes/no); anything else stays text and scores nothing."""
    n = normalise(cell)
    if n in _TRUE:
        return True
    if n in _FALSE:
        return False
    return cell.strip()


def interpret_matching(q: Question, order: Sequence[int], cell: str) -> tuple[tuple[str, str], ...]:
    """ "1-C, 2-A" (printed row numbers and letters), "CAB" (one letter per row) or "left -> right; …"."""
    lefts = [left for left, _ in matching_rows(q)]
    rights = master_options(q)
    text = cell.strip()
    pairs: list[tuple[str, str]] = []
    if _PAIRS_ONLY.fullmatch(text):
        for num, letter in _PAIR.findall(text):
            row = int(num) - 1
            if 0 <= row < len(lefts):
                pairs.append((lefts[row], _by_letter(letter, rights, order) or letter))
        return tuple(pairs)
    if _LETTERS_ONLY.fullmatch(text):
        letters = re.findall(r"[A-Za-z]", text)
        if len(letters) == len(lefts):
            return tuple(
                (left, _by_letter(ch, rights, order) or ch) for left, ch in zip(lefts, letters, strict=True)
            )
    for part in re.split(r"[;\n]", text):
        m = _TEXT_PAIR.fullmatch(part.strip())
        if m:
            left = _pick(m.group(1), lefts) or m.group(1)
            pairs.append((left, _pick(m.group(2), rights) or m.group(2)))
    return tuple(pairs)


def interpret_ordering(q: Question, order: Sequence[int], cell: str) -> tuple[str, ...]:
    """ "C A B", "CAB", "C,A,B" (printed letters) or the item texts separated by ; , > or new lines."""
    items = master_options(q)
    text = cell.strip()
    if _LETTERS_ONLY.fullmatch(text):
        letters = re.findall(r"[A-Za-z]", text)
        if len(letters) <= len(items) or len(text.split()) == len(letters):
            return tuple(_by_letter(ch, items, order) or ch for ch in letters)
    parts = [p.strip() for p in re.split(r"[;\n>]|,(?!\d)", text) if p.strip()]
    return tuple(_pick(p, items) or p for p in parts)


def interpret(q: Question, order: Sequence[int], cell: str) -> Response:
    """A typed cell -> Response in master terms, by question type."""
    if is_blank(cell):
        return Response(cell.strip(), None)
    typed = cell.strip()
    value: Value
    if q.type == "multiple_choice":
        value = interpret_choice(q, order, typed)
    elif q.type == "true_false":
        value = interpret_bool(typed)
    elif q.type == "matching":
        value = interpret_matching(q, order, typed)
    elif q.type == "ordering":
        value = interpret_ordering(q, order, typed)
    else:
        value = typed
    return Response(typed, value)


class Interpreter:
    """Memoised ``interpret``: in a class most cells repeat, so each distinct one is parsed once."""

    def __init__(self, quiz: Quiz) -> None:
        self.questions = {q.id: q for q in quiz.questions}
        self._caches: dict[tuple[str, tuple[int, ...]], dict[str, Response]] = {}

    def cache_for(self, qid: str, order: tuple[int, ...]) -> dict[str, Response]:
        """The cell -> Response memo of one question as printed in one version."""
        return self._caches.setdefault((qid, order), {})

    def __call__(self, qid: str, order: tuple[int, ...], cell: str) -> Response:
        memo = self.cache_for(qid, order)
        hit = memo.get(cell)
        if hit is None:
            hit = interpret(self.questions[qid], order, cell)
            memo[cell] = hit
        return hit


# --- CSV structure -----------------------------------------------------------------------------------------


def _hnorm(header: str) -> str:
    return re.sub(r"[\s_]+", " ", header.strip().strip("\ufeff").casefold()).strip()


_ID_HEADERS = (
    ("student id", "studentid", "student", "student number", "student no", "student #", "learner id",
     "pupil id", "candidate", "candidate number"),
    ("id", "id number", "idnumber", "matriculation number", "matric"),
    ("username", "user", "user name", "login"),
    ("email", "email address", "e mail", "e-mail", "e-mail address"),
)  # fmt: skip
_NAME_HEADERS = ("name", "student name", "full name", "fullname", "your name")
_FIRST_HEADERS = ("first name", "firstname", "given name")
_LAST_HEADERS = ("surname", "last name", "lastname", "family name")
_VERSION_HEADERS = ("version", "ver", "form", "paper", "quiz version", "test version", "variant")
_META_HEADERS = frozenset(
    [
        "timestamp",
        "score",
        "total",
        "total",
        "score",
        "grade",
        "points",
        "class",
        "section",
        "group",
        "date",
        "started",
        "on",
        "completed",
        "time",
        "taken",
        "state",
        "institution",
        "department",
        "comments",
        "notes",
        "teacher",
        "duration",
        "submitted",
    ]
) | frozenset({"total score", "started on", "time taken", "total points", "date submitted"})
_NUMBER_HEADER = re.compile(r"(?:q|question|no\.?|nr\.?|#)?\s*\.?\s*(\d{1,3})\s*[.):]?")
_MOODLE_RESPONSE = re.compile(r"response (\d+)")
_MOODLE_META = re.compile(r"(right answer \d+|q\. ?\d+ ?/.*|grade/.*)")


def _is_meta(h: str) -> bool:
    return (
        h in _META_HEADERS
        or any(h in group for group in _ID_HEADERS)
        or h in _NAME_HEADERS
        or h in _FIRST_HEADERS
        or h in _LAST_HEADERS
        or h in _VERSION_HEADERS
        or bool(_MOODLE_META.fullmatch(h))
        or h.endswith(("[score]", "[feedback]"))
    )


def _find(headers: list[str], names: Iterable[str]) -> int | None:
    wanted = set(names)
    for i, h in enumerate(headers):
        if h in wanted:
            return i
    return None


def _id_column(headers: list[str]) -> int | None:
    for group in _ID_HEADERS:
        i = _find(headers, group)
        if i is not None:
            return i
    return None


def _delimiter(text: str) -> str:
    """csv.Sniffer over the first lines; the header line's counts settle a doubtful sniff."""
    sample = "\n".join(text.split("\n", 20)[:20])
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        found = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        found = ""
    if not found or first.count(found) == 0:
        found = max(",;\t|", key=first.count)
    return found


def read_csv_rows(text: str, where: str) -> list[tuple[int, list[str]]]:
    """(line number, stripped cells) for every non-blank row; the first is the header."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), skipinitialspace=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            stripped = [c.strip() for c in cells]
            if any(stripped):
                rows.append((reader.line_num, stripped))
    except csv.Error as exc:
        raise FormatError(
            f"cannot read the CSV at line {reader.line_num} ({exc})",
            where=where,
            fix="save it again as CSV from the spreadsheet",
        ) from None
    return rows


@dataclass(frozen=True, slots=True)
class _Column:
    """A question column: fixed question (id / Moodle / prompt headers) or a printed number per version."""

    index: int
    header: str
    qid: str = ""
    number: int = 0
    left: str = ""
    """Forms grids: the left item (matching) or the item (ordering) this column is about."""


@dataclass(frozen=True, slots=True)
class _Layout:
    kind: str  # "sheet" | "moodle" | "forms"
    id_col: int
    name_cols: tuple[int, ...]
    version_col: int | None
    columns: tuple[_Column, ...]
    warnings: tuple[str, ...]


def _layout(headers_raw: list[str], quiz: Quiz, vmap: VersionMap | None, where: str) -> _Layout:
    headers = [_hnorm(h) for h in headers_raw]
    seen = [h for h in headers if h]
    dupes = sorted({h for h in seen if seen.count(h) > 1 and not _is_meta(h)})
    if dupes:
        raise FormatError(f"column {dupes[0]!r} appears twice", where=where, fix="rename or remove one")
    moodle = any(_MOODLE_RESPONSE.fullmatch(h) for h in headers)
    if not moodle and any(_MOODLE_META.fullmatch(h) and h.startswith("q.") for h in headers):
        raise FormatError(
            "this is a Moodle grades report (marks only, no answers)",
            where=where,
            fix="download the quiz's Responses report instead",
        )
    id_col = _id_column(headers)
    if id_col is None and moodle and _find(headers, _LAST_HEADERS) is not None:
        id_col = -1  # a Moodle export without identity fields: the full name is the id
    if id_col is None:
        raise FormatError(
            "no student_id column",
            where=where,
            fix="add a column headed student_id (or ID number, username, email) with one id per row",
        )
    name_col = _find(headers, _NAME_HEADERS)
    first, last = _find(headers, _FIRST_HEADERS), _find(headers, _LAST_HEADERS)
    name_cols: tuple[int, ...] = (
        (name_col,) if name_col is not None else tuple(i for i in (first, last) if i is not None)
    )
    version_col = _find(headers, _VERSION_HEADERS)
    ids = {q.id.casefold(): q.id for q in quiz.questions}
    if moodle:
        return _moodle_layout(headers, headers_raw, quiz, id_col, name_cols, version_col, where)
    columns: list[_Column] = []
    unknown: list[tuple[int, str]] = []
    for i, (h, raw) in enumerate(zip(headers, headers_raw, strict=True)):
        if i in (id_col, version_col, *name_cols) or not h:
            continue
        if h in ids:
            columns.append(_Column(i, raw, qid=ids[h]))
        elif (m := _NUMBER_HEADER.fullmatch(h)) and not _is_meta(h):
            columns.append(_Column(i, raw, number=int(m.group(1))))
        elif not _is_meta(h):
            unknown.append((i, raw))
    if columns:
        if unknown:
            raise FormatError(
                f"unknown question column {unknown[0][1]!r}",
                where=where,
                fix="head question columns with the printed number (1, 2…) or the question id",
            )
        _check_numbers(columns, quiz, vmap, version_col, where)
        return _Layout("sheet", id_col, name_cols, version_col, tuple(columns), ())
    return _forms_layout(unknown, quiz, id_col, name_cols, version_col, where)


def _check_numbers(
    columns: list[_Column], quiz: Quiz, vmap: VersionMap | None, version_col: int | None, where: str
) -> None:
    numbered = [c for c in columns if c.number]
    if not numbered:
        return
    if vmap is None:
        raise FormatError(
            "the question columns are printed numbers, so the version map is needed",
            where=where,
            fix="add --versions OUT/versions.json from `quizkit render` (or head the columns with question ids)",
        )
    if version_col is None and len(vmap.versions) > 1:
        raise FormatError(
            f"no version column, but the version map has {len(vmap.versions)} versions",
            where=where,
            fix="add a column headed version with each student's letter (A, B…)",
        )
    known = {q.id for q in quiz.questions}
    strangers = sorted({it.question_id for v in vmap.versions for it in v.items} - known)
    if strangers:
        raise FormatError(
            f"the version map names questions the quiz does not have ({', '.join(strangers[:3])})",
            where=where,
            fix="give the versions.json rendered from this quiz",
        )
    biggest = max((len(v.items) for v in vmap.versions), default=0)
    for c in numbered:
        if not 1 <= c.number <= biggest:
            raise FormatError(
                f"unknown question column {c.header!r}: the quiz has {biggest} questions",
                where=where,
                fix="remove the column or check the numbering",
            )
    if len({c.number for c in numbered}) != len(numbered):
        raise FormatError("two columns have the same question number", where=where, fix="remove one")
    if vmap.quiz_title and quiz.title and normalise(vmap.quiz_title) != normalise(quiz.title):
        raise FormatError(
            f"the version map is for another quiz ({vmap.quiz_title!r})",
            where=where,
            fix="give the versions.json rendered from this quiz",
        )


def _moodle_layout(
    headers: list[str],
    headers_raw: list[str],
    quiz: Quiz,
    id_col: int,
    name_cols: tuple[int, ...],
    version_col: int | None,
    where: str,
) -> _Layout:
    columns: list[_Column] = []
    for i, h in enumerate(headers):
        m = _MOODLE_RESPONSE.fullmatch(h)
        if not m:
            continue
        slot = int(m.group(1))
        if not 1 <= slot <= len(quiz.questions):
            raise FormatError(
                f"unknown question column {headers_raw[i]!r}: the quiz has {len(quiz.questions)} questions",
                where=where,
                fix="grade the Moodle export against the quiz file it was exported from",
            )
        columns.append(_Column(i, headers_raw[i], qid=quiz.questions[slot - 1].id))
    return _Layout("moodle", id_col, name_cols, version_col, tuple(columns), ())


_GRID = re.compile(r"(.+?)\s*\[(.+)\]\s*")


def _forms_layout(
    unknown: list[tuple[int, str]],
    quiz: Quiz,
    id_col: int,
    name_cols: tuple[int, ...],
    version_col: int | None,
    where: str,
) -> _Layout:
    """Headers are question prompts (Google Forms): fuzzy-match each to one question's prompt."""
    prompts = [normalise(q.prompt) for q in quiz.questions]
    columns: list[_Column] = []
    warnings: list[str] = []
    taken: dict[str, str] = {}
    for i, raw in unknown:
        left = ""
        text = raw
        grid = _GRID.fullmatch(raw)
        q = _match_prompt(grid.group(1), prompts, quiz) if grid else None
        if q is not None and grid and q.type in ("matching", "ordering"):
            text, left = grid.group(1), grid.group(2).strip()
        else:
            q = _match_prompt(raw, prompts, quiz)
        if q is None:
            warnings.append(f"{where}: column {raw!r} matches no question; ignored")
            continue
        if not left and q.id in taken:
            raise FormatError(
                f"columns {taken[q.id]!r} and {raw!r} both match question {q.id}",
                where=where,
                fix="rename one header to the exact prompt",
            )
        taken.setdefault(q.id, text)
        columns.append(_Column(i, raw, qid=q.id, left=left))
    if not columns:
        raise FormatError(
            f"unknown question column {unknown[0][1]!r}" if unknown else "no question columns",
            where=where,
            fix="head question columns with the printed number, the question id, or the question's prompt",
        )
    return _Layout("forms", id_col, name_cols, version_col, tuple(columns), tuple(warnings))


def _match_prompt(header: str, prompts: list[str], quiz: Quiz) -> Question | None:
    n = normalise(header)
    if not n:
        return None
    best = process.extract(n, prompts, scorer=fuzz.token_sort_ratio, score_cutoff=85, limit=2)
    if not best or (len(best) == 2 and best[0][1] - best[1][1] < 3):
        return None
    return quiz.questions[best[0][2]]


# --- rows -> sheets ---------------------------------------------------------------------------------------


def _versions(vmap: VersionMap | None) -> dict[str, dict[int, VersionItem]]:
    if vmap is None:
        return {}
    return {v.letter.upper(): {it.number: it for it in v.items} for v in vmap.versions}


def _version_letter(cell: str) -> str:
    return re.sub(r"^(version|ver|form|paper|variant)\s*", "", cell.strip(), flags=re.I).strip().upper()


_Plan = list[tuple[int, str, tuple[int, ...], dict[str, Response]]]


def _plans(
    layout: _Layout, interp: Interpreter, versions: dict[str, dict[int, VersionItem]]
) -> dict[str, _Plan]:
    """Per version letter ("" = master order): (cell index, question id, order, memo) for each column."""
    plans: dict[str, _Plan] = {}
    plain = [c for c in layout.columns if not c.number and not c.left]
    for letter in ["", *sorted(versions)]:
        plan: _Plan = [(c.index, c.qid, (), interp.cache_for(c.qid, ())) for c in plain]
        for c in layout.columns:
            item = versions.get(letter, {}).get(c.number) if c.number else None
            if item is not None:
                plan.append(
                    (c.index, item.question_id, item.order, interp.cache_for(item.question_id, item.order))
                )
        plans[letter] = plan
    return plans


def _rows_to_batch(
    rows: list[tuple[int, list[str]]], layout: _Layout, quiz: Quiz, vmap: VersionMap | None, where: str
) -> Batch:
    interp = Interpreter(quiz)
    versions = _versions(vmap)
    plans = _plans(layout, interp, versions)
    numbered = any(c.number for c in layout.columns)
    grid = [c for c in layout.columns if c.left]
    width = len(rows[0][1])
    sheets: list[Sheet] = []
    rejected: list[Rejected] = []
    label = Path(where).name
    for line, cells in rows[1:]:
        if len(cells) > width and any(cells[width:]):
            rejected.append(
                Rejected(where, line, f"{len(cells)} cells but {width} columns (unknown student column)")
            )
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        name = " ".join(cells[i] for i in layout.name_cols if cells[i])
        student = cells[layout.id_col] if layout.id_col >= 0 else name
        if layout.kind == "moodle" and normalise(cells[0]) in ("overall average", "average"):
            rejected.append(Rejected(where, line, "a summary row (overall average), not a student"))
            continue
        if not student:
            rejected.append(Rejected(where, line, "missing student_id"))
            continue
        letter = _version_letter(cells[layout.version_col]) if layout.version_col is not None else ""
        if numbered:
            if not letter and len(versions) == 1:
                letter = next(iter(versions))
            if letter not in versions:
                known = ", ".join(sorted(versions))
                reason = f"unknown version {letter!r} (the map has {known})" if letter else "no version given"
                rejected.append(Rejected(where, line, reason))
                continue
        answers: dict[str, Response] = {}
        for index, qid, order, memo in plans.get(letter, plans[""]):
            cell = cells[index]
            hit = memo.get(cell)
            if hit is None:
                hit = interpret(interp.questions[qid], order, cell)
                memo[cell] = hit
            answers[qid] = hit
        if grid:
            by_q: dict[str, list[tuple[str, str]]] = {}
            for c in grid:
                by_q.setdefault(c.qid, []).append((c.left, cells[c.index]))
            for qid, cells_by_left in by_q.items():
                answers[qid] = _grid_response(interp.questions[qid], cells_by_left)
        sheets.append(Sheet(student, name, letter, answers, f"{label} row {line}"))
    return Batch(tuple(sheets), tuple(rejected), len(rows) - 1, layout.warnings)


def _grid_response(q: Question, cells: list[tuple[str, str]]) -> Response:
    """Forms grids: matching rows "[left]" -> right; ordering rows "[item]" -> rank (1, 2nd, First…)."""
    filled = [(left, cell) for left, cell in cells if not is_blank(cell)]
    typed = "; ".join(f"{left} -> {cell}" for left, cell in filled)
    if not filled:
        return Response("", None)
    if q.type == "matching":
        lefts = [a for a, _ in matching_rows(q)]
        rights = master_options(q)
        return Response(
            typed, tuple((_pick(left, lefts) or left, _pick(cell, rights) or cell) for left, cell in filled)
        )
    ranks = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": 99}
    items = master_options(q)
    ranked: list[tuple[float, str]] = []
    for left, cell in filled:
        digits = re.match(r"\d+", cell.strip())
        rank = float(digits.group()) if digits else float(ranks.get(normalise(cell), 100))
        ranked.append((rank, _pick(left, items) or left))
    return Response(typed, tuple(item for _, item in sorted(ranked)))


def read_csv(path: str | Path, quiz: Quiz, vmap: VersionMap | None, data: bytes | None = None) -> Batch:
    """One CSV (answer sheet, Moodle export or forms export) -> Batch."""
    where = str(path)
    raw = read_bytes(path, what="responses file") if data is None else data
    text = decode_text(raw, where=where, what="responses file")
    rows = read_csv_rows(text, where)
    if not rows:
        raise InputError("responses file is empty", where=where, fix="give a CSV with a header and rows")
    if len(rows) == 1:
        raise InputError(
            "responses file has a header but no student rows", where=where, fix="add one row per student"
        )
    layout = _layout(rows[0][1], quiz, vmap, where)
    return _rows_to_batch(rows, layout, quiz, vmap, where)


# --- notebook answers JSON ---------------------------------------------------------------------------------


def _json_response(q: Question, raw: Any) -> Response:
    if raw is None or (isinstance(raw, str | list) and not raw):
        return Response("", None)
    if q.type == "true_false" and isinstance(raw, bool):
        return Response("True" if raw else "False", raw)
    if q.type in ("matching", "ordering") and isinstance(raw, list):
        if q.type == "matching":
            lefts, rights = [a for a, _ in matching_rows(q)], master_options(q)
            pairs = tuple(
                (_pick(str(p[0]), lefts) or str(p[0]), _pick(str(p[1]), rights) or str(p[1]))
                for p in raw
                if isinstance(p, list | tuple) and len(p) == 2
            )
            return Response("; ".join(f"{a} -> {b}" for a, b in pairs), pairs)
        items = tuple(_pick(str(x), master_options(q)) or str(x) for x in raw)
        return Response("; ".join(map(str, raw)), items)
    if isinstance(raw, list):
        return interpret(q, (), "; ".join(map(str, raw)))
    return interpret(q, (), str(raw))


def read_notebook_json(path: str | Path, quiz: Quiz, data: bytes | None = None) -> Batch:
    """The lesson widget's answers file: one object or a list of them."""
    where = str(path)
    raw = read_bytes(path, what="answers file") if data is None else data
    text = decode_text(raw, where=where, what="answers file")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON (line {exc.lineno})", where=where, fix="check the file") from None
    objs = doc if isinstance(doc, list) else [doc]
    if not objs or not all(isinstance(o, dict) and o.get("format") == "quizkit-answers" for o in objs):
        raise FormatError(
            'not a quizkit answers file (format must be "quizkit-answers")',
            where=where,
            fix="give the JSON saved by the lesson's quiz widget, or a CSV",
        )
    questions = {q.id: q for q in quiz.questions}
    label = Path(where).name
    sheets: list[Sheet] = []
    rejected: list[Rejected] = []
    titles = sorted({str(o.get("quiz_title")) for o in objs if o.get("quiz_title")} - {quiz.title})
    warnings = tuple(
        f"{where}: answers saved for the quiz {t!r}, grading against {quiz.title!r}" for t in titles
    )
    for n, obj in enumerate(objs, start=1):
        student = str(obj.get("student_id") or "").strip()
        answers = obj.get("answers")
        if not student:
            rejected.append(Rejected(where, n, "missing student_id"))
            continue
        if not isinstance(answers, dict):
            rejected.append(Rejected(where, n, "answers is not an object of question id -> response"))
            continue
        unknown = sorted(str(k) for k in answers if k not in questions)
        if unknown:
            rejected.append(Rejected(where, n, f"answers for unknown question ids: {', '.join(unknown[:5])}"))
            continue
        parsed = {qid: _json_response(questions[qid], value) for qid, value in answers.items()}
        sheets.append(Sheet(student, str(obj.get("name") or ""), "", parsed, f"{label} entry {n}"))
    return Batch(tuple(sheets), tuple(rejected), len(objs), warnings)


# --- many files -------------------------------------------------------------------------------------------


def read_responses(paths: Sequence[str | Path], quiz: Quiz, vmap: VersionMap | None = None) -> Batch:
    """Read every response file; raise on a file that cannot be read at all, reject bad rows."""
    batches: list[Batch] = []
    for path in paths:
        data = read_bytes(path, what="responses file")
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if str(path).lower().endswith(".json") or head in (b"{", b"["):
            batches.append(read_notebook_json(path, quiz, data))
        else:
            batches.append(read_csv(path, quiz, vmap, data))
    return Batch(
        tuple(s for b in batches for s in b.sheets),
        tuple(r for b in batches for r in b.rejected),
        sum(b.rows_in for b in batches),
        tuple(w for b in batches for w in b.warnings),
    )


TeacherScores = dict[tuple[str, str, str], float]
"""(student_id, question_id, source) -> points; source "" means every sheet of that student."""


def read_scores(path: str | Path, quiz: Quiz) -> TeacherScores:
    """Teacher scores: CSV with student_id, question_id, points and optionally source (as in review.csv,
    which tells duplicate sheets apart); they replace the automatic score. Rows without points are skipped."""
    where = str(path)
    rows = read_csv_rows(
        decode_text(read_bytes(path, what="scores file"), where=where, what="scores file"), where
    )
    if len(rows) < 2:
        raise InputError("scores file has no rows", where=where, fix="add student_id,question_id,points rows")
    headers = [_hnorm(h) for h in rows[0][1]]
    cols = [
        _find(headers, names)
        for names in (("student id", "student"), ("question id", "question"), ("points", "score"))
    ]
    if any(c is None for c in cols):
        raise FormatError(
            "scores file needs the columns student_id, question_id, points",
            where=where,
            fix="rename the header row",
        )
    sid, qcol, pcol = (c for c in cols if c is not None)
    scol = _find(headers, ("source",))
    questions = {q.id: q for q in quiz.questions}
    out: TeacherScores = {}
    for line, cells in rows[1:]:
        cells = cells + [""] * (len(headers) - len(cells))
        if not cells[pcol]:
            continue  # a review.csv row the teacher has not scored yet
        qid = cells[qcol]
        if qid not in questions:
            raise FormatError(
                f"line {line}: unknown question id {qid!r}", where=where, fix="use the quiz's ids"
            )
        try:
            points = float(cells[pcol].replace(",", "."))
        except ValueError:
            raise FormatError(f"line {line}: points {cells[pcol]!r} is not a number", where=where) from None
        if not 0 <= points <= questions[qid].points:
            raise FormatError(
                f"line {line}: {points:g} points is outside 0–{questions[qid].points:g} for {qid}",
                where=where,
                fix="give a score within the question's points",
            )
        source = cells[scol].lstrip("'") if scol is not None else ""
        out[(cells[sid], qid, source)] = points
    return out


__all__ = [
    "Batch",
    "Rejected",
    "Response",
    "Sheet",
    "TeacherScores",
    "interpret",
    "read_csv",
    "read_notebook_json",
    "read_responses",
    "read_scores",
]
