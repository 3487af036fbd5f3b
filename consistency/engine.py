"""Extraction over many sources: in this process, or in a pool of worker processes, always in source order.

A pool gives the same claims, ids and order as a serial run: each source is extracted on its own, by the same
code, and results come back in the order the sources were given. Each worker loads the lexicon once, when it
starts; a small corpus is extracted in this process, since starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .compare import Findings, compare_topics
from .errors import ConsistencyError
from .extract import extract_claims
from .extract.lexicon import Lexicon, default_lexicon
from .group import unchecked_reason
from .models import Agreement, Claim, Conflict, Report, Rule, Source, Topic, Unchecked
from .severity import severity_rank
from .version import __version__

if TYPE_CHECKING:
    from .cache import ClaimCache

# Below this many articles to extract a pool costs more (workers forking, loading the lexicon) than it saves.
POOL_FROM = 64
# Sources sent to a worker at a time: large enough that pickling overhead is small, small enough to balance load.
CHUNK = 8

_worker_lexicon: Lexicon | None = None


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity mask
        return max(1, os.cpu_count() or 1)


def _start_worker(rules_dir: str | None) -> None:
    global _worker_lexicon
    _worker_lexicon = default_lexicon(Path(rules_dir) if rules_dir else None)


def safe_extract(source: Source, lexicon: Lexicon | None) -> list[Claim] | str:
    """The claims of ``source``, or why the extractor failed on it (one bad article never loses the others).
    A ConsistencyError (a bad alias file or reference table) is the configuration's and is raised."""
    try:
        return extract_claims(source, lexicon)
    except ConsistencyError:
        raise
    except Exception as err:  # a defect the article triggers; MemoryError and RecursionError included
        return f"skipped, the extractor failed on it: {type(err).__name__}"


def _extract_in_worker(source: Source) -> list[Claim] | str:
    return safe_extract(source, _worker_lexicon)


def extract_sources(
    sources: Iterable[Source], rules_dir: Path | None = None, jobs: int = 1, cache: ClaimCache | None = None
) -> Iterator[tuple[Source, list[Claim] | str]]:
    """Each source with its claims (or why it could not be extracted), in the order given: from ``cache`` where it
    holds them, else extracted with up to ``jobs`` processes (and then remembered in ``cache``)."""
    sources = list(sources)
    cached: dict[int, list[Claim]] = {}
    if cache:
        for i, source in enumerate(sources):
            found = cache.get(source)
            if found is not None:
                cached[i] = found
    misses = [s for i, s in enumerate(sources) if i not in cached]
    fresh = _extract(misses, rules_dir, jobs)
    try:
        for i, source in enumerate(sources):
            if i in cached:
                claims = cached.pop(i)
            else:
                claims = next(fresh)
                if cache and not isinstance(claims, str):
                    cache.put(source, claims)
            yield source, claims
    finally:
        fresh.close()
        if cache:
            cache.flush()


def _extract(sources: list[Source], rules_dir: Path | None, jobs: int) -> Iterator[list[Claim] | str]:
    if jobs <= 1 or len(sources) < POOL_FROM:
        lexicon = default_lexicon(rules_dir) if sources else None
        for source in sources:
            yield safe_extract(source, lexicon)
        return
    # Fork where there is one: workers start at once and share the loaded code; elsewhere the platform's default.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(min(jobs, len(sources)), _start_worker, (str(rules_dir) if rules_dir else None,)) as pool:
        yield from pool.imap(_extract_in_worker, sources, chunksize=CHUNK)


# Claims from which topics are compared in worker processes: below, forking costs more than it saves.
PARALLEL_COMPARE_FROM = 5000
_forked: tuple | None = None  # what forked comparison workers inherit: topics, claims by id, rules, sources


def compare_in_parallel(
    topics: list[Topic], claims: dict[str, Claim], rules: list[Rule], sources: dict[str, Source], jobs: int
) -> Findings:
    """``compare_topics`` over all topics, with up to ``jobs`` processes each comparing some topics; the same
    findings in the same order (and the same count of unlisted pairs on each topic)."""
    if jobs <= 1 or len(claims) < PARALLEL_COMPARE_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return compare_topics(topics, claims, rules, sources)
    global _forked
    # Largest topics first, dealt out in turn, so the workers' shares come out even.
    order = sorted(range(len(topics)), key=lambda i: -len(topics[i].claims))
    shares = [sorted(order[k :: jobs * 4]) for k in range(jobs * 4)]
    _forked = (topics, claims, rules, sources)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_compare_share, shares, chunksize=1)
    finally:
        _forked = None
    return merge_findings(parts)


def _compare_share(share: list[int]) -> tuple[dict[str, int], list[Conflict], list[Agreement]]:
    topics, claims, rules, sources = _forked
    chosen = [topics[i] for i in share]
    found = compare_topics(chosen, claims, rules, sources)
    return found.unlisted, found.conflicts, found.agreements


def merge_findings(parts: Iterable[tuple[dict[str, int], list[Conflict], list[Agreement]]]) -> Findings:
    """Findings of topics compared apart, as one ``compare_topics`` call over all of them (topics in id order)
    gives: a conflict found in two topics is kept from the first; conflicts most severe first; agreements by topic."""
    unlisted: dict[str, int] = {}
    conflicts: list[Conflict] = []
    agreements: list[Agreement] = []
    for counts, found, agreed in parts:
        unlisted.update(counts)
        conflicts += found
        agreements += agreed
    first: dict[str, Conflict] = {}
    for conflict in sorted(conflicts, key=lambda c: c.topic):  # stable: one topic's findings keep their order
        first.setdefault(conflict.id, conflict)
    ordered = sorted(first.values(), key=lambda c: (-severity_rank(c.severity), -(c.distance or 0), c.id))
    return Findings(ordered, sorted(agreements, key=lambda a: (a.topic, a.claims)), unlisted)


def assemble(
    sources: list[Source],
    claims: list[Claim],
    topics: list[Topic],
    conflicts: list[Conflict],
    agreements: list[Agreement],
    rules: list[Rule],
) -> Report:
    """The report of compared claims: the one place both engines build it, so they give the same bytes."""
    return Report(
        sources=sources,
        claims=claims,
        topics=topics,
        conflicts=conflicts,
        agreements=agreements,
        unchecked=[Unchecked(claim=c.id, reason=reason) for c in claims if (reason := unchecked_reason(c))],
        generated_with={"consistency": __version__, "rules": ",".join(r.code for r in rules)},
    )
