"""CI conventions of ``consistency check``: thresholds and --exit-zero, baselines that shrink, capped GitHub
annotations, GitLab Code Quality, unreadable articles as findings, conflicts beyond the listing cap."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from gitrepo import commit
from test_check import CONTRADICTS, invoke

from consistency.compare import MAX_CONFLICTS_PER_CLAIM

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
UNREADABLE = b"---\noutlet: [unclosed\n---\nText.\n"
# Independent estimates of one force at one time that all disagree, one more than a claim's listing holds: more
# conflicts than the listing shows.
SPEAKERS = [
    "a regional official",
    "the United Nations",
    "U.S. intelligence officials",
    "a Kurdish commander",
    "Iraqi officials",
    "a Turkish minister",
    "Syrian officials",
    "a French general",
    "a British minister",
    "a Jordanian official",
    "an Iranian commander",
    "a German diplomat",
]
ESTIMATES = [(1000 * 2**k, f"{who} said") for k, who in enumerate(SPEAKERS[: MAX_CONFLICTS_PER_CLAIM + 2])]


def estimate(number: int, who: str) -> str:
    return (
        f"---\noutlet: Outlet {number}\npublished: 2024-09-30\n---\n"
        f"There are about {number:,} Islamic State fighters in Iraq and Syria, {who}.\n"
    )


@pytest.mark.parametrize(
    "args, code, shown",
    [
        (["--fail-on", "none"], 0, "not failing: 4 below --fail-on none"),  # no severity fails
        (["--exit-zero"], 0, "4 conflicts fail the gate"),  # ... and are reported, but the exit code is 0
        (["--exit-zero", "--fail-on", "error"], 0, "4 conflicts fail the gate"),
        ([], 1, "4 conflicts fail the gate"),
    ],
)
def test_fail_on_none_and_exit_zero(repo, args, code, shown):
    result = invoke("seeds", "--no-cache", *args)
    assert result.exit_code == code, result.output
    assert shown in result.stdout


def test_exit_zero_keeps_exit_2_for_input_errors(repo):
    (repo / "seeds" / "broken.md").write_bytes(UNREADABLE)
    assert invoke("seeds", "--since", "HEAD", "--exit-zero").exit_code == 2


def test_resolved_baseline_entries_are_reported_and_update_baseline_only_shrinks(repo):
    (repo / "seeds" / "draft.md").write_text(CONTRADICTS)
    assert invoke("seeds", "--write-baseline", "baseline.json").exit_code == 0
    written = json.loads((repo / "baseline.json").read_text())["conflicts"]
    (repo / "seeds" / "draft.md").unlink()  # its conflicts are gone
    result = invoke("seeds", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 0, result.output
    resolved = json.loads(result.stdout)["resolved"]
    assert resolved and set(resolved) < {entry["id"] for entry in written}
    assert re.search(rf"{len(resolved)} baseline entr(y|ies) resolved", result.stderr), result.stderr

    (repo / "seeds" / "other.md").write_text(CONTRADICTS.replace("10,000", "9,000"))  # a new conflict: not added
    result = invoke("seeds", "--baseline", "baseline.json", "--update-baseline")
    assert result.exit_code == 1, result.output
    kept = json.loads((repo / "baseline.json").read_text())["conflicts"]
    assert [entry["id"] for entry in kept] == [e["id"] for e in written if e["id"] not in resolved]
    assert "resolved" not in invoke("seeds", "--baseline", "baseline.json").stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--update-baseline"],
        ["--update-baseline", "--baseline", "b.json", "--since", "HEAD"],
    ],
)
def test_update_baseline_needs_a_whole_baseline_run(repo, args):
    assert invoke("seeds", *args).exit_code == 2


def test_github_annotations_are_capped_most_severe_first_with_the_rest_in_the_job_summary(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    full = invoke("seeds", "--format", "github", "--max-annotations", "1000").stdout.splitlines()
    assert len(full) > 3
    result = invoke("seeds", "--format", "github", "--max-annotations", "3")
    lines = result.stdout.splitlines()
    assert lines[:3] == full[:3], result.stdout
    assert lines[3] == f"::notice::{len(full) - 3} more conflict annotations not shown; see the job summary"
    assert len(lines) == 4
    text = summary.read_text()
    assert text.startswith("## consistency check") and text.count("\n- `seeds/") == len(full) * 2, text


def test_gitlab_code_quality(repo, tmp_path):
    (repo / "seeds" / "draft.md").write_text(CONTRADICTS)
    (repo / "seeds" / "broken.md").write_bytes(UNREADABLE)
    result = invoke("seeds", "--since", "HEAD", "--format", f"gitlab:{tmp_path / 'gl.json'},text")
    assert result.exit_code == 2, result.output  # the new article cannot be read
    issues = json.loads((tmp_path / "gl.json").read_text())
    assert {issue["check_name"] for issue in issues} == {"CC102", "input-unreadable"}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert all(set(issue) == {"description", "check_name", "fingerprint", "severity", "location"} for issue in issues)
    assert {issue["location"]["path"] for issue in issues} == {"seeds/draft.md", "seeds/broken.md"}
    assert "seeds/broken.md:3:1: error input-unreadable " in result.stdout  # the text format went to stdout


def test_unreadable_articles_are_findings_in_every_output(repo, tmp_path):
    (repo / "seeds" / "broken.md").write_bytes(UNREADABLE)
    commit(repo, "broken article in the archive")  # not new: the gate runs, and still says what it skipped
    out = {fmt: tmp_path / f"out.{fmt}" for fmt in ("sarif", "junit", "json", "text")}
    result = invoke("seeds", "--since", "HEAD", "--format", ",".join(f"{f}:{p}" for f, p in out.items()))
    assert result.exit_code == 0, result.output
    assert "1 article unreadable (input-unreadable)" in result.stderr
    log = json.loads(out["sarif"].read_text())
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "input-unreadable"
    assert run["properties"]["unreadableArticles"] == 1
    suite = ET.parse(out["junit"]).getroot().find("testsuite")
    assert suite.get("errors") == "1" and suite.find("testcase/error").get("type") == "input-unreadable"
    assert json.loads(out["json"].read_text())["unreadable"][0]["path"] == "seeds/broken.md"
    assert out["text"].read_text().startswith("seeds/broken.md:3:1: error input-unreadable ")
    report = invoke_report(repo)
    assert report["unreadable"][0]["rule"] == "input-unreadable"


def invoke_report(repo) -> dict:
    from click.testing import CliRunner

    from consistency.cli import cli

    result = CliRunner().invoke(cli, ["report", "seeds", "--format", "json,md", "--output-dir", "out"])
    assert result.exit_code == 0, result.output
    assert "1 article could not be read" in (repo / "out" / "report.md").read_text()
    assert "1 article could not be read (input-unreadable)" in result.stdout
    return json.loads((repo / "out" / "report.json").read_text())


def test_a_new_article_contradicting_a_much_contradicted_claim_fails_even_beyond_the_listing_cap(repo):
    for number, who in ESTIMATES[:-1]:
        (repo / "seeds" / f"estimate-{number}.md").write_text(estimate(number, who))
    commit(repo, "estimates")
    archive = json.loads(invoke("seeds", "--no-cache", "--format", "json").stdout)
    assert sum(u["count"] for u in archive["unlisted"]) > 0, archive  # the archive's claims fill their listings
    assert invoke("seeds", "--no-cache", "--write-baseline", "baseline.json").exit_code == 0
    assert invoke("seeds", "--no-cache", "--baseline", "baseline.json").exit_code == 0

    # Against the baseline: the new claim's conflicts with full listings are counted, not listed, and still fail.
    (repo / "seeds" / "new.md").write_text(estimate(*ESTIMATES[-1]))
    result = invoke("seeds", "--no-cache", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1, result.output
    checked = json.loads(result.stdout)
    assert checked["failed"] and [u["failing"] > 0 for u in checked["unlisted"]] == [True]
    assert invoke("seeds", "--no-cache", "--baseline", "baseline.json", "--fail-on", "none").exit_code == 0

    # With --since, the count points at the new article in every format.
    counted = {
        "text": r"seeds/new.md:5:\d+: error listing-cap \d+ more conflicts on topic ",
        "sarif": r'"unlistedConflicts": [1-9]',
        "gitlab": r'"check_name": "listing-cap"',
        "github": r"::error file=seeds/new.md,line=5,col=\d+,title=listing-cap::\d+ more conflicts on topic",
        "junit": r"seeds/new.md:5:\d+: error listing-cap",
    }
    for fmt, pattern in counted.items():
        shown = invoke("seeds", "--no-cache", "--since", "HEAD", "--format", fmt).stdout
        assert re.search(pattern, shown), (fmt, shown)
