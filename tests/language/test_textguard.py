"""textguard: long runs tokenized in pieces with the text kept exactly, long paragraphs cut; and segment
on the texts that once took minutes or crashed."""

from __future__ import annotations

import pytest

import heartline
from heartline.language.textguard import LONG_PIECE, MAX_PARAGRAPH, PUNCT_PIECE, GuardedTokenizer, cap_spans, long_runs
from heartline.segment import find_paragraphs


def test_ordinary_text_has_no_long_runs() -> None:
    assert long_runs("“Thank you,” Willow said -- quietly... “For the strength!!!” http://example.org/a/b") == []


def test_long_runs_of_punctuation_and_of_anything() -> None:
    text = "Oh " + '"' * 100 + " no " + "a" * 999 + " " + "b" * 1200 + "!" * 60
    assert long_runs(text) == [(3, 103, PUNCT_PIECE), (1107, 1107 + 1260, LONG_PIECE)]


@pytest.mark.usefixtures("nlp")
def test_a_run_becomes_tokens_of_its_piece_length(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Oh " + '"' * 100 + " no")
    assert [len(t) for t in doc] == [2, 24, 24, 24, 24, 4, 2]
    assert doc[5].whitespace_ == " "


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize("run", ['"' * 5000, "[" * 5000, "a" * 5000, "”." * 3000, "&amp;&#" * 800])
def test_guarded_doc_keeps_every_character_and_offset(nlp, run: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(nlp.tokenizer, GuardedTokenizer)
    text = f"She said: {run} and left.\nThen “Hi,” he said."
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_cap_spans_cuts_at_line_breaks_and_keeps_everything() -> None:
    line = "A line of the story, pasted with single newlines.\n"
    text = line * 5000  # 255,000 characters, one block
    spans = list(cap_spans(text, [(0, len(text) - 1)]))
    assert len(spans) > 1
    assert all(e - s <= MAX_PARAGRAPH for s, e in spans)
    assert all(text[e] == "\n" for _, e in spans[:-1])
    assert [s for s, _ in spans[1:]] == [e + 1 for _, e in spans[:-1]]  # nothing but the line break between


def test_cap_spans_cuts_a_line_with_no_space_hard() -> None:
    text = "x" * (3 * MAX_PARAGRAPH + 7)
    assert list(cap_spans(text, [(0, len(text))])) == [
        (0, MAX_PARAGRAPH),
        (MAX_PARAGRAPH, 2 * MAX_PARAGRAPH),
        (2 * MAX_PARAGRAPH, 3 * MAX_PARAGRAPH),
        (3 * MAX_PARAGRAPH, len(text)),
    ]


def test_no_paragraph_is_longer_than_the_cap() -> None:
    text = "\n".join(f"Line {i} of a book pasted with single newlines." for i in range(25_000))
    assert max(e - s for s, e in find_paragraphs(text)) <= MAX_PARAGRAPH


# -- segment on what once took minutes or crashed ------------------------------------------------------------


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    "run",
    [
        pytest.param('"' * 80_000, id="80 KB of quote marks"),
        pytest.param("[" * 100_000, id="100 KB of brackets"),
        pytest.param("&amp;&#" * 2_000, id="14 KB of entity starts"),
    ],
)
def test_segment_on_long_punctuation_runs(run: str) -> None:
    text = f"A story begins. {run} The end."
    story = heartline.read(text=text, steps="segment")
    assert story.text == text
    assert all(0 <= s.start < s.end <= len(text) for s in story.sentences)
    assert story.sentences[-1].end == len(text)


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_segment_on_a_story_over_spacys_million_characters_in_one_block() -> None:
    """1.1 MB pasted with single newlines and no blank line once crashed spaCy (E088)."""
    text = "\n".join(f"Line {i} of the story goes on, said Noor." for i in range(27_000))
    assert len(text) > 1_000_000
    story = heartline.read(text=text, steps="segment")
    assert story.paragraphs
    assert max(p.end - p.start for p in story.paragraphs) <= MAX_PARAGRAPH
    assert story.sentences[-1].end == len(text)


def test_char_batches_close_on_count_or_characters() -> None:
    from heartline.language.textguard import char_batches

    assert [len(b) for b in char_batches(["a"] * 600)] == [256, 256, 88]
    assert [len(b) for b in char_batches(["x" * 100_000] * 5, max_chars=250_000)] == [2, 2, 1]
    assert list(char_batches([])) == []
