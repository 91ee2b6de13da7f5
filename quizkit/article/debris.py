"""Debris inside real paragraphs: datelines, bullet marks, citation and figure markers, transcript cues.

``clean.py`` recognises whole lines of page furniture; this module cleans what real copy carries *inside* the
lines it keeps, so that no question quotes "(CNN) —", "•", "[2]" or "(Table 1.1)". Each function returns the
cleaned text and what it took out (kept in ``Article.removed`` so a teacher can check it).
"""

from __future__ import annotations

import re

_OUTLET = r"(?:[A-Z][A-Za-z&.]{0,14}(?: [A-Z][A-Za-z&.]{0,14}){0,2})"
DATELINE = re.compile(
    r"^(?:"
    # "CEDAR RAPIDS, Iowa (KCRG) - ", "NASHVILLE, Tenn. (AP) — ", "(CNN) — ", "LONDON (Reuters) -"
    rf"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,(?: [A-Z][\w.]*){{1,3}})?(?:,? [A-Z][a-z]{{2,8}}\.? \d{{1,2}})?\s*)?"
    rf"\({_OUTLET}\)\s*(?:[-—–]{{1,2}}|:)\s+"
    # "MOSCOW, November 28. /TASS/. "
    r"|(?:[A-Z][A-Z.'’ -]*[A-Z.],?(?: [A-Z][a-z]+\.? \d{1,2}\.?)?\s*)?/[A-Z][A-Za-z-]{1,12}/\.?\s+"
    # "WASHINGTON — ", "BELEK, Turkmenistan, Dec 23 — "
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,(?: [A-Z][\w.]*){1,3})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s+[—–]{1,2}\s+"
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,(?: [A-Z][\w.]*){1,3})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s+--?\s+"
    # "Indianapolis – Several thousand teachers ...": a place in title case, a dash, then a new sentence
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s+[—–]\s+(?=[A-Z][a-z])"
    # "Feb. 23, 2015 -- Life-threatening peanut allergies …": a date for a dateline
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?\s+(?:--?|[—–])\s+(?=[A-Z])"
    r")"
)
BULLET = re.compile(
    r"^\s*(?:[•▪●◦■►▸‣⁃∙·*]|-(?=\s)|\d{1,2}[.)](?=\s+[A-Z])|[\u2460-\u2473]|\d\ufe0f?\u20e3)\s*"
)
INLINE_BULLET = re.compile(r"\s+[•▪●◦■►▸‣]\s+")
CITATION = re.compile(
    r"\s*\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|citation needed|note \d+|[a-z])\](?![a-z])"
    r"|\s*\((?:see\s+)?(?:table|figure|fig\.|chart|graph|box|annex|appendix|map)\s*[\dA-Z]+(?:\.\d+)*[a-z]?\)",
    re.I,
)
EDITORIAL_CAPITAL = re.compile(r"\[([A-Z])\](?=[a-z])")
EDITORIAL_ENDING = re.compile(r"(?<=[a-z])\[([a-z]{2,})\](?=[\s.,;:!?'’\"”)]|$)")
"""An editor's completion inside a word ("a 30 min[ute] activity"): the word as the editor completed it."""
SPEAKER_TAG = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?: \((?:[A-Z][\w ]{0,30})\))?:\s+(?=\S)"
)
"""A transcript's speaker label: "PENNEBAKER: ...", "STEVE INSKEEP, HOST: ..." (names in capitals)."""
SPEAKER_TAG_LONG = re.compile(r"^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}, [A-Z][A-Z ,]{2,40}:\s+(?=\S)")
STAGE_LINE = re.compile(
    r"^\(?(?:MUSIC|SOUNDBITE|SOUND ?BITE|SOUND|APPLAUSE|LAUGHTER|CROSSTALK|BEGIN VIDEO CLIP|END VIDEO CLIP"
    r"|BEGIN AUDIO CLIP|END AUDIO CLIP|ARCHIVED RECORDING|INAUDIBLE|BREAK)\b[^a-z]{0,3}.{0,120}$"
)
"""A transcript's stage direction ("MUSIC: "Our World" theme", "(SOUNDBITE OF ARCHIVED BROADCAST)")."""
CAPTION_CREDIT = re.compile(
    r"\s*\((?:[^()]{1,60}[/ ,])?(?:photo|image|picture|file photo|viewer photo|courtesy[^()]{0,40}|getty images"
    r"|ap photo[^()]{0,40}|reuters[^()]{0,30})\)\s*$",
    re.I,
)
SITE_NAME = re.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|news|co|io|info|tv|uk|in|ru|kz)$", re.I
)
MARKET_CODE = re.compile(
    r"(?<=\s)(?:\.[A-Z][A-Z0-9]{2,}|[A-Z][A-Za-z0-9]*=[A-Z]*|[A-Z]{2,}[a-z]\d|[A-Z]{4,}\d)(?=[\s,.;:)]|$)"
)
"""Wire-service instrument codes ("Brent LCOc1", "Sterling GBP=", "gauge .MIWD00000PUS", "Copper CMCU3")."""
PUNCT_RUNS = (
    (re.compile(r"\.\s*;"), "."),
    (re.compile(r";\s*\."), "."),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "."),
)


