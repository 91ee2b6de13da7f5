"""An offline map of Central Asia, its neighbours and the Abraham Accords members (Natural Earth, matplotlib).

Shapes: Natural Earth 1:110m admin-0 countries (public domain), a regional subset shipped in
``data/countries.geojson``. Countries too small at that scale (Bahrain) are points from ``data/places.yaml``.
Drawn to PNG bytes with the Agg canvas (no pyplot state, no tiles, no network).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache

import yaml
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from quizkit.knowledge.aliases import canonical
from quizkit.lesson.common import GREY, LIGHT, Source, data_text

EXTENT = (-18.0, 92.0, 8.0, 58.0)
"""lon min, lon max, lat min, lat max: Morocco to western China, Sudan to southern Russia."""
NATURAL_EARTH = Source(
    "Country shapes: Natural Earth 1:110m admin-0 countries (public domain)",
    "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
)
Ring = tuple[tuple[float, float], ...]
LABEL_POINTS = {"Russia": (48.0, 55.0), "China": (86.0, 40.0)}
"""Label positions (lon, lat) inside the map's frame for the two countries whose centre lies outside it."""


@dataclass(frozen=True, slots=True)
class Country:
    """A country's name as Natural Earth writes it, its canonical name in the alias table, and its rings."""

    ne_name: str
    name: str
    rings: tuple[Ring, ...]
    """Outer rings only (holes do not matter at this scale)."""

    def anchor(self) -> tuple[float, float]:
        """Where to put a label: a set point for countries whose centre is off the map, else the centroid of
        the largest ring."""
        return LABEL_POINTS.get(self.name) or centroid(max(self.rings, key=lambda r: abs(area(r))))


@dataclass(frozen=True, slots=True)
class Place:
    """A country drawn as a point (too small for the shapes)."""

    name: str
    label: str
    lon: float
    lat: float
    source: Source


def area(ring: Ring) -> float:
    """Signed area (shoelace), in squared degrees: enough to pick the biggest piece."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))


def centroid(ring: Ring) -> tuple[float, float]:
    a = area(ring)
    if abs(a) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * a), cy / (6 * a)


@cache
def countries() -> tuple[Country, ...]:
    """The shipped shapes, named canonically where the alias table knows the country."""
    data = json.loads(data_text("countries.geojson"))
    out = []
    for feat in data["features"]:
        ne = str(feat["properties"]["name"])
        geom = feat["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        rings = tuple(tuple((float(x), float(y)) for x, y in poly[0]) for poly in polys)
        out.append(Country(ne, canonical(ne) or ne, rings))
    return tuple(out)


@cache
def places() -> tuple[Place, ...]:
    data = yaml.safe_load(data_text("places.yaml"))
    return tuple(
        Place(
            name,
            str(p["label"]),
            float(p["lon"]),
            float(p["lat"]),
            Source(f"Location of {p['label']}", str(p["source_url"]), str(p["as_of"])),
        )
        for name, p in data.items()
    )


def country(name: str) -> Country | Place:
    """A country or point by canonical name or any alias."""
    key = canonical(name) or name
    for c in countries():
        if c.name == key or c.ne_name == name:
            return c
    for p in places():
        if p.name == key:
            return p
    raise KeyError(name)


def known_names() -> tuple[str, ...]:
    """Every canonical name on the map (shapes and points), sorted."""
    return tuple(sorted({c.name for c in countries()} | {p.name for p in places()}))


def in_view(lon: float, lat: float) -> bool:
    x0, x1, y0, y1 = EXTENT
    return x0 <= lon <= x1 and y0 <= lat <= y1


def draw_map(
    fill: Mapping[str, str] | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    hatched: Set[str] = frozenset(),
    legend: Sequence[tuple[str, str]] = (),
    legend_hatched: Set[str] = frozenset(),
    title: str = "",
    width: float = 9.0,
    dpi: int = 80,
) -> bytes:
    """PNG of the region: ``fill`` colours countries by canonical name (``hatched`` ones striped, for a second
    state that does not rely on colour), ``labels`` writes text on them; ``legend`` is (text, colour) pairs."""
    fill = dict(fill or {})
    labels = dict(labels or {})
    x0, x1, y0, y1 = EXTENT
    aspect = 1 / math.cos(math.radians((y0 + y1) / 2))
    height = width * (y1 - y0) * aspect / (x1 - x0) + 0.6
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 0.94 if title else 1.0))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(aspect)
    ax.set_facecolor("#FFFFFF")
    ax.set_xticks([])
    ax.set_yticks([])
    for c in countries():
        colour = fill.get(c.name, LIGHT)
        hatch = "///" if c.name in hatched else None
        edge = "#000000" if hatch else "#555555"  # the stripes take the edge colour: black shows on any fill
        for ring in c.rings:
            ax.add_patch(
                Polygon(ring, closed=True, facecolor=colour, edgecolor=edge, linewidth=0.4, hatch=hatch)
            )
    for p in places():
        ax.plot(
            [p.lon],
            [p.lat],
            marker="o",
            markersize=7,
            color=fill.get(p.name, GREY),
            markeredgecolor="#000000",
        )
    for name, text in labels.items():
        try:
            item = country(name)
        except KeyError:
            continue
        point = isinstance(item, Place)
        lon, lat = (item.lon, item.lat) if isinstance(item, Place) else item.anchor()
        if not in_view(lon, lat):
            continue
        ax.text(
            lon,
            lat + (0.8 if point else 0.0),
            text,
            ha="center",
            va="bottom" if point else "center",
            fontsize=9,
            fontweight="bold",
            bbox={
                "boxstyle": "round,pad=0.2",
                "facecolor": "#FFFFFF",
                "edgecolor": "#000000",
                "linewidth": 0.5,
            },
        )
    if legend:
        handles = [
            Polygon(
                [(0, 0)],
                closed=True,
                facecolor=colour,
                edgecolor="#555555",
                hatch="////" if text in legend_hatched else None,
            )
            for text, colour in legend
        ]
        ax.legend(handles, [t for t, _c in legend], loc="lower left", fontsize=9, framealpha=0.95)
    if title:
        fig.suptitle(title, fontsize=12, y=0.99)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
