"""A large report.html in Debian's chromium: a summary first, cards a page at a time, topics and the claim table
built only when asked for, and links to what is not shown yet still arrive.

The seeds' report stands in for a large one: the page sizes are set small enough that every mechanism is used.
"""

from __future__ import annotations

import pytest
from seedmatch import SEEDS
from test_report_browser import CHROMIUM, CHROMIUM_ARGS, sync_api

import consistency.report.html as html
from consistency.pipeline import run
from consistency.report import write_reports


@pytest.fixture(scope="module")
def report():
    return run([SEEDS]).report


@pytest.fixture
def page(report, tmp_path, monkeypatch):
    monkeypatch.setattr(html, "CARDS_PER_PAGE", 1)
    monkeypatch.setattr(html, "CLAIM_ROWS_SHOWN", 5)
    monkeypatch.setattr(html, "LAZY_FROM", 0)
    write_reports(report, tmp_path, ["html"])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort()
        )
        page.goto((tmp_path / "report.html").as_uri())
        yield page
        assert page.errors == []
        browser.close()


def test_summary_leads_with_the_worst_conflicts_and_busiest_topics(page, report):
    assert page.locator("section").first.get_attribute("id") == "overview"
    assert page.locator("ol.worst li").count() == min(len(report.conflicts), html.SUMMARY_CONFLICTS)
    assert page.locator("table.busiest tbody tr").count() >= 1


def test_cards_come_a_page_at_a_time(page, report):
    cards = page.locator("#conflicts article.conflict")
    assert cards.count() == 1
    page.click("#conflicts button.show-more")
    assert cards.count() == 2
    assert page.inner_text("#conflicts .shown-count") == f"2 of {len(report.conflicts)} shown"


def test_a_link_to_a_card_not_yet_shown_reveals_it(page, report):
    last = report.conflicts[-1].id
    page.click(f"ol.worst a[href='#conflict-{last}']")
    assert page.locator(f"#conflict-{last}").is_visible()


def test_a_topic_is_built_when_opened(page, report):
    topic = page.locator("details.topic").first
    assert topic.locator("table").count() == 0
    topic.locator("summary").click()
    # the page builds the table on the toggle event, after the click returns: wait for it
    sync_api.expect(topic.locator("table.estimates tbody tr")).to_have_count(len(report.topics[0].claims))


def test_filter_finds_claims_beyond_the_first_rows(page, report):
    rows = page.locator("#claim-table tbody tr:visible")
    assert rows.count() == 5
    last = report.claims[-1]
    page.fill("#claim-filter", f"{last.source} {last.sentence}")
    assert page.locator(f"#claim-{last.id}").is_visible()
    page.fill("#claim-filter", "")
    page.click("#claim-show-more")
    assert rows.count() == 10
