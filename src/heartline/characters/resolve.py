"""Who each pronoun means: gender learned from the story, then a salience walk through the text.

Genders come from honorifics and from the pronouns that follow a character's name when that character is
the only one named in the sentence. Third-person pronouns are resolved to a recent mention of a character
of the same gender, preferring subjects, recent sentences and the story's main character. First-person
pronouns in the narration of a first-person story go to the narrator. (Inside quotes "I" and "you" depend
on who speaks, so the speakers step adds those mentions.)
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language.lexicon import (
    CLAUSE_CONJUNCTIONS,
    ELDER_TITLES,
    EMOTION_ADJECTIVES,
    FIRST_PERSON,
    HONORIFICS,
    HUMAN_VERBS,
    KIN,
    KIN_ADJECTIVES,
    KIN_MARRIED_TITLES,
    LETTER_CLOSINGS,
    NOT_A_NOUN,
    OLD_ADJECTIVES,
    PRONOUNS,
    QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
    SPEECH_VERBS,
    VERB_ADVERBS,
    YOUNG_HEADS,
    is_patronymic,
)
from ..language.tokens import Tok
from .nominals import generic_gender, noun_gender

if TYPE_CHECKING:
    from ..story import Story

__all__ = ["KIN", "Ref", "Resolver", "acting", "learn_genders", "narration_is_first_person", "refs_from_mentions"]


_LOOKBACK_SENTENCES = 6
# a pronoun with no antecedent of its gender that near looks further back: "she said aloud" after a long
# speech of hers
_FALLBACK_SENTENCES = 20
# one before anyone of its gender is mentioned means the first of its gender named this many sentences after it
_AHEAD_SENTENCES = 20
# words after an object "her" that never begin what she owns: "so fond of her and ...", "proud of her that day"
_NO_NOUN_AFTER = frozenset(
    "and but or for as that than when while if because so again too then now still always ever yet".split()
)
_LETTER_GAP = 40
# words after which a he / she is not the subject of its sentence's main clause, so that it may stand for
# a name later in the sentence ("When she came in, Natásha smiled"; "the divan on which he was lying ...")
_SUBORDINATE = frozenset(
    "when whenever while as if though although because until till before after that since unless whether "
    "than once who whom whose which where wherever how why what lest".split()
)
# what ends a clause for the names a he / she cannot be (see Resolver._named_after)
_CLAUSE_ENDS = frozenset({";", ":", "--", "—", "–"})
_COORDINATORS = frozenset({"and", "but", "or", "yet", "so", "for"})  # after a comma, a clause of its own
# words before a name that say who someone is, so that the name may be the he / she before it ("she was
# Natásha", "he called himself Pierre", "He said that he (Syme) was", "He was burdened, poor Strether")
_EQUATING = frozenset("was is be been being am are were named called himself herself as ( poor dear".split())
_RATIO = 1.15  # he/she votes: a small majority is enough, the votes are many and noisy


@dataclass(slots=True)
class Ref:
    """A mention found so far: character index, token span, and whether it is a sentence's subject."""

    char: int
    first: int
    last: int
    kind: str
    subject: bool = False
    guessed: bool = False  # a pronoun taken for someone named only after it (Resolver._ahead)


def felt_for(toks: Sequence[Tok], i: int) -> bool:
    """Whether the pronoun at token ``i`` is the one a feeling adjective right before it is for ("Mamma is so
    fond of *her*", "proud of *him*"), so not whoever feels it; not a "her" that owns what follows ("hostile to
    her surroundings")."""
    if not _after_a_feeling(toks, i):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sent == toks[i].sent else None
    return not (
        toks[i].lower == "her" and nxt is not None and nxt.text[:1].isalpha() and nxt.lower not in _NO_NOUN_AFTER
    )


def refs_from_mentions(story: Story, toks: Sequence[Tok]) -> list[Ref]:
    """The references the characters step resolved, read back from ``story.mentions``: what the speakers step
    walks. The character index is the character's place in ``story.characters``; a letter's "you" (a
    mention of the one it is written to, kept out of the walk) is left out, as :meth:`Resolver.run` leaves it.
    Raises PipelineError for mentions without their ``subject`` mark (a reading made before it was kept)."""
    from ..errors import PipelineError

    index = {c.id: i for i, c in enumerate(story.characters)}
    by_start = {t.start: i for i, t in enumerate(toks)}
    starts = [t.start for t in toks]
    refs: list[Ref] = []
    for m in story.mentions:
        first = by_start.get(m.start)
        if first is None or m.character not in index:
            continue
        t = toks[first]
        if m.kind == "pronoun" and t.quote < 0 and t.lower in SECOND_PERSON and t.lower not in PRONOUNS:
            continue  # a letter's "you" (see Resolver.written_to)
        if m.subject is None:
            raise PipelineError(
                "The mentions of this reading do not say which are subjects",
                "Run the 'characters' step again on it (heartline read STORY --steps segment,characters,...)",
            )
        last = first if m.kind == "pronoun" else bisect.bisect_right(starts, m.end - 1) - 1
        refs.append(Ref(index[m.character], first, last, m.kind, m.subject))
    return refs


def _object_pronoun(toks: Sequence[Tok], i: int) -> bool:
    """ "him", or "her" not followed by a noun: the object of the clause, often not its subject's gender."""
    w = toks[i].lower
    if w == "him":
        return True
    if w != "her":
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is None
        or not nxt.text.isalpha()
        or not nxt.text.islower()
        or nxt.lower in NOT_A_NOUN
        or nxt.lower in PRONOUNS  # "gave her his arm"
    )


