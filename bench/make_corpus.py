#!/usr/bin/env python
"""Generate a deterministic synthetic news corpus from the seed articles.

Each article recombines paragraphs (and, now and then, loose sentences) of the
seed articles in /work/main/seeds, with every number that has a thousands
separator ("2,500", "1,000,000") and most plain counts ("60", "3.5") replaced by
a random plausible value of the same size, a made-up outlet and a publication
date between 2014 and 2025, written as YAML front matter:

    ---
    outlet: Northbridge Ledger
    published: 2019-04-17
    ---
    <body>

Article i is generated from its own random stream (seed, i), so a corpus of N
articles is the first N files of any larger corpus made with the same seed: the
benchmarks use prefixes of one corpus for their scaling runs.

    python bench/make_corpus.py [OUT_DIR] --articles N
    python bench/make_corpus.py [OUT_DIR] --megabytes M      # stop at M MB (10**6 bytes)

OUT_DIR defaults to bench/corpus/articles-N or bench/corpus/mb-M.  A hidden
``.corpus.json`` in OUT_DIR records how the corpus was made; an existing corpus
made with the same parameters is kept as it is (use --force to rebuild).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
CORPUS = HERE / "corpus"
DEFAULT_SEED = 20240125
VERSION = 2  # bump when the generator's output changes

OUTLETS = [
    "Northbridge Ledger",
    "The Daily Meridian",
    "Harbor City Courier",
    "Global Dispatch Wire",
    "The Evening Sentinel",
    "Capital Beacon",
    "Riverside Tribune",
    "The Continental Post",
    "Frontline Observer",
    "Eastgate Herald",
    "The Morning Compass",
    "Pacific Rim Chronicle",
    "Atlas News Service",
    "The Westbrook Times",
    "Summit Press Agency",
    "The Lantern Review",
    "Crossroads Gazette",
    "Meridian World Report",
    "The Granite Standard",
    "Bluewater Journal",
]
FIRST_DAY = date(2014, 1, 1)
LAST_DAY = date(2025, 12, 31)

# Numbers with thousands separators, then plain numbers (with an optional decimal part).
_SEPARATED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)")
_PLAIN = re.compile(r"(?<![\d.,:/$-])\d+(?:\.\d+)?(?![\d:/]|,\d)")
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? ?$")
# A sentence break: end punctuation (not after an abbreviation or an initial), space, a capital or a quote.
_ABBREV = (
    "".join(
        rf"(?<!\b{re.escape(a)}\.)" for a in "U.S U.N Mr Ms Mrs Dr Gen Maj Lt Col Sgt Jr St Sen Rep Gov Adm".split()
    )
    + r"(?<!\b[A-Z]\.)"
)
_BREAK = re.compile(_ABBREV + r"(?<=[.!?])([\"'\u201d\u2019]?)\s+(?=[A-Z\"\u201c])")


def seed_material(seeds: Path = SEEDS) -> tuple[list[str], list[str]]:
    """(paragraphs, sentences) of the seed articles listed in sources.yaml (front matter stripped)."""
    manifest = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8")) or []
    files = [seeds / entry["file"] for entry in manifest] or sorted(seeds.glob("*.txt"))
    paragraphs: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5 :] if end >= 0 else text
        paragraphs += [line.strip() for line in text.split("\n") if line.strip()]
    sentences = [
        s.strip()
        for p in paragraphs
        if len(p) > 120
        for s in _BREAK.sub("\\1\\n", p).split("\n")
        if len(s.strip()) > 40
    ]
    return paragraphs, sentences


def _vary(value: float, rng: random.Random) -> float:
    """A plausible stand-in for ``value``: same order of magnitude, 0.5x-1.6x."""
    return value * rng.uniform(0.5, 1.6)


def _separated(match: re.Match, rng: random.Random) -> str:
    text = match.group(0)
    whole, _, frac = text.partition(".")
    value = max(1000, round(_vary(float(whole.replace(",", "")), rng)))
    if value >= 10_000:  # round like a reporter: 12,400 rather than 12,437
        value = round(value, -(len(str(value)) - 3))
    out = f"{value:,}"
    return f"{out}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}" if frac else out


def _plain(match: re.Match, rng: random.Random, text: str) -> str:
    token = match.group(0)
    before = text[max(0, match.start() - 12) : match.start()]
    whole, _, frac = token.partition(".")
    if len(whole) == 4 and 1900 <= int(whole) <= 2100 and not frac:
        return token  # a year
    if _MONTH_BEFORE.search(before) or int(whole) == 0:
        return token  # a day of the month, or zero
    if frac:
        return f"{_vary(float(token), rng):.{len(frac)}f}"
    return str(max(1, round(_vary(int(whole), rng))))


def vary_numbers(text: str, rng: random.Random) -> str:
    text = _SEPARATED.sub(lambda m: _separated(m, rng), text)
    return _PLAIN.sub(lambda m: _plain(m, rng, text), text)


def article(i: int, paragraphs: list[str], sentences: list[str], seed: int = DEFAULT_SEED) -> str:
    """Article number ``i``: front matter and 6-22 recombined paragraphs."""
    rng = random.Random(f"{seed}:{i}")
    outlet = rng.choice(OUTLETS)
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    # No paragraph or sentence twice in one article (a claim's id is its source and words).
    count = rng.randint(6, 22)
    loose = sum(rng.random() < 0.25 for _ in range(count))
    body = rng.sample(paragraphs, min(count - loose, len(paragraphs)))
    spare = [s for s in sentences if not any(s in p for p in body)]
    rng.shuffle(spare)
    for _ in range(loose):  # paragraphs of loose sentences from anywhere in the seeds
        take, spare = spare[: rng.randint(2, 3)], spare[3:]
        if take:
            body.insert(rng.randint(0, len(body)), " ".join(take))
    text = vary_numbers("\n".join(body), rng)
    return f"---\noutlet: {outlet}\npublished: {published.isoformat()}\n---\n{text}\n"


def make_corpus(
    out_dir: Path,
    articles: int | None = None,
    megabytes: float | None = None,
    seed: int = DEFAULT_SEED,
    force: bool = False,
    quiet: bool = False,
) -> dict:
    """Write the corpus into ``out_dir`` (skipped if already made with the same parameters); return its description."""
    if (articles is None) == (megabytes is None):
        raise ValueError("give exactly one of articles or megabytes")
    out_dir = Path(out_dir)
    marker = out_dir / ".corpus.json"
    wanted = {"version": VERSION, "seed": seed, "articles": articles, "megabytes": megabytes}
    if marker.is_file() and not force:
        made = json.loads(marker.read_text())
        if {k: made.get(k) for k in wanted} == wanted:
            return made
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("article-*.txt"):
        old.unlink()
    marker.unlink(missing_ok=True)
    paragraphs, sentences = seed_material()
    limit = None if megabytes is None else megabytes * 1_000_000
    total = count = 0
    while (articles is not None and count < articles) or (limit is not None and total < limit):
        data = article(count, paragraphs, sentences, seed).encode("utf-8")
        (out_dir / f"article-{count:06d}.txt").write_bytes(data)
        total += len(data)
        count += 1
    made = dict(wanted, files=count, bytes=total)
    marker.write_text(json.dumps(made, indent=1) + "\n")
    if not quiet:
        print(f"{out_dir}: {count:,} articles, {total / 1e6:.2f} MB", file=sys.stderr)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", nargs="?", type=Path, help="default: bench/corpus/articles-N or bench/corpus/mb-M")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="number of articles")
    size.add_argument("--megabytes", type=float, help="stop once the corpus reaches this many MB (10**6 bytes)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--force", action="store_true", help="rebuild even if OUT_DIR already holds this corpus")
    args = parser.parse_args(argv)
    if (args.articles is not None and args.articles < 1) or (args.megabytes is not None and args.megabytes <= 0):
        parser.error("the corpus size must be positive")
    out = args.out_dir or CORPUS / (f"articles-{args.articles}" if args.articles else f"mb-{args.megabytes:g}")
    made = make_corpus(out, args.articles, args.megabytes, args.seed, args.force, quiet=True)
    print(f"{out}: {made['files']:,} articles, {made['bytes'] / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
