"""Settings resolved in one place: where heartline keeps models and caches, and thread counts."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["MODELS_DIR", "PACKAGE_DIR", "heartline_home", "offline", "threads"]


PACKAGE_DIR = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_DIR / "models"


def heartline_home() -> Path:
    """Folder for caches and downloaded models: ``$HEARTLINE_HOME`` or ``~/.cache/heartline``."""
    env = os.environ.get("HEARTLINE_HOME")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "heartline"


def offline() -> bool:
    """True unless ``HEARTLINE_OFFLINE=0``: heartline never touches the network by default."""
    return os.environ.get("HEARTLINE_OFFLINE", "1") != "0"


def threads() -> int:
    """Threads for model inference: ``$HEARTLINE_THREADS`` or the number of CPUs."""
    env = os.environ.get("HEARTLINE_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
