"""The "speakers" step: who says each quote, and to whom.

    rules.py         the evidence around each quote and the rules' decision
    conversation.py  turn-taking: which quotes make one conversation
    ranker.py        the learned second look at the quotes the rules decided by a pronoun or turn-taking

Evidence for each quote, strongest first:

1. a speech tag with a name: “...,” said Anne / Willow says quietly / Anne said, “...”  (explicit)
2. a speech tag with a pronoun: “...,” she said  (anaphoric: the pronoun's gender, then turn-taking)
3. turn-taking: in a conversation the speakers alternate; a quote in the same paragraph as the last one
   continues it; a vocative ("Listen, Wil,") names the addressee, so the speaker is someone else
   (implicit)

Then the learned ranker (:mod:`.ranker`, on by default) takes a second look at the quotes decided by 2 and
3, weighing all the evidence at once (the subject of the narration in the quote's paragraph among it), in
passes that each read the one before.

Addressees are the characters named by vocatives, the object of "said to X", else the other party of the
conversation (who speaks just before or after, with up to two paragraphs of narration between). Once
speakers are known, "I" inside a quote is a mention of the speaker and "you" of its first addressee; both
are added to ``story.mentions``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..language.lexicon import FIRST_PERSON, SECOND_PERSON
from ..language.tokens import Tok, story_tokens
from ..pipeline import register_step
from ..story import Mention, Story
from .ranker import load_weights, rerank
from .rules import addressees, rule_speakers

__all__ = ["attribute_speakers", "make_speakers", "rule_speakers"]


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
    for qi, q in enumerate(story.quotes):
        sp = speakers[qi]
        q.speaker = ids[sp] if sp is not None else None
        q.attribution = ("explicit" if ctx.kinds[qi] == "action" else ctx.kinds[qi]) if sp is not None else None
        q.addressees = list(dict.fromkeys(ids[a] for a in addressees(story, qi, ev, speakers) if ids[a] != q.speaker))
    _quote_mentions(story, story_tokens(story), ids)
    _count(story)


# -- after the speakers are known ---------------------------------------------------------------------


def _quote_mentions(story: Story, toks: Sequence[Tok], ids: Sequence[str]) -> None:
    """ "I" inside a quote means its speaker; "you" its first addressee (the first one it calls by name)."""
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
