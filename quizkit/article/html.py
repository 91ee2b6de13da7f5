"""A saved news page → raw blocks, with BeautifulSoup over lxml (a real HTML parser, never regexes).

Metadata first (JSON-LD NewsArticle, Open Graph, <meta>, <title>, <link rel=canonical>), then page furniture
out (nav, header, footer, aside, forms, figures, scripts, and elements whose class/id says cookie, share,
related, comments, newsletter...), then the article container: ``itemprop=articleBody``, ``<article>``,
``<main>``, else the element holding the most paragraph text. Its blocks go through the same line-level
cleaning as plain text.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, PreformattedString, Tag

from quizkit.article import debris
from quizkit.article.assemble import Raw, assemble, normalize
from quizkit.article.html_meta import attr, page_metadata
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
_CONTAINERS = {"div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "table", "tbody",
               "thead", "tfoot", "tr", "td", "th", "hr", "details", "center", "body", "html", "fieldset",
               "hgroup"}  # fmt: skip
_BLOCK_TAGS = _HEADINGS | _LEAVES | _CONTAINERS
WRAPPER_SHARE = 0.6
"""An element with a junk-looking class that holds this share of the page's paragraph words is a wrapper."""
MIN_CONTAINER_WORDS = 40
"""A marked-up article container with fewer words than this is a teaser; look elsewhere."""
CONTINUED_SHARE = 0.2
"""The densest block's parent is the article when its own paragraphs beside that block hold at least this
share of the block's words: a page that shows the opening and hides the rest in a "read more" box puts
the two side by side, and the box alone is the denser."""


# --- page furniture -------------------------------------------------------------------------------------


def _junk(tag: Tag) -> str:
    """Why ``tag`` is page furniture: "tag" (nav, aside, hidden...), "class" (class/id says so), or ""."""
    if tag.name in _KEEP_TAGS or attr(tag, "itemprop") == "articleBody":
        return ""
    if tag.name in _DROP or attr(tag, "role").lower() in _DROP_ROLES:
        return "tag"
    if tag.has_attr("hidden") or attr(tag, "aria-hidden").lower() == "true":
        return "tag"
    if "display:none" in attr(tag, "style").replace(" ", "").lower():
        return "tag"
    tokens = (attr(tag, "class") + " " + attr(tag, "id")).split()
    return "class" if any(_JUNK_TOKEN.search(t) for t in tokens) else ""


def _in_running_text(tag: Tag) -> bool:
    """A link inside a paragraph that holds more than the link: words of the sentence, whatever its class or
    id says (share and tag-list links sit in their own blocks, which are cut as a whole)."""
    if tag.name != "a":
        return False
    block = tag.find_parent(["p", "li", "dd", "blockquote"])
    return block is not None and len(block.get_text(" ").split()) > len(tag.get_text(" ").split()) + 3


def _paragraph_words(tag: Tag) -> int:
    return sum(len(p.get_text().split()) for p in tag.find_all("p"))


_POST_TEXT = frozenset({"entry-content", "post-body"})
"""Class names of a post's own text: hAtom's ``entry-content`` (WordPress and many themes) and Blogger's
``post-body`` (inside ``<div class="widget Blog">``, whose "widget" would otherwise cut the post)."""


def _is_post_text(tag: Tag) -> bool:
    return not _POST_TEXT.isdisjoint(attr(tag, "class").split())


def _is_article_tag(tag: Tag) -> bool:
    return tag.name in ("article", "main") or attr(tag, "itemprop") == "articleBody" or _is_post_text(tag)


def _holds_article(tag: Tag) -> bool:
    return any(isinstance(d, Tag) and _is_article_tag(d) for d in tag.descendants)


def _strip_furniture(soup: BeautifulSoup) -> list[str]:
    """Remove page furniture in place; return the visible text of what was removed."""
    for tag in soup.find_all(_DROP_SILENTLY):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    removed: list[str] = []
    for figure in soup.find_all("figure"):
        after = figure.find_next_sibling()
        if isinstance(after, Tag) and _caption_list(after):
            removed.append(normalize(after.get_text(" ")))
            after.decompose()
    _prune(soup, removed, _paragraph_words(soup))
    return removed


CAPTION_WORDS = 80


def _caption_list(tag: Tag) -> bool:
    """A list right after a figure whose items are short: the picture's captions ("Kauri Parata, watched by
    his father, carves a traditional Māori design …", a gallery's "Clockwise from top: …")."""
    items = tag.find_all("li", recursive=False) if tag.name in ("ul", "ol") else []
    return bool(items) and all(len(li.get_text(" ").split()) <= CAPTION_WORDS for li in items)


