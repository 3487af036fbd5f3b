"""As of when a count holds, read in its sentence and paragraph: its own dates, not its event's; an event's year
for a settled figure of a past event; the paragraph's time for a sentence that states none; the day a projection is
for. ``times.py`` reads a sentence's dates; this module decides which of them a count is of, and how the paragraph
goes on."""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from ..models import AsOf
from ..occasions import DATED_BY_EVENT
from .context import SentenceContext
from .dates import PART_OF_DAY, DateMention, shifted
from .discourse import carried, context_time
from .eventdates import anniversary, dates_event, of_event, told_before, year_span
from .incidents import Incident
from .modality import modality
from .quantities import Quantity
from .reading import Article, Reading
from .times import (
    ANOTHER_FIGURE,
    CLAUSE_BREAK,
    DATELINE_DASH,
    OPENS_REACH,
    PRESENT,
    RECORD_SINCE,
    TIME_MOVES_ON,
    as_of_claim,
    said_on,
    since_event,
    so_far,
    target_date,
)

# A figure of another time set against the count before it: "surpassing the previous record of 7.6 million".
PREVIOUS_FIGURE = re.compile(
    r"(?i)\b(?:previous|prior|former|earlier|old)\s+(?:record|high|peak|figure|estimate|total)\b"
    r"|\b(?:down|up)\s+from\b|\bfrom\s+(?:a|its|their)\s+(?:peak|high|low)\b"  # "down from a peak of 5,100 in 2020"
)
# A time told from the one before it, never from now: "the following week", "ten years later".
FOLLOWING = re.compile(r"(?i)(?:the\s+)?following\b|.*\blater$")
# The words that make a figure the one a change started from: "rose from ", "to 230,000 from about ".
STARTED_FROM = re.compile(r"\bfrom\s+(?:[a-z]+\s+)?$")
# A projection named again before its figure: "The top range of the estimate, 1.4 million", "the forecast's 9,000".
RESTATED_PROJECTION = re.compile(
    r"(?i)\b(?:(?:top|upper|lower|bottom|high|low)\s+(?:end|range|bound)\s+of\s+)?(?:the|this|that|its)\s+"
    r"(?:estimate|projection|forecast|prediction|model)(?:'s)?,?\s+(?:of\s+)?$"
)
RESTATED_REACH = 60  # "The top range of the estimate, " before the figure
# A period named by the time before: "that year", "the same month".
THAT_PERIOD = re.compile(r"(?i)\b(?:that|the same)\s+(year|month|day)\b")

# A day this long before the report is gone by: a sentence about it does not speak of the present.
LONG_AGO_DAYS = 365
# An event this many years before the report is history: its figures hold for its year, not as of the report.
HISTORY_YEARS = 1

UNSTATED = ("current", "unknown", "context")  # times a sentence does not state
DAY_PART_AFTER = re.compile(rf"\s+(?:{PART_OF_DAY})\b")  # after "On Sunday"
EVENT_COSTS = frozenset({"damage", "insured_losses"})  # what an event cost, estimated after it


