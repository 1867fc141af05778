"""The report in real headless Chromium: sections shown, keyboard use, no requests, no errors, no XSS.

Screenshots land in artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import pytest

import heartline
from heartline.report import render_html

from .conftest import Payloads, build_story, build_xss_story, require_chromium

pytestmark = pytest.mark.browser


def _clean(opened) -> None:
    assert opened.requests == [], f"the page made requests: {opened.requests}"
    assert opened.console_errors == [], f"console errors: {opened.console_errors}"
    assert opened.page_errors == [], f"script errors: {opened.page_errors}"
    assert opened.dialogs == []


def test_every_section_is_visible_and_populated(open_report, artifacts):
    opened = open_report(render_html(build_story()))
    page = opened.page
    for section in ("top", "cast", "bonds", "arcs", "unsaid", "text", "legend"):
        assert page.locator(f"#{section}").is_visible(), section
    assert page.locator("h1").inner_text() == "The Lighthouse Keepers"
    assert page.locator("table.cast tbody tr").count() == 3
    assert page.locator("table.cast tbody").inner_text().count("present") == 2
    assert "absent" in page.locator("table.cast tbody tr", has_text="Elise").inner_text()
    assert page.locator(".bond-map .edge").count() == 3
    assert page.locator(".bond-map .node").count() == 3
    assert page.locator(".arc-chart polyline").count() == 3
    assert page.locator("ul.unsaid li").count() == 2
    assert page.locator(".story-text .who").count() == 4
    assert page.locator(".story-text .s[tabindex='0']").count() >= 14
    assert page.locator("nav.chapters a").count() == 2
    assert page.locator(".mood-strip").is_visible()
    box = page.locator(".story-text").bounding_box()
    assert box is not None and box["width"] < 800  # a readable measure, not the full window
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    _clean(opened)


def test_keyboard_reaches_the_text_and_shows_who_feels_what(open_report, artifacts):
    opened = open_report(render_html(build_story()))
    page = opened.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the story text"
    assert page.locator("a.skip").first.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the chapter links, into the text
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused.startswith("s "), focused
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "tip"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    loved = page.locator(".s", has_text="She loved him for that")
    loved.focus()
    text = tip.inner_text()
    assert "Mara → Jonah" in text and "love" in text and "unsaid" in text
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    together = page.locator(".s", has_text="Together.")
    together.hover()
    text = tip.inner_text()
    assert "Jonah says, to Mara" in text and "said aloud" in text
    page.screenshot(path=str(artifacts / "report-tooltip.png"))
    _clean(opened)


def test_the_bond_map_shows_feelings_both_ways(open_report):
    opened = open_report(render_html(build_story()))
    page = opened.page
    edge = page.locator('.bond-map .edge[data-src="mara"][data-tgt="jonah"]')
    edge.focus()
    detail = page.locator("#bond-detail").inner_text()
    assert "Mara → Jonah" in detail and "Jonah → Mara" in detail
    assert "love" in detail and "caring" in detail
    page.locator('.bond-map .node[data-c="elise"] circle').hover()
    assert "Is felt for by" in page.locator("#bond-detail").inner_text()
    assert page.locator(".bond-map .edge.lit").count() == 1
    _clean(opened)


def test_the_page_reads_with_javascript_off(open_report, artifacts):
    opened = open_report(render_html(build_story()), javascript=False, width=900)
    page = opened.page
    assert page.locator(".story-text").inner_text().count("Mara") >= 4
    assert page.locator("table.cast").is_visible()
    assert page.locator(".bond-map").is_visible()
    assert page.locator(".arc-chart").is_visible()
    assert page.locator("table.bonds tbody tr").count() == 3
    page.screenshot(path=str(artifacts / "report-no-js.png"), full_page=True)
    _clean(opened)


def test_script_payloads_in_the_story_run_nothing(open_report, artifacts):
    opened = open_report(render_html(build_xss_story()), name="xss.html")
    page = opened.page
    assert page.locator("h1").inner_text() == Payloads().items[0]
    for locator in (".s[tabindex='0']", ".bond-map .edge", ".bond-map .node"):  # every tooltip and panel
        for i in range(page.locator(locator).count()):
            page.locator(locator).nth(i).dispatch_event("mouseover")
            page.locator(locator).nth(i).dispatch_event("mouseenter")
            page.locator(locator).nth(i).focus()
            assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("script").count() == 2
    assert Payloads().items[1] in page.locator("table.cast").inner_text()
    page.screenshot(path=str(artifacts / "report-xss.png"), full_page=True)
    _clean(opened)


@pytest.mark.slow
def test_a_real_reading_of_the_example_story(open_report, artifacts):
    """heartline's bundled example story through every real step, the shipped emotion model included."""
    from .conftest import BUNDLED_STORY, REAL_STEPS

    story = heartline.read(BUNDLED_STORY, steps=REAL_STEPS)
    assert story.done == list(heartline.DEFAULT_STEPS)
    opened = open_report(render_html(story), name="the-lighthouse-keepers.html")
    page = opened.page
    text = page.locator(".story-text").inner_text()
    assert "Hold the light anyway." in text
    assert page.locator(".story-text .who", has_text="Maren").count() >= 2
    assert page.locator(".story-text .who", has_text="Ines").count() >= 2
    assert page.locator("table.cast tbody tr").count() >= 2
    assert page.locator(".bond-map .edge").count() >= 2
    assert page.locator(".arc-chart polyline").count() >= 2
    assert page.locator("ul.unsaid li", has_text="Maren →").count() >= 1
    assert "Not computed" not in page.locator("main").inner_text()
    page.locator('.bond-map .edge[data-src="maren"]').first.focus()
    assert "Maren → " in page.locator("#bond-detail").inner_text()
    page.screenshot(path=str(artifacts / "report-the-lighthouse-keepers.png"), full_page=True)
    _clean(opened)


def test_the_harness_sees_requests_errors_and_dialogs(open_report):
    page = (
        '<!doctype html><title>t</title><img src="http://192.0.2.1/x.png">'
        "<script>alert('hi'); console.error('boom'); undefinedFunction()</script>"
    )
    opened = open_report(page, name="noisy.html")
    assert opened.requests == ["http://192.0.2.1/x.png"]
    assert opened.dialogs == ["hi"]
    assert "boom" in opened.console_errors
    assert any("undefinedFunction" in e for e in opened.page_errors)


def test_a_missing_browser_is_an_error_with_the_fix(tmp_path):
    with pytest.raises(pytest.fail.Exception, match=r"scripts/install-browser\.sh"):
        require_chromium(tmp_path / "no-chromium")


def test_a_name_in_the_cast_highlights_the_character_in_the_text(open_report):
    story = build_story()
    opened = open_report(render_html(story))
    page = opened.page
    button = page.get_by_role("button", name="Mara", exact=True)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator(".story-text .m.hl").count() == sum(m.character == "mara" for m in story.mentions)
    assert page.locator(".story-text .who.hl").count() == 2
    assert "Highlighting Mara" in page.locator(".cast-status").inner_text()
    button.click()
    assert page.locator(".story-text .hl").count() == 0
    _clean(opened)
