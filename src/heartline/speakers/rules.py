"""The rules: what the text around each quote says of its speaker and addressees, and the decision they make.

Evidence for each quote, strongest first:

1. a speech tag with a name: “...,” said Anne / Willow says quietly / Anne said, “...”  (explicit)
2. a speech tag with a pronoun: “...,” she said  (anaphoric: the pronoun's gender, then turn-taking)
3. a character named as the subject of the narration in the quote's paragraph: Buffy opens her eyes.
4. turn-taking (:mod:`.conversation`): in a conversation the speakers alternate; a quote in the same
   paragraph as the last one continues it; a vocative ("Listen, Wil,") names the addressee, so the speaker
   is someone else (implicit)
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..characters.nominals import generic_gender, inverted_tag
from ..characters.resolve import Ref, refs_from_mentions
from ..characters.syntax import parsed_subjects
from ..characters.unnamed import short_text
from ..language.lexicon import (
    ADVERB_LIKE,
    HUMAN_VERBS,
    NAME_ADJECTIVES,
    NOT_SUBJECT_PRONOUNS,
    OBJECT_PRONOUNS,
    PHRASAL_SPEECH_VERBS,
    PRONOUNS,
    QUOTE_MARKS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TAG_PREPOSITIONS,
    VERB_PARTICLES,
    ends_like_past_tense,
)
from ..language.tokens import Tok, story_tokens
from ..story import Story
from .ablation import enabled
from .conversation import alternation, narration_before, next_known, same_conversation
from .ranker import Context

__all__ = [
    "ADDRESSEE_GAP_PARAGRAPHS",
    "AFTER_VERB_REACH",
    "ASIDE_REACH",
    "LEAD_IN_LOOKBACK",
    "LEAD_IN_TOKENS",
    "RELATIVE_REACH",
    "SPEECH_PHRASE_TOKENS",
    "TAG_LOOKBACK",
    "Evidence",
    "addressees",
    "rule_speakers",
]

# the one spoken to, failing a name or a tag: who speaks just before or after, with at most two paragraphs of
# narration between (a conversation that narration breaks up)
ADDRESSEE_GAP_PARAGRAPHS = 3
# tokens back from a speech verb in which its subject is looked for ("Anne smiled and said")
TAG_LOOKBACK = 16
# the same, in narration that leads into a quote of the next paragraph ("Gilbert reached across ... and said:")
LEAD_IN_LOOKBACK = 40
# tokens of such a lead-in read at most ("Captain Wentworth said--" ¶ “...”)
LEAD_IN_TOKENS = 25
# tokens back from a speech verb to the "who" of a relative clause ("Isabella, who in great spirits exclaimed")
RELATIVE_REACH = 24
# tokens back through an aside set off by commas ("Lady Narborough, looking at the clock, exclaimed")
ASIDE_REACH = 32
# tokens after a speech verb in which its subject is looked for ("said the less courteous Edmund")
AFTER_VERB_REACH = 5
# tokens between a speech verb and the quote it introduces, at most ("said to Mr. Knightley:")
SPEECH_PHRASE_TOKENS = 8


@dataclass(slots=True)
class Evidence:
    """What the text around one quote says about its speaker and addressees."""

    tag_speaker: int | None = None  # character index from a speech tag
    tag_kind: str | None = None  # "name" or "pronoun"
    tag_gender: str | None = None  # gender of a pronoun tag ("she said")
    tag_addressee: int | None = None
    action: int | None = None  # character named as subject in the paragraph's narration
    action_gender: str | None = None  # gender of a subject pronoun in the paragraph's narration
    action_pronoun: int | None = None  # who that pronoun was resolved to
    vocatives: list[int] = field(default_factory=list)
    named: set[int] = field(default_factory=set)  # named inside the quote, not as a vocative
    # a quote that says I / me / my is one person's: not a group known only by a plural ("the men", "the guests")
    groups: frozenset[int] = frozenset()


def rule_speakers(story: Story) -> Context:
    """The rules' decision for every quote, with the evidence behind it (what the ranker starts from)."""
    toks = story_tokens(story)
    refs = refs_from_mentions(story, toks)
    ids = [c.id for c in story.characters]  # refs and evidence name characters by their place in this list
    genders = {i: story.character(cid).gender for i, cid in enumerate(ids)}  # type: ignore[union-attr]
    ev = _evidence(story, toks, refs)
    present = {i for i, cid in enumerate(ids) if story.character(cid).present}  # type: ignore[union-attr]
    present.update(e.tag_speaker for e in ev if e.tag_speaker is not None and e.tag_kind in ("name", "nominal"))
    if short_text(toks):
        # in a passage cut out of a talk, the one a tagged speaker calls by name is there to be spoken to ("Don't
        # sneer at it, Harry," said Dorian), though the narration never names them; in a novel, what the story
        # tells of who is there says it better (PDNC and LitBank quote speakers lose a little with it there)
        present.update(v for e in ev if e.tag_speaker is not None for v in e.vocatives)
    for e in ev if enabled("absent_not_vocative") else ():
        absent = [v for v in e.vocatives if v not in present]
        e.vocatives = [v for v in e.vocatives if v in present]
        e.named.update(absent)
    para_chars: dict[int, list[int]] = defaultdict(list)
    for r in refs:
        t = toks[r.first]
        if t.quote < 0 and r.kind != "pronoun":
            para_chars[t.para].append(r.char)
    speakers, kinds = _decide(story, ev, genders, para_chars)
    return Context(story, ev, speakers, kinds, genders, toks, refs)


