"""Article analysis: sentences with body offsets, entity mentions, noun chunks and a light dependency parse.

Streaming: blocks are parsed in batches by ``quizkit.nlp.parse``; each spaCy Doc is reduced at once to small
frozen records (``Sentence`` with ``Tok`` and ``Mention``) and then dropped, so memory stays flat on long input.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from quizkit import nlp
from quizkit.knowledge import aliases
from quizkit.model import Article

SPACY_KIND = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "region",
    "ORG": "organisation",
    "EVENT": "event",
    "LAW": "agreement",
    "FAC": "place",
}
"""spaCy label -> our kind; the alias table refines 'place' into country/city/region when it knows the name."""

NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
PRONOUN_STARTS = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "they",
        "he",
        "she",
        "its",
        "their",
        "his",
        "her",
        "we",
        "them",
        "such",
        "there",
        "here",
    ]
)
DISCOURSE = frozenset(
    [
        "overall",
        "however",
        "meanwhile",
        "also",
        "still",
        "moreover",
        "but",
        "and",
        "so",
        "yet",
        "thus",
        "therefore",
    ]
)
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d\d)$")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"^(?:\d{{1,2}} {_MONTH}|{_MONTH}(?: \d{{1,2}},?)?) (?:19|20)\d\d$")
"""A calendar date or month: "16 December 1991", "August 12, 2018", "March 2019"."""
_SUMMARY_LABEL = re.compile(r"^\s*(author'?s summary|author’s summary|summary|in short)\s*:\s*", re.I)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*"
    r"(?:\((?:Reuters|AP|AFP|AA|Xinhua|TASS|dpa|UNI|PTI|ANI|IANS)\))?\s*[-—–]{1,2}\s+"
    rf"|^\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}},\s*(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}},?) (?:19|20)\d\d"
    r"\s*[-—–]{1,2}\s+"
)
"""A dateline that opens a story: "ANKARA, Oct 3 (Reuters) - ", "ALMATY — ", "London, 9 June 2026 — "."""
GENERIC_PLACES = frozenset({"earth", "the earth", "world", "the world", "planet", "globe"})
EVENT_NOUNS = frozenset(
    ["crisis", "war", "conflict", "talks", "summit", "deal", "agreement", "treaty", "accords"]
)


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: sentence-relative ``head``; ``start`` is a body offset."""

    text: str
    ws: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity in a sentence: tokens ``[i, j)`` and body offsets; ``kind`` as in the alias table."""

    text: str
    kind: str
    i: int
    j: int
    start: int
    end: int
    canonical: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A spaCy named entity as found, any label, with body offsets (for linking to the knowledge base)."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One body sentence with its place in the article (paragraph number, heading above it)."""

    index: int
    text: str
    start: int
    end: int
    block_kind: str
    paragraph: int
    heading: str
    toks: tuple[Tok, ...]
    mentions: tuple[Mention, ...]
    chunks: tuple[tuple[int, int], ...]
    """Noun chunks as token ranges [i, j)."""
    kids: tuple[tuple[int, ...], ...] = ()
    """Dependency children of each token (precomputed: the question builders walk the tree a lot)."""
    opens_paragraph: bool = True
    """First sentence of its paragraph (a quotation there stands alone; later it continues someone's words)."""
    proper: frozenset[str] = frozenset()
    """Words (lower case) the article writes with a capital inside a sentence and never in lower case: names
    the tagger may miss at the start of a sentence ("Figgins declined…"), shared by the article's sentences."""
    lead_event: str = ""
    """In the story's first paragraphs: the lead's own event as its first sentence names it ("Kazakhstan’s
    accession to the Abraham Accords"), what "This development" or "this move" there refers to."""

    @property
    def words(self) -> int:
        return sum(1 for t in self.toks if t.pos != "PUNCT")

    @property
    def unresolved(self) -> bool:
        """True when the sentence opens with a pronoun or a demonstrative ("This move ..."), or in lower case:
        the tail of a sentence the parser split at a slogan's full stop ('South Dakota's "Meth. We're on
        it." awareness campaign' → "awareness campaign has been …")."""
        first = next((t.text for t in self.toks if t.pos != "PUNCT"), "")
        lower = first[:1].islower() and not first[1:2].isupper() and first.isalpha()
        return lower or starts_unresolved(self.toks)

    def where(self) -> str:
        """'paragraph 3, under "Heading"' for explanations."""
        place = "the author's summary" if self.block_kind == "summary" else f"paragraph {self.paragraph}"
        return f'{place}, under "{self.heading}"' if self.heading else place


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the question generators need from the article."""

    article: Article
    sentences: tuple[Sentence, ...]
    counts: Counter[str]
    """Mentions per canonical name (answer frequency), over the whole article."""
    words: int
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kind -> names as the article writes them, in order of first appearance (distractors' first pool)."""
    entities: tuple[Entity, ...] = ()
    """Every named entity spaCy found in the body, in order: the knowledge base links through these."""

    def mentions_of_kind(self, kind: str) -> list[str]:
        """Canonical names of this kind in order of first appearance."""
        seen: dict[str, None] = {}
        for s in self.sentences:
            for m in s.mentions:
                if m.kind == kind:
                    seen.setdefault(m.canonical, None)
        return list(seen)


