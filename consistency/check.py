"""``consistency check``: the CI gate (issue 4).

A conflict fails the gate when at least one of its claims comes from a source
added or changed since ``--since`` and either an editor confirmed it, or it is
at or above ``--fail-on``, its fingerprint is not in the ``--baseline`` and no
editor dismissed it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, computed_field

from . import __version__
from .cache import ClaimCache
from .errors import ConsistencyError
from .extract.lexicon import default_rules_dir
from .gate.baseline import Baseline, read_baseline
from .gate.git import changed_since, file_at
from .models import Claim, Conflict, Model, Report, Severity, Source
from .pipeline import Run, run
from .review.decisions import DECISIONS_FILE
from .rules import load_rules

SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}
# Why a conflict does or does not fail the gate, in the order they are decided.
GateStatus = Literal["fails", "unchanged", "known", "dismissed", "below_threshold"]


class ClaimLocation(Model):
    """Where a claim sits: the file as CI names it, and 1-based lines and columns (in characters)."""

    claim: str
    source: str = Field(description="file name relative to the corpus folder")
    path: str = Field(description="the file relative to the working folder, as CI annotates it")
    line: int
    column: int
    end_line: int
    end_column: int = Field(description="the column just after the claim's last character")
    text: str
    new: bool = Field(description="from a source added or changed since --since (every source, without it)")
    in_baseline: bool = Field(False, description="a known conflict of the baseline is made of this claim too")


class GateConflict(Model):
    """A conflict, whether it fails the gate, and where its claims are."""

    conflict: Conflict
    status: GateStatus
    locations: list[ClaimLocation]

    def annotated(self) -> list[ClaimLocation]:
        """The locations CI marks: the claims from new sources, and of those the ones no known conflict holds."""
        new = [location for location in self.locations if location.new]
        return [location for location in new if not location.in_baseline] or new


class CheckResult(Model):
    """What ``consistency check`` decided; free of timestamps, like Report."""

    fail_on: Severity
    since: str | None = None
    baseline: str | None = None
    new_sources: list[str] = Field(description="sources whose conflicts can fail the gate")
    paths: dict[str, str] = Field({}, description="source -> its file as CI names it, for the new sources")
    conflicts: list[GateConflict]
    rules: dict[str, str] = Field({}, description="code -> description of the rules that found the conflicts")
    generated_with: dict[str, str] = {}

    @computed_field
    @property
    def failed(self) -> bool:
        return any(c.status == "fails" for c in self.conflicts)

    def failing(self) -> list[GateConflict]:
        """The conflicts that fail the gate, most severe first."""
        return [c for c in self.conflicts if c.status == "fails"]


@dataclass
class Checked:
    """A gate's result, the run behind it, and the sources it had to check but could not read."""

    result: CheckResult
    run: Run
    unreadable: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(folder: Path, rules_dir: Path | None = None, since: str | None = None, baseline: Path | None = None,
          fail_on: Severity = "warning", cache: ClaimCache | None = None) -> Checked:
    """Run the pipeline over ``folder`` and decide which conflicts fail the gate."""
    rules_dir = rules_dir or default_rules_dir()
    loaded_rules = load_rules(rules_dir)  # a bad rule file stops us before git runs
    rules = {rule.code: rule.description for rule in loaded_rules}
    new = changed_since(folder, since) if since else None
    known = read_baseline(baseline) if baseline else None
    # Only dismissals already in the log at --since count: a change cannot dismiss its own conflicts.
    reviewed = None
    if since:
        reviewed = {line.strip() for line in file_at(folder, since, DECISIONS_FILE.as_posix()).split("\n")}
    done = run([folder], rules_dir, cache=cache, focus=new, rules=loaded_rules, reviewed=reviewed)
    result = gate(done.report, fail_on, new, known)
    result.since, result.baseline = since, str(baseline) if baseline else None
    result.rules = {code: rules[code] for code in sorted({c.conflict.rule for c in result.conflicts}) if code in rules}
    unreadable = [p for p in done.problems if new is None or _name(p.path, folder) in new]
    # Warnings about articles nobody touched would bury the ones about the new article.
    quiet = {w for s in done.report.sources if new is not None and s.name not in new for w in s.warnings}
    return Checked(result, done, unreadable, [w for w in done.warnings if w not in quiet])


def _name(path: str | None, folder: Path) -> str | None:
    try:
        return Path(path).relative_to(folder).as_posix() if path else None
    except ValueError:
        return None


def gate(report: Report, fail_on: Severity, new_sources: set[str] | None = None, known: Baseline | None = None) -> CheckResult:
    """Each conflict of ``report`` with its gate status; ``new_sources`` None means every source is new."""
    sources = {s.name: s for s in report.sources}
    claims = {c.id: c for c in report.claims}
    is_new = (lambda name: True) if new_sources is None else (lambda name: name in new_sources)
    involved = {c.source for conflict in report.conflicts for i in conflict.claims if (c := claims.get(i))}
    paths = {name: display_path(sources[name].path) for name in involved | {n for n in sources if is_new(n)}}
    decided = []
    for conflict in report.conflicts:
        members = [claims[i] for i in conflict.claims if i in claims]
        locations = [locate(sources[c.source], c, paths[c.source], is_new(c.source), bool(known and known.knows(c)))
                     for c in members if c.source in sources]
        # New claims first: SARIF viewers and CI annotate a result's first location.
        locations.sort(key=lambda location: not location.new)
        status = _status(conflict, locations, fail_on, known.ids() if known else set())
        decided.append(GateConflict(conflict=conflict, status=status, locations=locations))
    return CheckResult(
        fail_on=fail_on,
        new_sources=sorted(name for name in sources if is_new(name)),
        paths={name: paths[name] for name in sorted(sources) if is_new(name)},
        conflicts=decided,
        generated_with=report.generated_with or {"consistency": __version__},
    )


def _status(conflict: Conflict, locations: list[ClaimLocation], fail_on: Severity, known: set[str]) -> GateStatus:
    if not any(location.new for location in locations):
        return "unchanged"
    if getattr(conflict, "status", None) == "confirmed":  # an editor said it is real: no baseline or threshold hides it
        return "fails"
    if conflict.id in known:
        return "known"
    if getattr(conflict, "status", None) == "dismissed":  # an editor reviewed it (issue 5)
        return "dismissed"
    if SEVERITY_RANK[conflict.severity] < SEVERITY_RANK[fail_on]:
        return "below_threshold"
    return "fails"


def locate(source: Source, claim: Claim, path: str, new: bool, in_baseline: bool = False) -> ClaimLocation:
    """The 1-based line and column where a claim starts and ends in its file."""
    line, column = position(source.text, claim.start)
    end_line, end_column = position(source.text, claim.end)
    return ClaimLocation(claim=claim.id, source=source.name, path=path, line=line, column=column,
                         end_line=end_line, end_column=end_column, text=claim.text, new=new, in_baseline=in_baseline)


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both 1-based, of a character offset; the text's line breaks are already '\\n'."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def display_path(path: Path) -> str:
    """A path as CI names files: relative to the working folder (the repository root in CI), else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()

