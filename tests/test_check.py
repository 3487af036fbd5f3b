"""``consistency check``, the CI gate: new sources from git, baselines, exit codes and CI formats."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner
from gitrepo import commit, git
from seedmatch import SEEDS

from consistency.check import position
from consistency.cli import cli
from consistency.gate.github import escape_data, escape_property

RULES = Path(__file__).resolve().parents[1] / "rules"
# A 2024 article whose estimate contradicts both the UN range and the U.S. figure in the seeds.
CONTRADICTS = """---
outlet: Daily Planet
published: 2024-09-30
---
BAGHDAD

Officials said on Monday that the coalition is winding down.
There are about 10,000 Islamic State fighters in Iraq and Syria, a regional official said.
"""
CONTRADICTING_LINE = 8
CORROBORATES = """---
outlet: Daily Planet
published: 2024-01-26
---
About 2,500 U.S. troops remain in Iraq, a Pentagon spokesman said on Friday.
"""


def errors(result) -> list[str]:
    """The lines of stderr besides the notice naming the settings and rules folders used."""
    return [line for line in result.stderr.splitlines() if not line.startswith("consistency: settings: ")]


def invoke(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_gate_end_to_end_in_a_git_repository(repo):
    # The seeds hold two known conflicts: recorded once, they no longer fail.
    assert invoke("seeds").exit_code == 1
    written = invoke("seeds", "--write-baseline", "baseline.json")
    assert written.exit_code == 0, written.output
    commit(repo, "baseline")
    base = git(repo, "rev-parse", "HEAD").strip()
    result = invoke("seeds", "--baseline", "baseline.json")
    assert result.exit_code == 0, result.output
    assert invoke("seeds", "--since", base).exit_code == 0

    # A new article contradicting the archive fails, annotated at its own line.
    (repo / "seeds" / "new.md").write_text(CONTRADICTS)
    commit(repo, "new article")
    for gate in (["--since", base], ["--baseline", "baseline.json"]):
        result = invoke("seeds", *gate, "--format", "github")
        assert result.exit_code == 1, result.output
        annotations = result.stdout.splitlines()
        assert annotations and all(a.startswith("::error file=seeds/new.md,") for a in annotations), result.stdout
        assert f"line={CONTRADICTING_LINE},col=11," in annotations[0], annotations[0]
        assert "10,000" in annotations[0]
    text = invoke("seeds", "--since", base).stdout
    assert re.match(rf"seeds/new\.md:{CONTRADICTING_LINE}:11: error CC102 ", text), text

    # An article that corroborates the 2,500 U.S. troops passes.
    git(repo, "reset", "-q", "--hard", base)
    (repo / "seeds" / "corroborates.md").write_text(CORROBORATES)
    commit(repo, "corroborating article")
    for gate in (["--since", base], ["--baseline", "baseline.json"]):
        result = invoke("seeds", *gate)
        assert result.exit_code == 0, result.output

    # A malformed rule file is a configuration error: exit 2, one line naming it.
    rules = repo / "rules"
    shutil.copytree(RULES, rules)
    (rules / "CC999-broken.yaml").write_text("code: CC999\ndescription: [unclosed\n")
    result = invoke("seeds", "--since", base, "--rules", str(rules))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len(errors(result)) == 1 and "CC999-broken.yaml:" in result.stderr, result.stderr


def test_untracked_and_edited_articles_are_new(repo):
    (repo / "seeds" / "draft.md").write_text(CONTRADICTS)  # not yet committed: still the pull request's text
    result = invoke("seeds", "--since", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["new_sources"] == ["draft.md"] and report["failed"] is True
    # Only pairs that touch the new article are compared: the archive's own conflicts are not re-listed.
    assert {c["status"] for c in report["conflicts"]} == {"fails"}
    assert all(any(loc["source"] == "draft.md" for loc in c["locations"]) for c in report["conflicts"])


def test_since_outside_git_or_unknown_revision_is_exit_2(tmp_path_factory, repo):
    plain = tmp_path_factory.mktemp("plain")
    shutil.copytree(SEEDS, plain / "seeds")
    result = invoke(str(plain / "seeds"), "--since", "HEAD")
    assert result.exit_code == 2 and "not inside a git repository" in result.stderr, result.output
    for ref in ("no-such-branch", "--output=/tmp/x"):
        result = invoke("seeds", "--since", ref)
        assert result.exit_code == 2 and "unknown git revision" in result.stderr, result.output
        assert len(errors(result)) == 1, result.stderr


def test_baseline_is_sorted_stable_and_checked(repo):
    assert invoke("seeds", "--write-baseline", "a.json").exit_code == 0
    assert invoke("seeds", "--write-baseline", "b.json", "--no-cache").exit_code == 0
    first = (repo / "a.json").read_text()
    assert first == (repo / "b.json").read_text()
    ids = [entry["id"] for entry in json.loads(first)["conflicts"]]
    assert ids == sorted(ids) and len(ids) >= 2
    (repo / "bad.json").write_text('{"version": 1,\n "conflicts": [\n')
    result = invoke("seeds", "--baseline", "bad.json")
    assert result.exit_code == 2 and re.search(r"bad\.json:\d+: not valid JSON", result.stderr), result.output
    result = invoke("seeds", "--baseline", "missing.json")
    assert result.exit_code == 2 and "baseline not found" in result.stderr
    result = invoke("seeds", "--since", "HEAD", "--write-baseline", "c.json")
    assert result.exit_code == 2


def test_fail_on_sets_the_threshold(repo):
    (repo / "seeds" / "draft.md").write_text(CONTRADICTS)
    assert invoke("seeds", "--since", "HEAD", "--fail-on", "error").exit_code == 1
    # The seeds' conflicts are errors; nothing is above error, so info fails the same ones.
    assert invoke("seeds", "--fail-on", "info").exit_code == 1
    result = invoke("seeds", "--fail-on", "fatal")
    assert result.exit_code == 2


def test_unreadable_new_article_is_exit_2(repo):
    (repo / "seeds" / "broken.md").write_bytes(b"---\noutlet: [unclosed\n---\nText.\n")
    result = invoke("seeds", "--since", "HEAD")
    assert result.exit_code == 2 and "broken.md" in result.stderr, result.output


def test_junit_and_text_formats(repo, tmp_path):
    (repo / "seeds" / "draft.md").write_text(CONTRADICTS)
    out = tmp_path / "junit.xml"
    result = invoke("seeds", "--since", "HEAD", "--format", "junit", "--output", str(out))
    assert result.exit_code == 1, result.output
    suite = ET.parse(out).getroot().find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["seeds/draft.md"]
    assert "10,000" in cases[0].find("failure").text
    assert "fails the gate" in result.stderr or "fail the gate" in result.stderr


def test_workflow_command_escaping():
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_position_is_one_based():
    text = "first line\nsecond ünïcode line\n"
    assert position(text, 0) == (1, 1)
    assert position(text, text.index("line", 11)) == (2, 16)


def test_editor_decisions_override_baseline_and_threshold(repo):
    """Issue 5: a dismissed conflict never fails; a confirmed one fails even when the baseline knows it."""
    from consistency.pipeline import run
    from consistency.review.decisions import append_decision, decisions_path, make_decision

    assert invoke("seeds", "--write-baseline", "baseline.json").exit_code == 0
    assert invoke("seeds", "--baseline", "baseline.json").exit_code == 0
    report = run([repo / "seeds"]).report
    claims = {c.id: c for c in report.claims}
    first = report.conflicts[0]
    append_decision(
        decisions_path(repo / "seeds"),
        make_decision(first, [claims[i] for i in first.claims], "confirmed", "real", "ed"),
    )
    result = invoke("seeds", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1, result.output
    assert [c["conflict"]["id"] for c in json.loads(result.stdout)["conflicts"] if c["status"] == "fails"] == [first.id]
    for conflict in report.conflicts:
        append_decision(
            decisions_path(repo / "seeds"),
            make_decision(conflict, [claims[i] for i in conflict.claims], "dismissed", "not real", "ed"),
        )
    assert invoke("seeds").exit_code == 0
