"""Reading many stories: the worker pool every runner shares (``work``), and the batch runners."""

from __future__ import annotations

from .work import Outcome, default_jobs, read_file, read_files, story_files

__all__ = ["Outcome", "default_jobs", "read_file", "read_files", "story_files"]
