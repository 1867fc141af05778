"""The fiction evaluator (ABBE at the sentence level): reading the file, the Ekman mapping and the metric,
on a tiny hand-written file (no ABBE text), and the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.errors import FileNotFound, InputError
from heartline.evaluate.fiction import EKMAN6, ekman_predictions, evaluate_fiction, read_abbe, score_ekman

HEADER = "text|entity_start|entity_end|emotion_labels|emotions|emotion_count\n"
ROWS = [
    # the same text twice: its gold set is the union of both rows
    '" ""Get out of my house!"" he roared."|1|2|[0]|[\'anger\']|1\n',
    '" ""Get out of my house!"" he roared."|5|6|[2]|[\'fear\']|1\n',
    "She laughed and laughed until her sides ached.|0|1|[3]|['joy']|1\n",
    "The letter said that her brother was dead.|2|3|[4, 5]|['sadness', 'surprise']|2\n",
]


@pytest.fixture
def abbe_file(tmp_path):
    path = tmp_path / "ABBE_multilabel.csv"
    path.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    return path


def test_read_abbe_takes_the_union_of_a_texts_rows(abbe_file):
    texts, gold = read_abbe(abbe_file.parent)  # the folder works as well as the file
    assert texts == ['"Get out of my house!" he roared.', "She laughed and laughed until her sides ached.",
                     "The letter said that her brother was dead."]  # fmt: skip
    assert gold == [{"anger", "fear"}, {"joy"}, {"sadness", "surprise"}]


def test_28_labels_map_to_ekman_groups_and_neutral_to_none():
    pred = ekman_predictions([["annoyance", "nervousness"], ["neutral"], ["admiration"], ["grief", "curiosity"]])
    rows = [{g for g, v in zip(EKMAN6, row, strict=True) if v} for row in pred.tolist()]
    assert rows == [{"anger", "fear"}, set(), {"joy"}, {"sadness", "surprise"}]


def test_macro_f1_is_the_mean_over_the_six_groups():
    # gold: text 0 anger+fear, text 1 joy, text 2 sadness+surprise; predicted: anger (right), joy (right),
    # sadness (right) + disgust (wrong). anger F1 1, disgust 0, fear 0 (missed), joy 1, sadness 1, surprise 0.
    y = np.array([[1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 1]], dtype=np.int8)
    pred = np.array([[1, 0, 0, 0, 0, 0], [0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0]], dtype=np.int8)
    s = score_ekman(y, pred)
    assert s["per_label_f1"] == {"anger": 1.0, "disgust": 0.0, "fear": 0.0, "joy": 1.0, "sadness": 1.0,
                                 "surprise": 0.0}  # fmt: skip
    assert s["macro_f1"] == 0.5
    # micro: tp 3, fp 1, fn 2 -> 6 / (6 + 3)
    assert s["micro_f1"] == round(6 / 9, 4)


def test_evaluate_fiction_scores_the_real_model_on_the_file(abbe_file):
    out = evaluate_fiction(abbe_file)
    assert out["texts"] == 3
    assert out["gold_counts"] == {"anger": 1, "disgust": 0, "fear": 1, "joy": 1, "sadness": 1, "surprise": 1}
    assert set(out["per_label_f1"]) == set(EKMAN6)
    assert out["per_label_f1"]["disgust"] == 0.0  # no gold disgust: F1 0 by definition
    assert 0.0 <= out["macro_f1"] <= 1.0
    assert abs(out["macro_f1"] - sum(out["per_label_f1"].values()) / 6) < 1e-3


def test_bad_files_raise_one_clear_error(tmp_path):
    with pytest.raises(FileNotFound):
        read_abbe(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Some text.|0|1|[9]|['boredom']|1\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown emotion"):
        read_abbe(bad)
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        read_abbe(bad)


def test_cli_prints_the_scores_as_json(abbe_file, tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "fiction", "--data", str(abbe_file)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["texts"] == 3
    missing = CliRunner().invoke(main, ["evaluate", "fiction", "--data", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert "No ABBE file" in missing.output
