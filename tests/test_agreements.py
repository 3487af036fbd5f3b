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


def test_a_conflict_keeps_two_corroborations_apart(tmp_path):
    for name, (published, text) in ARTICLES.items():
        (tmp_path / name).write_text(f"---\noutlet: {name}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--no-cache", "--format", "json", "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    conflicting = [set(c["claims"]) for c in report["conflicts"]]
    assert conflicting, "fewer than 1 million against 1.5 million is a conflict"
    for agreement in report["agreements"]:
        assert len(agreement["claims"]) > 1
        assert not any(pair <= set(agreement["claims"]) for pair in conflicting), agreement["explanation"]
