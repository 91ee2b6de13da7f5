"""`quizkit notebook`: a deterministic student quiz notebook for any quiz file; 04_quiz stays in sync."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizkit.cli import main
from quizkit.errors import OutputError
from quizkit.lesson.notebook import build_quiz_notebook, notebook_text, write_quiz_notebook
from quizkit.quizfile import save_quiz
from tests.factories import make_quiz

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def test_04_quiz_is_what_quizkit_notebook_writes_for_the_seed_quiz(tmp_path: Path) -> None:
    # The same command as in the README, run on a copy laid out like notebooks/ (quiz beside notebook).
    shutil.copy(NOTEBOOKS / "seed_quiz.json", tmp_path / "seed_quiz.json")
    out = tmp_path / "04_quiz.ipynb"
    assert main(["notebook", str(tmp_path / "seed_quiz.json"), "-o", str(out), "--after-reading"]) == 0
    committed = (NOTEBOOKS / "04_quiz.ipynb").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, (
        "notebooks/04_quiz.ipynb is stale: "
        "quizkit notebook notebooks/seed_quiz.json -o notebooks/04_quiz.ipynb --after-reading"
    )


def test_builder_is_deterministic_and_valid(tmp_path: Path) -> None:
    save_quiz(make_quiz(), tmp_path / "q.json")
    a = notebook_text(build_quiz_notebook(tmp_path / "q.json", notebook_dir=tmp_path))
    b = notebook_text(build_quiz_notebook(tmp_path / "q.json", notebook_dir=tmp_path))
    assert a == b
    nb = nbformat.reads(a, as_version=4)
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == ["quiz-intro", "quiz-widget", "quiz-refs-title", "quiz-references"]
    assert "Learning goals" in nb.cells[0].source and "7 questions" in nb.cells[0].source
    assert nb.metadata.kernelspec.name == "python3"


def test_quiz_path_is_relative_to_the_notebook(tmp_path: Path) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "class").mkdir()
    save_quiz(make_quiz(), tmp_path / "quizzes" / "q.json")
    out = write_quiz_notebook(tmp_path / "quizzes" / "q.json", tmp_path / "class" / "quiz.ipynb")
    nb = nbformat.read(out, as_version=4)
    assert "quiz_widget('../quizzes/q.json')" in nb.cells[1].source


def test_cli_refuses_a_non_notebook_name_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_quiz(make_quiz(), tmp_path / "q.json")
    assert main(["notebook", str(tmp_path / "q.json"), "-o", str(tmp_path / "quiz.txt")]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".ipynb" in err and "Traceback" not in err
    assert not (tmp_path / "quiz.txt").exists()


def test_cli_reports_a_bad_quiz_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "x", "questions": [{"id": "a"}]}), encoding="utf-8")
    assert main(["notebook", str(bad), "-o", str(tmp_path / "q.ipynb")]) != 0
    assert "invalid quiz" in capsys.readouterr().err
    assert not (tmp_path / "q.ipynb").exists()


def test_missing_output_folder_is_an_output_error(tmp_path: Path) -> None:
    save_quiz(make_quiz(), tmp_path / "q.json")
    with pytest.raises(OutputError):
        write_quiz_notebook(tmp_path / "q.json", tmp_path / "nope" / "q.ipynb")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\\0"),
        min_size=1,
        max_size=20,
    )
)
def test_any_quiz_file_name_gives_valid_python(tmp_path: Path, stem: str) -> None:
    name = f"{stem}.json"
    try:
        save_quiz(make_quiz(), tmp_path / name)
    except OSError:
        return  # not a legal file name on this system
    nb = build_quiz_notebook(tmp_path / name, notebook_dir=tmp_path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            compile(cell.source, "cell", "exec")
    assert repr(name) in nb.cells[1].source


def test_assessment_notebook_title_and_type_counts(tmp_path: Path) -> None:
    from dataclasses import replace

    from quizkit.lesson.notebook import build_quiz_notebook
    from quizkit.quizfile import save_quiz
    from tests.factories import make_question, make_quiz

    quiz = make_quiz(title="Quiz: Central Asia")
    quiz = replace(quiz, questions=(*quiz.questions, make_question("open", qid="op2")))
    save_quiz(quiz, tmp_path / "q.json")
    nb = build_quiz_notebook(tmp_path / "q.json", notebook_dir=tmp_path, mode="assessment", tries=2)
    intro, code = nb.cells[0].source, nb.cells[1].source
    assert intro.startswith("# Quiz: Central Asia\n") and "Quiz: Quiz:" not in intro
    assert "2 open questions" in intro and "1 multiple choice" in intro
    assert "Submit" in intro and "Shift+Enter" not in intro and "quizkit grade" not in intro
    assert "mode='assessment', tries=2" in code


def test_the_article_is_included_with_numbered_paragraphs_and_no_live_markup(tmp_path: Path) -> None:
    from quizkit.lesson.notebook import build_quiz_notebook
    from quizkit.model import SourceInfo
    from quizkit.quizfile import save_quiz
    from tests.factories import make_quiz

    (tmp_path / "a.txt").write_text(
        "A <img src=x onerror=alert(1)> title\n\nFirst paragraph costs $5 and $6.\n\nSecond <script>x</script>.\n",
        encoding="utf-8",
    )
    save_quiz(make_quiz(source=SourceInfo(title="<b>T</b>", path="a.txt")), tmp_path / "q.json")
    nb = build_quiz_notebook(tmp_path / "q.json", notebook_dir=tmp_path)
    article = next(c.source for c in nb.cells if c.get("id") == "quiz-article")
    assert "**1.** First paragraph" in article and "**2.** Second" in article
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "<img" not in text and "<script" not in text and "<b>" not in text
    assert "\\$5" in article  # not read as mathematics


def test_notebook_never_overwrites_the_quiz_it_is_made_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 18: `quizkit notebook q.ipynb -o q.ipynb` overwrote the input quiz."""
    from quizkit.quizfile import dump_quiz
    from tests.factories import make_quiz

    quiz = tmp_path / "q.ipynb"
    quiz.write_text(dump_quiz(make_quiz()), encoding="utf-8")
    before = quiz.read_bytes()
    assert main(["notebook", str(quiz), "-o", str(tmp_path / "." / "q.ipynb")]) != 0
    assert quiz.read_bytes() == before
    assert "would overwrite the" in capsys.readouterr().err  # refused by write_quiz_notebook itself
