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
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .numbers import NUMBER, SCALES, TENS, UNITS as _UNIT_WORDS, parse_number

_NUMBER_WORDS = [*_UNIT_WORDS, *TENS, *SCALES]

# Month names and the abbreviations wire copy uses ("Sept.", "Dec."), lower-cased without the period.
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
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
    "day": (relativedelta(days=1), "day"),
    "week": (relativedelta(weeks=1), "week"),
    "month": (relativedelta(months=1), "month"),
    "year": (relativedelta(years=1), "year"),
    "decade": (relativedelta(years=10), "year"),
}
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
}
# Vague counts of units: "several years ago", "a few months after".
FEW_UNITS = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "some": (2, 9), "many": (5, 20)}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR4 = r"(?:19|20)\d\d"  # 1900-2099
_YEAR = r"(?:19|20)\d\d(?![\d%]|,\d|\.\d|-\d{4}|th\b|-?(?:year|day|month|week|hour|minute|mile|meter|kilo|foot|pound|page)s?\b)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:|,\d|\.\d|-?(?:[ap]\.?m\b|year|percent|%))"
_S = r"[ ]{1,4}"  # runs of spaces left by folding non-breaking spaces
_NUM = rf"(?i:an?|one|(?:several|a few|a couple of|some|many)(?=[ ]{{1,4}}(?:days?|weeks?|months?|years?|decades?))|{NUMBER})"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_QUAL = r"(?i:(?:more than|over|nearly|almost|about|around|roughly|some|just|only|less than|at least|at most|close to|well over|barely|fewer than|just over|just under|approximately)[ ]{1,4})"
_PREP = (
    r"(?:[Ee]ver since|[Ss]ince|[Nn]o later than|[Nn]ot later than|[Pp]rior to|[Aa]head of|[Ss]tarting in|"
    r"[Bb]eginning in|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout|[Bb]efore|[Aa]fter|[Dd]uring|[Ff]rom|[Bb]y|"
    r"[Ii]n|[Oo]n|[Aa]t|[Aa]s of|[Aa]s early as|[Aa]s late as|[Ww]ithin|[Aa]round|[Cc]irca|[Uu]p to)"
)
_REL = r"(?:this past|this coming|this|last|next|past|coming|previous|following)"
_PART = r"(?:early|mid|middle|late|beginning|start|end)"
_SEASON = r"(?:spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter)"


def _of_year(prefix: str) -> str:
    """ "of 2023", "of this year", "of the year" with groups named after ``prefix``."""
    return rf"(?:(?:of|in){_S})?(?:(?P<{prefix}y>{_YEAR})|(?P<{prefix}r>this|last|next|the){_S}year)"


# Plural nouns that make a four-digit number a count: "in 1990 fighters" is not a year.
_COUNTED = "people|persons|fighters|troops|soldiers|militants|members|residents|civilians|cases|deaths|times|dollars|euros|tons|tonnes|miles|kilometers|acres|hectares|feet|meters|units|homes|houses|jobs|votes|children|students|workers|employees|patients|refugees|migrants|points|rounds|shares|copies"

