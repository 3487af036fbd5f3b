"""Date expressions in folded article text, resolved against the publication date.

One compiled alternation is scanned once over the whole text; each match is then
resolved by a few dictionary look-ups and ``relativedelta`` arithmetic.  Python's
``re`` takes the first alternative that matches at a position, so longer forms
("December 31, 2021") are listed before the shorter forms they begin with
("December 31", "December").

News conventions followed here (AP style and wire copy):

* a bare weekday ("the Pentagon confirmed Thursday") is the most recent such day
  on or before publication;
* a month and day without a year ("by Dec. 31", "on Oct. 7") is the nearest such
  day, a past one preferred over one far in the future;
* a four-digit number is a year only with a preposition ("in 2014", "since 2014")
  or a determiner before a noun ("the 2014 offensive"); AP writes counts of a
  thousand or more with a comma, so "2,014 fighters" is a count.
* "X years after <event>" dates the event X years before publication: the
  article's news is the anchor ("the announcement comes 10 years after ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from .numbers import NUMBER, SCALES, TENS, UNITS as _UNIT_WORDS, parse_number

_NUMBER_WORDS = [*_UNIT_WORDS, *TENS, *SCALES]

# The months in order, lower-cased: every month name the package reads (here, in datelines) comes from this table.
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Month names and the abbreviations wire copy uses ("Sept.", "Dec."), lower-cased without the period.
MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
PART_OF_DAY = "morning|afternoon|evening|night"  # after a day: "on Sunday afternoon", "last evening"
# Northern-hemisphere seasons as (first month, last month).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 3)}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
# "early 2020" is January-April, "mid-2020" May-August, "late 2020" September-December.
PARTS = {
    "early": (1, 4),
    "beginning": (1, 1),
    "start": (1, 1),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (11, 12),
}
# The same parts of a month, as day ranges (31 stands for "the last day").
MONTH_PARTS = {
    "early": (1, 10),
    "beginning": (1, 7),
    "start": (1, 7),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 31),
    "end": (24, 31),
}
# "in recent weeks": how far back "recent" reaches, per unit.
RECENT = {
    "day": relativedelta(days=7),
    "week": relativedelta(weeks=6),
    "month": relativedelta(months=6),
    "year": relativedelta(years=5),
}
# Durations: unit word -> (relativedelta per unit, granularity).
UNITS = {
    "hour": (relativedelta(hours=1), "day"),  # "the last 24 hours": a day or two before publication
    "day": (relativedelta(days=1), "day"),
    "week": (relativedelta(weeks=1), "week"),
    "month": (relativedelta(months=1), "month"),
    "year": (relativedelta(years=1), "year"),
    "decade": (relativedelta(years=10), "year"),
}
# "all of 2023", "the whole of last year": a whole period.
WHOLE = ("all", "the whole", "the entirety")
# A phrase before a date that says what role the date plays.
ROLES = {
    "since": "since",
    "ever since": "since",
    "starting in": "since",
    "beginning in": "since",
    "by": "until",
    "until": "until",
    "till": "until",
    "through": "until",
    "before": "until",
    "no later than": "until",
    "not later than": "until",
    "prior to": "until",
    "ahead of": "until",
    "up to": "until",
    "within": "span",
    "over": "span",
    "throughout": "span",
    # "121 attacks in all of 2023", "over the whole of last year"
    **{f"{p}{all_of} of": "span" for p in ("", "in ", "over ", "for ", "during ") for all_of in WHOLE},
    # "a five-fold increase compared to 2014": the time a figure is set against, not its own
    "compared to": "base",
    "compared with": "base",
}
# "than" right before a date's preposition: "more than in 2014".
THAN_BEFORE = re.compile(r"(?i)\bthan\s+$")
THAN_REACH = 6
# A change told right before "on"/"from" a date: "down 1.5 points on 2017", "up 12% from 2019", "up".
CHANGED_BEFORE = re.compile(
    r"(?i)\b(?:up|down|higher|lower)(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|percent|per cent|percentage points?|points?))?\s+$"
)
CHANGED_REACH = 40  # "down by 1.5 percentage points " before "on"
# Vague counts of units: "several years ago", "a few months after".
FEW_UNITS = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "some": (2, 9), "many": (5, 20)}

# "March" (a full month name, capitalised as in copy)
_MONTH_NAME = "|".join(name.capitalize() for name in MONTH_NAMES)
# "Sept", "Dec" (an abbreviation wire copy uses)
_MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
# "January", "Sept.", "Dec"
_MONTH = rf"(?:{_MONTH_NAME}|{_MONTH_ABBREVIATION}\b\.?)"
# "Thursday"
_WEEKDAY = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
_YEAR4 = r"(?:19|20)\d\d"  # 1900-2099
# "2014", but not the "2014" of "2014-2017", "2014th", "2014-year" nor "2014%"
_YEAR = (
    r"(?:19|20)\d\d(?![\d%]|,\d|\.\d|-\d{4}|th\b"
    r"|-?(?:year|day|month|week|hour|minute|mile|meter|kilo|foot|pound|page)s?\b)"
)
# "31", "1st", "07", but not the "10" of "10 a.m.", "10:30" or "10 percent"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|,\d|\.\d|-?(?:[ap]\.?m\b|year|percent|%))"
_S = r"[ ]{1,4}"  # runs of spaces left by folding non-breaking spaces
# "days", "year"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
# How many units: "a", "one", "several" (before a unit), "two", "1.5"
_NUM = rf"(?i:an?|one|(?:several|a few|a couple of|some|many)(?={_S}{_UNIT})|{NUMBER})"
# A qualifier before a duration: "more than ", "nearly ", "just under "
_QUAL = (
    r"(?i:(?:more than|over|nearly|almost|about|around|roughly|some|just|only|less than|at least|at most"
    r"|close to|well over|barely|fewer than|just over|just under|approximately)[ ]{1,4})"
)
# A preposition that opens a date and may give it a role: "since", "no later than", "in", "as of"
_PREP = (
    r"(?:[Ee]ver since|[Ss]ince|[Nn]o later than|[Nn]ot later than|[Pp]rior to|[Aa]head of|[Ss]tarting in|"
    r"[Bb]eginning in|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout|[Bb]efore|[Aa]fter|[Dd]uring|[Ff]rom|[Bb]y|"
    r"[Ii]n|[Oo]n|[Aa]t|[Aa]s of|[Aa]s early as|[Aa]s late as|[Ww]ithin|[Aa]round|[Cc]irca|[Uu]p to|"
    r"[Cc]ompared (?:to|with)|(?:(?:[Ii]n|[Oo]ver|[Ff]or|[Dd]uring) )?(?:[Aa]ll|[Tt]he whole|[Tt]he entirety) of)"
)
# Which one, seen from publication: "this past", "last", "next", "following"
# (capitalised where they open a sentence: "Last week in Minsk, about 100,000 people had gathered")
_WHICH = r"(?:[Tt]his past|[Tt]his coming|[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Ff]ollowing)"
# A part of a year or month: "early", "mid", "the end"
_PHASE = r"(?:early|mid|middle|late|beginning|start|end)"
# "summer", "Autumn"
_SEASON = r"(?:spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter)"
# A day named from publication: "today", "Yesterday"
_NAMED_DAY = r"[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight"


def _of_year(prefix: str) -> str:
    """ "of 2023", "of this year", "of the year", with groups ``<prefix>year`` and ``<prefix>which``."""
    return rf"(?:(?:of|in){_S})?(?:(?P<{prefix}year>{_YEAR})|(?P<{prefix}which>this|last|next|the){_S}year)"


# An ordinal of years: "first", "fifth", "10th", "25th".
ANNIVERSARY_ORDINALS = {
    word: n
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1
    )
} | {"fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50, "hundredth": 100}
_NTH = rf"(?:{'|'.join(ANNIVERSARY_ORDINALS)}|[1-9]\d{{0,2}}(?:st|nd|rd|th))"


# Plural nouns that make a four-digit number a count: "in 1990 fighters" is not a year.
_COUNTED = (
    "people|persons|fighters|troops|soldiers|militants|members|residents|civilians|cases|deaths|times|dollars|"
    "euros|tons|tonnes|miles|kilometers|acres|hectares|feet|meters|units|homes|houses|jobs|votes|children|"
    "students|workers|employees|patients|refugees|migrants|points|rounds|shares|copies"
)

# Every date expression; the group that matched names the form (its resolver is ``_RESOLVERS[form]``), and the
# groups inside a form are named ``<form>_<part>``.  Each alternative's example is in its comment.
DATE_RE = re.compile(
    rf"(?<![\w$#@&/.-])(?P<prep>{_PREP}{_S}(?:the{_S}(?=(?:{_PHASE}|first|second|third|fourth|final)\b))?)?(?:"
    # "2021-12-09"
    rf"(?P<iso>(?P<iso_year>{_YEAR4})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01]))(?![\d-])"
    # "12/09/2021"
    rf"|(?P<slashed>(?P<slashed_month>1[0-2]|0?[1-9])/(?P<slashed_day>3[01]|[12]\d|0?[1-9])"
    rf"/(?P<slashed_year>{_YEAR4}))(?![\d/])"
    # "30/10/2023": the day first, where no month could come first (a day of 13 or more)
    rf"|(?P<day_first>(?P<day_first_day>3[01]|2\d|1[3-9])/(?P<day_first_month>1[0-2]|0?[1-9])"
    rf"/(?P<day_first_year>{_YEAR4}))(?![\d/])"
    # "Thursday, January 25, 2024", "December 31, 2021", "Jan 25, 2024", "July 26-27, 2021"
    rf"|(?P<mdy>(?:{_WEEKDAY},?{_S})?(?P<mdy_month>{_MONTH}){_S}(?P<mdy_day>{_DAY})(?:-(?P<mdy_last_day>{_DAY}))?"
    rf",?{_S}(?P<mdy_year>{_YEAR}))"
    # "31 December 2021", "31 Dec. 2021"
    rf"|(?P<dmy>(?P<dmy_day>{_DAY}){_S}(?P<dmy_month>{_MONTH}),?{_S}(?P<dmy_year>{_YEAR}))"
    # "the first six months of 2024", "the last three months of the year"
    rf"|(?P<months_of>(?:the{_S})?(?P<months_of_edge>first|last|final){_S}"
    rf"(?P<months_of_count>[1-9]|1[01]|two|three|four|five|six|seven|eight|nine|ten|eleven){_S}months{_S}"
    rf"{_of_year('months_of_')})"
    # "the first half of 2023", "the second half of the year"
    rf"|(?P<half>(?:the{_S})?(?P<half_ordinal>first|second|1st|2nd){_S}half{_S}{_of_year('half_')})"
    # "Q3 2022", "the third quarter of 2022", "the first quarter of this year"
    rf"|(?P<quarter>Q(?P<quarter_number>[1-4]){_S}(?:of{_S})?(?P<quarter_q_year>{_YEAR})"
    rf"|(?:the{_S})?(?P<quarter_ordinal>first|second|third|fourth|final|1st|2nd|3rd|4th){_S}quarter{_S}"
    rf"{_of_year('quarter_')})"
    # "early March 2020", "mid-July", "the end of March", "late September"
    rf"|(?P<month_part>(?:the{_S})?(?P<month_part_phase>{_PHASE})(?:-|{_S}(?:of{_S})?)"
    rf"(?P<month_part_month>{_MONTH})(?:,?{_S}(?:of{_S})?(?P<month_part_year>{_YEAR}))?)"
    # "March 2003", "March, 2003", "March of 2003"
    rf"|(?P<my>(?P<my_month>{_MONTH}),?{_S}(?:of{_S})?(?P<my_year>{_YEAR}))"
    # "Dec. 31", "July 26", "Oct. 7"
    rf"|(?P<md>(?:{_WEEKDAY},?{_S})?(?P<md_month>{_MONTH}){_S}(?P<md_day>{_DAY})(?:-(?P<md_last_day>{_DAY}))?)"
    # "31 December"
    rf"|(?P<dm>(?P<dm_day>{_DAY}){_S}"
    rf"(?P<dm_month>{_MONTH_NAME}))"
    # "the 1990s", "the early 2000s", "the '90s"
    rf"|(?P<decade>(?:the{_S})?(?:(?P<decade_phase>early|mid|late)[- ]{{1,4}})?"
    rf"(?:(?P<decade_year>(?:19|20)\d0)|'(?P<decade_short>\d0))'?s\b)"
    # "early 2020", "mid-2020", "late 2020", "the end of 2021", "end-2021", "the beginning of the year",
    # "the end of this year"
    rf"|(?P<year_part>(?:the{_S})?(?P<year_part_phase>{_PHASE})(?:-|{_S}(?:of{_S})?)(?:(?P<year_part_year>{_YEAR})"
    rf"|(?:(?P<year_part_which>this|last|next|the){_S}(?P<year_part_unit>year|month|week|decade))))"
    # "summer 2019", "the summer of 2019", "last summer", "this spring"
    rf"|(?P<season>(?:the{_S})?(?:(?P<season_which>{_WHICH}){_S})?(?P<season_name>{_SEASON})"
    rf"(?:{_S}(?:of{_S})?(?P<season_year>{_YEAR}))?)"
    # "since 2014 and 2015": a year after "2014 and"
    rf"|(?<=\d\d\d\d )(?P<and_year>(?:and|or|to|through){_S}(?P<and_year_digits>{_YEAR}))"
    # "from 2014 to 2017", "between 2014 and 2017", "2014-2017"
    rf"|(?P<year_range>(?:[Bb]etween{_S}(?P<year_range_between>{_YEAR4}){_S}and{_S}"
    rf"|(?P<year_range_first>{_YEAR4})(?:{_S}(?:to|through|until){_S}|-))"
    rf"(?P<year_range_last>(?:19|20)?\d\d)\b(?!-|,\d))"
    # "the first anniversary", "its 10th anniversary": as many years after an event (placed by the extractor)
    rf"|(?P<anniversary>(?:(?:[Tt]he|[Ii]ts){_S})?(?P<anniversary_nth>{_NTH}){_S}anniversary)"
    # "the 2014 offensive", "2014's" (a year as a determiner)
    rf"|(?P<the_year>(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er){_S}(?P<the_year_digits>{_YEAR})"
    rf"(?='s|{_S}(?!(?:{_COUNTED})\b)[a-z]))"
    # "in 2014", "since 2014", "by 2014" (only after a preposition, checked on resolution)
    rf"|(?P<year>(?P<year_digits>{_YEAR})(?!{_S}(?:{_COUNTED})\b))"
    # "10 years after", "a decade ago", "more than a year after", "two years later", "a year from now"
    rf"|(?P<duration>{_QUAL}?(?P<duration_count>{_NUM}){_S}(?P<duration_unit>{_UNIT}){_S}"
    rf"(?P<duration_direction>ago|after|later|earlier|before|from{_S}now|hence|prior)(?P<duration_today>{_S}today)?)"
    # "within the next two years", "over the past decade", "in the coming months", "the last three weeks"
    rf"|(?P<stretch>(?:the{_S}(?P<stretch_which>next|coming|past|last|previous|following){_S}"
    rf"(?:(?P<stretch_count>{_NUM}){_S})?"
    # ("will last 60 days": after a modal or "to", "last" is the verb, not a time)
    rf"|(?<!will )(?<!would )(?<!could )(?<!to )(?<!may )(?<!might )(?<!can )(?<!should )"
    rf"(?P<stretch_which2>next|coming|past|last|previous|following){_S}(?P<stretch_count2>{_NUM}){_S})"
    rf"(?P<stretch_unit>{_UNIT}|hours)(?!{_S}(?:ago|after|later|earlier|before)))"
    # "within two years", "within a year" (from publication)
    rf"|(?P<within>(?P<within_count>{_NUM}){_S}(?P<within_unit>{_UNIT})(?!{_S}(?:of|after|before|ago)))"
    # "in recent weeks", "in recent years"
    rf"|(?P<recent>recent{_S}(?P<recent_unit>days|weeks|months|years))"
    # "earlier this month", "later this year", "so far this year"
    rf"|(?P<this_unit_part>(?P<this_unit_part_word>[Ee]arlier|[Ll]ater|[Ss]o far){_S}(?:this|in{_S}the){_S}"
    rf"(?P<this_unit_part_unit>week|month|year))"
    # "over the weekend", "at the weekend": the last one, in a report
    rf"|(?P<the_weekend>(?:[Oo]ver|[Dd]uring|[Aa]t){_S}the{_S}weekend(?![\w-]))"
    # "this week", "last month", "next year", "this past weekend", "this decade"
    rf"|(?P<which_unit>(?P<which_unit_which>{_WHICH}){_S}"
    rf"(?P<which_unit_unit>weekend|week|month|year|decade|quarter)(?![\w-]))"
    # "next September", "last March", "this July"
    rf"|(?P<which_month>(?P<which_month_which>[Tt]his|[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming){_S}"
    rf"(?P<which_month_month>{_MONTH}))"
    # "last Friday", "on Thursday", "Thursday", "next Tuesday"
    rf"|(?P<weekday>(?:(?P<weekday_which>[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming|[Tt]his){_S})?"
    rf"(?P<weekday_name>{_WEEKDAY})"
    rf"(?!{_S}(?:prayers?|Times|Night Live)\b))"
    # "today", "yesterday", "tomorrow", "last night", "this morning", "year-end"
    rf"|(?P<today>(?<!USA )(?:{_NAMED_DAY}|last night|this morning"
    rf"|this afternoon|this evening)(?![\w-]))"
    rf"|(?P<year_end>(?:the{_S})?year-end)"
    # "in March", "since January" (a month alone needs a preposition, checked on resolution)
    rf"|(?P<month>(?P<month_name>{_MONTH_NAME}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.))"
    r")(?![\w])"
)
# Every date expression holds one of these words; DATE_RE is tried only in the few words before each.
# "2014", "March", "Thursday", "today", "years" (in "two years ago"), "half" (in "the first half of 2023")
ANCHOR_RE = re.compile(
    rf"\b(?:\d|{_MONTH_NAME}|{_MONTH_ABBREVIATION}|{_WEEKDAY}"
    rf"|{_NAMED_DAY}|night|morning|afternoon|evening|days?|weeks?|weekend"
    r"|months?|years?|decades?|quarter|half|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|Q[1-4]|anniversary)"
)
# A word before an anchor: "since" in "since 2014", "more", "than", "a" in "more than a year after".
TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9']{0,19}")
BACK_CHARS = 80  # a date expression begins at most this far before its anchor
BACK_WORDS = 7  # and at most this many words before it: "no later than a year from now"
WORD_GAP = 4  # the words of one date expression are at most this many characters apart ("Jan. 25, 2024")
# Words that can come before the anchor inside a date expression (lower-cased); any number counts too.
LEAD_WORDS = (
    frozenset(
        """
    since ever no not later than prior to ahead of starting beginning in until till through throughout before
    after during from by on at as early late within around circa up the this last next past coming previous
    following more over nearly almost about roughly some just only less least most close well barely fewer
    under approximately a an several few couple many handful dozen dozens hundreds thousands tens and or
    mid middle start end first second third fourth final 1st 2nd 3rd 4th half between earlier so far
    its their his her of q recent compared with all whole entirety
    """.split()
    )
    | frozenset(ANNIVERSARY_ORDINALS)
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(_NUMBER_WORDS)
)
# Phrases used to resolve a match: "more than" in "more than a year after".
_QUAL_RE = re.compile(
    r"(?i)(more than|over|well over|just over|at least|nearly|almost|less than|fewer than|just under|close to"
    r"|barely|at most)\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the period it names."""

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    granularity: str
    relative: bool
    role: str


