"""The lesson's page style (focus ring, contrast, wide dropdowns) and its large-text / projector switch.

The CSS ships as ``data/lesson.css`` and reaches the page in a style element inside an HTML widget, so it
works the same in Voila, JupyterLab and Notebook 7. The large-text switch adds a class to its own box;
the CSS enlarges the whole page when that class is anywhere on it (``body:has(...)``).
"""

from __future__ import annotations

import ipywidgets as w

from quizkit.lesson.common import data_text

LARGE_CLASS = "qk-large-on"


def style_widget() -> w.HTML:
    """An invisible widget carrying the lesson CSS (display it once per notebook; twice does no harm)."""
    html = w.HTML(f"<style>{data_text('lesson.css')}</style>")
    html.add_class("qk-style")
    return html


def large_text_toggle() -> w.Box:
    """A "Large text (projector)" switch: 20 px text for widgets and the page, figures full width."""
    toggle = w.ToggleButton(
        value=False,
        description="Large text (projector)",
        tooltip="Make all text on this page larger, for a projector or for reading comfort",
        icon="",
        layout=w.Layout(width="auto"),
    )
    box = w.HBox([style_widget(), toggle])
    box.add_class("qk-large-switch")

    def flip(change: dict[str, object]) -> None:
        if change["new"]:
            box.add_class(LARGE_CLASS)
        else:
            box.remove_class(LARGE_CLASS)

    toggle.observe(flip, names="value")
    return box
