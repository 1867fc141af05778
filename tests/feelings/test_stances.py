"""Stances shown rather than named: an act done to someone (bandaging, scolding, striking), a manner adverb
that needs someone to be toward, an adjective before a person's name, a relative pronoun's antecedent."""

from __future__ import annotations

import pytest

from heartline.feelings import attribute_feelings
from heartline.language.lexicon import is_feeling_verb


def triples(story) -> set[tuple[str | None, str | None, str]]:
    return {(f.experiencer, f.target, f.emotion) for f in attribute_feelings(story)}


def test_bandaging_someone_is_care_toward_them(make_story):
    story = make_story("Theo was bleeding. Mara knelt down and bandaged Theo's leg.", ["Mara", "Theo"])
    assert ("mara", "theo", "caring") in triples(story)


def test_an_act_on_a_part_of_someone_is_toward_its_owner(make_story):
    story = make_story("Lucy bent over the baby to tease Kit's dimple.", ["Lucy", "Kit"])
    assert ("lucy", "kit", "amusement") in triples(story)


def test_scolding_and_striking_are_hostile_stances_and_defending_a_caring_one(make_story):
    text = (
        "Theo scolded Mara in front of everyone. Then Jonah struck Theo. Later Jonah stabbed Mara. Lucy defended Mara."
    )
    found = triples(make_story(text, ["Mara", "Theo", "Jonah", "Lucy"]))
    assert ("theo", "mara", "annoyance") in found
    assert ("jonah", "theo", "anger") in found
    assert ("jonah", "mara", "anger") in found
    assert ("lucy", "mara", "caring") in found


def test_saving_feeding_or_courting_someone_is_warm_and_robbing_or_forsaking_them_hostile(make_story):
    text = "Theo saved Mara. Lucy fed Kit. Jonah courted Lucy. Kit robbed Jonah. Mara had forsaken Theo."
    found = triples(make_story(text, ["Mara", "Theo", "Jonah", "Lucy", "Kit"]))
    assert {("theo", "mara", "caring"), ("lucy", "kit", "caring"), ("jonah", "lucy", "love")} <= found
    assert {("kit", "jonah", "disapproval"), ("mara", "theo", "disapproval")} <= found
    story = make_story("Theo saved money all winter and fed the fire.", ["Theo"])
    assert not any(label == "caring" for _, _, label in triples(story))


def test_shielding_or_indulging_someone_is_warm_and_deceiving_or_thwarting_them_hostile(make_story):
    text = "Theo shielded Mara from the crowd. Lucy indulged Kit. Jonah deceived Lucy. Kit thwarted Jonah."
    found = triples(make_story(text, ["Mara", "Theo", "Jonah", "Lucy", "Kit"]))
    assert {("theo", "mara", "caring"), ("lucy", "kit", "caring")} <= found
    assert {("jonah", "lucy", "disapproval"), ("kit", "jonah", "annoyance")} <= found
    story = make_story("Theo opposed the plan and thwarted the scheme.", ["Theo"])
    assert not any(label in ("disapproval", "annoyance") for _, _, label in triples(story))


def test_an_act_done_to_no_person_is_no_feeling(make_story):
    story = make_story("Mara helped with the dishes, struck the table and attacked the problem.", ["Mara"])
    assert not any(label in ("caring", "anger") for _, _, label in triples(story))


def test_a_negated_act_is_no_stance(make_story):
    story = make_story("Mara did not scold Theo.", ["Mara", "Theo"])
    assert not any(e == "mara" and t == "theo" for e, t, _ in triples(story))


def test_a_passive_act_goes_from_its_doer_to_the_one_it_is_done_to(make_story):
    story = make_story("Lucy was scolded by Mara.", ["Lucy", "Mara"])
    found = triples(story)
    assert ("mara", "lucy", "annoyance") in found
    assert not any(e == "lucy" for e, _, _ in found)


