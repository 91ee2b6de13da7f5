"""The data model: frozen dataclasses shared by every step of the pipeline.

Nothing here does I/O; ``quizkit.quizfile`` loads and saves quizzes and version maps.
A changed object is a new object made with ``dataclasses.replace``, never a mutation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

SCHEMA_VERSION = "1.0"

QuestionType = Literal[
    "multiple_choice", "true_false", "fill_blank", "short_answer", "matching", "ordering", "open"
]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "multiple_choice",
    "true_false",
    "fill_blank",
    "short_answer",
    "matching",
    "ordering",
    "open",
)
CLOSED_TYPES: tuple[QuestionType, ...] = QUESTION_TYPES[:-1]
TYPE_LABELS: dict[str, str] = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "fill_blank": "Fill in the blank",
    "short_answer": "Short answer",
    "matching": "Matching",
    "ordering": "Ordering",
    "open": "Open question",
}
"""How each type is named to people (printouts, listings, notebooks)."""
TYPE_CODES: dict[str, str] = {
    "multiple_choice": "mc",
    "true_false": "tf",
    "fill_blank": "fb",
    "short_answer": "sa",
    "matching": "ma",
    "ordering": "or",
    "open": "op",
}
"""Two-letter codes used in question ids."""
BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")

Pair: TypeAlias = tuple[str, str]
Answer: TypeAlias = str | bool | tuple[str, ...] | tuple[Pair, ...]
"""multiple_choice: text of the correct choice; true_false: bool; fill_blank/short_answer: str;
matching: ((left, right), ...); ordering: items in the right order; open: the rubric's key points."""


# --- the article -------------------------------------------------------------------------------------


BlockKind = Literal["heading", "paragraph", "quote", "summary"]


@dataclass(frozen=True, slots=True)
class Block:
    """One structural piece of the article body; ``start``/``end`` are offsets into ``Article.body``."""

    kind: BlockKind
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the body and whether the article says who said it."""

    text: str
    start: int
    end: int
    attributed: bool
    speaker: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A news article after reading: metadata apart from the body, boilerplate removed."""

    title: str
    body: str
    """The cleaned body: blocks joined by a blank line. Evidence offsets point into this string."""
    blocks: tuple[Block, ...]
    publisher: str = ""
    date: str = ""
    """ISO date (YYYY-MM-DD) when known, else empty."""
    byline: str = ""
    url: str = ""
    path: str = ""
    quotes: tuple[Quote, ...] = ()
    summary: str = ""
    """The author's summary (also present in ``blocks`` as kind "summary"), or empty."""
    removed: tuple[str, ...] = ()
    """Lines dropped as boilerplate, kept so a teacher can see what was stripped."""


# --- the quiz ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact source sentence; ``body[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a context fact comes from."""

    url: str
    as_of: str
    """ISO date on which the source was checked."""
    title: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """One question; only ``id``, ``type``, ``prompt`` and ``answer`` are required (plus choices for MC)."""

    id: str
    type: QuestionType
    prompt: str
    answer: Answer
    choices: tuple[str, ...] = ()
    """The lettered options in display order (A, B, …), the one order every view and the grader use.
    multiple_choice: all options incl. the key. matching: the right-hand column, every right item of the
    answer once plus any extra items. ordering: the items, a shuffle of the answer. For matching and
    ordering it may be left out (or, for matching, hold only the extra items): loading or saving the quiz
    then stores a fixed order (``quizkit.versions.settle_display_order``)."""
    accepted_answers: tuple[str, ...] = ()
    evidence: Evidence | None = None
    origin: Literal["article", "context"] = "article"
    sources: tuple[Citation, ...] = ()
    bloom: str = "remember"
    difficulty: float = 0.5
    """Estimated share of students who get it wrong: 0 easy ... 1 hard."""
    points: float = 1.0
    explanation: str = ""
    tags: tuple[str, ...] = ()
    """Free labels, e.g. "vocabulary", "media-literacy", "who"."""
    quality: float | None = None
    """The generator's estimate (0-1) that a teacher would print the question as it stands: the sentence's
    importance in the article and the question kind's record with reviewers. None: not rated (written by
    hand, or a curated context question)."""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """The article a quiz was made from."""

    title: str = ""
    publisher: str = ""
    date: str = ""
    path: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Quiz:
    """A question bank. ``schema_version`` follows ``SCHEMA_VERSION``."""

    title: str
    questions: tuple[Question, ...]
    source: SourceInfo = field(default_factory=SourceInfo)
    schema_version: str = SCHEMA_VERSION
    seed: int | None = None

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


# --- printed versions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VersionItem:
    """Printed question ``number`` (1-based) is master question ``question_id``.

    ``order[i]`` is the index, in the master question's ``choices`` (its display order), of what this
    version prints as letter i: a choice, a right-hand item or an item to order. Empty for other types.
    """

    number: int
    question_id: str
    order: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Version:
    """One shuffled version (letter A, B, ...)."""

    letter: str
    items: tuple[VersionItem, ...]
    code: str = ""
    """Printed on every copy, e.g. "B·7F3K": the letter and four characters tied to this map and quiz."""


@dataclass(frozen=True, slots=True)
class VersionMap:
    """Which master question and option every printed number and letter is, for each version."""

    quiz_title: str
    seed: int
    versions: tuple[Version, ...]
    schema_version: str = SCHEMA_VERSION
    quiz_fingerprint: str = ""
    """What the letters depend on in the quiz it was made from (ids, types, option lists in display order);
    the grader refuses the map for a quiz whose fingerprint differs (``quizkit.versions.quiz_fingerprint``)."""
    question_fingerprints: tuple[tuple[str, str], ...] = ()
    """(question id, its own fingerprint) for each question, so a refusal can name what changed."""


# --- the knowledge base --------------------------------------------------------------------------------


FactKind = Literal["date", "person", "place", "organisation", "number", "membership", "event"]


@dataclass(frozen=True, slots=True)
class FactSource:
    """A page that states a fact: its exact URL, a title, and a one-sentence quote from it containing the key."""

    url: str
    title: str
    excerpt: str
    """Quoted word for word from the page; it contains the fact's answer (or one of its accepted forms)."""
    state_media: bool = False
    """A state-owned outlet (TASS, Kazinform...): a fact backed only by such sources says so in its question."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One checked fact about the world, in our own words, with its sources."""

    id: str
    statement: str
    kind: FactKind
    entities: tuple[str, ...]
    """Canonical entity names the fact is about (keys of the alias table)."""
    source_url: str
    as_of: str
    subject: str = ""
    """The entity the fact is mainly about, e.g. "Kazakhstan"."""
    question: str = ""
    """A question this fact answers, in our own words."""
    answer: str = ""
    """The short answer to ``question`` (a name, date, number...)."""
    answer_kind: str = ""
    """What kind of thing the answer is, for distractors: country, capital, person, organisation, year..."""
    topics: tuple[str, ...] = ()
    relation: str = ""
    """Facts with the same relation form a matching set, subject <-> answer (e.g. "capital_of")."""
    accepted: tuple[str, ...] = ()
    """Every other right form of the answer (the city for a venue, other spellings, other published dates)."""
    review_by: str = ""
    """For facts that change (leaders, populations, rankings): re-check before this ISO date."""
    sources: tuple[FactSource, ...] = ()
    """The pages that state the fact; ``source_url`` is the first one's URL."""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event for ordering questions and the lesson's timeline."""

    id: str
    date: str
    """ISO date; YYYY-MM or YYYY when the day is not known."""
    label: str
    source_url: str
    as_of: str
    entities: tuple[str, ...] = ()
