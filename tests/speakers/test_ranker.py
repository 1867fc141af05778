"""The learned speaker ranker: shipped weights load, and on an untagged exchange it keeps turn-taking."""

import json

import numpy as np

from heartline.pipeline import Pipeline
from heartline.speakers import rule_speakers
from heartline.speakers.ranker import FEATURES, candidate_features, load_weights, rerank, scores
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
    assert passes is not None and len(passes) == 3  # each pass after the first reads the one before
    assert all(len(members) >= 2 for members in passes)  # scorers from several random starts
    assert all(m["linear"].shape == (len(FEATURES),) for members in passes for m in members)


def test_weights_in_an_old_format_are_not_used(tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"features": list(FEATURES), "weights": {"linear": []}}), encoding="utf-8")
    assert load_weights(str(old)) is None
    one_scorer = tmp_path / "v6.json"  # speakers-v6: one scorer per pass, not a list of them
    one_scorer.write_text(json.dumps({"features": list(FEATURES), "passes": [{"linear": [0.0] * len(FEATURES)}]}))
    assert load_weights(str(one_scorer)) is None


def test_the_scores_of_a_pass_are_the_mean_of_its_scorers():
    x = np.eye(len(FEATURES), dtype=np.float32)[:3]
    a = {"linear": np.arange(len(FEATURES), dtype=np.float32)}
    b = {"linear": np.zeros(len(FEATURES), dtype=np.float32)}
    assert scores([a, b], x).tolist() == [0.0, 0.5, 1.0]


def test_ranker_keeps_an_untagged_exchange_alternating():
    story = Pipeline("segment,characters")(Story(TEXT))
    ctx = rule_speakers(story)
    ids = ctx.ids
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
    ids = ctx.ids
    assert story.character(ids[ctx.last_subjects[0]]).name == "Sir Thomas"


def test_the_one_who_asked_the_line_before_is_marked_among_the_candidates():
    story, ctx = _context(TEXT)
    ids = ctx.ids
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
    ids = ctx.ids
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


BEFORE = (
    '"Shall I read to you?" said Elinor.\n\n'
    "Elinor sat by the window with her work. In the evening Marianne began to speak of him again, and she "
    "could not hide the colour that rose as she spoke.\n\n"
    '"I wish to assure you both," said she, "that I see everything as you would wish."\n\n'
    "Mr. Palmer looked up from his paper.\n\n"
    '"You need not tell me that," he said to Mrs. Palmer.\n'
)


def _rows(story, ctx, qi):
    ids = ctx.ids
    cands, x = candidate_features(ctx, qi)
    return {story.character(ids[c]).name: dict(zip(FEATURES, x[j], strict=True)) for j, c in enumerate(cands)}


def test_the_characters_named_before_a_quote_are_read_nearest_first():
    story, ctx = _context(BEFORE)
    ids = ctx.ids
    subjects, _ = ctx.before[1]
    assert [story.character(ids[c]).name for c in subjects[:2]] == ["Marianne", "Elinor"]
    assert ctx.before[0] == ([], [])  # nothing before the first line
    rows = _rows(story, ctx, 1)  # "said she": Marianne, the last woman who was a subject before it
    assert rows["Marianne"]["before_gsubject1"] == 1 and rows["Marianne"]["before_gmention1"] == 1
    assert rows["Elinor"]["before_gsubject2"] == 1 and rows["Elinor"]["before_gsubject1"] == 0


def test_the_one_a_tag_speaks_to_is_marked():
    story, ctx = _context(BEFORE)
    rows = _rows(story, ctx, 2)  # "he said to Mrs. Palmer"
    assert rows["Mrs. Palmer"]["tag_addressee"] == 1
    assert rows["Mr. Palmer"]["tag_addressee"] == 0


ELIZABETH = [
    "Upon my word, how very droll",
    "Upon my word, I never",
    "How droll you are",
    "Upon my honour",
    "Very droll indeed",
]
DARCY = [
    "Good morning, Jane",
    "The weather is fine",
    "I walked to the village",
    "The horses are ready",
    "We leave at noon",
]
VOICES = (
    "".join(f'"{e}," said Elizabeth.\n\n"{d}," said Darcy.\n\n' for e, d in zip(ELIZABETH, DARCY, strict=True))
    + '"Good morning," said Jane.\n\n'
    + "Mr. Collins came in and sat down by the fire. Elizabeth looked at him.\n\n"
    + '"Upon my word!"\n\n'
    + '"Come here, Jane."\n'
)


def test_an_untagged_line_is_compared_with_how_each_candidate_talks_in_tagged_lines():
    story, ctx = _context(VOICES)
    rows = _rows(story, ctx, 11)  # "Upon my word!": Elizabeth's words
    assert rows["Elizabeth"]["style_best"] == 1 and rows["Elizabeth"]["style_sim"] > 0
    assert rows["Darcy"]["style_best"] == 0 and rows["Darcy"]["style_sim"] == 0
    assert rows["Elizabeth"]["style_unknown"] == rows["Darcy"]["style_unknown"] == 0
    # Jane has one tagged line, Mr. Collins none: too few to know a voice by
    assert rows["Jane"]["style_unknown"] == rows["Mr. Collins"]["style_unknown"] == 1


def test_who_has_called_the_one_spoken_to_by_name_before_is_marked():
    story, ctx = _context(VOICES)
    rows = _rows(story, ctx, 12)  # "Come here, Jane.": Darcy greeted Jane by name in a tagged line
    assert rows["Darcy"]["pair_talked"] == 1
    assert rows["Elizabeth"]["pair_talked"] == 0 and rows["Mr. Collins"]["pair_talked"] == 0
