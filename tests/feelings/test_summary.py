"""The terminal summary's feelings lines: main characters, bonds both ways, the unsaid, the arc."""

from __future__ import annotations

from heartline.arcs import build_arcs
from heartline.bonds import build_bonds
from heartline.story import Character, Feeling, Sentence, Story
from heartline.summary import summarize


def test_summary_names_bonds_unsaid_and_shape():
    text = "Ann loved Bo. Bo cared. Ann smiled. Bo laughed."
    story = Story(text)
    story.sentences = [Sentence(0, 13, emotions={"sadness": 0.6}), Sentence(14, 23), Sentence(24, 35),
                       Sentence(36, 47, emotions={"joy": 0.9})]  # fmt: skip
    story.characters = [Character("ann", "Ann", mentions=3), Character("bo", "Bo", mentions=2)]
    story.feelings = [
        Feeling("ann", "bo", "love", 0.9, 0, 13, False),
        Feeling("bo", "ann", "caring", 0.4, 14, 23, False),
    ]
    story.bonds = build_bonds(story)
    story.arcs = build_arcs(story)
    out = summarize(story)
    assert "main characters: Ann, Bo" in out
    assert "bond: Ann -> Bo: love (valence +0.90, strength 0.9); Bo -> Ann: caring" in out
    assert "unsaid: Ann -> Bo: love" in out and '"Ann loved Bo."' in out
    assert "arc: " in out and "at the end" in out
