"""Report writers: one module per format, each writing its files atomically into one folder."""

from __future__ import annotations

from collections.abc import Iterable
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from ..errors import ConsistencyError, choose
from ..models import Report
from . import csv, html, json, markdown, sqlite

# Format name -> writer; each writer's `write(report, out_dir)` returns the paths it wrote.
WRITERS = {"html": html.write, "md": markdown.write, "json": json.write, "csv": csv.write, "sqlite": sqlite.write}
FORMATS = tuple(WRITERS)


def write_reports(report: Report, out_dir: Path, formats: Iterable[str] = FORMATS, jobs: int = 1) -> list[Path]:
    """Write the report in each format into ``out_dir`` (created if missing), up to ``jobs`` formats at a time;
    return the files written."""
    formats = list(formats)
    for name in formats:  # check all before writing any
        choose("--format", name, FORMATS)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConsistencyError(out_dir, f"cannot create the report folder: {err.strerror}") from None
    names = list(dict.fromkeys(formats))
    if jobs > 1 and len(names) > 1 and len(report.claims) >= PARALLEL_FROM and "fork" in get_all_start_methods():
        return _write_in_parallel(report, out_dir, names, jobs)
    written: list[Path] = []
    for name in names:
        written += WRITERS[name](report, out_dir)
    return written


# Claims from which the formats are written in worker processes: each writer takes seconds on a large report.
PARALLEL_FROM = 5000
_forked_report: Report | None = None


def _write_in_parallel(report: Report, out_dir: Path, names: list[str], jobs: int) -> list[Path]:
    """Each format in a forked worker, which inherits the report instead of receiving a copy of it."""
    global _forked_report
    _forked_report = report
    try:
        with get_context("fork").Pool(min(jobs, len(names))) as pool:
            # Slowest first, so the last to start is a quick one.
            order = sorted(names, key=lambda n: SLOWEST_FIRST.index(n) if n in SLOWEST_FIRST else len(SLOWEST_FIRST))
            done = dict(zip(order, pool.map(_write_one, [(name, out_dir) for name in order], chunksize=1), strict=True))
    finally:
        _forked_report = None
    for outcome in done.values():
        if isinstance(outcome, tuple):  # a writer's error, raised here as the serial run raises it
            raise ConsistencyError(*outcome)
    return [path for name in names for path in done[name]]


SLOWEST_FIRST = ["html", "csv", "sqlite", "json", "md"]


def _write_one(task: tuple[str, Path]) -> list[Path] | tuple:
    name, out_dir = task
    try:
        return WRITERS[name](_forked_report, out_dir)
    except ConsistencyError as err:  # its pickled form loses the path and line: sent back as plain values
        return (err.path, err.message, err.line)
