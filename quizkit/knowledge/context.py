"""Context questions: what the article alone does not say, from the sourced knowledge base, plus media literacy.

``context_questions`` asks only about facts tied to what the article is about (``central_facts``): the fact's
subject is one of the article's central names, the fact names something specific the article names too (an
agreement, organisation, person, place; not just a country), it is a concept rather than a figure to recall,
and the article does not already state its answer. An article on anything else gets no context question at
all. Closed questions of mixed types follow (distractors of the same kind from the knowledge base, none that
is also true), one matching and one ordering question when the article touches a set of related facts or
dated events, and media-literacy questions only when asked for (``media``). Every question cites its sources;
the same article and seed give the same list.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Collection, Sequence

from quizkit.knowledge import aliases, checked_on, load_facts
from quizkit.knowledge.distractors import answer_forms, distractors
from quizkit.knowledge.linking import Ranked, rank_events, rank_facts
from quizkit.knowledge.media import media_questions
from quizkit.knowledge.relevance import (
    central_facts,
    central_names,
    specific_central,
)
from quizkit.model import (
    CLOSED_TYPES,
    TYPE_CODES,
    Article,
    Citation,
    Fact,
    Question,
    QuestionType,
    Quiz,
    TimelineEvent,
)

BLANK = "_____"
_WITH_THE = frozenset({"White House", "Kremlin", "Northern route", "Gaza war"})
MATCHING = {
    "leader_2023": (
        "Match each president at the first C5+1 summit of presidents (New York, September 2023) to the "
        "country they represented.",
        True,
    ),
    "israel_deal_year": (
        "Match each country to the year it signed its peace treaty or Abraham Accords agreement with Israel.",
        False,
    ),
}
"""relation -> (prompt, whether the answer is the left-hand item). Unlisted relations make no matching."""
_MIN_PAIRS, _MAX_PAIRS = 3, 5
_ORDER_ITEMS, _ORDER_MIN_ITEMS = 4, 3
_ORDER_MIN_SHARE = 0.4
"""An event joins an ordering question only when it is at least this relevant relative to the best one."""
_NO_FALSE_SWAP = frozenset({"", "venue", "figure", "resource", "site"})
"""Answers whose swap makes an absurd statement ("the South Lawn of Ak Orda"): true statements only."""
MEDIA_DEFAULT = 2
"""Media-literacy questions when the teacher asks for them (`--media`) without a number."""
_NAME_KINDS = frozenset({"country", "city", "person", "organisation", "sea", "venue", "figure", "resource"})
_SHORT_KINDS = _NAME_KINDS | {"year"}
_SINGLE_TYPES = ("multiple_choice", "true_false", "fill_blank", "short_answer")
_ONE_ANSWER = frozenset({"multiple_choice", "fill_blank", "short_answer"})
_TYPE_CYCLE: tuple[QuestionType, ...] = (
    "multiple_choice",
    "true_false",
    "multiple_choice",
    "fill_blank",
    "short_answer",
    "multiple_choice",
    "true_false",
)


def citation(fact: Fact) -> Citation:
    """The fact's first source as a quiz citation, dated by the fact's as-of date."""
    first = fact.sources[0] if fact.sources else None
    return Citation(fact.source_url, fact.as_of, first.title if first else "")


def citations(fact: Fact) -> tuple[Citation, ...]:
    """Every source of the fact as a citation."""
    return tuple(Citation(s.url, fact.as_of, s.title) for s in fact.sources) or (citation(fact),)


def _event_citation(ev: TimelineEvent) -> Citation:
    from quizkit.knowledge import event_sources

    first = next((s for s in event_sources().get(ev.id, ()) if s.url == ev.source_url), None)
    return Citation(ev.source_url, ev.as_of, first.title if first else "")


def _explain(fact: Fact) -> str:
    cites = citations(fact)
    state = fact.sources and all(s.state_media for s in fact.sources)
    note = " (a state-owned outlet)" if state else ""
    listed = "; ".join(f"{c.title or c.url}{note}, {c.url}" for c in cites)
    return f"{fact.statement} (Source: {listed}; as of {fact.as_of}.)"


def _contains(text: str, part: str) -> bool:
    return bool(part) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None


def _takes_the(name: str) -> bool:
    """Whether a name is written with "the" in running text (the United States, the Caspian Sea)."""
    ent = aliases.lookup(name)
    kind = ent.kind if ent else ""
    if name.startswith("United ") or kind in ("sea", "corridor") or name in _WITH_THE:
        return True
    return kind == "organisation" and " " in name


def _swap(text: str, answer: str, new: str) -> str:
    """The statement with the answer replaced by another name, fixing "the" in front of it."""
    m = re.search(rf"(?<!\w)(?:(?P<the>[Tt]he) )?{re.escape(answer)}(?!\w)", text)
    if m is None:
        return text
    name = ("the " if _takes_the(new) else "") + new
    if m.start() == 0:
        name = name[0].upper() + name[1:]
    return text[: m.start()] + name + text[m.end() :]


def _replace_once(text: str, part: str, new: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", lambda _: new, text, count=1)


def _difficulty(fact: Fact, base: float) -> float:
    harder = (
        0.15 if fact.answer_kind in ("date", "number", "population", "percent", "length", "tonnage") else 0.0
    )
    return round(min(0.9, base + harder), 2)


def _base(fact: Fact, qtype: QuestionType, *, explanation: str = "", **kw: object) -> Question:
    """A context question on a fact: stable id, the fact's citation, an explanation naming the source."""
    return Question(
        id=f"ctx-{fact.id}-{TYPE_CODES[qtype]}",
        type=qtype,
        origin="context",
        evidence=None,
        sources=citations(fact),
        explanation=explanation or _explain(fact),
        tags=("context", *fact.topics[:2]),
        **kw,  # type: ignore[arg-type]
    )


