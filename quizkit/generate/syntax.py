"""Syntax helpers on the light parse records: tree walks, clauses, rendering tokens back to text,
pronoun resolution and the tests that keep generated text well-formed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizkit.analysis import (
    DISCOURSE,
    PRONOUN_STARTS,
    Mention,
    Sentence,
    Tok,
    starts_unresolved,
)
from quizkit.analysis import subtree as subtree  # re-exported: the parse walk every builder uses

BLANK = "_____"


SUBJECTS = ("nsubj", "nsubjpass", "csubj")


DROP_CHILDREN = frozenset({"advcl", "parataxis", "mark", "preconj", "intj"})


ASSERTING_MARKS = frozenset({"though", "although", "because", "after", "while", "whereas"})
"""A clause under these is stated as fact by the article ("Though X has relations…"); under 'if', 'as long
as', 'when', 'wherever' it is not, so it never becomes a true statement on its own."""


RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


_DROP_ADVMOD_WORDS = "where when overall however meanwhile also still moreover then even instead"
DROP_ADVMOD = frozenset(_DROP_ADVMOD_WORDS.split())

ASIDE_ADVMOD = frozenset({"though"})
"""Left out only where set off by commas: "Recently, though, NASA …" (but "even though" stays)."""
OPENING_ADVMOD = frozenset(
    {"now", "unfortunately", "fortunately", "sadly", "luckily", "thankfully", "interestingly", "surprisingly"}
)
"""Left out only as the sentence's first word: "Now ESA has investigated …", and the writer's feeling about
what follows ("Unfortunately, the One X doesn't support Dolby Vision"), which no statement needs."""

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
        if t.dep == "advmod" and c > 0 and toks[c - 1].text == "," and t.text.lower() == "then":
            side = False  # "…kept Spain's hopes alive, then Granollers … completed": no comma splice
        if t.dep == "advcl" and purpose_of_need(s, verb, c):
            side = False  # "needed the doubles match to beat the Netherlands": the need is the purpose
        if t.dep == "parataxis" and c < max(subtree(s, verb)) and _attribution(s, c):
            side = False  # "X, McKinley said, is Y": the claim stays his, not the article's
        aside = t.dep == "advmod" and t.text.lower() in ASIDE_ADVMOD
        if (side or aside) and t.dep == "advmod" and _between_commas(s, c):
            subj = subject_of(s, verb)
            if subj is not None and subj < c < verb:  # "The Taliban, however, claimed": both commas go
                idxs -= {c - 1, c + 1}
            elif subj is not None and 1 < c < subj:  # "Recently, though, NASA is getting…": one comma goes
                idxs -= {c + 1}
            else:
                continue  # "…is under investigation, however, reports say…": without it, a comma splice
            side = True
        elif t.dep == "advmod" and c == 0 and t.text.lower() in OPENING_ADVMOD:
            side = True  # "Now ESA has investigated …": the story's "now", not the reader's
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
            while (
                max(sub) + 1 < len(toks)
                and toks[max(sub) + 1].text == "."
                and toks[max(sub) + 1].head == toks[k].head
            ):
                sub = sub | {max(sub) + 1}  # "R-W.Va." parsed as "W.Va" and "." apart: the dot goes too
            idxs -= sub
            idxs.discard(min(sub) - 1)  # the comma or dash that opens it
            close = max(sub) + 1
            more = close + 1 < len(toks) and _opens_appositive(s, close + 1)
            if close < len(toks) and toks[close].text in (",", "—", "–", ")") and not more:
                idxs.discard(close)  # but "Haugen, 52, a former minister": the comma before the next stays
    for k in sorted(idxs):  # "…in September 2023, when Biden met…": an adverbial relative clause
        adverbial = toks[k].dep == "relcl" and any(toks[j].tag == "WRB" for j in children(s, k))
        if k in idxs and adverbial and not (subtree(s, k) & keep) and k != verb:
            sub = subtree(s, k)
            idxs -= sub
            if toks[min(sub) - 1].text == ",":
                idxs.discard(min(sub) - 1)
    dashes = [k for k, t in enumerate(toks) if t.text in DASHES]
    opened = [k for k in dashes if k < verb]
    closed = [k for k in dashes if k > verb]
    inside = {k for k in idxs if opened and closed and opened[-1] < k < closed[0]}
    if len(opened) % 2 and closed and not (keep & (idxs - inside)):  # "…in 2010 – after Epstein was
        idxs = inside  # released … – in order to …": the aside ends at its dash, whatever the parse says
    idxs -= _rest_of_dropped_brackets(s, idxs)
    # a relative clause's own relativiser ("where", "which") is not part of a main clause
    for c in children(s, verb):
        if toks[c].tag in ("WRB", "WDT", "WP") and c not in keep:
            idxs.discard(c)
    return Clause(tuple(sorted(idxs)), verb, subject_of(s, verb))


