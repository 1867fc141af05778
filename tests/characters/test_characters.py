"""The characters step as a whole (heartline.characters): ids, titles alone, presence, the example story."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartline.pipeline import Pipeline
from heartline.story import Story

from .conftest import by_name, mentions_of, read

SHARED_EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "i-missed-you.txt"

FAMILY = (
    "Elizabeth Bennet walked into the garden. Elizabeth looked at the roses and smiled.\n\n"
    "Mr. Darcy followed her. Darcy said nothing for a while; he only watched her.\n\n"
    "“Come in, Lizzy,” called her sister from the house. Elizabeth turned.\n\n"
    "Mrs. Bennet wanted her daughters at home. Mrs. Bennet was cross, and she said so.\n\n"
    "They had travelled from London in the spring, and London was still in their talk."
)


def test_ids_are_unique_slugs(pipe: Pipeline) -> None:
    story = read(pipe, FAMILY)
    ids = [c.id for c in story.characters]
    assert len(ids) == len(set(ids))
    assert "elizabeth-bennet" in ids and "mrs-bennet" in ids


def test_a_title_alone_names_its_only_holder(pipe: Pipeline) -> None:
    story = read(
        pipe, "Admiral Croft came in. Admiral Croft was loud. Everyone liked the Admiral. The Admiral laughed at that."
    )
    croft = story.characters[0]
    assert croft.name == "Admiral Croft"
    assert any(m.kind == "nominal" and m.character == croft.id for m in story.mentions)


def test_absent_character_is_not_present(pipe: Pipeline) -> None:
    text = (
        "Maya sat by the window. Maya waited.\n\n"
        "“Do you still think of Ruth?” Leo asked. Leo looked away.\n\n"
        "“Every day. Ruth would have loved this,” Maya said.\n\n"
        "“Ruth always did,” Leo said."
    )
    story = read(Pipeline(["segment", "characters", "speakers"]), text)
    names = {c.name: c for c in story.characters}
    assert names["Maya"].present and names["Leo"].present
    assert "Ruth" in names and not names["Ruth"].present


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="the shared example story is not here")
def test_example_story_characters() -> None:
    story = Pipeline(["segment", "characters", "speakers"])(Story(SHARED_EXAMPLE.read_text(encoding="utf-8")))
    names = {c.name: c for c in story.characters}
    assert set(names) == {"Willow", "Buffy", "Tara"}
    assert "Wil" in names["Willow"].aliases
    assert names["Willow"].present and names["Buffy"].present and not names["Tara"].present
    assert names["Willow"].gender == "she" and names["Buffy"].gender == "she"
    assert not any(n in names for n in ("Slayer", "England", "Buffy-sadness"))


def test_a_bare_title_long_before_its_bearer_is_named_is_someone_else(pipe):
    """Oliver Twist: the doctor at Mr. Brownlow's, hundreds of sentences before Mr. Losberne ("known ... round as
    'the doctor'") is first named, is another doctor; all of "the doctor" went to Losberne. A title used all
    along before the name (The Gambler's General, from the first page) still names its bearer."""
    filler = "The days went by in the quiet house, and nothing happened there.\n\n" * 330
    general = "".join(
        f"“It is {hour} o'clock,” said the General.\n\n" + "The clocks of the town struck the hour.\n\n" * 150
        for hour in ("one", "two")
    )
    story = read(
        pipe,
        "Oliver Twist lay in bed.\n\n“You feel sleepy, don't you, my dear?” said the doctor.\n\n"
        "“No, sir,” replied Oliver.\n\n"
        + filler
        + "Mr. Losberne came in at last. “Well,” said the doctor, “who is ill?” Doctor Losberne sat down.\n\n"
        + general
        + "General Perovski went out. “Good night,” said the General.",
    )
    names = by_name(story)
    early = names["the doctor"]
    assert mentions_of(story, early.id) == ["the doctor"]
    assert mentions_of(story, names["Doctor Losberne"].id).count("the doctor") == 1
    assert mentions_of(story, names["General Perovski"].id).count("the General") == 3
