"""The token table (heartline.language.tokens) and the spaCy docs it is made from (heartline.language.nlp)."""

from __future__ import annotations

import pytest

from heartline.language.nlp import get_nlp, paragraph_docs, parse
from heartline.language.tokens import build_tokens, story_tokens
from heartline.pipeline import Pipeline
from heartline.story import Story

pytestmark = pytest.mark.usefixtures("nlp")

TEXT = "“Come in,” said Anne.\n\nGilbert came in. He sat down."


def test_each_token_knows_its_sentence_paragraph_and_quote():
    story = Pipeline("segment")(Story(TEXT))
    toks = build_tokens(story)
    words = {t.text: t for t in toks}
    assert words["Come"].quote == 0 and words["said"].quote == -1
    assert words["Gilbert"].para == 1 and words["Gilbert"].sent_start
    assert words["He"].sent == words["Gilbert"].sent + 1
    assert all(story.text[t.start : t.end] == t.text for t in toks)


def test_the_token_table_is_a_cache_made_again_when_the_segments_change():
    story = Pipeline("segment")(Story(TEXT))
    first = story_tokens(story)
    assert story_tokens(story) is first
    story.cache.clear()
    again = story_tokens(story)
    assert again is not first and again == first  # dropped, it is made again the same
    story.quotes = []
    assert all(t.quote == -1 for t in story_tokens(story))


def test_paragraph_docs_are_kept_and_parse_tags_and_parses():
    story = Pipeline("segment")(Story(TEXT))
    docs = paragraph_docs(story)
    assert [start for start, _ in docs] == [p.start for p in story.paragraphs]
    assert paragraph_docs(story) is docs
    assert get_nlp() is get_nlp()
    (doc,) = parse(["Gilbert came in."])
    assert any(t.dep_ == "nsubj" for t in doc)


def test_said_i_with_a_full_stop_is_the_pronoun_not_an_initial():
    story = Pipeline("segment")(Story("“Who?” said I. Then Part I. began, and John I. Smith sat down."))
    texts = [t.text for t in build_tokens(story)]
    assert texts[texts.index("said") + 1 : texts.index("said") + 3] == ["I", "."]
    assert "I." in texts[texts.index("Part") :]  # a numeral and an initial after a capital keep their stop
    assert texts.count("I.") == 2
    assert all(story.text[t.start : t.end] == t.text for t in build_tokens(story))