def _mc(fact: Fact, rng: random.Random) -> Question | None:
    if not fact.question or not fact.answer:
        return None
    wrong = distractors(fact, 3, rng, fact.question)
    if len(wrong) < 3:
        return None
    choices = [fact.answer, *wrong]
    rng.shuffle(choices)
    return _base(
        fact,
        "multiple_choice",
        prompt=fact.question,
        answer=fact.answer,
        choices=tuple(choices),
        accepted_answers=answer_forms(fact),
        bloom="remember",
        difficulty=_difficulty(fact, 0.35),
    )


def _same_role(fact: Fact, wrong: str) -> bool:
    """A false statement swaps in a name of the same role: a person only for another answer of the same
    relation (another summit president), never any leader ("a three-way call with Narendra Modi")."""
    if fact.answer_kind != "person":
        return True
    return bool(fact.relation) and any(
        f.relation == fact.relation and aliases.same_entity(f.answer, wrong) for f in load_facts()
    )


def _tf(fact: Fact, rng: random.Random, want: bool | None = None) -> Question | None:
    """A true statement of the fact, or a false one made by swapping the answer for a same-kind distractor."""
    truth = (rng.random() < 0.5 if want is None else want) or not _contains(fact.statement, fact.answer)
    truth = truth or fact.answer_kind in _NO_FALSE_SWAP
    statement = fact.statement
    if not truth:
        wrong = [d for d in distractors(fact, 3, rng, fact.statement) if _same_role(fact, d)][:1]
        if not wrong:
            truth = True
        else:
            statement = _swap(fact.statement, fact.answer, wrong[0])
    return _base(
        fact,
        "true_false",
        prompt=statement,
        answer=truth,
        bloom="understand" if not truth else "remember",
        difficulty=_difficulty(fact, 0.3),
        explanation=_explain(fact) if truth else f"False. {_explain(fact)}",
    )


def _fill(fact: Fact, rng: random.Random) -> Question | None:
    if not _contains(fact.statement, fact.answer) or fact.answer_kind not in _SHORT_KINDS | {"date"}:
        return None
    return _base(
        fact,
        "fill_blank",
        prompt=_replace_once(fact.statement, fact.answer, BLANK),
        answer=fact.answer,
        accepted_answers=answer_forms(fact),
        bloom="remember",
        difficulty=_difficulty(fact, 0.5),
    )


