"""A plural pronoun as one side of a feeling: "they" / "them" / "their" stand for the people named together
just before ("Mara and Theo"), or for the two people of the sentence and the one before; "we" / "us" in a
quote hold the speaker, in first-person narration the narrator; a "they" near two people not named
together is no one (as often things as people); "they quarrelled", "each other" run both
ways."""

from __future__ import annotations

from heartline.feelings import attribute_feelings


def triples(story) -> set[tuple[str | None, str | None, str]]:
    return {(f.experiencer, f.target, f.emotion) for f in attribute_feelings(story)}


def test_they_after_two_people_named_together_feel_it_each(make_story):
    story = make_story("Mara and Theo came home late. They loved Lucy dearly.", ["Mara", "Theo", "Lucy"])
    assert {("mara", "lucy", "love"), ("theo", "lucy", "love")} <= triples(story)


def test_a_feeling_toward_them_goes_to_each_of_the_people_named_together(make_story):
    story = make_story("Lucy met Mara and Theo at the gate. Lucy was very fond of them.", ["Lucy", "Mara", "Theo"])
    feelings = triples(story)
    assert {("lucy", "mara", "love"), ("lucy", "theo", "love")} <= feelings


def test_their_owns_an_emotion_noun_for_each(make_story):
    story = make_story("Mara and Theo stood by the grave. Their grief for Lucy was plain.", ["Mara", "Theo", "Lucy"])
    feelings = triples(story)
    # grief for someone is one's own, and toward them care
    assert {
        ("mara", None, "grief"),
        ("theo", None, "grief"),
        ("mara", "lucy", "caring"),
        ("theo", "lucy", "caring"),
    } <= feelings


def test_they_quarrelled_runs_both_ways(make_story):
    story = make_story("Mara and Theo met at the inn. They quarrelled bitterly.", ["Mara", "Theo"])
    feelings = triples(story)
    assert {("mara", "theo", "annoyance"), ("theo", "mara", "annoyance")} <= feelings


def test_each_other_runs_both_ways(make_story):
    story = make_story("Mara and Theo had grown up together. They loved each other.", ["Mara", "Theo"])
    assert {("mara", "theo", "love"), ("theo", "mara", "love")} <= triples(story)


def test_them_near_two_people_not_named_together_is_no_one(make_story):
    story = make_story(
        "Mara looked at Theo's dogs. She was afraid of them.", ["Mara", "Theo"], pronouns={"She@0": "Mara"}
    )
    assert not any(e == "mara" and t == "theo" and label == "fear" for e, t, label in triples(story))


def test_a_group_named_last_is_they(make_story):
    story = make_story("Mara met the boys at the gate. They were grateful to Mara.", ["Mara", "the boys"])
    assert ("the boys", "mara", "gratitude") in triples(story)


def test_they_with_no_people_before_is_no_one(make_story):
    story = make_story("Mara sat by the fire. They loved her.", ["Mara"], pronouns={"her@0": "Mara"})
    assert not any(label == "love" for _, _, label in triples(story))


def test_they_does_not_stand_for_the_speaker_or_the_one_spoken_to(make_story):
    text = 'Mara looked at Theo. "They hate you," said Mara.'
    story = make_story(text, ["Mara", "Theo"], quotes=[("Mara", ["Theo"])])
    assert not any(label in ("anger", "disgust") for _, _, label in triples(story))


def test_we_in_a_quote_holds_the_speaker(make_story):
    story = make_story('"We love you," said Mara.', ["Mara", "Theo"], quotes=[("Mara", ["Theo"])])
    assert ("mara", "theo", "love") in triples(story)


def test_three_people_in_a_row_are_each_one(make_story):
    text = "Mara, Theo and Lucy walked home. They were afraid of Jonah."
    story = make_story(text, ["Mara", "Theo", "Lucy", "Jonah"])
    assert {("mara", "jonah", "fear"), ("theo", "jonah", "fear"), ("lucy", "jonah", "fear")} <= triples(story)
