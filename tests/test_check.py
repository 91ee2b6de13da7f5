"""The quality gate: every check fires on a hand-made bad question and stays quiet on a good one."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.article import read_article
from quizkit.check import CHECK_NAMES, QUIZ_WIDE, Finding, check_question, check_quiz, has_errors
from quizkit.check.text import mentions
from quizkit.model import Article, Block, Citation, Evidence, Question, Quiz
from tests.factories import BODY, SENT1, SENT2, evidence, make_question

ARTICLE = Article(
    title="A balancing act in Central Asia",
    path="story.txt",
    body=BODY,
    blocks=(
        Block("paragraph", SENT1, 0, len(SENT1)),
        Block("paragraph", SENT2, len(SENT1) + 1, len(BODY)),
    ),
)
mq = make_question


def _ev(text: str) -> Evidence:
    return Evidence(text, 0, len(text))


def _mc(answer: str, *choices: str, **kw: Any) -> Question:
    return mq("multiple_choice", answer=answer, choices=choices, **kw)


# (check, bad question, severity expected). Each is the factory's good question with one thing broken.
BAD: list[tuple[str, Question, str | None]] = [
    ("ill_formed", mq("short_answer", prompt="Who?"), "error"),
    ("ill_formed", mq("short_answer", prompt="Whom did Tokayev meet in Washington"), "error"),
    (
        "ill_formed",
        mq("fill_blank", prompt="President _____ visited _____, where he met Donald Trump."),
        "error",
    ),
    ("ill_formed", mq("fill_blank", prompt="President Kassym-Jomart Tokayev visited Washington."), "error"),
    ("ill_formed", mq("short_answer", prompt="Whom did Tokayev (the president meet in Washington?"), "error"),
    ("ill_formed", mq("short_answer", prompt='Whom did Tokayev meet in "Washington?'), "error"),
    ("ill_formed", mq("short_answer", prompt="Whom did did Tokayev meet in Washington?"), "warning"),
    ("ill_formed", mq("true_false", prompt="Tokayev visited Moscow, where he met"), "error"),
    ("ill_formed", mq("true_false", prompt="Tokayev visited Moscow, where he met the."), "error"),
    ("ill_formed", mq("true_false", prompt="Tokayev visited Moscow, where he met…"), "error"),
    ("ill_formed", mq("short_answer", prompt="   "), "error"),
    ("ill_formed", mq("short_answer", prompt="whom did Tokayev meet in Washington?"), "warning"),
    ("ill_formed", mq("short_answer", prompt="According to the article, The president met whom?"), "warning"),
    ("unresolved_pronoun", mq("true_false", prompt="He visited Moscow, where he met Donald Trump."), "error"),
    (
        "unresolved_pronoun",
        mq("true_false", prompt="It is the largest country that joined the accords."),
        "error",
    ),
    *(
        ("unresolved_pronoun", mq("true_false", prompt=p), "warning")
        for p in (
            "Most of its oil leaves through a pipeline to Novorossiysk.",
            "The first tanker was loaded there in 1996.",
            "Every tonne of it has to cross the sea by ferry.",
            "According to the article, five countries share its shores.",
        )
    ),
    ("unresolved_pronoun", mq("short_answer", prompt="Whom did they meet in Washington?"), "warning"),
    ("unresolved_pronoun", mq("short_answer", prompt="This visit took Tokayev to meet whom?"), "error"),
    (
        "unresolved_pronoun",
        mq("fill_blank", prompt="Its president visited _____, where he met Donald Trump."),
        "error",
    ),
    (
        "answer_in_prompt",
        mq("short_answer", prompt="Whom did Tokayev meet in Washington: Donald Trump?"),
        "error",
    ),
    (
        "answer_in_prompt",
        mq(
            "short_answer",
            prompt="Whom did Tokayev meet in Washington: President Trump?",
            accepted_answers=(),
        ),
        "error",
    ),
    (
        "answer_in_prompt",
        mq(
            "short_answer",
            prompt="Which country's president did the US leader meet?",
            answer="United States",
            accepted_answers=(),
        ),
        "error",
    ),
    (
        "answer_in_prompt",
        mq("fill_blank", prompt="Tokayev visited _____ (Washington, D.C.), where he met Donald Trump."),
        "error",
    ),
    (
        "answer_in_prompt",
        _mc(
            "Kazakhstan",
            "Kazakhstan",
            "Uzbekistan",
            "Kyrgyzstan",
            "Turkmenistan",
            prompt="Which country did Kazakhstan’s president lead?",
        ),
        "error",
    ),
    (
        "answer_not_in_evidence",
        mq("short_answer", answer="Vladimir Putin", accepted_answers=("Putin",)),
        "error",
    ),
    (
        "answer_not_in_evidence",
        mq(
            "short_answer",
            prompt="When did Kazakhstan join the accords?",
            answer="December 2025",
            accepted_answers=(),
            evidence=evidence(SENT1),
        ),
        "error",
    ),
    (
        "answer_not_in_evidence",
        mq("true_false", prompt="Tokayev visited Washington, where he met Donald Trump.", answer=False),
        "error",
    ),
    (
        "answer_not_in_evidence",
        mq("true_false", prompt="Tokayev visited Moscow, where he met Donald Trump.", answer=True),
        "warning",
    ),
    (
        "answer_not_in_evidence",
        mq(
            "matching",
            origin="article",
            evidence=evidence(SENT2),
            answer=(("Tokayev", "visited"), ("Putin", "met")),
        ),
        "error",
    ),
    (
        "answer_not_in_evidence",
        mq(
            "ordering",
            origin="article",
            evidence=evidence(SENT1),
            answer=("Kazakhstan joined", "Tokayev visited Washington"),
        ),
        "warning",
    ),
    ("evidence_not_in_article", mq("multiple_choice", evidence=Evidence(SENT1, 3, 3 + len(SENT1))), "error"),
    ("evidence_not_in_article", mq("multiple_choice", evidence=Evidence(SENT1, 0, 12)), "error"),
    ("evidence_not_in_article", mq("multiple_choice", evidence=Evidence("Kazakhstan left.", 0, 16)), "error"),
    ("evidence_not_in_article", mq("multiple_choice", evidence=Evidence("", 0, 0)), "error"),
    ("boilerplate_evidence", mq("short_answer", evidence=_ev("More News")), "error"),
    (
        "boilerplate_evidence",
        mq("short_answer", evidence=_ev("Read more: Donald Trump in Central Asia")),
        "error",
    ),
    ("boilerplate_evidence", mq("short_answer", evidence=_ev("Download on the App Store")), "error"),
    (
        "boilerplate_evidence",
        mq("short_answer", evidence=_ev("#DonaldTrump #Kazakhstan #AbrahamAccords")),
        "error",
    ),
    (
        "boilerplate_evidence",
        mq("short_answer", evidence=_ev("(Photo: Donald Trump and Tokayev / Reuters)")),
        "error",
    ),
    ("boilerplate_evidence", mq("short_answer", evidence=_ev("By Donald Trump")), "error"),
    *(
        ("boilerplate_evidence", mq("short_answer", evidence=_ev(text)), "error")
        for text in (
            "Most read: Donald Trump meets five presidents.",
            "Comments (3) Donald Trump fan: great piece!",
            "About us | Contact | Privacy policy",
            "Related articles Donald Trump meets Tokayev in Washington.",
        )
    ),
    ("boilerplate_evidence", mq("short_answer", evidence=_ev("Donald Trump Daily — 2025-11-07")), "error"),
    (
        "boilerplate_evidence",
        mq("short_answer", evidence=_ev("Donald Trump and the Context of the Decision")),
        "error",
    ),
    ("option_count", _mc("Kazakhstan", "Kazakhstan"), "error"),
    ("option_count", _mc("Kazakhstan", "Kazakhstan", *"ABCDEF"), "error"),
    ("key_not_in_options", _mc("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Turkmenistan"), "error"),
    ("key_not_in_options", _mc("Kazakhstan", "Kazakhstan", "Uzbekistan", "Kazakhstan"), "error"),
    (
        "duplicate_options",
        _mc("Kazakhstan", "Kazakhstan", "Uzbekistan", "uzbekistan.", "Kyrgyzstan"),
        "error",
    ),
    (
        "distractor_also_correct",
        _mc("Kazakhstan", "Kazakhstan", "Qazaqstan", "Kyrgyzstan", "Turkmenistan"),
        "error",
    ),
    (
        "distractor_also_correct",
        _mc("Kazakhstan", "Kazakhstan", "Republic of Kazakhstan", "Kyrgyzstan", "Turkmenistan"),
        "error",
    ),
    (
        "distractor_also_correct",
        _mc("Central Asia", "Central Asia", "Asia", "Middle East", "Caucasus"),
        "error",
    ),
    (
        "distractor_also_correct",
        _mc("November 2025", "November 2025", "2025", "March 2019", "June 2021"),
        "error",
    ),
    ("distractor_also_correct", _mc("Karaganda", "Karaganda", "Karagandy", "Pavlodar", "Shymkent"), "error"),
    ("distractor_wrong_type", _mc("2025", "2025", "2019", "2020", "Russia"), "error"),
    (
        "distractor_wrong_type",
        _mc("Kazakhstan", "Kazakhstan", "Uzbekistan", "Vladimir Putin", "Kyrgyzstan"),
        "error",
    ),
    (
        "distractor_wrong_type",
        _mc("Kazakhstan", "Kazakhstan", "Uzbekistan", "Moscow", "Kyrgyzstan"),
        "warning",
    ),
    (
        "distractor_wrong_type",
        _mc("Kazakhstan", "Kazakhstan", "Uzbekistan", "economic growth", "Kyrgyzstan"),
        "warning",
    ),
    (
        "key_longest",
        _mc(
            "Kazakhstan and four other Central Asian republics",
            "Kazakhstan and four other Central Asian republics",
            "Uzbekistan",
            "Kyrgyzstan",
            "Tajikistan",
        ),
        "warning",
    ),
    ("true_false_key", mq("true_false", answer="yes"), "error"),
    ("matching_items", mq("matching", answer=(("Tokayev", "Kazakhstan"),)), "error"),
    ("matching_items", mq("matching", answer=(("Tokayev", "Kazakhstan"), ("tokayev", "Israel"))), "error"),
    (
        "matching_items",
        mq("matching", answer=(("Tokayev", "Kazakhstan"), ("Nazarbayev", "Kazakhstan"))),
        "warning",
    ),
    (
        "matching_items",
        mq(
            "matching",
            answer=(("Tokayev", "Kazakhstan"), ("Trump", "United States")),
            choices=("Kazakhstan", "United States", "Kazakhstan"),  # the column lists one item twice
        ),
        "warning",
    ),
    ("ordering_items", mq("ordering", answer=("Kazakhstan joins",)), "error"),
    (
        "ordering_items",
        mq("ordering", answer=("Kazakhstan joins", "The accords are signed", "Kazakhstan joins.")),
        "error",
    ),
    ("open_rubric", mq("open", answer=()), "error"),
    ("open_rubric", mq("open", answer=("balancing between powers", " ")), "error"),
    ("context_sources", mq("matching", sources=()), "error"),
    ("context_sources", mq("matching", sources=(Citation("", "2026-11-27"),)), "error"),
    ("context_sources", mq("matching", sources=(Citation("https://example.org/x", ""),)), "error"),
    (
        "context_sources",
        mq("matching", sources=(Citation("https://example.org/x", "27 Nov 2026"),)),
        "warning",
    ),
    ("context_sources", mq("matching", sources=(Citation("notes/leaders.txt", "2026-11-27"),)), "warning"),
    # what reviewers rejected on real articles (issue 9), in the words of the pages they came from
    (
        "page_debris",
        mq("true_false", prompt="According to the article, (CNN) — rescuers reached the town."),
        "error",
    ),
    ("page_debris", mq("short_answer", prompt="Which agency gave the figures in (Table 1.1)?"), "error"),
    ("page_debris", mq("true_false", prompt="• Tokayev visited Washington in November."), "error"),
    (
        "page_debris",
        mq(
            "true_false",
            prompt="According to the article, the overall rankings were: 4. Finland 2. Norway 3.",
        ),
        "error",
    ),
    (
        "page_debris",
        mq("open", answer=("Kazakhstan joined the accords.; It balances its partners.",)),
        "error",
    ),
    (
        "broken_text",
        mq("short_answer", prompt="Where did A collaboration of scientists collect lichens?"),
        "error",
    ),
    ("broken_text", mq("short_answer", prompt="Which country did the same, 2?"), "error"),
    (
        "broken_text",
        mq("true_false", prompt="According to the article, the most obvious hurdle is."),
        "error",
    ),
    (
        "loose_start",
        mq("true_false", prompt="According to the article, thus Tokayev visited Washington."),
        "error",
    ),
    ("loose_start", mq("true_false", prompt="According to the article, So far, Tokayev met Trump."), "error"),
    (
        "loose_start",
        mq("true_false", prompt="According to the article, The visit took place in 2025."),
        "error",
    ),
    (
        "unresolved_reference",
        mq("true_false", prompt="Tokayev said the country would sign it today."),
        "error",
    ),
    ("unresolved_reference", mq("true_false", prompt="Tokayev called such a step historic."), "error"),
    (  # a quotation's clause cut from its sentence (reviewer an, step 8)
        "unresolved_reference",
        mq("true_false", prompt="According to the article, people are going to buy it."),
        "error",
    ),
    (
        "page_outline",
        mq("true_false", prompt="The first section details the history of the accords."),
        "error",
    ),
    (
        "title_giveaway",
        mq(
            "short_answer",
            prompt="Which region is the focal point of a quiet rivalry?",
            answer="Central Asia",
        ),
        "warning",
    ),
    (
        "who_not_person",
        mq("short_answer", prompt="Who joined the Abraham Accords?", answer="Kazakhstan"),
        "error",
    ),
    (
        "weak_template",
        mq(
            "matching",
            prompt="In paragraph 2, which phrase goes with each name (___ marks where the name stands)?",
        ),
        "error",
    ),
    (
        "weak_template",
        mq("open", prompt="The article speaks of significance. What does it mean here?"),
        "error",
    ),
]

# (check, good question): close to a bad case above but fine, so the check must stay quiet.
GOOD: list[tuple[str, Question]] = [
    *(
        (t, mq(t))
        for t in (
            "multiple_choice",
            "true_false",
            "fill_blank",
            "short_answer",
            "matching",
            "ordering",
            "open",
        )
    ),
    ("ill_formed", mq("short_answer", prompt="Which bloc did Kazakhstan belong to?")),
    ("ill_formed", mq("short_answer", prompt="Which city, The Hague or Washington, did Tokayev visit?")),
    ("ill_formed", mq("fill_blank", prompt="Five countries share its shores: Kazakhstan, Iran and _____.")),
    ("ill_formed", mq("true_false", prompt="The Soviet Union tested bombs there between 1949 and 1989.")),
    ("ill_formed", mq("short_answer", prompt="Did Tokayev say that that visit mattered?")),
    ("ill_formed", mq("multiple_choice", prompt="According to the article, Kazakhstan joined:")),
    ("unresolved_pronoun", mq("short_answer", prompt="Whom did Tokayev meet in Washington?")),
    ("loose_start", mq("true_false", prompt="According to the article, Tokayev visited Washington.")),
    ("loose_start", mq("true_false", prompt="According to the article, Far from Moscow, Tokayev met Trump.")),
    ("broken_text", mq("short_answer", prompt="Which city, The Hague or Washington, did Tokayev visit?")),
    ("unresolved_reference", mq("true_false", prompt="On 6 November 2025 Tokayev met Trump in Washington.")),
    (
        "unresolved_reference",
        mq("true_false", prompt="Kazakhstan joined the accords and Russia criticised it."),
    ),
    ("title_giveaway", mq("multiple_choice")),
    ("who_not_person", mq("short_answer", prompt="Who met Donald Trump in Washington?", answer="Tokayev")),
    *(
        ("unresolved_pronoun", mq("true_false", prompt=p))
        for p in (
            "Which country declared its independence in 1991?",
            "_____ declared its independence in 1991.",
            "Tokayev flew to Washington, where he met Donald Trump.",
            "The president said his visit mattered.",
            "By 2014 the basin was dry where there had been water.",
            "It is clear that Kazakhstan joined the accords.",
            "It was in 2025 that Kazakhstan joined the accords.",
            "What does “its” mean in “Kazakhstan set out its rules”?",
        )
    ),
    (
        "answer_in_prompt",
        mq("short_answer", prompt="Tell us: whom did Tokayev meet in Washington?", answer="United States"),
    ),
    (
        "answer_in_prompt",
        mq(
            "short_answer",
            prompt="Whom did Tokayev meet in Washington, trumping his rivals?",
            accepted_answers=(),
        ),
    ),
    (
        "answer_not_in_evidence",
        mq(
            "short_answer",
            prompt="When did Kazakhstan join the accords?",
            answer="November 2025",
            accepted_answers=(),
            evidence=evidence(SENT1),
        ),
    ),
    (
        "answer_not_in_evidence",
        mq("short_answer", prompt="Whom did Tokayev meet?", answer="Trump", accepted_answers=()),
    ),
    (
        "answer_not_in_evidence",
        mq("true_false", prompt="Tokayev visited Washington, where he met Donald Trump.", answer=True),
    ),
    ("answer_not_in_evidence", mq("true_false", prompt="Tokayev did not visit Washington.", answer=False)),
    *(
        ("answer_not_in_evidence", mq("true_false", prompt=p, answer=a, evidence=_ev(e)))
        for p, a, e in (
            (
                "A lake that was once the fourth smallest on the planet shrank.",
                False,
                "A lake that was once the fourth largest on the planet shrank into smaller pools.",
            ),
            (
                "Kazakhstan can reach the open ocean on its own.",
                False,
                "Kazakhstan cannot reach the open ocean on its own.",
            ),
            (
                "The line runs for 1,511 kilometres to Novorossiysk.",
                True,
                "The line runs for 1,511 kilometres to Novorossiysk on the Black Sea.",
            ),
        )
    ),
    (
        "answer_not_in_evidence",
        mq(
            "multiple_choice",
            prompt="What does “accession” mean?",
            answer="formal joining",
            choices=("formal joining", "leaving", "voting", "trading"),
            tags=("vocabulary",),
        ),
    ),
    (
        "answer_not_in_evidence",
        mq(
            "matching",
            origin="article",
            evidence=evidence(BODY),
            answer=(("Kazakhstan", "joined"), ("Trump", "met")),
        ),
    ),
    (
        "answer_not_in_evidence",
        mq(
            "ordering",
            origin="article",
            evidence=evidence(BODY),
            answer=("Kazakhstan joined the accords", "Tokayev visited Washington"),
        ),
    ),
    ("distractor_also_correct", _mc("Iran", "Iran", "Iraq", "Syria", "Egypt")),
    ("distractor_also_correct", _mc("Sudan", "Sudan", "South Sudan", "Egypt", "Morocco")),
    ("distractor_also_correct", _mc("2025", "2025", "2024", "2019", "2021")),
    ("distractor_wrong_type", _mc("2025", "2025", "1991", "2020", "2007")),
    (
        "distractor_wrong_type",
        _mc("Donald Trump", "Donald Trump", "Vladimir Putin", "Xi Jinping", "Jane Doe"),
    ),
    ("key_longest", _mc("the Abraham Accords", "the Abraham Accords", "NATO", "the SCO", "the CSTO")),
    (
        "boilerplate_evidence",
        mq("short_answer", evidence=_ev("By Tuesday, Donald Trump had met every Central Asian leader.")),
    ),
    ("context_sources", mq("ordering")),
    ("context_sources", mq("ordering", sources=(Citation("story.txt", "2026-11-27"),))),
    *(
        ("boilerplate_evidence", mq("short_answer", evidence=_ev(text)))
        for text in (
            "Most readers knew that Donald Trump had met Tokayev.",
            "Comments by Donald Trump drew a sharp reply from Astana.",
            "More than 40 people met Donald Trump in Washington.",
            "Related talks with Donald Trump followed in December.",
        )
    ),
]


def _named(findings: tuple[Finding, ...], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


@pytest.mark.parametrize(
    ("check", "question", "severity"), BAD, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(BAD)]
)
def test_bad_question_is_flagged(check: str, question: Question, severity: str | None) -> None:
    found = _named(check_question(question, ARTICLE), check)
    if severity is None:
        assert not found, found
        return
    assert found, f"{check} missed {question.prompt!r}"
    assert {f.severity for f in found} == {severity}
    assert all(f.question_id == question.id and len(f.message) > 20 for f in found)


@pytest.mark.parametrize(("check", "question"), GOOD, ids=[f"{c}-{i}" for i, (c, _) in enumerate(GOOD)])
def test_good_question_passes(check: str, question: Question) -> None:
    assert not _named(check_question(question, ARTICLE), check)


def test_factory_questions_are_clean() -> None:
    """The factory's questions are the reference good questions: no finding at all, with the article."""
    for t in ("multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering", "open"):
        assert check_question(make_question(t), ARTICLE) == ()


