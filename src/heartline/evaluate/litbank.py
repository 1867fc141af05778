"""Person mentions and who they mean, and who says each quote, on LitBank (~2,000 words of 80+ books).

Gold characters are coreference chains of people with at least one proper-name mention and two mentions.
For every gold name (PROP) and pronoun (PRON) mention of such a chain: found when a predicted mention
overlaps it, right when the predicted character maps to the mention's chain (each predicted character maps
to the chain most of its matched mentions belong to). Detection precision counts predicted mentions that
overlap any gold person mention. Texts are LitBank's tokenised files, read as they are.

Where the quotation layer is there (``quotations/tsv``), every gold quote is found when a predicted quote
overlaps it, and its speaker right when the predicted speaker maps to the gold speaker's entity (each
predicted character maps to the entity most of its mentions fall in, over all person mentions).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..story import Story
from .pdnc import LOCKED_IN_LITBANK

__all__ = [
    "LOCKED_BOOKS",
    "align",
    "evaluate_litbank",
    "evaluate_litbank_paragraphs",
    "gold_mentions",
    "gold_quotes",
    "paragraph_book",
    "score_book",
    "score_quote_kinds",
    "score_quotes",
]

GoldMention = tuple[int, int, str, str]  # start, end, kind (PROP/NOM/PRON), chain id


def gold_mentions(coref: Path, name: str) -> tuple[str, list[GoldMention]]:
    """The text of one book and every person mention in it with its chain."""
    text = (coref / "brat" / f"{name}.txt").read_text(encoding="utf-8")
    kinds: dict[tuple[int, int], str] = {}
    for line in (coref / "brat" / f"{name}.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            label, s, e = line.split("\t")[1].split()[:3]
            if re.match(r"(PROP|NOM|PRON)_", label):
                kinds[(int(s), int(e))] = label
    offs = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    chains: dict[tuple[int, int], str] = {}
    open_: dict[str, list[int]] = defaultdict(list)
    i = 0
    for line in (coref / "conll" / f"{name}.conll").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for part in filter(None, line.split("\t")[-1].strip().split("|")):
            cid = part.strip("()")
            if part.startswith("("):
                open_[cid].append(i)
            if part.endswith(")") and open_[cid]:
                st = open_[cid].pop()
                chains[(offs[st][0], offs[i][1])] = cid
        i += 1
    out = []
    for span, cid in chains.items():
        k = kinds.get(span, "")
        if k.endswith("_PER"):
            out.append((span[0], span[1], k.split("_")[0], cid))
    return text, out


def _token_offsets(text: str) -> list[list[tuple[int, int]]]:
    """Character offsets of each token, by line (sentence) and position, in a tokenised text."""
    out, pos = [], 0
    for line in text.split("\n"):
        toks, p = [], pos
        for tok in line.split(" "):
            toks.append((p, p + len(tok)))
            p += len(tok) + 1
        out.append(toks)
        pos += len(line) + 1
    return out


GoldQuote = tuple[int, int, str]  # start, end, speaker entity


def gold_quotes(root: Path, name: str, text: str) -> tuple[list[GoldQuote], list[tuple[int, int, str]]]:
    """Attributed quotes of one book and its person mentions with their entities; empty without the layer."""
    qfile = root / "quotations" / "tsv" / f"{name}.ann"
    cfile = root / "coref" / "tsv" / f"{name}.ann"
    if not qfile.exists() or not cfile.exists():
        return [], []
    offs = _token_offsets(text)

    def span(row: list[str], at: int) -> tuple[int, int]:
        return offs[int(row[at])][int(row[at + 1])][0], offs[int(row[at + 2])][int(row[at + 3])][1]

    qrows = [line.split("\t") for line in qfile.read_text(encoding="utf-8").splitlines() if line.strip()]
    said = {r[1]: r[2] for r in qrows if r[0] == "ATTRIB" and len(r) > 2}
    quotes = [(*span(r, 2), said[r[1]]) for r in qrows if r[0] == "QUOTE" and r[1] in said]
    crows = [line.split("\t") for line in cfile.read_text(encoding="utf-8").splitlines() if line.strip()]
    entity = {r[1]: r[2] for r in crows if r[0] == "COREF" and len(r) > 2}
    people = [(*span(r, 2), entity[r[1]]) for r in crows if r[0] == "MENTION" and r[7:8] == ["PER"] and r[1] in entity]
    return quotes, people


def _character_at(predicted: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The character of the first predicted mention that overlaps ``start``-``end``."""
    return next((c for s, e, c in predicted if s < end and e > start), None)


