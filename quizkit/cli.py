"""Command line: argument parsing only. Each subcommand calls the pipeline function that owns the work.

``main(argv) -> int``; a ``QuizkitError`` becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from quizkit import __version__
from quizkit.errors import OutputError, QuizkitError

Handler = Callable[[argparse.Namespace], int]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return value


def _length(text: str) -> str:
    from quizkit.length import LengthError, question_count

    try:
        question_count(text)
    except LengthError as exc:
        raise argparse.ArgumentTypeError(f"{exc.what} ({exc.fix})") from None
    return text


def _media_count(text: str) -> int:
    if not text.strip().isdigit() or not 0 <= int(text) <= 5:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to 5, got {text!r}")
    return int(text)


def _csv_list(text: str) -> list[str]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise argparse.ArgumentTypeError(f"expected a comma-separated list of names, got {text!r}")
    return parts


# --- handlers (each imports its step lazily so `quizkit --help` stays fast) ----------------------------


def _refuse_overwriting(source: str, output: str) -> None:
    """``-o`` naming the input itself would replace the teacher's file with ours: refuse before any work."""
    src, out = Path(source), Path(output)
    if src.is_file() and out.exists() and os.path.samefile(src, out):
        raise OutputError(
            "the output would overwrite the input file", where=output, fix="give another -o file name"
        )


QUIZ_SUFFIXES = (".json", ".yaml", ".yml")


def _quiz_suffix(output: str) -> None:
    """A quiz is written as JSON or YAML; ``-o quiz.docx`` would silently get JSON under a Word name."""
    out = Path(output)
    if out.is_dir() or output.endswith(("/", os.sep)):
        return  # check_output_file says "folder", the clearer message
    if out.suffix.lower() not in QUIZ_SUFFIXES:
        raise OutputError(
            f"a quiz file must end in .json or .yaml, not {out.suffix or 'nothing'!r}",
            where=output,
            fix=f"use {out.with_suffix('.json').name} (or .yaml)",
        )


def cmd_generate(args: argparse.Namespace) -> int:
    from quizkit.generate import run_generate

    _refuse_overwriting(args.article, args.output)
    _quiz_suffix(args.output)
    if args.length is not None:
        from quizkit.length import describe, question_count

        args.count = question_count(args.length)
        print(describe(args.length))
    return run_generate(args)


def cmd_pick(args: argparse.Namespace) -> int:
    from quizkit.files import check_output_file
    from quizkit.pick import pick_questions
    from quizkit.quizfile import load_quiz, save_quiz

    if not args.ids and not args.drop:
        raise QuizkitError("nothing to pick", where="--ids/--drop", fix="give --ids ... and/or --drop ...")
    check_output_file(args.output)
    quiz = load_quiz(args.quiz)
    picked = pick_questions(quiz, keep=args.ids or (), drop=args.drop or ())
    save_quiz(picked, args.output)
    print(f"wrote {args.output}: {len(picked.questions)} of {len(quiz.questions)} questions")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from quizkit.check import run_check

    return run_check(args)


def cmd_show(args: argparse.Namespace) -> int:
    from quizkit.show import run_show

    return run_show(args)


def cmd_render(args: argparse.Namespace) -> int:
    from quizkit.render import run_render

    return run_render(args)


def cmd_grade(args: argparse.Namespace) -> int:
    from quizkit.grade import run_grade

    return run_grade(args)


def cmd_facts(args: argparse.Namespace) -> int:
    from quizkit.knowledge import run_facts

    return run_facts(args.about, stale=args.stale)


def cmd_notebook(args: argparse.Namespace) -> int:
    from quizkit.lesson.notebook import run_notebook

    return run_notebook(args)  # write_quiz_notebook itself refuses to overwrite the quiz it reads


