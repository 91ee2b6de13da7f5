"""Suite-wide rules. Under QUIZKIT_REQUIRE_INDEPENDENT (set by .ci/run) a skipped test fails the run unless its
reason is on the short allow-list below: a check that silently skips on CI is a check that does not exist."""

from __future__ import annotations

import pytest

from tests.independent import REQUIRE, required

ALLOWED_SKIPS = (
    "the shared reference file is outside the repository",  # /work/shared/reference: not in a clean checkout
    "the Natural Earth source is not on this machine",  # a 20 MB download used only to rebuild a data file
    "no /dev/zero",  # not every OS has the device
    "one core: PDFs are compiled in-process",  # no workers to kill on a 1-core runner
)
"""Skips that are about the machine, not about a missing independent reader."""

_refused: list[tuple[str, str]] = []


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail") and required():
        reason = _reason(report)
        if not any(allowed in reason for allowed in ALLOWED_SKIPS):
            _refused.append((report.nodeid, reason))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _refused:
        terminalreporter.section(f"skips not allowed under {REQUIRE}", sep="=", red=True)
        for nodeid, reason in _refused:
            terminalreporter.line(f"{nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _refused and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
