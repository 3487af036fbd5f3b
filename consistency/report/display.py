"""How a claim is shown on a page, shared by the HTML report and the review app: quotes, values, chart marks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Claim, Source
from ..values import format_as_of, value_text
from .chart import Mark


@dataclass
class Quote:
    """A claim ready to show: its sentence split around the claimed words, and who said it where."""

    claim: Claim
    source: Source | None
    before: str
    text: str
    after: str


def format_value(claim: Claim) -> str:
    """A claim's value as a table shows it: 'about 1,000', '1,500–3,000', or when a date holds."""
    if claim.value is None:
        return format_as_of(claim) if claim.kind == "date" else claim.text
    return value_text(claim) + (" (vague)" if claim.value.qualifier == "vague" else "")


def quote_claim(claim: Claim, source: Source | None) -> Quote:
    """The claim's sentence split around the claimed words."""
    at = _sentence_start(claim, source)
    if at is None:
        at = claim.sentence.find(claim.text)
    if at < 0:  # the extractor normalised the sentence: show it whole, then the claimed words
        return Quote(claim, source, claim.sentence + " … ", claim.text, "")
    end = at + len(claim.text)
    return Quote(claim, source, claim.sentence[:at], claim.sentence[at:end], claim.sentence[end:])


def _sentence_start(claim: Claim, source: Source | None) -> int | None:
    """Where the claim starts inside its sentence, found through the offsets into the source text."""
    if source is None or source.text[claim.start : claim.end] != claim.text:
        return None
    length = len(claim.sentence)
    # The sentence must begin at or before the claim and end at or after it.
    begins = source.text.find(claim.sentence, max(0, claim.end - length), claim.start + length)
    return claim.start - begins if begins >= 0 else None


def chart_mark(claim: Claim, source: Source | None, conflicting: bool) -> Mark | None:
    """The claim as a point (or a bar) on its topic's chart, or None when it has no value or no time."""
    when = _midpoint(claim.as_of.start, claim.as_of.end) or (source.published if source else None)
    if claim.value is None or when is None:
        return None
    outlet = (source.outlet if source else None) or claim.source
    label = f"{outlet}: {format_value(claim)} — “{claim.text}”"
    return Mark(when, claim.value.low, claim.value.high, label, conflicting)


def _midpoint(start: date | None, end: date | None) -> date | None:
    if start and end:
        return start + (end - start) / 2
    return start or end


def http_url(url: str | None) -> str | None:
    """A source's url if it is a web link: the url is untrusted, so never javascript: or data:."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


# The filters the report's and the review page's templates use.
PAGE_FILTERS = {"value": format_value, "as_of": format_as_of, "http_url": http_url}
