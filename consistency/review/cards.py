"""What the review page shows for a conflict: both quotes in their paragraphs, the topic's chart, the history."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from ..models import Claim, Conflict, Report, Source, Topic
from ..report.chart import render_chart
from ..report.display import Quote, chart_mark, quote_claim
from .decisions import Decision, DecisionLog, applies

STATUSES = {"open": "To review", "follow_up": "Follow up", "confirmed": "Confirmed", "dismissed": "Dismissed"}
# The status filter's choices: the queue is what nobody has decided yet.
STATUS_FILTERS = {
    "queue": "To review",
    "follow_up": "Follow up",
    "confirmed": "Confirmed",
    "dismissed": "Dismissed",
    "decided": "All decided",
    "all": "All",
}
PARAGRAPH_LIMIT = 1500  # characters; a text without blank lines is shown by the line, then by the sentence
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # a blank line


@dataclass
class Entry:
    """One past decision, and whether it still applies to the claims' current words."""

    decision: Decision
    applies: bool


@dataclass
class Card:
    """One conflict ready to review."""

    conflict: Conflict
    topic: Topic | None
    quotes: list[Quote]
    chart: Markup
    history: list[Entry]
    sources: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass
class Filters:
    """The queue's filters, as given in the query string; empty means any."""

    topic: str = ""
    status: str = "queue"
    source: str = ""
    outlet: str = ""

    def admits(self, card: Card) -> bool:
        """Whether a card passes every filter."""
        return (
            admits_status(self.status, card.conflict.status)
            and self.topic in ("", card.conflict.topic)
            and (not self.source or self.source in card.sources)
            and (not self.outlet or self.outlet in card.outlets)
        )


def admits_status(chosen: str, status: str) -> bool:
    """Whether a conflict of ``status`` shows under the status filter ``chosen``."""
    if chosen == "queue":
        return status == "open"
    if chosen == "decided":
        return status != "open"
    return chosen in ("all", status)


def build_cards(report: Report, log: DecisionLog) -> list[Card]:
    """A card per conflict, in the report's order (most severe first)."""
    sources = {source.name: source for source in report.sources}
    claims = {claim.id: claim for claim in report.claims}
    topics = {topic.id: topic for topic in report.topics}
    cards = []
    for conflict in report.conflicts:
        members = [claims[i] for i in conflict.claims if i in claims]
        topic = topics.get(conflict.topic)
        cards.append(
            Card(
                conflict=conflict,
                topic=topic,
                quotes=[paragraphquote_claim(claim, sources.get(claim.source)) for claim in members],
                chart=_chart(conflict, topic, claims, sources),
                history=[Entry(d, applies(d, members)) for d in log.history(conflict.id)],
                sources=sorted({claim.source for claim in members}),
                outlets=sorted(
                    {sources[c.source].outlet for c in members if c.source in sources and sources[c.source].outlet}
                ),
            )
        )
    return cards


def paragraphquote_claim(claim: Claim, source: Source | None) -> Quote:
    """The claim inside its paragraph, so an editor reads it in context; the sentence if the paragraph is unknown."""
    if source is None or source.text[claim.start : claim.end] != claim.text:
        return quote_claim(claim, source)
    text = source.text
    begin = max(
        (m.end() for m in _PARAGRAPH_BREAK.finditer(text, source.body_start, claim.start)), default=source.body_start
    )
    after = _PARAGRAPH_BREAK.search(text, claim.end)
    end = after.start() if after else len(text)
    if end - begin > PARAGRAPH_LIMIT:
        begin = max(begin, text.rfind("\n", 0, claim.start) + 1)
        line_end = text.find("\n", claim.end)
        end = min(end, line_end if line_end >= 0 else len(text))
    if end - begin > PARAGRAPH_LIMIT:
        return quote_claim(claim, source)
    return Quote(claim, source, text[begin : claim.start].lstrip(), claim.text, text[claim.end : end].rstrip())


def _chart(conflict: Conflict, topic: Topic | None, claims: dict[str, Claim], sources: dict[str, Source]) -> Markup:
    # The whole topic, with this conflict's two values in the conflict colour.
    if topic is None or topic.kind != "quantity":
        return Markup("")
    members = [claims[i] for i in topic.claims if i in claims]
    marks = [chart_mark(claim, sources.get(claim.source), claim.id in conflict.claims) for claim in members]
    return render_chart([m for m in marks if m], topic.label)
