"""``consistency.db`` for datasette: tables sources, claims, topics, conflicts, agreements, plus metadata.json."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ..models import Report
from .atomic import atomic_path, atomic_write
from .flat import claim_columns, claim_rows

SCHEMA = """
CREATE TABLE sources (
    name TEXT PRIMARY KEY, outlet TEXT, url TEXT, title TEXT, author TEXT, published TEXT,
    published_from TEXT, body_start INTEGER, sha256 TEXT, warnings TEXT
);
CREATE TABLE topics (
    id TEXT PRIMARY KEY, label TEXT, kind TEXT, subject TEXT, measure TEXT, location TEXT,
    event_key TEXT, claims TEXT
);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, rule TEXT, topic TEXT REFERENCES topics(id), severity TEXT,
    claim_a TEXT REFERENCES claims(id), claim_b TEXT REFERENCES claims(id),
    claims TEXT, explanation TEXT, distance REAL
);
CREATE TABLE agreements (
    id INTEGER PRIMARY KEY, rule TEXT, topic TEXT REFERENCES topics(id), claims TEXT, explanation TEXT
);
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_measure ON claims(measure);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_outlet ON claims(outlet);
CREATE INDEX conflicts_topic ON conflicts(topic);
CREATE INDEX conflicts_rule ON conflicts(rule);
CREATE INDEX conflicts_severity ON conflicts(severity);
CREATE INDEX agreements_topic ON agreements(topic);
"""

# Column types of the claim table; the rest are TEXT.
CLAIM_TYPES = {"start": "INTEGER", "end": "INTEGER", "value_low": "REAL", "value_high": "REAL"}

# What datasette offers as facets on each table (`datasette consistency.db -m metadata.json`).
FACETS = {
    "claims": ["outlet", "measure", "subject", "kind", {"array": "location"}],
    "conflicts": ["severity", "rule", "topic"],
    "agreements": ["rule", "topic"],
    "topics": ["kind", "measure", "subject"],
    "sources": ["outlet", "published_from"],
}


def write(report: Report, out_dir: Path) -> list[Path]:
    """Write ``consistency.db`` and its datasette ``metadata.json``."""
    database = out_dir / "consistency.db"
    with atomic_path(database) as temporary:
        temporary.unlink()  # sqlite3 creates the file; a zero-byte file is not a database
        connection = sqlite3.connect(temporary)
        try:
            # No journal file: the database is built in a temporary file anyway.
            connection.execute("PRAGMA journal_mode = OFF")
            _fill(connection, report)
            connection.commit()
        finally:
            connection.close()
    return [database, atomic_write(out_dir / "metadata.json", render_metadata())]


def render_metadata() -> str:
    """datasette metadata: titles and facets for each table."""
    tables = {name: {"facets": facets} for name, facets in FACETS.items()}
    tables["claims"]["sortable_columns"] = ["source", "measure", "value_low", "value_high", "as_of_start"]
    metadata = {"title": "consistency report", "databases": {"consistency": {"tables": tables}}}
    return json.dumps(metadata, indent=2) + "\n"


def _fill(connection: sqlite3.Connection, report: Report) -> None:
    columns = [column.replace(".", "_") for column in claim_columns()]
    claim_table = ", ".join(
        f'"{column}" {CLAIM_TYPES.get(column, "TEXT")}' + (" PRIMARY KEY" if column == "id" else "")
        for column in columns
    )
    connection.execute(f"CREATE TABLE claims ({claim_table}, FOREIGN KEY (source) REFERENCES sources(name))")
    connection.executescript(SCHEMA)
    rows = [[_sql(value) for value in row.values()] for row in claim_rows(report)]
    _insert(connection, "claims", columns, rows)
    sources = [
        [
            s.name,
            s.outlet,
            s.url,
            s.title,
            s.author,
            _sql(s.published),
            s.published_from,
            s.body_start,
            s.sha256,
            _sql(s.warnings),
        ]
        for s in report.sources
    ]
    _insert(connection, "sources", _columns_of(connection, "sources"), sources)
    topics = [
        [t.id, t.label, t.kind, t.subject, t.measure, _sql(t.location), t.event_key, _sql(t.claims)]
        for t in report.topics
    ]
    _insert(connection, "topics", _columns_of(connection, "topics"), topics)
    conflicts = [
        [c.id, c.rule, c.topic, c.severity, *(c.claims + [None, None])[:2], _sql(c.claims), c.explanation, c.distance]
        for c in report.conflicts
    ]
    _insert(connection, "conflicts", _columns_of(connection, "conflicts"), conflicts)
    agreements = [
        [number, a.rule, a.topic, _sql(a.claims), a.explanation] for number, a in enumerate(report.agreements, 1)
    ]
    _insert(connection, "agreements", _columns_of(connection, "agreements"), agreements)


def _columns_of(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _insert(connection: sqlite3.Connection, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _sql(value: Any) -> Any:
    # Lists are JSON arrays, so datasette can facet on them ({"array": "location"}).
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value.isoformat() if hasattr(value, "isoformat") else value
