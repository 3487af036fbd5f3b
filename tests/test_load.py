"""The loader's fast path for front matter reads exactly what YAML reads, or leaves the block to YAML."""

from __future__ import annotations

import yaml
from hypothesis import given, strategies as st

from consistency.load import _plain_fields

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
    ]:
        assert _plain_fields(block) is None, block
    assert _plain_fields("outlet: Voice of America\npublished: 2024-09-27") == {
        "outlet": "Voice of America",
        "published": "2024-09-27",
    }
