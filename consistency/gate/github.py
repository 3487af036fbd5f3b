"""``--format github``: workflow commands, so GitHub Actions annotates the conflicting sentence in the pull request.

    ::error file=seeds/new.md,line=7,col=11,title=CC102 conflict::<explanation>

GitHub shows only the first few dozen annotations of a step, so the most severe are annotated up to a cap, one
notice counts the rest, and the full list goes to the job summary (``$GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..safetext import clean
from .text import LISTING_CAP, findings, message, summarize

if TYPE_CHECKING:
    from ..models import CheckResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
MAX_ANNOTATIONS = 50


def render(result: CheckResult, limit: int = MAX_ANNOTATIONS) -> str:
    """One annotation per failing conflict at each claim from a new source, the first ``limit`` of them."""
    out = [
        _command("error", {"file": u.path, "line": u.line or 1, "title": u.rule}, u.message) for u in result.unreadable
    ]
    annotations = []
    for item in result.failing():  # most severe first: the report's order
        conflict = item.conflict
        for location in item.annotated():
            properties = {
                "file": location.path,
                "line": location.line,
                "col": location.column,
                "endLine": location.end_line,
                "title": f"{conflict.rule} conflict",
            }
            annotations.append(_command(COMMANDS[conflict.severity], properties, message(item, location)))
    for unlisted in (u for u in result.unlisted if u.failing):
        properties = {
            "file": unlisted.at.path,
            "line": unlisted.at.line,
            "col": unlisted.at.column,
            "title": LISTING_CAP,
        }
        annotations.append(_command("error", properties, unlisted.message()))
    out += annotations[:limit]
    if len(annotations) > limit:
        out.append(f"::notice::{len(annotations) - limit} more conflict annotations not shown; see the job summary\n")
    if result.unlisted:
        total = sum(u.count for u in result.unlisted)
        out.append(f"::notice::{total} more conflicts beyond the per-claim listing cap (counted, not listed)\n")
    return "".join(out)


def step_summary(result: CheckResult) -> str:
    """Every finding that fails or stops the gate as Markdown, for the job summary."""
    lines = ["## consistency check", "", summarize(result), ""]
    # Article text is quoted in code spans; a backquote in it would end the span early.
    lines += [f"- `{entry.replace('`', chr(39))}`" for entry in findings(result)]
    return "\n".join(lines) + "\n"


def _command(command: str, properties: dict, text: str) -> str:
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {joined}::{escape_data(text)}\n"


def escape_data(text: str) -> str:
    """Escape a command's message (the runner's escapeData); other control characters are shown, not sent."""
    return clean(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a command's property value (the runner's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
