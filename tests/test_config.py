"""Settings discovery and rule layering, from the CLI: a newsroom repository with its own rules and vocabulary."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedmatch import SEEDS

from consistency.cli import cli
from consistency.config import default_rules_dir, find_settings, shipped_seeds_dir

# The project's rule: a stricter comparison for a group only the project's alias file names.
PROJECT_RULE = """\
code: CC950
description: Sources give different strengths for the Zorg Brigade.
applies_to: {subject: [zorg_brigade], measure: [fighters]}
compare: interval_overlap
tolerance: {about: 0.0}
window_days: 30
severity: error
message: "{a.source}: {a.text} — {b.source}: {b.text}"
examples:
  - name: strengths_differ
    expect: fail
    published: 2024-03-01
    articles: ["The Zorg Brigade has about 1,000 fighters in Mosul.",
               "The Zorg Brigade has about 1,150 fighters in Mosul."]
"""
PROJECT_ALIASES = "zorg_brigade:\n  type: group\n  names: [Zorg Brigade, Zorgists]\n"
# "about 1,000" and "about 1,150" overlap under the shipped tolerance; only the project's rule flags them.
ZORG = {
    "zorg-a.md": "---\noutlet: Daily Planet\npublished: 2024-03-01\n---\n"
    "The Zorg Brigade has about 1,000 fighters in Mosul, officials said.\n",
    "zorg-b.md": "---\noutlet: Evening Star\npublished: 2024-03-02\n---\n"
    "The Zorg Brigade has about 1,150 fighters in Mosul, a commander said.\n",
}
SETTINGS = '[project]\nname = "newsroom"\n\n[tool.consistency]\nrules = "newsroom-rules"\narticles = "articles"\n'


@pytest.fixture
def newsroom(tmp_path, monkeypatch) -> Path:
    """A git repository: the seeds and two articles, a pyproject.toml [tool.consistency], one rule, one alias file."""
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    for name, text in ZORG.items():
        (articles / name).write_text(text)
    rules = tmp_path / "newsroom-rules"
    (rules / "aliases").mkdir(parents=True)
    (rules / "CC950-zorg-strength.yaml").write_text(PROJECT_RULE)
    (rules / "aliases" / "entities-newsroom.yaml").write_text(PROJECT_ALIASES)
    (tmp_path / "pyproject.toml").write_text(SETTINGS)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def conflict_rules(result) -> set[str]:
    return {conflict["rule"] for conflict in json.loads(result.stdout)["conflicts"]}


def test_project_rule_and_alias_take_effect_over_the_shipped_ones(newsroom):
    result = invoke("check", "--format", "json", "--no-cache")
    assert result.exit_code == 1, result.output
    rules = {item["conflict"]["rule"] for item in json.loads(result.stdout)["conflicts"]}
    assert {"CC950", "CC102"} <= rules, rules  # the project's rule, and the shipped ones still apply
    assert "settings: pyproject.toml [tool.consistency]; rules: shipped + newsroom-rules" in result.stderr
    assert json.loads(result.stdout)["generated_with"]["rule_folders"] == "shipped + newsroom-rules"


def test_without_the_alias_file_the_project_rule_finds_nothing(newsroom):
    (newsroom / "newsroom-rules" / "aliases" / "entities-newsroom.yaml").unlink()
    result = invoke("check", "--format", "json", "--no-cache")
    rules = {item["conflict"]["rule"] for item in json.loads(result.stdout)["conflicts"]}
    assert "CC950" not in rules and "CC102" in rules, rules


def test_project_rule_replaces_the_shipped_rule_of_its_code(newsroom):
    shipped = (default_rules_dir() / "CC102-fighter-estimates.yaml").read_text()
    replaced = shipped.replace("severity: error", "severity: info")
    (newsroom / "newsroom-rules" / "CC102-fighter-estimates.yaml").write_text(replaced)
    result = invoke("check", "--format", "json", "--no-cache")
    severities = {
        item["conflict"]["severity"]
        for item in json.loads(result.stdout)["conflicts"]
        if item["conflict"]["rule"] == "CC102"
    }
    assert severities == {"info"}, result.stdout


@pytest.mark.parametrize(
    "name, text, line",
    [
        ("CC951-broken.yaml", "code: CC951\ndescription: [unclosed\n", 3),
        ("aliases/places-broken.yaml", "mosul: [\n", 2),
        ("aliases/cities.yaml", "a: {}\n", None),  # cities are a .tsv table: a .yaml of that name is a mistake
    ],
)
@pytest.mark.parametrize("command", [["check"], ["report", "--output-dir", "out"], ["extract"], ["rules", "test"]])
def test_a_broken_project_file_is_exit_2_naming_it(newsroom, name, text, line, command):
    (newsroom / "newsroom-rules" / name).write_text(text)
    result = invoke(*command)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    where = re.escape(name) + (f":{line}:" if line else ":")
    assert re.search(rf"^error: \S*{where} ", result.stderr, re.M), result.stderr
    assert not (newsroom / "out").exists()


@pytest.mark.parametrize(
    "settings, message",
    [
        ("[tool.consistency]\nrules = 'x\narticles = 'y'\n", r"pyproject\.toml:2: malformed TOML"),
        ("[tool.consistency]\nrules = [\n", r"pyproject\.toml: malformed TOML: Invalid value \(at end of document\)"),
        (
            "[tool.consistency]\narticles = 'articles'\nfail_on = 'error'\n",
            r"pyproject\.toml:3: unknown setting 'fail_on'",
        ),
        ("[tool.consistency]\nfail-on = 'fatal'\n", r"pyproject\.toml:2: fail-on: expected one of"),
        ("[tool.consistency]\nrules = 'missing'\n", r"pyproject\.toml: rules folder not found"),
    ],
)
def test_a_broken_settings_file_is_exit_2_naming_it(newsroom, settings, message):
    (newsroom / "pyproject.toml").write_text(settings)
    result = invoke("check")
    assert result.exit_code == 2, result.output
    assert re.search(message, result.stderr), result.stderr


def test_settings_are_found_from_a_subfolder_up_to_the_repository_root(newsroom, monkeypatch):
    (newsroom / "articles" / "deep").mkdir()
    monkeypatch.chdir(newsroom / "articles" / "deep")
    assert find_settings().source == newsroom / "pyproject.toml"
    (newsroom / "articles" / ".git").mkdir()  # a nested repository: settings above its root are another project's
    assert find_settings().source is None


def test_consistency_toml_wins_over_pyproject_and_config_overrides_both(newsroom):
    (newsroom / "consistency.toml").write_text('rules = "newsroom-rules"\nfail-on = "none"\n')
    result = invoke("check", "articles", "--no-cache")
    assert result.exit_code == 0, result.output  # fail-on none
    assert "settings: consistency.toml; rules: shipped + newsroom-rules" in result.stderr
    shipped = str(default_rules_dir())
    result = invoke("check", "articles", "--no-cache", "--config", "pyproject.toml", "--rules", shipped)
    assert result.exit_code == 1 and "rules: shipped\n" in result.stderr, result.stderr


def test_a_local_rules_folder_is_used_without_settings(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "CC999-broken.yaml").write_text("code: [\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", str(SEEDS))
    assert result.exit_code == 2 and "CC999-broken.yaml:" in result.stderr, result.output


def test_every_command_defaults_to_the_shipped_seeds_and_quiet_drops_the_notice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", "--format", "json")
    assert result.exit_code == 0 and "settings: defaults; rules: shipped" in result.stderr, result.output
    seeds = {path.name for path in shipped_seeds_dir().glob("*.txt")}
    assert {claim["source"] for claim in json.loads(result.stdout)} == seeds
    result = invoke("report", "--quiet", "--format", "json")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    report = json.loads((tmp_path / "reports" / "report.json").read_text())
    assert report["generated_with"]["settings"] == "defaults" and report["unreadable"] == []


def test_settings_give_the_options_their_defaults_and_the_command_line_wins(newsroom):
    (newsroom / "pyproject.toml").write_text(
        SETTINGS + 'cache-dir = "build/cache"\nfail-on = "none"\nformat = "json"\nreport-format = "md"\n'
    )
    result = invoke("check")
    assert result.exit_code == 0, result.output  # fail-on none
    assert json.loads(result.stdout)["fail_on"] == "none"
    assert (newsroom / "build" / "cache").is_dir()
    result = invoke("check", "--fail-on", "error", "--format", "text")
    assert result.exit_code == 1 and result.stdout.startswith("articles/"), result.output
    assert invoke("report", "--output-dir", "out").exit_code == 0
    assert [path.name for path in (newsroom / "out").iterdir()] == ["report.md"]


def test_a_missing_config_file_is_exit_2(newsroom):
    result = invoke("extract", "--config", "missing.toml")
    assert result.exit_code == 2 and "missing.toml: configuration file not found" in result.stderr, result.output
