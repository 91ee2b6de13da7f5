"""The one user-facing error family. The CLI prints ``str(error)`` as one line and exits non-zero."""

from __future__ import annotations


class QuizkitError(Exception):
    """A problem the user can fix. The message says what went wrong, where, and how to fix it."""

    exit_code = 2

    def __init__(self, what: str, *, where: str = "", fix: str = "") -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        parts = [f"{self.where}: {self.what}" if self.where else self.what]
        if self.fix:
            parts.append(self.fix)
        return " — ".join(p.replace("\n", " ") for p in parts)


class InputError(QuizkitError):
    """An input file is missing, unreadable, empty, or of the wrong kind."""


class FormatError(QuizkitError):
    """A quiz, version map or responses file does not follow its documented format."""


class OutputError(QuizkitError):
    """An output cannot be written (missing folder, no permission)."""


class GenerationError(QuizkitError):
    """The article cannot give the questions asked for (too short, not English...)."""