def read_time(
    article: Article, r: Reading, q: Quantity, measure: str | None, incident: Incident | None, location: list[str]
) -> tuple[AsOf, str]:
    """As of when ``q`` holds, and its modality (asserted, planned, ...)."""
    text, lexicon, discourse, ctx = article.text, article.lexicon, article.discourse, r.ctx
    # "killed in the January 2011 earthquake": a date that names the event is not the time of its toll
    # ("During the 2006 war, Hezbollah fired 4,000 rockets": a count no event owns is of the event's year)
    event_count = measure in lexicon.events.measures and measure not in DATED_BY_EVENT
    # nor of a count told in the present ("1,300 families remain in temporary housing after the 2013 typhoon");
    # the clause's tense is read only where an event's date could date the count
    event_dates = [d for d in r.dates if dates_event(text, d, ctx.incidents)] if ctx.incidents else []
    dated_event = bool(event_dates) or (incident is not None and bool(incident.year))
    now_told = dated_event and _present_clause(text, q, r.start, r.end)
    own_dates = [d for d in r.dates if d not in event_dates] if event_count or now_told else r.dates
    named = [d for d in own_dates if of_event(text, d, ctx.incidents)] if event_count and ctx.incidents else []
    # (a dateline opening the sentence, "May 14, 2010 --", is no other date of the count's)
    if named and any(d not in named and not DATELINE_DASH.match(text, d.end) for d in own_dates):
        # "revised on Sunday the death toll in the crash on Friday to 275": the date after the event's words is the
        # event's, the sentence's other date the count's ("a second quake on May 12 killed 153": the only one)
        own_dates = [d for d in own_dates if d not in named]
    as_of = as_of_claim(text, q, ctx, own_dates, r.cited.day if r.cited else article.source.published)
    named_here = incident in r.incidents  # "Unlike the 2004 tsunami, which killed ..., Friday's waves"
    # the year an event began: in its words ("the 2010 earthquake"), else, in a dated article's sentence stating no
    # time, as the article dated the event before ("It was on November 26, 2008 that ... terror attacks"), unless
    # it goes on for years
    event_year = incident.year if incident is not None else None
    if (
        event_year is None
        and incident is not None
        and (began := discourse.event_days.get(incident.id))
        and article.source.published is not None
        and as_of.scope in UNSTATED
        and incident.kind not in lexicon.events.goes_on
    ):
        event_year = began[0].year
    if (
        incident is not None
        and event_year
        and as_of.scope not in ("peak", "past")
        and (named_here or as_of.scope != "explicit")  # "In January 2011, the 316,000 number was ..."
    ):
        # "the 1989 spill dumped ...": a settled figure of an event years past holds for its year; a recent
        # event's toll holds as of the report ("the 2010 quake killed 316,000", reported in 2011), and so
        # does an undated article's present ("the official toll of the 2010 quake is 316,000"), and any
        # article's ("32,000 people still live in camps after the 2010 earthquake", told in 2020)
        historic = not now_told and (
            article.source.published is None or event_year < article.source.published.year - HISTORY_YEARS
        )
        if historic:
            as_of = AsOf(
                start=date(event_year, 1, 1), end=date(event_year, 12, 31), scope="explicit", text=str(event_year)
            )
    past_tense = as_of.scope == "current" and not r.present
    # "regional officials said on Tuesday. A further 19 remain missing": now is the day of the statement
    # (a sentence with a speaker of its own is another statement, made now)
    said_then = (
        as_of.scope == "current"
        and r.stated_attribution is None
        and (
            discourse.time_said
            # "burned 31,000 hectares this week ... Some 1,600 homes have been destroyed": within the week still
            or (discourse.time is not None and so_far(discourse.time, article.source.published))
        )
    )
    if as_of.scope == "unknown" or past_tense or said_then:
        # "police counted 81,000 on Tuesday, while the CGT said 700,000 had marched": an earlier clause's
        # date (in a dated article's past-tense sentence), else the paragraph's time
        earlier = carried(
            [
                d
                for d in own_dates
                if d.end <= q.start
                and CLAUSE_BREAK.search(text, d.end, q.start)  # another clause's: not "the quake that hit on X"
                and not TIME_MOVES_ON.search(text, d.end, q.start)
            ]
        )
        as_of = context_time(earlier[-1]) if earlier and past_tense else discourse.as_of(r.present) or as_of
    later = [d for d in carried(own_dates) if d.start >= q.end and d.end_date] if as_of.scope == "current" else []
    long_ago = bool(later) and (as_of.start - later[0].end_date).days > LONG_AGO_DAYS
    if (
        later
        and ANOTHER_FIGURE.search(text, q.end, later[0].start)
        and (not long_ago or PREVIOUS_FIGURE.search(text, q.end, later[0].start))
    ):
        # a day after another number is that number's: "rose to 45, up from 30 on Monday", "8.1 million
        # hectares, surpassing the previous record of 7.6 million set in 1989"
        later = []
    mood = modality(text, ctx, q)
    if mood == "planned" and measure in EVENT_COSTS and incident is not None:
        # "Total economic losses from hurricane Dorian will hit $7bn": what the storm cost, as estimated now (an
        # estimate of a loss is told in the future tense as often as not)
        mood = "asserted"
    if (
        later
        and later[0].end_date < as_of.start
        and (past_tense or long_ago)
        and not discourse.as_of()
        and mood != "planned"  # "450 troops would be sent, reversing a withdrawal of 700 in 2020"
    ):
        # "The unions claim two million workers went on strike but the Government argues only a quarter
        # stayed away on 30th November 2011": a count told with no date of its own, in a sentence about a
        # day gone by, is of that day
        as_of = context_time(later[0])
    if as_of.scope in ("current", "unknown", "context") and (that := THAT_PERIOD.search(text, r.start, r.end)):
        # "By the end of 2023, the camp housed 280,000 ... Some 60,000 had arrived that year"
        as_of = discourse.that_period(that.group(1).lower(), that.group()) or as_of
    if as_of.scope == "past" and not STARTED_FROM.search(as_of.text or "") and not RECORD_SINCE.match(as_of.text or ""):
        # "A team then pegged the flow at ...": the retelling goes on in the past (not after the figure a
        # change started from: "rose from 1,836 to 1,900" reached 1,900 now, nor after a record's earlier event)
        discourse.past = as_of
    restated = discourse.projection is not None and RESTATED_PROJECTION.search(
        text, max(r.start, q.start - RESTATED_REACH), q.start
    )
    if restated:
        # "1.4 million people could be infected by January 20 ... The top range of the estimate, 1.4 million,
        # assumes ...": the projection told again, for the time it was made for
        mood, as_of = "planned", discourse.projection
    elif mood == "planned":
        as_of = target_date(q, own_dates, article.source.published) or as_of
        discourse.projection = as_of
    else:
        as_of = discourse.running(measure, location, as_of)
    began = discourse.event_days.get(incident.id) if incident is not None else None
    if measure in DATED_BY_EVENT and began and began[0] == began[1] and as_of.scope in UNSTATED:
        # "Workers were expected to strike on Wednesday. As many as 2 million took part": a turnout is
        # of its occasion's day
        as_of = AsOf(start=began[0], end=began[1], scope="context")
    if incident is not None and incident.id in discourse.event_days and incident.kind not in lexicon.events.goes_on:
        as_of = as_of.model_copy(update={"event": discourse.event_days[incident.id][0]})
    if as_of.scope in ("context", "unknown") and as_of.text is None:
        # "On Sunday morning ... 43 ... On Sunday afternoon ... 48" in an undated article: days it cannot place are
        # still two times, not the one time of its undated figures
        unplaced = [
            d
            for d in r.dates
            if d.start_date is None
            and d.relative
            and d.end <= q.start
            and (d.start - r.start <= OPENS_REACH or said_on(text, d, r.start))  # the sentence's time, not an event's
        ]
        if unplaced:
            part = DAY_PART_AFTER.match(text, unplaced[-1].end)
            as_of = as_of.model_copy(update={"text": unplaced[-1].text + (part.group() if part else "")})
    if as_of.scope in ("current", "context") and captioned(text, q.start):
        # "A handout photo made available by the police shows ... According to BNPB, at least 43 people dead": a
        # photo's caption tells the figures of when it was taken, which the report's own have moved on from
        as_of = AsOf(start=None, end=as_of.end, scope="past", text="photo caption")
    return as_of, mood