class Resolved(NamedTuple):
    """The period a date expression names, as its resolver reads it (before a preposition sets the role)."""

    start: date | None  # None: relative to a publication date the article lacks, or to another event
    end: date | None
    granularity: str
    relative: bool
    role: str


def _undated(granularity: str, role: str = "point") -> Resolved:
    """A relative date that cannot be placed: no publication date, or relative to another event."""
    return Resolved(None, None, granularity, True, role)


def _day(day: date, relative: bool = False) -> Resolved:
    return Resolved(day, day, "day", relative, "point")


def _whole_year(year: int) -> Resolved:
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", False, "point")


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in text, in order, non-overlapping (longest wins)."""
    found = []
    for match in _matches(text):
        kind = match.lastgroup
        try:
            resolved = _RESOLVERS[kind](match, published)
        except (ValueError, OverflowError, KeyError):  # "February 30", dates beyond year 9999
            resolved = None
        if resolved is None:
            continue
        role = resolved.role
        start, end = match.span()
        prep = match.group("prep")
        if prep:
            word = " ".join(prep.split()).lower().removesuffix(" the")
            if role == "point":
                role = ROLES.get(word, "point")
            if role == "point" and THAN_BEFORE.search(text, max(0, start - THAN_REACH), start):
                role = "base"  # "six times more than in 2014": the time a figure is set against
            elif (
                role == "point"
                and word in ("on", "from")
                and CHANGED_BEFORE.search(text, max(0, start - CHANGED_REACH), start)
            ):
                role = "base"  # "down 1.5 points on 2017", "up 12% from 2019"
            elif role in ("since", "point") and RECORD_BEFORE.search(
                text,
                max(0, start - RECORD_REACH),
                match.end("prep"),  # the date's own "since" ends the frame
            ):
                role = "base"  # "the deadliest storm since Sandy in 2012": a record's frame, no count's start
        elif role == "point" and kind in ("year", "month"):
            continue  # "2014" and "March" alone are too often not dates: a count, a name ("May")
        found.append(
            DateMention(
                start, end, text[start:end], resolved.start, resolved.end, resolved.granularity, resolved.relative, role
            )
        )
    return _spans(text, found, published)


# A superlative a "since" date frames: "the deadliest U.S. storm since Sandy in 2012", "the highest since 1919".
RECORD_BEFORE = re.compile(
    r"(?i)\b(?:deadliest|worst|largest|biggest|highest|lowest|costliest|strongest|heaviest|wettest|hottest|"
    r"coldest|driest|most|least|first|fewest)\b[^,;!?\n]{0,60}?\bsince\s+(?:[A-Z][\w-]*\s+(?:in\s+)?)?$"
    # the start of the records a count is set in, superlative or not: "the fourth category 5 hurricane to hit the
    # Bahamas since records began in 1900"
    r"|\bsince\s+(?:modern\s+)?(?:records|record-keeping|record\s+keeping)\s+(?:began|started)(?:\s+in)?\s*$"
)
RECORD_REACH = 90  # "the deadliest hurricane to hit Texas since " before the date
# A period from one date to another: "from March to May 2022", "between Friday and Sunday", "from July 1 to Sept.
# 30"; and one told by its end: "in the week to Sunday", "the year to March 2024".
_SPAN_JOIN = r"(?:to|through|until|till|and|-|–)"
MONTH_SPAN = re.compile(
    rf"\b[FfBb](?:rom|etween){_S}(?P<first>{_MONTH}){_S}{_SPAN_JOIN}{_S}(?P<last>{_MONTH})(?:,?{_S}(?P<year>{_YEAR4}))?\b"
)
WEEKDAY_SPAN = re.compile(rf"\b[FfBb](?:rom|etween){_S}(?P<first>{_WEEKDAY}){_S}{_SPAN_JOIN}{_S}(?P<last>{_WEEKDAY})\b")
SPAN_FROM = re.compile(r"(?i)\b(?:from|between)\s+$")
SPAN_JOIN = re.compile(rf"(?i)\s*{_SPAN_JOIN}\s*")
# "the week to Sunday", "the 12 months to March 2024", "the year ending in June": a period by its last day
SPAN_TO_END = re.compile(
    r"(?i)\bthe\s+(?:(?P<count>\d{1,2}|two|three|six|twelve)\s+)?(?P<unit>week|month|year)s?\s+"
    r"(?:to|ending(?:\s+(?:in|on))?|through)\s+$"
)
_SPAN_COUNTS = {"two": 2, "three": 3, "six": 6, "twelve": 12}
SPAN_TO_END_REACH = 30  # "in the 12 months to " before the date


def _spans(text: str, found: list[DateMention], pub: date | None) -> list[DateMention]:
    """``found`` with the periods told from one date to another, or by their end, as one mention each."""
    spans: list[DateMention] = []
    ranged = "rom " in text or "etween " in text  # "from", "between": else no span from one date to another
    for m in MONTH_SPAN.finditer(text) if ranged else ():
        first, last = _month(m["first"]), _month(m["last"])
        year = int(m["year"]) if m["year"] else (_nearest_month(last, pub, True) if pub else None)
        if year is not None:
            start = date(year if first <= last else year - 1, first, 1)
            spans.append(
                DateMention(m.start(), m.end(), m.group(), start, _month_end(year, last), "month", True, "span")
            )
    for m in WEEKDAY_SPAN.finditer(text) if ranged else ():
        if pub is not None:
            last = pub - timedelta(days=(pub.weekday() - WEEKDAYS[m["last"].lower()]) % 7)
            first = last - timedelta(days=(WEEKDAYS[m["last"].lower()] - WEEKDAYS[m["first"].lower()]) % 7)
            spans.append(DateMention(m.start(), m.end(), m.group(), first, last, "day", True, "span"))
    for a, b in zip(found, found[1:], strict=False):  # "from July 1 to Sept. 30"
        joined = SPAN_JOIN.fullmatch(text, a.end, b.start)
        opened = a.text.lower().startswith(("from ", "between ")) or SPAN_FROM.search(
            text, max(0, a.start - 9), a.start
        )
        taken = any(s.start <= a.start < s.end for s in spans)  # "between Friday and Sunday" is one already
        if joined and opened and not taken and a.start_date and b.end_date and a.granularity == b.granularity == "day":
            start = a.start_date if a.start_date <= b.end_date else a.start_date - relativedelta(years=1)
            spans.append(DateMention(a.start, b.end, text[a.start : b.end], start, b.end_date, "day", True, "span"))
    for d in found:
        before = max(0, d.start - SPAN_TO_END_REACH)
        if text.find(" to ", before, d.start) < 0 and text.find("ending", before, d.start) < 0:
            continue  # most dates: no period told by its end
        to_end = SPAN_TO_END.search(text, before, d.start)
        if to_end and d.end_date is not None:
            count = to_end["count"] or "1"
            length = int(count) if count.isdigit() else _SPAN_COUNTS[count.lower()]
            step = {"week": relativedelta(weeks=length), "month": relativedelta(months=length)}.get(
                to_end["unit"].lower(), relativedelta(years=length)
            )
            start = d.end_date - step + timedelta(days=1)
            spans.append(
                DateMention(to_end.start(), d.end, text[to_end.start() : d.end], start, d.end_date, "day", True, "span")
            )
    if not spans:
        return found
    kept = [d for d in found if not any(s.start < d.end and d.start < s.end for s in spans)]
    return sorted([*kept, *spans], key=lambda d: d.start)


def _matches(text: str) -> Iterator[re.Match]:
    """What ``DATE_RE.finditer(text)`` finds, trying DATE_RE only at the few word starts before each anchor."""
    pos = 0
    for anchor in ANCHOR_RE.finditer(text):
        at = anchor.start()
        if at < pos:
            continue
        starts = [at]
        edge = at
        for token in reversed(list(TOKEN_RE.finditer(text, max(pos, at - BACK_CHARS), at))):
            word = token.group()
            if (
                len(starts) > BACK_WORDS
                or edge - token.end() > WORD_GAP
                or (not word[0].isdigit() and word.lower() not in LEAD_WORDS)
            ):
                break
            edge = token.start()
            starts.append(edge)
        for start in reversed(starts):
            match = DATE_RE.match(text, start)
            if match and match.end() > at:
                yield match
                pos = match.end()
                break


def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(months=1, days=-1)


def _year(text: str) -> int:
    return int(text)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _iso(m: re.Match, pub: date | None) -> Resolved:
    return _day(date(int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"])))


def _day_number(text: str) -> int:
    """ "31" -> 31, "1st" -> 1."""
    return int(text[:-2] if text[-1].isalpha() else text)


def _mdy(m: re.Match, pub: date | None) -> Resolved:
    year, month = _year(m["mdy_year"]), _month(m["mdy_month"])
    first = date(year, month, _day_number(m["mdy_day"]))
    last = date(year, month, _day_number(m["mdy_last_day"])) if m["mdy_last_day"] else first
    return Resolved(first, max(first, last), "day", False, "point")


def _slashed(m: re.Match, pub: date | None) -> Resolved:
    return _day(date(int(m["slashed_year"]), int(m["slashed_month"]), int(m["slashed_day"])))


def _day_first(m: re.Match, pub: date | None) -> Resolved:
    return _day(date(int(m["day_first_year"]), int(m["day_first_month"]), int(m["day_first_day"])))


def _dmy(m: re.Match, pub: date | None) -> Resolved:
    return _day(date(_year(m["dmy_year"]), _month(m["dmy_month"]), _day_number(m["dmy_day"])))


def _nearest_year(month: int, day: int, pub: date, past_only: bool, deadline: bool = False) -> date:
    """The year that puts (month, day) nearest publication; the future counts triple, the past for a deadline."""
    best, best_cost = None, None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # February 29
            continue
        days = (candidate - pub).days
        if past_only and days > 0:
            continue
        cost = (days if deadline else days * 3) if days > 0 else (-days * 3 if deadline else -days)
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    if best is None:
        raise ValueError("no such day")
    return best


# Words that make a date a deadline, which news sets ahead ("by Dec. 31"); "before Oct. 7" is as often the past.
DEADLINES = frozenset({"by", "until", "till", "through", "no later than", "not later than"})


def _is_deadline(m: re.Match) -> bool:
    prep = m.group("prep")
    return bool(prep) and " ".join(prep.split()).lower() in DEADLINES


# A sentence told in the past: a past-tense verb ("fell", "caused", "flooded") and nothing that looks ahead.
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|fell|hit|struck|began|broke|took|came|went|left|rose|grew|made|saw|found|"
    r"(?!(?:need|expect|schedul|plann|propos|intend)ed\b)[a-z]{3,}ed)\b"
)
LOOKS_AHEAD = re.compile(
    r"(?i)\b(?:will|would|could|may|might|shall|expected|scheduled|planned|proposed|due|set to|plans?|next|"
    r"upcoming|coming|is to|are to|to be held|forecast)\b"
)


def _told_past(m: re.Match) -> bool:
    """Whether the sentence a date stands in is told in the past ("rain fell from Aug. 25-29", told in June: last
    August's), nothing in it looking ahead."""
    text = m.string
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    sentence = text[start : min(ends, default=len(text))]
    return PAST_TENSE.search(sentence) is not None and LOOKS_AHEAD.search(sentence) is None


def _past_not_deadline(m: re.Match) -> bool:
    """A past sentence's day, but not a deadline it set ahead: "agreed to pull all forces by Dec. 31"."""
    return not _is_deadline(m) and _told_past(m)


def _is_since(m: re.Match) -> bool:
    prep = m.group("prep")
    return bool(prep) and ROLES.get(" ".join(prep.split()).lower()) == "since"


def _md(m: re.Match, pub: date | None) -> Resolved:
    month, day = _month(m["md_month"]), _day_number(m["md_day"])
    if pub is None:
        return _undated("day")
    first = _nearest_year(month, day, pub, _is_since(m) or _past_not_deadline(m), _is_deadline(m))
    last = first.replace(day=_day_number(m["md_last_day"])) if m["md_last_day"] else first
    return Resolved(first, max(first, last), "day", True, "point")


def _dm(m: re.Match, pub: date | None) -> Resolved:
    month, day = _month(m["dm_month"]), _day_number(m["dm_day"])
    if pub is None:
        return _undated("day")
    return _day(_nearest_year(month, day, pub, _is_since(m) or _past_not_deadline(m), _is_deadline(m)), relative=True)


def _my(m: re.Match, pub: date | None) -> Resolved:
    year, month = _year(m["my_year"]), _month(m["my_month"])
    return Resolved(date(year, month, 1), _month_end(year, month), "month", False, "point")


def _rel_year(word: str | None, pub: date | None) -> int | None:
    """The year "this/last/next/the year" names; None without a publication date."""
    if pub is None:
        return None
    return pub.year + {"last": -1, "next": 1}.get(word or "", 0)


def _year_or_rel(m: re.Match, prefix: str, pub: date | None) -> tuple[int | None, bool]:
    """The year of an ``_of_year`` phrase, and whether it is relative to publication ("this year")."""
    if m[prefix + "year"]:
        return _year(m[prefix + "year"]), False
    return _rel_year(m[prefix + "which"], pub), True


def _half(m: re.Match, pub: date | None) -> Resolved:
    year, relative = _year_or_rel(m, "half_", pub)
    if year is None:
        return _undated("part")
    first = 1 if m["half_ordinal"] in ("first", "1st") else 7
    return Resolved(date(year, first, 1), _month_end(year, first + 5), "part", relative, "point")


def _months_of(m: re.Match, pub: date | None) -> Resolved:
    year, relative = _year_or_rel(m, "months_of_", pub)
    if year is None:
        return _undated("part")
    count = m["months_of_count"]
    n = int(count) if count.isdigit() else _UNIT_WORDS[count.lower()]
    first = 1 if m["months_of_edge"].lower() == "first" else 13 - n
    return Resolved(date(year, first, 1), _month_end(year, first + n - 1), "part", relative, "point")


def _quarter(m: re.Match, pub: date | None) -> Resolved:
    if m["quarter_number"]:
        n, year, relative = int(m["quarter_number"]), _year(m["quarter_q_year"]), False
    else:
        n = ORDINALS[m["quarter_ordinal"]]
        year, relative = _year_or_rel(m, "quarter_", pub)
    if year is None:
        return _undated("quarter")
    return Resolved(date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "quarter", relative, "point")


def _phase_of_month(phase: str, year: int, month: int) -> tuple[date, date]:
    """ "early March 2020" -> March 1-10."""
    lo, hi = MONTH_PARTS[phase]
    last = _month_end(year, month)
    return date(year, month, lo), last.replace(day=min(hi, last.day))


def _nearest_month(month: int, pub: date, past_only: bool) -> int:
    """The year that puts a month named without one nearest publication: this year's unless well ahead."""
    if month <= pub.month:
        return pub.year
    if past_only or month - pub.month > 3:
        return pub.year - 1
    return pub.year


def _month_part(m: re.Match, pub: date | None) -> Resolved:
    month, phase = _month(m["month_part_month"]), m["month_part_phase"]
    if m["month_part_year"]:
        year, relative = _year(m["month_part_year"]), False
    elif pub is None:
        return _undated("part")
    else:
        year, relative = _nearest_month(month, pub, _is_since(m) or _told_past(m)), True
    first, last = _phase_of_month(phase, year, month)
    return Resolved(first, last, "part", relative, "until" if phase == "end" else "point")


# The same parts of a decade, as years into it: "the early 1990s" is 1990-1993.
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}
# ... and of "the beginning of this decade" (any other phase is its last years).
THIS_DECADE_PARTS = {"early": (0, 3), "beginning": (0, 1), "start": (0, 1), "mid": (3, 6), "middle": (3, 6)}


