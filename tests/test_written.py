"""Short written answers on the main points (``generate.written``): what completes the main verb of a
top sentence, asked with the verb's own auxiliary, or nothing when the phrase would be half the point.
The sentences are from real published pages of the development corpus."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizkit.analysis import analyse
from quizkit.article import from_text, read_article
from quizkit.generate import written

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def _ask(title: str, text: str) -> written.Asked | None:
    analysis = analyse(from_text(f"{title}\n\n{text}"))
    return written.ask(analysis.sentences[0], analysis)


@pytest.mark.parametrize(
    ("title", "text", "prompt", "answer"),
    [
        (
            "Obama and gun control",
            "Mr Obama has pushed for stricter gun control throughout his presidency but has been unable to "
            "secure any significant changes.",
            "According to the article, what has Mr Obama pushed for?",
            "Stricter gun control.",
        ),
        (
            "Kazakhstan and its banks",
            "Kazakhstan’s growth model depends on uninterrupted access to international finance.",
            "According to the article, what does Kazakhstan’s growth model depend on?",
            "Uninterrupted access to international finance.",
        ),
        (
            "Sudan and Washington",
            "In 1997, President Bill Clinton imposed a comprehensive trade embargo against Sudan.",
            "According to the article, what did President Bill Clinton impose in 1997?",
            "A comprehensive trade embargo against Sudan.",
        ),
        (
            "Prison guards charged",
            "Two federal prison officers were charged with falsifying records.",
            "According to the article, what were two federal prison officers charged with?",
            "Falsifying records.",
        ),
    ],
)
def test_the_question_asks_for_what_completes_the_verb(
    title: str, text: str, prompt: str, answer: str
) -> None:
    got = _ask(title, text)
    assert got is not None and (got.prompt, got.answer) == (prompt, answer)


@pytest.mark.parametrize(
    "text",
    [
        # the asked phrase would be half the point: a place or state follows the object
        "Attorney General William Barr put Kathleen Hawk Sawyer in charge and ordered an investigation.",
        "During that meeting, the bank left its key interest rates unchanged for the seventh consecutive quarter.",
        # a list: asking for its first item is wrong
        "NASA has recruited SpaceX's Starship, Blue Origin's Blue Moon and three other lander ideas.",
        # an answer that needs the sentence before ("its spot", "he")
        "Croatia secured its spot with a 3-1 victory against Slovakia.",
        "Trump has tried to suggest that he barely knows his envoy.",
        # a verb whose preposition does not belong to it
        "The economy expanded at an annualized rate of 4.2 percent in the second quarter.",
        # a subject that points back ("the region") or counts ("fewer than …")
        "The region experienced a significant geopolitical shift in 2020.",
        # negated, or a quotation
        "Kazakhstan did not join the talks in Moscow.",
        "“We will rebuild the city,” the mayor said.",
    ],
)
def test_no_question_when_the_phrase_would_not_stand_alone(text: str) -> None:
    assert _ask("A day of news", text) is None


def test_a_description_is_asked_only_of_a_name_or_the_story_s_own_subject() -> None:
    got = _ask("Rivalry in Central Asia", "Central Asia is a focal point of a quiet strategic rivalry.")
    assert got is not None and got.prompt == "How does the article describe Central Asia?"
    assert got.answer == "A focal point of a quiet strategic rivalry."
    assert _ask("A day of news", "The plan is a focal point of a quiet strategic rivalry.") is None


def test_the_seed_gets_written_questions_only_from_its_main_sentences() -> None:
    from quizkit.generate import importance

    analysis = analyse(read_article(SEED))
    top = importance.main_points(importance.sentence_importance(analysis), importance.TOP_SHARE)
    got = list(written.candidates(analysis, random.Random(0)))
    assert got and all(c.sentence in top for c in got)
    for c in got:
        assert c.question.type == "open" and "written" in c.question.tags and c.question.points == 1
        (point,) = c.question.answer  # type: ignore[misc]
        assert isinstance(point, str) and point[:1].isupper() and point.endswith(".")
        assert c.question.evidence is not None and point[1:].rstrip(".") in c.question.evidence.text
