"""Turn a parsed sentence into question text: clauses, wh-questions, statements with a swapped or blanked name.

Works on the light ``Sentence`` records (no spaCy Doc needed). Every function returns None rather than
ill-formed text: a question that cannot be phrased well is not asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizkit.generate.analysis import PRONOUN_STARTS as PRONOUN_STARTS
from quizkit.generate.analysis import Mention, Sentence, Tok
from quizkit.generate.analysis import starts_unresolved as starts_unresolved

BLANK = "_____"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
DROP_CHILDREN = frozenset({"advcl", "parataxis", "mark", "preconj", "intj"})
ASSERTING_MARKS = frozenset({"though", "although", "because", "after", "while", "whereas"})
"""A clause under these is stated as fact by the article ("Though X has relations…"); under 'if', 'as long
as', 'when', 'wherever' it is not, so it never becomes a true statement on its own."""
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
DROP_ADVMOD = frozenset(
    {"where", "when", "overall", "however", "meanwhile", "also", "still", "moreover", "then", "even"}
)
WH_BY_KIND = {
    "person": "who",
    "country": "which country",
    "city": "which city",
    "region": "which region",
    "place": "which place",
    "organisation": "which organisation",
    "agreement": "which agreement",
    "event": "which event",
    "sea": "which sea",
    "corridor": "which route",
    "year": "what year",
    "date": "what date",
}
MAX_WORDS = 34
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class Clause:
    """Token indices of a clause (sorted) and its verb and subject."""

    idxs: tuple[int, ...]
    verb: int
    subj: int | None


def children(s: Sentence, i: int) -> tuple[int, ...]:
    return s.kids[i]


def subtree(s: Sentence, i: int) -> set[int]:
    out = {i}
    stack = [i]
    while stack:
        cur = stack.pop()
        for k in s.kids[cur]:
            if k not in out:
                out.add(k)
                stack.append(k)
    return out


def head_of(s: Sentence, m: Mention) -> int:
    """The token of a mention whose head lies outside the mention."""
    for k in range(m.i, m.j):
        if not m.i <= s.toks[k].head < m.j or s.toks[k].head == k:
            return k
    return m.j - 1


def subject_of(s: Sentence, verb: int) -> int | None:
    return next((k for k in s.kids[verb] if s.toks[k].dep in SUBJECTS), None)


def finite(s: Sentence, verb: int) -> bool:
    """A verb with tense: 'held', 'remains', or with a finite auxiliary ('has established')."""
    toks = s.toks
    if toks[verb].tag in FINITE:
        return True
    return any(toks[k].dep in ("aux", "auxpass") and toks[k].tag in FINITE for k in s.kids[verb])


def clause_verb(s: Sentence, tok: int) -> int | None:
    """Climb from a token to the nearest finite verb that has a subject (or the root)."""
    toks = s.toks
    cur, seen = tok, set()
    while cur not in seen:
        seen.add(cur)
        t = toks[cur]
        if t.pos in ("VERB", "AUX") and subject_of(s, cur) is not None and finite(s, cur):
            return cur
        if t.head == cur:
            return cur if t.pos in ("VERB", "AUX") else None
        cur = t.head
    return None


def clause(s: Sentence, verb: int, keep: set[int]) -> Clause:
    """The verb's subtree without side clauses (advcl, parataxis, conjoined clauses...) that hold none of
    the ``keep`` tokens."""
    toks = s.toks
    idxs = subtree(s, verb)
    for c in children(s, verb):
        t = toks[c]
        sub = subtree(s, c)
        if sub & keep:
            continue
        side = t.dep in DROP_CHILDREN or (t.dep == "advmod" and t.text.lower() in DROP_ADVMOD)
        conj_clause = t.dep == "conj" and t.pos in ("VERB", "AUX") and subject_of(s, c) is not None
        side = side or conj_clause
        side = side or (t.dep == "prep" and t.text.lower() in ("despite", "amid", "unlike", "besides"))
        if side:
            idxs -= sub
            if conj_clause:  # "…, and X did Y": the 'and' and the comma go with the dropped clause
                for k in children(s, verb):
                    if (
                        toks[k].dep in ("cc", "punct")
                        and k < c
                        and not any(toks[j].dep in ("cc", "conj") for j in children(s, verb) if k < j < c)
                    ):
                        idxs.discard(k)
    for k in sorted(idxs):
        if toks[k].dep == "appos" and k in idxs and not (subtree(s, k) & keep) and _set_off(s, k):
            sub = subtree(s, k)
            idxs -= sub
            idxs.discard(min(sub) - 1)  # the comma or dash that opens it
            close = max(sub) + 1
            if close < len(toks) and toks[close].text in (",", "—", "–", ")"):
                idxs.discard(close)
    for k in sorted(idxs):  # "…in September 2023, when Biden met…": an adverbial relative clause
        adverbial = toks[k].dep == "relcl" and any(toks[j].tag == "WRB" for j in children(s, k))
        if k in idxs and adverbial and not (subtree(s, k) & keep) and k != verb:
            sub = subtree(s, k)
            idxs -= sub
            if toks[min(sub) - 1].text == ",":
                idxs.discard(min(sub) - 1)
    # a relative clause's own relativiser ("where", "which") is not part of a main clause
    for c in children(s, verb):
        if toks[c].tag in ("WRB", "WDT", "WP") and c not in keep:
            idxs.discard(c)
    return Clause(tuple(sorted(idxs)), verb, subject_of(s, verb))


