"""Hard-wrapped copy reads as running text; lists and one-paragraph-a-line copy keep their line breaks."""

import pytest

from consistency.textnorm import unwrap

WRAPPED = (
    "Between 550,000 and 1.4 million people\nin West Africa could be infected with the virus by January\n"
    "20, 2015, according to a report issued on Tuesday by the\nUnited States health agency. The top of the\n"
    "range assumes that cases are underreported.\n\nA second paragraph follows here, wrapped at the same\n"
    "width as the first one was.\n"
)


def test_wrapped_lines_are_joined_one_for_one():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "people in West Africa" in out and "January 20, 2015" in out
    assert "\n\nA second paragraph" in out  # a blank line still ends a paragraph


@pytest.mark.parametrize(
    "text",
    [
        # a list: each line an item ending in its number
        "Protesters in Chicago: 250,000\nProtesters in Denver: 200,000\nProtesters in London: 100,000\n"
        "Protesters in Stanley, Idaho: 30\n",
        # wire copy, one paragraph a line
        "The ministry said on Friday that strikes on its depots had risen sharply over the week, and that more "
        "were expected.\nIn Kharkiv there were 41.\nIn Odesa there were 18.\nIn Lviv there were 12.\n",
        # too few lines to tell
        "A short note\nwith two lines\n",
    ],
)
def test_other_copy_keeps_its_line_breaks(text):
    assert unwrap(text) == text


def test_front_matter_is_never_joined():
    front = "---\noutlet: Reuters\npublished: 2014-09-23\n---\n"
    out = unwrap(front + WRAPPED, body_start=len(front))
    assert out.startswith(front) and "people in West Africa" in out
