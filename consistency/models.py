"""The one vocabulary of the pipeline: sources, claims, topics, findings, and the rules, editors' decisions and
CI gate results around them. Every stage imports its models from here, and this module imports no stage.

JSON output is always ``model_dump(mode="json")`` of these models, so every
field name in PRODUCT.md's contract is spelled here and nowhere else.
"""

from __future__ import annotations

import hashlib
import re
import string
from datetime import date, datetime
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

from .errors import did_you_mean
from .severity import Severity

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
    event: date | None = Field(
        None,
        description="when the event a toll counts began ('the Jan. 12, 2010 earthquake'): a toll told half a year "
        "or more after it is settled",
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
        description="what narrows the measure: 'commercial' buildings, 'other' buildings, a 'change' ('grew by "
        "5,000'), a 'part' of a total told before ('part of egypt': 'Egypt accounted for 658 of the deaths')",
    )
    subject_type: Literal["entity", "event", "named_event", "named_series"] | None = Field(
        None,
        description="what the subject is: an entity, an event, a named event ('the Camp Fire') that pins its place, "
        "or a name held in many places ('the Women's March'), one event in each",
    )
    location: list[str] = []
    location_text: str | None = None
    countries: list[str] = Field(
        [], description="for an event whose counts are a country's (a quake's toll): the countries topics match on"
    )
    within: list[str] = Field(
        [],
        description="the places of `location` that hold its others (Lebanon, for Beirut): where the count also is, "
        "never what tells two counts' places apart",
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
        description="how a value was computed from reference tables, "
        "e.g. '1/3 × (438,317 + 185,180) km² ≈ 207,832 km²'",
    )

    @staticmethod
    def make_id(source: str, start: int, end: int) -> str:
        return hashlib.sha1(f"{source}:{start}:{end}".encode()).hexdigest()[:12]

    @property
    def narrowest(self) -> list[str]:
        """The places of `location` that hold none of its others: Beirut, of Beirut and Lebanon."""
        return [place for place in self.location if place not in self.within]


# --- topics and findings ---

# An editor's decision on a conflict; "open" is what reopening a decided conflict records.
Verdict = Literal["confirmed", "dismissed", "follow_up", "open"]


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
        description="ids of claims whose place is not stated: "
        "they may corroborate this topic's claims, never contradict them",
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
    status: Verdict = Field(
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


# --- rules: rules/*.yaml, validated ---

# Names a message template may use; rules are untrusted input, so a template
# reaches only these (no "{a.__class__}" walks into Python internals).
CLAIM_FIELDS = frozenset(
    {"source", "outlet", "published", "text", "sentence", "value", "unit", "as_of", "attribution", "measure", "subject"}
)
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "a": CLAIM_FIELDS,
    "b": CLAIM_FIELDS,
    "topic": frozenset({"label", "subject", "measure", "location"}),
    "rule": frozenset({"code", "description"}),
    "distance": frozenset(),
    "relation": frozenset(),  # e.g. "1,000 lies 33% below the range"
}


class Selector(Model):
    """Which topics a rule applies to; each list holds fnmatch patterns ('*fighter*'), empty = any."""

    subject: list[str] = []
    measure: list[str] = []
    location: list[str] = []
    kind: list[Kind] = []

    @field_validator("subject", "measure", "location", "kind", mode="before")
    @classmethod
    def _one_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def specificity(self) -> int:
        """How many fields constrain the topic; a rule with none is the generic fallback."""
        return sum(bool(patterns) for patterns in (self.subject, self.measure, self.location, self.kind))


class Step(Model):
    """From this distance on, a conflict has this severity."""

    distance: float = Field(ge=0)
    severity: Severity


class Article(Model):
    """One article of an example; ``published`` overrides the example's date."""

    text: str = Field(min_length=1)
    published: date | None = None
    outlet: str | None = None