# -- evidence ---------------------------------------------------------------------------------------


_ONE_SELF = frozenset({"me", "my", "myself", "mine"})


def _evidence(story: Story, toks: Sequence[Tok], refs: Sequence[Ref]) -> list[Evidence]:
    by_first = {r.first: r for r in refs}
    by_last = {r.last: r for r in refs}
    quote_toks: dict[int, list[int]] = defaultdict(list)
    para_toks: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        para_toks[t.para].append(i)
        if t.quote >= 0:
            quote_toks[t.quote].append(i)
    windows = [
        _windows(toks, quote_toks[qi], para_toks.get(q.paragraph, [])) if qi in quote_toks else []
        for qi, q in enumerate(story.quotes)
    ]
    near = {i for ws in windows for w in ws for i in w} if enabled("parse_far") else set()
    parsed = _parse_far_subjects(story, toks, by_first, by_last, near)
    cover = {k: r for r in refs for k in range(r.first, r.last + 1)}
    far = {v: cover[s] for v, s in parsed.items() if s in cover}
    out: list[Evidence] = []
    actions: dict[int, Evidence] = {}  # the paragraph's first acting subject, found once per paragraph
    groups = frozenset(i for i, c in enumerate(story.characters) if c.unnamed and c.gender == "they")
    for qi, q in enumerate(story.quotes):
        e = Evidence()
        qt = quote_toks.get(qi, [])
        if groups and any(toks[i].lower in _ONE_SELF or toks[i].text == "I" for i in qt):
            e.groups = groups
        pt = para_toks.get(q.paragraph, [])
        if qt:
            for window in windows[qi]:
                lead_in = toks[window[0]].para != q.paragraph  # "Gilbert reached across ... and said:" ¶ “...”
                if _tag(
                    toks, window, by_first, by_last, e, lookback=LEAD_IN_LOOKBACK if lead_in else TAG_LOOKBACK, far=far
                ):
                    break
            _inside(toks, qt, by_first, e)
        if q.paragraph not in actions:  # the same for every quote of the paragraph: one scan, not one per quote
            actions[q.paragraph] = Evidence()
            _action(toks, pt, by_first, actions[q.paragraph])
        act = actions[q.paragraph]
        e.action, e.action_gender, e.action_pronoun = act.action, act.action_gender, act.action_pronoun
        out.append(e)
    return out


def _parse_far_subjects(
    story: Story, toks: Sequence[Tok], by_first: dict[int, Ref], by_last: dict[int, Ref], near: set[int]
) -> dict[int, int]:
    """Parse the sentences of the speech verbs in the narration next to quotes (``near``) whose subject the
    rules do not find (see :mod:`heartline.characters.syntax`)."""
    verbs = [
        i
        for i in sorted(near)
        if toks[i].lower in SPEECH_VERBS
        and _ref_before(toks, i, by_last) is None  # the parse is asked only where the rules find no one
        and _ref_after(toks, i, by_first) is None
    ]
    return parsed_subjects(story, toks, verbs)


