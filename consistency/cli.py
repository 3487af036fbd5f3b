"""The ``consistency`` command: parse options, call the library, choose the exit code.

Exit codes follow ruff: 0 success, 1 findings fail the gate, 2 the user's input
or configuration is wrong (one line naming the file and line, never a traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import ConsistencyError
from .options import (
    Project,
    ProjectOptions,
    format_option,
    no_articles,
    parse_formats,
    project_options,
    say,
    strict_option,
)
from .severity import FAIL_ON
from .version import __version__


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


def _tell_failed(project: Project, failed: dict[str, ConsistencyError], strict: bool) -> None:
    """One error line for each source the extractor failed on; with --strict, exit 2 after the others are out."""
    project.tell(list(failed.values()), [])
    if strict and failed:
        sys.exit(2)


def _stop_unless_read(problems: list, read_any: bool, strict: bool, paths: tuple[Path, ...]) -> None:
    """Exit 2 when no article could be read (saying so when none was found), or with --strict when any could not."""
    if (strict and problems) or not read_any:
        if not problems:
            no_articles(paths)
        sys.exit(2)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
def cli() -> None:
    """Check news articles for numbers and dates that disagree across sources."""


def sources_argument(fn):
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(fn)


def _load(project: Project, paths: tuple[Path, ...], strict: bool):
    """Load sources, report each unreadable one on stderr, exit 2 if nothing (or anything, with --strict) failed."""
    from .load import load_sources

    result = load_sources(project.corpus(paths))
    project.tell(result.problems, result.warnings)
    _stop_unless_read(result.problems, bool(result.sources), strict, paths)
    return result


EXTRACT_FORMATS = ("table", "json", "jsonl", "csv")
DEFAULT_CACHE = ".consistency-cache"


def jobs_option(fn):
    """--jobs: processes that extract claims."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1),
        default=None,
        help="Processes extracting claims (default: the machine's cores; 1: this process only).",
    )(fn)


def cache_options(fn):
    """--cache-dir and --no-cache, as on check."""
    fn = click.option("--no-cache", is_flag=True, help="Extract every article again; read and write no cache.")(fn)
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Claims cache folder, git-ignored (default: {DEFAULT_CACHE}).",
    )(fn)


@cli.command()
@sources_argument
@format_option("table", EXTRACT_FORMATS)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output."
)
@jobs_option
@strict_option
@project_options
def extract(
    paths: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    jobs: int | None,
    strict: bool,
    options: ProjectOptions,
) -> None:
    """Extract every checkable claim from the articles in PATHS (default: the articles setting, else the seeds).

    table and json show each claim as the report reads it, with what the other articles of its story tell (an
    undated article's year, an unplaced event's place); jsonl and csv are written as each article is done, so
    memory stays flat on any corpus, and show what each article tells alone.

    Example:

        consistency extract seeds --format json -o claims.json
    """
    from contextlib import ExitStack

    from .engine import default_jobs, extract_sources, extracted_or_failed
    from .output import render_claims, write_text
    from .report.atomic import atomic_path
    from .story import learn_from_story
    from .stream import STREAM_FORMATS, ClaimWriter, stream_claims
    from .summary import Stages

    project = options.resolve()
    destinations = parse_formats(fmt or "table", EXTRACT_FORMATS)
    result = _load(project, paths, strict)
    failed: dict[str, ConsistencyError] = {}  # sources the extractor failed on: one line each, the others kept
    extracted = extracted_or_failed(extract_sources(result.sources, project.rules_dir, jobs or default_jobs()), failed)
    with Stages(len(result.sources)) as stages:
        if all(name in STREAM_FORMATS for name, _ in destinations):
            with ExitStack() as files:
                writers = []
                for name, file in destinations:
                    target = file or output
                    if target is None:
                        writers.append(ClaimWriter(name, lambda text: click.echo(text, nl=False)))
                        continue
                    # Written beside the target and renamed when complete: a reader never sees half a file.
                    handle = files.enter_context(open(files.enter_context(atomic_path(target)), "w", encoding="utf-8"))
                    writers.append(ClaimWriter(name, handle.write))
                stream_claims(extracted, writers, stages.advance)
            _tell_failed(project, failed, strict)
            return
        claims = []
        kept = []
        for source, found in extracted:
            claims += found
            kept.append(source)
            stages.advance(source)
        claims = learn_from_story(claims, {s.name: s for s in kept})
    _tell_failed(project, failed, strict)
    for name, file in destinations:
        target = file or output
        text = render_claims(claims, name, result.sources, color=target is None and sys.stdout.isatty())
        if target and str(target) != "-":
            write_text(target, text)
        else:
            click.echo(text, nl=not text.endswith("\n"))


