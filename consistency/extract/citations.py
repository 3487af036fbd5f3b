"""The claims a fact-check quotes, with the line that names their source:

    “A massive 1.8 million illegal migrants entered Europe last year – six times more than in 2014”
    Daily Express, 6 April 2016

The quoted words are the source's, said on that day: "last year" is 2015, whatever the fact-check's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import find_dates

# A source line: a name, a comma and a full date, alone on its line ("Daily Express, 6 April 2016", "Nigel Farage,
# March 3, 2016").
CITATION_LINE = re.compile(
    r"(?m)^[ \t]*(?P<who>[A-Z][^\n,“”\"]{1,60}),[ \t]+"
    r"(?P<when>(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?)[ \t]+\d{4})[ \t]*$"
)
# The line before it: a quotation, whole.
QUOTED_LINE = re.compile(r"[ \t]*[“\"][^\n]{10,600}[”\"][ \t]*")


@dataclass(frozen=True)
class Citation:
    """A quoted line (``start``-``end``) and the source and day its source line gives."""

    start: int
    end: int
    who: str
    day: date


def citations(text: str) -> list[Citation]:
    """The quoted lines of a text that a source line follows."""
    found = []
    for m in CITATION_LINE.finditer(text):
        line_end = m.start() - 1
        if line_end < 0 or text[line_end] != "\n":
            continue
        line_start = text.rfind("\n", 0, line_end) + 1
        if not QUOTED_LINE.fullmatch(text, line_start, line_end):
            continue
        days = find_dates(m.group("when"), None)
        if len(days) == 1 and days[0].granularity == "day" and days[0].start_date is not None:
            found.append(Citation(line_start, line_end, m.group("who").strip(), days[0].start_date))
    return found


def citation_at(found: list[Citation], pos: int) -> Citation | None:
    """The citation whose quoted line holds ``pos``."""
    return next((c for c in found if c.start <= pos < c.end), None)


def source_line_ends(text: str, start: int, end: int) -> list[int]:
    """Where the source lines of ``text[start:end]`` end: a sentence ends there, whatever line follows ("Daily
    Express, 6 April 2016" before "1.8 million illegal border crossings ...")."""
    if "\n" not in text[start:end]:
        return []
    return [m.end() for m in CITATION_LINE.finditer(text, start, end)]
