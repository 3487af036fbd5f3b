"""Which articles a pull request adds or changes: ``git diff`` against a revision, plus untracked files."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import ConsistencyError


def changed_since(folder: Path, ref: str) -> set[str]:
    """Files under ``folder`` (posix paths relative to it) added or changed since ``ref``, or not yet tracked."""
    commit = resolve(folder, ref)
    # -z: names verbatim (git would quote non-ASCII ones); --relative: relative to folder, and only under it.
    changed = _git(folder, "diff", "--name-only", "-z", "--relative", "--diff-filter=d", commit, "--", ".")
    untracked = _git(folder, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    return {name for name in (changed + untracked).split("\0") if name}


def resolve(folder: Path, ref: str) -> str:
    """The commit ``ref`` names, seen from ``folder``; a ConsistencyError if there is none."""
    _git(folder, "rev-parse", "--show-toplevel", problem=f"--since: {folder} is not inside a git repository")
    # Resolved first, so a revision that looks like an option ("--output=x") never reaches git diff as one.
    return _git(
        folder,
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        f"{ref}^{{commit}}",
        problem=f"--since: unknown git revision {ref!r} (in CI, fetch it first: fetch-depth: 0)",
    ).strip()


def file_at(folder: Path, ref: str, relative: str) -> str:
    """The text of ``folder/relative`` at revision ``ref`` ("" if it did not exist then)."""
    try:
        return _git(folder, "show", f"{resolve(folder, ref)}:./{relative}")
    except ConsistencyError:
        return ""


def tracked(path: Path) -> bool:
    """Whether git tracks ``path`` or anything in it (False outside a repository, or without git)."""
    path = Path(path)
    if not path.parent.is_dir():
        return False
    try:
        return bool(_git(path.parent, "ls-files", "-z", "--", path.name).strip("\0"))
    except ConsistencyError:
        return False


def _git(folder: Path, *args: str, problem: str | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise ConsistencyError(None, "--since needs git, and git is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or ["git failed"]
        raise ConsistencyError(None, problem or f"git {args[0]}: {detail[0]}")
    return done.stdout
