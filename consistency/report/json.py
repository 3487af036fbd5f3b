"""``report.json``: the contract of PRODUCT.md, straight from the models."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import Report
from .atomic import atomic_write


def render_json(report: Report) -> str:
    """The report as JSON: sources, claims, topics, conflicts, agreements, generated_with."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``report.json``."""
    return [atomic_write(out_dir / "report.json", render_json(report))]
