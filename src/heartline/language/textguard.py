"""Guards that keep spaCy's cost linear on any text, without changing a character of it.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-delimited chunk one at a time, re-reading
the rest of the chunk at each step, so a long chunk of punctuation (80 KB of ``"``, 100 KB of ``[``) costs
time quadratic in its length; and a doc over ``nlp.max_length`` characters (1,000,000) is refused outright.
Stories never hold such runs (no run of 40 punctuation marks, nor of 200 non-space characters, in the
shipped examples, the Gutenberg novels or PDNC), so the guards change nothing for them:

* :class:`GuardedTokenizer` wraps a spaCy tokenizer: in a text with a run of :data:`PUNCT_RUN` punctuation
  marks (or of :data:`LONG_RUN` non-space characters), each such run becomes tokens of
  :data:`PUNCT_PIECE` (:data:`LONG_PIECE`) characters without going through the tokenizer, the rest is
  tokenized as usual, and the pieces are joined into one ``Doc`` whose text is the input, character for
  character, so every offset stays right. Other texts go to the wrapped tokenizer untouched.
* :func:`char_batches` groups texts for ``nlp.pipe`` by count and by characters, so the model's working
  memory follows the batch, not the book, even when every paragraph is long.
* :func:`cap_spans` cuts a paragraph longer than :data:`MAX_PARAGRAPH` characters (a book pasted with
  single newlines and no blank lines) into pieces, at a line break where it can, else at a space, so no
  doc comes near spaCy's limit and per-paragraph work stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = [
    "BATCH_CHARS",
    "LONG_PIECE",
    "LONG_RUN",
    "MAX_PARAGRAPH",
    "PUNCT_PIECE",
    "PUNCT_RUN",
    "GuardedTokenizer",
    "cap_spans",
    "char_batches",
    "guard_tokenizer",
    "long_runs",
]

PUNCT_RUN = 48  # a run of this many punctuation marks (no letter, digit or space) becomes tokens...
PUNCT_PIECE = 24  # ... of this many characters
LONG_RUN = 1000  # any run of this many non-space characters becomes tokens...
LONG_PIECE = 500  # ... of this many
MAX_PARAGRAPH = 50_000  # characters; the longest paragraph of the PDNC novels and Gutenberg samples is 15,516
BATCH_CHARS = 250_000  # characters in one batch of docs for spaCy; the corpora's largest batch of 256 is 168,794

_PUNCT = re.compile(rf"[^\w\s]{{{PUNCT_RUN},}}")
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")
_SPACE = re.compile(r"\s")


def long_runs(text: str) -> list[tuple[int, int, int]]:
    """The runs of ``text`` that spaCy's tokenizer would take quadratic time on, as ``(start, end, piece)``:
    sorted, not overlapping; ``piece`` is the length of the tokens the run is cut into (empty for ordinary
    text)."""
    long = [(m.start(), m.end(), LONG_PIECE) for m in _LONG.finditer(text)]
    runs = list(long)
    k = 0
    for m in _PUNCT.finditer(text):
        while k < len(long) and long[k][1] <= m.start():
            k += 1
        if k < len(long) and long[k][0] <= m.start():
            continue  # inside a long run, which is cut already
        runs.append((m.start(), m.end(), PUNCT_PIECE))
    return sorted(runs)


class GuardedTokenizer:
    """A spaCy tokenizer that never sees a long run: see the module docstring.

    Each run of :func:`long_runs` becomes tokens of ``piece`` characters (a single space after it is the
    last one's trailing space); the text between runs goes to the wrapped tokenizer; the docs are joined
    into one whose text is the input. Attributes other than the call (``vocab``, ``infix_finditer``, ...)
    are the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.__dict__["inner"] = tokenizer

    def __call__(self, text: str) -> Any:
        runs = long_runs(text)
        if not runs:
            return self.inner(text)
        from spacy.tokens import Doc

        docs = []
        pos = 0
        for start, end, piece in runs:
            if start > pos:
                docs.append(self.inner(text[pos:start]))
            words = [text[i : min(i + piece, end)] for i in range(start, end, piece)]
            spaces = [False] * len(words)
            pos = end
            if text[end : end + 1] == " ":
                spaces[-1] = True
                pos = end + 1
            docs.append(Doc(self.inner.vocab, words=words, spaces=spaces))
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["inner"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.inner, name, value)


def guard_tokenizer(nlp: Any) -> Any:
    """Wrap ``nlp``'s tokenizer in a :class:`GuardedTokenizer` (once) and return ``nlp``."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    return nlp


def cap_spans(text: str, spans: Iterable[tuple[int, int]], limit: int = MAX_PARAGRAPH) -> Iterator[tuple[int, int]]:
    """The spans, each longer than ``limit`` cut into pieces of at most ``limit`` characters, trimmed of
    whitespace: at the last line break in the second half of the window, else the last space, else hard."""
    for start, end in spans:
        while end - start > limit:
            hi = start + limit
            lo = start + limit // 2
            cut = text.rfind("\n", lo, hi)
            if cut < 0:
                cut = _last_space(text, lo, hi)
            if cut < 0:
                cut = hi
            yield from _trimmed(text, start, cut)
            start = cut
        yield from _trimmed(text, start, end)


def _last_space(text: str, lo: int, hi: int) -> int:
    found = -1
    for m in _SPACE.finditer(text, lo, hi):
        found = m.start()
    return found


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def char_batches(texts: Iterable[str], size: int = 256, max_chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """``texts`` in batches of ``size``, a batch closed early when it reaches ``max_chars`` characters."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= size or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch
