"""Every error heartline raises, each with what went wrong and how to fix it.

The library raises; only the CLI turns an error into a one-line message and an exit code.

    HeartlineError                  base: ``message`` + ``fix``
    ├── InputError                  a file or text heartline cannot read
    │   ├── FileNotFound
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── DecodeError
    │   ├── UnsafeArchive           zip with ../ names, zip bombs, not a zip at all
    │   ├── NoStoryFound            HTML or EPUB with no story text in it
    │   └── InputTooLarge
    ├── FormatError                 an unknown --format, or a file of another format
    ├── PipelineError               steps in the wrong order, an unknown step
    ├── ModelError                  a model folder that is missing or broken
    ├── MissingExtra                an optional dependency that is not installed
    └── OutputError                 a reading or report that cannot be written
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "DecodeError",
    "EmptyInput",
    "FileNotFound",
    "FormatError",
    "HeartlineError",
    "InputError",
    "InputTooLarge",
    "MissingExtra",
    "ModelError",
    "NoStoryFound",
    "OutputError",
    "PipelineError",
    "UnsafeArchive",
]


class HeartlineError(Exception):
    """Base of every heartline error: a message saying what went wrong and a fix saying what to do."""

    def __init__(self, message: str, fix: str = "") -> None:
        self.message = message
        self.fix = fix
        super().__init__(f"{message} {fix}".strip())

    def one_line(self) -> str:
        """The message and its fix on one line, as the CLI prints it."""
        text = self.message.rstrip(".") + "."
        if self.fix:
            text += " " + self.fix.rstrip(".") + "."
        return " ".join(text.split())


class InputError(HeartlineError):
    """A file or text that heartline cannot read as a story."""


class FileNotFound(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class UnsafeArchive(InputError):
    pass


class NoStoryFound(InputError):
    pass


class InputTooLarge(InputError):
    pass


class FormatError(HeartlineError):
    pass


class PipelineError(HeartlineError):
    pass


class ModelError(HeartlineError):
    pass


class MissingExtra(HeartlineError):
    """An optional dependency is missing; the fix names the extra to install."""

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python package '{module}', which is not installed",
            f"Install it with: pip install 'heartline[{extra}]'",
        )
        self.module = module
        self.extra = extra


class OutputError(HeartlineError):
    pass


def require(module: str, extra: str, purpose: str):  # type: ignore[no-untyped-def]
    """Import an optional module or raise MissingExtra with an install hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(module, extra, purpose) from exc