DASHES = frozenset({"—", "–", "--"})


def _rest_of_dropped_brackets(s: Sentence, idxs: set[int]) -> set[int]:
    """What is left between a dropped "(" and its ")": a "?" the parser hung outside the aside ("two Star Trek
    novels (The Final Reflection and How Much for Just the Planet?, both unexpected delights)")."""
    out: set[int] = set()
    opened: list[int] = []
    for k, t in enumerate(s.toks):
        if t.text == "(":
            opened.append(k)
        elif t.text == ")" and opened:
            i = opened.pop()
            if i not in idxs:
                out |= set(range(i, k + 1))
    return out & idxs


SAY_LEMMAS = frozenset(["say", "tell", "add", "ask", "write", "insist", "warn", "argue"])
"""Verbs that attribute words to someone ("…, McKinley said", "she wrote")."""


def _attribution(s: Sentence, c: int) -> bool:
    """``c`` is "McKinley said" set in the middle of a claim: a saying verb with a subject."""
    return s.toks[c].lemma.lower() in SAY_LEMMAS and any(
        s.toks[k].dep in ("nsubj", "nsubjpass") for k in s.kids[c]
    )


NEEDS_PURPOSE = frozenset({"need", "use", "require"})
"""Verbs whose object says little without what it was for: "Kazakhstan needed the doubles match"."""


def purpose_of_need(s: Sentence, verb: int, c: int) -> bool:
    """``c`` is a "to" clause giving the purpose of a need ("needed the doubles match to beat …")."""
    return (
        s.toks[verb].lemma.lower() in NEEDS_PURPOSE
        and s.toks[c].dep == "advcl"
        and any(s.toks[k].dep == "aux" and s.toks[k].text.lower() == "to" for k in s.kids[c])
    )


def _between_commas(s: Sentence, k: int) -> bool:
    return 0 < k < len(s.toks) - 1 and s.toks[k - 1].text == "," and s.toks[k + 1].text == ","


def _opens_appositive(s: Sentence, k: int) -> bool:
    """Token ``k`` is the first word of an appositive."""
    return any(
        s.toks[a].dep == "appos" and min(subtree(s, a)) == k for a in range(k, min(k + 6, len(s.toks)))
    )


_CLOSES_APPOSITIVE = frozenset({",", "—", "–", "-", ")", ".", ";", ":", "?", "!", '"', "”", "’"})


def _set_off(s: Sentence, k: int) -> bool:
    """An appositive set off by a comma or dash on both sides: "Central Asia—a region …", "the Accords, a
    deal, …". One the parse ends inside a name ("…, the Note 10 Plus is …" with "Plus" left out) is not."""
    sub = subtree(s, k)
    first, after = min(sub), max(sub) + 1
    opened = first > 0 and s.toks[first - 1].text in (",", "—", "–", "-", "(")
    return opened and (after >= len(s.toks) or s.toks[after].text in _CLOSES_APPOSITIVE)


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


_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=(?:[aeio]|u(?!ni|s[eu]|r[aeiou]))\w)")
_AN_BEFORE_CONSONANT = re.compile(r"\b([Aa])n (?=(?![aeiouh])[a-z])")