GENERATION_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def surname(name: str) -> str:
    """A person's last name: "Tokayev" for "Kassym-Jomart Tokayev", "Kennedy" for "James P. Kennedy Jr."
    (a generation suffix is no name a student would write alone)."""
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in GENERATION_SUFFIXES:
        words.pop()
    return words[-1] if words else name


def starts_unresolved(toks: tuple[Tok, ...] | list[Tok]) -> bool:
    """The first content word (after 'Overall,' and the like) is a pronoun, a demonstrative or "both"."""
    for k, t in enumerate(toks):
        low = t.text.lower()
        if t.pos == "PUNCT" or low in DISCOURSE:
            continue
        # "Both diseases are …" points back at two things ("Both Kazakhstan and Israel …" names them)
        both = low == "both" and k + 1 < len(toks) and toks[k + 1].pos == "NOUN"
        # "To that, Cook joked …", "After this, …": an opening preposition on what came before
        pointing = (
            t.pos == "ADP"
            and k + 2 < len(toks)
            and toks[k + 1].text.lower() in ("that", "this", "these", "those", "it", "which")
            and toks[k + 2].text == ","
        )
        return low in PRONOUN_STARTS or both or pointing or _back_noun(toks, k)
    return False


BACK_NOUNS = frozenset(
    [
        "answer",
        "catch",
        "reality",
        "problem",
        "question",
        "reason",
        "result",
        "difference",
        "truth",
        "trick",
        "downside",
        "upside",
        "upshot",
        "irony",
        "twist",
        "rest",
        "latter",
        "former",
        "same",
    ]
)
"""Nouns that stand for something said just before or just after ("the simple answer is that …", "the only
catch was …", "the reality seems to be somewhat different"): as a sentence's subject, with no "of" or "for"
phrase to say which, they point at text the student has not seen."""


_SAYS_WHICH = frozenset(["of", "for", "behind", "to", "with", "that", "which", "why", "in"])


def _back_noun(toks: tuple[Tok, ...] | list[Tok], k: int) -> bool:
    """``toks[k]`` is "the" opening a subject whose head, after at most two modifiers, is one of
    ``BACK_NOUNS`` with no phrase of its own ("the reason for the delay" says which)."""
    if toks[k].text.lower() != "the":
        return False
    for j in range(k + 1, min(k + 4, len(toks))):
        t = toks[j]
        if t.pos in ("ADJ", "ADV") or t.tag == "JJS":
            continue
        if t.text.lower() not in BACK_NOUNS or t.dep not in ("nsubj", "nsubjpass"):
            return False
        # the next word opens a phrase that says which (the tokens may be a cut of the sentence, so the
        # parse's head indices cannot be used here)
        return not (j + 1 < len(toks) and toks[j + 1].text.lower() in _SAYS_WHICH)
    return False


