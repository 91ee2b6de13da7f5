"""Comprehension questions from an article: analyse, generate candidates per type, check, select.

``generate_quiz(article, ...)`` returns a ``Generated``: the quiz, the candidates the quality gate dropped
(with the reason) and warnings (e.g. why there are fewer questions than asked).
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from quizkit.analysis import Analysis, Sentence, analyse, focus
from quizkit.errors import GenerationError
from quizkit.generate import (
    actions,
    fill_blank,
    importance,
    metadata,
    multiple_choice,
    numbers,
    open,
    ordering,
    ranker,
    said,
    select,
    short_answer,
    syntax,
    true_false,
    vocabulary,
    written,
)
from quizkit.generate.common import Candidate
from quizkit.model import QUESTION_TYPES, Article, Question, Quiz, SourceInfo

DEFAULT_CONTEXT_SHARE = 1 / 3
WORDS_PER_QUESTION = 27
MIN_TOTAL, MAX_TOTAL = 8, 25
"""The default quiz follows the text: about one question per 27 words of body, 8 to 25 in all."""
SENTENCES_PER_QUESTION, MIN_SENTENCES = 6, 60
"""Sentences mined for candidates per question asked: a long article is sampled, so generation time stays
flat while the parse grows with the text."""

GENERATORS: tuple[Callable[[Analysis, random.Random], Iterator[Candidate]], ...] = (
    multiple_choice.candidates,
    true_false.candidates,
    fill_blank.candidates,
    short_answer.candidates,
    ordering.candidates,
    open.candidates,
    said.candidates,
    actions.candidates,
    written.candidates,
    numbers.candidates,
    vocabulary.candidates,
    metadata.candidates,
)
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "was",
        "are",
        "it",
        "from",
        "at",
        "be",
        "this",
        "has",
        "have",
    ]
)


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated quiz, what the quality gate dropped (summary, reason) and warnings for the user."""

    quiz: Quiz
    dropped: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    main_points: tuple[int, ...] = ()
    """Paragraph numbers of the article's main sentences (its most important third, ``importance``)."""
    covered: tuple[int, ...] = ()
    """Those of them some article question asks about."""
    retry_count: int = 0
    """A default quiz that left candidates out for their estimated quality: the count that takes them (0:
    none were left out, or a count was asked for)."""


def default_total(analysis: Analysis) -> int:
    """How many questions a quiz on this article has by default (article and context together)."""
    return max(MIN_TOTAL, min(MAX_TOTAL, round(analysis.words / WORDS_PER_QUESTION)))


def default_article_count(analysis: Analysis, share: float = DEFAULT_CONTEXT_SHARE) -> int:
    """How many article questions to aim for by default: the default total less the context share; fewer
    are made when the article does not support more good ones (no padding)."""
    total = default_total(analysis)
    return max(1, total - round(total * share))


def check_english(article: Article) -> None:
    words = re.findall(r"[a-z]+", article.body.lower())
    if len(words) >= 8 and sum(w in _ENGLISH for w in words) / len(words) < 0.06:
        raise GenerationError(
            "the article does not look like English text",
            where=article.path or article.title,
            fix="quizkit reads English news articles; give an English text",
        )


def candidates(analysis: Analysis, types: Sequence[str] | None, seed: int) -> list[Candidate]:
    """Every candidate question the article gives, of the allowed types."""
    out: list[Candidate] = []
    for gen in GENERATORS:
        if gen is metadata.candidates and types is None:
            continue  # "When was this article published?" tests nothing of the text: only when types are chosen
        rng = random.Random(f"{seed}:{gen.__module__}")
        out.extend(c for c in gen(analysis, rng) if types is None or c.question.type in types)
    return out


def _gate(article: Article) -> tuple[Callable[[Question], str | None], Callable[[Quiz], dict[str, str]]]:
    """The check helper's quality gate as two functions: per question and across the quiz."""
    from quizkit.check import check_question, check_quiz

    def one(q: Question) -> str | None:
        found = [
            f
            for f in check_question(q, article)
            if f.severity == "error" or (q.origin == "article" and f.check not in EVIDENCE_ONLY)
        ]
        return f"{found[0].check}: {found[0].message}" if found else None  # precision first: warnings too

    def whole(quiz: Quiz) -> dict[str, str]:
        bad: dict[str, str] = {}
        for f in check_quiz(quiz, article):
            if f.question_id and (f.severity == "error" or f.check in STRICT_QUIZ_CHECKS):
                bad.setdefault(f.question_id, f"{f.check}: {f.message}")
        return bad

    return one, whole


