"""CSV responses: answer sheets (question ids or printed numbers + versions), Moodle's Responses report and
forms exports whose headers are the prompts. Every data row becomes a Sheet or a Rejected entry."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from quizkit.errors import FormatError, InputError
from quizkit.files import decode_text, read_bytes
from quizkit.grade.cells import Interpreter, interpret, is_blank, pick
from quizkit.grade.match import normalise
from quizkit.grade.sheets import Batch, Rejected, Response, Sheet
from quizkit.model import Question, Quiz, VersionItem, VersionMap
from quizkit.versions import CODE_SEP, master_options, matching_rows, split_version_cell


def from_utf16(data: bytes, *, where: str, what: str) -> bytes:
    """Excel's "Unicode Text" export is UTF-16 with a BOM (tab-separated): re-encode it as UTF-8."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{what} starts like UTF-16 but does not decode", where=where, fix="save it again as CSV UTF-8"
        ) from None


def header_key(header: str) -> str:
    """A header as compared: case, underscores, spacing and a stray BOM folded away."""
    return re.sub(r"[\s_]+", " ", header.strip().strip("\ufeff").casefold()).strip()


_ID_HEADERS = (
    ("student id", "studentid", "student", "student number", "student no", "student #", "learner id",
     "pupil id", "candidate", "candidate number"),
    ("id", "id number", "idnumber", "matriculation number", "matric"),
    ("username", "user", "user name", "login"),
    ("email", "email address", "e mail", "e-mail", "e-mail address",
     "e-mail-adresse", "adresse de courriel", "adresse e-mail", "adresse email", "dirección de correo",
     "dirección email", "correo electrónico", "endereço de email", "endereço de e-mail", "indirizzo email",
     "e-mailadres", "adres e-mail", "адрес электронной почты", "электронная почта"),
)  # fmt: skip
_NAME_HEADERS = ("name", "student name", "full name", "fullname", "your name")
_FIRST_HEADERS = ("first name", "firstname", "given name", "vorname", "prénom", "prenom", "nombre", "nome",
                  "voornaam", "imię", "имя")  # fmt: skip
_LAST_HEADERS = ("surname", "last name", "lastname", "family name", "nachname", "nom", "apellido(s)",
                 "apellidos", "sobrenome", "cognome", "achternaam", "nazwisko", "фамилия")  # fmt: skip
_VERSION_HEADERS = ("version", "ver", "form", "paper", "quiz version", "test version", "variant")
_META_HEADERS = frozenset({
    "timestamp", "score", "total", "total score", "total points", "grade", "points", "class", "section",
    "group", "date", "date submitted", "submitted", "started on", "completed", "time taken", "duration", "state",
    "institution", "department", "comments", "notes", "teacher",
})  # fmt: skip
"""Columns that are about the attempt, not an answer: ignored without a warning."""
_NUMBER_HEADER = re.compile(r"(?:q|question|no\.?|nr\.?|#)?\s*\.?\s*(\d{1,3})\s*[.):]?")
# Moodle's Responses report, in the languages its installs most often use (header_key has folded case).
_RESPONSE_WORDS = (
    "response|antwort|réponse|reponse|respuesta|resposta|risposta|antwoord|odpowiedź|odpowiedz|svar|vastaus"
    "|jawaban|yanıt|cevap|ответ|відповідь|жауап|jawapan|câu trả lời|回答|答案|応答"
)
_QUESTION_WORDS = (
    "question|frage|pregunta|pergunta|domanda|vraag|pytanie|fråga|spørgsmål|spørsmål|kysymys|soru|вопрос"
    "|питання|сұрақ|soalan|pertanyaan|câu hỏi|问题|問題|題目"
)
_RIGHT_WORDS = (
    "right answer|richtige antwort|bonne réponse|bonne reponse|respuesta correcta|resposta correta"
    "|risposta corretta|juiste antwoord|poprawna odpowiedź|правильный ответ|правильна відповідь|doğru cevap"
    "|дұрыс жауап|正确答案|正解"
)
_MOODLE_RESPONSE = re.compile(rf"(?:{_RESPONSE_WORDS}) ?(\d+)")
_MOODLE_QUESTION = re.compile(rf"(?:{_QUESTION_WORDS}) ?(\d+)")
_MOODLE_META = re.compile(
    rf"((?:{_RIGHT_WORDS}) ?\d+|q\. ?\d+ ?/.*|grade/.*|bewertung/.*|note/.*|calificación/.*)"
)


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


