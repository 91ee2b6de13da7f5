"""The test suite's own rules: independent readers required under QUIZKIT_REQUIRE_INDEPENDENT, no skip outside
the allow-list then, one golden-regeneration switch that CI refuses, and a CI script that installs the readers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import independent, render_readers

ROOT = Path(__file__).resolve().parents[1]
CI_RUN = ROOT / ".ci" / "run"


def _run_pytest(tmp_path: Path, body: str, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(body, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k not in (independent.REQUIRE, "CI", independent.REGEN)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "test_sample.py",
        ],
        cwd=tmp_path,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SKIPS = """
import pytest

def test_needs_node():
    pytest.skip("node is not installed")

def test_machine():
    pytest.skip("no /dev/zero")
"""


def test_a_skip_off_the_allow_list_fails_the_run_under_the_flag(tmp_path: Path) -> None:
    proc = _run_pytest(tmp_path, SKIPS, **{independent.REQUIRE: "1"})
    assert proc.returncode == 1, proc.stdout
    assert "skips not allowed under QUIZKIT_REQUIRE_INDEPENDENT" in proc.stdout
    assert "test_needs_node: node is not installed" in proc.stdout
    assert "test_machine" not in proc.stdout.split("skips not allowed")[1].split("short test summary")[0]


def test_without_the_flag_a_skip_is_a_skip(tmp_path: Path) -> None:
    assert _run_pytest(tmp_path, SKIPS).returncode == 0
    assert _run_pytest(tmp_path, SKIPS, CI="true").returncode == 0  # CI alone does not turn it on


def test_an_allowed_skip_passes_under_the_flag(tmp_path: Path) -> None:
    body = "import pytest\n\ndef test_machine():\n    pytest.skip('no /dev/zero')\n"
    assert _run_pytest(tmp_path, body, **{independent.REQUIRE: "1"}).returncode == 0


def test_a_missing_gift_reader_fails_under_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv(independent.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="gift-pegjs"):
        render_readers.need_gift_parser()
    monkeypatch.setenv(independent.REQUIRE, "")
    with pytest.raises(pytest.skip.Exception):
        render_readers.need_gift_parser()


def test_one_golden_switch_refused_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(independent.REGEN, raising=False)
    assert independent.regenerate_golden() is False
    monkeypatch.setenv(independent.REGEN, "1")
    assert independent.regenerate_golden() is True
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI"):
        independent.regenerate_golden()


def test_no_test_reads_another_golden_switch() -> None:
    sources = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("*.py") if p.name != Path(__file__).name
    )
    assert not re.search(r"QUIZKIT_UPDATE_GOLDEN|QUIZKIT_REGEN\b|QUIZKIT_REGEN[^_]", sources)
    assert sources.count("regenerate_golden()") >= 3


def test_ci_installs_the_readers_and_sets_the_flag_itself() -> None:
    script = CI_RUN.read_text(encoding="utf-8")
    assert os.access(CI_RUN, os.X_OK)
    for package in ("chromium", "nodejs", "npm"):
        assert package in script
    assert "export QUIZKIT_REQUIRE_INDEPENDENT=1" in script
    assert "${CI" not in script  # set explicitly, not copied from the CI variable
    proc = subprocess.run(["bash", "-n", str(CI_RUN)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
