"""Claims rendered for ``consistency extract``: a terminal table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import io
import json
from pathlib import Path

from .models import Claim
from .report.atomic import atomic_write
from .safetext import clean

CSV_COLUMNS = [
    "id",
    "source",
    "start",
    "end",
    "kind",
    "text",
    "low",
    "high",
    "qualifier",
    "unit",
    "measure",
    "subject",
    "location",
    "as_of_start",
    "as_of_end",
    "scope",
    "event",
    "attribution",
    "modality",
]


def flat(claim: Claim) -> dict:
    """One claim as a flat row (nested value and as_of spread into columns)."""
    value = claim.value
    return {
        "id": claim.id,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "text": claim.text,
        "low": value.low if value else None,
        "high": value.high if value else None,
        "qualifier": value.qualifier if value else None,
        "unit": claim.unit,
        "measure": claim.measure,
        "subject": claim.subject,
        "location": ";".join(claim.location),
        "as_of_start": claim.as_of.start.isoformat() if claim.as_of.start else None,
        "as_of_end": claim.as_of.end.isoformat() if claim.as_of.end else None,
        "scope": claim.as_of.scope,
        "event": claim.event,
        "attribution": claim.attribution,
        "modality": claim.modality,
    }


def render_claims(claims: list[Claim], fmt: str, color: bool = False) -> str:
    """Claims as text in ``fmt`` (table, json, jsonl, csv)."""
    if fmt == "json":
        return json.dumps([c.model_dump(mode="json") for c in claims], indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in claims)
    import pandas as pd

    frame = pd.DataFrame([flat(c) for c in claims], columns=CSV_COLUMNS)
    if fmt == "csv":
        return frame.to_csv(index=False)
    return _table(frame, color)


def _table(frame, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    columns = [
        "source",
        "text",
        "kind",
        "low",
        "high",
        "qualifier",
        "unit",
        "measure",
        "subject",
        "location",
        "as_of_start",
        "scope",
        "attribution",
    ]
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in frame[columns].itertuples(index=False):
        table.add_row(
            *("" if v is None or v != v else f"{v:g}" if isinstance(v, float) else clean(str(v)) for v in row)
        )
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=color, no_color=not color, width=200).print(table)
    return buffer.getvalue()


def write_text(path: Path, text: str) -> None:
    """Write the rendering to a file the user named: atomically, or in place if it is a device or FIFO."""
    atomic_write(path, text, follow=True)
