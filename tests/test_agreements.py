"""Agreements through the CLI: a group of corroborating claims never holds two that conflict."""

from __future__ import annotations

import json

from click.testing import CliRunner

from consistency.cli import cli

ARTICLES = {
    "a.md": (
        "2011-11-30",
        "Up to two million public sector workers in Britain went on strike on Wednesday, the unions said.",
    ),
    "b.md": (
        "2011-11-30",
        "The government said fewer than 1 million people in Britain had joined the strike on Wednesday.",
    ),
    "c.md": (
        "2011-11-30",
        "Union leaders put the number of workers in Britain who joined the strike on Wednesday at 1.5 million.",
    ),
}


def _report(tmp_path, articles: dict[str, tuple[str, str]]) -> dict:
    """report.json of ``articles`` (name -> (published, text)), run through the CLI."""
    for name, (published, text) in articles.items():
        (tmp_path / name).write_text(f"---\noutlet: {name}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--no-cache", "--format", "json", "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_a_conflict_keeps_two_corroborations_apart(tmp_path):
    report = _report(tmp_path, ARTICLES)
    conflicting = [set(c["claims"]) for c in report["conflicts"]]
    assert conflicting, "fewer than 1 million against 1.5 million is a conflict"
    for agreement in report["agreements"]:
        assert len(agreement["claims"]) > 1
        assert not any(pair <= set(agreement["claims"]) for pair in conflicting), agreement["explanation"]


WORLDWIDE = {
    "a.md": (
        "2020-04-02",
        "More than 51,000 people have died of the coronavirus worldwide, according to a Reuters tally. Italy has "
        "recorded 13,915 deaths and Spain 10,003.",
    ),
    "b.md": (
        "2020-04-02",
        "At least 51,485 people have died of the coronavirus around the world, according to Johns Hopkins "
        "University. In the US, at least 5,800 people have died.",
    ),
}


def test_two_unplaced_counts_agree_once_not_in_every_topic_they_visit(tmp_path):
    report = _report(tmp_path, WORLDWIDE)
    groups = [tuple(agreement["claims"]) for agreement in report["agreements"]]
    assert groups, "the two worldwide tolls corroborate each other"
    assert len(groups) == len(set(groups)), groups
