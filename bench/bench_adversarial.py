#!/usr/bin/env python
"""Time and memory of the checker on hostile input, per doubling of its size: every ratio should be about 2 or less.

Each input is built here, at sizes doubling from --start (100 KB) --doublings times (4: up to 1.6 MB):

* extraction of one article made of: digit-and-comma runs ("999,999,..."), "between 1 and between 2 and ...",
  number words in ranges ("between one and two fighters and ..."), one long line of words, one word with no space;
* YAML: a chain of anchors, each aliasing the previous one twice (it expands to 2**levels nodes), parsed by the
  one safe loader (refused past its node limit) — the input doubles in lines;
* deep nesting: a baseline of "[[[[...]]]]" and front matter of "{a: {a: ...}}", refused as nested too deeply.

For each size: seconds (best of --repeat, without tracing) and the tracemalloc peak of one more run, with the
ratio to the previous size (linear ~2, quadratic ~4). Result: bench/results/adversarial.json.

    python bench/bench_adversarial.py [--start 100000] [--doublings 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, write_result  # noqa: E402

from consistency.errors import ConsistencyError  # noqa: E402
from consistency.extract import extract_claims  # noqa: E402
from consistency.extract.lexicon import default_lexicon  # noqa: E402
from consistency.gate.baseline import read_baseline  # noqa: E402
from consistency.load import load_source  # noqa: E402
from consistency.models import Source  # noqa: E402
from consistency.yamlload import load_yaml  # noqa: E402


def repeat_to(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def extraction(unit: str) -> Callable[[int, Path], Callable[[], object]]:
    """A job extracting the claims of one article of ``unit`` repeated to the size."""
    lexicon = default_lexicon()

    def make(size: int, _folder: Path) -> Callable[[], object]:
        text = repeat_to(unit, size)
        source = Source(name="hostile.txt", path=Path("hostile.txt"), text=text, published=date(2024, 1, 25))
        return lambda: extract_claims(source, lexicon)

    return make


def alias_chain(size: int, _folder: Path) -> Callable[[], object]:
    """YAML of anchors each aliasing the previous twice, about ``size`` bytes."""
    lines = ["l0: &l0 [lol]"]
    while sum(map(len, lines)) < size:
        i = len(lines)
        lines.append(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]")
    text = "\n".join(lines) + "\n"
    return lambda: _refused(lambda: load_yaml(Path("bomb.yaml"), text))


def nested_baseline(size: int, folder: Path) -> Callable[[], object]:
    path = folder / f"baseline-{size}.json"
    path.write_text("[" * (size // 2) + "]" * (size // 2))
    return lambda: _refused(lambda: read_baseline(path))


def nested_front_matter(size: int, folder: Path) -> Callable[[], object]:
    path = folder / f"nested-{size}.md"
    depth = size // 6
    path.write_text("---\nx: " + "{a: " * depth + "1" + "}" * depth + "\n---\nAbout 40 fighters.\n")
    return lambda: _refused(lambda: load_source(folder, path, {}))


def _refused(job: Callable[[], object]) -> bool:
    try:
        job()
    except ConsistencyError:
        return True
    return False


INPUTS: dict[str, Callable[[int, Path], Callable[[], object]]] = {
    "digit-and-comma runs": extraction("999,"),
    "between runs (numerals)": extraction("between 1 and "),
    "between runs (number words)": extraction("between one and two fighters and "),
    "long line of words": extraction("word "),
    "one long word": extraction("a"),
    "YAML alias chain": alias_chain,
    "baseline nested deep": nested_baseline,
    "front matter nested deep": nested_front_matter,
}


def measure(job: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best seconds of ``repeat`` runs, tracemalloc peak in MB of one more run)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    job()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, peak


def _ratio(rows: list[dict], field: str, value: float) -> float | None:
    """``value`` over the previous size's, or None for the first size."""
    return round(value / rows[-1][field], 2) if rows and rows[-1][field] else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=100_000, help="smallest input, bytes")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [args.start * 2**i for i in range(args.doublings + 1)]
    results: dict[str, list[dict]] = {}
    print(f"{'input':30} {'KB':>6} {'seconds':>9} {'x':>5} {'peak MB':>8} {'x':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in INPUTS.items():
            rows: list[dict] = []
            for size in sizes:
                seconds, peak = measure(make(size, Path(folder)), args.repeat)
                row = {
                    "bytes": size,
                    "seconds": round(seconds, 4),
                    "peak_mb": round(peak, 2),
                    "time_ratio": _ratio(rows, "seconds", seconds),
                    "memory_ratio": _ratio(rows, "peak_mb", peak),
                }
                rows.append(row)
                ratios = [f"{r:5.2f}" if r is not None else "     " for r in (row["time_ratio"], row["memory_ratio"])]
                print(f"{name:30} {size // 1000:6} {seconds:9.4f} {ratios[0]} {peak:8.2f} {ratios[1]}")
            results[name] = rows
    path = write_result("adversarial.json", {"machine": machine(), "repeat": args.repeat, "inputs": results})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
