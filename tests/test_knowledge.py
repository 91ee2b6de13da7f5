"""The knowledge base: every fact sourced and dated, nothing UNVERIFIED, entities known, `quizkit facts`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from quizkit.cli import main
from quizkit.knowledge import aliases, facts_about, load_facts, load_timeline, sources
from quizkit.knowledge.distractors import NAME_KINDS
from quizkit.model import Fact

AS_OF = "2026-11-27"
REFERENCE = Path("/work/shared/reference/facts.md")
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_at_least_sixty_facts_with_unique_ids() -> None:
    facts = load_facts()
    assert len(facts) >= 60
    assert len({f.id for f in facts}) == len(facts)


@pytest.mark.parametrize("fact", load_facts(), ids=lambda f: f.id)
def test_every_fact_has_https_source_and_as_of(fact: Fact) -> None:
    assert fact.source_url.startswith("https://") and len(fact.source_url) > len("https://x.y")
    assert fact.as_of == AS_OF
    assert fact.statement.endswith(".") and len(fact.statement.split()) >= 4


def test_every_event_has_source_as_of_and_valid_iso_date() -> None:
    events = load_timeline()
    assert len(events) >= 20
    for ev in events:
        assert ev.source_url.startswith("https://") and ev.as_of == AS_OF
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
        if "trade" in fact.topics:
            assert "2024" not in text, fact.id
        assert "unverified" not in text
    for ev in load_timeline():
        if "Kazakhstan" in ev.entities and "Abraham Accords" in ev.entities:
            assert not re.search(r"\b(sign|signs|signed|signing|ceremony)\b", ev.label.lower()), ev.id
        assert not (ev.date.startswith("2024") and "trade" in ev.label.lower())


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference file is outside the repository")
def test_sources_are_those_of_the_reference_file() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    standard = {"https://en.wikipedia.org/wiki/Central_Asia"}
    named = {
        "https://en.wikipedia.org/wiki/Kazakhstan": '"Kazakhstan"',
        "https://en.wikipedia.org/wiki/Caspian_Sea": '"Caspian Sea"',
    }
    for src in sources().values():
        if src.url in standard:
            continue
        if src.url in named:
            assert named[src.url] in text
            continue
        assert src.url.removeprefix("https://") in text, src.url


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
        "gaza",
    } <= covered
    assert {"kz-csto", "kz-eaeu", "kz-sco", "kz-ots", "kz-oic", "baikonur-lease", "kz-oil-cpc"} <= ids
    capitals = {f.subject: f.answer for f in load_facts() if f.relation == "capital_of"}
    assert capitals == {
        "Kazakhstan": "Astana",
        "Kyrgyzstan": "Bishkek",
        "Tajikistan": "Dushanbe",
        "Turkmenistan": "Ashgabat",
        "Uzbekistan": "Tashkent",
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
    assert "accords-broker:" in out and "https://jagranjosh.com/" in out and f"as of {AS_OF}" in out
    assert main(["facts"]) == 0
    assert capsys.readouterr().out.count("    source: https://") == len(load_facts())


def test_cli_unknown_entity_suggests_close_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--about", "Kazakstann"]) != 0
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "unknown entity 'Kazakstann'" in err and "Kazakhstan" in err
    assert "Traceback" not in err and captured.out == ""
