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
