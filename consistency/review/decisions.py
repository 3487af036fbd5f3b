"""Editors' decisions on conflicts: an append-only JSON-lines log in the corpus, and how later runs honour it.

``<corpus>/reviews/decisions.jsonl`` holds one decision a line, in the order they were
made. It is reviewed in pull requests like any other file; its history is the audit
trail. The latest line for a conflict wins, as long as both claims still read as they
did when it was decided.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..errors import ConsistencyError
from ..files import describe, open_regular, read_all, write_all
from ..models import Claim, Conflict, Decision, QuotedClaim, Report, Verdict
from ..report.atomic import fsync_folder

if TYPE_CHECKING:
    from ..pipeline import Run

DECISIONS_FILE = Path("reviews") / "decisions.jsonl"
INSTALLED = frozenset({"site-packages", "dist-packages"})  # where an installed package's files live
MAX_LOG_BYTES = 64 * 1024 * 1024  # a million decisions; more is not an editors' log
MAX_LINE_BYTES = 64 * 1024  # a decision is a verdict, a note and two quoted sentences


@dataclass
class DecisionLog:
    """The decisions in file order (the history) and the lines that could not be read."""

    decisions: list[Decision]
    problems: list[str]
    lines: list[str] = field(default_factory=list)  # each decision's line as written, for without_new_dismissals

    def latest(self) -> dict[str, Decision]:
        """The latest decision per conflict fingerprint."""
        # File order is the order the lock let writers in, so the last line is the latest.
        return {decision.conflict: decision for decision in self.decisions}

    def without_new_dismissals(self, reviewed: set[str]) -> tuple[DecisionLog, int]:
        """The log without the dismissals whose line is not in ``reviewed`` (added by the change under check),
        and how many were dropped: a pull request must not dismiss the conflicts it brings."""
        pairs = zip(self.decisions, self.lines, strict=True)
        kept = [(d, line) for d, line in pairs if d.decision != "dismissed" or line in reviewed]
        dropped = len(self.decisions) - len(kept)
        return DecisionLog([d for d, _ in kept], self.problems, [line for _, line in kept]), dropped

    def history(self, fingerprint: str) -> list[Decision]:
        """Every decision on one conflict, newest first."""
        return [d for d in reversed(self.decisions) if d.conflict == fingerprint]


def decisions_path(corpus_dir: Path) -> Path:
    """Where a corpus keeps its decisions: beside its articles; for the seeds inside an installed package, in the
    current folder (a package's files are not a user's to write)."""
    corpus = Path(corpus_dir)
    if INSTALLED.intersection(corpus.resolve().parts):
        return Path.cwd() / DECISIONS_FILE
    return corpus / DECISIONS_FILE


def read_log(path: Path) -> DecisionLog:
    """Every well-formed decision in ``path`` (none if it is missing); malformed lines are skipped and named.

    The log must be a regular file, reached through no symbolic link: one linked to ``/dev/zero`` or to a
    file outside the corpus is a ConsistencyError, as is a log over MAX_LOG_BYTES.
    """
    if not os.path.lexists(path):
        return DecisionLog([], [])
    descriptor = open_regular(path, os.O_RDONLY, "decisions log", follow=False)
    try:
        # Shared lock: a line being appended right now is read whole or not at all.
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        data = read_all(path, descriptor, MAX_LOG_BYTES, "decisions log")
    finally:
        os.close(descriptor)
    decisions: list[Decision] = []
    problems: list[str] = []
    lines: list[str] = []
    # Split on newlines only: str.splitlines would also break at U+2028 inside a note.
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE_BYTES:
            problems.append(f"{path}:{number}: a line over {MAX_LINE_BYTES:,} bytes is not a decision, skipped")
            continue
        try:
            decisions.append(Decision.model_validate_json(line))
        except ValidationError as err:
            problems.append(f"{path}:{number}: not a decision, skipped ({_first_error(err)})")
            continue
        lines.append(line.decode("utf-8", "replace").strip())
    return DecisionLog(decisions, problems, lines)


def latest_decisions(corpus_dir: Path) -> dict[str, Decision]:
    """The latest decision per conflict fingerprint in a corpus's log."""
    return read_log(decisions_path(corpus_dir)).latest()


