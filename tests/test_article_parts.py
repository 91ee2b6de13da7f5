"""The reader's line-level rules: dates, bylines, boilerplate (and what must NOT count as it), quotes."""

from __future__ import annotations

import pytest

from quizkit.article import from_text, parse_date
from quizkit.article.clean import is_boilerplate
from quizkit.article.meta import date_only, parse_byline, parse_publisher_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Nov 7, 2025", "2025-11-07"),
        ("7 November 2025", "2025-11-07"),
        ("2025-11-07T10:00:00Z", "2025-11-07"),
        ("November 07, 2025 14:30 IST", "2025-11-07"),
        ("Friday, 7th of Nov. 2025, 10:00 AM", "2025-11-07"),
        ("Sept 3, 2024", "2024-09-03"),
        ("2025/11/07", "2025-11-07"),
        ("13/11/2025", "2025-11-13"),
        ("07/11/2025", ""),  # July or November: no guess
        ("February 30, 2025", ""),
        ("By 2014 the eastern basin had dried out", ""),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_date_only_lines() -> None:
    assert date_only("Updated: Nov 10, 2025 10:30 a.m. GMT+5") == "2025-11-10"
    assert date_only("On 7 November 2025 Kazakhstan joined the accords.") == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("Jane Doe", "")),
        ("By Aliya Bekova | Nov 10, 2025", ("Aliya Bekova", "2025-11-10")),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe, John Roe and Ann Poe", "")),
        ("Written by Mark Smith, Reuters", ("Mark Smith", "")),
        ("Author: Jane Doe", ("Jane Doe", "")),
        ("By 2014 the eastern basin had dried out", None),
        ("By the time he arrived, it was over", None),
    ],
)
def test_parse_byline(line: str, expected: tuple[str, str] | None) -> None:
    assert parse_byline(line) == expected


def test_publisher_date_lines() -> None:
    assert parse_publisher_date("India Today India Today — 2025-11-07") == ("India Today", "2025-11-07")
    assert parse_publisher_date("2025-11-07 | The Astana Times") == ("The Astana Times", "2025-11-07")
    assert parse_publisher_date("He arrived on 2025-11-07 in Astana.") is None


@pytest.mark.parametrize(
    "line",
    [
        "more", "More News", "Read more", "READ MORE »", "Related articles", "Related stories: Five maps",
        "Editor's choice", "Editor’s Choice", "Also read: Kazakhstan's new rail links", "ALSO READ | Tokayev",
        "Download on the App Store", "Get it on Google Play", "Download the India Today app",
        "#Kazakhstan #Israel", "#Kazakhstan, #AbrahamAccords", "Photo: Reuters", "(Image: AP)", "File photo",
        "File Photo: Tokayev in Astana", "Credit: Steppe Herald", "Photo credit: Getty Images", "Reuters",
        "Share on Facebook | Share on X", "Share this article", "Follow us on Instagram",
        "Sign up for our daily newsletter", "We use cookies to improve your experience. Accept all cookies",
        "Advertisement", "Story continues below advertisement", "© 2026 Steppe Herald. All rights reserved.",
        "Copyright 2025 India Today", "Comments (3)", "12 comments", "Leave a comment", "Home › World › Asia",
        "Tags: Kazakhstan, Israel", "5 min read", "Skip to main content",
        # from dev pages (space.com, GAO): a related-story link, a video countdown, a pager over a list
        "Related: SpaceX's Starship and Super Heavy Mars Rocket in Pictures", "Your video will play in 00:25",
        "41 - 60 of 413 Recommendations",
        # from fresh pages (LWN, CNN): a comment count, a widget's maker and its disclosures link
        "Comments (5 posted)", "Powered by SmartAsset.com", "Disclosures SmartAsset.com",
    ],
)  # fmt: skip
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "More than half of the world's uranium comes from Central Asia.",
        "Read the full text of the convention and you will find no word about the seabed.",
        "Related talks in Astana ended without a deal, officials said on Friday.",
        "Images by satellites show the lake shrinking year after year since the irrigation canals were dug.",
        "Google Play removed the app last week after complaints from users in Almaty.",
        "The newsletter of the foreign ministry reported the visit in detail, with photos from the signing.",
        "Photographers waited outside the White House for hours before the leaders arrived for dinner.",
        "Share prices in Almaty rose after the announcement.",
        "Comments by the minister were reported by state media.",
        "Follow-up talks are planned for next year.",
        "The Context of Kazakhstan’s Decision",
        "Related: the talks in Astana ended without a deal after the ministers could not agree on the "
        "route of the pipeline across the Caspian seabed, which both sides had promised to settle by May.",
        "12 of 40 deputies voted against the law.",
        "Powered by the sun, the car crossed Australia in six days.",
    ],
)
def test_real_sentences_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“Our country has always valued peace and dialogue above all,” Tokayev said.", "Tokayev"),
        ("Tokayev told reporters that \"the decision is a natural continuation of our policy\".", "Tokayev"),
        ("According to the foreign ministry, “the country agreed in principle to join the accords”.",
         "the foreign ministry"),
        ("Maria Lopez, a researcher at the institute, said the talks were \"a turning point for us all\".",
         "Maria Lopez"),
        ("\"Every extra ferry on the Caspian takes days off the journey,\" a freight forwarder in Baku said.",
         "a freight forwarder in Baku"),
        ('In Astana, officials said: "The country agreed in principle to join the accords."', "officials"),
        ('"The country agreed in principle to join the accords," Western diplomats noted.',
         "Western diplomats"),
        ("“We will be back next year with more deals and more partners,” said President Donald Trump.",
         "President Donald Trump"),
    ],
)  # fmt: skip
def test_attributed_inline_quotes(paragraph: str, speaker: str) -> None:
    article = from_text(f"A headline for the test\n\n{paragraph}")
    (quote,) = article.quotes
    assert quote.attributed and quote.speaker == speaker
    assert article.body[quote.start : quote.end] == quote.text


