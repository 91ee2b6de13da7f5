"""Precision-first rules from the dev ratings (issue 9): each one with the kind of sentence reviewers met."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from quizkit.analysis import Sentence, analyse
from quizkit.article import from_text
from quizkit.check.quality import UNRESOLVED, restates
from quizkit.generate import (
    asked_only,
    candidates,
    generate_quiz,
    rated,
    said,
    statements,
    true_false,
    vocabulary,
)
from quizkit.generate.common import Candidate
from tests.factories import make_question


def asked(text: str) -> list[str]:
    """The written questions the article's sentences give."""
    from quizkit.generate import written

    analysis = analyse(from_text(text))
    return [a.prompt for s in analysis.sentences if (a := written.ask(s, analysis))]


def sentences(text: str) -> tuple[Sentence, ...]:
    return analyse(from_text(text)).sentences


def _made_but_not_kept(text: str, start: str) -> list[Candidate]:
    """The generators do make questions of the sentence that starts with ``start``, and ``rated`` keeps
    none of them (a list, a result line, a link: no sentence of the article). Returns what was mined."""
    analysis = analyse(from_text(text))
    line = next(s.index for s in analysis.sentences if s.text.startswith(start))
    mined = candidates(analysis, None, 0)
    assert any(c.sentence == line for c in mined)
    assert not any(c.sentence == line for c in rated(mined, analysis))
    return mined


def test_a_dropped_not_before_whether_is_not_a_false_statement() -> None:
    s = sentences("Angola vote\n\nUNITA has not said whether it will contest the results in court.")[0]
    assert not any("said whether" in text for text, _why in statements.falsified(s))


def test_no_second_frame_inside_ours() -> None:
    assert true_false.double_frame("According to police, the fire started in the kitchen.")
    assert true_false.double_frame("But according to the mayor, the bridge is safe.")
    assert not true_false.double_frame("The fire started in the kitchen, police said.")
    assert true_false.double_frame("Tourism is 15 percent of the economy, according to an industry body.")


def test_an_opening_word_loses_a_capital_that_only_started_the_sentence() -> None:
    """'A' is no acronym; 'Tourism' is no name though the sentence ends on 'the World Travel and Tourism
    Council' (both kept their capital after the frame in the step-8 test round)."""
    a = sentences(
        "Tunisia attack\n\nTourism is critical to Tunisia's economy, said the World Travel and Tourism Council. "
        "A New Zealand airplane reached the region on Wednesday."
    )
    assert true_false.framed(a[0].text, a[0]).startswith("According to the article, tourism is")
    assert true_false.framed(a[1].text, a[1]).startswith("According to the article, a New Zealand airplane")
    assert true_false.framed("I was there.", None) == "According to the article, I was there."


def test_a_country_on_the_other_side_of_a_relation_is_not_swapped() -> None:
    """'relations with China' is true in the world though the article names only Israel (reviewer f)."""
    a = analyse(
        from_text(
            "Kazakhstan joins the accords\n\nKazakhstan already has established diplomatic and economic relations "
            "with Israel. Central Asia is connected to China and aligned with Russia."
        )
    )
    s = a.sentences[0]
    israel = next(m for m in s.mentions if m.text == "Israel")
    assert true_false._related_to(s, israel)
    assert true_false._false(s, israel, a, random.Random(0)) is None


def test_a_statement_that_restates_the_headline_is_a_give_away() -> None:
    title = "Two US service members killed in helicopter crash in Afghanistan"
    assert restates(
        "Two United States service members have been killed in a helicopter crash in Afghanistan.", title
    )
    assert not restates("The Taliban claimed responsibility for shooting down the helicopter.", title)


def test_references_only_the_sentence_before_explains() -> None:
    for text in (
        "the city was devastated",
        "crop failures here",
        "Trump has made things worse",
        "Afterward, he left",
        "The agency does not post the same information on its website",  # test reviewer: the same as what?
    ):
        assert UNRESOLVED.search(text), text
    assert not UNRESOLVED.search("the city of Padang was devastated")
    assert not UNRESOLVED.search("The storm hit on the same day as the vote")
    assert not UNRESOLVED.search("At the same time, prices rose")


def test_the_summary_says_which_main_points_the_quiz_asks_about() -> None:
    from pathlib import Path

    from quizkit.article import read_article
    from quizkit.generate import summary_lines

    seed = (
        Path(__file__).resolve().parent.parent / "seeds/kazakhstan-abraham-accords-india-today-2025-11-07.txt"
    )
    gen = generate_quiz(read_article(seed), seed=1)
    assert gen.main_points and set(gen.covered) <= set(gen.main_points) and gen.covered
    line = next(x for x in summary_lines(gen) if x.startswith("main points:"))
    assert f"{len(gen.covered)} of the {len(gen.main_points)} paragraphs" in line


def test_factories_question_is_untouched_by_the_new_checks() -> None:
    """The quality checks judge a teacher's own questions too: a plain question passes."""
    from quizkit.check import check_question

    q = make_question("short_answer")
    assert [f for f in check_question(q, None) if f.check in ("unresolved_reference", "title_giveaway")] == []


# --- session 4: rules read off the dev ratings (reviewers i-p) ------------------------------------------


def test_a_main_claim_said_the_other_way_round_is_a_false_statement() -> None:
    """A flipped main claim was accepted as a plausible misreading ("the brain does use all …")."""
    s = sentences("Kazakhstan joins\n\nKazakhstan already has established diplomatic relations with Israel.")[
        0
    ]
    assert statements.negated(s) == "Kazakhstan has not established diplomatic relations with Israel."
    s = sentences("Central Bank\n\nThe Central Bank is eyeing inflation rates.")[0]
    assert statements.negated(s) == "The Central Bank is not eyeing inflation rates."
    assert ("The Central Bank is not eyeing inflation rates.", "the article states the opposite") in (
        statements.falsified(s)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Typhoon Ketsana made landfall in the Philippines on Saturday.",
        "In 1998, Bin Laden's agents blew up the United States Embassies in Kenya and Tanzania.",
        "Hong Kong Polytechnic University was besieged by police.",
        # a tail set off by a comma, which the "not" seems to cover though it is still true
        "Central Asia is currently a focal point of a quiet strategic rivalry, with the U.S. striving to "
        "reestablish its presence.",
        # a scheduled event in the present tense (dev, BBC)
        "Mr Obama lands in Kenya later on Friday for his first visit since becoming president.",
    ],
)
def test_a_reported_event_is_not_denied(text: str) -> None:
    """ "Bin Laden's agents did not blow up the embassies": no misreading a student would make (dev and test
    reviewers since step 10 accepted 3 of 17 past events denied; a state or a view, "is not eyeing", stays);
    nor a clause with a tail after a comma ("…, with the U.S. striving …": both seed reviewers of step 12)."""
    assert statements.negated(sentences(f"Story\n\n{text}")[0]) is None


def test_claims_that_would_read_as_nonsense_are_not_negated() -> None:
    for text in (
        "Padden says the damage from the quake is much worse than that from an earthquake in September.",  # say
        "King Jigme Khesar Namgyel Wangchuk voluntarily ceded absolute power in 2008 and introduced democracy.",
        "Fewer than 400,000 people were eligible to vote in the elections.",  # a count
        "The Fed may raise rates again in March.",  # a modal: "may not" can still be true
        "Sudan is only one of three countries on the list.",  # a limiting word
        # a word that already says "not" (a real opinion piece on Hong Kong): "are not proving unable"
        "Hong Kong police and their intelligence service masters are proving unable to stem the mass disorder.",
    ):
        s = sentences(f"Story\n\n{text}")[0]
        assert statements.negated(s) is None, text


def test_not_before_and_not_only_keep_their_not() -> None:
    s = sentences(
        "Lorenz\n\nIn the summer of 1961, Hamilton moved on to another project, but not before training her replacement."
    )[0]
    assert not any("but before" in text for text, _why in statements.falsified(s))


def test_a_name_in_a_list_or_a_possessive_is_not_swapped() -> None:
    """'West Michigan' put in a list of counties; 'Tova Noel's unit' (reviewers l, n)."""
    a = analyse(
        from_text(
            "EEE\n\nThe virus has been reported in Barry, Berrien, Calhoun and Cass counties in Michigan. "
            "Cases first appeared in West Michigan at the end of August. The outbreak has spread to Ohio."
        )
    )
    s = a.sentences[0]
    for m in s.mentions:
        if m.text in ("Barry", "Berrien", "Calhoun", "Cass"):
            assert not true_false._swappable_role(s, m, true_false.main_actor(a)), m.text


def test_a_person_is_swapped_only_for_another_speaker_and_only_in_what_they_said() -> None:
    a = analyse(
        from_text(
            "Debt\n\nSenator Mark Warner said the issue has just disappeared. "
            "Jeffrey Frankel warns that the government will find it harder to cut taxes. "
            "Donald Trump has called for spending $1 trillion on infrastructure. "
            "Zabihullah Mujahid is a spokesman."
        )
    )
    assert said.speakers_of(a) == {"Mark Warner", "Jeffrey Frankel"}
    s = a.sentences[2]
    trump = next(m for m in s.mentions if m.kind == "person")
    assert not true_false._swappable_role(
        s, trump, true_false.main_actor(a)
    )  # "Zabihullah Mujahid has called for spending…"
    s = a.sentences[1]
    frankel = next(m for m in s.mentions if m.kind == "person")
    made = true_false._false(s, frankel, a, random.Random(0), true_false.roles_of(a))
    assert made is not None and made[1] == "Mark Warner"


def test_the_story_s_own_subject_is_neither_swapped_out_nor_in() -> None:
    """'China's participation in the Abraham Accords…' (both seed reviewers: nonsense, give-away);
    'Kenya will improve access for aid groups…' in a story about Sudan."""
    a = analyse(
        from_text(
            "Sudan sanctions\n\nSudan will improve access for aid groups. Sudan has been accused of backing rebels. "
            "Kenya and Ethiopia border Sudan. Officials in Sudan welcomed the move by Kenya."
        )
    )
    s = a.sentences[0]
    sudan = next(m for m in s.mentions if m.text == "Sudan")
    assert true_false._false(s, sudan, a, random.Random(0)) is None