def test_the_one_told_to_act_is_the_one_who_acts(make_story):
    story = make_story("Mara commanded Theo to help Lucy.", ["Mara", "Theo", "Lucy"])
    found = triples(story)
    assert ("theo", "lucy", "caring") in found
    assert ("mara", "lucy", "caring") not in found


def test_a_directed_manner_adverb_needs_someone_to_be_toward(make_story):
    story = make_story("Theo came in. Mara welcomed Theo warmly. Lucy was warmly dressed.", ["Mara", "Theo", "Lucy"])
    found = triples(story)
    assert ("mara", "theo", "caring") in found
    assert not any(e == "lucy" for e, _, _ in found)


def test_speaking_gently_or_looking_sternly_at_someone_is_a_stance_toward_them_and_a_door_closed_gently_none(
    make_story,
):
    text = "Theo spoke gently to Mara. Lucy looked at Theo sternly. Kit closed the door gently."
    found = triples(make_story(text, ["Mara", "Theo", "Lucy", "Kit"]))
    assert ("theo", "mara", "caring") in found
    assert ("lucy", "theo", "disapproval") in found
    assert not any(e == "kit" for e, _, _ in found)


def test_an_adjective_before_a_name_is_the_subjects_stance_toward_that_person(make_story):
    text = "Mara had the mortification of seeing Lucy helped by the ridiculous Theo."
    story = make_story(text, ["Mara", "Lucy", "Theo"])
    found = triples(story)
    assert ("mara", "theo", "disapproval") in found
    assert not any(e == "theo" and label == "disapproval" for e, _, label in found)


def test_an_adjective_before_a_name_in_a_quote_is_the_speakers(make_story):
    text = '"Good night, my dearest Theo," said Mara.'
    story = make_story(text, ["Mara", "Theo"], quotes=[("Mara", ["Theo"])])
    assert ("mara", "theo", "love") in triples(story)


def test_an_adjective_before_a_name_in_first_person_narration_is_the_narrators(make_story):
    # the narrator tells of them: the stance is the narrator's, not that of the sentence's subject
    text = "I stood by the door. Kit sat down beside the ridiculous Theo, and I looked at poor Lucy."
    story = make_story(text, ["Kit", "Theo", "Lucy", "Narrator"], pronouns={"I@0": "Narrator", "I@1": "Narrator"})
    found = triples(story)
    assert ("narrator", "theo", "disapproval") in found
    assert ("narrator", "lucy", "caring") in found
    assert not any(e == "kit" and t == "theo" for e, t, _ in found)


def test_a_servile_or_noble_person_is_judged_by_whoever_tells_of_them(make_story):
    text = '"I saw the servile Theo there," said Mara. "And the noble Kit," said Lucy.'
    story = make_story(text, ["Mara", "Theo", "Lucy", "Kit"], quotes=[("Mara", ["Lucy"]), ("Lucy", ["Mara"])])
    found = triples(story)
    assert ("mara", "theo", "disgust") in found
    assert ("lucy", "kit", "admiration") in found


def test_an_adjective_the_parse_takes_for_a_noun_still_qualifies_the_name_after_it(make_story):
    text = '"Let us all go," cried my kind Maria. I rose and went.'
    story = make_story(text, ["Maria", "Narrator"], pronouns={"I@0": "Narrator"}, quotes=[("Maria", ["Narrator"])])
    assert ("narrator", "maria", "admiration") in triples(story)


def test_attached_is_a_feeling_only_toward_a_person(make_story):
    text = "I had become greatly attached to Louise. Theo was attached to the embassy at Vienna."
    story = make_story(text, ["Louise", "Theo", "Narrator"], pronouns={"I@0": "Narrator"})
    found = triples(story)
    assert ("narrator", "louise", "love") in found
    assert not any(e == "theo" for e, _, _ in found)


