"""Context questions: linking and relevance ranking, same-kind distractors, media literacy, the check gate."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.article import read_article
from quizkit.check import check_quiz
from quizkit.knowledge import aliases, load_facts, load_timeline
from quizkit.knowledge.context import context_questions, fact_question, knowledge_questions
from quizkit.knowledge.distractors import answer_forms, distractors
from quizkit.knowledge.linking import entity_weights, rank_facts
from quizkit.knowledge.media import media_questions, summary_additions
from quizkit.knowledge.relevance import FIGURE_KINDS, central_facts, states_answer
from quizkit.model import Article, Question, Quiz
from quizkit.quizfile import dump_quiz, parse_quiz_text
from quizkit.versions import settle_quiz
from tests.independent import regenerate_golden

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
ARTICLES = ROOT / "tests" / "data" / "articles"


@cache
def article(name: str) -> Article:
    return read_article(SEED if name == "seed" else ARTICLES / f"{name}.txt")


def fact(fid: str):  # type: ignore[no-untyped-def]
    return next(f for f in load_facts() if f.id == fid)


def about(q: Question, marker: str) -> bool:
    """Is a knowledge question about a topic? (its fact's topics, or the timeline/matching topic)."""
    return marker in q.tags or marker in q.explanation


# --- linking and ranking ---------------------------------------------------------------------------


def test_seed_links_its_main_entities_through_aliases() -> None:
    weights = entity_weights(article("seed"))
    assert weights["Kazakhstan"] >= 5 and weights["Abraham Accords"] >= 5
    assert weights["United States"] >= 3  # "U.S." and "United States" are one entity
    assert {"Kassym-Jomart Tokayev", "Donald Trump", "Central Asia", "Gaza"} <= weights.keys()


def test_ranking_seed_puts_accords_facts_first() -> None:
    top = [r.fact for r in rank_facts(article("seed"))[:8]]
    assert sum("abraham-accords" in f.topics for f in top) >= 5


def test_ranking_middle_corridor_article_is_about_the_corridor() -> None:
    ranked = rank_facts(article("kb_middle_corridor"))
    top = [r.fact for r in ranked[:5]]
    assert all("middle-corridor" in f.topics for f in top), [f.id for f in top]
    first_accords = next(i for i, r in enumerate(ranked) if "abraham-accords" in r.fact.topics)
    assert first_accords > 15


def test_ranking_c5_article_is_about_the_c5() -> None:
    ranked = rank_facts(article("kb_c5plus1_summit"))
    top = [r.fact for r in ranked[:8]]
    # the summit's agenda (uranium, critical minerals) belongs to the story too
    assert all("c5+1" in f.topics or "uranium" in f.topics for f in top), [f.id for f in top]
    assert not any("abraham-accords" in r.fact.topics for r in ranked[:15])


def test_neighbours_come_after_direct_facts() -> None:
    ranked = rank_facts(article("kb_middle_corridor"))
    tiers = [r.tier for r in ranked]
    assert tiers == sorted(tiers) and 1 in tiers
    direct = {e for r in ranked if r.tier == 0 for e in r.fact.entities}
    for r in ranked:
        if r.tier == 1:
            assert set(r.fact.entities) & direct


def test_context_questions_follow_the_articles_topic() -> None:
    for name, marker, avoid in (
        ("kb_middle_corridor", "middle-corridor", "abraham-accords"),
        ("kb_c5plus1_summit", "c5+1", "abraham-accords"),
    ):
        qs = knowledge_questions(article(name), count=6, seed=0)
        assert any(about(q, marker) for q in qs), [q.id for q in qs]
        assert not any(avoid in q.tags for q in qs), [q.id for q in qs]


# --- the seed: the brief's must-shows ----------------------------------------------------------------


def seed_questions(seed: int = 0, count: int = 10) -> list[Question]:
    return context_questions(article("seed"), count=count, seed=seed)


def test_seed_context_questions_are_sourced_tied_and_not_trivia() -> None:
    """Issue 9 F: concepts over statistics, nothing the article says, no media question unless asked."""
    qs = seed_questions()
    assert 4 <= len(qs) <= 10
    assert all(q.origin == "context" and q.evidence is None and q.sources for q in qs)
    assert all(s.url.startswith(("https://", "http://")) and s.as_of for q in qs for s in q.sources)
    assert not any("media-literacy" in q.tags for q in qs)
    for q in qs:
        fid = q.id.removeprefix("ctx-").rsplit("-", 1)[0]
        if q.type not in ("matching", "ordering"):
            assert fact(fid).answer_kind not in FIGURE_KINDS, q.id  # no exact figure from memory
            assert not states_answer(article("seed"), fact(fid)), q.id
    assert not any(q.answer == "Kazakhstan" for q in qs)  # the headline gives it away


def test_media_questions_only_on_request_at_most_two_and_varied() -> None:
    with_media = context_questions(article("seed"), count=10, seed=0, media=2)
    media = [q for q in with_media if "media-literacy" in q.tags]
    assert 1 <= len(media) <= 2
    picks = {
        tuple(
            q.id
            for q in context_questions(article(name), count=6, seed=seed, media=1)
            if "media-literacy" in q.tags
        )
        for name in ("seed", "kb_middle_corridor", "kb_c5plus1_summit")
        for seed in range(4)
    }
    assert len(picks) >= 3  # not the same boilerplate in every quiz


def test_seed_context_questions_pass_the_check_gate() -> None:
    for seed in (0, 1, 2):
        qs = seed_questions(seed, count=12)
        errors = [f for f in check_quiz(Quiz("ctx", tuple(qs)), article("seed")) if f.severity == "error"]
        assert errors == []


def test_every_test_article_passes_the_check_gate() -> None:
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html"))
    assert len(paths) >= 5
    for path in paths:
        doc = read_article(path)
        for seed in (0, 4):
            qs = context_questions(doc, count=9, seed=seed)
            # unseen_*: news far from the knowledge base (elections, space...) get none at all
            assert len(qs) <= 9 and (qs == [] or not path.name.startswith("unseen_")), path.name
            errors = [f for f in check_quiz(Quiz("ctx", tuple(qs)), doc) if f.severity == "error"]
            assert errors == [], (path.name, seed, errors)


def test_deterministic_by_seed_with_stable_ids() -> None:
    assert seed_questions(5) == seed_questions(5)
    ids = [q.id for q in seed_questions(5)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"(ctx|media)-[a-z0-9+-]+", i) for i in ids)
    assert any(a != b for a, b in zip(seed_questions(5), seed_questions(6), strict=True))


