"""Media-literacy questions from the article's own metadata and structure, not from outside facts.

Who published it and when, whether a quotation says who said it, which statement is quoted, how the author's
summary differs from the body, and what to check before sharing. They cite the article itself.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import PurePath

from spacy.lang.en.stop_words import STOP_WORDS

from quizkit.knowledge import aliases
from quizkit.knowledge.distractors import MONTHS
from quizkit.model import Article, Citation, Question, Quote

TAGS = ("context", "media-literacy")
_MAX_QUOTE = 320
_OPENING_WORDS = 8
_VAGUE = frozenset(
    {"a", "an", "one", "some", "several", "many", "officials", "sources", "analysts", "experts"}
)


def article_citation(article: Article) -> Citation:
    """The article as a source: its URL (else its file name: a local folder means nothing on paper), as of
    its publication date."""
    return Citation(article.url or PurePath(article.path).name, article.date or _kb_as_of(), article.title)


def _kb_as_of() -> str:
    """An undated article is cited as read on the knowledge base's as-of date (a source needs a date)."""
    from quizkit.knowledge import checked_on

    return checked_on()


def _q(article: Article, qid: str, **kw: object) -> Question:
    return Question(
        id=f"media-{qid}",
        origin="context",
        evidence=None,
        sources=(article_citation(article),),
        tags=TAGS,
        **kw,  # type: ignore[arg-type]
    )


def human_date(iso: str) -> str:
    """2025-11-07 -> 7 November 2025."""
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _publisher(article: Article, rng: random.Random) -> Question | None:
    if not article.publisher:
        return None
    others = [
        e.name for e in aliases.of_kind("publisher") if not aliases.same_entity(e.name, article.publisher)
    ]
    rng.shuffle(others)
    choices = [article.publisher, *others[:3]]
    rng.shuffle(choices)
    return _q(
        article,
        "publisher",
        type="multiple_choice",
        prompt="Which news outlet published this article?",
        answer=article.publisher,
        choices=tuple(choices),
        bloom="remember",
        difficulty=0.15,
        explanation=f"The article's credit line names {article.publisher} as the publisher. Knowing who "
        "published a story helps you judge its viewpoint and how far to trust it.",
    )


def _date(article: Article, rng: random.Random) -> Question | None:
    try:
        day = date.fromisoformat(article.date)
    except ValueError:
        return None
    shifts = [timedelta(days=d) for d in (-1, 1, -7, 7, -30, 30, -365, 365)]
    rng.shuffle(shifts)
    wrong = [human_date((day + s).isoformat()) for s in shifts[:3]]
    choices = [human_date(article.date), *wrong]
    rng.shuffle(choices)
    return _q(
        article,
        "date",
        type="multiple_choice",
        prompt="On what date did this article appear?",
        answer=human_date(article.date),
        choices=tuple(choices),
        accepted_answers=(article.date,),
        bloom="remember",
        difficulty=0.2,
        explanation=f"The credit line dates the article {human_date(article.date)} ({article.date}). "
        "News ages: check whether what it reports has changed since then.",
    )


def _short_quote(text: str) -> str:
    """The quote as printed: whole when short, else its first sentences (never cut mid-sentence)."""
    text = " ".join(text.split())
    if len(text) <= _MAX_QUOTE:
        return text
    out = ""
    for sent in re.split(r"(?<=[.!?])\s+", text):
        if out and len(out) + len(sent) > _MAX_QUOTE:
            break
        out = f"{out} {sent}".strip()
    return out