def _context(article: Article, n: int, seed: int, warnings: list[str], media: int = 0) -> list[Question]:
    if n <= 0:
        return []
    from quizkit.knowledge.context import context_questions

    got = list(context_questions(article, count=n, seed=seed, media=media))[:n]
    if not any("media-literacy" not in q.tags for q in got):
        warnings.append(
            "no context questions from the knowledge base: the article is not about what it covers "
            "(Central Asia, the Abraham Accords, the C5+1...), and context on something else would mislead"
        )
    elif len(got) < n:
        warnings.append(
            f"the knowledge base gave {len(got)} context question{'' if len(got) == 1 else 's'} of the {n} asked "
            "(only facts tied to the article's main points, and nothing the article already says)"
        )
    return got


SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", ")", "'")
_LIST_NUMBER = re.compile(r"(?:^|\s)\d{1,2}\.(?=\s|$)")
"""An item number of a list ("1. Finland"), not a decimal ("2.7")."""
EVIDENCE_ONLY = frozenset({"answer_not_in_evidence"})
"""Warnings about the evidence span (an ordering's dates spread over sections), not about what students read."""
STRICT_QUIZ_CHECKS = frozenset({"gives_away_answer", "same_answer_twice"})
"""Quiz-wide warnings the generator does not leave in a quiz it makes: the question that names another's
answer (or repeats it) goes, and another takes its place."""


ASKED_ONLY = frozenset({"multiple_choice", "fill_blank", "short_answer", "action"})
"""Groups a default quiz leaves out (the dev ratings, all rounds): "which person/place/year…" multiple
choice on a name (7 of 60 acceptable: the wrong options were also right, of another kind, or the name was
trivia); a blank on a name, place or number (79 of 273: a side name is trivia, a blank in a long copied
sentence tests matching, and no kind of key or sentence rank reached one in two); a "who/where/when…" short
answer (27 of 111, for the same reasons); "what did they do?" (4 of 14 on dev and fresh pages: the wrong
options are fragments of other clauses, "made 30 saves and Minnesota"). Who said it (a short answer, 49 of
59) is its own group and stays."""


def asked_only(c: Candidate) -> bool:
    """Kinds a default quiz leaves out (``ASKED_ONLY``) and the open "explain why …" built from a *because*
    clause (0 of 9). Multiple choice still comes from who said it, how many and vocabulary, and the open
    question that asks the headline's own "why" stays; ``--types fill_blank`` (or
    ``multiple_choice``, ``short_answer``, ``open``) brings the rest back."""
    if c.group in ASKED_ONLY:
        return True
    if c.group == "true_false" and true_false.NAME_SWAP_TAG in c.question.tags:
        return True  # another name in one's place: 2 of 11 acceptable on dev and test since step 10
    if c.group == "true_false" and true_false.NUMBER_CHANGE_TAG in c.question.tags:
        return True  # a side figure changed below the lead: trivia (39 of 116 on the dev and fresh pages)
    if true_false.short_true(c.question):
        return True  # a short copied clause: 27 % on the dev and fresh pages
    if numbers.EXACT_TAG in c.question.tags:
        return True  # an exact count below the lead: a box score or a side tally (3 of 19)
    if said.reported_claim(c):
        return True  # "who said that <a reported claim>?": 14 of 46 since step 18 (quotations 16 of 23);
        # only a main point no other question asks about takes one (``_cover_main_points``)
    return c.group == "open" and open.HEADLINE_TAG not in c.question.tags


OFF_TOPIC_KINDS = frozenset({"region", "year", "date", "number"})
"""Continents and broad regions ("Europe") link any article to any fact: they do not make a fact relevant."""


def on_topic(questions: Sequence[Question], analysis: Analysis) -> list[Question]:
    """Context questions that name something the article itself names (a country, person, organisation,
    agreement…); media-literacy items are about the article and always stay. The knowledge base covers one
    region, so on news far from it (an election in Norway, a space mission) its facts would be off-topic."""
    from quizkit.check.text import mentions, names_of

    kinds: dict[str, str] = {}
    for s in analysis.sentences:
        for m in s.mentions:
            kinds.setdefault(m.canonical, m.kind)
    names = [n for c, k in kinds.items() if k not in OFF_TOPIC_KINDS for n in names_of(c)]
    out = []
    for q in questions:
        shown = " ".join([q.prompt, *q.choices, q.answer if isinstance(q.answer, str) else "", q.explanation])
        if "media-literacy" in q.tags or any(mentions(shown, n) for n in names):
            out.append(q)
    return out


