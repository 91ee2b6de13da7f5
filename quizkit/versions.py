"""Shuffled versions A, B, C… of a quiz, and the version map that undoes the shuffle.

A version shuffles the question order and, inside a question, the lettered options: multiple-choice
choices, the right-hand column of a matching question, the items of an ordering question. True/false keeps
True, False. In a *version* quiz ``choices`` holds exactly what is printed as letters A, B, … in that order
(for matching and ordering too); ``VersionItem.order[i]`` is the master index of printed letter i.
The master's own order is stored once in the quiz (``settle_display_order``); nothing lays options out
any other way, so a letter means the same thing in show, every printout, every export and the grader.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
from dataclasses import replace

from quizkit.errors import InputError, QuizkitError
from quizkit.model import Question, Quiz, Version, VersionItem, VersionMap

MAX_VERSIONS = 100
"""More than any class needs (one version per student): 100 versions in every format render in about 12 s
on a 2-core machine; the letters go A…Z, then AA, AB…"""

Key = str | tuple[str, ...]
"""A printed key: one letter (multiple choice), "True"/"False", or one letter per row (matching, ordering)."""


def version_letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA …"""
    letters = string.ascii_uppercase
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]


def option_letter(i: int) -> str:
    """Letter of the i-th printed option (A, B, … Z, then AA…)."""
    return version_letter(i)


def master_options(q: Question) -> tuple[str, ...]:
    """The lettered things of a master question in its display order (what ``VersionItem.order`` indexes).

    Multiple choice: ``choices``. Matching and ordering: ``choices`` when it already holds the whole
    lettered list (every right-hand item / every item once, as ``settle_display_order`` stores it), else
    the same fixed order ``settle_display_order`` would store, so every view agrees even on a quiz built
    in memory or written by hand.
    """
    if q.type == "multiple_choice":
        return q.choices
    if q.type in ("matching", "ordering"):
        return _display_order(q)
    return ()


def _needed(q: Question) -> tuple[str, ...]:
    """Matching: right-hand items once each (two people may share a country), then extras; ordering: items."""
    if q.type == "ordering":
        return tuple(dict.fromkeys(answer_items(q)))
    rights = tuple(dict.fromkeys(r for _, r in matching_rows(q)))
    return rights + tuple(c for c in dict.fromkeys(q.choices) if c not in rights)


def _display_order(q: Question) -> tuple[str, ...]:
    needed = _needed(q)
    stored = tuple(dict.fromkeys(q.choices))
    if set(stored) == set(needed) and len(stored) == len(needed):
        return stored
    # No stored order (a quiz from generation or by hand, or an older file): one fixed order drawn from
    # the question's own id and items, so it is the same in every run and every view.
    order = list(needed)
    random.Random("quizkit-display:" + q.id + "\x1f" + "\x1f".join(sorted(needed))).shuffle(order)
    if len(order) > 1 and _reads_as_key(q, tuple(order)):
        order = order[1:] + order[:1]
    return tuple(order)


def _reads_as_key(q: Question, shown: tuple[str, ...]) -> bool:
    """Whether the key would be A, B, C… in this order (the answer given away by the layout)."""
    if q.type == "ordering":
        return shown == answer_items(q)
    rights = [r for _, r in matching_rows(q)]
    return tuple(shown[: len(rights)]) == tuple(rights)


def settle_display_order(q: Question) -> Question:
    """The question with its lettered list stored in ``choices`` in display order (a no-op for other types).

    The one place the order of a matching question's right-hand column and an ordering question's items is
    decided: show, the teacher edition, every format, the versions and the grader all read it back through
    ``master_options``. Saving and loading a quiz apply it, so the file on disk holds the order once.
    """
    if q.type not in ("matching", "ordering"):
        return q
    shown = _display_order(q)
    return q if shown == q.choices else replace(q, choices=shown)


def settle_quiz(quiz: Quiz) -> Quiz:
    """``settle_display_order`` on every question (a post-generation / load step)."""
    settled = tuple(settle_display_order(q) for q in quiz.questions)
    return quiz if settled == quiz.questions else replace(quiz, questions=settled)


def matching_rows(q: Question) -> tuple[tuple[str, str], ...]:
    """The (left, right) pairs of a matching question."""
    answer = q.answer if isinstance(q.answer, tuple) else ()
    return tuple((str(pair[0]), str(pair[1])) for pair in answer if isinstance(pair, tuple))


def answer_items(q: Question) -> tuple[str, ...]:
    """The answer as a tuple of texts: ordering items, open key points (a single answer -> one item)."""
    if isinstance(q.answer, tuple):
        return tuple(str(x) for x in q.answer)
    return (str(q.answer),)


