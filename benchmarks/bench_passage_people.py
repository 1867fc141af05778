"""Who the people of a short passage are: names found and mentions resolved in 8-line windows of LitBank.

usage: python benchmarks/bench_passage_people.py [--shared ../shared] [--windows 5] [--details]

A passage of a few sentences gives a name little evidence: said once or twice, a "he" with no gender told,
a description met with "a". The feelings and bonds of a passage (``bench_feelings_gold.py``) stand on who
its people are, so this measures that on its own, on development data: each LitBank book's tokenised
excerpt (``data/litbank``, the three books of PDNC's locked novels left out) is cut into windows of 8 lines
(LitBank's lines are sentences), up to ``--windows`` per book spread over the excerpt, and each window is
read alone (``segment,characters``).

* **names found**: of the entity layer's person mentions written as a name (a capitalised first word that is
  not "The", "His", "My" ...), the share a predicted name mention overlaps; and **false names**: predicted
  name mentions that overlap no gold person mention, by the gold entity they fall in (a place, a facility,
  none).
* **names right / pronouns right**: on the coreference layer, each window scored as ``heartline evaluate
  litbank`` scores a whole excerpt (``heartline.evaluate.litbank.score_book``: the window's chains with a
  proper name and two mentions in it; each predicted character maps to the chain most of its matched
  mentions belong to).

Writes ``benchmarks/results/passage_people.json`` and prints a summary. ``--details`` prints every missed
and false name (development data: reading them is allowed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import write_results

ROOT = Path(__file__).resolve().parent.parent
LINES = 8
# first words of a person mention that make it a description, not a name
_NOT_A_NAME = frozenset(
    {"The", "A", "An", "His", "Her", "My", "Their", "Our", "Your", "This", "That", "Its", "One", "Some", "I"}
)


def windows(text: str, per_book: int) -> list[tuple[int, int]]:
    """Up to ``per_book`` windows of :data:`LINES` lines, spread over the text: ``(start, end)`` offsets."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    n = len(lines)
    step = max(LINES, n // per_book)
    return [(starts[w], starts[min(n, w + LINES)]) for w in range(0, max(1, n - LINES), step)[:per_book]]


def entity_people(ann: Path) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(every entity as (start, end, label), the person mentions written as a name as (start, end, text))."""
    ents, names = [], []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, info, words = line.split("\t")
        label, a, b = info.split()[:3]
        ents.append((int(a), int(b), label))
        if label == "PER" and words[:1].isupper() and words.split()[0] not in _NOT_A_NAME:
            names.append((int(a), int(b), words))
    return ents, names


def window_gold(mentions: list[tuple[int, int, str, str]], a: int, b: int) -> list[tuple[int, int, str, str]]:
    """The gold person mentions inside the window ``[a, b)``, in the window's offsets."""
    return [(s - a, e - a, kind, chain) for s, e, kind, chain in mentions if a <= s and e <= b]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--windows", type=int, default=5, help="windows per book")
    ap.add_argument("--details", action="store_true", help="print every missed and false name")
    args = ap.parse_args(argv)

    from heartline.evaluate.litbank import LOCKED_BOOKS, gold_mentions, score_book
    from heartline.pipeline import Pipeline
    from heartline.story import Story

    litbank = args.shared / "data" / "litbank"
    entities, coref = litbank / "entities" / "brat", litbank / "coref"
    if not entities.is_dir() or not (coref / "brat").is_dir():
        ap.error(f"no LitBank entities/coref layers under {litbank}: pass --shared, the folder holding data/")
    pipeline = Pipeline("segment,characters")
    t0 = time.perf_counter()
    names = Counter()
    false: Counter[str] = Counter()
    coref_counts: dict[str, Counter[str]] = defaultdict(Counter)
    n_windows = 0
    for ann in sorted(entities.glob("*_brat.ann")):
        book = ann.name.removesuffix("_brat.ann")
        if book in LOCKED_BOOKS:
            continue
        text = (entities / f"{book}_brat.txt").read_text(encoding="utf-8")
        ents, gold_names = entity_people(ann)
        _, gold = gold_mentions(coref, f"{book}_brat")
        for a, b in windows(text, args.windows):
            n_windows += 1
            story = pipeline(Story(text[a:b]))
            spans = [(m.start + a, m.end + a, m.character, m.kind) for m in story.mentions]
            for s, e, words in gold_names:
                if a <= s and e <= b:
                    ok = any(ps < e and s < pe and kind == "name" for ps, pe, _, kind in spans)
                    names["found" if ok else "missed"] += 1
                    if args.details and not ok:
                        print(f"missed {book}: {words!r}: {text[max(a, s - 60) : e + 30]!r}")
            for ps, pe, _, kind in spans:
                if kind == "name" and not any(x < pe and ps < y and lab == "PER" for x, y, lab in ents):
                    label = next((lab for x, y, lab in ents if x < pe and ps < y), "none")
                    false[label] += 1
                    if args.details:
                        print(f"false {book}: {text[ps:pe]!r} ({label})")
            for key, counts in score_book(story, window_gold(gold, a, b)).items():
                coref_counts[key] += counts
    found, missed = names["found"], names["missed"]
    right, total = coref_counts["right"], coref_counts["total"]

    def share(x: int, n: int) -> float | None:
        return round(x / n, 4) if n else None

    payload: dict[str, Any] = {
        "windows": n_windows,
        "lines_per_window": LINES,
        "left_out": list(LOCKED_BOOKS),
        "names": {"gold": found + missed, "found": share(found, found + missed)},
        "false_names": {"total": sum(false.values()), "by_gold_entity": dict(sorted(false.items()))},
        "coreference": {
            "names_right": share(right["PROP"], total["PROP"]),
            "pronouns_right": share(right["PRON"], total["PRON"]),
            "mentions": dict(total),
        },
        "seconds": round(time.perf_counter() - t0, 1),
    }
    out = write_results("passage_people", payload)
    print(
        f"passage people ({n_windows} windows of {LINES} lines): names found {payload['names']['found']:.3f} "
        f"of {found + missed}, {sum(false.values())} false; names right {payload['coreference']['names_right']:.3f}, "
        f"pronouns right {payload['coreference']['pronouns_right']:.3f} ({total['PRON']} pronouns)"
    )
    print(f"-> {out.relative_to(ROOT)} ({payload['seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
