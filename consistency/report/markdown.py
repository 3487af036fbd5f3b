"""``report.md``: a summary short enough to paste into a pull-request comment."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..models import Report
from ..safetext import clean
from .atomic import atomic_write

# GitHub comments stay readable up to about this many table rows.
MAX_CONFLICTS = 20
MAX_CORROBORATED = 10  # topics named on the corroboration line, most corroborated first

# Characters that Markdown or the HTML inside it would interpret in article text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
# "@everyone", "@org/team": in a pasted comment a mention notifies people; a zero-width space after "@" keeps it text.
MENTION = re.compile(r"@(?=[A-Za-z0-9])")


def render_markdown(report: Report) -> str:
    """Counts, then a table of conflicts (worst first), then agreements per topic."""
    topics = {topic.id: topic.label for topic in report.topics}
    severities = Counter(conflict.severity for conflict in report.conflicts)
    counts = ", ".join(f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s])
    lines = [
        "## Consistency report",
        "",
        f"{_count(report.sources, 'source')}, {_count(report.claims, 'claim')}, {_count(report.topics, 'topic')}: "
        f"**{_count(report.conflicts, 'conflict')}**"
        + (f" ({counts})" if counts else "")
        + f", {_count(report.agreements, 'agreement')}.",
    ]
    if line := skipped(report):
        lines += ["", line]
    lines += [f"- `{_code(u.path)}{f':{u.line}' if u.line else ''}`: {_cell(u.message)}" for u in report.unreadable]
    if report.conflicts:
        order = {"error": 0, "warning": 1, "info": 2}
        worst = sorted(report.conflicts, key=lambda c: (order[c.severity], c.id))
        lines += ["", "| severity | rule | topic | explanation |", "|---|---|---|---|"]
        lines += [
            f"| {c.severity} | {c.rule} | {_cell(topics.get(c.topic, c.topic))} | {_cell(c.explanation)} |"
            for c in worst[:MAX_CONFLICTS]
        ]
        if len(worst) > MAX_CONFLICTS:
            lines += ["", f"…and {len(worst) - MAX_CONFLICTS} more in report.html."]
    if report.agreements:
        agreed = Counter(topics.get(a.topic, a.topic) for a in report.agreements)
        named = sorted(sorted(agreed.items()), key=lambda item: -item[1])[:MAX_CORROBORATED]
        more = f"; and {len(agreed) - len(named)} more topics" if len(agreed) > len(named) else ""
        lines += ["", "**Corroborated:** " + "; ".join(f"{_cell(label)} ({n})" for label, n in named) + more]
    if report.unchecked:
        reasons = Counter(u.reason.split(":")[0] for u in report.unchecked)
        lines += [
            "",
            f"**Not compared** for want of context: {_count(report.unchecked, 'claim')} ("
            + ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items()))
            + ").",
        ]
    return "\n".join(lines) + "\n"


def skipped(report: Report) -> str:
    """What the listing leaves out: conflicts beyond the per-claim cap, articles that could not be read."""
    parts = []
    if unlisted := sum(topic.unlisted_conflicts for topic in report.topics):
        parts.append(f"{unlisted} more conflicting pairs beyond the per-claim listing cap (counted, not listed)")
    if report.unreadable:
        parts.append(f"{_count(report.unreadable, 'article')} could not be read (input-unreadable)")
    return "; ".join(parts) + "." if parts else ""


def _code(text: str) -> str:
    return text.replace("`", "'")


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``report.md``."""
    return [atomic_write(out_dir / "report.md", render_markdown(report))]


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _cell(text: str) -> str:
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", clean(" ".join(text.split())))
    return MENTION.sub("@\u200b", escaped)