# Every date expression; the group that matched names the form.  Each alternative's example is in its comment.
DATE_RE = re.compile(
    rf"(?<![\w$#@&/.-])(?P<prep>{_PREP}{_S}(?:the{_S}(?=(?:{_PART}|first|second|third|fourth|final)\b))?)?(?:"
    # "2021-12-09"
    rf"(?P<iso>(?P<iso_y>{_YEAR4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?![\d-])"
    # "12/09/2021"
    rf"|(?P<us>(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>3[01]|[12]\d|0?[1-9])/(?P<us_y>{_YEAR4}))(?![\d/])"
    # "Thursday, January 25, 2024", "December 31, 2021", "Jan 25, 2024", "July 26-27, 2021"
    rf"|(?P<mdy>(?:{_WEEKDAY},?{_S})?(?P<mdy_m>{_MONTH}){_S}(?P<mdy_d>{_DAY})(?:-(?P<mdy_d2>{_DAY}))?,?{_S}(?P<mdy_y>{_YEAR}))"
    # "31 December 2021", "31 Dec. 2021"
    rf"|(?P<dmy>(?P<dmy_d>{_DAY}){_S}(?P<dmy_m>{_MONTH}),?{_S}(?P<dmy_y>{_YEAR}))"
    # "the first half of 2023", "the second half of the year"
    rf"|(?P<half>(?:the{_S})?(?P<half_o>first|second|1st|2nd){_S}half{_S}{_of_year('half_')})"
    # "Q3 2022", "the third quarter of 2022", "the first quarter of this year"
    rf"|(?P<qtr>Q(?P<qtr_n>[1-4]){_S}(?:of{_S})?(?P<qtr_qy>{_YEAR})"
    rf"|(?:the{_S})?(?P<qtr_o>first|second|third|fourth|final|1st|2nd|3rd|4th){_S}quarter{_S}{_of_year('qtr_')})"
    # "early March 2020", "mid-July", "the end of March", "late September"
    rf"|(?P<pm>(?:the{_S})?(?P<pm_p>{_PART})(?:-|{_S}(?:of{_S})?)(?P<pm_m>{_MONTH})(?:,?{_S}(?:of{_S})?(?P<pm_y>{_YEAR}))?)"
    # "March 2003", "March, 2003", "March of 2003"
    rf"|(?P<my>(?P<my_m>{_MONTH}),?{_S}(?:of{_S})?(?P<my_y>{_YEAR}))"
    # "Dec. 31", "July 26", "Oct. 7"
    rf"|(?P<md>(?:{_WEEKDAY},?{_S})?(?P<md_m>{_MONTH}){_S}(?P<md_d>{_DAY})(?:-(?P<md_d2>{_DAY}))?)"
    # "31 December"
    rf"|(?P<dm>(?P<dm_d>{_DAY}){_S}(?P<dm_m>January|February|March|April|May|June|July|August|September|October|November|December))"
    # "the 1990s", "the early 2000s", "the '90s"
    rf"|(?P<dec>(?:the{_S})?(?:(?P<dec_p>early|mid|late)[- ]{{1,4}})?(?:(?P<dec_y>(?:19|20)\d0)|'(?P<dec_s>\d0))'?s\b)"
    # "early 2020", "mid-2020", "late 2020", "the end of 2021", "end-2021", "the beginning of the year", "the end of this year"
    rf"|(?P<py>(?:the{_S})?(?P<py_p>{_PART})(?:-|{_S}(?:of{_S})?)(?:(?P<py_y>{_YEAR})|(?:(?P<py_r>this|last|next|the){_S}(?P<py_u>year|month|week|decade))))"
    # "summer 2019", "the summer of 2019", "last summer", "this spring"
    rf"|(?P<sea>(?:the{_S})?(?:(?P<sea_r>{_REL}){_S})?(?P<sea_n>{_SEASON})(?:{_S}(?:of{_S})?(?P<sea_y>{_YEAR}))?)"
    # "since 2014 and 2015": a year after "2014 and"
    rf"|(?<=\d\d\d\d )(?P<and_y>(?:and|or|to|through){_S}(?P<and_yy>{_YEAR}))"
    # "from 2014 to 2017", "between 2014 and 2017", "2014-2017"
    rf"|(?P<rng>(?:[Bb]etween{_S}(?P<rng_a>{_YEAR4}){_S}and{_S}|(?P<rng_a2>{_YEAR4})(?:{_S}(?:to|through|until){_S}|-))"
    rf"(?P<rng_b>(?:19|20)?\d\d)\b(?!-|,\d))"
    # "the 2014 offensive", "2014's" (a year as a determiner)
    rf"|(?P<the_y>(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er){_S}(?P<the_yy>{_YEAR})(?='s|{_S}(?!(?:{_COUNTED})\b)[a-z]))"
    # "in 2014", "since 2014", "by 2014" (only after a preposition, checked on resolution)
    rf"|(?P<year>(?P<year_y>{_YEAR})(?!{_S}(?:{_COUNTED})\b))"
    # "10 years after", "a decade ago", "more than a year after", "two years later", "a year from now"
    rf"|(?P<dur>{_QUAL}?(?P<dur_n>{_NUM}){_S}(?P<dur_u>{_UNIT}){_S}(?P<dur_d>ago|after|later|earlier|before|from{_S}now|hence|prior))"
    # "within the next two years", "over the past decade", "in the coming months", "the last three weeks"
    rf"|(?P<nx>(?:the{_S}(?P<nx_r>next|coming|past|last|previous|following){_S}(?:(?P<nx_n>{_NUM}){_S})?"
    # ("will last 60 days": after a modal or "to", "last" is the verb, not a time)
    rf"|(?<!will )(?<!would )(?<!could )(?<!to )(?<!may )(?<!might )(?<!can )(?<!should )"
    rf"(?P<nx_r2>next|coming|past|last|previous|following){_S}(?P<nx_n2>{_NUM}){_S})"
    rf"(?P<nx_u>{_UNIT})(?!{_S}(?:ago|after|later|earlier|before)))"
    # "within two years", "within a year" (from publication)
    rf"|(?P<win>(?P<win_n>{_NUM}){_S}(?P<win_u>{_UNIT})(?!{_S}(?:of|after|before|ago)))"
    # "in recent weeks", "in recent years"
    rf"|(?P<rec>recent{_S}(?P<rec_u>days|weeks|months|years))"
    # "earlier this month", "later this year", "so far this year"
    rf"|(?P<el>(?P<el_w>[Ee]arlier|[Ll]ater|[Ss]o far){_S}(?:this|in{_S}the){_S}(?P<el_u>week|month|year))"
    # "this week", "last month", "next year", "this past weekend", "this decade"
    rf"|(?P<tp>(?P<tp_r>{_REL}){_S}(?P<tp_u>weekend|week|month|year|decade|quarter)(?![\w-]))"
    # "next September", "last March", "this July"
    rf"|(?P<rm>(?P<rm_r>this|last|next|this past|this coming){_S}(?P<rm_m>{_MONTH}))"
    # "last Friday", "on Thursday", "Thursday", "next Tuesday"
    rf"|(?P<wd>(?:(?P<wd_r>last|next|this past|this coming|this){_S})?(?P<wd_n>{_WEEKDAY})(?!{_S}(?:prayers?|Times|Night Live)\b))"
    # "today", "yesterday", "tomorrow", "last night", "this morning", "year-end"
    rf"|(?P<td>(?<!USA )(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|last night|this morning|this afternoon|this evening)(?![\w-]))"
    rf"|(?P<ye>(?:the{_S})?year-end)"
    # "in March", "since January" (a month alone needs a preposition, checked on resolution)
    rf"|(?P<mo>(?P<mo_m>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.))"
    r")(?![\w])"
)
# Every date expression holds one of these words; DATE_RE is tried only in the few words before each.
# "2014", "March", "Thursday", "today", "years" (in "two years ago"), "half" (in "the first half of 2023")
ANCHOR_RE = re.compile(
    r"\b(?:\d|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|night|morning|afternoon|evening|days?|weeks?|weekend"
    r"|months?|years?|decades?|quarter|half|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|Q[1-4])"
)
# A word before an anchor: "since" in "since 2014", "more", "than", "a" in "more than a year after".
TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9']{0,19}")
BACK_CHARS = 80  # a date expression begins at most this far before its anchor
BACK_WORDS = 7  # and at most this many words before it: "no later than a year from now"
# Words that can come before the anchor inside a date expression (lower-cased); any number counts too.
LEAD_WORDS = (
    frozenset(
        """
    since ever no not later than prior to ahead of starting beginning in until till through throughout before
    after during from by on at as early late within around circa up the this last next past coming previous
    following more over nearly almost about roughly some just only less least most close well barely fewer
    under approximately a an several few couple many handful dozen dozens hundreds thousands tens and or
    mid middle start end first second third fourth final 1st 2nd 3rd 4th half between earlier so far
    its their his her of q recent
    """.split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(_NUMBER_WORDS)
)
# Phrases used to resolve a match: "more than" in "more than a year after".
_QUAL_RE = re.compile(
    r"(?i)(more than|over|well over|just over|at least|nearly|almost|less than|fewer than|just under|close to|barely|at most)\b"
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
        start_date, end_date, granularity, relative, role = resolved
        start, end = match.span()
        prep = match.group("prep")
        if prep:
            word = " ".join(prep.split()).lower().removesuffix(" the")
            if role == "point":
                role = ROLES.get(word, "point")
        elif role == "point" and kind in ("year", "mo"):
            continue
        found.append(DateMention(start, end, text[start:end], start_date, end_date, granularity, relative, role))
    return found


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
                or edge - token.end() > 4
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


def _iso(m: re.Match, pub: date | None):
    d = date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return d, d, "day", False, "point"


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrdh"))


def _mdy(m: re.Match, pub: date | None):
    year, month = _year(m["mdy_y"]), _month(m["mdy_m"])
    first = date(year, month, _day_number(m["mdy_d"]))
    last = date(year, month, _day_number(m["mdy_d2"])) if m["mdy_d2"] else first
    return first, max(first, last), "day", False, "point"


def _us(m: re.Match, pub: date | None):
    d = date(int(m["us_y"]), int(m["us_m"]), int(m["us_d"]))
    return d, d, "day", False, "point"


def _dmy(m: re.Match, pub: date | None):
    d = date(_year(m["dmy_y"]), _month(m["dmy_m"]), _day_number(m["dmy_d"]))
    return d, d, "day", False, "point"


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


def _is_since(m: re.Match) -> bool:
    prep = m.group("prep")
    return bool(prep) and ROLES.get(" ".join(prep.split()).lower()) == "since"


def _md(m: re.Match, pub: date | None):
    month, day = _month(m["md_m"]), _day_number(m["md_d"])
    if pub is None:
        return None, None, "day", True, "point"
    first = _nearest_year(month, day, pub, _is_since(m), _is_deadline(m))
    last = first.replace(day=_day_number(m["md_d2"])) if m["md_d2"] else first
    return first, max(first, last), "day", True, "point"


def _dm(m: re.Match, pub: date | None):
    month, day = _month(m["dm_m"]), _day_number(m["dm_d"])
    if pub is None:
        return None, None, "day", True, "point"
    d = _nearest_year(month, day, pub, _is_since(m), _is_deadline(m))
    return d, d, "day", True, "point"


def _my(m: re.Match, pub: date | None):
    year, month = _year(m["my_y"]), _month(m["my_m"])
    return date(year, month, 1), _month_end(year, month), "month", False, "point"


def _rel_year(word: str | None, pub: date | None) -> int | None:
    """The year "this/last/next/the year" names; None without a publication date."""
    if pub is None:
        return None
    return pub.year + {"last": -1, "next": 1}.get(word or "", 0)


def _year_or_rel(m: re.Match, prefix: str, pub: date | None) -> tuple[int | None, bool]:
    if m[prefix + "y"]:
        return _year(m[prefix + "y"]), False
    return _rel_year(m[prefix + "r"], pub), True


def _half(m: re.Match, pub: date | None):
    year, relative = _year_or_rel(m, "half_", pub)
    if year is None:
        return None, None, "part", relative, "point"
    first = 1 if m["half_o"] in ("first", "1st") else 7
    return date(year, first, 1), _month_end(year, first + 5), "part", relative, "point"


def _qtr(m: re.Match, pub: date | None):
    if m["qtr_n"]:
        n, year, relative = int(m["qtr_n"]), _year(m["qtr_qy"]), False
    else:
        n = ORDINALS[m["qtr_o"]]
        year, relative = _year_or_rel(m, "qtr_", pub)
    if year is None:
        return None, None, "quarter", relative, "point"
    return date(year, 3 * n - 2, 1), _month_end(year, 3 * n), "quarter", relative, "point"


def _month_part(part: str, year: int, month: int) -> tuple[date, date]:
    lo, hi = MONTH_PARTS[part]
    last = _month_end(year, month)
    return date(year, month, lo), last.replace(day=min(hi, last.day))


def _nearest_month(month: int, pub: date, past_only: bool) -> int:
    """The year that puts a month named without one nearest publication: this year's unless well ahead."""
    if month <= pub.month:
        return pub.year
    if past_only or month - pub.month > 3:
        return pub.year - 1
    return pub.year


def _pm(m: re.Match, pub: date | None):
    month, part = _month(m["pm_m"]), m["pm_p"]
    if m["pm_y"]:
        year, relative = _year(m["pm_y"]), False
    elif pub is None:
        return None, None, "part", True, "point"
    else:
        year, relative = _nearest_month(month, pub, _is_since(m)), True
    first, last = _month_part(part, year, month)
    return first, last, "part", relative, "until" if part == "end" else "point"


def _dec(m: re.Match, pub: date | None):
    if m["dec_y"]:
        start = int(m["dec_y"])
    else:
        short = int(m["dec_s"])
        start = (1900 if pub is None or short > pub.year % 100 else 2000) + short
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(m["dec_p"] or "", (0, 9))
    return date(start + lo, 1, 1), date(start + hi, 12, 31), "decade", m["dec_s"] is not None, "point"


def _py(m: re.Match, pub: date | None):
    part = m["py_p"]
    role = "until" if part == "end" else "point"
    if m["py_y"]:
        year = _year(m["py_y"])
        lo, hi = PARTS[part]
        return date(year, lo, 1), _month_end(year, hi), "part", False, role
    if pub is None:
        return None, None, "part", True, role
    unit, rel = m["py_u"], m["py_r"]
    shift = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        year = pub.year + shift
        lo, hi = PARTS[part]
        return date(year, lo, 1), _month_end(year, hi), "part", True, role
    if unit == "month":
        anchor = date(pub.year, pub.month, 1) + relativedelta(months=shift)
        first, last = _month_part(part, anchor.year, anchor.month)
        return first, last, "part", True, role
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if part in ("end", "late"):
            return monday + timedelta(days=4), monday + timedelta(days=6), "day", True, role
        if part in ("mid", "middle"):
            return monday + timedelta(days=2), monday + timedelta(days=3), "day", True, role
        return monday, monday + timedelta(days=1), "day", True, role
    decade = pub.year - pub.year % 10 + 10 * shift
    lo, hi = {"early": (0, 3), "beginning": (0, 1), "start": (0, 1), "mid": (3, 6), "middle": (3, 6)}.get(part, (7, 9))
    return date(decade + lo, 1, 1), date(decade + hi, 12, 31), "decade", True, role


def _shift_season(rel: str, first: int, last: int, pub: date) -> int:
    """The year of "last/this/next summer" seen from the publication date."""
    if rel in ("last", "past", "previous", "this past"):
        return pub.year if last < pub.month else pub.year - 1
    if rel in ("next", "coming", "following", "this coming"):
        return pub.year if first > pub.month else pub.year + 1
    return pub.year


def _sea(m: re.Match, pub: date | None):
    first, last = SEASONS[m["sea_n"].lower()]
    if m["sea_y"]:
        year, relative = _year(m["sea_y"]), False
    elif m["sea_r"] and pub is not None:
        year, relative = _shift_season(m["sea_r"], first, last, pub), True
    else:
        return None  # "summer" alone is too often not a date ("a summer job")
    return date(year, first, 1), _month_end(year, last), "part", relative, "point"


def _and_y(m: re.Match, pub: date | None):
    year = _year(m["and_yy"])
    return date(year, 1, 1), date(year, 12, 31), "year", False, "point"


def _rng(m: re.Match, pub: date | None):
    a, b = int(m["rng_a"] or m["rng_a2"]), m["rng_b"]
    b = int(b) if len(b) == 4 else a - a % 100 + int(b)
    if not a < b <= a + 100:
        return None  # "2014-12" is a month, "1990-80" nothing
    if not (m.group("prep") or m["rng_a"]):
        return None  # "1998-2004" alone may be a phone number or a code
    return date(a, 1, 1), date(b, 12, 31), "year", False, "span"


def _the_y(m: re.Match, pub: date | None):
    year = _year(m["the_yy"])
    return date(year, 1, 1), date(year, 12, 31), "year", False, "point"


def _year_only(m: re.Match, pub: date | None):
    year = _year(m["year_y"])
    return date(year, 1, 1), date(year, 12, 31), "year", False, "point"


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


def _dur(m: re.Match, pub: date | None):
    low, high = _count(m["dur_n"])
    step, granularity = _unit(m["dur_u"])
    qual = _QUAL_RE.match(m.group("dur"))
    if qual:
        word = qual.group(1).lower()
        if word in ("more than", "over", "well over", "just over", "at least"):
            high = high * 1.5 if high >= 2 else high + 1
        elif word in ("nearly", "almost", "less than", "fewer than", "just under", "close to", "barely", "at most"):
            low = low * 0.75 if low >= 2 else low / 2
    direction = " ".join(m["dur_d"].split()).lower()
    if direction in ("from now", "hence"):
        if pub is None:
            return None, None, granularity, True, "point"
        d = pub + _times(step, low)
        return d, pub + _times(step, high), granularity, True, "point"
    if direction not in ("ago", "after") or pub is None:
        return None, None, granularity, True, "point"  # "two years later": relative to another event
    first = _period(pub - _times(step, high), granularity)[0]
    last = _period(pub - _times(step, low), granularity)[1]
    return first, last, granularity, True, "point"


def _nx(m: re.Match, pub: date | None):
    rel, count = (m["nx_r"], m["nx_n"]) if m["nx_r"] else (m["nx_r2"], m["nx_n2"])
    low, high = _count(count) if count else (1.0, 1.0)
    step, granularity = _unit(m["nx_u"])
    if pub is None:
        return None, None, granularity, True, "span"
    if rel in ("next", "coming", "following"):
        return pub, pub + _times(step, high), granularity, True, "span"
    return pub - _times(step, high), pub, granularity, True, "span"


def _win(m: re.Match, pub: date | None):
    if (m.group("prep") or "").split()[:1] not in (["within"], ["Within"]):
        return None  # "two years" alone is a duration, not a date
    low, high = _count(m["win_n"])
    step, granularity = _unit(m["win_u"])
    if pub is None:
        return None, None, granularity, True, "span"
    return pub, pub + _times(step, high), granularity, True, "span"


def _rec(m: re.Match, pub: date | None):
    unit = m["rec_u"].rstrip("s")
    granularity = UNITS[unit][1]
    if pub is None:
        return None, None, granularity, True, "span"
    return pub - RECENT[unit], pub, granularity, True, "span"


def _el(m: re.Match, pub: date | None):
    word, unit = m["el_w"].lower(), m["el_u"]
    if pub is None:
        return None, None, unit, True, "point"
    if unit == "week":
        first, last = _period(pub, "week")
    elif unit == "month":
        first, last = _period(pub, "month")
    else:
        first, last = _period(pub, "year")
    if word == "earlier":
        return first, pub, unit, True, "point"
    if word == "later":
        return pub, last, unit, True, "point"
    return first, pub, unit, True, "span"  # "so far this year"


def _tp(m: re.Match, pub: date | None):
    rel, unit = m["tp_r"], m["tp_u"]
    granularity = {"weekend": "day", "decade": "decade"}.get(unit, unit)
    if pub is None:
        return None, None, granularity, True, "point"
    shift = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
        "this coming": 1,
    }.get(rel, 0)
    role = "span" if rel == "this" else "point"
    if unit == "weekend":
        saturday = pub + timedelta(days=5 - pub.weekday())
        if shift < 0 or (rel == "this" and pub.weekday() >= 5) or (shift == 0 and saturday > pub + timedelta(days=6)):
            saturday -= timedelta(weeks=1)
        elif shift > 0 and saturday <= pub:
            saturday += timedelta(weeks=1)
        return saturday, saturday + timedelta(days=1), "day", True, "point"
    if unit == "week":
        return (*_period(pub + timedelta(weeks=shift), "week"), "week", True, role)
    if unit == "month":
        return (*_period(pub + relativedelta(months=shift), "month"), "month", True, role)
    if unit == "quarter":
        first_month = (pub.month - 1) // 3 * 3 + 1
        first = date(pub.year, first_month, 1) + relativedelta(months=3 * shift)
        return first, first + relativedelta(months=3, days=-1), "quarter", True, role
    if unit == "decade":
        if rel in ("past", "last", "previous"):  # "the past decade": the ten years up to publication
            return pub - relativedelta(years=10), pub, "decade", True, "span"
        start = pub.year - pub.year % 10 + 10 * shift
        return date(start, 1, 1), date(start + 9, 12, 31), "decade", True, role
    year = pub.year + shift
    return date(year, 1, 1), date(year, 12, 31), "year", True, role


def _rm(m: re.Match, pub: date | None):
    month = _month(m["rm_m"])
    if pub is None:
        return None, None, "month", True, "point"
    rel = m["rm_r"]
    if rel in ("next", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel in ("last", "this past"):
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year
    return date(year, month, 1), _month_end(year, month), "month", True, "point"


def _wd(m: re.Match, pub: date | None):
    if pub is None:
        return None, None, "day", True, "point"
    weekday, rel = WEEKDAYS[m["wd_n"].lower()], m["wd_r"]
    back = (pub.weekday() - weekday) % 7
    if rel in ("next", "this coming"):
        d = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    elif rel in ("last", "this past"):
        d = pub - timedelta(days=back or 7)
    elif rel == "this":
        d = pub - timedelta(days=pub.weekday()) + timedelta(days=weekday)
    else:
        d = pub - timedelta(days=back)
    return d, d, "day", True, "point"


def _td(m: re.Match, pub: date | None):
    if pub is None:
        return None, None, "day", True, "point"
    word = m.group("td").lower()
    d = pub + timedelta(days={"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0))
    return d, d, "day", True, "point"


def _ye(m: re.Match, pub: date | None):
    if pub is None:
        return None, None, "part", True, "until"
    return date(pub.year, 11, 1), date(pub.year, 12, 31), "part", True, "until"


def _mo(m: re.Match, pub: date | None):
    month = _month(m["mo_m"])
    if not m.group("prep"):
        return None
    if pub is None:
        return None, None, "month", True, "point"
    year = _nearest_month(month, pub, _is_since(m))
    return date(year, month, 1), _month_end(year, month), "month", True, "point"


_RESOLVERS = {
    "iso": _iso,
    "us": _us,
    "mdy": _mdy,
    "dmy": _dmy,
    "half": _half,
    "qtr": _qtr,
    "pm": _pm,
    "my": _my,
    "md": _md,
    "dm": _dm,
    "dec": _dec,
    "py": _py,
    "sea": _sea,
    "and_y": _and_y,
    "rng": _rng,
    "the_y": _the_y,
    "year": _year_only,
    "dur": _dur,
    "nx": _nx,
    "win": _win,
    "rec": _rec,
    "el": _el,
    "tp": _tp,
    "rm": _rm,
    "wd": _wd,
    "td": _td,
    "ye": _ye,
    "mo": _mo,
}