def _decade(m: re.Match, pub: date | None) -> Resolved:
    if m["decade_year"]:
        start = int(m["decade_year"])
    else:
        short = int(m["decade_short"])
        start = (1900 if pub is None or short > pub.year % 100 else 2000) + short
    lo, hi = DECADE_PARTS.get(m["decade_phase"] or "", (0, 9))
    relative = m["decade_short"] is not None
    return Resolved(date(start + lo, 1, 1), date(start + hi, 12, 31), "decade", relative, "point")


def _year_part(m: re.Match, pub: date | None) -> Resolved:
    phase = m["year_part_phase"]
    role = "until" if phase == "end" else "point"
    if m["year_part_year"]:
        year = _year(m["year_part_year"])
        lo, hi = PARTS[phase]
        return Resolved(date(year, lo, 1), _month_end(year, hi), "part", False, role)
    if pub is None:
        return _undated("part", role)
    unit, which = m["year_part_unit"], m["year_part_which"]
    shift = {"last": -1, "next": 1}.get(which, 0)
    if unit == "year":
        year = pub.year + shift
        lo, hi = PARTS[phase]
        return Resolved(date(year, lo, 1), _month_end(year, hi), "part", True, role)
    if unit == "month":
        anchor = date(pub.year, pub.month, 1) + relativedelta(months=shift)
        first, last = _phase_of_month(phase, anchor.year, anchor.month)
        return Resolved(first, last, "part", True, role)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if phase in ("end", "late"):
            return Resolved(monday + timedelta(days=4), monday + timedelta(days=6), "day", True, role)
        if phase in ("mid", "middle"):
            return Resolved(monday + timedelta(days=2), monday + timedelta(days=3), "day", True, role)
        return Resolved(monday, monday + timedelta(days=1), "day", True, role)
    decade = pub.year - pub.year % 10 + 10 * shift
    lo, hi = THIS_DECADE_PARTS.get(phase, (7, 9))
    return Resolved(date(decade + lo, 1, 1), date(decade + hi, 12, 31), "decade", True, role)


