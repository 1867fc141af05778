"""``heartline serve`` as a command: the install hint without the extra, one-line errors, the warning on
every interface."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.errors import MissingExtra

from ..conftest import ROOT
from .conftest import free_port


def test_without_the_web_extra_serve_says_what_to_install(monkeypatch):
    from heartline.web import require_web

    monkeypatch.setitem(sys.modules, "fastapi", None)  # as if it were not installed
    with pytest.raises(MissingExtra, match=r"pip install 'heartline\[web\]'"):
        require_web()
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "heartline[web]" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_file_that_is_not_a_library_is_one_line(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database, just words " * 100)
    result = CliRunner().invoke(main, ["serve", "--library", str(bogus), "--port", "0"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("heartline: error:") and len(result.output.strip().splitlines()) == 1


def test_every_interface_is_warned_about(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "heartline", "serve", "--library", str(tmp_path / "l.db"), "--host", "0.0.0.0",
         "--port", str(port)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    try:
        lines = []
        end = time.monotonic() + 60
        while time.monotonic() < end and proc.stderr is not None:
            line = proc.stderr.readline().decode()
            lines.append(line)
            if "serving" in line or not line:
                break
        text = "".join(lines)
        assert "warning" in text and "no accounts" in text, text
        assert f":{port}/" in text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stderr is not None:
            proc.stderr.close()
