"""What a news address says: the date or month it gives its article, on the forms news sites use."""

from datetime import date

import pytest

from consistency.extract.addresses import url_date, url_month

ADDRESSES = [
    ("https://www.upi.com/Top_News/US/2018/11/25/Camp-Fire-is-100-contained/4921/", date(2018, 11, 25)),
    ("http://www.spokesman.com/stories/2010/jun/11/new-estimates-expand-size-of-spill/", date(2010, 6, 11)),
    ("http://www.cnn.com/2010/US/06/15/oil.spill.disaster/index.html", date(2010, 6, 15)),
    ("https://example.org/world/2011-12-01/quake-toll", date(2011, 12, 1)),
    ("https://example.org/2019/Dec/3/strike-enters-second-week", date(2019, 12, 3)),
    ("https://example.org/news/may/2/slug", None),  # no year
    ("https://example.org/news/2015/12/report-arrivals-sea-europe", None),  # a month, no day
    ("https://example.org/article/123456", None),
    ("http://example.org/dispatch/news/wire-agency/140421/death-toll-hits-87", date(2014, 4, 21)),  # yymmdd
    ("https://example.org/news/123456/slug", None),  # six digits that are no date: an id
    ("https://example.org/news/991231/slug", None),  # a date of the last century would be an id, too
]


@pytest.mark.parametrize(("url", "expected"), ADDRESSES)
def test_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("url", "first", "last"),
    [
        ("https://example.org/news/2015/12/report-arrivals-sea-europe", date(2015, 12, 1), date(2015, 12, 31)),
        ("http://www.spokesman.com/stories/2010/jun/11/new-estimates/", date(2010, 6, 1), date(2010, 6, 30)),
        ("https://example.org/2016/feb/slug", date(2016, 2, 1), date(2016, 2, 29)),
    ],
)
def test_url_month(url, first, last):
    assert url_month(url) == (first, last)


def test_no_address_no_date():
    assert url_date(None) is None and url_month("") is None