def _shift_season(which: str, first: int, last: int, pub: date) -> int:
    """The year of "last/this/next summer" seen from the publication date."""
    if which in ("last", "past", "previous", "this past"):
        return pub.year if last < pub.month else pub.year - 1
    if which in ("next", "coming", "following", "this coming"):
        return pub.year if first > pub.month else pub.year + 1
    return pub.year


def _season(m: re.Match, pub: date | None) -> Resolved | None:
    first, last = SEASONS[m["season_name"].lower()]
    if m["season_year"]:
        year, relative = _year(m["season_year"]), False
    elif m["season_which"] and pub is not None:
        year, relative = _shift_season(m["season_which"], first, last, pub), True
    else:
        return None  # "summer" alone is too often not a date ("a summer job")
    return Resolved(date(year, first, 1), _month_end(year, last), "part", relative, "point")


def _and_year(m: re.Match, pub: date | None) -> Resolved:
    return _whole_year(_year(m["and_year_digits"]))


def _year_range(m: re.Match, pub: date | None) -> Resolved | None:
    a, b = int(m["year_range_between"] or m["year_range_first"]), m["year_range_last"]
    b = int(b) if len(b) == 4 else a - a % 100 + int(b)
    if not a < b <= a + 100:
        return None  # "2014-12" is a month, "1990-80" nothing
    if not (m.group("prep") or m["year_range_between"]):
        return None  # "1998-2004" alone may be a phone number or a code
    return Resolved(date(a, 1, 1), date(b, 12, 31), "year", False, "span")


