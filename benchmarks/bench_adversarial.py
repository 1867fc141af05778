"""Hostile input: time and peak memory of each class of input that once hung, crashed or fooled heartline,
at 10 KB, 100 KB and 1 MB, and a count of crashes and hangs over generated inputs per reader.

usage: python benchmarks/bench_adversarial.py [--sizes 10000,100000,1000000] [--classes a,b]
                                              [--fuzz 10000] [--fuzz-read 1000] [--out FILE]

Each (class, size) runs in its own child process: the modules (and, for text read by the pipeline, the
spaCy model) are loaded first, then the input is read once; time is wall-clock, memory the growth of
the child's peak RSS over what loading cost. Reader classes time ``load`` of a file; text classes time
``read(text=..., steps="segment,characters,speakers")``. Targets: time linear in the size, at most 2 s per
100 KB, at most 500 MB. ``--fuzz N`` reads N generated inputs per reader (tests/fuzzing.py) and counts
stories, errors, crashes and hangs (over 20 s); ``--fuzz-read M`` does the same for the whole read.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from common import write_results  # noqa: E402

STEPS = "segment,characters,speakers"
COMPARISON = "prose_for_comparison"  # measured beside the hostile classes, left out of the worst case
PROSE = "“You came back,” said Noor, and the ferry horn sounded twice over the grey water. "


def _words(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(n)
    )


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _epub(folder: Path, size: int, kind: str) -> Path:
    from tests.ingest.builders import make_epub, xhtml

    path = make_epub(folder / f"{kind}.epub", chapters=[("One", ["x"]), ("Two", ["y"])])
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    body = _words(size // 6)  # about six bytes a word
    opf = members["OEBPS/content.opf"].decode()
    if kind == "xml_decl":
        members["OEBPS/text/ch1.xhtml"] = (
            '<?xml version="1.0" encoding="utf-8">\n<html><body><p>' + body + "</p></body></html>"
        ).encode()
    elif kind == "entity":
        opf = opf.replace("?>", '?><!DOCTYPE package [<!ENTITY t "x">]>', 1).replace("<dc:title>", "<dc:title>&t;")
        members["OEBPS/text/ch1.xhtml"] = xhtml("One", [body]).encode()
    elif kind == "spine_repeat":
        opf = opf.replace('<itemref idref="c1"/>', '<itemref idref="c1"/>' * 400)
        members["OEBPS/text/ch1.xhtml"] = xhtml("One", [body]).encode()
    elif kind == "many_members":
        n = 20
        items = "".join(
            f'<item id="m{i}" href="text/m{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(n)
        )
        refs = "".join(f'<itemref idref="m{i}"/>' for i in range(n))
        opf = opf.replace("</manifest>", items + "</manifest>").replace("</spine>", refs + "</spine>")
        for i in range(n):
            members[f"OEBPS/text/m{i}.xhtml"] = xhtml(f"Part {i}", [_words(size // 6 // n, i)]).encode()
    elif kind == "png_chapter":
        noise = random.Random(1).randbytes(size)  # as incompressible as a real picture
        members["OEBPS/text/ch1.xhtml"] = b"\x89PNG\r\n\x1a\n" + noise
        members["OEBPS/text/ch2.xhtml"] = xhtml("Two", ["Some words of the story."]).encode()
    members["OEBPS/content.opf"] = opf.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _file(name: str, text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _ao3(size: int) -> str:
    para = "<p>" + PROSE * 2 + "\x02</p>"
    return (
        "<html><body><div id='chapters'><div class='userstuff'><h3 class='landmark'>Chapter Text</h3>\x01"
        + para * max(1, size // len(para))
        + "</div></div></body></html>"
    )


# class -> (kind, builder): "file" builders make a file to load, "text" builders the text to read.
def classes(size: int) -> dict[str, tuple[str, Callable[..., object]]]:
    return {
        "markdown_emphasis": ("file", _file("e.md", _repeat("_a ", size))),
        "markdown_link": ("file", _file("l.md", _repeat("[a](", size))),
        "markdown_comment": ("file", _file("c.md", "-->" + _repeat("<!--a ", size))),
        "ao3_control_chars": ("file", _file("w.html", _ao3(size))),
        "html_xml_declaration": (
            "file",
            _file("d.html", '<?xml version="1.0" encoding="utf-8">\n' + _repeat("<p>" + PROSE + "</p>", size)),
        ),
        "epub_xml_declaration": ("file", lambda d: _epub(d, size, "xml_decl")),
        "epub_opf_entity": ("file", lambda d: _epub(d, size, "entity")),
        "epub_spine_repeat_x400": ("file", lambda d: _epub(d, size, "spine_repeat")),
        "epub_many_members": ("file", lambda d: _epub(d, size, "many_members")),
        "epub_png_chapter": ("file", lambda d: _epub(d, size, "png_chapter")),
        "segment_quote_marks": ("text", lambda: "A story begins. " + '"' * size + " The end."),
        "segment_brackets": ("text", lambda: "A story begins. " + "[" * size + " The end."),
        "segment_entities": ("text", lambda: "A story begins. " + _repeat("&amp;&#", size) + " The end."),
        "segment_entities_spaced": ("text", lambda: "A story begins. " + _repeat("&amp; &# ", size) + " The end."),
        "segment_one_block": ("text", lambda: _repeat(PROSE.strip() + "\n", size)),
        COMPARISON: ("text", lambda: _repeat(PROSE.strip() + "\n\n", size)),  # ordinary prose, not hostile
    }


def child(name: str, size: int, steps: str = STEPS) -> dict[str, object]:
    """In a child process: build the input, warm up, then time one read of it."""
    import heartline
    from heartline.errors import HeartlineError

    kind, build = classes(size)[name]
    with tempfile.TemporaryDirectory() as folder:
        source: object = build(Path(folder)) if kind == "file" else build()
        if kind == "text":
            heartline.read(text=PROSE + " He was furious, then glad.", steps=steps)
        else:
            heartline.load(text=PROSE)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        try:
            if kind == "text":
                story = heartline.read(text=str(source), steps=steps)
            else:
                story = heartline.load(Path(str(source)))
            outcome = f"story ({story.metadata.words:,} words)"
        except HeartlineError as exc:
            outcome = f"{type(exc).__name__}: {exc.message[:80]}"
        seconds = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": round(seconds, 3),
        "peak_rss_mb": round(peak),
        "rss_growth_mb": round(peak - base),
        "outcome": outcome,
    }


def measure(names: list[str], sizes: list[int], steps: str = STEPS) -> list[dict[str, object]]:
    rows = []
    for name in names:
        for size in sizes:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", name, str(size), "--steps", steps],
                capture_output=True,
                text=True,
                timeout=900,
            )
            if proc.returncode != 0:
                row: dict[str, object] = {"class": name, "size": size, "outcome": "CRASH " + proc.stderr[-300:]}
            else:
                row = {"class": name, "size": size, **json.loads(proc.stdout.strip().splitlines()[-1])}
            rows.append(row)
            secs = row.get("seconds", float("nan"))
            print(
                f"{name:24} {size:>9,} B {secs:>8} s {row.get('rss_growth_mb', '?'):>5} MB  {row['outcome']}",
                flush=True,
            )
    return rows


def fuzz(readers: list[str], n: int, n_read: int) -> dict[str, dict[str, int]]:
    from tests.fuzzing import Hang, check_load, check_read, generate, story_text

    counts: dict[str, dict[str, int]] = {}
    jobs = [(r, n) for r in readers if n] + ([("read", n_read)] if n_read else [])
    for reader, count in jobs:
        c: Counter[str] = Counter()
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            for i in range(count):
                rng = random.Random(f"{reader}-{i}")
                try:
                    if reader == "read":
                        c[check_read(story_text(rng), limit=20)] += 1
                    else:
                        c[check_load(generate(reader, rng, Path(folder)), limit=20)] += 1
                except Hang:
                    c["hang"] += 1
                    print(f"HANG {reader} seed {reader}-{i}", flush=True)
                except Exception:
                    c["crash"] += 1
                    print(f"CRASH {reader} seed {reader}-{i}\n{traceback.format_exc(limit=-4)}", flush=True)
        counts[reader] = {"inputs": count, **dict(c), "seconds": round(time.perf_counter() - t0)}
        print(f"fuzz {reader:10} {counts[reader]}", flush=True)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--classes", default="")
    ap.add_argument("--steps", default=STEPS, help=f"steps for the text classes (default {STEPS})")
    ap.add_argument("--fuzz", type=int, default=0, help="generated inputs per reader (0: none)")
    ap.add_argument("--fuzz-read", type=int, default=0, help="generated texts for the whole read (0: none)")
    ap.add_argument("--no-timing", action="store_true", help="only the fuzz counts")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.steps)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.classes.split(",") if args.classes else list(classes(1))
    payload: dict[str, object] = {}
    if not args.no_timing:
        rows = measure(names, sizes, args.steps)
        payload["steps"] = args.steps
        payload["timings"] = rows
        hostile = [r for r in rows if r["class"] != COMPARISON and "seconds" in r]
        per_100k = [float(r["seconds"]) * 100_000 / int(r["size"]) for r in hostile if int(r["size"]) >= 100_000]
        payload["worst_s_per_100kb"] = round(max(per_100k), 3) if per_100k else None
        payload["worst_rss_growth_mb"] = max((int(r["rss_growth_mb"]) for r in hostile), default=None)
    if args.fuzz or args.fuzz_read:
        from tests.fuzzing import READERS

        payload["fuzz"] = fuzz(list(READERS), args.fuzz, args.fuzz_read)
    out = write_results("adversarial", payload, args.out)
    print(
        f"worst: {payload.get('worst_s_per_100kb')} s per 100 KB, {payload.get('worst_rss_growth_mb')} MB; wrote {out}"
    )


if __name__ == "__main__":
    main()
