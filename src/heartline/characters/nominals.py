"""Characters known only by a description: "said the mariner", "the old woman replied".

A noun phrase of "the" and one to three lower-case words that is the subject of a speech verb becomes a
character named by that phrase; every later "the mariner" is a mention of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..language.lexicon import (
    ANT_ENT_PEOPLE,
    DESCRIPTION_BREAKS,
    EMOTION_ADJECTIVES,
    FEMALE_NOUNS,
    FEMALE_ROLES,
    GENDERED_POSTS,
    GENERIC_ADJECTIVES,
    IRREGULAR_PAST,
    IRREGULAR_TAGS,
    MALE_NOUNS,
    MALE_ROLES,
    MANNER_NOUNS,
    NOT_DESCRIPTION_HEADS,
    NOT_PEOPLE,
    PEOPLE_NOUNS,
    PERSON_SUFFIXES,
    PLURAL_PEOPLE,
    QUOTE_MARKS,
    SPEECH_VERBS,
    ends_like_past_tense,
)
from ..language.tokens import Tok

__all__ = [
    "find_indefinite_actors",
    "find_indefinite_speakers",
    "find_nominal_speakers",
    "generic_gender",
    "inverted_tag",
    "is_generic",
    "is_person_noun",
    "is_plural",
    "nominal_occurrences",
    "noun_gender",
]


def _wordlike(t: Tok) -> bool:
    """Lower-case, or capitalised mid-sentence ("the Invisible Man", "the Voice")."""
    return t.text.islower() or (t.text.istitle() and not t.sent_start)


def _phrase_after(toks: Sequence[Tok], i: int) -> tuple[str, ...] | None:
    """ "said the old mariner," -> ("the", "old", "mariner")."""
    if i + 2 >= len(toks) or toks[i + 1].lower != "the" or toks[i + 1].quote >= 0:
        return None
    words: list[str] = []
    j = i + 2
    while j < len(toks) and len(words) - 2 * words.count("-") < 3:
        t = toks[j]
        if (
            not t.text.isalpha()
            or not _wordlike(t)
            or t.lower in DESCRIPTION_BREAKS
            or t.lower.endswith("ly")
            or t.lower in SPEECH_VERBS
        ):
            break
        if j + 1 < len(toks) and toks[j + 1].text in "-—" and toks[j + 1].start == t.end:
            nxt = toks[j + 2] if j + 2 < len(toks) else None
            if toks[j + 1].text != "-" or nxt is None or nxt.start != toks[j + 1].end or not nxt.text.isalpha():
                return None  # "the man--": an interruption, not a description
            words += [t.lower, "-", nxt.lower]  # "the book-stall keeper", "the hump-backed man"
            j += 3
            continue
        words.append(t.lower)
        j += 1
    if j < len(toks) and toks[j].text[:1].isupper() and toks[j].quote < 0:
        return None  # "said the Reverend Mr. Beebe": a title before a name, not a description
    if j + 1 < len(toks) and toks[j].lower in ("and", "of") and toks[j + 1].text.istitle():
        return None  # "called the Coach and Horses": a name of a place
    if not words:
        return None
    if len({toks[k].text.islower() for k in range(i + 2, j) if toks[k].text.isalpha()}) > 1:
        return None  # "said the motionless Syme", "the poet Syme": a name with an epithet
    return ("the", *words, *_attribute(toks, j))


def _attribute(toks: Sequence[Tok], j: int) -> tuple[str, ...]:
    """ "with the black beard" at token ``j``, ending its clause: what tells one man from another in "said
    the man with the black beard". Empty when there is none."""
    if j + 2 >= len(toks) or toks[j].lower not in ("with", "in") or toks[j + 1].lower != "the":
        return ()  # "in a whisper", "with a grin": how it was said, not who said it
    k = j + 2
    while k < len(toks) and k - j - 2 < 3 and toks[k].text.isalpha() and toks[k].text.islower():
        if toks[k].lower in DESCRIPTION_BREAKS or toks[k].lower.endswith("ly"):
            break
        k += 1
    if k == j + 2 or k >= len(toks) or toks[k].text not in {",", ".", ";", "!", "?", "—", "--"}:
        return ()
    if toks[k - 1].lower in MANNER_NOUNS:
        return ()  # "said the Jew in the same tone"
    return tuple(toks[x].lower for x in range(j, k))


