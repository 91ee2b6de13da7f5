"""Rebuild the saved HTML pages of ``benchmarks/quality/private/`` from git mirrors of their repositories.

Writes, from local git directories (bare mirrors are fine, no work tree is needed):

- every ``manifest.csv`` row whose id starts with ``rd-`` or ``sh-`` to ``private/<id>.html``:
  ``rd-<name>`` is ``mozilla/readability`` ``test/test-pages/<name>/source.html``; ``sh-*`` is
  ``scrapinghub/article-extraction-benchmark`` ``html/<sha256>.html.gz`` gunzipped, the hash being the key
  whose ``url`` in ``ground-truth.json`` is the manifest URL (exact, then ignoring scheme, ``www.`` and a
  trailing slash, then a unique prefix match for a truncated URL);
- every ``fresh.csv`` row to ``private/fresh/<id>.html``: ``git show HEAD:<path>`` in the repository named
  (for ``markusmobius/go-trafilatura`` the README's commit 67c3f2a when HEAD lacks the path), gunzipped
  when the path ends in ``.gz``.

The plain-text private pages (``.txt``) are not rebuilt here: they are the ``search`` tool's stored copies.

Run: python3 benchmarks/quality/rebuild_private.py --readability DIR --scrapinghub DIR --trafilatura DIR
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from quizkit.files import atomic_write  # noqa: E402  (standard library only, like this script)

TRAFILATURA_COMMIT = "67c3f2a"
REPO_OPTION = {
    "mozilla/readability": "readability",
    "scrapinghub/article-extraction-benchmark": "scrapinghub",
    "markusmobius/go-trafilatura": "trafilatura",
}


def git_show(git_dir: Path, rev: str, path: str) -> bytes | None:
    """Return the bytes of ``rev:path`` in ``git_dir``, or None when git cannot show it."""
    proc = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{rev}:{path}"],
        capture_output=True,
        check=False,
    )
    return proc.stdout if proc.returncode == 0 else None


def write_page(target: Path, data: bytes) -> None:
    """Write one page through the kit's own temp-file-then-rename writer, making its folder first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)


def normalise_url(url: str) -> str:
    """Lower-case the host part and drop the scheme, a leading ``www.`` and any trailing slash."""
    url = url.strip()
    for scheme in ("https://", "http://"):
        if url.lower().startswith(scheme):
            url = url[len(scheme) :]
            break
    host, sep, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    return (host + sep + rest).rstrip("/")


def find_hash(url: str, truth: dict[str, str]) -> str | None:
    """The ``ground-truth.json`` key whose URL is ``url``: exact, normalised, then unique prefix match."""
    exact = [key for key, value in truth.items() if value == url]
    if len(exact) == 1:
        return exact[0]
    wanted = normalise_url(url)
    same = [key for key, value in truth.items() if normalise_url(value) == wanted]
    if len(same) == 1:
        return same[0]
    prefix = [key for key, value in truth.items() if normalise_url(value).startswith(wanted)]
    return prefix[0] if len(prefix) == 1 else None


def load_truth(git_dir: Path) -> dict[str, str]:
    """Map each page hash of the scrapinghub benchmark to its URL."""
    raw = git_show(git_dir, "HEAD", "ground-truth.json")
    if raw is None:
        raise SystemExit(f"ground-truth.json not found in {git_dir}")
    return {key: value.get("url", "") for key, value in json.loads(raw).items()}


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file next to this script."""
    with (HERE / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def manifest_page(row: dict[str, str], dirs: dict[str, Path], truth: dict[str, str]) -> bytes | None:
    """Bytes of an ``rd-``/``sh-`` manifest page, or None when it cannot be found."""
    ident = row["id"]
    if ident.startswith("rd-"):
        return git_show(dirs["readability"], "HEAD", f"test/test-pages/{ident[3:]}/source.html")
    sha = find_hash(row["url"], truth)
    if sha is None:
        return None
    raw = git_show(dirs["scrapinghub"], "HEAD", f"html/{sha}.html.gz")
    return gzip.decompress(raw) if raw is not None else None


def fresh_page(row: dict[str, str], dirs: dict[str, Path]) -> bytes | None:
    """Bytes of a ``fresh.csv`` page, or None when its repository or path is missing."""
    option = REPO_OPTION.get(row["repository"])
    if option is None:
        return None
    git_dir, path = dirs[option], row["path"]
    raw = git_show(git_dir, "HEAD", path)
    if raw is None and option == "trafilatura":
        raw = git_show(git_dir, TRAFILATURA_COMMIT, path)
    if raw is None:
        return None
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def main(argv: list[str] | None = None) -> int:
    """Write the pages and print how many were written and which are missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readability", type=Path, required=True, help="git dir of mozilla/readability")
    parser.add_argument(
        "--scrapinghub", type=Path, required=True, help="git dir of scrapinghub/article-extraction-benchmark"
    )
    parser.add_argument(
        "--trafilatura", type=Path, required=True, help="git dir of markusmobius/go-trafilatura"
    )
    parser.add_argument(
        "--out", type=Path, default=HERE / "private", help="target directory (default private/)"
    )
    args = parser.parse_args(argv)
    dirs = {"readability": args.readability, "scrapinghub": args.scrapinghub, "trafilatura": args.trafilatura}
    truth = load_truth(args.scrapinghub)

    written: dict[str, int] = {"manifest": 0, "fresh": 0}
    missing: dict[str, list[str]] = {"manifest": [], "fresh": []}
    for row in read_rows("manifest.csv"):
        if not row["id"].startswith(("rd-", "sh-")):
            continue
        data = manifest_page(row, dirs, truth)
        if data is None:
            missing["manifest"].append(row["id"])
            continue
        write_page(args.out / f"{row['id']}.html", data)
        written["manifest"] += 1
    for row in read_rows("fresh.csv"):
        data = fresh_page(row, dirs)
        if data is None:
            missing["fresh"].append(row["id"])
            continue
        write_page(args.out / "fresh" / f"{row['id']}.html", data)
        written["fresh"] += 1

    for part in ("manifest", "fresh"):
        print(f"{part}: {written[part]} written, {len(missing[part])} missing")
        for ident in missing[part]:
            print(f"  missing: {ident}")
    return 1 if missing["manifest"] or missing["fresh"] else 0


if __name__ == "__main__":
    sys.exit(main())
