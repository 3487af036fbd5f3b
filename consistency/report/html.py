"""``report.html``: one self-contained page (inline CSS, JS and SVG) that works offline."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..models import Claim, Report, Source
from .atomic import atomic_write
from .chart import Mark, render_chart

TEMPLATES = Path(__file__).parent / "templates"
# A page of conflict or agreement cards: the browser lays out only what is shown, the rest waits in <template>s.
CARDS_PER_PAGE = 50
CLAIM_ROWS_SHOWN = 200  # rows of the claim table in the page at first; the rest are shown by filter or on demand
# Above this many claims each topic's table (and the uncompared claims) is built only when its section is opened.
LAZY_FROM = 500
SUMMARY_CONFLICTS = 10  # the most severe conflicts listed at the top
SUMMARY_TOPICS = 15  # topics by number of conflicts, at the top
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

QUALIFIER_WORDS = {
    "about": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "fewer than ",
    "at_most": "up to ",
    "nearly": "nearly ",
}


@dataclass
class Quote:
    """A claim ready to show: its sentence split around the claimed words, and who said it where."""

    claim: Claim
    source: Source | None
    before: str
    text: str
    after: str


class Quotes(Sequence):
    """The quotes of some claims (None for a claim not in the report), each made as it is shown: the page over
    thousands of articles never holds every claim's sentence, split in three, at once."""

    def __init__(self, claims: list[Claim | None], sources: dict[str, Source]) -> None:
        self.claims = claims
        self.sources = sources

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Quotes(self.claims[index], self.sources)
        claim = self.claims[index]
        return _quote(claim, self.sources.get(claim.source)) if claim else None


def render_html(report: Report) -> str:
    """The whole report page as one string."""
    return "".join(html_pieces(report))


def html_pieces(report: Report) -> Iterator[str]:
    """The report page piece by piece, as the template yields it (over thousands of articles the page is tens of
    megabytes, better not held whole); every article string goes through Jinja's autoescape."""
    sources = {source.name: source for source in report.sources}
    claims = {claim.id: claim for claim in report.claims}
    conflicting = {claim_id for conflict in report.conflicts for claim_id in conflict.claims}
    css, js = (TEMPLATES / "report.css").read_text(), (TEMPLATES / "report.js").read_text()

    def quote(claim_id: str) -> Quote | None:
        claim = claims.get(claim_id)
        return _quote(claim, sources.get(claim.source)) if claim else None

    topics = []
    for topic in report.topics:
        members = [claims[i] for i in topic.claims if i in claims]
        marks = [_mark(claim, sources.get(claim.source), claim.id in conflicting) for claim in members]
        chart = render_chart([m for m in marks if m], topic.label) if topic.kind == "quantity" else Markup("")
        topics.append({"topic": topic, "quotes": Quotes(members, sources), "chart": chart})
    per_topic = Counter(conflict.topic for conflict in report.conflicts)
    conflict_cards = [(c, Quotes([claims.get(i) for i in c.claims], sources)) for c in report.conflicts]
    agreement_cards = [(a, Quotes([claims.get(i) for i in a.claims], sources)) for a in report.agreements]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(value=format_value, as_of=format_as_of, http_url=_http_url)
    return environment.get_template("report.html.j2").generate(
        report=report,
        sources=sources,
        topic_labels={topic.id: topic.label for topic in report.topics},
        severities=Counter(conflict.severity for conflict in report.conflicts),
        conflict_pages=_pages(conflict_cards),
        topics=topics,
        agreement_pages=_pages(agreement_cards),
        unchecked=[(u.reason, quote(u.claim)) for u in report.unchecked],
        claims=Quotes(report.claims, sources),
        claim_rows_shown=CLAIM_ROWS_SHOWN,
        lazy=len(report.claims) > LAZY_FROM,
        worst=sorted(report.conflicts, key=lambda c: SEVERITY_RANK[c.severity])[:SUMMARY_CONFLICTS],
        busiest=[
            (topic, per_topic[topic.id])
            for topic in sorted((t for t in report.topics if per_topic[t.id]), key=lambda t: (-per_topic[t.id], t.id))
        ][:SUMMARY_TOPICS],
        busy_topics=len(per_topic),
        conflicting=conflicting,
        css=Markup(css),
        js=Markup(js),
        # Only our own style and script may run: injected markup, if any got through, stays inert.
        csp=f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'",
    )


def _pages(cards: list) -> list[list]:
    """Cards in pages of CARDS_PER_PAGE (conflicts come most severe first, so the first page is the one to read)."""
    return [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``report.html``."""
    return [atomic_write(out_dir / "report.html", html_pieces(report))]


def format_value(claim: Claim) -> str:
    """A claim's value as a reader says it: 'about 1,000', '1,500–3,000', 'more than 60'."""
    value = claim.value
    if value is None:
        return format_as_of(claim) if claim.kind == "date" else claim.text
    low, high = (_number(v) if v is not None else None for v in (value.low, value.high))
    if low is not None and high is not None and low != high:
        words = f"{low}–{high}"
    else:
        words = QUALIFIER_WORDS.get(value.qualifier, "") + (low or high or "?")
    if value.qualifier == "vague":
        words += " (vague)"
    return f"{words} {claim.unit}" if claim.unit else words


def format_as_of(claim: Claim) -> str:
    """When a claim holds: one date, a range, or an open end."""
    start, end = claim.as_of.start, claim.as_of.end
    if start == end:
        text = start.isoformat() if start else "unknown"
    else:
        text = f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
    return f"{text} ({claim.as_of.scope})" if claim.as_of.scope not in ("current", "explicit") else text


def _quote(claim: Claim, source: Source | None) -> Quote:
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


def _mark(claim: Claim, source: Source | None, conflicting: bool) -> Mark | None:
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


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _http_url(url: str | None) -> str | None:
    # A source's url is untrusted: only web links, never javascript: or data:.
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
