"""As of when a claim holds: a date in its clause, "at its peak", a figure cited as superseded, a running count's
start."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..models import AsOf
from .context import SentenceContext
from .dates import PART_OF_DAY, WEEKDAYS, DateMention, find_dates
from .quantities import Quantity, changed_from

# "at its peak", "at the height of its power": the number describes a past high point.
PEAK = re.compile(
    r"(?i)\b(?:at (?:its|their|the) (?:peak|height|zenith|apex|high point)|at the height of|in (?:its|their) heyday"
    r"|at one point|at its strongest|at their strongest)\b"
)

# Before the number, words that date it in the past: "once controlled", "used to hold", "initially estimated".
PAST = re.compile(
    r"(?i)\b(?:once [a-z]+ed|once (?:had|held|boasted)|used to (?:have|hold|control)|formerly|at the time|"
    # a figure the text presents as superseded: "the earliest figure, 1,000", "initially estimated 150,000"
    r"initially|originally|at first|earliest|the first estimate|(?:the|that|its|their) initial|previous(?:ly)?|"
    r"had earlier|"  # "Dickman had earlier put the toll at 480 million"
    r"(?<![A-Za-z] )earlier(?=,)|"  # "Earlier, authorities had said they were working off a list of 176"
    r"(?:was|were|had been) earlier [a-z]+|earlier (?:stood|was|were)|"  # "The toll was earlier put at 288"
    # "the earlier figure", "the government's earlier estimate of 230,000"
    r"(?:the|that|its|their|an|\w+'s|\w+\u2019s) earlier (?:official |[A-Z][\w.]*\s+)?"
    r"(?:figure|estimate|count|tally|toll)"  # "an earlier U.S. estimate of about 10,000"
    r"|supplanted by|replaced by"
    # "in the early days of the spill even more oil was flowing": a figure for the start of the story
    r"|in the (?:early|first) (?:days|weeks|months|hours)|at the outset|early on)\b"
    # "raised the toll to 230,000 from 212,000": the figure a revision started from
    r"|\bto\s+[^.;]{1,40}?\bfrom\s+(?:more than\s+|about\s+|nearly\s+|some\s+)?$"
)

# After the number: "(2 million people lived there) before the war"; a figure first feared or reported, since
# superseded ("the 144,000 gallons first feared").
PAST_AFTER = re.compile(
    r"(?i)(?:\s+[a-z]+){0,3}\s+(?:before|prior to) the "
    r"(?:[A-Z][a-z]+\s+)?(?:war|invasion|incursion|conflict|crisis|collapse|offensive|uprising|revolution|coup|pandemic|"
    r"withdrawal|pullout|surge)\b"
    r"|(?:\s+[a-z]+){0,2}?\s+(?:first|initially|originally)\s+(?:feared|reported|estimated|thought|believed|given)\b"
    # "About 10,000 French troops were once based across the Sahel", "who had once fought"
    r"|(?:\s+[a-z]+){0,2}?\s+(?:were|was|had|had\s+been)\s+once\b"
    # "had risen to 207, according to official figures at the time": a figure of its day, since superseded
    r"|,?\s+(?:according\s+to|citing)\s+(?:[\w'-]+\s+){0,3}?(?:at\s+the\s+time|then)\b"
)

# A sentence that opens in the past: "Before the war, ...", "Prior to the 2011 uprising, ...".
PAST_OPENING = re.compile(r"(?i)\s*(?:before|prior to) the [a-z]+(?: [a-z]+)?,")

# Present-tense verbs: a sentence saying how things stand now is as of publication, whatever time the
# sentences before it set ("The coalition formed in 2014. About 2,500 troops remain in Iraq.").
PRESENT = re.compile(
    # (not "are estimated to have been killed": a past told now)
    r"(?i)(?<!\bto )\b(?:is|are|has|have|remains?|stands?|now|currently|still|today|this week|says|say|estimates)\b"
    r"(?!\s+(?:[a-z]+\s+)?to\s+have\b)"
    # a verb that holds a number now ("the SDF guard some 10,000 fighters"): a noun too, so only right before one
    r"|\b(?:holds?|guards?|houses|hosts|keeps?|employs|contains|shelters|controls)\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|more than|fewer than|at least|an estimated)\s+)?\d"
)

# Quotation marks, straight or curly: an odd number before a date puts it inside a quotation.
QUOTE_MARKS = re.compile(r"[\"“”]")

# A reporting verb right before a date: the date of the saying ("Central Command said Wednesday, claiming 153").
SAYING_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told reporters|announced|reported|added|stated|claimed|insisted|wrote|tweeted)\s+$"
)
SAYING_REACH = 20
# A saying's verb right after its date: "the sheriff on Monday afternoon announced that"; or a revision's, the day
# of the figure it gives: "The Odisha Government on Sunday revised the death toll ... to 275".
SAID_AFTER = re.compile(
    rf"(?i)\s+(?:(?:{PART_OF_DAY})\s+)?(?:said|announced|reported|told|confirmed|stated|"
    r"revised|raised|lowered|updated|put|pegged|placed)\b"
)

# Where a sentence turns to a contrasting clause: "; ", ", however ", ", but ", ", while ".
CONTRAST_CLAUSE = re.compile(r"(?i);\s*|,\s+(?:however|but|whereas|while|though|although)\b,?\s*")

# Another figure between a count and a date after it, the date's: "45, up from 30 on Monday", "12 districts, up
# from eight a day earlier" (a number in words after "up from").
ANOTHER_FIGURE = re.compile(r"\d|\b(?i:up|down)\s+from\b")
# A clause's own verb before a date: the date is that clause's, not fronted for the whole sentence.
FINITE_BE = re.compile(r"\b(?:was|were|is|are|has|have|had)\b")
# A record held since an earlier event: "the biggest demonstration in 29 years, since ...", "the deadliest since".
RECORD_SINCE = re.compile(
    r"(?i)\b(?:biggest|largest|worst|deadliest|highest|strongest|costliest)\b[^.;:]{0,60}?\bsince\b"
)


def record_since(text: str, start: int, end: int) -> re.Match | None:
    """The words of a record held since an earlier event in text[start:end], if any (most sentences have no
    "since": a substring test spares the scan)."""
    return RECORD_SINCE.search(text, start, end) if text.find("since", start, end) >= 0 else None


# The figure a count changed from, right before its number: "up from ", "down from some ".
UP_FROM_BEFORE = re.compile(r"(?i)\b(?:up|down)\s+from\s+(?:[a-z]+\s+)?$")
UP_FROM_REACH = 24  # "down from an estimated " before the number
# "since" an event, then the date of the event: "since Russia's full-scale invasion in ", "since the war began in ".
SINCE_EVENT = re.compile(
    r"(?i)\bsince\s+(?:the\s+|its\s+|their\s+|(?-i:[A-Z][\w.'-]*)['\u2019]s\s+)?(?:[\w-]+\s+){1,4}?"
    r"(?:(?:began|started|broke\s+out|erupted)\s+)?(?:(?:in|on)\s+)?$"  # the date's own "in" may be its words
)
SINCE_EVENT_REACH = 60
# "66,237 in the same period last year", "in the same period of 2022": the sentence's period, a year back.
SAME_PERIOD = re.compile(
    r"(?i)\s+(?:\w+\s+){0,2}?(?:in|during|over|for)\s+the\s+same\s+(?:period|months?|weeks?|time)\s+"
    r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:of|in)\s+(?P<year>(?:19|20)\d\d))"
)
SAME_PERIOD_REACH = 60
# Words that set one side of a comparison against the other: "compares to", "versus" (not "more than", a bound).
COMPARISON = re.compile(r"(?i)\b(?:compar\w*|versus|vs\.?)(?!\w)")

# Words that bring a sentence back to the present after a past cue: "once controlled ..., still has 2,500".
STILL = re.compile(r"(?i)\b(?:still|now|currently|today|remains?)\b")

# The main clause going on after a relative clause in the past: ", has shrunk to", ", is now".
MAIN_CLAUSE_RESUMES = re.compile(r"(?i),\s+(?:and\s+)?(?:has|have|is|are)\b")

# Where a date stops governing a number: "; ", ", but ", ", which ", " - ".
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|which|who)\b|\s-\s")

# A "since" clause between a count and its date: "1,905 people since it was declared (a year ago)".
SINCE_CLAUSE = re.compile(r"(?i)\bsince\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been|began|started|broke\s+out)\b")

# A relative clause a date opens: "2014, when ...".
WHEN_CLAUSE = re.compile(r",?\s+when\b")

# Words that move a sentence's time on from a date it stated: "on April 20 BP said 1,000 barrels a day, an
# estimate the Coast Guard later raised to 5,000".
TIME_MOVES_ON = re.compile(
    r"(?i)\b(?:later|then|subsequently|afterwards|since|now|eventually|today|currently|by then)\b"
)

# A dash after a date that opens the text: a dateline ("May 14, 2010 -- "), not the time of a clause.
DATELINE_DASH = re.compile(r"\s*(?:[—–]|-{1,2}(?=\s))")  # "May 14, 2010— --", its dash normalised to "-"

# A date that ends in a word relating it to another event: "a decade after", "two years before" ("a year ago" is
# the report's own past: a date; "a week earlier" is placed from the time told before it, dates.shifted).
SINCE_LIKE = re.compile(r"(?i)\b(?:after|before)\s*$")

# How close, in characters, a date or phrase must stand to a number to say when the number holds.
REVISED_RELATIVE = re.compile(r"\d,\s+(?:which|that)\s")  # a figure, then a clause that revises it
PAST_REACH = 64  # "once held", "in the early days of the spill even more oil was flowing" ... before the number
PAST_AFTER_REACH = 60  # ... " before the war", ", according to official figures at the time" after it
# Between a date and a number in the participles that go on from its clause: ", killing 153 militants and detaining ".
PARTICIPLE_TAIL = re.compile(r"[^,;:]{0,40},\s+[a-z]+ing\b[^;:.]{0,80}")
FOLLOWS_REACH = 60  # a date after the number: "120,000 people have crossed the Mediterranean to Italy this year"
FRONTED_REACH = 40  # a date opening the sentence, before its first comma: "In 2019, the group had 3,000"
PRECEDES_REACH = 12  # a date right before the number: "in 2003 with about 130,000"
OPENS_REACH = 3  # a date that is the sentence's first words ("By Wednesday the toll ..."), give or take a quote
SINCE_REACH = 80  # a "since" date after its count: "killed 200 fighters in raids since October"


def as_of_claim(text: str, q: Quantity, ctx: SentenceContext, dates: list[DateMention], published: date | None) -> AsOf:
    """As of when: a peak phrase, a date scoping the number, else the publication date."""
    if ctx.peak:
        return AsOf(start=None, end=published, scope="peak", text=ctx.peak.group())
    turn = next(reversed(list(CONTRAST_CLAUSE.finditer(text, ctx.start, q.start))), None)
    if turn is not None and any(turn.end() <= d.start < q.start for d in dates):
        # "On 15 April the Red Cross put it at 2,000, however by 24 April the minister said over 5,000": a later
        # clause with a date of its own is read as a sentence of its own
        ctx = replace(ctx, start=turn.end())
        dates = [d for d in dates if d.start >= turn.end()]
    same = SAME_PERIOD.match(text, q.end, min(ctx.end, q.end + SAME_PERIOD_REACH))
    if same and (published is not None or same.group("year")) and q.unit != "times":  # not "nearly double the ..."
        return _same_period(same, dates, published) or AsOf(start=None, end=None, scope="unknown", text=same.group())
    before = PAST.search(text, max(ctx.start, q.start - PAST_REACH), q.start)
    if before and (
        STILL.search(text, before.end(), q.start)
        or MAIN_CLAUSE_RESUMES.search(text, before.end(), q.start)
        # "The toll was earlier put at 288, which the state government revised to 275": the figure before's
        or REVISED_RELATIVE.search(text, before.end(), q.start)
    ):
        # "The group, which once controlled a third of Iraq, still has about 2,500 fighters", "The militia, which
        # once counted 60,000 men, has shrunk to a few thousand"
        before = None
    if UP_FROM_BEFORE.search(text, max(ctx.start, q.start - UP_FROM_REACH), q.start) and any(
        d.start_date and 0 <= d.start - q.end <= FOLLOWS_REACH and not CLAUSE_BREAK.search(text, q.end, d.start)
        for d in dates
    ):
        before = None  # "rose to 45, up from 38 on Friday": the figure changed from, on its own day
    elif change := changed_from(text, q):  # "has dropped from 1,836 to 1,723": the figure the change started from
        return AsOf(start=None, end=published, scope="past", text=change.group())
    # "the biggest demonstration in 29 years, since a million people attended the funeral ...": the earlier event's
    past = (
        before
        or PAST_AFTER.match(text, q.end, min(ctx.end, q.end + PAST_AFTER_REACH))
        or ctx.past_opening
        or record_since(text, ctx.start, q.start)
    )
    if past:
        return AsOf(start=None, end=published, scope="past", text=past.group())
    first_comma = text.find(",", ctx.start, ctx.end)
    # the date of a saying ("Central Command said Wednesday, claiming 153 attacks ... in the first six months of
    # 2024") dates the count only when the sentence gives it no date of its own
    ordered = sorted(dates, key=lambda d: said_on(text, d, ctx.start))  # stable: in text order within each kind
    if UP_FROM_BEFORE.search(text, max(ctx.start, q.start - UP_FROM_REACH), q.start):
        # "Monday's toll of 53 is up from 20 reported a week ago": the figure changed from holds as of its own date
        ordered.sort(key=lambda d: d.start < q.end)
    for d in ordered:
        if d.start_date is None or (SINCE_LIKE.search(d.text) and d.end <= q.start):
            continue  # "A decade after the government asked for help, ...": dates that event, not the count
        if WHEN_CLAUSE.match(text, d.end) and d.end <= q.start and not CLAUSE_BREAK.search(text, d.end, q.start):
            # "compared to 2014, when 219,000 asylum seekers arrived": the count of the clause that date opens
            return AsOf(start=d.start_date, end=d.end_date, scope="explicit", text=d.text)
        if d.role == "base":
            continue  # "a five-fold increase compared to 2014", "six times more than in 2014": what it is set against
        if d.end <= q.start and COMPARISON.search(text, d.end, q.start):
            continue  # "127,207 since January 1, compared with 66,237 ...": the other side's time
        between = text[min(q.end, d.end) : max(q.start, d.start)]
        # "rose to 45, up from 30 on Monday": a date after another number is that number's
        follows = (
            d.start >= q.end
            and len(between) <= FOLLOWS_REACH
            and not CLAUSE_BREAK.search(between)
            and not ANOTHER_FIGURE.search(between)
        )
        # "In 2019, the group had 3,000", "During the 2006 war, Hezbollah fired ...", "in 2003 with about 130,000"
        # "On June 3 it put the number at 3,500": no nearer date between, and not a dateline ("May 14, 2010 --")
        opens = (
            d.start - ctx.start <= OPENS_REACH < q.start - d.end
            and not DATELINE_DASH.match(text, d.end)
            and not any(d.end <= o.start and o.end <= q.start for o in dates if o is not d)
        )
        fronted = (
            (
                d.end <= first_comma < q.start
                and d.start - ctx.start <= FRONTED_REACH
                # "Five fatalities were in the last 24 hours, and 198 cases since Saturday": the first clause's own
                and not FINITE_BE.search(text, ctx.start, d.start)
            )
            or opens
        ) and not TIME_MOVES_ON.search(text, d.end, q.start)
        # "in 2003 with about 130,000"; "313 operations in 2023, killing 153 militants and detaining 300 more": what
        # the dated action did, told in participles after it
        # "the sheriff said on Monday that the toll had climbed to 54", "on Monday afternoon announced that ...": the
        # day of the saying that tells it
        precedes = (
            d.end <= q.start
            and (
                len(between) <= PRECEDES_REACH
                or PARTICIPLE_TAIL.fullmatch(between) is not None
                or said_on(text, d, ctx.start)
                or SAID_AFTER.match(between) is not None
            )
            and not CLAUSE_BREAK.search(between)
        )
        if (fronted or opens) and _by_date(d):
            # "By Wednesday the toll had risen to 5,000": the count as of that day; "By June": some day of June
            start = d.end_date if d.granularity == "day" or d.start_date is None else d.start_date
            return AsOf(start=start, end=d.end_date, scope="explicit", text=d.text)
        if d.role == "until" and (follows or precedes) and d.end_date and published and d.end_date < published:
            if _by_date(d) and d.start >= q.end:
                # "Crews had recovered 3,150 gallons by Sunday evening": the count as it stood that day
                start = d.end_date if d.granularity == "day" or d.start_date is None else d.start_date
                return AsOf(start=start, end=d.end_date, scope="explicit", text=d.text)
            # "some 30,000 fighters before Oct. 7": a figure for the time up to a past date
            return AsOf(start=None, end=d.end_date, scope="past", text=d.text)
        if d.role != "since" and d.start >= q.end and SINCE_CLAUSE.search(text, q.end, d.start):
            # "has killed 1,905 people since it was declared a year ago": the start of a running count
            d = replace(d, role="since")
        if d.role == "since":
            # "since 2014 ... 60 times", "killed 200 fighters since October": a count accumulated since then, as of
            # publication (unknown in an undated article: not the end of the month it started in)
            if (d.end <= q.start or follows or d.start - q.end <= SINCE_REACH) and not CLAUSE_BREAK.search(between):
                return AsOf(start=d.start_date, end=published, scope="explicit", text=d.text, since=d.start_date)
        elif (follows or fronted or precedes) and so_far(d, published):
            # "this year", "so far this month": a running count from the period's start to the publication date
            return AsOf(start=d.start_date, end=published, scope="explicit", text=d.text, since=d.start_date)
        elif follows or fronted or precedes:
            return AsOf(start=d.start_date, end=d.end_date, scope="explicit", text=d.text)
    # "jumped to 1,833 with damage of 761.4 million pesos (17.4 million U.S. dollars), an official said on Wednesday":
    # the day of the saying that closes the sentence dates each count it tells, other numbers between or not
    said = [
        d
        for d in dates
        if d.start >= q.end
        and d.granularity == "day"
        and d.start_date
        and d.role not in ("base", "since", "until")
        and said_on(text, d, ctx.start)
    ]
    if said:
        return AsOf(start=said[-1].start_date, end=said[-1].end_date, scope="explicit", text=said[-1].text)
    if published is None:
        return AsOf(start=None, end=None, scope="unknown")
    return AsOf(start=published, end=published, scope="current")


def said_on(text: str, d: DateMention, sentence_start: int = 0) -> bool:
    """Whether a date is the day of a saying: "the ministry said on Tuesday"."""
    return SAYING_BEFORE.search(text, max(sentence_start, d.start - SAYING_REACH), d.start) is not None


# A deadline that is a weekday alone: "by Friday".
WEEKDAY_ONLY = re.compile(rf"(?i)by\s+(?:{'|'.join(WEEKDAYS)})")


def quoted_relative_to_saying(text: str, dates: list[DateMention], sentence_start: int) -> list[DateMention]:
    """A sentence's dates with the relative ones inside a quotation read from the day it was said: in "“420,000
    people used the Metro yesterday,” Spicer claimed Saturday", yesterday is Friday."""
    said = [d for d in dates if d.granularity == "day" and d.start_date and said_on(text, d, sentence_start)]
    if not said:
        return dates
    day = said[-1]
    return [
        read_from(d, day.start_date)
        if d is not day and d.end <= day.start and len(QUOTE_MARKS.findall(text, sentence_start, d.start)) % 2
        else d
        for d in dates
    ]


