"""The review app over HTTP: its own Host and Origin only, CSRF, size limits, escaping, the CLI."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest
from click.testing import CliRunner
from seedmatch import SEEDS
from starlette.testclient import TestClient

from consistency.cli import cli
from consistency.pipeline import run
from consistency.review import app as review_app
from consistency.review.decisions import decisions_path, read_log

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
ATTACKS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def hostile_corpus(folder: Path) -> Path:
    """Two same-day articles whose fighter counts conflict, each carrying markup that must stay text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(
        f'---\noutlet: "Daily {ATTACKS[1]}"\npublished: 2024-01-25\ntitle: "ISIS {ATTACKS[0]}"\n---\n'
        f"About 1,000 Islamic State fighters remain in Iraq and Syria {ATTACKS[0]}.\n"
    )
    (folder / "b.md").write_text(
        "---\noutlet: Other Outlet\npublished: 2024-01-25\n---\n"
        f"Some 9,000 Islamic State fighters remain in Iraq and Syria {ATTACKS[1]}.\n"
    )
    return folder


def client_for(corpus: Path) -> TestClient:
    app = review_app.create_app(corpus, run([corpus]).report, "tester", "127.0.0.1", PORT)
    return TestClient(app, base_url=BASE)


def token_of(page: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', page).group(1)


@pytest.fixture()
def seeds(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("reviews"))
    return corpus


def cards_in(page) -> int:
    """How many conflict cards a page shows."""
    return page.text.count('<article class="card')


@pytest.fixture()
def seeds_report(seeds):
    return run([seeds]).report


@pytest.fixture()
def client(seeds, seeds_report):
    with client_for(seeds) as client:
        client.token = token_of(client.get("/").text)
        client.conflict = seeds_report.conflicts[0].id
        yield client


def decide(client, body=None, headers=None, fingerprint=None, **kwargs):
    headers = {"X-CSRF-Token": client.token, **(headers or {})}
    url = f"/conflicts/{fingerprint or client.conflict}/decision"
    if body is not None:
        return client.post(url, content=body, headers={"Content-Type": "application/json", **headers})
    return client.post(url, json=kwargs, headers=headers)


def test_queue_lists_conflicts_with_security_headers(client, seeds_report):
    page = client.get("/")
    assert page.status_code == 200
    assert cards_in(page) == len(seeds_report.conflicts) >= 2
    assert "<mark>about 1,000 militants</mark>" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"


def test_decision_is_recorded_and_leaves_the_queue(client, seeds, seeds_report):
    total = len(seeds_report.conflicts)
    response = decide(client, decision="dismissed", note="  different times  ")
    assert response.status_code == 200, response.text
    assert 'data-status="dismissed"' in response.text and "different times" in response.text
    [decision] = read_log(decisions_path(seeds)).decisions
    assert (decision.conflict, decision.decision, decision.note, decision.reviewer) == (
        client.conflict,
        "dismissed",
        "different times",
        "tester",
    )
    assert cards_in(client.get("/")) == total - 1
    decided = client.get("/", params={"status": "decided"}).text
    assert f'id="conflict-{client.conflict}"' in decided and "History (1)" in decided
    assert decide(client, decision="open").status_code == 200  # reopen
    assert cards_in(client.get("/")) == total


def test_filters(client, seeds_report):
    report = seeds_report
    outlets = {s.name: s.outlet for s in report.sources}
    sources_of = {c.id: {claim.source for claim in report.claims if claim.id in c.claims} for c in report.conflicts}
    total = len(report.conflicts)
    for name, outlet in outlets.items():
        expected = sum(name in sources for sources in sources_of.values())
        assert cards_in(client.get("/", params={"source": name})) == expected, name
        if outlet:
            expected = sum(any(outlets[n] == outlet for n in sources) for sources in sources_of.values())
            assert cards_in(client.get("/", params={"outlet": outlet})) == expected, outlet
    topic = report.conflicts[0].topic
    assert cards_in(client.get("/", params={"topic": topic})) == sum(c.topic == topic for c in report.conflicts)
    assert cards_in(client.get("/", params={"topic": "no-such-topic"})) == 0
    assert cards_in(client.get("/", params={"status": "confirmed"})) == 0
    assert cards_in(client.get("/", params={"status": "all"})) == total
    assert cards_in(client.get("/", params={"status": "bogus"})) == total  # falls back to the queue


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "localhost.evil.example:8765", ""])
def test_foreign_host_is_refused(client, host):
    assert client.get("/", headers={"Host": host}).status_code == 403


