"""Untrusted article text: the extractor never raises, its spans point at the text, and pathological
inputs finish (the suite's pytest-timeout guards against super-linear patterns; no time is asserted)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from consistency.extract import extract_claims
from consistency.models import Source

WORDS = st.sampled_from(
    "about some more than at least between and to - , . ; \" ' ( ) U.S. IS Iraq Syria fighters troops killed said "
    "according officials in on since 2,500 1,500 3,000 40% one-third the size of Kentucky Thursday Dec. 31 2014 "
    "million dozens $ km2 square kilometers times struck if would Islamic State -backed \n".split(" ")
)


def _extract(text: str):
    return extract_claims(Source(name="t.txt", path=Path("t.txt"), text=text, published=date(2024, 1, 25)))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_news_like_word_salad_never_breaks_the_extractor(text):
    for claim in _extract(text):
        assert text[claim.start : claim.end] == claim.text
        assert claim.start < claim.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_breaks_the_extractor(text):
    for claim in _extract(text):
        assert text[claim.start : claim.end] == claim.text


ADVERSARIAL = {
    "long sentence of words": "word " * 40_000,
    "capitalised names": "Al Bu Ka De La " * 15_000,
    "numbers and commas": "1,2,3,4,5,6,7,8,9," * 8_000,
    "separators with no number": ",,,,.... ---- " * 10_000,
    "said without a source": "said, " * 20_000,
    "according to nothing": "according to " * 15_000,
    "qualifiers without numbers": "more than about nearly at least " * 8_000,
    "ranges that never close": "between 1 and between 2 and " * 6_000,
    "quotes": '"' * 100_000,
    "one long word": "a" * 200_000,
    "in in in": "in " * 60_000,
    "places in a row": "in Iraq and Syria and " * 8_000,
    "digit-and-comma runs": "999," * 100_000,
    "single digits and commas": "1,2,3,4,5,6,7,8,9," * 22_000,
    "between ... and": "between 1 and " * 50_000,
    "a long line of numbers": "1 2 3 " * 70_000,
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_pathological_inputs_finish(name):
    _extract(ADVERSARIAL[name])
