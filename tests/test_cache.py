"""The claims cache: what invalidates it, and that a damaged or busy cache is never trusted."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedmatch import SEEDS

import consistency.cache as cache_module
import consistency.engine as engine
from consistency.cache import DB_NAME, open_cache
from consistency.cli import cli
from consistency.load import load_sources
from consistency.pipeline import RunOptions, analyse
from consistency.rules import load_rules

RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seeds, four times over under other names: 20 articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    for copy in range(4):
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, folder / f"{copy}-{path.name}")
    return folder


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The names of the sources the pipeline extracts (rather than takes from the cache)."""
    seen: list[str] = []
    real = engine.extract_claims

    def counting(source, lexicon=None):
        seen.append(source.name)
        return real(source, lexicon)

    monkeypatch.setattr(engine, "extract_claims", counting)  # every run extracts through engine.safe_extract
    return seen


def analyse_with(folder: Path, cache_dir: Path, rules_dir: Path = RULES):
    sources = load_sources([folder]).sources
    with open_cache(cache_dir, rules_dir) as cache:
        report = analyse(sources, load_rules(rules_dir), RunOptions(rules_dir, cache))
    return report, cache


def test_warm_cache_extracts_only_what_changed(corpus, tmp_path, extractions):
    cold, _ = analyse_with(corpus, tmp_path / "cache")
    assert len(extractions) == 20
    extractions.clear()
    warm, cache = analyse_with(corpus, tmp_path / "cache")
    assert extractions == [] and cache.stats.hits == 20
    assert warm.model_dump(mode="json") == cold.model_dump(mode="json")

    (corpus / "new.txt").write_text(
        "Thursday, January 25, 2024\n\nThe group has about 10,000 fighters in Iraq and Syria.\n"
    )
    edited = corpus / "2-004_8d4cf7d2278d132a.txt"
    edited.write_text(edited.read_text() + "\nOne more paragraph.\n")
    analyse_with(corpus, tmp_path / "cache")
    assert sorted(extractions) == ["2-004_8d4cf7d2278d132a.txt", "new.txt"]


def test_rule_change_keeps_claims_alias_change_drops_them(corpus, tmp_path, extractions):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    analyse_with(corpus, tmp_path / "cache", rules)
    extractions.clear()
    rule = rules / "CC102-fighter-estimates.yaml"
    rule.write_text(rule.read_text().replace("window_days: 365", "window_days: 400"))
    analyse_with(corpus, tmp_path / "cache", rules)
    assert extractions == []  # rules compare claims; they do not make them
    aliases = rules / "aliases" / "measures.yaml"
    aliases.write_text(aliases.read_text() + "\n# a new alias changes what is extracted\n")
    analyse_with(corpus, tmp_path / "cache", rules)
    assert len(extractions) == 20
    with sqlite3.connect(tmp_path / "cache" / DB_NAME) as db:  # the old version's rows are gone
        assert db.execute("SELECT COUNT(DISTINCT extractor) FROM claims").fetchone() == (1,)


def test_publication_date_is_part_of_the_key(corpus, tmp_path, extractions):
    analyse_with(corpus, tmp_path / "cache")
    extractions.clear()
    (corpus / "sources.yaml").write_text("- file: 0-003_a4364a1c23d26e08.txt\n  published: 2021-08-01\n")
    analyse_with(corpus, tmp_path / "cache")
    assert extractions == ["0-003_a4364a1c23d26e08.txt"]  # relative dates resolve against it


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other_schema", "tampered_row", "moved_offsets"])
def test_damaged_cache_is_rebuilt_not_trusted(corpus, tmp_path, extractions, damage):
    cache_dir = tmp_path / "cache"
    cold, _ = analyse_with(corpus, cache_dir)
    db_path = cache_dir / DB_NAME
    if damage == "garbage":
        db_path.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        db_path.write_bytes(db_path.read_bytes()[:5000])
    else:
        with sqlite3.connect(db_path) as db:
            if damage == "other_schema":
                db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
            elif damage == "tampered_row":
                db.execute("UPDATE claims SET claims = replace(claims, '2,500', '9,999')")
            else:  # a well-formed row whose offsets no longer point at its words
                db.execute(
                    "UPDATE claims SET claims = replace(claims, '\"start\":', '\"start\":1'), "
                    "digest = 'x' WHERE rowid = 1"
                )
        db.close()
    extractions.clear()
    warm, cache = analyse_with(corpus, cache_dir)
    assert warm.model_dump(mode="json") == cold.model_dump(mode="json")
    assert extractions, "a damaged cache must not be served"
    if damage in ("garbage", "truncated", "other_schema"):
        assert len(extractions) == 20
    extractions.clear()
    analyse_with(corpus, cache_dir)
    assert extractions == []  # rebuilt


def test_busy_cache_is_read_and_its_writes_skipped(corpus, tmp_path, extractions, monkeypatch):
    monkeypatch.setattr(cache_module, "LOCK_TIMEOUT", 0.05)
    cache_dir = tmp_path / "cache"
    cold, _ = analyse_with(corpus, cache_dir)
    (corpus / "new.txt").write_text("Thursday, January 25, 2024\n\nAbout 2,500 U.S. troops remain in Iraq.\n")
    other = sqlite3.connect(cache_dir / DB_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another CI job in the middle of writing
    other.execute("DELETE FROM claims")
    try:
        extractions.clear()
        report, cache = analyse_with(corpus, cache_dir)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert extractions == ["new.txt"] and cache.stats.hits == 20, (
        extractions,
        cache.stats,
        cache.problem,
    )  # the other writer's half-done work is invisible
    assert len(report.claims) > len(cold.claims)
    extractions.clear()
    analyse_with(corpus, cache_dir)
    assert extractions == ["new.txt"]  # its row was skipped, not half written


def test_unusable_cache_folder_runs_without_cache(corpus, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    report, cache = analyse_with(corpus, blocker)
    assert cache.problem and "cache" in cache.problem and report.conflicts


def test_check_reports_cache_use(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    cold = runner.invoke(cli, ["check", str(corpus)])
    assert cold.exit_code == 1 and (tmp_path / ".consistency-cache" / DB_NAME).is_file()
    assert (tmp_path / ".consistency-cache" / ".gitignore").read_text().strip().endswith("*")
    (corpus / "new.txt").write_text("Thursday, January 25, 2024\n\nAbout 2,500 U.S. troops remain in Iraq.\n")
    warm = runner.invoke(cli, ["check", str(corpus)])
    assert "1 sources extracted, 20 from the cache" in warm.stderr, warm.stderr
    uncached = runner.invoke(cli, ["check", str(corpus), "--no-cache"])
    assert "from the cache" not in uncached.stderr and uncached.stdout == warm.stdout


def test_released_cache_opens_again_when_next_used(tmp_path):
    source = load_sources([SEEDS]).sources[0]
    claims = engine.extract_claims(source)
    with open_cache(tmp_path / "cache") as cache:
        cache.put(source, claims)
        cache.release()  # as before forking workers: pending rows written, connection closed
        assert cache.get(source) == claims
