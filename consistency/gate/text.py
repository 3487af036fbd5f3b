"""``--format text``: one line per conflicting claim, ``file:line:col: severity rule message`` (like ruff, Vale)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..safetext import clean

if TYPE_CHECKING:
    from ..models import CheckResult, ClaimLocation, GateConflict, Unlisted, Unreadable

LISTING_CAP = "listing-cap"  # the check name of conflicts counted beyond the per-claim listing cap


def render(result: CheckResult) -> str:
    """The unreadable articles, the failing conflicts at each new claim, then a summary line."""
    return "".join(f"{clean(entry)}\n" for entry in [*findings(result), summarize(result)])


def findings(result: CheckResult) -> list[str]:
    """Every finding that fails or stops the gate, one line each: unreadable articles, failing conflicts at each
    new claim, failing conflicts beyond the listing cap."""
    return [
        *map(unreadable_line, result.unreadable),
        *(line(item, location) for item in result.failing() for location in item.annotated()),
        *(unlisted_line(u) for u in result.unlisted if u.failing),
    ]


def unreadable_line(unreadable: Unreadable) -> str:
    """``seeds/bad.md:1:1: error input-unreadable <why>``: an article that could not be read, as a finding."""
    return f"{unreadable.path}:{unreadable.line or 1}:1: error {unreadable.rule} {_one_line(unreadable.message)}"


def unlisted_line(unlisted: Unlisted) -> str:
    """``seeds/new.md:7:11: error listing-cap 4 more conflicts on topic ... beyond the per-claim listing cap``."""
    at = unlisted.at
    return f"{at.path}:{at.line}:{at.column}: error {LISTING_CAP} {unlisted.message()}"


def line(item: GateConflict, location: ClaimLocation) -> str:
    """``seeds/new.md:7:11: error CC102 <explanation> (vs seeds/002.txt:12:5)``."""
    conflict = item.conflict
    place = f"{location.path}:{location.line}:{location.column}"
    return f"{place}: {conflict.severity} {conflict.rule} {message(item, location)}"


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
    reasons = {
        "unchanged": "only in unchanged sources",
        "known": "in the baseline",
        "dismissed": "dismissed by an editor",
        "below_threshold": f"below --fail-on {result.fail_on}",
    }
    others = ", ".join(f"{counts[status]} {text}" for status, text in reasons.items() if counts[status])
    failing += sum(u.failing for u in result.unlisted)
    head = (
        f"{failing} conflict{'s' * (failing != 1)} fail{'s' * (failing == 1)} the gate"
        if failing
        else "no conflict fails the gate"
    )
    notes = [f"not failing: {others}"] if others else []
    if result.unlisted:
        notes.append(f"{sum(u.count for u in result.unlisted)} beyond the per-claim listing cap, counted not listed")
    if result.unreadable:
        count = len(result.unreadable)
        notes.append(f"{count} article{'s' * (count != 1)} unreadable (input-unreadable)")
    if result.resolved:
        notes.append(
            f"{len(result.resolved)} baseline entr{'ies' if len(result.resolved) != 1 else 'y'} resolved "
            "(--update-baseline drops them)"
        )
    return f"{head} ({len(result.new_sources)} sources checked{''.join('; ' + note for note in notes)})"