def test_quote_attributed_by_the_paragraphs_around_it() -> None:
    before = from_text(
        "A headline for the test\n\nThe ministry said in a statement:\n\n"
        "“The country agreed in principle to join the accords this week.”"
    )
    assert before.quotes[0].attributed and before.quotes[0].speaker == "The ministry"
    after = from_text(
        "A headline for the test\n\n“The country agreed in principle to join the accords this week.”\n\n"
        "— Foreign Ministry of Kazakhstan"
    )
    assert after.quotes[0].attributed and after.quotes[0].speaker == "Foreign Ministry of Kazakhstan"


def test_pronoun_speaker_resolves_to_last_named_one() -> None:
    article = from_text(
        "A headline for the test\n\n“This is a region with unbelievable potential and talent,” Trump said. "
        "“We will be back next year with more deals,” he added."
    )
    assert [q.speaker for q in article.quotes] == ["Trump", "Trump"]


def test_short_and_scare_quotes_are_not_quotations() -> None:
    article = from_text(
        "A headline for the test\n\nThe deal was called a “natural and logical continuation” by officials. "
        'The word "accession" means joining a treaty that already exists.'
    )
    assert article.quotes == ()


def test_unattributed_pull_quote() -> None:
    article = from_text(
        "A headline for the test\n\nThe summit ended on Thursday evening with a dinner.\n\n"
        "“A country that once hosted the tests now supplies the fuel.”\n\nThe talks resume next month."
    )
    (quote,) = article.quotes
    assert not quote.attributed and quote.speaker == ""
    assert [b.kind for b in article.blocks] == ["paragraph", "quote", "paragraph"]


def test_summary_labels() -> None:
    article = from_text(
        "A headline for the test\n\nThe first paragraph of the story ends here.\n\n"
        "Key takeaways\n\nThe country joined the accords.\n\nThe move is mostly symbolic."
    )
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "summary", "summary"]
    assert article.summary == "The country joined the accords. The move is mostly symbolic."


def test_markdown_setext_byline_with_date_and_block_quote() -> None:
    md = (
        "Tokayev in Washington\n=====================\n\n"
        "_By Jane Doe and John Roe_ | November 07, 2025 14:30 IST\n\n"
        "The president arrived in Washington on Thursday for the summit.\n\n"
        "Talks\n-----\n\n"
        '> "We came to listen and to build partnerships that last," the president told reporters.\n>\n'
        "> He added that the region was open for business.\n\n"
        "![Photo: Reuters](img.jpg)\n\n*Photo: Reuters*\n"
    )
    article = from_text(md)
    assert (article.title, article.byline, article.date) == (
        "Tokayev in Washington",
        "Jane Doe and John Roe",
        "2025-11-07",
    )
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "quote", "quote"]
    (quote,) = article.quotes
    assert quote.text == "We came to listen and to build partnerships that last"
    assert quote.attributed and quote.speaker == "the president"
    assert "Photo: Reuters" in article.removed
