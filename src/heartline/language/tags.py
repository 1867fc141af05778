"""Fan-fiction tags read as names: AO3's character tags and relationship tags.

AO3 lists a work's characters by their canonical names ("Yang Wenli", "Oskar von Reuenthal", sometimes
with the fandom after them: "Yang Wenli (Legend of Galactic Heroes)") and the relationships the work is
about: "A/B" is romantic, "A & B" platonic (AO3's own convention). The characters step uses the names to
give the characters it finds in the text their canonical names; the bonds step marks the tagged pairs.

* :func:`tag_name`: a character tag as a name ("Yang Wenli (LoGH)" -> "Yang Wenli"), or None for tags
  that are not one person ("Original Characters", "Reader", "Everyone").
* :func:`name_parts`: the words of a name that can stand for it alone ("Oskar von Reuenthal" -> Oskar,
  Reuenthal): not particles, titles or initials.
* :func:`relationship_pairs`: a relationship tag as ``(names, kind)``.
"""

from __future__ import annotations

import re

from .lexicon import HONORIFICS, NAME_PARTICLES

__all__ = ["NOT_PERSON_TAGS", "name_parts", "near_spelling", "relationship_pairs", "tag_name"]

# character tags that stand for no one person in the text
NOT_PERSON_TAGS = frozenset(
    {"original characters", "original character", "original female character", "original male character",
     "original female characters", "original male characters", "reader", "you", "everyone", "ensemble",
     "other characters", "minor characters", "various", "oc", "ocs"}
)  # fmt: skip

_FANDOM = re.compile(r"\s*\([^)]*\)\s*$")  # "Yang Wenli (Legend of Galactic Heroes)"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def tag_name(tag: str) -> str | None:
    """The name a character tag gives, without its fandom; None when the tag names no one person."""
    name = _FANDOM.sub("", " ".join(tag.split())).strip()
    if not name or name.lower() in NOT_PERSON_TAGS or name.lower().startswith(("original ", "other ")):
        return None
    if "(s)" in name.lower() or not _WORD.search(name):
        return None
    return name


def name_parts(name: str) -> list[str]:
    """The words of a name that may stand for the person alone: no particles (von, de), titles or initials."""
    out = []
    for w in _WORD.findall(name):
        low = w.lower().rstrip(".")
        if low in NAME_PARTICLES or low in HONORIFICS or len(low) < 2:
            continue
        out.append(w.rstrip("."))
    return out


def near_spelling(a: str, b: str) -> bool:
    """Two words of at least six letters one edit apart (a typo: "Reunenthal" for "Reuenthal")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])  # fmt: skip
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def relationship_pairs(tag: str) -> tuple[list[str], str] | None:
    """``(names, kind)`` of a relationship tag: "A/B" -> ([A, B], "romantic"), "A & B" -> ([A, B],
    "platonic"); names without their fandom. None for a tag with fewer than two names."""
    text = _FANDOM.sub("", " ".join(tag.split()))
    if "/" in text:
        parts, kind = text.split("/"), "romantic"
    elif "&" in text:
        parts, kind = text.split("&"), "platonic"
    else:
        return None
    names = [n for n in (tag_name(p) for p in parts) if n]
    return (names, kind) if len(names) >= 2 else None