def test_question_types_mix_and_fields() -> None:
    qs = context_questions(article("seed"), count=14, seed=0, media=2)
    types = {q.type for q in qs}
    assert {"multiple_choice", "true_false", "matching"} <= types
    for q in qs:
        assert q.bloom and 0 < q.difficulty < 1 and q.points > 0 and q.explanation
        if q.id.startswith("ctx-"):
            assert all(s.url in q.explanation for s in q.sources)


# --- distractors --------------------------------------------------------------------------------------


def test_distractors_same_kind_never_alias() -> None:
    rng = random.Random(0)
    first = distractors(fact("kz-first-second-term"), 3, rng, fact("kz-first-second-term").question)
    assert set(first) <= {"Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"}
    years = distractors(fact("egypt-treaty-date"), 3, rng, fact("egypt-treaty-date").question)
    assert all(abs(int(y) - 1979) <= 5 for y in years) and "1979" not in years
    member = distractors(fact("accords-sudan-khartoum"), 3, rng, fact("accords-sudan-khartoum").question)
    assert set(member) & {"Morocco", "Bahrain", "United Arab Emirates", "Egypt", "Jordan"}
    orgs = distractors(fact("kz-oic"), 3, rng, fact("kz-oic").question)
    assert all(aliases.lookup(o).kind == "organisation" for o in orgs)  # type: ignore[union-attr]
    for f in load_facts():
        for d in distractors(f, 3, random.Random(1), f.question):
            assert not aliases.same_entity(d, f.answer) and d != f.answer, (f.id, d)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    name=st.sampled_from(["seed", "kb_middle_corridor", "kb_c5plus1_summit"]),
)
def test_closed_questions_are_well_formed_for_any_seed(seed: int, name: str) -> None:
    for q in context_questions(article(name), count=10, seed=seed):
        if q.type == "multiple_choice":
            assert len(q.choices) == 4 and len(set(q.choices)) == 4 and q.answer in q.choices
            assert not any(c != q.answer and aliases.same_entity(c, str(q.answer)) for c in q.choices)
        if q.type == "matching":
            assert isinstance(q.answer, tuple)
            lefts = [p[0] for p in q.answer]
            rights = [p[1] for p in q.answer]
            assert len(set(lefts)) == len(lefts) >= 3 and len(set(rights)) == len(rights)
        if q.type == "ordering":
            dates = {e.label: e.date for e in load_timeline()}
            got = [dates[str(x)] for x in q.answer]  # type: ignore[union-attr]
            assert got == sorted(got) and len({d[:4] for d in got}) == len(got)
        if q.type in ("short_answer", "fill_blank") and aliases.lookup(str(q.answer)):
            f = fact(q.id.removeprefix("ctx-").rsplit("-", 1)[0])
            assert set(q.accepted_answers) == set(answer_forms(f))
            for a in q.accepted_answers:  # an alias of the key, or a form the knowledge base lists as right
                assert aliases.same_entity(a, str(q.answer)) or any(
                    aliases.same_entity(a, listed) or a == listed for listed in f.accepted
                ), (q.id, a)


