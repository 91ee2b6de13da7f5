"""The lesson's notebook answers (JSON, format "quizkit-answers" version 1): one object or a list of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quizkit.errors import FormatError
from quizkit.files import decode_text, read_bytes
from quizkit.grade.cells import interpret, pick
from quizkit.grade.sheets import Batch, Rejected, Response, Sheet
from quizkit.model import Question, Quiz
from quizkit.versions import master_options, matching_rows


def _json_response(q: Question, raw: Any) -> Response:
    if raw is None or (isinstance(raw, str | list) and not raw):
        return Response("", None)
    if q.type == "true_false" and isinstance(raw, bool):
        return Response("True" if raw else "False", raw)
    if q.type in ("matching", "ordering") and isinstance(raw, list):
        if q.type == "matching":
            lefts, rights = [a for a, _ in matching_rows(q)], master_options(q)
            pairs = tuple(
                (pick(str(p[0]), lefts) or str(p[0]), pick(str(p[1]), rights) or str(p[1]))
                for p in raw
                if isinstance(p, list | tuple) and len(p) == 2
            )
            return Response("; ".join(f"{a} -> {b}" for a, b in pairs), pairs)
        items = tuple(pick(str(x), master_options(q)) or str(x) for x in raw)
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
    except RecursionError:
        raise FormatError(
            "JSON nested too deeply to be an answers file",
            where=where,
            fix="give the file the quiz widget saved",
        ) from None
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
        given = obj.get("student_id")
        if given is not None and (isinstance(given, bool) or not isinstance(given, str | int)):
            # NaN, 1.5, a list or an object would be graded under a made-up id ("nan", "['a']")
            kind = type(given).__name__.replace("float", "number").replace("dict", "object")
            rejected.append(Rejected(where, n, f"student_id is a {kind}, not text"))
            continue
        student = str(given or "").strip()
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
