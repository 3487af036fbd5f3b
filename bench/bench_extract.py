#!/usr/bin/env python
"""Extraction throughput and memory: MB of article text per second, one process.

Loads a synthetic corpus (default 20 MB, made by bench/make_corpus.py if
missing), timing the load separately, then extracts the claims of every source
with the default lexicon and reports MB/s, claims/s and the peak RSS of the
process (ru_maxrss, all claims kept in memory as the pipeline does).  A second,
untimed pass over a sample runs under tracemalloc to give the peak Python
allocation of extraction itself.  Result: bench/results/extract.json.

    python bench/bench_extract.py [--megabytes 20] [--repeat 1] [--sample 200]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import HERE, article_files, ensure_corpus, machine, peak_rss_mb, write_result  # noqa: E402

from consistency.extract import extract_claims  # noqa: E402
from consistency.extract.lexicon import default_lexicon  # noqa: E402
from consistency.load import load_sources  # noqa: E402


def phrasing_accuracy() -> dict[str, int]:
    """Items of the phrasing corpus the extractor gets right in every annotated field: every item but those marked
    ``known_gap`` (the test suite fails if a marked one passes or an unmarked one fails, so the count is exact)."""
    import yaml

    items = [
        item
        for path in sorted((HERE.parent / "tests" / "data" / "extract" / "quantities").glob("*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]
    return {"items": len(items), "right": sum("known_gap" not in item for item in items)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="corpus size in MB (10**6 bytes; default 20)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="timed extraction passes (default 1; the best is reported)"
    )
    parser.add_argument("--sample", type=int, default=200, help="articles extracted under tracemalloc (default 200)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default bench/corpus/mb-M)")
    args = parser.parse_args(argv)

    corpus = args.corpus or HERE / "corpus" / f"mb-{args.megabytes:g}"
    made = ensure_corpus(corpus, megabytes=args.megabytes)
    files = article_files(corpus)
    rss_start = peak_rss_mb()

    t = time.perf_counter()
    lexicon = default_lexicon()
    lexicon_s = time.perf_counter() - t

    t = time.perf_counter()
    loaded = load_sources(files)
    load_s = time.perf_counter() - t
    if loaded.problems:
        print(f"warning: {len(loaded.problems)} files could not be loaded, e.g. {loaded.problems[0]}", file=sys.stderr)
    sources = loaded.sources
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    rss_loaded = peak_rss_mb()

    passes = []
    claims: list = []
    for _ in range(max(1, args.repeat)):
        claims = []
        gc.collect()
        t = time.perf_counter()
        for source in sources:
            claims += extract_claims(source, lexicon)
        passes.append(time.perf_counter() - t)
    rss_extracted = peak_rss_mb()
    best = min(passes)

    sample = sources[: args.sample]
    sample_mb = sum(len(s.text.encode("utf-8")) for s in sample) / 1e6
    gc.collect()
    tracemalloc.start()
    for source in sample:
        extract_claims(source, lexicon)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    accuracy = phrasing_accuracy()
    result = {
        "benchmark": "extract",
        "machine": machine(),
        "corpus": {"folder": str(corpus), "articles": len(sources), "mb": round(mb, 3), "made": made},
        "lexicon_load_s": round(lexicon_s, 4),
        "load_s": round(load_s, 3),
        "load_mb_per_s": round(mb / load_s, 2),
        "extract_s": [round(p, 3) for p in passes],
        "extract_best_s": round(best, 3),
        "extract_median_s": round(statistics.median(passes), 3),
        "mb_per_s": round(mb / best, 4),
        "articles_per_s": round(len(sources) / best, 1),
        "claims": len(claims),
        "claims_per_s": round(len(claims) / best, 1),
        "peak_rss_mb": {
            "at_start": round(rss_start, 1),
            "after_load": round(rss_loaded, 1),
            "after_extract": round(rss_extracted, 1),
        },
        "tracemalloc_sample": {
            "articles": len(sample),
            "mb": round(sample_mb, 3),
            "peak_mb": round(traced_peak / 1e6, 2),
        },
        "phrasing_accuracy": accuracy,
    }
    path = write_result("extract.json", result)

    rows = [
        ("corpus", f"{len(sources):,} articles, {mb:.2f} MB ({corpus})"),
        ("lexicon load", f"{lexicon_s:.3f} s"),
        ("load_sources", f"{load_s:.2f} s  ({mb / load_s:.1f} MB/s)"),
        ("extract", f"{best:.1f} s best of {len(passes)}  (median {statistics.median(passes):.1f} s)"),
        (
            "throughput",
            f"{mb / best:.3f} MB/s, {len(sources) / best:.1f} articles/s, {len(claims) / best:,.0f} claims/s",
        ),
        ("claims", f"{len(claims):,}"),
        (
            "accuracy",
            f"{accuracy['right']} of {accuracy['items']} phrasings right in every field "
            f"({accuracy['right'] / accuracy['items']:.0%}; tests/data/extract, the suite checks it)",
        ),
        (
            "peak RSS",
            f"{rss_loaded:.0f} MB after load, {rss_extracted:.0f} MB after extraction (start {rss_start:.0f} MB)",
        ),
        ("tracemalloc peak", f"{traced_peak / 1e6:.1f} MB extracting {len(sample)} articles ({sample_mb:.2f} MB)"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(f"-> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
