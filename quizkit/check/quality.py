"""Checks for what made reviewers reject questions on real articles (issue 9's defect list): page debris,
a loose connective or a wrong capital after the frame, references the student cannot resolve, sentences
about the report's own outline, a key the title gives away, "who" for something that is not a person, the
phrase-matching and vague-noun templates, and the same answer asked twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizkit.check.findings import Finding, Problem, error, short, warning
from quizkit.check.text import NEGATION, STOPWORDS, content_words, key_names, mentions, numbers
from quizkit.knowledge import aliases
from quizkit.model import Article, Question, Quiz

DEBRIS = re.compile(
    r"\((?:CNN|AP|Reuters|AFP|UPI|KCRG|BBC)\)|/[A-Z]{2,8}/|[•▪●◦■►▸‣]"
    r"|\[\d{1,3}(?:[,–-]\d{1,3})*\]|\[citation needed\]"
    r"|\((?:see )?(?:table|figure|fig\.|chart|box|annex)\s*[\dA-Z]+(?:\.\d+)*\)"
    r"|\b(?:download (?:it )?on the app store|get it on google play|read more|click here|subscribe now"
    r"|sign up for our|follow us on)\b"
    r"|\.\s*;|;\s*\.|(?<![.\d])\.\.(?!\.)|\bphoto(?:graph)?:\s|\(\s*(?:photo|image)\b"
    r"|(?:^|\s)\d{1,2}\.\s+[^\s\d]\S*(?:\s+[^\s\d]\S*){0,3}\s+\d{1,2}\.(?=\s|$)",
    re.I,
)
FRAME = re.compile(r"^\s*according to the article,\s*", re.I)
CONNECTIVE = re.compile(
    r"^(?:(?:and|but|or|nor|neither),?\s|(?:however|meanwhile|moreover|furthermore|additionally|first|firstly|second|secondly|finally|so far"
    r"|far|in addition|as such|in turn|indeed|instead|still|also|then|thus|hence|therefore|yet),"
    r"|(?:thus|hence|therefore)\s)",
    re.I,
)
UNRESOLVED = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:week|weekend|month|morning|afternoon|evening)"
    r"|last (?:week|weekend|night|month)|next (?:week|month)|such (?:an? )?\w+|the move|this move"
    r"|that (?:level|day|time|year|week|month|point|move|decision|deal|plan|case|figure)|since then|by then"
    r"|at the time|after that|before that"
    r"|the step|this step|the latter|the former|as follows|the above|the aforementioned|these|those"
    r"|here|afterwards?|you guys|(?:made|make|makes|making) things|them|him|into question|(?:did|do|does|doing) the same"
    r"|the same (?!time\b)[a-z]+\b(?!\s+(?:as|that|which|who|of)\b)|(?:say|says|said) that (?:is|was|will|would)"
    r"|the (?:city|town|village|province|party|company|source|figure|name|day before|day after)(?! of\b)(?!['’]s? [A-Z])"
    r"|in each case|the opposite direction|an? similar (?:message|move|step|approach|plan|deal|measure|warning"
    r"|statement|call|view|case)(?! (?:to|as)\b)"
    r"|(?:against|about|for|with|from|into|toward|towards|behind|described|describe|describes) (?:it|them)"
    r"(?=[.,;?]|\s+(?:in|on|at|during|as|to|and|but|when|after|before)\b))\b",
    re.I,
)
OUTLINE = re.compile(
    r"\b(?:the|this|our) (?:first|second|third|fourth|next|following|last|final|present|previous) "
    r"(?:section|chapter|part)\b|\bin this (?:section|chapter|report|paper|brief)\b"
    r"|\b(?:this|the present) (?:report|paper|brief|chapter|section|study|article) "
    r"(?:details|describes|outlines|discusses|presents|examines|explores|reviews|summari[sz]es|sets out|looks at)\b"
    r"|\b(?:table|figure|chart) \d",
    re.I,
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
NOT_PEOPLE = frozenset({"country", "city", "place", "region", "sea", "organisation", "agreement", "corridor"})
NAMED_TYPES = ("multiple_choice", "short_answer", "fill_blank")


def _texts(q: Question) -> list[str]:
    """Everything a student or teacher reads of a question."""
    out = [q.prompt, *q.choices]
    if isinstance(q.answer, str):
        out.append(q.answer)
    elif isinstance(q.answer, tuple):
        out.extend(x if isinstance(x, str) else " ".join(map(str, x)) for x in q.answer)
    return out


def page_debris(q: Question, article: Article | None) -> Iterator[Problem]:
    """Page furniture copied into the question: a dateline, a bullet, a citation or figure marker, an app or
    "Read more" line, doubled punctuation (".;", ".."), a numbered list run into one line ("1. Finland 2.
    Norway 3.")."""
    for text in _texts(q):
        m = DEBRIS.search(text)
        if m:
            yield error(
                f"it carries page debris ({short(m.group())}); take it out of the text (or leave the sentence out)"
            )
            return


def loose_start(q: Question, article: Article | None) -> Iterator[Problem]:
    """A connective that tied the sentence to the one before ("Thus", "First", "So far") left at the start,
    or a capitalised common word right after "According to the article,"."""
    framed = FRAME.match(q.prompt)
    rest = q.prompt[framed.end() :] if framed else q.prompt
    m = CONNECTIVE.match(rest)
    if m and q.origin == "article":
        yield error(
            f"it starts with {short(m.group().strip(' ,'))}, which ties it to a sentence the student has not "
            "seen; drop the connective"
        )
        return
    first = rest.split(" ", 1)[0].strip("“\"'‘")
    if framed and first[:1].isupper() and not first.isupper() and first.lower() in STOPWORDS:
        yield error(
            f'{short(first)} keeps its capital after "According to the article,"; write it in lower case'
        )


MID_CAPITAL = re.compile(
    r"\b(?:did|does|do|was|were|is|are|has|have|had|of|which|what)\s+(?:A|An|The)\s+[a-z]"
)
BROKEN = re.compile(
    r",\s*-?\d+\?$|,\s+who\s+(?:said|told|added|wrote|noted|says)\?$"
    r"|\b(?:is|are|was|were|be|the|a|an|of|to|for|with|by|from|at|in|on|and|or|as|than|that)\.$"
    r"|\s+n[’']t\b|\(or,|,\s*-\d|^According to the article, (?:\d+|\w+) (?:years|months|weeks|days) [A-Z]"
    r"|^(?=.*\b(?:in what year|what year)\b)(?=.*\b(?:19|20)\d\d\b)"
    r"|\b(?:President|Minister|Mr|Mrs|Ms|Dr)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)* (?:are|were)\b"
    r"|^(?:According to the article, )?(?i:since|in|by|after|before|until) [^,]{1,30}, and [a-z]+ed\b"
)


SPEECH_ONLY = re.compile(
    r"\b(?:said|says|added|reported|announced)(?:\s+(?:late|early|on))?(?:\s+\w+day)?\.$"
)
"""A statement that is nothing but who spoke and when ("Clinton administration officials said late Thursday.")."""


def broken_text(q: Question, article: Article | None) -> Iterator[Problem]:
    """Text left broken by the builder: "A" mid-question ("Where did A collaboration…"), a number after a
    comma at the end ("…, 2?"), "…, who said?", a statement ending on "is.", "(or, which…)"."""
    for text in (q.prompt, *q.choices):
        text = QUOTED.sub("“…”", text)  # a quotation is the speaker's wording, not ours
        m = MID_CAPITAL.search(text) or BROKEN.search(text)
        short_blank = (
            q.type == "fill_blank" and len(text.split()) <= 7
        )  # "_____ officials said late Thursday."
        if m is None and q.origin == "article" and (q.type == "true_false" or short_blank):
            m = SPEECH_ONLY.search(text)
        if m:
            yield error(f"the text is broken near {short(m.group())}; rephrase it or leave it out")
            return


def unresolved_reference(q: Question, article: Article | None) -> Iterator[Problem]:
    """A time or thing the student cannot pin down out of context: "today", "last week", "such a step",
    "the move", "the same information" (the same as what?)."""
    if q.origin != "article" or q.type in ("open", "ordering"):
        return
    text = QUOTED.sub(" ", q.prompt)
    m = UNRESOLVED.search(text) or _lone_pronoun(text)
    if m:
        yield error(
            f"it says {short(m.group())}, which only the sentences around it explain; name what is meant "
            "or ask about another sentence"
        )


PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
CLOSING_IT = re.compile(r"\b(?:it|them)(?=[.?!]?\s*$)", re.I)
"""A statement that ends on "it" ("people are going to buy it."): a thing named in another sentence."""
_NAME = re.compile(r"\b[A-Z][a-z’'.-]+")


def _lone_pronoun(text: str) -> re.Match[str] | None:
    """ "he", "her"… with no name before it in the question: a person from another sentence ("the military
    said it was keeping him safe", "before training her replacement"); the same for a closing "it"."""
    rest = FRAME.sub("", text)
    m = PERSONAL.search(rest) or CLOSING_IT.search(rest)
    if m is None:
        return None
    head = rest[: m.start()]
    if "___" in head or re.search(r"\b(?:who|whom|whose)\b", head, re.I):
        return None  # the blank or the "who" is the person
    before = [w for w in _NAME.findall(head) if w.lower() not in STOPWORDS]
    return None if before else m


def page_outline(q: Question, article: Article | None) -> Iterator[Problem]:
    """A question about how the report is laid out ("the first section details…"), not what it says."""
    if q.origin == "article" and OUTLINE.search(q.prompt):
        yield error(
            "it asks about the layout of the text (a section, a table), not its content; leave it out"
        )


def title_giveaway(q: Question, article: Article | None) -> Iterator[Problem]:
    """The key of a closed question is written in the article's headline: the student reads it there."""
    if article is None or not article.title or q.origin != "article":
        return
    # true, it is the headline; false by a "not" the headline has not ("Sweden has not dropped its
    # investigation …" under "Sweden Drops Its Investigation …") or by leaving out the headline's own "not"
    # ("… does run at a solid 60fps" under "… doesn't run at a stable 60fps"), the headline says it is false
    denied = q.answer is False and NEGATION.search(q.prompt) and not NEGATION.search(article.title)
    undenied = q.answer is False and NEGATION.search(article.title) and not NEGATION.search(q.prompt)
    # or by dropping the sentence's own "not" from a point the headline states ("the Americas can ignore the
    # risk …" of "cannot ignore", under "Americas at risk of further COVID-19 wave …")
    dropped = q.answer is False and q.evidence is not None and _only_not_dropped(q.prompt, q.evidence.text)
    giveaway = (
        q.type == "true_false"
        and (q.answer is True or denied or undenied or dropped)
        and restates(q.prompt, article.title)
    ) or (
        q.type == "true_false"
        and q.answer is False
        and renumbered(q.prompt, article.title, q.evidence.text if q.evidence is not None else "")
    )
    if giveaway or (q.type == "true_false" and denied and denies_headline_verb(q.prompt, article.title)):
        yield warning("the statement restates the headline; make a statement about something else")
        return
    if q.type not in NAMED_TYPES or "vocabulary" in q.tags or "metadata" in q.tags:
        return
    hit = next((n for n in key_names(q) if len(n) > 2 and mentions(article.title, n)), None)
    title_words = {w.lower() for w in _TITLE_WORD.findall(article.title)}
    hit = (
        hit
        or next(  # "West Michigan" under "Michigan reports sixth death…"
            (
                w
                for n in key_names(q)
                for w in _TITLE_WORD.findall(n)
                if len(w) > 3 and w[:1].isupper() and w.lower() in title_words and w.lower() not in STOPWORDS
            ),
            None,
        )
    )
    if hit:
        yield warning(
            f"the headline names the answer {short(hit)}; ask about something the title does not say "
            "(the generator leaves such questions out)"
        )


_TITLE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]+")
_SMALL_WORDS = "a an the of in on at to for and or by with from is are was were be has have had as"
_SMALL = frozenset(_SMALL_WORDS.split())


