"""What ``consistency report`` shows on the terminal: a progress bar on large corpora, then a summary."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from .compare import describe
from .pipeline import Run, run
from .load import find_articles
from .models import Report
from .report.markdown import skipped
from .rules import Rule
from .safetext import clean

PROGRESS_FROM = 200  # articles; below this a run takes about a second and a bar is noise


def run_with_progress(paths: list[Path], rules_dir: Path | None, rules: list[Rule] | None = None,
                      settings: str | None = None) -> Run:
    """Run the pipeline, with a progress bar on stderr when the corpus is large and stderr is a terminal."""
    total = len(find_articles(paths))
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return run(paths, rules_dir, rules=rules, settings=settings)
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Extracting claims", total=total)
        return run(paths, rules_dir, progress=lambda _source: progress.advance(task), rules=rules, settings=settings)


def print_summary(report: Report, written: list[Path], top: int = 5) -> None:
    """Counts, the most severe conflicts, and where the files went."""
    console = Console(highlight=False)
    console.print(
        f"{len(report.sources)} sources, {len(report.claims)} claims, {len(report.topics)} topics: "
        f"[bold]{len(report.conflicts)} conflicts[/bold], {len(report.agreements)} agreements"
    )
    if line := skipped(report):
        console.print(f"  {line}", markup=False)
    claims = {c.id: c for c in report.claims}
    sources = {s.name: s for s in report.sources}
    for conflict in report.conflicts[:top]:
        colour = {"error": "red", "warning": "yellow", "info": "blue"}[conflict.severity]
        explanation = escape(clean(conflict.explanation))  # article text: neither rich markup nor terminal codes
        console.print(f"  [{colour}]{conflict.severity:7}[/{colour}] {conflict.rule} {explanation}", markup=True)
    if len(report.conflicts) > top:
        console.print(f"  ... and {len(report.conflicts) - top} more")
    for path in written:
        console.print(f"wrote {clean(str(path))}", markup=False)
