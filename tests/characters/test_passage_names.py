"""Names and described people in a passage of a few sentences (heartline.characters.names, .unnamed): the
evidence a name said once or twice has there, where spaCy's entity labels are the weakest."""

from __future__ import annotations

import pytest

from heartline.pipeline import Pipeline

from .conftest import by_name, read


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # letters outside ASCII
        (
            "Prince Andrew knew the old soldier from the war. He smiled at the recollection of his love for "
            "Natásha and passed at once to other matters.",
            "Natásha",
        ),
        # a patronymic
        (
            "Nobody was at home. At first Pulcheria Alexandrovna was speechless with surprise; then she took "
            "the letter and read it by the window.",
            "Pulcheria Alexandrovna",
        ),
        # "that" before a name that begins a clause is a conjunction, not a determiner
        (
            "They quarrelled bitterly that night. You might have thought that Leonora would be calmly "
            "loathing him, but it was not so.",
            "Leonora",
        ),
        # a relative pronoun for people
        (
            "He was coming to the Inn, and so would not fall in Bentley Drummle's way. I had little objection "
            "to his being seen by anyone but Drummle, whom I held in contempt.",
            "Drummle",
        ),
        # what only a person has: letters, a friend, kin
        (
            "He followed me into the library. I sought out and put into his hands two of Milicent’s letters, "
            "one written in the country during a quiet interval.",
            "Milicent",
        ),
        # called by name between commas, once
        (
            "We sat by the dead sea bottom all night. “And your father, Sola, is he with us now?” I asked. "
            "There was no answer for a while.",
            "Sola",
        ),
    ],
)
def test_a_name_said_once_or_twice_in_a_passage_is_a_character(pipe: Pipeline, text: str, name: str) -> None:
    assert name in by_name(read(pipe, text))


def test_a_post_written_as_a_name_in_a_passage_is_a_described_character(pipe: Pipeline) -> None:
    story = read(
        pipe,
        "One afternoon the Dodger took it into his head to dress for the evening. He commanded Oliver to help "
        "him, and Oliver was glad to do it. The Dodger sat upon the table while Oliver knelt on the floor.",
    )
    names = by_name(story)
    assert "the Dodger" in names and "Oliver" in names
    assert names["the Dodger"] is not names["Oliver"]


def test_a_capitalised_place_after_the_is_not_a_described_character(pipe: Pipeline) -> None:
    story = read(
        pipe,
        "Oliver walked along the Thames in the rain. The Dodger was nowhere to be seen, and the Louvre of "
        "his dreams was far away.",
    )
    assert not any(c.name in ("the Thames", "the Louvre") for c in story.characters)
