"""Real browser, end to end: Voila serves the notebooks on 127.0.0.1, Debian's Chromium (Playwright) clicks.

Answers the seed quiz by clicking, checks the feedback, saves the answers, grades them with `quizkit grade`;
moves the timeline slider in the map notebook with the keyboard. Screenshots go to test-artifacts/.
Skips when Chromium or Playwright is missing, unless QUIZKIT_REQUIRE_INDEPENDENT is set (.ci/run): then it fails.
"""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizkit.cli import main
from quizkit.lesson.serve import voila_command, voila_env
from quizkit.quizfile import load_quiz
from tests.independent import unavailable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOAD_TIMEOUT_MS = 120_000


def _unavailable(reason: str) -> None:
    if os.environ.get("QUIZKIT_REQUIRE_BROWSER"):  # the older, browser-only switch still works
        pytest.fail(f"browser test required (QUIZKIT_REQUIRE_BROWSER is set) but {reason}")
    unavailable(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def answers_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("answers")


@pytest.fixture(scope="module")
def voila(answers_dir: Path) -> Iterator[str]:
    """Voila on 127.0.0.1 (free port) serving notebooks/; yields the base URL."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")
    port = _free_port()
    # The same command a teacher runs (python -m quizkit.lesson.serve): Voila with the offline template.
    env = voila_env(dict(os.environ, QUIZKIT_ANSWERS_DIR=str(answers_dir), MPLBACKEND="Agg"))
    log = open(answers_dir / "voila.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [*voila_command(str(NOTEBOOKS), port=port), "--show_tracebacks=True"],
        cwd=NOTEBOOKS,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("Voila did not start:\n" + (answers_dir / "voila.log").read_text()[-2000:])
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(voila: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A fresh page whose requests off 127.0.0.1 are aborted and recorded (the lesson must run offline).

    On teardown, fails if the widget front end could not draw a widget (the kernel side cannot see that).
    """
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    console: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    ctx.route("**/*", route)
    pg = ctx.new_page()
    pg.on("console", lambda m: console.append(m.text))
    try:
        yield pg, outside
        broken = [m for m in console if "Could not create a view" in m or "Error rendering" in m]
        assert broken == [], f"widgets failed to render in the browser: {broken[:3]}"
    finally:
        ctx.close()


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _no_outside_requests(outside: list[str]) -> None:
    assert outside == [], "the page tried to reach the network"


def test_quiz_answer_save_and_grade(
    voila: str, page: tuple[Any, list[str]], answers_dir: Path, tmp_path: Path
) -> None:
    pg, outside = page
    quiz = load_quiz(NOTEBOOKS / "seed_quiz.json")
    pg.goto(f"{voila}/voila/render/04_quiz.ipynb", timeout=LOAD_TIMEOUT_MS)
    pg.wait_for_selector(".qk-quiz .qk-question", timeout=LOAD_TIMEOUT_MS)
    boxes = pg.locator(".qk-question")
    assert boxes.count() == len(quiz.questions)

    expected = 0.0
    wrong_done = False
    for i, q in enumerate(quiz.questions):
        box = boxes.nth(i)
        if q.type in ("multiple_choice", "true_false"):
            key = q.answer if q.type == "multiple_choice" else ("True" if q.answer else "False")
            choice = key
            if not wrong_done and q.type == "multiple_choice" and q.evidence is not None:
                # one deliberate mistake, on an article question (its hint quotes the article)
                choice = next(c for c in q.choices if c != q.answer)
            box.get_by_text(str(choice), exact=True).click()  # the option's label, as a student would
            box.get_by_role("button", name="Check").click()
            feedback = box.locator(".qk-feedback")
            if choice == key:
                expected += q.points
                feedback.filter(has_text="Correct!").wait_for(timeout=15_000)
            else:
                wrong_done = True
                feedback.filter(has_text="Not quite").wait_for(timeout=15_000)
                box.locator(".qk-hint").filter(has_text="the article says").wait_for(timeout=15_000)
        elif q.type in ("matching", "ordering"):
            # one labelled dropdown per left-hand item (matching) or per position (ordering)
            keys = [right for _left, right in q.answer] if q.type == "matching" else list(q.answer)
            labels = (
                [f"{left} →" for left, _r in q.answer]
                if q.type == "matching"
                else [f"{n}." for n in range(1, len(keys) + 1)]
            )
            for label, key in zip(labels, keys, strict=True):
                box.get_by_label(label, exact=True).select_option(str(key))
            box.get_by_role("button", name="Check").click()
            box.locator(".qk-feedback").filter(has_text="Correct!").wait_for(timeout=15_000)
            expected += q.points
        elif q.type == "fill_blank":
            box.get_by_label("Your answer:").fill(str(q.answer))
            box.get_by_role("button", name="Check").click()
            box.locator(".qk-feedback").filter(has_text="Correct!").wait_for(timeout=15_000)
            expected += q.points
    assert wrong_done and expected > 0
    assert {"matching", "ordering"} <= {q.type for q in quiz.questions}, (
        "the seed quiz should exercise dropdowns"
    )

    pg.get_by_role("button", name="Check all and show my score").click()
    pg.locator(".qk-score").filter(has_text=f"Score: {expected:g} /").wait_for(timeout=15_000)

    saved = answers_dir / "browser-student.json"
    pg.get_by_label("Your name:").fill("Browser Student")
    pg.get_by_label("Student ID:").fill("b-001")
    pg.get_by_label("Save to file:").fill(str(saved))
    pg.get_by_role("button", name="Save my answers").click()
    pg.locator(".qk-status").filter(has_text="Saved").wait_for(timeout=15_000)
    _shot(pg, "04_quiz_saved.png")
    _no_outside_requests(outside)

    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["format"] == "quizkit-answers" and doc["student_id"] == "b-001"
    assert doc["name"] == "Browser Student" and set(doc["answers"]) == {q.id for q in quiz.questions}

    out = tmp_path / "grades"
    assert main(["grade", str(NOTEBOOKS / "seed_quiz.json"), str(saved), "-o", str(out), "--no-reports"]) == 0
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["student_id"] == "b-001"
    assert float(rows[0]["score"]) == expected


def test_map_timeline_slider_by_keyboard(voila: str, page: tuple[Any, list[str]]) -> None:
    pg, outside = page
    pg.goto(f"{voila}/voila/render/02_map_and_timeline.ipynb", timeout=LOAD_TIMEOUT_MS)
    pg.wait_for_selector(".qk-timeline img", timeout=LOAD_TIMEOUT_MS)
    timeline = pg.locator(".qk-timeline")
    caption = timeline.locator(".qk-caption")
    caption.filter(has_text="2020").wait_for(timeout=15_000)
    assert "Kazakhstan" not in caption.inner_text()
    before = timeline.locator("img").get_attribute("src")
    _shot(pg, "02_timeline_2020.png")

    handle = timeline.get_by_role("slider")
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    caption.filter(has_text="2025").wait_for(timeout=30_000)
    assert "Kazakhstan" in caption.inner_text()
    pg.wait_for_function(
        "before => document.querySelector('.qk-timeline img').getAttribute('src') !== before", arg=before
    )
    timeline.scroll_into_view_if_needed()
    _shot(pg, "02_timeline_2025.png")
    _no_outside_requests(outside)


def test_reading_check_in_the_browser(voila: str, page: tuple[Any, list[str]]) -> None:
    pg, outside = page
    pg.goto(f"{voila}/voila/render/01_reading.ipynb", timeout=LOAD_TIMEOUT_MS)
    pg.wait_for_selector(".qk-reading .qk-question", timeout=LOAD_TIMEOUT_MS)
    box = pg.locator(".qk-reading .qk-question").first
    box.get_by_role("button", name="Hint").click()
    box.locator(".qk-hint").filter(has_text="the article says").wait_for(timeout=15_000)
    pg.get_by_label("Word:").select_option("CSTO")
    pg.get_by_text("Russia-led security bloc").first.wait_for(timeout=15_000)
    _shot(pg, "01_reading.png")
    _no_outside_requests(outside)


def test_balancing_blocs_in_the_browser(voila: str, page: tuple[Any, list[str]]) -> None:
    pg, outside = page
    pg.goto(f"{voila}/voila/render/03_balancing_act.ipynb", timeout=LOAD_TIMEOUT_MS)
    pg.get_by_role("button", name="SCO").wait_for(timeout=LOAD_TIMEOUT_MS)
    pg.get_by_role("button", name="SCO").click()
    pg.get_by_text("Main partner in it: China.").wait_for(timeout=15_000)
    pg.get_by_role("button", name="Save my advice").click()
    pg.get_by_text("Not saved yet: type your name").wait_for(timeout=15_000)
    _shot(pg, "03_balancing_act.png")
    _no_outside_requests(outside)


def test_teacher_preview_loads_a_quiz_in_the_browser(voila: str, page: tuple[Any, list[str]]) -> None:
    pg, outside = page
    quiz = load_quiz(NOTEBOOKS / "seed_quiz.json")
    pg.goto(f"{voila}/voila/render/00_teacher_guide.ipynb", timeout=LOAD_TIMEOUT_MS)
    pg.get_by_role("button", name="Load quiz file").wait_for(timeout=LOAD_TIMEOUT_MS)
    pg.get_by_label("Quiz file:").fill("seed_quiz.json")
    pg.get_by_role("button", name="Load quiz file").click()
    pg.get_by_text(f"Loaded {len(quiz.questions)} questions.").wait_for(timeout=15_000)
    assert pg.get_by_role("button", name="Reject").count() == len(quiz.questions)
    _shot(pg, "00_teacher_guide.png")
    _no_outside_requests(outside)


def test_artifacts_folder_is_ignored_by_git() -> None:
    assert "test-artifacts/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
