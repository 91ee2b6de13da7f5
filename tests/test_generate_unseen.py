"""Generation on news far from the seed (an election, a space mission, earnings and layoffs, a flood, a court
ruling), in the three input formats, read as a strict teacher would.

The five ``unseen_*`` articles in tests/data/articles/ were written for these tests: their people, figures,
dates and events are invented (some names of real places and bodies appear), so they are fixtures, never
facts shown to students. Also: the seed article's must-show holds for seeds 0-9 with context questions on.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from quizkit.analysis import PRONOUN_STARTS, analyse
from quizkit.article import from_text, read_article
from quizkit.check import check_quiz
from quizkit.check.text import mentions, names_of
from quizkit.generate import Generated, candidates, default_article_count, generate_quiz
from quizkit.generate.statements import clause_statements
from quizkit.generate.vocabulary import context_of, occurrences
from quizkit.knowledge import aliases
from quizkit.model import Article, Question

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
UNSEEN = (
    "unseen_election.txt",
    "unseen_space_mission.md",
    "unseen_earnings_layoffs.html",
    "unseen_flood.txt",
    "unseen_court_ruling.md",
)
DATE = re.compile(
    r"^(?:(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?: \d{1,2},?)? )?(?:19|20)\d\d$"
)
WHEN = re.compile(r"^(?:When|In what (?:year|month)|On what date|From what year)\b|\bwhat (?:year|date)\?$")
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Mm]e)\b")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@cache
def article(name: str) -> Article:
    return read_article(ARTICLES / name)


@cache
def generated(name: str, no_context: bool = False, seed: int = 0) -> Generated:
    return generate_quiz(article(name), no_context=no_context, seed=seed)


def comprehension(name: str, no_context: bool = False) -> list[Question]:
    return [q for q in generated(name, no_context).quiz.questions if q.origin == "article"]


@cache
def people(name: str) -> frozenset[str]:
    """Every way the article names a person (full names and surnames), from the analysis."""
    return frozenset(
        n
        for s in analyse(article(name)).sentences
        for m in s.mentions
        if m.kind == "person"
        for n in (m.text, m.canonical)
    )


def _known_person(name: str) -> bool:
    ent = aliases.lookup(name)
    return ent is not None and ent.kind == "person"


@pytest.mark.parametrize("name", UNSEEN)
def test_default_run_gives_enough_questions_or_says_why(name: str) -> None:
    gen = generated(name)
    qs = comprehension(name)
    floor = default_article_count(analyse(article(name)))
    says_why = [w for w in gen.warnings if "article" in w or w.startswith(f"made {len(qs)} question")]
    assert len(qs) >= floor or says_why, (len(qs), floor, gen.warnings)
    assert len({q.prompt for q in qs}) == len(qs)


@pytest.mark.parametrize("no_context", [False, True])
@pytest.mark.parametrize("name", UNSEEN)
def test_three_types_and_no_error_at_the_gate(name: str, no_context: bool) -> None:
    """Three types of comprehension question; a quiz the checks leave shorter than three (fewer, better: a
    changed side figure or a short copied clause is no longer made to fill it) repeats no type."""
    quiz = generated(name, no_context).quiz
    asked = [q.type for q in quiz.questions if q.origin == "article"]
    assert len(set(asked)) >= min(3, len(asked)) and len(asked) >= 2, asked
    errors = [f for f in check_quiz(quiz, article(name)) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("name", UNSEEN)
def test_evidence_is_a_body_sentence_at_its_offsets(name: str) -> None:
    body = article(name).body
    for q in comprehension(name):
        if q.evidence is None:
            assert "metadata" in q.tags
            continue
        ev = q.evidence
        assert body[ev.start : ev.end] == ev.text
        assert ev.text.strip() == ev.text and len(ev.text.split()) >= 4


@pytest.mark.parametrize("name", UNSEEN)
def test_no_prompt_starts_with_a_pronoun_or_speaks_in_the_first_person(name: str) -> None:
    for q in comprehension(name):
        first = re.findall(r"[A-Za-z’']+", q.prompt)[0].lower()
        assert first not in PRONOUN_STARTS | {"we", "i", "our", "my"}, q.prompt
        if q.type != "open":  # a rubric quotes the article; the prompt itself must not say "we"
            assert not FIRST_PERSON.search(QUOTED.sub(" ", q.prompt)), q.prompt


@pytest.mark.parametrize("name", UNSEEN)
def test_multiple_choice_keys_are_in_the_evidence_and_options_distinct(name: str) -> None:
    for q in comprehension(name):
        if q.type != "multiple_choice" or {"vocabulary", "metadata"} & set(q.tags):
            continue
        assert q.evidence is not None and isinstance(q.answer, str)
        assert any(mentions(q.evidence.text, n) for n in names_of(q.answer, q.accepted_answers)), q.prompt
        assert len(q.choices) == 4 and len({c.lower() for c in q.choices}) == 4


@pytest.mark.parametrize("name", UNSEEN)
def test_who_asks_for_a_person_and_when_for_a_date(name: str) -> None:
    asked = 0
    many = [c.question for c in candidates(analyse(article(name)), None, 0)]  # every candidate, not a sample
    for q in many:
        if q.type not in ("multiple_choice", "short_answer") or not isinstance(q.answer, str):
            continue
        if q.prompt.startswith("Who ") or q.prompt.endswith(" who?"):
            asked += 1
            assert q.answer in people(name), (q.prompt, q.answer)
            if q.type == "multiple_choice":  # wrong options are people too, never a town or a party
                assert all(c in people(name) or _known_person(c) for c in q.choices), q.choices
        if WHEN.search(q.prompt):
            asked += 1
            assert DATE.match(q.answer), (q.prompt, q.answer)
    assert asked >= 1


@pytest.mark.parametrize("name", ["unseen_election.txt", "unseen_flood.txt", "unseen_court_ruling.md"])
def test_context_questions_stay_on_topic_for_news_far_from_the_knowledge_base(name: str) -> None:
    """The knowledge base is about Central Asia: on a Norwegian election only media-literacy items fit."""
    for q in generated(name).quiz.questions:
        if q.origin == "context":
            assert "media-literacy" in q.tags, q.prompt


def test_heavy_boilerplate_page_asks_about_the_story_only() -> None:
    text = " ".join(
        f"{q.prompt} {q.answer} {' '.join(q.choices)}" for q in comprehension("unseen_earnings_layoffs.html")
    )
    for junk in ("cookie", "App Store", "newsletter", "Related articles", "Share on", "#Veltrix", "Comments"):
        assert junk not in text


def test_same_person_is_one_answer_under_full_name_and_surname() -> None:
    """ "Astrid Haugen" then "Haugen": one person; "Turnout" at a sentence start is not a name."""
    mentions_ = [m for s in analyse(article("unseen_election.txt")).sentences for m in s.mentions]
    haugen = {m.canonical for m in mentions_ if m.text in ("Haugen", "Astrid Haugen")}
    assert haugen == {"Astrid Haugen"}
    assert all(m.kind == "person" for m in mentions_ if m.text == "Haugen")
    assert "Turnout" not in {m.text for m in mentions_}
    roles = [q for q in comprehension("unseen_election.txt") if q.type == "matching" and "people" in q.tags]
    for q in roles:
        lefts = [p[0] for p in q.answer if isinstance(p, tuple)]
        assert not ({"Haugen", "Astrid Haugen"} <= set(lefts))


def test_ordering_uses_the_dates_of_the_events_not_of_names_in_them() -> None:
    """Court ruling: announced April 2025, High Court November 2025, appeal February 2026; the "1951
    Refugee Convention" dates the treaty, not the court's decision."""
    every = candidates(analyse(article("unseen_court_ruling.md")), None, 0)
    qs = [c.question for c in every if c.question.type == "ordering"]
    assert len(qs) == 1 and isinstance(qs[0].answer, tuple)
    order = list(qs[0].answer)
    assert "Refugee Convention" not in " ".join(order)
    assert [("announced" in x, "High Court" in x, "Court of Appeal" in x) for x in order] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]


