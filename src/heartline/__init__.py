"""heartline: who feels what, toward whom, in a story.

>>> import heartline
>>> story = heartline.read(text="“Thank you,” Willow said to Buffy.", steps="segment")
>>> len(story.quotes)
1
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import HeartlineError
from .pipeline import DEFAULT_STEPS, Pipeline, register_step
from .story import SCHEMA, Story

if TYPE_CHECKING:
    from pathlib import Path

    from .library import Library
    from .pipeline import Progress

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA",
    "HeartlineError",
    "Library",
    "Pipeline",
    "Story",
    "__version__",
    "load",
    "read",
    "register_step",
]


def __getattr__(name: str) -> object:
    """``heartline.Library`` is imported on first use (it needs numpy and the library's SQL)."""
    if name == "Library":
        from .library import Library

        return Library
    raise AttributeError(f"module 'heartline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "Library"})


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def load(source: str | Path | None = None, *, format: str | None = None, text: str | None = None) -> Story:
    """Ingest a file (or a string of story text) into a Story without running any step.

    ``source`` is a path; a ``str`` that cannot be a path (several lines, say) is read as story text.
    ``text=`` reads a string as the story's text whatever it looks like.
    """
    from .ingest import load as _load

    return _load(source, format=format, text=text)


def read(
    source: str | Path | None = None,
    *,
    text: str | None = None,
    format: str | None = None,
    steps: str | list[str] | tuple[str, ...] | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> Story:
    """Read a story file (txt, md, epub, AO3 html, Gutenberg) or a string of text, and run the steps.

    ``source`` is a path (a ``str`` that cannot be a path, several lines say, is read as story text);
    ``text=`` is the story's text itself. ``steps`` is a comma-separated string or a list of step names
    (default: all of them). Pipelines are cached per step list, so models load once.
    """
    story = load(source, format=format, text=text)
    if pipeline is None:
        key = tuple(Pipeline(steps).names)
        if key not in _PIPELINES:
            _PIPELINES[key] = Pipeline(list(key))
        pipeline = _PIPELINES[key]
    return pipeline(story, progress)
