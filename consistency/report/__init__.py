"""Report writers: one module per format, each writing its files atomically into one folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import ConsistencyError, choose
from ..models import Report
from . import csv, html, json, markdown, sqlite

# Format name -> writer; each writer's `write(report, out_dir)` returns the paths it wrote.
WRITERS = {"html": html.write, "md": markdown.write, "json": json.write, "csv": csv.write, "sqlite": sqlite.write}
FORMATS = tuple(WRITERS)


def write_reports(report: Report, out_dir: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the report in each format into ``out_dir`` (created if missing); return the files written."""
    formats = list(formats)
    for name in formats:  # check all before writing any
        choose("--format", name, FORMATS)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConsistencyError(out_dir, f"cannot create the report folder: {err.strerror}") from None
    written: list[Path] = []
    for name in dict.fromkeys(formats):
        written += WRITERS[name](report, out_dir)
    return written
