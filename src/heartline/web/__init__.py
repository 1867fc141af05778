"""heartline in a browser: the library's stories, search and facets, and reading new stories by upload.

    heartline serve --library library.db          # http://127.0.0.1:8000/

or from Python (an ASGI app for any server):

    from heartline.web import create_app, WebConfig
    app = create_app(WebConfig(library="library.db"))

Needs the ``web`` extra (FastAPI, uvicorn, Jinja2, python-multipart): ``pip install 'heartline[web]'``.
See docs/web.md for the pages, the JSON API, the limits and the security rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import WebConfig

__all__ = ["WebConfig", "create_app", "require_web"]

_NEEDED = ("fastapi", "uvicorn", "jinja2", "python_multipart")


def require_web() -> None:
    """Raise MissingExtra (with the pip command) when a package of the ``web`` extra is missing."""
    from ..errors import require

    for module in _NEEDED:
        require(module, "web", "heartline serve")


def create_app(config: WebConfig | None = None) -> Any:
    """The ASGI app for ``config`` (see :class:`heartline.web.app.WebConfig`)."""
    require_web()
    from .app import create_app as _create

    return _create(config)


def __getattr__(name: str) -> Any:
    if name == "WebConfig":
        require_web()
        from .app import WebConfig

        return WebConfig
    raise AttributeError(name)
