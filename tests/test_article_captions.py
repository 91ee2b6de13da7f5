"""Caption files (SubRip, WebVTT) read as running prose, not as one paragraph per cue."""

from __future__ import annotations

from pathlib import Path

from quizkit.article import from_text, read_article, sniff
from quizkit.article.captions import looks_like_captions

SRT = """1
00:00:01,200 --> 00:00:04,900
On Monday the city council approved a new

2
00:00:04,900 --> 00:00:08,100
budget for the public library.

3
00:00:10,400 --> 00:00:13,000
[MUSIC]

4
00:00:13,000 --> 00:00:16,500
The mayor said the <i>extra money</i> would pay
for longer opening hours.

5
00:00:16,500 --> 00:00:19,000
Staff will be hired in the spring.
"""

VTT = """WEBVTT - library budget

NOTE written by hand for this test

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.000 align:start
<v Ana Ruiz>We have waited five years for this budget.

00:04.000 --> 00:06.000
<v Ana Ruiz>Readers will notice the change at once.

00:06.500 --> 00:09.000
<v Tom Lee>- The council still has to approve the building plan.
"""


def test_srt_cues_become_sentences_and_paragraphs(tmp_path: Path) -> None:
    """Numbers, timings, tags and sound descriptions go; a cue that ends mid-sentence runs on into the next;
    a pause after a sentence starts a new paragraph; a caption file has no title to take."""
    path = tmp_path / "library.srt"
    path.write_text(SRT, encoding="utf-8")
    article = read_article(path)
    assert article.title == ""
    assert [b.text for b in article.blocks] == [
        "On Monday the city council approved a new budget for the public library.",
        "The mayor said the extra money would pay for longer opening hours. "
        "Staff will be hired in the spring.",
    ]
    assert "-->" not in article.body and "MUSIC" not in article.body


def test_srt_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    """A caption file saved as .txt (as a broadcaster's caption download often is) is still read as one."""
    path = tmp_path / "captions.txt"
    path.write_text(SRT, encoding="utf-8")
    assert sniff(SRT, ".txt") == "captions"
    assert read_article(path).body.startswith("On Monday the city council approved a new budget")


def test_webvtt_voices_settings_and_notes() -> None:
    """The header, NOTE and STYLE blocks, cue identifiers and settings go; a new voice opens its paragraph
    with the speaker's name, so who said what survives; a dialogue dash goes."""
    article = from_text(VTT)
    assert [b.text for b in article.blocks] == [
        "Ana Ruiz: We have waited five years for this budget. Readers will notice the change at once.",
        "Tom Lee: The council still has to approve the building plan.",
    ]


def test_rolling_captions_repeat_no_line_and_still_get_paragraphs() -> None:
    """Automatic captions repeat a line in the next cue and never pause: the repeat is dropped and a long
    run is cut into paragraphs at a sentence end."""
    said = [f"Road number {i} was closed overnight as the river rose near the town." for i in range(20)]
    cues = []
    for i, sentence in enumerate(said):
        cues.append(f"{2 * i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},000\n{sentence}\n")
        cues.append(f"{2 * i + 2}\n00:00:{2 * i + 1:02d},000 --> 00:00:{2 * i + 2:02d},000\n{sentence}\n")
    article = from_text("\n".join(cues))
    assert all(article.body.count(sentence) == 1 for sentence in said)
    assert len(article.blocks) >= 2


def test_prose_mentioning_an_arrow_is_not_captions() -> None:
    """One timing-like line in an ordinary article does not make it a caption file."""
    text = (
        "Timing notes\n\n"
        "The broadcast log read 00:00:01,000 --> 00:00:02,000 for the first clip. "
        "Editors said the log was later corrected.\n\n"
        "The station apologised for the error on Tuesday.\n"
    )
    assert not looks_like_captions(text)
    assert sniff(text, ".txt") == "text"