def _windows(toks: Sequence[Tok], qt: list[int], pt: list[int]) -> list[list[int]]:
    """Narration next to a quote: inside it (between parts), after it, before it."""
    first, last = qt[0], qt[-1]
    inside = [i for i in range(first, last + 1) if toks[i].quote < 0]
    after: list[int] = []
    j = last + 1
    while j < len(toks) and toks[j].para == toks[last].para and toks[j].quote < 0:
        after.append(j)
        if toks[j].text in {".", "!", "?"} and len(after) > 1:
            break
        j += 1
    before: list[int] = []
    j = first - 1
    while j >= 0 and toks[j].text in QUOTE_MARKS:
        j -= 1
    mark_skip = j
    while j >= 0 and toks[j].para == toks[first].para and toks[j].quote < 0:
        if toks[j].text in {".", "!", "?"} and before:
            break
        before.append(j)
        j -= 1
    before.reverse()
    lead_in: list[int] = []
    j = mark_skip
    # ends open: on a colon or a dash, or on a word, its colon or dash lost ("swung round and cried out, like
    # a man waking from sleep" ¶ “...”)
    open_ended = j >= 0 and (toks[j].text.endswith((":", "--", "—", ",", "-")) or toks[j].text[-1:].isalpha())
    if (
        enabled("lead_in")
        and not before
        and j >= 0
        and toks[j].quote < 0
        and (open_ended or _ends_with_speech(toks, j))
    ):
        while j >= 0 and toks[j].quote < 0 and len(lead_in) < LEAD_IN_TOKENS:  # "Captain Wentworth said--" ¶ “...”
            if toks[j].text in {".", "!", "?"} and lead_in:
                break
            if toks[j].text in QUOTE_MARKS:
                if not (open_ended and any(toks[x].lower in SPEECH_VERBS for x in lead_in)):
                    lead_in = []  # the sentence belongs to a quote of its own
                break  # '“...,” but the Admiral interrupted her with--' ¶ “...”: the tag after that quote
            lead_in.append(j)
            j -= 1
        lead_in.reverse()
    if enabled("nearest_verb_first") and (_introduces(toks, before) or _between_quotes(toks, before)):
        # 'the Queen said severely “Who is this?” She said it to the Knave'; nearest verb first: '“...,” said
        # Mrs. Archer; and Mrs. van der Luyden murmured: “...”'
        return [w for w in (inside, before[::-1], after, lead_in[::-1]) if w]
    return [w for w in (inside, after, before, lead_in[::-1]) if w]


def _after_quote(toks: Sequence[Tok], before: list[int]) -> bool:
    """The narration before a quote follows another quote of its paragraph (and may be that one's tag)."""
    prev = toks[before[0] - 1] if before[0] > 0 else None
    return prev is not None and prev.para == toks[before[0]].para and (prev.quote >= 0 or prev.text in QUOTE_MARKS)


def _between_quotes(toks: Sequence[Tok], before: list[int]) -> bool:
    """The narration just before the quote follows another quote of its paragraph and holds two speech verbs or
    more: the first tags the quote before, the last this one ('“...,” Alice replied, so eagerly that the Gryphon
    said, in a rather offended tone, “Hm!”')."""
    return bool(before) and _after_quote(toks, before) and sum(toks[i].lower in SPEECH_VERBS for i in before) >= 2


def _introduces(toks: Sequence[Tok], before: list[int]) -> bool:
    """The narration just before the quote ends with a speech verb: after it at most two adverbs, a particle
    ("called out"), or a phrase after a comma ("said, in a rather offended tone,"); or with a speech noun and
    "of" ("Lady Bertram's calm inquiry of")."""
    k = len(before) - 1
    while k >= 0 and toks[before[k]].text in {",", ":", "—", "--", "-", "–"}:
        k -= 1
    if k >= 1 and toks[before[k]].lower == "of" and toks[before[k - 1]].lower in SPEECH_NOUNS:
        return True  # "Mr. Rushworth's repeated question of,"
    if k >= 1 and toks[before[k]].lower == "with":  # "the Admiral interrupted her with--"
        k -= 2 if toks[before[k - 1]].lower in OBJECT_PRONOUNS else 1
    for _ in range(2):
        if k >= 0 and _adverb(toks[before[k]].lower):
            k -= 1
    if k >= 0 and toks[before[k]].lower in SPEECH_VERBS:
        return True
    if k >= 1 and toks[before[k]].lower in VERB_PARTICLES and toks[before[k - 1]].lower in SPEECH_VERBS:
        return True  # "the White Rabbit cried out,"
    for j in range(
        k - 1, max(k - 1 - SPEECH_PHRASE_TOKENS, -1), -1
    ):  # "replied in the memorable words,", "said to Mr. Knightley:"
        t = toks[before[j]]
        if t.lower in SPEECH_VERBS:
            nxt = toks[before[j + 1]].lower
            if nxt in TAG_PREPOSITIONS:
                return True
            # "called out to her in an angry tone,"
            return nxt in VERB_PARTICLES and j + 2 <= k and toks[before[j + 2]].lower in TAG_PREPOSITIONS
        if t.text == "," and j >= 1 and toks[before[j - 1]].lower in SPEECH_VERBS:
            return toks[before[j + 1]].lower in TAG_PREPOSITIONS  # "said, in a rather offended tone,"
        if not (t.text.isalpha() or t.text in ("Mr.", "Mrs.", "Dr.", "St.")):
            return False
    return False


