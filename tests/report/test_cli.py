"""``heartline report`` and ``heartline read --html``: the report written from the command line."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.story import Story

from .conftest import build_story


def test_report_renders_a_saved_reading(tmp_path):
    reading = tmp_path / "reading.json"
    reading.write_text(build_story().to_json(), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(reading), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<h1>The Lighthouse Keepers</h1>" in html
    assert 'class="bond-map"' in html


def test_report_writes_next_to_the_reading_by_default(tmp_path):
    reading = tmp_path / "story.reading.json"
    reading.write_text(build_story().to_json(), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(reading)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "story.reading.html").is_file()


def test_a_saved_reading_renders_as_the_story_it_came_from(tmp_path):
    from heartline.report import render_html

    story = build_story()
    again = Story.from_json(story.to_json())

    def without_nonce(html: str) -> str:
        nonce = re.search(r'<script nonce="([^"]+)">', html).group(1)
        return html.replace(nonce, "NONCE")

    assert without_nonce(render_html(again)) == without_nonce(render_html(story))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no reading at"),
        ("{not json", "is not JSON"),
        (json.dumps({"schema": "something/else"}), "not a heartline reading"),
        (json.dumps({"schema": "heartline.reading/1"}), "not a complete heartline reading"),
    ],
)
def test_a_bad_reading_is_one_line_and_writes_nothing(tmp_path, content, message):
    reading = tmp_path / "reading.json"
    if content is not None:
        reading.write_text(content, encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(reading), "-o", str(out)])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.usefixtures("nlp")
def test_read_writes_the_html_report(tmp_path, example_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["read", str(example_path), "--steps", "segment", "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Not computed: run the <code>characters</code> step" in html
