"""Finding the names of people in a story and grouping them into characters.

A name is a run of capitalised words that the story itself treats as a name: the words are (almost) never
written in lower case, and appear capitalised in the middle of sentences. Each distinct run ("form") is then
judged person or not by evidence gathered across the whole story: honorifics ("Mr. Darcy"), speech verbs
("said Anne", "Willow says"), other human verbs ("Buffy opens"), vocatives inside quotes ("Listen, Wil,"),
and spaCy's entity labels on a small sample of sentences; against it count place prepositions ("in
England"), determiners ("a Slayer") and place words ("Kellynch Hall"). Forms judged to be people are then
clustered into characters: first and last names, honorifics, diminutives and prefixes ("Wil" / "Willow").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..language.lexicon import (
    ADDRESS_WORDS,
    BODY_PARTS,
    DAYS,
    DETERMINERS,
    DIMINUTIVES,
    EMOTION_ADJECTIVES,
    EMOTION_NOUNS,
    EMOTION_VERBS,
    EPITHETS,
    FEMALE_NAMES,
    HONORIFICS,
    HUMAN_VERBS,
    KIN,
    LY_NAMES,
    MARRIED_TITLES,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAMES,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    PLACE_PREPS,
    PLACE_WORDS,
    QUESTION_OPENERS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    STYLE_OWNERS,
    TITLE_STYLES,
    UNMARRIED_TITLES,
    canonical_title,
    is_feeling_verb,
    is_form_of,
    is_given_name,
    is_patronymic,
    plain,
)
from ..language.tokens import Tok
from ..story import Story
from .nominals import is_person_noun

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Cluster",
    "Form",
    "NameWords",
    "Occurrence",
    "add_capitals",
    "attach_leftovers",
    "cluster_forms",
    "find_forms",
    "gather_evidence",
    "is_person",
    "is_title",
    "mark_apart",
    "mark_eldest",
    "miss_joins_her_given_name",
    "ner_votes",
    "slug",
    "split_head_of_family",
    "split_two_names",
    "word_stats",
]


# a capital, then letters of any alphabet with at least one in lower case ("Natásha", "Zoë", "Émile"), or
# one capital letter alone
_WORD = re.compile(r"^(?=[^\W\d_])(?:[^\W\d_]|['’])*$")


_PARTICLE_NAME = re.compile(r"^d['’][A-Z][a-z]{2,}$")


def _particle_up(w: str) -> str:
    """ "d'Artagnan" as a name is the "D'Artagnan" that opens a sentence."""
    return w[0].upper() + w[1:] if _PARTICLE_NAME.match(w) else w


def _name_shaped(w: str) -> bool:
    if not _WORD.match(w) or not w[0].isupper():
        return False
    return len(w) == 1 or any(c.islower() for c in w[1:])


_DASHES = "-—–:"
_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’", "«", "»"}
_NER_SENTENCES = 400
_NAMED_WITHIN = 3000  # tokens: a few pages (see _nearest_named)
_NAMED_TOGETHER = 2  # sentences naming "Mr. Knightley" and "Mr. John Knightley" both: two men (split_head_of_family)
_BY_FEMALE_TITLE = 1.75  # "Miss Morland" / "Catherine Morland": joins only a one and only fit
_NON_PERSON = {"GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE", "DATE", "TIME"}


@dataclass(slots=True)
class Occurrence:
    """One place a name form occurs: token indices ``[first, last]`` and character offsets."""

    first: int
    last: int
    start: int
    end: int
    sent: int = -1  # the narration sentence it is in (-1: inside a quote)


@dataclass(slots=True)
class Form:
    """A distinct name as written ("Mr. Darcy"), its parts and the evidence for it being a person."""

    text: str
    title: str | None
    names: tuple[str, ...]
    occurrences: list[Occurrence] = field(default_factory=list)
    person: float = 0.0
    other: float = 0.0
    speech: int = 0
    vocative: int = 0
    called: int = 0  # vocatives after a comma or "dear" (", Wil,"), which interjections never are
    ner_person: int = 0
    ner_other: int = 0
    other_by_ner: float = 0.0  # the part of ``other`` the entity recogniser's votes gave
    ner_place: int = 0  # of its votes, those for a place (GPE, LOC, FAC)
    place_part: int = 0  # occurrences after "Saint", "Fort", "Lake" ...: a place's name, or a surname (St. Aubert)
    eldest: bool = False  # "Miss Bertram" in a story with "the Miss Bertrams": the eldest sister (see mark_eldest)
    acts_inside: int = 0  # occurrences inside a sentence (not its first word) followed by a human verb
    self_named: int = 0  # the narration names itself with it: "My name is Ellen Dean", "Call me Ishmael"
    # forms (text, names, title) that name someone else: they talk to each other (mark_apart)
    apart: set[tuple[str, tuple[str, ...], str | None]] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.occurrences)


@dataclass(slots=True)
class Cluster:
    """Forms that name one character."""

    forms: list[Form]
    titles: set[str] = field(default_factory=set)
    nominal: tuple[str, ...] = ()  # ("the", "mariner") for a character known only by a description
    nominal_count: int = 0
    nominal_written: Counter[str] = field(default_factory=Counter)  # "March Hare": as the text writes it
    said_as: set[str] = field(default_factory=set)  # other ways the story names them ("the Admiral")

    @property
    def count(self) -> int:
        return sum(f.count for f in self.forms) + self.nominal_count

    def written_description(self) -> str | None:
        """A description as the text most often writes it, when that is capitalised like a name
        ("March Hare" for "the March Hare"); else None."""
        if not self.nominal_written:
            return None
        best = self.nominal_written.most_common(1)[0][0]
        return best if best[:1].isupper() else None

    def best_name(self) -> str:
        """The most complete common form: most names, then the most frequent, then with a title."""
        return max(self.forms, key=lambda f: (len(f.names), f.count, f.title is not None)).text


def _clean(text: str) -> str:
    return text.rstrip(_DASHES)


def word_stats(toks: Sequence[Tok]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Counts of each word capitalised, capitalised mid-sentence, and in lower case."""
    cap: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for t in toks:
        w = _clean(t.text)
        if not w:
            continue
        c = w[0]
        if c.isupper():
            cap[w] += 1
            if not t.sent_start:
                mid[w] += 1
        elif c.islower():
            low[w] += 1
    return cap, mid, low


class NameWords:
    """Decides whether a capitalised word can be (part of) a name in this story."""

    def __init__(self, toks: Sequence[Tok]) -> None:
        self.toks = toks
        self.cap, self.mid, self.low = word_stats(toks)
        self._memo: dict[str, bool] = {}

    @functools.cached_property
    def tagged_days(self) -> Counter[str]:
        """Days next to a speech verb: The Man Who Was Thursday's anarchists ("said Sunday", "Sunday said")."""
        toks = self.toks
        return Counter(
            toks[k].text
            for i, t in enumerate(toks)
            if t.lower in SPEECH_VERBS
            for k in (i - 1, i + 1)
            if 0 <= k < len(toks) and toks[k].lower in DAYS and toks[k].text[:1].isupper()
        )

    def __call__(self, word: str) -> bool:
        hit = self._memo.get(word)
        if hit is None:
            hit = self._memo[word] = self._judge(word)
        return hit

    def _judge(self, w: str) -> bool:
        if _PARTICLE_NAME.match(w):
            return True  # "Mr d'Urberville", "d'Artagnan": a name after its lower-case particle
        if w.lower() in NUMBER_WORDS and self.mid[w] >= 2 and self.mid[w] >= self.low[w.lower()]:
            return True  # Alice's gardeners: "said Five", "On which Seven looked up and said"
        if w.lower() in DAYS and self.tagged_days[w] >= 2:
            return True
        if not _name_shaped(w) or w.lower() in NOT_NAMES or w.lower() in HONORIFICS:
            return False
        if w.isupper() and len(w) > 1:
            return False
        low = self.low[w.lower()]
        if self.mid[w] >= 5 and low <= 3 * self.mid[w]:
            return True  # "May", "Rose": a common word, but this story writes it capitalised mid-sentence
        if self.mid[w] == 0 and w.lower() in BODY_PARTS:
            return False  # "Mouth dry, Yang stared", "Teeth clenched, he read it again"
        if self.mid[w] == 0:  # only ever at the start of sentences: a name only if never written lower-case
            return low == 0 and not _sentence_opener(w)
        return low <= 0.1 * self.cap[w]


def _sentence_opener(w: str) -> bool:
    """A word seen only at the start of sentences that is an adverb or a conjunction ("Happily Archer
    went home", "Whereas Philip had...") and so not the first half of a name."""
    low = w.lower()
    return low in SENTENCE_OPENERS or (low.endswith("ly") and len(low) > 4 and low not in LY_NAMES)


def is_title(t: Tok) -> bool:
    """A capitalised honorific token (Mr., Mrs, Lady, Captain ...)."""
    return t.text[:1].isupper() and t.lower in HONORIFICS


def find_forms(toks: Sequence[Tok], namewords: NameWords) -> dict[str, Form]:
    """Every run of name words (with an optional leading honorific), grouped by how it is written."""
    forms: dict[str, Form] = {}
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        title = None
        j = i
        if (
            t.lower in _TITLES_OF
            and is_title(t)
            and i + 2 < n
            and toks[i + 1].text == "of"
            and _adjacent(toks, i, i + 1)
            and _adjacent(toks, i + 1, i + 2)
            and namewords(_clean(toks[i + 2].text))
        ):
            title, j = t.text, i + 2  # "the Duke of Wellington", "the King of France": one person, titled
        elif is_title(t) and i + 1 < n and _adjacent(toks, i, i + 1):
            j = i + 1
            while j + 1 < n and toks[j].lower in NAME_PARTICLES and _adjacent(toks, j, j + 1):
                j += 1  # "Mr. van der Luyden"
            if namewords(_clean(toks[j].text)) or _surname_after_title(toks[j].text):
                title = t.text
            else:
                j = i
        if not namewords(_clean(toks[j].text)) and not (title and _surname_after_title(toks[j].text)):
            i += 1
            continue
        if (
            j == i
            and toks[i].lower in _ENDEARING
            and i + 1 < n
            and _adjacent(toks, i, i + 1)
            and namewords(_clean(toks[i + 1].text))
        ):
            i += 1  # "Poor Clerval!", "Dear Jane,": a word of pity or fondness that opens a sentence, not a name
            continue
        if (
            j == i
            and toks[i].lower in _ASKING_AUXILIARIES
            and toks[i].sent_start
            and i + 1 < n
            and _adjacent(toks, i, i + 1)
            and namewords(_clean(toks[i + 1].text))
        ):
            i += 1  # "Did Tom love her?", "Could Anne ever forgive him?": a question opens on its verb
            continue
        if j == i and i > 0 and toks[i - 1].lower in STYLE_OWNERS and toks[i].lower in TITLE_STYLES:
            i += 1  # "his Grace", "your Honour": a titled person's style, not someone named Grace
            continue
        k = j
        while k + 1 < n and _adjacent(toks, k, k + 1) and not toks[k].text.endswith(tuple(_DASHES)):
            nxt = toks[k + 1]
            if _clean(nxt.text) == _clean(toks[k].text):
                break  # "Scrooge Scrooge": the same name twice is two mentions, not a longer name
            if namewords(_clean(nxt.text)):
                k += 1
            elif nxt.lower in NAME_PARTICLES and k + 2 < n and namewords(_clean(toks[k + 2].text)):
                k += 2
            else:
                break
        if _compound(toks, k):  # "Buffy-sadness"
            i = k + 1
            continue
        first_name = i + 1 if title else j
        names = tuple(
            _particle_up(_clean(toks[x].text)) for x in range(j, k + 1) if toks[x].lower not in NAME_PARTICLES
        )
        if not names:
            i = k + 1
            continue
        text = " ".join(([title] if title else []) + [_clean(toks[x].text) for x in range(first_name, k + 1)])
        end = toks[k].start + len(_clean(toks[k].text))
        form = forms.get(text)
        if form is None:
            form = forms[text] = Form(text, canonical_title(title) if title else None, names)
        form.occurrences.append(Occurrence(i, k, t.start, end, t.sent if t.quote < 0 else -1))
        i = k + 1
    return forms


