"""Quiz notebooks for any quiz file (built with nbformat) and headless execution (nbclient).

``quizkit notebook QUIZ -o quiz.ipynb`` writes a thin, ready-to-run student notebook: markdown with the
learning goals, one code cell showing the quiz widget, one showing the references. Deterministic: fixed
cell ids, no timestamps, the quiz referenced by a path relative to the notebook.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat as _nbformat

from quizkit.errors import InputError, OutputError
from quizkit.files import atomic_write, check_output_file
from quizkit.model import TYPE_LABELS
from quizkit.quizfile import load_quiz

nbformat: Any = _nbformat
"""nbformat's functions are untyped; one Any-typed handle keeps mypy strict elsewhere."""
new_notebook = nbformat.v4.new_notebook
new_code_cell = nbformat.v4.new_code_cell
new_markdown_cell = nbformat.v4.new_markdown_cell

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _rel(quiz_path: Path, notebook_dir: Path | None) -> str:
    """The quiz's path as the notebook will see it: relative to the notebook's folder, with '/'."""
    if notebook_dir is None:
        return quiz_path.name
    rel = os.path.relpath(quiz_path.resolve(), notebook_dir.resolve())
    return Path(rel).as_posix()


_MARKDOWN_SPECIAL = frozenset("\\`*_[]|~$")
"""Inline Markdown (emphasis, code, links, tables, strike-through) and Jupyter's $math$. Line-start markers
(#, -, 1.) cannot arise: the text is one line placed after other words."""


def markdown_text(text: str) -> str:
    """Quiz text as inert Markdown: HTML's ``< > &`` as entities (so ``<img onerror=…>`` or ``<script>`` in a
    headline is shown, never run, in Jupyter, nbconvert or Voila), Markdown punctuation backslash-escaped,
    and line breaks as spaces (a new line could start a heading or a code fence)."""
    flat = " ".join(html.escape(text, quote=False).split())
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)


def build_quiz_notebook(quiz_path: str | Path, *, notebook_dir: str | Path | None = None) -> Any:
    """A student quiz notebook (nbformat v4 node) for a quiz file; ``notebook_dir`` is where it will live."""
    path = Path(quiz_path)
    quiz = load_quiz(path)
    rel = _rel(path, Path(notebook_dir) if notebook_dir is not None else None)
    kinds = Counter(TYPE_LABELS[q.type].lower() for q in quiz.questions)
    kinds_text = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    n_context = sum(1 for q in quiz.questions if q.origin == "context")
    src = quiz.source
    md = markdown_text
    about = f"*{md(src.title)}*" if src.title else "the article your teacher gave you"
    if src.publisher:
        about += f" ({md(src.publisher)}{', ' + md(src.date) if src.date else ''})"
    goals = [
        f"- Show that you understood the main points of {about}.",
        "- Find the sentence in the article that supports an answer (the hints show it).",
    ]
    if n_context:
        goals.append(
            f"- Connect the article to {n_context} checked background fact(s), each with its source."
        )
    intro = "\n".join(
        [
            f"# Quiz: {md(quiz.title)}",
            "",
            "## Learning goals",
            *goals,
            "",
            "## How to use this quiz",
            f"There are {len(quiz.questions)} questions ({kinds_text}). Choose *All at once* or *One at a time*.",
            "Press **Check** after each answer: the feedback appears at once, and **Hint** shows the evidence.",
            "Written answers are marked by your teacher. When you have finished, type your name and press",
            "**Save my answers**; hand the saved file to your teacher (`quizkit grade` marks it).",
            "",
            "Run the cell below (Shift+Enter) if the quiz does not appear.",
        ]
    )
    code = "\n".join(
        [
            "from quizkit.lesson.quiz import quiz_widget",
            "",
            f"quiz_widget({rel!r})",
        ]
    )
    refs = "\n".join(["from quizkit.lesson.quiz import quiz_references", "", f"quiz_references({rel!r})"])
    nb = new_notebook(
        cells=[
            new_markdown_cell(intro, id="quiz-intro"),
            new_code_cell(code, id="quiz-widget"),
            new_markdown_cell(
                "## References\nThe article and the sources of every background fact used above.",
                id="quiz-refs-title",
            ),
            new_code_cell(refs, id="quiz-references"),
        ],
        metadata={"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}},
    )
    nbformat.validate(nb)
    return nb


def notebook_text(nb: Any) -> str:
    """The notebook as stored on disk (nbformat's writer, trailing newline)."""
    text: str = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def write_quiz_notebook(quiz_path: str | Path, output: str | Path) -> Path:
    """Build the notebook for ``quiz_path`` and write it atomically to ``output``."""
    out = Path(output)
    if out.is_dir() or not out.name:
        raise OutputError(
            "output path is a folder", where=str(out), fix=f"give a file name, e.g. {out / 'quiz.ipynb'}"
        )
    if out.suffix != ".ipynb":
        raise OutputError(
            "a notebook file must end in .ipynb", where=str(out), fix=f"use {out.with_suffix('.ipynb').name}"
        )
    check_output_file(out)
    nb = build_quiz_notebook(quiz_path, notebook_dir=out.parent if str(out.parent) else Path("."))
    atomic_write(out, notebook_text(nb))
    return out


def run_notebook(args: argparse.Namespace) -> int:
    """CLI: ``quizkit notebook QUIZ -o quiz.ipynb``."""
    out = write_quiz_notebook(args.quiz, args.output)
    print(f"wrote {out}")
    return 0


def this_python_kernel() -> Any:
    """A kernel manager that always runs ipykernel in this interpreter (the venv), whatever kernelspecs exist."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec = KernelSpec(
        argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        display_name=KERNELSPEC["display_name"],
        language="python",
    )

    class _Specs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> Any:
            return spec

    return KernelManager(kernel_name="python3", kernel_spec_manager=_Specs())


def _client(path: str | Path, timeout: int) -> Any:
    from nbclient import NotebookClient

    p = Path(path)
    if not p.is_file():
        raise InputError("notebook not found", where=str(p), fix="check the path")
    nb = nbformat.read(p, as_version=4)
    return NotebookClient(
        nb,
        km=this_python_kernel(),
        timeout=timeout,
        resources={"metadata": {"path": str(p.parent.resolve())}},
    )


def execute_notebooks(
    paths: Sequence[str | Path], *, timeout: int = 120, env: Mapping[str, str] | None = None
) -> list[Any]:
    """Run notebooks headless, concurrently (each in its own kernel, started in the notebook's folder).

    ``env`` is added to the kernels' environment. Returns the executed notebooks in the order given.
    """
    clients = [_client(p, timeout) for p in paths]

    async def run_all() -> list[Any]:
        return list(await asyncio.gather(*(c.async_execute() for c in clients)))

    old = {k: os.environ.get(k) for k in env or {}}
    os.environ.update(env or {})
    try:
        return asyncio.run(run_all())
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def execute_notebook(path: str | Path, *, timeout: int = 120, env: Mapping[str, str] | None = None) -> Any:
    """Run one notebook headless and return it with its outputs."""
    return execute_notebooks([path], timeout=timeout, env=env)[0]
