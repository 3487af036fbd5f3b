"""Scratch git repositories for the CI gate's tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` as a throwaway committer; return its output."""
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    """Commit everything in ``repo``."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