def _the_year(m: re.Match, pub: date | None) -> Resolved:
    return _whole_year(_year(m["the_year_digits"]))


def _year_only(m: re.Match, pub: date | None) -> Resolved:
    return _whole_year(_year(m["year_digits"]))


def _count(text: str) -> tuple[float, float]:
    """(low, high) of a duration's count: "a" is 1, "several" 3-9, "two" 2."""
    words = " ".join(text.split()).lower()
    if words in ("a", "an", "one"):
        return 1.0, 1.0
    if words in FEW_UNITS:
        return tuple(float(x) for x in FEW_UNITS[words])  # type: ignore[return-value]
    low, high, _vague = parse_number(words)
    if low <= 0 or high > 5000:
        raise ValueError("not a duration")
    return low, high


def _unit(word: str) -> tuple[relativedelta, str]:
    return UNITS[word.lower().rstrip("s")]


def _times(step: relativedelta, count: float) -> relativedelta:
    """``step`` times a possibly fractional count ("1.5 years" is 18 months)."""
    if step.years or step.months:
        return relativedelta(months=round((step.years * 12 + step.months) * count))
    if step.hours:
        return relativedelta(days=max(1, round(step.hours * count / 24)))
    return relativedelta(days=round(step.days * count))


def _period(day: date, granularity: str) -> tuple[date, date]:
    """The whole day, week (Monday-Sunday), month or year that contains ``day``."""
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if granularity == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if granularity == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _duration(m: re.Match, pub: date | None) -> Resolved:
    low, high = _count(m["duration_count"])
    step, granularity = _unit(m["duration_unit"])
    qual = _QUAL_RE.match(m.group("duration"))
    if qual:
        word = qual.group(1).lower()
        if word in ("more than", "over", "well over", "just over", "at least"):
            high = high * 1.5 if high >= 2 else high + 1
        elif word in ("nearly", "almost", "less than", "fewer than", "just under", "close to", "barely", "at most"):
            low = low * 0.75 if low >= 2 else low / 2
    direction = " ".join(m["duration_direction"].split()).lower()
    if direction in ("from now", "hence"):
        if pub is None:
            return _undated(granularity)
        return Resolved(pub + _times(step, low), pub + _times(step, high), granularity, True, "point")
    if direction not in ("ago", "after") or pub is None:
        return _undated(granularity)  # "two years later": relative to another event
    if direction == "ago" and m["duration_today"] and low == high:
        return _day(pub - _times(step, low), relative=True)  # "ten years ago today": that very day
    first = _period(pub - _times(step, high), granularity)[0]
    last = _period(pub - _times(step, low), granularity)[1]
    return Resolved(first, last, granularity, True, "point")


