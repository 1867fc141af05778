"""The library's commands: ``add``, ``find``, ``similar``, ``show``, ``list``, ``remove``, ``export``.

Registered on the ``heartline`` group in ``heartline/cli.py``; the context settings and the one-line error
handling come from ``heartline.clikit``. Imports of the library itself (numpy,
SQLite) happen inside the commands, so ``heartline -h`` stays fast. Every command takes ``--library PATH``
(default ``$HEARTLINE_HOME/library.db``); those that list stories take ``--json`` or ``--csv``
(``output_options``); bad input is one line on stderr and exit status 1, with nothing changed.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..clikit import CONTEXT, explain_errors

if TYPE_CHECKING:
    from .core import Library
    from .records import AddProgress, Match, StoryRecord

__all__ = ["COMMANDS", "add", "export", "find", "list_stories", "remove", "show", "similar", "story_for_report"]

F = TypeVar("F", bound=Callable[..., Any])


def library_option(fn: F) -> F:
    """``--library PATH``: the library file (default: $HEARTLINE_HOME/library.db)."""
    return click.option(
        "--library",
        "library",
        type=click.Path(dir_okay=False),
        default=None,
        help="The library file (default: $HEARTLINE_HOME/library.db).",
    )(fn)


def output_options(fn: F) -> F:
    """``--json`` / ``--csv``: machine-readable output instead of the table; passed on as ``fmt``."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
    @click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
    @functools.wraps(fn)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any) -> Any:
        if as_json and as_csv:
            raise click.UsageError("Choose one of --json and --csv")
        return fn(*args, fmt="json" if as_json else "csv" if as_csv else "table", **kwargs)

    return wrapper  # type: ignore[return-value]


