"""A probe of plain ways of feeling toward someone: whether each gives a bond of the right sign.

usage: python benchmarks/bench_stance_probe.py [--pairs "Willow Buffy" ...] [--name stance_probe]

Each of :data:`WAYS` (105 plain predicates: "kissed {b}", "was angry with {b}", "looked up to {b}", "wept for
{b}" ...) is read in a two-sentence story, "{b} and {a} came in and sat down. {a} <way> {b}.", for each pair of
names (fan-fiction and literary names the small spaCy model does not know, by default). A way passes when the
reading has a bond {a} -> {b} whose valence has the sign written beside it. Prints the ways that fail per pair
and writes ``benchmarks/results/NAME.json``. It checks the reading of plain sentences, not of literature: the
gold passages (bench_feelings_gold.py) do that.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import write_results

import heartline

# way of feeling -> the sign a reader gives the bond of the one who feels it toward the other
WAYS: dict[str, int] = {
    "kissed {b}": 1, "hugged {b}": 1, "missed {b}": 1, "was jealous of {b}": -1, "hated {b}": -1,
    "trusted {b}": 1, "was grateful to {b}": 1, "blamed {b}": -1, "resented {b}": -1, "envied {b}": -1,
    "admired {b}": 1, "feared {b}": -1, "worried about {b}": 1, "longed for {b}": 1, "yearned for {b}": 1,
    "pitied {b}": 1, "despised {b}": -1, "forgave {b}": 1, "betrayed {b}": -1, "comforted {b}": 1,
    "protected {b}": 1, "mocked {b}": -1, "insulted {b}": -1, "thanked {b}": 1, "apologized to {b}": 1,
    "glared at {b}": -1, "smiled at {b}": 1, "shouted at {b}": -1, "was angry with {b}": -1,
    "was proud of {b}": 1, "was disappointed in {b}": -1, "was furious with {b}": -1, "adored {b}": 1,
    "cared for {b}": 1, "was fond of {b}": 1, "was in love with {b}": 1, "loathed {b}": -1,
    "distrusted {b}": -1, "scolded {b}": -1, "slapped {b}": -1, "held {b} close": 1, "punched {b}": -1,
    "ignored {b}": -1, "welcomed {b}": 1, "defended {b}": 1, "embraced {b}": 1, "cursed {b}": -1,
    "was worried about {b}": 1, "was afraid for {b}": 1, "was sorry for {b}": 1, "felt sorry for {b}": 1,
    "was annoyed with {b}": -1, "was irritated by {b}": -1, "couldn't stand {b}": -1, "was tired of {b}": -1,
    "was sick of {b}": -1, "looked up to {b}": 1, "respected {b}": 1, "wanted to protect {b}": 1,
    "couldn't forgive {b}": -1, "never forgave {b}": -1, "did not trust {b}": -1, "was suspicious of {b}": -1,
    "was terrified of {b}": -1, "was kind to {b}": 1, "was cruel to {b}": -1, "was rude to {b}": -1,
    "was gentle with {b}": 1, "sneered at {b}": -1, "laughed at {b}": -1, "rolled her eyes at {b}": -1,
    "squeezed {b}'s hand": 1, "stroked {b}'s hair": 1, "kissed {b}'s cheek": 1, "wept for {b}": 1,
    "grieved for {b}": 1, "mourned {b}": 1,
    # added with the ways of laying a part on someone and leaning on them, signs written before a reading
    "frowned at {b}": -1, "scowled at {b}": -1, "grinned at {b}": 1, "snapped at {b}": -1, "yelled at {b}": -1,
    "hissed at {b}": -1, "threatened {b}": -1, "avoided {b}": -1, "pushed {b} away": -1, "was wary of {b}": -1,
    "was ashamed of {b}": -1, "was horrified by {b}": -1, "was devoted to {b}": 1, "felt safe with {b}": 1,
    "had a crush on {b}": 1, "fell in love with {b}": 1, "was glad to see {b}": 1, "was happy to see {b}": 1,
    "was relieved to see {b}": 1, "was delighted with {b}": 1, "was charmed by {b}": 1, "was impressed by {b}": 1,
    "leaned on {b}": 1, "rested her head on {b}'s shoulder": 1, "put an arm around {b}": 1,
    "reached for {b}'s hand": 1, "could not take her eyes off {b}": 1, "dreaded seeing {b}": -1,
}  # fmt: skip
PAIRS = ("Willow Buffy", "Harry Draco", "Crowley Aziraphale", "Emily Hope", "Steve Bucky")


def probe(a: str, b: str) -> list[dict[str, object]]:
    """One row per way: the valence of the bond a -> b (None when there is none) and whether its sign is right."""
    rows = []
    for way, sign in WAYS.items():
        story = heartline.read(text=f"{b} and {a} came in and sat down. {a} {way.format(b=b)}.")
        ids = {c.name: c.id for c in story.characters}
        bond = next((x for x in story.bonds if x.source == ids.get(a) and x.target == ids.get(b)), None)
        valence = None if bond is None else round(bond.valence, 3)
        rows.append({"way": way, "sign": sign, "valence": valence, "right": valence is not None and valence * sign > 0})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", nargs="+", default=list(PAIRS), help='"A B": A feels toward B')
    ap.add_argument("--name", default="stance_probe")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    results = {}
    for pair in args.pairs:
        a, b = pair.split()
        rows = probe(a, b)
        wrong = [r["way"] for r in rows if not r["right"]]
        results[pair] = {"ways": len(rows), "wrong": len(wrong), "wrong_ways": wrong}
        print(f"{a} -> {b}: {len(rows) - len(wrong)} of {len(rows)} right; wrong: {', '.join(map(str, wrong))}")
    out = write_results(args.name, {"pairs": results, "seconds": round(time.perf_counter() - t0, 1)})
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
