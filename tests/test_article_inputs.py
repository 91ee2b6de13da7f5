"""The reader on awkward and bad inputs: encodings, sniffing, pages without hints, and one-line refusals."""

from __future__ import annotations

import random
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from quizkit.article import from_text, looks_english, parse_html, read_article, sniff
from quizkit.errors import InputError
from quizkit.model import Article

DATA = Path(__file__).resolve().parent / "data" / "articles"
CASPIAN = (DATA / "caspian_convention.txt").read_text(encoding="utf-8")

FRENCH = (
    "Le Kazakhstan rejoint les accords d'Abraham\n\n"
    "Le Kazakhstan a rejoint les accords d'Abraham, une décision annoncée par le président américain après "
    "un appel avec les dirigeants israélien et kazakh. Cette adhésion est surtout symbolique, car le pays "
    "entretient déjà des relations diplomatiques avec Israël depuis longtemps."
)
NOISE = bytes(random.Random(1).choices(range(128, 256), k=300))
RUSSIAN = "Казахстан присоединился к Соглашениям Авраама, объявил президент США после телефонного разговора."


def _one_line_error(exc: pytest.ExceptionInfo[InputError], where: str) -> str:
    message = str(exc.value)
    assert "\n" not in message and where in message and " — " in message  # what, where — how to fix
    return message


# --- encodings ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16"])
def test_other_encodings_read_like_utf8(tmp_path: Path, encoding: str) -> None:
    """The same article saved as Windows-1252, UTF-8 with BOM and UTF-16 reads exactly as its UTF-8 copy."""
    text = CASPIAN.replace("five countries", "five crème-coloured countries")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_bytes(text.encode(encoding))
    article = read_article(other)
    assert article == replace(read_article(utf8), path=str(other))
    assert "crème-coloured" in article.body and article.byline == "Marat Seitkali"


def test_latin1_file_with_accents(tmp_path: Path) -> None:
    text = "Café society in Almaty\n\nThe café on the corner serves crème brûlée to visiting diplomats.\n"
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode("latin-1"))
    article = read_article(path)
    assert article.title == "Café society in Almaty"
    assert "crème brûlée" in article.body


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café talks in Astana</title></head><body><article>'
        "<p>Diplomats met at a café in Astana on Thursday, where the talks ran late into the evening. "
        "“We made progress on every point that was on the table today,” said Jane Doe, a spokeswoman.</p>"
        "<p>The two sides agreed to meet again next month, after both governments have studied the draft.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    article = read_article(path)
    assert article.title == "Café talks in Astana"
    assert "at a café in Astana" in article.body
    (quote,) = article.quotes
    assert quote.text == "We made progress on every point that was on the table today"
    assert quote.attributed and quote.speaker == "Jane Doe"


# --- sniffing -------------------------------------------------------------------------------------------


def test_sniff_by_extension_then_content() -> None:
    assert sniff("plain words", ".html") == "html"
    assert sniff("# Title\n\nText", ".md") == "markdown"
    assert sniff("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt") == "html"
    assert sniff("# Heading\n\nSome **bold** text.") == "markdown"
    assert (
        sniff(
            (
                Path(__file__).parents[1] / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
            ).read_text()
        )
        == "text"
    )
    assert sniff("#Kazakhstan #Israel\n\nJust text.") == "text"


def test_from_text_reads_pasted_markdown_and_html() -> None:
    md = from_text((DATA / "aral_sea.md").read_text(encoding="utf-8"))
    assert md.title == "The Aral Sea: how a great lake turned into a desert" and md.byline == "Dana Omarova"
    page = from_text((DATA / "uranium_kazakhstan.html").read_text(encoding="utf-8"))
    assert page.publisher == "Steppe Herald" and page.date == "2025-11-10"


# --- pages without hints --------------------------------------------------------------------------------