class Example(Model):
    """Short articles and the verdict the rule must reach on them."""

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    expect: Literal["pass", "fail", "agree"] = Field(
        description="fail: a conflict is flagged; pass: none is; agree: none is and an agreement joins the claims"
    )
    published: date | None = None
    undated: bool = Field(False, description="the articles are undated on purpose (a date slipped out is an error)")
    articles: list[Article] = Field(min_length=1)

    @field_validator("articles", mode="before")
    @classmethod
    def _text_is_an_article(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    @model_validator(mode="after")
    def _every_article_is_dated(self) -> Example:
        dated = [self.published, *(article.published for article in self.articles)]
        if self.undated and any(dated):
            raise ValueError("an undated example gives no 'published'")
        if not self.undated and self.published is None and None in dated[1:]:
            raise ValueError("give 'published' for the example or for every article, or set 'undated: true'")
        return self

    def sources(self) -> list[Source]:
        """The articles as sources, named example-1.txt, example-2.txt, ..., to run through the pipeline."""
        return [
            Source(
                name=f"example-{number}.txt",
                path=Path(f"example-{number}.txt"),
                text=article.text,
                outlet=article.outlet or f"Outlet {number}",
                published=article.published or self.published,
            )
            for number, article in enumerate(self.articles, start=1)
        ]


class Rule(Model):
    """How to compare the claims of the topics a rule applies to, and how bad a disagreement is."""

    code: str = Field(pattern=r"^[A-Z]{2,4}[0-9]{3}$")
    description: str = Field(min_length=1)
    applies_to: Selector = Selector()
    compare: Literal["interval_overlap", "date_match"]
    # Relative slack per qualifier: "about 4,000" with about: 0.10 covers 3,600-4,400.
    # For open-ended qualifiers it bounds the open side: "more than 60" with
    # more_than: 0.5 means 60-90; a qualifier not listed stays open (or exact).
    tolerance: dict[Qualifier, Annotated[float, Field(ge=0, le=1)]] = {}
    window_days: int | None = Field(None, ge=0, description="claims further apart in as_of are not compared")
    change_days: int | None = Field(
        None,
        ge=0,
        description="claims further apart than this in as_of may corroborate but never conflict: the number may "
        "have changed between them (troops are withdrawn and sent back)",
    )
    running: bool = Field(
        False,
        description="the count grows as time passes (a toll, cases, acres burned): claims are compared only when "
        "both are dated to within window_days, so a figure known only to its year is never set against a daily one",
    )
    settles: bool = Field(
        True,
        description="a running count stops rising once its event is over: two figures each told half a year or more "
        "after their event are compared whenever they were told; false for levels that rise and fall for years "
        "(people displaced or detained)",
    )
    corroborate_only: bool = Field(
        False,
        description="claims are checked for agreement only, never flagged: an earthquake's magnitudes, told of "
        "aftershocks too in words that rarely tell them apart from the main shock",
    )
    severity: Severity = "warning"
    # Raises the severity with the distance between the claims (relative gap
    # for quantities, days for dates): [{distance: 0.5, severity: error}].
    severity_scale: list[Step] = []
    message: str = Field(min_length=1)
    examples: list[Example] = []

    @field_validator("severity_scale")
    @classmethod
    def _ascending(cls, steps: list[Step]) -> list[Step]:
        distances = [step.distance for step in steps]
        if distances != sorted(set(distances)):
            raise ValueError("steps must be in increasing order of distance")
        return steps

    @field_validator("message")
    @classmethod
    def _known_fields(cls, template: str) -> str:
        check_template(template)
        return template

    @field_validator("examples")
    @classmethod
    def _unique_names(cls, examples: list[Example]) -> list[Example]:
        names = [example.name for example in examples]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"example name {twice[0]!r} is used twice")
        return examples

    def severity_for(self, distance: float | None) -> Severity:
        """The severity of a conflict this far apart: the last step of the scale it reaches."""
        severity = self.severity
        for step in self.severity_scale:
            if distance is not None and distance >= step.distance:
                severity = step.severity
        return severity

    def render_message(self, **fields: Any) -> str:
        """Fill the message template; ``fields`` are the names in TEMPLATE_FIELDS (objects or values)."""
        return self.message.format(rule=self, **fields)

    def applies(self, topic: Described) -> bool:
        """Whether the selector and the kind of comparison fit this topic (or claim)."""
        if COMPARES[self.compare] != topic.kind:
            return False
        selector = self.applies_to
        return (
            _matches(selector.subject, [topic.subject])
            and _matches(selector.measure, [topic.measure])
            and _matches(selector.location, topic.location)
            and _matches(selector.kind, [topic.kind])
        )


# The kind of claim each comparison can handle.
COMPARES: dict[str, Kind] = {"interval_overlap": "quantity", "date_match": "date"}


class Described(Protocol):
    """A Topic or a Claim: anything with these fields can be matched against a selector."""

    kind: Kind
    subject: str | None
    measure: str | None
    location: list[str]


def _matches(patterns: list[str], values: list[str | None]) -> bool:
    # Case-insensitive, and any value may match any pattern ("Iraq, Syria" vs ["syria"]).
    if not patterns:
        return True
    return any(fnmatchcase((value or "").lower(), pattern.lower()) for pattern in patterns for value in values)


