"""A learned second look at each quote's speaker: rank the characters who could have said it.

The rules (:mod:`.rules`) decide every quote from one kind of evidence at a time (a tag, then
the paragraph's actor, then turn-taking). This module weighs all of it together. For each quote it
gathers candidates (the rules' choice, the tag's character, the paragraph's actor, the speakers of the
quotes around it, the characters named in the narration just before) and describes each candidate by a
few dozen yes/no and small-number features: is it the rules' choice, does its gender fit "she said", did
it speak two quotes ago, was it just called by name or "sir" (a man) or "mamma" (a woman), did it just ask a
question, is it named in this paragraph's narration, which side of the exchange its tags and names put it
on (:attr:`Context.chains`), do the quote's words sound like the lines a tag gives it
(:meth:`Context.voice_similarity`), has it called the one this quote calls by name before... A
score over those features (linear plus a small tanh layer), softmaxed over the candidates of one quote (a
conditional logit), picks the speaker. Each later pass (three in all) scores again with the neighbouring
quotes' speakers taken from the pass before, so a tag's speaker reaches down an untagged exchange, and the
last repeats until its answer settles.

The weights ship as ``models/speakers-v8.json`` (numbers only, no text: per pass, three scorers
fitted from different random starts, whose scores are averaged); ``scripts/
train_speakers.py`` fits them on PDNC novels and reports leave-novels-out accuracy.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..config import MODELS_DIR
from ..language.lexicon import ADDRESS_WORDS
from .ablation import enabled
from .conversation import same_conversation

__all__ = [
    "FEATURES",
    "FEATURE_TESTS",
    "RERANKED",
    "Context",
    "QuoteView",
    "allowed_candidates",
    "candidate_features",
    "load_weights",
    "rerank",
    "rerank_once",
    "scores",
]

WEIGHTS = MODELS_DIR / "speakers-v8.json"

FEATURES = (
    "rule",
    "rule_explicit",
    "rule_anaphoric",
    "rule_implicit",
    "rule_action",
    "alternate",
    "prev1_explicit",
    "prev2_explicit",
    "next1_explicit",
    "next2_explicit",
    "two_party",
    "tag_name",
    "tag_pronoun",
    "gender_match",
    "gender_mismatch",
    "gender_unknown",
    "action",
    "action_pronoun",
    "vocative_here",
    "named_here",
    "prev1",
    "prev2",
    "prev3",
    "next1",
    "next2",
    "prev1_same_paragraph",
    "addressed_by_prev",
    "addressed_by_next",
    "narration_p0",
    "subject_p0",
    "narration_p1",
    "narration_p2_5",
    "narration_p6_10",
    "narration_next",
    "spoke_within_15",
    "most_mentioned",
    "log_mentions",
    "conversation_start",
    "conversation_start_rule",
    "spoke_recently",
    "spoke_never",
    "tagged_speaker_nearby",
    "address_prev_match",
    "address_prev_mismatch",
    "address_next_match",
    "address_next_mismatch",
    "asked_prev1",
    "subject_last_p1",
    "chain_tagged_same",
    "chain_tagged_other",
    "chain_called_same",
    "chain_called_other",
    "chain_gender_clash",
    "chain_spoke_same",
    "chain_spoke_other",
    "chain_last_tag_same",
    "chain_last_tag_other",
    "chain_next_tag_same",
    "chain_next_tag_other",
    "before_subject1",
    "before_gsubject1",
    "before_gsubject2",
    "before_gmention1",
    "tag_addressee",
    "style_sim",
    "style_best",
    "style_unknown",
    "pair_talked",
)
_INDEX = {f: i for i, f in enumerate(FEATURES)}
# a word of address where a vocative stands: opening the quote, after a comma or "yes", and not the start of a
# name or a clause ("Yes, sir."; "Oh, mamma!"; not "Miss Bertram" nor "mother said")
_ADDRESS = re.compile(
    r"(?:^|[,!?;]\s*|\b(?:yes|no|oh|ah|well|dear)\s)("
    + "|".join(re.escape(w) for w in sorted(ADDRESS_WORDS, key=len, reverse=True))
    + r")\b(?!\s[a-z])",
    re.IGNORECASE,
)
REACH = 15  # paragraphs back that a quote's candidates and features read earlier speakers from
CHAIN = 12  # turns either way that the chain features read
BEFORE = 3  # paragraphs back that the characters mentioned before a quote are read from
# tagged lines a character needs before its words are compared with an untagged line's: one line is no voice
# (in the example story Willow's one tagged line took Buffy's "And then, well, Tara." from her)
VOICE_LINES = 2
MAX_CANDIDATES = 24  # candidates scored per quote, at most (the rules' choice and the tag's first)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class Context:
    """What the rules found, shared by every quote of a story: the per-quote evidence, the rules'
    speakers and kinds, genders, and who is named where in the narration."""

    def __init__(
        self,
        story: Any,
        ev: Sequence[Any],
        speakers: Sequence[int | None],
        kinds: Sequence[str],
        genders: dict[int, str | None],
        toks: Sequence[Any],
        refs: Sequence[Any],
    ) -> None:
        self.story, self.ev, self.speakers, self.kinds, self.genders = story, ev, speakers, kinds, genders
        self.rules = list(speakers)  # the rules' own choice; ``speakers`` may become an earlier pass's
        self.toks, self.refs = toks, refs
        self.ids = [c.id for c in story.characters]  # character index -> id, as the rules saw the characters
        self.paragraphs = [q.paragraph for q in story.quotes]

    @cached_property
    def _mention_tables(self) -> tuple[dict[int, set[int]], dict[int, set[int]], Counter[int], dict[int, int]]:
        """Built on first use, so the rules alone (the default) never pay for them."""
        named: dict[int, set[int]] = defaultdict(set)  # paragraph -> characters in its narration
        subjects: dict[int, set[int]] = defaultdict(set)
        last_subject: dict[int, int] = {}  # paragraph -> the last of them that is a sentence's subject
        counts: Counter[int] = Counter()
        for r in self.refs:
            counts[r.char] += 1
            t = self.toks[r.first]
            if t.quote < 0:
                named[t.para].add(r.char)
                if r.subject:
                    subjects[t.para].add(r.char)
                    last_subject[t.para] = r.char
        return named, subjects, counts, last_subject

    @property
    def named(self) -> dict[int, set[int]]:
        return self._mention_tables[0]

    @property
    def subjects(self) -> dict[int, set[int]]:
        return self._mention_tables[1]

    @property
    def counts(self) -> Counter[int]:
        return self._mention_tables[2]

    @cached_property
    def address_genders(self) -> list[str | None]:
        """Per quote, the gender its words of address tell of the one spoken to ("Yes, sir." -> "he"), if one."""
        out: list[str | None] = []
        for q in self.story.quotes:
            text = self.story.quote_text(q).replace("\u2019", "'")
            found = {ADDRESS_WORDS[m.group(1).lower()] for m in _ADDRESS.finditer(text)}
            out.append(found.pop() if len(found) == 1 else None)
        return out

    @cached_property
    def questions(self) -> list[bool]:
        """Per quote, whether it ends with a question mark."""
        return [self.story.quote_text(q).rstrip(" \n\"'”’").endswith("?") for q in self.story.quotes]

    @cached_property
    def last_subjects(self) -> dict[int, int]:
        """Paragraph -> the last character that is a sentence's subject in its narration, for paragraphs
        without dialogue: who acted last before the next line is spoken."""
        spoken = set(self.paragraphs)
        return {p: c for p, c in self._mention_tables[3].items() if p not in spoken}

    @cached_property
    def chains(self) -> list[tuple[list[int], list[int]]]:
        """Per quote, the quotes of its unbroken exchange (every paragraph between holds dialogue, up to
        :data:`CHAIN` turns either way) split by turn parity: those an even number of paragraphs away (the
        same side of a two-person exchange; its own paragraph excluded) and those an odd number away."""
        by_para: dict[int, list[int]] = defaultdict(list)
        for qi, p in enumerate(self.paragraphs):
            by_para[p].append(qi)
        out: list[tuple[list[int], list[int]]] = []
        for p in self.paragraphs:
            same: list[int] = []
            other: list[int] = []
            for step in (-1, 1):
                k = p + step
                while k in by_para and abs(k - p) <= CHAIN:
                    (same if (k - p) % 2 == 0 else other).extend(by_para[k])
                    k += step
            out.append((same, other))
        return out

    @cached_property
    def before(self) -> list[tuple[list[int], list[int]]]:
        """Per quote, the characters the narration before it names or refers to (its own paragraph and up to
        :data:`BEFORE` paragraphs back), nearest first and each once: those that are a sentence's subject, and
        all of them. "Marianne began to speak ... 'I wish,' said she": she is most likely the last subject."""
        narr = [r for r in self.refs if self.toks[r.first].quote < 0]
        starts = [self.toks[r.first].start for r in narr]
        out: list[tuple[list[int], list[int]]] = []
        for q in self.story.quotes:
            p = q.paragraph
            subjects: list[int] = []
            mentions: list[int] = []
            k = bisect.bisect_left(starts, q.start) - 1
            while k >= 0 and self.toks[narr[k].first].para >= p - BEFORE and len(mentions) < 6:
                r = narr[k]
                if r.char not in mentions:
                    mentions.append(r.char)
                if r.subject and r.char not in subjects:
                    subjects.append(r.char)
                k -= 1
            out.append((subjects, mentions))
        return out

    @cached_property
    def tagged(self) -> list[tuple[int, int]]:
        """(quote, speaker) for every quote the rules decided by a tag."""
        return [
            (j, sp)
            for j, (sp, k) in enumerate(zip(self.rules, self.kinds, strict=True))
            if sp is not None and k == "explicit"
        ]

    @cached_property
    def _voices(self) -> tuple[list[dict[str, float]], dict[int, dict[str, float]]]:
        """Each quote's unit tf-idf vector of its words (idf over the story's quotes), and per character that of
        the words of the quotes a tag gives it: how that character talks ("my dear", "papa", "I daresay")."""
        words = [
            Counter(_WORD.findall(self.story.quote_text(q).lower().replace("\u2019", "'"))) for q in self.story.quotes
        ]
        df: Counter[str] = Counter(w for c in words for w in c)
        idf = {w: math.log(len(words) / d) for w, d in df.items()}
        pooled: dict[int, Counter[str]] = defaultdict(Counter)
        lines: Counter[int] = Counter()
        for j, sp in self.tagged:
            pooled[sp].update(words[j])
            lines[sp] += 1
        voices = {c: _unit(cnt, idf) for c, cnt in pooled.items() if lines[c] >= VOICE_LINES}
        return [_unit(c, idf) for c in words], voices

    def voice_similarity(self, qi: int, cands: Sequence[int]) -> list[float | None]:
        """Per candidate, the cosine between quote ``qi``'s words and the candidate's tagged quotes (None: it
        has fewer than :data:`VOICE_LINES`, too few to know its voice by). Only quotes the rules did not tag
        are ranked, so a ranked quote is never part of the profiles it is compared with."""
        quotes, voices = self._voices
        q = quotes[qi]
        out: list[float | None] = []
        for c in cands:
            v = voices.get(c)
            out.append(None if v is None else sum(x * v.get(w, 0.0) for w, x in q.items()))
        return out

    @cached_property
    def talked(self) -> set[tuple[int, int]]:
        """Pairs of characters (both orders) one of whom speaks to the other in a tagged quote, by name or
        "said to X"."""
        out: set[tuple[int, int]] = set()
        for j, sp in self.tagged:
            for a in _addressed(self.ev[j]) - {sp}:
                out.update(((sp, a), (a, sp)))
        return out

    def same_conversation(self, a: int, b: int) -> bool:
        return same_conversation(self.story, a, b)

    def speakers_before(self, qi: int, gap: int, limit: int | None = None) -> list[int | None]:
        """The rules' speakers of the quotes before ``qi`` within ``gap`` paragraphs of it, nearest first,
        at most ``limit`` of them."""
        p = self.paragraphs[qi]
        out: list[int | None] = []
        j = qi - 1
        while j >= 0 and p - self.paragraphs[j] <= gap and (limit is None or len(out) < limit):
            out.append(self.speakers[j])
            j -= 1
        return out

    def neighbour(self, qi: int, step: int) -> int | None:
        """The quote ``step`` quotes away (negative: before) when the chain between stays one conversation."""
        j = qi
        for _ in range(abs(step)):
            k = j + (1 if step > 0 else -1)
            if k < 0 or k >= len(self.paragraphs) or not self.same_conversation(min(j, k), max(j, k)):
                return None
            j = k
        return j


def _unit(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    v = {w: (1.0 + math.log(k)) * idf[w] for w, k in counts.items()}
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {w: x / norm for w, x in v.items()} if norm else {}


def _candidates(ctx: Context, qi: int) -> list[int]:
    e = ctx.ev[qi]
    out: list[int] = []

    def add(c: int | None) -> None:
        if c is not None and c not in out:
            out.append(c)

    add(ctx.rules[qi])
    add(e.tag_speaker)
    add(e.action)
    add(e.action_pronoun)
    for step in (-1, -2, -3, 1, 2):
        j = ctx.neighbour(qi, step)
        if j is not None:
            add(ctx.speakers[j])
            for v in ctx.ev[j].vocatives:
                add(v)
    p = ctx.paragraphs[qi]
    for k in range(p, p - 4, -1):
        for c in sorted(ctx.subjects.get(k, ())):
            add(c)
    for k in range(p, p - 3, -1):
        for c in sorted(ctx.named.get(k, ())):
            add(c)
    for sp in ctx.speakers_before(qi, REACH):
        add(sp)
    for c in sorted(ctx.named.get(p + 1, ())):
        add(c)
    for k in range(p - 3, p - 11, -1):
        for c in sorted(ctx.named.get(k, ())):
            add(c)
    return out[:MAX_CANDIDATES]


def _addressed(e: Any) -> set[int]:
    """Who a quote's evidence says it is spoken to: its vocatives and the tag's "said to X"."""
    return set(e.vocatives) | ({e.tag_addressee} if e.tag_addressee is not None else set())


@dataclass(slots=True)
class QuoteView:
    """What the features of one quote's candidates read: the quote's evidence and its neighbourhood, worked
    out once per quote (see :data:`FEATURE_TESTS`)."""

    ctx: Context
    qi: int
    cands: list[int]
    e: Any  # the quote's Evidence
    rule: int | None
    kind: str
    gender: str | None  # of the tag's pronoun, or of the paragraph's subject pronoun when there is no tag
    prev: dict[int, int | None]  # k -> the quote k turns before in this conversation, if any
    nxt: dict[int, int | None]  # k -> the quote k turns after
    p: int  # the quote's paragraph
    recent: list[int | None]
    prev_addressed: set[int]
    next_addressed: set[int]
    tagged_near: set[int]
    far: set[int | None]
    party: set[int | None]
    addr_prev: str | None
    addr_next: str | None
    asked: int | None
    last_subject: int | None
    tagged_same: set[int | None]
    tagged_other: set[int | None]
    called_same: set[int]
    called_other: set[int]
    spoke_same: set[int | None]
    spoke_other: set[int | None]
    nearest: dict[str, int | None]  # "last"/"next" -> the exchange's nearest quote with a named tag that way
    side_genders: set[str | None]
    before_subjects: list[int]
    gsubjects: list[int]
    gmention: int | None
    counts: list[int]
    top: int
    voice: list[float | None]
    best_voice: float

    @classmethod
    def of(cls, ctx: Context, qi: int, cands: list[int]) -> QuoteView:
        e = ctx.ev[qi]
        gender = e.tag_gender or (e.action_gender if e.tag_kind is None else None)
        prev = {k: ctx.neighbour(qi, -k) for k in (1, 2, 3)}
        nxt = {k: ctx.neighbour(qi, k) for k in (1, 2)}
        p = ctx.paragraphs[qi]
        tagged_near: set[int] = set()
        for j2 in (prev[1], prev[2], nxt[1], nxt[2]):
            if j2 is not None and ctx.kinds[j2] == "explicit" and ctx.speakers[j2] is not None:
                tagged_near.add(ctx.speakers[j2])  # type: ignore[arg-type]
        same_side, other_side = ctx.chains[qi]
        nearest: dict[str, int | None] = {"last": None, "next": None}
        for j in same_side + other_side:
            if ctx.kinds[j] == "explicit":
                way = "last" if ctx.paragraphs[j] < p else "next"
                k = nearest[way]
                if k is None or (abs(ctx.paragraphs[j] - p), j) < (abs(ctx.paragraphs[k] - p), k):
                    nearest[way] = j
        before_subjects, before_mentions = ctx.before[qi]
        if gender is not None:
            gsubjects = [c for c in before_subjects if ctx.genders.get(c) == gender]
            gmention = next((c for c in before_mentions if ctx.genders.get(c) == gender), None)
        else:
            gsubjects, gmention = [], None
        counts = [ctx.counts.get(c, 0) for c in cands]
        voice = ctx.voice_similarity(qi, cands)
        return cls(
            ctx=ctx,
            qi=qi,
            cands=cands,
            e=e,
            rule=ctx.rules[qi],
            kind=ctx.kinds[qi],
            gender=gender,
            prev=prev,
            nxt=nxt,
            p=p,
            recent=ctx.speakers_before(qi, 12, limit=6),
            prev_addressed=_addressed(ctx.ev[prev[1]]) if prev[1] is not None else set(),
            next_addressed=_addressed(ctx.ev[nxt[1]]) if nxt[1] is not None else set(),
            tagged_near=tagged_near,
            far=set(ctx.speakers_before(qi, REACH)),
            party={ctx.speakers[j] for j in (prev[1], prev[2], prev[3]) if j is not None} - {None},
            addr_prev=ctx.address_genders[prev[1]] if prev[1] is not None and ctx.paragraphs[prev[1]] != p else None,
            addr_next=ctx.address_genders[nxt[1]] if nxt[1] is not None and ctx.paragraphs[nxt[1]] != p else None,
            asked=ctx.speakers[prev[1]] if prev[1] is not None and ctx.questions[prev[1]] else None,
            last_subject=ctx.last_subjects.get(p - 1),
            tagged_same={ctx.rules[j] for j in same_side if ctx.kinds[j] == "explicit"},
            tagged_other={ctx.rules[j] for j in other_side if ctx.kinds[j] == "explicit"},
            called_same={v for j in other_side for v in ctx.ev[j].vocatives},  # the other side calls this one
            called_other={v for j in same_side for v in ctx.ev[j].vocatives},
            spoke_same={ctx.speakers[j] for j in same_side},
            spoke_other={ctx.speakers[j] for j in other_side},
            nearest=nearest,
            side_genders={ctx.ev[j].tag_gender for j in same_side if ctx.ev[j].tag_kind == "pronoun"} - {None},
            before_subjects=before_subjects,
            gsubjects=gsubjects,
            gmention=gmention,
            counts=counts,
            top=max(counts),
            voice=voice,
            best_voice=max((s for s in voice if s is not None), default=0.0),
        )

    def spoke(self, j: int | None, c: int) -> bool:
        """Quote ``j`` exists and ``c`` says it."""
        return j is not None and self.ctx.speakers[j] == c

    def explicit(self, j: int | None) -> bool:
        return j is not None and self.ctx.kinds[j] == "explicit"

    def named_in(self, c: int, paragraphs: range) -> bool:
        """``c`` is named in the narration of one of ``paragraphs``."""
        return any(c in self.ctx.named.get(k, ()) for k in paragraphs)

    def nearest_tag(self, way: str, c: int, side: str) -> bool:
        """The exchange's nearest named tag ``way`` ("last" or "next") gives ``c``, on ``side`` of it."""
        jt = self.nearest[way]
        if jt is None or self.ctx.rules[jt] != c:
            return False
        return ("same" if (self.ctx.paragraphs[jt] - self.p) % 2 == 0 else "other") == side


