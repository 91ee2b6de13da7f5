"""Scraping boilerplate: recognise the lines a copied or saved news page drags along.

The patterns are about the *kind* of line (a "Read more" link, an app banner, a photo credit, a share bar),
not about any one site. Most must match the whole line; the "contains" cues only count on short lines, so a
real paragraph that mentions a newsletter or Google Play is kept.
"""

from __future__ import annotations

import re

_END = r"[\s.:!…›»>→\-–—|]*"

_WHOLE_LINE = re.compile(
    r"(?:"
    # "more" links and the headline lists that follow them
    r"more|more news|more stories|more from [\w' .-]{1,40}|more on (?:this|[\w' .-]{1,40})"
    r"|read more(?:\s*[:\-–—].{0,120})?|read (?:the )?full (?:story|article)|continue reading|keep reading"
    r"|see more|show more|view more|load more(?: comments| stories| news)?|read next|up next|next story"
    r"|previous story|related|related\s*:.{1,150}|related (?:articles?|stories|news|posts|content|coverage|reading|topics|videos?"
    r"|links|items)(?:\s*:.{0,150})?|editor'?s?[’']?s? (?:choice|picks?)(?:\s*:.{0,150})?"
    r"|also (?:read|see|watch)(?:\s*[:\-–—|]\s*|\s+).{0,150}|also (?:read|see|watch)|see also|watch(?:\s*:.{0,100})?"
    r"|recommended(?: for you| stories| articles| reading| videos)?|trending(?: now| stories| news| topics)?"
    r"|most (?:read|popular|viewed|shared|commented)|top (?:stories|news|headlines)|(?:latest|breaking) news"
    r"|don'?t miss(?:\s*:.{0,150})?|must read(?:\s*:.{0,150})?|in (?:other|related) news(?:\s*:.{0,150})?"
    r"|you (?:may|might) also (?:like|enjoy|be interested in)(?:\s*:.{0,150})?|latest (?:stories|videos)"
    # advertising
    r"|advertisements?|advert|ads?|sponsored(?: content| stories)?|promoted(?: content| stories)?"
    r"|(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?"
    r"|advertisement\s*[-–—:]\s*(?:scroll|continue) .{0,40}"
    r"|scroll (?:down )?to continue(?: (?:with|reading).{0,20})?"
    # page furniture: a video player's countdown, a pager over a list ("41 - 60 of 413 Recommendations")
    r"|your video will (?:play|begin|start) in [\d:]+(?: seconds?)?|\d+\s*[-–]\s*\d+ of [\d,]+(?: [a-z]+){0,2}"
    r"|skip to (?:main )?content|back to top|menu|search|home|sign in|log ?in|register|print|email"
    r"|share|share (?:this|the)(?: article| story| page| post)?|copy link|link copied|listen to (?:this )?"
    r"(?:article|story)|\d+ min(?:ute)?s? read|font size|text size|a\+? ?a-?"
    r"|(?:views?|reads|hits|page ?views)\s*:?\s*[\d,.]+k?|[\d,.]+k? (?:views|reads)"  # "Views: 184": a counter
    # comments
    r"|comments?|\d+ comments?|comments? \(\d+(?: posted)?\)|(?:leave|post|add|write) a (?:comment|reply)"
    r"|be the first to comment|join the (?:conversation|discussion)|(?:show|view|hide|load more) comments"
    r"|reply|report (?:this )?comment"
    # credits and labels
    r"|(?:file|representational|representative|archive|stock) (?:photo|image|picture|pic)s?"
    r"(?:\s*[:(].{0,80})?"
    r"|\(?(?:photos?|photograph|images?|pictures?|pics?|videos?|graphics?|illustrations?)(?:\s+credits?)?"
    r"\s*(?::|/|\||\bby\b|\bcourtesy\b)\s*(?:[^\s()]+\s*){1,8}\)?"
    r"|\(?(?:photo |image )?credits?\s*:\s*(?:[^\s()]+\s*){1,8}\)?"
    r"|\(?(?:reuters|ap|afp|getty images?|pti|ani|ians|epa|bloomberg|shutterstock|xinhua|tass)"
    r"(?: photos?| images?| via getty images)?\)?"
    r"|(?:tags?|topics?|filed under|categories|category)\s*:.{0,200}"
    r"|\(?(?:with )?(?:inputs?|reporting|additional reporting) (?:from|by) [^()]{1,60}\)?"
    r"|(?:edited|curated|produced) by\s*:?\s*[^.]{1,60}"
    r"|(?:powered|provided) by\s*:?\s*(?:[^\s.]+(?:\.[a-z]{2,6})?\s*){1,3}"  # a widget's maker
    r"|(?:disclosures?|terms|privacy(?: policy)?)\s+[\w-]+\.(?:com|org|net|io)"
    r")" + _END,
    re.I,
)

