"""Reading inputs safely and writing outputs atomically (temp file, then rename): never a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from quizkit.errors import InputError, OutputError


def read_bytes(path: str | Path, *, what: str = "file") -> bytes:
    """Read a whole input file, turning the usual OS problems into one clear error."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{what} not found", where=str(p), fix="check the path and spelling")
    if p.is_dir():
        raise InputError(
            f"{what} is a folder, not a file", where=str(p), fix="give the path of a file inside it"
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read {what} ({exc.strerror})", where=str(p), fix="check permissions"
        ) from exc


def decode_text(data: bytes, *, where: str, what: str = "file") -> str:
    """Decode UTF-8 (with or without BOM); detect other encodings; refuse binary data."""
    if not data.strip():
        raise InputError(f"{what} is empty", where=where, fix="give a file with text in it")
    if b"\x00" in data[:8192]:
        raise InputError(f"{what} looks binary, not text", where=where, fix="save it as plain text (UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise InputError(
                f"{what} is not UTF-8 and its encoding could not be detected",
                where=where,
                fix="save it as UTF-8",
            ) from None
        text = str(best)
    if not text.strip():
        raise InputError(f"{what} is empty", where=where, fix="give a file with text in it")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, *, what: str = "file") -> str:
    """Read a text input file (see ``decode_text``)."""
    return decode_text(read_bytes(path, what=what), where=str(path), what=what)


def check_output_dir(path: str | Path) -> Path:
    """Make sure an output folder can be used; create it when its parent exists."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise OutputError("output path is a file, not a folder", where=str(p), fix="choose a folder")
    if not p.exists():
        if not p.parent.exists():
            raise OutputError(
                "the folder that should hold the output does not exist",
                where=str(p.parent),
                fix="create it first or choose another output path",
            )
        try:
            p.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot create output folder ({exc.strerror})", where=str(p)) from exc
    if not os.access(p, os.W_OK):
        raise OutputError(
            "output folder is not writable", where=str(p), fix="choose a folder you can write to"
        )
    return p


def check_output_file(path: str | Path) -> Path:
    """Make sure an output file can be written (its folder exists and is writable)."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise OutputError("output path is a folder", where=str(p), fix="give a file name")
    if not parent.is_dir():
        raise OutputError(
            "the folder for the output file does not exist",
            where=str(parent),
            fix="create it or choose another path",
        )
    if not os.access(parent, os.W_OK):
        raise OutputError(
            "output folder is not writable", where=str(parent), fix="choose a folder you can write to"
        )
    return p


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, then rename it into place."""
    p = check_output_file(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent if str(p.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a normal file follows the user's umask
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _move_tree(src: Path, dest: Path) -> None:
    """Move everything in ``src`` into ``dest``: a whole folder in one rename when ``dest`` lacks it."""
    for item in sorted(src.iterdir()):
        target = dest / item.name
        if item.is_dir() and target.is_dir():
            _move_tree(item, target)
        elif item.is_dir() and target.exists():
            raise OutputError("a file stands where an output folder goes", where=str(target), fix="remove it")
        else:
            os.replace(item, target)


@contextlib.contextmanager
def staged_dir(final: str | Path) -> Iterator[Path]:
    """Build a set of outputs in a temp folder, then move each into ``final`` only if all succeeded."""
    out = check_output_dir(final)
    tmp = Path(tempfile.mkdtemp(prefix=".quizkit-", dir=out))
    try:
        yield tmp
        _move_tree(tmp, out)
    finally:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