FeatureTest = Callable[[QuoteView, int, int], float]  # (the quote, the candidate's row, the candidate) -> value


def _gender(q: QuoteView, c: int) -> str | None:
    return q.ctx.genders.get(c)


# Each feature of a candidate ``c`` of a quote ``q`` (row ``r`` of its matrix): a yes/no (True is 1.0) or a number.
# The order of the features is :data:`FEATURES`, the order the shipped weights were fitted in.
FEATURE_TESTS: dict[str, FeatureTest] = {
    # what the rules decided, and how
    "rule": lambda q, r, c: c == q.rule,
    "rule_explicit": lambda q, r, c: c == q.rule and q.kind == "explicit",
    "rule_anaphoric": lambda q, r, c: c == q.rule and q.kind == "anaphoric",
    "rule_implicit": lambda q, r, c: c == q.rule and q.kind == "implicit",
    "rule_action": lambda q, r, c: c == q.rule and q.kind == "action",
    "conversation_start_rule": lambda q, r, c: c == q.rule and q.prev[1] is None,
    # the quote's own tag, its gender, the paragraph's actor
    "tag_name": lambda q, r, c: c == q.e.tag_speaker and q.e.tag_kind in ("name", "nominal"),
    "tag_pronoun": lambda q, r, c: c == q.e.tag_speaker and q.e.tag_kind not in ("name", "nominal"),
    "gender_match": lambda q, r, c: q.gender is not None and _gender(q, c) == q.gender,
    "gender_mismatch": lambda q, r, c: q.gender is not None and _gender(q, c) not in (None, q.gender),
    "gender_unknown": lambda q, r, c: q.gender is not None and _gender(q, c) is None,
    "action": lambda q, r, c: c == q.e.action,
    "action_pronoun": lambda q, r, c: c == q.e.action_pronoun,
    "vocative_here": lambda q, r, c: c in q.e.vocatives,
    "tag_addressee": lambda q, r, c: c == q.e.tag_addressee,  # "he asked Campbell": not Campbell
    "named_here": lambda q, r, c: c in q.e.named,
    # the turns around it
    "prev1": lambda q, r, c: q.spoke(q.prev[1], c),
    "prev2": lambda q, r, c: q.spoke(q.prev[2], c),
    "prev3": lambda q, r, c: q.spoke(q.prev[3], c),
    "prev1_explicit": lambda q, r, c: q.spoke(q.prev[1], c) and q.explicit(q.prev[1]),
    "prev2_explicit": lambda q, r, c: q.spoke(q.prev[2], c) and q.explicit(q.prev[2]),
    "prev1_same_paragraph": lambda q, r, c: q.spoke(q.prev[1], c) and q.ctx.paragraphs[q.prev[1]] == q.p,  # type: ignore[index]
    "next1": lambda q, r, c: q.spoke(q.nxt[1], c),
    "next2": lambda q, r, c: q.spoke(q.nxt[2], c),
    "next1_explicit": lambda q, r, c: q.spoke(q.nxt[1], c) and q.explicit(q.nxt[1]),
    "next2_explicit": lambda q, r, c: q.spoke(q.nxt[2], c) and q.explicit(q.nxt[2]),
    "alternate": lambda q, r, c: q.spoke(q.prev[2], c) and q.ctx.speakers[q.prev[1]] not in (None, c),  # type: ignore[index]
    "two_party": lambda q, r, c: len(q.party) == 2 and c in q.party,
    "addressed_by_prev": lambda q, r, c: c in q.prev_addressed,
    "addressed_by_next": lambda q, r, c: c in q.next_addressed,
    "conversation_start": lambda q, r, c: q.prev[1] is None,
    "spoke_within_15": lambda q, r, c: c in q.far,
    "spoke_recently": lambda q, r, c: c in q.recent,
    "spoke_never": lambda q, r, c: c not in q.recent,
    "tagged_speaker_nearby": lambda q, r, c: c in q.tagged_near,
    "asked_prev1": lambda q, r, c: c == q.asked,
    # the narration around it
    "narration_p0": lambda q, r, c: c in q.ctx.named.get(q.p, ()),
    "subject_p0": lambda q, r, c: c in q.ctx.subjects.get(q.p, ()),
    "narration_p1": lambda q, r, c: c in q.ctx.named.get(q.p - 1, ()),
    "narration_p2_5": lambda q, r, c: q.named_in(c, range(q.p - 5, q.p - 1)),
    "narration_p6_10": lambda q, r, c: q.named_in(c, range(q.p - 10, q.p - 5)),
    "narration_next": lambda q, r, c: c in q.ctx.named.get(q.p + 1, ()),
    "subject_last_p1": lambda q, r, c: c == q.last_subject,
    "before_subject1": lambda q, r, c: bool(q.before_subjects) and c == q.before_subjects[0],
    "before_gsubject1": lambda q, r, c: c in q.gsubjects[:2] and c == q.gsubjects[0],
    "before_gsubject2": lambda q, r, c: c in q.gsubjects[:2] and c != q.gsubjects[0],
    "before_gmention1": lambda q, r, c: c == q.gmention,
    # how often the story names it
    "most_mentioned": lambda q, r, c: q.counts[r] == q.top,
    "log_mentions": lambda q, r, c: math.log1p(q.counts[r]) - math.log1p(q.top),
    # who the words of address and the exchange's sides point at
    "address_prev_match": lambda q, r, c: q.addr_prev is not None and _gender(q, c) == q.addr_prev,
    "address_prev_mismatch": lambda q, r, c: _gender(q, c) is not None and q.addr_prev not in (None, _gender(q, c)),
    "address_next_match": lambda q, r, c: q.addr_next is not None and _gender(q, c) == q.addr_next,
    "address_next_mismatch": lambda q, r, c: _gender(q, c) is not None and q.addr_next not in (None, _gender(q, c)),
    "chain_tagged_same": lambda q, r, c: c in q.tagged_same,
    "chain_tagged_other": lambda q, r, c: c in q.tagged_other,
    "chain_called_same": lambda q, r, c: c in q.called_same,
    "chain_called_other": lambda q, r, c: c in q.called_other,
    "chain_gender_clash": lambda q, r, c: bool(q.side_genders) and _gender(q, c) not in (None, *q.side_genders),
    "chain_spoke_same": lambda q, r, c: c in q.spoke_same,
    "chain_spoke_other": lambda q, r, c: c in q.spoke_other,
    "chain_last_tag_same": lambda q, r, c: q.nearest_tag("last", c, "same"),
    "chain_last_tag_other": lambda q, r, c: q.nearest_tag("last", c, "other"),
    "chain_next_tag_same": lambda q, r, c: q.nearest_tag("next", c, "same"),
    "chain_next_tag_other": lambda q, r, c: q.nearest_tag("next", c, "other"),
    # its voice: do the quote's words sound like the lines tags give it (a cosine, scaled towards the 0/1 features)
    "style_sim": lambda q, r, c: 4 * q.voice[r] if q.voice[r] is not None else 0.0,  # type: ignore[operator]
    "style_best": lambda q, r, c: q.voice[r] is not None and q.best_voice > 0 and q.voice[r] == q.best_voice,
    "style_unknown": lambda q, r, c: q.voice[r] is None,
    "pair_talked": lambda q, r, c: any((c, a) in q.ctx.talked for a in q.e.vocatives),
}  # fmt: skip
_TESTS = [FEATURE_TESTS[name] for name in FEATURES]  # KeyError here: a feature without a test


