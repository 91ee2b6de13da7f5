"""Quotations in the body and whether the article says who spoke.

A quote is *attributed* when its sentence (or the text right around a stand-alone quote paragraph) names a
speaker with a speech verb: '"...," said Jane Doe', 'Jane Doe told reporters: "..."', 'according to the
ministry'. A pull quote standing alone with no speaker nearby is unattributed — a media-literacy point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from quizkit.model import Block, Quote

MIN_INLINE_WORDS = 5
"""Shorter quoted bits inside a paragraph ("scare quotes", a called-it phrase) are not quotations."""

_OPEN_CLOSE = {"“": "”", "«": "»", '"': '"'}
_MARKS = re.compile(r"[“”«»\"]")

_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|wrote|writes|noted|notes|explained|explains|argued|argues"
    r"|insisted|insists|claimed|declared|declares|announced|announces|asked|asks|replied|replies|warned|warns"
    r"|commented|remarked|observed|recalled|recalls|continued|concluded|acknowledged|acknowledges|admitted"
    r"|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|posted|tweeted|suggested|predicted|maintained|added that"
    r"|put it|puts it|pointed out|points out|confirmed|confirms|agreed|described it|called it"
)
_TITLE = (
    r"(?:(?:President|Prime Minister|Foreign Minister|Minister|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor"
    r"|Senator|Gen\.?|General|Ambassador|Secretary|Sheikh|King|Queen|Prince|Chancellor|Spokesman"
    r"|Spokeswoman)\s+)"
)
_NAME = (
    _TITLE
    + r"?[A-Z][\w'’.-]*"
    + r"(?:\s+(?:(?:al|bin|ibn|de|del|der|van|von|la|le|da|di|el|of|for|of the)[\s-]+)?[A-Z][\w'’.-]*){0,4}"
)
_NOUN_PHRASE = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+"
)
_PRONOUN = r"(?:he|she|they|we|I|He|She|They|We)"
_GROUP = (
    r"(?:[A-Za-z][\w'’-]*\s+){0,2}(?:officials|analysts|diplomats|experts|sources|observers|critics|residents"
    r"|leaders|authorities|ministers|researchers|economists|spokespeople|witnesses|organi[sz]ers|lawmakers)"
)
"""A speaker without a determiner: "officials said", "Western diplomats noted"."""


def _speaker(n: int) -> str:
    return rf"(?P<s{n}>{_GROUP}|{_NAME}|{_NOUN_PHRASE}|{_PRONOUN})"


_APPOSITIVE = r"(?:,[^,.!?\"“”]{1,80},)?"
"""", a researcher at the institute," between a speaker and the verb."""

_AFTER = re.compile(
    rf"^[\s,.!?;:…]*(?:(?:{_VERBS})\s+{_speaker(1)}"
    rf"|{_speaker(2)}{_APPOSITIVE}(?:\s+(?:has|had|also|later|then))?\s+"
    rf"(?:{_VERBS})\b|[—–-]\s*{_speaker(3)})"
)
_BEFORE = re.compile(
    rf"{_speaker(1)}{_APPOSITIVE}(?:\s+(?:has|had|also|later|then|once))?\s+(?:{_VERBS})\b"
    r"[^.!?\"“”]{0,60}?[,:]?\s*"
    r"(?:that\s+)?$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<s1>[^,.;:!?\"“”()]{2,60}?)(?=\s*[,.;:!?\"“”()]|$)")
_DASH_LINE = re.compile(rf"^[—–-]\s*{_speaker(1)}")
_CONTEXT = 240
"""Characters of the sentence looked at on each side of a quotation."""
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s+(?=[A-Z\"“])")
_PRONOUNS = {"he", "she", "they", "we", "i"}


def titled(inner: str) -> bool:
    """Words in title case ("A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster"):
    a book's or a film's name in quotation marks, not someone's words."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", inner) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=1024)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the text inside each pair of quotation marks; an unclosed quote that opens the
    paragraph runs to its end (news style for a quotation continued in the next paragraph)."""
    spans: list[tuple[int, int]] = []
    opener = ""
    start = 0
    for m in _MARKS.finditer(text):
        ch = m.group()
        if not opener and ch in _OPEN_CLOSE:
            opener, start = ch, m.start()
        elif opener and ch == _OPEN_CLOSE[opener]:
            spans.append((start + 1, m.start()))
            opener = ""
    if opener and start == 0:
        spans.append((1, len(text)))
    return tuple(spans)


def is_quote_block(text: str) -> bool:
    """A paragraph that is one quotation and nothing else (a pull quote)."""
    spans = quote_spans(text)
    if len(spans) != 1 or spans[0][0] != 1:
        return False
    tail = text[spans[0][1] :]
    return len(tail) <= 2 and all(c in '”»".,!?…' for c in tail)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and the trailing comma/colon a quotation carries before its attribution."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last sentence end before it to the next one after."""
    s = max(0, start - _CONTEXT)
    for m in _SENTENCE_END.finditer(text, s, start):
        s = m.end()
    after = _SENTENCE_END.search(text, end, end + _CONTEXT)
    return s, after.start() + 1 if after else min(len(text), end + _CONTEXT)


