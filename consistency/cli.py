"""The ``consistency`` command: parse options, call the library, choose the exit code.

Exit codes follow ruff: 0 success, 1 findings fail the gate, 2 the user's input
or configuration is wrong (one line naming the file and line, never a traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import ConsistencyError
from .safetext import clean

DEFAULT_SOURCES = Path(__file__).resolve().parents[1] / "seeds"


class Cli(click.Group):
    """Turns ConsistencyError into ``path:line: message`` and exit code 2; any other failure too, as one line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConsistencyError as err:
            say("error", err)
            ctx.exit(2)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as err:  # the last resort: exit 1 would read as "conflicts found" in CI
            say("error", f"internal error, please report it: {type(err).__name__}: {str(err)[:300]}")
            ctx.exit(2)


COLOURS = {"error": "red", "warning": "yellow"}


def say(kind: str, message: object) -> None:
    """One line on stderr, ``error: ...`` or ``warning: ...``; control characters in it are escaped."""
    click.secho(f"{kind}: {clean(str(message))}", err=True, fg=COLOURS[kind])


def no_articles(paths: tuple[Path, ...] | list[Path]) -> None:
    """Say that nothing could be read under ``paths``."""
    say("error", f"{', '.join(map(str, paths))}: no articles (.txt, .md) found")


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
def cli() -> None:
    """Check news articles for numbers and dates that disagree across sources."""


def sources_argument(fn):
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(fn)


def _load(paths: tuple[Path, ...], strict: bool):
    """Load sources, report each unreadable one on stderr, exit 2 if nothing (or anything, with --strict) failed."""
    from .load import load_sources

    paths = tuple(paths) or (DEFAULT_SOURCES,)
    result = load_sources(list(paths))
    for problem in result.problems:
        say("error", problem)
    for warning in result.warnings:
        say("warning", warning)
    if (strict and result.problems) or not result.sources:
        if not result.problems:
            no_articles(paths)
        sys.exit(2)
    return result


