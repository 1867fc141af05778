"""The reading JSON: its schema, its round trip, and that offsets always hold."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import heartline
from heartline.errors import FormatError
from heartline.story import Bond, Character, Feeling, Metadata, Quote, Sentence, Story

SCHEMA = json.loads((Path(heartline.__file__).parent / "schema" / "reading-1.schema.json").read_text())


def hand_built() -> Story:
    text = "“Stay,” Maren said. Ines stayed."
    return Story(
        text,
        metadata=Metadata(title="Test", authors=["Someone"]),
        sentences=[Sentence(0, 7, 0), Sentence(8, 19, None), Sentence(20, 32, None)],
        quotes=[
            Quote(0, 7, [(1, 6)], speaker="maren", addressees=["ines"], emotions={"caring": 0.7}, labels=["caring"])
        ],
        characters=[Character("maren", "Maren", ["Maren"], 2, 1, True), Character("ines", "Ines", [], 1, 0, True)],
        feelings=[Feeling("maren", "ines", "caring", 0.7, 0, 7, True)],
        bonds=[Bond("maren", "ines", 0.5, 0.7, {"caring": 0.7}, [], {"mutuality": 0.0})],
    )


def test_empty_story_reading_is_valid_and_has_every_list():
    reading = Story("Just text.").to_dict()
    jsonschema.validate(reading, SCHEMA)
    for key in ("chapters", "paragraphs", "sentences", "quotes", "characters", "mentions", "feelings", "bonds"):
        assert isinstance(reading[key], list)
    assert reading["chapters"] == [{"start": 0, "end": 10, "title": None}]


def test_hand_built_reading_round_trips():
    story = hand_built()
    reading = json.loads(story.to_json())
    jsonschema.validate(reading, SCHEMA)
    again = Story.from_json(story.to_json())
    assert again.to_dict() == story.to_dict()
    assert again.quote_text(again.quotes[0]) == "Stay,"
    assert reading["bonds"][0]["mutuality"] == 0.0


def test_schema_rejects_a_broken_reading():
    reading = hand_built().to_dict()
    reading["quotes"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(reading, SCHEMA)


def test_from_dict_refuses_other_json():
    with pytest.raises(FormatError, match="heartline read"):
        Story.from_dict({"schema": "something/2"})


@pytest.mark.usefixtures("nlp")
def test_segmented_reading_of_the_example_is_valid(example_path):
    story = heartline.read(example_path, steps="segment")
    reading = story.to_dict()
    jsonschema.validate(reading, SCHEMA)
    assert reading["text"] == example_path.read_text(encoding="utf-8")
    assert reading["steps"] == ["segment"]
    for s in reading["sentences"]:
        piece = reading["text"][s["start"] : s["end"]]
        assert piece and piece == piece.strip()
        if s["quote"] is not None:
            q = reading["quotes"][s["quote"]]
            assert q["start"] <= s["start"] and s["end"] <= q["end"]


def test_chapter_at_finds_the_chapter_holding_an_offset():
    from heartline.story import Chapter

    story = Story("one two three", chapters=[Chapter(0, 4, "A"), Chapter(4, 8, "B"), Chapter(8, 13, "C")])
    assert [story.chapter_at(i) for i in (0, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]
