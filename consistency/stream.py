"""``consistency extract`` as a stream: claims are written as each article is done, so memory stays flat however
large the corpus (JSON Lines and CSV; a table or a JSON array needs every claim first)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from .models import Claim, Source
from .report.csv import render_rows
from .report.flat import claim_row

STREAM_FORMATS = ("jsonl", "csv")
BATCH = 2000  # CSV rows rendered at a time: a write per article would cost more than the extraction saves


class ClaimWriter:
    """Renders claims in one streamable format and hands the text to ``emit`` as it goes, in the same bytes as
    ``output.render_claims`` gives for all of them at once."""

    def __init__(self, fmt: str, emit: Callable[[str], None]) -> None:
        self.fmt = fmt
        self.emit = emit
        self.rows: list[dict] = []
        self.header = True

    def add(self, claims: list[Claim], source: Source | None = None) -> None:
        """Write (or buffer, for CSV) the claims of one article, ``source``."""
        if self.fmt == "jsonl":
            text = "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in claims)
            if text:
                self.emit(text)
            return
        self.rows += [claim_row(c, source) for c in claims]
        if len(self.rows) >= BATCH:
            self._flush_rows()

    def close(self) -> None:
        """Write what is buffered (a CSV of no claims is still its header)."""
        if self.fmt == "csv" and (self.rows or self.header):
            self._flush_rows()

    def _flush_rows(self) -> None:
        self.emit(render_rows(self.rows, header=self.header))
        self.rows, self.header = [], False


def stream_claims(
    extracted: Iterable[tuple[Source, list[Claim]]],
    writers: list[ClaimWriter],
    progress: Callable[[Source], None] | None = None,
) -> int:
    """Hand each article's claims to every writer as it comes; return how many claims there were."""
    count = 0
    for source, claims in extracted:
        for writer in writers:
            writer.add(claims, source)
        count += len(claims)
        if progress:
            progress(source)
    for writer in writers:
        writer.close()
    return count
