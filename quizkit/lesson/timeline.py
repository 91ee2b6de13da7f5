"""The Abraham Accords on a timeline: a year slider 2020 → 2025 that colours members as they joined.

Dates and wording come from the knowledge base's timeline (``quizkit.knowledge.load_timeline``); a country
counts as a member from the year of its first dated Accords event there (announcement or signing, as the
caption says). The United States brokered the Accords and is not coloured as a member.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as w

from quizkit.knowledge.aliases import lookup
from quizkit.lesson.common import GREY, OKABE_ITO, Source, esc, source_note
from quizkit.lesson.map import draw_map
from quizkit.lesson.questions import WIDE
from quizkit.model import TimelineEvent

ACCORDS = "Abraham Accords"
BROKER = "United States"
FIRST_YEAR, LAST_YEAR = 2020, 2025
YEAR_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["orange"],
)
"""One Okabe–Ito colour per year 2020…2025, so each joining wave is told apart without red/green."""


@dataclass(frozen=True, slots=True)
class Step:
    """A dated Accords event and the member countries it names."""

    event: TimelineEvent
    countries: tuple[str, ...]

    @property
    def year(self) -> int:
        return int(self.event.date[:4])


def default_timeline() -> tuple[TimelineEvent, ...]:
    from quizkit.knowledge import load_timeline

    return load_timeline()


def accords_steps(timeline: Sequence[TimelineEvent]) -> tuple[Step, ...]:
    """The Accords' events in date order, each with the countries (not the broker) it involves."""
    steps = []
    for ev in sorted(timeline, key=lambda e: (e.date, e.id)):
        if ACCORDS not in ev.entities:
            continue
        names = tuple(
            ent.name
            for e in ev.entities
            if (ent := lookup(e)) is not None and ent.kind == "country" and ent.name != BROKER
        )
        steps.append(Step(ev, names))
    return tuple(steps)


def joined(steps: Sequence[Step]) -> dict[str, int]:
    """Country → the year it first appears in an Accords event."""
    out: dict[str, int] = {}
    for s in steps:
        for c in s.countries:
            out.setdefault(c, s.year)
    return out


def members_by(year: int, steps: Sequence[Step]) -> dict[str, int]:
    """Members (with their joining year) by the end of ``year``."""
    return {c: y for c, y in joined(steps).items() if y <= year}


def year_colour(year: int) -> str:
    return YEAR_COLOURS[min(max(year - FIRST_YEAR, 0), len(YEAR_COLOURS) - 1)]


def caption_html(year: int, steps: Sequence[Step], timeline: Sequence[TimelineEvent]) -> str:
    """What happened in ``year``: the Accords' events, else the other dated events of that year."""
    own = [s.event for s in steps if s.year == year]
    members = members_by(year, steps)
    head = f"<b>{year}</b>: {len(members)} member{'s' if len(members) != 1 else ''} so far"
    if members:
        head += " (" + ", ".join(esc(c) for c in sorted(members, key=lambda c: (members[c], c))) + ")"
    lines = [f"<p class='qk-caption'>{head}.</p>"]
    if own:
        lines.append("<ul>" + "".join(_event_li(e) for e in own) + "</ul>")
    else:
        lines.append("<p>No country joined the Abraham Accords this year.</p>")
        other = [e for e in sorted(timeline, key=lambda e: e.date) if e.date.startswith(str(year))]
        if other:
            lines.append("<p>Also this year:</p><ul>" + "".join(_event_li(e) for e in other) + "</ul>")
    return "".join(lines)


def _event_li(e: TimelineEvent) -> str:
    return f"<li>{esc(e.date)}: {esc(e.label)}. {source_note(e.source_url, e.as_of)}</li>"


def timeline_sources(steps: Sequence[Step], timeline: Sequence[TimelineEvent]) -> tuple[Source, ...]:
    shown = [s.event for s in steps] + [
        e
        for e in timeline
        if FIRST_YEAR <= int(e.date[:4]) <= LAST_YEAR and e not in [s.event for s in steps]
    ]
    return tuple(
        Source(f"{e.date}: {e.label}", e.source_url, e.as_of) for e in sorted(shown, key=lambda e: e.date)
    )


class TimelineView:
    """A year slider; moving it redraws the map (members coloured by joining year) and the caption."""

    def __init__(self, timeline: Sequence[TimelineEvent] | None = None) -> None:
        self.timeline = tuple(timeline if timeline is not None else default_timeline())
        self.steps = accords_steps(self.timeline)
        self.slider = w.IntSlider(
            value=FIRST_YEAR,
            min=FIRST_YEAR,
            max=LAST_YEAR,
            step=1,
            description="Year:",
            continuous_update=False,
            style=WIDE,
        )
        self.image = w.Image(format="png", layout=w.Layout(max_width="720px"))
        self.caption = w.HTML()
        self._cache: dict[int, bytes] = {}
        self.slider.observe(lambda _c: self.update(), names="value")
        note = w.HTML(
            "<p>Move the slider (or focus it and use the arrow keys) to see who had joined by the end of each "
            f"year. Grey dots/shapes: not a member. The {BROKER} brokered the Accords.</p>"
        )
        self.box = w.VBox([note, self.slider, self.image, self.caption])
        self.box.add_class("qk-timeline")
        self.update()

    def png(self, year: int) -> bytes:
        if year not in self._cache:
            members = members_by(year, self.steps)
            fill = {c: year_colour(y) for c, y in members.items()}
            years = sorted(set(members.values()))
            legend = [(f"joined in {y}", year_colour(y)) for y in years] or [("no members yet", GREY)]
            self._cache[year] = draw_map(
                fill, legend=legend, title=f"Abraham Accords members by the end of {year}"
            )
        return self._cache[year]

    def update(self) -> None:
        year = int(self.slider.value)
        self.image.value = self.png(year)
        self.caption.value = caption_html(year, self.steps, self.timeline)

    def sources(self) -> tuple[Source, ...]:
        return timeline_sources(self.steps, self.timeline)
