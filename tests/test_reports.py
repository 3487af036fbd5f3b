"""Report writers: each format is a valid file, article text is escaped, writes are atomic."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from contract import CLAIM_FIELDS
from sample_report import HOSTILE, sample_report

from consistency.errors import ConsistencyError
from consistency.models import Unreadable
from consistency.output import render_claims
from consistency.report import FORMATS, write_reports
from consistency.report.atomic import atomic_write
from consistency.report.csv import render_csv
from consistency.report.flat import claim_columns
from consistency.report.html import html_pieces, render_html
from consistency.report.json import render_json
from consistency.report.markdown import render_markdown


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    paths = write_reports(sample_report(), out, FORMATS)
    return out, paths


def test_every_format_is_written(written):
    out, paths = written
    names = {"report.html", "report.md", "report.json", "claims.csv", "consistency.db", "metadata.json"}
    assert {p.name for p in paths} == names
    assert {p.name for p in out.iterdir()} == names  # and no temporary files are left behind


def test_json_has_the_contract_fields(written):
    report = json.loads((written[0] / "report.json").read_text(encoding="utf-8"))
    assert {"sources", "claims", "topics", "conflicts", "agreements"} <= report.keys()
    claim = report["claims"][0]
    assert CLAIM_FIELDS <= claim.keys(), CLAIM_FIELDS - claim.keys()
    assert {"low", "high", "qualifier"} <= claim["value"].keys()
    assert {"start", "end"} <= claim["as_of"].keys()
    conflict = report["conflicts"][0]
    assert {"id", "rule", "topic", "severity", "claims", "explanation"} <= conflict.keys()
    assert {"topic", "claims"} <= report["agreements"][0].keys()
    assert "text" not in report["sources"][0]  # the article text stays out of the JSON


def test_csv_has_a_header_and_a_row_per_claim(written):
    with open(written[0] / "claims.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 4
    assert rows[0]["value.low"] == "1500.0"
    assert rows[0]["outlet"] == "Voice of America"
    assert rows[0]["location"] == "Iraq; Syria"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_never_run_as_formulas(start):
    """Article text is untrusted: in claims.csv and in ``extract --format csv`` alike, a cell that a spreadsheet
    would run as a formula gets a leading apostrophe."""
    report = sample_report()
    report.claims[0].attribution = f'{start}HYPERLINK("http://evil.example")'
    rendered = {
        "claims.csv": render_csv(report),
        "extract": render_claims(report.claims, "csv", report.sources),
    }
    for name, text in rendered.items():
        row = next(csv.DictReader(io.StringIO(text)))
        assert row["attribution"] == f'\'{start}HYPERLINK("http://evil.example")', name
        assert row["text"] == report.claims[0].text, name


def test_readme_lists_the_claim_columns_in_order():
    """The claim table's columns are documented once, in the README; a column added, dropped or moved shows here."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`(id, source, [^`]*)`", readme)
    assert listed, "the README no longer lists the claim table's columns"
    assert " ".join(listed.group(1).split()).split(", ") == claim_columns()


def test_sqlite_has_the_five_tables_and_facets(written):
    out = written[0]
    with sqlite3.connect(out / "consistency.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"sources", "claims", "topics", "conflicts", "agreements"}
        assert connection.execute("SELECT count(*) FROM claims").fetchone() == (4,)
        severity, claim_a = connection.execute("SELECT severity, claim_a FROM conflicts").fetchone()
        assert severity == "error"
        assert connection.execute("SELECT outlet FROM claims WHERE id = ?", (claim_a,)).fetchone() == (
            "Washington Times",
        )
    metadata = json.loads((out / "metadata.json").read_text())
    tables = metadata["databases"]["consistency"]["tables"]
    assert {"outlet", "measure", "subject"} <= {f for f in tables["claims"]["facets"] if isinstance(f, str)}
    assert {"severity", "rule"} <= set(tables["conflicts"]["facets"])


def test_markdown_is_short_and_escaped():
    text = render_markdown(sample_report())
    assert "1 conflict" in text and "1,000 lies 33% below the range" in text
    assert len(text.splitlines()) < 30


def test_html_escapes_article_text():
    page = render_html(sample_report())
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:alert(2)" not in page  # a source url that is not a web link is not linked
    assert page.count("<script>") == 1  # ours, at the end


def test_html_highlights_the_claim_in_its_sentence():
    page = render_html(sample_report())
    assert "The group has <mark>about 1,000 militants</mark> remaining" in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize("unreadable", [[], [Unreadable(path='bad "one".md', line=3, message="not UTF-8\n\u00e9")]])
def test_json_written_piece_by_piece_is_the_one_shot_dump(unreadable):
    report = sample_report()
    report.unreadable = unreadable  # an empty list and a list of one, with a quote, a newline and an accent
    report.agreements = []
    whole = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    assert "".join(render_json(report)) == whole


def test_html_written_piece_by_piece_is_the_page(tmp_path):
    pieces = html_pieces(sample_report())
    atomic_write(tmp_path / "report.html", pieces)
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == render_html(sample_report())


def test_stream_that_fails_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.json"
    atomic_write(target, "old\n")

    def pieces():
        yield "new, half"
        raise ConsistencyError(target, "a writer failed")

    with pytest.raises(ConsistencyError, match="a writer failed"):
        atomic_write(target, pieces())
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_unknown_format_suggests_one(tmp_path):
    with pytest.raises(ConsistencyError, match="did you mean 'html'"):
        write_reports(sample_report(), tmp_path, ["htm"])
    assert list(tmp_path.iterdir()) == []  # nothing written before the check


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    atomic_write(target, "old\n")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("consistency.report.atomic.os.replace", fail)
    with pytest.raises(ConsistencyError, match="report.md: cannot write: disk full"):
        atomic_write(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_interrupted_report_leaves_old_files(tmp_path, monkeypatch):
    write_reports(sample_report(), tmp_path, ["sqlite"])
    before = (tmp_path / "consistency.db").read_bytes()

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("consistency.report.sqlite._fill", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_reports(sample_report(), tmp_path, ["sqlite"])
    assert (tmp_path / "consistency.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consistency.db", "metadata.json"]


def test_same_report_same_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_reports(sample_report(), first, ["html", "md", "json", "csv"])
    write_reports(sample_report(), second, ["html", "md", "json", "csv"])
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