def _short(fact: Fact, rng: random.Random) -> Question | None:
    if not fact.question or fact.answer_kind not in _SHORT_KINDS:
        return None
    return _base(
        fact,
        "short_answer",
        prompt=fact.question,
        answer=fact.answer,
        accepted_answers=answer_forms(fact),
        bloom="remember",
        difficulty=_difficulty(fact, 0.55),
    )


_BUILDERS: dict[str, Callable[[Fact, random.Random], Question | None]] = {
    "multiple_choice": _mc,
    "true_false": _tf,
    "fill_blank": _fill,
    "short_answer": _short,
}


def fact_question(
    fact: Fact,
    qtype: str,
    rng: random.Random,
    *,
    true: bool | None = None,
    types: Collection[str] = _SINGLE_TYPES,
) -> Question | None:
    """One question of ``qtype`` on ``fact``, falling back to another allowed closed type when it cannot be
    made. ``true`` asks a true/false question for a true (or false) statement when possible."""
    order = [qtype, *(t for t in _SINGLE_TYPES if t != qtype)]
    for t in (t for t in order if t in types):
        q = _tf(fact, rng, true) if t == "true_false" else _BUILDERS[t](fact, rng)
        if q is not None:
            return q
    return None


def _matching(ranked: Sequence[Ranked], rng: random.Random, central: set[str]) -> tuple[Question, str] | None:
    """A matching question on the relation whose facts are most relevant together (leader <-> country...),
    only when the set is about something specific the article is about (the C5+1, the Abraham Accords)."""
    rank = {r.fact.id: i for i, r in enumerate(ranked)}
    score = {r.fact.id: r.score if r.tier == 0 else 0.0 for r in ranked}
    groups: dict[str, list[Fact]] = {}
    for f in load_facts():
        if MATCHING.get(f.relation, ("", False))[0]:
            groups.setdefault(f.relation, []).append(f)
    best: list[Fact] = []
    best_score = 0.0
    for group in groups.values():
        if not any(specific_central(f.entities, central) for f in group):
            continue
        group = sorted(group, key=lambda f: rank[f.id])[:_MAX_PAIRS]
        total = sum(score[f.id] for f in group)
        lefts, rights = {f.subject for f in group}, {f.answer for f in group}
        linked = sum(score[f.id] > 0 for f in group)
        if len(group) < _MIN_PAIRS or not len(lefts) == len(rights) == len(group) or 2 * linked < len(group):
            continue  # too few pairs, ambiguous pairs, or a set the article mostly does not touch
        if total > best_score:
            best, best_score = group, total
    if not best:
        return None
    relation = best[0].relation
    prompt, answer_left = MATCHING[relation]
    pairs = [(f.answer, f.subject) if answer_left else (f.subject, f.answer) for f in best]
    rng.shuffle(pairs)
    cites = tuple(dict.fromkeys(citation(f) for f in best))
    question = Question(
        id=f"ctx-match-{relation.replace('_', '-')}",
        type="matching",
        prompt=prompt,
        answer=tuple(pairs),
        origin="context",
        evidence=None,
        sources=cites,
        bloom="remember",
        difficulty=0.4,
        points=float(len(pairs)) / 2,
        explanation=" ".join(f.statement for f in best)
        + " (Sources: "
        + "; ".join(c.url for c in cites)
        + f"; checked {checked_on()}.)",
        tags=("context", "matching", *best[0].topics[:1]),
    )
    return question, relation