def _kind_of(text: str, label: str) -> str | None:
    """Our kind for an entity, or None when it cannot serve as an answer."""
    if label == "DATE":
        return "year" if _YEAR.match(text) else ("date" if _DATE.match(text) else None)
    if label in NUMBER_LABELS:
        return "number" if re.search(r"\d", text) else None
    if label not in SPACY_KIND:
        return None
    known = aliases.lookup(text)
    if known is not None:
        return known.kind
    if not text[:1].isupper() or len(text) < 2 or text.lower() in GENERIC_PLACES:
        return None
    return SPACY_KIND[label]


def _is_det(t: Tok) -> bool:
    return t.text.lower() in ("the", "a", "an")


def _alpha_like(t: Tok) -> bool:
    return any(c.isalnum() for c in t.text)


def _strip_det(toks: list[Tok], i: int, j: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    while i < j and _is_det(toks[i]):
        i += 1
    while j > i and toks[j - 1].text in ("'s", "’s", "'", "’"):
        j -= 1
    return i, j


def _mentions(sent: Any, ents: list[Any], toks: list[Tok], body: str) -> list[Mention]:
    out: list[Mention] = []
    base = sent.start
    for ent in ents:
        i, j = _strip_det(toks, ent.start - base, ent.end - base)
        if i >= j:
            continue
        text = body[toks[i].start : toks[j - 1].start + len(toks[j - 1].text)]
        kind = _kind_of(text, ent.label_)
        # "the Gaza crisis": a known event named by entity + noun
        if j < len(toks) and toks[j].text.lower() in EVENT_NOUNS:
            longer = f"{text} {toks[j].text}"
            known = aliases.lookup(longer)
            if known is not None:
                text, kind, j = longer, known.kind, j + 1
        if kind is None:
            continue
        start = toks[i].start
        out.append(Mention(text, kind, i, j, start, start + len(text), aliases.canonical(text) or text))
    return out


def _sentence_span(text: str, start: int, block_kind: str) -> tuple[str, int]:
    """Trim a summary label, a wire dateline ("ANKARA, Oct 3 (Reuters) - ") and outer whitespace;
    returns (text, start)."""
    label = _SUMMARY_LABEL.match(text) if block_kind == "summary" else _DATELINE.match(text)
    if label:
        text, start = text[label.end() :], start + label.end()
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    return stripped.rstrip(), start


def _block_context(article: Article) -> Iterator[tuple[int, str, str, int, str]]:
    """(offset, text, kind, paragraph number, heading) for each block that can give evidence."""
    heading = ""
    para = 0
    for b in article.blocks:
        if b.kind == "heading":
            heading = b.text
            continue
        para += 1
        yield b.start, b.text, b.kind, para, heading


def _toks(sent: Any, offset: int) -> list[Tok]:
    base = sent.start
    return [
        Tok(t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i - base, t.idx + offset)
        for t in sent
    ]


def _cut(toks: list[Tok], ments: list[Mention], start: int) -> tuple[list[Tok], list[Mention]]:
    """Drop tokens before body offset ``start`` (a summary label); heads pointing there become roots."""
    cut = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    if cut == 0:
        return toks, ments
    out = [
        Tok(
            t.text,
            t.ws,
            t.lemma,
            t.pos,
            t.tag,
            t.dep if t.head >= cut else "ROOT",
            t.head - cut if t.head >= cut else k,
            t.start,
        )
        for k, t in enumerate(toks[cut:])
    ]
    kept = [
        Mention(m.text, m.kind, m.i - cut, m.j - cut, m.start, m.end, m.canonical)
        for m in ments
        if m.i >= cut
    ]
    return out, kept


def iter_sentences(article: Article, entities: list[Entity] | None = None) -> Iterator[Sentence]:
    """Parse the article block by block and yield light sentence records; each Doc is dropped after use.

    When ``entities`` is given, every named entity of every block is appended to it on the way.
    """
    blocks = list(_block_context(article))
    starts = [b[0] for b in blocks]
    proper = proper_words(article.body)
    index = 0
    for offset, doc in nlp.parse((b[0], b[1]) for b in blocks):
        if entities is not None:
            entities.extend(
                Entity(e.text, e.label_, offset + e.start_char, offset + e.end_char) for e in doc.ents
            )
        _s, _t, kind, para, heading = blocks[bisect.bisect_right(starts, offset) - 1]
        # Span.ents and Span.noun_chunks walk the whole Doc on every call: bucket them once per Doc instead,
        # so a long paragraph costs linear, not quadratic, time.
        sents = list(doc.sents)
        sent_starts = [sent.start for sent in sents]
        ents_in: list[list[Any]] = [[] for _ in sents]
        chunks_in: list[list[Any]] = [[] for _ in sents]
        for span, bucket in [*((e, ents_in) for e in doc.ents), *((c, chunks_in) for c in doc.noun_chunks)]:
            k = bisect.bisect_right(sent_starts, span.start) - 1
            if span.end <= sents[k].end:
                bucket[k].append(span)
        for n_sent, sent in enumerate(sents):
            toks = _toks(sent, offset)
            ments = _mentions(sent, ents_in[n_sent], toks, article.body)
            chunks = [(c.start - sent.start, c.end - sent.start) for c in chunks_in[n_sent]]
            text, start = _sentence_span(sent.text, sent.start_char + offset, kind)
            if start > toks[0].start:
                n = len(toks)
                toks, ments = _cut(toks, ments, start)
                chunks = [(i - (n - len(toks)), j - (n - len(toks))) for i, j in chunks if i >= n - len(toks)]
            if sum(1 for t in toks if _alpha_like(t)) < 4:
                continue
            kids: list[list[int]] = [[] for _ in toks]
            for k, t in enumerate(toks):
                if t.head != k:
                    kids[t.head].append(k)
            yield Sentence(
                index,
                text,
                start,
                start + len(text),
                kind,
                para,
                heading,
                tuple(toks),
                tuple(ments),
                tuple(chunks),
                tuple(tuple(x) for x in kids),
                n_sent == 0,
                proper,
            )
            index += 1


_MID_CAPITAL = re.compile(r"(?<=[a-z0-9,;:] )([A-Z][a-z][A-Za-z'’-]*)(?![A-Za-z'’-]| [A-Z])")
_LOWER_WORD = re.compile(r"(?<![A-Za-z'’-])([a-z][a-z'’-]*)")


def proper_words(body: str) -> frozenset[str]:
    """Words capitalised after a lower-case word or a comma somewhere in ``body``, not as the first word of a
    longer name ("the World Travel and Tourism Council" makes no word proper), and never written in lower case
    there (``Sentence.proper``)."""
    capital = {w.lower() for w in _MID_CAPITAL.findall(body)}
    return frozenset(capital - set(_LOWER_WORD.findall(body)))


def names_by_kind(sentences: tuple[Sentence, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, dict[str, None]] = {}
    for s in sentences:
        for m in s.mentions:
            out.setdefault(m.kind, {}).setdefault(m.text, None)
    return {k: tuple(v) for k, v in out.items()}


PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "minister",
        "secretary",
        "king",
        "queen",
        "lord",
        "lady",
        "professor",
        "sir",
        "chancellor",
        "senator",
        "governor",
        "mayor",
        "judge",
        "justice",
        "executive",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ceo",
        "chairman",
        "chairwoman",
        "director",
        "manager",
        "coach",
        "captain",
        "analyst",
        "economist",
        "researcher",
    ]
)
PLACE_PREPS = frozenset(["in", "from", "near", "outside", "across", "towards", "toward", "between", "into"])
SAY_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "announce",
        "report",
        "forecast",
        "expect",
        "plan",
        "blame",
        "confirm",
        "argue",
        "warn",
    ]
)
AGREEMENT = 0.6
"""Share of an unknown name's mentions that must agree on its kind; below it the small model is guessing."""


