"""Feelings with an owner and a target: who feels each emotion, toward whom, and whether it is said aloud.

The step reads two signals and merges them (``source="both"``, the default; see docs/feelings.md):

* **the emotion model** (``sentence.labels`` / ``sentence.emotions`` from the emotions step), trained on
  Reddit comments: good on dialogue, often "neutral" on narration;
* **a small lexicon** of emotion verbs, adjectives and nouns mapped to the 28 GoEmotions labels
  (``EMOTION_VERBS``, ``EMOTION_ADJECTIVES``, ``EMOTION_NOUNS``), read through spaCy's dependency parse
  of the few sentences that need it.

Who feels it (the *experiencer*):

* inside a quote: the speaker (``I`` / ``me`` is the speaker, ``you`` the first addressee);
* in narration: the subject of an emotion verb or adjective ("Willow is crying", "she trusts her"), the
  object of a verb that causes a feeling ("it amazes Willow"), the possessor of an emotion noun ("her
  tears") or the one it comes "from"; else the subject of the sentence; else, in close third person,
  the point-of-view character of the chapter (the character most often the subject of think / feel /
  know / realize / see ... in its narration), or a first-person narrator.

Toward whom (the *target*): the object of an emotion verb ("she trusts *her*"), the object of
"at / for / toward / of / on / about / with" after an emotion word ("a crush *on her*"), the subject
of a feeling-causing verb when it is a character, the subject (else object) of the clause an emotion word
governs ("sorry *she* is not well"), each other for "the friendship between A and B"; inside a quote, a
character named or addressed ("you") in the sentence, or, for the speaker's own social emotions
(gratitude, love, caring, anger...) and shared joy, excitement, amusement or hope, the addressee; in a
speech tag ("said Alice sharply"), the one spoken to; else the one other person of the scene.
None when the feeling is not directed.

A "they" / "them" stands for the people last named together ("Mara and Theo") or a character that is several
people, each of whom feels it or is its target; a quarrel or "each other" among them runs both ways. A
relative pronoun is the character its clause hangs from; a face or a voice shows its owner's feeling.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from .language.lexicon import (
    BODY_PARTS,
    CRY_TAGS,
    DAMPENERS,
    EMOTION_ADJECTIVES,
    EMOTION_NOUNS,
    EMOTION_VERB_IRREGULAR,
    EMOTION_VERBS,
    ENDING_VERBS,
    EPITHETS,
    EVALUATIVE_ADJECTIVES,
    FELT_OBJECT_PRONOUNS,
    FIRST_PERSON,
    HONORIFICS,
    INNER_VERBS,
    INTENSIFIERS,
    LIGHT_VERBS,
    OBJECT_PRONOUNS,
    PLURAL_PEOPLE,
    PRONOUNS,
    QUESTION_OPENERS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
    SECOND_PERSON_MODERN,
    SPEECH_VERBS,
    STATES_OF_MIND,
    TARGET_PREPOSITIONS,
    TRAIT_NOUNS,
)
from .language.nlp import parse
from .language.valence import NEUTRAL, VALUES, mean_valence
from .pipeline import register_step, step_progress
from .story import Feeling, Mention, Quote, Sentence, Story, Trigger

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = [
    "ADDRESSED_LABELS",
    "SOCIAL_LABELS",
    "attribute_feelings",
    "make_feelings",
]

# Emotions that are about someone by nature: in a quote with no explicit target they go to the addressee.
SOCIAL_LABELS = frozenset(
    {"admiration", "anger", "annoyance", "approval", "caring", "desire", "disappointment", "disapproval",
     "disgust", "gratitude", "love", "remorse"}
)  # fmt: skip

# What a speaker shows in a quote spoken to someone is toward them when it is social, or the speaker's
# delight, glee or hope shared with them ("“I am so glad,” said Mrs. Honeychurch" to the one who brings the
# news); not a state of the speaker's own (sadness, fear, relief) nor a state of mind (curiosity, surprise).
ADDRESSED_LABELS = SOCIAL_LABELS | {"joy", "excitement", "amusement", "optimism"}

# -- the lexicon ------------------------------------------------------------------------------------------
# the emotion words are data (heartline.language.lexicon: EMOTION_VERBS, EMOTION_ADJECTIVES, EMOTION_NOUNS)
_L = dict[str, float]

# Phrases of care and reassurance in speech, toward the addressee (no single emotion word carries them), and
# the thanks in "you didn't have to" / "you shouldn't have".
SPEECH_CUES: tuple[tuple[str, _L], ...] = (
    (r"\b(?:don'?t|do not|never) want you to (?:be )?(?:hurt|cry|worry|suffer|be sad|be alone|be afraid)",
     {"caring": 0.8}),
    (r"\bI(?:'ll| will) (?:always )?(?:wait|be here|be there|stay) for you\b", {"caring": 0.7, "love": 0.4}),
    (r"\bI(?:'ll| will) (?:always )?(?:wait|be here|be there)\b", {"caring": 0.5}),
    (r"\b(?:you )?(?:don'?t|do not) have to (?:rush|be afraid|worry|apologi[sz]e|say anything)\b", {"caring": 0.6}),
    (r"\btake care of yourself\b", {"caring": 0.7}),
    (r"\byou (?:didn'?t|did not|shouldn'?t|should not) have(?: to)?\b", {"gratitude": 0.6}),
    (r"\bare you (?:okay|ok|alright|all right|hurt)\b", {"caring": 0.6}),
    (r"\b(?:it'?s|it is) (?:okay|ok|alright|all right)\b", {"caring": 0.4}),
    (r"\bI(?:'m| am) (?:here|with you)\b", {"caring": 0.5}),
)  # fmt: skip
_CUES = [(re.compile(p.replace("'", "['’]"), re.IGNORECASE), labels) for p, labels in SPEECH_CUES]
# What the Reddit-trained model reads into the negation of a care phrase ("I don't want you to hurt",
# "you don't have to rush"): where a care phrase speaks, these model labels of the sentence are set aside.
_CARE_MISREADINGS = frozenset({"disapproval", "annoyance"})
# A speaker who smiles or laughs by their words ("“You didn't.” Buffy opens her eyes. Smiles.", "she said, and
# she was laughing") is teasing: the model's reading of a hard word as reproach is set aside for that quote.
# Approval and disapproval are, in the Reddit comments the model learned from, acts of speech: agreeing and
# disagreeing. A sentence of narration performs neither; the model gives them to its negations and plain
# statements ("He did not come." as disapproval), so in narration they are set aside.
_SPEECH_ACTS = frozenset({"approval", "disapproval"})
_TEASING_MISREADINGS = frozenset({"disapproval", "annoyance", "anger", "disgust"})
_SMILES = re.compile(r"\b(?:smil|grin|laugh|chuckl|giggl|beam|wink|teas|snicker)\w*", re.IGNORECASE)


def _speech_cues(text: str) -> tuple[_L, dict[str, tuple[int, int]]]:
    """Labels of the care phrases in a spoken sentence (the strongest weight per label), and for each label
    the span of the phrase that gives it (offsets into ``text``)."""
    out: _L = {}
    spans: dict[str, tuple[int, int]] = {}
    for rx, labels in _CUES:
        m = rx.search(text)
        if m:
            for lab, w in labels.items():
                if w > out.get(lab, 0.0):
                    out[lab] = w
                    spans[lab] = m.span()
    return out, spans


def _verb_forms(lemma: str) -> list[str]:
    """Inflected forms of a regular English verb (plus a few irregular ones)."""
    forms = [lemma]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
    if len(lemma) > 3 and lemma.endswith("l") and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms += [lemma + "led", lemma + "ling"]  # the British "quarrelled", "marvelling"
    return forms + EMOTION_VERB_IRREGULAR.get(lemma, [])


_VERB_FORMS: dict[str, str] = {f: lemma for lemma in EMOTION_VERBS for f in _verb_forms(lemma)}
# the nouns that judge a person ("the haughtiness of Mrs. Beaumont", "the virago Madame Duval")
_JUDGING_NOUNS = frozenset(TRAIT_NOUNS) | frozenset(EPITHETS)
_ALL_FORMS = (
    frozenset(_VERB_FORMS)
    | frozenset(EMOTION_ADJECTIVES)
    | frozenset(EMOTION_NOUNS)
    | frozenset(EVALUATIVE_ADJECTIVES)
    | _JUDGING_NOUNS
)
# the forms that are only an act toward someone ("helped", "struck"): no emotion word to name a model label by
_ACT_FORMS = (
    frozenset(f for f, lemma in _VERB_FORMS.items() if EMOTION_VERBS[lemma][0] == "act")
    - frozenset(EMOTION_ADJECTIVES)
    - frozenset(EMOTION_NOUNS)
)
# the forms of the emotion words proper, without the words of a stance (acts, adjectives before a person)
_FEELING_FORMS = (
    _ALL_FORMS
    - _ACT_FORMS
    - (frozenset(EVALUATIVE_ADJECTIVES) - frozenset(EMOTION_ADJECTIVES))
    - (_JUDGING_NOUNS - frozenset(EMOTION_NOUNS))
)
# every form of an emotion word -> the labels the lexicon gives it as a verb, adjective or noun (to name the
# word that carries a model label: "thank" for gratitude)
_FORM_LABELS: dict[str, frozenset[str]] = {
    f: frozenset(EMOTION_VERBS.get(_VERB_FORMS.get(f, ""), ("", {}))[1])
    | frozenset(EMOTION_ADJECTIVES.get(f, {}))
    | frozenset(EMOTION_NOUNS.get(f, {}))
    for f in _FEELING_FORMS
}
_WORD = re.compile(r"[A-Za-z]+")

_ENDED: _L = {"relief": 0.5}
_SORRY_FOR: _L = {"caring": 0.6, "sadness": 0.3}
# verbs whose negation is itself a feeling toward the object: "he could not forgive her" is a grudge
_NEGATED_VERBS: dict[str, _L] = {
    "forgive": {"anger": 0.5},
    "trust": {"disapproval": 0.5},
    "like": {"disapproval": 0.5},  # "she did not like him"
}
_MENTAL = re.compile(
    r"\s+(?:can|could|would|will|still|always|never|just|almost|suddenly|finally|only|doesn't|didn't|can't|"
    r"couldn't|does|did|had|has|is|was)?\s*(?:n't\s+|not\s+)?"
    r"(?:feels?|felt|feeling|thinks?|thought|knows?|knew|realiz|realis|remembers?|remembered|wonders?|"
    r"wondered|sees?|saw|hears?|heard|wants?|wanted|wish|believes?|believed|notices?|noticed|misses|missed|"
    r"hopes?|hoped|loves?|loved|can't believe)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Unit:
    """A sentence the step reads: narration or spoken words (``quote`` set)."""

    start: int
    end: int
    sentence: Sentence
    quote: Quote | None
    offset: int = -1  # where the parsed text starts (a clause of a long sentence); -1: at ``start``
    cache_end: int = -1  # where the parsed text ends
    cues: dict[str, float] = field(default_factory=dict)  # care phrases found in a spoken sentence
    cue_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> its phrase, from ``start``
    tag: Quote | None = None  # narration that is the speech tag of this quote ("said Alice sharply")

    def __post_init__(self) -> None:
        if self.offset < 0:
            self.offset = self.start


@dataclass(slots=True)
class _Context:
    """What attribution needs to know about the story, built once per story."""

    story: Story
    mentions: list[Mention]
    mention_starts: list[int]
    genders: dict[str, str | None]
    pov: dict[int, str | None]  # chapter index -> point-of-view character
    narrator: str | None
    names: dict[str, str]  # lower-case name or alias -> character id (to read names the mentions missed)
    sentence_starts: list[int]
    paragraph_starts: list[int] = field(default_factory=list)
    groups: frozenset[str] = frozenset()  # characters that are several people ("the boys", "the two women")
    quote_ends: list[tuple[int, str | None]] = field(default_factory=list)  # (end, speaker) of each quote, in order
    # whose stance a judging word in narration says: the narrator the characters step found, however seldom it
    # says I ("Poor Douglas ... committed to me the manuscript"); ``narrator`` is the one that tells enough of
    # the story to own what no one else does
    teller: str | None = None


# -- context ----------------------------------------------------------------------------------------------


def _build_context(story: Story) -> _Context:
    mentions = sorted(story.mentions, key=lambda m: (m.start, m.end))
    genders = {c.id: c.gender for c in story.characters}
    names: dict[str, str] = {}
    for c in sorted(story.characters, key=lambda c: c.mentions):  # the most mentioned wins a shared alias
        for n in [c.name, *c.aliases]:
            if n:
                names[n.lower()] = c.id
    ctx = _Context(
        story,
        mentions,
        [m.start for m in mentions],
        genders,
        {},
        None,
        names,
        [s.start for s in story.sentences],
        [p.start for p in story.paragraphs],
        frozenset(c.id for c in story.characters if _is_group(c.name, c.gender)),
        sorted((q.end, q.speaker) for q in story.quotes),
    )
    ctx.narrator = _first_person_narrator(story, ctx)
    told = [c.id for c in story.characters if c.narrator]
    ctx.teller = ctx.narrator or (told[0] if len(told) == 1 else None)
    ctx.pov = _points_of_view(story, ctx)
    return ctx


def _is_group(name: str, gender: str | None) -> bool:
    """Whether a character is several people: "the boys", "the two women", "the masters"."""
    words = name.lower().split()
    last = words[-1] if words else ""
    plural = words[0] == "the" and len(words) >= 2 and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return gender == "they" or last in PLURAL_PEOPLE or plural


def _narration_spans(story: Story) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in story.sentences if s.quote is None]


_FIRST_NARRATION = re.compile(r"\b(?:I|me|my|myself)\b")


def _first_person_narrator(story: Story, ctx: _Context) -> str | None:
    """The character that ``I`` in narration refers to, when the story is told in the first person."""
    counts: Counter[str] = Counter()
    first = 0
    words = 0
    for s, e in _narration_spans(story):
        words += story.text.count(" ", s, e) + 1
        for m in _FIRST_NARRATION.finditer(story.text, s, e):
            first += 1
            hit = _mention_at(ctx, m.start(), m.end())
            if hit:
                counts[hit.character] += 1
    if words == 0 or first / words < 0.01:
        # a narrator who says only "we" ("we crept in under Jim's bed"): the one the characters step found
        told = [c.id for c in story.characters if c.narrator]
        return told[0] if first == 0 and len(told) == 1 else None
    return counts.most_common(1)[0][0] if counts else None


def _points_of_view(story: Story, ctx: _Context) -> dict[int, str | None]:
    """Per chapter, the character most often the subject of a verb of thought or perception in narration."""
    narration = _narration_spans(story)
    starts = [s for s, _ in narration]
    pov: dict[int, str | None] = {}
    for ci, ch in enumerate(story.chapters):
        counts: Counter[str] = Counter()
        fallback: Counter[str] = Counter()
        for m in _mentions_between(ctx, ch.start, ch.end):
            i = bisect.bisect_right(starts, m.start) - 1
            if i < 0 or not (narration[i][0] <= m.start < narration[i][1]):
                continue
            fallback[m.character] += 1
            if _MENTAL.match(story.text, m.end, min(m.end + 60, len(story.text))):
                counts[m.character] += 1
        if ctx.narrator:
            pov[ci] = ctx.narrator
        elif counts:
            pov[ci] = counts.most_common(1)[0][0]
        else:
            pov[ci] = fallback.most_common(1)[0][0] if fallback else None
    return pov


def _mentions_between(ctx: _Context, start: int, end: int) -> list[Mention]:
    i = bisect.bisect_left(ctx.mention_starts, start)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < end:
        out.append(ctx.mentions[i])
        i += 1
    return out


def _mention_at(ctx: _Context, start: int, end: int) -> Mention | None:
    """The mention overlapping [start, end), if any."""
    i = bisect.bisect_right(ctx.mention_starts, end - 1) - 1
    while i >= 0 and ctx.mentions[i].start > start - 200:
        m = ctx.mentions[i]
        if m.end > start and m.start < end:
            return m
        i -= 1
    return None


def _resolve_pronoun(ctx: _Context, word: str, offset: int, sentence_start: int, subject: bool,
                     avoid: str | None = None) -> str | None:  # fmt: skip
    """A fallback for a he/she pronoun that no mention covers (the characters step resolves most).

    A subject pronoun continues the topic: the first character named earlier in its sentence, else the
    first named in the sentence before, else the point-of-view character. Any other pronoun takes the
    last character of its gender mentioned before it, other than ``avoid`` (the clause's subject), else the
    last other one whose gender the story never told.
    """
    gender = PRONOUNS.get(word.lower())
    if gender is None:
        return None
    pov = ctx.pov.get(ctx.story.chapter_at(offset))
    if subject:
        here = [m for m in _mentions_between(ctx, sentence_start, offset) if ctx.genders.get(m.character) == gender]
        if here:
            return here[0].character
        prev = _previous_sentence_mentions(ctx, sentence_start)
        prev = [m for m in prev if ctx.genders.get(m.character) == gender]
        if prev:
            return prev[0].character
        return pov if pov and ctx.genders.get(pov) == gender else None
    i = bisect.bisect_left(ctx.mention_starts, offset) - 1
    unknown: str | None = None  # the last other character whose gender the story never told
    while i >= 0 and ctx.mentions[i].start >= offset - 600:
        m = ctx.mentions[i]
        if ctx.genders.get(m.character) == gender and m.character != avoid:
            return m.character
        if unknown is None and ctx.genders.get(m.character) is None and m.character != avoid:
            unknown = m.character
        i -= 1
    if pov and pov != avoid and ctx.genders.get(pov) == gender:
        return pov
    return unknown if avoid is not None else None  # "Steve ... was terrified of losing him": Bucky


def _previous_sentence_mentions(ctx: _Context, start: int) -> list[Mention]:
    starts = ctx.sentence_starts
    i = bisect.bisect_left(starts, start) - 1
    if i < 0:
        return []
    s = ctx.story.sentences[i]
    return _mentions_between(ctx, s.start, s.end)


# "they" / "them" / "their" and "we" / "us" / "our": the words of a plural pronoun
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
_GROUPS = PLURAL_PEOPLE | {"everyone", "everybody"}  # people the reading does not name one by one
# words that are never part of a "they": the speaker, the one spoken to, a "we"
_NOT_THEY = frozenset(FIRST_PERSON | SECOND_PERSON | _WE)
_WE_TOLD = _WE - {"we"}  # "we" is a subject, read as such (_Reader.we)
# what stands between two people named together: "Mara and Theo", "Mara, Theo and Lucy", "Mara & Theo"
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
# pronouns that may be the second of two people named together ("he and Miss Georgiana", "Jim and him"): not
# "her" / "his", which are most often the owner of what follows ("Mrs. Thorpe and her daughters")
_JOINABLE_PRONOUNS = frozenset({"he", "she", "him"})


def _plural_antecedent(ctx: _Context, offset: int, quote: Quote | None) -> list[str]:
    """The people a "they" / "them" / "their" at ``offset`` stands for, looked for in its sentence (before it)
    and the sentence before: a character that is several people ("the boys") when it is the last one named;
    else the last people named together ("Mara and Theo", "Mara, Theo and Lucy"). Never the speaker or the
    one spoken to of its quote, nor an "I" / "you"; ``[]`` when nothing fits. Two people merely named near
    it are no antecedent: on the development passages such a "they" / "them" was most often things ("to
    admire them", the screens) or a family the passage never names."""
    text = ctx.story.text
    i = bisect.bisect_right(ctx.sentence_starts, offset) - 1
    start = ctx.sentence_starts[max(0, i - 1)] if i >= 0 else 0
    away = {quote.speaker, *quote.addressees} if quote is not None else set()
    cands = [
        m
        for m in _mentions_between(ctx, start, offset)
        if m.end <= offset and text[m.start : m.end].lower() not in _NOT_THEY and m.character not in away
    ]
    if not cands:
        return []
    if cands[-1].character in ctx.groups:
        return [cands[-1].character]
    for j in range(len(cands) - 1, 0, -1):
        chain = [cands[j]]
        k = j
        while k > 0 and _joined(text, cands[k - 1], cands[k]):
            chain.insert(0, cands[k - 1])
            k -= 1
        people = list(dict.fromkeys(m.character for m in chain))
        if len(people) >= 2:
            return people
    return []


def _joined(text: str, a: Mention, b: Mention) -> bool:
    """Whether two mentions of different people are named together: "Mara and Theo", "Mara, Theo"."""
    if a.character == b.character or a.end > b.start:
        return False
    word = text[b.start : b.end].lower()
    if b.kind == "pronoun" and word not in _JOINABLE_PRONOUNS:
        return False
    return _JOINED.fullmatch(text, a.end, b.start) is not None


# -- reading a unit ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reader:
    """Maps parsed tokens of one unit to characters."""

    ctx: _Context
    unit: _Unit
    forced: dict[int, str] = field(default_factory=dict)  # token index -> character, decided elsewhere

    def other_than(self, tok: Token, char: str) -> str | None:
        """The character a he / she pronoun refers to when it cannot be ``char``."""
        return _resolve_pronoun(self.ctx, tok.lower_, self.unit.offset + tok.idx, self.unit.start, False, char)

    def char(self, tok: Token) -> str | None:
        """The character a token refers to, or None."""
        if tok.i in self.forced:
            return self.forced[tok.i]
        start = self.unit.offset + tok.idx
        low = tok.text.lower()
        if low.endswith("self") and low in PRONOUNS:
            binder = self._binder(tok)
            if binder is not None:
                return binder
        if low in _RELATIVES and tok.dep_ in _RELATIVE_PLACES and (low != "that" or tok.dep_ != "pobj"):
            return self._relative(tok)
        m = _mention_at(self.ctx, start, start + len(tok.text))
        if m is not None:
            if low in PRONOUNS and not low.endswith("self") and tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                subj = self._clause_subject(tok)
                if subj == m.character:  # "she trusts her": a plain pronoun is not its own clause's subject
                    return self.other_than(tok, subj)
            return m.character
        q = self.unit.quote
        if q is not None:
            if low in FIRST_PERSON:
                return q.speaker
            if low in SECOND_PERSON_MODERN:
                return q.addressees[0] if q.addressees else None
        elif (low in FIRST_PERSON or low in _WE_TOLD) and self.ctx.narrator:
            return self.ctx.narrator  # "he was so glad to see us": the narrator, one of those told of
        if low in PRONOUNS:
            return self._pronoun(tok, low, start)
        if _pos(tok) == "PROPN" or tok.text[:1].isupper():
            return self.ctx.names.get(low)
        return None

    def _relative(self, tok: Token) -> str | None:
        """The character a relative pronoun stands for: the noun its clause hangs from ("Theo, *who* adored
        Mara", "Drummle, *whom* I held in contempt", "Herbert, for both of *whom* I had a respect")."""
        head = tok.head
        for _ in range(4):
            if head.dep_ == "relcl":
                return self.char(head.head) if head.head is not head else None
            if head.head is head:
                return None
            head = head.head
        return None

    def _binder(self, tok: Token) -> str | None:
        """The character a reflexive pronoun refers to: the nearest subject above it ("Eleanor declared
        *herself* much concerned", "he found *himself* obliged"), whoever the pronoun's mention says."""
        head = tok.head
        for _ in range(3):
            subj = _child(head, ("nsubj", "nsubjpass"))
            if subj is not None and subj is not tok and not subj.lower_.endswith("self"):
                return self.char(subj)
            if head.head is head:
                return None
            head = head.head
        return None

    def _clause_subject(self, tok: Token) -> str | None:
        """The character of the subject of the clause a (non-subject) token sits in."""
        head = tok.head
        # "afraid of losing him", "Mamma is so fond of her"
        while head.dep_ in ("prep", "pobj", "dobj", "pcomp", "acomp") and head.head.i != head.i:
            head = head.head
        subj = _child(head, ("nsubj", "nsubjpass"))
        if subj is None or subj is tok or (subj.lower_ in PRONOUNS and not subj.dep_.startswith("nsubj")):
            return None
        return self.char(subj)

    def _pronoun(self, tok: Token, low: str, start: int) -> str | None:
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        avoid = None if subject else self._clause_subject(tok)
        if not subject and low.endswith("self"):
            return avoid if avoid else self.ctx.pov.get(self.ctx.story.chapter_at(start))
        return _resolve_pronoun(self.ctx, low, start, self.unit.start, subject, avoid)

    def they(self, tok: Token) -> list[str]:
        """The people a "they" / "them" / "their" stands for (see :func:`_plural_antecedent`)."""
        return _plural_antecedent(self.ctx, self.unit.offset + tok.idx, self.unit.quote)

    def we(self) -> list[str]:
        """The one a "we" surely holds: the speaker of its quote, else a first-person narrator."""
        q = self.unit.quote
        who = q.speaker if q is not None else self.ctx.narrator
        return [who] if who else []

    def with_us(self, me: str) -> list[str]:
        """Who else a "we" feeling something among itself holds: the one other person the sentence, else the
        sentence before, names or refers to (none when there are several)."""
        u = self.unit
        for near in (_mentions_between(self.ctx, u.start, u.end), _previous_sentence_mentions(self.ctx, u.start)):
            others = {m.character for m in near} - {me} - self.ctx.groups
            if others:
                return list(others) if len(others) == 1 else []
        return []

    def chars(self, tok: Token) -> list[str]:
        """Characters of a token and the tokens joined to it by "and" (who are different people)."""
        return self.distinct((tok, *tok.conjuncts))

    def distinct(self, toks: Iterable[Token]) -> list[str]:
        """Characters of coordinated tokens, a pronoun that repeats an earlier one re-resolved, a "they" each
        of the people it stands for."""
        out: list[str] = []
        for t in toks:
            if t.lower_ in _THEY and t.i not in self.forced:
                out += [c for c in self.they(t) if c not in out]
                continue
            c = self.char(t)
            if c in out and t.lower_ in PRONOUNS:  # "from Buffy and from herself": not Buffy again
                start = self.unit.offset + t.idx
                pov = self.ctx.pov.get(self.ctx.story.chapter_at(start)) if self.unit.quote is None else None
                if (
                    t.lower_.endswith("self")
                    and pov not in (None, c)
                    and self.ctx.genders.get(pov) == PRONOUNS[t.lower_]
                ):
                    c = pov  # a reflexive no clause binds is the point of view's own: Willow's, not Tara's
                else:
                    c = self.other_than(t, c)
            if c and c not in out:
                out.append(c)
        return out


# relative pronouns, and the places in their clause where they stand for the noun the clause hangs from
_RELATIVES = frozenset({"who", "whom", "whose", "that"})
_RELATIVE_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})

