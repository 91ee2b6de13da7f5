"""Selection: rank candidates, mix the types, avoid questions that repeat or give each other away, balance
true/false keys and the key's position among multiple-choice options; all choices seeded.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, utils

from quizkit.check.quizwide import word_and_point
from quizkit.check.text import signature
from quizkit.generate.common import Candidate, leaks
from quizkit.model import QUESTION_TYPES, TYPE_CODES, Question

WEIGHTS: dict[str, float] = {
    "multiple_choice": 5.0,
    "true_false": 4.0,
    "fill_blank": 3.0,
    "short_answer": 3.0,
    "vocabulary": 3.0,
    "open": 1.5,
    "ordering": 1.0,
    "metadata": 0.3,
    "said": 6.0,
    "action": 6.0,
    "written": 5.0,
    "number": 5.0,
}
TURN = {"vocabulary": 4.5}
"""Groups that take their turn earlier than their weight says, in a default quiz: a vocabulary question
(accepted about four times in five on unseen pages) picks its sentence before the true/false statements
(about one in two), which would otherwise take it: the quoted passage shows a statement's answer, so the two
never share a sentence."""
MINIMUM = {"open": 1, "ordering": 1, "vocabulary": 1, "said": 1, "action": 1, "number": 1}
MINIMUM_FROM = {"open": 4, "said": 4, "action": 4, "number": 4}
"""Asked for whenever the article gives them and the quiz has room (at least 8 questions; the open question
that asks why, a who-said question, a what-did-they-do question and a how-many question from 4)."""
GROUP_ACTION = "action"
GROUP_NUMBER = "number"
GROUP_WRITTEN = "written"
NEAR_DUPLICATE = 90
"""The gate's own threshold (rapidfuzz token-set ratio), so what we pick passes it."""
CAPS = {"open": 2, "ordering": 1, "metadata": 1, "action": 2, "number": 3, "written": 3}
"""At most this many of a group however many questions are asked (they are long or alike)."""
MAX_PER_TARGET = 1
"""One question per answer: asking the same name twice tests nothing new."""
MIXED = 3
"""More comprehension types than this on offer: true/false is held to a third (not when --types asks for few;
`true_false_third` trims a default quiz that came out shorter)."""
VOCABULARY_SHARE = 4
"""At most one vocabulary item per this many questions picked (after the first)."""


