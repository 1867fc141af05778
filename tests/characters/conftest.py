"""Shared fixtures and helpers of the characters tests."""

from __future__ import annotations

import pytest

from heartline.pipeline import Pipeline
from heartline.story import Character, Story


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    return Pipeline(["segment", "characters"])


def read(pipe: Pipeline, text: str) -> Story:
    return pipe(Story(text))


def by_name(story: Story) -> dict[str, Character]:
    return {c.name: c for c in story.characters}


def mentions_of(story: Story, char_id: str) -> list[str]:
    return [story.span_text(m) for m in story.mentions if m.character == char_id]