_TAG_POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
            "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "MD": "AUX"}  # fmt: skip


def _pos(tok: Token) -> str:
    """Coarse part of speech from the fine tag (the attribute ruler, a third of the parse time, is skipped)."""
    tag = tok.tag_
    return _TAG_POS.get(tag) or ("VERB" if tag.startswith("VB") else tag)


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    wanted = set(deps)
    for c in tok.children:
        if c.dep_ in wanted:
            return c
    return None


# the feelings step's parse has no lemmatizer: the forms of "become", "get", "grow"
_BECOMING = frozenset("become became becomes becoming get got gets getting gotten grow grew grown grows".split())


def _subject(tok: Token, limit: int = 4) -> Token | None:
    """The subject of a verb, climbing xcomp / conj / advcl / pcomp chains; the head noun of a relcl."""
    doer = _of_whom_it_was(tok)
    if doer is not None:
        return doer
    cur = tok
    for _ in range(limit):
        subj = _child(cur, ("nsubj", "nsubjpass"))
        if subj is not None:
            return subj
        # "I had become greatly attached to her": the parse hangs the subject on "become" as an auxiliary
        for aux in cur.children:
            if aux.dep_ in ("aux", "auxpass") and aux.lower_ in _BECOMING:
                subj = _child(aux, ("nsubj", "nsubjpass"))
                if subj is not None:
                    return subj
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "ccomp", "dobj", "pobj", "attr",
                        "oprd", "amod", "appos"):  # fmt: skip
            if cur.dep_ == "amod":
                return cur.head
            cur = cur.head
            continue
        return None
    return None


def _of_whom_it_was(tok: Token) -> Token | None:
    """The doer of an infinitive that "it was ... of" someone to do: "It was kind of Tom to wait for me", "it was
    striking of the children to kiss me"."""
    if tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    head = tok.head
    it = _child(head, ("nsubj",))
    if it is None or it.lower_ != "it":
        return None
    said = _child(head, ("acomp",))  # "It was cruel of Tom": the "of" on the adjective
    of = _prep(head.children, "of") or (_prep(said.children, "of") if said is not None else None)
    obj = _child(of, ("pobj",)) if of is not None and of.i < tok.i else None
    return obj if obj is not None and _pos(obj) in ("PROPN", "NOUN", "PRON") else None


def _prep_targets(tok: Token, reader: _Reader, skip: set[str]) -> list[str]:
    """Characters after "at / for / toward / of / on / about ..." attached to ``tok``, or to an adjective after
    a noun ("a horror unspeakable of her sister's manners", parsed with "of" on "unspeakable")."""
    out: list[str] = []
    after = [a for a in tok.rights if a.dep_ == "amod"] if _pos(tok) == "NOUN" else []
    for c in itertools.chain(tok.children, *(a.children for a in after)):
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS:
            for p in c.children:
                if p.dep_ == "pobj":
                    found = reader.chars(p)
                    owner = _child(p, ("poss",))
                    if not found and owner is not None:  # "jealous of her success", "tired of Odo's rules"
                        found = reader.chars(owner)
                    found = found or _named_in(p, reader)  # "proud of that Anne-girl"
                    if not found and p.lower_ in _SIGHT_OF:
                        found = _seen_of(p, reader)  # "trembled at the sight of him"
                    out += [x for x in found if x not in skip and x not in out]
                elif p.dep_ == "pcomp":  # "terrified of losing him": the one the feared act is about
                    obj = _child(p, ("dobj",))
                    if obj is not None:
                        out += [x for x in reader.chars(obj) if x not in skip and x not in out]
    return out


# what one weeps or grieves at the thought, news or memory of: "wept at the thought of losing her"
_THOUGHT_OF_LOSS = frozenset("thought thoughts news memory memories recollection remembrance".split())
# what one feels something at the sight, thought or mention of: "trembled at the sight of him", "blushed at the
# mention of his name"
_SIGHT_OF = _THOUGHT_OF_LOSS | frozenset("sight mention approach appearance presence idea name".split())


def _seen_of(noun: Token, reader: _Reader) -> list[str]:
    """The characters "of" a sight, a thought or a mention is of: its object ("the sight of *him*"), that
    object's owner ("the mention of *his* name"), or the one an act after it is done to ("the thought of losing
    *her*")."""
    of = _prep(noun.children, "of")
    if of is None:
        return []
    obj = _child(of, ("pobj",))
    if obj is not None:
        owner = _child(obj, ("poss",))
        return reader.chars(obj) or (reader.chars(owner) if owner is not None else [])
    act = _child(of, ("pcomp",))
    done_to = _child(act, ("dobj",)) if act is not None else None
    return reader.chars(done_to) if done_to is not None else []


def _intensity(tok: Token, base: float) -> float:
    """The lexicon weight, raised by an intensifier (so, very, deeply) and lowered by a dampener (a little)
    on the emotion word or on the word it depends on."""
    w = base
    for c in (*tok.children, *tok.head.children):
        w *= INTENSIFIERS.get(c.lower_, 1.0) * DAMPENERS.get(c.lower_, 1.0)
    return round(min(1.0, w), 4)


def _next_to_quote(text: str, u: _Unit) -> bool:
    """Whether a narration sentence touches a quotation mark: a speech tag such as "cried the Ghost."."""
    return any(c in "”\"’'" for c in text[max(0, u.start - 3) : u.start]) or any(
        c in "“\"‘'" for c in text[u.end : u.end + 3]
    )


def _cries_as_tag(text: str, u: _Unit) -> bool:
    """A short narration sentence next to a quote whose verb is "cried": a speech tag, not weeping."""
    words = _WORD.findall(text, u.start, u.end)
    return len(words) <= 8 and any(w.lower() in CRY_TAGS for w in words) and _next_to_quote(text, u)


def _speech_tag(text: str, u: _Unit, tok: Token) -> bool:
    """Whether a "cried" is a speech verb: next to a quote, or before its own subject."""
    if u.quote is not None:
        return False
    if _next_to_quote(text, u):
        return True
    subj = _child(tok, ("nsubj",))
    return subj is not None and subj.i > tok.i


def _ends(tok: Token) -> bool:
    """Whether the emotion word is what stops ("her tears stopped", "she stopped crying")."""
    head = tok.head
    return head is not tok and head.lower_ in ENDING_VERBS and tok.dep_ in ("nsubj", "xcomp", "dobj", "pcomp")


def _negated(tok: Token) -> bool:
    """Whether the emotion word, or the verb it completes, is negated ("not afraid", "never loved"). A
    question that opens with a negated auxiliary asks for agreement: "Aren't you proud of her?" is pride."""
    own = [c for c in tok.children if c.dep_ == "neg"]
    if not own and tok.dep_ in ("acomp", "xcomp", "dobj", "attr"):
        if tok.head.lower_ in _HELP:
            return False  # "I could not help admiring her": admiring all the same
        if tok.dep_ == "dobj" and _pos(tok) == "NOUN" and tok.head.lower_ in _GONE and not _negated(tok.head):
            return True  # "forgot my horror", "lost all fear of him": a feeling that is over
        own = [c for c in tok.head.children if c.dep_ == "neg"]
    if own:
        return not all(_asks_agreement(c) for c in own)
    return _denied_in_other_words(tok)


# verbs that feign: "pretended to love her" is no love, whoever pretends
_FEIGNING = frozenset("pretend pretended pretends pretending feign feigned feigns feigning".split())
# verbs whose complement is only wished, asked, feared or feigned, not told as so: "wished that she loved him";
# not "thought", "believed": "I thought the master was proud of him" tells what the teller saw
_SUPPOSING = _FEIGNING | frozenset(
    "wish wished wishes wishing wonder wondered wonders wondering doubt doubted doubts doubting fear feared fears "
    "fearing dream dreamed dreamt dreams ask asked asks asking hope hoped hopes hoping".split()
)
# what makes an "if" clause a supposition rather than a given ("If Cecil disliked Sir Harry, what guarantee ..."):
# a modal or a past perfect in it or in the clause it hangs on ("if he had loved her", "if he loved her, he would")
_SUPPOSING_AUX = frozenset(
    {"would", "could", "might", "should", "shall", "will", "'d", "'ll", "’d", "’ll", "had", "were"}
)


def _yes_no_question(tok: Token) -> bool:
    """Whether the word is in a question asked yes or no ("Did Tom love her?", "Could he ever hate her?"), which
    tells no feeling; not one asking agreement ("Don't you love me?", "Aren't you proud of her?") nor one that
    takes the feeling as given ("Why do you hate me?")."""
    words = [t for t in tok.sent if t.is_alpha]
    if not words or words[0].lower_ not in QUESTION_OPENERS or not any(t.text == "?" for t in tok.sent):
        return False
    return not any(t.lower_ in ("n't", "n’t", "not", "never") for t in tok.sent)


def _supposed(tok: Token, reader: _Reader) -> bool:
    """A feeling only supposed, not told as so: "if he loved her, he would stay" (not "as if he hated her", a
    look, nor "if Cecil disliked Sir Harry, what guarantee was there", a given), "wished that she loved him",
    "wondered whether she cared", "feared that Mary hated him", "pretended to love her". A feeling one hopes or
    fears of oneself stays ("I hope I love him enough")."""
    if _yes_no_question(tok):
        return True
    clause = tok if _pos(tok) in ("VERB", "AUX") else tok.head
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ == "whether":
            return True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
            if c.i > 0 and c.doc[c.i - 1].lower_ in ("as", "even"):
                return False  # "as if she hated him": how she looked
            if clause.dep_ == "ccomp":
                return True  # "asked if he loved her"
            return any(a.lower_ in _SUPPOSING_AUX for w in (clause, clause.head) for a in w.children) or (
                clause.lower_ == "were"
            )
    head = clause.head
    if clause.dep_ not in ("ccomp", "xcomp") or head.lower_ not in _SUPPOSING:
        return False
    if head.lower_ in _FEIGNING:
        return True
    inner, outer = _child(clause, ("nsubj", "nsubjpass")), _child(head, ("nsubj",))
    if inner is None or outer is None:
        return False
    mine, theirs = set(reader.chars(inner)), set(reader.chars(outer))
    return bool(mine) and bool(theirs) and not mine & theirs


# the nouns of "by no means", "in no way", "in no wise"
_NO_MEANS = frozenset({"means", "way", "wise"})


def _by_no_means(prep: Token) -> bool:
    """ "by no means", "in no way", "in no wise"."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in ("by", "in")
        and any(p.lower_ in _NO_MEANS and any(d.lower_ == "no" for d in p.children) for p in prep.children)
    )


def _denied_in_other_words(tok: Token) -> bool:
    """A denial without "not": "felt no love for her", "without affection", "hardly pleased", "no longer
    angry", "far from pleased", "anything but pleased", "by no means fond", "nor was he pleased"."""
    if _pos(tok) == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    before = tuple(t.lower_ for t in tok.doc[max(tok.i - 2, 0) : tok.i])
    if before in (("far", "from"), ("anything", "but")):
        return True  # however the parse hangs them
    if any(c.dep_ == "advmod" and c.lower_ in ("hardly", "scarcely") for c in tok.children):
        return True  # on the word itself: "could hardly hide his joy" is joy
    for word in (tok, tok.head) if tok.dep_ in ("acomp", "xcomp", "attr") else (tok,):
        for c in word.children:
            if c.lower_ in ("longer", "more") and any(g.dep_ == "neg" or g.lower_ == "no" for g in c.children):
                return True
            if _by_no_means(c):
                return True
            if c.dep_ == "preconj" and c.lower_ == "neither" and c.i < word.i:
                return True  # "neither loved nor hated him"
        if word.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "nor" and word.head.i < c.i < word.i for c in word.head.children
        ):
            return True  # "... nor hated him", "he swore; nor was he better pleased"
    return False


_HELP = frozenset({"help", "helped", "helping"})
_GONE = frozenset("forget forgets forgot forgotten forgetting lose loses lost losing".split())


def _asks_agreement(neg: Token) -> bool:
    """ "n't" glued to the auxiliary that opens a question: "Aren't you", "Don't you love", "Isn't she"."""
    aux = neg.doc[neg.i - 1] if neg.i > 0 else None
    if neg.lower_ not in ("n't", "n’t") or aux is None or any(t.is_alpha for t in neg.doc[aux.sent.start : aux.i]):
        return False
    return any(t.text == "?" for t in aux.sent)


@dataclass(slots=True)
class _Hit:
    """Who feels one emotion word, and toward whom."""

    experiencers: list[str]
    targets: list[str]
    labels: dict[str, float]
    slot: bool  # a word in the experiencer's place was found (a character or not)
    pronoun: str | None = None  # the gender of a he / she pronoun in the experiencer's place
    inner: bool = False  # a private state (love, fear, a crush), not a visible act (crying, a smile)
    slot_i: int | None = None  # index of the experiencer's word in the doc


def _verb_taken_for_a_preposition(tok: Token) -> bool:
    """ "James did not like Thomas": the tagger's "like" as a preposition, with a subject or an auxiliary of its
    own, which only a verb has ("ran like the wind" has neither)."""
    return tok.tag_ == "IN" and any(c.dep_ in ("nsubj", "aux") for c in tok.children)


def _lexicon_entry(tok: Token) -> tuple[str, _L] | None:
    """(kind, labels) of an emotion word: kind is subj | obj | intr | act (verbs), adj or noun."""
    low = tok.lower_
    if low not in _ALL_FORMS:
        return None
    has_obj = _child(tok, ("dobj",)) is not None
    if (_pos(tok) == "ADJ" or (tok.tag_ == "VBN" and not has_obj)) and low in EMOTION_ADJECTIVES:
        return "adj", EMOTION_ADJECTIVES[low]
    if low in _VERB_FORMS and (_pos(tok) in ("VERB", "AUX") or _verb_taken_for_a_preposition(tok)):
        return EMOTION_VERBS[_VERB_FORMS[low]]
    if _pos(tok) in ("NOUN", "PROPN") and low in EMOTION_NOUNS:
        return "noun", EMOTION_NOUNS[low]
    if low in EMOTION_ADJECTIVES and _pos(tok) in ("VERB", "ADV"):
        return "adj", EMOTION_ADJECTIVES[low]
    return None


def _manner_adverb(tok: Token, kind: str) -> bool:
    """An adverb of manner on a verb ("he *condescendingly* commanded Oliver"), or an adjective on "manner",
    "way" or "tone" after "in" / "with" ("shook Dick by the hand in the most *friendly* manner"): the doer's,
    toward the one the act is done to, and an act seen, not a private feeling."""
    if kind != "adj":
        return False
    if tok.dep_ == "advmod":
        return _pos(tok.head) in ("VERB", "AUX")
    return _manner_verb(tok) is not None


# nouns that, after "in" / "with" on a verb, say how its act is done; an emotion adjective on them is the doer's
_MANNER_NOUNS = frozenset({"manner", "way", "fashion", "tone", "tones", "voice", "air"})


def _manner_verb(tok: Token) -> Token | None:
    """The verb an adjective tells the manner of, through "in a ... manner" / "with a ... air", or None."""
    noun = tok.head
    if tok.dep_ != "amod" or noun.lower_ not in _MANNER_NOUNS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    verb = prep.head
    if prep.lower_ not in _MANNER_PREPOSITIONS or _pos(verb) not in ("VERB", "AUX"):
        return None
    return verb


def _by_the_hand(verb: Token) -> bool:
    """ "shook him *by the hand*", "shook hands with him": the verb is done by the hand."""
    by = _prep(verb.children, "by")
    part = _child(by, ("pobj",)) if by is not None else None
    obj = _child(verb, ("dobj",))
    return (part is not None and part.lower_ in ("hand", "hands")) or (obj is not None and obj.lower_ == "hands")


def _doer(verb: Token) -> Token | None:
    """The one a verb in the passive is done by: the object of its "by" ("scolded by her aunt")."""
    agent = _child(verb, ("agent",))
    return _child(agent, ("pobj",)) if agent is not None else None


def _passive(verb: Token) -> bool:
    """A verb of feeling in the passive, with its "be" written out ("Mary was loved by Walter"); not "he's
    missed seeing his brother", where "'s" is "has" as often as "is"."""
    aux = _child(verb, ("auxpass",))
    return _child(verb, ("nsubjpass",)) is not None and aux is not None and aux.lower_ not in ("'s", "’s")


