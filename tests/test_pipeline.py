from __future__ import annotations

import pytest

from heartline.errors import PipelineError
from heartline.pipeline import DEFAULT_STEPS, Pipeline, parse_steps, register_step
from heartline.story import Story


def test_default_steps_build_in_order():
    assert Pipeline().names == list(DEFAULT_STEPS)


def test_unknown_step_names_the_known_ones():
    with pytest.raises(PipelineError, match="no step called 'sentiment'") as err:
        Pipeline("segment,sentiment")
    assert "segment" in err.value.fix


def test_a_step_before_what_it_needs_is_refused_when_built():
    with pytest.raises(PipelineError, match="Step 'speakers' needs") as err:
        Pipeline("segment,speakers")
    assert "characters" in err.value.fix


def test_step_named_twice():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline("segment,segment")


def test_empty_step_list():
    with pytest.raises(PipelineError):
        parse_steps(" , ")


def test_a_custom_step_runs_after_segment_and_records_itself(nlp):
    seen = []

    @register_step("count_quotes_test", requires=("quotes",), assigns=("quote_count",))
    def make(**config):
        def run(story: Story) -> None:
            seen.append(len(story.quotes))

        return run

    story = Story("“Hi,” she said.")
    Pipeline("segment,count_quotes_test")(story)
    assert seen == [1]
    assert story.done == ["segment", "count_quotes_test"]


def test_steps_can_continue_a_story_already_segmented(nlp):
    @register_step("needs_sentences_test", requires=("sentences",), assigns=())
    def make(**config):
        return lambda story: None

    story = Story("One. Two.")
    Pipeline("segment")(story)
    continuing = Pipeline("needs_sentences_test", assume=["segment"])
    continuing(story)  # segment already ran on this story
    assert story.done == ["segment", "needs_sentences_test"]
    with pytest.raises(PipelineError, match="needs sentences"):
        continuing(Story("Fresh."))  # but not on this one
    with pytest.raises(PipelineError, match="Run 'segment' before it"):
        Pipeline("needs_sentences_test")


def test_progress_is_reported_per_step(nlp):
    calls = []
    Pipeline("segment")(Story("A. B."), progress=lambda step, f: calls.append((step, f)))
    assert calls[0] == ("segment", 0.0) and calls[-1] == ("segment", 1.0)
