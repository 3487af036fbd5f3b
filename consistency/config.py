"""Where settings and shipped data come from: the one place that finds them.

Shipped data (rules, alias files, gazetteers, reference tables, the seed articles) lives inside the package,
under ``consistency/data/``, and is located with ``importlib.resources``, so a wheel installed anywhere finds
it. The checkout's top-level ``rules`` and ``seeds`` are symlinks into that folder, so the files have one home
and an editable install reads the same bytes a wheel ships.

A project's settings are found the way ruff and sqlfluff find theirs: from the working folder upward to the
repository root, the first ``consistency.toml`` or ``pyproject.toml`` with a ``[tool.consistency]`` table;
without one, a ``./rules`` folder. A project's rules folder is layered over the shipped one.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConsistencyError
from .severity import FAIL_ON

PROJECT_FILES = ("consistency.toml", "pyproject.toml")  # in one folder, the first one found wins
# Setting -> the type its TOML value must have; paths are relative to the file that sets them.
KEYS: dict[str, type] = {
    "rules": str,
    "articles": str,
    "cache-dir": str,
    "fail-on": str,
    "format": str,
    "report-format": str,
}
PATH_KEYS = ("rules", "articles", "cache-dir")
# Inside a rules folder: the alias files that extend the extractor's vocabulary, and the reference tables.
ALIASES = "aliases"
REFERENCE = "reference"
# The vocabularies an alias file can extend, by the start of its name: "entities-newsroom.yaml" adds entities.
VOCABULARIES = ("measures", "units", "entities", "places", "events")
# name<TAB>country tables: places ("regions.tsv", "cities-local.tsv") and the adjectives of countries ("demonyms.tsv")
GAZETTEERS = ("regions", "cities", "capitals", "demonyms")


def shipped_data() -> Path:
    """The package's data folder (a real folder: wheels are installed unpacked, never imported from a zip)."""
    return Path(str(resources.files("consistency") / "data"))


def default_rules_dir() -> Path:
    """The rules, alias files and reference tables that ship with the package: the bottom layer of every run."""
    return shipped_data() / "rules"


def shipped_seeds_dir() -> Path:
    """The seed articles that ship with the package: the default corpus of every command."""
    return shipped_data() / "seeds"


def rule_folders(rules_dir: Path | None = None) -> tuple[Path, ...]:
    """The rules folders in layering order: the shipped one, then ``rules_dir`` (a project's), unless it is the same."""
    shipped = default_rules_dir()
    if rules_dir is None or _same(rules_dir, shipped):
        return (shipped,)
    return shipped, Path(rules_dir)


def alias_files(rules_dir: Path | None) -> dict[str, list[Path]]:
    """Vocabulary -> its alias files, shipped first, then those of ``rules_dir``'s ``aliases/`` (a project's)."""
    files: dict[str, list[Path]] = {kind: [] for kind in (*VOCABULARIES, *GAZETTEERS)}
    for layer, folder in enumerate(rule_folders(rules_dir)):
        aliases = folder / ALIASES
        if layer == 0:  # the shipped vocabulary must be whole; a project's adds what it needs
            for kind in VOCABULARIES:
                if not (aliases / f"{kind}.yaml").is_file():
                    raise ConsistencyError(aliases / f"{kind}.yaml", "alias file missing")
        for path in sorted(aliases.iterdir()) if aliases.is_dir() else []:
            kinds = VOCABULARIES if path.suffix in (".yaml", ".yml") else GAZETTEERS if path.suffix == ".tsv" else None
            if kinds is None:  # a README or an editor's backup is not vocabulary
                continue
            kind = re.match(r"[a-z]+", path.name)
            if kind is None or kind.group() not in kinds:
                raise ConsistencyError(
                    path,
                    "an alias file's name starts with what it extends: "
                    f"{', '.join(VOCABULARIES)} (.yaml) or {', '.join(GAZETTEERS)} (.tsv)",
                )
            files[kind.group()].append(path)
    return files


def reference_files(rules_dir: Path | None) -> list[Path]:
    """The shipped ``reference/*.yaml|*.yml|*.csv`` tables, then those of ``rules_dir`` (a project's)."""
    folders = [folder / REFERENCE for folder in rule_folders(rules_dir)]
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".csv"))
    ]


def describe_folders(folders: tuple[Path, ...]) -> str:
    """``shipped + newsroom/rules``: the rules folders as the one-line notice and the reports name them."""
    shipped = default_rules_dir()
    return " + ".join("shipped" if _same(folder, shipped) else display(folder) for folder in folders)


@dataclass(frozen=True)
class Settings:
    """A project's settings, each None where nothing set it; ``source`` is the file they came from."""

    source: Path | None = None
    rules: Path | None = None
    articles: Path | None = None
    cache_dir: Path | None = None
    fail_on: str | None = None
    format: str | None = None
    report_format: str | None = None

    def describe(self) -> str:
        """Where the settings came from, for the one-line notice: ``pyproject.toml [tool.consistency]``."""
        if self.source is None:
            return "defaults"
        return display(self.source) + (" [tool.consistency]" if self.source.name == "pyproject.toml" else "")


def find_settings(start: Path | None = None) -> Settings:
    """The settings of the project around ``start`` (default: the working folder), or the defaults."""
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        for name in PROJECT_FILES:
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return _settings(candidate, table)
        if (folder / ".git").exists():  # the repository root: a setting above it belongs to another project
            break
    local = here / "rules"
    return Settings(rules=local if local.is_dir() else None)


def read_settings(path: Path) -> Settings:
    """The settings in a file given with ``--config`` (a pyproject.toml needs a ``[tool.consistency]`` table)."""
    path = Path(path)
    if not path.is_file():
        raise ConsistencyError(path, "configuration file not found")
    table = _table(path)
    if table is None:
        raise ConsistencyError(path, "no [tool.consistency] table")
    return _settings(path, table)


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or err
        raise ConsistencyError(path, f"cannot read the configuration: {reason}") from None
    except tomllib.TOMLDecodeError as err:
        # tomllib puts the place at the end of its message: "Invalid value (at line 3, column 9)".
        found = re.search(r"\(at line (\d+), column \d+\)$", str(err))
        message = str(err)[: found.start()].strip() if found else str(err)
        raise ConsistencyError(path, f"malformed TOML: {message}", int(found.group(1)) if found else None) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("consistency") if isinstance(data.get("tool"), dict) else None
        return table if isinstance(table, dict) else None
    return data


def _settings(path: Path, table: dict[str, Any]) -> Settings:
    text = path.read_text(encoding="utf-8-sig")
    values: dict[str, Any] = {}
    for key, value in table.items():
        line = _line_of(text, key)
        if key not in KEYS:
            raise ConsistencyError(path, f"unknown setting {key!r} (known: {', '.join(KEYS)})", line)
        if not isinstance(value, KEYS[key]):
            raise ConsistencyError(path, f"{key}: expected a string, got {value!r}", line)
        if key == "fail-on" and value not in FAIL_ON:
            raise ConsistencyError(path, f"fail-on: expected one of {', '.join(FAIL_ON)}, got {value!r}", line)
        values[key.replace("-", "_")] = path.parent / value if key in PATH_KEYS else value
    if "rules" not in values and (path.parent / "rules").is_dir():
        values["rules"] = path.parent / "rules"
    return Settings(source=path, **values)


def _line_of(text: str, key: str) -> int | None:
    # tomllib keeps no positions; the key's first assignment is where a reader looks.
    found = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def display(path: Path) -> str:
    """A path relative to the working folder when it is under it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return absolute.as_posix()


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
