"""heartline: who feels what, toward whom, in a story.

>>> import heartline
>>> story = heartline.read(text="“Thank you,” Willow said to Buffy.", steps="segment")
>>> len(story.quotes)
1
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .errors import HeartlineError, PipelineError
from .pipeline import DEFAULT_STEPS, Pipeline, register_step
from .story import SCHEMA, Story

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from .library import Library
    from .pipeline import Progress

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA",
    "HeartlineError",
    "Library",
    "Pipeline",
    "PipelineError",
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


_PIPELINES: dict[tuple[tuple[str, ...], str], Pipeline] = {}


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
    config: dict[str, dict[str, Any]] | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> Story:
    """Read a story file (txt, md, epub, AO3 html, Gutenberg) or a string of text, and run the steps.

    ``source`` is a path (a ``str`` that cannot be a path, several lines say, is read as story text);
    ``text=`` is the story's text itself. ``steps`` is a comma-separated string or a list of step names
    (default: all of them). ``config`` maps step names to their settings, e.g.
    ``{"feelings": {"source": "lexicon"}}`` (docs/cli.md lists them); an unknown setting or a value of the
    wrong type raises PipelineError before the story is read. Pipelines are cached per steps and config,
    so models load once.
    """
    if pipeline is not None and config:
        raise PipelineError("Both a pipeline and a config were given", "Give the config to the Pipeline instead")
    if pipeline is None:
        built = Pipeline(steps, dict(config or {}))
        key = (tuple(built.names), json.dumps(built.config, sort_keys=True, default=repr))
        pipeline = _PIPELINES.setdefault(key, built)
    story = load(source, format=format, text=text)
    return pipeline(story, progress)
