"""The balancing-act notebook: Kazakhstan's blocs, its 2023 trade partners, and the advisor scenario.

Every fact comes from the knowledge base (memberships, trade); the scenario's wording is ours and states no
new facts. The student's advice is saved as JSON (format ``quizkit-scenario``) for the teacher.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from quizkit.errors import QuizkitError
from quizkit.knowledge.aliases import lookup
from quizkit.lesson.common import (
    CORRECT,
    GREY,
    OKABE_ITO,
    WRONG_TEXT,
    Source,
    alt_html,
    esc,
    references_html,
    source_note,
)
from quizkit.lesson.questions import WIDE
from quizkit.lesson.student import StudentBox, save_in
from quizkit.model import Fact

COUNTRY = "Kazakhstan"
CENTRAL_ASIA = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
NO_LEAD = "no single lead country"
PARTNER_COLOURS = {
    "Russia": OKABE_ITO["vermillion"],
    "China": OKABE_ITO["orange"],
    "United States": OKABE_ITO["blue"],
    "Turkey": OKABE_ITO["bluish_green"],
    NO_LEAD: OKABE_ITO["reddish_purple"],
}
_BILLION = re.compile(r"(\d+(?:\.\d+)?) billion US dollars")
FactsFor = Callable[[str], tuple[Fact, ...]]


def default_facts_about(name: str) -> tuple[Fact, ...]:
    from quizkit.knowledge import facts_about

    return facts_about(name)


@dataclass(frozen=True, slots=True)
class Bloc:
    """An organisation Kazakhstan belongs to, the country that leads it (from the fact), and the fact."""

    name: str
    short: str
    lead: str
    fact: Fact


def _short(name: str) -> str:
    ent = lookup(name)
    if ent is None:
        return name
    acronyms = [a for a in (ent.name, *ent.aliases) if a.isupper() and len(a) <= 5 and " " not in a]
    return acronyms[0] if acronyms else name


def blocs(facts: Sequence[Fact]) -> tuple[Bloc, ...]:
    """Kazakhstan's memberships of organisations, one per organisation, from the membership facts."""
    out: dict[str, Bloc] = {}
    for f in facts:
        if f.kind != "membership" or COUNTRY not in f.entities:
            continue
        for e in f.entities:
            ent = lookup(e)
            if ent is None or ent.kind != "organisation" or ent.name in out:
                continue
            others = [
                x.name
                for x in (lookup(y) for y in f.entities)
                if x is not None and x.kind == "country" and x.name not in CENTRAL_ASIA
            ]
            out[ent.name] = Bloc(ent.name, _short(ent.name), others[0] if others else NO_LEAD, f)
    return tuple(out.values())


@dataclass(frozen=True, slots=True)
class TradePartner:
    country: str
    billions: float
    fact: Fact


def trade_partners(facts: Sequence[Fact]) -> tuple[TradePartner, ...]:
    """Kazakhstan's trading partners with a dollar figure, largest first (facts that name one)."""
    out = []
    for f in facts:
        m = _BILLION.search(f.statement)
        if m and "trading partner" in f.question.lower() and f.answer and COUNTRY in f.entities:
            out.append(TradePartner(f.answer, float(m.group(1)), f))
    return tuple(sorted(out, key=lambda t: -t.billions))


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def vectors_png(items: Sequence[Bloc], selected: str | None = None) -> bytes:
    """Kazakhstan in the middle, one spoke per bloc towards the country that leads it."""
    fig = Figure(figsize=(7.5, 5.2), dpi=80)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 0.92))
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")
    ax.axis("off")
    for i, b in enumerate(items):
        angle = math.pi / 2 - 2 * math.pi * i / max(len(items), 1)
        x, y = math.cos(angle), math.sin(angle)
        on = selected is None or b.name == selected
        colour = PARTNER_COLOURS.get(b.lead, GREY) if on else GREY
        ax.plot([0, x], [0, y], color=colour, linewidth=4 if b.name == selected else 2)
        ax.text(
            x,
            y,
            f"{b.short}\n({b.lead})",
            ha="center",
            va="center",
            fontsize=10,
            fontweight="bold" if b.name == selected else "normal",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#FFFFFF", "edgecolor": colour, "linewidth": 2},
        )
    ax.text(
        0,
        0,
        COUNTRY,
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.4", "facecolor": OKABE_ITO["sky_blue"], "edgecolor": "#000000"},
    )
    fig.suptitle("Kazakhstan's blocs and the main partner in each", fontsize=12)
    return _png(fig)


