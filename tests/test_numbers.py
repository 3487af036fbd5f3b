"""Property tests for the number grammar (``consistency.extract.numbers``): what is written parses back."""

from __future__ import annotations

import importlib
import importlib.util
import math
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from consistency.extract.lexicon import default_lexicon
from consistency.extract.quantities import QUALIFIERS_AFTER, find_quantities


def _load_numbers():
    """The module under test; loaded from its file while sibling extractor modules are still being written."""
    try:
        return importlib.import_module("consistency.extract.numbers")
    except ImportError:  # consistency/extract/__init__.py imports modules that may not exist yet
        path = Path(__file__).resolve().parent.parent / "consistency" / "extract" / "numbers.py"
        spec = importlib.util.spec_from_file_location("_numbers_under_test", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


numbers = _load_numbers()
NUMBER_RE, parse_number = numbers.NUMBER_RE, numbers.parse_number

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Letters that Python's case-insensitive matching folds onto ASCII letters: "ſ" matches "s", "K" (Kelvin) "k",
# "İ" and "ı" match "i". Kept out of the general fuzzing; test_case_folded_letters_do_not_raise shows why.
CASE_FOLDED_LETTERS = "\u0130\u0131\u017f\u212a"


def _matches(text: str) -> list[str]:
    return [m.group() for m in NUMBER_RE.finditer(text)]


def _parses_whole(written: str, value: float) -> None:
    """``written``, set in a sentence, is one number match that parses to exactly ``value``."""
    sentence = f"Officials said {written} people were there."
    found = _matches(sentence)
    assert found == [written], f"{written!r} matched as {found}"
    low, high, vague = parse_number(written)
    assert (low, high, vague) == (value, value, False), f"{written!r} -> {(low, high, vague)}, expected {value}"


def _words_below_100(n: int, hyphen: str) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (hyphen + ONES[ones] if ones else "")


def _words_below_1000(n: int, hyphen: str, use_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _words_below_100(rest, hyphen)
    head = f"{ONES[hundreds]} hundred"
    return head if not rest else head + (" and " if use_and else " ") + _words_below_100(rest, hyphen)


def to_words(n: int, hyphen: str = "-", use_and: bool = True) -> str:
    """0..999999 in words: 250017 -> 'two hundred and fifty thousand and seventeen'."""
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append(_words_below_1000(thousands, hyphen, use_and) + " thousand")
    if rest:
        joiner = "and " if thousands and rest < 100 and use_and else ""
        parts.append(joiner + _words_below_1000(rest, hyphen, use_and))
    return " ".join(parts)


def test_word_formatter():
    assert to_words(250017) == "two hundred and fifty thousand and seventeen"
    assert to_words(999999, hyphen=" ", use_and=False) == "nine hundred ninety nine thousand nine hundred ninety nine"
    assert to_words(40) == "forty"


@given(st.integers(min_value=0, max_value=10**9))
def test_numeral_with_thousands_separators(n: int):
    _parses_whole(f"{n:,}", float(n))


@given(st.integers(min_value=0, max_value=10**9))
def test_plain_numeral(n: int):
    _parses_whole(str(n), float(n))


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([" million", "m", " mln", "mn"]))
def test_decimal_millions(tenths: int, scale: str):
    """'2.5 million', '2.5m' -> 2500000."""
    _parses_whole(f"{tenths // 10}.{tenths % 10}{scale}", float(tenths * 100_000))


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([" billion", "bn"]))
def test_decimal_billions_are_close(tenths: int, scale: str):
    """'$2.5 billion', '$2.5bn' -> 2500000000 (to float precision; see test_decimal_billions_are_exact)."""
    written = f"{tenths // 10}.{tenths % 10}{scale}"
    assert _matches(f"a ${written} deal") == [written]
    low, high, vague = parse_number(written)
    assert math.isclose(low, tenths * 100_000_000, rel_tol=1e-12) and low == high and not vague


@pytest.mark.parametrize(
    "written,value", [("8.2 billion", 8_200_000_000), ("16.9 billion", 16_900_000_000), ("8.3bn", 8_300_000_000)]
)
def test_decimal_billions_are_exact(written: str, value: int):
    _parses_whole(written, float(value))


@given(
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from(["-", " "]),
    st.booleans(),
    st.sampled_from([str.lower, str.capitalize, str.upper]),
)
def test_number_words(n: int, hyphen: str, use_and: bool, case):
    _parses_whole(case(to_words(n, hyphen, use_and)), float(n))


