"""The passage-people benchmark's windows and gold (benchmarks/bench_passage_people.py), on written data."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_passage_people as bench  # noqa: E402


def test_windows_are_eight_lines_spread_over_the_text() -> None:
    text = "".join(f"Line {i} .\n" for i in range(40))
    got = bench.windows(text, 3)
    assert len(got) == 3
    assert all(text[a:b].count("\n") == bench.LINES for a, b in got)
    assert got[0][0] == 0 and got[1][0] > got[0][1] - 1  # no two overlap


def test_names_are_person_mentions_written_as_a_name(tmp_path: Path) -> None:
    ann = tmp_path / "x_brat.ann"
    ann.write_text(
        "T1\tPER 0 4\tAnne\nT2\tPER 10 22\tThe old man\nT3\tGPE 30 36\tLondon\nT4\tPER 40 49\tMr. Brown\n",
        encoding="utf-8",
    )
    ents, names = bench.entity_people(ann)
    assert [w for _, _, w in names] == ["Anne", "Mr. Brown"]
    assert (30, 36, "GPE") in ents


def test_the_gold_of_a_window_is_in_its_own_offsets() -> None:
    mentions = [(0, 4, "PROP", "a"), (10, 12, "PRON", "a"), (20, 25, "PROP", "b"), (28, 33, "PRON", "b")]
    assert bench.window_gold(mentions, 8, 30) == [(2, 4, "PRON", "a"), (12, 17, "PROP", "b")]
