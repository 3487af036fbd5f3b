"""End to end through the CLI on the seed articles: the claims, conflicts and agreements a careful fact-checker finds.

Pinned to ../shared/seeds/expected.yaml (copied into seeds/) and tests/data/seeds_claims.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from seedmatch import SEEDS, matching_claims

from consistency.cli import cli

EXPECTED = yaml.safe_load((SEEDS / "expected.yaml").read_text())
CLAIMS = yaml.safe_load((Path(__file__).parent / "data" / "seeds_claims.yaml").read_text())
TEXTS = {p.name: p.read_text(encoding="utf-8-sig") for p in SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("reports")
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text())


def _one(claims, source, quote, kind=None) -> dict:
    found = matching_claims(claims, TEXTS, source, quote, kind)
    assert found, f"no claim at {source}: {quote!r}"
    return found[0]


@pytest.mark.parametrize("want", CLAIMS, ids=[f"{c['source'][:3]}:{c['quote']}" for c in CLAIMS])
def test_seed_claim(extracted, want):
    claim = _one(extracted, want["source"], want["quote"], want["kind"])
    if "value" in want:
        assert [claim["value"]["low"], claim["value"]["high"]] == want["value"], claim
    for field in ("qualifier",):
        if field in want:
            assert claim["value"][field] == want[field], claim
    for field in ("measure", "subject", "unit", "granularity", "event_key"):
        if field in want:
            assert claim[field] == want[field], claim
    if "location" in want:
        assert sorted(claim["location"]) == sorted(want["location"]), claim
    if "attribution" in want:
        assert want["attribution"].lower() in (claim["attribution"] or "").lower(), claim
    for key, value in want.get("as_of", {}).items():
        assert claim["as_of"][key] == str(value), claim


@pytest.mark.parametrize("item", EXPECTED["not_claims"], ids=lambda i: i["quote"])
def test_no_claim_in_page_furniture(extracted, item):
    assert not matching_claims(extracted, TEXTS, item["source"], item["quote"])


def _pairs(report) -> set[frozenset[str]]:
    return {frozenset(c["claims"]) for c in report["conflicts"]}


def _ids(report, side: dict) -> set[str]:
    return {c["id"] for c in matching_claims(report["claims"], TEXTS, side["source"], side["quote"])}


def _conflict_between(report, a: dict, b: dict) -> bool:
    ids_a, ids_b = _ids(report, a), _ids(report, b)
    return any(len(pair & ids_a) and len(pair & ids_b) for pair in _pairs(report))


@pytest.mark.parametrize("item", EXPECTED["conflicts"], ids=lambda c: c["b"]["quote"])
def test_expected_conflict(report, item):
    assert _conflict_between(report, item["a"], item["b"]), [c["explanation"] for c in report["conflicts"]]


@pytest.mark.parametrize("item", EXPECTED["not_conflicts"], ids=lambda c: c["why"])
def test_not_a_conflict(report, item):
    assert not _conflict_between(report, item["a"], item["b"])


@pytest.mark.parametrize("item", EXPECTED["agreements"], ids=lambda a: a["topic"])
def test_expected_agreement(report, item):
    wanted = [_ids(report, claim) for claim in item["claims"]]
    assert all(wanted), item
    groups = [set(a["claims"]) for a in report["agreements"]]
    assert any(all(ids & group for ids in wanted) for group in groups), [a["explanation"] for a in report["agreements"]]


def test_conflict_explanation_names_outlets_dates_and_gap(report):
    text = " | ".join(c["explanation"] for c in report["conflicts"])
    assert "The Washington Times, 2024-01-25: about 1,000" in text
    assert "United Nations report via Voice of America, 2024-09-27: 1,500–3,000" in text
    assert "33% below the range" in text


def test_conflict_ids_are_stable_across_runs_and_file_order(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.iterdir(), reverse=True):
        (corpus / path.name).write_bytes(path.read_bytes())
    # An unrelated edit at the top of an article moves every offset but must not change any conflict id.
    first = corpus / "004_8d4cf7d2278d132a.txt"
    first.write_text(
        "Editor's note: this article was updated.\n\n" + first.read_text(encoding="utf-8"), encoding="utf-8"
    )
    a, b = tmp_path / "a", tmp_path / "b"
    for out, src in ((a, SEEDS), (b, corpus)):
        result = CliRunner().invoke(cli, ["report", str(src), "--output", str(out), "--format", "json"])
        assert result.exit_code == 0, result.output
    ids = [sorted(c["id"] for c in json.loads((out / "report.json").read_text())["conflicts"]) for out in (a, b)]
    assert ids[0] == ids[1] and ids[0]