def test_html_without_article_markup_uses_densest_block_and_text_rules() -> None:
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The Caspian Sea covers about 371,000 square kilometres and is the largest inland body of water.",
            "Five countries share its shores: Kazakhstan, Russia, Azerbaijan, Iran and Turkmenistan.",
            "Advertisement",
            "Their leaders signed a convention on the legal status of the sea in Aktau on 12 August 2018.",
            "(Image: AP)",
            "#Caspian #Aktau",
            "Download the app for the latest news",
        )
    )
    page = (
        "<html><head><title>Caspian convention explained - World Desk</title></head><body>"
        "<div><a href='/'>Home</a> <a href='/world'>World</a></div>"
        f"<div><div>{paragraphs}</div></div>"
        "<div><p>Editor's Choice</p><p>Ten maps of Central Asia</p></div>"
        "<div>© 2026 World Desk</div></body></html>"
    )
    article = parse_html(page, "page.html")
    assert article.title == "Caspian convention explained"
    assert article.publisher == "World Desk"
    assert [b.text[:20] for b in article.blocks] == [
        "The Caspian Sea cove",
        "Five countries share",
        "Their leaders signed",
    ]


def test_html_ticker_of_cut_off_teasers_is_not_the_article() -> None:
    # indiapost.com: a "Breaking News" ticker of other stories, each cut off with "...", holds more words
    # than the story itself, which has no <article> markup
    teasers = "".join(
        f"<li><a href='/s{k}'>Other story {k}</a><span>WASHINGTON: Expressing concern over the exercise in "
        "Assam, an independent, bipartisan US government entity has said that close to two million "
        "long-time residents of the Indian state may soon...</span></li>"
        for k in range(8)
    )
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "Nearly 150 Indians returned home broke on Wednesday after being deported for violating visa norms.",
            "The special aircraft carrying the deportees landed at the Delhi airport at 6am, an official said.",
            "Some said they felt dejected that they could not realise their American dream after several tries.",
        )
    )
    page = (
        "<html><head><title>Deportees return home</title></head><body>"
        f"<div class='breaking-news'><ul>{teasers}</ul></div>"
        f"<div class='main-article-content'><div class='shortcode-content'>{story}</div></div></body></html>"
    )
    article = parse_html(page, "page.html")
    assert article.body.startswith("Nearly 150 Indians returned home")
    assert "Expressing concern" not in article.body


def test_plain_text_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Wrapped article title\n\n"
        "The Caspian Sea covers about 371,000 square kilometres, which makes it\n"
        "the largest inland body of water in the world, shared by five countries\n"
        "around its shores.\n\n"
        "Leaders signed a convention on its legal status in Aktau in August 2018,\n"
        "after years of talks.\n"
    )
    article = from_text(text)
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.blocks[0].text.endswith("shared by five countries around its shores.")


# --- short and bad inputs -------------------------------------------------------------------------------


