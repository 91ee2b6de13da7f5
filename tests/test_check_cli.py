"""`quizkit check` end to end: exit codes, the report a teacher reads (golden file), bad input."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from quizkit.article import read_article
from quizkit.cli import main
from quizkit.model import Citation, Evidence, Quiz, SourceInfo
from quizkit.quizfile import dump_quiz, save_quiz
from tests.factories import make_question
from tests.independent import regenerate_golden

DATA = Path(__file__).parent / "data" / "check"
GOLDEN = DATA / "report.golden.txt"
SEED = Path(__file__).parent.parent / "seeds" / "kazakhstan-abraham-accords-india-today-2025-11-07.txt"


def _ev(body: str, text: str) -> Evidence:
    start = body.index(text)
    return Evidence(text, start, start + len(text))


def good_quiz(body: str) -> Quiz:
    """A small quiz on tests/data/check/article.txt with no error (one pair gives a warning-free set)."""
    s1 = "Kazakhstan joined the Abraham Accords in November 2025, becoming the first Central Asian member."
    s2 = "President Kassym-Jomart Tokayev visited Washington, where he met Donald Trump and other regional leaders."
    return Quiz(
        title="Kazakhstan joins the Abraham Accords",
        source=SourceInfo(title="Kazakhstan joins the Abraham Accords", path="article.txt"),
        questions=(
            make_question("multiple_choice", qid="g1", evidence=_ev(body, s1)),
            make_question(
                "short_answer",
                qid="g2",
                prompt="Which city did President Tokayev visit?",
                answer="Washington",
                accepted_answers=("Washington, D.C.",),
                evidence=_ev(body, s2),
            ),
            make_question(
                "true_false",
                qid="g3",
                prompt="Kazakhstan joined the Abraham Accords in March 2020.",
                answer=False,
                evidence=_ev(body, s1),
            ),
            make_question(
                "true_false",
                qid="g4",
                prompt="Tokayev met Donald Trump during his visit.",
                answer=True,
                evidence=_ev(body, s2),
            ),
            make_question("open", qid="g5", evidence=_ev(body, s1)),
        ),
    )


def bad_quiz(body: str) -> Quiz:
    """The good quiz with four things broken: a leak, shifted offsets, an uncited context question, and
    true/false keys all false."""
    good = good_quiz(body)
    g1, g2, g3, g4, _g5 = good.questions
    ev = g2.evidence
    assert ev is not None
    return replace(
        good,
        questions=(
            g1,
            replace(g2, prompt="Which city, Washington or Moscow, did President Tokayev visit?"),
            g3,
            replace(
                g4,
                prompt="Tokayev met Vladimir Putin during his visit.",
                answer=False,
                evidence=Evidence(ev.text, ev.start + 2, ev.end + 2),
            ),
            make_question("ordering", qid="g6", sources=(Citation("https://example.org/t", ""),)),
        ),
    )


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _body() -> str:
    return read_article(DATA / "article.txt").body


def test_good_quiz_exits_0(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_quiz(good_quiz(_body()), workdir / "quiz.json")
    assert main(["check", "quiz.json"]) == 0
    out = capsys.readouterr().out
    assert "Article: article.txt (the quiz's source.path)" in out
    # its multiple-choice key is in the headline: a warning since the title_giveaway check, still a pass
    assert "PASS: 5 of 5 questions without errors; 0 errors, 1 warning" in out
    assert out.count("warning  title_giveaway") == 1


def test_bad_quiz_exits_1_and_names_the_checks(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_quiz(bad_quiz(_body()), workdir / "quiz.yaml")
    assert main(["check", "quiz.yaml"]) == 1
    out = capsys.readouterr().out
    for check in ("answer_in_prompt", "evidence_not_in_article", "context_sources", "true_false_balance"):
        assert check in out
    assert "FAIL: 2 of 5 questions without errors" in out


def test_report_matches_golden(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole report for a fixed quiz; refresh with QUIZKIT_REGEN_GOLDEN=1 after a deliberate change."""
    save_quiz(bad_quiz(_body()), workdir / "quiz.json")
    assert main(["check", "quiz.json"]) == 1
    out = capsys.readouterr().out
    if regenerate_golden():
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_article_option_overrides_source_path(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quiz = replace(good_quiz(_body()), source=SourceInfo(path="elsewhere/missing.txt"))
    save_quiz(quiz, workdir / "quiz.json")
    assert main(["check", "quiz.json"]) == 0
    assert "not found; offset checks skipped" in capsys.readouterr().out
    assert main(["check", "quiz.json", "--article", "article.txt"]) == 0
    assert "Article: article.txt\n" in capsys.readouterr().out


def test_wrong_article_is_caught(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Checked against another article, every evidence sentence is reported missing from it."""
    save_quiz(good_quiz(_body()), workdir / "quiz.json")
    assert main(["check", "quiz.json", "--article", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert out.count("evidence_not_in_article: the evidence") == 5


def test_source_path_relative_to_quiz_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sub = workdir / "class"
    sub.mkdir()
    shutil.move(workdir / "article.txt", sub / "article.txt")
    save_quiz(good_quiz(_body()), sub / "quiz.json")
    assert main(["check", "class/quiz.json"]) == 0
    assert "Article: class/article.txt (the quiz's source.path)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "quiz file not found"),
        ("{ not json", "not valid JSON or YAML"),
        ("- just\n- a list\n", "not a quiz"),
        (
            '{"questions": [{"id": "a", "type": "essay", "prompt": "Why?", "answer": "x"}]}',
            "questions[0].type",
        ),
    ],
)
def test_bad_input_is_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    if content is not None:
        (workdir / "quiz.json").write_text(content, encoding="utf-8")
    assert main(["check", "quiz.json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


def test_missing_article_option_is_an_error(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_quiz(good_quiz(_body()), workdir / "quiz.json")
    assert main(["check", "quiz.json", "--article", "nope.txt"]) == 2
    assert "article not found" in capsys.readouterr().err


def test_hand_written_yaml_without_evidence(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A teacher's four-line questions: no evidence, no source; the checks that apply still run."""
    (workdir / "hand.yaml").write_text(
        "questions:\n"
        "  - id: a\n    type: short_answer\n    prompt: What is the capital of Kazakhstan?\n    answer: Astana\n"
        "  - id: b\n    type: short_answer\n    prompt: It is the capital of which country?\n    answer: Kazakhstan\n",
        encoding="utf-8",
    )
    assert main(["check", "hand.yaml"]) == 1
    out = capsys.readouterr().out
    assert "the quiz has no source.path" in out
    assert "b  short_answer     1 error" in out and "unresolved_pronoun" in out


def test_docs_examples_are_valid_quizzes() -> None:
    """Every JSON question in docs/quiz-format.md loads, and the seed examples' evidence is exact."""
    from quizkit.check import check_question
    from quizkit.quizfile import parse_quiz_text

    doc = (Path(__file__).parent.parent / "docs" / "quiz-format.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in doc.split("```json\n")[1:]]
    questions = [json.loads(b) for b in blocks if '"type"' in b and '"questions"' not in b]
    assert len({q["type"] for q in questions}) == 7
    quiz = parse_quiz_text(json.dumps({"questions": questions}), where="docs")
    seed = read_article(SEED)
    for q in quiz.questions:
        errors = [f for f in check_question(q, seed) if f.severity == "error"]
        assert not errors, errors
    yaml_block = doc.split("```yaml\n")[1].split("```", 1)[0]
    assert len(parse_quiz_text(yaml_block, where="docs").questions) == 4
    assert dump_quiz(quiz)  # and it serialises back


def test_unreadable_source_article_only_skips_offsets(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_quiz(good_quiz(_body()), workdir / "quiz.json")
    (workdir / "article.txt").write_bytes(b"\x00\x01binary")
    assert main(["check", "quiz.json"]) == 0
    assert "Article: cannot read article.txt" in capsys.readouterr().out


def test_docs_show_the_current_report() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") in doc
