"""The knowledge base: every fact sourced to a quoted page and dated, nothing UNVERIFIED, `quizkit facts`."""

from __future__ import annotations

import re
from datetime import date

import pytest

from quizkit.cli import main
from quizkit.knowledge import aliases, checked_on, facts_about, load_facts, load_timeline
from quizkit.knowledge.distractors import NAME_KINDS
from quizkit.model import Fact

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_at_least_sixty_facts_with_unique_ids() -> None:
    facts = load_facts()
    assert len(facts) >= 60
    assert len({f.id for f in facts}) == len(facts)


@pytest.mark.parametrize("fact", load_facts(), ids=lambda f: f.id)
def test_every_fact_has_web_sources_and_its_own_as_of(fact: Fact) -> None:
    assert fact.sources and fact.source_url == fact.sources[0].url
    for src in fact.sources:
        assert src.url.startswith(("https://", "http://")) and src.excerpt and src.title
    assert ISO.match(fact.as_of) and fact.as_of <= checked_on()
    assert fact.statement.endswith(".") and len(fact.statement.split()) >= 4


def test_every_event_has_source_as_of_and_valid_iso_date() -> None:
    events = load_timeline()
    assert len(events) >= 20
    for ev in events:
        assert ev.source_url.startswith(("https://", "http://")) and ev.as_of == checked_on()
        assert ISO.match(ev.date), ev
        parts = [int(p) for p in ev.date.split("-")] + [1, 1]
        date(parts[0], parts[1], parts[2])  # raises on an impossible date
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_entities_exist_in_alias_table() -> None:
    for fact in load_facts():
        for ent in (*fact.entities, fact.subject):
            assert aliases.canonical(ent) == ent, (fact.id, ent)
    for ev in load_timeline():
        for ent in ev.entities:
            assert aliases.canonical(ent) == ent, (ev.id, ent)


def test_no_unverified_claim() -> None:
    """facts.md marks two claims UNVERIFIED: Kazakhstan's signing ceremony and the 2024 trade ranking."""
    for fact in load_facts():
        text = fact.statement.lower() + " " + fact.question.lower()
        if "Kazakhstan" in fact.entities and "Abraham Accords" in fact.entities:
            assert not re.search(r"\b(sign|signs|signed|signing|ceremony)\b", text), fact.id
        if "trade" in fact.topics and "partner" in text:  # the 2024 trade-partner ranking
            assert "2024" not in text, fact.id
        assert "unverified" not in text
    for ev in load_timeline():
        if "Kazakhstan" in ev.entities and "Abraham Accords" in ev.entities:
            assert not re.search(r"\b(sign|signs|signed|signing|ceremony)\b", ev.label.lower()), ev.id
        assert not (ev.date.startswith("2024") and "trade" in ev.label.lower())


def test_no_bare_home_page_and_no_wikipedia_mirror() -> None:
    """The fact-check found bare home pages (qazinform.com, tag24.com, nedra.kz) and a Wikipedia mirror."""
    for fact in load_facts():
        for src in fact.sources:
            path = src.url.split("://", 1)[1].partition("/")[2]
            assert path.strip("/"), (fact.id, src.url)
            assert "owiki.org" not in src.url, fact.id


def test_reference_corrections_are_in() -> None:
    """The corrected reference notes: Middle Corridor cargo is calendar 2024; the exact border length and the
    2024 trade ranking are not asked; Samarkand was the formal launch, after a first meeting in New York."""
    by_id = {f.id: f for f in load_facts()}
    mc = by_id["mc-cargo-growth"]
    assert "2024" in mc.question and "June" not in mc.statement + mc.question
    assert "kz-russia-border" not in by_id and "7,644" not in by_id["kz-russia-border-country"].question
    assert "formally launched" in by_id["c5-first-meeting"].question
    assert "New York" in by_id["c5-first-meeting"].statement
    assert "Washington time" in by_id["kz-joins-announced"].question
    assert "7 November 2025" in by_id["kz-joins-announced"].accepted
    assert {"Washington", "the White House"} & set(by_id["accords-signing-place"].accepted)
    assert "building" in by_id["accords-signing-place"].question
    assert "2026" in by_id["kz-population"].question and by_id["kz-population"].review_by


def test_required_topics_are_covered() -> None:
    ids = {f.id for f in load_facts()}
    covered = {t for f in load_facts() for t in f.topics}
    assert {
        "abraham-accords",
        "c5+1",
        "belt-and-road",
        "middle-corridor",
        "caspian",
        "aral",
    } <= covered
    assert {"kz-csto", "kz-eaeu", "kz-sco", "kz-ots", "kz-oic", "baikonur-lease", "kz-oil-cpc"} <= ids
    leaders = {f.subject: f.answer for f in load_facts() if f.relation == "leader_2023"}
    assert leaders == {
        "Kazakhstan": "Kassym-Jomart Tokayev",
        "Kyrgyzstan": "Sadyr Japarov",
        "Tajikistan": "Emomali Rahmon",
        "Turkmenistan": "Serdar Berdimuhamedov",
        "Uzbekistan": "Shavkat Mirziyoyev",
    }


def test_answer_kinds_allow_same_kind_distractors() -> None:
    for fact in load_facts():
        if fact.answer_kind in NAME_KINDS:
            assert aliases.lookup(fact.answer) is not None, fact.id
            kind = aliases.lookup(fact.answer).kind  # type: ignore[union-attr]
            assert kind == NAME_KINDS[fact.answer_kind], fact.id
            assert len(aliases.of_kind(kind)) >= 4, fact.id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("USA", "United States"),
        ("the U.S.", "United States"),
        ("Nur-Sultan", "Astana"),
        ("Tokayev", "Kassym-Jomart Tokayev"),
        ("the accords", "Abraham Accords"),
        ("Nur-Sultan (2019–2022)", "Astana"),
        ("America", "United States"),
    ],
)
def test_aliases_resolve(name: str, expected: str) -> None:
    assert aliases.canonical(name) == expected


def test_facts_about_accepts_aliases() -> None:
    usa = facts_about("USA")
    assert usa == facts_about("United States") and usa
    assert all("United States" in f.entities or f.subject == "United States" for f in usa)
    assert {f.id for f in facts_about("Nur-Sultan")} >= {"kz-capital", "bri-announced-astana"}


def test_cli_lists_facts_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--about", "USA"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{len(facts_about('USA'))} facts about United States")
    assert "accords-broker:" in out and "https://nationalpost.com/" in out and "as of 2021-01-06" in out
    assert main(["facts"]) == 0
    out = capsys.readouterr().out
    assert out.count("    source: http") == sum(len(f.sources) for f in load_facts())


def test_cli_unknown_entity_suggests_close_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--about", "Kazakstann"]) != 0
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "unknown entity 'Kazakstann'" in err and "Kazakhstan" in err
    assert "Traceback" not in err and captured.out == ""