def _head(phrase: tuple[str, ...]) -> str:
    """The noun a description is about: "mariner" in "the old mariner", "man" in "the man with the beard"."""
    for k, w in enumerate(phrase[1:], 1):
        if w in ("with", "in"):
            return phrase[k - 1]
    return phrase[-1]


def _phrase_before(toks: Sequence[Tok], i: int) -> tuple[str, ...] | None:
    """ "the old mariner said" -> ("the", "old", "mariner")."""
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 3:
        t = toks[j]
        if t.lower == "the":
            if len({toks[k].text.islower() for k in range(j + 1, i)}) > 1:
                return None  # "In the evening Marianne began", "the Admiral ever said": a name beside a word
            return ("the", *reversed(words)) if words else None
        if not t.text.isalpha() or not _wordlike(t) or t.lower in DESCRIPTION_BREAKS or t.quote >= 0:
            return None
        words.append(t.lower)
        j -= 1
    return None


_QUOTE_ENDS = frozenset({",", "!", "?", "--", "—", "-", "–"})


def inverted_tag(toks: Sequence[Tok], i: int) -> bool:
    """A past tense no list holds, right after a quote's closing mark: '“...,” comforted Matthew', '“...!”
    crooned the driver'. Inverted there, before its subject, it is a speech tag whatever the verb."""
    t = toks[i]
    if not (t.text.isalpha() and t.text.islower()) or t.quote >= 0:
        return False
    if not (ends_like_past_tense(t.lower) or t.lower in IRREGULAR_TAGS):
        return False
    k = i - 1
    if k < 0 or toks[k].text not in QUOTE_MARKS:
        return False
    while k >= 0 and toks[k].text in QUOTE_MARKS:
        k -= 1
    return k >= 0 and toks[k].text in _QUOTE_ENDS


def find_nominal_speakers(toks: Sequence[Tok]) -> Counter[tuple[str, ...]]:
    """Descriptions that are the subject of a speech verb, with how often."""
    found: Counter[tuple[str, ...]] = Counter()
    for i, t in enumerate(toks):
        if t.quote >= 0 or (t.lower not in SPEECH_VERBS and not inverted_tag(toks, i)):
            continue
        for phrase in (_phrase_after(toks, i), _phrase_before(toks, i)):
            if phrase and (
                _capitalised(toks, i, phrase)
                or (_head(phrase) != phrase[-1] and _is_person_noun(_head(phrase)))
                or (not _generic(phrase) and _is_person_noun(phrase[-1]))
            ):
                found[phrase] += 1
    return found


