"""Switching a rule of the speakers step off by name (what scripts/ablate_speakers.py measures)."""

from __future__ import annotations

from heartline.pipeline import Pipeline
from heartline.speakers import ablation, rule_speakers
from heartline.story import Story

# "Captain Wentworth said--" ends the paragraph before its quote: only the lead-in rule reads that tag
LEAD_IN = (
    "Anne Elliot and Captain Wentworth stood by the window. Anne waited.\n\n"
    "Captain Wentworth said--\n\n"
    "“We shall go tomorrow.”"
)


def _rules(text: str) -> tuple[list[str | None], list[str]]:
    ctx = rule_speakers(Pipeline(["segment", "characters"])(Story(text)))
    return [ctx.ids[s] if s is not None else None for s in ctx.speakers], list(ctx.kinds)


def test_every_rule_fires_unless_switched_off() -> None:
    assert not ablation.DISABLED
    assert all(ablation.enabled(name) for name in ablation.RULES)


def test_a_rule_switched_off_no_longer_decides() -> None:
    speakers, kinds = _rules(LEAD_IN)
    assert speakers == ["captain-wentworth"] and kinds == ["explicit"]
    ablation.DISABLED.add("lead_in")
    try:
        _, off_kinds = _rules(LEAD_IN)
    finally:
        ablation.DISABLED.clear()
    assert off_kinds != ["explicit"]
    assert _rules(LEAD_IN) == (speakers, kinds)  # on again once cleared
