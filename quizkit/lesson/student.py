"""Who is working, and where their work is kept: one file per student inside the answers folder.

A student types a name (or an ID) once; the file name is made from it (letters, digits and "-" only), so no
typed text can point outside the folder. A file that already exists is never replaced without asking: the
student either continues it (after a reload) or starts a new numbered file ("sam-2").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from quizkit.errors import OutputError
from quizkit.files import atomic_write
from quizkit.lesson.common import CORRECT, WRONG, answers_dir, esc

WIDE = {"description_width": "initial"}
MAX_NUMBER = 999


def slug(text: str) -> str:
    """A safe file-name piece from a student's name or id."""
    s = re.sub(r"[^A-Za-z0-9]+", "-", text.strip()).strip("-").lower()
    return s[:60] or "student"


def student_file(folder: Path, kind: str, who: str, number: int = 1) -> Path:
    """``folder/kind-who.json`` (``kind-who-2.json`` for the second file of that name)."""
    tail = "" if number <= 1 else f"-{number}"
    return folder / f"{slug(kind)}-{slug(who)}{tail}.json"


def inside(folder: Path, path: Path) -> bool:
    """True when ``path`` lies directly in ``folder`` (after resolving links and "..")."""
    return path.resolve().parent == folder.resolve()


def number_of(path: Path, kind: str, who: str) -> int:
    """1 for ``kind-who.json``, n for ``kind-who-n.json``."""
    stem = f"{slug(kind)}-{slug(who)}"
    tail = path.stem[len(stem) :].lstrip("-")
    return int(tail) if path.stem.startswith(stem) and tail.isdigit() else 1


def next_free(folder: Path, kind: str, who: str) -> Path:
    """The first numbered file for ``who`` that does not exist yet."""
    for n in range(2, MAX_NUMBER + 1):
        p = student_file(folder, kind, who, n)
        if not p.exists():
            return p
    raise OutputError(
        f"{MAX_NUMBER} files already saved under this name", where=str(folder), fix="ask your teacher"
    )


def read_saved(path: Path) -> dict[str, Any] | None:
    """A saved file's JSON object, or None when it is missing or unreadable."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def save_in(folder: Path, path: Path, doc: dict[str, Any]) -> None:
    """Write ``doc`` atomically, refusing any path that is not directly inside ``folder``."""
    if not inside(folder, path):
        raise OutputError("answers may only be saved in the answers folder", where=path.name, fix="")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the answers folder ({exc.strerror})", where=folder.name, fix="tell your teacher"
        ) from None
    atomic_write(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


Started = Callable[[Path, dict[str, Any] | None], None]
"""Called once a student has started: their file, and the saved document when they continue one."""


class StudentBox:
    """Name and ID asked once; then a line saying whose work is saved where (a file name, not a path)."""

    def __init__(self, kind: str, on_start: Started, *, folder: Path | None = None) -> None:
        self.kind = kind
        self.folder = folder if folder is not None else answers_dir()
        self.on_start = on_start
        self.path: Path | None = None
        self.who = ""
        self.display_name = ""
        self.name = w.Text(description="Your name:", placeholder="First Last", style=WIDE)
        self.id_box = w.Text(
            description="Student ID:", placeholder="if your teacher gave you one", style=WIDE
        )
        self.start_button = w.Button(
            description="Start", button_style="primary", tooltip="Start with this name"
        )
        self.continue_button = w.Button(
            description="Yes, continue my saved work", layout=w.Layout(width="auto", display="none")
        )
        self.new_button = w.Button(
            description="No, start a new file", layout=w.Layout(width="auto", display="none")
        )
        self.status = w.HTML(value="")
        self.start_button.on_click(lambda _b: self.start())
        self.continue_button.on_click(lambda _b: self._begin(self._existing(), continue_saved=True))
        self.new_button.on_click(lambda _b: self._begin(next_free(self.folder, self.kind, self.who)))
        self.box = w.VBox(
            [
                self.name,
                self.id_box,
                w.HBox([self.start_button, self.continue_button, self.new_button]),
                self.status,
            ]
        )
        self.box.add_class("qk-student")

    @property
    def student_id(self) -> str:
        """The id written in the file: the typed ID or name, plus " (2)" for a second file of that name."""
        n = number_of(self.path, self.kind, self.who) if self.path is not None else 1
        return self.who if n == 1 else f"{self.who} ({n})"

    @property
    def started(self) -> bool:
        return self.path is not None

    def _existing(self) -> Path:
        return student_file(self.folder, self.kind, self.who)

    def start(self) -> None:
        """Check the name; start at once, or ask first when work under this name is already saved."""
        name, sid = self.name.value.strip(), self.id_box.value.strip()
        if not name and not sid:
            self._say("Type your name (or your student ID) first.", ok=False)
            return
        self.who, self.display_name = sid or name, name or sid
        existing = self._existing()
        doc = read_saved(existing) if existing.exists() else None
        if not existing.exists():
            self._begin(existing)
            return
        when = str((doc or {}).get("saved_at", "")).replace("T", " ")[:16]
        self._say(
            f"Work under the name {self.display_name!r} is already saved"
            + (f" (last saved {when} UTC)" if when else "")
            + ". Is it yours?",
            ok=True,
        )
        self.continue_button.layout.display = "inline-flex"
        self.new_button.layout.display = "inline-flex"

    def _begin(self, path: Path, *, continue_saved: bool = False) -> None:
        self.path = path
        for x in (self.name, self.id_box, self.start_button):
            x.disabled = True
        self.continue_button.layout.display = "none"
        self.new_button.layout.display = "none"
        doc = read_saved(path) if continue_saved else None
        self._say(
            f"Hello {self.display_name}. Your work is saved automatically as you go (file {path.name}).",
            ok=True,
        )
        self.on_start(path, doc)

    def _say(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG
        self.status.value = (
            f'<p class="qk-status" role="status" style="color:{colour}"><b>{esc(text)}</b></p>'
        )
