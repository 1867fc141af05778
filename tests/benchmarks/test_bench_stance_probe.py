"""The stance probe (benchmarks/bench_stance_probe.py): real reads of plain sentences, scored by sign."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_stance_probe as bench  # noqa: E402


def test_every_way_has_a_sign_and_a_place_for_the_one_felt_toward() -> None:
    assert len(bench.WAYS) == 105
    assert all(sign in (1, -1) and "{b}" in way for way, sign in bench.WAYS.items())


def test_a_row_is_right_only_when_the_bond_has_the_sign_of_the_way(monkeypatch) -> None:
    monkeypatch.setattr(bench, "WAYS", {"was angry with {b}": -1, "adored {b}": 1, "adored {b}!": -1})
    rows = {r["way"]: r for r in bench.probe("Willow", "Buffy")}
    assert rows["was angry with {b}"]["right"] and rows["was angry with {b}"]["valence"] < 0
    assert rows["adored {b}"]["right"] and rows["adored {b}"]["valence"] > 0
    assert not rows["adored {b}!"]["right"]  # the same love, scored against the wrong sign
