"""Feelings owned by characters the story never names, and the trigger of every feeling (the real pipeline)."""

from __future__ import annotations

import pytest

import heartline
from heartline.report.text import render_text
from heartline.story import Story


@pytest.fixture(scope="module")
def narrator_story() -> Story:
    return heartline.read(text="I had not seen her for three years. I loved her the more for the grey in her hair.")


@pytest.mark.slow
def test_the_narrator_of_a_first_person_passage_owns_its_feelings(narrator_story):
    (me,) = [c for c in narrator_story.characters if c.narrator]
    love = [f for f in narrator_story.feelings if f.emotion == "love"]
    assert love and all(f.experiencer == me.id for f in love)


@pytest.mark.slow
def test_the_old_man_weeps():
    story = heartline.read(text="The old man wept.")
    (man,) = story.characters
    assert man.name == "the old man"
    (sad,) = [f for f in story.feelings if f.emotion == "sadness"]
    assert sad.experiencer == man.id
    assert sad.trigger is not None and story.text[sad.trigger.start : sad.trigger.end] == sad.trigger.text == "wept"


@pytest.mark.slow
def test_triggers_point_at_the_cue_word_and_survive_the_json(narrator_story):
    for f in narrator_story.feelings:
        if f.emotion == "love":
            assert f.trigger is not None and f.trigger.text == "loved"
            assert narrator_story.text[f.trigger.start : f.trigger.end] == "loved"
    again = Story.from_json(narrator_story.to_json())
    assert again.feelings == narrator_story.feelings


@pytest.mark.slow
def test_a_care_phrase_and_a_model_label_have_their_words_as_triggers():
    story = heartline.read(text="“I'll wait for you, Sam,” Nora said. “Thank you,” said Sam.")
    by_label = {(f.experiencer, f.emotion): f for f in story.feelings}
    care = by_label.get(("nora", "caring"))
    assert care is not None and care.trigger is not None and care.trigger.text == "I'll wait for you"
    thanks = by_label.get(("sam", "gratitude"))
    assert thanks is not None and thanks.trigger is not None and thanks.trigger.text == "Thank"


@pytest.mark.slow
def test_the_report_marks_the_trigger_in_the_text():
    story = heartline.read(text="The old man wept.")
    html = render_text(story, {c.id: c.name for c in story.characters}).html
    assert '<mark class="t" title="sadness">wept</mark>' in html
