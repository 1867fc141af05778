"""An atheris (libFuzzer) target for one reader: the bytes libFuzzer makes are a file of that format.

usage: python fuzz/fuzz_reader.py READER [libFuzzer options]      (READER: text markdown ao3 html epub gutenberg)
       e.g. python fuzz/fuzz_reader.py epub -max_total_time=300 -timeout=20

Needs ``pip install 'heartline[fuzz]'`` (atheris). The corpus starts from the generated inputs of
tests/fuzzing.py (fixtures mutated with the pieces that once broke a reader) and grows in
fuzz/corpus/READER. Anything but a Story or a HeartlineError is a crash; libFuzzer's ``-timeout`` catches
hangs. Every crash found becomes a named regression test in tests/ingest/test_hostile_input.py.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["heartline"]):
    from heartline.errors import HeartlineError
    from heartline.ingest import load

from tests.fuzzing import READERS, check_story, generate  # noqa: E402

EXT = {"text": ".txt", "gutenberg": ".txt", "markdown": ".md", "ao3": ".html", "html": ".html", "epub": ".epub"}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in READERS:
        sys.exit(__doc__)
    reader = sys.argv[1]
    corpus = ROOT / "fuzz" / "corpus" / reader
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        with tempfile.TemporaryDirectory() as folder:
            for i in range(50):
                seed = generate(reader, random.Random(f"{reader}-seed-{i}"), Path(folder))
                (corpus / f"seed-{i}").write_bytes(seed.read_bytes())
    work = Path(tempfile.mkdtemp(prefix="heartline-fuzz-"))
    path = work / f"story{EXT[reader]}"

    def one_input(data: bytes) -> None:
        path.write_bytes(data)
        try:
            story = load(path, format="gutenberg" if reader == "gutenberg" else None)
        except HeartlineError:
            return
        check_story(story)

    atheris.Setup([sys.argv[0], *sys.argv[2:], str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
