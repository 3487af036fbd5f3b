"""The loader's fast path for front matter reads exactly what YAML reads, or leaves the block to YAML; a dateline
dates an article, a sentence stating a date does not."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import given, strategies as st

from consistency.load import _plain_fields, dateline

KEYS = st.sampled_from(["outlet", "title", "author", "url", "published", "section"])
VALUES = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=5))
def test_plain_fields_agree_with_yaml(fields):
    block = "\n".join(f"{key}: {value}" for key, value in fields.items())
    fast = _plain_fields(block)
    if fast is None:
        return  # left to the YAML parser
    parsed = yaml.safe_load(block)
    assert {k: (None if v is None else str(v)) for k, v in parsed.items()} == fast


def test_plain_fields_leave_anything_unusual_to_yaml():
    for block in [
        'title: "Quoted"',
        "tags: [a, b]",
        "draft: yes",
        "count: 3",
        "url: https://x.org/a?b=1",
        "a: b\na: c",
        "outlet: <<",
    ]:
        assert _plain_fields(block) is None, block
    assert _plain_fields("outlet: Voice of America\npublished: 2024-09-27") == {
        "outlet": "Voice of America",
        "published": "2024-09-27",
    }


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("Thursday, January 25, 2024", date(2024, 1, 25)),
        ("By Jane Doe | January 25, 2024 3:45 PM", date(2024, 1, 25)),
        ("Published January 25, 2024", date(2024, 1, 25)),
        # a sentence that states a date is no dateline: its numbers are claims, its date is an event's
        ("As many as 1.4 million people could be infected by January 20, 2015.", None),
        ("On January 12, 2010, a magnitude-7.0 earthquake struck Haiti.", None),
        ("The storm that hit the coast on August 29, 2005 was the costliest in the history of the country.", None),
    ],
)
def test_dateline(first_line, expected):
    text = f"{first_line}\n\nThe body of the article follows here.\n"
    found = dateline(text)
    assert (found[0] if found else None) == expected
