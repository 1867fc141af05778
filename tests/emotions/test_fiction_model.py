"""The shipped model on fiction, its fitted valence map, and the training helpers that need no torch."""

from __future__ import annotations

import json

import numpy as np
import pytest

from heartline.emotions import LABELS, classify, load_model
from heartline.emotions.model import DEFAULT_MODEL, resolve_model_path, valence_weights
from heartline.emotions.train import read_silver, silver_targets
from heartline.errors import InputError, ModelError


def test_the_shipped_default_model_loads_from_the_package():
    path = resolve_model_path(None)
    assert path.name == DEFAULT_MODEL
    assert path.parent.name == "models" and path.parent.parent.name == "heartline"
    model = load_model()
    assert model.labels == list(LABELS)
    assert (path / "model.onnx").stat().st_size < 30_000_000


def test_trembling_hands_read_as_fear_or_nervousness(emotion_model):
    (r,) = classify(["Her hands would not stop shaking."], model=emotion_model)
    assert {"fear", "nervousness"} & set(r.labels), r.labels


def test_a_shake_done_to_something_is_not_read_as_fear(emotion_model):
    controls = ["He shook his head and went back to his newspaper.", "They shook hands on the bargain and parted.",
                "She shook the dust from her cloak and hung it by the fire."]  # fmt: skip
    fear = [r.labels for r in classify(controls, model=emotion_model) if "fear" in r.labels]
    assert len(fear) <= 1, fear


def test_the_shipped_model_has_a_valence_map_that_agrees_with_the_hand_table_in_sign():
    from heartline.language.valence import VALENCE

    weights = valence_weights()
    assert weights is not None and set(weights) == set(LABELS) - {"neutral"}
    for label in ("joy", "love", "gratitude", "admiration"):
        assert weights[label] > 0.2, (label, weights[label])
    for label in ("sadness", "grief", "anger", "fear"):
        assert weights[label] < -0.2, (label, weights[label])
    agree = sum((weights[k] > 0) == (VALENCE[k].value > 0) for k in weights if VALENCE[k].polarity != "ambiguous")
    assert agree >= 20  # of the 23 labels with a polarity


def test_a_model_folder_without_a_valence_map_has_none(tmp_path):
    assert valence_weights(tmp_path) is None
    (tmp_path / "valence.json").write_text(json.dumps({"valence": {}}), encoding="utf-8")
    with pytest.raises(ModelError, match="no valence weights"):
        valence_weights(tmp_path)


def _row(**probs: float) -> np.ndarray:
    t = np.zeros(len(LABELS), dtype=np.float32)
    for k, v in probs.items():
        t[LABELS.index(k)] = v
    return t


def test_silver_targets_raise_the_silver_label_lower_neutral_and_damp_the_opposite_polarity():
    teacher = _row(neutral=0.9, approval=0.6, anger=0.2, curiosity=0.3)
    t = silver_targets(teacher, {"anger": 1.0, "annoyance": 0.6})
    assert t[LABELS.index("anger")] == 1.0
    assert t[LABELS.index("annoyance")] == pytest.approx(0.6)
    assert t[LABELS.index("neutral")] == pytest.approx(0.0)
    assert t[LABELS.index("approval")] == pytest.approx(0.3)  # positive against a negative silver label: halved
    assert t[LABELS.index("curiosity")] == pytest.approx(0.3)  # ambiguous: kept
    assert teacher[LABELS.index("neutral")] == pytest.approx(0.9)  # the teacher's row is not changed
    assert np.array_equal(silver_targets(teacher, {}), teacher)  # no silver label: the teacher's own


def test_read_silver_checks_its_rows(tmp_path):
    path = tmp_path / "silver.jsonl"
    path.write_text('{"text": "She sobbed.", "labels": {"sadness": 1.0}}\n\n{"text": "A plain line.", "labels": {}}\n',
                    encoding="utf-8")  # fmt: skip
    assert read_silver(path) == [{"text": "She sobbed.", "labels": {"sadness": 1.0}},
                                 {"text": "A plain line.", "labels": {}}]  # fmt: skip
    path.write_text('{"text": "x", "labels": {"boredom": 1}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown label"):
        read_silver(path)
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=":1:"):
        read_silver(path)
