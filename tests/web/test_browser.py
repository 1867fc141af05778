"""The app in real headless Chromium against the real server: read a story by upload and watch it, find it
by its pair, open it; keyboard, phone width, JavaScript off; script payloads run nothing; no request leaves
the machine and no error reaches the console."""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, SHARED_EXAMPLE
from .conftest import Server, Stories

OWN_WILLOW_STORY = ROOT / "tests" / "fixtures" / "web" / "willow-and-buffy.txt"

pytestmark = pytest.mark.browser


@dataclass
class Tab:
    """A page of the app open in Chromium, with everything it tried to do recorded."""

    page: Any
    outside: list[str] = field(default_factory=list)  # requests to anywhere but the server
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    jobs: list[dict[str, Any]] = field(default_factory=list)  # job-status answers the page polled

    def clean(self) -> None:
        assert self.outside == [], f"requests left the machine: {self.outside}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.page_errors == [], f"script errors: {self.page_errors}"
        assert self.dialogs == []


@pytest.fixture
def open_tab(browser: Any, server: Server) -> Iterator[Callable[..., Tab]]:
    contexts: list[Any] = []

    def _open(path: str = "/", *, width: int = 1280, javascript: bool = True) -> Tab:
        ctx = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(15000)
        tab = Tab(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(server.url + "/"):
                r.continue_()
            else:
                tab.outside.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page.on("console", lambda m: m.type in ("error", "warning") and tab.console_errors.append(m.text))
        page.on("pageerror", lambda e: tab.page_errors.append(str(e)))

        def dialog(d: Any) -> None:
            tab.dialogs.append(d.message)
            d.dismiss()

        def response(r: Any) -> None:
            if "/api/jobs/" in r.url and r.status == 200:
                with contextlib.suppress(Exception):
                    tab.jobs.append(json.loads(r.body()))

        page.on("dialog", dialog)
        page.on("response", response)
        page.goto(server.url + path, wait_until="load")
        return tab

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.mark.slow
def test_read_a_story_by_upload_then_find_it_by_its_pair(open_tab, server: Server, artifacts: Path):
    # the shared fan fiction where this checkout has it beside it, else a Willow and Buffy story of our own
    story = SHARED_EXAMPLE if SHARED_EXAMPLE.is_file() else OWN_WILLOW_STORY
    tab = open_tab("/read")
    page = tab.page
    page.get_by_label(re.compile("Story file")).set_input_files(str(story))
    page.get_by_role("button", name="Read").click()
    status = page.locator("#upload-status")
    status.filter(has_text="Reading").wait_for()
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator("#queue progress").first.is_visible()
    page.screenshot(path=str(artifacts / "web-reading.png"))
    page.wait_for_url(re.compile(r"/stories/[0-9a-f]{16}$"), timeout=240_000)
    seen = [(j["state"], j["percent"]) for j in tab.jobs]
    assert any(state == "running" and 0 < pct < 100 for state, pct in seen), seen
    story_url = page.url
    title = page.locator("h1").inner_text()
    assert title
    report = page.frame_locator("iframe.report")
    report.locator("#cast").wait_for()
    assert report.locator("table.cast tbody tr").count() >= 2
    assert report.locator(".story-text .who", has_text="Willow").count() >= 1
    assert page.get_by_role("link", name=re.compile("Download the reading")).is_visible()
    page.screenshot(path=str(artifacts / "web-story.png"), full_page=True)

    page.get_by_role("link", name="Library", exact=True).click()
    page.get_by_label("Pair").fill("Willow -> Buffy")
    page.get_by_label("Pair").press("Enter")
    page.wait_for_url(re.compile(r"pair=Willow"))
    assert "pair=Willow+-%3E+Buffy" in page.url  # the search is in the address, to bookmark and share
    results = page.locator("table.stories tbody tr")
    assert results.count() >= 1
    assert "Willow" in page.locator("table.stories").inner_text()
    page.screenshot(path=str(artifacts / "web-search.png"), full_page=True)
    page.locator("table.stories").get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(story_url)
    assert page.locator("h1").inner_text() == title
    tab.clean()


def test_a_file_that_is_not_a_story_shows_its_one_line_error(open_tab, tmp_path: Path):
    fake = tmp_path / "story.txt"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    tab = open_tab("/read")
    page = tab.page
    page.get_by_label(re.compile("Story file")).set_input_files(str(fake))
    page.get_by_role("button", name="Read").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "PDF" in alert.inner_text() and "pdftotext" in alert.inner_text()
    assert "/read" in page.url
    tab.console_errors = [e for e in tab.console_errors if "400" not in e]  # the refused upload's status
    tab.clean()


@pytest.mark.slow
def test_reading_works_with_javascript_off(open_tab, server: Server):
    tab = open_tab("/read", javascript=False)
    page = tab.page
    page.locator("details summary").click()
    page.get_by_label("Title (optional)").fill("Read without script")
    page.get_by_label("Story text").fill("Mara trusted Jonah. “Stay,” Jonah said to Mara. Mara smiled at Jonah.")
    page.get_by_role("button", name="Read").click()
    page.wait_for_url(re.compile(r"/(jobs|stories)/[0-9a-f]+$"))
    end = time.monotonic() + 240
    while "/stories/" not in page.url:  # the job page refreshes itself until the story opens
        try:
            shown = page.locator("main").inner_text(timeout=2000)
        except Exception:  # the page is between two loads
            shown = ""
        assert time.monotonic() < end, f"still at {page.url}: {shown}"
        assert "failed" not in shown, shown
        page.wait_for_timeout(500)
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Read without script"
    tab.clean()


def test_the_keyboard_reaches_everything_and_focus_shows(open_tab):
    tab = open_tab("/")
    page = tab.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(3):
        page.keyboard.press("Tab")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    for name in ("Words or title", "Pair", "Feeling", "Unsaid", "Arc shape", "Fandom", "Tag", "Sort by"):
        assert page.get_by_role("search").get_by_label(name, exact=True).count() == 1, name
    assert page.locator("main").count() == 1 and page.locator("header nav").count() == 1
    assert page.get_by_role("search").count() == 1
    page.get_by_label("Feeling", exact=True).fill("sideways grief joy")
    page.keyboard.press("Enter")
    assert "feeling" in page.get_by_role("alert").inner_text().lower()
    tab.console_errors = [e for e in tab.console_errors if "400" not in e]  # the refused search's status
    tab.clean()


def test_pages_fit_a_phone(open_tab, stories: Stories, artifacts: Path):
    for path, name in (("/", "library"), (f"/stories/{stories.lighthouse}", "story"), ("/read", "read")):
        tab = open_tab(path, width=360)
        page = tab.page
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
        page.screenshot(path=str(artifacts / f"web-phone-{name}.png"), full_page=True)
        tab.clean()


def test_script_payloads_in_stories_run_nothing(open_tab, stories: Stories, artifacts: Path):
    from tests.report.conftest import Payloads

    bad = Payloads().items
    for path in ("/", f"/stories/{stories.xss}", "/?tag=" + "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"):
        tab = open_tab(path)
        page = tab.page
        if "/stories/" in path:
            assert page.locator("h1").inner_text() == bad[0]
            frame = page.frame_locator("iframe.report")
            frame.locator("#cast").wait_for()
            for i in range(min(frame.locator(".s[tabindex='0']").count(), 30)):
                frame.locator(".s[tabindex='0']").nth(i).focus()
            for f in page.frames:
                assert f.evaluate("typeof window.__pwned") == "undefined"
            page.screenshot(path=str(artifacts / "web-xss.png"), full_page=True)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("main img, main iframe:not(.report), main object, main embed, main svg").count() == 0
        assert page.locator("script").count() == 1  # app.js only
        tab.clean()