def _read_trigger(tok: Token, kind: str, labels: _L, reader: _Reader) -> _Hit:
    """Experiencers and targets of one emotion word, from the parse."""
    exp: list[str] = []
    tgt: list[str] = []
    slot: Token | None = None
    if kind == "obj" and (slot := _child(tok, ("nsubjpass",))) is not None:
        # "Mary was amused by Tom", "she was troubled at his going": the one it is caused in is the subject,
        # and it points at the doer (or the doer's owner: "shocked by his conduct")
        exp = _feeler(slot, reader)
        doer = _doer(tok)
        tgt = _person_or_owner(doer, reader) if doer is not None else []
        tgt += _prep_targets(tok, reader, set(exp))
        if not tgt:
            tgt = _clause_targets(tok, reader, set(exp))
    elif kind == "obj":
        slot = _child(tok, ("dobj",))
        exp = reader.chars(slot) if slot is not None else []
        subj = _child(tok, ("nsubj",))
        tgt = _person_or_owner(subj, reader) if subj is not None else []
        if not tgt and exp:  # "it amused me to hear *him* talk": the one the infinitive is about
            tgt = _infinitive_targets(tok, reader, set(exp))
    elif kind == "act":
        passive = _child(tok, ("nsubjpass",))
        if passive is not None:  # "she was scolded by her aunt": the aunt toward her
            slot = _doer(tok)
            exp = reader.chars(slot) if slot is not None else []
            tgt = reader.chars(passive)
            if slot is None:
                slot = passive  # no doer named: no feeling ("he was rescued")
                exp = []
        else:
            controller = _child(tok.head, ("dobj",)) if tok.dep_ == "xcomp" else None
            # "commanded Oliver to assist him": Oliver assists
            slot = controller if controller is not None and controller.i < tok.i else _subject(tok)
            exp = reader.chars(slot) if slot is not None else []
            tgt = _object_targets(tok, reader)
            if _VERB_FORMS.get(tok.lower_) == "shake" and _by_the_hand(tok):
                tgt = []  # "shook him by the hand": a greeting, not a shaking
            obj = _child(tok, ("dobj",))
            if _VERB_FORMS.get(tok.lower_) == "avoid" and obj is not None and not reader.chars(obj):
                tgt = []  # "avoided his eyes": shyness or shame, not a stance against him; "avoided him" is
            for prep in tok.children:
                if not tgt and prep.dep_ == "prep" and prep.lower_ == "at":  # "sneered at him"
                    pobj = _child(prep, ("pobj",))
                    tgt = _person_or_owner(pobj, reader) if pobj is not None else []
    elif kind == "subj" and _passive(tok):
        # "Mary was loved by Walter": the one it is done by feels it toward the subject; "she was loved", by
        # no one the sentence names: no feeling read here
        passive = _child(tok, ("nsubjpass",))
        slot = _doer(tok)
        exp = _feeler(slot, reader) if slot is not None else []
        if slot is not None and not exp:  # "by her husband Walter": the name beside the noun
            exp = [c for ch in slot.children if ch.dep_ in ("appos", "compound") for c in reader.chars(ch)]
        tgt = _person_or_owner(passive, reader) if passive is not None else []
        if slot is None:  # a slot with no one in it: no owner from the point of view either
            return _Hit([], tgt, labels, True, None, False, None if passive is None else passive.i)
    elif kind in ("subj", "intr"):
        slot = _subject(tok)
        exp = _feeler(slot, reader) if slot is not None else []
        if kind == "subj":
            tgt = _object_targets(tok, reader)
        tgt += _prep_targets(tok, reader, set(exp))
        if not tgt:
            tgt = _clause_targets(tok, reader, set(exp))
        if not tgt and kind == "intr":
            tgt = _infinitive_targets(tok, reader, set(exp))  # "I've cried to myself to watch them"
    elif kind == "adj" and tok.dep_ == "amod" and _pos(tok.head) == "NOUN" and tok.head.lower_ in EMOTION_NOUNS:
        # "a sort of indignant astonishment", "her bitter resentment": whoever feels the feeling it qualifies
        slot, exp = _noun_experiencer(tok.head, reader)
        tgt = _prep_targets(tok.head, reader, set(exp))
    elif kind == "adj":
        manner = _manner_adverb(tok, kind)
        verb = _manner_verb(tok) or tok.head
        slot = _child(tok, ("nsubj", "nsubjpass")) or (
            _subject(verb) if manner else _subject(tok) if tok.dep_ != "amod" else tok.head
        )
        exp = _feeler(slot, reader) if slot is not None else []
        tgt = _prep_targets(tok, reader, set(exp))
        if not tgt and (tok.dep_ in _DEPICTIVE or manner) and _pos(verb) in ("VERB", "AUX"):
            tgt = _verb_targets(verb, reader, set(exp))  # "she turned to him, furious"
        if not tgt:
            tgt = _clause_targets(tok, reader, set(exp))
        if not tgt:
            tgt = _infinitive_targets(tok, reader, set(exp))
        if not tgt and exp:
            tgt = _when_targets(tok, reader, set(exp))
    elif (filled := _filled_with(tok, reader)) is not None:
        slot, exp, tgt = filled
    else:
        slot, exp = _noun_experiencer(tok, reader)
        # "the friendship between Margaret and Mrs. Wilcox": each toward the other, whoever the clause's subject
        # is ("in the bitter hatred between him and Spitz he betrayed no impatience")
        pair = _between(tok, reader) if slot is None or not exp or slot.dep_ != "poss" else []
        if len(pair) >= 2:
            return _Hit(pair, pair, labels, True, None, False, tok.i)
        tgt = _prep_targets(tok, reader, set(exp))
        if not tgt and len(exp) == 1 and slot is not None and slot.dep_ == "poss" and slot.lower_ in PRONOUNS:
            toward = _prep_targets(tok, reader, set())
            other = reader.other_than(slot, exp[0]) if toward == exp else None
            if other is not None:  # "her love for the girl": whoever "her" is, she is not the girl
                exp, tgt = [other], toward
        noun = tok.head if tok.dep_ == "conj" and _pos(tok.head) == "NOUN" else tok  # "with care and kindness"
        head = noun.head
        if slot is not None and slot.dep_ == "pobj" and slot.head.lower_ == "to" and tok.dep_ == "attr":
            subj = _child(head, ("nsubj",))  # "his visits were a great comfort to her": his
            tgt = [c for c in (_person_or_owner(subj, reader) if subj is not None else []) if c not in exp]
        elif not tgt and tok.dep_ in ("dobj", "attr") and head.lower_ in LIGHT_VERBS:
            tgt = _prep_targets(head, reader, set(exp))
        elif (not tgt and noun.dep_ == "pobj" and head.lower_ in _MANNER_PREPOSITIONS
              and _pos(head.head) == "VERB"):  # fmt: skip
            tgt = _verb_targets(head.head, reader, set(exp))  # "she looked at him with tenderness"
        if not tgt:
            tgt = _infinitive_targets(tok, reader, set(exp))
        if not tgt and exp:
            tgt = _when_targets(tok, reader, set(exp))
    if not exp and slot is not None and slot.lower_ in _WE and slot.dep_ in ("nsubj", "nsubjpass", "poss"):
        exp = reader.we()  # "we love you", "our grief": the speaker's (or the narrator's), at least
    exp = list(dict.fromkeys(exp))
    if len(exp) == 1 and not tgt and slot is not None and slot.lower_ in _WE and _reciprocal(tok):
        exp += reader.with_us(exp[0])  # "we had a great affection for each other": I and the one beside me
    if len(exp) >= 2 and not tgt and _reciprocal(tok):  # "they quarrelled", "loved each other": both ways
        return _Hit(exp, exp, labels, True, None, False, None if slot is None else slot.i)
    tgt = [t for t in dict.fromkeys(tgt) if t not in exp]
    # a he / she in the experiencer's place, open to the point of view; a reflexive is bound in its sentence
    subject = slot is not None and slot.dep_ in ("nsubj", "nsubjpass") and not slot.lower_.endswith("self")
    pronoun = PRONOUNS.get(slot.lower_) if slot is not None and subject else None
    inner = (kind in ("subj", "adj") and not _manner_adverb(tok, kind)) or (
        kind == "noun" and tok.head.lower_ in INNER_VERBS
    )
    return _Hit(exp, tgt, labels, slot is not None, pronoun, inner, None if slot is None else slot.i)


# verbs that fill someone with a feeling: "the sight of him filled her with dread"
_FILLING = frozenset(
    [form for verb in ("fill", "inspire", "strike", "overwhelm", "smite") for form in _verb_forms(verb)]
    + ["struck", "smote", "smitten", "stricken"]
)


def _filled_with(tok: Token, reader: _Reader) -> tuple[Token, list[str], list[str]] | None:
    """(slot, experiencer, targets) of an emotion noun with which someone is filled: "Tom filled *Mary* with
    horror", "the thought of Tom filled *her* with dread", "his words struck her with fear": hers, toward Tom,
    toward him. None when the noun is not in that place or the one filled is not a character."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.head.lower_ not in _FILLING or prep.head.dep_ == "amod":
        return None
    verb = prep.head
    filled = _child(verb, ("dobj",))
    if filled is None or not (exp := reader.chars(filled)):
        return None
    cause = _child(verb, ("nsubj",))
    tgt = _person_or_owner(cause, reader) if cause is not None else []
    if not tgt and cause is not None and _pos(cause) == "NOUN":
        came = _prep(cause.children, "from")  # "the letter from Tom"
        obj = _child(came, ("pobj",)) if came is not None else None
        tgt = reader.chars(obj) if obj is not None else []
    return filled, exp, [t for t in tgt if t not in exp]


# feelings that two or more people have with each other when they are its subject: "they quarrelled"
# felt among its subjects: "they quarrelled", "we grew quite friendly" (the narrator and the one beside)
_RECIPROCAL_WORDS = frozenset(_verb_forms("quarrel")) | {"friendly", "intimate", "reconciled"}


def _wish_to(tok: Token) -> bool:
    """ "like" with a verb after it, or after "would" / "should" with no person as its object: "liked to
    walk", "I'd like a cup of tea" (not "she would presently like me")."""
    if _VERB_FORMS.get(tok.lower_) != "like":
        return False
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return True
    obj = _child(tok, ("dobj",))
    if obj is not None and (obj.lower_ in _PERSON_OBJECTS or obj.tag_ == "NNP"):
        return False  # "she would presently like me": a liking to come, of a person
    return any(c.dep_ == "aux" and c.lower_ in ("would", "should", "'d", "’d") for c in tok.children)


_PERSON_OBJECTS = frozenset(OBJECT_PRONOUNS | {"you"})


_MUTUAL = frozenset({"mutual", "reciprocal"})


def _reciprocal(tok: Token) -> bool:
    """Whether an emotion word is felt among its subjects: a quarrel, one with "each other" / "one another"
    as its object ("they loved each other", "fond of one another"), or a mutual one ("our mutual esteem")."""
    if tok.lower_ in _RECIPROCAL_WORDS or any(c.dep_ == "amod" and c.lower_ in _MUTUAL for c in tok.children):
        return True
    near = [*tok.children, *(p for c in tok.children if c.dep_ == "prep" for p in c.children)]
    return any(
        (w.lower_ == "other" and any(c.lower_ == "each" for c in w.children))
        or (w.lower_ == "another" and any(c.lower_ == "one" for c in w.children))
        for w in near
    )


# what shows a feeling on someone: "her face was sad", "the countenance of Lord Orville manifested ..."
_FEATURES = BODY_PARTS | frozenset(
    # and the inner self that a feeling fills as it fills a heart ("his soul sickened with disgust")
    "countenance look looks expression features tone glance soul spirit mind conscience nerves".split()
)


def _feeler(slot: Token, reader: _Reader) -> list[str]:
    """The characters in the experiencer's place: the word's own, else, for a face, a voice or a hand, its
    owner's ("*her* face was sad", "the countenance *of Lord Orville* showed astonishment")."""
    found = reader.chars(slot)
    if found or slot.lower_ not in _FEATURES:
        return found
    owner = _child(slot, ("poss",))
    if owner is not None:
        return reader.chars(owner)
    for prep in slot.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = _child(prep, ("pobj",))
            return reader.chars(obj) if obj is not None else []
    return []


# past participles that qualify a person as adjectives do, with the stance of whoever speaks of them
_PARTICIPLE_STANCES: dict[str, _L] = {
    word: labels
    for words, labels in (
        ("adored cherished idolized idolised", {"love": 0.7}),
        ("respected esteemed honoured honored revered venerated", {"admiration": 0.6}),
        ("hated detested despised loathed abhorred", {"disapproval": 0.5, "disgust": 0.3}),
    )
    for word in words.split()
}


_BEING = frozenset("is are was were be been being am 's 're seems seemed looks looked".split())


def _evaluative(tok: Token, reader: _Reader, teller: str | None) -> tuple[str, str, _L] | None:
    """``(experiencer, target, labels)`` of an adjective that qualifies a person ("the ridiculous *Rodney*",
    "my dear *Tom*"): the stance of whoever speaks of them, the quote's speaker or, in narration told in the first
    person, the narrator ("I became conscious of the servile *Pumblechook*"); else of the subject of the
    sentence's main verb; toward that person. None when either is not a character or they are the same."""
    labels = EVALUATIVE_ADJECTIVES.get(tok.lower_)
    if labels is None and tok.dep_ == "amod":
        labels = _PARTICIPLE_STANCES.get(tok.lower_)  # "my adored Annette": not "Theo adored her"
    if labels is None:
        return None
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    named = nxt is not None and _pos(nxt) == "PROPN"
    # "my kind Maria" parsed as a noun with a name in apposition: a possessive or "the" before it says it qualifies
    mistaken = named and tok.i > 0 and tok.nbor(-1).lower_ in _QUALIFIED_AFTER
    # "Poor Clerval!": the capital of a sentence's first word makes the parse take it for part of the name
    opening = tok.dep_ == "compound" and tok.is_sent_start and _pos(tok.head) == "PROPN"
    if tok.dep_ != "amod" and _pos(tok) != "ADJ" and not mistaken and not opening:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in ("not", "never") for c in tok.children):
        return None
    if tok.dep_ == "acomp" and teller is not None and tok.head.lower_ in _BEING:
        # said of someone by whoever tells: "She is so kind", "He is very nice", "You are too cruel"
        said_of = _child(tok.head, ("nsubj",))
        if said_of is None or any(c.dep_ == "neg" for c in tok.head.children):
            return None
        judged = reader.chars(said_of)
        return (teller, judged[0], labels) if len(judged) == 1 and judged[0] != teller else None
    # "the ridiculous Rodney"; a vocative the parse breaks ("my dearest Theo" as an adjective with an apposition)
    person = tok.head if tok.dep_ == "amod" or opening else nxt if named else None
    if person is None:
        return None
    if not reader.chars(person) and _pos(person) == "NOUN":
        called = _called_so(person, reader, labels)
        if called is not None:
            return called  # "Tom called Anna a wicked girl": Tom's stance, whoever tells it
        # "You are the most wicked child", "Get away, you wicked boy!": the one the noun is said of
        said_of = _child(person.head, ("nsubj",)) if person.dep_ == "attr" else _child(person, ("nsubj",))
        if said_of is None and person.dep_ == "attr" and person.head.dep_ == "conj":
            said_of = _child(person.head.head, ("nsubj",))  # "Caddy came to us and was a dear creature"
        if said_of is None and tok.i > 0 and tok.nbor(-1).lower_ == "you" and tok.nbor(-1).head in (person, tok):
            said_of = tok.nbor(-1)  # "You wicked girl!", the "you" parsed as the noun's modifier
        if said_of is None and person.lower_ in _LAMENTED and _set_apart(person):
            # "Poor dear, he looks very tired": the subject right after the lament ("I thought, no wonder, poor
            # thing!" says nothing of whom)
            said_of = next((t for t in person.doc[person.i + 2 : person.i + 4] if t.dep_ == "nsubj"), None)
        person = said_of if said_of is not None else person
    return _stance_toward(tok, person, reader, teller, labels)


_CALLING = frozenset("call calls called calling".split())
# what a lament calls someone it then speaks of ("Poor dear, he looks very tired", "Poor thing! she was ill")
_LAMENTED = frozenset("dear thing fellow soul creature lamb darling child".split())


def _set_apart(noun: Token) -> bool:
    """The noun is followed by a comma, a dash or an exclamation mark: said apart, as a lament is."""
    return noun.i + 1 < len(noun.doc) and noun.nbor().text in (",", "!", "—", "--", ";")


def _called_so(noun: Token, reader: _Reader, labels: _L) -> tuple[str, str, _L] | None:
    """(caller, the one called, labels) when ``noun`` is what someone calls someone: "Tom called Anna a wicked
    girl", "she called me an ungrateful girl", "he called him a scoundrel"."""
    verb = noun.head
    if noun.dep_ != "oprd" or verb.lower_ not in _CALLING or _negated(verb):
        return None
    called = _child(verb, ("dobj", "dative"))
    caller = _subject(verb)
    if called is None or caller is None:
        return None
    one, other = reader.chars(caller), reader.chars(called)
    if len(one) != 1 or len(other) != 1 or one == other:
        return None
    return one[0], other[0], labels


_THIS_OR_THAT = frozenset({"that", "this", "the"})


def _before_a_name(tok: Token) -> bool:
    """The word stands between "that" / "this" / "the" and a name: "that fiend Gagool"."""
    return 0 < tok.i < len(tok.doc) - 1 and tok.nbor(-1).lower_ in _THIS_OR_THAT and _pos(tok.nbor()) == "PROPN"


def _judged(tok: Token, reader: _Reader, teller: str | None) -> tuple[str, str, _L] | None:
    """``(experiencer, target, labels)`` of a noun that judges a person: a trait, toward its owner ("the
    haughtiness of *Mrs. Beaumont*", "*Gilbert's* insolence"), or an epithet, toward the one it is said of ("the
    virago *Madame Duval*", "that scoundrel *Wain*", "*Wain* is a scoundrel", "*you* scoundrel!"). Whose stance
    it is: as for an adjective before a person (:func:`_evaluative`). None when either is not a character,
    they are the same, or the epithet is denied ("he is no coward", "not a villain")."""
    if _pos(tok) != "NOUN":
        if tok.lower_ in EPITHETS and _before_a_name(tok):  # "that fiend Gagool had planned it", parsed as a verb
            return _stance_toward(tok, tok.nbor(), reader, teller, EPITHETS[tok.lower_])
        return None
    person: Token | None = None
    labels = TRAIT_NOUNS.get(tok.lower_)
    if labels is not None:
        person = _child(tok, ("poss",))
        of = _prep(tok.children, "of")
        if person is None and of is not None:
            person = _child(of, ("pobj",))
    else:
        labels = EPITHETS.get(tok.lower_)
        if labels is None:
            return None
        said = (*tok.children, *tok.head.children) if tok.dep_ == "attr" else tuple(tok.children)
        if any(c.lower_ in ("no", "not", "never") for c in said):
            return None
        called = _called_so(tok, reader, labels)
        if called is not None:
            return called  # "he called him a scoundrel": the caller's stance, whoever tells it
        named = _child(tok, ("appos",))
        if named is not None and _pos(named) == "PROPN":
            person = named  # "the virago Madame Duval", "that scoundrel Wain"
        elif tok.dep_ == "appos" and _pos(tok.head) == "PROPN":
            person = tok.head  # "Wain, the scoundrel"
        elif tok.dep_ == "attr":
            person = _child(tok.head, ("nsubj",))  # "Wain is a scoundrel", "you are an angel"
        elif tok.i > 0 and tok.nbor(-1).lower_ == "you":
            person = tok.nbor(-1)  # "you scoundrel!"
        elif _before_a_name(tok):
            person = tok.nbor()  # "that fiend Gagool laughed", which the parse reads as an adverb
    if person is None:
        return None
    return _stance_toward(tok, person, reader, teller, labels)


def _stance_toward(
    tok: Token, person: Token, reader: _Reader, teller: str | None, labels: _L
) -> tuple[str, str, _L] | None:
    """``(experiencer, target, labels)`` of a word at ``tok`` that judges ``person``: the stance of ``teller``
    (a quote's speaker, a first-person narrator), else of the subject of the sentence's main verb; None when
    either is not one character or they are the same."""
    targets = reader.chars(person)
    if len(targets) != 1:
        return None
    if teller is not None:
        exp: str | None = teller
    else:
        subj = _child(tok.sent.root, ("nsubj", "nsubjpass"))
        found = reader.chars(subj) if subj is not None and subj.i not in (person.i, tok.i) else []
        exp = found[0] if len(found) == 1 else None
    if exp is None or exp == targets[0]:
        return None
    return exp, targets[0], labels


def _clause_targets(tok: Token, reader: _Reader, skip: set[str]) -> list[str]:
    """Whom a feeling about a state of affairs is toward: the subject of the clause the emotion word governs,
    else its object ("sorry *she* is not well", "feared that *Aunt Juley and Frieda* were ...", "glad we
    kept *her*"). A clause after "be" + adjective hangs from the verb: "you're glad we kept her"."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses and tok.dep_ == "acomp":
        clauses = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i]
    for clause in clauses:
        for dep in (("nsubj", "nsubjpass"), ("dobj",)):
            word = _child(clause, dep)
            if word is None:
                continue
            found = [c for c in _person_or_owner(word, reader) if c not in skip]
            if not found and dep == ("dobj",) and word.lower_ in PRONOUNS and len(skip) == 1:
                # "glad we kept her": "her" is someone other than the one who is glad
                at = reader.unit.offset + word.idx
                other = _resolve_pronoun(reader.ctx, word.lower_, at, reader.unit.start, False, next(iter(skip)))
                found = [other] if other is not None and other not in skip else []
            if found:
                return found
    return []


def _infinitive_targets(tok: Token, reader: _Reader, skip: set[str]) -> list[str]:
    """Whom a feeling about doing something with someone is toward: the one the infinitive after the emotion
    word is done to ("so glad to see *us*", "eager to join *her cousin*", "his great desire to see *him*")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "acl", "advcl") and _pos(c) == "VERB" and _child(c, ("aux",)) is not None:
            found = _verb_targets(c, reader, skip)
            seen = _child(c, ("ccomp",))  # "to watch *them* growing more reckless"
            if not found and seen is not None:
                subj = _child(seen, ("nsubj",))
                found = [x for x in (reader.chars(subj) if subj is not None else []) if x not in skip]
            if found:
                return found
    return []


