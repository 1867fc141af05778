"""``heartline batch``: read a corpus into Parquet shards, locally or on a Ray cluster (docs/scale.md)."""

from __future__ import annotations

import sys
import time

import click

from ..clikit import CONTEXT, explain_errors
from .run import RUNNERS, BatchProgress, BatchResult

__all__ = ["ProgressLine", "batch", "format_duration"]


def format_duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h07m``."""
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{(s % 3600) // 60:02d}m"


class ProgressLine:
    """Stories done, failures, words/s and the time left, on stderr: rewritten in place on a terminal,
    a new line every ``every`` seconds otherwise (a log file on a cluster)."""

    def __init__(self, enabled: bool, *, every: float = 30.0) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.every = every if not self.tty else 0.5
        self.last = 0.0
        self.shown = False

    @staticmethod
    def text(p: BatchProgress) -> str:
        eta = p.eta_seconds
        return (
            f"{p.done:,}/{p.total:,} stories, {p.failed:,} failed, {p.words_per_second:,.0f} words/s, "
            f"{p.done * 60 / p.elapsed if p.elapsed else 0:,.1f} stories/min, "
            f"ETA {format_duration(eta) if eta is not None else '?'}"
        )

    def __call__(self, p: BatchProgress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.every and p.done < p.total:
            return
        self.last = now
        if self.tty:
            sys.stderr.write("\r" + self.text(p).ljust(100))
        else:
            sys.stderr.write(self.text(p) + "\n")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.enabled and self.tty and self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _summary(r: BatchResult) -> str:
    skipped = f", {r.skipped:,} already in {r.out}" if r.skipped else ""
    lines = [
        f"{r.found:,} files{skipped}: read {r.read:,} stories ({r.words:,} words), {r.failed:,} failed, "
        f"in {format_duration(r.seconds)} ({r.stories_per_minute:,.1f} stories/min, runner {r.runner}); "
        f"{r.shards:,} shard{'s' if r.shards != 1 else ''} written to {r.out}"
    ]
    for path, error in r.failures:
        lines.append(f"  failed: {path}: {error}")
    if r.failed > len(r.failures):
        lines.append(f"  ... and {r.failed - len(r.failures):,} more in {r.out}/errors/")
    return "\n".join(lines)


@click.command("batch", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out", "out", required=True, type=click.Path(), help="Folder for the Parquet shards (created if absent)."
)
@click.option(
    "--runner",
    type=click.Choice(RUNNERS),
    default="local",
    show_default=True,
    help="local: worker processes on this machine. ray: a Ray cluster (needs heartline[ray]).",
)
@click.option(
    "--address",
    default=None,
    help="Ray cluster to join (auto, or ray://HEAD:10001); default: start Ray on this machine. Ray only.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes or Ray actors (default: all CPUs)."
)
@click.option(
    "--actor-cpus",
    type=click.FloatRange(min=0.1),
    default=1.0,
    show_default=True,
    help="CPUs Ray reserves for each actor (its model threads). Ray only.",
)
@click.option("--steps", help="Comma-separated steps to run (default: all).")
@click.option("--retry-errors", is_flag=True, help="Read again the files recorded in DIR/errors/.")
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Stories per shard (a shard is also written every minute).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
@explain_errors
def batch(
    paths: tuple[str, ...],
    out: str,
    runner: str,
    address: str | None,
    jobs: int | None,
    actor_cpus: float,
    steps: str | None,
    retry_errors: bool,
    shard_size: int,
    quiet: bool,
) -> None:
    """Read every story under PATH... into Parquet shards in --out, resumably.

    One folder per table (stories, characters, quotes, feelings, bonds, bond_timelines, arcs, readings)
    and errors/ for files that could not be read. Stories already in --out (by content) are skipped, so a
    run that was stopped goes on where it was when started again. DuckDB reads the folder as it is:
    SELECT * FROM 'DIR/bonds/*.parquet'.

    \b
    Examples:
      heartline batch stories/ --out corpus.parquet
      heartline batch stories/ --out corpus.parquet --runner ray              # Ray on this machine
      heartline batch /shared/ao3 --out /shared/out --runner ray --address auto   # on a cluster node
      heartline add --from-parquet corpus.parquet                           # into the library
    """
    from ..pipeline import parse_steps
    from .run import run_batch

    if address and runner != "ray":
        raise click.UsageError("--address needs --runner ray")
    progress = ProgressLine(enabled=not quiet)
    try:
        result = run_batch(
            paths,
            out,
            runner=runner,
            address=address,
            jobs=jobs,
            actor_cpus=actor_cpus,
            steps=parse_steps(steps) if steps else None,
            retry_errors=retry_errors,
            shard_size=shard_size,
            progress=progress,
        )
    except KeyboardInterrupt:
        progress.close()
        click.echo(
            f"heartline: interrupted; the stories read so far are in {out}. Run the same command again to go on.",
            err=True,
        )
        sys.exit(130)
    progress.close()
    click.echo(_summary(result))
