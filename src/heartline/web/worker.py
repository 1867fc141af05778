"""The reading worker: a process that reads uploaded files and stores their readings in the library.

It runs in a spawned process (see :mod:`heartline.web.jobs`), takes ``(job_id, path, format, title)``
tuples from its inbox and answers on its outbox with ``("progress", id, step, fraction)``,
``("done", id, story_id, added)`` or ``("failed", id, one_line_error)``. ``None`` stops it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

__all__ = ["read_into_library", "work"]


def work(library_path: str, inbox: Any, outbox: Any) -> None:
    """The worker process's main loop."""
    while True:
        task = inbox.get()
        if task is None:
            return
        job_id, path, fmt, title = task
        try:
            story_id, added = read_into_library(library_path, job_id, path, fmt, title, outbox)
        except Exception as exc:
            from ..errors import HeartlineError

            if isinstance(exc, HeartlineError):
                message = exc.one_line()
            else:
                message = f"internal error: {type(exc).__name__}: {exc}. Please report it"
            outbox.put(("failed", job_id, message))
        else:
            outbox.put(("done", job_id, story_id, added))


def read_into_library(
    library_path: str, job_id: str, path: str, fmt: str, title: str | None, outbox: Any
) -> tuple[str, bool]:
    """Read one file with every step and add its reading to the library; return (story id, newly added)."""
    import heartline
    from heartline.library import Library, LibraryError
    from heartline.tables import content_hash, story_id_for

    data = Path(path).read_bytes()
    digest = content_hash(data)
    with Library(library_path) as lib:
        try:
            return lib.get(story_id_for(digest)).id, False  # already read: nothing to do
        except LibraryError:
            pass
    steps = list(heartline.DEFAULT_STEPS)
    last = [0.0]

    def progress(step: str, fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] < 0.1 and fraction < 1.0:
            return
        last[0] = now
        i = steps.index(step) if step in steps else 0
        overall = 0.02 + 0.95 * (i + max(0.0, min(1.0, fraction))) / len(steps)
        outbox.put(("progress", job_id, step, overall))

    outbox.put(("progress", job_id, "loading", 0.01))
    story = heartline.read(Path(path), format=None if fmt == "text" else fmt, progress=progress)
    reading = story.to_dict()
    if title:
        reading.setdefault("metadata", {})["title"] = title
    outbox.put(("progress", job_id, "saving", 0.98))
    with Library(library_path) as lib:
        record, added = lib.add_reading(reading, content_hash=digest, path=None)
    return record.id, added