def _when_targets(tok: Token, reader: _Reader, feelers: set[str]) -> list[str]:
    """Whom a feeling is toward when a "when" / "as" clause on its verb tells what stirred it: the one who acts
    there ("he was furious when *Mara* laughed at him"), or, when the one who feels acts, the one it is done
    to ("she was delighted when she saw *Theo*", "felt a thrill of pleasure when he recognized *Aunt Lyddy*")."""
    verb = tok
    for _ in range(4):
        if _pos(verb) in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in clause.children
        ):
            continue
        subj = _child(clause, ("nsubj",))
        who = reader.chars(subj) if subj is not None else []
        if who and not set(who) & feelers:
            return who
        if who:
            return _verb_targets(clause, reader, feelers)
    return []


def _between(tok: Token, reader: _Reader) -> list[str]:
    """The characters after "between" attached to an emotion noun ("the friendship between A and B")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            obj = _child(c, ("pobj",))
            return reader.chars(obj) if obj is not None else []
    return []


# an emotion noun after one of these tells how the act of its verb is done: "looked at him with tenderness"
_MANNER_PREPOSITIONS = frozenset({"with", "in"})
# an emotion adjective in one of these places tells the state of the one who acts: "turned to him, furious"
_DEPICTIVE = frozenset({"acomp", "advcl", "dep", "npadvmod"})


def _object_targets(verb: Token, reader: _Reader) -> list[str]:
    """The characters of a verb's direct object (or its owner). The parse sometimes gives a verb two objects,
    a relative pronoun's and the real one ("what I already liked *Mrs. Grose* for"): the first that is
    someone."""
    for c in verb.children:
        if c.dep_ == "dobj":
            found = _person_or_owner(c, reader)
            if found:
                return found
    return []


def _person_or_owner(tok: Token, reader: _Reader) -> list[str]:
    """The characters of a token, else of its possessor: "admired *her* courage", "*his* kindness touched
    her", "recognized the turban *of Aunt Lyddy*"; for "no one but X", X ("loved no one but *Prince
    Andrew*")."""
    if tok.lower_ in _NO_ONE and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("but", "except", "save"):
        obj = _child(tok.doc[tok.i + 1], ("pobj",))  # wherever the parse hangs the "but"
        return reader.chars(obj) if obj is not None else []
    found = reader.chars(tok)
    owner = _child(tok, ("poss",))
    if not found and owner is not None:
        found = reader.chars(owner)
    if not found and _pos(tok) == "NOUN":  # "the red turban of old Aunt Lyddy"
        of = _prep(tok.children, "of")
        obj = _child(of, ("pobj",)) if of is not None else None
        found = reader.chars(obj) if obj is not None else []
    return found or _named_in(tok, reader)


_NO_ONE = frozenset({"one", "none", "nobody", "noone", "anyone", "anybody"})


def _named_in(tok: Token, reader: _Reader) -> list[str]:
    """The character a name compounded with a noun means: "that *Anne*-girl"."""
    name = _child(tok, ("compound",))
    return reader.chars(name) if name is not None and name.text[:1].isupper() else []


def _verb_targets(verb: Token, reader: _Reader, skip: set[str]) -> list[str]:
    """The characters an act is done to: the verb's direct object (or its owner), else the object of its
    "at / to / toward ..." ("she looked *at him*")."""
    obj = _child(verb, ("dobj",))
    out = [c for c in (_person_or_owner(obj, reader) if obj is not None else []) if c not in skip]
    return out or _prep_targets(verb, reader, skip)


# Gestures of tenderness: the doer's affection toward the one whose hand, arm or shoulder it is. A hand
# held or pressed ("he held *my* hand", "took *him* by the hand"), or one's own head or arm laid on another
# ("putting her arm round *his* neck", "put her head down on *Madame Ratignolle's* shoulder"). Never toward
# the doer's own ("she pressed her hands together"), and nothing negated.
_TOUCHING = frozenset({"hold", "clasp", "press", "squeeze", "take", "grasp", "stroke", "pat", "chafe", "fondle"})
_PLACING = frozenset(
    {"put", "lay", "rest", "lean", "throw", "fling", "wind", "twine", "slip", "pass", "place", "press", "raise", "lift"}
)
_TENDER_PARTS = frozenset(
    "hand hands finger fingers arm arms neck shoulder shoulders cheek cheeks hair forehead brow head lips waist "
    "knee knees palm wrist bosom breast".split()
)
_ONTO = frozenset(
    {"on", "upon", "round", "around", "about", "against", "in", "into", "over", "across", "through", "to"}
)
_GESTURE_LABELS: _L = {"love": 0.4, "caring": 0.4}
_GESTURE_LEMMAS: dict[str, str] = {f: v for v in _TOUCHING | _PLACING for f in _verb_forms(v)} | {
    "held": "hold", "took": "take", "taken": "take", "laid": "lay", "leant": "lean", "threw": "throw",
    "thrown": "throw", "flung": "fling", "wound": "wind", "putting": "put", "slipped": "slip",
    "slipping": "slip",
}  # fmt: skip
_GESTURE_FORMS = sorted(_GESTURE_LEMMAS, key=len, reverse=True)
# a sentence worth parsing for a gesture: one of its verbs, then within a few words a part of the body
_GESTURE = re.compile(
    r"\b(?:" + "|".join(_GESTURE_FORMS) + r")\b[^.;!?]{0,60}?\b(?:" + "|".join(sorted(_TENDER_PARTS)) + r")\b",
    re.IGNORECASE,
)


def _tender_part_owner(part: Token, reader: _Reader) -> list[str]:
    """Whose hand or shoulder a part of the body is: its possessor ("*his* neck", "*Madame R.'s* shoulder")."""
    owner = _child(part, ("poss",))
    return reader.chars(owner) if owner is not None else []


# parts one lays a hand or an arm on that are another's: "laying his hand on *his* shoulder" is someone else's
_OTHERS_PARTS = frozenset({"shoulder", "shoulders", "neck", "waist"})
# and the parts one takes, holds or presses, another's: "took her hand", "pressed his arm", "stroked her cheek"
_OTHERS_WHEN_TAKEN = frozenset({"hand", "arm", "cheek", "forehead"})


def _others_part_owner(part: Token, reader: _Reader, doers: list[str]) -> list[str]:
    """Whose shoulder, neck or waist a doer lays a hand or arm on: its possessor, but a he / she that the
    reading gives to the doer is the last other one of that gender before it ("The Professor stepped over, and
    laying his hand on *his* shoulder": John's)."""
    owner = _child(part, ("poss",))
    if owner is None:
        return []
    found = reader.chars(owner)
    if len(doers) == 1 and found == doers and owner.lower_ in ("his", "her"):
        at = reader.unit.offset + owner.idx
        other = _resolve_pronoun(reader.ctx, owner.lower_, at, reader.unit.start, False, doers[0])
        if other is None:  # no one else of that gender told of: the one who has just spoken ("... a man." The
            other = _last_speaker(reader.ctx, at)  # Professor stepped over, and laying his hand on his shoulder)
        return [other] if other is not None and other != doers[0] else []
    return found


def _last_speaker(ctx: _Context, offset: int) -> str | None:
    """The speaker of the last quote that ends before ``offset`` in the same paragraph or the one before."""
    i = bisect.bisect_left(ctx.quote_ends, offset, key=_end_of) - 1
    if i < 0:
        return None
    end, speaker = ctx.quote_ends[i]
    here = bisect.bisect_right(ctx.paragraph_starts, offset) - 1
    return speaker if bisect.bisect_right(ctx.paragraph_starts, end - 1) - 1 >= here - 1 else None


def _gesture(tok: Token, reader: _Reader, continued: str | None = None) -> tuple[list[str], list[str], _L] | None:
    """(doers, the ones it is toward, labels) of a gesture of tenderness whose verb is ``tok``, else None.
    ``continued``: the doer when the verb has no subject of its own (see :func:`_continued_doer`)."""
    lemma = _GESTURE_LEMMAS.get(tok.lower_)
    if lemma is None or _pos(tok) != "VERB" or _negated(tok):
        return None
    obj = _child(tok, ("dobj",))
    subj = _subject(tok)
    doers = reader.chars(subj) if subj is not None else []
    if not doers and lemma in _PLACING and obj is not None and obj.lower_ in _TENDER_PARTS:
        doers = _tender_part_owner(obj, reader)  # "added the saucy girl, putting *her* arm round his neck"
    if not doers and continued is not None:
        doers = [continued]
    if obj is None or not doers:
        return None
    whose: list[str] = []  # the owners of the parts touched, the doer's own among them
    withdrawn = any(c.lower_ in ("away", "back", "off", "from", "to") for c in tok.children)  # "took her hand away"
    if lemma in _TOUCHING and obj.lower_ in _OTHERS_WHEN_TAKEN and not withdrawn:
        # "Buffy took her hand": one does not take or press one's own hand, so a "her" the reading gives to the
        # doer is the last other woman (not "pressed her hand to her heart", nor "clasped her hands")
        whose += _others_part_owner(obj, reader, doers)
    elif lemma in _TOUCHING and obj.lower_ in _TENDER_PARTS:
        whose += _tender_part_owner(obj, reader)  # "held my hand"
    elif lemma in _TOUCHING:  # "took him by the hand"
        by = _prep(tok.children, "by")
        part = _child(by, ("pobj",)) if by is not None else None
        if part is not None and part.lower_ in _TENDER_PARTS:
            whose += reader.chars(obj)
    if lemma in _PLACING and obj.lower_ in _TENDER_PARTS:
        # "putting her arm round his neck" may be parsed with "round" as a verb hung elsewhere: the word right
        # after the part placed
        after = obj.right_edge.i + 1
        turned = [tok.doc[after]] if after < len(tok.doc) and tok.doc[after].lower_ in _ONTO else []
        for prep in (*tok.children, *turned):
            if prep.lower_ not in _ONTO or (prep.dep_ not in ("prep", "advcl", "advmod") and prep.i != after):
                continue
            onto = _child(prep, ("pobj", "dobj"))  # the parse may take "round his neck" for a verb and its object
            if onto is None:
                continue
            # one's own head or arm laid on another ("her head on his shoulder"), or another's hand brought to
            # oneself ("raised her hand to his lips")
            if onto.lower_ in _OTHERS_PARTS and prep.lower_ != "to":  # "put his hand to his neck": his own
                whose += _others_part_owner(onto, reader, doers)
            else:
                whose += _tender_part_owner(onto, reader) if onto.lower_ in _TENDER_PARTS else reader.chars(onto)
            whose += _tender_part_owner(obj, reader)
    toward = [c for c in dict.fromkeys(whose) if c not in doers]
    return (doers, toward, _GESTURE_LABELS) if doers and toward else None


# an embrace said without a part of the body: "pulled her into a hug", "held him until the shaking stopped",
# "leaned into her", "pressed a kiss to her forehead"
_PULLING = frozenset(_verb_forms("pull") + _verb_forms("draw") + _verb_forms("gather") + ["drew", "drawn"])
_INTO_AN_EMBRACE = frozenset({"hug", "embrace", "arms", "lap", "kiss"})
_HOLDING = frozenset({"hold", "holds", "held", "holding"})
_NOT_AN_EMBRACE = frozenset(
    {"back", "off", "up", "out", "down", "at", "to", "by", "for", "against", "responsible", "there", "here"}
)
_EMBRACE = re.compile(
    r"\b(?:pull(?:s|ed|ing)?|draws?|drew|drawing|gather(?:s|ed|ing)?)\b[^.;!?]{0,40}?\binto\b"
    r"|\b(?:hold|holds|held|holding)\s+(?:him|her|them|[A-Z]\w+)\b|\blean(?:s|ed|t|ing)?\s+into\b"
    r"|\bkiss(?:es)?\s+(?:to|on|upon|against)\b"
)


def _not_an_embrace(c: Token) -> bool:
    """A word hung on "held" that makes it no embrace: "held her back", "held him responsible", "held him there a
    prisoner", "held her at arm's length", "held him in contempt" (but "held her in his arms")."""
    if c.lower_ in _NOT_AN_EMBRACE:
        return True
    if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "npadvmod", "attr", "dative", "prt"):
        return True
    if c.dep_ == "prep":
        held_in = _child(c, ("pobj",))
        return not (c.lower_ == "in" and held_in is not None and held_in.lower_ in ("arms", "embrace"))
    return False


def _embrace(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(doers, the one embraced, labels) of an embrace no part of the body names: "pulled her into a hug",
    "held him until the shaking stopped", "held her in his arms", "leaned into her", "pressed a kiss to her
    forehead"; not "held her back", "held him responsible", "held her at arm's length", "held her breath"."""
    word = tok.lower_
    if _pos(tok) != "VERB" or _negated(tok):
        return None
    obj = _child(tok, ("dobj",))
    other: Token | None = None
    if word in _PULLING and obj is not None:
        into = _object_after(tok, "into")
        other = obj if into is not None and into.lower_ in _INTO_AN_EMBRACE else None
    elif word in _HOLDING and obj is not None and obj.lower_ not in RELATIVE_PRONOUNS:
        other = None if any(_not_an_embrace(c) for c in tok.children) else obj
    elif _GESTURE_LEMMAS.get(word) == "lean":
        other = _object_after(tok, "into")
    elif obj is not None and obj.lower_ in ("kiss", "kisses"):  # "pressed a kiss to her forehead"
        part = _object_after(tok, "to", "on", "upon", "against")
        if part is not None:
            other = _child(part, ("poss",)) if part.lower_ in _TENDER_PARTS else part
    if other is None:
        return None
    subj = _subject(tok)
    return _done_toward(subj, other, reader, _GESTURE_LABELS) if subj is not None else None


# a part of the body laid round or on someone with no verb of its own: "supported by her arm around him", "with
# her head on his shoulder", "his arm around her waist"; and leaning on someone
_LAID_PARTS = frozenset({"arm", "arms", "head", "hand", "hands", "cheek"})
_LAID_ON = frozenset({"around", "round", "about", "on", "upon", "against"})
_LEANING = frozenset(f for f, lemma in _GESTURE_LEMMAS.items() if lemma == "lean")
_LAID = re.compile(
    r"\b(?:(?:his|her|their|my|your|\w+['’]s)\s+(?:arms?|head|hands?|cheek)\s+(?:a?round|about|on|upon|against)"
    r"|lean(?:s|ed|t|ing)?\s+(?:on|upon|against))\b",
    re.IGNORECASE,
)


def _laid_on(tok: Token, reader: _Reader, continued: str | None = None) -> tuple[list[str], list[str], _L] | None:
    """(doers, the ones it is toward, labels) of a part of the body laid round or on someone with no verb of its
    own ("her arm around him", "her head on his shoulder": its owner toward him) or of leaning on someone
    ("she leaned on his shoulder", "leant against Tom"). None when the owner or the other is no one or the same."""
    low = tok.lower_
    if low in _LAID_PARTS and _pos(tok) == "NOUN":
        owner = _child(tok, ("poss",))
        doers = reader.chars(owner) if owner is not None else []
        after = tok.i + 1
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _LAID_ON]
        if not preps and after < len(tok.doc) and tok.doc[after].lower_ in _LAID_ON:
            preps = [tok.doc[after]]  # "with her head on his shoulder", the "on" hung on the verb
    elif low in _LEANING and _pos(tok) == "VERB" and _child(tok, ("dobj",)) is None:
        subj = _child(tok, _SUBJECTS) or (_child(tok.head, _SUBJECTS) if tok.dep_ == "conj" else None)
        doers = reader.chars(subj) if subj is not None else ([continued] if continued is not None else [])
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _LAID_ON]
    else:
        return None
    toward: list[str] = []
    for prep in preps:
        onto = _child(prep, ("pobj",))
        if onto is None:
            continue
        toward += _tender_part_owner(onto, reader) if onto.lower_ in _TENDER_PARTS else reader.chars(onto)
    toward = [c for c in dict.fromkeys(toward) if c not in doers]
    return (doers, toward, _GESTURE_LABELS) if doers and toward else None


# what people are to each other: "Tom and Huck were friends", "she made friends with Anne"
_FELLOWS: dict[str, _L] = {
    "friends": {"caring": 0.5},
    "enemies": {"anger": 0.4, "disapproval": 0.4},
    "lovers": {"love": 0.6},
    "sweethearts": {"love": 0.6},
    "rivals": {"annoyance": 0.4, "disapproval": 0.3},
    "foes": {"anger": 0.4, "disapproval": 0.4},
}
_FELLOW_VERBS = frozenset(
    "be is are was were been being become becomes became becoming grow grows grew grown growing remain remains "
    "remained stay stays stayed make makes made making".split()
)
_FELLOW: dict[str, _L] = {"friend": _FELLOWS["friends"], "enemy": _FELLOWS["enemies"], "lover": _FELLOWS["lovers"],
                          "sweetheart": _FELLOWS["sweethearts"], "rival": _FELLOWS["rivals"],
                          "foe": _FELLOWS["foes"]}  # fmt: skip
_FELLOWSHIP = re.compile(r"\b(?:friends?|enem(?:y|ies)|lovers?|sweethearts?|rivals?|foes?)\b", re.IGNORECASE)


def _fellows(tok: Token, reader: _Reader) -> tuple[list[str], _L] | None:
    """The people a plural noun of fellowship says are friends, enemies or lovers of each other, and its labels:
    the subject's people ("*Tom and Huck* were friends", "*Merrylegs and I* became great friends", "they were the
    best of friends"), with the one after "with" ("*she* made friends with *Anne*", "was good friends with
    *Jim*"), or a singular one with whose it is ("Dodger was a good friend *of Miss Florence*", "Tom was *her*
    friend"). Each feels it toward each other one. None when denied ("were not friends") or fewer than two."""
    if tok.lower_ in _FELLOW:
        return _one_fellow(tok, reader)
    labels = _FELLOWS.get(tok.lower_)
    if labels is None or _pos(tok) != "NOUN":
        return None
    noun = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "attr":
        noun = tok.head.head  # "the best of friends"
    if noun.dep_ not in ("attr", "dobj") or noun.head.lower_ not in _FELLOW_VERBS:
        return None
    verb = noun.head
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in (*verb.children, *noun.children)):
        return None
    subj = _child(verb, ("nsubj",))
    if subj is None:
        return None
    people = reader.chars(subj)
    with_ = _prep(tok.children, "with") or _prep(verb.children, "with")
    other = _child(with_, ("pobj",)) if with_ is not None else None
    if other is not None:
        people += [c for c in reader.chars(other) if c not in people]
    return (people, labels) if 2 <= len(people) <= 4 else None


def _one_fellow(tok: Token, reader: _Reader) -> tuple[list[str], _L] | None:
    """ "Dodger was a good friend of Miss Florence", "Tom was her friend", "he had become Anne's enemy": the
    subject and the one whose friend (enemy, lover) it is, each toward the other."""
    said = _said_to_be(tok, ("of",)) or _apposed_to(tok)
    if said is None:
        return None
    subj, whose = said
    people = reader.chars(subj)
    people += [c for c in reader.chars(whose) if c not in people]
    return (people, _FELLOW[tok.lower_]) if len(people) == 2 else None


def _apposed_to(tok: Token) -> tuple[Token, Token] | None:
    """(the one described, whose) for a noun set beside a name: "Dodger, a good friend of Miss Florence, came
    in"."""
    if tok.dep_ != "appos":
        return None
    of = _prep(tok.children, "of")
    whose = _child(tok, ("poss",)) or (_child(of, ("pobj",)) if of is not None else None)
    return (tok.head, whose) if whose is not None else None


def _done_toward(subj: Token, whom: Token, reader: _Reader, labels: _L) -> tuple[list[str], list[str], _L] | None:
    """(the doers, the others it is done to, labels) of an act whose doer is ``subj`` and whose object is ``whom``;
    None when either side has no character."""
    doers = reader.chars(subj)
    toward = [c for c in reader.chars(whom) if c not in doers]
    return (doers, toward, labels) if doers and toward else None


