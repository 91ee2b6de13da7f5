"""The world-wide table of names (``knowledge/data/world.yaml``): aliases resolve, confusable countries stay
apart, the curated table wins, and distractors for places come from the key's own part of the world."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from quizkit.analysis import analyse
from quizkit.article import read_article
from quizkit.generate import candidates
from quizkit.generate.distractors import names
from quizkit.grade.match import Matcher
from quizkit.knowledge import aliases, load_facts
from quizkit.knowledge.distractors import distractors
from quizkit.knowledge.linking import scan
from quizkit.model import Quiz

ROOT = Path(__file__).parent.parent
ARTICLES = Path(__file__).parent / "data" / "articles"
NATURAL_EARTH = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "naturalearth_110m_countries.geojson"
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ivory Coast", "Côte d'Ivoire"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("côte d’ivoire", "Côte d'Ivoire"),
        ("Czech Republic", "Czechia"),
        ("DR Congo", "Democratic Republic of the Congo"),
        ("Congo-Brazzaville", "Republic of the Congo"),
        ("Burma", "Myanmar"),
        ("Swaziland", "Eswatini"),
        ("Cape Verde", "Cabo Verde"),
        ("East Timor", "Timor-Leste"),
        ("the Netherlands", "Netherlands"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Bombay", "Mumbai"),
        ("United States of America", "United States"),
        ("Kiev", "Kyiv"),
    ],
)
def test_world_names_resolve_through_their_aliases(written: str, canonical: str) -> None:
    assert aliases.canonical(written) == canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Niger", "Nigeria"),
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("Slovakia", "Slovenia"),
        ("Sudan", "South Sudan"),
        ("Dominica", "Dominican Republic"),
        ("Guinea", "Guinea-Bissau"),
        ("Guinea", "Equatorial Guinea"),
        ("Guinea", "Papua New Guinea"),
        ("Republic of the Congo", "Democratic Republic of the Congo"),
        ("New Delhi", "Delhi"),
        ("Gambia", "Zambia"),
        ("Ireland", "Northern Ireland"),
    ],
)
def test_confusable_countries_are_distinct_entities(a: str, b: str) -> None:
    ea, eb = aliases.lookup(a), aliases.lookup(b)
    assert ea is not None and eb is not None
    assert ea is not eb and not aliases.same_entity(a, b)


def test_an_ambiguous_short_name_belongs_to_neither_congo() -> None:
    assert aliases.lookup("Congo") is None


@pytest.mark.parametrize("name", ["Georgia", "Jordan", "Chad", "Guinea", "Turkey"])
def test_names_that_are_also_other_things_are_one_country_each(name: str) -> None:
    ent = aliases.lookup(name)
    assert ent is not None and ent.kind == "country" and ent.region


def test_the_curated_table_wins_and_gains_a_region() -> None:
    kaz = aliases.lookup("Kazakhstan")
    assert kaz is not None and kaz.aliases[:3] == ("Republic of Kazakhstan", "Kazakstan", "Qazaqstan")
    assert (kaz.region, kaz.continent) == ("Central Asia", "Asia")
    wash = aliases.lookup("Washington, D.C.")
    assert wash is not None and wash.kind == "city" and wash.region == "Northern America"
    astana = aliases.lookup("Nur-Sultan")
    assert astana is not None and astana.name == "Astana" and astana.country == "Kazakhstan"


def test_every_entity_is_found_by_each_of_its_names() -> None:
    """No alias is shadowed by another entity: the merge dropped every clash."""
    for ent in aliases.entities():
        for n in ent.names:
            assert aliases.lookup(n) is ent, (n, ent.name)


def test_the_world_is_covered() -> None:
    countries = aliases.of_kind("country")
    assert len(countries) >= 190
    assert all(c.region and c.continent for c in countries)
    cities = aliases.of_kind("city")
    assert len(cities) >= 200 and all(c.region for c in cities)
    continents = {c.continent for c in countries}
    assert {"Africa", "Asia", "Europe", "North America", "South America", "Oceania"} <= continents


@pytest.mark.skipif(not NATURAL_EARTH.exists(), reason="the Natural Earth source is not on this machine")
def test_committed_world_table_is_what_the_script_builds() -> None:
    """world.yaml is generated: edit quizkit/knowledge/world_lexicon.py and re-run it instead of editing the data."""
    from quizkit.knowledge import world_lexicon as mod

    committed = (ROOT / "quizkit" / "knowledge" / "data" / "world.yaml").read_text(encoding="utf-8")
    assert mod.build(NATURAL_EARTH) == committed


@pytest.mark.parametrize(
    ("key", "answer", "verdict"),
    [
        ("Côte d'Ivoire", "Ivory Coast", "correct"),
        ("Czechia", "the Czech Republic", "correct"),
        ("Myanmar", "Burma", "correct"),
        ("Niger", "Nigeria", "incorrect"),
        ("Slovenia", "Slovakia", "incorrect"),
        ("Dominica", "Dominican Republic", "incorrect"),
        ("Sudan", "South Sudan", "incorrect"),
        ("Guinea", "Papua New Guinea", "incorrect"),
        ("New Delhi", "Delhi", "incorrect"),
        ("Abraham Accords", "Oslo Accords", "incorrect"),
    ],
)
def test_grader_accepts_world_aliases_and_rejects_confusables(key: str, answer: str, verdict: str) -> None:
    assert Matcher(key).judge(answer).verdict == verdict


def _where(name: str) -> tuple[str, str, str]:
    ent = aliases.lookup(name)
    assert ent is not None, name
    return ent.country, ent.region, ent.continent


@pytest.mark.parametrize("seed", range(5))
def test_city_distractors_come_from_the_key_s_own_country_or_subregion(seed: int) -> None:
    ny = names("New York", "city", None, random.Random(seed))
    assert ny is not None and all(_where(c)[1] == "Northern America" for c in ny)
    valencia = names("Valencia", "city", None, random.Random(seed))
    assert valencia is not None and all(_where(c)[0] == "Spain" for c in valencia)


@pytest.mark.parametrize("seed", range(5))
def test_country_distractors_come_from_the_key_s_subregion(seed: int) -> None:
    ghana = names("Ghana", "country", None, random.Random(seed))
    assert ghana is not None and all(_where(c)[1] == "Western Africa" for c in ghana)
    peru = names("Peru", "country", None, random.Random(seed))
    assert peru is not None and all(_where(c)[1] == "South America" for c in peru)


def test_a_part_of_a_country_gets_its_sister_parts() -> None:
    """Scotland is a place, not a country: its options are the other parts of the same country."""
    picked = names("Scotland", "place", None, random.Random(0))
    assert picked is not None and set(picked) == {"England", "Wales", "Northern Ireland"}


def test_distractors_stay_deterministic() -> None:
    for key, kind in (("Norway", "country"), ("Osaka", "city"), ("Tashkent", "city")):
        assert names(key, kind, None, random.Random(7)) == names(key, kind, None, random.Random(7))


def test_context_distractors_prefer_the_key_s_country() -> None:
    fact = next(f for f in load_facts() if f.answer == "Novorossiysk")
    for seed in range(5):
        picked = distractors(fact, 3, random.Random(seed), fact.question)
        assert len(picked) == 3 and all(_where(c)[0] == "Russia" for c in picked), picked


@cache
def _quiz(name: str, seed: int) -> Quiz:
    """Every candidate the generator makes (not only the few a quiz keeps): many options to check."""
    found = candidates(analyse(read_article(ARTICLES / name)), None, seed)
    return Quiz(title=name, questions=tuple(c.question for c in found))


@pytest.mark.parametrize(
    "name",
    ["unseen_flood.txt", "unseen_election.txt", "unseen_court_ruling.md", "unseen_earnings_layoffs.html"],
)
def test_place_questions_on_unseen_articles_offer_places_from_that_part_of_the_world(name: str) -> None:
    """A question about Valencia offers Spanish cities, about Westminster British ones: never Tashkent.
    Every known place among the options is named in the article or lies in the key's subregion (for a key
    the table does not know, the country the article names most stands in for it)."""
    article = read_article(ARTICLES / name)
    body = article.body.lower()
    article_home = aliases.home(m.text for m in scan(article.body))
    asked = 0
    for seed in range(3):
        for q in _quiz(name, seed).questions:
            if q.type != "multiple_choice" or q.origin != "article":
                continue
            key = str(q.answer)
            places = [aliases.lookup(c) for c in q.choices if c != key]
            if not any(p is not None and p.region for p in places):
                continue
            asked += 1
            home = aliases.lookup(key) or article_home
            assert home is not None and home.region
            for choice, place in zip([c for c in q.choices if c != key], places, strict=True):
                if place is None or not place.region or choice.lower() in body:
                    continue
                assert place.region == home.region, (q.prompt, key, choice)
    assert asked >= 1
