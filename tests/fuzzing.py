"""Generated and mutated input for every reader, and the checks every result must pass.

Shared by the Hypothesis property tests (tests/ingest/test_fuzz_readers.py, tests/test_fuzz_read.py), the
atheris targets (fuzz/) and benchmarks/bench_adversarial.py. Generators take a ``random.Random``, so each
input is reproducible from its seed, and start from the fixtures (tests/fixtures/ingest, the bundled
story, tests/ingest/builders.py) before mutating them with the pieces that once broke a reader.

    generate(reader, rng, folder) -> Path          a file for ``reader`` (text, markdown, ao3, epub, gutenberg, html)
    check_load(path) -> "story" | "error"          load() it within a time limit and check the Story
    check_read(text, steps) -> "story" | "error"   read(text=...) within a time limit and check every offset

Anything other than a Story or a HeartlineError, or a run over the limit (:class:`Hang`), is a bug.
"""

from __future__ import annotations

import io
import random
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from heartline.errors import HeartlineError
from heartline.story import Story

from .ingest.builders import CHAPTERS, make_epub

__all__ = [
    "READERS",
    "TIME_LIMIT",
    "Hang",
    "check_load",
    "check_read",
    "check_story",
    "generate",
    "mutate",
    "story_text",
    "time_limit",
]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
READERS = ("text", "markdown", "ao3", "html", "epub", "gutenberg")
TIME_LIMIT = 60.0  # seconds for one input: generous, so only a hang (or a quadratic blow-up) trips it

# Pieces that once crashed, hung or fooled a reader, and the markup each format is made of.
HOSTILE: tuple[bytes, ...] = (
    b'"' * 300,
    b"[" * 300,
    b"_a " * 200,
    b"*a " * 200,
    b"[a](" * 100,
    b"<!--a " * 100,
    b"<http:" * 100,
    b"`" * 200,
    b"&amp;&#" * 100,
    b"\x01",
    b"\x0b",
    b"\x1f",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\r",
    b"\r\n",
    b"\n" * 3,
    b"<?xml version='1.0' encoding='utf-8'?>",
    b'<?xml version="1.0" encoding="utf-8">',
    b"<!DOCTYPE x [<!ENTITY e 'expanded'>]>",
    b"&e;",
    b"<![CDATA[",
    b"<h3 class='landmark'>Chapter Text</h3>",
    b"*** START OF THE PROJECT GUTENBERG EBOOK X ***",
    b"*** END OF THE PROJECT GUTENBERG EBOOK X ***",
    b"CHAPTER I\n\n",
    "“Hello,” said Noor. “Again.”".encode(),
    "— Come up, Kinch!".encode(),
    b"---\ntitle: x\n---\n",
    b"# ",
    b"```",
    b"* * *",
    b"word " * 50,
)
MARKUP: dict[str, tuple[bytes, ...]] = {
    "text": (b"\n\n", b"Chapter 2\n\n", b" ", b"'", b"-- "),
    "gutenberg": (b"\n\n", b"CHAPTER II\n\n", b"_emphasis_", b"[Illustration]"),
    "markdown": (b"\n\n", b"## ", b"> ", b"- ", b"**", b"_", b"~~", b"[x](y)", b"![i](p.png)", b"<b>", b"\\", b"  \n"),
    "ao3": (b"<p>", b"</p>", b"<div class='userstuff'>", b"</div>", b"<h2 class='heading'>", b"<br>", b"<hr>"),
    "html": (b"<p>", b"</p>", b"<main>", b"<h1>", b"<script>", b"<dl class='tags'><dt>Fandom:</dt>", b"<pre>"),
    "epub": (b"<p>", b"</p>", b"<h1>", b"<itemref idref='c1'/>", b"&nbsp;", b"<a id='x'/>"),
}


class Hang(Exception):
    """An input took longer than the time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the main thread after ``seconds`` (a SIGALRM timer)."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"over {seconds:g} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _seeds() -> dict[str, list[bytes]]:
    story = (ROOT / "examples" / "the-lighthouse-keepers.txt").read_bytes()[:4000]
    gutenberg = (FIXTURES / "gutenberg_sample.txt").read_bytes()
    return {
        "text": [story, "“You came back,” she said.\n\nHe did not answer.\n".encode(), b"one line"],
        "gutenberg": [gutenberg[:6000], gutenberg[-3000:]],
        "markdown": [(FIXTURES / "story.md").read_bytes(), b"# One\n\nA *b* _c_.\n\n# Two\n\nD."],
        "ao3": [(FIXTURES / n).read_bytes() for n in ("ao3_work.html", "ao3_oneshot.html", "ao3_work_page.html")],
        "html": [(FIXTURES / n).read_bytes() for n in ("generic_story.html", "nav_only.html")],
    }


_SEEDS: dict[str, list[bytes]] = {}
_EXT = {"text": ".txt", "gutenberg": ".txt", "markdown": ".md", "ao3": ".html", "html": ".html", "epub": ".epub"}


def mutate(rng: random.Random, data: bytes, pieces: tuple[bytes, ...], ops: int | None = None) -> bytes:
    """``data`` after a few random edits: pieces inserted (sometimes many times over), ranges deleted or
    repeated, bytes flipped, the end cut off."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8) if ops is None else ops):
        op = rng.random()
        at = rng.randint(0, len(buf))
        if op < 0.55:
            piece = rng.choice(pieces)
            buf[at:at] = piece * (rng.choice((1, 1, 1, 2, 5, 20, 100)) if len(piece) < 50 else 1)
        elif op < 0.7 and buf:
            del buf[at : at + rng.randint(1, 200)]
        elif op < 0.8 and buf:
            buf[at:at] = buf[at : at + rng.randint(1, 500)] * rng.randint(2, 10)
        elif op < 0.95 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        else:
            del buf[at:]
    return bytes(buf)


