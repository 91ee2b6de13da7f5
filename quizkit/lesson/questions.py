"""One question as widgets: a labelled input per type, Check (practice) or Submit (assessment), and hints.

Practice mode: Check as often as you like; a hint first points to the paragraph, and only after a wrong try
shows the article's sentence. Assessment mode: Submit, up to ``tries`` times; the inputs lock once the answer
is right or the tries are used up, and only then do the feedback, the key and the rubric appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as w
from traitlets import TraitError

from quizkit.lesson.common import CORRECT, WRONG_TEXT, esc, link
from quizkit.lesson.marking import Verdict, check, pairs
from quizkit.model import Question
from quizkit.versions import master_options

WIDE = {"description_width": "initial"}
PICK = "(choose)"
Mode = Literal["practice", "assessment"]
MODE_NAMES: tuple[Mode, ...] = ("practice", "assessment")
CHOICE_LAYOUT = {"width": "auto", "min_width": "24em", "max_width": "95%"}


def paragraph_of(q: Question) -> str | None:
    """Where the generator said the evidence is ("paragraph 4, under "Heading""), from the explanation."""
    m = re.search(r'\((paragraph \d+(?:, under "[^"]*")?|the author\'s summary)\)', q.explanation)
    return m.group(1) if m else None


def pointer_html(q: Question) -> str:
    """A first hint that points where to look without showing the sentence that holds the answer."""
    if q.origin == "context" and q.sources:
        links = ", ".join(link(s.url, s.title or None) for s in q.sources)
        return f"<b>Hint — look it up in:</b> {links}"
    where = paragraph_of(q)
    if where is not None:
        return f"<b>Hint:</b> reread the article, {esc(where)}."
    return "<b>Hint:</b> the answer is in one sentence of the article; reread it slowly."


def hint_html(q: Question) -> str:
    """The full hint, after an attempt: the evidence sentence for article questions, else the source."""
    if q.evidence is not None:
        return f"<b>Hint — the article says:</b> <q>{esc(q.evidence.text)}</q>"
    return pointer_html(q)


def _dropdowns(options: list[str], labels: list[str]) -> list[Any]:
    """One labelled dropdown per left-hand item (matching) or position (ordering), over the same options."""
    return [
        w.Dropdown(
            options=[PICK, *options],
            value=PICK,
            description=label,
            style=WIDE,
            layout=w.Layout(**CHOICE_LAYOUT),
        )
        for label in labels
    ]


class QuestionView:
    """Widgets for one question. ``response()`` is in the notebook answers format; ``check()`` marks it."""

    def __init__(
        self,
        question: Question,
        number: int,
        *,
        mode: Mode = "practice",
        tries: int = 1,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.question = question
        self.number = number
        self.mode: Mode = mode
        self.tries = max(1, tries)
        self.attempts = 0
        self.hints_used = 0
        self.locked = False
        self.on_change = on_change or (lambda: None)
        self.verdict: Verdict | None = None
        self.prompt_id = "qk-prompt-" + re.sub(r"[^A-Za-z0-9_-]", "-", question.id)
        self.prompt = w.HTML(
            f'<p id="{esc(self.prompt_id)}" class="qk-prompt"><b>Question {number}.</b> {esc(question.prompt)}</p>'
        )
        self.inputs: list[w.Widget] = self._make_inputs()
        verb = "Submit" if mode == "assessment" else "Check"
        self.check_button = w.Button(
            description=f"{verb} question {number}",
            tooltip=f"{verb} your answer to question {number}",
            layout=w.Layout(width="auto"),
        )
        self.hint_button = w.Button(
            description=f"Hint for question {number}",
            tooltip=f"Show a hint for question {number}",
            layout=w.Layout(width="auto"),
        )
        self.feedback = w.HTML(value="")
        self.hint = w.HTML(value="")
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.show_hint())
        for x in self.inputs:
            x.observe(lambda _c: self.on_change(), names="value")
        buttons = w.HBox([self.check_button, self.hint_button])
        self.box = w.VBox(
            [self.prompt, *self.inputs, buttons, self.feedback, self.hint],
            layout=w.Layout(border="1px solid #767676", padding="6px", margin="6px 0"),
        )
        self.box.add_class("qk-question")

    # --- inputs per type -------------------------------------------------------------------------------
    def _make_inputs(self) -> list[w.Widget]:
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
        if q.type == "matching":  # the stored display order, as in show and the printouts
            return _dropdowns(list(master_options(q)), [f"{a} →" for a, _b in pairs(q)])
        if q.type == "ordering":
            order = list(master_options(q))
            return _dropdowns(order, [f"{i}." for i in range(1, len(order) + 1)])
        raise ValueError(f"question {self.number}: unknown question type {q.type!r}")

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

    def restore(self, response: Any, *, attempts: int = 0, hints: int = 0) -> None:
        """Put a saved answer back in the inputs (after a reload), with its attempts and hints."""
        q = self.question
        try:
            if q.type in ("multiple_choice", "fill_blank", "short_answer", "open") and response is not None:
                self.inputs[0].value = str(response)
            elif q.type == "true_false" and isinstance(response, bool):
                self.inputs[0].value = "True" if response else "False"
            elif q.type == "matching" and isinstance(response, list):
                chosen = {str(p[0]): str(p[1]) for p in response if isinstance(p, list) and len(p) == 2}
                for (a, _b), dd in zip(pairs(q), self.inputs, strict=True):
                    dd.value = chosen.get(a, PICK)
            elif q.type == "ordering" and isinstance(response, list):
                for dd, v in zip(self.inputs, response, strict=False):
                    dd.value = str(v)
        except TraitError:  # a saved value the options no longer hold: leave that input blank
            pass
        self.attempts, self.hints_used = max(0, attempts), max(0, hints)
        if self.mode == "assessment" and self.attempts:
            v = check(self.question, self.response())
            if v.correct or self.attempts >= self.tries:
                self._lock()

    def check(self) -> Verdict:
        """Mark the current answer and show the feedback (words first; a tick or a cross only when marked)."""
        if self.locked:
            return self.verdict or check(self.question, self.response(), final=True)
        v = check(self.question, self.response())
        if not v.answered:
            self._show(v)
            return v
        self.attempts += 1
        if self.mode == "assessment":
            if v.correct or self.attempts >= self.tries:
                self._lock()
                self.on_change()
                return self.verdict or v
            left = self.tries - self.attempts
            self.verdict = None
            self.feedback.value = (
                f'<p class="qk-feedback" role="status"><b>Submitted ({self.attempts} of {self.tries} tries). '
                f"You may change your answer and submit again ({left} {'try' if left == 1 else 'tries'} left).</b></p>"
            )
            self.on_change()
            return v
        self._show(v)
        if v.correct is False and self.question.evidence is not None:
            self.hint.value = f'<p class="qk-hint">{hint_html(self.question)}</p>'
        self.on_change()
        return v

    def _lock(self) -> None:
        """Assessment: no more changes; show the feedback with the key and the rubric."""
        self.locked = True
        for x in (*self.inputs, self.check_button, self.hint_button):
            x.disabled = True
        v = check(self.question, self.response(), final=True)
        self._show(v)
        if self.question.evidence is not None:
            self.hint.value = f'<p class="qk-hint">{hint_html(self.question)}</p>'

    def _show(self, v: Verdict) -> None:
        self.verdict = v if v.answered else None
        colour = CORRECT if v.correct else (WRONG_TEXT if v.correct is False else "#000000")
        mark = "✔ " if v.correct else ("✘ " if v.correct is False else "")
        self.feedback.value = (
            f'<p class="qk-feedback" role="status" style="color:{colour}"><b>{mark}{esc(v.message)}</b></p>'
        )

    def show_hint(self) -> None:
        """First the pointer; the sentence itself only after an attempt in practice mode."""
        self.hints_used += 1
        full = self.mode == "practice" and self.attempts > 0
        self.hint.value = (
            f'<p class="qk-hint">{hint_html(self.question) if full else pointer_html(self.question)}</p>'
        )
        self.on_change()