@pytest.mark.parametrize(
    "written,value",
    [
        ("a dozen", 12),
        ("A dozen", 12),
        ("half a million", 500_000),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("a hundred and fifty", 150),
    ],
)
def test_article_number_words(written: str, value: int):
    _parses_whole(written, float(value))


@pytest.mark.parametrize(
    "written,value", [("two dozen", 24), ("three dozen", 36), ("six dozen", 72), ("one dozen", 12)]
)
def test_n_dozen(written: str, value: int):
    _parses_whole(written, float(value))


@pytest.mark.parametrize("fraction", sorted(numbers.FRACTIONS))
def test_fractions_round_trip(fraction: str):
    """Every fraction in the table is one match, parses to its share, and is recognised by FRACTION_RE."""
    for written in (fraction, fraction.capitalize()):
        assert _matches(f"Nearly {written} of the city was destroyed.") == [written]
        low, high, vague = parse_number(written)
        assert math.isclose(low, numbers.FRACTIONS[fraction]) and low == high and not vague
        assert numbers.FRACTION_RE.match(written)


@pytest.mark.parametrize("vague", sorted(numbers.VAGUE))
def test_vague_plurals_round_trip(vague: str):
    assert _matches(f"{vague.capitalize()} of people fled.") == [vague.capitalize()]
    assert parse_number(vague) == (*map(float, numbers.VAGUE[vague]), True)


@pytest.mark.parametrize(
    "written,low,high",
    [
        ("tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("several hundred", 300, 900),
        ("a few thousand", 2_000, 5_000),
        ("a few hundred", 200, 500),
        ("a couple of hundred", 200, 300),
        ("dozens", 24, 99),
        ("scores", 40, 199),
        ("hundreds", 200, 999),
        ("thousands", 2_000, 9_999),
    ],
)
def test_vague_amounts(written: str, low: int, high: int):
    assert _matches(f"Officials said {written} of people fled.") == [written]
    assert parse_number(written) == (float(low), float(high), True)


NUMBERISH = st.sampled_from(
    [
        "2,500",
        "1.5",
        "1.5 million",
        "2bn",
        "40k",
        "12 m",
        ".5",
        "1,000,000",
        "007",
        "tens of thousands",
        "hundreds",
        "dozens of millions",
        "a few thousand",
        "several dozen",
        "half a million",
        "a dozen",
        "two dozen",
        "one-third",
        "a third",
        "two thirds",
        "twenty-five",
        "one hundred and five thousand",
        "a hundred",
        "half",
        "Ninety Nine",
        "three-quarters",
        "many billion",
        "a couple of dozen",
        "zero",
    ]
)
SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters=CASE_FOLDED_LETTERS), max_size=40)


@settings(max_examples=500)
@given(st.lists(st.one_of(SAFE_TEXT, NUMBERISH, st.sampled_from([" ", "-", ",", ".", "\n", "\u00a0"])), max_size=12))
def test_parse_number_never_raises_on_a_match(pieces: list[str]):
    """Whatever NUMBER_RE finds inside arbitrary text, parse_number turns into an ordered interval."""
    text = "".join(pieces)
    for written in _matches(text):
        low, high, vague = parse_number(written)
        assert isinstance(vague, bool)
        assert not math.isnan(low) and not math.isnan(high)
        assert low <= high, f"{written!r} -> {(low, high)}"


@pytest.mark.parametrize("text", ["\u017fix hundred", "f\u0130ve people", "hundred\u017f of people", "\u017feventy"])
def test_case_folded_letters_do_not_raise(text: str):
    for written in _matches(text):
        parse_number(written)


@given(
    st.integers(min_value=2, max_value=10**7),
    st.sampled_from(sorted(QUALIFIERS_AFTER.items())),
    st.sampled_from(["{n} {bound}", "{n} {bound} people", "{n} homes {bound}"]),
)
def test_a_bound_said_after_a_number(n: int, bound: tuple[str, str], shape: str):
    """ "500 or more people", "300 homes at least": the bound after the number (or its noun) qualifies it, and the
    claim's span takes it in."""
    words, qualifier = bound
    phrase = shape.format(n=f"{n:,}", bound=words)
    text = f"Officials said {phrase} by Friday."
    found = find_quantities(text, [], default_lexicon())
    assert [(q.low, q.qualifier) for q in found] == [(n, qualifier)]
    assert text[found[0].start : found[0].end] == phrase