def test_one_word_text_reads(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Kazakhstan\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Kazakhstan" and article.body == "Kazakhstan"
    assert article.blocks[0].start == 0 and article.blocks[0].end == len("Kazakhstan")


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n   \n", "empty"),
        ("nbsp.txt", "\u00a0 \u2003\n".encode(), "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("noise.txt", NOISE, "encoding"),
        ("french.txt", FRENCH.encode(), "English"),
        ("russian.txt", RUSSIAN.encode(), "English"),
        ("junk.txt", b"more\n\nMore News\n\nRead more\n", "no text"),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2025</footer></body></html>",
            "no article text",
        ),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, name: str, content: bytes, expect: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_article(path)
    assert expect.lower() in _one_line_error(exc, str(path)).lower()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        read_article(tmp_path / "nope.txt")
    assert "not found" in _one_line_error(exc, "nope.txt")
    with pytest.raises(InputError) as exc:
        read_article(tmp_path)
    assert "folder" in _one_line_error(exc, str(tmp_path))


def test_from_text_refuses_empty_and_non_english() -> None:
    with pytest.raises(InputError, match="empty"):
        from_text("   \n ")
    with pytest.raises(InputError, match="English"):
        from_text(FRENCH)


def test_looks_english() -> None:
    assert looks_english(CASPIAN)
    assert looks_english("Kazakhstan")  # too short to judge: fine, generation warns
    assert not looks_english(FRENCH)
    assert not looks_english(RUSSIAN)
    assert not looks_english(
        "Kasachstan ist den Abraham-Abkommen beigetreten. Die Entscheidung wurde vom amerikanischen "
        "Präsidenten nach einem Telefonat mit den Staatschefs verkündet."
    )


def test_absurdly_nested_html_is_refused_not_crashed() -> None:
    page = (
        "<html><body>"
        + "<div>" * 3000
        + "<p>Kazakhstan joined the accords on Thursday.</p>"
        + "</div>" * 3000
    )
    with pytest.raises(InputError, match="nested too deeply"):
        parse_html(page, "deep.html")


def test_an_xhtml_page_reads_without_advice_on_stderr() -> None:
    # msn.com served its article as XHTML with an XML declaration first: the HTML parser read it well, but
    # BeautifulSoup printed ten lines of advice about XML parsers under the teacher's summary
    page = (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        '<!DOCTYPE HTML PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.2//EN" "http://www.openmobilealliance.org/tech/'
        'DTD/xhtml-mobile12.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB" dir="ltr">\n'
        "<head>\n <!-- data-info:"
        + "v"
        * 600
        + " -->\n<title>Student halls</title></head>"  # past the first chunk
        "<body><article><p>As increasing numbers of UK universities wrestle with Covid-19 outbreaks, experts are "
        "warning that student halls are too full to be safe.</p></article></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = parse_html(page, "msn.html")
    assert art.body.startswith("As increasing numbers of UK universities")


def test_wrapper_with_a_junk_looking_class_is_not_thrown_away() -> None:
    sentence = "Kazakhstan joined the Abraham Accords on Thursday, the White House said in a statement."
    page = (
        "<html><body><div class='page-with-sidebar'><div class='story'>"
        + "".join(f"<p>{sentence} Point {i}.</p>" for i in range(8))
        + "</div><div class='comments'><p>Great article, I enjoyed the analysis of the region.</p></div>"
        + "</div></body></html>"
    )
    article = parse_html(page)
    assert len(article.blocks) == 8
    assert article.removed == ("Great article, I enjoyed the analysis of the region.",)


def test_scraped_text_with_news_site_furniture() -> None:
    text = "\n".join(
        [
            "Home / World / Asia",
            "Trump announces Kazakhstan will join Abraham Accords",
            "TRUMP ANNOUNCES KAZAKHSTAN WILL JOIN ABRAHAM ACCORDS",
            "New Delhi, UPDATED: Nov 7, 2025 08:15 IST",
            "Written By: Jane Doe",
            "Listen to Story",
            "Kazakhstan will join the Abraham Accords, US President Donald Trump announced on Thursday "
            "after a call with the leaders of Israel and Kazakhstan.",
            "Advertisement",
            '"Kazakhstan is the first Country of my Second Term to join the Abraham Accords," Trump wrote.',
            "ALSO READ | What are the Abraham Accords?",
            "The foreign ministry in Astana said the country had agreed in principle to join.",
            "(With inputs from agencies)",
            "Trending",
            "Five things to know about the C5+1 summit",
            "Why Central Asia matters to Washington",
            "Tags :",
            "Kazakhstan",
            "Abraham Accords",
        ]
    )
    article = from_text(text)
    assert article.title == "Trump announces Kazakhstan will join Abraham Accords"
    assert (article.date, article.byline) == ("2025-11-07", "Jane Doe")
    assert [b.text[:20] for b in article.blocks] == [
        "Kazakhstan will join",
        '"Kazakhstan is the f',
        "The foreign ministry",
    ]
    (quote,) = article.quotes
    assert quote.attributed and quote.speaker == "Trump"


def test_publisher_notices_are_page_furniture() -> None:
    """Real debris (VOA's self-description and sourcing line, a Wikinews footer, screen-size toggles): out of
    the body, while a sentence that merely mentions a public domain stays."""
    from quizkit.article import debris

    root = Path(__file__).resolve().parent.parent
    bhutan = read_article(root / "benchmarks/quality/corpus/voa-bhutan-election-2013.txt")
    assert "provides news and information" not in bhutan.body
    assert "information for this report was provided" not in bhutan.body
    assert "\nLG" not in bhutan.body and "King Jigme Khesar Namgyel Wangchuk" in bhutan.body
    assert debris.is_page_notice("Wikinews is a project of the Wikimedia Foundation.")
    assert debris.is_page_notice("XS")
    assert not debris.is_page_notice("The court ruled that the photographs are not in the public archive.")


def test_a_disclaimer_and_a_subscription_offer_are_page_furniture() -> None:
    """Moneycontrol's footer, as the page carries it: its disclaimer had become a false statement ("…are their
    own and that of the website"), and its offer is an advertisement; a sentence about a code of conduct stays."""
    from quizkit.article import debris

    assert debris.is_page_notice(
        "Disclaimer: The views and investment tips expressed by investment experts on Moneycontrol.com are "
        "their own and not that of the website or its management."
    )
    assert debris.is_page_notice(
        "Get access to India's fastest growing financial subscriptions service Moneycontrol Pro for as little "
        'as Rs 599 for first year. Use the code "GETPRO".'
    )
    assert not debris.is_page_notice("The minister said the disclaimer on the forms would be removed.")
    assert not debris.is_page_notice("Officials use the code of conduct to judge complaints.")


def test_title_case_dateline_with_a_dash_leaves_the_lead() -> None:
    """A real AP lead as a Detroit paper printed it ("Indianapolis – Several thousand teachers ..."): the place
    is a dateline, not the subject of the lead; a dash inside a sentence stays."""
    from quizkit.article import debris

    lead = (
        "Indianapolis – Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday."
    )
    assert debris.strip_dateline(lead) == (lead.split("– ", 1)[1], "Indianapolis –")
    assert (
        debris.strip_dateline("New Delhi — The government said on Monday it would act.")[1] == "New Delhi —"
    )
    kept = "Ukraine — and the world — watched the vote on Tuesday."
    assert debris.strip_dateline(kept) == (kept, "")
    article = from_text(
        "Thousands of teachers pack Indiana Statehouse for protest\n\n" + lead + " They want pay.\n"
    )
    assert article.body.startswith("Several thousand teachers")


def test_a_date_dateline_a_footnote_back_link_and_a_quoted_title_are_not_the_article_s_words() -> None:
    """Real pages: WebMD ("Feb. 23, 2015 -- Life-threatening peanut allergies …"), Wikipedia's reference
    list ("^ Religion percentages may not add to 100% …") and Salon (a book's title in quotation marks is
    not what Rebecca Solnit said)."""
    from quizkit.article import debris

    lead = "Feb. 23, 2015 -- Life-threatening peanut allergies have mysteriously been on the rise."
    assert debris.strip_dateline(lead) == (lead.split("-- ", 1)[1], "Feb. 23, 2015 --")
    assert debris.is_page_notice("^ Religion percentages may not add to 100% as people could claim several.")
    article = from_text(
        "The sharing economy\n\nIn her book “A Paradise Built in Hell: The Extraordinary Communities that Arise "
        "in Disaster,” Rebecca Solnit wrote of the purpose people find when they pull together. “People "
        "find meaning in helping one another,” she said."
    )
    assert [q.text for q in article.quotes] == ["People find meaning in helping one another"]


def test_a_see_also_link_cut_off_teasers_and_a_rated_claim_box_are_not_the_article() -> None:
    """The New York Post's page opens with "see also", another story's headline and its teaser cut off at
    "…the plague,..." (the quiz asked "how many people have been diagnosed?" from it); Snopes opens with the
    claim it checks, its rating and "About this rating" (the claim became the article's own statement)."""
    post = from_text(
        "Chinese hunter catches bubonic plague after eating wild rabbit\n\nsee also\n\n"
        "## Two patients diagnosed with plague in China as officials scramble to prevent outbreak\n\n"
        "Two people in China have been diagnosed with the plague,...\n\n"
        "A case of the bubonic plague was reported in China over the weekend — after two people there were "
        "diagnosed with the pneumonic plague last week.\n\n"
        "Hong Kong civilians step in to save students trapped in vi..."
    )
    assert post.body == (
        "A case of the bubonic plague was reported in China over the weekend — after two people there were "
        "diagnosed with the pneumonic plague last week."
    )
    snopes = from_text(
        "Does Marie Yovanovitch Have a Net Worth of $17 Million?\n\n"
        "Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.\n\nUnproven\n\n"
        "About this rating\n\nOn Nov. 15, 2019, Marie Yovanovitch testified before the House Intelligence "
        "Committee. We have found no evidence to corroborate this claim."
    )
    assert snopes.body.startswith("On Nov. 15, 2019") and "Unproven" not in snopes.body


def test_a_view_counter_a_byline_on_the_lead_a_byline_set_line_by_line_and_a_drop_cap() -> None:
    """Breaking Belize News opens with "Views: 184" and the byline on the lead ("By Aaron Humes: The
    Americas …"); the Evening Standard sets its byline one name or handle per line under a bare "By", and
    the lead's first letter apart from the rest of its word ("T" above "urkey, Poland …")."""

    def page(title: str, *paragraphs: str) -> Article:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return parse_html(
            f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
        )

    belize = page(
        "Americas at risk of further COVID-19 wave",
        "Views: 184",
        "By Aaron Humes: The Americas cannot ignore the risk of further COVID-19 surges, warns Pan American "
        "Health Organization (PAHO) Director Carissa F. Etienne.",
        "Cases of COVID-19 are surging in Europe and East Asia due to Omicron BA.2.",
    )
    assert belize.body.startswith("The Americas cannot ignore the risk") and "Views" not in belize.body
    assert belize.byline == "Aaron Humes"
    standard = page(
        "Turkey, Poland and three Caribbean islands added to UK quarantine list",
        "By",
        "April Roach",
        "@aprilroach28",
        "Daniel O'Mahony",
        "T",
        "urkey, Poland and the Caribbean islands of Bonaire, St Eustatius and Saba have been removed from the "
        "Government’s list of travel corridors.",
        "Travellers arriving in the UK from those places after 4am on Saturday must self-isolate for 14 days, "
        "Transport Secretary Grant Shapps said.",
    )
    assert standard.body.startswith("Turkey, Poland and the Caribbean islands of Bonaire")
    assert standard.byline == "April Roach"
    # "By March" is a time, and a sentence that starts "By" is the article's
    timed = from_text("Deadline\n\nBy March: The council must decide on the budget before the vote.")
    assert timed.body.startswith("By March: The council")
    named = from_text(
        "Council faces budget vote\n\nBy Mark Janson: The council must decide on the budget before the vote."
    )
    assert named.body.startswith("The council must decide") and named.byline == "Mark Janson"


def test_a_horizontal_bar_an_editors_completion_and_a_coded_headline(tmp_path: Path) -> None:
    """Hawaii News Now sets an aside between horizontal bars ("life ― essential chemical elements ― are
    found"), Live Science completes a word in brackets ("a 30 min[ute] activity"), and Inexhibit's JSON-LD
    headline carries character references ("&#8216;The Medium is the Message&#8217;")."""
    article = from_text(
        "Europa\n\nPaganini said two of the three requirements for life ― essential chemical elements and "
        "sources of energy ― are found all over the solar system. Going upstairs was a 30 min[ute] activity, "
        "the patient wrote, and the gov[t] was told[4] of it."
    )
    assert "life — essential" in article.body and "―" not in article.body
    assert "a 30 minute activity" in article.body and "told of it" in article.body
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"&#8216;The Medium is the Message&#8217;: the 7th Amsterdam Light Festival"}</script></head><body>'
        "<article><p>"
        + "The festival shows light art by artists from around the world every winter. " * 6
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert read_article(page).title == "‘The Medium is the Message’: the 7th Amsterdam Light Festival"


def test_a_sponsors_note_with_a_sign_up_call_is_page_furniture() -> None:
    """Dealbreaker's "Opening Bell" carries a sponsor's note (33 words, longer than a bare furniture line);
    the quiz had made a true statement of "The Water Coolest is the preferred bathroom stall reading …"."""
    article = from_text(
        "Opening Bell 11.18.19\n\nT-Swift is beefing with The Carlyle Group.\n\nStart your day with the Opening "
        "Bell powered by The Water Coolest. The Water Coolest is the preferred bathroom stall reading material of "
        "finance professionals. Sign up for the free daily newsletter.\n\nTaylor Swift might not be able to "
        "perform all of her hits due to a legal dispute with Scooter Braun, and private equity is involved."
    )
    assert "Water Coolest" not in article.body and "Taylor Swift might not" in article.body
    kept = from_text(
        "Budget\n\nThe programme, sponsored by the city council, will sign up 400 families for free school "
        "meals this autumn, officials said, and the newsletter of the parents' association will list the "
        "dates. Families can also register at the library."
    )
    assert "sponsored by the city council" in kept.body


def test_a_space_the_markup_left_before_a_comma_or_an_apostrophe_s_is_closed_up() -> None:
    """The Paradigm (Nigeria) sets a space before every comma, full stop and "’s": a question had printed
    "what was the details of the Senate ’s plenary session shared on?"."""
    article = from_text(
        "Lawan moves motion\n\nThe details of the Senate ’s plenary session was shared on the Twitter handle of "
        "the Senate , @NGRSenate . Lawan raised the motion after the Senate President read 16 letters ."
    )
    assert "Senate’s plenary" in article.body and "the Senate, @NGRSenate." in article.body
    assert "16 letters." in article.body
    kept = from_text("Rock\n\nThe band played rock 'n' roll ... and the crowd sang along, as ever.")
    assert "rock 'n' roll ... and" in kept.body


def test_a_name_linked_to_its_tag_page_stays_in_the_sentence() -> None:
    """IndieWire links each name to its tag page (``id="auto-tag_mary-steenburgen"``); the "tag" in the id
    had cut the names out of every sentence ("how Oscar-winning actress came to co-write …"), and the
    2,400-word page gave no question. A list of tag links in its own block is still furniture."""
    link = '<a href="https://www.indiewire.com/t/{0}/" id="auto-tag_{0}" data-tag="{0}">{1}</a>'
    page = (
        "<html><head><title>How Mary Steenburgen Wrote the Best Original Song</title></head><body><article>"
        "<h1>How Mary Steenburgen Wrote the Best Original Song</h1>"
        "<p>The bizarre odyssey of how Oscar-winning actress "
        + link.format("mary-steenburgen", "Mary Steenburgen")
        + " came to co-write the euphoric power-ballad that "
        + link.format("jessie-buckley", "Jessie Buckley")
        + " performs at the end of “"
        + link.format("wild-rose", "Wild Rose")
        + "” began 10 years ago, when the star woke up after a minor arm surgery.</p>"
        "<p>“I felt strange as soon as the anesthesia started to wear off,” Steenburgen said in an interview "
        "about the song and the film.</p>"
        '<div class="post-tags">' + link.format("awards", "Awards") + link.format("music", "Music") + "</div>"
        "</article></body></html>"
    )
    body = parse_html(page).body
    assert "actress Mary Steenburgen came to co-write" in body
    assert "that Jessie Buckley performs at the end of “Wild Rose” began" in body
    assert "Awards" not in body and "Music" not in body


def test_a_blogger_post_inside_its_widget_is_the_article() -> None:
    """Blogger puts each post in ``<div class="widget Blog">``, whose "widget" is a furniture word, and writes
    it as <div> and <br> without one <p>: the page had "no article text". hAtom's ``post-body`` /
    ``entry-content`` is the post's text, and the whole of it, not its densest <div> (the longer second
    paragraph alone)."""
    page = (
        "<html><head><title>Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos</title></head>"
        '<body><div class="sidebar widget PopularPosts"><ul><li><a href="/a">Ten things to know today</a></li>'
        '<li><a href="/b">Chelsea sign a new keeper</a></li></ul></div>'
        '<div class="widget Blog" id="Blog1"><div class="blog-post hentry item-post">'
        '<h1 class="post-title">Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos</h1>'
        '<div class="post-body post-content">'
        '<div style="text-align: justify;"><span><span>Photos which were released online and are making the '
        "rounds on social media, show Nigerian actress, Kate Henshaw, looking absolutely stunning in new make-up "
        "photos. <br></span></span></div><span> </span>"
        '<div style="text-align: justify;"><span>Veteran Nollywood actress, Kate Henshaw, who in 2008, won the '
        "Africa Movie Academy Award for Best Actress in a Leading Role, has taken to her Instagram page to share "
        "some stunning photos of herself.</span></div>"
        "</div></div></div></body></html>"
    )
    body = parse_html(page).body
    assert body.startswith("Photos which were released online")
    assert body.endswith("stunning photos of herself.") and "Ten things" not in body


def test_opening_beside_a_read_more_box_is_kept() -> None:
    """A page that shows the opening and hides the rest in a "read more" box (Salon) puts the two side by
    side; the box alone is the densest block, and the opening must not be lost with it."""
    opening = "".join(
        f"<p>{t}</p>"
        for t in (
            "The city council voted on Monday to close the old bridge to cars after engineers found deep cracks "
            "in two of its supports during a routine inspection last month.",
            "Drivers will have to use the ring road, which adds about fifteen minutes to a trip across town.",
        )
    )
    rest = "".join(
        f"<p>The engineers' report, number {i}, lists further repairs the bridge will need before buses can "
        f"cross it again, and the council must still find the money for them in next year's budget.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Old bridge closes to cars</title></head><body>"
        f"<div class='story'>{opening}<div class='toggle-group'>{rest}</div></div></body></html>"
    )
    article = parse_html(page, "page.html")
    assert article.blocks[0].text.startswith("The city council voted on Monday")
    assert len(article.blocks) == 8


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks)


