"""The whole job as one call: sources -> claims -> topics -> findings -> Report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .compare import compare_topics
from .config import describe_folders, rule_folders
from .engine import assemble, compare_in_parallel, extract_sources, extracted_or_failed, safe_extract
from .errors import ConsistencyError
from .extract.lexicon import default_lexicon
from .group import group_claims, related_to
from .load import load_sources
from .models import Claim, Report, Rule, Source, Unreadable
from .rules import load_layered_rules
from .story import learn_from_story

if TYPE_CHECKING:
    from .cache import ClaimCache


@dataclass
class Run:
    """A report and what went wrong on the way (unreadable sources, warnings)."""

    report: Report
    problems: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RunOptions:
    """How ``run`` and ``analyse`` go. With ``focus`` (source names), only pairs with a claim from one of them are
    compared: a CI check of one new article does not re-compare the archive with itself."""

    rules_dir: Path | None = None  # the project's rules folder, layered over the shipped rules and vocabulary
    cache: ClaimCache | None = None
    focus: set[str] | None = None
    jobs: int = 1  # processes that extract and compare (see engine.py)
    progress: Callable[[Source], None] | None = None  # told of each source extracted
    stage: Callable[[str], None] | None = None  # told when grouping and comparing begin
    # "dask": extract, group and compare on the Dask cluster at ``scheduler`` (else a local one, which uses ``cache``);
    # ``focus``, ``jobs`` and ``progress`` are the local engine's.
    engine: str = "local"
    scheduler: str | None = None


def analyse(
    sources: list[Source],
    rules: list[Rule],
    options: RunOptions = RunOptions(),
    problems: list[ConsistencyError] | None = None,
) -> Report:
    """Extract (or take from the cache), group and compare the claims of already loaded sources.

    A source the extractor fails on is left out, with a line in ``problems``: one bad article never loses the
    others' results.
    """
    if options.engine == "dask":
        from .dask_engine import analyse_on_dask

        return analyse_on_dask(
            sources, rules, options.rules_dir, options.scheduler, options.stage, cache=options.cache, problems=problems
        )
    failed: dict[str, ConsistencyError] = {}  # source name -> why the extractor skipped it
    if options.focus is None:
        claims = []
        extracted = extract_sources(sources, options.rules_dir, options.jobs, options.cache)
        for source, found in extracted_or_failed(extracted, failed):
            claims += found
            if options.progress:
                options.progress(source)
    else:
        sources, claims = _focused_claims(sources, options, options.focus, failed)
    if failed and problems is None:
        raise next(iter(failed.values()))
    if problems is not None:
        problems += failed.values()
    sources = [source for source in sources if source.name not in failed]
    claims = learn_from_story(claims, {s.name: s for s in sources})
    if options.stage:
        options.stage("group")
    by_id = {c.id: c for c in claims}
    topics = group_claims(claims)
    if options.stage:
        options.stage("compare")
    if options.focus is None:
        findings = compare_in_parallel(topics, by_id, rules, {s.name: s for s in sources}, options.jobs)
    else:
        findings = compare_topics(topics, by_id, rules, {s.name: s for s in sources}, options.focus)
    return assemble(sources, claims, findings.counted(topics), findings.conflicts, findings.agreements, rules)


def _focused_claims(
    sources: list[Source], options: RunOptions, focus: set[str], failed: dict[str, ConsistencyError]
) -> tuple[list[Source], list[Claim]]:
    """Claims for a check of a few new sources: the archive's cached claims only where they can meet theirs."""
    lexicon = None  # loaded on the first cache miss: a warm CI check never needs it
    claims: list[Claim] = []
    keep = None
    cache = options.cache
    if cache:
        # The new sources first: the archive's cached claims are then read only where they can meet theirs.
        sources = sorted(sources, key=lambda s: s.name not in focus)
    for source in sources:
        if keep is None and cache and source.name not in focus:
            keep = related_to(claims)
        # A new article is always extracted afresh: anyone can write a cache row (its checksum is no signature).
        found = cache.get(source, keep, fresh=source.name in focus) if cache else None
        if found is None:
            lexicon = lexicon or default_lexicon(options.rules_dir)
            found = safe_extract(source, lexicon)
            if isinstance(found, str):
                failed[source.name] = ConsistencyError(source.path, found)
                continue
            if cache:
                cache.put(source, found)
        claims += found
        if options.progress:
            options.progress(source)
    if cache:
        cache.flush()
    return sources, claims


def run(
    paths: list[Path],
    options: RunOptions = RunOptions(),
    rules: list[Rule] | None = None,
    settings: str | None = None,
) -> Run:
    """Load the articles under ``paths`` and analyse them under the shipped rules and ``options.rules_dir``'s over
    them (or the ``rules`` a caller already loaded from them); ``settings`` names where options came from. Editors'
    decisions are the caller's to apply (``review.decisions.with_decisions``)."""
    rules = load_layered_rules(options.rules_dir) if rules is None else rules
    loaded = load_sources(paths)
    problems = list(loaded.problems)
    report = analyse(loaded.sources, rules, options, problems)
    report.unreadable = [Unreadable(path=p.path or "", line=p.line, message=p.message) for p in problems]
    report.generated_with["rule_folders"] = describe_folders(rule_folders(options.rules_dir))
    if settings:
        report.generated_with["settings"] = settings
    return Run(report, problems, list(loaded.warnings))
