"""Command line: argument parsing only. Each subcommand calls the pipeline function that owns the work.

``main(argv) -> int``; a ``QuizkitError`` becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

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


def cmd_generate(args: argparse.Namespace) -> int:
    from quizkit.generate import run_generate

    _refuse_overwriting(args.article, args.output)
    return run_generate(args)


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

    return run_facts(args)


def cmd_notebook(args: argparse.Namespace) -> int:
    from quizkit.lesson.notebook import run_notebook

    return run_notebook(args)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (what, how to fix) instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} — see `{self.prog} --help`\n")


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
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("generate", help="make a question bank from an article (text, Markdown or HTML)")
    p.add_argument("article", help="article file: .txt, .md or a saved .html page")
    p.add_argument(
        "-o", "--output", default="quiz.json", help="quiz file to write, .json or .yaml (default: quiz.json)"
    )
    p.add_argument(
        "--count",
        type=_positive_int,
        help="total number of questions (default: scales with the article's length)",
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
    p.set_defaults(handler=cmd_generate)

    p = sub.add_parser("check", help="run the quality checks on a quiz and print a report")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("--article", help="the article it was made from (default: the quiz's source.path)")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("show", help="print a quiz readably")
    p.add_argument("quiz", help="quiz file (.json or .yaml)")
    p.add_argument("--answers", action="store_true", help="also show answers and evidence")
    p.set_defaults(handler=cmd_show)

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
    p.set_defaults(handler=cmd_grade)

    p = sub.add_parser("facts", help="list the knowledge base with sources")
    p.add_argument(
        "--about", metavar="NAME", help="only facts about this country, person or body (aliases work)"
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except QuizkitError as exc:
        print(f"quizkit {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("quizkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()  # the reader (`| head`) stopped early: not an error worth a traceback
        return 141


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


if __name__ == "__main__":
    sys.exit(main())