def test_a_manner_adverb_is_the_doers_toward_the_one_the_act_is_done_to(make_story):
    text = "Lucy sat by the fire. Then Mara came in, and she condescendingly commanded Theo to fetch Lucy's shawl."
    story = make_story(text, ["Lucy", "Mara", "Theo"], pronouns={"she@0": "Mara"})
    found = triples(story)
    assert ("mara", "theo", "disapproval") in found
    assert not any(e == "lucy" for e, _, _ in found)


def test_a_relative_pronoun_stands_for_its_antecedent(make_story):
    text = "I had a respect for Theo, but I dreaded meeting Kit, whom I held in contempt."
    story = make_story(text, ["Theo", "Kit", "Narrator"], pronouns={"I@0": "Narrator", "I@1": "Narrator",
                                                                    "I@2": "Narrator"})  # fmt: skip
    assert ("narrator", "kit", "disapproval") in triples(story)


def test_acts_are_not_verbs_of_feeling_for_the_characters_step():
    assert is_feeling_verb("loved") and is_feeling_verb("hugged")
    assert not is_feeling_verb("scolded") and not is_feeling_verb("helped")


def test_an_act_at_someone_is_toward_them(make_story):
    story = make_story("Theo sat down. Mara sneered at Theo and patted Lucy's hand.", ["Mara", "Theo", "Lucy"])
    found = triples(story)
    assert ("mara", "theo", "disapproval") in found
    assert ("mara", "lucy", "caring") in found
    assert ("mara", "theo", "caring") not in found


def test_a_sentence_with_only_a_stance_keeps_the_models_labels(make_story):
    """An act is no emotion word: the model's labels of its sentence are kept beside the stance, as they are
    in a sentence the lexicon does not read, where an emotion word would set them aside."""
    scores = {"sadness": 0.8}
    story = make_story("Theo scolded Kit in the hall.", ["Theo", "Kit"], emotions={"scolded": scores})
    found = triples(story)
    assert ("theo", "kit", "annoyance") in found
    assert any(label == "sadness" for _, _, label in found)
    worded = make_story("Theo scolded Kit in the hall, furious.", ["Theo", "Kit"], emotions={"scolded": scores})
    assert not any(label == "sadness" for _, _, label in triples(worded))


def test_an_adjective_on_the_manner_of_an_act_is_the_doers_toward_the_one_it_is_done_to(make_story):
    text = "Lucy stood by the door. Theo rose and shook Mara by the hand in the most friendly manner."
    found = triples(make_story(text, ["Lucy", "Theo", "Mara"]))
    assert ("theo", "mara", "caring") in found
    assert not any(e == "lucy" or t == "lucy" for e, t, _ in found)


@pytest.mark.parametrize(
    ("text", "doer", "toward", "pronouns"),
    [
        ("Theo sat by the bed. Mara held Theo's hand.", "mara", "theo", None),  # a hand held
        ("Mara took Theo by the hand.", "mara", "theo", None),
        ("Lucy sat beside Mara. Lucy put her head down on Mara's shoulder.", "lucy", "mara", None),  # laid on another
        ("Theo knelt. Mara was putting her arm round his neck.", "mara", "theo", {"his@0": "Theo"}),
        ("Theo slept. Mara pressed her lips to his forehead.", "mara", "theo", {"his@0": "Theo"}),  # lips to another
        ("Theo bowed and raised Mara's hand to his lips.", "theo", "mara", {"his@0": "Theo"}),  # another's hand to one
    ],
)
def test_a_gesture_of_tenderness_is_love_and_care_toward_the_one_touched(make_story, text, doer, toward, pronouns):
    found = triples(make_story(text, ["Mara", "Theo", "Lucy"], pronouns=pronouns))
    assert (doer, toward, "love") in found
    assert (doer, toward, "caring") in found


def test_a_gesture_on_ones_own_body_or_a_thing_is_no_feeling(make_story):
    story = make_story(
        "Mara held the cup in her hand. Theo put his hand in his pocket. Mara did not take Theo's hand. "
        "Mara put her hand to her head. Theo threw Mara's arm off.",
        ["Mara", "Theo"],
        pronouns={"her@0": "Mara", "his@0": "Theo", "his@1": "Theo", "her@1": "Mara", "her@2": "Mara"},
    )
    assert not any(label in ("love", "caring") for _, _, label in triples(story))