def _ids(questions: Iterable[Question]) -> list[Question]:
    out: list[Question] = []
    seen: set[str] = set()
    n = {"article": 0, "context": 0}
    for q in questions:
        if q.origin == "article":
            n["article"] += 1
            q = replace(q, id=select.content_id(q, "a", n["article"]))
        else:
            n["context"] += 1
            if not q.id or q.id in seen:
                q = replace(q, id=select.content_id(q, "c", n["context"]))
        seen.add(q.id)
        out.append(q)
    return out


def generate_quiz(
    article: Article,
    *,
    count: int | None = None,
    types: Sequence[str] | None = None,
    seed: int = 0,
    context_share: float | None = None,
    no_context: bool = False,
    min_quality: float = 0.0,
    media: int = 0,
) -> Generated:
    """Article -> checked quiz. ``count`` is the total (article + context); by default it follows the
    length (about one per 27 words, 8-25). ``min_quality`` leaves out article questions whose estimated
    quality (``Question.quality``) is lower. ``media``: at most this many media-literacy questions among the
    context ones (none by default)."""
    bad = [t for t in types or () if t not in QUESTION_TYPES]
    if bad:
        raise GenerationError(
            f"unknown question type {bad[0]!r}",
            where="--types",
            fix=f"choose from {', '.join(QUESTION_TYPES)}",
        )
    check_english(article)
    analysis = analyse(article)
    if not analysis.sentences:
        raise GenerationError(
            "the article has no sentence to ask about",
            where=article.path or article.title,
            fix="give a news article with at least a few full sentences",
        )
    share = 0.0 if no_context else (DEFAULT_CONTEXT_SHARE if context_share is None else context_share)
    warnings: list[str] = []
    dropped: list[tuple[str, str]] = []
    budget = SENTENCES_PER_QUESTION * (count or default_total(analysis))
    # the ranker leaves weak candidates out of a default quiz (fewer, better); a teacher who asks for a count
    # or types gets them, best first, as long as they pass the checks
    default = count is None and types is None
    mined = candidates(focus(analysis, max(MIN_SENTENCES, budget), seed), types, seed)
    weights = importance.sentence_importance(analysis)  # once: rating, the cover pass and the summary use it
    scored = rated(mined, analysis, default, floor=COVER_FLOOR if default else None, weights=weights)
    pool = [c for c in scored if not default or ranker.clears(c.group, c.question)]
    held_back = len(pool) < len(scored)  # below the ranker's bar: a count asked for would take them
    weaker: list[Candidate] = []
    if types is None:  # kinds reviewers rejected nearly always come only when a teacher asks for their type,
        weaker = [c for c in pool if asked_only(c)]  # or for more questions than the rest can make
        pool = [c for c in pool if not asked_only(c)]
    below = [c for c in pool if (c.question.quality or 0.0) < min_quality]
    if below:
        pool = [c for c in pool if (c.question.quality or 0.0) >= min_quality]
        warnings.append(f"left out {len(below)} candidates below --min-quality {min_quality:g}")
    given = [c for c in pool if _title_gives_away(c.question, article)]
    if given:
        pool = [c for c in pool if c not in given]
        dropped.extend(
            (select.summary(c.question), "title_giveaway: the headline names the answer") for c in given
        )
    one, whole = _gate(article)
    if count is None:
        n_article = 0 if share >= 1 else default_article_count(analysis, share)
    else:
        n_article = count - round(count * share)
    first: list[tuple[str, str]] = []
    chosen = _select_article(article, pool, n_article, seed, one, whole, first, default)
    if count is not None and len(chosen) < n_article and weaker:  # selected again: its drops are the ones
        first = []
        chosen = _select_article(article, pool + weaker, n_article, seed, one, whole, first, default)
    dropped.extend(first)
    if default and len(chosen) < n_article:  # room left: a main point not yet asked, from a weaker candidate
        spare = [c for c in scored if not asked_only(c) or said.reported_claim(c)]
        others = default_total(analysis) - n_article if count is None and share > 0 else 0
        chosen = _cover_main_points(article, weights, spare, chosen, n_article, one, others)
        chosen = _word_back(article, pool, chosen, n_article, one)
    if count is None:
        n_context = round(len(chosen) * share / (1 - share)) if share < 1 else default_total(analysis)
    else:
        n_context = min(count - len(chosen), round(count * share)) if share > 0 else 0  # never over the share
    n_context = n_context if no_context else max(n_context, media)
    asked_context = _context(article, n_context, seed, warnings, media)
    context = [q for q in on_topic(asked_context, analysis) if types is None or q.type in types]
    if len(context) < len(asked_context):
        warnings.append(
            f"left out {len(asked_context) - len(context)} context questions about things the article "
            "does not mention"
        )
    if types is None:  # a teacher who chose the types gets them in the numbers asked
        chosen = select.true_false_third(chosen, dropped, context)
    chosen = _without_repeats(article, pool, chosen, context, seed, one, whole, dropped)
    given = [c for c in chosen if any(select.gives_away(q, c.question, article.title) for q in context)]
    if given:  # a context question names an article question's answer: the article one goes (they are many)
        chosen = [c for c in chosen if c not in given]
        dropped.extend(
            (select.summary(c.question), "gives_away_answer: a context question names it") for c in given
        )
    quiz = _quiz(article, _finish(chosen, context, seed), seed)
    for _round in range(3):  # an article question clashing with a context one: the article one goes
        failing = whole(quiz)
        if not failing:
            break
        clash = {_key(q) for q in quiz.questions if q.id in failing}
        dropped.extend((select.summary(q), failing[q.id]) for q in quiz.questions if q.id in failing)
        context = [q for q in context if _key(q) not in clash]
        chosen = [c for c in chosen if _key(c.question) not in clash]
        quiz = _quiz(article, _finish(chosen, context, seed), seed)
    chosen, context = _balance_true_false(
        chosen, context, dropped, [c for c in pool if c not in chosen], one, limit=count
    )
    quiz = _quiz(article, _finish(chosen, context, seed), seed)
    failing = whole(quiz)  # a statement added for balance that names another question's answer goes
    added = [
        c for c in chosen if any(q.id in failing and _key(q) == _key(c.question) for q in quiz.questions)
    ]
    if added:
        dropped.extend(
            (select.summary(c.question), "gives_away_answer: with another question") for c in added
        )
        chosen = [c for c in chosen if c not in added]
        quiz = _quiz(article, _finish(chosen, context, seed), seed)
    got = len(quiz.questions)
    retry = 0
    if count is not None and got < count:
        warnings.append(_shortfall(analysis, count, got))
    elif count is None and n_article and len(chosen) < n_article:
        held_back = default and (held_back or bool(weaker))
        retry = default_total(analysis) if held_back else 0
        warnings.append(_shortfall(analysis, n_article, len(chosen), held_back, retry))
    points, covered = importance.coverage(analysis, quiz.questions, weights)
    return Generated(quiz, tuple(dropped), tuple(warnings), points, covered, retry)


