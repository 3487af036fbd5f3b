"""``--format gitlab``: a GitLab Code Quality report (``artifacts: reports: codequality``), shown in merge requests.

One issue per failing conflict at each claim from a new source, one per unreadable article, and one per topic whose
conflicts beyond the listing cap fail the gate.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from .text import LISTING_CAP, message

if TYPE_CHECKING:
    from ..models import CheckResult

# Code Quality severities: info, minor, major, critical, blocker.
SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def render(result: CheckResult) -> str:
    """The Code Quality JSON array for the gate's result."""
    issues = [
        _issue(u.rule, u.message, "blocker", u.path, u.line or 1, f"{u.rule}\x1f{u.path}") for u in result.unreadable
    ]
    for item in result.failing():
        conflict = item.conflict
        for location in item.annotated():
            issues.append(
                _issue(
                    conflict.rule,
                    message(item, location),
                    SEVERITIES[conflict.severity],
                    location.path,
                    location.line,
                    f"{conflict.id}\x1f{location.path}\x1f{location.text}",
                )
            )
    for unlisted in (u for u in result.unlisted if u.failing):
        issues.append(
            _issue(
                LISTING_CAP,
                unlisted.message(),
                "major",
                unlisted.at.path,
                unlisted.at.line,
                f"{LISTING_CAP}\x1f{unlisted.topic}",
            )
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(check: str, description: str, severity: str, path: str, line: int, key: str) -> dict:
    # The fingerprint must be unique per issue and stable across runs: GitLab diffs the reports of two pipelines by it.
    return {
        "description": description,
        "check_name": check,
        "fingerprint": hashlib.sha1(key.encode()).hexdigest(),
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }
