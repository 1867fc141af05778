"""Stories built by hand for the report tests, and a real headless Chromium to render them in.

The browser is Debian's ``chromium`` at /usr/bin/chromium, driven by Playwright; nothing is downloaded.
When it is missing the browser tests ERROR (they never skip), so CI cannot pass without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from heartline.story import (
    Bond,
    Chapter,
    Character,
    Feeling,
    Mention,
    Metadata,
    Paragraph,
    Quote,
    SceneBreak,
    Sentence,
    Story,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",  # small /dev/shm in containers
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"  # screenshots for a person to look at

# -- a story built by hand ----------------------------------------------------------------------------

CHAPTER_1 = [
    "Chapter One: The Lamp",
    "The storm came in low over the water, and Mara climbed the lighthouse stairs two at a time.",
    "“You’re late,” Jonah said, not looking up from the lens. “The lamp nearly went out.”",
    "“I know. I’m sorry.” Mara set the oil can down. She hated how small her voice sounded.",
    "* * *",
    "Jonah watched her trim the wick, and he thought she had never looked so tired. He said nothing.",
]
CHAPTER_2 = [
    "Chapter Two: The Letter",
    "In the morning a letter came from Elise, their mother, who had left the island years ago.",
    "“She wants us to sell the light,” Mara said. “I won’t. I can’t.”",
    "“Then we stay,” Jonah said, and smiled at her. “Together.”",
    "Mara laughed, surprised by how glad she was. She loved him for that, and never told him so.",
]

EMOTIONS = {  # sentence text (prefix) -> emotion scores
    "The storm came": {"nervousness": 0.55, "fear": 0.3, "neutral": 0.15},
    "You’re late": {"annoyance": 0.72, "neutral": 0.2},
    "The lamp nearly": {"fear": 0.48, "nervousness": 0.3},
    "I know.": {"remorse": 0.62, "sadness": 0.25},
    "I’m sorry.": {"remorse": 0.81, "sadness": 0.1},
    "She hated": {"embarrassment": 0.52, "sadness": 0.35},
    "Jonah watched": {"caring": 0.66, "sadness": 0.2},
    "He said nothing": {"neutral": 0.8},
    "In the morning": {"sadness": 0.44, "neutral": 0.4},
    "She wants us": {"disapproval": 0.58, "sadness": 0.3},
    "I won’t.": {"anger": 0.61, "annoyance": 0.2},
    "I can’t.": {"sadness": 0.7, "grief": 0.12},
    "Then we stay": {"caring": 0.7, "optimism": 0.5},
    "Together.": {"love": 0.77, "joy": 0.4},
    "Mara laughed": {"joy": 0.82, "surprise": 0.4, "relief": 0.3},
    "She loved him": {"love": 0.91, "gratitude": 0.2},
}
SPEAKERS = ["jonah", "mara", "mara", "jonah"]  # one per quote, in order
ADDRESSEES = [["mara"], ["jonah"], ["jonah"], ["mara"]]


@dataclass
class Payloads:
    """Strings that would run script if the report ever put them into the page unescaped."""

    items: list[str] = field(
        default_factory=lambda: [
            "<script>window.__pwned = 1; alert(1)</script>",
            '<img src=x onerror="window.__pwned = 2; alert(2)">',
            "javascript:window.__pwned=3",
            '"><svg onload=alert(4)>',
            "</script><script>window.__pwned = 5</script>",
            "<!--<script>",
            "\u2028';alert(6)//",
            "${body}$nonce",
        ]
    )


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Sentence spans of text[a:b]: cut after . ! ? (and a closing quote), and at quote marks."""
    out = []
    for m in re.finditer(r"“[^”]*?[.!?,]?”|[^“\s][^.!?“]*[.!?]?", text[a:b]):
        piece = m.group(0)
        if piece.startswith("“"):  # spoken words: one sentence per . ! ? inside the quote
            inner_start = a + m.start()
            for sm in re.finditer(r"[^\s“”][^.!?]*[.!?,]?”?", piece):
                out.append((inner_start + sm.start(), inner_start + sm.end()))
        else:
            s, e = a + m.start(), a + m.end()
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