def _cues(s: Sentence, m: Mention) -> tuple[str, int]:
    """The kind a mention's context points to (a title, "said", an apposition, a place preposition), with a
    weight (2 or more: a cue that decides); kind "" means the span is part of a title ("Home Secretary")."""
    toks = s.toks
    before = toks[m.i - 1].text.lower().rstrip(".") if m.i > 0 else ""
    after = [t.text.lower() for t in toks[m.j : m.j + 5]]
    head = toks[toks[m.j - 1].head]
    if after and after[0] in PERSON_TITLES and m.j - m.i == 1:
        return "", 2
    if before in PERSON_TITLES:
        return "person", 2
    if after[:1] == [","] and any(w in PERSON_TITLES for w in after[1:]):
        return "person", 3
    if toks[m.j - 1].dep == "nsubj" and head.lemma.lower() in SAY_VERBS:
        return ("person", 2) if m.kind == "person" else ("organisation", 2)
    if before in PLACE_PREPS and m.kind == "person":
        return "place", 1
    return m.kind, 1


def settle_kinds(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """One kind per unknown name across the article, or none when the small model cannot decide.

    spaCy's small model labels the same name differently from sentence to sentence ("Haugen" a place, then
    an organisation) and tags capitalised common words ("Turnout") as names. A surname of a full person name
    is a person; otherwise context cues and the labels vote, and a name whose votes disagree, a lone word
    called a person with no title or "said" to back it, or a common noun is not used as an answer.
    """
    unknown: dict[str, bool] = {}
    votes: dict[str, Counter[str]] = {}
    propn: Counter[str] = Counter()
    surnames: dict[str, set[str]] = {}
    cued: set[str] = set()
    for s in sentences:
        for m in s.mentions:
            if m.kind in ("year", "date", "number"):
                continue
            if m.text not in unknown:
                unknown[m.text] = aliases.lookup(m.text) is None
            if not unknown[m.text]:
                continue
            kind, weight = _cues(s, m)
            votes.setdefault(m.text, Counter())[kind] += weight
            if weight > 1:
                cued.add(m.text)
            if s.toks[m.j - 1].pos in ("CCONJ", "PUNCT", "ADP"):
                propn[m.text] -= 1000  # a span cut mid-list: "Paiporta, Alfafar and"
            propn[m.text] += any(t.pos == "PROPN" for t in s.toks[m.i : m.j])
            words = m.text.split()
            if m.kind == "person" and len(words) >= 2:
                surnames.setdefault(surname(m.text), set()).add(m.canonical)
    settled: dict[str, str | None] = {}
    for text, count in votes.items():
        kind, n = count.most_common(1)[0]
        if text in surnames and " " not in text:  # "Haugen" after "Astrid Haugen"
            settled[text] = "person"
        elif (
            propn[text] <= 0
            or not kind
            or n < AGREEMENT * count.total()
            or (kind == "person" and " " not in text and text not in cued)
        ):
            settled[text] = None
        else:
            settled[text] = kind
    full = {last: next(iter(names)) for last, names in surnames.items() if len(names) == 1}
    """"Haugen" is "Astrid Haugen" when the article names one person so: one answer, not two."""
    if not settled:
        return sentences
    out = []
    for s in sentences:
        if any(m.text in settled and (settled[m.text] != m.kind or m.text in full) for m in s.mentions):
            ments = tuple(
                replace(m, kind=settled[m.text] or "", canonical=full.get(m.text, m.canonical))
                if m.text in settled
                else m
                for m in s.mentions
            )
            s = replace(s, mentions=tuple(m for m in ments if m.kind))
        out.append(s)
    return tuple(out)


@lru_cache(maxsize=1)
def analyse(article: Article) -> Analysis:
    """Sentences, entities and entity counts for the whole article: the article's one spaCy parse.

    Cached for the latest article, so generation and the knowledge base's linking share one parse.
    The cyclic garbage collector is paused while the records are built: they hold no cycles, and its
    repeated scans of a growing heap would otherwise make a 100,000-word text cost more than twice 50,000.
    """
    entities: list[Entity] = []
    paused = gc.isenabled()
    gc.disable()
    try:
        sentences = with_lead_event(settle_kinds(tuple(iter_sentences(article, entities))))
    finally:
        if paused:
            gc.enable()
    counts: Counter[str] = Counter(m.canonical for s in sentences for m in s.mentions)
    words = len(article.body.split())
    return Analysis(article, sentences, counts, words, names_by_kind(sentences), tuple(entities))


EVENT_NOUNS = frozenset(
    [
        "accession",
        "entry",
        "move",
        "decision",
        "visit",
        "deal",
        "step",
        "attack",
        "election",
        "vote",
        "announcement",
        "agreement",
        "launch",
        "arrest",
        "death",
        "win",
        "victory",
        "defeat",
        "crash",
        "strike",
        "ban",
        "return",
        "withdrawal",
        "approval",
        "appointment",
        "resignation",
        "merger",
        "acquisition",
        "invasion",
        "ceasefire",
        "truce",
        "summit",
        "talks",
        "meeting",
        "discovery",
        "outbreak",
        "earthquake",
        "explosion",
    ]
)
LEAD_PARAGRAPHS = 4
"""How far into the story "This development" is still the lead's own event."""


def with_lead_event(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The lead sentence's subject when it names an event of someone named ("Kazakhstan’s accession to the
    Abraham Accords", not "Officials" or "It"), given to the sentences of the first paragraphs."""
    body = [s for s in sentences if s.block_kind != "summary"]
    if not body:
        return sentences
    lead = body[0]
    root = next((k for k, t in enumerate(lead.toks) if t.dep == "ROOT"), None)
    subj = (
        next((k for k in lead.kids[root] if lead.toks[k].dep == "nsubj"), None) if root is not None else None
    )
    if subj is None or lead.toks[subj].pos != "NOUN" or lead.toks[subj].lemma.lower() not in EVENT_NOUNS:
        return sentences
    span = sorted(subtree(lead, subj))
    if span != list(range(span[0], span[-1] + 1)) or len(span) > 12:
        return sentences
    if not any(lead.toks[k].pos == "PROPN" for k in span) or lead.toks[span[0]].pos in ("DET", "PRON"):
        return sentences
    last = lead.toks[span[-1]]
    event = lead.text[lead.toks[span[0]].start - lead.start : last.start + len(last.text) - lead.start]
    paragraphs = sorted({s.paragraph for s in body})[:LEAD_PARAGRAPHS]
    return tuple(
        replace(s, lead_event=event) if s.paragraph in paragraphs and s.index != lead.index else s
        for s in sentences
    )


def subtree(s: Sentence, i: int) -> set[int]:
    """Token ``i`` and every token under it in the dependency tree."""
    out = {i}
    stack = [i]
    while stack:
        cur = stack.pop()
        for k in s.kids[cur]:
            if k not in out:
                out.add(k)
                stack.append(k)
    return out


SUMMARY_REPEATS = 0.7
"""A summary sentence whose content words are mostly in the body says nothing new: it is not asked about."""


def content(s: Sentence) -> set[str]:
    """Lemmas of a sentence's nouns, names, verbs and adjectives."""
    return {t.lemma.lower() for t in s.toks if t.pos in ("NOUN", "PROPN", "VERB", "ADJ")}


def focus(analysis: Analysis, budget: int, seed: int) -> Analysis:
    """The same analysis restricted to at most ``budget`` sentences (repeats and a summary that repeats the
    body dropped, body paragraphs with names preferred, seeded), so the work per question stays flat however
    long the article is."""
    seen: set[str] = set()
    unique = []
    body_words = set().union(*(content(s) for s in analysis.sentences if s.block_kind != "summary"))
    for s in analysis.sentences:
        said = s.block_kind == "summary" and len(content(s) & body_words) >= SUMMARY_REPEATS * len(content(s))
        if s.text not in seen and not said:
            seen.add(s.text)
            unique.append(s)
    if len(unique) > budget:
        import random

        rng = random.Random(f"{seed}:focus")
        weight = {
            s.index: rng.random() * 0.5 + bool(s.mentions) * 0.3 - (s.block_kind == "summary") for s in unique
        }
        unique = sorted(
            sorted(unique, key=lambda s: (-weight[s.index], s.index))[:budget], key=lambda s: s.index
        )
    kept = tuple(unique)
    return replace(analysis, sentences=kept, names=names_by_kind(kept))