def _set_off(s: Sentence, k: int) -> bool:
    """An appositive set off by a comma or dash: "Central Asia—a region …", "the Accords, a deal, …"."""
    first = min(subtree(s, k))
    return first > 0 and s.toks[first - 1].text in (",", "—", "–", "-", "(")


def render(
    toks: tuple[Tok, ...], idxs: tuple[int, ...] | list[int], swap: dict[int, str] | None = None
) -> str:
    """Join tokens with their spacing; ``swap`` maps a token index to replacement text ('' drops it).

    A replaced or dropped run takes the spacing of its last token, so "Central Asia—a" stays tight.
    """
    swap = swap or {}
    parts: list[list[str]] = []
    prev = -2
    for k in idxs:
        t = toks[k]
        gap = prev != k - 1
        if gap and parts and not parts[-1][1]:
            parts[-1][1] = " "
        if k in swap and swap[k] == "":
            if parts and k == prev + 1:
                parts[-1][1] = t.ws
            prev = k
            continue
        parts.append([swap.get(k, t.text), t.ws])
        prev = k
    return tidy("".join(a + b for a, b in parts))


def tidy(text: str) -> str:
    """Clean spacing and punctuation left by removed tokens."""
    import re

    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.?!])", r"\1", text)
    text = re.sub(r"([,;:])\s*(?=[,;:.?!])", "", text)
    text = re.sub(r"[—–-]\s*$", "", text).strip()
    text = re.sub(r"^[\s,;:—–\"“”'‘’-]+", "", text)
    text = re.sub(r"[\s,;:—–\"“”'‘’-]+$", "", text)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = re.sub(r"\s*[\"“”]\s*", " ", text).strip()  # a quotation cut in half: drop its marks
        text = re.sub(r"\s+([,;:.?!])", r"\1", text)
    text = re.sub(r"(,|\band)\s*$", "", text).strip()
    return text


def strip_end(text: str) -> str:
    return tidy(text.rstrip(".!?;:\"”’' "))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def resolve_pronoun(s: Sentence, tok: int) -> Mention | None:
    """'he'/'she' -> the one person named earlier in the sentence; 'it'/'its' -> the one country or organisation."""
    low = s.toks[tok].text.lower()
    if low in ("he", "she", "him", "his", "her"):
        kinds = {"person"}
    elif low in ("it", "its"):
        kinds = {"country", "organisation"}
    else:
        return None
    before = [m for m in s.mentions if m.j <= tok and m.kind in kinds]
    names = {m.canonical for m in before}
    return before[-1] if len(names) == 1 else None


def mention_tokens(s: Sentence, m: Mention) -> list[int]:
    """The mention's tokens plus a directly preceding 'the' and a following possessive marker."""
    ks = list(range(m.i, m.j))
    k = m.i - 1
    while m.kind == "person" and k >= 0 and s.toks[k].dep == "compound" and s.toks[k].text[:1].isupper():
        ks.insert(0, k)
        k -= 1
    if k >= 0 and s.toks[k].text.lower() == "the":
        ks.insert(0, k)
    return ks


def possessive_after(s: Sentence, m: Mention) -> int | None:
    """Index of a possessive marker right after the mention ("Tokayev’s"), if any."""
    return m.j if m.j < len(s.toks) and s.toks[m.j].tag == "POS" else None