def test_a_count_out_of_a_total_and_a_number_in_a_name_are_not_changed() -> None:
    a = analyse(
        from_text(
            "Bhutan votes\n\nThe party has won 32 of the 47 seats in the vote for parliament, officials said on "
            "Sunday. Euro 2020 qualifying is over for 20 teams."
        )
    )
    s = a.sentences[0]
    for m in s.mentions:
        if m.kind == "number" and m.text in ("32", "47"):
            assert true_false._false(s, m, a, random.Random(0)) is None, m.text
    s = a.sentences[1]
    year = next((m for m in s.mentions if "2020" in m.text), None)
    assert year is None or true_false._false(s, year, a, random.Random(0)) is None


def test_a_name_the_article_capitalises_elsewhere_keeps_its_capital_after_the_frame() -> None:
    a = analyse(
        from_text(
            "Epstein guards\n\nThe guards were charged on Tuesday, said lawyer Montell Figgins. "
            "Figgins declined to address whether Thomas slept on the job."
        )
    )
    s = a.sentences[1]
    assert "figgins" in s.proper
    assert true_false.framed("Figgins declined to address the charges.", s).startswith(
        "According to the article, Figgins"
    )


def test_an_opening_but_with_a_comma_is_cut() -> None:
    from quizkit.generate.syntax import drop_connective

    assert (
        drop_connective("But, the Fed has gradually raised rates.") == "the Fed has gradually raised rates."
    )
    assert drop_connective("Separately, China's oil output rose.") == "China's oil output rose."


def test_the_writers_comment_opening_a_statement_is_cut() -> None:
    """ "According to the article, unsurprisingly, Arduino LLC did care for the petition" (a fresh page,
    LWN): the writer's comment is not part of the claim; an adverb that belongs to the sentence stays."""
    from quizkit.generate.syntax import drop_connective

    assert (
        drop_connective("Unsurprisingly, Arduino LLC did not care for the petition.")
        == "Arduino LLC did not care for the petition."
    )
    assert drop_connective("More importantly, the law passed.") == "the law passed."
    assert drop_connective("Naturally occurring gas was found.") == "Naturally occurring gas was found."


def test_unresolved_them_and_it_after_a_preposition() -> None:
    for text in (
        "Lorenz thanked them in the literature",
        "the United States has imposed punitive measures against it in an attempt",
        "Lorenz described it during the Q&A session",
    ):
        assert UNRESOLVED.search(text), text
    assert not UNRESOLVED.search("the government will find it more difficult to cut taxes")


def test_a_true_and_a_false_statement_saying_one_thing_both_ways_are_not_both_asked() -> None:
    from quizkit.generate import select

    assert select.opposites(
        "According to the article, Kazakhstan's participation signals that the U.S. continues to play a role.",
        "According to the article, Kazakhstan's participation does not signal that the U.S. continues to play a role.",
    )


def test_a_statement_that_stops_before_a_verb_it_left_out_is_not_made() -> None:
    """The parser made "nears" the main verb; the clause it kept ended "…as another powerful typhoon."."""
    s = sentences(
        "Typhoon\n\nThe Philippines is warning people to leave low-lying areas as another powerful typhoon nears."
    )[0]
    assert not any(t.endswith("typhoon.") for t in statements.clause_statements(s))


def test_an_editor_s_bracketed_capital_is_kept_as_a_letter() -> None:
    """CNN's '"[T]he birth lottery…"' lost its "[T]" as if it were a footnote letter ("he birth lottery")."""
    from quizkit.article.debris import strip_inline

    text, removed = strip_inline(
        'The report states: "[T]he birth lottery matters more."[2] It ranked the U.S. last.'
    )
    assert text == 'The report states: "The birth lottery matters more." It ranked the U.S. last.'
    assert removed == ["[2]"]


def test_wrong_meanings_of_an_idea_are_ideas_not_objects() -> None:
    """ "breakthroughs" in talks offered "the remains of an ancient plant" and "the curved path of an object"
    (reviewers y, z: absurd distractors)."""
    from quizkit.generate.vocabulary import gloss_kind, glossary, wrong_meanings

    assert gloss_kind(glossary()["fossil"]) == "object"
    idea = gloss_kind(glossary()["breakthrough"])
    assert idea not in ("object", "agent", "substance")
    for seed in range(5):
        wrong = wrong_meanings("breakthrough", random.Random(seed)) or ()
        assert wrong and all(gloss_kind(d) == idea for d in wrong)


def test_wrong_meanings_are_of_the_key_s_own_kind_of_idea() -> None:
    """Step-8 test reviewers: "central bank" offered three kinds of person, "cyclone" rubble and debris;
    dev reviewers: "sanctions" offered "amounts of a natural resource", "accord" "a long period with much less
    rain". Institutions take institutions, storms other natural events, rules other rules."""
    from quizkit.generate.vocabulary import gloss_kind, glossary, wrong_meanings

    g = glossary()
    for term, kind in (
        ("central bank", "body"),
        ("cyclone", "event"),
        ("sanctions", "rule"),
        ("accord", "rule"),
    ):
        assert gloss_kind(g[term]) == kind
        for seed in range(5):
            wrong = wrong_meanings(term, random.Random(seed)) or ()
            assert wrong and all(gloss_kind(d) == kind for d in wrong), (term, wrong)
    assert g["rubble"] not in (wrong_meanings("cyclone", random.Random(0)) or ())


def test_wrong_meanings_come_from_the_article_s_topic() -> None:
    """Test reviewers, step 25: a hurricane guide's "cyclone" offered a tremor, an aftershock and a landslide
    ("earthquake word bank: no skimmer would be misled"); "inflation" "a second round of voting"; an
    earthquake's "casualties" a refugee, a rebel and a civilian. Wrong options of the key's kind come first
    from the terms the article uses, then from those nearest its words; never two near synonyms together."""
    from quizkit.generate.vocabulary import glossary, related_terms, wrong_meanings

    g = glossary()
    term_of = {d: t for t, d in g.items()}
    storm = analyse(
        from_text(
            "Forecasters expect a busy hurricane season this year.\n\n"
            "Every tropical cyclone can bring a storm surge, heavy rain and flooding to the coast, and"
            " officials urged families to prepare before the storms arrive."
        )
    )
    cyclone = next(
        c.question for c in vocabulary.candidates(storm, random.Random(0)) if c.target == "vocabulary:cyclone"
    )
    wrong = [d for d in cyclone.choices if d != cyclone.answer]
    assert g["storm surge"] in wrong  # the article's own term first
    assert not any("earthquake" in d or "ground" in d for d in wrong), wrong
    for seed in range(5):
        prices = wrong_meanings("inflation", random.Random(seed), topic=frozenset()) or ()
        assert prices and all(term_of[d] not in ("runoff", "landslide victory", "caucus") for d in prices)
        others = [term_of[d] for d in prices]
        assert not any(
            related_terms(a, b) for a in others for b in others if a != b
        )  # not recession and downturn
    quake = wrong_meanings("casualties", random.Random(0), near=["survivor", "evacuee"]) or ()
    assert {g["survivor"], g["evacuee"]} <= set(quake)


def test_wrong_meanings_follow_the_field_of_the_article() -> None:
    """Fresh reviewers, session 23: "stakeholders" in a currency-policy debate offered a civilian and an
    extremist; a court "ruling" an injunction and an acquittal, which are rulings too."""
    from quizkit.generate.vocabulary import field_of, glossary, wrong_meanings

    term_of = {d: t for t, d in glossary().items()}
    money = wrong_meanings("stakeholder", random.Random(0), near=["currency", "exchange rate", "stakeholder"])
    assert money and sum(field_of(term_of[d]) == "economy-and-finance" for d in money) >= 2
    for seed in range(10):
        court = {term_of[d] for d in wrong_meanings("ruling", random.Random(seed)) or ()}
        assert court and not court & {"injunction", "acquittal", "verdict"}


def test_a_word_in_an_office_s_name_is_not_asked() -> None:
    """ "Kaitaia conservation department ranger Jamie Werner" (test reviewer: "the word comes from an agency
    name and tests nothing about the article"); an opposition leader still leads the opposition."""
    office = analyse(
        from_text(
            "Whales stranded on a northern beach\n\n"
            "The strandings were described as heartbreaking by the conservation department.\n\n"
            "Opposition leader Maria Costa said the cabinet must answer for the cuts."
        )
    )
    found = vocabulary.occurrences(office)
    assert "conservation" not in found
    assert "opposition" in found


def test_surveillance_of_the_sea_is_not_watching_people() -> None:
    """ "A New Zealand P3 Orion maritime surveillance airplane" searching for survivors was glossed "close
    watching of people, often secretly, by the authorities" (test reviewer: wrong key)."""
    sea = analyse(
        from_text(
            "Search for survivors after the tsunami\n\n"
            "A New Zealand maritime surveillance airplane searched the sea off Samoa for survivors.\n\n"
            "Critics said state surveillance of journalists by the government had grown."
        )
    )
    s, _ = vocabulary.occurrences(sea)["surveillance"]
    assert "journalists" in s.text


def test_software_frameworks_and_customers_left_without_a_bank_are_other_senses() -> None:
    """Fresh reviewers: an ad-tech firm's "frameworks" were glossed as rules of states, customers "stranded"
    without their bank as having no way to leave a place."""
    other = analyse(
        from_text(
            "Banks close branches\n\n"
            "Customers were stranded without a local bank after the closures.\n\n"
            "The startup builds software frameworks for advertisers."
        )
    )
    assert not {"stranded", "framework"} & set(vocabulary.occurrences(other))
    same = analyse(
        from_text(
            "Snow closes the pass\n\n"
            "Hundreds of motorists were stranded on the highway by the snow.\n\n"
            "The treaty sets a legal framework for talks between the two countries."
        )
    )
    assert {"stranded", "framework"} <= set(vocabulary.occurrences(same))


def test_a_definition_of_an_act_is_an_act_not_a_place() -> None:
    """ "siege: surrounding a place with armed forces …" was read as a place and offered an epicentre and
    rubble; a definition that starts with an -ing word names an act."""
    from quizkit.generate.vocabulary import gloss_kind, glossary

    assert gloss_kind(glossary()["siege"]) == gloss_kind(glossary()["extradition"]) == "thing"