def find_column(headers: list[str], names: Iterable[str]) -> int | None:
    """Index of the first header among ``names`` (already header_key'd), or None."""
    wanted = set(names)
    for i, h in enumerate(headers):
        if h in wanted:
            return i
    return None


def _id_column(headers: list[str]) -> int | None:
    for group in _ID_HEADERS:
        i = find_column(headers, group)
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


_SEP_LINE = re.compile(r"\ufeff?\s*sep=(.)\s*")


def _runaway(cells: list[str], delimiter: str, width: int) -> bool:
    """A cell running over a line end whose later lines are whole rows (as many delimiters as the header):
    a stray quote swallowed the rows below. A real multi-line cell (an essay answer) has no such lines."""
    need = max(2, width - 1)
    return any(line.count(delimiter) >= need for c in cells if "\n" in c for line in c.split("\n")[1:])


def _physical_rows(lines: list[str], first: int, delimiter: str) -> list[tuple[int, list[str] | None]]:
    """The physical lines a runaway quote swallowed, each read on its own; None for a line whose quotes do
    not balance (the one that started the runaway)."""
    out: list[tuple[int, list[str] | None]] = []
    for n, line in enumerate(lines, first):
        if line.count('"') % 2:
            out.append((n, None))
            continue
        cells = next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), [])
        out.append((n, cells))
    return out


def read_csv_rows(text: str, where: str, broken: list[int] | None = None) -> list[tuple[int, list[str]]]:
    """(line number, stripped cells) for every non-blank row; the first is the header. Excel's "sep=;"
    first line names the delimiter and is not a row.

    A stray quote (a cell starting with ``"`` that never closes) would swallow the rows below it into one
    cell. Such a run is read again line by line: the line with the unbalanced quote goes to ``broken`` (its
    line number; refused with an error when ``broken`` is None) and every other line is a row as usual."""
    first, _, rest = text.partition("\n")
    sep = _SEP_LINE.fullmatch(first.rstrip("\r"))
    if sep:
        text = "\n" + rest  # keep the line numbers
    delimiter = sep.group(1) if sep else _delimiter(text)
    physical = text.split("\n")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            found: list[tuple[int, list[str] | None]] = [(end, cells)]
            if end > start and rows and _runaway(cells, delimiter, len(rows[0][1])):
                found = _physical_rows(physical[start - 1 : end], start, delimiter)
            for line, got in found:
                if got is None:
                    if broken is None:
                        raise FormatError(
                            f'line {line} has an unbalanced quote (") that runs into the lines below',
                            where=where,
                            fix="remove the stray quote or close it",
                        )
                    broken.append(line)
                    continue
                stripped = [c.strip() for c in got]
                if any(stripped):
                    rows.append((line, stripped))
            start = end + 1
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