def tidy(text: str) -> str:
    """Clean spacing and punctuation left by removed tokens; "a accidental" -> "an accidental" after a swap."""
    text = _A_BEFORE_VOWEL.sub(lambda m: m.group(1) + "n ", text)
    text = _AN_BEFORE_CONSONANT.sub(lambda m: m.group(1) + " ", text)

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


_FIRST_NOUNS = (
    r"(?:responders?|lady|ladies|time|half|quarter|round|day|week|month|year|place|step|stage|phase|case|cases"
    r"|wave|minister|officer|one|ones|generation|season|summer|winter|spring|autumn|fall)\b"
)
"""After "first" or "next" no comma: a noun it belongs to ("First responders found…", "Next year the plan…"),
not a step in an argument ("First the council voted…")."""
_OPENING_CONJUNCTION = re.compile(
    r"^(?:(?:but|and|yet|or|so(?! far\b| much\b| many\b| that\b| long\b)),?\s+(?=\w)"
    r"|(?:yet|thus|hence|therefore|however|meanwhile|moreover|furthermore|additionally|also|still|indeed|instead"
    r"|nevertheless|nonetheless|besides|likewise|similarly|consequently|accordingly|then|now|first|firstly"
    r"|second|secondly|third|thirdly|finally|lastly|next|so far|in addition|in turn|as such|as well|for now"
    r"|after all|at the same time|on the other hand|in fact|by contrast|in contrast|of course|for example"
    r"|in return|in response|in exchange|even so|all the same|to that end|with that|that said|as well as that"
    r"|for instance|to be sure|above all|in short|in sum|overall|as a result|by then|until now|separately"
    r"|further afield|in the meantime|elsewhere|likewise|otherwise|still|again|anyway"
    # the writer's comment on what follows, not part of it ("Unsurprisingly, Arduino LLC did not care …")
    r"|(?:un)?surprisingly|interestingly|notably|(?:more |most )?importantly|ironically|(?:un)?fortunately"
    r"|predictably|remarkably|curiously|tellingly|sadly|luckily|crucially|understandably|naturally"
    r"|admittedly|strikingly|inevitably)\s*,\s+"
    r"|(?:thus|hence|therefore|also|then|finally|first(?! "
    + _FIRST_NOUNS
    + r")|next(?! "
    + _FIRST_NOUNS
    + r"))"
    r"\s+(?=\w))",
    re.I,
)
"""Words that tie a sentence to the one before ("Thus", "In addition,", "So far,"): cut from a statement or
question that stands alone, and the writer's comment on it ("Unsurprisingly,"). "So far" is a whole phrase,
never "far"."""


def drop_connective(text: str) -> str:
    """ "Thus, anger grew" -> "anger grew" (repeatedly: "But in addition, …")."""
    for _ in range(3):
        cut = _OPENING_CONJUNCTION.sub("", text, count=1)
        if cut == text:
            break
        text = cut
    return text


SMALL_NUMBERS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
"""Counts written as words, in order (index + 1 is the value)."""
_LARGE_NUMBERS = "twenty thirty hundred thousand million billion dozens hundreds thousands millions"
NUMBER_WORDS = frozenset([*SMALL_NUMBERS, *_LARGE_NUMBERS.split()])


_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})


def lower_if_common(word: str, s: Sentence | None, function_words: frozenset[str] = frozenset()) -> str:
    """``word`` in lower case when its capital only marked the start of a sentence ("Anger", "Four", "The"):
    it is a function or number word, or the article writes it in lower case, or in ``s`` it is no name."""
    if not word[:1].isupper() or (word.isupper() and word != "A"):
        return word
    low = word.lower().rstrip(",;:")
    common = low in function_words or low in NUMBER_WORDS
    if not common and s is not None:
        hits = [k for k, t in enumerate(s.toks) if t.text.lower() == low]
        if not hits and "-" in low:  # "So-called" is the tokens "So", "-", "called"
            hits = [k for k, t in enumerate(s.toks) if t.text.lower() == low.split("-")[0]][:1]
        common = any(s.toks[k].text[:1].islower() for k in hits) or (
            bool(hits)
            and (
                s.toks[hits[0]].pos in _FUNCTION_POS  # "A powerful earthquake …": a determiner
                or not keeps_capital(s, hits[0])  # "Tourism is …, said the … Tourism Council"
            )
        )
    return word[:1].lower() + word[1:] if common else word


