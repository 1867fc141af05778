"""Reading many story files: find them, read each in a worker process, report each outcome.

    story_files(paths)                     -> the story files under files and folders, in a stable order
    read_file(path, steps=None)            -> Outcome (the reading, or the one-line error)
    read_files(paths, jobs=N, steps=None)  -> Outcome per file, as each finishes

One worker process per job, each loading the pipeline once and running its model inference on
``cores / jobs`` threads, so two jobs on two cores do not fight over them. A file heartline cannot read is
an ``Outcome`` with an ``error``, never an exception, so a long run goes on past it. ``heartline add``,
``heartline batch`` and the Ray runner all read through ``read_file``, so every runner gives the same
reading for the same file.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ..config import threads
from ..errors import FileNotFound, HeartlineError
from ..ingest import EXTENSIONS
from ..tables import content_hash, story_id_for

__all__ = ["STORY_SUFFIXES", "Outcome", "default_jobs", "read_file", "read_files", "story_files"]

STORY_SUFFIXES = frozenset(EXTENSIONS)


@dataclass(slots=True)
class Outcome:
    """What reading one file gave: its reading, or the one-line error that stopped it."""

    path: str
    content_hash: str | None
    story_id: str | None
    reading: dict[str, Any] | None
    error: str | None
    words: int
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None


def default_jobs() -> int:
    """One worker per core."""
    return max(1, threads())


def story_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every story file named by ``paths``: a file as given, a folder searched recursively for files
    heartline reads (.txt, .md, .epub, .html, ...), hidden files and folders skipped. A path that does not
    exist raises ``FileNotFound``."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            candidates: Iterable[Path] = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in STORY_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            )
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise FileNotFound(f"{raw} does not exist", "Check the path, or give a folder of stories")
        for p in candidates:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found


def read_file(path: str | Path, steps: Sequence[str] | None = None) -> Outcome:
    """Read one story file through the pipeline; an error becomes the outcome's ``error``."""
    import heartline

    started = time.perf_counter()
    name = str(path)
    digest: str | None = None
    try:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise FileNotFound(f"Could not read {name}: {exc.strerror or exc}", "Check the file") from exc
        digest = content_hash(data)
        story = heartline.read(Path(path), steps=list(steps) if steps else None)
        reading = story.to_dict()
        return Outcome(
            name, digest, story_id_for(digest), reading, None, story.metadata.words, time.perf_counter() - started
        )
    except HeartlineError as exc:
        error = exc.one_line()
    except Exception as exc:  # a bug in heartline must not end a run over thousands of files
        error = f"heartline could not read this file ({type(exc).__name__}: {exc}). Please report it as a bug."
    return Outcome(
        name, digest, story_id_for(digest) if digest else None, None, error, 0, time.perf_counter() - started
    )


def _exit_with_parent(parent: int) -> None:
    # A worker blocked on the pool's queue never sees its parent die (it holds both ends of the queue's
    # pipe), so a SIGKILLed run would leave its workers behind; this thread ends the worker instead.
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(threads_per_worker: int, parent: int) -> None:
    os.environ["HEARTLINE_THREADS"] = str(threads_per_worker)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once, without tracebacks
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="heartline-parent-watch").start()


def read_files(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    steps: Sequence[str] | None = None,
) -> Iterator[Outcome]:
    """Read each file, ``jobs`` at a time in worker processes (in this process when ``jobs`` is 1), and
    yield each outcome as it finishes. Callers leave out the files they already hold before calling."""
    files = [Path(p) for p in paths]
    jobs = max(1, min(jobs or default_jobs(), len(files) or 1))
    if jobs == 1:
        for p in files:
            yield read_file(p, steps)
        return
    per_worker = max(1, threads() // jobs)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(per_worker, os.getpid())
    )
    try:
        pending: set[Future[Outcome]] = set()
        queue = iter(files)
        for p in queue:
            pending.add(pool.submit(read_file, p, steps))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(read_file, nxt, steps))
    except BaseException:
        # Ctrl-C, or the caller stopped early: drop the queued files; each worker ends after its story
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