_ENDEARING = frozenset({"poor", "dear", "dearest"})
# lower-case words of pity or mourning before a name inside a sentence: "dead Umslopogaas", "poor Linton"; not
# "late" ("in late April")
_PITYING = frozenset({"dead", "poor"})


def _plural_looking(last: str, given: bool) -> bool:
    """A name's last word that may be a people's ("poor Irishmen", "dead Hurons", "the poor Indians"), unless a
    known given name; not every final "s" ("dead Umslopogaas", "poor Athos")."""
    return not given and last.endswith(("men", "ans", "ons"))


# auxiliaries that open a question before its subject; not "Will" or "May", which are names as often
_ASKING_AUXILIARIES = QUESTION_OPENERS - {"will", "may"}
# titles of rank held "of" a place: "the Duke of Wellington" is a person, not a duke beside a town
_TITLES_OF = frozenset(
    "duke duchess king queen prince princess count countess baron baroness marquis marchioness lord".split()
)


def _surname_after_title(word: str) -> bool:
    """A month or a day written as a name after a title is a surname: "Aunt March", "Mr. March"."""
    w = _clean(word)
    return w[:1].isupper() and (w.lower() in MONTHS or w.lower() in DAYS)


def split_two_names(toks: Sequence[Tok], forms: dict[str, Form]) -> None:
    """A run of three or more name words said at most twice that is two names of the story side by side
    ("show Rodya Pyotr Petrovitch's letter": "Rodya" and "Pyotr Petrovitch", each said three times or more,
    the second of two words or more, so not a surname after a given name) gives its occurrences to those
    two names."""
    for text, form in list(forms.items()):
        if form.title or len(form.names) < 3 or form.count > 2 or text != " ".join(form.names):
            continue
        for p in range(1, len(form.names) - 1):
            head, tail = forms.get(" ".join(form.names[:p])), forms.get(" ".join(form.names[p:]))
            if head is None or tail is None or head.title or tail.title or min(head.count, tail.count) < 3:
                continue
            for occ in form.occurrences:
                mid = occ.first + p
                head.occurrences.append(
                    Occurrence(
                        occ.first, mid - 1, occ.start, toks[mid - 1].start + len(_clean(toks[mid - 1].text)), occ.sent
                    )
                )
                tail.occurrences.append(Occurrence(mid, occ.last, toks[mid].start, occ.end, occ.sent))
            del forms[text]
            break


def add_capitals(toks: Sequence[Tok], forms: dict[str, Form], namewords: NameWords) -> None:
    """Names written in capitals ("JONATHAN HARKER'S JOURNAL" over a diary, "Yours, SALLIE" under a letter)
    are occurrences of the form they spell, when none of their words is ever written in lower case in the
    story: "I WILL" is not Will, "MAY 3" not May."""
    by_lower = {text.lower(): f for text, f in forms.items()}
    if not by_lower:
        return
    longest = max(len(text.split()) for text in by_lower)

    def capitals(t: Tok) -> bool:
        w = _clean(t.text)
        return len(w) > 1 and w.isupper() and w.rstrip(".").isalpha()

    n, i = len(toks), 0
    while i < n:
        run = i  # toks[i:run]: adjacent words in capitals
        while run < n and capitals(toks[run]) and (run == i or _adjacent(toks, run - 1, run)):
            run += 1
        nxt = i + 1
        for k in range(min(run, i + longest) - 1, i - 1, -1):  # the longest that spells a form
            words = [_clean(toks[x].text) for x in range(i, k + 1)]
            form = by_lower.get(" ".join(words).lower())
            if form is None or any(namewords.low[w.lower()] for w in words if w.lower() not in HONORIFICS):
                continue
            t = toks[i]
            form.occurrences.append(
                Occurrence(i, k, t.start, toks[k].start + len(words[-1]), t.sent if t.quote < 0 else -1)
            )
            nxt = k + 1
            break
        i = nxt


def mark_eldest(toks: Sequence[Tok], forms: dict[str, Form]) -> None:
    """In a story with "the Miss Bertrams" (or "the Misses Bertram"), "Miss Bertram" is the eldest sister
    and a younger sister is "Miss Julia Bertram": mark the "Miss Bertram" form so it does not join a
    character the story calls "Miss" with her given name and that surname. The plural must come twice: once
    is as often a figure of speech ("the Miss Abbotts of this world")."""
    plural: Counter[str] = Counter()
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.lower not in ("miss", "misses") or not nxt.text[:1].isupper() or not _adjacent(toks, i, i + 1):
            continue
        if t.lower == "misses":
            plural[nxt.text] += 1
        elif t.lower == "miss" and nxt.text.endswith("s"):
            plural[nxt.text[:-1]] += 1
    for f in forms.values():
        if f.title == "miss" and len(f.names) == 1 and plural[f.names[0]] >= 2:
            f.eldest = True