# A photo's credit, which marks the caption it stands in.
PHOTO_CREDIT = re.compile(
    r"(?i)\b(?:mandatory\s+credit|photo(?:graph)?\s+(?:by|made\s+available|courtesy\s+of)|handout\s+(?:photo|picture)|"
    r"file\s+photo|getty\s+images|afp\s+photo|ap\s+photo|epa-efe|shutterstock|(?:photo|image)\s+credit)\b"
)
CAPTION_REACH = 400  # a caption's credit this close before its figure, in its line


def captioned(text: str, pos: int) -> bool:
    """Whether the figure at ``pos`` stands in a photo's caption: a credit before it in its line."""
    credits = _credits(text)
    i = bisect.bisect_left(credits, pos)
    if i == 0 or pos - credits[i - 1] > CAPTION_REACH:
        return False
    return "\n" not in text[credits[i - 1] : pos]


# Words one of which every credit holds, in the cases pages write them: most pages hold none, and are not scanned.
CREDIT_HINTS = ("redit", "REDIT", "hoto", "HOTO", "andout", "ANDOUT", "etty", "ETTY", "EPA", "epa", "hutterstock")


@lru_cache(maxsize=4)  # asked of every count: the article's credits are found once, in one pass
def _credits(text: str) -> tuple[int, ...]:
    if not any(hint in text for hint in CREDIT_HINTS):
        return ()
    return tuple(m.start() for m in PHOTO_CREDIT.finditer(text))


