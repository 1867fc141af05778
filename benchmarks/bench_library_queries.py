"""find and similar latency on a large library: p50 / p95 / max over a mix of queries.

usage: python benchmarks/bench_library_queries.py [--stories 10000] [--queries 300] [--keep PATH]
                                                  [--replicate K] [--out FILE]

The large library is built from a few real readings (the four stories of tests/library/stories, the
bundled example and ../shared/examples/i-missed-you.txt, each read once through the full pipeline)
turned into many different synthetic readings, each stored with ``Library.add_reading`` exactly as a
read story would be:

- the characters get new names and ids from a pool of 400 names (so pairs differ from story to story);
- the emotion labels are permuted within their polarity (a positive emotion becomes another positive
  one, a negative another negative), everywhere in the reading: bonds, the unsaid, feelings, arcs;
- bond valences are scaled by a random factor in [0.5, 1.3]; the story's arc is flipped (negated) or
  reversed in time at random, and its shape recomputed with ``heartline.arcs.arc_shape``;
- each story gets a fandom from 30, one to four tags from 120 and a relationship from its main pair.

The texts stay those of the base stories, so text search matches many stories per word (a hard case
for ranking); bonds and arcs vary as above. ``--replicate 10`` then copies the query tables of those
stories ten times over in SQL (``replicate``), for the 100,000-story figure without 100,000 adds.
Targets: p95 at most 100 ms at 10,000 stories and 500 ms at 100,000. Timings include building the
reasons of the returned page. Writes benchmarks/results/library-queries-<N>.json and prints a summary.
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write_results

ROOT = Path(__file__).resolve().parent.parent
BASE = [
    *sorted((ROOT / "tests" / "library" / "stories").iterdir()),
    ROOT / "examples" / "the-lighthouse-keepers.txt",
    ROOT.parent / "shared" / "examples" / "i-missed-you.txt",
]
_SYLLABLES = ["ma", "ri", "ten", "lo", "sa", "bel", "ka", "no", "vin", "ra", "te", "ly", "dor", "an", "ise", "jo"]


def names_pool(rng: random.Random, n: int = 400) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize())
    return sorted(out)


def base_readings() -> list[dict[str, Any]]:
    import heartline

    readings = []
    for path in BASE:
        if path.exists():
            readings.append(heartline.read(path).to_dict())
    return readings


def _walk(value: Any, labels: dict[str, str], ids: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {labels.get(k, ids.get(k, k)): _walk(v, labels, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, labels, ids) for v in value]
    if isinstance(value, str):
        return labels.get(value, ids.get(value, value))
    return value


def synthetic(base: dict[str, Any], i: int, rng: random.Random, names: list[str]) -> dict[str, Any]:
    """One varied reading derived from ``base`` (see the module docstring)."""
    from heartline.arcs import arc_shape
    from heartline.emotions.labels import LABELS, VALENCE

    text = base["text"]
    r = {k: v for k, v in base.items() if k != "text"}
    groups: dict[str, list[str]] = {}
    for label in LABELS:
        groups.setdefault(VALENCE[label].polarity, []).append(label)
    labels: dict[str, str] = {}
    for members in groups.values():
        shuffled = members[:]
        rng.shuffle(shuffled)
        labels.update(zip(members, shuffled, strict=True))
    chosen = rng.sample(names, len(base["characters"]))
    ids = {c["id"]: f"{n.lower()}-{i}" for c, n in zip(base["characters"], chosen, strict=True)}
    r = _walk(copy.deepcopy(r), labels, ids)
    for c, n in zip(r["characters"], chosen, strict=True):
        c["name"], c["aliases"] = n, [n[:3]]
    factor = rng.uniform(0.5, 1.3)
    for b in r["bonds"]:
        if b.get("valence") is not None:
            b["valence"] = max(-1.0, min(1.0, round(b["valence"] * factor, 4)))
    story = (r.get("arcs") or {}).get("story")
    if story and story.get("valence"):
        v = story["valence"]
        if rng.random() < 0.5:
            v = [-x for x in v]
        if rng.random() < 0.5:
            v = v[::-1]
        story["valence"], story["start"], story["end"] = v, v[0], v[-1]
        story["shape"] = arc_shape(v)
    meta = r["metadata"]
    meta["title"] = f"{meta.get('title') or 'Untitled'} #{i}"
    meta["fandoms"] = [f"Fandom {rng.randrange(30)}"]
    meta["tags"] = sorted({f"Tag {rng.randrange(120)}" for _ in range(rng.randint(1, 4))})
    if len(chosen) >= 2:
        meta["relationships"] = [f"{chosen[0]}/{chosen[1]}"]
    r["text"] = text
    return r


def build(path: Path, n: int, seed: int = 7) -> dict[str, Any]:
    from heartline.library import Library
    from heartline.tables import content_hash

    rng = random.Random(seed)
    names = names_pool(rng)
    bases = base_readings()
    started = time.perf_counter()
    with Library(path) as lib:
        have = lib.count()
        for i in range(have, n):
            reading = synthetic(bases[i % len(bases)], i, rng, names)
            lib.add_reading(reading, content_hash=content_hash(f"synthetic-{seed}-{i}".encode()))
    built = max(0, n - have)
    seconds = time.perf_counter() - started
    return {
        "bases": len(bases),
        "built_now": built,
        "build_s": round(seconds, 1),
        "add_reading_ms": round(1000 * seconds / built, 1) if built else None,
        "names": names,
    }


_OFFSET = 10_000_000


def replicate(path: Path, copies: int) -> float:
    """Grow the library ``copies`` times by copying every query table's rows under new story keys (SQL, one
    transaction). The copies have no stored reading (queries never read it) and repeat the originals'
    names, tags and texts, so each query matches ``copies`` times as many stories: the same distribution,
    ten times the rows. Returns the seconds taken."""
    import sqlite3

    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in (
        "stories", "characters", "names", "bonds", "bond_emotions", "bond_windows", "story_emotions", "arcs",
        "labels", "profiles")}  # fmt: skip
    for k in range(1, copies):
        off = k * _OFFSET
        swap = {
            "id": f"id + {off}",
            "story": f"story + {off}",
            "story_id": f"printf('r%d', {k}) || substr(story_id, 3)",  # "r": never a real (hex) id
            "content_hash": f"printf('r%d', {k}) || substr(content_hash, 3)",
        }
        for table, names in cols.items():
            key = "id" if table == "stories" else "story"
            select = ", ".join(swap.get(c, f'"{c}"') for c in names)
            conn.execute(f"INSERT INTO {table} SELECT {select} FROM {table} WHERE {key} < {_OFFSET}")
        conn.execute(
            "INSERT INTO texts (rowid, title, summary, tags, text) SELECT rowid + ?, title, summary, tags, text"
            " FROM texts WHERE rowid < ?",
            (off, _OFFSET),
        )
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    conn.execute("COMMIT")
    conn.close()
    return round(time.perf_counter() - started, 1)


def queries(rng: random.Random, names: list[str], n: int) -> list[dict[str, str]]:
    from heartline.arcs import SHAPES
    from heartline.emotions.labels import LABELS

    emotions = [x for x in LABELS if x != "neutral"]
    trends = ["rising", "falling", "steady"]
    kinds = [
        lambda: {"pair": f"{rng.choice(names)} -> {rng.choice(names)}"},
        lambda: {"pair": f"{rng.choice(names)} <-> {rng.choice(names)}"},
        lambda: {"character": rng.choice(names)[:3]},
        lambda: {"feeling": rng.choice(emotions)},
        lambda: {"feeling": f"{rng.choice(emotions)} {rng.choice(trends)}"},
        lambda: {"unsaid": rng.choice(emotions)},
        lambda: {"arc": rng.choice(SHAPES)},
        lambda: {"tag": f"Tag {rng.randrange(120)}"},
        lambda: {"fandom": f"Fandom {rng.randrange(30)}", "feeling": rng.choice(emotions)},
        lambda: {"text": rng.choice(["storm", "lamp", "letters", "apples", "crush", "regatta boat"])},
        lambda: {
            "feeling": f"{rng.choice(emotions)} rising",
            "arc": rng.choice(SHAPES),
            "tag": f"Tag {rng.randrange(120)}",
        },
        lambda: {"pair": f"{rng.choice(names)} -> {rng.choice(names)}", "feeling": rng.choice(emotions)},
        lambda: {},
    ]
    return [rng.choice(kinds)() for _ in range(n)]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--keep", type=Path, help="Build (or reuse) the library at this path.")
    ap.add_argument(
        "--replicate", type=int, default=1, help="Then copy the query tables to this many times the stories."
    )
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    from heartline.library import Library, parse_query

    tmp = None
    if args.keep:
        path = args.keep
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "library.db"
    built = build(path, args.stories)
    total = args.stories
    if args.replicate > 1:
        total = args.stories * args.replicate
        built["replicated"] = args.replicate
        with Library(path) as lib:
            done = lib.count() >= total  # a kept library already copied
        built["replicate_s"] = 0.0 if done else replicate(path, args.replicate)
    rng = random.Random(11)
    names = built.pop("names")
    with Library(path) as lib:
        size_mb = round(path.stat().st_size / 1e6, 1)
        qs = queries(rng, names, args.queries)
        find_ms: list[float] = []
        by_kind: dict[str, list[float]] = {}
        hits = 0
        for q in qs:
            t0 = time.perf_counter()
            found = lib.find(parse_query(**q), limit=20)
            ms = (time.perf_counter() - t0) * 1000
            find_ms.append(ms)
            by_kind.setdefault("+".join(sorted(q)) or "(all)", []).append(ms)
            hits += bool(found)
        ids = [r.id for r in lib.list(limit=total, sort="added")]
        t0 = time.perf_counter()
        lib.similar(ids[0], limit=10)
        similar_cold_ms = (time.perf_counter() - t0) * 1000
        similar_ms = []
        for sid in rng.sample(ids, min(len(ids), args.queries)):
            t0 = time.perf_counter()
            lib.similar(sid, limit=10)
            similar_ms.append((time.perf_counter() - t0) * 1000)
        count_ms = []
        for q in qs[:50]:
            t0 = time.perf_counter()
            lib.count(parse_query(**q))
            count_ms.append((time.perf_counter() - t0) * 1000)

    def stats(xs: list[float]) -> dict[str, float]:
        return {"p50_ms": round(statistics.median(xs), 2), "p95_ms": round(pct(xs, 95), 2), "max_ms": round(max(xs), 2)}

    payload = {
        "stories": total,
        "library_mb": size_mb,
        **built,
        "find": {**stats(find_ms), "queries": len(find_ms), "with_results": hits},
        "find_by_kind": {k: stats(v) for k, v in sorted(by_kind.items())},
        "similar": {**stats(similar_ms), "cold_first_ms": round(similar_cold_ms, 1)},
        "count": stats(count_ms),
        "targets": {"p95_ms": 100 if total <= 10_000 else 500},
    }
    out = write_results(f"library-queries-{total}", payload, args.out)
    now, secs = built["built_now"], built["build_s"]
    copies = f", copied {args.replicate}x" if args.replicate > 1 else ""
    print(f"library of {total:,} stories ({size_mb} MB; {now:,} added now in {secs} s{copies})")
    for name in ("find", "similar", "count"):
        s = payload[name]
        print(f"  {name:<8} p50 {s['p50_ms']:7.2f} ms   p95 {s['p95_ms']:7.2f} ms   max {s['max_ms']:7.2f} ms")
    worst = max(payload["find_by_kind"].items(), key=lambda kv: kv[1]["p95_ms"])
    print(f"  slowest find kind: {worst[0]} p95 {worst[1]['p95_ms']} ms; similar cold {similar_cold_ms:.0f} ms")
    print(f"  -> {out}")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
