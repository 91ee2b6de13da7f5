"""Load and save quizzes (JSON or YAML, validated against ``quiz.schema.json``) and version maps (JSON)."""

from __future__ import annotations

import dataclasses
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from quizkit.errors import FormatError
from quizkit.files import atomic_write, read_text
from quizkit.model import (
    Citation,
    Evidence,
    Question,
    Quiz,
    SourceInfo,
    Version,
    VersionItem,
    VersionMap,
)
from quizkit.versions import settle_display_order, settle_quiz

# --- to plain data -------------------------------------------------------------------------------------


def to_data(obj: Any) -> Any:
    """Dataclasses and tuples -> dicts and lists (JSON-ready), keeping field order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_data(x) for x in obj]
    return obj


def _freeze(value: Any) -> Any:
    """Lists -> tuples, recursively (answers of matching/ordering/open)."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def question_from_data(d: dict[str, Any]) -> Question:
    ev = d.get("evidence")
    return Question(
        id=str(d["id"]),
        type=d["type"],
        prompt=d["prompt"],
        answer=_freeze(d["answer"]),
        choices=tuple(d.get("choices") or ()),
        accepted_answers=tuple(d.get("accepted_answers") or ()),
        evidence=Evidence(ev["text"], int(ev["start"]), int(ev["end"])) if ev else None,
        origin=d.get("origin", "article"),
        sources=tuple(
            Citation(s["url"], str(s["as_of"]), s.get("title", "")) for s in d.get("sources") or ()
        ),
        bloom=d.get("bloom", "remember"),
        difficulty=float(d.get("difficulty", 0.5)),
        points=float(d.get("points", 1.0)),
        explanation=d.get("explanation", ""),
        tags=tuple(d.get("tags") or ()),
        quality=None if d.get("quality") is None else float(d["quality"]),
    )


def quiz_from_data(d: dict[str, Any]) -> Quiz:
    """Build a Quiz from already-validated plain data."""
    src = d.get("source") or {}
    return Quiz(
        title=d.get("title", ""),
        questions=tuple(settle_display_order(question_from_data(q)) for q in d["questions"]),
        source=SourceInfo(**{k: str(v) for k, v in src.items() if k in SourceInfo.__dataclass_fields__}),
        schema_version=str(d.get("schema_version", "1.0")),
        seed=d.get("seed"),
    )


class _AliasRefused(yaml.YAMLError):
    """A YAML alias (``*name``) in a quiz file: refused, since nested aliases expand exponentially."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: YAML aliases (*name) are not allowed in a quiz file")
        self.line = line


class _QuizYamlLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text (``as_of: 2026-11-27`` stays the string the schema expects)
    and refuses aliases: a 1 KB "billion laughs" file of nested aliases would otherwise expand for minutes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark.line + 1)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


_QuizYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# --- validation ----------------------------------------------------------------------------------------


@cache
def quiz_schema() -> dict[str, Any]:
    """The shipped JSON Schema for quiz files."""
    text = resources.files("quizkit").joinpath("quiz.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _path_of(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _import_jsonschema() -> Any:
    """Import jsonschema without its optional ``rfc3987_syntax`` format helper.

    That helper (pulled in by Jupyter's extras) compiles a grammar at import time, about 2 s on this machine,
    for the "iri" format our schema never uses; jsonschema skips it cleanly when it is not importable.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
        return jsonschema
    import jsonschema

    return jsonschema


MAX_QUESTIONS = 5000
"""Far more than any question bank; the schema says the same. Checked first, so a huge file is refused at
once instead of after minutes of validation."""


class QuizFieldError(FormatError):
    """A quiz field that breaks the format; ``path`` leads to it (keys and list indexes)."""

    def __init__(self, what: str, *, where: str = "", fix: str = "", path: tuple[Any, ...] = ()) -> None:
        self.path = path
        super().__init__(what, where=where, fix=fix)


def _compose(text: str) -> Any:
    """PyYAML's node tree of a quiz text (every node keeps its position), or None if it does not parse."""
    try:
        return yaml.compose(text, Loader=_QuizYamlLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _line_at(node: Any, path: Sequence[Any]) -> int:
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)]
            if not found:
                break
            node = found[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            break
    return int(node.start_mark.line) + 1


def locate(text: str, path: Sequence[Any]) -> int | None:
    """The line (1-based) where the field at ``path`` starts in a JSON or YAML quiz text, or None.

    JSON is (nearly always) YAML, so one walk of PyYAML's node tree serves both; a path that leads nowhere
    stops at the deepest field found, which is still the place to look.
    """
    root = _compose(text)
    return None if root is None else _line_at(root, path)


def question_lines(text: str) -> dict[str, int]:
    """Question id -> the line its entry starts on (for reports that point into a hand-edited file)."""
    root = _compose(text)
    if not isinstance(root, yaml.MappingNode):
        return {}
    questions = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "questions"]
    if not questions or not isinstance(questions[0], yaml.SequenceNode):
        return {}
    lines: dict[str, int] = {}
    for node in questions[0].value:
        if isinstance(node, yaml.MappingNode):
            ids = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "id"]
            if ids and isinstance(ids[0], yaml.ScalarNode):
                lines[str(ids[0].value)] = int(node.start_mark.line) + 1
    return lines