def _layout(
    headers_raw: list[str],
    quiz: Quiz,
    vmap: VersionMap | None,
    where: str,
    body: list[tuple[int, list[str]]] | None = None,
) -> _Layout:
    headers = [header_key(h) for h in headers_raw]
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
    if id_col is None and moodle and find_column(headers, _LAST_HEADERS) is not None:
        id_col = -1  # a Moodle export without identity fields: the full name is the id
    if id_col is None:
        raise FormatError(
            "no student_id column",
            where=where,
            fix="add a column headed student_id (or ID number, username, email) with one id per row",
        )
    name_col = find_column(headers, _NAME_HEADERS)
    first, last = find_column(headers, _FIRST_HEADERS), find_column(headers, _LAST_HEADERS)
    name_cols: tuple[int, ...] = (
        (name_col,) if name_col is not None else tuple(i for i in (first, last) if i is not None)
    )
    version_col = find_column(headers, _VERSION_HEADERS)
    ids = {q.id.casefold(): q.id for q in quiz.questions}
    if moodle:
        return _moodle_layout(headers, headers_raw, quiz, id_col, name_cols, version_col, where, body or [])
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
    body: list[tuple[int, list[str]]],
) -> _Layout:
    """Each "Response N" column is the question whose text fills "Question N" (Moodle numbers slots its own
    way: a quiz built from the imported bank orders them by type, then name, not as quizkit printed them)."""
    texts = {int(m.group(1)): i for i, h in enumerate(headers) if (m := _MOODLE_QUESTION.fullmatch(h))}
    fix = (
        "download the quiz's Responses report again with 'Question text' ticked, so each answer column "
        "comes with the question it answers"
    )
    columns: list[_Column] = []
    taken: dict[str, str] = {}
    for i, h in enumerate(headers):
        m = _MOODLE_RESPONSE.fullmatch(h)
        if not m:
            continue
        slot = int(m.group(1))
        if slot not in texts:
            raise FormatError(
                f"column {headers_raw[i]!r} has no question text beside it, and Moodle's slot numbers are not "
                "the quiz's question numbers",
                where=where,
                fix=fix,
            )
        q = _moodle_question(quiz, [cells[texts[slot]] for _, cells in body if texts[slot] < len(cells)])
        if q is None:
            raise FormatError(
                f"the question text under {headers_raw[texts[slot]]!r} matches no single question of the quiz",
                where=where,
                fix="grade the Moodle export against the quiz file its questions were imported from",
            )
        if q.id in taken:
            raise FormatError(
                f"columns {taken[q.id]!r} and {headers_raw[i]!r} both hold question {q.id}",
                where=where,
                fix=fix,
            )
        taken[q.id] = headers_raw[i]
        columns.append(_Column(i, headers_raw[i], qid=q.id))
    return _Layout("moodle", id_col, name_cols, version_col, tuple(columns), ())


def _moodle_question(quiz: Quiz, cells: list[str]) -> Question | None:
    """The one question every non-blank cell of a "Question N" column names (Moodle writes the question
    text, then for some types ": choice; choice" or " {…} -> {…}"), or None."""
    prompts = [(normalise(q.prompt), q) for q in quiz.questions]
    found: set[str] = set()
    for text in dict.fromkeys(c for c in cells if c.strip()):
        n = normalise(text)
        hits = [q for p, q in prompts if p and (n == p or n.startswith(p + " "))]
        if len(hits) > 1:  # one prompt may begin another: the longest that fits is the one
            longest = max(len(normalise(q.prompt)) for q in hits)
            hits = [q for q in hits if len(normalise(q.prompt)) == longest]
        if not hits:
            best = process.extract(
                n, [p for p, _ in prompts], scorer=fuzz.partial_ratio, score_cutoff=92, limit=2
            )
            if len(best) == 1 or (len(best) == 2 and best[0][1] - best[1][1] >= 4):
                hits = [prompts[best[0][2]][1]]
        if len(hits) != 1:
            return None
        found.add(hits[0].id)
    return quiz.question(found.pop()) if len(found) == 1 else None


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


