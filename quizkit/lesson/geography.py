"""The map notebook's views: pick a country → its sourced facts; "find the country on the map"."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import ipywidgets as w

from quizkit.lesson.common import (
    CORRECT,
    OKABE_ITO,
    WRONG_TEXT,
    Source,
    alt_html,
    esc,
    references_html,
    source_note,
)
from quizkit.lesson.map import NATURAL_EARTH, Place, country, draw_map, in_view, known_names, places
from quizkit.lesson.questions import WIDE
from quizkit.lesson.timeline import TimelineView, members
from quizkit.model import Fact

CENTRAL_ASIA = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
NEIGHBOURS = ("Afghanistan", "Azerbaijan", "China", "Iran", "Russia")
"""Countries bordering Central Asia by land, and Azerbaijan across the Caspian Sea."""
REGION_COLOURS = {
    "Central Asia": OKABE_ITO["sky_blue"],
    "Abraham Accords member": OKABE_ITO["reddish_purple"],
    "neighbour of Central Asia": OKABE_ITO["yellow"],
}
"""Light blue, purple and yellow stay apart under deuteranopia and protanopia (orange and yellow do not)."""
PICKED = OKABE_ITO["blue"]
"""The picked country: dark blue and striped, so it differs from the light blue by shade and by pattern."""
PICKED_SWATCH = f"repeating-linear-gradient(45deg,{PICKED} 0 3px,#FFFFFF 3px 5px)"
FactsFor = Callable[[str], tuple[Fact, ...]]


def default_facts_about(name: str) -> tuple[Fact, ...]:
    from quizkit.knowledge import facts_about

    return facts_about(name)


def accords_members() -> tuple[str, ...]:
    return members()


def region_fill(members: Sequence[str]) -> dict[str, str]:
    """Base colours: neighbours, then members, then Central Asia (Kazakhstan shows as Central Asia)."""
    fill = {c: REGION_COLOURS["neighbour of Central Asia"] for c in NEIGHBOURS}
    fill.update({c: REGION_COLOURS["Abraham Accords member"] for c in members})
    fill.update({c: REGION_COLOURS["Central Asia"] for c in CENTRAL_ASIA})
    return fill


def facts_html(name: str, facts: Sequence[Fact]) -> str:
    if not facts:
        return f"<p>The knowledge base has no checked facts about {esc(name)} yet.</p>"
    items = "".join(f"<li>{esc(f.statement)}<br>{source_note(f.source_url, f.as_of)}</li>" for f in facts)
    return f"<h4>{esc(name)}</h4><ul>{items}</ul>"


class CountryFacts:
    """A labelled dropdown of the map's countries that have facts; choosing one highlights it and lists them."""

    def __init__(self, members: Sequence[str], facts_for: FactsFor = default_facts_about) -> None:
        self.facts_for = facts_for
        self.base = region_fill(members)
        wanted = sorted(set(CENTRAL_ASIA) | set(NEIGHBOURS) | set(members))
        self.names = [n for n in wanted if n in known_names() and facts_for(n)]
        first = "Kazakhstan" if "Kazakhstan" in self.names else self.names[0]
        self.picker = w.Dropdown(options=self.names, value=first, description="Country:", style=WIDE)
        self.image = w.Image(format="png", layout=w.Layout(max_width="720px"))
        self.image.add_class("qk-figure")
        self.facts = w.HTML()
        self.picker.observe(lambda _c: self.update(), names="value")
        legend = "".join(
            f"<span style='background:{c};padding:0 0.6em;margin:0 0.3em;border:1px solid #555'>&nbsp;</span>{esc(t)}"
            for t, c in [*REGION_COLOURS.items(), ("the country you picked (striped)", PICKED_SWATCH)]
        )
        self.alt = w.HTML()
        self.box = w.VBox([self.picker, w.HTML(f"<p>{legend}</p>"), self.image, self.alt, self.facts])
        self.update()

    def update(self) -> None:
        name = str(self.picker.value)
        fill = dict(self.base)
        fill[name] = PICKED
        self.image.value = draw_map(fill, labels={name: name}, title=name, hatched={name})
        self.alt.value = alt_html(
            f"Map from Morocco to western China with {name} marked (dark blue, striped). Light blue: the five "
            "Central Asian states; purple: members of the Abraham Accords; yellow: Central Asia's neighbours."
        )
        self.facts.value = facts_html(name, self.facts_for(name))

    def sources(self) -> tuple[Source, ...]:
        return tuple(
            Source(f"{f.subject or n}: {f.statement}", f.source_url, f.as_of)
            for n in self.names
            for f in self.facts_for(n)
        )


