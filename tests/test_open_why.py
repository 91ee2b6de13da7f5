"""The open "why" question on a headline that asks why: its model answer gives reasons of the actor it asks
about, not what the move says about someone else (seed reviewers flagged that point in every round)."""

from __future__ import annotations

import random
from pathlib import Path

from quizkit.analysis import analyse
from quizkit.article import from_text, read_article
from quizkit.generate import open as open_questions
from tests.factories import sentence

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def test_a_sentence_on_what_the_move_signals_about_another_actor_is_not_a_reason() -> None:
    other = sentence(
        "Kazakhstan’s participation in the Abraham Accords signals that the U.S. continues to play a "
        "meaningful role in shaping alliances across the Muslim world."
    )
    assert open_questions._about_another(other, "Kazakhstan")
    own = sentence("Kazakhstan’s entry signals that Kazakhstan wants closer ties with Washington.")
    assert not open_questions._about_another(own, "Kazakhstan")


def test_the_seed_why_question_keys_kazakhstans_reasons_only() -> None:
    analysis = analyse(read_article(SEED))
    qs = [c.question for c in open_questions.candidates(analysis, random.Random(0))]
    why = next(q for q in qs if "why did Kazakhstan join" in q.prompt)
    points = list(why.answer) if not isinstance(why.answer, str) else [why.answer]
    assert len(points) >= 2
    assert not any("signals that the U.S." in p for p in points)
    assert any("balancing" in p for p in points)


def test_a_plain_article_without_a_why_headline_gets_no_headline_question() -> None:
    text = "Kazakhstan joins\n\n" + " ".join(["Kazakhstan signed the deal in Washington on Thursday."] * 4)
    qs = [c.question for c in open_questions.candidates(analyse(from_text(text)), random.Random(0))]
    assert not any(open_questions.HEADLINE_TAG in q.tags for q in qs)


def test_key_points_that_are_sentences_never_print_a_stop_before_a_semicolon() -> None:
    from quizkit.model import Question
    from quizkit.versions import key_points

    def open_q(points: tuple[str, ...]) -> Question:
        return Question(id="q1", type="open", prompt="Why?", answer=points, origin="article")

    sentences = open_q(("Kazakhstan wants ties with the U.S.", "It balances Russia and China."))
    text = key_points(sentences)
    assert ".;" not in text and text == (
        "Key points: (1) Kazakhstan wants ties with the U.S. (2) It balances Russia and China."
    )
    assert key_points(open_q(("balancing between powers", "closer ties"))) == (
        "Key points: balancing between powers; closer ties"
    )


def test_the_seed_why_answer_takes_the_reasons_under_the_context_heading() -> None:
    """Seed reviewers be and bf: the key said what the move is, not why (the Washington summit, the U.S.
    push into a region tied to Russia and China). Those sentences sit under "The Context of Kazakhstan's
    Decision" and do not name Kazakhstan. Reviewers cl, cm, cr and cs: the lead ("marks a strategic move")
    says what the move is, not why: no point."""
    analysis = analyse(read_article(SEED))
    qs = [c.question for c in open_questions.candidates(analysis, random.Random(0))]
    why = next(q for q in qs if open_questions.HEADLINE_TAG in q.tags)
    points = list(why.answer) if not isinstance(why.answer, str) else [why.answer]
    assert any("visit to Washington" in p for p in points)
    assert any("reinforce its influence in Central Asia" in p for p in points)
    assert not any("marks a strategic move" in p for p in points)
    assert not any(p.startswith("This development") for p in points)
    assert not any(p.startswith("Kazakhstan’s entry into the Abraham Accords highlights") for p in points)


def test_a_why_key_point_outside_a_reasons_section_states_a_reason() -> None:
    assert open_questions.states_reason(sentence("The summit was part of the U.S. effort to gain influence."))
    assert open_questions.states_reason(
        sentence("The country joined because it wanted closer ties with Israel.")
    )
    assert not open_questions.states_reason(
        sentence("The accession marks a strategic move in a complex geopolitical landscape.")
    )


def _why_of(title: str) -> tuple[str, str] | None:
    body = " ".join(["Officials in the capital spoke to reporters about the plan on Monday."] * 4)
    return open_questions._title_why(analyse(from_text(f"{title}\n\n{body}")))


def test_a_headline_that_asks_why_or_how_becomes_a_question_in_any_tense() -> None:
    assert _why_of("Why Kazakhstan joined the Abraham Accords: a balancing act") == (
        "Why did Kazakhstan join the Abraham Accords",
        "Kazakhstan",
    )
    assert _why_of("Why Beijing will bring slaughter to Hong Kong") == (
        "Why will Beijing bring slaughter to Hong Kong",
        "Beijing",
    )
    assert _why_of("How the central bank is fighting inflation") == (
        "How is the central bank fighting inflation",
        "the central bank",
    )
    assert _why_of("Why China matters to Africa") == ("Why does China matter to Africa", "China")


def test_a_headline_without_a_subject_to_ask_about_gives_no_question() -> None:
    assert _why_of("How to retire early and travel") is None
    assert _why_of("Why you just can't trust the White House") is None
    assert _why_of("Why Europe can't stop buying Russian gas") is None  # where the "not" goes is a guess
    assert _why_of("Why Beijing Will Bring Slaughter To Hong Kong") is None  # title case: no sentence case


def test_the_seed_why_key_labels_reasons_and_context() -> None:
    """Seed reviewers in every round: the Washington visit and the U.S. push are the setting, not Kazakhstan's
    reasons (az, be, bf, cs, dn called the unlabelled list a wrong key), yet a key without them leaves the
    setting out (af, ag, ak, al, ap, aq, au, av, ba). The key keeps both and says which is which."""
    analysis = analyse(read_article(SEED))
    qs = [c.question for c in open_questions.candidates(analysis, random.Random(0))]
    why = next(q for q in qs if open_questions.HEADLINE_TAG in q.tags)
    points = list(why.answer) if not isinstance(why.answer, str) else [why.answer]
    reasons = [p for p in points if p.startswith(open_questions.REASON_LABEL)]
    context = [p for p in points if p.startswith(open_questions.CONTEXT_LABEL)]
    assert reasons and len(reasons) + len(context) == len(points)
    assert points[: len(reasons)] == reasons  # reasons first
    assert any("careful balancing" in p for p in reasons)
    assert any("visit to Washington" in p for p in context)
    assert any("the U.S. effort to reinforce its influence" in p for p in context)


def test_a_reason_word_another_actor_owns_is_their_motive_not_the_actors() -> None:
    analysis = analyse(read_article(SEED))
    by_start = {s.text[:24]: s for s in analysis.sentences}
    summit = by_start["The summit was part of t"]
    balancing = next(s for s in analysis.sentences if "careful balancing" in s.text)
    assert open_questions._others_motive(summit, "Kazakhstan")
    assert not open_questions._others_motive(summit, "United States")
    assert not open_questions._others_motive(balancing, "Kazakhstan")
    assert open_questions.why_points([summit], "Kazakhstan") == ()  # no reason of its own: no question