def test_beliefs_doubts_and_questions_are_not_stated_as_fact() -> None:
    doc = analyse(
        from_text(
            "Hera reached the asteroid pair on Tuesday after a long journey.\n\n"
            "Not everyone is convinced the money is well spent. Investors want to know whether this is the "
            "bottom or whether car makers will cut orders again. Scientists believe Dimorphos is a rubble "
            "pile made of rocks. The agency said on Monday that the probe had entered orbit."
        )
    )
    said = [t for s in doc.sentences for t in clause_statements(s)]
    assert "The money is well spent." not in said
    assert "Car makers will cut orders again." not in said
    assert "Dimorphos is a rubble pile made of rocks." not in said
    assert "The probe had entered orbit." in said  # an organisation's report of a fact still counts


def test_vocabulary_finds_inflections_not_other_words() -> None:
    doc = analyse(
        from_text(
            "Turnout rose sharply, according to the national election office, on a cold day.\n\n"
            "The two parties signed an accord on Monday and ratified it on Friday after long talks."
        )
    )
    found = {term: form for term, (_s, form) in occurrences(doc).items()}
    assert found.get("accord") == "accord"  # the noun, not "according to"
    assert found.get("ratify") == "ratified"


def test_vocabulary_finds_new_fields_terms_in_news_sentences_and_skips_other_senses() -> None:
    doc = analyse(
        from_text(
            "Quake hits Christchurch in a busy news week\n\n"  # the title; then VOA, 2011-02-22 (public domain), and wire-like copy
            "Residents of New Zealand's second largest city, Christchurch, continue to dig out and search for "
            "survivors after the city was devastated by a massive earthquake that toppled tall buildings.\n\n"
            "Thousands of residents were evacuated after the magnitude 7.6 quake, and aftershocks shook the coast.\n\n"
            "He has avoided extradition for seven years after seeking refuge at the embassy in London.\n\n"
            "The government raised tariffs on steel as inflation climbed and subsidies for farmers were cut.\n\n"
            "Power stations that burn coal and other fossil fuels face new limits.\n\n"
            "The auditors said two of the findings warrant priority attention from the agency.\n\n"
            "The jury is still out on whether the new rules will help small firms.\n\n"
            "Trade talks stalled over correspondent banking rules."
        )
    )
    found = {term: form for term, (_s, form) in occurrences(doc).items()}
    assert found.get("devastate") == "devastated"
    assert found.get("evacuate") == "evacuated"
    assert found.get("magnitude") == "magnitude"
    assert found.get("aftershock") == "aftershocks"
    assert found.get("extradition") == "extradition"
    assert "refugee" not in found  # "refuge" is another word
    assert found.get("tariff") == "tariffs"
    assert found.get("inflation") == "inflation"
    assert found.get("subsidy") == "subsidies"
    assert found.get("fossil fuel") == "fossil fuels"
    assert "fossil" not in found  # part of the longer term, not the remains in rock
    assert "warrant" not in found  # the verb "to justify", not a judge's warrant
    assert "jury" not in found  # "the jury is still out": an idiom, no court in sight
    assert "correspondent" not in found  # a bank, not a journalist


