"""The command line: help and version, bad input as one line and the right exit code, formats."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from contract import CLAIM_FIELDS
from seedmatch import SEEDS

from consistency.cli import cli

GOOD = "---\noutlet: Wire\npublished: 2024-01-25\n---\nAbout 2,500 U.S. troops remain in Iraq, officials said.\n"
# name -> bytes of a bad article, and the words its one-line error must contain
BAD_SOURCES = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\n\t\n", "empty file"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "junk.txt": (b"garbage\x00\x81\x82\xff" * 40, "binary"),
    "bad-front-matter.md": (
        b"---\noutlet: [unclosed\npublished: 2024-01-01\n---\nText with 40 fighters.\n",
        "front matter",
    ),
}

# Metadata a scraper got wrong: the field is warned about by name and the article is still read.
BAD_METADATA = {
    "published: not-a-date": "published",
    "published: unknown": "published",
    "published: soon": "published",
    "url: [not, text]": "url",
    "outlet: {name: x}": "outlet",
}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_help_and_version():
    for command in ([], ["extract"], ["report"], ["rules"], ["rules", "test"]):
        result = invoke(*command, "--help")
        assert result.exit_code == 0 and "Usage" in result.output, result.output
    assert re.search(r"\d+\.\d+", invoke("--version").output)


@pytest.mark.parametrize("name", BAD_SOURCES)
def test_bad_source_is_one_line_and_others_still_run(tmp_path, name):
    content, words = BAD_SOURCES[name]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.md").write_text(GOOD)
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1 and words in lines[0], result.stderr
    claims = json.loads(result.stdout)
    assert [c["text"] for c in claims if c["kind"] == "quantity"] == ["About 2,500 U.S. troops"]
    strict = invoke("extract", str(tmp_path), "--strict")
    assert strict.exit_code == 2


@pytest.mark.parametrize("field", BAD_METADATA)
def test_unreadable_metadata_is_a_warning_and_the_article_is_read(tmp_path, field):
    (tmp_path / "odd.md").write_text(f"---\n{field}\n---\nAbout 40 fighters remain in the town.\n")
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "odd.md" in line and BAD_METADATA[field] in line]
    assert len(warned) == 1, result.stderr
    assert [c["text"] for c in json.loads(result.stdout)] == ["About 40 fighters"]


def test_nothing_readable_is_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 2 and "empty.txt" in result.stderr


def test_missing_path_is_exit_2(tmp_path):
    result = invoke("extract", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "no such file" in result.stderr and "Traceback" not in result.output


def test_malformed_manifest_names_file_and_line_and_keeps_articles(tmp_path):
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  outlet: [oops\n")
    (tmp_path / "a.txt").write_text("Thursday, January 25, 2024\n\nThe group has 300 fighters in Mali.\n")
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert re.search(r"sources\.yaml:\d+: invalid YAML", result.stderr), result.stderr
    claims = json.loads(result.stdout)
    assert any(c["text"].startswith("300 fighters") for c in claims)


def test_utf16_and_latin1_articles_are_decoded(tmp_path):
    text = "NIAMEY — About 1,200 soldiers remain in Niger, officials said at the café."
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes(text.replace("—", "-").encode("latin-1"))
    result = invoke("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    texts = [c["text"] for c in json.loads(result.stdout)]
    assert texts.count("About 1,200 soldiers") == 2, texts


def test_offsets_point_into_the_text_as_read():
    result = invoke("extract", str(SEEDS), "--format", "jsonl")
    for line in result.stdout.splitlines():
        claim = json.loads(line)
        text = (SEEDS / claim["source"]).read_text(encoding="utf-8-sig")
        assert text[claim["start"] : claim["end"]] == claim["text"]


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "json"])
def test_extract_formats(fmt, tmp_path):
    out = tmp_path / f"claims.{fmt}"
    result = invoke("extract", str(SEEDS), "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    body = out.read_text()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert rows and {"id", "source", "start", "end", "text", "value.low", "value.high", "outlet"} <= set(rows[0])
    elif fmt == "json":
        assert CLAIM_FIELDS <= set(json.loads(body)[0])
    else:
        assert "2,500" in body


def test_extract_csv_is_the_reports_claims_csv(tmp_path):
    """One claim table: the columns, cells and rows of ``extract --format csv`` are those of claims.csv."""
    extracted = invoke("extract", str(SEEDS), "--format", "csv", "-o", str(tmp_path / "extract.csv"), "-q")
    reported = invoke("report", str(SEEDS), "--format", "csv", "--output-dir", str(tmp_path), "--no-cache", "-q")
    assert extracted.exit_code == reported.exit_code == 0, extracted.output + reported.output
    assert (tmp_path / "extract.csv").read_text() == (tmp_path / "claims.csv").read_text()


def test_extract_json_shows_what_the_story_tells(tmp_path):
    """An undated article's "April 20" is dated by its story: extract's JSON holds the claims the report reads,
    while the streamed jsonl holds what the article tells alone."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "dated.md").write_text(
        "---\npublished: 2010-05-14\n---\nAfter the explosion on April 20, BP said the well in the Gulf of Mexico "
        "leaked 1,000 barrels a day.\n"
    )
    (corpus / "undated.md").write_text(
        "Since the April 20 explosion, the well in the Gulf of Mexico has leaked 5,000 barrels a day, BP said.\n"
    )
    assert invoke("extract", str(corpus), "--format", "json", "-o", str(tmp_path / "claims.json")).exit_code == 0
    assert invoke("extract", str(corpus), "--format", "jsonl", "-o", str(tmp_path / "claims.jsonl")).exit_code == 0
    reported = invoke("report", str(corpus), "--format", "json", "--output-dir", str(tmp_path / "r"), "--no-cache")
    assert reported.exit_code in (0, 1), reported.output
    extracted = json.loads((tmp_path / "claims.json").read_text())
    assert extracted == json.loads((tmp_path / "r" / "report.json").read_text())["claims"]
    alone = [json.loads(line) for line in (tmp_path / "claims.jsonl").read_text().splitlines()]

    def year(claims):
        return next(c["as_of"]["start"] for c in claims if c["source"] == "undated.md" and c["text"][:5] == "5,000")

    assert (year(extracted), year(alone)) == ("2010-01-01", None)


