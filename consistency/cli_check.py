"""The body of ``consistency check``: run the gate, write each format where it goes, choose the exit code."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

import click

from .cache import open_cache
from .check import check
from .gate import render
from .gate.baseline import read_baseline, shrink_baseline, write_baseline
from .gate.git import tracked
from .gate.github import step_summary
from .gate.text import summarize
from .options import Destination, Project, no_articles
from .report.atomic import atomic_write


def run_check(
    project: Project,
    path: Path,
    *,
    since: str | None,
    baseline: Path | None,
    new_baseline: Path | None,
    update_baseline: bool,
    fail_on: str,
    destinations: list[Destination],
    output: Path | None,
    max_annotations: int,
    cache_dir: Path | None,
    strict: bool,
) -> int:
    """Run the gate over ``path`` and write its result; return the exit code (0 pass, 1 fail, 2 input error)."""
    if cache_dir is not None and tracked(cache_dir):
        # A committed cache is whatever the pull request wrote into it: claims it could have emptied.
        project.warn(f"{cache_dir}: the claims cache is tracked by git, so it is ignored (remove it from git)")
        cache_dir = None
    with nullcontext() if cache_dir is None else open_cache(cache_dir, project.rules_dir) as cache:
        if cache and cache.problem:
            project.warn(cache.problem)
        checked = check(
            path, project.rules_dir, since, baseline, fail_on, cache, project.settings.describe(), project.rules
        )
    project.tell(checked.run.problems, checked.warnings)
    if cache and cache.stats.hits:
        project.note(f"{cache.stats.misses} sources extracted, {cache.stats.hits} from the cache")
    report = checked.run.report
    if not report.sources:
        if not checked.run.problems:
            no_articles([path])
        return 2
    input_error = bool(checked.unreadable or (strict and checked.run.problems))
    if new_baseline:
        claims = {claim.id: claim for claim in report.claims}
        write_baseline(new_baseline, report.conflicts, claims, {u.topic: u.count for u in checked.result.unlisted})
        project.note(f"wrote {new_baseline} ({len(report.conflicts)} conflicts)")
        return 2 if input_error else 0
    if update_baseline and baseline:
        kept = shrink_baseline(baseline, read_baseline(baseline), checked.result)
        project.note(f"updated {baseline}: {kept} entries kept, {len(checked.result.resolved)} resolved ones dropped")
    for fmt, file in destinations:
        text = render(checked.result, fmt, max_annotations)
        target = file or output
        if target and str(target) != "-":
            atomic_write(target, text, follow=True)  # a FIFO or /dev/stdout is written in place
        else:
            click.echo(text, nl=False)
    if "github" in dict(destinations) and (summary_path := os.environ.get("GITHUB_STEP_SUMMARY")):
        # GitHub shows the step summary on the run's page; every step appends its own part.
        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                summary.write(step_summary(checked.result))
        except OSError as err:  # a lost summary must not hide the gate's verdict
            project.warn(f"{summary_path}: cannot write the job summary: {err.strerror}")
    if output or any(file for _, file in destinations) or [fmt for fmt, _ in destinations] != ["text"]:
        project.note(summarize(checked.result))
    # An article the gate had to check but could not read is an input error, whatever else was found.
    return 2 if input_error else 1 if checked.result.failed else 0