def candidate_features(ctx: Context, qi: int) -> tuple[list[int], np.ndarray]:
    """The candidates for quote ``qi`` and their feature rows (one row per candidate, :data:`FEATURES` wide)."""
    cands = _candidates(ctx, qi)
    x = np.zeros((len(cands), len(FEATURES)), dtype=np.float32)
    if not cands:
        return cands, x
    q = QuoteView.of(ctx, qi, cands)
    for row, c in enumerate(cands):
        x[row] = [test(q, row, c) for test in _TESTS]
    return cands, x


Params = dict[str, np.ndarray]  # one fitted scorer: a linear part aligned to FEATURES and an optional tanh layer
Pass = Sequence[Params]  # scorers of one pass, fitted from different random starts: their scores are averaged


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> list[list[Params]] | None:
    """The shipped parameters, one list of scorers per pass, or None when the file is absent or was fitted on
    other features."""
    p = Path(path) if path else WEIGHTS
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    passes = data.get("passes")
    if data.get("features") != list(FEATURES) or not isinstance(passes, list):
        return None
    if not all(
        isinstance(members, list) and members and all(isinstance(m, dict) for m in members) for members in passes
    ):
        return None  # an older format (speakers-v6: one scorer per pass)
    return [[{k: np.asarray(v, dtype=np.float32) for k, v in m.items()} for m in members] for members in passes]