def test_loopback_names_are_accepted(client):
    assert client.get("/", headers={"Host": f"localhost:{PORT}"}).status_code == 200


def test_foreign_origin_is_refused(client, seeds):
    assert decide(client, decision="confirmed", headers={"Origin": "http://evil.example"}).status_code == 403
    assert decide(client, decision="confirmed", headers={"Origin": "null"}).status_code == 403
    assert decide(client, decision="confirmed", headers={"Origin": BASE}).status_code == 200
    assert len(read_log(decisions_path(seeds)).decisions) == 1


@pytest.mark.parametrize("token", [None, "", "wrong"])
def test_change_without_the_csrf_token_is_refused(client, seeds, token):
    headers = {} if token is None else {"X-CSRF-Token": token}
    response = client.post(f"/conflicts/{client.conflict}/decision", json={"decision": "confirmed"}, headers=headers)
    assert response.status_code == 403
    assert not decisions_path(seeds).exists()


def test_limits_and_bad_requests(client, seeds):
    assert decide(client, body=b'{"decision": "confirmed", "note": "' + b"x" * 17000 + b'"}').status_code == 413
    assert decide(client, decision="confirmed", note="x" * 2001).status_code == 400
    assert decide(client, decision="maybe").status_code == 400
    assert decide(client, body=b"{not json").status_code == 400
    assert decide(client, decision="confirmed", fingerprint="000000000000").status_code == 404
    form = client.post(
        f"/conflicts/{client.conflict}/decision", data={"decision": "confirmed"}, headers={"X-CSRF-Token": client.token}
    )
    assert form.status_code == 415
    assert decide(client, decision="confirmed", note="x" * 2000).status_code == 200
    assert len(read_log(decisions_path(seeds)).decisions) == 1


def test_hostile_article_is_escaped(tmp_path):
    with client_for(hostile_corpus(tmp_path / "hostile")) as client:
        page = client.get("/").text
    assert page.count('<article class="card') == 1
    for attack in ATTACKS:
        assert attack not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/static/review.js" defer>']


def test_allowed_hosts():
    assert review_app.allowed_hosts("127.0.0.1", 80) == {"127.0.0.1:80", "localhost:80", "[::1]:80"}
    assert review_app.allowed_hosts("::1", 80) == {"127.0.0.1:80", "localhost:80", "[::1]:80"}
    assert "192.0.2.7:80" in review_app.allowed_hosts("192.0.2.7", 80)
    assert review_app.is_loopback("localhost") and not review_app.is_loopback("0.0.0.0")


def test_cli_beyond_loopback_needs_allow_remote_and_then_a_token(seeds, monkeypatch):
    served = []
    monkeypatch.setattr(review_app, "serve", lambda app, sock: (served.append((sock.getsockname(), app)), sock.close()))
    args = ["review", str(seeds), "--host", "0.0.0.0", "--port", "0", "--reviewer", "ann"]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 2 and "--allow-remote" in refused.output and not served, refused.output
    result = CliRunner().invoke(cli, [*args, "--allow-remote"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.output
    (_, port), app = served[0]
    token = re.search(rf"at http://0\.0\.0\.0:{port}/\?access=(\S+) ", result.output).group(1)
    with TestClient(app, base_url=f"http://{socket.gethostname().lower()}:{port}") as client:
        assert client.get("/").status_code == 401
        assert client.get("/", params={"access": "wrong"}).status_code == 401
        assert client.get("/", params={"access": token}).status_code == 200
        assert client.get("/static/review.js").status_code == 200  # the session cookie carries the token on


def test_cli_port_in_use_is_one_line(seeds):
    with review_app.listen("127.0.0.1", 0) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["review", str(seeds), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "Traceback" not in result.output


def test_cli_serves_and_prints_its_address(seeds):
    server = subprocess.Popen(
        [sys.executable, "-m", "consistency", "review", str(seeds), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert url, line + server.stderr.read()
        page = httpx2.get(url.group(1), timeout=10)
        assert page.status_code == 200 and "Review conflicts" in page.text
    finally:
        server.terminate()
        server.wait(10)
