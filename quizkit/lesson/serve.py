"""Serve lesson notebooks with Voila, fully offline: ``python -m quizkit.lesson.serve NOTEBOOK_OR_FOLDER``.

Voila's "lab" template links Font Awesome from a CDN; on a classroom network that drops outside traffic the
page can wait on that link. The packaged "quizkit" template (``jupyter/voila/templates/quizkit``) is the lab
template without those links (Voila's own bundle already carries the icon font). Listens on 127.0.0.1 by default.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

TEMPLATE = "quizkit"


def jupyter_data_dir() -> Path:
    """The packaged folder to put on JUPYTER_PATH so Voila finds the "quizkit" template."""
    return Path(str(resources.files("quizkit.lesson").joinpath("jupyter")))


def voila_command(target: str, *, port: int, ip: str = "127.0.0.1", browser: bool = False) -> list[str]:
    """The Voila command line (run with this Python) for a notebook or a folder of notebooks."""
    cmd = [
        sys.executable,
        "-m",
        "voila",
        target,
        f"--template={TEMPLATE}",
        f"--port={port}",
        f"--Voila.ip={ip}",
    ]
    if not browser:
        cmd.append("--no-browser")
    return cmd


def voila_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment in which Voila finds the packaged template (prepended to JUPYTER_PATH)."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(jupyter_data_dir()), env.get("JUPYTER_PATH", "")) if p
    )
    return env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quizkit.lesson.serve", description=__doc__.splitlines()[0]
    )
    parser.add_argument("target", help="a notebook (.ipynb) or a folder of notebooks")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--ip", default="127.0.0.1", help="address to listen on (0.0.0.0 for a classroom)")
    parser.add_argument("--open", action="store_true", help="open a browser tab")
    args = parser.parse_args(argv)
    if not Path(args.target).exists():
        print(
            f"serve: error: {args.target}: not found — give a notebook or a folder of notebooks",
            file=sys.stderr,
        )
        return 2
    cmd = voila_command(args.target, port=args.port, ip=args.ip, browser=args.open)
    os.execvpe(cmd[0], cmd, voila_env())
    return 0  # pragma: no cover - execvpe does not return


if __name__ == "__main__":
    sys.exit(main())
