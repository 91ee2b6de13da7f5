"""Safe inputs and atomic outputs: one clear error, never a half-written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit.errors import InputError, OutputError
from quizkit.files import atomic_write, read_text, staged_dir


def test_staged_dir_moves_all_or_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged_dir(out) as tmp:
        (tmp / "a" / "b").mkdir(parents=True)
        (tmp / "a" / "b" / "x.txt").write_text("x")
        (tmp / "top.txt").write_text("t")
    assert (out / "a" / "b" / "x.txt").read_text() == "x"
    assert (out / "top.txt").read_text() == "t"
    assert sorted(p.name for p in out.iterdir()) == ["a", "top.txt"]

    with pytest.raises(RuntimeError), staged_dir(out) as tmp:
        (tmp / "a" / "b").mkdir(parents=True)
        (tmp / "a" / "b" / "y.txt").write_text("y")
        raise RuntimeError("render failed half way")
    assert not (out / "a" / "b" / "y.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == ["a", "top.txt"]


def test_staged_dir_merges_into_existing_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "old.txt").write_text("old")
    with staged_dir(out) as tmp:
        (tmp / "a").mkdir()
        (tmp / "a" / "new.txt").write_text("new")
    assert sorted(p.name for p in (out / "a").iterdir()) == ["new.txt", "old.txt"]


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    atomic_write(tmp_path / "f.txt", "hello")
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_output_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "f.txt", "x")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x00\x01\x02binary", "binary")],
)
def test_bad_text_inputs(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "in.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text(p)


def test_non_utf8_is_detected(tmp_path: Path) -> None:
    p = tmp_path / "in.txt"
    p.write_bytes("Caf\u00e9 society in Almaty, a city of cr\u00e8me and cr\u00eapes.".encode("cp1252"))
    assert "Caf\u00e9" in read_text(p)


def test_atomic_write_follows_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "f.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o644