def trade_png(partners: Sequence[TradePartner]) -> bytes:
    """A bar chart of the partners' trade in billions of US dollars."""
    fig = Figure(figsize=(7.0, 3.2), dpi=80)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.18, 0.2, 0.75, 0.65))
    names = [p.country for p in partners][::-1]
    values = [p.billions for p in partners][::-1]
    palette = [OKABE_ITO["orange"], OKABE_ITO["vermillion"], OKABE_ITO["blue"], OKABE_ITO["bluish_green"]]
    colours = [palette[i % len(palette)] for i in range(len(partners))][::-1]
    bars = ax.barh(names, values, color=colours, edgecolor="#000000")
    ax.bar_label(bars, labels=[f"${v:g} bn" for v in values], padding=3)
    ax.set_xlabel("trade with Kazakhstan, billion US dollars")
    ax.set_xlim(0, max(values, default=1) * 1.25)
    ax.set_title("Kazakhstan's largest trading partners, January–September 2023 (Kazakh statistics)")
    return _png(fig)


class BlocsView:
    """Labelled toggle buttons for the blocs; the diagram and the sourced fact follow the choice."""

    def __init__(self, items: Sequence[Bloc]) -> None:
        self.items = {b.short: b for b in items}
        self.picker = w.ToggleButtons(options=list(self.items), description="Bloc:", style=WIDE)
        self.image = w.Image(format="png", layout=w.Layout(max_width="600px"))
        self.image.add_class("qk-figure")
        self.alt = w.HTML()
        self.text = w.HTML()
        self.picker.observe(lambda _c: self.update(), names="value")
        self.box = w.VBox([self.picker, self.image, self.alt, self.text])
        self.update()

    def update(self) -> None:
        b = self.items[str(self.picker.value)]
        self.image.value = vectors_png(list(self.items.values()), b.name)
        self.alt.value = alt_html(
            f"Diagram of Kazakhstan's blocs ({', '.join(self.items)}) with {b.name} highlighted."
        )
        lead = f"Main partner in it: {b.lead}." if b.lead != NO_LEAD else "No single country leads it."
        self.text.value = (
            f"<p><b>{esc(b.name)}</b> ({esc(b.short)}). {esc(lead)}</p>"
            f"<p>{esc(b.fact.statement)}<br>{source_note(b.fact.source_url, b.fact.as_of)}</p>"
        )


SCENARIO = (
    "You advise Kazakhstan's foreign minister. In this invented exercise (not news), after Kazakhstan joins the "
    "Abraham Accords, four offers arrive in the same week. Decide how much weight to give each relationship, "
    "choose a line, and justify it with facts from this notebook."
)
OFFERS = (
    (
        "United States",
        "Washington offers deals on critical minerals, the topic of the November 2025 C5+1 summit.",
    ),
    ("China", "Beijing offers more Belt and Road transport links across Kazakhstan."),
    (
        "Russia",
        "Moscow asks for more oil to keep flowing through the CPC pipeline to its port of Novorossiysk.",
    ),
    (
        "Turkey",
        "Ankara offers more trade along the Middle Corridor, which runs across the Caspian Sea to Turkey.",
    ),
)
"""Who makes each offer (our invented exercise; each offer rests on a fact in the knowledge base)."""
RUBRIC = (
    "1 point: a line of advice with a reason.",
    "2 points: and at least one fact from this notebook, with its figure (a bloc, a trade figure).",
    "3 points: and two partners weighed against each other, with weights that agree with the advice.",
    "4 points: and a risk of the advice, and how to limit it.",
)
OPTIONS = (
    "Move closer to the United States and the West",
    "Stay closest to Russia",
    "Deepen ties with China",
    "Balance all of them (multi-vector)",
)
PARTNERS = ("Russia", "China", "United States", "Turkey")
MIN_WORDS = 30


