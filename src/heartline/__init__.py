"""heartline: who feels what, toward whom, in a story.

>>> import heartline
>>> story = heartline.read("“Thank you,” Willow said to Buffy.", steps="segment")
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

    from .pipeline import Progress

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA",
    "HeartlineError",
    "Pipeline",
    "PipelineError",
    "Story",
    "__version__",
    "load",
    "read",
    "register_step",
]

_PIPELINES: dict[tuple[tuple[str, ...], str], Pipeline] = {}


def load(source: str | Path, *, format: str | None = None) -> Story:
    """Ingest a file (or a string of story text) into a Story without running any step."""
    from .ingest import load as _load

    return _load(source, format=format)


def read(
    source: str | Path,
    *,
    format: str | None = None,
    steps: str | list[str] | tuple[str, ...] | None = None,
    config: dict[str, dict[str, Any]] | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> Story:
    """Read a story file (txt, md, epub, AO3 html, Gutenberg) or a string of text, and run the steps.

    ``source`` is a path, or the story's text itself. ``steps`` is a comma-separated string or a list of
    step names (default: all of them). ``config`` maps step names to their settings, e.g.
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
    story = load(source, format=format)
    return pipeline(story, progress)
