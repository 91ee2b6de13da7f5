"""From raw blocks (whatever the input format) to an ``Article``: metadata lines, boilerplate, summary, body.

Every reader (text, Markdown, HTML) produces a list of ``Raw`` blocks and whatever metadata its format
carries; the line-level work is the same for all three and lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizkit.article import debris
from quizkit.article.clean import (
    is_boilerplate,
    looks_like_headline,
    split_trailing_credit,
    starts_link_list,
)
from quizkit.article.meta import (
    Meta,
    date_only,
    names_only,
    norm,
    parse_byline,
    parse_published,
    parse_publisher_date,
)
from quizkit.article.quotes import find_quotes, is_quote_block
from quizkit.model import Article, Block, BlockKind

META_ZONE = 8
"""Bylines and date lines are looked for among the first and last this-many blocks only."""
TITLE_MAX_WORDS = 30
HEADING_MAX_WORDS = 14
LINK_LIST_FROM = 0.5
"""A bare "Related articles" label in the last half of the page starts a list of headline links."""
_SEE_ALSO = re.compile(r"^\s*see also\b", re.I)
"""A "see also" label starts one wherever it stands."""

_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LABELS = (
    r"(?:the\s+)?author'?[’']?s summary|summary|in short|in brief|tl;?\s?dr|key takeaways?"
    r"|(?:the\s+)?bottom line"
    r"|key points|at a glance|the gist"
)
_LABEL_WITH_TEXT = re.compile(rf"^(?:{_LABELS})\s*[:—–-]\s*(?=\S)", re.I)
_LABEL_ONLY = re.compile(rf"^(?:{_LABELS})\s*:?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;,\"”’)]$")
_AD_WORD = re.compile(r"^(?:date|posted|published on)\s*:?\s+(?=\d)|\s*\badvertisement\b\s*", re.I)
"""Labels around a bare date line ("date 2020-06-10 Advertisement")."""
DATELINE_ZONE = 3
TITLE_SEARCH = 12
"""Lines above the headline that are not one (a section label, a ticker) are passed over among the first
this-many; after that the text has no recognisable title."""
"""A dateline ("NASHVILLE, Tenn. (AP) —") opens one of the first this-many paragraphs."""


@dataclass(frozen=True, slots=True)
class Raw:
    """A block as the format gave it; ``kind`` None means "work it out from the line" (plain text)."""

    text: str
    kind: BlockKind | None = None


@dataclass(slots=True)
class _Found:
    """Metadata collected while walking the blocks (mutable scratch, local to one ``assemble`` call)."""

    publisher: str = ""
    date: str = ""
    updated: str = ""
    byline: str = ""
    weak_byline: bool = False
    removed: list[str] = field(default_factory=list)


LONG_PARAGRAPH = 4000
"""A "paragraph" longer than this (an article pasted as one line) is cut at sentence ends into pieces of about
PIECE_CHARS: the parser and the question generator work paragraph by paragraph."""
PIECE_CHARS = 1200
_CUT_AT = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def _outside_quotes(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


def split_long(paragraph: str) -> list[str]:
    """Cut an over-long paragraph at sentence ends (never inside a quotation)."""
    if len(paragraph) <= LONG_PARAGRAPH:
        return [paragraph]
    pieces: list[str] = []
    start = 0
    for m in _CUT_AT.finditer(paragraph):
        if m.start() - start >= PIECE_CHARS and _outside_quotes(paragraph[start : m.start() + 1]):
            pieces.append(paragraph[start : m.end()].strip())
            start = m.end()
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def normalize(text: str) -> str:
    """One line of text: invisible characters dropped, a horizontal bar made an em dash ("life ― essential
    elements ― are found": the parser and the question rules know the em dash), white space made one space."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return _LOOSE_PUNCT.sub("", " ".join(text.replace("\u2015", "\u2014").split()))


_LOOSE_PUNCT = re.compile(r"(?<=[A-Za-z0-9)]) (?=[,;:](?:\s|$)|\.(?:\s|$)|[’']s\s)")
"""A space a page's markup left before a comma, full stop or "’s" ("the Senate ’s plenary session was
shared on the Twitter handle of the Senate , @NGRSenate ."): closed up, as the writer meant."""


def _is_metadata(text: str, found: _Found) -> bool:
    """Record byline / date / publisher from a metadata line; True when the line was one.
    "Published: Jun. 9, 2020 at 7:44 PM CDT|Updated: 4 hours ago" is read part by part."""
    if "|" in text and len(text) <= 160:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        if len(parts) > 1 and _is_metadata(parts[0], found):
            for part in parts[1:]:
                _is_metadata(part, found)
            return True
    text = _AD_WORD.sub("", text).strip() or text
    by = parse_byline(text)
    if by:
        # "Published by" / "Posted by" names the web producer; a plain "By" or "Written by" wins over it.
        weak = text.lower().startswith(("published", "posted"))
        if not found.byline or (found.weak_byline and not weak):
            found.byline, found.weak_byline = by[0], weak
        found.date = found.date or by[1]
        return True
    pub = parse_published(text)
    if pub:
        if pub[1]:
            found.updated = found.updated or pub[0]
        else:
            found.date = found.date or pub[0]
        return True
    pd = parse_publisher_date(text)
    if pd:
        found.publisher = found.publisher or pd[0]
        found.date = found.date or pd[1]
        return True
    iso = date_only(text)
    if iso:
        found.date = found.date or iso
        return True
    return False


def _is_title_copy(text: str, title: str) -> bool:
    """The title printed again, in any case, maybe with the site name after it."""
    if not title or len(text) > 2 * len(title) + 80:
        return False
    a, t = norm(text), norm(title)
    return a == t or (
        a.startswith(t + " ") and len(a.split()) - len(t.split()) <= 5 and looks_like_headline(text)
    )


def _pick_title(items: Sequence[Raw]) -> tuple[str, int]:
    """Plain text / Markdown without a title mark-up: the first real line, when it is short enough."""
    for i, r in enumerate(items):
        if is_boilerplate(r.text) or _is_metadata(r.text, _Found()) or debris.is_site_name(r.text):
            continue
        if debris.is_ticker(r.text):
            continue
        if i < TITLE_SEARCH and i + 1 < len(items) and not debris.plausible_title(r.text):
            continue  # "News / Asia", "Accessibility links", "• KGS/USD = 0.01143", "Transcript"
        if len(r.text.split()) <= TITLE_MAX_WORDS and not is_quote_block(r.text):
            return r.text, i
        return "", -1
    return "", -1


def _infer_kind(text: str) -> BlockKind:
    if is_quote_block(text):
        return "quote"
    words = text.split()
    if len(words) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(text) and text[:1].isupper():
        return "heading"
    return "paragraph"


_ABOUT_RATING = re.compile(r"^\s*about (?:this|the|our) ratings?\s*$", re.I)
RATING_WORDS = 5
CLAIM_WORDS = 60


def _without_rated_claim(items: Sequence[Raw], found: _Found) -> list[Raw]:
    """A fact-check's claim box (Snopes: the claim, its rating "Unproven", "About this rating"): the claim
    is what the article checks, not what it states, so neither it nor the rating becomes a question."""
    drop: set[int] = set()
    for i, r in enumerate(items):
        if not _ABOUT_RATING.match(r.text) or i < 1 or len(items[i - 1].text.split()) > RATING_WORDS:
            continue
        drop |= {i, i - 1}
        if i >= 2 and len(items[i - 2].text.split()) <= CLAIM_WORDS:
            drop.add(i - 2)
    found.removed.extend(items[i].text for i in sorted(drop))
    return [r for i, r in enumerate(items) if i not in drop]


BYLINE_LINES = 4
"""Name and handle lines ("April Roach", "@aprilroach28", "Daniel O'Mahony") taken as a byline under a bare
"By" line."""
_HANDLE = re.compile(r"@\w{2,30}")


STORY_PARAGRAPHS = 3
"""Paragraphs a story has before a heading with a byline of its own can start the next one."""


def _dated(line: str) -> bool:
    """A date line, a "Published: …" line or a byline with its date."""
    return bool(date_only(line) or parse_published(line) or (parse_byline(line) or ("", ""))[1])


def _first_story(items: list[Raw], title: str, found: _Found) -> tuple[list[Raw], str]:
    """A page of several stories (a weekly edition, a page that scrolls on into the next story): below the
    first story's paragraphs, a heading with its own byline and date right under it ("By Nathan Willis",
    "March 25, 2015") starts another story, which goes with everything after it (a correspondent's box
    inside a story has a byline but no date). When the page began with a heading, that heading
    is the kept story's title (the page's own title names the edition)."""
    paragraphs = 0
    for i, r in enumerate(items):
        heading = (r.kind or _infer_kind(r.text)) == "heading"
        below = items[i + 1 : i + 4]
        if (
            heading
            and paragraphs >= STORY_PARAGRAPHS
            and any(parse_byline(n.text) for n in below)
            and any(_dated(n.text) for n in below)
        ):
            found.removed.extend(n.text for n in items[i:])
            items = items[:i]
            if (items[0].kind or _infer_kind(items[0].text)) == "heading":
                title, items = items[0].text, items[1:]
            return items, title
        paragraphs += not heading and not is_boilerplate(r.text)
    return items, title


def _filter(items: Sequence[Raw], title: str, found: _Found) -> list[Raw]:
    """Drop title copies, metadata lines and boilerplate (with the headline lists under "Related")."""
    items = _without_rated_claim(items, found)
    kept: list[Raw] = []
    n = len(items)
    in_link_list = see_also = False
    by_lines = 0  # lines left of a byline the page set one name per line under a bare "By"
    cap = ""  # a drop cap the page set apart from its paragraph ("T" above "urkey, Poland and …")
    for i, r in enumerate(items):
        text = cap + r.text
        cap = ""
        zone = i < META_ZONE or i >= n - META_ZONE
        if zone and text.strip().lower() == "by":
            found.removed.append(text)
            by_lines = BYLINE_LINES
            continue
        if zone and len(text) == 1 and text.isupper() and i + 1 < n and items[i + 1].text[:1].islower():
            cap = text
            continue
        if by_lines and (names_only(text) or _HANDLE.fullmatch(text.strip())):
            found.removed.append(text)
            by_lines -= 1
            if names_only(text) and not found.byline:
                found.byline = text.strip()
            continue
        by_lines = 0
        if _is_title_copy(text, title) or (zone and _is_metadata(text, found)):
            found.removed.append(text)
            continue
        if is_boilerplate(text):
            found.removed.append(text)
            # "see also" heads a link to another story wherever it stands; other labels only low on the page
            see_also = _SEE_ALSO.match(text) is not None
            in_link_list = starts_link_list(text) and (i >= n * LINK_LIST_FROM or see_also)
            continue
        if in_link_list and looks_like_headline(text) and (r.kind != "heading" or see_also):
            found.removed.append(text)
            continue
        in_link_list = see_also = False
        if (
            debris.is_stage_direction(text)
            or debris.is_site_name(text)
            or debris.is_page_notice(text)
            or debris.is_ticker(text)
            or debris.is_teaser(text)
        ):
            found.removed.append(text)
            continue
        if debris.is_caption(text) or debris.is_dated_caption(
            text
        ):  # the caption goes, and its copy printed above it without the credit
            found.removed.append(text)
            bare = debris.CAPTION_CREDIT.sub("", text).strip()
            kept = [k for k in kept if k.text != bare]
            continue
        text, credit = split_trailing_credit(text)
        if credit:
            found.removed.append(credit)
        kept.append(Raw(text, r.kind))
    return _clean_debris(kept, found)


def _clean_debris(items: list[Raw], found: _Found) -> list[Raw]:
    """Datelines on the first paragraphs, transcript speaker labels (when the text is a transcript), bullet
    marks and citation markers inside paragraphs: out of the text, into ``removed``."""
    speakers = sum(1 for r in items if debris.strip_speaker(r.text)[1]) >= 3
    out: list[Raw] = []
    for i, r in enumerate(items):
        text = r.text
        if r.kind == "heading":
            out.append(r)
            continue
        if i < DATELINE_ZONE:
            text, line = debris.strip_dateline(text)
            if line:
                found.removed.append(line)
            text, by = debris.strip_byline_lead(text)
            if by:
                found.removed.append(by)
                if not found.byline:
                    found.byline = by[3:].rstrip(":|-–— ")
        if speakers:
            text, label = debris.strip_speaker(text)
            if label:
                found.removed.append(label)
        text, bits = debris.strip_inline(text)
        found.removed.extend(bits)
        if text.strip():
            out.append(Raw(text.strip(), r.kind))
    return out


def _kinds(items: Sequence[Raw]) -> list[tuple[BlockKind, str]]:
    """Final block kinds: inferred where the format had none; the author's summary marked."""
    out: list[tuple[BlockKind, str]] = []
    in_summary = False
    for r in items:
        kind: BlockKind = r.kind or _infer_kind(r.text)
        if kind == "paragraph" and is_quote_block(r.text):
            kind = "quote"
        if _LABEL_ONLY.match(r.text):
            in_summary = True
            out.append(("heading", r.text))
            continue
        if kind == "heading":
            in_summary = False
        elif _LABEL_WITH_TEXT.match(r.text) or in_summary:
            kind = "summary"
        out.append((kind, r.text))
    return out


def _summary(blocks: Iterable[Block]) -> str:
    return " ".join(_LABEL_WITH_TEXT.sub("", b.text) for b in blocks if b.kind == "summary")


def _plausible(iso: str) -> bool:
    """A publication date a news page can have: pages carry placeholders such as "0001-01-01T00:00:00Z"."""
    return bool(re.match(r"(?:19|20)\d\d-", iso or ""))


def assemble(
    raws: Iterable[Raw],
    meta: Meta,
    *,
    path: str = "",
    removed: Iterable[str] = (),
    title_from_first: bool = False,
) -> Article:
    """Build the Article: metadata apart, boilerplate out (kept in ``removed``), body = blocks joined by
    blank lines."""
    items = [Raw(t, r.kind) for r in raws if (t := normalize(r.text))]
    found = _Found(removed=list(removed))
    title = normalize(meta.title)
    if not title and title_from_first:
        title, at = _pick_title(items)
        if at >= 0:
            found.removed.extend(r.text for r in items[:at])  # boilerplate/metadata above the title
            for r in items[:at]:
                _is_metadata(r.text, found)
            items = items[at + 1 :]
    items, title = _first_story(items, title, found)
    kept = [
        Raw(piece, r.kind)
        for r in _filter(items, title, found)
        for piece in (split_long(r.text) if r.kind in (None, "paragraph") else (r.text,))
    ]
    if not kept and title and title_from_first:
        kept = [Raw(title, "paragraph")]  # a one-line text: the line is both title and body
    blocks: list[Block] = []
    pos = 0
    for kind, text in _kinds(kept):
        if blocks:
            pos += 2
        blocks.append(Block(kind, text, pos, pos + len(text)))
        pos += len(text)
    return Article(
        title=title,
        body="\n\n".join(b.text for b in blocks),
        blocks=tuple(blocks),
        publisher=normalize(meta.publisher) or found.publisher,
        date=next((d for d in (meta.date, found.date, found.updated) if _plausible(d)), ""),
        byline=normalize(meta.byline) or found.byline,
        url=meta.url,
        path=path,
        quotes=find_quotes(blocks),
        summary=_summary(blocks),
        removed=tuple(found.removed),
    )