def test_every_check_has_a_bad_case() -> None:
    covered = {c for c, _, sev in BAD if sev} | {c for c, *_ in QUIZ_BAD}
    assert covered == set(CHECK_NAMES)


def test_messages_say_how_to_fix() -> None:
    for check, question, _ in BAD:
        for f in _named(check_question(question, ARTICLE), check):
            assert ";" in f.message or "—" in f.message, f.message


def test_article_offsets_only_checked_when_article_known() -> None:
    q = mq("multiple_choice", evidence=Evidence(SENT1, 3, 3 + len(SENT1)))
    assert not _named(check_question(q, None), "evidence_not_in_article")
    (finding,) = _named(check_question(q, ARTICLE), "evidence_not_in_article")
    assert "set start 0" in finding.message


def test_heading_block_is_not_evidence() -> None:
    body = "The Context of the Decision\n\n" + SENT1
    art = Article(
        title="t",
        body=body,
        blocks=(Block("heading", body[:27], 0, 27), Block("paragraph", SENT1, 29, len(body))),
    )
    heading = mq("multiple_choice", evidence=Evidence(body[:27], 0, 27))
    assert _named(check_question(heading, art), "boilerplate_evidence")
    sentence = mq("multiple_choice", evidence=Evidence(SENT1, 29, len(body)))
    assert not _named(check_question(sentence, art), "boilerplate_evidence")


