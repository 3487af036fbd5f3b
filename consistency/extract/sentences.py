"""Sentence spans of folded article text.

Hand-written rather than pysbd or NLTK's punkt: those are 10-100x slower than
one regex scan, and news copy's hard cases are a known list of abbreviations
("U.S.", "Gen.", "Dec. 31", "Mr."), which live here as data.
"""

from __future__ import annotations

import re

from .citations import source_line_ends

# Abbreviations after which a period does not end a sentence (lower-cased, no final period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov lt col gen maj capt sgt cmdr adm cpl pvt lt-gen maj-gen brig
    jr sr st mt ft no vs etc inc corp ltd co dept est approx fig vol
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u d.c u.s.a a.m p.m i.e e.g
    """.split()
)
# A sentence ends at . ! or ? (with closing quotes/brackets) followed by space and a capital, digit or quote;
# a blank line always ends one, and so does a line break (wire copy keeps one paragraph a line) unless the next
# line carries on in lower case or with a number: copy hard-wrapped at 70 characters ("1.4 million people\nin
# West Africa could be infected ... by January\n20, 2015").
_BOUNDARY = re.compile(
    r"""[.!?]+["')\]]*(?=\s+["'(\[]?[A-Z0-9])|\n(?=[ \t]*\n)|\n(?![ \t]*[a-z0-9(,])"""
    # two sentences a scrape glued together: "... after a show by Ariana Grande.Mrs May raises ...", "...
    # concert-goers.22 people have been killed" (a lower-case word's period; not "U.S.Army", "2.5", "bbc.co.uk")
    r"|[.!?](?<=[a-z][a-z].)(?=[A-Z][a-z]|\d{1,3}(?:,\d{3})*\s)"
    # a page's list flattened without spaces: "…to 500,000Estimated number…", "…Chenoweth)Population of…"
    r"|(?<=[0-9)])(?=[A-Z][a-z]{2,})|(?<=illion)(?=[A-Z][a-z]{2,})"
    # a subhead's statements set apart by bullets: "... injuring 761 ■ I never expected ..."
    "|[ \t][\u25a0\u25aa\u25cf\u2022](?=[ \t])"
)
MAX_SENTENCE = 1_500
# The word a period ends: "U.S" of "U.S.", "Gen" of "(Gen.", "W" of "John W." (at most 13 characters).
_TOKEN_BEFORE = re.compile(r"(?:^|(?<=[\s(\"']))([A-Za-z][A-Za-z.\-]{0,12})\.?$")
ABBREVIATION_REACH = 14  # characters before a period that hold such a word and what precedes it
# Words that plainly start a sentence: "... in the U.S. The ..." ends one after the abbreviation.
NEW_SENTENCE = re.compile(r"(?:The|It|He|She|They|We|But|In|A)\b")
NEXT_WORD_REACH = 7  # characters after the period read for such a word, spaces included
# Abbreviations that can end a sentence (others, "Gen.", "Dec.", never do).
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"u.s", "u.k", "u.n", "d.c", "etc", "inc", "corp", "ltd", "co"})


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation ("U.S.", "Gen.") rather than a sentence."""
    match = _TOKEN_BEFORE.search(text, max(0, dot - ABBREVIATION_REACH), dot + 1)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in ABBREVIATIONS:
        # "U.S." ends a sentence when a new sentence plainly starts: "... in the U.S. The ..."
        nxt = text[dot + 1 : dot + 1 + NEXT_WORD_REACH].lstrip()
        return not (word in SENTENCE_FINAL_ABBREVIATIONS and NEW_SENTENCE.match(nxt))
    return len(word) == 1  # an initial: "John W. Brennan"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, leading and trailing white space excluded."""
    spans: list[tuple[int, int]] = []
    for start, end in _sentence_spans(text):
        # a fact-check's source line ends a sentence, whatever line follows ("Daily Express, 6 April 2016")
        for cut in (c for c in source_line_ends(text, start, end) if start < c < end):
            _append(spans, text, start, cut)
            start = cut
        _append(spans, text, start, end)
    return spans


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[:1] == "." and _is_abbreviation(text, match.start()):
            continue
        if (
            match.group() == "\n"
            and text[match.start() - 1 : match.start()] == "."
            and _is_abbreviation(text, match.start() - 1)
            and text[match.end() : match.end() + NEXT_WORD_REACH].lstrip(" \t")[:1].isalpha()
        ):
            continue  # "by the U.S.\nCenters for Disease Control": a wrapped line after an abbreviation; not a list's
            # next item ("according to the U.N.\n* 1.4 million need food aid")
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # No sentence of news copy runs past MAX_SENTENCE characters; text that does (a table flattened into one
    # line, binary junk) is cut at spaces, so the work per sentence stays bounded and extraction linear.
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
