"""The arcs chart: gaps in a series (no data nearby) stay gaps, never a line drawn across them."""

from __future__ import annotations

import re

from heartline.report.charts import arc_chart, series_from
from heartline.story import Story


def test_a_series_with_gaps_is_drawn_as_separate_runs():
    ys = [0.1, 0.2, None, None, 0.4, 0.5, None, 0.3, 0.2]
    s = series_from("Mara", {"valence": ys}, 100)
    assert s is not None and s.breaks == [2, 4]
    assert [len(x) for x, _ in s.runs()] == [2, 2, 2]
    svg = arc_chart(Story("x" * 100), [s])
    assert len(re.findall(r"<polyline ", svg)) == 3


def test_a_series_without_gaps_is_one_line():
    s = series_from("Mara", {"valence": [0.1, 0.2, 0.3]}, 100)
    assert s is not None and s.breaks == []
    assert len(re.findall(r"<polyline ", arc_chart(Story("x" * 100), [s]))) == 1
