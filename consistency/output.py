"""Claims rendered for ``consistency extract``: a terminal table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

from .models import Claim, Source
from .report.atomic import atomic_write
from .report.csv import render_rows
from .report.flat import claim_row
from .safetext import clean

# The terminal table's columns (of the flat claim row) and their headings: what fits a screen.
TABLE_COLUMNS = {
    "source": "source",
    "text": "text",
    "kind": "kind",
    "value.low": "low",
    "value.high": "high",
    "value.qualifier": "qualifier",
    "unit": "unit",
    "measure": "measure",
    "subject": "subject",
    "location": "location",
    "as_of.start": "as_of_start",
    "as_of.scope": "scope",
    "attribution": "attribution",
}


def render_claims(claims: list[Claim], fmt: str, sources: Iterable[Source] = (), color: bool = False) -> str:
    """Claims as text in ``fmt`` (table, json, jsonl, csv); ``sources`` give the CSV its outlet and date columns."""
    if fmt == "json":
        return json.dumps([c.model_dump(mode="json") for c in claims], indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in claims)
    by_name = {source.name: source for source in sources}
    rows = [claim_row(claim, by_name.get(claim.source)) for claim in claims]
    if fmt == "csv":
        return render_rows(rows)
    return _table(rows, color)


def _table(rows: list[dict], color: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for heading in TABLE_COLUMNS.values():
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*(_shown(row[column]) for column in TABLE_COLUMNS))
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=color, no_color=not color, width=200).print(table)
    return buffer.getvalue()


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return clean("; ".join(map(str, value)) if isinstance(value, list) else str(value))


def write_text(path: Path, text: str) -> None:
    """Write the rendering to a file the user named: atomically, or in place if it is a device or FIFO."""
    atomic_write(path, text, follow=True)