def test_accepted_answers_come_from_alias_table() -> None:
    for qtype in ("short_answer", "fill_blank", "multiple_choice"):
        q = fact_question(fact("accords-broker"), qtype, random.Random(0))
        assert q is not None and q.type == qtype and q.answer == "United States"
        assert {"USA", "U.S.", "America"} <= set(q.accepted_answers)
    capital = fact_question(fact("kz-capital"), "short_answer", random.Random(0))
    assert capital is not None and "Nur-Sultan" in capital.accepted_answers
    assert "Almaty" not in capital.accepted_answers


def test_true_false_false_statement_swaps_in_a_same_kind_answer() -> None:
    q = fact_question(fact("kz-capital-moved"), "true_false", random.Random(0), true=False)
    assert q is not None and q.answer is False and "Almaty" not in q.prompt
    swapped = q.prompt.split("capital from ")[1].split(" to Akmola")[0]
    assert aliases.lookup(swapped).kind == "city"  # type: ignore[union-attr]
    assert "Almaty" in q.explanation and "https://interfax.com/newsroom/top-stories/83178/" in q.explanation


def test_no_absurd_false_statement_about_a_venue() -> None:
    """Issue 9: "the South Lawn of Nazarbayev University"; a venue is only asked as a true statement."""
    for seed in range(6):
        q = fact_question(fact("accords-signing-place"), "true_false", random.Random(seed), true=False)
        assert q is not None and (q.type != "true_false" or q.answer is True)


# --- media literacy -----------------------------------------------------------------------------------


def test_media_questions_on_the_seed() -> None:
    qs = {q.id: q for q in media_questions(article("seed"), seed=0)}
    assert all("media-literacy" in q.tags and q.origin == "context" for q in qs.values())
    assert qs["media-quote-attribution"].answer is False  # the seed's quotation names no speaker
    assert "begins “Kazakhstan joining the accords signals that the" in qs["media-quote-attribution"].prompt
    sharing = qs["media-check-before-sharing"]
    assert sharing.type == "open" and any("India Today" in p for p in sharing.answer)  # type: ignore[union-attr]
    assert any("unattributed quotation" in p for p in sharing.answer)  # type: ignore[union-attr]
    assert qs["media-summary-vs-body"].type == "open"
    for q in qs.values():
        assert q.sources[0].as_of == "2025-11-07"


