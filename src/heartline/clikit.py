"""What every ``heartline`` command shares: click's context settings and the one-line error handling.

Command modules in sub-packages (``heartline.batch.cli``, ``heartline.library.cli``, ...) import these from
here rather than from ``heartline.cli``, which imports them to register their commands.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["CONTEXT", "explain_errors"]

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def explain_errors(fn: F) -> F:
    """Turn heartline's errors (and any other failure) into one line and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import HeartlineError

        try:
            return fn(*args, **kwargs)
        except HeartlineError as exc:
            if os.environ.get("HEARTLINE_DEBUG") == "1":
                raise
            click.echo(f"heartline: error: {exc.one_line()}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("heartline: interrupted; nothing was written.", err=True)
            sys.exit(130)
        except MemoryError:
            click.echo("heartline: error: out of memory. Split the input into smaller files.", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug: say so in one line, with how to see more
            if os.environ.get("HEARTLINE_DEBUG") == "1":
                raise
            click.echo(
                f"heartline: internal error: {type(exc).__name__}: {exc}. "
                "Rerun with HEARTLINE_DEBUG=1 for the traceback and report it.",
                err=True,
            )
            sys.exit(2)

    return wrapper  # type: ignore[return-value]