def wh_swap(s: Sentence, m: Mention, wh: str) -> dict[int, str]:
    """Replace the mention by a wh-phrase, folding a possessive: "Tokayev’s" -> "whose"."""
    pos = possessive_after(s, m)
    if pos is None:
        return swap_mention(s, m, wh)
    swap = swap_mention(s, m, "whose" if wh == "who" else wh + "’s")
    swap[pos] = ""
    return swap


def swap_mention(s: Sentence, m: Mention, text: str) -> dict[int, str]:
    """Replace the mention (with its 'the' and a person's title) by ``text``; a blank keeps the 'the'."""
    ks = list(range(m.i, m.j)) if text == BLANK else mention_tokens(s, m)
    swap = {k: "" for k in ks}
    swap[ks[0]] = text
    return swap


def subject_is_pronoun(s: Sentence, c: Clause) -> bool:
    return c.subj is not None and s.toks[c.subj].text.lower() in PRONOUN_STARTS


def _lower_first(s: Sentence, idxs: tuple[int, ...], swap: dict[int, str]) -> dict[int, str]:
    first = idxs[0]
    if first in swap or _keeps_capital(s, first):
        return swap
    t = s.toks[first].text
    return {**swap, first: t[:1].lower() + t[1:]}


DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def vague(s: Sentence, idxs: tuple[int, ...] | list[int]) -> bool:
    """A demonstrative ("that story", "this move") points at text the student has not seen."""
    return any(s.toks[k].dep == "det" and s.toks[k].text.lower() in DEMONSTRATIVES for k in idxs)


def resolve_possessive(s: Sentence, k: int) -> Mention | None:
    """'its formal entry' after 'Though Kazakhstan already has …' -> Kazakhstan (the one earlier subject)."""
    low = s.toks[k].text.lower()
    if low not in ("its", "their", "his", "her"):
        return None
    kinds = {"person"} if low in ("his", "her") else {"country", "organisation", "agreement"}
    subjects = [
        m for m in s.mentions if m.j <= k and m.kind in kinds and s.toks[head_of(s, m)].dep in SUBJECTS
    ]
    return subjects[-1] if len({m.canonical for m in subjects}) == 1 else None


def _opening_swap(s: Sentence, idxs: tuple[int, ...], swap: dict[int, str]) -> dict[int, str] | None:
    """Resolve an opening possessive pronoun; None when the text would still open with a pronoun."""
    content = [k for k in idxs if k not in swap or swap[k]]
    first = next((k for k in content if s.toks[k].pos != "PUNCT"), None)
    if first is None:
        return None
    if first in swap:
        return swap
    ref = resolve_possessive(s, first)
    if ref is not None:
        return {**swap, first: ref.text + "’s"}
    if starts_unresolved([s.toks[k] for k in content if k not in swap]):
        return None
    return swap


def statement(s: Sentence, m: Mention | None, replacement: str | None) -> tuple[str, tuple[int, ...]] | None:
    """A self-contained statement: the clause around ``m`` (or the whole sentence), ``m`` replaced.

    Returns (text ending with '.', token indices used), or None when it would start with a pronoun.
    """
    toks = s.toks
    idxs: tuple[int, ...] = tuple(range(len(toks)))
    if m is not None:
        verb = clause_verb(s, head_of(s, m))
        if verb is None:
            return None
        c = clause(s, verb, set(range(m.i, m.j)))
        if c.subj is None or (subject_is_pronoun(s, c) and resolve_possessive(s, c.subj) is None):
            return None
        if not asserted(s, verb) or vague(s, c.idxs):
            return None
        if subject_is_pronoun(s, c) and resolve_possessive(s, c.subj or 0) is None:
            return None
        idxs = c.idxs
    elif s.words > MAX_WORDS:
        return None
    swap = swap_mention(s, m, replacement) if m is not None and replacement is not None else {}
    opened = _opening_swap(s, idxs, swap)
    if opened is None:
        return None
    text = strip_end(render(toks, idxs, opened))
    if len(text.split()) < 5 or len(text.split()) > MAX_WORDS + 4 or broken(text):
        return None
    return capitalise(text) + ".", idxs


