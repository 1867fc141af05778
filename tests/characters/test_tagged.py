"""A work's character tags (AO3) name the characters found in its text; relationship tags mark bonds."""

from __future__ import annotations

from pathlib import Path

import pytest

import heartline
from heartline.characters.tagged import name_from_tags
from heartline.story import Character, Mention, Story

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "ao3_tagged_cast.html"


@pytest.fixture(scope="module")
def reading() -> Story:
    return heartline.read(FIXTURE)


def test_tagged_full_names_name_the_characters(reading):
    names = {c.name for c in reading.characters}
    assert {"Yang Wenli", "Oskar von Reuenthal", "Wolfgang Mittermeyer"} <= names
    assert not names & {"Yang", "Reuenthal", "Reunenthal", "Mittermeyer", "Admiral von Reuenthal"}
    assert "Original Characters" not in names


def test_parts_titles_and_a_typo_become_aliases_of_one_character(reading):
    (reuenthal,) = [c for c in reading.characters if c.name == "Oskar von Reuenthal"]
    assert {"Reuenthal", "Reunenthal", "Admiral von Reuenthal"} <= set(reuenthal.aliases)
    assert reuenthal.id == "oskar-von-reuenthal"
    ids = {c.id for c in reading.characters}
    assert all(m.character in ids for m in reading.mentions)
    typo = reading.text.index("Reunenthal laughed")
    assert any(m.start == typo and m.character == reuenthal.id for m in reading.mentions)


def test_relationship_tags_mark_the_bonds_and_come_first(reading):
    ids = {c.name: c.id for c in reading.characters}
    yang, oskar, wolf = ids["Yang Wenli"], ids["Oskar von Reuenthal"], ids["Wolfgang Mittermeyer"]
    kinds = {(b.source, b.target): b.extra["tagged"] for b in reading.bonds}
    assert kinds.get((yang, oskar)) == "romantic" or kinds.get((oskar, yang)) == "romantic"
    assert "platonic" in {kinds.get((wolf, oskar)), kinds.get((oskar, wolf))}
    assert all(v is None for (a, b), v in kinds.items() if {a, b} not in ({yang, oskar}, {wolf, oskar}))
    from heartline.summary import summarize

    bonds = [line for line in summarize(reading).splitlines() if line.startswith("bond:")]
    assert "[tagged romantic]" in bonds[0] and "[tagged platonic]" in bonds[1]


def test_a_story_without_tags_reads_as_before():
    story = Story("Yang poured the tea. Reuenthal laughed.")
    story.characters = [Character("yang", "Yang", [], 1), Character("reuenthal", "Reuenthal", [], 1)]
    story.mentions = [Mention(0, 4, "yang", "name"), Mention(21, 30, "reuenthal", "name")]
    before = (list(story.characters), list(story.mentions))
    name_from_tags(story)
    assert (story.characters, story.mentions) == before
    assert [c.name for c in story.characters] == ["Yang", "Reuenthal"]


def test_a_part_two_tags_share_names_neither():
    story = Story("Yang waved.")
    story.metadata.characters = ["Yang Wenli", "Yang Lan"]
    story.characters = [Character("yang", "Yang", [], 1)]
    story.mentions = [Mention(0, 4, "yang", "name")]
    name_from_tags(story)
    assert story.characters[0].name == "Yang"
