"""The offline Voila launcher and its packaged template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizkit.lesson.serve import (
    TEMPLATE,
    default_answers,
    jupyter_data_dir,
    main,
    teacher_notebooks,
    voila_command,
    voila_env,
)


def test_packaged_template_is_the_lab_template_without_cdn_links() -> None:
    folder = jupyter_data_dir() / "voila" / "templates" / TEMPLATE
    assert json.loads((folder / "conf.json").read_text(encoding="utf-8"))["base_template"] == "lab"
    text = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert "extends 'lab/index.html.j2'" in text
    assert "://" not in text and "<link" not in text  # nothing fetched from outside 127.0.0.1
    home = (folder / "page.html").read_text(encoding="utf-8")  # the home (tree) page
    assert "://" not in home and '<html lang="en">' in home


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


def test_idle_kernels_are_culled_with_jupyters_own_settings() -> None:
    cmd = voila_command("notebooks", port=9000, cull_idle=120, cull_interval=30)
    assert "--MappingKernelManager.cull_idle_timeout=120" in cmd
    assert "--MappingKernelManager.cull_interval=30" in cmd
    assert "--MappingKernelManager.cull_connected=False" in cmd  # an open tab keeps its kernel


def test_a_folder_with_a_teacher_notebook_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "01_reading.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "00_Teacher_Guide.ipynb").write_text("{}", encoding="utf-8")
    assert teacher_notebooks(tmp_path) == [tmp_path / "sub" / "00_Teacher_Guide.ipynb"]
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "teacher notebook" in err and err.count("\n") == 1


def test_the_answers_folder_reaches_the_kernels(tmp_path: Path) -> None:
    assert default_answers(tmp_path) == tmp_path / "answers"
    env = voila_env({}, answers=tmp_path / "answers")
    assert env["QUIZKIT_ANSWERS_DIR"] == str((tmp_path / "answers").resolve())