def scores(members: Pass, x: np.ndarray) -> np.ndarray:
    """One score per candidate row: the mean of the pass's scorers."""
    total = np.zeros(len(x), dtype=np.float32)
    for params in members:
        s = x @ params["linear"]
        if "w1" in params:
            s = s + np.tanh(x @ params["w1"] + params["b1"]) @ params["w2"]
        total += s
    return total / max(len(members), 1)


# The rules' kinds of decision the ranker takes a second look at. Quotes given to the actor of their own
# paragraph ("“You didn't.” Buffy opens her eyes.") are not among them: reranking those gained 0.15 points on
# PDNC and lost the example story's third quote.
RERANKED = ("anaphoric", "implicit")


def allowed_candidates(ctx: Context, qi: int) -> tuple[list[int], np.ndarray]:
    """:func:`candidate_features` less the groups a quote that says I cannot be (``Evidence.groups``), and less
    the characters the quote itself addresses by name ("Listen, Wil, ..."), unless that leaves none: the learned
    weights see too few vocatives to rule them out on their own."""
    cands, x = candidate_features(ctx, qi)
    groups = ctx.ev[qi].groups  # a group says "we", not "I": with none else, the rules' answer stands
    if groups and any(c in groups for c in cands):
        one = [j for j, c in enumerate(cands) if c not in groups]
        cands, x = [cands[j] for j in one], x[one]
    addressed = set(ctx.ev[qi].vocatives) if enabled("vocative_filter") else set()
    keep = [j for j, c in enumerate(cands) if c not in addressed]
    if keep and len(keep) < len(cands):
        return [cands[j] for j in keep], x[keep]
    return cands, x


