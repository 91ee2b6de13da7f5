"""Real browser, a class at once: the lesson server (python -m quizkit.lesson.serve) on 127.0.0.1, Debian's
Chromium driven by Playwright, two students and more in separate browser contexts.

Checks what a class would notice: each student gets their own answers file and nobody overwrites anybody; a
reload loses nothing; there is no path to type; the teacher's notebook and the quiz file are not served;
assessment mode locks after submitting and records the tries; idle kernels are culled; axe-core finds no serious
or critical accessibility violation on any page; no request leaves 127.0.0.1. The teacher's own server edits a
question's key and the printed key shows it. Screenshots go to test-artifacts/.
Skips when Chromium or Playwright is missing, unless QUIZKIT_REQUIRE_INDEPENDENT is set (.ci/run): then it fails.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizkit.cli import main
from quizkit.lesson.marking import points_text
from quizkit.lesson.serve import voila_command, voila_env
from quizkit.model import QUESTION_TYPES
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
TYPED_KEY = ("short_answer", "fill_blank")
"""Questions whose key the teacher types in the editor's "Answer:" box."""
CULL_IDLE = 6
STUDENT_PAGES = ["01_reading", "02_map_and_timeline", "03_balancing_act", "04_quiz", "05_assessment"]


def _unavailable(reason: str) -> None:
    if os.environ.get("QUIZKIT_REQUIRE_BROWSER"):  # the older, browser-only switch still works
        pytest.fail(f"browser test required (QUIZKIT_REQUIRE_BROWSER is set) but {reason}")
    unavailable(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _need_browser() -> None:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")


def _wait_up(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("Voila did not start:\n" + log.read_text(errors="replace")[-2000:])
            time.sleep(0.3)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A school's folders: notebooks/ (students: 01–04 + an assessment), teacher/, answers/."""
    _need_browser()
    top = tmp_path_factory.mktemp("school")
    students = top / "notebooks"
    students.mkdir()
    for p in NOTEBOOKS.glob("0*.ipynb"):
        shutil.copy(p, students / p.name)
    # a longer quiz than the default one, so that every kind of widget (radio, dropdowns, text) is on the page:
    # the first generation seed whose quiz, once 01's reading checks are left out, shows two multiple-choice
    # questions, a true/false, a matching and an ordering, and holds a question with a typed key, a short
    # answer or a fill-in (for the teacher's editor; since the background questions name Israel and Central
    # Asia, the seed's two short answers on them give way, and only fill-ins are left in such a quiz). Every
    # type is asked for by name, as a teacher would who wants them all: since step 12 the default kinds give
    # the seed too few article questions to leave one multiple choice after 01's reading checks.
    from quizkit.lesson.quiz import after_reading

    seed = ROOT / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"
    made = students / "seed_quiz.json"
    for n in range(30):
        args = ["generate", str(seed), "-o", str(made), "--seed", str(n), "--count", "20", "--media", "2"]
        args += ["--types", ",".join(QUESTION_TYPES)]
        assert main([*args, "--context-share", "0.5"]) == 0
        quiz = load_quiz(made)
        shown = [q for q in quiz.questions if q.id not in after_reading(quiz, made)]
        kinds = [q.type for q in shown]
        has = {"matching", "ordering", "true_false"} <= set(kinds) and kinds.count("multiple_choice") >= 2
        has = has and any(q.type == "multiple_choice" and q.evidence is not None for q in shown)
        if has and any(q.type in TYPED_KEY for q in quiz.questions):
            break
    else:
        pytest.fail("no generation seed in 0-29 gives a seed quiz with every kind of widget")
    assert main(["notebook", str(students / "seed_quiz.json"), "-o", str(students / "04_quiz.ipynb"),
                 "--after-reading"]) == 0  # fmt: skip
    assert main(["notebook", str(students / "seed_quiz.json"), "-o", str(students / "05_assessment.ipynb"),
                 "--assessment", "--tries", "1"]) == 0  # fmt: skip
    shutil.copytree(ROOT / "teacher", top / "teacher")
    return top


@pytest.fixture(scope="module")
def voila(site: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The students' server, started the way a teacher starts it; yields (base URL, process)."""
    port = _free_port()
    log_path = site / "voila.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    cmd = [sys.executable, "-m", "quizkit.lesson.serve", str(site / "notebooks"), f"--port={port}",
           f"--answers={site / 'answers'}", f"--cull-idle={CULL_IDLE}"]  # fmt: skip
    env = dict(os.environ, MPLBACKEND="Agg")
    env.pop("QUIZKIT_ANSWERS_DIR", None)
    proc = subprocess.Popen(cmd, cwd=site, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc, log_path)
        yield base, proc
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser(voila: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Student:
    """One student's browser context: requests off 127.0.0.1 are aborted and recorded; widget errors fail."""

    def __init__(self, browser: Any, *, width: int = 1280) -> None:
        self.ctx = browser.new_context(viewport={"width": width, "height": 900})
        self.outside: list[str] = []
        self.console: list[str] = []
        self.ctx.route("**/*", self._route)
        self.page = self.ctx.new_page()
        self.page.on("console", lambda m: self.console.append(m.text))

    def _route(self, r: Any) -> None:
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            self.outside.append(url)
            r.abort()

    def open(self, base: str, name: str, ready: str) -> Any:
        self.page.goto(f"{base}/voila/render/{name}.ipynb", timeout=LOAD_TIMEOUT_MS)
        self.page.wait_for_selector(ready, timeout=LOAD_TIMEOUT_MS)
        return self.page

    def start(self, name: str) -> None:
        self.page.get_by_label("Your name:").fill(name)
        self.page.get_by_role("button", name="Start", exact=True).click()

    def close(self) -> None:
        broken = [m for m in self.console if "Could not create a view" in m or "Error rendering" in m]
        self.ctx.close()
        assert broken == [], f"widgets failed to render in the browser: {broken[:3]}"
        assert self.outside == [], f"the page tried to reach the network: {self.outside[:3]}"


@pytest.fixture
def student(browser: Any) -> Iterator[Callable[..., Student]]:
    """Make a student (a fresh browser context); every one is closed and checked at the end."""
    made: list[Student] = []

    def new(width: int = 1280) -> Student:
        made.append(Student(browser, width=width))
        return made[-1]

    yield new
    for s in made:
        s.close()


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _axe_serious(pg: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, as 'rule: first target' lines."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(pg).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target'] if v['nodes'] else ''}"
        for v in found
        if v.get("impact") in ("serious", "critical")
    ]


def _doc(path: Path, timeout: float = 15.0, until: Any = None) -> dict[str, Any]:
    """Read a student's file once it exists (and, with ``until``, once it says what we wait for)."""
    deadline = time.monotonic() + timeout
    while True:
        if path.exists():
            doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if until is None or until(doc):
                return doc
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} never showed the expected answers")
        time.sleep(0.2)


def _in_04(site: Path) -> list[Any]:
    """The questions 04_quiz shows: the seed quiz without the reading notebook's checks."""
    from quizkit.lesson.quiz import after_reading

    path = site / "notebooks" / "seed_quiz.json"
    quiz = load_quiz(path)
    skip = after_reading(quiz, path)
    assert skip, "04_quiz should leave out the reading checks"
    return [q for q in quiz.questions if q.id not in skip]


def _choose(box: Any, option: str) -> None:
    box.get_by_text(option, exact=True).click()  # the option's label, as a student clicks it


def test_two_students_own_files_no_overwrite_and_a_reload_keeps_answers(
    voila: tuple[str, Any], site: Path, student: Callable[..., Student], tmp_path: Path
) -> None:
    base, _ = voila
    shown = _in_04(site)
    mc = [i for i, q in enumerate(shown) if q.type == "multiple_choice"][:2]
    ana, ben = student(), student()
    pa = ana.open(base, "04_quiz", ".qk-quiz .qk-student")
    pb = ben.open(base, "04_quiz", ".qk-quiz .qk-student")
    assert pa.get_by_label("Save to file:").count() == 0  # nowhere to type a path
    ana.start("Ana Lee")
    ben.start("Ben")
    pa.get_by_text("Saved automatically at").wait_for(timeout=15_000)
    pb.get_by_text("Saved automatically at").wait_for(timeout=15_000)
    assert str(site) not in pa.inner_text("body")  # no server path on a student's page

    q0, q1 = shown[mc[0]], shown[mc[1]]
    wrong = next(c for c in q0.choices if c != q0.answer)
    _choose(pa.locator(".qk-question").nth(mc[0]), str(q0.answer))
    _choose(pb.locator(".qk-question").nth(mc[0]), wrong)
    _choose(pa.locator(".qk-question").nth(mc[1]), str(q1.answer))
    answers = site / "answers"
    a = _doc(answers / "answers-ana-lee.json", until=lambda d: d["answers"][q1.id] is not None)
    b = _doc(answers / "answers-ben.json", until=lambda d: d["answers"][q0.id] is not None)
    assert a["answers"][q0.id] == q0.answer and b["answers"][q0.id] == wrong

    # Practice feedback: a pointer before a try; after a wrong try, why, and then the sentence.
    box = pb.locator(".qk-question").nth(mc[0])
    box.get_by_role("button", name=f"Check question {mc[0] + 1}").click()
    box.locator(".qk-feedback").filter(has_text="Not quite").wait_for(timeout=15_000)
    assert wrong in box.locator(".qk-feedback").inner_text()

    # A third student types Ana's name: asked, then a new numbered file; Ana's file is untouched.
    cy = student()
    pc = cy.open(base, "04_quiz", ".qk-quiz .qk-student")
    cy.start("Ana Lee")
    pc.get_by_role("button", name="No, start a new file").click()
    pc.get_by_text("answers-ana-lee-2.json").wait_for(timeout=15_000)
    assert _doc(answers / "answers-ana-lee-2.json")["student_id"] == "Ana Lee (2)"
    assert _doc(answers / "answers-ana-lee.json")["answers"][q0.id] == q0.answer

    # Ana reloads: same name, "continue", and her answers are back on the page.
    pa.reload(timeout=LOAD_TIMEOUT_MS)
    pa.wait_for_selector(".qk-quiz .qk-student", timeout=LOAD_TIMEOUT_MS)
    ana.start("Ana Lee")
    pa.get_by_role("button", name="Yes, continue my saved work").click()
    radio = pa.locator(".qk-question").nth(mc[1]).get_by_role("radio", name=str(q1.answer), exact=True)
    pa.wait_for_function("el => el.checked", arg=radio.element_handle(), timeout=15_000)
    _shot(pa, "04_quiz_two_students.png")

    out = tmp_path / "grades"
    assert main(["grade", str(site / "notebooks" / "seed_quiz.json"), str(answers), "-o", str(out),
                 "--no-reports"]) == 0  # fmt: skip
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        ids = sorted(r["student_id"] for r in csv.DictReader(fh))
    assert ids == ["Ana Lee", "Ana Lee (2)", "Ben"]


def test_radio_groups_are_labelled_one_tab_stop_and_arrow_keys_answer(
    voila: tuple[str, Any], site: Path, student: Callable[..., Student]
) -> None:
    base, _ = voila
    shown = _in_04(site)
    i = next(i for i, q in enumerate(shown) if q.type == "true_false")
    s = student()
    pg = s.open(base, "04_quiz", ".qk-quiz .qk-student")
    s.start("Kim")
    pg.get_by_text("Saved automatically at").wait_for(timeout=15_000)
    group = pg.get_by_role("radiogroup", name=f"Question {i + 1}.", exact=False).first
    group.wait_for(timeout=15_000)
    first = group.get_by_role("radio").first
    first.focus()
    pg.keyboard.press("ArrowDown")
    doc = _doc(site / "answers" / "answers-kim.json", until=lambda d: d["answers"][shown[i].id] is not None)
    assert doc["answers"][shown[i].id] is False  # "False" is the second option
    pg.keyboard.press("Tab")
    focused = pg.evaluate("document.activeElement.getAttribute('type')")
    assert focused != "radio"  # one Tab stop per group
    # a visible focus ring on the focused control
    outline = pg.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_assessment_locks_after_submit_and_records_tries(
    voila: tuple[str, Any], site: Path, student: Callable[..., Student]
) -> None:
    base, _ = voila
    quiz = load_quiz(site / "notebooks" / "seed_quiz.json")
    i = next(i for i, q in enumerate(quiz.questions) if q.type == "multiple_choice")
    q = quiz.questions[i]
    s = student()
    pg = s.open(base, "05_assessment", ".qk-quiz .qk-student")
    s.start("Dev")
    box = pg.locator(".qk-question").nth(i)
    box.get_by_role("button", name=f"Hint for question {i + 1}").click()
    hint = box.locator(".qk-hint")
    hint.wait_for(timeout=15_000)
    assert q.evidence is None or q.evidence.text not in hint.inner_text()
    wrong = next(c for c in q.choices if c != q.answer)
    _choose(box, wrong)
    pg.wait_for_timeout(500)
    assert box.locator(".qk-feedback").count() == 0  # no feedback before submitting
    box.get_by_role("button", name=f"Submit question {i + 1}").click()
    box.locator(".qk-feedback").filter(has_text="Not quite").wait_for(timeout=15_000)
    assert box.get_by_role("radio", name=wrong, exact=True).is_disabled()
    assert box.get_by_role("button", name=f"Submit question {i + 1}").is_disabled()
    doc = _doc(site / "answers" / "answers-dev.json", until=lambda d: d.get("attempts"))
    assert doc["mode"] == "assessment" and doc["attempts"] == {q.id: 1} and doc["hints"] == {q.id: 1}
    _shot(pg, "05_assessment_locked.png")


def test_students_cannot_reach_the_teacher_guide_or_the_quiz_file(voila: tuple[str, Any]) -> None:
    base, _ = voila
    for path in (
        "/voila/render/00_teacher_guide.ipynb",
        "/voila/render/../teacher/00_teacher_guide.ipynb",
        "/voila/render/%2e%2e/teacher/00_teacher_guide.ipynb",
        "/voila/files/seed_quiz.json",
        "/voila/files/answers/answers-ben.json",
        "/voila/tree/..%2fteacher",
    ):
        try:
            with urllib.request.urlopen(base + path, timeout=10) as r:
                body = r.read().decode("utf-8", "replace")
            assert "Teacher guide" not in body and '"answer"' not in body, path
            pytest.fail(f"{path} was served ({r.status})")
        except urllib.error.HTTPError as exc:
            assert exc.code in (400, 403, 404), (path, exc.code)
    with urllib.request.urlopen(base + "/", timeout=10) as r:
        home = r.read().decode("utf-8", "replace")
    assert "00_teacher_guide" not in home and "teacher" not in home.lower()


def test_every_page_offline_and_without_serious_accessibility_violations(
    voila: tuple[str, Any], student: Callable[..., Student]
) -> None:
    base, _ = voila
    s = student(width=1024)
    pg = s.page
    pg.goto(base + "/", timeout=LOAD_TIMEOUT_MS)
    pg.get_by_text("04_quiz").first.wait_for(timeout=LOAD_TIMEOUT_MS)  # the home page lists the notebooks
    assert "teacher" not in pg.inner_text("body").lower()
    home = _axe_serious(pg)
    problems: dict[str, list[str]] = {"home": home} if home else {}
    ready = {
        "01_reading": ".qk-reading .qk-question",
        "02_map_and_timeline": ".qk-timeline img",
        "03_balancing_act": ".qk-student",
        "04_quiz": ".qk-quiz .qk-student",
        "05_assessment": ".qk-quiz .qk-student",
    }
    for name in STUDENT_PAGES:
        s.open(base, name, ready[name])
        pg.wait_for_timeout(500)
        if name == "04_quiz":
            s.start("Axe Check")  # the questions appear after the name: check them too
            pg.get_by_text("Saved automatically at").wait_for(timeout=15_000)
        if name == "02_map_and_timeline":
            pg.get_by_role("button", name="Large text (projector)").click()
            pg.wait_for_function("getComputedStyle(document.body).fontSize === '20px'", timeout=15_000)
            _shot(pg, "02_projector_1024.png")
        bad = _axe_serious(pg)
        if bad:
            problems[name] = bad
    assert problems == {}, problems


def _kernels(proc: subprocess.Popen[bytes]) -> int:
    import psutil

    running = 0
    for kid in psutil.Process(proc.pid).children(recursive=True):
        try:
            if kid.status() != psutil.STATUS_ZOMBIE and any("ipykernel" in p for p in kid.cmdline()):
                running += 1
        except psutil.Error:  # ended while we looked
            continue
    return running


def test_kernels_of_closed_pages_are_culled(voila: tuple[str, Any], browser: Any) -> None:
    base, proc = voila
    left = []
    for _ in range(10):
        s = Student(browser)
        s.open(base, "04_quiz", ".qk-quiz .qk-student")
        s.close()
        left.append(_kernels(proc))
    print(f"kernels running after each of 10 page loads and closes: {left}")
    deadline = time.monotonic() + CULL_IDLE * 6 + 30
    while _kernels(proc) and time.monotonic() < deadline:
        time.sleep(1)
    assert _kernels(proc) == 0, "kernels of closed pages are still running"


def test_quiz_answered_by_clicking_scores_and_grades_the_same(
    voila: tuple[str, Any], site: Path, student: Callable[..., Student], tmp_path: Path
) -> None:
    base, _ = voila
    shown = _in_04(site)
    s = student()
    pg = s.open(base, "04_quiz", ".qk-quiz .qk-student")
    s.start("Browser Student")
    boxes = pg.locator(".qk-question")
    boxes.first.wait_for(timeout=15_000)
    assert boxes.count() == len(shown)

    expected = 0.0
    wrong_done = False
    for i, q in enumerate(shown):
        box = boxes.nth(i)
        check = box.get_by_role("button", name=f"Check question {i + 1}")
        if q.type in ("multiple_choice", "true_false"):
            key = q.answer if q.type == "multiple_choice" else ("True" if q.answer else "False")
            choice = key
            if not wrong_done and q.type == "multiple_choice" and q.evidence is not None:
                choice = next(c for c in q.choices if c != q.answer)  # one deliberate mistake
            _choose(box, str(choice))
            check.click()
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
            check.click()
            box.locator(".qk-feedback").filter(has_text="Correct!").wait_for(timeout=15_000)
            expected += q.points
        elif q.type == "fill_blank":
            box.get_by_label("Your answer:").fill(str(q.answer))
            check.click()
            box.locator(".qk-feedback").filter(has_text="Correct!").wait_for(timeout=15_000)
            expected += q.points
    assert wrong_done and expected > 0
    assert {"matching", "ordering"} <= {q.type for q in shown}, "the seed quiz should exercise dropdowns"

    pg.get_by_role("button", name="Check all and show my score").click()
    pg.locator(".qk-score").filter(has_text=f"Score: {points_text(expected)} /").wait_for(timeout=15_000)
    saved = site / "answers" / "answers-browser-student.json"
    doc = _doc(saved, until=lambda d: sum(v is not None for v in d["answers"].values()) > 0)
    assert doc["format"] == "quizkit-answers" and doc["name"] == "Browser Student"
    assert set(doc["answers"]) == {q.id for q in shown}
    _shot(pg, "04_quiz_saved.png")

    out = tmp_path / "grades"
    assert (
        main(
            ["grade", str(site / "notebooks" / "seed_quiz.json"), str(saved), "-o", str(out), "--no-reports"]
        )
        == 0
    )
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["student_id"] == "Browser Student"
    assert float(rows[0]["score"]) == expected


def test_map_timeline_slider_by_keyboard(voila: tuple[str, Any], student: Callable[..., Student]) -> None:
    base, _ = voila
    s = student()
    pg = s.open(base, "02_map_and_timeline", ".qk-timeline img")
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
    assert "Kazakhstan" in (
        timeline.locator("img").get_attribute("alt") or ""
    )  # the alt text follows the year
    timeline.scroll_into_view_if_needed()
    _shot(pg, "02_timeline_2025.png")


def test_reading_check_in_the_browser(voila: tuple[str, Any], student: Callable[..., Student]) -> None:
    base, _ = voila
    s = student()
    pg = s.open(base, "01_reading", ".qk-reading .qk-question")
    box = pg.locator(".qk-reading .qk-question").first
    box.get_by_role("button", name="Hint for question 1").click()
    box.locator(".qk-hint").filter(has_text="reread").wait_for(
        timeout=15_000
    )  # where to look, not the answer
    assert "the article says" not in box.locator(".qk-hint").inner_text()
    pg.get_by_label("Word:").select_option("CSTO")
    pg.get_by_text("Russia-led security bloc").first.wait_for(timeout=15_000)
    _shot(pg, "01_reading.png")


def test_balancing_blocs_and_advice_in_the_browser(
    voila: tuple[str, Any], site: Path, student: Callable[..., Student]
) -> None:
    base, _ = voila
    s = student()
    pg = s.open(base, "03_balancing_act", ".qk-student")
    pg.get_by_role("button", name="SCO").click()
    pg.get_by_text("Main partner in it: China.").wait_for(timeout=15_000)
    pg.get_by_role("button", name="Save my advice").click()
    pg.get_by_text("Not saved yet: type your name").wait_for(timeout=15_000)
    s.start("Eve")
    pg.get_by_role("radio", name="Balance all of them (multi-vector)").check()
    pg.get_by_label("Why:").fill("Kazakhstan trades with China and Russia most, " * 6)
    pg.get_by_role("button", name="Save my advice").click()
    pg.get_by_text("Saved your advice").wait_for(timeout=15_000)
    assert _doc(site / "answers" / "advice-eve.json")["advice"].startswith("Balance")
    _shot(pg, "03_balancing_act.png")


# --- the teacher's own server --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def teacher_server(site: Path) -> Iterator[str]:
    """The teacher's notebook served on its own (as JupyterLab would be), never by the students' server."""
    port = _free_port()
    log_path = site / "teacher.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    env = voila_env(dict(os.environ, MPLBACKEND="Agg"))
    proc = subprocess.Popen(
        voila_command(str(site / "teacher"), port=port),
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc, log_path)
        yield base
    finally:
        _stop(proc)
        log.close()


def test_teacher_edits_a_key_and_the_printed_key_shows_it(
    teacher_server: str, site: Path, browser: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    quiz_file = site / "teacher" / "my_quiz.json"
    shutil.copy(site / "notebooks" / "seed_quiz.json", quiz_file)
    quiz = load_quiz(quiz_file)
    i = next(i for i, q in enumerate(quiz.questions) if q.type in TYPED_KEY)
    t = Student(browser)
    try:
        pg = t.page
        pg.goto(f"{teacher_server}/voila/render/00_teacher_guide.ipynb", timeout=LOAD_TIMEOUT_MS)
        pg.get_by_role("button", name="Load quiz file").wait_for(timeout=LOAD_TIMEOUT_MS)
        pg.get_by_role("button", name="Load quiz file").click()
        pg.get_by_text(f"Loaded {len(quiz.questions)} questions.").wait_for(timeout=30_000)
        assert pg.get_by_role("button", name="Reject").count() == len(quiz.questions)
        pg.get_by_role("button", name=f"Edit question {i + 1}", exact=True).click()
        key = pg.get_by_label("Answer:", exact=True)
        key.wait_for(timeout=15_000)
        key.fill("Quizkit Edited Key")
        pg.get_by_role("button", name=f"Apply changes to question {i + 1}").click()
        pg.get_by_text(f"Question {i + 1} changed").wait_for(timeout=30_000)
        pg.get_by_role("button", name="Save accepted questions").click()
        pg.get_by_text("Saved ").first.wait_for(timeout=30_000)
        _shot(pg, "00_teacher_edit.png")
    finally:
        t.close()
    assert load_quiz(quiz_file).questions[i].answer == "Quizkit Edited Key"
    out = tmp_path / "print"
    assert main(["render", str(quiz_file), "-o", str(out), "--format", "pdf"]) == 0
    keys = [p for p in out.rglob("*.pdf") if "teacher" in p.name or "key" in p.name]
    assert keys, sorted(p.name for p in out.rglob("*"))
    text = " ".join(page.extract_text() or "" for p in keys for page in PdfReader(p).pages)
    assert "Quizkit Edited Key" in " ".join(text.split())


def test_artifacts_folder_is_ignored_by_git() -> None:
    assert "test-artifacts/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
