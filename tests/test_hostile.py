"""Hostile files, built in each test: every refusal is one line naming the file, exit 2 (or the file is skipped
and the others still run), never a traceback, and no input makes the tool read, write or work without bound."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient
from test_adversarial import ADVERSARIAL
from test_check import commit, git
from test_review_app import PORT, hostile_corpus, token_of

from consistency import engine
from consistency.cache import open_cache
from consistency.cli import cli
from consistency.config import default_rules_dir
from consistency.load import load_sources
from consistency.pipeline import run
from consistency.review import app as review_app, decisions
from consistency.review.decisions import MAX_LOG_BYTES

GOOD = "---\noutlet: Wire\npublished: 2024-01-25\n---\nAbout 2,500 U.S. troops remain in Iraq, officials said.\n"


def invoke(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def one_line_about(result, name: str, words: str) -> None:
    """The run names ``name`` in exactly one line of stderr, saying ``words``, and shows no traceback."""
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1 and words in lines[0], result.stderr


def bomb(levels: int = 7, indent: str = "") -> str:
    """A "billion laughs" YAML mapping: each level repeats the previous one nine times (9**levels leaves)."""
    lines = [f'{indent}l0: &l0 ["lol"]']
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    return Path(shutil.copytree(default_rules_dir(), tmp_path / "rules"))


@pytest.mark.parametrize("where", ["front matter", "sources.yaml"])
def test_alias_bomb_in_an_article_folder_is_refused_and_the_rest_runs(tmp_path, where):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    if where == "front matter":
        (corpus / "bomb.md").write_text("---\n" + bomb().replace("l7:", "outlet:") + "---\nText with 40 fighters.\n")
        name = "bomb.md"
    else:
        (corpus / "sources.yaml").write_text(bomb())
        name = "sources.yaml"
    result = invoke("extract", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    one_line_about(result, name, "aliases expand")
    assert [c["text"] for c in json.loads(result.stdout) if c["kind"] == "quantity"][0] == "About 2,500 U.S. troops"


@pytest.mark.parametrize(
    "table", ["aliases/measures.yaml", "aliases/places.yaml", "reference/bomb.yaml", "CC999-bomb.yaml"]
)
def test_alias_bomb_in_the_rules_folder_is_one_line_exit_2(tmp_path, rules_copy, table):
    (tmp_path / "a.md").write_text(GOOD)
    (rules_copy / table).write_text(bomb())
    result = invoke("report", str(tmp_path / "a.md"), "--rules", str(rules_copy), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    one_line_about(result, Path(table).name, "aliases expand")
    assert re.search(rf"{re.escape(Path(table).name)}:\d+: invalid YAML", result.stderr), result.stderr


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("km: kilometres", "km: expected a list of words"),
        ("currencies: [usd]", "currencies: expected a mapping of codes"),
        ("currencies: {usd: [dollars]}", "currencies: usd: expected {words: [...], signs: [...]}"),
        ("currencies: {usd: {words: [dollars], sign: [$]}}", "currencies: usd: expected"),
    ],
)
def test_a_misshapen_units_file_is_one_line_exit_2(tmp_path, rules_copy, entry, words):
    (tmp_path / "a.md").write_text(GOOD)
    (rules_copy / "aliases" / "units.yaml").write_text(entry + "\n")
    result = invoke("report", str(tmp_path / "a.md"), "--rules", str(rules_copy), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    one_line_about(result, "units.yaml", words)


def test_yaml_that_refers_to_itself_and_repeated_keys_are_refused(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "self.md").write_text("---\noutlet: &a [*a]\n---\nText with 40 fighters.\n")
    (tmp_path / "twice.md").write_text("---\noutlet: A\noutlet: [B]\n---\nText with 40 fighters.\n")
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    one_line_about(result, "self.md", "refers to its own anchor")
    one_line_about(result, "twice.md:3: front matter: outlet: given twice", "given twice")


# --- decisions, reports and caches: regular files only, links not followed, sizes bounded ---


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Two articles with one conflict, and a decisions folder."""
    folder = hostile_corpus(tmp_path / "corpus")
    (folder / "reviews").mkdir()
    return folder