def _opening(text: str, words: int = _OPENING_WORDS) -> str:
    """The first words of a quotation, enough to find it in the article ("Kazakhstan joining the …")."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts).rstrip(",;:")
    head = parts[:words]
    while len(head) > 3 and head[-1].lower().strip(",;:") in STOP_WORDS:
        head.pop()  # "…with a …" reads as a sentence cut in half
    return " ".join(head).rstrip(",;:") + " …"


def anonymous(quote: Quote) -> bool:
    """An attribution that names nobody: "a Gulf diplomat who asked not to be named", "officials"."""
    words = quote.speaker.split()
    return bool(words) and (words[0].lower() in _VAGUE or not any(w[:1].isupper() for w in words))


_SAID = re.compile(r"\b(?:said|says|told|added|according to)\b", re.I)


def _speaker_nearby(article: Article, quote: Quote) -> bool:
    """An "unattributed" quotation that continues a speaker's words in the same paragraph ('"…," said Ines
    Martel. "For the first time…"') or sits in reported speech ("he said the Conservatives would be “…”"):
    the article does say who spoke, so it is no example of an unattributed quote."""
    before = article.body[max(0, quote.start - 160) : quote.start].rsplit("\n", 1)[-1]
    return bool(_SAID.search(before))


def _attribution(article: Article) -> Question | None:
    """Does the article say who spoke a quotation? Prefers a quote that names nobody (the teachable case)."""
    if not article.quotes:
        return None
    unnamed = (
        q for q in article.quotes if (not q.attributed and not _speaker_nearby(article, q)) or anonymous(q)
    )
    quote = next(unnamed, article.quotes[0])
    named = quote.attributed and not anonymous(quote)
    if named:
        who = f"True: the article says {quote.speaker} said it." if quote.speaker else "True: it says who."
    elif quote.attributed:
        who = (
            f"False: the article describes the speaker (“{quote.speaker}”) but gives no name, "
            "so a reader cannot check who said it."
        )
    else:
        who = "False: the article quotes these words but never says who said them, so a reader cannot check them."
    return _q(
        article,
        "quote-attribution",
        type="true_false",
        prompt=f"The article names the person who spoke the quotation that begins “{_opening(quote.text)}”.",
        answer=named,
        bloom="analyze",
        difficulty=0.45,
        explanation=who,
    )


def _sentences(article: Article) -> list[str]:
    out = []
    for block in article.blocks:
        if block.kind != "paragraph":
            continue
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", block.text):
            s = s.strip()
            if 40 <= len(s) <= 260 and '"' not in s and "“" not in s:
                out.append(s)
    return out


def _which_quoted(article: Article, rng: random.Random) -> Question | None:
    if not article.quotes:
        return None
    key = _short_quote(article.quotes[0].text)
    others = [_short_quote(s) for s in _sentences(article)]
    others = [s for s in dict.fromkeys(others) if s != key]
    if len(others) < 3:
        return None
    rng.shuffle(others)
    choices = [key, *others[:3]]
    rng.shuffle(choices)
    return _q(
        article,
        "quoted-statement",
        type="multiple_choice",
        prompt="Which of these statements does the article give as a direct quotation?",
        answer=key,
        choices=tuple(choices),
        bloom="understand",
        difficulty=0.35,
        explanation="The quotation marks show that these are someone's words, not the reporter's; "
        "the other statements are the article's own reporting.",
    )


def _words(text: str) -> list[str]:
    return [
        w for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text) if w.lower() not in STOP_WORDS and len(w) > 3
    ]


def summary_additions(article: Article) -> list[str]:
    """Content words of the author's summary that the body never uses: what the summary adds."""
    if not article.summary:
        return []
    body = article.body.replace(article.summary, "")
    stems = {w.lower()[:5] for w in _words(body)}
    return list(dict.fromkeys(w for w in _words(article.summary) if w.lower()[:5] not in stems))


def _summary(article: Article) -> Question | None:
    if not article.summary:
        return None
    added = summary_additions(article)
    points = [
        "says the summary is the author's own interpretation, not a quoted source or a new fact",
        "checks each claim of the summary against what the body actually reports",
    ]
    if added:
        points.append(f"notices wording found only in the summary, e.g. {', '.join(added[:4])}")
    points.append("notes what the body says that the summary leaves out, or states more strongly")
    return _q(
        article,
        "summary-vs-body",
        type="open",
        prompt="Compare the author's summary with the body of the article. What does the summary add, "
        "leave out or state more strongly than the body? Give one example.",
        answer=tuple(points),
        bloom="analyze",
        difficulty=0.6,
        points=3.0,
        explanation="A summary is a claim about the article: a careful reader checks it against the body.",
    )


def _check_before_sharing(article: Article) -> Question:
    points = [
        "who published it"
        + (f" ({article.publisher})" if article.publisher else "")
        + " and whether that outlet is reliable",
        "when it was published"
        + (f" ({article.date})" if article.date else "")
        + " and whether it is still current",
    ]
    if any((not q.attributed and not _speaker_nearby(article, q)) or anonymous(q) for q in article.quotes):
        points.append(
            "who said the unnamed or unattributed quotation, and whether another source confirms it"
        )
    points += [
        "whether other reliable outlets or the original sources report the same facts",
        "which parts are reported facts and which are opinion or interpretation",
    ]
    return _q(
        article,
        "check-before-sharing",
        type="open",
        prompt="What would you check before sharing this article? Name at least three things.",
        answer=tuple(points),
        bloom="evaluate",
        difficulty=0.5,
        points=4.0,
        explanation="Before sharing, check the source, the date, who is quoted, and whether others confirm it.",
    )


def media_questions(article: Article, *, seed: int) -> list[Question]:
    """Media-literacy questions in priority order: publisher, date, quote attribution, check before sharing,
    summary against body, which statement is quoted."""
    rng = random.Random(seed)
    made = [
        _publisher(article, rng),
        _date(article, rng),
        _attribution(article),
        _check_before_sharing(article),
        _summary(article),
        _which_quoted(article, rng),
    ]
    return [q for q in made if q is not None]