@cli.command()
@sources_argument
@click.option(
    "--output-dir",
    "--output",
    "-o",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Folder for the report files.",
)
@format_option("html,md,json,csv,sqlite", ("html", "md", "json", "csv", "sqlite"), files=False)
@jobs_option
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="dask: extract, group and compare on a Dask cluster (pip install 'consistency[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="--engine dask: the cluster's scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster).",
)
@cache_options
@strict_option
@project_options
def report(
    paths: tuple[Path, ...],
    out_dir: Path,
    fmt: str | None,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    strict: bool,
    options: ProjectOptions,
) -> None:
    """Write a consistency report for the articles in PATHS (default: the articles setting, else the seeds).

    \b
    Examples:
        consistency report articles/ --format html,json --output-dir reports/
        consistency report archive/ --engine dask --scheduler tcp://scheduler:8786
    """
    from contextlib import nullcontext

    from .cache import open_cache
    from .engine import default_jobs
    from .load import find_articles
    from .pipeline import RunOptions
    from .report import FORMATS, write_reports
    from .review.decisions import with_decisions
    from .summary import Stages, print_summary, run_with_progress

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is the address of a Dask cluster: give it with --engine dask")
    if engine == "dask":
        from .dask_engine import require_dask

        require_dask()
    project = options.resolve()
    chosen = [f.strip() for f in (fmt or project.settings.report_format or ",".join(FORMATS)).split(",") if f.strip()]
    corpus = project.corpus(paths)
    # A remote Dask cluster extracts on its own machines, which do not see this one's cache folder; a local one does.
    folder = None if no_cache or scheduler else cache_dir or project.settings.cache_dir or Path(DEFAULT_CACHE)
    with (
        nullcontext() if folder is None else open_cache(folder, project.rules_dir) as cache,
        Stages(len(find_articles(corpus))) as stages,
    ):
        if cache and cache.problem:
            project.warn(cache.problem)
        how = RunOptions(project.rules_dir, cache, jobs=jobs or default_jobs(), engine=engine, scheduler=scheduler)
        result = run_with_progress(corpus, how, project.rules, project.settings.describe(), stages)
        result = with_decisions(result, corpus)
        project.tell(result.problems, result.warnings)
        _stop_unless_read(result.problems, bool(result.report.sources), strict, paths)
        stages.stage("write")
        written = write_reports(result.report, out_dir, chosen, jobs=jobs or default_jobs())
    if cache and cache.stats.hits:
        project.note(f"{cache.stats.misses} sources extracted, {cache.stats.hits} from the cache")
    if not project.quiet:
        print_summary(result.report, written)


@cli.command()
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; beyond loopback needs --allow-remote."
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host other machines can reach; each request then needs the token in the printed address.",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free one).",
)
@click.option(
    "--reviewer", help="Name recorded with each decision (default: git config user.name, else the login name)."
)
@strict_option
@project_options
def review(
    path: Path | None,
    host: str,
    allow_remote: bool,
    port: int,
    reviewer: str | None,
    strict: bool,
    options: ProjectOptions,
) -> None:
    """Review the conflicts in PATH (default: the articles setting, else the seeds) in a local web page.

    Decisions go to PATH/reviews/decisions.jsonl (for the seeds of an installed package,
    ./reviews/decisions.jsonl); later reports and checks honour them.

    Example:

        consistency review articles/ --port 8765
    """
    import secrets

    from .pipeline import RunOptions, run
    from .review.app import address, create_app, default_reviewer, is_loopback, listen, serve
    from .review.decisions import with_decisions

    project = options.resolve()
    corpus = project.corpus((path,) if path else ())[0]
    access = None
    if not is_loopback(host):
        if not allow_remote:
            raise click.UsageError(
                f"--host {host} is reachable from other machines: add --allow-remote to mean it "
                "(each request then needs the access token printed with the address)"
            )
        access = secrets.token_urlsafe(24)
        project.warn(f"listening on {host}: anyone with the printed address can read the articles and decide")
    result = run([corpus], RunOptions(project.rules_dir), project.rules, project.settings.describe())
    result = with_decisions(result, [corpus])
    project.tell(result.problems, result.warnings)
    if strict and result.problems:
        sys.exit(2)
    sock = listen(host, port)
    port = sock.getsockname()[1]
    app = create_app(corpus, result.report, reviewer or default_reviewer(corpus), host, port, access)
    url = address(host, port, access)
    click.echo(f"Reviewing {len(result.report.conflicts)} conflicts in {corpus} at {url} (Ctrl-C to stop)")
    serve(app, sock)


