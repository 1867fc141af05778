"""Reading jobs: uploads queue up and are read one at a time in a worker process.

    queue = JobQueue(library_path, folder)   # folder: where uploads wait (never served)
    job = queue.submit(data, name="story.txt", fmt="text")
    queue.get(job.id).to_dict()             # state, step, fraction, story_id, error
    queue.close()

The worker is one long-lived process (spawned, so it shares no state with the server), which keeps
spaCy and the emotion model loaded between jobs. It reads the file with ``heartline.read``, reports
progress, and stores the reading with ``Library.add_reading``. When the worker dies in the middle of a
job (killed, out of memory, a crash in native code) that job fails with one line and a fresh worker
takes the next one; the server never stops answering. An upload's file is deleted when its job ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue as queue_mod
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .worker import work

__all__ = ["JOB_ID", "Job", "JobQueue"]

JOB_ID = r"[0-9a-f]{32}"
_KEEP_FINISHED = 200  # finished jobs remembered for their status pages


@dataclass
class Job:
    """One upload's reading, as the job-status endpoint shows it."""

    id: str
    name: str
    format: str
    size: int
    state: str = "queued"  # queued, running, done, failed
    step: str = "waiting"
    fraction: float = 0.0
    story_id: str | None = None
    added: bool | None = None
    error: str | None = None
    submitted: float = field(default_factory=time.time)
    finished: float | None = None
    title: str | None = None

    def to_dict(self, position: int | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "format": self.format,
            "bytes": self.size,
            "state": self.state,
            "step": self.step,
            "fraction": round(self.fraction, 3),
            "percent": round(100 * self.fraction),
            "position": position,
            "story_id": self.story_id,
            "added": self.added,
            "error": self.error,
        }


class JobQueue:
    """A first-in first-out queue of reading jobs served by one worker process at a time."""

    def __init__(
        self,
        library_path: Path,
        folder: Path,
        *,
        max_queued: int = 50,
        timeout_s: float = 3600.0,
        remove_folder: bool = False,
    ) -> None:
        self.library_path = Path(library_path)
        self.folder = Path(folder)
        self.remove_folder = remove_folder  # True for a private temporary folder made for this server
        self.folder.mkdir(parents=True, exist_ok=True)
        self.max_queued = max_queued
        self.timeout_s = timeout_s
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._waiting: queue_mod.Queue[str | None] = queue_mod.Queue()
        self._lock = threading.Lock()
        self._ctx = multiprocessing.get_context("spawn")
        self._proc: Any = None
        self._inbox: Any = None
        self._outbox: Any = None
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._dispatch, name="heartline-jobs", daemon=True)
        self._thread.start()

    # -- the server's side -------------------------------------------------------------------------

    def submit(self, data: bytes, *, name: str, fmt: str, title: str | None = None) -> Job:
        """Queue ``data`` (already checked by :func:`heartline.web.uploads.sniff`) for reading."""
        from ..errors import HeartlineError

        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.state in ("queued", "running"))
            if waiting >= self.max_queued:
                raise HeartlineError(
                    f"{waiting} stories are already waiting to be read", "Wait for some of them to finish"
                )
            job = Job(id=secrets.token_hex(16), name=name, format=fmt, size=len(data), title=title)
            folder = self.folder / job.id
            folder.mkdir(mode=0o700)
            (folder / name).write_bytes(data)
            self._jobs[job.id] = job
            self._forget_old()
        self._waiting.put(job.id)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def position(self, job: Job) -> int | None:
        """How many jobs are ahead of a queued one (0: next), None once it runs."""
        if job.state != "queued":
            return None
        with self._lock:
            ahead = [j for j in self._jobs.values() if j.state in ("queued", "running") and j.submitted < job.submitted]
        return len(ahead)

    def jobs(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def close(self) -> None:
        """Stop the dispatcher and the worker; queued jobs are dropped with their files (only the job
        folders this queue made are removed, never anything else in ``folder``)."""
        self._closed.set()
        self._waiting.put(None)
        self._thread.join(timeout=5)
        self._stop_worker()
        for job_id in list(self._jobs):
            shutil.rmtree(self.folder / job_id, ignore_errors=True)
        if self.remove_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def worker_pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    def _forget_old(self) -> None:
        done = [k for k, j in self._jobs.items() if j.state in ("done", "failed")]
        for key in done[: max(0, len(done) - _KEEP_FINISHED)]:
            del self._jobs[key]

    # -- the dispatcher thread ---------------------------------------------------------------------

    def _start_worker(self) -> None:
        self._inbox = self._ctx.Queue()
        self._outbox = self._ctx.Queue()
        self._proc = self._ctx.Process(
            target=work, args=(str(self.library_path), self._inbox, self._outbox), name="heartline-reader", daemon=True
        )
        self._proc.start()

    def _stop_worker(self) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self._inbox.put(None)
            proc.join(timeout=3)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=3)
        for q in (self._inbox, self._outbox):
            q.close()
            q.cancel_join_thread()
        self._proc = None

    def _dispatch(self) -> None:
        while not self._closed.is_set():
            job_id = self._waiting.get()
            if job_id is None:
                return
            job = self._jobs.get(job_id)
            if job is None:
                continue
            try:
                self._run(job)
            except Exception as exc:  # the queue must outlive any one job
                self._finish(job, error=f"internal error: {type(exc).__name__}: {exc}")
            finally:
                shutil.rmtree(self.folder / job.id, ignore_errors=True)

    def _run(self, job: Job) -> None:
        if self._proc is None or not self._proc.is_alive():
            if self._proc is not None:
                self._stop_worker()
            self._start_worker()
        job.state, job.step, job.fraction = "running", "starting", 0.0
        self._inbox.put((job.id, str(self.folder / job.id / job.name), job.format, job.title))
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                message = self._outbox.get(timeout=0.25)
            except queue_mod.Empty:
                if self._closed.is_set():
                    return
                if not self._proc.is_alive():
                    code = self._proc.exitcode
                    self._stop_worker()
                    self._finish(
                        job,
                        error=f"The reading stopped: the worker process ended (exit code {code}), "
                        "perhaps out of memory. Try a smaller file, or read it with: heartline add FILE",
                    )
                    return
                if time.monotonic() > deadline:
                    self._stop_worker()
                    self._finish(job, error=f"The reading took longer than {self.timeout_s:.0f} s and was stopped")
                    return
                continue
            kind, mid = message[0], message[1]
            if mid != job.id:
                continue
            if kind == "progress":
                job.step, job.fraction = message[2], float(message[3])
            elif kind == "done":
                job.story_id, job.added = message[2], bool(message[3])
                self._finish(job)
                return
            elif kind == "failed":
                self._finish(job, error=message[2])
                return

    def _finish(self, job: Job, error: str | None = None) -> None:
        job.finished = time.time()
        if error is None:
            job.state, job.step, job.fraction = "done", "done", 1.0
        else:
            job.state, job.error = "failed", error
