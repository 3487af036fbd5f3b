"""Scale: a pool of workers, the Dask engine and streaming extraction give what a serial run gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedmatch import SEEDS

import consistency.engine as engine
from consistency import claims_frame
from consistency.cache import open_cache
from consistency.cli import cli
from consistency.extract import extract_claims
from consistency.load import load_sources
from consistency.output import render_claims
from consistency.pipeline import RunOptions, run
from consistency.stream import ClaimWriter, stream_claims

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 80  # enough that --jobs 2 really starts a pool (engine.POOL_FROM)


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory) -> Path:
    """A small corpus from the benchmarks' generator: every article retells the seeds' stories."""
    folder = tmp_path_factory.mktemp("bench") / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(folder), "--articles", str(ARTICLES)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder


def report_json(corpus: Path, out: Path, *options: str) -> str:
    no_cache = [] if "--cache-dir" in options else ["--no-cache"]
    result = CliRunner().invoke(
        cli, ["report", str(corpus), "--format", "json", "-o", str(out), *no_cache, "-q", *options]
    )
    assert result.exit_code == 0, result.output
    return (out / "report.json").read_text()


def test_serial_pool_and_dask_give_the_same_report(bench_corpus, tmp_path):
    pytest.importorskip("distributed")
    assert ARTICLES >= engine.POOL_FROM
    serial = report_json(bench_corpus, tmp_path / "serial", "--jobs", "1")
    assert json.loads(serial)["conflicts"], "the corpus should hold conflicts for the comparison to mean anything"
    assert report_json(bench_corpus, tmp_path / "pool", "--jobs", "2") == serial
    assert report_json(bench_corpus, tmp_path / "dask", "--engine", "dask") == serial


def test_dask_names_story_events_as_a_local_run_does(tmp_path):
    """Claims the corpus renames after extraction ("the blaze" of an address about the Camp Fire) move to the
    named event's partition on Dask too."""
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = {
        "a.md": ("2018-11-12", None, "The Camp Fire has destroyed 6,453 homes in Butte County, Cal Fire said."),
        "b.md": ("2018-11-12", "https://x.example/crews-battle-camp-fire/", "The blaze has destroyed 6,000 homes."),
    }
    for name, (published, url, text) in articles.items():
        url_line = f"url: {url}\n" if url else ""
        (corpus / name).write_text(f"---\npublished: {published}\n{url_line}---\n{text}\n", encoding="utf-8")
    serial = report_json(corpus, tmp_path / "serial")
    assert json.loads(serial)["conflicts"], "the renamed claim should meet the named one"
    assert report_json(corpus, tmp_path / "dask", "--engine", "dask") == serial


def test_local_dask_cluster_fills_the_cache(bench_corpus, tmp_path):
    pytest.importorskip("distributed")
    folder = tmp_path / "cache"
    report_json(bench_corpus, tmp_path / "dask", "--engine", "dask", "--cache-dir", str(folder))
    sources = load_sources([bench_corpus]).sources
    with open_cache(folder) as cache:
        assert all(cache.get(source) is not None for source in sources), "the Dask workers should have written rows"


def test_dask_partition_says_which_article_the_extractor_failed_on(monkeypatch):
    from consistency.dask_engine import SKIPPED, _extract_partition

    sources = load_sources([SEEDS]).sources[:2]

    def fail_on_first(source, lexicon=None):
        if source.name == sources[0].name:
            raise ValueError("a defect")
        return extract_claims(source, lexicon)

    monkeypatch.setattr(engine, "extract_claims", fail_on_first)
    frame = _extract_partition(list(enumerate(sources)))
    failed = frame[frame["claim_index"] == SKIPPED]
    assert list(failed["source_index"]) == [0] and "extractor failed" in failed["claim"].iloc[0]
    assert set(frame["source_index"]) == {0, 1}


def test_pool_keeps_source_order(monkeypatch):
    monkeypatch.setattr(engine, "POOL_FROM", 1)
    sources = load_sources([SEEDS]).sources
    pooled = list(engine.extract_sources(sources, jobs=2))
    assert [s.name for s, _ in pooled] == [s.name for s in sources]
    assert [claims for _, claims in pooled] == [extract_claims(s) for s in sources]


