"""Arcs: smoothing without ringing or bent ends, shape classification, the step's JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from heartline.arcs import SHAPES, arc_shape, build_arcs, smooth
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
