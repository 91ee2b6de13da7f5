"""Properties of every reader: offsets always point at the text; long inputs read whole (their speed is in
benchmarks/bench_article.py)."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.article import from_text, parse_html, parse_markdown, parse_text
from quizkit.errors import InputError
from quizkit.model import Article

_WORDS = st.sampled_from(
    [
        "Kazakhstan", "joined", "the", "accords", "said", "Tokayev", "more", "More News", "Read more",
        "Photo: Reuters", "#Israel", "By", "Jane", "Doe", "—", "2025-11-07", "Nov", "7,", "“", "”", '"', "'",
        "«", "»", "Summary:", "In short:", ">", "#", "*", "**", "-", "1.", "<b>", "&amp;", "\u00a0", "\t",
        ".",
        ",", ":", "(Image: AP)", "told", "according to", "é", "\u200b", "Advertisement", "\r",
    ]
)  # fmt: skip
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=25).map(" ".join)
_SEPARATOR = st.sampled_from(["\n", "\n\n", "\n \n", "\n\n\n", "  \n"])


@st.composite
def _documents(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(_PARAGRAPH, min_size=1, max_size=12))
    seps = draw(st.lists(_SEPARATOR, min_size=len(paragraphs), max_size=len(paragraphs)))
    return "".join(p + s for p, s in zip(paragraphs, seps, strict=True))


def _check(article: Article) -> None:
    assert article.body == "\n\n".join(b.text for b in article.blocks)
    for block in article.blocks:
        assert block.text and block.text == block.text.strip() and "\n" not in block.text
        assert article.body[block.start : block.end] == block.text
    for quote in article.quotes:
        assert quote.text and article.body[quote.start : quote.end] == quote.text


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_text_and_markdown_offsets(doc: str) -> None:
    _check(parse_text(doc))
    _check(parse_markdown(doc))


@settings(max_examples=100, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=10), st.sampled_from(["p", "blockquote", "li", "h2", "div"]))
def test_html_offsets(paragraphs: list[str], tag: str) -> None:
    page = "<html><body><article>" + "".join(f"<{tag}>{html.escape(p)}</{tag}>" for p in paragraphs)
    try:
        article = parse_html(page + "</article></body></html>")
    except InputError:
        return  # every paragraph was boilerplate: refusing is right
    _check(article)


@pytest.mark.timeout(120)
def test_long_article_reads_whole() -> None:
    """100,000 words, as paragraphs and as one giant paragraph: every paragraph and quote found. The time it
    takes is a figure in benchmarks/bench_article.py, not an assertion (a loaded runner would flake)."""
    paragraph = (
        "Kazakhstan's accession to the Abraham Accords marks a strategic move, and “the United States "
        "remains a relevant player in the region,” said one analyst after the summit in Washington."
    )
    n = 100_000 // len(paragraph.split()) + 1
    text = "A long article\n\n" + "\n\n".join(f"{paragraph} Part {i}." for i in range(n))
    article = from_text(text)
    assert len(article.blocks) == n and len(article.quotes) == n
    assert all(q.attributed for q in article.quotes)
    one_line = " ".join(text.split("\n\n")[1:])  # the same words as one giant paragraph
    article = from_text(one_line)
    assert len(article.quotes) == n


@pytest.mark.timeout(120)
def test_long_html_page_reads_whole() -> None:
    paragraph = (
        "Kazakhstan joined the accords, and the United States welcomed the news from Astana on Thursday."
    )
    n = 100_000 // len(paragraph.split()) + 1
    page = (
        "<html><head><title>Long page</title></head><body><nav><a href='/'>Home</a></nav><div class='story'>"
        + "".join(f"<p>{paragraph} Part {i}.</p>" for i in range(n))
        + "</div><footer>© 2025</footer></body></html>"
    )
    article = parse_html(page)
    assert len(article.blocks) == n
