"""The report's work on a Dask cluster: extraction maps over articles, grouping is a shuffle, comparison runs per
partition; the report is the one a local run gives.

Claims become a Dask DataFrame (pandas partitions) with a column ``topic_key`` that every claim which can end in
one topic shares (``group.partition_key``). Shuffling on it brings each key's claims into one partition, where the
ordinary ``group_claims`` and ``compare_topics`` run on them in their original order; the driver then merges the
partitions' topics and findings exactly as a local run orders them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .compare import compare_topics
from .engine import assemble, cache_spec, default_jobs, extract_batch, merge_findings
from .errors import ConsistencyError
from .group import group_claims, partition_key
from .models import Claim, Report, Rule, Source, Topic
from .story import learn_from_story

if TYPE_CHECKING:
    import pandas as pd

    from .cache import ClaimCache

MISSING = "--engine dask needs Dask: pip install 'consistency[dask]'"
# Articles per extraction task: enough to keep a worker busy between scheduler round trips.
ARTICLES_PER_TASK = 50
COLUMNS = ["source_index", "claim_index", "topic_key", "claim"]
SKIPPED = -1  # claim_index of a row that says why the extractor skipped its source (the reason in "claim")


def require_dask() -> None:
    """Raise the one-line error a user without the optional extra sees."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ConsistencyError(None, MISSING) from None


