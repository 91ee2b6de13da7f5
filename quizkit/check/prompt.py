"""Checks on the question text itself: a leaked answer, a dangling pronoun, ill-formed wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizkit.check.findings import Problem, error, short, warning
from quizkit.check.text import STOPWORDS, key_names, mentions
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
    """The question starts with a pronoun ("It", "This", "They"…) whose referent is not in the question
    (error), or uses one before anything it could refer to: "most of its oil", "loaded there" (warning)."""
    words = re.findall(r"[A-Za-z’']+", q.prompt)
    first = words[0].lower() if words else ""
    if first in _PRONOUNS and not _DUMMY_IT.match(q.prompt.lstrip("\"“'‘ ")):
        yield error(
            f"the question starts with {short(words[0])}, which points back to a sentence the student "
            "has not seen; replace it with the name it stands for"
        )
        return
    speaker = _first_person(q)
    if speaker:
        yield error(
            f"the statement says {short(speaker)} without saying who is speaking (words from a quotation "
            "given as the article's own); quote and attribute them, or name the people meant"
        )
        return
    dangling = _dangling_reference(q.prompt)
    if dangling:
        yield warning(
            f"{short(dangling)} comes before anything it could refer to (a sentence the student has not "
            "seen); replace it with the name it stands for"
        )


_FIRST_PERSON = frozenset(["i", "me", "my", "mine", "we", "us", "our", "ours"])


def _first_person(q: Question) -> str:
    """A first-person word outside quotation marks in a statement: a speaker's words cut from their quote."""
    if q.type not in _STATEMENTS:
        return ""
    for tok in re.findall(r"[A-Za-z’']+", _QUOTED.sub(" ", q.prompt)):
        if tok.lower() in _FIRST_PERSON and tok != "US":  # "the US" is a country
            return str(tok)
    return ""


_DUMMY_IT = re.compile(
    r"It\s+(?:is|was|seems|seemed|appears|appeared|remains|remained|became|has been|had been)\s+"
    r"(?:[\w-]+\s+){0,2}(?:that|to|for|whether|how|why|when)\b"
)
"""“It is clear that…”, “It was in 2025 that…”: an empty subject, not a pointer to an earlier sentence."""
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_ATTRIBUTION = re.compile(
    r"^(?:according to (?:the|this) article|in (?:the|this) article|the article says(?: that)?)[,:]?\s*", re.I
)
_REFERRING_WORDS = "he she him his her they them their its"
_IT_AFTER_WORDS = "of in to for with on at from by about into through across use used uses using"
_DETERMINER_WORDS = "the a an this that these those which what whose"
_BE_WORDS = "is are was were be been had has have will would could might may must seem seems seemed"
_REFERRING = frozenset(_REFERRING_WORDS.split())
_IT_AFTER = frozenset(_IT_AFTER_WORDS.split())
"""After these, "it" is an object pointing back ("of it", "used it"), not the dummy "it is"."""
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())
_BE = frozenset(_BE_WORDS.split())
"""After these, "there" is existential ("there had been"), not a place."""


def _dangling_reference(prompt: str) -> str:
    """The first pronoun with no possible antecedent before it: no proper name, and (except for "there")
    no noun phrase opened by a determiner. Quoted text is skipped: a quotation keeps its own pronouns."""
    text = _ATTRIBUTION.sub("", _QUOTED.sub(" ", prompt).strip())
    tokens = re.findall(r"[A-Za-z’']+|\d+|_{3,}", text)
    for i, tok in enumerate(tokens):
        low = tok.lower()
        before = tokens[:i]
        referring = (
            low in _REFERRING
            or (low == "there" and i > 0 and (tokens[i + 1 : i + 2] or [""])[0].lower() not in _BE)
            or (low == "it" and i > 0 and before[-1].lower() in _IT_AFTER)
        )
        if not referring:
            continue
        named = any(
            (t.startswith("_") and low not in ("it", "there"))
            or (t[:1].isupper() and t != "I" and (j > 0 or t.lower() not in STOPWORDS))
            for j, t in enumerate(before)
        )  # a name, or the blank, which stands for one
        noun_phrase = low != "there" and any(t.lower() in _DETERMINERS for t in before)
        return "" if named or noun_phrase else tok
    return ""


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
        if left not in text and right not in text:
            continue
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