def generate(reader: str, rng: random.Random, folder: Path) -> Path:
    """A file for ``reader`` in ``folder``: a fixture of its format, mutated."""
    if not _SEEDS:
        _SEEDS.update(_seeds())
    path = folder / f"story{_EXT[reader]}"
    if reader == "epub":
        path.write_bytes(_epub(rng, folder))
    else:
        pieces = HOSTILE + MARKUP[reader]
        path.write_bytes(mutate(rng, rng.choice(_SEEDS[reader]), pieces))
    return path


def _epub(rng: random.Random, folder: Path) -> bytes:
    """An EPUB from builders.make_epub with its members mutated, the spine or OPF tampered with, or the
    zip itself damaged."""
    chapters = [(title, list(paras)) for title, paras in CHAPTERS[: rng.randint(1, len(CHAPTERS))]]
    base = make_epub(folder / "base.epub", chapters=chapters, version=rng.choice((2, 3)), headings=rng.random() < 0.7)
    with zipfile.ZipFile(base) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    names = sorted(members)
    pieces = HOSTILE + MARKUP["epub"]
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(names)
        trick = rng.random()
        if trick < 0.6:
            members[name] = mutate(rng, members[name], pieces)
        elif trick < 0.7 and name.endswith(".opf"):
            opf = members[name]
            members[name] = opf.replace(b"<itemref", b"<itemref idref='c1'/>" * rng.randint(2, 50) + b"<itemref", 1)
        elif trick < 0.8:
            members[name] = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300))
        elif trick < 0.9:
            members[name] = members[name].replace(b"?>", b"?><!DOCTYPE x [<!ENTITY e 'expanded'>]>", 1) + b"&e;"
        else:
            del members[name]
            names.remove(name)
            if not names:
                break
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED))) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    data = out.getvalue()
    if rng.random() < 0.2:  # damage the archive itself
        data = mutate(rng, data, (b"\x00", b"\xff", b"PK\x03\x04"), ops=rng.randint(1, 3))
    return data


def story_text(rng: random.Random) -> str:
    """Story text for the whole read: the seeds of the text formats, mutated, decoded leniently."""
    if not _SEEDS:
        _SEEDS.update(_seeds())
    data = mutate(rng, rng.choice(_SEEDS["text"] + _SEEDS["markdown"]), HOSTILE + MARKUP["text"])
    return data.decode("utf-8", errors="replace").replace("\x00", "")


def check_story(story: Story) -> None:
    """Every offset of ``story`` lies inside its text, and spans are ordered."""
    n = len(story.text)
    assert isinstance(story.text, str) and story.text.strip()
    spans = [(c.start, c.end) for c in story.chapters]
    spans += [(p.start, p.end) for p in story.paragraphs]
    spans += [(b.start, b.end) for b in story.scene_breaks]
    spans += [(s.start, s.end) for s in story.sentences]
    for q in story.quotes:
        spans.append((q.start, q.end))
        spans.extend(q.parts)
    spans += [(m.start, m.end) for m in story.mentions]
    for start, end in spans:
        assert 0 <= start <= end <= n, (start, end, n)
    for q, s in ((q, s) for s in story.sentences if (q := s.quote) is not None):
        assert 0 <= q < len(story.quotes), s
    if story.chapters:
        assert story.chapters[0].start == 0 and story.chapters[-1].end == n


def check_load(path: Path, limit: float = TIME_LIMIT) -> str:
    """``"story"`` or ``"error"`` (a HeartlineError) for ``load(path)``; raises on anything else."""
    from heartline.ingest import load

    with time_limit(limit):
        try:
            story = load(path)
        except HeartlineError:
            return "error"
    check_story(story)
    return "story"


def check_read(text: str, steps: str | None = "segment,characters,speakers", limit: float = TIME_LIMIT) -> str:
    """``"story"`` or ``"error"`` for ``read(text=text, steps=steps)`` (None: every step); raises on anything else."""
    import heartline

    with time_limit(limit):
        try:
            story = heartline.read(text=text, steps=steps)
        except HeartlineError:
            return "error"
    check_story(story)
    return "story"
