"""The student quiz: name first, then all questions or one at a time, practice or assessment, saved as you go.

Each student's answers go to their own file in the answers folder (``student.py``), in the notebook answers
JSON format that ``quizkit grade`` reads (give it the folder).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from quizkit.errors import QuizkitError
from quizkit.lesson.common import (
    CORRECT,
    WRONG_TEXT,
    Source,
    answers_dir,
    esc,
    find_article,
    references_html,
    resolve,
)
from quizkit.lesson.marking import points_text
from quizkit.lesson.questions import MODE_NAMES, WIDE, Mode, QuestionView
from quizkit.lesson.student import StudentBox, save_in
from quizkit.lesson.style import large_text_toggle
from quizkit.model import Quiz
from quizkit.quizfile import load_quiz

ANSWERS_FORMAT = "quizkit-answers"
ANSWERS_VERSION = 1
MODES = ("All at once", "One at a time")


def answers_document(
    quiz: Quiz,
    responses: dict[str, Any],
    *,
    student_id: str,
    name: str,
    saved_at: str,
    mode: str = "practice",
    attempts: dict[str, int] | None = None,
    hints: dict[str, int] | None = None,
) -> dict[str, Any]:
    """The saved-answers object (format ``quizkit-answers`` version 1; ``mode``, ``attempts``, ``hints`` optional)."""
    return {
        "format": ANSWERS_FORMAT,
        "version": ANSWERS_VERSION,
        "quiz_title": quiz.title,
        "student_id": student_id,
        "name": name,
        "saved_at": saved_at,
        "mode": mode,
        "answers": {q.id: responses.get(q.id) for q in quiz.questions},
        "attempts": dict(attempts or {}),
        "hints": dict(hints or {}),
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
    """The interactive quiz: the student's name first, then the questions, saved as the student works.

    ``mode`` is "practice" (Check and Hint as often as wanted) or "assessment" (Submit, ``tries`` per question,
    feedback after submitting). ``folder`` is the answers folder (default: ``answers_dir()``).
    """

    def __init__(
        self,
        quiz: Quiz,
        *,
        mode: Mode = "practice",
        tries: int = 1,
        folder: str | Path | None = None,
        skip: Collection[str] = (),
    ) -> None:
        if mode not in MODE_NAMES:
            raise ValueError(f"mode must be one of {', '.join(MODE_NAMES)}, not {mode!r}")
        if skip:
            quiz = replace(
                quiz, questions=tuple(q for q in quiz.questions if q.id not in skip) or quiz.questions
            )
        self.quiz = quiz
        self.quiz_mode: Mode = mode
        self.folder = Path(folder) if folder is not None else answers_dir()
        self.views = [
            QuestionView(q, i, mode=mode, tries=tries, on_change=self.autosave)
            for i, q in enumerate(quiz.questions, 1)
        ]
        src = quiz.source
        about = f"From the article <i>{esc(src.title)}</i>" if src.title else ""
        if src.publisher:
            about += f" ({esc(src.publisher)}{', ' + esc(src.date) if src.date else ''})"
        rules = (
            f"Assessment: press <b>Submit</b> when you are sure of an answer ({tries} "
            f"{'try' if tries == 1 else 'tries'} per question); you see the feedback after submitting."
            if mode == "assessment"
            else "Practice: press <b>Check</b> as often as you like; <b>Hint</b> tells you where to look."
        )
        self.header = w.HTML(f"<h2>{esc(quiz.title)}</h2><p>{about}</p><p>{rules}</p>")
        self.student = StudentBox("answers", self._started, folder=self.folder)
        self.path: Path | None = None
        self.layout_mode = w.ToggleButtons(
            options=list(MODES), value=MODES[0], description="Show questions:", style=WIDE
        )
        self.position = 0
        self.prev_button = w.Button(description="Previous", tooltip="Previous question")
        self.next_button = w.Button(description="Next", tooltip="Next question")
        self.where = w.Label(value="")
        self.nav = w.HBox([self.prev_button, self.where, self.next_button])
        self.questions_box = w.VBox([])
        label = "Show my score so far" if mode == "assessment" else "Check all and show my score"
        self.score_button = w.Button(description=label, layout=w.Layout(width="auto"))
        self.score_label = w.HTML(value="")
        self.status = w.HTML(value="")
        self.layout_mode.observe(lambda _c: self._layout(), names="value")
        self.prev_button.on_click(lambda _b: self.go(self.position - 1))
        self.next_button.on_click(lambda _b: self.go(self.position + 1))
        self.score_button.on_click(lambda _b: self.show_score())
        self.work = w.VBox(
            [self.layout_mode, self.nav, self.questions_box, self.score_button, self.score_label, self.status]
        )
        self.work.layout.display = "none"
        self.box = w.VBox(
            [large_text_toggle(), self.header, w.HTML("<h3>Who are you?</h3>"), self.student.box, self.work]
        )
        self.box.add_class("qk-quiz")
        self._layout()

    # --- the student ------------------------------------------------------------------------------------
    def _started(self, path: Path, doc: dict[str, Any] | None) -> None:
        self.path = path
        if doc is not None:
            answers, attempts, hints = (_dict(doc, k) for k in ("answers", "attempts", "hints"))
            self.path = None  # no autosave while restoring
            for v in self.views:
                qid = v.question.id
                v.restore(answers.get(qid), attempts=_int(attempts.get(qid)), hints=_int(hints.get(qid)))
            self.path = path
        self.work.layout.display = "flex"
        self.save()

    def autosave(self) -> None:
        """Save after every change once the student has started (before that there is nowhere to save)."""
        if self.path is not None:
            self.save()

    # --- layout -----------------------------------------------------------------------------------------
    def _layout(self) -> None:
        one = self.layout_mode.value == MODES[1]
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

    # --- answers and score ------------------------------------------------------------------------------
    def responses(self) -> dict[str, Any]:
        return {v.question.id: v.response() for v in self.views}

    def score(self) -> tuple[float, float, int]:
        """(points, auto-marked maximum, number of questions left for the teacher).

        Practice: every answer is checked now. Assessment: only submitted (locked) answers count.
        """
        got = total = 0.0
        teacher = 0
        for v in self.views:
            if self.quiz_mode == "assessment":
                verdict = v.verdict if v.locked else None
                if verdict is None:
                    continue
            else:
                verdict = v.check()
            if v.question.type == "open" or (verdict.correct is None and verdict.answered):
                teacher += 1
            else:  # an unanswered question counts as 0 of its points
                got += verdict.points
                total += verdict.max_points
        return got, total, teacher

    def show_score(self) -> str:
        got, total, teacher = self.score()
        text = f"Score: {points_text(got)} / {points_text(total)}"
        if teacher:
            text += f" (plus {teacher} written answer{'s' if teacher > 1 else ''} for your teacher to mark)"
        self.score_label.value = f'<p class="qk-score" role="status"><b>{esc(text)}</b></p>'
        return text

    def document(self) -> dict[str, Any]:
        return answers_document(
            self.quiz,
            self.responses(),
            student_id=self.student.student_id,
            name=self.student.display_name,
            saved_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            mode=self.quiz_mode,
            attempts={v.question.id: v.attempts for v in self.views if v.attempts},
            hints={v.question.id: v.hints_used for v in self.views if v.hints_used},
        )

    def save(self) -> Path | None:
        """Write this student's answers file atomically (inside the answers folder only)."""
        if self.path is None:
            return None
        doc = self.document()
        try:
            save_in(self.folder, self.path, doc)
        except QuizkitError as exc:
            self._status(f"Not saved: {exc}. Tell your teacher.", ok=False)
            return None
        answered = sum(1 for a in doc["answers"].values() if a is not None)
        when = str(doc["saved_at"])[11:16]
        self._status(f"Saved automatically at {when} UTC: {answered} of {len(self.views)} answered.", ok=True)
        return self.path

    def _status(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG_TEXT
        self.status.value = (
            f'<p class="qk-status" role="status" style="color:{colour}"><b>{esc(text)}</b></p>'
        )


def _dict(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def _int(x: Any) -> int:
    return x if isinstance(x, int) and not isinstance(x, bool) else 0


def after_reading(quiz: Quiz, quiz_path: Path) -> frozenset[str]:
    """The questions the reading notebook already asked (none when the article cannot be found)."""
    from quizkit.lesson.reading import reading_check_ids

    article = find_article(quiz, quiz_path)
    return reading_check_ids(article, quiz) if article is not None else frozenset()


def quiz_widget(
    quiz_path: str | Path,
    *,
    mode: Mode = "practice",
    tries: int = 1,
    folder: str | Path | None = None,
    skip_reading_checks: bool = False,
) -> w.VBox:
    """Load a quiz file (relative to the notebook's folder) and return the quiz widget to display.

    ``skip_reading_checks`` leaves out the questions the reading notebook (01) already asked.
    """
    path = resolve(quiz_path)
    quiz = load_quiz(path)
    skip = after_reading(quiz, path) if skip_reading_checks else frozenset()
    return QuizView(quiz, mode=mode, tries=tries, folder=folder, skip=skip).box


def quiz_references(quiz_path: str | Path) -> w.HTML:
    """The references block for a quiz notebook: the article and the context questions' sources."""
    quiz = load_quiz(resolve(quiz_path))
    sources = quiz_sources(quiz)
    if not sources:
        return w.HTML(
            "<h3>References</h3><p>This quiz uses only the article above; it cites no other sources.</p>"
        )
    return w.HTML(references_html(sources))