def lower_opening(text: str, s: Sentence | None, function_words: frozenset[str] = frozenset()) -> str:
    """ "The quake killed…" -> "the quake killed…" inside a question or after a frame; a name keeps its
    capital (``lower_if_common`` on the first word)."""
    first, _, rest = text.partition(" ")
    return f"{lower_if_common(first, s, function_words)} {rest}".strip()


def capitalise(text: str) -> str:
    """Capitalise a statement's first letter; an opening connective that tied it to the sentence before
    goes ("But anger grew…" -> "Anger grew…", "Thus, the plan failed" -> "The plan failed")."""
    text = drop_connective(text)
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
    if kinds == {"person"} and _role_noun_before(s, tok):
        return None  # "During talks with Putin, the Kazakh president noted that he…": he is not Putin
    return before[-1] if len(names) == 1 else None


def _role_noun_before(s: Sentence, tok: int) -> bool:
    """A person named by a role ("the Kazakh president", "officials") before ``tok``, outside any name."""
    inside = {k for m in s.mentions for k in range(m.i, m.j)}
    return any(
        k not in inside and s.toks[k].pos == "NOUN" and s.toks[k].lemma.lower() in PERSON_NOUNS
        for k in range(tok)
    )


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


def lower_first(s: Sentence, idxs: tuple[int, ...], swap: dict[int, str]) -> dict[int, str]:
    first = idxs[0]
    if first in swap or keeps_capital(s, first):
        return swap
    t = s.toks[first].text
    return {**swap, first: t[:1].lower() + t[1:]}


DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


PERSONAL = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
    | {"you", "your", "yours", "yourself", "yourselves"}
)
"""First and second person: the writer ("our traditional performance") or the reader ("your computer screen
provides comfort", "you have different considerations"), no one a student can name."""


def vague(s: Sentence, idxs: tuple[int, ...] | list[int], swap: dict[int, str] | None = None) -> bool:
    """A demonstrative ("that story", "this move"), "the other" or "two other" ("the other 21 people": other
    than whom?) or a subject with "another" ("another study found …") points at text the student has not seen
    (unless ``swap`` puts a name in its place); an "I", "we" or
    "you" of the page's own voice (``PERSONAL``) names no one."""
    toks = s.toks
    return any(
        (toks[k].dep == "det" and toks[k].text.lower() in DEMONSTRATIVES and k not in (swap or {}))
        or (k > 0 and toks[k].text.lower() == "other" and toks[k - 1].text.lower() == "the")
        or (k > 0 and toks[k].text.lower() == "other" and toks[k - 1].tag == "CD" and not _owned(toks, k - 1))
        or (toks[k].text.lower() == "another" and toks[k].dep == "det" and toks[toks[k].head].dep in SUBJECTS)
        or (toks[k].tag in ("PRP", "PRP$") and toks[k].text.lower() in PERSONAL and k not in (swap or {}))
        for k in idxs
    )


def _owned(toks: tuple[Tok, ...], k: int) -> bool:
    """A possessive or determiner before ``toks[k]`` says whose ("Costa Rica's 13 other glass frogs")."""
    return k > 0 and (toks[k - 1].tag in ("POS", "PRP$", "DT") or toks[k - 1].text in ("'s", "’s"))


_INVERTING = frozenset(["so", "nor", "neither"])