# Durations told from another time: "a week earlier", "two days later", "four years before".
SHIFTS = {"earlier": -1, "before": -1, "prior": -1, "later": 1}


def shifted(d: DateMention, anchor: DateMention) -> DateMention:
    """A duration told from another time ("A week earlier", after a sentence about Sunday, June 16) placed from
    ``anchor``, that time: Sunday, June 9; any other date as it is."""
    m = DATE_RE.fullmatch(d.text)
    if d.start_date is not None or m is None or anchor.start_date is None:
        return d
    following = (m.lastgroup == "stretch" and (m["stretch_which"] or "").lower() == "following") or (
        m.lastgroup == "which_unit" and m["which_unit_which"].lower() == "following"
    )
    if following:
        # "When the summit closed in January 2020, ... the following month": February 2020
        step, granularity = _unit(m["stretch_unit"] if m.lastgroup == "stretch" else m["which_unit_unit"])
        first, last = _period((anchor.end_date or anchor.start_date) + _times(step, 1), granularity)
        return replace(d, start_date=first, end_date=last, granularity=granularity)
    if m.lastgroup != "duration":
        return d
    sign = SHIFTS.get(" ".join(m["duration_direction"].split()).lower())
    if sign is None:
        return d
    low, high = _count(m["duration_count"])
    step, _ = _unit(m["duration_unit"])
    last = anchor.end_date or anchor.start_date
    if sign < 0:
        first, last = anchor.start_date - _times(step, high), last - _times(step, low)
    else:
        first, last = anchor.start_date + _times(step, low), last + _times(step, high)
    return replace(d, start_date=first, end_date=last, granularity=anchor.granularity)


