"""Which dates are an event's and when events began: "the Jan. 12, 2010 earthquake", "the quake that struck
Nepal on April 25", "on the first anniversary of the quake", the latest year an undated article tells of."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from .context import SentenceContext
from .dates import DateMention, anniversary_years
from .discourse import Discourse, carried
from .incidents import Incident
from .modality import DATE_PLANNED
from .times import record_since

# A cleft sentence that puts the date first: "It was on November 26, 2008 that ...".
CLEFT_BEFORE = re.compile(r"(?i)\bit\s+was\s+(?:on\s+|in\s+)?$")
CLEFT_AFTER = re.compile(r",?\s+that\b")
CLEFT_REACH = 14  # "It was on " before the date
DATE_OF_EVENT_REACH = 3  # a date right before an event's words names it: "the January 2011 earthquake"
ANNIVERSARY_OF_REACH = 5  # "the first anniversary of the quake"
# Dates an article tells of as past or present: not "by 2030", "before the war", nor "after the quake".
TOLD_ROLES = frozenset({"point", "span", "since"})
# A date right after an event's words that dates it: "inauguration in 2009", "the Camp Fire of November 2018", "the
# re-election a week ago".
EVENT_DATE_AFTER = re.compile(r"(?i)(?:in|of|on)\s|(?:[\w-]+\s+){1,3}ago\b")
# An event told by its verb in the past: "capsized", "the boat sank", "the quake struck".
PAST_VERB_END = re.compile(r"(?i)(?:ed|sank|struck|hit|broke out|went down|blew up)$")
# A relative clause after an event's words, up to a date, no number in it: "the earthquake that struck Nepal (on April
# 25)", "the earthquake that struck southern Turkey and northern Syria (on Monday)".
EVENT_CLAUSE = re.compile(
    r"\s+(?:(?:that|which)\s+(?:[A-Za-z'-]+\s+){1,8}|(?:struck|hit|erupted|broke\s+out)\s+(?:[A-Za-z'-]+\s+){0,4})"
)

# A date followed by the event it is the day of: "in 1990, when a stampede killed 1,426".
WHEN_EVENT = re.compile(r"(?i),?\s+when\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}")
# A verb that says something happened, right before its date: "the incident happened in 1990".
HAPPENED_BEFORE = re.compile(r"(?i)\b(?:happened|occurred|took\s+place)\s+$")
HAPPENED_REACH = 20  # "took place " before the date
# Words that set an event against an earlier one: "the previous deadliest-ever incident".
EARLIER = re.compile(r"(?i)\b(?:previous|prior|earlier|last\s+such)\b")
# Before a date of an earlier event the story is set against: the last one of its kind ("almost four times the toll
# of the last large-scale attack in 1990"; not "the last week of March", a time), or what a count is compared with
# ("This far exceeds the candlelit vigils for mad cow disease in Seoul in 2008", "bigger than the march of 1987").
SET_AGAINST = re.compile(
    r"(?i)(?:\bthe\s+last\s+(?!(?:weeks?|weekends?|months?|years?|days?|decades?|quarters?|half|few|two|three|"
    r"several|time)\b)(?:[\w-]+\s+){1,3}|\b(?:exceeds?|exceeded|surpass(?:es|ed)?|dwarf(?:s|ed)?|outnumber(?:s|ed)?"
    r"|(?:bigger|larger|smaller)\s+than|compared\s+(?:with|to)|compares\s+(?:with|to))\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,10}?)(?:(?:in|of|on)\s+)?$"
)
SET_AGAINST_REACH = 100  # "exceeds the candlelit vigils for mad cow disease in Seoul in " before the date


def dates_event(text: str, d: DateMention, incidents: list[Incident]) -> bool:
    """Whether a date dates an event, not a count: "the January 2011 earthquake", "the earthquake that struck Nepal
    on April 25 (killed 7,500)"."""
    before_event = (0 <= x.start - d.end <= DATE_OF_EVENT_REACH for x in incidents)
    in_its_clause = (x.end <= d.start and EVENT_CLAUSE.fullmatch(text, x.end, d.start) for x in incidents)
    # "when the fishing boat sank on Saturday night": a date right after the verb that tells the event
    after_its_verb = (
        0 <= d.start - x.end <= 1 and EVENT_DATE_AFTER.match(d.text) and PAST_VERB_END.search(x.text) for x in incidents
    )
    # "It was on November 26, 2008 that 10 terrorists carried out a series of terror attacks": a cleft's date
    cleft = (
        x.start >= d.end
        and CLEFT_BEFORE.search(text, max(0, d.start - CLEFT_REACH), d.start)
        and CLEFT_AFTER.match(text, d.end)
        for x in incidents
    )
    return any(before_event) or any(in_its_clause) or any(after_its_verb) or any(cleft)