def validate_quiz_data(data: Any, *, where: str) -> None:
    """Raise FormatError naming the path of the first bad field. Linear in the number of questions."""
    questions = data.get("questions") if isinstance(data, dict) else None
    if isinstance(questions, list) and len(questions) > MAX_QUESTIONS:
        raise FormatError(
            f"the quiz has {len(questions)} questions, more than the {MAX_QUESTIONS} a quiz file may hold",
            where=where,
            fix="split it into several quiz files",
        )
    jsonschema = _import_jsonschema()

    validator = jsonschema.Draft202012Validator(quiz_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(list(e.absolute_path)), str(e.message)))
    if errors:
        err = errors[0]
        raise QuizFieldError(
            f"invalid quiz at {_path_of(err.absolute_path)}: {err.message[:200]}",
            where=where,
            fix="see docs/quiz-format.md",
            path=tuple(err.absolute_path),
        )
    counts = Counter(q["id"] for q in data["questions"])
    dupes = sorted(i for i, n in counts.items() if n > 1)
    if dupes:
        raise FormatError(
            f"question ids repeat: {', '.join(map(str, dupes))}", where=where, fix="make every id unique"
        )
    for i, q in enumerate(data["questions"]):
        if q["type"] == "ordering" and q.get("choices") and sorted(q["choices"]) != sorted(q["answer"]):
            raise FormatError(
                f"invalid quiz at questions[{i}].choices: an ordering question's choices must be its "
                "answer items in the order they are printed",
                where=where,
                fix="list each answer item once in choices, or leave choices out",
            )
        if q["type"] == "multiple_choice" and q["answer"] not in q["choices"]:
            raise QuizFieldError(
                f"invalid quiz at questions[{i}].answer: the answer is not one of the choices",
                path=("questions", i, "answer"),
                where=where,
                fix="make the answer the exact text of one choice",
            )


# --- files ---------------------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a quiz can use")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        dupes = sorted(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        raise ValueError(f"the key {dupes[0]!r} appears twice in one object")
    return out


def _load_json(text: str, *, where: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"not valid JSON or YAML (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            where=where,
            fix="check the file's syntax (a missing comma, quote or bracket?)",
        ) from None
    except ValueError as exc:  # NaN / Infinity or a repeated key
        raise FormatError(f"not a valid quiz: {exc}", where=where, fix="see docs/quiz-format.md") from None