def cap(group: str, n: int, mixed: bool = True) -> int:
    """Most questions of a group in a quiz of ``n``: vocabulary at most a fifth, true/false a third when
    other types are on offer (they are the easiest to make, and a quiz of mostly true/false is a weak test),
    the rest at most half."""
    if group in CAPS:
        return CAPS[group]
    if group == "true_false" and mixed:
        return max(2, n // 3)
    return max(2, n // 5) if group == "vocabulary" else max(2, n // 2)


LOOKAHEAD = 6
SWAP_POOL = 400
"""Swap repairs (one question out, two in) only on pools this small: they compare candidates in pairs."""
"""How far down a ranked queue selection looks for a question about something not yet asked."""

Gate = Callable[[Question], str | None]
"""Returns why a question fails the quality gate, or None when it passes."""


@dataclass
class Picked:
    """The selection so far (mutable while selecting, private to this module)."""

    items: list[Candidate]
    tf_keys: dict[bool, int]


def quotas(n: int, available: dict[str, int]) -> dict[str, int]:
    """Share ``n`` among the groups by weight, never more than a group has; minimums first."""
    out = {g: 0 for g in available}
    for g, k in MINIMUM.items():
        if g in available and n >= MINIMUM_FROM.get(g, 8):
            out[g] = min(k, available[g])
    while sum(out.values()) < n:
        open_groups = [g for g in available if out[g] < available[g]]
        if not open_groups:
            break
        total = sum(out.values()) + 1
        best = min(open_groups, key=lambda g: (out[g] / total - WEIGHTS.get(g, 1.0) / 20, g))
        out[best] += 1
    return out


def _answer_texts(q: Question) -> list[str]:
    if isinstance(q.answer, str):
        return [q.answer]
    if q.type == "matching" and isinstance(q.answer, tuple):
        return [p[0] for p in q.answer if isinstance(p, tuple)]
    return []


def _shown(q: Question) -> str:
    return " ".join([q.prompt, *q.choices])


def alike(qa: Question, qb: Question) -> bool:
    """Prompts that read as the same question (the quality gate's near-duplicate test)."""
    if {qa.type, qb.type} & {"matching", "ordering"} and qa.type != qb.type:
        return False
    if word_and_point(qa, qb):
        return False
    score = fuzz.token_set_ratio(signature(qa), signature(qb), processor=utils.default_process)
    return score >= NEAR_DUPLICATE


def conflicts(a: Candidate, b: Candidate, public: str = "", strict: bool = True) -> bool:
    """Would asking both be repetitive, or would one give away the other's answer?"""
    qa, qb = a.question, b.question
    if a.target and a.target == b.target and a.sentence == b.sentence:
        return True
    if GROUP_WRITTEN in (a.group, b.group) and {a.group, b.group} & {"open", "vocabulary"}:
        pair = {a.group, b.group} == {GROUP_WRITTEN, "vocabulary"}
        if pair and a.sentence == b.sentence >= 0 and not word_and_point(qa, qb):
            return True  # a word's passage that quotes the written answer ("… normalized relations between
            # Israel and …" beside "what did the Abraham Accords normalize?"), as the quiz gate finds it
        # else "what does X mark?" beside "why did X …?" or a word of its sentence: different points
    elif {GROUP_ACTION, GROUP_NUMBER, GROUP_WRITTEN} & {a.group, b.group} and a.sentence == b.sentence >= 0:
        return True  # what an actor did, or how many, is the sentence's point: a second question repeats it
    if qa.type == qb.type and qa.answer == qb.answer and qa.evidence == qb.evidence:
        return True
    if qa.type == qb.type == "true_false" and a.sentence == b.sentence >= 0 and twins(qa.prompt, qb.prompt):
        return True  # a statement and its twin with one name swapped, side by side, answer each other
    if qa.type == qb.type == "true_false":
        near = a.sentence >= 0 and b.sentence >= 0 and abs(a.sentence - b.sentence) <= 1
        if opposites(qa.prompt, qb.prompt):
            return True  # one point twice ("X signals that …", "X's entry signals that …"), or both ways
        if near:
            return True  # a sentence and the next often make one point ("X signals that …", then a quote saying it)
        if (
            qa.answer == qb.answer
            and _possessor(qa.prompt)
            and _possessor(qa.prompt) == _possessor(qb.prompt)
        ):
            return True  # "Kazakhstan's accession … marks", "Kazakhstan's entry … carries": one event, twice true
    if alike(qa, qb):
        return True
    if not strict and (a.sentence != b.sentence or a.sentence < 0):
        return False
    return gives_away(qa, qb, public) or gives_away(qb, qa, public)


TWINS = 75
"""Two true/false statements from one sentence this alike (token-set ratio) differ by a swapped name or number."""


OPPOSITES = 70
"""Two statements this alike (token-set ratio, "not" left out) say one thing twice, or both ways."""


def opposites(a: str, b: str) -> bool:
    def plain(x: str) -> str:
        return x.replace(" not ", " ").replace(" does ", " ").replace(" did ", " ")

    return fuzz.token_set_ratio(plain(a), plain(b), processor=utils.default_process) >= OPPOSITES


_POSSESSOR = re.compile(r"^(?:According to the article, )?((?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*)['’]s\s")


def _possessor(prompt: str) -> str:
    """ "Kazakhstan" for a statement opening "Kazakhstan's accession to …": what the subject belongs to."""
    m = _POSSESSOR.match(prompt)
    return m.group(1) if m else ""


def twins(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= TWINS


def gives_away(x: Question, y: Question, public: str = "") -> bool:
    """Does what a student sees of ``x`` name the answer of ``y`` (a name asked for by MC, short answer
    or fill-in)? Names in the article's title are common knowledge in the quiz and do not count."""
    if y.type not in GIVEAWAY_TYPES or not isinstance(y.answer, str) or "vocabulary" in y.tags:
        return False
    own = x.answer if isinstance(x.answer, str) else ""
    shown = _shown(x) + (" " + signature(x) if x.type in ("matching", "ordering") else "")
    return any(
        (len(t) > 2 or t.isdigit()) and leaks(shown, t) and not leaks(own, t) and not leaks(public, t)
        for t in (y.answer, *y.accepted_answers)
    )


GIVEAWAY_TYPES = ("short_answer", "fill_blank", "multiple_choice")


def _allowed(c: Candidate, picked: Picked) -> bool:
    """The rules that depend on the whole selection so far: true/false keys alternate, few per target."""
    q = c.question
    tf = q.type == "true_false" and isinstance(q.answer, bool)
    if tf and picked.tf_keys[bool(q.answer)] > picked.tf_keys[not q.answer]:
        return False  # keys alternate, so true and false never differ by more than one
    return not (c.target and sum(1 for p in picked.items if p.target == c.target) >= MAX_PER_TARGET)


NOISE = 0.2
"""Seeded noise on the score: another seed gives another selection, but importance still leads."""


def ranked(cands: list[Candidate], rng: random.Random) -> list[Candidate]:
    """Best first, with seeded noise so another seed picks a different (still good) set."""
    keyed = [(c.score + rng.uniform(0, NOISE), i, c) for i, c in enumerate(cands)]
    keyed.sort(key=lambda x: (-x[0], x[1]))
    return [c for _s, _i, c in keyed]


def choose(
    cands: list[Candidate],
    n: int,
    rng: random.Random,
    gate: Gate,
    dropped: list[tuple[str, str]],
    already: list[Candidate] | None = None,
    public: str = "",
    turns: bool = False,
) -> list[Candidate]:
    """Pick ``n`` more candidates by quota, each passing ``gate`` and fitting with ``already``;
    failures are recorded in ``dropped``. Names in ``public`` (the title) may appear anywhere. ``turns``:
    groups take their turns in ``TURN`` order (a default quiz), else by weight."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.group, []).append(c)
    queues = {g: ranked(cs, rng) for g, cs in sorted(groups.items())}
    want = quotas(n, {g: len(cs) for g, cs in queues.items()})
    base = list(already or [])
    keys = [c.question.answer for c in base if c.question.type == "true_false"]
    picked = Picked(list(base), {True: keys.count(True), False: keys.count(False)})
    limit = n + len(base)
    mixed = len(set(queues) - {"metadata", "vocabulary"}) > MIXED
    checked: dict[int, bool] = {}
    blocked: set[tuple[int, bool]] = set()
    upto: dict[tuple[int, bool], int] = {}

    def fits(c: Candidate, strict: bool) -> bool:
        """Conflicts only grow as questions are added, so each pair is compared once."""
        key = (id(c), strict)
        if key in blocked:
            return False
        for p in picked.items[upto.get(key, 0) :]:
            if conflicts(c, p, public, strict):
                blocked.add(key)
                return False
        upto[key] = len(picked.items)
        return _allowed(c, picked)

    def take(g: str, strict: bool = True) -> bool:
        """Add the best candidate of group ``g`` that fits, preferring one about something not yet asked."""
        queue = queues[g]
        have = sum(1 for p in picked.items if p.group == g)
        if have >= cap(g, limit, mixed):
            return False
        comprehension = sum(1 for p in picked.items if p.group != "metadata")
        if g == "vocabulary" and have >= 1 and (have + 1) * VOCABULARY_SHARE > comprehension + 1:
            return False  # at most about a quarter vocabulary: it is not comprehension
        covered = {p.target for p in picked.items}
        fitting = [c for c in queue[:LOOKAHEAD] if fits(c, strict)]
        if not fitting:  # nothing near the top fits: the first one further down that does
            fitting = next(([c] for c in queue[LOOKAHEAD:] if fits(c, strict)), [])
        used = {p.sentence for p in picked.items if p.sentence >= 0}
        fitting.sort(key=lambda c: (bool(c.target) and c.target in covered, c.sentence in used))
        # something not yet asked, then a sentence not yet asked about: more of the story's points
        for c in fitting:
            queue.remove(c)
            if id(c) not in checked:
                reason = gate(c.question)
                checked[id(c)] = reason is None
                if reason is not None:
                    dropped.append((summary(c.question), reason))
            if checked[id(c)]:
                picked.items.append(c)
                if c.question.type == "true_false" and isinstance(c.question.answer, bool):
                    picked.tf_keys[c.question.answer] += 1
                return True
        return False

    order = sorted(want, key=lambda g: (-(TURN if turns else {}).get(g, WEIGHTS.get(g, 1.0)), g))
    for _round in range(n):
        progress = False
        for g in order:
            have = sum(1 for p in picked.items if p.group == g)
            if have < want[g] and len(picked.items) < limit and take(g):
                progress = True
        if not progress:
            break
    # quotas a group could not fill go to whichever group still has good candidates
    for strict in (True,):  # never a question that names another one's answer: a shorter quiz instead
        while len(picked.items) < limit:
            if not any(take(g, strict) for g in order if len(picked.items) < limit):
                break
    if len(picked.items) < limit:
        more_vocabulary = _vocabulary_room(picked.items) > 1
        rest = [c for q in queues.values() for c in q if more_vocabulary or c.group != "vocabulary"]
        _swap_for_two(picked, rest, limit, len(base), public, gate, checked)
    while "vocabulary" in queues and _vocabulary_room(picked.items) > 0 and len(picked.items) < limit:
        if not take("vocabulary", False):  # room made by the questions picked after the last vocabulary one
            break
    while _vocabulary_room(picked.items) < 0:  # a swap can still tip the share: the last one goes
        last = max(k for k, c in enumerate(picked.items) if c.group == "vocabulary")
        del picked.items[last]
    return picked.items[len(base) :]


def _vocabulary_room(items: list[Candidate]) -> int:
    """How many more vocabulary items fit in "at most about a quarter" (at least one is always allowed)."""
    vocabulary = sum(1 for c in items if c.group == "vocabulary")
    others = sum(1 for c in items if c.group not in ("vocabulary", "metadata"))
    return max(1, others // (VOCABULARY_SHARE - 1)) - vocabulary


def _swap_for_two(
    picked: Picked,
    rest: list[Candidate],
    limit: int,
    frozen: int,
    public: str,
    gate: Gate,
    checked: dict[int, bool],
) -> None:
    """Greedy selection can take one question that blocks two others: give it up for the two when that
    leaves every type still asked. Only runs when the quiz is short of questions (small pools)."""
    if len(rest) > SWAP_POOL:
        return
    blockers = {id(c): [p for p in picked.items if conflicts(c, p, public, False)] for c in rest}
    improved = True
    while improved and len(picked.items) < limit:
        improved = False
        for p in picked.items[frozen:]:
            if sum(1 for x in picked.items if x.question.type == p.question.type) < 2:
                continue
            freed = [c for c in rest if blockers[id(c)] == [p]]
            pair = _compatible_pair(freed, picked, p, public, gate, checked, limit)
            if pair is None:
                continue
            picked.items.remove(p)
            picked.items.extend(pair)
            for c in pair:
                rest.remove(c)
            for c in rest:  # p is gone, the pair is in
                blockers[id(c)] = [x for x in blockers[id(c)] if x is not p] + [
                    x for x in pair if conflicts(c, x, public, False)
                ]
            picked.tf_keys = _tf_keys(picked.items)
            improved = True
            break


def _tf_keys(items: list[Candidate]) -> dict[bool, int]:
    keys = [x.question.answer for x in items if x.question.type == "true_false"]
    return {True: keys.count(True), False: keys.count(False)}


def _compatible_pair(
    freed: list[Candidate],
    picked: Picked,
    out: Candidate,
    public: str,
    gate: Gate,
    checked: dict[int, bool],
    limit: int,
) -> tuple[Candidate, Candidate] | None:
    """Two candidates that fit together once ``out`` leaves, pass the gate and keep the rules and caps."""
    others = [x for x in picked.items if x is not out]
    for i, a in enumerate(freed):
        for b in freed[i + 1 :]:
            if conflicts(a, b, public, False):
                continue
            groups = [x.group for x in (*others, a, b)]
            if any(groups.count(g) > cap(g, limit) for g in {a.group, b.group}):
                continue
            with_a = [*others, a]
            if not (
                _allowed(a, Picked(others, _tf_keys(others)))
                and _allowed(b, Picked(with_a, _tf_keys(with_a)))
            ):
                continue
            for c in (a, b):
                if id(c) not in checked:
                    checked[id(c)] = gate(c.question) is None
            if checked[id(a)] and checked[id(b)]:
                return a, b
    return None


def true_false_third(
    chosen: list[Candidate], dropped: list[tuple[str, str]], context: Sequence[Question] = ()
) -> list[Candidate]:
    """At most a third of the whole quiz (``chosen`` and the ``context`` questions) true/false, at least two
    allowed, when it holds other kinds too: the caps work on the count asked for, and a quiz that came out
    shorter would otherwise be mostly true/false. When the only other kind is vocabulary, half: a third of a
    quiz whose vocabulary is held to a quarter of the rest (``_vocabulary_room``) would shrink it to three
    questions. The lowest scored go first, keeping the keys balanced."""
    tf = [c for c in chosen if c.question.type == "true_false"]
    if len(tf) == len(chosen) and not context:
        return chosen
    in_context = sum(1 for q in context if q.type == "true_false")
    out = list(chosen)
    other_kinds = any(q.type != "true_false" for q in context) or any(
        c.question.type != "true_false" and c.group not in ("vocabulary", "metadata") for c in chosen
    )
    share = 3 if other_kinds else 2

    def allowed() -> int:  # of the quiz as it is now: each statement that goes makes the quiz shorter too
        return max(2, -(-(len(out) + len(context)) // share)) - in_context

    while sum(1 for c in out if c.question.type == "true_false") > allowed():
        keys = _tf_keys(out)
        more = True if keys[True] > keys[False] else False if keys[False] > keys[True] else None
        pool = [
            c for c in out if c.question.type == "true_false" and (more is None or c.question.answer is more)
        ]
        worst = min(pool, key=lambda c: c.score)
        out.remove(worst)
        dropped.append(
            (summary(worst.question), "true_false_share: at most a third of the quiz is true/false")
        )
    return out


def summary(q: Question) -> str:
    text = " ".join(q.prompt.split())
    return f"{q.type}: {text[:70] + '…' if len(text) > 70 else text}"


def content_id(q: Question, prefix: str, number: int) -> str:
    """'a03-mc-3f2c': origin, position, type and a hash of the content (stable for the same question)."""
    digest = hashlib.sha1(f"{q.type}|{q.prompt}|{q.answer!r}".encode()).hexdigest()[:4]
    return f"{prefix}{number:02d}-{TYPE_CODES[q.type]}-{digest}"


def balance_keys(questions: list[Question], rng: random.Random) -> list[Question]:
    """Place each multiple-choice key so that every position is used about equally (seeded order)."""
    out: list[Question] = []
    slots: list[int] = []
    for q in questions:
        if q.type != "multiple_choice" or not isinstance(q.answer, str) or q.answer not in q.choices:
            out.append(q)
            continue
        if not slots:
            slots = list(range(len(q.choices)))
            rng.shuffle(slots)
        pos = slots.pop() % len(q.choices)
        wrong = [c for c in q.choices if c != q.answer]
        rng.shuffle(wrong)
        wrong.insert(pos, q.answer)
        out.append(replace(q, choices=tuple(wrong)))
    return out


def arrange(questions: list[Question], rng: random.Random) -> list[Question]:
    """Group by type (the usual order of a test: closed questions first, open last), shuffled within."""
    out: list[Question] = []
    for t in QUESTION_TYPES:
        same = [q for q in questions if q.type == t]
        rng.shuffle(same)
        out.extend(same)
    return out
