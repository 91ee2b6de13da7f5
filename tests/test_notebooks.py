"""The lesson notebooks: committed clean and thin, each runs headless (nbclient) offline (the 60 s budget for
all of them is a figure in benchmarks/bench_notebooks.py)."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from typing import Any

import nbformat
import pytest

from quizkit.lesson.notebook import execute_notebook, execute_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEACHER = ROOT / "teacher"
STUDENTS = ["01_reading", "02_map_and_timeline", "03_balancing_act", "04_quiz"]
NAMES = ["00_teacher_guide", *STUDENTS]
WIDGET = "application/vnd.jupyter.widget-view+json"

# Installed as sitecustomize in the kernel: any non-loopback connection raises, so a notebook that needs the
# network fails its run. (The kernel talks to nbclient over ZeroMQ on 127.0.0.1, which stays allowed.)
GUARD = """
import ipaddress, socket

def _loopback(address):
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str) or host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False

_connect = socket.socket.connect
_create = socket.create_connection

def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
        raise OSError("network blocked by the quizkit test: " + repr(address))
    return _connect(self, address)

def create_connection(address, *args, **kwargs):
    if not _loopback(address):
        raise OSError("network blocked by the quizkit test: " + repr(address))
    return _create(address, *args, **kwargs)

socket.socket.connect = connect
socket.create_connection = create_connection
"""


def path_of(name: str) -> Path:
    """The teacher guide lives in teacher/ (never served to students); the rest in notebooks/."""
    return (TEACHER if name == "00_teacher_guide" else NOTEBOOKS) / f"{name}.ipynb"


def load(name: str) -> Any:
    return nbformat.read(path_of(name), as_version=4)


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name: str) -> None:
    nb = load(name)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{name}: clear outputs before committing"
            )
    assert "widgets" not in nb.metadata


@pytest.mark.parametrize("name", NAMES)
def test_thin_with_goals_and_references(name: str) -> None:
    nb = load(name)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert all(len(src.splitlines()) <= 4 for src in code), "logic belongs in quizkit.lesson"
    assert all("import" not in src or "from quizkit." in src for src in code)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    if name != "00_teacher_guide":
        assert "## Learning goals" in text
    else:
        for part in ("## Objectives", "Lesson plan", "Starter", "Discussion prompts", "Exit ticket"):
            assert part in text, part
        assert "Differentiation" in text and "14–15" in text and "sensitive topic" in text
    assert nb.cells[-2].cell_type == "markdown" and "References" in nb.cells[-2].source
    assert "reference" in nb.cells[-1].source


def test_the_students_folder_holds_no_teacher_notebook() -> None:
    from quizkit.lesson.serve import teacher_notebooks

    assert teacher_notebooks(NOTEBOOKS) == []
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == STUDENTS


@pytest.mark.parametrize("name", STUDENTS)
def test_students_see_no_commands_paths_or_cell_instructions(name: str) -> None:
    text = "\n".join(c.source for c in load(name).cells if c.cell_type == "markdown")
    for bad in ("Shift+Enter", "quizkit ", ".venv", "```", "QUIZKIT_", "/home/", "/tmp/", "Quiz: Quiz:"):
        assert bad not in text, f"{name}: {bad!r}"


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str) or host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Block every non-loopback connection in this process; record attempts."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_create = socket.create_connection

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            attempts.append(address)
            raise OSError(f"network blocked in test: {address!r}")
        return real_connect(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_loopback(address):
            attempts.append(address)
            raise OSError(f"network blocked in test: {address!r}")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


def test_the_guard_really_blocks(no_network: list[Any]) -> None:
    with pytest.raises(OSError, match="network blocked"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    assert no_network == [("93.184.216.34", 80)]


def test_lesson_code_runs_with_the_network_blocked(
    no_network: list[Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run every notebook's code cells in this process with sockets blocked."""
    monkeypatch.setenv("QUIZKIT_ANSWERS_DIR", str(tmp_path))
    for name in NAMES:
        monkeypatch.chdir(path_of(name).parent)
        namespace: dict[str, Any] = {}
        for cell in load(name).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, f"{name}.ipynb", "exec"), namespace)
    assert no_network == []


def guarded_env(tmp_path: Path) -> dict[str, str]:
    """Kernel environment: the network guard as sitecustomize, answers saved under tmp_path."""
    (tmp_path / "guard").mkdir(exist_ok=True)
    (tmp_path / "guard" / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return {
        "QUIZKIT_ANSWERS_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(tmp_path / "guard"), os.environ.get("PYTHONPATH", "")) if p
        ),
        "MPLBACKEND": "Agg",
    }


def test_the_guard_is_active_inside_the_kernel(tmp_path: Path) -> None:
    probe = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import socket\nsocket.create_connection(('93.184.216.34', 80), timeout=2)"
            )
        ]
    )
    path = tmp_path / "probe.ipynb"
    nbformat.write(probe, path)
    with pytest.raises(Exception, match="network blocked"):
        execute_notebook(path, timeout=60, env=guarded_env(tmp_path))


def test_every_notebook_executes_headless_offline(tmp_path: Path) -> None:
    """Every notebook runs without an error and shows its widget. How long that takes (budget 60 s) is
    measured by benchmarks/bench_notebooks.py, not asserted here: a loaded runner would flake."""
    env = guarded_env(tmp_path)
    done = execute_notebooks([path_of(name) for name in NAMES], timeout=120, env=env)
    for name, nb in zip(NAMES, done, strict=True):
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"], name
        widgets = [o for o in outputs if WIDGET in o.get("data", {})]
        assert widgets, f"{name} shows no widget"
