"""``--format text``: one line per conflicting claim, ``file:line:col: severity rule message`` (like ruff, Vale)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..safetext import clean

if TYPE_CHECKING:
    from ..check import CheckResult, ClaimLocation, GateConflict


def render(result: CheckResult) -> str:
    """The failing conflicts at each new claim, then a summary line."""
    lines = [line(item, location) for item in result.failing() for location in item.annotated()]
    return "".join(f"{clean(entry)}\n" for entry in [*lines, summarize(result)])


def line(item: GateConflict, location: ClaimLocation) -> str:
    """``seeds/new.md:7:11: error CC102 <explanation> (vs seeds/002.txt:12:5)``."""
    conflict = item.conflict
    return f"{location.path}:{location.line}:{location.column}: {conflict.severity} {conflict.rule} {message(item, location)}"


def message(item: GateConflict, location: ClaimLocation) -> str:
    """The explanation on one line, and where the other claims are."""
    others = ", ".join(f"{o.path}:{o.line}:{o.column}" for o in item.locations if o is not location)
    return _one_line(item.conflict.explanation) + (f" (vs {others})" if others else "")


def _one_line(text: str) -> str:
    # An explanation quotes article text, which may hold line breaks; one finding stays one line.
    return " ".join(text.split())


def summarize(result: CheckResult) -> str:
    """One line: how many conflicts fail the gate, and why the others do not."""
    counts = Counter(c.status for c in result.conflicts)
    failing = counts.pop("fails", 0)
    reasons = {"unchanged": "only in unchanged sources", "known": "in the baseline", "dismissed": "dismissed by an editor",
               "below_threshold": f"below --fail-on {result.fail_on}"}
    others = ", ".join(f"{counts[status]} {text}" for status, text in reasons.items() if counts[status])
    head = f"{failing} conflict{'s' * (failing != 1)} fail{'s' * (failing == 1)} the gate" if failing else "no conflict fails the gate"
    return f"{head} ({len(result.new_sources)} sources checked{'; not failing: ' + others if others else ''})"