def test_vocabulary_passage_keeps_the_and_of_coordinated_phrases() -> None:
    doc = analyse(
        from_text(
            "Talks resume\n\n"
            "The swap raised hopes of a thaw in relations between the armed group and coalition forces."
        )
    )
    s, form = occurrences(doc)["coalition"]
    assert (
        context_of(s, form) == "the armed group and coalition forces"
    )  # not "the armed group coalition forces"


def test_same_seed_same_quiz_on_unseen_text() -> None:
    a = generate_quiz(article("unseen_flood.txt"), seed=3)
    b = generate_quiz(article("unseen_flood.txt"), seed=3)
    assert a == b


@pytest.mark.parametrize("seed", range(10))
def test_seed_article_must_show_holds_for_every_seed_with_context_on(seed: int) -> None:
    doc = read_article(SEED)
    gen = generate_quiz(doc, seed=seed)
    qs = [q for q in gen.quiz.questions if q.origin == "article"]
    assert len({q.prompt for q in qs}) == len(qs) >= 4
    assert len({q.type for q in qs}) >= 3  # four or five article questions beside the context ones
    assert [f for f in check_quiz(gen.quiz, doc) if f.severity == "error"] == []
    vocabulary = [q for q in qs if "vocabulary" in q.tags]
    assert len(vocabulary) <= max(1, len(qs) / 4)


