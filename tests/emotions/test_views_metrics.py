"""Ekman / Plutchik views and the threshold-tuning metrics (no model needed)."""

from __future__ import annotations

import numpy as np

from heartline.emotions.labels import LABELS
from heartline.emotions.metrics import apply_thresholds, f1_scores, honest_split_half, tune_thresholds
from heartline.emotions.views import EKMAN, PLUTCHIK, to_ekman, to_plutchik


def test_every_emotion_is_in_some_ekman_and_plutchik_group():
    emotions = set(LABELS) - {"neutral"}
    assert {m for ms in EKMAN.values() for m in ms} == emotions
    assert {m for ms in PLUTCHIK.values() for m in ms} <= emotions
    assert len(PLUTCHIK) == 8 and len(EKMAN) == 6


def test_views_take_the_max_of_members():
    scores = dict.fromkeys(LABELS, 0.0) | {"grief": 0.7, "sadness": 0.2, "neutral": 0.1}
    assert to_ekman(scores)["sadness"] == 0.7
    assert to_ekman(scores)["neutral"] == 0.1
    assert to_plutchik(scores)["sadness"] == 0.7
    assert to_plutchik(scores)["joy"] == 0.0
    assert set(to_plutchik(scores)) == {*PLUTCHIK, "neutral"}


def test_tuned_thresholds_separate_a_separable_label():
    rng = np.random.default_rng(0)
    y = (rng.random((400, 3)) < 0.2).astype(np.int8)
    p = np.where(y == 1, 0.3, 0.1) + rng.random((400, 3)) * 0.05
    t = tune_thresholds(y, p)
    assert all(0.15 < x <= 0.3 for x in t)
    assert f1_scores(y, apply_thresholds(p, t, fallback_top=False))["macro_f1"] == 1.0
    assert honest_split_half(y, p, fallback_top=False)["macro_f1"] == 1.0


def test_fallback_gives_every_row_a_label():
    p = np.array([[0.1, 0.2], [0.9, 0.1]])
    pred = apply_thresholds(p, np.array([0.5, 0.5]))
    assert pred.tolist() == [[0, 1], [1, 0]]


def test_a_rare_labels_threshold_is_pulled_toward_the_shared_one():
    rng = np.random.default_rng(1)
    n = 2000
    y = np.zeros((n, 3), dtype=np.int8)
    y[:600, 0] = y[600:1200, 1] = 1  # two common labels, best near 0.5
    y[1200:1204, 2] = 1  # a rare one: 4 positives, all at 0.9
    p = rng.random((n, 3)) * 0.4
    p[:, 2] = rng.random(n) * 0.85  # the rare label's negatives reach higher
    p[:600, 0] += 0.5
    p[600:1200, 1] += 0.5
    p[1200:1204, 2] = 0.9
    plain = tune_thresholds(y, p, shrink=0)
    shrunk = tune_thresholds(y, p)
    assert plain[2] > 0.6  # the rare label's own best sits just under its four positives
    assert shrunk[2] < plain[2] - 0.1  # 4 positives against 15 pseudo-positives: mostly the shared threshold
    assert abs(shrunk[0] - plain[0]) < 0.03  # 600 positives keep their own