def _ends_with_speech(toks: Sequence[Tok], j: int) -> bool:
    """ "Miss Bertram began again." ¶ “...”: the paragraph before, ending at token ``j``, ends by announcing
    speech; so does "the Secretary said in a curious, strained voice" (its dash lost)."""
    last = j if toks[j].text.isalpha() else j - 1
    for k in range(last, max(j - SPEECH_PHRASE_TOKENS, -1), -1):
        if toks[k].lower in SPEECH_VERBS:
            return k >= j - 3 or toks[k + 1].lower in TAG_PREPOSITIONS
        if not (toks[k].text.isalpha() or toks[k].text == ","):
            return False
    return False


def _tag(
    toks: Sequence[Tok],
    window: list[int],
    by_first: dict[int, Ref],
    by_last: dict[int, Ref],
    e: Evidence,
    lookback: int = TAG_LOOKBACK,
    far: dict[int, Ref] | None = None,
) -> bool:
    """Find "X said" / "said X" in a window; fill the tag fields. True when a speech verb was found (or, with
    none in the window, a name's voice: 'came Tibby's voice')."""
    # "could have been John's voice she heard, and resolutely declared": the verb's subject speaks
    voiced = enabled("voice_tag") and not any(toks[i].lower in SPEECH_VERBS for i in window)
    for i in window:
        if (
            voiced
            and toks[i].lower == "voice"
            and i >= 2
            and toks[i - 1].lower in ("'s", "’s", "s")
            and (i - 2) in by_last
        ):
            r = by_last[i - 2]  # 'came Tibby s voice', "May's voice: “Newland!”"
            if r.kind == "name":
                e.tag_speaker, e.tag_kind = r.char, r.kind
                return True
        if toks[i].lower in SPEECH_NOUNS:
            k = i - 1  # "was Mrs Smith's reply", "was Edmund's only reply", "was her answer"
            while k >= max(i - 2, 0) and _adjective_like(toks[k]):
                k -= 1
            if enabled("speech_noun_owner") and k >= 1 and toks[k].lower in ("'s", "’s", "s") and (k - 1) in by_last:
                r = by_last[k - 1]  # "s": an apostrophe lost in the text ("Mr. Allen s consolation")
                e.tag_speaker, e.tag_kind = r.char, r.kind
                return True
            if enabled("speech_noun_pronoun") and k >= 0 and toks[k].lower in ("his", "her"):
                e.tag_kind, e.tag_gender = "pronoun", PRONOUNS[toks[k].lower]
                owner = by_first.get(k)
                if owner is not None:
                    e.tag_speaker = owner.char
                return True
            of = by_first.get(i + 2) if i + 2 < len(toks) and toks[i + 1].lower == "of" else None
            if (
                enabled("speech_noun_of") and of is not None and of.kind == "name"
            ):  # "was an artless exclamation of Catherine's"
                e.tag_speaker, e.tag_kind = of.char, of.kind
                return True
        phrasal = (
            enabled("phrasal_verb")
            and i + 1 < len(toks)
            and toks[i + 1].lower in PHRASAL_SPEECH_VERBS.get(toks[i].lower, ())
        )  # "put in Cynthia"
        if phrasal and toks[i + 1].lower == "from" and not (i > 0 and toks[i - 1].text in QUOTE_MARKS):
            phrasal = False  # '"...!" burst from William' speaks; "she came from Anne's room" does not
        inverted = enabled("inverted_verb") and _inverted(toks, i, by_first)
        if toks[i].lower not in SPEECH_VERBS and not phrasal and not inverted:
            continue
        subj = _ref_before(toks, i, by_last, lookback, far)
        obj_pos = "after"
        if subj is None:
            subj = _ref_after(toks, i + 1 if phrasal else i, by_first)
            obj_pos = "after-subject"
        pron = None
        if subj is None:
            k = i - 1
            if k >= 0 and toks[k].lower in ("he", "she"):
                pron = PRONOUNS[toks[k].lower]
            elif i + 1 < len(toks) and toks[i + 1].lower in ("he", "she"):
                pron = PRONOUNS[toks[i + 1].lower]
            elif enabled("described_as_pronoun") and i + 2 < len(toks) and toks[i + 1].lower == "the":
                described = generic_gender(toks, i + 1)  # "said the girl", and no girl in sight
                pron = described[0] if described else None
        if subj is not None:
            e.tag_speaker = subj.char
            e.tag_kind = subj.kind
            if subj.kind == "pronoun" and toks[subj.first].lower == "i" and toks[subj.first].quote < 0:
                if enabled("narrator_tag"):  # "I said" in the narration: the narrator, as sure as a name
                    e.tag_kind = "name"
            elif subj.kind == "pronoun":
                e.tag_gender = PRONOUNS.get(toks[subj.first].lower)
            elif (
                enabled("described_as_pronoun")
                and subj.kind == "nominal"
                and (described := generic_gender(toks, subj.first)) is not None
                and described[1] == subj.last  # not "the man with the black beard", a character of his own
            ):
                # "said the girl": a description anyone of a gender fits, resolved like a pronoun, so
                # weighed like one (the ranker takes a second look)
                e.tag_kind, e.tag_gender = "pronoun", described[0]
        elif pron is not None:
            e.tag_kind = "pronoun"
            e.tag_gender = pron
        e.tag_addressee = _addressee_after(toks, i, by_first, skip=subj if obj_pos == "after-subject" else None)
        return subj is not None or pron is not None
    return False