def _stretch(m: re.Match, pub: date | None) -> Resolved:
    if m["stretch_which"]:
        which, count = m["stretch_which"], m["stretch_count"]
    else:
        which, count = m["stretch_which2"], m["stretch_count2"]
    low, high = _count(count) if count else (1.0, 1.0)
    step, granularity = _unit(m["stretch_unit"])
    if which.lower() == "following" and not count:
        # "the following month": the month after a time told before it, not after publication (``shifted``)
        return _undated(granularity, "point")
    if pub is None:
        return _undated(granularity, "span")
    if which in ("next", "coming", "following"):
        return Resolved(pub, pub + _times(step, high), granularity, True, "span")
    return Resolved(pub - _times(step, high), pub, granularity, True, "span")


def _within(m: re.Match, pub: date | None) -> Resolved | None:
    if (m.group("prep") or "").split()[:1] not in (["within"], ["Within"]):
        return None  # "two years" alone is a duration, not a date
    low, high = _count(m["within_count"])
    step, granularity = _unit(m["within_unit"])
    if pub is None:
        return _undated(granularity, "span")
    return Resolved(pub, pub + _times(step, high), granularity, True, "span")


def _recent(m: re.Match, pub: date | None) -> Resolved:
    unit = m["recent_unit"].rstrip("s")
    granularity = UNITS[unit][1]
    if pub is None:
        return _undated(granularity, "span")
    return Resolved(pub - RECENT[unit], pub, granularity, True, "span")


def _this_unit_part(m: re.Match, pub: date | None) -> Resolved:
    word, unit = m["this_unit_part_word"].lower(), m["this_unit_part_unit"]
    if pub is None:
        return _undated(unit)
    first, last = _period(pub, unit)
    if word == "earlier":
        return Resolved(first, pub, unit, True, "point")
    if word == "later":
        return Resolved(pub, last, unit, True, "point")
    return Resolved(first, pub, unit, True, "span")  # "so far this year"


def _the_weekend(m: re.Match, pub: date | None) -> Resolved:
    """ "over the weekend": the weekend a report was written in, else the one just before it."""
    if pub is None:
        return _undated("day")
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    return Resolved(saturday, saturday + timedelta(days=1), "day", True, "point")


