"""The offline map, the timeline slider and the map exercises, against the real knowledge base."""

from __future__ import annotations

import io

import pytest
from matplotlib.image import imread

from quizkit.lesson.common import OKABE_ITO
from quizkit.lesson.geography import CENTRAL_ASIA, CountryFacts, FindTheCountry, MapLesson, accords_members
from quizkit.lesson.map import EXTENT, Place, countries, country, draw_map, in_view, places
from quizkit.lesson.timeline import Status, TimelineView, accords_steps, caption_html, status_by
from quizkit.model import TimelineEvent


def test_shipped_shapes_cover_central_asia_and_the_accords_members() -> None:
    names = {c.name for c in countries()}
    assert set(CENTRAL_ASIA) <= names
    assert {"Israel", "United Arab Emirates", "Morocco", "Sudan", "Russia", "China", "Iran"} <= names
    kz = country("Kazakhstan")
    assert not isinstance(kz, Place) and in_view(*kz.anchor())


def test_bahrain_is_a_sourced_point_in_the_gulf() -> None:
    bahrain = country("Kingdom of Bahrain")
    assert isinstance(bahrain, Place)
    assert 25.5 < bahrain.lat < 26.5 and 50.3 < bahrain.lon < 50.8
    assert bahrain.source.url.startswith("https://")
    assert bahrain in places()


def test_map_png_is_deterministic_and_colours_what_it_is_told() -> None:
    a = draw_map({"Kazakhstan": OKABE_ITO["orange"]})
    assert a == draw_map({"Kazakhstan": OKABE_ITO["orange"]})
    assert a != draw_map({})
    pixels = imread(io.BytesIO(a))
    # Kazakhstan's anchor, in pixel coordinates, is painted orange (#E69F00).
    lon, lat = country("Kazakhstan").anchor()  # type: ignore[union-attr]
    h, w = pixels.shape[:2]
    x0, x1, y0, y1 = EXTENT
    col = int((lon + 2 - x0) / (x1 - x0) * w)
    row = int((y1 - lat) / (y1 - y0) * h)
    r, g, b = (pixels[row, col, :3] * 255).round()
    assert (r, g, b) == (0xE6, 0x9F, 0x00)


def test_accords_timeline_from_the_knowledge_base() -> None:
    steps = accords_steps(TimelineView().timeline)
    end = status_by(2025, steps)
    assert end["Bahrain"] == end["United Arab Emirates"] == end["Israel"] == Status("signed", 2020)
    assert end["Sudan"] == Status("signed", 2021)
    # The knowledge base records Kazakhstan's announcement, not a signing (that is unverified).
    assert end["Kazakhstan"] == Status("agreed", 2025)
    assert "United States" not in end
    assert status_by(2020, steps)["Sudan"] == Status("agreed", 2020)
    assert set(status_by(2024, steps)) == set(end) - {"Kazakhstan"}
    assert all(s.event.source_url.startswith("https://") for s in steps)


def test_moving_the_slider_changes_image_and_caption() -> None:
    view = TimelineView()
    before_img, before_cap = view.image.value, view.caption.value
    view.slider.value = 2025
    assert view.image.value != before_img
    assert "Kazakhstan" in view.caption.value and "Kazakhstan" not in before_cap
    assert "Source:" in view.caption.value
    view.slider.value = 2023
    assert "No country joined" in view.caption.value


def test_caption_for_a_quiet_year_lists_other_dated_events() -> None:
    ev = TimelineEvent("x", "2022-05-01", "Something else happens", "https://example.org/x", "2026-11-27")
    acc = TimelineEvent(
        "y",
        "2020-01-02",
        "A joins",
        "https://example.org/y",
        "2026-11-27",
        entities=("Abraham Accords", "Israel"),
    )
    steps = accords_steps([ev, acc])
    text = caption_html(2022, steps, [ev, acc])
    assert "Something else happens" in text and "https://example.org/x" in text
    assert "1 member so far (agreed, no signing on record: Israel)" in text


def test_picking_a_country_shows_its_facts_with_sources() -> None:
    view = CountryFacts(accords_members())
    assert "Bahrain" in view.names and "Kazakhstan" in view.names
    view.picker.value = "Sudan"
    assert "Khartoum" in view.facts.value and "Source:" in view.facts.value
    before = view.image.value
    view.picker.value = "Morocco"
    assert view.image.value != before


def test_find_the_country_marks_right_and_wrong() -> None:
    game = FindTheCountry(["Kazakhstan", "Uzbekistan", "Israel", "Bahrain"], seed=3)
    target = game.target
    game.answer.value = game.numbers[target]
    game.check_button.click()
    assert "Correct" in game.feedback.value and game.right == 1
    game.next_button.click()
    assert game.target != target and game.answer.value == "(choose)"
    wrong = next(n for n in game.numbers.values() if n != game.numbers[game.target])
    game.answer.value = wrong
    assert game.check() is False
    assert "Not quite" in game.feedback.value and "Score: 1 of 2" in game.feedback.value


def test_map_lesson_references_cover_every_fact_shown() -> None:
    lesson = MapLesson()
    html = lesson.references().value
    assert "naturalearthdata.com" in html and "wikipedia.org/wiki/Manama" in html
    for name in lesson.facts.names:
        for fact in lesson.facts.facts_for(name):
            assert fact.source_url in html
    for step in lesson.timeline.steps:
        assert step.event.source_url in html


@pytest.mark.parametrize("name", ["Atlantis", ""])
def test_unknown_country_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        country(name)


def test_timeline_map_is_also_described_in_words() -> None:
    view = TimelineView()
    view.slider.value = 2025
    assert "Kazakhstan: agreed in 2025, no signing on record" in view.alt.value
    assert "Sudan: signed in 2021" in view.alt.value
    assert view.alt in view.box.children


def test_the_map_opens_on_kazakhstan_and_russia_and_china_can_be_found() -> None:
    lesson = MapLesson()
    assert lesson.facts.picker.value == "Kazakhstan"
    assert {"Russia", "China"} <= set(lesson.find.numbers)
    for name in ("Russia", "China"):
        lon, lat = country(name).anchor()  # type: ignore[union-attr]
        assert in_view(lon, lat)


def _deuteranopia_lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB of a colour as seen with deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1)."""
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    m = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))
    r, g, b = (min(max(sum(a * x for a, x in zip(row, lin, strict=True)), 0.0), 1.0) for row in m)
    x, y, z = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _gap(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_deuteranopia_lab(a), _deuteranopia_lab(b), strict=True)) ** 0.5


def test_map_colours_stay_apart_under_deuteranopia() -> None:
    """Member, neighbour, Central Asia and the picked country at least ΔE 20 apart as a deuteranope sees them
    (the old orange member beside the yellow neighbour was ΔE 17, and beside the vermillion pick 18)."""
    from quizkit.lesson.geography import PICKED, REGION_COLOURS

    colours = [*REGION_COLOURS.values(), PICKED]
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            assert _gap(a, b) >= 20, (a, b, round(_gap(a, b), 1))
    assert _gap(OKABE_ITO["orange"], OKABE_ITO["yellow"]) < 20  # the bar is one the old colours failed


def test_every_figure_has_a_written_description() -> None:
    from quizkit.lesson.balancing import BalancingLesson

    lesson = MapLesson()
    assert "Kazakhstan marked" in lesson.facts.alt.value
    blocs = BalancingLesson().blocs
    assert "qk-alt" in blocs.alt.value and "highlighted" in blocs.alt.value
