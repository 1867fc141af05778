"""docs/formats.md keeps up with the readers: every format, every input error, the limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartline import errors
from heartline.ingest import FORMATS, epub
from heartline.ingest._common import DEFAULT_MAX_WORDS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_documented(fmt: str) -> None:
    assert f"(`{fmt}`)" in DOC or f"| `{fmt}` |" in DOC


@pytest.mark.parametrize("name", [n for n in errors.__all__ if issubclass(getattr(errors, n), errors.InputError)])
def test_every_input_error_is_documented(name: str) -> None:
    assert f"`{name}`" in DOC


def test_limits_match_the_code() -> None:
    assert f"{DEFAULT_MAX_WORDS:,}" in DOC
    assert f"{epub.MAX_INFLATED // (1024 * 1024)} MB" in DOC
    assert f"{epub.MAX_RATIO}:1" in DOC
    assert f"{epub.MAX_MEMBERS:,}" in DOC