def _version_cell(cell: str) -> tuple[str, str]:
    """ "B", "Version B", "B·7F3K" -> (letter, code tail or "")."""
    return split_version_cell(re.sub(r"^(version|ver|form|paper|variant)\s*", "", cell.strip(), flags=re.I))


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
    # a row may end early when its last answers are empty; one that stops before the last question
    # column is reported, since its answers might have shifted
    layout_last = max((c.index for c in layout.columns), default=0) + 1
    short: list[int] = []
    codes = {v.letter.upper(): v.code.upper() for v in vmap.versions if v.code} if vmap else {}
    foreign: list[str] = []
    matched = 0
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
            if len(cells) < layout_last:
                short.append(line)
            cells = cells + [""] * (width - len(cells))
        name = " ".join(cells[i] for i in layout.name_cols if cells[i])
        student = cells[layout.id_col] if layout.id_col >= 0 else name
        if layout.kind == "moodle" and normalise(cells[0]) in ("overall average", "average"):
            rejected.append(Rejected(where, line, "a summary row (overall average), not a student"))
            continue
        if not student:
            rejected.append(Rejected(where, line, "missing student_id"))
            continue
        letter, tail = (
            _version_cell(cells[layout.version_col]) if layout.version_col is not None else ("", "")
        )
        if tail and letter in codes and codes[letter] != f"{letter}{CODE_SEP}{tail}":
            foreign.append(f"{letter}{CODE_SEP}{tail}")
            rejected.append(
                Rejected(
                    where,
                    line,
                    f"version code {letter}{CODE_SEP}{tail} is not from this version map "
                    f"(its version {letter} is {codes[letter]})",
                )
            )
            continue
        if tail and letter in codes:
            matched += 1
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
    if foreign and not matched:  # every coded sheet is from other copies: the wrong map, not a typo
        raise InputError(
            f"the sheets' version codes ({', '.join(sorted(set(foreign))[:3])}) are not from this version map "
            f"(its codes are {', '.join(sorted(codes.values())[:4])})",
            where=where,
            fix="give the versions.json written when these copies were printed (--versions)",
        )
    warnings = layout.warnings
    if short:
        lines = ", ".join(map(str, short[:5])) + (f" and {len(short) - 5} more" if len(short) > 5 else "")
        warnings += (
            f"{where}: row(s) {lines} have fewer cells than question columns; "
            "their missing answers are graded as blank (check the row if a cell was skipped)",
        )
    return Batch(tuple(sheets), tuple(rejected), len(rows) - 1, warnings)


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
            typed, tuple((pick(left, lefts) or left, pick(cell, rights) or cell) for left, cell in filled)
        )
    ranks = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": 99}
    items = master_options(q)
    ranked: list[tuple[float, str]] = []
    for left, cell in filled:
        digits = re.match(r"\d+", cell.strip())
        rank = float(digits.group()) if digits else float(ranks.get(normalise(cell), 100))
        ranked.append((rank, pick(left, items) or left))
    return Response(typed, tuple(item for _, item in sorted(ranked)))


def read_csv(path: str | Path, quiz: Quiz, vmap: VersionMap | None, data: bytes | None = None) -> Batch:
    """One CSV (answer sheet, Moodle export or forms export) -> Batch."""
    where = str(path)
    raw = read_bytes(path, what="responses file") if data is None else data
    text = decode_text(raw, where=where, what="responses file")
    broken: list[int] = []
    rows = read_csv_rows(text, where, broken)
    if not rows:
        raise InputError("responses file is empty", where=where, fix="give a CSV with a header and rows")
    if len(rows) == 1:
        raise InputError(
            "responses file has a header but no student rows", where=where, fix="add one row per student"
        )
    start = _header_row(rows)
    layout = _layout(rows[start][1], quiz, vmap, where, rows[start + 1 :])
    batch = _rows_to_batch(rows[start:], layout, quiz, vmap, where)
    stray = [
        Rejected(where, line, 'an unbalanced quote (") in this row; fix the row and grade it again')
        for line in broken
        if line > rows[start][0]
    ]
    if stray:
        batch = replace(batch, rejected=batch.rejected + tuple(stray), rows_in=batch.rows_in + len(stray))
    if start:
        skipped = (
            f"{where}: {start} line(s) above the header row (line {rows[start][0]}) are a title, not rows"
        )
        batch = replace(batch, warnings=(skipped, *batch.warnings))
    return batch


def _header_row(rows: list[tuple[int, list[str]]]) -> int:
    """The header is the first row, unless a title line or two stand above a row with a student_id column."""
    for i, (_, cells) in enumerate(rows[:6]):
        headers = [header_key(c) for c in cells]
        if _id_column(headers) is not None or any(_MOODLE_RESPONSE.fullmatch(h) for h in headers):
            return i if i < len(rows) - 1 else 0
    return 0