SETTLE = 4  # extra rounds of the last pass at most, until no speaker changes


def rerank(
    ctx: Context,
    passes: Sequence[Pass],
    kinds_to_rerank: Sequence[str] = RERANKED,
    settle: int = SETTLE,
) -> list[int | None]:
    """New speakers: for each quote the rules decided by one of ``kinds_to_rerank`` (or not at all), the
    best-scoring of its :func:`allowed_candidates`; the others keep the rules' speaker. Each pass after the
    first reads the quotes around from the pass before it, so a tag's speaker reaches down a conversation;
    the last pass then runs again, up to ``settle`` times, until its answer stops changing."""
    out = list(ctx.rules)
    for k, params in enumerate(passes):
        ctx.speakers = out
        out = rerank_once(ctx, params, kinds_to_rerank)
        if k == len(passes) - 1 and k > 0:
            for _ in range(settle):
                changed = [j for j, (a, b) in enumerate(zip(out, ctx.speakers, strict=True)) if a != b]
                if not changed:
                    break
                ctx.speakers = out
                out = rerank_once(ctx, params, kinds_to_rerank, only=_affected(ctx, changed), start=out)
    ctx.speakers = list(ctx.rules)
    return out


def _affected(ctx: Context, changed: Sequence[int]) -> set[int]:
    """The quotes whose features read the speaker of a changed quote: those up to :data:`CHAIN` paragraphs
    before it (``next1``, ``next2``, ``chain_spoke_*``) and up to :data:`REACH` paragraphs after it
    (``prev1``-``prev3``, candidates, ``spoke_within_15``). Quotes are in text order, so their paragraphs are
    sorted."""
    out: set[int] = set()
    paras = ctx.paragraphs
    for j in changed:
        lo = bisect.bisect_left(paras, paras[j] - CHAIN)
        hi = bisect.bisect_right(paras, paras[j] + max(REACH, CHAIN))
        out.update(range(lo, hi))
    return out


def rerank_once(
    ctx: Context,
    params: Pass,
    kinds_to_rerank: Sequence[str] = RERANKED,
    only: set[int] | None = None,
    start: Sequence[int | None] | None = None,
) -> list[int | None]:
    """One pass of :func:`rerank`, with the neighbours' speakers taken from ``ctx.speakers``. With ``only``,
    just those quotes are scored again; the others keep their answer in ``start``."""
    out = list(ctx.rules if start is None else start)
    for qi in range(len(out)) if only is None else sorted(only):
        if ctx.kinds[qi] not in kinds_to_rerank and ctx.rules[qi] is not None:
            continue
        cands, x = allowed_candidates(ctx, qi)
        if cands:
            out[qi] = cands[int(np.argmax(scores(params, x)))]
    return out
