"""The options every command that reads articles shares, spelled once (sqlite-utils' ``output_options``).

A value comes from the command line, else the project's settings (config.py), else the built-in default.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .config import Settings, describe_folders, find_settings, read_settings, rule_folders, shipped_seeds_dir
from .errors import ConsistencyError, choose
from .safetext import clean

if TYPE_CHECKING:
    from .models import Rule

Destination = tuple[str, Path | None]  # a format, and the file it goes to (None: --output, else standard output)
COLOURS = {"error": "red", "warning": "yellow"}


def say(kind: str, message: object) -> None:
    """One line on stderr, ``error: ...`` or ``warning: ...``; control characters in it are escaped."""
    click.secho(f"{kind}: {clean(str(message))}", err=True, fg=COLOURS[kind])


def no_articles(paths: tuple[Path, ...] | list[Path]) -> None:
    """Say that no article was found under ``paths``."""
    say("error", f"{', '.join(map(str, paths))}: no articles (.txt, .md) found")


@dataclass(frozen=True)
class Project:
    """What a command runs with: the settings, the project's rules folder (layered over the shipped one), --quiet."""

    settings: Settings
    rules_dir: Path | None
    quiet: bool
    rules: list[Rule] = field(default_factory=list)

    def provenance(self) -> str:
        """``settings: pyproject.toml [tool.consistency]; rules: shipped + rules``: the one-line notice."""
        return f"settings: {self.settings.describe()}; rules: {describe_folders(rule_folders(self.rules_dir))}"

    def corpus(self, paths: tuple[Path, ...] = ()) -> list[Path]:
        """The articles to read: the paths given, else the ``articles`` setting, else the shipped seeds."""
        return list(paths) or [self.settings.articles or shipped_seeds_dir()]

    def warn(self, message: str) -> None:
        """A warning on stderr, unless --quiet."""
        if not self.quiet:
            say("warning", message)

    def tell(self, problems: list, warnings: list[str]) -> None:
        """Each article that could not be read, as an error line (even with --quiet), then the warnings."""
        for problem in problems:
            say("error", problem)
        for warning in warnings:
            self.warn(warning)

    def note(self, message: str) -> None:
        """An informative line on stderr, unless --quiet."""
        if not self.quiet:
            click.echo(clean(str(message)), err=True)


@dataclass(frozen=True)
class ProjectOptions:
    """--config, --rules and --quiet as given; a command resolves them once its own options are checked."""

    config_file: Path | None
    rules_dir: Path | None
    quiet: bool

    def resolve(self) -> Project:
        """The settings and rules these options name (``resolve_project``)."""
        return resolve_project(self.config_file, self.rules_dir, self.quiet)


def project_options(fn):
    """--config, --rules and --quiet, passed to the command as one ``options: ProjectOptions`` argument."""

    @functools.wraps(fn)
    def command(*args, config_file: Path | None, rules_dir: Path | None, quiet: bool, **kwargs):
        return fn(*args, options=ProjectOptions(config_file, rules_dir, quiet), **kwargs)

    decorators = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Settings file (default: the nearest consistency.toml, or pyproject.toml with settings).",
        ),
        click.option(
            "--rules",
            "rules_dir",
            type=click.Path(file_okay=False, exists=True, path_type=Path),
            help="Project rules folder, layered over the shipped rules (default: its setting, or ./rules).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print findings and errors only: no notices or warnings."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def resolve_project(config_file: Path | None, rules_dir: Path | None, quiet: bool) -> Project:
    """Find the settings, apply --rules over them, read the rules and check the alias files, then say on stderr
    what is used (unless --quiet): a malformed file in any of them stops every command before it reads articles."""
    # Imported here: `consistency --help` should not wait for the vocabulary's libraries.
    from .extract.lexicon import check_alias_files
    from .rules import load_layered_rules

    settings = read_settings(config_file) if config_file else find_settings()
    chosen = rules_dir or settings.rules
    if chosen is not None and not chosen.is_dir():
        raise ConsistencyError(settings.source, f"rules folder not found: {chosen}")
    check_alias_files(chosen)
    project = Project(settings, chosen, quiet, load_layered_rules(chosen))
    project.note(f"consistency: {project.provenance()}")
    return project


def strict_option(fn):
    return click.option("--strict", is_flag=True, help="Exit 2 if any article cannot be read.")(fn)


def format_option(default: str, choices: tuple[str, ...], files: bool = True):
    """--format: a comma list; with ``files``, each item may name its own file (``sarif:results.sarif``)."""
    extra = " Each may name its own file: FORMAT:FILE." if files else ""
    return click.option(
        "--format", "fmt", default=None, help=f"Comma-separated: {', '.join(choices)} (default: {default}).{extra}"
    )


def parse_formats(value: str, choices: tuple[str, ...]) -> list[Destination]:
    """``github,sarif:out.sarif`` -> [("github", None), ("sarif", Path("out.sarif"))]; at most one without a file."""
    destinations: list[Destination] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        name, _, file = item.partition(":")
        destinations.append((choose("--format", name.strip(), choices), Path(file) if file else None))
    if not destinations:
        raise ConsistencyError(None, "--format: give at least one format")
    if sum(file is None for _, file in destinations) > 1:
        raise ConsistencyError(
            None,
            "--format: only one format can go to --output or standard output; give the others a file (FORMAT:FILE)",
        )
    return destinations