def post_decision(client, fingerprint: str, body: bytes | None = None, **fields):
    headers = {"X-CSRF-Token": token_of(client.get("/").text), "Content-Type": "application/json"}
    return client.post(f"/conflicts/{fingerprint}/decision", content=body or json.dumps(fields), headers=headers)


def test_decisions_log_linked_outside_the_corpus_is_neither_written_nor_read(tmp_path, corpus):
    outside = tmp_path / "bashrc"
    outside.write_text("# a shell start-up file\n")
    (corpus / "reviews" / "decisions.jsonl").symlink_to(outside)
    report = run([corpus / "a.md", corpus / "b.md"]).report  # loaded without the log
    app = review_app.create_app(corpus, report, "tester", "127.0.0.1", PORT)
    with TestClient(app, base_url=f"http://127.0.0.1:{PORT}") as client:
        response = post_decision(client, report.conflicts[0].id, decision="dismissed", note="$(touch pwned)")
    assert response.status_code == 500 and "symbolic link" in response.text, response.text
    assert outside.read_text() == "# a shell start-up file\n"
    result = invoke("report", str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    one_line_about(result, "decisions.jsonl", "symbolic link")


def deny(monkeypatch, target: Path) -> None:
    """Make every open at or under ``target`` fail with EACCES, as it does for a user without the permission."""
    real_open = os.open

    def guarded(path, flags, *args, dir_fd=None, **kwargs):
        full = Path(path) if dir_fd is None else Path(os.readlink(f"/proc/self/fd/{dir_fd}")) / path
        if full == target or target in full.parents:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, dir_fd=dir_fd, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


@pytest.mark.parametrize("make", ["link to /dev/zero", "folder", "fifo", "unreadable", "too large"])
def test_decisions_log_that_is_not_a_readable_regular_file_is_one_line_exit_2(tmp_path, corpus, make, monkeypatch):
    log = corpus / "reviews" / "decisions.jsonl"
    if make == "link to /dev/zero":
        log.symlink_to("/dev/zero")
    elif make == "folder":
        log.mkdir()
    elif make == "fifo":
        os.mkfifo(log)
    elif make == "unreadable":
        log.write_text("")
        (corpus / "reviews").chmod(0o000)  # unreadable: the folder cannot be searched
        if os.geteuid() == 0:  # root searches any folder: the refusal the kernel would give is given here
            deny(monkeypatch, log)
    else:
        with open(log, "wb") as file:
            file.truncate(MAX_LOG_BYTES + 1)
    try:
        result = invoke("check", str(corpus), "--no-cache")
    finally:
        (corpus / "reviews").chmod(0o755)
    assert result.exit_code == 2, result.output
    one_line_about(result, "decisions.jsonl", "decisions log")


@pytest.mark.parametrize("target", ["fifo", "/dev/null", "link to /dev/null"])
def test_output_onto_something_not_a_regular_file_is_written_in_place(tmp_path, target):
    (tmp_path / "a.md").write_text(GOOD)
    if target == "fifo":
        output = tmp_path / "pipe"
        os.mkfifo(output)
        reader = threading.Thread(target=lambda: received.append(output.read_bytes()))
        received: list[bytes] = []
        reader.start()
    elif target == "/dev/null":
        output = Path("/dev/null")
    else:
        output = tmp_path / "out"
        output.symlink_to("/dev/null")
    result = invoke("extract", str(tmp_path / "a.md"), "--format", "json", "-o", str(output))
    assert result.exit_code == 0, result.output
    if target == "fifo":
        reader.join(10)
        assert json.loads(received[0])[0]["text"] == "About 2,500 U.S. troops"
    assert not output.is_file() and (output.is_fifo() or output.is_char_device()), "replaced by a regular file"


def test_output_dash_is_standard_output(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    result = invoke("extract", str(tmp_path / "a.md"), "--format", "json", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["text"] == "About 2,500 U.S. troops"
    assert not (Path.cwd() / "-").exists()


@pytest.mark.parametrize("case", ["read-only folder", "missing folder", "full disk", "baseline nested deep"])
def test_write_and_read_failures_are_one_line_exit_2(tmp_path, case, monkeypatch):
    (tmp_path / "a.md").write_text(GOOD)
    args = ["check", str(tmp_path), "--no-cache", "--format", "json", "-o"]
    if case == "read-only folder":
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        if os.geteuid() == 0:  # root writes into any folder: the refusal the kernel would give is given here
            deny(monkeypatch, locked)
        args = ["report", str(tmp_path / "a.md"), "-o", str(locked)]
        name = "locked"
    elif case == "missing folder":
        args += [str(tmp_path / "nope" / "out.json")]
        name = "out.json"
    elif case == "full disk":
        args += ["/dev/full"]
        name = "/dev/full"
    else:
        (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
        args = ["check", str(tmp_path), "--no-cache", "--baseline", str(tmp_path / "deep.json")]
        name = "deep.json"
    try:
        result = invoke(*args)
    finally:
        (tmp_path / "locked").exists() and (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 2, result.output
    one_line_about(result, name, "")


def test_a_failing_append_leaves_no_torn_line(corpus, monkeypatch):
    report = run([corpus]).report
    app = review_app.create_app(corpus, report, "tester", "127.0.0.1", PORT)
    log = corpus / "reviews" / "decisions.jsonl"
    log.write_text("")

    def half_then_full(descriptor, data):
        os.write(descriptor, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(decisions, "write_all", half_then_full)
    with TestClient(app, base_url=f"http://127.0.0.1:{PORT}") as client:
        response = post_decision(client, report.conflicts[0].id, decision="dismissed")
    assert response.status_code == 500 and "No space left" in response.text
    assert log.read_bytes() == b""


def test_temporary_files_of_killed_runs_are_removed(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = out / f".report.md.{dead.stdout.strip()}.k2j4h5.tmp"
    stale.write_text("half a report")
    foreign = out / ".report.md.notes.tmp"  # not a name the tool makes
    foreign.write_text("keep me")
    result = invoke("report", str(tmp_path / "a.md"), "-o", str(out), "--format", "md")
    assert result.exit_code == 0, result.output
    assert not stale.exists() and foreign.exists()


@pytest.mark.parametrize(
    "body",
    [
        b'{"decision": "dismissed", "note": "\\ud800"}',
        b'{"decision": "dismissed", "note": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    ],
)
def test_hostile_request_bodies_are_400(corpus, body):
    report = run([corpus]).report
    app = review_app.create_app(corpus, report, "tester", "127.0.0.1", PORT)
    with TestClient(app, base_url=f"http://127.0.0.1:{PORT}", raise_server_exceptions=False) as client:
        response = post_decision(client, report.conflicts[0].id, body=body)
    assert response.status_code == 400, response.text


def test_any_unexpected_failure_is_one_line_exit_2(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(GOOD)

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("consistency.pipeline.group_claims", broken)
    result = invoke("report", str(tmp_path), "-o", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "internal error" in result.stderr, result.stderr


def test_report_on_an_empty_folder_says_so(tmp_path):
    result = invoke("report", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    one_line_about(result, str(tmp_path), "no articles")


def test_rules_folder_without_rules_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "rules").mkdir()
    result = invoke("check", str(tmp_path), "--rules", str(tmp_path / "rules"), "--no-cache")
    assert result.exit_code == 2, result.output
    one_line_about(result, "rules", "no rule files")


# --- outputs: control characters are shown, never obeyed; mentions stay text ---

FORGED = "a\n::error file=README.md,line=1::forged\n.md"
# An outlet holding mentions, a terminal title change (ESC ] ... BEL) and a screen clear, as YAML escapes.
LOUD = r"Daily @everyone @org/team \e]0;pwned\a\e[2J"


@pytest.fixture
def loud_corpus(tmp_path) -> Path:
    folder = tmp_path / "loud"
    folder.mkdir()
    (folder / FORGED).write_text(
        f'---\noutlet: "{LOUD}"\npublished: 2024-01-25\n---\nAbout 1,000 Islamic State fighters remain in Iraq.\n'
    )
    (folder / "b.md").write_text(
        "---\noutlet: Other\npublished: 2024-01-25\n---\nSome 9,000 Islamic State fighters remain in Iraq.\n"
    )
    return folder


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_gate_output_cannot_forge_workflow_commands_or_drive_the_terminal(loud_corpus, fmt):
    result = invoke("check", str(loud_corpus), "--no-cache", "--format", fmt)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert not any(line.startswith("::error file=README.md") for line in lines), lines
    assert (
        all(line.startswith("::error file=") for line in lines)
        if fmt == "github"
        else not any(line.startswith("::") for line in lines)
    ), lines
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", result.output), result.output


def test_report_summary_and_markdown_escape_controls_and_mentions(loud_corpus, tmp_path):
    result = invoke("report", str(loud_corpus), "-o", str(tmp_path / "out"), "--format", "md")
    assert result.exit_code == 0, result.output
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", result.output), result.output
    markdown = (tmp_path / "out" / "report.md").read_text()
    assert "everyone" in markdown and not re.search(r"@(everyone|org)", markdown), markdown
    assert "\x1b" not in markdown and "\x07" not in markdown


# --- the gate: a pull request can neither empty its article's claims nor dismiss its own conflicts ---


@pytest.fixture
def pull_request(tmp_path, monkeypatch) -> Path:
    """A repository whose main branch holds one article, and a change adding one that contradicts it."""
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    monkeypatch.chdir(repo)
    (repo / "articles" / "a.md").write_text(
        "---\noutlet: A\npublished: 2024-01-25\n---\nAbout 1,000 Islamic State fighters remain in Iraq.\n"
    )
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "archive")
    git(repo, "checkout", "-q", "-b", "change")
    (repo / "articles" / "b.md").write_text(
        "---\noutlet: B\npublished: 2024-01-25\n---\nSome 9,000 Islamic State fighters remain in Iraq.\n"
    )
    return repo


def poison_cache(repo: Path) -> None:
    """What a hostile change commits: a cache row saying the new article holds no claims."""
    with open_cache(repo / ".consistency-cache") as cache:
        cache.put(load_sources([repo / "articles" / "b.md"]).sources[0], [])


@pytest.mark.parametrize("committed", [False, True])
def test_a_cache_saying_the_new_article_has_no_claims_does_not_pass_the_gate(pull_request, committed):
    poison_cache(pull_request)
    if committed:
        git(pull_request, "add", "-f", ".consistency-cache")
    commit(pull_request, "new article")
    result = invoke("check", "articles", "--since", "main")
    assert result.exit_code == 1, result.output
    assert ("tracked by git" in result.stderr) == committed, result.stderr


def test_dismissals_added_by_the_change_do_not_dismiss(pull_request):
    first = invoke("check", "articles", "--since", "main", "--format", "json")
    conflict = json.loads(first.stdout)["conflicts"][0]["conflict"]
    report = run([pull_request / "articles"]).report
    claims = [c for c in report.claims if c.id in conflict["claims"]]
    decisions.append_decision(
        decisions.decisions_path(pull_request / "articles"),
        decisions.make_decision(report.conflicts[0], claims, "dismissed", "fine", "mallory"),
    )
    commit(pull_request, "new article, dismissed")
    result = invoke("check", "articles", "--since", "main")
    assert result.exit_code == 1, result.output
    assert "1 dismissal(s) added by this change do not count" in result.stderr, result.stderr
    git(pull_request, "checkout", "-q", "-b", "merged")
    assert invoke("check", "articles", "--since", "HEAD").exit_code == 0  # once merged, the dismissal holds


# --- bounded work and finite values on any text ---

# Each of these took minutes and gigabytes on one 400-700 KB file.
PATHOLOGICAL = ["digit-and-comma runs", "single digits and commas", "between ... and", "a long line of numbers"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_articles_finish_and_keep_the_others(tmp_path, name):
    (tmp_path / "junk.txt").write_text(ADVERSARIAL[name])
    (tmp_path / "good.md").write_text(GOOD)
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert "About 2,500 U.S. troops" in [c["text"] for c in claims]
    assert len(claims) < 1000  # a table of figures is not a thousand claims


def test_numbers_beyond_a_float_are_not_claims_and_reports_hold_no_infinity(tmp_path, rules_copy):
    (tmp_path / "a.md").write_text(
        GOOD.replace(
            "About 2,500", "There were " + "9" * 400 + " fighters and " + "1" + ",000" * 100 + " troops. About 2,500"
        )
        + "An area twice the size of Bigland was taken.\n"
    )
    (rules_copy / "reference" / "big.yaml").write_text(
        "kind: region\nmeasure: area\nunit: mi2\nsource: test\nvalues:\n  bigland: {name: Bigland, value: 1e308}\n"
    )
    out = tmp_path / "out"
    result = invoke(
        "report", str(tmp_path / "a.md"), "--rules", str(rules_copy), "-o", str(out), "--format", "html,json"
    )
    assert result.exit_code == 0, result.output

    def refuse(constant):
        raise AssertionError(f"{constant} in report.json")

    report = json.loads((out / "report.json").read_text(), parse_constant=refuse)
    assert [c["text"] for c in report["claims"] if c["kind"] == "quantity"] == ["About 2,500 U.S. troops"]
    assert (out / "report.html").is_file()


@pytest.fixture
def one_article_breaks_the_extractor(tmp_path, monkeypatch):
    """A folder of two articles, the extractor failing on the second (trigger.md); the folder."""
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "trigger.md").write_text(GOOD.replace("Wire", "Trigger"))
    real = engine.extract_claims

    def fragile(source, lexicon=None):
        if source.outlet == "Trigger":
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, lexicon)

    monkeypatch.setattr(engine, "extract_claims", fragile)
    return tmp_path


def test_an_article_the_extractor_fails_on_is_skipped_and_the_others_reported(one_article_breaks_the_extractor):
    folder = one_article_breaks_the_extractor
    out = folder / "out"
    result = invoke("report", str(folder), "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    one_line_about(result, "trigger.md", "extractor failed")
    assert [s["name"] for s in json.loads((out / "report.json").read_text())["sources"]] == ["good.md"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_extract_skips_an_article_the_extractor_fails_on_and_keeps_the_others(one_article_breaks_the_extractor, fmt):
    folder = one_article_breaks_the_extractor
    result = invoke("extract", str(folder), "--format", fmt)
    assert result.exit_code == 0, result.output
    one_line_about(result, "trigger.md", "extractor failed")
    lines = result.stdout.splitlines() if fmt == "jsonl" else None
    claims = [json.loads(line) for line in lines] if lines is not None else json.loads(result.stdout)
    assert {c["source"] for c in claims} == {"good.md"}
    assert invoke("extract", str(folder), "--format", fmt, "--strict").exit_code == 2


def test_articles_that_are_not_regular_files_are_refused_one_line_each(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.md")
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    one_line_about(result, "zero.txt", "not a regular file")
    one_line_about(result, "pipe.md", "not a regular file")
    assert "About 2,500 U.S. troops" in [c["text"] for c in json.loads(result.stdout)]
    alone = invoke("extract", str(tmp_path / "pipe.md"))
    assert alone.exit_code == 2
    one_line_about(alone, "pipe.md", "not a regular file")


def test_report_files_and_cache_files_that_are_links_are_not_written_through(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    outside = tmp_path / "bashrc"
    outside.write_text("# a shell start-up file\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").symlink_to(outside)
    result = invoke("report", str(tmp_path / "a.md"), "-o", str(out), "--format", "md")
    assert result.exit_code == 0, result.output
    assert outside.read_text() == "# a shell start-up file\n" and not (out / "report.md").is_symlink()
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "claims.sqlite3").symlink_to(outside)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(GOOD)
    result = invoke("check", str(articles), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    one_line_about(result, "claims.sqlite3", "running without a cache")
    assert outside.read_text() == "# a shell start-up file\n"
