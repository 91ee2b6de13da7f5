"""Reading inputs safely and writing outputs atomically (temp file, then rename): never a half-written file."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from quizkit.errors import InputError, OutputError

MAX_INPUT_BYTES = 200_000_000
"""Far above any article, quiz or class's answers; a bigger file is a mistake (a video, a disk image)."""


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
        size = p.stat().st_size
        with p.open("rb") as fh:  # read capped: a device or pipe (/dev/zero) could go on forever
            data = fh.read(MAX_INPUT_BYTES + 1) if size <= MAX_INPUT_BYTES else b""
        size = max(size, len(data))
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{what} is too large (over {MAX_INPUT_BYTES // 1_000_000} MB)",
                where=str(p),
                fix="check it is the right file: articles, quizzes and answer sheets are far smaller",
            )
        return data
    except OSError as exc:
        raise InputError(
            f"cannot read {what} ({exc.strerror})", where=str(p), fix="check permissions"
        ) from exc


_BINARY_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a .docx or .xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc or .xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def binary_kind(data: bytes) -> str:
    """What a known binary file is ("a PDF", "a PNG image"...), from its first bytes; "" for anything else."""
    return next((what for magic, what in _BINARY_MAGIC if data.startswith(magic)), "")


def _utf16_without_bom(data: bytes) -> str:
    """Text saved as UTF-16 without a BOM (every other byte zero, as Windows tools write); "" if not."""
    head = data[:8192]
    if len(head) < 4:
        return ""
    even, odd = head[0::2], head[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                return ""
    return ""


def _decode_utf16(data: bytes, *, where: str, what: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{what} starts like {codec.upper()} but does not decode",
                    where=where,
                    fix="save it as UTF-8",
                ) from None
    return _utf16_without_bom(data) if b"\x00" in data[:8192] else ""


def decode_text(data: bytes, *, where: str, what: str = "file") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32; detect other encodings; refuse binary data."""
    if not data.strip():
        raise InputError(f"{what} is empty", where=where, fix="give a file with text in it")
    kind = binary_kind(data)
    if kind:
        raise InputError(
            f"{what} is {kind}, not text",
            where=where,
            fix="open it and save or export it as plain text (UTF-8; a spreadsheet as CSV)",
        )
    text = _decode_utf16(data, where=where, what=what)
    if not text and b"\x00" in data[:8192]:
        raise InputError(f"{what} looks binary, not text", where=where, fix="save it as plain text (UTF-8)")
    if not text:
        text = mostly_utf8(data, where=where)
    if not text:
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
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{what} is empty", where=where, fix="give a file with text in it")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf8_with_few_errors(data: bytes) -> tuple[str, int] | None:
    """(text, number of bad bytes) when ``data`` is UTF-8, perhaps with a few bad bytes (each becomes U+FFFD);
    None when it does not look like UTF-8 (a Windows code page, say).

    Decoding such a file wholesale as cp1252 would garble every correct character ("China’s" read as
    "Chinaâ€™s") to save the few broken ones."""
    try:
        return data.decode("utf-8-sig"), 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if valid < bad or bad * 100 > len(data):
        return None
    return text, bad


def mostly_utf8(data: bytes, *, where: str) -> str:
    """UTF-8 text with a few bad bytes, with a warning on stderr giving their count; "" when the data is clean
    UTF-8 or not UTF-8 at all."""
    found = utf8_with_few_errors(data)
    if found is None or found[1] == 0:
        return ""
    text, bad = found
    print(
        f"quizkit: warning: {where}: {bad} byte(s) are not valid UTF-8 and were replaced by \ufffd "
        "(the rest of the file is UTF-8); save it again as UTF-8 to fix them",
        file=sys.stderr,
    )
    return text


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
            raise OutputError(
                f"cannot create output folder ({exc.strerror})",
                where=str(p),
                fix="choose a folder you can write to",
            ) from exc
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


def _write_failed(exc: OSError, where: Path) -> OutputError:
    return OutputError(
        f"cannot write output ({exc.strerror or exc})",
        where=str(where),
        fix="check the disk has space and that the file and its folder may be written",
    )


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, then rename it into place."""
    p = check_output_file(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{p.name}.", suffix=".tmp", dir=p.parent if str(p.parent) else "."
        )
    except OSError as exc:
        raise _write_failed(exc, p) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a normal file follows the user's umask
        os.replace(tmp, p)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_failed(exc, p) from exc
        raise


def _plan_moves(src: Path, dest: Path) -> list[tuple[Path, Path]]:
    """(staged, final) renames that put everything in ``src`` into ``dest``: a whole folder in one rename
    when ``dest`` lacks it. Refuses a file standing where a folder goes, or the reverse, before anything moves."""
    moves: list[tuple[Path, Path]] = []
    for item in sorted(src.iterdir()):
        target = dest / item.name
        if item.is_dir() and target.is_dir():
            moves.extend(_plan_moves(item, target))
        elif item.is_dir() and target.exists():
            raise OutputError("a file stands where an output folder goes", where=str(target), fix="remove it")
        elif target.is_dir():
            raise OutputError("a folder stands where an output file goes", where=str(target), fix="remove it")
        else:
            moves.append((item, target))
    return moves


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _commit(src: Path, dest: Path, backup: Path) -> None:
    """Move the staged tree into ``dest``; on any failure put every replaced file back (all or nothing)."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for n, (item, target) in enumerate(_plan_moves(src, dest)):
            old: Path | None = None
            if target.exists() or target.is_symlink():
                old = backup / str(n)
                os.replace(target, old)
            try:
                os.replace(item, target)
            except BaseException:
                if old is not None:
                    os.replace(old, target)
                raise
            done.append((target, old))
    except BaseException as exc:
        for target, old in reversed(done):
            _remove(target)
            if old is not None:
                with contextlib.suppress(OSError):
                    os.replace(old, target)
        if isinstance(exc, OSError):
            raise _write_failed(exc, Path(exc.filename) if exc.filename else dest) from exc
        raise


_STAGING = re.compile(r"\.quizkit-(?:old-)?(?:(\d+)-)?.+")
STALE_AFTER_S = 24 * 3600
"""A staging folder without a process id (older quizkit) is removed once this old."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def clean_stale_staging(out: Path) -> list[Path]:
    """Remove the hidden staging folders a killed run (kill -9, power cut) left in ``out``; returns them.

    A folder whose process is still running (a concurrent run) is left alone."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in out.iterdir():
            m = _STAGING.fullmatch(entry.name)
            if not m or not entry.is_dir() or entry.is_symlink():
                continue
            pid = int(m.group(1)) if m.group(1) else 0
            stale = not _alive(pid) if pid else time.time() - entry.stat().st_mtime > STALE_AFTER_S
            if stale and pid != os.getpid():
                _remove(entry)
                removed.append(entry)
    return removed


@contextlib.contextmanager
def staged_dir(final: str | Path) -> Iterator[Path]:
    """Build a set of outputs in a temp folder, then move them into ``final`` only if all succeeded.

    On failure (an error, Ctrl-C, a file that cannot be replaced) ``final`` is left as it was, and removed
    again if this call created it."""
    import shutil

    existed = Path(final).exists()
    out = check_output_dir(final)
    clean_stale_staging(out)
    pid = os.getpid()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".quizkit-{pid}-", dir=out))
        backup = Path(tempfile.mkdtemp(prefix=f".quizkit-old-{pid}-", dir=out))
    except OSError as exc:
        if not existed:
            shutil.rmtree(out, ignore_errors=True)
        raise _write_failed(exc, out) from exc
    ok = False
    try:
        yield tmp
        _commit(tmp, out, backup)
        ok = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)
        if not ok and not existed:
            with contextlib.suppress(OSError):
                out.rmdir()  # only when empty: nothing of ours is left in it
