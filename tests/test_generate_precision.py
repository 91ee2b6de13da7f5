"""Precision-first rules from the dev ratings (issue 9): each one with the kind of sentence reviewers met."""

from __future__ import annotations

import random

from quizkit.analysis import Sentence, analyse
from quizkit.article import from_text
from quizkit.check.quality import UNRESOLVED, restates
from quizkit.generate import generate_quiz, statements, true_false
from tests.factories import make_question


def sentences(text: str) -> tuple[Sentence, ...]:
    return analyse(from_text(text)).sentences


def test_a_dropped_not_before_whether_is_not_a_false_statement() -> None:
    s = sentences("Angola vote\n\nUNITA has not said whether it will contest the results in court.")[0]
    assert not any("said whether" in text for text, _why in statements.falsified(s))


def test_no_second_frame_inside_ours() -> None:
    assert true_false.double_frame("According to police, the fire started in the kitchen.")
    assert true_false.double_frame("But according to the mayor, the bridge is safe.")
    assert not true_false.double_frame("The fire started in the kitchen, police said.")


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
    ):
        assert UNRESOLVED.search(text), text
    assert not UNRESOLVED.search("the city of Padang was devastated")


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