CHECK_FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")


@cli.command("check")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--since",
    metavar="GIT_REF",
    help="Only conflicts with a claim from a source added or changed since this git revision (or untracked) fail.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Conflicts whose fingerprints this file lists are known and do not fail.",
)
@click.option(
    "--write-baseline",
    "new_baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every current conflict into this baseline file and exit 0.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Drop the --baseline entries no longer found, never adding one, then gate as usual.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="The lowest severity that fails the gate; none: only confirmed conflicts fail (default: warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when conflicts fail the gate (2 still means an error).")
@format_option("text", CHECK_FORMATS)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output."
)
@click.option(
    "--max-annotations",
    type=click.IntRange(0),
    default=50,
    show_default=True,
    help="--format github: annotate this many conflicts, most severe first, and count the rest.",
)
@cache_options
@strict_option
@project_options
def check_command(
    path: Path | None,
    since: str | None,
    baseline: Path | None,
    new_baseline: Path | None,
    update_baseline: bool,
    fail_on: str | None,
    exit_zero: bool,
    fmt: str | None,
    output: Path | None,
    max_annotations: int,
    cache_dir: Path | None,
    no_cache: bool,
    strict: bool,
    options: ProjectOptions,
) -> None:
    """Fail (exit 1) if the articles in PATH (default: the articles setting, else the seeds) hold conflicts that fail
    the gate; for CI.

    Exit codes: 0 nothing fails the gate, 1 a conflict fails it, 2 usage, configuration or input error.

    \b
    Examples:
        consistency check articles/ --since origin/main --format github,sarif:consistency.sarif
        consistency check articles/ --write-baseline consistency-baseline.json
        consistency check articles/ --baseline consistency-baseline.json --update-baseline
    """
    from .cli_check import run_check

    if new_baseline and (since or baseline or update_baseline):
        raise click.UsageError("--write-baseline records every conflict: give it without --since or --baseline")
    if update_baseline and (since or not baseline):
        raise click.UsageError("--update-baseline needs --baseline, and every article (no --since) to see what is gone")
    project = options.resolve()
    settings = project.settings
    cache = None if no_cache else cache_dir or settings.cache_dir or Path(DEFAULT_CACHE)
    code = run_check(
        project,
        project.corpus((path,) if path else ())[0],
        since=since,
        baseline=baseline,
        new_baseline=new_baseline,
        update_baseline=update_baseline,
        fail_on=fail_on or settings.fail_on or "warning",
        destinations=parse_formats(fmt or settings.format or "text", CHECK_FORMATS),
        output=output,
        max_annotations=max_annotations,
        cache_dir=cache,
        strict=strict,
    )
    sys.exit(0 if exit_zero and code == 1 else code)


@cli.group()
def rules() -> None:
    """Work with rule files."""


@rules.command("test")
@project_options
def rules_test(options: ProjectOptions) -> None:
    """Run every rule's examples (the shipped rules' and the project's) and check each reaches its expected verdict."""
    from .examples import run_examples

    project = options.resolve()
    failures = 0
    for outcome in run_examples(project.rules_dir):
        mark = click.style("ok  ", fg="green") if outcome.passed else click.style("FAIL", fg="red")
        click.echo(f"{mark} {outcome.rule}:{outcome.example} expected {outcome.expected}, got {outcome.got}")
        failures += not outcome.passed
    if failures:
        click.secho(f"{failures} example(s) failed", fg="red", err=True)
        sys.exit(1)


def main() -> None:
    cli(prog_name="consistency")