def _after_a_feeling(toks: Sequence[Tok], i: int) -> bool:
    """A pronoun right after a feeling adjective and its preposition: "fond of her", "pleased with her placid
    manner" (the one it is felt for, whose is the manner), "hostile to her surroundings" (her own)."""
    return i >= 2 and toks[i - 1].lower in ("of", "with", "to") and toks[i - 2].lower in EMOTION_ADJECTIVES


def learn_genders(
    toks: Sequence[Tok],
    names: Sequence[Ref],
    titles: Sequence[set[str]],
    priors: Sequence[str | None] | None = None,
) -> list[str | None]:
    """A gender ("he", "she") per character, or None where the story does not tell.

    A title decides ("Mrs."); else the pronouns after the character's name vote. ``priors`` (from given
    names: "Leonard", "Gladys") decide when the votes are few or split, and give way only to a clear
    majority of at least four votes the other way."""
    votes: list[dict[str, float]] = [{"he": 0.0, "she": 0.0} for _ in titles]
    fixed: dict[int, str] = {}
    for ci, ts in enumerate(titles):
        given = {HONORIFICS.get(t) for t in ts} - {None}
        if len(given) == 1:
            fixed[ci] = given.pop()  # type: ignore[assignment]  # "Madame", "Mr.": the title says
    by_sent: dict[int, list[Ref]] = {}
    for r in names:
        if toks[r.first].quote < 0:
            by_sent.setdefault(toks[r.first].sent, []).append(r)
    n = len(toks)
    for refs in by_sent.values():
        if len({r.char for r in refs}) != 1:
            continue
        r = refs[0]
        sent = toks[r.first].sent
        i = r.last + 1
        seen_next = False
        while i < n and toks[i].sent <= sent + 1:
            t = toks[i]
            if t.sent == sent + 1 and t.sent in by_sent:
                break
            if t.quote < 0 and t.lower in PRONOUNS:
                if _object_pronoun(toks, i) or _after_a_feeling(toks, i):
                    # "Henry looked at her (and she...)": about someone else; "was pleased with her placid manner"
                    # may be (or "hostile to her surroundings" not): no vote; "his head", "her head" count
                    break
                votes[r.char][PRONOUNS[t.lower]] += 0.5 if seen_next else 1
                break
            seen_next = seen_next or t.sent > sent
            i += 1
    out: list[str | None] = []
    for ci, v in enumerate(votes):
        if ci in fixed:
            out.append(fixed[ci])
            continue
        he, she = v["he"], v["she"]
        voted = "he" if he >= 1 and he >= _RATIO * she else "she" if she >= 1 and she >= _RATIO * he else None
        prior = priors[ci] if priors is not None else None
        if prior is not None:
            against = she if prior == "he" else he
            agree = he if prior == "he" else she
            if not (against >= 4 and against >= 3 * agree):
                voted = prior
        out.append(voted)
    return out


def _of_generation(names: frozenset[str], titles: frozenset[str], elder: bool) -> bool:
    """Whether a character of these surnames and titles can be a kin word's person: an elder (a parent, a
    spouse) bears a title of the elders (Mr., Mrs., Lady ...) or a patronymic, the way a translation names its
    elders ("Pulcheria Alexandrovna"); a child or a sibling bears no married title."""
    if elder:
        return bool(titles & ELDER_TITLES) or any(is_patronymic(n) for n in names)
    return not titles & KIN_MARRIED_TITLES


def narration_is_first_person(toks: Sequence[Tok]) -> bool:
    """Most narration sentences... at least a few "I"s per thousand narration words."""
    narr = [t for t in toks if t.quote < 0]
    i_count = sum(1 for t in narr if t.text == "I")
    return i_count >= 10 and i_count >= 0.006 * max(len(narr), 1)


# the family words a short text makes a character of ("her aunt", "my grandmother"): KIN and a few more
# the household's people ("his landlady", "her maid"): one of each in a passage, whoever's they are said to be
_HOUSEHOLD: dict[str, tuple[str | None, bool]] = {
    "landlady": ("she", True),
    "landlord": ("he", True),
    "maid": ("she", False),
    "servant": (None, False),
    "governess": ("she", True),
    "nurse": ("she", True),
}
_FAMILY_WORDS: dict[str, tuple[str | None, bool]] = {
    **KIN,
    **_HOUSEHOLD,
    "aunt": ("she", True),
    "uncle": ("he", True),
    "grandmother": ("she", True),
    "grandfather": ("he", True),
    "niece": ("she", False),
    "nephew": ("he", False),
    "cousin": (None, False),
    "friend": (None, False),
    "lover": (None, False),
    "fiancé": ("he", False),
    "fiancée": ("she", False),
    "boyfriend": ("he", False),
    "girlfriend": ("she", False),
    "parents": ("they", True),
    "boy": ("he", False),  # "my boy has asked her twice": a son, as a father says it
    "girl": ("she", False),
    # the people of a life besides its family: "my guardian", "his master", "her companion"
    "guardian": (None, True),
    "master": ("he", True),
    "mistress": ("she", True),
    "companion": (None, False),
    "benefactor": (None, True),
    "suitor": ("he", False),
    "rival": (None, False),
    "tutor": (None, True),
    "pupil": (None, False),
}


# the verbs that say what their subject is: a family word after them and a possessive is the subject
_BEING = frozenset("is was were are been be become became becomes remained remains seemed seems".split())
# the words that open a description or a family word, written in lower case in its name wherever it stands
_LOWER_OPENERS = frozenset({"the", "his", "her", "my", "our", "your", "their"})


