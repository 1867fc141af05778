"""Silver emotion labels for fiction by distant supervision: speech tags, manner adverbs and behavioural cues.

usage: python scripts/fiction_silver.py BOOK.txt [BOOK.txt ...] --out runs/silver --dev-every 10

Reads public-domain books (plain text; a Project Gutenberg header and licence are dropped) and writes JSON
lines ``{"text", "labels": {label: weight}, "kind", "book"}``, labels among the 28 GoEmotions labels:

* **quotes tagged with a cue**: ``"...," she sobbed``, ``he snapped``, ``said bitterly``, ``cried angrily``,
  ``whispered nervously``, ``laughed`` (a cue verb, or a speech verb with a manner adverb or phrase such as
  "in alarm"). The quote's words are the text, WITHOUT the tag, so the model cannot read the cue; in
  ``--with-tag`` of them (default 0.25) the whole quote-and-tag passage is kept instead, since the pipeline
  and readers also see sentences with their tags.
* **narration with a cue**: sentences outside quotes with a physical or behavioural cue (trembling, wept,
  blushed, clenched, glared, smiled, grinned, frowned...) or an emotion word of heartline's lexicon
  (``heartline.language.lexicon``: EMOTION_ADJECTIVES, EMOTION_NOUNS, EMOTION_VERBS); a cue just after a
  negation ("did not smile") is skipped. In ``--drop-cue`` of them (default 0.25) the cue word itself is cut
  out, so the model learns from the rest of the sentence rather than the list.
* **plain narration** (``kind: plain``): sentences with no cue, up to ``--plain`` per book, for the teacher's
  soft labels alone (they keep "most narration is neutral" true).
* **bodily fear**: narration where a hand, voice, lip or knee shakes or quivers (``BODILY_FEAR``) is a fear cue;
  such rows are rare, so train holds ``--bodily-fear`` copies of each (the cue kept), and ``--shake-not-fear``
  copies of each cue-free sentence with a shake that is not fear ("shook his head", "shook hands").

Every row carries ``prev``, the sentence before it in the book; ``--context`` is the share of train rows written
``prev [SEP] sentence`` (default 0: the previous sentence lowered the held-out scores, docs/emotions.md).

Books whose index (in argument order) is a multiple of ``--dev-every`` go to ``dev.jsonl`` (a silver dev split
held out by book); the rest to ``train.jsonl``. Nothing here is shipped: the output stays in runs/.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from heartline.language.lexicon import EMOTION_ADJECTIVES, EMOTION_NOUNS, EMOTION_VERBS

L = dict[str, float]


def _each(words: tuple[str, ...], labels: L) -> dict[str, L]:
    """Each word with its own copy of ``labels``."""
    return {w: dict(labels) for w in words}


# Speech verbs that carry an emotion by themselves.
CUE_VERBS: dict[str, L] = {
    **_each(("sobbed", "wept", "blubbered", "wailed", "whimpered", "sniffed", "sniffled"), {"sadness": 1.0}),
    **_each(("sighed", "groaned", "moaned", "lamented"), {"sadness": 0.7, "disappointment": 0.5}),
    **_each(("snapped", "snarled", "growled", "roared", "thundered", "barked", "fumed", "raged",
                     "bellowed", "hissed", "stormed", "raved"), {"anger": 1.0, "annoyance": 0.6}),
    **_each(("grumbled", "complained", "grunted", "huffed"), {"annoyance": 1.0}),
    **_each(("sneered", "scoffed", "jeered", "mocked", "taunted"), {"disapproval": 0.8, "disgust": 0.6}),
    **_each(("laughed", "chuckled", "giggled", "tittered", "chortled", "laughingly"),
                    {"amusement": 1.0, "joy": 0.6}),
    **_each(("beamed", "exulted", "rejoiced"), {"joy": 1.0}),
    **_each(("stammered", "stuttered", "faltered", "quavered"), {"nervousness": 1.0, "fear": 0.5}),
    **_each(("shrieked", "screamed", "gasped out"), {"fear": 1.0}),
    **_each(("gasped", "exclaimed"), {"surprise": 0.9}),
    **_each(("pleaded", "begged", "implored", "entreated", "beseeched"), {"desire": 0.6, "nervousness": 0.5}),
    **_each(("teased", "joked", "jested"), {"amusement": 1.0}),
    **_each(("apologized", "apologised"), {"remorse": 1.0}),
}  # fmt: skip
SPEECH_VERBS = (
    "said", "says", "asked", "replied", "answered", "cried", "exclaimed", "returned", "added", "whispered",
    "muttered", "murmured", "shouted", "called", "continued", "repeated", "observed", "remarked", "rejoined",
    "went on", "began", "retorted", "responded", "demanded", "inquired", "enquired", "declared", "spoke",
)  # fmt: skip
# Manner adverbs and phrases after a speech verb (or after a cue verb: they win over it).
MANNER: dict[str, L] = {
    **_each(("angrily", "furiously", "fiercely", "savagely", "wrathfully", "indignantly", "hotly",
                     "in a rage", "with fury", "in anger", "with anger", "violently"), {"anger": 1.0}),
    **_each(("impatiently", "irritably", "crossly", "testily", "peevishly", "petulantly", "tartly",
                     "snappishly", "sulkily", "sharply", "gruffly", "curtly", "with impatience", "with irritation"),
                    {"annoyance": 1.0}),
    **_each(("contemptuously", "scornfully", "disdainfully", "sneeringly", "reproachfully", "coldly",
                     "sternly", "severely", "haughtily", "with contempt", "with scorn"),
                    {"disapproval": 1.0, "disgust": 0.4}),
    **_each(("in disgust", "with disgust", "disgustedly", "with loathing", "with a grimace"),
                    {"disgust": 1.0}),
    **_each(("sadly", "sorrowfully", "mournfully", "dolefully", "gloomily", "miserably", "despondently",
                     "dejectedly", "tearfully", "brokenly", "bitterly", "wretchedly", "plaintively", "with a sigh",
                     "through her tears", "through his tears", "between her sobs", "between his sobs",
                     "in a broken voice", "sorrowingly", "heavily", "wearily"), {"sadness": 1.0}),
    **_each(("happily", "joyfully", "joyously", "gleefully", "cheerfully", "merrily", "gaily", "gayly",
                     "brightly", "delightedly", "blithely", "jubilantly", "radiantly", "with delight",
                     "with a smile", "smilingly", "smiling", "in delight", "with joy"), {"joy": 1.0}),
    **_each(("laughingly", "with a laugh", "amusedly", "playfully", "teasingly", "mischievously",
                     "archly", "jokingly", "laughing", "with a grin", "grinning"), {"amusement": 1.0}),
    **_each(("excitedly", "eagerly", "breathlessly", "enthusiastically", "with excitement",
                     "in excitement"), {"excitement": 1.0}),
    **_each(("fearfully", "timidly", "tremblingly", "in terror", "in alarm", "with a shudder", "in horror",
                     "with horror", "in a trembling voice", "in a frightened voice", "in fright",
                     "in a whisper of fear", "trembling", "shuddering", "in dismay", "with dread", "faintly"),
                    {"fear": 1.0}),
    **_each(("nervously", "anxiously", "uneasily", "hesitantly", "hesitatingly", "shakily", "with anxiety",
                     "apprehensively", "worriedly"), {"nervousness": 1.0}),
    **_each(("shyly", "bashfully", "sheepishly", "awkwardly", "with a blush", "blushing", "confusedly",
                     "in embarrassment", "shamefacedly"), {"embarrassment": 1.0}),
    **_each(("in surprise", "in astonishment", "in amazement", "wonderingly", "incredulously",
                     "with surprise", "with astonishment", "in wonder", "astonished", "amazed", "startled"),
                    {"surprise": 1.0}),
    **_each(("doubtfully", "in bewilderment", "perplexedly", "in confusion", "uncertainly", "puzzled",
                     "in perplexity", "dubiously", "vaguely"), {"confusion": 1.0}),
    **_each(("curiously", "inquisitively", "with curiosity", "inquiringly"), {"curiosity": 1.0}),
    **_each(("tenderly", "affectionately", "fondly", "lovingly", "passionately", "warmly", "adoringly"),
                    {"love": 1.0, "caring": 0.5}),
    **_each(("gently", "kindly", "soothingly", "sympathetically", "compassionately", "reassuringly",
                     "consolingly", "comfortingly", "softly"), {"caring": 1.0}),
    **_each(("gratefully", "thankfully", "with gratitude"), {"gratitude": 1.0}),
    **_each(("proudly", "triumphantly", "smugly", "boastfully", "with pride"), {"pride": 1.0}),
    **_each(("apologetically", "ruefully", "penitently", "contritely", "remorsefully", "humbly"),
                    {"remorse": 1.0}),
    **_each(("hopefully", "confidently", "cheerily"), {"optimism": 1.0}),
    **_each(("longingly", "wistfully", "yearningly", "eagerly longing"), {"desire": 1.0}),
    **_each(("with relief", "in relief", "relievedly"), {"relief": 1.0}),
    **_each(("admiringly", "with admiration", "in admiration"), {"admiration": 1.0}),
    **_each(("approvingly", "with approval"), {"approval": 1.0}),
}  # fmt: skip
# Bodily fear: a body part that shakes or quivers ("her hands shook", "his voice quivering", "knees were
# shaking"), shaking or quaking all over, a tremor in a voice or hand. Not a cue: a shake done to something
# ("shook his head", "shook hands", "shook the dust from"; "hand and shook" is a handshake) or one with
# another cause ("shook with laughter", "with cold", "with rage").
_PART = r"(?:hands?|fingers?|voice|lips?|knees?|legs?|limbs?|body|frame|chin|jaw|shoulders)"
_BETWEEN = r"(?:(?!and\b|he\b|she\b|i\b|they\b|we\b|then\b|but\b|a\b|an\b|the\b|which\b)[\w']+\s+){0,3}"
_SHAKE = r"(?:shook|shaking|shake|shakes|quivered|quivering|quiver|quivers|quaked|quaking)"
_NOT_FEAR = (r"(?!\s+(?:the|a|an|it|him|her|them|his|my|their|its|off|out|hands|head)\b)"
             r"(?![^.;]{0,16}\bwith\s+(?:laugh|mirth|merriment|sob|cold|chill|rage|anger|fury|passion|wrath|"
             r"indignation|grief|emotion|tears|weeping))")  # fmt: skip
BODILY_FEAR = (
    rf"{_PART}\s+{_BETWEEN}{_SHAKE}{_NOT_FEAR}"
    rf"|(?:(?:his|her|my|their|with|a) shaking|unsteady|shaky|quivering) (?:hands?|fingers?|voice|lips?|legs|knees)"
    rf"|(?:shook|shaking|quaking|quaked|quivering|quivered) (?:all over|from head to (?:foot|toe)|like a leaf|"
    rf"with (?:fear|terror|dread|fright|alarm))"
    rf"|(?:he|she|I|they|who) (?:was|were|stood|sat|lay) (?:still |all )?shaking{_NOT_FEAR}"
    rf"|(?:a|the) tremor (?:in|of|ran through|passed through|went through) (?:her|his|my|their) "
    rf"(?:voice|hands?|fingers|body|frame|limbs|lips)"
)
# Physical and behavioural cues in narration (regular expressions, whole words).
BODY: list[tuple[str, L]] = [
    (
        r"trembl(?:ed|ing|e|es)|shiver(?:ed|ing)|shudder(?:ed|ing)|quak(?:ed|ing)|turned (?:pale|white)|grew pale|"
        r"went (?:pale|white)|blanched|cowered|cringed",
        {"fear": 0.9, "nervousness": 0.5},
    ),
    (
        r"fidget(?:ed|ing)|bit (?:her|his|my) lips?|wrung (?:her|his|my) hands|paced (?:up and down|the room)|"
        r"heart (?:was )?(?:pounding|racing|thumping)",
        {"nervousness": 0.9},
    ),
    (r"wept|weeping|sobb(?:ed|ing)|tears|tear-stained|wail(?:ed|ing)", {"sadness": 0.9}),
    (
        r"blush(?:ed|ing)|flush(?:ed|ing)|colou?red (?:up|deeply|crimson)|hung (?:her|his|my) head",
        {"embarrassment": 0.9},
    ),
    (
        r"clench(?:ed|ing)|glar(?:ed|ing)|scowl(?:ed|ing)|(?:eyes|eye) flash(?:ed|ing)|"
        r"stamp(?:ed|ing) (?:her|his|my) foot|slamm(?:ed|ing)|gnash(?:ed|ing)",
        {"anger": 0.9, "annoyance": 0.5},
    ),
    (r"frown(?:ed|ing)", {"annoyance": 0.6, "disapproval": 0.4, "confusion": 0.3}),
    (r"smil(?:ed|ing)|grinn(?:ed|ing)|beam(?:ed|ing)", {"joy": 0.8}),
    (r"laugh(?:ed|ing)|chuckl(?:ed|ing)|giggl(?:ed|ing)", {"amusement": 0.9, "joy": 0.5}),
    (
        r"gasp(?:ed|ing)|stared in (?:amazement|astonishment|surprise)|start(?:ed)? (?:up )?in surprise|"
        r"jaw dropped",
        {"surprise": 0.9},
    ),
    (r"wrinkl(?:ed|ing) (?:her|his|my) nose|recoil(?:ed|ing)|retch(?:ed|ing)|turned away in disgust", {"disgust": 0.9}),
    (r"kiss(?:ed|ing)|embrac(?:ed|ing)|caress(?:ed|ing)", {"love": 0.8}),
    (r"sigh(?:ed|ing)", {"sadness": 0.6, "disappointment": 0.4}),
    (BODILY_FEAR, {"fear": 0.9, "nervousness": 0.6}),
]
_BODY = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), labels) for p, labels in BODY]
BODILY_FEAR_RE = re.compile(rf"\b(?:{BODILY_FEAR})\b", re.IGNORECASE)
# A shake that is not fear, the counterweight to the bodily-fear rows: trained on the bodily-fear rows alone, a
# model reads any "shook" as fear ("He shook his head", "They shook hands").
_SHAKE_NOT_FEAR = re.compile(
    r"\b(?:shook|shaking|shake|shakes)\s+(?:(?:his|her|my|their|its|your|our)\s+(?:head|heads|fist|finger|hand|"
    r"hands)|hands|it|the\s+\w+|a\s+\w+|him|her|them|off)\b|\bhand\s+and\s+shook\b",
    re.IGNORECASE,
)
SEP = " [SEP] "  # between a left context and its sentence: the tokenizer's own separator token
CONTEXT_WORDS = 40  # a left context keeps at most its last this many words
_NEGATION = re.compile(r"\b(?:not|never|no|without|n't|nor|hardly|scarcely|cannot)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def _forms(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return [lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"]


# Lexicon words too often not an emotion in 19th-century prose ("a long time", "Miss Bennet", "I desired him
# to come", "if you care to look", "to cry out"), left out of the narration cues.
NOT_CUES = frozenset(
    "long longs longed longing miss missed misses missing care cares cared caring hope hoped hopes hoping desire "
    "desired desires desiring mad respect respected trust trusted comfort cry cries cried crying tender want "
    "wanted wish wished like liked mind fancy fancied interest interested".split()
)
LEXICON: dict[str, L] = {}
for word, labels in EMOTION_ADJECTIVES.items():
    LEXICON[word.lower()] = dict(labels)
for word, labels in EMOTION_NOUNS.items():
    LEXICON.setdefault(word.lower(), dict(labels))
for lemma, (_kind, labels) in EMOTION_VERBS.items():
    for form in _forms(lemma.lower()):
        LEXICON.setdefault(form, dict(labels))
for word in NOT_CUES:
    LEXICON.pop(word, None)
_LEXICON = re.compile(r"\b(" + "|".join(sorted(map(re.escape, LEXICON), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)  # fmt: skip

_QUOTE = re.compile(r"“([^“”]{2,600})”|\"([^\"]{2,600})\"")
_NAME = r"(?:he|she|I|they|we|you|it|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?:the|his|her|my|our|their)\s+\w+)"
_VERB = "|".join(sorted(map(re.escape, [*CUE_VERBS, *SPEECH_VERBS]), key=len, reverse=True))
_MANNER = "|".join(sorted(map(re.escape, MANNER), key=len, reverse=True))
# after a quote:  , she sobbed | said she bitterly | he said, in alarm
_TAG_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<who1>{_NAME})\s+(?:(?P<adv0>{_MANNER})\s+)?(?P<v1>{_VERB})|(?P<v2>{_VERB})\s+(?P<who2>{_NAME}))"
    rf"(?:,?\s+(?P<adv>{_MANNER}))?\b"
)
# before a quote:  she said angrily, "..."
_TAG_BEFORE = re.compile(
    rf"(?:^|[.!?;]\s+|\s)(?P<who>{_NAME})\s+(?:(?P<adv0>{_MANNER})\s+)?(?P<v>{_VERB})(?:,?\s+(?P<adv>{_MANNER}))?[,:]?\s*$"
)
_SENT = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[“\"A-Z])")
_WS = re.compile(r"\s+")


def strip_gutenberg(text: str) -> str:
    start = re.search(r"\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG[^\n]*\n", text)
    end = re.search(r"\*\*\*\s*END OF (?:THE|THIS) PROJECT GUTENBERG", text)
    return text[start.end() if start else 0 : end.start() if end else len(text)]


def _labels_for(verb: str | None, adverb: str | None) -> L | None:
    if adverb:
        return dict(MANNER[adverb.lower()])
    if verb and verb.lower() in CUE_VERBS:
        return dict(CUE_VERBS[verb.lower()])
    return None


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip().strip("“”\"' ")


def quotes_of(paragraph: str, rng: random.Random, with_tag: float, before: str = "") -> list[dict]:
    """Silver examples from the tagged quotes of one paragraph; ``before`` is the sentence before the paragraph,
    the left context of a quote that opens it (a later quote's left context could hold its own tag)."""
    out = []
    for m in _QUOTE.finditer(paragraph):
        words = m.group(1) or m.group(2)
        after = _TAG_AFTER.match(paragraph[m.end() : m.end() + 80])
        labels, tag_end = None, m.end()
        if after:
            adv = after.group("adv") or after.group("adv0")
            labels = _labels_for(after.group("v1") or after.group("v2"), adv)
            tag_end = m.end() + after.end()
        if labels is None:
            before = _TAG_BEFORE.search(paragraph[max(0, m.start() - 80) : m.start()])
            if before:
                labels = _labels_for(before.group("v"), before.group("adv") or before.group("adv0"))
        if labels is None:
            continue
        text = _clean(words)
        if len(text.split()) < 2:
            continue
        if after and rng.random() < with_tag:
            text = _clean(paragraph[m.start() : tag_end]) + "."
        out.append({"text": text, "labels": labels, "kind": "quote", "prev": before if m.start() < 3 else ""})
    return out


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` (at most :data:`CONTEXT_WORDS` words), or "" when there is none."""
    parts = [_clean(s) for s in _SENT.split(text)]
    parts = [s for s in parts if s]
    return " ".join(parts[-1].split()[-CONTEXT_WORDS:]) if parts else ""


def _prev(paragraph: str, sentence: str, before: str) -> str:
    """The sentence before ``sentence`` in ``paragraph`` (quotes included), else ``before``."""
    at = paragraph.find(sentence)
    if at < 0:
        return ""
    head = paragraph[:at].strip().strip('“"')
    return last_sentence(head) if head.strip() else before


def narration_of(
    paragraph: str, rng: random.Random, drop_cue: float, before: str = ""
) -> tuple[list[dict], list[tuple[str, str, bool]]]:
    """Silver examples from the narration sentences of one paragraph, and its cue-free sentences with their
    left contexts and whether they hold a shake that is not fear; ``before`` is the sentence before the
    paragraph."""
    narration = _QUOTE.sub(" \u2063 ", paragraph)  # quotes out; the marker keeps sentences with quotes apart
    silver, plain = [], []
    for sentence in _SENT.split(narration):
        if "\u2063" in sentence:
            continue
        sentence = _clean(sentence)
        n = len(sentence.split())
        if n < 4 or n > 60:
            continue
        labels: L = {}
        spans = []
        for rx, lab in _BODY:
            for m in rx.finditer(sentence):
                if _NEGATION.search(sentence[: m.start()]):
                    continue
                spans.append((m.start(), m.end()))
                for k, v in lab.items():
                    labels[k] = max(labels.get(k, 0.0), v)
        for m in _LEXICON.finditer(sentence):
            if _NEGATION.search(sentence[: m.start()]):
                continue
            spans.append((m.start(), m.end()))
            for k, v in LEXICON[m.group(1).lower()].items():
                labels[k] = max(labels.get(k, 0.0), min(1.0, v + 0.2))
        prev = _prev(paragraph, sentence, before)
        if not labels:
            plain.append((sentence, prev, bool(_SHAKE_NOT_FEAR.search(sentence))))
            continue
        text = sentence
        if rng.random() < drop_cue:
            for s, e in sorted(spans, reverse=True):
                text = text[:s] + text[e:]
            text = _WS.sub(" ", text).replace(" ,", ",").replace(" .", ".").strip()
        row = {"text": text, "labels": labels, "kind": "narration", "prev": prev}
        if BODILY_FEAR_RE.search(sentence):
            row["bodily_fear"] = sentence  # the whole sentence, for the oversampled copies
        silver.append(row)
    return silver, plain


def book_examples(path: Path, rng: random.Random, with_tag: float, drop_cue: float, plain_per_book: int) -> list[dict]:
    text = strip_gutenberg(path.read_text(encoding="utf-8-sig", errors="replace"))
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    quotes: list[dict] = []
    narration: list[dict] = []
    plain: list[tuple[str, str, bool]] = []
    before = ""
    for p in paragraphs:
        p = _WS.sub(" ", p)
        if p.count('"') % 2 == 0:  # an odd count: a quote runs on from or into another paragraph
            quotes += quotes_of(p, rng, with_tag, before)
        s, pl = narration_of(p, rng, drop_cue, before)
        narration += s
        plain += pl
        before = last_sentence(p)
    rng.shuffle(plain)
    shakes = [(t, prev) for t, prev, shake in plain if shake]  # all kept, as the bodily-fear rows are
    plain_rows = [{"text": t, "labels": {}, "kind": "plain", "prev": prev} for t, prev, shake in plain if not shake]
    plain_rows = plain_rows[:plain_per_book] + [
        {"text": t, "labels": {}, "kind": "plain", "prev": prev, "shake_not_fear": True} for t, prev in shakes
    ]
    rows = quotes + narration + plain_rows
    for r in rows:
        r["book"] = path.stem
    return rows


def train_rows(
    rows: list[dict], rng: random.Random, bodily_fear: int, context: float, shake_not_fear: int = 1
) -> list[dict]:
    """The train split's rows: each bodily-fear row with ``bodily_fear - 1`` copies of its whole sentence (they
    are rare: about one sentence in 300) and each cue-free row with a shake that is not fear with
    ``shake_not_fear - 1`` copies (teacher labels only), then a ``context`` share of rows with a left context
    given as ``context [SEP] sentence`` (the same format serves with or without one)."""
    out = list(rows)
    for r in rows:
        if "bodily_fear" in r:
            out += [{**r, "text": r["bodily_fear"], "kind": "bodily-fear"} for _ in range(bodily_fear - 1)]
        if r.get("shake_not_fear"):
            out += [{**r, "kind": "shake-not-fear"} for _ in range(shake_not_fear - 1)]
    for r in out:
        if r.get("prev") and rng.random() < context:
            r["text"] = r["prev"] + SEP + r["text"]
            r["context"] = True
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("books", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="folder for train.jsonl and dev.jsonl")
    ap.add_argument("--dev-every", type=int, default=10)
    ap.add_argument("--with-tag", type=float, default=0.25)
    ap.add_argument("--drop-cue", type=float, default=0.25)
    ap.add_argument("--plain", type=int, default=150, help="cue-free narration sentences kept per book")
    ap.add_argument("--max-narration", type=int, default=1200, help="narration cue examples kept per book")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--bodily-fear",
        type=int,
        default=8,
        help="train copies of each bodily-fear narration row (cue kept in the extra copies)",
    )
    ap.add_argument(
        "--shake-not-fear",
        type=int,
        default=2,
        help="train copies of each cue-free row with a shake that is not fear (shook his head, hands); "
        "~650 such sentences: twice weighs about as much as the bodily-fear rows",
    )
    ap.add_argument(
        "--context",
        type=float,
        default=0.0,
        help="share of train rows whose text is their left context, ' [SEP] ', the sentence",
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    splits: dict[str, list[dict]] = {"train": [], "dev": []}
    for i, book in enumerate(args.books):
        rows = book_examples(book, rng, args.with_tag, args.drop_cue, args.plain)
        narr = [r for r in rows if r["kind"] == "narration" and "bodily_fear" not in r]
        rng.shuffle(narr)
        keep = [r for r in rows if r["kind"] != "narration" or "bodily_fear" in r]  # bodily fear: all kept
        rows = keep + narr[: args.max_narration]
        splits["dev" if i % args.dev_every == 0 else "train"] += rows
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        rows = list({r["text"]: r for r in rows}.values())
        if name == "train":
            rows = train_rows(rows, rng, args.bodily_fear, args.context, args.shake_not_fear)
        rng.shuffle(rows)
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        kinds = Counter(r["kind"] for r in rows) + Counter("context" for r in rows if r.get("context"))
        top = Counter(k for r in rows for k in r["labels"])
        print(f"{name}: {len(rows)} rows {dict(kinds)}; labels {dict(top.most_common())}")


if __name__ == "__main__":
    main()
