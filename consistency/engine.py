"""Extraction over many sources: in this process, or in a pool of worker processes, always in source order.

A pool gives the same claims, ids and order as a serial run: each source is extracted on its own, by the same
code, and results come back in the order the sources were given. Each worker loads the lexicon once, and reads
and writes the claims cache through a connection of its own; a small corpus is extracted in this process, since
starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .cache import ClaimCache
from .compare import Findings, compare_topics
from .errors import ConsistencyError
from .extract import extract_claims
from .extract.lexicon import Lexicon, default_lexicon
from .group import unchecked_reason
from .models import Agreement, Claim, Conflict, Report, Rule, Source, Topic, Unchecked
from .severity import severity_rank
from .version import __version__

# Below this many articles to extract a pool costs more (workers forking, loading the lexicon) than it saves.
POOL_FROM = 64
# Sources sent to a worker at a time: large enough that pickling overhead (and a cache commit each) is small,
# small enough to balance load.
CHUNK = 8

# A worker process's own connection to the claims cache, per cache folder and extractor version: a Dask worker
# lives on between runs, which may name other caches.
_worker_caches: dict[tuple[str, str], ClaimCache] = {}


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity mask
        return max(1, os.cpu_count() or 1)


def safe_extract(source: Source, lexicon: Lexicon | None) -> list[Claim] | str:
    """The claims of ``source``, or why the extractor failed on it (one bad article never loses the others).
    A ConsistencyError (a bad alias file or reference table) is the configuration's and is raised."""
    try:
        return extract_claims(source, lexicon)
    except ConsistencyError:
        raise
    except Exception as err:  # a defect the article triggers; MemoryError and RecursionError included
        return f"skipped, the extractor failed on it: {type(err).__name__}"


def cache_spec(cache: ClaimCache | None) -> tuple[str, str] | None:
    """What a worker process needs to open ``cache`` itself (None: no cache, or one that cannot be used)."""
    if cache is None or cache.problem:
        return None
    return str(cache.folder.resolve()), cache.extractor


def extract_batch(
    sources: list[Source], rules_dir: str | None, spec: tuple[str, str] | None
) -> list[tuple[list[Claim] | str, bool]]:
    """In a worker process: each source's claims (or why it was skipped) and whether they came from the cache at
    ``spec``, which the worker reads and writes itself, so a run with many processes keeps its cache warm without
    sending every claim through one process. The rows are committed before the batch is returned."""
    cache = None
    if spec is not None:
        cache = _worker_caches.get(spec)
        if cache is None:
            # ClaimCache refuses a linked folder or file, as the main process's did (SQLite itself follows links).
            cache = _worker_caches[spec] = ClaimCache(Path(spec[0]), spec[1])
    lexicon = default_lexicon(Path(rules_dir) if rules_dir else None)  # loaded once per process
    results = [_extract_cached(source, lexicon, cache) for source in sources]
    if cache is not None:
        cache.flush()
    return results


def _extract_cached(source: Source, lexicon: Lexicon, cache: ClaimCache | None) -> tuple[list[Claim] | str, bool]:
    found = cache.get(source) if cache else None
    if found is not None:
        return found, True
    claims = safe_extract(source, lexicon)
    if cache and not isinstance(claims, str):
        cache.put(source, claims)
    return claims, False


def extract_sources(
    sources: Iterable[Source], rules_dir: Path | None = None, jobs: int = 1, cache: ClaimCache | None = None
) -> Iterator[tuple[Source, list[Claim] | str]]:
    """Each source with its claims (or why it could not be extracted), in the order given: from ``cache`` where it
    holds them, else extracted (and then remembered in ``cache``), with up to ``jobs`` processes."""
    sources = list(sources)
    rules_arg = str(rules_dir) if rules_dir else None
    if jobs <= 1 or len(sources) < POOL_FROM:
        lexicon = default_lexicon(rules_dir)
        try:
            for source in sources:
                yield source, _extract_cached(source, lexicon, cache)[0]
        finally:
            if cache:
                cache.flush()
        return
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    spec = cache_spec(cache)
    if cache:
        cache.release()
    # Fork where there is one: workers start at once and share the loaded code; elsewhere the platform's default.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(min(jobs, len(chunks))) as pool:
        done = pool.imap(_extract_batch_star, [(chunk, rules_arg, spec) for chunk in chunks])
        for chunk, results in zip(chunks, done, strict=True):
            for source, (claims, hit) in zip(chunk, results, strict=True):
                if cache:  # the workers' own connections counted these
                    cache.stats.hits += hit
                    cache.stats.misses += not hit
                yield source, claims


def extracted_or_failed(
    results: Iterable[tuple[Source, list[Claim] | str]], failed: dict[str, ConsistencyError]
) -> Iterator[tuple[Source, list[Claim]]]:
    """The sources extracted, each with its claims; one the extractor failed on goes to ``failed`` (by name) instead,
    so one bad article never loses the others' results."""
    for source, found in results:
        if isinstance(found, str):
            failed[source.name] = ConsistencyError(source.path, found)
            continue
        yield source, found


def _extract_batch_star(task: tuple) -> list[tuple[list[Claim] | str, bool]]:
    return extract_batch(*task)


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
