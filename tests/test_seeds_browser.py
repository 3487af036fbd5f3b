"""The seeds' report.html in Debian's chromium, offline: the conflicts, charts and claim table render.

With --update-screenshots, also refreshes the screenshot the README links (reports/report-seeds.png).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from seedmatch import SEEDS
from test_report_browser import CHROMIUM, CHROMIUM_ARGS, sync_api

from consistency.cli import cli


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-report")
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--output", str(out), "--format", "html"])
    assert result.exit_code == 0, result.output
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.requests = []
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file://")
                else (page.requests.append(route.request.url), route.abort())
            ),
        )
        page.goto((out / "report.html").as_uri())
        yield page
        browser.close()


def test_seed_conflicts_charts_and_claims_render(page, screenshot_path):
    assert page.requests == []
    conflicts = page.locator("article.conflict")
    assert conflicts.count() == 4  # two fighter estimates, two territory figures (reference quantities)
    text = " ".join(conflicts.all_inner_texts())
    assert "about 1,000 militants" in text and "between 1,500 and 3,000 fighters" in text and "at about 2,500" in text
    assert "nearly one-third of Iraq and Syria" in text and "207,832" in text  # the derivation is shown
    assert page.locator("svg.chart").count() >= 2
    assert page.locator("#claim-table tbody tr").count() > 50
    page.fill("#claim-filter", "Washington Times")
    visible = page.locator("#claim-table tbody tr:visible").count()
    assert 0 < visible < page.locator("#claim-table tbody tr").count()
    page.fill("#claim-filter", "")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshot_path("report-seeds.png")), full_page=False)