def quote_claims(claims: list[Claim]) -> list[QuotedClaim]:
    """The words a decision is about, to store with it."""
    return [QuotedClaim(source=c.source, text=c.text, sentence=c.sentence) for c in claims]


def make_decision(conflict: Conflict, claims: list[Claim], decision: Verdict, note: str, reviewer: str) -> Decision:
    """A decision on ``conflict`` now, quoting its claims as they read now."""
    return Decision(
        conflict=conflict.id,
        decision=decision,
        note=note,
        reviewer=reviewer,
        at=datetime.now(UTC),
        quotes=quote_claims(claims),
    )


def append_decision(path: Path, decision: Decision) -> None:
    """Append one decision as one line, whole and durable, even with other writers at the same time.

    All or nothing: if the disk fills up mid-line, the log is cut back to where it was.
    """
    path = Path(path)
    line = decision.model_dump_json().encode("utf-8") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConsistencyError(path.parent, f"cannot create the reviews folder: {describe(err)}") from None
    created = not os.path.lexists(path)
    descriptor = open_regular(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, "decisions log", follow=False)
    try:
        # One writer at a time, across processes; the lock goes with the descriptor on close.
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        size = os.fstat(descriptor).st_size
        if size and os.pread(descriptor, 1, size - 1) != b"\n":
            # A writer died mid-line (or a hand edit dropped the newline): keep our line separate.
            line = b"\n" + line
        try:
            write_all(descriptor, line)
            os.fsync(descriptor)
        except OSError as err:
            os.ftruncate(descriptor, size)
            raise ConsistencyError(path, f"cannot record the decision: {describe(err)}") from None
    finally:
        os.close(descriptor)
    if created:
        fsync_folder(path.parent)  # the new file's name, not only its bytes


def applies(decision: Decision, claims: list[Claim]) -> bool:
    """Whether a decision still holds: each claim's words and sentence read as they did when decided."""
    return sorted(_words(q.source, q.text, q.sentence) for q in decision.quotes) == sorted(
        _words(c.source, c.text, c.sentence) for c in claims
    )


def apply_decisions(report: Report, decisions: dict[str, Decision]) -> Report:
    """A copy of ``report`` whose conflicts carry the status and note of their latest applicable decision."""
    claims = {claim.id: claim for claim in report.claims}
    conflicts = []
    for conflict in report.conflicts:
        decision = decisions.get(conflict.id)
        if decision and applies(decision, [claims[i] for i in conflict.claims if i in claims]):
            conflict = conflict.model_copy(update={"status": decision.decision, "review_note": decision.note or None})
        else:  # undecided, or the words changed since: an editor has to look again
            conflict = conflict.model_copy(update={"status": "open", "review_note": None})
        conflicts.append(conflict)
    return report.model_copy(update={"conflicts": conflicts})


def with_decisions(done: Run, paths: Sequence[Path], reviewed: set[str] | None = None) -> Run:
    """``done`` with the editors' decisions of its corpus applied, and the log's problems among its warnings.

    The first folder given is the corpus. With ``reviewed`` (the log's lines before the change under check), only
    the dismissals among them count: a change cannot dismiss the conflicts it brings.
    """
    if not paths or not Path(paths[0]).is_dir():
        return done
    path = decisions_path(paths[0])
    log = read_log(path)
    warnings = list(done.warnings)
    if reviewed is not None:
        log, dropped = log.without_new_dismissals(reviewed)
        if dropped:
            warnings.append(
                f"{path}: {dropped} dismissal(s) added by this change do not count "
                "until reviewed and merged; their conflicts await review"
            )
    return replace(done, report=apply_decisions(done.report, log.latest()), warnings=warnings + log.problems)


def fails_gate(conflict: Conflict, by_severity: bool) -> bool:
    """Whether a conflict fails ``check``: dismissed never, confirmed always, otherwise as its severity decides."""
    if conflict.status == "dismissed":
        return False
    return conflict.status == "confirmed" or by_severity


def _words(source: str, text: str, sentence: str) -> tuple[str, str, str]:
    # Re-wrapping a paragraph is not a change of words.
    return source, " ".join(text.split()), " ".join(sentence.split())


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
