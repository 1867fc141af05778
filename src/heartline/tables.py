"""The reading as flat tables: one row per story, character, quote, feeling, bond, bond window and arc.

This is the export layout shared by the library (``heartline export --parquet``), the batch runners
(``heartline batch``) and anything that loads their Parquet files (DuckDB, pandas, polars, Spark). Each
table is a list of plain dicts whose keys and types are declared once, in ``COLUMNS``; every row carries
the ``story_id`` of the story it comes from, so the tables join on it.

A story's id is the start of the SHA-256 of its source file's bytes (``content_id``): the same file gives
the same id on any machine, which is what makes adding and batch runs idempotent and resumable.

The rows are built from the reading JSON (``Story.to_dict()``), not from live objects, so a reading
saved years ago exports the same way as a fresh one. A step that did not run leaves its tables empty.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = [
    "COLUMNS",
    "TABLES",
    "content_hash",
    "content_id",
    "empty_rows",
    "main_pair",
    "reading_rows",
    "story_id_for",
]

# Column types: "string", "int", "float", "bool", "strings" (list of strings), "floats" (list of floats).
# A column may hold null unless it is story_id or a position.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "stories": [
        ("story_id", "string"),
        ("content_hash", "string"),
        ("source", "string"),
        ("source_format", "string"),
        ("title", "string"),
        ("authors", "strings"),
        ("fandoms", "strings"),
        ("relationships", "strings"),
        ("tagged_characters", "strings"),
        ("tags", "strings"),
        ("summary", "string"),
        ("words", "int"),
        ("chapters", "int"),
        ("sentences", "int"),
        ("quotes", "int"),
        ("characters", "int"),
        ("steps", "strings"),
        ("main_source", "string"),
        ("main_target", "string"),
        ("arc_shape", "string"),
        ("arc_confidence", "float"),
        ("arc_start", "float"),
        ("arc_end", "float"),
        ("schema", "string"),
    ],
    "characters": [
        ("story_id", "string"),
        ("character", "string"),
        ("name", "string"),
        ("aliases", "strings"),
        ("gender", "string"),
        ("mentions", "int"),
        ("quotes", "int"),
        ("present", "bool"),
        ("narrator", "bool"),
        ("unnamed", "bool"),
    ],
    "quotes": [
        ("story_id", "string"),
        ("quote", "int"),
        ("start", "int"),
        ("end", "int"),
        ("paragraph", "int"),
        ("speaker", "string"),
        ("addressees", "strings"),
        ("attribution", "string"),
        ("labels", "strings"),
        ("text", "string"),
    ],
    "feelings": [
        ("story_id", "string"),
        ("feeling", "int"),
        ("experiencer", "string"),
        ("target", "string"),
        ("emotion", "string"),
        ("intensity", "float"),
        ("voiced", "bool"),
        ("start", "int"),
        ("end", "int"),
        ("position", "float"),
        ("text", "string"),
        ("trigger_start", "int"),
        ("trigger_end", "int"),
        ("trigger_text", "string"),
    ],
    "bonds": [
        ("story_id", "string"),
        ("source", "string"),
        ("target", "string"),
        ("valence", "float"),
        ("strength", "float"),
        ("count", "int"),
        ("voiced_share", "float"),
        ("emotion_labels", "strings"),
        ("emotion_weights", "floats"),
        ("trend_slope", "float"),
        ("trend", "string"),
        ("unsaid_labels", "strings"),
        ("unsaid_weights", "floats"),
        ("unsaid_weight", "float"),
        ("mutuality", "float"),
        ("asymmetry", "float"),
    ],
    "bond_timelines": [
        ("story_id", "string"),
        ("source", "string"),
        ("target", "string"),
        ("window", "int"),
        ("start", "int"),
        ("end", "int"),
        ("chapter", "int"),
        ("count", "int"),
        ("strength", "float"),
        ("valence", "float"),
        ("top", "strings"),
    ],
    "arcs": [
        ("story_id", "string"),
        ("subject", "string"),
        ("shape", "string"),
        ("confidence", "float"),
        ("amplitude", "float"),
        ("start", "float"),
        ("end", "float"),
        ("x", "floats"),
        ("valence", "floats"),
    ],
    "readings": [
        ("story_id", "string"),
        ("reading", "string"),
    ],
}

TABLES: tuple[str, ...] = tuple(COLUMNS)


def content_hash(data: bytes) -> str:
    """The SHA-256 of a source file's bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def story_id_for(digest: str) -> str:
    """A story's id from its content hash: the first 16 hex digits (64 bits; collisions are negligible
    below billions of stories)."""
    return digest[:16]


def content_id(data: bytes) -> str:
    """A story's id from its source file's bytes."""
    return story_id_for(content_hash(data))


def empty_rows() -> dict[str, list[dict[str, Any]]]:
    """One empty list per table."""
    return {name: [] for name in TABLES}


def main_pair(reading: dict[str, Any]) -> tuple[str | None, str | None]:
    """The strongest bond's (source, target), the first in the reading's order among equals (as the library
    ranks bonds), or (None, None) for a story without bonds."""
    bonds = reading.get("bonds") or []
    if not bonds:
        return None, None
    best = max(bonds, key=lambda b: b.get("strength") or 0.0)
    return best["source"], best["target"]


