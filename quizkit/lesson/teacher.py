"""The teacher guide's review: generate or load a quiz, then accept, reject, edit, reorder and add questions.

Every edit is parsed back into a question (``editor.edited``), checked against the quiz schema and re-run
through the quality checks (``check_quiz``), so the file written by **Save accepted questions** is always a
valid quiz. The file is written atomically (``quizfile.save_quiz``). This view is for the teacher's own
JupyterLab, never the students' server: it shows the keys and writes quiz files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import ipywidgets as w

from quizkit.check import check_quiz
from quizkit.check.findings import Finding
from quizkit.errors import QuizkitError
from quizkit.lesson.common import CORRECT, WRONG_TEXT, esc, find_article, resolve, seed_article_path
from quizkit.lesson.editor import TEACHER_TYPES, Fields, blank_question, check_schema, edited, fields_of
from quizkit.lesson.marking import key_text
from quizkit.lesson.questions import WIDE
from quizkit.lesson.style import style_widget
from quizkit.model import TYPE_LABELS, Article, Question, Quiz
from quizkit.quizfile import load_quiz, save_quiz

Generator = Callable[[Path, int, int | None], Quiz]
DECISIONS = ("Accept", "Reject")
FULL = w.Layout(width="95%")


def generate_from_file(path: Path, seed: int, count: int | None) -> Quiz:
    """Read the article and generate its quiz with the real pipeline (spaCy; a few seconds)."""
    from quizkit.article import read_article
    from quizkit.generate import generate_quiz

    return generate_quiz(read_article(path), count=count, seed=seed).quiz


def question_html(q: Question, number: int) -> str:
    origin = "from the article" if q.origin == "article" else "background (knowledge base)"
    if "teacher" in q.tags:
        origin = "your own question"
    kind = TYPE_LABELS[q.type].lower()
    out = f"<p><b>{number}. [{esc(kind)}, {origin}, {q.points:g} pt]</b> {esc(q.prompt)}</p>"
    if q.choices:
        out += "<p>Options: " + esc(" | ".join(q.choices)) + "</p>"
    out += f"<p>Answer: <b>{esc(key_text(q))}</b></p>"
    if q.accepted_answers:
        out += "<p>Also accepted: " + esc(" | ".join(q.accepted_answers)) + "</p>"
    if q.explanation:
        out += f"<p>Explanation: {esc(q.explanation)}</p>"
    if q.evidence is not None:
        out += f"<p>Evidence: <q>{esc(q.evidence.text)}</q></p>"
    for s in q.sources:
        out += f"<p>Source: {esc(s.url)} (checked {esc(s.as_of)})</p>"
    return out


def findings_html(findings: list[Finding]) -> str:
    if not findings:
        return "<p class='qk-checks'>Checks: no problem found.</p>"
    rows = "".join(f"<li><b>{esc(f.severity)}</b> ({esc(f.check)}): {esc(f.message)}</li>" for f in findings)
    return f"<div class='qk-checks'><p>Checks:</p><ul>{rows}</ul></div>"


class EditForm:
    """The edit fields of one question, with Apply and Cancel."""

    def __init__(
        self, q: Question, number: int, apply: Callable[[Fields], object], cancel: Callable[[], None]
    ) -> None:
        f = fields_of(q)
        key_help = {
            "matching": "Answer (one pair a line: left -> right):",
            "ordering": "Answer (the items in the right order, one a line):",
            "open": "Rubric (what a good answer covers, one point a line):",
            "true_false": "Answer (True or False):",
        }.get(q.type, "Answer:")
        self.prompt = w.Textarea(value=f.prompt, description="Question:", style=WIDE, layout=FULL)
        self.options = w.Textarea(
            value=f.options, description="Options (one a line):", style=WIDE, layout=FULL
        )
        self.key = w.Textarea(value=f.key, description=key_help, style=WIDE, layout=FULL)
        self.accepted = w.Textarea(
            value=f.accepted, description="Also accept (one a line):", style=WIDE, layout=FULL
        )
        self.points = w.BoundedFloatText(
            value=f.points, min=0.25, max=100, step=0.5, description="Points:", style=WIDE
        )
        self.explanation = w.Textarea(
            value=f.explanation, description="Explanation:", style=WIDE, layout=FULL
        )
        self.apply_button = w.Button(
            description=f"Apply changes to question {number}",
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.cancel_button = w.Button(
            description=f"Cancel editing question {number}", layout=w.Layout(width="auto")
        )
        self.apply_button.on_click(lambda _b: apply(self.fields()))
        self.cancel_button.on_click(lambda _b: cancel())
        shown: list[w.Widget] = [self.prompt]
        if q.type in ("multiple_choice", "matching"):
            shown.append(self.options)
        shown.append(self.key)
        if q.type in ("fill_blank", "short_answer"):
            shown.append(self.accepted)
        shown += [self.points, self.explanation, w.HBox([self.apply_button, self.cancel_button])]
        self.box = w.VBox(shown)
        self.box.add_class("qk-edit")

    def fields(self) -> Fields:
        return Fields(
            self.prompt.value,
            self.options.value,
            self.key.value,
            self.accepted.value,
            float(self.points.value),
            self.explanation.value,
        )


class PreviewView:
    """Article → Generate (or Load) → per question Accept/Reject, Edit, Move → Save to the quiz file."""

    def __init__(
        self,
        *,
        article: str | Path | None = None,
        quiz_path: str | Path = "my_quiz.json",
        generate: Generator = generate_from_file,
    ) -> None:
        self.generate_fn = generate
        self.quiz: Quiz | None = None
        self.article_obj: Article | None = None
        self.rejected: set[str] = set()
        self.editing: str | None = None
        self.findings: list[Finding] = []
        self.decisions: list[w.ToggleButtons] = []
        self.form: EditForm | None = None
        """The open edit form, if any."""
        """Accept/Reject per question, in the order shown."""
        default_article = article if article is not None else (seed_article_path() or "")
        self.article = w.Text(
            value=str(default_article), description="Article file:", style=WIDE, layout=FULL
        )
        self.seed = w.BoundedIntText(value=1, min=0, max=10**9, description="Seed:", style=WIDE)
        self.count = w.BoundedIntText(
            value=0, min=0, max=60, description="Questions (0 = automatic):", style=WIDE
        )
        self.quiz_path = w.Text(value=str(quiz_path), description="Quiz file:", style=WIDE, layout=FULL)
        self.generate_button = w.Button(
            description="Generate", button_style="primary", tooltip="Generate a quiz from the article"
        )
        self.load_button = w.Button(
            description="Load quiz file",
            tooltip="Review an existing quiz file",
            layout=w.Layout(width="auto"),
        )
        self.save_button = w.Button(
            description="Save accepted questions",
            tooltip="Write the accepted questions, in this order, to the quiz file",
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.add_type = w.Dropdown(
            options=[(TYPE_LABELS[t], t) for t in TEACHER_TYPES],
            value="multiple_choice",
            description="Type of your question:",
            style=WIDE,
        )
        self.add_button = w.Button(description="Add my own question", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.summary = w.HTML()
        self.list = w.VBox([])
        self.generate_button.on_click(lambda _b: self.run_generate())
        self.load_button.on_click(lambda _b: self.load())
        self.save_button.on_click(lambda _b: self.save())
        self.add_button.on_click(lambda _b: self.add(str(self.add_type.value)))
        self.box = w.VBox(
            [
                style_widget(),
                self.article,
                w.HBox([self.seed, self.count]),
                self.quiz_path,
                w.HBox([self.generate_button, self.load_button]),
                self.status,
                self.summary,
                self.list,
                w.HBox([self.add_type, self.add_button]),
                self.save_button,
            ]
        )
        self.box.add_class("qk-lesson")

    # --- state ------------------------------------------------------------------------------------------
    def _status(self, text: str, *, ok: bool) -> None:
        colour = CORRECT if ok else WRONG_TEXT
        self.status.value = (
            f"<p class='qk-status' role='status' style='color:{colour}'><b>{esc(text)}</b></p>"
        )

    def _set(self, quiz: Quiz) -> None:
        """Take a new quiz state and redraw; the checks rerun on every change."""
        check_schema(quiz, where=self.quiz_path.value.strip() or "quiz")
        self.quiz = quiz
        self.show(quiz)

    def show(self, quiz: Quiz) -> None:
        self.quiz = quiz
        findings = list(check_quiz(quiz, self.article_obj))
        by_id: dict[str, list[Finding]] = {}
        for f in findings:
            by_id.setdefault(f.question_id, []).append(f)
        rows: list[w.Widget] = []
        self.decisions, self.form = [], None
        for i, q in enumerate(quiz.questions, 1):
            rows.append(self._row(q, i, by_id.get(q.id, [])))
        self.list.children = tuple(rows)
        self.findings = findings
        self._summary(quiz)

    def _summary(self, quiz: Quiz) -> None:
        errors = sum(1 for f in self.findings if f.severity == "error")
        self.summary.value = (
            f"<p role='status'>{len(quiz.questions)} questions, {len(self.accepted())} accepted; "
            f"checks: {len(self.findings)} findings ({errors} errors).</p>"
        )

    def _row(self, q: Question, number: int, findings: list[Finding]) -> w.Widget:
        toggle = w.ToggleButtons(
            options=list(DECISIONS),
            value="Reject" if q.id in self.rejected else "Accept",
            description=f"Question {number}:",
            style=WIDE,
        )
        toggle.observe(lambda c, qid=q.id: self.decide(qid, str(c["new"])), names="value")
        self.decisions.append(toggle)
        edit = w.Button(description=f"Edit question {number}", layout=w.Layout(width="auto"))
        up = w.Button(
            description=f"Move question {number} up", layout=w.Layout(width="auto"), disabled=number == 1
        )
        down = w.Button(
            description=f"Move question {number} down",
            layout=w.Layout(width="auto"),
            disabled=self.quiz is not None and number == len(self.quiz.questions),
        )
        edit.on_click(lambda _b, qid=q.id: self.start_edit(qid))
        up.on_click(lambda _b, qid=q.id: self.move(qid, -1))
        down.on_click(lambda _b, qid=q.id: self.move(qid, +1))
        parts: list[w.Widget] = [w.HTML(question_html(q, number)), w.HTML(findings_html(findings))]
        if self.editing == q.id:
            self.form = EditForm(q, number, partial(self.apply, q.id), self.cancel_edit)
            parts.append(self.form.box)
        parts.append(w.HBox([toggle, edit, up, down]))
        box = w.VBox(parts, layout=w.Layout(border="1px solid #767676", padding="4px", margin="4px 0"))
        box.add_class("qk-review")
        return box

    def _index(self, qid: str) -> int:
        assert self.quiz is not None
        return next(i for i, q in enumerate(self.quiz.questions) if q.id == qid)

    # --- actions ----------------------------------------------------------------------------------------
    def decide(self, qid: str, decision: str) -> None:
        if decision == "Reject":
            self.rejected.add(qid)
        else:
            self.rejected.discard(qid)
        if self.quiz is not None:
            self._summary(self.quiz)

    def start_edit(self, qid: str) -> None:
        self.editing = qid
        if self.quiz is not None:
            self.show(self.quiz)

    def cancel_edit(self) -> None:
        self.editing = None
        if self.quiz is not None:
            self.show(self.quiz)

    def apply(self, qid: str, fields: Fields) -> bool:
        """Apply an edit: parsed, schema-checked and re-checked; a problem is one line and changes nothing."""
        if self.quiz is None:
            return False
        i = self._index(qid)
        try:
            new = edited(self.quiz.questions[i], fields, i + 1)
            qs = list(self.quiz.questions)
            qs[i] = new
            self.editing = None
            self._set(replace(self.quiz, questions=tuple(qs)))
        except QuizkitError as exc:
            self._status(f"Not changed: {exc}", ok=False)
            return False
        self._status(f"Question {i + 1} changed; checks rerun. Save to keep the change.", ok=True)
        return True

    def move(self, qid: str, step: int) -> None:
        if self.quiz is None:
            return
        i = self._index(qid)
        j = i + step
        if not 0 <= j < len(self.quiz.questions):
            return
        qs = list(self.quiz.questions)
        qs[i], qs[j] = qs[j], qs[i]
        self._set(replace(self.quiz, questions=tuple(qs)))
        self._status(f"Question {i + 1} is now question {j + 1}.", ok=True)

    def add(self, qtype: str) -> Question | None:
        if self.quiz is None:
            self._status("Generate or load a quiz first.", ok=False)
            return None
        q = blank_question(self.quiz, qtype)
        self.editing = q.id
        self._set(replace(self.quiz, questions=(*self.quiz.questions, q)))
        self._status(f"Added question {len(self.quiz.questions)}: fill it in and press Apply.", ok=True)
        return q

    def run_generate(self) -> None:
        path = resolve(self.article.value.strip())
        try:
            quiz = self.generate_fn(path, int(self.seed.value), int(self.count.value) or None)
            save_quiz(quiz, resolve(self.quiz_path.value.strip()))
        except QuizkitError as exc:
            self._status(f"Could not generate: {exc}", ok=False)
            return
        self.rejected, self.editing = set(), None
        self.article_obj = find_article(quiz, resolve(self.quiz_path.value.strip()))
        self.show(quiz)
        self._status(
            f"Generated {len(quiz.questions)} questions and saved them to {self.quiz_path.value}. Review them below.",
            ok=True,
        )

    def load(self) -> None:
        target = resolve(self.quiz_path.value.strip())
        try:
            quiz = load_quiz(target)
        except QuizkitError as exc:
            self._status(f"Could not load: {exc}", ok=False)
            return
        self.rejected, self.editing = set(), None
        self.article_obj = find_article(quiz, target)
        self.show(quiz)
        self._status(f"Loaded {len(quiz.questions)} questions.", ok=True)

    def accepted(self) -> tuple[Question, ...]:
        if self.quiz is None:
            return ()
        return tuple(q for q in self.quiz.questions if q.id not in self.rejected)

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
            result = replace(self.quiz, questions=kept)
            check_schema(result, where=str(target))
            save_quiz(result, target)
        except QuizkitError as exc:
            self._status(f"Not saved: {exc}", ok=False)
            return None
        dropped = len(self.quiz.questions) - len(kept)
        self.rejected, self.editing = set(), None
        self.show(result)
        self._status(f"Saved {len(kept)} questions to {target} ({dropped} rejected).", ok=True)
        return target
