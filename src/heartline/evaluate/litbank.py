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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..story import Story

__all__ = ["evaluate_litbank", "gold_mentions", "gold_quotes", "score_book", "score_quotes"]

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


def score_quotes(story: Story, quotes: list[GoldQuote], people: list[tuple[int, int, str]]) -> Counter[str]:
    """Gold quotes of one book, those found and those whose speaker is right."""
    pm = [(m.start, m.end, m.character) for m in story.mentions]
    mapped = _majority((_character_at(pm, s, e), ent) for s, e, ent in people)
    c: Counter[str] = Counter()
    for s, e, ent in quotes:
        hit = next((q for q in story.quotes if q.start < e and q.end > s), None)
        c["total"] += 1
        c["found"] += hit is not None
        c["right"] += hit is not None and hit.speaker is not None and mapped.get(hit.speaker) == ent
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
