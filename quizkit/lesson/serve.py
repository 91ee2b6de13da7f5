"""Serve the students' notebooks with Voila, offline: ``python -m quizkit.lesson.serve FOLDER``.

Classroom rules built in:
- only the students' folder is served (``notebooks/``); the teacher guide and its editor live in ``teacher/``
  and are opened by the teacher in JupyterLab (its own server and token); a folder holding a teacher notebook
  is refused;
- every student's work goes to the answers folder (``--answers``, default ``answers/`` beside the notebooks),
  one file per student, never a path a student types;
- idle kernels are culled with Jupyter's own settings (``MappingKernelManager.cull_idle_timeout``): a closed or
  reloaded tab frees its kernel; an open tab keeps it;
- Voila's "lab" page links Font Awesome from a CDN; the packaged "quizkit" template
  (``jupyter/voila/templates/quizkit``) is that template without the links, plus radio-group labelling.
Listens on 127.0.0.1 unless told otherwise (``--ip 0.0.0.0`` for a classroom network).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

TEMPLATE = "quizkit"
CULL_IDLE_SECONDS = 600
CULL_INTERVAL_SECONDS = 60
TEACHER_MARKERS = ("teacher",)
"""A notebook whose name holds one of these words is the teacher's: never served to students."""


def jupyter_data_dir() -> Path:
    """The packaged folder to put on JUPYTER_PATH so Voila finds the "quizkit" template."""
    return Path(str(resources.files("quizkit.lesson").joinpath("jupyter")))


def teacher_notebooks(folder: Path) -> list[Path]:
    """Teacher notebooks inside ``folder`` (any depth): serving them would show students the keys."""
    if not folder.is_dir():
        return [folder] if any(m in folder.name.lower() for m in TEACHER_MARKERS) else []
    return sorted(
        p
        for p in folder.rglob("*.ipynb")
        if any(m in p.name.lower() for m in TEACHER_MARKERS) and ".ipynb_checkpoints" not in p.parts
    )


def voila_command(
    target: str,
    *,
    port: int,
    ip: str = "127.0.0.1",
    browser: bool = False,
    cull_idle: int = CULL_IDLE_SECONDS,
    cull_interval: int = CULL_INTERVAL_SECONDS,
) -> list[str]:
    """The Voila command line (run with this Python) for a notebook or a folder of notebooks."""
    cmd = [
        sys.executable,
        "-m",
        "voila",
        target,
        f"--template={TEMPLATE}",
        f"--port={port}",
        f"--Voila.ip={ip}",
        # Jupyter's own culling: an idle kernel with no open tab is shut down after cull_idle seconds.
        f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
        f"--MappingKernelManager.cull_interval={cull_interval}",
        "--MappingKernelManager.cull_connected=False",
    ]
    if not browser:
        cmd.append("--no-browser")
    return cmd


def voila_env(base: dict[str, str] | None = None, *, answers: Path | None = None) -> dict[str, str]:
    """An environment in which Voila finds the packaged template and the kernels find the answers folder."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(jupyter_data_dir()), env.get("JUPYTER_PATH", "")) if p
    )
    if answers is not None:
        env["QUIZKIT_ANSWERS_DIR"] = str(answers.resolve())
    return env


def default_answers(target: Path) -> Path:
    """``answers/`` inside the served folder (Voila serves no .json file, and lists no folder content)."""
    folder = target if target.is_dir() else target.parent
    return folder / "answers"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quizkit.lesson.serve", description=__doc__.splitlines()[0]
    )
    parser.add_argument("target", help="the students' notebook (.ipynb) or folder of notebooks")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--ip", default="127.0.0.1", help="address to listen on (0.0.0.0 for a classroom)")
    parser.add_argument("--answers", help="folder for the students' answer files (default: TARGET/answers)")
    parser.add_argument(
        "--cull-idle",
        type=int,
        default=CULL_IDLE_SECONDS,
        help=f"shut down a kernel whose tab is closed after this many idle seconds (default {CULL_IDLE_SECONDS})",
    )
    parser.add_argument("--open", action="store_true", help="open a browser tab")
    args = parser.parse_args(argv)
    target = Path(args.target)
    if not target.exists():
        print(
            f"serve: error: {args.target}: not found — give a notebook or a folder of notebooks",
            file=sys.stderr,
        )
        return 2
    teacher = teacher_notebooks(target)
    if teacher:
        print(
            f"serve: error: {teacher[0]}: a teacher notebook in the students' folder — "
            "move it out (teacher/ is opened in JupyterLab), then serve again",
            file=sys.stderr,
        )
        return 2
    answers = Path(args.answers) if args.answers else default_answers(target)
    try:
        answers.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"serve: error: {answers}: cannot create the answers folder ({exc.strerror})", file=sys.stderr)
        return 2
    cmd = voila_command(
        str(target),
        port=args.port,
        ip=args.ip,
        browser=args.open,
        cull_idle=args.cull_idle,
        cull_interval=min(CULL_INTERVAL_SECONDS, max(1, args.cull_idle // 2)),
    )
    print(f"Students' answers are saved in {answers.resolve()}", file=sys.stderr)
    os.execvpe(cmd[0], cmd, voila_env(answers=answers))
    return 0  # pragma: no cover - execvpe does not return


if __name__ == "__main__":
    sys.exit(main())
