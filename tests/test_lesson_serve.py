"""The offline Voila launcher and its packaged template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizkit.lesson.serve import TEMPLATE, jupyter_data_dir, main, voila_command, voila_env


def test_packaged_template_is_the_lab_template_without_cdn_links() -> None:
    folder = jupyter_data_dir() / "voila" / "templates" / TEMPLATE
    assert json.loads((folder / "conf.json").read_text(encoding="utf-8"))["base_template"] == "lab"
    text = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert "extends 'lab/index.html.j2'" in text
    assert "://" not in text and "<link" not in text  # nothing fetched from outside 127.0.0.1


def test_command_listens_on_loopback_with_the_template() -> None:
    cmd = voila_command("notebooks", port=9000)
    assert cmd[1:4] == ["-m", "voila", "notebooks"]
    assert "--template=quizkit" in cmd and "--Voila.ip=127.0.0.1" in cmd and "--no-browser" in cmd


def test_env_puts_the_package_first_on_jupyter_path() -> None:
    env = voila_env({"JUPYTER_PATH": "/elsewhere"})
    assert env["JUPYTER_PATH"].split(":") == [str(jupyter_data_dir()), "/elsewhere"]


def test_missing_target_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.ipynb")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
