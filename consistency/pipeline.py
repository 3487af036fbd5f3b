"""The whole job as one call: sources -> claims -> topics -> findings -> Report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .compare import compare_topics
from .config import describe_folders, rule_folders
from .engine import assemble, compare_in_parallel, extract_sources, safe_extract
from .errors import ConsistencyError
from .extract.lexicon import default_lexicon
from .group import group_claims, related_to
from .load import load_sources
from .models import Claim, Report, Rule, Source, Unreadable
from .rules import load_layered_rules

if TYPE_CHECKING:
    from .cache import ClaimCache


@dataclass
class Run:
    """A report and what went wrong on the way (unreadable sources, warnings)."""

    report: Report
    problems: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def analyse(
    sources: list[Source],
    rules: list[Rule],
    rules_dir: Path | None = None,
    progress: Callable[[Source], None] | None = None,
    cache: ClaimCache | None = None,
    focus: set[str] | None = None,
    problems: list[ConsistencyError] | None = None,
    jobs: int = 1,
    stage: Callable[[str], None] | None = None,
) -> Report:
    """Extract (or take from ``cache``), group and compare the claims of already loaded sources.

    With ``focus`` (source names), only pairs with a claim from one of them are compared: a CI check of
    one new article does not re-compare the archive with itself. A source the extractor fails on is left out,
    with a line in ``problems``: one bad article never loses the others' results. ``jobs`` processes extract
    (see engine.py); ``stage`` is told when grouping and comparing begin.
    """
    failed: dict[str, ConsistencyError] = {}  # source name -> why the extractor skipped it
    if focus is None:
        claims = []
        for source, found in extract_sources(sources, rules_dir, jobs, cache):
            if isinstance(found, str):
                failed[source.name] = ConsistencyError(source.path, found)
                continue
            claims += found
            if progress:
                progress(source)
    else:
        sources, claims = _focused_claims(sources, rules_dir, progress, cache, focus, failed)
    if failed and problems is None:
        raise next(iter(failed.values()))
    if problems is not None:
        problems += failed.values()
    sources = [source for source in sources if source.name not in failed]
    if stage:
        stage("group")
    by_id = {c.id: c for c in claims}
    topics = group_claims(claims)
    if stage:
        stage("compare")
    if focus is None:
        findings = compare_in_parallel(topics, by_id, rules, {s.name: s for s in sources}, jobs)
    else:
        findings = compare_topics(topics, by_id, rules, {s.name: s for s in sources}, focus)
    return assemble(sources, claims, findings.counted(topics), findings.conflicts, findings.agreements, rules)


def _focused_claims(
    sources: list[Source],
    rules_dir: Path | None,
    progress: Callable[[Source], None] | None,
    cache: ClaimCache | None,
    focus: set[str],
    failed: dict[str, ConsistencyError],
) -> tuple[list[Source], list[Claim]]:
    """Claims for a check of a few new sources: the archive's cached claims only where they can meet theirs."""
    lexicon = None  # loaded on the first cache miss: a warm CI check never needs it
    claims: list[Claim] = []
    keep = None
    if cache:
        # The new sources first: the archive's cached claims are then read only where they can meet theirs.
        sources = sorted(sources, key=lambda s: s.name not in focus)
    for source in sources:
        if keep is None and cache and source.name not in focus:
            keep = related_to(claims)
        # A new article is always extracted afresh: anyone can write a cache row (its checksum is no signature).
        found = cache.get(source, keep, fresh=source.name in focus) if cache else None
        if found is None:
            lexicon = lexicon or default_lexicon(rules_dir)
            found = safe_extract(source, lexicon)
            if isinstance(found, str):
                failed[source.name] = ConsistencyError(source.path, found)
                continue
            if cache:
                cache.put(source, found)
        claims += found
        if progress:
            progress(source)
    if cache:
        cache.flush()
    return sources, claims


def run(
    paths: list[Path],
    rules_dir: Path | None = None,
    progress: Callable[[Source], None] | None = None,
    cache: ClaimCache | None = None,
    focus: set[str] | None = None,
    rules: list[Rule] | None = None,
    settings: str | None = None,
    jobs: int = 1,
    stage: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Run:
    """Load the articles under ``paths``, analyse them under the shipped rules and ``rules_dir``'s over them (or the
    ``rules`` a caller already loaded from them); ``settings`` names where options came from. Editors' decisions
    are the caller's to apply (``review.decisions.with_decisions``). ``engine`` "dask" runs extraction,
    grouping and comparison on a Dask cluster (``scheduler``, else a local one, which uses ``cache``); "local" uses
    up to ``jobs`` processes of this machine."""
    rules = load_layered_rules(rules_dir) if rules is None else rules
    loaded = load_sources(paths)
    problems = list(loaded.problems)
    if engine == "dask":
        from .dask_engine import analyse_on_dask

        report = analyse_on_dask(loaded.sources, rules, rules_dir, scheduler, stage, cache=cache, problems=problems)
    else:
        report = analyse(loaded.sources, rules, rules_dir, progress, cache, focus, problems, jobs, stage)
    report.unreadable = [Unreadable(path=p.path or "", line=p.line, message=p.message) for p in problems]
    report.generated_with["rule_folders"] = describe_folders(rule_folders(rules_dir))
    if settings:
        report.generated_with["settings"] = settings
    return Run(report, problems, list(loaded.warnings))