def analyse_on_dask(
    sources: list[Source],
    rules: list[Rule],
    rules_dir: Path | None = None,
    scheduler: str | None = None,
    stage: Callable[[str], None] | None = None,
    workers: int | None = None,
    cache: ClaimCache | None = None,
    problems: list[ConsistencyError] | None = None,
) -> Report:
    """Extract, group and compare on the Dask cluster at ``scheduler`` (else a local one of ``workers`` processes,
    default: the machine's cores); the same report as a local ``pipeline.analyse``, ``problems`` included.

    ``cache`` is used on a local cluster only, whose workers read and write it as the pool's do: a remote
    cluster's workers do not see this machine's cache folder (a folder of that name on theirs is not this one)."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    # Claims travel as JSON text (a shuffle moves Arrow tables); findings come back as Python objects, which Dask must
    # not try to turn into Arrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        if scheduler:
            with Client(scheduler) as client:
                return _analyse(client, sources, rules, rules_dir, stage, None, problems)
        # Our own cluster's scheduler runs in this process: its routine shuffle notices are not the user's business.
        logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
        cluster = LocalCluster(
            n_workers=workers or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        with cluster, Client(cluster) as client:
            return _analyse(client, sources, rules, rules_dir, stage, cache_spec(cache), problems)


def _analyse(
    client,
    sources: list[Source],
    rules: list[Rule],
    rules_dir: Path | None,
    stage: Callable[[str], None] | None,
    spec: tuple[str, str] | None,
    problems: list[ConsistencyError] | None,
) -> Report:
    import dask.dataframe as dd

    if stage:
        stage("extract")
    chunks = [list(enumerate(sources))[i : i + ARTICLES_PER_TASK] for i in range(0, len(sources), ARTICLES_PER_TASK)]
    rules_arg = str(rules_dir.resolve()) if rules_dir else None
    frame = dd.from_map(
        _extract_partition, chunks, rules_dir=rules_arg, cache=spec, meta=_empty_claims(), enforce_metadata=False
    )
    frame = client.persist(frame)
    claims_table = frame.compute().sort_values(["source_index", "claim_index"], kind="stable")
    skipped = claims_table["claim_index"] == SKIPPED
    failed = {
        sources[index].name: ConsistencyError(sources[index].path, reason)
        for index, reason in zip(
            claims_table.loc[skipped, "source_index"], claims_table.loc[skipped, "claim"], strict=True
        )
    }
    if failed and problems is None:
        raise next(iter(failed.values()))
    if problems is not None:
        problems += failed.values()
    extracted = [Claim.model_validate_json(text) for text in claims_table.loc[~skipped, "claim"]]
    sources = [source for source in sources if source.name not in failed]
    claims = learn_from_story(extracted, {s.name: s for s in sources})
    if stage:
        stage("group")
    renamed = [i for i, (old, new) in enumerate(zip(extracted, claims, strict=True)) if old is not new]
    if renamed:  # the corpus named some articles' events: their claims move to the named event's keys
        table = claims_table.loc[~skipped].copy()
        table.iloc[renamed, table.columns.get_loc("claim")] = [claims[i].model_dump_json() for i in renamed]
        table.iloc[renamed, table.columns.get_loc("topic_key")] = [partition_key(claims[i]) for i in renamed]
        frame = dd.from_pandas(table, npartitions=frame.npartitions)
    keyed = frame[frame["topic_key"] != ""]
    partitions = max(1, min(keyed.npartitions, len(client.scheduler_info()["workers"]) * 4))
    shuffled = keyed.shuffle("topic_key", npartitions=partitions)
    if stage:
        stage("compare")
    meta = {s.name: s.model_copy(update={"text": ""}) for s in sources}  # comparison reads outlets and dates only
    found = shuffled.map_partitions(
        _compare_partition, rules, meta, meta=_empty_findings(), enforce_metadata=False
    ).compute()
    topics: list[Topic] = sorted(found["topic"].dropna(), key=lambda t: t.id)
    findings = merge_findings([({}, list(found["conflict"].dropna()), list(found["agreement"].dropna()))])
    return assemble(sources, claims, topics, findings.conflicts, findings.agreements, rules)


def _empty_claims() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "source_index": pd.Series([], dtype="int64"),
            "claim_index": pd.Series([], dtype="int64"),
            "topic_key": pd.Series([], dtype=object),
            "claim": pd.Series([], dtype=object),
        }
    )


def _empty_findings() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "topic": pd.Series([], dtype=object),
            "conflict": pd.Series([], dtype=object),
            "agreement": pd.Series([], dtype=object),
        }
    )


def _extract_partition(
    chunk: list[tuple[int, Source]], rules_dir: str | None = None, cache: tuple[str, str] | None = None
) -> pd.DataFrame:
    """The claims of some articles as a pandas partition (a source the extractor skipped: one row saying why); the
    lexicon is loaded once per worker process, and the claims cache at ``cache`` read and written as the pool's."""
    import pandas as pd

    results = extract_batch([source for _, source in chunk], rules_dir, cache)
    rows = []
    for (index, _), (claims, _hit) in zip(chunk, results, strict=True):
        if isinstance(claims, str):
            rows.append((index, SKIPPED, "", claims))
        else:
            rows += [(index, i, partition_key(claim), claim.model_dump_json()) for i, claim in enumerate(claims)]
    if not rows:
        return _empty_claims()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["topic_key"] = frame["topic_key"].astype(object)
    return frame


def _compare_partition(part: pd.DataFrame, rules: list[Rule], sources: dict[str, Source]) -> pd.DataFrame:
    """Group and compare the claims of some topic keys, taken in their original order as a local run takes them."""
    import pandas as pd

    if part.empty:
        return _empty_findings()
    ordered = part.sort_values(["source_index", "claim_index"], kind="stable")["claim"]
    claims = [Claim.model_validate_json(text) for text in ordered]
    topics = group_claims(claims)
    rows: list[tuple] = []
    for topic in topics:
        # One topic at a time, so the count of pairs beyond the listing cap is on each as a local run counts it.
        findings = compare_topics([topic], {c.id: c for c in claims}, rules, sources)
        rows.append((*findings.counted([topic]), None, None))
        rows += [(None, conflict, None) for conflict in findings.conflicts]
        rows += [(None, None, agreement) for agreement in findings.agreements]
    return pd.DataFrame(rows, columns=["topic", "conflict", "agreement"])
