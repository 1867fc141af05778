"""Who does a speech verb whose subject is not next to it: a few sentences parsed by spaCy.

"Denham got up from his chair, looked at Katharine, and said:", "was stopped by Sir Thomas's saying": the
word before the verb is not its subject, and walking back to the nearest name finds no subject or the wrong
one. spaCy's dependency parser knows the verb is a second verb of its clause (``conj``), a purpose ("to
say", ``xcomp``/``advcl``), or a gerund with an owner (``poss``), and so finds the subject. Parsing a whole
book would cost several seconds per 100k words; the speakers step asks only for the sentences where its
rules find no subject (a few hundred in a novel), which costs about half a second.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..language.tokens import Tok
from ..story import Story

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["parsed_subjects"]


_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "relcl", "acl"})


def parsed_subjects(story: Story, toks: Sequence[Tok], verbs: Iterable[int]) -> dict[int, int]:
    """Speech verb token -> the token of its subject (a name's head word, a pronoun), as spaCy parses its
    sentence. Verbs whose subject the parse does not find are left out."""
    wanted_verbs = set(verbs)
    wanted = sorted({toks[i].sent for i in wanted_verbs})
    if not wanted or not story.sentences:
        return {}
    from ..language.nlp import get_nlp

    nlp = get_nlp()
    keep = [p for p in ("tok2vec", "tagger", "parser") if p in nlp.pipe_names]
    if "parser" not in keep:
        return {}
    starts = [t.start for t in toks]

    def tok_index(char: int) -> int | None:
        j = bisect.bisect_left(starts, char)
        return j if j < len(toks) and toks[j].start == char else None

    out: dict[int, int] = {}
    texts = (story.text[story.sentences[s].start : story.sentences[s].end] for s in wanted)
    with nlp.select_pipes(enable=keep):
        for si, doc in zip(wanted, nlp.pipe(texts, batch_size=128), strict=True):
            base = story.sentences[si].start
            for t in doc:
                vi = tok_index(base + t.idx)
                if vi is None or vi not in wanted_verbs:
                    continue
                subj = _subject(t)
                subj_tok = tok_index(base + subj.idx) if subj is not None else None
                if subj_tok is not None and _same_clause(toks, subj_tok, vi):
                    out[vi] = subj_tok
    return out


def _same_clause(toks: Sequence[Tok], subj: int, verb: int) -> bool:
    """The subject comes before the verb with no spoken words, ";" or ":" between: a parse that reaches past
    those has lost its way ("... till Archer roused himself to say: "Do sit down"; whereupon M. Riviere")."""
    return subj < verb and all(toks[k].quote < 0 and toks[k].text not in (";", ":") for k in range(subj, verb))


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing from a second verb, a purpose or a gerund to the clause it is in."""
    node = verb
    for _ in range(5):
        for c in node.children:
            if c.dep_ == "poss" and node is verb:
                return c  # "Sir Thomas's saying"
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < node.i:
                if c.lower_ in ("who", "that") and node.dep_ == "relcl":
                    return node.head  # "Isabella, who had been talking to James, whispered"
                if c.lower_ in ("voice", "voices"):
                    owner = [p for p in c.children if p.dep_ == "poss"]
                    if owner and owner[0].lower_ == "whose" and node.dep_ == "relcl":
                        return node.head  # "Syme looked at Ratcliffe, whose voice said": Ratcliffe
                    return owner[0] if owner else None  # "May's clear voice rejoin"
                return c
        if node.dep_ not in _CLIMB or node.head is node:
            return None
        node = node.head
        if not node.tag_.startswith(("VB", "MD", "IN", "TO")):  # the tagger's tags: no attribute ruler ran
            return None
    return None