class FindTheCountry:
    """Numbered countries on a map; the student picks the number of the named country (keyboard friendly)."""

    def __init__(self, candidates: Sequence[str], *, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        shown = [c for c in candidates if _visible(c)]
        order = sorted(shown)
        random.Random(seed).shuffle(order)
        self.numbers = {name: str(i) for i, name in enumerate(order, 1)}
        self.targets = list(order)
        self.rng.shuffle(self.targets)
        self.index = 0
        self.right = self.tried = 0
        self.image = w.Image(
            value=draw_map({}, labels=self.numbers, title="Find the country"),
            format="png",
            layout=w.Layout(max_width="720px"),
        )
        self.image.add_class("qk-figure")
        alt = w.HTML(
            alt_html(
                f"Map from Morocco to western China with {len(self.numbers)} countries numbered; "
                "choose the number of the country named below."
            )
        )
        self.question = w.HTML()
        self.answer = w.Dropdown(
            options=["(choose)", *sorted(self.numbers.values(), key=int)], description="Number:", style=WIDE
        )
        self.check_button = w.Button(description="Check", tooltip="Check your answer")
        self.next_button = w.Button(description="Next country", tooltip="Ask about another country")
        self.feedback = w.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.next_button.on_click(lambda _b: self.next())
        self.box = w.VBox(
            [
                self.image,
                alt,
                self.question,
                w.HBox([self.answer, self.check_button, self.next_button]),
                self.feedback,
            ]
        )
        self._ask()

    @property
    def target(self) -> str:
        return self.targets[self.index % len(self.targets)]

    def _ask(self) -> None:
        self.question.value = f"<p>Which number is <b>{esc(self.target)}</b>?</p>"
        self.answer.value = "(choose)"
        self.feedback.value = ""

    def check(self) -> bool:
        want = self.numbers[self.target]
        ok = bool(self.answer.value == want)
        self.tried += 1
        self.right += int(ok)
        if ok:
            text, colour = f"✔ Correct: {self.target} is number {want}.", CORRECT
        else:
            text, colour = f"✘ Not quite: {self.target} is number {want}.", WRONG_TEXT
        self.feedback.value = f"<p role='status' style='color:{colour}'><b>{esc(text)}</b> Score: {self.right} of {self.tried}.</p>"
        return ok

    def next(self) -> None:
        self.index += 1
        self._ask()


def _visible(name: str) -> bool:
    try:
        item = country(name)
    except KeyError:
        return False
    lon, lat = (item.lon, item.lat) if isinstance(item, Place) else item.anchor()
    return bool(in_view(lon, lat))


class MapLesson:
    """Everything the map-and-timeline notebook shows, and the sources of every fact in it."""

    def __init__(self, *, seed: int = 0) -> None:
        members = accords_members()
        self.facts = CountryFacts(members)
        self.timeline = TimelineView()
        self.find = FindTheCountry(sorted(set(CENTRAL_ASIA) | set(members) | set(NEIGHBOURS)), seed=seed)

    def sources(self) -> tuple[Source, ...]:
        return (
            NATURAL_EARTH,
            *(p.source for p in places()),
            *self.facts.sources(),
            *self.timeline.sources(),
        )

    def references(self) -> w.HTML:
        return w.HTML(references_html(self.sources()))
