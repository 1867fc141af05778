"""``heartline serve``: the library and the reader in a browser (see docs/web.md).

Registered on the ``heartline`` group in ``heartline/cli.py``; the context settings and the one-line error
handling come from ``heartline.clikit``. The web extra is imported only when the command runs.
"""

from __future__ import annotations

import click

from ..clikit import CONTEXT, explain_errors

__all__ = ["serve"]


@click.command(context_settings=CONTEXT)
@click.option(
    "--library",
    "library",
    type=click.Path(dir_okay=False),
    default=None,
    help="The library file (default: $HEARTLINE_HOME/library.db). Created when absent.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(0.01, 1024),
    default=20.0,
    show_default=True,
    help="Largest story file (or pasted text) the page accepts, in MB.",
)
@click.option(
    "--uploads",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder where uploads wait to be read (default: a private temporary folder, removed on exit).",
)
@explain_errors
def serve(library: str | None, host: str, port: int, max_upload_mb: float, uploads: str | None) -> None:
    """Serve the library in a browser: browse, search, open readings, and read new stories.

    \b
    Example:
      heartline serve --library library.db
      (then open http://127.0.0.1:8000/)
    """
    from pathlib import Path

    from . import require_web

    require_web()
    import uvicorn

    from .app import WebConfig, create_app

    config = WebConfig(
        library=Path(library) if library else None,
        max_upload_mb=max_upload_mb,
        host=host,
        uploads=Path(uploads) if uploads else None,
    )
    app = create_app(config)
    if host in ("0.0.0.0", "::", ""):
        click.echo(
            "heartline: warning: listening on every network interface. The app has no accounts: anyone who "
            "can reach this machine can read the library and add stories to it.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"heartline: serving {app.app.state.library_path} at http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