def _ordering(article: Article, rng: random.Random) -> Question | None:
    """Put three or four dated events linked to the article in order; they fall in different years, so the
    order is sure even when a source gives only the year. An event counts when something specific in it is
    central to the article, or two of its names are (Kazakhstan and Israel for the story of their ties)."""
    central = central_names(article)
    scored = [
        (ev, sc)
        for ev, sc in rank_events(article)
        if specific_central(ev.entities, central) or len(set(ev.entities) & central) >= 2
    ]
    if not scored:
        return None
    ranked = [ev for ev, score in scored[:10] if score >= _ORDER_MIN_SHARE * scored[0][1]]
    by_year: dict[str, TimelineEvent] = {}
    for ev in ranked:
        by_year.setdefault(ev.date[:4], ev)
    events = list(by_year.values())
    if len(events) < _ORDER_MIN_ITEMS:
        return None
    picked = sorted(events[:_ORDER_ITEMS], key=lambda e: e.date)
    digest = hashlib.sha1("|".join(e.id for e in picked).encode()).hexdigest()[:8]
    cites = tuple(dict.fromkeys(_event_citation(e) for e in picked))
    lines = "; ".join(f"{e.date}: {e.label}" for e in picked)
    return Question(
        id=f"ctx-order-{digest}",
        type="ordering",
        prompt="Put these events in the order they happened, earliest first.",
        answer=tuple(e.label for e in picked),
        origin="context",
        evidence=None,
        sources=cites,
        bloom="understand",
        difficulty=0.5,
        points=2.0,
        explanation=f"{lines}. (Sources: {'; '.join(c.url for c in cites)}, checked {picked[0].as_of}.)",
        tags=("context", "ordering", "timeline"),
    )


def _written(answer: str) -> tuple[str, ...]:
    """Every way the answer may be written (its aliases when it is a known name)."""
    ent = aliases.lookup(answer)
    return ent.names if ent else (answer,)


def _text_of(q: Question) -> str:
    return " ".join([q.prompt, *map(str, _flat(q.answer))])


def _gives_away(q: Question, fact: Fact, seen: str, answers: list[str]) -> bool:
    """True when an earlier question's text names this one's answer, or this one names an earlier answer."""
    if any(_contains(seen, w) for w in _written(fact.answer) if len(w) > 1):
        return True
    return any(_contains(q.prompt, w) for a in answers for w in _written(a) if len(w) > 1)


def _pick_facts(ranked: Sequence[Ranked], n: int) -> list[Fact]:
    """The most relevant facts, skipping repeats: one question per answer, at most two per relation."""
    chosen: list[Fact] = []
    answers: set[str] = set()
    relations: dict[str, int] = {}
    for r in ranked:
        if len(chosen) == n:
            break
        f = r.fact
        key = f.answer.lower() or f.id
        if key in answers or relations.get(f.relation, 0) >= 2:
            continue
        chosen.append(f)
        answers.add(key)
        if f.relation:
            relations[f.relation] = relations.get(f.relation, 0) + 1
    return chosen


def knowledge_questions(
    article: Article,
    *,
    count: int,
    seed: int,
    prior: Sequence[Question] = (),
    types: Collection[str] | None = None,
) -> list[Question]:
    """``count`` closed questions from the facts most relevant to the article (matching/ordering included).

    Types rotate (multiple choice, true/false, fill-in, short answer) from a seeded start; true/false
    statements alternate true and false; a question is skipped when another one would give its answer away.
    ``prior`` are questions already in the quiz (media literacy), taken into account for both.
    ``types`` limits the question types (default: all closed types).
    """
    allowed = set(CLOSED_TYPES if types is None else types)
    if count <= 0 or not allowed & set(CLOSED_TYPES):
        return []
    rng = random.Random(seed)
    ranked = rank_facts(article)
    out: list[Question] = []
    matched: set[str] = set()
    gate = _Gate(prior)
    if not central_facts(article, ranked):
        return []  # the article is not about what the knowledge base knows: no context is better
    if count >= 5:
        match = _matching(ranked, rng, central_names(article)) if "matching" in allowed else None
        if match is not None and gate.admit(match[0]):
            out.append(match[0])
            matched = {match[1]}
        order = _ordering(article, rng) if "ordering" in allowed else None
        if order is not None and gate.admit(order):
            out.append(order)
    pool = [r for r in central_facts(article, ranked) if r.fact.relation not in matched]
    before = [*prior, *out]
    seen = " \n ".join(_text_of(q) for q in before)
    answers = [str(q.answer) for q in before if q.type in _ONE_ANSWER]
    start = rng.randrange(len(_TYPE_CYCLE))
    tf = [bool(q.answer) for q in prior if q.type == "true_false"]
    next_true = tf.count(True) < tf.count(False) if tf.count(True) != tf.count(False) else rng.random() < 0.5
    unbalanced: list[Fact] = []
    for i, fact in enumerate(_pick_facts(pool, 3 * count)):
        if len(out) == count:
            break
        qtype = _TYPE_CYCLE[(start + i) % len(_TYPE_CYCLE)]
        q = fact_question(fact, qtype, rng, true=next_true, types=allowed)
        if q is None:
            continue
        if _gives_away(q, fact, seen, answers):
            continue  # another question names its answer: a shorter quiz, not a giveaway
        if q.type == "true_false" and q.answer is not next_true:
            other = next(  # the fact in another form: the most relevant facts first, whatever the key balance
                (
                    x
                    for t in _TYPE_CYCLE
                    if t != "true_false"
                    and (x := fact_question(fact, t, rng, true=next_true, types=allowed)) is not None
                    and not _gives_away(x, fact, seen, answers)
                ),
                None,
            )
            if other is None:
                unbalanced.append(fact)  # a true statement when the balance needs a false one
                continue
            q = other
        if not gate.admit(q):
            continue
        if q.type == "true_false":
            next_true = not q.answer
        out.append(q)
        seen += " \n " + _text_of(q)
        if q.type in _ONE_ANSWER:
            answers.append(fact.answer)
    for fact in unbalanced:  # better an unbalanced true/false mix than too few; never a giveaway
        if len(out) == count:
            break
        q = fact_question(fact, "multiple_choice", rng, true=next_true, types=allowed)
        if q is not None and gate.admit(q):
            out.append(q)
    return out