def test_removed_line_is_not_evidence() -> None:
    line = "Follow Donald Trump on our channel for every update from Washington."
    art = replace(ARTICLE, removed=(line,))
    q = mq("short_answer", evidence=_ev(line))
    assert _named(check_question(q, art), "boilerplate_evidence")


# --- cross-question checks -----------------------------------------------------------------------------


def _quiz(*questions: Question, title: str = "Central Asia in the news") -> Quiz:
    return Quiz(title=title, questions=questions)


def _rotated(n: int, positions: list[int]) -> list[Question]:
    countries = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Turkmenistan"]
    out = []
    for i in range(n):
        others = [c for c in countries if c != "Kazakhstan"]
        choices = [*others[: positions[i]], "Kazakhstan", *others[positions[i] :]]
        out.append(_mc("Kazakhstan", *choices, id=f"mc{i}", prompt=f"Question number {i} about the accords?"))
    return out


SA = mq("short_answer", qid="sa")
QUIZ_BAD: list[tuple[str, Quiz, str, str]] = [
    (
        "near_duplicate",
        _quiz(
            SA,
            mq(
                "short_answer",
                qid="sa2",
                prompt="According to the article, whom did Tokayev meet in Washington?",
            ),
        ),
        "sa2",
        "error",
    ),
    (
        "near_duplicate",
        _quiz(
            mq("multiple_choice", qid="a"),
            mq("multiple_choice", qid="b", prompt="Name the state that signed up in late 2025."),
        ),
        "b",
        "error",
    ),
    (
        "near_duplicate",
        _quiz(
            mq("ordering", qid="o1"),
            mq("ordering", qid="o2", prompt="Order these events from first to last."),
        ),
        "o2",
        "error",
    ),
    ("gives_away_answer", _quiz(SA, mq("true_false", qid="tf")), "tf", "warning"),
    ("gives_away_answer", _quiz(mq("fill_blank", qid="fb"), SA), "sa", "warning"),
    ("gives_away_answer", _quiz(SA, mq("matching", qid="ma")), "ma", "warning"),
    ("key_position_bias", _quiz(*_rotated(5, [0, 0, 0, 0, 0])), QUIZ_WIDE, "warning"),
    (
        "same_answer_twice",
        _quiz(
            mq("multiple_choice"),
            mq("short_answer", qid="s2", prompt="Which country joined?", answer="Kazakhstan"),
        ),
        "s2",
        "warning",
    ),
    ("key_position_bias", _quiz(*_rotated(12, [2, 2, 2, 2, 2, 2, 2, 0, 1, 3, 0, 1])), QUIZ_WIDE, "warning"),
    (
        "true_false_balance",
        _quiz(*(mq("true_false", qid=f"t{i}", answer=False) for i in range(4))),
        QUIZ_WIDE,
        "warning",
    ),
]

