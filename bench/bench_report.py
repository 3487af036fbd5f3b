#!/usr/bin/env python
"""Time the full `consistency report` pipeline stage by stage, and how grouping scales.

1. Full pipeline over --articles articles (default 2,000) of a synthetic corpus:
   load_rules, lexicon, load_sources, extract_claims per source, group_claims,
   compare_topics, write_reports (html, md, json, csv, sqlite into a temp dir,
   each format timed on its own), each stage reported separately.
2. Scaling: group_claims and compare_topics on the claims of the first 500,
   1,000, 2,000, 4,000 articles (--sizes), best of --repeat runs, with the time
   ratio per doubling (linear ~2, quadratic ~4) and the number of claim pairs
   compare_topics has to look at (the sum over topics of k*(k-1)/2).

Claims are extracted once, for the largest size, and reused: the first N
articles' claims are the claims of a corpus of N articles (make_corpus.py makes
article i from its own random stream).  Result: bench/results/report.json.

    python bench/bench_report.py [--articles 2000] [--sizes 500,1000,2000,4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import HERE, ROOT, article_files, ensure_corpus, machine, peak_rss_mb, write_result  # noqa: E402

from consistency import __version__  # noqa: E402
from consistency.compare import compare_topics  # noqa: E402
from consistency.extract import extract_claims  # noqa: E402
from consistency.extract.lexicon import default_lexicon  # noqa: E402
from consistency.group import group_claims  # noqa: E402
from consistency.load import load_sources  # noqa: E402
from consistency.models import Report  # noqa: E402
from consistency.report import FORMATS, write_reports  # noqa: E402
from consistency.rules import load_rules  # noqa: E402


def timed(fn, *args):
    t = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - t


def pairs(topics) -> int:
    return sum(len(t.claims) * (len(t.claims) - 1) // 2 for t in topics)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the full pipeline run (default 2000)")
    parser.add_argument("--sizes", default="500,1000,2000,4000", help="article counts of the scaling run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per scaling size, best kept (default 3)")
    parser.add_argument("--rules", type=Path, default=ROOT / "rules", help="rules folder (default /work/main/rules)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    biggest = max(sizes + [args.articles])

    corpus = HERE / "corpus" / f"articles-{biggest}"
    made = ensure_corpus(corpus, articles=biggest)
    files = article_files(corpus)

    # --- 1. the full pipeline, stage by stage ---
    stages: dict[str, float] = {}
    rules, stages["load_rules"] = timed(load_rules, args.rules)
    lexicon, stages["lexicon"] = timed(default_lexicon, args.rules)
    loaded, stages["load_sources"] = timed(load_sources, files[: args.articles])
    sources = loaded.sources
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    per_source: dict[str, list] = {}
    t = time.perf_counter()
    for source in sources:
        per_source[source.name] = extract_claims(source, lexicon)
    stages["extract"] = time.perf_counter() - t
    claims = [c for s in sources for c in per_source[s.name]]
    by_id = {c.id: c for c in claims}
    topics, stages["group"] = timed(group_claims, claims)
    findings, stages["compare"] = timed(compare_topics, topics, by_id, rules, {s.name: s for s in sources})
    report = Report(
        sources=sources,
        claims=claims,
        topics=topics,
        conflicts=findings.conflicts,
        agreements=findings.agreements,
        generated_with={"consistency": __version__, "rules": ",".join(r.code for r in rules)},
    )
    writes: dict[str, dict] = {}
    out_dir = Path(tempfile.mkdtemp(prefix="consistency-bench-"))
    try:
        for fmt in FORMATS:
            t = time.perf_counter()
            try:
                written = write_reports(report, out_dir, [fmt])
            except Exception as err:  # a writer failing is a result too; the other formats still run
                writes[fmt] = {"seconds": round(time.perf_counter() - t, 3), "error": f"{type(err).__name__}: {err}"}
                continue
            writes[fmt] = {
                "seconds": round(time.perf_counter() - t, 3),
                "mb": round(sum(p.stat().st_size for p in written) / 1e6, 2),
            }
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    stages["write_reports"] = sum(w["seconds"] for w in writes.values())
    total = sum(stages.values())
    full = {
        "articles": len(sources),
        "problems": len(loaded.problems),
        "mb": round(mb, 3),
        "claims": len(claims),
        "topics": len(topics),
        "largest_topic": max((len(t.claims) for t in topics), default=0),
        "pairs": pairs(topics),
        "conflicts": len(findings.conflicts),
        "agreements": len(findings.agreements),
        "stages_s": {k: round(v, 3) for k, v in stages.items()},
        "total_s": round(total, 3),
        "writes": writes,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(
        f"full pipeline: {len(sources):,} articles, {mb:.2f} MB, {len(claims):,} claims, {len(topics):,} topics "
        f"(largest {full['largest_topic']:,} claims), {len(findings.conflicts):,} conflicts, "
        f"{len(findings.agreements):,} agreements"
    )
    for name, seconds in stages.items():
        print(f"  {name:<14} {seconds:9.3f} s  {100 * seconds / total:5.1f} %")
    for fmt, w in writes.items():
        print(
            f"    {fmt:<12} {w['seconds']:9.3f} s  " + (f"{w['mb']:.1f} MB" if "mb" in w else f"FAILED: {w['error']}")
        )
    print(f"  {'total':<14} {total:9.3f} s   peak RSS {full['peak_rss_mb']:.0f} MB")
    del report, findings, writes
    gc.collect()

    # --- 2. scaling of group + compare ---
    more, extra_load_s = timed(load_sources, files[args.articles : biggest])
    for source in more.sources:
        per_source[source.name] = extract_claims(source, lexicon)
    all_sources = sources + more.sources
    source_map = {s.name: s for s in all_sources}
    scaling = []
    for n in sizes:
        subset = [c for s in all_sources[:n] for c in per_source[s.name]]
        subset_ids = {c.id: c for c in subset}
        best_group = best_compare = math.inf
        for _ in range(max(1, args.repeat)):
            gc.collect()
            topics, g = timed(group_claims, subset)
            findings, c = timed(compare_topics, topics, subset_ids, rules, source_map)
            best_group, best_compare = min(best_group, g), min(best_compare, c)
        scaling.append(
            {
                "articles": n,
                "claims": len(subset),
                "topics": len(topics),
                "largest_topic": max((len(t.claims) for t in topics), default=0),
                "pairs": pairs(topics),
                "conflicts": len(findings.conflicts),
                "group_s": round(best_group, 4),
                "compare_s": round(best_compare, 4),
                "group_compare_s": round(best_group + best_compare, 4),
            }
        )
        del topics, findings
    for prev, row in zip(scaling, scaling[1:], strict=False):
        factor = row["articles"] / prev["articles"]
        for key in ("group_s", "compare_s", "group_compare_s", "claims", "pairs"):
            ratio = row[key] / prev[key] if prev[key] else math.inf
            # normalised to a doubling, so sizes that are not powers of two compare too
            row[f"{key.removesuffix('_s')}_ratio"] = round(ratio ** (1 / math.log2(factor)), 2)
    print(f"\nscaling (best of {args.repeat}): ratio per doubling, linear ~2.0, quadratic ~4.0")
    print(
        f"  {'articles':>8} {'claims':>8} {'topics':>6} {'largest':>7} {'pairs':>11} {'group s':>9} {'x':>5} "
        f"{'compare s':>10} {'x':>5} {'group+cmp s':>11} {'x':>5}"
    )
    for row in scaling:
        r = lambda k, row=row: f"{row[k]:5.2f}" if k in row else "    -"  # noqa: E731
        print(
            f"  {row['articles']:>8,} {row['claims']:>8,} {row['topics']:>6,} {row['largest_topic']:>7,} "
            f"{row['pairs']:>11,} "
            f"{row['group_s']:>9.4f} {r('group_ratio')} {row['compare_s']:>10.3f} {r('compare_ratio')} "
            f"{row['group_compare_s']:>11.3f} {r('group_compare_ratio')}"
        )

    result = {
        "benchmark": "report",
        "machine": machine(),
        "consistency": __version__,
        "corpus": {"folder": str(corpus), "made": made},
        "full": full,
        "scaling": scaling,
        "extra_load_s": round(extra_load_s, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    path = write_result("report.json", result)
    print(f"-> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