def unreliable(s: Sentence, verb: int) -> bool:
    """A parse that cannot be cut into clauses safely: two roots in one sentence (the parser split it), or
    gapping ("Tokayev came from Kazakhstan, Mirziyoyev from Uzbekistan…", "used it in 2022, and 4.5
    million tonnes in…"), where a clause would lose or garble its second half."""
    toks = s.toks
    if sum(1 for k, t in enumerate(toks) if t.head == k and t.pos != "PUNCT") > 1:
        return True
    for k in subtree(s, verb):
        kids = children(s, k)
        if toks[k].pos in ("VERB", "AUX") and sum(1 for c in kids if toks[c].dep == "dobj") > 1:
            return True
        if (
            toks[k].dep == "conj"
            and toks[toks[k].head].dep == "pobj"
            and any(toks[c].dep == "prep" for c in kids)
        ):
            return True
    return False


def asserted(s: Sentence, verb: int) -> bool:
    """Is this clause stated as true by the article (not a condition, relative clause or question)?"""
    toks = s.toks
    subj = subject_of(s, verb)
    if subj is None or toks[subj].tag in RELATIVE_TAGS or unreliable(s, verb):
        return False
    dep = toks[verb].dep
    if dep in ("ROOT", "conj"):
        return True
    if dep == "ccomp":
        marks = [toks[k].text.lower() for k in children(s, verb) if toks[k].dep == "mark"]
        head = toks[verb].head
        modal = any(toks[k].tag == "MD" for k in children(s, head))
        relative = any(toks[k].tag in RELATIVE_TAGS for k in children(s, verb))
        return marks in ([], ["that"]) and not modal and not relative
    if dep == "advcl":
        marks = [toks[k].text.lower() for k in children(s, verb) if toks[k].dep == "mark"]
        return len(marks) == 1 and marks[0] in ASSERTING_MARKS
    return False


def asserted_clauses(s: Sentence) -> list[tuple[tuple[int, ...], dict[int, str]]]:
    """(token indices, opening swap) of each clause the article states as fact, with a named subject."""
    out: list[tuple[tuple[int, ...], dict[int, str]]] = []
    for k, t in enumerate(s.toks):
        if t.pos in ("VERB", "AUX") and finite(s, k) and subject_of(s, k) is not None and asserted(s, k):
            c = clause(s, k, set())
            opened = _opening_swap(s, c.idxs, {})
            if opened is None or s.toks[c.idxs[0]].tag in RELATIVE_TAGS or vague(s, c.idxs):
                continue
            if subject_is_pronoun(s, c) and c.subj not in opened:
                continue
            out.append((c.idxs, opened))
    return out


_BROKEN = re.compile(
    r":\s*(\S+\s*){0,2}$"  # a list after a colon cut down to a word or two
    r"|\b(and|but|or)\s+(because|if|when|while|although|though|whereas)\b"  # a dangling subordinator
    r"|,\s*(and|or)\s*$"
)


def broken(text: str) -> bool:
    """Text left ill-formed by cutting a clause out: a truncated list, a dangling 'and because'."""
    return _BROKEN.search(text.rstrip(".?!")) is not None


def _sentence_text(s: Sentence, idxs: tuple[int, ...], swap: dict[int, str]) -> str | None:
    text = strip_end(render(s.toks, idxs, swap))
    if broken(text):
        return None
    return capitalise(text) + "." if 5 <= len(text.split()) <= MAX_WORDS + 4 else None


def clause_statements(s: Sentence) -> list[str]:
    """True statements: each asserted clause with a named subject, and 'X is Y' from appositives."""
    out = [t for idxs, swap in asserted_clauses(s) if (t := _sentence_text(s, idxs, swap))]
    for m in s.mentions:
        ap = appositive(s, m)
        if ap is not None:
            out.append(ap[0])
    return list(dict.fromkeys(out))