def test_two_true_statements_about_one_event_of_one_actor_are_not_both_asked() -> None:
    from quizkit.generate import select

    assert select._possessor(
        "According to the article, Kazakhstan’s accession to the Abraham Accords marks a move."
    )
    assert select._possessor(
        "According to the article, Kazakhstan's formal entry into the accords carries implications."
    ) == select._possessor("According to the article, Kazakhstan’s accession to the accords marks a move.")
    assert select._possessor("According to the article, the summit was part of the U.S. effort.") == ""


def test_a_currency_ticker_line_is_neither_the_title_nor_the_text(tmp_path: Path) -> None:
    """timesca.com's tag page opens with "• KGS/USD = 0.01143 0%" lines, repeated; one became the title."""
    from quizkit.article import read_article
    from quizkit.article.debris import is_ticker

    page = tmp_path / "tag.txt"
    tickers = "\n".join(
        ["  • KGS/USD = 0.01143 0%", "  • KZT/USD = 0.00200 0%", "  • TJS/USD = 0.10593 -0.19%"] * 6
    )
    page.write_text(
        f"{tickers}\n\nKazakhstan's Banking System and the Logic of Early Enforcement\n\n"
        "Kazakhstan's growth model depends on uninterrupted access to international finance. "
        "Export revenues are concentrated in globally-priced commodities.\n",
        encoding="utf-8",
    )
    a = read_article(page)
    assert a.title == "Kazakhstan's Banking System and the Logic of Early Enforcement"
    assert "USD" not in a.body
    assert is_ticker("Brent 62.10 -1.2%") and not is_ticker("Kazakhstan 2024") and not is_ticker("Chapter 3")


def test_the_most_relevant_background_fact_is_not_lost_to_the_true_false_balance() -> None:
    """The seed's top fact (Kazakhstan's multi-vector policy: the article's "balancing act") was skipped
    whenever its statement came out true while the balance wanted a false one."""
    from quizkit.knowledge.context import knowledge_questions
    from tests.test_generate import seed_article

    for seed in range(4):
        qs = knowledge_questions(seed_article(), count=3, seed=seed)
        assert any("multi-vector" in f"{q.prompt} {q.answer}" for q in qs), seed


def test_the_headline_why_answer_carries_the_headline_s_own_answer_once() -> None:
    """Seed reviewers t and x: the model answer pasted sentences "without the balancing act" (the title's
    "…: a new geopolitical balancing act"), and a quotation restating the sentence before counted twice."""
    from tests.test_generate import seed_article

    q = next(q for q in generate_quiz(seed_article(), seed=1).quiz.questions if "headline" in q.tags)
    points = list(q.answer)
    assert any("balancing" in p for p in points)
    assert not any(p.startswith("Kazakhstan joining the accords signals") for p in points)


def test_a_count_asked_for_is_never_exceeded() -> None:
    """A true/false statement added to balance the keys once made 9 questions of the 8 asked."""
    from tests.test_generate import seed_article

    for count in (4, 6, 8, 10):
        for seed in (0, 1, 2):
            assert len(generate_quiz(seed_article(), count=count, seed=seed).quiz.questions) <= count


def test_a_key_partly_named_in_the_headline_is_a_give_away() -> None:
    from quizkit.check.quality import title_giveaway
    from quizkit.model import Evidence

    article = from_text(
        "Michigan reports sixth death from mosquito virus\n\nCases first appeared in West Michigan in August."
    )
    q = make_question(
        type="fill_blank",
        prompt="Cases first appeared in _____ in August.",
        answer="West Michigan",
        evidence=Evidence("Cases first appeared in West Michigan in August.", 0, 48),
    )
    assert list(title_giveaway(q, article))


def test_no_false_statement_from_a_changed_year_or_a_name_inside_a_longer_name() -> None:
    """Reviewers aa, ab: "tests only 2010 vs 2011"; "Secretary of Federal Register"; "Peace and People's
    Democratic Party"."""
    a = analyse(
        from_text(
            "Food aid\n\nThe Secretary of Agriculture should establish quality guidelines, the GAO said in 2023. "
            "The Federal Register published the rule. The Department of Agriculture agreed with the GAO."
        )
    )
    s = a.sentences[0]
    agriculture = next((m for m in s.mentions if "Agriculture" in m.text), None)
    assert agriculture is None or not true_false._swappable_role(s, agriculture, true_false.main_actor(a))
    qs = [c.question for c in true_false.candidates(a, random.Random(0))]
    assert not any("2022" in q.prompt or "2024" in q.prompt for q in qs if q.answer is False)


def test_a_not_that_a_negative_polarity_word_needs_is_kept() -> None:
    s = sentences(
        "Coders\n\nFor coder-scientists in academic systems, things haven't changed all that much, Goodman said."
    )[0]
    assert not any("changed all that much" in t and "n't" not in t for t, _why in statements.falsified(s))


def test_did_the_same_and_say_that_is_point_elsewhere() -> None:
    assert UNRESOLVED.search("North Macedonia did the same on Tuesday")
    assert UNRESOLVED.search("most experts say that is likely because the dollar is the reserve currency")


def test_the_reuters_standards_footer_is_a_page_notice() -> None:
    from quizkit.article.debris import is_page_notice

    assert is_page_notice("Our Standards: The Thomson Reuters Trust Principles.")
    assert is_page_notice("The Thomson Reuters Trust Principles.")
    assert not is_page_notice("Reuters reported that aluminium prices fell.")


def test_a_vocabulary_passage_does_not_open_on_a_pronoun_object() -> None:
    from quizkit.generate.vocabulary import context_of

    s = sentences(
        "Uranium\n\nIn 2012, Kazatomprom increased its shares from 46 percent to 51 percent, making it the majority "
        "stakeholder in national uranium mining endeavors."
    )[0]
    assert context_of(s, "stakeholder") == "the majority stakeholder in national uranium mining endeavors"


def test_a_capital_used_for_its_government_ties_no_fact_about_the_city() -> None:
    """CSIS on Kazakh uranium ("Astana is limited by…", "Astana's neighbors") got "In which year did the
    capital take back the name Astana?" (reviewers z and aa: off-topic)."""
    from quizkit.knowledge.relevance import _named_as_place

    metonym = from_text(
        "Uranium\n\nAstana is limited by its inability to enrich uranium. Astana's neighbors export."
    )
    place = from_text("Summit\n\nLeaders met in Astana on Tuesday. Astana hosted the talks.")
    assert not _named_as_place("Astana", metonym)
    assert _named_as_place("Astana", place)


def test_this_development_near_the_top_is_the_lead_s_event() -> None:
    """Seed reviewers af and ag missed the Washington visit: "This development coincides with President
    Kassym-Jomart Tokayev's visit to Washington…" was never asked, its subject unresolved."""
    from tests.test_generate import seed_article

    s = next(x for x in analyse(seed_article()).sentences if x.text.startswith("This development"))
    assert s.lead_event == "Kazakhstan’s accession to the Abraham Accords"
    made = statements.clause_statements(s)
    assert made and made[0].startswith(
        "Kazakhstan’s accession to the Abraham Accords coincides with President"
    )


def test_a_lead_without_an_event_of_someone_named_resolves_nothing() -> None:
    a = analyse(
        from_text("Storm\n\nOfficials said the storm was strong. This move surprised residents of Texas.")
    )
    assert all(not s.lead_event for s in a.sentences)


def test_a_false_statement_never_turns_on_an_aside_or_a_side_number() -> None:
    """Step-8 and step-9 test reviewers: made false by the dollar conversion in brackets ("(around U.S.
    $480,000)") or by "two years of a pandemic" become "four", while the claim itself stands untested."""
    a = analyse(
        from_text(
            "Court case\n\nThe agency is seeking 20 million rupees (around U.S. $240,000) in damages from the "
            "website, the court said. Prices are soaring after two years of a pandemic, the minister said. "
            "The storm destroyed five houses in the village."
        )
    )
    made = [
        c.question.prompt for c in true_false.candidates(a, random.Random(0)) if c.question.answer is False
    ]
    assert not any("$240,000" not in p and "U.S. $" in p for p in made), made
    assert not any("years of a pandemic" in p and "two years" not in p for p in made), made
    assert any("houses" in p and "five houses" not in p for p in made), made  # a core count still changes


def test_a_count_given_as_a_bound_is_never_changed_to_make_a_statement_false() -> None:
    """ "at least five dead" → "at least seven dead" is not ruled out by the article, and later reports
    may confirm it (a reviewer's wrong key, steps 9 and 10)."""
    bound = sentences("Storms\n\nThe storm killed at least five people in the county on Sunday.")[0]
    assert not any("seven" in text for text, _why in statements.falsified(bound))
    plain = sentences("Storms\n\nThe storm killed five people in the county on Sunday.")[0]
    assert any("seven" in text for text, _why in statements.falsified(plain))


def test_a_false_statement_with_another_name_swapped_in_is_asked_for_only() -> None:
    """Dev and test reviewers since step 10 accepted 2 of 11 name swaps (the new name rarely has the role):
    a default quiz leaves them out, and ``--types true_false`` brings them back."""
    from quizkit.analysis import focus
    from quizkit.generate import asked_only, candidates

    text = (
        "Tokayev meets Trump\n\nKazakh President Kassym-Jomart Tokayev met Donald Trump in Washington on "
        "Thursday. Tokayev also met Uzbek President Shavkat Mirziyoyev in Tashkent a week earlier. "
        "Tokayev said Kazakhstan would keep close ties with Russia and China. Trump said the United States "
        "wanted more trade with Central Asia."
    )
    analysis = analyse(from_text(text))
    found = candidates(focus(analysis, 99, 0), ["true_false"], 0)
    swaps = [c for c in found if true_false.NAME_SWAP_TAG in c.question.tags]
    assert swaps and all(c.question.answer is False for c in swaps)
    assert all(asked_only(c) for c in swaps)
    others = [c for c in found if true_false.NAME_SWAP_TAG not in c.question.tags]
    assert others and not any(asked_only(c) for c in others if not true_false.short_true(c.question))


# --- session 10 ----------------------------------------------------------------------------------------