def test_a_hand_taken_is_another_s_even_when_the_reading_gave_her_to_the_doer(make_story):
    # two women: "Lucy took her hand" is Mara's hand, though the reading gives "her" to Lucy
    story = make_story("Mara was crying. Lucy took her hand.", ["Mara", "Lucy"], pronouns={"her@0": "Lucy"})
    assert ("lucy", "mara", "caring") in triples(story)
    for text in ("Mara was crying. Lucy took her hand away.", "Mara was crying. Lucy pressed her hand to her heart."):
        hers = {f"her@{k}": "Lucy" for k in range(text.count(" her "))}
        story = make_story(text, ["Mara", "Lucy"], pronouns=hers)
        assert ("lucy", "mara", "caring") not in triples(story), text


def test_an_embrace_no_part_of_the_body_names_is_tenderness(make_story):
    for text in (
        "Mara was crying. Lucy pulled Mara into a hug.",
        "Mara was crying. Lucy held Mara until the shaking stopped.",
        "Mara was crying. Lucy held Mara in her arms.",
        "Mara sat down. Lucy leaned into Mara.",
        "Mara was crying. Lucy pressed a kiss to Mara's forehead.",
    ):
        assert ("lucy", "mara", "caring") in triples(make_story(text, ["Mara", "Lucy"])), text
    for text in (
        "Lucy held Mara back from the edge.",
        "Lucy held Mara responsible for it.",
        "Lucy held Mara there a prisoner.",
        "Lucy held Mara at arm's length.",
        "Lucy held Mara in contempt.",
        "Lucy pulled the boat into the water, and Mara watched.",
    ):
        assert ("lucy", "mara", "caring") not in triples(make_story(text, ["Mara", "Lucy"])), text


def test_an_evaluative_adjective_said_of_someone_is_the_speakers_stance(make_story):
    text = "“You are the most wicked child I ever saw,” said Mara. “Get away, you wicked boy!” said Lucy."
    story = make_story(
        text,
        ["Mara", "Theo", "Lucy"],
        quotes=[("Mara", ["Theo"]), ("Lucy", ["Theo"])],
        pronouns={"You@0": "Theo", "you@0": "Theo"},
    )
    found = triples(story)
    assert ("mara", "theo", "disapproval") in found
    assert ("lucy", "theo", "disapproval") in found


def test_an_evaluative_adjective_after_a_bare_you_is_said_of_the_one_spoken_to(make_story):
    # "You wicked girl!" alone: the parse hangs the "you" on the noun, not as its subject
    text = "“You wicked girl!” cried Mara. “You dear child!” said Lucy."
    story = make_story(
        text, ["Mara", "Theo", "Lucy"], quotes=[("Mara", ["Theo"]), ("Lucy", ["Theo"])], pronouns={"You@0": "Theo"}
    )
    found = triples(story)
    assert ("mara", "theo", "disapproval") in found
    assert ("lucy", "theo", "love") in found


def test_thinking_highly_or_little_of_someone_is_esteem_or_its_want(make_story):
    text = "Mara thought highly of Theo. Lucy thought very little of Theo. Jonah did not think much of Theo."
    found = triples(make_story(text, ["Mara", "Theo", "Lucy", "Jonah"]))
    assert ("mara", "theo", "admiration") in found
    assert ("lucy", "theo", "disapproval") in found
    assert ("jonah", "theo", "disapproval") in found
    assert ("jonah", "theo", "admiration") not in found


def test_thinking_of_someone_is_no_stance(make_story):
    found = triples(make_story("Mara thought of Theo.", ["Mara", "Theo"]))
    assert not any(e == "mara" and t == "theo" for e, t, _ in found)


