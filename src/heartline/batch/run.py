"""``heartline batch``: read a corpus into Parquet shards, on this machine or on a Ray cluster, resumably.

    run_batch(paths, out, runner="local" | "ray", jobs=N, steps=..., progress=callback) -> BatchResult

Both runners read every story through ``heartline.batch.work.read_file`` and write the same shards
(``heartline.batch.store``), so they give identical readings; they differ only in where the reading runs:

    local   a pool of worker processes on this machine (``work.read_files``); needs nothing extra
    ray     Ray Data over a Ray cluster (``heartline.batch.ray_runner``); needs ``heartline[ray]``

Before any reading, the files are hashed and compared with what ``out`` already holds: a story already in
``out/stories/`` (or a file already in ``out/errors/``, unless ``retry_errors``) is skipped, and so is a
second file with the same bytes. An interrupted run started again therefore reads only the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..tables import content_hash
from .store import ShardWriter, done_hashes, remove_unfinished
from .work import Outcome, default_jobs, read_files, story_files

__all__ = ["RUNNERS", "BatchProgress", "BatchResult", "plan", "run_batch"]

RUNNERS = ("local", "ray")


@dataclass(slots=True)
class BatchProgress:
    """Where a run stands, after each story (given to the ``progress`` callback)."""

    done: int  # stories read or failed in this run
    total: int  # stories this run has to read (files found less those skipped)
    failed: int
    words: int
    elapsed: float
    path: str = ""

    @property
    def words_per_second(self) -> float:
        return self.words / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at the pace so far (None before the first story)."""
        if not self.done:
            return None
        return (self.total - self.done) * self.elapsed / self.done


@dataclass(slots=True)
class BatchResult:
    """What a run did: files found, skipped as already done, read, failed; shards written."""

    out: str
    runner: str
    found: int
    skipped: int
    read: int
    failed: int
    words: int
    seconds: float
    shards: int
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, error), the first 20

    @property
    def stories_per_minute(self) -> float:
        return 60.0 * (self.read + self.failed) / self.seconds if self.seconds > 0 else 0.0


def plan(paths: Iterable[str | Path], out: str | Path, *, retry_errors: bool = False) -> tuple[list[Path], int, int]:
    """The story files under ``paths`` that ``out`` does not hold yet: (to read, found, skipped).

    Every file is hashed (one read of its bytes); a file that cannot be read here is kept, so that its
    reading fails with a recorded error."""
    files = story_files(paths)
    done = done_hashes(out, errors=not retry_errors)
    todo: list[Path] = []
    for path in files:
        try:
            digest = content_hash(path.read_bytes())
        except OSError:
            todo.append(path)
            continue
        if digest in done:
            continue
        done.add(digest)  # a second copy of the same story in this run is read once
        todo.append(path)
    return todo, len(files), len(files) - len(todo)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder", "Give --out a folder (it is created if absent)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Could not create {out}: {exc.strerror or exc}", "Check the path and its rights") from exc


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    runner: str = "local",
    address: str | None = None,
    jobs: int | None = None,
    actor_cpus: float = 1.0,
    steps: Sequence[str] | None = None,
    retry_errors: bool = False,
    shard_size: int = 100,
    flush_seconds: float = 60.0,
    progress: Callable[[BatchProgress], None] | None = None,
) -> BatchResult:
    """Read every story under ``paths`` not yet in ``out`` and write it to ``out`` as Parquet shards.

    ``jobs``: worker processes (local) or actors (ray; default: every CPU of the cluster / ``actor_cpus``).
    ``address``: a Ray cluster to join (``"auto"``, ``"ray://head:10001"``); None starts Ray on this machine.
    A shard is written every ``shard_size`` stories or ``flush_seconds``, whichever comes first. Stopped by
    Ctrl-C (``KeyboardInterrupt``), the stories read so far are written before it is raised again."""
    from ..pipeline import Pipeline

    if runner not in RUNNERS:
        from ..errors import PipelineError

        raise PipelineError(f"Unknown runner '{runner}'", f"Choose one of: {', '.join(RUNNERS)}")
    if runner == "ray":
        from .ray_runner import require_ray

        require_ray()  # a missing extra fails before the files are hashed
    step_names = Pipeline(list(steps) if steps else None).names  # a bad step list fails before any work
    out = Path(out).expanduser()
    started = time.perf_counter()
    todo, found, skipped = plan(paths, out, retry_errors=retry_errors)
    _check_out(out)
    remove_unfinished(out)
    outcomes: Generator[tuple[Outcome, dict[str, Any] | None], None, None]
    if runner == "ray":
        from .ray_runner import read_with_ray

        outcomes = read_with_ray(todo, address=address, actors=jobs, actor_cpus=actor_cpus, steps=step_names)
    else:
        outcomes = ((o, None) for o in read_files(todo, jobs=jobs or default_jobs(), steps=step_names))
    writer = ShardWriter(out, shard_size=shard_size, flush_seconds=flush_seconds)
    read = failed = words = 0
    failures: list[tuple[str, str]] = []
    clock = time.perf_counter()
    try:
        for outcome, tables in outcomes:
            if tables is None:
                writer.add(outcome)
            else:
                writer.add_tables(outcome, tables)
            if outcome.ok:
                read += 1
                words += outcome.words
            else:
                failed += 1
                if len(failures) < 20:
                    failures.append((outcome.path, outcome.error or ""))
            if progress is not None:
                elapsed = time.perf_counter() - clock
                progress(BatchProgress(read + failed, len(todo), failed, words, elapsed, outcome.path))
    finally:
        outcomes.close()  # stop the workers (or the Ray job) before the last shard is written
        writer.close()
    return BatchResult(
        out=str(out),
        runner=runner,
        found=found,
        skipped=skipped,
        read=read,
        failed=failed,
        words=words,
        seconds=time.perf_counter() - started,
        shards=writer.shards_written,
        failures=failures,
    )