ANTONYMS = {
    "largest": "smallest",
    "smallest": "largest",
    "biggest": "smallest",
    "larger": "smaller",
    "smaller": "larger",
    "higher": "lower",
    "lower": "higher",
    "eastern": "western",
    "western": "eastern",
    "northern": "southern",
    "southern": "northern",
    "first": "last",
    "last": "first",
    "increased": "decreased",
    "decreased": "increased",
    "rose": "fell",
    "fell": "rose",
    "grew": "shrank",
    "shrank": "grew",
    "expanded": "shrank",
    "strengthened": "weakened",
    "weakened": "strengthened",
    "richest": "poorest",
    "early": "late",
    "late": "early",
    "earlier": "later",
    "later": "earlier",
    "rising": "falling",
    "falling": "rising",
    "growing": "shrinking",
    "shrinking": "growing",
    "oldest": "newest",
    "newest": "oldest",
    "longest": "shortest",
    "shortest": "longest",
    "supported": "opposed",
    "opposed": "supported",
    "accepted": "rejected",
    "rejected": "accepted",
    "won": "lost",
    "lost": "won",
    "success": "failure",
    "failure": "success",
    "symbolic": "purely practical",
    "strategic": "accidental",
}
"""Word swaps that turn a statement false without a name to swap (words outside the stop-word list,
so the quality gate sees the change)."""
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def falsified(s: Sentence) -> list[tuple[str, str]]:
    """(false statement, what was changed) from asserted clauses: a negation removed, an antonym or a
    different small number swapped in."""
    out: list[tuple[str, str]] = []
    for idxs, swap in asserted_clauses(s):
        toks = s.toks
        negs = [k for k in idxs if toks[k].dep == "neg" and toks[toks[k].head].lemma != "do"]
        auxes_do = [k for k in idxs if toks[k].dep == "neg" and toks[toks[k].head].lemma == "do"]
        if negs and not auxes_do:
            text = _sentence_text(s, idxs, {**swap, negs[0]: ""})
            if text:
                out.append((text, f'the article says "{toks[negs[0]].text}" here'))
        for k in idxs:
            low = toks[k].text.lower()
            new = ANTONYMS.get(low)
            if new is None and low in NUMBER_WORDS and toks[k].dep == "nummod":
                new = NUMBER_WORDS[(NUMBER_WORDS.index(low) + 2) % len(NUMBER_WORDS)]
            if new is not None and k not in swap:
                new = new.capitalize() if toks[k].text[:1].isupper() else new
                text = _sentence_text(s, idxs, {**swap, k: new})
                if text:
                    out.append((text, f'the article says "{toks[k].text}", not "{new}"'))
                break
    return out


def appositive(
    s: Sentence, m: Mention, target: Mention | None = None, replacement: str = ""
) -> tuple[str, set[int]] | None:
    """'Central Asia—a region traditionally aligned with Russia' -> 'Central Asia is a region traditionally
    aligned with Russia.' Returns (statement, token indices of the appositive), optionally with ``target``
    replaced. The appositive is taken to belong to the name right before its comma or dash."""
    toks = s.toks
    after = m.j + (1 if m.j < len(toks) and toks[m.j].tag == "POS" else 0)
    if after + 1 >= len(toks) or toks[after].text not in (",", "—", "–"):
        return None
    a = after + 1
    ap = next(
        (k for k in range(a, min(a + 6, len(toks))) if toks[k].dep == "appos" and min(subtree(s, k)) == a),
        None,
    )
    if ap is None or toks[ap].pos != "NOUN":
        return None  # "a region", "a geography teacher"; not a list of names after a colon
    keep = subtree(s, ap)
    for c in children(s, ap):
        if toks[c].dep in ("relcl", "punct") and c > ap and toks[c].text not in ("-",):
            keep -= subtree(s, c)
    idxs = tuple(sorted(keep))
    swap: dict[int, str] = {}
    subject = render(toks, tuple(mention_tokens(s, m)))
    if target is not None:
        if target is m:
            subject = replacement
        elif m.i <= target.i and all(k in keep for k in range(target.i, target.j)):
            swap = swap_mention(s, target, replacement)
        else:
            return None
    plural = toks[head_of(s, m)].tag in ("NNS", "NNPS") or (m.kind == "agreement" and m.text.endswith("s"))
    verb = "are" if plural else "is"
    body = strip_end(render(toks, idxs, swap))
    if len(body.split()) < 3 or len(body.split()) > MAX_WORDS:
        return None
    return capitalise(f"{subject} {verb} {body}") + ".", keep