def of_event(text: str, d: DateMention, incidents: list[Incident]) -> bool:
    """Whether a date is an event's, to be no time for the sentences after it: as ``dates_event``, or right after
    the event's words ("Barack Obama's inauguration in 2009"; in its own clause, "a second quake on May 12 killed
    153" may still date the count)."""
    after_event = (0 <= d.start - x.end <= 1 and EVENT_DATE_AFTER.match(d.text) for x in incidents)
    return dates_event(text, d, incidents) or any(after_event)


def earlier_event(text: str, sentence: tuple[int, int], d: DateMention, incidents: list[Incident]) -> bool:
    """Whether a date is the day of an earlier event the article sets its story against, never the story's year:
    "The previous deadliest incident happened in 1990, when a stampede killed 1,426 people"."""
    record = record_since(text, *sentence)
    if record and record.end() <= d.start:
        return True  # "the biggest demonstration in 29 years, since a million attended the funeral ... on June 9, 1987"
    if SET_AGAINST.search(text, max(sentence[0], d.start - SET_AGAINST_REACH), d.start):
        return True
    if not EARLIER.search(text, *sentence):
        return False
    when_event = (x.start >= d.end and WHEN_EVENT.fullmatch(text, d.end, x.start) for x in incidents)
    return any(when_event) or HAPPENED_BEFORE.search(text, max(0, d.start - HAPPENED_REACH), d.start) is not None


def told_before(d: DateMention, dates: list[DateMention]) -> DateMention | None:
    """The last point or span a sentence states before ``d``."""
    return next((o for o in reversed(carried(dates)) if o.end <= d.start), None)


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def anniversary(
    d: DateMention, mentions: list[Incident], incidents: list[Incident], discourse: Discourse
) -> DateMention:
    """An anniversary placed as many years after the day its event began ("the first anniversary of the quake", or
    of the event in force), if the article tells when that was; any other date as it is."""
    years = anniversary_years(d.text) if d.start_date is None else None
    if years is None:
        return d
    named = [x for m, x in zip(mentions, incidents, strict=True) if 0 <= m.start - d.end <= ANNIVERSARY_OF_REACH]
    event = named[0] if named else discourse.event(lambda kind: True)
    began = discourse.event_days.get(event.id) if event is not None else None
    if began is None:
        return d
    first, last = (day + relativedelta(years=years) for day in began)
    return replace(d, start_date=first, end_date=last, granularity="day" if first == last else "year")


def latest_year_told(
    text: str,
    sentences: list[tuple[int, int]],
    date_by_sentence: dict[int, list[DateMention]],
    context: Callable[[int], SentenceContext],
) -> int | None:
    """The latest year an article tells of as past or present: an undated article was written no earlier. Not a
    year it plans for ("will end by 2030"), nor an event's ("the Exxon Valdez disaster in 1989"), which may lie
    long before the story."""
    years = [
        d.end_date.year
        for i, ds in date_by_sentence.items()
        if not DATE_PLANNED.search(text, *sentences[i])
        for d in ds
        if d.end_date is not None
        and d.role in TOLD_ROLES
        and not of_event(text, d, context(i).incidents)
        and not earlier_event(text, sentences[i], d, context(i).incidents)
    ]
    return max(years, default=None)