def _all_options(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string (--seed, -o...) and subcommand name of ``parser`` and its subcommands."""
    names: list[str] = []
    for action in parser._actions:  # argparse has no public walk over its actions
        names.extend(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            names.extend(action.choices)
            for sub in action.choices.values():
                names.extend(_all_options(sub))
    return names


def suggestion(message: str, known: Sequence[str]) -> str:
    """ " (did you mean --seed?)" for a mistyped option or command in an argparse message; "" if none is close.

    argparse's own ``suggest_on_error`` arrives in Python 3.14; this works on 3.11."""
    m = re.search(r"unrecognized arguments: (\S+)", message) or re.search(
        r"invalid choice: '([^']*)'", message
    )
    if not m:
        return ""
    typed = m.group(1).split("=", 1)[0]
    pool = [k for k in dict.fromkeys(known) if k.startswith("-") == typed.startswith("-")]
    close = difflib.get_close_matches(typed, pool, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (what, how to fix) instead of a usage block."""

    root: argparse.ArgumentParser | None = None
    """The top-level parser, whose options and subcommands a suggestion is drawn from."""

    def error(self, message: str) -> NoReturn:
        hint = suggestion(message, _all_options(self.root or self))
        self.exit(2, f"{self.prog}: error: {message}{hint} — see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    from quizkit.model import QUESTION_TYPES
    from quizkit.render import FORMATS

    parser = _Parser(
        prog="quizkit",
        description="News article -> checked quiz; printable versions and LMS exports; grading.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "a typical lesson:\n"
            "  quizkit generate article.txt -o quiz.json\n"
            "  quizkit check quiz.json\n"
            "  quizkit render quiz.json --versions 2 -o out\n"
            "  quizkit grade quiz.json answers.csv --versions out/versions.json -o grades\n"
            "run `quizkit COMMAND --help` for the options of each command"
        ),
    )
    parser.add_argument("--version", action="version", version=f"quizkit {__version__}")
    _Parser.root = parser
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("generate", help="make a question bank from an article (text, Markdown or HTML)")
    p.add_argument("article", help="article file: .txt, .md, a saved .html page, or captions (.srt, .vtt)")
    p.add_argument(
        "-o", "--output", default="quiz.json", help="quiz file to write, .json or .yaml (default: quiz.json)"
    )
    size = p.add_mutually_exclusive_group()
    size.add_argument(
        "--count",
        type=_positive_int,
        help="total number of questions (default: about one per 27 words of the article, 8 to 25)",
    )
    p.add_argument(
        "--min-quality",
        type=_share,
        default=0.0,
        metavar="Q",
        help="leave out article questions whose estimated quality (0 to 1) is below Q (default 0)",
    )
    size.add_argument(
        "--length",
        type=_length,
        metavar="LENGTH",
        help="short (10 questions, ~15 min), standard (the default), long (30, ~40 min), or minutes, e.g. 20",
    )
    p.add_argument(
        "--types",
        type=_csv_list,
        metavar="LIST",
        help=f"comma-separated question types to allow (default: all): {', '.join(QUESTION_TYPES)}",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed: same seed, same quiz (default 0)")
    share = p.add_mutually_exclusive_group()
    share.add_argument(
        "--context-share",
        type=_share,
        default=None,
        metavar="SHARE",
        help="share of sourced context questions, 0 to 1 (default: about 1/3)",
    )
    share.add_argument("--no-context", action="store_true", help="comprehension questions only")
    p.add_argument(
        "--media",
        nargs="?",
        type=_media_count,
        const=2,
        default=0,
        metavar="N",
        help="add up to N media-literacy questions (who published it, when, who is quoted...; default N: 2)",
    )
    p.set_defaults(handler=cmd_generate)

    p = sub.add_parser("check", help="run the quality checks on a quiz and print a report")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("--article", help="the article it was made from (default: the quiz's source.path)")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("show", help="print a quiz readably")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("--answers", action="store_true", help="also show answers and evidence")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("pick", help="keep, drop or reorder questions by id (or by the numbers `show` prints)")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument(
        "--ids",
        type=_csv_list,
        metavar="LIST",
        help="keep only these questions, in this order (ids or numbers)",
    )
    p.add_argument(
        "--drop", type=_csv_list, metavar="LIST", help="leave out these questions (ids or numbers)"
    )
    p.add_argument(
        "-o", "--output", required=True, help="quiz file to write, .json or .yaml (may be the input itself)"
    )
    p.set_defaults(handler=cmd_pick)

    p = sub.add_parser("render", help="printable versions (PDF, HTML, Markdown) and LMS exports")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    p.add_argument(
        "--versions",
        type=_positive_int,
        default=1,
        help="number of shuffled versions A, B, ... (default: 1, at most 100)",
    )
    p.add_argument("--seed", type=int, default=0, help="shuffle seed: same seed, same versions (default 0)")
    p.add_argument(
        "--format",
        dest="formats",
        type=_csv_list,
        default=None,
        metavar="LIST",
        help=f"comma-separated output formats (default: all): {', '.join(FORMATS)}",
    )
    p.add_argument(
        "--paper", choices=["a4", "us-letter"], default="a4", help="paper size for PDFs (default: a4)"
    )
    p.add_argument("--large-print", action="store_true", help="16 pt text for students who need it")
    p.add_argument(
        "--ordering-as-matching",
        action="store_true",
        help="Moodle XML/GIFT: write ordering questions as matching (for Moodle before 4.4)",
    )
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser("grade", help="grade answer sheets, LMS exports or notebook answers")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("responses", nargs="+", help="responses: CSV, Moodle export, or notebook JSON")
    p.add_argument("--versions", dest="version_map", help="versions.json written by render")
    p.add_argument(
        "--scores", help="CSV of teacher scores for open questions (student_id, question_id, points)"
    )
    p.add_argument("-o", "--output", default="grades", help="output folder (default: grades)")
    p.add_argument("--no-reports", action="store_true", help="skip HTML/PDF feedback and the class report")
    pdfs = p.add_mutually_exclusive_group()
    pdfs.add_argument(
        "--pdf",
        dest="pdf",
        action="store_true",
        default=None,
        help="make a feedback PDF per student (default: only for up to 200 students)",
    )
    pdfs.add_argument("--no-pdf", dest="pdf", action="store_false", help="feedback as HTML pages only")
    p.set_defaults(handler=cmd_grade)

    p = sub.add_parser("facts", help="list the knowledge base with sources")
    p.add_argument(
        "--about", metavar="NAME", help="only facts about this country, person or body (aliases work)"
    )
    p.add_argument(
        "--stale", action="store_true", help="only facts to re-check: review date passed or within 60 days"
    )
    p.set_defaults(handler=cmd_facts)

    p = sub.add_parser("notebook", help="write a ready-to-run student quiz notebook for a quiz")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument(
        "-o",
        "--output",
        default="quiz.ipynb",
        help="notebook file to write, ending in .ipynb (default: quiz.ipynb)",
    )
    p.add_argument(
        "--assessment", action="store_true", help="submit-once quiz: feedback only after submitting"
    )
    p.add_argument(
        "--tries", type=_positive_int, default=1, help="tries per question in an assessment (default 1)"
    )
    p.add_argument(
        "--after-reading", action="store_true", help="leave out the questions the reading notebook asks"
    )
    p.set_defaults(handler=cmd_notebook)
    return parser


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so staged outputs are removed and PDF workers stopped."""


def _terminate(signum: int, frame: Any) -> NoReturn:
    raise Terminated


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """While a command runs, SIGTERM raises ``Terminated`` instead of killing the process mid-write."""
    try:
        old = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters but tab and newline: in a terminal they can clear the screen, set the window
title or hide text (ESC [ 2 J, OSC 0;...)."""


def terminal_safe(text: str) -> str:
    """``text`` with C0/C1 controls (ESC, BEL, CSI...) shown as U+FFFD, as printed to a terminal."""
    return _CONTROLS.sub("\ufffd", text)


class _TerminalWriter(io.TextIOBase):
    """A stream wrapper that strips control characters from everything written to a terminal."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.raw.fileno()


@contextlib.contextmanager
def _safe_terminal() -> Iterator[None]:
    """Quiz text reaches stdout/stderr in show, check and error lines; a terminal gets it without controls."""
    saved = sys.stdout, sys.stderr
    try:
        if sys.stdout.isatty():
            sys.stdout = _TerminalWriter(sys.stdout)
        if sys.stderr.isatty():
            sys.stderr = _TerminalWriter(sys.stderr)
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _os_error(exc: OSError) -> str:
    """One line for an OS failure no step turned into a QuizkitError (a disk filling up mid-write)."""
    where = f"{exc.filename}: " if exc.filename else ""
    return (
        f"error: {where}{exc.strerror or exc} — check the disk has space and that the output folder "
        "may be written, then run again"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    with _safe_terminal():
        try:
            with _sigterm_unwinds():
                return handler(args)
        except QuizkitError as exc:
            print(f"quizkit {args.command}: error: {exc}", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("quizkit: interrupted", file=sys.stderr)
            return 130
        except Terminated:
            print("quizkit: terminated", file=sys.stderr)
            return 143
        except BrokenPipeError:
            _silence_stdout()  # the reader (`| head`) stopped early: not an error worth a traceback
            return 141
        except OSError as exc:  # ENOSPC, EIO, EDQUOT... while writing: a problem the user can act on
            print(f"quizkit {args.command}: {_os_error(exc)}", file=sys.stderr)
            return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


if __name__ == "__main__":
    sys.exit(main())