def inverted(s: Sentence, idxs: tuple[int, ...] | list[int], swap: dict[int, str] | None = None) -> bool:
    """The kept words open on a verb before its subject: a question or an inversion left without what set it
    off ("Not only is Destiny 2 not true 4K" -> "is Destiny 2 not true 4K.")."""
    toks = s.toks
    kept = [k for k in idxs if (swap or {}).get(k) != "" and toks[k].pos != "PUNCT"]
    while len(kept) > 1 and toks[kept[0]].text.lower() in _INVERTING:
        kept = kept[1:]  # "…, so does the need to find …": the "so" goes with the connectives
    if not kept or toks[kept[0]].pos not in ("AUX", "VERB") or toks[kept[0]].tag not in FINITE:
        return False
    first = kept[0]
    verbs = {first, toks[first].head}
    return any(toks[k].dep in (*SUBJECTS, "expl") and toks[k].head in verbs for k in kept[1:])


def unbound_plural(s: Sentence, idxs: tuple[int, ...] | list[int]) -> bool:
    """A "their", "them" or "they" with nothing in the kept words to point to ("… is eager to get their
    attention — and their vote", with the businesswomen a sentence back)."""
    return any(
        s.toks[k].text.lower() in ("their", "them", "they") and not _plural_before(s, idxs, k) for k in idxs
    )


def _plural_before(s: Sentence, idxs: tuple[int, ...] | list[int], k: int) -> bool:
    """Something "their" can point to earlier in the kept words: a plural noun, a group or a place, two names."""
    before = [j for j in idxs if j < k]
    named = [m for m in s.mentions if m.i in before]
    return (
        any(s.toks[j].tag in ("NNS", "NNPS") or s.toks[j].dep == "conj" for j in before)
        or any(m.kind not in ("person", "number", "year", "date") for m in named)
        or len(named) > 1
    )


def unattached_after_cut(s: Sentence, idxs: tuple[int, ...] | list[int]) -> bool:
    """A kept phrase the parser could not attach (dependency "dep") right after words the statement left
    out: "… was just seven years old [when he attended his first mass stranding,] a beaching of porpoises
    …" reads as one broken sentence."""
    keep = set(idxs)
    for k in idxs:
        if s.toks[k].dep != "dep":
            continue
        start = min(subtree(s, k))
        if start > min(keep) and start - 1 not in keep:
            return True
    return False


def stranded(s: Sentence, idxs: tuple[int, ...] | list[int]) -> bool:
    """A preposition whose object is not among ``idxs`` ("…were eligible to bid for", where the parser hung
    "contracts" on a later verb): the text would stop mid-phrase."""
    kept = set(idxs)
    toks = s.toks

    def lost(k: int) -> bool:  # its object is in the sentence but not kept ("combed through and …" has none)
        if any(toks[j].dep in ("pobj", "pcomp") for j in s.kids[k]):
            return True
        return k + 1 < len(toks) and k + 1 not in kept and toks[k + 1].pos in _NOUN_PHRASE_STARTS

    return any(
        toks[k].dep == "prep" and toks[k].pos == "ADP" and not any(j in kept for j in s.kids[k]) and lost(k)
        for k in kept
    )


_NOUN_PHRASE_STARTS = frozenset({"NOUN", "PROPN", "DET", "NUM", "ADJ", "PRON"})


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


def opening_swap(s: Sentence, idxs: tuple[int, ...], swap: dict[int, str]) -> dict[int, str] | None:
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
    event = lead_reference(s, content)
    if event is not None:
        return {**swap, **event}
    if starts_unresolved([s.toks[k] for k in content if k not in swap]):
        return None
    return swap


REFERRING_NOUNS = frozenset(["development", "move", "decision", "step", "announcement", "deal", "agreement"])


