"""Baseline files: the fingerprints of known conflicts, which do not fail ``consistency check``.

Written sorted by id, one field a line, without timestamps, so a baseline
diffs well in review and two runs on the same archive write the same bytes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import PrivateAttr, ValidationError

from ..errors import ConsistencyError
from ..files import read_text
from ..models import Claim, Conflict, Model
from ..report.atomic import atomic_write

if TYPE_CHECKING:
    from ..models import CheckResult

MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a baseline of a million conflicts; more is not one


class KnownConflict(Model):
    """One known conflict: its fingerprint, and the words it is made of, for the reviewer of the file."""

    id: str
    rule: str
    claims: list[str]


class Baseline(Model):
    """The contents of a baseline file."""

    version: Literal[1] = 1
    conflicts: list[KnownConflict] = []
    unlisted: dict[str, int] = {}  # topic -> conflicts beyond the listing cap, which have no fingerprints to list
    _words: set[str] | None = PrivateAttr(None)

    def ids(self) -> set[str]:
        """The fingerprints of the known conflicts."""
        return {conflict.id for conflict in self.conflicts}

    def knows(self, claim: Claim) -> bool:
        """Whether a known conflict is made of this claim (so it is not the new one)."""
        if self._words is None:
            self._words = {words for conflict in self.conflicts for words in conflict.claims}
        return claim_words(claim) in self._words


def render_baseline(conflicts: list[Conflict], claims: dict[str, Claim], unlisted: dict[str, int] | None = None) -> str:
    """A baseline holding ``conflicts`` (and the ``unlisted`` counts per topic), as JSON text."""
    known = [
        KnownConflict(id=c.id, rule=c.rule, claims=[claim_words(claims[i]) for i in c.claims if i in claims])
        for c in conflicts
    ]
    return _render(Baseline(conflicts=known, unlisted=unlisted or {}))


def _render(baseline: Baseline) -> str:
    ordered = Baseline(
        conflicts=sorted({c.id: c for c in baseline.conflicts}.values(), key=lambda c: c.id),
        unlisted=dict(sorted(baseline.unlisted.items())),
    )
    return json.dumps(ordered.model_dump(mode="json", exclude_defaults=False), indent=2, ensure_ascii=False) + "\n"


def claim_words(claim: Claim) -> str:
    """What a fingerprint is made of (Conflict.make_id): the source and the claim's words."""
    return f"{claim.source}: {' '.join(claim.text.split())}"


def write_baseline(
    path: Path, conflicts: list[Conflict], claims: dict[str, Claim], unlisted: dict[str, int] | None = None
) -> Path:
    """Write a baseline file atomically."""
    return _write(path, render_baseline(conflicts, claims, unlisted))


def shrink_baseline(path: Path, baseline: Baseline, result: CheckResult) -> int:
    """Rewrite ``path`` without the entries ``result`` found resolved, adding none (psalm's --update-baseline);
    return how many are kept."""
    gone = set(result.resolved)
    kept = [conflict for conflict in baseline.conflicts if conflict.id not in gone]
    found = {u.topic: u.count for u in result.unlisted}
    unlisted = {topic: min(n, found[topic]) for topic, n in baseline.unlisted.items() if topic in found}
    _write(path, _render(Baseline(conflicts=kept, unlisted=unlisted)))
    return len(kept)


def _write(path: Path, text: str) -> Path:
    """Atomically, or in place if ``path`` is a device or FIFO (``--write-baseline /dev/stdout``)."""
    try:
        return atomic_write(path, text, follow=True)
    except OSError as err:
        raise ConsistencyError(path, f"cannot write the baseline: {err.strerror}") from None


def read_baseline(path: Path) -> Baseline:
    """A baseline file; a missing, oversized or malformed one is a ConsistencyError."""
    if not os.path.exists(path):
        raise ConsistencyError(path, "baseline not found (write one with --write-baseline)")
    text = read_text(path, MAX_BASELINE_BYTES, "baseline")
    try:
        baseline = Baseline.model_validate(json.loads(text))
    except json.JSONDecodeError as err:
        raise ConsistencyError(path, f"not valid JSON: {err.msg}", err.lineno) from None
    except RecursionError:  # "[[[[..." 100,000 deep
        raise ConsistencyError(path, "not a baseline: nested too deeply") from None
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConsistencyError(path, f"{where}: {first['msg']}" if where else first["msg"]) from None
    return baseline