def query_options(fn: F) -> F:
    """The find filters, shared by ``find`` and ``list``."""
    options = [
        click.option("--pair", help='A directed pair: "Willow -> Buffy", "Willow <- Buffy", "Willow <-> Buffy".'),
        click.option("--feeling", help='An emotion with an optional trend: "trust rising", "grief", "love falling".'),
        click.option("--unsaid", help="An emotion felt in narration and never said aloud: love."),
        click.option("--arc", help='The story arc: "man in a hole", "rags to riches", tragedy, Icarus, ...'),
        click.option("--fandom", help="A fandom tag, whole (case-insensitive)."),
        click.option("--relationship", help="A relationship tag, whole (case-insensitive)."),
        click.option("--tag", help="An additional tag, whole (case-insensitive)."),
        click.option("--character", help="A character's name, alias or the start of one (Wil finds Willow)."),
        click.option("--text", help="Words in the title, summary, tags or text (all of them)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _open(library: str | None, *, create: bool = False) -> Library:
    from .core import Library

    return Library(library, create=create)


def _query(**kwargs: str | None) -> Any:
    from .query import parse_query

    return parse_query(**kwargs)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def _emit_csv(header: list[str], rows: list[list[Any]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    click.echo(buf.getvalue(), nl=False)


def _pair(record: StoryRecord) -> str:
    return f"{record.main_pair[0]} -> {record.main_pair[1]}" if record.main_pair else ""


def _short(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_matches(matches: list[Match], fmt: str, offset: int) -> None:
    if fmt == "json":
        _emit_json([m.to_dict() for m in matches])
        return
    if fmt == "csv":
        _emit_csv(
            ["rank", "id", "title", "score", "words", "main_pair", "arc", "reasons", "quote"],
            [
                [offset + i + 1, m.story.id, m.story.title or "", f"{m.score:.4f}", m.story.words, _pair(m.story),
                 m.story.arc_shape or "", " | ".join(r.text for r in m.reasons),
                 next((r.quote for r in m.reasons if r.quote), "") or ""]
                for i, m in enumerate(matches)
            ],
        )  # fmt: skip
        return
    if not matches:
        click.echo("No stories match.")
        return
    for i, m in enumerate(matches):
        s = m.story
        title = _short(s.title or (s.source_path or "untitled"), 60)
        click.echo(f"{offset + i + 1:>3}. {s.id}  {title}  ({s.words:,} words, score {m.score:.2f})")
        for r in m.reasons:
            click.echo(f"     {r.text}")
            if r.quote:
                quote = _short(r.quote, 200)
                click.echo(f"       {quote}" if quote[:1] in "“\"‘'…" else f"       “{quote}”")


def _print_records(records: list[StoryRecord], fmt: str) -> None:
    if fmt == "json":
        _emit_json([r.to_dict() for r in records])
        return
    header = ["id", "title", "words", "main_pair", "arc", "fandoms", "added", "source_path"]
    rows = [
        [r.id, r.title or "", r.words, _pair(r), r.arc_shape or "", "; ".join(r.fandoms), r.added, r.source_path or ""]
        for r in records
    ]
    if fmt == "csv":
        _emit_csv(header, rows)
        return
    if not records:
        click.echo("No stories.")
        return
    for r in records:
        title = _short(r.title or (r.source_path or "untitled"), 48)
        click.echo(f"{r.id}  {title:<48}  {r.words:>8,}  {_short(_pair(r), 28):<28}  {r.arc_shape or ''}")


class AddBar:
    """The add progress line on stderr: stories done, words per second, time left; silent off a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.width = 0

    def __call__(self, p: AddProgress) -> None:
        if p.status == "failed":
            self.clear()
            click.echo(f"heartline: skipped {p.path}: {p.error}", err=True)
        if not self.enabled:
            return
        rate = p.words / p.seconds if p.seconds > 0 else 0.0
        per_story = p.seconds / p.done if p.done else 0.0
        eta = per_story * (p.total - p.done)
        filled = int(24 * p.done / max(1, p.total))
        line = (
            f"\r[{'#' * filled}{'.' * (24 - filled)}] {p.done}/{p.total} stories, {rate:,.0f} words/s, "
            f"ETA {int(eta // 60)}m{int(eta % 60):02d}s"
        )
        self.width = max(self.width, len(line))
        sys.stderr.write(line.ljust(self.width))
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@library_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option(
    "--from-parquet",
    "from_parquet",
    type=click.Path(file_okay=False),
    help="Add the readings of an export folder (heartline export / heartline batch) instead of reading files.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print what was added, skipped and failed as JSON.")
@explain_errors
def add(
    paths: tuple[str, ...], library: str | None, jobs: int | None, from_parquet: str | None, quiet: bool, as_json: bool
) -> None:
    """Read story files and folders (recursively) and add them to the library.

    A story already in the library (the same bytes) is skipped without reading it; a changed file at the
    same path replaces its older version. A file heartline cannot read is reported on one line and
    skipped. Exit status 1 when any file failed.

    \b
    Examples:
      heartline add story.txt fic/ --jobs 2
      heartline add ~/Downloads/ao3/ --library ~/stories.db
      heartline add --from-parquet export/
    """
    from ..batch.work import story_files

    if bool(paths) == bool(from_parquet):
        raise click.UsageError("Give story files or folders, or --from-parquet DIR (one of them)")
    if from_parquet:
        from .exchange import check_import_folder

        check_import_folder(from_parquet)  # a bad folder fails before the library file is created
    else:
        story_files(paths)  # a missing path fails here, before the library file is created
    lib = _open(library, create=True)
    bar = AddBar(enabled=not quiet and sys.stderr.isatty())
    started = time.perf_counter()
    try:
        result = lib.import_parquet(from_parquet) if from_parquet else lib.add(paths, jobs=jobs, progress=bar)
    finally:
        bar.clear()
        lib.close()
    if as_json:
        _emit_json(result.to_dict())
    else:
        seconds = time.perf_counter() - started
        click.echo(
            f"added {len(result.added)}, already there {len(result.skipped)}, failed {len(result.failed)}"
            f" in {seconds:.1f} s ({lib.path})"
        )
    if result.failed:
        sys.exit(1)


@click.command(context_settings=CONTEXT)
@query_options
@library_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Results per page.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Which page of results.")
@output_options
@explain_errors
def find(library: str | None, limit: int, page: int, fmt: str, **filters: str | None) -> None:
    """Find stories by who feels what toward whom, arcs, tags and words; best first, with why.

    Filters combine (all must hold). A feeling and a pair hold on the same bond: Willow's love toward
    Buffy, rising over the story. Emotions are the 28 GoEmotions labels (and synonyms such as trust);
    trends are rising, falling or steady.

    \b
    Examples:
      heartline find --pair "Willow -> Buffy" --feeling "love rising"
      heartline find --pair "Willow <-> Buffy" --unsaid love --json
      heartline find --feeling grief --arc "man in a hole" --fandom "Buffy the Vampire Slayer"
      heartline find --text lighthouse storm --limit 5 --page 2
    """
    query = _query(**filters)
    with _open(library) as lib:
        offset = (page - 1) * limit
        _print_matches(lib.find(query, limit=limit, offset=offset), fmt, offset)


@click.command(context_settings=CONTEXT)
@click.argument("story")
@library_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="How many stories.")
@output_options
@explain_errors
def similar(story: str, library: str | None, limit: int, fmt: str) -> None:
    """Stories whose bonds and arc are most like STORY's (an id, the start of one, or its file path).

    \b
    Examples:
      heartline similar 2d711642b726b044
      heartline similar fic/i-missed-you.txt --limit 5 --json
    """
    with _open(library) as lib:
        _print_matches(lib.similar(story, limit=limit), fmt, 0)


@click.command(context_settings=CONTEXT)
@click.argument("story")
@library_option
@click.option("--json", "as_json", is_flag=True, help="Print the story record and its full reading as JSON.")
@explain_errors
def show(story: str, library: str | None, as_json: bool) -> None:
    """Show a story of the library: its record and the summary of its reading.

    \b
    Examples:
      heartline show 2d711642
      heartline show 2d711642b726b044 --json > reading.json
    """
    from ..story import Story
    from ..summary import summarize

    with _open(library) as lib:
        record = lib.get(story)
        reading = lib.reading(record.id)
    if as_json:
        _emit_json({"story": record.to_dict(), "reading": reading})
        return
    click.echo(f"id: {record.id}   added: {record.added}")
    if record.source_path:
        click.echo(f"source: {record.source_path}")
    for name, values in (("fandoms", record.fandoms), ("relationships", record.relationships), ("tags", record.tags)):
        if values:
            click.echo(f"{name}: {', '.join(values)}")
    click.echo(summarize(Story.from_dict(reading)))


@click.command("list", context_settings=CONTEXT)
@query_options
@library_option
@click.option("--sort", default="-added", show_default=True, help="added, title, words; a leading - reverses.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Stories per page.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Which page.")
@output_options
@explain_errors
def list_stories(library: str | None, sort: str, limit: int, page: int, fmt: str, **filters: str | None) -> None:
    """List the stories of the library (all, or those matching the find filters).

    \b
    Examples:
      heartline list
      heartline list --sort -words --csv > stories.csv
      heartline list --fandom "Buffy the Vampire Slayer" --json
    """
    query = _query(**filters)
    with _open(library) as lib:
        _print_records(lib.list(query=query, sort=sort, limit=limit, offset=(page - 1) * limit), fmt)


@click.command(context_settings=CONTEXT)
@click.argument("story")
@library_option
@explain_errors
def remove(story: str, library: str | None) -> None:
    """Remove STORY (an id or a file path) and everything derived from it from the library.

    \b
    Example:
      heartline remove 2d711642b726b044
    """
    with _open(library) as lib:
        record = lib.remove(story)
    click.echo(f"removed {record.id} {record.title or record.source_path or ''}".rstrip())


@click.command(context_settings=CONTEXT)
@click.option("--parquet", "folder", required=True, type=click.Path(), help="A new or empty folder to write.")
@library_option
@explain_errors
def export(folder: str, library: str | None) -> None:
    """Export every story as Parquet tables (stories, characters, quotes, feelings, bonds, ...).

    One folder per table (DIR/stories/, DIR/bonds/, ...) that DuckDB, pandas, polars and Spark read as
    they are; see docs/library.md for the tables and a DuckDB query.

    \b
    Example:
      heartline export --parquet export/
      duckdb -c "SELECT source, target, valence FROM 'export/bonds/*.parquet' ORDER BY strength DESC LIMIT 5"
    """
    with _open(library) as lib:
        counts = lib.export_parquet(folder)
    click.echo(", ".join(f"{table} {n:,}" for table, n in counts.items()) + f" rows in {folder}")


def story_for_report(story: str, library: str | None) -> dict[str, Any]:
    """The reading of a library story, for ``heartline report ID``."""
    with _open(library) as lib:
        return lib.reading(lib.get(story).id)


COMMANDS = [add, find, similar, show, list_stories, remove, export]
