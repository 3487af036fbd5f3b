"""``report.html``: one self-contained page (inline CSS, JS and SVG) that works offline."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..models import Claim, Report, Source
from ..severity import severity_rank
from .atomic import atomic_write
from .chart import render_chart
from .display import PAGE_FILTERS, Quote, chart_mark, quote_claim

TEMPLATES = Path(__file__).parent / "templates"
# A page of conflict or agreement cards: the browser lays out only what is shown, the rest waits in <template>s.
CARDS_PER_PAGE = 50
CLAIM_ROWS_SHOWN = 200  # rows of the claim table in the page at first; the rest are shown by filter or on demand
# Above this many claims each topic's table (and the uncompared claims) is built only when its section is opened.
LAZY_FROM = 500
SUMMARY_CONFLICTS = 10  # the most severe conflicts listed at the top
SUMMARY_TOPICS = 15  # topics by number of conflicts, at the top


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
        return quote_claim(claim, self.sources.get(claim.source)) if claim else None


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
        return quote_claim(claim, sources.get(claim.source)) if claim else None

    topics = []
    for topic in report.topics:
        members = [claims[i] for i in topic.claims if i in claims]
        marks = [chart_mark(claim, sources.get(claim.source), claim.id in conflicting) for claim in members]
        chart = render_chart([m for m in marks if m], topic.label) if topic.kind == "quantity" else Markup("")
        topics.append({"topic": topic, "quotes": Quotes(members, sources), "chart": chart})
    per_topic = Counter(conflict.topic for conflict in report.conflicts)
    conflict_cards = [(c, Quotes([claims.get(i) for i in c.claims], sources)) for c in report.conflicts]
    agreement_cards = [(a, Quotes([claims.get(i) for i in a.claims], sources)) for a in report.agreements]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(PAGE_FILTERS)
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
        worst=sorted(report.conflicts, key=lambda c: -severity_rank(c.severity))[:SUMMARY_CONFLICTS],
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


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