def test_a_list_tail_the_parser_took_for_a_subject_gives_no_statement() -> None:
    """ "Because its projects rely on foreign capital, hard-currency financing, and offshore banking channels,
    confidence in … is not just a regulatory issue" (dev, Times of Central Asia): the parse joins "channels,
    confidence" as one subject, and the statement would open on the list's tail."""
    s = sentences(
        "Kazakhstan's banks\n\nBecause its largest energy and mining projects rely on foreign capital, "
        "hard-currency financing, and offshore banking channels, confidence in the integrity of its banking "
        "system is not just a regulatory issue; it is a macroeconomic constraint."
    )[0]
    assert not any(t.lower().startswith("offshore") for t in statements.clause_statements(s))
    kept = sentences("Banks\n\nKazakhstan, Uzbekistan and Turkmenistan rely on foreign capital.")[0]
    assert statements.clause_statements(kept) == [
        "Kazakhstan, Uzbekistan and Turkmenistan rely on foreign capital."
    ]


def test_a_numbered_list_run_into_one_sentence_gives_no_question() -> None:
    """ "The overall rankings of the countries were: 1. Finland 2. Norway 3." (dev, CNN: a list the page
    ran into the text) became "…were: 4. Finland 2. Norway 3." as a false statement."""
    text = (
        "The birth lottery and economic mobility\n\n"
        "A new report released on Monday by Stanford University's Center on Poverty and Inequality ranked ten "
        "wealthy countries on poverty, inequality and mobility.\n\n"
        "The overall rankings of the countries were: 1. Finland 2. Norway 3. Australia.\n\n"
        "The report concluded that the American safety net was ineffective because it provides only half the "
        "financial help people need."
    )
    _made_but_not_kept(text, "The overall rankings")


def test_an_everyday_word_gets_no_vocabulary_question() -> None:
    """ "What does 'drought' mean…?" tests nothing for a 15-year-old (dev reviewers accepted 7 of 14 on such
    words, 86 of 133 on the rest); the word stays in the glossary as another term's wrong meaning."""
    analysis = analyse(
        from_text(
            "Drought deepens\n\nThe drought may be the worst the farmers have ever seen, and the government "
            "has asked for sanctions relief so that it can import food."
        )
    )
    asked = {c.target for c in vocabulary.candidates(analysis, random.Random(0))}
    assert "vocabulary:sanctions" in asked
    assert "vocabulary:drought" not in asked
    assert "drought" in vocabulary.glossary() and "drought" in vocabulary.EVERYDAY


def test_a_changed_end_of_from_to_keeps_the_direction_and_the_two_sides_stay_two() -> None:
    """Real sentences: CSIS on Kazatomprom ("increased … from 46 percent to 51 percent" became "from 69
    percent to 51 percent": an increase to a smaller share) and the New York Times on trade talks ("The two
    sides" became "the four sides")."""
    text = (
        "Kazatomprom\n\nIn 2012, Kazatomprom increased its shares in national mining activity from 46 percent to "
        "51 percent. Kazakhstan holds 14 percent of the world's uranium. Cameco owns 40 percent of one mine, "
        "and 60 percent of another."
    )
    a = analyse(from_text(text))
    s = a.sentences[0]
    for m in (m for m in s.mentions if m.kind == "number"):
        for seed in range(12):
            made = true_false._false(s, m, a, random.Random(seed))
            if made is None:
                continue
            start, end = re.search(r"from (\d+) percent to (\d+) percent", made[0]).groups()  # type: ignore[union-attr]
            assert int(start) < int(end), made[0]
    talks = sentences(
        "Trade\n\nThe two sides have been unable to reschedule a meeting between Mr. Trump and his Chinese "
        "counterpart, Xi Jinping, in Chile that was canceled because of domestic protests."
    )[0]
    assert not any("four sides" in text for text, _why in statements.falsified(talks))


def test_a_cut_predicate_a_bare_infinitive_and_an_inverted_said_are_read_right() -> None:
    """Real sentences, from the BBC ("… looks like it's coming to an end" gave "A row … looks."), PolitiFact
    ("Backers of tariffs say that they help American companies become more competitive" gave the backers'
    aim as a fact: "American companies become more competitive …") and AP ("…, said Scott Strenfel" lost its
    comma with the aside before it)."""
    row = sentences(
        "Story\n\nA row involving Taylor Swift, her former record label and a couple of big name US politicians "
        "looks like it's coming to an end."
    )[0]
    assert not any(t.endswith(" looks.") for t in statements.clause_statements(row))
    backers = sentences(
        "Story\n\nBackers of tariffs say that they help American companies become more competitive with their "
        "foreign counterparts."
    )[0]
    assert "American companies become more competitive with their foreign counterparts." not in (
        statements.clause_statements(backers)
    )
    rain = sentences(
        "Story\n\nOne Napa County reporting station hasn’t seen a measurable drop of rain since mid-September — "
        "the first time that’s happened since 1905, said Scott Strenfel, PG&E's principal meteorologist."
    )[0]
    made = [t for t in statements.clause_statements(rain) if "Napa" in t]
    assert made and all(t.endswith("mid-September, said Scott Strenfel.") for t in made)
    for kept in (
        "Trump said Tuesday that the talks will resume",
        "The talks will resume, Trump said Tuesday",
    ):
        assert statements._INVERTED_SAID.sub(r", \1 ", kept) == kept


def test_no_statement_in_the_writer_s_voice_or_a_report_without_its_words_and_not_necessarily_keeps_not() -> (
    None
):
    """Real pages: the ACLU's first-person essay ("According to the article, I'm not technophobic"), a
    Yahoo/AP report whose words come before "…, the Tuva government was quoted as saying late Thursday by the
    Interfax news agency", and "don't necessarily include" (without the "not": "do necessarily include")."""
    essay = sentences("Facebook\n\nI'm not technophobic — I'm a geek.")[0]
    assert statements.clause_statements(essay) == []
    tuva = sentences(
        "Meteor\n\nLocal people reported seeing a flash of light west of Kyzyl, the Tuva government was quoted "
        "as saying late Thursday by the Interfax news agency."
    )[0]
    assert not any(t.startswith("The Tuva government") for t in statements.clause_statements(tuva))
    profiles = sentences(
        "Facebook\n\nThe profiles that Facebook builds on non-users don't necessarily include so-called "
        "personally identifiable information like names or email addresses."
    )[0]
    assert not any(
        "necessarily include" in t and "n't" not in t for t, _why in statements.falsified(profiles)
    )


# --- a third set of real pages, never in the corpus (session 12) ----------------------------------------


def test_negation_kept_with_nor_and_in_an_aside_and_a_dash_aside_ends_at_its_dash() -> None:
    """Real sentences: the UN rights chief's "did not modify …, nor its interpretation" (without "not": "did
    modify …, nor …"), an aside's "who was not identified" (flipped, the false statement turns on it), and
    an opinion column's dash aside whose purpose belongs to the main clause ("… – after Epstein was released
    from prison … – in order to terminate his friendship" gave "Epstein was released … in order to
    terminate his friendship", keyed True)."""
    un = sentences(
        'Story\n\nThe United Nations High Commissioner for Human Rights said the US decision did "not modify '
        "existing international law, nor its interpretation by the International Court of Justice and the UN "
        'Security Council".'
    )[0]
    assert not any("did modify" in t for t, _why in statements.falsified(un))
    patient = sentences(
        "Story\n\nThe person, who was not identified, was hospitalized in the county of Huade in north China’s "
        "Inner Mongolia Autonomous Region, the news agency said."
    )[0]
    assert not any("who was identified" in t for t, _why in statements.falsified(patient))
    deeper = sentences(  # the "not" two clauses down a relative clause (a fresh page's, the list cut short)
        "Story\n\nAmong the trust’s 28 questions about the service that Mr. Cleckley said that the department "
        "could not answer adequately then were the operating concept and the bus run times."
    )[0]
    assert not any("could answer" in t for t, _why in statements.falsified(deeper))
    andrew = sentences(
        "Story\n\nBut perhaps the most telling contradiction was his claim that he visited Epstein in New York "
        "in 2010 – after Epstein was released from prison for trafficking a minor for prostitution – in order "
        "to terminate his friendship."
    )[0]
    made = statements.clause_statements(andrew)
    assert "Epstein was released from prison for trafficking a minor for prostitution." in made
    assert not any("terminate" in t and t.startswith("Epstein") for t in made)


def test_a_set_off_though_an_opening_now_an_abbreviation_s_dot_and_a_lost_object_are_read_right() -> None:
    """SpaceNews ("Recently, though, NASA is getting criticism …"), ESA ("Now ESA has investigated …"),
    PolitiFact ("Rep. David McKinley, R-W.Va., visited …" gave "McKinley., visited") and Al Jazeera, whose
    parse hangs "contracts" on a later verb ("nine US companies were eligible to bid for contracts to …" gave
    "how many US companies were eligible to bid for?"); "combed through" has no object to lose."""
    nasa = sentences("Story\n\nRecently, though, NASA is getting criticism from the opposite direction.")[0]
    assert statements.clause_statements(nasa) == [
        "Recently, NASA is getting criticism from the opposite direction."
    ]
    esa = sentences(
        "Story\n\nNow ESA has investigated how real life crew hibernation would impact space mission design."
    )[0]
    assert statements.clause_statements(esa)[0].startswith("ESA has investigated")
    rep = sentences(
        "Story\n\nIn October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near McAllen, Texas, "
        "and argued that the United States needs stronger border security."
    )[0]
    made = statements.clause_statements(rep)
    assert made and not any(".," in t for t in made)
    bid = (
        "A year ago, NASA announced that nine US companies were eligible to bid for contracts to regularly "
        "launch spacecraft carrying instruments and experiments, and to land that cargo on the moon as early "
        "as next year."
    )
    assert not any(
        t.endswith("bid for.") for t in statements.clause_statements(sentences("Story\n\n" + bid)[0])
    )
    analysis = analyse(from_text("NASA’s commercial moon shot\n\n" + bid))
    from quizkit.generate import numbers

    assert not any(c.question.prompt.endswith("for?") for c in numbers.candidates(analysis, random.Random(0)))
    combed = sentences(
        "Story\n\nSome newfound species come from museum collections that haven't been previously combed "
        "through and, of course, from fossils."
    )[0]
    assert any(t.endswith("from fossils.") for t in statements.clause_statements(combed))


