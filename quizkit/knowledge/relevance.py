"""Which facts of the knowledge base an article is about: tied to its central claims, not already said.

An article gets context questions only on facts whose subject is central to it (headline, or two mentions),
that name something specific it is about (an agreement, a body, a person, a place; countries alone tie
nothing), that ask a concept rather than a figure to recall, and whose answer the article neither states nor
hands over. An article the knowledge base knows nothing about gets none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizkit.knowledge import aliases
from quizkit.knowledge.distractors import answer_forms
from quizkit.knowledge.linking import Ranked, entity_weights, rank_facts
from quizkit.model import Article, Fact

_CENTRAL = 2.0
"""Weighted mentions that make a name central to the article (a headline mention counts 2)."""
_TIED = 0.4
"""A fact is tied to the article's central claims when it scores at least this share of the best fact."""
_GENERIC_KINDS = frozenset({"country", "region"})
"""Names that alone do not tie a fact to an article (a remittances story names Russia and Kazakhstan too)."""
FIGURE_KINDS = frozenset(
    {"date", "day", "number", "population", "percent", "length", "tonnage", "count", "rank"}
)
"""Exact figures: not asked from memory in a context question (concepts over statistics)."""
_NAME_KINDS = frozenset({"country", "city", "person", "organisation", "sea", "venue", "figure", "resource"})


def mentions(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as a whole word or phrase."""
    return bool(part) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None


def specific_central(entities: Sequence[str], central: set[str]) -> bool:
    return any(e in central and _kind(e) not in _GENERIC_KINDS for e in entities)


def _kind(name: str) -> str:
    ent = aliases.lookup(name)
    return ent.kind if ent else ""


def central_names(article: Article) -> set[str]:
    """The names the article is about: in the headline or mentioned at least twice (weighted)."""
    return {e for e, w in entity_weights(article).items() if w >= _CENTRAL}


_STOP = frozenset(
    {"that", "with", "from", "this", "which", "were", "their", "there", "about", "after", "before", "than"}
    | {"into", "over", "under", "they", "them", "been", "have", "what", "when", "where", "while", "also"}
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3 and w not in _STOP}


def states_answer(article: Article, fact: Fact) -> bool:
    """Whether the article already says what the fact says: one of its sentences names the answer (in any
    accepted form) together with at least half of the statement's other content words."""
    forms = [f for f in (fact.answer, *answer_forms(fact)) if len(f) > 1]
    others = _content_words(fact.statement) - {w for f in forms for w in _content_words(f)}
    text = f"{article.title}\n{article.body}"
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        named = any(mentions(sentence, f) for f in forms)
        if named and (not others or len(others & _content_words(sentence)) >= 0.5 * len(others)):
            return True
    return False


def _anchored(fact: Fact, central: set[str], article: Article) -> bool:
    """The fact names something specific that is central to the article too (an agreement, a body, a person,
    a place, a resource), or, when it names only countries, one of its topics that is not itself a name is in
    the headline or three times in the body ("a geopolitical balancing act" for the multi-vector policy).
    "Central Asian" in a headline on remittances ties nothing: names tie only through the first rule."""
    specific = [e for e in fact.entities if _kind(e) not in _GENERIC_KINDS]
    specific = [e for e in specific if _kind(e) != "city" or _named_as_place(e, article)]
    if any(e in central for e in specific):
        return True
    for topic in fact.topics:
        phrase = topic.replace("-", " ")
        if len(phrase) < 5 or aliases.lookup(phrase) is not None:
            continue
        pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
        if re.search(pattern, article.title, re.I) or len(re.findall(pattern, article.body, re.I)) >= 3:
            return True
    return False


def _named_as_place(city: str, article: Article) -> bool:
    """The article names the city as a place ("in Astana", "to Washington"), not only as its government
    ("Astana is limited by…", "Astana's neighbours"): a fact about the city itself (its renaming) is tied
    to the first kind of article only."""
    ent = aliases.lookup(city)
    names = ent.names if ent is not None else (city,)
    text = f"{article.title}\n{article.body}"
    return any(
        re.search(
            rf"\b(?:in|at|to|from|near|into|visit(?:ed|s)?|outside|around)\s+(?:the\s+)?{re.escape(n)}\b",
            text,
        )
        for n in names
    )


def _given_away(fact: Fact, article: Article, central: set[str]) -> bool:
    """The article hands the answer over: it is a name the article is about (its headline, its main actors),
    or a name of the answer's kind (a person, a country...) that the article itself mentions. An answer that
    is another name of the fact's own subject ("the Middle Corridor's official name") is asked."""
    name = aliases.canonical(fact.answer) or fact.answer
    if name == fact.subject and aliases.norm(fact.answer) != aliases.norm(fact.subject):
        return False
    if name in central:
        return True
    text = f"{article.title}\n{article.body}"
    named = any(mentions(text, f) for f in (fact.answer, *answer_forms(fact)) if len(f) > 2)
    return fact.answer_kind in _NAME_KINDS and named


def central_facts(article: Article, ranked: Sequence[Ranked] | None = None) -> list[Ranked]:
    """The facts tied to the article's central claims, most relevant first: the subject is central, the fact
    is anchored in something specific the article names, it scores at least ``_TIED`` of the best such fact,
    its answer is not an exact figure (``FIGURE_KINDS``) nor a name central to the article (a giveaway), and
    the article does not already state it. Empty
    when the article is not about what the knowledge base knows."""
    ranked = rank_facts(article) if ranked is None else ranked
    central = central_names(article)
    tied = [
        r
        for r in ranked
        if r.tier == 0
        and r.fact.subject in central
        and _anchored(r.fact, central, article)
        and r.fact.answer_kind not in FIGURE_KINDS
    ]
    if not tied:
        return []
    best = max(r.score for r in tied)
    return [
        r
        for r in tied
        if r.score >= _TIED * best
        and not _given_away(r.fact, article, central)
        and not states_answer(article, r.fact)
    ]