def test_summary_additions_are_words_the_body_never_uses() -> None:
    added = summary_additions(article("seed"))
    assert "nuanced" in added
    assert "Kazakhstan" not in added and "Abraham" not in added


def test_media_questions_skip_what_the_article_lacks() -> None:
    bare = Article(title="Untitled", body="A short text without metadata.", blocks=())
    qs = media_questions(bare, seed=0)
    assert [q.id for q in qs] == ["media-check-before-sharing"]


# --- golden file and the generator's wiring -----------------------------------------------------------

GOLDEN = ROOT / "tests" / "data" / "knowledge" / "seed_context_questions.json"


def test_seed_context_questions_match_golden_file() -> None:
    """Byte-identical output for the seed; regenerate with QUIZKIT_REGEN_GOLDEN=1 after a deliberate change."""
    quiz = Quiz("Context questions: seed", tuple(seed_questions(0, count=10)), seed=0)
    text = dump_quiz(quiz)
    if regenerate_golden():
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    # the quiz format carries every field (saving also stores the display order of matching/ordering lists)
    assert parse_quiz_text(text, where="golden") == settle_quiz(quiz)


def test_generate_mixes_in_context_questions() -> None:
    from quizkit.generate import generate_quiz

    quiz = generate_quiz(article("seed"), count=20, seed=0, context_share=0.3).quiz
    context = [q for q in quiz.questions if q.origin == "context"]
    assert 4 <= len(context) <= 6
    assert all(q.sources and q.evidence is None for q in context)
    assert any(q.id.startswith("ctx-") for q in context)
    none = generate_quiz(article("seed"), count=12, seed=0, no_context=True).quiz
    assert not any(q.origin == "context" for q in none.questions)


def test_unrelated_article_gets_no_knowledge_questions() -> None:
    text = (
        "Local club wins the cup\n\nThe home side scored twice in the second half to lift the trophy on Sunday.\n\n"
        "Fans celebrated in the streets until late at night, and the coach praised the young defenders.\n\n"
        "Sports Weekly — 2026-05-03\n"
    )
    from quizkit.article import from_text

    football = from_text(text)
    assert knowledge_questions(football, count=5, seed=0) == []
    assert context_questions(football, count=5, seed=0) == []
    qs = context_questions(football, count=5, seed=0, media=2)
    assert 1 <= len(qs) <= 2 and all("media-literacy" in q.tags for q in qs)


def test_types_limit_the_question_types() -> None:
    qs = context_questions(
        article("kb_c5plus1_summit"), count=8, seed=2, types=("true_false", "short_answer")
    )
    assert 1 <= len(qs) <= 8 and {q.type for q in qs} <= {"true_false", "short_answer"}
    opened = context_questions(article("seed"), count=5, seed=2, types=("open",), media=5)
    assert {q.id for q in opened} == {
        q.id for q in media_questions(article("seed"), seed=2) if q.type == "open"
    }


def test_ordering_uses_the_articles_own_events() -> None:
    qs = knowledge_questions(article("kb_c5plus1_summit"), count=8, seed=0)
    order = next(q for q in qs if q.type == "ordering")
    assert isinstance(order.answer, tuple)
    assert sum("C5+1" in str(label) for label in order.answer) >= 3
    assert all(s.url.startswith("https://") for s in order.sources)


