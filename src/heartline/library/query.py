"""Find queries: parsed from the strings the CLI and the web app take, run as one SQL statement.

    parse_query(pair="Willow -> Buffy", feeling="love rising", unsaid="love", arc="man in a hole",
                fandom=..., relationship=..., tag=..., character="Wil", text="lighthouse storm") -> Query

Meaning (every given filter must hold: AND):

- ``pair``: "A -> B" a bond from A to B (A feels toward B); "A <- B" the bond from B to A; "A <-> B"
  bonds both ways. A name matches a character's full name, an alias or one word of them, or the start of
  one of those, case-insensitive ("Wil" finds Willow).
- ``feeling``: "EMOTION [rising|falling|steady]": a bond in which EMOTION has at least 5% of the
  intensity (with a pair: that pair's bond), its share over the bond's timeline trending that way; with
  no pair and no unsaid filter, the story's own emotion mix counts too (undirected feelings such as
  grief). EMOTION is one of the 28 labels or a listed synonym ("trust" is read as admiration).
- ``unsaid``: "EMOTION": a bond in which EMOTION is felt in narration and never said aloud.
  ``feeling`` and ``unsaid`` together must hold on the same bond.
- ``arc``: the story's valence arc has this shape (one of ``heartline.arcs.SHAPE_NAMES``: the six shapes,
  flat or unclear).
- ``fandom``, ``relationship``, ``tag``: a source tag, whole, case-insensitive.
- ``character``: a character so named (as for pairs).
- ``text``: every word in the title, summary, tags or text (SQLite FTS5, words as given, any order).

Scores add up over the filters; each is about 0..1: a bond's weight in its story (1 for the strongest)
and the emotion's share, an arc's confidence, the text's BM25 squashed to 0..1, 0.2 for a tag.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from ..emotions.labels import LABELS
from .records import QueryError, Reason

__all__ = ["EMOTION_SYNONYMS", "TRENDS", "Query", "arc_names", "parse_query", "plan"]

TRENDS = ("rising", "falling", "steady")
_MIN_SHARE = 0.05
_HI = "\U0010ffff"

# Everyday words for feelings the 28 labels name otherwise (what the feelings lexicon maps them to).
EMOTION_SYNONYMS: dict[str, str] = {
    "trust": "admiration",
    "respect": "admiration",
    "awe": "admiration",
    "hope": "optimism",
    "longing": "desire",
    "yearning": "desire",
    "lust": "desire",
    "attraction": "desire",
    "affection": "love",
    "adoration": "love",
    "care": "caring",
    "tenderness": "caring",
    "thanks": "gratitude",
    "happiness": "joy",
    "delight": "joy",
    "sorrow": "sadness",
    "loneliness": "sadness",
    "rage": "anger",
    "fury": "anger",
    "hate": "anger",
    "hatred": "anger",
    "irritation": "annoyance",
    "terror": "fear",
    "dread": "fear",
    "anxiety": "nervousness",
    "worry": "nervousness",
    "shame": "embarrassment",
    "guilt": "remorse",
    "regret": "remorse",
    "mourning": "grief",
    "jealousy": "annoyance",
    "contempt": "disgust",
}
_ARROWS = {"->": "->", "→": "->", "<-": "<-", "←": "<-", "<->": "<->", "↔": "<->"}
_PAIR = re.compile(r"^(.*?)\s*(<->|->|<-|↔|→|←)\s*(.*)$")


def arc_names() -> tuple[str, ...]:
    from ..arcs import SHAPE_NAMES

    return SHAPE_NAMES


def _emotion(word: str, what: str) -> str:
    w = word.strip().lower()
    if w in LABELS and w != "neutral":
        return w
    if w in EMOTION_SYNONYMS:
        return EMOTION_SYNONYMS[w]
    valid = ", ".join(label for label in LABELS if label != "neutral")
    raise QueryError(
        f"Unknown emotion '{word}' in {what}",
        f"Use one of: {valid} (or trust, hope, longing, affection, shame, guilt, ...)",
    )


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed find query; ``None`` fields are not filtered on. Build it with ``parse_query``."""

    pair: tuple[str, str, str] | None = None  # (a, arrow, b), arrow one of "->", "<-", "<->"
    feeling: tuple[str, str | None] | None = None  # (label, trend or None)
    unsaid: str | None = None
    arc: str | None = None
    fandom: str | None = None
    relationship: str | None = None
    tag: str | None = None
    character: str | None = None
    text: str | None = None

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def to_params(self) -> dict[str, str]:
        """The query as strings (the CLI's options and the web app's URL parameters), set fields only."""
        out: dict[str, str] = {}
        if self.pair:
            out["pair"] = f"{self.pair[0]} {self.pair[1]} {self.pair[2]}"
        if self.feeling:
            out["feeling"] = " ".join(x for x in self.feeling if x)
        for name in ("unsaid", "arc", "fandom", "relationship", "tag", "character", "text"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_params(cls, params: dict[str, str]) -> Query:
        """The inverse of ``to_params``; unknown keys and empty values are errors / ignored."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(params) - known)
        if unknown:
            raise QueryError(f"Unknown query field {unknown[0]!r}", f"Use: {', '.join(sorted(known))}")
        return parse_query(**{k: v for k, v in params.items() if v not in (None, "")})


def _clean(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    v = " ".join(str(value).split())
    if not v:
        raise QueryError(f"Empty {what}", f"Give a value for {what}, or leave it out")
    return v


def parse_query(
    pair: str | None = None,
    feeling: str | None = None,
    unsaid: str | None = None,
    arc: str | None = None,
    fandom: str | None = None,
    relationship: str | None = None,
    tag: str | None = None,
    character: str | None = None,
    text: str | None = None,
) -> Query:
    """A Query from the strings the CLI takes; bad input raises QueryError naming the valid choices."""
    parsed_pair = None
    if (p := _clean(pair, "--pair")) is not None:
        m = _PAIR.match(p)
        if not m or not m.group(1).strip() or not m.group(3).strip():
            raise QueryError(
                f"Cannot read the pair '{p}'",
                'Write it as "Willow -> Buffy" (Willow toward Buffy), "Willow <- Buffy" or "Willow <-> Buffy"',
            )
        parsed_pair = (m.group(1).strip(), _ARROWS[m.group(2)], m.group(3).strip())
    parsed_feeling = None
    if (f := _clean(feeling, "--feeling")) is not None:
        words = f.lower().split()
        trend = None
        if len(words) >= 2 and words[-1] in TRENDS:
            trend = words.pop()
        if len(words) != 1:
            raise QueryError(
                f"Cannot read the feeling '{f}'",
                f'Write an emotion and, if you like, a trend: "trust rising", "grief" (trends: {", ".join(TRENDS)})',
            )
        parsed_feeling = (_emotion(words[0], "--feeling"), trend)
    parsed_unsaid = None
    if (u := _clean(unsaid, "--unsaid")) is not None:
        parsed_unsaid = _emotion(u, "--unsaid")
    parsed_arc = None
    if (a := _clean(arc, "--arc")) is not None:
        shapes = arc_names()
        key = a.lower().replace("-", " ").replace("_", " ")
        match = [s for s in shapes if s.lower() == key]
        if not match:
            raise QueryError(f"Unknown arc shape '{a}'", f"Use one of: {', '.join(shapes)}")
        parsed_arc = match[0]
    return Query(
        pair=parsed_pair,
        feeling=parsed_feeling,
        unsaid=parsed_unsaid,
        arc=parsed_arc,
        fandom=_clean(fandom, "--fandom"),
        relationship=_clean(relationship, "--relationship"),
        tag=_clean(tag, "--tag"),
        character=_clean(character, "--character"),
        text=_clean(text, "--text"),
    )


# --- SQL -------------------------------------------------------------------------------------------------

Details = Callable[[sqlite3.Connection, list[int]], dict[int, list[Reason]]]
# where a filter's SQL may be limited to the stories of the first filter: /*IN:column*/
_RESTRICT = re.compile(r"/\*IN:([\w.]+)\*/")


@dataclass(slots=True)
class Part:
    """One filter: SQL giving (story, s) rows, one per matching story, and how to say why for a page.
    ``/*IN:column*/`` in the SQL marks where it may be limited to the stories of the first filter, and
    ``/*P*/`` the terms whose index is not used then (SQLite's unary ``+``)."""

    sql: str
    params: dict[str, Any]
    details: Details


@dataclass(slots=True)
class Plan:
    parts: list[Part]

    def matched_sql(self) -> tuple[str, dict[str, Any]]:
        """SQL of (story, score) for every matching story; all stories with score 0 for an empty query."""
        if not self.parts:
            return "SELECT id AS story, 0.0 AS score FROM stories", {}
        params: dict[str, Any] = {}
        ctes = []
        for i, part in enumerate(self.parts):
            # every later filter looks only at the stories the first one matched
            sql = _RESTRICT.sub((lambda m: f" AND {m.group(1)} IN (SELECT story FROM f0)") if i else "", part.sql)
            # restricted, a filter goes story by story (its key) rather than through its own index: /*P*/ -> +
            sql = sql.replace("/*P*/", "+" if i else "")
            ctes.append(f"f{i} AS ({sql})")
            params.update(part.params)
        n = len(self.parts)
        if n == 1:
            return f"WITH {ctes[0]} SELECT story, s AS score FROM f0", params
        # each filter gives at most one row per story: a story in all n of them matches, scores added
        # (a join of the CTEs would be a nested loop over unindexed materialised tables)
        rows = " UNION ALL ".join(f"SELECT story, s FROM f{i}" for i in range(n))
        return (
            f"WITH {', '.join(ctes)} SELECT story, SUM(s) AS score FROM ({rows}) GROUP BY story HAVING COUNT(*) = {n}",
            params,
        )

    def reasons(self, conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        out: dict[int, list[Reason]] = {s: [] for s in stories}
        for part in self.parts:
            for story, reasons in part.details(conn, stories).items():
                out.setdefault(story, []).extend(reasons)
        return out


def _name_range(prefix: str, name: str, tag: str = "") -> tuple[str, str, dict[str, Any]]:
    """(range condition, exact-match test, params) on the name keys of table alias ``prefix``."""
    key = " ".join(name.lower().split())
    p = f"{prefix}{tag}"
    return (
        f"{prefix}.key >= :{p}_lo AND {prefix}.key < :{p}_hi",
        f"({prefix}.key = :{p}_eq AND {prefix}.exact)",
        {f"{p}_lo": key, f"{p}_hi": key + _HI, f"{p}_eq": key},
    )


def _in(stories: list[int]) -> str:
    return ",".join(str(int(s)) for s in stories) or "NULL"


def _fmt_bond_emotions(raw: str | None, n: int = 2) -> str:
    emotions = json.loads(raw or "{}")
    return ", ".join(f"{k} {v:.2f}" for k, v in list(emotions.items())[:n])


class _BondFilter:
    """Pair, feeling and unsaid: conditions on one bond, with the reasons drawn from that bond."""

    def __init__(self, q: Query) -> None:
        self.q = q

    def _select(
        self, a: str | None, b: str | None, both: bool, detail: bool, where: str = "", tag: str = ""
    ) -> tuple[str, dict[str, Any]]:
        q = self.q
        params: dict[str, Any] = {}
        joins = []
        factor = "1.0"
        if not detail and a is None and b is None and not both and q.feeling and not q.unsaid:
            # a feeling on any bond: bond_emotions alone, through its covering index
            cond = "/*P*/e.emotion = :fe AND e.share >= :fmin" + (" AND e.trend = :ft" if q.feeling[1] else "")
            params.update({"fe": q.feeling[0], "fmin": _MIN_SHARE})
            if q.feeling[1]:
                params["ft"] = q.feeling[1]
            bonus = " + 0.25 * MIN(1.0, ABS(e.change))" if q.feeling[1] else ""
            return (
                f"SELECT e.story AS story, 0.5 * e.weight + e.share{bonus} AS s FROM bond_emotions e WHERE {cond}"
                " /*IN:e.story*/",
                params,
            )
        # The join order is fixed (CROSS JOIN): from the names when a pair is given (few rows), else from the
        # page's bonds for reasons; only a feeling or unsaid on any bond is left to the planner.
        join = "CROSS JOIN" if detail or a is not None else "JOIN"
        base = "bonds b"
        wheres = [where or "1"]
        if a is not None:
            cond, exact, p = _name_range("ns", a, tag)
            params.update(p)
            base = "names ns CROSS JOIN bonds b ON b.story = ns.story AND b.source = ns.character"
            wheres.append(cond)
            factor += f" * (CASE WHEN {exact} THEN 1.0 ELSE 0.8 END)"
        if b is not None:
            cond, exact, p = _name_range("nt", b, tag)
            params.update(p)
            joins.append(f"{join} names nt ON nt.story = b.story AND nt.character = b.target AND {cond}")
            factor += f" * (CASE WHEN {exact} THEN 1.0 ELSE 0.8 END)"
        if both:
            joins.append(f"{join} bonds r ON r.story = b.story AND r.source = b.target AND r.target = b.source")
        # both ways: the bond's weight, and more when the bond back is about as strong (low asymmetry)
        score = "0.5 * b.weight * (2.0 - ABS(COALESCE(b.asymmetry, 0)))" if both else "b.weight"
        if q.feeling:
            cond = "e.emotion = :fe AND e.share >= :fmin"
            params.update({"fe": q.feeling[0], "fmin": _MIN_SHARE})
            if q.feeling[1]:
                cond += " AND e.trend = :ft"
                params["ft"] = q.feeling[1]
            joins.append(
                f"{join} bond_emotions e ON e.story = b.story AND e.source = b.source AND e.target = b.target"
                f" AND {cond}"
            )
            score = "0.5 * b.weight + e.share" + (" + 0.25 * MIN(1.0, ABS(e.change))" if q.feeling[1] else "")
        if q.unsaid:
            joins.append(
                f"{join} bond_emotions u ON u.story = b.story AND u.source = b.source AND u.target = b.target"
                " AND u.emotion = :ue AND u.unsaid > 0"
            )
            params["ue"] = q.unsaid
            score = f"({score}) + 0.5 * b.weight + u.unsaid"
        cols = f"b.story AS story, ({score}) * {factor} AS s"
        if detail:
            cols += (
                ", b.source_name, b.target_name, b.valence, b.trend, b.emotions, b.quote, b.strength"
                + (", e.emotion AS fe, e.share AS fshare, e.trend AS ftrend, e.change AS fchange, e.quote AS fquote"
                   if q.feeling else "")
                + (", u.emotion AS ue, u.unsaid AS ushare, COALESCE(u.quote, b.unsaid_quote) AS uquote"
                   if q.unsaid else "")
            )  # fmt: skip
        sql = f"SELECT {cols} FROM {base} {' '.join(joins)} WHERE {' AND '.join(wheres)} /*IN:b.story*/"
        return sql, params

    def _selects(self, detail: bool, where: str = "") -> tuple[list[str], dict[str, Any]]:
        q = self.q
        if q.pair is None:
            sql, params = self._select(None, None, False, detail, where)
            return [sql], params
        a, arrow, b = q.pair
        if arrow == "<-":
            a, b = b, a
        if arrow != "<->":
            sql, params = self._select(a, b, False, detail, where)
            return [sql], params
        s1, p1 = self._select(a, b, True, detail, where, "0")
        s2, p2 = self._select(b, a, True, detail, where, "1")
        return [s1, s2], {**p1, **p2}

    def part(self) -> Part:
        q = self.q
        selects, params = self._selects(False)
        if q.feeling and q.pair is None and q.unsaid is None:
            cond = "/*P*/se.emotion = :fe AND se.share >= :fmin" + (" AND se.trend = :ft" if q.feeling[1] else "")
            bonus = " + 0.25 * MIN(1.0, ABS(se.change))" if q.feeling[1] else ""
            selects.append(
                f"SELECT se.story AS story, 0.5 * se.share{bonus} AS s FROM story_emotions se WHERE {cond}"
                " /*IN:se.story*/"
            )
        sql = f"SELECT story, MAX(s) AS s FROM ({' UNION ALL '.join(selects)}) GROUP BY story"
        return Part(sql, params, self.details)

    def _line(self, row: sqlite3.Row) -> tuple[str, str | None, dict[str, float]]:
        q = self.q
        head = f"{row['source_name']} -> {row['target_name']}: "
        bits: list[str] = []
        numbers: dict[str, float] = {"valence": row["valence"] or 0.0, "strength": row["strength"] or 0.0}
        quote = row["quote"]
        if q.feeling:
            bits.append(f"{row['fe']} {row['fshare']:.2f}" + (f" {row['ftrend']}" if row["ftrend"] else ""))
            numbers[row["fe"]] = row["fshare"]
            if row["fchange"] is not None:
                numbers["change"] = row["fchange"]
            quote = row["fquote"] or quote
        if q.unsaid:
            bits.append(f"{row['ue']} unsaid {row['ushare']:.2f}")
            numbers[f"unsaid_{row['ue']}"] = row["ushare"]
            quote = row["uquote"] or quote
        if not bits:
            bits.append(_fmt_bond_emotions(row["emotions"]))
        bits.append(f"valence {row['valence'] or 0.0:+.2f}")
        if row["trend"]:
            bits.append(row["trend"])
        return head + ", ".join(b for b in bits if b), quote, numbers

    def details(self, conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        q = self.q
        kind = "pair" if q.pair else "feeling" if q.feeling else "unsaid"
        selects, params = self._selects(True, f"b.story IN ({_in(stories)})")
        best: dict[int, list[sqlite3.Row]] = {}
        for sql in selects:
            for row in conn.execute(_RESTRICT.sub("", sql), params):
                rows = best.setdefault(row["story"], [])
                rows.append(row)
        out: dict[int, list[Reason]] = {}
        for story, rows in best.items():
            rows.sort(key=lambda r: -r["s"])
            chosen = [rows[0]]
            if q.pair and q.pair[1] == "<->":
                back = next(
                    (r for r in rows if r["source_name"] == rows[0]["target_name"]
                     and r["target_name"] == rows[0]["source_name"]), None,
                )  # fmt: skip
                if back is not None:
                    chosen.append(back)
            reasons = []
            for row in chosen:
                text, quote, numbers = self._line(row)
                reasons.append(Reason(kind, text, quote, {k: round(float(v), 4) for k, v in numbers.items()}))
            out[story] = reasons
        if q.feeling and q.pair is None and q.unsaid is None:
            missing = [s for s in stories if s not in out]
            if missing:
                cond = "+se.emotion = :fe" + (" AND +se.trend = :ft" if q.feeling[1] else "")
                sql = f"SELECT * FROM story_emotions se WHERE {cond} AND se.story IN ({_in(missing)})"
                for row in conn.execute(sql, params):
                    trend = f", {row['trend']}" if row["trend"] else ""
                    out[row["story"]] = [
                        Reason(
                            "feeling",
                            f"story: {row['emotion']} {row['share']:.2f} of all feelings{trend}",
                            row["quote"],
                            {"share": row["share"], **({"change": row["change"]} if row["change"] is not None else {})},
                        )
                    ]
        return out


def _character_part(name: str) -> Part:
    cond, exact, params = _name_range("n", name)
    sql = (
        f"SELECT n.story AS story, MAX(0.5 * c.weight * (CASE WHEN {exact} THEN 1.0 ELSE 0.8 END))"
        f" AS s FROM names n JOIN characters c ON c.story = n.story AND c.character = n.character WHERE {cond}"
        " /*IN:n.story*/ GROUP BY n.story"
    )

    def details(conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        out: dict[int, list[Reason]] = {}
        rows = conn.execute(
            "SELECT n.story, c.name, c.mentions, c.quotes, c.weight FROM names n JOIN characters c"
            f" ON c.story = n.story AND c.character = n.character WHERE {cond} AND n.story IN ({_in(stories)})"
            " ORDER BY c.weight DESC",
            params,
        )
        for row in rows:
            if row["story"] not in out:
                out[row["story"]] = [
                    Reason(
                        "character",
                        f"{row['name']}: {row['mentions']} mentions, {row['quotes']} lines spoken",
                        None,
                        {"mentions": row["mentions"], "quotes": row["quotes"]},
                    )
                ]
        return out

    return Part(sql, params, details)


def _arc_part(shape: str) -> Part:
    sql = (
        "SELECT story, COALESCE(confidence, 0) AS s FROM arcs WHERE /*P*/shape = :arc AND subject = 'story'"
        " /*IN:story*/"
    )

    def details(conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        rows = conn.execute(f"SELECT * FROM arcs WHERE subject = 'story' AND story IN ({_in(stories)})")
        out = {}
        for r in rows:
            start, end = r["start"] or 0.0, r["end"] or 0.0
            out[r["story"]] = [
                Reason(
                    "arc",
                    f"story arc: {r['shape']} (confidence {r['confidence'] or 0:.2f});"
                    f" valence {start:+.2f} -> {end:+.2f}",
                    None,
                    {"confidence": r["confidence"] or 0.0, "start": start, "end": end},
                )
            ]
        return out

    return Part(sql, {"arc": shape}, details)


def _label_part(kind: str, value: str, i: int) -> Part:
    key = " ".join(value.lower().split())
    sql = f"SELECT story, 0.2 AS s FROM labels WHERE kind = :lk{i} AND key = :lv{i} /*IN:story*/"
    params = {f"lk{i}": kind, f"lv{i}": key}

    def details(conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        rows = conn.execute(
            f"SELECT story, value FROM labels WHERE kind = :lk{i} AND key = :lv{i} AND story IN ({_in(stories)})",
            params,
        )
        return {r["story"]: [Reason(kind, f"{kind}: {r['value']}", None, {})] for r in rows}

    return Part(sql, params, details)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (no operators), all required."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        raise QueryError(f"No words to search for in '{text}'", "Give one or more words, e.g. --text lighthouse")
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def _text_part(text: str) -> Part:
    match = fts_query(text)
    sql = (
        "SELECT rowid AS story, (-bm25(texts)) / (1.0 - bm25(texts)) AS s FROM texts WHERE texts MATCH :fts"
        " /*IN:rowid*/"
    )

    def details(conn: sqlite3.Connection, stories: list[int]) -> dict[int, list[Reason]]:
        rows = conn.execute(
            "SELECT rowid AS story, snippet(texts, -1, '', '', '…', 24) AS snip, -bm25(texts) AS rank"
            f" FROM texts WHERE texts MATCH :fts AND rowid IN ({_in(stories)})",
            {"fts": match},
        )
        return {
            r["story"]: [Reason("text", f"text: {text}", " ".join(r["snip"].split()), {"bm25": round(r["rank"], 4)})]
            for r in rows
        }

    return Part(sql, {"fts": match}, details)


def plan(q: Query) -> Plan:
    """The filters of a query as SQL parts, the usually most selective first: the later ones look only at
    the stories the first one matched (tags and names pick few stories; an emotion or an arc, many)."""
    parts: list[Part] = []
    for i, (kind, value) in enumerate((("fandom", q.fandom), ("relationship", q.relationship), ("tag", q.tag))):
        if value:
            parts.append(_label_part(kind, value, i))
    bonds = _BondFilter(q).part() if q.pair or q.feeling or q.unsaid else None
    if bonds and q.pair:
        parts.append(bonds)
    if q.character:
        parts.append(_character_part(q.character))
    if q.text:
        parts.append(_text_part(q.text))
    if bonds and not q.pair:
        parts.append(bonds)
    if q.arc:
        parts.append(_arc_part(q.arc))
    return Plan(parts)