class _Gate:
    """The quality gate (``quizkit.check``) applied while choosing: a question that fails a check, or makes
    the quiz so far fail one (a near duplicate), is not taken."""

    def __init__(self, prior: Sequence[Question]) -> None:
        self.taken: list[Question] = list(prior)
        self.errors = self._errors(self.taken)

    @staticmethod
    def _errors(questions: Sequence[Question]) -> set[tuple[str, str, str]]:
        from quizkit.check import check_quiz

        quiz = Quiz("context", tuple(questions))
        return {(f.question_id, f.check, f.message) for f in check_quiz(quiz) if f.severity == "error"}

    def admit(self, q: Question) -> bool:
        errors = self._errors([*self.taken, q])
        if errors - self.errors:
            return False
        self.taken.append(q)
        self.errors = errors
        return True


def _flat(answer: object) -> list[object]:
    if isinstance(answer, tuple):
        return [x for a in answer for x in _flat(a)]
    return [answer]


def balance_keys(questions: Sequence[Question], seed: int) -> list[Question]:
    """Spread multiple-choice keys over the letters (A, B, C, D in turn from a seeded start): the master
    order should not hint at the answer even before versions are shuffled."""
    from dataclasses import replace

    rng = random.Random(seed)
    slot = rng.randrange(4)
    out = []
    for q in questions:
        if q.type == "multiple_choice" and q.choices:
            others = [c for c in q.choices if c != q.answer]
            pos = slot % len(q.choices)
            q = replace(q, choices=(*others[:pos], str(q.answer), *others[pos:]))
            slot += 1
        out.append(q)
    return out


def pick_media(article: Article, n: int, seed: int, types: Collection[str] | None = None) -> list[Question]:
    """At most ``n`` media-literacy questions, chosen by article and seed: not the same one in every quiz."""
    if n <= 0:
        return []
    media = [q for q in media_questions(article, seed=seed) if types is None or q.type in types]
    key = f"{seed}|{article.title}|{article.url}".encode()
    rng = random.Random(int(hashlib.sha1(key).hexdigest()[:12], 16))
    return rng.sample(media, min(n, len(media)))


def context_questions(
    article: Article,
    *,
    count: int,
    seed: int,
    types: Collection[str] | None = None,
    media: int = 0,
) -> list[Question]:
    """Up to ``count`` context questions for an article: facts of the knowledge base tied to its central claims
    (``central_facts``), plus up to ``media`` media-literacy questions (none by default; a different pick for
    each article and seed). An article the knowledge base knows nothing about gets no fact questions: better
    no context than context on something else. ``types`` limits the question types.
    """
    if count <= 0:
        return []
    picked = pick_media(article, min(media, count), seed, types)
    facts = knowledge_questions(article, count=count - len(picked), seed=seed, prior=picked, types=types)
    return balance_keys([*picked, *facts], seed)