def test_a_quote_from_an_unnamed_source_counts_as_not_attributed() -> None:
    qs = {q.id: q for q in media_questions(article("kb_middle_corridor"), seed=0)}
    quote = qs["media-quote-attribution"]
    assert quote.answer is False and "Every extra ferry" in quote.prompt
    assert "freight forwarder" in quote.explanation and "no name" in quote.explanation
    c5 = {q.id: q for q in media_questions(article("kb_c5plus1_summit"), seed=0)}
    assert c5["media-quote-attribution"].answer is True  # "Trump told reporters"


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=1_000_000))
def test_distractors_for_every_fact_any_seed(seed: int) -> None:
    for f in load_facts():
        wrong = distractors(f, 3, random.Random(seed), f.question)
        assert len(set(wrong)) == len(wrong)
        for d in wrong:
            assert d != f.answer and not aliases.same_entity(d, f.answer), (f.id, d)
            if f.answer_kind == "year":
                assert d.isdigit() and abs(int(d) - int(f.answer)) <= 5 and int(d) <= 2026
            ent = aliases.lookup(f.answer)
            if ent is not None and f.answer_kind not in ("", "year", "date", "decade"):
                assert aliases.lookup(d) is not None and aliases.lookup(d).kind == ent.kind  # type: ignore[union-attr]


def test_false_statements_swap_a_person_only_for_one_of_the_same_role() -> None:
    """Issue 9: "a three-way call with Narendra Modi" is absurd; "Mirziyoyev represented Kazakhstan" is not."""
    for seed in range(8):
        call = fact_question(fact("kz-joins-truth-social"), "true_false", random.Random(seed), true=False)
        assert call is not None and call.answer is True
        leader = fact_question(fact("c5-2023-kazakhstan"), "true_false", random.Random(seed), true=False)
        assert leader is not None and leader.answer is False
        swapped = leader.prompt.split(" represented")[0]
        assert swapped in {"Sadyr Japarov", "Emomali Rahmon", "Serdar Berdimuhamedov", "Shavkat Mirziyoyev"}


def test_generate_adds_media_questions_only_when_asked() -> None:
    from quizkit.generate import generate_quiz

    plain = generate_quiz(article("seed"), count=16, seed=0).quiz
    assert not any("media-literacy" in q.tags for q in plain.questions)
    asked = generate_quiz(article("seed"), count=16, seed=0, media=2).quiz
    assert 1 <= sum("media-literacy" in q.tags for q in asked.questions) <= 2


REMITTANCES = """Migrant money from Russia keeps Central Asian towns afloat

Remittances sent home by workers in Russia reached a record in Kyrgyzstan last year, the central bank said, \
and Tajikistan received about half of its economy's worth in transfers.

Many workers cross the border into Russia through Kazakhstan by train, and some now look for jobs in \
Kazakhstan itself, where wages have risen.

In Uzbekistan, officials said transfers from Russia fell as the rouble weakened, while money from Kazakhstan \
and South Korea grew.

Economists in Bishkek warned that dependence on Russia leaves Kyrgyzstan exposed to sanctions and to new rules \
on migrant workers. A worker from Osh said he sends home most of his pay every month.
"""
DROUGHT = """Drought leaves Zimbabwe farmers without a harvest

The worst drought in decades has withered maize across southern Zimbabwe, the United Nations said on Tuesday, \
leaving millions in need of food aid. Soviet-era tractors stand idle on collective farms near Masvingo.

Farmers said the rains failed for a second year. The government has declared a national disaster.
"""
EXOPLANET = """Astronomers find water vapour on a distant world

A team using the James Webb Space Telescope has detected water vapour in the atmosphere of a planet orbiting \
a small red star 40 light years away. Scientists from Europe and the United States said the finding helps \
explain how such worlds keep their air; the satellite that found the star was launched from Baikonur.
"""


def test_articles_off_the_knowledge_base_get_no_context_question() -> None:
    """Issue 9, item 11: a remittances story names Russia and Kazakhstan, a drought story the Soviet era, a
    space story Baikonur; none of them is about what the knowledge base knows."""
    from quizkit.article import from_text

    for text in (REMITTANCES, DROUGHT, EXOPLANET):
        doc = from_text(text)
        assert central_facts(doc) == [], [r.fact.id for r in central_facts(doc)]
        assert context_questions(doc, count=6, seed=0) == []