STORY = [
    "The museum reopened on Saturday after a two-year renovation that cost far more than planned.",
    "Visitors queued for hours to see the restored hall, which had been closed since a fire in 2022.",
    "The director said the museum would stay open late on Fridays for the rest of the summer.",
]


def test_next_story_on_a_multi_story_page_is_cut() -> None:
    """A weekly edition runs several stories on one page: a heading with its own byline and date below the
    first story starts the next, which goes; the first story's heading becomes the title."""
    text = _page(
        "Weekly Edition for March 26, 2015",
        "Museum reopens after fire",
        *STORY,
        "New trams for the east side",
        "By Ana Ruiz",
        "March 25, 2015",
        "The city ordered twelve new trams for the east side lines, to be delivered over three years.",
    )
    article = from_text(text)
    assert article.title == "Museum reopens after fire"
    assert [b.text for b in article.blocks] == STORY
    assert "New trams for the east side" in article.removed


def test_correspondent_box_inside_a_story_is_kept() -> None:
    """A correspondent's section inside the story has a byline but no date of its own: nothing is cut."""
    text = _page(
        "Museum reopens after fire",
        *STORY,
        "A city upended",
        "By Ana Ruiz, City News",
        "The fire had forced the museum to move its collection to a warehouse outside the city.",
    )
    article = from_text(text)
    assert article.title == "Museum reopens after fire"
    assert article.blocks[-1].text.startswith("The fire had forced the museum")