def lead_reference(s: Sentence, content: list[int]) -> dict[int, str] | None:
    """ "This development coincides with…", "Overall, this move demonstrates…" near the top of a story: the
    move is the lead's own event, named by the lead sentence's subject ("Kazakhstan’s accession to the
    Abraham Accords"); None when the sentence opens otherwise or the lead names no such event."""
    if not s.lead_event:
        return None
    toks = s.toks
    words = [k for k in content if toks[k].pos != "PUNCT" and toks[k].text.lower() not in DISCOURSE]
    if len(words) < 2:
        return None
    det, noun = words[0], words[1]
    pointer, kind = toks[det].text.lower(), toks[noun].lemma.lower()
    if pointer not in ("this", "that", "the") or kind not in REFERRING_NOUNS:
        return None
    if pointer == "the" and kind not in ("move", "development"):
        return None  # "the agreement", "the decision" may well be another one than the lead's
    if toks[noun].dep not in ("nsubj", "nsubjpass") or toks[det].head != noun:
        return None
    return {det: s.lead_event, noun: ""}


_RUN_ON = re.compile(r"\.\s+(?:The|That|This|These|Those|It|Its|He|She|They|We|But|And|A|An)\s")
"""A full stop inside the sentence before a word that opens one: two sentences the parser ran into one ("…
with the Xbox One S. That revision rounded out its seams, …")."""


def unreliable(s: Sentence, verb: int) -> bool:
    """A parse that cannot be cut into clauses safely: two roots in one sentence (the parser split it), two
    sentences run into one (``_RUN_ON``: a clause could join the first one's subject to the second one's
    verbs), or gapping ("Tokayev came from Kazakhstan, Mirziyoyev from Uzbekistan…", "used it in 2022, and
    4.5 million tonnes in…"), where a clause would lose or garble its second half."""
    toks = s.toks
    if sum(1 for k, t in enumerate(toks) if t.head == k and t.pos != "PUNCT") > 1:
        return True
    if _RUN_ON.search(s.text.rstrip(" .")):
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


NOT_FACTIVE = frozenset(
    [
        "believe",
        "think",
        "argue",
        "claim",
        "suggest",
        "doubt",
        "hope",
        "fear",
        "wonder",
        "ask",
        "convince",
        "suspect",
        "assume",
        "predict",
        "allege",
        "question",
        "deny",
        "worry",
        "insist",
        "speculate",
        "estimate",
        "guess",
        "imagine",
        "want",
        "wish",
        "urge",
        "demand",
        "propose",
    ]
)
"""Verbs whose complement the article does not state as fact: "Scientists believe X", "Some argue that X",
"Not everyone is convinced X" — X alone would be a true/false statement with a wrong key."""


PERSON_NOUNS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "minister",
        "secretary",
        "president",
        "analyst",
        "researcher",
        "economist",
        "expert",
        "official",
        "leader",
        "director",
        "chief",
        "executive",
        "lawyer",
        "professor",
        "scientist",
        "critic",
        "opponent",
        "supporter",
        "author",
        "adviser",
        "advisor",
        "diplomat",
        "judge",
    ]
)
OPINION_VERBS = frozenset(["say", "tell", "add", "call", "describe", "write", "warn", "insist"])
BARE_INFINITIVE_VERBS = frozenset(["help", "make", "let", "see", "watch", "hear", "have", "bid"])
"""Verbs whose unmarked complement is a bare infinitive ("help American companies become more competitive"),
which the parser may tag as a present-tense clause: an aim or a cause, not a fact the article states."""


def _sayer_is_person(s: Sentence, verb: int) -> bool:
    """The subject of a saying verb is a named person or a person's title ("the minister")."""
    subj = subject_of(s, verb)
    if subj is None:
        return False
    tree = subtree(s, subj)
    if any(m.kind == "person" and m.i in tree for m in s.mentions):
        return True  # "Priya Shah", "Its spokesperson, Priya Shah,"
    if s.toks[subj].lemma.lower() in PERSON_NOUNS:
        return True  # "the minister said", "one researcher said"
    return s.toks[subj].pos == "PROPN" and not any(m.i <= subj < m.j for m in s.mentions)


