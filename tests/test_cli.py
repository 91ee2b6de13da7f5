"""The CLI's own promises: usage mistakes are one line on stderr with a non-zero exit."""

from __future__ import annotations

import pytest

from quizkit.cli import main


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "quiz.json", "--versions", "0"],
        ["generate", "a.txt", "--context-share", "2"],
        ["generate", "a.txt", "--count", "many"],
        ["nonsense"],
        ["grade", "quiz.json"],
    ],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err and "--help" in err