def test_a_named_speaker_s_suffix_is_not_the_accepted_surname() -> None:
    """The Department of Justice's "James P. Kennedy Jr." gave the accepted answer "Jr." and not "Kennedy":
    a student writing "Kennedy" was marked wrong."""
    from quizkit.analysis import surname
    from quizkit.generate import said

    assert surname("James P. Kennedy Jr.") == "Kennedy"
    assert surname("Kassym-Jomart Tokayev") == "Tokayev" and surname("Madonna") == "Madonna"
    analysis = analyse(
        from_text(
            "New York man pleads guilty to threatening to kill Rep. Ilhan Omar\n\nA New York man pleaded guilty "
            "Monday to threatening to kill U.S. Rep. Ilhan Omar in March, prosecutors said.\n\nJames P. Kennedy "
            "Jr., the U.S. Attorney for the Western District of New York, said Omar's case highlights that rights "
            "of free speech carry responsibilities. Omar said she was grateful to the police."
        )
    )
    asked = [c.question for c in said.candidates(analysis, random.Random(0)) if "Kennedy" in c.target]
    assert asked and all(q.accepted_answers == ("Kennedy",) for q in asked if q.type == "short_answer")


def test_written_questions_ask_who_for_a_person_and_never_half_a_naming_or_a_need() -> None:
    """Real sentences: "Kentucky Democrats beat incumbent Gov. Matt Bevin" (asked "what did … beat?"),
    "JP Morgan had called the Supreme Court decision … a landmark judgment" ("what had … JP Morgan
    called?") and "Kazakhstan also needed the doubles match to beat the Netherlands" ("what did Kazakhstan
    need?" → "The doubles match.")."""
    from quizkit.generate import written

    def ask(text: str) -> str | None:
        analysis = analyse(
            from_text(
                "Republicans follow Trump\n\nLast week, voters went to the polls in Kentucky.\n\n" + text
            )
        )
        got = written.ask(next(x for x in analysis.sentences if x.text == text), analysis)
        return got.prompt if got else None

    assert (
        ask("Kentucky Democrats beat incumbent Gov. Matt Bevin in a state Trump won by 30 points in 2016.")
        == "According to the article, who did Kentucky Democrats beat?"
    )
    assert (
        ask(
            "Global financial firm JP Morgan had called the Supreme Court decision on the Essar Steel resolution a "
            "landmark judgment."
        )
        is None
    )
    needed = (
        "Kazakhstan also needed the doubles match to beat the Netherlands 2-1 and clinch its first away win."
    )
    assert ask(needed) is None
    assert statements.clause_statements(sentences("Story\n\n" + needed)[0]) == [
        "Kazakhstan needed the doubles match to beat the Netherlands 2-1 and clinch its first away win."
    ]


def test_no_who_said_on_a_question_no_statement_from_a_post_and_the_source_s_slips_mended() -> None:
    """Real pages: a scientist's question ("Could it … live in Titan …?" asked as "who said: “…?”?"), an
    embedded tweet ("Governor @MattBevin has done a wonderful job …!" flipped to a false statement), "a
    8-year-old" as the source wrote it, "So-called" keeping its capital after the frame, and "…, then
    Granollers … completed" losing its "then" (a comma splice)."""
    from quizkit.generate import said

    analysis = analyse(
        from_text(
            "Titan map\n\n“Could it or something like it live in Titan deep in the crust or ocean where "
            "temperatures are a little warmer?” said Michael Malaska, a planetary scientist."
        )
    )
    assert not list(said.candidates(analysis, random.Random(0)))
    tweet = sentences("Story\n\n“Governor @MattBevin has done a wonderful job for the people of Kentucky!”")[
        0
    ]
    assert statements.clause_statements(tweet) == [] and statements.falsified(tweet) == []
    girl = sentences(
        "Story\n\nPolice released dramatic video showing the rescue of a 8-year-old Fort Worth girl who was "
        "kidnapped in broad daylight."
    )[0]
    assert any("an 8-year-old" in t for t in statements.clause_statements(girl))
    banks = (
        "So-called neo-banks, or challenger banks, have been all the rage in Europe for the past few years."
    )
    assert true_false.framed(banks, sentences("Story\n\n" + banks)[0]).startswith(
        "According to the article, so-called"
    )
    davis = sentences(
        "Story\n\nRafael Nadal kept Spain’s hopes alive, then Marcel Granollers and Feliciano Lopez completed "
        "the comeback in the decisive doubles match."
    )[0]
    assert not any(", Marcel" in t for t in statements.clause_statements(davis))


def test_a_score_is_not_changed_and_a_claim_keeps_its_speaker() -> None:
    """Sportsnet ("to level the series 1-1" became "10-1") and PolitiFact ("A major part of the reason …,
    McKinley said, is the flow of drugs" lost "McKinley said", and a congressman's claim became the fact
    checker's)."""
    analysis = analyse(
        from_text(
            "Davis Cup\n\nThe top-ranked Nadal earlier defeated Khachanov to level the series 1-1 in Madrid, "
            "where 12 teams played."
        )
    )
    made = [c.question.prompt for c in true_false.candidates(analysis, random.Random(0))]
    assert not any(re.search(r"\b\d+-1\b", p) and "1-1" not in p for p in made)
    claim = sentences(
        "Story\n\nA major part of the reason that additional resources are needed, McKinley said, is the flow of "
        "drugs into the country."
    )[0]
    assert not any("McKinley" not in t for t in statements.clause_statements(claim))


def test_references_the_student_cannot_resolve_and_a_flipped_headline() -> None:
    """Reviewers' unresolved references on real pages ("In each case, President Trump tied himself …", "the
    data puts the figure at about $66 million", "criticism from the opposite direction", "sent a similar
    message", "the exclamation point is part of the name", "Both diseases are …"), and "Sweden has not dropped
    its investigation …" under the headline "Sweden Drops Its Investigation …"."""
    from quizkit.analysis import starts_unresolved
    from quizkit.check.quality import title_giveaway

    for text in (
        "in each case, President Trump tied himself to the outcome",
        "the available data puts the figure at about $66 million",
        "NASA is getting criticism from the opposite direction",
        "Trump sent a similar message ahead of the Virginia elections",
        "the exclamation point is part of the name.",
    ):
        assert UNRESOLVED.search(text), text
    for text in (
        "the figure of 44 million was cited",
        "a similar plan to the one in Ohio",
        "the name of the ship",
    ):
        assert not UNRESOLVED.search(text), text
    assert starts_unresolved(sentences("Story\n\nBoth diseases are associated with the Black Death.")[0].toks)
    assert not starts_unresolved(
        sentences("Story\n\nBoth Kazakhstan and Uzbekistan signed the deal.")[0].toks
    )
    article = from_text(
        "Sweden Drops Its Investigation Into Rape Allegation Against Julian Assange\n\nSweden has dropped its "
        "investigation into a 2010 rape allegation against WikiLeaks co-founder Julian Assange."
    )
    flipped = make_question(
        "true_false",
        prompt="According to the article, Sweden has not dropped its investigation into a 2010 rape allegation "
        "against WikiLeaks co-founder Julian Assange after a review of the evidence.",
        answer=False,
    )
    assert list(title_giveaway(flipped, article))


def test_third_fresh_set_cuts_and_references() -> None:
    """A third set of saved pages (session 13): an appositive the parser ended inside a name ("Arguably the
    best Android phone of 2019, the Note 10 Plus is …" had become "… of 2019 Plus is well designed"), "To
    that, Cook joked …", the tail of a sentence split at a slogan's full stop ("awareness campaign has been
    facing backlash"), the source's own slip "scored just three four times", "the other 21 people" and "get
    their attention — and their vote" with nobody to point to; "a 8 minute activity" after a changed number."""
    phone = sentences(
        "Gadgets\n\nArguably the best Android phone of 2019, the Note 10 Plus is well designed, has a long list "
        "of features and capabilities, and is powerful enough to keep up with whatever you throw at it."
    )[0]
    made = [*statements.clause_statements(phone), *(t for t, _ in statements.falsified(phone))]
    assert not any("2019 Plus" in t for t in made)
    cook = sentences(
        "Tim Cook\n\nTo that, Cook joked that he's not Alicia Keys, the singer who surprised the audience."
    )[0]
    assert cook.unresolved and not statements.falsified(cook)
    split = sentences(
        "Meth ads\n\nSouth Dakota’s viral “Meth. We’re on it.” awareness campaign has been facing backlash and "
        "mockery since introduced on Monday."
    )
    tail = next(s for s in split if s.text.startswith("awareness"))
    assert tail.unresolved
    typo = sentences(
        "Wild\n\nParise has quickly turned around a tepid start in which he scored just three four times in "
        "his first 18 games."
    )[0]
    assert not statements.clause_statements(typo)
    others = sentences(
        "Plague\n\nThe man was quarantined. The other 21 people have showed no signs or symptoms of the plague."
    )[1]
    assert not statements.clause_statements(others) and not statements.falsified(others)
    their = sentences(
        "Patrick\n\nThe black former Massachusetts governor is eager to get their attention — and their vote."
    )[0]
    assert not statements.clause_statements(their)
    kept = sentences(
        "Voters\n\nMany black voters in South Carolina say they want to hear the candidates on their concerns."
    )[0]
    assert statements.clause_statements(kept)
    minutes = sentences(
        "Duvet lung\n\nThe patient said going upstairs to bed was a 30 minute activity that left him tired out."
    )[0]
    made = [
        c.question.prompt
        for c in true_false.candidates(analyse(from_text("Duvet lung\n\n" + minutes.text)), random.Random(0))
    ]
    assert not any(re.search(r"\ba [8]\b", p) for p in made)


def test_third_fresh_set_written_questions_and_counts() -> None:
    """ "What may Classic rock seem?" (a linking verb), "What has the compact four-door been redesigned from?"
    → "The ground-up." (an idiom), "What did Instagram introduce?" without the year that makes one answer
    right, and "how many games have been announced?" keyed three when 22 launched (three were exclusives)."""
    from quizkit.generate import numbers

    assert not asked("Bikes\n\nClassic rock may seem something of a cliché for bikers on the open road.")
    assert not asked("Nissan\n\nThe compact four-door has been redesigned from the ground up by Nissan.")
    assert asked(
        "Chasing Instagram analytics\n\nInstagram began testing hiding like counts on Thursday. Instagram first "
        "introduced business accounts in 2016. There are now 140 million businesses."
    ) == ["According to the article, what did Instagram introduce in 2016?"]
    games = sentences(
        "Stadia\n\nOnly three games available exclusively on the service have been announced so far."
    )[0]
    texts = [numbers.question_text(c) for c in numbers.counts(games)]
    assert "how many games available exclusively on the service have been announced so far" in texts
    species = sentences(
        "Species\n\nScience has identified some 2 million species of plants, animals and microbes on Earth."
    )[0]
    assert not any(
        t and "of plants" in t for t in (numbers.question_text(c) for c in numbers.counts(species))
    )


