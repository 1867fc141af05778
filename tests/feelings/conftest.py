"""Hand-built stories for the feelings, bonds and arcs tests."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from heartline.story import Character, Mention, Story

GENDERS = {"Mara": "she", "Theo": "he", "Jonah": "he", "Lucy": "she", "Ellie": "she", "Kit": "he", "Nora": "she",
           "Jess": "she", "Will": "he", "Rosa": "she", "Willa": "she", "June": "she", "Ada": "she"}  # fmt: skip


def build(text: str, names: list[str], quotes: list[tuple[str, list[str]]] = (), pronouns: dict[str, str] | None = None,
          emotions: dict[str, dict[str, float]] | None = None) -> Story:  # fmt: skip
    """A Story with real sentences (the segment step), the given characters, their name mentions, pronoun
    mentions (``{"word@n": name}``: the n-th occurrence of a word, from 0), quote speakers and, for sentences
    containing a key of ``emotions``, those emotion scores (labels = every score >= 0.3)."""
    from heartline.segment import segment

    story = Story(text)
    segment(story)
    story.characters = [Character(n.lower(), n, gender=GENDERS.get(n)) for n in names]
    mentions = []
    for n in names:
        for m in re.finditer(rf"\b{n}\b", text):
            mentions.append(Mention(m.start(), m.end(), n.lower(), "name"))
    for key, name in (pronouns or {}).items():
        word, nth = key.split("@")
        hits = list(re.finditer(rf"\b{word}\b", text))
        m = hits[int(nth)]
        mentions.append(Mention(m.start(), m.end(), name.lower(), "pronoun"))
    story.mentions = sorted(mentions, key=lambda m: m.start)
    for c in story.characters:
        c.mentions = sum(1 for m in story.mentions if m.character == c.id)
    for q, (speaker, addressees) in zip(story.quotes, quotes, strict=False):
        q.speaker = speaker.lower()
        q.addressees = [a.lower() for a in addressees]
    for s in story.sentences:
        s.emotions, s.labels = {"neutral": 0.9}, ["neutral"]
        for needle, scores in (emotions or {}).items():
            if needle in text[s.start : s.end]:
                s.emotions = dict(scores)
                s.labels = [k for k, v in sorted(scores.items(), key=lambda kv: -kv[1]) if v >= 0.3]
    return story


@pytest.fixture(scope="session")
def make_story(nlp) -> Callable[..., Story]:
    return build