def wh_question(s: Sentence, m: Mention, wh: str) -> str | None:
    """Ask for mention ``m``: 'Which country already has relations with Israel?' when it is the subject,
    else in place: 'According to the article, the accords normalized relations between which country and…?'."""
    toks = s.toks
    for other in s.mentions:
        if other is not m and other.j <= m.i:
            ap = appositive(s, other, m, wh)
            if ap is not None:
                return _finish("According to the article, " + ap[0])
    h = head_of(s, m)
    verb = clause_verb(s, h)
    if verb is None:
        return None
    c = clause(s, verb, set(range(m.i, m.j)))
    if vague(s, c.idxs):
        return None
    if c.subj is not None and asserted(s, verb):
        subj_tree = subtree(s, c.subj)
        ment = set(mention_tokens(s, m))
        if h in subj_tree and c.idxs and c.idxs[0] in subj_tree:
            if subj_tree <= ment | {k for k in subj_tree if toks[k].dep == "det"}:
                return _subject_wh(s, c, subj_tree, wh)
            if toks[h].dep == "poss" and toks[h].head == c.subj:
                return _finish(render(toks, c.idxs, wh_swap(s, m, wh)))
    if subject_is_pronoun(s, c) or toks[h].dep in MODIFIER_DEPS or not asserted(s, verb):
        return None
    if c.subj is not None and m.i < min(subtree(s, c.subj)):
        return (
            None  # the name comes before the subject ("By 2014 the basin …"): asked with do-support instead
        )
    if m.kind in ("year", "date") and not (m.i > 0 and toks[m.i - 1].dep == "prep"):
        return None
    swap = wh_swap(s, m, wh)
    if starts_unresolved([toks[k] for k in c.idxs if k not in swap]):
        return None
    swap = _lower_first(s, c.idxs, swap)
    body = render(toks, c.idxs, swap)
    return _finish("According to the article, " + body)


def _subject_wh(s: Sentence, c: Clause, subj_tree: set[int], wh: str) -> str | None:
    toks = s.toks
    verb_or_aux = [k for k in c.idxs if k not in subj_tree and toks[k].pos in ("VERB", "AUX")]
    if verb_or_aux and toks[verb_or_aux[0]].tag == "VBP":
        return None  # "Which agreement carry ..." would be wrong; skip present plural verbs
    first = min(subj_tree)
    swap = {k: "" for k in subj_tree}
    swap[first] = wh
    return _finish(render(toks, c.idxs, swap))


def pronoun_subject_question(s: Sentence, verb: int) -> tuple[str, Mention] | None:
    """'…Washington, where he held talks with Trump' -> ('Who held talks with Trump in Washington?', Tokayev)."""
    toks = s.toks
    subj = subject_of(s, verb)
    if subj is None:
        return None
    ref = resolve_pronoun(s, subj)
    if ref is None or ref.kind != "person" or toks[verb].tag == "VBP":
        return None
    c = clause(s, verb, set())
    swap = {subj: "who"}
    text = render(toks, c.idxs, swap)
    where = [k for k in children(s, verb) if toks[k].text.lower() == "where"]
    if where and toks[verb].dep == "relcl":
        place = next((m for m in s.mentions if m.i <= toks[verb].head < m.j), None)
        if place is None or place.kind not in ("city", "country", "place", "region"):
            return None
        text = strip_end(text) + " in " + place.text
    if any(mm.i <= k < mm.j for mm in s.mentions if mm.canonical == ref.canonical for k in c.idxs):
        return None
    done = _finish(text)
    return (done, ref) if done else None


def _finish(text: str) -> str | None:
    text = strip_end(text)
    if broken(text):
        return None
    words = text.split()
    if len(words) < 4 or len(words) > MAX_WORDS + 6:
        return None
    return capitalise(text) + "?"


def statement_about(s: Sentence, m: Mention, replacement: str) -> str | None:
    """The shortest statement holding ``m``, with ``m`` replaced: the appositive it sits in ("Central Asia
    is a region traditionally aligned with ___"), else its clause."""
    for other in s.mentions:
        if other is not m and other.j <= m.i:
            ap = appositive(s, other, m, replacement)
            if ap is not None:
                return ap[0]
    made = statement(s, m, replacement)
    return made[0] if made else None


def blanked(s: Sentence, m: Mention) -> str | None:
    """The clause (or appositive) holding the mention, with the mention replaced by a blank."""
    return statement_about(s, m, BLANK)


def fragment(s: Sentence, m: Mention, limit: int = 12) -> str | None:
    """A short phrase around a mention with the name blanked: 'traditionally aligned with ___'."""
    toks = s.toks
    h = head_of(s, m)
    g = toks[h].head
    if toks[h].dep in ("pobj", "poss") and toks[g].dep in ("prep", "pobj", "dobj"):
        g = toks[g].head
        if toks[g].dep == "prep":
            g = toks[g].head
    if g == h:
        return None
    keep = set(range(m.i, m.j))
    idxs = subtree(s, g)
    for c in children(s, g):
        if toks[c].dep in ("relcl", "conj", "cc", "advcl", "appos", "punct", "parataxis", "mark") and not (
            subtree(s, c) & keep
        ):
            idxs -= subtree(s, c)
    if len(idxs) > limit:
        return None
    swap = swap_mention(s, m, "___")
    ordered = tuple(sorted(idxs))
    if starts_unresolved([toks[k] for k in ordered if k not in swap]):
        return None
    text = strip_end(render(toks, ordered, swap))
    return text if len(text.split()) >= 3 else None


