"""Errors a user can fix: each names the file (and line) at fault."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path


class ConsistencyError(Exception):
    """A user's mistake in an input file or option; the CLI prints it as one line and exits 2."""

    def __init__(self, path: Path | str | None, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """ " — did you mean 'severity'?" for the nearest of ``choices``, or "" when none is near."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" — did you mean {close[0]!r}?" if close else ""


def choose(option: str, name: str, choices: Sequence[str]) -> str:
    """``name`` if it is one of ``choices``, else a ConsistencyError that suggests the nearest one."""
    if name in choices:
        return name
    hint = did_you_mean(name, choices) or f" (choose from {', '.join(choices)})"
    raise ConsistencyError(None, f"{option}: unknown format {name!r}{hint}")
