"""The whole job as one call: sources -> claims -> topics -> findings -> Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import __version__
from .compare import compare_topics
from .errors import ConsistencyError
from .extract import extract_claims
from .config import describe_folders, rule_folders
from .extract.lexicon import default_lexicon
from .group import group_claims, related_to, unchecked_reason
from .load import load_sources
from .models import Claim, Report, Source, Unchecked, Unreadable
from .review.decisions import apply_decisions, decisions_path, read_log
from .rules import Rule, load_layered_rules

if TYPE_CHECKING:
    from .cache import ClaimCache


@dataclass
class Run:
    """A report and what went wrong on the way (unreadable sources, warnings)."""

    report: Report
    problems: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def analyse(sources: list[Source], rules: list[Rule], rules_dir: Path | None = None,
            progress: Callable[[Source], None] | None = None, cache: ClaimCache | None = None,
            focus: set[str] | None = None, problems: list[ConsistencyError] | None = None) -> Report:
    """Extract (or take from ``cache``), group and compare the claims of already loaded sources.

    With ``focus`` (source names), only pairs with a claim from one of them are compared: a CI check of
    one new article does not re-compare the archive with itself. A source the extractor fails on is left out,
    with a line in ``problems``: one bad article never loses the others' results.
    """
    lexicon = None  # loaded on the first cache miss: a warm CI check never needs it
    claims: list[Claim] = []
    failed: set[str] = set()
    keep = None
    if focus is not None and cache:
        # The new sources first: the archive's cached claims are then read only where they can meet theirs.
        sources = sorted(sources, key=lambda s: s.name not in focus)
    for source in sources:
        if keep is None and focus is not None and cache and source.name not in focus:
            keep = related_to(claims)
        # A new article is always extracted afresh: anyone can write a cache row (its checksum is no signature).
        found = cache.get(source, keep, fresh=focus is not None and source.name in focus) if cache else None
        if found is None:
            lexicon = lexicon or default_lexicon(rules_dir)
            try:
                found = extract_claims(source, lexicon)
            except ConsistencyError:  # a bad alias file or reference table: the configuration, not this article
                raise
            except Exception as err:  # a defect the article triggers; MemoryError and RecursionError included
                if problems is None:
                    raise
                why = f"skipped, the extractor failed on it: {type(err).__name__}"
                problems.append(ConsistencyError(source.path, why))
                failed.add(source.name)
                continue
            if cache:
                cache.put(source, found)
        claims += found
        if progress:
            progress(source)
    if cache:
        cache.flush()
    by_id = {c.id: c for c in claims}
    topics = group_claims(claims)
    findings = compare_topics(topics, by_id, rules, {s.name: s for s in sources}, focus)
    return Report(
        sources=[source for source in sources if source.name not in failed],
        claims=claims,
        topics=topics,
        conflicts=findings.conflicts,
        agreements=findings.agreements,
        unchecked=[Unchecked(claim=c.id, reason=reason) for c in claims if (reason := unchecked_reason(c))],
        generated_with={"consistency": __version__, "rules": ",".join(r.code for r in rules)},
    )


def run(paths: list[Path], rules_dir: Path | None = None, progress: Callable[[Source], None] | None = None,
        cache: ClaimCache | None = None, focus: set[str] | None = None, rules: list[Rule] | None = None,
        settings: str | None = None, reviewed: set[str] | None = None) -> Run:
    """Load the articles under ``paths``, analyse them under the shipped rules and ``rules_dir``'s over them (or the
    ``rules`` a caller already loaded from them), apply editors' decisions (only the dismissals among the
    ``reviewed`` lines, if given); ``settings`` names where options came from."""
    rules = load_layered_rules(rules_dir) if rules is None else rules
    loaded = load_sources(paths)
    problems = list(loaded.problems)
    report = analyse(loaded.sources, rules, rules_dir, progress, cache, focus, problems)
    report.unreadable = [Unreadable(path=p.path or "", line=p.line, message=p.message) for p in problems]
    report.generated_with["rule_folders"] = describe_folders(rule_folders(rules_dir))
    if settings:
        report.generated_with["settings"] = settings
    warnings = list(loaded.warnings)
    # Decisions live in the corpus (issue 5): the first folder given is the corpus.
    if paths and Path(paths[0]).is_dir():
        log = read_log(decisions_path(paths[0]))
        if reviewed is not None:
            log, dropped = log.without_new_dismissals(reviewed)
            if dropped:
                warnings.append(f"{decisions_path(paths[0])}: {dropped} dismissal(s) added by this change do not count "
                                "until reviewed and merged; their conflicts await review")
        report = apply_decisions(report, log.latest())
        warnings += log.problems
    return Run(report, problems, warnings)
