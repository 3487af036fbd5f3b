"""The grammar of numbers in news copy: numerals, number words, vague amounts, fractions.

Written by hand: quantulum3 and word2number parse numbers one string at a time
(kilobytes per second), lose the span, and know nothing of "tens of thousands"
or "some"; this grammar is one compiled alternation, scanned once per article.

``NUMBER`` is a regex fragment (no groups of its own); ``parse_number`` turns its
match into (low, high, vague).
"""

from __future__ import annotations

import re
from decimal import Decimal

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "b": 1_000_000_000,
    # South Asian copy: "6.5 lakh people", "Rs 19,512 crore", "Rs 25,000 cr"
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
    # "Rs 1 lakh crore": a lakh of crores
    "lakh crore": 10**12,
    "lakh crores": 10**12,
    "lakhs crore": 10**12,
    "lakhs crores": 10**12,
}
# Vague plurals: "dozens" is 24-99, "hundreds" 200-999, and so on up a power of ten.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2 * 10**9, 10**10 - 1),
}
# "several", "a few", "a handful of": how many units of the following scale word.
FEW = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "a couple of": (2, 3),
    "a handful of": (3, 6),
    "many": (5, 99),
}
FRACTIONS = {
    "half": 1 / 2,
    "a half": 1 / 2,
    "one-half": 1 / 2,
    "one half": 1 / 2,
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 1 / 4,
    "one-quarter": 1 / 4,
    "one quarter": 1 / 4,
    "three-quarters": 3 / 4,
    "three quarters": 3 / 4,
    "a fifth": 1 / 5,
    "one-fifth": 1 / 5,
    "two-fifths": 2 / 5,
    "a tenth": 1 / 10,
    "one-tenth": 1 / 10,
}

# Alternations of number words: "seventeen", "seven" (longest first, so "seventeen" is not read as "seven");
# "forty"; "million"; "dozen" too where a word number may end in it ("two dozen").
_W_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_W_TENS = "|".join(TENS)
_W_SCALE = "hundred|thousand|million|billion|trillion"
_W_SCALE_DOZEN = _W_SCALE + "|dozen"
# "twenty-five", "forty", "seven"
_WORD_SMALL = rf"(?:(?:{_W_TENS})(?:[- ](?:{_W_UNIT}))?|{_W_UNIT})"
# "two hundred and fifty thousand", "a hundred", "a dozen", "half a million"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD_SMALL}|an?(?= (?:{_W_SCALE_DOZEN})))(?: (?:{_W_SCALE_DOZEN})(?:(?: and)? {_WORD_SMALL})?){{0,3}})"
)
# "2,500", "2500", "1.5", ".5"; "12 500" only in an article that groups thousands with spaces (``numbers_in``).
# Bounded (up to 999,999,999,999,999 and 15 digits a side): every match then costs the same, so a run of digits
# and commas thousands long (a table, junk) is scanned in linear time, and no numeral overflows a float; the
# pieces of a longer comma-grouped numeral ("1" and "000" of "1,000,000,000,000,000") are not numbers either.
# Thousands grouped by a space (plain, no-break or thin), as South African and much European copy writes them:
# "48 000", "1 300", "37 958".
_SPACE = "[ \u00a0\u2009\u202f]"
# A group of three that opens with a zero counts nothing alone: "8 000 migrants" is one number in any copy.
_ZERO_GROUPED = rf"\d{{1,3}}{_SPACE}0\d\d(?:{_SPACE}\d{{3}}){{0,3}}(?![\d,]|{_SPACE}\d)"
_NUMERAL = (
    rf"(?<!\d,)(?:{_ZERO_GROUPED}|\d{{1,3}}(?:,\d{{3}}){{1,4}}(?!,\d)(?:\.\d{{1,15}})?|\d{{1,15}}(?!,\d{{3}})(?:\.\d{{1,15}})?"
    r"|(?<![A-Za-z])\.\d{1,15})"  # ".5", not the "22" glued to a sentence's end: "concert-goers.22 people"
)
_SPACED_NUMERAL = rf"\d{{1,3}}(?:{_SPACE}\d{{3}}){{1,4}}(?![\d,]|{_SPACE}\d)(?:\.\d{{1,15}})?"
# A word ends at a boundary, where scraped lists glue the next item on ("324 millionNumber of ..."), or where a unit
# is written on to it: "winds of 185mph", "surge heights of over 20ft", "a 50km exclusion zone".
_END = r"(?:\b|(?=(?-i:[A-Z]))|(?=(?:mph|kph|kmh|km|ft|kg)\b))"
# "tens of thousands", "several hundred", "a few dozen", "dozens"
_VAGUE = (
    r"(?:(?:tens|hundreds|dozens) of (?:thousands|millions|billions)"
    r"|(?:several|a few|a couple of|a handful of|many) (?:dozen|hundred|thousand|million|billion)"
    r"|dozens|scores|hundreds|thousands|millions|billions)"
)
# "two-thirds", "a half", "one-tenth" (longest first)
_FRACTION = "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True))


