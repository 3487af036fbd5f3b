"""What ``consistency report`` shows on the terminal: a progress bar on large corpora, then a summary."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from .load import find_articles
from .models import Report, Rule
from .pipeline import Run, RunOptions, run
from .report.markdown import skipped
from .safetext import clean

PROGRESS_FROM = 200  # articles; below this a run takes about a second and a bar is noise
STAGE_LABELS = {
    "extract": "Extracting claims",
    "group": "Grouping claims into topics",
    "compare": "Comparing claims",
    "write": "Writing reports",
}


class Stages:
    """Progress of a long run on stderr, one line per stage (extract, group, compare, write); silent off a terminal."""

    def __init__(self, total: int) -> None:
        self.progress: Progress | None = None
        if total >= PROGRESS_FROM and sys.stderr.isatty():
            # Standard output is left alone: it may be the claims being streamed to a file.
            self.progress = Progress(console=Console(stderr=True), transient=True, redirect_stdout=False)
        self.total = total
        self.task = None
        self.size: int | None = None  # None while extracting: its line counts articles

    def __enter__(self) -> Stages:
        if self.progress:
            self.progress.start()
            self.task = self.progress.add_task(STAGE_LABELS["extract"], total=self.total)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self, _source: object = None) -> None:
        """One more article extracted."""
        if self.progress:
            self.progress.advance(self.task)

    def stage(self, name: str) -> None:
        """The previous stage is done; ``name`` begins (its length unknown)."""
        if not self.progress or name == "extract":  # extraction's line is there from the start
            return
        size = self.total if self.size is None else 1
        self.progress.update(self.task, total=size, completed=size)
        self.task = self.progress.add_task(STAGE_LABELS[name], total=None)
        self.size = 1


def run_with_progress(
    paths: list[Path],
    options: RunOptions,
    rules: list[Rule] | None = None,
    settings: str | None = None,
    stages: Stages | None = None,
) -> Run:
    """Run the pipeline (as ``pipeline.run``), showing its stages on ``stages``, else on a progress display of its
    own when the corpus is large and stderr is a terminal."""
    if stages is None:
        with Stages(len(find_articles(paths))) as own:
            return run_with_progress(paths, options, rules, settings, own)
    return run(paths, replace(options, progress=stages.advance, stage=stages.stage), rules, settings)


def print_summary(report: Report, written: list[Path], top: int = 5) -> None:
    """Counts, the most severe conflicts, and where the files went."""
    console = Console(highlight=False)
    console.print(
        f"{len(report.sources)} sources, {len(report.claims)} claims, {len(report.topics)} topics: "
        f"[bold]{len(report.conflicts)} conflicts[/bold], {len(report.agreements)} agreements"
    )
    if line := skipped(report):
        console.print(f"  {line}", markup=False)
    for conflict in report.conflicts[:top]:
        colour = {"error": "red", "warning": "yellow", "info": "blue"}[conflict.severity]
        explanation = escape(clean(conflict.explanation))  # article text: neither rich markup nor terminal codes
        console.print(f"  [{colour}]{conflict.severity:7}[/{colour}] {conflict.rule} {explanation}", markup=True)
    if len(report.conflicts) > top:
        console.print(f"  ... and {len(report.conflicts) - top} more")
    for path in written:
        console.print(f"wrote {clean(str(path))}", markup=False)
