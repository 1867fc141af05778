"""The feelings gold set and its scorer."""

from __future__ import annotations

import pytest

from heartline.evaluate.feelings import evaluate_feelings, load_gold, score


def test_gold_set_is_large_and_varied():
    gold = load_gold()
    assert len(gold) >= 40
    kinds = {r["kind"] for r in gold}
    assert {"narrated", "undirected", "voiced", "voiced-undirected", "mixed"} <= kinds
    for r in gold:
        names = {c["name"] for c in r["characters"]}
        for f in r["feelings"]:
            assert f["experiencer"] in names and (f["target"] is None or f["target"] in names)
    assert any(f["voiced"] for r in gold for f in r["feelings"])
    assert any(f["target"] is None for r in gold for f in r["feelings"])


def test_score_counts_experiencers_and_targets():
    records = [
        {"id": "1", "kind": "k", "feelings": [{"experiencer": "A", "target": "B", "voiced": False}]},
        {"id": "2", "kind": "k", "feelings": [{"experiencer": "C", "target": None, "voiced": True}]},
    ]
    preds = [
        [{"experiencer": "A", "target": "B", "voiced": False}, {"experiencer": "B", "target": None, "voiced": False}],
        [{"experiencer": "C", "target": "A", "voiced": True}],
    ]
    s = score(records, preds)
    assert s["experiencer"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert s["target"]["precision"] == pytest.approx(1 / 3, abs=1e-4) and s["target"]["recall"] == 0.5
    assert s["voiced_accuracy"] == 1.0
    assert [e["id"] for e in s["errors"]] == ["1", "2"]


@pytest.mark.slow
def test_lexicon_attribution_on_the_gold_set():
    result = evaluate_feelings(sources=("lexicon",))
    lex = result["results"]["lexicon"]
    assert result["passages"] >= 40
    assert lex["experiencer"]["f1"] >= 0.85
    assert lex["target"]["f1"] >= 0.75


@pytest.mark.slow
def test_cli_prints_json(tmp_path):
    import json

    from click.testing import CliRunner

    from heartline.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "a", "kind": "narrated", "text": "Mara loved Theo.", "quotes": [],
        "characters": [{"name": "Mara", "gender": "she"}, {"name": "Theo", "gender": "he"}],
        "feelings": [{"experiencer": "Mara", "target": "Theo", "voiced": False}],
    }) + "\n")  # fmt: skip
    result = CliRunner().invoke(main, ["evaluate", "feelings", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["passages"] == 1
    assert out["results"]["lexicon"]["target"]["f1"] == 1.0


def test_cli_explains_a_missing_gold_file(tmp_path):
    from click.testing import CliRunner

    from heartline.cli import main

    result = CliRunner().invoke(main, ["evaluate", "feelings", "--gold", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "No gold file" in result.output
