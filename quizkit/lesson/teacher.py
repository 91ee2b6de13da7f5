"""The teacher guide's preview: pick an article, generate a quiz, accept or reject each question, save.

Accepted questions are written back to the quiz file atomically (``quizfile.save_quiz``); rejected ones are
dropped from it. An existing quiz file can be loaded and reviewed the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as w

from quizkit.errors import QuizkitError
from quizkit.lesson.common import CORRECT, WRONG, esc, resolve, seed_article_path
from quizkit.lesson.marking import key_text
from quizkit.lesson.questions import WIDE
from quizkit.model import Question, Quiz
from quizkit.quizfile import load_quiz, save_quiz

Generator = Callable[[Path, int, int | None], Quiz]
DECISIONS = ("Accept", "Reject")


def generate_from_file(path: Path, seed: int, count: int | None) -> Quiz:
    """Read the article and generate its quiz with the real pipeline (spaCy; a few seconds)."""
    from quizkit.article import read_article
    from quizkit.generate import generate_quiz

    return generate_quiz(read_article(path), count=count, seed=seed).quiz


def question_html(q: Question, number: int) -> str:
    origin = "from the article" if q.origin == "article" else "background (knowledge base)"
    out = f"<p><b>{number}. [{esc(q.type.replace('_', ' '))}, {origin}]</b> {esc(q.prompt)}</p>"
    if q.choices:
        out += "<p>Options: " + esc(" | ".join(q.choices)) + "</p>"
    out += f"<p>Answer: <b>{esc(key_text(q))}</b></p>"
    if q.evidence is not None:
        out += f"<p>Evidence: <q>{esc(q.evidence.text)}</q></p>"
    for s in q.sources:
        out += f"<p>Source: {esc(s.url)} (checked {esc(s.as_of)})</p>"
    return out


class PreviewView:
    """Article path → Generate → per-question Accept/Reject → Save to the quiz file."""

    def __init__(
        self,
        *,
        article: str | Path | None = None,
        quiz_path: str | Path = "my_quiz.json",
        generate: Generator = generate_from_file,
    ) -> None:
        self.generate_fn = generate
        self.quiz: Quiz | None = None
        default_article = article if article is not None else (seed_article_path() or "")
        self.article = w.Text(
            value=str(default_article), description="Article file:", style=WIDE, layout=w.Layout(width="95%")
        )
        self.seed = w.BoundedIntText(value=1, min=0, max=10**9, description="Seed:", style=WIDE)
        self.count = w.BoundedIntText(
            value=0, min=0, max=60, description="Questions (0 = automatic):", style=WIDE
        )
        self.quiz_path = w.Text(
            value=str(quiz_path), description="Quiz file:", style=WIDE, layout=w.Layout(width="95%")
        )
        self.generate_button = w.Button(
            description="Generate", button_style="primary", tooltip="Generate a quiz from the article"
        )
        self.load_button = w.Button(description="Load quiz file", tooltip="Review an existing quiz file")
        self.save_button = w.Button(
            description="Save accepted questions",
            tooltip="Write the accepted questions to the quiz file",
            layout=w.Layout(width="auto"),
        )
        self.status = w.HTML()
        self.list = w.VBox([])
        self.decisions: list[w.ToggleButtons] = []
        self.generate_button.on_click(lambda _b: self.run_generate())
        self.load_button.on_click(lambda _b: self.load())
        self.save_button.on_click(lambda _b: self.save())
        self.box = w.VBox(
            [
                self.article,
                w.HBox([self.seed, self.count]),
                self.quiz_path,
                w.HBox([self.generate_button, self.load_button]),
                self.status,
                self.list,
                self.save_button,
            ]
        )

    def _status(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG
        self.status.value = f"<p role='status' style='color:{colour}'><b>{esc(text)}</b></p>"

    def show(self, quiz: Quiz) -> None:
        self.quiz = quiz
        rows: list[Any] = []
        self.decisions = []
        for i, q in enumerate(quiz.questions, 1):
            toggle = w.ToggleButtons(
                options=list(DECISIONS), value="Accept", description=f"Question {i}:", style=WIDE
            )
            self.decisions.append(toggle)
            rows.append(
                w.VBox(
                    [w.HTML(question_html(q, i)), toggle],
                    layout=w.Layout(border="1px solid #BBBBBB", padding="4px", margin="4px 0"),
                )
            )
        self.list.children = tuple(rows)

    def run_generate(self) -> None:
        path = resolve(self.article.value.strip())
        try:
            quiz = self.generate_fn(path, int(self.seed.value), int(self.count.value) or None)
            save_quiz(quiz, resolve(self.quiz_path.value.strip()))
        except QuizkitError as exc:
            self._status(f"Could not generate: {exc}", ok=False)
            return
        self.show(quiz)
        self._status(
            f"Generated {len(quiz.questions)} questions and saved them to {self.quiz_path.value}. Review them below.",
            ok=True,
        )

    def load(self) -> None:
        try:
            quiz = load_quiz(resolve(self.quiz_path.value.strip()))
        except QuizkitError as exc:
            self._status(f"Could not load: {exc}", ok=False)
            return
        self.show(quiz)
        self._status(f"Loaded {len(quiz.questions)} questions.", ok=True)

    def accepted(self) -> tuple[Question, ...]:
        if self.quiz is None:
            return ()
        return tuple(
            q for q, d in zip(self.quiz.questions, self.decisions, strict=True) if d.value == "Accept"
        )

    def save(self) -> Path | None:
        if self.quiz is None:
            self._status("Generate or load a quiz first.", ok=False)
            return None
        kept = self.accepted()
        if not kept:
            self._status("Not saved: accept at least one question (a quiz cannot be empty).", ok=False)
            return None
        target = resolve(self.quiz_path.value.strip())
        try:
            save_quiz(replace(self.quiz, questions=kept), target)
        except QuizkitError as exc:
            self._status(f"Not saved: {exc}", ok=False)
            return None
        dropped = len(self.quiz.questions) - len(kept)
        self.quiz = replace(self.quiz, questions=kept)
        self.show(self.quiz)
        self._status(f"Saved {len(kept)} questions to {target} ({dropped} rejected).", ok=True)
        return target
