"""Questions from a sentence: wh-questions about a name (subject questions, do-support for objects, places
and dates, in-place "which …" otherwise). Every function returns None rather than ill-formed text."""

from __future__ import annotations

import re

from quizkit.analysis import PRONOUN_STARTS, Mention, Sentence, Tok, starts_unresolved
from quizkit.generate.statements import appositive
from quizkit.generate.syntax import (
    MAX_WORDS,
    MODIFIER_DEPS,
    RELATIVE_TAGS,
    Clause,
    asserted,
    broken,
    capitalise,
    children,
    clause,
    clause_verb,
    finite,
    head_of,
    keeps_capital,
    lower_first,
    mention_tokens,
    render,
    resolve_pronoun,
    strip_end,
    subject_is_pronoun,
    subject_of,
    subtree,
    vague,
    wh_swap,
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


def wh_question(s: Sentence, m: Mention, wh: str) -> str | None:
    """Ask for mention ``m``: 'Which country already has relations with Israel?' when it is the subject,
    else in place: 'According to the article, the accords normalized relations between which country and…?'."""
    toks = s.toks
    for other in s.mentions:
        if other is not m and other.j <= m.i and other.kind != "person":  # a source's employer is trivia
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
    if c.subj is not None and h in subtree(s, c.subj):
        return None  # a subject not at the clause's start: "a day which organisation swapped…"
    if _governing_verb(s, h) != verb or not finite(s, verb):
        return None  # the name hangs on a participle or infinitive: "the priest saving which place's…"
    swap = wh_swap(s, m, wh)
    if starts_unresolved([toks[k] for k in c.idxs if k not in swap]) or not _in_situ_ok(s, m):
        return None
    swap = lower_first(s, c.idxs, swap)
    body = render(toks, c.idxs, swap)
    return _finish("According to the article, " + body)


def _governing_verb(s: Sentence, tok: int) -> int | None:
    """The nearest verb above ``tok`` in the parse."""
    cur, seen = s.toks[tok].head, {tok}
    while cur not in seen:
        seen.add(cur)
        if s.toks[cur].pos in ("VERB", "AUX"):
            return cur
        cur = s.toks[cur].head
    return None


def _in_situ_ok(s: Sentence, m: Mention) -> bool:
    """A name that can be swapped for "which organisation" where it stands: not a name in apposition to a
    noun ("the charity Freedom Legal", "the national weather agency, AEMET") nor one a relative clause
    hangs on ("Delgado, who became…"), where the question word would read "the charity who"."""
    toks = s.toks
    if toks[head_of(s, m)].dep in ("appos", "compound", "npadvmod"):
        return False
    prev = toks[m.i - 1] if m.i > 0 else None
    if prev is not None and (prev.pos in ("NOUN", "PROPN") or prev.tag == "POS"):
        return False  # "the charity which organisation", "Britain's which organisation"
    if prev is not None and prev.text == "," and m.i > 1 and toks[m.i - 2].pos in ("NOUN", "PROPN"):
        return False
    after = toks[m.j : m.j + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].tag in RELATIVE_TAGS)


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
"""A speaker's own words ("we will not waste a day") cut into a question: nobody can tell who "we" are."""


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


MIN_QUESTION_WORDS = 7
"""Shorter questions lost the context that makes them answerable ("Who has made things much worse?")."""


def _finish(text: str) -> str | None:
    text = strip_end(text)
    if broken(text):
        return None
    words = text.split()
    if len(words) < MIN_QUESTION_WORDS or len(words) > MAX_WORDS + 6:
        return None
    return capitalise(text) + "?"


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
    if idxs[-1] - idxs[0] + 1 != len(idxs):
        return None  # a misparse hanging a far-away phrase on the subject ("Veltrix … , Paul Keane and Lin Zhou")
    text = render(toks, idxs)
    return text if keeps_capital(s, idxs[0]) else text[:1].lower() + text[1:]


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
    return [
        (m, q)
        for m, q in out
        if not _FIRST_PERSON.search(q)
        and not re.search(r"\b(?:who|which \w+|what \w+), (?:who|which)\b", q)
        and not in_list(s, m)
    ]


def in_list(s: Sentence, m: Mention) -> bool:
    """The name is one of a coordinated list ("from New Plymouth and Auckland", "Russia's Rosatom, France's
    Orano…"): asking "which one?" has more than one right answer, or gives the others away."""
    inside = range(m.i, m.j)
    for k in inside:
        t = s.toks[k]
        if t.dep == "conj" and t.head not in inside:
            return True
        if any(s.toks[c].dep == "conj" and c not in inside for c in children(s, k)):
            return True
    return False