class Resolver:
    """Walks the tokens once, resolving pronouns with a list of recent mentions."""

    def __init__(
        self,
        toks: Sequence[Tok],
        genders: Sequence[str | None],
        weight: Sequence[int],
        narrator: int | None,
        families: Sequence[tuple[frozenset[str], frozenset[str]]] | None = None,
        describe: bool = False,
        short: bool = False,
        nominal: Sequence[int] = (),
        nominal_heads: dict[str, int] | None = None,
    ) -> None:
        self.toks = toks
        # per character: its surnames and its titles, for "his mother"
        self.families = list(families) if families is not None else None
        self.genders = list(genders)  # grows with the characters made of descriptions (see _describe)
        # a description ("the old man") that no one fits is a character of its own; in a short text, so is a
        # family word ("her mother", "my brother") and a he / she with no one to refer to
        self.describe = describe
        self.short = short
        self.described: list[tuple[str, ...]] = []  # the words of each character made so, in order
        self._described_at: dict[tuple[str, ...], int] = {}
        self._name_at: set[int] = set()  # the first tokens of the names (see run)
        # "landlady" -> the character "the landlady" of the story, or the one made of "his landlady"
        self._someones: dict[str, int] = dict(nominal_heads or {})
        self.nominal = set(nominal)  # characters known by a description ("the doctor")
        self.narrator = narrator
        top = max(range(len(weight)), key=lambda i: weight[i]) if weight else -1
        self.main = top
        self.recent: list[Ref] = []
        self.genders_seen: set[str | None] = set()  # of the characters mentioned so far (see _ahead)
        # "you" in a letter, for the one it is written to: a mention of someone not in the scene, so not among
        # the mentions :meth:`run` returns (those the salience walk, presence and the speakers step read)
        self.written_to: list[Ref] = []
        self.ages: dict[int, Counter[str]] = defaultdict(Counter)  # "young" / "old" descriptions resolved so far

    def run(self, names: Sequence[Ref]) -> list[Ref]:
        """All mentions: the names given plus every pronoun resolved (a letter's "you" go to :attr:`written_to`)."""
        toks = self.toks
        starts = {r.first: r for r in names}
        self._name_at = set(starts)
        self._names_in: dict[int, list[Ref]] = defaultdict(list)  # the names of each sentence, in order
        for name in names:
            self._names_in[toks[name.first].sent].append(name)
        firsts = [r.first for r in names]
        first_named: dict[int, int] = {}
        for name in names:
            first_named.setdefault(name.char, name.first)
        out: list[Ref] = []
        sent_has_subject: dict[int, bool] = {}
        letter_to: int | None = None  # whom the letter being read is written to ("Dearest Meg,")
        letter_sent = 0  # the sentence of its salutation, or of its last "you"
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            r = starts.get(i)
            if letter_to is not None and (
                t.sent - letter_sent > _LETTER_GAP or (t.sent_start and t.lower in LETTER_CLOSINGS)
            ):
                letter_to = None  # the letter has ended: "Yours ever," or no "you" for a long while
            if r is not None:
                r.subject = not sent_has_subject.get(t.sent, False) and self._subject_like(r.first, r.last)
                if not self._possessive(r.last):  # "Listening to the captain's tales, Pierre followed": Pierre
                    sent_has_subject[t.sent] = True
                self._push(r)
                out.append(r)
                if self._salutation(r):
                    letter_to, letter_sent = r.char, t.sent
                # "Tom's mother came in": someone of her own, or the one named who fits
                i = self._kin_after(r, r.first, out, sent_has_subject).last + 1
                continue
            generic = generic_gender(toks, i) if t.lower == "the" else None
            if generic is not None and toks[generic[1]].sent == t.sent:
                age = _age(toks, i, generic[1])
                words = tuple(toks[k].lower for k in range(i, generic[1] + 1))
                ci = self._named_right_after(generic[1], starts)
                if ci is not None and generic[0] in ("he", "she"):
                    self.genders[ci] = generic[0]  # "the boy Dodger": one boy, a he whatever pronouns follow
                if ci is None:
                    ci = self._described_at.get(words)  # "the old man" again
                if ci is None and len(words) == 2:
                    ci = self._someones.get(words[1])  # "his landlady ... the landlady"
                if ci is None:  # not a guess ahead ("her offer ... The old lady"): someone of their own
                    unlike = self.nominal if self.short else ()
                    ci = self._resolve(i, generic[0], age, unlike=unlike, guesses=False)
                    if ci is not None and self.short and ci in self._named_beside(i, generic[1]):
                        # the one it would be is named beside it: someone else, whom no name says (in a novel, a
                        # sentence may well name "Mr. Emerson" and call him "the old man" again)
                        ci = None
                if ci is None and self.describe and t.quote < 0:
                    ci = self._describe(words, generic[0], age)
                last = generic[1]
                if ci is not None:
                    ref = Ref(ci, i, generic[1], "nominal", not sent_has_subject.get(t.sent, False))
                    self._push(ref)
                    out.append(ref)
                    if age is not None:
                        self.ages[ci][age] += 1
                    last = self._kin_after(ref, i, out, sent_has_subject).last  # "the old man's daughter"
                sent_has_subject[t.sent] = True
                i = last + 1
                continue
            if t.lower in PRONOUNS:
                ci = self._apposed(i)
                if ci is None:
                    ci = self._resolve(i, PRONOUNS[t.lower])
                if ci is None:
                    ci = self._resolve(i, PRONOUNS[t.lower], lookback=_FALLBACK_SENTENCES)
                ahead = False
                if ci is None and (PRONOUNS[t.lower] not in self.genders_seen or self._named_after(i)):
                    ci = self._ahead(i, PRONOUNS[t.lower], names, firsts)
                    ahead = ci is not None
                if ci is None and self.describe and self.short and t.quote < 0:
                    ci = self._describe((PRONOUNS[t.lower],), PRONOUNS[t.lower], None)  # "She waited ..."
                # before the name, the pronouns were a guess ahead and tell no gender: "she ... except Lydgate"
                if (
                    ci is not None
                    and self.short
                    and self.genders[ci] is None
                    and t.lower in ("he", "she")
                    and first_named.get(ci, n) < i
                ):
                    self.genders[ci] = PRONOUNS[t.lower]  # "Tal Hajus ... he": not "she" after that
                if ci is not None:
                    new_clause = i > 0 and (toks[i - 1].lower in CLAUSE_CONJUNCTIONS or toks[i - 1].text in {",", ";"})
                    subj = t.lower in ("he", "she") and (new_clause or not sent_has_subject.get(t.sent, False))
                    ref = Ref(ci, i, i, "pronoun", subj, guessed=ahead)
                    self._push(ref)
                    out.append(ref)
                if t.lower in ("he", "she"):
                    sent_has_subject[t.sent] = True
                kin = None
                if t.lower in ("his", "her") and i + 1 < n and toks[i + 1].sent == t.sent:
                    kin = self._kin(ci, toks[self._kin_at(i)].lower) if ci is not None else None
                    if kin is None:
                        kin = self._family_word(i, ci)
                if kin is not None:  # "her son broke in": "her" is Mrs. Archer, "son" Newland Archer
                    out.append(ref := self._kin_ref(kin, i, t, sent_has_subject))
                    i = self._kin_after(ref, i, out, sent_has_subject).last + 1  # "her husband's brother"
                    continue
            elif letter_to is not None and t.quote < 0 and t.lower in SECOND_PERSON:
                self.written_to.append(Ref(letter_to, i, i, "pronoun"))
                letter_sent = t.sent
            elif self.narrator is not None and t.quote < 0 and t.lower in FIRST_PERSON:
                ref = Ref(self.narrator, i, i, "pronoun", t.lower == "i")
                self._push(ref)
                out.append(ref)
                kin = self._family_word(i) if t.lower == "my" and i + 1 < n and toks[i + 1].sent == t.sent else None
                if kin is not None:  # "my brother never wrote"
                    out.append(ref := self._kin_ref(kin, i, t, sent_has_subject))
                    i = self._kin_after(ref, i, out, sent_has_subject).last + 1  # "her husband's brother"
                    continue
            elif (
                (
                    (t.lower == "our" and t.quote < 0)
                    or (t.lower in ("my", "your") and t.quote >= 0)
                    or t.lower == "their"
                )
                and i + 1 < n
                and toks[i + 1].sent == t.sent
            ):
                # "our master was a good, kind man": one of the narrator's household; "“My uncle needs no
                # assurance from me,” said Curtis": the speaker's uncle; "“Your dear mother!”", "the boys
                # missed their father": the one spoken to's, theirs
                kin = self._family_word(i)
                if kin is not None:
                    out.append(ref := self._kin_ref(kin, i, t, sent_has_subject))
                    i = self._kin_after(ref, i, out, sent_has_subject).last + 1  # "her husband's brother"
                    continue
            i += 1
        return out

    def _kin_ref(self, kin: int, i: int, t: Tok, sent_has_subject: dict[int, bool]) -> Ref:
        """The mention of the family word after the possessive at token ``i`` ("her son", "my brother", "our
        master", "his little sister"), pushed on the recent list; a subject when its sentence has none yet (a
        quote's never is)."""
        j = self._kin_at(i)
        ref = Ref(kin, j, j, "nominal", t.quote < 0 and not sent_has_subject.get(t.sent, False))
        self._push(ref)
        sent_has_subject[t.sent] = True
        return ref

    def _ahead(self, i: int, gender: str, names: Sequence[Ref], firsts: Sequence[int]) -> int | None:
        """A pronoun before anyone of its gender is mentioned, as a story may open, means the first character
        of its gender named within :data:`_AHEAD_SENTENCES` after it: "From the corner of the divan on which he
        was lying ... Lord Henry Wotton"; "young ladies of her class, Katharine Hilbery was". In a short text
        (a passage), when no one of its gender is named in that reach, the first one named whose gender the
        text never tells: "The look gave him great pleasure ... Denham had the mortification". For a pronoun in
        narration, one named in the narration comes before one named only in a quote ("And she went up to him
        to kiss him. ... 'Poor Maria!' ... said Margaret": Margaret)."""
        t = self.toks[i]
        unknown: int | None = None
        spoken: int | None = None  # the first of its gender named only in a quote, for a pronoun in narration
        barred = self._named_after(i)
        told = self._told_by_apposition(i, gender, names, firsts)
        if told is not None and told not in barred:
            return told
        for k in range(bisect.bisect_right(firsts, i), len(names)):
            r = names[k]
            if self.toks[r.first].sent - t.sent > _AHEAD_SENTENCES:
                break
            if r.char == self.narrator and t.quote < 0:
                continue
            if r.char in barred or self._follows_its_subject(r, gender):
                continue  # "her ... she felt jealous of Natásha": the she is not Natásha, so neither is the her
            if self.genders[r.char] == gender:
                if t.quote < 0 <= self.toks[r.first].quote:
                    spoken = r.char if spoken is None else spoken  # "'Poor Maria!'": often someone not there
                    continue
                return r.char
            if unknown is None and self.genders[r.char] is None and r.char not in self.nominal:
                unknown = r.char
        if spoken is not None:
            return spoken
        return unknown if self.short else None

    def _named_right_after(self, last: int, starts: dict[int, Ref]) -> int | None:
        """The character a description ending at token ``last`` is by the name right after it in its sentence
        ("The boy Dodger has disappeared", "the widow Douglas"); not when what follows is the name's own thing
        ("gave the boy Dodger's hat": two people)."""
        r = starts.get(last + 1)
        toks = self.toks
        if r is None or toks[r.first].sent != toks[last].sent:
            return None
        after = toks[r.last + 1] if r.last + 1 < len(toks) else None
        return None if after is not None and after.lower in ("'s", "’s") else r.char

    def _named_beside(self, i: int, last: int) -> set[int]:
        """Those named elsewhere in the sentence of the description at tokens ``i`` to ``last``: "Prince Andrew
        saw that the old man hoped", "the boy would side with him against Ernest" are two men each; a description
        is not one its own sentence names, except a name set beside it ("Johann, the keeper", "the old man,
        Jacob,")."""
        toks = self.toks
        return {
            r.char
            for r in self._names_in.get(toks[i].sent, ())
            if (r.last < i and not (r.last == i - 2 and toks[i - 1].text in {",", "("}))
            or (r.first > last + 1 and not (r.first == last + 2 and toks[last + 1].text in {",", "("}))
        }

    def _apposed(self, i: int) -> int | None:
        """The one a he / she at token ``i`` is by the name set right after it: "He, Frank, was a man", "he
        (Syme) was"."""
        toks = self.toks
        t = toks[i]
        if t.lower not in ("he", "she") or i + 2 >= len(toks) or toks[i + 1].text not in {",", "("}:
            return None
        for r in self._names_in.get(t.sent, ()):
            if (
                r.first == i + 2
                and r.last + 1 < len(toks)
                and toks[r.last + 1].text in {",", ")"}
                and self.genders[r.char] in (PRONOUNS[t.lower], None)
            ):
                return r.char
        return None

    def _told_by_apposition(self, i: int, gender: str, names: Sequence[Ref], firsts: Sequence[int]) -> int | None:
        """The one a later he / she of the same quote or narration says it is, by a name set beside it
        (:meth:`_apposed`) within :data:`_AHEAD_SENTENCES`, so the pronouns before it that look ahead are that
        one, not the first of their gender named ("... she might marry Wain, he could not but compare himself
        ... He, Frank, was a man": Frank)."""
        toks = self.toks
        t = toks[i]
        if gender not in ("he", "she"):
            return None
        for k in range(bisect.bisect_right(firsts, i), len(names)):
            r = names[k]
            if toks[r.first].sent - t.sent > _AHEAD_SENTENCES:
                break
            j = r.first - 2
            if j > i and toks[j].lower == gender and toks[j].quote == t.quote and self._apposed(j) == r.char:
                return r.char
        return None

    def _governs(self, i: int) -> bool:
        """Whether the he / she at token ``i`` is the subject of its sentence's main clause (of the part after
        a semicolon): no subordinating word stands between it and the start, or a comma does ("Though tired,
        she ..."), so a name later in the sentence is someone else."""
        toks = self.toks
        t = toks[i]
        for k in range(i - 1, -1, -1):
            p = toks[k]
            if p.sent != t.sent or p.quote != t.quote or p.text in {";", ":", ","}:
                return True
            if p.lower in _SUBORDINATE:
                return False
        return True

    def _named_after(self, i: int) -> set[int]:
        """The characters a he / she at token ``i`` cannot be: those named later in its clause, unless the name
        says who it is ("she was Natásha"). The clause of a main clause's subject runs to a semicolon, to a
        comma and a conjunction, or to the sentence's end ("she felt jealous of Natásha", "he knew that Pierre
        was right"); any other runs to the next comma ("confessing that she was jealous of Rachel, ..."). Not
        past a semicolon: "He considered the blessing of beauty ...; and the Sir Walter Elliot, who united
        these gifts, ..." is one man."""
        toks = self.toks
        t = toks[i]
        later = [r for r in self._names_in.get(t.sent, ()) if r.first > i] if t.lower in ("he", "she") else []
        if not later:
            return set()
        governs = self._governs(i)
        end = i + 1
        while end < len(toks) and toks[end].sent == t.sent and toks[end].text not in _CLAUSE_ENDS:
            if toks[end].text == "," and (  # "When she came in, Natásha smiled"; "she wept, and Anne ..."
                not governs or (end + 1 < len(toks) and toks[end + 1].lower in _COORDINATORS)
            ):
                break
            end += 1
        return {
            r.char
            for r in later
            if r.first < end and toks[r.first].quote == t.quote and toks[r.first - 1].lower not in _EQUATING
        }

    def _follows_its_subject(self, r: Ref, gender: str) -> bool:
        """Whether the name ``r`` comes after a he / she of ``gender`` that is its sentence's subject, and so
        is not who that pronoun means."""
        toks = self.toks
        sent, quote = toks[r.first].sent, toks[r.first].quote
        k = r.first - 1
        while k >= 0 and toks[k].sent == sent:
            p = toks[k]
            if p.lower in ("he", "she") and PRONOUNS[p.lower] == gender and p.quote == quote:
                return r.char in self._named_after(k)
            k -= 1
        return False

    def _describe(self, words: tuple[str, ...], gender: str | None, age: str | None) -> int:
        """The character made of a description no one fits ("the old man"), made on its first occurrence."""
        ci = self._described_at.get(words)
        if ci is None:
            ci = self._described_at[words] = len(self.genders)
            self.genders.append(gender)
            if self.families is not None:
                self.families.append((frozenset(), frozenset()))
            self.described.append(words)
            self.nominal.add(ci)
            if age is not None:
                self.ages[ci][age] += 2  # "the boy" is not "the old man" made a sentence before
        return ci

    def _kin_at(self, i: int) -> int:
        """The token of the family word after the possessive at ``i``: the next one, or the one after a word or
        two that only say how the speaker sees them ("her poor husband", "his little sister", "my late
        husband"); ``i + 1`` when there is none such."""
        j = i + 1
        while (
            j < len(self.toks)
            and j - i <= 2
            and self.toks[j].lower in KIN_ADJECTIVES
            and self.toks[j].text.isalpha()
            and self.toks[j].sent == self.toks[i].sent
        ):
            j += 1
        return j if j < len(self.toks) and self.toks[j].sent == self.toks[i].sent and j > i + 1 else i + 1

    def _kin_after(self, r: Ref, start: int, out: list[Ref], sent_has_subject: dict[int, bool]) -> Ref:
        """After a mention ``r`` written from token ``start`` ("Tom", "the old man", "her husband"), the family
        words its "'s" opens, each a mention of its own ("Tom's mother", "her husband's brother"); the last
        mention read."""
        while self._possessive(r.last):
            kin = self._kin_of(r, start)
            if kin is None:
                break
            out.append(r := self._kin_ref(kin, r.last + 1, self.toks[r.last + 1], sent_has_subject))
        return r

    def _kin_of(self, r: Ref, start: int) -> int | None:
        """The one "Tom's mother", "the old man's daughter" or "her husband's brother" means, ``r`` the mention
        before the "'s", written from token ``start``: the one the story names who fits (a Mrs. of the surname,
        or in a passage the one named person it can be), else, in a passage, someone of their own named as
        written ("Tom's mother"); not after "was" ("Jack was Tom's friend": Jack)."""
        toks = self.toks
        if start > 0 and toks[start - 1].lower in _BEING and toks[start - 1].sent == toks[start].sent:
            return None
        at = r.last + 1  # the "'s"
        j = self._kin_at(at)
        if j in self._name_at:
            return None  # "Tom's Aunt Polly": named
        word = toks[j].lower
        apposed = self._apposed_kin(start, j, word, r.char)
        if apposed is not None:
            return apposed
        kin = self._kin(r.char, word) if word in KIN else None
        if kin is not None:
            return kin
        said = "".join(
            (" " if k > start and toks[k].start > toks[k - 1].end else "") + toks[k].text for k in range(start, at + 1)
        )
        first = said.split(" ", 1)[0]
        if " " in said and first.lower() in _LOWER_OPENERS:
            said = first.lower() + said[len(first) :]  # "the Rector's wife", "her husband's brother", anywhere
        return self._family_word(at, r.char, said)

    def _apposed_kin(self, start: int, j: int, word: str, owner: int) -> int | None:
        """The one named right before a family word set between commas ("Mrs. Bute Crawley, the Rector's wife,
        refused"): that named one, when the word's gender fits."""
        toks = self.toks
        if start < 2 or toks[start - 1].text != "," or j + 1 >= len(toks) or toks[j + 1].text != ",":
            return None
        before = next((x for x in reversed(self.recent) if x.last == start - 2), None)
        if before is None or before.kind != "name" or before.char == owner:
            return None
        gender = noun_gender((word,))
        return before.char if gender is None or self.genders[before.char] in (None, gender) else None

    def _family_word(self, i: int, owner: int | None = None, said: str | None = None) -> int | None:
        """In a short text, "her mother" / "my brother" / "his little sister" after the possessive at token
        ``i`` (``said``: the possessive as written, when a name's: "Tom's") that no family of the story fits:
        the one named person it can be (below), else a character of its own, named so (parents and spouses are
        the elder generation). In narration or in spoken words alike ("“My uncle needs no assurance from me,”
        said Curtis": the speaker's uncle, whoever the speaker is)."""
        j = self._kin_at(i)
        word = self.toks[j].lower
        if not (self.describe and self.short) or word not in _FAMILY_WORDS:
            return None
        if j + 1 in self._name_at:
            return None  # "his cousin Anne": Anne, named
        if (
            i > 1
            and self.toks[i - 1].lower in _BEING
            and self.toks[i - 1].sent == self.toks[i].sent
            and self.toks[i - 2].lower not in ("there", "here")
        ):
            return None  # "Jack was his friend", "Marilla became her guardian": the subject; not "there is your father"
        gender, elder = _FAMILY_WORDS[word]
        if word in self._someones and word in _HOUSEHOLD:
            return self._someones[word]  # "the landlady ... his landlady": the one the passage has
        if word in KIN and gender is not None:
            named = self._only_named_kin(gender, elder, owner)
            if named is not None:
                return named
        ci = self._describe((said or self.toks[i].lower, word), gender, "old" if elder else "young")
        if word in _HOUSEHOLD:
            self._someones.setdefault(word, ci)
        return ci

    def _only_named_kin(self, gender: str, elder: bool, owner: int | None) -> int | None:
        """In a passage, "his mother" or "her sister" is the one named person it can be when there is just one:
        of the word's gender, not its owner nor the narrator, with a Mr. / Mrs. / Lady ... for a parent or a
        spouse (or a patronymic, the way a translation names its elders: "Pulcheria Alexandrovna") and without
        a married title for a child or a sibling ("Helen disapproved of her sister's
        methods" beside Margaret and Mrs. Bast: Margaret), and not of another surname than the owner's ("his
        sister", Mr. Jackson's, is not Janey Archer). None when no one or several fit."""
        if self.families is None:
            return None
        own = self.families[owner][0] if owner is not None and owner < len(self.families) else frozenset()
        fits = [
            c
            for c, (names, titles) in enumerate(self.families)
            if c != owner
            and not (own and names and not own & names)
            and c != self.narrator
            and c not in self.nominal
            and c < len(self.genders)
            and self.genders[c] == gender
            and _of_generation(names, titles, elder)
        ]
        return fits[0] if len(fits) == 1 else None

    def _salutation(self, r: Ref) -> bool:
        """A name in narration that opens a letter: "Dear Judy:", "My dear Judy,", "Dearest Meg,"."""
        toks, k = self.toks, r.first
        if toks[k].quote >= 0 or k == 0 or toks[k - 1].lower not in ("dear", "dearest"):
            return False
        opener = k - 2 if k >= 2 and toks[k - 2].lower == "my" and toks[k - 2].sent == toks[k].sent else k - 1
        after = toks[r.last + 1].text if r.last + 1 < len(toks) else ""
        return toks[opener].sent_start and after in (",", ":", "!", "--", "—")

    def _kin(self, owner: int, word: str) -> int | None:
        """The character "his mother" or "her son" means, when the story tells: of the owner's surname and the
        word's gender, a Mr. or Mrs. (or a patronymic) for a parent or spouse and not one for a child or sibling
        (:func:`_of_generation`); of several,
        the one mentioned last (within the pronouns' reach). None when no one fits."""
        if self.families is None or word not in KIN or not self.families[owner][0]:
            return None
        gender, elder = KIN[word]
        surnames = self.families[owner][0]
        fits = [
            c
            for c, (names, titles) in enumerate(self.families)
            if c != owner and names & surnames and self.genders[c] == gender and _of_generation(names, titles, elder)
        ]
        if len(fits) <= 1:
            return fits[0] if fits else None
        for rank, r in enumerate(reversed(self.recent)):
            if rank > 25:
                break
            if r.char in fits:
                return r.char
        return None

    def _subject_like(self, first: int, last: int) -> bool:
        """Starts its clause or comes right before a verb, and is not a possessive."""
        if self._possessive(last):
            return False
        toks = self.toks
        prev = toks[first - 1] if first > 0 else None
        if (
            prev is None
            or prev.sent != toks[first].sent
            or prev.text in {",", ";", ":", "—", "“", '"'}
            or prev.lower in CLAUSE_CONJUNCTIONS
        ):
            return True
        j = last + 1
        if (  # "it was Miss Reed that found them out": the cleft's name is who does it
            prev.lower in ("was", "is")
            and first >= 2
            and toks[first - 2].lower == "it"
            and j < len(toks)
            and toks[j].lower in ("that", "who")
        ):
            return True
        while j < len(toks) and j <= last + 3 and (toks[j].lower.endswith("ly") or toks[j].lower in VERB_ADVERBS):
            if toks[j].lower in HUMAN_VERBS:
                return True
            j += 1
        return j < len(toks) and (toks[j].lower in HUMAN_VERBS or toks[j].lower.endswith("ed"))

    def _relative_between(self, a: int, b: int) -> bool:
        """Whether a relative pronoun stands between tokens ``a`` and ``b`` of one sentence: the pronoun at ``b``
        is then in a clause of its own, where the main clause's subject may be what it means."""
        return any(self.toks[k].lower in RELATIVE_PRONOUNS for k in range(a + 1, b))

    def _possessive(self, last: int) -> bool:
        nxt = self.toks[last + 1] if last + 1 < len(self.toks) else None
        return nxt is not None and nxt.lower in ("'s", "’s")

    def _other_age(self, ci: int, age: str) -> bool:
        votes = self.ages.get(ci)
        if not votes:
            return False
        other = votes["old" if age == "young" else "young"]
        return other >= 2 and other > votes[age]

    def _married(self, ci: int) -> bool:
        """Whether a character bears a title of the married (Mrs., Lady, Madame ...): no child."""
        return self.families is not None and ci < len(self.families) and bool(self.families[ci][1] & KIN_MARRIED_TITLES)

    def _push(self, r: Ref) -> None:
        self.recent.append(r)
        self.genders_seen.add(self.genders[r.char])
        if len(self.recent) > 40:
            del self.recent[:10]

    def _feeler(self, i: int) -> int | None:
        """Who feels what a feeling adjective right before the pronoun at token ``i`` says ("Mamma is so fond of
        her", "proud of him"): the last one mentioned before it in its sentence, whom the pronoun is not (that
        one would be "herself")."""
        toks = self.toks
        if not felt_for(toks, i):
            return None
        for r in reversed(self.recent):
            if self.toks[r.first].sent != toks[i].sent:
                return None
            if r.last < i:
                return r.char
        return None

    def _topic_before(self, i: int) -> int | None:
        """The character named in "As for X," / "As to X," right before token ``i``."""
        toks = self.toks
        if i < 4 or toks[i - 1].text != "," or toks[i].quote >= 0:
            return None
        r = next((r for r in reversed(self.recent) if r.last == i - 2), None)
        if r is None or r.first < 2 or r.kind == "pronoun":
            return None
        lead = (toks[r.first - 2].lower, toks[r.first - 1].lower)
        return r.char if lead in (("as", "for"), ("as", "to")) else None

    def _tag_of(self, i: int) -> int | None:
        """The quote a he / she at ``i`` tags as its speaker ("…,” she said", "…,” said she"), else None."""
        toks, n = self.toks, len(self.toks)
        if toks[i].quote >= 0 or toks[i].lower not in ("he", "she"):
            return None  # "“..., Jock?” inquired his mother": the "his" may well be the one called
        k = i - 1
        if k >= 0 and toks[k].lower in SPEECH_VERBS:
            opener = toks[k]  # "said she"
            k -= 1
        elif i + 1 < n and toks[i + 1].lower in SPEECH_VERBS:
            opener = toks[i]
        else:
            return None
        if not opener.text[:1].islower():
            return None  # '“... out.” He chuckled': another sentence, often of the one spoken to
        while k >= 0 and toks[k].quote < 0 and toks[k].text in _CLOSING_MARKS:
            k -= 1
        return toks[k].quote if k >= 0 and toks[k].quote >= 0 else None

    def _resolve(
        self,
        i: int,
        gender: str,
        age: str | None = None,
        lookback: int = _LOOKBACK_SENTENCES,
        unlike: Sequence[int] | set[int] = (),
        guesses: bool = True,
    ) -> int | None:
        """The character a he / she (or a description of ``gender`` and ``age``) at token ``i`` means; not one
        of ``unlike`` (in a short text, "the widow" is not "the doctor", a description of its own)."""
        t = self.toks[i]
        topic = self._topic_before(i)
        if topic is not None and self.genders[topic] in (None, gender) and topic not in unlike:
            return topic  # "As for Rose, she was ...": the one the sentence sets up
        best, best_score = None, -1e9
        seen: set[int] = set()
        clause_subject = next(
            (r for r in reversed(self.recent) if r.subject and self.toks[r.first].sent == t.sent), None
        )
        # the one right before a verb nearest before a "him": "She said Mr. Heathcliff seemed to dislike him" (not
        # Mr. Heathcliff), though the sentence's subject is "She"
        local_subject = (
            next(
                (
                    r
                    for r in reversed(self.recent)
                    if self.toks[r.first].sent == t.sent and r.last < i and self._subject_like(r.first, r.last)
                ),
                None,
            )
            if t.lower == "him"
            else None
        )
        subject_in = {r.char: self.toks[r.first].sent for r in self.recent if r.subject}  # the last one's sentence
        barred = self._named_after(i)  # none for a description: only a he / she has such names
        feeler = self._feeler(i) if t.lower in ("her", "him") else None
        tagged = self._tag_of(i)
        for rank, r in enumerate(reversed(self.recent)):
            rt = self.toks[r.first]
            dist = t.sent - rt.sent
            if dist > lookback or (rank > 25 and lookback == _LOOKBACK_SENTENCES):
                break
            if r.char in seen or (r.guessed and not guesses):
                continue
            seen.add(r.char)
            if r.char == self.narrator and t.quote < 0:
                continue  # the narrator of a first-person story is "I" in the narration, never "he"
            if tagged is not None and rt.quote == tagged and r.kind != "pronoun":
                continue  # “You don't like my mother,” she said: whom a quote names is not who says it
            g = self.genders[r.char]
            if g is not None and g != gender:
                continue
            if (r.char in unlike and g is None) or r.char in barred:
                continue
            if age is not None and self._other_age(r.char, age):
                continue  # "the old gentleman" is not the one the story calls "the boy"
            if age == "young" and self._married(r.char):
                continue  # "the little girl" is not Mrs. Grose
            score = -float(dist) - 0.3 * len(seen)
            if g is None:
                score -= 2.5
            if r.subject or subject_in.get(r.char) == rt.sent:
                score += 1.5  # its last mention, or one in the same sentence, is a subject ("Pierre ... told him")
            if r.char == self.main:
                score += 0.7
            if t.lower in ("he", "she") and clause_subject is not None and r.char == clause_subject.char:
                score += 1.2  # a he / she goes on with its sentence's last subject
            if t.quote >= 0 and rt.quote < 0 and rt.para != t.para:
                score -= 0.5
            if t.quote < 0 and rt.quote >= 0:
                score -= 3  # names spoken in dialogue are often of people who are not there
            if (
                (t.lower == "him" or (t.lower in ("his", "her") and i > 0 and self.toks[i - 1].lower in _BEING))
                and clause_subject is not None
                and r.char == clause_subject.char
                and not self._relative_between(clause_subject.last, i)
            ):
                score -= 3  # "Anne saw him", "Jack was his friend": not Anne, not Jack; but "Pierre followed
                # all that was told him" is Pierre
            elif (
                local_subject is not None
                and r.char == local_subject.char
                and not self._relative_between(local_subject.last, i)
            ):
                score -= 3
            if feeler is not None and r.char == feeler:
                score -= 3  # "Mamma is so fond of her": not Mamma
            if score > best_score:
                best, best_score = r.char, score
        return best


