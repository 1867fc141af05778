"""Reading uploads for real: a story read by the worker lands in the library; a killed worker fails its
job only; uploads queue; the server keeps answering through long reads and a ``heartline add`` elsewhere."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, ROOT
from .conftest import Server

pytestmark = pytest.mark.slow

LIGHTHOUSE = EXAMPLES / "the-lighthouse-keepers.txt"


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _worker_pid(server: Server) -> int | None:
    for child in _children(server.process.pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"multiprocessing" in cmdline and b"resource_tracker" not in cmdline:
            return child
    return None


def test_a_pasted_story_is_read_into_the_library(server: Server):
    text = (
        "Willow waited by the window. “You came back,” Willow said to Buffy, and she smiled.\n\n"
        "Buffy laughed. “I always come back,” Buffy told Willow. Willow loved her for that."
    )
    from .conftest import multipart

    body, ctype = multipart({"text": (None, text.encode()), "title": (None, b"Pasted for the test")})
    answer = server.request("POST", "/api/uploads", body, {"content-type": ctype})
    assert answer.status == 202, answer.text
    job = answer.json()["jobs"][0]
    assert answer.headers["location"] == f"/api/jobs/{job['id']}"
    done = server.wait_job(job["id"])
    assert done["state"] == "done", done
    record = server.get(f"/api/stories/{done['story_id']}").json()
    assert record["title"] == "Pasted for the test"
    again = server.wait_job(server.upload("again.txt", text.encode()).json()["jobs"][0]["id"])
    assert again["state"] == "done" and again["added"] is False and again["story_id"] == done["story_id"]


def test_uploads_queue_and_a_killed_worker_fails_one_job_only(server: Server, tmp_path: Path):
    long_story = ("\n\n".join([LIGHTHOUSE.read_text(encoding="utf-8")] * 12)).encode()
    victim = server.upload("long.txt", long_story).json()["jobs"][0]
    after = server.upload("after.md", b"# After\n\n" + LIGHTHOUSE.read_bytes()).json()["jobs"][0]
    assert server.get(f"/api/jobs/{after['id']}").json()["state"] == "queued"
    end = time.monotonic() + 120
    pid = None
    while time.monotonic() < end:
        state = server.get(f"/api/jobs/{victim['id']}").json()
        pid = _worker_pid(server)
        if state["state"] == "running" and state["step"] not in ("starting", "loading") and pid:
            break
        time.sleep(0.1)
    assert pid, "the worker process never started"
    os.kill(pid, signal.SIGKILL)
    failed = server.wait_job(victim["id"])
    assert failed["state"] == "failed" and "worker process" in failed["error"] and "\n" not in failed["error"]
    assert server.get("/").status == 200
    done = server.wait_job(after["id"])
    assert done["state"] == "done", done
    assert server.get(f"/stories/{done['story_id']}").status == 200


def test_the_server_keeps_answering_while_heartline_add_runs(server: Server, tmp_path: Path):
    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(3):
        (folder / f"copy-{i}.txt").write_text(f"Copy {i}.\n\n" + LIGHTHOUSE.read_text(encoding="utf-8"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARTLINE_THREADS": "1"}
    add = subprocess.Popen(
        [sys.executable, "-m", "heartline", "add", str(folder), "--library", str(server.library), "-j", "1", "-q"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    errors: list[str] = []
    latencies: list[float] = []

    def reader() -> None:
        while add.poll() is None:
            for path in ("/", "/api/stories?per=5", "/api/find?feeling=love"):
                t = time.perf_counter()
                status = server.get(path).status
                latencies.append(time.perf_counter() - t)
                if status != 200:
                    errors.append(f"{path}: {status}")

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    out, _ = add.communicate(timeout=600)
    for t in threads:
        t.join()
    assert add.returncode == 0, out.decode()
    assert errors == []
    assert len(latencies) > 10
    listed = server.get("/api/stories?text=Copy&per=50").json()
    assert listed["total"] >= 3
