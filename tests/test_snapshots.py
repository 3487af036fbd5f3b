"""What the seeds produce, end to end through the command line, against files under tests/snapshots/.

report.md, report.json and check's SARIF are compared in full, so any change to what a reader or a code
scanning tool sees shows up as a diff to review. Each is normalised first: JSON with sorted keys, and the
package version taken out, so a release does not rewrite them. Paths are relative because the commands run
in a copy of the seeds. Regenerate with ``python -m pytest tests/test_snapshots.py --update-snapshots``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import git
from seedmatch import SEEDS

from consistency.cli import cli


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """report.md, report.json and results.sarif of a copy of the seeds, run from the root of its own repository
    (so no settings file of this checkout is found)."""
    root = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(SEEDS, root / "seeds")
    git(root, "init", "-q")
    out = root / "reports"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        report = CliRunner().invoke(cli, ["report", "seeds", "--output-dir", str(out), "--format", "md,json"])
        assert report.exit_code == 0, report.output
        sarif = f"sarif:{out / 'results.sarif'}"
        check = CliRunner().invoke(cli, ["check", "seeds", "--no-cache", "--format", sarif])
    # The seeds disagree with each other, so the gate fails: exit 1, not an error.
    assert check.exit_code == 1, check.output
    return out


def _normalised_json(text: str, drop_version) -> str:
    data = json.loads(text)
    drop_version(data)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _drop_report_version(report: dict) -> None:
    report["generated_with"].pop("consistency")


def _drop_sarif_version(log: dict) -> None:
    for run in log["runs"]:
        run["tool"]["driver"].pop("version")


def test_report_md(reports, snapshot):
    snapshot("report.md", (reports / "report.md").read_text(encoding="utf-8"))


def test_report_json(reports, snapshot):
    text = (reports / "report.json").read_text(encoding="utf-8")
    snapshot("report.json", _normalised_json(text, _drop_report_version))


def test_sarif(reports, snapshot):
    text = (reports / "results.sarif").read_text(encoding="utf-8")
    snapshot("results.sarif", _normalised_json(text, _drop_sarif_version))
