"""Checks on a question's evidence: the answer is in it, it is really in the article, it is not boilerplate."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizkit.check.findings import Problem, error, short, warning
from quizkit.check.text import NEGATION, capitalised_spans, content_words, mentions, names_of, numbers
from quizkit.model import Article, Evidence, Question

_TEXT_KEYED = ("multiple_choice", "fill_blank", "short_answer")

# Lines scraped from a web page around the story, not part of it (compare the reader's boilerplate list).
_BOILERPLATE = re.compile(
    r"""^(?:
      more|more\s+news|more\s+stories|read\s+more.*|read\s+also.*|also\s+read.*
      |related|related\s+(?:articles?|stories|news|content|coverage)\b.*
      |editor'?s?\s+(?:choice|picks?)\b.*|top\s+stories\b.*|trending(?:\s+now)?\b.*|most\s+(?:read|popular|viewed)\b.*
      |advertisement|sponsored(?:\s+content)?|comments?(?:\s*\(\d+\).*)?|\d+\s+comments?\b.*
      |about\s+us\b.*|.*\|\s*(?:privacy\s+policy|terms\s+of\s+(?:use|service)|contact(?:\s+us)?)\b.*
      |.*\ball\s+rights\s+reserved\b.*|(?:©|copyright\s+©?)\s*\d{4}.*
      |(?:share|follow\s+us|subscribe|sign\s+up|log\s*in|sign\s+in)\b.*
      |.*\b(?:app\s+store|google\s+play|download\s+(?:the|our)\s+app|open\s+in\s+(?:the\s+)?app)\b.*
      |.*\bnewsletter\b.*|.*\bcookies?\b.*(?:accept|consent|polic).*|click\s+here.*|watch\s*:.*|listen\s*:.*
      |(?:photo|image|picture|file\s+photo|video)\s*(?:credit)?s?\s*[:(|/-].*|\(?(?:photo|image)\s*:.*
      |.*(?:/|\|)\s*(?:getty\s+images|reuters|ap\s+photo|afp|shutterstock|pti|ani)\)?\s*
      |(?:by|written\s+by|reported\s+by|edited\s+by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}
        (?:\s*,\s*[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4}|\s*\|.*)?
      |(?:updated|published|posted|last\s+updated|first\s+published)\s*(?:on|:).*
      |\d{4}-\d\d-\d\d|(?:[A-Z][\w&.'’-]*\s+){1,6}[—–-]\s*\d{4}-\d\d-\d\d
    )$""",
    re.I | re.X,
)
_HASHTAG = re.compile(r"(?<!\w)#\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")


def answer_not_in_evidence(q: Question, article: Article | None) -> Iterator[Problem]:
    """The evidence does not contain the key: the answer of a multiple-choice, fill-in or short-answer
    question, every left item of a matching question, every item of an ordering question; or, for a false
    true/false statement, nothing in it differs from the evidence, so it may well be true."""
    ev = q.evidence
    if ev is None or q.origin != "article" or "vocabulary" in q.tags:
        return
    if q.type in _TEXT_KEYED and isinstance(q.answer, str):
        if not found_in(q.answer, q.accepted_answers, ev.text):
            yield error(
                f"the answer {short(q.answer)} is not in the evidence {short(ev.text, 80)}; point the evidence "
                "at the sentence that states it, or fix the answer"
            )
    elif q.type == "true_false" and isinstance(q.answer, bool):
        yield from _true_false_grounded(q.prompt, q.answer, ev.text)
    elif q.type in ("matching", "ordering") and isinstance(q.answer, tuple):
        items = [str(x[0]) if isinstance(x, tuple) else str(x) for x in q.answer]
        missing = [item for item in items if not found_in(item, (), ev.text)]
        if missing:
            what = "left item" if q.type == "matching" else "item"
            # An ordering's dates are often spread over several sections, which one evidence span cannot
            # hold without swallowing headings: the teacher is told, the question is not blocked.
            report = error if q.type == "matching" else warning
            yield report(
                f"the {what} {short(missing[0])} is not in the evidence"
                f"{f' (nor {len(missing) - 1} more)' if len(missing) > 1 else ''}; let the evidence span "
                "every sentence the answer comes from, or drop the item"
            )


def found_in(answer: str, accepted: tuple[str, ...], evidence: str) -> bool:
    """The answer, an accepted answer or an alias is written in the evidence; else, for a longer answer,
    all its numbers and at least 60% of its content words are."""
    if any(mentions(evidence, n) for n in names_of(answer, accepted)):
        return True
    key_numbers = set(numbers(answer))
    if key_numbers and not key_numbers <= set(numbers(evidence)):
        return False
    words = content_words(answer)
    if not words:
        return bool(key_numbers)
    have = {w[:5] for w in content_words(evidence)}
    return len(words) >= 2 and sum(w[:5] in have for w in words) / len(words) >= 0.6


def _span_present(evidence: str, span: str) -> bool:
    if any(mentions(evidence, n) for n in names_of(span)):
        return True
    words = [w for w in content_words(span) if not w.isdigit()]
    span_numbers = set(numbers(span))
    if not words and not span_numbers:
        return False  # nothing left to compare ("U.A.E." folds to single letters) and no alias matched
    return span_numbers <= set(numbers(evidence)) and all(mentions(evidence, w) for w in words)


def _true_false_grounded(prompt: str, answer: bool, evidence: str) -> Iterator[Problem]:
    novel = [s for s in capitalised_spans(prompt) if not _span_present(evidence, s)]
    if answer and novel:
        yield warning(
            f"the statement is marked true but names {short(novel[0])}, which the evidence does not; "
            "check that it is true or point the evidence at the right sentence"
        )
    if not answer and not novel:
        have = set(content_words(evidence))  # exact forms: "smallest" is not "smaller"
        changed = [w for w in content_words(prompt) if w not in have]
        negated = len(NEGATION.findall(prompt)) != len(NEGATION.findall(evidence))
        if not changed and not negated:
            yield error(
                "the statement is marked false but says nothing the evidence does not; swap in a wrong "
                "name, date or number (or mark it true)"
            )


def evidence_not_in_article(q: Question, article: Article | None) -> Iterator[Problem]:
    """The evidence text is not found at its offsets in the article body (``body[start:end] == text``)."""
    ev = q.evidence
    if ev is None:
        return
    if not ev.text.strip():
        yield error("the evidence text is empty; quote the source sentence or set evidence to null")
    elif ev.start > ev.end or ev.end - ev.start != len(ev.text):
        yield error(
            f"the evidence offsets {ev.start}–{ev.end} do not span its {len(ev.text)} characters; "
            "set end = start + length of the text"
        )
    elif article is not None and article.body[ev.start : ev.end] != ev.text:
        yield error(_misplaced(ev, article.body))


def _misplaced(ev: Evidence, body: str) -> str:
    at = body.find(ev.text)
    if at >= 0:
        return (
            f"the evidence is in the article but not at {ev.start}–{ev.end}; "
            f"set start {at} and end {at + len(ev.text)}"
        )
    return f"the evidence {short(ev.text, 80)} is not in the article; quote the article's sentence exactly"


def boilerplate_evidence(q: Question, article: Article | None) -> Iterator[Problem]:
    """The evidence is page furniture ("Read more", app banners, hashtags, photo credits, a byline) or a
    heading, not a sentence of the story."""
    ev = q.evidence
    if ev is None or not ev.text.strip():
        return
    text = " ".join(ev.text.split())
    if _BOILERPLATE.match(text) or len(_HASHTAG.findall(text)) >= max(2, len(text.split()) // 2):
        yield error(
            f"the evidence {short(text)} is web-page boilerplate, not the story; base the question on a "
            "sentence of the article"
        )
    elif _is_heading(ev, text, article):
        yield error(
            f"the evidence {short(text)} is a heading, not a sentence; base the question on a sentence "
            "of the article"
        )
    elif article is not None and any(r == text or (len(text) >= 20 and text in r) for r in article.removed):
        yield error(f"the evidence {short(text)} is a line the reader removed as boilerplate; use another")


def _is_heading(ev: Evidence, text: str, article: Article | None) -> bool:
    if article is not None and article.body[ev.start : ev.end] == ev.text:
        for block in article.blocks:
            if block.start <= ev.start and ev.end <= block.end:
                return block.kind == "heading"
    return len(text.split()) <= 12 and not _SENTENCE_END.search(text)