QUIZ_GOOD: list[tuple[str, Quiz]] = [
    ("near_duplicate", _quiz(SA, mq("multiple_choice"), mq("matching"), mq("ordering"), mq("open"))),
    (
        "near_duplicate",
        _quiz(
            mq("matching", qid="m1"),
            mq("matching", qid="m2", answer=(("Astana", "Kazakhstan"), ("Tashkent", "Uzbekistan"))),
        ),
    ),
    (
        "gives_away_answer",
        _quiz(mq("multiple_choice"), mq("open"), title="Kazakhstan and the Abraham Accords"),
    ),
    (
        "gives_away_answer",
        _quiz(
            mq("short_answer", qid="s1", answer="symbolic", accepted_answers=()),
            mq("open", prompt="Why is the move called symbolic? Explain."),
        ),
    ),
    ("key_position_bias", _quiz(*_rotated(8, [0, 1, 2, 3, 1, 0, 3, 2]))),
    ("key_position_bias", _quiz(*_rotated(3, [0, 0, 0]))),
    ("true_false_balance", _quiz(*(mq("true_false", qid=f"t{i}", answer=i % 2 == 0) for i in range(4)))),
]


@pytest.mark.parametrize(
    ("check", "quiz", "qid", "severity"), QUIZ_BAD, ids=[f"{c}-{i}" for i, (c, *_) in enumerate(QUIZ_BAD)]
)
def test_bad_quiz_is_flagged(check: str, quiz: Quiz, qid: str, severity: str) -> None:
    found = _named(check_quiz(quiz), check)
    assert found, f"{check} missed"
    assert (qid, severity) in {(f.question_id, f.severity) for f in found}
    assert {f.severity for f in found} == {severity}