def test_a_list_right_after_a_figure_is_its_captions_not_the_story() -> None:
    """The Guardian sets a photo's caption as a list item after the <figure> ("Kauri Parata, watched by his
    father, carves …"): read as a paragraph, it became a true/false statement about a picture."""
    story = [
        "Maori tribes in Northland say the number of whales stranding on their beaches has grown in recent years.",
        "Hori Parata has led the recovery of whale bodies in the region for more than three decades now.",
        "His family believes whale oil could help against the kauri dieback disease that kills the trees.",
    ]
    body = (
        f"<p>{story[0]}</p><figure><img src='a.jpg'></figure><ul><li><p>Kauri Parata, watched by his father, "
        f"carves a traditional design at their home.</p></li></ul><p>{story[1]}</p><p>{story[2]}</p>"
        "<ul><li>A list the story itself sets out, after a paragraph.</li></ul>"
    )
    art = parse_html(f"<html><head><title>Whales</title></head><body><article>{body}</article></body></html>")
    assert "carves a traditional design" not in art.body
    assert all(p in art.body for p in story)
    assert "A list the story itself sets out" in art.body


@pytest.mark.parametrize(
    ("page_title", "site", "headline"),
    [  # the fresh pages' own <title>s and publishers
        (
            "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign | TheHill",
            "The Hill",
            "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign",
        ),
        ("Opinion | Republicans Are Following Trump to Nowhere", "The New York Times", None),
        (
            "Lexus wants you to go topless with 2020 LC500 Convertible - Auto News",
            "AutoIndustriya.com",
            "Lexus wants you to go topless with 2020 LC500 Convertible",
        ),
        (
            "The Guardian view on Hong Kong: a city on the brink | Editorial",
            "the Guardian",
            "The Guardian view on Hong Kong: a city on the brink",
        ),
        ("Milan Design Week 2018 | Anastassiades' light installation for FLOS", "", None),
    ],
)
def test_the_site_s_name_and_a_section_label_are_not_the_title(
    page_title: str, site: str, headline: str | None
) -> None:
    body = "The council voted on the plan after a long debate about the costs of the new road. " * 6
    page = (
        f'<html><head><title>{page_title}</title><meta property="og:site_name" content="{site}"></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )
    expected = headline or page_title.removeprefix("Opinion | ")
    assert parse_html(page).title == expected
