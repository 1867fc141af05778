"""Colours and valence: every emotion has a family, the valence scale runs blue – grey – orange."""

from __future__ import annotations

import math

import pytest

from heartline.emotions.labels import LABELS, VALENCE
from heartline.language.valence import label_valence
from heartline.report.palette import FAMILIES, FAMILY_OF, scores_valence, top_label, valence_colour


def test_every_emotion_but_neutral_has_exactly_one_family():
    listed = [label for _, labels in FAMILIES.values() for label in labels]
    assert sorted(listed) == sorted(set(LABELS) - {"neutral"})
    assert len(listed) == len(set(listed))
    assert "neutral" not in FAMILY_OF


def test_families_use_distinct_okabe_ito_colours():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    colours = [c for c, _ in FAMILIES.values()]
    assert set(colours) <= okabe_ito and len(set(colours)) == len(colours)


def test_valence_comes_from_the_emotions_table():
    assert all(label_valence(label) == VALENCE[label].value for label in LABELS)
    assert label_valence("not-a-label") == 0.0


@pytest.mark.parametrize(
    ("value", "colour"),
    [(-1.0, "#2166ac"), (0.0, "#aaaaaa"), (1.0, "#d66800"), (5.0, "#d66800"), (math.nan, "#aaaaaa")],
)
def test_the_valence_scale_is_blue_grey_orange(value, colour):
    assert valence_colour(value) == colour


def test_scores_valence_is_the_weighted_mean():
    assert scores_valence({}) == 0.0
    assert scores_valence({"love": 0.5, "neutral": 0.5}) == pytest.approx(0.5 * VALENCE["love"].value)


def test_top_label_prefers_the_models_labels_and_ignores_neutral():
    assert top_label({"joy": 0.4, "fear": 0.45}, ["joy"]) == ("joy", 0.4)
    assert top_label({"neutral": 0.9, "joy": 0.1}) is None
    assert top_label({"fear": 0.2}) is None
    assert top_label({"fear": 0.6, "neutral": 0.3}) == ("fear", 0.6)
    assert top_label({}, ["neutral"]) is None
