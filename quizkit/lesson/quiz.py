"""The student quiz: all questions or one at a time, instant feedback, a score, and "save my answers".

Saved answers follow the notebook answers JSON format that ``quizkit grade`` reads.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from quizkit.errors import QuizkitError
from quizkit.files import atomic_write
from quizkit.lesson.common import CORRECT, WRONG, Source, answers_dir, esc, references_html, resolve
from quizkit.lesson.questions import WIDE, QuestionView
from quizkit.model import Quiz
from quizkit.quizfile import load_quiz

ANSWERS_FORMAT = "quizkit-answers"
ANSWERS_VERSION = 1
MODES = ("All at once", "One at a time")


def slug(text: str) -> str:
    """A safe file-name piece from a student's name or id."""
    s = re.sub(r"[^A-Za-z0-9]+", "-", text.strip()).strip("-").lower()
    return s[:60] or "student"


def answers_document(
    quiz: Quiz, responses: dict[str, Any], *, student_id: str, name: str, saved_at: str
) -> dict[str, Any]:
    """The saved-answers object (format ``quizkit-answers`` version 1)."""
    return {
        "format": ANSWERS_FORMAT,
        "version": ANSWERS_VERSION,
        "quiz_title": quiz.title,
        "student_id": student_id,
        "name": name,
        "saved_at": saved_at,
        "answers": {q.id: responses.get(q.id) for q in quiz.questions},
    }


def quiz_sources(quiz: Quiz) -> tuple[Source, ...]:
    """The article and every context question's citations, for the notebook's references."""
    out: list[Source] = []
    src = quiz.source
    if src.title or src.url:
        label = f"Article: {src.title or quiz.title}" + (
            f" ({src.publisher}, {src.date})" if src.publisher else ""
        )
        out.append(Source(label, src.url, ""))
    for i, q in enumerate(quiz.questions, 1):
        for c in q.sources:
            out.append(Source(f"Question {i}", c.url, c.as_of))
    return tuple(out)


