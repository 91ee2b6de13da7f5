"""The Abraham Accords on a timeline: a year slider 2020 → 2025 that colours members as they joined.

Dates and wording come from the knowledge base's timeline (``quizkit.knowledge.load_timeline``). A country is
*signed* from the year of its first Accords event whose label says it signed, and *agreed* (striped on the
map) from its first announcement or agreement until then: Sudan agreed in 2020 and signed in 2021; for
Kazakhstan the timeline has the 2025 announcement only (whether it has signed is not verified). The United States brokered the Accords and is not a
member.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import ipywidgets as w

from quizkit.knowledge.aliases import lookup
from quizkit.lesson.common import GREY, OKABE_ITO, Source, alt_html, esc, source_note
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
_SIGNED = re.compile(r"\bsign", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Step:
    """A dated Accords event, the member countries it names, and whether it is a signing."""

    event: TimelineEvent
    countries: tuple[str, ...]
    signed: bool

    @property
    def year(self) -> int:
        return int(self.event.date[:4])


@dataclass(frozen=True, slots=True)
class Status:
    """Where a country stands at the end of a year: ``signed`` (since ``year``) or only ``agreed``."""

    kind: Literal["signed", "agreed"]
    year: int


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
        steps.append(Step(ev, names, bool(_SIGNED.search(ev.label))))
    return tuple(steps)


def status_by(year: int, steps: Sequence[Step]) -> dict[str, Status]:
    """Every country in the Accords by the end of ``year``: signed (first signing year) or agreed."""
    out: dict[str, Status] = {}
    for s in steps:
        if s.year > year:
            break
        for c in s.countries:
            now = out.get(c)
            if s.signed and (now is None or now.kind == "agreed"):
                out[c] = Status("signed", s.year)
            elif now is None:
                out[c] = Status("agreed", s.year)
    return out


def members() -> tuple[str, ...]:
    """Every country the knowledge base's timeline puts in the Accords by the last year."""
    return tuple(sorted(status_by(LAST_YEAR, accords_steps(default_timeline()))))


def _legend_text(s: Status) -> str:
    return f"signed in {s.year}" if s.kind == "signed" else f"agreed in {s.year}, no signing on record"


def year_colour(year: int) -> str:
    return YEAR_COLOURS[min(max(year - FIRST_YEAR, 0), len(YEAR_COLOURS) - 1)]


def _names(status: dict[str, Status], kind: str) -> str:
    picked = sorted((c for c, s in status.items() if s.kind == kind), key=lambda c: (status[c].year, c))
    return ", ".join(esc(c) for c in picked)


def caption_html(year: int, steps: Sequence[Step], timeline: Sequence[TimelineEvent]) -> str:
    """What happened in ``year``: the Accords' events, else the other dated events of that year."""
    status = status_by(year, steps)
    head = f"<b>{year}</b>: {len(status)} member{'s' if len(status) != 1 else ''} so far"
    signed, agreed = _names(status, "signed"), _names(status, "agreed")
    parts = [
        f"signed: {signed}" if signed else "",
        f"agreed, no signing on record: {agreed}" if agreed else "",
    ]
    detail = "; ".join(p for p in parts if p)
    lines = [f"<p class='qk-caption'>{head}{' (' + detail + ')' if detail else ''}.</p>"]
    own = [s.event for s in steps if s.year == year]
    if own:
        lines.append("<ul>" + "".join(_event_li(e) for e in own) + "</ul>")
    else:
        lines.append("<p>No country joined the Abraham Accords this year.</p>")
        other = [e for e in sorted(timeline, key=lambda e: e.date) if e.date.startswith(str(year))]
        if other:
            lines.append("<p>Also this year:</p><ul>" + "".join(_event_li(e) for e in other) + "</ul>")
    return "".join(lines)


def alt_text(year: int, steps: Sequence[Step]) -> str:
    """The map in words, for readers who cannot see it."""
    status = status_by(year, steps)
    if not status:
        return f"Map: no members of the Abraham Accords by the end of {year}."
    words = "; ".join(
        f"{c}: {_legend_text(s)}" for c, s in sorted(status.items(), key=lambda kv: (kv[1].year, kv[0]))
    )
    return f"Map of Abraham Accords members by the end of {year}. {words}."


def _event_li(e: TimelineEvent) -> str:
    return f"<li>{esc(e.date)}: {esc(e.label)}. {source_note(e.source_url, e.as_of)}</li>"


def timeline_sources(steps: Sequence[Step], timeline: Sequence[TimelineEvent]) -> tuple[Source, ...]:
    """Sources of every event the slider can show: the Accords' events and the other events of 2020–2025."""
    accords = [s.event for s in steps]
    others = [e for e in timeline if FIRST_YEAR <= int(e.date[:4]) <= LAST_YEAR and e not in accords]
    shown = sorted(accords + others, key=lambda e: e.date)
    return tuple(Source(f"{e.date}: {e.label}", e.source_url, e.as_of) for e in shown)


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
            layout=w.Layout(width="420px"),
        )
        self.image = w.Image(format="png", layout=w.Layout(max_width="720px"))
        self.image.add_class("qk-figure")
        self.caption = w.HTML()
        self.alt = w.HTML()
        """The map in words, under the picture (Image widgets take no alt text that works in Voila)."""
        self._cache: dict[int, bytes] = {}
        self.slider.observe(lambda _c: self.update(), names="value")
        note = w.HTML(
            "<p>Move the slider (or focus it and use the arrow keys) to see who had joined by the end of each "
            "year. Solid colour: signed, in the colour of the year of signing; striped: agreed or announced, "
            "with no signing recorded in the knowledge base's timeline by then. Grey: not a member. "
            f"The {BROKER} brokered the Accords.</p>"
        )
        self.box = w.VBox([note, self.slider, self.image, self.alt, self.caption])
        self.box.add_class("qk-timeline")
        self.update()

    def png(self, year: int) -> bytes:
        if year not in self._cache:
            status = status_by(year, self.steps)
            fill = {c: year_colour(s.year) for c, s in status.items()}
            hatched = {c for c, s in status.items() if s.kind == "agreed"}
            legend = sorted(
                {(_legend_text(s), year_colour(s.year), s.kind == "agreed") for s in status.values()}
            )
            self._cache[year] = draw_map(
                fill,
                hatched=hatched,
                legend=[(t, c) for t, c, _h in legend] or [("no members yet", GREY)],
                legend_hatched={t for t, _c, h in legend if h},
                title=f"Abraham Accords members by the end of {year}",
            )
        return self._cache[year]

    def update(self) -> None:
        year = int(self.slider.value)
        self.image.value = self.png(year)
        self.alt.value = alt_html(alt_text(year, self.steps))
        self.caption.value = caption_html(year, self.steps, self.timeline)

    def sources(self) -> tuple[Source, ...]:
        return timeline_sources(self.steps, self.timeline)
