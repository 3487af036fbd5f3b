"""A claims cache, so CI does not re-read the archive on every pull request.

Claims per source, in SQLite under a cache folder, keyed by everything the
claims of a source depend on: its name, text and the metadata the extractor
reads, and the extractor's version. Rules are deliberately not in the key:
claims come from the extractor and the alias files alone, and rules only
compare them, so editing a rule must not throw the cache away.

The cache is an optimisation and is never trusted: a row is used only if its
key, extractor, checksum and claims all check out; a file SQLite cannot read
is deleted and rebuilt; a lock held by another process is a miss, not a wait.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from pydantic_core import from_json

from .config import alias_files, default_rules_dir, reference_files
from .errors import ConsistencyError
from .files import MAX_DATA_BYTES, read_bytes
from .models import Claim, Source
from .version import __version__

DB_NAME = "claims.sqlite3"
SCHEMA_VERSION = "2"  # bump when the tables or a row's format change; an older file is rebuilt
LOCK_TIMEOUT = 5.0  # seconds to wait for another process's write; then the cache is skipped, not waited on
FLUSH_EVERY = 500  # rows per transaction: one commit per article would dominate a cold run
# Libraries whose data changes what is extracted: country names (places) and lemmas (event keys).
EXTRACTION_LIBRARIES = ("pycountry", "simplemma", "python-dateutil")
# The extractor's own code: editing it without bumping __version__ (a checkout between releases) must invalidate too.
EXTRACTOR_CODE = ("extract/*.py", "textnorm.py", "models.py")

_CLAIMS = TypeAdapter(list[Claim])
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    extractor TEXT NOT NULL,
    digest TEXT NOT NULL,
    claims TEXT NOT NULL
);
"""


def extractor_version(rules_dir: Path | None = None) -> str:
    """A hash of what extraction depends on: the package version, its extractor code, the alias files and reference
    tables (shipped, and ``rules_dir``'s over them), and libraries."""
    digest = hashlib.sha256(f"consistency {__version__}\n".encode())
    package = Path(__file__).resolve().parent
    for pattern in EXTRACTOR_CODE:
        for path in sorted(package.glob(pattern)):
            _add_file(digest, path.relative_to(package).as_posix(), path)
    shipped = default_rules_dir()
    for path in [*(p for paths in alias_files(rules_dir).values() for p in paths), *reference_files(rules_dir)]:
        # Shipped files by their place in the package, a project's by path: moving the install changes nothing.
        _add_file(digest, path.relative_to(shipped).as_posix() if path.is_relative_to(shipped) else str(path), path)
    for library in EXTRACTION_LIBRARIES:
        try:
            digest.update(f"{library} {version(library)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{library} -\n".encode())
    return digest.hexdigest()[:16]


def _add_file(digest, name: str, path: Path) -> None:
    try:
        content = read_bytes(path, MAX_DATA_BYTES, "alias file")
    except ConsistencyError:
        content = b"\x00unreadable"  # the lexicon will report it (if it reads the file); the key must still differ
    digest.update(f"{name} {len(content)}\n".encode())
    digest.update(content)


