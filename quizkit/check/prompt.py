"""Checks on the question text itself: a leaked answer, a dangling pronoun, ill-formed wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizkit.check.findings import Problem, error, short, warning
from quizkit.check.text import key_names, mentions
from quizkit.model import Article, Question

BLANK = "_____"
_BLANK_RUN = re.compile(r"_{3,}")
_PRONOUN_WORDS = "it this that these those they them he she him his her hers its their theirs such"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
# Words a finished English sentence never ends on (prepositions can: "Which bloc does it belong to?").
_DANGLING = frozenset({"a", "an", "the", "and", "or", "but", "nor"})
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_DOUBLED_OK = frozenset({"that", "had", "is"})
_MID_CAPITAL = re.compile(
    r",\s+[\"“]?(A|An|The|This|That|These|Those|It|Its|They|Their|Every|Each|Whoever|Some|Most|Many|"
    r"In|On|At|For|With|As|But|And|Or)\s+[a-z]"
)
_ASKING = ("multiple_choice", "short_answer")
_STATEMENTS = ("true_false", "fill_blank")
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"))


def answer_in_prompt(q: Question, article: Article | None) -> Iterator[Problem]:
    """The key (or an alias of it) is written in the prompt, so the question answers itself."""
    if q.type in ("true_false", "open", "matching", "ordering"):
        return
    for name in key_names(q):
        if mentions(q.prompt, name):
            where = "the sentence around the blank" if q.type == "fill_blank" else "the prompt"
            yield error(
                f"the answer {short(name)} appears in {where}; reword it so the answer is not given "
                "(or ask about something else in the sentence)"
            )
            return


def unresolved_pronoun(q: Question, article: Article | None) -> Iterator[Problem]:
    """The question starts with a pronoun ("It", "This", "They"…) whose referent is not in the question."""
    words = re.findall(r"[A-Za-z’']+", q.prompt)
    first = words[0].lower() if words else ""
    if first in _PRONOUNS:
        yield error(
            f"the question starts with {short(words[0])}, which points back to a sentence the student "
            "has not seen; replace it with the name it stands for"
        )


def ill_formed(q: Question, article: Article | None) -> Iterator[Problem]:
    """Empty or very short text, a missing question mark, unbalanced quotes or brackets, a doubled word,
    a fill-in-the-blank without exactly one blank, a sentence that stops half-way."""
    text = " ".join(q.prompt.split())
    if not text:
        yield error("the prompt is empty; write the question")
        return
    if len(text) < 10 or len(text.split()) < 3:
        yield error(f"the prompt {short(text)} is too short to be understood; write a full question")
    yield from _blanks(q, text)
    if q.type in _ASKING and not text.endswith(("?", ":")) and BLANK not in text:
        yield error("the question does not end with “?”; end it with a question mark (or “:” for a stem)")
    yield from _balance(text)
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in _DOUBLED_OK and not m.group(1).isdigit():
            yield warning(f"the word {short(m.group(1))} is written twice in a row; delete one")
    yield from _unfinished(q, text)
    yield from _casing(text)


def _casing(text: str) -> Iterator[Problem]:
    first = next((ch for ch in text if ch.isalpha()), "")
    if first.islower() and not text.startswith(BLANK):
        yield warning(f"the text starts with a lower-case {short(first)}; capitalise the first word")
    m = _MID_CAPITAL.search(text)
    if m:
        yield warning(
            f"{short(m.group(1))} is capitalised in the middle of the sentence (a pasted sentence start?); "
            "write it in lower case"
        )


def _blanks(q: Question, text: str) -> Iterator[Problem]:
    runs = _BLANK_RUN.findall(text)
    if q.type == "fill_blank" and len(runs) != 1:
        yield error(
            f"a fill-in-the-blank needs exactly one blank “{BLANK}”, this one has {len(runs)}; "
            "blank out one word or phrase"
        )
    elif q.type == "fill_blank" and runs[0] != BLANK:
        yield warning(f"write the blank as five underscores “{BLANK}” so every output draws it the same way")


def _balance(text: str) -> Iterator[Problem]:
    if text.count('"') % 2:
        yield error('a straight quote mark (") is opened but not closed; add or remove one')
    for left, right in _PAIRS:
        depth = 0
        for ch in text:
            depth += (ch == left) - (ch == right)
            if depth < 0:
                break
        if depth != 0:
            yield error(f"“{left}” and “{right}” do not pair up; close or remove the extra one")


def _unfinished(q: Question, text: str) -> Iterator[Problem]:
    core = text.rstrip("\"”’)]' ")
    last = re.findall(r"[\w’']+", core)  # digits and the blank count: "between 1949 and 1989." is finished
    if core.endswith(("...", "…")):
        yield error("the text trails off with “…”; finish the sentence")
    elif q.type in _STATEMENTS and not core.endswith((".", "!", "?")):
        yield error("the statement does not end like a sentence (. ! ?); finish it")
    elif last and last[-1].lower() in _DANGLING and not core.endswith((":", BLANK)):
        yield error(f"the text stops after {short(last[-1])}, half-way through a sentence; finish it")
