"""Matching: name ↔ what the article says about it (from one section), and person ↔ role or title."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quizkit.analysis import Analysis, Mention, Sentence
from quizkit.generate import realize, statements, syntax
from quizkit.generate.common import Candidate, leaks, make
from quizkit.model import Evidence

NAME_KINDS = realize.ANSWER_KINDS
TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "foreign",
        "secretary",
        "king",
        "queen",
        "chancellor",
        "ambassador",
        "senator",
        "governor",
        "general",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "envoy",
        "mayor",
        "sheikh",
        "prince",
        "emir",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "leader",
        "ceo",
        "head",
        "commissioner",
        "deputy",
        "vice",
    ]
)
MIN_PAIRS, MAX_PAIRS = 3, 4


def span_evidence(analysis: Analysis, sents: list[Sentence]) -> Evidence:
    """The body text from the first to the last sentence used (one section, so no heading inside)."""
    start, end = min(s.start for s in sents), max(s.end for s in sents)
    return Evidence(analysis.article.body[start:end], start, end)


def _part(sents: list[Sentence]) -> str:
    """'In paragraph 3 (under "Heading")' or 'In paragraphs 2 and 3': where the pairs come from."""
    paras = sorted({s.paragraph for s in sents})
    where = f"paragraph {paras[0]}" if len(paras) == 1 else f"paragraphs {paras[0]} and {paras[-1]}"
    return f'In {where} (under "{sents[0].heading}")' if sents[0].heading else f"In {where}"


def sections(analysis: Analysis) -> list[list[Sentence]]:
    """Runs of body sentences under one heading and within two paragraphs (the summary left out)."""
    out: list[list[Sentence]] = []
    for s in analysis.sentences:
        if s.block_kind == "summary":
            continue
        run = out[-1] if out else None
        if run and run[0].heading == s.heading and s.paragraph - run[0].paragraph < 2:
            run.append(s)
        else:
            out.append([s])
    return out


def _compatible(pairs: list[tuple[Mention, str, Sentence]], new: tuple[Mention, str, Sentence]) -> bool:
    """No right-hand side may name another left-hand item, and no two right-hand sides may be equal."""
    for m, frag, _s in pairs:
        if frag == new[1] or leaks(new[1], m.text) or leaks(frag, new[0].text):
            return False
    return True


def _pick(
    found: list[tuple[Mention, str, Sentence]], rng: random.Random
) -> list[tuple[Mention, str, Sentence]]:
    order = list(found)
    rng.shuffle(order)
    chosen: list[tuple[Mention, str, Sentence]] = []
    for item in order:
        if len(chosen) < MAX_PAIRS and _compatible(chosen, item):
            chosen.append(item)
    return sorted(chosen, key=lambda p: p[0].start)


def described(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    for sec in sections(analysis):
        found: list[tuple[Mention, str, Sentence]] = []
        seen: set[str] = set()
        for s in sec:
            for m in s.mentions:
                if m.kind not in NAME_KINDS or m.canonical in seen:
                    continue
                frag = statements.fragment(s, m)
                if frag is not None and not leaks(frag.replace("___", " "), m.text):
                    seen.add(m.canonical)
                    found.append((m, frag, s))
        chosen = _pick(found, rng)
        if len(chosen) < MIN_PAIRS:
            continue
        sents = sorted({s.index: s for _m, _f, s in chosen}.values(), key=lambda s: s.index)
        pairs = tuple((m.text, frag) for m, frag, _s in chosen)
        where = _part(sents)[3:]
        q = make(
            "matching",
            f"{_part(sents)}, which phrase goes with each name (___ marks where the name stands)?",
            pairs,
            None,
            analysis,
            bloom="understand",
            points=float(len(pairs)),
            explain=f"Each phrase is taken from the article ({where}), with the name left out.",
            ev=span_evidence(analysis, sents),
        )
        yield Candidate(q, 1.1 + 0.1 * len(pairs), sents[0].index, "", "matching")


def _title(s: Sentence, m: Mention) -> str | None:
    """'President' in 'President Kassym-Jomart Tokayev', or 'a geography teacher' in '…Sadykova, a geography
    teacher who…'."""
    words: list[str] = []
    k = m.i - 1
    while k >= 0 and s.toks[k].dep == "compound" and s.toks[k].text.lower() in TITLE_WORDS:
        words.insert(0, s.toks[k].text)
        k -= 1
    if words:
        return " ".join(words)
    h = syntax.head_of(s, m)
    for c in syntax.children(s, h):
        if s.toks[c].dep == "appos" and s.toks[c].pos == "NOUN":
            keep = syntax.subtree(s, c)
            for cc in syntax.children(s, c):
                if s.toks[cc].dep in ("relcl", "acl", "prep", "punct", "conj", "cc"):
                    keep -= syntax.subtree(s, cc)
            text = syntax.render(s.toks, tuple(sorted(keep)))
            if 1 <= len(text.split()) <= 6:
                return text
    return None


def roles(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    found: dict[str, tuple[Mention, str, Sentence]] = {}
    for s in analysis.sentences:
        if s.block_kind == "summary":
            continue
        for m in s.mentions:
            if m.kind == "person" and m.canonical not in found:
                role = _title(s, m)
                if role is not None:
                    found[m.canonical] = (m, role, s)
    by_section: dict[str, list[tuple[Mention, str, Sentence]]] = {}
    for item in found.values():
        by_section.setdefault(item[2].heading, []).append(item)
    for items in by_section.values():  # one section, so one evidence span holds every name
        by_role: dict[str, tuple[Mention, str, Sentence]] = {}
        for item in items:
            by_role.setdefault(item[1].lower(), item)  # equal roles would make the pairs ambiguous
        chosen = _pick(list(by_role.values()), rng)
        if len(chosen) < 2:
            continue
        sents = sorted({s.index: s for _m, _r, s in chosen}.values(), key=lambda s: s.index)
        pairs = tuple((m.text, role) for m, role, _s in chosen)
        where = "; ".join(f'{m.text}: "{s.text}"' for m, _r, s in chosen)
        q = make(
            "matching",
            "Which role or title does the article give each person?",
            pairs,
            sents[0],
            analysis,
            bloom="remember",
            points=float(len(pairs)),
            explain=f"The article says — {where}",
            ev=span_evidence(analysis, sents),
            tags=("people",),
        )
        yield Candidate(q, 1.0 + 0.1 * len(pairs), sents[0].index, "", "matching")


def candidates(analysis: Analysis, rng: random.Random) -> Iterator[Candidate]:
    """Person ↔ role only: one relation per matching. (Name ↔ "phrase with a gap" was rejected by every
    reviewer: the gaps offered words such as "State" from "Secretary of State" as names.)"""
    yield from roles(analysis, rng)