def source_key(source: Source, extractor: str) -> str:
    """The cache key of a source: everything ``extract_claims`` reads from it, and the extractor version."""
    parts = {
        "extractor": extractor,
        "name": source.name,
        "sha256": source.sha256,
        "published": source.published.isoformat() if source.published else None,
        "body_start": source.body_start,
        "skip": [list(span) for span in source.skip],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


class ClaimCache:
    """Claims per source in ``folder/claims.sqlite3``; a cache that cannot be used degrades to no cache."""

    def __init__(self, folder: Path, extractor: str) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.extractor = extractor
        self.stats = CacheStats()
        self.problem: str | None = None  # why the cache is off, for a warning
        self._pending: list[tuple[str, str, str, str, str]] = []
        self._purged = False  # rows of other extractor versions deleted (once: it reads the whole table)
        self._released = False  # closed for a fork (see release); opened again when next used
        self._db: sqlite3.Connection | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            # Like .pytest_cache: never committed, whatever the project's .gitignore says.
            if not os.path.lexists(ignore):
                descriptor = os.open(ignore, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
                with os.fdopen(descriptor, "w") as file:
                    file.write("# created by consistency\n*\n")
        except OSError as err:
            self.problem = f"{self.folder}: cannot create the cache folder ({err.strerror}); running without a cache"
            return
        # SQLite follows links: a cache file (or folder) linked elsewhere would be written there.
        for path in (self.folder, self.path):
            if path.is_symlink() or (path is self.path and path.exists() and not path.is_file()):
                self.problem = f"{path}: not a regular file or folder (a link?); running without a cache"
                return
        self._db = self._open()

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _open(self) -> sqlite3.Connection | None:
        """Open the database, rebuilding it once if it is corrupt or of another schema."""
        for attempt in range(2):
            try:
                return self._connect()
            except sqlite3.OperationalError as err:  # locked or unwritable: leave it for its owner
                self.problem = f"{self.path}: cache unavailable ({err}); running without it"
                return None
            except sqlite3.DatabaseError:
                if attempt == 0:
                    self._delete()
        self.problem = f"{self.path}: cache is corrupt and could not be rebuilt; running without it"
        return None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # readers never block the one writer
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                # A new file: the write lock is taken only here, so opening a warm cache never waits on a writer.
                db.execute("BEGIN IMMEDIATE")
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                db.execute("COMMIT")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schema {row[0] if row else None}, expected {SCHEMA_VERSION}")
        except BaseException:
            db.close()
            raise
        return db

    def _delete(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def get(
        self, source: Source, keep: Callable[[str, str | None, str | None], bool] | None = None, fresh: bool = False
    ) -> list[Claim] | None:
        """The cached claims of ``source`` (only those ``keep`` accepts, when given), or None on a miss (or anything
        doubtful, or when ``fresh``: a source that must be extracted again whatever the cache holds).

        ``keep`` sees each claim's kind, measure and event key, read from its JSON before the claim is validated: a CI
        check builds only the archive's claims that can share a topic with the new article's, instead of all of them
        (most of a warm run's time otherwise).
        """
        claims = None if fresh else self._read(source, keep)
        if claims is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return claims

    def _read(self, source: Source, keep: Callable[[str, str | None, str | None], bool] | None) -> list[Claim] | None:
        if self._connected() is None:
            return None
        try:
            row = self._db.execute(
                "SELECT source, extractor, digest, claims FROM claims WHERE key = ?",
                (source_key(source, self.extractor),),
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        except sqlite3.DatabaseError:
            self._rebuild()
            return None
        if row is None:
            return None
        name, extractor, digest, payload = row
        if name != source.name or extractor != self.extractor or hashlib.sha256(payload.encode()).hexdigest() != digest:
            return None
        # A row is an index line of (kind, measure, event key) per claim, then a line per claim: a warm check parses
        # only the claims that can meet the new article's, not the whole archive's (most of its time otherwise).
        index, *lines = payload.split("\n")
        try:
            if keep is not None:
                keys = from_json(index)
                if len(keys) != len(lines):
                    return None
                lines = [
                    line
                    for line, (kind, measure, event_key) in zip(lines, keys, strict=True)
                    if keep(kind, measure, event_key)
                ]
            claims = _CLAIMS.validate_json(f"[{','.join(lines)}]")
        except (ValidationError, ValueError, TypeError):
            return None
        # The offsets must still point at the claimed words, or the row is not this source's.
        if any(c.source != source.name or source.text[c.start : c.end] != c.text for c in claims):
            return None
        return claims

    def put(self, source: Source, claims: list[Claim]) -> None:
        """Remember the claims of ``source``; written in batches (see flush)."""
        if self._connected() is None:
            return
        index = json.dumps(
            [[c.kind, c.measure, c.event_key] for c in claims], ensure_ascii=False, separators=(",", ":")
        )
        lines = [c.model_dump_json() for c in claims]  # JSON escapes line breaks: one claim, one line
        payload = "\n".join([index, *lines])
        digest = hashlib.sha256(payload.encode()).hexdigest()
        self._pending.append((source_key(source, self.extractor), source.name, self.extractor, digest, payload))
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows in one transaction, dropping rows of other extractor versions the first time."""
        if not self._pending or self._connected() is None:
            return
        rows, self._pending = self._pending, []
        try:
            self._db.execute("BEGIN IMMEDIATE")
            if not self._purged:
                self._db.execute("DELETE FROM claims WHERE extractor != ?", (self.extractor,))
            self._db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?)", rows)
            self._db.execute("COMMIT")
            self._purged = True
        except sqlite3.OperationalError:  # another writer holds the lock: skip, the next run writes them
            self._rollback()
        except sqlite3.DatabaseError:
            self._rebuild()

    def _rollback(self) -> None:
        try:
            self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _rebuild(self) -> None:
        self._close_db()
        self._delete()
        self._db = self._open()

    def _close_db(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def close(self) -> None:
        """Write what is pending and close the database."""
        self.flush()
        self._close_db()

    def release(self) -> None:
        """Write what is pending and close the connection until the cache is next used: before forking workers that
        open connections of their own (SQLite's state must not cross a fork into a process that uses the file)."""
        if self._db is not None:
            self.close()
            self._released = True

    def _connected(self) -> sqlite3.Connection | None:
        if self._released:
            self._released = False
            self._db = self._open()
        return self._db


def open_cache(folder: Path, rules_dir: Path | None = None) -> ClaimCache:
    """The claims cache in ``folder`` for the extractor and alias files of ``rules_dir``."""
    return ClaimCache(folder, extractor_version(rules_dir))