_HASHTAGS = re.compile(r"(?:#[^\s#]+[\s,;|]*)+")
_BREADCRUMB = re.compile(r"[^.!?]{1,40}(?:\s+[›»>/]\s+[^.!?]{1,40}){2,}")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)
_SHORT_CUES = tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?:download|get it|available|get the app)\s+(?:on|from|in)\s+(?:the\s+)?"
        r"(?:app store|google play|play store)",
        r"\b(?:download|install|get|open)\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}app\b",
        r"\bopen in (?:the )?app\b",
        r"^share\s+(?:on|via|to|with|this)\b",
        r"\bshare (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit)\b",
        r"^follow\b.{0,40}\bon\s+"
        r"(?:facebook|twitter|x|instagram|linkedin|telegram|whatsapp|youtube|google news)",
        r"\bfollow us\b",
        r"^(?:click|tap) here\b",
        r"\bjoin (?:us|our [\w ]{0,20}channel) on (?:whatsapp|telegram)\b",
        r"\bnewsletters?\b.*\b(?:sign ?up|subscribe|inbox|e-?mail|register)\b"
        r"|\b(?:sign ?up|subscribe|inbox|register)\b.*\bnewsletters?\b",
        r"^subscribe\b|\bsubscribe (?:now|today|to (?:our|the))\b",
        r"^sign up\b|\bsign up (?:for|to) (?:our|the)\b",
        r"\bcookies?\b.*\b(?:accept|consent|policy|preferences|settings|we use|this (?:site|website)"
        r"|browsing)\b"
        r"|\b(?:accept|we use|manage)\b.*\bcookies?\b",
        r"\bunlimited (?:digital )?access\b|\balready a subscriber\b",
    )
)
_CUE_WORDS = re.compile(
    r"\b(?:apps?\b|google|play store|share|follow|click|tap\b|join (?:us|our)|newsletters?|subscri|sign"
    r"|cookie"
    r"|unlimited)",
    re.I,
)
"""Every pattern in _SHORT_CUES needs one of these; checking them first keeps long inputs fast."""
_SHORT_WORDS = 30
_PROMO_WORDS = 60
_SPONSOR = re.compile(r"\b(?:powered|sponsored|presented|brought to you) by\b", re.I)
_SIGN_UP_CALL = re.compile(r"(?:^|[.!?]\s+)(?:sign ?up|subscribe)\b[^.!?]*\bnewsletters?\b", re.I)
"""A sentence that is only a call to sign up for a newsletter."""
_TRAILING_CREDIT = re.compile(
    r"\s*[(\[](?:file )?(?:photo|image|picture|pic|video|credit)s?\s*(?:credit)?\s*:\s*[^)\]]{1,60}[)\]]\s*$",
    re.I,
)
_TERMINATORS = re.compile(
    r"^(?:more news|more stories|more from [\w' .-]{1,40}|related(?: \w+)?|read more|recommended(?: \w+){0,2}"
    r"|trending(?: \w+)?|most (?:read|popular|viewed|shared)|you (?:may|might) also like|editor'?s?[’']?s? "
    r"(?:choice|picks?)|top stories|latest (?:news|stories)|comments?(?: \(\d+\))?|\d+ comments?"
    r"|in other news|see also"
    r"|tags?|topics?)"
    r"[\s:.…›»>]*$",
    re.I,
)


def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture, not article text (see the module docstring)."""
    text = line.strip()
    if not text:
        return True
    if _WHOLE_LINE.fullmatch(text) or _HASHTAGS.fullmatch(text):
        return True
    if not _short(text):
        # "Start your day with the Opening Bell powered by The Water Coolest. … Sign up for the free daily
        # newsletter.": a sponsor's note with a sign-up call, a little longer than a bare furniture line
        return (
            len(text.split()) <= _PROMO_WORDS
            and bool(_SPONSOR.search(text))
            and bool(_SIGN_UP_CALL.search(text))
        )
    if _COPYRIGHT.search(text) or _BREADCRUMB.fullmatch(text):
        return True
    return bool(_CUE_WORDS.search(text)) and any(c.search(text) for c in _SHORT_CUES)


def _short(text: str) -> bool:
    return len(text.split()) <= _SHORT_WORDS


def starts_link_list(line: str) -> bool:
    """True for a bare boilerplate label such as "Related articles" under which come headline links."""
    return bool(_TERMINATORS.match(line.strip()))


def looks_like_headline(line: str) -> bool:
    """A short line with no sentence ending: what a list of linked headlines looks like."""
    text = line.strip()
    return len(text.split()) <= 20 and not re.search(r"[.!?][\"”’)]?$", text)


def split_trailing_credit(text: str) -> tuple[str, str]:
    """("paragraph", "(Photo: Reuters)") when a paragraph ends with a photo credit, else (text, "")."""
    m = _TRAILING_CREDIT.search(text, max(0, len(text) - 90)) if text.endswith((")", "]")) else None
    if not m or m.start() == 0:
        return text, ""
    return text[: m.start()].rstrip(), m.group().strip()
