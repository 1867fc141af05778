"""The parse of speech verbs whose subject is far from them (heartline.characters.syntax)."""

from __future__ import annotations

import pytest

from heartline.characters.syntax import parsed_subjects
from heartline.language.tokens import story_tokens
from heartline.pipeline import Pipeline
from heartline.story import Story

pytestmark = pytest.mark.usefixtures("nlp")


def test_the_subject_of_a_second_verb_is_found_through_the_parse():
    story = Pipeline("segment")(Story("Denham got up from his chair, looked at Katharine, and said: “Come.”"))
    toks = story_tokens(story)
    said = next(i for i, t in enumerate(toks) if t.lower == "said")
    found = parsed_subjects(story, toks, [said])
    assert toks[found[said]].text == "Denham"


def test_nothing_is_parsed_when_no_verb_is_asked_for():
    story = Pipeline("segment")(Story("Anne said nothing."))
    assert parsed_subjects(story, story_tokens(story), []) == {}
