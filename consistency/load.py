"""Folder, front matter and ``sources.yaml`` -> list of :class:`Source`.

Articles are untrusted: each file that cannot be read becomes one problem line
naming it, and the other files are still loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import ConsistencyError
from .extract.addresses import url_date
from .extract.dates import MONTH_NAMES, MONTHS, WEEKDAYS, lines_end
from .files import read_bytes
from .models import Source
from .yamlload import load_yaml, read_yaml

ARTICLE_SUFFIXES = {".txt", ".md"}
MANIFEST = "sources.yaml"
MAX_BYTES = 20 * 1024 * 1024  # an article over 20 MiB is a mistake (a dump, a binary), not news
METADATA_FIELDS = ("outlet", "url", "published", "title", "author")

# "---\n<yaml>\n---\n" at the very top of a file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.{0,65536}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_MONTHS = "|".join(name.capitalize() for name in MONTH_NAMES)
_WEEKDAYS = "|".join(day.capitalize() for day in WEEKDAYS)
# "Thursday, January 25, 2024" or "January 25, 2024" in the first lines: a dateline.
_DATELINE = re.compile(
    rf"^[^\n]{{0,80}}?\b(?:(?:{_WEEKDAYS}),? )?"
    rf"({_MONTHS}) (\d{{1,2}}),? (\d{{4}})\b[^\n]{{0,40}}$",
    re.M,
)

DATELINE_LINES = 3  # the dateline sits in the first three non-empty lines
# Besides its date, a dateline holds a few words and perhaps a clock time: "By Jane Doe | January 25, 2024 3:45 PM".
DATELINE_WORDS = 10
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")

# Control characters no article contains (tab, line breaks and form feed aside): a sign of binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass
class LoadResult:
    """What could be read, and one line per file that could not (or only partly)."""

    sources: list[Source] = field(default_factory=list)
    problems: list[ConsistencyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_articles(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(corpus root, file) for every article under the given folders and files, sorted."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            # Not only regular files: a FIFO or a link to /dev/zero named like an article is refused with a line.
            # os.walk, not Path.rglob: an archive has thousands of files, and a warm check reads the list every run;
            # like rglob it does not descend into linked folders.
            files = []
            for folder, folders, names in os.walk(path):
                folders[:] = [name for name in folders if not name.startswith(".")]  # ".git", ".consistency-cache"
                files += [
                    Path(folder, name)
                    for name in names
                    if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
                ]
            found += [(path, f) for f in sorted(files)]
        elif os.path.exists(path):
            found.append((path.parent, path))
        else:
            raise ConsistencyError(path, "no such file or folder")
    return found


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), else a confidently detected encoding; binary is refused."""
    if not raw.strip():
        raise ConsistencyError(path, "empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Windows exports)
        try:
            return raw.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            raise ConsistencyError(path, "cannot decode as UTF-16 despite its byte-order mark") from None
    if b"\x00" in raw[:8192]:
        raise ConsistencyError(path, "binary file (NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        best = from_bytes(raw).best()
        if best is None or best.encoding in {"utf_8", "utf_8_sig"}:
            line = raw[: err.start].count(b"\n") + 1
            raise ConsistencyError(
                path, f"cannot decode as UTF-8 (byte 0x{raw[err.start]:02x}) nor detect its encoding", line
            ) from None
        text = str(best)
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise ConsistencyError(path, "binary file (control characters), not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_manifest(folder: Path) -> dict[str, dict]:
    """``sources.yaml`` beside the articles: a list of {file: ..., outlet: ..., ...}."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    _, entries = read_yaml(path, "manifest")
    if entries is None:
        return {}
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "file" in e for e in entries):
        raise ConsistencyError(path, "expected a list of entries, each with a 'file' field", 1)
    return {str(e["file"]): e for e in entries}


def _metadata(entry: dict, where: Path, warnings: list[str]) -> dict:
    """The known metadata fields of a front matter or manifest entry; a field that cannot be read is
    warned about and left out, so the article is still read ("published: unknown" is common in scraped copy)."""
    meta = {k: entry[k] for k in METADATA_FIELDS if entry.get(k) is not None}
    if "published" in meta:
        published = _as_date(meta.pop("published"))
        if published is None:
            warnings.append(f"{where}: published: {str(entry['published'])[:40]!r} is not a date (YYYY-MM-DD); ignored")
        else:
            meta["published"] = published
    for key in ("outlet", "url", "title", "author"):
        if key in meta:
            if isinstance(meta[key], (dict, list)):
                warnings.append(f"{where}: {key}: expected text, not a {type(meta[key]).__name__}; ignored")
                del meta[key]
            else:
                meta[key] = str(meta[key])
    return meta


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# "outlet: Voice of America": a front matter line whose value no YAML rule could read otherwise.
_PLAIN_FIELD = re.compile(r"([A-Za-z_][\w-]{0,40}):(?:[ \t]+([^\s'\"\[\]{}&*!|>%@`#,:?-][^:#\n]{0,500}?))?[ \t]*")
_YAML_WORDS = re.compile(r"(?i)^(?:y|n|yes|no|true|false|on|off|null|~|=|<<|[-+.\d].*)$")  # "<<": a merge key
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # 2024-09-27: YAML reads it as a date that prints the same


def _plain_fields(block: str) -> dict | None:
    """Front matter of plain "key: text" lines, read without a YAML parser (a warm CI check reads thousands);
    None for anything else (quotes, lists, numbers, booleans, dates but ``published``'s day), which YAML then reads."""
    data: dict[str, str | None] = {}
    for line in block.splitlines():
        match = _PLAIN_FIELD.fullmatch(line)
        if not match or match.group(1) in data:
            return None
        value = match.group(2)
        if (
            value is not None
            and _YAML_WORDS.match(value)
            and not (match.group(1) == "published" and _ISO_DAY.fullmatch(value))
        ):
            return None
        data[match.group(1)] = value
    return data


def _front_matter(path: Path, text: str, warnings: list[str]) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    data = _plain_fields(match.group(1))
    if data is None:
        try:
            data = load_yaml(path, match.group(1), first_line=2)
        except ConsistencyError as err:
            raise ConsistencyError(path, f"front matter: {err.message}", err.line or 1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConsistencyError(path, "front matter must be a mapping of fields", 2)
    return _metadata(data, path, warnings), match.end()


def dateline(text: str, body_start: int = 0) -> tuple[date, tuple[int, int]] | None:
    """A publication date from a dateline in the first lines, with the line's span."""
    head_end = lines_end(text, body_start, DATELINE_LINES)
    match = _DATELINE.search(text, body_start, head_end)
    if not match:
        return None
    rest = text[match.start() : match.start(1)] + text[match.end(3) : match.end()]
    if re.search(r"\d", _CLOCK.sub("", rest)) or len(rest.split()) > DATELINE_WORDS:
        return None  # "As many as 1.4 million people could be infected by January 20, 2015.": a sentence
    month = MONTHS[match.group(1).lower()]
    try:
        return date(int(match.group(3)), month, int(match.group(2))), match.span()
    except ValueError:
        return None


def _relative_name(root: Path, path: Path) -> str:
    """``path`` below ``root`` in POSIX form ("gulf/001.md"): string work, which thousands of files make worth it."""
    prefix = os.path.join(str(root), "")
    text = str(path)
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def load_source(root: Path, path: Path, manifest: dict[str, dict]) -> Source:
    """Read one article with its metadata; raises ConsistencyError naming the file."""
    raw = read_bytes(path, MAX_BYTES, "article")
    text = decode(path, raw)
    name = _relative_name(root, path)
    warnings: list[str] = []
    meta, body_start = _front_matter(path, text, warnings)
    published_from = "front_matter" if "published" in meta else None
    entry = manifest.get(name) or manifest.get(path.name)
    if entry:
        for key, value in _metadata(entry, root / MANIFEST, warnings).items():
            meta.setdefault(key, value)
        if published_from is None and "published" in meta:
            published_from = "manifest"
    found = dateline(text, body_start)
    skip = [found[1]] if found else []  # a dateline dates the article, not an event in it
    if "published" not in meta:
        if found:
            meta["published"] = found[0]
            published_from = "dateline"
        elif url_date(meta.get("url")):
            meta["published"] = url_date(meta.get("url"))
            published_from = "url"
        else:
            warnings.append(
                f"{path}: no publication date (front matter, {MANIFEST}, dateline or address); "
                "relative dates stay unresolved"
            )
    return Source(
        name=name,
        path=path,
        text=text,
        body_start=body_start,
        published_from=published_from,
        skip=skip,
        warnings=warnings,
        **meta,
    )


def load_sources(paths: list[Path]) -> LoadResult:
    """Load every article under ``paths``; problems are collected, not raised."""
    result = LoadResult()
    manifests: dict[Path, dict[str, dict]] = {}
    for root, path in find_articles(paths):
        if root not in manifests:
            manifests[root] = {}
            try:
                manifests[root] = read_manifest(root)
            except ConsistencyError as err:  # the articles still load, without the manifest's metadata
                result.problems.append(err)
        try:
            source = load_source(root, path, manifests[root])
        except ConsistencyError as err:
            result.problems.append(err)
            continue
        result.sources.append(source)
        result.warnings += source.warnings
    return result