def find_indefinite_speakers(toks: Sequence[Tok]) -> list[tuple[tuple[str, ...], int, int]]:
    """'"...," said a little girl': someone the story meets in their one line, a character of their own
    (never one already known, as "said the girl" may be). Returns (phrase, first token, last token)."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    for i, t in enumerate(toks):
        if t.quote >= 0 or i + 2 >= len(toks) or toks[i + 1].lower not in ("a", "an") or toks[i + 1].quote >= 0:
            continue
        if i == 0 or toks[i - 1].text not in QUOTE_MARKS or not (t.lower in SPEECH_VERBS or inverted_tag(toks, i)):
            continue  # "he said a man was waiting": what was said, not who said it
        found = _indefinite_phrase(toks, i + 1)
        if found is not None:
            out.append(found)
    return out


# what may stand before "a young lord" when it is the subject of its clause ("and a young lord fell in love")
_BEFORE_A_SUBJECT = frozenset({",", ";", "and", "but", "when", "then", "till", "until", "while", "where", "as", "so"})
# what may follow it: an auxiliary, or a verb a person does (below)
_SUBJECT_AUXILIARIES = frozenset({"was", "had", "would", "could", "did", "came", "stood", "sat"})


# verbs after which "a young man who ..." says what someone is, not who else there is
_ATTRIBUTE_VERBS = frozenset("is was be been being am are were became become becomes seemed seems remained".split())


def find_indefinite_actors(toks: Sequence[Tok]) -> list[tuple[tuple[str, ...], int, int]]:
    """ "A young lord fell in love with her", "a stranger sat beside him": someone the story
    meets by a description with "a" that is the subject of a verb a person does, a character of their own
    (for a short text: in a novel such a one is most often met once and gone). A bare noun fitting anyone
    ("a man might do worse") is not: it takes a word of description or a noun for someone in particular.
    Returns (phrase, first token, last token), as :func:`find_indefinite_speakers`."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower not in ("a", "an"):
            continue
        prev = toks[i - 1] if i > 0 else None
        subject_place = t.sent_start or (prev is not None and prev.sent == t.sent and prev.lower in _BEFORE_A_SUBJECT)
        found = _indefinite_phrase(toks, i, t.quote)
        if found is None:
            continue
        phrase, _, last = found
        nxt = toks[last + 1] if last + 1 < n else None
        if nxt is None or nxt.sent != t.sent or nxt.quote != t.quote:
            continue
        if not subject_place:
            # "there appeared upon the scene a certain man, who made love to Miss Havisham": one who acts in a
            # clause of their own; not "he was a young man", "like a child", "to a stranger"
            k = last + 1 + (nxt.text == ",")
            who = toks[k] if k < n else None
            after = toks[k + 1] if k + 1 < n else None
            if (
                who is None
                or (prev is not None and prev.lower in _ATTRIBUTE_VERBS)
                or who.lower != "who"
                or after is None
                or after.sent != t.sent
                or not (after.lower in _SUBJECT_AUXILIARIES or _past_verb(after.lower))
            ):
                continue
        elif not (nxt.lower in _SUBJECT_AUXILIARIES or _past_verb(nxt.lower)):
            continue
        if len(phrase) == 2 and _generic(("the", phrase[1])):
            continue  # "a man might", "a woman was": anyone
        out.append(found)
    return out


def _indefinite_phrase(toks: Sequence[Tok], a: int, quote: int = -1) -> tuple[tuple[str, ...], int, int] | None:
    """ "a great lubberly fellow", "a smartly-dressed female", "a lady in the group" at token ``a``, ending
    on its noun for a person."""
    words: list[str] = []
    ends: list[int] = []  # the token each word ends on
    j = a + 1
    while j < len(toks) and len(ends) < 4:
        t = toks[j]
        if not (t.text.isalpha() and t.text.islower()) or t.quote != quote or t.lower in DESCRIPTION_BREAKS:
            break
        if j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 1].start == t.end:
            nxt = toks[j + 2]
            if nxt.start != toks[j + 1].end or not (nxt.text.isalpha() and nxt.text.islower()):
                break
            words.append(f"{t.lower}-{nxt.lower}")  # "a smartly-dressed female", "a sleepy-faced carpenter"
            j += 3
        elif t.lower in SPEECH_VERBS:
            break
        else:  # "a great lubberly fellow", "a strangely dressed man": it must end on a person, below
            words.append(t.lower)
            j += 1
        ends.append(j - 1)
    while words and not _is_person_noun(words[-1]):
        words.pop()  # "a girl opposite": the person is the girl
        ends.pop()
    if not words:
        return None
    attribute = _attribute(toks, ends[-1] + 1) if ends[-1] + 1 == j else ()
    last = ends[-1] + len(attribute)
    return (toks[a].lower, *words, *attribute), a, last


