"""Metadata of a saved news page: JSON-LD NewsArticle, Open Graph and <meta> tags, <title>, canonical link.

When sources disagree the most specific wins: JSON-LD, then Open Graph, then plain <meta>, then the page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

from quizkit.article.assemble import normalize
from quizkit.article.meta import Meta, norm, parse_byline, parse_date

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
                  "ScholarlyArticle"}  # fmt: skip
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ")


def attr(tag: Tag, name: str) -> str:
    """An attribute as one string ("" when absent; multi-valued ones such as class joined by spaces)."""
    value = tag.get(name)
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _walk_json(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_json(item)
    elif isinstance(node, dict):
        yield node
        yield from _walk_json(node.get("@graph", []))


def _name(value: Any) -> str:
    """A JSON-LD person/organisation as text: "Jane", {"name": "Jane"} or a list of those. Character
    references that some sites leave in it ("&#8216;The Medium…") are decoded."""
    if isinstance(value, str):
        return html.unescape(value)
    if isinstance(value, dict):
        return html.unescape(str(value.get("name", "")))
    if isinstance(value, list):
        return ", ".join(n for n in (_name(v) for v in value) if n)
    return ""


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in soup.find_all("script"):
        if attr(script, "type").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.get_text() or "null")
        except (ValueError, RecursionError):
            continue
        for obj in _walk_json(data):
            types = obj.get("@type", [])
            types = {types} if isinstance(types, str) else set(types) if isinstance(types, list) else set()
            if types & _ARTICLE_TYPES:
                return obj
    return {}


def _metas(soup: BeautifulSoup) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...>, keys lower-cased; the first of each wins."""
    out: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (attr(tag, "property") or attr(tag, "name") or attr(tag, "itemprop")).lower()
        content = attr(tag, "content").strip()
        if key and content:
            out.setdefault(key, content)
    return out


def _strip_site(title: str, publisher: str) -> str:
    """ "Headline | Site" → "Headline" (when the tail is the site's name, written with or without its spaces
    ("| TheHill" for The Hill), a section's label ("| Editorial", "- Auto News"), or short next to the
    headline); "Opinion | Headline" → "Headline"."""
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.partition(sep)
        if found and norm(head) in PREFIX_SECTIONS and len(tail.split()) >= 3:
            title = tail.strip()
    for sep in _TITLE_SEPARATORS:
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            short_tail = len(tail.split()) <= min(4, len(head.split()) - 1)
            site = norm(tail).replace(" ", "") == norm(publisher).replace(" ", "")
            if site or (short_tail and _section(tail)) or (not publisher and short_tail):
                return head.strip()
    return title


_SECTION_WORDS = """opinion opinions editorial editorials analysis comment commentary column columns blog review reviews
    news world business politics sport sports tech technology science health entertainment culture"""
SECTIONS = frozenset(_SECTION_WORDS.split())
PREFIX_SECTIONS = frozenset({"opinion", "analysis", "editorial", "commentary", "comment", "column", "review"})
"""Labels a site puts before the headline ("Opinion | …"); a longer head ("Yahoo News - …") is a name."""


def _section(text: str) -> bool:
    """A section's label rather than a headline: "Opinion", "Editorial", "Auto News", "World News"."""
    words = norm(text).split()
    return 0 < len(words) <= 3 and words[-1] in SECTIONS


def _url_of(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("@id") or value.get("url") or "")
    return value if isinstance(value, str) else ""


def _is_author_tag(tag: Tag) -> bool:
    """An element holding the byline: itemprop=author, rel=author, or a class naming a byline."""
    return (
        attr(tag, "itemprop") == "author"
        or "author" in attr(tag, "rel").split()
        or "byline" in attr(tag, "class").lower()
    )


def page_metadata(soup: BeautifulSoup) -> Meta:
    ld = _json_ld(soup)
    metas = _metas(soup)
    publisher = (
        _name(ld.get("publisher")) or metas.get("og:site_name", "") or metas.get("application-name", "")
    )
    page_title = soup.title.get_text() if soup.title else ""
    h1 = soup.find("h1")
    title = (
        _name(ld.get("headline"))
        or metas.get("og:title", "")
        or metas.get("twitter:title", "")
        or (h1.get_text() if isinstance(h1, Tag) else "")
        or page_title
    )
    title = _strip_site(normalize(title), publisher)
    if not publisher and page_title:
        stripped = _strip_site(normalize(page_title), "")
        if stripped != normalize(page_title):
            publisher = normalize(page_title)[len(stripped) :].strip(" |-–—:·•")
    date = ""
    for raw in (
        ld.get("datePublished"),
        ld.get("dateCreated"),
        *(
            metas.get(k)
            for k in (
                "article:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dc.date.issued",
                "parsely-pub-date",
                "sailthru.date",
            )
        ),
    ):
        if isinstance(raw, str) and (date := parse_date(raw)):
            break
    if not date:
        time = soup.find("time")
        if isinstance(time, Tag):
            date = parse_date(attr(time, "datetime") or time.get_text())
    byline = _name(ld.get("author")) or metas.get("author", "") or metas.get("article:author", "")
    if byline.startswith("http"):
        byline = ""
    if not byline:
        for tag in soup.find_all(_is_author_tag):
            text = normalize(tag.get_text())
            found = parse_byline(text) or parse_byline(f"By {text}")
            if found:
                byline = found[0]
                date = date or found[1]
                break
    canonical = soup.find("link", rel="canonical")
    url = (
        (attr(canonical, "href") if isinstance(canonical, Tag) else "")
        or metas.get("og:url", "")
        or _url_of(ld.get("url"))
        or _url_of(ld.get("mainEntityOfPage"))
    )
    return Meta(title=title, publisher=normalize(publisher), date=date, byline=normalize(byline), url=url)
