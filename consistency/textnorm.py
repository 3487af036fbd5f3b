"""Same-length folding of article text, so every offset found points into the text as read.

Typographic quotes and dashes become ASCII and odd spaces become plain spaces,
one character for one: patterns are written against plain ASCII, and spans found
in the folded text are spans of the original.  Page furniture is blanked out
(replaced by spaces, again one for one) so no claim can be found in it.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": " ",
        "\u2026": ".",
    }
)

# Page furniture: whole lines a site wraps around an article, and HTML comments
# (including the en-dash-mangled "<!– ... –>" that CMS exports leave behind).
_FURNITURE_LINE = re.compile(
    r"(?im)^[ \-*|]{0,4}(?:"
    r"click (?:to|here)\b[^\n]{0,200}"  # "Click to Read More and View Comments"
    r"|copyright\b[^\n]{0,300}|\(c\) \d{4}[^\n]{0,300}|\u00a9[^\n]{0,300}"  # "Copyright © 2024 ..."
    r"|all rights reserved[^\n]{0,200}"
    r"|[^\n]{0,120}\b(?:can be )?(?:reached|contacted) at [^\s@]{1,64}@[^\s@]{1,255}[^\n]{0,100}"  # sign-off
    r"|(?:follow|contact) (?:us|the author|him|her)\b[^\n]{0,200}"
    r"|(?:tags?|topics|related|most popular|load more|see all[^\n]{0,40}|read more|advertisement"
    r"|share this[^\n]{0,40})\b[^\n]{0,400}"
    r"|please read our comment policy[^\n]{0,200}"
    r"|sign up for [^\n]{0,200}|subscribe (?:to|now)\b[^\n]{0,200}"
    r")$"
)
# "<!-- ... -->" and "<!- ... ->" after dash folding; bounded so it stays linear.
_HTML_COMMENT = re.compile(r"<!-{1,2}[^>]{0,2000}?-{1,2}>", re.S)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,500}>")
# Reference marks a wiki mirror leaves in the text: "killed 8,964 people[3]", "[citation needed]".
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3})\]")


def fold(text: str) -> str:
    """Map typographic characters to ASCII, one for one."""
    return text.translate(_FOLD)


def furniture_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of page furniture in folded text, in order."""
    spans = [m.span() for m in _FURNITURE_LINE.finditer(folded)]
    spans += [m.span() for m in _HTML_COMMENT.finditer(folded)]
    spans += [m.span() for m in _CITATION.finditer(folded)]
    spans += [m.span() for m in _HTML_TAG.finditer(folded)]
    return sorted(spans)


# Copy hard-wrapped at a fixed width (wire archives: "Between 550,000 and 1.4 million people\nin West Africa could
# be infected ... by January\n20, 2015"): every line short, most ending mid-sentence. Its line breaks are spaces.
WRAP_WIDTH = 90
WRAP_MIN_LINES = 4
WRAP_OPEN_SHARE = 0.5  # the share of lines that end mid-sentence
# A line that ends a sentence, or a list's item ("Estimated protesters in Denver: 200,000").
_LINE_END_CLOSED = re.compile(r"[.!?:\"')\]\d]\s*$")
_WRAPPED_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")


def unwrap(text: str, body_start: int = 0) -> str:
    """The text with the body's single line breaks made spaces if the body is hard-wrapped, one for one."""
    lines = [line for line in text[body_start:].split("\n") if line.strip()]
    if len(lines) < WRAP_MIN_LINES or max(len(line) for line in lines) > WRAP_WIDTH:
        return text
    if sum(not _LINE_END_CLOSED.search(line) for line in lines) < WRAP_OPEN_SHARE * len(lines):
        return text
    body = _WRAPPED_BREAK.sub(lambda m: m.group()[:-1] + " ", text[body_start:])
    return text[:body_start] + body


def claim_text(text: str, body_start: int = 0, extra: tuple[tuple[int, int], ...] = ()) -> str:
    """The folded text with front matter and furniture blanked out, hard-wrapped lines joined: what extractors
    read."""
    folded = fold(text)
    out = list(folded)
    spans = [(0, body_start), *furniture_spans(folded), *extra]
    for start, end in spans:
        for i in range(start, min(end, len(out))):
            if out[i] != "\n":
                out[i] = " "
    return unwrap("".join(out), body_start)
