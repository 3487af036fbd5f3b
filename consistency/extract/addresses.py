"""What a news address says: the day or month it dates its article to, and its headline's words.

"https://www.upi.com/Top_News/US/2018/11/25/Camp-Fire-is-100-contained/4921/" is dated 2018-11-25 and its words
are "Top News | US | Camp Fire is contained"; ".../news/2015/12/report-arrivals-sea-europe" is dated December 2015.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .dates import MONTHS

# A date in an article's address, as most news sites write one: ".../2018/11/10/slug", ".../2010/jun/11/slug",
# ".../2011-12-01/slug", ".../2010/US/06/15/slug" (one path segment may stand between year and month); some give
# only the month: ".../news/2015/12/slug".
_MONTH_ABBR = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_URL_DATE = re.compile(
    rf"/((?:19|20)\d\d)(?:/(?!(?:{_MONTH_ABBR})/)[A-Za-z]{{2,12}})?[/-](0?[1-9]|1[0-2]|{_MONTH_ABBR})"
    r"(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/._-]|$)",
    re.I,
)


# A date inside a slug, its month named: ".../la-xpm-2005-nov-03-fg-quake3-story.html".
_SLUG_DATE = re.compile(rf"-((?:19|20)\d\d)-({_MONTH_ABBR})-(0?[1-9]|[12]\d|3[01])(?=[/._-]|$)", re.I)
# A date written as eight digits at the end of an address's last segment: ".../idUSTRE5460LW20090507".
_COMPACT_DATE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\.[a-z]+)?/?$", re.I)


# ... or as six digits, a whole path segment, of this century: ".../yonhap-news-agency/140421/death-toll-hits-87".
_SHORT_DATE = re.compile(r"/([0-2]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")


def _url_parts(url: str | None) -> tuple[str, str, str | None] | None:
    """Year, month and day (or None) of the date an address carries, in any of the forms above."""
    path = (url or "").split("?")[0].split("#")[0]
    match = _URL_DATE.search(path) or _SLUG_DATE.search(path) or _COMPACT_DATE.search(path)
    if match:
        return match.groups()
    short = _SHORT_DATE.search(path)
    return (f"20{short.group(1)}", short.group(2), short.group(3)) if short else None


def url_date(url: str | None) -> date | None:
    """The publication date a news address carries: "https://site/2018/11/10/slug" -> 2018-11-10."""
    parts = _url_parts(url)
    if parts is None or parts[2] is None:
        return None
    year, month, day = parts
    try:
        return date(int(year), _month_number(month), int(day))
    except ValueError:
        return None


def url_month(url: str | None) -> tuple[date, date] | None:
    """The month an address dates its article to when it gives no day: ".../2015/12/slug" -> December 2015."""
    parts = _url_parts(url)
    if parts is None:
        return None
    year, month = int(parts[0]), _month_number(parts[1])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_number(month: str) -> int:
    return int(month) if month.isdigit() else MONTHS[month.lower()]


# The words of an address's path, segment by segment so that no name runs across two, the segment of the most words
# first: it is the headline, the others the site's sections ("technical-rescue", "ebola"), whose events come after
# the headline's: "/Top_News/US/2018/11/25/Camp-Fire-is-100-contained/" -> "Camp Fire is contained | Top News | US".
_PATH = re.compile(r"^[a-z]+://[^/]+(/[^?#]*)", re.I)
_SLUG_WORD = re.compile(r"[A-Za-z][A-Za-z']+|(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")  # words, and years: "2010"
_NOT_WORDS = frozenset({"html", "htm", "php", "aspx", "index", "www", "amp"})


def headline(title: str | None, url: str | None) -> str:
    """The story's headline: its title, else the words of its address (most news sites put the headline there)."""
    if title:
        return title
    match = _PATH.match(url or "")
    if not match:
        return ""
    segments = [
        [w for w in _SLUG_WORD.findall(segment.replace("-", " ").replace("_", " ")) if w.lower() not in _NOT_WORDS]
        for segment in match.group(1).split("/")
    ]
    segments = sorted((words for words in segments if words), key=len, reverse=True)  # stable: sections in order
    return " | ".join(" ".join(words) for words in segments)


# Words cased as a headline's: a capitalised word next to a lower-case one ("Camp Fire is contained"), not all one
# case ("oil leak grows", "GMA").
_HEADLINE_CASE = re.compile(r"\b[A-Z][a-z]+ [a-z]+\b|\b[a-z]+ [A-Z][a-z]+\b")


def cased_as_headline(words: str) -> bool:
    """Whether an address's words keep a headline's capitals, so the names in them can be trusted."""
    return bool(_HEADLINE_CASE.search(words))
