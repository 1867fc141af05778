"""The app's pool and cache over a real library file: answers a page can do without come later."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from heartline.library import Library
from heartline.web.app import Libraries


def test_a_slow_answer_is_left_out_then_cached(tmp_path: Path):
    path = tmp_path / "library.db"
    Library(path).close()
    libraries = Libraries(path)
    calls = []

    def slow(lib: Any) -> int:
        calls.append(1)
        time.sleep(0.4)
        return int(lib.count(None))

    try:
        start = time.monotonic()
        assert libraries.cached_soon(("n",), slow, 0.05) is None  # not waited for
        assert time.monotonic() - start < 0.3
        assert libraries.cached_soon(("n",), slow, 0.05) is None  # still running: not started twice
        assert libraries.cached_soon(("n",), slow, 2.0) == 0
        assert libraries.cached_soon(("n",), slow, 0.0) == 0  # from the cache now
        assert libraries.cached_soon(("quick",), lambda lib: lib.count(None) + 1, 2.0) == 1
        assert len(calls) == 1
    finally:
        libraries.close()


def _finishes_while_drawn(job_id: str) -> Any:
    """A running job that the worker thread finishes between the page's first look at it and the next."""
    from heartline.web.jobs import Job

    class FinishesWhileDrawn(Job):
        def __getattribute__(self, name: str) -> Any:
            if name == "state":
                looks = object.__getattribute__(self, "looks")
                looks.append(1)
                if len(looks) > 1:  # the worker sets the story first, then the state
                    object.__setattr__(self, "story_id", "ab" * 8)
                    object.__setattr__(self, "state", "done")
            return super().__getattribute__(name)

    job = FinishesWhileDrawn(id=job_id, name="story.txt", format="txt", size=10, state="running", step="speakers")
    object.__setattr__(job, "looks", [])
    return job


def test_the_job_page_without_script_refreshes_until_the_story_opens(tmp_path: Path):
    from starlette.testclient import TestClient

    from heartline.web.app import WebConfig, create_app
    from heartline.web.jobs import Job

    app = create_app(WebConfig(library=str(tmp_path / "library.db"), uploads=str(tmp_path / "up")))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        queue = app.app.state.jobs()  # the app behind the security guard
        running = _finishes_while_drawn("cd" * 16)
        queue._jobs[running.id] = running
        answer = client.get(f"/jobs/{running.id}", follow_redirects=False)
        # either the story opens, or the page asks to be loaded again: never "Done." with nothing to follow
        if answer.status_code == 303:
            assert answer.headers["location"] == f"/stories/{'ab' * 8}"
        else:
            assert answer.status_code == 200
            assert 'http-equiv="refresh"' in answer.text
        assert client.get(f"/jobs/{running.id}", follow_redirects=False).headers["location"] == f"/stories/{'ab' * 8}"

        torn = Job(id="ef" * 16, name="story.txt", format="txt", size=10, state="done")  # done, story not yet known
        queue._jobs[torn.id] = torn
        assert 'http-equiv="refresh"' in client.get(f"/jobs/{torn.id}").text
        failed = Job(id="12" * 16, name="story.txt", format="txt", size=10, state="failed", error="Not a story")
        queue._jobs[failed.id] = failed
        page = client.get(f"/jobs/{failed.id}").text
        assert "Not a story" in page and 'http-equiv="refresh"' not in page
