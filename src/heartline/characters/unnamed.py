"""Characters with no name: a first-person narrator, people known by a description or only by a pronoun.

A story need not name whom it is about. "I loved her the more for it" has an owner, the narrator; "The old
man wept" has one, the old man. This module holds the tests the characters step uses to give them a
character (see docs/characters.md, "Unnamed characters"):

* :func:`short_text`: a text short enough (a passage, a snippet, a flash story) that a description or a
  pronoun with no one to refer to is someone new rather than a lapse of the resolver;
* :func:`first_person_short`: in a short text, one I / me / my / myself in the narration is enough to make
  it first person (a novel needs many: :func:`heartline.characters.resolve.narration_is_first_person`);
* :func:`acting_descriptions`: descriptions with a noun for a person ("the stranger", "the young soldier")
  that act in the narration (followed by a verb), or, in a short text, any such description.

Descriptions that fit anyone of a gender ("the old man", "the girl") and family words ("her mother", "my
brother") are resolved like pronouns first; the resolver makes them a character of their own only when no
one fits (:class:`heartline.characters.resolve.Resolver`, ``describe``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..language.lexicon import (
    ANT_ENT_PEOPLE,
    DESCRIPTION_BREAKS,
    FEMALE_NOUNS,
    HUMAN_VERBS,
    IRREGULAR_PAST,
    MALE_NOUNS,
    PEOPLE_NOUNS,
    VERB_ADVERBS,
    ends_like_past_tense,
)
from ..language.tokens import Tok
from .nominals import generic_gender, is_generic, is_person_noun

__all__ = ["SHORT_TOKENS", "acting_descriptions", "first_person_short", "short_text"]

# narration tokens: a text with fewer is short (a few paragraphs; a novel's chapter has several thousand)
SHORT_TOKENS = 1200
# verbs after a description that make it the subject of an act ("the stranger stood", "the widow was")
_AUXILIARIES = frozenset("was were had did could would should might must is are has does will can".split())
_HEADINGS = frozenset("chapter part book volume act scene letter canto".split())
# endings that make a person whatever the stem ("the fisherman", "the novelist", "the shopkeeper"); -er and
# -or make as many things ("the thunder", "the ladder"): in a long text only listed nouns count for them
_SURE_SUFFIXES = ("man", "woman", "ist", "ess", "maid", "keeper")


def _person(word: str, short: bool) -> bool:
    if not is_person_noun(word):
        return False
    if short:
        return True
    listed = word in PEOPLE_NOUNS or word in ANT_ENT_PEOPLE or word in MALE_NOUNS or word in FEMALE_NOUNS
    return listed or word.endswith(_SURE_SUFFIXES)


def short_text(toks: Sequence[Tok]) -> bool:
    """Whether the narration holds fewer than :data:`SHORT_TOKENS` tokens."""
    n = 0
    for t in toks:
        if t.quote < 0:
            n += 1
            if n >= SHORT_TOKENS:
                return False
    return True


def first_person_short(toks: Sequence[Tok]) -> bool:
    """A short text whose narration says I / me / my / myself at least once (not "Chapter I")."""
    if not short_text(toks):
        return False
    for i, t in enumerate(toks):
        if t.quote >= 0:
            continue
        if t.lower in ("me", "my", "myself") or (t.text == "I" and not (i > 0 and toks[i - 1].lower in _HEADINGS)):
            return True
    return False


def _verb_after(toks: Sequence[Tok], j: int, sent: int) -> bool:
    """A verb (after at most two adverbs) at token ``j`` of sentence ``sent``."""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.sent != sent or t.quote >= 0 or not t.text.isalpha():
            return False
        w = t.lower
        if w in HUMAN_VERBS or w in _AUXILIARIES or w in IRREGULAR_PAST or ends_like_past_tense(w):
            return True
        if not (t.lower.endswith("ly") or t.lower in VERB_ADVERBS):
            return False
    return False


def acting_descriptions(toks: Sequence[Tok], short: bool) -> Counter[tuple[str, ...]]:
    """ "The stranger stood at the gate", "the young soldier was terrified": "the", up to two lower-case words
    and a noun for a person (not one that fits anyone of a gender, "the man", resolved like a pronoun),
    followed by a verb in the narration; in a short text, anywhere in the narration ("disliked the new
    lodger"). Returns each phrase with how often it acts (or occurs)."""
    found: Counter[tuple[str, ...]] = Counter()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower != "the" or t.quote >= 0 or generic_gender(toks, i) is not None:
            continue
        words: list[str] = []
        j = i + 1
        while j < n and len(words) < 3 and toks[j].sent == t.sent and toks[j].quote < 0:
            w = toks[j]
            if not (w.text.isalpha() and w.text.islower()) or w.lower in DESCRIPTION_BREAKS:
                break
            words.append(w.lower)
            j += 1
            if _person(w.lower, short):
                nxt = toks[j] if j < n else None
                if nxt is not None and nxt.text.isalpha() and nxt.text.islower() and _person(nxt.lower, short):
                    continue  # "the police sergeant": the person is the last noun
                phrase = ("the", *words)
                if not is_generic(phrase) and (short or _verb_after(toks, j, t.sent)):
                    found[phrase] += 1
                break
    return found
