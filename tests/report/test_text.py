"""The annotated text: whatever spans the steps give, the markup nests and the words come through whole."""

from __future__ import annotations

import math
import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from heartline.report import render_html
from heartline.report.text import fallback_paragraphs, render_text
from heartline.story import Bond, Chapter, Feeling, Mention, Paragraph, Quote, Sentence, Story

from .test_render import parse

WORDS = st.text(alphabet="ab “”<>&'\"\n", min_size=1, max_size=12)


def _spans(draw, n: int, count: int, disjoint: bool) -> list[tuple[int, int]]:
    """Up to ``count`` spans in [0, n): sorted and disjoint, or anything at all."""
    cuts = sorted(draw(st.lists(st.integers(0, n), min_size=0, max_size=2 * count)))
    if disjoint:
        return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return [(min(a, b), max(a, b)) for a, b in zip(cuts, reversed(cuts), strict=False) if a != b]


@st.composite
def annotated(draw) -> Story:
    text = "".join(draw(st.lists(WORDS, min_size=1, max_size=30)))
    n = len(text)
    story = Story(text)
    story.paragraphs = [Paragraph(a, b) for a, b in _spans(draw, n, 6, True)]
    story.sentences = [
        Sentence(a, b, emotions={"joy": 0.8} if i % 2 else {"neutral": 0.9})
        for i, (a, b) in enumerate(_spans(draw, n, 10, True))
    ]
    story.quotes = [Quote(a, b, [(a, b)], speaker="x" if a % 2 else None) for a, b in _spans(draw, n, 4, True)]
    story.mentions = [Mention(a, b, "x", "name") for a, b in _spans(draw, n, 6, draw(st.booleans()))]
    story.feelings = [Feeling("x", "y", "love", 0.5, a, b, a % 2 == 0) for a, b in _spans(draw, n, 3, False)]
    story.done = ["segment", "speakers"]
    return story


@settings(max_examples=150, deadline=None)
@given(annotated())
def test_any_spans_give_markup_that_nests_and_keeps_every_word(story):
    view = render_text(story, {"x": "X"})
    assert parse(view.html).errors == []
    body = re.sub(r'<span class="who[^"]*"[^>]*>[^<]*</span>', "", view.html)
    body = re.sub(r"<h3[^>]*>.*?</h3>", "", body)
    shown = unescape(re.sub(r"<[^>]+>", "", body))
    spans = [(p.start, p.end) for p in story.paragraphs] or fallback_paragraphs(story.text, 0, len(story.text))
    expected = "".join(story.text[a:b] for a, b in spans)
    assert shown.replace("\n", "") == expected.replace("\n", "")


def test_fallback_paragraphs_split_on_blank_lines():
    text = "  One.\nStill one.\n\n\nTwo.  \n \nThree"
    assert [text[a:b] for a, b in fallback_paragraphs(text, 0, len(text))] == ["One.\nStill one.", "Two.", "Three"]


def test_a_sentence_over_two_paragraphs_has_one_id():
    story = Story("First half\n\nsecond half.")
    story.paragraphs = [Paragraph(0, 10), Paragraph(12, 24)]
    story.sentences = [Sentence(0, 24, emotions={"fear": 0.9}, labels=["fear"])]
    html = render_text(story, {}).html
    assert html.count('id="s0"') == 1 and html.count('data-i="0"') == 2


def test_odd_numbers_in_a_hand_edited_reading_do_not_break_the_page():
    story = Story("One line here.\n\nAnother line.")
    story.chapters = [Chapter(0, 14, None), Chapter(14, 29, "Two")]
    story.sentences = [Sentence(0, 14, emotions={"joy": math.nan}), Sentence(16, 29, emotions={"fear": 0.7})]
    story.bonds = [Bond("a", "b", math.nan, math.inf), Bond("b", "a", -0.5, 1.0), Bond("a", "a", 1.0, 1.0)]
    story.feelings = [Feeling("a", "b", "love", math.nan, 0, 3, False)]
    story.arcs = {"story": {"valence": [0.1, math.nan, None, 0.3]}, "characters": {"a": [math.inf]}, "x": "bad"}
    html = render_html(story)
    assert parse(html).errors == []
    # the page's random CSP nonce may hold "nan" by chance (about once in 1,500 pages): not a number shown
    shown = re.sub(r"nonce[-=\"']*[A-Za-z0-9+/_=-]+", "", re.sub(r"<script.*?</script>", "", html, flags=re.S))
    assert "nan" not in shown.lower().replace("nance", "")
    assert 'class="arc-chart"' in html and 'class="bond-map"' in html
    assert math.isnan(story.bonds[0].valence)  # the caller's story is left as it was
