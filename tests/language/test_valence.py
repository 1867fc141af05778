"""The valence table and the weighted mean (heartline.language.valence)."""

from __future__ import annotations

import pytest

from heartline.language.valence import LABELS, NEUTRAL, VALENCE, label_valence, mean_valence


def test_the_28_labels_are_in_the_model_s_order():
    assert len(LABELS) == 28 and LABELS[0] == "admiration" and LABELS[-1] == NEUTRAL


def test_the_sign_of_each_value_agrees_with_its_polarity():
    counts = {p: sum(v.polarity == p for v in VALENCE.values()) for p in ("positive", "negative", "ambiguous")}
    assert counts == {"positive": 12, "negative": 11, "ambiguous": 4}
    for label, v in VALENCE.items():
        assert -1 <= v.value <= 1
        if v.polarity == "positive":
            assert v.value > 0, label
        elif v.polarity == "negative":
            assert v.value < 0, label
        elif v.polarity == "neutral":
            assert v.value == 0, label


def test_mean_valence_weighs_each_label():
    assert mean_valence([]) == 0.0
    assert mean_valence([("joy", 0.0), ("anger", -1.0)]) == 0.0  # no positive weight
    assert mean_valence([("love", 1.0)]) == label_valence("love")
    assert mean_valence([("love", 1.0), ("grief", 1.0)]) == pytest.approx((0.9 - 0.9) / 2)
    assert mean_valence([("love", 3.0), ("not-a-label", 1.0)]) == pytest.approx(0.75 * 0.9)
