"""The review page in Debian's chromium: decide by keyboard, later reports honour it, hostile text stays text.

With --update-screenshots, also refreshes the screenshot the README links (reports/review-seeds.png).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from click.testing import CliRunner
from seedmatch import SEEDS, matching_claims
from test_report_browser import CHROMIUM, CHROMIUM_ARGS, sync_api
from test_review_app import ATTACKS, hostile_corpus

from consistency.cli import cli
from consistency.models import Conflict
from consistency.pipeline import run
from consistency.review import app as review_app
from consistency.review.decisions import decisions_path, fails_gate, latest_decisions


@contextmanager
def serving(corpus: Path):
    """The review app on a free loopback port, in a thread; yields its address."""
    sock = review_app.listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = review_app.create_app(corpus, run([corpus]).report, "Test Editor", "127.0.0.1", port)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "review app did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def browser_page(origin: str | None):
    """A chromium page that fails the test on any dialog and refuses every request but ``origin``'s (and files)."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.dialogs, page.errors, page.requests = [], [], []

        def on_dialog(dialog):
            page.dialogs.append(dialog.message)
            dialog.dismiss()

        def route(route):
            url = route.request.url
            if url.startswith("file://") or (origin and url.startswith(origin)):
                route.continue_()
            else:
                page.requests.append(url)
                route.abort()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.route("**/*", route)
        try:
            yield page
        finally:
            browser.close()
        assert page.dialogs == [], "a script from an article ran"


def _conflict_between(corpus: Path, first: tuple[str, str], second: tuple[str, str]) -> str:
    """The fingerprint of the conflict between two quoted claims (source file, quote)."""
    report = run([corpus]).report
    claims = [claim.model_dump(mode="json") for claim in report.claims]
    texts = {source.name: source.text for source in report.sources}
    wanted = {c["id"] for source, quote in (first, second) for c in matching_claims(claims, texts, source, quote)}
    [conflict] = [c for c in report.conflicts if set(c.claims) <= wanted]
    return conflict.id


def test_editor_decides_by_keyboard_and_reports_follow(tmp_path, screenshot_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("reviews"))
    dismissed = _conflict_between(
        corpus, ("004_8d4cf7d2278d132a.txt", "about 1,000 militants"), ("002_673533e19380046e.txt", "at about 2,500")
    )
    total = len(run([corpus]).report.conflicts)
    with serving(corpus) as url, browser_page(url) as page:
        page.goto(url)
        cards = page.locator("article.card")
        assert cards.count() == total >= 2
        assert page.locator("article.card.current").count() == 1  # review.js ran under the CSP
        assert page.locator("svg.chart").count() >= 2
        assert "between 1,500 and 3,000 fighters" in page.locator("main").inner_text()
        page.screenshot(path=str(screenshot_path("review-seeds.png")), full_page=False)

        target = page.locator(f"#conflict-{dismissed}")
        for _ in range(cards.count()):
            if "current" in (target.get_attribute("class") or ""):
                break
            page.keyboard.press("j")
        assert "current" in target.get_attribute("class")
        page.keyboard.press("n")
        page.keyboard.type("Different dates: January vs September 2024")
        page.keyboard.press("Escape")
        page.keyboard.press("d")
        page.wait_for_selector(f"#conflict-{dismissed}[data-status=dismissed]", state="attached")
        assert target.is_hidden(), "a decided conflict leaves the queue"
        assert page.inner_text("#shown-count") == str(total - 1)

        other = page.locator("article.card.current")
        confirmed = other.get_attribute("data-id")
        assert confirmed != dismissed
        page.keyboard.press("c")
        page.wait_for_selector(f"#conflict-{confirmed}[data-status=confirmed]", state="attached")
        assert page.inner_text("#shown-count") == str(total - 2)
        assert page.locator("#empty").is_visible() == (total == 2)

        page.goto(url + "?status=decided")
        assert page.locator("article.card").count() == 2
        assert "Different dates: January vs September 2024" in page.inner_text(f"#conflict-{dismissed} .history")
        assert page.errors == [] and page.requests == []

    decisions = latest_decisions(corpus)
    assert (decisions[dismissed].decision, decisions[confirmed].decision) == ("dismissed", "confirmed")
    assert decisions[dismissed].reviewer == "Test Editor"

    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["report", str(corpus), "--output", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    conflicts = {
        c["id"]: Conflict.model_validate(c) for c in json.loads((out / "report.json").read_text())["conflicts"]
    }
    assert conflicts[dismissed].status == "dismissed"
    assert conflicts[dismissed].review_note == "Different dates: January vs September 2024"
    assert conflicts[confirmed].status == "confirmed"
    # What `check` asks: a dismissed error no longer fails; a confirmed one does.
    assert fails_gate(conflicts[dismissed], by_severity=True) is False
    assert fails_gate(conflicts[confirmed], by_severity=True) is True


def test_hostile_article_stays_text_in_report_and_review(tmp_path):
    corpus = hostile_corpus(tmp_path / "hostile")
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["report", str(corpus), "--output", str(out), "--format", "html"])
    assert result.exit_code == 0, result.output
    with browser_page(None) as page:
        page.goto((out / "report.html").as_uri())
        shown = page.locator("article.conflict").inner_text()
        assert all(attack in shown for attack in ATTACKS), shown
        assert page.locator("img").count() == 0 and page.locator("body script").count() == 1
    with serving(corpus) as url, browser_page(url) as page:
        page.goto(url)
        card = page.locator("article.card")
        assert card.count() == 1
        shown = card.inner_text()
        assert all(attack in shown for attack in ATTACKS), shown
        assert page.locator("img").count() == 0 and page.locator("script").count() == 1
        # Deciding re-renders the card from the server: still text.
        page.keyboard.press("f")
        page.wait_for_selector("article.card[data-status=follow_up]", state="attached")
        page.goto(url + "?status=all")
        assert all(attack in page.locator("article.card").inner_text() for attack in ATTACKS)
        assert page.locator("img").count() == 0
        assert page.errors == [] and page.requests == []


def test_typing_in_the_note_of_another_card_is_text_not_shortcuts(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("reviews"))
    with serving(corpus) as url, browser_page(url) as page:
        page.goto(url)
        second = page.locator("article.card").nth(1)
        assert "current" not in (second.get_attribute("class") or "")
        note = second.locator("textarea.note")
        note.click()
        page.keyboard.type("ok, confirmed by phone: do follow up")  # o, c, d, f, j, k, n: every shortcut letter
        assert note.input_value() == "ok, confirmed by phone: do follow up"
        page.goto(url)  # any decision request the keys had sent has been answered by now
        assert page.errors == [] and page.requests == []
    assert not decisions_path(corpus).exists(), "typing in a note recorded decisions"
