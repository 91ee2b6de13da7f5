"""A saved news page → raw blocks, with BeautifulSoup over lxml (a real HTML parser, never regexes).

Metadata first (JSON-LD NewsArticle, Open Graph, <meta>, <title>, <link rel=canonical>), then page furniture
out (nav, header, footer, aside, forms, figures, scripts, and elements whose class/id says cookie, share,
related, comments, newsletter...), then the article container: ``itemprop=articleBody``, ``<article>``,
``<main>``, else the element holding the most paragraph text. Its blocks go through the same line-level
cleaning as plain text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from quizkit.article.assemble import Raw, assemble, normalize
from quizkit.article.meta import Meta, norm, parse_byline, parse_date
from quizkit.errors import InputError
from quizkit.model import Article, BlockKind

_DROP_SILENTLY = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
                  "video", "audio", "map", "link", "meta", "head", "title")  # fmt: skip
_DROP = ("nav", "header", "footer", "aside", "form", "figure", "figcaption", "button", "input", "select",
         "textarea", "dialog", "menu", "label")  # fmt: skip
_DROP_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
}
_JUNK_TOKEN = re.compile(
    r"(?:^|[-_])(?:cookies?|consent|gdpr|share|sharing|social|newsletter|subscribe|subscription|signup"
    r"|related|recommend(?:ed|ations?)?|comments?|disqus|advert|advertisement|ads?|adslot|adunit|dfp"
    r"|sponsor(?:ed)?|promo|banner|breadcrumbs?|sidebar|popup|modal|overlay|outbrain|taboola|trending"
    r"|mostread|most-read|most-popular|also-read|alsoread|readmore|read-more|more-news|tags?|author-bio"
    r"|paywall|nav|navbar|navigation|menu|footer|header|masthead|byline|dateline|caption|credits?"
    r"|toolbar|widget|app-banner|apps?)(?:$|[-_])",
    re.I,
)
_KEEP_TAGS = {"html", "body", "main", "article"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LEAVES = {"p", "li", "dt", "dd", "pre", "address", "summary", "caption"}
_BLOCK_TAGS = (
    _HEADINGS
    | _LEAVES
    | {
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "hr",
        "details",
        "center",
        "body",
        "html",
        "fieldset",
        "hgroup",
    }
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "BackgroundNewsArticle", "BlogPosting", "Report", "LiveBlogPosting", "ScholarlyArticle"}  # fmt: skip
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ")
MIN_CONTAINER_WORDS = 40
"""A marked-up article container with fewer words than this is a teaser; look elsewhere."""


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


# --- metadata -------------------------------------------------------------------------------------------


def _walk_json(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_json(item)
    elif isinstance(node, dict):
        yield node
        yield from _walk_json(node.get("@graph", []))


def _name(value: Any) -> str:
    """A JSON-LD person/organisation as text: "Jane", {"name": "Jane"} or a list of those."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("name", ""))
    if isinstance(value, list):
        return ", ".join(n for n in (_name(v) for v in value) if n)
    return ""


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in soup.select('script[type="application/ld+json"]'):
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
        key = (_attr(tag, "property") or _attr(tag, "name") or _attr(tag, "itemprop")).lower()
        content = _attr(tag, "content").strip()
        if key and content:
            out.setdefault(key, content)
    return out


def _strip_site(title: str, publisher: str) -> str:
    """ "Headline | Site" → "Headline" (when the tail is the site's name, or short next to the headline)."""
    for sep in _TITLE_SEPARATORS:
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            short_tail = len(tail.split()) <= min(4, len(head.split()) - 1)
            if norm(tail) == norm(publisher) or (not publisher and short_tail):
                return head.strip()
    return title


def _url_of(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("@id") or value.get("url") or "")
    return value if isinstance(value, str) else ""


def _metadata(soup: BeautifulSoup) -> Meta:
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
            date = parse_date(_attr(time, "datetime") or time.get_text())
    byline = _name(ld.get("author")) or metas.get("author", "") or metas.get("article:author", "")
    if byline.startswith("http"):
        byline = ""
    if not byline:
        for tag in soup.select('[itemprop="author"], [rel~="author"], [class*="byline"]'):
            text = normalize(tag.get_text())
            found = parse_byline(text) or parse_byline(f"By {text}")
            if found:
                byline = found[0]
                date = date or found[1]
                break
    canonical = soup.find("link", rel="canonical")
    url = (
        (_attr(canonical, "href") if isinstance(canonical, Tag) else "")
        or metas.get("og:url", "")
        or _url_of(ld.get("url"))
        or _url_of(ld.get("mainEntityOfPage"))
    )
    return Meta(title=title, publisher=normalize(publisher), date=date, byline=normalize(byline), url=url)


# --- page furniture -------------------------------------------------------------------------------------


