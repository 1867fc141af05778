"""Characters named by the work's own tags: AO3's character tags give canonical names to the characters
found in the text.

A character found in the text takes a tag's name when its name or one of its aliases, titles left out
("Admiral von Reuenthal" -> Reuenthal), is the tag's full name or made only of that tag's parts
(:func:`heartline.language.tags.name_parts`; "Yang" -> Yang Wenli), a part at most one letter off for
words of six letters or more ("Reunenthal"). A part shared by two tags ("Yang" in "Yang Wenli" and
"Yang Lan") names neither. Two characters that take the same tag are one person: the most mentioned keeps
its place, takes the tag's name and the other's names as aliases, and the other's mentions point to it.
A story without character tags is left exactly as it was.
"""

from __future__ import annotations

from collections import defaultdict

from ..language.lexicon import HONORIFICS
from ..language.tags import name_parts, near_spelling, tag_name
from ..story import Character, Story
from .names import slug

__all__ = ["name_from_tags"]


def _words(name: str) -> list[str]:
    return [w for w in name_parts(name) if w.lower() not in HONORIFICS]


def _tag_for(c: Character, tags: list[str], owners: dict[str, set[int]]) -> int | None:
    """The one tag this character's names fit, else None."""
    fits: set[int] = set()
    for written in [c.name, *c.aliases]:
        words = _words(written)
        if not words or written.lower().startswith("the "):
            continue
        for ti, tag in enumerate(tags):
            if written.lower() == tag.lower():
                return ti
            parts = name_parts(tag)
            matched = [p for p in parts if any(near_spelling(w, p) for w in words)]
            # each word a part of this tag, and at least one of those parts no other tag has
            if all(any(near_spelling(w, p) for p in parts) for w in words) and any(
                len(owners[p.lower()]) == 1 for p in matched
            ):
                fits.add(ti)
    return next(iter(fits)) if len(fits) == 1 else None


def name_from_tags(story: Story) -> None:
    """Give the characters the names of the work's character tags, and fold together those that share one."""
    tags = list(dict.fromkeys(n for n in (tag_name(t) for t in story.metadata.characters) if n))
    if not tags or not story.characters:
        return
    owners: dict[str, set[int]] = defaultdict(set)
    for ti, tag in enumerate(tags):
        for p in name_parts(tag):
            owners[p.lower()].add(ti)
    groups: dict[int, list[Character]] = defaultdict(list)
    for c in story.characters:  # most mentioned first
        fit = _tag_for(c, tags, owners)
        if fit is not None:
            groups[fit].append(c)
    if not groups:
        return
    renamed: dict[str, str] = {}
    dropped: set[str] = set()
    used = {c.id for c in story.characters}
    for ti, members in groups.items():
        head, rest = members[0], members[1:]
        names = [head.name, *head.aliases]
        for other in rest:
            names += [other.name, *other.aliases]
            head.mentions += other.mentions
            head.quotes += other.quotes
            head.present = head.present or other.present
            head.gender = head.gender or other.gender
            dropped.add(other.id)
            renamed[other.id] = head.id
        new_id = slug(tags[ti])
        if new_id != head.id and new_id not in used:
            used.add(new_id)
            renamed[head.id] = new_id
            for old, to in list(renamed.items()):
                if to == head.id:
                    renamed[old] = new_id
            head.id = new_id
        head.name = tags[ti]
        head.aliases = sorted(set(names) - {head.name}, key=lambda a: (-len(a), a))
    story.characters = sorted((c for c in story.characters if c.id not in dropped), key=lambda c: -c.mentions)
    for m in story.mentions:
        m.character = renamed.get(m.character, m.character)
