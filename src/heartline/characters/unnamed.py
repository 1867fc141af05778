"""Characters with no name: a first-person narrator, people known by a description or only by a pronoun.

A story need not name whom it is about. "I loved her the more for it" has an owner, the narrator; "The old
man wept" has one, the old man. This module holds the tests the characters step uses to give them a
character (see docs/characters.md, "Unnamed characters"):

* :func:`short_text`: a text short enough (a passage, a snippet, a flash story) that a description or a
  pronoun with no one to refer to is someone new rather than a lapse of the resolver;
* :func:`first_person_short`: in a short text, one I / me / my / myself in the narration is enough to make
  it first person (a novel needs many: :func:`heartline.characters.resolve.narration_is_first_person`);
* :func:`described_people`: in a short text, descriptions with a noun for a person ("the stranger", "the
  young soldier", "the new lodger").

In a short text, descriptions that fit anyone of a gender ("the old man", "the girl") and family words ("her
mother", "my brother") are resolved like pronouns first; the resolver makes them a character of their own
only when no one fits (:class:`heartline.characters.resolve.Resolver`, ``describe``). In a novel none of
these apply: its "the man" with no one near is a lapse of the resolver's reach, and its "the niece" is
mostly a named character seen from outside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..language.lexicon import DESCRIPTION_BREAKS, EMOTION_ADJECTIVES, GENERIC_ADJECTIVES, PLURAL_PEOPLE
from ..language.tokens import Tok
from .nominals import generic_gender, is_generic, is_person_noun

__all__ = ["SHORT_TOKENS", "described_people", "first_person_short", "short_text"]

# narration tokens: a text with fewer is short (a few paragraphs; a novel's chapter has several thousand)
SHORT_TOKENS = 1200
_HEADINGS = frozenset("chapter part book volume act scene letter canto".split())
# months end like nouns for people ("-er": "the December snow")
_MONTHS = frozenset("september october november december".split())


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
    """Whether the narration says I / me / my / myself at least once (not "Chapter I"), or we / us / our
    twice ("we crept in under Jim's bed", "he was so glad to see us": a narrator who tells of a band they are
    one of; not "let us"): first person, for a text that :func:`short_text` says is short (the caller checks
    that; it already knows)."""
    we = 0
    for i, t in enumerate(toks):
        if t.quote >= 0:
            continue
        if t.lower in ("me", "my", "myself") or (t.text == "I" and not (i > 0 and toks[i - 1].lower in _HEADINGS)):
            return True
        if t.lower in _WE and not (t.lower == "us" and i > 0 and toks[i - 1].lower == "let"):
            we += 1
    return we >= 2


_WE = frozenset({"we", "us", "our", "ourselves"})


def _plural(word: str) -> bool:
    """ "the men", "the soldiers", "the villagers": a group, a character of its own (never resolved like he /
    she)."""
    return (word in PLURAL_PEOPLE and word != "others") or (word.endswith("s") and is_person_noun(word[:-1]))


def _people(word: str) -> bool:
    return is_person_noun(word) or _plural(word)


def described_people(toks: Sequence[Tok]) -> Counter[tuple[str, ...]]:
    """In a short text, "the stranger", "the young soldier", "the new lodger", "the men": "the", up to two
    lower-case words and a noun for a person that does not fit anyone of a gender ("the man" is resolved like
    a pronoun) or for a group ("the soldiers"), anywhere in the narration. Returns each phrase with how often
    it occurs; also "the" and one such noun written with a capital ("the Professor", "the Judge", "the
    Dodger"), a post or a nickname used as a name, unless a name follows it ("the Duke Michael"). (In a novel
    such a description is mostly a named character seen from outside: only speech tags make one there.)"""
    found: Counter[tuple[str, ...]] = Counter()
    set_apart: Counter[tuple[str, ...]] = Counter()  # "the sick man": a man of a gender, and a word of his own
    heads: dict[str, set[tuple[str, ...]]] = {}  # every description of a gendered head: "the old lady", ...
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower in ("a", "an"):  # "a little ugly humpbacked man": met so, then "the humpbacked man" again
            for k in range(i + 1, min(i + 5, n)):
                if not toks[k].text.isalpha() or toks[k].sent != t.sent:
                    break
                if _people(toks[k].lower):  # only a noun for a person is ever looked up below
                    heads.setdefault(toks[k].lower, set()).add(tuple(w.lower for w in toks[i : k + 1]))
            continue
        if t.lower != "the" or t.quote >= 0:
            continue
        generic = generic_gender(toks, i)
        if generic is not None:
            heads.setdefault(toks[generic[1]].lower, set()).add(tuple(toks[k].lower for k in range(i, generic[1] + 1)))
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        if (
            nxt is not None
            and nxt.sent == t.sent
            and nxt.quote < 0
            and nxt.text.isalpha()
            and nxt.text.istitle()
            and _people(nxt.lower)
            and not _plural(nxt.lower)
            and not is_generic(("the", nxt.lower))
            and nxt.lower not in _MONTHS
            and not (i + 2 < n and toks[i + 2].text[:1].isupper() and toks[i + 2].sent == t.sent)
        ):
            found[("the", nxt.lower)] += 1  # "The Professor stepped over", "the Dodger sat": a post as a name
            continue
        words: list[str] = []
        j = i + 1
        while j < n and len(words) < 3 and toks[j].sent == t.sent and toks[j].quote < 0:
            w = toks[j]
            if not (w.text.isalpha() and w.text.islower()) or w.lower in DESCRIPTION_BREAKS:
                break
            words.append(w.lower)
            j += 1
            if _people(w.lower):
                nxt = toks[j] if j < n else None
                if nxt is not None and nxt.text.isalpha() and nxt.text.islower() and _people(nxt.lower):
                    continue  # "the police sergeant": the person is the last noun
                if (
                    nxt is not None
                    and (w.lower in GENERIC_ADJECTIVES or w.lower in EMOTION_ADJECTIVES)
                    and nxt.sent == t.sent
                    and nxt.text.isalpha()
                    and nxt.text.islower()
                    and nxt.lower not in DESCRIPTION_BREAKS
                    and len(words) < 3
                    and any(_people(toks[k].lower) for k in range(j + 1, min(j + 3, n)) if toks[k].sent == t.sent)
                ):
                    continue  # "the poor old man": "poor" is no group of its own here
                if not is_generic(("the", *words)) or _plural(w.lower):
                    found[("the", *words)] += 1
                elif len(words) >= 2:
                    set_apart[("the", *words)] += 1
                    heads.setdefault(w.lower, set()).add(("the", *words))
                break
    for phrase, k in set_apart.items():
        if len(heads[phrase[-1]]) == 1:
            # the one man the text sets apart so; "the childless old lady", "the rich old lady" and "the old
            # lady" of one text are most often one woman, whom a pronoun's resolution finds
            found[phrase] += k
    return found