def build_story(
    chapters: tuple[list[str], ...] = (CHAPTER_1, CHAPTER_2),
    emotions: dict[str, dict[str, float]] | None = None,
    metadata: Metadata | None = None,
    names: dict[str, tuple[str, list[str]]] | None = None,
) -> Story:
    """The invented two-chapter lighthouse story, annotated by hand in the reading schema's shape."""
    emotions = EMOTIONS if emotions is None else emotions
    names = names or {
        "mara": ("Mara", ["Mara", "Mar"]),
        "jonah": ("Jonah", ["Jonah"]),
        "elise": ("Elise", ["Elise", "their mother"]),
    }
    text = ""
    chapter_spans, paragraphs, breaks = [], [], []
    for paras in chapters:
        ch_start = len(text)
        for para in paras:
            start = len(text)
            text += para
            if para == "* * *":
                breaks.append(SceneBreak(start, len(text)))
            paragraphs.append(Paragraph(start, len(text)))
            text += "\n\n"
        chapter_spans.append(Chapter(ch_start, len(text), paras[0]))
    story = Story(text=text, metadata=metadata or Metadata(title="The Lighthouse Keepers", authors=["A. Tester"]))
    story.chapters = chapter_spans
    story.paragraphs = [p for p in paragraphs if not any(b.start == p.start for b in breaks)]
    story.scene_breaks = breaks
    for m in re.finditer(r"“[^”]*”(?:[^“\n]*“[^”]*”)?", text):
        parts = [(q.start() + 1, q.end() - 1) for q in re.finditer(r"“[^”]*”", m.group(0))]
        parts = [(m.start() + s, m.start() + e) for s, e in parts]
        story.quotes.append(Quote(m.start(), m.end(), parts))
    for pi, p in enumerate(story.paragraphs):
        for s, e in _sentences(text, p.start, p.end):
            in_quote = next((qi for qi, q in enumerate(story.quotes) for ps, pe in q.parts if ps <= s < pe), None)
            sent = Sentence(s, e, quote=in_quote, paragraph=pi)
            for prefix, scores in emotions.items():
                if text[s:e].lstrip("“").startswith(prefix):
                    sent.emotions = dict(scores)
                    sent.labels = [k for k, v in scores.items() if v >= 0.5]
            story.sentences.append(sent)
    for qi, q in enumerate(story.quotes):
        q.speaker = SPEAKERS[qi % len(SPEAKERS)]
        q.addressees = list(ADDRESSEES[qi % len(ADDRESSEES)])
        q.attribution = "explicit"
    for cid, (name, aliases) in names.items():
        for alias in aliases:
            for m in re.finditer(re.escape(alias), text):
                if not any(x.start <= m.start() < x.end for x in story.mentions):
                    story.mentions.append(Mention(m.start(), m.end(), cid, "name"))
        story.characters.append(
            Character(
                id=cid,
                name=name,
                aliases=list(aliases),
                mentions=sum(1 for x in story.mentions if x.character == cid),
                quotes=sum(1 for q in story.quotes if q.speaker == cid),
                present=cid != "elise",
            )
        )
    story.mentions.sort(key=lambda m: m.start)

    felt = [  # experiencer, target, emotion, intensity, words, voiced
        ("jonah", "mara", "annoyance", 0.7, "You’re late", True),
        ("mara", "jonah", "remorse", 0.8, "I’m sorry.", True),
        ("jonah", "mara", "caring", 0.75, "he thought she had never looked so tired", False),
        ("mara", "elise", "anger", 0.6, "I won’t.", True),
        ("jonah", "mara", "love", 0.7, "Together.", True),
        ("mara", "jonah", "love", 0.9, "She loved him for that", False),
        ("mara", "jonah", "joy", 0.8, "Mara laughed", False),
    ]
    for exp, tgt, emo, intensity, words, voiced in felt:
        if words in text:
            i = text.index(words)
            story.feelings.append(Feeling(exp, tgt, emo, intensity, i, i + len(words), voiced))
    story.bonds = [
        Bond("mara", "jonah", 0.55, 2.5, {"love": 0.36, "joy": 0.32, "remorse": 0.32},
             [{"window": 0, "chapter": 0, "valence": -0.6}, {"window": 1, "chapter": 1, "valence": 0.85}],
             {"trend": {"direction": "rising", "valence_slope": 1.4}}),
        Bond("jonah", "mara", 0.38, 2.15, {"caring": 0.35, "love": 0.33, "annoyance": 0.32},
             [{"window": 0, "chapter": 0, "valence": 0.05}, {"window": 1, "chapter": 1, "valence": 0.9}]),
        Bond("mara", "elise", -0.8, 0.6, {"anger": 1.0},
             [{"window": 0, "valence": None}, {"window": 1, "valence": -0.8}]),
    ]  # fmt: skip
    n = 12
    story.arcs = {
        "story": {
            "valence": [round(-0.1 - 0.4 * (i / 5) if i < 6 else -0.5 + 0.2 * (i - 5), 3) for i in range(n)],
            "x": [i / (n - 1) for i in range(n)],
            "shape": {"name": "man in a hole", "fit": 0.83},
        },
        "characters": {
            "mara": {"valence": [round(-0.3 + 0.09 * i, 3) for i in range(n)]},
            "jonah": {"valence": [round(-0.2 + 0.1 * i - 0.2 * (i == 4), 3) for i in range(n)]},
        },
    }
    story.done = ["segment", "characters", "speakers", "emotions", "feelings", "bonds", "arcs"]
    return story