_HEADLINE_CLAUSE = re.compile(r"\s+(?:after|as|amid|while|despite|because|following)\s+|\s*[:;,—–|]\s+", re.I)
"""Where a headline's main news ends: "James Van Der Beek eliminated from 'Dancing with the Stars' | after …"."""


def _only_not_dropped(statement: str, sentence: str) -> bool:
    """The statement is its sentence without the sentence's "not": every word and number of it is the
    sentence's (a year or a name changed as well makes it false by that, which the headline may not show)."""
    if not NEGATION.search(sentence) or NEGATION.search(statement):
        return False
    return set(content_words(statement)) <= set(content_words(sentence)) and set(numbers(statement)) <= set(
        numbers(sentence)
    )


_KICKER = re.compile(r"^[^:]{1,30}:\s+(?=\S)")
"""A short label before a colon that opens a headline ("Losing face: ", "Exclusive: ", "Analysis: ")."""


def _stem(word: str) -> str:
    """ "arrests", "arrested" -> "arrest"; "MacBooks" -> "macbook": a headline's verb and noun in the
    sentence's tense and number."""
    w = word.lower()
    for end in ("ing", "ed", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


def restates(statement: str, title: str, share: float = 0.75) -> bool:
    """Most of the headline's words, or of its main clause, are in the statement (in any tense or number):
    the headline answers it."""
    said = {_stem(w) for w in _TITLE_WORD.findall(statement)}
    kicker = _KICKER.match(title)  # "Losing face: 6,000 surgical masks stolen …": the news after the colon
    parts = {title: 3, _HEADLINE_CLAUSE.split(title)[0]: 3}
    if kicker:  # a name after the colon is no news ("…: the 7th Amsterdam Light Festival")
        parts.setdefault(title[kicker.end() :], KICKER_NEWS_WORDS)
    for part, least in parts.items():
        words = {_stem(w) for w in _TITLE_WORD.findall(part) if w.lower() not in _SMALL}
        if len(words) >= least and len(words & said) >= share * len(words):
            return True
    return False


KICKER_NEWS_WORDS = 5
"""Words the part of a headline after its kicker needs to be news that a statement can restate."""


_COUNT = re.compile(
    r"\b(?:\d[\d,.]*\d|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\b",
    re.I,
)


def renumbered(statement: str, title: str, sentence: str = "") -> bool:
    """The statement is the headline with the headline's number changed ("police arrested eight people …"
    under "CPD arrests six in drug investigation"), or its ``sentence`` with a number changed that the
    headline gives ("the death toll … rose to 128" under "Death toll from Valencia floods rises to 64"): the
    headline shows the true count."""
    numbers = {n.lower() for n in _COUNT.findall(title)}
    stated = {n.lower() for n in _COUNT.findall(statement)}
    if not numbers or numbers <= stated:
        return False
    if ({n.lower() for n in _COUNT.findall(sentence)} - stated) & numbers:
        return True
    return restates(statement, _COUNT.sub(" ", title))


_DENIED_VERB = re.compile(
    r"\b(?:not|never)\s+(?:(?:been|be|being|have|has|yet|always|ever)\s+)*([A-Za-z]{4,})", re.I
)


def denies_headline_verb(statement: str, title: str) -> bool:
    """The statement denies the headline's own verb about the headline's actors ("James Van Der Beek has not
    been eliminated from Dancing with the Stars" under "James Van Der Beek eliminated from 'Dancing with the
    Stars' after …"): a third of the headline's words and the denied verb are there."""
    m = _DENIED_VERB.search(statement)
    if not m:
        return False
    word = m.group(1).lower()
    stem = word[: max(4, len(word) - 3)]  # "dropped" → "drop" (of "Drops"), "eliminated" → "elimina"
    verb_there = any(w.lower().startswith(stem) for w in _TITLE_WORD.findall(title))
    return verb_there and restates(statement, title, share=1 / 3)


def who_not_person(q: Question, article: Article | None) -> Iterator[Problem]:
    """ "Who…?" asked about a country, an organisation or a place."""
    if not re.match(r"^\s*(?:who|whom)\b", q.prompt, re.I) or not isinstance(q.answer, str):
        return
    ent = aliases.lookup(q.answer)
    if ent is not None and ent.kind in NOT_PEOPLE:
        yield error(f'it asks "who" but the answer {short(q.answer)} is a {ent.kind}; ask "which {ent.kind}"')


def weak_template(q: Question, article: Article | None) -> Iterator[Problem]:
    """Templates reviewers rejected every time: name-in-a-phrase matching, open questions on a vague noun."""
    if "marks where the name stands" in q.prompt:
        yield error("phrase-with-a-gap matching is not a fair question; match one relation (person and role)")
    elif q.prompt.startswith("The article speaks of "):
        yield error("an open question on a vague noun; ask why or how, from a cause the article states")


def same_answer_twice(quiz: Quiz) -> Iterator[Finding]:
    """Two closed article questions with the same key: the second asks nothing new."""
    seen: dict[str, str] = {}
    for q in quiz.questions:
        if q.origin != "article" or q.type not in NAMED_TYPES or not isinstance(q.answer, str):
            continue
        if "vocabulary" in q.tags:
            continue
        ent = aliases.lookup(q.answer)
        keys = {ent.name if ent is not None else aliases.norm(q.answer)}
        words = q.answer.split()
        person = ent is None or ent.kind == "person"  # not "Central Asia" and "Central and West Asia"
        if len(words) >= 2 and person and all(w[:1].isupper() for w in words):
            keys.add(aliases.norm(words[-1]))  # "Ellen Fetter" and "Fetter": one person asked twice
        hit = next((k for k in keys if k in seen), None)
        if hit is not None:
            yield Finding(
                q.id,
                "same_answer_twice",
                "warning",
                f"its answer {short(q.answer)} is also the answer to question {seen[hit]}; ask about "
                "something else",
            )
        else:
            seen.update(dict.fromkeys(keys, q.id))
