"""What an article learns from the other articles of its story, end to end through `consistency extract` on a
folder: tests/data/story/learned.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from consistency.cli import cli

CASES = yaml.safe_load((Path(__file__).parent / "data" / "story" / "learned.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_story_learning(case, tmp_path):
    bodies = []  # where each article's text starts in its file
    for index, article in enumerate(case["articles"]):
        published = f"published: {article['published']}\n" if "published" in article else ""
        url = f"url: {article['url']}\n" if "url" in article else ""
        front = f"---\noutlet: Outlet {index}\n{published}{url}---\n"
        (tmp_path / f"a{index}.md").write_text(front + article["text"] + "\n", encoding="utf-8")
        bodies.append(len(front))
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)

    def claim(ref: list) -> dict:
        index, quote = ref
        start = bodies[index] + case["articles"][index]["text"].index(quote)
        found = [c for c in claims if c["source"] == f"a{index}.md" and c["start"] <= start < c["end"]]
        assert found, f"no claim at {quote!r} in article {index}"
        return found[0]

    for expected in case.get("locations", []):
        assert sorted(claim(expected["claim"])["location"]) == sorted(expected["location"]), expected
    for expected in case.get("subjects", []):
        assert claim(expected["claim"])["subject"] == expected["subject"], expected
    for expected in case.get("events", []):
        event = expected["event"] and str(expected["event"])  # YAML reads the day as a date
        assert claim(expected["claim"])["as_of"]["event"] == event, expected