def _negated(s: Sentence, verb: int) -> bool:
    """The clause of ``verb`` is negated ("did not say", "Not everyone is convinced")."""
    toks = s.toks
    for c in children(s, verb):
        if toks[c].dep == "neg" or (
            toks[c].dep in ("nsubj", "nsubjpass")
            and any(
                toks[g].dep == "neg" or toks[g].text.lower() in ("no", "nobody", "none")
                for g in subtree(s, c)
            )
        ):
            return True
    return False


def asserted(s: Sentence, verb: int, depth: int = 0) -> bool:
    """Is this clause stated as true by the article (not a condition, relative clause, question, or the
    complement of a belief, a doubt or a negated verb)?"""
    toks = s.toks
    subj = subject_of(s, verb)
    if subj is None or toks[subj].tag in RELATIVE_TAGS or unreliable(s, verb) or depth > 6:
        return False
    dep = toks[verb].dep
    head = toks[verb].head
    if dep == "ROOT":
        return True
    if dep == "conj":
        # "whether this is the bottom or whether car makers will cut orders again": as its first conjunct
        first = head
        if toks[first].pos in ("VERB", "AUX") and toks[first].dep != "ROOT":
            return asserted(s, first, depth + 1)
        return not any(
            toks[k].dep == "mark" and toks[k].text.lower() in ("whether", "if") for k in children(s, verb)
        )
    if dep == "ccomp":
        marks = [toks[k].text.lower() for k in children(s, verb) if toks[k].dep == "mark"]
        modal = any(toks[k].tag == "MD" for k in children(s, head))
        relative = any(toks[k].tag in RELATIVE_TAGS for k in children(s, verb))
        governor = toks[head]
        if governor.lemma.lower() in NOT_FACTIVE or _negated(s, head):
            return False
        if governor.lemma.lower() in OPINION_VERBS and _sayer_is_person(s, head):
            return False  # "Shah said the ruling was a humiliation": her view, asked with "Shah said"
        if not marks and governor.lemma.lower() in BARE_INFINITIVE_VERBS:
            return False
        if governor.pos in ("VERB", "AUX") and governor.dep != "ROOT" and not asserted(s, head, depth + 1):
            return False
        return marks in ([], ["that"]) and not modal and not relative
    if dep == "advcl":
        marks = [toks[k].text.lower() for k in children(s, verb) if toks[k].dep == "mark"]
        return len(marks) == 1 and marks[0] in ASSERTING_MARKS
    return False


_BROKEN = re.compile(
    r":\s*(\S+\s*){0,2}$"  # a list after a colon cut down to a word or two
    r"|\b(and|but|or)\s+(because|if|when|while|although|though|whereas)\b"  # a dangling subordinator
    r"|,\s*(and|or)\s*$"
    r"|\b(?:do|did|does|done|doing)(?:\s+\w+ly)?\s+(?:that|this|it|so)\s*$"  # "designed to do exactly that"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:two|three|four|five|six|seven|eight|nine|ten)(?=\s)"
)  # the last: the source's own slip, "he scored just three four times"


def broken(text: str) -> bool:
    """Text left ill-formed by cutting a clause out: a truncated list, a dangling 'and because'."""
    return _BROKEN.search(text.rstrip(".?!")) is not None


NATIONALITY_ENDINGS = ("ish", "ian", "ese", "an", "i", "ic")


def keeps_capital(s: Sentence, k: int) -> bool:
    """A capital that belongs to the word (a name, an acronym), not just to the start of the sentence."""
    t = s.toks[k]
    if any(s.toks[j].pos != "PUNCT" for j in range(k)):
        return t.text[:1].isupper()
    named = any(m.i <= k < m.j and m.kind not in ("number", "year", "date") for m in s.mentions)
    nationality = t.tag == "JJ" and t.text[:1].isupper() and t.text.lower().endswith(NATIONALITY_ENDINGS)
    proper = t.text[:1].isupper() and t.text.lower() in s.proper  # "Figgins declined…": a name elsewhere too
    return named or nationality or proper or t.tag in ("NNP", "NNPS") or t.text.isupper() or t.text == "I"