def read_from(d: DateMention, day: date) -> DateMention:
    """A relative date read from ``day`` instead of the publication date ("yesterday", "last year")."""
    if not d.relative:
        return d
    again = find_dates(d.text, day)
    return replace(again[0], start=d.start, end=d.end) if len(again) == 1 else d


def since_event(text: str, d: DateMention, sentence_start: int) -> DateMention:
    """The date of the event a running count starts from ("since Russia's full-scale invasion in February 2022",
    "since protests began in January") as a start: no time of its own for the counts after it."""
    if d.role == "point" and SINCE_EVENT.search(text, max(sentence_start, d.start - SINCE_EVENT_REACH), d.start):
        return replace(d, role="since")
    return d


def _same_period(same: re.Match, dates: list[DateMention], published: date | None) -> AsOf | None:
    """ "66,237 in the same period last year": the period the sentence counts over ("since January 1", "so far this
    year"), a year (or to the year named) earlier; None when the sentence states no period."""
    year = same.group("year")
    period = next(
        (d for d in dates if d.start_date and published and (d.role == "since" or so_far(d, published))), None
    )
    if period is None and year:
        # "62 attacks in the first half of 2023, down from nearly 250 in the same period of 2022": a closed span
        span = [d for d in dates if d.start_date and d.end_date and d.end <= same.start() and d.end_date > d.start_date]
        if span:
            shift = relativedelta(years=int(year) - span[-1].start_date.year)
            start, end = span[-1].start_date + shift, span[-1].end_date + shift
            return AsOf(start=start, end=end, scope="explicit", text=same.group().strip())
    if period is None:
        return None
    shift = relativedelta(years=(int(year) - period.start_date.year) if year else -1)
    start, end = period.start_date + shift, published + shift
    return AsOf(start=start, end=end, scope="explicit", text=same.group().strip(), since=start)