def test_narration_that_goes_on_from_a_quote_is_done_by_its_speaker(make_story):
    text = "Theo looked at Mara and said, “You knew her when she was young--” and clasped Mara's hand."
    story = make_story(text, ["Mara", "Theo"], quotes=[("Theo", ["Mara"])])
    assert ("theo", "mara", "caring") in triples(story)
    text = "Theo looked at Jonah and said, “Go away--” and struck Mara."
    story = make_story(text, ["Mara", "Theo", "Jonah"], quotes=[("Theo", ["Jonah"])])
    assert ("theo", "mara", "anger") in triples(story)


def test_a_participle_before_a_name_is_the_speakers_stance(make_story):
    text = "“Come back to me, my adored Mara!” cried Theo. Theo adored Lucy."
    story = make_story(text, ["Mara", "Theo", "Lucy"], quotes=[("Theo", ["Mara"])])
    found = triples(story)
    assert ("theo", "mara", "love") in found
    assert ("theo", "lucy", "love") in found
    assert not any(e == "mara" and label == "love" for e, _, label in found)


def test_more_adjectives_before_a_person_judge_them(make_story):
    text = "Theo looked at the unfortunate Mara. Then Theo saw the stupid Jonah."
    found = triples(make_story(text, ["Mara", "Theo", "Jonah"]))
    assert ("theo", "mara", "caring") in found
    assert ("theo", "jonah", "disapproval") in found


def test_a_quality_of_someone_that_one_judges_is_a_stance_toward_its_owner(make_story):
    text = (
        "“I could bear the haughtiness of Jonah, the self-conceit of Lucy and the goodness of Nora,” said Theo. "
        "Mara could not bear Kit's insolence."
    )
    story = make_story(text, ["Theo", "Jonah", "Lucy", "Nora", "Mara", "Kit"], quotes=[("Theo", [])])
    found = triples(story)
    assert ("theo", "jonah", "disapproval") in found
    assert ("theo", "lucy", "disapproval") in found
    assert ("theo", "nora", "admiration") in found
    assert ("mara", "kit", "annoyance") in found


def test_a_noun_said_of_a_person_is_the_speakers_stance_toward_them(make_story):
    text = (
        "“Have you seen the virago Lucy?” said Theo. “Get out, you scoundrel!” cried Mara. "
        "“Jonah is a coward,” said Nora. “Kit is no coward,” said Ellie."
    )
    names = ["Theo", "Lucy", "Mara", "Jonah", "Nora", "Kit", "Ellie", "Will"]
    quotes = [("Theo", ["Will"]), ("Mara", ["Will"]), ("Nora", ["Will"]), ("Ellie", ["Will"])]
    found = triples(make_story(text, names, quotes=quotes))
    assert ("theo", "lucy", "disapproval") in found
    assert ("mara", "will", "disapproval") in found
    assert ("nora", "jonah", "disapproval") in found
    assert not any(e == "ellie" and t == "kit" for e, t, _ in found)


def test_the_names_people_call_those_they_despise_or_cherish_are_stances(make_story):
    text = (
        "“Jonah is a commonplace simpleton,” said Nora. “Kit, that tyrant!” cried Mara. "
        "“Lucy is a perfect jewel,” said Theo."
    )
    names = ["Jonah", "Nora", "Kit", "Mara", "Lucy", "Theo", "Will"]
    quotes = [("Nora", ["Will"]), ("Mara", ["Will"]), ("Theo", ["Will"])]
    found = triples(make_story(text, names, quotes=quotes))
    assert ("nora", "jonah", "disapproval") in found
    assert ("mara", "kit", "disapproval") in found
    assert ("theo", "lucy", "admiration") in found


def test_an_epithet_between_that_and_a_name_is_the_tellers_stance_even_where_the_parse_misreads_it(make_story):
    # the parse hangs neither epithet on the name as an apposition ("fiend" a clause of its own, "rogue" a compound)
    text = "“That fiend Kit laughed at us,” said Mara. “I saw it all now; that rogue Jonah had planned it,” said Nora."
    names = ["Kit", "Mara", "Jonah", "Nora", "Will"]
    found = triples(make_story(text, names, quotes=[("Mara", ["Will"]), ("Nora", ["Will"])]))
    assert ("mara", "kit", "disapproval") in found
    assert ("nora", "jonah", "disapproval") in found


