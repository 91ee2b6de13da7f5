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
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import nbformat as _nbformat

from quizkit.errors import InputError, OutputError
from quizkit.files import atomic_write, check_output_file
from quizkit.lesson.common import find_article
from quizkit.model import TYPE_LABELS, Article, Quiz
from quizkit.quizfile import load_quiz

nbformat: Any = _nbformat
"""nbformat's functions are untyped; one Any-typed handle keeps mypy strict elsewhere."""
new_notebook = nbformat.v4.new_notebook
new_code_cell = nbformat.v4.new_code_cell
new_markdown_cell = nbformat.v4.new_markdown_cell

Mode = Literal["practice", "assessment"]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _rel(quiz_path: Path, notebook_dir: Path | None) -> str:
    """The quiz's path as the notebook will see it: relative to the notebook's folder, with '/'."""
    if notebook_dir is None:
        return quiz_path.name
    rel = os.path.relpath(quiz_path.resolve(), notebook_dir.resolve())
    return Path(rel).as_posix()


def _kinds(quiz: Quiz) -> str:
    """ "11 multiple choice, 4 open questions, 1 ordering" (a plural where the label is a noun)."""
    kinds = Counter(TYPE_LABELS[q.type].lower() for q in quiz.questions)
    parts = []
    for label, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        noun = label.endswith("question") and n > 1
        parts.append(f"{n} {label}{'s' if noun else ''}")
    return ", ".join(parts)


def _md(text: str) -> str:
    """Quiz or article text made inert in a markdown cell: HTML escaped, markdown's own marks escaped."""
    out = html.escape(" ".join(text.split()), quote=False)
    return re.sub(r"([\\`*_{}\[\]#+!|~$])", r"\\\1", out)


def article_markdown(article: Article) -> str:
    """The article with its paragraphs numbered the way the hints count them (headings are not counted)."""
    lines = ["## The article", ""]
    if article.title:
        lines += [f"### {_md(article.title)}", ""]
    n = 0
    for b in article.blocks:
        if b.kind == "heading":
            lines += [f"#### {_md(b.text)}", ""]
            continue
        n += 1
        lead = "> " if b.kind == "quote" else ""
        lines += [f"{lead}**{n}.** {_md(b.text)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def build_quiz_notebook(
    quiz_path: str | Path,
    *,
    notebook_dir: str | Path | None = None,
    mode: Mode = "practice",
    tries: int = 1,
    after_reading: bool = False,
) -> Any:
    """A student quiz notebook (nbformat v4 node) for a quiz file; ``notebook_dir`` is where it will live.

    ``mode`` "assessment" makes a Submit-once quiz (``tries`` per question); ``after_reading`` leaves out the
    questions the reading notebook already asked. The article's text is included, with numbered paragraphs,
    when its file (the quiz's ``source.path``) can be found.
    """
    path = Path(quiz_path)
    quiz = load_quiz(path)
    rel = _rel(path, Path(notebook_dir) if notebook_dir is not None else None)
    n_context = sum(1 for q in quiz.questions if q.origin == "context")
    src = quiz.source
    about = f"*{_md(src.title)}*" if src.title else "the article your teacher gave you"
    if src.publisher:
        about += f" ({_md(src.publisher)}{', ' + _md(src.date) if src.date else ''})"
    goals = [
        f"- Show that you understood the main points of {about}.",
        "- Find the sentence in the article that supports an answer.",
    ]
    if n_context:
        goals.append(f"- Connect the article to {n_context} checked background facts, each with its source.")
    title = quiz.title if quiz.title.lower().startswith("quiz") else f"Quiz: {quiz.title}"
    how = (
        [
            "This is an **assessment**: press **Submit** when you are sure of an answer"
            f" ({tries} {'try' if tries == 1 else 'tries'} per question). The feedback appears after you submit.",
        ]
        if mode == "assessment"
        else [
            "This is **practice**: press **Check** after each answer to see the feedback, as often as you like.",
            "**Hint** first tells you where to look in the article; after a try it shows the sentence.",
        ]
    )
    intro = "\n".join(
        [
            f"# {_md(title)}",
            "",
            "## Learning goals",
            *goals,
            "",
            "## How to use this quiz",
            (
                "The questions you already answered in the reading notebook are not repeated here."
                if after_reading
                else f"There are {len(quiz.questions)} questions ({_kinds(quiz)})."
            ),
            "Type your name (or your student ID) and",
            "press **Start**: your answers are then saved as you work, so closing or reloading the page loses",
            "nothing (type the same name again and choose *continue*). Choose *All at once* or *One at a time*.",
            *how,
            "Written answers are marked by your teacher.",
        ]
    )
    args = f"{rel!r}" + (f", mode='assessment', tries={tries}" if mode == "assessment" else "")
    args += ", skip_reading_checks=True" if after_reading else ""
    code = "\n".join(["from quizkit.lesson.quiz import quiz_widget", "", f"quiz_widget({args})"])
    refs = "\n".join(["from quizkit.lesson.quiz import quiz_references", "", f"quiz_references({rel!r})"])
    cells = [new_markdown_cell(intro, id="quiz-intro")]
    article = find_article(quiz, path)
    if article is not None:
        cells.append(new_markdown_cell(article_markdown(article), id="quiz-article"))
    cells += [
        new_code_cell(code, id="quiz-widget"),
        new_markdown_cell(
            "## References\nThe article and the sources of every background fact used above.",
            id="quiz-refs-title",
        ),
        new_code_cell(refs, id="quiz-references"),
    ]
    nb = new_notebook(
        cells=cells, metadata={"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    )
    nbformat.validate(nb)
    return nb


def notebook_text(nb: Any) -> str:
    """The notebook as stored on disk (nbformat's writer, trailing newline)."""
    text: str = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def write_quiz_notebook(
    quiz_path: str | Path,
    output: str | Path,
    *,
    mode: Mode = "practice",
    tries: int = 1,
    after_reading: bool = False,
) -> Path:
    """Build the notebook for ``quiz_path`` and write it atomically to ``output``."""
    out = Path(output)
    if out.exists() and Path(quiz_path).exists() and out.resolve() == Path(quiz_path).resolve():
        raise OutputError(
            "the notebook would overwrite the input quiz it is made from",
            where=str(out),
            fix="give another -o file",
        )
    if out.is_dir() or not out.name:
        raise OutputError(
            "output path is a folder", where=str(out), fix=f"give a file name, e.g. {out / 'quiz.ipynb'}"
        )
    if out.suffix != ".ipynb":
        raise OutputError(
            "a notebook file must end in .ipynb", where=str(out), fix=f"use {out.with_suffix('.ipynb').name}"
        )
    check_output_file(out)
    nb = build_quiz_notebook(
        quiz_path,
        notebook_dir=out.parent if str(out.parent) else Path("."),
        mode=mode,
        tries=tries,
        after_reading=after_reading,
    )
    atomic_write(out, notebook_text(nb))
    return out


def run_notebook(args: argparse.Namespace) -> int:
    """CLI: ``quizkit notebook QUIZ -o quiz.ipynb [--assessment [--tries N]]``."""
    mode: Mode = "assessment" if getattr(args, "assessment", False) else "practice"
    out = write_quiz_notebook(
        args.quiz,
        args.output,
        mode=mode,
        tries=int(getattr(args, "tries", 1) or 1),
        after_reading=bool(getattr(args, "after_reading", False)),
    )
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
