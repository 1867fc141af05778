"""Turn-taking: which quotes belong to one conversation, and whom its turns point at.

The rules (:mod:`.rules`) and the ranker (:mod:`.ranker`) both read a conversation as a run of quotes each
at most :data:`MAX_GAP_PARAGRAPHS` paragraphs after the one before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..story import Story

__all__ = ["CONTEXT_PARAGRAPHS", "MAX_GAP_PARAGRAPHS", "Turn", "alternation", "narration_before", "next_known",
           "same_conversation"]  # fmt: skip

# a quote this many paragraphs after the one before, or fewer, goes on with its conversation
MAX_GAP_PARAGRAPHS = 1
# paragraphs back, from a quote's own, whose narration may name the other party of its conversation
CONTEXT_PARAGRAPHS = 12


class Turn(Protocol):
    """What turn-taking reads of a quote's evidence: the characters it calls by name, first first."""

    vocatives: list[int]


def same_conversation(story: Story, a: int, b: int) -> bool:
    """Quote ``b`` answers or goes on from quote ``a``: it is in the same paragraph or at most
    :data:`MAX_GAP_PARAGRAPHS` after it."""
    pa, pb = story.quotes[a].paragraph, story.quotes[b].paragraph
    return 0 <= pb - pa <= MAX_GAP_PARAGRAPHS


def narration_before(story: Story, qi: int, para_chars: dict[int, list[int]]) -> list[int]:
    """Characters named in the narration just before a quote, most recent first: the likely other party
    of a conversation whose tags name only one speaker."""
    p = story.quotes[qi].paragraph
    out: list[int] = []
    for k in range(p, max(p - CONTEXT_PARAGRAPHS, -1), -1):
        for c in reversed(para_chars.get(k, [])):
            if c not in out:
                out.append(c)
    return out


def alternation(story: Story, qi: int, speakers: list[int | None], ev: Sequence[Turn]) -> list[int]:
    """Who turn-taking expects: the one who spoke before the last speaker, or whom the last one spoke to."""
    out: list[int] = []
    i = qi - 1
    seen: list[int] = []
    while i >= 0 and same_conversation(story, i, i + 1) and len(seen) < 3:
        sp = speakers[i]
        if sp is not None and (not seen or seen[-1] != sp):
            seen.append(sp)
        if ev[i].vocatives and len(seen) == 1 and ev[i].vocatives[0] != sp:
            out.append(ev[i].vocatives[0])
        i -= 1
    if len(seen) >= 2:
        out.append(seen[1])
    out += [s for s in seen[2:]]
    if seen:
        out.append(seen[0])
    dedup: list[int] = []
    for c in out:
        if c not in dedup:
            dedup.append(c)
    return dedup


def next_known(story: Story, qi: int, speakers: list[int | None]) -> list[int]:
    """Backward turn-taking: the speaker two quotes on, then one quote on."""
    out: list[int] = []
    j1, j2 = qi + 1, qi + 2
    if (
        j2 < len(speakers)
        and same_conversation(story, qi, j1)
        and same_conversation(story, j1, j2)
        and speakers[j2] is not None
    ):
        out.append(speakers[j2])  # type: ignore[arg-type]
    return out
