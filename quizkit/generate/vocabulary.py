"""Vocabulary in context: glossary terms the article uses, asked as multiple choice or matching.

The glossary (``glossary.yaml``) holds short learner definitions in our own words; the lesson reuses it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from quizkit.analysis import Analysis, Sentence
from quizkit.generate import distractors, syntax
from quizkit.generate.common import Candidate, explanation, make, sentence_score, span_evidence

TAG = "vocabulary"


@cache
def glossary() -> dict[str, str]:
    """Term -> short learner definition, in file order."""
    raw = resources.files("quizkit.generate").joinpath("glossary.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    return {str(k): str(v) for k, v in data.items()}


def _word_pattern(word: str) -> str:
    """A word with its inflections only: normalize -> normalized/normalizes/normalising, ratify -> ratified;
    not a derived word with another meaning ("exporter", "pivotal")."""
    if len(word) <= 4:
        return re.escape(word) + r"s?"
    stem = word[:-1] if word.endswith(("e", "y")) else word
    stem = re.escape(stem).replace("iz", "i[sz]")
    ending = word[-1] if word.endswith(("e", "y")) else ""
    return stem + rf"(?:{re.escape(ending)}s?|{'ie[sd]' if ending == 'y' else 'e?[sd]'}|ing|es)?"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for term in glossary():
        words = term.split()
        body = r"[\s-]+".join(_word_pattern(w) for w in words)
        out.append((term, re.compile(rf"(?<![\w-])({body})(?![\w-])", re.I)))
    return tuple(out)


def _function_word(s: Sentence, at: int) -> bool:
    """The token at body offset ``at`` works as a preposition or conjunction here."""
    tok = next((t for t in s.toks if t.start == at), None)
    return tok is not None and (tok.pos in ("ADP", "SCONJ") or tok.dep in ("prep", "mark"))


SENSE_CUES: dict[str, frozenset[str]] = {
    "landscape": frozenset(
        [
            "political",
            "strategic",
            "geopolitical",
            "economic",
            "security",
            "media",
            "competitive",
            "business",
            "energy",
        ]
    ),
    "summit": frozenset(
        ["leaders", "leader", "president", "presidents", "minister", "ministers", "talks", "meeting", "heads"]
    ),
    "reserves": frozenset(
        ["oil", "gas", "uranium", "mineral", "minerals", "currency", "foreign", "lithium", "coal", "gold"]
    ),
    "corridor": frozenset(["trade", "transport", "route", "rail", "railway", "freight", "cargo", "transit"]),
    "tensions": frozenset(["political", "diplomatic", "military", "rising", "border", "trade", "between"]),
}
"""Words whose glossed sense is one of several: asked only when a cue in the sentence shows that sense
("the strategic landscape", not "a desolate landscape")."""
_ADJ_START = frozenset(
    [
        "related",
        "involving",
        "having",
        "important",
        "planned",
        "showing",
        "able",
        "likely",
        "based",
        "relating",
        "concerning",
    ]
)


def gloss_pos(definition: str) -> str:
    """The part of speech a learner definition is written for: "to …" a verb, "related to …" an adjective,
    otherwise a noun."""
    first = definition.split(" ", 1)[0].lower()
    if first == "to":
        return "VERB"
    return "ADJ" if first in _ADJ_START else "NOUN"


POS_FITS = {"VERB": ("VERB", "AUX"), "ADJ": ("ADJ", "VERB"), "NOUN": ("NOUN", "PROPN")}


def fits(s: Sentence, at: int, term: str, definition: str) -> bool:
    """The word at body offset ``at`` is used as the part of speech and in the sense the gloss explains."""
    tok = next((t for t in s.toks if t.start == at), None)
    if tok is None or tok.pos not in POS_FITS[gloss_pos(definition)]:
        return False
    cues = SENSE_CUES.get(term)
    return cues is None or any(t.text.lower() in cues for t in s.toks)


def occurrences(analysis: Analysis) -> dict[str, tuple[Sentence, str]]:
    """Glossary term -> (first body sentence using it, the form written there)."""
    found: dict[str, tuple[Sentence, str]] = {}
    for s in sorted(analysis.sentences, key=lambda s: (s.block_kind == "summary", s.index)):
        for term, pattern in _patterns():
            if term in found:
                continue
            for m in pattern.finditer(s.text):
                if m.group(1)[:1].isupper() and m.start() > 0:
                    continue  # part of a name ("the Abraham Accords"), not the common word
                if _function_word(s, s.start + m.start(1)):
                    continue  # "according to" is a preposition, not the noun "accord"
                if " " not in term and not fits(s, s.start + m.start(1), term, glossary().get(term, "")):
                    continue  # "it influences" is the verb, not the noun the gloss explains
                found[term] = (s, m.group(1))
                break
    return found


def context_of(s: Sentence, form: str) -> str:
    """A short phrase around the term ("Kazakhstan’s accession to the Abraham Accords"), else the clause,
    else the sentence: enough context to read the word in, without retelling the whole sentence."""
    text = s.text.strip('"“”')
    at = s.text.find(form)
    tok = next((k for k, t in enumerate(s.toks) if t.start - s.start >= at), None)
    if tok is None:
        return text
    head = tok
    while s.toks[head].pos in ("ADJ", "ADV", "CCONJ") or s.toks[head].dep in ("compound", "amod", "conj"):
        if s.toks[head].head == head:
            break
        head = s.toks[head].head
    keep = syntax.subtree(s, head)
    for c in syntax.children(s, head):
        if s.toks[c].dep in (
            "relcl",
            "advcl",
            "acl",
            "appos",
            "punct",
            "conj",
            "cc",
        ) and tok not in syntax.subtree(s, c):
            keep -= syntax.subtree(s, c)
    phrase = syntax.strip_end(syntax.render(s.toks, tuple(sorted(keep))))
    if form in phrase and 3 <= len(phrase.split()) <= 12:
        return phrase
    verb = syntax.clause_verb(s, tok)
    if verb is not None:
        cl = syntax.clause(s, verb, {tok})
        clause_text = syntax.strip_end(syntax.render(s.toks, cl.idxs))
        if form in clause_text and 5 <= len(clause_text.split()) <= 20:
            return clause_text
    return text


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    gloss = glossary()
    pool = list(gloss.values())
    found = occurrences(analysis)
    for term, (s, form) in found.items():
        same_pos = [d for d in pool if gloss_pos(d) == gloss_pos(gloss[term])]
        wrong = distractors.definitions(gloss[term], same_pos, rng)  # a verb's meaning among verbs' meanings
        if wrong is None:
            continue
        quoted = context_of(s, form)
        prompt = f'What does "{form}" mean in this passage from the article: “{quoted}”?'
        q = make(
            "multiple_choice",
            prompt,
            gloss[term],
            s,
            analysis,
            choices=(gloss[term], *wrong),
            bloom="understand",
            explain=explanation(s, f'"{form}" here means: {gloss[term]}.'),
            tags=(TAG,),
        )
        yield Candidate(q, sentence_score(s) + 0.4, s.index, f"vocabulary:{term}", TAG)
    terms = list(found)
    if len(terms) >= 4:
        rng.shuffle(terms)
        chosen = sorted(terms[:4], key=lambda t: found[t][0].index)
        pairs = tuple((found[t][1].lower(), gloss[t]) for t in chosen)
        sents = sorted({found[t][0].index: found[t][0] for t in chosen}.values(), key=lambda s: s.index)
        q = make(
            "matching",
            "Which meaning goes with each word as the article uses it?",
            pairs,
            sents[0],
            analysis,
            bloom="understand",
            points=float(len(pairs)),
            explain="The words appear in the article: "
            + "; ".join(f'"{found[t][1]}" ({found[t][0].where()})' for t in chosen)
            + ".",
            ev=span_evidence(analysis, sents) if len({s.heading for s in sents}) == 1 else None,
            tags=(TAG,),
        )
        yield Candidate(q, 1.2, sents[0].index, "vocabulary:matching", TAG)