def test_extract_json_dates_an_undated_articles_day_by_its_story(tmp_path):
    """An undated article's "On 15 January" is in the year its story's dated articles give "Jan. 12": its count
    holds on that day, while a count beside "since" a day stays over the year."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "dated.md").write_text(
        "---\npublished: 2010-01-25\n---\nThe Jan. 12 earthquake in Haiti killed 150,000 people, the government said.\n"
    )
    (corpus / "undated.md").write_text(
        "The Jan. 12 earthquake in Haiti struck near the capital.\n\nOn 15 January, the Red Cross estimated that the "
        "earthquake had killed 45,000 people in Haiti. Since Jan. 12, aid groups have fed 90,000 people in Haiti.\n"
    )
    assert invoke("extract", str(corpus), "--format", "json", "-o", str(tmp_path / "claims.json")).exit_code == 0
    claims = {c["text"]: c["as_of"] for c in json.loads((tmp_path / "claims.json").read_text())}
    assert (claims["45,000 people"]["start"], claims["45,000 people"]["end"]) == ("2010-01-15", "2010-01-15")
    assert claims["90,000 people"]["start"] != claims["90,000 people"]["end"]


def test_bad_rule_file_is_one_line(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    (rules / "CC999-typo.yaml").write_text(
        "code: CC999\ndescription: typo\ncompare: interval_overlap\ntolerence: {about: 0.1}\nmessage: x\n"
    )
    for command in (
        ["report", str(SEEDS), "--rules", str(rules), "--output", str(tmp_path / "r")],
        ["rules", "test", "--rules", str(rules)],
    ):
        result = invoke(*command)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert re.search(
            r"CC999-typo\.yaml:4: tolerence: unknown field 'tolerence' — did you mean 'tolerance'\?", result.stderr
        ), result.stderr
    assert not (tmp_path / "r").exists()


def test_report_writes_every_format(tmp_path):
    result = invoke("report", str(SEEDS), "--output", str(tmp_path))
    assert result.exit_code == 0, result.output
    for name in ("report.html", "report.md", "report.json", "claims.csv", "consistency.db"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert "conflicts" in result.stdout
    assert not list(tmp_path.glob(".*.tmp"))


def test_report_unknown_format_is_exit_2(tmp_path):
    result = invoke("report", str(SEEDS), "--output", str(tmp_path), "--format", "htm")
    assert result.exit_code == 2 and "did you mean 'html'" in result.stderr


def test_format_is_a_comma_list_whose_items_may_name_their_own_file(tmp_path):
    result = invoke(
        "extract", str(SEEDS), "--format", f"json,csv:{tmp_path / 'claims.csv'}", "-o", str(tmp_path / "claims.json")
    )
    assert result.exit_code == 0, result.output
    claims = json.loads((tmp_path / "claims.json").read_text())
    assert len(list(csv.DictReader(io.StringIO((tmp_path / "claims.csv").read_text())))) == len(claims) > 0


@pytest.mark.parametrize(
    "command, fmt, message",
    [
        ("extract", "json,csv", "only one format can go to --output or standard output"),
        ("extract", "jsn", "did you mean 'json'"),
        ("check", "gitlb", "did you mean 'gitlab'"),
    ],
)
def test_bad_format_lists_are_exit_2(command, fmt, message):
    result = invoke(command, str(SEEDS), "--format", fmt)
    assert result.exit_code == 2 and message in result.stderr, result.output


@pytest.mark.parametrize(
    "command", [["extract"], ["report", "--output-dir", "out"], ["check"], ["review", "--port", "1"]]
)
def test_strict_makes_any_unreadable_article_exit_2(command, tmp_path, monkeypatch):
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.md").write_bytes(b"\x00\x01binary")
    monkeypatch.chdir(tmp_path)
    result = invoke(*command, str(corpus), "--strict", "--quiet")
    assert result.exit_code == 2 and "broken.md" in result.stderr, result.output