def test_days_without_a_year_are_ordered_within_the_article() -> None:
    """News writes "on March 3" for this year's events: three such days give an ordering question."""
    doc = from_text(
        "Storm timeline: how the river rose in the valley town\n\n"
        "The river authority issued a flood warning on March 3 after two days of heavy rain in the hills.\n\n"
        "Engineers closed the old stone bridge on April 9 when the water reached the arches.\n\n"
        "The town council opened a new emergency shelter on May 20 for families from the lower streets.\n\n"
        "Residents said the clean-up would take most of the summer, and shops stayed shut for weeks."
    )
    qs = [q for q in generate_quiz(doc, no_context=True).quiz.questions if q.type == "ordering"]
    assert len(qs) == 1 and isinstance(qs[0].answer, tuple)
    assert [("warning" in x, "bridge" in x, "shelter" in x) for x in qs[0].answer] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]


def test_deploy_is_glossed_only_in_its_military_sense() -> None:
    """Real sentences: Vox on Delhi's air ("deploying cleaner technology") and an opinion piece on Hong Kong
    ("deploy People's Liberation Army forces"). The glossary's "deploy" is military; only the second fits."""
    civil = analyse(
        from_text(
            "Delhi's air\n\nThe answer lies in enforcing environmental regulations, as well as deploying cleaner "
            "technology across the region."
        )
    )
    military = analyse(
        from_text(
            "Hong Kong\n\nBeijing may decide to deploy People's Liberation Army forces onto the city's streets."
        )
    )
    assert "deploy" not in occurrences(civil)
    assert occurrences(military)["deploy"][1] == "deploy"


def test_payload_is_glossed_only_as_a_rocket_s_cargo() -> None:
    """Ars Technica on a game-server exploit ("the nbt data for this payload is 26.6 megabytes"): the
    glossary's rocket cargo is another sense."""
    exploit = analyse(from_text("Exploit\n\nJust the nbt data for this payload is 26.6 megabytes."))
    launch = analyse(from_text("Launch\n\nThe rocket carried its payload into orbit on Tuesday."))
    assert "payload" not in occurrences(exploit)
    assert "payload" in occurrences(launch)


def test_minority_dividends_and_petition_are_glossed_only_in_the_glossary_s_sense() -> None:
    """Real pages rated by reviewers as wrong keys: "minority investments including Snapchat" (a stake, not a
    smaller part of a population), "reaping dividends for the project" (benefits, not profits paid to
    owners), "a petition with the US Patent and Trademark Office" (a filing, not many signatures)."""
    other = analyse(
        from_text(
            "Yahoo and Arduino\n\nYahoo holds minority investments including Snapchat.\n\n"
            "The open development model has been reaping dividends for the project.\n\n"
            "Arduino SRL filed a petition with the US Patent and Trademark Office."
        )
    )
    glossed = analyse(
        from_text(
            "Dividends and petitions\n\nThe company paid dividends to shareholders in March.\n\n"
            "Thousands of residents signed a petition against the plan."
        )
    )
    assert not {"minority", "dividend", "petition"} & set(occurrences(other))
    assert {"dividend", "petition"} <= set(occurrences(glossed))
    protest = analyse(from_text("Hong Kong\n\nThe clashes were started by a radical minority of protesters."))
    assert "minority" in occurrences(protest)


