"""Shared bits of the lesson: the colour palette, where files are, HTML helpers and the references list."""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizkit.model import Article, Quiz

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#BBBBBB"
LIGHT = "#EEEEEE"
CORRECT = OKABE_ITO["blue"]
WRONG = OKABE_ITO["vermillion"]
WRONG_TEXT = "#B34700"
"""Vermillion darkened for text on white: 5.5:1 (the fill colour gives only 3.9:1, under WCAG AA 4.5:1)."""
AS_OF = "2026-11-27"
ANSWERS_DIR_ENV = "QUIZKIT_ANSWERS_DIR"
"""The folder every student's answer and advice files go to (set by ``python -m quizkit.lesson.serve``)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of a notebook's references: what was shown and where it comes from."""

    label: str
    url: str
    as_of: str = AS_OF


def data_text(name: str) -> str:
    """A file shipped in ``quizkit/lesson/data`` (works from a wheel too: importlib.resources)."""
    return resources.files("quizkit.lesson").joinpath("data", name).read_text(encoding="utf-8")


def repo_root() -> Path | None:
    """The checkout holding ``seeds/`` when the package runs from a source tree, else None."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "seeds").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return None


def seed_article_path() -> Path | None:
    """The seed article in a checkout (the teacher guide and the reading notebook default to it)."""
    root = repo_root()
    if root is None:
        return None
    found = sorted((root / "seeds").glob("*.txt"))
    return found[0] if found else None


def resolve(path: str | Path, *, base: str | Path | None = None) -> Path:
    """A user path: absolute as is; relative to ``base`` (a notebook's folder) or the working folder."""
    p = Path(path).expanduser()
    if p.is_absolute():
        return p
    return (Path(base) if base is not None else Path.cwd()) / p


def answers_dir() -> Path:
    """The answers folder: ``$QUIZKIT_ANSWERS_DIR`` (the lesson server sets it) or ``answers/`` here."""
    env = os.environ.get(ANSWERS_DIR_ENV, "").strip()
    return Path(env).expanduser() if env else Path.cwd() / "answers"


def esc(text: object) -> str:
    """HTML-escape anything shown in an HTML widget (article text and student input are not markup)."""
    return html.escape(str(text), quote=True)


FILE_SUFFIXES = frozenset({"txt", "md", "html", "htm", "json", "yaml", "yml", "pdf", "csv", "ipynb"})
"""A "host" ending in one of these is a file name (an article's path), not a web address."""


def https(url: str) -> str:
    """Sources in facts.md are written host/path; links need a scheme. A local path stays as it is."""
    url = url.strip()
    if not url or url.startswith(("http://", "https://")):
        return url
    host = url.split("/", 1)[0]
    tld = host.rsplit(".", 1)[-1].lower()
    is_host = "." in host and " " not in host and not host.startswith(".") and tld.isalpha()
    return "https://" + url if is_host and tld not in FILE_SUFFIXES else url


def link(url: str, text: str | None = None) -> str:
    """A safe external link (opens in a new tab; the lesson itself never fetches it); plain text if not a URL."""
    u = https(url)
    if not u.startswith(("http://", "https://")):
        return esc(text or u)
    return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer">{esc(text or u)}</a>'


def alt_html(text: str) -> str:
    """A figure's description in words, shown under it; the Voila template also makes it the image's alt text
    (an Image widget takes no alt text of its own)."""
    return f"<p class='qk-alt'><i>{esc(text)}</i></p>"


def source_note(url: str, as_of: str = AS_OF) -> str:
    """The visible source line under a fact."""
    return f'<span class="qk-source">Source: {link(url)} (checked {esc(as_of)})</span>'


def unique_sources(sources: Iterable[Source]) -> tuple[Source, ...]:
    """Sources in first-seen order, one per (url, label)."""
    seen: set[tuple[str, str]] = set()
    out: list[Source] = []
    for s in sources:
        key = (https(s.url), s.label)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return tuple(out)


def references_html(sources: Iterable[Source], *, title: str = "") -> str:
    """The closing list of every fact's source shown in a notebook, grouped by URL."""
    by_url: dict[str, list[Source]] = {}
    for s in unique_sources(sources):
        by_url.setdefault(https(s.url) or s.label, []).append(s)
    items = []
    for url, group in by_url.items():
        labels = "; ".join(esc(s.label) for s in group)
        if not group[0].url:
            items.append(f"<li>{labels}</li>")
            continue
        when = f" (checked {esc(group[0].as_of)})" if group[0].as_of else ""
        items.append(f"<li>{labels} — {link(url)}{when}</li>")
    head = f"<h3>{esc(title)}</h3>" if title else ""
    return f"{head}<ol class='qk-references'>{''.join(items)}</ol>"


def find_article(quiz: Quiz, quiz_path: Path) -> Article | None:
    """The quiz's article (``source.path``) beside the quiz, in the working folder or in the checkout."""
    from quizkit.article import read_article
    from quizkit.errors import QuizkitError

    if not quiz.source.path:
        return None
    for base in (quiz_path.parent, Path.cwd(), repo_root()):
        p = base / quiz.source.path if base is not None else None
        if p is not None and p.is_file():
            try:
                return read_article(p)
            except QuizkitError:
                return None
    return None
