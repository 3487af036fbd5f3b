"""A speaker is a noun phrase or nothing: what ``clean_speaker`` keeps of the words a pattern caught."""

from __future__ import annotations

import pytest

from consistency.extract.speakers import clean_speaker

CASES = [
    ("Harvard study published Tuesday in the New England Journal of Medicine", "Harvard study"),
    ("United Nations report released earlier this year", "United Nations report"),
    ("a report issued on Tuesday by the WHO", "WHO"),
    ("the official", "official"),
    ("Official", None),
    ("the", None),
    ("3,515 reported", None),
    ("declined to", None),
]


@pytest.mark.parametrize("words,speaker", CASES)
def test_clean_speaker(words: str, speaker: str | None):
    assert clean_speaker(words) == speaker