@pytest.mark.parametrize(("check", "quiz"), QUIZ_GOOD, ids=[f"{c}-{i}" for i, (c, _) in enumerate(QUIZ_GOOD)])
def test_good_quiz_passes(check: str, quiz: Quiz) -> None:
    assert not _named(check_quiz(quiz), check)


def test_check_quiz_runs_per_question_checks_in_order() -> None:
    quiz = _quiz(
        mq("short_answer", qid="x", prompt="Who?"), mq("multiple_choice", qid="y", choices=("Kazakhstan",))
    )
    findings = check_quiz(quiz)
    assert [f.question_id for f in findings[:2]] == ["x", "y"]
    assert has_errors(findings)
    assert not has_errors(check_quiz(_quiz(mq("multiple_choice"))))


# --- robustness --------------------------------------------------------------------------------------

_text = st.text(max_size=60)
_word = st.from_regex(r"[A-Za-z]{2,10}", fullmatch=True)


def _shaped(qtype: str, answer: str, items: list[str]) -> Any:
    if qtype == "true_false":
        return bool(len(answer) % 2)
    if qtype == "matching":
        return tuple(zip(items, reversed(items), strict=True))
    if qtype in ("ordering", "open"):
        return tuple(items)
    return answer


@settings(max_examples=150, deadline=None)
@given(
    prompt=_text,
    answer=_text,
    items=st.lists(_text, max_size=7),
    ev=_text,
    start=st.integers(0, 200),
    context=st.booleans(),
)
def test_checks_never_crash(
    prompt: str, answer: str, items: list[str], ev: str, start: int, context: bool
) -> None:
    """Whatever a hand-edited file holds, the gate reports findings instead of raising."""
    questions = tuple(
        Question(
            id=f"q{i}",
            type=t,
            prompt=prompt,
            answer=_shaped(t, answer, items),
            choices=tuple(items),
            evidence=Evidence(ev, start, start + len(ev)),
            origin="context" if context else "article",
        )
        for i, t in enumerate(
            ("multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering", "open")
        )
    )
    findings = check_quiz(_quiz(*questions), ARTICLE)
    assert all(f.check in CHECK_NAMES and f.severity in ("error", "warning") for f in findings)


