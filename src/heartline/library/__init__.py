"""The library: stories and their readings in one SQLite file, found by who feels what toward whom.

    from heartline.library import Library, parse_query
    with Library() as lib:                       # $HEARTLINE_HOME/library.db
        lib.add(["stories/"])
        lib.find(parse_query(pair="Willow -> Buffy", feeling="love rising"))
        lib.similar("3f2a9c0e5d1b7a64")
        lib.export_parquet("export/")

See docs/library.md for the store, the queries' meaning, similarity and the guarantees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import AddProgress, AddResult, LibraryError, Match, QueryError, Reason, StoryRecord

if TYPE_CHECKING:
    from .core import FACETS, SORTS, Library
    from .query import Query, parse_query

_LAZY = {"FACETS": "core", "SORTS": "core", "Library": "core", "Query": "query", "parse_query": "query"}

__all__ = [
    "FACETS",
    "SORTS",
    "AddProgress",
    "AddResult",
    "Library",
    "LibraryError",
    "Match",
    "Query",
    "QueryError",
    "Reason",
    "StoryRecord",
    "parse_query",
]


def __getattr__(name: str) -> object:
    """Library and the query names load numpy and the emotion labels on first use, not with the CLI."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