def test_constituency_is_glossed_only_as_a_district_that_elects() -> None:
    """Al Bawaba's "Netanyahu's right-wing constituency" (his supporters) was glossed "the area whose voters
    choose one member of parliament": a wrong key (reviewer bz)."""
    base = analyse(
        from_text(
            "World lashes out at US\n\nThe decision was welcomed by Israeli Prime Minister Benjamin Netanyahu, "
            "whose right-wing constituency supports the settlements."
        )
    )
    seat = analyse(
        from_text(
            "Election\n\nThe minister lost her constituency, a seat she had held in parliament for ten years."
        )
    )
    assert "constituency" not in occurrences(base)
    assert "constituency" in occurrences(seat)


def test_a_word_used_in_another_sense_than_its_gloss_is_not_asked() -> None:
    """Dev and fresh pages' sentences that reviewers (step 23) marked as another sense than the gloss: a drug
    "epidemic" (not a disease), the "magnitude" of a ruling (not an earthquake's), a "food surplus" (not
    income over spending), a "settlement bloc" (not countries), "Big Tech incumbents" (not office-holders),
    "testimony to" (proof), a "majority stakeholder" (an owner of shares), and "alleged"/"convicted" before a
    noun (adjectives, not the verbs the glosses explain)."""
    other = analyse(
        from_text(
            "South Dakota\n\nNoem later tweeted that the state’s meth epidemic “needs to be a dinner table "
            "conversation.”\n\n“It is impossible to overstate the magnitude of this ruling.\n\n"
            "Potatoes provided a reliable food surplus, which enabled longer military campaigns.\n\n"
            "Netanyahu visited the Gush Etzion settlement bloc in the West Bank on Tuesday.\n\n"
            "Big Tech incumbents are already honing in on the space.\n\n"
            "It is testimony to how out-of-touch the royals are.\n\n"
            "Kazatomprom became the majority stakeholder in national uranium mining.\n\n"
            "The US wants the UK to extradite Assange over his alleged role in the release of the material.\n\n"
            "Carlineo is a convicted felon and possessed a loaded handgun, prosecutors said."
        )
    )
    glossed = analyse(
        from_text(
            "Quake and courts\n\nThe earthquake had a magnitude of 7.6 and struck near the coast.\n\n"
            "A cholera epidemic spread through the camps, with hundreds of new cases a day.\n\n"
            "The budget surplus rose to 2 percent of GDP after tax revenue grew.\n\n"
            "Prosecutors allege that he took the money, and a jury convicted him of fraud in court."
        )
    )
    asked = {"epidemic", "magnitude", "surplus", "bloc", "incumbent", "testimony", "stakeholder", "allege"}
    assert not (asked | {"convict"}) & set(occurrences(other)), set(occurrences(other))
    assert {"magnitude", "epidemic", "surplus", "allege", "convict"} <= set(occurrences(glossed))


def test_every_sense_cue_entry_is_a_glossary_term() -> None:
    from quizkit.generate.vocabulary import glossary, other_sense_words, sense_cues

    entries = {**sense_cues(), **other_sense_words()}
    assert set(entries) <= set(glossary()) and not set(sense_cues()) & set(other_sense_words())
    assert all(cues and all(c == c.lower() for c in cues) for cues in entries.values())


def test_accession_is_asked_unless_the_sentence_is_about_a_throne() -> None:
    seed = analyse(
        from_text("Accords\n\nKazakhstan’s accession to the Abraham Accords marks a strategic move.")
    )
    throne = analyse(
        from_text("Coronation\n\nThe king marked fifty years since his accession to the throne.")
    )
    assert "accession" in occurrences(seed)
    assert "accession" not in occurrences(throne)
