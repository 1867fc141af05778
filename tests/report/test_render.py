"""The report as HTML text: sections present, everything escaped, compact, degrading when data is missing."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from heartline.report import render_html, script_json
from heartline.story import Character, Feeling, Metadata, Quote, Sentence, Story

from .conftest import Payloads, build_story, build_xss_story

SECTIONS = ("cast", "bonds", "arcs", "unsaid", "text", "legend")


class _Tags(HTMLParser):
    """Collects every start tag and its attributes, and checks tags close in order."""

    VOID = frozenset(
        {"meta", "link", "br", "hr", "img", "input", "rect", "line", "circle", "polygon", "path", "polyline"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="heartline-data">(.*?)</script>', html, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_the_page_has_every_section_and_nests_properly():
    html = render_html(build_story())
    tags = parse(html)
    assert tags.errors == []
    ids = {a.get("id") for _, a in tags.tags}
    assert set(SECTIONS) <= ids
    assert "Not computed" not in html


def test_the_page_is_self_contained():
    html = render_html(build_story())
    tags = parse(html)
    for tag, attrs in tags.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), f"<{tag} {name}={value!r}> points outside the page"
    assert "@import" not in html and "url(" not in html
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'nonce-" in csp
    scripts = [a for t, a in tags.tags if t == "script"]
    assert [a.get("type") for a in scripts] == ["application/json", None]
    assert scripts[1]["nonce"] and f"'nonce-{scripts[1]['nonce']}'" in csp


def test_every_quote_carries_its_speaker_and_sentences_their_emotion():
    story = build_story()
    html = render_html(story)
    article = article_of(html)
    assert article.count('class="who"') == len(story.quotes)
    assert '<span class="who" data-c="jonah">Jonah</span>' in html
    assert re.search(r'<span class="s f-love a3[^"]*" id="s\d+" data-i="\d+" tabindex="0">', html)
    data = page_data(html)
    assert data["chars"][:3] == ["Mara", "Jonah", "Elise"]
    together = next(i for i, s in enumerate(story.sentences) if story.span_text(s).startswith("Together"))
    entry = data["sentences"][str(together)]
    assert data["labels"][entry["e"][0][0]] == "love"
    assert "f" in entry and "q" in entry


def article_of(html: str) -> str:
    return html.split('<article class="story-text"', 1)[1].split(">", 1)[1].split("</article>", 1)[0]


def test_the_text_reads_in_full_without_any_markup():
    story = build_story()
    article = article_of(render_html(story))
    article = re.sub(r'<span class="who[^"]*"[^>]*>[^<]*</span>', "", article)
    article = re.sub(r"<h3[^>]*>.*?</h3>", "", article)
    words = unescape(re.sub(r"<[^>]+>", "", article)).split()
    titles = {ch.title for ch in story.chapters}
    expected = [w for p in story.paragraphs if story.span_text(p) not in titles for w in story.span_text(p).split()]
    assert words == expected


def test_unsaid_lists_what_is_felt_and_never_said():
    html = render_html(build_story())
    unsaid = re.search(r'<ul class="unsaid">(.*?)</ul>', html, re.S).group(1)
    assert "Mara → Jonah" in unsaid and "love" in unsaid and "joy" in unsaid
    assert "Jonah → Mara" in unsaid and "caring" in unsaid
    assert "annoyance" not in unsaid  # said aloud
    assert 'href="#s' in unsaid


def test_unsaid_prefers_what_the_bonds_step_found():
    story = build_story()
    story.bonds[0].extra["unsaid"] = {"emotions": {"desire": 0.9}, "weight": 0.9, "examples": [[10, 20]]}
    unsaid = re.search(r'<ul class="unsaid">(.*?)</ul>', render_html(story), re.S).group(1)
    assert "desire" in unsaid and "caring" not in unsaid


def test_a_bare_story_says_which_step_to_run_in_each_section():
    story = Story("Once upon a time there was a lighthouse.\n\nThe end.")
    html = render_html(story)
    assert parse(html).errors == []
    for step in ("characters", "bonds", "arcs", "feelings"):
        assert f"Not computed: run the <code>{step}</code> step" in html
    assert "Once upon a time there was a lighthouse." in html
    assert html.count("<p>") >= 2  # paragraphs found without the segment step


def test_a_step_that_ran_and_found_nothing_says_so():
    story = Story("Nobody here.")
    story.done = ["segment", "characters", "speakers", "emotions", "feelings", "bonds", "arcs"]
    html = render_html(story)
    assert "Not computed" not in html
    assert "step ran and found no bonds" in html


def test_payloads_are_escaped_everywhere():
    html = render_html(build_xss_story())
    tags = parse(html)
    assert tags.errors == []
    assert [t for t, _ in tags.tags].count("script") == 2
    assert not [t for t, _ in tags.tags if t in {"img", "iframe", "object", "embed"}]
    for tag, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), f"<{tag}> has an event handler: {attrs}"
        assert not any("javascript:" in (v or "") for k, v in attrs.items() if k in {"href", "src"})
    for payload in Payloads().items:
        assert payload not in html.replace("&quot;", '"') or "<" not in payload
    data = page_data(html)
    assert Payloads().items[0] in data["chars"]  # the JSON still holds the names, safely
    body = html.split('id="heartline-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body


def test_script_json_cannot_close_its_element():
    text = script_json({"a": "</script><!-- & \u2028 \u2029"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028 \u2029"}


def test_quotes_without_speakers_are_marked_unknown_only_after_the_speakers_step():
    story = Story("“Hello,” someone said.")
    story.quotes = [Quote(0, 8, [(1, 7)])]
    story.sentences = [Sentence(0, 8, quote=0), Sentence(9, 22)]
    assert 'class="who' not in article_of(render_html(story))
    assert "run the <code>speakers</code> step" in render_html(story)
    story.done = ["segment", "speakers"]
    assert 'class="who unknown"' in article_of(render_html(story))


def test_feelings_toward_unknown_characters_still_render():
    story = build_story()
    story.feelings.append(Feeling("ghost", None, "fear", 0.4, 0, 10, voiced=False))
    story.feelings.append(Feeling(None, "mara", "neutral", 0.1, 0, 10, voiced=True))
    story.characters.append(Character("nobody", "Nobody", mentions=0))
    html = render_html(story)
    assert parse(html).errors == []
    assert "ghost" in page_data(html)["ids"]


def test_metadata_shows_in_the_header():
    md = Metadata(
        title="A Quiet Harbour", authors=["Ann", "Bo"], fandoms=["Lighthouses"], relationships=["Mara/Jonah"],
        tags=["Hurt/Comfort", "Slow Burn"], summary="Two keepers and one storm.", words=1234,
    )  # fmt: skip
    story = build_story(metadata=md)
    head = re.search(r'<header class="story-head".*?</header>', render_html(story), re.S).group(0)
    for text in ("A Quiet Harbour", "by Ann, Bo", "Lighthouses", "Mara/Jonah", "Hurt/Comfort", "Slow Burn",
                 "Two keepers and one storm.", "1,234"):  # fmt: skip
        assert text in head


def _novel(words: int = 100_000) -> Story:
    """A synthetic novel of ``words`` words with every annotation filled in, 28 scores per sentence."""
    from heartline.emotions.labels import LABELS
    from heartline.story import Bond, Chapter, Mention, Paragraph

    sentence = "“I never said I missed you,” Willow said to Buffy, and the lamp burned low. "
    per = len(sentence.split())
    n = words // per
    text = sentence * n
    story = Story(text)
    step = len(sentence)
    story.chapters = [Chapter(i * step * (n // 40), min(len(text), (i + 1) * step * (n // 40)), f"Chapter {i + 1}")
                      for i in range(40)]  # fmt: skip
    story.chapters[-1].end = len(text)
    chars = [Character("willow", "Willow", mentions=n, quotes=n), Character("buffy", "Buffy", mentions=n)]
    story.characters = chars
    for i in range(n):
        a = i * step
        story.paragraphs.append(Paragraph(a, a + step - 1))
        story.quotes.append(Quote(a, a + 29, [(a + 1, a + 28)], "willow", ["buffy"], i, attribution="explicit"))
        scores = {lab: ((i * 7 + k * 13) % 29) / 29 for k, lab in enumerate(LABELS)}
        story.sentences.append(Sentence(a + 1, a + 28, quote=i, paragraph=i, emotions=scores, labels=["love"]))
        story.sentences.append(Sentence(a + 30, a + step - 1, paragraph=i, emotions=scores, labels=[]))
        story.mentions.append(Mention(a + 30, a + 36, "willow", "name"))
        story.mentions.append(Mention(a + 45, a + 50, "buffy", "name"))
        if i % 3 == 0:
            story.feelings.append(Feeling("willow", "buffy", "love", 0.8, a + 1, a + 28, voiced=i % 2 == 0))
    story.bonds = [Bond("willow", "buffy", 0.7, 900.0, {"love": 1.0}, [{"valence": 0.7}] * 20)]
    story.arcs = {"story": {"valence": [0.1] * 200}, "characters": {"willow": {"valence": [0.2] * 200}}}
    story.done = ["segment", "characters", "speakers", "emotions", "feelings", "bonds", "arcs"]
    return story


@pytest.mark.slow
def test_a_100k_word_novel_stays_under_5_mb():
    story = _novel()
    assert story.metadata.words >= 99_000
    html = render_html(story)
    size = len(html.encode("utf-8"))
    assert size < 5_000_000, f"{size:,} bytes"
    assert parse(html).errors == []


def test_ids_that_name_no_character_still_reach_the_tooltips():
    story = build_story()
    story.quotes[0].speaker = "ghost"
    story.bonds.append(story.bonds[0].__class__("mara", "stranger", 0.1, 0.2))
    data = page_data(render_html(story))
    ghost = data["chars"].index("ghost")
    assert any(q[0] == ghost for q in data["quotes"].values())
    assert data["bonds"][-1][1] == data["ids"].index("stranger")