def test_third_fresh_set_vocabulary_and_headline_give_aways() -> None:
    """ "revenue" asked from a job title ("senior vp partnerships and revenue at Ubisoft"), "verdict" glossed as
    a court's decision under a dance show's judges, "infrastructure" as roads and railways for Google's
    servers; "James Van Der Beek has not been eliminated …" and "… has been eliminated …" under the headline
    "James Van Der Beek eliminated from 'Dancing with the Stars' after announcing …"."""
    from quizkit.check.quality import title_giveaway

    def glossed(text: str) -> set[str]:
        return set(vocabulary.occurrences(analyse(from_text(text))))

    # the second teacher audit's basic and self-explanatory terms join the first's, which all stay
    assert {
        "lawmaker",
        "consumer",
        "aftershock",
        "import",
        "pandemic",
        "climate change",
    } <= vocabulary.EVERYDAY
    assert "revenue" not in glossed(
        "Stadia\n\n“Google offers an extension of the market,” says Chris Early, senior vp partnerships and "
        "revenue at Ubisoft."
    )
    assert "impeachment" in glossed(
        "Sondland\n\nAmbassador Gordon Sondland, the most anticipated witness in the impeachment inquiry, is "
        "likely to be unpredictable."
    )
    assert "verdict" not in glossed(
        "Dancing\n\nHe waited for the hardest judge’s verdict on the dance floor."
    )
    assert "verdict" in glossed("Trial\n\nThe jury reached its verdict after two days in court.")
    assert "infrastructure" not in glossed(
        "Stadia\n\nThe key to Stadia's success is Google's built-in infrastructure."
    )
    assert "infrastructure" in glossed(
        "Debt\n\nInterest payments could make it harder for the government to repair aging infrastructure."
    )
    article = from_text(
        "James Van Der Beek eliminated from 'Dancing with the Stars' after announcing wife suffered miscarriage"
        "\n\nJames Van Der Beek has been eliminated from Dancing with the Stars, days after his announcement."
    )
    for answer, prompt in (
        (
            False,
            "According to the article, James Van Der Beek has not been eliminated from Dancing with the Stars.",
        ),
        (
            True,
            "According to the article, James Van Der Beek has been eliminated from Dancing with the Stars.",
        ),
    ):
        assert list(title_giveaway(make_question("true_false", prompt=prompt, answer=answer), article)), (
            prompt
        )
    other = make_question(
        "true_false",
        prompt="According to the article, the difficult elimination came after his wife had suffered a loss.",
        answer=True,
    )
    assert not list(title_giveaway(other, article))


def test_a_shortfall_of_one_question_is_said_in_the_singular() -> None:
    from quizkit.generate import _shortfall

    analysis = analyse(
        from_text("Amsterdam\n\n" + "The festival shows light art by artists from around the world. " * 30)
    )
    assert _shortfall(analysis, 17, 1).startswith("made 1 question of the 17 asked")
    assert _shortfall(analysis, 17, 3).startswith("made 3 questions of the 17 asked")


def test_fourth_fresh_set_statements() -> None:
    """A fourth set of saved pages (session 14), real sentences: the page's own "you" or "our" ("your computer
    screen provides comfort …"); "Not many things are …" made "many things are …"; an inversion left without
    what set it off ("is Destiny 2 not true 4K on Stadia."); a "?" left from a bracketed title; "opted
    instead"; "the simple answer is that …"; two sentences the parser ran into one; "two other patients"."""
    screen = sentences(
        "Leaders\n\nYour computer screen provides comfort and cover from the world outside your doors."
    )[0]
    assert not statements.clause_statements(screen)
    jam = sentences(
        "Jam\n\nNot many things are more homey and comforting than jam that has been made in someone’s kitchen."
    )[0]
    assert not any(t.startswith("Many things") for t, _ in statements.falsified(jam))
    destiny = sentences("Stadia\n\nNot only is Destiny 2 not true 4K on Stadia, it runs at medium settings.")[
        0
    ]
    made = [*statements.clause_statements(destiny), *(t for t, _ in statements.falsified(destiny))]
    assert not any(t.startswith("Is ") for t in made)
    ford = sentences(
        "Ford\n\nFord opted instead to write two Star Trek novels (The Final Reflection and How Much for Just the "
        "Planet?, both unexpected delights) and The Scholars of Night, a riff on British espionage thrillers."
    )[0]
    made = statements.clause_statements(ford)
    assert made and not any("?" in t or "instead" in t for t in made)
    answer = sentences(
        "Jam\n\nThe simple answer is that foods with low acidity need to be canned in a pressure canner."
    )[0]
    assert answer.unresolved
    assert not sentences("Delays\n\nThe reason for the delay was a strike at the port in Antwerp.")[
        0
    ].unresolved
    merged = sentences(
        "Xbox\n\nThe console's controller hasn't changed since its last mini-upgrade with the Xbox One S. That "
        "revision rounded out its seams, improved bumper performance and added a 3.5mm headphone jack."
    )
    made = [
        x
        for s in merged
        for x in (*statements.clause_statements(s), *(t for t, _ in statements.falsified(s)))
    ]
    assert not any("controller has changed, improved" in t or "hasn't changed, improved" in t for t in made)
    others = sentences(
        "Plague\n\nThe incident comes after two other patients from Inner Mongolia were quarantined at a "
        "hospital in Beijing."
    )[0]
    assert not any("other patients" in t for t in statements.clause_statements(others))


def test_fourth_fresh_set_changed_numbers() -> None:
    """A number written into a name or a fixed pair is not changed ("4K" → "12K", "24/7" → "48/7", "3-in-1"
    → "1-in-1"), nor one too far from the article's to be a misreading (a 195-inch car made 49 inches long)."""
    from quizkit.generate.true_false import _near, glued

    def glued_in(text: str, number: str) -> bool:
        s = sentences("Page\n\n" + text)[0]
        m = next(m for m in s.mentions if m.kind == "number" and number in m.text)
        return glued(s, m)

    assert glued_in("The Dems attacked his wife, children and businesses 24/7 for three long years.", "24")
    assert not glued_in("Police said 75 people were killed when the dam burst on Monday night.", "75")
    s = sentences("Page\n\nThe Mophie 3-in-1 charger sells for 80 dollars at most big stores in the city.")[0]
    assert all(glued(s, m) for m in s.mentions if m.kind == "number" and m.text.startswith(("3", "1")))
    assert not _near("195", "49") and not _near("4.9 feet", "1.3 feet")
    assert _near("300 miles", "225 miles") and _near("$49", "$98")
    rng = random.Random(0)
    for seed_text in (
        "Stadia\n\nDestiny 2 runs at 1080p on Stadia, not 4K. The Xbox One X version runs at 4K. Red Dead "
        "Redemption 2 runs at 1440p with high settings. Streaming at 1080p isn't terrible. Google promised 4K "
        "at 60 frames per second for 10 dollars.",
    ):
        made = [c.question.prompt for c in true_false.candidates(analyse(from_text(seed_text)), rng)]
        assert not any(re.search(r"\b(?:12|8|16|2)K\b|\d+p/\d+p", p) for p in made), made


def test_fourth_fresh_set_counts_speakers_and_written_answers() -> None:
    """ "about how many ripe pears ground cloves?" (a list's first item), "how many words did Ford toil away
    at a colossal work?" ("140,000 words long" is a size), who said what "both Vindman and Williams" said, and
    written questions on a condition ("If Evidence Action Beta fails to …"), a birth ("what was Ford born in
    1957?"), a bare need ("what did Ford need?") and an answer the headline holds ("what has Apple
    unveiled?" under "16-inch MacBook Pro review")."""
    from quizkit.generate import numbers, said

    pears = sentences(
        "Jam\n\nNow that you have your equipment, you will need the ingredients. About 8 ripe pears, a fresh "
        "lemon, fruit pectin, cinnamon, nutmeg, ginger, ground cloves, and a 16-ounce Don Victor® Orange Blossom "
        "Comb Honey Globe Jar. Before getting your jam mixture ready, fill your canner to the line on the inside."
    )
    assert not any(numbers.question_text(c) for s in pears for c in numbers.counts(s))
    work = sentences(
        "Ford\n\nIn his final years, Ford toiled away at a colossal work, over 140,000 words long, titled "
        "Aspects. Beth Meacham described it as a magical romance."
    )
    assert not any(numbers.question_text(c) for s in work for c in numbers.counts(s))
    hearing = (
        "Impeachment sham completely debunked: White House\n\nIn the morning, Democratic lawmakers grilled Lt "
        "Col Alexander Vindman, a Ukraine specialist on the National Security Council, and Jennifer Williams, a "
        "top national security aide to Vice President Pence.\n\nHowever, {} told lawmakers that Trump’s request "
        "to Ukrainian president to investigate Democratic rivals was inappropriate."
    )
    analysis = analyse(from_text(hearing.format("both Vindman and Williams")))
    assert all(said.reported(s, analysis) is None for s in analysis.sentences)
    analysis = analyse(from_text(hearing.format("Vindman")))
    assert any(said.reported(s, analysis) for s in analysis.sentences)

    assert not asked(
        "A grant to Evidence Action Beta\n\nFew programs may be more cost-effective than our current top "
        "charities. If Evidence Action Beta fails to identify more cost-effective giving opportunities than "
        "GiveWell’s 2017 top charities, or if it only identifies similarly cost-effective giving opportunities, "
        "we will have spent money on research."
    )
    ford = (
        "The Resurrection of the Greatest Sci-Fi Writer You’ve Never Read\n\nJohn Milo Ford was born the first "
        "child of two pharmacists in East Chicago, Indiana, in 1957. Everyone called him Mike.\n\nFord needed a "
        "sibling or two, as he had grown estranged from his own family. The causes of the rift are unclear."
    )
    assert not asked(ford)
    business = "Instagram first introduced business accounts in 2016. There are now 140 million businesses."
    assert asked(f"Chasing Instagram analytics\n\n{business}")
    assert not asked(f"Instagram's business accounts turn ten\n\n{business}")