def _which_unit(m: re.Match, pub: date | None) -> Resolved:
    which, unit = m["which_unit_which"].lower(), m["which_unit_unit"]
    granularity = {"weekend": "day", "decade": "decade"}.get(unit, unit)
    if pub is None or (which == "following" and unit in ("week", "month", "year")):
        return _undated(granularity)  # "the following week": after a time told before it (``shifted``)
    shift = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
        "this coming": 1,
    }.get(which, 0)
    role = "span" if which == "this" else "point"
    if unit == "weekend":
        saturday = pub + timedelta(days=5 - pub.weekday())
        if shift < 0 or (which == "this" and pub.weekday() >= 5) or (shift == 0 and saturday > pub + timedelta(days=6)):
            saturday -= timedelta(weeks=1)
        elif shift > 0 and saturday <= pub:
            saturday += timedelta(weeks=1)
        return Resolved(saturday, saturday + timedelta(days=1), "day", True, "point")
    if unit == "week":
        return Resolved(*_period(pub + timedelta(weeks=shift), "week"), "week", True, role)
    if unit == "month":
        return Resolved(*_period(pub + relativedelta(months=shift), "month"), "month", True, role)
    if unit == "quarter":
        first_month = (pub.month - 1) // 3 * 3 + 1
        first = date(pub.year, first_month, 1) + relativedelta(months=3 * shift)
        return Resolved(first, first + relativedelta(months=3, days=-1), "quarter", True, role)
    if unit == "decade":
        if which in ("past", "last", "previous"):  # "the past decade": the ten years up to publication
            return Resolved(pub - relativedelta(years=10), pub, "decade", True, "span")
        start = pub.year - pub.year % 10 + 10 * shift
        return Resolved(date(start, 1, 1), date(start + 9, 12, 31), "decade", True, role)
    year = pub.year + shift
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", True, role)


def _which_month(m: re.Match, pub: date | None) -> Resolved:
    month = _month(m["which_month_month"])
    if pub is None:
        return _undated("month")
    which = m["which_month_which"].lower()
    if which in ("next", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif which in ("last", "this past"):
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year
    return Resolved(date(year, month, 1), _month_end(year, month), "month", True, "point")


def _weekday(m: re.Match, pub: date | None) -> Resolved:
    if pub is None:
        return _undated("day")
    weekday, which = WEEKDAYS[m["weekday_name"].lower()], (m["weekday_which"] or "").lower()
    back = (pub.weekday() - weekday) % 7
    if which in ("next", "this coming"):
        d = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    elif which in ("last", "this past"):
        d = pub - timedelta(days=back or 7)
    elif which == "this":
        d = pub - timedelta(days=pub.weekday()) + timedelta(days=weekday)
    else:
        d = pub - timedelta(days=back)
    return _day(d, relative=True)


def _today(m: re.Match, pub: date | None) -> Resolved:
    if pub is None:
        return _undated("day")
    word = m.group("today").lower()
    return _day(pub + timedelta(days={"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)), relative=True)


def _year_end(m: re.Match, pub: date | None) -> Resolved:
    if pub is None:
        return _undated("part", "until")
    return Resolved(date(pub.year, 11, 1), date(pub.year, 12, 31), "part", True, "until")


def _anniversary(m: re.Match, pub: date | None) -> Resolved:
    return _undated("year")  # years after an event the extractor knows: ``anniversary_years``


def anniversary_years(text: str) -> int | None:
    """How many years after its event an anniversary falls: "the first anniversary" -> 1, "its 10th" -> 10; None
    for any other date's words."""
    m = DATE_RE.fullmatch(text)
    if m is None or m.lastgroup != "anniversary":
        return None
    nth = m["anniversary_nth"].lower()
    return ANNIVERSARY_ORDINALS.get(nth) or int(nth[:-2])


def _month_alone(m: re.Match, pub: date | None) -> Resolved | None:
    month = _month(m["month_name"])
    if not m.group("prep"):
        return None
    if pub is None:
        return _undated("month")
    # "when the offensive began in October", told in July: last October
    told_past = PAST_EVENT_BEFORE.search(m.string, max(0, m.start() - PAST_EVENT_REACH), m.start())
    year = _nearest_month(month, pub, _is_since(m) or told_past is not None or _told_past(m))
    return Resolved(date(year, month, 1), _month_end(year, month), "month", True, "point")


# A verb in the past that an event's month follows: "began in October", "struck in March" (not "will be held in").
PAST_EVENT_BEFORE = re.compile(
    r"(?i)(?<!\bbe )\b(?:began|started|launched|erupted|struck|hit|happened|occurred|ended|broke out|took place|"
    r"died|was killed|were killed|fell|collapsed)\s+$"
)
PAST_EVENT_REACH = 20


# Each form of DATE_RE (the name of its outer group) and the function that resolves it.
_RESOLVERS = {
    "iso": _iso,
    "slashed": _slashed,
    "day_first": _day_first,
    "mdy": _mdy,
    "dmy": _dmy,
    "months_of": _months_of,
    "half": _half,
    "quarter": _quarter,
    "month_part": _month_part,
    "my": _my,
    "md": _md,
    "dm": _dm,
    "decade": _decade,
    "year_part": _year_part,
    "season": _season,
    "and_year": _and_year,
    "year_range": _year_range,
    "the_year": _the_year,
    "year": _year_only,
    "duration": _duration,
    "stretch": _stretch,
    "within": _within,
    "recent": _recent,
    "this_unit_part": _this_unit_part,
    "the_weekend": _the_weekend,
    "which_unit": _which_unit,
    "which_month": _which_month,
    "weekday": _weekday,
    "today": _today,
    "year_end": _year_end,
    "anniversary": _anniversary,
    "month": _month_alone,
}


# A wire story's dateline with no year, opening its body: "Balasore, June 4", "NEW DELHI, June 4 (PTI) -".
WIRE_DATELINE = re.compile(
    rf"(?im)^[^\S\n]*[A-Z][A-Za-z .'-]{{1,40}},[^\S\n]+({'|'.join(MONTHS)})\.?[^\S\n]+(\d{{1,2}})\b"
    r"(?![^\S\n]*,?[^\S\n]*\d)"  # not "June 4, 2023": a dated line, read as the publication date elsewhere
)
WIRE_LINES = 4  # the body's first lines a dateline may open: an agency's name or a headline may come first
WIRE_DELAY = timedelta(days=3)  # a wire story filed this long before its page's date is still that story


def lines_end(text: str, start: int, count: int) -> int:
    """Where the first ``count`` lines of ``text`` from ``start`` end (a line break right at a line's start is the
    blank line's own: the lines a page's top spreads over)."""
    end = start
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def wire_day(text: str, body_start: int, published: date | None) -> date | None:
    """The day a wire story was filed, from its dateline ("Balasore, June 4") when that is a few days before the
    page's publication date: the day its "today" and "on Sunday" are told from."""
    if published is None:
        return None
    m = WIRE_DATELINE.search(text, body_start, lines_end(text, body_start, WIRE_LINES))
    if m is None:
        return None
    try:
        day = date(published.year, MONTHS[m.group(1).lower()], int(m.group(2)))
    except ValueError:
        return None
    return day if published - WIRE_DELAY <= day < published else None