def test_pool_workers_fill_the_cache_and_read_it(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "POOL_FROM", 1)
    sources = load_sources([SEEDS]).sources

    def not_here(*_args):
        raise AssertionError("the workers read and write the cache, not the process that started them")

    runs = []
    for _ in range(2):
        with open_cache(tmp_path / "cache") as cache:
            monkeypatch.setattr(cache, "get", not_here)  # this object only: the workers open their own
            monkeypatch.setattr(cache, "put", not_here)
            runs.append((list(engine.extract_sources(sources, jobs=2, cache=cache)), cache.stats))
    (first, cold), (second, warm) = runs
    assert (cold.hits, cold.misses) == (0, len(sources))
    assert (warm.hits, warm.misses) == (len(sources), 0), "the workers' rows should have been committed"
    assert second == first


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_streamed_extract_is_the_whole_rendering(fmt, tmp_path):
    sources = load_sources([SEEDS]).sources
    claims = [c for s in sources for c in extract_claims(s)]
    out = tmp_path / f"claims.{fmt}"
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--format", fmt, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text() == render_claims(claims, fmt, sources)


def test_jsonl_is_written_before_the_last_article_is_extracted():
    sources = load_sources([SEEDS]).sources
    written: list[str] = []
    pending = len(sources)

    def extracted():
        nonlocal pending
        for source in sources:
            pending -= 1
            yield source, extract_claims(source)

    seen_pending = []
    writer = ClaimWriter("jsonl", lambda text: (written.append(text), seen_pending.append(pending)))
    stream_claims(extracted(), [writer])
    assert seen_pending[0] > 0


def test_dask_engine_without_dask_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now raises ImportError
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines() == ["error: --engine dask needs Dask: pip install 'consistency[dask]'"]


def test_scheduler_needs_the_dask_engine():
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_second_report_takes_claims_from_the_cache(tmp_path):
    args = ["report", str(SEEDS), "--format", "json", "--cache-dir", str(tmp_path / "cache")]
    first = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "a")])
    second = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "b")])
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    count = len(load_sources([SEEDS]).sources)
    assert f"0 sources extracted, {count} from the cache" in second.output
    assert (tmp_path / "a" / "report.json").read_text() == (tmp_path / "b" / "report.json").read_text()


def test_no_cache_leaves_no_cache_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--format", "md", "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / ".consistency-cache").exists()


def test_claims_frame_is_the_claim_table():
    report = run([SEEDS]).report
    frame = claims_frame(report)
    assert list(frame["id"]) == [c.id for c in report.claims]
    assert frame.loc[report.claims[0].id, "text"] == report.claims[0].text


def test_formats_written_in_parallel_are_the_serial_files(tmp_path, monkeypatch):
    import consistency.report as writers

    report = run([SEEDS]).report
    serial = writers.write_reports(report, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(writers, "PARALLEL_FROM", 0)
    parallel = writers.write_reports(report, tmp_path / "parallel", jobs=2)
    assert [p.name for p in parallel] == [p.name for p in serial]
    for a, b in zip(serial, parallel, strict=True):
        if a.suffix != ".db":  # SQLite files hold page-level details that need not match byte for byte
            assert a.read_bytes() == b.read_bytes(), a.name


def test_topics_compared_in_parallel_give_the_serial_report(monkeypatch):
    serial = run([SEEDS], RunOptions(jobs=1)).report.model_dump(mode="json")
    monkeypatch.setattr(engine, "PARALLEL_COMPARE_FROM", 0)
    monkeypatch.setattr(engine, "POOL_FROM", 1)
    assert run([SEEDS], RunOptions(jobs=2)).report.model_dump(mode="json") == serial


def test_a_crowded_topic_lists_fewer_conflicts_per_claim(tmp_path):
    """A story retold hundreds of times lists each claim against five rivals at most, a small one against ten."""
    from consistency.compare import CROWDED_CAP, CROWDED_TOPIC, MAX_CONFLICTS_PER_CLAIM

    folder = tmp_path / "articles"
    folder.mkdir()
    for index in range(CROWDED_TOPIC + 5):
        fighters = 1000 * (1 + index % 40) ** 2  # forty estimates, each far from the others
        (folder / f"a{index}.md").write_text(
            f"---\noutlet: Outlet {index}\npublished: 2024-09-30\n---\n"
            f"There are about {fighters:,} Islamic State fighters in Iraq and Syria, source {index} said.\n",
            encoding="utf-8",
        )
    out = tmp_path / "out"
    args = ["report", str(folder), "--no-cache", "--format", "json", "-o", str(out), "-j", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    listed: dict[str, int] = {}
    for conflict in report["conflicts"]:
        for claim in conflict["claims"]:
            listed[claim] = listed.get(claim, 0) + 1
    assert listed and max(listed.values()) == CROWDED_CAP < MAX_CONFLICTS_PER_CLAIM
    assert sum(t["unlisted_conflicts"] for t in report["topics"]) > 0