def candidate_pool(article: Article, seed: int = 0, threshold: bool = False) -> list[Candidate]:
    """Every article candidate selection may draw from (rated, title give-aways out, passing the gate on
    its own): what ``benchmarks/bench_quality.py pool`` samples for reviewers to rate (by default without
    the learned ranker's threshold and kind rules, so their ratings can train it)."""
    check_english(article)
    analysis = analyse(article)
    budget = SENTENCES_PER_QUESTION * default_total(analysis)
    pool = rated(
        candidates(focus(analysis, max(MIN_SENTENCES, budget), seed), None, seed), analysis, threshold
    )
    one, _whole = _gate(article)
    return [c for c in pool if not _title_gives_away(c.question, article) and one(c.question) is None]


def _title_gives_away(q: Question, article: Article) -> bool:
    from quizkit.check.quality import title_giveaway

    return any(True for _ in title_giveaway(q, article))


_LINK_LINE = re.compile(r"[^.!?\"”’)]\s\((?:The\s)?[A-Z][\w.&'’ -]{1,40}\)$")
"""A related link or a shop line: "Pandemic has exposed Britain's reality (The Guardian)", "Apple AirPods
with Charging Case (Latest Model)": a title with its source or label in brackets, no sentence of the
article (every such line on the dev and fresh pages was one)."""
_SCORE_LINE = re.compile(r"^[A-Z][\w.'’ -]{0,40}? \d{1,3}, [A-Z][\w.'’ -]{0,40}? \d{1,3}(?: \(\w+\))?: ")
"""A sports round-up's result line heading a paragraph: "Bruins 5, Devils 1: …", "Isles 4, Flyers 3 (OT): …"."""