def key_points(q: Question) -> str:
    """An open question's key points as one line a teacher reads: phrases joined with "; ", sentences
    numbered, each keeping its own full stop ("Key points: (1) … (2) …"; joined with "; " they read ".;")."""
    points = [p.strip() for p in answer_items(q) if p.strip()]
    if len(points) < 2 or not any(p[-1] in _STOPS for p in points):
        return "Key points: " + "; ".join(points)  # short phrases: "balancing between powers; closer ties"
    whole = [p if p[-1] in _STOPS else p + "." for p in points]
    return "Key points: " + " ".join(f"({i}) {p}" for i, p in enumerate(whole, 1))


_STOPS = frozenset('.!?…”"')


def _shuffled_question(q: Question, rng: random.Random) -> tuple[Question, tuple[int, ...]]:
    options = master_options(q)
    if not options:
        return q, ()
    order = list(range(len(options)))
    rng.shuffle(order)
    shown = tuple(options[j] for j in order)
    if q.type in ("matching", "ordering") and len(order) > 1 and _reads_as_key(q, shown):
        # Printed with the key as A, B, C…, the layout would give the answer away: rotate.
        order = order[1:] + order[:1]
        shown = tuple(options[j] for j in order)
    return replace(q, choices=shown), tuple(order)


def make_versions(quiz: Quiz, n: int, seed: int) -> tuple[VersionMap, tuple[Quiz, ...]]:
    """Versions A, B, … of ``quiz`` (new objects) and the map from printed numbers/letters to the master."""
    if n < 1 or n > MAX_VERSIONS:
        raise QuizkitError(
            f"cannot make {n} versions", where="--versions", fix=f"choose a number from 1 to {MAX_VERSIONS}"
        )
    rng = random.Random(f"quizkit-versions:{seed}")  # a str seed is stable across Python runs
    versions: list[Version] = []
    quizzes: list[Quiz] = []
    for v in range(n):
        positions = list(range(len(quiz.questions)))
        rng.shuffle(positions)
        items: list[VersionItem] = []
        questions: list[Question] = []
        for number, pos in enumerate(positions, start=1):
            vq, order = _shuffled_question(quiz.questions[pos], rng)
            items.append(VersionItem(number, vq.id, order))
            questions.append(vq)
        versions.append(Version(version_letter(v), tuple(items)))
        quizzes.append(replace(quiz, questions=tuple(questions)))
    fingerprint = quiz_fingerprint(quiz)
    coded = tuple(replace(v, code=version_code(v, fingerprint, seed)) for v in versions)
    vmap = VersionMap(
        quiz_title=quiz.title,
        seed=seed,
        versions=coded,
        quiz_fingerprint=fingerprint,
        question_fingerprints=tuple((q.id, question_fingerprint(q)) for q in quiz.questions),
    )
    return vmap, tuple(quizzes)


# --- fingerprints and version codes ----------------------------------------------------------------------

_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U to misread
CODE_SEP = "·"


def quiz_fingerprint(quiz: Quiz) -> str:
    """A short hash of what printed numbers and letters mean: each question's id and type, its lettered
    options in display order and a matching question's rows. Points, wording of prompts, accepted answers
    and keys may change after printing (a teacher fixing a key must still be able to grade); these may not."""
    parts = sorted(_letter_parts(q) for q in quiz.questions)
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _letter_parts(q: Question) -> tuple[str, str, list[str], list[str]]:
    return q.id, q.type, list(master_options(q)), [left for left, _ in matching_rows(q)]


