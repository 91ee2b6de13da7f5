"""Grade normalised sheets: one Mark per question per student, teacher scores applied, duplicates flagged.

Marks are memoised per (question, response): in a class most responses repeat, so each distinct answer is
scored once (this is what keeps 10,000 students × 30 questions well under two seconds).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from quizkit.grade.match import Matcher
from quizkit.grade.score import SCORERS, rubric_hints, text_judgement
from quizkit.grade.sheets import Batch, Response, Sheet, TeacherScores
from quizkit.model import Question, Quiz

Verdict = Literal["correct", "incorrect", "partial", "blank", "needs_review"]
TEXT_TYPES = ("fill_blank", "short_answer")
TEACHER_NOTE = "teacher's score"


@dataclass(frozen=True, slots=True)
class Mark:
    """The outcome for one answer. ``points`` is 0 for blank and for answers still needing review."""

    question_id: str
    typed: str
    verdict: Verdict
    points: float
    max_points: float
    note: str = ""
    suggested: float | None = None
    """For needs_review: the score the rubric hints suggest."""
    response: Response | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """One graded sheet."""

    sheet: Sheet
    marks: tuple[Mark, ...]
    score: float
    max_score: float
    blanks: int
    needs_review: int
    duplicates: tuple[str, ...] = ()
    """Sources of the other sheets with the same student_id (empty when the id is unique)."""

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


def _verdict(points: float, max_points: float) -> Verdict:
    if points >= max_points:
        return "correct"
    return "incorrect" if points <= 0 else "partial"


class Grader:
    """Grades sheets against one quiz; holds the matchers and the memo of marks."""

    def __init__(self, quiz: Quiz, teacher_scores: TeacherScores | None = None) -> None:
        self.quiz = quiz
        self.teacher = teacher_scores or {}
        others = _quiz_names(quiz)
        self.matchers = {
            q.id: Matcher(str(q.answer), q.accepted_answers, others=others, prompt=q.prompt)
            for q in quiz.questions
            if q.type in TEXT_TYPES
        }
        self._memo: dict[int, tuple[Response, Mark]] = {}
        self.max_score = sum(q.points for q in quiz.questions)
        self._blank: dict[str, Mark] = {}

    def mark(self, q: Question, response: Response | None) -> Mark:
        """The Mark for one response (no teacher score applied)."""
        if response is None:
            blank = self._blank.get(q.id)
            if blank is None:
                blank = self._blank[q.id] = Mark(q.id, "", "blank", 0.0, q.points, "no answer", None, None)
            return blank
        # Responses read from CSV are shared objects (one per distinct cell), so identity is a cheap key;
        # the memo keeps each response alive, so an id is never reused while it is in the memo.
        hit = self._memo.get(id(response))
        if hit is None or hit[0] is not response:
            hit = (response, self._mark(q, response))
            self._memo[id(response)] = hit
        return hit[1]

    def _mark(self, q: Question, response: Response) -> Mark:
        value = response.value
        if value is None:
            return Mark(q.id, response.typed, "blank", 0.0, q.points, "no answer", None, response)
        if q.type in TEXT_TYPES:
            score, judgement = text_judgement(q, value, self.matchers[q.id])
            if score is None:
                return Mark(
                    q.id, response.typed, "needs_review", 0.0, q.points, judgement.reason, q.points, response
                )
            return Mark(
                q.id, response.typed, _verdict(*score), score[0], q.points, judgement.reason, None, response
            )
        if q.type == "open":
            hint = rubric_hints(q, value)
            touched = "; ".join(hint.touched) or "none"
            note = f"rubric points touched: {touched}"
            return Mark(q.id, response.typed, "needs_review", 0.0, q.points, note, hint.suggested, response)
        score = SCORERS[q.type](q, value)
        if score is None:
            return Mark(q.id, response.typed, "needs_review", 0.0, q.points, "", None, response)
        note = "" if score[0] >= score[1] else _why(q, value)
        return Mark(q.id, response.typed, _verdict(*score), score[0], q.points, note, None, response)

    def grade(self, sheet: Sheet) -> Result:
        marks: list[Mark] = []
        score = 0.0
        blanks = review = 0
        get = sheet.answers.get
        for q in self.quiz.questions:
            m = self.mark(q, get(q.id))
            if self.teacher:
                teacher = self.teacher.get((sheet.student_id, q.id, sheet.source))
                if teacher is None:
                    teacher = self.teacher.get((sheet.student_id, q.id, ""))
                if teacher is not None:
                    m = Mark(
                        q.id,
                        m.typed,
                        _verdict(teacher, q.points),
                        teacher,
                        q.points,
                        TEACHER_NOTE,
                        None,
                        m.response,
                    )
            marks.append(m)
            score += m.points
            if m.verdict == "blank":
                blanks += 1
            elif m.verdict == "needs_review":
                review += 1
        return Result(sheet, tuple(marks), round(score, 4), self.max_score, blanks, review)


def _why(q: Question, value: object) -> str:
    if q.type == "multiple_choice" and isinstance(value, str) and value not in q.choices:
        return "not one of the options"
    if q.type == "true_false" and not isinstance(value, bool):
        return "not true or false"
    return ""


def _quiz_names(quiz: Quiz) -> tuple[str, ...]:
    """Names the quiz itself offers (options, other answers): more confusables for short answers."""
    names: list[str] = []
    for q in quiz.questions:
        if q.type == "multiple_choice":
            names.extend(q.choices)
        elif q.type in TEXT_TYPES:
            names.append(str(q.answer))
    return tuple(dict.fromkeys(n for n in names if len(n) <= 60))


def grade_batch(quiz: Quiz, batch: Batch, teacher_scores: TeacherScores | None = None) -> tuple[Result, ...]:
    """Grade every sheet; sheets sharing a student_id are all kept and marked as duplicates."""
    grader = Grader(quiz, teacher_scores)
    results = [grader.grade(s) for s in batch.sheets]
    by_id: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(results):
        by_id[r.sheet.student_id.strip().casefold()].append(i)
    for idx in by_id.values():
        if len(idx) > 1:
            for i in idx:
                others = tuple(results[j].sheet.source for j in idx if j != i)
                r = results[i]
                results[i] = Result(r.sheet, r.marks, r.score, r.max_score, r.blanks, r.needs_review, others)
    return tuple(results)
