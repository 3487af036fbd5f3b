"""Time ``consistency check --since`` for one new article against a 2,000-article archive, cold and warm cache.

A cold run extracts every article; a warm run finds the archive's claims in the cache and compares only the
pairs that touch the new article. Both run in this process (interpreter start-up and imports excluded) in a
temporary git repository holding a copy of the corpus.

    python bench/bench_check.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _common import HERE, article_files, ensure_corpus, machine, peak_rss_mb, write_result

from consistency.cache import open_cache
from consistency.check import check

NEW_ARTICLE = """---
outlet: Bench Wire
published: 2024-06-01
---
There are about 10,000 Islamic State fighters in Iraq and Syria, officials said.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
        cwd=repo,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def timed_check(repo: Path, cache_dir: Path) -> tuple[float, int, int]:
    """(seconds, conflicts that fail, sources extracted) of one check --since HEAD."""
    start = time.perf_counter()
    with open_cache(cache_dir) as cache:
        checked = check(repo / "corpus", since="HEAD", cache=cache)
        extracted = cache.stats.misses
    return time.perf_counter() - start, len(checked.result.failing()), extracted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    corpus = HERE / "corpus" / "articles-4000"
    ensure_corpus(corpus, articles=4000)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        (repo / "corpus").mkdir()
        for path in article_files(corpus)[: args.articles]:
            shutil.copy(path, repo / "corpus" / path.name)
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "archive")
        cache_dir = repo / ".consistency-cache"
        (repo / "corpus" / "new-article.md").write_text(NEW_ARTICLE)
        cold, failing, extracted_cold = timed_check(repo, cache_dir)
        # The next pull request: the archive is cached, one other new article arrives.
        (repo / "corpus" / "new-article.md").write_text(NEW_ARTICLE.replace("10,000", "12,000"))
        warm, failing_warm, extracted_warm = timed_check(repo, cache_dir)
    result = {
        "machine": machine(),
        "articles": args.articles,
        "cold_seconds": round(cold, 3),
        "warm_seconds": round(warm, 3),
        "speed_up": round(cold / warm, 1),
        "extracted_cold": extracted_cold,
        "extracted_warm": extracted_warm,
        "failing_conflicts": [failing, failing_warm],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(f"check --since, {args.articles:,} archived articles + 1 new")
    print(f"  cold cache  {cold:7.3f} s  ({extracted_cold:,} sources extracted)")
    print(f"  warm cache  {warm:7.3f} s  ({extracted_warm:,} sources extracted)  {cold / warm:.1f}x faster")
    print(f"  conflicts failing the gate: {failing} cold, {failing_warm} warm")
    print(f"-> {write_result('check.json', result)}")


if __name__ == "__main__":
    main()
