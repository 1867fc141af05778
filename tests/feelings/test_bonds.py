"""Bonds: profile, valence, strength, mutuality, timeline and the unsaid, on hand-built feelings."""

from __future__ import annotations

import json

import pytest

from heartline.bonds import build_bonds, distinctive_profile, feels_most, story_windows
from heartline.language.lexicon import STATES_OF_MIND
from heartline.language.valence import VALUES
from heartline.story import Feeling, Quote, Story


def story_with(feelings: list[Feeling], quotes: list[Quote] = ()) -> Story:
    story = Story("x" * 1000)
    story.feelings = feelings
    story.quotes = list(quotes)
    return story


def test_profile_strength_and_valence():
    v = VALUES
    story = story_with([
        Feeling("a", "b", "love", 0.8, 0, 10, False),
        Feeling("a", "b", "love", 0.4, 100, 110, False),
        Feeling("a", "b", "anger", 0.4, 200, 210, False),
    ])  # fmt: skip
    (bond,) = build_bonds(story)
    assert (bond.source, bond.target) == ("a", "b")
    assert bond.strength == pytest.approx(1.6)
    assert bond.emotions == {"love": 0.75, "anger": 0.25}
    assert bond.valence == pytest.approx(round((1.2 * v["love"] + 0.4 * v["anger"]) / 1.6, 4))
    assert bond.extra["count"] == 3


def test_undirected_and_self_feelings_make_no_bond():
    story = story_with([Feeling("a", None, "joy", 0.9, 0, 5, False), Feeling("a", "a", "pride", 0.9, 0, 5, False)])
    assert build_bonds(story) == []


def test_mutuality_and_asymmetry():
    story = story_with([
        Feeling("a", "b", "love", 0.9, 0, 10, False),
        Feeling("a", "b", "love", 0.3, 20, 30, False),
        Feeling("b", "a", "caring", 0.4, 40, 50, True),
    ])  # fmt: skip
    bonds = {(b.source, b.target): b for b in build_bonds(story)}
    ab, ba = bonds[("a", "b")].extra["mutual"], bonds[("b", "a")].extra["mutual"]
    assert ab["mutuality"] == ba["mutuality"] == pytest.approx(0.4 / 1.2, abs=1e-4)
    assert ab["asymmetry"] == pytest.approx((1.2 - 0.4) / 1.6, abs=1e-4)
    assert ba["asymmetry"] == pytest.approx(-ab["asymmetry"])
    assert ab["profile_similarity"] == 0.0  # love vs caring: no label in common
    assert ab["reverse_strength"] == pytest.approx(0.4)
    assert bonds[("a", "b")].strength > bonds[("b", "a")].strength
    assert list(bonds) == [("a", "b"), ("b", "a")]  # strongest first


def test_one_way_bond_has_no_mutuality():
    (bond,) = build_bonds(story_with([Feeling("a", "b", "love", 0.5, 0, 5, False)]))
    assert bond.extra["mutual"]["mutuality"] == 0.0 and bond.extra["mutual"]["asymmetry"] == 1.0


def test_unsaid_is_narrated_and_never_voiced_to_them():
    quote = Quote(500, 520, [(501, 519)], speaker="a", addressees=["b"])
    story = story_with([
        Feeling("a", "b", "love", 0.7, 0, 40, False),  # narrated
        Feeling("a", "b", "desire", 0.4, 50, 90, False),  # narrated
        Feeling("a", "b", "love", 0.8, 501, 519, True),  # but love is said aloud
        Feeling("a", "b", "fear", 0.6, 505, 515, False),  # inside a quote, not narration
    ], [quote])  # fmt: skip
    (bond,) = build_bonds(story)
    unsaid = bond.extra["unsaid"]
    assert unsaid["emotions"] == {"desire": 0.4}
    assert unsaid["examples"] == [[50, 90]]
    assert unsaid["weight"] == pytest.approx(0.4)


def test_timeline_follows_story_time_and_trend():
    story = story_with(
        [Feeling("a", "b", "anger", 0.8, 50, 60, False), Feeling("a", "b", "love", 0.8, 950, 960, False)]
    )
    (bond,) = build_bonds(story)
    windows = story_windows(story)
    assert len(bond.timeline) == len(windows) == 5
    assert bond.timeline[0]["valence"] < 0 < bond.timeline[-1]["valence"]
    assert bond.timeline[2]["count"] == 0 and bond.timeline[2]["valence"] is None
    assert bond.extra["trend"]["direction"] == "rising"


def test_chapters_are_windows_when_there_are_enough():
    from heartline.story import Chapter

    story = story_with([])
    story.chapters = [Chapter(i * 100, (i + 1) * 100, f"ch {i}") for i in range(10)]
    assert story_windows(story, max_windows=4) == [(0, 300, 0), (300, 600, 3), (600, 900, 6), (900, 1000, 9)]