@cli.command()
@sources_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--strict", is_flag=True, help="Exit 2 if any source cannot be read.")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Rules folder (its aliases/ give the vocabulary).")
def extract(paths: tuple[Path, ...], fmt: str, output: Path | None, strict: bool, rules_dir: Path | None) -> None:
    """Extract every checkable claim from the articles in PATHS (default: the seeds).

    Example:

        consistency extract seeds --format json -o claims.json
    """
    from .extract import extract_claims
    from .extract.lexicon import default_lexicon
    from .output import render_claims, write_text

    result = _load(paths, strict)
    lexicon = default_lexicon(rules_dir)
    claims = [claim for source in result.sources for claim in extract_claims(source, lexicon)]
    text = render_claims(claims, fmt, color=output is None and sys.stdout.isatty())
    if output and str(output) != "-":
        write_text(output, text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def rules_option(fn):
    return click.option(
        "--rules", "rules_dir", type=click.Path(file_okay=False, path_type=Path),
        help="Folder of rule files (default: the shipped rules/).",
    )(fn)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@rules_option
@click.option("--output", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"), show_default=True, help="Folder for the report files.")
@click.option("--format", "formats", default="html,md,json,csv,sqlite", show_default=True, help="Comma-separated: html, md, json, csv, sqlite.")
@click.option("--strict", is_flag=True, help="Exit 2 if any source cannot be read.")
def report(paths: tuple[Path, ...], rules_dir: Path | None, out_dir: Path, formats: str, strict: bool) -> None:
    """Write a consistency report for the articles in PATHS (default: the seeds).

    Example:

        consistency report articles/ --format html,json -o reports/
    """
    from .report import write_reports
    from .summary import print_summary, run_with_progress

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    paths = tuple(paths) or (DEFAULT_SOURCES,)
    result = run_with_progress(list(paths), rules_dir)
    for problem in result.problems:
        say("error", problem)
    for warning in result.warnings:
        say("warning", warning)
    if not result.report.sources or (strict and result.problems):
        if not result.problems:
            no_articles(paths)
        sys.exit(2)
    written = write_reports(result.report, out_dir, chosen)
    print_summary(result.report, written)


@cli.command()
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@rules_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; beyond loopback needs --allow-remote.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other machines can reach; each request then needs the token in the printed address.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on (0: any free one).")
@click.option("--reviewer", help="Name recorded with each decision (default: git config user.name, else the login name).")
def review(path: Path | None, rules_dir: Path | None, host: str, allow_remote: bool, port: int,
           reviewer: str | None) -> None:
    """Review the conflicts in PATH (default: the seeds) in a local web page.

    Decisions go to PATH/reviews/decisions.jsonl; later reports and checks honour them.

    Example:

        consistency review articles/ --port 8765
    """
    from .pipeline import run
    from .review.app import address, create_app, default_reviewer, is_loopback, listen, serve

    import secrets

    corpus = path or DEFAULT_SOURCES
    access = None
    if not is_loopback(host):
        if not allow_remote:
            raise click.UsageError(f"--host {host} is reachable from other machines: add --allow-remote to mean it "
                                   "(each request then needs the access token printed with the address)")
        access = secrets.token_urlsafe(24)
        say("warning", f"listening on {host}: anyone with the printed address can read the articles and decide")
    result = run([corpus], rules_dir)
    for message in [*result.problems, *result.warnings]:
        say("warning", message)
    sock = listen(host, port)
    port = sock.getsockname()[1]
    app = create_app(corpus, result.report, reviewer or default_reviewer(corpus), host, port, access)
    url = address(host, port, access)
    click.echo(f"Reviewing {len(result.report.conflicts)} conflicts in {corpus} at {url} (Ctrl-C to stop)")
    serve(app, sock)


@cli.command("check")
@click.argument("path", required=False, default=Path("."), type=click.Path(exists=True, file_okay=False, path_type=Path))
@rules_option
@click.option("--since", metavar="GIT_REF", help="Only conflicts with a claim from a source added or changed since this git revision (or untracked) fail.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Conflicts whose fingerprints this file lists are known and do not fail.")
@click.option("--write-baseline", "new_baseline", type=click.Path(dir_okay=False, path_type=Path), help="Write every current conflict into this baseline file and exit 0.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="warning", show_default=True, help="The lowest severity that fails the gate.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif", "junit"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=Path(".consistency-cache"), show_default=True, help="Claims cache folder (git-ignored).")
@click.option("--no-cache", is_flag=True, help="Extract every article again; read and write no cache.")
def check_command(path: Path, rules_dir: Path | None, since: str | None, baseline: Path | None, new_baseline: Path | None,
                  fail_on: str, fmt: str, output: Path | None, cache_dir: Path, no_cache: bool) -> None:
    """Fail (exit 1) if the articles in PATH (default: .) hold conflicts that fail the gate; for CI.

    Exit codes: 0 nothing fails the gate, 1 a conflict fails it, 2 usage, configuration or input error.

    Examples:

        consistency check articles/ --since origin/main --format github

        consistency check articles/ --write-baseline consistency-baseline.json

        consistency check articles/ --baseline consistency-baseline.json --format sarif -o results.sarif
    """
    from contextlib import nullcontext

    from .cache import open_cache
    from .check import check
    from .gate import render
    from .gate.baseline import write_baseline
    from .gate.git import tracked
    from .gate.text import summarize
    from .report.atomic import atomic_write

    if new_baseline and (since or baseline):
        raise click.UsageError("--write-baseline records every conflict: give it without --since or --baseline")
    if not no_cache and tracked(cache_dir):
        # A committed cache is whatever the pull request wrote into it: claims it could have emptied.
        say("warning", f"{cache_dir}: the claims cache is tracked by git, so it is ignored (remove it from git)")
        no_cache = True
    with nullcontext() if no_cache else open_cache(cache_dir, rules_dir) as cache:
        if cache and cache.problem:
            say("warning", cache.problem)
        checked = check(path, rules_dir, since, baseline, fail_on, cache)
    for problem in checked.run.problems:
        say("error", problem)
    for warning in checked.warnings:
        say("warning", warning)
    if cache and cache.stats.hits:
        click.echo(f"{cache.stats.misses} sources extracted, {cache.stats.hits} from the cache", err=True)
    report = checked.run.report
    if not report.sources:
        if not checked.run.problems:
            no_articles([path])
        sys.exit(2)
    if new_baseline:
        write_baseline(new_baseline, report.conflicts, {claim.id: claim for claim in report.claims})
        click.echo(f"wrote {new_baseline} ({len(report.conflicts)} conflicts)", err=True)
        sys.exit(2 if checked.unreadable else 0)
    text = render(checked.result, fmt)
    if output and str(output) != "-":
        atomic_write(output, text, follow=True)
    else:
        click.echo(text, nl=False)
    if output or fmt != "text":
        click.echo(summarize(checked.result), err=True)
    # An article the gate had to check but could not read is an input error, whatever else was found.
    sys.exit(2 if checked.unreadable else 1 if checked.result.failed else 0)


@cli.group()
def rules() -> None:
    """Work with rule files."""


@rules.command("test")
@rules_option
def rules_test(rules_dir: Path | None) -> None:
    """Run every rule's examples and check each reaches its expected verdict."""
    from .examples import run_examples

    failures = 0
    for outcome in run_examples(rules_dir):
        mark = click.style("ok  ", fg="green") if outcome.passed else click.style("FAIL", fg="red")
        click.echo(f"{mark} {outcome.rule}:{outcome.example} expected {outcome.expected}, got {outcome.got}")
        failures += not outcome.passed
    if failures:
        click.secho(f"{failures} example(s) failed", fg="red", err=True)
        sys.exit(1)


def main() -> None:
    cli(prog_name="consistency")
