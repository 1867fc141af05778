"""A real ``heartline serve`` on a loopback port over a real library file holding real readings.

The server runs as its own process (``python -m heartline serve``), exactly as a person starts it; the
library is built once per session: the bundled example story read by every step, and the hand-built
lighthouse story with script payloads in its title, tags, names and dialogue. Browser tests use Debian's
Chromium through Playwright, as the report tests do.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..conftest import EXAMPLES, ROOT

MAX_UPLOAD_MB = 1.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Server:
    """The running server: its base URL, process, library file and a raw HTTP helper."""

    url: str
    port: int
    process: subprocess.Popen[bytes]
    library: Path
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 30,
    ) -> Answer:
        """One request with exactly these headers (Host defaults to 127.0.0.1:PORT); the path is sent as is."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            given = {k.lower(): v for k, v in (headers or {}).items()}
            given.setdefault("host", f"127.0.0.1:{self.port}")
            if body is not None:
                given.setdefault("content-length", str(len(body)))
            for k, v in given.items():
                conn.putheader(k, v)
            conn.endheaders()
            if body is not None:
                conn.send(body)
            r = conn.getresponse()
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path: str, **kw: Any) -> Answer:
        return self.request("GET", path, **kw)

    def upload(self, name: str, data: bytes, headers: dict[str, str] | None = None, field_name: str = "file") -> Answer:
        body, ctype = multipart({field_name: (name, data)})
        return self.request("POST", "/api/uploads", body, {"content-type": ctype, **(headers or {})})

    def wait_job(self, job_id: str, timeout: float = 240) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(f"/api/jobs/{job_id}").json()
            if job["state"] in ("done", "failed"):
                return job  # type: ignore[no-any-return]
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def multipart(fields: dict[str, tuple[str | None, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: name -> (file name or None for a plain field, bytes)."""
    boundary = "heartline-test-boundary-7d1f"
    out = b""
    for name, (filename, data) in fields.items():
        disp = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
        out += f"--{boundary}\r\nContent-Disposition: {disp}\r\n".encode()
        if filename is not None:
            out += b"Content-Type: application/octet-stream\r\n"
        out += b"\r\n" + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def add_reading(library: Path, reading: dict[str, Any]) -> str:
    """Store a reading in the library file; return its id."""
    from heartline.library import Library
    from heartline.tables import content_hash

    digest = content_hash(json.dumps(reading, sort_keys=True).encode("utf-8"))
    with Library(library) as lib:
        record, _ = lib.add_reading(reading, content_hash=digest)
    return str(record.id)


def start_server(library: Path, log: Path, *extra: str, port: int | None = None) -> Server:
    port = port or free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARTLINE_THREADS": "1"}
    cmd = [sys.executable, "-m", "heartline", "serve", "--library", str(library), "--port", str(port), *extra]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    server = Server(f"http://127.0.0.1:{port}", port, proc, library, log, env)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"heartline serve exited: {log.read_text()}")
        try:
            if server.get("/api/stories?per=1", timeout=2).status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"heartline serve did not answer in 60 s: {log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@dataclass
class Stories:
    lighthouse: str
    xss: str


def xss_reading() -> dict[str, Any]:
    """A real reading of a story with script payloads in its dialogue and narration, then payloads put into
    its title, authors, fandoms, relationships, tags and character names as a hostile file could."""
    import heartline
    from tests.report.conftest import Payloads

    bad = Payloads().items
    lines = [f"“{p},” Mara said to Jonah. Jonah smiled at Mara and said, “{q}.”" for p, q in itertools.pairwise(bad)]
    reading = heartline.read(text="\n\n".join(["Mara loved Jonah, and Jonah trusted Mara.", *lines])).to_dict()
    meta = reading.setdefault("metadata", {})
    meta.update(title=bad[0], authors=[bad[1]], fandoms=[bad[2]], relationships=[bad[3]], tags=list(bad),
                summary=bad[4])  # fmt: skip
    for i, character in enumerate(reading.get("characters") or []):
        character["name"] = bad[(i + 3) % len(bad)]
    return reading


@pytest.fixture(scope="session")
def web_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Stories]:
    """A library file with the bundled example read for real and a real reading full of script payloads."""
    import heartline

    folder = tmp_path_factory.mktemp("web-library")
    library = folder / "library.db"
    lighthouse = add_reading(library, heartline.read(EXAMPLES / "the-lighthouse-keepers.txt").to_dict())
    xss = add_reading(library, xss_reading())
    return library, Stories(lighthouse, xss)


@pytest.fixture(scope="session")
def server(web_library: tuple[Path, Stories], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``heartline serve`` on a free loopback port, with a 1 MB upload limit."""
    library, _ = web_library
    log = tmp_path_factory.mktemp("web-server") / "server.log"
    server = start_server(library, log, "--max-upload-mb", str(MAX_UPLOAD_MB))
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture(scope="session")
def stories(web_library: tuple[Path, Stories]) -> Stories:
    return web_library[1]


def quote(value: str) -> str:
    return urllib.parse.quote(value, safe="")