def test_friends_or_enemies_of_each_other_feel_it_both_ways(make_story):
    text = "Mara and Theo soon became great friends. Lucy made friends with Nora. Jonah and Kit became bitter enemies."
    found = triples(make_story(text, ["Mara", "Theo", "Lucy", "Nora", "Jonah", "Kit"]))
    assert {("mara", "theo", "caring"), ("theo", "mara", "caring")} <= found
    assert {("lucy", "nora", "caring"), ("nora", "lucy", "caring")} <= found
    assert {("jonah", "kit", "anger"), ("kit", "jonah", "anger")} <= found


def test_a_friend_or_enemy_of_someone_feels_it_both_ways(make_story):
    text = "Theo was a good friend of Mara. Kit was her enemy. Jonah was not a friend of Lucy."
    story = make_story(text, ["Theo", "Mara", "Kit", "Jonah", "Lucy"], pronouns={"her@0": "Mara"})
    found = triples(story)
    assert {("theo", "mara", "caring"), ("mara", "theo", "caring")} <= found
    assert {("kit", "mara", "anger"), ("mara", "kit", "anger")} <= found
    assert not any({e, t} == {"jonah", "lucy"} for e, t, _ in found)


def test_a_role_toward_someone_said_of_a_subject_is_its_stance_toward_them(make_story):
    text = "Theo was her only nurse. Kit had been the tormentor of Lucy. Jonah was not her nurse."
    story = make_story(text, ["Theo", "Kit", "Lucy", "Jonah", "Mara"], pronouns={"her@0": "Mara", "her@1": "Lucy"})
    found = triples(story)
    assert ("theo", "mara", "caring") in found
    assert ("kit", "lucy", "disapproval") in found and ("lucy", "kit", "disapproval") not in found
    assert not any(e == "jonah" for e, _, _ in found)


def test_rivals_and_an_idol(make_story):
    text = "Kit was the rival of Mara. Theo was her idol."
    found = triples(make_story(text, ["Kit", "Mara", "Theo", "Lucy"], pronouns={"her@0": "Lucy"}))
    assert {("kit", "mara", "annoyance"), ("mara", "kit", "annoyance")} <= found
    assert ("lucy", "theo", "love") in found and ("theo", "lucy", "love") not in found


@pytest.mark.parametrize(
    ("text", "feeler", "toward", "label"),
    [
        ("Theo looked down on Mara.", "theo", "mara", "disapproval"),
        ("Theo doted on Mara.", "theo", "mara", "love"),
        ("Theo pined for Mara.", "theo", "mara", "desire"),
        ("Theo lost his heart to Mara.", "theo", "mara", "love"),
        ("Mara won Theo's heart.", "theo", "mara", "love"),
        ("Mara got on Theo's nerves.", "theo", "mara", "annoyance"),
    ],
)
def test_a_stance_said_by_an_idiom(make_story, text, feeler, toward, label):
    assert (feeler, toward, label) in triples(make_story(text, ["Theo", "Mara"]))


def test_an_idiom_of_a_stance_toward_a_thing_or_denied_is_none(make_story):
    found = triples(make_story("Theo looked down on the street. Mara did not look down on Theo.", ["Theo", "Mara"]))
    assert not any(label == "disapproval" for _, _, label in found)


def test_a_feeling_returned_is_the_returner_s_toward_whose_it_was(make_story):
    text = "Theo loved Mara, and his love was returned by her. Lucy did not return his love."
    story = make_story(text, ["Theo", "Mara", "Lucy"], pronouns={"his@0": "Theo", "her@0": "Mara", "his@1": "Theo"})
    found = triples(story)
    assert ("mara", "theo", "love") in found
    assert ("lucy", "theo", "love") not in found


