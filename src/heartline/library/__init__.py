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

from .core import FACETS, SORTS, Library
from .query import Query, parse_query
from .records import AddProgress, AddResult, LibraryError, Match, QueryError, Reason, StoryRecord

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