def _inverted(toks: Sequence[Tok], i: int, by_first: dict[int, Ref]) -> bool:
    """A verb no list holds, inverted right after a quote and before a name or a description
    ("comforted Matthew"): a speech tag (see :func:`~heartline.characters.nominals.inverted_tag`)."""
    if not inverted_tag(toks, i):
        return False
    r = by_first.get(i + 1)
    return r is not None and r.kind in ("name", "nominal")


def _ref_before(
    toks: Sequence[Tok],
    i: int,
    by_last: dict[int, Ref],
    lookback: int = TAG_LOOKBACK,
    far: dict[int, Ref] | None = None,
) -> Ref | None:
    """The subject of a speech verb before it: "Anne said", "Anne quietly said", "Anne smiled and said",
    "Sir Thomas, trying to suppress a smile, went on", "Miss Crawford had only time to say"."""
    verb, i = i, _verb_phrase_start(toks, i) if enabled("to_verb") else i
    if enabled("aside") and i >= 1 and toks[i - 1].text == ",":
        r = _before_aside(toks, i - 1, by_last)
        if r is not None:
            return r
    r = _relative_subject(toks, i, by_last) if enabled("relative_who") else None
    if r is not None:
        return r
    r = _nearest_subject(toks, i, by_last, lookback)
    if r is None and far:
        r = far.get(verb)  # what the parse found: "Denham got up, looked at Katharine, and said:"
    return r


def _nearest_subject(toks: Sequence[Tok], i: int, by_last: dict[int, Ref], lookback: int) -> Ref | None:
    """Walking back from the verb phrase at ``i``: the nearest mention that reads as its subject."""
    for k in range(i - 1, max(i - lookback, -1), -1):
        r = by_last.get(k)
        if r is not None:
            if r.kind == "pronoun" and toks[k].lower in NOT_SUBJECT_PRONOUNS:
                continue  # "Margaret checked herself and said", "looking round him, and saying"
            if k == i - 1 or r.subject or all(_adverb(toks[x].lower) for x in range(k + 1, i)):
                return r  # "Mr. Jackson obliquely continued"
            if enabled("verb_follows") and r.kind != "pronoun" and _verb_follows(toks, k):
                return r  # "William floundered so that Katharine collected herself and asked:"
            if k >= i - 3:
                return None  # "turned to Anne and said": Anne is not the one speaking
            continue
        t = toks[k]
        if _clause_ends(t, toks[i].sent):
            return None
    return None


def _clause_ends(t: Tok, sent: int) -> bool:
    """Walking back from a speech verb in sentence ``sent``, token ``t`` is past the narration its subject can
    be in: spoken words, another sentence, or a stop."""
    return t.quote >= 0 or t.sent != sent or t.text in {";", ":", "!", "?", "."} or t.text in QUOTE_MARKS


