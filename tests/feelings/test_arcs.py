"""Arcs: smoothing without ringing or bent ends, shape classification, the step's JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from heartline.arcs import SHAPES, arc_shape, build_arcs, permutation_test, smooth
from heartline.story import Feeling, Sentence, Story

GRID = np.linspace(0, 1, 100)
X = np.linspace(0, 1, 300)


def test_linear_series_is_kept_exactly_up_to_the_ends():
    y = 2 * X - 1
    s = smooth(X, y, GRID, 0.08)
    assert s[0] == pytest.approx(-1, abs=1e-6) and s[-1] == pytest.approx(1, abs=1e-6)
    assert np.all(np.diff(s) > 0)


@pytest.mark.parametrize("at", [0.1, 0.5, 0.9])
def test_step_stays_monotone_without_ringing(at):
    y = (X > at).astype(float)  # noqa: SIM300
    s = smooth(X, y, GRID, 0.08)
    assert np.all(np.diff(s) >= -1e-9), "a step must not wiggle"
    assert s.min() >= -1e-9 and s.max() <= 1 + 1e-9, "no overshoot past the data"
    assert s[0] == pytest.approx(0, abs=0.05) and s[-1] == pytest.approx(1, abs=0.05), "ends stay near the data"


def test_fft_lowpass_would_ring_where_this_does_not():
    # the reference failure: syuzhet-style FFT low-pass of a step overshoots and wraps the ends together
    y = (X > 0.5).astype(float)
    spectrum = np.fft.rfft(y)
    spectrum[4:] = 0
    fft = np.fft.irfft(spectrum, n=y.size)
    assert fft.max() > 1.02 or fft[0] > 0.1
    s = smooth(X, y, GRID, 0.08)
    assert s.max() <= 1 + 1e-9 and s[0] < 0.01


def test_sparse_data_falls_back_to_a_mean():
    s = smooth(np.array([0.5]), np.array([0.3]), GRID, 0.05)
    assert np.allclose(s, 0.3)


def test_noise_is_smoothed():
    rng = np.random.default_rng(0)
    y = np.sin(np.pi * X) + rng.normal(0, 0.5, X.size)
    s = smooth(X, y, GRID, 0.08)
    truth = np.sin(np.pi * GRID)
    assert np.abs(s - truth).mean() < 0.15


@pytest.mark.parametrize(
    ("name", "curve"),
    [
        ("rags to riches", lambda t: t),
        ("tragedy", lambda t: 1 - t**1.5),
        ("man in a hole", lambda t: (t - 0.5) ** 2),
        ("Icarus", lambda t: np.sin(np.pi * t)),
        ("Cinderella", lambda t: -np.cos(3 * np.pi * t) + 0.5 * t),
        ("Oedipus", lambda t: np.cos(3 * np.pi * t) - 0.5 * t),
    ],
)
def test_shapes_on_synthetic_curves(name, curve):
    rng = np.random.default_rng(1)
    arc = 0.2 * curve(GRID) + rng.normal(0, 0.005, GRID.size)
    shape = arc_shape(arc)
    assert shape["name"] == name
    assert 0.4 < shape["confidence"] <= 1
    assert set(shape["scores"]) == set(SHAPES)
    assert sum(shape["scores"].values()) == pytest.approx(1, abs=1e-3)


def test_flat_arc_has_no_confidence():
    assert arc_shape(np.zeros(50))["confidence"] == 0.0
    assert arc_shape(np.full(50, 1e-4) + np.linspace(0, 1e-4, 50))["confidence"] < 0.01


def rising_story() -> Story:
    story = Story(" ".join(f"Sentence {i:02d}." for i in range(40)))
    pos = 0
    for i in range(40):
        end = pos + len(f"Sentence {i:02d}.")
        p = i / 39
        story.sentences.append(
            Sentence(pos, end, emotions={"sadness": round(1 - p, 3), "joy": round(p, 3), "neutral": 0.2})
        )
        pos = end + 1
    story.characters = []
    story.feelings = [Feeling("a", None, "sadness" if i < 20 else "joy", 0.8, s.start, s.end, False)
                      for i, s in enumerate(story.sentences)]  # fmt: skip
    return story


def test_story_arc_of_a_rising_story():
    arcs = build_arcs(rising_story())
    story_arc = arcs["story"]
    assert story_arc["end"] > 0.5 > -0.5 > story_arc["start"]
    assert story_arc["shape"]["name"] == "rags to riches"
    assert len(story_arc["valence"]) == len(arcs["x"]) == 100
    assert {"joy", "sadness"} <= set(story_arc["emotions"])
    assert arcs["main_characters"] == ["a"]
    char = arcs["characters"]["a"]
    assert char["end"] > char["start"] and char["feelings"] == 40


def test_arcs_are_json_with_four_decimals():
    story = rising_story()
    from heartline.arcs import make_arcs

    make_arcs()(story)
    data = json.loads(story.to_json())["arcs"]
    assert all(len(repr(v).split(".")[-1]) <= 4 for v in data["story"]["valence"])


def test_empty_story_has_no_story_arc():
    assert build_arcs(Story("Nothing."))["story"] is None


def noisy_story(n: int = 200, seed: int = 3, trend: float = 0.0) -> Story:
    """Sentences whose joy/sadness is noise around ``trend`` times story time (0: no arc at all)."""
    rng = np.random.default_rng(seed)
    text = " ".join(f"Sentence {i:03d}." for i in range(n))
    story = Story(text)
    pos = 0
    for i in range(n):
        end = pos + len(f"Sentence {i:03d}.")
        v = float(np.clip(rng.normal(0, 0.6) + trend * (i / (n - 1) - 0.5), -1, 1))
        emotions = {"joy": round(max(v, 0.0), 3), "sadness": round(max(-v, 0.0), 3)}
        story.sentences.append(Sentence(pos, end, emotions=emotions))
        pos = end + 1
    return story


def test_a_flat_noisy_arc_is_not_given_a_shape():
    shape = build_arcs(noisy_story())["story"]["shape"]
    assert shape["name"] == "flat"
    assert shape["confidence"] == 0.0
    assert shape["test"]["p_value"] > shape["test"]["alpha"]
    assert shape["template"] in SHAPES, "the closest template is still reported"


def test_a_real_rise_in_the_same_noise_is_named():
    shape = build_arcs(noisy_story(trend=2.0))["story"]["shape"]
    assert shape["test"]["significant"] and shape["test"]["p_value"] <= 0.05
    assert shape["name"] == "rags to riches"


def test_permutation_test_is_deterministic_and_separates_signal_from_noise():
    rng = np.random.default_rng(5)
    x = np.sort(rng.random(300))
    noise = rng.normal(0, 1, 300)
    flat = permutation_test(x, noise, np.ones(300), GRID, 0.08)
    assert flat == permutation_test(x, noise, np.ones(300), GRID, 0.08)
    assert not flat["significant"]
    step = permutation_test(x, noise + 3 * (x > 0.5), np.ones(300), GRID, 0.08)
    assert step["significant"] and step["p_value"] == pytest.approx(1 / 200)


def test_a_shape_against_the_curve_is_unclear():
    significant = {"significant": True, "p_value": 0.005, "alpha": 0.05}
    # correlates best with rags to riches (a rise) yet ends lower than it starts: the name would lie
    t = np.linspace(0, 1, 100)
    curve = np.where(t < 0.95, t, 0.95 - 30 * (t - 0.95))  # rises for most of the story, then drops below its start
    shape = arc_shape(curve, significant)
    assert shape["template"] == "rags to riches" and shape["correlations"]["rags to riches"] > 0.6
    assert curve[-1] < curve[0]
    assert shape["name"] == "unclear"
    assert arc_shape(t, significant)["name"] == "rags to riches"
    assert arc_shape(t, {"significant": False, "p_value": 0.4, "alpha": 0.05})["name"] == "flat"


def test_a_character_series_has_gaps_where_it_has_no_data():
    story = rising_story()
    # the character feels only in the first 40% of the story
    story.feelings = [f for f in story.feelings if f.start < 0.4 * len(story.text)]
    arc = build_arcs(story, min_feelings=3)["characters"]["a"]
    tail = arc["valence"][-30:]
    assert all(v is None for v in tail), "no value where the character has no nearby data"
    assert arc["valence"][0] is not None
    drawn = [v for v in arc["valence"] if v is not None]
    assert arc["start"] == drawn[0] and arc["end"] == drawn[-1]
    assert all(s[-1] is None for s in arc["emotions"].values())
    data = json.loads(json.dumps(arc))
    assert data["valence"][-1] is None


def test_arcs_use_the_models_fitted_valence_map_when_the_story_carries_one():
    from heartline.arcs import arc_values

    story = Story("She was glad. She was glad again.")
    story.sentences = [Sentence(0, 13, emotions={"joy": 0.9}), Sentence(14, 33, emotions={"joy": 0.9})]
    story.cache["valence_weights"] = {"joy": -0.5}  # a map that reverses joy shows it is the one used
    values, source = arc_values(story)
    assert values["joy"] == -0.5 and "fitted" in source
    arcs = build_arcs(story)
    assert arcs["method"]["valence"] == source
    assert arcs["story"]["start"] < 0
    story.cache.clear()
    values, source = arc_values(story)  # no map on the story: the default model's, fitted on EmoBank
    assert values["joy"] > 0 and "default" in source
