"""Write heartline/language/data/feeling_base_rates.tsv: the share of each emotion label in the feelings
heartline finds in whole novels, with the default emotion model. These are "the labels the model gives
everywhere", the global base rate the bonds step sets a pair's profile against (heartline.bonds).

    python scripts/feeling_base_rates.py READING.json [READING.json ...]

Each READING is a reading JSON with the feelings step done (heartline read NOVEL --steps
segment,characters,speakers,emotions,feelings -o READING.json). The shipped table was made from A Tale of Two
Cities and Crime and Punishment (../shared/data/novels), not from A Christmas Carol or the example story,
which the bonds are checked on.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from heartline.language.valence import LABELS

OUT = Path(__file__).resolve().parent.parent / "src" / "heartline" / "language" / "data" / "feeling_base_rates.tsv"


def main(paths: list[str]) -> None:
    per_book: list[dict[str, float]] = []
    names = []
    for p in paths:
        data = json.loads(Path(p).read_text(encoding="utf-8"))
        sums: dict[str, float] = defaultdict(float)
        for f in data["feelings"]:
            if f["emotion"] != "neutral" and f["intensity"] > 0:
                sums[f["emotion"]] += f["intensity"]
        whole = sum(sums.values()) or 1.0
        per_book.append({k: v / whole for k, v in sums.items()})
        names.append(data["metadata"].get("title") or Path(p).stem)
    mean = {lab: sum(b.get(lab, 0.0) for b in per_book) / len(per_book) for lab in LABELS if lab != "neutral"}
    lines = [
        "# label\tshare",
        "# The share of each label in the intensity of the feelings heartline finds in whole novels (default",
        "# emotion model, all steps to feelings), the mean over these books:",
        *(f"#   {name}" for name in names),
        "# Written by scripts/feeling_base_rates.py; read by heartline.language.valence.FEELING_BASE_RATES.",
    ]
    lines += [f"{lab}\t{share:.5f}" for lab, share in sorted(mean.items(), key=lambda kv: -kv[1])]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT)
    for lab, share in sorted(mean.items(), key=lambda kv: -kv[1])[:10]:
        print(f"{lab:15} {share:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
