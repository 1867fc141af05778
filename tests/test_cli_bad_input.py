"""``heartline read`` on input it cannot read: one line on stderr, a non-zero exit, no output file.

Each case runs the real command in a subprocess (``python -m heartline``), as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ingest.builders import make_epub


def _empty(d: Path) -> Path:
    (d / "empty.txt").write_bytes(b"")
    return d / "empty.txt"


def _blank(d: Path) -> Path:
    (d / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    return d / "blank.txt"


def _binary(d: Path) -> Path:
    (d / "image.txt").write_bytes(b"\x00\x01\x02\x03binary\x00" * 100)
    return d / "image.txt"


def _missing(d: Path) -> Path:
    return d / "no-such-story.txt"


def _folder(d: Path) -> Path:
    (d / "stories").mkdir()
    return d / "stories"


def _undecodable(d: Path) -> Path:
    (d / "noise.txt").write_bytes(bytes((i * 97 + 131) % 128 + 128 for i in range(4000)))
    return d / "noise.txt"


def _not_a_zip(d: Path) -> Path:
    (d / "fake.epub").write_text("I am a text file wearing an .epub name.\n", encoding="utf-8")
    return d / "fake.epub"


def _traversal(d: Path) -> Path:
    path = make_epub(d / "escape.epub")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo("../../outside.xhtml"), "<html/>")
    return path


def _bomb(d: Path) -> Path:
    bomb = b"<html><body><p>" + b"a" * 20_000_000 + b"</p></body></html>"
    return make_epub(d / "bomb.epub", extra_members={"OEBPS/text/ch1.xhtml": bomb})


def _no_story_html(d: Path) -> Path:
    (d / "menu.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    return d / "menu.html"


def _name_of_no_file(d: Path) -> Path:
    return Path("no_such_story")  # no extension, no folder: it once became a story whose text was its name


def _symlink_loop(d: Path) -> Path:
    (d / "loop").symlink_to("loop")
    return d / "loop"


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "pipe")
    return d / "pipe"


def _too_many_words(d: Path) -> Path:
    (d / "huge.txt").write_bytes(b"word " * 5_000_000)
    return d / "huge.txt"


CASES: dict[str, Callable[[Path], Path]] = {
    "empty file": _empty,
    "whitespace only": _blank,
    "binary file": _binary,
    "missing path": _missing,
    "directory": _folder,
    "undecodable bytes": _undecodable,
    "epub that is not a zip": _not_a_zip,
    "zip with ../ names": _traversal,
    "zip bomb": _bomb,
    "html with no story": _no_story_html,
    "five million words": _too_many_words,
    "a bare name that is no file": _name_of_no_file,
    "a symlink loop": _symlink_loop,
    "a named pipe": _fifo,
}


def read_to(tmp_path: Path, source: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``heartline read SOURCE -o OUT [options]`` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "heartline", "read", str(source), "-o", str(out), *options],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_fails_cleanly(tmp_path: Path, case: str) -> None:
    bad = CASES[case](tmp_path)
    out = tmp_path / "out.json"
    proc = read_to(tmp_path, bad, out, "--steps", "segment")
    lines = proc.stderr.splitlines()
    assert proc.returncode == 1
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("heartline: error: ")
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not out.exists()
    assert not list(tmp_path.glob(".out.json.*"))  # no temporary file left behind either


def test_an_unknown_emotion_model_fails_before_reading(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("“I missed you,” said Anna.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    proc = read_to(tmp_path, story, out, "--emotion-model", "no-such-model")
    assert proc.returncode == 1
    assert proc.stderr.startswith("heartline: error: No model folder at 'no-such-model'")
    assert len(proc.stderr.splitlines()) == 1
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    story = tmp_path / "secret.txt"
    story.write_text("She kept it to herself.", encoding="utf-8")
    story.chmod(0)
    proc = read_to(tmp_path, story, tmp_path / "out.json", "--steps", "segment")
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("heartline: error: Cannot read")


def test_dash_reads_the_story_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "-m", "heartline", "read", "-", "-o", str(out), "--steps", "segment"],
        input="no_such_story",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"text": "no_such_story"' in out.read_text(encoding="utf-8")