def _load_yaml(text: str, *, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_QuizYamlLoader)
    except _AliasRefused as exc:
        raise FormatError(
            f"not a valid quiz (line {exc.line}: a YAML alias *name)",
            where=where,
            fix="write the value out in full; quiz files may not use YAML anchors and aliases",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = str(getattr(exc, "problem", "") or "").strip()
        detail = "; ".join(x for x in (at, problem) if x)
        tab = "\\t" in problem or "\t" in problem
        raise FormatError(
            f"not valid JSON or YAML{f' ({detail})' if detail else ''}",
            where=where,
            fix="indent with spaces, not tabs" if tab else "check the file's syntax and indentation",
        ) from None


def _non_finite(data: Any, path: str = "") -> str:
    """Path of the first NaN or infinite number in plain data ("" if none): a YAML .nan, a 1e999."""
    if isinstance(data, float) and not math.isfinite(data):
        return path or "(top level)"
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return ""
    for key, value in items:
        found = _non_finite(value, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip("."))
        if found:
            return found
    return ""


def _not_a_quiz(where: str, why: str) -> FormatError:
    """A file with no ``questions`` at all: most likely the article (or an answer sheet) given by mistake."""
    return FormatError(
        f"not a quiz file: {why}",
        where=where,
        fix="give the quiz written by `quizkit generate`; an article goes to `quizkit generate ARTICLE` first",
    )


def parse_quiz_text(text: str, *, where: str) -> Quiz:
    """Parse JSON or YAML text into a validated Quiz."""
    data: Any
    try:
        if text.lstrip().startswith(("{", "[")):
            data = _load_json(text, where=where)
        else:
            data = _load_yaml(text, where=where)
    except RecursionError:
        raise FormatError(
            "the file nests too deeply to be a quiz", where=where, fix="see docs/quiz-format.md"
        ) from None
    except FormatError as exc:
        if "questions" not in text:
            raise _not_a_quiz(where, f"{exc.what} and has no questions list") from None
        raise
    if not isinstance(data, dict):
        if "questions" not in text:
            raise _not_a_quiz(where, "it has no questions list")
        raise FormatError(
            "not a quiz: expected a JSON/YAML object at the top", where=where, fix="see docs/quiz-format.md"
        )
    bad = _non_finite(data)
    if bad:
        raise FormatError(
            f"invalid quiz at {bad}: not a finite number", where=where, fix="give an ordinary number there"
        )
    try:
        validate_quiz_data(data, where=where)
    except QuizFieldError as exc:
        line = locate(text, exc.path)
        if line is None:
            raise
        raise QuizFieldError(exc.what, where=f"{where}:{line}", fix=exc.fix, path=exc.path) from None
    if not data["questions"]:
        raise FormatError("the quiz has no questions", where=where, fix="add at least one question")
    return quiz_from_data(data)


def load_quiz(path: str | Path) -> Quiz:
    """Read a quiz file (JSON or YAML)."""
    return parse_quiz_text(read_text(path, what="quiz file"), where=str(path))


def dump_quiz(quiz: Quiz, *, fmt: str = "json") -> str:
    """Serialise deterministically (sorted nothing, fixed field order, 2-space indent)."""
    data = to_data(settle_quiz(quiz))  # the display order of matching/ordering lists is stored once
    if fmt == "yaml":
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_quiz(quiz: Quiz, path: str | Path) -> None:
    """Write atomically; ``.yaml``/``.yml`` gives YAML, anything else JSON."""
    fmt = "yaml" if str(path).lower().endswith((".yaml", ".yml")) else "json"
    atomic_write(path, dump_quiz(quiz, fmt=fmt))


# --- version maps --------------------------------------------------------------------------------------


def version_map_from_data(d: Any, *, where: str) -> VersionMap:
    try:
        return VersionMap(
            quiz_title=str(d.get("quiz_title", "")),
            seed=int(d["seed"]),
            versions=tuple(
                Version(
                    letter=str(v["letter"]),
                    code=str(v.get("code", "")),
                    items=tuple(
                        VersionItem(
                            int(it["number"]),
                            str(it["question_id"]),
                            tuple(int(x) for x in it.get("order", ())),
                        )
                        for it in v["items"]
                    ),
                )
                for v in d["versions"]
            ),
            schema_version=str(d.get("schema_version", "1.0")),
            quiz_fingerprint=str(d.get("quiz_fingerprint", "")),
            question_fingerprints=tuple(
                (str(qid), str(fp)) for qid, fp in d.get("question_fingerprints") or ()
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise FormatError(
            f"not a valid version map ({exc!r})", where=where, fix="use the versions.json written by render"
        ) from None


def dump_version_map(vm: VersionMap) -> str:
    return json.dumps(to_data(vm), indent=2, ensure_ascii=False) + "\n"


def save_version_map(vm: VersionMap, path: str | Path) -> None:
    atomic_write(path, dump_version_map(vm))


def load_version_map(path: str | Path) -> VersionMap:
    text = read_text(path, what="version map")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"version map is not valid JSON (line {exc.lineno})",
            where=str(path),
            fix="use the versions.json written by render",
        ) from None
    except RecursionError:
        raise FormatError(
            "version map nests too deeply", where=str(path), fix="use the versions.json written by render"
        ) from None
    except ValueError as exc:  # NaN / Infinity, or an integer too long to read
        raise FormatError(
            f"not a valid version map ({exc})", where=str(path), fix="use the versions.json written by render"
        ) from None
    return version_map_from_data(data, where=str(path))
