"""Date expressions and the events they date: tests/data/extract/dates.yaml, plus properties."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
from cases import case_param, expectation_problems, load_cases
from hypothesis import given, settings, strategies as st

from consistency.extract.dates import find_dates
from consistency.extract.events import describe_event
from consistency.extract.sentences import sentence_spans
from consistency.textnorm import fold

CASES = load_cases(Path(__file__).parent / "data" / "extract" / "dates.yaml")
# What an expected date mention may say: its text, period and granularity, and optionally the rest.
MENTION_KEYS = {"text", "start", "end", "granularity", "role", "relative", "event", "event_key"}


def _sentence(text: str, start: int) -> tuple[int, int]:
    return next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))


def test_case_file_is_valid():
    """The cases themselves: the shape every extraction case has, and mentions that are in their text."""
    problems = expectation_problems(CASES, "dates", "text", {"start", "end", "granularity"}, MENTION_KEYS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("stem,index,case", [case_param(*entry) for entry in CASES])
def test_date_phrasing(stem, index, case):
    text = fold(case["text"])
    found = find_dates(text, case.get("published"))
    got = [(m.text, m.start_date, m.end_date, m.granularity) for m in found]
    want = [(d["text"], d["start"], d["end"], d["granularity"]) for d in case["dates"]]
    assert got == want, found
    for mention, expected in zip(found, case["dates"], strict=True):
        for field in ("role", "relative"):
            if field in expected:
                assert getattr(mention, field) == expected[field], (field, mention)
        if "event" in expected or "event_key" in expected:
            event, key = describe_event(text, _sentence(text, mention.start), mention)
            assert (event, key) == (expected.get("event", event), expected.get("event_key", key)), mention


def test_phrasings_are_many_and_varied():
    assert len(CASES) >= 120
    assert sum(1 for _, _, c in CASES for d in c["dates"] if "event_key" in d) >= 25
    assert sum(1 for _, _, c in CASES if not c["dates"]) >= 10


def test_unresolved_without_publication_date():
    found = find_dates("The mayor spoke on Thursday about the March 2003 flood.", None)
    assert [(m.text, m.start_date) for m in found] == [("on Thursday", None), ("March 2003", date(2003, 3, 1))]


@pytest.mark.parametrize(
    "text",
    [
        "BAGHDAD, March 8 (Reuters) - The minister arrived on Tuesday.",
        "GENEVA, Switzerland, Dec. 22 (UPI) -- The agency met on Tuesday.",
        "KYIV, Ukraine, Feb. 24, 2023 (AP) — Sirens sounded on Tuesday.",
    ],
)
def test_a_datelines_day_is_no_event_date(text):
    """The day a dateline gives is the report's, not a claim about when something happened."""
    from consistency.extract import extract_claims
    from consistency.models import Source

    source = Source(name="a.txt", path=Path("a.txt"), text=text, published=date(2023, 3, 10))
    dated = [c.text for c in extract_claims(source) if c.kind == "date"]
    assert dated == ["on Tuesday"]


# Fragments of date expressions, shuffled into near misses.
PIECES = [
    *"0123456789 ,.-/'aAinMyDecJuly",
    "in ",
    "Dec. ",
    "2014",
    "May ",
    "Thursday",
    " years ago",
    "the ",
    "since ",
    "early ",
    "mid-",
    "quarter",
    "half of ",
    "next ",
    "last ",
    "a decade after ",
    "1990s",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31))),
)
def test_spans_are_ordered_in_bounds_and_exact(text, published):
    found = find_dates(text, published)
    last_end = 0
    for m in found:
        assert 0 <= last_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.granularity in {"day", "week", "month", "part", "quarter", "year", "decade"}
        assert m.role in {"point", "since", "until", "span"}
        if m.start_date and m.end_date:
            assert m.start_date <= m.end_date
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(text, published):
    find_dates(text, published)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.dates())
def test_full_dates_are_found_exactly(day, published):
    phrase = f"{calendar.month_name[day.month]} {day.day}, {day.year}"
    text = f"The ceasefire was signed {phrase} in Doha."
    found = find_dates(text, published)
    assert [(m.text, m.start_date, m.end_date, m.granularity) for m in found] == [(phrase, day, day, "day")]


@pytest.mark.parametrize(
    "chunk",
    [
        "in in in ",
        "1",
        "Dec. Dec. ",
        "2014 ",
        "since 2014-",
        "the first half of the ",
        "more than a ",
        "Thursday, ",
        "two hundred and fifty thousand ",
        "mid-",
        "'9",
        "12/1",
        "a a a years ",
    ],
)
def test_adversarial_input_completes(chunk):
    text = chunk * (200_000 // len(chunk))
    find_dates(text, date(2024, 1, 1))
    find_dates(text + " years ago", date(2024, 1, 1))
