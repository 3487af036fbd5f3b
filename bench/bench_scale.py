"""The command line at scale: report wall time serial, with all cores and on Dask; peak RSS; extract streaming RSS
as the corpus grows; a second report with the claims cache; a warm ``check --since`` of one new article; report.html's
open time in Chromium.

Each run is a fresh ``consistency`` process (interpreter start-up and imports included), timed from the outside:
wall time, CPU time (user + system, of that process and its workers: on a machine other work shares, wall time
wanders and CPU time much less) and peak RSS, the largest of that process and its workers (``wait4``'s rusage).

    python bench/bench_scale.py [--articles 4000] [--repeat 1] [--skip-dask]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from _common import HERE, article_files, ensure_corpus, machine, write_result
from bench_check import NEW_ARTICLE, git, timed_check

CONSISTENCY = [sys.executable, "-m", "consistency"]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


IDLE: list[float] = []  # share of CPU time idle just before each run: other work on the machine skews the figures


def cpu_idle(seconds: float = 1.0) -> float:
    """The share of CPU time spent idle over the next ``seconds`` (Linux /proc/stat; 1.0 elsewhere)."""

    def sample() -> list[int]:
        return [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]

    try:
        before = sample()
        time.sleep(seconds)
        after = sample()
    except OSError:
        return 1.0
    delta = [b - a for a, b in zip(before, after, strict=True)]
    return (delta[3] + delta[4]) / max(1, sum(delta))  # idle + iowait


def wait_for_quiet(limit: float = 30.0) -> None:
    """Wait (up to ``limit`` seconds) until the CPUs are nearly idle, and record how idle they were."""
    deadline = time.monotonic() + limit
    idle = cpu_idle()
    while idle < 0.9 and time.monotonic() < deadline:
        idle = cpu_idle(2.0)
    IDLE.append(idle)


@dataclass
class Timing:
    seconds: float  # wall
    cpu_seconds: float  # user + system, the process and its workers
    peak_rss_mb: float

    def __str__(self) -> str:
        return f"{self.seconds:.1f} s wall, {self.cpu_seconds:.1f} s CPU, peak RSS {self.peak_rss_mb:.0f} MB"


def timed(*args: str, cwd: Path | None = None) -> Timing:
    """Wall time, CPU time and peak RSS of one ``consistency`` run; its output is discarded."""
    wait_for_quiet()
    start = time.perf_counter()
    process = subprocess.Popen([*CONSISTENCY, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"consistency {' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return Timing(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(repeat: int, *args: str) -> Timing:
    """The fastest of ``repeat`` runs (other work on the machine only ever slows a run down)."""
    return min((timed(*args) for _ in range(repeat)), key=lambda t: t.seconds)


def open_time(page: Path, repeat: int = 3) -> float | None:
    """Best seconds from navigation to the load event with a frame painted, in Chromium through Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    best = None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(repeat):
            tab = browser.new_page()
            start = time.perf_counter()
            tab.goto(page.as_uri(), wait_until="load")
            tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
            tab.close()
        browser.close()
    return best


class Rows(list):
    """The printed table, a line as each figure comes in (a full run takes minutes)."""

    def append(self, row: tuple[str, str]) -> None:
        super().append(row)
        print(f"{row[0]:<62}  {row[1]}  (CPU idle before: {IDLE[-1]:.0%})", flush=True)


def warm_check(corpus: Path, out: Path, rows: Rows) -> dict:
    """``check --since HEAD`` of one new article in a git repository holding the corpus, the cache filled by a report
    (with all cores) over it: the command's wall and CPU time, and its work in one process (start-up excluded)."""
    repo = out / "repo"
    (repo / "corpus").mkdir(parents=True)
    for path in article_files(corpus):
        shutil.copy(path, repo / "corpus" / path.name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "archive")
    cache = repo / ".consistency-cache"  # where check looks by default; git-ignored by the file the cache writes
    timed("report", str(repo / "corpus"), "-o", str(out / "k"), "--format", "md", "--cache-dir", str(cache), "-q")
    (repo / "corpus" / "new-article.md").write_text(NEW_ARTICLE)
    command = timed("check", "corpus", "--since", "HEAD", "--cache-dir", str(cache), "-q", cwd=repo)
    work, _, extracted = timed_check(repo, cache)
    rows.append((f"check --since, 1 new article + {len(article_files(corpus)):,}, warm cache", str(command)))
    rows.append(("  of which the work (in one process, start-up excluded)", f"{work:.2f} s, {extracted} extracted"))
    return {"command": asdict(command), "work_seconds": work, "extracted": extracted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--html-articles", type=int, default=1000, help="also time report.html over this many")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each report over the corpus; the best is kept")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    corpus = HERE / "corpus" / f"articles-{args.articles}"
    ensure_corpus(corpus, articles=args.articles)
    small = HERE / "corpus" / f"articles-{args.html_articles}"
    ensure_corpus(small, articles=args.html_articles)
    results: dict = {"machine": machine(), "articles": args.articles}
    rows = Rows()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, options in [("serial (--jobs 1)", ["--jobs", "1"]), ("all cores", [])]:
            run = best(args.repeat, "report", str(corpus), "-o", str(out / "r"), "--no-cache", "-q", *options)
            results[f"report {name}"] = asdict(run)
            rows.append((f"report, {args.articles:,} articles, {name}", str(run)))
        if not args.skip_dask:
            run = timed("report", str(corpus), "-o", str(out / "d"), "--no-cache", "-q", "--engine", "dask")
            results["report dask"] = asdict(run)
            rows.append((f"report, {args.articles:,} articles, --engine dask (local)", str(run)))
        cache = out / "cache"
        cold = timed("report", str(corpus), "-o", str(out / "c"), "--cache-dir", str(cache), "-q")
        warm = timed("report", str(corpus), "-o", str(out / "c"), "--cache-dir", str(cache), "-q")
        results["report cache"] = {"cold": asdict(cold), "warm": asdict(warm)}
        rows.append(("report with the cache: first run (fills it)", str(cold)))
        rows.append(("report with the cache: second run", str(warm)))
        results["check"] = warm_check(corpus, out, rows)
        for megabytes in (5, 20):
            folder = HERE / "corpus" / f"mb-{megabytes}"
            ensure_corpus(folder, megabytes=megabytes)
            for name, options in [("--jobs 1", ["--jobs", "1"]), ("all cores", [])]:
                run = timed(
                    "extract", str(folder), "--format", "jsonl", "-o", str(out / "claims.jsonl"), "-q", *options
                )
                results[f"extract {megabytes} MB {name}"] = asdict(run)
                rows.append((f"extract --format jsonl, {megabytes} MB, {name}", str(run)))
        for count, folder in [(args.html_articles, small), (args.articles, corpus)]:
            timed("report", str(folder), "-o", str(out / f"h{count}"), "--format", "html", "-q", "--no-cache")
            page = out / f"h{count}" / "report.html"
            seconds = open_time(page)
            size = page.stat().st_size / 1e6
            results[f"html {count}"] = {"open_seconds": seconds, "megabytes": size}
            shown = f"{seconds:.2f} s" if seconds is not None else "not measured (no Playwright or Chromium)"
            rows.append((f"report.html over {count:,} articles ({size:.1f} MB) opens in Chromium", shown))
        shutil.rmtree(out / "r", ignore_errors=True)
    results["cpu_idle_before_each_run"] = IDLE
    print(f"CPU idle just before the runs: {min(IDLE):.0%} to {max(IDLE):.0%}")
    print(f"wrote {write_result('scale.json', results)}")


if __name__ == "__main__":
    main()