def _fellow_named(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(whose friend, the friend, labels) for a friend, an enemy or a lover named by whose it is ("his friend
    Prince Andrew", "our old friend Infadoos", "“My friend Vincy ...”", "his old enemy Sabor"), (the one, whose,
    labels) for a role toward someone so named ("her nurse Martha"), and (the subject, the one, labels) for
    someone looked upon, regarded or treated as a friend ("Florence looked upon Percy as a friend")."""
    word = tok.lower_
    if word not in _FELLOW and word not in _ROLES_TOWARD:
        return None
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
        return None
    poss = _child(tok, ("poss",))
    if poss is not None:
        named = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "compound" else [])
        for name in named:
            one = reader.chars(name)
            owners = [c for c in reader.chars(poss) if c not in one]
            if one and owners:
                # "his old enemy Sabor": the owner's; "her nurse Martha": the nurse's, toward the one nursed
                return (owners, one, _FELLOW[word]) if word in _FELLOW else (one, owners, _ROLES_TOWARD[word])
        return None
    if word != "friend":
        return None
    if tok.dep_ != "pobj" or tok.head.lower_ != "as" or _pos(tok.head.head) != "VERB" or _negated(tok.head.head):
        return None
    verb = tok.head.head
    obj = _child(verb, ("dobj",))
    if obj is None:
        upon = _prep(verb.children, "upon") or _prep(verb.children, "on")
        obj = _child(upon, ("pobj",)) if upon is not None else None
    subj = _subject(verb)
    if obj is None or subj is None:
        return None
    return _done_toward(subj, obj, reader, _FELLOW["friend"])


def _said_to_be(tok: Token, preps: tuple[str, ...]) -> tuple[Token, Token] | None:
    """(subject, whose) when the noun ``tok`` is said of a subject and belongs to someone: "*Tom* was a friend of
    *Anne*", "*he* was past work now, but was a great favorite with *the master*", "*Tom* was *Anne's* pet";
    None when denied ("Jim was not her friend") or either is missing."""
    verb = tok.head
    if tok.dep_ != "attr" or verb.lower_ not in _FELLOW_VERBS:
        return None
    if _pos(tok) != "NOUN" and not any(c.dep_ == "det" for c in tok.children):
        return None  # "a favorite", tagged an adjective, is still a noun with its article
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in (*verb.children, *tok.children)):
        return None
    subj = _child(verb, ("nsubj",))
    if subj is None and verb.dep_ == "conj":
        subj = _child(verb.head, ("nsubj",))  # "he was past work now, but was a great favorite"
    # the preposition on the noun or, as the parse may hang it, on the verb: "was a great favorite with John"
    prep = next((p for p in (_prep(h.children, w) for h in (tok, verb) for w in preps) if p is not None), None)
    whose = _child(tok, ("poss",)) or (_child(prep, ("pobj",)) if prep is not None else None)
    return (subj, whose) if subj is not None and whose is not None else None


def _end_of(quote_end: tuple[int, str | None]) -> int:
    return quote_end[0]


def _continued_doer(ctx: _Context, u: _Unit) -> str | None:
    """The one who does what a narration sentence tells when it goes on, in lower case, from a quote just
    before it in the same paragraph ("“Ever the best of friends,” said Joe, and clasped my hand"): that quote's
    speaker; else None."""
    text = ctx.story.text
    if u.quote is not None or not text[u.start : u.end].lstrip(" \t\"”’'—-")[:1].islower():
        return None
    k = bisect.bisect_right(ctx.quote_ends, u.start, key=_end_of) - 1  # by end alone: a speaker may be None
    if k < 0:
        return None
    end, speaker = ctx.quote_ends[k]
    between = text[end : u.start]
    return speaker if "\n" not in between and not between.strip(" \t,;—-") else None


# How well one thinks of someone: "our master thought a great deal of her", "he thought highly of Mary" (esteem:
# admiration), "she thought little of Tom" (disapproval); "did not think much of him" is the low one.
_THINKING = frozenset({"think", "thinks", "thought", "thinking"})
_THOUGHT_HIGH = frozenset({"highly", "much", "deal", "world", "well", "better", "kindly"})
_THOUGHT_LOW = frozenset({"little", "ill", "poorly", "lightly", "meanly", "nothing", "less", "worse"})
_THOUGHT_MEASURES = _THOUGHT_HIGH | _THOUGHT_LOW
_ESTEEM: _L = {"admiration": 0.6}
_DISESTEEM: _L = {"disapproval": 0.5}
_THOUGHT_OF = re.compile(r"\b(?:think|thinks|thought|thinking)\s+(?:[a-z]+\s+){0,3}?of\b", re.IGNORECASE)


def _shows_a_stance(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a stance no emotion word names, worth parsing for: a gesture of
    tenderness (:func:`_gesture`), how well one thinks of someone (:func:`_esteem`) or what people are to each
    other (:func:`_fellows`)."""
    stances = (
        _GESTURE,
        _LAID,
        _THOUGHT_OF,
        _FELLOWSHIP,
        _FAVOURITE_WORD,
        _MANNER_WORD,
        _ROLE_WORD,
        _PHRASAL,
        _PLEASING,
        _EMBRACE,
        _GIFT,
        _HAND_HELD_OUT,
        _RAN_TO_MEET,
        _REFUSED_TO,
    )
    return any(p.search(text, start, end) for p in stances)


_FAVOURITES = frozenset({"favorite", "favourite", "darling", "pet", "idol"})
_FAVOURITE_WORD = re.compile(r"\b(?:favou?rite|darling|pet|idol)\b", re.IGNORECASE)
_FAVOURED: _L = {"love": 0.6}


def _favourite(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(the ones who favour, the favoured, labels) for "Sir Oliver was a great favorite with the master", "she
    was the darling of her father", "Tom was Anne's pet": the one it is with, of or whose, toward the subject."""
    said = _said_to_be(tok, ("with", "of")) if tok.lower_ in _FAVOURITES else None
    if said is None:
        return None
    subj, whose = said
    favoured = reader.chars(subj)
    fond = [c for c in reader.chars(whose) if c not in favoured]
    if not fond:  # "a favorite with every one, and especially with Miss Jessie and Flora": the ones named
        for prep in (c for h in (tok, tok.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
            obj = _child(prep, ("pobj",))
            fond = [c for c in (reader.distinct([obj, *obj.conjuncts]) if obj is not None else []) if c not in favoured]
            if fond:
                break
    return (fond, favoured, _FAVOURED) if fond and favoured else None


# how one is to someone ("Willow was kind to Buffy", "he was cruel to her"): the subject's stance toward them
_KIND_TO: _L = {"caring": 0.5}
_CRUEL_TO: _L = {"disapproval": 0.4, "annoyance": 0.3}
_MANNERS_TO: dict[str, _L] = {
    **{word: _KIND_TO for word in "kind gentle tender good sweet affectionate generous patient".split()},
    **{word: _CRUEL_TO for word in "cruel harsh rude unkind cold curt unjust".split()},
}
_MANNER_WORD = re.compile(r"\b(?:" + "|".join(_MANNERS_TO) + r")\s+(?:to|with|towards?)\b", re.IGNORECASE)

# what one is to someone, said of them ("Henry was my only nurse", "he had been her tormentor"): the subject's
# stance toward the one whose it is
_ROLES_TOWARD: dict[str, _L] = {
    **{word: _KIND_TO for word in "nurse protector protectress comforter consoler defender".split()},
    **{word: _CRUEL_TO for word in "tormentor persecutor oppressor tyrant".split()},
}
_ROLE_WORD = re.compile(r"\b(?:" + "|".join(_ROLES_TOWARD) + r")\b", re.IGNORECASE)


def _role_toward(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(the subject, whose, labels) for a role toward someone said of a subject: "Henry was my only nurse",
    "Jenkins had been his tormentor", "she was the protector of the orphans"; not when denied."""
    labels = _ROLES_TOWARD.get(tok.lower_)
    said = _said_to_be(tok, ("of", "to")) if labels is not None else None
    if labels is None or said is None:
        return None
    subj, whose = said
    return _done_toward(subj, whose, reader, labels)


def _manner_toward(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(the subject, the one after "to" / "with", labels) for "Willow was kind to Buffy", "he was cruel to
    her"; not when denied ("was not kind to her")."""
    labels = _MANNERS_TO.get(tok.lower_)
    if labels is None or tok.dep_ != "acomp" or _negated(tok.head) or _negated(tok):
        return None
    subj = _child(tok.head, ("nsubj",))
    other = _object_after(tok, "to", "with", "toward", "towards")
    if subj is None or other is None:
        return None
    return _done_toward(subj, other, reader, labels)


# stances said by a verb and its particle or preposition, no emotion word: "shouted at him", "looked up to her",
# "could not stand him", "was tired of her", "was disappointed in him", "rolled her eyes at him"
_AT_IN_ANGER = frozenset("shout shouts shouted shouting yell yells yelled yelling scream screamed snap snapped "
                         "bark barked roar roared hiss hissed snarl snarled growl growled".split())  # fmt: skip
_WEARY = frozenset({"tired", "sick", "weary"})
_PHRASAL = re.compile(
    r"\b(?:(?:shout|yell|scream|snapp?|bark|roar|hiss|snarl|growl)(?:s|ed|ing)?\s+at|look(?:s|ed|ing)?\s+up\s+to"
    r"|(?:tired|sick|weary)\s+of|disappointed\s+(?:in|with)|eyes\s+at|laugh(?:s|ed|ing)?\s+at"
    r"|(?:hold|holds|held|holding)\s+\w+\s+(?:close|closer|tight|tightly)|reach(?:es|ed|ing)?\s+for|eyes\s+off"
    r"|watch(?:es|ed|ing)?\s+over|look(?:s|ed|ing)?\s+after|(?:plead(?:s|ed|ing)?|pled)\s+for"
    r"|(?:out|offer(?:s|ed|ing)?|extend(?:s|ed|ing)?|proffer(?:s|ed|ing)?)\s+(?:\w+\s+)?(?:his|her|their|my|a)\s+hand)\b"
    r"|(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?(?:stand|bear|abide)\b"
    r"|\b(?:look(?:s|ed|ing)?\s+down\s+(?:up)?on|dot(?:e|es|ed|ing)\s+(?:up)?on|pin(?:e|es|ed|ing)\s+for"
    r"|(?:won|win|wins|winning|gained|stole|stolen)\s+[\w'’]+\s+heart|lost\s+\w+\s+heart\s+to|on\s+[\w'’]+\s+nerves"
    r"|confid(?:e|es|ed|ing)\s+in|turn(?:s|ed|ing)?\s+(?:his|her|their|my|our|your)\s+backs?\s+(?:up)?on)\b",
    re.IGNORECASE,
)
_SUBJECTS = ("nsubj", "nsubjpass")
_SHOUTED_AT: _L = {"anger": 0.5}
_LOOKED_UP_TO: _L = {"admiration": 0.6}
_COULD_NOT_STAND: _L = {"disgust": 0.5, "annoyance": 0.3}
_LOOKED_DOWN_ON: _L = {"disapproval": 0.5}
_DOTED_ON: _L = {"love": 0.7}
_PINED_FOR: _L = {"desire": 0.5, "sadness": 0.3}
_HEART_WON: _L = {"love": 0.6}
_ON_NERVES: _L = {"annoyance": 0.6}
_WIN_HEART = frozenset("win wins won winning gain gains gained steal steals stole stolen".split())
_WEARY_OF: _L = {"annoyance": 0.5}
_DISAPPOINTED_IN: _L = {"disappointment": 0.6}
_ROLLED_EYES_AT: _L = {"annoyance": 0.5}
_LAUGHED_AT: _L = {"disapproval": 0.5}  # mockery of someone; laughing at a joke or a thing is amusement
_CLOSE = frozenset({"close", "closer", "tight", "tightly"})
_EYES_ON: _L = {"admiration": 0.5, "desire": 0.3}  # "could not take her eyes off him"
_WATCHED_OVER: _L = {"caring": 0.5}  # "watched over him", "looked after her", "pleaded for him"
_CONFIDED_IN: _L = {"admiration": 0.5}  # trust, as "trusted him" is
_BACK_TURNED: _L = {"disapproval": 0.5}  # "turned her back on him": a snub
_HAND_OFFERED: _L = {"caring": 0.4}  # "held out his hand to her", "offered him her hand": a friendly greeting
_OFFERING = frozenset(f for v in ("offer", "extend", "proffer", "stretch") for f in _verb_forms(v))
_HAND_VERBS = _OFFERING | {f for f, lemma in _GESTURE_LEMMAS.items() if lemma in ("hold", "put")}
_PLEAD = frozenset([*_verb_forms("plead"), "pled"])
# a subject pronoun and the possessive it owns ("he held out *his* hand")
_OWN_POSSESSIVE = {"he": "his", "she": "her", "they": "their", "i": "my", "we": "our"}


def _turned_back(tok: Token) -> Token | None:
    """The "back" of "turned her back on him", however the parse hangs it (the back as the object, or "her" as
    the object and "back" as an adverb); None for "turned back" alone or "turned the key back"."""
    back = next((c for c in tok.children if c.lower_ in ("back", "backs")), None)
    if back is None:
        return None
    owned = _child(back, ("poss",)) is not None or any(
        c.dep_ == "dobj" and c.lower_ in _OWN_POSSESSIVE.values() for c in tok.children
    )
    return back if owned else None


def _phrasal_stance(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(doers, the one it is toward, labels) for a stance a verb says with its particle or preposition:
    "shouted at Buffy" (anger), "looked up to her" (admiration), "could not stand him" (dislike), "was tired
    of her" (annoyance), "was disappointed in him", "rolled her eyes at him", "laughed at him" (mockery), "held
    her close", "reached for his hand" (tenderness), "could not take her eyes off him" (admiration); not when
    denied (but "could not stand", "could not take her eyes off" are the denial)."""
    word = tok.lower_
    other: Token | None = None
    labels: _L | None = None
    head = tok
    if word in _AT_IN_ANGER:
        other, labels = _object_after(tok, "at"), _SHOUTED_AT
    elif word in ("look", "looks", "looked", "looking") and any(c.lower_ == "up" for c in tok.children):
        other, labels = _object_after(tok, "to"), _LOOKED_UP_TO
    elif word in ("stand", "bear", "abide") and _negated(tok):
        other, labels = _child(tok, ("dobj",)), _COULD_NOT_STAND
    elif word in ("look", "looks", "looked", "looking") and any(c.lower_ == "down" for c in tok.children):
        other, labels = _object_after(tok, "on", "upon"), _LOOKED_DOWN_ON  # "looked down on her"
    elif word in ("dote", "dotes", "doted", "doting"):
        other, labels = _object_after(tok, "on", "upon"), _DOTED_ON
    elif word in ("pine", "pines", "pined", "pining"):
        other, labels = _object_after(tok, "for"), _PINED_FOR
    elif (
        word in ("lose", "loses", "lost", "losing")
        and (lost := _child(tok, ("dobj",))) is not None
        and lost.lower_ == "heart"
    ):
        other, labels = _object_after(tok, "to"), _HEART_WON  # "he lost his heart to her"
    elif word in _WIN_HEART and (heart := _child(tok, ("dobj",))) is not None and heart.lower_ == "heart":
        # "Mary won Walter's heart": his, toward her
        owner = _child(heart, ("poss",))
        subj = _child(tok, _SUBJECTS)
        if owner is None or subj is None or _negated(tok):
            return None
        won = reader.chars(subj)
        lovers = [c for c in reader.chars(owner) if c not in won]
        return (lovers, won, _HEART_WON) if lovers and won else None
    elif word == "nerves" and tok.head.lower_ == "on" and (owner := _child(tok, ("poss",))) is not None:
        # "she got on his nerves": his annoyance with her
        verb = tok.head.head
        subj = _child(verb, _SUBJECTS) if _pos(verb) in ("VERB", "AUX") else None
        if subj is None or _negated(verb):
            return None
        annoying = reader.chars(subj)
        annoyed = [c for c in reader.chars(owner) if c not in annoying]
        return (annoyed, annoying, _ON_NERVES) if annoyed and annoying else None
    elif word in _WEARY or word == "disappointed":
        other = _object_after(tok, "of") if word in _WEARY else _object_after(tok, "in", "with")
        labels, head = (_WEARY_OF if word in _WEARY else _DISAPPOINTED_IN), tok.head
    elif word in ("roll", "rolls", "rolled", "rolling") and any(c.lower_ == "eyes" for c in tok.children):
        other, labels = _object_after(tok, "at"), _ROLLED_EYES_AT
    elif word in ("laugh", "laughs", "laughed", "laughing"):
        other, labels = _object_after(tok, "at"), _LAUGHED_AT
        if other is not None and _pos(other) not in ("PRON", "PROPN"):
            other = None  # "laughed at his jokes", "at the thought": at a thing, not at someone
    elif word in ("reach", "reaches", "reached", "reaching"):
        part = _object_after(tok, "for")  # "reached for his hand": for a part of someone, not "for the door"
        other, labels = (
            (_child(part, ("poss",)) if part is not None and part.lower_ in _TENDER_PARTS else None),
            _GESTURE_LABELS,
        )
    elif _GESTURE_LEMMAS.get(word) == "take" and _negated(tok):
        eyes = _child(tok, ("dobj",))
        if eyes is not None and eyes.lower_ == "eyes":  # "could not take her eyes off him", "off" on either
            off = _object_after(tok, "off")
            other, labels = (off if off is not None else _object_after(eyes, "off")), _EYES_ON
    elif word in ("watch", "watches", "watched", "watching") and _object_after(tok, "over") is not None:
        other, labels = _object_after(tok, "over"), _WATCHED_OVER
    elif word in ("look", "looks", "looked", "looking") and _object_after(tok, "after") is not None:
        other, labels = _object_after(tok, "after"), _WATCHED_OVER
    elif word in _PLEAD:
        other, labels = _object_after(tok, "for"), _WATCHED_OVER  # "pleaded for Uncas", not "with" the judge
    elif word in ("confide", "confides", "confided", "confiding"):
        other, labels = _object_after(tok, "in"), _CONFIDED_IN  # "confided in me"; "confided that ..." is none
    elif word in ("turn", "turns", "turned", "turning") and (back := _turned_back(tok)) is not None:
        other, labels = _object_after(tok, "on", "upon") or _object_after(back, "on", "upon"), _BACK_TURNED
    elif word in _HAND_VERBS and _offered_hand(tok):
        other, labels = _object_after(tok, "to") or _child(tok, ("dative",)), _HAND_OFFERED
    elif _GESTURE_LEMMAS.get(word) == "hold":
        other, labels = _child(tok, ("dobj",)), _GESTURE_LABELS  # "held him tightly"
        if other is not None and other.lower_ in _CLOSE:
            other = _child(other, ("poss", "compound", "amod"))  # "held her close", parsed as her closeness
        elif not any(c.lower_ in _CLOSE for c in tok.children):
            other = None
    denial_is_the_stance = labels is _COULD_NOT_STAND or labels is _EYES_ON  # "could not stand him"
    if other is None or labels is None or (not denial_is_the_stance and _negated(tok)):
        return None
    subj = _child(tok, _SUBJECTS) or _child(head, _SUBJECTS)
    for _ in range(2):  # "she turned and shouted at him", "wanted to shout at him", "felt bound to watch over him"
        infinitive = head.dep_ == "advcl" and _child(head, ("aux",)) is not None  # "came in to confide in me"
        if subj is not None or (head.dep_ not in ("conj", "xcomp", "acomp") and not infinitive):
            break
        head = head.head
        subj = _child(head, _SUBJECTS)
    if subj is None:
        return None
    return _done_toward(subj, other, reader, labels)


_RETURNED = frozenset(_verb_forms("return")) | frozenset(_verb_forms("reciprocate"))


def _returned(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(the one who returns it, the one whose feeling it was, its labels) for a feeling returned: "Marion
    returned his love", "his love was returned by her", "her affection was reciprocated by Walter"."""
    if tok.lower_ not in _RETURNED or _pos(tok) != "VERB" or _negated(tok):
        return None
    if _child(tok, ("nsubjpass",)) is not None:
        feeling = _child(tok, ("nsubjpass",))
        doer = _doer(tok)
    else:
        feeling, doer = _child(tok, ("dobj",)), _subject(tok)
    if feeling is not None and feeling.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
        feeling = tok.head  # "into love, which was reciprocated by the child"
    labels = EMOTION_NOUNS.get(feeling.lower_) if feeling is not None else None
    owner = _child(feeling, ("poss",)) if feeling is not None else None
    if labels is None or owner is None or doer is None:
        return None
    returning = reader.chars(doer)
    whose = [c for c in reader.chars(owner) if c not in returning]
    return (returning, whose, labels) if returning and whose else None


# what one tries or longs to do in pleasing someone: "she tried to please him", "anxious to please her"
_TRYING = frozenset(
    [form for verb in ("try", "wish", "want", "seek", "strive", "endeavour", "endeavor", "long", "study")
     for form in _verb_forms(verb)]
    + "sought strove striven anxious eager desirous keen".split()
)  # fmt: skip
_PLEASE_WARMTH: _L = {"caring": 0.5}
_PLEASING = re.compile(r"\bto\s+please\b", re.IGNORECASE)


def _to_please(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(who tries, whom, labels) for trying to please someone: "Mary wished and tried to please him", "he was
    anxious to please her"; not "it pleased him", nor a polite "please"."""
    if tok.lower_ != "please" or tok.dep_ != "xcomp" or _child(tok, ("aux",)) is None or _negated(tok.head):
        return None
    trying = tok.head
    if trying.lower_ not in _TRYING:
        return None
    whom = _child(tok, ("dobj",))
    subj = _subject(trying) if _pos(trying) in ("VERB", "AUX") else _child(trying.head, ("nsubj",))
    if whom is None or subj is None:
        return None
    return _done_toward(subj, whom, reader, _PLEASE_WARMTH)


# running to meet someone: "Miss Mirvan ran out to meet me", "he hurried forward to greet her", "came running to
# meet him"; an eagerness, not a meeting by chance or by appointment ("went to meet the coach", "met him")
_HASTE = frozenset(
    [f for v in ("run", "hurry", "hasten", "rush", "fly", "spring", "dart", "hie") for f in _verb_forms(v)]
    + "ran running flew sprang sprung darted".split()
)
_MEETING = frozenset([*_verb_forms("meet"), *_verb_forms("greet"), "met"])
_RAN_TO_MEET = re.compile(
    r"\b(?:ran|run|running|runs|hurr\w*|hasten\w*|rush\w*|flew|fly|flying|sprang|darted|came\s+running)\b"
    r"[^.;!?]{0,25}?\bto\s+(?:meet|greet)\b",
    re.IGNORECASE,
)
_EAGER_TO_MEET: _L = {"joy": 0.5}


def _ran_to_meet(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(who ran, whom to, labels) for running, hurrying or flying to meet or greet someone."""
    if tok.lower_ not in _MEETING or tok.dep_ not in ("xcomp", "advcl") or _child(tok, ("aux",)) is None:
        return None
    ran = tok.head
    hasty = ran.lower_ in _HASTE or any(c.lower_ in _HASTE for c in ran.children if c.dep_ in ("xcomp", "advcl"))
    whom = _child(tok, ("dobj",))
    if not hasty or whom is None or _negated(ran):
        return None
    subj = _subject(ran)
    for came in ran.children if subj is None else ():
        if came.dep_ == "aux":  # "Mary came running to meet him": the parse makes "came" an auxiliary
            subj = _child(came, ("nsubj",)) or subj
    return _done_toward(subj, whom, reader, _EAGER_TO_MEET) if subj is not None else None


# refusing to see someone: "she refused to visit her", "declined to receive him", "refused to speak to him"; a
# snub, not a refusal to do a thing ("refused to go"), nor one to marry (said of love as often as of dislike)
_REFUSING = frozenset([*_verb_forms("refuse"), *_verb_forms("decline")])
_SNUBBING = frozenset(
    f
    for v in ("visit", "see", "receive", "meet", "acknowledge", "know", "notice", "forgive", "help", "speak")
    for f in _verb_forms(v)
)
_REFUSED_TO = re.compile(
    r"\b(?:refus|declin)\w*\s+to\s+(?:\w+\s+)?(?:visit|see|receive|meet|acknowledge|know|notice|forgive|help|speak)",
    re.IGNORECASE,
)
_SNUB: _L = {"disapproval": 0.5}


def _refused_to(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(who refused, whom, labels) for refusing or declining to see, receive or speak to someone."""
    if tok.lower_ not in _SNUBBING or tok.dep_ != "xcomp" or tok.head.lower_ not in _REFUSING or _negated(tok.head):
        return None
    whom = _child(tok, ("dobj",))
    if whom is None:  # "refused to speak to him"
        to = _prep(tok.children, "to") or _prep(tok.children, "with")
        whom = _child(to, ("pobj",)) if to is not None else None
    subj = _subject(tok.head)
    if whom is None or subj is None:
        return None
    refusers = reader.chars(subj)
    if len(refusers) == 1 and whom.lower_ in PRONOUNS and set(reader.chars(whom)) <= set(refusers):
        other = reader.other_than(whom, refusers[0])  # "she refused to visit her": another she
        return (refusers, [other], _SNUB) if other is not None else None
    return _done_toward(subj, whom, reader, _SNUB)


# a present given or bought for someone: "gave her a ring", "sent him a pair of shawls", "bought some cameos for
# Celia", "bestowed a locket on her"; giving a blow, a look, an answer or a letter to deliver is no present
_GIVING = frozenset(
    f for v in ("give", "send", "bring", "hand", "offer", "present", "bestow", "buy", "fetch") for f in _verb_forms(v)
) | {"gave", "given", "sent", "brought", "bought"}
_BUYING = frozenset([*_verb_forms("buy"), "bought", *_verb_forms("bestow")])
_GIFTS = frozenset(
    "present presents gift gifts ring rings flower flowers bouquet nosegay posy money purse keepsake locket "
    "jewel jewels jewellery jewelry necklace bracelet brooch pearls trinket trinkets shawl shawls bonnet fan "
    "cameo cameos toy toys doll chessmen chess-men preserves sweets dainties sweetmeats cake cakes".split()
)
_GIFT = re.compile(
    r"\b(?:gave|give|gives|giving|given|sent|send|sends|brought|bring|brings|hand(?:ed|s)?|offer(?:ed|s)?|"
    r"present(?:ed|s)?|fetch(?:ed|es)?)\b[^.;!?]{0,60}?\b(?:" + "|".join(sorted(_GIFTS)) + r")\b"
    r"|\b(?:bought|buy|buys|buying)\b[^.;!?]{0,60}?\bfor\b|\bbestow",
    re.IGNORECASE,
)
_GIFT_KINDNESS: _L = {"caring": 0.4}
# a sentence worth parsing for a hand held out to someone ("stretched forth his hand to her")
_HAND_HELD_OUT = re.compile(
    r"\b(?:stretch|extend|proffer|offer)\w*\s+(?:out\s+|forth\s+)?(?:his|her|a|my)\s+hand\b", re.I
)


def _gift(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(givers, the one given to, labels) for a present given, sent or bought for someone: kindness toward
    them ("gave her a ring", "sent him a pair of shawls", "bought some cameos for Celia"); not "gave him a
    blow", "handed her the letter", nor one denied."""
    if tok.lower_ not in _GIVING or _pos(tok) != "VERB" or _negated(tok):
        return None
    thing = _child(tok, ("dobj",))
    if thing is None or reader.chars(thing):
        return None
    buying = tok.lower_ in _BUYING
    of = _prep(thing.children, "of") if thing.lower_ in ("pair", "box", "basket", "bunch") else None
    held = _child(of, ("pobj",)) if of is not None else None  # "a pair of shawls", "a box of sweets"
    if not buying and thing.lower_ not in _GIFTS and held is None:
        return None
    given = _child(tok, ("dative",))
    if given is not None and given.lower_ in ("to", "for"):  # "gave the ring to Mary": the "to" is the dative
        given = _child(given, ("pobj",))
    if given is None:
        given = _object_after(tok, "for", "to", "on", "upon")
    subj = _subject(tok)
    if given is None or subj is None:
        return None
    givers = reader.chars(subj)
    toward = [c for c in reader.chars(given) if c not in givers]
    return (givers, toward, _GIFT_KINDNESS) if givers and toward else None


def _offered_hand(tok: Token) -> bool:
    """``tok`` holds out, offers or extends the doer's own hand ("held out his hand", "offered her hand",
    "proffered a hand"), not someone else's ("held his hand" is his)."""
    hand = _child(tok, ("dobj",))
    if hand is None or hand.lower_ != "hand":
        return False
    owner = _child(hand, ("poss",))
    out = any(c.lower_ in ("out", "forth") for c in tok.children)
    return (out or tok.lower_ in _OFFERING) and (owner is None or _subject_owns(tok, owner))


def _subject_owns(tok: Token, owner: Token) -> bool:
    """The possessive ``owner`` is the verb's own subject's ("he held out *his* hand"), as far as words tell."""
    subj = _child(tok, _SUBJECTS)
    if subj is None:
        return owner.lower_ in ("his", "her", "their", "my")
    if subj.lower_ in _OWN_POSSESSIVE:
        return _OWN_POSSESSIVE[subj.lower_] == owner.lower_
    return owner.lower_ in ("his", "her", "their")


def _esteem(tok: Token, reader: _Reader) -> tuple[list[str], list[str], _L] | None:
    """(thinkers, the ones thought of, labels) when ``tok`` is "think" with a measure and "of" a person."""
    if tok.lower_ not in _THINKING:
        return None
    measure = next(
        (c for c in tok.children if c.dep_ in ("dobj", "advmod", "npadvmod") and c.lower_ in _THOUGHT_MEASURES),
        None,
    )
    if measure is None:
        return None
    of = _prep((*tok.children, *measure.children), "of")
    obj = _child(of, ("pobj",)) if of is not None else None
    subj = _subject(tok)
    if obj is None or subj is None:
        return None
    thinkers = reader.chars(subj)
    thought_of = [c for c in _person_or_owner(obj, reader) if c not in thinkers]
    if not thinkers or not thought_of:
        return None
    high = measure.lower_ in _THOUGHT_HIGH
    if _negated(tok):
        if not high:
            return None  # "did not think little of her": rare, and no plain stance
        high = False  # "did not think much of him": the low one
    return thinkers, thought_of, _ESTEEM if high else _DISESTEEM


_FEARS = frozenset({"fear", "nervousness"})
_FEAR_OF_LOSS = 0.6  # caring toward the one whose loss is feared
_LOSS_VERBS = frozenset({"lose", "losing", "leave", "leaving", "hurt", "hurting", "disappoint", "disappointing"})
# what befalls someone in a clause a fear is about: "afraid something has happened to him", "feared he would die",
# "afraid she had been hurt" (the one it befalls: after "to", the subject, a passive's subject)
_BEFALLS = frozenset("happen happened happens befall befallen befell".split())
_DIES = frozenset("die died dies dying drown drowned perish perished suffer suffered suffering".split())
_HARMED = frozenset("kill killed hurt injured wounded harmed lost taken".split())


def _feared_harm(tok: Token) -> list[Token]:
    """Who a fear's clause says may come to harm: "afraid something has happened to *him*", "feared *Tom* would
    die", "afraid *he* had been hurt"; not the doer of a harm ("feared that Tom would kill her")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        word = c.lower_
        for d in c.children:
            if word in _BEFALLS and d.dep_ == "prep" and d.lower_ == "to":
                out += [p for p in d.children if p.dep_ == "pobj"]
            elif word in _BEFALLS and d.dep_ == "dobj":
                out.append(d)  # "lest harm befall her"
            elif (word in _DIES and d.dep_ == "nsubj") or (word in _HARMED and d.dep_ == "nsubjpass"):
                out.append(d)
    return out


def _fears_a_loss(tok: Token) -> bool:
    """ "terrified of losing him", "afraid of hurting her", "feared for John's safety", "anxious for her": fear
    for someone, which is care toward them."""
    return any(
        c.dep_ == "prep"
        and (
            any(p.dep_ == "pcomp" and p.lower_ in _LOSS_VERBS for p in c.children)
            or (c.lower_ == "for" and any(p.dep_ == "pobj" for p in c.children))
        )
        for c in tok.children
    )


# sorrow or worry for someone ("wept for Tara", "worried about Buffy", "mourned his father"): the state is its
# owner's; toward the one it is for, care, as for fear for someone
_SORROWS = frozenset({"sadness", "grief", "nervousness", "fear", "remorse"})
_APOLOGIES = frozenset(f for v in ("apologize", "apologise") for f in _verb_forms(v))
_SORROW_WORDS = frozenset(
    "weep weeps wept weeping cry cries cried crying grieve grieves grieved grieving mourn mourns mourned mourning "
    "worry worries worried worrying anxious concerned uneasy sorrow sorrowed fret fretted "
    # the nouns: "her anxiety over her Rodya", "his grief for his brother", "tears for Tara"
    "grief anxiety anxieties sorrows tears sadness distress lamentation lamentations".split()
)
_MOURNING = frozenset({"mourn", "mourns", "mourned", "mourning"})


def _sorrow_for(tok: Token) -> bool:
    """ "wept for Tara", "grieved over him", "was worried about Buffy", "mourned his father": sorrow or worry
    for someone, which is care toward them (the one it is for is found as the feeling's target); "apologized
    to him": the remorse is one's own, and toward him a kindness."""
    if tok.lower_ in _APOLOGIES:
        return _object_after(tok, "to") is not None  # "apologized to her": sorry, and toward her a kindness
    if tok.lower_ not in _SORROW_WORDS:
        return False
    if tok.lower_ in _MOURNING and _child(tok, ("dobj",)) is not None:
        return True
    return any(
        c.dep_ == "prep"
        and (
            (c.lower_ in ("for", "about", "over") and _child(c, ("pobj",)) is not None)
            # "wept at the thought of losing her", "grieved at the news of his death"
            or (c.lower_ in ("at", "on") and (p := _child(c, ("pobj",))) is not None and p.lower_ in _THOUGHT_OF_LOSS)
        )
        for c in tok.children
    )


def _has_object(tok: Token) -> bool:
    """Whether an emotion word has an object of its own, a character or not: a direct object, or one after
    "of / at / about ..." ("afraid of the dark", "angry about the letter")."""
    return any(
        c.dep_ == "dobj"
        or (c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS and _child(c, ("pobj", "pcomp")) is not None)
        for c in tok.children
    )


def _has_prep(tok: Token, word: str) -> bool:
    return _prep(tok.children, word) is not None


def _prep(tokens: Iterable[Token], word: str) -> Token | None:
    """The first of ``tokens`` that is the preposition ``word`` ("of", "by", "to")."""
    return next((c for c in tokens if c.dep_ == "prep" and c.lower_ == word), None)


def _object_after(tok: Token, *words: str) -> Token | None:
    """The object of the first of ``tok``'s prepositions that is one of ``words``: "kind *to* her", "shouted *at*
    him"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in words), None)
    return _child(prep, ("pobj",)) if prep is not None else None


def _from_chars(prep_parent: Token, reader: _Reader) -> list[str]:
    """Characters after "from" attached to a word ("the sadness from Buffy and from herself")."""
    toks: list[Token] = []
    for c in prep_parent.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for cc in (c, *c.conjuncts):
                for p in cc.children:
                    if p.dep_ == "pobj":
                        toks += [p, *p.conjuncts]
    return reader.distinct(toks)


# feelings whose "the ... of X" is most often felt toward X ("the fear of God", "the love of his country"); for
# the others "the anxious sympathy of his grandfather" is the grandfather's
_OF_IS_TOWARD = frozenset(
    "fear fears dread terror horror love hatred hate contempt scorn disgust loathing pity shame awe".split()
)


def _owner_after_of(tok: Token, reader: _Reader) -> Token | None:
    """The character after "of" who owns "the NOUN of X" ("the anxious sympathy of his grandfather", "the
    jealousy of Mrs. Elton"), when the noun is not one mostly felt toward what follows it."""
    if tok.lower_ in _OF_IS_TOWARD or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = _child(prep, ("pobj",))
            if obj is not None and reader.chars(obj):
                return obj
    return None


def _noun_experiencer(tok: Token, reader: _Reader) -> tuple[Token | None, list[str]]:
    """Who owns an emotion noun: her tears, the Buffy-sadness, the sadness from Buffy, she had a crush."""
    for dep in ("poss", "compound", "nmod"):
        c = _child(tok, (dep,))
        if c is not None and (dep == "poss" or reader.chars(c)):
            return c, reader.chars(c)
    if tok.dep_ == "conj" and _pos(tok.head) == "NOUN":  # "his hopes and fears": the first noun's owner
        c = _child(tok.head, ("poss",))
        if c is not None:
            return c, reader.chars(c)
    places = [*tok.children, *(tok.head.children if tok.dep_ == "attr" else ())]  # "was a joy to me", either way
    to = _prep(places, "to")
    # "talking with pleasure to Dorothea": a manner's "to" is the act's, toward whom it is done
    manner = tok.dep_ == "pobj" and tok.head.lower_ in _MANNER_PREPOSITIONS
    if to is not None and tok.lower_ in _FELT_BY_TO and not manner:
        obj = _child(to, ("pobj",))
        who = reader.chars(obj) if obj is not None else []
        if obj is not None and who:
            return obj, who  # "the cause of great uneasiness to Dounia", "a constant joy to me"
    after_of = _owner_after_of(tok, reader)
    if after_of is not None:
        return after_of, reader.chars(after_of)
    exp = _from_chars(tok, reader)
    if not exp and tok.dep_ in ("nsubj", "nsubjpass"):
        exp = _from_chars(tok.head, reader)
    if exp:
        return tok, exp
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return None, []
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ in _MANNER_PREPOSITIONS and _pos(prep.head) in ("PRON", "PROPN"):
        owner = reader.chars(prep.head)
        if owner:
            return prep.head, owner  # "she wrapped in thought, and I in pity": mine, not the clause subject's
    subj = _subject(tok)
    return subj, (_feeler(subj, reader) if subj is not None else [])


# states stirred in someone, whose "to X" is the one who feels them ("a great comfort to her"), not whom they
# are toward, as in "his love to her", "her gratitude to him"
_FELT_BY_TO = frozenset(
    "joy joys delight pleasure pleasures comfort relief surprise astonishment uneasiness anxiety anxieties grief "
    "sorrow sadness disappointment embarrassment mortification vexation annoyance irritation amusement "
    "consolation happiness misery torment terror horror".split()
)


# what tells, right after its subject, that the subject is dead ("Elizabeth was dead", "the old man had died")
_DEAD_AFTER = re.compile(
    r"\s+(?:(?:was|is|lay|lies|had\s+been|has\s+been)\s+(?:\w+\s+)?dead\b|(?:had\s+|has\s+)?(?:died|perished)\b"
    r"|(?:was|had\s+been)\s+(?:killed|murdered|drowned|slain|shot|hanged)\b)",
    re.IGNORECASE,
)


# adjectives said of someone that tell the feeling of the one after "to": "Mary was very dear to him" is his
_FELT_BY_THE_ONE_TO = frozenset(
    "dear dearer dearest precious hateful odious repugnant abhorrent detestable loathsome obnoxious distasteful "
    "welcome agreeable disagreeable".split()
)


_FELT_BY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_FELT_BY_THE_ONE_TO)) + r")\s+to\s+$", re.IGNORECASE)
_DENIED_BEFORE = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.IGNORECASE)


def _root_roles(doc: Doc, reader: _Reader) -> tuple[list[str], list[str]]:
    """(subject characters, object characters) of the sentence's main verb; for "Mary was very dear to him",
    "he was hateful to her", the one after "to" feels it and the subject is whom it is felt toward."""
    for tok in doc:
        if tok.dep_ == "ROOT":
            subj = _child(tok, ("nsubj", "nsubjpass"))
            adj = _child(tok, ("acomp",))
            to = _prep(adj.children, "to") if adj is not None and adj.lower_ in _FELT_BY_THE_ONE_TO else None
            felt_by = _child(to, ("pobj",)) if to is not None else None
            if subj is not None and felt_by is not None and not _negated(tok):
                feelers = reader.chars(felt_by)
                if feelers:
                    return feelers, [c for c in reader.chars(subj) if c not in feelers]
            doer = _doer(tok) if subj is not None and subj.dep_ == "nsubjpass" else None
            if subj is not None and doer is not None and reader.chars(doer):
                # "Mary was deeply loved by her husband": his, toward her
                doers = reader.chars(doer)
                return doers, [c for c in reader.chars(subj) if c not in doers]
            exp = reader.chars(subj) if subj is not None else []
            obj = _child(tok, ("dobj",))
            tgt = reader.chars(obj) if obj is not None else []
            tgt += _prep_targets(tok, reader, set(exp))
            return exp, [t for t in dict.fromkeys(tgt) if t not in exp]
    return [], []


# -- the step ---------------------------------------------------------------------------------------------


# a plural's possessive written with a curly apostrophe ("the countess’ fears"), which the parser reads as a
# closing quote, and a curly apostrophe inside a word ("don’t", "Bucky’s"), after which the small model tags
# "n’t" a noun and "like" a preposition: written straight for the parse only, one character for one, so
# offsets do not move
_CURLY_POSSESSIVE = re.compile(r"(?<=s)’(?=\s)|(?<=[A-Za-z])’(?=[A-Za-z])")


# common names, one of each length, that the parser knows for proper nouns: a character's name is parsed as one
# of them (the small model takes "Willow" in "Willow respected Buffy" for a verb, "Emily" for an adverb)
_STAND_INS = {len(n): n for n in "Al Tom John James Thomas Charles Margaret Elizabeth Maximilian".split()}
_NAME_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+")  # a whole word of letters, accents included


def _masked_names(text: str, mentions: Sequence[Mention]) -> str:
    """``text`` with each word of a character's name mention replaced by a common name of the same length
    (offsets unchanged), for the parse only; a title ("Mr.", "Lady") stays."""
    parts: list[str] = []
    at = 0
    for m in mentions:
        if m.kind != "name" or m.start < at:
            continue
        for w in _NAME_WORD.finditer(text, m.start, m.end):
            stand_in = _STAND_INS.get(len(w.group()))
            if stand_in is None or not w.group()[0].isupper() or w.group().lower() in HONORIFICS:
                continue
            parts.append(text[at : w.start()])
            parts.append(stand_in)
            at = w.end()
    parts.append(text[at:])
    return "".join(parts)


def _plain_possessives(text: str) -> str:
    return _CURLY_POSSESSIVE.sub("'", text)


def _units(story: Story, ctx: _Context) -> list[_Unit]:
    quotes = [_with_addressee(story, ctx, q) for q in story.quotes]
    units = [_Unit(s.start, s.end, s, quotes[s.quote] if s.quote is not None and s.quote < len(quotes) else None)
             for s in story.sentences]  # fmt: skip
    if not units:  # a text of marks alone ("'"): no sentence to read
        return units
    for prev, u, nxt in zip([None, *units[:-1]], units, [*units[1:], None], strict=True):
        if u.quote is None:
            u.tag = _tagged_quote(story.text, u, prev, nxt)
        else:
            called = _called(story.text, ctx, u)
            if called is not None and (not u.quote.addressees or u.quote.addressees[0] != called):
                # "You had better go in, wife. ... I am much obliged to you, Manly": this sentence speaks to Manly
                u.quote = replace(u.quote, addressees=[called, *(a for a in u.quote.addressees if a != called)])
    return units


def _called(text: str, ctx: _Context, u: _Unit) -> str | None:
    """The one a spoken sentence calls by name, set off by a comma or opening it ("..., Manly.", "Jo, come
    here"), when that is not its speaker."""
    for m in _mentions_between(ctx, u.start, u.end):
        if m.kind != "name" or m.character == (u.quote.speaker if u.quote else None):
            continue
        before = text[u.start : m.start].rstrip()
        after = text[m.end : u.end].lstrip()
        opens = not before or before[-1] in "“\"‘'"
        if (opens or before.endswith(",")) and after[:1] in (",", ".", "!", "?", ";"):
            if opens and after[:1] != ",":
                continue  # "Jonah!" alone may be a cry about him as well as to him
            return m.character
    return None


def _tagged_quote(text: str, u: _Unit, prev: _Unit | None, nxt: _Unit | None) -> Quote | None:
    """The quote a narration sentence is the speech tag of: one that ends right before it or starts right
    after it, nothing but spaces and closing marks between (""I've a right to think," said Alice sharply")."""
    if prev is not None and prev.quote is not None and not text[prev.quote.end : u.start].strip(" \t\n\"'”’,"):
        return prev.quote
    if nxt is not None and nxt.quote is not None and not text[u.end : nxt.quote.start].strip(" \t\n\"'“‘,"):
        return nxt.quote
    return None


def _with_addressee(story: Story, ctx: _Context, q: Quote) -> Quote:
    """A quote with a speaker and no addressee speaks to the one other character its paragraph and the one
    before mention, when there is exactly one ("“I missed you,” Jim said quietly. Spock did not answer."):
    for this step only, the story's quotes are left as they are."""
    if q.addressees or q.speaker is None or not story.paragraphs:
        return q
    first = max(0, q.paragraph - 1)
    last = min(len(story.paragraphs) - 1, q.paragraph)
    others = {m.character for m in _mentions_between(ctx, story.paragraphs[first].start, story.paragraphs[last].end)}
    others.discard(q.speaker)
    return replace(q, addressees=[others.pop()]) if len(others) == 1 else q


def _model_labels(sentence: Sentence, quote: Quote | None, most: int = 3) -> dict[str, float]:
    """The (at most ``most``) most probable emotion labels passing their thresholds, neutral left out."""
    src: Any = sentence
    if not sentence.labels and quote is not None and quote.labels:
        src = quote
    labels = sorted((lab for lab in src.labels if lab != NEUTRAL), key=lambda lab: -src.emotions.get(lab, 0.0))
    return {lab: float(src.emotions.get(lab, 0.0)) for lab in labels[:most]}


# manner adverbs that tell a feeling only of a way of speaking: "breathes in sharply", "a cold wind blew
# coldly", "kindly pass the salt" are no feeling
_SPOKEN_ADVERBS = frozenset({"sharply", "coldly", "kindly", "harshly"})
# manner adverbs that tell a stance only toward someone the act is done to ("welcomed him warmly"; "warmly
# dressed" is no feeling), and an adjective that is a feeling only toward a person ("attached to her"; "attached
# to the embassy" is none)
_DIRECTED_WORDS = frozenset(
    {"warmly", "cordially", "respectfully", "rudely", "attached", "gently", "soothingly", "encouragingly",
     "reassuringly", "graciously", "sweetly", "sternly", "icily", "frostily", "suspiciously", "distrustfully",
     "menacingly", "threateningly", "savagely", "fiercely", "devotedly", "benevolently", "compassionately"}
)  # fmt: skip
_TITLE_MISS = re.compile(r"Miss\s+[A-Z]")  # "Miss Pross": a title, not missing someone
_ADJ_LONG = re.compile(r"long(?!(?:ed|ing)?\s+(?:for|to)\b)", re.IGNORECASE)  # "a long time"


def _has_trigger(text: str, forms: frozenset[str] = _ALL_FORMS) -> bool:
    """Whether a text holds an emotion word of ``forms`` (before parsing: "Miss Pross" and "a long time" do not
    count)."""
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word in forms:
            near = text[m.start() : m.end() + 12]
            if _TITLE_MISS.match(near) or (word == "long" and _ADJ_LONG.match(near)):
                continue
            return True
    return False


_CLAUSE_BREAK = re.compile(r"[;:()]|—|--|\s-\s")
_LONG = 160  # characters: a longer sentence is parsed only around its emotion words


def _window(text: str, start: int, end: int, lex: bool) -> tuple[int, int]:
    """The part of a long sentence worth parsing: the clauses (cut at ; : — and brackets) holding an
    emotion word, or the first clause for a model label alone. Parse time grows with the tokens parsed."""
    if end - start <= _LONG:
        return start, end
    cuts = [start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)] + [end]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if lex:
        # the clauses of the emotion words proper and of what people are to each other ("he and I soon became
        # great friends; he was ... a favorite with every one"); of the other words of a stance (acts, "the
        # ridiculous X") when there is none
        hot = [
            (a, b)
            for a, b in pieces
            if _has_trigger(text[a:b], _FEELING_FORMS)
            or _FELLOWSHIP.search(text, a, b)
            or _FAVOURITE_WORD.search(text, a, b)
        ]
        hot = hot or [(a, b) for a, b in pieces if _has_trigger(text[a:b]) or _shows_a_stance(text, a, b)]
        if hot:
            return hot[0][0], hot[-1][1]
    return pieces[0] if pieces else (start, end)


def attribute_feelings(story: Story, source: str = "both", nlp: Language | None = None,
                       min_intensity: float = 0.0, max_model_labels: int = 3) -> list[Feeling]:  # fmt: skip
    """The feelings of ``story``: one per (sentence, experiencer, target, emotion), in text order.

    ``source`` is ``"model"`` (the emotion labels only), ``"lexicon"`` (emotion words only) or ``"both"``.
    At most ``max_model_labels`` model labels per sentence are kept (the most probable ones).
    """
    if source not in ("model", "lexicon", "both"):
        raise ValueError(f"source must be model, lexicon or both, not {source!r}")
    ctx = _build_context(story)
    units = _units(story, ctx)
    smiling = _smiling_paragraphs(story) if source != "lexicon" else set()
    wanted: list[tuple[_Unit, dict[str, float], bool]] = []
    cued: set[int] = set()  # quotes with a care phrase in one of their sentences
    if source != "model":
        for u in units:
            if u.quote is not None:
                u.cues, u.cue_spans = _speech_cues(story.text[u.start : u.end])
                if u.cues and u.sentence.quote is not None:
                    cued.add(u.sentence.quote)
    for u in units:
        model = _model_labels(u.sentence, u.quote, max_model_labels) if source != "lexicon" else {}
        if model and u.quote is None and _cries_as_tag(story.text, u):
            model = {}  # the model reads sadness into "cried the Ghost.", a way of saying
        if model and u.quote is None:
            model = {k: v for k, v in model.items() if k not in _SPEECH_ACTS}
        lex = source != "model" and (
            _has_trigger(story.text[u.start : u.end]) or _shows_a_stance(story.text, u.start, u.end)
        )
        if model and u.sentence.quote in cued:  # “You didn't have to come. You didn't.”: the whole line
            model = {k: v for k, v in model.items() if k not in _CARE_MISREADINGS}
        if model and u.quote is not None and u.quote.paragraph in smiling:
            model = {k: v for k, v in model.items() if k not in _TEASING_MISREADINGS}
        if model or lex or u.cues:
            wanted.append((u, model, lex))
    to_parse = [u for u, _, lex in wanted if lex]  # a model label alone needs no parse (see _cheap_roles)
    for u in to_parse:
        u.offset, u.cache_end = _window(story.text, u.start, u.end, True)
    masked = _masked_names(story.text, ctx.mentions)
    parsed = parse([_plain_possessives(masked[u.offset : u.cache_end]) for u in to_parse], nlp)
    feelings: list[Feeling] = []
    progress = step_progress()
    try:
        for i, (u, model, lex) in enumerate(wanted):
            doc = next(parsed) if lex else None
            names = _names_as_subjects(ctx, u, doc) if doc is not None else frozenset()
            if progress and i % 500 == 0:
                progress(i / len(wanted))
            feelings += _unit_feelings(ctx, u, doc, model, lex, names)
    finally:
        parsed.close()  # leaves spaCy's select_pipes, whatever happened
    return [f for f in feelings if f.intensity >= min_intensity]


def _names_as_subjects(ctx: _Context, u: _Unit, doc: Doc) -> frozenset[int]:
    """The tokens of ``doc`` that are characters' names, no emotion words ("Hope loved him", "Joy wept"); and
    such a name the tagger took for an adverb or an auxiliary gets its place as subject: "Emily smiled at him",
    "Dolly wept", "Will smiled at her" (spaCy's small model reads a name in -ly as an adverb of the verb after
    it, "Will" as a modal, and gives the feeling to whoever was the subject before). Only names the characters
    step found, before a verb with no subject."""
    names: set[int] = set()
    lo = bisect.bisect_left(ctx.mention_starts, u.offset)
    hi = bisect.bisect_left(ctx.mention_starts, u.offset + len(doc.text))
    for m in ctx.mentions[lo:hi]:
        span = doc.char_span(m.start - u.offset, m.end - u.offset, alignment_mode="expand")
        if m.kind != "name" or span is None:
            continue
        names.update(t.i for t in span)
        tok = span[0]
        if tok.i >= tok.head.i or not tok.head.tag_.startswith("VB"):
            continue
        if tok.dep_ in ("advmod", "npadvmod", "aux") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.head.children
        ):
            tok.dep_ = "nsubj"
            tok.tag_ = "NNP"
    return frozenset(names)


def _unit_feelings(
    ctx: _Context, u: _Unit, doc: Doc | None, model: dict[str, float], lex: bool, names: frozenset[int] = frozenset()
) -> list[Feeling]:
    reader = _Reader(ctx, u)
    speaker = u.quote.speaker if u.quote is not None else None
    found: dict[tuple[str | None, str | None, str], float] = {}
    triggers: dict[tuple[str | None, str | None, str], Trigger | None] = {}
    text = ctx.story.text

    def add(exp: str | None, tgt: str | None, label: str, w: float, trigger: Trigger | None) -> None:
        key = (exp, tgt, label)
        w = round(min(1.0, w), 4)
        if key not in found or w > found[key] or (w == found[key] and triggers[key] is None):
            found[key] = w
            triggers[key] = trigger

    lexicon_exps: list[str] = []
    continued = _continued_doer(ctx, u) if lex and doc is not None else None
    someone_else = False  # an emotion word of someone the reading cannot name ("they", "she" with no one)
    own: set[tuple[str | None, str | None, str]] = set()  # undirected feelings about a thing or an act
    kept: set[tuple[str | None, str | None, str]] = set()  # one's own fear or remorse, with care toward the other
    denied: set[str] = set()  # the labels of emotion words the sentence denies ("not afraid", "forgot my horror")
    if lex and doc is not None:
        teller = speaker if u.quote is not None else ctx.teller  # whose stance a word that judges says
        for tok in doc:
            if tok.i in names:
                continue  # "Hope", "Joy", "Grace": someone's name, not the feeling
            stance = _evaluative(tok, reader, teller) or _judged(tok, reader, teller)
            if stance is not None:
                judge, judged, stance_labels = stance
                at = u.offset + tok.idx
                for label, base in stance_labels.items():
                    add(judge, judged, label, _intensity(tok, base), Trigger(at, at + len(tok.text), tok.text))
                lexicon_exps.append(judge)
                continue
            fellows = _fellows(tok, reader)
            if fellows is not None:  # friends, enemies or lovers of each other: each toward each other one
                people, fellow_labels = fellows
                at = u.offset + tok.idx
                lexicon_exps += people
                for one, other in itertools.permutations(people, 2):
                    for label, base in fellow_labels.items():
                        add(one, other, label, _intensity(tok, base), Trigger(at, at + len(tok.text), tok.text))
                continue
            shown = (
                _gesture(tok, reader, continued)
                or _laid_on(tok, reader, continued)
                or _embrace(tok, reader)
                or _esteem(tok, reader)
                or _favourite(tok, reader)
                or _fellow_named(tok, reader)
                or _manner_toward(tok, reader)
                or _role_toward(tok, reader)
                or _returned(tok, reader)
                or _to_please(tok, reader)
                or _ran_to_meet(tok, reader)
                or _refused_to(tok, reader)
                or _gift(tok, reader)
                or _phrasal_stance(tok, reader)
            )
            if shown is not None:  # a gesture of tenderness, or how well one thinks of someone
                doers, toward, shown_labels = shown
                at = u.offset + tok.idx
                for doer in doers:
                    lexicon_exps.append(doer)
                    for one in toward:
                        for label, base in shown_labels.items():
                            add(doer, one, label, _intensity(tok, base), Trigger(at, at + len(tok.text), tok.text))
                continue
            entry = _lexicon_entry(tok)
            if entry is None:
                continue
            kind, labels = entry
            if _supposed(tok, reader):
                denied.update(labels)  # "wished that she loved him": his wish, not her love
                continue
            if _negated(tok):
                denied.update(labels)  # "lost all fear of him": nor is the model's fear on the sentence felt
                grudge = _NEGATED_VERBS.get(_VERB_FORMS.get(tok.lower_, "")) if kind == "subj" else None
                if grudge is None:
                    continue
                labels = grudge
            if _wish_to(tok):
                continue  # "I would like to see him", "he liked to walk": a wish or a habit, not a liking
            if tok.lower_ in CRY_TAGS and _speech_tag(ctx.story.text, u, tok):
                continue  # “Hello!” cried Mr. Lorry: a way of saying, not weeping
            if tok.lower_ in _SPOKEN_ADVERBS and tok.head.lower_ not in SPEECH_VERBS:
                continue  # "said Alice sharply" is annoyance; "she breathes in sharply" is not
            if _ends(tok):
                if mean_valence(labels.items()) > 0:
                    denied.update(labels)
                    continue  # "he ceased to love her", "stopped loving her": a warmth that is over, not relief
                labels = _ENDED
            elif tok.lower_ == "sorry" and _prep_targets(tok, reader, set()) and _has_prep(tok, "for"):
                labels = _SORRY_FOR  # "James was sorry for her": sympathy, not remorse
            elif tok.lower_ in ("passion", "passions") and not _has_prep(tok, "for"):
                continue  # "his passion for Madame Ratignolle" is love; "flew into a passion" is rage, told apart
            hit = _read_trigger(tok, kind, labels, reader)
            if not hit.experiencers and not hit.slot and continued is not None and kind in ("act", "subj", "intr"):
                hit.experiencers = [continued]  # “…,” said Joe, and clasped my hand: the one who spoke
            spoken = tok.lower_ in _DIRECTED_WORDS and tok.head.lower_ in SPEECH_VERBS and bool(hit.experiencers)
            if (kind == "act" or (tok.lower_ in _DIRECTED_WORDS and not spoken)) and (
                not hit.experiencers or not [t for t in hit.targets if t not in hit.experiencers]
            ):
                # an act shows a stance only toward a person it is done to, by a doer the parse names; a manner
                # of saying goes to the one spoken to, below ("said Tom sternly")
                continue
            if not hit.experiencers and (hit.slot or kind == "obj"):
                # "the sadness is comforting": someone or something else, not a character; "the contempt it
                # excited": a feeling caused in no one named
                slot = doc[hit.slot_i] if hit.slot_i is not None else None
                if slot is not None and (slot.lower_ in _THEY or slot.lower_ in PRONOUNS or slot.lower_ in _GROUPS):
                    # "they quarrelled", with no one they can be, "these people hated me": nor the narrator's
                    someone_else = True
                if kind == "subj" and _passive(tok):
                    someone_else = True  # "Mary was loved": by someone unnamed, not by Mary
                continue
            if u.quote is None and hit.inner and hit.pronoun:
                hit = _point_of_view(ctx, u, hit, tok, kind, labels, reader)
            exps: list[str | None] = list(hit.experiencers) or [_default_experiencer(ctx, u, doc, reader)]
            if not hit.targets and u.quote is not None and u.quote.addressees and not _has_object(tok):
                # "You seem to be fond of roses": about the roses, not the one spoken to
                hit.targets = _addressed(doc, u.quote, labels, not hit.experiencers or speaker in hit.experiencers)
            at = u.offset + tok.idx
            word = Trigger(at, at + len(tok.text), tok.text)
            loss = _fears_a_loss(tok)
            sorrow = _sorrow_for(tok)
            harmed = reader.distinct(_feared_harm(tok)) if set(labels) & _FEARS else []
            own_object = _has_object(tok)  # "afraid of the dark": about something, not the one beside her
            for e in exps:
                if e is not None:
                    lexicon_exps.append(e)
                for label, base in labels.items():
                    w = _intensity(tok, base)
                    targets: list[str | None] = [t for t in hit.targets if t != e] or [None]
                    if label in _FEARS and [t for t in harmed if t != e]:
                        loss, targets = True, [t for t in harmed if t != e]  # fear of harm to someone: care
                    if ((loss and label in _FEARS) or (sorrow and label in _SORROWS)) and targets != [None]:
                        add(e, None, label, w, word)  # the fear is the experiencer's; toward the other, care
                        own.add((e, None, label))
                        kept.add((e, None, label))
                        label, w = "caring", _intensity(tok, _FEAR_OF_LOSS)
                    for t in targets:
                        add(e, t, label, w, word)
                    if own_object and targets == [None]:
                        own.add((e, None, label))
    if u.cues and u.quote is not None and u.quote.addressees and u.quote.addressees[0] != speaker:
        for label, w in u.cues.items():
            a, b = (u.start + k for k in u.cue_spans[label])
            add(speaker, u.quote.addressees[0], label, w, Trigger(a, b, text[a:b]))
    # a sentence parsed only for the words of a stance: the model's labels are read as in one not parsed
    stance_only = doc is not None and not _has_trigger(text[u.start : u.end], _FEELING_FORMS)
    if model and u.quote is None and (lexicon_exps or someone_else) and not stance_only:
        model = {}  # narration with an emotion word: the lexicon reads it; the Reddit-trained model fills the rest
    if denied:
        model = {k: v for k, v in model.items() if k not in denied}
    if model:
        if doc is None or stance_only:
            exp, tgt, explicit = _cheap_roles(ctx, u)
            if (
                doc is not None
                and stance_only
                and u.quote is None
                and exp is not None
                and (_adjudged(doc, reader, exp) or (tgt is None and _judged_as_subject(doc, reader, exp)))
            ):
                # "The odious Mr. Smith was talking to Mary", "Poor Tom was waiting", "He was rude and arrogant":
                # the model read the word that judges him, the teller's stance toward him, not a feeling of his
                # toward whom he is with ("He was rude to Mary" keeps his, toward her)
                model = {}
        else:
            exp, tgt = _model_roles(ctx, u, doc, reader, lexicon_exps)
            explicit = tgt is not None and _explicit(doc, reader, tgt)
        cue_words = _emotion_words(text, u)
        # someone else's feeling told in a quote ("a young lord fell in love with her"): the emotion word says
        # whose it is, and the model's same label on the whole sentence is not the speaker's as well
        told = {lab for (e, _, lab) in found if e is not None and e != speaker} if u.quote is not None else set()
        told -= {lab for (e, _, lab) in found if e == speaker}
        for label, p in model.items():
            if exp == speaker and label in told:
                continue
            direct = u.quote is None or label in ADDRESSED_LABELS or explicit
            t = tgt if direct else None
            if u.quote is not None and t is None and label in ADDRESSED_LABELS and u.quote.addressees:
                t = u.quote.addressees[0] if u.quote.addressees[0] != exp else None
            add(exp, t, label, p, _model_trigger(cue_words, label))
    topic = _topic(ctx, u) if found else None
    if topic is not None:
        for (exp, tgt, label), w in list(found.items()):
            if exp is None or tgt is not None or exp == topic or label in STATES_OF_MIND:
                continue
            trigger = triggers.pop((exp, tgt, label))
            del found[(exp, tgt, label)]
            add(exp, topic, label, w, trigger)
    mourned = _named_alone_before(ctx, u) if found and topic is None else None
    if mourned is not None:
        # "“And then, well, Tara.” The sadness comes in waves": the sorrow is one's own, and for her, care
        for exp, tgt, label in list(found):
            if exp is not None and exp != mourned and tgt is None and label in _SORROWS:
                add(exp, mourned, "caring", _FEAR_OF_LOSS, triggers[(exp, tgt, label)])
    if u.quote is None or not u.quote.addressees:
        for (exp, tgt, label), w in list(found.items()):
            if exp is None or tgt is not None or label not in _PARTNER_LABELS or (exp, tgt, label) in kept:
                continue
            # the manner of saying is toward the one spoken to ("said Alice sharply" to the Duchess), not a
            # feeling about a thing ("to admire the screens herself")
            tag = u.tag
            if (
                tag is not None
                and tag.speaker == exp
                and tag.addressees
                and tag.addressees[0] != exp
                and (label in ADDRESSED_LABELS or label in _PARTNER_LABELS)
                and (exp, tgt, label) not in own
            ):
                trigger = triggers.pop((exp, tgt, label))
                del found[(exp, tgt, label)]
                add(exp, tag.addressees[0], label, w, trigger)
                continue
            # gratitude for a kindness is still toward the one who did it; fear of the dark is not fear of him
            near = label in _SENTENCE_PARTNER_LABELS  # delight is toward someone beside, in the sentence itself
            partners = (
                _scene_partners(ctx, u, exp, label, near)
                if label in SOCIAL_LABELS or (exp, tgt, label) not in own
                else []
            )
            if partners:
                trigger = triggers.pop((exp, tgt, label))
                del found[(exp, tgt, label)]
                for partner in partners:
                    add(exp, partner, label, w, trigger)
    for rid in _rid_of(ctx, u) if found else ():
        # "glad to be rid of Tom", "so glad we was shut of the duke": the gladness is one's own, toward him an
        # aversion
        for (exp, tgt, label), w in list(found.items()):
            if exp is None or exp == rid or VALUES.get(label, 0.0) <= 0:
                continue
            trigger = triggers[(exp, tgt, label)]
            if tgt == rid:
                del found[(exp, tgt, label)], triggers[(exp, tgt, label)]
                add(exp, None, label, w, trigger)
            add(exp, rid, "disapproval", _RID_OF_WEIGHT, trigger)
    return [Feeling(exp, tgt, label, w, u.start, u.end, u.quote is not None and exp is not None and exp == speaker,
                    triggers[(exp, tgt, label)])
            for (exp, tgt, label), w in found.items()]  # fmt: skip


# what stands before one someone is glad or eager to be free of: "rid of", "shut of", "quit of"
_RID_OF = re.compile(r"\b(?:rid|shut|quit)\s+of\s+", re.IGNORECASE)
_RID_OF_WEIGHT = 0.5
_RID_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*")


def _rid_of(ctx: _Context, u: _Unit) -> set[str]:
    """The characters this sentence speaks of being rid of ("got rid of *Tom*", "we was shut of *the king* and
    *the duke*")."""
    text = ctx.story.text
    out: set[str] = set()
    for hit in _RID_OF.finditer(text, u.start, u.end):
        at = hit.end()
        for m in _mentions_between(ctx, hit.end(), u.end):
            if m.start - at > 8 or not _RID_JOINED.fullmatch(text, at, m.start):
                break
            out.add(m.character)
            at = m.end
    return out


# "as for his father, he could remember no feeling but fear": the person a sentence sets up as its topic
_TOPIC = re.compile(
    r"\b(?:as\s+(?:regards|for|to)|with\s+(?:regard|respect)\s+to|in\s+regard\s+to|regarding|concerning)\s+",
    re.IGNORECASE,
)


def _topic(ctx: _Context, u: _Unit) -> str | None:
    """The character an "as for / as regards / concerning ..." of the sentence is about, else None."""
    text = ctx.story.text
    for m in _TOPIC.finditer(text, u.start, u.end):
        for mention in _mentions_between(ctx, m.end(), min(u.end, m.end() + 30)):
            if text[mention.start : mention.end].lower() in _POSSESSIVES:
                continue  # the head of "his father", not the "his"
            # the person right after the phrase, not one further on ("as to his being seen by Drummle")
            return mention.character if _TOPIC_LEAD.fullmatch(text[m.end() : mention.start]) else None
    return None


_TOPIC_LEAD = re.compile(r"(?:(?:his|her|my|our|your|their|the|poor|dear|old|young|little)\s+)*", re.IGNORECASE)


# what may come before a name said alone at the end of a quote ("And then, well, Tara.", "Yeah. Tara.", "Oh,
# poor Tom!"): a sentence's start, then little words
_ALONE_BEFORE = re.compile(
    r"(?:^|[.!?…]\s+)(?:(?:and|but|then|so|well|oh|ah|yeah|yes|no|poor|dear|only|just)[\s,—–-]+)*$", re.IGNORECASE
)
_ALONE_AFTER = re.compile(r"[.!?…]*[\s”’\"']*$")


def _named_alone_before(ctx: _Context, u: _Unit) -> str | None:
    """The character a quote right before this sentence of narration, in its paragraph, ends by naming alone
    ("“And then, well, *Tara*.” The sadness comes in waves"): the one the sadness is about. None in a quote,
    after narration, or when the quote's last sentence says more than the name."""
    if u.quote is not None:
        return None
    quotes = ctx.story.quotes  # in the text's order, so by their ends too
    k = bisect.bisect_right(quotes, u.start, key=lambda q: q.end) - 1
    if k < 0:
        return None
    quote = quotes[k]
    text = ctx.story.text
    if text[quote.end : u.start].strip() or "\n" in text[quote.end : u.start]:
        return None
    said = _mentions_between(ctx, quote.start, quote.end)
    if not said or said[-1].kind != "name" or said[-1].character == quote.speaker:
        return None
    last = said[-1]
    if _ALONE_BEFORE.search(text[quote.start : last.start].lstrip("“‘\"'")) is None:
        return None
    return last.character if _ALONE_AFTER.fullmatch(text[last.end : quote.end]) else None


# feelings that, with no target of their own, are toward the other person of the scene: the social ones,
# fear and unease before someone ("the child watched him from the window, frightened"), and delight or
# eagerness in their company ("she was delighted, and talked to Miss Thorpe": the other one of the sentence
# itself, not of the paragraph); not embarrassment, which is most often about oneself ("she blushed"), nor
# sadness (she weeps for herself as often as for him)
_SENTENCE_PARTNER_LABELS = frozenset({"joy", "excitement", "amusement"})
_PARTNER_LABELS = SOCIAL_LABELS | {"fear", "nervousness"} | _SENTENCE_PARTNER_LABELS
# those a sentence that names several others gives to each of them; fear and unease want one
_CROWD_LABELS = SOCIAL_LABELS | _SENTENCE_PARTNER_LABELS


def _scene_partners(ctx: _Context, u: _Unit, exp: str, label: str, sentence_only: bool = False) -> list[str]:
    """The other people of the scene, toward whom a social feeling with no target of its own goes ("Jim
    was grateful for that", with Spock beside him): the other characters mentioned in the sentence, else,
    when the sentence mentions no one else (and ``sentence_only`` is false), the one other character of the
    sentence before, its paragraph, or, when the paragraph names no one else, the paragraph before. Fear and
    unease go only to a single other person; a sentence that names several gives a warm or a hostile
    feeling to each of them ("Catherine was delighted with Miss Thorpe and her sisters"), unless it says
    whose company the feeling is in ("while she talked to *Miss Thorpe*"). Empty when none is found."""
    here = {m.character for m in _mentions_between(ctx, u.start, u.end)}
    if u.quote is None and exp not in here:
        return []  # an owner from the point of view, not the sentence: too weak a guess to add a target to
    # someone else's feeling told in a quote ("I believe she was envious"): the one who tells it, and the one
    # told, are not for that the one it is felt toward
    away = {exp} if u.quote is None or u.quote.speaker == exp else {exp, u.quote.speaker, *u.quote.addressees}
    others = here - away
    if len(others) >= 2:
        # "delighted ..., and almost forgot Mr. Tilney while she talked to Miss Thorpe": the one in her company
        others = _in_company(ctx, u, others) or others
        return sorted(others) if len(others) == 1 or label in _CROWD_LABELS else []
    if others or sentence_only:
        return sorted(others)
    k = bisect.bisect_right(ctx.paragraph_starts, u.start) - 1
    p = ctx.story.paragraphs[k] if k >= 0 else None
    if p is not None:
        j = bisect.bisect_right(ctx.sentence_starts, u.start) - 2  # the sentence before, in the paragraph
        if j >= 0 and ctx.story.sentences[j].start >= p.start:
            prev = ctx.story.sentences[j]
            others = {m.character for m in _mentions_between(ctx, prev.start, prev.end)} - away
    if not others and p is not None:
        others = {m.character for m in _mentions_between(ctx, p.start, p.end)} - away
    if not others and k >= 1:  # a paragraph of one person: the one who stood with them in the paragraph before
        q = ctx.story.paragraphs[k - 1]
        others = {m.character for m in _mentions_between(ctx, q.start, q.end)} - away
    return sorted(others) if len(others) == 1 else []


# a verb of keeping someone company and its preposition, right before the one kept company with
_COMPANY = re.compile(
    r"\b(?:talk|talks|talked|talking|spoke|speak|speaks|speaking|chatted|chatting|conversed|conversing|danced|"
    r"dancing|walked|walking|sat|sitting|played|playing|stayed|staying)\s+(?:[a-z]+\s+)?(?:to|with|beside)\s+"
    r"(?:(?:the|his|her|my|our|their|poor|dear|little|old|young)\s+)*$",
    re.IGNORECASE,
)


def _in_company(ctx: _Context, u: _Unit, others: set[str]) -> set[str]:
    """Those of ``others`` the sentence keeps company with ("while she talked to *Miss Thorpe*")."""
    text = ctx.story.text
    return {
        m.character
        for m in _mentions_between(ctx, u.start, u.end)
        if m.character in others and _COMPANY.search(text[max(u.start, m.start - 40) : m.start])
    }


def _smiling_paragraphs(story: Story) -> set[int]:
    """The paragraphs whose narration (outside every quote) has someone smile, grin or laugh."""
    para_starts = [p.start for p in story.paragraphs]
    quotes = sorted((q.start, q.end) for q in story.quotes)
    quote_starts = [a for a, _ in quotes]
    out: set[int] = set()
    for m in _SMILES.finditer(story.text):
        k = bisect.bisect_right(quote_starts, m.start()) - 1
        if k >= 0 and m.start() < quotes[k][1]:
            continue  # inside spoken words
        pi = bisect.bisect_right(para_starts, m.start()) - 1
        if pi >= 0 and m.start() < story.paragraphs[pi].end:
            out.add(pi)
    return out


def _emotion_words(text: str, u: _Unit) -> list[tuple[Trigger, frozenset[str]]]:
    """The emotion words of a sentence with the labels the lexicon gives each ("Miss Pross", "a long time" are
    none)."""
    out = []
    for m in _WORD.finditer(text, u.start, u.end):
        labels = _FORM_LABELS.get(m.group().lower())
        if labels is None:
            continue
        near = text[m.start() : m.end() + 12]
        if _TITLE_MISS.match(near) or (m.group().lower() == "long" and _ADJ_LONG.match(near)):
            continue
        out.append((Trigger(m.start(), m.end(), m.group()), labels))
    return out


def _model_trigger(words: list[tuple[Trigger, frozenset[str]]], label: str) -> Trigger | None:
    """The word that carries a model label: the first emotion word of the sentence the lexicon gives that
    label ("Thank you": "Thank"), else its first emotion word of any label, else None (the model read the
    sentence as a whole: "You saved my life")."""
    return next((w for w, labels in words if label in labels), words[0][0] if words else None)


def _point_of_view(ctx: _Context, u: _Unit, hit: _Hit, tok: Token, kind: str, labels: _L, reader: _Reader) -> _Hit:
    """In close third person the narrator sees into one mind: a private feeling told of "she" or "he"
    belongs to the point-of-view character when the gender fits (and it is not felt toward them)."""
    pov = ctx.pov.get(ctx.story.chapter_at(u.start))
    if not pov or ctx.genders.get(pov) != hit.pronoun or hit.experiencers == [pov] or hit.slot_i is None:
        return hit
    if _named_right_before(ctx, u, u.offset + tok.doc[hit.slot_i].idx, hit.experiencers):
        return hit  # "As for Rose, she ... had a horror of her sister's manners": the one just named
    reader.forced[hit.slot_i] = pov
    again = _read_trigger(tok, kind, labels, reader)
    del reader.forced[hit.slot_i]
    if again.experiencers != [pov] or pov in again.targets:
        return hit
    if not again.targets and len(hit.experiencers) == 1 and _named_just_before(ctx, u, hit.experiencers[0]):
        # "... oppressed Sónya. She was glad to find escape": a state of the one just named, not the view's
        # (a feeling toward someone, "Lucy came down the path. She had a crush on her", stays the view's)
        return hit
    return again


_RELATIVE_WORDS = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)


def _named_right_before(ctx: _Context, u: _Unit, at: int, experiencers: list[str]) -> bool:
    """The one experiencer of a he / she at ``at`` is the last one of its gender the sentence names before it,
    with no relative pronoun between ("As for Rose, she ..."; but "Tublat, whom he had hated" is another)."""
    if len(experiencers) != 1:
        return False
    gender = ctx.genders.get(experiencers[0])
    named = [
        m for m in _mentions_between(ctx, u.start, at) if m.kind == "name" and ctx.genders.get(m.character) == gender
    ]
    return (
        bool(named)
        and named[-1].character == experiencers[0]
        and not _RELATIVE_WORDS.search(ctx.story.text, named[-1].end, at)
    )


def _named_just_before(ctx: _Context, u: _Unit, char: str) -> bool:
    """``char`` is the one person of its gender named (by name, not a pronoun) in the sentence before the unit
    and the unit's own sentence."""
    here = [m for m in _mentions_between(ctx, u.start, u.end) if m.kind == "name"]
    before = [m for m in _previous_sentence_mentions(ctx, u.start) if m.kind == "name"]
    gender = ctx.genders.get(char)
    return {m.character for m in [*before, *here] if ctx.genders.get(m.character) == gender} == {char}


def _addressed(doc: Doc, quote: Quote, labels: _L, speakers_own: bool = True) -> list[str]:
    """In a quote, the speaker's own emotion word with no target of its own goes to the addressee when the
    sentence speaks to them ("you", a vocative) or the emotion is one that goes to the one spoken to
    (:data:`ADDRESSED_LABELS`). Someone else's is not toward the one told it: "I assure you he has great
    pleasure in seeing pictures"."""
    addressee = quote.addressees[0]
    if addressee == quote.speaker or not speakers_own:
        return []
    if any(lab in ADDRESSED_LABELS for lab in labels) or any(t.lower_ in SECOND_PERSON_MODERN for t in doc):
        return [addressee]
    return []


_POSSESSIVES = frozenset({"his", "her", "my", "their", "its", "your", "our"})
# the words before an adjective that qualifies the name after it ("my kind Maria", "the noble Kit")
_QUALIFIED_AFTER = (_POSSESSIVES - {"its"}) | {"the"}
_YOU = re.compile(r"\b(?:you|your|yourself|yours)\b", re.IGNORECASE)
_PREP_BEFORE = re.compile(r"\b(?:at|for|to|toward|towards|with|about|on|of|from|by|in|over)\s+$", re.IGNORECASE)


def _adjudged(doc: Doc, reader: _Reader, char: str) -> bool:
    """Whether an adjective that judges a person stands before ``char`` in the sentence ("the *odious* Mr. Smith",
    "*poor* Tom")."""
    return any(
        t.dep_ in ("amod", "compound") and t.lower_ in EVALUATIVE_ADJECTIVES and char in reader.chars(t.head)
        for t in doc
    )


def _judged_as_subject(doc: Doc, reader: _Reader, char: str) -> bool:
    """Whether an adjective that judges a person is said of ``char`` as the subject of "be" ("he was *rude*",
    "Tom is so *generous*")."""
    for t in doc:
        if t.dep_ != "acomp" or t.lower_ not in EVALUATIVE_ADJECTIVES or t.head.lower_ not in _BEING:
            continue
        subject = _child(t.head, ("nsubj",))
        if subject is not None and reader.chars(subject) == [char]:
            return True
    return False


def _cheap_roles(ctx: _Context, u: _Unit) -> tuple[str | None, str | None, bool]:
    """(experiencer, target, target named or addressed) of a model label in a sentence with no emotion
    word, from the mentions alone (no parse: most sentences of a novel take this path). In a quote: the
    speaker, toward the first other character named or addressed. In narration: the first character
    mentioned outside a prepositional phrase (English puts the subject first), else the point of view,
    toward a later character after a preposition or as an object pronoun."""
    text = ctx.story.text
    found: list[tuple[int, str, bool, bool]] = []  # offset, character, named or "you", oblique
    objects: list[tuple[int, str]] = []  # mentions in the place of an object: "disliked the new lodger"
    mentions = _mentions_between(ctx, u.start, u.end)
    owners: list[str] = []  # whose thing opens the sentence ("Tom's death broke Mary's heart")
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if _owner_of_the_next(text, u.start, m, nxt):
            continue  # neither who feels nor toward whom: "Her mother complained of Tom"
        word = text[m.start : m.end].lower()
        thing_owner = u.quote is None and _owner_of_a_thing(text, u.start, m, nxt)
        oblique = (
            bool(_PREP_BEFORE.search(text, max(u.start, m.start - 12), m.start))
            or word in FELT_OBJECT_PRONOUNS
            or (word == "her" and m.start > u.start + 1)
            or thing_owner
        )
        if thing_owner:
            owners.append(m.character)
        found.append((m.start, m.character, m.kind == "name", oblique))
        if not oblique and m.subject is False and word not in _POSSESSIVES:
            objects.append((m.start, m.character))
    if u.quote is not None:
        speaker = u.quote.speaker
        if u.quote.addressees:
            found += [(m.start(), u.quote.addressees[0], True, True) for m in _YOU.finditer(text, u.start, u.end)]
        others = [(c, named) for _, c, named, _ in sorted(found) if c != speaker]
        return speaker, (others[0][0] if others else None), (others[0][1] if others else False)
    found.sort()
    if owners and all(oblique for *_, oblique in found):  # "Tom's thoughts were gloomy": his after all
        found = [(at, c, named, oblique and c not in owners) for at, c, named, oblique in found]
    subjects = [c for _, c, _, oblique in found if not oblique]
    felt_by = [c for at, c, _, oblique in found if oblique and _FELT_BY_BEFORE.search(text, max(u.start, at - 40), at)]
    if subjects and felt_by and felt_by[0] != subjects[0] and not _DENIED_BEFORE.search(text, u.start, u.end):
        return felt_by[0], subjects[0], True  # "Mary was very dear to him": his, toward her
    exp = subjects[0] if subjects else ctx.pov.get(ctx.story.chapter_at(u.start))
    at_subject = next((at for at, c, _, oblique in found if c == exp and not oblique), None)
    said = _mention_at(ctx, at_subject, at_subject + 1) if at_subject is not None else None
    dead = said is not None and _DEAD_AFTER.match(text, said.end, u.end) is not None
    targets = [c for _, c, _, oblique in found if oblique and c != exp]
    if not targets and subjects:  # "The landlady disliked the new lodger": the object after the subject
        first = next(at for at, c, _, oblique in found if c == exp and not oblique)
        targets = [c for at, c in objects if at > first and c != exp]
    if dead:  # "Elizabeth was dead": the sorrow is the teller's (a first-person one), not hers
        return ctx.narrator, None, True
    return exp, (targets[0] if targets else None), True


# what stands between an owner and the person it owns: "Her mother", "Tom's poor father", "my old uncle"
_OWNED_AFTER = re.compile(r"(?:['’]s?)?\s+(?:[a-z]+\s+){0,2}")
# what may open a sentence before its subject
_OPENING = re.compile(r"[\W_]*(?:(?:and|but|then|so|now|yet|still|at last|at length)\b[\s,]*)?", re.IGNORECASE)


def _owner_of_the_next(text: str, start: int, m: Mention, nxt: Mention | None) -> bool:
    """Whether mention ``m`` opens the sentence from ``start`` and only owns the subject right after it: "*Her*
    mother complained of Tom", "*Tom's* father grumbled at Harry", "*My* uncle", where the feeling is the
    mother's, the father's, the uncle's."""
    return (
        nxt is not None
        and not m.subject
        and nxt.subject is True
        and nxt.character != m.character
        and _OPENING.fullmatch(text, start, m.start) is not None
        and _OWNED_AFTER.fullmatch(text, m.end, nxt.start) is not None
        and not text.startswith(("'s", "’s"), nxt.end)  # "Her husband's death": the owned owns in turn
    )


_OWNED_THING = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?([a-z]+)")


# what one owns that is one's own inner life, so that its owner feels what is said of it ("My greatest
# reassurance was", "Tom's thoughts were gloomy")
_INNER_THINGS = frozenset(
    "thought thoughts feeling feelings wish wishes hope hopes dream dreams fancy fancies memory memories "
    "reassurance comfort consolation instinct impulse soul spirit mind heart spirits".split()
)


def _owner_of_a_thing(text: str, start: int, m: Mention, nxt: Mention | None) -> bool:
    """Whether mention ``m`` opens the sentence from ``start`` as the owner of a thing that is its subject, not
    of a face, a feeling or a person: "*Tom's* death broke Mary's heart", "*His* letter made her happy" (the
    feeling is Mary's, toward him), not "*Tom's* face was pale", "*her* melancholy", "*my* dear Robin"."""
    if m.subject or _OPENING.fullmatch(text, start, m.start) is None:
        return False
    word = text[m.start : m.end].lower()
    after = _OWNED_THING.match(text, m.end)
    if after is None or (word not in _POSSESSIVES and not text.startswith(("'s", "’s"), m.end)):
        return False
    if nxt is not None and nxt.start <= after.end():
        return False  # "my dear Robin", "his second wife": a person, not a thing
    thing = after.group(1)
    return not (thing in _FEATURES or thing in _BEING or thing in _INNER_THINGS or thing in EMOTION_NOUNS)


def _explicit(doc: Doc, reader: _Reader, char: str) -> bool:
    """Whether ``char`` is named or addressed as "you" in this sentence."""
    return any(
        tok.lower_ in SECOND_PERSON_MODERN or (_pos(tok) in ("PROPN", "NOUN") and reader.char(tok) == char)
        for tok in doc
    )


def _default_experiencer(ctx: _Context, u: _Unit, doc: Doc, reader: _Reader) -> str | None:
    if u.quote is not None:
        return u.quote.speaker
    subj, _ = _root_roles(doc, reader)
    if subj:
        return subj[0]
    return ctx.pov.get(ctx.story.chapter_at(u.start))


def _model_roles(ctx: _Context, u: _Unit, doc: Doc, reader: _Reader,
                 lexicon_exps: list[str]) -> tuple[str | None, str | None]:  # fmt: skip
    """(experiencer, target) for the model's labels on a whole sentence."""
    if u.quote is not None:
        speaker = u.quote.speaker
        named = [
            reader.char(t)
            for t in doc
            if t.lower_ in SECOND_PERSON_MODERN or _pos(t) == "PROPN" or t.lower_ in PRONOUNS
        ]
        others = [c for c in named if c and c != speaker]
        return speaker, (others[0] if others else None)
    if lexicon_exps:
        exp: str | None = lexicon_exps[0]
    else:
        subj, _ = _root_roles(doc, reader)
        exp = subj[0] if subj else ctx.pov.get(ctx.story.chapter_at(u.start))
    _, objs = _root_roles(doc, reader)
    objs = [o for o in objs if o != exp]
    return exp, (objs[0] if objs else None)


@register_step(
    "feelings",
    requires=(
        "sentences",
        "quotes",
        "sentences.emotions",
        "quotes.emotions",
        "characters",
        "mentions",
        "quotes.speaker",
    ),
    assigns=("feelings",),
)
def make_feelings(
    *, source: Literal["model", "lexicon", "both"] = "both", min_intensity: float = 0.0, max_model_labels: int = 3
) -> Callable[[Story], None]:
    """Who feels each emotion, toward whom, and whether it is said aloud (model + emotion lexicon)."""

    def step(story: Story) -> None:
        story.feelings = attribute_feelings(
            story, source=source, min_intensity=min_intensity, max_model_labels=max_model_labels
        )

    return step
