"""The short terminal summary of a reading that ``heartline read FILE`` prints."""

from __future__ import annotations

from .story import Story


def summarize(story: Story) -> str:
    md = story.metadata
    lines = [md.title or (md.source or "untitled story")]
    if md.authors:
        lines[0] += f" by {', '.join(md.authors)}"
    lines.append(
        f"{md.words:,} words, {len(story.chapters)} chapter(s), {len(story.paragraphs):,} paragraphs, "
        f"{len(story.sentences):,} sentences, {len(story.quotes):,} quotes"
    )
    if story.characters:
        cast = sorted(story.characters, key=lambda c: -c.mentions)[:8]
        lines.append(
            "characters: "
            + ", ".join(
                f"{c.name} ({c.mentions} mentions, {c.quotes} lines{'' if c.present else ', absent'})" for c in cast
            )
        )
    return "\n".join(lines)
