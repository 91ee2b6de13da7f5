"""The reading notebook: the article in sections, a check after each (instant feedback, evidence as hint)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as w

from quizkit.article import read_article
from quizkit.errors import InputError
from quizkit.lesson.common import Source, esc, find_article, references_html, resolve
from quizkit.lesson.glossary import GlossaryView
from quizkit.lesson.questions import QuestionView
from quizkit.lesson.style import large_text_toggle
from quizkit.model import Article, Block, Question, Quiz
from quizkit.quizfile import load_quiz

CHECK_TYPES = ("multiple_choice", "true_false", "fill_blank", "short_answer")
PER_SECTION = 2


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (may be empty for the opening) and the blocks under it; ``start``/``end`` are body offsets."""

    heading: str
    blocks: tuple[Block, ...]
    start: int
    end: int


def sections(article: Article) -> tuple[Section, ...]:
    """Split the body at its headings; text before the first heading is the opening section."""
    out: list[Section] = []
    heading = ""
    current: list[Block] = []

    def close() -> None:
        if current:
            out.append(Section(heading, tuple(current), current[0].start, current[-1].end))

    for b in article.blocks:
        if b.kind == "heading":
            close()
            heading, current = b.text, []
        else:
            current.append(b)
    close()
    return tuple(out)


def checks_for(
    section: Section, questions: Sequence[Question], *, limit: int = PER_SECTION
) -> list[Question]:
    """Closed comprehension questions whose evidence lies in the section, easiest first, of different types
    when the section has them."""
    inside = [
        q
        for q in questions
        if q.origin == "article"
        and q.type in CHECK_TYPES
        and q.evidence is not None
        and section.start <= q.evidence.start < section.end + 1
    ]
    inside.sort(key=lambda q: (q.difficulty, q.evidence.start if q.evidence else 0))
    picked: list[Question] = []
    for (
        q
    ) in inside:  # one of each type first: two statements in a row check less than a statement and a choice
        if len(picked) < limit and all(p.type != q.type for p in picked):
            picked.append(q)
    picked += [q for q in inside if q not in picked][: limit - len(picked)]
    return sorted(picked, key=inside.index)


def reading_check_ids(article: Article, quiz: Quiz) -> frozenset[str]:
    """The ids the reading notebook asks after each part (the quiz notebook can leave them out)."""
    return frozenset(q.id for sec in sections(article) for q in checks_for(sec, quiz.questions))


def block_html(b: Block, number: int | None = None) -> str:
    """One block; ``number`` is its paragraph number as the hints count them (headings not counted)."""
    tag = f"<b class='qk-para'>{number}.</b> " if number is not None else ""
    if b.kind == "quote":
        return f"<blockquote>{tag}{esc(b.text)}</blockquote>"
    if b.kind == "summary":
        return f"<p>{tag}<i>{esc(b.text)}</i></p>"
    return f"<p>{tag}{esc(b.text)}</p>"


class ReadingLesson:
    """The article section by section, each followed by its reading check; a glossary at the end."""

    def __init__(self, article: Article, quiz: Quiz) -> None:
        self.article = article
        self.quiz = quiz
        self.sections = sections(article)
        self.views: list[QuestionView] = []
        parts: list[w.Widget] = [large_text_toggle()]
        meta = " · ".join(x for x in (article.publisher, article.date) if x)
        parts.append(w.HTML(f"<h2>{esc(article.title)}</h2><p>{esc(meta)}</p>"))
        n = para = 0
        for i, sec in enumerate(self.sections, 1):
            title = sec.heading or "Opening"
            body = ""
            for b in sec.blocks:
                para += 1
                body += block_html(b, para)
            parts.append(w.HTML(f"<h3>Part {i}: {esc(title)}</h3>{body}"))
            checks = checks_for(sec, quiz.questions)
            if checks:
                parts.append(w.HTML(f"<h4>Check your reading (part {i})</h4>"))
            for q in checks:
                n += 1
                view = QuestionView(q, n)
                self.views.append(view)
                parts.append(view.box)
        self.glossary = GlossaryView()
        parts.append(self.glossary.box)
        self.box = w.VBox(parts)
        self.box.add_class("qk-reading")

    @classmethod
    def from_files(cls, article_path: str | Path, quiz_path: str | Path) -> ReadingLesson:
        """Paths relative to the notebook's folder."""
        return cls(read_article(resolve(article_path)), load_quiz(resolve(quiz_path)))

    @classmethod
    def from_quiz(cls, quiz_path: str | Path) -> ReadingLesson:
        """The quiz file (relative to the notebook's folder) and the article it names (``source.path``)."""
        path = resolve(quiz_path)
        quiz = load_quiz(path)
        article = find_article(quiz, path)
        if article is None:
            raise InputError(
                f"the article {quiz.source.path!r} named by the quiz was not found",
                where=str(path),
                fix="put the article beside the quiz, or use ReadingLesson.from_files(article, quiz)",
            )
        return cls(article, quiz)

    def sources(self) -> tuple[Source, ...]:
        art = self.article
        label = f"Article: {art.title}" + (f" ({art.publisher}, {art.date})" if art.publisher else "")
        return (Source(label, art.url, ""), *self.glossary.sources())

    def references(self) -> w.HTML:
        return w.HTML(references_html(self.sources()))
