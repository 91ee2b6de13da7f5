"""Article reading benchmark: 100,000 words as plain text (paragraphs, then one giant paragraph) and as an HTML
page. These figures were wall-clock assertions in tests/test_article_props.py (1.5 s and 5 s), which flaked on
a loaded runner; the tests now check the result and this prints the time.
Run: ``.venv/bin/python benchmarks/bench_article.py``.
"""

from __future__ import annotations

import time

from quizkit.article import from_text, looks_english, parse_html

PARAGRAPH = (
    "Kazakhstan's accession to the Abraham Accords marks a strategic move, and “the United States "
    "remains a relevant player in the region,” said one analyst after the summit in Washington."
)
HTML_PARAGRAPH = (
    "Kazakhstan joined the accords, and the United States welcomed the news from Astana on Thursday."
)


def timed(label: str, budget: float, fn: object, arg: str) -> None:
    start = time.perf_counter()
    fn(arg)  # type: ignore[operator]
    took = time.perf_counter() - start
    print(f"{label}: {took:.2f} s (budget {budget:.1f} s{'' if took <= budget else ', OVER'})")


def main() -> None:
    looks_english("warm the stop-word list up before timing")
    n = 100_000 // len(PARAGRAPH.split()) + 1
    text = "A long article\n\n" + "\n\n".join(f"{PARAGRAPH} Part {i}." for i in range(n))
    timed("100k words of text, in paragraphs", 1.5, from_text, text)
    timed("100k words of text, one paragraph", 1.5, from_text, " ".join(text.split("\n\n")[1:]))
    m = 100_000 // len(HTML_PARAGRAPH.split()) + 1
    page = (
        "<html><head><title>Long page</title></head><body><div class='story'>"
        + "".join(f"<p>{HTML_PARAGRAPH} Part {i}.</p>" for i in range(m))
        + "</div></body></html>"
    )
    timed("100k-word HTML page", 5.0, parse_html, page)


if __name__ == "__main__":
    main()
