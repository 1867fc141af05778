from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

import heartline
from heartline.errors import PipelineError
from heartline.pipeline import DEFAULT_STEPS, Pipeline, parse_settings, parse_steps, register_step, step_settings
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


@pytest.mark.slow
def test_a_reading_saved_after_characters_and_continued_reads_as_a_full_run(nlp, example_path):
    """What the characters step hands to the later steps travels in the reading itself: a Story rebuilt
    from the JSON written after characters, continued with ``assume=``, reads exactly as a full run."""
    text = example_path.read_text(encoding="utf-8")
    full = Pipeline()(Story(text))
    partial = Pipeline("segment,characters")(Story(text))
    rebuilt = Story.from_json(partial.to_json())
    assert rebuilt.cache == {}
    continued = Pipeline(DEFAULT_STEPS[2:], assume=["segment", "characters"])(rebuilt)
    assert continued.to_dict() == full.to_dict()
    assert any(m.subject for m in continued.mentions)


def test_a_reading_without_subject_marks_is_refused_by_speakers(nlp):
    story = Pipeline("segment,characters")(Story("“Hello,” said Anne Shirley. Anne smiled.\n\n“Hi,” Gilbert said."))
    data = story.to_dict()
    for m in data["mentions"]:
        del m["subject"]
    with pytest.raises(PipelineError, match="subjects"):
        Pipeline("speakers", assume=["segment", "characters"])(Story.from_dict(data))


def test_built_in_steps_name_story_fields():
    """What a step requires or assigns is a Story field, or a field of the records in one ("quotes.speaker")."""
    import dataclasses
    import typing

    from heartline import story as story_module
    from heartline.pipeline import BUILTIN_STEPS, get_step

    hints = typing.get_type_hints(Story, vars(story_module))
    for name in BUILTIN_STEPS:
        info = get_step(name)
        for field_name in (*info.requires, *info.assigns):
            head, _, attr = field_name.partition(".")
            assert head in hints, (name, field_name)
            if attr:
                record = typing.get_args(hints[head])[0]
                assert attr in {f.name for f in dataclasses.fields(record)}, (name, field_name)


def test_an_unknown_setting_is_refused_with_the_settings_the_step_has():
    with pytest.raises(PipelineError, match="Step 'feelings' has no setting 'sorce'") as err:
        Pipeline(config={"feelings": {"sorce": "lexicon"}})
    assert "source" in err.value.fix and "min_intensity" in err.value.fix


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"feelings": {"source": "lexicons"}}, "feelings.source must be 'model' or 'lexicon' or 'both'"),
        ({"arcs": {"points": 1.5}}, "arcs.points must be int"),
        ({"speakers": {"ranker": "no"}}, "speakers.ranker must be bool"),
        ({"bonds": {"max_windows": True}}, "bonds.max_windows must be int"),
        ({"emotions": {"model": 3}}, "emotions.model must be str or None"),
        ({"segment": {"anything": 1}}, "has no setting 'anything'"),
        ({"sentiment": {}}, "no step called 'sentiment'"),
        ({"feelings": "lexicon"}, "must map setting names to values"),
    ],
)
def test_a_setting_of_the_wrong_type_is_refused(config, message):
    with pytest.raises(PipelineError, match=re.escape(message)):
        Pipeline(config=config)


def test_settings_of_the_right_type_are_taken():
    Pipeline(config={"feelings": {"source": "lexicon", "min_intensity": 1}, "emotions": {"model": None}})


def test_settings_are_read_from_text_as_their_type():
    config = parse_settings(["feelings.source=lexicon", "speakers.ranker=false", "arcs.points=50",
                             "bonds.min_strength=1", "emotions.model=none"])  # fmt: skip
    assert config == {
        "feelings": {"source": "lexicon"},
        "speakers": {"ranker": False},
        "arcs": {"points": 50},
        "bonds": {"min_strength": 1.0},
        "emotions": {"model": None},
    }
    with pytest.raises(PipelineError, match="must be int"):
        parse_settings(["arcs.points=fifty"])


def test_every_built_in_setting_has_a_type_and_a_default():
    for name in DEFAULT_STEPS:
        settings = step_settings(name)
        assert settings is not None, name
        for s in settings.values():
            assert s.type is not Any and s.default is not inspect.Parameter.empty, (name, s)


def test_a_custom_step_taking_any_keywords_takes_any_setting():
    @register_step("any_settings_test", requires=("text",))
    def make(**config):
        return lambda story: None

    Pipeline("any_settings_test", config={"any_settings_test": {"whatever": object()}})


def test_read_takes_a_config(nlp):
    story = heartline.read(
        "“Hello, Gilbert,” said Anne.\n\n“Hello,” he said.",
        steps="segment,characters,speakers",
        config={"speakers": {"ranker": False}},
    )
    assert story.quotes[0].speaker is not None
    with pytest.raises(PipelineError, match="has no setting 'rankr'"):
        heartline.read("Hi.", steps="segment,characters,speakers", config={"speakers": {"rankr": False}})
