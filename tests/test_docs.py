"""The docs stay in step with the code: every command documented, the JSON example true."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import heartline
from heartline.cli import main

from .test_cli import all_commands

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize(("name", "cmd"), all_commands(main))
def test_every_command_is_documented(name, cmd):
    assert f"`{name}`" in (DOCS / "cli.md").read_text(), f"docs/cli.md does not document {name}"


def test_every_public_name_is_exported():
    public = {n for n in dir(heartline) if not n.startswith("_") and n not in {"annotations", "TYPE_CHECKING"}}
    modules = {n for n in public if type(getattr(heartline, n)).__name__ == "module"}
    assert set(heartline.__all__) == (public - modules) | {"__version__"}


@pytest.mark.usefixtures("nlp")
def test_the_minimal_example_in_the_json_docs_is_what_heartline_writes():
    block = re.search(r"## A minimal example\s+```json\n(.*?)```", (DOCS / "reading-json.md").read_text(), re.S)
    assert block is not None
    documented = json.loads(block.group(1))
    produced = heartline.read(text=documented["text"], steps="segment").to_dict()
    assert produced == documented


def test_every_step_setting_is_documented():
    from heartline.pipeline import DEFAULT_STEPS, step_settings

    cli = (DOCS / "cli.md").read_text()
    for step in DEFAULT_STEPS:
        for name in step_settings(step) or {}:
            assert f"`{step}.{name}`" in cli, f"docs/cli.md does not document {step}.{name}"
