"""The command line: help, version, read, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from heartline import __version__
from heartline.cli import main


def all_commands(group: click.Group, prefix: str = "heartline") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out += all_commands(cmd, full)
    return out


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_does_not_import_heavy_modules():
    heavy = "('spacy', 'onnxruntime', 'torch', 'numpy')"
    code = f"import sys; from heartline.cli import main; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("name", "cmd"), all_commands(main))
def test_every_help_text_has_an_example(name, cmd):
    args = [*name.split()[1:], "-h"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"{name} -h shows no example"


@pytest.mark.usefixtures("nlp")
def test_read_prints_a_summary(example_path):
    result = CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment"])
    assert result.exit_code == 0, result.output
    assert "483 words" in result.output
    assert "quotes" in result.output


@pytest.mark.usefixtures("nlp")
def test_read_writes_the_reading(tmp_path, example_path):
    out = tmp_path / "reading.json"
    result = CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment", "-o", str(out)])
    assert result.exit_code == 0, result.output
    reading = json.loads(out.read_text())
    assert reading["schema"] == "heartline.reading/1"
    assert reading["steps"] == ["segment"]
    assert len(reading["quotes"]) >= 10
    assert list(tmp_path.iterdir()) == [out]  # no temporary files left behind


def test_bad_steps_is_one_line_and_writes_nothing(tmp_path, example_path):
    out = tmp_path / "reading.json"
    result = CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment,nope", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("heartline: error: There is no step called 'nope'.")
    assert not out.exists()


def test_output_into_a_missing_folder_is_explained(tmp_path, example_path):
    out = tmp_path / "missing" / "reading.json"
    result = CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment", "-o", str(out)])
    assert result.exit_code == 1
    assert "does not exist" in result.output and "mkdir" in result.output


@pytest.mark.usefixtures("nlp")
def test_outputs_get_the_usual_file_mode(tmp_path, example_path):
    import os

    out = tmp_path / "reading.json"
    CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment", "-o", str(out)])
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_set_reaches_a_step_setting(tmp_path, example_path):
    out = tmp_path / "r.json"
    args = ["read", str(example_path), "--steps", "segment,characters,speakers", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--set", "speakers.ranker=false"])
    assert result.exit_code == 0, result.output
    rules_only = json.loads(out.read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, [*args[:-2], "--speaker-rules-only", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == rules_only


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("feelings.sorce=lexicon", "has no setting 'sorce'"),
        ("feelings.source=lexicons", "must be 'model' or 'lexicon' or 'both'"),
        ("arcs.points=many", "must be int"),
        ("feelings=lexicon", "is not STEP.SETTING=VALUE"),
        ("feeling.source=lexicon", "no step called 'feeling'"),
    ],
)
def test_a_bad_setting_is_one_line_and_writes_nothing(tmp_path, example_path, item, message):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["read", str(example_path), "--set", item, "-o", str(out)])
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()