def rated(
    pool: list[Candidate],
    analysis: Analysis,
    threshold: bool = True,
    floor: float | None = None,
    weights: dict[int, float] | None = None,
) -> list[Candidate]:
    """Each candidate's score raised by its sentence's importance (main points first) and its question given
    the quality estimate it keeps in the quiz. Sentences outside the article's main points (the lower
    ``importance.MINOR_SHARE`` of them) give no questions: reviewers rated such details trivial. With the
    learned ranker (``ranker.json``), the estimate is the ranker's probability that a reviewer accepts the
    question, and (``threshold``) candidates of the kinds it was fitted on that fall below its threshold
    (or ``floor``, when given) are left out, and so are blanks and short answers on what reviewers called
    trivia (``_actor_key``)."""
    weights = weights if weights is not None else importance.sentence_importance(analysis)
    main = importance.main_points(weights)
    top = importance.main_points(weights, importance.TOP_SHARE)
    share = importance.STATEMENT_SHARE if threshold else importance.ASKED_STATEMENT_SHARE
    statement_top = importance.main_points(weights, share)  # a teacher who asks for more gets the wider share
    model = ranker.model()
    art = ranker.view(analysis, weights)
    by_index = {s.index: s for s in analysis.sentences}
    story = true_false.main_actor(analysis)
    headline_like = {
        s.index
        for s in analysis.sentences
        if not any(t.tag in syntax.FINITE for t in s.toks)  # a headline, caption or link
        or not s.text.rstrip().endswith(SENTENCE_ENDS)
        or s.text.rstrip().endswith("?")
        or (s.words <= 10 and s.toks[0].tag in ("WRB", "WP", "WDT"))
        or len(_LIST_NUMBER.findall(s.text)) >= 2
        or _SCORE_LINE.match(s.text)
        or _LINK_LINE.search(s.text.strip())
    }  # a headline, a caption, a subheading ("How likely is a conviction in US."), a question, a sentence the
    # page cut off ("…and was i"), a numbered list run into one sentence ("…were: 1. Finland 2. Norway 3."),
    # a result line run into its report ("Bruins 5, Devils 1: David Pastrnak and Matt Grzelcyk scored …"), a
    # related link ("… (The Guardian)")
    out = []
    for c in pool:
        if c.sentence >= 0 and c.sentence not in main and c.group != "vocabulary":
            continue
        if c.sentence >= 0 and c.sentence in headline_like:
            continue
        if c.sentence not in top and importance.needs_top(c, analysis):
            continue  # a true/false statement or a side name only from the top sentences
        if c.question.type == "true_false" and c.question.answer is True and c.sentence not in statement_top:
            continue  # dev ratings: true statements from the top fifth 58 % acceptable, from the rest 31 %
        if not importance.sure_kind(c) or known_by_title(c.question) or _head_of_state_key(c, by_index):
            continue
        if c.target and c.target == story and c.group in ("fill_blank", "short_answer", "multiple_choice"):
            continue  # "The _____ gives aid to the Palestinian Authority" in a story about the U.S.: guessed
        if (
            c.sentence >= 0
            and c.sentence in by_index
            and importance.SOURCING.search(by_index[c.sentence].text)
        ):
            continue  # how the news was gathered ("VOA's correspondent has just arrived in Padang"): trivia
        imp = weights.get(c.sentence, 0.3)
        if model is None:
            q = replace(c.question, quality=importance.quality(c, imp))
            out.append(replace(c, question=q, score=c.score + imp))
            continue
        f = ranker.features(ranker.shown_of(c.question), art, by_index.get(c.sentence))
        p = ranker.acceptability(f, model)
        if (
            threshold
            and c.group in model.judged
            and p < model.cutoff(ranker.threshold_group(c.group, c.question), floor)
        ):
            continue
        if threshold and c.group in ("fill_blank", "short_answer") and not _actor_key(f, c, analysis):
            continue
        q = replace(c.question, quality=round(p, 3))
        out.append(replace(c, question=q, score=c.score + imp + RANKER_WEIGHT * p))
    return out


def _actor_key(f: dict[str, float], c: Candidate, analysis: Analysis) -> bool:
    """A blank or short answer whose key is one of the story's people (named twice or more, or with an
    office: "President …"), or a place the main verb takes ("struck Padang"): on the dev texts those were
    accepted about twice as often as organisations, numbers, dates, places inside modifiers and people
    named once in passing (a voter, a study's author), which reviewers called trivia."""
    if f["key_person"]:
        return analysis.counts.get(c.target, 1) >= 2 or importance.titled(c, analysis)
    return bool(f["key_place"] and f["key_on_main_verb"])


_HEAD_OF_STATE = re.compile(
    r"\b(?:President|King|Queen|Prime Minister|Premier|Chancellor|Emperor|Pope|Emir|Supreme Leader) _{3,}"
    r"|\bunder _{3,}"
)