def _relative_subject(toks: Sequence[Tok], i: int, by_last: dict[int, Ref]) -> Ref | None:
    """ "seized by her faithful Isabella, who in great spirits exclaimed", "Ratcliffe, whose voice said": the
    one the relative clause of the speech verb at ``i`` is about. Not when the clause closed before the verb
    ("Mary, who was crying, and said")."""
    sent = toks[i].sent
    for k in range(i - 1, max(i - RELATIVE_REACH, 0), -1):
        t = toks[k]
        if _clause_ends(t, sent):
            return None
        if t.lower == "and" and toks[k - 1].text == ",":
            return None
        if t.lower == "whose" and any(toks[x].text == "," for x in range(k + 1, i)):
            return None  # "at Fanny, whose tears were beginning to shew, immediately said": not hers
        if t.lower in ("who", "whose"):  # "Ratcliffe, whose voice said": his
            j = k - 1 if toks[k - 1].text != "," else k - 2
            r = by_last.get(j)
            return r if r is not None and r.kind != "pronoun" else None
    return None


def _verb_follows(toks: Sequence[Tok], k: int) -> bool:
    """A verb comes right after token ``k``: the name there is the subject of a clause of its own."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.text.islower() and (nxt.lower in HUMAN_VERBS or ends_like_past_tense(nxt.lower))


def _verb_phrase_start(toks: Sequence[Tok], i: int) -> int:
    """Where the verb phrase ending in "to <verb>" begins: "ventured to say", "had only time to say"."""
    if i < 2 or toks[i - 1].lower != "to":
        return i
    j = i - 1
    while j > 0 and i - j <= 4 and toks[j - 1].text.isalpha() and toks[j - 1].text.islower():
        j -= 1
    return j if j < i - 1 and toks[j - 1].quote < 0 else i


def _before_aside(toks: Sequence[Tok], comma: int, by_last: dict[int, Ref]) -> Ref | None:
    """ "Lady Narborough, looking at the great ormolu clock on the mantelshelf, exclaimed": the name before an
    aside set off by commas."""
    sent = toks[comma].sent
    for c in range(comma - 1, max(comma - ASIDE_REACH, 0), -1):
        t = toks[c]
        if _clause_ends(t, sent):
            return None
        if t.text == ",":
            return by_last.get(c - 1) if c - 1 < comma - 2 else None
    return None


def _adverb(word: str) -> bool:
    return word.endswith("ly") or word in ADVERB_LIKE


def _adjective_like(t: Tok) -> bool:
    """A plain lower-case word that may stand between an owner and a speech noun ("only", "quick")."""
    return t.text.isalpha() and t.text.islower() and t.lower not in ("his", "her", "s")


_OWNERS = frozenset({"his", "her", "my", "our", "your", "their"})


def _ref_after(toks: Sequence[Tok], i: int, by_first: dict[int, Ref]) -> Ref | None:
    """ "said Anne", "said he", "said the less courteous Edmund", "cut in the clear voice of Inspector Ratcliffe"."""
    limit = i + AFTER_VERB_REACH
    for k in range(i + 1, len(toks)):
        if k >= limit:
            break
        r = by_first.get(k)
        if r is not None:
            kin = (
                by_first.get(k + 1)
                if enabled("kin_after") and r.kind == "pronoun" and toks[k].lower in _OWNERS
                else None
            )
            # "broke in her son", "cried my mother": the son, the mother
            return kin if kin is not None and kin.kind == "nominal" else r
        t = toks[k]
        if not (
            _adverb(t.lower)
            or (t.lower in VERB_PARTICLES and k == i + 1)
            or (t.lower in NAME_ADJECTIVES and k == i + 1)  # "inquired poor Oliver"
            or (t.lower == "the" and k == i + 1)
            or (k > i + 1 and toks[i + 1].lower == "the" and t.text.islower())
        ):
            return None
        if t.lower == "of" and toks[k - 1].lower in ("voice", "voices", "tones"):
            limit = k + 4
    return None


def _addressee_after(toks: Sequence[Tok], i: int, by_first: dict[int, Ref], skip: Ref | None) -> int | None:
    k = i + 1 if skip is None else skip.last + 1
    if k < len(toks) and toks[k].lower == "to":
        k += 1
    r = by_first.get(k)
    if r is not None and toks[i].lower not in ("said", "says", "say"):
        return r.char
    if r is not None and k > 0 and toks[k - 1].lower == "to":
        return r.char
    return None


# what may stand right before a name one calls someone by ("Listen, Wil", "Oh, my dear Tom")
_BEFORE_A_CALL = frozenset({",", "!", "?", "—"})
_CALLING_WORDS = frozenset({"dear", "my", "oh", "o"})
# words that may open a call with "my dear": "But my dear Owen", "Yes, my dear", "Ah my dear Owen"
_OPENING_A_CALL = frozenset("but yes no well now ah why come and so nay aye alas".split())


def _inside(toks: Sequence[Tok], qt: list[int], by_first: dict[int, Ref], e: Evidence) -> None:
    """Vocatives and other names inside the quote's own words."""
    qset = set(qt)
    for i in qt:
        r = by_first.get(i)
        if r is None or r.kind != "name":
            continue
        before = toks[i - 1] if i - 1 in qset else None
        after = toks[r.last + 1] if r.last + 1 in qset else None
        k = i - 1
        while k in qset and toks[k].lower in _CALLING_WORDS:
            k -= 1  # "Oh, my dear Tom": what may stand before a name called, not "how I miss dear Tom"
        opening = k not in qset or toks[k].text in _BEFORE_A_CALL or toks[k].lower in _OPENING_A_CALL
        b_ok = before is None or before.text in _BEFORE_A_CALL or (before.lower in _CALLING_WORDS and opening)
        a_ok = after is None or after.text in {",", "!", "?", ".", ";", "—"}
        if (
            b_ok
            and a_ok
            and not (before is not None and after is not None and before.text == "." and after.text == ".")
        ):
            if r.char not in e.vocatives:
                e.vocatives.append(r.char)
        else:
            e.named.add(r.char)


