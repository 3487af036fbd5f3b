"""The decisions log: appends survive concurrent writers, bad lines are skipped, later runs honour it."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from datetime import UTC, datetime

import pytest
from seedmatch import SEEDS

from consistency.models import Decision, QuotedClaim
from consistency.pipeline import run
from consistency.review.decisions import (
    append_decision,
    apply_decisions,
    decisions_path,
    fails_gate,
    latest_decisions,
    make_decision,
    read_log,
    with_decisions,
)

WRITES = 200


def _decision(fingerprint: str, verdict: str = "dismissed", note: str = "") -> Decision:
    return Decision(
        conflict=fingerprint,
        decision=verdict,
        note=note,
        reviewer="tester",
        at=datetime.now(UTC),
        quotes=[QuotedClaim(source="a.txt", text="about 1,000", sentence="About 1,000 remain.")],
    )


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("reviews"))
    return corpus, run([corpus])


def test_append_then_read_round_trips(tmp_path):
    path = decisions_path(tmp_path)
    append_decision(path, _decision("aaa", "confirmed", "a real conflict\u2028with a line separator"))
    append_decision(path, _decision("bbb", "follow_up"))
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 3, "one decision a line, newline-terminated"
    log = read_log(path)
    assert log.problems == []
    assert [(d.conflict, d.decision) for d in log.decisions] == [("aaa", "confirmed"), ("bbb", "follow_up")]
    assert log.decisions[0].note == "a real conflict\u2028with a line separator"


def test_latest_wins_and_history_keeps_the_rest(tmp_path):
    path = decisions_path(tmp_path)
    for verdict in ("confirmed", "open", "dismissed"):
        append_decision(path, _decision("aaa", verdict))
    assert latest_decisions(tmp_path)["aaa"].decision == "dismissed"
    assert [d.decision for d in read_log(path).history("aaa")] == ["dismissed", "open", "confirmed"]


def test_malformed_lines_are_skipped_and_named(tmp_path):
    path = decisions_path(tmp_path)
    append_decision(path, _decision("aaa"))
    with open(path, "ab") as file:
        file.write(b'{"conflict": "bbb", "decision": "maybe"}\nnot json at all\n{"conflict": "ccc", "decis')
    append_decision(path, _decision("ddd"))  # after a torn line: starts a line of its own
    log = read_log(path)
    assert [d.conflict for d in log.decisions] == ["aaa", "ddd"]
    assert [p.split(": ")[0] for p in log.problems] == [f"{path}:2", f"{path}:3", f"{path}:4"]


def test_missing_log_is_no_decisions(tmp_path):
    assert latest_decisions(tmp_path) == {}
    assert read_log(decisions_path(tmp_path)).problems == []


def test_report_applies_the_corpus_decisions(seeds_run):
    corpus, result = seeds_run
    report = result.report
    claims = {c.id: c for c in report.claims}
    first, second = report.conflicts[:2]
    path = decisions_path(corpus)
    append_decision(
        path, make_decision(first, [claims[i] for i in first.claims], "dismissed", "different dates", "ann")
    )
    append_decision(path, make_decision(second, [claims[i] for i in second.claims], "confirmed", "", "bob"))
    try:
        decided = {c.id: c for c in with_decisions(run([corpus]), [corpus]).report.conflicts}
    finally:
        path.unlink()
    assert (decided[first.id].status, decided[first.id].review_note) == ("dismissed", "different dates")
    assert (decided[second.id].status, decided[second.id].review_note) == ("confirmed", None)


def test_changed_words_reopen_the_conflict(seeds_run):
    _, result = seeds_run
    report = result.report
    claims = {c.id: c for c in report.claims}
    conflict = report.conflicts[0]
    decision = make_decision(conflict, [claims[i] for i in conflict.claims], "dismissed", "ok", "ann")
    assert apply_decisions(report, {conflict.id: decision}).conflicts[0].status == "dismissed"
    # Same fingerprint (the claimed words), but the sentence around them was edited since.
    edited = decision.model_copy(deep=True)
    edited.quotes[0].sentence += " Officials disputed the figure."
    reopened = apply_decisions(report, {conflict.id: edited}).conflicts[0]
    assert (reopened.status, reopened.review_note) == ("open", None)
    rewrapped = decision.model_copy(deep=True)
    rewrapped.quotes[0].sentence = rewrapped.quotes[0].sentence.replace(" ", "\n", 1)
    assert apply_decisions(report, {conflict.id: rewrapped}).conflicts[0].status == "dismissed"


@pytest.mark.parametrize(
    "status,by_severity,fails",
    [
        ("dismissed", True, False),
        ("dismissed", False, False),
        ("confirmed", True, True),
        ("confirmed", False, True),
        ("open", True, True),
        ("open", False, False),
        ("follow_up", True, True),
        ("follow_up", False, False),
    ],
)
def test_gate_follows_the_decision(seeds_run, status, by_severity, fails):
    conflict = seeds_run[1].report.conflicts[0].model_copy(update={"status": status})
    assert fails_gate(conflict, by_severity) is fails


def _write_many(path: str, prefix: str) -> None:
    for i in range(WRITES):
        append_decision(path, _decision(f"{prefix}{i:03d}", note="x" * (i % 50)))


def test_two_concurrent_writers_lose_nothing(tmp_path):
    path = decisions_path(tmp_path)
    context = multiprocessing.get_context("spawn")  # separate interpreters, as two editors' apps would be
    writers = [context.Process(target=_write_many, args=(str(path), prefix)) for prefix in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
        assert writer.exitcode == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * WRITES
    assert all(json.loads(line)["conflict"] for line in lines)
    log = read_log(path)
    assert log.problems == []
    assert sorted(log.latest()) == sorted(f"{p}{i:03d}" for p in "ab" for i in range(WRITES))


def test_decisions_on_an_installed_packages_seeds_stay_in_the_current_folder(tmp_path, monkeypatch):
    """A wheel's seeds live in site-packages: reviewing them writes to ./reviews, never into the package."""
    from consistency.review.decisions import DECISIONS_FILE, decisions_path

    installed = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "consistency" / "data" / "seeds"
    installed.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert decisions_path(installed) == tmp_path / DECISIONS_FILE
    assert decisions_path(tmp_path / "articles") == tmp_path / "articles" / DECISIONS_FILE
