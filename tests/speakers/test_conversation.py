"""Turn-taking (heartline.speakers.conversation): which quotes make one conversation, whom its turns expect."""

from __future__ import annotations

from dataclasses import dataclass, field

from heartline.speakers.conversation import MAX_GAP_PARAGRAPHS, alternation, next_known, same_conversation
from heartline.story import Quote, Story


@dataclass
class Turn:
    vocatives: list[int] = field(default_factory=list)


def story_with_quotes_in(paragraphs: list[int]) -> Story:
    return Story("x", quotes=[Quote(0, 1, paragraph=p) for p in paragraphs])


def test_a_conversation_goes_on_across_at_most_the_gap():
    story = story_with_quotes_in([0, 0, 1, 1 + MAX_GAP_PARAGRAPHS + 1])
    assert same_conversation(story, 0, 1) and same_conversation(story, 1, 2)
    assert not same_conversation(story, 2, 3)
    assert not same_conversation(story, 2, 1)  # in text order only


def test_turn_taking_expects_the_one_before_the_last_speaker():
    story = story_with_quotes_in([0, 1, 2, 3])
    speakers: list[int | None] = [5, 7, 5, None]
    assert alternation(story, 3, speakers, [Turn() for _ in speakers])[0] == 7


def test_a_vocative_of_the_last_line_names_who_answers():
    story = story_with_quotes_in([0, 1])
    assert alternation(story, 1, [5, None], [Turn([9]), Turn()]) == [9, 5]


def test_backward_turn_taking_reads_two_quotes_on():
    story = story_with_quotes_in([0, 1, 2])
    assert next_known(story, 0, [None, 7, 5]) == [5]
    assert next_known(story_with_quotes_in([0, 1, 9]), 0, [None, 7, 5]) == []
