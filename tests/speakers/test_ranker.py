"""The learned speaker ranker: shipped weights load, and on an untagged exchange it keeps turn-taking."""

import json

from heartline.pipeline import Pipeline
from heartline.speaker_ranker import FEATURES, load_weights, rerank
from heartline.speakers import rule_speakers
from heartline.story import Story

TEXT = (
    "Anne walked into the kitchen where Gilbert sat.\n\n"
    '"You are late," said Gilbert.\n\n'
    '"The road was muddy," Anne said.\n\n'
    '"Was it?"\n\n'
    '"Terribly."\n\n'
    '"Then sit by the fire."\n'
)


def test_weights_match_the_features():
    passes = load_weights()
    assert passes is not None and len(passes) == 2
    assert all(p["linear"].shape == (len(FEATURES),) for p in passes)


def test_weights_in_an_old_format_are_not_used(tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"features": list(FEATURES), "weights": {"linear": []}}), encoding="utf-8")
    assert load_weights(str(old)) is None


def test_ranker_keeps_an_untagged_exchange_alternating():
    story = Pipeline("segment,characters")(Story(TEXT))
    ctx = rule_speakers(story)
    ids = story.cache["char_index"]
    names = [story.character(ids[s]).name if s is not None else None for s in rerank(ctx, load_weights())]
    assert names == ["Gilbert", "Anne", "Gilbert", "Anne", "Gilbert"]
