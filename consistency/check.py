"""``consistency check``: the CI gate.

A conflict fails the gate when at least one of its claims comes from a source
added or changed since ``--since`` and either an editor confirmed it, or it is
at or above ``--fail-on``, its fingerprint is not in the ``--baseline`` and no
editor dismissed it. Conflicts beyond the per-claim listing cap that touch a new
source fail too (unless ``--fail-on none``, or the baseline counted as many on
their topic): a new article that contradicts a much-contradicted claim of the
archive must not pass because the archive already fills that claim's listing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .cache import ClaimCache
from .config import display
from .errors import ConsistencyError
from .gate.baseline import Baseline, read_baseline
from .gate.git import changed_since, file_at
from .models import (
    CheckResult,
    Claim,
    ClaimLocation,
    Conflict,
    GateConflict,
    GateStatus,
    Report,
    Rule,
    Source,
    Unlisted,
)
from .pipeline import Run, RunOptions, run
from .review.decisions import DECISIONS_FILE, with_decisions
from .rules import load_layered_rules
from .severity import Severity, severity_rank
from .version import __version__


@dataclass
class Checked:
    """A gate's result, the run behind it, and the sources it had to check but could not read."""

    result: CheckResult
    run: Run
    unreadable: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(
    folder: Path,
    rules_dir: Path | None = None,
    since: str | None = None,
    baseline: Path | None = None,
    fail_on: Severity | Literal["none"] = "warning",
    cache: ClaimCache | None = None,
    settings: str | None = None,
    rules: list[Rule] | None = None,
) -> Checked:
    """Run the pipeline over ``folder`` (under ``rules`` already loaded from ``rules_dir``, if given) and decide which
    conflicts fail the gate."""
    loaded_rules = load_layered_rules(rules_dir) if rules is None else rules  # a bad rule file stops us before git
    described = {rule.code: rule.description for rule in loaded_rules}
    new = changed_since(folder, since) if since else None
    known = read_baseline(baseline) if baseline else None
    # Only dismissals already in the log at --since count: a change cannot dismiss its own conflicts.
    reviewed = None
    if since:
        reviewed = {line.strip() for line in file_at(folder, since, DECISIONS_FILE.as_posix()).split("\n")}
    done = run([folder], RunOptions(rules_dir, cache, focus=new), loaded_rules, settings)
    done = with_decisions(done, [folder], reviewed)
    result = gate(done.report, fail_on, new, known)
    result.since, result.baseline = since, str(baseline) if baseline else None
    if known is not None and new is None:  # with --since the archive's own conflicts are not compared
        result.resolved = sorted(known.ids() - {conflict.id for conflict in done.report.conflicts})
    result.unreadable = [u.model_copy(update={"path": display(Path(u.path))}) for u in done.report.unreadable]
    found = sorted({c.conflict.rule for c in result.conflicts})
    result.rules = {code: described[code] for code in found if code in described}
    unreadable = [p for p in done.problems if new is None or _name(p.path, folder) in new]
    # Warnings about articles nobody touched would bury the ones about the new article.
    quiet = {w for s in done.report.sources if new is not None and s.name not in new for w in s.warnings}
    return Checked(result, done, unreadable, [w for w in done.warnings if w not in quiet])


def _name(path: str | None, folder: Path) -> str | None:
    try:
        return Path(path).relative_to(folder).as_posix() if path else None
    except ValueError:
        return None


def gate(
    report: Report,
    fail_on: Severity | Literal["none"],
    new_sources: set[str] | None = None,
    known: Baseline | None = None,
) -> CheckResult:
    """Each conflict of ``report`` with its gate status; ``new_sources`` None means every source is new."""
    sources = {s.name: s for s in report.sources}
    claims = {c.id: c for c in report.claims}
    is_new = (lambda name: True) if new_sources is None else (lambda name: name in new_sources)
    involved = {c.source for conflict in report.conflicts for i in conflict.claims if (c := claims.get(i))}
    paths = {name: display(sources[name].path) for name in involved | {n for n in sources if is_new(n)}}
    decided = []
    for conflict in report.conflicts:
        members = [claims[i] for i in conflict.claims if i in claims]
        locations = [
            locate(sources[c.source], c, paths[c.source], is_new(c.source), bool(known and known.knows(c)))
            for c in members
            if c.source in sources
        ]
        # New claims first: SARIF viewers and CI annotate a result's first location.
        locations.sort(key=lambda location: not location.new)
        status = _status(conflict, locations, fail_on, known.ids() if known else set())
        decided.append(GateConflict(conflict=conflict, status=status, locations=locations))
    counted = known.unlisted if known else {}
    unlisted = []
    for topic in (t for t in report.topics if t.unlisted_conflicts):
        candidates = [claims[c] for c in topic.claims if c in claims and is_new(claims[c].source)]
        # Point at a claim no known conflict holds: without --since, that is where the new text most likely is.
        new = next((c for c in candidates if not (known and known.knows(c))), candidates[0] if candidates else None)
        if new is not None:
            failing = 0 if fail_on == "none" else max(0, topic.unlisted_conflicts - counted.get(topic.id, 0))
            at = locate(sources[new.source], new, display(sources[new.source].path), True)
            unlisted.append(Unlisted(topic=topic.id, count=topic.unlisted_conflicts, failing=failing, at=at))
    return CheckResult(
        unlisted=unlisted,
        fail_on=fail_on,
        new_sources=sorted(name for name in sources if is_new(name)),
        paths={name: paths[name] for name in sorted(sources) if is_new(name)},
        conflicts=decided,
        generated_with=report.generated_with or {"consistency": __version__},
    )


def _status(conflict: Conflict, locations: list[ClaimLocation], fail_on: str, known: set[str]) -> GateStatus:
    if not any(location.new for location in locations):
        return "unchanged"
    if getattr(conflict, "status", None) == "confirmed":  # an editor said it is real: no baseline or threshold hides it
        return "fails"
    if conflict.id in known:
        return "known"
    if getattr(conflict, "status", None) == "dismissed":  # an editor reviewed it
        return "dismissed"
    if severity_rank(conflict.severity) < severity_rank(fail_on):
        return "below_threshold"
    return "fails"


def locate(source: Source, claim: Claim, path: str, new: bool, in_baseline: bool = False) -> ClaimLocation:
    """The 1-based line and column where a claim starts and ends in its file."""
    line, column = position(source.text, claim.start)
    end_line, end_column = position(source.text, claim.end)
    return ClaimLocation(
        claim=claim.id,
        source=source.name,
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=claim.text,
        new=new,
        in_baseline=in_baseline,
    )


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both 1-based, of a character offset; the text's line breaks are already '\\n'."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
