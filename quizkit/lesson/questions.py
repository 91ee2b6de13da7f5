"""One question as widgets: a labelled input per type, "Check", feedback, and a hint from the evidence."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from quizkit.lesson.common import CORRECT, WRONG, esc, link
from quizkit.lesson.marking import Verdict, check, pairs
from quizkit.model import Question
from quizkit.versions import master_options

WIDE = {"description_width": "initial"}
PICK = "(choose)"


def hint_html(q: Question) -> str:
    """The evidence sentence for article questions; the source for context questions."""
    if q.evidence is not None:
        return f"<b>Hint — the article says:</b> <q>{esc(q.evidence.text)}</q>"
    if q.sources:
        links = ", ".join(link(s.url, s.title or None) for s in q.sources)
        return f"<b>Hint — look it up in:</b> {links}"
    return "<b>Hint:</b> reread the article."


class QuestionView:
    """Widgets for one question. ``response()`` is in the notebook answers format; ``check()`` marks it."""

    def __init__(self, question: Question, number: int) -> None:
        self.question = question
        self.number = number
        self.verdict: Verdict | None = None
        label = f"Question {number}"
        self.prompt = w.HTML(f"<p><b>{esc(label)}.</b> {esc(question.prompt)}</p>")
        self.inputs: list[w.Widget] = self._make_inputs(label)
        self.check_button = w.Button(description="Check", tooltip=f"Check your answer to question {number}")
        self.hint_button = w.Button(description="Hint", tooltip=f"Show a hint for question {number}")
        self.feedback = w.HTML(value="")
        self.hint = w.HTML(value="")
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.show_hint())
        buttons = w.HBox([self.check_button, self.hint_button])
        self.box = w.VBox(
            [self.prompt, *self.inputs, buttons, self.feedback, self.hint],
            layout=w.Layout(border="1px solid #BBBBBB", padding="6px", margin="6px 0"),
        )
        self.box.add_class("qk-question")

    # --- inputs per type -------------------------------------------------------------------------------
    def _make_inputs(self, label: str) -> list[w.Widget]:
        q = self.question
        if q.type == "multiple_choice":
            return [
                w.RadioButtons(
                    options=list(q.choices),
                    value=None,
                    description="Answer:",
                    style=WIDE,
                    layout=w.Layout(width="auto"),
                )
            ]
        if q.type == "true_false":
            return [w.RadioButtons(options=["True", "False"], value=None, description="Answer:", style=WIDE)]
        if q.type in ("fill_blank", "short_answer"):
            return [w.Text(description="Your answer:", placeholder="type here", style=WIDE)]
        if q.type == "open":
            return [
                w.Textarea(
                    description="Your answer:",
                    placeholder="write a few sentences",
                    style=WIDE,
                    layout=w.Layout(width="95%", height="7em"),
                )
            ]
        if q.type == "matching":
            rights = list(master_options(q))  # the stored display order, as in show and the printouts
            return [
                w.Dropdown(options=[PICK, *rights], value=PICK, description=f"{a} →", style=WIDE)
                for a, _b in pairs(q)
            ]
        if q.type == "ordering":
            order = list(master_options(q))
            return [
                w.Dropdown(options=[PICK, *order], value=PICK, description=f"{i}.", style=WIDE)
                for i in range(1, len(order) + 1)
            ]
        raise ValueError(f"{label}: unknown question type {q.type!r}")

    def response(self) -> Any:
        """The current answer in the saved-answers format, or None when unanswered."""
        q = self.question
        values = [getattr(x, "value", None) for x in self.inputs]
        if q.type == "multiple_choice":
            return values[0]
        if q.type == "true_false":
            return None if values[0] is None else values[0] == "True"
        if q.type in ("fill_blank", "short_answer", "open"):
            text = str(values[0] or "").strip()
            return text or None
        if q.type == "matching":
            chosen_pairs = [[a, v] for (a, _b), v in zip(pairs(q), values, strict=True) if v != PICK]
            return chosen_pairs or None
        chosen = [v for v in values if v != PICK]
        return chosen or None

    def check(self) -> Verdict:
        """Mark the current answer and show the feedback (blue tick / vermillion cross, words too)."""
        v = check(self.question, self.response())
        self.verdict = v
        colour = CORRECT if v.correct else (WRONG if v.correct is False else "#000000")
        mark = "✔ " if v.correct else ("✘ " if v.correct is False else "✎ ")
        self.feedback.value = (
            f'<p class="qk-feedback" role="status" style="color:{colour}"><b>{mark}{esc(v.message)}</b></p>'
        )
        if v.correct is False and v.points < v.max_points and not v.message.startswith("Not answered"):
            self.show_hint()
        return v

    def show_hint(self) -> None:
        self.hint.value = f'<p class="qk-hint">{hint_html(self.question)}</p>'