def so_far(d: DateMention, published: date | None) -> bool:
    """A current period that is still running: "this year" in an article of that year, "so far this year" (up to
    the day of the report; not "earlier this year", a time within it)."""
    return (
        d.relative
        and published is not None
        and d.start_date is not None
        and d.end_date is not None
        and d.start_date <= published <= d.end_date
        and (published < d.end_date or d.role == "span")
        and (
            d.granularity in ("year", "month", "week", "quarter")
            # "in the last 24 hours", "over the past three days": a stretch of days up to the report
            or (d.granularity == "day" and d.role == "span" and d.start_date < published)
        )
    )


def _by_date(d: DateMention) -> bool:
    """A deadline that says "by": "By Wednesday", "by January 20, 2015"."""
    return d.role == "until" and d.text.lower().startswith("by ") and d.end_date is not None


def target_date(q: Quantity, dates: list[DateMention], published: date | None) -> AsOf | None:
    """A projection holds at the date it is made for: "1.4 million people could be infected ... by January 20,
    2015" (a "by" date after the number, later than the report)."""
    for d in dates:
        if d.start > q.end and _by_date(d):
            end = d.end_date
            if published is not None and end <= published and WEEKDAY_ONLY.fullmatch(d.text):
                end += timedelta(days=7)  # "could lose power by Friday": the coming Friday, not the last
            if published is None or end > published:
                return AsOf(start=end, end=end, scope="explicit", text=d.text)
    return None