def reading_rows(
    reading: dict[str, Any], story_id: str, *, content_hash: str | None = None, with_reading: bool = True
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one reading. ``with_reading`` adds the whole reading JSON to ``readings``,
    so a folder of tables can be brought back into a library without reading the stories again."""
    text: str = reading.get("text") or ""
    meta: dict[str, Any] = reading.get("metadata") or {}
    arcs: dict[str, Any] = reading.get("arcs") or {}
    story_arc = arcs.get("story") or {}
    shape = story_arc.get("shape") or {}
    source, target = main_pair(reading)
    tables = empty_rows()
    tables["stories"].append(
        {
            "story_id": story_id,
            "content_hash": content_hash,
            "source": meta.get("source"),
            "source_format": meta.get("source_format"),
            "title": meta.get("title"),
            "authors": list(meta.get("authors") or []),
            "fandoms": list(meta.get("fandoms") or []),
            "relationships": list(meta.get("relationships") or []),
            "tagged_characters": list(meta.get("characters") or []),
            "tags": list(meta.get("tags") or []),
            "summary": meta.get("summary"),
            "words": int(meta.get("words") or 0),
            "chapters": len(reading.get("chapters") or []),
            "sentences": len(reading.get("sentences") or []),
            "quotes": len(reading.get("quotes") or []),
            "characters": len(reading.get("characters") or []),
            "steps": list(reading.get("steps") or []),
            "main_source": source,
            "main_target": target,
            "arc_shape": shape.get("name"),
            "arc_confidence": shape.get("confidence"),
            "arc_start": story_arc.get("start"),
            "arc_end": story_arc.get("end"),
            "schema": reading.get("schema"),
        }
    )
    for c in reading.get("characters") or []:
        tables["characters"].append(
            {
                "story_id": story_id,
                "character": c["id"],
                "name": c.get("name"),
                "aliases": list(c.get("aliases") or []),
                "gender": c.get("gender"),
                "mentions": int(c.get("mentions") or 0),
                "quotes": int(c.get("quotes") or 0),
                "present": bool(c.get("present")),
                "narrator": bool(c.get("narrator")),
                "unnamed": bool(c.get("unnamed")),
            }
        )
    for i, q in enumerate(reading.get("quotes") or []):
        parts = q.get("parts") or [[q["start"], q["end"]]]
        tables["quotes"].append(
            {
                "story_id": story_id,
                "quote": i,
                "start": q["start"],
                "end": q["end"],
                "paragraph": q.get("paragraph"),
                "speaker": q.get("speaker"),
                "addressees": list(q.get("addressees") or []),
                "attribution": q.get("attribution"),
                "labels": list(q.get("labels") or []),
                "text": " ".join(text[s:e] for s, e in parts),
            }
        )
    length = max(1, len(text))
    for i, f in enumerate(reading.get("feelings") or []):
        trigger = f.get("trigger") or {}
        tables["feelings"].append(
            {
                "story_id": story_id,
                "feeling": i,
                "experiencer": f.get("experiencer"),
                "target": f.get("target"),
                "emotion": f["emotion"],
                "intensity": f.get("intensity"),
                "voiced": bool(f.get("voiced")),
                "start": f["start"],
                "end": f["end"],
                "position": round(f["start"] / length, 4),
                "text": text[f["start"] : f["end"]],
                "trigger_start": trigger.get("start"),
                "trigger_end": trigger.get("end"),
                "trigger_text": trigger.get("text"),
            }
        )
    for b in reading.get("bonds") or []:
        emotions = b.get("emotions") or {}
        unsaid = b.get("unsaid") or {}
        unsaid_emotions = unsaid.get("emotions") or {}
        trend = b.get("trend") or {}
        mutual = b.get("mutual") or {}
        tables["bonds"].append(
            {
                "story_id": story_id,
                "source": b["source"],
                "target": b["target"],
                "valence": b.get("valence"),
                "strength": b.get("strength"),
                "count": b.get("count"),
                "voiced_share": b.get("voiced_share"),
                "emotion_labels": list(emotions),
                "emotion_weights": [float(v) for v in emotions.values()],
                "trend_slope": trend.get("valence_slope"),
                "trend": trend.get("direction"),
                "unsaid_labels": list(unsaid_emotions),
                "unsaid_weights": [float(v) for v in unsaid_emotions.values()],
                "unsaid_weight": unsaid.get("weight"),
                "mutuality": mutual.get("mutuality"),
                "asymmetry": mutual.get("asymmetry"),
            }
        )
        for w in b.get("timeline") or []:
            tables["bond_timelines"].append(
                {
                    "story_id": story_id,
                    "source": b["source"],
                    "target": b["target"],
                    "window": w["window"],
                    "start": w["start"],
                    "end": w["end"],
                    "chapter": w.get("chapter"),
                    "count": w.get("count"),
                    "strength": w.get("strength"),
                    "valence": w.get("valence"),
                    "top": list(w.get("top") or []),
                }
            )
    x = [float(v) for v in arcs.get("x") or []]
    subjects: list[tuple[str, dict[str, Any]]] = []
    if story_arc:
        subjects.append(("story", story_arc))
    subjects.extend((cid, arc) for cid, arc in (arcs.get("characters") or {}).items() if arc)
    for subject, arc in subjects:
        arc_shape = arc.get("shape") or {}
        tables["arcs"].append(
            {
                "story_id": story_id,
                "subject": subject,
                "shape": arc_shape.get("name"),
                "confidence": arc_shape.get("confidence"),
                "amplitude": arc_shape.get("amplitude"),
                "start": arc.get("start"),
                "end": arc.get("end"),
                "x": x,
                "valence": [None if v is None else float(v) for v in arc.get("valence") or []],
            }
        )
    if with_reading:
        tables["readings"].append(
            {"story_id": story_id, "reading": json.dumps(reading, ensure_ascii=False, separators=(",", ":"))}
        )
    return tables
