"""Find the claims that expected.yaml-style quotes name (white space folded, as expected.yaml says)."""

from __future__ import annotations

import re
from pathlib import Path

from consistency.textnorm import fold

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def quote_span(text: str, quote: str) -> tuple[int, int]:
    """Offsets of ``quote`` in ``text``, matching any run of white space (and typographic marks) loosely."""
    pattern = r"\s+".join(re.escape(word) for word in fold(quote).split())
    match = re.search(pattern, fold(text))
    assert match, f"quote not in text: {quote!r}"
    return match.span()


def matching_claims(
    claims: list[dict], texts: dict[str, str], source: str, quote: str, kind: str | None = None
) -> list[dict]:
    """Claims of ``source`` whose span overlaps the quote."""
    start, end = quote_span(texts[source], quote)
    return [
        c
        for c in claims
        if c["source"] == source and c["start"] < end and start < c["end"] and (kind is None or c["kind"] == kind)
    ]