PLACE_KINDS = frozenset({"city", "country", "place", "region"})
DATE_PREPS = frozenset({"in", "on", "by", "since", "until", "before", "after", "from"})


def _where_place(s: Sentence, verb: int) -> Mention | None:
    """The place a 'where' relative clause hangs on: '…visit to Washington, where he held talks'."""
    toks = s.toks
    if toks[verb].dep != "relcl" or not any(toks[k].text.lower() == "where" for k in children(s, verb)):
        return None
    return next((m for m in s.mentions if m.i <= toks[verb].head < m.j and m.kind in PLACE_KINDS), None)


def _subject_text(s: Sentence, subj: int) -> str | None:
    toks = s.toks
    if toks[subj].text.lower() in PRONOUN_STARTS:
        ref = resolve_pronoun(s, subj)
        return ref.text if ref is not None else None
    idxs = tuple(sorted(subtree(s, subj)))
    if starts_unresolved([toks[k] for k in idxs]) or len(idxs) > 8 or vague(s, idxs):
        return None
    text = render(toks, idxs)
    return text if _keeps_capital(s, idxs[0]) else text[:1].lower() + text[1:]


NATIONALITY_ENDINGS = ("ish", "ian", "ese", "an", "i", "ic")


def keeps_capital(s: Sentence, k: int) -> bool:
    """Public name of ``_keeps_capital`` for the other question builders."""
    return _keeps_capital(s, k)


def _keeps_capital(s: Sentence, k: int) -> bool:
    """A capital that belongs to the word (a name, an acronym), not just to the start of the sentence."""
    t = s.toks[k]
    if any(s.toks[j].pos != "PUNCT" for j in range(k)):
        return t.text[:1].isupper()
    named = any(m.i <= k < m.j and m.kind not in ("number", "year", "date") for m in s.mentions)
    nationality = t.tag == "JJ" and t.text[:1].isupper() and t.text.lower().endswith(NATIONALITY_ENDINGS)
    return named or nationality or t.tag in ("NNP", "NNPS") or t.text.isupper() or t.text == "I"


def object_questions(s: Sentence, verb: int) -> list[tuple[Mention, str]]:
    """Questions about an object or a place of a clause, with do-support:
    'With whom did Kassym-Jomart Tokayev hold talks in Washington?', 'Where did … hold talks …?'."""
    toks = s.toks
    subj = subject_of(s, verb)
    if subj is None or not finite(s, verb) or toks[verb].lemma == "be":
        return []
    if not asserted(s, verb) and _where_place(s, verb) is None:
        return []
    subj_text = _subject_text(s, subj)
    if subj_text is None:
        return []
    subj_start = min(subtree(s, subj))
    auxes = [k for k in children(s, verb) if toks[k].dep in ("aux", "auxpass") and k < verb]
    if auxes:
        aux, verb_text = toks[auxes[0]].text.lower(), toks[verb].text
    else:
        aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(toks[verb].tag, "")
        verb_text = toks[verb].lemma
    if not aux:
        return []
    c = clause(s, verb, set())
    base = [k for k in c.idxs if k not in subtree(s, subj) and k not in auxes[:1] and k != verb]
    base = [k for k in base if toks[k].tag not in ("WRB", "WDT", "WP")]
    for k in children(s, verb):  # "…, and inherited …" cannot follow "did … declare"
        if toks[k].dep == "conj" or (
            toks[k].dep == "cc" and any(toks[j].dep == "conj" for j in children(s, verb))
        ):
            gone = subtree(s, k)
            base = [j for j in base if j not in gone]
        if (
            toks[k].dep == "punct"
            and k != max(subtree(s, verb))
            and any(toks[j].dep == "conj" and j > k for j in children(s, verb))
        ):
            base = [j for j in base if j != k]
    place = _where_place(s, verb)
    out: list[tuple[Mention, str]] = []
    if place is not None:
        out.append((place, _ask("Where", aux, subj_text, subj_start, verb_text, toks, base, verb, set(), "")))
    for m in s.mentions:
        h = head_of(s, m)
        if h not in base or (m.kind not in ANSWER_KINDS and m.kind not in ("year", "date")):
            continue
        remove: set[int]
        prep = toks[h].head
        if toks[h].dep == "dobj" and toks[h].head == verb and m.kind == "person":
            wh, remove = "Whom", subtree(s, h)
        elif (
            toks[h].dep == "pobj"
            and toks[prep].dep == "prep"
            and (
                toks[prep].head == verb
                or (toks[toks[prep].head].dep == "dobj" and toks[toks[prep].head].head == verb)
            )
        ):
            p = toks[prep].text.lower()
            if m.kind == "person":
                wh = f"{p.capitalize()} whom"
            elif m.kind in PLACE_KINDS and p in ("in", "to", "at"):
                wh = "Where"
            elif m.kind in ("year", "date") and p in DATE_PREPS:
                wh = f"{p.capitalize()} what year" if m.kind == "year" else _when(m, p)
            else:
                continue
            remove = subtree(s, prep)
        else:
            continue
        suffix = f" in {place.text}" if place is not None else ""
        out.append((m, _ask(wh, aux, subj_text, subj_start, verb_text, toks, base, verb, remove, suffix)))
    return [(m, q) for m, q in out if q]