def _majority(pairs: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Each predicted character mapped to the gold chain or entity most of its matched mentions fall in."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for predicted, gold in pairs:
        if predicted is not None:
            votes[predicted][gold] += 1
    return {p: v.most_common(1)[0][0] for p, v in votes.items()}


def _judged_quotes(
    story: Story, quotes: list[GoldQuote], people: list[tuple[int, int, str]]
) -> Iterator[tuple[GoldQuote, bool, bool]]:
    """Each gold quote, whether a predicted quote overlaps it, and whether that one's speaker maps to the
    gold speaker (predicted characters mapped to gold entities by the majority of their mentions)."""
    pm = [(m.start, m.end, m.character) for m in story.mentions]
    mapped = _majority((_character_at(pm, s, e), ent) for s, e, ent in people)
    for s, e, ent in quotes:
        hit = next((q for q in story.quotes if q.start < e and q.end > s), None)
        right = hit is not None and hit.speaker is not None and mapped.get(hit.speaker) == ent
        yield (s, e, ent), hit is not None, right


def score_quotes(story: Story, quotes: list[GoldQuote], people: list[tuple[int, int, str]]) -> Counter[str]:
    """Gold quotes of one book, those found and those whose speaker is right."""
    c: Counter[str] = Counter()
    for _, found, right in _judged_quotes(story, quotes, people):
        c["total"] += 1
        c["found"] += found
        c["right"] += right
    return c


def score_book(story: Story, gold: list[GoldMention]) -> dict[str, Counter[str]]:
    """Counts for one book: gold mentions found and right by kind, predicted mentions and true ones."""
    sizes = Counter(cid for *_, cid in gold)
    named = {cid for *_, k, cid in gold if k == "PROP"}
    scored = [g for g in gold if g[3] in named and sizes[g[3]] >= 2 and g[2] in ("PROP", "PRON")]
    pm = [(m.start, m.end, m.character) for m in story.mentions]
    hits = [(g, _character_at(pm, g[0], g[1])) for g in scored]
    mapped = _majority((h, g[3]) for g, h in hits)
    c: dict[str, Counter[str]] = {"total": Counter(), "found": Counter(), "right": Counter(), "pred": Counter()}
    for g, h in hits:
        c["total"][g[2]] += 1
        c["found"][g[2]] += h is not None
        c["right"][g[2]] += h is not None and mapped.get(h) == g[3]
    c["pred"]["all"] = len(pm)
    c["pred"]["true"] = sum(1 for s, e, _ in pm if any(gs < e and ge > s for gs, ge, *_ in gold))
    return c


def evaluate_litbank(data: str | Path, steps: str = "segment,characters,speakers") -> dict[str, Any]:
    """Person-mention detection (precision, recall, F1), the share of gold mentions resolved right, and quote
    detection and speakers where the book has LitBank's quotation layer."""
    from ..pipeline import Pipeline

    coref = Path(data) / "coref"
    if not (coref / "brat").is_dir():
        raise InputError(
            f"No LitBank coref data under {data}", "Pass LitBank's root folder, e.g. --data shared/data/litbank"
        )
    names = sorted(p.stem for p in (coref / "brat").glob("*.ann"))
    pipeline = Pipeline(steps)
    tot: dict[str, Counter[str]] = {"total": Counter(), "found": Counter(), "right": Counter(), "pred": Counter()}
    said: Counter[str] = Counter()
    for name in names:
        text, gold = gold_mentions(coref, name)
        story = pipeline(Story(text))
        for k, v in score_book(story, gold).items():
            tot[k].update(v)
        quotes, people = gold_quotes(Path(data), name, text)
        if quotes:
            said += score_quotes(story, quotes, people)
    n = sum(tot["total"].values())
    recall = sum(tot["found"].values()) / max(n, 1)
    precision = tot["pred"]["true"] / max(tot["pred"]["all"], 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    right = {k: round(tot["right"][k] / max(v, 1), 4) for k, v in tot["total"].items()}
    return {
        "detection": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
        "right": right,
        "right_all": round(sum(tot["right"].values()) / max(n, 1), 4),
        "mentions": dict(tot["total"]),
        "books": len(names),
        "quotes": {  # null shares where no book has the quotation layer
            "total": said["total"],
            "found": round(said["found"] / said["total"], 4) if said["total"] else None,
            "speaker_right": round(said["right"] / said["total"], 4) if said["total"] else None,
        },
    }


# -- quote speakers on the original text, paragraphs kept ------------------------------------------

# LitBank's excerpts of the novels locked away as PDNC's test set (heartline.evaluate.pdnc.LOCKED_NOVELS):
# the paragraph score judges rules during development, so it never reads them.
LOCKED_BOOKS = tuple(sorted(LOCKED_IN_LITBANK.values()))

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”‘’'`"})


def _chars(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """The non-space characters of ``text`` (quote marks made one), and the offset of each."""
    end = len(text) if end is None else end
    keep = [i for i in range(start, end) if not text[i].isspace()]
    return "".join(text[i] for i in keep).translate(_QUOTE_MARKS), keep


def align(tokenised: str, original: str) -> dict[int, int]:
    """Offsets in ``original`` of the non-space characters of ``tokenised``, matched in order.

    Spaces and the kind of quote mark do not count; where the two differ (a word the tokeniser changed, a
    footnote mark) the walk skips ahead in whichever text the next 24 characters are found again. Characters
    left unmatched are absent from the result. An excerpt not found in the original gives an empty result.
    """
    a, at_a = _chars(tokenised)
    if not a:
        return {}
    # LitBank's excerpts open their books: the first part of the original is read first, all of it if need be
    for window in (300_000, len(original)):
        b, at_b = _chars(original, 0, min(window, len(original)))
        first = -1
        for k in range(0, min(len(a), 4000), 40):  # the first stretch of the excerpt the original holds as is
            first = b.find(a[k : k + 80])
            if first >= 0:
                first = max(first - k, 0)
                break
        if first >= 0:
            break
    if first < 0:
        return {}
    if at_b and at_b[-1] < len(original) - 1:  # the excerpt's span, with room for what the tokeniser dropped
        b, at_b = _chars(original, 0, min(len(original), at_b[first] + 3 * len(tokenised) + 10_000))
    out: dict[int, int] = {}
    i, j = 0, max(first, 0)
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out[at_a[i]] = at_b[j]
            i += 1
            j += 1
            continue
        probe = a[i : i + 24]
        ahead = b.find(probe, j, j + 3000)
        if ahead >= 0:  # the original has something the excerpt lacks
            j = ahead
            continue
        back = a.find(b[j : j + 24], i, i + 3000)
        if back >= 0:  # the excerpt has something the original lacks
            i = back
        else:
            i += 1
            j += 1
    return out


def _mapped(span: tuple[int, int], where: dict[int, int]) -> tuple[int, int] | None:
    """A tokenised span as a span of the original: its first and last matched characters."""
    hits = [where[k] for k in range(span[0], span[1]) if k in where]
    return (hits[0], hits[-1] + 1) if hits else None


def paragraph_book(root: Path, name: str) -> tuple[str, list[GoldQuote], list[tuple[int, int, str]]] | None:
    """The excerpt's span of the book's original text (paragraphs kept), with the gold quotes and person
    mentions moved onto it; None without a quotation layer or an original that holds the excerpt."""
    text = (root / "coref" / "brat" / f"{name}.txt").read_text(encoding="utf-8")
    quotes, people = gold_quotes(root, name, text)
    original = root / "original" / f"{name.removesuffix('_brat')}.txt"
    if not quotes or not original.exists():
        return None
    full = original.read_text(encoding="utf-8")
    where = align(text, full)
    if not where:
        return None
    start = full.rfind("\n", 0, min(where.values())) + 1  # from the start of the excerpt's first line
    end = full.find("\n", max(where.values()))  # to the end of its last
    end = len(full) if end < 0 else end

    def moved(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        out = []
        for s, e, who in rows:
            span = _mapped((s, e), where)
            if span is not None:
                out.append((span[0] - start, span[1] - start, who))
        return out

    return full[start:end], moved(quotes), moved(people)


def score_quote_kinds(
    story: Story, quotes: list[GoldQuote], people: list[tuple[int, int, str]]
) -> dict[str, Counter[str]]:
    """Gold quotes found and given the right speaker, as :func:`score_quotes` counts them, split into
    ``explicit`` (a gold mention of the speaker in the quote's paragraph, outside every quote) and ``other``."""
    paragraphs = [(p.start, p.end) for p in story.paragraphs]
    out: dict[str, Counter[str]] = {"explicit": Counter(), "other": Counter()}
    for (s, e, ent), found, right in _judged_quotes(story, quotes, people):
        par = next(((ps, pe) for ps, pe in paragraphs if ps <= s < pe), (s, e))
        tagged = any(
            who == ent and par[0] <= ms < par[1] and not any(qs <= ms < qe for qs, qe, _ in quotes)
            for ms, _, who in people
        )
        c = out["explicit" if tagged else "other"]
        c["total"] += 1
        c["found"] += found
        c["right"] += right
    return out


def evaluate_litbank_paragraphs(data: str | Path, steps: str = "segment,characters,speakers") -> dict[str, Any]:
    """Who says each LitBank quote, read on the excerpt's span of the book's original text, where paragraph
    breaks (and so turn-taking) are kept: quotes found and speakers right, explicit and other.

    The tokenised excerpt is matched to the original character by character (spaces and the kind of quote
    mark aside, :func:`align`); the gold quotes and person mentions are moved onto the original with it. The
    excerpts of PDNC's locked novels (:data:`LOCKED_BOOKS`) are left out.
    """
    from ..pipeline import Pipeline

    root = Path(data)
    if not (root / "quotations" / "tsv").is_dir() or not (root / "original").is_dir():
        raise InputError(
            f"No LitBank quotation layer or original texts under {data}",
            "Pass LitBank's root folder, with quotations/tsv and original/, e.g. --data shared/data/litbank",
        )
    names = sorted(
        p.stem
        for p in (root / "quotations" / "tsv").glob("*.ann")
        if p.stem.removesuffix("_brat") not in LOCKED_BOOKS and (root / "coref" / "brat" / p.name).exists()
    )
    pipeline = Pipeline(steps)
    tot: dict[str, Counter[str]] = {"explicit": Counter(), "other": Counter()}
    books, unaligned = 0, []
    for name in names:
        book = paragraph_book(root, name)
        if book is None:
            if gold_quotes(root, name, (root / "coref" / "brat" / f"{name}.txt").read_text(encoding="utf-8"))[0]:
                unaligned.append(name)
            continue
        text, quotes, people = book
        books += 1
        for k, v in score_quote_kinds(pipeline(Story(text)), quotes, people).items():
            tot[k].update(v)

    def share(c: Counter[str], key: str) -> float | None:
        return round(c[key] / c["total"], 4) if c["total"] else None

    every = tot["explicit"] + tot["other"]
    return {
        "books": books,
        "left_out": list(LOCKED_BOOKS),
        "unaligned": unaligned,
        "quotes": {"total": every["total"], "found": share(every, "found"), "speaker_right": share(every, "right")},
        **{k: {"total": c["total"], "speaker_right": share(c, "right")} for k, c in tot.items()},
    }
