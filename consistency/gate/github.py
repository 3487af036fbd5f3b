"""``--format github``: workflow commands, so GitHub Actions annotates the conflicting sentence in the pull request.

    ::error file=seeds/new.md,line=7,col=11,title=CC102 conflict::<explanation>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..safetext import clean
from .text import message

if TYPE_CHECKING:
    from ..check import CheckResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: CheckResult) -> str:
    """One annotation per failing conflict at each claim from a new source."""
    out = []
    for item in result.failing():
        conflict = item.conflict
        for location in item.annotated():
            properties = {"file": location.path, "line": location.line, "col": location.column,
                          "endLine": location.end_line, "title": f"{conflict.rule} conflict"}
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            out.append(f"::{COMMANDS[conflict.severity]} {joined}::{escape_data(message(item, location))}\n")
    return "".join(out)


def escape_data(text: str) -> str:
    """Escape a command's message (the runner's escapeData); other control characters are shown, not sent."""
    return clean(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a command's property value (the runner's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