def _action(toks: Sequence[Tok], pt: list[int], by_first: dict[int, Ref], e: Evidence) -> None:
    """The first subject in the paragraph's narration: who acts where the quote is said."""
    for i in pt:
        if toks[i].quote >= 0:
            continue
        r = by_first.get(i)
        if r is not None and r.subject:
            if r.kind in ("name", "nominal"):
                e.action = r.char
            else:
                e.action_gender = PRONOUNS.get(toks[i].lower)
                e.action_pronoun = r.char
            return
        if toks[i].lower in ("he", "she") and r is None:
            e.action_gender = toks[i].lower
            return


# -- decisions --------------------------------------------------------------------------------------


def _decide(
    story: Story, ev: Sequence[Evidence], genders: dict[int, str | None], para_chars: dict[int, list[int]]
) -> tuple[list[int | None], list[str]]:
    n = len(story.quotes)
    speakers: list[int | None] = [None] * n
    kinds = ["implicit"] * n
    for qi, e in enumerate(ev):  # pass 1: named speech tags and named actors
        if e.tag_speaker is not None and e.tag_kind in ("name", "nominal") and e.tag_speaker not in e.vocatives:
            speakers[qi], kinds[qi] = e.tag_speaker, "explicit"
        elif enabled("action_speaker") and e.tag_kind is None and e.action is not None and e.action not in e.vocatives:
            speakers[qi], kinds[qi] = e.action, "action"  # reported as explicit
    for qi in range(n):  # pass 2, forward: pronoun tags, continuation, turn-taking
        if speakers[qi] is not None:
            continue
        sp, kind = _infer(story, qi, ev, speakers, genders, para_chars)
        speakers[qi], kinds[qi] = sp, kind
    for qi in (
        range(n - 1, -1, -1) if enabled("backward_pass") else ()
    ):  # pass 3, backward: what later turns imply for the still unknown
        if speakers[qi] is None:
            speakers[qi], kinds[qi] = _infer(story, qi, ev, speakers, genders, para_chars)
    return speakers, kinds