def strip_dateline(text: str) -> tuple[str, str]:
    """("Widespread heavy rainfall ...", "CEDAR RAPIDS, Iowa (KCRG) -") for a paragraph opening a wire story."""
    m = DATELINE.match(text)
    if not m or m.end() >= len(text) - 1:
        return text, ""
    rest = text[m.end() :]
    if not rest[:1].isalnum() and rest[:1] not in "\"“'‘(":
        return text, ""
    return rest, m.group().strip()


_BYLINE_LEAD = re.compile(
    r"^By\s+(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|and))*)\s*(?::|\||[-–—]\s)\s*(?=[A-Z\"“‘'])"
)


_CALENDAR = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|now|then|next|last|midnight|noon|tomorrow|tonight|today)\.?",
    re.I,
)
"""A time after "By" ("By March: …", "By Monday —"), not a writer's name."""


def strip_byline_lead(text: str) -> tuple[str, str]:
    """("The Americas cannot ignore …", "By Aaron Humes:") for a lead paragraph the page opened with its
    byline ("By Aaron Humes: The Americas cannot ignore the risk …"): the name is not the article's words."""
    m = _BYLINE_LEAD.match(text)
    if not m or m.end() >= len(text) - 1 or len(m["name"].split()) > 4:
        return text, ""
    if _CALENDAR.fullmatch(m["name"].split()[0]):
        return text, ""  # "By March: …" is a time, not a writer ("By Mark Smith: …" is one)
    return text[m.end() :], m.group().strip()


def strip_inline(text: str) -> tuple[str, list[str]]:
    """Bullet marks, citation/figure markers and doubled punctuation taken out of a kept paragraph."""
    removed: list[str] = []
    m = BULLET.match(text)
    if m and m.end() < len(text):
        removed.append(m.group().strip())
        text = text[m.end() :]
    if INLINE_BULLET.search(text):
        removed.append("•")
        text = INLINE_BULLET.sub("; ", text)
    codes = MARKET_CODE.findall(text)
    if len(codes) >= 1 and any("=" in c or c.startswith(".") or any(ch.islower() for ch in c) for c in codes):
        removed.extend(codes)
        text = MARKET_CODE.sub("", text)
        text = re.sub(r"\s{2,}", " ", text)
    text = EDITORIAL_CAPITAL.sub(r"\1", text)  # '"[T]he birth lottery…"': the editor's capital, not a note
    text = EDITORIAL_ENDING.sub(r"\1", text)
    found = CITATION.findall(text)
    if found:
        removed.extend(f.strip() for f in found)
        text = CITATION.sub("", text)
    for pattern, repl in PUNCT_RUNS:
        text = pattern.sub(repl, text)
    return text, removed


def strip_speaker(text: str) -> tuple[str, str]:
    """("Text of the turn", "PENNEBAKER:") for a transcript line with a speaker label in capitals."""
    m = SPEAKER_TAG_LONG.match(text) or SPEAKER_TAG.match(text)
    if not m:
        return text, ""
    label = m.group().strip()
    if len(label.rstrip(":").replace(" ", "")) < 2 or not any(c.isalpha() for c in label):
        return text, ""
    return text[m.end() :], label


def is_stage_direction(text: str) -> bool:
    return bool(STAGE_LINE.match(text.strip()))


def is_caption(text: str) -> bool:
    """A photo caption: a short line ending in a photo credit ("... June 9. (Sarah Godsey/Viewer Photo)")."""
    return len(text.split()) <= 45 and bool(CAPTION_CREDIT.search(text))


