"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), both claims as locations.

Valid against the official schema (tests/data/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..version import __version__

if TYPE_CHECKING:
    from ..models import CheckResult, ClaimLocation, GateConflict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: CheckResult) -> str:
    """A SARIF log with one result per failing conflict."""
    codes = list(result.rules) or sorted({item.conflict.rule for item in result.failing()})
    rules = [{"id": code, "shortDescription": {"text": result.rules.get(code, code)}} for code in codes]
    # An unreadable article is a tool execution notification: the run did not see everything it was given.
    notifications = [
        {
            "descriptor": {"id": u.rule},
            "level": "error",
            "message": {"text": u.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(u.path)},
                        **({"region": {"startLine": u.line}} if u.line else {}),
                    }
                }
            ],
        }
        for u in result.unreadable
    ]
    run = {
        "tool": {"driver": {"name": "consistency", "version": __version__, "rules": rules}},
        "invocations": [{"executionSuccessful": not result.unreadable, "toolExecutionNotifications": notifications}],
        # Columns count characters, as ClaimLocation does (SARIF's default is UTF-16 code units).
        "columnKind": "unicodeCodePoints",
        "results": [_result(item, codes) for item in result.failing()],
        "properties": {
            "settings": result.generated_with.get("settings", ""),
            "ruleFolders": result.generated_with.get("rule_folders", ""),
            "unlistedConflicts": sum(u.count for u in result.unlisted),
            "unreadableArticles": len(result.unreadable),
        },
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _result(item: GateConflict, codes: list[str]) -> dict:
    conflict = item.conflict
    return {
        "ruleId": conflict.rule,
        "ruleIndex": codes.index(conflict.rule),
        "level": LEVELS[conflict.severity],
        "message": {"text": conflict.explanation},
        "locations": [_location(location) for location in item.locations],
        # The conflict's own fingerprint, so code scanning tracks one alert across edits elsewhere in the file.
        "partialFingerprints": {"consistencyConflict/v1": conflict.id},
        "properties": {"topic": conflict.topic, "claims": conflict.claims},
    }


def _location(location: ClaimLocation) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(location.path)},
            "region": {
                "startLine": location.line,
                "startColumn": location.column,
                "endLine": location.end_line,
                "endColumn": location.end_column,
                "snippet": {"text": location.text},
            },
        },
        "message": {"text": f"{'new' if location.new else 'existing'} claim: {location.text}"},
    }


def _uri(path: str) -> str:
    # Relative paths resolve against the repository root (code scanning's checkout); others are file: URIs.
    posix = PurePosixPath(path)
    return posix.as_uri() if posix.is_absolute() else quote(path)
