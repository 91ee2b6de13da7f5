"""The parts of generation: distractors, statements and questions from parsed sentences, selection."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.analysis import Sentence, analyse, focus
from quizkit.article import from_text
from quizkit.generate import realize, select, statements, vocabulary
from quizkit.generate.distractors import confusable, dates, names, numbers, style
from quizkit.generate.metadata import long_date, wrong_dates
from quizkit.generate.vocabulary import (
    RELATED_FIELDS,
    field_of,
    gloss_kind,
    gloss_pos,
    glossary,
    related_terms,
    wrong_meanings,
)
from tests.factories import make_question

TEXT = (
    "Talks in the Capital\n\n"
    "President Kassym-Jomart Tokayev visited Washington, where he held talks with President Donald Trump. "
    "Kazakhstan declared its independence on 16 December 1991. "
    "The Abraham Accords, a U.S.-facilitated diplomatic agreement, normalized relations between Israel and "
    "several Muslim-majority countries.\n\nThis development surprised many observers in Moscow."
)


def sentences() -> list[Sentence]:
    return list(analyse(from_text(TEXT)).sentences)


def by_start(prefix: str) -> Sentence:
    return next(s for s in sentences() if s.text.startswith(prefix))


def test_distractor_is_never_an_alias_substring_or_near_spelling() -> None:
    assert confusable("United States", "U.S.")  # alias
    assert confusable("Central Asia", "Central and West Asia")  # the same words and more
    assert confusable("Iran", "Irn")  # one edit
    assert confusable("Iran", "Iraq")  # stricter than the gate: one letter apart is too easy to misread
    assert not confusable("Kazakhstan", "Uzbekistan")


def test_names_keep_kind_and_style_and_prefer_the_article() -> None:
    analysis = analyse(from_text(TEXT))
    got = names("Kazakhstan", "country", analysis, random.Random(0))
    assert got is not None and len(got) == 3
    assert "Israel" in got  # the article's own countries first
    assert all(style(g) == "title" and not confusable("Kazakhstan", g) for g in got)
    abbr = names("U.S.", "country", None, random.Random(0))
    assert abbr is not None and all(style(a) == "abbr" for a in abbr)


def test_years_dates_and_amounts_get_plausible_neighbours() -> None:
    rng = random.Random(1)
    years = numbers("2014", "year", rng)
    assert years and all(abs(int(y) - 2014) <= 8 and y != "2014" for y in years)
    days = dates("16 December 1991", rng)
    assert days and all(d.count(" ") == 2 and d != "16 December 1991" for d in days)
    shares = numbers("43 per cent", "number", rng)
    assert shares and all(s.endswith("per cent") and float(s.split()[0]) <= 100 for s in shares)
    assert long_date("2025-11-07") == "7 November 2025"
    assert len(set(wrong_dates("2025-11-07", rng) or ())) == 3


def test_pronoun_subject_is_resolved_into_a_who_question() -> None:
    asks = dict((m.text, q) for m, q in realize.asks(by_start("President")))
    assert asks["Kassym-Jomart Tokayev"] == "Who held talks with President Donald Trump in Washington?"
    assert asks["Washington"].startswith("Where did Kassym-Jomart Tokayev hold talks")
    assert asks["Donald Trump"] == "With whom did Kassym-Jomart Tokayev hold talks in Washington?"


def test_dates_are_asked_with_do_support() -> None:
    asks = {m.text: q for m, q in realize.asks(by_start("Kazakhstan declared"))}
    assert asks["16 December 1991"] == "On what date did Kazakhstan declare its independence?"
    assert asks["Kazakhstan"] == "Which country declared its independence on 16 December 1991?"


def test_appositive_becomes_a_statement_and_is_dropped_from_clauses() -> None:
    s = by_start("The Abraham Accords")
    assert "The Abraham Accords are a U.S.-facilitated diplomatic agreement." in statements.clause_statements(
        s
    )
    made = statements.statement(s, next(m for m in s.mentions if m.text == "Israel"), "Egypt")
    assert made is not None
    assert (
        made[0]
        == "The Abraham Accords normalized relations between Egypt and several Muslim-majority countries."
    )


def test_sentence_opening_with_this_gives_no_statement() -> None:
    s = by_start("This development")
    assert s.unresolved
    assert statements.clause_statements(s) == []
    assert all(not q.startswith(("This", "According to the article, this")) for _m, q in realize.asks(s))


def test_quotas_share_by_weight_and_respect_minimums() -> None:
    got = select.quotas(20, {"multiple_choice": 30, "true_false": 30, "open": 5, "matching": 1})
    assert sum(got.values()) == 20
    assert got["open"] >= 1 and got["matching"] == 1
    assert got["multiple_choice"] >= got["true_false"] >= got["open"]


def _mc(i: int) -> select.Question:
    return make_question("multiple_choice", qid=f"q{i}", prompt=f"Question number {i} about something?")


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=4, max_value=40), st.integers(min_value=0, max_value=10_000))
def test_key_positions_are_balanced_and_options_kept(n: int, seed: int) -> None:
    qs = [_mc(i) for i in range(n)]
    out = select.balance_keys(qs, random.Random(seed))
    for before, after in zip(qs, out, strict=True):
        assert sorted(before.choices) == sorted(after.choices) and after.answer == before.answer
    counts = Counter(q.choices.index(str(q.answer)) for q in out)
    assert max(counts.values()) - min(counts.get(i, 0) for i in range(4)) <= 1


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(["multiple_choice", "true_false", "open", "matching"]), max_size=20),
    st.integers(),
)
def test_arrange_keeps_every_question_and_groups_types(types: list[str], seed: int) -> None:
    qs = [make_question(t, qid=f"x{i}") for i, t in enumerate(types)]
    out = select.arrange(qs, random.Random(seed))
    assert sorted(q.id for q in out) == sorted(q.id for q in qs)
    order = [q.type for q in out]
    assert order == sorted(order, key=lambda t: select.QUESTION_TYPES.index(t))  # type: ignore[arg-type]


def test_near_duplicates_and_giveaways_conflict() -> None:
    a = select.Candidate(make_question("true_false"), 1, 0, "", "true_false")
    b = select.Candidate(
        replace(make_question("true_false"), prompt="Tokayev visited Moscow, where he met Donald Trump!"),
        1,
        1,
        "",
        "true_false",
    )
    assert select.conflicts(a, b)
    sa = select.Candidate(make_question("short_answer"), 1, 1, "Donald Trump", "short_answer")
    assert select.conflicts(a, sa)  # the statement names Donald Trump, the short answer's key


def test_glossary_has_short_learner_definitions_by_field() -> None:
    g = glossary()
    assert len(g) >= 250  # the first 60 (international relations) and about 240 from ten more fields
    for term in (
        "accession",
        "normalize relations",
        "symbolic",
        "strategic",
        "multi-vector",
        "bilateral",
        "sanctions",
        "sovereignty",
        "summit",
        "extradition",
        "inflation",
        "aftershock",
        "quarantine",
        "referendum",
    ):
        assert term in g
    assert all(5 <= len(d.split()) <= 14 for d in g.values())
    assert len(set(g.values())) == len(g)  # a wrong option never reads the same as the key


def test_every_glossary_term_has_a_field_with_related_fields() -> None:
    fields = {field_of(t) for t in glossary()}
    assert "" not in fields
    assert fields == set(RELATED_FIELDS) and len(fields) >= 10
    assert field_of("sanctions") == "diplomacy-and-international-relations"
    assert field_of("verdict") == "law-and-justice"
    assert field_of("uranium") == "energy-and-resources"
    assert field_of("not a glossary term") == ""
    assert all(set(related) <= fields and f not in related for f, related in RELATED_FIELDS.items())


def test_no_definition_gives_away_its_own_term() -> None:
    for term, definition in glossary().items():
        for word in re.split(r"[\s-]+", term.lower()):
            if len(word) > 3:  # "drought" in its gloss, or "mosquitoes" in mosquito-borne's
                assert not re.search(rf"\b{re.escape(word[:5])}", definition.lower()), (term, definition)


def test_part_of_speech_and_kind_are_read_from_the_definition() -> None:
    g = glossary()
    assert [gloss_pos(g[t]) for t in ("evacuate", "chronic", "fatal", "displaced", "verdict")] == [
        "VERB",
        "ADJ",
        "ADJ",
        "ADJ",
        "NOUN",
    ]
    assert [gloss_kind(g[t]) for t in ("envoy", "defendant", "refugee", "tensions", "embargo", "census")] == [
        "agent",
        "agent",
        "agent",
        "state",
        "rule",  # "an official ban": the head is the ban, not an official
        "measure",
    ]


def test_wrong_meanings_share_the_key_s_part_of_speech_kind_and_field() -> None:
    g = glossary()
    term_of = {d: t for t, d in g.items()}
    asked = 0
    for term, key in g.items():
        wrong = wrong_meanings(term, random.Random(0))
        if wrong is None:
            continue
        asked += 1
        assert len(set(wrong)) == 3 and key not in wrong
        field = field_of(term)
        for d in wrong:
            other = term_of[d]
            assert gloss_pos(d) == gloss_pos(key), (term, other)
            assert gloss_kind(d) in (gloss_kind(key), "thing" if gloss_kind(key) == "substance" else ""), (
                term,
                other,
            )
            assert not re.search(rf"\b{re.escape(term[:5].lower())}", d.lower()), (
                term,
                other,
            )  # no echo of the key
            assert field_of(other) in (field, *RELATED_FIELDS[field]), (term, other)
            assert not related_terms(term, other), (term, other)
        own = sum(field_of(term_of[d]) == field for d in wrong)
        same = [t for t in g if field_of(t) == field and t != term and not related_terms(t, term)]
        same = [t for t in same if (gloss_pos(g[t]), gloss_kind(g[t])) == (gloss_pos(key), gloss_kind(key))]
        same = [t for t in same if not vocabulary._names(g[t], term)]  # no meaning that uses the term's words
        distinct: list[str] = []  # near synonyms of each other count once: never two of them as options
        for t in same:
            if not any(related_terms(t, o) for o in distinct):
                distinct.append(t)
        if gloss_kind(key) != "substance":  # a substance may take its field's things after related substances
            assert own == min(3, len(distinct)), term  # the key's own field first
        others = [term_of[d] for d in wrong]
        assert not any(related_terms(a, b) for a in others for b in others if a != b), (term, others)
    assert asked >= 0.9 * len(g)
    tensions = wrong_meanings("tensions", random.Random(0)) or ()
    assert tensions and g["uranium"] not in tensions  # "a heavy metal …" is no meaning of a situation
    envoy = wrong_meanings("envoy", random.Random(0)) or ()
    assert envoy and all(gloss_kind(d) == "agent" for d in envoy)  # people for a person
    uranium = wrong_meanings("uranium", random.Random(0)) or ()
    assert (
        g["basin"] not in uranium and sum(gloss_kind(d) == "substance" for d in uranium) >= 2
    )  # gases first
    for seed in range(20):
        assert not {g["treaty"], g["convention"]} & set(wrong_meanings("accord", random.Random(seed)) or ())
        assert g["pandemic"] not in (wrong_meanings("epidemic", random.Random(seed)) or ())


def test_variants_and_near_synonyms_are_related_terms() -> None:
    assert related_terms("diplomacy", "diplomatic")
    assert related_terms("accord", "accords")
    assert related_terms("extradition", "extradite")
    assert related_terms("ceasefire", "truce")
    assert related_terms("legal status", "status")
    assert not related_terms("tariff", "verdict")
    assert not related_terms("inflation", "recession")


def test_a_field_too_small_for_the_key_fills_up_from_related_fields() -> None:
    wrong = wrong_meanings("lunar", random.Random(0))  # the only adjective of science-and-research
    assert wrong is not None
    assert {field_of(t) for t, d in glossary().items() if d in wrong} <= set(
        RELATED_FIELDS["science-and-research"]
    )
    assert wrong_meanings("turnout", random.Random(0)) is None  # no other measures in reach: no question


def test_focus_drops_repeats_and_keeps_the_budget() -> None:
    analysis = analyse(from_text(TEXT))
    doubled = replace(analysis, sentences=analysis.sentences * 3)
    once = focus(doubled, 100, 0)
    assert [s.text for s in once.sentences] == [s.text for s in analysis.sentences]
    small = focus(doubled, 2, 0)
    assert len(small.sentences) == 2
    assert set(small.names) <= set(analysis.names)


def test_analysis_keeps_light_records_with_exact_offsets() -> None:
    art = from_text(TEXT)
    for s in analyse(art).sentences:
        assert art.body[s.start : s.end] == s.text
        assert all(type(t).__name__ == "Tok" for t in s.toks)  # no spaCy objects kept alive
        for m in s.mentions:
            assert art.body[m.start : m.end] == m.text


def test_wire_dateline_is_not_quoted_and_fronted_time_moves_to_the_end() -> None:
    art = from_text(
        "Pope visits Mongolia\n\nULAANBAATAR, Sept 3 (Reuters) - Pope Francis arrived in Ulaanbaatar on "
        "Friday for a four-day visit.\n\nOn Sunday the pope celebrated Mass at the Steppe Arena in the capital."
    )
    sents = analyse(art).sentences
    assert sents[0].text.startswith("Pope Francis arrived")
    assert art.body[sents[0].start : sents[0].end] == sents[0].text
    asks = {m.text: q for s in sents for m, q in realize.asks(s)}
    assert asks["Steppe Arena"] == "Where did the pope celebrate Mass in the capital on Sunday?"