def _number(numeral: str) -> str:
    """A number as written: "tens of thousands", "2.5 million", "$2bn", "40k" (a spaced "12 m" is metres, not
    millions), "half a million", "a third", "two hundred and fifty"; the order matters (longest alternatives
    first)."""
    scaled = rf"{numeral}(?:\s?(?:{_W_SCALE}|bn|bln|mn|mln|lakhs?\s+crores?|lakhs?|crores?|cr){_END}|[kKmMbB]\b)?"
    return rf"(?:{_VAGUE}|{scaled}|half an? (?:{_W_SCALE})|\b(?:{_FRACTION})\b|{_WORD_NUMBER})"


NUMBER = _number(_NUMERAL)
# ASCII-only case folding: "ſix" (long s) must not pass for "six".
# The leading look-ahead lists every character a number can start with, so the scan rejects most
# positions with one test instead of trying each alternative (twice as fast on news copy).
_FIRST = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", NUMBER.lower())}))
NUMBER_RE = re.compile(rf"(?=[\d.{_FIRST}{_FIRST.upper()}])\b{NUMBER}{_END}", re.I | re.A)
SPACED_NUMBER_RE = re.compile(
    rf"(?=[\d.{_FIRST}{_FIRST.upper()}])\b{_number(f'(?:{_SPACED_NUMERAL}|{_NUMERAL})')}{_END}", re.I | re.A
)
# An article that groups thousands with spaces and never with commas: "killed 30 800 people".
_SPACE_GROUPED = re.compile(rf"(?<![\d,.]){_SPACED_NUMERAL}")
_COMMA_GROUPED = re.compile(r"\d,\d{3}(?!\d)")


def numbers_in(text: str) -> re.Pattern[str]:
    """The pattern an article's numbers are read with: "30 800" is one number only in copy that writes thousands so
    (in English copy that groups with commas, "on May 12 300 people" holds two)."""
    if _SPACE_GROUPED.search(text) and not _COMMA_GROUPED.search(text):
        return SPACED_NUMBER_RE
    return NUMBER_RE


# A whole string that is a fraction: "one-third", but not "one-third of".
FRACTION_RE = re.compile(rf"^(?:{_FRACTION})$", re.I | re.A)
# The space between a spaced numeral's groups, once its white space is folded: "48 000".
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _word_value(words: str) -> float:
    """'two hundred and fifty thousand' -> 250000; 'a dozen' -> 12."""
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an", "one"):
            current += 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            raise ValueError(f"not a number word: {word!r}")
    return total + current


def parse_number(text: str) -> tuple[float, float, bool]:
    """(low, high, vague) for a string matched by ``NUMBER``; a fraction gives its share (0-1)."""
    s = " ".join(text.lower().split())
    if s[:1].isdigit():
        s = _GROUP_SPACE.sub("", s)  # "48 000" (``SPACED_NUMBER_RE``)
    if s in VAGUE:
        low, high = VAGUE[s]
        return float(low), float(high), True
    match = re.fullmatch(r"(tens|hundreds|dozens) of (thousands|millions|billions)", s)
    if match:
        mult = {"tens": (20, 99), "hundreds": (200, 999), "dozens": (24, 99)}[match.group(1)]
        scale = SCALES[match.group(2)[:-1]]
        return float(mult[0] * scale), float(mult[1] * scale + scale - 1), True
    for few, (lo, hi) in FEW.items():
        if s.startswith(few + " "):
            scale = 12 if s.endswith("dozen") else SCALES[s.rsplit(" ", 1)[1]]
            return float(lo * scale), float(hi * scale), True
    if s in FRACTIONS:
        value = FRACTIONS[s]
        return value, value, False
    match = re.fullmatch(r"([\d,]*\.?\d+)\s?(lakhs? crores?|[a-z]+)?", s)
    if match:
        # Decimal keeps "8.2 billion" exact; a float product would give 8199999999.999999.
        value = float(
            Decimal(match.group(1).replace(",", "")) * SCALES[match.group(2)]
            if match.group(2)
            else Decimal(match.group(1).replace(",", ""))
        )
        return value, value, False
    if s.startswith("half a"):  # "half a million"
        value = _word_value(s[len("half a ") :]) / 2
    else:
        value = _word_value(s)
    return value, value, False