def _prune(tag: Tag, removed: list[str], total_words: int) -> None:
    """Depth-first: cut each junk element (and so everything inside it) once.

    A class name is only a hint: an element so named that holds the article (<article>, or most of the
    page's paragraph text, as in <div class="content-with-sidebar">) is walked into, not cut.
    """
    for child in list(tag.children):
        if not isinstance(child, Tag):
            continue
        why = _junk(child)
        if why == "class" and _in_running_text(child):
            why = ""  # a name linked to its tag page ("auto-tag_mary-steenburgen") is part of the sentence
        if why and not _holds_article(child):
            if why == "class" and _paragraph_words(child) > max(WRAPPER_SHARE * total_words, 100):
                _prune(child, removed, total_words)
                continue
            text = normalize(child.get_text(" "))
            if text:
                removed.append(text)
            child.decompose()
        else:
            _prune(child, removed, total_words)


# --- the article container ------------------------------------------------------------------------------


def _words(tag: Tag) -> int:
    return sum(len(p.get_text().split()) for p in tag.find_all(["p", "li", "blockquote"])) or len(
        tag.get_text().split()
    )


def _own_words(tag: Tag) -> int:
    """Words of text sitting directly in ``tag`` (loose text and inline elements, not nested blocks)."""
    n = 0
    for child in tag.children:
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            n += len(child.split())
        elif isinstance(child, Tag) and child.name not in _BLOCK_TAGS:
            n += len(child.get_text().split())
    return n


def _densest(soup: BeautifulSoup) -> Tag | None:
    """The element holding the most paragraph text: a <p> (or loose text in a <div>) counts for the element
    that holds it, and half for the one above. A teaser cut off with an ellipsis counts for nothing."""
    scores: dict[int, tuple[float, Tag]] = {}

    def add(tag: Tag | None, n: float) -> None:
        if isinstance(tag, Tag):
            scores[id(tag)] = (scores.get(id(tag), (0.0, tag))[0] + n, tag)

    for tag in soup.find_all(["p", "div", "section", "td", "blockquote", "li"]):
        n = _own_words(tag)
        if n < 8 or debris.TEASER_END.search(tag.get_text().strip()):  # another story's teaser, cut off
            continue
        holder = tag.parent if tag.name in ("p", "li", "blockquote") else tag
        add(holder, n)
        add(holder.parent if holder is not None else None, n / 2)
    if not scores:
        return None
    best = max(scores.values(), key=lambda pair: pair[0])[1]
    parent = best.parent
    if isinstance(parent, Tag) and parent.name not in ("body", "html"):
        beside = sum(_own_words(p) for p in parent.find_all("p", recursive=False))
        if beside >= max(MIN_CONTAINER_WORDS, CONTINUED_SHARE * _paragraph_words(best)):
            return parent  # the opening stands beside a "read more" box holding the rest (Salon)
    return best


def _container(soup: BeautifulSoup) -> Tag | None:
    """The article's element: the marked-up body, <article>, <main>, a post's text (``_POST_TEXT``), else
    the densest block of paragraphs."""
    found: dict[str, list[Tag]] = {"body": [], "article": [], "main": [], "role": [], "post": []}
    for tag in soup.find_all(True):
        if attr(tag, "itemprop") == "articleBody":
            found["body"].append(tag)
        elif tag.name in ("article", "main"):
            found[tag.name].append(tag)
        elif attr(tag, "role") == "main":
            found["role"].append(tag)
        elif _is_post_text(tag):
            found["post"].append(tag)
    for tags in found.values():
        if tags:
            best = max(tags, key=_words)
            if _words(best) >= MIN_CONTAINER_WORDS:
                return best
    return _densest(soup) or soup.body or soup


# --- blocks ---------------------------------------------------------------------------------------------


def _has_blocks(tag: Tag) -> bool:
    return any(isinstance(d, Tag) and d.name in _BLOCK_TAGS for d in tag.descendants)


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
    where = path or "HTML input"
    try:
        with warnings.catch_warnings():  # an XHTML page ("<?xml …?>" first) is still a web page: no advice
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(text, "lxml")
        meta = page_metadata(soup)
        removed = _strip_furniture(soup)
        container = _container(soup)
        raws = list(_blocks(container)) if container is not None else []
    except RecursionError:
        raise InputError(
            "the HTML page is nested too deeply to read",
            where=where,
            fix="save the page again from the browser, or paste the article text into a .txt file",
        ) from None
    article = assemble(raws, meta, path=path, removed=removed)
    if not article.blocks:
        raise InputError(
            "the HTML page has no article text (only navigation, links or boilerplate)",
            where=where,
            fix="save the article's own page, or paste the article text into a .txt file",
        )
    return article
