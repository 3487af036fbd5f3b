"""What the comparison makes of pairs of claims, end to end through the CLI: tests/data/compare/pairs.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from consistency.cli import cli

CASES = yaml.safe_load((Path(__file__).parent / "data" / "compare" / "pairs.yaml").read_text(encoding="utf-8"))
VERDICTS = {"agree", "conflict", "neither"}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_pair_verdicts(case, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    bodies = []  # where each article's text starts in its file
    for index, article in enumerate(case["articles"]):
        published = f"published: {article['published']}\n" if "published" in article else ""  # else undated
        url = f"url: {article['url']}\n" if "url" in article else ""
        front = f"---\noutlet: {article.get('outlet', f'Outlet {index}')}\n{published}{url}---\n"
        (folder / f"a{index}.md").write_text(front + article["text"] + "\n", encoding="utf-8")
        bodies.append(len(front))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(folder), "--no-cache", "--format", "json", "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))

    def claim(ref: list) -> str:
        """The claim overlapping the first occurrence of a quote in an article (a quantity before a date)."""
        index, quote = ref
        start = bodies[index] + case["articles"][index]["text"].index(quote)
        end = start + len(quote)
        found = [c for c in report["claims"] if c["source"] == f"a{index}.md" and c["start"] < end and c["end"] > start]
        assert found, f"no claim at {quote!r} in article {index}"
        return min(found, key=lambda c: c["kind"] != "quantity")["id"]

    for pair in case["pairs"]:
        assert pair["expect"] in VERDICTS
        a, b = claim(pair["a"]), claim(pair["b"])
        agree = any({a, b} <= set(g["claims"]) for g in report["agreements"])
        conflict = any({a, b} <= set(c["claims"]) for c in report["conflicts"])
        got = "conflict" if conflict else "agree" if agree else "neither"
        assert got == pair["expect"], f"{pair}: {got}"
        if "says" in pair:  # how the report words the finding
            findings = (*report["agreements"], *report["conflicts"])
            words = [g["explanation"] for g in findings if {a, b} <= set(g["claims"])]
            assert any(w.startswith(pair["says"]) for w in words), words