class QuizView:
    """The interactive quiz. ``save()`` writes the answers file; ``score()`` totals the auto-marked part."""

    def __init__(self, quiz: Quiz, *, save_to: str | Path | None = None) -> None:
        self.quiz = quiz
        self.views = [QuestionView(q, i) for i, q in enumerate(quiz.questions, 1)]
        src = quiz.source
        about = f"From the article <i>{esc(src.title)}</i>" if src.title else ""
        if src.publisher:
            about += f" ({esc(src.publisher)}{', ' + esc(src.date) if src.date else ''})"
        self.header = w.HTML(f"<h2>{esc(quiz.title)}</h2><p>{about}</p>")
        self.mode = w.ToggleButtons(
            options=list(MODES), value=MODES[0], description="Show questions:", style=WIDE
        )
        self.position = 0
        self.prev_button = w.Button(description="Previous", tooltip="Previous question")
        self.next_button = w.Button(description="Next", tooltip="Next question")
        self.where = w.Label(value="")
        self.nav = w.HBox([self.prev_button, self.where, self.next_button])
        self.questions_box = w.VBox([])
        self.score_button = w.Button(description="Check all and show my score", layout=w.Layout(width="auto"))
        self.score_label = w.HTML(value="")
        self.name = w.Text(description="Your name:", placeholder="First Last", style=WIDE)
        self.student_id = w.Text(description="Student ID:", placeholder="optional", style=WIDE)
        default = Path(save_to) if save_to is not None else answers_dir() / "my-answers.json"
        self.path = w.Text(
            value=str(default), description="Save to file:", style=WIDE, layout=w.Layout(width="95%")
        )
        self.save_button = w.Button(description="Save my answers", button_style="primary")
        self.status = w.HTML(value="")
        self.mode.observe(lambda _c: self._layout(), names="value")
        self.prev_button.on_click(lambda _b: self.go(self.position - 1))
        self.next_button.on_click(lambda _b: self.go(self.position + 1))
        self.score_button.on_click(lambda _b: self.show_score())
        self.save_button.on_click(lambda _b: self.save())
        save_box = w.VBox(
            [
                w.HTML("<h3>Save my answers</h3>"),
                self.name,
                self.student_id,
                self.path,
                self.save_button,
                self.status,
            ]
        )
        self.box = w.VBox(
            [
                self.header,
                self.mode,
                self.nav,
                self.questions_box,
                self.score_button,
                self.score_label,
                save_box,
            ]
        )
        self.box.add_class("qk-quiz")
        self._layout()

    def _layout(self) -> None:
        one = self.mode.value == MODES[1]
        self.nav.layout.display = "flex" if one else "none"
        if one:
            self.position = min(max(self.position, 0), max(len(self.views) - 1, 0))
            self.questions_box.children = (self.views[self.position].box,) if self.views else ()
            self.where.value = f"Question {self.position + 1} of {len(self.views)}"
            self.prev_button.disabled = self.position == 0
            self.next_button.disabled = self.position >= len(self.views) - 1
        else:
            self.questions_box.children = tuple(v.box for v in self.views)

    def go(self, index: int) -> None:
        """Show question ``index`` (0-based) in one-at-a-time mode."""
        self.position = index
        self._layout()

    def responses(self) -> dict[str, Any]:
        return {v.question.id: v.response() for v in self.views}

    def score(self) -> tuple[float, float, int]:
        """(points, auto-marked maximum, number of questions left for the teacher)."""
        got = total = 0.0
        teacher = 0
        for v in self.views:
            verdict = v.check()
            if verdict.correct is None or v.question.type == "open":
                teacher += 1
            else:
                got += verdict.points
                total += verdict.max_points
        return got, total, teacher

    def show_score(self) -> str:
        got, total, teacher = self.score()
        text = f"Score: {got:g} / {total:g}"
        if teacher:
            text += f" (plus {teacher} written answer{'s' if teacher > 1 else ''} for your teacher to mark)"
        self.score_label.value = f'<p class="qk-score" role="status"><b>{esc(text)}</b></p>'
        return text

    def save(self) -> Path | None:
        """Write the answers file atomically; show where, or one clear line saying what to fix."""
        name, sid = self.name.value.strip(), self.student_id.value.strip()
        if not name and not sid:
            self._status("Type your name (or student ID) before saving.", ok=False)
            return None
        raw = self.path.value.strip() or str(answers_dir() / f"answers-{slug(sid or name)}.json")
        target = resolve(raw)
        if target.suffix.lower() != ".json":
            target = target.with_suffix(".json")
        saved_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        doc = answers_document(
            self.quiz, self.responses(), student_id=sid or slug(name), name=name, saved_at=saved_at
        )
        try:
            atomic_write(target, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        except QuizkitError as exc:
            self._status(f"Not saved: {exc}", ok=False)
            return None
        answered = sum(1 for a in doc["answers"].values() if a is not None)
        self._status(f"Saved {answered} of {len(self.views)} answers to {target}", ok=True)
        return target

    def _status(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG
        self.status.value = (
            f'<p class="qk-status" role="status" style="color:{colour}"><b>{esc(text)}</b></p>'
        )


def quiz_widget(quiz_path: str | Path, *, save_to: str | Path | None = None) -> w.VBox:
    """Load a quiz file (relative to the notebook's folder) and return the quiz widget to display."""
    return QuizView(load_quiz(resolve(quiz_path)), save_to=save_to).box


def quiz_references(quiz_path: str | Path) -> w.HTML:
    """The references block for a quiz notebook: the article and the context questions' sources."""
    quiz = load_quiz(resolve(quiz_path))
    sources = quiz_sources(quiz)
    if not sources:
        return w.HTML(
            "<h3>References</h3><p>This quiz uses only the article above; it cites no other sources.</p>"
        )
    return w.HTML(references_html(sources))