def _adjacent(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Two tokens of one sentence and one quote with at most two spaces between them: some printings set two
    spaces after every full stop, "Mrs.  Beaumont" included."""
    ta, tb = toks[a], toks[b]
    return ta.sent == tb.sent and ta.quote == tb.quote and tb.start - ta.end <= 2


def _compound(toks: Sequence[Tok], k: int) -> bool:
    """The name is glued to a lower-case word by a hyphen ("Buffy-sadness"); not by a dash, which sets a
    clause apart ("Pierre—as often happens—followed")."""
    if k + 2 >= len(toks):
        return False
    h, w = toks[k + 1], toks[k + 2]
    return h.text == "-" and h.start == toks[k].end and w.start == h.end and w.text[:1].islower()


def _key(form: Form) -> tuple[str, tuple[str, ...], str | None]:
    return form.text, form.names, form.title


def _tag_name_after(toks: Sequence[Tok], j: int, starts: dict[int, Form], ends: dict[int, Form]) -> Form | None:
    """The name of a speech tag that opens the narration at token ``j``: "said Mr. Pembury" or "Mr. Pembury
    said" (an adverb may stand between: "Clara said quietly" is not read, "said Clara" is)."""
    n = len(toks)
    if j >= n or toks[j].quote >= 0:
        return None
    para = toks[j].para
    if toks[j].text == ",":
        j += 1
    if j + 1 < n and toks[j].lower in SPEECH_VERBS and toks[j + 1].para == para and toks[j + 1].quote < 0:
        return starts.get(j + 1)
    form = starts.get(j)
    if form is not None:
        k = next((k for k in range(j, min(j + 6, n)) if ends.get(k) is form), None)
        if k is not None and k + 1 < n and toks[k + 1].lower in SPEECH_VERBS and toks[k + 1].para == para:
            return form
    return None


def mark_apart(toks: Sequence[Tok], forms: dict[str, Form]) -> None:
    """Two forms that talk to each other name two people: a quote that calls one by name ("Arthur, you always
    say so,") and whose speech tag right after it names the other ("said Mr. Pembury") sets each in the
    other's ``apart``. Nobody addresses themselves, so "Mr. Pembury" is not "Mr. Arthur Pembury" (see
    ``_compatible``): the text links the two as speaker and addressee, whatever their names share."""
    starts = {o.first: f for f in forms.values() for o in f.occurrences}
    ends = {o.last: f for f in forms.values() for o in f.occurrences}
    n = len(toks)
    for form in forms.values():
        for occ in form.occurrences:
            q = toks[occ.first].quote
            if q < 0 or not _vocative(toks, occ.first, occ.last):
                continue
            j = occ.last + 1
            while j < n and toks[j].quote == q and j - occ.last < 200:
                j += 1
            while j < n and toks[j].quote < 0 and toks[j].text in _QUOTE_MARKS:
                j += 1  # the closing mark
            if j >= n or toks[j].para != toks[occ.first].para:
                continue
            other = _tag_name_after(toks, j, starts, ends)
            if (
                other is not None
                and other is not form
                and not _names_one(_key(other), form)
                and not _names_one(_key(form), other)
            ):
                form.apart.add(_key(other))
                other.apart.add(_key(form))


# words before a name in first-person narration that make it the narrator's own name, read backwards from the name
_SELF_NAMING = (
    ("is", "name", "my"),
    ("was", "name", "my"),
    ("'s", "name", "my"),
    ("’s", "name", "my"),
    ("me", "call"),
    ("me", "called"),
    ("me", "named"),
    ("myself", "called"),
)


def _names_itself(toks: Sequence[Tok], first: int) -> bool:
    """Whether the name starting at token ``first`` is how the narration names the one who tells it ("My name
    is Ellen Dean", "Call me Ishmael", "I called myself Pip"). Inside a quote it names the speaker instead."""
    for words in _SELF_NAMING:
        at = first - len(words)
        if at < 0:
            continue
        before = [toks[first - 1 - k] for k in range(len(words))]
        if all(t.lower == w and t.quote < 0 and t.sent == toks[first].sent for t, w in zip(before, words, strict=True)):
            return True
    return False


# words that follow a verb bidding someone at the start of a sentence ("Kiss our child", "Tell me"), and never
# a name there
_IMPERATIVE_OBJECTS = frozenset("our my your me us him them".split())
# words before a given name that make it part of a place's name
_PLACE_BEFORE_NAME = frozenset("saint st porte fort lake mount cape port rue san santa".split())
# verbs that give someone something ("gave Lucie a check", "handed Tom his hat")
_GIVING = frozenset("gave give gives giving handed hands offered offers showed shows bade bid told tells".split())
# verbs of knowing and perceiving, which before "that" take a clause only a person can hold
_KNOWING = frozenset(
    "saw sees knew knows felt feels thought thinks realised realized understood believed feared hoped "
    "perceived noticed remembered suspected guessed".split()
)


def gather_evidence(toks: Sequence[Tok], forms: dict[str, Form]) -> None:
    """Score each form for being a person from the words around its occurrences."""
    n = len(toks)
    for form in forms.values():
        last = form.names[-1].lower()
        first_name = len(form.names) == 1 and is_given_name(last)
        patronymic = is_patronymic(last)
        if last in PLACE_WORDS and len(form.names) > 1:
            form.other += 3 * form.count
        for occ in form.occurrences:
            prev = toks[occ.first - 1] if occ.first > 0 else None
            nxt = toks[occ.last + 1] if occ.last + 1 < n else None
            nxt2 = toks[occ.last + 2] if occ.last + 2 < n else None
            same_prev = prev is not None and prev.sent == toks[occ.first].sent
            if toks[occ.first].sent_start and len(form.names) == 1 and _opens_a_participle(last, nxt):
                form.other += 2  # "Having repeated these words", "Turning to her": a participle, not a name
                continue
            if form.title or patronymic:
                form.person += 2  # "Mr. Darcy"; "Pulcheria Alexandrovna", "Ilya Petrovitch": a patronymic
            elif first_name:
                form.person += 1.5  # a known first name; a place preposition before it still outweighs it
            if (
                nxt is not None
                and (
                    nxt.lower in SPEECH_VERBS
                    or (nxt2 is not None and nxt.lower.endswith("ly") and nxt2.lower in SPEECH_VERBS)
                )
            ) or (same_prev and prev is not None and prev.lower in SPEECH_VERBS and prev.quote < 0):
                form.speech += 1
                form.person += 3
            elif (
                prev is not None
                and prev.text in ("”", '"')
                and prev.para == toks[occ.first].para
                and nxt is not None
                and nxt.lower.endswith("ed")
                and nxt.text.islower()
                and nxt.quote < 0
            ):
                form.speech += 1
                form.person += 3  # "“Pretty soft going,” Pink commiserated": a tag's verb the lexicon lacks
            elif _says_after_an_aside(toks, occ.last + 1):
                form.speech += 1
                form.person += 3  # "St. Aubert, in a tremulous voice, said, he wished": a speech verb after an aside
            elif nxt is not None and is_feeling_verb(nxt.lower) and nxt.sent == toks[occ.last].sent:
                form.person += 2  # "Harriet adored her aunt", "Faith loved the sound": only people feel
            elif _feels(toks, occ.last + 1):
                form.person += 2  # "Crawford was excessively pleased": a feeling told of it
            elif nxt is not None and nxt.lower in _KNOWING and nxt2 is not None and nxt2.lower == "that":
                form.person += 3  # "Dounia saw that he would sooner die": only people see that, know that
            elif nxt is not None and nxt.lower in HUMAN_VERBS and nxt.sent == toks[occ.last].sent:
                form.person += 1
                if not toks[occ.first].sent_start and prev is not None and prev.text[:1].isalpha():
                    form.acts_inside += 1
                if _aux_then_human_verb(toks, occ.last + 1):
                    form.person += 1  # "what Natásha had told him": an act after its auxiliary
            elif _aux_then_human_verb(toks, occ.last + 1):
                form.person += 1  # "Syme would not look"
            elif nxt is not None and nxt.lower.endswith("ed") and _acts_on_someone(toks, occ.last + 2):
                form.person += 1  # "Fanny considered him": doing something to a person
            elif nxt is not None and nxt.lower in ("'s", "’s") and nxt2 is not None and nxt2.lower in BODY_PARTS:
                form.person += 1  # "Bucky's hand"
            elif nxt is not None and nxt.lower in ("'s", "’s") and nxt2 is not None and _personal_thing(nxt2.lower):
                form.person += 2  # "Milicent's letters", "Edward's wife": only people have them
            elif _felt_inverted(toks, occ.first):
                form.person += 2  # "So desolate was Bathsheba this evening"
            relative = _relative_for_people(toks, occ.last + 1)
            if relative and not _a_common_noun_before_who(toks, occ.first, form):
                form.person += 2  # "by Drummle, whom I held in contempt": a relative pronoun for people
            elif relative == ",":
                form.person += 1.5  # "the burly Moze, who", "the enterprising Frenchman, who": a person, or a kind
            if (
                same_prev
                and prev is not None
                and (
                    prev.lower.rstrip(".") in _PLACE_BEFORE_NAME
                    or (prev.text == "." and occ.first >= 2 and toks[occ.first - 2].lower in ("st", "mt"))
                )
            ):
                form.place_part += 1  # "the Porte Saint Martin", "St. Paul's", "Lake George": a place's name?
            if (
                same_prev
                and prev is not None
                and prev.lower in _GIVING
                and nxt is not None
                and nxt.lower in ("a", "an", "his", "her", "no", "some")
            ):
                form.person += 2  # "gave Lucie a check", "told Pierre his fortune": one given something
            if same_prev and prev is not None and prev.lower in _DEEMING and _called_a_person(toks, occ.last + 1):
                form.person += 2  # "to consider Napoleon a barbarian", "thought Tom a fool": only people are
            if _he_or_she_after(toks, occ.first, occ.last):
                form.person += 1  # "came upon Troy as he waited", "Drouet came back. He was": a person's pronoun
            if _described_as_a_person(toks, occ.first, occ.last):
                form.person += 2  # "Sab Than, prince of Zodanga", "the unhappy Laure"
            felt_for = _felt_for(toks, occ.first)
            if felt_for:
                form.person += 2  # "his love for Natásha", "she pitied Sola": someone a feeling is for
            elif _felt_of(toks, occ.first):
                form.person += 0.5  # "proud of Bucky": said of a person more often than of a place, not always
            elif same_prev and _turned_to(toks, occ.first):
                form.person += 2  # "Anne smiled at Willow", "whispered to Dawn": one looked at or spoken to
            if (
                occ.first >= 2
                and prev is not None
                and prev.lower == "of"
                and toks[occ.first - 2].lower in BODY_PARTS
                and same_prev
            ):
                form.person += 1  # "in the arms of Tal Hajus", as "Bucky's hand"
            if same_prev and prev is not None and prev.lower == "by" and _passive(toks, occ.first - 2):
                form.person += 1  # "unseen by Willoughby", "helped by Rodney": the one who does it
            if (
                same_prev
                and prev is not None
                and prev.text in _PITYING
                and not (nxt is not None and nxt.text == "!")
                and not toks[occ.first].sent_start
                and not _plural_looking(last, first_name)
            ):
                form.person += 2  # "the name of dead Umslopogaas", "he had wronged poor Linton": only people
            if same_prev and prev is not None and prev.lower == "poor" and nxt is not None and nxt.text == "!":
                form.person += 2  # "Poor Clerval!": a lament for someone
            if same_prev and prev is not None and prev.lower == "my" and prev.quote < 0 and not form.title:
                form.person += 2  # "I admired my Ethelwyn": the narrator's own, a person
            if (
                toks[occ.first].sent_start
                and len(form.names) == 1
                and nxt is not None
                and nxt.lower in _SUBJECT_PRONOUNS
                and nxt.sent == toks[occ.last].sent
            ):
                form.other += 2  # "Will you stay?", "May I come in?": a verb asking, not a name
            if (
                toks[occ.first].sent_start
                and len(form.names) == 1
                and not first_name
                and nxt is not None
                and nxt.lower in _IMPERATIVE_OBJECTS
                and nxt.sent == toks[occ.last].sent
            ):
                form.other += 2  # "Kiss our child for me", "Tell me": a verb bidding, not a name
            if nxt is not None and nxt.lower in ("name", "names") and nxt.sent == toks[occ.last].sent:
                form.other += 2  # "my Christian name": a kind of name, not someone
            if _minds_itself(toks, occ.last):
                form.person += 2  # "Zossimov forced himself to laugh": only a person does that to himself
            if (
                toks[occ.first].quote >= 0
                and nxt is not None
                and nxt.text == ","
                and nxt2 is not None
                and nxt2.lower == "my"
                and occ.last + 3 < n
                and toks[occ.last + 3].lower in _ENDEARMENTS
            ):
                form.called += 1  # "Lucie, my child,": called by name and then by what they are to the speaker
            if _names_itself(toks, occ.first):
                form.self_named += 1
                form.person += 3
            if _beside_a_person(toks, occ.first, occ.last):
                form.person += 2  # "him and Lucie", "Lucie and I": one of two people
            if _beside_a_thing(toks, occ.first, occ.last):
                form.other += 3  # "by Nature and Art", "Fortune or Fate": one of two powers, not people
            if toks[occ.first].quote >= 0 and _vocative(toks, occ.first, occ.last):
                form.vocative += 1
                if prev is not None and (prev.text == "," or prev.lower in ("dear", "my")):
                    form.called += 1
                form.person += 1.5
            if (
                same_prev
                and prev is not None
                and not form.title
                and not felt_for
                and (prev.lower in PLACE_PREPS or prev.lower in DETERMINERS)
                and not (prev.lower in PLACE_PREPS and nxt is not None and nxt.lower in ("'s", "’s"))
                and not (prev.lower == "that" and nxt is not None and _verb_like(nxt.lower))
            ):
                # not "in Josie's success" (the preposition governs what is hers), nor "that Leonora would"
                # (a conjunction before a clause)
                form.other += 2
            elif same_prev and not form.title and _travelled(toks, occ.first):
                form.other += 2  # "going to Greece", "was at Florence", "came back from Rome": a place


# past participles not in -ed
_PARTICIPLES = frozenset(
    "seen unseen taken given forgiven written driven forgotten beaten chosen spoken forsaken bitten hidden "
    "mistaken shaken stolen sworn torn known thrown shown drawn held led met struck caught brought taught "
    "bought sought told found made kept left felt heard".split()
)


def _passive(toks: Sequence[Tok], k: int) -> bool:
    """A past participle at ``k`` that "by" and a doer may follow: "unseen", "helped", "taken"."""
    if k < 0:
        return False
    w = toks[k].lower
    return (len(w) > 3 and w.endswith("ed")) or w in _PARTICIPLES


def _opens_a_participle(word: str, nxt: Tok | None) -> bool:
    """A sentence-opening "-ing" word that is a participle: "Having" / "Being" before a lowercase word
    ("Having said this"), or another followed by an object pronoun, a determiner or a preposition ("Turning
    to her"); not a name before its verb ("Manning said", "Browning looked up")."""
    if not word.endswith("ing") or len(word) < 5 or nxt is None or not nxt.text.islower():
        return False
    w = nxt.lower
    return word in ("having", "being") or w in OBJECT_PRONOUNS or w in DETERMINERS or w in _PARTICIPLE_PREPS


_PARTICIPLE_PREPS = frozenset("to at from into on upon over round up down out back away about".split())
_PERSONAL = frozenset("i me he him she her we us you they them".split())
_SUBJECT_PRONOUNS = frozenset("i you he she we they it".split())
_AUXILIARIES = frozenset("would could should might must will shall may can was were is had has did".split())
_COPULAS = frozenset("was is were felt feels seemed seems looked looks grew became".split())


_FEELINGS_FOR = frozenset(
    "love affection fondness tenderness hatred contempt pity compassion admiration passion devotion gratitude "
    "jealousy respect dislike feeling feelings friendship enmity rivalry attachment intimacy".split()
)
# what one has or is "in" someone: "confidence in Willoughby", "faith in Pierre", "disappointed in Tom"
_TRUST_IN = frozenset("confidence faith trust belief disappointed".split())


_PERSONAL_THINGS = frozenset(
    "letter letters friend friends lover lovers suitor suitors cousin cousins uncle aunt nephew niece "
    # an inner life: "Cameron's mind was thronged with memories", "Herncastle's fiery temper"
    "mind thoughts reflections memory memories feelings temper soul conscience acquaintances health illness "
    # what a person does toward others or has of their own: "young Chase's attentions", "Bathsheba's reproaches",
    # "Clare's treatment of him", "Khiva's death"
    "attentions reproaches handwriting voice manners conduct behaviour behavior treatment opinion advice promise "
    "death funeral grave genius character intentions wishes fiancé fiancée sweetheart favorite favourite nature "
    "disposition temperament "
    # what is said of a person's standing or coming and going: "Earnshaw's reputation", "for Lucy's sake"
    "reputation sake absence presence arrival departure recovery".split()
)


def _aux_then_human_verb(toks: Sequence[Tok], k: int) -> bool:
    """An auxiliary at ``k`` and, after at most one "not" or adverb, a verb a person does, in one sentence."""
    if k >= len(toks) or toks[k].lower not in _AUXILIARIES:
        return False
    for j in range(k + 1, min(k + 3, len(toks))):
        t = toks[j]
        if t.sent != toks[k].sent:
            return False
        if t.lower in HUMAN_VERBS:
            return True
        if t.lower != "not" and not t.lower.endswith("ly"):
            return False
    return False


def _acts_on_someone(toks: Sequence[Tok], k: int) -> bool:
    """An object pronoun of a person at ``k``, in the sentence of the verb before it: "considered *him*"."""
    return 0 < k < len(toks) and toks[k].lower in _PERSON_OBJECTS and toks[k].sent == toks[k - 1].sent


_PERSON_OBJECTS = frozenset(OBJECT_PRONOUNS - {"them"})  # not "them": things too


def _personal_thing(word: str) -> bool:
    """A family word or another that only a person has: "Milicent's letters", "Kurtz's cousin"."""
    return word in KIN or word in _PERSONAL_THINGS


def _verb_like(word: str) -> bool:
    """An auxiliary or a verb a person does, says or feels: what follows a name that begins a clause."""
    return word in _AUXILIARIES or word in HUMAN_VERBS or word in SPEECH_VERBS or is_feeling_verb(word)


def _described_as_a_person(toks: Sequence[Tok], first: int, last: int) -> bool:
    """A description of a person beside the name, in one sentence: a feeling before it ("the unhappy Laure",
    not an adverb), or after a comma a noun of a person, with at most a determiner and an adjective before it
    ("Sab Than, prince of Zodanga", "Ratcliffe, the old butler", "Mrs. Rouncewell, his mother")."""
    sent = toks[first].sent
    if first >= 2 and toks[first - 2].sent == sent and toks[first - 2].lower in _APPOSITIVE_OPENERS:
        word = toks[first - 1].lower  # "the unhappy Laure", not "glad Dounia is out"
        if word in EMOTION_ADJECTIVES and not word.endswith("ly") and toks[first - 1].text.islower():
            return True
    if first >= 1 and toks[first - 1].sent == sent and toks[first - 1].text in _RANKS:
        return True  # "the dead king Twala", "my cousin Rosa": a rank or kin word, lower case, before the name
    if (
        first >= 1
        and toks[first - 1].sent == sent
        and toks[first - 1].text in _AGES
        and (first < 2 or toks[first - 2].lower not in ("the", "a", "an"))
    ):
        return True  # "cursed old Umslopogaas", "young Chase's attentions" (not "the old Jefferson House")
    if last + 2 >= len(toks) or toks[last + 1].text != ",":
        return False
    # a word said to someone opens a sentence of speech as a name does ("Listen, old fellow,"): there only a
    # rank "of" somewhere describes ("Sab Than, prince of Zodanga, has her hidden")
    addressed = toks[first].quote >= 0 and toks[first].sent_start
    for j in range(last + 2, min(last + 5, len(toks))):
        t = toks[j]
        if t.sent != sent or not t.text.islower():
            return False
        if t.lower in _APPOSITIVE_OPENERS or (j < last + 4 and t.lower in _DESCRIBING):
            continue
        after = toks[j + 1] if j + 1 < len(toks) else None
        # the description ends there ("prince of Zodanga,"), or it is the subject of a clause of its own
        # ("reached Liberty Point, a young woman came down")
        of = after is not None and after.lower == "of"
        ends = of or (not addressed and (after is None or after.sent != sent or after.text in _APPOSITIVE_ENDS))
        return ends and (t.lower in KIN or t.lower in _FRIENDS or is_person_noun(t.lower))
    return False


_APPOSITIVE_OPENERS = frozenset("the a an his her my our their your its".split())
# ranks and kin written in lower case before a name ("king Twala", "cousin Rosa"), which only a person has
_RANKS = frozenset(
    "king queen prince princess emperor empress duke duchess count countess baron baroness chief captain "
    "colonel general doctor professor uncle aunt cousin brother sister friend enemy rival lover nurse".split()
)
_AGES = frozenset({"old", "young", "little"})
_FRIENDS = frozenset({"friend", "friends"})  # "Dodger, a good friend of Miss Florence": only people have them
_APPOSITIVE_ENDS = frozenset({",", ".", ";", ":", "!", "?", ")", "--", "—"})
_DESCRIBING = frozenset("old young little elder younger eldest youngest poor dear good faithful late".split())


def _felt_for(toks: Sequence[Tok], first: int) -> bool:
    """The name at ``first`` is what a feeling is for, in one sentence: after a verb of feeling ("adored
    Tess") or a feeling noun and its preposition ("his love for Natásha", "contempt of Drummle")."""
    if first < 1 or toks[first - 1].sent != toks[first].sent:
        return False
    prev = toks[first - 1].lower
    if is_feeling_verb(prev) and (not prev.endswith("ing") or _feels_for_ing(prev)):
        return True  # not "the more exciting Canadian Pacific": a participle is an adjective there
    if is_form_of(prev, _DONE_TO_SOMEONE):
        return True  # "Steve insulted Bucky", "she slapped Rawdon": acts done to a person, not to a place
    if first < 2 or toks[first - 2].sent != toks[first].sent:
        return False
    before = toks[first - 2].lower
    if before == "," and first >= 3 and toks[first - 3].sent == toks[first].sent:
        before = toks[first - 3].lower  # "that confidence, in Willoughby, which": the comma set between
    return (
        (prev in ("for", "of", "towards", "toward", "between") and before in _FEELINGS_FOR)
        or _felt_between(toks, first)
        or (prev in ("of", "to", "with") and before in _FELT_ADJECTIVES)  # "fond of Biddy", "devoted to Estella"
        or (prev == "in" and before in _TRUST_IN)  # "that confidence, in Willoughby" (a comma is a token)
        or (prev in ("for", "about") and before in _FOR_SOMEONE)  # "worried about Buffy", "wept for Tara"
    )


def _felt_between(toks: Sequence[Tok], first: int) -> bool:
    """The name at ``first`` is the second of two a feeling is between: "the friendship between Margaret and
    Helen", "the feeling between Natásha and Prince Andrew", with at most three words for the first."""
    if toks[first - 1].lower != "and":
        return False
    for k in range(first - 2, max(first - 6, 1), -1):
        if toks[k].sent != toks[first].sent or toks[k].text in (",", ";", "."):
            return False
        if toks[k].lower == "between":
            return toks[k - 1].lower in _FEELINGS_FOR
    return False


# adjectives of feeling whose "of" names a person or a place ("proud of Bucky", "tired of London"): some
# evidence of a person, far less than "fond of"
_FELT_OF_EITHER = frozenset("proud tired sick weary afraid ashamed suspicious terrified frightened scared wary".split())


def _felt_of(toks: Sequence[Tok], first: int) -> bool:
    """The name at ``first`` follows one of :data:`_FELT_OF_EITHER` and "of", in one sentence."""
    return (
        first >= 2
        and toks[first - 1].lower == "of"
        and toks[first - 2].lower in _FELT_OF_EITHER
        and toks[first - 2].sent == toks[first].sent
    )


def _feels_for_ing(word: str) -> bool:
    """ "admiring Estella", "pitying Sola": the -ing of a verb whose subject feels for its object (not
    "exciting", "charming", which make their object feel)."""
    stem = word[:-3]
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
        entry = EMOTION_VERBS.get(lemma)
        if entry is not None:
            return entry[0] == "subj"
    return False


# verbs of the lexicon's acts whose object is a person far more often than a place: not attack, defend, protect,
# help, strike, beat ("the French attacked Moscow", "to defend Paris")
_DONE_TO_SOMEONE = frozenset(
    "insult scold slap betray mock tease taunt bully caress cuddle berate chide compliment congratulate deride "
    "flog jeer nurse rebuke reprimand reproach reprove ridicule snub soothe spurn stab thrash torment upbraid "
    "whip befriend reassure persecute punch".split()
)

# adjectives of feeling whose "of" / "to" / "with" names the one it is for: "fond of Biddy", "in love with"
# (not "afraid of", "tired of", "proud of": of a place as often as of a person)
_FOR_SOMEONE = frozenset(
    "worried worry worries worrying cared care cares caring longed yearned pined sorry afraid anxious concerned "
    "grieved grieving wept weeping mourned prayed".split()
)
_FELT_ADJECTIVES = frozenset(
    "fond jealous envious devoted grateful love enamoured enamored angry furious annoyed vexed cross irritated "
    "impatient displeased kind unkind cruel rude gentle tender harsh civil polite affectionate attentive "
    "indulgent".split()
)  # "angry with Buffy", "kind to Dodger": said of a person (not "proud of" or "afraid of", said of places)


def _felt_inverted(toks: Sequence[Tok], first: int) -> bool:
    """A feeling told of the name at ``first`` with the subject after the verb: "so / how / too" and an
    emotion adjective, then "was" / "were", then the name ("So desolate was Bathsheba"), in one sentence."""
    if first < 3 or toks[first - 1].lower not in ("was", "were", "is"):
        return False
    adjective, degree = toks[first - 2], toks[first - 3]
    return (
        adjective.lower in EMOTION_ADJECTIVES
        and degree.lower in ("so", "how", "too")
        and degree.sent == adjective.sent == toks[first].sent
    )


# what may follow a speech verb that says its subject speaks (not "said nothing", "said to be")
_AFTER_SAYING = frozenset({",", ":", "that", "“", '"', "‘"})


def _says_after_an_aside(toks: Sequence[Tok], k: int) -> bool:
    """A comma at ``k``, an aside of up to eight words in the narration, a comma, a speech verb and then a
    comma, a colon, "that" or a quote: "St. Aubert, in a tremulous voice, said, he wished"."""
    if k >= len(toks) or toks[k].text != "," or toks[k].quote >= 0:
        return False
    for j in range(k + 2, min(k + 11, len(toks) - 2)):
        t = toks[j]
        if t.sent != toks[k].sent or t.quote >= 0 or t.text in (".", "!", "?", ";"):
            return False
        if t.text == ",":
            verb, after = toks[j + 1], toks[j + 2]
            return verb.lower in SPEECH_VERBS and verb.sent == t.sent and after.text in _AFTER_SAYING
    return False


# verbs that call their object something: "considered Napoleon a barbarian"
_DEEMING = frozenset(
    "consider considers considered considering think thinks thought deem deems deemed call calls called "
    "believe believes believed".split()
)


def _called_a_person(toks: Sequence[Tok], k: int) -> bool:
    """ "a" or "an" at ``k`` and, after at most two adjectives, a noun of a person ("a barbarian", "a fool", "a
    perfect gentleman"), in one sentence."""
    if k >= len(toks) or toks[k].lower not in ("a", "an"):
        return False
    for j in range(k + 1, min(k + 4, len(toks))):
        t = toks[j]
        if t.sent != toks[k].sent or not t.text.isalpha():
            return False
        if is_person_noun(t.lower) or t.lower in EPITHETS or t.lower in ("hero", "saint", "genius"):
            return True
    return False


_JOINING = frozenset({"as", "when", "while", "and", "till", "until", "before", "after", ","})


def _he_or_she_after(toks: Sequence[Tok], first: int, last: int) -> bool:
    """A "he" or "she" right after the name and a word that joins a clause ("came upon Troy as he waited"), or
    opening the next sentence after a sentence the name opens with no other name in it ("Drouet came back. He
    was much enlivened"): what a place or a thing is not called."""
    k = last + 1
    if k + 1 < len(toks) and toks[k].lower in _JOINING and toks[k + 1].lower in ("he", "she"):
        return toks[k + 1].sent == toks[last].sent and toks[k + 1].quote == toks[last].quote
    if not toks[first].sent_start or toks[first].quote >= 0:
        return False
    j = k
    while j < len(toks) and toks[j].sent == toks[last].sent:
        if j > k and toks[j].text[:1].isupper() and toks[j].text.isalpha():
            return False  # another name in the sentence: the "He" may be that one's
        j += 1
    return j < len(toks) and toks[j].text in ("He", "She") and toks[j].quote < 0


def _feels(toks: Sequence[Tok], k: int) -> bool:
    """A copula at ``k`` and, after at most two adverbs, an emotion adjective: "was excessively pleased",
    "felt afraid", all in one sentence."""
    if k >= len(toks) or toks[k].lower not in _COPULAS:
        return False
    for j in range(k + 1, min(k + 4, len(toks))):
        if toks[j].sent != toks[k].sent:
            return False
        if toks[j].lower in EMOTION_ADJECTIVES:
            return True
        if not (toks[j].lower.endswith("ly") or toks[j].lower in ("very", "so", "quite", "too", "much", "not")):
            return False
    return False


# verbs of going and staying, as written: "to" / "from" / "at" a name after one of them is a place
_TRAVEL = frozenset(
    "go goes going gone went come comes coming came return returns returning returned back travel travels "
    "travelling traveling travelled traveled journey fly flew flying sail sailed sailing drive drove driving "
    "way off".split()
)
_STAY = frozenset(
    "be is was were been being am are live lives lived living stay stays stayed staying arrive arrives "
    "arrived arriving stop stopped remain remained settled".split()
)


# verbs whose "at" (look, smile ...) or "to" (speak, whisper ...) is a person far more often than a place
_AT_SOMEONE = frozenset(
    "look looks looked looking glance glances glanced glancing stare stares stared staring gaze gazed gazing "
    "peer peered smile smiles smiled smiling grin grins grinned grinning laugh laughs laughed laughing frown "
    "frowned scowl scowled glare glared glaring wink winked nod nodded wave waved shout shouted yell yelled "
    "sneer sneered beam beamed".split()
)
_TO_SOMEONE = frozenset(
    "speak speaks spoke speaking say says said whisper whispers whispered whispering murmur murmured reply "
    "replied listen listened listening nod nodded wave waved write wrote written writing explain explained "
    "confess confessed apologise apologised apologize apologized seemed seems appeared occurred cling clung "
    "clinging".split()
)


_LOOKS = frozenset({"look", "looks", "looked", "looking"})
# a word and its preposition that a person follows, not a place: "a crush on Bucky", "looked up to Bucky", "his arm
# around Bucky", "leaned on Bucky", "could not take her eyes off Bucky"
_CLOSE_TO_SOMEONE = frozenset(
    {("on", "crush"), ("around", "arm"), ("round", "arm"), ("around", "arms"), ("round", "arms"),
     ("on", "leaned"), ("on", "leaning"), ("against", "leaned"), ("off", "eyes")}
)  # fmt: skip


_REFLEXIVE = frozenset(("himself", "herself"))
_ENDEARMENTS = frozenset("dear dearest darling love child boy girl friend".split())


def _minds_itself(toks: Sequence[Tok], last: int) -> bool:
    """A "himself" / "herself" follows the name at ``last`` within a few words of its own clause, before any
    other person or punctuation could take it: "Zossimov forced himself to laugh"."""
    sent = toks[last].sent
    for j in range(last + 1, min(last + 5, len(toks))):
        tok = toks[j]
        if tok.sent != sent or not tok.text[:1].isalpha():
            return False
        if tok.lower in _REFLEXIVE:
            return True
        if tok.lower in _PERSONAL or tok.lower in ("his", "its", "itself") or tok.text[:1].isupper():
            return False
    return False


def _turned_to(toks: Sequence[Tok], first: int) -> bool:
    """The name at ``first`` is whom someone looks, smiles or speaks at / to: "Anne smiled at Willow", "spoke
    to Dawn" (a place is gone to or stayed at, not smiled at); or whom one has a crush on, looks up to, puts an
    arm around or leans on."""
    if first < 2 or toks[first - 2].sent != toks[first].sent:
        return False
    prep, verb = toks[first - 1].lower, toks[first - 2].lower
    return (
        (prep == "at" and verb in _AT_SOMEONE)
        or (prep == "to" and verb in _TO_SOMEONE)
        or (prep, verb) in _CLOSE_TO_SOMEONE
        or (prep == "to" and verb == "up" and first >= 3 and toks[first - 3].lower in _LOOKS)  # not "went up to London"
        or (prep == "to" and _said_by_someone_before(toks, first - 2))
    )


def _said_by_someone_before(toks: Sequence[Tok], last: int) -> bool:
    """The tokens up to ``last`` end a speech tag's verb and its speaker, so that a "to" after them names the
    one spoken to: "said Tom to Franklin", "said the Sergeant to Franklin"."""
    for k in range(last, max(last - 4, 0) - 1, -1):
        t = toks[k]
        if t.sent != toks[last].sent or t.quote >= 0:
            return False
        if t.lower in SPEECH_VERBS:
            return k < last  # a speaker between: "said to Franklin" alone is the verb's own "to"
        if not (t.text[:1].isupper() or t.lower in ("the", "old", "young", "little") or t.text == "."):
            return False
    return False


def _travelled(toks: Sequence[Tok], first: int) -> bool:
    """The name at ``first`` is where someone goes, comes from or stays: "go to Greece", "came back from
    Rome", "was at Florence", all in one sentence (not "went to Lucy and", which a person may be: only when
    nothing after the name joins it to a person's verb)."""
    if first < 2 or toks[first - 2].sent != toks[first].sent:
        return False
    prep, verb = toks[first - 1].lower, toks[first - 2].lower
    if prep in ("to", "from"):
        return verb in _TRAVEL
    return prep == "at" and verb in _STAY


def _beside_a_person(toks: Sequence[Tok], first: int, last: int) -> bool:
    """A name joined by "and" / "or" to a personal pronoun inside its sentence ("between him and Lucie", "Lucie
    and I") or, for a name of one word, to a known given name ("the qualities of Ada and Richard"; a full name
    has its own evidence, and one more person of a family's surname splits the surname said alone)."""
    return _joined_to(
        toks,
        first,
        last,
        lambda t: (
            t.lower in _PERSONAL
            or (first == last and not t.sent_start and t.text[:1].isupper() and is_given_name(t.text))
        ),
    )


def _joined_to(toks: Sequence[Tok], first: int, last: int, test: Callable[[Tok], bool]) -> bool:
    """The name at ``first..last`` is joined by "and" / "or", in its sentence, to a word that passes ``test``:
    the word before it is looked at first, and decides when it passes."""
    if first >= 2 and toks[first - 1].lower in ("and", "or") and test(toks[first - 2]):
        return toks[first - 2].sent == toks[first].sent
    if last + 2 < len(toks) and toks[last + 1].lower in ("and", "or") and test(toks[last + 2]):
        return toks[last + 2].sent == toks[last].sent
    return False


# abstractions written with a capital as powers ("by Nature and Art", "Fortune or Fate")
_POWERS = frozenset(
    "nature fate fortune providence heaven hell death time truth beauty virtue reason science religion "
    "society history justice liberty war peace art chance destiny necessity".split()
)


def _beside_a_thing(toks: Sequence[Tok], first: int, last: int) -> bool:
    """A name joined by "and" / "or" to an abstraction written with a capital ("Nature and Art", "Fortune and
    Fate"): a pair of powers, not people."""
    return _joined_to(toks, first, last, lambda t: t.text[:1].isupper() and not t.sent_start and t.lower in _POWERS)


def _vocative(toks: Sequence[Tok], first: int, last: int) -> bool:
    """``, Wil,`` / ``“Wil!`` / ``you, Wil.`` inside a quote: the name is addressed."""
    q = toks[first].quote
    before = toks[first - 1] if first > 0 else None
    after = toks[last + 1] if last + 1 < len(toks) else None
    b_ok = (
        before is None
        or before.quote != q
        or before.text in {",", "“", '"', "‘", "'", "!", "?", "."}
        or before.lower in {"dear", "my", "o", "oh"}
    )
    a_ok = after is None or after.quote != q or after.text in {",", "!", "?", ".", ";", "—", "--"}
    return (
        b_ok
        and a_ok
        and (before is None or before.quote != q or before.text != "." or after is None or after.text != ".")
    )


# what one vote of the entity recogniser against a person (a place, an organisation...) weighs; in a short
# passage, where a name has little other evidence, the small model's doubt about an unfamiliar name ("Winnie",
# "Ogilvy", "Cameron") weighs less, a little less than one act of a person, so that one vote does not undo one
# act (LitBank windows of 8 sentences: 1.0 finds 19 more of 1,422 names than 1.5 for 4 false ones, 0.9 four more
# for none; in a novel the lower weight splits surnames shared by a family from their owners)
NER_OTHER_WEIGHT = 1.5
NER_OTHER_WEIGHT_SHORT = 0.9


def ner_votes(story: Story, toks: Sequence[Tok], forms: dict[str, Form], short: bool = False) -> None:
    """Run spaCy's entity recogniser on a few sentences of each doubtful form and count its labels."""
    from ..language.nlp import get_nlp

    doubtful = [f for f in forms.values() if not f.title]  # a name said once too, with what budget is left
    doubtful.sort(key=lambda f: -f.count)
    wanted: dict[int, list[tuple[Form, Occurrence]]] = defaultdict(list)
    for f in doubtful:
        for occ in f.occurrences[:2]:
            si = toks[occ.first].sent
            if si in wanted or len(wanted) < _NER_SENTENCES:
                wanted[si].append((f, occ))
    if not wanted or not story.sentences:
        return
    nlp = get_nlp()
    ner = nlp.get_pipe("ner")
    order = sorted(wanted)
    texts = [story.text[story.sentences[s].start : story.sentences[s].end] for s in order]
    if short:  # a passage's few sentences are parsed too: who does what (see _acts)
        docs: Iterable[Doc] = nlp.pipe(texts, batch_size=64, disable=["senter"])
    else:
        docs = ner.pipe((nlp.make_doc(t) for t in texts), batch_size=128)  # type: ignore[attr-defined]
    parsed = list(zip(order, docs, strict=True))
    acting: set[int] = set()  # the forms (by id) that act somewhere: the tagger's organisation is a guess
    if short:
        for si, doc in parsed:
            base = story.sentences[si].start
            for form, occ in wanted[si]:
                if _acts(doc, occ.start - base, occ.end - base):
                    form.person += 1  # "Hindley in a passion told us", "Syme could not sink": one who does something
                    form.acts_inside += not toks[occ.first].sent_start
                    acting.add(id(form))
    for si, doc in parsed:
        base = story.sentences[si].start
        for form, occ in wanted[si]:
            agent = id(form) in acting
            for ent in doc.ents:
                es, ee = base + ent.start_char, base + ent.end_char
                if es < occ.end and ee > occ.start:
                    if ent.label_ == "PERSON":
                        form.ner_person += 1
                        form.person += 1.5
                    elif agent and ent.label_ not in _PLACES:
                        pass  # the small model's "ORG" for a name it does not know, that acts: no vote
                    elif ent.label_ in _NON_PERSON:
                        weight = NER_OTHER_WEIGHT_SHORT if short else NER_OTHER_WEIGHT
                        form.ner_other += 1
                        form.ner_place += ent.label_ in ("GPE", "LOC", "FAC")
                        form.other += weight
                        form.other_by_ner += weight
                    break


_PLACES = frozenset({"GPE", "LOC", "FAC"})
# verbs whose subject may well be a place or a thing ("London was", "Barton lay", "the Hall stood")
_THING_VERBS = frozenset(
    "be is was were are been being am lie lies lay lain stand stands stood seem seems seemed become became "
    "remain remained contain contained belong belonged have has had".split()
)


def _acts(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at characters ``start:end`` of a parsed sentence is the subject of a verb that is not
    one a place or a thing is as often the subject of: "Hindley in a passion told us", "Syme could not sink"."""
    span = {t.i for t in doc if t.idx < end and t.idx + len(t.text) > start}
    root = next((doc[i] for i in sorted(span) if doc[i].head.i not in span or doc[i].head.i == i), None)
    if root is None:
        return False
    if root.pos_ != "PROPN" and not (
        root.dep_ == "nsubj" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in root.children)
    ):
        return False  # but "Bucky and Steve came in", with "Bucky" tagged an adjective, is two who came
    subject = root.head if root.dep_ == "conj" else root  # "Buffy and Willow came in": Willow acts too
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    after = doc[root.i + 2].lower_ if root.i + 2 < len(doc) else ""
    if root.i + 1 < len(doc) and doc[root.i + 1].text == "," and after not in ("who", "whom", "whose"):
        return False  # "Pray, Margaret, does your mother...": a word of asking; but "Tublat, whom he had hated"
    verb = subject.head
    return verb.pos_ == "VERB" and verb.lower_ not in _THING_VERBS


# the emotion nouns that are not also given names ("Hope", "Joy" are)
_FEELINGS_NOT_NAMES = frozenset(w for w in EMOTION_NOUNS if not is_given_name(w)) - {"hope", "joy"}


def a_feeling_made_a_figure(form: Form) -> bool:
    """ "no ghost Horror would terrify you", "Despair seized him": an emotion noun with a capital, alone and
    never speaking, is not a person (but "Hope" and "Joy" are given names)."""
    return len(form.names) == 1 and form.names[0].lower() in _FEELINGS_NOT_NAMES and not form.speech and not form.title


# evidence is summed from weights such as 1.5 and 0.9, whose float sums are off in the last digits: a margin
# met exactly ("Heathcliff": 3.5 for, 1.8 against, twice named) is met
_ROUNDING = 1e-9


def _a_common_noun_before_who(toks: Sequence[Tok], first: int, form: Form) -> bool:
    """A capitalised word before "who" that may be no one's name: after a place preposition ("Tippoo, Sultan of
    *Seringapatam*, who": the Sultan), after an article ("a modern *Dane* who", "the enterprising *Frenchman*,
    who", "the Red *Indians* who"), the last of a pair ("ladies better got up by Nature and *Art*, who": the
    ladies), or a plural opening a sentence ("*Farmers*, who make a business of it")."""
    for k in range(first - 1, max(first - 3, -1), -1):
        if toks[k].sent != toks[first].sent:
            break
        if toks[k].lower in _PLACE_PREPOSITIONS or toks[k].lower in ("a", "an", "the"):
            return True
        if k == first - 1 and toks[k].lower in ("and", "or", "nor"):
            return True
        if not toks[k].text[:1].isalpha():
            break
    return toks[first].sent_start and len(form.names) == 1 and form.names[0].endswith("s")


# the prepositions of a place before a name: "Sultan of Seringapatam, who" is the Sultan, not the city
_PLACE_PREPOSITIONS = frozenset({"of", "in", "at", "from", "to", "near", "into", "through"})
# prepositions that may stand before "whom" after a name ("Wolfe, in whom she trusted")
_RELATIVE_PREPOSITIONS = frozenset({"in", "of", "with", "to", "for", "by", "from", "on", "at"})


def _relative_for_people(toks: Sequence[Tok], at: int) -> str:
    """A relative pronoun only people take right after a name: "Drummle, whom I held in contempt", "Razumihin
    who was standing in the doorway", "Wolfe, in whom she trusted"; not "whose", which places take too ("the
    Pyrenees, whose awful summits"). "," for a comma and the pronoun right after it, "other" for the rest, ""
    for none."""
    n = len(toks)
    if at >= n:
        return ""
    sent = toks[at - 1].sent
    k = at + 1 if toks[at].text == "," else at
    if k < n and toks[k].lower in _RELATIVE_PREPOSITIONS and k > at:
        k += 1  # only after the comma: "Wolfe, in whom"
    if k >= n or toks[k].lower not in ("who", "whom") or toks[k].sent != sent:
        return ""
    return "," if k == at + 1 else "other"


def is_person(form: Form, support: int = 0) -> bool:
    """Judge a form from its evidence; ``support`` counts the occurrences of its words in other forms."""
    if form.title:
        return True
    if form.names[-1].lower() in PLACE_WORDS:
        # "Bleak House" is a place; "Hall", the landlord who "said" things twice and never had "the" before him,
        # is a man with a place-word surname (Hall, Lane, Church, Hill ...)
        return len(form.names) == 1 and form.speech >= 2 and form.other <= 0.25 * form.person
    if form.speech >= 2 and form.other <= 1.5 * form.person:
        return True  # "said Beaufort", "Dallas pursued": a place does not talk, whatever the tagger thought
    if (
        form.called
        and (form.count + support == 1 or form.other <= form.other_by_ner + _ROUNDING)
        and form.other <= 1.5
        and form.ner_other <= 1
        and form.text.lower().replace("’", "'") not in ADDRESS_WORDS
    ):
        # addressed by name between commas (", Sola, is he"; "I can save him, Lucie."), and said once or with
        # nothing against it elsewhere but one doubt of the tagger about a name it does not know
        return True
    if form.person <= form.other:
        return False
    if form.speech >= 1:
        return True
    if form.vocative >= 2 and any(o.sent >= 0 for o in form.occurrences):
        return True  # "“Caddy, Caddy!” said Mrs. Jellyby ... Caddy's being in low spirits": called, and told of
    if form.called >= 2 and form.called >= 0.2 * form.count:
        return True  # addressed by name, as a first-person narrator is
    core = form.person - 1.5 * form.vocative  # evidence other than being called by name ("Hullo!")
    if core <= 0 or core - form.other < 0.1 * form.count - _ROUNDING:
        return False  # "Greece was ...", now and then, is not enough for a place named 27 times
    return form.count + support >= 2 or _once_a_person(form)


def _once_a_person(form: Form) -> bool:
    """A name said once that the story treats as a person, with more for than against: spaCy's PERSON, or as
    much as a known first name doing something a person does ("Martha opened the letter"), a verb of feeling
    ("Sansa despised Joffrey") or "my" before it ("my Ethelwyn")."""
    doubt_of_the_tagger_only = (
        form.other <= form.other_by_ner + _ROUNDING and not form.ner_place and not form.place_part
    )
    if form.acts_inside and (not form.other or (doubt_of_the_tagger_only and form.person >= 1)):
        # "and Reuenthal watched the screens", "when I saw that Estella stood at the back": capitalised inside a
        # sentence, and acting; against it at most the entity recogniser's doubt, which does not know the name
        return True
    if form.person - form.other < 0.5:
        return False
    if (
        form.other <= form.other_by_ner
        and (not form.ner_place or form.person >= 1.5)
        and not form.place_part
        and len(form.names) == 1
        and is_given_name(form.names[0])
        and form.names[0].lower() not in MONTHS
    ):
        # "Edna hastened her preparations": a known given name, nothing in the words around it saying it is a
        # place; the entity recogniser's doubt is outweighed, even when it took the name for a place ("The
        # parcel for Stephen"), unless the words around it say so too ("in Florence", "went to Florence"), the
        # name follows "Saint", "Fort", "Lake" ... ("the Porte Saint Martin") or it is a month ("in May")
        return True
    return form.ner_person >= 1 or form.person >= 2


# -- clustering --------------------------------------------------------------------------------------


def _gender_of_title(title: str | None) -> str | None:
    return HONORIFICS.get(title) if title else None


def _first_name_matches(short: str, full: str) -> bool:
    """``short`` is ``full`` itself, a diminutive of it, or a prefix of it of three letters or more."""
    s, f = short.lower(), full.lower()
    if s == f:
        return True
    if s in DIMINUTIVES.get(f, ()):
        return True
    return len(s) >= 3 and f.startswith(s) and len(f) > len(s)


def _cluster_gender(cluster: Cluster, gender: dict[str, str | None]) -> str | None:
    """A cluster's gender: its titles' if they agree, else the one most of its forms' occurrences carry
    (one form's stray "she" after "Henry Tilney" does not outvote "Mr. Henry Tilney" and "Mr. Tilney")."""
    by_title = {_gender_of_title(t) for t in cluster.titles} - {None}
    if len(by_title) == 1:
        return next(iter(by_title))
    votes: Counter[str] = Counter()
    for f in cluster.forms:
        fg = gender.get(f.text)
        if fg is not None:
            votes[fg] += f.count
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2)
    return top if not rest or n > rest[0][1] else None


def _compatible(form: Form, cluster: Cluster, gender: dict[str, str | None]) -> float:
    """How well ``form`` fits ``cluster``: 0 not at all, 1 diminutive or prefix, 2 a first or last name,
    3 the same names."""
    if form.apart and any(_names_one(a, f) for a in form.apart for f in cluster.forms):
        return 0  # they talk to each other: "Arthur, ..." said Mr. Pembury (mark_apart)
    cluster_gender = _cluster_gender(cluster, gender)
    by_title = 0.0
    if form.title and form.title not in cluster.titles and (cluster.titles or len(form.names) < 2):
        title_gender = _gender_of_title(form.title)
        same = title_gender is not None and cluster_gender == title_gender
        if cluster.titles or not same:
            return 0  # "Mr Elliot" is not "Sir Walter Elliot"
        # "Mr. Bast" may be "Leonard Bast", a man the story calls "he"; "Mrs. Pontellier", "Edna Pontellier".
        # A woman's title is weaker evidence ("Miss Barry" need not be "Diana Barry"): it joins only a
        # character who is the one fit (see cluster_forms)
        if title_gender == "she":
            if form.title not in UNMARRIED_TITLES and not _given_name_of(form.names, cluster):
                return 0  # "Mrs. Welland" is more often May Welland's mother than May ("Countess Ellen" is Ellen)
            by_title = _BY_FEMALE_TITLE
    if (form.title in MARRIED_TITLES) != bool(cluster.titles & MARRIED_TITLES) and not (
        (form.title in MARRIED_TITLES and _given_name_of(form.names, cluster)) or _her_own_name(form, cluster)
    ):
        return 0  # "Mrs Charles Musgrove" is not "Charles Musgrove"
    if form.eldest and any(
        f.title == "miss" and len(f.names) >= 2 and f.names[-1] == form.names[0] for f in cluster.forms
    ):
        return 0  # "Miss Bertram" is Maria, the eldest, not "Miss Julia Bertram"
    if form.title == "miss" and any(f.title == "miss" and _plural_of(f.names, form.names) for f in cluster.forms):
        return 0  # "Miss Steeles" are two sisters, not "Miss Steele"
    g = gender.get(form.text)
    if g is not None and cluster_gender not in (None, g):
        return 0  # "Mr. Pontellier" is not "Edna Pontellier"
    best = 0.0
    for f in cluster.forms:
        a, b = form.names, f.names
        if a == b:
            if len(a) > 1 or form.title == f.title:
                return 3
            best = max(best, 2)  # "Archer" / "Mr. Archer": a surname, like "Archer" / "Newland Archer"
        if len(a) < len(b):
            if a == b[: len(a)]:  # "Anne" / "Anne Elliot"; "Sir Walter" / "Walter Elliot"
                best = max(best, 2.5)
            elif len(a) == 1 and a == b[-1:]:  # "Wentworth" / "Captain Wentworth"; "Archer" / "Newland Archer"
                if form.title in MARRIED_TITLES and f.title in MARRIED_TITLES:
                    continue  # "Mrs. Dashwood" is not "Mrs. John Dashwood": his name, another wife
                best = max(best, 2)
            elif len(a) == 1 and _first_name_matches(a[0], b[0]):  # "Lizzy" / "Elizabeth Bennet"
                best = max(best, 1)
        elif len(a) == 1 == len(b) and _first_name_matches(a[0], b[0]):  # "Wil" / "Willow"
            best = max(best, 1)
        elif (
            len(a) == len(b) >= 2
            and form.title == f.title
            and a[1:] == b[1:]
            and (_first_name_matches(a[0], b[0]) or _first_name_matches(b[0], a[0]))
        ):
            best = max(best, 1)  # "Master Charles Bates" / "Master Charley Bates"; not "Sir Thomas" / "Tom"
    if by_title and best >= 2:
        return by_title
    return 0.0 if by_title else best


def _names_one(other: tuple[str, tuple[str, ...], str | None], form: Form) -> bool:
    """The form ``other`` (text, names, title) is ``form`` itself, or a given name or full name that begins
    ``form``'s names ("Arthur" or "Arthur Pembury" for "Mr. Arthur Pembury"): they name one person. A titled
    surname ("Mr. Pembury") names only itself."""
    text, names, title = other
    if text == form.text:
        return True
    if title is not None and len(names) < 2:
        return False
    return len(form.names) > len(names) and form.names[: len(names)] == names


def _given_name_of(names: tuple[str, ...], cluster: Cluster) -> bool:
    """A title's one name is the given name of a full name in the cluster: "Countess Ellen", "Ellen Olenska"."""
    return len(names) == 1 and any(not f.title and len(f.names) >= 2 and f.names[0] == names[0] for f in cluster.forms)


def _her_own_name(form: Form, cluster: Cluster) -> bool:
    """A woman's own name beside the same names after her married title: "Rachel Lynde" and "Rachel" are
    "Mrs. Rachel Lynde" when "Rachel" is a woman's name (not "Charles Musgrove" beside "Mrs Charles Musgrove")."""
    a = form.names
    return (
        form.title is None
        and plain(a[0]) in FEMALE_NAMES
        and any(
            f.title in MARRIED_TITLES and len(f.names) >= 2 and (f.names == a or (len(a) == 1 and f.names[0] == a[0]))
            for f in cluster.forms
        )
    )


def _plural_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One of two single names is the other's plural: "Steeles" and "Steele"."""
    return len(a) == 1 == len(b) and (a[0] == b[0] + "s" or b[0] == a[0] + "s")


def _narration_sentences(form: Form) -> set[int]:
    return {o.sent for o in form.occurrences if o.sent >= 0}


def _side_by_side(a: set[int], b: set[int]) -> bool:
    """Two forms whose narration sentences are ``a`` and ``b`` are named in the same sentence again and again:
    "Charles looked at Mr. Wilcox" is two people. On PDNC's novels only two pairs of one character's forms
    share four sentences or more, and both are two people (Howards End's Charles and Mr. Wilcox, Persuasion's
    Anne and Miss Elliot); true aliases share at most three ("Mary" and "Miss Crawford")."""
    return len(a & b) >= 4


def _split_side_by_side(clusters: list[Cluster], gender: dict[str, str | None]) -> list[Cluster]:
    """Take out of each cluster the forms that stand side by side with another of its forms: the one that
    fits the cluster's fullest name less well ("Mr. Emerson" beside "George" in George Emerson's cluster),
    or any that stands beside the fullest name itself ("Mr. Knightley" beside "Mr. John Knightley": two
    brothers, the elder called by the surname alone); what is taken out is clustered again on its own."""
    out: list[Cluster] = []
    ejected: list[Form] = []
    for c in clusters:
        head, rest = c.forms[0], c.forms[1:]
        solo = Cluster([head], {head.title} if head.title else set())
        fit = {id(f): _compatible(f, solo, gender) for f in rest}
        sents = {id(f): _narration_sentences(f) for f in rest}
        own = _narration_sentences(head)
        bad: set[int] = {id(f) for f in rest if _side_by_side(own, sents[id(f)])}
        for x, f in enumerate(rest):
            for g in rest[x + 1 :]:
                if id(f) in bad or id(g) in bad or not _side_by_side(sents[id(f)], sents[id(g)]):
                    continue
                bad.add(id(min((f, g), key=lambda h: (fit[id(h)], h.count))))
        if not bad:
            out.append(c)
            continue
        kept = [head] + [f for f in rest if id(f) not in bad]
        out.append(Cluster(kept, {f.title for f in kept if f.title}))
        ejected += [f for f in rest if id(f) in bad]
    if ejected:
        out += cluster_forms(ejected, gender, split=False)
    return out


def cluster_forms(
    forms: Sequence[Form], gender: dict[str, str | None] | None = None, split: bool = True
) -> list[Cluster]:
    """Group person forms into characters, longest names first; an ambiguous short form stays apart
    unless one candidate is at least twice as frequent as the others."""
    clusters: list[Cluster] = []
    order = sorted(forms, key=lambda f: (-len(f.names), -(f.title is not None), -f.count))
    sisters = _younger_sisters(forms)
    for form in order:
        scored = [
            (0.0 if _younger_sister(form, c, sisters) else _compatible(form, c, gender or {}), c) for c in clusters
        ]
        top = max((sc for sc, _ in scored), default=0.0)
        fits = [c for sc, c in scored if sc == top and top > 0]
        target: Cluster | None = None
        if len(fits) == 1:
            target = fits[0]
        elif len(fits) > 1 and top != _BY_FEMALE_TITLE:
            fits.sort(key=lambda c: -c.count)
            if fits[0].count >= 1.5 * fits[1].count:
                target = fits[0]
            if top == 2 and not form.title:
                target = _surname_owner(form, fits) or target
            target = _nearest_named(form, fits) or target
        if target is None:
            clusters.append(Cluster([form], {form.title} if form.title else set()))
        else:
            target.forms.append(form)
            if form.title:
                target.titles.add(form.title)
    return _split_side_by_side(clusters, gender or {}) if split else clusters


def _younger_sisters(forms: Sequence[Form]) -> set[str]:
    """Given names the story writes as "Miss <Given>" more than once, the younger sister's style (the eldest is
    "Miss <Surname>": "Miss Dashwood" is Elinor, "Miss Marianne" her sister), and never as "Miss <Given>
    <Surname>" of another family ("Miss Maria Ward", an aunt as a girl, beside "Maria Bertram")."""
    called = {f.names[0] for f in forms if f.title == "miss" and len(f.names) == 1 and f.count >= 2}
    full = {f.names[0] for f in forms if f.title == "miss" and len(f.names) >= 2}
    return called - full


def _younger_sister(form: Form, cluster: Cluster, sisters: set[str]) -> bool:
    """Whether ``form`` is "Miss <Surname>" and ``cluster`` a woman of that surname the story calls by the
    younger sister's style (:func:`_younger_sisters`): she is not the "Miss <Surname>" of her family."""
    if form.title != "miss" or len(form.names) != 1:
        return False
    return any(len(f.names) >= 2 and f.names[-1:] == form.names and f.names[0] in sisters for f in cluster.forms)


def _nearest_named(form: Form, fits: list[Cluster]) -> Cluster | None:
    """The one of several characters a short form fits whom the story has just named: the character named
    last, within a few pages, before two thirds or more of the form's occurrences that have one of them named
    so, when at least half have. "Sikes" is Bill Sikes, not "Bister Sikes" (his name as Barney, who speaks
    through his nose, says it, once); Sense and Sensibility's "John" is John Dashwood, named just before, not
    John Willoughby, whom the story calls "Willoughby"."""
    named = sorted((o.first, k) for k, c in enumerate(fits) for f in c.forms for o in f.occurrences)
    if not named:
        return None
    starts = [p for p, _ in named]
    votes: Counter[int] = Counter()
    for o in form.occurrences:
        i = bisect.bisect_left(starts, o.first)
        if i and o.first - named[i - 1][0] <= _NAMED_WITHIN:
            votes[named[i - 1][1]] += 1
    if not votes:
        return None
    k, n = votes.most_common(1)[0]
    cast = sum(votes.values())
    return fits[k] if n >= 3 and 3 * n >= 2 * cast and 2 * cast >= form.count else None


def _surname_owner(form: Form, fits: list[Cluster]) -> Cluster | None:
    """A bare surname that several characters share: if the story uses it far more often than any
    "Mr. X" form, it is the everyday name of the one character with a first name ("Archer" for Newland
    Archer); otherwise it goes with the titled one ("Wentworth" for Captain Wentworth)."""
    titled = [c for c in fits if c.titles]
    untitled = [c for c in fits if not c.titles]
    titled_count = max((f.count for c in titled for f in c.forms if f.title and f.names == form.names), default=0)
    if len(untitled) == 1 and form.count > 2 * titled_count:
        return untitled[0]
    if len(titled) == 1 and form.count <= 2 * titled_count:
        return titled[0]
    return None


def split_head_of_family(toks: Sequence[Tok], clusters: list[Cluster]) -> list[Cluster]:
    """A titled surname ("Mr. Knightley") that a character named with the same title and a given name ("Mr.
    John Knightley") took in is another man, the head of the family, when the story names the two in one
    sentence twice or more ("Mr. Knightley and Mr. John Knightley"): one man is not named twice over in a
    sentence, in its narration or its dialogue. The titled surname leaves, with the bare surname
    ("Knightley"), as a character of its own. Once may be a slip or an introduction ("Mr. Thomas Marvel,
    whom Mr. Marvel's friends call Tom")."""
    out: list[Cluster] = []
    for c in clusters:
        heads: list[Form] = []
        for h in c.forms:
            if h.title is None or len(h.names) != 1:
                continue
            own = {toks[o.first].sent for o in h.occurrences}
            for f in c.forms:
                if (
                    f.title == h.title
                    and len(f.names) >= 2
                    and f.names[-1] == h.names[0]
                    and len(own & {toks[o.first].sent for o in f.occurrences}) >= _NAMED_TOGETHER
                ):
                    heads.append(h)
                    break
        if not heads:
            out.append(c)
            continue
        surnames = {h.names for h in heads}
        leaving = [f for f in c.forms if f in heads or (f.title is None and f.names in surnames)]
        kept = [f for f in c.forms if f not in leaving]
        out.append(
            Cluster(kept, {f.title for f in kept if f.title}, c.nominal, c.nominal_count, c.nominal_written, c.said_as)
        )
        out.append(Cluster(leaving, {f.title for f in leaving if f.title}))
    return out


def miss_joins_her_given_name(clusters: list[Cluster], gender: dict[str, str | None]) -> list[Cluster]:
    """A character known only as "Miss X" joins the one woman of the story named "<Given> X" who may bear
    that title: not married (no Mrs., Lady ... among her names), not called "Miss <Given>" (the younger
    sister's style, as "Miss Marianne" beside the eldest "Miss Dashwood"), and no other woman of that surname
    fits. This is for "Miss Tilney" when "Eleanor Tilney" was too rare to be clustered and joined "Eleanor"
    only afterwards; where sisters are marked ("the Miss Bertrams") or two women fit, "Miss X" stays apart."""
    merged: set[int] = set()
    for m in clusters:
        if not m.forms or any(f.title != "miss" or len(f.names) != 1 or f.eldest for f in m.forms):
            continue
        surname = m.forms[0].names
        if any(f.names != surname for f in m.forms):
            continue
        fits: list[Cluster] = []
        younger: list[Cluster] = []
        for c in clusters:
            if c is m or id(c) in merged or not any(len(f.names) >= 2 and f.names[-1:] == surname for f in c.forms):
                continue
            full = [f for f in c.forms if len(f.names) >= 2 and f.names[-1:] == surname]
            woman = _cluster_gender(c, gender) == "she" or any(plain(f.names[0]) in FEMALE_NAMES for f in full)
            if not woman or c.titles - {"miss"}:
                continue  # a man, or a married woman ("Mrs. Rachel Lynde"), or one with a title of her own
            if any(f.title == "miss" and len(f.names) == 1 and f.names != surname for f in c.forms):
                younger.append(c)  # "Miss Marianne": a younger sister; the eldest is "Miss Dashwood"
                continue
            fits.append(c)
        if not fits and younger:
            # every woman of that surname is called "Miss <Given>": that is how the household speaks of the
            # daughter ("Miss Rachel" is Miss Verinder), not a sister's style, when one of them is far the
            # most mentioned and the two names do not keep standing in one sentence as two people do
            younger.sort(key=lambda c: -c.count)
            own = _narration_sentences(m.forms[0])
            theirs = set().union(*(_narration_sentences(f) for f in younger[0].forms))
            together = len(own & theirs)
            if (len(younger) == 1 or younger[0].count >= 5 * sum(c.count for c in younger[1:])) and not (
                _side_by_side(own, theirs) or 4 * together >= len(own)
            ):
                fits = younger[:1]
        elif younger:
            fits = []  # the eldest, or one of the younger sisters: not to be told apart by the name alone
        if len(fits) == 1:
            fits[0].forms.extend(m.forms)
            fits[0].titles.add("miss")
            merged.add(id(m))
    return [c for c in clusters if id(c) not in merged]


def slug(name: str) -> str:
    """A lowercase id from a name: "Mr. Darcy" -> "mr-darcy"."""
    s = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")
    return s or "character"


def attach_leftovers(
    clusters: list[Cluster],
    leftovers: Sequence[Form],
    gender: dict[str, str | None],
    lower: Counter[str] | None = None,
) -> None:
    """Forms too rare to stand alone ("Lizzy" once) join a character they clearly name, never a new one.
    A full name that a character bears with a title ("Toby Crackit" beside "Mr. Toby Crackit") joins
    whatever the entity recogniser made of it ("flash Toby Crackit")."""
    surnames = {f.names[-1] for c in clusters for f in c.forms if len(f.names) >= 2}
    lower = lower if lower is not None else Counter()
    for form in leftovers:
        owner = _given_name_owner(form, clusters, surnames, lower)
        if owner is not None:
            owner.forms.append(form)
            continue
        scored = [(_compatible(form, c, gender), c) for c in clusters]
        top = max((sc for sc, _ in scored), default=0.0)
        fits = [c for sc, c in scored if sc == top and top > 0]
        if len(form.names) == 1 and top >= 2 and len(fits) == 1 and form.other <= form.other_by_ner:
            fits[0].forms.append(form)  # "Syme", beside "Gabriel Syme": the tagger's doubt is all against it
            continue
        if form.person < form.other and not (top == 3 and len(form.names) > 1):
            continue
        if top < 2 and form.person <= form.other and not (len(form.names) > 1 and form.person == form.other):
            continue  # a diminutive needs some evidence of its own ("Larry Lefferts", with his surname, no more)
        if len(fits) == 1:
            fits[0].forms.append(form)


def _given_name_owner(
    form: Form, clusters: Sequence[Cluster], surnames: set[str], lower: Counter[str]
) -> Cluster | None:
    """The one character known by a form's given name alone, when its surname is another's full name's:
    "Marilla Cuthbert", whom the tagger took for a place, is "Marilla" (beside "Matthew Cuthbert"); or when no
    other character has that given name ("sat with Catherine Morland", once). Joins as an alias after
    clustering, so it draws no "Miss Cuthbert" to that character."""
    if form.title or len(form.names) != 2:
        return None
    owners = [
        c
        for c in clusters
        if any(not f.title and f.names == form.names[:1] for f in c.forms) and all(len(f.names) == 1 for f in c.forms)
    ]
    if len(owners) != 1:
        return None
    if form.names[-1] in surnames:
        return owners[0]
    # "sat with Catherine Morland", once, beside "Catherine" and no other Catherine: her full name; not when its
    # last word is a common word of the story ("Mansfield Parsonage", "the parsonage"), nor when another
    # character has its given name
    given, last = form.names
    if (
        last.lower() in PLACE_WORDS
        or lower[last.lower()]
        or any(given in f.names for c in clusters if c is not owners[0] for f in c.forms)
    ):
        return None
    return owners[0]