def known_by_title(q: Question) -> bool:
    """A blank right after a head of state's title ("U.S. President _____ said…", "King _____ ceded power",
    "the repression seen under _____"): students fill it from what they know of the world, not the text
    (dev reviewers called most of them a give-away or trivia: a sitting president, a king's full name)."""
    return q.type == "fill_blank" and bool(_HEAD_OF_STATE.search(q.prompt))


_HEADS_OF_STATE = frozenset(
    {"president", "king", "queen", "chancellor", "emperor", "pope", "premier", "emir"}
)


def _head_of_state_key(c: Candidate, by_index: dict[int, Sentence]) -> bool:
    """The answer is a head of state named with the title ("U.S. President Donald Trump said he would raise
    tariffs" -> "Who would raise tariffs…?"): known from the world, not the text. Who said a claim is exempt."""
    s = by_index.get(c.sentence)
    if s is None or not c.target or c.group == "said" or c.question.type == "true_false":
        return False
    for m in s.mentions:
        if m.canonical == c.target and m.kind == "person":
            before = {t.lemma.lower() for t in s.toks[max(0, m.i - 2) : m.i]}
            if before & _HEADS_OF_STATE or {"prime", "minister"} <= before:
                return True
    return False


RANKER_WEIGHT = 4.0
"""How much the ranker's estimate counts in a candidate's place in its group's queue (the rest is the
generator's own score and the sentence's importance, each about 0-1.5)."""


COVER_FLOOR = 0.15
"""The lowest ranker estimate a question may have to be added for a main point the quiz does not ask about
yet (below the ranker's own threshold, which leaves weak candidates out of a default quiz)."""


