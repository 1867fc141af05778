"""The "speakers" step: who says each quote, and to whom.

    rules.py         the evidence around each quote and the rules' decision
    conversation.py  turn-taking: which quotes make one conversation
    ranker.py        the learned second look at the quotes the rules decided by a pronoun or turn-taking

Evidence for each quote, strongest first:

1. a speech tag with a name: “...,” said Anne / Willow says quietly / Anne said, “...”  (explicit)
2. a speech tag with a pronoun: “...,” she said  (anaphoric: the pronoun's gender, then turn-taking)
3. a character named as the subject of the narration in the quote's paragraph: Buffy opens her eyes.
4. turn-taking: in a conversation the speakers alternate; a quote in the same paragraph as the last one
   continues it; a vocative ("Listen, Wil,") names the addressee, so the speaker is someone else
   (implicit)

Then the learned ranker (:mod:`.ranker`, on by default) takes a second look at the quotes
decided by 2 and 4, weighing all the evidence at once, in passes that each read the one before.

A character known only by a description ("said the painter") that those who answer it call by one name
("Basil") is folded into that named character.

Addressees are the characters named by vocatives, the object of "said to X", else the other party of the
conversation (who speaks just before or after, with up to two paragraphs of narration between). Once
speakers are known, "I" inside a quote is a mention of the speaker and "you" of its first addressee; both
are added to ``story.mentions``.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from ..characters.resolve import felt_for
from ..language.lexicon import FIRST_PERSON, PRONOUNS, SECOND_PERSON
from ..language.tokens import Tok, story_tokens
from ..pipeline import register_step
from ..story import Character, Mention, Story
from .ablation import enabled
from .ranker import Context, load_weights, rerank
from .rules import Told, addressees, rule_speakers

__all__ = ["FOLD_PARAGRAPHS", "FOLD_SHARE", "FOLD_VOTES", "attribute_speakers", "described_by_name", "make_speakers",
           "rule_speakers"]  # fmt: skip

# a described character ("the painter") is folded into the named one its interlocutors call by name at least
# FOLD_VOTES times, in at least FOLD_SHARE of the names they call it, in the lines at most FOLD_PARAGRAPHS
# paragraphs before or after its own
FOLD_VOTES = 4
FOLD_SHARE = 0.7
FOLD_PARAGRAPHS = 2


def attribute_speakers(story: Story, ranker: bool = True) -> None:
    """Set ``speaker``, ``addressees`` and ``attribution`` of every quote (see the module docstring).
    With ``ranker`` (the default), the learned ranker (:mod:`heartline.speakers.ranker`) takes a second look
    at the quotes the rules decided by turn-taking or a pronoun; ``ranker=False`` keeps the rules alone."""
    ids = [c.id for c in story.characters]  # the rules name characters by their place in this list
    if not story.quotes:
        return
    ctx = rule_speakers(story)
    speakers = list(ctx.speakers)
    if ranker:
        weights = load_weights()
        if weights is not None:
            speakers = rerank(ctx, weights)
    ev = ctx.ev
    merged = described_by_name(story, ctx, ids) if enabled("described_by_name") else {}
    if merged:
        ids = _fold_characters(story, ids, merged)
    told = Told.of(story)
    for qi, q in enumerate(story.quotes):
        sp = speakers[qi]
        q.speaker = ids[sp] if sp is not None else None
        q.attribution = ("explicit" if ctx.kinds[qi] == "action" else ctx.kinds[qi]) if sp is not None else None
        q.addressees = list(
            dict.fromkeys(ids[a] for a in addressees(story, qi, ev, speakers, told) if ids[a] != q.speaker)
        )
    _quote_mentions(story, story_tokens(story), ids)
    _count(story)


def _described(c: Character) -> bool:
    """Known only by a lower-case description: "the painter", not "the Invisible Man"."""
    return c.name.startswith("the ") and c.name[4:].islower()


def described_by_name(story: Story, ctx: Context, ids: Sequence[str]) -> dict[int, int]:
    """Characters known by a description that are a named character: "the painter" is Basil Hallward when
    those who talk with the painter call him "Basil". Counts the vocatives of the lines just before and after
    each line a tag gives to the description (spoken by someone else, in another paragraph); the name that
    has at least four of them and seven in ten, and no other gender, is the one."""
    by_id = {c.id: c for c in story.characters}
    chars = [by_id[cid] for cid in ids]
    qs = story.quotes
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for qi, sp in enumerate(ctx.speakers):
        if sp is None or ctx.kinds[qi] != "explicit" or not _described(chars[sp]):
            continue
        for qj in (qi - 1, qi + 1):
            if not 0 <= qj < len(qs) or not 0 < abs(qs[qj].paragraph - qs[qi].paragraph) <= FOLD_PARAGRAPHS:
                continue
            other = ctx.speakers[qj]
            votes[sp].update(v for v in ctx.ev[qj].vocatives if v not in (sp, other))
    out: dict[int, int] = {}
    for sp, c in votes.items():
        if not c:
            continue
        top, k = c.most_common(1)[0]
        a, b = chars[sp], chars[top]
        if (
            k >= FOLD_VOTES
            and k >= FOLD_SHARE * sum(c.values())
            and not _described(b)
            and not (a.gender and b.gender and a.gender != b.gender)
        ):
            out[sp] = top
    return out


def _fold_characters(story: Story, ids: list[str], merged: dict[int, int]) -> list[str]:
    """Fold each described character into the named one: its name becomes an alias, its mentions theirs.
    Returns the index -> id table with the folded indices pointing at the named character."""
    into = {ids[a]: ids[b] for a, b in merged.items()}
    by_id = {c.id: c for c in story.characters}
    for cid, target_id in into.items():
        c, target = by_id[cid], by_id[target_id]
        target.aliases = list(dict.fromkeys([*target.aliases, c.name, *c.aliases]))
        target.present = target.present or c.present
    story.characters = [c for c in story.characters if c.id not in into]
    for m in story.mentions:
        m.character = into.get(m.character, m.character)
    return [into.get(cid, cid) for cid in ids]


# -- after the speakers are known ---------------------------------------------------------------------


def _quote_mentions(story: Story, toks: Sequence[Tok], ids: Sequence[str]) -> None:
    """ "I" inside a quote means its speaker; "you" its first addressee (the first one it calls by name). A
    he / she inside a quote is neither: one the characters step gave to the speaker is taken again (see
    :func:`_not_the_speaker`)."""
    _not_the_speaker(story, toks)
    extra: list[Mention] = []
    for t in toks:
        if t.quote < 0:
            continue
        q = story.quotes[t.quote]
        if t.lower in FIRST_PERSON and q.speaker:
            extra.append(Mention(t.start, t.end, q.speaker, "pronoun", False))
        elif t.lower in SECOND_PERSON and q.addressees:
            extra.append(Mention(t.start, t.end, q.addressees[0], "pronoun", False))
    if extra:
        story.mentions = sorted(story.mentions + extra, key=lambda m: m.start)


# how far back a he / she in a quote looks for someone else of its gender
_REFER_BACK = 800


def _not_the_speaker(story: Story, toks: Sequence[Tok]) -> None:
    """A he / him / his / she / her in a quote that the characters step (which knows no speakers) gave to the
    quote's own speaker, when the narration names that speaker ("explicit"), means someone else: the last
    other character of its gender mentioned before it (within :data:`_REFER_BACK` characters), else no one.
    "She is so kind and Mamma is so fond of her!", said by Sónya, speaks of the princess."""
    gender = {c.id: c.gender for c in story.characters}
    at = {t.start: k for k, t in enumerate(toks) if t.quote >= 0 and t.lower in PRONOUNS}
    kept: list[Mention] = []
    for m in story.mentions:
        k = at.get(m.start) if m.kind == "pronoun" else None
        t = toks[k] if k is not None else None
        q = story.quotes[t.quote] if t is not None else None
        speaker = q.speaker if q is not None and q.attribution == "explicit" else None
        if t is None or k is None or speaker is None or m.character != speaker:
            kept.append(m)
            continue
        # "Mamma is so fond of her": not the one the feeling before it belongs to
        feeler = kept[-1].character if felt_for(toks, k) and kept else None
        for p in reversed(kept):
            if p.start < m.start - _REFER_BACK:
                break
            if p.character not in (speaker, feeler) and gender.get(p.character) == PRONOUNS[t.lower]:
                kept.append(Mention(m.start, m.end, p.character, m.kind, m.subject))
                break
    story.mentions = kept


def _count(story: Story) -> None:
    quotes: dict[str, int] = defaultdict(int)
    addressed: set[str] = set()
    mentions: dict[str, int] = defaultdict(int)
    for q in story.quotes:
        if q.speaker:
            quotes[q.speaker] += 1
        addressed.update(q.addressees)
    for m in story.mentions:
        mentions[m.character] += 1
    for c in story.characters:
        c.quotes = quotes.get(c.id, 0)
        c.mentions = mentions.get(c.id, 0)
        c.present = c.present or c.quotes > 0 or c.id in addressed


@register_step(
    "speakers",
    requires=("quotes", "characters", "mentions"),
    # it folds a described character into a named one and adds the "I" and "you" of quotes to the mentions
    assigns=("quotes.speaker", "quotes.addressees", "quotes.attribution", "characters", "mentions"),
)
def make_speakers(*, ranker: bool = True) -> Callable[[Story], None]:
    """Speaker, addressees and how the speaker was found, for every quote; ``ranker=False``: rules alone."""
    return functools.partial(attribute_speakers, ranker=ranker)