def test_bonds_are_json_in_the_reading():
    story = story_with([Feeling("a", "b", "love", 0.123456, 0, 5, False), Feeling("b", "a", "joy", 0.5, 6, 9, True)])
    from heartline.bonds import make_bonds

    make_bonds()(story)
    data = json.loads(story.to_json())
    bond = data["bonds"][0]
    assert {"source", "target", "valence", "strength", "emotions", "timeline", "mutual", "unsaid", "trend"} <= set(bond)
    assert bond["strength"] == 0.5
    assert data["bonds"][1]["strength"] == 0.1235  # four decimals


def test_states_of_mind_are_not_unsaid_feelings():
    story = story_with([
        Feeling("a", "b", "realization", 0.9, 0, 10, False),  # "Yang realized with a start..."
        Feeling("a", "b", "surprise", 0.8, 20, 30, False),
        Feeling("a", "b", "confusion", 0.7, 40, 50, False),
        Feeling("a", "b", "curiosity", 0.6, 60, 70, False),
        Feeling("a", "b", "love", 0.5, 80, 90, False),
    ])  # fmt: skip
    (bond,) = build_bonds(story)
    assert {"realization", "confusion", "curiosity", "surprise"} == STATES_OF_MIND
    assert bond.extra["unsaid"]["emotions"] == {"love": 0.5}
    assert bond.extra["unsaid"]["examples"] == [[80, 90]]
    assert "realization" in bond.emotions, "states of mind stay in the bond's profile"


def test_a_bond_profile_shows_the_pairs_distinctive_emotion_first():
    # everyone approves of everyone (the model's habit); only a -> b also holds love, less of it than approval
    feelings = []
    pos = 0
    for src, tgt in [("c", "d"), ("d", "c"), ("c", "a"), ("b", "c"), ("d", "a")] * 4:
        feelings.append(Feeling(src, tgt, "approval", 0.8, pos, pos + 5, True))
        pos += 10
    for _ in range(6):
        feelings.append(Feeling("a", "b", "approval", 0.8, pos, pos + 5, True))
        pos += 10
    for _ in range(4):
        feelings.append(Feeling("a", "b", "love", 0.7, pos, pos + 5, False))
        pos += 10
    story = Story("x" * (pos + 10))
    story.feelings = feelings
    ab = next(b for b in build_bonds(story) if (b.source, b.target) == ("a", "b"))
    assert next(iter(ab.extra["shares"])) == "approval", "by raw share approval leads"
    assert next(iter(ab.emotions)) == "love", "the pair's distinctive emotion comes first"
    assert list(ab.extra["distinctive"]) == list(ab.emotions)
    assert ab.extra["distinctive"]["love"]["log_odds"] > ab.extra["distinctive"]["approval"]["log_odds"]
    assert ab.extra["distinctive"]["love"]["z"] > 1
    assert sum(ab.emotions.values()) == pytest.approx(1, abs=1e-3)
    assert ab.emotions["love"] == ab.extra["shares"]["love"], "values stay the raw shares"


def test_distinctiveness_grows_with_the_evidence():
    totals = {"approval": 40.0, "love": 10.0}
    prior = {"approval": 0.7, "love": 0.3}
    few = distinctive_profile({"love": 1.0, "approval": 1.0}, totals, prior)
    many = distinctive_profile({"love": 8.0, "approval": 8.0}, {"approval": 47.0, "love": 17.0}, prior)
    assert 0 < few["love"]["z"] < many["love"]["z"]


def test_feels_most_is_distinctive_too():
    feelings = [Feeling(c, None, "curiosity", 0.9, i * 10, i * 10 + 5, False) for i, c in enumerate("abab" * 5)]
    feelings += [Feeling("a", None, "fear", 0.6, 500 + i * 10, 505 + i * 10, False) for i in range(6)]
    story = Story("x" * 1000)
    story.feelings = feelings
    most = feels_most(story)
    assert most["a"][0][0] == "fear"
    assert most["a"][0][1] == pytest.approx(3.6 / (3.6 + 9.0))
    assert most["b"][0][0] == "curiosity"


def test_a_bond_valence_weighs_own_states_and_wordless_labels_less():
    """Love said by a word and sadness beside it (missing someone) read warm; a model label with no word
    behind it counts half of one that has a word."""
    from heartline.bonds import build_bonds
    from heartline.story import Character, Feeling, Story, Trigger

    story = Story("Ann missed Bo. Ann missed Bo again.")
    story.characters = [Character("ann", "Ann"), Character("bo", "Bo")]
    word = Trigger(4, 10, "missed")
    story.feelings = [
        Feeling("ann", "bo", "love", 0.5, 0, 14, False, word),
        Feeling("ann", "bo", "sadness", 0.5, 0, 14, False, word),
        Feeling("bo", "ann", "annoyance", 0.6, 15, 35, False, None),
        Feeling("bo", "ann", "gratitude", 0.6, 15, 35, False, Trigger(15, 18, "Ann")),
    ]
    bonds = {(b.source, b.target): b for b in build_bonds(story)}
    assert bonds[("ann", "bo")].valence > 0.5  # (0.9 * 0.5 - 0.8 * 0.125) / 0.625 = 0.56
    assert bonds[("bo", "ann")].valence > 0.2  # (0.7 * 0.6 - 0.5 * 0.3) / 0.9 = 0.3