_LABEL_TITLE = re.compile(
    r"^(?:[•▪●◦■►·*|/\\×✕✖]|\d+$)|\s[/|›»]\s|^(?:accessibility links|transcript|skip to|menu|home|news)\b|\bcookies?\b"
    r"|^[A-Z]{2,10} [-–—] [A-Z]|\b(?:inc|ltd|llc)\.?$",
    re.I,
)


def plausible_title(text: str) -> bool:
    """A line that can be a headline: three or more words with letters, not a section label ("News / Asia"),
    a ticker or bullet line, a bare number, "Accessibility links", or an organisation's name ("CSIS - …")."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    speaker = SPEAKER_TAG.match(text) is not None or SPEAKER_TAG_LONG.match(text) is not None
    return len(words) >= 3 and not _LABEL_TITLE.search(text.strip()) and not speaker


DATED_CAPTION = re.compile(
    r",\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d)\.?$"
)
"""A picture caption closes with the day it was taken: "Rescue workers work …, Feb 22 2011"."""


def is_dated_caption(text: str) -> bool:
    return len(text.split()) <= 45 and bool(DATED_CAPTION.search(text.strip()))


TICKER = re.compile(
    r"^[\s•▪●◦■►·*-]*(?:[A-Z]{2,6}/[A-Z]{2,6}\s*[=:]?\s*[$€£]?\d[\d.,]*(?:\s*[-+−]?\d[\d.,]*\s*%)?"
    r"|[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,2}\s*[=:]?\s*[$€£]?\d[\d.,]*\s*\(?[-+−]\d[\d.,]*\s*%\)?)\s*$"
)
"""A currency or market ticker line ("• KGS/USD = 0.01143 0%", "Brent 62.10 -1.2%"): page furniture."""


def is_ticker(text: str) -> bool:
    return len(text) <= TICKER_MAX and bool(TICKER.match(text))  # a short line: no long backtracking


TICKER_MAX = 60


def is_site_name(text: str) -> bool:
    """ "Particle.news", "www.example.com": a site's name standing where a headline would be."""
    return bool(SITE_NAME.match(text.strip()))


TEASER_END = re.compile(r"(?:\w|,)(?:\.\.\.|…)$")
"""A text cut off mid-word or mid-sentence with an ellipsis ("…may soon...", "…trapped in vi..."): how a list
of links shows other stories (the HTML reader also leaves such blocks out when it looks for the article)."""
TEASER_WORDS = 40


def is_teaser(text: str) -> bool:
    """Another story's teaser, cut off mid-word or mid-sentence ("Two people in China have been diagnosed
    with the plague,...", "Hong Kong civilians step in to save students trapped in vi..."): a link."""
    t = text.strip()
    return len(t.split()) <= TEASER_WORDS and bool(TEASER_END.search(t))


PAGE_NOTICE = re.compile(
    r"\b(?:provides news and information|is a project of the|stories with the [\w ]{1,30} byline"
    r"|(?:contributed|information) (?:to|for) this (?:report|story|article)"
    r"|this (?:article|story|report|work) (?:is|was) (?:licensed|published|released|available) under"
    r"|released under (?:a|the) creative commons|is in the public domain|may be freely (?:copied|reproduced)"
    r"|^(?:our standards:\s*)?the thomson reuters trust principles\.?$|^our standards:?$"
    r"|^disclaimer\s*:|\buse (?:the )?(?:promo |coupon |discount )?code\s*[:\x22“'‘])",
    re.IGNORECASE,
)
LAYOUT_TOKENS = re.compile(r"^(?:(?:XS|SM|MD|LG|XL|XXL)|\d+x\d+ Image)(?:\s+(?:XS|SM|MD|LG|XL|XXL))*$")
NOTICE_WORDS = 70


def is_page_notice(text: str) -> bool:
    """The publisher's notice about itself or its sourcing ("The Voice of America provides news and
    information in more than 40 languages…", "Wikinews is a project of the Wikimedia Foundation", "Some
    information for this report was provided by AP"), its disclaimer ("Disclaimer: The views … are their own"), a
    subscription offer ("… Use the code "GETPRO".") and screen-size toggles ("XS", "LG"): page furniture."""
    t = text.strip()
    if t.startswith(("^ ", "↑ ")):
        return True  # a reference-list entry's back-link ("^ Religion percentages may not add to 100% …")
    return bool(LAYOUT_TOKENS.match(t)) or (len(t.split()) <= NOTICE_WORDS and bool(PAGE_NOTICE.search(t)))
