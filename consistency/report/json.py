"""``report.json``: the contract of PRODUCT.md, straight from the models."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..models import Report
from .atomic import atomic_write

ITEM_INDENT = "\n    "  # an item of a top-level list sits two levels deep


def render_json(report: Report) -> Iterator[str]:
    """The report as JSON (sources, claims, topics, conflicts, agreements, ...), piece by piece: the same text as
    ``json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)`` and a newline, without ever
    holding the whole report as dicts or as one string (over thousands of articles, most of a run's memory)."""
    yield "{"
    for number, name in enumerate(Report.model_fields):
        value = getattr(report, name)
        yield f"{',' if number else ''}\n  {json.dumps(name)}: "
        if not isinstance(value, list):
            yield json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        elif not value:
            yield "[]"
        else:
            for index, item in enumerate(value):
                text = json.dumps(item.model_dump(mode="json"), indent=2, ensure_ascii=False)
                yield ("," if index else "[") + ITEM_INDENT + text.replace("\n", ITEM_INDENT)
            yield "\n  ]"
    yield "\n}\n"


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``report.json``."""
    return [atomic_write(out_dir / "report.json", render_json(report))]