def test_a_favourite_with_someone_is_loved_by_them(make_story):
    text = "Kit was a great favorite with Mara. Jonah was the darling of Lucy. Theo was not Nora's pet."
    found = triples(make_story(text, ["Kit", "Mara", "Jonah", "Lucy", "Theo", "Nora"]))
    assert ("mara", "kit", "love") in found and ("lucy", "jonah", "love") in found
    assert ("kit", "mara", "love") not in found  # one way: the favourite's own feeling is not told
    assert not any({e, t} == {"theo", "nora"} for e, t, _ in found)


def test_people_who_are_not_friends_feel_no_fellowship(make_story):
    found = triples(make_story("Mara and Theo were not friends. Lucy had friends.", ["Mara", "Theo", "Lucy"]))
    assert not any(label == "caring" for _, _, label in found)


def test_a_hand_laid_on_his_shoulder_is_on_someone_elses(make_story):
    text = "Jonah looked at the fire. Theo stepped over, and laying his hand on his shoulder, said nothing."
    story = make_story(text, ["Jonah", "Theo"], pronouns={"his@0": "Theo", "his@1": "Theo"})
    assert ("theo", "jonah", "love") in triples(story)
    text = "Jonah looked at the fire. Theo put his hand to his neck and took off a string."
    story = make_story(text, ["Jonah", "Theo"], pronouns={"his@0": "Theo", "his@1": "Theo"})
    assert not any(e == "theo" and t == "jonah" for e, t, _ in triples(story))


def test_an_arm_put_round_a_neck_is_its_owners_gesture_when_the_subject_is_no_one(make_story):
    text = "“Come,” added the saucy girl, putting her arm round his neck."
    story = make_story(text, ["Mara", "Theo"], pronouns={"her@0": "Mara", "his@0": "Theo"}, quotes=[("Mara", ["Theo"])])
    assert ("mara", "theo", "love") in triples(story)


def test_an_adjective_said_of_someone_is_the_speakers_stance_toward_them(make_story):
    text = (
        "“Jonah is so kind,” said Mara to Theo. “You are too cruel,” said Lucy to Kit. “Will is not cruel,” said Nora."
    )
    names = ["Jonah", "Mara", "Theo", "Lucy", "Kit", "Will", "Nora"]
    found = triples(make_story(text, names, quotes=[("Mara", ["Theo"]), ("Lucy", ["Kit"]), ("Nora", [])]))
    assert ("mara", "jonah", "admiration") in found
    assert ("lucy", "kit", "disapproval") in found
    assert not any(e == "nora" and t == "will" for e, t, _ in found)


def test_shaking_or_pushing_someone_is_a_hostile_act_and_a_handshake_is_not(make_story):
    text = "Mara shook Theo most soundly. Jonah pushed Lucy away. Kit shook Nora by the hand."
    found = triples(make_story(text, ["Mara", "Theo", "Jonah", "Lucy", "Kit", "Nora"]))
    assert ("mara", "theo", "anger") in found
    assert ("jonah", "lucy", "disapproval") in found
    assert not any(e == "kit" and t == "nora" for e, t, _ in found)


def test_narration_going_on_from_a_quote_no_one_is_known_to_say_reads_without_error(make_story):
    story = make_story("“Hi there,”and loved the rain. Mara smiled.", ["Mara"])
    assert all(f.experiencer in (None, "mara") for f in attribute_feelings(story))


def test_what_someone_calls_someone_is_the_callers_stance_not_the_tellers(make_story):
    text = "Mara called Theo a wicked boy. Kit called Lucy a scoundrel. Jonah did not call Nora a wicked girl."
    feelings = triples(make_story(text, ["Mara", "Theo", "Kit", "Lucy", "Jonah", "Nora"]))
    assert {("mara", "theo", "disapproval"), ("kit", "lucy", "disapproval")} <= feelings
    assert not any(e == "jonah" for e, _, _ in feelings)