def _is_junk(tag: Tag) -> bool:
    if tag.name in _KEEP_TAGS or _attr(tag, "itemprop") == "articleBody":
        return False
    if tag.name in _DROP or _attr(tag, "role").lower() in _DROP_ROLES:
        return True
    if tag.has_attr("hidden") or _attr(tag, "aria-hidden").lower() == "true":
        return True
    if "display:none" in _attr(tag, "style").replace(" ", "").lower():
        return True
    tokens = (_attr(tag, "class") + " " + _attr(tag, "id")).split()
    return any(_JUNK_TOKEN.search(t) for t in tokens)


def _holds_article(tag: Tag) -> bool:
    return tag.select_one('article, main, [itemprop="articleBody"]') is not None


def _strip_furniture(soup: BeautifulSoup) -> list[str]:
    """Remove page furniture in place; return the visible text of what was removed."""
    for tag in soup.find_all(_DROP_SILENTLY):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    removed: list[str] = []
    for tag in soup.find_all(True):
        if tag.decomposed or tag.parent is None:
            continue
        if _is_junk(tag) and not _holds_article(tag):
            text = normalize(tag.get_text(" "))
            if text:
                removed.append(text)
            tag.decompose()
    return removed


# --- the article container ------------------------------------------------------------------------------


def _words(tag: Tag) -> int:
    return sum(len(p.get_text().split()) for p in tag.find_all(["p", "li", "blockquote"])) or len(
        tag.get_text().split()
    )


def _densest(soup: BeautifulSoup) -> Tag | None:
    """The element whose own paragraphs hold the most words (a parent gets half of its children's)."""
    scores: dict[int, tuple[float, Tag]] = {}
    for p in soup.find_all("p"):
        n = len(p.get_text().split())
        if n < 8:
            continue
        parent = p.parent
        if isinstance(parent, Tag):
            scores[id(parent)] = (scores.get(id(parent), (0.0, parent))[0] + n, parent)
            grand = parent.parent
            if isinstance(grand, Tag):
                scores[id(grand)] = (scores.get(id(grand), (0.0, grand))[0] + n / 2, grand)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[0])[1]


def _container(soup: BeautifulSoup) -> Tag | None:
    for found in (
        soup.select('[itemprop="articleBody"]'),
        soup.select("article"),
        soup.select("main"),
        soup.select('[role="main"]'),
    ):
        tags = [t for t in found if isinstance(t, Tag)]
        if tags:
            best = max(tags, key=_words)
            if _words(best) >= MIN_CONTAINER_WORDS:
                return best
    return _densest(soup) or soup.body or soup


# --- blocks ---------------------------------------------------------------------------------------------


def _has_blocks(tag: Tag) -> bool:
    return tag.find(list(_BLOCK_TAGS)) is not None


def _bold_heading(tag: Tag, text: str) -> bool:
    """<p><strong>A sub-heading</strong></p>: a heading in all but name."""
    kids = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        len(kids) == 1
        and isinstance(kids[0], Tag)
        and kids[0].name in ("strong", "b")
        and len(text.split()) <= 14
        and not re.search(r"[.!?:;,]$", text)
    )


def _blocks(tag: Tag, in_quote: bool = False) -> Iterator[Raw]:
    """Walk the container: each leaf block is one Raw; loose inline text between blocks is a paragraph."""
    pending: list[str] = []

    def flush() -> Iterator[Raw]:
        text = "".join(pending)
        pending.clear()
        for part in re.split(r"\n\s*\n", text):
            if part.strip():
                yield Raw(part, "quote" if in_quote else "paragraph")

    for child in tag.children:
        if isinstance(child, PreformattedString):
            continue  # comments, CDATA, doctype
        if isinstance(child, NavigableString):
            pending.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in _BLOCK_TAGS:
            if _has_blocks(child):
                yield from flush()
                yield from _blocks(child, in_quote)
            else:
                pending.append(child.get_text())
            continue
        yield from flush()
        if child.name in _HEADINGS:
            yield Raw(child.get_text(), "heading")
        elif child.name == "blockquote":
            yield from _blocks(child, in_quote=True)
        elif child.name in _LEAVES and not _has_blocks(child):
            text = child.get_text()
            kind: BlockKind = (
                "quote" if in_quote else "heading" if _bold_heading(child, text.strip()) else "paragraph"
            )
            yield Raw(text, kind)
        elif child.name == "tr":
            cells = [normalize(c.get_text()) for c in child.find_all(["td", "th"])]
            yield Raw("; ".join(c for c in cells if c), "paragraph")
        elif child.name != "hr":
            yield from _blocks(child, in_quote)
    yield from flush()


def parse_html(text: str, path: str = "") -> Article:
    """A saved news page: metadata from the head, the article body without the page around it."""
    soup = BeautifulSoup(text, "lxml")
    meta = _metadata(soup)
    removed = _strip_furniture(soup)
    container = _container(soup)
    raws = list(_blocks(container)) if container is not None else []
    article = assemble(raws, meta, path=path, removed=removed)
    if not article.blocks:
        raise InputError(
            "the HTML page has no article text (only navigation, links or boilerplate)",
            where=path or "HTML input",
            fix="save the article's own page, or paste the article text into a .txt file",
        )
    return article
