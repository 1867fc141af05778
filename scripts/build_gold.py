"""Build the held-out gold JSONL files from the annotator's ``.ann`` sources (benchmarks/gold/).

usage: python scripts/build_gold.py [--shared ../shared] [--dev-only]

It also builds the development bond golds (``bonds_dev.ann`` -> ``bonds_dev.jsonl``, on PDNC development
novels; ``bonds_dev2.ann`` -> ``bonds_dev2.jsonl`` up to ``bonds_dev19.ann`` -> ``bonds_dev19.jsonl``, windows
drawn like the held-out bond passages with other seeds).
PDNC text is never stored in the project, not even a short span: there a cue is written as its character
offsets into the passage (``=START:END``) and the JSON keeps only the offsets.

A ``.ann`` file (format in benchmarks/gold/README.md) names passages by the id the seeded sampler
(scripts/sample_passages.py) gives them, or by an explicit reference (``@ ID corpus book start end``), and
quotes the spans it marks. This script finds each span in its passage (``text#N``: the N-th occurrence;
``text@context``: the occurrence inside the first match of ``context``; whitespace matches any whitespace,
and straight and curly quotes match each other), checks that it is found, and writes one JSON object per
passage with character offsets into the passage and the passage's sha1, so the gold holds no story text
beyond the marked spans.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_passages import main as sample_main

__all__ = ["find_span", "main", "parse_ann"]

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
PLUTCHIK = ("joy", "trust", "fear", "surprise", "sadness", "disgust", "anger", "anticipation")
POLARITY = {"+": "positive", "-": "negative", "0": "neutral"}
QUOTES = {"'": "['’‘]", "’": "['’‘]", "‘": "['’‘]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


def _pattern(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in QUOTES:
            out.append(QUOTES[ch])
        else:
            out.append(re.escape(ch))
    pat = "".join(out)
    if text[:1].isalnum():
        pat = r"(?<![A-Za-z0-9])" + pat
    if text[-1:].isalnum():
        pat += r"(?![A-Za-z0-9])"
    return pat


def find_span(passage: str, spec: str) -> dict[str, Any] | None:
    """``{"text", "start", "end"}`` of the span ``spec`` names in ``passage``, or None for ``-``."""
    spec = spec.strip()
    if spec == "-":
        return None
    at = re.fullmatch(r"=(\d+):(\d+)", spec)
    if at:  # offsets into the passage (PDNC cues: no story text in the project)
        start, end = int(at.group(1)), int(at.group(2))
        if not 0 <= start < end <= len(passage):
            raise ValueError(f"span {spec!r} is outside the passage")
        return {"text": passage[start:end], "start": start, "end": end}
    nth = 1
    context = None
    if "@" in spec:
        spec, context = spec.split("@", 1)
    elif re.search(r"#\d+$", spec):
        spec, n = spec.rsplit("#", 1)
        nth = int(n)
    base = 0
    if context is not None:
        m = re.search(_pattern(context), passage)
        if not m:
            raise ValueError(f"context {context!r} not found")
        base = m.start()
        m2 = re.search(_pattern(spec), m.group(0))
        if not m2:
            raise ValueError(f"span {spec!r} not inside context {context!r}")
        start, end = base + m2.start(), base + m2.end()
    else:
        found = list(re.finditer(_pattern(spec), passage))
        if len(found) < nth:
            raise ValueError(f"span {spec!r} occurs {len(found)} times, wanted #{nth}")
        start, end = found[nth - 1].start(), found[nth - 1].end()
    return {"text": passage[start:end], "start": start, "end": end}


def parse_ann(path: Path) -> list[dict[str, Any]]:
    """The passages of a ``.ann`` file: ``{"ref": [...], "lines": [[field, ...], ...]}``."""
    passages: list[dict[str, Any]] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            passages.append({"ref": line[1:].split(), "lines": [], "lineno": lineno})
        else:
            passages[-1]["lines"].append(([f.strip() for f in line.split("|")], lineno))
    return passages


def _candidates(shared: Path, sentences: int, per_book: int, corpus: str, books: list[str] | None) -> dict[str, Any]:
    tmp = Path("/tmp") / f"heartline-gold-candidates-{sentences}-{per_book}-{corpus.replace('/', '_')}.jsonl"
    argv = ["--shared", str(shared), "--sentences", str(sentences), "--out", str(tmp), "--corpus", corpus]
    if per_book:
        argv += ["--per-book", str(per_book)]
    if books:
        argv += ["--books", *books]
    sample_main(argv)
    return {r["id"]: r for r in map(json.loads, tmp.read_text(encoding="utf-8").splitlines())}


def _reference(shared: Path, ref: list[str], candidates: dict[str, Any]) -> dict[str, Any]:
    if len(ref) == 1:
        c = candidates[ref[0]]
        corpus, book, start, end = c["corpus"], c["book"], c["start"], c["end"]
    else:
        corpus, book, start, end = ref[1], ref[2], int(ref[3]), int(ref[4])
    text = (shared / corpus / book).read_text(encoding="utf-8")[start:end]
    return {
        "id": ref[0],
        "corpus": corpus,
        "book": book,
        "start": start,
        "end": end,
        "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "_text": text,
    }


def build_feelings(shared: Path, src: Path, out: Path) -> int:
    candidates = _candidates(shared, 3, 0, "data/litbank/original", None)
    rows = []
    errors = 0
    for p in parse_ann(src):
        rec = _reference(shared, p["ref"], candidates)
        text = rec.pop("_text")
        anns = []
        for fields, lineno in p["lines"]:
            try:
                emo, exp, entity, tgt, tgt_entity, trig, pol, flags, note = (fields + [""] * 9)[:9]
                plutchik, label = emo.split()
                if plutchik not in PLUTCHIK:
                    raise ValueError(f"{plutchik!r} is not a Plutchik-8 primary")
                ann: dict[str, Any] = {
                    "emotion": plutchik,
                    "label": label,
                    "experiencer": find_span(text, exp),
                    "entity": entity if exp != "-" else None,
                    "narrator": "N" in flags.split(),
                    "unnamed": "U" in flags.split(),
                    "target": find_span(text, tgt),
                    "target_entity": tgt_entity if tgt != "-" else None,
                    "target_person": "P" in flags.split(),
                    "trigger": find_span(text, trig),
                    "polarity": POLARITY[pol],
                }
                if note:
                    ann["note"] = note
                anns.append(ann)
            except (ValueError, KeyError) as exc:
                errors += 1
                print(f"{src.name}:{lineno}: {rec['id']}: {exc}", file=sys.stderr)
        rec["annotations"] = anns
        rows.append(rec)
    _write(rows, out, "annotations")
    return errors


def _write(rows: list[dict[str, Any]], out: Path, key: str) -> None:
    """Write the passages as JSON lines and say how many passages and ``key`` items went out."""
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} passages, {sum(len(r[key]) for r in rows)} {key} -> {out}")


def build_bonds(shared: Path, src: Path, out: Path) -> int:
    """Build a bond gold file from its ``.ann`` source; PDNC passages keep no text, not even the cue's."""
    rows = []
    errors = 0
    for p in parse_ann(src):
        rec = _reference(shared, p["ref"], {})
        text = rec.pop("_text")
        rels = []
        for fields, lineno in p["lines"]:
            try:
                source, target, pol, cue, note = (fields + [""] * 5)[:5]
                src_names = [n.strip() for n in source.split(";")]
                tgt_names = [n.strip() for n in target.split(";")]
                for name in src_names + tgt_names:
                    if name != "narrator" and not re.search(_pattern(name), text):
                        raise ValueError(f"name {name!r} not in the passage")
                rel: dict[str, Any] = {
                    "source": src_names[0],
                    "source_names": src_names,
                    "target": tgt_names[0],
                    "target_names": tgt_names,
                    "polarity": POLARITY[pol],
                    "cue": find_span(text, cue) if cue else None,
                }
                if rel["cue"] is not None and rec["corpus"].startswith("data/pdnc"):
                    del rel["cue"]["text"]
                if note:
                    rel["note"] = note
                rels.append(rel)
            except (ValueError, KeyError) as exc:
                errors += 1
                print(f"{src.name}:{lineno}: {rec['id']}: {exc}", file=sys.stderr)
        rec["relations"] = rels
        rows.append(rec)
    _write(rows, out, "relations")
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--dev-only", action="store_true", help="build only the development bond golds")
    args = ap.parse_args(argv)
    errors = 0
    if not args.dev_only:
        errors += build_feelings(args.shared, GOLD / "feelings_heldout.ann", GOLD / "feelings_heldout.jsonl")
        if (GOLD / "bonds_heldout.ann").is_file():
            errors += build_bonds(args.shared, GOLD / "bonds_heldout.ann", GOLD / "bonds_heldout.jsonl")
    for dev in ("bonds_dev", *(f"bonds_dev{n}" for n in range(2, 20))):  # bonds_dev2 ... bonds_dev19
        if (GOLD / f"{dev}.ann").is_file():
            errors += build_bonds(args.shared, GOLD / f"{dev}.ann", GOLD / f"{dev}.jsonl")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