def test_fourth_fresh_set_vocabulary_senses() -> None:
    """ "conventions" of sci-fi fans glossed as agreements between states, "an entire ecosystem of companies"
    as living things, a company's "fiscal 2019" as government taxes; and the terms development and fresh
    reviewers rated trivial again and again ("findings", "diagnosed") are no longer asked."""

    def glossed(text: str) -> set[str]:
        return set(vocabulary.occurrences(analyse(from_text(text))))

    assert "convention" not in glossed("Ford\n\nHe performed an improvised live show at sci-fi conventions.")
    assert "convention" in glossed("Refugees\n\nThe countries signed the refugee convention in Geneva.")
    assert "ecosystem" not in glossed("Space\n\nNASA is building an entire ecosystem of companies.")
    assert "ecosystem" in glossed("Reef\n\nWarming seas threaten the reef ecosystem and its fish.")
    assert "fiscal" not in glossed(
        "Home Depot\n\nSome benefits anticipated for fiscal 2019 will take longer."
    )
    assert "fiscal" in glossed("Budget\n\nThe government promised fiscal discipline and a smaller deficit.")
    assert {"findings", "diagnose", "lunar"} <= vocabulary.EVERYDAY


def test_fifth_fresh_set_headline_give_aways_result_lines_and_what_did_they_do() -> None:
    """Fifth fresh set (reviewers ct, cu, cv): true statements the headline answers in another tense or
    number ("police arrested six …" under "CPD arrests six …"), a false statement that leaves out the
    headline's own "not", a round-up's result line kept in a statement, and "what did Nelson do?" with
    fragments of other clauses for wrong options."""
    from quizkit.article import Article
    from quizkit.check.quality import title_giveaway

    assert restates(
        "According to the article, police arrested six people Monday during a narcotics investigation "
        "involving drug activity at a local home.",
        "CPD arrests six in drug investigation",
    )
    assert restates(
        "According to the article, Monday’s best deals include various MacBook models from $700 at Amazon.",
        "Amazon discounts MacBooks from $700, AirPods 2 with wireless charging case $155, more",
    )
    title = "Google Stadia Red Dead Redemption 2 doesn’t run at a stable 60fps"
    undenied = make_question(
        "true_false",
        prompt="According to the article, the Google Stadia Red Dead Redemption 2 port does run at a solid 60fps.",
        answer=False,
    )
    article = Article(title=title, body="x", blocks=())
    assert list(title_giveaway(undenied, article))
    changed = make_question(  # false by a date the headline does not give: not answered there
        "true_false", prompt="Kazakhstan joined the Abraham Accords in March 2020.", answer=False
    )
    assert not list(
        title_giveaway(changed, Article(title="Kazakhstan joins the Abraham Accords", body="x", blocks=()))
    )
    renumbered = make_question(  # the headline's own count changed: the headline shows the true one
        "true_false",
        prompt="According to the article, police arrested eight people Monday during a narcotics investigation "
        "involving drug activity at a local home.",
        answer=False,
    )
    assert list(
        title_giveaway(
            renumbered, Article(title="CPD arrests six in drug investigation", body="x", blocks=())
        )
    )
    text = (  # the AP round-up's opening, one result line after another, as the page gave them
        "Nelson's OT goal lifts Isles\n\n"
        "Brock Nelson's second goal of the game 2:55 into overtime capped a frantic comeback to lift the New "
        "York Islanders over the Pittsburgh Penguins 5-4 Tuesday night to extend their unbeaten streak to 15 "
        "games.\n\n"
        "The Islanders trailed by two late in the third period before goals by Josh Bailey and Ryan Pulock in"
        " the final 4:29 of regulation forced overtime. Nelson won it when he fired a shot at Matt Murray "
        "that trickled to the goaltender's right. Nelson tapped the rebound into the open net for his sixth "
        "goal of the season.\n\n"
        "Anthony Beauvillier added his seventh for the Islanders, and Semyon Varlamov stopped 27 shots as New"
        " York improved to 14-0-1 in its last 15 games.\n\n"
        "Wild 4, Sabres 1: Zach Parise scored twice, Alex Stalock made 30 saves and Minnesota beat Buffalo. "
        "Jason Zucker had a goal and an assist, and Jonas Brodin also scored for the Wild, who improved to "
        "4-2-1 in their last seven. Brandon Montour scored for the Sabres and Linus Ullmark stopped 22 shots."
        " Buffalo is on a 1-6-2 skid and battling injuries at the forward position following 9-2-1 start.\n\n"
        "Bruins 5, Devils 1: David Pastrnak and Matt Grzelcyk scored two goals apiece, and Brad Marchand "
        "added three assists to lead Boston. Tuukka Rask made 25 saves and New Jersey native Connor Clifton "
        "added a goal as the Bruins beat the Devils for the eighth time in nine meetings. Blake Coleman "
        "scored for New Jersey, which was looking for its first three-game winning streak since December "
        "2018."
    )
    mined = _made_but_not_kept(text, "Bruins 5")
    acts = [c for c in mined if c.group == "action"]
    assert acts and all(
        asked_only(c) for c in acts
    )  # "what did Nelson do?" only when multiple choice is asked


def test_sixth_fresh_set_cut_clauses_connectives_and_state_senses() -> None:
    """On news pages nobody chose (go-trafilatura's comparison set): a small clause read as a statement
    ("…left some of the state's energy experts bewildered" -> "Some of the state's energy experts
    bewildered."), an inversion after "so" ("so does the need to find …" -> "Does the need …"), a word cut
    in two ("co-hosted by CBS News" -> "-hosted by CBS News"), a reported claim opening on "But", "first
    responders" losing "first", and "alliance" / "surveillance" glossed as states' business for airlines and
    a salon's camera."""
    from quizkit.generate import said, syntax

    def stated(text: str) -> list[str]:
        return [t for s in sentences(f"A report\n\n{text}") for t in statements.clause_statements(s)]

    assert not any(
        t.startswith("Some of the state")
        for t in stated(
            "But the rolling blackouts on those days left some of the state’s energy experts bewildered."
        )
    )
    assert stated("Prices rose sharply, so the bank raised its rates.")  # "so" opening a plain clause stays
    assert not any(
        t.startswith("Does")
        for t in stated(
            "As the world's demand for storage continues to grow, so does the need to find the next storage "
            "density breakthrough."
        )
    )
    assert not any(
        "-hosted" in t
        for t in stated(
            "The stakes are high for all of the candidates ahead of Tuesday's Democratic debate in South "
            "Carolina, co-hosted by CBS News."
        )
    )
    burials = analyse(
        from_text(
            "New York ramps up mass burials\n\nBut burial operations have increased from one day a week to five "
            "days a week, with around 24 burials each day, said Department of Correction spokesman Jason Kersten."
        )
    )
    claims = [r[1] for s in burials.sentences if (r := said.reported(s, burials))]
    assert claims and all(c.startswith("burial operations have increased") for c in claims)
    assert (
        syntax.drop_connective("First responders found a man slumped")
        == "First responders found a man slumped"
    )
    assert syntax.drop_connective("Next year the plan starts") == "Next year the plan starts"
    assert syntax.drop_connective("First the council voted") == "the council voted"

    def glossed(text: str) -> set[str]:
        return set(vocabulary.occurrences(analyse(from_text(text))))

    assert "alliance" not in glossed(
        "Alaska Airlines\n\nFrequent flyers on other members of the Oneworld alliance will have access to lounges."
    )
    assert "alliance" in glossed("NATO\n\nFinland joined the military alliance after decades of neutrality.")
    assert "surveillance" not in glossed("Salon\n\nThe owner showed Eyewitness News the surveillance video.")
    assert "surveillance" in glossed("Spying\n\nThe police kept the activists under surveillance for months.")


def test_the_news_after_a_headlines_kicker_gives_a_statement_away() -> None:
    """ "Losing face: 6,000 surgical masks stolen from Kobe hospital" (Japan Times, sixth fresh set) and
    "Michael Webb: Dramatic video shows rescue of 8-year-old kidnapping victim …" (second fresh set): the
    news after the colon answers the lead's statement, which two reviewers rejected as a give-away; a name
    after the colon ("…: the 7th Amsterdam Light Festival") does not answer when the festival runs."""
    assert restates(
        "According to the article, a total of 6,000 surgical masks have been lost at a hospital in Kobe.",
        "Losing face: 6,000 surgical masks stolen from Kobe hospital",
    )
    assert restates(
        "According to the article, police released dramatic video showing the rescue of an 8-year-old Fort "
        "Worth girl who was ripped from her mother's arms and kidnapped in broad daylight.",
        "Michael Webb: Dramatic video shows rescue of 8-year-old kidnapping victim in Fort Worth hotel",
    )
    assert not restates(
        "According to the article, Amsterdam Light Festival can be enjoyed until 20 January 2019.",
        "‘The Medium is the Message’: the 7th Amsterdam Light Festival",
    )
    assert not restates(
        "According to the article, each box had 30 packages, which each contained 50 masks.",
        "Losing face: 6,000 surgical masks stolen from Kobe hospital",
    )


def false_statement_given_away(statement: str, sentence: str, title: str) -> bool:
    """The headline check's verdict on the false statement ``statement`` made of ``sentence`` under ``title``."""
    from quizkit.article import Article
    from quizkit.check.quality import title_giveaway
    from quizkit.model import Evidence

    q = make_question(
        "true_false",
        prompt=f"According to the article, {statement}",
        answer=False,
        evidence=Evidence(sentence, 0, len(sentence)),
    )
    return bool(list(title_giveaway(q, Article(title=title, body=sentence, blocks=()))))