def check_template(template: str) -> None:
    """Raise ValueError naming the first field a message template may not use."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as err:
        raise ValueError(str(err)) from None
    for _, field, spec, _ in parsed:
        if field is None:
            continue
        if "{" in (spec or ""):
            raise ValueError("nested fields in a format spec are not allowed")
        root, *attributes = re.split(r"[.\[]", field)
        if root not in TEMPLATE_FIELDS:
            raise ValueError(f"unknown field {{{field}}}{did_you_mean(root, TEMPLATE_FIELDS)}")
        allowed = TEMPLATE_FIELDS[root]
        if len(attributes) > 1 or (attributes and attributes[0] not in allowed) or ("[" in field):
            name = attributes[0] if attributes else field
            raise ValueError(f"unknown field {{{field}}}{did_you_mean(name, allowed)}")


# --- editors' decisions: reviews/decisions.jsonl ---


class QuotedClaim(BaseModel):
    """A claim's words as they were when decided: its file, the claimed words and their sentence."""

    model_config = ConfigDict(extra="ignore")

    source: str
    text: str
    sentence: str


class Decision(BaseModel):
    """One line of the log: who decided what about which conflict, when, and on which words."""

    # Lines written by newer versions may carry fields this one does not know.
    model_config = ConfigDict(extra="ignore")

    conflict: str = Field(description="the conflict's fingerprint (Conflict.id)")
    decision: Verdict
    note: str = ""
    reviewer: str
    at: datetime = Field(description="when it was decided, UTC")
    quotes: list[QuotedClaim] = Field(description="the conflicting claims as they read then")


# --- the CI gate: what consistency check decided ---

# Why a conflict does or does not fail the gate, in the order they are decided.
GateStatus = Literal["fails", "unchanged", "known", "dismissed", "below_threshold"]


class ClaimLocation(Model):
    """Where a claim sits: the file as CI names it, and 1-based lines and columns (in characters)."""

    claim: str
    source: str = Field(description="file name relative to the corpus folder")
    path: str = Field(description="the file relative to the working folder, as CI annotates it")
    line: int
    column: int
    end_line: int
    end_column: int = Field(description="the column just after the claim's last character")
    text: str
    new: bool = Field(description="from a source added or changed since --since (every source, without it)")
    in_baseline: bool = Field(False, description="a known conflict of the baseline is made of this claim too")


class GateConflict(Model):
    """A conflict, whether it fails the gate, and where its claims are."""

    conflict: Conflict
    status: GateStatus
    locations: list[ClaimLocation]

    def annotated(self) -> list[ClaimLocation]:
        """The locations CI marks: the claims from new sources, and of those the ones no known conflict holds."""
        new = [location for location in self.locations if location.new]
        return [location for location in new if not location.in_baseline] or new


class Unlisted(Model):
    """Conflicts on one topic beyond the per-claim listing cap that touch new sources: counted, not listed."""

    topic: str
    count: int
    failing: int = Field(description="how many of them fail the gate: those the baseline did not count")
    at: ClaimLocation = Field(description="a claim of the topic from a new source, where CI can point")

    def message(self) -> str:
        """The count in words, for every format."""
        return (
            f"{self.count} more conflict{'s' * (self.count != 1)} on topic {self.topic} beyond the per-claim "
            f"listing cap (counted, not listed)"
        )


class CheckResult(Model):
    """What ``consistency check`` decided; free of timestamps, like Report."""

    fail_on: Severity | Literal["none"]
    since: str | None = None
    baseline: str | None = None
    new_sources: list[str] = Field(description="sources whose conflicts can fail the gate")
    paths: dict[str, str] = Field({}, description="source -> its file as CI names it, for the new sources")
    conflicts: list[GateConflict]
    rules: dict[str, str] = Field({}, description="code -> description of the rules that found the conflicts")
    unlisted: list[Unlisted] = Field([], description="conflicts touching new sources beyond the listing cap")
    resolved: list[str] = Field([], description="baseline fingerprints no longer found (checked without --since)")
    unreadable: list[Unreadable] = Field([], description="articles that could not be read, as CI names them")
    generated_with: dict[str, str] = {}

    @computed_field
    @property
    def failed(self) -> bool:
        return any(c.status == "fails" for c in self.conflicts) or any(u.failing for u in self.unlisted)

    def failing(self) -> list[GateConflict]:
        """The conflicts that fail the gate, most severe first."""
        return [c for c in self.conflicts if c.status == "fails"]
