"""The one vocabulary of the pipeline: sources, claims, topics, rules' findings.

JSON output is always ``model_dump(mode="json")`` of these models, so every
field name in PRODUCT.md's contract is spelled here and nowhere else.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["quantity", "date"]

# How a stated number bounds the true value. "about 2,500" is a point with
# slack the rules decide; "more than 60" is open above; "between 1,500 and
# 3,000" is a closed range; "tens of thousands" is a vague order of magnitude.
Qualifier = Literal[
    "exact",
    "about",  # about, around, some, roughly, approximately, an estimated
    "range",  # between X and Y, X-Y, X to Y, from X to Y
    "more_than",  # more than, over, above, upwards of
    "at_least",  # at least, no fewer than, a minimum of
    "less_than",  # fewer than, less than, under, below
    "at_most",  # up to, as many as, no more than, a maximum of
    "nearly",  # nearly, almost, close to, just under
    "vague",  # dozens, hundreds, tens of thousands, several
]

# Granularity of a date, coarsest last; comparisons use the coarser of two.
Granularity = Literal["day", "week", "month", "part", "quarter", "year", "decade"]

# How the as-of time of a claim was set: by default the publication date
# ("current"), by an explicit time in the sentence ("explicit"), or by
# "at its peak" style phrases that put the claim in the past ("peak").
# "context": set by an earlier sentence of the paragraph, or an undated article's stated year.
Scope = Literal["current", "explicit", "context", "peak", "past", "unknown"]

Modality = Literal["asserted", "planned", "conditional", "negated"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Source(Model):
    """One article as read from disk, with its publication metadata."""

    name: str = Field(description="file name relative to the corpus folder")
    path: Path = Field(exclude=True)
    text: str = Field(exclude=True, repr=False, description="the text as read, BOM excluded")
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    published_from: Literal["front_matter", "manifest", "dateline", "url"] | None = None
    body_start: int = Field(0, description="offset where the article body begins (after front matter)")
    skip: list[tuple[int, int]] = Field([], exclude=True, description="spans that hold no claims (the dateline)")
    sha256: str = ""
    warnings: list[str] = []

    def model_post_init(self, _context: object) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class Interval(Model):
    """A stated value as an interval: ``low``/``high`` are the numbers the text gives."""

    # Finite, so no writer meets infinity and JSON never holds Infinity or NaN.
    low: float | None = Field(allow_inf_nan=False)
    high: float | None = Field(allow_inf_nan=False)
    qualifier: Qualifier = "exact"


class AsOf(Model):
    """When a claim holds (ISO dates, inclusive); open ends are ``None``."""

    start: date | None
    end: date | None
    scope: Scope = "current"
    text: str | None = Field(None, description="the words that set it, e.g. 'at its peak', 'this year'")
    since: date | None = Field(
        None, description="where a running count starts ('this year', 'since June 3'); it holds as of ``end``"
    )


class Claim(Model):
    """One checkable statement: a count, an amount with a unit, or the date of an event."""

    id: str
    source: str
    start: int
    end: int
    text: str
    sentence: str
    kind: Kind
    subject: str | None = None
    subject_text: str | None = None
    measure: str | None = None
    measure_text: str | None = None
    facet: str | None = Field(
        None,
        description="what narrows the measure: 'commercial' buildings, 'other' buildings, a 'change' ('grew by 5,000')",
    )
    subject_type: Literal["entity", "event", "named_event"] | None = Field(
        None,
        description="what the subject is: an entity, an event, or a named event ('the Camp Fire') that pins its place",
    )
    location: list[str] = []
    location_text: str | None = None
    countries: list[str] = Field(
        [], description="for an event whose counts are a country's (a quake's toll): the countries topics match on"
    )
    value: Interval | None = None
    unit: str | None = None
    as_of: AsOf
    granularity: Granularity | None = Field(None, description="for dates: how precise the date is")
    event: str | None = Field(
        None, description="for dates: the words of the event dated, e.g. 'ended its combat mission'"
    )
    event_key: str | None = Field(None, description="for dates: lemmatised verb and object, e.g. 'end combat mission'")
    attribution: str | None = None
    modality: Modality = "asserted"
    derivation: str | None = Field(
        None,
        description="how a value was computed from reference tables, e.g. '1/3 × (438,317 + 185,180) km² ≈ 207,832 km²'",
    )

    @staticmethod
    def make_id(source: str, start: int, end: int) -> str:
        return hashlib.sha1(f"{source}:{start}:{end}".encode()).hexdigest()[:12]


# --- topics, rules and findings ---

Severity = Literal["info", "warning", "error"]


class Topic(Model):
    """Claims about the same thing: one measure of one subject in one place, or one event."""

    id: str
    label: str = Field(description="for people, e.g. 'Islamic State fighters in Iraq, Syria'")
    kind: Kind
    subject: str | None = None
    measure: str | None = None
    location: list[str] = []
    event_key: str | None = None
    claims: list[str] = Field([], description="ids of the claims in this topic")
    guests: list[str] = Field(
        [],
        description="ids of claims whose place is not stated: they may corroborate this topic's claims, never contradict them",
    )
    unlisted_conflicts: int = Field(0, description="conflicting pairs beyond the few listed for each claim")


class Finding(Model):
    """What a rule concluded about some claims of one topic."""

    rule: str = Field(description="the rule's code, e.g. CC101")
    topic: str = Field(description="the topic's id")
    claims: list[str] = Field(description="ids of the claims involved, usually two")
    explanation: str


class Conflict(Finding):
    """Claims a rule finds incompatible."""

    id: str = Field(description="stable fingerprint: see make_id")
    severity: Severity
    distance: float | None = Field(None, description="how far apart: a relative gap for quantities, days for dates")
    status: Literal["open", "confirmed", "dismissed", "follow_up"] = Field(
        "open", description="an editor's latest decision on this conflict (reviews/decisions.jsonl)"
    )
    review_note: str | None = Field(None, description="the note given with that decision")

    @staticmethod
    def make_id(rule: str, claims: list[Claim]) -> str:
        """Fingerprint from the rule and each claim's source and words, not offsets, so edits elsewhere keep it."""
        parts = sorted(f"{c.source}\x1f{' '.join(c.text.split())}" for c in claims)
        return hashlib.sha1("\x1e".join([rule, *parts]).encode()).hexdigest()[:12]


class Agreement(Finding):
    """Claims from independent sources that a rule finds compatible (corroboration)."""


class Unreadable(Model):
    """An article that could not be read: a finding of its own, so a run that skipped files never looks clean."""

    rule: Literal["input-unreadable"] = "input-unreadable"
    path: str = Field(description="the file as given")
    line: int | None = None
    message: str


class Unchecked(Model):
    """A count that cannot be put before an editor as a conflict, and what the text leaves unknown."""

    claim: str = Field(description="the claim's id")
    reason: str = Field(description="e.g. 'no place', 'no date: the article is undated and states no time'")


class Report(Model):
    """Everything a report writer needs; free of timestamps so the same input gives the same bytes."""

    sources: list[Source]
    claims: list[Claim]
    topics: list[Topic]
    conflicts: list[Conflict]
    agreements: list[Agreement]
    unreadable: list[Unreadable] = Field([], description="articles that could not be read, each with the reason")
    unchecked: list[Unchecked] = Field([], description="claims never flagged for want of context, with the reason")
    generated_with: dict[str, str] = Field({}, description="tool and rule versions: {'consistency': '0.1.0'}")