def test_a_false_statement_that_drops_the_sentences_not_from_the_headlines_point_is_given_away() -> None:
    """ "The Americas can ignore the risk of further COVID-19 surges" (of "cannot ignore") under "Americas at
    risk of further COVID-19 wave as cases surge in other regions, PAHO Director warns" (Breaking Belize News,
    sixth fresh set): false to anyone who read the headline."""
    given_away = false_statement_given_away
    lead = (
        "The Americas cannot ignore the risk of further COVID-19 surges, warns Pan American Health Organization "
        "(PAHO) Director Carissa F. Etienne."
    )
    statement = "the Americas can ignore the risk of further COVID-19 surges."
    title = "Americas at risk of further COVID-19 wave as cases surge in other regions, PAHO Director warns"
    assert given_away(statement, lead, title)
    assert not given_away(statement, lead, "Omicron BA.2 found in South America")
    # false by a changed year, with a "not" elsewhere in its sentence: the headline does not give the year
    joined = (
        "Kazakhstan joined the Abraham Accords in November 2025, though it has not yet opened an embassy."
    )
    changed = "Kazakhstan joined the Abraham Accords in November 2019."
    assert not given_away(changed, joined, "Kazakhstan joins the Abraham Accords")


# --- session 17 ----------------------------------------------------------------------------------------


def test_a_side_figure_changed_or_a_short_copied_clause_is_asked_for_only() -> None:
    """Fresh pages: "a 412 horsepower electric motor" (275 in the article), "a spokesperson for the NYAG
    declined to comment": trivia to reviewers (a changed number below the lead 22 of
    73 acceptable; true statements under 15 words 27 %). A changed number in the lead, the story's own
    figure, and a long true statement stay in a default quiz."""
    from quizkit.analysis import focus

    text = (
        "Davis Cup Finals open in Madrid\n\n"
        "The first Davis Cup Finals opened in Madrid on Monday, with 18 teams competing for the trophy in a "
        "new format that replaces a century of home-and-away ties.\n\n"
        "Spain and Russia won their opening ties, while the defending champions Croatia lost to Italy in a "
        "match that finished after midnight in front of a sparse crowd.\n\n"
        "The Caja Magica has three courts with a total of 20,000 seats.\n\n"
        "A spokesperson for the organisers declined to comment."
    )
    analysis = analyse(from_text(text))
    found = [c for c in candidates(focus(analysis, 99, 0), ["true_false"], 0) if c.group == "true_false"]
    by_sentence = {s.index: s for s in analysis.sentences}
    changed = [c for c in found if c.question.answer is False and "18" not in c.question.prompt]
    lead = [c for c in changed if by_sentence[c.sentence].paragraph <= 2]
    side = [c for c in changed if by_sentence[c.sentence].paragraph > 2]
    assert lead and side
    assert all(asked_only(c) for c in side) and not any(asked_only(c) for c in lead)
    assert all(true_false.NUMBER_CHANGE_TAG in c.question.tags for c in side)
    short = [c for c in found if c.question.answer is True and "declined to comment" in c.question.prompt]
    long = [c for c in found if c.question.answer is True and "home-and-away" in c.question.prompt]
    assert short and all(asked_only(c) for c in short)
    assert long and not any(asked_only(c) for c in long)


def test_who_said_needs_two_voices() -> None:
    """A police report where one superintendent gives every fact (fresh pages: "Supt Peters is the source
    for nearly every fact, so 'who said' tests nothing"; 7 of 17 such questions acceptable, 34 of 54 with two
    or more speakers): no who-said question until a second person speaks."""
    one = (
        "Man dies in warehouse accident\n\n"
        "A man died after an accident at a warehouse in the port area on Tuesday morning.\n\n"
        "Supt Andrew Peters said that first responders found a man slumped between a forklift and a trailer. "
        "Peters said the man was pronounced dead at the scene and that an investigation had begun."
    )
    two = one + (
        "\n\nMaria Lopez, the owner of the warehouse, said the company was cooperating fully with the "
        "investigation."
    )
    assert list(said.candidates(analyse(from_text(one)), random.Random(0))) == []
    asked = list(said.candidates(analyse(from_text(two)), random.Random(0)))
    assert any("Peters" in c.target for c in asked)


def test_an_exact_side_count_is_asked_for_only_a_bound_or_a_lead_count_is_not() -> None:
    """ "How many road intersections will the BRT cross?" (46) and "how many packages did each box have?":
    box scores and tallies (3 of 19 acceptable below the lead); the toll given as "at least …" (11 of 19)
    and an exact count in the lead (3 of 5) are asked in a default quiz."""
    from quizkit.generate import numbers

    text = (
        "Floods hit northern province\n\n"
        "Floods killed at least 75 people in the northern province on Sunday, officials said.\n\n"
        "Rescuers evacuated 300 families from the river valley overnight.\n\n"
        "Heavy rain has fallen for a week. The new bus line will cross 46 road intersections in the city. "
        "Officials said the storm damaged 12 bridges."
    )
    analysis = analyse(from_text(text))
    asked = {c.question.prompt: c for c in numbers.candidates(analysis, random.Random(0))}
    tagged = {p: numbers.EXACT_TAG in c.question.tags for p, c in asked.items()}
    assert any("kill" in p and not t for p, t in tagged.items()), tagged  # a bound
    assert any("intersections" in p and t for p, t in tagged.items()), tagged  # exact, below the lead
    assert all(asked_only(asked[p]) == t for p, t in tagged.items())


def test_a_false_count_the_headline_gives_is_a_give_away() -> None:
    """ "The death toll from flash floods in eastern Spain rose to 128 on Friday" (of 64) under "Death toll
    from Valencia floods rises to 64 as rescuers search for missing": the headline shows the true count."""
    sentence = (
        "The death toll from flash floods in eastern Spain rose to 64 on Friday, regional authorities said."
    )
    statement = "the death toll from flash floods in eastern Spain rose to 128 on Friday."
    title = "Death toll from Valencia floods rises to 64 as rescuers search for missing"
    assert false_statement_given_away(statement, sentence, title)
    assert not false_statement_given_away(
        statement, sentence, "Valencia floods: rescuers search for the missing"
    )


def test_a_comparison_is_never_kept_without_its_than() -> None:
    """Dev page (NYT): "the federal government could soon pay more in interest on its debt." (than what?),
    the clause cut from "… than it spends on the military, Medicaid or children's programs", was rated
    ungrammatical by two reviewers. No true statement keeps "more" and leaves out its "than"."""
    from quizkit.generate import statements

    analysis = analyse(
        from_text(
            "Interest costs\n\nThe federal government could soon pay more in interest on its debt than it spends "
            "on the military, Medicaid or children’s programs."
        )
    )
    assert not any(
        "more in interest on its debt." in t for t in statements.clause_statements(analysis.sentences[0])
    )


def test_a_default_quiz_short_of_its_count_says_how_to_get_the_weaker_candidates() -> None:
    from quizkit.generate import _shortfall

    analysis = analyse(
        from_text("Title\n\n" + " ".join(["The council approved the new budget on Monday."] * 40))
    )
    said = _shortfall(analysis, 12, 3, weaker=True)
    assert said.startswith("made 3 questions of the 12 asked: the other candidates were left out")
    assert "--count 12" in said
    assert "--count 18" in _shortfall(analysis, 12, 3, weaker=True, total=18)  # article and context together
    assert "pass the checks without repeating" in _shortfall(analysis, 12, 3)


def test_a_not_after_an_emphatic_do_is_never_taken_out() -> None:
    """ "did not immediately know" → "did immediately know": reviewers called such statements ungrammatical
    (5 of 13 acceptable on the stored ratings)."""
    s = sentences(
        "Storms in Texas\n\nOfficials in Denton County did not immediately know how many people were hurt."
    )[0]
    assert not any("did immediately" in text for text, _why in statements.falsified(s))
    kept = sentences(
        "Storms in Texas\n\nOfficials in Denton County have not released the names of the dead."
    )[0]
    assert any("have released" in text for text, _why in statements.falsified(kept))


def test_a_speaker_written_with_the_is_no_person() -> None:
    """ "The Chronicle says he was arrested …" (a newspaper spaCy read as a person): "who said …?" →
    "Chronicle" is no question."""
    text = (
        "BART fight\n\nThe fight broke out on a train in Hayward on Tuesday afternoon. The Chronicle says police "
        "arrested the suspect a block away from the station."
    )
    analysis = analyse(from_text(text))
    person = [
        m for s in analysis.sentences for m in s.mentions if m.text == "Chronicle" and m.kind == "person"
    ]
    assert all(said.reported(s, analysis) is None for s in analysis.sentences), person


def test_a_title_before_a_name_never_ends_a_sentence() -> None:
    """Reviewer (fresh-4): "what does Senate Leader raise?" keyed "a motion on the deaths of former Speaker of
    the House of Representatives": the parser had ended the sentence at "Rt." and cut the names off."""
    text = (
        "Senate adjourns plenary\n\nSenate Leader, Ahmad Lawan raises a motion on the deaths of former Speaker of "
        "the House of Representatives Rt. Hon. B. U. Nzeribe and Hon. Funke Adedoyin and moves that all "
        "legislative activities be suspended. Lt. Col. James Doe agreed."
    )
    found = [s.text for s in analyse(from_text(text)).sentences]
    assert found == [
        text.split("\n\n")[1].removesuffix(" Lt. Col. James Doe agreed."),
        "Lt. Col. James Doe agreed.",
    ]


def test_a_phrase_the_parser_left_unattached_after_a_cut_gives_no_statement() -> None:
    """Reviewers dh, cj, cp (ungrammatical): "Hori Parata was just seven years old a beaching of porpoises
    …" once the "when" clause went."""
    s = sentences(
        "Whale whisperers\n\nWhale whisperer Hori Parata was just seven years old when he attended his first "
        "mass stranding, a beaching of porpoises in New Zealand’s Northland, their cries screeching through "
        "the air on the deserted stretch of sand."
    )[0]
    made = statements.clause_statements(s) + [text for text, _why in statements.falsified(s)]
    assert not any("years old a beaching" in text for text in made)


def test_a_related_link_line_gives_no_question() -> None:
    """A related-links box run into the page (msn.com, fresh set 6; reviewer ec): "Pandemic has exposed
    Britain's reality (The Guardian)" gave "what has Pandemic exposed?"."""
    text = (
        "Students face Christmas away from home\n\n"
        "University students in England may not be able to return home for Christmas, ministers warned on "
        "Tuesday, as coronavirus cases rise on campuses across the country.\n\n"
        "Pandemic has exposed Britain's reality (The Guardian)\n\n"
        "Thousands of students are already isolating in their halls after outbreaks at several universities, "
        "and some have been told they cannot leave for two weeks."
    )
    _made_but_not_kept(text, "Pandemic")
