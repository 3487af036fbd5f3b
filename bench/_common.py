"""Shared helpers of the benchmarks: machine facts, corpus paths, peak RSS, JSON results."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def ensure_corpus(out_dir: Path, *, articles: int | None = None, megabytes: float | None = None) -> dict:
    """Make the corpus in a child process (so its memory does not count here) unless already there."""
    args = [sys.executable, str(HERE / "make_corpus.py"), str(out_dir)]
    args += ["--articles", str(articles)] if articles is not None else ["--megabytes", f"{megabytes:g}"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return json.loads((out_dir / ".corpus.json").read_text())


def article_files(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("article-*.txt"))


def write_result(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    tmp.replace(path)
    return path
