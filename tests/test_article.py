"""The article reader on the seed and the three test articles: metadata, clean body, structure, quotes.

The test articles in tests/data/articles/ were written for these tests (facts from the project's checked
fact list; the people quoted in them are fictional).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit.article import read_article
from quizkit.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
DATA = ROOT / "tests" / "data" / "articles"

# Strings a scraped page drags along; none may survive into any article body.
BOILERPLATE_MARKERS = (
    "More News",
    "Read more",
    "Related articles",
    "Editor's choice",
    "Also read",
    "App Store",
    "Google Play",
    "Download the app",
    "#Kazakhstan",
    "Photo: Reuters",
    "Credit:",
    "Share on",
    "Follow us",
    "newsletter",
    "cookies",
    "Advertisement",
    "©",
    "All rights reserved",
    "Comments (3)",
    "Most read",
    "steppe_reader",
    "Home › World",
)


def _offsets_hold(article: Article) -> None:
    assert article.body == "\n\n".join(b.text for b in article.blocks)
    for item in (*article.blocks, *article.quotes):
        assert article.body[item.start : item.end] == item.text


def _no_boilerplate(article: Article) -> None:
    for marker in BOILERPLATE_MARKERS:
        assert marker.lower() not in article.body.lower(), marker
    assert not any(b.text.strip().lower() == "more" for b in article.blocks)


def _headings(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == "heading"]


# --- the seed -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED)


def test_seed_metadata(seed: Article) -> None:
    assert seed.title == "Why Kazakhstan joined the Abraham Accords: A new geopolitical balancing act"
    assert seed.publisher == "India Today"
    assert seed.date == "2025-11-07"
    assert seed.path == str(SEED)


def test_seed_body_has_no_more_lines_nor_the_title_twice(seed: Article) -> None:
    _no_boilerplate(seed)
    assert "India Today" not in seed.body
    assert "more" in [r.lower() for r in seed.removed]
    assert "Why Kazakhstan Joined the Abraham Accords: A New Geopolitical Balancing Act" in seed.removed
    assert seed.blocks[0].text.startswith("Kazakhstan’s accession to the Abraham Accords")
    _offsets_hold(seed)


def test_seed_structure(seed: Article) -> None:
    assert _headings(seed) == [
        "The Context of Kazakhstan’s Decision",
        "Strategic Implications for Central Asia",
    ]
    assert seed.summary.startswith("Kazakhstan’s entry into the Abraham Accords highlights")
    assert [b.kind for b in seed.blocks].count("summary") == 1
    assert len(seed.quotes) == 1
    quote = seed.quotes[0]
    assert quote.text.startswith("Kazakhstan joining the accords signals")
    assert quote.attributed is False and quote.speaker == ""
    assert any(b.kind == "quote" for b in seed.blocks)


# --- aral_sea.md ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def aral() -> Article:
    return read_article(DATA / "aral_sea.md")


def test_markdown_metadata(aral: Article) -> None:
    assert aral.title == "The Aral Sea: how a great lake turned into a desert"
    assert aral.byline == "Dana Omarova"
    assert aral.date == "2026-03-14"
    assert aral.publisher == "Central Asia Review"


def test_markdown_structure(aral: Article) -> None:
    assert _headings(aral) == [
        "Two rivers, one lake",
        "A shrinking shoreline",
        "Why it still matters",
        "What students can take from it",
    ]
    assert "**" not in aral.body and "#" not in aral.body and "<!--" not in aral.body
    assert aral.summary.startswith("The Aral Sea shrank because the Amu Darya")
    quote_blocks = [b for b in aral.blocks if b.kind == "quote"]
    assert len(quote_blocks) == 1 and "said Aigerim Sadykova" in quote_blocks[0].text
    _no_boilerplate(aral)
    _offsets_hold(aral)


def test_markdown_blockquote_is_attributed(aral: Article) -> None:
    (quote,) = aral.quotes
    assert quote.text.startswith("We did not lose the sea in a single year.")
    assert quote.text.endswith("when it was dug")
    assert quote.attributed and quote.speaker == "Aigerim Sadykova"


# --- uranium_kazakhstan.html ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def uranium() -> Article:
    return read_article(DATA / "uranium_kazakhstan.html")


def test_html_metadata_from_json_ld_and_meta(uranium: Article) -> None:
    assert uranium.title == "Kazakhstan's uranium puts Central Asia at the centre of the minerals race"
    assert uranium.publisher == "Steppe Herald"
    assert uranium.date == "2025-11-10"
    assert uranium.byline == "Aliya Bekova"
    assert uranium.url == "https://www.steppeherald.example/world/kazakhstan-uranium-minerals-race"


def test_html_heavy_boilerplate_is_gone(uranium: Article) -> None:
    _no_boilerplate(uranium)
    for gone in (
        "Subscribe",
        "Accept all cookies",
        "A uranium mining site",
        "Load more comments",
        "Privacy policy",
    ):
        assert gone not in uranium.body
    assert uranium.blocks[0].text.startswith("When the presidents of the five Central Asian republics")
    assert uranium.blocks[-1].kind == "summary"
    removed = " ".join(uranium.removed)
    for kept_aside in ("Related articles", "Download on the App Store", "Comments (3)", "#Kazakhstan"):
        assert kept_aside in removed
    _offsets_hold(uranium)


def test_html_structure_and_quotes(uranium: Article) -> None:
    assert _headings(uranium) == [
        "Why Washington is paying attention",
        "A complicated nuclear history",
        "What comes next",
    ]
    assert uranium.summary.startswith("Kazakhstan's uranium output, the largest in the world since 2009")
    by_attr = {q.attributed: q for q in uranium.quotes}
    assert len(uranium.quotes) == 2 and set(by_attr) == {True, False}
    assert by_attr[True].speaker == "Timur Akhmetov"
    assert by_attr[True].text.startswith("Whoever secures long-term supplies of uranium")
    assert by_attr[False].text.startswith("A country that once hosted the tests now supplies the fuel")
    assert any(b.kind == "quote" for b in uranium.blocks)


# --- caspian_convention.txt -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def caspian() -> Article:
    return read_article(DATA / "caspian_convention.txt")


def test_text_metadata(caspian: Article) -> None:
    assert caspian.title == "Caspian deal at eight: what the Aktau convention changed for Kazakhstan"
    assert caspian.byline == "Marat Seitkali"
    assert caspian.date == "2026-08-12"
    assert caspian.publisher == "Steppe Herald"


def test_text_structure(caspian: Article) -> None:
    _no_boilerplate(caspian)
    assert "CASPIAN DEAL AT EIGHT" not in caspian.body
    assert "By Marat Seitkali" not in caspian.body and "Published:" not in caspian.body
    assert _headings(caspian) == [
        "The largest inland body of water",
        "Oil and the pipeline to the Black Sea",
        "The Middle Corridor across the water",
        "What the anniversary means",
    ]
    assert caspian.summary.startswith("The 2018 Aktau convention gave the five Caspian states")
    (quote,) = caspian.quotes
    assert quote.attributed and quote.speaker == "Nurlan Abenov"
    assert quote.text == "A landlocked exporter is only as free as the routes it can choose between"
    _offsets_hold(caspian)


def test_seed_read_as_markdown_gives_the_same_article(seed: Article) -> None:
    """Sniffing a text as Markdown by mistake must not lose its structure."""
    from quizkit.article import parse_markdown

    as_md = parse_markdown(SEED.read_text(encoding="utf-8"), str(SEED))
    assert (as_md.title, as_md.publisher, as_md.date) == (seed.title, seed.publisher, seed.date)
    assert as_md.blocks == seed.blocks and as_md.quotes == seed.quotes