def _when(m: Mention, prep: str) -> str:
    """'On what date' for a full date, 'In what month' for a month and year, else 'When'."""
    if re.match(r"^\d{1,2} \w+ \d{4}$|^\w+ \d{1,2}, \d{4}$", m.text):
        return f"{prep.capitalize()} what date" if prep == "on" else "When"
    return "In what month" if prep == "in" and re.match(r"^\w+ \d{4}$", m.text) else "When"


def _ask(
    wh: str,
    aux: str,
    subj: str,
    subj_start: int,
    verb_text: str,
    toks: tuple[Tok, ...],
    base: list[int],
    verb: int,
    remove: set[int],
    suffix: str,
) -> str:
    # what stood before the subject ("On Sunday the pope celebrated…") goes to the end of the question
    fronted = tuple(k for k in base if k < subj_start and k not in remove and toks[k].pos != "PUNCT")
    pre = tuple(k for k in base if subj_start < k < verb and k not in remove)
    post = tuple(k for k in base if k > verb and k not in remove and toks[k].text not in (".", "!", "?"))
    tail = render(toks, fronted) if fronted else ""
    if fronted and not (toks[fronted[0]].text.isupper() or toks[fronted[0]].pos == "PROPN"):
        tail = tail[:1].lower() + tail[1:]
    parts = [
        wh,
        aux,
        subj,
        render(toks, pre) if pre else "",
        verb_text,
        render(toks, post) if post else "",
        tail,
    ]
    text = strip_end(" ".join(p for p in parts if p)) + suffix
    return _finish(text) or ""


ANSWER_KINDS = frozenset(
    {"person", "country", "city", "region", "place", "organisation", "agreement", "event", "sea", "corridor"}
)
"""Kinds a wh-question can ask for (numbers and dates go to true/false and fill-in-the-blank)."""


def asks(s: Sentence) -> list[tuple[Mention, str]]:
    """Every (mention asked for, question text) this sentence gives, best phrasing first per mention."""
    out: list[tuple[Mention, str]] = []
    seen: set[str] = set()
    for k, t in enumerate(s.toks):
        if t.pos in ("VERB", "AUX"):
            found = pronoun_subject_question(s, k)
            if found and found[1].canonical not in seen:
                seen.add(found[1].canonical)
                out.append((found[1], found[0]))
            for m, q in object_questions(s, k):
                if m.canonical not in seen:
                    seen.add(m.canonical)
                    out.append((m, q))
    for m in s.mentions:
        if m.kind not in WH_BY_KIND or m.canonical in seen:
            continue
        if m.kind not in ANSWER_KINDS and m.kind not in ("year", "date"):
            continue
        asked = wh_question(s, m, WH_BY_KIND[m.kind])
        if asked is not None:
            seen.add(m.canonical)
            out.append((m, asked))
    return out


def blank_word(s: Sentence, k: int) -> str | None:
    """The asserted clause around token ``k`` with that word replaced by the blank."""
    verb = clause_verb(s, k)
    if verb is None or not asserted(s, verb):
        return None
    c = clause(s, verb, {k})
    if k not in c.idxs or vague(s, c.idxs):
        return None
    opened = _opening_swap(s, c.idxs, {k: BLANK})
    if opened is None or c.idxs[0] == k:
        return None
    return _sentence_text(s, c.idxs, opened)