def _cover_main_points(
    article: Article,
    weights: dict[int, float],
    spare: list[Candidate],
    chosen: list[Candidate],
    n: int,
    one: Callable[[Question], str | None],
    others: int = 0,
) -> list[Candidate]:
    """While the quiz is short of ``n`` (``others``: the context questions expected beside it): for each of
    the article's most important sentences (the top ``importance.TOP_SHARE``, most important first) that no
    question asks about, the best candidate on it that passes the gate and repeats nothing, from ``spare``
    (rated with ``COVER_FLOOR`` as the ranker's floor; not a true/false statement when another kind is on
    offer); it may take the place of one question on a minor sentence it clashes with, a statement only
    within the true/false third, or of a vocabulary question on its own main sentence (a word's meaning is not
    the sentence's point; not for a statement, which reviewers accept less often than the word).
    ``weights``: sentence importance."""
    top = importance.main_points(weights, importance.TOP_SHARE)
    out = list(chosen)
    asked = {c.sentence for c in out if c.group != "vocabulary"}  # a word's meaning is not the point
    for idx in sorted(top, key=lambda i: (-weights[i], i)):
        if len(out) >= n:
            break
        if idx in asked:
            continue
        options = [
            c
            for c in spare
            if c.sentence == idx
            and c.group != "vocabulary"  # a word's meaning is not the sentence's point
            and not _title_gives_away(c.question, article)
        ]
        for c in sorted(options, key=lambda c: (c.question.type == "true_false", -c.score)):
            clash = [p for p in out if select.conflicts(c, p, article.title)]
            # a main point takes the place of one question on a minor sentence it clashes with
            word_gives_way = c.question.type != "true_false"  # to a question on the sentence's point,
            # not to its copy as a statement (a word's question is accepted more often than a copied lead)
            if len(clash) > 1 or any(
                (p.sentence in top and not (p.group == "vocabulary" and word_gives_way)) or p.sentence < 0
                for p in clash
            ):
                continue
            kept = [p for p in out if p not in clash]
            tf = sum(1 for p in kept if p.question.type == "true_false") + (c.question.type == "true_false")
            if clash and tf > max(2, -(-(len(kept) + 1 + others) // 3)):
                continue  # a statement in place of another kind only within the true/false third
            if one(c.question) is None:
                out = [p for p in out if p not in clash] + [c]
                asked = {p.sentence for p in out if p.group != "vocabulary"}
                break
    return out


def _word_back(
    article: Article,
    pool: list[Candidate],
    chosen: list[Candidate],
    n: int,
    one: Callable[[Question], str | None],
) -> list[Candidate]:
    """A quiz still short of ``n`` whose one vocabulary question gave way to a main point (``_cover_main_points``)
    takes the best other word that clashes with nothing, as ``select.MINIMUM`` asks."""
    if len(chosen) >= n or any(c.group == "vocabulary" for c in chosen):
        return chosen
    words = sorted((c for c in pool if c.group == "vocabulary"), key=lambda c: -c.score)
    for c in words:
        if not any(select.conflicts(c, p, article.title) for p in chosen) and one(c.question) is None:
            return [*chosen, c]
    return chosen


def _without_repeats(
    article: Article,
    pool: list[Candidate],
    chosen: list[Candidate],
    context: list[Question],
    seed: int,
    one: Callable[[Question], str | None],
    whole: Callable[[Quiz], dict[str, str]],
    dropped: list[tuple[str, str]],
) -> list[Candidate]:
    """The knowledge base's media-literacy items already ask who published the article and when: our
    simple metadata questions then give way (and other article questions take their place)."""
    asked = {a for q in context for a in (str(q.answer), *q.accepted_answers)}
    keep = [c for c in chosen if not (c.group == "metadata" and str(c.question.answer) in asked)]
    if len(keep) == len(chosen):
        return chosen
    rest = [c for c in pool if c not in chosen and c.group != "metadata"]
    more = select.choose(
        rest, len(chosen) - len(keep), random.Random(seed), one, dropped, keep, article.title
    )
    return keep + more


def _balance_true_false(
    chosen: list[Candidate],
    context: list[Question],
    dropped: list[tuple[str, str]],
    spare: list[Candidate] | None = None,
    gate: Callable[[Question], str | None] | None = None,
    limit: int | None = None,
) -> tuple[list[Candidate], list[Question]]:
    """True and false keys about half and half over the whole quiz (the gate's ``true_false_balance``): the
    repairs above can tip it, so a statement of the other side is added from ``spare`` when one fits (it
    passes ``gate`` and repeats nothing), else the weakest statement of the larger side goes (an article one
    first)."""
    spare = sorted(spare or [], key=lambda c: -c.score)
    while True:
        keys = [q.answer for q in (*(c.question for c in chosen), *context) if q.type == "true_false"]
        trues, falses = keys.count(True), keys.count(False)
        if len(keys) < 2 or abs(trues - falses) <= max(1, len(keys) // 4):
            return chosen, context
        more = trues > falses
        room = len(keys) < max(2, -(-(len(chosen) + len(context) + 1) // 3))  # still at most a third
        room = room and (limit is None or len(chosen) + len(context) < limit)  # never over the count asked
        other = next(
            (
                c
                for c in spare
                if c.question.type == "true_false"
                and c.question.answer is (not more)
                and not any(select.conflicts(c, p) for p in chosen)
                and (gate is None or gate(c.question) is None)
            ),
            None,
        )
        if other is not None and room:
            spare.remove(other)
            chosen = [*chosen, other]
            continue
        side = [c for c in chosen if c.question.type == "true_false" and c.question.answer is more]
        if side:
            worst = min(side, key=lambda c: c.score)
            chosen = [c for c in chosen if c is not worst]
            if other is not None:  # no room to add: the other side takes its place
                spare.remove(other)
                chosen.append(other)
            dropped.append(
                (select.summary(worst.question), "true_false_balance: keys kept about half and half")
            )
        else:
            out = next(q for q in context if q.type == "true_false" and q.answer is more)
            context = [q for q in context if q is not out]
            dropped.append((select.summary(out), "true_false_balance: keys kept about half and half"))


def _select_article(
    article: Article,
    pool: list[Candidate],
    n: int,
    seed: int,
    one: Callable[[Question], str | None],
    whole: Callable[[Quiz], dict[str, str]],
    dropped: list[tuple[str, str]],
    default: bool = False,
) -> list[Candidate]:
    """Choose ``n`` article questions that pass the gate alone and together (up to three repair rounds);
    ``default``: a default quiz (``select.TURN``: vocabulary before statements)."""
    rng = random.Random(seed)
    chosen = select.choose(pool, n, rng, one, dropped, public=article.title, turns=default)
    for _round in range(3):
        quiz = _quiz(article, _finish(chosen, [], seed), seed)
        failing = whole(quiz)
        if not failing:
            break
        bad_keys = {_key(q) for q in quiz.questions if q.id in failing}
        dropped.extend((select.summary(q), failing[q.id]) for q in quiz.questions if q.id in failing)
        keep = [c for c in chosen if _key(c.question) not in bad_keys]
        used = {id(c) for c in chosen}
        rest = [c for c in pool if id(c) not in used]
        chosen = keep + select.choose(
            rest, n - len(keep), rng, one, dropped, keep, public=article.title, turns=default
        )
    return chosen


def _key(q: Question) -> tuple[str, str, str]:
    return (q.type, q.prompt, repr(q.answer))


def _finish(chosen: list[Candidate], context: list[Question], seed: int) -> list[Question]:
    """Balance keys, order by type, give ids (all seeded, so a rebuild gives the same result)."""
    rng = random.Random(f"{seed}:arrange")
    questions = select.balance_keys([c.question for c in chosen] + list(context), rng)
    return _ids(select.arrange(questions, rng))


def _quiz(article: Article, questions: list[Question], seed: int) -> Quiz:
    source = SourceInfo(
        title=article.title,
        publisher=article.publisher,
        date=article.date,
        path=article.path,
        url=article.url,
    )
    title = f"Quiz: {article.title}" if article.title else "Quiz"
    return Quiz(title=title, questions=tuple(questions), source=source, seed=seed)


def _shortfall(analysis: Analysis, asked: int, got: int, weaker: bool = False, total: int = 0) -> str:
    """Why the quiz is shorter than asked. ``weaker``: a default quiz left candidates out for their
    estimated quality or kind (a count asked for takes them, best first, unless they repeat another);
    ``total``: the count (article and context questions) to suggest, else ``asked``."""
    if analysis.words < 150:
        why = f"the article is short ({analysis.words} words, {len(analysis.sentences)} sentences)"
    elif weaker:
        why = (
            "the other candidates were left out because reviewers rated questions like them as needing "
            f"rewriting; a count (--count {total or asked}) takes them anyway, best first, as far as they pass "
            "the checks"
        )
    else:
        why = "the article gave no more questions that pass the checks without repeating each other"
    return f"made {got} question{'' if got == 1 else 's'} of the {asked} asked: {why}"


def summary_lines(gen: Generated) -> list[str]:
    """The CLI's summary: counts by type and origin, dropped counts by reason, warnings."""
    qs = gen.quiz.questions
    by_type = Counter(q.type for q in qs)
    by_origin = Counter(q.origin for q in qs)
    lines = [f"{len(qs)} questions: " + ", ".join(f"{by_origin[o]} {o}" for o in ("article", "context"))]
    lines.append("  by type: " + ", ".join(f"{t} {by_type[t]}" for t in QUESTION_TYPES if by_type[t]))
    tags = Counter(t for q in qs for t in q.tags if t in ("vocabulary", "metadata"))
    if tags:
        lines.append("  tagged: " + ", ".join(f"{t} {n}" for t, n in sorted(tags.items())))
    reasons = Counter(reason.split(":")[0] for _s, reason in gen.dropped)
    if gen.dropped:
        lines.append(
            f"dropped {len(gen.dropped)} candidates at the quality gate: "
            + ", ".join(f"{r} {n}" for r, n in reasons.most_common())
        )
    else:
        lines.append("dropped 0 candidates at the quality gate")
    if gen.main_points:
        missed = [p for p in gen.main_points if p not in gen.covered]
        lines.append(
            f"main points: questions ask about {len(gen.covered)} of the {len(gen.main_points)} paragraphs "
            "that hold the article's most important sentences"
            + (f" (not paragraph {', '.join(map(str, missed))})" if missed else "")
        )
    lines.extend(f"warning: {w}" for w in gen.warnings)
    return lines


def run_generate(args: argparse.Namespace) -> int:
    """CLI: read the article, generate, write the quiz atomically, print the summary."""
    from quizkit.article import read_article
    from quizkit.files import check_output_file
    from quizkit.quizfile import save_quiz

    check_output_file(args.output)
    article = read_article(args.article)
    gen = generate_quiz(
        article,
        count=args.count,
        types=args.types,
        seed=args.seed,
        context_share=args.context_share,
        no_context=args.no_context,
        min_quality=getattr(args, "min_quality", 0.0) or 0.0,
        media=args.media,
    )
    if not gen.quiz.questions and gen.retry_count:
        raise GenerationError(
            "no question for a default quiz: every candidate from this article is of a kind reviewers rated "
            "as needing rewriting",
            where=args.article,
            fix=f"run again with --count {gen.retry_count} to take them, best first, and read them before printing",
        )
    if not gen.quiz.questions:
        raise GenerationError(
            "no question could be made from this article ("
            + ("; ".join(gen.warnings) or "nothing in it passed the quality checks")
            + ")",
            where=args.article,
            fix="give a longer news article, with several full sentences about people, places or events",
        )
    save_quiz(gen.quiz, args.output)
    print(f"wrote {args.output}")
    for line in summary_lines(gen):
        print(line)
    return 0