def build_xss_story() -> Story:
    """The lighthouse story with script payloads in its text, title, tags and character names."""
    bad = Payloads().items
    md = Metadata(
        title=bad[0], authors=[bad[1]], fandoms=[bad[2]], relationships=[bad[3]], characters=[bad[6]],
        tags=bad, summary=bad[4], source=bad[2], warnings=[bad[5]],
    )  # fmt: skip
    chapter = ["Chapter " + bad[0], f"Mara wrote {bad[1]} on the wall.", f"“{bad[4]} {bad[7]},” Jonah said.", bad[3]]
    story = build_story(
        chapters=(chapter, [bad[5], f"“{bad[2]}” Mara said. {bad[6]}"]),
        emotions={"Mara wrote": {"fear": 0.9}, "“": {"joy": 0.7}},
        metadata=md,
        names={"mara": (bad[1], ["Mara"]), "jonah": (bad[3], ["Jonah"]), "elise": (bad[0], [])},
    )
    story.arcs["characters"] = {bad[3]: {"valence": [0.1, 0.2]}, "mara": {"valence": [0.1, -0.2]}}
    story.bonds.append(Bond("jonah", bad[4], 0.2, 0.5, {bad[0]: 1.0}, [], {"unsaid": {"emotions": {bad[1]: 0.4}}}))
    story.feelings.append(Feeling(bad[6], bad[4], bad[0], 0.5, 0, 5, voiced=False))
    return story


@pytest.fixture
def story() -> Story:
    return build_story()


# -- the browser --------------------------------------------------------------------------------------


@dataclass
class Opened:
    """A report open in Chromium, with everything the page tried to do recorded."""

    page: Any
    requests: list[str]
    console_errors: list[str]
    page_errors: list[str]
    dialogs: list[str]


def require_chromium(path: Path = CHROMIUM) -> Path:
    """``path`` when Chromium is there; otherwise fail the test (an error in CI, never a skip)."""
    if not path.is_file():
        pytest.fail(
            f"Chromium is not installed at {path}; the report tests need it. "
            "Install it with: sudo scripts/install-browser.sh",
            pytrace=False,
        )
    return path


@pytest.fixture
def open_report(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    """Write an HTML string to a file and open it; every request other than the file itself is
    recorded (and aborted), as are console errors, page errors and dialogs."""
    contexts: list[Any] = []

    def _open(html: str, name: str = "report.html", javascript: bool = True, width: int = 1280) -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        url = path.as_uri()
        ctx = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(5000)
        opened = Opened(page, [], [], [], [])

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:  # recorded by the "request" listener below; never let it reach anything
                r.abort()

        ctx.route("**/*", route)
        page.on("request", lambda req: req.url != url and opened.requests.append(req.url))
        page.on("console", lambda m: m.type in ("error", "warning") and opened.console_errors.append(m.text))
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(150)
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()


# -- the real example -------------------------------------------------------------------------------------

BUNDLED_STORY = Path(__file__).resolve().parents[2] / "examples" / "the-lighthouse-keepers.txt"
# The full default pipeline, the shipped emotions model included.
REAL_STEPS = None