# what may stand between a quote's last word and its tag: closing marks and the quote's own punctuation
_CLOSING_MARKS = (QUOTE_MARKS - {"“", "‘"}) | {",", "!", "?", "—", "--"}


def _age(toks: Sequence[Tok], first: int, last: int) -> str | None:
    """ "the old gentleman": "old"; "the boy", "the little girl": "young"; "the man": None."""
    words = [toks[k].lower for k in range(first + 1, last + 1)]
    if words[-1] in YOUNG_HEADS or "little" in words:
        return "young"
    if any(w in OLD_ADJECTIVES for w in words):
        return "old"
    return None


def acting(toks: Sequence[Tok], refs: Sequence[Ref]) -> set[int]:
    """Characters that act in the narration: a name or subject pronoun followed by a human verb."""
    out: set[int] = set()
    n = len(toks)
    for r in refs:
        if toks[r.first].quote >= 0 or (r.kind == "pronoun" and not r.subject):
            continue
        j = r.last + 1
        while j < n and toks[j].lower in VERB_ADVERBS and j <= r.last + 2:
            if toks[j].lower in HUMAN_VERBS:
                break
            j += 1
        if j < n and toks[j].sent == toks[r.last].sent and toks[j].quote < 0 and toks[j].lower in HUMAN_VERBS:
            out.add(r.char)
    return out