def question_fingerprint(q: Question) -> str:
    """The same as ``quiz_fingerprint`` for one question (8 hex digits)."""
    blob = json.dumps(_letter_parts(q), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


def version_code(version: Version, fingerprint: str, seed: int) -> str:
    """ "B·7F3K": the letter and four base-32 characters from the quiz fingerprint, seed and this version's
    layout, so copies printed from another map (another seed or quiz) carry another code."""
    layout = ";".join(f"{it.number}:{it.question_id}:{','.join(map(str, it.order))}" for it in version.items)
    digest = hashlib.sha256(f"{fingerprint}|{seed}|{version.letter}|{layout}".encode()).digest()
    n = int.from_bytes(digest[:4], "big")
    tail = "".join(_CODE_ALPHABET[(n >> (5 * i)) & 31] for i in range(4))
    return f"{version.letter}{CODE_SEP}{tail}"


def version_label(version: Version) -> str:
    """What a copy prints as its version: the code when the map has one, else the letter."""
    return version.code or version.letter


_CODE_CELL = re.compile(r"([A-Za-z]{1,2})\s*(?:[·.:/_ -]\s*)?([0-9A-Za-z]{4})?")


def split_version_cell(cell: str) -> tuple[str, str]:
    """ "B·7F3K", "b-7f3k", "B 7F3K", "B7F3K" or "B" -> ("B", "7F3K" or ""). Anything else -> (cell, "")."""
    text = cell.strip().replace("•", CODE_SEP).replace("∙", CODE_SEP)
    m = _CODE_CELL.fullmatch(text)
    if not m:
        return text.upper(), ""
    # Crockford decoding: O reads as 0, I and L as 1 (what a hurried hand writes)
    tail = (m.group(2) or "").upper().translate(str.maketrans("OIL", "011"))
    return m.group(1).upper(), tail


def check_map(vmap: VersionMap, quiz: Quiz, *, where: str) -> None:
    """Refuse, in one line, a version map that does not belong to ``quiz`` as it is now."""
    fix = "grade with the versions.json written when these copies were printed, and the quiz file as it was then"
    if not vmap.quiz_fingerprint:
        raise InputError(
            "this version map has no quiz fingerprint (it was written by an older quizkit), so it cannot be "
            "checked against the quiz",
            where=where,
            fix="render the versions again with this quizkit and print those copies",
        )
    if vmap.quiz_fingerprint != quiz_fingerprint(quiz):
        changed = _what_changed(vmap, quiz)
        raise InputError(
            f"this version map was made from another version of the quiz ({changed})",
            where=where,
            fix=fix,
        )
    for v in vmap.versions:
        for it in v.items:
            n = len(master_options(quiz.question(it.question_id)))
            if sorted(it.order) != list(range(n)):
                raise InputError(
                    f"version {v.letter} question {it.number} ({it.question_id}) has an order that does not "
                    f"fit its {n} options",
                    where=where,
                    fix=fix,
                )


def _what_changed(vmap: VersionMap, quiz: Quiz) -> str:
    known = {q.id for q in quiz.questions}
    in_map = {it.question_id for v in vmap.versions for it in v.items}
    if in_map - known:
        return f"the quiz no longer has question {sorted(in_map - known)[0]}"
    if known - in_map:
        return f"question {sorted(known - in_map)[0]} was added since printing"
    for v in vmap.versions:
        for it in v.items:
            if len(it.order) != len(master_options(quiz.question(it.question_id))):
                return f"question {it.question_id}{_printed_as(vmap, it.question_id)} has a different number of options"
    for qid, fp in vmap.question_fingerprints:
        if qid in known and question_fingerprint(quiz.question(qid)) != fp:
            return f"the options of question {qid}{_printed_as(vmap, qid)} were reordered or edited since printing"
    return "options were reordered, edited or replaced since printing"


def _printed_as(vmap: VersionMap, qid: str) -> str:
    """ " (number 7 on version A)" for the first version that printed the question."""
    for v in vmap.versions:
        for it in v.items:
            if it.question_id == qid:
                return f" (number {it.number} on version {v.letter})"
    return ""


def identity_version(quiz: Quiz) -> tuple[Version, Quiz]:
    """The master as a "version": master order, options unshuffled (for the teacher edition)."""
    items = tuple(
        VersionItem(i, q.id, tuple(range(len(master_options(q))))) for i, q in enumerate(quiz.questions, 1)
    )
    questions = tuple(
        replace(q, choices=master_options(q)) if master_options(q) else q for q in quiz.questions
    )
    return Version("M", items), replace(quiz, questions=questions)


# --- keys ----------------------------------------------------------------------------------------------


def printed_key(vq: Question) -> Key:
    """The key as printed on a version: letters for lettered questions, True/False, or the answer text."""
    if vq.type == "multiple_choice":
        return option_letter(vq.choices.index(str(vq.answer)))
    if vq.type == "true_false":
        return "True" if vq.answer else "False"
    if vq.type == "matching":
        return tuple(option_letter(vq.choices.index(right)) for _, right in matching_rows(vq))
    if vq.type == "ordering":
        return tuple(option_letter(vq.choices.index(item)) for item in answer_items(vq))
    if vq.type == "open":
        return answer_items(vq)
    return str(vq.answer)


def key_string(key: Key) -> str:
    """A key as one short string: "B", "True", "CAB" for rows (letters joined; '-'-joined if any is long)."""
    if isinstance(key, str):
        return key
    return "".join(key) if all(len(k) == 1 for k in key) else "-".join(key)


def letter_index(letter: str) -> int:
    """Inverse of ``option_letter``."""
    letters = string.ascii_uppercase
    if len(letter) == 1:
        return letters.index(letter)
    return (letters.index(letter[0]) + 1) * 26 + letters.index(letter[1])


def to_master(item: VersionItem, letters: Key) -> Key:
    """Translate a printed answer (letters of one version) into master option indices, as letters of the master."""
    if not item.order:
        return letters
    if isinstance(letters, str):
        return option_letter(item.order[letter_index(letters)])
    return tuple(option_letter(item.order[letter_index(x)]) for x in letters)