def nominal_occurrences(toks: Sequence[Tok], phrases: set[tuple[str, ...]]) -> list[tuple[tuple[str, ...], int, int]]:
    """Every place a chosen description occurs: (phrase, first token, last token)."""
    longest = max((len(p) for p in phrases), default=0)
    out: list[tuple[tuple[str, ...], int, int]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower != "the":
            continue
        for size in range(longest, 1, -1):
            if i + size > n:
                continue
            cand = tuple(toks[k].lower for k in range(i, i + size))
            if cand in phrases and toks[i + size - 1].sent == t.sent:
                nxt = toks[i + size] if i + size < n else None
                last = toks[i + size - 1]
                if (
                    nxt is not None
                    and not (last.text.istitle() and not last.sent_start)  # "the Invisible Man many times"
                    and nxt.lower != "s"  # "the old man s hat": an apostrophe the edition lost
                    and nxt.text.isalpha()
                    and nxt.text.islower()
                    and nxt.lower not in DESCRIPTION_BREAKS
                    and nxt.lower not in SPEECH_VERBS
                    and not nxt.lower.endswith("ly")
                    and not _past_verb(nxt.lower)
                ):
                    continue  # "the old man" inside "the old man's" is fine, "the man servant" is not
                out.append((cand, i, i + size - 1))
                break
    return out


def _past_verb(word: str) -> bool:
    """A past-tense verb, so the words before it are a whole noun phrase ("the Dormouse shook")."""
    return word in IRREGULAR_PAST or ends_like_past_tense(word)


def _capitalised(toks: Sequence[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    """The description is written with capitals, as a name is ("the Voice")."""
    for k in (i + len(phrase), i - 1):
        if 0 <= k < len(toks) and toks[k].lower == phrase[-1] and toks[k].text.istitle():
            return True
    return False


def _is_person_noun(head: str) -> bool:
    if head in NOT_DESCRIPTION_HEADS or head in NOT_PEOPLE or len(head) < 3:
        return False
    return (
        head in MALE_NOUNS
        or head in FEMALE_NOUNS
        or head in PEOPLE_NOUNS
        or head in ANT_ENT_PEOPLE
        or (head.endswith(PERSON_SUFFIXES) and not head.endswith(("ness", "less")))
    )


def _generic(phrase: tuple[str, ...]) -> bool:
    """ "the old gentleman", "the girl", "the two women": anyone of a gender, resolved like a pronoun (a
    post with a gender, "the maid", is a character of its own)."""
    head = phrase[-1]
    return (head in MALE_NOUNS or head in FEMALE_NOUNS or head in PLURAL_PEOPLE) and head not in GENDERED_POSTS


def generic_gender(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """ "the young man", "the girl" at token ``i``: a description that could fit anyone of a gender,
    so it is resolved like a pronoun. A passing state is no description of its own: "cried the delighted
    boy" is the boy of the scene. Returns (gender, last token) or None."""
    if i < 0 or i + 1 >= len(toks) or toks[i].lower != "the":
        return None
    j = i + 1
    for _ in range(2):  # "the young man", "the poor old man"
        if (toks[j].lower in GENERIC_ADJECTIVES or toks[j].lower in EMOTION_ADJECTIVES) and j + 1 < len(toks):
            j += 1
    head = toks[j].lower
    if not toks[j].text.islower() or head in GENDERED_POSTS:
        return None
    if head in MALE_NOUNS:
        return "he", j
    if head in FEMALE_NOUNS:
        return "she", j
    return None


def noun_gender(phrase: tuple[str, ...]) -> str | None:
    head = _head(phrase).lower()
    if head in MALE_NOUNS or head in MALE_ROLES:
        return "he"
    if head in FEMALE_NOUNS or head in FEMALE_ROLES:
        return "she"
    return None


def is_plural(phrase: tuple[str, ...]) -> bool:
    """Whether a description is of several people: "the girls", "the two women", "the servants"."""
    head = _head(phrase).lower()
    if head in PLURAL_PEOPLE:
        return True
    if len(head) < 4 or not head.endswith("s") or head.endswith(("ss", "us", "is")):
        return False
    return _is_person_noun(head[:-1]) or (head.endswith("es") and _is_person_noun(head[:-2]))


def is_person_noun(word: str) -> bool:
    """Whether a lower-case noun names a person ("stranger", "widow", "book-keeper"; not "weather")."""
    return _is_person_noun(word)


def is_generic(phrase: tuple[str, ...]) -> bool:
    """Whether a description fits anyone of a gender ("the old man"), so it is resolved like a pronoun."""
    return _generic(phrase)