def _who(m: re.Match[str]) -> str:
    """The speaker group that matched, without trailing punctuation."""
    found = next((g for k, g in m.groupdict().items() if k.startswith("s") and g), "")
    return found.strip().rstrip(",.;:")


def _attribution(before: str, after: str) -> tuple[bool, str]:
    """(attributed, speaker) from the text before and after a quotation in its sentence."""
    m = _AFTER.match(after) or _BEFORE.search(before) or _ACCORDING.search(f"{before} {after}")
    return (True, _who(m)) if m else (False, "")


def _adjacent(blocks: Sequence[Block], i: int) -> tuple[bool, str]:
    """Attribution of a stand-alone quote paragraph by the paragraphs around it."""
    if i > 0 and blocks[i - 1].kind != "heading":
        prev = blocks[i - 1].text.rstrip()
        if prev.endswith(":"):
            m = _BEFORE.search(prev[:-1].rstrip() + ":") or _ACCORDING.search(prev)
            if m:
                return True, _who(m)
    if i + 1 < len(blocks):
        nxt = blocks[i + 1].text
        m = _DASH_LINE.match(nxt)
        if m or len(nxt.split()) <= 25:
            m = m or _AFTER.match(nxt)
            if m:
                return True, _who(m)
    return False, ""


def _resolve(speaker: str, last_named: str) -> str:
    """A pronoun speaker ("he said") stands for the last named speaker, when there is one."""
    return last_named if speaker.lower() in _PRONOUNS else speaker


def find_quotes(blocks: Sequence[Block]) -> tuple[Quote, ...]:
    """Every quotation in the blocks, with offsets into the body (block offsets are body offsets)."""
    quotes: list[Quote] = []
    last_named = ""
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        for q in _block_quotes(blocks, i):
            speaker = _resolve(q.speaker, last_named)
            if speaker and speaker.lower() not in _PRONOUNS and speaker[0].isupper():
                last_named = speaker
            quotes.append(Quote(q.text, q.start, q.end, q.attributed, speaker))
    return tuple(quotes)


def _block_quotes(blocks: Sequence[Block], i: int) -> Iterator[Quote]:
    block = blocks[i]
    text = block.text
    spans = quote_spans(text)
    whole = is_quote_block(text)
    standalone = whole or block.kind == "quote"
    for open_at, close_at in spans:
        qs, qe = _trim(text, open_at, close_at)
        if qe <= qs:
            continue
        inner = text[qs:qe]
        if not standalone and len(inner.split()) < MIN_INLINE_WORDS:
            continue
        if titled(inner):
            continue  # "In her book “A Paradise Built in Hell: The Extraordinary Communities …”": a title
        s, e = _sentence_bounds(text, open_at - 1, close_at + 1)
        before = text[max(s, open_at - 1 - _CONTEXT) : max(s, open_at - 1)]
        after = text[min(close_at + 1, len(text)) : min(e, close_at + 1 + _CONTEXT)]
        attributed, speaker = _attribution(before, after)
        if not attributed and whole:
            attributed, speaker = _adjacent(blocks, i)
        yield Quote(inner, block.start + qs, block.start + qe, attributed, speaker)
    prev = blocks[i - 1] if i > 0 else None
    beside_marked = prev is not None and prev.kind == "quote" and bool(quote_spans(prev.text))
    if block.kind == "quote" and not spans and not _DASH_LINE.match(text) and not beside_marked:
        # A block quote without quotation marks is still a quotation, unless it is the attribution line
        # ("— Jane Doe") or the reporter's words after a quoted paragraph in the same block quote.
        attributed, speaker = _adjacent(blocks, i)
        yield Quote(text, block.start, block.end, attributed, speaker)
