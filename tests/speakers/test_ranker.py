"""The learned speaker ranker: shipped weights load, and on an untagged exchange it keeps turn-taking."""

import json

from heartline.pipeline import Pipeline
from heartline.speaker_ranker import FEATURES, candidate_features, load_weights, rerank
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


ADDRESSED = (
    "Mrs. Grant came in from the garden. Sir Thomas rose.\n\n"
    '"Yes, sir. The roses are doing well."\n\n'
    '"Oh, mamma, do come and see!"\n\n'
    '"Miss Bertram is here, and mother said so."\n\n'
    '"Who told you?"\n'
)


def _context(text):
    story = Pipeline("segment,characters")(Story(text))
    return story, rule_speakers(story)


def test_words_of_address_tell_the_gender_of_the_one_spoken_to():
    _, ctx = _context(ADDRESSED)
    # "Miss Bertram" is a name and "mother said" a clause, not words of address
    assert ctx.address_genders == ["he", "she", None, None]
    assert ctx.questions == [False, False, False, True]


def test_the_last_subject_of_a_narration_paragraph_is_kept():
    story, ctx = _context(ADDRESSED)
    ids = story.cache["char_index"]
    assert story.character(ids[ctx.last_subjects[0]]).name == "Sir Thomas"


def test_the_one_who_asked_the_line_before_is_marked_among_the_candidates():
    story, ctx = _context(TEXT)
    ids = story.cache["char_index"]
    anne = next(i for i, cid in enumerate(ids) if story.character(cid).name == "Anne")
    cands, x = candidate_features(ctx, 3)  # "Terribly." answers Gilbert's "Was it?"
    asked = FEATURES.index("asked_prev1")
    rows = dict(zip(cands, x[:, asked], strict=True))
    assert rows[ctx.speakers[2]] == 1 and ctx.speakers[2] != anne
    assert rows.get(anne, 0) == 0


CHAIN = (
    "Anne walked into the kitchen where Gilbert sat.\n\n"
    '"You are late," said Gilbert.\n\n'
    '"The road was muddy," Anne said.\n\n'
    '"Was it?"\n\n'
    '"Terribly, Gilbert."\n\n'
    '"Then sit by the fire."\n\n'
    "The kettle sang for a long while.\n\n"
    '"Thank you."\n'
)


def test_an_exchange_is_split_by_turn_into_the_two_sides():
    _, ctx = _context(CHAIN)
    assert ctx.chains[4] == ([2, 0], [3, 1])
    assert ctx.chains[5] == ([], [])  # the narration paragraph ends the exchange


def test_chain_features_read_the_tags_and_names_of_the_whole_exchange():
    story, ctx = _context(CHAIN)
    ids = story.cache["char_index"]
    who = {story.character(cid).name: i for i, cid in enumerate(ids)}
    cands, x = candidate_features(ctx, 4)  # "Then sit by the fire." four turns after Gilbert's tag
    rows = {c: dict(zip(FEATURES, x[j], strict=True)) for j, c in enumerate(cands)}
    gilbert, anne = rows[who["Gilbert"]], rows[who["Anne"]]
    assert gilbert["chain_tagged_same"] == 1 and gilbert["chain_tagged_other"] == 0
    assert anne["chain_tagged_other"] == 1 and anne["chain_tagged_same"] == 0
    assert gilbert["chain_called_same"] == 1  # Anne's "Terribly, Gilbert." one turn before
    assert anne["chain_called_same"] == 0
    # the nearest named tag before is Anne's, three turns back: the other side
    assert anne["chain_last_tag_other"] == 1 and gilbert["chain_last_tag_same"] == 0
    assert anne["chain_next_tag_same"] == anne["chain_next_tag_other"] == 0  # no tag after, in this exchange