ADVICE_PARTNER = {OPTIONS[0]: "United States", OPTIONS[1]: "Russia", OPTIONS[2]: "China"}


def contradiction(weights: dict[str, int], advice: str | None) -> str:
    """A sentence when the chosen line and the weights disagree (empty when they fit)."""
    if advice is None or not weights:
        return ""
    top = max(weights.values())
    partner = ADVICE_PARTNER.get(advice)
    if partner is not None and weights.get(partner, 0) < top:
        heavier = ", ".join(p for p, v in weights.items() if v == top)
        return (
            f"your advice favours {partner}, but your weights give more to {heavier}. "
            "Change one, or explain the difference in your justification."
        )
    if partner is None and top - min(weights.values()) > 1:
        return (
            f"you advise balance, but your weights are {leaning(weights)}. "
            "Change one, or explain the difference in your justification."
        )
    return ""


def leaning(weights: dict[str, int]) -> str:
    """What the weights say: balanced when no partner gets more than one point above another."""
    if not weights:
        return "no weights given"
    hi, lo = max(weights.values()), min(weights.values())
    if hi - lo <= 1:
        return "balanced: a multi-vector line"
    top = sorted(p for p, v in weights.items() if v == hi)
    return "leaning towards " + " and ".join(top)


class ScenarioView:
    """Weights per partner (sliders), a choice, a justification, and a save button."""

    def __init__(
        self, facts_for: FactsFor = default_facts_about, *, folder: str | Path | None = None
    ) -> None:
        self.facts_for = facts_for
        self.sliders = {
            p: w.IntSlider(value=3, min=0, max=5, description=f"Weight for {p}:", style=WIDE)
            for p in PARTNERS
        }
        self.choice = w.RadioButtons(
            options=list(OPTIONS),
            value=None,
            description="My advice:",
            style=WIDE,
            layout=w.Layout(width="auto"),
        )
        self.justification = w.Textarea(
            description="Why:",
            placeholder=f"At least {MIN_WORDS} words; use facts from the blocs and the trade chart.",
            style=WIDE,
            layout=w.Layout(width="95%", height="8em"),
        )
        self.summary = w.HTML()
        self.evidence = w.HTML()
        self.mismatch = w.HTML()
        self.student = StudentBox("advice", self._started, folder=Path(folder) if folder else None)
        self.path: Path | None = None
        self.save_button = w.Button(description="Save my advice", button_style="primary")
        self.status = w.HTML()
        for s in self.sliders.values():
            s.observe(lambda _c: self.update(), names="value")
        self.choice.observe(lambda _c: self.update(), names="value")
        self.save_button.on_click(lambda _b: self.save())
        self.box = w.VBox(
            [
                w.HTML(f"<p>{esc(SCENARIO)}</p>"),
                w.HTML(
                    "<ul>"
                    + "".join(f"<li><b>{esc(who)}</b>: {esc(text)}</li>" for who, text in OFFERS)
                    + "</ul>"
                ),
                *self.sliders.values(),
                self.summary,
                self.evidence,
                self.choice,
                self.mismatch,
                self.justification,
                w.HTML(
                    "<details><summary>How your teacher marks it (4 points)</summary><ul>"
                    + "".join(f"<li>{esc(r)}</li>" for r in RUBRIC)
                    + "</ul></details>"
                ),
                w.HTML("<p><b>Who are you?</b> Type your name, press <b>Start</b>, then save.</p>"),
                self.student.box,
                self.save_button,
                self.status,
            ]
        )
        self.update()

    def weights(self) -> dict[str, int]:
        return {p: int(s.value) for p, s in self.sliders.items()}

    def partner_facts(self) -> list[Fact]:
        """Facts linking Kazakhstan with each partner: what a good justification can cite."""
        out: list[Fact] = []
        for p in PARTNERS:
            out += [f for f in self.facts_for(p) if COUNTRY in f.entities and f not in out][:3]
        return out

    def update(self) -> None:
        self.summary.value = f"<p role='status'>Your weights: <b>{esc(leaning(self.weights()))}</b>.</p>"
        top = max(self.weights().values())
        heavy = [p for p, v in self.weights().items() if v == top]
        facts = [f for f in self.partner_facts() if set(heavy) & set(f.entities)]
        items = "".join(f"<li>{esc(f.statement)} {source_note(f.source_url, f.as_of)}</li>" for f in facts)
        self.evidence.value = (
            f"<p>Facts to weigh for {esc(', '.join(heavy))}:</p><ul>{items}</ul>" if items else ""
        )
        clash = contradiction(self.weights(), self.choice.value)
        self.mismatch.value = (
            f'<p class="qk-warning" role="status"><b>Check:</b> {esc(clash)}</p>' if clash else ""
        )

    def _started(self, path: Path, doc: dict[str, Any] | None) -> None:
        """Continue a saved piece of advice (after a reload) or start a new one."""
        if doc is not None:
            saved = doc.get("weights")
            weights: dict[str, Any] = saved if isinstance(saved, dict) else {}
            for p, slider in self.sliders.items():
                v = weights.get(p)
                if isinstance(v, int) and 0 <= v <= 5:
                    slider.value = v
            if doc.get("advice") in OPTIONS:
                self.choice.value = doc["advice"]
            self.justification.value = str(doc.get("justification") or "")
        self.path = path
        self._status("Ready: press Save my advice when your justification is written.", ok=True)

    def document(self) -> dict[str, Any]:
        return {
            "format": "quizkit-scenario",
            "version": 1,
            "name": self.student.display_name,
            "student_id": self.student.student_id,
            "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "scenario": SCENARIO,
            "weights": self.weights(),
            "leaning": leaning(self.weights()),
            "advice": self.choice.value,
            "justification": self.justification.value.strip(),
        }

    def save(self) -> Path | None:
        """Save into this student's own advice file in the answers folder (never another path)."""
        words = len(self.justification.value.split())
        problems = []
        if self.path is None:
            problems.append("type your name and press Start")
        if self.choice.value is None:
            problems.append("choose a line of advice")
        if words < MIN_WORDS:
            problems.append(f"write at least {MIN_WORDS} words of justification (you have {words})")
        if problems or self.path is None:
            self._status("Not saved yet: " + "; ".join(problems) + ".", ok=False)
            return None
        try:
            save_in(self.student.folder, self.path, self.document())
        except QuizkitError as exc:
            self._status(f"Not saved: {exc}. Tell your teacher.", ok=False)
            return None
        self._status(f"Saved your advice ({self.path.name}). Your teacher collects it.", ok=True)
        return self.path

    def _status(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG_TEXT
        self.status.value = f"<p role='status' style='color:{colour}'><b>{esc(text)}</b></p>"


class BalancingLesson:
    """The three parts of the balancing-act notebook and their sources."""

    def __init__(self, facts_for: FactsFor = default_facts_about) -> None:
        facts = facts_for(COUNTRY)
        self.blocs = BlocsView(blocs(facts))
        self.partners = trade_partners(facts)
        trade_image = w.Image(
            value=trade_png(self.partners), format="png", layout=w.Layout(max_width="560px")
        )
        trade_image.add_class("qk-figure")
        self.trade = w.VBox(
            [
                trade_image,
                w.HTML(
                    alt_html(
                        "Bar chart of Kazakhstan's largest trade partners in 2023: "
                        + "; ".join(f"{p.country} {p.billions:g} billion US dollars" for p in self.partners)
                        + "."
                    )
                ),
                w.HTML(
                    "<ul>"
                    + "".join(
                        f"<li>{esc(p.fact.statement)} {source_note(p.fact.source_url, p.fact.as_of)}</li>"
                        for p in self.partners
                    )
                    + "</ul>"
                ),
            ]
        )
        self.scenario = ScenarioView(facts_for)

    def sources(self) -> tuple[Source, ...]:
        facts = [b.fact for b in self.blocs.items.values()] + [p.fact for p in self.partners]
        facts += self.scenario.partner_facts()
        return tuple(Source(f.statement, f.source_url, f.as_of) for f in facts)

    def references(self) -> w.HTML:
        return w.HTML(references_html(self.sources()))
