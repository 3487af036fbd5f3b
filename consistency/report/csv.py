"""``claims.csv``: the full claim table, one row per claim; ``extract --format csv`` writes the same rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..models import Report
from .atomic import atomic_write
from .flat import claim_columns, claim_rows

# A cell starting with one of these runs as a formula in spreadsheet apps
# (CSV injection); article text is untrusted, so such cells get a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report) -> str:
    """The claim table as CSV with a header row; lists are joined with '; '."""
    return render_rows(claim_rows(report))


def render_rows(rows: Iterable[dict[str, Any]], header: bool = True) -> str:
    """Flat claim rows (``flat.claim_row``) as CSV lines, after a header row unless ``header`` is false."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=claim_columns(), lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({column: csv_cell(value) for column, value in row.items()})
    return buffer.getvalue()


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``claims.csv``."""
    return [atomic_write(out_dir / "claims.csv", render_csv(report))]


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: a list joined with '; ', text that would run as a formula quoted."""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