def _infer(
    story: Story,
    qi: int,
    ev: Sequence[Evidence],
    speakers: list[int | None],
    genders: dict[int, str | None],
    para_chars: dict[int, list[int]],
) -> tuple[int | None, str]:
    e = ev[qi]
    q = story.quotes[qi]
    excluded = set(e.vocatives)
    gender = e.tag_gender or (e.action_gender if e.tag_kind is None else None)
    kind = "anaphoric" if e.tag_kind == "pronoun" else "implicit"
    prev = qi - 1 if qi > 0 and same_conversation(story, qi - 1, qi) else None
    if (
        enabled("same_paragraph_continues")
        and prev is not None
        and story.quotes[prev].paragraph == q.paragraph
        and e.tag_kind is None
    ):
        sp = speakers[prev]
        if sp is not None and sp not in excluded:
            return sp, "implicit"
    cands: list[int] = []
    alt = alternation(story, qi, speakers, ev)
    if e.tag_kind == "pronoun" and e.tag_speaker is not None:
        outsider = (
            enabled("pronoun_outsider")
            and bool(alt)
            and e.tag_speaker not in alt
            and any(genders.get(c) == gender for c in alt)
        )
        if not outsider:  # "she said" in a conversation means one of its speakers
            cands.append(e.tag_speaker)
    cands += alt  # a resolved "she said" first, then turn-taking
    if enabled("action_pronoun_candidate") and e.action_pronoun is not None:
        cands.append(e.action_pronoun)
    if enabled("next_known"):
        cands += next_known(story, qi, speakers)
    if enabled("narration_before"):
        cands += narration_before(story, qi, para_chars)
    last = speakers[prev] if prev is not None else None
    adjacent = prev is not None and story.quotes[prev].paragraph == q.paragraph - 1
    if enabled("named_last"):
        cands = [c for c in cands if c not in e.named] + [c for c in cands if c in e.named]
    for c in cands:
        if c in excluded or c in e.groups:
            continue
        if gender is not None and genders.get(c) not in (None, gender):
            continue
        if enabled("new_paragraph_new_speaker") and c == last and adjacent and not excluded:
            continue  # a new paragraph of dialogue is a new speaker
        return c, kind
    excluded |= e.groups
    if e.tag_kind == "pronoun" and e.tag_speaker is not None and e.tag_speaker not in excluded:
        return e.tag_speaker, kind
    if enabled("action_pronoun_candidate") and e.action_pronoun is not None and e.action_pronoun not in excluded:
        return e.action_pronoun, kind
    return None, kind


def addressees(
    story: Story, qi: int, ev: Sequence[Evidence], speakers: list[int | None], told: Told | None = None
) -> list[int]:
    """Whom quote ``qi`` is said to (character indices). ``told``: :class:`Told` of the story, built once by
    a caller that asks for every quote (built here when not given)."""
    e = ev[qi]
    sp = speakers[qi]
    out = [v for v in e.vocatives if v != sp]
    if e.tag_addressee is not None and e.tag_addressee != sp and e.tag_addressee not in out:
        out.append(e.tag_addressee)
    if out:
        return out
    here = story.quotes[qi].paragraph
    for j in (qi - 1, qi + 1, qi - 2, qi + 2):
        if 0 <= j < len(speakers) and abs(story.quotes[j].paragraph - here) <= ADDRESSEE_GAP_PARAGRAPHS:
            other = speakers[j]
            if other is not None and other != sp:
                return [other]
    beside = _one_beside(story, qi, sp, told or Told.of(story)) if sp is not None else None
    return [beside] if beside is not None else []


_YOU = re.compile(r"\b(?:you|your|yours|yourself|thee|thou|thy)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Told:
    """The characters the narration tells of (mentions outside every quote), in text order: ``starts[k]`` is
    where the k-th such mention begins, ``chars[k]`` its character's index."""

    starts: list[int]
    chars: list[int]

    @classmethod
    def of(cls, story: Story) -> Told:
        index = {c.id: i for i, c in enumerate(story.characters)}
        parts = sorted(p for q in story.quotes for p in q.parts)
        part_starts = [a for a, _ in parts]
        reach = list(itertools.accumulate((b for _, b in parts), max))  # the furthest end of the parts so far

        def quoted(x: int) -> bool:
            k = bisect.bisect_right(part_starts, x) - 1
            return k >= 0 and x < reach[k]

        told = sorted((m.start, index[m.character]) for m in story.mentions if m.character in index)
        told = [(x, c) for x, c in told if not quoted(x)]
        return cls([x for x, _ in told], [c for _, c in told])


def _one_beside(story: Story, qi: int, sp: int, told: Told) -> int | None:
    """The one who hears a line that says "you" when no one else speaks near it: the only other person the
    narration of its paragraph, or of the paragraphs on either side, tells of ("And now you, of all people in
    the world, turn up", with Sir Henry told of just after). None when there are several, or none."""
    q = story.quotes[qi]
    if not any(_YOU.search(story.text, a, b) for a, b in q.parts):
        return None
    paras = story.paragraphs
    lo = paras[max(q.paragraph - 1, 0)].start
    hi = paras[min(q.paragraph + 1, len(paras) - 1)].end
    near = set(told.chars[bisect.bisect_left(told.starts, lo) : bisect.bisect_left(told.starts, hi)])
    near.discard(sp)
    return near.pop() if len(near) == 1 else None
