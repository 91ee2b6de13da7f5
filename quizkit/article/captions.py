"""A caption file (SubRip ``.srt``, WebVTT ``.vtt``) → prose: cue numbers, timings, cue settings, styling and
sound descriptions dropped, each cue's lines joined into running sentences, and a new paragraph where the
speaker pauses after a sentence or the voice changes.

A caption file cuts sentences at screen width ("Officially, the Atlantic hurricane season runs from June 1
through" / "Nov. 30, when most tropical cyclones form…"); read as plain text, every cue would become a
paragraph, its number a heading and its timing a sentence. Caption files carry no title.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from quizkit.article.assemble import Raw, assemble
from quizkit.article.meta import Meta
from quizkit.model import Article

_TIME = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[,.](\d{3})"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+([^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d{1,2}:[\d:.]+>")
_SOUND = re.compile(r"^[\[(][^\])]*[\])]$|^[♪♫#\s]+$|^♪.*♪$")
"""A line that only describes a sound: "[MUSIC]", "(applause)", "♪ … ♪"."""
_DASH = re.compile(r"^[-–—]\s+")
_END = re.compile(r"[.!?…][\"'”’)]*$")
PAUSE = 1.0
"""Seconds of silence after a sentence that start a new paragraph (a narrator's breath is shorter)."""
PARAGRAPH_WORDS = 90
"""Caption text with no pauses (automatic captions) still gets paragraphs: one after this many words, at the
next sentence end."""
MIN_CUES = 2


@dataclass(frozen=True, slots=True)
class Cue:
    start: float
    end: float
    text: str
    voice: str = ""


def _seconds(groups: tuple[str | None, ...]) -> float:
    h, m, s, ms = (int(g or 0) for g in groups)
    return h * 3600 + m * 60 + s + ms / 1000


def looks_like_captions(text: str) -> bool:
    """A WebVTT header, or timing lines ("00:00:01,700 --> 00:00:07,966") for at least every fifth line."""
    head = text.lstrip("\ufeff")[:20_000]
    if re.match(r"WEBVTT(?:[ \t].*)?$", head.split("\n", 1)[0]):
        return True
    lines = [line for line in head.split("\n") if line.strip()]
    timings = sum(1 for line in lines if _TIMING.match(line))
    return timings >= MIN_CUES and timings * 5 >= len(lines)


def cues(text: str) -> list[Cue]:
    """The cues in order; a block without a timing line (the WEBVTT header, NOTE, STYLE, REGION) is skipped,
    and so is the cue identifier above a timing."""
    out: list[Cue] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), -1)
        if at < 0:
            continue
        m = _TIMING.match(lines[at])
        assert m is not None
        start, end = _seconds(m.groups()[:4]), _seconds(m.groups()[4:])
        voice = ""
        kept: list[str] = []
        for line in lines[at + 1 :]:
            if v := _VOICE.search(line):
                voice = v.group(1).strip()
            line = html.unescape(_TAG.sub("", line)).replace("\u00a0", " ").strip()
            line = _DASH.sub("", line)
            if line and not _SOUND.match(line):
                kept.append(line)
        if kept:
            out.append(Cue(start, end, " ".join(kept), voice))
    return out


def paragraphs(found: list[Cue]) -> list[str]:
    """Cue texts run together; a paragraph ends at a sentence end followed by a pause, before a new voice
    (which opens its paragraph "Name: …"), or past ``PARAGRAPH_WORDS`` at a sentence end. A cue that repeats
    the line before it (rolling automatic captions) is dropped."""
    out: list[list[str]] = []
    prev: Cue | None = None
    for cue in found:
        text = cue.text
        if prev is not None and text == prev.text:
            continue
        new_voice = bool(cue.voice) and (prev is None or cue.voice != prev.voice)
        if prev is None or new_voice:
            out.append([])
        elif _END.search(prev.text) and text[:1].isupper():
            words = sum(len(t.split()) for t in out[-1])
            if cue.start - prev.end >= PAUSE or words >= PARAGRAPH_WORDS:
                out.append([])
        if new_voice:
            text = f"{cue.voice}: {text}"
        out[-1].append(text)
        prev = cue
    return [" ".join(p) for p in out if p]


def parse_captions(text: str, path: str = "") -> Article:
    """A caption file as an article without a title (the file has none)."""
    return assemble([Raw(p, "paragraph") for p in paragraphs(cues(text))], Meta(), path=path)