def sentence_dates(
    article: Article,
    ctx: SentenceContext,
    incidents: list[Incident],
    ds: list[DateMention],
    counts: bool,
    start: int,
    end: int,
) -> tuple[list[DateMention], bool]:
    """The dates of the sentence from ``start`` to ``end`` as they stand in the article (a duration told from the
    date before it, "since" an event), noting the days its events began; and whether the sentence is told in the
    present, when it has ``counts`` or durations to place."""
    text, lexicon, discourse = article.text, article.lexicon, article.discourse
    # "the Jan. 12, 2010 earthquake", "the quake that struck Nepal on April 25": when each began; an occasion
    # that people attend is dated by a date after its words too ("expected to strike on Wednesday"), where a
    # disaster's may be a memorial's ("prayers for the quake on Wednesday")
    for d in ds:
        for mention, incident in zip(ctx.incidents, incidents, strict=True):
            occasion = incident.kind in lexicon.events.people
            if d.start_date and (of_event if occasion else dates_event)(text, d, [mention]):
                discourse.event_days.setdefault(incident.id, (d.start_date, d.end_date or d.start_date))
    for incident in incidents:
        if incident.year:
            discourse.event_days.setdefault(incident.id, year_span(incident.year))  # "the 2010 earthquake"
    # "On the first anniversary of the quake": a year after the day it began
    ds = [anniversary(d, ctx.incidents, incidents, discourse) for d in ds]
    # "A week earlier, organisers said ...": told from the sentence's own date before it, else the article's last;
    # in a sentence about now, from now ("380,000 refugees have reached Chad, up from 260,000 a month earlier")
    shiftable = any(d.start_date is None for d in ds)  # only a duration with no date of its own is shifted
    # the sentence's tense, read once for the durations it places and the counts it gives
    present = bool((counts or shiftable) and PRESENT.search(text, start, end))
    if shiftable:
        now = article.source.published if present else None
        told_now = DateMention(start, start, "", now, now, "day", True, "point") if now else None
        ds = [
            # "the following week", "ten years later" are never told from now, whatever the sentence's tense
            shifted(
                d, told_before(d, ds) or (None if FOLLOWING.match(d.text) else told_now) or discourse.last_told or d
            )
            for d in ds
        ]
    ds = [since_event(text, d, start) for d in ds]  # "since protests began in January"
    return ds, present


def _present_clause(text: str, q: Quantity, start: int, end: int) -> bool:
    """Whether the clause a number stands in is in the present: "32,000 people still live in camps" (not "Residents
    still recall the 2011 tsunami, which destroyed some 120,000 buildings")."""
    opened = max(text.rfind(",", start, q.start), text.rfind(";", start, q.start), start - 1) + 1
    closed = min((i for i in (text.find(",", q.end, end), text.find(";", q.end, end)) if i >= 0), default=end)
    return PRESENT.search(text, opened, closed) is not None
