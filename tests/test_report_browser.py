"""report.html in a real browser, offline: conflicts, chart and claim table render; the filter and sort work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sample_report import sample_report

from consistency.report import write_reports

CHROMIUM = Path("/usr/bin/chromium")
# Debian's chromium, not a Playwright download; everything that would reach the network is off.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists() and not shutil.which("chromium"):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    write_reports(sample_report(), out, ["html"])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))

        def route(route):
            # The report must be self-contained: anything but the file itself is refused and recorded.
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                requests.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto((out / "report.html").as_uri())
        page.requests, page.errors = requests, errors
        yield page
        browser.close()


def test_no_network_and_no_errors(page):
    assert page.requests == []
    assert page.errors == []  # a CSP violation or a script error would show here


def test_conflict_renders_with_highlighted_quotes(page):
    conflict = page.locator("article.conflict")
    assert conflict.count() == 1
    assert "1,000 lies 33% below the range" in conflict.inner_text()
    assert conflict.locator("mark").all_inner_texts() == ["about 1,000 militants", "between 1,500 and 3,000 fighters"]


def test_hostile_text_is_shown_not_run(page):
    assert "<script>alert(1)</script>" in page.locator("article.conflict").inner_text()
    assert page.locator("body script").count() == 1


def test_chart_draws_a_mark_per_claim(page):
    chart = page.locator("svg.chart")
    assert chart.count() == 1
    assert chart.locator("circle").count() + chart.locator("rect").count() == 4
    box = chart.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 50


def test_claim_table_filters(page):
    rows = page.locator("#claim-table tbody tr")
    assert rows.count() == 4
    page.fill("#claim-filter", "washington times")
    assert page.locator("#claim-table tbody tr:visible").count() == 2
    assert page.inner_text("#claim-count") == "2 of 4 claims"
    page.fill("#claim-filter", "")
    assert page.locator("#claim-table tbody tr:visible").count() == 4


def test_claim_table_sorts_by_value(page):
    header = page.locator("#claim-table th", has_text="value")
    header.click()
    values = page.locator("#claim-table tbody tr td:nth-child(8)").all_inner_texts()
    assert values == ["about 1,000", "1,500–3,000", "about 2,500", "40,000"]
    header.click()
    assert page.locator("#claim-table tbody tr td:nth-child(8)").all_inner_texts()[0] == "40,000"