@given(
    before=st.lists(_word, max_size=4),
    phrase=st.lists(_word, min_size=1, max_size=3),
    after=st.lists(_word, max_size=4),
)
def test_a_phrase_is_found_wherever_it_is_written(
    before: list[str], phrase: list[str], after: list[str]
) -> None:
    text = " ".join([*before, *phrase, *after]) + "."
    assert mentions(text, " ".join(phrase))
    assert mentions(text.upper(), " ".join(phrase).lower())  # case never matters for ordinary words


# --- test articles and the seed ------------------------------------------------------------------------

_DATA_ARTICLES = Path(__file__).parent / "data" / "articles"
ARTICLES = [
    *sorted(p for p in _DATA_ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html")),
    Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt",
]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_story_sentences_are_not_boilerplate(path: Path) -> None:
    """Every sentence of a story's paragraphs (the invented test articles and the published seed) is fine
    evidence; every line the reader stripped is not."""
    article = read_article(path)
    sentences = [
        Evidence(m.group(0), b.start + m.start(), b.start + m.end())
        for b in article.blocks
        if b.kind in ("paragraph", "quote")
        for m in re.finditer(r"[^.!?]+[.!?]+[\"”’]?", b.text)
    ]
    assert len(sentences) >= 5
    for ev in sentences:
        q = mq("short_answer", evidence=ev, answer="x")
        assert not _named(check_question(q, article), "boilerplate_evidence"), ev.text
        assert not _named(check_question(q, article), "evidence_not_in_article"), ev.text
    for line in article.removed:
        q = mq("short_answer", evidence=_ev(line))
        assert _named(check_question(q, article), "boilerplate_evidence"), line


def test_every_check_is_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    for name in CHECK_NAMES:
        assert f"### {name}\n" in doc and f"[`{name}`](#{name})" in doc, name


def test_a_name_shared_by_two_answers_is_reported_once() -> None:
    twin = mq("short_answer", qid="sa2", prompt="Who is the US president in the article?")
    findings = _named(check_quiz(_quiz(SA, twin, mq("true_false", qid="tf"))), "gives_away_answer")
    (on_tf,) = [f for f in findings if f.question_id == "tf"]
    assert "questions sa, sa2" in on_tf.message


def test_numbers_match_whole() -> None:
    assert mentions("The line runs for 1,511 kilometres.", "1511")
    assert mentions("The line runs for 1,511 kilometres.", "1,511")
    assert not mentions("The line runs for 1,511 kilometres.", "1")
    assert not mentions("About 4.5 million tonnes.", "5")
